/* Check progress, the last screen: thanks for the verdict, the matter
 * closed, or the review request with its new deadline and the printed
 * slip.  Back to the first screen after a minute or a key. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_status.h"
#include "jrc/lifecycle.h"
#include "screens.h"
#include "jrc/slip.h"
#include "jrc/text.h"

enum {
	END_SHOW_MS = 60000,
	END_GUARD_MS = 1000      /* the tail of the key that got here */
};

typedef struct end_state {
	status_end_arg a;
	int64_t shown_ms;
	int printed;             /* 1 printed, 0 no printer, -1 failed */
	char print_msg[512];
} end_state;

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	end_state *e = s->state;
	jrc_err err = { 0 };
	int printed = 0;

	if (!arg)
		return -1;
	e->a = *(const status_end_arg *)arg;
	e->shown_ms = ui_now_ms();
	if (e->a.end == STATUS_END_REVIEW) {
		if (slip_review_print(ctx->db, e->a.ss->receipt, ctx->printer[0] ? ctx->printer : NULL,
				      "kiosk", &printed, &err) == JRC_OK) {
			e->printed = printed;
		} else {
			e->printed = -1;
			snprintf(e->print_msg, sizeof(e->print_msg), "%s",
				 err.msg[0] ? err.msg : jrc_status_message(err.code));
		}
	}
	return 0;
}

static void draw_review(ui_ctx *ctx, end_state *e, ui_rect a)
{
	const char *receipt = e->a.ss->receipt;
	int y = a.y, bw = bigfont_width(receipt), re = e->a.review_state == JRC_ST_REREVIEW_REQUESTED;
	char buf[640], date[96];
	jrc_date d;

	ui_step_header(ctx, 0, 0, re ? _("Your request for a re-review is registered")
				     : _("Your request for a review is registered"),
		       _("Keep the slip: with the receipt number and the query code you can check progress."));
	if (bw > 0 && bw <= a.w && a.h >= 16) {
		bigfont_draw(y, a.x + (a.w - bw) / 2, ui_attr(ctx, UI_HEADING), receipt);
		y += BIGFONT_ROWS + 1;
	} else {
		ui_text_center(y, a.x, a.w, ui_attr(ctx, UI_HEADING), receipt);
		y += 2;
	}
	if (date_parse(e->a.due_on, &d) == 0)
		ui_date_text(d, date, sizeof(date));
	else
		snprintf(date, sizeof(date), "%s", e->a.due_on);
	snprintf(buf, sizeof(buf), re ? _("The re-review must be answered in writing by %s.")
				       : _("The review must be answered in writing by %s."), date);
	y += ui_text_wrapped(y, a.x, a.w, 2, ui_attr(ctx, UI_HEADING), buf);
	y += ui_text_wrapped(y, a.x, a.w, 3, ui_attr(ctx, UI_NORMAL),
			     re ? _("The re-review looks at your matter one last time; its answer is final.")
				: _("The office above the department looks at your matter again. You can check its progress here at any time."));
	y++;
	if (e->printed == 1)
		snprintf(buf, sizeof(buf), "%s", _("Your slip is being printed: please take it."));
	else if (e->printed < 0)
		snprintf(buf, sizeof(buf), _("%s Please write the number and the date down."), e->print_msg);
	else
		snprintf(buf, sizeof(buf), "%s",
			 _("Please write down the number and the date, or ask at the front desk for a printed slip."));
	if (y < a.y + a.h)
		ui_text_wrapped(y, a.x, a.w, a.y + a.h - y, ui_attr(ctx, UI_NOTICE), buf);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	end_state *e = s->state;
	ui_rect a = ui_content(ctx);

	if (e->a.end == STATUS_END_REVIEW) {
		draw_review(ctx, e, a);
	} else if (e->a.end == STATUS_END_CLOSED) {
		ui_step_header(ctx, 0, 0, _("Thank you"), NULL);
		ui_text_wrapped(a.y + 1, a.x, a.w, 4, ui_attr(ctx, UI_NORMAL),
				_("Your opinion is recorded and your matter is now closed. Thank you for telling us."));
	} else {
		ui_step_header(ctx, 0, 0, _("Thank you"), NULL);
		char buf[512];

		if (e->a.ss->p.can_request_review)
			snprintf(buf, sizeof(buf),
				 _("Your opinion is recorded. If you change your mind, you can still ask for a review here within %d days of the answer, or at the front desk."),
				 JRC_REVIEW_DAYS);
		else
			snprintf(buf, sizeof(buf), "%s",
				 _("Your opinion is recorded. The front desk can tell you about other legal ways if you need them."));
		ui_text_wrapped(a.y + 1, a.x, a.w, 6, ui_attr(ctx, UI_NORMAL), buf);
	}
	ui_text_center(a.y + a.h, a.x, a.w, ui_attr(ctx, UI_KEY), _("Press any key to finish."));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	end_state *e = s->state;

	(void)act;
	(void)ch;
	if (ui_now_ms() - e->shown_ms >= END_GUARD_MS)
		ui_reset_session(ctx);
	return UI_DONE;
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	end_state *e = s->state;

	if (now_ms - e->shown_ms >= END_SHOW_MS) {
		ui_reset_session(ctx);
		return 1;
	}
	return 0;
}

const ui_screen_ops scr_status_end_ops = {
	.name = "status_end",
	.enter = enter,
	.state_size = sizeof(end_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("Press any key to finish; the screen also clears itself after a minute. You can check the "
		     "progress of your matter again at any time with the receipt number and the query code."),
	.tick = tick,
	.keys_msg = N_("Enter: finish"),
};
