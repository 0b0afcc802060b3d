/* Receipts whose last print failed: the citizen may be waiting at the
 * counter for one.  Enter reprints the chosen receipt; O opens its case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/grievance_edit.h"
#include "jrc/print.h"
#include "jrc/printer.h"

typedef struct prints_state {
	desk_session *sess;
	jrc_print_job *jobs;
	size_t n;
	w_list list;
	char line[256];
	char error[512];
	int stale;
} prints_state;

static const char *label(ui_ctx *ctx, void *user, int i)
{
	prints_state *p = user;
	jrc_print_job *j = &p->jobs[i];
	char when[32];
	jrc_time t;

	(void)ctx;
	if (clock_parse(j->at, &t) == JRC_OK)
		clock_format_local(t, when);
	else
		snprintf(when, sizeof(when), "%s", j->at);
	snprintf(p->line, sizeof(p->line), _("%s  %s  %ld tries: %s"), j->receipt, when, j->attempts,
		 j->error[0] ? j->error : j->outcome);
	if (strcmp(j->document, "review_slip") == 0) {
		size_t len = strlen(p->line);

		snprintf(p->line + len, sizeof(p->line) - len, "%s", _("  (review slip)"));
	}
	return p->line;
}

static void load(ui_ctx *ctx, prints_state *p)
{
	jrc_err err = { 0 };

	free(p->jobs);
	p->jobs = NULL;
	p->n = 0;
	p->error[0] = '\0';
	if (print_failed(ctx->db, &p->jobs, &p->n, &err) != JRC_OK)
		snprintf(p->error, sizeof(p->error), "%s", err.msg);
	w_list_init(&p->list, (int)p->n, label, p);
	p->stale = 0;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	prints_state *p = calloc(1, sizeof(*p));

	if (!p)
		return -1;
	p->sess = arg;
	load(ctx, p);
	s->state = p;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	prints_state *p = s->state;

	(void)ctx;
	free(p->jobs);
	free(p);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	prints_state *p = s->state;
	ui_rect r = ui_content(ctx);

	if (p->stale)
		load(ctx, p);
	ui_step_header(ctx, 0, 0, _("Receipts that did not print"),
		       _("Press the number or Enter to print one again; O opens its case. Esc goes back."));
	if (p->error[0]) {
		ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), p->error);
		return;
	}
	if (p->n == 0) {
		ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_HINT),
				desk_no_printer(ctx)
				? _("No printer is set up here (printer \"none\"): receipts are not printed, so none "
				    "is listed as failed. Citizens were asked to write their numbers down.")
				: _("Every receipt printed. Nothing is waiting."));
		return;
	}
	w_list_draw(ctx, &p->list, r);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	prints_state *p = s->state;
	jrc_err err = { 0 };
	int picked;
	ui_result r;

	if (act == UI_ACT_CHAR && (ch == L'o' || ch == L'O') && p->n > 0) {
		jrc_case c;

		if (grievance_get(ctx->db, p->jobs[p->list.sel].receipt, &c, &err) == JRC_OK) {
			desk_open_case(ctx, p->sess, c.id);
			grievance_case_free(&c);
			p->stale = 1;
		} else {
			ui_message(ctx, 1, "%s", err.msg);
		}
		return UI_DONE;
	}
	r = w_list_key(ctx, &p->list, act, ch, &picked);
	if (picked < 0 || (size_t)picked >= p->n)
		return r;
	if (desk_session_check(ctx, p->sess) != 0)
		return UI_DONE;
	if (grievance_reprint_doc(ctx->db, &p->sess->staff, p->jobs[picked].receipt,
				  p->jobs[picked].document, ctx->printer, &err) != JRC_OK)
		ui_message(ctx, 1, "%s", err.msg);
	else
		desk_reprinted_message(ctx, p->jobs[picked].receipt);
	p->stale = 1;
	return UI_DONE;
}

int desk_no_printer(ui_ctx *ctx)
{
	char uri[256];
	jrc_sink_kind kind = JRC_SINK_NONE;

	if (ctx->printer[0])
		snprintf(uri, sizeof(uri), "%s", ctx->printer);
	else if (db_setting_get(ctx->db, "printer", NULL, uri, sizeof(uri), NULL) != JRC_OK)
		snprintf(uri, sizeof(uri), "none");
	return printer_uri_check(uri, &kind, NULL) == JRC_OK && kind == JRC_SINK_NONE;
}

void desk_reprinted_message(ui_ctx *ctx, const char *receipt)
{
	if (desk_no_printer(ctx))
		ui_message(ctx, 1, _("No printer is set up here (printer \"none\"): nothing was printed for %s. "
				     "Set one with 'jrc settings printer URI'."), receipt);
	else
		ui_message(ctx, 0, _("The receipt of %s was sent to the printer."), receipt);
}

const ui_screen_ops scr_desk_prints_ops = {
	.name = "desk_prints",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("These receipts failed the last time they were printed (paper out, printer off, no connection). "
		     "Fix the printer, then print them again here and hand them to the citizens."),
	.keys_msg = N_("Enter: print again   O: open the case   Esc: back"),
};
