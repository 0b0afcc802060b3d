/* A citizen checks in for today's appointment at the kiosk: the arrival
 * the desk would mark, and a queue number for the room's group, in one
 * transaction, so a number never exists without its arrival nor an
 * arrival from the kiosk without its number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jrc/i18n.h"
#include "jrc/recover.h"
#include "roster_internal.h"

static void hhmm(jrc_time t, char out[8])
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(out, 8, "%H:%M", &tm);
}

/* Today's check-in number of a case ("" none). */
static jrc_status checkin_label(jrc_db *db, int64_t case_id, char label[JRC_TICKET_LABEL_SIZE],
				jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char day[11];
	int rc;

	label[0] = '\0';
	date_format(clock_local_date(clock_now()), day);
	if ((s = db_prepare(db, "SELECT id FROM tickets WHERE case_id = ? AND day = ?"
			    " AND reason = 'checkin' ORDER BY id DESC LIMIT 1", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	db_bind_text(db, st, 2, day);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		jrc_ticket t;
		int64_t id = db_col_int64(st, 0);

		db_finalize(st);
		if ((s = queue_get(db, id, &t, err)))
			return s;
		snprintf(label, JRC_TICKET_LABEL_SIZE, "%s", t.label);
		return JRC_OK;
	}
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status checkin_locked(jrc_db *db, int64_t case_id, const char *actor,
				 jrc_checkin *out, jrc_err *err)
{
	jrc_time now = clock_now(), t;
	jrc_ticket_in in = { 0 };
	char when[64], from[8], to[8], was[32], label[JRC_TICKET_LABEL_SIZE], grp[2];
	jrc_status s;
	int r;

	if ((s = roster_case_booking(db, case_id, &out->b, err))) {
		if (s == JRC_E_NOT_FOUND)
			return jrc_err_set(err, JRC_E_NOT_FOUND, "booking",
					   _("There is no appointment for this matter today. If you came to see someone, please ask at the front desk."));
		return s;
	}
	roster_when(out->b.start, now, when, sizeof(when));
	if (date_cmp(clock_local_date(out->b.start), clock_local_date(now)) != 0)
		return jrc_err_set(err, JRC_E_REFUSED, "booking",
				   out->b.start > now ?
				   _("Your appointment is %s, not today: please come back on that day.") :
				   _("Your appointment was %s, not today. If you still need to see someone, please ask at the front desk."),
				   when);
	hhmm(out->b.start, from);
	hhmm(out->b.end, to);
	if ((r = roster_arrived_at(db, out->b.id, was, err)) < 0)
		return err ? err->code : JRC_E_DB;
	if (r) {
		if ((s = checkin_label(db, case_id, label, err)))
			return s;
		if (clock_parse(was, &t) != JRC_OK)
			t = now;
		roster_when(t, now, when, sizeof(when));
		if (*label)
			return jrc_err_set(err, JRC_E_REFUSED, "booking",
					   _("You have already checked in for this appointment (%s). Your number is %s: please wait until it is called."),
					   when, label);
		return jrc_err_set(err, JRC_E_REFUSED, "booking",
				   _("You have already checked in for this appointment (%s): please wait to be called."),
				   when);
	}
	if (now < out->b.start - JRC_CHECKIN_EARLY_MINUTES * 60) {
		char opens[8];

		hhmm(out->b.start - JRC_CHECKIN_EARLY_MINUTES * 60, opens);
		return jrc_err_set(err, JRC_E_REFUSED, "booking",
				   _("Your appointment is today at %s. Check-in opens at %s: please come back then."),
				   from, opens);
	}
	if (now >= out->b.end)
		return jrc_err_set(err, JRC_E_REFUSED, "booking",
				   _("The time of your appointment (%s-%s) has passed. Please ask at the front desk: they can find you another time."),
				   from, to);
	if ((s = roster_arrive_in_tx(db, &out->b, actor, now, err)) ||
	    (s = queue_room_group(db, out->b.room, grp, &out->window, err)))
		return s;
	in.grp = grp;
	in.reason = "checkin";
	in.case_id = case_id;
	in.actor = actor;
	return queue_take_in_tx(db, &in, &out->t, err);
}

jrc_status roster_checkin(jrc_db *db, int64_t case_id, const char *actor, jrc_checkin *out,
			  jrc_err *err)
{
	jrc_checkin tmp;
	jrc_status s;

	if (!out)
		out = &tmp;
	memset(out, 0, sizeof(*out));
	if (!actor || !*actor)
		actor = "cli";
	if ((s = db_begin(db, err)))
		return s;
	if ((s = checkin_locked(db, case_id, actor, out, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

jrc_status roster_checkin_find(jrc_db *db, const char *id_number, const char *phone,
			       const char *source, int64_t *case_id, jrc_lookup_info *info,
			       jrc_err *err)
{
	jrc_recovered found[JRC_RECOVER_MAX];
	jrc_date today = clock_local_date(clock_now());
	size_t n = 0;
	jrc_status s;

	*case_id = 0;
	if ((s = recover_numbers(db, id_number, phone, source, found, &n, info, err)))
		return s;
	/* The matters come newest first; the one booked for today counts,
	 * else one booked for another day (check-in then says which). */
	for (size_t i = 0; i < n; i++) {
		db_stmt *st;
		jrc_booking b;
		int64_t id = 0;

		if ((s = db_prepare(db, "SELECT id FROM cases WHERE receipt = ?", &st, err)))
			return s;
		db_bind_text(db, st, 1, found[i].receipt);
		if (db_step(db, st) == DB_ROW)
			id = db_col_int64(st, 0);
		db_finalize(st);
		if (!id || roster_case_booking(db, id, &b, NULL) != JRC_OK)
			continue;
		if (date_cmp(clock_local_date(b.start), today) == 0) {
			*case_id = id;
			return JRC_OK;
		}
		if (!*case_id)
			*case_id = id;
	}
	if (*case_id)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_NOT_FOUND, "booking",
			   _("None of your matters has an appointment today. If you came to see someone, please ask at the front desk."));
}
