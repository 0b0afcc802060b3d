/* The core's SQL carried into PostgreSQL's dialect (db_pg_sql.c): numbered
 * and bare parameters, SQLite's IS, the few functions that are named
 * otherwise, INDEXED BY; quoted text, quoted names and comments untouched. */
#include <stdlib.h>

#include "db_pg.h"
#include "tap.h"

static void check(const char *in, const char *want, int want_n, const char *what)
{
	int n = -1;
	char *got = db_pg_sql(in, &n);

	is_str(got, want, "%s", what);
	is_int(n, want_n, "%s: parameters", what);
	free(got);
}

int main(void)
{
	check("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2", 2,
	      "bare parameters are numbered in order");
	check("UPDATE t SET a = ?2 WHERE id = ?1 OR ?2 IS NULL",
	      "UPDATE t SET a = $2 WHERE id = $1 OR $2 IS NULL", 2, "numbered parameters keep their numbers");
	check("SELECT ?3, ?", "SELECT $3, $4", 4, "a bare one after ?3 is the fourth, as SQLite counts");
	check("SELECT '?', \"a?b\", x -- what?\n FROM t WHERE y = ?",
	      "SELECT '?', \"a?b\", x -- what?\n FROM t WHERE y = $1", 1,
	      "a ? inside quotes or a comment is no parameter");
	check("SELECT 'it''s ?' || ?", "SELECT 'it''s ?' || $1", 1, "a doubled quote stays inside the text");
	check("SELECT 1 FROM t WHERE a IS b AND c IS NOT d AND e IS NULL AND f IS NOT NULL",
	      "SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM b AND c IS DISTINCT FROM d"
	      " AND e IS NULL AND f IS NOT NULL", 0, "IS compares any two values, as in SQLite");
	check("SELECT x FROM cases c INDEXED BY cases_owed WHERE y", "SELECT x FROM cases c  WHERE y", 0,
	      "INDEXED BY is left to the planner");
	check("SELECT group_concat(a, ', '), instr(b, 'x'), char(1114111) FROM t",
	      "SELECT string_agg(a, ', '), strpos(b, 'x'), chr(1114111) FROM t", 0,
	      "functions named otherwise");
	check("SELECT instr_count, \"group_concat\"(1) FROM t", "SELECT instr_count, \"group_concat\"(1) FROM t", 0,
	      "only the whole word, unquoted, is renamed");
	check("SELECT abs(random() % 9007199254740991) + 1 FROM t ORDER BY random ( )",
	      "SELECT abs((floor(random() * 18446744073709551616) - 9223372036854775808)::bigint"
	      " % 9007199254740991) + 1 FROM t ORDER BY (floor(random() * 18446744073709551616)"
	      " - 9223372036854775808)::bigint", 0, "random() is a 64-bit integer, as in SQLite");
	check("BEGIN IMMEDIATE", "BEGIN", 0, "BEGIN IMMEDIATE");
	check("SELECT '黄宅镇' || ?", "SELECT '黄宅镇' || $1", 1, "Chinese text passes through");
	check("SELECT x1 FROM t2 WHERE a = 10", "SELECT x1 FROM t2 WHERE a = 10", 0, "numbers and names with digits");
	check("SELECT json_array(?1, CAST(id AS TEXT), json_array(a, b)) FROM t WHERE id = ?2",
	      "SELECT jrc_json(jsonb_build_array($1::text, CAST(id AS TEXT), jsonb_build_array(a, b)))"
	      " FROM t WHERE id = $2", 2,
	      "json_array: the outermost written out as SQLite writes it, parameters typed");
	check("SELECT json(json_extract(v, '$[2]')), f(json_array(x))",
	      "SELECT jrc_json((json_extract(v, '$[2]'))::jsonb), f(jrc_json(jsonb_build_array(x)))", 0,
	      "json() and a json_array inside other calls");
	check("INSERT INTO departments(code, window) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET"
	      " window=excluded.window",
	      "INSERT INTO departments(code, \"window\") VALUES ($1, $2) ON CONFLICT(code) DO UPDATE SET"
	      " \"window\"=excluded.\"window\"", 2, "the column window is quoted");
	check("INSERT INTO day_seq(site, day, last) VALUES (?, ?, 1)"
	      " ON CONFLICT(site, day) DO UPDATE SET last = last + 1 RETURNING last",
	      "INSERT INTO day_seq(site, day, last) VALUES ($1, $2, 1)"
	      " ON CONFLICT(site, day) DO UPDATE SET last = day_seq.last + 1 RETURNING last", 2,
	      "an upsert's SET reads the table's own column by its name");
	check("INSERT INTO t(a, b) SELECT x, y FROM u GROUP BY x ON CONFLICT(a) DO UPDATE SET"
	      " b = b + excluded.b, c = coalesce(excluded.c, c), d = 1; DELETE FROM t WHERE b = 0",
	      "INSERT INTO t(a, b) SELECT x, y FROM u GROUP BY x ON CONFLICT(a) DO UPDATE SET"
	      " b = t.b + excluded.b, c = coalesce(excluded.c, t.c), d = 1; DELETE FROM t WHERE b = 0", 0,
	      "every column read, not the ones set, nor excluded's, nor after the statement");
	check("SELECT a FROM (SELECT a FROM t) GROUP BY a",
	      "SELECT a FROM (SELECT a FROM t) AS jrc_q1 GROUP BY a", 0, "a subquery in FROM gets a name");
	check("SELECT x FROM (SELECT 1 AS x) t WHERE x IN (SELECT 1) AND y = (SELECT 2)",
	      "SELECT x FROM (SELECT 1 AS x) t WHERE x IN (SELECT 1) AND y = (SELECT 2)", 0,
	      "... not when it has one, nor elsewhere");
	check("SELECT * FROM (SELECT 1) UNION ALL SELECT * FROM (SELECT 2)",
	      "SELECT * FROM (SELECT 1) AS jrc_q1 UNION ALL SELECT * FROM (SELECT 2) AS jrc_q2", 0,
	      "... each its own name, also at the end");
	return done();
}
