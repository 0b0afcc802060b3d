/* The receipt: the number in large characters, the query code, the
 * department and its window, the acceptance deadline and what happens
 * next.  Back to the first screen after 60 s or a key. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

enum {
	RECEIPT_SHOW_MS = 60000,
	/* Keys in the first moment are the tail of the Enter that sent the
	 * case, not a request to leave the receipt. */
	RECEIPT_GUARD_MS = 1000
};

typedef struct receipt_state {
	scr_receipt_arg *ra;
	jrc_department dept;
	int have_dept;
	long shown_ms;
	int printed;          /* receipt_screen_print's answer */
	char print_msg[512];
} receipt_state;

/* The printing hook.  include/jrc/print.h declares print_receipt(); its
 * implementation (src/core/print.c) is being written in another issue.
 * When it lands, this calls
 *     print_receipt(ctx->db, c->receipt, &opts, &err)
 * with opts.uri = ctx->printer[0] ? ctx->printer : NULL, opts.lang =
 * ctx->lang, opts.actor = ctx->staff_mode ? "staff:ID" : "kiosk", and
 * returns 1, or -1 with err.msg in msg.  Until then nothing is printed
 * and the screen asks the citizen to write the number down. */
int receipt_screen_print(ui_ctx *ctx, const jrc_case *c, char *msg, size_t size)
{
	(void)ctx;
	(void)c;
	if (size)
		msg[0] = '\0';
	return 0;
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
	r->printed = receipt_screen_print(ctx, &r->ra->kase, r->print_msg, sizeof(r->print_msg));
	s->state = r;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	receipt_state *r = s->state;

	(void)ctx;
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

	ui_step_header(ctx, 0, 0, _("Your matter has been registered"),
		       _("Keep this number: with it and the query code you can check progress."));
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
	if (r->printed == 1)
		snprintf(buf, sizeof(buf), "%s", _("Your receipt is being printed: please take it."));
	else if (r->printed < 0)
		snprintf(buf, sizeof(buf), _("%s Please write the numbers down."), r->print_msg);
	else
		snprintf(buf, sizeof(buf), "%s",
			 _("Please write down the receipt number and the query code, or ask at the front desk for a printed copy."));
	if (y < a.y + a.h - 1)
		y += ui_text_wrapped(y, x, a.w - (x - a.x), a.y + a.h - 1 - y, ui_attr(ctx, UI_NOTICE), buf);
	ui_text_center(a.y + a.h, a.x, a.w, ui_attr(ctx, UI_KEY),
		       _("Press any key to finish."));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	receipt_state *r = s->state;

	(void)act;
	(void)ch;
	if (ui_now_ms() - r->shown_ms < RECEIPT_GUARD_MS)
		return UI_DONE;
	ui_reset_session(ctx);
	return UI_DONE;
}

static int tick(ui_ctx *ctx, ui_screen *s, long now_ms)
{
	receipt_state *r = s->state;

	if (now_ms - r->shown_ms >= RECEIPT_SHOW_MS) {
		ui_reset_session(ctx);
		return 1;
	}
	return 0;
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
};
