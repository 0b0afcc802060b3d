/* County leaders' reception days (领导下访接待日): when, who, where,
 * about what, and how many times are free.  Picking a day shows its free
 * times; from the home screen the chosen time then goes into a new filing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_roster.h"
#include "screens.h"

typedef struct days_state {
	roster_ui_arg a;
	jrc_session *se;
	size_t n;
	char category[8];        /* the matter's category, to mark fitting days */
	w_list list;             /* no days in the wizard: one "file without" item */
} days_state;

static const char *no_label(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	(void)i;
	return "";
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	days_state *d = calloc(1, sizeof(*d));
	jrc_err err = { 0 };
	const wizard_draft *dr = ctx->draft;
	roster_choice *c = dr ? dr->help_data : NULL;

	if (!d)
		return -1;
	d->a = *(const roster_ui_arg *)arg;
	if (roster_sessions(ctx->db, NULL, "leader", clock_local_date(clock_now()),
			    ROSTER_UI_LEADER_DAYS, &d->se, &d->n, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		free(d);
		return -1;
	}
	if (!d->a.from_home && dr && dr->category[0] && !dr->category_unsure)
		snprintf(d->category, sizeof(d->category), "%s", dr->category);
	w_list_init(&d->list, d->n ? (int)d->n : d->a.from_home ? 0 : 1, no_label, d);
	for (size_t i = 0; c && c->chosen && dr->help == d->a.opt && i < d->n; i++)
		if (!strcmp(d->se[i].host.id, c->host.id) &&
		    date_cmp(d->se[i].day, clock_local_date(c->slot.start)) == 0)
			d->list.sel = (int)i;
	s->state = d;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	days_state *d = s->state;

	(void)ctx;
	free(d->se);
	free(d);
}

/* Does the leader take up the matter's kind (the specialties the ranking
 * of mediators uses)? */
static int fits(const days_state *d, const jrc_session *se)
{
	return d->category[0] && roster_knows(&se->host, d->category);
}

/* The three parts of a day, each wrapped (never cut) at the width. */
static void item_texts(ui_ctx *ctx, const days_state *d, int i, char head[768], char topics[768],
		       char free[768])
{
	const jrc_session *se = &d->se[i];
	char when[64], end[32], first[64], at[512];
	const char *t;

	roster_when(se->start, clock_now(), when, sizeof(when));
	clock_format_local(se->end, end);
	/* TRANSLATORS: day and start, end time, leader's name, their post. */
	snprintf(head, 768, _("%s-%s   %s, %s"), when, end + 11, i18n_pick(se->host.name, se->host.name_en),
		 i18n_pick(se->host.title, se->host.title_en));
	t = i18n_pick(se->topics, se->topics_en);
	if (fits(d, se))
		snprintf(topics, 768, _("For your kind of matter: %s"), *t ? t : _("any matter"));
	else
		snprintf(topics, 768, _("Topics: %s"), *t ? t : _("any matter"));
	if (se->nfree && se->first_free == se->start) {
		/* The first time is the day's start, shown above already. */
		snprintf(free, 768, _("%d of %d times free"), se->nfree, se->nslots);
	} else if (se->nfree) {
		roster_when(se->first_free, clock_now(), first, sizeof(first));
		snprintf(free, 768, _("%d of %d times free, the first %s"), se->nfree, se->nslots, first);
	} else {
		snprintf(free, 768, "%s", _("Fully booked"));
	}
	snprintf(free + strlen(free), 768 - strlen(free), "  ·  ");
	snprintf(free + strlen(free), 768 - strlen(free), _("Where: %s"),
		 site_room(ctx->db, se->room, se->room_en, at, sizeof(at)));
}

static int item_rows(ui_ctx *ctx, const days_state *d, int i, int w)
{
	char head[768], topics[768], free[768];

	item_texts(ctx, d, i, head, topics, free);
	return ui_text_lines(head, w) + ui_text_lines(topics, w) + ui_text_lines(free, w);
}

static void item(ui_ctx *ctx, void *user, int i, int y, int x, int w, int selected)
{
	days_state *d = user;
	int numw = d->list.n >= 10 ? 2 : 1, off = roster_ui_number(ctx, y, x, w, i + 1, numw, selected);
	char head[768], topics[768], free[768];
	const jrc_session *se;

	if (!d->n) {
		ui_text(y, x + off, w - off, ui_attr(ctx, selected ? UI_SELECTED : UI_HEADING),
			_("File without a booking"));
		return;
	}
	se = &d->se[i];
	item_texts(ctx, d, i, head, topics, free);
	w -= off;
	x += off;
	y += ui_text_wrapped(y, x, w, 3, ui_attr(ctx, selected ? UI_SELECTED : UI_HEADING), head);
	y += ui_text_wrapped(y, x, w, 3, ui_attr(ctx, fits(d, se) ? UI_KEY : UI_NORMAL), topics);
	ui_text_wrapped(y, x, w, 3, ui_attr(ctx, se->nfree ? UI_KEY : UI_HINT), free);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	days_state *d = s->state;
	ui_rect r = ui_content(ctx);
	char buf[512];
	int rows = 1, numw = d->list.n >= 10 ? 2 : 1;

	ui_step_header(ctx, d->a.from_home ? 0 : WIZ_STEP_HELP, d->a.from_home ? 0 : wizard_step_count(ctx),
		       _("Leader reception days"),
		       !d->n ? NULL
		       : d->category[0] ? _("Days marked \"For your kind of matter\" suit it best. Press a day's number.")
		       : _("County leaders receive citizens on these days. Choose a day with its number."));
	if (!d->n) {
		snprintf(buf, sizeof(buf),
			 _("No county leader has a reception day in the next %d days. You can file your matter "
			   "now, and staff will tell you when the next reception day is."), ROSTER_UI_LEADER_DAYS);
		r.y += 1 + ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_NOTICE), buf);
		r.h -= 4;
		if (d->a.from_home)
			return;
	}
	/* Every day gets the rows the longest needs at this width. */
	for (size_t i = 0; i < d->n; i++) {
		int k = item_rows(ctx, d, (int)i, r.w - numw - 3);

		if (k > rows)
			rows = k;
	}
	roster_ui_draw_list(ctx, &d->list, r, rows, item, d);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	days_state *d = s->state;
	int picked;
	ui_result res = w_list_key(ctx, &d->list, act, ch, &picked);
	roster_ui_arg a;
	const jrc_session *se;

	if (picked < 0)
		return res;
	if (!d->n) {
		wizard_draft *dr = ctx->draft;

		if (dr->help && dr->help->wipe)
			dr->help->wipe(ctx);
		dr->help = &wizard_help_none;
		dr->help_data = NULL;
		ui_pop_to(ctx, &scr_help_step_ops);
		wizard_step_done(ctx, WIZ_STEP_HELP);
		return UI_DONE;
	}
	se = &d->se[picked];
	if (!se->nfree) {
		ui_message(ctx, 1, "%s", _("That day is fully booked: please choose another day."));
		return UI_DONE;
	}
	a = d->a;
	a.host = se->host;
	a.day = se->day;
	a.one_day = 1;
	/* A leader who does not take up this kind of matter: say so first. */
	ui_push(ctx, d->category[0] && !fits(d, se) ? &scr_roster_fit_ops : &scr_roster_slots_ops, &a);
	return UI_DONE;
}

const ui_screen_ops scr_roster_days_ops = {
	.name = "roster_days",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("On reception days a county leader sits in the center and hears citizens in person. Each "
		     "day shows who receives, where, which matters they take up, and how many times are still "
		     "free. Press a day's number to see its times. Esc goes back."),
};

/* ---------------------------------------------------------------- fit */

typedef struct fit_state {
	roster_ui_arg a;
	w_confirm yn;
} fit_state;

static int fit_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	fit_state *f = calloc(1, sizeof(*f));

	(void)ctx;
	if (!f)
		return -1;
	f->a = *(const roster_ui_arg *)arg;
	f->yn.sel = 1;           /* Enter alone does not go on with the wrong leader */
	s->state = f;
	return 0;
}

static void fit_leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static void fit_draw(ui_ctx *ctx, ui_screen *s)
{
	fit_state *f = s->state;
	ui_rect r = ui_content(ctx);
	char buf[768];
	int y;

	ui_step_header(ctx, WIZ_STEP_HELP, wizard_step_count(ctx), _("This leader may not be the right one"),
		       _("Press 1 to choose this day anyway, or 2 to choose another day."));
	roster_ui_mismatch(ctx, &f->a.host, buf, sizeof(buf));
	y = r.y + 1 + ui_text_wrapped(r.y + 1, r.x, r.w, 5, ui_attr(ctx, UI_NOTICE), buf);
	w_confirm_draw(ctx, &f->yn, r, y + 1, _("This day anyway"), _("Another day"));
}

static ui_result fit_key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	fit_state *f = s->state;
	ui_result res;
	int c = w_confirm_key(&f->yn, act, ch, &res);
	roster_ui_arg a;

	if (c < 0)
		return res;
	a = f->a;
	if (c == 1)
		ui_replace(ctx, &scr_roster_slots_ops, &a);
	else
		ui_pop(ctx);
	return UI_DONE;
}

static const char *fit_help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("Each leader takes up certain kinds of matters on their reception day. The one you chose does "
		 "not usually take up yours. Press 1 to meet them anyway, or 2 to go back to the days and choose "
		 "one marked for your kind of matter.");
}

const ui_screen_ops scr_roster_fit_ops = {
	.name = "roster_fit",
	.enter = fit_enter,
	.leave = fit_leave,
	.draw = fit_draw,
	.key = fit_key,
	.help_text = fit_help,
};
