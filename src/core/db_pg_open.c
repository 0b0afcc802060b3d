/* PostgreSQL through libpq, its connection: opened quietly (no notice
 * of the server's reaches standard error), set up for each life, the
 * schema laid out or brought up to this jrc's version, and closed.
 * Statements and transactions are db_pg.c's. */
#include "config.h"

#ifdef HAVE_POSTGRESQL
#include <libpq-fe.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_pg.h"
#include "db_pg_internal.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"

static void no_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The connect_timeout the address names, in milliseconds (libpq's floor
 * of two seconds); -1 when it names none: wait as PQconnectdb would. */
static int connect_timeout_ms(PGconn *conn)
{
	PQconninfoOption *opts = PQconninfo(conn), *o;
	long s;
	int ms = -1;

	for (o = opts; o && o->keyword; o++) {
		if (strcmp(o->keyword, "connect_timeout") != 0 || !o->val || !*o->val)
			continue;
		s = strtol(o->val, NULL, 10);
		if (s > 0)
			ms = (int)((s < 2 ? 2 : s > 86400 ? 86400 : s) * 1000);
	}
	PQconninfoFree(opts);
	return ms;
}

/* PQconnectdb, but quiet from its first byte: the server may send a
 * warning while the connection starts (a server shutting down tells each
 * session "terminating connection due to immediate shutdown command"),
 * and libpq's own notice processor would print it on standard error,
 * over a kiosk's screen and ahead of our sentence.  So the connection is
 * started, silenced, and then driven to its end here.  NULL: no memory,
 * or the wait ran past connect_timeout (*why then says so). */
static PGconn *connect_quietly(const char *uri, const char **why)
{
	PGconn *conn = PQconnectStart(uri);
	PostgresPollingStatusType st = PGRES_POLLING_WRITING;
	int64_t deadline;
	int limit;

	*why = _("no memory");
	if (!conn)
		return NULL;
	PQsetNoticeProcessor(conn, no_notices, NULL);
	if (PQstatus(conn) == CONNECTION_BAD)
		return conn;
	limit = connect_timeout_ms(conn);
	deadline = clock_monotonic_ms() + limit;
	while (st != PGRES_POLLING_OK && st != PGRES_POLLING_FAILED) {
		struct pollfd p = { .fd = PQsocket(conn) };
		int64_t wait = -1;
		int n;

		if (p.fd < 0)
			break;
		p.events = st == PGRES_POLLING_READING ? POLLIN : POLLOUT;
		if (limit >= 0 && (wait = deadline - clock_monotonic_ms()) <= 0)
			n = 0;
		else
			n = poll(&p, 1, (int)wait);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* Words that go into a sentence in the terminal's language. */
			*why = n == 0 ? _("the server did not answer in the time allowed (connect_timeout)")
				      : _("the wait for the server failed");
			PQfinish(conn);
			return NULL;
		}
		st = PQconnectPoll(conn);
	}
	return conn;
}

int db_pg_session_setup(struct db_pg *c)
{
	char sql[200];
	PGresult *r;
	int ok;

	PQsetNoticeProcessor(c->conn, no_notices, NULL);
	snprintf(sql, sizeof(sql),
		 "SET client_encoding = 'UTF8'; SET synchronous_commit = on;"
		 " SET lock_timeout = %d; SET default_transaction_read_only = %s",
		 c->lock_timeout_ms, c->readonly ? "on" : "off");
	r = PQexec(c->conn, sql);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		db_pg_note_failure(c, r);
	PQclear(r);
	c->today[0] = '\0';
	c->life++;
	return ok;
}

/* The schema version on the server; 0 when the database has no jrc
 * tables, -1 on a failure (kept in c). */
static int server_version(struct db_pg *c)
{
	PGresult *r = PQexec(c->conn, "SELECT max(version) FROM schema_version");
	int v = -1;

	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		v = atoi(PQgetvalue(r, 0, 0));
	else if (strcmp(PQresultErrorField(r, PG_DIAG_SQLSTATE) ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "",
			"42P01") == 0)
		v = 0;
	else
		db_pg_note_failure(c, r);
	PQclear(r);
	return v;
}

/* Run each statement of list; 0, or the failure's code (kept in c). */
static int run_list(struct db_pg *c, const char *const *list)
{
	for (const char *const *q = list; q && *q; q++) {
		PGresult *r = PQexec(c->conn, *q);
		ExecStatusType t = PQresultStatus(r);
		int rc = t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK ? 0 : db_pg_note_failure(c, r);

		PQclear(r);
		if (rc)
			return rc;
	}
	return 0;
}

/* Inside a transaction: the steps from version `from` to `to`, and the
 * number that says so.  0 or the failure's code. */
static int run_upgrades(struct db_pg *c, int from, int to)
{
	char sql[64];
	int rc = 0;

	for (int v = from + 1; v <= to && !rc; v++)
		rc = run_list(c, db_schema_pg_upgrade(v));
	if (!rc && from < to) {
		const char *const set[] = { sql, NULL };

		snprintf(sql, sizeof(sql), "UPDATE schema_version SET version = %d", to);
		rc = run_list(c, set);
	}
	return rc;
}

/* Lay out the schema and the roles in one transaction: version 6 as a
 * server was first laid out, then the steps since. */
static jrc_status create_schema(struct db_pg *c, int version, jrc_err *err)
{
	const char *const *lists[] = { db_schema_pg_json, db_schema_pg, db_schema_pg_roles };
	int rc = 0;

	PQclear(PQexec(c->conn, "BEGIN"));
	c->in_tx = 1;
	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]) && !rc; l++)
		rc = run_list(c, lists[l]);
	if (!rc)
		rc = run_upgrades(c, 6, version);
	if (!rc)
		return db_pg_exec(c, "COMMIT", err);
	db_pg_rollback(c);
	if (rc == SQLITE_PERM)
		return jrc_err_set(err, JRC_E_DB_OPEN, NULL,
				   _("The server refused to lay out the record (%s): run 'jrc init' as the database's owner, a role that may also create roles (CREATEROLE)."),
				   c->message);
	return db_pg_fail(c, rc, err);
}

/* Only the database's owner changes the schema, with a command that
 * writes: a kiosk's or desk's login, or a command that reads, is told so. */
static jrc_status upgrade_refused(int from, int version, jrc_err *err)
{
	return jrc_err_set(err, JRC_E_DB_VERSION, NULL,
			   _("The county server's record is at schema version %d and this jrc needs version %d. Upgrade it once with the database owner's login and a command that writes (for example 'jrc tick'), then try again."),
			   from, version);
}

/* A database laid out by an older jrc: brought to this one's version in
 * one transaction, while writers wait their turn (the filing lock), by
 * the first connection that may change the schema (its owner). */
static jrc_status upgrade_schema(struct db_pg *c, int from, int version, jrc_err *err)
{
	jrc_status s;
	int rc, now;

	if (c->readonly)
		return upgrade_refused(from, version, err);
	if ((s = db_pg_begin(c, err)) != JRC_OK)
		return s;
	/* Another terminal may have upgraded while we waited for the lock. */
	now = server_version(c);
	rc = now < 0 ? c->last_rc : run_upgrades(c, now, version);
	if (!rc)
		return db_pg_exec(c, "COMMIT", err);
	db_pg_rollback(c);
	if (rc == SQLITE_PERM)
		return upgrade_refused(from, version, err);
	return db_pg_fail(c, rc, err);
}

jrc_status db_pg_open(const char *uri, int flags, int version, struct db_pg **out, jrc_err *err)
{
	struct db_pg *c = calloc(1, sizeof(*c));
	const char *bt = getenv("JRC_BUSY_TIMEOUT");
	long ms = bt && *bt ? strtol(bt, NULL, 10) : LOCK_TIMEOUT_MS;
	const char *lost_why;
	jrc_status s;
	int v;

	*out = NULL;
	if (!c)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	c->readonly = !!(flags & JRC_DB_READONLY);
	c->lock_timeout_ms = ms >= 0 && ms <= 600000 ? (int)ms : LOCK_TIMEOUT_MS;
	c->conn = connect_quietly(uri, &lost_why);
	if (!c->conn || PQstatus(c->conn) != CONNECTION_OK) {
		char why[200];

		snprintf(why, sizeof(why), "%s", c->conn ? PQerrorMessage(c->conn) : lost_why);
		why[strcspn(why, "\n")] = '\0';
		db_pg_close(c);
		return jrc_err_set(err, JRC_E_DB_OPEN, NULL,
				   _("The database server given with --db cannot be reached: %s. Check the address, that the server runs, and that this terminal may connect (the README's county section)."),
				   why);
	}
	if (!db_pg_session_setup(c)) {
		s = db_pg_fail(c, c->last_rc, err);
		db_pg_close(c);
		return s;
	}
	v = server_version(c);
	if (v < 0) {
		s = db_pg_fail(c, c->last_rc, err);
	} else if (v == 0 && (flags & JRC_DB_CREATE)) {
		s = create_schema(c, version, err);
	} else if (v == 0) {
		s = jrc_err_set(err, JRC_E_NO_DB, NULL, "%s",
				_("The server's database holds no record yet: lay it out with 'jrc init --db' and the same address, as the database's owner."));
	} else if (flags & JRC_DB_CREATE) {
		s = jrc_err_set(err, JRC_E_DB_EXISTS, NULL, "%s",
				_("The server's database already holds a record, and jrc never replaces one on a server (jrc init, jrc migrate): give an empty database, or remove this one on the server yourself (dropdb) if it is truly to go."));
	} else if (v < version) {
		s = upgrade_schema(c, v, version, err);
	} else if (v != version) {
		s = jrc_err_set(err, JRC_E_DB_VERSION, NULL, NULL);
	} else {
		s = JRC_OK;
	}
	if (s != JRC_OK) {
		db_pg_close(c);
		return s;
	}
	*out = c;
	return JRC_OK;
}

void db_pg_closing(struct db_pg *c)
{
	/* Statements of an earlier life are not the server's any more. */
	c->life++;
}

void db_pg_close(struct db_pg *c)
{
	if (!c)
		return;
	PQfinish(c->conn);
	free(c);
}
#endif
