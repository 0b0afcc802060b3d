/* Check in for an appointment (home screen): the citizen says who they
 * are with the receipt number and query code, or with the ID card number
 * and the phone given when filing; the kiosk records the arrival and
 * gives a queue number for the room in one step (roster_checkin), shown
 * big by the ticket screen.  Wrong tries count as the status lookup's and
 * "I lost my number"'s do, against this terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "jrc/receipt.h"
#include "jrc/roster.h"
#include "jrc/text.h"

enum { MODE_RECEIPT = 0, MODE_ID = 1 };

typedef struct checkin_state {
	int phase;                   /* 0: choose how, 1: the two fields */
	w_list how;
	int mode;
	int focus;                   /* 0 first field, 1 second */
	char first[40], second[32];
	w_field f1, f2;
	char err[512];
} checkin_state;

static int filter_receipt(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       cp == '-' || cp == ' ';
}

static const char *how_label(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	return i == 0 ? _("With my receipt number and query code")
		      : _("With my ID card number and phone number");
}

void checkin_home_open(ui_ctx *ctx)
{
	ui_push(ctx, &scr_checkin_ops, NULL);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	checkin_state *c = s->state;

	(void)ctx;
	(void)arg;
	w_list_init(&c->how, 2, how_label, NULL);
	c->how.gap = 1;
	return 0;
}

static void setup(checkin_state *c, int mode)
{
	c->mode = mode;
	c->phase = 1;
	c->focus = 0;
	c->err[0] = '\0';
	memset(c->first, 0, sizeof(c->first));
	memset(c->second, 0, sizeof(c->second));
	if (mode == MODE_RECEIPT) {
		w_field_init(&c->f1, c->first, sizeof(c->first), 24, filter_receipt);
		w_field_init(&c->f2, c->second, sizeof(c->second), 6, w_filter_digits);
	} else {
		w_field_init(&c->f1, c->first, sizeof(c->first), 18, w_filter_id_number);
		w_field_init(&c->f2, c->second, sizeof(c->second), 20, w_filter_phone);
	}
}

static const char *field_label(const checkin_state *c, int i)
{
	if (c->mode == MODE_RECEIPT)
		return i == 0 ? _("Receipt number") : _("Query code");
	return i == 0 ? _("ID card number") : _("Phone number");
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	checkin_state *c = s->state;
	ui_rect r = ui_content(ctx);
	int lw = 0, y;

	if (c->phase == 0) {
		ui_step_header(ctx, 0, 0, _("Check in for your appointment"),
			       _("You booked a time with a mediator, a lawyer or a leader. How do you want to show who you are? Press 1 or 2."));
		w_list_draw(ctx, &c->how, r);
		return;
	}
	ui_step_header(ctx, 0, 0, _("Check in for your appointment"),
		       c->mode == MODE_RECEIPT ?
		       _("Type the number on your receipt and the 6-digit query code under it.") :
		       _("Type your ID card number and the phone number you gave when filing."));
	for (int i = 0; i < 2; i++)
		if ((int)text_width(field_label(c, i)) > lw)
			lw = (int)text_width(field_label(c, i));
	lw += 4;
	for (int i = 0; i < 2; i++) {
		y = r.y + 1 + i * 3;
		ui_text(y, r.x, 2, ui_attr(ctx, UI_KEY), c->focus == i ? ">" : " ");
		ui_text(y, r.x + 2, lw - 2, ui_attr(ctx, c->focus == i ? UI_HEADING : UI_NORMAL),
			field_label(c, i));
		w_field_draw(ctx, i == 0 ? &c->f1 : &c->f2, y, r.x + lw, 26, c->focus == i);
	}
	y = r.y + 8;
	if (c->err[0])
		ui_text_wrapped(y, r.x, r.w, 5, ui_attr(ctx, UI_ERROR), c->err);
	else
		ui_text_wrapped(y, r.x, r.w, 4, ui_attr(ctx, UI_HINT),
				_("Check-in opens an hour before your time. You get a queue number for the room; staff call it when the person you booked is ready."));
}

static void fail(checkin_state *c, const jrc_err *err, jrc_status st)
{
	snprintf(c->err, sizeof(c->err), "%s", err->msg[0] ? err->msg : jrc_status_message(st));
}

static void check_in(ui_ctx *ctx, checkin_state *c)
{
	char receipt[JRC_RECEIPT_MAX];
	jrc_err err = { 0 };
	jrc_checkin ci;
	int64_t case_id = 0;
	jrc_status st;

	if (c->mode == MODE_RECEIPT) {
		if ((st = receipt_parse(c->first, receipt, &err)) != JRC_OK) {
			fail(c, &err, st);
			c->focus = 0;
			return;
		}
		if (strlen(c->second) != 6) {
			snprintf(c->err, sizeof(c->err), "%s",
				 _("The query code has 6 digits: it is printed on your receipt under the number."));
			c->focus = 1;
			return;
		}
		st = lookup_verify(ctx->db, receipt, JRC_PROOF_CODE, c->second, ctx->terminal, &case_id,
				   NULL, &err);
	} else {
		st = roster_checkin_find(ctx->db, c->first, c->second, ctx->terminal, &case_id, NULL,
					 &err);
	}
	/* A try, good or bad, is used up: the secret goes. */
	w_edit_set(&c->f2.e, "");
	if (st != JRC_OK) {
		fail(c, &err, st);
		c->focus = 1;
		return;
	}
	if ((st = roster_checkin(ctx->db, case_id, ctx->terminal[0] ? ctx->terminal : "kiosk", &ci,
				 &err)) != JRC_OK) {
		fail(c, &err, st);
		return;
	}
	if (ui_replace(ctx, &scr_checkin_ticket_ops, &ci) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	checkin_state *c = s->state;
	w_field *f;
	ui_result r;
	int picked;

	if (c->phase == 0) {
		if (act == UI_ACT_BACK)
			return UI_PASS;
		r = w_list_key(ctx, &c->how, act, ch, &picked);
		if (picked >= 0)
			setup(c, picked);
		return r;
	}
	switch (act) {
	case UI_ACT_BACK:
		/* Back to the choice, nothing typed kept. */
		setup(c, c->mode);
		c->phase = 0;
		return UI_DONE;
	case UI_ACT_NEXT:
		if (c->focus == 0)
			c->focus = 1;
		else
			check_in(ctx, c);
		return UI_DONE;
	case UI_ACT_FIELD_NEXT:
	case UI_ACT_FIELD_PREV:
		c->focus = !c->focus;
		return UI_DONE;
	default:
		break;
	}
	f = c->focus == 0 ? &c->f1 : &c->f2;
	r = w_field_key(ctx, f, act, ch);
	if (r == UI_DONE) {
		c->err[0] = '\0';
		if (f->e.refused)
			ui_message(ctx, 1, "%s", c->focus == 0 && c->mode == MODE_RECEIPT ?
				   _("A receipt number has only letters, digits and dashes.") :
				   _("Type digits only."));
	}
	return r;
}

const ui_screen_ops scr_checkin_ops = {
	.name = "checkin",
	.enter = enter,
	.state_size = sizeof(checkin_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("If you booked a time with a mediator, a lawyer or a leader, check in here when you come. "
		     "Press 1 to use the receipt number and the query code printed under it, or 2 to use your ID card "
		     "number and the phone number you gave. Check-in opens an hour before your time and closes at "
		     "its end. You then get a queue number for the room. Wrong tries make this kiosk wait a little."),
};
