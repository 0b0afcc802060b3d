/* The review request slip: a short paper, like the receipt, that says a
 * review (or re-review) was asked for and by when it must be answered.
 * It is bilingual on paper whatever the kiosk's language, as the receipt
 * is, so its words are fixed here rather than translated. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/anchor.h"
#include "jrc/audit.h"
#include "jrc/escpos.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/print.h"
#include "jrc/printer.h"
#include "jrc/refdata.h"
#include "jrc/site.h"
#include "jrc/slip.h"

static jrc_status build(jrc_db *db, const jrc_case *c, int cols, int en_only, jrc_doc *d,
			jrc_err *err)
{
	const int big = JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_TALL | JRC_DOC_FIT;
	char zh[256], en[256], when[32];
	jrc_department dept;
	jrc_time t;
	int re = c->state == JRC_ST_REREVIEW_REQUESTED;
	int have_dept = refdata_department(db, c->department, &dept, NULL) == JRC_OK;

	if (site_heading(db, zh, sizeof(zh), en, sizeof(en), err) != JRC_OK)
		return err ? err->code : JRC_E_DB;
	doc_init(d, cols);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, JRC_DOC_BOLD, zh, en);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, big, re ? "复核申请回执" : "复查申请回执",
	     re ? "Re-review request" : "Review request");
	doc_add_rule(d);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, 0, "受理编号", "Receipt number");
	doc_add_text(d, JRC_ALIGN_CENTER, big, c->receipt);
	doc_add_rule(d);
	if (clock_parse(c->state_at, &t) == JRC_OK)
		clock_format_local(t, when);
	else
		snprintf(when, sizeof(when), "%s", c->state_at);
	doc_add_both_field(d, en_only, 0, "申请时间", "Asked on", when);
	if (have_dept)
		doc_add_both_field(d, en_only, 0, "原办理单位", "Department",
		      en_only ? dept.name_en : dept.name_zh);
	doc_add_both_field(d, en_only, JRC_DOC_BOLD, re ? "复核答复期限" : "复查答复期限", "Answer due by",
	      c->due_on);
	doc_add_rule(d);
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0,
	     re ? "您对复查意见不满意，已申请复核。复核机关将在上述期限前书面答复您，复核意见为最终意见。"
		: "您对答复不满意，已申请复查。上一级机关将在上述期限前书面答复您。",
	     re ? "You asked for a re-review. You will get its written answer, the final one, by the date above."
		: "You asked for a review. The office above the department will answer in writing by the date above.");
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, "凭受理编号和查询码，可在任一自助机查询办理进度。",
	     "Check progress at any kiosk with the receipt number and query code.");
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, 0, "请妥善保管本回执", "Please keep this slip.");
	if (d->oom) {
		doc_free(d);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

static jrc_status load(jrc_db *db, const char *receipt, jrc_case *c, jrc_err *err)
{
	jrc_status s;

	if ((s = grievance_get(db, receipt, c, err)) != JRC_OK)
		return s;
	if (c->state != JRC_ST_REVIEW_REQUESTED && c->state != JRC_ST_REREVIEW_REQUESTED) {
		grievance_case_free(c);
		return jrc_err_set(err, JRC_E_REFUSED, "state",
				   _("No review has been asked for this matter, so there is no slip to print."));
	}
	return JRC_OK;
}

jrc_status slip_review_doc(jrc_db *db, const char *receipt, int cols, jrc_doc *out,
			   jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if ((s = load(db, receipt, &c, err)) != JRC_OK)
		return s;
	s = build(db, &c, cols, 0, out, err);
	grievance_case_free(&c);
	return s;
}

/* The printer and paper for a slip: the site's, or uri. */
static jrc_status slip_setup(jrc_db *db, const char *uri, jrc_print_setup *ps, jrc_err *err)
{
	jrc_print_opts o = { .uri = uri };

	return print_setup(db, &o, ps, err);
}

jrc_status slip_review_print(jrc_db *db, const char *receipt, const char *uri_in,
			     const char *actor, int *printed, jrc_err *err)
{
	jrc_print_setup ps;
	jrc_bytes bytes = { 0 };
	jrc_doc doc;
	jrc_case c;
	jrc_status s, sent;
	jrc_err perr = { 0 };

	if (printed)
		*printed = 0;
	if ((s = slip_setup(db, uri_in, &ps, err)) != JRC_OK)
		return s;
	if (strcmp(ps.uri, "none") == 0)
		return JRC_OK;
	if ((s = load(db, receipt, &c, err)) != JRC_OK)
		return s;
	s = build(db, &c, doc_paper_cols(ps.paper), ps.eo.encoding == JRC_ENC_ASCII, &doc, err);
	if (s == JRC_OK) {
		s = escpos_encode(&doc, &ps.eo, &bytes, err);
		doc_free(&doc);
	}
	if (s != JRC_OK) {
		grievance_case_free(&c);
		bytes_free(&bytes);
		return s;
	}
	{
		const char *keep[] = { db_file_name(db), NULL };

		sent = printer_send_keep(ps.uri, bytes.data, bytes.len, keep, NULL, &perr);
	}
	bytes_free(&bytes);
	/* As a receipt's: a print_jobs row, so a failed slip is listed for
	 * staff to print again (jrc print --failed, the desk). */
	s = print_record(db, c.id, "review_slip", ps.uri, sent ? "failed" : "ok",
			 sent ? perr.msg : NULL, NULL, actor ? actor : "cli", err);
	grievance_case_free(&c);
	/* The record of the attempt matters less than telling the citizen. */
	if (s != JRC_OK && !sent)
		return s;
	if (sent) {
		if (err)
			*err = perr;
		return sent;
	}
	if (printed)
		*printed = 1;
	return JRC_OK;
}

/* The anchor slip: when, how many events, the head hash in groups of four
 * (sixteen groups, four to a line), and a line for the supervisor to sign.
 * The JRC-ANCHOR line for 'jrc verify --anchors' is too wide for the
 * paper: it goes to standard output and syslog instead. */
static jrc_status anchor_build(jrc_db *db, const jrc_anchor *a, int cols, int en_only,
			       jrc_doc *d, jrc_err *err)
{
	char zh[256], en[256], when[40], count[32];
	jrc_time t;

	if (site_heading(db, zh, sizeof(zh), en, sizeof(en), err) != JRC_OK)
		return err ? err->code : JRC_E_DB;
	doc_init(d, cols);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, JRC_DOC_BOLD, zh, en);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_FIT,
	     "记录锚点", "Record anchor");
	doc_add_rule(d);
	if (clock_parse(a->at, &t) == JRC_OK)
		clock_format_local(t, when);
	else
		snprintf(when, sizeof(when), "%s", a->at);
	doc_add_both_field(d, en_only, 0, "时间", "Taken at", when);
	doc_add_both_field(d, en_only, 0, "站点", "Site", a->site);
	snprintf(count, sizeof(count), "%" PRId64, a->events);
	doc_add_both_field(d, en_only, JRC_DOC_BOLD, "事件数", "Events", count);
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, "链头校验值：", "Chain head:");
	for (int i = 0; i < 4; i++) {
		char row[24];
		const char *h = a->hash + 16 * i;

		snprintf(row, sizeof(row), "%.4s %.4s %.4s %.4s", h, h + 4, h + 8, h + 12);
		doc_add_text(d, JRC_ALIGN_CENTER, JRC_DOC_BOLD, row);
	}
	doc_add_rule(d);
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, "值班负责人签字：", "Supervisor's signature:");
	doc_add_text(d, JRC_ALIGN_LEFT, 0, " ");
	doc_add_text(d, JRC_ALIGN_LEFT, 0, "______________________");
	if (d->oom) {
		doc_free(d);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

jrc_status slip_anchor_print(jrc_db *db, const jrc_anchor *a, const char *uri_in, int *printed,
			     jrc_err *err)
{
	jrc_print_setup ps;
	jrc_doc doc;
	jrc_status s;

	if (printed)
		*printed = 0;
	if ((s = slip_setup(db, uri_in, &ps, err)) != JRC_OK)
		return s;
	if (strcmp(ps.uri, "none") == 0)
		return JRC_OK;
	s = anchor_build(db, a, doc_paper_cols(ps.paper), ps.eo.encoding == JRC_ENC_ASCII, &doc, err);
	if (s == JRC_OK)
		s = print_doc_send(db, &ps, &doc, err);
	if (s == JRC_OK && printed)
		*printed = 1;
	return s;
}
