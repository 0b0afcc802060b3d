/* The free times of one person, today's first, or of one reception day;
 * choosing one keeps it for the filing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "curses.h"
#include "scr_roster.h"
#include "scr_status.h"
#include "screens.h"

typedef struct slots_state {
	roster_ui_arg a;
	jrc_slot *v;
	size_t n;
	char (*labels)[320];
	int one_room;               /* every time in the same room: said once, above */
	w_list list;
} slots_state;

static const char *label(ui_ctx *ctx, void *user, int i)
{
	slots_state *s = user;
	char when[64], end[32], at[512];
	const char *room = site_room(ctx->db, s->v[i].room, s->v[i].room_en, at, sizeof(at));

	/* Built at each draw, so a language switch shows at once. */
	roster_when(s->v[i].start, clock_now(), when, sizeof(when));
	clock_format_local(s->v[i].end, end);
	if (s->one_room)
		snprintf(s->labels[i], sizeof(s->labels[i]), "%s-%s", when, end + 11);
	else
		snprintf(s->labels[i], sizeof(s->labels[i]), "%s-%s   %s", when, end + 11, room);
	return s->labels[i];
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	slots_state *st = calloc(1, sizeof(*st));
	jrc_err err = { 0 };
	jrc_date from;
	int days;
	roster_choice *c = ctx->draft && !((const roster_ui_arg *)arg)->rebook_case
			   ? ctx->draft->help_data : NULL;

	if (!st)
		return -1;
	st->a = *(const roster_ui_arg *)arg;
	from = st->a.one_day ? st->a.day : clock_local_date(clock_now());
	/* Moving a leader's appointment: their days come every other week. */
	days = st->a.one_day ? 1 : st->a.rebook_case && !strcmp(st->a.host.kind, "leader")
				    ? ROSTER_UI_LEADER_DAYS : JRC_ROSTER_DAYS;
	if (roster_slots(ctx->db, st->a.host.id, from, days, 1,
			 &st->v, &st->n, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		free(st);
		return -1;
	}
	if (!st->n) {
		ui_message(ctx, 1, _("%s has no free time left: please choose someone else or another day."),
			   i18n_pick(st->a.host.name, st->a.host.name_en));
		free(st->v);
		free(st);
		return -1;
	}
	if (st->n > ROSTER_UI_MAX_SLOTS)
		st->n = ROSTER_UI_MAX_SLOTS;
	st->one_room = 1;
	for (size_t i = 1; i < st->n; i++)
		if (strcmp(st->v[i].room, st->v[0].room) || strcmp(st->v[i].room_en, st->v[0].room_en))
			st->one_room = 0;
	if (!(st->labels = calloc(st->n, sizeof(*st->labels)))) {
		free(st->v);
		free(st);
		return -1;
	}
	w_list_init(&st->list, (int)st->n, label, st);
	for (size_t i = 0; c && ctx->draft->help && i < st->n; i++)
		if (c->chosen && !strcmp(c->host.id, st->a.host.id) && c->slot.start == st->v[i].start)
			st->list.sel = (int)i;
	s->state = st;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	slots_state *st = s->state;

	(void)ctx;
	free(st->v);
	free(st->labels);
	free(st);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	slots_state *st = s->state;
	ui_rect r = ui_content(ctx);
	char title[256], info[512];
	const jrc_host *h = &st->a.host;
	const char *blurb = i18n_pick(h->blurb, h->blurb_en);
	int used = 0;

	snprintf(title, sizeof(title), _("Free times of %s (%s)"), i18n_pick(h->name, h->name_en),
		 roster_kind_label(h->kind));
	ui_step_header(ctx, st->a.from_home ? 0 : WIZ_STEP_HELP, st->a.from_home ? 0 : wizard_step_count(ctx), title,
		       st->a.rebook_case ? _("Choose a new time with its number. Until then your time stays.")
					 : _("Choose a time with its number. The earliest come first."));
	if (*blurb)
		used += ui_text_wrapped(r.y, r.x, r.w, 2, ui_attr(ctx, UI_NORMAL), blurb);
	if (*h->languages) {
		char langs[256];

		roster_languages_text(h->languages, langs, sizeof(langs));
		snprintf(info, sizeof(info), _("Speaks: %s"), langs);
		used += ui_text_wrapped(r.y + used, r.x, r.w, 1, ui_attr(ctx, UI_HINT), info);
	}
	if (st->one_room && (*st->v[0].room || *st->v[0].room_en)) {
		char at[512];

		/* Whole, wrapped if need be: from a township it names the hall. */
		snprintf(info, sizeof(info), _("Where: %s"),
			 site_room(ctx->db, st->v[0].room, st->v[0].room_en, at, sizeof(at)));
		used += ui_text_wrapped(r.y + used, r.x, r.w, 2, ui_attr(ctx, UI_NORMAL), info);
	}
	if (used) {
		r.y += used + 1;
		r.h -= used + 1;
	}
	w_list_draw(ctx, &st->list, r);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	slots_state *st = s->state;
	int picked;
	ui_result res = w_list_key(ctx, &st->list, act, ch, &picked);

	if (picked < 0)
		return res;
	if (st->v[picked].start < clock_now()) {
		ui_message(ctx, 1, "%s", _("That time has just passed: please choose a later one."));
		return UI_DONE;
	}
	if (st->a.rebook_case)
		status_booking_moved(ctx, st->a.rebook_case, &st->v[picked]);
	else
		roster_ui_chosen(ctx, &st->a, &st->a.host, &st->v[picked]);
	return UI_DONE;
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	const slots_state *st = s->state;

	(void)ctx;
	if (st->a.rebook_case)
		return _("These are the other free times of the same person. Press the number of the one that "
			 "suits you: your appointment moves to it at once, and the old time becomes free. Esc "
			 "keeps the time you have.");
	return _("These are the free times. Press the number of the one that suits you. The time is booked "
		 "when you send your matter at the end, and it is printed on your receipt.");
}

const ui_screen_ops scr_roster_slots_ops = {
	.name = "roster_slots",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_text = help,
};
