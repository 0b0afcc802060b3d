/* Step 6: would the citizen like help (a mediator, a lawyer, a leader's
 * reception day)?  Each choice is a wizard_help_option; the roster adds
 * its options to help_options[] below.  Until then only "no help". */
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
} help_state;

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

static void draw(ui_ctx *ctx, ui_screen *s)
{
	help_state *h = s->state;
	ui_rect r = ui_content(ctx);

	ui_step_header(ctx, WIZ_STEP_HELP, WIZ_STEPS, wizard_step_title(WIZ_STEP_HELP),
		       h->n > 1 ? _("Choose the help you would like, or none.")
				: _("Press 1 or Enter to go on."));
	w_list_draw(ctx, &h->list, r);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	help_state *h = s->state;
	wizard_draft *d = ctx->draft;
	const wizard_help_option *o;
	int picked;
	ui_result r = w_list_key(ctx, &h->list, act, ch, &picked);

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

const ui_screen_ops scr_help_step_ops = {
	.name = "help_step",
	.enter = enter,
	.state_size = sizeof(help_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("Here you can ask for help with your matter: press the number of the help you want. If you do "
		     "not need any, press Enter: the highlighted choice is \"no help\"."),
};
