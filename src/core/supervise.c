/* Supervision notices (督办): issue, acknowledge, reply, list.  The row in
 * supervisions is written first and the event that records the step
 * carries it (audit_cover.c), so jrc verify holds the table to the log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/date.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/supervise.h"
#include "jrc/text.h"

#define SV_COLS "s.id, s.case_id, c.receipt, s.department, s.note, s.by_on, s.issued_at," \
	" s.issued_by, s.acked_at, s.acked_by, s.reply, s.replied_at, s.replied_by," \
	" (s.late <> 0 OR (s.replied_at IS NULL AND s.by_on < ?1))"

static jrc_date today(void)
{
	return clock_local_date(clock_now());
}

static jrc_status latest_of(const jrc_case *c, char out[11], jrc_err *err)
{
	jrc_date t = today(), due;

	if (!lifecycle_state_owes_step(lifecycle_case_state(c)))
		return jrc_err_set(err, JRC_E_REFUSED, "state",
				   _("Case %s is %s: nobody owes it a step, so there is nothing to supervise."),
				   c->receipt, lifecycle_state_name(lifecycle_case_state(c)));
	if (lifecycle_is_overdue(c, t) || !c->due_on[0] || date_parse(c->due_on, &due) != 0)
		date_format(date_add_days(t, JRC_SUPERVISE_OVERDUE_DAYS), out);
	else
		date_format(due, out);
	return JRC_OK;
}

jrc_status supervise_latest(jrc_db *db, const char *receipt, char out[11], jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if ((s = grievance_get(db, receipt, &c, err)))
		return s;
	s = latest_of(&c, out, err);
	grievance_case_free(&c);
	return s;
}

/* A note (reply 0) or a reply: valid UTF-8, cleaned, 1 to
 * JRC_SUPERVISE_NOTE_MAX characters; NULL after saying why. */
static char *clean_text(const char *in, int reply, jrc_err *err)
{
	char *t = in && text_utf8_valid(in, strlen(in)) ? text_sanitize(in, 1) : NULL;

	if (t && *t && text_utf8_count(t) <= JRC_SUPERVISE_NOTE_MAX)
		return t;
	if (t && *t)
		jrc_err_set(err, JRC_E_INVALID, reply ? "reply" : "note",
			    reply ? _("The reply is too long: keep it to %d characters.")
				  : _("The note is too long: keep it to %d characters."),
			    JRC_SUPERVISE_NOTE_MAX);
	else
		jrc_err_set(err, JRC_E_INVALID, reply ? "reply" : "note",
			    reply ? _("The reply is missing: say in words what the department did.")
				  : _("The note is missing: say in words what the department is expected to do."));
	free(t);
	return NULL;
}

/* The case's latest notice still open: 1 (id, department, by_on, acked
 * filled), 0 none, -1 error. */
static int open_notice(jrc_db *db, int64_t case_id, int64_t *id, char dept[16], char by_on[11],
		       int *acked, jrc_err *err)
{
	db_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id, department, by_on, acked_at IS NOT NULL FROM supervisions"
		       " WHERE case_id = ? AND replied_at IS NULL ORDER BY id DESC LIMIT 1",
		       &st, err) != JRC_OK)
		return -1;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
		db_col_copy(st, 1, dept, 16);
		db_col_copy(st, 2, by_on, 11);
		*acked = db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc == DB_ROW)
		return 1;
	if (rc == DB_DONE)
		return 0;
	db_fail(db, rc, err);
	return -1;
}

static jrc_status record(jrc_db *db, const jrc_staff *by, const char *kind, int64_t case_id,
			 int64_t id, const char *note, jrc_err *err)
{
	jrc_event_in ev = { 0 };
	char actor[48];

	auth_actor(by, actor, sizeof(actor));
	ev.actor = actor;
	ev.kind = kind;
	ev.case_id = case_id;
	ev.note = note;
	ev.cover[0] = (jrc_cover){ "supervisions", id, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

static jrc_status must_be_staff(const jrc_staff *by, jrc_err *err)
{
	if (!by)
		return jrc_err_set(err, JRC_E_REFUSED, "staff",
				   _("Only logged-in staff can do this: give your staff ID with --staff."));
	if (by->disabled)
		return jrc_err_set(err, JRC_E_REFUSED, "staff",
				   _("This account is disabled: ask an administrator."));
	return JRC_OK;
}

static jrc_status issue_locked(jrc_db *db, const jrc_staff *by, const jrc_case *c,
			       const char *department, const char *by_on, const char *note,
			       int64_t *id_out, jrc_err *err)
{
	char latest[11], dept[16], was_by[11], actor[48], at[32], *text = NULL;
	char *ev_note = NULL;
	jrc_department d;
	jrc_date want, t = today();
	int64_t id;
	int acked, r;
	db_stmt *st;
	jrc_status s;
	size_t len;

	if ((s = latest_of(c, latest, err)))
		return s;
	if (!department || !*department)
		return jrc_err_set(err, JRC_E_INVALID, "department",
				   _("Say which department is supervised: give its code with --department (see data/departments.csv)."));
	if ((s = refdata_department(db, department, &d, err)))
		return s;
	if (!by_on || date_parse(by_on, &want) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "by",
				   _("'%s' is not a date: give the by-date as YYYY-MM-DD, such as %s."),
				   by_on ? by_on : "", latest);
	if (date_cmp(want, t) < 0)
		return jrc_err_set(err, JRC_E_INVALID, "by",
				   _("The by-date %s has already passed: give a date from today to %s."),
				   by_on, latest);
	if (strcmp(by_on, latest) > 0)
		return jrc_err_set(err, JRC_E_INVALID, "by",
				   _("The by-date %s lies past the statutory deadline of case %s: the latest allowed date is %s."),
				   by_on, c->receipt, latest);
	if ((r = open_notice(db, c->id, &id, dept, was_by, &acked, err)) < 0)
		return err ? err->code : JRC_E_DB;
	if (r)
		return jrc_err_set(err, JRC_E_REFUSED, "case",
				   _("Case %s already has an open supervision notice to %s (by %s): wait for its reply."),
				   c->receipt, dept, was_by);
	if (!(text = clean_text(note, 0, err)))
		return err ? err->code : JRC_E_INVALID;
	auth_actor(by, actor, sizeof(actor));
	clock_format_utc(clock_now(), at);
	if ((s = db_prepare(db, "INSERT INTO supervisions(case_id, department, note, by_on,"
			    " issued_at, issued_by) VALUES (?,?,?,?,?,?)", &st, err))) {
		free(text);
		return s;
	}
	db_bind_int64(st, 1, c->id);
	db_bind_text(db, st, 2, department);
	db_bind_text(db, st, 3, text);
	db_bind_text(db, st, 4, by_on);
	db_bind_text(db, st, 5, at);
	db_bind_text(db, st, 6, actor);
	r = db_step(db, st);
	db_finalize(st);
	if (r != DB_DONE) {
		free(text);
		return db_fail(db, r, err);
	}
	id = db_last_id(db);
	/* "key: value" lines, as the lifecycle's records (the desk reads them). */
	len = strlen(text) + 128;
	if (!(ev_note = malloc(len))) {
		free(text);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	snprintf(ev_note, len, "department: %s\nby: %s\nexpected: %s", department, by_on, text);
	free(text);
	s = record(db, by, "supervise", c->id, id, ev_note, err);
	free(ev_note);
	if (s == JRC_OK && id_out)
		*id_out = id;
	return s;
}

jrc_status supervise_issue(jrc_db *db, const jrc_staff *by, const char *receipt,
			   const char *department, const char *by_on, const char *note,
			   int64_t *id, jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if ((s = must_be_staff(by, err)))
		return s;
	if (by->role != JRC_ROLE_SUPERVISOR)
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   _("Only a supervisor issues supervision notices; your role is %s: ask a supervisor."),
				   auth_role_label(by->role));
	/* The case is read inside the transaction: its state and deadline
	 * are those the notice is checked against. */
	if ((s = db_begin(db, err)))
		return s;
	if ((s = grievance_get(db, receipt, &c, err))) {
		db_rollback(db);
		return s;
	}
	if ((s = issue_locked(db, by, &c, department, by_on, note, id, err)))
		db_rollback(db);
	else
		s = db_commit(db, err);
	grievance_case_free(&c);
	return s;
}

/* The open notice of a case and whether by may answer it (a handler of its
 * department, or a supervisor). */
static jrc_status answerable(jrc_db *db, const jrc_staff *by, const jrc_case *c, int64_t *id,
			     char by_on[11], int *acked, jrc_err *err)
{
	char dept[16];
	int r;
	jrc_status s;

	if ((s = must_be_staff(by, err)))
		return s;
	if ((r = open_notice(db, c->id, id, dept, by_on, acked, err)) < 0)
		return err ? err->code : JRC_E_DB;
	if (!r)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "case",
				   _("Case %s has no open supervision notice: see 'jrc supervise --list'."),
				   c->receipt);
	if (by->role == JRC_ROLE_SUPERVISOR)
		return JRC_OK;
	if (by->role == JRC_ROLE_HANDLER && strcmp(by->department, dept) == 0)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_REFUSED, "role",
			   _("The notice on case %s is addressed to %s: only a handler of that department or a supervisor can answer it."),
			   c->receipt, dept);
}

static jrc_status set_step(jrc_db *db, const char *sql, int64_t id, const char *a,
			   const char *b, const char *text, int late, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	db_bind_text(db, st, 1, a);
	db_bind_text(db, st, 2, b);
	db_bind_int64(st, 3, id);
	if (db_param_count(st) >= 4) {
		db_bind_text(db, st, 4, text);
		db_bind_int(st, 5, late);
	}
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status supervise_ack(jrc_db *db, const jrc_staff *by, const char *receipt, jrc_err *err)
{
	jrc_case c;
	jrc_status s;
	int64_t id;
	int acked;
	char by_on[11], actor[48], at[32], note[64];

	if ((s = grievance_get(db, receipt, &c, err)))
		return s;
	if ((s = db_begin(db, err)))
		goto out;
	if ((s = answerable(db, by, &c, &id, by_on, &acked, err)))
		goto fail;
	if (acked) {
		s = jrc_err_set(err, JRC_E_REFUSED, "case",
				_("The supervision notice on case %s is already acknowledged: reply to it with --reply."),
				c.receipt);
		goto fail;
	}
	auth_actor(by, actor, sizeof(actor));
	clock_format_utc(clock_now(), at);
	snprintf(note, sizeof(note), "by: %s", by_on);
	if ((s = set_step(db, "UPDATE supervisions SET acked_at = ?1, acked_by = ?2 WHERE id = ?3",
			  id, at, actor, NULL, 0, err)) ||
	    (s = record(db, by, "supervise_ack", c.id, id, note, err)))
		goto fail;
	s = db_commit(db, err);
	goto out;
fail:
	db_rollback(db);
out:
	grievance_case_free(&c);
	return s;
}

jrc_status supervise_reply(jrc_db *db, const jrc_staff *by, const char *receipt,
			   const char *reply, int *late, jrc_err *err)
{
	jrc_case c;
	jrc_status s;
	jrc_date due;
	int64_t id;
	int acked, is_late;
	char by_on[11], actor[48], at[32], *text = NULL, *note = NULL;
	size_t len;

	if ((s = grievance_get(db, receipt, &c, err)))
		return s;
	if ((s = db_begin(db, err)))
		goto out;
	if ((s = answerable(db, by, &c, &id, by_on, &acked, err)))
		goto fail;
	if (!acked) {
		s = jrc_err_set(err, JRC_E_REFUSED, "case",
				_("The supervision notice on case %s is not acknowledged yet: acknowledge it first with --ack."),
				c.receipt);
		goto fail;
	}
	if (!(text = clean_text(reply, 1, err))) {
		s = err ? err->code : JRC_E_INVALID;
		goto fail;
	}
	is_late = date_parse(by_on, &due) == 0 && date_cmp(today(), due) > 0;
	auth_actor(by, actor, sizeof(actor));
	clock_format_utc(clock_now(), at);
	len = strlen(text) + 64;
	if (!(note = malloc(len))) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto fail;
	}
	snprintf(note, len, "by: %s\nreply: %s", by_on, text);
	if ((s = set_step(db, "UPDATE supervisions SET replied_at = ?1, replied_by = ?2,"
			  " reply = ?4, late = ?5 WHERE id = ?3", id, at, actor, text, is_late, err)) ||
	    (s = record(db, by, is_late ? "supervise_late" : "supervise_reply", c.id, id, note,
			err)))
		goto fail;
	if ((s = db_commit(db, err)) == JRC_OK && late)
		*late = is_late;
	goto out;
fail:
	db_rollback(db);
out:
	free(text);
	free(note);
	grievance_case_free(&c);
	return s;
}

void supervise_list_free(jrc_supervision *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].note);
		free(v[i].reply);
	}
	free(v);
}

jrc_status supervise_list(jrc_db *db, const jrc_supervise_filter *f, jrc_supervision **out,
			  size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char day[11];
	size_t cap = 0;
	int rc, oom = 0;

	*out = NULL;
	*n = 0;
	date_format(today(), day);
	if ((s = db_prepare(db, "SELECT " SV_COLS " FROM supervisions s JOIN cases c ON c.id = s.case_id"
			    " WHERE (?2 = 0 OR s.late <> 0 OR (s.replied_at IS NULL AND s.by_on < ?1))"
			    " AND (?3 IS NULL OR s.department = ?3) AND (?4 = 0 OR s.case_id = ?4)"
			    " ORDER BY s.id DESC", &st, err)))
		return s;
	db_bind_text(db, st, 1, day);
	db_bind_int(st, 2, f && f->late_only);
	if (f && f->department)
		db_bind_text(db, st, 3, f->department);
	db_bind_int64(st, 4, f ? f->case_id : 0);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_supervision *v;

		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			jrc_supervision *nv = realloc(*out, nc * sizeof(**out));

			if (!nv) {
				oom = 1;
				break;
			}
			*out = nv;
			cap = nc;
		}
		v = &(*out)[(*n)++];
		memset(v, 0, sizeof(*v));
		v->id = db_col_int64(st, 0);
		v->case_id = db_col_int64(st, 1);
		db_col_copy(st, 2, v->receipt, sizeof(v->receipt));
		db_col_copy(st, 3, v->department, sizeof(v->department));
		v->note = db_col_strdup(st, 4, &oom);
		db_col_copy(st, 5, v->by_on, sizeof(v->by_on));
		db_col_copy(st, 6, v->issued_at, sizeof(v->issued_at));
		db_col_copy(st, 7, v->issued_by, sizeof(v->issued_by));
		db_col_copy(st, 8, v->acked_at, sizeof(v->acked_at));
		db_col_copy(st, 9, v->acked_by, sizeof(v->acked_by));
		v->reply = db_col_strdup(st, 10, &oom);
		db_col_copy(st, 11, v->replied_at, sizeof(v->replied_at));
		db_col_copy(st, 12, v->replied_by, sizeof(v->replied_by));
		v->late = db_col_int(st, 13) != 0;
		if (oom)
			break;
	}
	db_finalize(st);
	if (oom || (rc != DB_ROW && rc != DB_DONE)) {
		supervise_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	return JRC_OK;
}
