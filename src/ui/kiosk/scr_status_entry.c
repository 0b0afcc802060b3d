/* Check progress, first screen: the receipt number (its check digit
 * catches a typo at once), then the query code or the last 4 phone
 * digits.  A wrong try makes this terminal wait a little longer each time
 * (what is typed meanwhile is kept, and Enter is done when the wait
 * ends); several within an hour pause lookups at this terminal.  Back
 * here from a matter, the form is empty again for the next citizen. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_status.h"
#include "screens.h"
#include "widgets.h"
#include "jrc/receipt.h"
#include "jrc/text.h"

enum { F_RECEIPT, F_KIND, F_PROOF, F_COUNT };

typedef struct entry_state {
	status_session *ss;
	int focus;
	w_field receipt, proof;
	char err[F_COUNT][512];
	int64_t wait_until_ms; /* the slow-down after a wrong try */
	int pending;          /* Enter pressed during the wait: look up after it */
	int locked;           /* lookups at this terminal are paused */
} entry_state;

/* What a receipt number is made of, as people type it. */
static int filter_receipt(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       cp == '-' || cp == ' ';
}

static void setup_proof(entry_state *e)
{
	status_session *ss = e->ss;

	w_field_init(&e->proof, ss->proof, sizeof(ss->proof),
		     ss->kind == JRC_PROOF_CODE ? 6 : 4, w_filter_digits);
}

static void wipe(status_session *ss)
{
	if (ss->have_progress)
		lookup_progress_free(&ss->p);
	/* The proof is a secret: nothing of it stays in memory. */
	memset(ss, 0, sizeof(*ss));
}

void status_open(ui_ctx *ctx)
{
	/* First: the number at hand, or "I lost my number" (scr_status_lost.c). */
	ui_push(ctx, &scr_status_start_ops, NULL);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	entry_state *e = calloc(1, sizeof(*e));

	(void)arg;
	if (!e || !(e->ss = calloc(1, sizeof(*e->ss)))) {
		free(e);
		return -1;
	}
	e->ss->kind = JRC_PROOF_CODE;
	w_field_init(&e->receipt, e->ss->typed, sizeof(e->ss->typed), STATUS_TYPED_MAX,
		     filter_receipt);
	setup_proof(e);
	s->state = e;
	/* Leaving and coming back does not skip a wait or a pause. */
	{
		jrc_lookup_info info;

		if (lookup_terminal_info(ctx->db, ctx->terminal, &info, NULL) == JRC_OK) {
			if (info.terminal_paused_until)
				e->locked = 1;
			else if (info.delay_seconds > 0)
				e->wait_until_ms = ui_now_ms() + info.delay_seconds * (int64_t)1000;
		}
	}
	return 0;
}

/* A new citizen's empty form: nothing of the last lookup stays. */
static void reset_form(entry_state *e)
{
	status_session *ss = e->ss;

	if (ss->have_progress)
		lookup_progress_free(&ss->p);
	ss->have_progress = 0;
	w_edit_set(&e->receipt.e, "");
	w_edit_set(&e->proof.e, "");
	memset(ss->typed, 0, sizeof(ss->typed));
	memset(ss->receipt, 0, sizeof(ss->receipt));
	memset(ss->proof, 0, sizeof(ss->proof));
	ss->kind = JRC_PROOF_CODE;
	setup_proof(e);
	memset(e->err, 0, sizeof(e->err));
	e->focus = F_RECEIPT;
	e->pending = 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	entry_state *e = s->state;

	(void)ctx;
	wipe(e->ss);
	free(e->ss);
	memset(e, 0, sizeof(*e));
	free(e);
}

static int waiting_s(const entry_state *e)
{
	int64_t left = e->wait_until_ms - ui_now_ms();

	return left > 0 ? (int)((left + 999) / 1000) : 0;
}

static const char *label(const entry_state *e, int i)
{
	switch (i) {
	case F_RECEIPT: return _("Receipt number");
	case F_KIND: return _("Check with");
	default:
		return e->ss->kind == JRC_PROOF_CODE ? _("Query code") : _("Last 4 phone digits");
	}
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	entry_state *e = s->state;
	status_session *ss = e->ss;
	ui_rect r = ui_content(ctx);
	int lw = 0, fx, fw, y, bottom = r.y, wait;
	char buf[512];

	/* Drawn again with a matter still held: its citizen went back with
	 * Esc, and the next one must not see the number. */
	if (ss->have_progress)
		reset_form(e);
	wait = waiting_s(e);

	ui_step_header(ctx, 0, 0, _("Check the progress of your matter"),
		       _("Type the number on your receipt and press Enter."));
	for (int i = 0; i < F_COUNT; i++)
		if ((int)text_width(label(e, i)) > lw)
			lw = (int)text_width(label(e, i));
	lw += 4;
	fx = r.x + lw;
	fw = r.w - lw < 30 ? r.w - lw : 30;
	for (int i = 0; i < F_COUNT; i++) {
		int focused = e->focus == i && !e->locked;

		y = r.y + i * 3;
		ui_text(y, r.x, 2, ui_attr(ctx, UI_KEY), e->focus == i ? ">" : " ");
		ui_text(y, r.x + 2, lw - 2, ui_attr(ctx, e->focus == i ? UI_HEADING : UI_NORMAL),
			label(e, i));
		if (i == F_RECEIPT) {
			w_field_draw(ctx, &e->receipt, y, fx, fw, focused);
		} else if (i == F_PROOF) {
			w_field_draw(ctx, &e->proof, y, fx, e->ss->kind == JRC_PROOF_CODE ? 8 : 6,
				     focused);
		} else {
			char a[160], b[160];
			int wa, code = ss->kind == JRC_PROOF_CODE;

			snprintf(a, sizeof(a), "[%s] 1 %s", code ? "x" : " ", _("Query code"));
			snprintf(b, sizeof(b), "[%s] 2 %s", code ? " " : "x", _("Last 4 phone digits"));
			wa = ui_text(y, fx, r.w - lw, ui_attr(ctx, code && e->focus == i ? UI_SELECTED : UI_NORMAL), a);
			ui_text(y, fx + wa + 4, r.w - lw - wa - 4,
				ui_attr(ctx, !code && e->focus == i ? UI_SELECTED : UI_NORMAL), b);
			if (focused) {
				ui_text(y + 1, fx, r.w - lw, ui_attr(ctx, UI_HINT),
					_("Press 1 or 2 to choose, or just type the query code."));
				ui_cursor(ctx, y, code ? fx + 1 : fx + wa + 5);
			}
		}
		bottom = y + 2;
		/* The last field has room below it for a longer sentence. */
		if (e->err[i][0])
			bottom = y + 1 + ui_text_wrapped(y + 1, fx, r.w - lw, i == F_PROOF ? 4 : 2,
							  ui_attr(ctx, UI_ERROR), e->err[i]);
	}
	y = bottom + 1;
	if (e->locked) {
		ui_text_wrapped(y, r.x, r.w, 4, ui_attr(ctx, UI_NOTICE),
				_("Looking up this number is paused for now. Press Esc to go back."));
		return;
	}
	if (wait) {
		snprintf(buf, sizeof(buf), e->pending ?
			 _("Please wait %d seconds: your lookup then starts by itself.") :
			 _("Please wait %d seconds, then try again."), wait);
		ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE), buf);
		return;
	}
	ui_text_wrapped(y, r.x, r.w, 4, ui_attr(ctx, UI_HINT),
			_("The receipt number looks like PJ261129-0042-5. The query code is the 6 digits printed under it. "
			  "Instead of the code you may use the last 4 digits of the phone number you gave."));
}

static int check_receipt(entry_state *e)
{
	status_session *ss = e->ss;
	jrc_err err = { 0 };

	if (receipt_parse(ss->typed, ss->receipt, &err) != JRC_OK) {
		snprintf(e->err[F_RECEIPT], sizeof(e->err[F_RECEIPT]), "%s",
			 err.msg[0] ? err.msg : _("This number is not valid, please check it."));
		ss->receipt[0] = '\0';
		return -1;
	}
	e->err[F_RECEIPT][0] = '\0';
	/* Show the number as the system writes it. */
	w_edit_set(&e->receipt.e, ss->receipt);
	return 0;
}

static void set_kind(entry_state *e, jrc_proof kind)
{
	if (e->ss->kind != kind) {
		e->ss->kind = kind;
		memset(e->ss->proof, 0, sizeof(e->ss->proof));
		setup_proof(e);
		e->err[F_PROOF][0] = '\0';
	}
	e->focus = F_PROOF;
}

static void lookup(ui_ctx *ctx, entry_state *e)
{
	status_session *ss = e->ss;
	jrc_lookup_info info = { 0 };
	jrc_err err = { 0 };
	jrc_status st;
	size_t want = ss->kind == JRC_PROOF_CODE ? 6 : 4;

	if (check_receipt(e) != 0) {
		e->focus = F_RECEIPT;
		return;
	}
	if (strlen(ss->proof) != want) {
		snprintf(e->err[F_PROOF], sizeof(e->err[F_PROOF]), "%s",
			 ss->kind == JRC_PROOF_CODE ?
			 _("The query code has 6 digits: it is printed on your receipt under the number.") :
			 _("Type the last 4 digits of the phone number you gave when filing."));
		return;
	}
	if (ss->have_progress) {
		lookup_progress_free(&ss->p);
		ss->have_progress = 0;
	}
	st = lookup_progress(ctx->db, ss->receipt, ss->kind, ss->proof, ctx->terminal, &ss->p,
			     &info, &err);
	/* A try, good or bad, is used up: the digits go. */
	w_edit_set(&e->proof.e, "");
	if (st == JRC_OK) {
		ss->have_progress = 1;
		e->err[F_PROOF][0] = '\0';
		e->err[F_RECEIPT][0] = '\0';
		if (ui_push(ctx, &scr_status_view_ops, ss) != 0)
			ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	if (jrc_status_exit(st) != 2) {
		ui_message(ctx, 1, "%s", err.msg[0] ? err.msg : jrc_status_message(st));
		return;
	}
	snprintf(e->err[F_PROOF], sizeof(e->err[F_PROOF]), "%s",
		 err.msg[0] ? err.msg : jrc_status_message(st));
	/* A paused terminal stops here; a number whose phone digits are
	 * stopped still takes the query code. */
	if (st == JRC_E_LOCKED_OUT && info.terminal_paused_until)
		e->locked = 1;
	else if (info.delay_seconds > 0)
		e->wait_until_ms = ui_now_ms() + info.delay_seconds * (int64_t)1000;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	entry_state *e = s->state;
	w_field *f;
	ui_result r;

	/* Back from a matter, keys typed before the next draw belong to
	 * the next citizen's empty form. */
	if (e->ss->have_progress)
		reset_form(e);
	if (act == UI_ACT_BACK)
		return UI_PASS;
	if (e->locked)
		return UI_DONE;
	switch (act) {
	case UI_ACT_NEXT:
		if (e->focus == F_PROOF && waiting_s(e)) {
			/* Kept, not dropped: done when the wait ends. */
			e->pending = 1;
		} else if (e->focus == F_RECEIPT) {
			if (check_receipt(e) == 0)
				e->focus = F_KIND;
		} else if (e->focus == F_KIND) {
			e->focus = F_PROOF;
		} else {
			lookup(ctx, e);
		}
		return UI_DONE;
	case UI_ACT_FIELD_NEXT:
		if (e->focus < F_COUNT - 1)
			e->focus++;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		if (e->focus > 0)
			e->focus--;
		return UI_DONE;
	default:
		break;
	}
	if (e->focus == F_KIND) {
		if ((act == UI_ACT_DIGIT && ch == L'1') || act == UI_ACT_LEFT)
			set_kind(e, JRC_PROOF_CODE);
		else if ((act == UI_ACT_DIGIT && ch == L'2') || act == UI_ACT_RIGHT)
			set_kind(e, JRC_PROOF_PHONE4);
		else if (act == UI_ACT_DIGIT) {
			/* Any other digit: the citizen has begun typing the
			 * query code from the receipt; it goes there, not lost. */
			set_kind(e, JRC_PROOF_CODE);
			return w_field_key(ctx, &e->proof, act, ch);
		}
		return UI_DONE;
	}
	f = e->focus == F_RECEIPT ? &e->receipt : &e->proof;
	r = w_field_key(ctx, f, act, ch);
	if (r == UI_DONE && f->e.refused)
		ui_message(ctx, 1, "%s", e->focus == F_RECEIPT ?
			   _("A receipt number has only letters, digits and dashes.") :
			   _("Type digits only."));
	else if (r == UI_DONE && e->focus == F_RECEIPT) {
		e->ss->receipt[0] = '\0';
		e->err[F_RECEIPT][0] = '\0';
	}
	return r;
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	entry_state *e = s->state;

	/* Redraw while the wait counts down, and once when it ends. */
	if (e->wait_until_ms && now_ms < e->wait_until_ms)
		return 1;
	if (e->wait_until_ms) {
		e->wait_until_ms = 0;
		if (e->pending && ui_top(ctx) == s) {
			e->pending = 0;
			lookup(ctx, e);
		}
		return 1;
	}
	return 0;
}

const ui_screen_ops scr_status_entry_ops = {
	.name = "status_entry",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("Type the receipt number printed on your receipt, then press Enter. Then press 1 to use the "
		     "6-digit query code printed under the number, or 2 to use the last 4 digits of the phone number "
		     "you gave, type the digits and press Enter. The phone digits show where the matter stands; to give "
		     "your opinion or ask for a review you need the query code. After a wrong try you have to wait a "
		     "little; after several, looking up pauses here for a while and the front desk can help."),
	.tick = tick,
};
