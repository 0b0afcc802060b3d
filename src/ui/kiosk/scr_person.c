/* Step 3, first screen: give name and phone, or report anonymously; and
 * the anonymous screen that says plainly what that gives up. */
#include <stdlib.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"

typedef struct person_state {
	w_list list;
} person_state;

static const char *label(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	return i == 0 ? _("Give my name, ID number and phone number")
		      : _("Report anonymously, without my name");
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	person_state *p = calloc(1, sizeof(*p));

	(void)arg;
	if (!p)
		return -1;
	w_list_init(&p->list, 2, label, p);
	p->list.gap = 1;
	p->list.sel = ctx->draft->person == WIZ_PERSON_ANON ? 1 : 0;
	s->state = p;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	person_state *p = s->state;
	ui_rect r = ui_content(ctx), lr = r;
	int used;

	ui_step_header(ctx, WIZ_STEP_PERSON, wizard_step_count(ctx), wizard_step_title(WIZ_STEP_PERSON),
		       _("With your name and phone we can call you back and you can check progress by phone."));
	lr.h = 4;
	used = w_list_draw(ctx, &p->list, lr);
	ui_text_wrapped(r.y + used + 2, r.x, r.w, r.h - used - 2, ui_attr(ctx, UI_HINT),
			_("Your ID number and phone are kept safe: on screens and receipts they are shown with most digits hidden."));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	person_state *p = s->state;
	int picked;
	ui_result r = w_list_key(ctx, &p->list, act, ch, &picked);

	if (picked == 0)
		ui_push(ctx, &scr_person_form_ops, NULL);
	else if (picked == 1)
		ui_push(ctx, &scr_anonymous_ops, NULL);
	return r;
}

const ui_screen_ops scr_person_ops = {
	.name = "person",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("Press 1 to give your name, ID number and phone number: the department can then call you, and "
		     "you can check progress with your phone number. Press 2 to report without your name."),
};

/* ---------------------------------------------------------------- anonymous */

static int anon_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	w_confirm *c = calloc(1, sizeof(*c));

	(void)ctx;
	(void)arg;
	if (!c)
		return -1;
	s->state = c;
	return 0;
}

/* A list item: the dash hangs, its lines wrap under the text. */
static int bullet(ui_ctx *ctx, int y, int x, int w, int maxlines, const char *item)
{
	if (item[0] == '-' && item[1] == ' ') {
		ui_text(y, x, 2, ui_attr(ctx, UI_NORMAL), "-");
		return ui_text_wrapped(y, x + 2, w - 2, maxlines, ui_attr(ctx, UI_NORMAL), item + 2);
	}
	return ui_text_wrapped(y, x, w, maxlines, ui_attr(ctx, UI_NORMAL), item);
}

static void anon_draw(ui_ctx *ctx, ui_screen *s)
{
	ui_rect r = ui_content(ctx);
	int y = r.y;

	ui_step_header(ctx, WIZ_STEP_PERSON, wizard_step_count(ctx), _("Report anonymously"),
		       _("Please read what this means."));
	y += ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE),
			     _("If you report anonymously, we do not take your name, ID number or phone number. Then:"));
	y++;
	y += bullet(ctx, y, r.x + 2, r.w - 2, 2, _("- nobody can call you back about it;"));
	y += bullet(ctx, y, r.x + 2, r.w - 2, 2, _("- you cannot check progress with your phone number;"));
	y += bullet(ctx, y, r.x + 2, r.w - 2, 3,
		    _("- only the receipt number with the query code printed on the receipt can be used to follow it up: keep the receipt safe."));
	w_confirm_draw(ctx, s->state, r, y + 2, _("Yes, report anonymously"),
		       _("No, give my details"));
}

static ui_result anon_key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	ui_result res;
	int v = w_confirm_key(s->state, act, ch, &res);

	if (v == 1) {
		wizard_draft *d = ctx->draft;

		d->person = WIZ_PERSON_ANON;
		wizard_step_done(ctx, WIZ_STEP_PERSON);
	} else if (v == 0) {
		ui_replace(ctx, &scr_person_form_ops, NULL);
	}
	return res;
}

static const char *anon_help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("Press 1 to report without your name. Press 2 to give your name and phone instead.");
}

const ui_screen_ops scr_anonymous_ops = {
	.name = "anonymous",
	.enter = anon_enter,
	.leave = leave,
	.draw = anon_draw,
	.key = anon_key,
	.help_text = anon_help,
};
