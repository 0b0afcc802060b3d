/* The calendar: real dates, days between and after, weekdays, and dates
 * written for people.  Calendar math uses day numbers (days since
 * 1970-01-01) so month ends and leap days need no special cases. */
#include <ctype.h>
#include <stdio.h>

#include "jrc/date.h"
#include "jrc/i18n.h"

static long days_from_civil(int y, int m, int d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static jrc_date civil_from_days(long z)
{
	jrc_date r;
	long era;
	unsigned doe, yoe, doy, mp;
	long y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(y + (r.m <= 2));
	return r;
}

int date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap, max;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	max = mdays[m - 1] + (m == 2 && leap);
	return d <= max;
}

jrc_date date_add_days(jrc_date d, int n)
{
	return civil_from_days(days_from_civil(d.y, d.m, d.d) + n);
}

long date_diff(jrc_date a, jrc_date b)
{
	return days_from_civil(b.y, b.m, b.d) - days_from_civil(a.y, a.m, a.d);
}

int date_weekday(jrc_date d)
{
	long z = days_from_civil(d.y, d.m, d.d);

	/* 1970-01-01 was a Thursday. */
	return (int)(((z % 7) + 7 + 4) % 7);
}

void date_text(jrc_date d, char *out, size_t size)
{
	static const char *const wday[] = {
		N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
		N_("Thursday"), N_("Friday"), N_("Saturday")
	};
	static const char *const month[] = {
		N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
		N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
		N_("November"), N_("December")
	};
	/* TRANSLATORS: weekday, day of month, month name, year. */
	snprintf(out, size, _("%1$s, %2$d %3$s %4$d"), _(wday[date_weekday(d)]), d.d,
		 _(month[(d.m - 1) % 12]), d.y);
}

int date_cmp(jrc_date a, jrc_date b)
{
	long x = days_from_civil(a.y, a.m, a.d), y = days_from_civil(b.y, b.m, b.d);

	return x < y ? -1 : x > y;
}

void date_format(jrc_date d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
		 (unsigned)d.d % 100u);
}

void date_format_yymmdd(jrc_date d, char out[7])
{
	snprintf(out, 7, "%02u%02u%02u", (unsigned)d.y % 100u, (unsigned)d.m % 100u,
		 (unsigned)d.d % 100u);
}

void date_format_ymd(jrc_date d, char out[9])
{
	snprintf(out, 9, "%04u%02u%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
		 (unsigned)d.d % 100u);
}

static int read_digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

int date_parse(const char *s, jrc_date *out)
{
	jrc_date d;

	if (!s || read_digits(&s, 4, &d.y) || *s++ != '-' ||
	    read_digits(&s, 2, &d.m) || *s++ != '-' || read_digits(&s, 2, &d.d) ||
	    *s || !date_valid(d.y, d.m, d.d))
		return -1;
	*out = d;
	return 0;
}
