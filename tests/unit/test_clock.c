/* Clock and calendar: JRC_NOW, time zones, date arithmetic. */
#include <stdlib.h>

#include "jrc/clock.h"
#include "tap.h"

static const char *fmt_date(jrc_date d, char *buf)
{
	date_format(d, buf);
	return buf;
}

int main(void)
{
	char buf[32];
	jrc_time t;
	jrc_date d;

	ok(clock_use_timezone("Asia/Shanghai") == JRC_OK, "Asia/Shanghai is a timezone");
	ok(clock_use_timezone("Mars/Olympus") != JRC_OK, "an unknown zone is refused");
	clock_use_timezone("Asia/Shanghai");

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	t = clock_now();
	clock_format_utc(t, buf);
	is_str(buf, "2026-11-29T02:00:00Z", "JRC_NOW with an offset fixes the clock");
	setenv("JRC_NOW", "2026-11-29T10:00:00", 1);
	is_int(clock_now(), t, "JRC_NOW without offset is site-local time");
	setenv("JRC_NOW", "2026-11-29T02:00:00Z", 1);
	is_int(clock_now(), t, "JRC_NOW in UTC");
	clock_format_local(t, buf);
	is_str(buf, "2026-11-29 10:00", "local format");
	clock_format_local_iso(t, buf);
	is_str(buf, "2026-11-29T10:00:00+08:00", "local ISO format with offset");

	/* Just after midnight in Shanghai is still the day before in UTC. */
	ok(clock_parse("2026-11-29T00:30:00+08:00", &t) == JRC_OK, "parse");
	d = clock_local_date(t);
	is_str(fmt_date(d, buf), "2026-11-29", "the local date, not the UTC one");
	ok(clock_use_timezone("UTC") == JRC_OK, "switch to UTC");
	d = clock_local_date(t);
	is_str(fmt_date(d, buf), "2026-11-28", "the same instant is the 28th in UTC");
	clock_use_timezone("Asia/Shanghai");

	ok(clock_parse("2026-02-30T10:00", &t) != JRC_OK, "Feb 30 refused");
	ok(clock_parse("2026-11-29T25:00", &t) != JRC_OK, "hour 25 refused");
	ok(clock_parse("2026-11-29X", &t) != JRC_OK, "trailing junk refused");
	ok(clock_parse("2026-11-29", &t) == JRC_OK, "a date alone is local midnight");

	/* Deadline arithmetic across month and year ends and leap days. */
	d = (jrc_date){ 2026, 11, 29 };
	is_str(fmt_date(date_add_days(d, 15), buf), "2026-12-14", "+15 days");
	is_str(fmt_date(date_add_days(d, 60), buf), "2027-01-28", "+60 days over the year end");
	d = (jrc_date){ 2028, 2, 14 };
	is_str(fmt_date(date_add_days(d, 15), buf), "2028-02-29", "2028-02-29 exists");
	is_str(fmt_date(date_add_days(d, 16), buf), "2028-03-01", "and then March");
	d = (jrc_date){ 2027, 2, 14 };
	is_str(fmt_date(date_add_days(d, 15), buf), "2027-03-01", "2027 has no Feb 29");
	d = (jrc_date){ 2026, 1, 31 };
	is_str(fmt_date(date_add_days(d, 30), buf), "2026-03-02", "Jan 31 + 30 days");
	is_str(fmt_date(date_add_days((jrc_date){ 2026, 3, 1 }, -1), buf), "2026-02-28",
	       "negative days");
	is_int(date_diff((jrc_date){ 2026, 11, 29 }, (jrc_date){ 2026, 12, 14 }), 15, "diff");
	is_int(date_diff((jrc_date){ 2028, 2, 28 }, (jrc_date){ 2028, 3, 1 }), 2, "diff over leap day");
	is_int(date_weekday((jrc_date){ 2026, 11, 29 }), 0, "2026-11-29 is a Sunday");
	is_int(date_weekday((jrc_date){ 2028, 2, 29 }), 2, "2028-02-29 is a Tuesday");
	ok(date_valid(2000, 2, 29) && !date_valid(1900, 2, 29) && !date_valid(2026, 4, 31),
	   "leap year rules");
	ok(date_parse("2026-12-01", &d) == 0 && d.y == 2026 && d.m == 12 && d.d == 1, "date_parse");
	ok(date_parse("2026-13-01", &d) != 0, "month 13 refused");
	date_format_yymmdd((jrc_date){ 2026, 11, 29 }, buf);
	is_str(buf, "261129", "YYMMDD");
	return done();
}
