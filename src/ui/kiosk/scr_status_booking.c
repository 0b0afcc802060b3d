/* The appointment in "Check progress": read it, cancel it, or move it to
 * another free time of the same person.  Only a lookup with the query
 * code gets here (the phone digits show the state only); the changes go
 * through the same core functions as `jrc unbook` and `jrc rebook`, so
 * they are events of the case under the keyed chain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_roster.h"
#include "scr_status.h"
#include "screens.h"
#include "widgets.h"
#include "jrc/grievance.h"

void status_booking_load(ui_ctx *ctx, status_session *ss)
{
	jrc_case c;

	ss->have_booking = 0;
	memset(&ss->booking, 0, sizeof(ss->booking));
	if (ss->kind != JRC_PROOF_CODE || !ss->have_progress)
		return;
	if (!ss->case_id) {
		if (grievance_get(ctx->db, ss->p.receipt, &c, NULL) != JRC_OK)
			return;
		ss->case_id = c.id;
		grievance_case_free(&c);
	}
	ss->have_booking = roster_case_booking(ctx->db, ss->case_id, &ss->booking, NULL) == JRC_OK;
}

int status_booking_changeable(const status_session *ss)
{
	return ss->have_booking && ss->kind == JRC_PROOF_CODE && ss->p.state != JRC_ST_CLOSED &&
	       ss->booking.start > clock_now();
}

static const char *actor(ui_ctx *ctx)
{
	return ctx->staff_mode ? "desk" : "kiosk";
}

void status_booking_rebook(ui_ctx *ctx, status_session *ss)
{
	roster_ui_arg a = { .kind = ss->booking.host.kind, .from_home = 1 };

	if (!status_booking_changeable(ss))
		return;
	a.host = ss->booking.host;
	a.rebook_case = ss->case_id;
	ui_push(ctx, &scr_roster_slots_ops, &a);
}

/* Called by the free-times screen with the new time. */
void status_booking_moved(ui_ctx *ctx, int64_t case_id, const jrc_slot *sl)
{
	jrc_booking b;
	jrc_slot alt = { 0 };
	jrc_err err = { 0 };

	if (roster_move(ctx->db, case_id, NULL, sl->start, actor(ctx), &b, &alt, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg[0] ? err.msg : jrc_status_message(err.code));
		return;
	}
	ui_pop_to(ctx, &scr_status_view_ops);
	/* The view above shows the new time; the message line is one row. */
	ui_message(ctx, 0, "%s", _("Your appointment is moved. The new time is shown above."));
}

/* ---------------------------------------------------------------- cancel */

typedef struct unbook_state {
	status_session *ss;
	w_confirm yn;
} unbook_state;

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	unbook_state *u = s->state;

	(void)ctx;
	if (!arg || !status_booking_changeable(arg))
		return -1;
	u->ss = arg;
	u->yn.sel = 1;           /* Enter alone keeps the appointment */
	return 0;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	unbook_state *u = s->state;
	ui_rect r = ui_content(ctx);
	char l[512];
	int y;

	ui_step_header(ctx, 0, 0, _("Cancel your appointment?"),
		       _("Press 1 to cancel it, or 2 to keep it."));
	roster_booking_line(ctx->db, &u->ss->booking, l, sizeof(l));
	y = r.y + 1 + ui_text_wrapped(r.y + 1, r.x, r.w, 3, ui_attr(ctx, UI_HEADING), l);
	y += 1 + ui_text_wrapped(y + 1, r.x, r.w, 3, ui_attr(ctx, UI_NORMAL),
				 _("The time becomes free for someone else. Your matter itself goes on."));
	w_confirm_draw(ctx, &u->yn, r, y + 2, _("Yes, cancel it"), _("No, keep it"));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	unbook_state *u = s->state;
	status_session *ss = u->ss;
	ui_result res;
	int c = w_confirm_key(&u->yn, act, ch, &res);
	jrc_err err = { 0 };

	if (c < 0)
		return res;
	if (c == 0) {
		ui_pop(ctx);
		return UI_DONE;
	}
	if (!status_booking_changeable(ss) ||
	    roster_unbook(ctx->db, ss->case_id, actor(ctx), &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg[0] ? err.msg : jrc_status_message(JRC_E_REFUSED));
		ui_pop(ctx);
		return UI_DONE;
	}
	ui_pop(ctx);
	ui_message(ctx, 0, "%s", _("Your appointment is cancelled. Staff will contact you if a meeting is needed."));
	return UI_DONE;
}

const ui_screen_ops scr_status_unbook_ops = {
	.name = "status_unbook",
	.enter = enter,
	.state_size = sizeof(unbook_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("Press 1 to cancel the appointment: the time becomes free for someone else, and your matter "
		     "goes on. Press 2 or Esc to keep it."),
};
