/* Durable filing: the core's grievance_file() against a bare sqlite loop
 * writing the same rows into the same schema with the same pragmas (both
 * open the file through db_open, so WAL and synchronous=FULL alike), the
 * fsync latency of the disk underneath, and eight kiosks filing at once.
 *
 *   file_bench version              the sqlite library it runs with
 *   file_bench fsync DIR N          N 4 KiB writes each followed by fdatasync
 *   file_bench filing DIR N R [core|bare [spread]]
 *                                   R rounds of N filings each, core and bare
 *                                   alternating on fresh databases in DIR;
 *                                   spread: the core's filings over every
 *                                   category and village (see make_intake)
 *   file_bench kiosks DB P N OUT    P processes filing N cases each through
 *                                   grievance_file; receipts to OUT.<i>
 *
 * Output: key=value lines for tests/bench/run.sh.  JRC_DATA names the
 * reference data. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"
#include "bench.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/grievance.h"
#include "jrc/receipt.h"
#include "jrc/refdata.h"
#include "jrc/validate.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* ---------------------------------------------------------------- fsync */

static int bench_fsync(const char *dir, long n)
{
	char path[4096], block[4096];
	double *t = malloc((size_t)n * sizeof(*t)), sum = 0;
	int fd;

	if (!t)
		bench_die("fsync", "out of memory");
	snprintf(path, sizeof(path), "%s/fsync.probe", dir);
	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	if (fd < 0)
		bench_die(path, strerror(errno));
	memset(block, 'x', sizeof(block));
	for (long i = 0; i < n; i++) {
		double t0 = bench_now();

		/* Rewrite the same block, as a WAL commit appends a frame. */
		if (pwrite(fd, block, sizeof(block), (off_t)(i % 16) * 4096) != (ssize_t)sizeof(block) ||
		    fdatasync(fd) != 0)
			bench_die(path, strerror(errno));
		t[i] = bench_now() - t0;
		sum += t[i];
	}
	close(fd);
	unlink(path);
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	printf("fsync_mean_ms=%.3f\nfsync_median_ms=%.3f\nfsync_p99_ms=%.3f\n", sum / (double)n * 1e3,
	       t[n / 2] * 1e3, t[(size_t)((double)n * 0.99)] * 1e3);
	free(t);
	return 0;
}

/* ---------------------------------------------------------------- filing */

static double run_core(const char *path, long n, int spread_out)
{
	jrc_db *db = bench_fresh_db(path);
	jrc_err err = { 0 };
	intake_buf b;
	spread sp;
	double t0;

	if (spread_out)
		load_spread(db, &sp);
	t0 = bench_now();
	for (long i = 0; i < n; i++) {
		make_intake(&b, (unsigned long)i, spread_out ? &sp : NULL);
		if (grievance_file(db, &b.in, NULL, &err) != JRC_OK)
			bench_die("grievance_file", err.msg);
	}
	t0 = bench_now() - t0;
	db_close(db);
	return t0;
}

/* The floor: the same five writes per filing (the day's sequence, the
 * case, its event, the chain's head, the day's summary row), prepared
 * once, with values computed outside the timed loop where the core would
 * look them up. */
static double run_bare(const char *path, long n)
{
	jrc_db *db = bench_fresh_db(path);
	sqlite3 *h = db_handle(db);
	sqlite3_stmt *seq, *cs, *ev, *head, *tally;
	intake_buf b;
	char receipt[JRC_RECEIPT_MAX], filed[32];
	const char *hash = "3f5a0c9e1b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468";
	double t0;
	jrc_time now = clock_now();
	int64_t last_event = db_count(db, "events");

	clock_format_utc(now, filed);
	if (sqlite3_prepare_v2(h, "INSERT INTO day_seq(site, day, last) VALUES ('PJ', ?, 1)"
			       " ON CONFLICT(site, day) DO UPDATE SET last = last + 1 RETURNING last",
			       -1, &seq, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "INSERT INTO cases(receipt, query_code, site, category, division,"
			       " department, level, anonymous, name, id_kind, id_number, phone, text,"
			       " outcome, channel, staff_id, lang, filed_at, state, state_at, due_on,"
			       " accept_by) VALUES (?,'123456','PJ',?,?,'RSJ','county',0,?,'resident',"
			       "?,?,?,?,'kiosk',NULL,'zh',?,'registered',?,'2026-12-14','2026-12-14')",
			       -1, &cs, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "INSERT INTO events(id, at, actor, kind, case_id, from_state,"
			       " to_state, note, prev_hash, hash) VALUES (?,?,'kiosk','filed',?,NULL,"
			       "'registered','kiosk',?,?)", -1, &ev, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "INSERT INTO audit_head(one, last_id, hash) VALUES (1, ?, ?)"
			       " ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id,"
			       " hash = excluded.hash", -1, &head, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "INSERT INTO tally_day(day, site, category, division, department,"
			       " state, source, n, p_n, dirty) VALUES ('2026-11-29', 'PJ', ?, ?, 'RSJ',"
			       " 'registered', 'kiosk', 1, 1, 1) ON CONFLICT DO UPDATE SET n = n + 1,"
			       " p_n = p_n + 1, dirty = 1", -1, &tally, NULL) != SQLITE_OK)
		bench_die("prepare", sqlite3_errmsg(h));
	t0 = bench_now();
	for (long i = 0; i < n; i++) {
		long s;
		int64_t id;

		make_intake(&b, (unsigned long)i, NULL);
		if (sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			bench_die("begin", sqlite3_errmsg(h));
		sqlite3_bind_text(seq, 1, "261129", -1, SQLITE_STATIC);
		if (sqlite3_step(seq) != SQLITE_ROW)
			bench_die("day_seq", sqlite3_errmsg(h));
		s = (long)sqlite3_column_int64(seq, 0);
		sqlite3_reset(seq);
		receipt_format("PJ", "261129", s, receipt);
		sqlite3_bind_text(cs, 1, receipt, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 2, b.in.category, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 3, b.in.division, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 4, b.in.name, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 5, b.id, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 6, b.phone, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 7, b.text, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 8, b.in.outcome, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 9, filed, -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 10, filed, -1, SQLITE_STATIC);
		if (sqlite3_step(cs) != SQLITE_DONE)
			bench_die("case", sqlite3_errmsg(h));
		sqlite3_reset(cs);
		id = sqlite3_last_insert_rowid(h);
		sqlite3_bind_int64(ev, 1, ++last_event);
		sqlite3_bind_text(ev, 2, filed, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ev, 3, id);
		sqlite3_bind_text(ev, 4, hash, -1, SQLITE_STATIC);
		sqlite3_bind_text(ev, 5, hash, -1, SQLITE_STATIC);
		if (sqlite3_step(ev) != SQLITE_DONE)
			bench_die("event", sqlite3_errmsg(h));
		sqlite3_reset(ev);
		sqlite3_bind_int64(head, 1, last_event);
		sqlite3_bind_text(head, 2, hash, -1, SQLITE_STATIC);
		if (sqlite3_step(head) != SQLITE_DONE)
			bench_die("head", sqlite3_errmsg(h));
		sqlite3_reset(head);
		sqlite3_bind_text(tally, 1, b.in.category, -1, SQLITE_STATIC);
		sqlite3_bind_text(tally, 2, b.in.division, -1, SQLITE_STATIC);
		if (sqlite3_step(tally) != SQLITE_DONE)
			bench_die("tally", sqlite3_errmsg(h));
		sqlite3_reset(tally);
		if (sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			bench_die("commit", sqlite3_errmsg(h));
	}
	t0 = bench_now() - t0;
	sqlite3_finalize(seq);
	sqlite3_finalize(cs);
	sqlite3_finalize(ev);
	sqlite3_finalize(head);
	sqlite3_finalize(tally);
	db_close(db);
	return t0;
}

/* Alternate core and bare rounds so that a noisy neighbour hurts both. */
static int bench_filing(const char *dir, long n, long rounds, const char *only, int spread_out)
{
	char core_db[4096], bare_db[4096];
	double core = 0, bare = 0;

	snprintf(core_db, sizeof(core_db), "%s/core.db", dir);
	snprintf(bare_db, sizeof(bare_db), "%s/bare.db", dir);
	for (long r = 0; r < rounds; r++) {
		if (only) {
			/* One side alone, for strace or perf. */
			if (!strcmp(only, "core"))
				core += run_core(core_db, n, spread_out);
			else
				bare += run_bare(bare_db, n);
		} else if (r % 2) {
			bare += run_bare(bare_db, n);
			core += run_core(core_db, n, spread_out);
		} else {
			core += run_core(core_db, n, spread_out);
			bare += run_bare(bare_db, n);
		}
	}
	printf("filings=%ld\ncore_ms_per_filing=%.3f\nbare_ms_per_filing=%.3f\n", n * rounds,
	       core / (double)(n * rounds) * 1e3, bare / (double)(n * rounds) * 1e3);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "version")) {
		printf("sqlite=%s\n", sqlite3_libversion());
		return 0;
	}
	if (argc == 4 && !strcmp(argv[1], "fsync"))
		return bench_fsync(argv[2], strtol(argv[3], NULL, 10));
	if (argc >= 5 && argc <= 7 && !strcmp(argv[1], "filing"))
		return bench_filing(argv[2], strtol(argv[3], NULL, 10), strtol(argv[4], NULL, 10),
				    argc >= 6 ? argv[5] : NULL, argc == 7 && !strcmp(argv[6], "spread"));
	if (argc == 3 && !strcmp(argv[1], "init")) {
		db_close(bench_fresh_db(argv[2]));
		return 0;
	}
	if (argc == 6 && !strcmp(argv[1], "kiosks"))
		return bench_kiosks(argv[2], strtol(argv[3], NULL, 10), strtol(argv[4], NULL, 10),
				    argv[5], NULL, 0, 0);
	fprintf(stderr, "usage: file_bench version | fsync DIR N | filing DIR N ROUNDS [core|bare [spread]] | init DB |"
		" kiosks DB PROCS N OUT\n");
	return 2;
}
