/* The frame around the top screen: title bar with the date, the message
 * and key lines, the help overlay (F1), the idle warning, and the notice
 * for a terminal smaller than 80x24. */
#include <stdio.h>

#include "curses.h"
#include "engine.h"
#include "frame.h"
#include "ime.h"
#include "speak.h"
#include "wizard.h"
#include "jrc/text.h"

static void draw_title(ui_ctx *ctx)
{
	int a = ui_attr(ctx, UI_TITLE);
	char date[96];
	const char *title;
	int dw;

	ui_date_text(clock_local_date(clock_now()), date, sizeof(date));
	dw = (int)text_width(date);
	ui_fill(0, 0, ctx->cols, a);
	title = ui_center_name(ctx);
	/* A site's name after the center's can be too wide beside the date
	 * (in English): then the site's name alone, never a word cut short. */
	if ((int)text_width(title) > ctx->cols - dw - 4 && *i18n_pick(ctx->site_zh, ctx->site_en))
		title = i18n_pick(ctx->site_zh, ctx->site_en);
	ui_text(0, 1, ctx->cols - dw - 4, a, title);
	ui_text(0, ctx->cols - dw - 1, dw, a, date);
}

static void draw_status(ui_ctx *ctx)
{
	int a = ui_attr(ctx, UI_STATUS), y = ctx->rows - 1;
	char line[400], common[96], voice_keys[96] = "", staff_key[96] = "";
	const char *other, *own = NULL;
	ui_screen *s = ui_top(ctx);

	other = ctx->lang == JRC_LANG_ZH ? "English" : "中文";
	/* TRANSLATORS: on the key line at the bottom of every screen; keep
	 * the key names (Enter, Esc, F1, F2) as they are. */
	if (ui_lang_switch_offered(ctx))
		snprintf(common, sizeof(common), _("F1: help   F2: %s"), other);
	else
		snprintf(common, sizeof(common), "%s", _("F1: help"));
	if (speak_available(ctx))
		/* TRANSLATORS: on the key line when the kiosk can speak; F6 only
		 * where there is typed text to read back. */
		snprintf(voice_keys, sizeof(voice_keys), "   %s%s", _("F5: repeat"),
			 speak_has_read_back(ctx) ? _("   F6: read back") : "");
	if (wizard_handover_offered(ctx))
		/* TRANSLATORS: on the key line of every step of the filing
		 * form at the kiosk; keep F9. */
		snprintf(staff_key, sizeof(staff_key), "   %s", _("F9: ask staff to help me"));
	if (s && s->ops->status_keys)
		own = s->ops->status_keys(ctx, s);
	else if (s && s->ops->keys_msg)
		own = _(s->ops->keys_msg);
	else if (ctx->depth > 1)
		own = _("Enter: continue   Esc: back");
	/* The voice's keys before F9: a citizen who listens needs them most,
	 * and at 80 columns the line has room for only one of the two. */
	if (own && *own)
		snprintf(line, sizeof(line), "%s   %s%s%s", own, common, voice_keys, staff_key);
	else
		snprintf(line, sizeof(line), "%s%s%s", common, voice_keys, staff_key);
	ui_fill(y, 0, ctx->cols, a);
	ui_text(y, 1, ctx->cols - 2, a, line);
	if (ctx->staff_mode) {
		char who[64];
		int w;

		/* No staff ID on a screen the public may see. */
		snprintf(who, sizeof(who), "%s", _("Staff mode"));
		w = (int)text_width(who);
		if (w + (int)text_width(line) + 6 < ctx->cols)
			ui_text(y, ctx->cols - w - 1, w, a, who);
	}
}

static void draw_message(ui_ctx *ctx)
{
	int y = ctx->rows - 2;

	if (!ctx->message[0])
		return;
	ui_text_center(y, 0, ctx->cols,
		       ui_attr(ctx, ctx->message_error ? UI_ERROR : UI_NOTICE), ctx->message);
}

/* A framed box in the middle with wrapped paragraphs. */
static void draw_overlay(ui_ctx *ctx, const char *title, const char *body, const char *footer)
{
	int w = ctx->cols - 8 < 72 ? ctx->cols - 8 : 72, tw = w - 4;
	int lines = ui_text_lines(body, tw), h, maxh = ctx->rows - 4;
	ui_rect r;

	h = lines + 6;
	if (h > maxh) {
		h = maxh;
		lines = h - 6;
	}
	r.h = h;
	r.w = w;
	r.y = (ctx->rows - h) / 2;
	r.x = (ctx->cols - w) / 2;
	/* A clear margin, so the screen below does not run into the frame. */
	for (int y = r.y - 1; y <= r.y + h; y++)
		ui_fill(y, r.x - 2, w + 4, ui_attr(ctx, UI_NORMAL));
	ui_box(r, ui_attr(ctx, UI_NORMAL));
	ui_text_center(r.y + 1, r.x + 2, tw, ui_attr(ctx, UI_HEADING), title);
	ui_text_wrapped(r.y + 3, r.x + 2, tw, lines, ui_attr(ctx, UI_NORMAL), body);
	ui_text_center(r.y + h - 2, r.x + 2, tw, ui_attr(ctx, UI_KEY), footer);
}

const char *ui_screen_help(ui_ctx *ctx, ui_screen *s)
{
	if (!s)
		return NULL;
	if (s->ops->help_text)
		return s->ops->help_text(ctx, s);
	return s->ops->help_msg ? _(s->ops->help_msg) : NULL;
}

static void draw_help(ui_ctx *ctx)
{
	ui_screen *s = ui_top(ctx);
	const char *text = ui_screen_help(ctx, s);
	char body[2048];

	snprintf(body, sizeof(body), "%s\n\n%s", text ? text : "",
		 _("Press the number in front of a choice to choose it, or move with the arrow keys and press Enter. "
		   "Esc goes back one step and keeps what you typed. F2 switches between Chinese and English. "
		   "If you are stuck, please ask the staff at the front desk."));
	draw_overlay(ctx, _("Help"), text ? body : body + 2, _("Press any key to close this help."));
}

int ui_countdown_left(ui_ctx *ctx, int64_t now)
{
	int64_t left = ctx->countdown_seconds - (now - ctx->countdown_start_ms) / 1000;

	return left > 0 ? (int)left : 0;
}

static void draw_countdown(ui_ctx *ctx)
{
	char body[512];
	int left = ui_countdown_left(ctx, ui_now_ms());

	if (ctx->staff_mode) {
		/* At the desk the warning is for staff, not for a citizen. */
		snprintf(body, sizeof(body),
			 _("No key has been pressed for a while. In %d seconds the desk logs you out, and what is typed in an open form is thrown away."),
			 left);
		draw_overlay(ctx, _("Still working?"), body, _("Press any key to stay logged in."));
		return;
	}
	snprintf(body, sizeof(body),
		 _("Nobody has pressed a key for a while. In %d seconds everything typed here will be wiped and the first screen shown, so that the next person cannot see it."),
		 left);
	draw_overlay(ctx, _("Are you still there?"), body,
		     _("Press any key to continue."));
}

static void draw_too_small(ui_ctx *ctx)
{
	const char *lines[3];
	char size[64];
	int y = ctx->rows / 2 - 2;

	snprintf(size, sizeof(size), _("Now: %dx%d"), ctx->cols, ctx->rows);
	lines[0] = _("This window is too small.");
	lines[1] = _("Please make the window larger: at least 80x24.");
	lines[2] = size;
	if (y < 0)
		y = 0;
	for (int i = 0; i < 3; i++)
		ui_text_center(y + i, 0, ctx->cols, ui_attr(ctx, i == 0 ? UI_HEADING : UI_NORMAL),
			       lines[i]);
}

void ui_frame_draw(ui_ctx *ctx)
{
	ui_screen *s = ui_top(ctx);

	erase();
	ctx->cur_visible = 0;
	ctx->ime_keys_shown = 0;
	ctx->ime_cand_y = -1;
	if (ctx->too_small) {
		draw_too_small(ctx);
	} else {
		speak_begin(ctx);
		draw_title(ctx);
		if (s && s->ops->draw)
			s->ops->draw(ctx, s);
		ime_draw_candidates(ctx);
		draw_message(ctx);
		draw_status(ctx);
		if (ctx->help_open)
			draw_help(ctx);
		if (ctx->countdown)
			draw_countdown(ctx);
	}
	if (ctx->cur_visible && !ctx->help_open && !ctx->countdown && !ctx->too_small) {
		curs_set(1);
		move(ctx->cur_y, ctx->cur_x);
	} else {
		curs_set(0);
		move(ctx->rows - 1, ctx->cols - 1);
	}
	refresh();
	ctx->dirty = 0;
	/* After the screen is out: speaking starts once it is seen. */
	if (!ctx->too_small)
		speak_end(ctx);
}
