/* Early warning: a supervisor acknowledges an alert with a note saying
 * what was done; the row is filled in once and the event carries it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/alert.h"
#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/text.h"

jrc_status alert_ack(jrc_db *db, const jrc_staff *by, int64_t id, const char *note,
		     jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char *text = NULL, *ev_note = NULL, actor[48], at[32], acked_at[32] = "";
	int rc, found;
	size_t len;
	jrc_event_in ev = { 0 };

	if (!by)
		return jrc_err_set(err, JRC_E_REFUSED, "staff",
				   _("Only logged-in staff can do this: give your staff ID with --staff."));
	if (by->disabled)
		return jrc_err_set(err, JRC_E_REFUSED, "staff",
				   _("This account is disabled: ask an administrator."));
	if (by->role != JRC_ROLE_SUPERVISOR)
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   _("Only a supervisor acknowledges an alert; your role is %s: ask a supervisor."),
				   auth_role_label(by->role));
	text = note && text_utf8_valid(note, strlen(note)) ? text_sanitize(note, 1) : NULL;
	if (!text || !*text) {
		free(text);
		return jrc_err_set(err, JRC_E_INVALID, "note",
				   _("The note is missing: say in words what was done about the alert."));
	}
	if (text_utf8_count(text) > JRC_ALERT_NOTE_MAX) {
		free(text);
		return jrc_err_set(err, JRC_E_INVALID, "note",
				   _("The note is too long: keep it to %d characters."), JRC_ALERT_NOTE_MAX);
	}
	if ((s = db_begin(db, err))) {
		free(text);
		return s;
	}
	if ((s = db_prepare(db, "SELECT coalesce(acked_at, '') FROM alerts WHERE id = ?", &st, err)))
		goto fail;
	db_bind_int64(st, 1, id);
	rc = db_step(db, st);
	found = rc == DB_ROW;
	if (found)
		db_col_copy(st, 0, acked_at, sizeof(acked_at));
	db_finalize(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if (!found) {
		s = jrc_err_set(err, JRC_E_NOT_FOUND, "id",
				_("There is no alert %" PRId64 ": see 'jrc alerts' for the numbers."), id);
		goto fail;
	}
	if (*acked_at) {
		s = jrc_err_set(err, JRC_E_REFUSED, "id",
				_("Alert %" PRId64 " is already acknowledged: nothing more to do."), id);
		goto fail;
	}
	auth_actor(by, actor, sizeof(actor));
	clock_format_utc(clock_now(), at);
	if ((s = db_prepare(db, "UPDATE alerts SET acked_at = ?, acked_by = ?, ack_note = ?"
			    " WHERE id = ?", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, at);
	db_bind_text(db, st, 2, by->id);
	db_bind_text(db, st, 3, text);
	db_bind_int64(st, 4, id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	len = strlen(text) + 32;
	if (!(ev_note = malloc(len))) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto fail;
	}
	snprintf(ev_note, len, "note: %s", text);
	ev.actor = actor;
	ev.kind = "alert_ack";
	ev.note = ev_note;
	ev.cover[0] = (jrc_cover){ "alerts", id, NULL };
	if ((s = audit_append(db, &ev, NULL, NULL, err)))
		goto fail;
	s = db_commit(db, err);
	free(text);
	free(ev_note);
	return s;
fail:
	db_rollback(db);
	free(text);
	free(ev_note);
	return s;
}
