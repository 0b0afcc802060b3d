/* The hall's queue in the core: windows from windows.csv, a department's
 * group, numbers per group per day, the calling order (sent-to first),
 * two connections calling one line, every refusal changing nothing, the
 * number on the slip and on the case's receipt, and the chain holding
 * every step. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/doc.h"
#include "jrc/grievance.h"
#include "jrc/queue.h"
#include "jrc/receipt_doc.h"
#include "tap.h"
#include "testdb.h"

static jrc_ticket take(jrc_db *db, const char *grp, int64_t case_id)
{
	jrc_ticket_in in = { 0 };
	jrc_ticket t;
	jrc_err err = { 0 };

	memset(&t, 0, sizeof(t));
	in.grp = grp;
	in.case_id = case_id;
	in.reason = case_id ? "filing" : NULL;
	in.actor = "kiosk:test";
	if (queue_take(db, &in, &t, &err) != JRC_OK)
		printf("# take: %s\n", err.msg);
	return t;
}

int main(void)
{
	jrc_db *db, *db2;
	jrc_err err = { 0 };
	jrc_window *w;
	jrc_ticket t, a, b;
	jrc_case c;
	jrc_intake ci = { 0 };
	jrc_doc doc;
	char grp[2], **lines;
	size_t n;
	int window, found, seen = 0;
	long events;
	int64_t bad = 0;

	setenv("JRC_NOW", "2026-11-30T09:00:00+08:00", 1);
	db = testdb_open();

	ok(queue_windows(db, &w, &n, &err) == JRC_OK && n == 14, "the 14 windows of windows.csv");
	is_str(n ? w[2].grp : "", "B", "window 3 is group B");
	free(w);
	ok(queue_department_group(db, "YBJ", grp, &window, &found, &err) == JRC_OK && found,
	   "the medical insurance bureau has a window");
	is_str(grp, "B", "  in group B");
	is_int(window, 3, "  its own window 3");

	t = take(db, NULL, 0);
	is_str(t.label, "A001", "a question goes to the general reception: A001");
	is_int(t.nwindows, 1, "  called at one window");
	a = take(db, "B", 0);
	b = take(db, "B", 0);
	is_str(a.label, "B001", "group B counts on its own");
	is_str(b.label, "B002", "  B002 next");
	is_int(b.ahead, 1, "  with one ahead");

	/* Refusals change nothing. */
	events = testdb_count(db, "SELECT count(*) FROM events");
	{
		jrc_ticket_in in = { 0 };

		in.reason = "gossip";
		is_int(queue_take(db, &in, &t, &err), JRC_E_INVALID, "an unknown reason is refused");
		in.reason = NULL;
		in.grp = "Q";
		is_int(queue_take(db, &in, &t, &err), JRC_E_NOT_FOUND, "a group with no window is refused");
	}
	is_int(queue_call(db, 8, "staff:T", &t, &err), JRC_E_NOT_FOUND, "group D has nobody waiting");
	ok(strstr(err.msg, "Nobody is waiting for window 8") != NULL, "  and says so: %s", err.msg);
	is_int(queue_call(db, 77, "staff:T", &t, &err), JRC_E_NOT_FOUND, "an unknown window");
	is_int(queue_serve(db, a.id, 0, "staff:T", &t, &err), JRC_E_REFUSED, "serving a ticket not called");
	is_int(queue_skip(db, a.id, "staff:T", &t, &err), JRC_E_REFUSED, "a no-show of a ticket not called");
	is_int(testdb_count(db, "SELECT count(*) FROM events"), events, "the refusals wrote nothing");

	/* Two connections (two desks) call one line: two tickets. */
	{
		jrc_ticket x, y;

		ok(db_open(testdb_path, 0, &db2, &err) == JRC_OK, "a second desk's connection");
		ok(queue_call(db, 2, "staff:D1", &x, &err) == JRC_OK, "window 2 calls");
		ok(queue_call(db2, 3, "staff:D2", &y, &err) == JRC_OK, "window 3 calls");
		is_str(x.label, "B001", "  window 2 gets B001");
		is_str(y.label, "B002", "  window 3 gets B002");
		is_int(queue_call(db, 2, "staff:D1", &t, &err), JRC_E_REFUSED,
		       "window 2 must finish B001 before calling again");
		db_close(db2);
	}
	ok(queue_recall(db, a.id, "staff:D1", &t, &err) == JRC_OK && t.calls == 2, "called again: 2 calls");
	ok(queue_find(db, "b1", &bad, &err) == JRC_OK && bad == a.id, "'b1' finds today's B001");
	ok(queue_find(db, "Z9", &bad, &err) == JRC_E_NOT_FOUND, "an unknown number is not found");

	/* Transfer: B002 from window 3 to 5 (group C), ahead of C's line. */
	take(db, "C", 0);
	ok(queue_transfer(db, b.id, 5, "staff:D2", &t, &err) == JRC_OK, "B002 sent to window 5");
	is_str(t.label, "C002", "  as C002");
	is_int(t.window, 5, "  for window 5 only");
	is_int(t.ahead, 0, "  ahead of C001");
	ok(queue_call(db, 6, "staff:D3", &t, &err) == JRC_OK, "window 6 calls");
	is_str(t.label, "C001", "  C001: the one sent to window 5 is not window 6's");
	ok(queue_call(db, 5, "staff:D4", &t, &err) == JRC_OK, "window 5 calls");
	is_str(t.label, "C002", "  the one sent to it");
	is_int(queue_transfer(db, b.id, 6, "staff:D2", &t, &err), JRC_E_REFUSED,
	       "the old ticket cannot be sent again");

	/* A filing's ticket on the receipt and served with its case. */
	ci.category = "LAB";
	ci.division = "330726100201";
	ci.anonymous = 1;
	ci.text = "包工头拖欠工资三个月";
	ci.channel = "kiosk";
	ok(grievance_file(db, &ci, &c, &err) == JRC_OK, "a case filed");
	t = take(db, NULL, c.id);
	is_str(t.label, "B003", "its ticket is of the labour bureau's group");
	is_str(t.department, "RSJ", "  names the department");
	is_str(t.receipt, c.receipt, "  and links the case");
	ok(queue_of_case(db, c.id, &a, &found, &err) == JRC_OK && found && a.id == t.id,
	   "the case's ticket today is found");
	ok(receipt_doc_load(db, c.receipt, 48, JRC_DOC_ZH, &doc, &err) == JRC_OK, "the receipt");
	n = doc_render_text(&doc, 0, &lines);
	for (size_t i = 0; i < n; i++)
		seen |= strstr(lines[i], "B003") ? 1 : 0;
	doc_lines_free(lines, n);
	doc_free(&doc);
	ok(seen, "  carries B003");
	ok(queue_slip_doc(db, &t, 32, 0, &doc, &err) == JRC_OK, "the slip");
	n = doc_render_text(&doc, 0, &lines);
	seen = 0;
	for (size_t i = 0; i < n; i++)
		seen |= (strstr(lines[i], "B003") ? 1 : 0) | (strstr(lines[i], "工资") ? 2 : 0);
	doc_lines_free(lines, n);
	doc_free(&doc);
	is_int(seen, 1, "  carries the number and nothing of the matter");
	ok(queue_call(db, 4, "staff:D5", &t, &err) == JRC_OK && strcmp(t.label, "B003") == 0,
	   "window 4 calls B003");
	ok(queue_serve(db, t.id, 0, "staff:D5", &t, &err) == JRC_OK, "served");
	is_str(t.state, "served", "  served");

	/* The next day starts again. */
	setenv("JRC_NOW", "2026-12-01T08:00:00+08:00", 1);
	t = take(db, "B", 0);
	is_str(t.label, "B001", "the next day B starts from 1");
	is_int(queue_recall(db, a.id, "staff:D1", &t, &err), JRC_E_REFUSED,
	       "yesterday's ticket is not called again");

	ok(audit_verify(db, &bad, &err) == JRC_OK, "the chain and the tickets agree (%s)", err.msg);
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'ticket' AND payload IS NULL"), 0,
	       "every ticket event carries the row");
	db_close(db);
	return done();
}
