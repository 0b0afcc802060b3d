/* Step 6: would the citizen like help (a mediator, a lawyer, a leader's
 * reception day)?  Each choice is a wizard_help_option; the roster adds
 * its options to help_options[] below.  Until then only "no help".
 * When the draft already holds a booking (a leader's day chosen from the
 * home screen, or coming back from the review), the step shows that
 * booking first, to keep, change or drop, instead of asking again. */
#include <stdio.h>
#include <stdlib.h>

#include "curses.h"
#include "scr_roster.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"

static void none_describe(ui_ctx *ctx, char *out, size_t size)
{
	(void)ctx;
	snprintf(out, size, "%s", _("No help needed"));
}

const wizard_help_option wizard_help_none = {
	.kind = "none",
	.label = N_("No help needed, go on"),
	.describe = none_describe,
};

/* In the order shown.  Each capability adds one line (its option is
 * defined in its own file and declared in wizard.h or its own header);
 * "no help" stays last. */
static const wizard_help_option *const help_options[] = {
	&roster_help_mediator,
	&roster_help_lawyer,
	&roster_help_leader,
	&wizard_help_none,
};

enum { N_OPTIONS = sizeof(help_options) / sizeof(help_options[0]) };

size_t wizard_help_options(ui_ctx *ctx, const wizard_help_option **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < N_OPTIONS && n < max; i++)
		if (!help_options[i]->available || help_options[i]->available(ctx))
			out[n++] = help_options[i];
	return n;
}

typedef struct help_state {
	const wizard_help_option *opts[N_OPTIONS];
	size_t n;
	w_list list;
	w_list booked;          /* keep / change / drop the booking */
	int list_gen;           /* draft->help_gen when "change" was chosen */
} help_state;

static const char *const booked_labels[] = {
	N_("Keep it"),
	N_("Change it: choose another time or other help"),
	N_("Drop it: no booking"),
};

static const char *booked_label(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	return _(booked_labels[i]);
}

/* The booking is shown first unless the citizen chose to change it since
 * the Help step was last finished. */
static int showing_booking(ui_ctx *ctx, const help_state *h)
{
	const wizard_draft *d = ctx->draft;

	return d && d->help && d->help->chosen && d->help->chosen(ctx) && h->list_gen != d->help_gen;
}

static const char *label(ui_ctx *ctx, void *user, int i)
{
	help_state *h = user;

	(void)ctx;
	return _(h->opts[i]->label);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	help_state *h = s->state;

	(void)arg;
	h->n = wizard_help_options(ctx, h->opts, N_OPTIONS);
	w_list_init(&h->list, (int)h->n, label, h);
	h->list.gap = 1;
	w_list_init(&h->booked, 3, booked_label, h);
	h->booked.gap = 1;
	h->list_gen = -1;
	/* The cursor starts on "no help", so Enter pressed again and again
	 * never books anyone: a helper is chosen by a digit or on purpose. */
	for (size_t i = 0; i < h->n; i++)
		if (h->opts[i] == &wizard_help_none)
			h->list.sel = (int)i;
	for (size_t i = 0; i < h->n; i++)
		if (h->opts[i] == ctx->draft->help)
			h->list.sel = (int)i;
	return 0;
}

static void draw_booking(ui_ctx *ctx, help_state *h)
{
	const wizard_draft *d = ctx->draft;
	ui_rect r = ui_content(ctx);
	char buf[768];
	int used;

	ui_step_header(ctx, WIZ_STEP_HELP, wizard_step_count(ctx), _("Your chosen appointment"),
		       _("Press 1 to keep it, 2 to change it, or 3 to drop it."));
	buf[0] = '\0';
	if (d->help->describe)
		d->help->describe(ctx, buf, sizeof(buf));
	used = ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_HEADING), buf);
	r.y += used + 1;
	r.h -= used + 1;
	buf[0] = '\0';
	if (d->help->mismatch)
		d->help->mismatch(ctx, buf, sizeof(buf));
	if (buf[0]) {
		used = ui_text_wrapped(r.y, r.x, r.w, 4, ui_attr(ctx, UI_NOTICE), buf);
		r.y += used + 1;
		r.h -= used + 1;
	}
	w_list_draw(ctx, &h->booked, r);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	help_state *h = s->state;
	ui_rect r = ui_content(ctx);

	if (showing_booking(ctx, h)) {
		draw_booking(ctx, h);
		return;
	}
	ui_step_header(ctx, WIZ_STEP_HELP, wizard_step_count(ctx), wizard_step_title(WIZ_STEP_HELP),
		       h->n > 1 ? _("Choose the help you would like, or none.")
				: _("Press 1 or Enter to go on."));
	w_list_draw(ctx, &h->list, r);
}

static ui_result key_booking(ui_ctx *ctx, help_state *h, ui_action act, wint_t ch)
{
	wizard_draft *d = ctx->draft;
	const wizard_help_option *o = d->help;
	int picked;
	ui_result r = w_list_key(ctx, &h->booked, act, ch, &picked);

	if (picked < 0)
		return r;
	h->booked.sel = 0;
	if (picked == 0) {
		wizard_step_done(ctx, WIZ_STEP_HELP);
	} else if (picked == 1) {
		/* Straight to the choosing screens; Esc there comes back to the
		 * list of help, to choose another kind. */
		h->list_gen = d->help_gen;
		for (size_t i = 0; i < h->n; i++)
			if (h->opts[i] == o)
				h->list.sel = (int)i;
		if (o->pick)
			o->pick(ctx, o);
	} else {
		if (o->wipe)
			o->wipe(ctx);
		d->help = &wizard_help_none;
		d->help_data = NULL;
		for (size_t i = 0; i < h->n; i++)
			if (h->opts[i] == &wizard_help_none)
				h->list.sel = (int)i;
		ui_message(ctx, 0, "%s", _("The booking is dropped: staff will contact you about a meeting."));
		wizard_step_done(ctx, WIZ_STEP_HELP);
	}
	return UI_DONE;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	help_state *h = s->state;
	wizard_draft *d = ctx->draft;
	const wizard_help_option *o;
	int picked;
	ui_result r;

	if (showing_booking(ctx, h))
		return key_booking(ctx, h, act, ch);
	r = w_list_key(ctx, &h->list, act, ch, &picked);

	if (picked < 0)
		return r;
	o = h->opts[picked];
	if (d->help != o) {
		/* A different choice: forget the old one's state first. */
		if (d->help && d->help->wipe)
			d->help->wipe(ctx);
		d->help = NULL;
		d->help_data = NULL;
	}
	if (o->pick) {
		o->pick(ctx, o);
	} else {
		d->help = o;
		wizard_step_done(ctx, WIZ_STEP_HELP);
	}
	return UI_DONE;
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	if (showing_booking(ctx, s->state))
		return _("This is the appointment you chose. Press 1 to keep it and go on, 2 to choose another "
			 "time, another person or other help, or 3 to file without a booking.");
	return _("Here you can ask for help with your matter: press the number of the help you want. If you do "
		 "not need any, press Enter: the highlighted choice is \"no help\".");
}

const ui_screen_ops scr_help_step_ops = {
	.name = "help_step",
	.enter = enter,
	.state_size = sizeof(help_state),
	.draw = draw,
	.key = key,
	.help_text = help,
};
