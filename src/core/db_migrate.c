/* A hall's SQLite file moved into a county's PostgreSQL server (jrc
 * migrate --to): every row of every table, as it is, in one transaction
 * on the server.  The rows of the record go across unchanged, copies and
 * hashes included, so the chain on the server is the hall's, and jrc
 * verify finds the same head on both.  The server's database must hold no
 * record yet: db_open lays the schema out in it, and refuses one that has
 * a record.  References are checked at the commit (the tables go across
 * in the file's order), and each identity counts on from the highest id
 * moved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/db_migrate.h"
#include "jrc/i18n.h"

enum { MAX_TABLES = 128, MAX_COLS = 64 };

/* The file's tables, its own and SQLite's left out. */
static jrc_status table_names(jrc_db *src, char names[][64], size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*n = 0;
	if ((s = db_prepare(src, "SELECT name FROM sqlite_master WHERE type = 'table'"
			    " AND name NOT LIKE 'sqlite%' ORDER BY rowid", &st, err)))
		return s;
	while ((rc = db_step(src, st)) == DB_ROW && *n < MAX_TABLES)
		db_col_copy(st, 0, names[(*n)++], 64);
	db_finalize(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(src, rc, err);
	return *n == MAX_TABLES ? jrc_err_set(err, JRC_E_DB, NULL, NULL) : JRC_OK;
}

/* Copy one table's rows; the server's seed rows of it (a new schema's
 * clock of the figures) give way to the file's. */
static jrc_status copy_table(jrc_db *src, jrc_db *dst, const char *table, int64_t *rows,
			     jrc_err *err)
{
	char sql[4096], cols[2048] = "", marks[512] = "";
	db_stmt *rd = NULL, *wr = NULL;
	jrc_status s;
	int ncol = 0, rc;
	size_t cl = 0, ml = 0;

	snprintf(sql, sizeof(sql), "SELECT name FROM pragma_table_info('%s') ORDER BY cid", table);
	if ((s = db_prepare(src, sql, &rd, err)))
		return s;
	while ((rc = db_step(src, rd)) == DB_ROW && ncol < MAX_COLS) {
		const char *c = db_col_text(rd, 0);

		/* "window" is quoted by the dialect layer; names as they are. */
		cl += (size_t)snprintf(cols + cl, sizeof(cols) - cl, "%s%s", ncol ? ", " : "", c);
		ncol++;
		ml += (size_t)snprintf(marks + ml, sizeof(marks) - ml, "%s?%d", ncol > 1 ? ", " : "", ncol);
	}
	db_finalize(rd);
	if (rc != DB_DONE || !ncol || cl >= sizeof(cols) || ml >= sizeof(marks))
		return rc != DB_DONE && rc != DB_ROW ? db_fail(src, rc, err)
						     : jrc_err_set(err, JRC_E_DB, NULL, NULL);
	if (strcmp(table, "tally_clock") == 0 && (s = db_exec(dst, "DELETE FROM tally_clock", err)))
		return s;
	snprintf(sql, sizeof(sql), "INSERT INTO %s(%s) VALUES (%s)", table, cols, marks);
	if ((s = db_prepare(dst, sql, &wr, err)))
		return s;
	snprintf(sql, sizeof(sql), "SELECT %s FROM %s ORDER BY rowid", cols, table);
	if ((s = db_prepare(src, sql, &rd, err))) {
		/* A table without rowid: in its key's order. */
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s", cols, table);
		if ((s = db_prepare(src, sql, &rd, err))) {
			db_finalize(wr);
			return s;
		}
	}
	while ((rc = db_step(src, rd)) == DB_ROW) {
		for (int i = 0; i < ncol; i++)
			db_bind_untyped(dst, wr, i + 1, db_col_text(rd, i));
		if ((rc = db_step(dst, wr)) != DB_DONE) {
			s = db_fail(dst, rc, err);
			break;
		}
		db_reset(wr);
		(*rows)++;
	}
	if (s == JRC_OK && rc != DB_DONE)
		s = db_fail(src, rc, err);
	db_finalize(rd);
	db_finalize(wr);
	return s;
}

jrc_status db_migrate_to(jrc_db *src, jrc_db *dst, jrc_migrate_report *r, jrc_err *err)
{
	static char names[MAX_TABLES][64];
	size_t n;
	jrc_status s;

	memset(r, 0, sizeof(*r));
	if (db_is_server(src) || !db_is_server(dst))
		return jrc_err_set(err, JRC_E_USAGE, NULL, "%s",
				   _("jrc migrate moves an SQLite file (--db) into a PostgreSQL server (--to postgresql://...)."));
	if ((s = table_names(src, names, &n, err)))
		return s;
	/* The file as of one moment: its own read transaction. */
	if ((s = db_exec(src, "BEGIN", err)))
		return s;
	if ((s = db_begin(dst, err)) || (s = db_defer_foreign_keys(dst, err))) {
		db_rollback(src);
		return s;
	}
	for (size_t i = 0; i < n && s == JRC_OK; i++) {
		s = copy_table(src, dst, names[i], &r->rows, err);
		r->tables++;
	}
	/* Each identity counts on from the highest id moved. */
	if (s == JRC_OK)
		s = db_exec(dst,
			    "DO $$ DECLARE r record; m bigint; BEGIN"
			    " FOR r IN SELECT table_name, column_name FROM information_schema.columns"
			    "  WHERE table_schema = 'public' AND is_identity = 'YES' LOOP"
			    "  EXECUTE format('SELECT coalesce(max(%I), 0) FROM %I', r.column_name,"
			    "   r.table_name) INTO m;"
			    "  IF m > 0 THEN PERFORM setval(pg_get_serial_sequence(quote_ident(r.table_name),"
			    "   r.column_name), m); END IF;"
			    " END LOOP; END $$", err);
	db_rollback(src);
	if (s != JRC_OK) {
		db_rollback(dst);
		return s;
	}
	return db_commit(dst, err);
}
