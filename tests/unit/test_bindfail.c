/* A text that cannot be bound, on purpose.  This program is linked with
 * -Wl,--wrap=sqlite3_bind_text, so every text the core binds goes through
 * the counter below; an operation is run again and again with the 1st,
 * 2nd, 3rd ... bind refused (SQLITE_TOOBIG, as sqlite answers a text over
 * its length limit) until it meets no more binds.  Each run that met a
 * refused bind must fail and change nothing: never succeed with the
 * parameter silently left NULL (a move recorded without its answer, a
 * search that "finds nothing", a lookup that counts no try). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "testdb.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/lookup.h"

int __real_sqlite3_bind_text(sqlite3_stmt *st, int i, const char *s, int n, void (*d)(void *));
int __wrap_sqlite3_bind_text(sqlite3_stmt *st, int i, const char *s, int n, void (*d)(void *));

static long fail_at, count;  /* fail_at 0: never */
static int failed;

int __wrap_sqlite3_bind_text(sqlite3_stmt *st, int i, const char *s, int n, void (*d)(void *))
{
	if (fail_at && ++count == fail_at) {
		failed = 1;
		if (getenv("BINDFAIL_DEBUG"))
			printf("# refused in: %s\n", sqlite3_sql(st));
		return SQLITE_TOOBIG;
	}
	return __real_sqlite3_bind_text(st, i, s, n, d);
}

static jrc_db *db;
static jrc_intake in;

/* What every write leaves: a change shows in one of these. */
static long footprint(void)
{
	return db_count(db, "events") + db_count(db, "cases") + db_count(db, "lifecycle_steps") +
	       db_count(db, "verdicts") + db_count(db, "lookup_attempts");
}

/* A case filed and moved as far as `to`, outside any injection. */
static int prepare(jrc_state to, char receipt[32], char code[8])
{
	jrc_case c;
	jrc_err err = { 0 };
	jrc_move mv = { .actor = "staff:S001", .role = JRC_ROLE_SUPERVISOR };

	if (grievance_file(db, &in, &c, &err) != JRC_OK)
		return -1;
	snprintf(receipt, 32, "%s", c.receipt);
	snprintf(code, 8, "%s", c.query_code);
	grievance_case_free(&c);
	if (to == JRC_ST_REGISTERED)
		return 0;
	mv.to = JRC_ST_ACCEPTED;
	if (lifecycle_move(db, receipt, &mv, NULL, &err) != JRC_OK)
		return -1;
	if (to == JRC_ST_ACCEPTED)
		return 0;
	mv.to = JRC_ST_ANSWERED;
	mv.answer = "已责令包工头在月底前付清工资。";
	return lifecycle_move(db, receipt, &mv, NULL, &err) == JRC_OK ? 0 : -1;
}

typedef jrc_status (*op_fn)(const char *receipt, const char *code);

/* Five wrong codes, each run from its own terminal: the number is locked. */
static int lock_it(const char *receipt, const char *code)
{
	static int terminal;
	char source[32], wrong[8];
	jrc_lookup_info info;
	jrc_err err = { 0 };

	snprintf(source, sizeof(source), "kiosk:lock-%d", ++terminal);
	snprintf(wrong, sizeof(wrong), "%06d", (atoi(code) + 1) % 1000000);
	for (int i = 0; i < JRC_LOOKUP_MAX_FAILS; i++)
		if (lookup_verify(db, receipt, JRC_PROOF_CODE, wrong, source, NULL, &info, &err) ==
		    JRC_OK)
			return -1;
	return 0;
}

static jrc_status op_file(const char *receipt, const char *code)
{
	jrc_case c;
	jrc_err err = { 0 };
	jrc_status s = grievance_file(db, &in, &c, &err);

	(void)receipt, (void)code;
	if (s == JRC_OK)
		grievance_case_free(&c);
	return s;
}

static jrc_status op_answer(const char *receipt, const char *code)
{
	jrc_err err = { 0 };
	jrc_move mv = { .to = JRC_ST_ANSWERED, .actor = "staff:S001", .role = JRC_ROLE_SUPERVISOR,
			.answer = "工资已于本月全部付清。" };

	(void)code;
	return lifecycle_move(db, receipt, &mv, NULL, &err);
}

static jrc_status op_feedback(const char *receipt, const char *code)
{
	jrc_err err = { 0 };
	jrc_feedback fb = { .verdict = JRC_VERDICT_UNSATISFIED, .comment = "只付了一半",
			    .request_review = 1 };

	(void)code;
	return lifecycle_feedback(db, receipt, &fb, NULL, &err);
}

static jrc_status op_lookup(const char *receipt, const char *code)
{
	jrc_progress p;
	jrc_lookup_info info;
	jrc_err err = { 0 };
	jrc_status s = lookup_progress(db, receipt, JRC_PROOF_CODE, code, "kiosk:test", &p, &info,
				       &err);

	if (s == JRC_OK)
		lookup_progress_free(&p);
	return s;
}

static jrc_status op_unlock(const char *receipt, const char *code)
{
	jrc_err err = { 0 };

	(void)code;
	return lookup_unlock(db, receipt, "staff:S001", &err);
}

static jrc_status op_search(const char *receipt, const char *code)
{
	jrc_case *c = NULL;
	size_t n = 0;
	jrc_err err = { 0 };
	jrc_case_filter f = { .search = receipt, .department = "RSJ" };
	jrc_status s = grievance_list(db, &f, &c, &n, &err);

	(void)code;
	if (s == JRC_OK && n != 1)
		s = JRC_E_NOT_FOUND;   /* a search that lost its words */
	grievance_cases_free(c, n);
	return s;
}

static void run(const char *name, op_fn op, jrc_state from,
		int (*setup)(const char *receipt, const char *code))
{
	char receipt[32], code[8];
	long at, refused = 0, before;
	int wrong = 0;
	jrc_status s;

	for (at = 1; at < 1000; at++) {
		if (prepare(from, receipt, code) != 0 || (setup && setup(receipt, code) != 0)) {
			printf("Bail out! cannot prepare a case for %s\n", name);
			exit(1);
		}
		before = footprint();
		fail_at = at;
		count = 0;
		failed = 0;
		s = op(receipt, code);
		fail_at = 0;
		if (!failed) {
			if (s != JRC_OK) {
				printf("# %s fails with every bind made (%d)\n", name, (int)s);
				wrong = 1;
			}
			break;   /* every bind succeeded: all points tried */
		}
		refused++;
		if (s == JRC_OK || footprint() != before) {
			printf("# %s: with bind %ld refused it %s\n", name, at,
			       s == JRC_OK ? "claimed success" : "failed but changed the database");
			wrong = 1;
			break;
		}
	}
	ok(!wrong && refused > 0, "%s: each of its %ld text binds refused in turn makes it fail "
	   "and change nothing", name, refused);
}

int main(void)
{
	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = testdb_open();
	in.category = "LAB";
	in.division = "330726100201";
	in.name = "张三";
	in.id_number = "11010519491231002X";
	in.phone = "13812345678";
	in.text = "老板拖欠工资三个月。";
	in.outcome = "要回工资。";

	run("grievance_file", op_file, JRC_ST_REGISTERED, NULL);
	run("lifecycle_move with an answer", op_answer, JRC_ST_ACCEPTED, NULL);
	run("lifecycle_feedback asking for review", op_feedback, JRC_ST_ANSWERED, NULL);
	run("lookup_progress with the query code", op_lookup, JRC_ST_ANSWERED, NULL);
	run("lookup_unlock of a locked number", op_unlock, JRC_ST_REGISTERED, lock_it);
	run("grievance_list searching a receipt", op_search, JRC_ST_REGISTERED, NULL);
	db_close(db);
	return done();
}
