/* Step 7: everything entered, masked as on a receipt; each part reopens
 * by its number and comes back here; Enter files the case.  A database
 * that cannot take it shows the sentence, keeps everything, and offers
 * to try again or to call staff. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/text.h"

typedef struct review_state {
	int failed;           /* the last submit failed at runtime */
	jrc_err err;
	w_confirm retry;
	int have_lit;         /* the legal-channel category, read at enter */
	jrc_category lit;
	/* The kind and the place as last read, with what they were read for:
	 * a database that cannot be reached just now (a county server whose
	 * link is down) must not make the citizen's choices look unmade. */
	char cat_key[64], cat_name[256], place_key[96], place_name[512];
} review_state;

static const scr_notice_arg call_staff = {
	N_("Please ask the staff for help"),
	N_("Please go to the front desk and ask a member of staff to come to this machine. "
	   "Everything you typed is kept. Press Enter to go back to it."),
};

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	review_state *v;

	(void)arg;
	if (!(v = s->state = calloc(1, sizeof(review_state))))
		return -1;
	v->have_lit = refdata_category(ctx->db, "LIT", &v->lit, NULL) == JRC_OK;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static void person_line(ui_ctx *ctx, char *out, size_t size)
{
	const wizard_draft *d = ctx->draft;
	char name[200], id[64], phone[40];

	if (d->visit_found) {
		snprintf(out, size, "%s", _("Nobody: found by the leader's visit itself"));
		return;
	}
	if (d->person == WIZ_PERSON_ANON) {
		snprintf(out, size, "%s", _("Anonymous: no name, ID number or phone"));
		return;
	}
	if (ctx->staff_mode) {
		/* A clerk filing for a citizen checks what they typed: the whole
		 * entry, read back to the citizen at the desk. */
		snprintf(out, size, _("%s   %s %s   phone %s"), d->name,
			 d->id_other ? _("document") : _("ID"), d->id_number, d->phone);
		return;
	}
	mask_name(d->name, name, sizeof(name));
	mask_document(d->id_other ? "other" : "resident", d->id_number, id, sizeof(id));
	mask_phone(d->phone, phone, sizeof(phone));
	/* TRANSLATORS: masked name, document kind, masked number, masked phone. */
	snprintf(out, size, _("%s   %s %s   phone %s"), name,
		 d->id_other ? _("document") : _("ID"), id, phone);
}

/* One numbered row: "3  About you   value", wrapped to lines rows. */
static int row(ui_ctx *ctx, ui_rect r, int y, int lw, int k, const char *value, int lines)
{
	char num[8];
	int shown = wizard_step_shown(ctx, k);

	snprintf(num, sizeof(num), "%d", shown);
	ui_text(y, r.x, 3, ui_attr(ctx, UI_KEY), num);
	ui_text(y, r.x + 3, lw, ui_attr(ctx, UI_HEADING), wizard_step_label(k));
	if (!value || !*value)
		value = _("(nothing written)");
	lines = ui_text_wrapped(y, r.x + 3 + lw, r.w - 3 - lw, lines, ui_attr(ctx, UI_NORMAL), value);
	if (speak_on(ctx)) {
		char said[WIZ_BUF(JRC_TEXT_MAX) + 128];

		/* Voice: "press 4: what happened: ..." - the number changes it. */
		snprintf(said, sizeof(said), "%s%s%s", wizard_step_label(k),
			 ctx->lang == JRC_LANG_ZH ? "：" : ": ", value);
		speak_choice(ctx, shown - 1, said, 0);
	}
	return lines > 0 ? lines : 1;
}

/* name as just read for key, or as last read for the same key. */
static void remembered(const char *key, char *name, char *kept_key, size_t key_size,
		       char *kept_name, size_t name_size)
{
	if (name[0]) {
		snprintf(kept_key, key_size, "%s", key);
		snprintf(kept_name, name_size, "%s", name);
	} else if (strcmp(kept_key, key) == 0) {
		snprintf(name, name_size, "%s", kept_name);
	}
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	review_state *v = s->state;
	wizard_draft *d = ctx->draft;
	ui_rect r = ui_content(ctx);
	char person[512], help[512], buf[1024];
	int y = r.y, lw = 0, vw, text_lines, lit, lit_lines = 0, err_lines = 0;
	int person_lines, out_lines, help_lines, spot_lines = 0, bottom, gap, fixed;

	ui_step_header(ctx, wizard_step_shown(ctx, WIZ_STEP_REVIEW), wizard_step_count(ctx),
		       wizard_step_title(WIZ_STEP_REVIEW),
		       d->visit_spot ? _("To change something, press its number. If all is right, press Enter: the "
					 "matter is filed and answered at once.")
				     : _("To change something, press its number. If all is right, press Enter to send."));
	for (int k = WIZ_STEP_CATEGORY; k <= WIZ_STEP_SPOT; k++) {
		if (k == WIZ_STEP_REVIEW || (k == WIZ_STEP_SPOT && !d->visit_spot))
			continue;
		int w = (int)text_width(wizard_step_label(k));

		if (w > lw)
			lw = w;
	}
	lw += 2;
	if (lw > r.w / 3)
		lw = r.w / 3;
	vw = r.w - 3 - lw;
	lit = !d->category_unsure && strcmp(d->category, "LIT") == 0 && v->have_lit;
	person_line(ctx, person, sizeof(person));
	if (d->help && d->help->describe)
		d->help->describe(ctx, help, sizeof(help));
	else
		snprintf(help, sizeof(help), "%s", d->help ? _(d->help->label) : "");

	/* The sending part sits at the bottom; the story gets the rows
	 * that are left, and rows get air between them on a tall screen. */
	if (v->failed) {
		err_lines = min_int(ui_text_lines(v->err.msg, r.w), 3);
		bottom = err_lines + 2;
	} else {
		lit_lines = lit ? min_int(ui_text_lines(lit_channel_text(&v->lit), r.w), 5) : 0;
		bottom = (lit ? lit_lines + 1 : 0) + 1;
	}
	person_lines = min_int(ui_text_lines(person, vw), 2);
	out_lines = min_int(ui_text_lines(d->outcome[0] ? d->outcome : "x", vw), 2);
	/* A booking in English needs two lines at 80 columns: never cut. */
	help_lines = min_int(ui_text_lines(help, vw), 2);
	if (d->visit_spot)
		spot_lines = min_int(ui_text_lines(d->solved[0] ? d->solved : "x", vw), 2);
	fixed = 2 + help_lines + person_lines + out_lines + spot_lines;
	gap = r.h >= 26 ? 1 : 0;
	text_lines = r.h - fixed - bottom - 1 - (d->visit_spot ? 6 : 5) * gap;
	text_lines = text_lines < 1 ? 1 : min_int(text_lines, 12);

	{
		char key[96];

		snprintf(key, sizeof(key), "%d %d %s", ctx->lang, d->category_unsure, d->category);
		wizard_category_name(ctx, buf, sizeof(buf));
		remembered(key, buf, v->cat_key, sizeof(v->cat_key), v->cat_name, sizeof(v->cat_name));
		y += row(ctx, r, y, lw, WIZ_STEP_CATEGORY, buf, 1) + gap;
		snprintf(key, sizeof(key), "%d %s %s", ctx->lang, d->township, d->division);
		wizard_place_name(ctx, buf, sizeof(buf));
		remembered(key, buf, v->place_key, sizeof(v->place_key), v->place_name,
			   sizeof(v->place_name));
		y += row(ctx, r, y, lw, WIZ_STEP_PLACE, buf, 1) + gap;
	}
	y += row(ctx, r, y, lw, WIZ_STEP_PERSON, person, person_lines) + gap;
	y += row(ctx, r, y, lw, WIZ_STEP_STORY, d->text, text_lines) + gap;
	y += row(ctx, r, y, lw, WIZ_STEP_OUTCOME, d->outcome, out_lines) + gap;
	y += row(ctx, r, y, lw, WIZ_STEP_HELP, help, help_lines) + (d->visit_spot ? gap : 1);
	if (d->visit_spot)
		y += row(ctx, r, y, lw, WIZ_STEP_SPOT, d->solved, spot_lines) + 1;
	/* Under the rows, and never below the screen. */
	if (y > r.y + r.h - bottom)
		y = r.y + r.h - bottom;
	if (v->failed) {
		y += ui_text_wrapped(y, r.x, r.w, err_lines, ui_attr(ctx, UI_ERROR), v->err.msg);
		ui_text(y, r.x, r.w, ui_attr(ctx, UI_NORMAL),
			_("Nothing was lost: everything you typed is still here."));
		w_confirm_draw(ctx, &v->retry, r, y + 1, _("Try again"), _("Call staff"));
		return;
	}
	if (lit)
		y += ui_text_wrapped(y, r.x, r.w, lit_lines, ui_attr(ctx, UI_NOTICE),
				     lit_channel_text(&v->lit)) + 1;
	ui_text_center(y, r.x, r.w, ui_attr(ctx, UI_SELECTED), _("  Press Enter to send  "));
}

static int field_step(const char *field)
{
	static const struct { const char *field; int step; } map[] = {
		{ "category", WIZ_STEP_CATEGORY }, { "division", WIZ_STEP_PLACE },
		{ "name", WIZ_STEP_PERSON }, { "id_number", WIZ_STEP_PERSON },
		{ "id_other", WIZ_STEP_PERSON }, { "id_kind", WIZ_STEP_PERSON },
		{ "phone", WIZ_STEP_PERSON }, { "text", WIZ_STEP_STORY },
		{ "outcome", WIZ_STEP_OUTCOME }, { "solved", WIZ_STEP_SPOT },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(field, map[i].field) == 0)
			return map[i].step;
	return 0;
}

static void submit(ui_ctx *ctx, review_state *v)
{
	scr_receipt_arg *ra = calloc(1, sizeof(*ra));
	wizard_draft *d = ctx->draft;
	jrc_status st;
	int step;

	if (!ra) {
		jrc_err_set(&v->err, JRC_E_NOMEM, NULL, NULL);
		v->failed = 1;
		return;
	}
	jrc_err_clear(&v->err);
	st = wizard_submit(ctx, &ra->kase, &v->err);
	if (st == JRC_OK && d->visit_found) {
		/* Found by the visit: nobody to hand a receipt to.  Staff see
		 * the number it is followed under. */
		int64_t visit = d->visit_id;

		wizard_leave(ctx);
		ui_message(ctx, 0, _("Recorded as %s, found on visit %lld: no complainant, so no receipt."),
			   ra->kase.receipt, (long long)visit);
		grievance_case_free(&ra->kase);
		free(ra);
		return;
	}
	if (st == JRC_OK) {
		ra->in_court = d->in_court;
		if (d->help && d->help->receipt_line) {
			d->help->receipt_line(ctx, &ra->kase, ra->help_line, sizeof(ra->help_line));
			ra->help_line_fn = d->help->receipt_line;
		}
		/* Back to where the filing began (the home, or the desk's
		 * worklist for a clerk), with the receipt on top. */
		wizard_leave(ctx);
		if (ui_push(ctx, &scr_receipt_ops, ra) != 0) {
			grievance_case_free(&ra->kase);
			free(ra);
		}
		return;
	}
	free(ra);
	step = jrc_status_exit(st) == 2 ? field_step(v->err.field) : 0;
	if (step) {
		/* Bad input slipped through: take them to the step to fix it. */
		char msg[512];

		snprintf(msg, sizeof(msg), "%s", v->err.msg);
		wizard_open_step(ctx, step);
		ui_message(ctx, 1, "%s", msg);
		return;
	}
	v->failed = 1;
	v->retry.sel = 0;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	review_state *v = s->state;

	if (v->failed) {
		ui_result res;
		int c = w_confirm_key(&v->retry, act, ch, &res);

		if (c == 1) {
			submit(ctx, v);
		} else if (c == 0) {
			ui_push(ctx, &scr_notice_ops, (void *)&call_staff);
		} else if (act == UI_ACT_BACK) {
			v->failed = 0;     /* back to the review itself */
			return UI_DONE;
		}
		return res;
	}
	switch (act) {
	case UI_ACT_NEXT:
		submit(ctx, v);
		return UI_DONE;
	case UI_ACT_DIGIT:
		if (ch >= L'1' && ch < L'0' + WIZ_STEP_REVIEW)
			wizard_open_step(ctx, (int)(ch - L'0'));
		else if (ch == L'0' + WIZ_STEP_REVIEW && ctx->draft->visit_spot)
			wizard_open_step(ctx, WIZ_STEP_SPOT);   /* shown as 7 */
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	(void)s;
	if (ctx->draft && ctx->draft->visit_spot)
		return _("This is everything recorded for the matter solved on the spot. To change a part, press its "
			 "number (1 to 7); when you finish that part you come back here. Press Enter: the matter is "
			 "filed, accepted and answered with what was done, and the citizen gets a receipt.");
	return _("This is everything you told us. Your ID number and phone are shown with digits hidden. To "
		 "change a part, press its number (1 to 6); when you finish that part you come back here. "
		 "Press Enter to send it: you then get a receipt number.");
}

const ui_screen_ops scr_review_ops = {
	.name = "review",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_text = help,
};
