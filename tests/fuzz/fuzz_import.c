/* libFuzzer: the whole reference-data importer on a folder of CSV files.
 * The input is the files' contents separated by NUL bytes, in the order
 * below.  An import either succeeds or fails with "FILE:LINE: ..." and
 * leaves the database exactly as it was. */
#include "fuzz.h"

#include <sys/stat.h>
#include <unistd.h>

#include "jrc/db.h"
#include "jrc/ledger_key.h"
#include "jrc/refdata.h"

static const char *const names[] = {
	"categories.csv", "departments.csv", "divisions.csv", "routing.csv",
	"holidays.csv", "roster.csv", "schedule.csv"
};
enum { NFILES = sizeof(names) / sizeof(names[0]) };

static char dir[256];

static void put(const char *name, const uint8_t *p, size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (n && fwrite(p, 1, n, f) != n)
		abort();
	fclose(f);
}

static long rows(jrc_db *db)
{
	static const char *const tables[] = {
		"categories", "departments", "divisions", "routing", "holidays", "events"
	};
	long sum = 0;

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		long n = db_count(db, tables[i]);

		sum = sum * 1000 + (n < 0 ? 0 : n);
	}
	return sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dbpath[512], path[512];
	const uint8_t *p = data, *end = data + size;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_status s;
	long before;

	if (!*dir) {
		/* tmpfs when there is one: the database syncs on every commit. */
		const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

		snprintf(dir, sizeof(dir), "%s/jrc-fuzz-import.%ld", base, (long)getpid());
		if (mkdir(dir, 0700) != 0)
			abort();
		/* The import is an event: a ledger key of the fuzzer's own. */
		{
			int created;

			snprintf(path, sizeof(path), "%s/ledger.key", dir);
			setenv("JRC_LEDGER_KEY", path, 1);
			if (ledger_key_create(path, 0, &created, &err) != JRC_OK)
				abort();
		}
	}
	for (size_t i = 0; i < NFILES; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	for (size_t i = 0; i < NFILES && p <= end; i++) {
		const uint8_t *nul = memchr(p, '\0', (size_t)(end - p));
		size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);

		put(names[i], p, n);
		if (!nul)
			break;
		p = nul + 1;
	}
	snprintf(dbpath, sizeof(dbpath), "%s/jrc.db", dir);
	if (db_open(dbpath, JRC_DB_CREATE | JRC_DB_FORCE, &db, &err) != JRC_OK) {
		fprintf(stderr, "db_open: %s\n", err.msg);
		abort();
	}
	before = rows(db);
	s = refdata_import_dir(db, dir, "fuzz", &err);
	if (s == JRC_OK) {
		FZ_ASSERT(rows(db) != before);
		/* Importing the same files again changes nothing but the log. */
		s = refdata_import_dir(db, dir, "fuzz", &err);
		FZ_ASSERT(s == JRC_OK);
	} else {
		FZ_ASSERT(s == JRC_E_DATA || s == JRC_E_NOMEM);
		FZ_ASSERT(err.msg[0] && strstr(err.msg, ".csv"));
		FZ_ASSERT(fz_utf8_ok(err.msg, strlen(err.msg)) || !fz_utf8_ok((const char *)data, size));
		FZ_ASSERT(rows(db) == before);
	}
	db_close(db);
	return 0;
}
