/* Check progress, before the entry: "Do you have your receipt number?"
 * and, for a citizen who lost it, "I lost my number": the resident ID
 * number and the phone given when filing bring the receipt numbers back
 * (recover.c).  Tries that find nothing count like lookups; the query
 * code is never shown here: it comes to the front desk with the ID card
 * (or, once SMS exists, to the phone). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_status.h"
#include "screens.h"
#include "widgets.h"
#include "jrc/recover.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

/* ---------------------------------------------------------------- the question */

static const char *start_label(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	return i == 0 ? _("I have my receipt number") : _("I lost my number: find it with my ID number and phone");
}

static int start_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	w_list *l = calloc(1, sizeof(*l));

	(void)ctx;
	(void)arg;
	if (!l)
		return -1;
	w_list_init(l, 2, start_label, NULL);
	l->gap = 1;
	s->state = l;
	return 0;
}

static void start_leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static void start_draw(ui_ctx *ctx, ui_screen *s)
{
	ui_step_header(ctx, 0, 0, _("Check the progress of your matter"),
		       _("Do you have the receipt number? Press 1 or 2."));
	w_list_draw(ctx, s->state, ui_content(ctx));
}

static ui_result start_key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	int picked;
	ui_result r = w_list_key(ctx, s->state, act, ch, &picked);

	if (picked == 0)
		ui_replace(ctx, &scr_status_entry_ops, NULL);
	else if (picked == 1)
		ui_replace(ctx, &scr_status_lost_ops, NULL);
	return r;
}

static const char *start_help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("With the receipt number and the query code (or the last 4 digits of your phone) you can see "
		 "how your matter stands. If you lost the number, press 2: your ID number and phone find it.");
}

const ui_screen_ops scr_status_start_ops = {
	.name = "status_start",
	.enter = start_enter,
	.leave = start_leave,
	.draw = start_draw,
	.key = start_key,
	.help_text = start_help,
};

/* ---------------------------------------------------------------- the lost number */

enum { L_ID, L_PHONE, L_COUNT, LOST_ID_MAX = 18, LOST_PHONE_MAX = 20 };

typedef struct lost_state {
	int focus;
	char id[LOST_ID_MAX * 4 + 1], phone[LOST_PHONE_MAX * 4 + 1];
	w_field id_f, phone_f;
	char error[512];
	int bad;                    /* field of the error, -1 none */
	int64_t wait_until_ms;        /* the slow-down after a try that found nothing */
	int locked;
	jrc_recovered found[JRC_RECOVER_MAX];
	char cat_zh[JRC_RECOVER_MAX][64], cat_en[JRC_RECOVER_MAX][96]; /* their kinds, by name */
	size_t nfound;
	int shown;                  /* the list of numbers is up */
} lost_state;

static int lost_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	lost_state *l = calloc(1, sizeof(*l));

	(void)ctx;
	(void)arg;
	if (!l)
		return -1;
	w_field_init(&l->id_f, l->id, sizeof(l->id), LOST_ID_MAX, w_filter_id_number);
	w_field_init(&l->phone_f, l->phone, sizeof(l->phone), LOST_PHONE_MAX, w_filter_phone);
	l->bad = -1;
	s->state = l;
	return 0;
}

static void lost_leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	/* An ID number, a phone and the numbers found: none of it stays. */
	explicit_bzero(s->state, sizeof(lost_state));
	free(s->state);
}

static int waiting_s(const lost_state *l)
{
	int64_t left = l->wait_until_ms - ui_now_ms();

	return left > 0 ? (int)((left + 999) / 1000) : 0;
}

static void draw_found(ui_ctx *ctx, lost_state *l, ui_rect r)
{
	int y = r.y;
	char line[256], date[96];

	ui_text(y++, r.x, r.w, ui_attr(ctx, UI_HEADING), _("Matters filed with this ID number and phone:"));
	y++;
	for (size_t i = 0; i < l->nfound && y < r.y + r.h - 4; i++) {
		const jrc_recovered *f = &l->found[i];
		const char *cname = i18n_pick(l->cat_zh[i], l->cat_en[i]);

		ui_text(y, r.x + 2, 20, ui_attr(ctx, UI_HEADING), f->receipt);
		/* TRANSLATORS: filing date, kind of matter, where it stands. */
		ui_ymd_text(f->filed_on, date, sizeof(date));
		snprintf(line, sizeof(line), _("filed %s · %s · %s"), date, cname,
			 lifecycle_state_label(f->state));
		/* The long date of an English line wraps under itself. */
		y += ui_text_wrapped(y, r.x + 22, r.w - 22, 2, ui_attr(ctx, UI_NORMAL), line);
	}
	y++;
	snprintf(line, sizeof(line),
		 _("The query code is not shown here. To check progress now, use the receipt number with the last 4 "
		   "digits of your phone (%s). For the query code, bring your ID card to the front desk."),
		 l->nfound ? l->found[0].phone_masked : "");
	ui_text_wrapped(y, r.x, r.w, r.y + r.h - y, ui_attr(ctx, UI_NOTICE), line);
	ui_text_center(r.y + r.h, r.x, r.w, ui_attr(ctx, UI_KEY),
		       _("Please write the number down. Press Enter to finish."));
}

static void lost_draw(ui_ctx *ctx, ui_screen *s)
{
	lost_state *l = s->state;
	ui_rect r = ui_content(ctx);
	int lw = 0, fx, y, wait = waiting_s(l);
	const char *labels[L_COUNT] = { _("Resident ID number"), _("Phone given when filing") };
	char buf[256];

	ui_step_header(ctx, 0, 0, _("I lost my receipt number"),
		       l->shown ? NULL : _("Type the ID card number and the phone you gave when filing, then press Enter."));
	if (l->shown) {
		draw_found(ctx, l, r);
		return;
	}
	for (int i = 0; i < L_COUNT; i++)
		if ((int)text_width(labels[i]) > lw)
			lw = (int)text_width(labels[i]);
	lw += 4;
	fx = r.x + lw;
	for (int i = 0; i < L_COUNT; i++) {
		int focused = l->focus == i && !wait && !l->locked;

		y = r.y + i * 3;
		ui_text(y, r.x, 2, ui_attr(ctx, UI_KEY), l->focus == i ? ">" : " ");
		ui_text(y, r.x + 2, lw - 2, ui_attr(ctx, l->focus == i ? UI_HEADING : UI_NORMAL), labels[i]);
		w_field_draw(ctx, i == L_ID ? &l->id_f : &l->phone_f, y, fx, 24, focused);
		if (l->bad == i && l->error[0])
			ui_text_wrapped(y + 1, fx, r.w - lw, 2, ui_attr(ctx, UI_ERROR), l->error);
	}
	y = r.y + L_COUNT * 3 + 1;
	if (l->bad < 0 && l->error[0])
		y += ui_text_wrapped(y, r.x, r.w, 4, ui_attr(ctx, UI_ERROR), l->error) + 1;
	if (wait) {
		snprintf(buf, sizeof(buf), _("Please wait %d seconds, then try again."), wait);
		ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE), buf);
		return;
	}
	if (!l->locked)
		ui_text_wrapped(y, r.x, r.w, 4, ui_attr(ctx, UI_HINT),
				_("This works only for matters filed with your name, ID card and phone. If you filed "
				  "anonymously, or without an ID card, please ask at the front desk."));
}

static void lost_try(ui_ctx *ctx, lost_state *l)
{
	jrc_lookup_info info;
	jrc_err err = { 0 };
	jrc_status st;

	st = recover_numbers(ctx->db, l->id, l->phone, "kiosk", l->found, &l->nfound, &info, &err);
	l->error[0] = '\0';
	l->bad = -1;
	if (st == JRC_OK) {
		/* Names now, not while drawing; F2 picks between them. */
		for (size_t i = 0; i < l->nfound; i++) {
			jrc_category cat;

			if (refdata_category(ctx->db, l->found[i].category, &cat, NULL) == JRC_OK) {
				snprintf(l->cat_zh[i], sizeof(l->cat_zh[i]), "%s", cat.name_zh);
				snprintf(l->cat_en[i], sizeof(l->cat_en[i]), "%s", cat.name_en);
			} else {
				snprintf(l->cat_zh[i], sizeof(l->cat_zh[i]), "%s", l->found[i].category);
				snprintf(l->cat_en[i], sizeof(l->cat_en[i]), "%s", l->found[i].category);
			}
		}
		l->shown = 1;
		return;
	}
	snprintf(l->error, sizeof(l->error), "%s", err.msg[0] ? err.msg : jrc_status_message(st));
	if (st == JRC_E_INVALID) {
		l->bad = strcmp(err.field, "phone") == 0 ? L_PHONE : L_ID;
		l->focus = l->bad;
		return;
	}
	if (st == JRC_E_LOCKED_OUT)
		l->locked = 1;
	else if (info.delay_seconds > 0)
		l->wait_until_ms = ui_now_ms() + info.delay_seconds * (int64_t)1000;
}

static ui_result lost_key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	lost_state *l = s->state;
	w_field *f;

	if (act == UI_ACT_BACK)
		return UI_PASS;
	if (l->shown) {
		if (act == UI_ACT_NEXT)
			ui_reset_session(ctx);
		return UI_DONE;
	}
	if (l->locked || waiting_s(l))
		return UI_DONE;
	switch (act) {
	case UI_ACT_NEXT:
		if (l->focus == L_ID)
			l->focus = L_PHONE;
		else
			lost_try(ctx, l);
		return UI_DONE;
	case UI_ACT_FIELD_NEXT:
	case UI_ACT_FIELD_PREV:
		l->focus = l->focus == L_ID ? L_PHONE : L_ID;
		return UI_DONE;
	default:
		break;
	}
	f = l->focus == L_ID ? &l->id_f : &l->phone_f;
	if (w_field_key(ctx, f, act, ch) == UI_DONE && f->e.refused)
		ui_message(ctx, 1, "%s", l->focus == L_ID ? _("An ID number has 17 digits and a last digit or X.")
							  : _("Type digits only."));
	return UI_DONE;
}

static int lost_tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	lost_state *l = s->state;

	(void)ctx;
	(void)now_ms;
	if (!l->wait_until_ms)
		return 0;
	if (!waiting_s(l))
		l->wait_until_ms = 0;   /* one last redraw without the wait */
	return 1;
}

static const char *lost_help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("Type the 18 characters of your resident ID card and the phone number you gave when you filed. "
		 "The receipt numbers of your matters are then shown. After several tries that find nothing, this "
		 "pauses for an hour. The query code is given at the front desk against your ID card.");
}

static const char *lost_keys(ui_ctx *ctx, ui_screen *s)
{
	lost_state *l = s->state;

	(void)ctx;
	return l->shown ? _("Enter: finish   Esc: back") : _("Tab: next field   Enter: find   Esc: back");
}

const ui_screen_ops scr_status_lost_ops = {
	.name = "status_lost",
	.enter = lost_enter,
	.leave = lost_leave,
	.draw = lost_draw,
	.key = lost_key,
	.tick = lost_tick,
	.help_text = lost_help,
	.status_keys = lost_keys,
};
