/* A queue ticket for a quick question (home screen): the number and the
 * window in block letters, for a citizen who reads little; how many are
 * ahead; a slip when a printer is set up; the number said aloud when the
 * voice is on.  Enter (or the idle timer) gives the kiosk back to the
 * home screen with nothing of this citizen left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "voice.h"
#include "widgets.h"
#include "jrc/queue.h"
#include "jrc/roster.h"
#include "jrc/text.h"

enum {
	PRINT_PENDING = 2,
	TICKET_GUARD_MS = 800        /* the tail of the key that chose it */
};

typedef struct ticket_state {
	jrc_ticket t;
	int checkin;                 /* an appointment's check-in (scr_checkin.c) */
	jrc_booking b;               /* its booking: the room and the time */
	int printed;                 /* 1 printed, 0 no printer, -1 failed */
	char print_msg[512];
	int64_t shown_ms;
} ticket_state;

int ticket_home_available(ui_ctx *ctx)
{
	jrc_window *w = NULL;
	size_t n = 0;

	if (queue_windows(ctx->db, &w, &n, NULL) != JRC_OK)
		return 0;
	free(w);
	return n > 0;
}

void ticket_home_open(ui_ctx *ctx)
{
	jrc_ticket_in in = { 0 };
	jrc_ticket t;
	jrc_err err = { 0 };
	char actor[96];

	snprintf(actor, sizeof(actor), "%s", ctx->terminal[0] ? ctx->terminal : "kiosk");
	in.reason = "question";
	in.actor = actor;
	if (queue_take(ctx->db, &in, &t, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", *err.msg ? err.msg : jrc_status_message(err.code));
		return;
	}
	if (ui_push(ctx, &scr_ticket_ops, &t) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	ticket_state *k = s->state;

	(void)ctx;
	k->t = *(const jrc_ticket *)arg;
	k->printed = PRINT_PENDING;
	k->shown_ms = ui_now_ms();
	return 0;
}

/* The check-in's ticket: arg is a jrc_checkin * (copied). */
static int checkin_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	ticket_state *k = s->state;
	const jrc_checkin *ci = arg;

	(void)ctx;
	k->t = ci->t;
	k->b = ci->b;
	k->checkin = 1;
	k->printed = PRINT_PENDING;
	k->shown_ms = ui_now_ms();
	return 0;
}

static void say(ui_ctx *ctx, ticket_state *k)
{
	char num[128], wins[64], line[400];

	/* Collected at every draw: the voice says it when the screen is
	 * new (or in the other language, or F5 repeats it). */
	if (!speak_on(ctx))
		return;
	voice_digits(ctx->lang, k->t.label, num, sizeof(num));
	queue_windows_text(&k->t, ctx->lang == JRC_LANG_ZH, wins, sizeof(wins));
	/* TRANSLATORS: spoken slowly; the number comes letter by letter. */
	snprintf(line, sizeof(line), _("Your number is %s. Please wait for window %s. %d ahead of you."),
		 num, wins, k->t.ahead);
	speak_slow(ctx, line);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	ticket_state *k = s->state;
	ui_rect a = ui_content(ctx);
	int y = a.y, tall = a.h >= 2 * BIGFONT_ROWS + 8, rows = tall ? BIGFONT_ROWS : BIGFONT_HALF_ROWS;
	int attr = ui_attr(ctx, UI_HEADING);
	char wins[64], buf[256], big[16];
	void (*bigdraw)(int, int, int, const char *) = tall ? bigfont_draw : bigfont_draw_half;

	if (k->checkin) {
		char appt[512];

		ui_step_header(ctx, 0, 0, _("You are checked in"),
			       _("Please sit in the waiting area until your number is called."));
		roster_booking_line(ctx->db, &k->b, appt, sizeof(appt));
		y += ui_text_wrapped(y, a.x, a.w, 2, ui_attr(ctx, UI_NORMAL), appt);
		snprintf(buf, sizeof(buf), _("Room: %s"), i18n_pick(k->b.room, k->b.room_en));
		ui_text(y++, a.x, a.w, ui_attr(ctx, UI_HEADING), buf);
	} else if (strcmp(k->t.reason, "help") == 0) {
		/* Handed over from the filing form (F9, handover.c). */
		ui_step_header(ctx, 0, 0, _("Your queue number"),
			       _("Staff will help you finish your form: what you entered is kept for them, not on this screen. When your number is called, go to the window shown."));
	} else {
		ui_step_header(ctx, 0, 0, _("Your queue number"),
			       _("Please sit in the waiting area. When your number is called, go to the window shown."));
	}
	queue_windows_text(&k->t, ctx->lang == JRC_LANG_ZH, wins, sizeof(wins));
	snprintf(buf, sizeof(buf), _("Your number: %s"), k->t.label);
	ui_text(y++, a.x, a.w, ui_attr(ctx, UI_NORMAL), buf);
	if (bigfont_width(k->t.label) <= a.w - 2) {
		bigdraw(y, a.x + 2, attr, k->t.label);
		y += rows;
	} else {
		ui_text(y++, a.x + 2, a.w - 2, attr, k->t.label);
	}
	snprintf(buf, sizeof(buf), k->t.nwindows > 1 ? _("Windows %s (the one that calls you)")
						     : _("Window %s"), wins);
	ui_text(y++, a.x, a.w, ui_attr(ctx, UI_NORMAL), buf);
	/* The window large too, when there is one to go to. */
	if (k->t.nwindows == 1 && !k->checkin) {
		snprintf(big, sizeof(big), "%d", k->t.windows[0]);
		if (bigfont_width(big) <= a.w - 2) {
			bigdraw(y, a.x + 2, attr, big);
			y += rows;
		}
	}
	y++;
	snprintf(buf, sizeof(buf), _("People ahead of you: %d"), k->t.ahead);
	ui_text(y++, a.x, a.w, ui_attr(ctx, UI_NOTICE), buf);
	if (k->printed == 1)
		ui_text_wrapped(y, a.x, a.w, 2, ui_attr(ctx, UI_NORMAL),
				_("Your number is being printed: please take the slip."));
	else if (k->printed == -1)
		ui_text_wrapped(y, a.x, a.w, 2, ui_attr(ctx, UI_ERROR), k->print_msg);
	else if (k->printed == 0)
		ui_text_wrapped(y, a.x, a.w, 2, ui_attr(ctx, UI_NORMAL),
				_("Please remember your number, or write it down."));
	ui_text_center(a.y + a.h, a.x, a.w, ui_attr(ctx, UI_KEY), _("Press Enter when you have noted it."));
	say(ctx, k);
}

static void print_now(ui_ctx *ctx, ticket_state *k)
{
	jrc_err err = { 0 };
	int printed = 0;

	if (queue_slip_print(ctx->db, &k->t, ctx->printer, &printed, &err) != JRC_OK) {
		k->printed = -1;
		snprintf(k->print_msg, sizeof(k->print_msg), "%s%s",
			 _("The slip could not be printed: please remember your number. "),
			 *err.msg ? err.msg : "");
		return;
	}
	k->printed = printed;
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	ticket_state *k = s->state;

	(void)now_ms;
	if (k->printed != PRINT_PENDING)
		return 0;
	print_now(ctx, k);
	return 1;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	ticket_state *k = s->state;

	(void)ch;
	if (ui_now_ms() - k->shown_ms < TICKET_GUARD_MS)
		return UI_DONE;
	if (k->printed == PRINT_PENDING)
		print_now(ctx, k);
	if (act == UI_ACT_NEXT || act == UI_ACT_BACK) {
		ui_reset_session(ctx);
		return UI_DONE;
	}
	return UI_PASS;
}

const ui_screen_ops scr_ticket_ops = {
	.name = "ticket",
	.enter = enter,
	.draw = draw,
	.key = key,
	.tick = tick,
	.state_size = sizeof(ticket_state),
	.help_msg = N_("This is your place in the line. Sit in the waiting area; the screen in the hall and the "
		     "staff call the number. If you miss your turn, ask at the front desk. Press Enter to finish: "
		     "the kiosk goes back to the start."),
	.keys_msg = N_("Enter: done"),
};

const ui_screen_ops scr_checkin_ticket_ops = {
	.name = "checkin_ticket",
	.enter = checkin_enter,
	.draw = draw,
	.key = key,
	.tick = tick,
	.state_size = sizeof(ticket_state),
	.help_msg = N_("You are checked in for your appointment, and this is your place in the line. Sit in the "
		     "waiting area; when the number is called, staff take you to the room shown. Press Enter to "
		     "finish: the kiosk goes back to the start."),
	.keys_msg = N_("Enter: done"),
};
