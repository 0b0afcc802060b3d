/* The database: open, migrate, transactions, settings.  Statements and the
 * sqlite handle are the core's own (src/core/db_internal.h). */
#ifndef JRC_DB_H
#define JRC_DB_H

#include <stddef.h>
#include "jrc/status.h"

typedef struct jrc_db jrc_db;

enum {
	JRC_DB_CREATE = 1,    /* create the file (mode 0600) if missing */
	JRC_DB_READONLY = 2,
	JRC_DB_FORCE = 4      /* with CREATE: replace an existing database */
};

/* The schema version this build writes (PRAGMA user_version). */
int db_schema_version(void);

/* 1 when path is a PostgreSQL connection URI (postgresql://... or
 * postgres://...), which db_open takes as a server instead of a file. */
int db_is_server_uri(const char *path);

/* Open path, set WAL, synchronous=FULL, foreign keys, busy timeout, and
 * migrate the schema forward.  Without JRC_DB_CREATE a missing file is
 * JRC_E_NO_DB; with it and an existing file (and no FORCE) JRC_E_DB_EXISTS. */
jrc_status db_open(const char *path, int flags, jrc_db **out, jrc_err *err);

/* Close; NULL is fine. */
void db_close(jrc_db *db);

/* Write everything in the log into the database file, then close; an
 * error (a full disk) means the file may not be whole. */
jrc_status db_close_checked(jrc_db *db, jrc_err *err);

/* Busy timeout in milliseconds (default 10000). */
void db_set_busy_timeout(jrc_db *db, int ms);

/* BEGIN IMMEDIATE (writers) / COMMIT / ROLLBACK. */
jrc_status db_begin(jrc_db *db, jrc_err *err);
jrc_status db_commit(jrc_db *db, jrc_err *err);
void db_rollback(jrc_db *db);

/* Run SQL without results. */
jrc_status db_exec(jrc_db *db, const char *sql, jrc_err *err);

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
