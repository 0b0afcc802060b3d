/* Lawful termination (依法终结): its grounds, its record and the link a
 * later filing of the same matter gets.  The move itself is a row of
 * lifecycle.c's table (to terminated, supervisor only, with a reason, the
 * remaining legal channel and these grounds); its step in lifecycle_steps
 * is what the conclusion is read back from, so the chain vouches for it. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/hearing.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/terminate.h"

jrc_status term_grounds(jrc_db *db, int64_t case_id, jrc_term_grounds *g, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	memset(g, 0, sizeof(*g));
	/* Answer, review and re-review: the re-review answer is the last
	 * step the law gives (信访工作条例), recorded as a step of the case. */
	if ((s = db_prepare_cached(db, "SELECT at FROM lifecycle_steps WHERE case_id = ?"
				   " AND to_state = 'rereview_answered' ORDER BY event_id DESC LIMIT 1",
				   &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		char at[32];

		db_col_copy(st, 0, at, sizeof(at));
		date_format(lifecycle_local_date_of(at), g->rereview_on);
		g->which |= JRC_TERM_REREVIEW;
	}
	db_release(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(db, rc, err);
	/* A public hearing (hearing.c) that concluded by majority that the
	 * handling was reasonable or basically reasonable is a ground of its
	 * own; lifecycle.c allows the move from every answered state and from
	 * closed, and asks only this function. */
	bool upheld = false;
	char day[11] = "";

	if ((s = hearing_upheld(db, case_id, &upheld, day)) != JRC_OK) {
		jrc_err_set(err, s, NULL, "%s", jrc_status_message(s));
		return s;
	}
	if (upheld) {
		g->which |= JRC_TERM_HEARING;
		snprintf(g->hearing_on, sizeof(g->hearing_on), "%s", day);
	}
	return JRC_OK;
}

static jrc_status read_termination(jrc_db *db, const char *sql, int64_t case_id,
				   jrc_termination *out, int *found, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	memset(out, 0, sizeof(*out));
	*found = 0;
	if ((s = db_prepare_cached(db, sql, &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		out->case_id = db_col_int64(st, 0);
		db_col_copy(st, 1, out->receipt, sizeof(out->receipt));
		db_col_copy(st, 2, out->at, sizeof(out->at));
		db_col_copy(st, 3, out->actor, sizeof(out->actor));
		db_col_copy(st, 4, out->reason, sizeof(out->reason));
		db_col_copy(st, 5, out->channel, sizeof(out->channel));
		date_format(lifecycle_local_date_of(out->at), out->on);
		*found = 1;
	}
	db_release(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

#define TERM_COLS "c.id, c.receipt, l.at, l.actor, l.reason, l.channel"

jrc_status term_get(jrc_db *db, int64_t case_id, jrc_termination *out, int *found,
		    jrc_err *err)
{
	return read_termination(db, "SELECT " TERM_COLS " FROM cases c JOIN lifecycle_steps l"
				" ON l.case_id = c.id AND l.to_state = 'terminated'"
				" WHERE c.id = ? AND c.state = 'terminated'"
				" ORDER BY l.event_id DESC LIMIT 1", case_id, out, found, err);
}

jrc_status term_link_of(jrc_db *db, int64_t case_id, jrc_termination *out, int *found,
			jrc_err *err)
{
	return read_termination(db, "SELECT " TERM_COLS " FROM concluded_links k"
				" JOIN cases c ON c.id = k.concluded_case"
				" JOIN lifecycle_steps l ON l.case_id = c.id AND l.to_state = 'terminated'"
				" WHERE k.case_id = ? ORDER BY l.event_id DESC LIMIT 1",
				case_id, out, found, err);
}

jrc_status term_link_filing(jrc_db *db, int64_t case_id, int *linked, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char receipt[JRC_RECEIPT_MAX] = "", actor[48] = "", at[32];
	int64_t concluded = 0;
	jrc_event_in ev = { 0 };
	int rc;

	if (linked)
		*linked = 0;
	/* The same person (ID number), the same kind of matter, the same
	 * place; the latest concluded one.  An anonymous filing has no ID. */
	if ((s = db_prepare_cached(db, "SELECT o.id, o.receipt, n.staff_id, n.channel"
				   " FROM cases n JOIN cases o ON o.id_number = n.id_number"
				   " AND o.category = n.category AND o.division = n.division"
				   " AND o.id <> n.id AND o.state = 'terminated'"
				   " WHERE n.id = ? AND n.id_number IS NOT NULL AND n.id_number <> ''"
				   " ORDER BY o.id DESC LIMIT 1", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		char staff[32], channel[8];

		concluded = db_col_int64(st, 0);
		db_col_copy(st, 1, receipt, sizeof(receipt));
		db_col_copy(st, 2, staff, sizeof(staff));
		db_col_copy(st, 3, channel, sizeof(channel));
		if (*staff)
			snprintf(actor, sizeof(actor), "staff:%s", staff);
		else
			snprintf(actor, sizeof(actor), "%s", channel);
	}
	db_release(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);

	clock_format_utc(clock_now(), at);
	if ((s = db_prepare_cached(db, "UPDATE cases SET related_case = ?1 WHERE id = ?2", &st, err)))
		return s;
	db_bind_int64(st, 1, concluded);
	db_bind_int64(st, 2, case_id);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	if ((s = db_prepare_cached(db, "INSERT INTO concluded_links(case_id, concluded_case,"
				   " linked_at) VALUES (?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	db_bind_int64(st, 2, concluded);
	db_bind_text(db, st, 3, at);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	ev.actor = actor;
	ev.kind = "concluded_link";
	ev.case_id = case_id;
	ev.note = receipt;
	ev.cover[0] = (jrc_cover){ "cases", case_id, NULL };
	ev.cover[1] = (jrc_cover){ "concluded_links", case_id, NULL };
	if ((s = audit_append(db, &ev, NULL, NULL, err)) == JRC_OK && linked)
		*linked = 1;
	return s;
}

static int blank(const char *s)
{
	return !s || !*s;
}

jrc_status term_check(jrc_db *db, int64_t case_id, const char *reason, const char *channel,
		      jrc_err *err)
{
	jrc_term_grounds g;
	jrc_status s;

	if ((s = term_grounds(db, case_id, &g, err)) != JRC_OK)
		return s;
	if (!g.which)
		return jrc_err_set(err, JRC_E_REFUSED, "grounds",
				   _("This matter cannot be lawfully concluded yet: that needs the answer of a re-review (复核), or a public hearing that found the handling reasonable. Take it through review and re-review first."));
	if (blank(reason))
		return jrc_err_set(err, JRC_E_INVALID, "reason",
				   _("A reason is needed to conclude this matter: say in plain words why it is finished (for example: answered, reviewed and re-reviewed)."));
	if (blank(channel))
		return jrc_err_set(err, JRC_E_INVALID, "channel",
				   _("Say which legal way remains open to the citizen (the people's court, arbitration ...): a concluded matter must name it."));
	return JRC_OK;
}

jrc_status term_refuse_move(jrc_db *db, int64_t case_id, jrc_err *err)
{
	jrc_termination t;
	int found = 0;
	jrc_status s;

	if ((s = term_get(db, case_id, &t, &found, err)) != JRC_OK)
		return s;
	return jrc_err_set(err, JRC_E_REFUSED, "state",
			   _("This matter was lawfully concluded on %s: it is final, and nothing can change it or open it again. The citizen can still go to: %s"),
			   found ? t.on : "-", found && *t.channel ? t.channel : "-");
}
