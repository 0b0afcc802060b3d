/* Errors that used to be swallowed now reach the caller: the working-day
 * count on a failing read, the reference-data check on a failing read,
 * the query code when the random source fails. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tap.h"
#include "testdb.h"
#include "jrc/deadline.h"
#include "jrc/fault.h"
#include "jrc/receipt.h"

/* An authorizer that refuses SELECTs reading one table while deny_table is
 * set (writes still pass, so an import gets as far as its checks). */
static const char *deny_table;
static int in_select;

static int deny_reads(void *u, int action, const char *a1, const char *a2, const char *a3,
		      const char *a4)
{
	(void)u; (void)a2; (void)a3; (void)a4;
	if (action == SQLITE_SELECT)
		in_select = 1;
	else if (action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE)
		in_select = 0;
	return deny_table && in_select && action == SQLITE_READ && a1 &&
	       strcmp(a1, deny_table) == 0 ? SQLITE_DENY : SQLITE_OK;
}

static void test_deadline(jrc_db *db)
{
	jrc_err err = { 0 };
	jrc_date start, out = { 0 };
	char day[11];
	int work = -1;

	date_parse("2026-09-30", &start);
	ok(db_setting_set(db, "calendar", "working", &err) == JRC_OK, "working-day calendar");
	is_int(deadline_add(db, start, 5, &out, &err), JRC_OK, "5 working days from 30 Sep");
	date_format(out, day);
	/* 1-7 Oct are the National Day holiday, 10 Oct a make-up workday. */
	is_str(day, "2026-10-13", "past the National Day week, counting the make-up Saturday");
	is_int(deadline_is_workday(db, start, &work, &err), JRC_OK, "30 Sep read");
	is_int(work, 1, "30 Sep is a working day");

	deny_table = "holidays";
	out = start;
	ok(deadline_add(db, start, 5, &out, &err) != JRC_OK,
	   "a failing holiday read is an error, not a weekday guess");
	ok(err.msg[0] != '\0', "with a sentence: %s", err.msg);
	ok(date_cmp(out, start) == 0, "and no date was made up");
	jrc_err_clear(&err);
	ok(deadline_is_workday(db, start, &work, &err) != JRC_OK, "deadline_is_workday says so too");
	deny_table = NULL;
	db_setting_set(db, "calendar", "calendar", &err);
}

static void test_refdata(jrc_db *db)
{
	jrc_err err = { 0 };
	jrc_status s;

	deny_table = "departments";
	s = refdata_import_dir(db, testdb_data_dir(), "test", &err);
	deny_table = NULL;
	ok(s != JRC_OK && s != JRC_E_DATA,
	   "a failing read during import is a database error (status %d), not bad data", (int)s);
	/* The first file whose check reads departments (windows.csv or
	 * routing.csv) reports it. */
	ok((strstr(err.msg, "routing.csv") || strstr(err.msg, "windows.csv")) &&
	   !strstr(err.msg, "unknown department"),
	   "the file's check reports it, not as 'unknown department': %s", err.msg);
	jrc_err_clear(&err);
	is_int(refdata_import_dir(db, testdb_data_dir(), "test", &err), JRC_OK,
	       "the same import passes when the database reads");
}

static void test_query_code(void)
{
	jrc_err err = { 0 };
	char code[7] = "x";

	setenv("JRC_FAULT", "stdout,getrandom", 1);
	is_int(fault_inject("getrandom"), 1, "JRC_FAULT names getrandom");
	is_int(fault_inject("getrand"), 0, "a prefix is not a point");
	is_int(receipt_query_code(code, &err), JRC_E_IO, "a failing random source is JRC_E_IO");
	ok(err.code == JRC_E_IO && err.msg[0], "with err filled: %s", err.msg);
	is_str(code, "", "and no code");
	unsetenv("JRC_FAULT");
	is_int(receipt_query_code(code, &err), JRC_OK, "without the fault a code is drawn");
}

int main(void)
{
	jrc_db *db = testdb_open();

	sqlite3_set_authorizer(db_handle(db), deny_reads, NULL);
	test_deadline(db);
	test_refdata(db);
	test_query_code();
	db_close(db);
	return done();
}
