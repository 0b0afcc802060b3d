/* The PostgreSQL engine of the storage layer (db_pg.c), private to it:
 * db.c hands a connection URI here and routes every call on a server's
 * connection or statement through these. */
#ifndef JRC_DB_PG_H
#define JRC_DB_PG_H

#include <stdint.h>

#include "db_internal.h"

struct db_pg;
struct db_pg_stmt;

/* The core's SQL (SQLite's dialect) in PostgreSQL's, with its highest
 * parameter number in *nparams; NULL when memory runs out (db_pg_sql.c). */
char *db_pg_sql(const char *sql, int *nparams);

/* Declared in every build; defined only with libpq (db.c reaches them only
 * through a server, which a build without it never has). */
/* Connect to the server at uri (a libpq connection URI) and check that its
 * database holds schema `version`; with JRC_DB_CREATE lay out the schema
 * and the roles in an empty one. */
jrc_status db_pg_open(const char *uri, int flags, int version, struct db_pg **out,
		      jrc_err *err);
void db_pg_close(struct db_pg *c);
/* The connection is about to close: its prepared statements go with it,
 * so finalizing them sends nothing (a round trip each otherwise). */
void db_pg_closing(struct db_pg *c);

/* A statement; a cached one becomes a named prepared statement on the
 * server at its first run. */
jrc_status db_pg_prepare(struct db_pg *c, const char *sql, int cached, struct db_pg_stmt **out,
			 jrc_err *err);
int db_pg_step(struct db_pg_stmt *st);
void db_pg_release(struct db_pg_stmt *st);

jrc_status db_pg_exec(struct db_pg *c, const char *sql, jrc_err *err);
jrc_status db_pg_begin(struct db_pg *c, jrc_err *err);
void db_pg_rollback(struct db_pg *c);
int64_t db_pg_last_id(struct db_pg *c);
int db_pg_changes(struct db_pg *c);
int db_pg_in_transaction(struct db_pg *c);
int db_pg_last_result(struct db_pg *c);
/* The last failure was a deadlock, a serialization failure or a lost
 * connection (which revive() opens again before the next statement). */
int db_pg_retryable(struct db_pg *c);
void db_pg_set_lock_timeout(struct db_pg *c, int ms);
/* The status and sentence for the connection's last failure (rc). */
jrc_status db_pg_fail(struct db_pg *c, int rc, jrc_err *err);

#endif
