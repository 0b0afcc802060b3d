/* What the two halves of the PostgreSQL engine share, private to them:
 * db_pg.c runs statements and transactions, db_pg_open.c opens, lays
 * out and closes a connection. */
#ifndef JRC_DB_PG_INTERNAL_H
#define JRC_DB_PG_INTERNAL_H

#include <libpq-fe.h>

struct db_pg {
	PGconn *conn;
	int readonly;
	/* Which life of the connection: prepared statements belong to one. */
	unsigned life;
	unsigned next_name;
	int changes;
	/* The last failure: our code for it, the server's SQLSTATE and its
	 * first line, and whether the connection went with it. */
	int last_rc;
	char sqlstate[6];
	char message[200];
	char failed_sql[160]; /* its statement, for JRC_DEBUG */
	int lost;
	/* The day jrc_today() answers with on the server (our clock). */
	char today[11];
	int lock_timeout_ms;
	/* Inside a transaction we began: a connection lost now takes the
	 * transaction with it, and is opened again only after the caller
	 * has given it up (never in the middle of one). */
	int in_tx;
	/* The test fault "pg-commit-answer" was acted out (once a connection). */
	int commit_answer_lost;
};

enum { LOCK_TIMEOUT_MS = 10000 };

/* Keep what went wrong with res (NULL: the connection failed); our code
 * for it. */
int db_pg_note_failure(struct db_pg *c, const PGresult *res);
/* Settings every life of a connection starts with; 0 on a failure (kept
 * in c). */
int db_pg_session_setup(struct db_pg *c);

#endif
