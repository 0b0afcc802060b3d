/* Filing on a county's server (issue 15, §4): the core's grievance_file()
 * against a bare libpq loop writing the same rows into the same schema
 * with the same durability, and many kiosks at many sites filing at once.
 *
 *   pg_bench init URI               lay out an empty database with the
 *                                   reference data
 *   pg_bench filing URI N core|bare|async
 *                                   N filings into URI (an empty database,
 *                                   laid out here), one transaction each,
 *                                   by the core or by the bare loop (async:
 *                                   the bare loop with synchronous_commit
 *                                   off, to tell what a commit's flush
 *                                   costs on this machine)
 *   pg_bench kiosks URI SITES PER N OUT
 *                                   SITES x PER processes, each a kiosk at
 *                                   one of the first SITES county and
 *                                   township sites, filing N cases through
 *                                   grievance_file; receipts to OUT.<i>
 *   pg_bench bare-kiosks URI SITES PER N
 *                                   as many bare loops at once, at their
 *                                   sites, without the chain's head: what
 *                                   this machine gives many writers,
 *                                   whatever the record's design
 *
 * Output: key=value lines for tests/bench/run.sh.  JRC_DATA names the
 * reference data.  The server's own settings stand: synchronous_commit is
 * on for both sides (the core sets it on every connection; the bare loop
 * sets it the same way). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db_internal.h"
#include "bench.h"
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/grievance.h"
#include "jrc/receipt.h"

/* ---------------------------------------------------------------- filing */

static double run_core(const char *uri, long n, double *cpu)
{
	jrc_db *db = bench_fresh_db(uri);
	jrc_err err = { 0 };
	intake_buf b;
	spread sp;
	double t0;

	load_spread(db, &sp);
	*cpu = bench_cpu_now();
	t0 = bench_now();
	for (long i = 0; i < n; i++) {
		make_intake(&b, (unsigned long)i, &sp);
		if (grievance_file(db, &b.in, NULL, &err) != JRC_OK)
			bench_die("grievance_file", err.msg);
	}
	t0 = bench_now() - t0;
	*cpu = bench_cpu_now() - *cpu;
	db_close(db);
	return t0;
}

static void want(PGconn *c, PGresult *r, ExecStatusType ok, const char *what)
{
	if (PQresultStatus(r) != ok)
		bench_die(what, PQerrorMessage(c));
	PQclear(r);
}

/* One prepared statement's single value, or a failure. */
static long long one_value(PGconn *c, const char *name, int n, const char *const *v)
{
	PGresult *r = PQexecPrepared(c, name, n, v, NULL, NULL, 0);
	long long x;

	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		bench_die(name, PQerrorMessage(c));
	x = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return x;
}

/* The bare loop's connection: its five writes prepared, the commit's
 * durability as the core's (synchronous_commit on) or, to measure what a
 * commit's flush costs on this machine, off. */
static PGconn *bare_open(const char *uri, int durable)
{
	PGconn *c = PQconnectdb(uri);

	if (PQstatus(c) != CONNECTION_OK)
		bench_die(uri, PQerrorMessage(c));
	want(c, PQexec(c, durable ? "SET client_encoding = 'UTF8'; SET synchronous_commit = on"
			      : "SET client_encoding = 'UTF8'; SET synchronous_commit = off"),
	     PGRES_COMMAND_OK, "settings");
	want(c, PQprepare(c, "seq", "INSERT INTO day_seq(site, day, last) VALUES ($2, $1, 1)"
			  " ON CONFLICT(site, day) DO UPDATE SET last = day_seq.last + 1 RETURNING last",
			  0, NULL), PGRES_COMMAND_OK, "prepare seq");
	want(c, PQprepare(c, "case", "INSERT INTO cases(receipt, query_code, site, category,"
			  " division, department, level, anonymous, name, id_kind, id_number, phone,"
			  " text, outcome, channel, staff_id, lang, filed_at, state, state_at, due_on,"
			  " accept_by) VALUES ($1,'123456',$10,$2,$3,'RSJ','county',0,$4,'resident',"
			  "$5,$6,$7,$8,'kiosk',NULL,'zh',$9,'registered',$9,'2026-12-14','2026-12-14')"
			  " RETURNING id", 0, NULL), PGRES_COMMAND_OK, "prepare case");
	want(c, PQprepare(c, "event", "INSERT INTO events(id, at, actor, kind, case_id, from_state,"
			  " to_state, note, prev_hash, hash) VALUES ($1,$2,'kiosk','filed',$3,NULL,"
			  "'registered','kiosk',$4,$4)", 0, NULL), PGRES_COMMAND_OK, "prepare event");
	want(c, PQprepare(c, "head", "INSERT INTO audit_head(one, last_id, hash) VALUES (1, $1, $2)"
			  " ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id,"
			  " hash = excluded.hash", 0, NULL), PGRES_COMMAND_OK, "prepare head");
	want(c, PQprepare(c, "tally", "INSERT INTO tally_day(day, site, category, division,"
			  " department, state, source, n, p_n, dirty) VALUES ('2026-11-29', $3, $1, $2,"
			  " 'RSJ', 'registered', 'kiosk', 1, 1, 1) ON CONFLICT(day, site, category,"
			  " division, department, state, source) DO UPDATE SET n = tally_day.n + 1,"
			  " p_n = tally_day.p_n + 1, dirty = 1", 0, NULL), PGRES_COMMAND_OK,
	     "prepare tally");
	return c;
}

/* One bare filing at site: the day's sequence, the case, its event
 * numbered event_id, the chain's head (unless head is 0: nothing shared
 * between sites but the tables), the day's summary row; a round trip
 * each, in one transaction.  Values the core would look up are given. */
static void bare_file(PGconn *c, const char *site, const intake_buf *b, long long event_id,
		      int head, const char *filed)
{
	const char *hash = "3f5a0c9e1b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468";
	const char *seqv[] = { "261129", site };
	char receipt[JRC_RECEIPT_MAX], idbuf[24], evbuf[24];
	long long s, id;

	want(c, PQexec(c, "BEGIN"), PGRES_COMMAND_OK, "begin");
	s = one_value(c, "seq", 2, seqv);
	receipt_format(site, "261129", s, receipt);
	{
		const char *v[] = { receipt, b->in.category, b->in.division, b->in.name, b->id,
				    b->phone, b->text, b->in.outcome, filed, site };

		id = one_value(c, "case", 10, v);
	}
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	snprintf(evbuf, sizeof(evbuf), "%lld", event_id);
	{
		const char *v[] = { evbuf, filed, idbuf, hash };

		want(c, PQexecPrepared(c, "event", 4, v, NULL, NULL, 0), PGRES_COMMAND_OK, "event");
	}
	if (head) {
		const char *v[] = { evbuf, hash };

		want(c, PQexecPrepared(c, "head", 2, v, NULL, NULL, 0), PGRES_COMMAND_OK, "head");
	}
	{
		const char *v[] = { b->in.category, b->in.division, site };

		want(c, PQexecPrepared(c, "tally", 3, v, NULL, NULL, 0), PGRES_COMMAND_OK, "tally");
	}
	want(c, PQexec(c, "COMMIT"), PGRES_COMMAND_OK, "commit");
}

/* The floor: the same five writes per filing as file_bench's bare sqlite
 * loop, each a prepared statement and a round trip, in one transaction. */
static double run_bare(const char *uri, long n, int durable, double *cpu)
{
	jrc_db *db = bench_fresh_db(uri);
	PGconn *c;
	intake_buf b;
	spread sp;
	char filed[32];
	long long last_event;
	double t0;

	load_spread(db, &sp);
	last_event = db_count(db, "events");
	db_close(db);
	clock_format_utc(clock_now(), filed);
	c = bare_open(uri, durable);
	*cpu = bench_cpu_now();
	t0 = bench_now();
	for (long i = 0; i < n; i++) {
		make_intake(&b, (unsigned long)i, &sp);
		bare_file(c, "PJ", &b, ++last_event, 1, filed);
	}
	t0 = bench_now() - t0;
	*cpu = bench_cpu_now() - *cpu;
	PQfinish(c);
	return t0;
}

/* ---------------------------------------------------------------- kiosks */

/* The codes of the first SITES county and township sites, as
 * kiosks_at_sites spreads its kiosks; exits when there are fewer. */
static char (*site_codes(const char *uri, long sites))[8]
{
	char (*codes)[8] = calloc((size_t)sites, sizeof(*codes));
	long found = 0;
	jrc_db *db;
	jrc_err err = { 0 };
	db_stmt *q;

	if (!codes)
		bench_die("kiosks", "out of memory");
	if (db_open(uri, 0, &db, &err) != JRC_OK ||
	    db_prepare(db, "SELECT code FROM sites WHERE level IN ('county', 'township')"
		       " ORDER BY level, sort, code", &q, &err) != JRC_OK)
		bench_die(uri, err.msg);
	while (found < sites && db_step(db, q) == DB_ROW)
		snprintf(codes[found++], sizeof(codes[0]), "%s", db_col_text(q, 0));
	db_finalize(q);
	db_close(db);
	if (found < sites)
		bench_die("kiosks", "fewer county and township sites in the list than asked for");
	return codes;
}

/* SITES x PER kiosks, kiosk i at the i % SITES-th county or township site. */
static int kiosks_at_sites(const char *uri, long sites, long per, long n, const char *out)
{
	char (*codes)[8] = site_codes(uri, sites);
	int rc = bench_kiosks(uri, sites * per, n, out, codes, sites, 1);

	free(codes);
	return rc;
}

struct bare_arg {
	const char *uri, *filed;
	char (*codes)[8];
	long sites, n;
	long long base;
	const spread *sp;
};

/* Bare loop p: its own connection, n filings at its site. */
static int bare_loop(long p, void *arg)
{
	const struct bare_arg *a = arg;
	PGconn *c = bare_open(a->uri, 1);
	intake_buf b;

	for (long i = 0; i < a->n; i++) {
		make_intake(&b, (unsigned long)(p * a->n + i), a->sp);
		bare_file(c, a->codes[p % a->sites], &b, a->base + p * a->n + i + 1, 0, a->filed);
	}
	PQfinish(c);
	return 0;
}

/* SITES x PER bare loops at once, loop i at the i % SITES-th site, each
 * filing n: the same writes as the bare loop but for the chain's head, so
 * that nothing is shared between two sites but the tables; what the
 * machine and the server give many writers, whatever the record's design.
 * Prints procs, filings, wall_s and per_s; exits 1 when a loop failed. */
static int bare_at_sites(const char *uri, long sites, long per, long n)
{
	char filed[32];
	struct bare_arg a = { uri, filed, site_codes(uri, sites), sites, n, 0, NULL };
	spread sp;
	jrc_db *db;
	jrc_err err = { 0 };
	int failed;

	if (db_open(uri, 0, &db, &err) != JRC_OK)
		bench_die(uri, err.msg);
	load_spread(db, &sp);
	a.sp = &sp;
	a.base = db_count(db, "events");
	db_close(db);
	clock_format_utc(clock_now(), filed);
	failed = bench_procs(sites * per, n, bare_loop, &a);
	free(a.codes);
	return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "init")) {
		db_close(bench_fresh_db(argv[2]));
		return 0;
	}
	if (argc == 5 && !strcmp(argv[1], "filing")) {
		long n = strtol(argv[3], NULL, 10);
		const char *side = argv[4];
		double cpu, t;

		if (!strcmp(side, "core"))
			t = run_core(argv[2], n, &cpu);
		else if (!strcmp(side, "bare") || !strcmp(side, "async"))
			t = run_bare(argv[2], n, !strcmp(side, "bare"), &cpu);
		else
			goto usage;
		printf("filings=%ld\n%s_ms_per_filing=%.3f\n%s_cpu_ms_per_filing=%.3f\n", n, side,
		       t / (double)n * 1e3, side, cpu / (double)n * 1e3);
		return 0;
	}
	if (argc == 7 && !strcmp(argv[1], "kiosks"))
		return kiosks_at_sites(argv[2], strtol(argv[3], NULL, 10), strtol(argv[4], NULL, 10),
				       strtol(argv[5], NULL, 10), argv[6]);
	if (argc == 6 && !strcmp(argv[1], "bare-kiosks"))
		return bare_at_sites(argv[2], strtol(argv[3], NULL, 10), strtol(argv[4], NULL, 10),
				     strtol(argv[5], NULL, 10));
usage:
	fprintf(stderr, "usage: pg_bench init URI | filing URI N core|bare|async |"
		" kiosks URI SITES PER N OUT | bare-kiosks URI SITES PER N\n");
	return 2;
}
