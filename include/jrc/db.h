/* The database: open, migrate, transactions, settings, error mapping. */
#ifndef JRC_DB_H
#define JRC_DB_H

#include <stddef.h>
#include <sqlite3.h>
#include "jrc/status.h"

typedef struct jrc_db jrc_db;

enum {
	JRC_DB_CREATE = 1,    /* create the file (mode 0600) if missing */
	JRC_DB_READONLY = 2,
	JRC_DB_FORCE = 4      /* with CREATE: replace an existing database */
};

/* The schema version this build writes (PRAGMA user_version). */
int db_schema_version(void);

/* Open path, set WAL, synchronous=FULL, foreign keys, busy timeout, and
 * migrate the schema forward.  Without JRC_DB_CREATE a missing file is
 * JRC_E_NO_DB; with it and an existing file (and no FORCE) JRC_E_DB_EXISTS. */
jrc_status db_open(const char *path, int flags, jrc_db **out, jrc_err *err);

/* Close; NULL is fine. */
void db_close(jrc_db *db);

/* Write everything in the log into the database file, then close; an
 * error (a full disk) means the file may not be whole. */
jrc_status db_close_checked(jrc_db *db, jrc_err *err);

/* The raw handle, for the per-entity stores in core only. */
sqlite3 *db_handle(jrc_db *db);

/* Busy timeout in milliseconds (default 10000). */
void db_set_busy_timeout(jrc_db *db, int ms);

/* BEGIN IMMEDIATE (writers) / COMMIT / ROLLBACK. */
jrc_status db_begin(jrc_db *db, jrc_err *err);
jrc_status db_commit(jrc_db *db, jrc_err *err);
void db_rollback(jrc_db *db);

/* Map an sqlite result code to a status and a sentence in err. */
jrc_status db_fail(jrc_db *db, int rc, jrc_err *err);

/* Run SQL without results. */
jrc_status db_exec(jrc_db *db, const char *sql, jrc_err *err);

/* Prepare a statement; maps failures through db_fail. */
jrc_status db_prepare(jrc_db *db, const char *sql, sqlite3_stmt **st,
		      jrc_err *err);

/* A statement from the connection's cache, for SQL fixed in the source
 * that runs on every filing or lookup: parsed once per connection, handed
 * out reset and unbound.  Give it back with db_release() on every path,
 * never with sqlite3_finalize(); not for SQL built at run time, nor where
 * another use of the same SQL could interrupt it (a loop calling itself). */
jrc_status db_prepare_cached(jrc_db *db, const char *sql, sqlite3_stmt **st,
			     jrc_err *err);

/* Reset a cached statement and clear its bindings; NULL is fine. */
void db_release(sqlite3_stmt *st);

/* Settings (key/value).  get copies into out or the default if unset. */
jrc_status db_setting_get(jrc_db *db, const char *key, const char *def,
			  char *out, size_t size, jrc_err *err);
jrc_status db_setting_set(jrc_db *db, const char *key, const char *value,
			  jrc_err *err);

/* Setting keys and their validation: 1 if key is known. */
int db_setting_known(const char *key);
/* Check a value for a known key; JRC_E_INVALID with a sentence if bad. */
jrc_status db_setting_check(const char *key, const char *value, jrc_err *err);
/* The i-th known key (NULL past the last), for listings and help. */
const char *db_setting_key(size_t i);
/* The built-in default of a known key, NULL if unknown. */
const char *db_setting_default(const char *key);

/* Count rows of a table (for tests and stats). */
long db_count(jrc_db *db, const char *table);

#endif
