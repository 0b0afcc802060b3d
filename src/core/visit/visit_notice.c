/* The notice of a visit for the village notice board: a document laid out
 * for the receipt printer's paper (or a screen), printed like a slip. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/escpos.h"
#include "jrc/i18n.h"
#include "jrc/print.h"
#include "jrc/visit.h"

jrc_status visit_notice_doc(jrc_db *db, int64_t id, int cols, jrc_doc *out, jrc_err *err)
{
	jrc_visit v;
	jrc_status s;
	char day[11], hours[16], buf[512], topics[256];

	if ((s = visit_get(db, id, &v, err)))
		return s;
	if (*v.cancelled_at)
		return jrc_err_set(err, JRC_E_REFUSED, "visit",
				   _("Visit %" PRId64 " was cancelled: there is nothing to announce."), id);
	date_format(v.day, day);
	visit_hours(&v, hours);
	visit_topic_names(db, &v, topics, sizeof(topics));
	doc_init(out, cols);
	doc_add_text(out, JRC_ALIGN_CENTER, JRC_DOC_BOLD | JRC_DOC_FIT,
		     _("NOTICE: A LEADER RECEIVES CITIZENS HERE"));
	doc_add_rule(out);
	snprintf(buf, sizeof(buf), "%s, %s", i18n_pick(v.host.name, v.host.name_en),
		 i18n_pick(v.host.title, v.host.title_en));
	doc_add_field(out, 0, _("Who:"), buf);
	snprintf(buf, sizeof(buf), "%s %s", day, hours);
	doc_add_field(out, JRC_DOC_BOLD, _("When:"), buf);
	snprintf(buf, sizeof(buf), "%s%s%s, %s", i18n_pick(v.township_zh, v.township_en),
		 *v.village ? " " : "", *v.village ? i18n_pick(v.village_zh, v.village_en) : "",
		 i18n_pick(v.place, *v.place_en ? v.place_en : v.place));
	doc_add_field(out, JRC_DOC_BOLD, _("Where:"), buf);
	if (*topics)
		doc_add_field(out, 0, _("Topics:"), topics);
	if (*v.accompany)
		doc_add_field(out, 0, _("With:"), v.accompany);
	doc_add_rule(out);
	doc_add_text(out, JRC_ALIGN_LEFT, 0,
		     _("Come with your problem; no appointment is needed, but you can book a time at the kiosk of your township or the county center, or at its front desk."));
	if (out->oom) {
		doc_free(out);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

jrc_status visit_notice_print(jrc_db *db, int64_t id, const char *uri, int *printed, jrc_err *err)
{
	jrc_print_opts o = { .uri = uri };
	jrc_print_setup ps;
	jrc_doc doc;
	jrc_status s;

	if (printed)
		*printed = 0;
	if ((s = print_setup(db, &o, &ps, err)))
		return s;
	if ((s = visit_notice_doc(db, id, doc_paper_cols(ps.paper), &doc, err)))
		return s;
	if (strcmp(ps.uri, "none") == 0) {
		doc_free(&doc);
		return JRC_OK;
	}
	s = print_doc_send(db, &ps, &doc, err);
	if (s == JRC_OK && printed)
		*printed = 1;
	return s;
}
