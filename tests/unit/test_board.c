/* The hall's board in the core: one gathering's queue (calls newest
 * first, each at one window, the next in line), today's filed, accepted
 * and answered, the open count, the 90-day appraisal of a department with
 * its numbers, and data_version telling a board that another connection
 * wrote (and staying put when nobody did). */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/board.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/queue.h"
#include "tap.h"
#include "testdb.h"

static void take(jrc_db *db)
{
	jrc_ticket_in in = { 0 };
	jrc_ticket t;
	jrc_err err = { 0 };

	in.actor = "kiosk:test";
	if (queue_take(db, &in, &t, &err) != JRC_OK)
		printf("# take: %s\n", err.msg);
}

static jrc_status move(jrc_db *db, const char *receipt, jrc_state to)
{
	jrc_move mv = { 0 };
	jrc_err err = { 0 };
	jrc_status s;

	mv.to = to;
	mv.answer = "书面答复";
	mv.actor = "staff:t1";
	mv.role = JRC_ROLE_SUPERVISOR;
	if ((s = lifecycle_move(db, receipt, &mv, NULL, &err)) != JRC_OK)
		printf("# move: %s\n", err.msg);
	return s;
}

int main(void)
{
	jrc_db *db, *db2;
	jrc_err err = { 0 };
	jrc_intake ci = { 0 };
	jrc_case c1, c2;
	jrc_ticket t;
	board_data *d = calloc(1, sizeof(*d));
	int64_t v0 = 0, v1 = 0;

	setenv("JRC_NOW", "2026-11-30T09:00:00+08:00", 1);
	db = testdb_open();
	ok(board_gather_appraisal(db, d, &err) == JRC_OK && board_gather(db, d, &err) == JRC_OK,
	   "a board gathers on an empty hall (the appraisal first, as the screen does)");
	is_int(d->ncalled + d->nnext + (int)d->filed_today, 0, "  nothing called, waiting or filed");
	is_str(d->from90, "2026-09-02", "  the appraisal counts from 90 days back");

	ci.category = "LAB";
	ci.division = "330726100201";
	ci.anonymous = 1;
	ci.text = "包工头拖欠工资三个月";
	ci.channel = "kiosk";
	ok(grievance_file(db, &ci, &c1, &err) == JRC_OK && grievance_file(db, &ci, &c2, &err) == JRC_OK,
	   "two cases filed");
	ok(move(db, c1.receipt, JRC_ST_ACCEPTED) == JRC_OK && move(db, c1.receipt, JRC_ST_ANSWERED) == JRC_OK &&
	   move(db, c2.receipt, JRC_ST_ACCEPTED) == JRC_OK, "one answered, one accepted");
	for (int i = 0; i < 4; i++)
		take(db);

	ok(board_data_version(db, &v0, &err) == JRC_OK, "data_version reads");
	ok(db_open(testdb_path, 0, &db2, &err) == JRC_OK, "a desk's connection");
	ok(board_data_version(db, &v1, &err) == JRC_OK && v1 == v0, "  nobody wrote: the same version");
	ok(queue_call(db2, 1, "staff:D1", &t, &err) == JRC_OK, "window 1 calls");
	board_data_version(db, &v1, &err);
	ok(v1 != v0, "  the board's connection sees a new version");

	ok(board_gather_appraisal(db, d, &err) == JRC_OK, "the appraisal gathers again");
	ok(board_gather(db, d, &err) == JRC_OK, "the board gathers again");
	is_int(d->ncalled, 1, "  one ticket called");
	is_str(d->called[0].label, "A001", "  A001");
	is_int(d->called[0].window, 1, "  at window 1");
	is_int(d->nnext, 3, "  three next");
	is_str(d->next[0].label, "A002", "  A002 first");
	is_int(d->waiting, 3, "  three waiting");
	is_int((int)d->filed_today, 2, "filed today: 2");
	is_int((int)d->accepted_today, 2, "accepted today: 2");
	is_int((int)d->answered_today, 1, "answered today: 1");
	is_int((int)d->open, 1, "open: the accepted one");
	ok(d->ndepts == 1 && d->depts[0].answered == 1 && d->depts[0].on_time == 1,
	   "the department's first answer, on time");
	ok(d->ndepts == 1 && d->depts[0].name[0] && strcmp(d->depts[0].name, d->depts[0].code),
	   "  named in words (%s)", d->ndepts ? d->depts[0].name : "");

	ok(queue_call(db2, 1, "staff:D1", &t, &err) != JRC_OK, "window 1 cannot call twice");
	ok(queue_call(db2, 2, "staff:D2", &t, &err) != JRC_OK || t.window == 2, "a second window");
	board_gather(db, d, &err);
	is_int(d->ndepts, 1, "a refresh keeps the appraisal it had");
	for (int i = 0; i < d->ncalled; i++)
		for (int j = i + 1; j < d->ncalled; j++)
			ok(strcmp(d->called[i].label, d->called[j].label) != 0, "%s and %s are different tickets",
			   d->called[i].label, d->called[j].label);

	grievance_case_free(&c1);
	grievance_case_free(&c2);
	db_close(db2);
	db_close(db);
	free(d);
	return done();
}
