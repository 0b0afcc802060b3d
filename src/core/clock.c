/* Time: the one "now", the site's timezone, and instants read and written
 * in it.  The calendar itself (jrc_date) is date.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jrc/clock.h"
#include "jrc/i18n.h"

/* Two digits at *p into *out, moving p past them; -1 if not two digits. */
static int read2(const char **p, int *out)
{
	if (!isdigit((unsigned char)(*p)[0]) || !isdigit((unsigned char)(*p)[1]))
		return -1;
	*out = ((*p)[0] - '0') * 10 + ((*p)[1] - '0');
	*p += 2;
	return 0;
}

/* Local broken-down time to epoch seconds, in the current TZ. */
static jrc_time local_to_epoch(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	return (jrc_time)mktime(&tm);
}

jrc_time clock_local_midnight(jrc_date d)
{
	return local_to_epoch(d.y, d.m, d.d, 0, 0, 0);
}

jrc_status clock_parse(const char *s, jrc_time *out)
{
	jrc_date d;
	int h = 0, mi = 0, sec = 0, oh = 0, om = 0, sign = 0;
	const char *p = s;
	char day[11];
	int i;

	if (!s)
		return JRC_E_INVALID;
	while (isspace((unsigned char)*p))
		p++;
	/* YYYY-MM-DD, the calendar's own form. */
	for (i = 0; i < 10 && p[i]; i++)
		day[i] = p[i];
	day[i] = '\0';
	if (i < 10 || date_parse(day, &d))
		return JRC_E_INVALID;
	p += 10;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (read2(&p, &h) || *p++ != ':' || read2(&p, &mi))
			return JRC_E_INVALID;
		if (*p == ':') {
			p++;
			if (read2(&p, &sec))
				return JRC_E_INVALID;
			if (*p == '.' || *p == ',') /* fractions are dropped */
				for (p++; isdigit((unsigned char)*p); p++)
					;
		}
		if (h > 23 || mi > 59 || sec > 60)
			return JRC_E_INVALID;
	}
	if (*p == 'Z' || *p == 'z') {
		sign = 1;
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '+' ? 1 : -1;
		if (read2(&p, &oh))
			return JRC_E_INVALID;
		if (*p == ':')
			p++;
		if (*p && read2(&p, &om))
			return JRC_E_INVALID;
		if (oh > 14 || om > 59)
			return JRC_E_INVALID;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p)
		return JRC_E_INVALID;
	if (!sign) {
		*out = local_to_epoch(d.y, d.m, d.d, h, mi, sec);
		return JRC_OK;
	}
	*out = (jrc_time)date_diff((jrc_date){ 1970, 1, 1 }, d) * 86400 + h * 3600 + mi * 60 + sec
		- sign * (oh * 3600 + om * 60);
	return JRC_OK;
}

jrc_time clock_now(void)
{
	const char *fixed = getenv("JRC_NOW");
	jrc_time t;

	if (fixed && *fixed && clock_parse(fixed, &t) == JRC_OK)
		return t;
	return (jrc_time)time(NULL);
}

int64_t clock_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

jrc_status clock_use_timezone(const char *tz)
{
	char path[512];

	if (!tz || !*tz)
		return JRC_E_INVALID;
	if (strchr(tz, '/') && !strstr(tz, "..")) {
		const char *dir = getenv("TZDIR");

		snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", tz);
		if (access(path, R_OK) == 0) {
			setenv("TZ", tz, 1);
		} else if (strcmp(tz, "Asia/Shanghai") == 0 || strcmp(tz, "PRC") == 0) {
			/* No tzdata installed: China has had no DST since 1991. */
			setenv("TZ", "CST-8", 1);
		} else {
			return JRC_E_INVALID;
		}
	} else if (strcmp(tz, "UTC") == 0 || isalpha((unsigned char)tz[0])) {
		/* A POSIX TZ string such as CST-8 or UTC. */
		setenv("TZ", tz, 1);
	} else {
		return JRC_E_INVALID;
	}
	tzset();
	return JRC_OK;
}

void clock_format_utc(jrc_time t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void clock_format_local(jrc_time t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%d %H:%M", &tm);
}

void clock_format_local_iso(jrc_time t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	long off;
	char base[24];

	localtime_r(&tt, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	off = tm.tm_gmtoff / 60;
	snprintf(out, 32, "%.19s%c%02u:%02u", base, off < 0 ? '-' : '+',
		 (unsigned)(labs(off) / 60 % 24), (unsigned)(labs(off) % 60));
}

jrc_date clock_local_date(jrc_time t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	jrc_date d;

	localtime_r(&tt, &tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}
