/* Steps 4 and 5: what happened (required, up to 4000 characters) and
 * what the citizen would like (optional, up to 1000), in a text area
 * that wraps by itself; for a matter solved on the spot at a leader's
 * visit also what was done there (required, up to 4000: the answer).  Enter continues (the key contract); a story
 * shorter than STORY_SHORT_CHARS asks first, since an Enter pressed for
 * a new line would otherwise leave it half told. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

enum { STORY_SHORT_CHARS = 6 };

typedef struct story_state {
	int outcome;          /* 0: what happened, 1: what they would like */
	int spot;             /* what was done on the spot (arg 2) */
	w_textarea area;
	jrc_category cat;     /* the chosen category, for its outcome example */
	int have_cat;
} story_state;

/* Step 5's hint: an example that fits the matter (categories.csv's
 * outcome_zh/outcome_en), not always the wages. */
static void outcome_hint(ui_ctx *ctx, story_state *t, char *out, size_t size)
{
	const wizard_draft *d = ctx->draft;
	const char *ex;

	if (d && d->category[0] && !d->category_unsure) {
		if (!t->have_cat || strcmp(t->cat.code, d->category) != 0)
			t->have_cat = refdata_category(ctx->db, d->category, &t->cat, NULL) == JRC_OK;
	} else {
		t->have_cat = 0;
	}
	ex = t->have_cat ? i18n_pick(t->cat.outcome_zh, t->cat.outcome_en) : "";
	if (*ex)
		/* TRANSLATORS: %s is the category's example, e.g. "pay me the wages I am owed". */
		snprintf(out, size, _("For example: %s. You may leave this empty. Press Enter when done."), ex);
	else
		snprintf(out, size, "%s",
			 _("Say what you would like to happen. You may leave this empty. Press Enter when done."));
}

/* Nothing but spaces (also the full-width one) and line breaks. */
static int only_spaces(const char *s)
{
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			return 0;
	}
	return 1;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	story_state *t = s->state;
	wizard_draft *d = ctx->draft;

	t->spot = (intptr_t)arg == 2;
	t->outcome = (intptr_t)arg == 1;
	if (t->spot)
		w_textarea_init(&t->area, d->solved, sizeof(d->solved), JRC_ANSWER_MAX);
	else if (t->outcome)
		w_textarea_init(&t->area, d->outcome, sizeof(d->outcome), JRC_OUTCOME_MAX);
	else
		w_textarea_init(&t->area, d->text, sizeof(d->text), JRC_TEXT_MAX);
	return 0;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	story_state *t = s->state;
	ui_rect r = ui_content(ctx);
	int step = t->spot ? WIZ_STEP_SPOT : t->outcome ? WIZ_STEP_OUTCOME : WIZ_STEP_STORY;
	char hint[512];

	if (t->spot)
		snprintf(hint, sizeof(hint), "%s",
			 _("What was done there and then, as the answer the citizen is given. Press Enter when done."));
	else if (t->outcome)
		outcome_hint(ctx, t, hint, sizeof(hint));
	else
		snprintf(hint, sizeof(hint), "%s",
			 _("In your own words: what happened, when, and who is involved. Press Enter when done."));
	ui_step_header(ctx, wizard_step_shown(ctx, step), wizard_step_count(ctx),
		       wizard_step_title(step), hint);
	/* A box about the size of the answer expected, not the screen. */
	if (t->outcome && r.h > 10)
		r.h = r.h * 2 / 3 < 12 ? r.h * 2 / 3 : 12;
	else if (!t->outcome && r.h > 20)
		r.h = 20;
	w_textarea_draw(ctx, &t->area, r, 1);
	speak_read_back_text(ctx, t->area.e.buf);
	if (!t->spot) {
		/* On the frame, not the key line: that is full at 80 columns. */
		char m[96];
		int w;

		snprintf(m, sizeof(m), " %s ", _("F3: common sentences"));
		w = (int)text_width(m);
		if (r.w > w + 24)
			ui_text(r.y, r.x + r.w - w - 3, w, ui_attr(ctx, UI_KEY), m);
	}
}

/* The story is told: the court question first when it applies. */
static void story_done(ui_ctx *ctx)
{
	wizard_draft *d = ctx->draft;

	/* A court or legal matter always: its advice depends on the answer. */
	if (!d->court_asked && (strcmp(d->category, "LIT") == 0 || court_words_in(d->text))) {
		ui_push(ctx, &scr_court_ops, NULL);
		return;
	}
	wizard_step_done(ctx, WIZ_STEP_STORY);
}

static void story_go_on(ui_ctx *ctx, void *user)
{
	(void)user;
	if (ctx->draft)
		ctx->draft->story_checked = 1;
	story_done(ctx);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	story_state *t = s->state;
	jrc_err err = { 0 };
	static const scr_ask_arg short_story = {
		.title = N_("Is that all that happened?"),
		.body = N_("What you wrote is very short. Enter goes on to the next step; the lines wrap by "
			   "themselves, so you do not need Enter for a new line. Staff can help best when you "
			   "say what happened, when, and who is involved."),
		.keep = N_("Write more"),
		.act = N_("Go on as it is"),
		.action = story_go_on,
	};

	if (act == UI_ACT_PHRASES && t->spot)
		return UI_DONE;   /* the citizen's sentences do not fit an answer */
	if (act == UI_ACT_PHRASES) {
		scr_phrases_arg a = { &t->area.e, t->outcome };

		ui_push(ctx, &scr_phrases_ops, &a);
		return UI_DONE;
	}
	if (act == UI_ACT_NEXT && t->spot) {
		if (only_spaces(t->area.e.buf)) {
			ui_message(ctx, 1, "%s",
				   _("Write what was done on the spot, for example \"wages paid\": it cannot be empty."));
			return UI_DONE;
		}
		if (validate_text(t->area.e.buf, JRC_ANSWER_MAX, 1, "solved", &err) != JRC_OK) {
			ui_message(ctx, 1, "%s", err.msg);
			return UI_DONE;
		}
		wizard_step_done(ctx, WIZ_STEP_SPOT);
		return UI_DONE;
	}
	if (act == UI_ACT_NEXT) {
		if (!t->outcome &&
		    validate_text(t->area.e.buf, JRC_TEXT_MAX, 1, "text", &err) != JRC_OK) {
			ui_message(ctx, 1, "%s", err.msg);
			return UI_DONE;
		}
		if (!t->outcome && t->area.e.nchars < STORY_SHORT_CHARS && !ctx->draft->story_checked) {
			ui_push(ctx, &scr_ask_ops, (void *)&short_story);
			return UI_DONE;
		}
		if (t->outcome)
			wizard_step_done(ctx, WIZ_STEP_OUTCOME);
		else
			story_done(ctx);
		return UI_DONE;
	}
	return w_textarea_key(ctx, &t->area, act, ch);
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	story_state *t = s->state;

	(void)ctx;
	if (t->spot)
		return _("Write what was done for the citizen there and then, for example the wages paid or the card "
			 "issued. It is filed as the answer: the matter is accepted and answered at once, and the "
			 "citizen may ask for a review. It cannot be left empty; a matter not solved on the spot is "
			 "recorded with Enter in the visit log. Press Enter when done.");
	if (t->outcome)
		return _("Say what you would like the government to do, for example pay the wages owed or repair a road. "
			 "You may leave it empty. The lines wrap by themselves; press Enter when you are done. F3 offers "
			 "common sentences to choose with a number.");
	return _("Write what happened in your own words: what, when, where, and who is involved. The lines wrap "
		 "by themselves; you do not need to press Enter for a new line. Backspace deletes, the arrow "
		 "keys move. Press Enter when you are done. F3 offers common sentences to choose with a number, "
		 "if you cannot type; letters typed on a Chinese screen are pinyin: pick the word with its number. "
		 "If what you wrote is very short, you are asked before going on; Esc on the next step brings you "
		 "back with everything kept.");
}

const ui_screen_ops scr_story_ops = {
	.name = "story",
	.enter = enter,
	.state_size = sizeof(story_state),
	.draw = draw,
	.key = key,
	.help_text = help,
};
