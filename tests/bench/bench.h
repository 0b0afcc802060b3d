/* What the filing benchmarks (file_bench, pg_bench) share: a citizen's
 * intake, a little different each time as at a real kiosk, and kiosks
 * filing at once in processes of their own. */
#ifndef JRC_BENCH_H
#define JRC_BENCH_H

#include "jrc/db.h"
#include "jrc/grievance.h"

typedef struct intake_buf {
	char id[19], phone[24], text[512];
	jrc_intake in;
} intake_buf;

/* Where the filings go: NULL, five categories in four places, so that
 * every place and category passes the early-warning thresholds within
 * the first hundred filings (from then on each filing joins two open
 * alerts); or spread, every category over every village, as an ordinary
 * day in a county is (no rule is met in the first thousands). */
typedef struct spread {
	char cat[64][8], div[128][16];
	size_t ncat, ndiv;
} spread;

/* Filing number i of a run. */
void make_intake(intake_buf *b, unsigned long i, const spread *sp);

/* The categories and villages of the reference data in db, on either
 * engine; exits with a sentence when there are none. */
void load_spread(jrc_db *db, spread *sp);

/* A new database at path (a file, or an empty database on a server) with
 * the reference data of $JRC_DATA; exits with a sentence on failure. */
jrc_db *bench_fresh_db(const char *path);

/* Print "bench: what: why" and exit 1. */
void bench_die(const char *what, const char *why);

/* The seconds of a monotonic clock. */
double bench_now(void);
/* This process's own CPU time in seconds: the client's side of the work,
 * apart from its waits (for a server, say). */
double bench_cpu_now(void);

/* procs processes at once, process p running run(p, arg) (its exit
 * status: 0 when all went well), each filing n cases.  Prints procs,
 * filings, wall_s, per_s and failed_procs; returns the failed count. */
int bench_procs(long procs, long n, int (*run)(long p, void *arg), void *arg);

/* procs processes, each a kiosk filing n cases through grievance_file
 * into db (a file or a server's URI), receipts one a line in OUT.<i>
 * (ERROR lines for failures); kiosk i at sites[i % nsites] when sites is
 * given, else at the database's site; spread: over every category and
 * village.  Prints procs, filings, wall_s, per_s and failed_procs. */
int bench_kiosks(const char *db, long procs, long n, const char *out,
		 char (*sites)[8], long nsites, int spread);

#endif
