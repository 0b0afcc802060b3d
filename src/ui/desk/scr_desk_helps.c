/* The drafts citizens handed to staff with F9 at a kiosk (H on the
 * worklist): ticket, when, step reached, category, until when, who has
 * claimed it; nothing the citizen typed.  The draft itself opens from the
 * queue screen (W) of a window that calls the ticket.  Read again every
 * two seconds; listing wipes the expired ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scr_desk.h"
#include "jrc/help.h"
#include "jrc/refdata.h"

enum { RELOAD_MS = 2000 };

typedef struct helps_state {
	desk_session *sess;
	jrc_help_request *r;
	size_t n;
	char error[512];
	int64_t loaded_ms;
} helps_state;

static void load(ui_ctx *ctx, helps_state *h)
{
	jrc_err err = { 0 };

	free(h->r);
	h->r = NULL;
	h->n = 0;
	h->error[0] = '\0';
	h->loaded_ms = ui_now_ms();
	if (help_request_list(ctx->db, &h->r, &h->n, &err) != JRC_OK)
		snprintf(h->error, sizeof(h->error), "%s", err.msg);
}

void desk_helps_open(ui_ctx *ctx, desk_session *sess)
{
	if (desk_session_check(ctx, sess) != 0)
		return;
	if (ui_push(ctx, &scr_desk_helps_ops, sess) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	helps_state *h = s->state;

	h->sess = arg;
	load(ctx, h);
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	helps_state *h = s->state;

	(void)ctx;
	free(h->r);
}

static void hhmm(const char *utc, char out[8])
{
	jrc_time t;
	time_t tt;
	struct tm tm;

	if (clock_parse(utc, &t) != JRC_OK) {
		snprintf(out, 8, "?");
		return;
	}
	tt = (time_t)t;
	localtime_r(&tt, &tm);
	strftime(out, 8, "%H:%M", &tm);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	helps_state *h = s->state;
	ui_rect r = ui_content(ctx);
	int y = r.y, rows;
	char buf[400], made[8], until[8], cat[160];

	ui_step_header(ctx, 0, 0, _("Drafts handed to staff at the kiosks"),
		       _("Call the ticket from the queue of its window (W): Enter there opens the draft filled in."));
	if (h->error[0])
		y += ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), h->error);
	if (!h->n) {
		ui_text(y + 1, r.x + 2, r.w - 2, ui_attr(ctx, UI_HINT), _("No help requests are waiting."));
		return;
	}
	rows = r.y + r.h - y;
	for (size_t i = 0; i < h->n && (int)i < rows; i++) {
		const jrc_help_request *q = &h->r[i];
		jrc_category c;

		hhmm(q->created_at, made);
		hhmm(q->expires_at, until);
		if (*q->category && refdata_category(ctx->db, q->category, &c, NULL) == JRC_OK)
			snprintf(cat, sizeof(cat), "%s", i18n_pick(c.name_zh, c.name_en));
		else
			snprintf(cat, sizeof(cat), "%s", _("kind not chosen"));
		/* TRANSLATORS: ticket, time made, step reached, category, expiry. */
		snprintf(buf, sizeof(buf), _("%-6s %s  step %d  %s  until %s"), q->ticket, made, q->step,
			 cat, until);
		if (*q->claimed_by)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), _("  (opened by %s)"),
				 q->claimed_by);
		ui_text(y++, r.x + 2, r.w - 2, ui_attr(ctx, *q->claimed_by ? UI_HINT : UI_NORMAL), buf);
	}
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	(void)ctx;
	(void)s;
	(void)act;
	(void)ch;
	return UI_PASS;
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	helps_state *h = s->state;

	if (ui_top(ctx) != s || now_ms - h->loaded_ms < RELOAD_MS)
		return 0;
	load(ctx, h);
	return 1;
}

const ui_screen_ops scr_desk_helps_ops = {
	.name = "desk_helps",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.tick = tick,
	.state_size = sizeof(helps_state),
	.help_msg = N_("Citizens who pressed F9 in the kiosk's filing form: each took a queue ticket and left "
		     "what they had entered as a draft for the front desk. A window that calls the ticket opens "
		     "the draft with Enter on its queue screen (W) and files it with the citizen; the draft is "
		     "then wiped. A draft nobody files is wiped when it expires (the help_expiry setting). "
		     "Nothing the citizen typed is shown here."),
	.keys_msg = N_("Esc: back"),
};
