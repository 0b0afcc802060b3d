/* Check progress, the answer: where the matter stands, who has it, what
 * happened when, the next deadline with the days left, and the written
 * answer; then the choices a citizen has (give a verdict, ask for a
 * review).  Everything shown comes from jrc_progress, which holds only
 * what a citizen may see, personal data masked. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_status.h"
#include "jrc/hearing.h"
#include "jrc/site.h"
#include "jrc/lifecycle.h"
#include "screens.h"
#include "speak.h"
#include "widgets.h"
#include "jrc/text.h"

typedef struct view_state {
	status_session *ss;
	int top;              /* first row of the scrolled part shown */
	int rows;             /* rows of the scrolled part at the last draw */
	int page;             /* rows it had room for */
} view_state;

/* Rows are laid out from 0 and drawn only when inside [top, top+h). */
typedef struct layout {
	ui_ctx *ctx;
	ui_rect r;
	int top, row;
} layout;

const char *status_pick(const char *zh, const char *en)
{
	return *zh || *en ? i18n_pick(zh, en) : "";
}

void status_deadline_text(const jrc_progress *p, char *out, size_t size)
{
	const char *what = lifecycle_deadline_words(p->state);
	char date[96], left[96];
	jrc_date d;

	out[0] = '\0';
	if (!what || !*p->due_on || date_parse(p->due_on, &d) != 0)
		return;
	ui_date_text(d, date, sizeof(date));
	if (p->days_left > 1)
		snprintf(left, sizeof(left), _("%ld days left"), p->days_left);
	else if (p->days_left == 1)
		snprintf(left, sizeof(left), "%s", _("1 day left"));
	else if (p->days_left == 0)
		snprintf(left, sizeof(left), "%s", _("that is today"));
	else
		snprintf(left, sizeof(left), _("%ld days late"), -p->days_left);
	/* TRANSLATORS: what the deadline is for, the date, the days left. */
	snprintf(out, size, _("%s %s (%s)"), what, date, left);
}

/* Put text (wrapped) at indent; advances the row either way. */
static void put(layout *l, int indent, ui_role role, const char *text)
{
	size_t *starts, *lens, n;
	int w = l->r.w - indent;

	if (w < 10)
		w = 10;
	n = text_wrap(text, (size_t)w, &starts, &lens);
	if (n == 0) {
		l->row++;
		return;
	}
	for (size_t i = 0; i < n; i++, l->row++) {
		int y = l->row - l->top;

		if (y >= 0 && y < l->r.h)
			ui_text_n(l->r.y + y, l->r.x + indent, w, ui_attr(l->ctx, role),
				  text + starts[i], lens[i]);
	}
	free(starts);
	free(lens);
}

/* "Label: value" with the value wrapped under itself. */
static void pair(layout *l, int indent, const char *label, ui_role role, const char *value)
{
	size_t n = strlen(label) + strlen(value) + 2;
	char *buf = malloc(n);

	if (!buf) {
		l->row++;
		return;
	}
	snprintf(buf, n, "%s %s", label, value);
	put(l, indent, role, buf);
	free(buf);
}

/* Who, when and where: the appointment (only after the query code). */
static void draw_booking(layout *l, const jrc_booking *b)
{
	char when[64], end[32], buf[512], at[512];
	const char *room = site_room(l->ctx->db, b->room, b->room_en, at, sizeof(at));

	l->row++;
	put(l, 0, UI_HEADING, b->start > clock_now() ? _("Your appointment") : _("Your appointment (the time has passed)"));
	roster_when(b->start, clock_now(), when, sizeof(when));
	clock_format_local(b->end, end);
	/* TRANSLATORS: name, kind of helper, day and start time, end time, room */
	snprintf(buf, sizeof(buf), _("%s (%s), %s-%s, %s"), i18n_pick(b->host.name, b->host.name_en),
		 roster_kind_label(b->host.kind), when, end + 11, *room ? room : _("ask at the front desk"));
	put(l, 2, UI_NORMAL, buf);
}

/* The public hearing on the matter: when and where while it is to come,
 * then its result in plain words. */
static void draw_hearing(layout *l, const jrc_progress *p)
{
	char date[96], buf[512];
	jrc_date d;

	l->row++;
	if (date_parse(p->hearing_on, &d) == 0)
		ui_date_text(d, date, sizeof(date));
	else
		snprintf(date, sizeof(date), "%s", p->hearing_on);
	if (p->hearing_result == JRC_CONCLUSION_NONE) {
		put(l, 0, UI_HEADING, _("Public hearing on your matter"));
		/* TRANSLATORS: date, time, place */
		snprintf(buf, sizeof(buf), _("%s at %s, %s"), date, p->hearing_at,
			 p->hearing_place ? p->hearing_place : "");
		put(l, 2, UI_NOTICE, buf);
		put(l, 2, UI_NORMAL, _("A panel of deputies, committee members, lawyers and village representatives hears you and the department, then says whether your matter was handled reasonably. Please come on time."));
		return;
	}
	/* TRANSLATORS: the date of the hearing */
	snprintf(buf, sizeof(buf), _("Result of the public hearing (%s)"), date);
	put(l, 0, UI_HEADING, buf);
	put(l, 2, UI_NORMAL, hearing_conclusion_words((jrc_conclusion)p->hearing_result));
}

static void draw_body(layout *l, const status_session *ss)
{
	const jrc_progress *p = &ss->p;
	char buf[1024], date[96];
	size_t last_answer = p->nsteps;

	for (size_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].answer)
			last_answer = i;
	pair(l, 0, _("Receipt number:"), UI_NORMAL, p->receipt);
	pair(l, 0, _("Kind of matter:"), UI_NORMAL, status_pick(p->category_zh, p->category_en));
	if (!p->anonymous) {
		snprintf(buf, sizeof(buf), "%s  %s", p->name, p->phone);
		pair(l, 0, _("Filed by:"), UI_NORMAL, buf);
	}
	/* A date not to miss: before the rest. */
	if (ss->have_booking)
		draw_booking(l, &ss->booking);
	if (p->has_hearing)
		draw_hearing(l, p);
	l->row++;
	put(l, 0, UI_HEADING, lifecycle_state_words(p->state));
	/* The voice says where it stands, where it is handled and the next
	 * date, as the screen shows them. */
	speak_extra(l->ctx, lifecycle_state_words(p->state));
	/* Filed again after the same matter was concluded: said at once. */
	if (p->concluded_channel) {
		char on[64];

		ui_ymd_text(p->concluded_on, on, sizeof(on));
		snprintf(buf, sizeof(buf),
			 _("This matter was already lawfully concluded on %s (number %s): offices will not take it "
			   "up again for the same facts and reasons. Your filing is recorded and staff will see it."),
			 on, p->concluded_receipt);
		put(l, 0, UI_NOTICE, buf);
		pair(l, 0, _("Where you can still go:"), UI_NOTICE, p->concluded_channel);
	}
	/* Concluded: the way that remains, at once, not under the timeline. */
	for (size_t i = p->nsteps; p->state == JRC_ST_TERMINATED && i-- > 0;)
		if (p->steps[i].state == JRC_ST_TERMINATED && p->steps[i].channel) {
			pair(l, 0, _("Where you can still go:"), UI_NOTICE, p->steps[i].channel);
			break;
		}
	if (*p->window)
		snprintf(buf, sizeof(buf), _("%s (window %s, phone %s)"),
			 status_pick(p->department_zh, p->department_en), p->window, p->department_phone);
	else if (*p->department_phone)
		/* No window away from the hall (a township's kiosk): the phone. */
		snprintf(buf, sizeof(buf), _("%s (phone %s)"),
			 status_pick(p->department_zh, p->department_en), p->department_phone);
	else
		snprintf(buf, sizeof(buf), "%s", status_pick(p->department_zh, p->department_en));
	pair(l, 0, _("Department:"), UI_NORMAL, buf);
	/* Passed between the levels or handled jointly: where and by whom,
	 * in a plain sentence (site.h), nothing of the staff's notes. */
	handling_sentence(&p->handling, buf, sizeof(buf));
	if (*buf) {
		put(l, 0, UI_NORMAL, buf);
		speak_extra(l->ctx, buf);
	}
	status_deadline_text(p, buf, sizeof(buf));
	if (*buf) {
		put(l, 0, UI_NOTICE, buf);
		speak_extra(l->ctx, buf);
	}
	l->row++;
	put(l, 0, UI_HEADING, _("What has happened so far"));
	for (size_t i = 0; i < p->nsteps; i++) {
		const jrc_progress_step *s = &p->steps[i];

		/* The date as every other date on the screen, in the site's
		 * time zone; what happened under it. */
		ui_ymd_text(s->date, date, sizeof(date));
		snprintf(buf, sizeof(buf), "%s  %s", date, lifecycle_state_label(s->state));
		put(l, 2, UI_NORMAL, buf);
		if (*s->department_zh || *s->department_en)
			pair(l, 6, _("Passed to:"), UI_NORMAL,
			     status_pick(s->department_zh, s->department_en));
		if (s->reason)
			pair(l, 6, _("Why:"), UI_NORMAL, s->reason);
		if (s->channel)
			pair(l, 6, s->state == JRC_ST_TERMINATED ? _("Where you can still go:")
								  : _("Where to go instead:"),
			     UI_NOTICE, s->channel);
		if (s->answer && i != last_answer)
			pair(l, 6, _("Answer:"), UI_NORMAL, s->answer);
	}
	if (p->answer && last_answer < p->nsteps) {
		l->row++;
		ui_ymd_text(p->answered_on, date, sizeof(date));
		snprintf(buf, sizeof(buf), _("The written answer (%s):"), date);
		put(l, 0, UI_HEADING, buf);
		put(l, 2, UI_NORMAL, p->answer);
	}
	if (p->verdict != JRC_VERDICT_NONE) {
		l->row++;
		snprintf(buf, sizeof(buf), _("You said about the answer: %s."),
			 lifecycle_verdict_words(p->verdict));
		put(l, 0, UI_NORMAL, buf);
	}
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	view_state *v = s->state;

	(void)ctx;
	if (!arg)
		return -1;
	v->ss = arg;
	return 0;
}

/* The choices under the text: 1 verdict, 2 review (when they apply). */
static int can_verdict(const jrc_progress *p)
{
	return p->can_give_verdict;
}

static int can_review(const jrc_progress *p)
{
	return p->can_request_review && p->verdict == JRC_VERDICT_UNSATISFIED;
}

static const char *needs_code_text(void)
{
	return _("To give your opinion or ask for a review, look the matter up with the 6-digit query code on your receipt, or ask at the front desk.");
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	view_state *v = s->state;
	const jrc_progress *p = &v->ss->p;
	ui_rect r = ui_content(ctx);
	layout l = { .ctx = ctx, .r = r };
	int changeable, choices, y;
	char buf[256];

	/* Read at each draw: a cancel or a move below shows at once. */
	status_booking_load(ctx, v->ss);
	changeable = status_booking_changeable(v->ss);
	choices = can_verdict(p) + can_review(p) + (p->needs_code ? 2 : 0) + 2 * changeable;

	ui_step_header(ctx, 0, 0, _("Where your matter stands"),
		       _("Up and Down move the text. Esc goes back."));
	/* The choices stay put at the bottom, under a row that says whether
	 * there is more; the rest scrolls above them. */
	l.r.h = r.h - 1 - choices;
	if (l.r.h < 4)
		l.r.h = 4;
	if (v->top > 0 && v->top > v->rows - l.r.h)
		v->top = v->rows - l.r.h > 0 ? v->rows - l.r.h : 0;
	l.top = v->top;
	draw_body(&l, v->ss);
	v->rows = l.row;
	v->page = l.r.h;
	/* "More below" only while there is more below; at the end, the way
	 * back up. */
	if (v->rows > l.r.h) {
		if (v->top + l.r.h < v->rows)
			snprintf(buf, sizeof(buf), _("(more: Down key, %d%%)"),
				 (int)(100L * (v->top + l.r.h) / v->rows));
		else
			snprintf(buf, sizeof(buf), "%s", _("(the end: Up key goes back)"));
		ui_text(l.r.y + l.r.h, r.x + r.w - (int)text_width(buf), (int)text_width(buf),
			ui_attr(ctx, UI_HINT), buf);
	}
	y = l.r.y + l.r.h + 1;
	if (can_verdict(p)) {
		snprintf(buf, sizeof(buf), " 1  %s ", _("Tell us what you think of the answer"));
		ui_text(y++, r.x, r.w, ui_attr(ctx, UI_KEY), buf);
	}
	if (can_review(p)) {
		snprintf(buf, sizeof(buf), " 2  %s ", p->review_state == JRC_ST_REVIEW_REQUESTED ?
			 _("Ask for a review") : _("Ask for a re-review"));
		ui_text(y++, r.x, r.w, ui_attr(ctx, UI_KEY), buf);
	}
	if (changeable) {
		snprintf(buf, sizeof(buf), " 3  %s ", _("Cancel the appointment"));
		ui_text(y++, r.x, r.w, ui_attr(ctx, UI_KEY), buf);
		snprintf(buf, sizeof(buf), " 4  %s ", _("Move it to another free time"));
		ui_text(y++, r.x, r.w, ui_attr(ctx, UI_KEY), buf);
	}
	if (p->needs_code)
		ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE), needs_code_text());
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	view_state *v = s->state;
	const jrc_progress *p = &v->ss->p;
	int max = v->rows - v->page > 0 ? v->rows - v->page : 0;

	switch (act) {
	case UI_ACT_FIELD_NEXT:
		v->top = v->top < max ? v->top + 1 : max;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		v->top = v->top > 0 ? v->top - 1 : 0;
		return UI_DONE;
	case UI_ACT_PAGE_DOWN:
		v->top = v->top + v->page < max ? v->top + v->page : max;
		return UI_DONE;
	case UI_ACT_PAGE_UP:
		v->top = v->top > v->page ? v->top - v->page : 0;
		return UI_DONE;
	case UI_ACT_DIGIT:
		if (ch == L'1' && can_verdict(p)) {
			ui_push(ctx, &scr_status_verdict_ops, v->ss);
			return UI_DONE;
		}
		if (ch == L'2' && can_review(p)) {
			ui_push(ctx, &scr_status_review_ops, v->ss);
			return UI_DONE;
		}
		if (ch == L'3' && status_booking_changeable(v->ss)) {
			ui_push(ctx, &scr_status_unbook_ops, v->ss);
			return UI_DONE;
		}
		if (ch == L'4' && status_booking_changeable(v->ss)) {
			status_booking_rebook(ctx, v->ss);
			return UI_DONE;
		}
		ui_message(ctx, 1, "%s", can_verdict(p) ?
			   _("Press 1 to give your opinion, or Esc to go back.") :
			   p->needs_code ? needs_code_text() :
			   _("There is nothing to choose here: press Esc to go back."));
		return UI_DONE;
	case UI_ACT_NEXT:
		if (can_verdict(p))
			ui_message(ctx, 0, "%s", _("Press 1 to give your opinion, or Esc to go back."));
		else
			ui_message(ctx, 0, "%s", _("Press Esc to go back."));
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

/* Only keys that do something here: Enter does nothing on this screen. */
static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	view_state *v = s->state;
	const jrc_progress *p = &v->ss->p;
	int scrolls = v->rows > v->page;

	(void)ctx;
	if (can_verdict(p) && can_review(p))
		return scrolls ? _("Up/Down: scroll   1: your opinion   2: review   Esc: back")
			       : _("1: your opinion   2: review   Esc: back");
	if (can_verdict(p))
		return scrolls ? _("Up/Down: scroll   1: your opinion   Esc: back")
			       : _("1: your opinion   Esc: back");
	return scrolls ? _("Up/Down: scroll   Esc: back") : _("Esc: back");
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	const view_state *v = s->state;

	(void)ctx;
	if (status_booking_changeable(v->ss))
		return _("This shows where your matter stands and your appointment: with whom, when and in which "
			 "room. Press 3 to cancel the appointment, or 4 to move it to another free time of the same "
			 "person. Up and Down move the text; once you have an answer, press 1 to say what you think "
			 "of it.");
	snprintf(ctx->help_buf, sizeof(ctx->help_buf),
		 _("This shows where your matter stands, which department has it, what has happened so far with "
		 "the dates, the next deadline and, once there is one, the written answer. Up and Down move the "
		 "text. Once you have an answer, press 1 to say whether you are satisfied with it. If you are not, "
		 "you may ask for a review within %d days of the answer."), JRC_REVIEW_DAYS);
	return ctx->help_buf;
}

const ui_screen_ops scr_status_view_ops = {
	.name = "status_view",
	.enter = enter,
	.state_size = sizeof(view_state),
	.draw = draw,
	.key = key,
	.help_text = help,
	.status_keys = status_keys,
};
