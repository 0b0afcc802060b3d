/* The termination slip (依法终结告知): the paper a citizen takes home when
 * their matter is lawfully concluded.  Bilingual on paper whatever the
 * screen's language, as the receipt and the review slip are, so its words
 * are fixed here rather than translated.  Plain words for the elderly: what
 * was done, that it is finished, and where they can still go. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/escpos.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/print.h"
#include "jrc/refdata.h"
#include "jrc/site.h"
#include "jrc/slip.h"
#include "jrc/terminate.h"

static jrc_status build(jrc_db *db, const jrc_case *c, const jrc_termination *t,
			const jrc_term_grounds *g, int cols, int en_only, jrc_doc *d, jrc_err *err)
{
	const int big = JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_TALL | JRC_DOC_FIT;
	char zh[256], en[256];
	jrc_category cat;
	int have_cat = refdata_category(db, c->category, &cat, NULL) == JRC_OK;

	if (site_heading(db, zh, sizeof(zh), en, sizeof(en), err) != JRC_OK)
		return err ? err->code : JRC_E_DB;
	doc_init(d, cols);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, JRC_DOC_BOLD, zh, en);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, big, "依法终结告知", "Matter concluded");
	doc_add_rule(d);
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, 0, "受理编号", "Receipt number");
	doc_add_text(d, JRC_ALIGN_CENTER, big, c->receipt);
	doc_add_rule(d);
	if (have_cat)
		doc_add_both_field(d, en_only, 0, "事项类别", "Matter", en_only ? cat.name_en : cat.name_zh);
	doc_add_both_field(d, en_only, JRC_DOC_BOLD, "终结日期", "Concluded on", t->on);
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, JRC_DOC_BOLD, "终结理由：", "Why:");
	doc_add_text(d, JRC_ALIGN_LEFT, 0, t->reason);
	doc_add_rule(d);
	if (g->which & JRC_TERM_REREVIEW)
		doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0,
		     "您的事项已经答复、复查和复核，依照《信访工作条例》依法终结。同一事实和理由再次反映的，行政机关不再受理。",
		     "Your matter was answered, reviewed and re-reviewed. Under the law on letters and visits it is now finished: offices will not take up the same matter, for the same facts and reasons, again.");
	else
		doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0,
		     "经公开评议，您的事项处理合理，依照《信访工作条例》依法终结。同一事实和理由再次反映的，行政机关不再受理。",
		     "A public appraisal hearing found that your matter was handled reasonably. Under the law on letters and visits it is now finished: offices will not take up the same matter, for the same facts and reasons, again.");
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, JRC_DOC_BOLD, "您仍可以到：", "You can still go to:");
	doc_add_text(d, JRC_ALIGN_LEFT, JRC_DOC_BOLD, t->channel);
	doc_add_both(d, en_only, JRC_ALIGN_LEFT, 0, "有疑问请到前台咨询。", "Ask at the front desk if anything is unclear.");
	doc_add_both(d, en_only, JRC_ALIGN_CENTER, 0, "请妥善保管本告知", "Please keep this paper.");
	if (d->oom) {
		doc_free(d);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

/* The case, its conclusion and grounds; JRC_E_REFUSED if not concluded. */
static jrc_status load(jrc_db *db, const char *receipt, jrc_case *c, jrc_termination *t,
		       jrc_term_grounds *g, jrc_err *err)
{
	jrc_status s;
	int found = 0;

	if ((s = grievance_get(db, receipt, c, err)) != JRC_OK)
		return s;
	if ((s = term_get(db, c->id, t, &found, err)) == JRC_OK && !found)
		s = jrc_err_set(err, JRC_E_REFUSED, "state",
				_("This matter has not been lawfully concluded, so there is no termination slip to print."));
	if (s == JRC_OK)
		s = term_grounds(db, c->id, g, err);
	if (s != JRC_OK)
		grievance_case_free(c);
	return s;
}

jrc_status slip_term_doc(jrc_db *db, const char *receipt, int cols, int en_only, jrc_doc *out,
			 jrc_err *err)
{
	jrc_case c;
	jrc_termination t;
	jrc_term_grounds g;
	jrc_status s;

	if ((s = load(db, receipt, &c, &t, &g, err)) != JRC_OK)
		return s;
	s = build(db, &c, &t, &g, cols, en_only, out, err);
	grievance_case_free(&c);
	return s;
}

jrc_status slip_term_print(jrc_db *db, const char *receipt, const char *uri, int *printed,
			   jrc_err *err)
{
	jrc_print_opts o = { .uri = uri };
	jrc_print_setup ps;
	jrc_doc doc;
	jrc_case c;
	jrc_termination t;
	jrc_term_grounds g;
	jrc_status s;

	if (printed)
		*printed = 0;
	if ((s = print_setup(db, &o, &ps, err)) != JRC_OK)
		return s;
	if ((s = load(db, receipt, &c, &t, &g, err)) != JRC_OK)
		return s;
	if (strcmp(ps.uri, "none") == 0) {
		grievance_case_free(&c);
		return JRC_OK;
	}
	s = build(db, &c, &t, &g, doc_paper_cols(ps.paper), ps.eo.encoding == JRC_ENC_ASCII, &doc,
		  err);
	grievance_case_free(&c);
	if (s == JRC_OK)
		s = print_doc_send(db, &ps, &doc, err);
	if (s == JRC_OK && printed)
		*printed = 1;
	return s;
}
