/* The wizard's help options for the roster: a people's mediator, a lawyer
 * (after the legal-aid question), a county leader's reception day.  The
 * chosen person and time live in draft->help_data until the case is
 * filed; the booking is made in the filing's own transaction, so a case
 * and its booking are saved together or not at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_roster.h"
#include "screens.h"
#include "jrc/text.h"

static int have_kind(ui_ctx *ctx, const char *kind)
{
	jrc_host *h;
	size_t n = 0;

	if (roster_hosts(ctx->db, kind, &h, &n, NULL) != JRC_OK)
		return 0;
	free(h);
	return n > 0;
}

static int have_mediators(ui_ctx *ctx)
{
	return have_kind(ctx, "mediator");
}

static int have_lawyers(ui_ctx *ctx)
{
	return have_kind(ctx, "lawyer");
}

static int have_leaders(ui_ctx *ctx)
{
	return have_kind(ctx, "leader");
}

/* Opening an option: go and choose (step 6 shows a booking already
 * chosen first, so this is a new choice or a change). */
static void pick(ui_ctx *ctx, const wizard_help_option *self)
{
	roster_ui_arg a = { .opt = self, .kind = self->kind };

	if (strcmp(self->kind, "lawyer") == 0)
		ui_push(ctx, &scr_roster_legal_ops, &a);
	else if (strcmp(self->kind, "leader") == 0)
		ui_push(ctx, &scr_roster_days_ops, &a);
	else
		ui_push(ctx, &scr_roster_hosts_ops, &a);
}

static int chosen(ui_ctx *ctx)
{
	const wizard_draft *d = ctx->draft;
	const roster_choice *c = d ? d->help_data : NULL;

	return c && c->chosen;
}

int roster_ui_mismatch(ui_ctx *ctx, const jrc_host *h, char *out, size_t size)
{
	const wizard_draft *d = ctx->draft;
	char cat[128];

	out[0] = '\0';
	if (!d || !d->category[0] || d->category_unsure || strcmp(h->kind, "leader") != 0 ||
	    roster_knows(h, d->category))
		return 0;
	wizard_category_name(ctx, cat, sizeof(cat));
	/* TRANSLATORS: the leader's name, the citizen's kind of matter. */
	snprintf(out, size, _("%s does not usually take up matters of this kind (%s). You can still meet "
			      "them, or choose a day of a leader who takes up your kind of matter."),
		 i18n_pick(h->name, h->name_en), cat);
	return 1;
}

static void mismatch(ui_ctx *ctx, char *out, size_t size)
{
	const wizard_draft *d = ctx->draft;
	const roster_choice *c = d ? d->help_data : NULL;

	out[0] = '\0';
	if (c && c->chosen)
		roster_ui_mismatch(ctx, &c->host, out, size);
}

/* "张晓红 (people's mediator), today 15:00-15:30, Mediation room 1". */
static void line(ui_ctx *ctx, const roster_choice *c, jrc_time now, char *out, size_t size)
{
	char when[64], end[32], at[512];
	const char *room = site_room(ctx->db, c->slot.room, c->slot.room_en, at, sizeof(at));

	roster_when(c->slot.start, now, when, sizeof(when));
	clock_format_local(c->slot.end, end);
	/* TRANSLATORS: name, kind of helper, day and start time, end time, room */
	snprintf(out, size, _("%s (%s), %s-%s, %s"), i18n_pick(c->host.name, c->host.name_en),
		 roster_kind_label(c->host.kind), when, end + 11, *room ? room : _("ask at the front desk"));
}

static void describe(ui_ctx *ctx, char *out, size_t size)
{
	const roster_choice *c = ctx->draft ? ctx->draft->help_data : NULL;

	if (!c || !c->chosen) {
		snprintf(out, size, "%s", _("No booking: staff will contact you"));
		return;
	}
	line(ctx, c, clock_now(), out, size);
}

/* Inside the filing transaction.  A time that passed while the citizen
 * typed, or that someone else took first, rolls the filing back; the
 * choice moves to the next free time of the same person, and the sentence
 * says so, so "Try again" on the review files with that time. */
static jrc_status file_in_tx(ui_ctx *ctx, const jrc_case *k, jrc_err *err)
{
	roster_choice *c = ctx->draft->help_data;
	jrc_slot alt;
	jrc_status s;
	char was[64], next[64];
	jrc_time now = clock_now();

	if (!c || !c->chosen)
		return JRC_OK;
	if (c->slot.start < now) {
		roster_when(c->slot.start, now, was, sizeof(was));
		if (roster_next_free(ctx->db, c->host.id, now, &alt, NULL) != JRC_OK) {
			c->chosen = 0;
			return jrc_err_set(err, JRC_E_CONFLICT, "slot",
					   _("The time you chose (%s) has passed, and %s has no other free time in the next %d days. Choose Try again to file without a booking, or go back and choose someone else."),
					   was, i18n_pick(c->host.name, c->host.name_en), JRC_ROSTER_DAYS);
		}
		c->slot = alt;
		roster_when(alt.start, now, next, sizeof(next));
		return jrc_err_set(err, JRC_E_CONFLICT, "slot",
				   _("The time you chose (%s) has passed. The next free time with %s is %s: choose Try again to take it."),
				   was, i18n_pick(c->host.name, c->host.name_en), next);
	}
	s = roster_book_in_tx(ctx->db, k->id, c->host.id, c->slot.start,
			      ctx->staff_mode ? "desk" : "kiosk", NULL, &alt, err);
	if (s != JRC_E_CONFLICT)
		return s;
	roster_when(c->slot.start, now, was, sizeof(was));
	if (!alt.start) {
		c->chosen = 0;
		return jrc_err_set(err, JRC_E_CONFLICT, "slot",
				   _("Someone else has just booked %s with %s, and there is no other free time in the next %d days. Choose Try again to file without a booking, or go back and choose someone else."),
				   was, i18n_pick(c->host.name, c->host.name_en), JRC_ROSTER_DAYS);
	}
	c->slot = alt;
	roster_when(alt.start, now, next, sizeof(next));
	return jrc_err_set(err, JRC_E_CONFLICT, "slot",
			   _("Someone else has just booked %s with %s. The next free time is %s: choose Try again to take it."),
			   was, i18n_pick(c->host.name, c->host.name_en), next);
}

/* From the database, so the receipt shows what was really saved. */
static void receipt_line(ui_ctx *ctx, const jrc_case *k, char *out, size_t size)
{
	jrc_booking b;
	char l[400];

	out[0] = '\0';
	if (roster_case_booking(ctx->db, k->id, &b, NULL) != JRC_OK)
		return;
	roster_booking_line(ctx->db, &b, l, sizeof(l));
	snprintf(out, size, _("Your appointment: %s"), l);
}

static void wipe(ui_ctx *ctx)
{
	wizard_draft *d = ctx->draft;

	if (!d || !d->help_data)
		return;
	memset(d->help_data, 0, sizeof(roster_choice));
	free(d->help_data);
	d->help_data = NULL;
}

const wizard_help_option roster_help_mediator = {
	.kind = "mediator",
	.label = N_("Talk with a people's mediator"),
	.available = have_mediators,
	.pick = pick,
	.describe = describe,
	.file_in_tx = file_in_tx,
	.receipt_line = receipt_line,
	.wipe = wipe,
	.chosen = chosen,
	.mismatch = mismatch,
};

const wizard_help_option roster_help_lawyer = {
	.kind = "lawyer",
	.label = N_("See a lawyer (free legal aid if you qualify)"),
	.available = have_lawyers,
	.pick = pick,
	.describe = describe,
	.file_in_tx = file_in_tx,
	.receipt_line = receipt_line,
	.wipe = wipe,
	.chosen = chosen,
	.mismatch = mismatch,
};

const wizard_help_option roster_help_leader = {
	.kind = "leader",
	.label = N_("Meet a county leader on a reception day"),
	.available = have_leaders,
	.pick = pick,
	.describe = describe,
	.file_in_tx = file_in_tx,
	.receipt_line = receipt_line,
	.wipe = wipe,
	.chosen = chosen,
	.mismatch = mismatch,
};

void roster_ui_chosen(ui_ctx *ctx, const roster_ui_arg *arg, const jrc_host *host,
		      const jrc_slot *slot)
{
	/* Copies: the pointers may be into a screen about to be popped. */
	roster_ui_arg a0 = *arg, *a = &a0;
	jrc_host hc = *host, *h = &hc;
	jrc_slot sc = *slot, *sl = &sc;
	wizard_draft *d;
	roster_choice *c;
	const wizard_help_option *opt = a->opt;
	char l[512];

	if (a->from_home) {
		/* A new filing that starts with this booking. */
		ui_pop_to_root(ctx);
		if (wizard_start(ctx) != 0)
			return;
		opt = &roster_help_leader;
	}
	d = ctx->draft;
	if (d->help != opt || !d->help_data) {
		if (d->help && d->help->wipe)
			d->help->wipe(ctx);
		d->help_data = NULL;
		if (!(c = calloc(1, sizeof(*c)))) {
			ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
			return;
		}
		d->help_data = c;
	}
	c = d->help_data;
	c->host = *h;
	c->slot = *sl;
	c->chosen = 1;
	d->help = opt;
	if (a->from_home) {
		line(ctx, c, clock_now(), l, sizeof(l));
		ui_message(ctx, 0, _("Chosen: %s. Now tell us about your matter."), l);
		return;
	}
	ui_pop_to(ctx, &scr_help_step_ops);
	wizard_step_done(ctx, WIZ_STEP_HELP);
}

/* ---------------------------------------------------------------- legal aid */

typedef struct legal_state {
	roster_ui_arg a;
	w_confirm yn;
} legal_state;

static int legal_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	legal_state *l = calloc(1, sizeof(*l));

	(void)ctx;
	if (!l)
		return -1;
	l->a = *(const roster_ui_arg *)arg;
	l->yn.sel = 1;
	s->state = l;
	return 0;
}

static void legal_leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static void legal_draw(ui_ctx *ctx, ui_screen *s)
{
	legal_state *l = s->state;
	ui_rect r = ui_content(ctx);
	int y;

	ui_step_header(ctx, WIZ_STEP_HELP, wizard_step_count(ctx), _("Do you need free legal aid?"),
		       _("Press 1 for yes or 2 for no."));
	y = r.y + 1 + ui_text_wrapped(r.y + 1, r.x, r.w, 5, ui_attr(ctx, UI_NORMAL),
				      _("Free legal aid is for people who cannot afford a lawyer, for example "
					"with the minimum living allowance, or in a matter of unpaid wages or a "
					"work injury. If you choose yes, we show only the lawyers who give it; "
					"bring your papers, and the lawyer will check that you qualify."));
	w_confirm_draw(ctx, &l->yn, r, y + 1, _("Yes, free legal aid"), _("No, any lawyer"));
}

static ui_result legal_key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	legal_state *l = s->state;
	ui_result res;
	int c = w_confirm_key(&l->yn, act, ch, &res);
	roster_ui_arg a;

	if (c < 0)
		return res;
	a = l->a;
	a.legal_aid = c == 1;
	ui_replace(ctx, &scr_roster_hosts_ops, &a);
	return UI_DONE;
}

static const char *legal_help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("Lawyers at the center give advice. Some give free legal aid to those who qualify. Press 1 if "
		 "you need it, 2 to see every lawyer. Esc goes back.");
}

const ui_screen_ops scr_roster_legal_ops = {
	.name = "roster_legal",
	.enter = legal_enter,
	.leave = legal_leave,
	.draw = legal_draw,
	.key = legal_key,
	.help_text = legal_help,
};

/* ---------------------------------------------------------------- home */

int roster_home_available(ui_ctx *ctx)
{
	return have_leaders(ctx);
}

void roster_home_open(ui_ctx *ctx)
{
	roster_ui_arg a = { .opt = &roster_help_leader, .kind = "leader", .from_home = 1 };

	ui_push(ctx, &scr_roster_days_ops, &a);
}
