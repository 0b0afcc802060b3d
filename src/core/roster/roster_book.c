/* Bookings: one slot of one host for one case.  The database decides who
 * gets a slot: two partial unique indexes (bookings_slot,
 * bookings_one_per_case) refuse the second writer, whoever checked what
 * before. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "roster_internal.h"
#include "jrc/sms.h"

static void hhmm(jrc_time t, char out[8])
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(out, 8, "%H:%M", &tm);
}

/* The event note: "M01 张晓红, 2026-12-01 15:00-15:30, 调解室1". */
static void describe(const char *host_id, const char *host_name, jrc_time start,
		     jrc_time end, const char *room, char *out, size_t size)
{
	char from[32], to[8];

	clock_format_local(start, from);
	hhmm(end, to);
	snprintf(out, size, "%s %s, %s-%s, %s", host_id, host_name, from, to, room);
}

/* The case's receipt number and state; JRC_E_NOT_FOUND if no such case. */
static jrc_status case_state(jrc_db *db, int64_t case_id, char receipt[JRC_RECEIPT_MAX],
			     char state[24], jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT receipt, state FROM cases WHERE id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, receipt, JRC_RECEIPT_MAX);
		db_col_copy(st, 1, state, 24);
	}
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "receipt",
			   _("That case does not exist: check the receipt number."));
}

/* The slot a booking asks for: the earliest free one (want 0), or the one
 * starting at want, which must be in the host's schedule and not past. */
static jrc_status resolve_slot(jrc_db *db, const jrc_host *h, jrc_time want, jrc_time now,
			       jrc_slot *out, jrc_err *err)
{
	jrc_slot *v;
	size_t n;
	jrc_status s;
	char when[64];
	int r;

	if (!want) {
		r = roster_first_free(db, h->id, now, JRC_ROSTER_DAYS, out, err);
		if (r < 0)
			return err ? err->code : JRC_E_DB;
		if (!r)
			return jrc_err_set(err, JRC_E_NOT_FOUND, "slot",
					   _("%s has no free time in the next %d days: choose another helper, or file without a booking."),
					   i18n_pick(h->name, h->name_en), JRC_ROSTER_DAYS);
		return JRC_OK;
	}
	roster_when(want, now, when, sizeof(when));
	if (want < now)
		return jrc_err_set(err, JRC_E_INVALID, "slot",
				   _("The time %s has already passed: choose a later time."), when);
	{
		char buf[16];
		long horizon = 60;

		if (db_setting_get(db, "booking_horizon_days", NULL, buf, sizeof(buf), NULL) == JRC_OK)
			horizon = strtol(buf, NULL, 10);
		if (horizon > 0 &&
		    date_diff(clock_local_date(now), clock_local_date(want)) > horizon)
			return jrc_err_set(err, JRC_E_INVALID, "slot",
					   _("The time %s is too far ahead: bookings are taken at most %ld days ahead. Choose an earlier time."),
					   when, horizon);
	}
	if ((s = roster_slots_at(db, h->id, clock_local_date(want), 1, now, 0, &v, &n, err)))
		return s;
	for (size_t i = 0; i < n; i++) {
		if (v[i].start == want) {
			*out = v[i];
			free(v);
			return JRC_OK;
		}
	}
	free(v);
	return jrc_err_set(err, JRC_E_INVALID, "slot",
			   _("%s does not receive at %s: choose one of the times in the schedule (jrc schedule --host %s)."),
			   i18n_pick(h->name, h->name_en), when, h->id);
}

static int case_booked(jrc_db *db, int64_t case_id)
{
	db_stmt *st;
	int found;

	if (db_prepare(db, "SELECT 1 FROM bookings WHERE case_id = ?"
			       " AND cancelled_at IS NULL", &st, NULL) != JRC_OK)
		return 0;
	db_bind_int64(st, 1, case_id);
	found = db_step(db, st) == DB_ROW;
	db_finalize(st);
	return found;
}

/* Insert the booking row; a unique-index failure is the lost race. */
static jrc_status insert(jrc_db *db, int64_t case_id, const jrc_host *h, const jrc_slot *sl,
			 const char *actor, jrc_time now, jrc_slot *alt, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char start[32], end[32], at[32], when[64], next[64];
	jrc_slot other;
	int rc, r;

	clock_format_utc(sl->start, start);
	clock_format_utc(sl->end, end);
	clock_format_utc(now, at);
	/* The slot is booked once (a unique key): a refusal is answered below. */
	if ((s = db_try_begin(db, err)))
		return s;
	if ((s = db_prepare(db, "INSERT INTO bookings(case_id, host, slot_start, slot_end, room,"
			    " room_en, booked_at, booked_by) VALUES (?,?,?,?,?,?,?,?)", &st, err))) {
		db_try_end(db, 1);
		return s;
	}
	db_bind_int64(st, 1, case_id);
	db_bind_text(db, st, 2, h->id);
	db_bind_text(db, st, 3, start);
	db_bind_text(db, st, 4, end);
	db_bind_text(db, st, 5, sl->room);
	db_bind_text(db, st, 6, sl->room_en);
	db_bind_text(db, st, 7, at);
	db_bind_text(db, st, 8, actor);
	rc = db_step(db, st);
	db_finalize(st);
	db_try_end(db, rc != DB_DONE);
	if (rc == DB_DONE)
		return JRC_OK;
	if (rc != DB_CONSTRAINT_UNIQUE)
		return db_fail(db, rc, err);
	if (case_booked(db, case_id))
		return jrc_err_set(err, JRC_E_REFUSED, "slot",
				   _("This case already has a booking: cancel it first, or move it to another time."));
	roster_when(sl->start, now, when, sizeof(when));
	r = roster_first_free(db, h->id, sl->start > now ? sl->start : now, JRC_ROSTER_DAYS,
			      &other, NULL);
	if (alt) {
		memset(alt, 0, sizeof(*alt));
		if (r > 0)
			*alt = other;
	}
	if (r <= 0)
		return jrc_err_set(err, JRC_E_CONFLICT, "slot",
				   _("Someone else has just booked %s with %s, and there is no other free time in the next %d days: choose another helper, or file without a booking."),
				   when, i18n_pick(h->name, h->name_en), JRC_ROSTER_DAYS);
	roster_when(other.start, now, next, sizeof(next));
	return jrc_err_set(err, JRC_E_CONFLICT, "slot",
			   _("Someone else has just booked %s with %s. The next free time is %s: choose it or another time."),
			   when, i18n_pick(h->name, h->name_en), next);
}

/* The booking event vouches for the rows it wrote: the one given up
 * (cancelled, 0 if none) and the one taken (booked, 0 if none). */
static jrc_status event(jrc_db *db, int64_t case_id, const char *actor, const char *note,
			int64_t cancelled, int64_t booked, jrc_err *err)
{
	jrc_event_in ev = { 0 };
	int n = 0;

	ev.actor = actor;
	ev.kind = "booking";
	ev.case_id = case_id;
	ev.note = note;
	if (cancelled)
		ev.cover[n++] = (jrc_cover){ "bookings", cancelled, NULL };
	if (booked)
		ev.cover[n++] = (jrc_cover){ "bookings", booked, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

static jrc_status fill_out(jrc_db *db, int64_t case_id, jrc_booking *out, jrc_err *err)
{
	return out ? roster_case_booking(db, case_id, out, err) : JRC_OK;
}

jrc_status roster_book_in_tx(jrc_db *db, int64_t case_id, const char *host, jrc_time slot,
			     const char *actor, jrc_booking *out, jrc_slot *alt, jrc_err *err)
{
	jrc_host h;
	jrc_slot sl;
	jrc_status s;
	char receipt[JRC_RECEIPT_MAX], state[24], note[512];
	jrc_time now = clock_now();
	int64_t booked;

	if (alt)
		memset(alt, 0, sizeof(*alt));
	if (!actor || !*actor)
		actor = "cli";
	if ((s = roster_host(db, host, &h, err)) || (s = case_state(db, case_id, receipt, state, err)))
		return s;
	if (strcmp(state, "closed") == 0)
		return jrc_err_set(err, JRC_E_REFUSED, "receipt",
				   _("Case %s is closed: a closed case cannot be booked. File a new matter if needed."),
				   receipt);
	if (case_booked(db, case_id))
		return jrc_err_set(err, JRC_E_REFUSED, "slot",
				   _("Case %s already has a booking: cancel it first, or move it to another time."),
				   receipt);
	if ((s = resolve_slot(db, &h, slot, now, &sl, err)) ||
	    (s = insert(db, case_id, &h, &sl, actor, now, alt, err)))
		return s;
	booked = db_last_id(db);
	describe(h.id, h.name, sl.start, sl.end, sl.room, note + 8, sizeof(note) - 8);
	memcpy(note, "booked: ", 8);
	if ((s = event(db, case_id, actor, note, 0, booked, err)) ||
	    (s = sms_queue_in_tx(db, case_id, "booking", booked, err)))
		return s;
	return fill_out(db, case_id, out, err);
}

jrc_status roster_book(jrc_db *db, int64_t case_id, const char *host, jrc_time slot,
		       const char *actor, jrc_booking *out, jrc_slot *alt, jrc_err *err)
{
	jrc_host h;
	jrc_status s;

	if (out)
		memset(out, 0, sizeof(*out));
	/* Bad input never waits for the write lock. */
	if ((s = roster_host(db, host, &h, err)))
		return s;
	if ((s = db_begin(db, err)))
		return s;
	if ((s = roster_book_in_tx(db, case_id, h.id, slot, actor, out, alt, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

static jrc_status cancel_row(jrc_db *db, int64_t booking_id, const char *actor, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char at[32];
	int rc;

	clock_format_utc(clock_now(), at);
	if ((s = db_prepare(db, "UPDATE bookings SET cancelled_at = ?, cancelled_by = ?"
			    " WHERE id = ? AND cancelled_at IS NULL", &st, err)))
		return s;
	db_bind_text(db, st, 1, at);
	db_bind_text(db, st, 2, actor);
	db_bind_int64(st, 3, booking_id);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status roster_move(jrc_db *db, int64_t case_id, const char *host, jrc_time slot,
		       const char *actor, jrc_booking *out, jrc_slot *alt, jrc_err *err)
{
	jrc_booking cur;
	jrc_host h;
	jrc_slot sl;
	jrc_status s;
	char note[1024], a[400], b[400];
	jrc_time now = clock_now();
	int64_t booked;

	if (out)
		memset(out, 0, sizeof(*out));
	if (alt)
		memset(alt, 0, sizeof(*alt));
	if (!actor || !*actor)
		actor = "cli";
	if (host && (s = roster_host(db, host, &h, err)))
		return s;
	if ((s = db_begin(db, err)))
		return s;
	if ((s = roster_case_booking(db, case_id, &cur, err)))
		goto fail;
	if (!host && (s = roster_host(db, cur.host.id, &h, err)))
		goto fail;
	if (strcmp(h.id, cur.host.id) == 0 && slot == cur.start) {
		s = jrc_err_set(err, JRC_E_REFUSED, "slot",
				_("The booking is already at that time: choose another time to move it to."));
		goto fail;
	}
	/* The old slot is given up only together with taking the new one;
	 * "earliest free" is looked up while the old one still counts. */
	if ((s = resolve_slot(db, &h, slot, now, &sl, err)) ||
	    (s = cancel_row(db, cur.id, actor, err)) ||
	    (s = insert(db, case_id, &h, &sl, actor, now, alt, err)))
		goto fail;
	describe(cur.host.id, cur.host.name, cur.start, cur.end, cur.room, a, sizeof(a));
	describe(h.id, h.name, sl.start, sl.end, sl.room, b, sizeof(b));
	snprintf(note, sizeof(note), "moved: %s -> %s", a, b);
	booked = db_last_id(db);
	if ((s = event(db, case_id, actor, note, cur.id, booked, err)) ||
	    (s = sms_queue_in_tx(db, case_id, "booking", booked, err)) ||
	    (s = fill_out(db, case_id, out, err)))
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return s;
}

jrc_status roster_unbook_in_tx(jrc_db *db, int64_t case_id, const char *actor, jrc_err *err)
{
	jrc_booking cur;
	jrc_status s;
	char note[512];

	if (!actor || !*actor)
		actor = "cli";
	if ((s = roster_case_booking(db, case_id, &cur, err)) ||
	    (s = cancel_row(db, cur.id, actor, err)))
		return s;
	describe(cur.host.id, cur.host.name, cur.start, cur.end, cur.room, note + 11,
		 sizeof(note) - 11);
	memcpy(note, "cancelled: ", 11);
	return event(db, case_id, actor, note, cur.id, 0, err);
}

jrc_status roster_unbook(jrc_db *db, int64_t case_id, const char *actor, jrc_err *err)
{
	jrc_status s;

	if ((s = db_begin(db, err)))
		return s;
	if ((s = roster_unbook_in_tx(db, case_id, actor, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

jrc_status roster_case_booking(jrc_db *db, int64_t case_id, jrc_booking *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char at[32];
	int rc;

	memset(out, 0, sizeof(*out));
	if ((s = db_prepare(db, "SELECT b.id, b.case_id, c.receipt, b.slot_start, b.slot_end,"
			    " b.room, b.room_en, b.booked_at, b.booked_by, " ROSTER_HOST_COLS
			    " FROM bookings b JOIN cases c ON c.id = b.case_id"
			    " JOIN hosts h ON h.id = b.host"
			    " WHERE b.case_id = ? AND b.cancelled_at IS NULL", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		out->id = db_col_int64(st, 0);
		out->case_id = db_col_int64(st, 1);
		db_col_copy(st, 2, out->receipt, sizeof(out->receipt));
		db_col_copy(st, 3, at, sizeof(at));
		if (clock_parse(at, &out->start) != JRC_OK)
			out->start = 0;
		db_col_copy(st, 4, at, sizeof(at));
		if (clock_parse(at, &out->end) != JRC_OK)
			out->end = 0;
		db_col_copy(st, 5, out->room, sizeof(out->room));
		db_col_copy(st, 6, out->room_en, sizeof(out->room_en));
		db_col_copy(st, 7, out->booked_at, sizeof(out->booked_at));
		db_col_copy(st, 8, out->booked_by, sizeof(out->booked_by));
		roster_fill_host(st, 9, &out->host);
	}
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "booking",
			   _("This case has no booking with a mediator, lawyer or leader."));
}
