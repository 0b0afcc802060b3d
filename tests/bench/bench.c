/* What the filing benchmarks share (see bench.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "db_internal.h"
#include "jrc/clock.h"
#include "jrc/refdata.h"
#include "jrc/validate.h"

void bench_die(const char *what, const char *why)
{
	fprintf(stderr, "bench: %s: %s\n", what, why);
	exit(1);
}

static double seconds_on(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double bench_now(void)
{
	return seconds_on(CLOCK_MONOTONIC);
}

double bench_cpu_now(void)
{
	return seconds_on(CLOCK_PROCESS_CPUTIME_ID);
}

void make_intake(intake_buf *b, unsigned long i, const spread *sp)
{
	static const char *const cats[] = { "LAB", "LAN", "NEI", "SOC", "HOU" };
	static const char *const divs[] = { "330726100", "330726001", "330726100201", "330726101" };
	char d17[18];

	snprintf(d17, sizeof(d17), "330726%04lu%02lu%02lu%03lu", 1940 + i % 60, 1 + i % 12,
		 1 + i % 28, i % 1000);
	snprintf(b->id, sizeof(b->id), "%s%c", d17, validate_id_check_char(d17));
	snprintf(b->phone, sizeof(b->phone), "139%08lu", i % 100000000);
	snprintf(b->text, sizeof(b->text),
		 "包工头拖欠我的工资已经三个月了，一共八千多元，多次讨要都说下个月再给。"
		 "我是去年三月开始在这里干活的，有记工本可以作证。第 %lu 件。", i);
	memset(&b->in, 0, sizeof(b->in));
	b->in.category = sp ? sp->cat[i % sp->ncat] : cats[i % 5];
	b->in.division = sp ? sp->div[(i * 7919) % sp->ndiv] : divs[i % 4];
	b->in.name = "李四";
	b->in.id_number = b->id;
	b->in.phone = b->phone;
	b->in.text = b->text;
	b->in.outcome = "希望尽快把工资发给我。";
	b->in.channel = "kiosk";
}

/* Up to max codes of one query into rows of width w. */
static size_t codes(jrc_db *db, const char *sql, char *rows, size_t w, size_t max)
{
	db_stmt *st;
	jrc_err err = { 0 };
	size_t n = 0;

	if (db_prepare(db, sql, &st, &err) != JRC_OK)
		bench_die("reference data", err.msg);
	while (n < max && db_step(db, st) == DB_ROW)
		snprintf(rows + n++ * w, w, "%s", db_col_text(st, 0));
	db_finalize(st);
	return n;
}

void load_spread(jrc_db *db, spread *sp)
{
	memset(sp, 0, sizeof(*sp));
	sp->ncat = codes(db, "SELECT code FROM categories ORDER BY code", sp->cat[0],
			 sizeof(sp->cat[0]), 64);
	sp->ndiv = codes(db, "SELECT code FROM divisions WHERE level = 'village' ORDER BY code",
			 sp->div[0], sizeof(sp->div[0]), 128);
	if (!sp->ncat || !sp->ndiv)
		bench_die("spread", "no categories or villages in the reference data");
}

/* Days counted in the database's timezone, as jrc's own commands count
 * them (cli_open_db): a filing's day figures and receipt number then
 * agree with what jrc verify recounts, whatever the machine's zone. */
static void bench_timezone(jrc_db *db)
{
	jrc_err err = { 0 };
	char tz[64];

	if (db_setting_get(db, "timezone", NULL, tz, sizeof(tz), &err) != JRC_OK)
		bench_die("timezone", err.msg);
	if (clock_use_timezone(tz) != JRC_OK)
		bench_die("timezone", tz);
}

jrc_db *bench_fresh_db(const char *path)
{
	jrc_db *db;
	jrc_err err = { 0 };
	const char *data = getenv("JRC_DATA");

	if (!data)
		bench_die("JRC_DATA", "not set");
	if (db_open(path, JRC_DB_CREATE | JRC_DB_FORCE, &db, &err) != JRC_OK)
		bench_die(path, err.msg);
	if (refdata_import_dir(db, data, "bench", &err) != JRC_OK)
		bench_die(data, err.msg);
	bench_timezone(db);
	return db;
}

/* One kiosk: n filings, each receipt number on its own line in out. */
static int kiosk(const char *path, const char *site, long n, long base, const char *out,
		 int spread_out)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_case c;
	intake_buf b;
	spread sp;
	FILE *f = fopen(out, "w");
	long errors = 0;

	if (!f)
		bench_die(out, strerror(errno));
	if (db_open(path, 0, &db, &err) != JRC_OK)
		bench_die(path, err.msg);
	bench_timezone(db);
	if (spread_out)
		load_spread(db, &sp);
	for (long i = 0; i < n; i++) {
		make_intake(&b, (unsigned long)(base + i), spread_out ? &sp : NULL);
		b.in.site = site;
		if (grievance_file(db, &b.in, &c, &err) != JRC_OK) {
			fprintf(f, "ERROR %s\n", err.msg);
			errors++;
			continue;
		}
		fprintf(f, "%s\n", c.receipt);
		grievance_case_free(&c);
	}
	db_close(db);
	fclose(f);
	return errors ? 1 : 0;
}

int bench_procs(long procs, long n, int (*run)(long p, void *arg), void *arg)
{
	double t0;
	int failed = 0, st;
	pid_t *pids = calloc((size_t)procs, sizeof(*pids));

	if (!pids)
		bench_die("processes", "out of memory");
	fflush(stdout);
	t0 = bench_now();
	for (long p = 0; p < procs; p++) {
		pids[p] = fork();
		if (pids[p] < 0)
			bench_die("fork", strerror(errno));
		if (pids[p] == 0)
			_exit(run(p, arg));
	}
	for (long p = 0; p < procs; p++)
		if (waitpid(pids[p], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			failed++;
	t0 = bench_now() - t0;
	printf("procs=%ld\nfilings=%ld\nwall_s=%.3f\nper_s=%.1f\nfailed_procs=%d\n", procs,
	       procs * n, t0, (double)(procs * n) / t0, failed);
	free(pids);
	return failed;
}

struct kiosks_arg {
	const char *db, *out;
	char (*sites)[8];
	long nsites, n;
	int spread_out;
};

static int one_kiosk(long p, void *arg)
{
	const struct kiosks_arg *k = arg;
	char file[4096];

	snprintf(file, sizeof(file), "%s.%ld", k->out, p);
	return kiosk(k->db, k->sites ? k->sites[p % k->nsites] : NULL, k->n, p * k->n, file,
		     k->spread_out);
}

int bench_kiosks(const char *db, long procs, long n, const char *out, char (*sites)[8],
		 long nsites, int spread_out)
{
	struct kiosks_arg k = { db, out, sites, nsites, n, spread_out };

	bench_procs(procs, n, one_kiosk, &k);
	return 0;
}
