/* phrases: the phrase builder's blanks and the shipped sentences. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/phrases.h"
#include "jrc/refdata.h"
#include "tap.h"
#include "testdb.h"

static void test_fill(void)
{
	char out[256];
	const char *one[] = { "3" }, *two[] = { "2026", "5" }, *bad[] = { "3a" }, *empty[] = { "" };

	is_int(phrase_blanks("已经拖欠工资 ___ 个月了。"), 1, "one blank");
	is_int(phrase_blanks("从 ___ 年 ___ 月开始"), 2, "two blanks");
	is_int(phrase_blanks("没有空"), 0, "no blank");
	is_int(phrase_blanks("a _____ b"), 1, "a longer run of underscores is one blank");
	is_int(phrase_fill("已经拖欠工资 ___ 个月了。", one, 1, out, sizeof(out)), 0, "fill one");
	is_str(out, "已经拖欠工资3个月了。", "no spaces between digits and Chinese");
	is_int(phrase_fill("从 ___ 年 ___ 月开始", two, 2, out, sizeof(out)), 0, "fill two");
	is_str(out, "从2026年5月开始", "in order");
	is_int(phrase_fill("The wages have been owed for ___ months.", one, 1, out, sizeof(out)), 0,
	       "fill English");
	is_str(out, "The wages have been owed for 3 months.", "English keeps its spaces");
	is_int(phrase_fill("___ 个工友", one, 1, out, sizeof(out)), 0, "a blank first");
	is_str(out, "3个工友", "a blank first: no space after");
	is_int(phrase_fill("拖欠 ___ 个月", bad, 1, out, sizeof(out)), -1, "only digits fill a blank");
	is_int(phrase_fill("拖欠 ___ 个月", empty, 1, out, sizeof(out)), -1, "an empty fill is refused");
	is_int(phrase_fill("从 ___ 年 ___ 月", one, 1, out, sizeof(out)), -1, "a missing fill is refused");
	is_int(phrase_fill("拖欠 ___ 个月", one, 1, out, 5), -1, "too small an out");
	ok(phrase_kind_valid("want") && !phrase_kind_valid("wish"), "the six kinds");
}

/* Every category has at least 12 sentences in the shipped file, of all
 * six kinds, in both languages. */
static void test_shipped(void)
{
	jrc_db *db = testdb_open();
	jrc_category *cats = NULL;
	size_t nc = 0, all12 = 1, allkinds = 1;
	static const char *const kinds[] = { "what", "who", "when", "amount", "tried", "want" };

	if (!db) {
		ok(0, "a database with the shipped data");
		return;
	}
	is_int(refdata_categories(db, &cats, &nc, NULL), JRC_OK, "categories");
	for (size_t i = 0; i < nc; i++) {
		jrc_phrase *p = NULL;
		size_t n = 0;

		if (phrases_for(db, cats[i].code, &p, &n, NULL) != JRC_OK || n < 12) {
			all12 = 0;
			printf("# %s: %zu sentences", cats[i].code, n);
		}
		for (size_t k = 0; k < 6; k++) {
			int found = 0;

			for (size_t j = 0; j < n; j++)
				found |= strcmp(p[j].kind, kinds[k]) == 0;
			if (!found) {
				allkinds = 0;
				printf("# %s: no sentence of kind %s", cats[i].code, kinds[k]);
			}
		}
		free(p);
	}
	ok(nc >= 14, "the categories are there");
	ok(all12, "every category has at least 12 sentences");
	ok(allkinds, "covering what, who, when, amount, tried and want");
	free(cats);
	db_close(db);
}

int main(void)
{
	test_fill();
	test_shipped();
	return done();
}
