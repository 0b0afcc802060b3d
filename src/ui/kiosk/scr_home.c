/* The home screen: the center's name, today's date and the numbered
 * choices.  Only choices that exist are shown: each capability adds one
 * line to home_entries[]. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "home_visits.h"
#include "scr_desk.h"
#include "scr_roster.h"
#include "scr_status.h"
#include "screens.h"
#include "speak.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/text.h"

static void open_filing(ui_ctx *ctx)
{
	wizard_start(ctx);
}

static const ui_home_entry home_entries[] = {
	{ N_("Tell us about a problem (file a grievance)"), NULL, open_filing },
	{ N_("Check the progress of a matter"), NULL, status_open },
	{ N_("Check in for an appointment (you booked a time)"), ticket_home_available, checkin_home_open },
	{ N_("Leader reception days: meet a county leader"), roster_home_available, roster_home_open },
	{ N_("Opinion survey: a few questions, anonymous"), survey_home_available, survey_home_open },
	{ N_("Voice guidance: have each screen read aloud"), speak_available, speak_home_toggle },
	{ N_("A quick question: take a number for a window"), ticket_home_available, ticket_home_open },
	{ N_("Staff only: log in to the front desk"), NULL, desk_home_open },
	/* Check progress, leader reception days and staff add their lines
	 * here, in the order they should be numbered. */
};

enum { N_ENTRIES = sizeof(home_entries) / sizeof(home_entries[0]) };

typedef struct home_state {
	w_list list;
	const ui_home_entry *shown[N_ENTRIES];
	int nshown;
	home_visits visits;             /* leaders' visits announced here */
} home_state;

static void collect(ui_ctx *ctx, home_state *h)
{
	h->nshown = 0;
	for (int i = 0; i < N_ENTRIES; i++)
		if (!home_entries[i].available || home_entries[i].available(ctx))
			h->shown[h->nshown++] = &home_entries[i];
	/* The language switch is the last choice, where it can be offered. */
	h->list.n = h->nshown + (ui_lang_switch_offered(ctx) ? 1 : 0);
	if (h->list.sel >= h->list.n)
		h->list.sel = 0;
}

static const char *label(ui_ctx *ctx, void *user, int i)
{
	home_state *h = user;

	if (i < h->nshown)
		return _(h->shown[i]->label);
	if (ctx->lang == JRC_LANG_ZH)
		return "English";
	return "中文 (Chinese)";
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	home_state *h = s->state;

	(void)arg;
	w_list_init(&h->list, 1, label, h);
	h->list.gap = 1;
	collect(ctx, h);
	home_visits_load(ctx, &h->visits);
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	home_state *h = s->state;

	(void)ctx;
	home_visits_free(&h->visits);
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	home_state *h = s->state;

	/* Only while home is on top: a citizen's screens are not redrawn. */
	if (ctx->depth != 1)
		return 0;
	/* Left alone as long as the idle wipe waits: a new citizen, who may
	 * answer the survey. */
	if (ctx->survey_done_ms && ctx->idle_seconds > 0 &&
	    now_ms - ctx->last_key_ms >= (int64_t)ctx->idle_seconds * 1000) {
		ctx->survey_done_ms = 0;
		return 1;
	}
	return home_visits_tick(ctx, &h->visits, now_ms);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	home_state *h = s->state;
	ui_rect r = ui_content(ctx), lr;
	int maxw = 0, top, bottom, vlines;

	collect(ctx, h);
	ui_step_header(ctx, 0, 0, _("Welcome"),
		       _("Press the number of what you want to do, or move with the arrow keys and press Enter."));
	for (int i = 0; i < h->list.n; i++) {
		int w = (int)text_width(label(ctx, h, i));

		if (w > maxw)
			maxw = w;
	}
	/* A block in the middle: big targets, nothing else competing. */
	top = r.y + (r.h > 14 ? (r.h - 14) / 3 : 0);
	ui_text_center(top, r.x, r.w, ui_attr(ctx, UI_HEADING), ui_center_name(ctx));
	lr.w = maxw + 8 < r.w ? maxw + 8 : r.w;
	lr.x = r.x + (r.w - lr.w) / 2;
	lr.y = top + 3;
	bottom = r.y + r.h - (ui_english_only_reason(ctx) ? 2 : 0);
	/* The visits announced below the choices; the choices close up when
	 * both would not fit with a blank line between them. */
	h->list.gap = 1;
	vlines = home_visits_lines(&h->visits, r.w - 4, bottom - (lr.y + 2 * h->list.n));
	if (h->visits.n && !vlines) {
		h->list.gap = 0;
		vlines = home_visits_lines(&h->visits, r.w - 4, bottom - (lr.y + h->list.n + 1));
	}
	lr.h = (vlines ? bottom - vlines - 1 : r.y + r.h - 2) - lr.y;
	w_list_draw(ctx, &h->list, lr);
	if (vlines)
		home_visits_draw(ctx, &h->visits, bottom - vlines, r.x + 2, r.w - 4, vlines);
	if (ui_english_only_reason(ctx))
		ui_text_wrapped(r.y + r.h - 2, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE),
				ui_english_only_reason(ctx));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	home_state *h = s->state;
	int picked;
	ui_result r;

	collect(ctx, h);
	if (act == UI_ACT_BACK)
		return UI_DONE;     /* nowhere further back */
	r = w_list_key(ctx, &h->list, act, ch, &picked);
	if (picked < 0)
		return r;
	if (picked < h->nshown) {
		int depth = ctx->depth;

		h->shown[picked]->open(ctx);
		/* Leaving the home screen: the next citizen finds the cursor on
		 * the first choice, not on what this one chose.  A choice that
		 * stays here (a switch) keeps it. */
		if (ctx->depth != depth) {
			h->list.sel = 0;
			h->list.top = 0;
			h->list.pending = -1;
		}
	} else if (ui_lang_switch_offered(ctx))
		ui_set_lang(ctx, ctx->lang == JRC_LANG_ZH ? JRC_LANG_EN : JRC_LANG_ZH);
	return UI_DONE;
}

const ui_screen_ops scr_home_ops = {
	.name = "home",
	.enter = enter,
	.leave = leave,
	.tick = tick,
	.state_size = sizeof(home_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("Here you can tell the government about a problem, free of charge. You get a receipt number "
		     "to follow it up. Press 1 to begin. F2 changes the language at any time."),
};
