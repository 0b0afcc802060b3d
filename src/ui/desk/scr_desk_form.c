/* A small form before a desk action: labelled one-line fields and text
 * areas, Tab between them, Enter on the last one saves.  A refusal from
 * the core is shown next to the field it names and nothing is lost. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "screens.h"
#include "jrc/text.h"

typedef struct form_state {
	desk_form_arg *arg;
	char *buf[DESK_FORM_MAX];
	w_field line[DESK_FORM_MAX];
	w_textarea area[DESK_FORM_MAX];
	int focus;
	int bad;                    /* field the last error is about, -1 none */
	char error[512];
} form_state;

static void free_arg(desk_form_arg *a)
{
	if (!a)
		return;
	free(a->user);
	free(a);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	desk_form_arg *a = arg;
	form_state *f = calloc(1, sizeof(*f));

	(void)ctx;
	if (!f) {
		free_arg(a);
		return -1;
	}
	f->arg = a;
	f->bad = -1;
	for (int i = 0; i < a->nfields; i++) {
		desk_form_field *d = &a->fields[i];
		size_t cap = DESK_BUF(d->max_chars);

		if (!(f->buf[i] = calloc(1, cap))) {
			for (int j = 0; j < i; j++)
				free(f->buf[j]);
			free(f);
			free_arg(a);
			return -1;
		}
		if (d->multiline) {
			w_textarea_init(&f->area[i], f->buf[i], cap, d->max_chars);
			if (d->initial)
				w_edit_set(&f->area[i].e, d->initial);
		} else {
			w_field_init(&f->line[i], f->buf[i], cap, d->max_chars, d->filter);
			if (d->initial)
				w_edit_set(&f->line[i].e, d->initial);
		}
	}
	s->state = f;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	form_state *f = s->state;

	(void)ctx;
	for (int i = 0; i < f->arg->nfields; i++) {
		/* What was typed about a citizen does not linger in memory. */
		explicit_bzero(f->buf[i], DESK_BUF(f->arg->fields[i].max_chars));
		free(f->buf[i]);
	}
	free_arg(f->arg);
	free(f);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	form_state *f = s->state;
	desk_form_arg *a = f->arg;
	ui_rect r = ui_content(ctx);
	char title[256];
	int y = r.y, nlines = 0, spare, areah;

	snprintf(title, sizeof(title), "%s: %s", _(a->title), a->subject);
	ui_step_header(ctx, 0, 0, title, _(a->question));
	for (int i = 0; i < a->nfields; i++)
		if (a->fields[i].multiline)
			nlines++;
	/* Text areas share the rows left after the one-line fields. */
	spare = r.h - 3 - (a->nfields - nlines) * 2 - nlines * 2;
	areah = nlines ? spare / nlines : 0;
	if (areah < 4)
		areah = 4;
	if (areah > 10)
		areah = 10;
	for (int i = 0; i < a->nfields && y < r.y + r.h; i++) {
		desk_form_field *d = &a->fields[i];
		int focused = f->focus == i;

		ui_text(y, r.x, 2, ui_attr(ctx, UI_KEY), focused ? ">" : " ");
		ui_text(y, r.x + 2, r.w - 2, ui_attr(ctx, focused ? UI_HEADING : UI_NORMAL), _(d->label));
		y++;
		if (d->multiline) {
			ui_rect ar = { y, r.x + 2, areah, r.w - 2 };

			w_textarea_draw(ctx, &f->area[i], ar, focused);
			y += areah;
		} else {
			w_field_draw(ctx, &f->line[i], y, r.x + 2, r.w - 2 < 50 ? r.w - 2 : 50, focused);
			y++;
		}
		if (f->bad == i && f->error[0])
			y += ui_text_wrapped(y, r.x + 2, r.w - 2, 2, ui_attr(ctx, UI_ERROR), f->error);
	}
	if (f->error[0] && f->bad < 0)
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), f->error);
	if (a->nfields == 0)
		ui_text_wrapped(r.y + 1, r.x, r.w, 3, ui_attr(ctx, UI_NOTICE), title);
}

static void save(ui_ctx *ctx, ui_screen *s)
{
	form_state *f = s->state;
	desk_form_arg *a = f->arg;
	char *vals[DESK_FORM_MAX] = { 0 };
	jrc_err err = { 0 };

	for (int i = 0; i < a->nfields; i++)
		vals[i] = f->buf[i];
	if (a->submit(ctx, a->user, vals, &err) == JRC_OK) {
		ui_pop(ctx);
		return;
	}
	snprintf(f->error, sizeof(f->error), "%s", err.msg[0] ? err.msg : jrc_status_message(err.code));
	f->bad = -1;
	for (int i = 0; i < a->nfields; i++)
		if (err.field[0] && a->fields[i].key && strcmp(err.field, a->fields[i].key) == 0) {
			f->bad = i;
			f->focus = i;
		}
	if (jrc_status_exit(err.code) != 2)
		ui_message(ctx, 1, "%s", f->error);
}

/* 1 if any field differs from what the form opened with. */
static int form_changed(const form_state *f)
{
	for (int i = 0; i < f->arg->nfields; i++) {
		const char *init = f->arg->fields[i].initial ? f->arg->fields[i].initial : "";

		if (strcmp(f->buf[i], init) != 0)
			return 1;
	}
	return 0;
}

static void form_discard(ui_ctx *ctx, void *user)
{
	(void)user;
	ui_pop(ctx);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	form_state *f = s->state;
	desk_form_arg *a = f->arg;
	ui_result r = UI_PASS;

	if (act == UI_ACT_BACK) {
		static const scr_ask_arg ask = {
			.title = N_("Throw away what you typed?"),
			.body = N_("You have typed into this form. Esc leaves it, and what you typed is lost. "
				   "Press 1 to go on typing, 2 to throw it away."),
			.keep = N_("Go on typing"),
			.act = N_("Throw it away"),
			.action = form_discard,
		};

		if (!form_changed(f))
			return UI_PASS;
		ui_push(ctx, &scr_ask_ops, (void *)&ask);
		return UI_DONE;
	}
	if (a->nfields > 0) {
		if (a->fields[f->focus].multiline)
			r = w_textarea_key(ctx, &f->area[f->focus], act, ch);
		else
			r = w_field_key(ctx, &f->line[f->focus], act, ch);
	}
	if (r == UI_DONE)
		return r;
	switch (act) {
	case UI_ACT_FIELD_NEXT:
		if (f->focus + 1 < a->nfields)
			f->focus++;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		if (f->focus > 0)
			f->focus--;
		return UI_DONE;
	case UI_ACT_NEXT:
		if (f->focus + 1 < a->nfields)
			f->focus++;
		else
			save(ctx, s);
		return UI_DONE;
	default:
		return UI_DONE;
	}
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	form_state *f = s->state;

	(void)ctx;
	return f->arg->nfields ? _("Tab: next field   Enter on the last: save   Esc: cancel")
			       : _("Enter: do it   Esc: cancel");
}

const ui_screen_ops scr_desk_form_ops = {
	.name = "desk_form",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("Fill in what the action needs. Tab or Down goes to the next field, Up to the one before. "
		     "Enter on the last field saves; Esc goes back and saves nothing."),
	.status_keys = status_keys,
};
