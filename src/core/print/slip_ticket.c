/* The queue ticket's slip: the number as large as the printer prints,
 * the window to go to and how many were ahead, in Chinese and English.
 * It carries no personal data; a kiosk prints it for a quick question,
 * and for an appointment's check-in with the room the citizen goes to. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/clock.h"
#include "jrc/doc.h"
#include "jrc/escpos.h"
#include "jrc/print.h"
#include "jrc/queue.h"
#include "jrc/site.h"

/* The room of the case's booking, for a check-in's slip; 0 if none. */
static int booked_room(jrc_db *db, int64_t case_id, char *zh, char *en, size_t size)
{
	db_stmt *st;
	int found;

	if (db_prepare(db, "SELECT room, room_en FROM bookings WHERE case_id = ?"
		       " AND cancelled_at IS NULL", &st, NULL) != JRC_OK)
		return 0;
	db_bind_int64(st, 1, case_id);
	found = db_step(db, st) == DB_ROW;
	if (found) {
		db_col_copy(st, 0, zh, size);
		db_col_copy(st, 1, en, size);
	}
	db_finalize(st);
	return found && *zh;
}

jrc_status queue_slip_doc(jrc_db *db, const jrc_ticket *t, int cols, int en_only, jrc_doc *d,
			  jrc_err *err)
{
	const int big = JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_TALL | JRC_DOC_FIT;
	char zh[1024], en[1024], wins[64], buf[256], buf2[256], at[32];
	jrc_time taken;

	if (site_heading(db, zh, sizeof(zh), en, sizeof(en), err) != JRC_OK)
		return err ? err->code : JRC_E_DB;
	doc_init(d, cols);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, JRC_DOC_BOLD, zh, en);
	doc_add_rule(d);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, 0, "排队号", "Your number");
	doc_add_text(d, JRC_ALIGN_CENTER, big, t->label);
	queue_windows_text(t, 1, wins, sizeof(wins));
	snprintf(buf, sizeof(buf), "请到 %s 号窗口", wins);
	queue_windows_text(t, 0, wins, sizeof(wins));
	snprintf(buf2, sizeof(buf2), t->nwindows > 1 ? "Windows %s" : "Window %s", wins);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, big, buf, buf2);
	snprintf(buf, sizeof(buf), "前面还有 %d 人", t->ahead);
	snprintf(buf2, sizeof(buf2), "%d ahead of you", t->ahead);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, JRC_DOC_BOLD, buf, buf2);
	doc_add_rule(d);
	if (strcmp(t->reason, "checkin") == 0 && t->case_id &&
	    booked_room(db, t->case_id, buf, buf2, sizeof(buf)) && (!en_only || *buf2))
		doc_add_both_field(d, en_only, JRC_DOC_BOLD, "接待室", "Room", en_only ? buf2 : buf);
	if (clock_parse(t->taken_at, &taken) == JRC_OK)
		clock_format_local(taken, at);
	else
		snprintf(at, sizeof(at), "%s", t->taken_at);
	doc_add_both_field(d, en_only, 0, "取号时间", "Taken", at);
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0,
		     "叫到您的号码时，请到屏幕上显示的窗口。过号请到前台。",
		     "When your number is called, go to the window the screen shows. Missed it? Ask at the front desk.");
	if (d->oom) {
		doc_free(d);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

jrc_status queue_slip_print(jrc_db *db, const jrc_ticket *t, const char *uri, int *printed,
			    jrc_err *err)
{
	jrc_print_opts o = { .uri = uri && *uri ? uri : NULL };
	jrc_print_setup ps;
	jrc_doc doc;
	jrc_status s;

	if (printed)
		*printed = 0;
	if ((s = print_setup(db, &o, &ps, err)))
		return s;
	if (strcmp(ps.uri, "none") == 0)
		return JRC_OK;
	if ((s = queue_slip_doc(db, t, doc_paper_cols(ps.paper), ps.eo.encoding == JRC_ENC_ASCII,
				&doc, err)))
		return s;
	s = print_doc_send(db, &ps, &doc, err);
	if (s == JRC_OK && printed)
		*printed = 1;
	return s;
}
