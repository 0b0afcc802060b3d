/* The receipt as a document (doc.c): gathered from a case, the reference
 * data and the site settings, and laid out line by line.
 *
 * The receipt's wording is a fixed bilingual pair per line rather than
 * gettext lookups: the paper is Chinese first whatever language the
 * session runs in, English lines are added (or printed alone, on printers
 * without a Chinese font) by choice of the caller, and a receipt must read
 * the same on a machine where no catalogue is installed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/qr.h"
#include "jrc/queue.h"
#include "jrc/receipt_doc.h"
#include "jrc/terminate.h"
#include "jrc/refdata.h"
#include "jrc/roster.h"
#include "jrc/site.h"
#include "jrc/text.h"
#include "jrc/validate.h"

/* ---------------------------------------------------------------- receipt */

void receipt_qr_payload(const char *receipt, const char *query_code, char *out, size_t size)
{
	snprintf(out, size, "%s %s", receipt ? receipt : "", query_code ? query_code : "");
}

static const char *kind_zh(const char *kind)
{
	if (strcmp(kind, "mediator") == 0)
		return "人民调解员";
	if (strcmp(kind, "lawyer") == 0)
		return "律师";
	if (strcmp(kind, "leader") == 0)
		return "县领导";
	return "";
}

static const char *kind_en(const char *kind)
{
	if (strcmp(kind, "mediator") == 0)
		return "mediator";
	if (strcmp(kind, "lawyer") == 0)
		return "lawyer";
	if (strcmp(kind, "leader") == 0)
		return "county leader";
	return "";
}

jrc_status receipt_doc_booking_lines(jrc_db *db, int64_t case_id, jrc_receipt_info *info,
				     jrc_err *err)
{
	static const char *const wd_zh[7] = { "日", "一", "二", "三", "四", "五", "六" };
	static const char *const wd_en[7] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mon_en[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
						"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	jrc_booking b;
	jrc_err e2 = { 0 };
	jrc_status s;
	char from[8], to[8], room_zh[512], room_en[512];
	jrc_date day;
	time_t t;
	struct tm tm;

	info->booking_zh[0] = info->booking_en[0] = '\0';
	if ((s = roster_case_booking(db, case_id, &b, &e2)) == JRC_E_NOT_FOUND)
		return JRC_OK;
	if (s != JRC_OK) {
		if (err)
			*err = e2;
		return s;
	}
	day = clock_local_date(b.start);
	t = (time_t)b.start;
	localtime_r(&t, &tm);
	strftime(from, sizeof(from), "%H:%M", &tm);
	t = (time_t)b.end;
	localtime_r(&t, &tm);
	strftime(to, sizeof(to), "%H:%M", &tm);
	snprintf(info->booking_zh, sizeof(info->booking_zh), "%s（%s） %d月%d日 周%s %s-%s %s",
		 b.host.name, kind_zh(b.host.kind), day.m, day.d, wd_zh[date_weekday(day)],
		 from, to, site_room_in(db, b.room, 0, room_zh, sizeof(room_zh)));
	snprintf(info->booking_en, sizeof(info->booking_en), "%s (%s), %s %d %s %s-%s, %s",
		 *b.host.name_en ? b.host.name_en : b.host.name, kind_en(b.host.kind),
		 wd_en[date_weekday(day)], day.d, mon_en[(day.m + 11) % 12], from, to,
		 *b.room_en ? site_room_in(db, b.room_en, 1, room_en, sizeof(room_en))
			    : site_room_in(db, b.room, 0, room_en, sizeof(room_en)));
	return JRC_OK;
}

static void place_names(jrc_db *db, const char *code, jrc_receipt_info *info)
{
	jrc_division dv, parent;

	info->place_zh[0] = info->place_en[0] = '\0';
	if (refdata_division(db, code, &dv, NULL) != JRC_OK) {
		snprintf(info->place_zh, sizeof(info->place_zh), "%s", code);
		snprintf(info->place_en, sizeof(info->place_en), "%s", code);
		return;
	}
	if (strcmp(dv.level, "village") == 0 && *dv.parent &&
	    refdata_division(db, dv.parent, &parent, NULL) == JRC_OK) {
		snprintf(info->place_zh, sizeof(info->place_zh), "%s %s", parent.name_zh, dv.name_zh);
		snprintf(info->place_en, sizeof(info->place_en), "%s, %s", dv.name_en, parent.name_en);
	} else {
		snprintf(info->place_zh, sizeof(info->place_zh), "%s", dv.name_zh);
		snprintf(info->place_en, sizeof(info->place_en), "%s", dv.name_en);
	}
}

static void person(const jrc_case *c, jrc_receipt_info *info)
{
	info->anonymous = c->anonymous;
	mask_name(c->name, info->name, sizeof(info->name));
	mask_document(c->id_kind, c->id_number, info->id, sizeof(info->id));
	mask_phone(c->phone, info->phone_masked, sizeof(info->phone_masked));
}

jrc_status receipt_info_load(jrc_db *db, const char *receipt, jrc_receipt_info *out,
			     jrc_err *err)
{
	jrc_case c;
	jrc_category cat;
	jrc_department dept;
	jrc_status s;
	jrc_time filed;

	memset(out, 0, sizeof(*out));
	/* The site where it is printed: its name under the center's, and
	 * the address to come back to. */
	if ((s = site_heading(db, out->center_zh, sizeof(out->center_zh), out->center_en,
			      sizeof(out->center_en), err)) != JRC_OK ||
	    (s = site_address(db, out->address_zh, sizeof(out->address_zh), out->address_en,
			      sizeof(out->address_en), err)) != JRC_OK ||
	    (s = db_setting_get(db, "phone", NULL, out->phone, sizeof(out->phone), err)) != JRC_OK)
		return s;
	if ((s = grievance_get(db, receipt, &c, err)) != JRC_OK)
		return s;
	snprintf(out->receipt, sizeof(out->receipt), "%s", c.receipt);
	snprintf(out->query_code, sizeof(out->query_code), "%s", c.query_code);
	if (clock_parse(c.filed_at, &filed) == JRC_OK)
		clock_format_local(filed, out->filed_local);
	else
		snprintf(out->filed_local, sizeof(out->filed_local), "%s", c.filed_at);
	if (refdata_category(db, c.category, &cat, NULL) == JRC_OK) {
		snprintf(out->category_zh, sizeof(out->category_zh), "%s", cat.name_zh);
		snprintf(out->category_en, sizeof(out->category_en), "%s", cat.name_en);
		if (strcmp(c.category, "LIT") == 0) {
			snprintf(out->legal_zh, sizeof(out->legal_zh), "%s",
				 *cat.channel_zh ? cat.channel_zh : "此类事项依法应通过诉讼、仲裁或行政复议解决，请到前台咨询。");
			snprintf(out->legal_en, sizeof(out->legal_en), "%s",
				 *cat.channel_en ? cat.channel_en
						 : "By law this goes to a court, arbitration or administrative review: ask at the front desk.");
		}
	} else {
		snprintf(out->category_zh, sizeof(out->category_zh), "%s", c.category);
		snprintf(out->category_en, sizeof(out->category_en), "%s", c.category);
	}
	place_names(db, c.division, out);
	if (refdata_department(db, c.department, &dept, NULL) == JRC_OK) {
		snprintf(out->dept_zh, sizeof(out->dept_zh), "%s", dept.name_zh);
		snprintf(out->dept_en, sizeof(out->dept_en), "%s", dept.name_en);
		/* Its window is one of the hall's: not at another site's. */
		if (queue_at_hall(db))
			snprintf(out->window, sizeof(out->window), "%s", dept.window);
	} else {
		snprintf(out->dept_zh, sizeof(out->dept_zh), "%s", c.department);
		snprintf(out->dept_en, sizeof(out->dept_en), "%s", c.department);
	}
	snprintf(out->accept_by, sizeof(out->accept_by), "%s", c.accept_by);
	{
		jrc_ticket t;
		int found = 0;

		if (queue_of_case(db, c.id, &t, &found, NULL) == JRC_OK && found) {
			snprintf(out->ticket, sizeof(out->ticket), "%s", t.label);
			out->ticket_window = t.nwindows ? t.windows[0] : 0;
			out->ticket_ahead = t.ahead;
			for (int i = 0; i < t.nwindows; i++)
				if (*out->window && t.windows[i] == atoi(out->window))
					out->ticket_window = t.windows[i];
		}
	}
	out->answered = c.state == JRC_ST_ANSWERED;
	{
		jrc_termination *t = malloc(sizeof(*t));
		int found = 0;

		if (!t) {
			grievance_case_free(&c);
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		}
		if ((s = term_link_of(db, c.id, t, &found, err)) != JRC_OK) {
			free(t);
			grievance_case_free(&c);
			return s;
		}
		if (found) {
			snprintf(out->concluded_receipt, sizeof(out->concluded_receipt), "%s", t->receipt);
			snprintf(out->concluded_on, sizeof(out->concluded_on), "%s", t->on);
			snprintf(out->concluded_channel, sizeof(out->concluded_channel), "%s", t->channel);
		}
		free(t);
	}
	person(&c, out);
	/* The citizen's paper witnesses the event log up to its filing. */
	if ((s = audit_ledger_check(db, c.id, out->ledger, err)) != JRC_OK) {
		grievance_case_free(&c);
		return s;
	}
	s = receipt_doc_booking_lines(db, c.id, out, err);
	grievance_case_free(&c);
	return s;
}

/* One line in Chinese and, when asked, its English under it; or English
 * alone. */
static void pair_field(jrc_doc *d, jrc_doc_langs langs, int style, const char *lzh,
		       const char *vzh, const char *len, const char *ven)
{
	if (langs != JRC_DOC_EN)
		doc_add_field(d, style, lzh, vzh);
	if (langs != JRC_DOC_ZH)
		doc_add_field(d, langs == JRC_DOC_EN ? style : 0, len, ven);
}

static void pair_text(jrc_doc *d, jrc_doc_langs langs, jrc_doc_align align, int style,
		      int style_en, const char *zh, const char *en)
{
	if (langs != JRC_DOC_EN)
		doc_add_text(d, align, style, zh);
	if (langs != JRC_DOC_ZH)
		doc_add_text(d, align, langs == JRC_DOC_EN ? style : style_en, en);
}

jrc_status receipt_doc_build(const jrc_receipt_info *in, int cols, jrc_doc_langs langs,
			     jrc_doc *d, jrc_err *err)
{
	char buf[1200], buf2[1200];
	const int big = JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_TALL | JRC_DOC_FIT;

	doc_init(d, cols);
	pair_text(d, langs, JRC_ALIGN_CENTER, big, 0, in->center_zh, in->center_en);
	pair_text(d, langs, JRC_ALIGN_CENTER, JRC_DOC_BOLD, JRC_DOC_BOLD, "受理回执", "Receipt");
	doc_add_rule(d);

	pair_text(d, langs, JRC_ALIGN_CENTER, 0, 0, "受理编号", "Receipt number");
	doc_add_text(d, JRC_ALIGN_CENTER, big, in->receipt);
	if (langs == JRC_DOC_EN)
		snprintf(buf, sizeof(buf), "Query code: %s", in->query_code);
	else if (langs == JRC_DOC_ZH_EN)
		snprintf(buf, sizeof(buf), "查询码 Query code：%s", in->query_code);
	else
		snprintf(buf, sizeof(buf), "查询码：%s", in->query_code);
	doc_add_text(d, JRC_ALIGN_CENTER, JRC_DOC_BOLD, buf);
	doc_add_rule(d);

	pair_field(d, langs, 0, "受理时间：", in->filed_local, "Filed:", in->filed_local);
	pair_field(d, langs, 0, "事项类别：", in->category_zh, "Matter:", in->category_en);
	pair_field(d, langs, 0, "所在地：", in->place_zh, "Place:", in->place_en);
	pair_field(d, langs, 0, "责任单位：", in->dept_zh, "Department:", in->dept_en);
	if (*in->window) {
		snprintf(buf, sizeof(buf), "%s号窗口", in->window);
		snprintf(buf2, sizeof(buf2), "window %s", in->window);
		pair_field(d, langs, JRC_DOC_BOLD, "办理窗口：", buf, "Go to:", buf2);
	}
	/* The queue ticket: the number large, the window and the line. */
	if (*in->ticket) {
		pair_text(d, langs, JRC_ALIGN_CENTER, 0, 0, "排队号", "Your number");
		doc_add_text(d, JRC_ALIGN_CENTER, big, in->ticket);
		snprintf(buf, sizeof(buf), "%d号窗口 · 前面还有%d人", in->ticket_window, in->ticket_ahead);
		snprintf(buf2, sizeof(buf2), "window %d, %d ahead of you", in->ticket_window,
			 in->ticket_ahead);
		pair_text(d, langs, JRC_ALIGN_CENTER, JRC_DOC_BOLD, 0, buf, buf2);
	}
	/* The same matter, lawfully concluded before: registered, as the law
	 * wants, but no 15/60-day promise; when it ended and where to go. */
	if (*in->concluded_receipt) {
		pair_text(d, langs, JRC_ALIGN_LEFT, JRC_DOC_BOLD, JRC_DOC_BOLD, "此事项已依法终结",
			  "This matter was already concluded");
		snprintf(buf, sizeof(buf), "您的同一事项（%s）已于%s依法终结，行政机关对同一事实和理由不再受理。本次登记已转交工作人员查看。",
			 in->concluded_receipt, in->concluded_on);
		snprintf(buf2, sizeof(buf2), "Your same matter (%s) was lawfully concluded on %s. Offices will not take it up again for the same facts and reasons. This filing is recorded and staff will see it.",
			 in->concluded_receipt, in->concluded_on);
		pair_text(d, langs, JRC_ALIGN_LEFT, 0, 0, buf, buf2);
		pair_text(d, langs, JRC_ALIGN_LEFT, JRC_DOC_BOLD, JRC_DOC_BOLD, "您仍可以到：",
			  "You can still go to:");
		doc_add_text(d, JRC_ALIGN_LEFT, 0, in->concluded_channel);
	} else if (*in->legal_zh) {
		pair_text(d, langs, JRC_ALIGN_LEFT, JRC_DOC_BOLD, JRC_DOC_BOLD, "依法分流：请到", "Where to go:");
		pair_text(d, langs, JRC_ALIGN_LEFT, 0, 0, in->legal_zh, in->legal_en);
	} else if (in->answered) {
		snprintf(buf, sizeof(buf), "已答复；如不满意，可在%d日内凭本回执请求复查", JRC_REVIEW_DAYS);
		snprintf(buf2, sizeof(buf2), "answered; if not satisfied, ask for a review within %d days with this receipt",
			 JRC_REVIEW_DAYS);
		pair_field(d, langs, 0, "办理情况：", buf, "Status:", buf2);
	} else {
		snprintf(buf, sizeof(buf), "%s前告知", in->accept_by);
		snprintf(buf2, sizeof(buf2), "you will hear by %s", in->accept_by);
		pair_field(d, langs, 0, "受理期限：", buf, "Acceptance:", buf2);
	}
	if (*in->booking_zh)
		pair_field(d, langs, JRC_DOC_BOLD, "预约接待：", in->booking_zh, "Booked:",
			   in->booking_en);
	doc_add_rule(d);

	if (in->anonymous) {
		pair_field(d, langs, 0, "反映人：", "匿名", "Citizen:", "anonymous");
	} else {
		const char *zl[3] = { "姓名：", "证件：", "电话：" };
		const char *bl[3] = { "姓名 Name：", "证件 ID：", "电话 Phone：" };
		const char *el[3] = { "Name: ", "ID: ", "Phone:" };
		const char *v[3] = { in->name, in->id, in->phone_masked };

		for (int i = 0; i < 3; i++)
			doc_add_field(d, i == 0 ? JRC_DOC_NAME : 0, langs == JRC_DOC_ZH ? zl[i] :
				      langs == JRC_DOC_ZH_EN ? bl[i] : el[i], v[i]);
	}
	doc_add_rule(d);

	pair_text(d, langs, JRC_ALIGN_LEFT, 0, 0,
		  "凭受理编号和查询码，可在任一自助机查询办理进度。",
		  "Check progress at any kiosk with the receipt number and query code.");
	receipt_qr_payload(in->receipt, in->query_code, buf, sizeof(buf));
	doc_add_qr(d, buf);
	/* The four groups stay on one line, to be read aloud: on narrow
	 * paper the English label goes on a line of its own. */
	if (*in->ledger && d->cols >= (int)strlen("Ledger check: ") + (int)strlen(in->ledger)) {
		pair_field(d, langs, 0, "记录校验码：", in->ledger, "Ledger check:", in->ledger);
	} else if (*in->ledger) {
		if (langs != JRC_DOC_EN)
			doc_add_field(d, 0, "记录校验码：", in->ledger);
		if (langs != JRC_DOC_ZH) {
			doc_add_text(d, JRC_ALIGN_LEFT, 0, "Ledger check:");
			doc_add_text(d, JRC_ALIGN_LEFT, 0, in->ledger);
		}
	}
	pair_field(d, langs, 0, "地址：", in->address_zh, "Address:", in->address_en);
	pair_field(d, langs, 0, "电话：", in->phone, "Phone:", in->phone);
	pair_text(d, langs, JRC_ALIGN_CENTER, 0, 0, "请妥善保管本回执", "Please keep this receipt.");
	if (d->oom) {
		doc_free(d);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

jrc_status receipt_doc_load(jrc_db *db, const char *receipt, int cols, jrc_doc_langs langs,
			    jrc_doc *doc, jrc_err *err)
{
	jrc_receipt_info *info = malloc(sizeof(*info));
	jrc_status s;

	doc_init(doc, cols);
	if (!info)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if ((s = receipt_info_load(db, receipt, info, err)) == JRC_OK)
		s = receipt_doc_build(info, cols, langs, doc, err);
	free(info);
	return s;
}
