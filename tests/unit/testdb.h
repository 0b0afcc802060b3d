/* A fresh database with the shipped reference data, for unit tests. */
#ifndef JRC_TESTDB_H
#define JRC_TESTDB_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/ledger_key.h"
#include "jrc/refdata.h"
#include "db_internal.h"

static char testdb_path[256], testdb_key[270];

static void testdb_cleanup(void)
{
	char buf[300];

	unlink(testdb_path);
	if (*testdb_key) {
		chmod(testdb_key, 0600);
		unlink(testdb_key);
	}
	snprintf(buf, sizeof(buf), "%s-wal", testdb_path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", testdb_path);
	unlink(buf);
}

/* The first column of the first row of sql, as a number; -1 when the
 * statement fails. */
static inline long testdb_count(jrc_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static const char *testdb_data_dir(void)
{
	const char *d = getenv("JRC_DATA");
	static char buf[512];

	if (d && *d)
		return d;
	snprintf(buf, sizeof(buf), "%s/data", getenv("top_srcdir") ? getenv("top_srcdir") : "..");
	return buf;
}

/* Open a new database in a temporary file, imported from data/. */
static jrc_db *testdb_open(void)
{
	jrc_db *db = NULL;
	jrc_err err = { 0 };

	snprintf(testdb_path, sizeof(testdb_path), "%s/jrc-unit-%ld.db",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	snprintf(testdb_key, sizeof(testdb_key), "%s.key", testdb_path);
	testdb_cleanup();
	atexit(testdb_cleanup);
	/* A ledger key of the test's own, beside its database. */
	setenv("JRC_LEDGER_KEY", testdb_key, 1);
	{
		int created;

		if (ledger_key_create(testdb_key, 0, &created, &err) != JRC_OK) {
			printf("Bail out! cannot make a ledger key: %s\n", err.msg);
			exit(1);
		}
	}
	clock_use_timezone("Asia/Shanghai");
	if (db_open(testdb_path, JRC_DB_CREATE, &db, &err) != JRC_OK ||
	    refdata_import_dir(db, testdb_data_dir(), "test", &err) != JRC_OK) {
		printf("Bail out! cannot make a test database: %s\n", err.msg);
		exit(1);
	}
	return db;
}

#endif
