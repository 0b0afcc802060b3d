/* Mediators or lawyers for the citizen's matter, best first, each with
 * the reasons in words and the next free time; 1 lets us choose.  When
 * nobody has a free time in the next 14 days, the screen says so and
 * offers to file without a booking. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_roster.h"
#include "screens.h"

int roster_ui_number(ui_ctx *ctx, int y, int x, int w, int n, int numw, int selected)
{
	char num[16];
	int a = ui_attr(ctx, selected ? UI_SELECTED : UI_KEY);

	/* The marker keeps the highlight visible without colour or reverse. */
	snprintf(num, sizeof(num), "%s%*d ", selected ? ">" : " ", numw, n);
	if (selected)
		ui_fill(y, x, w, ui_attr(ctx, UI_SELECTED));
	ui_text(y, x, w, a, num);
	return numw + 3;
}

void roster_ui_draw_list(ui_ctx *ctx, w_list *l, ui_rect r, int rows,
			 void (*item)(ui_ctx *ctx, void *user, int i, int y, int x, int w,
				      int selected),
			 void *user)
{
	int per = rows + 1, fit;

	if (l->n <= 0 || r.h < rows)
		return;
	if (l->n * per - 1 > r.h)
		per = rows;
	if (l->n * per - (per - rows) <= r.h) {
		l->page = l->n;
		l->top = 0;
		for (int i = 0; i < l->n; i++)
			item(ctx, user, i, r.y + i * per, r.x, r.w, i == l->sel);
		return;
	}
	/* A page at a time; the last row says there is more. */
	fit = (r.h - 1) / per;
	l->page = fit > 1 ? fit : 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + l->page)
		l->top = l->sel - l->page + 1;
	for (int i = 0; i < l->page && l->top + i < l->n; i++)
		item(ctx, user, l->top + i, r.y + i * per, r.x, r.w, l->top + i == l->sel);
	{
		char more[128];

		snprintf(more, sizeof(more), _("Choices %d-%d of %d: more with PgDn / PgUp or the arrow keys"),
			 l->top + 1, l->top + l->page < l->n ? l->top + l->page : l->n, l->n);
		ui_text(r.y + r.h - 1, r.x, r.w, ui_attr(ctx, UI_HINT), more);
	}
}

typedef struct hosts_state {
	roster_ui_arg a;
	jrc_ranked *r;
	size_t n;
	int any_free;            /* someone has a free time: "choose for me" is item 1 */
	jrc_lang lang;           /* language the reasons are in */
	w_list list;
} hosts_state;

static const char *no_label(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	(void)i;
	return "";
}

static int rank(ui_ctx *ctx, hosts_state *h)
{
	const wizard_draft *d = ctx->draft;
	jrc_rank_query q = { 0 };
	jrc_err err = { 0 };
	jrc_ranked *r;
	size_t n;

	q.category = d && d->category[0] && !d->category_unsure ? d->category : NULL;
	q.kind = h->a.kind;
	q.legal_aid_only = h->a.legal_aid;
	q.lang = i18n_code(ctx->lang);
	if (roster_rank(ctx->db, &q, &r, &n, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return -1;
	}
	free(h->r);
	h->r = r;
	h->n = n;
	h->lang = ctx->lang;
	h->any_free = 0;
	for (size_t i = 0; i < n; i++)
		h->any_free |= r[i].has_slot;
	w_list_init(&h->list, h->any_free ? (int)n + 1 : 1, no_label, h);
	return 0;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	hosts_state *h = calloc(1, sizeof(*h));
	roster_choice *c = ctx->draft ? ctx->draft->help_data : NULL;

	if (!h)
		return -1;
	h->a = *(const roster_ui_arg *)arg;
	if (rank(ctx, h) != 0) {
		free(h);
		return -1;
	}
	/* Coming back: highlight the person chosen before. */
	for (size_t i = 0; c && ctx->draft->help == h->a.opt && h->any_free && i < h->n; i++)
		if (strcmp(h->r[i].host.id, c->host.id) == 0)
			h->list.sel = (int)i + 1;
	s->state = h;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	hosts_state *h = s->state;

	(void)ctx;
	free(h->r);
	free(h);
}

static const char *kind_plural(const char *kind)
{
	if (strcmp(kind, "lawyer") == 0)
		return _("lawyers");
	if (strcmp(kind, "leader") == 0)
		return _("county leaders");
	return _("people's mediators");
}

/* An item's two parts, the name line and the line under it; each is
 * wrapped at the width, never cut. */
static void item_texts(const hosts_state *h, int i, char head[512], char sub[512])
{
	const jrc_ranked *r;
	const char *title;

	if (!h->any_free) {
		snprintf(head, 512, "%s", _("File without a booking"));
		snprintf(sub, 512, "%s", _("Your matter is registered now; staff will contact you about a meeting."));
		return;
	}
	if (i == 0) {
		const jrc_ranked *top = NULL;
		char when[64];

		for (size_t k = 0; k < h->n && !top; k++)
			if (h->r[k].has_slot)
				top = &h->r[k];
		snprintf(head, 512, "%s", _("Choose for me"));
		roster_when(top->next.start, clock_now(), when, sizeof(when));
		/* TRANSLATORS: the best-suited person who is free soonest, and when. */
		snprintf(sub, 512, _("the best-suited person with a free time: %s, %s"),
			 i18n_pick(top->host.name, top->host.name_en), when);
		return;
	}
	r = &h->r[i - 1];
	title = i18n_pick(r->host.title, r->host.title_en);
	/* The screen's title names the kind already: name and organisation. */
	snprintf(head, 512, "%s%s%s", i18n_pick(r->host.name, r->host.name_en), *title ? "  ·  " : "", title);
	snprintf(sub, 512, "%s", r->reasons);
}

static int item_rows(const hosts_state *h, int i, int w)
{
	char head[512], sub[512];

	item_texts(h, i, head, sub);
	return ui_text_lines(head, w) + ui_text_lines(sub, w);
}

static void item(ui_ctx *ctx, void *user, int i, int y, int x, int w, int selected)
{
	hosts_state *h = user;
	int numw = h->list.n >= 10 ? 2 : 1, off, dim;
	char head[512], sub[512];

	off = roster_ui_number(ctx, y, x, w, i + 1, numw, selected);
	item_texts(h, i, head, sub);
	dim = h->any_free && i > 0 && !h->r[i - 1].has_slot;
	y += ui_text_wrapped(y, x + off, w - off, 2, ui_attr(ctx, selected ? UI_SELECTED : UI_HEADING), head);
	ui_text_wrapped(y, x + off, w - off, 3, ui_attr(ctx, dim ? UI_HINT : UI_NORMAL), sub);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	hosts_state *h = s->state;
	ui_rect r = ui_content(ctx);
	char title[256], hint[512];

	if (h->lang != ctx->lang)
		rank(ctx, h);
	if (h->a.legal_aid)
		snprintf(title, sizeof(title), "%s", _("Lawyers who give free legal aid"));
	else
		snprintf(title, sizeof(title), _("Choose one of the %s"), kind_plural(h->a.kind));
	if (h->any_free) {
		snprintf(hint, sizeof(hint), "%s",
			 _("Best suited first. Press 1 to let us choose, or the number of a person."));
	} else {
		snprintf(hint, sizeof(hint), "%s", _("Nobody is free soon: you can file without a booking."));
	}
	ui_step_header(ctx, WIZ_STEP_HELP, wizard_step_count(ctx), title, hint);
	if (!h->any_free) {
		int used;

		snprintf(hint, sizeof(hint),
			 _("None of the %s has a free time in the next %d days. You can file your matter now "
			   "without a booking, and staff will contact you."), kind_plural(h->a.kind), JRC_ROSTER_DAYS);
		used = ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_NOTICE), hint);
		r.y += used + 1;
		r.h -= used + 1;
	}
	{
		int rows = 2, numw = h->list.n >= 10 ? 2 : 1;

		/* Every item gets the rows the longest needs at this width. */
		for (int i = 0; i < h->list.n; i++) {
			int k = item_rows(h, i, r.w - numw - 3);

			if (k > rows)
				rows = k;
		}
		roster_ui_draw_list(ctx, &h->list, r, rows, item, h);
	}
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	hosts_state *h = s->state;
	int picked;
	ui_result res = w_list_key(ctx, &h->list, act, ch, &picked);
	roster_ui_arg a;
	const jrc_ranked *r;

	if (picked < 0)
		return res;
	if (!h->any_free) {
		wizard_draft *d = ctx->draft;

		if (d->help && d->help->wipe)
			d->help->wipe(ctx);
		d->help = &wizard_help_none;
		d->help_data = NULL;
		ui_pop_to(ctx, &scr_help_step_ops);
		wizard_step_done(ctx, WIZ_STEP_HELP);
		return UI_DONE;
	}
	if (picked == 0) {
		/* Choose for me: the best-ranked person's earliest free time. */
		for (size_t k = 0; k < h->n; k++) {
			if (h->r[k].has_slot) {
				jrc_host host = h->r[k].host;
				jrc_slot slot = h->r[k].next;

				a = h->a;
				roster_ui_chosen(ctx, &a, &host, &slot);
				return UI_DONE;
			}
		}
		return UI_DONE;
	}
	r = &h->r[picked - 1];
	if (!r->has_slot) {
		ui_message(ctx, 1, _("%s has no free time in the next %d days: please choose someone else."),
			   i18n_pick(r->host.name, r->host.name_en), JRC_ROSTER_DAYS);
		return UI_DONE;
	}
	a = h->a;
	a.host = r->host;
	a.one_day = 0;
	ui_push(ctx, &scr_roster_slots_ops, &a);
	return UI_DONE;
}

const ui_screen_ops scr_roster_hosts_ops = {
	.name = "roster_hosts",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("These people can sit down with you about your matter. Those who know your kind of matter "
		     "and are free soonest come first; the line under each name says why. Press 1 and we choose the "
		     "best one with the earliest time, or press a person's number to see their free times."),
};
