/* The review request slip: refused before a review is asked for; laid out
 * with the receipt number and the answer's due date; printed to a file
 * with a "slip_printed" event, to a printer that refuses with a sentence
 * and a "slip_print_failed" event; "none" prints nothing. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_internal.h"
#include "tap.h"
#include "testdb.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/print.h"
#include "jrc/slip.h"
#include "jrc/text.h"

static jrc_db *db;

static jrc_status to(const char *receipt, jrc_state st, jrc_err *err)
{
	jrc_move mv = { 0 };

	mv.to = st;
	mv.answer = "书面答复";
	mv.actor = "staff:t1";
	mv.role = JRC_ROLE_SUPERVISOR;
	return lifecycle_move(db, receipt, &mv, NULL, err);
}

static int has_line(const jrc_doc *d, const char *needle)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->lines[i].text && strstr(d->lines[i].text, needle))
			return 1;
	return 0;
}

static long events(const char *kind)
{
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_prepare_v2(db_handle(db), "SELECT count(*) FROM events WHERE kind = ?", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

int main(void)
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };
	jrc_doc doc;
	char path[300], uri[320];
	int printed = -1;
	FILE *f;
	long size = 0;

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = testdb_open();
	in.category = "LAB";
	in.division = "330726100";
	in.anonymous = 1;
	in.text = "老板拖欠工资三个月。";
	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("Bail out! cannot file: %s\n", err.msg);
		return 1;
	}
	is_int(slip_review_doc(db, c.receipt, 32, &doc, &err), JRC_E_REFUSED,
	       "no slip before a review is asked for");
	ok(err.msg[0] != '\0', "with a sentence: %s", err.msg);
	to(c.receipt, JRC_ST_ACCEPTED, &err);
	to(c.receipt, JRC_ST_ANSWERED, &err);
	setenv("JRC_NOW", "2026-12-01T10:00:00+08:00", 1);
	is_int(to(c.receipt, JRC_ST_REVIEW_REQUESTED, &err), JRC_OK, "a review is asked for on 1 Dec");

	is_int(slip_review_doc(db, c.receipt, 32, &doc, &err), JRC_OK, "the slip is laid out");
	ok(has_line(&doc, c.receipt), "with the receipt number");
	ok(has_line(&doc, "复查申请回执"), "titled as a review request");
	ok(has_line(&doc, "2026-12-31"), "with the day the review answer is due (30 days)");
	for (size_t i = 0; i < doc.n; i++)
		if (doc.lines[i].kind == JRC_DOC_TEXT &&
		    text_print_width(doc.lines[i].text) * (doc.lines[i].style & JRC_DOC_WIDE ? 2 : 1) > 32)
			ok(0, "line %zu is wider than 58 mm paper: %s", i, doc.lines[i].text);
	doc_free(&doc);

	snprintf(path, sizeof(path), "%s.slip", testdb_path);
	snprintf(uri, sizeof(uri), "file:%s", path);
	unlink(path);
	is_int(slip_review_print(db, c.receipt, uri, "kiosk", &printed, &err), JRC_OK, "printed to a file");
	is_int(printed, 1, "and says it went out");
	if ((f = fopen(path, "rb"))) {
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fclose(f);
	}
	ok(size > 100, "the file holds the ESC/POS slip (%ld bytes)", size);
	unlink(path);
	is_int(events("slip_printed"), 1, "a slip_printed event");

	jrc_err_clear(&err);
	is_int(slip_review_print(db, c.receipt, "tcp://127.0.0.1:1", "staff:D007", &printed, &err),
	       JRC_E_PRINTER, "a printer that refuses is JRC_E_PRINTER");
	ok(err.msg[0] != '\0', "with a sentence: %s", err.msg);
	is_int(printed, 0, "nothing went out");
	is_int(events("slip_print_failed"), 1, "a slip_print_failed event for staff");
	/* The failed slip is a failed print like a receipt's: listed for staff
	 * (jrc print --failed, the desk), by the one who asked. */
	{
		jrc_print_job *jobs = NULL, last;
		size_t n = 0;

		is_int(print_failed(db, &jobs, &n, &err), JRC_OK, "the failed prints");
		is_int((long)n, 1, "the slip is among them");
		if (n == 1) {
			is_str(jobs[0].receipt, c.receipt, "its receipt number");
			is_str(jobs[0].document, "review_slip", "as a review slip");
			is_str(jobs[0].actor, "staff:D007", "asked for by the staff member, not \"kiosk\"");
			is_str(jobs[0].sink, "tcp://127.0.0.1:1", "on the printer that failed");
			ok(jobs[0].error[0] != '\0', "with the printer's sentence");
		}
		free(jobs);
		is_int(print_last_job(db, c.id, &last, NULL), JRC_E_NOT_FOUND,
		       "the receipt's own last print is not the slip's");
	}
	is_int(slip_review_print(db, c.receipt, uri, "cli", &printed, &err), JRC_OK,
	       "printed again once the printer works");
	unlink(path);
	{
		jrc_print_job *jobs = NULL;
		size_t n = 9;

		is_int(print_failed(db, &jobs, &n, &err), JRC_OK, "the failed prints again");
		is_int((long)n, 0, "the slip is no longer listed");
		free(jobs);
	}

	printed = -1;
	is_int(slip_review_print(db, c.receipt, "none", "kiosk", &printed, &err), JRC_OK, "printer none: fine");
	is_int(printed, 0, "and nothing printed");
	grievance_case_free(&c);
	db_close(db);
	return done();
}
