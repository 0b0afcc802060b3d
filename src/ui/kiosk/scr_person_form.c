/* Step 3, the form: name, kind of document, its number, phone.  Each
 * field is checked when the citizen leaves it with Enter; an error is
 * written under the field in words and the cursor stays there. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/clock.h"
#include "jrc/text.h"

enum { F_NAME, F_KIND, F_NUMBER, F_PHONE, F_COUNT };

typedef struct form_state {
	int focus;
	w_field name, number, phone;
	char err[F_COUNT][512];
} form_state;

enum { RESIDENT_ID_CHARS = 18 };

static void setup_number(ui_ctx *ctx, form_state *f)
{
	wizard_draft *d = ctx->draft;

	w_field_init(&f->number, d->id_number, sizeof(d->id_number),
		     d->id_other ? JRC_OTHER_DOC_MAX : RESIDENT_ID_CHARS,
		     d->id_other ? w_filter_document : w_filter_id_number);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	form_state *f = s->state;
	wizard_draft *d = ctx->draft;

	(void)arg;
	w_field_init(&f->name, d->name, sizeof(d->name), JRC_NAME_MAX, NULL);
	setup_number(ctx, f);
	w_field_init(&f->phone, d->phone, sizeof(d->phone), WIZ_PHONE_MAX, w_filter_phone);
	return 0;
}

/* Check field i; on a problem its sentence goes to f->err[i]. */
static int check(ui_ctx *ctx, form_state *f, int i)
{
	wizard_draft *d = ctx->draft;
	jrc_err err = { 0 };
	jrc_status st = JRC_OK;
	char today[9], id[19], phone[24];

	switch (i) {
	case F_NAME:
		st = validate_name(d->name, &err);
		break;
	case F_NUMBER:
		if (d->id_other) {
			st = validate_other_doc(d->id_number, &err);
		} else {
			date_format_ymd(clock_local_date(clock_now()), today);
			st = validate_id_number(d->id_number, today, id, &err);
			if (st == JRC_OK && strcmp(id, d->id_number) != 0) {
				w_edit_set(&f->number.e, id);   /* x -> X */
			}
		}
		break;
	case F_PHONE:
		st = validate_phone(d->phone, phone, &err);
		break;
	default:
		break;
	}
	if (st != JRC_OK) {
		snprintf(f->err[i], sizeof(f->err[i]), "%s", err.msg[0] ? err.msg : jrc_status_message(st));
		return -1;
	}
	f->err[i][0] = '\0';
	return 0;
}

static const char *field_label(ui_ctx *ctx, int i)
{
	switch (i) {
	case F_NAME: return _("Name");
	case F_KIND: return _("Document");
	case F_NUMBER: return ctx->draft->id_other ? _("Document number") : _("ID card number");
	default: return _("Phone number");
	}
}

/* Voice: the field with the cursor, its choices and its error. */
static void say_field(ui_ctx *ctx, form_state *f, int i)
{
	char line[1024];

	if (!speak_on(ctx))
		return;
	int zh = ctx->lang == JRC_LANG_ZH;

	if (i == F_KIND)
		snprintf(line, sizeof(line), zh ? "%s：1，%s；2，%s。%s" : "%s: 1, %s; 2, %s. %s",
			 field_label(ctx, i), _("Resident ID card"), _("Other document"),
			 _("Press 1 or 2 to choose."));
	else
		snprintf(line, sizeof(line), "%s%s", field_label(ctx, i), zh ? "。" : ".");
	if (f->err[i][0])
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s%s", zh ? "" : " ", f->err[i]);
	speak_focus(ctx, i, line);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	form_state *f = s->state;
	wizard_draft *d = ctx->draft;
	ui_rect r = ui_content(ctx);
	int lw = 0, fx, fw;

	ui_step_header(ctx, WIZ_STEP_PERSON, wizard_step_count(ctx), wizard_step_title(WIZ_STEP_PERSON),
		       _("Type each item and press Enter. Tab or the Down key moves to the next item."));
	for (int i = 0; i < F_COUNT; i++) {
		int w = (int)text_width(field_label(ctx, i));

		if (w > lw)
			lw = w;
	}
	lw += 4;
	fx = r.x + lw;
	fw = r.w - lw < 44 ? r.w - lw : 44;
	for (int i = 0; i < F_COUNT; i++) {
		int y = r.y + i * 3, focused = f->focus == i;

		ui_text(y, r.x, 2, ui_attr(ctx, UI_KEY), focused ? ">" : " ");
		ui_text(y, r.x + 2, lw - 2, ui_attr(ctx, focused ? UI_HEADING : UI_NORMAL), field_label(ctx, i));
		switch (i) {
		case F_NAME:
			w_field_draw(ctx, &f->name, y, fx, fw, focused);
			break;
		case F_NUMBER:
			w_field_draw(ctx, &f->number, y, fx, fw, focused);
			break;
		case F_PHONE:
			w_field_draw(ctx, &f->phone, y, fx, fw, focused);
			break;
		case F_KIND: {
			char a[128], b[128];
			int wa;

			/* No numbers here: digits typed after Tab are the start
			 * of the document number, never a choice. */
			snprintf(a, sizeof(a), "[%s] %s", d->id_other ? " " : "x", _("Resident ID card"));
			snprintf(b, sizeof(b), "[%s] %s", d->id_other ? "x" : " ", _("Other document"));
			wa = ui_text(y, fx, r.w - lw, ui_attr(ctx, !d->id_other && focused ? UI_SELECTED : UI_NORMAL), a);
			ui_text(y, fx + wa + 4, r.w - lw - wa - 4,
				ui_attr(ctx, d->id_other && focused ? UI_SELECTED : UI_NORMAL), b);
			if (focused) {
				ui_text(y + 1, fx, r.w - lw, ui_attr(ctx, UI_HINT),
					_("Space or the arrow keys change this. Or type the number now."));
				ui_cursor(ctx, y, d->id_other ? fx + wa + 5 : fx + 1);
			}
			break;
		}
		}
		if (f->err[i][0])
			ui_text_wrapped(y + 1, fx, r.w - lw, 2, ui_attr(ctx, UI_ERROR), f->err[i]);
		if (focused)
			say_field(ctx, f, i);
	}
}

static void set_kind(ui_ctx *ctx, form_state *f, int other)
{
	if (ctx->draft->id_other == other)
		return;
	ctx->draft->id_other = other;
	setup_number(ctx, f);
	f->err[F_NUMBER][0] = '\0';
}

static void enter_key(ui_ctx *ctx, form_state *f)
{
	int bad = -1;

	if (check(ctx, f, f->focus) != 0)
		return;     /* the error shows under the field; stay there */
	for (int i = 0; i < F_COUNT && bad < 0; i++) {
		char keep[512];

		/* Find the first problem without showing errors for fields
		 * not reached yet. */
		snprintf(keep, sizeof(keep), "%s", f->err[i]);
		if (check(ctx, f, i) != 0)
			bad = i;
		if (i != f->focus)
			snprintf(f->err[i], sizeof(f->err[i]), "%s", keep);
	}
	if (bad < 0) {
		/* One more question before the step is done: text messages. */
		ctx->draft->person = WIZ_PERSON_NAMED;
		ui_push(ctx, &scr_person_sms_ops, NULL);
		return;
	}
	if (f->focus < F_COUNT - 1) {
		f->focus++;
		return;
	}
	f->focus = bad;
	check(ctx, f, bad);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	form_state *f = s->state;
	w_field *fld = NULL;
	ui_result r;

	switch (act) {
	case UI_ACT_NEXT:
		enter_key(ctx, f);
		return UI_DONE;
	case UI_ACT_FIELD_NEXT:
		if (f->focus < F_COUNT - 1)
			f->focus++;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		if (f->focus > 0)
			f->focus--;
		return UI_DONE;
	case UI_ACT_BACK:
		return UI_PASS;
	default:
		break;
	}
	if (f->focus == F_KIND) {
		if (act == UI_ACT_LEFT) {
			set_kind(ctx, f, 0);
		} else if (act == UI_ACT_RIGHT) {
			set_kind(ctx, f, 1);
		} else if (act == UI_ACT_CHAR && ch == L' ') {
			set_kind(ctx, f, !ctx->draft->id_other);
		} else if (act == UI_ACT_DIGIT || act == UI_ACT_CHAR) {
			/* Tab, then the ID number: the digits start the number. */
			f->focus = F_NUMBER;
			f->number.e.cur = f->number.e.len;
		} else {
			return UI_DONE;
		}
		if (f->focus == F_KIND)
			return UI_DONE;
	}
	fld = f->focus == F_NAME ? &f->name : f->focus == F_NUMBER ? &f->number : &f->phone;
	r = w_field_key(ctx, fld, act, ch);
	if (r == UI_DONE && fld->e.refused) {
		if (f->focus == F_NUMBER && !ctx->draft->id_other)
			ui_message(ctx, 1, "%s", _("An ID card number has only digits, and X as its last character."));
		else if (f->focus == F_NUMBER)
			ui_message(ctx, 1, "%s", _("A document number has only letters, digits and dashes."));
		else if (f->focus == F_PHONE)
			ui_message(ctx, 1, "%s", _("A phone number has only digits (and dashes)."));
	} else if (r == UI_DONE && (act == UI_ACT_CHAR || act == UI_ACT_DIGIT ||
				    act == UI_ACT_BACKSPACE || act == UI_ACT_DELETE)) {
		f->err[f->focus][0] = '\0';
	}
	return r;
}

const ui_screen_ops scr_person_form_ops = {
	.name = "person_form",
	.enter = enter,
	.state_size = sizeof(form_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("Type your name as on your ID card. The document is the resident ID card (18 characters, the "
		     "last may be X); for another document such as a passport, press Space on it. Then your mobile "
		     "number (11 digits) or a landline with its area code. Press Enter after each item."),
};
