/* Help from staff (请工作人员帮我): F9 on any step of the kiosk's filing
 * form keeps what the citizen chose and typed as a help request with a
 * queue ticket (help.h), wipes it from the kiosk and shows the ticket;
 * Enter on the ticket gives the kiosk back to the next citizen.  At the
 * desk, the clerk who calls the ticket opens the draft with
 * wizard_start_help and files it for the citizen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "ime.h"
#include "wizard.h"
#include "jrc/help.h"
#include "jrc/route.h"

int wizard_handover_offered(ui_ctx *ctx)
{
	return !ctx->staff_mode && ctx->draft && !ctx->draft->visit_id &&
	       ui_on_stack(ctx, &scr_category_ops) && ticket_home_available(ctx);
}

static void to_help_draft(const wizard_draft *d, jrc_help_draft *h)
{
	memset(h, 0, sizeof(*h));
	h->step = d->step_reached;
	snprintf(h->category, sizeof(h->category), "%s", d->category);
	h->category_unsure = d->category_unsure;
	snprintf(h->township, sizeof(h->township), "%s", d->township);
	snprintf(h->division, sizeof(h->division), "%s", d->division);
	h->person = d->person;
	snprintf(h->name, sizeof(h->name), "%s", d->name);
	h->id_other = d->id_other;
	snprintf(h->id_number, sizeof(h->id_number), "%s", d->id_number);
	snprintf(h->phone, sizeof(h->phone), "%s", d->phone);
	snprintf(h->text, sizeof(h->text), "%s", d->text);
	snprintf(h->outcome, sizeof(h->outcome), "%s", d->outcome);
}

void wizard_hand_over(ui_ctx *ctx)
{
	const wizard_draft *d = ctx->draft;
	jrc_help_draft *h = malloc(sizeof(*h));
	jrc_route route = { 0 };
	jrc_ticket t;
	jrc_err err = { 0 };
	jrc_lang lang = ctx->lang;
	char actor[96];
	jrc_status s;

	if (!h) {
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	to_help_draft(d, h);
	/* The department's window when the matter and place say which. */
	if (d->category[0] && !d->category_unsure && d->division[0])
		route_find(ctx->db, d->category, d->division, &route, NULL);
	snprintf(actor, sizeof(actor), "%s", ctx->terminal[0] ? ctx->terminal : "kiosk");
	s = help_request_create(ctx->db, h, route.department, actor, &t, NULL, &err);
	memset(h, 0, sizeof(*h));
	free(h);
	if (s != JRC_OK) {
		/* Nothing is lost: the form stays as it was. */
		ui_message(ctx, 1, "%s", *err.msg ? err.msg : jrc_status_message(err.code));
		return;
	}
	/* Nothing of the form stays on screen or in memory: as the idle
	 * timer does, then the ticket, in the language the citizen used. */
	ui_reset_session(ctx);
	if (ui_push(ctx, &scr_ticket_ops, &t) != 0) {
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	if (lang != ctx->lang)
		ui_set_lang(ctx, lang);
}

int wizard_start_help(ui_ctx *ctx, const jrc_help_draft *h, int64_t request, int64_t ticket)
{
	wizard_draft *d;
	int last;

	if (!ctx->draft && !(ctx->draft = calloc(1, sizeof(*ctx->draft))))
		return -1;
	wizard_wipe(ctx);
	ime_reset(ctx);
	d = ctx->draft;
	d->base_depth = ctx->depth;
	d->help_request = request;
	d->help_ticket = ticket;
	snprintf(d->category, sizeof(d->category), "%s", h->category);
	d->category_unsure = h->category_unsure;
	snprintf(d->township, sizeof(d->township), "%s", h->township);
	snprintf(d->division, sizeof(d->division), "%s", h->division);
	d->person = h->person;
	snprintf(d->name, sizeof(d->name), "%s", h->name);
	d->id_other = h->id_other;
	snprintf(d->id_number, sizeof(d->id_number), "%s", h->id_number);
	snprintf(d->phone, sizeof(d->phone), "%s", h->phone);
	snprintf(d->text, sizeof(d->text), "%s", h->text);
	snprintf(d->outcome, sizeof(d->outcome), "%s", h->outcome);
	/* The steps the citizen went through stay below, for Esc; the clerk
	 * goes on where the citizen stopped (the help step at most: a
	 * booking is not handed over). */
	last = h->step < WIZ_STEP_CATEGORY ? WIZ_STEP_CATEGORY
	     : h->step > WIZ_STEP_HELP ? WIZ_STEP_HELP : h->step;
	for (int k = WIZ_STEP_CATEGORY; k <= last; k++)
		if (wizard_open_step(ctx, k) != 0)
			return k == WIZ_STEP_CATEGORY ? -1 : 0;
	return 0;
}
