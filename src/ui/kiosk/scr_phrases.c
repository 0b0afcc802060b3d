/* F3 in the story steps: "常用说法", numbered plain sentences for the
 * chosen category (data/phrases.csv), for a citizen who cannot type.  A
 * sentence with blanks asks for each number in turn, digits only; the
 * finished sentence is added to the end of the text and the citizen is
 * back in the text, to add more or to type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/phrases.h"
#include "jrc/text.h"

typedef struct phr_state {
	w_edit *target;       /* the story's text, owned by the story screen */
	int outcome;          /* the "what you would like" step */
	jrc_phrase *ph;
	size_t n;
	int *order;           /* list position -> phrase */
	w_list list;
	int filling;          /* -1: choosing; else the phrase being filled */
	int blank, nblanks;
	char fills[JRC_PHRASE_BLANKS][JRC_PHRASE_DIGITS * 4 + 1];
	w_field field;
} phr_state;

static const char *sentence(const phr_state *p, int phrase)
{
	return i18n_pick(p->ph[phrase].zh, p->ph[phrase].en);
}

static const char *label(ui_ctx *ctx, void *user, int i)
{
	phr_state *p = user;

	(void)ctx;
	return sentence(p, p->order[i]);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	const scr_phrases_arg *a = arg;
	phr_state *p = calloc(1, sizeof(*p));
	wizard_draft *d = ctx->draft;
	jrc_err err = { 0 };
	int k = 0;

	if (!p || !a || !d)
		goto fail;
	p->target = a->target;
	p->outcome = a->outcome;
	p->filling = -1;
	if (phrases_for(ctx->db, d->category[0] ? d->category : "OTH", &p->ph, &p->n, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		goto fail;
	}
	if (p->n == 0) {
		ui_message(ctx, 1, "%s", _("There are no common sentences for this kind of problem. Please type, or ask the staff."));
		goto fail;
	}
	p->order = calloc(p->n, sizeof(*p->order));
	if (!p->order)
		goto fail;
	/* In the "what you would like" step the wishes come first. */
	if (p->outcome)
		for (size_t i = 0; i < p->n; i++)
			if (strcmp(p->ph[i].kind, "want") == 0)
				p->order[k++] = (int)i;
	for (size_t i = 0; i < p->n; i++)
		if (!p->outcome || strcmp(p->ph[i].kind, "want") != 0)
			p->order[k++] = (int)i;
	w_list_init(&p->list, k, label, p);
	s->state = p;
	return 0;
fail:
	if (p) {
		free(p->ph);
		free(p->order);
	}
	free(p);
	return -1;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	phr_state *p = s->state;

	(void)ctx;
	free(p->ph);
	free(p->order);
	memset(p, 0, sizeof(*p));
	free(p);
}

static void draw_sentence_with_blanks(ui_ctx *ctx, const phr_state *p, ui_rect r, int y)
{
	const char *s = sentence(p, p->filling), *b;
	char line[2048];
	size_t used = 0;
	int i = 0;

	/* Filled blanks show their digits, the one being typed shows [ ],
	 * the rest stay ___. */
	while ((b = strstr(s, JRC_PHRASE_BLANK)) != NULL && used + (size_t)(b - s) + 64 < sizeof(line)) {
		const char *fill = i < p->blank ? p->fills[i] : i == p->blank ? "[?]" : "___";

		memcpy(line + used, s, (size_t)(b - s));
		used += (size_t)(b - s);
		used += (size_t)snprintf(line + used, sizeof(line) - used, "%s", fill);
		s = b + strlen(JRC_PHRASE_BLANK);
		while (*s == '_')
			s++;
		i++;
	}
	snprintf(line + used, sizeof(line) - used, "%s", s);
	ui_text_wrapped(y, r.x + 2, r.w - 4, 3, ui_attr(ctx, UI_HEADING), line);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	phr_state *p = s->state;
	ui_rect r = ui_content(ctx), lr;
	char buf[256];

	if (p->filling < 0) {
		ui_step_header(ctx, 0, 0, _("Common sentences"),
			       _("Press the number of a sentence to add it to your text. Esc goes back to your text."));
		lr = r;
		lr.h = r.h - 3;
		w_list_draw(ctx, &p->list, lr);
		if (p->target->len) {
			const char *tail = p->target->buf;
			size_t n = p->target->nchars;

			/* The end of the text so far, so the citizen sees it grow. */
			while (n > 60 && *tail) {
				uint32_t cp;
				size_t k = text_utf8_decode(tail, strlen(tail), &cp);

				tail += k ? k : 1;
				n--;
			}
			snprintf(buf, sizeof(buf), "%s%s", n < p->target->nchars ? "..." : "", tail);
			ui_text(r.y + r.h - 2, r.x, r.w, ui_attr(ctx, UI_HINT), _("Your text so far:"));
			ui_text_wrapped(r.y + r.h - 1, r.x + 2, r.w - 2, 1, ui_attr(ctx, UI_NORMAL), buf);
		}
		return;
	}
	ui_step_header(ctx, 0, 0, _("Common sentences"),
		       _("Type the number with digits and press Enter. Esc goes back to the sentences."));
	draw_sentence_with_blanks(ctx, p, r, r.y + 1);
	snprintf(buf, sizeof(buf), _("Number for blank %d of %d:"), p->blank + 1, p->nblanks);
	{
		int lw = ui_text(r.y + 5, r.x + 2, r.w - 4, ui_attr(ctx, UI_NORMAL), buf);

		w_field_draw(ctx, &p->field, r.y + 5, r.x + 4 + lw, 12, 1);
	}
}

/* Add the finished sentence to the end of the text; 0, or -1 if full. */
static int append(ui_ctx *ctx, w_edit *e, const char *s)
{
	size_t need = text_utf8_count(s);
	int space = ctx->lang == JRC_LANG_EN && e->len > 0 && e->buf[e->len - 1] != ' ';
	size_t i = 0, len = strlen(s);

	if (e->nchars + need + (size_t)space > e->max_chars)
		return -1;
	e->cur = e->len;
	if (space)
		w_edit_insert(e, ' ');
	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);

		if (n == 0)
			break;
		i += n;
		w_edit_insert(e, cp);
	}
	return 0;
}

static void finish(ui_ctx *ctx, phr_state *p)
{
	char out[2048];
	const char *fills[JRC_PHRASE_BLANKS];

	for (int i = 0; i < JRC_PHRASE_BLANKS; i++)
		fills[i] = p->fills[i];
	if (phrase_fill(sentence(p, p->filling), fills, p->nblanks, out, sizeof(out)) != 0)
		return;
	if (append(ctx, p->target, out) != 0) {
		ui_message(ctx, 1, "%s", _("This sentence does not fit: the text is full. Remove something first."));
		p->filling = -1;
		return;
	}
	ui_pop(ctx);
	ui_message(ctx, 0, "%s", _("The sentence was added. F3 adds another; you may also type."));
}

static void start_blank(phr_state *p)
{
	w_field_init(&p->field, p->fills[p->blank], sizeof(p->fills[p->blank]), JRC_PHRASE_DIGITS,
		     w_filter_digits);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	phr_state *p = s->state;
	int picked;
	ui_result r;

	if (p->filling < 0) {
		r = w_list_key(ctx, &p->list, act, ch, &picked);
		if (picked < 0)
			return r;
		p->filling = p->order[picked];
		p->nblanks = phrase_blanks(sentence(p, p->filling));
		p->blank = 0;
		memset(p->fills, 0, sizeof(p->fills));
		if (p->nblanks == 0) {
			finish(ctx, p);
			return UI_DONE;
		}
		start_blank(p);
		return UI_DONE;
	}
	switch (act) {
	case UI_ACT_BACK:
		p->filling = -1;
		return UI_DONE;
	case UI_ACT_NEXT:
		if (!p->fills[p->blank][0]) {
			ui_message(ctx, 1, "%s", _("Type the number with digits, then press Enter."));
			return UI_DONE;
		}
		if (++p->blank < p->nblanks) {
			start_blank(p);
			return UI_DONE;
		}
		finish(ctx, p);
		return UI_DONE;
	default:
		break;
	}
	r = w_field_key(ctx, &p->field, act, ch);
	if (r == UI_DONE && p->field.e.refused)
		ui_message(ctx, 1, "%s", _("Only digits go in here, for example 3 or 2000."));
	return UI_DONE;
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	phr_state *p = s->state;

	(void)ctx;
	return p->filling < 0 ? _("Number: add the sentence   Esc: back to your text")
			      : _("Enter: continue   Esc: back to the sentences");
}

const ui_screen_ops scr_phrases_ops = {
	.name = "phrases",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("These are sentences people often need for this kind of problem. Press the number in front of a "
		     "sentence to add it to your text. Where a sentence has a blank (___), type the number with digits "
		     "and press Enter. You can add as many sentences as you like, then change or add words yourself."),
	.status_keys = status_keys,
};
