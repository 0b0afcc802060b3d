/* The receipt: the number in large characters, the query code, the
 * department and its window, the acceptance deadline and what happens
 * next, and its QR code for a phone.  It stays until the citizen presses
 * Enter; only the idle rule (with its visible countdown) clears it.
 *
 * When the receipt could not be printed, the screen becomes the receipt:
 * the whole document as text beside its QR code in half blocks, so the
 * citizen can photograph it, and a plain request to collect a printed copy
 * at the front desk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "voice.h"
#include "jrc/lifecycle.h"
#include "jrc/print.h"
#include "jrc/qr.h"
#include "jrc/queue.h"
#include "jrc/receipt_doc.h"
#include "jrc/refdata.h"
#include "jrc/terminate.h"
#include "jrc/survey.h"
#include "jrc/text.h"

enum {
	PRINT_PENDING = 2,
	/* Keys in the first moment are the tail of the Enter that sent the
	 * case, not a request to leave the receipt. */
	RECEIPT_GUARD_MS = 1000
};

typedef struct receipt_state {
	scr_receipt_arg *ra;
	jrc_department dept;
	int have_dept;
	int legal;            /* a court or legal matter: where to go, no 15/60 */
	int concluded;        /* the same matter was lawfully concluded: no 15/60 */
	jrc_termination term; /* that conclusion */
	jrc_category cat;
	char next[1024];      /* next_text with the legal periods filled in */
	int64_t shown_ms;
	int printed;          /* receipt_screen_print's answer; PRINT_PENDING before */
	char print_msg[512];
	/* The paper-less receipt, rendered for doc_cols columns in doc_lang. */
	char **doc, **qr;
	size_t ndoc, nqr;
	int doc_cols, top;
	jrc_lang doc_lang;
	jrc_lang help_lang;   /* the language help_line is in */
	/* The text under the numbers: lines scrolled past, and whether more
	 * follows below the last row (Up and Down move it; nothing is cut). */
	int text_top, text_more;
	jrc_lang text_lang;   /* F2 rewrites the text: back to its start */
	int rated;            /* today's service rated 1..3 (survey.c); 0 not yet */
	jrc_ticket ticket;    /* the queue ticket for the department's window */
	int have_ticket;
	char ticket_text[256];
} receipt_state;

/* A print that failed turns the screen into the receipt.  A hall without
 * a printer ("none") keeps the large number and asks for it to be noted. */
static int paperless(const receipt_state *r)
{
	return r->printed == -1;
}

static void paperless_free(receipt_state *r)
{
	doc_lines_free(r->doc, r->ndoc);
	qr_lines_free(r->qr, r->nqr);
	r->doc = r->qr = NULL;
	r->ndoc = r->nqr = 0;
}

/* The QR of the receipt (number and query code), once. */
static void paperless_qr(receipt_state *r)
{
	const jrc_case *c = &r->ra->kase;
	jrc_qr *q;
	char payload[64];

	if (r->qr || !(q = malloc(sizeof(*q))))
		return;
	receipt_qr_payload(c->receipt, c->query_code, payload, sizeof(payload));
	if (qr_encode(payload, q) == JRC_OK)
		r->nqr = qr_render_halfblocks(q, 2, 0, &r->qr);
	free(q);
}

/* The receipt document as text lines for a pane `cols` wide. */
static void paperless_doc(ui_ctx *ctx, receipt_state *r, int cols)
{
	jrc_doc doc;

	doc_lines_free(r->doc, r->ndoc);
	r->doc = NULL;
	r->ndoc = 0;
	r->doc_cols = cols;
	r->doc_lang = ctx->lang;
	if (receipt_doc_load(ctx->db, r->ra->kase.receipt, cols,
			     ctx->lang == JRC_LANG_EN ? JRC_DOC_EN : JRC_DOC_ZH, &doc, NULL) == JRC_OK)
		r->ndoc = doc_render_text(&doc, 0, &r->doc);
	doc_free(&doc);
}

/* Voice: the receipt number and the query code digit by digit, twice,
 * slowly, so they can be written down by ear. */
static void say_numbers(ui_ctx *ctx, const jrc_case *c)
{
	char num[256], code[128], line[600];

	if (!speak_on(ctx))
		return;
	voice_digits(ctx->lang, c->receipt, num, sizeof(num));
	voice_digits(ctx->lang, c->query_code, code, sizeof(code));
	/* TRANSLATORS: spoken slowly; the numbers come digit by digit. */
	snprintf(line, sizeof(line), _("Receipt number: %s. Query code: %s."), num, code);
	speak_slow(ctx, line);
	snprintf(line, sizeof(line), _("Once more. Receipt number: %s. Query code: %s."), num, code);
	speak_slow(ctx, line);
}

static void draw_paperless(ui_ctx *ctx, receipt_state *r)
{
	ui_rect a = ui_content(ctx);
	int qw, show_qr, pane, rows;
	char hint[1024];

	paperless_qr(r);
	qw = r->nqr ? (int)text_width(r->qr[0]) : 0;
	/* Staff filing for a citizen are the front desk: they are told what
	 * they can do, not sent to themselves. */
	if (ctx->staff_mode)
		/* TRANSLATORS: the printer's own sentence, for staff. */
		snprintf(hint, sizeof(hint), _("Not printed: %s"), r->print_msg);
	ui_step_header(ctx, 0, 0, _("Your matter is registered, but no receipt was printed"),
		       ctx->staff_mode ? hint
		       : _("Take a photo of this screen with a phone, or collect a printed copy at the front desk."));
	say_numbers(ctx, &r->ra->kase);
	show_qr = qw > 0 && (int)r->nqr <= a.h && a.w - qw - 2 >= 32;
	pane = show_qr ? a.w - qw - 2 : a.w;
	if (pane > 48)
		pane = 48;          /* the width of 80 mm paper */
	if (!r->doc || r->doc_cols != pane || r->doc_lang != ctx->lang)
		paperless_doc(ctx, r, pane);
	rows = a.h;
	if (r->top > (int)r->ndoc - rows)
		r->top = (int)r->ndoc - rows > 0 ? (int)r->ndoc - rows : 0;
	for (int i = 0; i < rows && r->top + i < (int)r->ndoc; i++)
		ui_text(a.y + i, a.x, pane, ui_attr(ctx, UI_NORMAL), r->doc[r->top + i]);
	if (r->top + rows < (int)r->ndoc)
		ui_text(a.y + a.h - 1, a.x + pane - 2, 2, ui_attr(ctx, UI_KEY), "↓");
	if (r->top > 0)
		ui_text(a.y, a.x + pane - 2, 2, ui_attr(ctx, UI_KEY), "↑");
	if (show_qr)
		for (size_t i = 0; i < r->nqr; i++)
			ui_text(a.y + (int)i, a.x + a.w - qw, qw, ui_attr(ctx, UI_QR), r->qr[i]);
	ui_text_center(a.y + a.h, a.x, a.w, ui_attr(ctx, UI_KEY),
		       r->ndoc > (size_t)rows ? _("Up and Down show the rest.  Press Enter to finish.")
					      : _("Press Enter to finish."));
}

/* Print through the core (print_receipt_report records every attempt in
 * print_jobs, so the desk can reprint what failed). */
int receipt_screen_print(ui_ctx *ctx, const jrc_case *c, char *msg, size_t size)
{
	jrc_print_opts o = { 0 };
	jrc_print_result res;
	jrc_err err = { 0 };
	char actor[48];

	if (size)
		msg[0] = '\0';
	if (ctx->staff_mode)
		snprintf(actor, sizeof(actor), "staff:%s", ctx->staff_id);
	else
		snprintf(actor, sizeof(actor), "kiosk");
	o.uri = ctx->printer[0] ? ctx->printer : NULL;
	o.lang = ctx->lang;
	o.lang_from_case = 1;
	o.actor = actor;
	memset(&res, 0, sizeof(res));
	if (print_receipt_report(ctx->db, c->receipt, &o, &res, &err) != JRC_OK) {
		snprintf(msg, size, "%s", err.msg[0] ? err.msg : jrc_status_message(err.code));
		return -1;
	}
	return strcmp(res.outcome, "skipped") == 0 ? 0 : 1;
}

/* A queue number for the department's window, taken before the receipt
 * prints (the receipt carries it).  Not for a concluded matter nor one
 * answered on the spot, nor when
 * the department has no window in this hall; a failure only leaves the
 * number out. */
static void take_ticket(ui_ctx *ctx, receipt_state *r)
{
	jrc_ticket_in in = { 0 };
	char grp[2], actor[96];
	int window, found = 0;

	/* Answered already (solved on the spot at a visit): nobody to see. */
	if (r->ra->kase.state != JRC_ST_REGISTERED)
		return;
	if (r->concluded || queue_department_group(ctx->db, r->ra->kase.department, grp, &window,
						   &found, NULL) != JRC_OK || !found)
		return;
	if (ctx->staff_mode)
		snprintf(actor, sizeof(actor), "staff:%s", ctx->staff_id);
	else
		snprintf(actor, sizeof(actor), "%s", ctx->terminal[0] ? ctx->terminal : "kiosk");
	in.reason = "filing";
	in.case_id = r->ra->kase.id;
	in.actor = actor;
	r->have_ticket = queue_take(ctx->db, &in, &r->ticket, NULL) == JRC_OK;
}

/* "Your queue number: B003 · window 2 · 3 ahead of you". */
static const char *ticket_text(ui_ctx *ctx, receipt_state *r)
{
	int window = r->ticket.nwindows ? r->ticket.windows[0] : 0;

	for (int i = 0; r->have_dept && i < r->ticket.nwindows; i++)
		if (r->ticket.windows[i] == atoi(r->dept.window))
			window = r->ticket.windows[i];
	(void)ctx;
	/* TRANSLATORS: ticket number, window number, people ahead. */
	snprintf(r->ticket_text, sizeof(r->ticket_text),
		 _("Your queue number: %s · window %d · %d ahead of you"), r->ticket.label, window,
		 r->ticket.ahead);
	return r->ticket_text;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	receipt_state *r = calloc(1, sizeof(*r));

	if (!r || !arg) {
		free(r);
		return -1;
	}
	r->ra = arg;
	r->have_dept = refdata_department(ctx->db, r->ra->kase.department, &r->dept, NULL) == JRC_OK;
	/* A department's window is one of the hall's: not at another site's. */
	if (r->have_dept && !queue_at_hall(ctx->db))
		r->dept.window[0] = '\0';
	r->legal = strcmp(r->ra->kase.category, "LIT") == 0 &&
		   refdata_category(ctx->db, "LIT", &r->cat, NULL) == JRC_OK;
	{
		int found = 0;

		r->concluded = term_link_of(ctx->db, r->ra->kase.id, &r->term, &found, NULL) == JRC_OK &&
			       found;
	}
	take_ticket(ctx, r);
	r->shown_ms = ui_now_ms();
	r->help_lang = ctx->lang;
	r->text_lang = ctx->lang;
	/* Printing can take seconds (a network printer): show the receipt
	 * first, print on the first tick. */
	r->printed = PRINT_PENDING;
	s->state = r;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	receipt_state *r = s->state;

	(void)ctx;
	paperless_free(r);
	grievance_case_free(&r->ra->kase);
	memset(r->ra, 0, sizeof(*r->ra));
	free(r->ra);
	free(r);
}

/* "Label: value", values aligned at column lw. */
static void pair(ui_ctx *ctx, int y, int x, int w, int lw, const char *label, const char *value,
		 int attr)
{
	ui_text(y, x, lw, ui_attr(ctx, UI_NORMAL), label);
	ui_text(y, x + lw + 1, w - lw - 1, attr, value);
}

/* The receipt number split where it reads naturally for two lines of
 * big letters: "PJ261129-" and "0042-7". */
static void split_number(const char *num, char *a, size_t asz, char *b, size_t bsz)
{
	const char *dash = strchr(num, '-');

	if (!dash)
		dash = num + strlen(num) - 1;
	snprintf(a, asz, "%.*s", (int)(dash - num + 1), num);
	snprintf(b, bsz, "%s", dash + 1);
}

/* What happens next: the statutory promise, or for a matter that
 * belongs to a legal channel where to go instead (no 15/60 promise). */
static const char *next_text(ui_ctx *ctx, receipt_state *r)
{
	(void)ctx;
	if (r->concluded) {
		char on[64];

		ui_ymd_text(r->term.on, on, sizeof(on));
		snprintf(r->next, sizeof(r->next),
			 _("This matter was already lawfully concluded on %s (number %s): offices will not take it "
			   "up again for the same facts and reasons. Your filing is recorded and staff will see it."),
			 on, r->term.receipt);
		return r->next;
	}
	if (r->legal)
		return r->ra->in_court ? court_advice_text(&r->cat) : lit_channel_text(&r->cat);
	if (r->ra->kase.state == JRC_ST_ANSWERED) {
		/* Solved on the spot at a leader's visit: answered already. */
		snprintf(r->next, sizeof(r->next),
			 _("This matter was answered on the spot, with what was done there. If the answer does not "
			   "satisfy you, you may ask for a review within %d days with this receipt number and query code."),
			 JRC_REVIEW_DAYS);
		return r->next;
	}
	snprintf(r->next, sizeof(r->next),
		 _("What happens next: the department decides within %d days whether it takes the matter on, "
		   "and then has %d days to give you a written answer."), JRC_ACCEPT_DAYS, JRC_ANSWER_DAYS);
	return r->next;
}

/* Text beside the QR is narrower than text below it. */
#define WIDTH_AT(row) (qw && (row) < a.y + (int)r->nqr ? w : a.w)

/* Paragraphs flowed line by line into the rows from y to the bottom of a,
 * each line as wide as its row allows (beside the QR code, or below it),
 * after skipping `skip` lines.  Returns 1 if something did not fit. */
typedef struct flow_par {
	const char *text;
	int attr;
} flow_par;

static int flow(const receipt_state *r, ui_rect a, int qw, int w, int y, int skip,
		const flow_par *pars, int npars)
{
	int line = 0;

	for (int p = 0; p < npars; p++) {
		const char *s = pars[p].text;

		while (s && *s) {
			int row = y + (line - skip > 0 ? line - skip : 0);
			int width = WIDTH_AT(row);
			size_t *starts, *lens, n = text_wrap(s, (size_t)(width > 8 ? width : 8), &starts, &lens);
			const char *next;

			if (n == 0)
				break;
			next = n > 1 ? s + starts[1] : s + strlen(s);
			if (line >= skip) {
				if (row >= a.y + a.h) {
					free(starts);
					free(lens);
					return 1;
				}
				ui_text_n(row, a.x, width, pars[p].attr, s + starts[0], lens[0]);
			}
			free(starts);
			free(lens);
			line++;
			s = next;
		}
	}
	return 0;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	receipt_state *r = s->state;
	const jrc_case *c = &r->ra->kase;
	ui_rect a = ui_content(ctx);
	int y = a.y, x = a.x, lw = 0, qw, w, tall, big_rows, attr_big = ui_attr(ctx, UI_HEADING);
	char buf[512], date[96], n1[32], n2[32];
	jrc_date d;
	const char *labels[4];

	if (paperless(r)) {
		draw_paperless(ctx, r);
		return;
	}
	paperless_qr(r);
	ui_step_header(ctx, 0, 0, _("Your matter has been registered"),
		       _("Keep the receipt number and the query code: with them you can check progress. "
			 "You may photograph the code on the right."));
	say_numbers(ctx, c);
	if (r->have_ticket && speak_on(ctx)) {
		char num[128], line[300];

		voice_digits(ctx->lang, r->ticket.label, num, sizeof(num));
		/* TRANSLATORS: spoken slowly; the queue number letter by letter. */
		snprintf(line, sizeof(line), _("Your queue number: %s."), num);
		speak_slow(ctx, line);
	}
	/* The QR on the right, for a phone to photograph; the numbers twice
	 * on the left: in big letters and as text to copy. */
	qw = r->nqr && (int)r->nqr <= a.h && a.w - (int)text_width(r->qr[0]) - 2 >= 44
		     ? (int)text_width(r->qr[0]) : 0;
	if (qw)
		for (size_t i = 0; i < r->nqr; i++)
			ui_text(a.y + (int)i, a.x + a.w - qw, qw, ui_attr(ctx, UI_QR), r->qr[i]);
	w = a.w - (qw ? qw + 2 : 0);
	tall = a.h >= 2 * BIGFONT_ROWS + BIGFONT_ROWS + 10;
	big_rows = tall ? BIGFONT_ROWS : BIGFONT_HALF_ROWS;
	labels[0] = _("Receipt number:");
	labels[1] = _("Query code:");
	labels[2] = _("Handled by:");
	labels[3] = r->legal ? _("Where to go:") : _("Decision on taking it on by:");
	for (int i = 0; i < 4; i++)
		if ((int)text_width(labels[i]) > lw)
			lw = (int)text_width(labels[i]);
	pair(ctx, y++, x, w, lw, labels[0], c->receipt, attr_big);
	split_number(c->receipt, n1, sizeof(n1), n2, sizeof(n2));
	if (bigfont_width(c->receipt) <= w) {
		(tall ? bigfont_draw : bigfont_draw_half)(y, x + 2, attr_big, c->receipt);
		y += big_rows;
	} else if (bigfont_width(n1) <= w) {
		(tall ? bigfont_draw : bigfont_draw_half)(y, x + 2, attr_big, n1);
		y += big_rows;
		(tall ? bigfont_draw : bigfont_draw_half)(y, x + 2, attr_big, n2);
		y += big_rows;
	}
	pair(ctx, y++, x, w, lw, labels[1], c->query_code, attr_big);
	if (bigfont_width(c->query_code) <= w) {
		(tall ? bigfont_draw : bigfont_draw_half)(y, x + 2, attr_big, c->query_code);
		y += big_rows;
	}
	if (tall)
		y++;
	{
		char dept[700], deadline[400], status[512], where[600], still[160];
		flow_par pars[8];
		int np = 0;

		if (r->have_dept && r->dept.window[0])
			/* TRANSLATORS: department name, then its window number in the hall. */
			snprintf(buf, sizeof(buf), _("%s (window %s)"), i18n_pick(r->dept.name_zh, r->dept.name_en),
				 r->dept.window);
		else
			snprintf(buf, sizeof(buf), "%s", r->have_dept ? i18n_pick(r->dept.name_zh, r->dept.name_en)
								     : c->department);
		snprintf(dept, sizeof(dept), "%s %s", labels[2], buf);
		if (r->printed == PRINT_PENDING)
			snprintf(status, sizeof(status), "%s", _("Printing your receipt ..."));
		else if (r->printed == 1)
			snprintf(status, sizeof(status), "%s", _("Your receipt is being printed: please take it."));
		else if (ctx->staff_mode)
			snprintf(status, sizeof(status), "%s",
				 _("No printer is set up here: write the receipt number and the query code down for the "
				   "citizen."));
		else
			snprintf(status, sizeof(status), "%s",
				 _("No receipt is printed here: please write down the receipt number and the query code, "
				   "or ask at the front desk for a printed copy."));
		/* First what to do now (take the paper, or write the numbers down). */
		pars[np++] = (flow_par){ status, ui_attr(ctx, UI_NOTICE) };
		/* The same matter concluded before: said first, with the way
		 * that remains, before anything else the screen says. */
		if (r->concluded) {
			snprintf(still, sizeof(still), "%s", _("Where you can still go:"));
			pars[np++] = (flow_par){ next_text(ctx, r), ui_attr(ctx, UI_NOTICE) };
			pars[np++] = (flow_par){ still, ui_attr(ctx, UI_NOTICE) };
			pars[np++] = (flow_par){ r->term.channel, ui_attr(ctx, UI_NORMAL) };
		}
		pars[np++] = (flow_par){ dept, ui_attr(ctx, UI_NORMAL) };
		/* Answered on the spot: no decision on taking it on to wait for. */
		if (!r->legal && !r->concluded && c->state != JRC_ST_ANSWERED) {
			if (date_parse(c->accept_by, &d) == 0)
				ui_date_text(d, date, sizeof(date));
			else
				snprintf(date, sizeof(date), "%s", c->accept_by);
			snprintf(deadline, sizeof(deadline), "%s %s", labels[3], date);
			pars[np++] = (flow_par){ deadline, ui_attr(ctx, UI_NORMAL) };
		}
		/* The booking line follows F2 like everything else. */
		if (r->ra->help_line_fn && r->help_lang != ctx->lang) {
			r->ra->help_line_fn(ctx, c, r->ra->help_line, sizeof(r->ra->help_line));
			r->help_lang = ctx->lang;
		}
		if (r->ra->help_line[0])
			pars[np++] = (flow_par){ r->ra->help_line, ui_attr(ctx, UI_NORMAL) };
		/* A legal matter: where to go and what to bring, no 15/60. */
		if (r->legal) {
			snprintf(where, sizeof(where), "%s", _("Where to go instead, and what to bring:"));
			pars[np++] = (flow_par){ where, ui_attr(ctx, UI_NOTICE) };
			pars[np++] = (flow_par){ next_text(ctx, r), ui_attr(ctx, UI_NORMAL) };
		}
		if (!r->legal && !r->concluded)
			pars[np++] = (flow_par){ next_text(ctx, r), ui_attr(ctx, UI_NORMAL) };
		/* The queue number after the promise: at 80x24 it is one Down
		 * away, on a taller kiosk in view; the paper carries it large. */
		if (r->have_ticket)
			pars[np++] = (flow_par){ ticket_text(ctx, r), ui_attr(ctx, UI_HEADING) };
		/* One question on today's service, kept apart from the matter
		 * (and its verdict): not for a clerk filing at the desk. */
		if (!ctx->staff_mode)
			pars[np++] = (flow_par){ r->rated ? _("Thank you for rating today's service.")
				: _("How was today's service? Press 1 satisfied, 2 basically satisfied, 3 not satisfied. "
				    "It is anonymous and has nothing to do with your matter."),
				ui_attr(ctx, UI_KEY) };
		if (r->text_lang != ctx->lang) {
			r->text_top = 0;
			r->text_lang = ctx->lang;
		}
		/* Too much for the rows left: the last row says so, Down shows it. */
		r->text_more = flow(r, a, qw, w, y, r->text_top, pars, np);
		if (r->text_more) {
			ui_rect b = a;

			b.h--;
			for (int row = y; row < a.y + a.h; row++)
				ui_fill(row, a.x, WIDTH_AT(row), ui_attr(ctx, UI_NORMAL));
			flow(r, b, qw, w, y, r->text_top, pars, np);
			ui_text(a.y + a.h - 1, a.x, WIDTH_AT(a.y + a.h - 1), ui_attr(ctx, UI_HINT),
				_("(more below: Down key)"));
		}
	}
	ui_text_center(a.y + a.h, a.x, a.w, ui_attr(ctx, UI_KEY),
		       _("Press Enter when you have noted the numbers."));
}

/* Print once; a failure says why on the message line and turns the
 * screen into the receipt. */
static void print_now(ui_ctx *ctx, receipt_state *r, int64_t now_ms)
{
	r->printed = receipt_screen_print(ctx, &r->ra->kase, r->print_msg, sizeof(r->print_msg));
	if (r->printed < 0) {
		/* The screen changes under the citizen's eyes: a fresh guard.
		 * The printer's own fault is for staff: it is in the print
		 * record the desk lists; the citizen gets a plain sentence. */
		if (ctx->staff_mode)
			/* Staff filing for a citizen are the desk: the printer's
			 * own words, to fix it, stay above the receipt (the
			 * message line would cut them and lose them at a key). */
			ui_message(ctx, 1, "%s", _("Reprint it from the failed prints (P) once the printer works."));
		else
			ui_message(ctx, 1, "%s", _("The printer is not working right now. Staff have been told."));
		r->shown_ms = now_ms;
	}
}

/* Move the paper-less receipt for a scrolling key; 0 for any other key. */
static int receipt_scroll(receipt_state *r, ui_action act)
{
	switch (act) {
	case UI_ACT_FIELD_PREV: r->top--; break;
	case UI_ACT_FIELD_NEXT: r->top++; break;
	case UI_ACT_PAGE_UP: r->top -= 8; break;
	case UI_ACT_PAGE_DOWN: r->top += 8; break;
	case UI_ACT_HOME: r->top = 0; break;
	case UI_ACT_END: r->top = (int)r->ndoc; break;
	default: return 0;
	}
	if (r->top < 0)
		r->top = 0;
	return 1;
}

/* A citizen's session ends here; a clerk filing for one goes back to
 * the desk's worklist, still logged in. */
static void receipt_finish(ui_ctx *ctx)
{
	if (ctx->staff_mode && ctx->depth > 1) {
		ui_pop(ctx);
		return;
	}
	ui_reset_session(ctx);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	receipt_state *r = s->state;

	if (r->printed == PRINT_PENDING) {
		/* Keys kept the tick away: print before anything else. */
		print_now(ctx, r, ui_now_ms());
		return UI_DONE;
	}
	/* A digit rates the service only once the question shows (it is the
	 * last paragraph: nothing more below). */
	if (act == UI_ACT_DIGIT && ch >= L'1' && ch <= L'3' && !r->rated && !ctx->staff_mode &&
	    !paperless(r) && !r->text_more) {
		char site[16];
		jrc_err err = { 0 };

		if (db_setting_get(ctx->db, "site_division", NULL, site, sizeof(site), NULL) != JRC_OK)
			site[0] = '\0';
		if (survey_rate_service(ctx->db, site, (int)(ch - L'0'), &err) == JRC_OK)
			r->rated = (int)(ch - L'0');
		else
			ui_message(ctx, 1, "%s", err.msg);
		return UI_DONE;
	}
	/* Reading the paper-less receipt is not leaving it (and needs no guard). */
	if (paperless(r) && receipt_scroll(r, act))
		return UI_DONE;
	/* Nor is reading the rest of the text under the numbers. */
	if (!paperless(r) && (act == UI_ACT_FIELD_NEXT || act == UI_ACT_PAGE_DOWN)) {
		if (r->text_more)
			r->text_top++;
		return UI_DONE;
	}
	if (!paperless(r) && (act == UI_ACT_FIELD_PREV || act == UI_ACT_PAGE_UP)) {
		if (r->text_top > 0)
			r->text_top--;
		return UI_DONE;
	}
	if (act != UI_ACT_NEXT || ui_now_ms() - r->shown_ms < RECEIPT_GUARD_MS)
		return UI_DONE;     /* only Enter finishes: the number stays */
	receipt_finish(ctx);
	return UI_DONE;
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	receipt_state *r = s->state;

	if (r->printed == PRINT_PENDING) {
		print_now(ctx, r, now_ms);
		return 1;
	}
	return 0;
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	receipt_state *r = s->state;

	(void)ctx;
	if (!paperless(r) && (r->text_more || r->text_top > 0))
		return _("Up/Down: the rest   Enter: finish");
	return _("Enter: finish");
}

const ui_screen_ops scr_receipt_ops = {
	.name = "receipt",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("Your matter is registered. Keep the receipt number and the query code: you need both to check "
		     "progress. You may photograph the square code with a phone. Press Enter when you have noted "
		     "them; if nobody presses a key for a while, a countdown appears before the screen clears."),
	.tick = tick,
	.status_keys = status_keys,
};
