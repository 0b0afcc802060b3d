/* Receipt lookup: grievance_get on random receipt numbers, the way the
 * kiosk's "check my case" and the desk's search call it.
 *
 *   lookup_bench DB N     N lookups of distinct random receipts, after N
 *                         others to warm the caches; prints the mean and the
 *                         median in microseconds.
 *
 *   lookup_bench DB N stats
 *                         N runs of stats_collect (jrc stats's figures, read
 *                         from the summary tables), after 3 to warm the
 *                         caches: the database work of one jrc stats, without
 *                         the process around it; prints the fastest and the
 *                         median in milliseconds.
 *   lookup_bench DB N board
 *                         N refreshes of the hall's board (board_gather:
 *                         the queue, today's figures, the leader days, what
 *                         a call makes it read), after N others, and N / 10
 *                         readings of its 90-day appraisal (read every few
 *                         minutes); prints means and medians in ms.
 *
 * DB is a file or a server's URI.  The receipts are picked by random id
 * beforehand, so the timed loop holds nothing but grievance_get. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_internal.h"
#include "jrc/board.h"
#include "jrc/db.h"
#include "jrc/grievance.h"
#include "jrc/receipt.h"
#include "jrc/stats.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int bench_stats(jrc_db *db, long n)
{
	jrc_err err = { 0 };
	jrc_stats st;
	double *t = calloc((size_t)n, sizeof(*t));

	if (!t)
		return 1;
	for (long i = -3; i < n; i++) {
		double t0 = now_s();

		if (stats_collect(db, NULL, NULL, &st, &err) != JRC_OK) {
			fprintf(stderr, "lookup_bench: %s\n", err.msg);
			return 1;
		}
		if (i >= 0)
			t[i] = now_s() - t0;
		stats_free(&st);
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	printf("stats_min_ms=%.3f\nstats_median_ms=%.3f\n", t[0] * 1e3, t[n / 2] * 1e3);
	free(t);
	db_close(db);
	return 0;
}

/* The median of n timings (sorts t), in ms. */
static double median_ms(double *t, long n)
{
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	return t[n / 2] * 1e3;
}

static int board_bench(jrc_db *db, long n)
{
	board_data *d = calloc(1, sizeof(*d));
	long na = n / 10 > 0 ? n / 10 : 1;
	double *t = malloc((size_t)n * sizeof(*t)), sum = 0, asum = 0, amed;
	jrc_err err = { 0 };

	if (!d || !t)
		return 1;
	for (long i = 0; i < n; i++)
		if (board_gather(db, d, &err) != JRC_OK ||
		    (i < na && board_gather_appraisal(db, d, &err) != JRC_OK)) {
			fprintf(stderr, "lookup_bench: %s\n", err.msg);
			return 1;
		}
	for (long i = 0; i < na; i++) {
		double t0 = now_s();

		board_gather_appraisal(db, d, &err);
		t[i] = now_s() - t0;
		asum += t[i];
	}
	amed = median_ms(t, na);
	for (long i = 0; i < n; i++) {
		double t0 = now_s();

		board_gather(db, d, &err);
		t[i] = now_s() - t0;
		sum += t[i];
	}
	printf("cases=%ld\nrefreshes=%ld\ndepartments=%d\nboard_mean_ms=%.3f\nboard_median_ms=%.3f\n"
	       "appraisal_mean_ms=%.3f\nappraisal_median_ms=%.3f\n",
	       db_count(db, "cases"), n, d->ndepts, sum / (double)n * 1e3, median_ms(t, n),
	       asum / (double)na * 1e3, amed);
	free(d);
	free(t);
	db_close(db);
	return 0;
}

int main(int argc, char **argv)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_case c;
	db_stmt *st;
	long n, total, found = 0;
	char (*receipts)[JRC_RECEIPT_MAX];
	double *t, sum = 0;
	unsigned seed = 12345;

	if (argc < 3 || argc > 4 || (n = strtol(argv[2], NULL, 10)) < 1 ||
	    (argc == 4 && strcmp(argv[3], "board") != 0 && strcmp(argv[3], "stats") != 0)) {
		fprintf(stderr, "usage: lookup_bench DB N [board|stats]\n");
		return 2;
	}
	if (db_open(argv[1], JRC_DB_READONLY, &db, &err) != JRC_OK) {
		fprintf(stderr, "lookup_bench: %s\n", err.msg);
		return 1;
	}
	if (argc == 4)
		return strcmp(argv[3], "board") == 0 ? board_bench(db, n) : bench_stats(db, n);
	total = db_count(db, "cases");
	receipts = malloc((size_t)(2 * n) * sizeof(*receipts));
	t = malloc((size_t)n * sizeof(*t));
	if (!receipts || !t || total < 1 ||
	    db_prepare(db, "SELECT receipt FROM cases WHERE id = ?", &st, &err) != JRC_OK) {
		fprintf(stderr, "lookup_bench: no cases or out of memory\n");
		return 1;
	}
	for (long i = 0; i < 2 * n; i++) {
		db_bind_int64(st, 1, 1 + (long)(rand_r(&seed) % total));
		if (db_step(db, st) == DB_ROW)
			snprintf(receipts[i], JRC_RECEIPT_MAX, "%s", db_col_text(st, 0));
		db_reset(st);
	}
	db_finalize(st);
	/* The first half warms the caches as a running hall would have them. */
	for (long i = 0; i < n; i++) {
		if (grievance_get(db, receipts[i], &c, &err) == JRC_OK)
			grievance_case_free(&c);
	}
	for (long i = 0; i < n; i++) {
		double t0 = now_s();
		jrc_status s = grievance_get(db, receipts[n + i], &c, &err);

		t[i] = now_s() - t0;
		sum += t[i];
		if (s == JRC_OK) {
			found++;
			grievance_case_free(&c);
		}
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	printf("cases=%ld\nlookups=%ld\nfound=%ld\nlookup_mean_us=%.2f\nlookup_median_us=%.2f\n",
	       total, n, found, sum / (double)n * 1e6, t[n / 2] * 1e6);
	free(receipts);
	free(t);
	db_close(db);
	return found == n ? 0 : 1;
}
