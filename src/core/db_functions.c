/* The SQL functions the core's statements call, registered on every
 * connection before it is migrated (db.c): jrc_local_day(utc) gives the
 * local date of a UTC instant in the county's zone, jrc_today() the local
 * date by the program's clock (JRC_NOW in tests).  Bound to SQLite, like
 * the rest of the storage layer's engine code. */
#include "db_internal.h"
#include "jrc/clock.h"
#include "jrc/date.h"

/* jrc_local_day(utc ISO instant): the local date, NULL for NULL or junk. */
static void local_day_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	jrc_time t;
	char out[11];

	(void)argc;
	if (!s || clock_parse((const char *)s, &t) != JRC_OK) {
		sqlite3_result_null(cx);
		return;
	}
	date_format(clock_local_date(t), out);
	sqlite3_result_text(cx, out, 10, SQLITE_TRANSIENT);
}

/* jrc_today(): the local date by the program's clock. */
static void today_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char out[11];

	(void)argc;
	(void)argv;
	date_format(clock_local_date(clock_now()), out);
	sqlite3_result_text(cx, out, 10, SQLITE_TRANSIENT);
}

int db_register_functions(jrc_db *db)
{
	int rc = sqlite3_create_function(db_handle(db), "jrc_local_day", 1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
					 local_day_fn, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db_handle(db), "jrc_today", 0,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, today_fn, NULL,
					     NULL);
	return rc;
}
