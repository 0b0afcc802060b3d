/* The receipt: the number in large characters, the query code, the
 * department and its window, the acceptance deadline and what happens
 * next.  Back to the first screen after 60 s or a key.
 *
 * When the receipt could not be printed, the screen becomes the receipt:
 * the whole document as text beside its QR code in half blocks, so the
 * citizen can photograph it, and a plain request to collect a printed copy
 * at the front desk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "voice.h"
#include "jrc/print.h"
#include "jrc/qr.h"
#include "jrc/receipt_doc.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

enum {
	PRINT_PENDING = 2,
	RECEIPT_SHOW_MS = 60000,
	/* Time to take a photograph of the paper-less receipt. */
	PAPERLESS_SHOW_MS = 180000,
	/* Keys in the first moment are the tail of the Enter that sent the
	 * case, not a request to leave the receipt. */
	RECEIPT_GUARD_MS = 1000
};

typedef struct receipt_state {
	scr_receipt_arg *ra;
	jrc_department dept;
	int have_dept;
	long shown_ms;
	int printed;          /* receipt_screen_print's answer; PRINT_PENDING before */
	char print_msg[512];
	/* The paper-less receipt, rendered for doc_cols columns in doc_lang. */
	char **doc, **qr;
	size_t ndoc, nqr;
	int doc_cols, top;
	jrc_lang doc_lang;
} receipt_state;

/* A print that failed turns the screen into the receipt.  A hall without
 * a printer ("none") keeps the large number and asks for it to be noted. */
static int paperless(const receipt_state *r)
{
	return r->printed == -1;
}

static void paperless_free(receipt_state *r)
{
	doc_lines_free(r->doc, r->ndoc);
	qr_lines_free(r->qr, r->nqr);
	r->doc = r->qr = NULL;
	r->ndoc = r->nqr = 0;
}

/* The QR of the receipt (number and query code), once. */
static void paperless_qr(receipt_state *r)
{
	const jrc_case *c = &r->ra->kase;
	jrc_qr *q;
	char payload[64];

	if (r->qr || !(q = malloc(sizeof(*q))))
		return;
	receipt_qr_payload(c->receipt, c->query_code, payload, sizeof(payload));
	if (qr_encode(payload, q) == JRC_OK)
		r->nqr = qr_render_halfblocks(q, 2, 0, &r->qr);
	free(q);
}

/* The receipt document as text lines for a pane `cols` wide. */
static void paperless_doc(ui_ctx *ctx, receipt_state *r, int cols)
{
	jrc_doc doc;

	doc_lines_free(r->doc, r->ndoc);
	r->doc = NULL;
	r->ndoc = 0;
	r->doc_cols = cols;
	r->doc_lang = ctx->lang;
	if (receipt_doc_load(ctx->db, r->ra->kase.receipt, cols,
			     ctx->lang == JRC_LANG_EN ? JRC_DOC_EN : JRC_DOC_ZH, &doc, NULL) == JRC_OK)
		r->ndoc = doc_render_text(&doc, 0, &r->doc);
	doc_free(&doc);
}

/* Voice: the receipt number and the query code digit by digit, twice,
 * slowly, so they can be written down by ear. */
static void say_numbers(ui_ctx *ctx, const jrc_case *c)
{
	char num[256], code[128], line[600];

	if (!speak_on(ctx))
		return;
	voice_digits(ctx->lang, c->receipt, num, sizeof(num));
	voice_digits(ctx->lang, c->query_code, code, sizeof(code));
	/* TRANSLATORS: spoken slowly; the numbers come digit by digit. */
	snprintf(line, sizeof(line), _("Receipt number: %s. Query code: %s."), num, code);
	speak_slow(ctx, line);
	snprintf(line, sizeof(line), _("Once more. Receipt number: %s. Query code: %s."), num, code);
	speak_slow(ctx, line);
}

static void draw_paperless(ui_ctx *ctx, receipt_state *r)
{
	ui_rect a = ui_content(ctx);
	int qw, show_qr, pane, rows;

	paperless_qr(r);
	qw = r->nqr ? (int)text_width(r->qr[0]) : 0;
	ui_step_header(ctx, 0, 0, _("Your matter is registered, but no receipt was printed"),
		       _("Take a photo of this screen with a phone, or collect a printed copy at the front desk."));
	say_numbers(ctx, &r->ra->kase);
	show_qr = qw > 0 && (int)r->nqr <= a.h && a.w - qw - 2 >= 32;
	pane = show_qr ? a.w - qw - 2 : a.w;
	if (pane > 48)
		pane = 48;          /* the width of 80 mm paper */
	if (!r->doc || r->doc_cols != pane || r->doc_lang != ctx->lang)
		paperless_doc(ctx, r, pane);
	rows = a.h;
	if (r->top > (int)r->ndoc - rows)
		r->top = (int)r->ndoc - rows > 0 ? (int)r->ndoc - rows : 0;
	for (int i = 0; i < rows && r->top + i < (int)r->ndoc; i++)
		ui_text(a.y + i, a.x, pane, ui_attr(ctx, UI_NORMAL), r->doc[r->top + i]);
	if (r->top + rows < (int)r->ndoc)
		ui_text(a.y + a.h - 1, a.x + pane - 2, 2, ui_attr(ctx, UI_KEY), "↓");
	if (r->top > 0)
		ui_text(a.y, a.x + pane - 2, 2, ui_attr(ctx, UI_KEY), "↑");
	if (show_qr)
		for (size_t i = 0; i < r->nqr; i++)
			ui_text(a.y + (int)i, a.x + a.w - qw, qw, ui_attr(ctx, UI_QR), r->qr[i]);
	ui_text_center(a.y + a.h, a.x, a.w, ui_attr(ctx, UI_KEY),
		       r->ndoc > (size_t)rows ? _("Up and Down show the rest.  Press Enter to finish.")
					      : _("Press Enter to finish."));
}

/* Print through the core (print_receipt_report records every attempt in
 * print_jobs, so the desk can reprint what failed). */
int receipt_screen_print(ui_ctx *ctx, const jrc_case *c, char *msg, size_t size)
{
	jrc_print_opts o = { 0 };
	jrc_print_result res;
	jrc_err err = { 0 };
	char actor[48];

	if (size)
		msg[0] = '\0';
	if (ctx->staff_mode)
		snprintf(actor, sizeof(actor), "staff:%s", ctx->staff_id);
	else
		snprintf(actor, sizeof(actor), "kiosk");
	o.uri = ctx->printer[0] ? ctx->printer : NULL;
	o.lang = ctx->lang;
	o.lang_from_case = 1;
	o.actor = actor;
	memset(&res, 0, sizeof(res));
	if (print_receipt_report(ctx->db, c->receipt, &o, &res, &err) != JRC_OK) {
		snprintf(msg, size, "%s", err.msg[0] ? err.msg : jrc_status_message(err.code));
		return -1;
	}
	return strcmp(res.outcome, "skipped") == 0 ? 0 : 1;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	receipt_state *r = calloc(1, sizeof(*r));

	if (!r || !arg) {
		free(r);
		return -1;
	}
	r->ra = arg;
	r->have_dept = refdata_department(ctx->db, r->ra->kase.department, &r->dept, NULL) == JRC_OK;
	r->shown_ms = ui_now_ms();
	/* Printing can take seconds (a network printer): show the receipt
	 * first, print on the first tick. */
	r->printed = PRINT_PENDING;
	s->state = r;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	receipt_state *r = s->state;

	(void)ctx;
	paperless_free(r);
	grievance_case_free(&r->ra->kase);
	memset(r->ra, 0, sizeof(*r->ra));
	free(r->ra);
	free(r);
}

/* "Label: value", values aligned at column lw. */
static void pair(ui_ctx *ctx, int y, int x, int w, int lw, const char *label, const char *value,
		 int attr)
{
	ui_text(y, x, lw, ui_attr(ctx, UI_NORMAL), label);
	ui_text(y, x + lw + 1, w - lw - 1, attr, value);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	receipt_state *r = s->state;
	const jrc_case *c = &r->ra->kase;
	ui_rect a = ui_content(ctx);
	int y = a.y, bw = bigfont_width(c->receipt), x, lw = 0;
	char buf[512], date[96];
	jrc_date d;
	const char *labels[4];

	if (paperless(r)) {
		draw_paperless(ctx, r);
		return;
	}
	ui_step_header(ctx, 0, 0, _("Your matter has been registered"),
		       _("Keep this number: with it and the query code you can check progress."));
	say_numbers(ctx, c);
	if (bw > 0 && bw <= a.w && a.h >= 16) {
		bigfont_draw(y, a.x + (a.w - bw) / 2, ui_attr(ctx, UI_HEADING), c->receipt);
		y += BIGFONT_ROWS + 1;
	}
	labels[0] = _("Receipt number:");
	labels[1] = _("Query code:");
	labels[2] = _("Handled by:");
	labels[3] = _("Decision on taking it on by:");
	for (int i = 0; i < 4; i++)
		if ((int)text_width(labels[i]) > lw)
			lw = (int)text_width(labels[i]);
	x = a.x + (a.w > 72 ? (a.w - 72) / 2 : 0);
	pair(ctx, y++, x, a.w - (x - a.x), lw, labels[0], c->receipt, ui_attr(ctx, UI_HEADING));
	pair(ctx, y++, x, a.w - (x - a.x), lw, labels[1], c->query_code, ui_attr(ctx, UI_HEADING));
	if (r->have_dept && r->dept.window[0])
		/* TRANSLATORS: department name, then its window number in the hall. */
		snprintf(buf, sizeof(buf), _("%s (window %s)"), i18n_pick(r->dept.name_zh, r->dept.name_en),
			 r->dept.window);
	else
		snprintf(buf, sizeof(buf), "%s", r->have_dept ? i18n_pick(r->dept.name_zh, r->dept.name_en)
							     : c->department);
	pair(ctx, y++, x, a.w - (x - a.x), lw, labels[2], buf, ui_attr(ctx, UI_NORMAL));
	if (date_parse(c->accept_by, &d) == 0)
		ui_date_text(d, date, sizeof(date));
	else
		snprintf(date, sizeof(date), "%s", c->accept_by);
	pair(ctx, y++, x, a.w - (x - a.x), lw, labels[3], date, ui_attr(ctx, UI_NORMAL));
	if (r->ra->help_line[0])
		y += ui_text_wrapped(y, x, a.w - (x - a.x), 2, ui_attr(ctx, UI_NORMAL), r->ra->help_line);
	y++;
	y += ui_text_wrapped(y, x, a.w - (x - a.x), 3, ui_attr(ctx, UI_NORMAL),
			     _("What happens next: the department decides within 15 days whether it takes the matter on, "
			       "and then has 60 days to give you a written answer."));
	if (r->printed == PRINT_PENDING)
		snprintf(buf, sizeof(buf), "%s", _("Printing your receipt ..."));
	else if (r->printed == 1)
		snprintf(buf, sizeof(buf), "%s", _("Your receipt is being printed: please take it."));
	else if (r->printed < 0)
		snprintf(buf, sizeof(buf), _("%s Please write the numbers down."), r->print_msg);
	else
		snprintf(buf, sizeof(buf), "%s",
			 _("Please write down the receipt number and the query code, or ask at the front desk for a printed copy."));
	if (y < a.y + a.h)
		ui_text_wrapped(y, x, a.w - (x - a.x), a.y + a.h - y, ui_attr(ctx, UI_NOTICE), buf);
	ui_text_center(a.y + a.h, a.x, a.w, ui_attr(ctx, UI_KEY),
		       _("Press any key to finish."));
}

/* Print once; a failure says why on the message line and turns the
 * screen into the receipt. */
static void print_now(ui_ctx *ctx, receipt_state *r, long now_ms)
{
	r->printed = receipt_screen_print(ctx, &r->ra->kase, r->print_msg, sizeof(r->print_msg));
	if (r->printed < 0) {
		/* The screen changes under the citizen's eyes: a fresh guard. */
		ui_message(ctx, 1, "%s", r->print_msg);
		r->shown_ms = now_ms;
	}
}

/* Move the paper-less receipt for a scrolling key; 0 for any other key. */
static int receipt_scroll(receipt_state *r, ui_action act)
{
	switch (act) {
	case UI_ACT_FIELD_PREV: r->top--; break;
	case UI_ACT_FIELD_NEXT: r->top++; break;
	case UI_ACT_PAGE_UP: r->top -= 8; break;
	case UI_ACT_PAGE_DOWN: r->top += 8; break;
	case UI_ACT_HOME: r->top = 0; break;
	case UI_ACT_END: r->top = (int)r->ndoc; break;
	default: return 0;
	}
	if (r->top < 0)
		r->top = 0;
	return 1;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	receipt_state *r = s->state;

	(void)ch;
	if (r->printed == PRINT_PENDING) {
		/* Keys kept the tick away: print before anything else. */
		print_now(ctx, r, ui_now_ms());
		return UI_DONE;
	}
	/* Reading the paper-less receipt is not leaving it (and needs no guard). */
	if (paperless(r) && receipt_scroll(r, act))
		return UI_DONE;
	if (ui_now_ms() - r->shown_ms < RECEIPT_GUARD_MS)
		return UI_DONE;
	ui_reset_session(ctx);
	return UI_DONE;
}

static int tick(ui_ctx *ctx, ui_screen *s, long now_ms)
{
	receipt_state *r = s->state;

	if (r->printed == PRINT_PENDING) {
		print_now(ctx, r, now_ms);
		return 1;
	}
	if (now_ms - r->shown_ms >= (paperless(r) ? PAPERLESS_SHOW_MS : RECEIPT_SHOW_MS)) {
		ui_reset_session(ctx);
		return 1;
	}
	return 0;
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("Any key: finish");
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("Your matter is registered. Keep the receipt number and the query code: you need both to check "
		 "progress. Press any key to finish; the screen also clears itself after a minute.");
}

const ui_screen_ops scr_receipt_ops = {
	.name = "receipt",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_text = help,
	.tick = tick,
	.status_keys = status_keys,
};
