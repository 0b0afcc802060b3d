/* The core's SQL, written once in SQLite's dialect, in PostgreSQL's words.
 *
 * What differs is small and mechanical, so it is done here on the text,
 * once per statement and connection (a cached statement is carried over
 * once):
 *   ?NNN and ?              $NNN (a bare ? is one more than the highest
 *                           number so far, as SQLite counts)
 *   a IS b, a IS NOT b      IS [NOT] DISTINCT FROM (SQLite's IS compares
 *                           any two values; PostgreSQL's only NULL and
 *                           truth values)
 *   INDEXED BY name         dropped (the planner chooses)
 *   BEGIN IMMEDIATE         BEGIN
 *   group_concat, instr,    string_agg, strpos, chr
 *   char
 *   random()                a random 64-bit integer, as SQLite's (not a
 *                           fraction)
 *   json_array(...)         jsonb_build_array(...), the outermost one
 *                           written out by jrc_json() as SQLite writes JSON
 *                           (no blanks), its parameters as text
 *   json(x)                 jrc_json((x)::jsonb)
 *   ... DO UPDATE SET a = b + 1   the columns read in an upsert's SET
 *                           and WHERE named with the INSERT's table
 *                           (t.b: PostgreSQL cannot tell b from
 *                           excluded.b)
 *   FROM (SELECT ...)       FROM (SELECT ...) AS jrc_qN: PostgreSQL 15
 *                           wants a name for a subquery in FROM
 *   window                  "window" (a column of departments and a word
 *                           PostgreSQL keeps for itself)
 * (json_extract and json_each are functions of the PostgreSQL schema that
 * answer as SQLite's do, db_schema_pg.c.)
 * Quoted text, quoted names and comments pass through untouched.  What
 * cannot be said the same way in both dialects is written in the source
 * so that both read it alike (a truth value as "<> 0", say). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db_pg.h"

typedef struct out_buf {
	char *p;
	size_t n, cap;
	int oom;
} out_buf;

static void put(out_buf *o, const char *s, size_t n)
{
	if (o->oom)
		return;
	if (o->n + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 256;
		char *p;

		while (o->n + n + 1 > cap)
			cap *= 2;
		if (!(p = realloc(o->p, cap))) {
			o->oom = 1;
			return;
		}
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
	o->p[o->n] = '\0';
}

static void put_str(out_buf *o, const char *s)
{
	put(o, s, strlen(s));
}

static int ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

/* The word at s (letters, digits, _), its length. */
static size_t word_len(const char *s)
{
	size_t n = 0;

	while (ident_char(s[n]))
		n++;
	return n;
}

static int word_is(const char *w, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(w, name, n) == 0;
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* The quoted run starting at s (quote q, doubled inside), its length. */
static size_t quoted_len(const char *s, char q)
{
	size_t n = 1;

	for (;;) {
		if (!s[n])
			return n;
		if (s[n] == q) {
			if (s[n + 1] == q) {
				n += 2;
				continue;
			}
			return n + 1;
		}
		n++;
	}
}

/* What each open parenthesis closes with, and whether it opened a
 * json_array. */
enum { MAX_DEPTH = 64 };
typedef struct paren_stack {
	const char *close[MAX_DEPTH];
	int json_array[MAX_DEPTH];
	int derived[MAX_DEPTH]; /* a subquery in FROM */
	int n, json_depth, too_deep;
} paren_stack;

static void paren_open(paren_stack *p, out_buf *o, const char *open, const char *close, int ja,
		       int derived)
{
	put_str(o, open);
	if (p->n == MAX_DEPTH) {
		p->too_deep = 1;
		return;
	}
	p->close[p->n] = close;
	p->json_array[p->n] = ja;
	p->derived[p->n] = derived;
	p->n++;
	p->json_depth += ja;
}

/* Close the innermost parenthesis; 1 when it held a subquery in FROM. */
static int paren_close(paren_stack *p, out_buf *o)
{
	if (!p->n) {
		put_str(o, ")");
		return 0;
	}
	p->n--;
	p->json_depth -= p->json_array[p->n];
	put_str(o, p->close[p->n]);
	return p->derived[p->n];
}

/* A word as PostgreSQL must read it: "window" quoted. */
static void put_word(out_buf *o, const char *w, size_t n)
{
	if (word_is(w, n, "window"))
		put_str(o, "\"window\"");
	else
		put(o, w, n);
}

/* Words that are never a column in an upsert's SET. */
static int keyword(const char *w, size_t n)
{
	static const char *const words[] = {
		"AND", "OR", "NOT", "NULL", "IS", "IN", "CASE", "WHEN", "THEN", "ELSE", "END",
		"TRUE", "FALSE", "DISTINCT", "FROM", "AS", "WHERE", "excluded", "SELECT", "LIKE",
		"BETWEEN", "INTEGER", "TEXT", "BIGINT", NULL
	};

	for (const char *const *k = words; *k; k++)
		if (word_is(w, n, *k))
			return 1;
	return 0;
}

/* Words that may follow a subquery in FROM where it has no name. */
static int clause_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"WHERE", "GROUP", "ORDER", "UNION", "EXCEPT", "INTERSECT", "LIMIT", "HAVING", "JOIN",
		"LEFT", "INNER", "CROSS", "ON", "NATURAL", "WINDOW", NULL
	};

	for (const char *const *k = words; *k; k++)
		if (word_is(w, n, *k))
			return 1;
	return 0;
}

/* Where an upsert's SET is: the INSERT's table, and whether the next
 * word is a column set (after SET or a comma) or one read. */
typedef struct upsert {
	char table[64];
	int in_set, depth, expect_target;
} upsert;

char *db_pg_sql(const char *sql, int *nparams)
{
	upsert up = { .in_set = 0 };
	int after_from = 0, subqueries = 0;
	out_buf o = { 0 };
	paren_stack ps = { .n = 0 };
	const char *s = sql;
	int highest = 0;
	char num[24];

	put_str(&o, "");
	while (*s) {
		int from_before = after_from;

		if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
			after_from = 0;
		if (*s == '\'' || *s == '"') {
			size_t n = quoted_len(s, *s);

			put(&o, s, n);
			s += n;
		} else if (s[0] == '-' && s[1] == '-') {
			size_t n = strcspn(s, "\n");

			put(&o, s, n);
			s += n;
		} else if (*s == '?') {
			long v;

			s++;
			if (isdigit((unsigned char)*s)) {
				v = strtol(s, (char **)&s, 10);
			} else {
				v = highest + 1;
			}
			if (v > highest)
				highest = (int)v;
			/* jsonb_build_array takes any type, so it needs one. */
			snprintf(num, sizeof(num), ps.json_depth ? "$%ld::text" : "$%ld", v);
			put_str(&o, num);
		} else if (*s == '(') {
			paren_open(&ps, &o, "(", ")", 0, from_before);
			s++;
		} else if (*s == ',' || *s == ';') {
			if (up.in_set && *s == ',' && ps.n == up.depth)
				up.expect_target = 1;
			if (*s == ';')
				up.in_set = 0;
			put(&o, s, 1);
			s++;
		} else if (*s == ')') {
			const char *next;
			size_t nn;

			s++;
			next = skip_blanks(s);
			nn = word_len(next);
			if (paren_close(&ps, &o) && !word_is(next, nn, "AS") &&
			    (!nn || isdigit((unsigned char)*next) || clause_word(next, nn))) {
				snprintf(num, sizeof(num), " AS jrc_q%d", ++subqueries);
				put_str(&o, num);
			}
		} else if (ident_char(*s) && !isdigit((unsigned char)*s)) {
			size_t n = word_len(s);

			after_from = word_is(s, n, "FROM") || word_is(s, n, "JOIN");
			const char *after = skip_blanks(s + n);
			size_t an = word_len(after);

			if (word_is(s, n, "INDEXED") && word_is(after, an, "BY")) {
				const char *name = skip_blanks(after + an);

				s = name + word_len(name);
			} else if (word_is(s, n, "BEGIN") && word_is(after, an, "IMMEDIATE")) {
				put_str(&o, "BEGIN");
				s = after + an;
			} else if (word_is(s, n, "IS") && word_is(after, an, "NOT")) {
				const char *next = skip_blanks(after + an);
				size_t nn = word_len(next);

				if (word_is(next, nn, "NULL") || word_is(next, nn, "TRUE") ||
				    word_is(next, nn, "FALSE") || word_is(next, nn, "DISTINCT")) {
					put(&o, s, n);
					s += n;
				} else {
					put_str(&o, "IS DISTINCT FROM");
					s = after + an;
				}
			} else if (word_is(s, n, "IS")) {
				if (word_is(after, an, "NULL") || word_is(after, an, "TRUE") ||
				    word_is(after, an, "FALSE") || word_is(after, an, "DISTINCT")) {
					put(&o, s, n);
				} else {
					put_str(&o, "IS NOT DISTINCT FROM");
				}
				s += n;
			} else if (*after == '(' && word_is(s, n, "json_array")) {
				if (ps.json_depth)
					paren_open(&ps, &o, "jsonb_build_array(", ")", 1, 0);
				else
					paren_open(&ps, &o, "jrc_json(jsonb_build_array(", "))", 1, 0);
				s = after + 1;
			} else if (*after == '(' && word_is(s, n, "json")) {
				paren_open(&ps, &o, "jrc_json((", ")::jsonb)", 0, 0);
				s = after + 1;
			} else if (word_is(s, n, "INTO") && ident_char(*after) && an < sizeof(up.table)) {
				/* INSERT INTO name: the table an upsert's SET reads. */
				memcpy(up.table, after, an);
				up.table[an] = '\0';
				put(&o, s, n);
				s += n;
			} else if (word_is(s, n, "DO") && word_is(after, an, "UPDATE")) {
				const char *set = skip_blanks(after + an);
				size_t sn = word_len(set);

				if (word_is(set, sn, "SET")) {
					put_str(&o, "DO UPDATE SET");
					s = set + sn;
					up.in_set = 1;
					up.expect_target = 1;
					up.depth = ps.n;
				} else {
					put(&o, s, n);
					s += n;
				}
			} else if (up.in_set && word_is(s, n, "RETURNING")) {
				up.in_set = 0;
				put(&o, s, n);
				s += n;
			} else if (up.in_set && up.expect_target) {
				up.expect_target = 0;
				put_word(&o, s, n);
				s += n;
			} else if (up.in_set && up.table[0] && *after != '(' && *after != '.' &&
				   !(o.n && o.p[o.n - 1] == '.') && !keyword(s, n)) {
				put_str(&o, up.table);
				put_str(&o, ".");
				put_word(&o, s, n);
				s += n;
			} else if (*after == '(' && word_is(s, n, "group_concat")) {
				put_str(&o, "string_agg");
				s += n;
			} else if (*after == '(' && word_is(s, n, "instr")) {
				put_str(&o, "strpos");
				s += n;
			} else if (*after == '(' && word_is(s, n, "char")) {
				put_str(&o, "chr");
				s += n;
			} else if (*after == '(' && *skip_blanks(after + 1) == ')' &&
				   word_is(s, n, "random")) {
				/* SQLite's random() is a 64-bit integer, PostgreSQL's
				 * a fraction: random() % n would not be said. */
				put_str(&o, "(floor(random() * 18446744073709551616)"
					" - 9223372036854775808)::bigint");
				s = skip_blanks(after + 1) + 1;
			} else {
				put_word(&o, s, n);
				s += n;
			}
		} else if (ident_char(*s)) {
			/* A number, or a name after a digit: as it stands. */
			size_t n = word_len(s);

			put(&o, s, n);
			s += n;
		} else {
			put(&o, s, 1);
			s++;
		}
	}
	if (o.oom || ps.too_deep) {
		free(o.p);
		return NULL;
	}
	if (nparams)
		*nparams = highest;
	return o.p;
}
