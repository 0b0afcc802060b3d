/* A day's appointments for the desk, and the citizen's arrival for one:
 * the clerk marks them arrived, which is a fact of the record (an
 * "arrived" event covering its row in arrivals, as bookings are). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "roster_internal.h"

#define APPT_COLS \
	"b.id, b.case_id, c.receipt, b.slot_start, b.slot_end, b.room, b.room_en, b.booked_at," \
	" b.booked_by, c.name, c.anonymous, c.state, a.arrived_at, a.arrived_by, " ROSTER_HOST_COLS \
	", (SELECT t.grp || CASE WHEN t.number % 100000 < 10 THEN '00' WHEN t.number % 100000 < 100" \
	"  THEN '0' ELSE '' END || (t.number % 100000) FROM tickets t" \
	"   WHERE t.case_id = b.case_id AND t.day = ?3 AND t.reason = 'checkin'" \
	"   ORDER BY t.id DESC LIMIT 1)"

static void fill(db_stmt *st, jrc_appointment *a)
{
	char at[32];

	memset(a, 0, sizeof(*a));
	a->b.id = db_col_int64(st, 0);
	a->b.case_id = db_col_int64(st, 1);
	db_col_copy(st, 2, a->b.receipt, sizeof(a->b.receipt));
	db_col_copy(st, 3, at, sizeof(at));
	if (clock_parse(at, &a->b.start) != JRC_OK)
		a->b.start = 0;
	db_col_copy(st, 4, at, sizeof(at));
	if (clock_parse(at, &a->b.end) != JRC_OK)
		a->b.end = 0;
	db_col_copy(st, 5, a->b.room, sizeof(a->b.room));
	db_col_copy(st, 6, a->b.room_en, sizeof(a->b.room_en));
	db_col_copy(st, 7, a->b.booked_at, sizeof(a->b.booked_at));
	db_col_copy(st, 8, a->b.booked_by, sizeof(a->b.booked_by));
	db_col_copy(st, 9, a->name, sizeof(a->name));
	a->anonymous = db_col_int(st, 10);
	db_col_copy(st, 11, a->state, sizeof(a->state));
	db_col_copy(st, 12, a->arrived_at, sizeof(a->arrived_at));
	db_col_copy(st, 13, a->arrived_by, sizeof(a->arrived_by));
	roster_fill_host(st, 14, &a->b.host);
	db_col_copy(st, 25, a->ticket, sizeof(a->ticket));
}

jrc_status roster_day_appointments(jrc_db *db, jrc_date d, jrc_appointment **out, size_t *n,
				   jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char from[32], to[32];
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* Times are stored as UTC text of one shape: a range of the index. */
	clock_format_utc(clock_local_midnight(d), from);
	clock_format_utc(clock_local_midnight(date_add_days(d, 1)), to);
	if ((s = db_prepare(db, "SELECT " APPT_COLS " FROM bookings b"
			    " JOIN cases c ON c.id = b.case_id JOIN hosts h ON h.id = b.host"
			    " LEFT JOIN arrivals a ON a.booking_id = b.id"
			    " WHERE b.slot_start >= ?1 AND b.slot_start < ?2 AND b.cancelled_at IS NULL"
			    " ORDER BY b.slot_start, b.host", &st, err)))
		return s;
	db_bind_text(db, st, 1, from);
	db_bind_text(db, st, 2, to);
	{
		char day[11];

		date_format(d, day);
		db_bind_text(db, st, 3, day);
	}
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			jrc_appointment *nv = realloc(*out, nc * sizeof(**out));

			if (!nv) {
				db_finalize(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			*out = nv;
			cap = nc;
		}
		fill(st, &(*out)[(*n)++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	return JRC_OK;
}

int roster_arrived_at(jrc_db *db, int64_t booking_id, char at[32], jrc_err *err)
{
	db_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT arrived_at FROM arrivals WHERE booking_id = ?", &st, err) != JRC_OK)
		return -1;
	db_bind_int64(st, 1, booking_id);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, at, 32);
	db_finalize(st);
	if (rc == DB_ROW)
		return 1;
	if (rc == DB_DONE)
		return 0;
	db_fail(db, rc, err);
	return -1;
}

jrc_status roster_arrive_in_tx(jrc_db *db, const jrc_booking *b, const char *actor,
			       jrc_time now, jrc_err *err)
{
	jrc_event_in ev = { 0 };
	db_stmt *st;
	jrc_status s;
	char at[32], note[600], from[32], to[8];
	int rc;

	clock_format_utc(now, at);
	if ((s = db_prepare(db, "INSERT INTO arrivals(booking_id, case_id, arrived_at, arrived_by)"
			    " VALUES (?,?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, b->id);
	db_bind_int64(st, 2, b->case_id);
	db_bind_text(db, st, 3, at);
	db_bind_text(db, st, 4, actor);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	/* The note names the appointment as the booking events do. */
	clock_format_local(b->start, from);
	{
		time_t tt = (time_t)b->end;
		struct tm tm;

		localtime_r(&tt, &tm);
		strftime(to, sizeof(to), "%H:%M", &tm);
	}
	snprintf(note, sizeof(note), "arrived: %s %s, %s-%s, %s", b->host.id, b->host.name, from, to,
		 b->room);
	ev.actor = actor;
	ev.kind = "arrived";
	ev.case_id = b->case_id;
	ev.note = note;
	ev.at = now;
	ev.cover[0] = (jrc_cover){ "arrivals", b->id, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

static jrc_status mark_locked(jrc_db *db, const jrc_staff *by, int64_t case_id, jrc_err *err)
{
	jrc_booking b;
	jrc_status s;
	jrc_time now = clock_now(), t;
	char was[32], actor[48], when[64];
	int r;

	if ((s = roster_case_booking(db, case_id, &b, err)))
		return s;
	if (date_cmp(clock_local_date(b.start), clock_local_date(now)) != 0) {
		roster_when(b.start, now, when, sizeof(when));
		return jrc_err_set(err, JRC_E_REFUSED, "booking",
				   _("The appointment of %s is %s, not today: mark the arrival on its day."),
				   b.receipt, when);
	}
	if ((r = roster_arrived_at(db, b.id, was, err)) < 0)
		return err ? err->code : JRC_E_DB;
	if (r) {
		if (clock_parse(was, &t) == JRC_OK)
			roster_when(t, now, when, sizeof(when));
		else
			snprintf(when, sizeof(when), "%s", was);
		return jrc_err_set(err, JRC_E_REFUSED, "booking",
				   _("The citizen of %s was already marked arrived (%s): nothing to do."),
				   b.receipt, when);
	}
	auth_actor(by, actor, sizeof(actor));
	return roster_arrive_in_tx(db, &b, actor, now, err);
}

/* Appointments are kept in the hall's rooms: a terminal at another site
 * (jrc --site) does not mark a citizen arrived there. */
static jrc_status hall_check(jrc_db *db, jrc_err *err)
{
	char home[8];

	if (!db_site_away(db, home))
		return JRC_OK;
	return jrc_err_set(err, JRC_E_REFUSED, "site",
			   _("Appointments are kept at the hall of site %s, and the staff there mark who has arrived; this terminal is at site %s."),
			   home, db_site_own(db, "site_code"));
}

jrc_status roster_mark_arrived(jrc_db *db, const struct jrc_staff *by, int64_t case_id,
			       jrc_err *err)
{
	jrc_status s;

	if (!by)
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   _("Only logged-in staff can do this: use 'jrc desk' and log in."));
	if ((s = auth_may(by, JRC_DO_CHECKIN, NULL, err)))
		return s;
	if ((s = hall_check(db, err)))
		return s;
	if ((s = db_begin(db, err)))
		return s;
	if ((s = mark_locked(db, by, case_id, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}
