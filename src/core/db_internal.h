/* Private to the core (and white-box tests): sqlite itself, statements,
 * the database handle and schema migrations.  The UI and the command line
 * reach the database only through core functions. */
#ifndef JRC_DB_INTERNAL_H
#define JRC_DB_INTERNAL_H

#include <sqlite3.h>

#include "jrc/date.h"
#include "jrc/db.h"

/* The raw handle, for the per-entity stores in core only. */
sqlite3 *db_handle(jrc_db *db);

/* Map an sqlite result code to a status and a sentence in err. */
jrc_status db_fail(jrc_db *db, int rc, jrc_err *err);

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

/* SQL scripts (NULL-terminated) that bring the schema from to_version - 1
 * to to_version. */
const char *const *db_schema_migration(int to_version);
/* The scripts of versions 4 and 5 (db_schema_v4.c). */
extern const char *const db_schema_version_4[];
extern const char *const db_schema_version_5[];

/* Bind a C string or NULL (as SQL NULL) to parameter i; returns the sqlite
 * result.  A failure (a text over the length limit, no memory) is also kept
 * with the statement: its next db_step returns it, so a caller that steps
 * with db_step never runs the statement with the parameter missing. */
int db_bind_text(jrc_db *db, sqlite3_stmt *st, int i, const char *s);

/* sqlite3_step, or the failure of an earlier db_bind_text on st.  Every
 * statement with db_bind_text parameters is stepped with this. */
int db_step(jrc_db *db, sqlite3_stmt *st);

/* Copy column i into a new string (NULL for SQL NULL); *oom set on failure. */
char *db_col_strdup(sqlite3_stmt *st, int i, int *oom);

/* Copy column i into buf (empty for NULL). */
void db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t size);

/* The UTC instant (as filed_at is written) at which the last `days` local
 * days up to today began: the window of an early-warning rule.  The
 * connection remembers the last few. */
void db_window_since(jrc_db *db, jrc_date today, long days, char out[32]);

/* The database's file ("" for an in-memory one): what a file printer
 * must never write over. */
const char *db_file_name(jrc_db *db);
/* The ledger key, read from ledger_key_path() on first use (never from the
 * database); NULL with a sentence in err when it cannot be read. */
const unsigned char *db_ledger_key(jrc_db *db, jrc_err *err);

#endif
