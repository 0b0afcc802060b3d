/* Opening, creating, migrating and failing databases. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "db_internal.h"
#include "jrc/db.h"
#include "tap.h"
#include "testdb.h"

static int pragma_int(jrc_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *pragma_text(jrc_db *db, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

int main(void)
{
	jrc_db *db, *db2;
	jrc_err err = { 0 };
	struct stat sb;
	char buf[256], path[300];
	int fd;

	db = testdb_open();
	ok(stat(testdb_path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "database file is mode 0600");
	is_str(pragma_text(db, "PRAGMA journal_mode", buf, sizeof(buf)), "wal", "WAL journal");
	is_int(pragma_int(db, "PRAGMA synchronous"), 2, "synchronous=FULL");
	is_int(pragma_int(db, "PRAGMA foreign_keys"), 1, "foreign keys on");
	is_int(pragma_int(db, "PRAGMA user_version"), db_schema_version(), "schema version set");

	/* The statement cache: parsed once, handed out reset and unbound. */
	{
		db_stmt *a, *b, *c;
		const char *sql = "SELECT ?1, (SELECT count(*) FROM settings)";

		ok(db_prepare_cached(db, sql, &a, &err) == JRC_OK, "a cached statement");
		db_bind_int(a, 1, 42);
		ok(db_step(db, a) == DB_ROW && db_col_int(a, 0) == 42, "runs");
		/* Not released: the next user must get it reset all the same. */
		ok(db_prepare_cached(db, sql, &b, &err) == JRC_OK && b == a,
		   "the same SQL gives the same statement, not a new parse");
		ok(!sqlite3_stmt_busy(db_stmt_lite(b)), "handed out reset");
		ok(db_step(db, b) == DB_ROW && db_col_is_null(b, 0),
		   "with its old bindings cleared");
		db_release(b);
		ok(db_prepare_cached(db, "SELECT 2", &c, &err) == JRC_OK && c != a,
		   "other SQL, another statement");
		db_release(c);
		ok(db_prepare_cached(db, "SELECT nonsense FROM nowhere", &c, &err) == JRC_E_DB &&
		   !c, "SQL that does not prepare is an error, not a cache entry");
		db_release(NULL);
	}
	db_close(db);

	ok(db_open(testdb_path, JRC_DB_CREATE, &db2, &err) == JRC_E_DB_EXISTS,
	   "create refuses to clobber an existing database");
	ok(strstr(err.msg, "--force") != NULL, "and says how to replace it");
	ok(db_open(testdb_path, 0, &db, &err) == JRC_OK, "reopen");

	/* Settings. */
	ok(db_setting_get(db, "site_code", NULL, buf, sizeof(buf), &err) == JRC_OK &&
	   strcmp(buf, "PJ") == 0, "site code defaults to PJ");
	ok(db_setting_set(db, "site_code", "pj", &err) == JRC_E_INVALID, "lower-case site refused");
	/* Once sites.csv is imported, the site's own code is one of them. */
	ok(db_setting_set(db, "site_code", "PJXQ", &err) == JRC_E_INVALID,
	   "a well-formed site not among the sites refused");
	ok(db_setting_set(db, "site_code", "ZJW", &err) == JRC_OK, "a listed 3-letter site accepted");
	db_setting_get(db, "site_code", NULL, buf, sizeof(buf), &err);
	is_str(buf, "ZJW", "setting stored");
	ok(db_setting_set(db, "no_such_key", "1", &err) == JRC_E_INVALID, "unknown key refused");
	ok(db_setting_set(db, "timezone", "Nowhere/City", &err) == JRC_E_INVALID, "bad timezone refused");
	ok(db_setting_set(db, "printer", "lpt1", &err) == JRC_E_INVALID, "bad printer URI refused");
	ok(db_setting_set(db, "printer", "tcp://127.0.0.1:9100", &err) == JRC_OK, "tcp printer accepted");
	ok(db_setting_set(db, "idle_seconds", "2", &err) == JRC_E_INVALID, "too short idle refused");

	/* A writer holding the lock longer than our busy timeout. */
	ok(db_open(testdb_path, 0, &db2, &err) == JRC_OK, "second connection");
	db_set_busy_timeout(db2, 50);
	ok(db_begin(db, &err) == JRC_OK, "first takes the write lock");
	ok(db_begin(db2, &err) == JRC_E_DB_LOCKED, "second is told the database is busy");
	ok(strstr(err.msg, "try again") != NULL, "with a sentence saying what to do");
	db_rollback(db);
	ok(db_begin(db2, &err) == JRC_OK, "after release the second gets it");
	db_rollback(db2);
	db_close(db2);

	/* A database from the future is refused. */
	sqlite3_exec(db_handle(db), "PRAGMA user_version=999", NULL, NULL, NULL);
	db_close(db);
	ok(db_open(testdb_path, 0, &db, &err) == JRC_E_DB_VERSION, "newer schema refused");

	/* Missing and corrupt files. */
	snprintf(path, sizeof(path), "%s.missing", testdb_path);
	ok(db_open(path, 0, &db, &err) == JRC_E_NO_DB, "missing database");
	ok(strstr(err.msg, "jrc init") != NULL, "says to run jrc init");
	snprintf(path, sizeof(path), "%s.corrupt", testdb_path);
	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	for (int i = 0; i < 64; i++)
		(void)!write(fd, "this is not a database file, just junk bytes....", 48);
	close(fd);
	ok(db_open(path, 0, &db, &err) == JRC_E_DB_CORRUPT, "junk file reported as damaged");
	unlink(path);
	return done();
}
