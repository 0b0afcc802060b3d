/* Today's appointments at the desk (A on the worklist): who comes when,
 * to whom and which room, for which case, and whether they have arrived.
 * Enter twice marks the chosen citizen arrived (a recorded fact, so one
 * stray key does not make it); O opens the case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/roster.h"
#include "jrc/text.h"

typedef struct today_state {
	desk_session *sess;
	jrc_appointment *a;
	size_t n;
	int sel, top, page;
	int confirm;                /* Enter pressed once on sel: ask again */
	int stale;
	char error[512];
} today_state;

static void load(ui_ctx *ctx, today_state *t)
{
	jrc_err err = { 0 };

	free(t->a);
	t->a = NULL;
	t->n = 0;
	t->error[0] = '\0';
	if (roster_day_appointments(ctx->db, clock_local_date(clock_now()), &t->a, &t->n, &err) != JRC_OK)
		snprintf(t->error, sizeof(t->error), "%s", err.msg);
	if (t->sel >= (int)t->n)
		t->sel = t->n ? (int)t->n - 1 : 0;
	t->stale = 0;
}

void desk_today_open(ui_ctx *ctx, desk_session *sess)
{
	if (desk_session_check(ctx, sess) != 0)
		return;
	if (ui_push(ctx, &scr_desk_today_ops, sess) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

int desk_today_count(ui_ctx *ctx, int *arrived)
{
	jrc_appointment *a = NULL;
	size_t n = 0;
	int k = 0;

	*arrived = 0;
	if (roster_day_appointments(ctx->db, clock_local_date(clock_now()), &a, &n, NULL) != JRC_OK)
		return -1;
	for (size_t i = 0; i < n; i++)
		k += a[i].arrived_at[0] != '\0';
	free(a);
	*arrived = k;
	return (int)n;
}

int desk_today_appointment(ui_ctx *ctx, int64_t case_id, jrc_appointment *out)
{
	jrc_appointment *a = NULL;
	size_t n = 0;
	int found = 0;

	if (roster_day_appointments(ctx->db, clock_local_date(clock_now()), &a, &n, NULL) != JRC_OK)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (a[i].b.case_id == case_id) {
			*out = a[i];
			found = 1;
		}
	free(a);
	return found;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	today_state *t = s->state;

	t->sess = arg;
	load(ctx, t);
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	today_state *t = s->state;

	(void)ctx;
	free(t->a);
}

static void hhmm(jrc_time at, char out[8])
{
	time_t tt = (time_t)at;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(out, 8, "%H:%M", &tm);
}

/* "arrived 10:05" or "not yet". */
void desk_arrival_text(const char *arrived_at, char *out, size_t size)
{
	jrc_time t;
	char hm[8];

	if (!arrived_at || !*arrived_at) {
		snprintf(out, size, "%s", _("not yet"));
		return;
	}
	if (clock_parse(arrived_at, &t) == JRC_OK)
		hhmm(t, hm);
	else
		snprintf(hm, sizeof(hm), "?");
	snprintf(out, size, _("arrived %s"), hm);
}

typedef struct cols {
	int time, who, receipt, host, room, arrived;
} cols;

static cols layout(int w, int tickets)
{
	/* At 80 columns the start time alone; the end from 100 up.  A kiosk
	 * check-in's number goes after the arrival time. */
	cols c = { w >= 96 ? 11 : 5, 9, 15, 0, 0, tickets ? 19 : 14 };
	int rest = w - (c.time + c.who + c.receipt + c.arrived + 5);

	/* Wide enough, the helper's kind fits beside the name. */
	c.host = rest >= 40 ? rest * 3 / 5 : rest / 2 > 6 ? rest / 2 : 6;
	c.room = rest - c.host > 6 ? rest - c.host : 6;
	return c;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	today_state *t = s->state;
	ui_rect r = ui_content(ctx);
	cols k;
	char title[160], date[64], buf[256], from[8], to[8];
	int y = r.y, x, arrived = 0, noshow = 0, tickets = 0;
	jrc_time now = clock_now();

	if (t->stale)
		load(ctx, t);
	for (size_t i = 0; i < t->n; i++)
		tickets |= t->a[i].ticket[0] != '\0';
	k = layout(r.w, tickets);
	ui_date_text(clock_local_date(now), date, sizeof(date));
	snprintf(title, sizeof(title), _("Today's appointments, %s"), date);
	ui_step_header(ctx, 0, 0, title,
		       _("Enter marks the chosen citizen arrived (press it twice). O opens the case. Esc goes back."));
	if (t->error[0]) {
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), t->error);
		return;
	}
	if (t->n == 0) {
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_HINT),
				_("Nobody has an appointment today."));
		return;
	}
	for (size_t i = 0; i < t->n; i++) {
		arrived += t->a[i].arrived_at[0] != '\0';
		noshow += !t->a[i].arrived_at[0] && t->a[i].b.end <= now;
	}
	snprintf(buf, sizeof(buf), _("%d appointments, %d arrived, %d not yet."), (int)t->n, arrived,
		 (int)t->n - arrived);
	if (noshow) {
		size_t l = strlen(buf);

		snprintf(buf + l, sizeof(buf) - l, " %s", "");
		l = strlen(buf);
		snprintf(buf + l, sizeof(buf) - l, _("%d did not come (no-show)."), noshow);
	}
	ui_text(y++, r.x, r.w, ui_attr(ctx, UI_HINT), buf);
	x = r.x;
	ui_text(y, x, k.time, ui_attr(ctx, UI_HEADING), _("Time"));
	x += k.time + 1;
	ui_text(y, x, k.who, ui_attr(ctx, UI_HEADING), _("Citizen"));
	x += k.who + 1;
	ui_text(y, x, k.receipt, ui_attr(ctx, UI_HEADING), _("Receipt"));
	x += k.receipt + 1;
	ui_text(y, x, k.host, ui_attr(ctx, UI_HEADING), _("With"));
	x += k.host + 1;
	ui_text(y, x, k.room, ui_attr(ctx, UI_HEADING), _("Room"));
	x += k.room + 1;
	ui_text(y, x, k.arrived, ui_attr(ctx, UI_HEADING), _("Arrived?"));
	y++;
	t->page = r.y + r.h - 2 - y;
	if (t->page < 1)
		t->page = 1;
	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + t->page)
		t->top = t->sel - t->page + 1;
	for (int i = t->top; i < (int)t->n && i < t->top + t->page; i++) {
		const jrc_appointment *a = &t->a[i];
		int sel = i == t->sel, attr = ui_attr(ctx, sel ? UI_SELECTED : UI_NORMAL);
		const char *room = i18n_pick(a->b.room, a->b.room_en);

		if (sel)
			ui_fill(y, r.x, r.w, attr);
		x = r.x;
		hhmm(a->b.start, from);
		hhmm(a->b.end, to);
		snprintf(buf, sizeof(buf), "%s-%s", from, to);
		ui_text(y, x, k.time, attr, k.time >= 11 ? buf : from);
		x += k.time + 1;
		ui_text(y, x, k.who, attr, a->anonymous || !a->name[0] ? _("anonymous") : a->name);
		x += k.who + 1;
		ui_text(y, x, k.receipt, attr, a->b.receipt);
		x += k.receipt + 1;
		/* TRANSLATORS: a helper's name and kind: 陈建国（人民调解员） */
		snprintf(buf, sizeof(buf), _("%s (%s)"), i18n_pick(a->b.host.name, a->b.host.name_en),
			 roster_kind_label(a->b.host.kind));
		if ((int)text_width(buf) > k.host)
			snprintf(buf, sizeof(buf), "%s", i18n_pick(a->b.host.name, a->b.host.name_en));
		ui_text(y, x, k.host, attr, buf);
		x += k.host + 1;
		ui_text(y, x, k.room, attr, *room ? room : _("ask at the front desk"));
		x += k.room + 1;
		desk_arrival_text(a->arrived_at, buf, sizeof(buf));
		if (a->arrived_at[0] && a->ticket[0]) {
			size_t l = strlen(buf);

			snprintf(buf + l, sizeof(buf) - l, " %s", a->ticket);
		}
		/* Late and not here: said in colour and in the word "late"; past
		 * the end of the time, a no-show. */
		if (!a->arrived_at[0] && a->b.end <= now)
			snprintf(buf, sizeof(buf), "%s", _("no-show"));
		else if (!a->arrived_at[0] && a->b.start < now)
			snprintf(buf, sizeof(buf), "%s", _("late, not here"));
		ui_text(y, x, k.arrived, sel ? attr : ui_attr(ctx, a->arrived_at[0] ? UI_NORMAL :
							     a->b.start < now ? UI_ERROR : UI_NOTICE), buf);
		y++;
	}
	if (t->confirm && t->sel < (int)t->n) {
		const jrc_appointment *a = &t->a[t->sel];

		hhmm(a->b.start, from);
		snprintf(buf, sizeof(buf), _("Press Enter again to mark %s (%s, %s) arrived; any other key does not."),
			 a->anonymous || !a->name[0] ? _("the anonymous citizen") : a->name, a->b.receipt, from);
		ui_text_wrapped(r.y + r.h - 2, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE), buf);
	}
}

static void mark(ui_ctx *ctx, today_state *t)
{
	const jrc_appointment *a = &t->a[t->sel];
	jrc_err err = { 0 };

	if (desk_session_check(ctx, t->sess) != 0)
		return;
	if (roster_mark_arrived(ctx->db, &t->sess->staff, a->b.case_id, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
	} else {
		ui_message(ctx, 0, _("%s is marked arrived for %s: tell %s."),
			   a->anonymous || !a->name[0] ? _("The citizen") : a->name, a->b.receipt,
			   i18n_pick(a->b.host.name, a->b.host.name_en));
	}
	t->stale = 1;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	today_state *t = s->state;
	int confirm = t->confirm;

	t->confirm = 0;
	switch (act) {
	case UI_ACT_FIELD_NEXT:
		if (t->sel + 1 < (int)t->n)
			t->sel++;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		if (t->sel > 0)
			t->sel--;
		return UI_DONE;
	case UI_ACT_PAGE_DOWN:
		t->sel = t->sel + t->page < (int)t->n ? t->sel + t->page : (int)t->n - 1;
		if (t->sel < 0)
			t->sel = 0;
		return UI_DONE;
	case UI_ACT_PAGE_UP:
		t->sel = t->sel > t->page ? t->sel - t->page : 0;
		return UI_DONE;
	case UI_ACT_HOME:
		t->sel = 0;
		return UI_DONE;
	case UI_ACT_NEXT:
		if (t->sel >= (int)t->n)
			return UI_DONE;
		if (t->a[t->sel].arrived_at[0]) {
			char was[64];

			desk_arrival_text(t->a[t->sel].arrived_at, was, sizeof(was));
			ui_message(ctx, 0, _("Already marked: %s."), was);
			return UI_DONE;
		}
		if (!confirm) {
			t->confirm = 1;
			return UI_DONE;
		}
		mark(ctx, t);
		return UI_DONE;
	case UI_ACT_CHAR:
		if ((ch == L'o' || ch == L'O') && t->sel < (int)t->n) {
			desk_open_case(ctx, t->sess, t->a[t->sel].b.case_id);
			t->stale = 1;
			return UI_DONE;
		}
		if (ch == L'r' || ch == L'R') {
			t->stale = 1;
			return UI_DONE;
		}
		return UI_PASS;
	default:
		return UI_PASS;
	}
}

const ui_screen_ops scr_desk_today_ops = {
	.name = "desk_today",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.state_size = sizeof(today_state),
	.help_msg = N_("Everyone booked with a mediator, lawyer or leader today, by time: the room, the case, and "
		     "whether they have arrived. When a citizen comes to the desk for an appointment, choose them "
		     "and press Enter twice: the arrival is recorded in the case's timeline. A citizen still "
		     "missing after the start is marked late."),
	.keys_msg = N_("Enter: arrived   O: open case   Esc: back"),
};
