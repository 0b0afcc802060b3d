/* A fresh database with the shipped reference data, for unit tests. */
#ifndef JRC_TESTDB_H
#define JRC_TESTDB_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/refdata.h"

static char testdb_path[256];

static void testdb_cleanup(void)
{
	char buf[300];

	unlink(testdb_path);
	snprintf(buf, sizeof(buf), "%s-wal", testdb_path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", testdb_path);
	unlink(buf);
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
	testdb_cleanup();
	atexit(testdb_cleanup);
	clock_use_timezone("Asia/Shanghai");
	if (db_open(testdb_path, JRC_DB_CREATE, &db, &err) != JRC_OK ||
	    refdata_import_dir(db, testdb_data_dir(), "test", &err) != JRC_OK) {
		printf("Bail out! cannot make a test database: %s\n", err.msg);
		exit(1);
	}
	return db;
}

#endif
