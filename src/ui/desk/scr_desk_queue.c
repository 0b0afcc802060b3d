/* The queue at this desk's window (W on the worklist): the ticket called
 * here now, the line of its group with how long each has waited, and the
 * calling keys: N call next, R call again, S did not come, T send to
 * another window, Enter served (a receipt number typed links the case
 * and opens it; on a ticket a citizen took with F9 in the kiosk's filing
 * form, Enter opens that draft in assisted filing, filled in).  Every key is one core call in its own transaction, so
 * two desks pressing N at once get two different tickets.  The line is
 * read again every two seconds: what other windows call shows here. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "curses.h"
#include "scr_desk.h"
#include "wizard.h"
#include "jrc/auth.h"
#include "jrc/help.h"
#include "jrc/queue.h"
#include "jrc/refdata.h"
#include "jrc/receipt.h"
#include "jrc/text.h"

enum { MODE_KEYS, MODE_WINDOW, MODE_TRANSFER, MODE_SERVE };
enum { RELOAD_MS = 2000 };

typedef struct queue_state {
	desk_session *sess;
	jrc_window win;
	int have_win;
	jrc_ticket cur;
	int have_cur;
	jrc_ticket *line;            /* waiting for this window's group */
	size_t n;
	jrc_help_request *helps;     /* drafts handed over at a kiosk */
	size_t nhelps;
	const jrc_help_request *cur_help;   /* the called ticket's, or NULL */
	int mode;
	char input[40];              /* what a prompt has typed */
	char error[512];
	int64_t loaded_ms;
} queue_state;

static const jrc_help_request *help_of(const queue_state *q, int64_t ticket)
{
	for (size_t i = 0; i < q->nhelps; i++)
		if (q->helps[i].ticket_id == ticket)
			return &q->helps[i];
	return NULL;
}

static void load(ui_ctx *ctx, queue_state *q)
{
	jrc_err err = { 0 };
	jrc_ticket *all = NULL;
	size_t n = 0, k = 0;

	free(q->line);
	q->line = NULL;
	q->n = 0;
	q->have_cur = 0;
	free(q->helps);
	q->helps = NULL;
	q->nhelps = 0;
	q->cur_help = NULL;
	q->error[0] = '\0';
	q->loaded_ms = ui_now_ms();
	if (!ctx->window)
		return;
	if (queue_window(ctx->db, ctx->window, &q->win, &err) != JRC_OK) {
		q->have_win = 0;
		snprintf(q->error, sizeof(q->error), "%s", err.msg);
		return;
	}
	q->have_win = 1;
	if (queue_current(ctx->db, ctx->window, &q->cur, &q->have_cur, &err) != JRC_OK ||
	    queue_list(ctx->db, q->win.grp, 0, &all, &n, &err) != JRC_OK) {
		snprintf(q->error, sizeof(q->error), "%s", err.msg);
		return;
	}
	/* Only what this window may call: the group's line and those sent here. */
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i].state, "waiting") == 0 &&
		    (!all[i].window || all[i].window == ctx->window))
			all[k++] = all[i];
	q->line = all;
	q->n = k;
	/* Expired drafts are wiped as they are listed. */
	if (help_request_list(ctx->db, &q->helps, &q->nhelps, &err) != JRC_OK)
		snprintf(q->error, sizeof(q->error), "%s", err.msg);
	if (q->have_cur)
		q->cur_help = help_of(q, q->cur.id);
}

void desk_queue_open(ui_ctx *ctx, desk_session *sess)
{
	if (desk_session_check(ctx, sess) != 0)
		return;
	if (ui_push(ctx, &scr_desk_queue_ops, sess) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	queue_state *q = s->state;

	q->sess = arg;
	q->mode = ctx->window ? MODE_KEYS : MODE_WINDOW;
	load(ctx, q);
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	queue_state *q = s->state;

	(void)ctx;
	free(q->line);
	free(q->helps);
}

static void hhmm(const char *utc, char out[8])
{
	jrc_time t;
	time_t tt;
	struct tm tm;

	if (!utc || clock_parse(utc, &t) != JRC_OK) {
		snprintf(out, 8, "?");
		return;
	}
	tt = (time_t)t;
	localtime_r(&tt, &tm);
	strftime(out, 8, "%H:%M", &tm);
}

static long minutes_since(const char *utc)
{
	jrc_time t;
	long m;

	if (clock_parse(utc, &t) != JRC_OK)
		return 0;
	m = (long)((clock_now() - t) / 60);
	return m < 0 ? 0 : m;
}

static const char *reason_word(const char *r)
{
	if (strcmp(r, "filing") == 0)
		return _("after filing");
	if (strcmp(r, "question") == 0)
		return _("a question");
	if (strcmp(r, "help") == 0)
		return _("help to fill in");
	if (strcmp(r, "checkin") == 0)
		return _("appointment");
	return _("sent here");
}

/* What the desk may know of a draft before opening it. */
static void help_words(ui_ctx *ctx, const jrc_help_request *h, char *out, size_t size)
{
	jrc_category c;

	if (*h->category && refdata_category(ctx->db, h->category, &c, NULL) == JRC_OK)
		snprintf(out, size, _("Draft from the kiosk: step %d of 7, %s. Enter opens it filled in."),
			 h->step, i18n_pick(c.name_zh, c.name_en));
	else
		snprintf(out, size, _("Draft from the kiosk: step %d of 7. Enter opens it filled in."),
			 h->step);
}

static void draw_prompt(ui_ctx *ctx, queue_state *q, ui_rect r)
{
	const char *ask;
	char line[200];
	int y = r.y + r.h - 2, x;

	if (q->mode == MODE_KEYS)
		return;
	ask = q->mode == MODE_WINDOW ? _("This desk's window number (Enter):")
	    : q->mode == MODE_TRANSFER ? _("Send to window number (Enter; Esc: cancel):")
	    : _("Receipt of the case it concerned, or nothing (Enter: served; Esc: cancel):");
	ui_fill(y, r.x, r.w, ui_attr(ctx, UI_NORMAL));
	ui_fill(y + 1, r.x, r.w, ui_attr(ctx, UI_NORMAL));
	ui_text_wrapped(y, r.x, r.w, 1, ui_attr(ctx, UI_NOTICE), ask);
	snprintf(line, sizeof(line), "%s", q->input);
	ui_fill(y + 1, r.x, 22, ui_attr(ctx, UI_FIELD));
	x = r.x + ui_text(y + 1, r.x, 22, ui_attr(ctx, UI_FIELD), line);
	ui_cursor(ctx, y + 1, x);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	queue_state *q = s->state;
	ui_rect r = ui_content(ctx);
	char title[200], buf[256], at[8], wins[64];
	int y = r.y, rows;

	if (ctx->window && q->have_win)
		snprintf(title, sizeof(title), _("Queue at window %d (group %s, %s)"), ctx->window,
			 q->win.grp, i18n_pick(q->win.name_zh, q->win.name_en));
	else
		snprintf(title, sizeof(title), "%s", _("Queue at this window"));
	ui_step_header(ctx, 0, 0, title,
		       _("N: call next   R: call again   S: did not come   T: send on   Enter: served"));
	if (q->error[0])
		y += ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), q->error);
	if (!ctx->window || !q->have_win) {
		ui_text_wrapped(y + 1, r.x, r.w, 3, ui_attr(ctx, UI_HINT),
				_("Type the number of the window this desk is (the number on the sign above "
				  "it) and press Enter. 'jrc desk --window N' starts the desk with it."));
		draw_prompt(ctx, q, r);
		return;
	}
	ui_text(y++, r.x, r.w, ui_attr(ctx, UI_HEADING), _("Now at this window"));
	if (q->have_cur) {
		hhmm(q->cur.called_at, at);
		snprintf(buf, sizeof(buf), _("%s   called %s, %d time(s)%s%s"), q->cur.label, at,
			 q->cur.calls, *q->cur.receipt ? _(", case ") : "", q->cur.receipt);
		ui_text(y++, r.x + 2, r.w - 2, ui_attr(ctx, UI_SELECTED), buf);
		ui_text(y++, r.x + 2, r.w - 2, ui_attr(ctx, UI_HINT), reason_word(q->cur.reason));
		if (q->cur_help) {
			help_words(ctx, q->cur_help, buf, sizeof(buf));
			ui_text(y++, r.x + 2, r.w - 2, ui_attr(ctx, UI_NOTICE), buf);
		}
	} else {
		ui_text(y++, r.x + 2, r.w - 2, ui_attr(ctx, UI_HINT),
			_("Nobody is called here. Press N to call the next."));
		y++;
	}
	y++;
	snprintf(buf, sizeof(buf), _("Waiting for this window: %d"), (int)q->n);
	ui_text(y++, r.x, r.w, ui_attr(ctx, UI_HEADING), buf);
	if (!q->n) {
		ui_text(y++, r.x + 2, r.w - 2, ui_attr(ctx, UI_HINT), _("Nobody is waiting."));
	} else {
		ui_text(y, r.x + 2, 8, ui_attr(ctx, UI_HEADING), _("Ticket"));
		ui_text(y, r.x + 10, 10, ui_attr(ctx, UI_HEADING), _("Waiting"));
		ui_text(y, r.x + 21, 17, ui_attr(ctx, UI_HEADING), _("For"));
		ui_text(y++, r.x + 39, r.w - 39, ui_attr(ctx, UI_HEADING), _("Why"));
	}
	rows = r.y + r.h - 3 - y;
	for (size_t i = 0; i < q->n && (int)i < rows; i++) {
		const jrc_ticket *t = &q->line[i];

		ui_text(y, r.x + 2, 8, ui_attr(ctx, UI_NORMAL), t->label);
		snprintf(buf, sizeof(buf), _("%ld min"), minutes_since(t->taken_at));
		ui_text(y, r.x + 10, 10, ui_attr(ctx, UI_NORMAL), buf);
		queue_windows_text(t, ctx->lang == JRC_LANG_ZH, wins, sizeof(wins));
		snprintf(buf, sizeof(buf), t->window ? _("window %s") : _("windows %s"), wins);
		ui_text(y, r.x + 21, 17, ui_attr(ctx, t->window ? UI_NOTICE : UI_NORMAL), buf);
		snprintf(buf, sizeof(buf), "%s%s%s", reason_word(t->reason), *t->receipt ? "  " : "",
			 t->receipt);
		if (help_of(q, t->id))
			/* TRANSLATORS: after "help to fill in" in the queue: the
			 * kiosk's form step the citizen reached. */
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), _(", draft at step %d"),
				 help_of(q, t->id)->step);
		ui_text(y++, r.x + 39, r.w - 39, ui_attr(ctx, UI_NORMAL), buf);
	}
	if ((int)q->n > rows && rows > 0) {
		snprintf(buf, sizeof(buf), _("... and %d more"), (int)q->n - rows);
		ui_text(y, r.x + 2, r.w - 2, ui_attr(ctx, UI_HINT), buf);
	}
	draw_prompt(ctx, q, r);
}

static const char *actor(queue_state *q, char out[48])
{
	snprintf(out, 48, "staff:%s", q->sess->staff.id);
	return out;
}

static void call_next(ui_ctx *ctx, queue_state *q)
{
	jrc_err err = { 0 };
	jrc_ticket t;
	char who[48];

	if (queue_call(ctx->db, ctx->window, actor(q, who), &t, &err) != JRC_OK)
		ui_message(ctx, 1, "%s", err.msg);
	else
		ui_message(ctx, 0, _("Calling %s to window %d."), t.label, ctx->window);
}

static void act_current(ui_ctx *ctx, queue_state *q, int what)
{
	jrc_err err = { 0 };
	jrc_ticket t;
	char who[48];
	jrc_status s;

	if (!q->have_cur) {
		ui_message(ctx, 1, "%s", _("Nobody is called at this window: press N to call the next."));
		return;
	}
	if (what == 'R')
		s = queue_recall(ctx->db, q->cur.id, actor(q, who), &t, &err);
	else
		s = queue_skip(ctx->db, q->cur.id, actor(q, who), &t, &err);
	if (s != JRC_OK)
		ui_message(ctx, 1, "%s", err.msg);
	else if (what == 'R')
		ui_message(ctx, 0, _("Calling %s again (%d times now)."), t.label, t.calls);
	else
		ui_message(ctx, 0, _("%s did not come: marked. Press N to call the next."), t.label);
}

static void transfer(ui_ctx *ctx, queue_state *q)
{
	jrc_err err = { 0 };
	jrc_ticket t;
	char who[48], *end;
	long to = strtol(q->input, &end, 10);

	if (!*q->input || *end) {
		ui_message(ctx, 1, "%s", _("Type the number of the window to send the ticket to."));
		return;
	}
	if (queue_transfer(ctx->db, q->cur.id, (int)to, actor(q, who), &t, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return;
	}
	q->mode = MODE_KEYS;
	ui_message(ctx, 0, _("%s is sent to window %ld as %s: tell the citizen to go there."),
		   q->cur.label, to, t.label);
}

static void serve(ui_ctx *ctx, queue_state *q)
{
	jrc_err err = { 0 };
	jrc_ticket t;
	jrc_case k;
	char who[48], receipt[JRC_RECEIPT_MAX];
	int64_t case_id = 0;

	if (*q->input) {
		if (receipt_parse(q->input, receipt, &err) != JRC_OK ||
		    grievance_get(ctx->db, receipt, &k, &err) != JRC_OK) {
			ui_message(ctx, 1, "%s", err.msg);
			return;
		}
		case_id = k.id;
	}
	if (queue_serve(ctx->db, q->cur.id, case_id, actor(q, who), &t, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return;
	}
	q->mode = MODE_KEYS;
	ui_message(ctx, 0, _("%s served."), t.label);
	if (t.case_id)
		desk_open_case(ctx, q->sess, t.case_id);
}

/* The called ticket's draft into assisted filing: claimed by this clerk,
 * the wizard filled in; filing it wipes the draft and serves the ticket
 * (wizard_submit).  Leaving the form keeps the draft until it expires. */
static void open_draft(ui_ctx *ctx, queue_state *q)
{
	jrc_err err = { 0 };
	jrc_help_draft *h;
	char who[48];
	int64_t id = q->cur_help->id, ticket = q->cur.id;

	if (desk_session_check(ctx, q->sess) != 0)
		return;
	if (auth_may(&q->sess->staff, JRC_DO_FILE, NULL, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return;
	}
	if (!(h = malloc(sizeof(*h)))) {
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	if (help_request_claim(ctx->db, id, actor(q, who), h, &err) != JRC_OK)
		ui_message(ctx, 1, "%s", err.msg);
	else if (wizard_start_help(ctx, h, id, ticket) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
	memset(h, 0, sizeof(*h));
	free(h);
}

static void set_window(ui_ctx *ctx, queue_state *q)
{
	jrc_err err = { 0 };
	jrc_window w;
	char *end;
	long n = strtol(q->input, &end, 10);

	if (!*q->input || *end || n < 1 || n > 999 ||
	    queue_window(ctx->db, (int)n, &w, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", *err.msg ? err.msg : _("Type the number of this desk's window."));
		return;
	}
	ctx->window = (int)n;
	q->mode = MODE_KEYS;
}

static ui_result key_prompt(ui_ctx *ctx, queue_state *q, ui_action act, wint_t ch)
{
	size_t len = strlen(q->input);

	switch (act) {
	case UI_ACT_BACK:
		if (q->mode == MODE_WINDOW)
			return UI_PASS;
		q->mode = MODE_KEYS;
		q->input[0] = '\0';
		return UI_DONE;
	case UI_ACT_BACKSPACE:
		if (len)
			q->input[len - 1] = '\0';
		return UI_DONE;
	case UI_ACT_DIGIT:
	case UI_ACT_CHAR:
		/* Window numbers are digits; a receipt also has letters and '-'. */
		if (len + 1 < sizeof(q->input) && ch < 128 &&
		    (act == UI_ACT_DIGIT || (q->mode == MODE_SERVE && ch > ' ')))
			q->input[len] = (char)ch;
		return UI_DONE;
	case UI_ACT_NEXT:
		if (q->mode == MODE_WINDOW)
			set_window(ctx, q);
		else if (desk_session_check(ctx, q->sess) == 0)
			(q->mode == MODE_TRANSFER ? transfer : serve)(ctx, q);
		/* Refused: what was typed stays, to be corrected. */
		if (q->mode == MODE_KEYS)
			q->input[0] = '\0';
		load(ctx, q);
		return UI_DONE;
	default:
		return UI_DONE;
	}
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	queue_state *q = s->state;

	if (q->mode != MODE_KEYS)
		return key_prompt(ctx, q, act, ch);
	if (act == UI_ACT_NEXT) {
		if (!q->have_cur) {
			ui_message(ctx, 1, "%s", _("Nobody is called at this window: press N to call the next."));
			return UI_DONE;
		}
		load(ctx, q);
		if (q->cur_help) {
			open_draft(ctx, q);
			return UI_DONE;
		}
		q->mode = MODE_SERVE;
		q->input[0] = '\0';
		return UI_DONE;
	}
	if (act != UI_ACT_CHAR)
		return UI_PASS;
	if (desk_session_check(ctx, q->sess) != 0)
		return UI_DONE;
	load(ctx, q);
	switch (ch) {
	case L'n': case L'N':
		call_next(ctx, q);
		break;
	case L'r': case L'R':
		act_current(ctx, q, 'R');
		break;
	case L's': case L'S':
		act_current(ctx, q, 'S');
		break;
	case L't': case L'T':
		if (!q->have_cur)
			ui_message(ctx, 1, "%s", _("Nobody is called at this window: press N to call the next."));
		else
			q->mode = MODE_TRANSFER;
		q->input[0] = '\0';
		break;
	case L'w': case L'W':
		q->mode = MODE_WINDOW;
		q->input[0] = '\0';
		break;
	default:
		return UI_PASS;
	}
	load(ctx, q);
	return UI_DONE;
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	queue_state *q = s->state;

	if (ui_top(ctx) != s || now_ms - q->loaded_ms < RELOAD_MS)
		return 0;
	load(ctx, q);
	return 1;
}

const ui_screen_ops scr_desk_queue_ops = {
	.name = "desk_queue",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.tick = tick,
	.state_size = sizeof(queue_state),
	.help_msg = N_("The queue of this desk's window. N calls the oldest ticket waiting for the window's "
		     "group (those sent to this window first); the hall board and the citizen see the number. "
		     "R calls it again, S marks that the citizen did not come, T sends the citizen to another "
		     "window (they keep their place at the head of that line), Enter marks them served: type "
		     "the receipt number of the case it concerned to link it and open the case, or nothing. "
		     "A ticket taken with F9 in the kiosk's filing form (\"help to fill in\") holds the "
		     "citizen's draft: once called, Enter opens it in assisted filing with everything filled "
		     "in; filing it wipes the draft, leaving the form keeps it until it expires. "
		     "W changes this desk's window. Every step is recorded."),
	.keys_msg = N_("N: call  R: again  S: no-show  T: send on  Enter: served  Esc: back"),
};
