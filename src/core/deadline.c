/* Deadline arithmetic over calendar or working days. */
#include <string.h>

#include "db_internal.h"
#include "jrc/deadline.h"

int deadline_is_workday(jrc_db *db, jrc_date d)
{
	sqlite3_stmt *st;
	char day[11];
	int wd = date_weekday(d), work = wd != 0 && wd != 6;

	date_format(d, day);
	if (sqlite3_prepare_v2(db_handle(db), "SELECT kind FROM holidays WHERE day = ?", -1, &st,
			       NULL) != SQLITE_OK)
		return work;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *k = sqlite3_column_text(st, 0);

		work = k && strcmp((const char *)k, "workday") == 0;
	}
	sqlite3_finalize(st);
	return work;
}

jrc_status deadline_add(jrc_db *db, jrc_date start, int days, jrc_date *out, jrc_err *err)
{
	char cal[16];
	jrc_status s;

	if ((s = db_setting_get(db, "calendar", NULL, cal, sizeof(cal), err)) != JRC_OK)
		return s;
	if (strcmp(cal, "working") != 0 || days <= 0) {
		*out = date_add_days(start, days);
		return JRC_OK;
	}
	/* Working days: the day of the event does not count, as with
	 * calendar days; each following working day counts one. */
	while (days > 0) {
		start = date_add_days(start, 1);
		if (deadline_is_workday(db, start))
			days--;
	}
	*out = start;
	return JRC_OK;
}
