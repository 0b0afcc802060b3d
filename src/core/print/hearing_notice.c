/* The hearing notice (公开评议通知) a citizen is handed or sent: when and
 * where the hearing is, the department concerned, the panel, and once it
 * is recorded the result in plain words.  Bilingual on paper whatever the
 * terminal's language, as the receipt and the review slip are, so its
 * words are fixed here rather than translated. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/escpos.h"
#include "jrc/hearing.h"
#include "jrc/i18n.h"
#include "jrc/print.h"
#include "jrc/refdata.h"
#include "jrc/site.h"
#include "jrc/slip.h"

/* The result on paper, Chinese and English. */
static const char *const result_zh[] = {
	[JRC_CONCLUSION_NONE] = "",
	[JRC_CONCLUSION_REASONABLE] = "多数评议员认为，有关部门对您事项的处理合理。",
	[JRC_CONCLUSION_BASIC] = "多数评议员认为，有关部门对您事项的处理基本合理。",
	[JRC_CONCLUSION_UNREASONABLE] = "多数评议员认为，有关部门对您事项的处理不合理，须重新办理。",
	[JRC_CONCLUSION_TIE] = "评议员意见各半，本次评议未形成结论，工作人员将告知您下一步安排。",
	[JRC_CONCLUSION_TOO_FEW] = "发表意见的评议员不足三人，本次评议未形成结论，工作人员将告知您下一步安排。",
};
static const char *const result_en[] = {
	[JRC_CONCLUSION_NONE] = "",
	[JRC_CONCLUSION_REASONABLE] = "Most of the panel found your matter handled reasonably.",
	[JRC_CONCLUSION_BASIC] = "Most of the panel found your matter handled basically reasonably.",
	[JRC_CONCLUSION_UNREASONABLE] = "Most of the panel found your matter not handled reasonably: the department has to deal with it again.",
	[JRC_CONCLUSION_TIE] = "The panel was evenly divided: no conclusion. Staff will tell you what happens next.",
	[JRC_CONCLUSION_TOO_FEW] = "Fewer than three panel members gave an opinion: no conclusion. Staff will tell you what happens next.",
};

static jrc_status build(jrc_db *db, const jrc_hearing *h, int cols, int en_only, jrc_doc *d,
			jrc_err *err)
{
	const int big = JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_TALL | JRC_DOC_FIT;
	char zh[256], en[256], when[32];
	jrc_department dept;

	if (site_heading(db, zh, sizeof(zh), en, sizeof(en), err) != JRC_OK)
		return err ? err->code : JRC_E_DB;
	doc_init(d, cols);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, JRC_DOC_BOLD, zh, en);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, big, "公开评议通知", "Public hearing notice");
	doc_add_rule(d);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, 0, "受理编号", "Receipt number");
	doc_add_text(d, JRC_ALIGN_CENTER, big, h->receipt);
	doc_add_rule(d);
	snprintf(when, sizeof(when), "%s %s", h->held_on, h->at_time);
	doc_add_both_field(d, en_only, JRC_DOC_BOLD, "时间", "When", when);
	doc_add_both_field(d, en_only, JRC_DOC_BOLD, "地点", "Place", h->place);
	if (refdata_department(db, h->department, &dept, NULL) == JRC_OK)
		doc_add_both_field(d, en_only, 0, "办理单位", "Department", en_only ? dept.name_en : dept.name_zh);
	doc_add_both_field(d, en_only, 0, "单位代表", "Its representative", h->representative);
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, "评议员：", "Panel:");
	for (size_t i = 0; i < h->nseats; i++) {
		char row[400];

		snprintf(row, sizeof(row), "%s（%s）", h->seats[i].name, h->seats[i].title);
		doc_add_text(d, JRC_ALIGN_LEFT, 0, row);
	}
	doc_add_rule(d);
	if (h->conclusion == JRC_CONCLUSION_NONE) {
		doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0,
		     "请您按时参加。评议员将听取您和办理单位的陈述，对处理是否合理发表意见，按多数意见得出结论。",
		     "Please come on time. The panel hears you and the department, then says whether your matter was handled reasonably; the majority decides.");
		doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, "如不能参加，请提前告知接待中心。",
		     "If you cannot come, tell the reception centre beforehand.");
	} else {
		doc_add_both(d, en_only, JRC_ALIGN_LEFT, JRC_DOC_BOLD, "评议结果：", "Result:");
		doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, result_zh[h->conclusion], result_en[h->conclusion]);
	}
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, "凭受理编号和查询码，可在任一自助机查询。",
	     "Check at any kiosk with the receipt number and query code.");
	if (d->oom) {
		doc_free(d);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

jrc_status hearing_notice_doc(jrc_db *db, int64_t id, int cols, jrc_doc *out, jrc_err *err)
{
	jrc_hearing h;
	jrc_status s;

	if ((s = hearing_get(db, id, &h, err)))
		return s;
	s = build(db, &h, cols, 0, out, err);
	hearing_free(&h);
	return s;
}

jrc_status hearing_notice_print(jrc_db *db, int64_t id, const char *uri, int *printed,
				jrc_err *err)
{
	jrc_print_opts o = { .uri = uri };
	jrc_print_setup ps;
	jrc_hearing h;
	jrc_doc doc;
	jrc_status s;

	if (printed)
		*printed = 0;
	if ((s = hearing_get(db, id, &h, err)))
		return s;
	if ((s = print_setup(db, &o, &ps, err)) || strcmp(ps.uri, "none") == 0) {
		hearing_free(&h);
		return s;
	}
	s = build(db, &h, doc_paper_cols(ps.paper), ps.eo.encoding == JRC_ENC_ASCII, &doc, err);
	hearing_free(&h);
	if (s == JRC_OK)
		s = print_doc_send(db, &ps, &doc, err);
	if (s == JRC_OK && printed)
		*printed = 1;
	return s;
}
