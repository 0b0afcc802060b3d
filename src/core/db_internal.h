/* Private to the core (and white-box tests): sqlite itself, statements,
 * the database handle and schema migrations.  The UI and the command line
 * reach the database only through core functions. */
#ifndef JRC_DB_INTERNAL_H
#define JRC_DB_INTERNAL_H

#include <stdint.h>
#include <sqlite3.h>

#include "config.h"

#include "jrc/date.h"
#include "jrc/db.h"

/* ---- The storage layer's statements ----
 * The core names a statement, its parameters, its columns and its results
 * only through what follows, never through an engine's own API: the SQL
 * of a statement is written once (in SQLite's dialect), and the engine
 * behind it is this layer's business.  Two engines: SQLite, a file for
 * one hall (db.c, and the engine-bound backup.c, seqmark.c and
 * db_functions.c), and PostgreSQL, one server for a county (db_pg.c, which
 * carries each statement into its dialect with db_pg_sql.c).
 *
 * A db_stmt is the engine's own statement, never a wrapper: SQLite's
 * sqlite3_stmt as it is, or PostgreSQL's db_pg_stmt with its lowest
 * address bit set (both are allocated, so that bit is otherwise 0).  The
 * embedded engine, which a hall's every filing goes through, so pays no
 * allocation and no indirection for having a second one. */
struct db_pg_stmt;
typedef struct db_stmt db_stmt;

static inline int db_stmt_is_pg(const db_stmt *st)
{
	return (int)((uintptr_t)st & 1u);
}

static inline sqlite3_stmt *db_stmt_lite(db_stmt *st)
{
	return (sqlite3_stmt *)st;
}

static inline struct db_pg_stmt *db_stmt_pg(db_stmt *st)
{
	return (struct db_pg_stmt *)((uintptr_t)st & ~(uintptr_t)1);
}

static inline db_stmt *db_stmt_of_lite(sqlite3_stmt *st)
{
	return (db_stmt *)st;
}

static inline db_stmt *db_stmt_of_pg(struct db_pg_stmt *st)
{
	return (db_stmt *)((uintptr_t)st | 1u);
}

/* What a step, a bind or a statement returns, and the failures the core
 * tells apart (SQLite's numbers; PostgreSQL's results are mapped onto
 * them). */
enum {
	DB_OK = SQLITE_OK,
	DB_ROW = SQLITE_ROW,
	DB_DONE = SQLITE_DONE,
	DB_NOMEM = SQLITE_NOMEM,
	DB_MISUSE = SQLITE_MISUSE,   /* a statement that did not answer as it must */
	DB_CONSTRAINT_UNIQUE = SQLITE_CONSTRAINT_UNIQUE,
	DB_CONSTRAINT_PRIMARYKEY = SQLITE_CONSTRAINT_PRIMARYKEY,
	DB_CONSTRAINT_FOREIGNKEY = SQLITE_CONSTRAINT_FOREIGNKEY
};

#ifdef HAVE_POSTGRESQL
/* The PostgreSQL side of the calls below (db_pg.c). */
int db_pg_bind_int64(struct db_pg_stmt *st, int i, int64_t v);
int db_pg_bind_str(struct db_pg_stmt *st, int i, const char *s);
int db_pg_bind_null(struct db_pg_stmt *st, int i);
int db_pg_bind_untyped(struct db_pg_stmt *st, int i, const char *s);
int db_pg_param_count(struct db_pg_stmt *st);
const char *db_pg_col_text(struct db_pg_stmt *st, int i);
int64_t db_pg_col_int64(struct db_pg_stmt *st, int i);
int db_pg_col_bytes(struct db_pg_stmt *st, int i);
void db_pg_reset(struct db_pg_stmt *st);
void db_pg_finalize(struct db_pg_stmt *st);
#define DB_ENGINE(st, lite_call, pg_call) (!db_stmt_is_pg(st) ? (lite_call) : (pg_call))
#else
#define DB_ENGINE(st, lite_call, pg_call) (lite_call)
#endif

static inline int db_bind_int64(db_stmt *st, int i, int64_t v)
{
	return DB_ENGINE(st, sqlite3_bind_int64(db_stmt_lite(st), i, v), db_pg_bind_int64(db_stmt_pg(st), i, v));
}

static inline int db_bind_int(db_stmt *st, int i, int v)
{
	return DB_ENGINE(st, sqlite3_bind_int(db_stmt_lite(st), i, v), db_pg_bind_int64(db_stmt_pg(st), i, v));
}

/* Bind text that outlives the statement's next step, without a copy. */
static inline int db_bind_text_kept(db_stmt *st, int i, const char *s)
{
	return DB_ENGINE(st, sqlite3_bind_text(db_stmt_lite(st), i, s, -1, SQLITE_STATIC),
			 db_pg_bind_str(db_stmt_pg(st), i, s));
}

static inline int db_bind_null(db_stmt *st, int i)
{
	return DB_ENGINE(st, sqlite3_bind_null(db_stmt_lite(st), i), db_pg_bind_null(db_stmt_pg(st), i));
}

/* How many parameters the statement's SQL has. */
static inline int db_param_count(db_stmt *st)
{
	return DB_ENGINE(st, sqlite3_bind_parameter_count(db_stmt_lite(st)), db_pg_param_count(db_stmt_pg(st)));
}

static inline int64_t db_col_int64(db_stmt *st, int i)
{
	return DB_ENGINE(st, sqlite3_column_int64(db_stmt_lite(st), i), db_pg_col_int64(db_stmt_pg(st), i));
}

static inline int db_col_int(db_stmt *st, int i)
{
	return DB_ENGINE(st, sqlite3_column_int(db_stmt_lite(st), i), (int)db_pg_col_int64(db_stmt_pg(st), i));
}

/* Column i as text (NULL for SQL NULL), valid until the next step. */
static inline const char *db_col_text(db_stmt *st, int i)
{
	return DB_ENGINE(st, (const char *)sqlite3_column_text(db_stmt_lite(st), i),
			 db_pg_col_text(db_stmt_pg(st), i));
}

/* Its length in bytes, after db_col_text. */
static inline int db_col_bytes(db_stmt *st, int i)
{
	return DB_ENGINE(st, sqlite3_column_bytes(db_stmt_lite(st), i), db_pg_col_bytes(db_stmt_pg(st), i));
}

static inline int db_col_is_null(db_stmt *st, int i)
{
	return DB_ENGINE(st, sqlite3_column_type(db_stmt_lite(st), i) == SQLITE_NULL,
			 db_pg_col_text(db_stmt_pg(st), i) == NULL);
}

/* Run the statement again from the start, its parameters kept. */
static inline void db_reset(db_stmt *st)
{
#ifdef HAVE_POSTGRESQL
	if (db_stmt_is_pg(st)) {
		db_pg_reset(db_stmt_pg(st));
		return;
	}
#endif
	sqlite3_reset(db_stmt_lite(st));
}

/* A statement from db_prepare, done with; NULL is fine. */
void db_finalize(db_stmt *st);

/* The one integer a one-row query fixed in the source gives (cached). */
jrc_status db_int64_of(jrc_db *db, const char *sql, int64_t *out, jrc_err *err);

/* The id of the row the connection inserted last. */
int64_t db_last_id(jrc_db *db);
/* Rows the connection's last INSERT, UPDATE or DELETE changed. */
int db_changes(jrc_db *db);
/* 1 inside a transaction the connection began. */
int db_in_transaction(jrc_db *db);
/* The connection's last result, for a failure found after the step. */
int db_last_result(jrc_db *db);

/* What the engine keeps per connection or checks of its own, under our
 * names (db.c):
 *   db_defer_foreign_keys  references checked at the commit, for the rest
 *                          of the transaction (a row written before the
 *                          row it names);
 *   db_secure_delete       what is deleted from now on is overwritten;
 *   db_data_version        a number that moves whenever another
 *                          connection commits;
 *   db_check_file          the file is sound (else damage holds the
 *                          engine's words on one line) and no row points at
 *                          one that is gone (else dangling = 1 with the
 *                          first such row). */
jrc_status db_defer_foreign_keys(jrc_db *db, jrc_err *err);
void db_secure_delete(jrc_db *db);
jrc_status db_data_version(jrc_db *db, int64_t *out, jrc_err *err);
typedef struct db_file_check {
	char damage[200];
	int dangling;
	char table[64], parent[64];
	int64_t rowid;
} db_file_check;
jrc_status db_check_file(jrc_db *db, db_file_check *out, jrc_err *err);

/* Register jrc_local_day() and jrc_today() on the connection
 * (db_functions.c); an engine result. */
int db_register_functions(jrc_db *db);

/* The raw handle, for the engine-bound files of the storage layer only;
 * NULL on PostgreSQL. */
sqlite3 *db_handle(jrc_db *db);
/* 1 when the last failure was one a server may give to a transaction
 * that did nothing wrong (a deadlock, a lost connection, now opened
 * again): doing the whole transaction again is right.  0 on SQLite, which
 * waits for its lock instead. */
int db_retryable(jrc_db *db);
/* Around a statement whose refusal (a constraint) the caller answers by
 * reading on in the same transaction (a slot just taken: offer the next):
 * a server ends the whole transaction at a failed statement unless a
 * savepoint stood before it.  No-ops on SQLite and outside a transaction;
 * db_try_end says whether the statement failed. */
jrc_status db_try_begin(jrc_db *db, jrc_err *err);
void db_try_end(jrc_db *db, int failed);
/* 1 when the database is a PostgreSQL server. */
int db_is_server(jrc_db *db);

/* Reads that need no snapshot in common (validating an intake): in one
 * read transaction on SQLite, one lock rather than one each; on a server
 * nothing is sent, as each statement reads what is committed either way
 * (read committed) and BEGIN and ROLLBACK would be two round trips for
 * nothing.  End with db_reads_end on every path. */
jrc_status db_reads_begin(jrc_db *db, jrc_err *err);
void db_reads_end(jrc_db *db);

/* Map an sqlite result code to a status and a sentence in err. */
jrc_status db_fail(jrc_db *db, int rc, jrc_err *err);

/* Prepare a statement; maps failures through db_fail. */
jrc_status db_prepare(jrc_db *db, const char *sql, db_stmt **st,
		      jrc_err *err);

/* A statement from the connection's cache, for SQL fixed in the source
 * that runs on every filing or lookup: parsed once per connection, handed
 * out reset and unbound.  Give it back with db_release() on every path,
 * never with sqlite3_finalize(); not for SQL built at run time, nor where
 * another use of the same SQL could interrupt it (a loop calling itself). */
jrc_status db_prepare_cached(jrc_db *db, const char *sql, db_stmt **st,
			     jrc_err *err);

/* Reset a cached statement and clear its bindings; NULL is fine. */
void db_release(db_stmt *st);

/* SQL scripts (NULL-terminated) that bring the schema from to_version - 1
 * to to_version. */
const char *const *db_schema_migration(int to_version);
/* The PostgreSQL form of the newest version, and its roles
 * (db_schema_pg.c): NULL-terminated lists of statements. */
extern const char *const db_schema_pg[];
extern const char *const db_schema_pg_roles[];
/* SQLite's JSON functions as the record uses them (db_schema_pg_json.c). */
extern const char *const db_schema_pg_json[];
/* The scripts of versions 4 to 7 (db_schema_v4.c). */
extern const char *const db_schema_version_4[];
extern const char *const db_schema_version_5[];
extern const char *const db_schema_version_6[];
extern const char *const db_schema_version_7[];
/* PostgreSQL's steps from to_version - 1 to to_version, for a server laid
 * out by an older jrc (db_schema_pg.c); NULL past the newest. */
const char *const *db_schema_pg_upgrade(int to_version);

/* Bind a C string or NULL (as SQL NULL) to parameter i; returns the sqlite
 * result.  A failure (a text over the length limit, no memory) is also kept
 * with the statement: its next db_step returns it, so a caller that steps
 * with db_step never runs the statement with the parameter missing. */
int db_bind_text(jrc_db *db, db_stmt *st, int i, const char *s);

/* Bind a value given as text (NULL: SQL NULL) that the engine takes as the
 * column it goes to wants (a number into a number): for copying rows
 * between engines (db_migrate.c).  A failure is kept as db_bind_text's. */
int db_bind_untyped(jrc_db *db, db_stmt *st, int i, const char *s);

/* sqlite3_step, or the failure of an earlier db_bind_text on st.  Every
 * statement with db_bind_text parameters is stepped with this. */
int db_step(jrc_db *db, db_stmt *st);

/* Copy column i into a new string (NULL for SQL NULL); *oom set on failure. */
char *db_col_strdup(db_stmt *st, int i, int *oom);

/* Copy column i into buf (empty for NULL). */
void db_col_copy(db_stmt *st, int i, char *buf, size_t size);

/* The UTC instant (as filed_at is written) at which the last `days` local
 * days up to today began: the window of an early-warning rule.  The
 * connection remembers the last few. */
void db_window_since(jrc_db *db, jrc_date today, long days, char out[32]);

/* Where this terminal stands (jrc --site; site_use in site.c keeps it). */
typedef struct db_where {
	char site[8], site_division[16]; /* its site and that site's division: what
					  * db_setting_get answers for the site_code and
					  * site_division settings; "" when not given */
	char home[8];                    /* the database's own site_code then, read once */
	char hall_zh[96], hall_en[128];  /* that site's name in sites.csv: the hall
					  * whose rooms the roster lists; "" when not listed */
} db_where;

/* Where this connection stands: all "" when no site was given.  The
 * connection keeps it; site.c reads and sets it through these: */
db_where *db_site_where(jrc_db *db);

/* Set where this connection stands; NULL gives the settings back. */
void db_site_set(jrc_db *db, const db_where *w);

/* What stands in for setting key on this connection, or NULL. */
const char *db_site_own(jrc_db *db, const char *key);

/* 1 when this connection stands at a site other than the database's own
 * (its site_code when the site was given, copied to home): the hall whose
 * windows, queue and rooms the database lists is then elsewhere. */
int db_site_away(jrc_db *db, char home[8]);

/* The database's file ("" for an in-memory one): what a file printer
 * must never write over. */
const char *db_file_name(jrc_db *db);
/* The ledger key, read from ledger_key_path() on first use (never from the
 * database); NULL with a sentence in err when it cannot be read. */
const unsigned char *db_ledger_key(jrc_db *db, jrc_err *err);

#endif
