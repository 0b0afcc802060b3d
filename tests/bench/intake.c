/* The intake the filing benchmarks file (see intake.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "intake.h"
#include "jrc/refdata.h"
#include "jrc/validate.h"

void bench_die(const char *what, const char *why)
{
	fprintf(stderr, "bench: %s: %s\n", what, why);
	exit(1);
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
	return db;
}
