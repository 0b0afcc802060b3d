/* The monthly report: months written YYYY-MM, formats, the local month's
 * boundaries (a case filed at 23:30 on its last day counts, one at 00:30
 * the next day does not), the twelve months, and the file written whole
 * or not at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jrc/grievance.h"
#include "jrc/report.h"
#include "tap.h"
#include "testdb.h"

static void file(jrc_db *db, const char *now, const char *cat)
{
	jrc_intake in = { 0 };
	jrc_err err = { 0 };

	setenv("JRC_NOW", now, 1);
	in.category = cat;
	in.division = "330726100201";
	in.anonymous = 1;
	in.text = "x";
	if (grievance_file(db, &in, NULL, &err) != JRC_OK)
		printf("# file: %s\n", err.msg);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 1 << 20);

	*len = f && buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
	if (f)
		fclose(f);
	return buf;
}

int main(void)
{
	jrc_db *db;
	jrc_report r;
	jrc_report_format f;
	jrc_err err = { 0 };
	char path[300], bad[300];
	size_t len;
	char *text;

	ok(report_month_check("2026-11", &err) == JRC_OK, "2026-11 is a month");
	ok(report_month_check("2026-13", &err) == JRC_E_INVALID, "2026-13 is not");
	ok(strstr(err.msg, "YYYY-MM") != NULL, "and the form is said: %s", err.msg);
	ok(report_month_check("2026-1", &err) == JRC_E_INVALID, "2026-1 is not");
	ok(report_month_check("2026/11", &err) == JRC_E_INVALID, "2026/11 is not");
	ok(report_month_check(NULL, &err) == JRC_E_INVALID, "nothing is not");
	ok(report_format_parse("csv", &f) == 0 && f == JRC_REPORT_CSV, "csv");
	ok(report_format_parse("md", &f) == 0 && f == JRC_REPORT_MD, "md");
	ok(report_format_parse("xlsx", &f) == 0 && f == JRC_REPORT_XLSX, "xlsx");
	ok(report_format_parse("pdf", &f) == -1, "pdf is not a format");

	setenv("JRC_NOW", "2026-10-15T10:00:00+08:00", 1);
	db = testdb_open();
	file(db, "2026-10-31T23:50:00+08:00", "LAB");   /* October */
	file(db, "2026-11-01T00:10:00+08:00", "LAB");   /* November, 31 Oct in UTC */
	file(db, "2026-11-15T10:00:00+08:00", "EDU");
	file(db, "2026-11-30T23:30:00+08:00", "LAB");
	file(db, "2026-12-01T00:30:00+08:00", "LAB");   /* December, 30 Nov in UTC */

	setenv("JRC_NOW", "2026-12-03T10:00:00+08:00", 1);
	ok(report_gather(db, "2026-11", 0, &r, &err) == JRC_OK, "gather: %s", err.msg);
	is_str(r.from, "2026-11-01", "the month's first day");
	is_str(r.to, "2026-11-30", "and last");
	is_str(r.prev, "2026-10", "the month before");
	is_int(r.total.total, 3, "three cases filed in the local November");
	is_int((long)r.n_cases, 3, "and three in the list");
	is_int(r.before.total, 1, "one in October");
	is_str(r.months[0].key, "2025-12", "twelve months from December");
	is_str(r.months[11].key, "2026-11", "to November");
	is_int(r.months[11].c.total, 3, "November's three");
	is_int(r.months[10].c.total, 1, "October's one");
	is_int(r.months[3].c.total, 0, "a month without cases is there as 0");
	is_int((long)r.n_by[JRC_REPORT_BY_CATEGORY], 2, "two categories");
	ok(r.n_cases == 3 && strcmp(r.cases[0].filed_on, "2026-11-01") == 0 &&
	   strcmp(r.cases[2].filed_on, "2026-11-30") == 0, "filing dates are local dates");

	snprintf(path, sizeof(path), "%s.csv", testdb_path);
	ok(report_write(&r, JRC_REPORT_CSV, path, &err) == JRC_OK, "csv written: %s", err.msg);
	text = slurp(path, &len);
	ok(len > 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0, "csv starts with the BOM");
	ok(strstr(text, "\r\n") != NULL && !strstr(text, "x\n"), "lines end in CRLF");
	free(text);
	unlink(path);

	snprintf(bad, sizeof(bad), "%s.missing/report.md", testdb_path);
	ok(report_write(&r, JRC_REPORT_MD, bad, &err) == JRC_E_IO, "a folder that is not there");
	ok(access(bad, F_OK) != 0, "nothing written");

	snprintf(path, sizeof(path), "%s.md", testdb_path);
	ok(report_write(&r, JRC_REPORT_MD, path, &err) == JRC_OK, "md written");
	text = slurp(path, &len);
	ok(strstr(text, "## ") != NULL && strstr(text, "|---") != NULL, "md has headings and tables");
	free(text);
	unlink(path);
	report_free(&r);

	ok(report_gather(db, "2026-13", 0, &r, &err) == JRC_E_INVALID, "a bad month gathers nothing");
	db_close(db);
	return done();
}
