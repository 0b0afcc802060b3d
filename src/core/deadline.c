/* Deadline arithmetic over calendar or working days. */
#include <string.h>

#include "db_internal.h"
#include "jrc/deadline.h"

/* d's kind in the holidays table through the prepared st: *work 1 or 0. */
static jrc_status workday_with(jrc_db *db, db_stmt *st, jrc_date d, int *work,
			       jrc_err *err)
{
	char day[11];
	int wd = date_weekday(d), rc;

	*work = wd != 0 && wd != 6;
	date_format(d, day);
	db_reset(st);
	if ((rc = db_bind_text(db, st, 1, day)) != DB_OK)
		return db_fail(db, rc, err);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		const char *k = db_col_text(st, 0);

		*work = k && strcmp(k, "workday") == 0;
		rc = db_step(db, st);
	}
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return JRC_OK;
}

#define HOLIDAY_SQL "SELECT kind FROM holidays WHERE day = ?"

jrc_status deadline_is_workday(jrc_db *db, jrc_date d, int *work, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;

	if ((s = db_prepare(db, HOLIDAY_SQL, &st, err)) != JRC_OK)
		return s;
	s = workday_with(db, st, d, work, err);
	db_finalize(st);
	return s;
}

jrc_status deadline_add(jrc_db *db, jrc_date start, int days, jrc_date *out, jrc_err *err)
{
	char cal[16];
	jrc_status s;
	db_stmt *st;
	int work;

	if ((s = db_setting_get(db, "calendar", NULL, cal, sizeof(cal), err)) != JRC_OK)
		return s;
	if (strcmp(cal, "working") != 0 || days <= 0) {
		*out = date_add_days(start, days);
		return JRC_OK;
	}
	/* Working days: the day of the event does not count, as with
	 * calendar days; each following working day counts one.  One
	 * statement for the whole count; a failed read is an error, never a
	 * silent fall-back to weekdays (that would be a wrong legal date). */
	if ((s = db_prepare(db, HOLIDAY_SQL, &st, err)) != JRC_OK)
		return s;
	while (days > 0) {
		start = date_add_days(start, 1);
		if ((s = workday_with(db, st, start, &work, err)) != JRC_OK)
			break;
		if (work)
			days--;
	}
	db_finalize(st);
	if (s == JRC_OK)
		*out = start;
	return s;
}
