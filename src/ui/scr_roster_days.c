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

/* Does the leader take up this kind of matter on that day? */
static int fits(const days_state *d, const jrc_session *se)
{
	const char *p = se->host.specialties;
	size_t n = strlen(d->category);

	for (; n && (p = strstr(p, d->category)); p += n)
		if ((p == se->host.specialties || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

/* The three parts of a day's entry: when and who, the topics, the free
 * times and the place. */
static void day_lines(const days_state *d, int i, char *l1, char *l2, char *l3, size_t size)
{
	const jrc_session *se = &d->se[i];
	char when[64], end[32], first[32];
	const char *title = i18n_pick(se->host.title, se->host.title_en);
	const char *topics = i18n_pick(se->topics, se->topics_en);

	roster_when(se->start, clock_now(), when, sizeof(when));
	clock_format_local(se->end, end);
	/* TRANSLATORS: day and start, end time, leader's name, their post. */
	snprintf(l1, size, _("%s-%s   %s, %s"), when, end + 11, i18n_pick(se->host.name, se->host.name_en), title);
	snprintf(l2, size, _("Topics: %s"), *topics ? topics : _("any matter"));
	if (d->category[0] && fits(d, se)) {
		size_t len = strlen(l2);

		snprintf(l2 + len, size - len, "  (%s)", _("about your kind of matter"));
	}
	if (se->nfree) {
		/* The day is on the first line: the time is enough here. */
		clock_format_local(se->first_free, first);
		snprintf(l3, size, _("%d of %d times free, the first %s"), se->nfree, se->nslots, first + 11);
	} else {
		snprintf(l3, size, "%s", _("Fully booked"));
	}
	snprintf(l3 + strlen(l3), size - strlen(l3), "  ·  ");
	snprintf(l3 + strlen(l3), size - strlen(l3), _("Where: %s"), i18n_pick(se->room, se->room_en));
}

static void item(ui_ctx *ctx, void *user, int i, int y, int x, int w, int selected)
{
	days_state *d = user;
	const jrc_session *se;
	int numw = d->list.n >= 10 ? 2 : 1, off = roster_ui_number(ctx, y, x, w, i + 1, numw, selected);
	char l1[768], l2[768], l3[768];

	if (!d->n) {
		ui_text(y, x + off, w - off, ui_attr(ctx, selected ? UI_SELECTED : UI_HEADING),
			_("File without a booking"));
		return;
	}
	se = &d->se[i];
	day_lines(d, i, l1, l2, l3, sizeof(l1));
	/* Wrapped, not cut, at 80 columns. */
	y += ui_text_wrapped(y, x + off, w - off, 2, ui_attr(ctx, selected ? UI_SELECTED : UI_HEADING), l1);
	y += ui_text_wrapped(y, x + off, w - off, 2, ui_attr(ctx, UI_NORMAL), l2);
	ui_text_wrapped(y, x + off, w - off, 2, ui_attr(ctx, se->nfree ? UI_KEY : UI_HINT), l3);
}

/* Rows the tallest entry needs at this width. */
static int day_rows(const days_state *d, int w)
{
	int numw = d->list.n >= 10 ? 2 : 1, tw = w - (numw + 3), rows = 3;
	char l1[768], l2[768], l3[768];

	if (!d->n || tw < 10)
		return d->n ? 3 : 1;
	for (size_t i = 0; i < d->n; i++) {
		int a, b, c;

		day_lines(d, (int)i, l1, l2, l3, sizeof(l1));
		a = ui_text_lines(l1, tw);
		b = ui_text_lines(l2, tw);
		c = ui_text_lines(l3, tw);
		a = (a > 2 ? 2 : a) + (b > 2 ? 2 : b) + (c > 2 ? 2 : c);
		if (a > rows)
			rows = a;
	}
	return rows;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	days_state *d = s->state;
	ui_rect r = ui_content(ctx);
	char buf[512];

	ui_step_header(ctx, d->a.from_home ? 0 : WIZ_STEP_HELP, d->a.from_home ? 0 : WIZ_STEPS,
		       _("Leader reception days"),
		       d->n ? _("County leaders receive citizens on these days. Choose a day with its number.")
			    : NULL);
	if (!d->n) {
		snprintf(buf, sizeof(buf),
			 _("No county leader has a reception day in the next %d days. You can file your matter "
			   "now, and staff will tell you when the next reception day is."), ROSTER_UI_LEADER_DAYS);
		r.y += 1 + ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_NOTICE), buf);
		r.h -= 4;
		if (d->a.from_home)
			return;
	}
	roster_ui_draw_list(ctx, &d->list, r, day_rows(d, r.w), item, d);
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
	ui_push(ctx, &scr_roster_slots_ops, &a);
	return UI_DONE;
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("On reception days a county leader sits in the center and hears citizens in person. Each "
		 "day shows who receives, where, which matters they take up, and how many times are still "
		 "free. Press a day's number to see its times. Esc goes back.");
}

const ui_screen_ops scr_roster_days_ops = {
	.name = "roster_days",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_text = help,
};
