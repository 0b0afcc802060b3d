/* The hall's board (阳光信访): a full-screen display for the TV, nothing
 * to type.  The ticket called last in large letters with its window, the
 * other calls and the next numbers, today's figures, and below them pages
 * that turn every few seconds: this week's leader reception days and the
 * public appraisal of the departments.  It polls the database's
 * data_version twice a second and gathers again when another terminal
 * has written, so a call at any desk shows within a second; each new call
 * is said once when the voice is on.  Nothing personal is ever drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "ui.h"
#include "jrc/board.h"
#include "jrc/site.h"

enum {
	POLL_MS = 500,            /* how often data_version is read */
	REGATHER_MS = 60000,      /* gather anyway (a new day, overdue counts) */
	APPRAISAL_MS = 300000     /* the appraisal moves slowly: read it this often */
};

typedef struct board_state {
	int page_seconds;
	board_data d;
	int have;                 /* gathered at least once */
	char fault[512];          /* the last gathering failed: why */
	int64_t version, polled_ms, gathered_ms, page_ms, appraised_ms;
	int page;
	jrc_lang lang;            /* department names were read in this language */
	struct { int64_t id; int calls; } said[BOARD_CALLED_MAX];
	int nsaid;
} board_state;

/* The sentence for a call, on screen and said. */
static void call_sentence(const board_ticket *t, char *out, size_t size)
{
	/* TRANSLATORS: a ticket called to a window: "请 A012 号到 3 号窗口". */
	snprintf(out, size, _("Number %s, please go to window %d"), t->label, t->window);
}

static int was_said(const board_state *b, const board_ticket *t)
{
	for (int i = 0; i < b->nsaid; i++)
		if (b->said[i].id == t->id && b->said[i].calls == t->calls)
			return 1;
	return 0;
}

/* Say the calls that are new since the last gathering (a recall counts as
 * new); the first gathering says nothing of what was called before. */
static void announce(ui_ctx *ctx, board_state *b, int first)
{
	char text[1024] = "", one[160];
	size_t len = 0;

	for (int i = b->d.ncalled - 1; i >= 0; i--) {
		const board_ticket *t = &b->d.called[i];

		if (first || was_said(b, t))
			continue;
		call_sentence(t, one, sizeof(one));
		len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%s", len ? "; " : "", one);
		if (len >= sizeof(text))
			break;
	}
	/* What was just called goes on top: calls in one second (the clock's
	 * step) are in the order the board saw them. */
	if (!first) {
		board_ticket order[BOARD_CALLED_MAX];
		int k = 0;

		for (int pass = 0; pass < 2; pass++)
			for (int i = 0; i < b->d.ncalled; i++)
				if (was_said(b, &b->d.called[i]) == pass)
					order[k++] = b->d.called[i];
		memcpy(b->d.called, order, (size_t)k * sizeof(order[0]));
	}
	b->nsaid = 0;
	for (int i = 0; i < b->d.ncalled; i++) {
		b->said[b->nsaid].id = b->d.called[i].id;
		b->said[b->nsaid++].calls = b->d.called[i].calls;
	}
	if (text[0])
		speak_now(ctx, text);
}

static void gather(ui_ctx *ctx, board_state *b, int64_t now)
{
	jrc_err err = { 0 };
	int first = !b->have;

	b->gathered_ms = now;
	b->fault[0] = '\0';
	/* Department names are read in the language of the screen.  A failed
	 * appraisal keeps the last one; the calls still go on. */
	if (first || b->lang != ctx->lang || now - b->appraised_ms >= APPRAISAL_MS) {
		b->appraised_ms = now;
		b->lang = ctx->lang;
		if (board_gather_appraisal(ctx->db, &b->d, &err) != JRC_OK)
			snprintf(b->fault, sizeof(b->fault), "%s", err.msg);
	}
	if (board_gather(ctx->db, &b->d, &err) != JRC_OK) {
		snprintf(b->fault, sizeof(b->fault), "%s", err.msg);
		return;
	}
	b->have = 1;
	announce(ctx, b, first);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	board_state *b = s->state;
	const int *page_seconds = arg;
	jrc_err err = { 0 };

	b->page_seconds = page_seconds && *page_seconds > 0 ? *page_seconds : 10;
	board_data_version(ctx->db, &b->version, &err);
	b->polled_ms = b->page_ms = ui_now_ms();
	gather(ctx, b, b->polled_ms);
	return 0;
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now)
{
	board_state *b = s->state;
	int redraw = 0;

	if (now - b->polled_ms >= POLL_MS) {
		int64_t v = b->version;
		jrc_err err = { 0 };

		b->polled_ms = now;
		if (board_data_version(ctx->db, &v, &err) == JRC_OK && v != b->version) {
			b->version = v;
			gather(ctx, b, now);
			redraw = 1;
		} else if (now - b->gathered_ms >= REGATHER_MS || b->lang != ctx->lang) {
			gather(ctx, b, now);
			redraw = 1;
		}
	}
	if (now - b->page_ms >= (int64_t)b->page_seconds * 1000) {
		b->page_ms = now;
		b->page++;
		redraw = 1;
	}
	return redraw;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	(void)s;
	/* Only for the technician: the hall never types here. */
	if (act == UI_ACT_BACK || (act == UI_ACT_CHAR && (ch == L'q' || ch == L'Q'))) {
		ui_quit(ctx);
		return UI_DONE;
	}
	return UI_DONE;
}

/* "92% (23/25)", or a dash when there is nothing to share. */
static void share(long part, long whole, char *out, size_t size)
{
	if (whole <= 0)
		snprintf(out, size, "—");
	else
		snprintf(out, size, "%ld%% (%ld/%ld)", (part * 100 + whole / 2) / whole, part, whole);
}

/* Draw s in the big font of the given size: 0 half blocks (3 rows), 1
 * full (5 rows), 2 doubled (10 rows). */
static void big_text(int y, int x, int attr, const char *s, int size)
{
	if (size == 0)
		bigfont_draw_half(y, x, attr, s);
	else if (size == 1)
		bigfont_draw(y, x, attr, s);
	else
		bigfont_draw_scaled(y, x, attr, s, 2);
}

static int big_rows(int size)
{
	return size == 0 ? BIGFONT_HALF_ROWS : size == 1 ? BIGFONT_ROWS : 2 * BIGFONT_ROWS;
}

/* The big line: the ticket called last and its window. */
static int draw_now(ui_ctx *ctx, board_state *b, int y, int x, int w, int size)
{
	int rows = big_rows(size), scale = size == 2 ? 4 : 1;
	const board_ticket *t;
	char win[16], line[256];
	int lw, ww, aw = 6, total, cx;

	if (!b->d.ncalled) {
		ui_text_center(y + rows / 2, x, w, ui_attr(ctx, UI_HINT),
			       _("Please wait: your number will be called here"));
		return rows + 1;
	}
	t = &b->d.called[0];
	snprintf(win, sizeof(win), "%d", t->window);
	lw = bigfont_width(t->label) * scale;
	ww = bigfont_width(win) * scale;
	total = lw + aw + ww;
	if (total > w && size > 0)
		return draw_now(ctx, b, y, x, w, size - 1);
	cx = x + (w > total ? (w - total) / 2 : 0);
	big_text(y, cx, ui_attr(ctx, UI_NOTICE), t->label, size);
	ui_text(y + rows / 2, cx + lw + 1, aw, ui_attr(ctx, UI_HEADING), " ──▶ ");
	big_text(y, cx + lw + aw, ui_attr(ctx, UI_NOTICE), win, size);
	call_sentence(t, line, sizeof(line));
	ui_text_center(y + rows, x, w, ui_attr(ctx, UI_HEADING), line);
	return rows + 1;
}

/* A row of tickets after a label, as many as fit. */
static void ticket_row(ui_ctx *ctx, int y, int x, int w, const char *label,
		       const board_ticket *t, int n, int called, const char *tail)
{
	char line[1024];
	size_t len;

	len = (size_t)snprintf(line, sizeof(line), "%s ", label);
	for (int i = 0; i < n && len < sizeof(line) - 32; i++) {
		if (called || t[i].window)
			len += (size_t)snprintf(line + len, sizeof(line) - len, "  %s→%d", t[i].label,
						t[i].window);
		else
			len += (size_t)snprintf(line + len, sizeof(line) - len, "  %s", t[i].label);
	}
	if (!n)
		snprintf(line + len, sizeof(line) - len, "  %s", _("none"));
	else if (tail)
		snprintf(line + len, sizeof(line) - len, "   %s", tail);
	ui_text(y, x, w, ui_attr(ctx, UI_NORMAL), line);
}

static void draw_days(ui_ctx *ctx, board_state *b, int y, int x, int w, int h)
{
	char line[768], when[64], end[32], at[512];

	if (!b->d.ndays) {
		ui_text(y, x, w, ui_attr(ctx, UI_HINT), _("No leader reception days in the next seven days."));
		return;
	}
	for (int i = 0; i < b->d.ndays && h > 0; i++) {
		const board_day *d = &b->d.days[i];
		int n;

		roster_when(d->start, clock_now(), when, sizeof(when));
		clock_format_local(d->end, end);
		/* TRANSLATORS: day and start, end time; the leader's post and
		 * name as the roster publishes them; the room. */
		snprintf(line, sizeof(line), _("%s-%s   %s %s   %s"), when, end + 11,
			 i18n_pick(d->title, d->title_en), i18n_pick(d->name, d->name_en),
			 site_room(ctx->db, d->room, d->room_en, at, sizeof(at)));
		/* A long post wraps to a second line rather than lose the room. */
		n = ui_text_wrapped(y, x, w, h < 2 ? 1 : 2, ui_attr(ctx, UI_NORMAL), line);
		y += n;
		h -= n;
	}
}

static void draw_appraisal(ui_ctx *ctx, board_state *b, int y, int x, int w, int first, int h)
{
	/* TRANSLATORS: column headings of the appraisal: the share of first
	 * answers given by their deadline, the share of verdicts "satisfied". */
	const char *h1 = _("Share on time"), *h2 = _("Share satisfied");
	int cw1 = ui_width_n(h1, strlen(h1)) + 3, cw2 = ui_width_n(h2, strlen(h2)) + 1, nw;
	char a[64], c[64];

	/* Each share is "100% (1234/1234)" at most: columns no narrower. */
	if (cw1 < 19)
		cw1 = 19;
	if (cw2 < 17)
		cw2 = 17;
	if (w >= 120)
		cw1 += 8, cw2 += 8;
	nw = w - cw1 - cw2;
	ui_text(y, x, nw, ui_attr(ctx, UI_HINT), _("Department"));
	ui_text(y, x + nw, cw1, ui_attr(ctx, UI_HINT), h1);
	ui_text(y, x + nw + cw1, cw2, ui_attr(ctx, UI_HINT), h2);
	if (!b->d.ndepts) {
		ui_text(y + 1, x, w, ui_attr(ctx, UI_HINT), _("No answers yet in these 90 days."));
		return;
	}
	for (int i = first; i < b->d.ndepts && i < first + h - 1; i++) {
		const board_dept *d = &b->d.depts[i];
		int r = y + 1 + i - first;

		share(d->on_time, d->answered, a, sizeof(a));
		share(d->satisfied, d->rated, c, sizeof(c));
		ui_text(r, x, nw - 1, ui_attr(ctx, UI_NORMAL), d->name);
		ui_text(r, x + nw, cw1, ui_attr(ctx, UI_NORMAL), a);
		ui_text(r, x + nw + cw1, cw2, ui_attr(ctx, UI_NORMAL), c);
	}
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	board_state *b = s->state;
	int x = 2, w = ctx->cols - 4, y = 1, bottom = ctx->rows - 3;
	int big = ctx->rows >= 36, per, npages, page;
	/* Doubled letters where the rows allow, full blocks from 36 rows,
	 * half blocks on 24. */
	int size = ctx->rows >= 42 ? 2 : big ? 1 : 0;
	char line[512], tail[64];

	/* The title bar has the center's name and the date. */
	ui_text(y, x, w, ui_attr(ctx, UI_HEADING), _("Now calling"));
	y += big ? 2 : 1;
	if (b->fault[0] && !b->have) {
		ui_text_wrapped(y, x, w, 3, ui_attr(ctx, UI_ERROR), b->fault);
		return;
	}
	/* A later failure: the last figures stay up, the trouble on the
	 * bottom line for the technician. */
	if (b->fault[0])
		ui_text(bottom, x, w, ui_attr(ctx, UI_ERROR), b->fault);
	y += draw_now(ctx, b, y, x, w, size);
	ticket_row(ctx, y++, x, w, _("Also called:"), b->d.called + (b->d.ncalled ? 1 : 0),
		   b->d.ncalled ? b->d.ncalled - 1 : 0, 1, NULL);
	snprintf(tail, sizeof(tail), _("(%d waiting)"), b->d.waiting);
	ticket_row(ctx, y++, x, w, _("Next:"), b->d.next, b->d.nnext, 0, tail);
	if (big)
		y++;
	snprintf(line, sizeof(line), _("Today: filed %ld, accepted %ld, answered %ld.   In hand: %ld, of them overdue %ld."),
		 b->d.filed_today, b->d.accepted_today, b->d.answered_today, b->d.open, b->d.overdue);
	ui_text(y++, x, w, ui_attr(ctx, UI_HEADING), line);
	/* Box drawing as ui_box() does it, not the alternate character set. */
	for (int i = 0; i < w; i++)
		ui_text(y, x + i, 1, ui_attr(ctx, UI_HINT), "\u2500");
	y += big ? 2 : 1;
	/* Pages: the leader days, then the appraisal in as many pages as the
	 * rows need (a heading and a column header on each). */
	per = bottom - y - 1;
	if (per < 2)
		return;
	npages = 1 + (b->d.ndepts > per - 1 ? (b->d.ndepts + per - 2) / (per - 1) : 1);
	page = b->page % npages;
	if (page == 0) {
		snprintf(line, sizeof(line), _("Leader reception days this week (%d/%d)"), page + 1, npages);
		ui_text(y, x, w, ui_attr(ctx, UI_HEADING), line);
		draw_days(ctx, b, y + 1, x, w, per);
	} else {
		snprintf(line, sizeof(line), _("Public appraisal: cases filed since %s (%d/%d)"),
			 b->d.from90, page + 1, npages);
		ui_text(y, x, w, ui_attr(ctx, UI_HEADING), line);
		draw_appraisal(ctx, b, y + 1, x, w, (page - 1) * (per - 1), per);
	}
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return "";
}

static const ui_screen_ops scr_board_ops = {
	.name = "board",
	.enter = enter,
	.draw = draw,
	.key = key,
	.tick = tick,
	.status_keys = status_keys,
	.help_msg = N_("The hall's board: the numbers called and the public figures.  It turns its pages by itself; q ends it."),
	.state_size = sizeof(board_state),
};

int ui_run_board(const ui_options *opt, int page_seconds)
{
	ui_options o = *opt;

	o.with_voice = 1;
	return ui_run(&o, &scr_board_ops, &page_seconds);
}
