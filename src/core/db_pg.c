/* PostgreSQL through libpq: the storage layer's second engine, for a
 * county whose sites share one server.
 *
 * A statement keeps its SQL in PostgreSQL's words (db_pg_sql.c) and its
 * parameters as text; the server infers their types from the statement,
 * as it does for literals.  Statements the core caches become named
 * prepared statements of the session at their first run.  A step runs the
 * statement once and then hands out its rows.  Failures keep the server's
 * SQLSTATE and are told apart as SQLite's codes are, so the core reads
 * both engines alike; a lost connection is opened again by itself, outside
 * a transaction at once and inside one at its next start (the caller's
 * transaction is gone and it tries again, as after a busy database).
 * Opening, setting up and laying out a connection: db_pg_open.c. */
#include "config.h"

#ifdef HAVE_POSTGRESQL
#include <libpq-fe.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db_pg.h"
#include "db_pg_internal.h"
#include "jrc/clock.h"
#include "jrc/fault.h"
#include "jrc/i18n.h"

struct db_pg_stmt {
	struct db_pg *c;
	char *sql;
	int nparams;
	char **vals;
	/* Each parameter's type as bound: text, bigint, or 0 for a NULL of
	 * no type (the server infers it from the statement).  A parameter
	 * never bound is a NULL as in SQLite, typed by the server too; one
	 * the SQL does not name at all (SQL built to fit a filter skips
	 * some) is given a type, text, as the server must have one, and so
	 * is one the SQL first tests for NULL ("?3 IS NULL OR department =
	 * ?3"), which the server cannot type from there. */
	Oid *types;
	unsigned char *bound, *named, *null_test;
	int cached;
	char name[24];
	unsigned prepared_in; /* the life it was prepared in; 0: not yet */
	PGresult *res;
	int ran, row, nrows;
};

/* SQLite's codes for what the server said (db_fail reads them). */
static int code_of(const char *state)
{
	if (!state)
		return SQLITE_IOERR;
	if (strcmp(state, "23505") == 0)
		return SQLITE_CONSTRAINT_UNIQUE;
	if (strcmp(state, "23503") == 0)
		return SQLITE_CONSTRAINT_FOREIGNKEY;
	if (strncmp(state, "23", 2) == 0)
		return SQLITE_CONSTRAINT_CHECK;
	if (strcmp(state, "P0001") == 0)
		return SQLITE_CONSTRAINT_TRIGGER;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0)
		return SQLITE_BUSY;
	if (strcmp(state, "53100") == 0)
		return SQLITE_FULL;
	if (strcmp(state, "53200") == 0)
		return SQLITE_NOMEM;
	if (strcmp(state, "42501") == 0)
		return SQLITE_PERM;
	if (strcmp(state, "25006") == 0)
		return SQLITE_READONLY;
	if (strcmp(state, "22001") == 0)
		return SQLITE_TOOBIG;
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0)
		return SQLITE_IOERR;
	return SQLITE_ERROR;
}

int db_pg_note_failure(struct db_pg *c, const PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(c->conn);
	const char *con = res ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : NULL;
	size_t n = con ? strlen(con) : 0;

	snprintf(c->sqlstate, sizeof(c->sqlstate), "%s", state ? state : "");
	snprintf(c->message, sizeof(c->message), "%s", msg ? msg : "");
	c->message[strcspn(c->message, "\n")] = '\0';
	c->last_rc = code_of(state);
	/* A primary key's index is named table_pkey: told apart as SQLite
	 * does (a staff ID taken, say). */
	if (c->last_rc == SQLITE_CONSTRAINT_UNIQUE && n > 5 && strcmp(con + n - 5, "_pkey") == 0)
		c->last_rc = SQLITE_CONSTRAINT_PRIMARYKEY;
	if (PQstatus(c->conn) != CONNECTION_OK || c->last_rc == SQLITE_IOERR)
		c->lost = 1;
	return c->last_rc;
}

/* A connection that went away comes back, outside a transaction. */
static int revive(struct db_pg *c)
{
	if (PQstatus(c->conn) == CONNECTION_OK && !c->lost)
		return 1;
	PQreset(c->conn);
	if (PQstatus(c->conn) != CONNECTION_OK) {
		db_pg_note_failure(c, NULL);
		c->lost = 1;
		c->last_rc = SQLITE_IOERR;
		return 0;
	}
	c->lost = 0;
	return db_pg_session_setup(c);
}

/* Tell the server our clock's date for jrc_today() when it changed (a
 * test's fixed clock, or midnight); outside a transaction, which could
 * undo it. */
static int set_today(struct db_pg *c)
{
	char day[11], sql[64];
	PGresult *r;
	int ok;

	date_format(clock_local_date(clock_now()), day);
	if (strcmp(day, c->today) == 0)
		return 1;
	snprintf(sql, sizeof(sql), "SET jrc.today = '%s'", day);
	r = PQexec(c->conn, sql);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (ok)
		memcpy(c->today, day, sizeof(day));
	else
		db_pg_note_failure(c, r);
	PQclear(r);
	return ok;
}

int db_pg_in_transaction(struct db_pg *c)
{
	return c->in_tx;
}

/* Ready for a statement: outside a transaction a lost connection is
 * opened again and the server told today's date; inside one it is a
 * failure. */
static int ready(struct db_pg *c)
{
	if (c->in_tx)
		return c->lost ? (c->last_rc = SQLITE_IOERR) : SQLITE_OK;
	if (!revive(c) || !set_today(c))
		return c->last_rc ? c->last_rc : SQLITE_IOERR;
	return SQLITE_OK;
}

static int starts_with_word(const char *sql, const char *w)
{
	size_t n = strlen(w);

	while (*sql == ' ' || *sql == '\n' || *sql == '\t')
		sql++;
	return strncasecmp(sql, w, n) == 0 && (sql[n] == '\0' || sql[n] == ' ' || sql[n] == ';');
}

/* A new statement: the last one's failure is behind us. */
static void fresh(struct db_pg *c)
{
	c->last_rc = SQLITE_OK;
	c->sqlstate[0] = '\0';
}

/* Run SQL without parameters (several statements are fine). */
/* What may be sent again when the connection was found gone while it
 * ran outside a transaction: what reads, and the start of one.  (A write
 * on its own might have been done before the link went.) */
static int safe_to_repeat(const char *sql)
{
	return starts_with_word(sql, "SELECT") || starts_with_word(sql, "WITH") ||
	       starts_with_word(sql, "BEGIN");
}

static int run_plain_once(struct db_pg *c, const char *sql)
{
	PGresult *r;
	ExecStatusType t;
	int rc = SQLITE_OK;

	fresh(c);
	if ((rc = ready(c)) != SQLITE_OK)
		return rc;
	r = PQexec(c->conn, sql);
	t = PQresultStatus(r);
	if (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK) {
		const char *n = PQcmdTuples(r);

		if (n && *n)
			c->changes = atoi(n);
	} else {
		rc = db_pg_note_failure(c, r);
		snprintf(c->failed_sql, sizeof(c->failed_sql), "%s", sql);
	}
	PQclear(r);
	/* The test fault: the first COMMIT is done, its answer lost as when
	 * the link fails just then (the connection is opened again next). */
	if (rc == SQLITE_OK && starts_with_word(sql, "COMMIT") && !c->commit_answer_lost &&
	    fault_inject("pg-commit-answer")) {
		c->commit_answer_lost = c->lost = 1;
		rc = c->last_rc = SQLITE_IOERR;
		snprintf(c->message, sizeof(c->message), "%s",
			 "server closed the connection unexpectedly (test fault)");
	}
	if (starts_with_word(sql, "BEGIN"))
		c->in_tx = rc == SQLITE_OK;
	else if (starts_with_word(sql, "COMMIT") || starts_with_word(sql, "END") ||
		 (starts_with_word(sql, "ROLLBACK") && !strstr(sql, "SAVEPOINT")))
		c->in_tx = 0;
	return rc;
}

/* A connection the server dropped (pg_terminate_backend, a restart) is
 * found only when it is used: opened again, and the statement sent once
 * more, where that is safe. */
static int run_plain(struct db_pg *c, const char *sql)
{
	int was_in_tx = c->in_tx, rc = run_plain_once(c, sql);

	if (rc == SQLITE_IOERR && !was_in_tx && safe_to_repeat(sql))
		rc = run_plain_once(c, sql);
	return rc;
}

jrc_status db_pg_exec(struct db_pg *c, const char *sql, jrc_err *err)
{
	char *pg = db_pg_sql(sql, NULL);
	int rc;

	if (!pg)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	rc = run_plain(c, pg);
	free(pg);
	return rc == SQLITE_OK ? JRC_OK : db_pg_fail(c, rc, err);
}

/* A transaction that writes: it holds the writers' turn (a lock of the
 * transaction, the same key for every jrc connection) until it ends, as
 * SQLite's BEGIN IMMEDIATE does; readers take none. */
jrc_status db_pg_begin(struct db_pg *c, jrc_err *err)
{
	return db_pg_exec(c, "BEGIN; SELECT pg_advisory_xact_lock(74827, 1)", err);
}

void db_pg_rollback(struct db_pg *c)
{
	PGresult *r;

	if (!c->in_tx)
		return;
	c->in_tx = 0;
	if (c->lost || PQstatus(c->conn) != CONNECTION_OK)
		return;
	r = PQexec(c->conn, "ROLLBACK");
	PQclear(r);
}

int64_t db_pg_last_id(struct db_pg *c)
{
	PGresult *r = PQexec(c->conn, "SELECT lastval()");
	int64_t v = 0;

	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return v;
}

int db_pg_changes(struct db_pg *c)
{
	return c->changes;
}

int db_pg_retryable(struct db_pg *c)
{
	return c->last_rc == SQLITE_IOERR || strcmp(c->sqlstate, "40001") == 0 ||
	       strcmp(c->sqlstate, "40P01") == 0;
}

int db_pg_last_result(struct db_pg *c)
{
	return c->last_rc;
}

void db_pg_set_lock_timeout(struct db_pg *c, int ms)
{
	char sql[64];
	PGresult *r;

	c->lock_timeout_ms = ms;
	snprintf(sql, sizeof(sql), "SET lock_timeout = %d", ms);
	r = PQexec(c->conn, sql);
	PQclear(r);
}

jrc_status db_pg_fail(struct db_pg *c, int rc, jrc_err *err)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
		return JRC_OK;
	case SQLITE_IOERR:
		/* The link to the server, or the server, is down: the same
		 * "try again" as a busy database, in words that say why. */
		return jrc_err_set(err, JRC_E_DB_LOCKED, NULL, "%s",
				   _("The county's database server cannot be reached just now (the network link or the server is down). Nothing was lost: try again in a moment, and ask the staff if it goes on."));
	case SQLITE_PERM:
		return jrc_err_set(err, JRC_E_DB_READONLY, NULL, "%s",
				   _("This terminal's database role may not do this: ask the county's administrator which role the terminal should connect as."));
	case SQLITE_ERROR:
	case SQLITE_CONSTRAINT:
		if (getenv("JRC_DEBUG"))
			return jrc_err_set(err, JRC_E_DB, NULL, "%s (%s %s in: %s)",
					   jrc_status_message(JRC_E_DB), c->sqlstate, c->message,
					   c->failed_sql);
		break;
	default:
		break;
	}
	/* The rest read as SQLite's (busy, full, too long, ...). */
	return db_fail(NULL, rc, err);
}

/* ---- Statements ---- */

jrc_status db_pg_prepare(struct db_pg *c, const char *sql, int cached, struct db_pg_stmt **out,
			 jrc_err *err)
{
	struct db_pg_stmt *st = calloc(1, sizeof(*st));

	*out = NULL;
	if (!st || !(st->sql = db_pg_sql(sql, &st->nparams)) ||
	    (st->nparams && (!(st->vals = calloc((size_t)st->nparams, sizeof(char *))) ||
			      !(st->types = calloc((size_t)st->nparams, sizeof(Oid))) ||
			      !(st->bound = calloc((size_t)st->nparams, 1)) ||
			      !(st->named = calloc((size_t)st->nparams, 1)) ||
			      !(st->null_test = calloc((size_t)st->nparams, 1))))) {
		if (st) {
			free(st->sql);
			free(st->vals);
			free(st->types);
			free(st->bound);
			free(st->named);
		}
		free(st);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	/* Which parameters the SQL names ($N outside quoted text). */
	for (const char *p = st->sql; *p; p++) {
		if (*p == '\'') {
			while (*++p && *p != '\'')
				;
			if (!*p)
				break;
		} else if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			char *end;
			long n = strtol(p + 1, &end, 10);

			if (n >= 1 && n <= st->nparams && !st->named[n - 1]) {
				st->named[n - 1] = 1;
				end += strspn(end, " ");
				st->null_test[n - 1] = strncasecmp(end, "IS NULL", 7) == 0 ||
						       strncasecmp(end, "IS NOT NULL", 11) == 0;
			}
		}
	}
	st->c = c;
	st->cached = cached;
	if (cached)
		snprintf(st->name, sizeof(st->name), "jrc%u", ++c->next_name);
	*out = st;
	return JRC_OK;
}

int db_pg_param_count(struct db_pg_stmt *st)
{
	return st->nparams;
}

/* The types PostgreSQL knows text and bigint by (pg_type.h). */
enum { TEXT_OID = 25, INT8_OID = 20 };

static int bind(struct db_pg_stmt *st, int i, const char *s, Oid type)
{
	char *v = NULL;

	if (i < 1 || i > st->nparams)
		return SQLITE_RANGE;
	if (s && !(v = strdup(s)))
		return SQLITE_NOMEM;
	free(st->vals[i - 1]);
	st->vals[i - 1] = v;
	st->types[i - 1] = type;
	st->bound[i - 1] = 1;
	return SQLITE_OK;
}

/* A value the server types by the column it goes to. */
int db_pg_bind_untyped(struct db_pg_stmt *st, int i, const char *s)
{
	return bind(st, i, s, 0);
}

/* A NULL of no stated type, which the server types by where it goes (a
 * NULL bound as text stays text: "?1 IS NULL OR site = ?1"). */
int db_pg_bind_null(struct db_pg_stmt *st, int i)
{
	return bind(st, i, NULL, i >= 1 && i <= st->nparams && st->null_test[i - 1] ? TEXT_OID : 0);
}

/* Text (NULL: a NULL typed as text), copied: db_bind_text and
 * db_bind_text_kept both come here. */
int db_pg_bind_str(struct db_pg_stmt *st, int i, const char *s)
{
	return bind(st, i, s, TEXT_OID);
}

int db_pg_bind_int64(struct db_pg_stmt *st, int i, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRId64, v);
	return bind(st, i, buf, INT8_OID);
}

static int run_once(struct db_pg_stmt *st)
{
	struct db_pg *c = st->c;
	const char *const *vals = (const char *const *)st->vals;
	ExecStatusType t;
	int rc;

	fresh(c);
	if ((rc = ready(c)) != SQLITE_OK)
		return rc;
	for (int i = 0; i < st->nparams; i++)
		if (!st->bound[i])
			st->types[i] = st->named[i] && !st->null_test[i] ? 0 : TEXT_OID;
	if (st->cached && st->prepared_in != c->life) {
		PGresult *p = PQprepare(c->conn, st->name, st->sql, st->nparams, st->types);
		int ok = PQresultStatus(p) == PGRES_COMMAND_OK;

		rc = ok ? SQLITE_OK : db_pg_note_failure(c, p);
		if (!ok)
			snprintf(c->failed_sql, sizeof(c->failed_sql), "%s", st->sql);
		PQclear(p);
		if (!ok)
			return rc;
		st->prepared_in = c->life;
	}
	if (st->cached)
		st->res = PQexecPrepared(c->conn, st->name, st->nparams, vals, NULL, NULL, 0);
	else
		st->res = PQexecParams(c->conn, st->sql, st->nparams, st->types, vals, NULL, NULL, 0);
	t = PQresultStatus(st->res);
	if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK) {
		rc = db_pg_note_failure(c, st->res);
		snprintf(c->failed_sql, sizeof(c->failed_sql), "%s", st->sql);

		PQclear(st->res);
		st->res = NULL;
		return rc;
	}
	{
		const char *n = PQcmdTuples(st->res);

		if (n && *n)
			c->changes = atoi(n);
	}
	st->nrows = t == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
	st->row = -1;
	st->ran = 1;
	return SQLITE_OK;
}

static int run(struct db_pg_stmt *st)
{
	int was_in_tx = st->c->in_tx, rc = run_once(st);

	if (rc == SQLITE_IOERR && !was_in_tx && safe_to_repeat(st->sql))
		rc = run_once(st);
	return rc;
}

int db_pg_step(struct db_pg_stmt *st)
{
	int rc;

	if (!st->ran && (rc = run(st)) != SQLITE_OK)
		return rc;
	if (++st->row < st->nrows)
		return SQLITE_ROW;
	st->row = st->nrows;
	return SQLITE_DONE;
}

const char *db_pg_col_text(struct db_pg_stmt *st, int i)
{
	if (!st->res || st->row < 0 || st->row >= st->nrows || i < 0 || i >= PQnfields(st->res) ||
	    PQgetisnull(st->res, st->row, i))
		return NULL;
	return PQgetvalue(st->res, st->row, i);
}

int db_pg_col_bytes(struct db_pg_stmt *st, int i)
{
	const char *t = db_pg_col_text(st, i);

	return t ? PQgetlength(st->res, st->row, i) : 0;
}

int64_t db_pg_col_int64(struct db_pg_stmt *st, int i)
{
	const char *t = db_pg_col_text(st, i);

	if (!t)
		return 0;
	/* A truth value reads as SQLite's 1 and 0. */
	if (t[0] == 't' && !t[1])
		return 1;
	return strtoll(t, NULL, 10);
}

void db_pg_reset(struct db_pg_stmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	st->ran = 0;
	st->row = st->nrows = 0;
}

void db_pg_release(struct db_pg_stmt *st)
{
	db_pg_reset(st);
	for (int i = 0; i < st->nparams; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
		st->bound[i] = 0;
	}
}

void db_pg_finalize(struct db_pg_stmt *st)
{
	if (!st)
		return;
	db_pg_release(st);
	if (st->cached && st->prepared_in == st->c->life && PQstatus(st->c->conn) == CONNECTION_OK) {
		char sql[48];
		PGresult *r;

		snprintf(sql, sizeof(sql), "DEALLOCATE %s", st->name);
		r = PQexec(st->c->conn, sql);
		PQclear(r);
	}
	free(st->vals);
	free(st->types);
	free(st->bound);
	free(st->named);
	free(st->null_test);
	free(st->sql);
	free(st);
}

#endif
