/* Out of memory, on purpose.  This program is linked with
 * -Wl,--wrap=malloc,calloc,realloc,strdup,strndup, so every allocation the
 * core makes goes through the counters below; an operation is run again
 * and again with the 1st, 2nd, 3rd ... allocation failing until it no
 * longer meets one.  Each run must end in JRC_E_NOMEM (or the function's
 * "no memory" answer) or in success: never a crash, never a wrong result
 * that claims success, and (under ASan) never a leak.  This runs the
 * out-of-memory branches a healthy machine never takes. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "testdb.h"
#include "jrc/escpos.h"
#include "jrc/grievance.h"
#include "jrc/receipt_doc.h"
#include "jrc/stats.h"
#include "jrc/text.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static long fail_at, count;  /* fail_at 0: never */
static int failed;

static int fail_now(void)
{
	if (fail_at && ++count == fail_at) {
		failed = 1;
		return 1;
	}
	return 0;
}

void *__wrap_malloc(size_t n) { return fail_now() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return fail_now() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return fail_now() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return fail_now() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return fail_now() ? NULL : __real_strndup(s, n); }

static jrc_db *db;
static char receipt[32];

typedef int (*op_fn)(void);   /* 0 done, 1 said "no memory", -1 wrong */

static int op_list(void)
{
	jrc_case *c;
	size_t n;
	jrc_err err = { 0 };
	jrc_case_filter f = { 0 };
	jrc_status s = grievance_list(db, &f, &c, &n, &err);

	if (s == JRC_E_NOMEM)
		return c == NULL && n == 0 ? 1 : -1;
	if (s != JRC_OK || n != 3)
		return -1;
	grievance_cases_free(c, n);
	return 0;
}

static int op_get(void)
{
	jrc_case c;
	jrc_err err = { 0 };
	jrc_status s = grievance_get(db, receipt, &c, &err);

	if (s == JRC_E_NOMEM)
		return 1;
	if (s != JRC_OK || strcmp(c.receipt, receipt) != 0)
		return -1;
	grievance_case_free(&c);
	return 0;
}

static jrc_bytes ref;

static int op_receipt(void)
{
	jrc_doc doc;
	jrc_err err = { 0 };
	jrc_bytes b = { 0 };
	jrc_escpos_opts o = { .paper = 58, .encoding = JRC_ENC_GB18030, .cut = JRC_CUT_PARTIAL };
	jrc_status s = receipt_doc_load(db, receipt, 32, JRC_DOC_ZH_EN, &doc, &err);

	if (s == JRC_E_NOMEM)
		return 1;
	if (s != JRC_OK)
		return -1;
	s = escpos_encode(&doc, &o, &b, &err);
	doc_free(&doc);
	if (s == JRC_OK && !ref.data && !fail_at) {
		ref = b;           /* the receipt with memory: the reference */
		return 0;
	}
	/* Success under a failed allocation must be the same receipt. */
	if (s == JRC_OK && ref.data && (b.len != ref.len || memcmp(b.data, ref.data, b.len))) {
		printf("# allocation %ld failed, the receipt came out different (%zu bytes, not %zu)\n",
		       fail_at, b.len, ref.len);
		s = JRC_E_IO;
	}
	bytes_free(&b);
	return s == JRC_E_NOMEM ? 1 : s == JRC_OK ? 0 : -1;
}

static int op_stats(void)
{
	jrc_stats st;
	jrc_err err = { 0 };
	jrc_status s = stats_collect(db, NULL, NULL, &st, &err);

	if (s == JRC_E_NOMEM)
		return 1;
	if (s != JRC_OK || st.total != 3)
		return -1;
	stats_free(&st);
	return 0;
}

static int op_categories(void)
{
	jrc_category *c;
	size_t n;
	jrc_err err = { 0 };
	jrc_status s = refdata_categories(db, &c, &n, &err);

	if (s == JRC_E_NOMEM)
		return 1;
	if (s != JRC_OK || n == 0)
		return -1;
	free(c);
	return 0;
}

static int op_text(void)
{
	const char *in = "老板拖欠工资三个月，\x1b[31m我们一共十二个人。 Wages unpaid since August.";
	char *clean = text_sanitize(in, 1);
	size_t *st, *ln, n;

	if (!clean)
		return 1;
	n = text_wrap(clean, 10, &st, &ln);
	free(clean);
	if (n == 0)
		return st == NULL ? 1 : -1;
	free(st);
	free(ln);
	return 0;
}

static void run(const char *name, op_fn op)
{
	long at, nomem = 0;
	int r, wrong = 0;

	for (at = 1; at < 100000; at++) {
		fail_at = at;
		count = 0;
		failed = 0;
		r = op();
		fail_at = 0;
		if (r < 0 || (r == 1 && !failed)) {
			wrong = 1;
			break;
		}
		if (r == 1)
			nomem++;
		if (!failed)
			break;   /* every allocation succeeded: all points tried */
		/* A failure inside may have been handled without noticing it
		 * (an optional buffer): success is fine too. */
	}
	ok(!wrong, "%s: with each of its allocations failing in turn, it says 'no memory' or "
	   "succeeds (%ld allocations, %ld 'no memory')", name, at - 1, nomem);
	ok(op() == 0, "%s: and then works with memory", name);
}

int main(void)
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = testdb_open();
	in.category = "LAB";
	in.division = "330726100201";
	in.name = "张三";
	in.id_number = "11010519491231002X";
	in.phone = "13812345678";
	in.text = "老板拖欠工资三个月。";
	for (int i = 0; i < 3; i++) {
		if (grievance_file(db, &in, &c, &err) != JRC_OK) {
			printf("Bail out! cannot file: %s\n", err.msg);
			return 1;
		}
		snprintf(receipt, sizeof(receipt), "%s", c.receipt);
		grievance_case_free(&c);
	}
	run("grievance_list", op_list);
	run("grievance_get", op_get);
	op_receipt();
	run("the receipt (load, lay out, ESC/POS)", op_receipt);
	bytes_free(&ref);
	run("stats_collect", op_stats);
	run("refdata_categories", op_categories);
	run("text_sanitize and text_wrap", op_text);
	db_close(db);
	return done();
}
