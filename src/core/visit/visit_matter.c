/* Matters raised or found on a leader's visit: filed as cases like any
 * other (same lifecycle, deadlines and verdicts), linked to the visit by a
 * row in visit_matters that an event carries; a matter solved on the spot
 * is accepted and answered in the same commit, each step its own event.
 * And the visit report: what came of them. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../figures/tally_internal.h"
#include "db_internal.h"
#include "lifecycle_internal.h"
#include "roster/roster_internal.h"
#include "visit_internal.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/text.h"

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* The visit may take matters: standing, and begun. */
static jrc_status visit_open(jrc_db *db, int64_t id, jrc_visit *v, jrc_err *err)
{
	jrc_status s;
	char day[11];

	if ((s = visit_get(db, id, v, err)))
		return s;
	if (*v->cancelled_at)
		return jrc_err_set(err, JRC_E_REFUSED, "visit",
				   _("Visit %" PRId64 " was cancelled: file the matter without --visit."), id);
	if (roster_local_time(v->day, v->start_min) > clock_now()) {
		date_format(v->day, day);
		return jrc_err_set(err, JRC_E_REFUSED, "visit",
				   _("Visit %" PRId64 " begins on %s: record its matters once it has begun."),
				   id, day);
	}
	return JRC_OK;
}

static jrc_status link_row(jrc_db *db, int64_t case_id, const jrc_visit_matter_in *vm,
			   int on_spot, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_event_in ev = { 0 };
	char now[32], note[64];
	int rc;

	clock_format_utc(clock_now(), now);
	/* The figures count it as a visit's matter from now on. */
	if ((s = tally_case(db, case_id, -1, err)))
		return s;
	if ((s = db_prepare(db, "INSERT INTO visit_matters(case_id, visit_id, found, on_spot,"
			    " recorded_at, recorded_by) VALUES (?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	db_bind_int64(st, 2, vm->visit_id);
	db_bind_int(st, 3, !!vm->found);
	db_bind_int(st, 4, on_spot);
	db_bind_text(db, st, 5, now);
	db_bind_text(db, st, 6, vm->actor ? vm->actor : "cli");
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE || (s = tally_case(db, case_id, +1, err)))
		return rc != DB_DONE ? db_fail(db, rc, err) : s;
	snprintf(note, sizeof(note), "visit %" PRId64 "%s", vm->visit_id,
		 vm->found ? " found" : "");
	ev.actor = vm->actor ? vm->actor : "cli";
	ev.kind = "visit_matter";
	ev.case_id = case_id;
	ev.note = note;
	ev.cover[0] = (jrc_cover){ "visit_matters", case_id, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

/* Checks that need no database: refused before anything is opened. */
static jrc_status visit_file_check(const jrc_intake *in, const jrc_visit_matter_in *vm,
				   jrc_err *err)
{
	if (vm->solved && blank(vm->solved))
		return jrc_err_set(err, JRC_E_INVALID, "solved",
				   _("Say what was done on the spot, or leave the matter open."));
	if (vm->found && (!blank(in->name) || !blank(in->id_number) || !blank(in->phone)))
		return jrc_err_set(err, JRC_E_INVALID, "found",
				   _("A matter found by the visit has no complainant: leave out the name, ID number and phone, or file it as raised by the citizen."));
	return JRC_OK;
}

jrc_status visit_file_in_tx(jrc_db *db, const jrc_intake *in, const jrc_visit_matter_in *vm,
			    jrc_case *out, jrc_err *err)
{
	jrc_visit v;
	jrc_intake i = *in;
	jrc_status s;
	int on_spot = !blank(vm->solved);

	if ((s = visit_file_check(in, vm, err)) || (s = visit_open(db, vm->visit_id, &v, err)))
		return s;
	if (blank(i.division))
		i.division = *v.village ? v.village : v.township;
	if (vm->found)
		i.anonymous = 1;
	if ((s = grievance_file_in_tx(db, &i, out, err)))
		return s;
	s = link_row(db, out->id, vm, on_spot, err);
	if (s == JRC_OK && on_spot) {
		/* Solved there: the normal steps, taken together. */
		jrc_move mv = { 0 };

		mv.actor = vm->actor ? vm->actor : "cli";
		mv.role = (jrc_role)vm->role;
		mv.actor_department = vm->actor_department;
		mv.to = JRC_ST_ACCEPTED;
		if ((s = lifecycle_move_in_tx(db, out->id, &mv, err)) == JRC_OK) {
			mv.to = JRC_ST_ANSWERED;
			mv.answer = vm->solved;
			s = lifecycle_move_in_tx(db, out->id, &mv, err);
		}
	}
	if (s == JRC_OK && on_spot) {
		int64_t id = out->id;

		grievance_case_free(out);
		s = grievance_get_by_id(db, id, out, err);
	}
	if (s)
		grievance_case_free(out);
	return s;
}

jrc_status visit_file(jrc_db *db, const jrc_intake *in, const jrc_visit_matter_in *vm,
		      jrc_case *out, jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if (out)
		memset(out, 0, sizeof(*out));
	if ((s = visit_file_check(in, vm, err)) || (s = db_begin(db, err)))
		return s;
	if ((s = visit_file_in_tx(db, in, vm, &c, err))) {
		db_rollback(db);
		return s;
	}
	if ((s = db_commit(db, err))) {
		grievance_case_free(&c);
		return s;
	}
	if (out)
		*out = c;
	else
		grievance_case_free(&c);
	return JRC_OK;
}

int visit_of_case(jrc_db *db, int64_t case_id, int64_t *visit_id, int *found)
{
	db_stmt *st;
	int r = 0;

	if (db_prepare(db, "SELECT visit_id, found FROM visit_matters WHERE case_id = ?", &st,
		       NULL) != JRC_OK)
		return 0;
	db_bind_int64(st, 1, case_id);
	if (db_step(db, st) == DB_ROW) {
		if (visit_id)
			*visit_id = db_col_int64(st, 0);
		if (found)
			*found = db_col_int(st, 1);
		r = 1;
	}
	db_finalize(st);
	return r;
}

/* ---------------------------------------------------------------- report */

static long count_bookings(jrc_db *db, const jrc_visit *v)
{
	db_stmt *st;
	char from[32], to[32];
	long n = 0;

	clock_format_utc(roster_local_time(v->day, v->start_min), from);
	clock_format_utc(roster_local_time(v->day, v->end_min), to);
	if (db_prepare(db, "SELECT count(*) FROM bookings WHERE host = ? AND cancelled_at IS NULL"
		       " AND slot_start >= ? AND slot_start < ?", &st, NULL) != JRC_OK)
		return 0;
	db_bind_text(db, st, 1, v->host.id);
	db_bind_text(db, st, 2, from);
	db_bind_text(db, st, 3, to);
	if (db_step(db, st) == DB_ROW)
		n = db_col_int(st, 0);
	db_finalize(st);
	return n;
}

static void tally(jrc_visit_report *r, jrc_visit_case *k, const char *due_on, jrc_date today)
{
	jrc_state st;
	jrc_date due;

	r->raised++;
	r->found += k->found;
	r->on_spot += k->on_spot;
	if (lifecycle_state_parse(k->state, &st) != 0)
		return;
	if (lifecycle_state_owes_step(st)) {
		r->open++;
		if (st == JRC_ST_ACCEPTED || st == JRC_ST_EXTENDED || st == JRC_ST_IN_MEDIATION)
			r->assigned++;
		if (*due_on && date_parse(due_on, &due) == 0 && date_cmp(due, today) < 0) {
			k->overdue = 1;
			r->overdue++;
		}
	}
	if (st >= JRC_ST_ANSWERED && st != JRC_ST_DECLINED && st != JRC_ST_REDIRECTED)
		r->answered++;
	if (strcmp(k->verdict, "satisfied") == 0)
		r->satisfied++;
	else if (strcmp(k->verdict, "basic") == 0)
		r->basic++;
	else if (strcmp(k->verdict, "unsatisfied") == 0)
		r->unsatisfied++;
}

jrc_status visit_report(jrc_db *db, int64_t id, jrc_visit_report *r, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_date today = clock_local_date(clock_now());
	size_t cap = 0;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((s = visit_get(db, id, &r->visit, err)))
		return s;
	r->booked = count_bookings(db, &r->visit);
	if ((s = db_prepare(db, "SELECT c.receipt, c.category, c.department, c.state,"
			    " coalesce(c.due_on, ''), m.found, m.on_spot,"
			    " coalesce((SELECT v.verdict FROM verdicts v WHERE v.case_id = c.id"
			    "   ORDER BY v.event_id DESC LIMIT 1), '')"
			    " FROM visit_matters m JOIN cases c ON c.id = m.case_id"
			    " WHERE m.visit_id = ? ORDER BY c.id", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_visit_case *k;
		char due[12];

		if (r->ncases == cap) {
			jrc_visit_case *nc = realloc(r->cases, (cap = cap ? cap * 2 : 8) * sizeof(*nc));

			if (!nc) {
				db_finalize(st);
				visit_report_free(r);
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			r->cases = nc;
		}
		k = &r->cases[r->ncases++];
		memset(k, 0, sizeof(*k));
		db_col_copy(st, 0, k->receipt, sizeof(k->receipt));
		db_col_copy(st, 1, k->category, sizeof(k->category));
		db_col_copy(st, 2, k->department, sizeof(k->department));
		db_col_copy(st, 3, k->state, sizeof(k->state));
		db_col_copy(st, 4, due, sizeof(due));
		k->found = db_col_int(st, 5);
		k->on_spot = db_col_int(st, 6);
		db_col_copy(st, 7, k->verdict, sizeof(k->verdict));
		tally(r, k, due, today);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		visit_report_free(r);
		return db_fail(db, rc, err);
	}
	return JRC_OK;
}

void visit_report_free(jrc_visit_report *r)
{
	free(r->cases);
	r->cases = NULL;
	r->ncases = 0;
}
