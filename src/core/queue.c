/* The hall's queue: tickets and calling (its windows: queue_windows.c).
 * Every write runs in one BEGIN IMMEDIATE transaction, so that the next
 * number and the next ticket to call are read and taken by one terminal
 * at a time: two kiosks never print the same number, two windows never
 * call the same ticket.  Each write is a "ticket" event carrying the row. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "queue_internal.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/i18n.h"
#include "jrc/queue.h"

/* A waiting ticket sent to one window (a transfer) goes before the line. */
#define LINE_ORDER "(t.at_window IS NULL), t.id"
#define AHEAD_SQL \
	"CASE WHEN t.state = 'waiting' THEN (SELECT count(*) FROM tickets x" \
	" WHERE x.day = t.day AND x.grp = t.grp AND x.state = 'waiting' AND x.id <> t.id" \
	" AND ((x.at_window IS NOT NULL) > (t.at_window IS NOT NULL)" \
	"  OR ((x.at_window IS NOT NULL) = (t.at_window IS NOT NULL) AND x.id < t.id)))" \
	" ELSE 0 END"
#define TICKET_COLS "t.id, t.day, t.grp, t.number, t.reason, coalesce(t.case_id, 0)," \
	" coalesce(c.receipt, ''), coalesce(t.department, ''), t.state," \
	" coalesce(t.at_window, 0), coalesce(t.from_ticket, 0), t.taken_at," \
	" coalesce(t.called_at, ''), coalesce(t.called_by, ''), coalesce(t.closed_at, '')," \
	" t.calls, " AHEAD_SQL
#define TICKET_FROM " FROM tickets t LEFT JOIN cases c ON c.id = t.case_id"

static void today(char day[11])
{
	date_format(clock_local_date(clock_now()), day);
}

static void label(const char *grp, int number, char out[JRC_TICKET_LABEL_SIZE])
{
	snprintf(out, JRC_TICKET_LABEL_SIZE, "%s%03d", grp, number % 100000);
}

static void fill(db_stmt *st, jrc_ticket *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_col_int64(st, 0);
	db_col_copy(st, 1, t->day, sizeof(t->day));
	db_col_copy(st, 2, t->grp, sizeof(t->grp));
	t->number = db_col_int(st, 3);
	label(t->grp, t->number, t->label);
	db_col_copy(st, 4, t->reason, sizeof(t->reason));
	t->case_id = db_col_int64(st, 5);
	db_col_copy(st, 6, t->receipt, sizeof(t->receipt));
	db_col_copy(st, 7, t->department, sizeof(t->department));
	db_col_copy(st, 8, t->state, sizeof(t->state));
	t->window = db_col_int(st, 9);
	t->from_ticket = db_col_int64(st, 10);
	db_col_copy(st, 11, t->taken_at, sizeof(t->taken_at));
	db_col_copy(st, 12, t->called_at, sizeof(t->called_at));
	db_col_copy(st, 13, t->called_by, sizeof(t->called_by));
	db_col_copy(st, 14, t->closed_at, sizeof(t->closed_at));
	t->calls = db_col_int(st, 15);
	t->ahead = db_col_int(st, 16);
}

/* The windows that may call a waiting ticket. */
static void fill_windows(jrc_db *db, jrc_ticket *t)
{
	db_stmt *st;

	t->nwindows = 0;
	if (t->window && strcmp(t->state, "waiting") == 0) {
		t->windows[t->nwindows++] = t->window;
		return;
	}
	if (db_prepare_cached(db, "SELECT number FROM windows WHERE grp = ? AND active = 1"
			      " ORDER BY number", &st, NULL) != JRC_OK)
		return;
	db_bind_text(db, st, 1, t->grp);
	while (t->nwindows < (int)(sizeof(t->windows) / sizeof(t->windows[0])) &&
	       db_step(db, st) == DB_ROW)
		t->windows[t->nwindows++] = db_col_int(st, 0);
	db_release(st);
}

void queue_windows_text(const jrc_ticket *t, int zh, char *out, size_t size)
{
	size_t len = 0;

	*out = '\0';
	for (int i = 0; i < t->nwindows && len < size; i++) {
		int n = snprintf(out + len, size - len, "%s%d", i ? (zh ? "、" : ", ") : "",
				 t->windows[i]);

		if (n < 0)
			break;
		len += (size_t)n;
	}
}

/* -------------------------------------------------------------- reading */

jrc_status queue_get(jrc_db *db, int64_t id, jrc_ticket *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT " TICKET_COLS TICKET_FROM " WHERE t.id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill(st, out);
	db_finalize(st);
	if (rc == DB_ROW) {
		fill_windows(db, out);
		return JRC_OK;
	}
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "ticket",
			   _("There is no ticket %" PRId64 ": see 'jrc queue list --all' for today's tickets."),
			   id);
}

jrc_status queue_find(jrc_db *db, const char *ref, int64_t *id, jrc_err *err)
{
	db_stmt *st;
	char day[11], grp[2] = "";
	const char *p = ref;
	char *end;
	long long n;
	jrc_status s;
	int rc;

	*id = 0;
	if (ref && isalpha((unsigned char)*p)) {
		grp[0] = (char)toupper((unsigned char)*p);
		p++;
	}
	n = ref && isdigit((unsigned char)*p) ? strtoll(p, &end, 10) : -1;
	if (n <= 0 || *end)
		return jrc_err_set(err, JRC_E_INVALID, "ticket",
				   _("'%s' is not a ticket: give its number as printed (A012) or its id from 'jrc queue list'."),
				   ref ? ref : "");
	if (!*grp) {
		jrc_ticket t;

		if ((s = queue_get(db, n, &t, err)))
			return s;
		*id = n;
		return JRC_OK;
	}
	today(day);
	if ((s = db_prepare(db, "SELECT id FROM tickets WHERE day = ? AND grp = ? AND number = ?",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, day);
	db_bind_text(db, st, 2, grp);
	db_bind_int64(st, 3, n);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		*id = db_col_int64(st, 0);
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "ticket",
			   _("No ticket %s%03lld was taken today: see 'jrc queue list --all'."), grp, n);
}

jrc_status queue_list(jrc_db *db, const char *grp, int all, jrc_ticket **out, size_t *n,
		      jrc_err *err)
{
	db_stmt *st;
	jrc_ticket *t = NULL;
	size_t cap = 0;
	char day[11];
	jrc_status s;
	int rc;

	*out = NULL;
	*n = 0;
	if (!queue_at_hall(db))     /* none at another site (a board there) */
		return JRC_OK;
	today(day);
	if ((s = db_prepare(db, "SELECT " TICKET_COLS TICKET_FROM " WHERE t.day = ?1"
			    " AND (?2 IS NULL OR t.grp = ?2)"
			    " AND (?3 <> 0 OR t.state IN ('waiting', 'called'))"
			    " ORDER BY t.state <> 'called', t.grp, t.state <> 'waiting', " LINE_ORDER,
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, day);
	db_bind_text(db, st, 2, grp);
	db_bind_int(st, 3, all);
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			jrc_ticket *nt = realloc(t, (cap = cap ? cap * 2 : 16) * sizeof(*t));

			if (!nt) {
				rc = DB_NOMEM;
				break;
			}
			t = nt;
		}
		fill(st, &t[(*n)++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(t);
		*n = 0;
		return rc == DB_NOMEM ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	for (size_t i = 0; i < *n; i++)
		fill_windows(db, &t[i]);
	*out = t;
	return JRC_OK;
}

jrc_status queue_current(jrc_db *db, int window, jrc_ticket *out, int *found, jrc_err *err)
{
	db_stmt *st;
	char day[11];
	jrc_status s;
	int rc;

	*found = 0;
	today(day);
	if ((s = db_prepare(db, "SELECT " TICKET_COLS TICKET_FROM " WHERE t.day = ? AND"
			    " t.state = 'called' AND t.at_window = ? ORDER BY t.called_at DESC LIMIT 1",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, day);
	db_bind_int(st, 2, window);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		fill(st, out);
		*found = 1;
	}
	db_finalize(st);
	if (rc == DB_ROW)
		fill_windows(db, out);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status queue_of_case(jrc_db *db, int64_t case_id, jrc_ticket *out, int *found,
			 jrc_err *err)
{
	db_stmt *st;
	char day[11];
	jrc_status s;
	int rc;

	*found = 0;
	today(day);
	if ((s = db_prepare(db, "SELECT " TICKET_COLS TICKET_FROM " WHERE t.case_id = ? AND"
			    " t.day = ? AND t.state IN ('waiting', 'called') ORDER BY t.id DESC LIMIT 1",
			    &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	db_bind_text(db, st, 2, day);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		fill(st, out);
		*found = 1;
	}
	db_finalize(st);
	if (rc == DB_ROW)
		fill_windows(db, out);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* -------------------------------------------------------------- writing */

static jrc_status ticket_event(jrc_db *db, const jrc_ticket *t, const char *actor,
			       const char *what, jrc_err *err)
{
	jrc_event_in ev = { 0 };
	char note[96];

	if (t->window && strcmp(t->state, "waiting") != 0)
		snprintf(note, sizeof(note), "%s %s window %d", what, t->label, t->window);
	else
		snprintf(note, sizeof(note), "%s %s", what, t->label);
	ev.actor = actor ? actor : "cli";
	ev.kind = "ticket";
	ev.case_id = t->case_id;
	ev.note = note;
	ev.cover[0] = (jrc_cover){ "tickets", t->id, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

static jrc_status run_sql(jrc_db *db, db_stmt *st, jrc_err *err)
{
	int rc = db_step(db, st);

	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* Insert a ticket with the next number of grp today; *id its row. */
static jrc_status insert_ticket(jrc_db *db, const char *grp, const char *reason,
				int64_t case_id, const char *department, int for_window,
				int64_t from_ticket, const char *actor, int64_t *id, jrc_err *err)
{
	db_stmt *st;
	char day[11], now[32];
	jrc_status s;

	today(day);
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "INSERT INTO tickets(day, grp, number, reason, case_id, department,"
			    " at_window, from_ticket, taken_at, taken_by)"
			    " SELECT ?1, ?2, coalesce(max(number), 0) + 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
			    " FROM tickets WHERE day = ?1 AND grp = ?2", &st, err)))
		return s;
	db_bind_text(db, st, 1, day);
	db_bind_text(db, st, 2, grp);
	db_bind_text(db, st, 3, reason);
	if (case_id)
		db_bind_int64(st, 4, case_id);
	db_bind_text(db, st, 5, department && *department ? department : NULL);
	if (for_window)
		db_bind_int(st, 6, for_window);
	if (from_ticket)
		db_bind_int64(st, 7, from_ticket);
	db_bind_text(db, st, 8, now);
	db_bind_text(db, st, 9, actor ? actor : "cli");
	if ((s = run_sql(db, st, err)))
		return s;
	*id = db_last_id(db);
	return JRC_OK;
}

jrc_status queue_take_in_tx(jrc_db *db, const jrc_ticket_in *in, jrc_ticket *out,
			    jrc_err *err)
{
	static const char *const reasons[] = { "filing", "question", "help", "checkin" };
	const char *reason = in->reason && *in->reason ? in->reason : "question";
	char grp[2] = "", dept[16] = "";
	int64_t id;
	jrc_status s;
	size_t i;
	int found, window;
	db_stmt *st;
	int rc;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (strcmp(reason, reasons[i]) == 0)
			break;
	if (i == sizeof(reasons) / sizeof(reasons[0]))
		return jrc_err_set(err, JRC_E_INVALID, "reason",
				   _("'%s' is not a reason for a ticket: use filing, question, help or checkin."),
				   reason);
	if ((s = queue_hall_check(db, err)))
		return s;
	if (in->department && *in->department)
		snprintf(dept, sizeof(dept), "%s", in->department);
	if (in->case_id) {
		if ((s = db_prepare(db, "SELECT department FROM cases WHERE id = ?", &st, err)))
			return s;
		db_bind_int64(st, 1, in->case_id);
		rc = db_step(db, st);
		if (rc == DB_ROW && !*dept)
			db_col_copy(st, 0, dept, sizeof(dept));
		db_finalize(st);
		if (rc == DB_DONE)
			return jrc_err_set(err, JRC_E_NOT_FOUND, "case",
					   _("That case is not in this database: check the receipt number."));
		if (rc != DB_ROW)
			return db_fail(db, rc, err);
	}
	if (in->grp && *in->grp) {
		if (strlen(in->grp) != 1 || !isalpha((unsigned char)in->grp[0])) {
			s = jrc_err_set(err, JRC_E_INVALID, "group",
					_("'%s' is not a window group: give its letter (A, B, ...) as 'jrc queue windows' lists."),
					in->grp);
			goto fail;
		}
		grp[0] = (char)toupper((unsigned char)in->grp[0]);
	} else if (*dept) {
		if ((s = queue_department_group(db, dept, grp, &window, &found, err)))
			goto fail;
		if (!found) {
			s = jrc_err_set(err, JRC_E_REFUSED, "group",
					_("Department %s has no window in this hall: give the group with --group, or add the window to windows.csv."),
					dept);
			goto fail;
		}
	} else {
		/* Questions and help go to the group of the lowest window (the
		 * general reception). */
		if ((s = db_prepare(db, "SELECT grp FROM windows WHERE active = 1 ORDER BY number LIMIT 1",
				    &st, err)))
			goto fail;
		if (db_step(db, st) == DB_ROW)
			db_col_copy(st, 0, grp, sizeof(grp));
		db_finalize(st);
	}
	if ((s = db_prepare(db, "SELECT 1 FROM windows WHERE active = 1 AND grp = ?", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, grp);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_ROW) {
		s = *grp ? jrc_err_set(err, JRC_E_NOT_FOUND, "group",
				       _("No window of this hall is in group %s: give a group that 'jrc queue windows' lists."),
				       grp)
			 : jrc_err_set(err, JRC_E_REFUSED, "group",
				       _("This hall has no windows: list them in windows.csv and run 'jrc import'."));
		goto fail;
	}
	if ((s = insert_ticket(db, grp, reason, in->case_id, dept, 0, 0, in->actor, &id, err)) ||
	    (s = queue_get(db, id, out, err)) || (s = ticket_event(db, out, in->actor, "take", err)))
		goto fail;
	return JRC_OK;
fail:
	return s;
}

jrc_status queue_take(jrc_db *db, const jrc_ticket_in *in, jrc_ticket *out, jrc_err *err)
{
	jrc_status s;

	if ((s = db_begin(db, err)))
		return s;
	if ((s = queue_take_in_tx(db, in, out, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

static jrc_status refuse_state(const jrc_ticket *t, jrc_err *err)
{
	if (strcmp(t->state, "waiting") == 0)
		return jrc_err_set(err, JRC_E_REFUSED, "ticket",
				   _("Ticket %s is still waiting, it was not called: call it first ('jrc queue call --window N')."),
				   t->label);
	if (strcmp(t->state, "served") == 0)
		return jrc_err_set(err, JRC_E_REFUSED, "ticket",
				   _("Ticket %s was already served: nothing more to do with it."), t->label);
	if (strcmp(t->state, "no_show") == 0)
		return jrc_err_set(err, JRC_E_REFUSED, "ticket",
				   _("Ticket %s was marked as not come: the citizen takes a new ticket."),
				   t->label);
	return jrc_err_set(err, JRC_E_REFUSED, "ticket",
			   _("Ticket %s was sent to another window: act on its new ticket ('jrc queue list')."),
			   t->label);
}

/* Begin, read ticket id and insist it is called today. */
static jrc_status begin_called(jrc_db *db, int64_t id, jrc_ticket *t, jrc_err *err)
{
	char day[11];
	jrc_status s;

	if ((s = db_begin(db, err)))
		return s;
	if ((s = queue_get(db, id, t, err)))
		goto fail;
	if (strcmp(t->state, "called") != 0) {
		s = refuse_state(t, err);
		goto fail;
	}
	today(day);
	if (strcmp(t->day, day) != 0) {
		s = jrc_err_set(err, JRC_E_REFUSED, "ticket",
				_("Ticket %s is from %s: a ticket counts on its own day only."), t->label,
				t->day);
		goto fail;
	}
	return JRC_OK;
fail:
	db_rollback(db);
	return s;
}

/* Run an update of ticket id (its one parameter ?1 after those bound),
 * then its event and the commit. */
static jrc_status finish(jrc_db *db, db_stmt *st, int64_t id, const char *actor,
			 const char *what, jrc_ticket *out, jrc_err *err)
{
	jrc_status s;

	if ((s = run_sql(db, st, err)) || (s = queue_get(db, id, out, err)) ||
	    (s = ticket_event(db, out, actor, what, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

jrc_status queue_call(jrc_db *db, int window, const char *actor, jrc_ticket *out, jrc_err *err)
{
	jrc_window w;
	jrc_ticket cur;
	db_stmt *st;
	char day[11], now[32];
	int64_t id = 0;
	jrc_status s;
	int found, rc;

	if ((s = db_begin(db, err)))
		return s;
	if ((s = queue_window(db, window, &w, err)) ||
	    (s = queue_current(db, window, &cur, &found, err)))
		goto fail;
	if (found) {
		s = jrc_err_set(err, JRC_E_REFUSED, "ticket",
				_("Ticket %s is still called at window %d: serve it, or mark it as not come, before calling the next."),
				cur.label, window);
		goto fail;
	}
	today(day);
	if ((s = db_prepare(db, "SELECT t.id FROM tickets t WHERE t.day = ? AND t.grp = ?"
			    " AND t.state = 'waiting' AND (t.at_window IS NULL OR t.at_window = ?)"
			    " ORDER BY " LINE_ORDER " LIMIT 1", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, day);
	db_bind_text(db, st, 2, w.grp);
	db_bind_int(st, 3, window);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		id = db_col_int64(st, 0);
	db_finalize(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if (!id) {
		s = jrc_err_set(err, JRC_E_NOT_FOUND, "ticket",
				_("Nobody is waiting for window %d (group %s): try again when someone takes a ticket."),
				window, w.grp);
		goto fail;
	}
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "UPDATE tickets SET state = 'called', at_window = ?, called_at = ?,"
			    " called_by = ?, calls = 1 WHERE id = ? AND state = 'waiting'", &st, err)))
		goto fail;
	db_bind_int(st, 1, window);
	db_bind_text(db, st, 2, now);
	db_bind_text(db, st, 3, actor ? actor : "cli");
	db_bind_int64(st, 4, id);
	return finish(db, st, id, actor, "call", out, err);
fail:
	db_rollback(db);
	return s;
}

jrc_status queue_recall(jrc_db *db, int64_t id, const char *actor, jrc_ticket *out, jrc_err *err)
{
	db_stmt *st;
	char now[32];
	jrc_ticket t;
	jrc_status s;

	if ((s = begin_called(db, id, &t, err)))
		return s;
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "UPDATE tickets SET calls = calls + 1, called_at = ?, called_by = ?"
			    " WHERE id = ?", &st, err))) {
		db_rollback(db);
		return s;
	}
	db_bind_text(db, st, 1, now);
	db_bind_text(db, st, 2, actor ? actor : "cli");
	db_bind_int64(st, 3, id);
	return finish(db, st, id, actor, "recall", out, err);
}

/* Close a called ticket as state (served, no_show, transferred). */
static jrc_status close_ticket(jrc_db *db, int64_t id, const char *state, int64_t case_id,
			       const char *actor, jrc_err *err)
{
	db_stmt *st;
	char now[32];
	jrc_status s;

	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "UPDATE tickets SET state = ?1, closed_at = ?2, closed_by = ?3,"
			    " served_at = CASE WHEN ?1 = 'served' THEN ?2 END,"
			    " case_id = coalesce(?4, case_id) WHERE id = ?5", &st, err)))
		return s;
	db_bind_text(db, st, 1, state);
	db_bind_text(db, st, 2, now);
	db_bind_text(db, st, 3, actor ? actor : "cli");
	if (case_id)
		db_bind_int64(st, 4, case_id);
	db_bind_int64(st, 5, id);
	return run_sql(db, st, err);
}

static jrc_status end_ticket(jrc_db *db, int64_t id, const char *state, int64_t case_id,
			     const char *actor, const char *what, jrc_ticket *out, jrc_err *err)
{
	jrc_ticket t;
	jrc_status s;

	if ((s = begin_called(db, id, &t, err)))
		return s;
	if ((s = close_ticket(db, id, state, case_id, actor, err)) ||
	    (s = queue_get(db, id, out, err)) || (s = ticket_event(db, out, actor, what, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

jrc_status queue_skip(jrc_db *db, int64_t id, const char *actor, jrc_ticket *out, jrc_err *err)
{
	return end_ticket(db, id, "no_show", 0, actor, "no_show", out, err);
}

jrc_status queue_serve(jrc_db *db, int64_t id, int64_t case_id, const char *actor,
		       jrc_ticket *out, jrc_err *err)
{
	return end_ticket(db, id, "served", case_id, actor, "serve", out, err);
}

jrc_status queue_transfer(jrc_db *db, int64_t id, int to_window, const char *actor,
			  jrc_ticket *out, jrc_err *err)
{
	jrc_ticket t, old;
	jrc_window w;
	int64_t nid;
	jrc_status s;

	if ((s = begin_called(db, id, &t, err)))
		return s;
	if ((s = queue_window(db, to_window, &w, err)))
		goto fail;
	if (t.window == to_window) {
		s = jrc_err_set(err, JRC_E_REFUSED, "window",
				_("Ticket %s is already at window %d: send it to another window."),
				t.label, to_window);
		goto fail;
	}
	if ((s = close_ticket(db, id, "transferred", 0, actor, err)) ||
	    (s = queue_get(db, id, &old, err)) ||
	    (s = ticket_event(db, &old, actor, "transfer", err)) ||
	    (s = insert_ticket(db, w.grp, "transfer", t.case_id, t.department, to_window, id, actor,
			       &nid, err)) ||
	    (s = queue_get(db, nid, out, err)) ||
	    (s = ticket_event(db, out, actor, "take", err)))
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return s;
}
