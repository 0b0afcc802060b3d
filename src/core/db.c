/* Opening the database, migrating it, transactions and settings. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"
#include "db_file.h"
#include "db_pg.h"
#include "figures/tally_internal.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/ledger_key.h"
#include "jrc/receipt.h"

struct jrc_db {
	sqlite3 *h;
	/* A PostgreSQL server instead (db_pg.c); h is then NULL. */
	struct db_pg *pg;
	int readonly;
	/* Parsing a statement costs more than running it: the filing path
	 * would spend most of its time in sqlite3_prepare_v2 without this.
	 * Never evicted (a statement handed out must stay valid), so only
	 * SQL fixed in the source comes here, a few dozen at most. */
	struct cached_stmt {
		char *sql;
		const char *given; /* the caller's string: found by address first */
		db_stmt *st;
	} *cache;
	size_t ncache, cap;
	/* The ledger key (ledger_key.c), read from its file on first use. */
	int have_ledger_key;
	unsigned char ledger_key[JRC_LEDGER_KEY_SIZE];
	/* Statements a parameter could not be bound to (db_bind_text), and
	 * why: their next db_step reports it instead of running with the
	 * parameter left NULL.  A few at a time is plenty: a failed bind is
	 * stepped, or its statement given up, before the next one is made. */
	struct bind_fail {
		db_stmt *st;
		int rc;
	} bind_fail[4];
	unsigned next_fail;
	/* When the last few windows of days began (db_window_since): every
	 * filing asks for the same two or three. */
	struct window_memo {
		jrc_date day;
		long days;
		char since[32];
	} windows[4];
	unsigned next_window;
	/* This terminal's own site (jrc --site, site_use), standing in for
	 * the database's site_code and site_division settings: on a county
	 * server every site shares the settings. */
	db_where where;
};

/* The server behind db, or NULL.  A build without libpq has no server:
 * NULL there is a constant, and every server branch is dropped. */
#ifdef HAVE_POSTGRESQL
#define SERVER(db) ((db)->pg)
#else
#define SERVER(db) ((struct db_pg *)0)
#endif

enum { BUSY_TIMEOUT_MS = 10000 };

const unsigned char *db_ledger_key(jrc_db *db, jrc_err *err)
{
	if (!db->have_ledger_key &&
	    ledger_key_load(ledger_key_path(), db->ledger_key, err) == JRC_OK)
		db->have_ledger_key = 1;
	return db->have_ledger_key ? db->ledger_key : NULL;
}

void db_window_since(jrc_db *db, jrc_date today, long days, char out[32])
{
	struct window_memo *w;

	for (size_t i = 0; i < sizeof(db->windows) / sizeof(db->windows[0]); i++) {
		w = &db->windows[i];
		if (w->days == days && w->day.y == today.y && w->day.m == today.m &&
		    w->day.d == today.d) {
			memcpy(out, w->since, sizeof(w->since));
			return;
		}
	}
	clock_format_utc(clock_local_midnight(date_add_days(today, -(int)(days - 1))), out);
	w = &db->windows[db->next_window++ % (sizeof(db->windows) / sizeof(db->windows[0]))];
	w->day = today;
	w->days = days;
	memcpy(w->since, out, sizeof(w->since));
}

db_where *db_site_where(jrc_db *db)
{
	return &db->where;
}

int64_t db_last_id(jrc_db *db)
{
	return SERVER(db) ? db_pg_last_id(SERVER(db)) : sqlite3_last_insert_rowid(db->h);
}

int db_changes(jrc_db *db)
{
	return SERVER(db) ? db_pg_changes(SERVER(db)) : sqlite3_changes(db->h);
}

int db_in_transaction(jrc_db *db)
{
	return SERVER(db) ? db_pg_in_transaction(SERVER(db)) : !sqlite3_get_autocommit(db->h);
}

int db_last_result(jrc_db *db)
{
	return SERVER(db) ? db_pg_last_result(SERVER(db)) : sqlite3_errcode(db->h);
}

int db_retryable(jrc_db *db)
{
#ifdef HAVE_POSTGRESQL
	return SERVER(db) && db_pg_retryable(SERVER(db));
#else
	(void)db;
	return 0;
#endif
}

jrc_status db_try_begin(jrc_db *db, jrc_err *err)
{
	if (!SERVER(db) || !db_in_transaction(db))
		return JRC_OK;
	return db_exec(db, "SAVEPOINT jrc_try", err);
}

void db_try_end(jrc_db *db, int failed)
{
	if (!SERVER(db) || !db_in_transaction(db))
		return;
	(void)db_exec(db, failed ? "ROLLBACK TO SAVEPOINT jrc_try; RELEASE SAVEPOINT jrc_try"
			       : "RELEASE SAVEPOINT jrc_try", NULL);
}

int db_is_server(jrc_db *db)
{
	return db && SERVER(db);
}

jrc_status db_defer_foreign_keys(jrc_db *db, jrc_err *err)
{
	/* Both engines keep it to the end of the transaction (PostgreSQL's
	 * references are made DEFERRABLE for it, db_schema_pg.c). */
	return db_exec(db, SERVER(db) ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON",
		       err);
}

void db_secure_delete(jrc_db *db)
{
	/* PostgreSQL has no such setting: a deleted row's bytes stay until
	 * VACUUM reuses the space (the README says how a county runs it). */
	if (!SERVER(db))
		(void)db_exec(db, "PRAGMA secure_delete = ON", NULL);
}

jrc_status db_int64_of(jrc_db *db, const char *sql, int64_t *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, sql, &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		*out = db_col_int64(st, 0);
	db_release(st);
	return rc == SQLITE_ROW ? JRC_OK : db_fail(db, rc, err);
}

jrc_status db_data_version(jrc_db *db, int64_t *out, jrc_err *err)
{
	/* PostgreSQL: the next transaction id, which moves whenever another
	 * connection writes (and so at least whenever it commits). */
	return db_int64_of(db, SERVER(db) ? "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint"
				      : "PRAGMA data_version", out, err);
}

jrc_status db_check_file(jrc_db *db, db_file_check *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	memset(out, 0, sizeof(*out));
	/* A server keeps its own files sound and checks every reference as
	 * it is written: nothing to look at from here. */
	if (SERVER(db))
		return JRC_OK;
	if ((s = db_prepare(db, "PRAGMA integrity_check", &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		const char *t = db_col_text(st, 0);

		if (!t || strcmp(t, "ok") != 0) {
			/* sqlite's report spans lines; one line reads better. */
			snprintf(out->damage, sizeof(out->damage), "%s", t ? t : "?");
			for (char *p = out->damage; *p; p++)
				if (*p == '\n')
					*p = ' ';
		}
	}
	db_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, err);
	if (out->damage[0])
		return JRC_OK;
	if ((s = db_prepare(db, "PRAGMA foreign_key_check", &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		out->dangling = 1;
		db_col_copy(st, 0, out->table, sizeof(out->table));
		out->rowid = db_col_int64(st, 1);
		db_col_copy(st, 2, out->parent, sizeof(out->parent));
	}
	db_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? JRC_OK : db_fail(db, rc, err);
}

sqlite3 *db_handle(jrc_db *db)
{
	return db->h;
}

const char *db_file_name(jrc_db *db)
{
	/* A server's files are not ours to write over. */
	const char *f = db && db->h ? sqlite3_db_filename(db->h, "main") : NULL;

	return f ? f : "";
}

void db_set_busy_timeout(jrc_db *db, int ms)
{
	if (SERVER(db))
		db_pg_set_lock_timeout(SERVER(db), ms);
	else
		sqlite3_busy_timeout(db->h, ms);
}

jrc_status db_fail(jrc_db *db, int rc, jrc_err *err)
{
	jrc_status code;

	if (db && SERVER(db))
		return db_pg_fail(SERVER(db), rc, err);
	switch (rc & 0xff) {
	case SQLITE_OK:
		return JRC_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		code = JRC_E_DB_LOCKED;
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
		code = JRC_E_DB_READONLY;
		break;
	case SQLITE_FULL:
		code = JRC_E_DB_FULL;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		code = JRC_E_DB_CORRUPT;
		break;
	case SQLITE_NOMEM:
		code = JRC_E_NOMEM;
		break;
	case SQLITE_TOOBIG:
		return jrc_err_set(err, JRC_E_INVALID, NULL, "%s",
				   _("A text is too long to be stored: shorten it and try again."));
	case SQLITE_CANTOPEN:
		code = JRC_E_DB_OPEN;
		break;
	case SQLITE_IOERR: {
		/* A write that hit ENOSPC, a quota or a file-size limit is "full". */
		int e = db ? sqlite3_system_errno(db->h) : 0;

		code = e == ENOSPC || e == EFBIG || e == EDQUOT ? JRC_E_DB_FULL : JRC_E_DB;
		break;
	}
	default:
		code = JRC_E_DB;
		break;
	}
	if (code == JRC_E_DB && db && getenv("JRC_DEBUG"))
		return jrc_err_set(err, code, NULL, "%s (%s)", jrc_status_message(code),
				   sqlite3_errmsg(db->h));
	return jrc_err_set(err, code, NULL, NULL);
}

jrc_status db_exec(jrc_db *db, const char *sql, jrc_err *err)
{
	int rc;

	if (SERVER(db))
		return db_pg_exec(SERVER(db), sql, err);
	rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? JRC_OK : db_fail(db, rc, err);
}

/* Forget a failed bind of st: a statement handed out afresh (a new one
 * may reuse a finalized one's address; a cached one comes back unbound). */
static void bind_fail_forget(jrc_db *db, db_stmt *st)
{
	for (size_t i = 0; i < sizeof(db->bind_fail) / sizeof(db->bind_fail[0]); i++)
		if (db->bind_fail[i].st == st)
			db->bind_fail[i].st = NULL;
}

/* A statement of either engine; cached ones are kept by the server as
 * named prepared statements. */
static jrc_status prepare(jrc_db *db, const char *sql, int cached, db_stmt **out, jrc_err *err)
{
	jrc_status s = JRC_OK;
	int rc;

	*out = NULL;
#ifdef HAVE_POSTGRESQL
	if (SERVER(db)) {
		struct db_pg_stmt *pg;

		if ((s = db_pg_prepare(SERVER(db), sql, cached, &pg, err)) != JRC_OK)
			return s;
		*out = db_stmt_of_pg(pg);
	} else
#else
	(void)cached;
#endif
	{
		sqlite3_stmt *lite = NULL;

		if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &lite, NULL)) != SQLITE_OK)
			return db_fail(db, rc, err);
		*out = db_stmt_of_lite(lite);
	}
	bind_fail_forget(db, *out);
	return s;
}

jrc_status db_prepare(jrc_db *db, const char *sql, db_stmt **st, jrc_err *err)
{
	return prepare(db, sql, 0, st, err);
}

void db_finalize(db_stmt *st)
{
#ifdef HAVE_POSTGRESQL
	if (db_stmt_is_pg(st)) {
		db_pg_finalize(db_stmt_pg(st));
		return;
	}
#endif
	sqlite3_finalize(db_stmt_lite(st));
}

jrc_status db_prepare_cached(jrc_db *db, const char *sql, db_stmt **st, jrc_err *err)
{
	struct cached_stmt *c = NULL;
	jrc_status s;
	char *copy;

	/* SQL fixed in the source comes at the same address every time: one
	 * comparison of the text confirms it, instead of one per entry. */
	for (size_t i = 0; i < db->ncache && !c; i++)
		if (db->cache[i].given == sql && strcmp(db->cache[i].sql, sql) == 0)
			c = &db->cache[i];
	for (size_t i = 0; i < db->ncache && !c; i++)
		if (strcmp(db->cache[i].sql, sql) == 0)
			c = &db->cache[i];
	if (c) {
		*st = c->st;
		db_release(*st);
		bind_fail_forget(db, *st);
		return JRC_OK;
	}
	if ((s = prepare(db, sql, 1, st, err)) != JRC_OK)
		return s;
	if (!(copy = strdup(sql))) {
		db_finalize(*st);
		*st = NULL;
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	if (db->ncache == db->cap) {
		size_t cap = db->cap ? 2 * db->cap : 32;

		if (!(c = realloc(db->cache, cap * sizeof(*c)))) {
			free(copy);
			db_finalize(*st);
			*st = NULL;
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		}
		db->cache = c;
		db->cap = cap;
	}
	c = &db->cache[db->ncache++];
	c->sql = copy;
	c->given = sql;
	c->st = *st;
	return JRC_OK;
}

void db_release(db_stmt *st)
{
	if (!st)
		return;
#ifdef HAVE_POSTGRESQL
	if (db_stmt_is_pg(st)) {
		db_pg_release(db_stmt_pg(st));
		return;
	}
#endif
	sqlite3_reset(db_stmt_lite(st));
	sqlite3_clear_bindings(db_stmt_lite(st));
}

jrc_status db_begin(jrc_db *db, jrc_err *err)
{
	/* Writers take turns from the start, on both engines: every write
	 * is an event that follows on from the one before (the chain), and
	 * numbers, tickets and slots are read and then written.  Readers
	 * never wait. */
	if (SERVER(db))
		return db_pg_begin(SERVER(db), err);
	return db_exec(db, "BEGIN IMMEDIATE", err);
}

jrc_status db_commit(jrc_db *db, jrc_err *err)
{
	jrc_status s = db_exec(db, "COMMIT", err);

	if (s != JRC_OK)
		db_rollback(db);
	return s;
}

jrc_status db_reads_begin(jrc_db *db, jrc_err *err)
{
	return SERVER(db) ? JRC_OK : db_exec(db, "BEGIN", err);
}

void db_reads_end(jrc_db *db)
{
	if (!SERVER(db))
		db_rollback(db);
}

void db_rollback(jrc_db *db)
{
	if (SERVER(db))
		db_pg_rollback(SERVER(db));
	else if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int db_bind_text(jrc_db *db, db_stmt *st, int i, const char *s)
{
	int rc;
	struct bind_fail *f;

#ifdef HAVE_POSTGRESQL
	if (db_stmt_is_pg(st))
		rc = db_pg_bind_str(db_stmt_pg(st), i, s);
	else
#endif
	rc = s ? sqlite3_bind_text(db_stmt_lite(st), i, s, -1, SQLITE_TRANSIENT)
	       : sqlite3_bind_null(db_stmt_lite(st), i);

	if (rc == SQLITE_OK)
		return rc;
	/* Kept for the step, so that no caller can run the statement with
	 * the parameter silently NULL (a move without its answer ...). */
	f = &db->bind_fail[db->next_fail++ % (sizeof(db->bind_fail) / sizeof(db->bind_fail[0]))];
	for (size_t k = 0; k < sizeof(db->bind_fail) / sizeof(db->bind_fail[0]); k++)
		if (db->bind_fail[k].st == st)
			f = &db->bind_fail[k];
	f->st = st;
	f->rc = rc;
	return rc;
}

int db_bind_untyped(jrc_db *db, db_stmt *st, int i, const char *s)
{
#ifdef HAVE_POSTGRESQL
	if (db_stmt_is_pg(st)) {
		int rc = db_pg_bind_untyped(db_stmt_pg(st), i, s);

		return rc == SQLITE_OK ? rc : db_bind_text(db, st, i, s);
	}
#endif
	return db_bind_text(db, st, i, s);
}

int db_step(jrc_db *db, db_stmt *st)
{
	for (size_t i = 0; i < sizeof(db->bind_fail) / sizeof(db->bind_fail[0]); i++) {
		if (db->bind_fail[i].st == st) {
			db->bind_fail[i].st = NULL;
			return db->bind_fail[i].rc;
		}
	}
#ifdef HAVE_POSTGRESQL
	if (db_stmt_is_pg(st))
		return db_pg_step(db_stmt_pg(st));
#endif
	return sqlite3_step(db_stmt_lite(st));
}

char *db_col_strdup(db_stmt *st, int i, int *oom)
{
	const char *t = db_col_text(st, i);
	char *r;

	if (!t)
		return NULL;
	r = strdup(t);
	if (!r && oom)
		*oom = 1;
	return r;
}

void db_col_copy(db_stmt *st, int i, char *buf, size_t size)
{
	const char *t = db_col_text(st, i);
	size_t n = t ? (size_t)db_col_bytes(st, i) : 0;

	if (!size)
		return;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(buf, t, n);
	buf[n] = '\0';
}

static int user_version(jrc_db *db, int *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static jrc_status migrate(jrc_db *db, jrc_err *err)
{
	int v = 0, rc, target = db_schema_version();
	char sql[64];
	jrc_status s;

	if ((rc = user_version(db, &v)) != SQLITE_OK)
		return db_fail(db, rc, err);
	if (v > target)
		return jrc_err_set(err, JRC_E_DB_VERSION, NULL, NULL);
	if (v == target)
		return JRC_OK;
	if (db->readonly)
		return jrc_err_set(err, JRC_E_DB_READONLY, NULL,
				   _("The database needs an upgrade but is opened read-only: open it once with write access."));
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = user_version(db, &v)) != SQLITE_OK) {
		db_rollback(db);
		return db_fail(db, rc, err);
	}
	for (; v < target; v++) {
		for (const char *const *step = db_schema_migration(v + 1); *step; step++) {
			if ((s = db_exec(db, *step, err)) != JRC_OK) {
				db_rollback(db);
				return s;
			}
		}
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version=%d", target);
	if ((s = db_exec(db, sql, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

int db_is_server_uri(const char *path)
{
	return path && (strncmp(path, "postgresql://", 13) == 0 ||
			strncmp(path, "postgres://", 11) == 0);
}

/* A PostgreSQL server named by a libpq URI: connect, and with
 * JRC_DB_CREATE lay out the schema and roles in its empty database. */
static jrc_status open_server(const char *uri, int flags, jrc_db **out, jrc_err *err)
{
#ifdef HAVE_POSTGRESQL
	jrc_db *db = calloc(1, sizeof(*db));
	jrc_status s;

	if (!db)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	db->readonly = !!(flags & JRC_DB_READONLY);
	if ((s = db_pg_open(uri, flags, db_schema_version(), &db->pg, err)) != JRC_OK) {
		free(db);
		return s;
	}
	*out = db;
	return JRC_OK;
#else
	(void)flags;
	(void)out;
	return jrc_err_set(err, JRC_E_DB_OPEN, NULL,
			   _("%.60s names a PostgreSQL server, but this jrc was built without PostgreSQL: install libpq-dev and build again (configure says \"PostgreSQL: yes\")."),
			   uri);
#endif
}

jrc_status db_open(const char *path, int flags, jrc_db **out, jrc_err *err)
{
	char why[1024], uri[8192];
	int no_write = 0;
	jrc_db *db;
	int rc, fd, oflags;
	jrc_status s;
	struct stat sb;

	*out = NULL;
	if (!path || !*path)
		return jrc_err_set(err, JRC_E_USAGE, NULL,
				   _("No database path was given: use --db PATH or set JRC_DB."));
	if (db_is_server_uri(path))
		return open_server(path, flags, out, err);
	if (flags & JRC_DB_CREATE) {
		if (stat(path, &sb) == 0) {
			if (!(flags & JRC_DB_FORCE))
				return jrc_err_set(err, JRC_E_DB_EXISTS, NULL,
						   _("A database already exists at %s: use --force to replace it, or choose another path."),
						   path);
			if (db_file_remove(path) != 0)
				return jrc_err_set(err, JRC_E_DB_OPEN, NULL,
						   _("The old database %s could not be removed: %s."),
						   path, strerror(errno));
		}
		if (db_file_make_parent(path) != 0)
			return jrc_err_set(err, JRC_E_DB_OPEN, NULL,
					   _("The folder for %s could not be created: %s."), path,
					   strerror(errno));
		/* Personal data: the file is the owner's alone from the start. */
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
		if (fd < 0)
			return jrc_err_set(err, JRC_E_DB_OPEN, NULL,
					   _("The database %s could not be created: %s."), path,
					   strerror(errno));
		close(fd);
	} else if (stat(path, &sb) != 0) {
		return jrc_err_set(err, JRC_E_NO_DB, NULL,
				   _("There is no database at %s: create one with 'jrc init', or give the right path with --db."),
				   path);
	}

	db = calloc(1, sizeof(*db));
	if (!db)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	db->readonly = !!(flags & JRC_DB_READONLY);
	if (!(flags & JRC_DB_CREATE))
		no_write = db_file_write_problem(path, why, sizeof(why));
	if (no_write && !db->readonly) {
		free(db);
		return jrc_err_set(err, JRC_E_DB_READONLY, NULL, "%s", why);
	}
	oflags = (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		 SQLITE_OPEN_NOMUTEX;
	if (db->readonly) {
		char wal[4200];
		struct stat ws;
		/* A -wal with content must be read, so only without one may
		 * SQLite take the file as unchanging. */
		int wal_content = snprintf(wal, sizeof(wal), "%s-wal", path) < (int)sizeof(wal) &&
				  stat(wal, &ws) == 0 && ws.st_size > 0;

		if (db_file_readonly_uri(path, no_write && !wal_content, uri, sizeof(uri)) != 0) {
			free(db);
			return jrc_err_set(err, JRC_E_DB_OPEN, NULL, NULL);
		}
		rc = sqlite3_open_v2(uri, &db->h, oflags | SQLITE_OPEN_URI, NULL);
	} else {
		rc = sqlite3_open_v2(path, &db->h, oflags, NULL);
	}
	if (rc != SQLITE_OK) {
		s = db_fail(db, rc, err);
		if (s == JRC_E_DB)
			s = jrc_err_set(err, JRC_E_DB_OPEN, NULL, NULL);
		db_close(db);
		return s;
	}
	sqlite3_extended_result_codes(db->h, 1);
	/* JRC_BUSY_TIMEOUT (ms) lets tests and slow halls change the wait. */
	{
		const char *bt = getenv("JRC_BUSY_TIMEOUT");
		long ms = bt && *bt ? strtol(bt, NULL, 10) : BUSY_TIMEOUT_MS;

		sqlite3_busy_timeout(db->h, ms >= 0 && ms <= 600000 ? (int)ms : BUSY_TIMEOUT_MS);
	}
	if (!db->readonly && sqlite3_db_readonly(db->h, "main") == 1)
		db->readonly = 1;
	/* journal_mode needs to write the header once; a read-only file that
	 * is already in WAL mode keeps it. */
	if (!db->readonly) {
		rc = sqlite3_exec(db->h, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			s = db_fail(db, rc, err);
			db_close(db);
			return s;
		}
	}
	rc = sqlite3_exec(db->h, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		s = db_fail(db, rc, err);
		db_close(db);
		return s;
	}
	/* Functions the schema's figures use, before any migration. */
	if ((rc = db_register_functions(db)) != SQLITE_OK) {
		s = db_fail(db, rc, err);
		db_close(db);
		return s;
	}
	if ((s = migrate(db, err)) != JRC_OK) {
		db_close(db);
		return s;
	}
	*out = db;
	return JRC_OK;
}

void db_close(jrc_db *db)
{
	if (!db)
		return;
	if (SERVER(db))
		db_pg_closing(SERVER(db));
	for (size_t i = 0; i < db->ncache; i++) {
		db_finalize(db->cache[i].st);
		free(db->cache[i].sql);
	}
	free(db->cache);
	if (SERVER(db))
		db_pg_close(SERVER(db));
	else
		sqlite3_close_v2(db->h);
	memset(db->ledger_key, 0, sizeof(db->ledger_key));
	free(db);
}

jrc_status db_close_checked(jrc_db *db, jrc_err *err)
{
	int busy = 0, logged = 0, moved = 0, rc;
	sqlite3_stmt *st;
	jrc_status s = JRC_OK;

	if (!db)
		return JRC_OK;
	if (SERVER(db)) {
		/* The server writes its log to its files by itself. */
		db_close(db);
		return JRC_OK;
	}
	rc = sqlite3_prepare_v2(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			busy = sqlite3_column_int(st, 0);
			logged = sqlite3_column_int(st, 1);
			moved = sqlite3_column_int(st, 2);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK)
		s = db_fail(db, rc, err);
	else if (busy || logged != moved)
		s = jrc_err_set(err, JRC_E_DB_LOCKED, NULL, NULL);
	db_close(db);
	return s;
}

long db_count(jrc_db *db, const char *table)
{
	char sql[128];
	db_stmt *st;
	long n = -1;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", table);
	if (db_prepare(db, sql, &st, NULL) != JRC_OK)
		return -1;
	if (db_step(db, st) == SQLITE_ROW)
		n = (long)db_col_int64(st, 0);
	db_finalize(st);
	return n;
}
