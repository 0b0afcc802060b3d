/* The filing wizard's draft, step order and submission. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens.h"
#include "ime.h"
#include "wizard.h"
#include "jrc/help.h"
#include "jrc/queue.h"
#include "jrc/refdata.h"
#include "jrc/visit.h"

/* Zero memory in a way the compiler may not drop: the draft holds
 * personal data that must not outlive the session. */
static void wipe_bytes(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

int wizard_start(ui_ctx *ctx)
{
	if (!ctx->draft && !(ctx->draft = calloc(1, sizeof(*ctx->draft))))
		return -1;
	wizard_wipe(ctx);
	/* A new filing is a new citizen: pinyin on, a fresh session. */
	ime_reset(ctx);
	ctx->draft->base_depth = ctx->depth;
	return wizard_open_step(ctx, WIZ_STEP_CATEGORY);
}

int wizard_start_visit(ui_ctx *ctx, int64_t visit_id, const char *township,
		       const char *division, int found, const jrc_staff *solver)
{
	wizard_draft *d;

	if (!ctx->draft && !(ctx->draft = calloc(1, sizeof(*ctx->draft))))
		return -1;
	wizard_wipe(ctx);
	ime_reset(ctx);
	d = ctx->draft;
	d->base_depth = ctx->depth;
	d->visit_id = visit_id;
	d->visit_found = found;
	snprintf(d->township, sizeof(d->township), "%s", township);
	snprintf(d->division, sizeof(d->division), "%s", division);
	if (found)
		d->person = WIZ_PERSON_ANON;
	if (solver) {
		d->visit_spot = 1;
		d->spot_role = solver->role;
		snprintf(d->spot_dept, sizeof(d->spot_dept), "%s", solver->department);
	}
	return wizard_open_step(ctx, WIZ_STEP_CATEGORY);
}

/* A step the visit log filled in already: its place, a found matter's
 * (absent) complainant.  The review can still reopen them. */
static int step_prefilled(const wizard_draft *d, int step)
{
	if (!d || !d->visit_id)
		return 0;
	return (step == WIZ_STEP_PLACE && d->division[0]) ||
	       (step == WIZ_STEP_PERSON && d->visit_found);
}

void wizard_leave(ui_ctx *ctx)
{
	int base = ctx->draft ? ctx->draft->base_depth : 1;

	wizard_wipe(ctx);
	if (base < 1)
		base = 1;
	while (ctx->depth > base)
		ui_pop(ctx);
}

static void leave_action(ui_ctx *ctx, void *user)
{
	(void)user;
	wizard_leave(ctx);
}

void wizard_ask_leave(ui_ctx *ctx)
{
	static const scr_ask_arg ask = {
		.title = N_("Leave this form?"),
		.body = N_("You have already entered something. If you leave now, everything you entered is "
			   "thrown away. To keep it, press 1 and go on."),
		.keep = N_("Keep going"),
		.act = N_("Discard and leave"),
		.action = leave_action,
	};

	if (!wizard_has_input(ctx)) {
		wizard_leave(ctx);
		return;
	}
	ui_push(ctx, &scr_ask_ops, (void *)&ask);
}

void wizard_wipe(ui_ctx *ctx)
{
	wizard_draft *d = ctx->draft;

	if (!d)
		return;
	if (d->help && d->help->wipe)
		d->help->wipe(ctx);
	wipe_bytes(d, sizeof(*d));
}

int wizard_has_input(ui_ctx *ctx)
{
	const wizard_draft *d = ctx->draft;

	return d && (d->category[0] || d->category_unsure || d->division[0] ||
		     d->person || d->name[0] || d->id_number[0] || d->phone[0] ||
		     d->text[0] || d->outcome[0] || d->solved[0] || d->help);
}

const char *wizard_step_title(int step)
{
	static const char *const titles[] = {
		NULL,
		N_("What is it about?"),
		N_("Where did it happen?"),
		N_("About you"),
		N_("What happened?"),
		N_("What would you like to happen?"),
		N_("Would you like help?"),
		N_("Check and send"),
		N_("What was done on the spot?"),
	};

	if (step < 1 || step > WIZ_STEP_SPOT)
		return "";
	return _(titles[step]);
}

const char *wizard_step_label(int step)
{
	static const char *const labels[] = {
		NULL,
		N_("Kind"),
		N_("Place"),
		N_("You"),
		N_("What happened"),
		N_("What you want"),
		N_("Help"),
		N_("Check"),
		N_("Done there"),
	};

	if (step < 1 || step > WIZ_STEP_SPOT)
		return "";
	return _(labels[step]);
}

int wizard_open_step(ui_ctx *ctx, int step)
{
	if (ctx->draft && step <= WIZ_STEP_REVIEW && step > ctx->draft->step_reached)
		ctx->draft->step_reached = step;
	switch (step) {
	case WIZ_STEP_CATEGORY: return ui_push(ctx, &scr_category_ops, NULL);
	case WIZ_STEP_PLACE: return ui_push(ctx, &scr_township_ops, NULL);
	case WIZ_STEP_PERSON: return ui_push(ctx, &scr_person_ops, NULL);
	case WIZ_STEP_STORY: return ui_push(ctx, &scr_story_ops, (void *)0);
	case WIZ_STEP_OUTCOME: return ui_push(ctx, &scr_story_ops, (void *)1);
	case WIZ_STEP_HELP: return ui_push(ctx, &scr_help_step_ops, NULL);
	case WIZ_STEP_REVIEW: return ui_push(ctx, &scr_review_ops, NULL);
	case WIZ_STEP_SPOT: return ui_push(ctx, &scr_story_ops, (void *)2);
	default: return -1;
	}
}

void wizard_step_done(ui_ctx *ctx, int step)
{
	if (step == WIZ_STEP_HELP && ctx->draft)
		ctx->draft->help_gen++;
	/* A step reopened from the review goes back there: the review is
	 * then below it on the stack. */
	if (ui_on_stack(ctx, &scr_review_ops)) {
		ui_pop_to(ctx, &scr_review_ops);
		return;
	}
	/* Solved on the spot: what was done, just before the review. */
	if (step == WIZ_STEP_HELP && ctx->draft && ctx->draft->visit_spot) {
		wizard_open_step(ctx, WIZ_STEP_SPOT);
		return;
	}
	if (step == WIZ_STEP_SPOT) {
		wizard_open_step(ctx, WIZ_STEP_REVIEW);
		return;
	}
	while (step + 1 < WIZ_STEPS && step_prefilled(ctx->draft, step + 1))
		step++;
	wizard_open_step(ctx, step + 1);
}

int wizard_step_count(ui_ctx *ctx)
{
	return ctx->draft && ctx->draft->visit_spot ? WIZ_STEPS + 1 : WIZ_STEPS;
}

int wizard_step_shown(ui_ctx *ctx, int step)
{
	if (step == WIZ_STEP_SPOT)
		return WIZ_STEP_REVIEW;
	if (step == WIZ_STEP_REVIEW)
		return wizard_step_count(ctx);
	return step;
}

static jrc_status submit(ui_ctx *ctx, jrc_case *out, jrc_err *err)
{
	wizard_draft *d = ctx->draft;
	jrc_intake in = { 0 };
	jrc_visit_matter_in vm = { 0 };
	char actor[48] = "";
	jrc_status s;

	if (!d)
		return jrc_err_set(err, JRC_E_INVALID, NULL, NULL);
	in.category = d->category_unsure || !d->category[0] ? "OTH" : d->category;
	in.division = d->division;
	in.anonymous = d->person == WIZ_PERSON_ANON;
	if (!in.anonymous) {
		in.name = d->name;
		in.id_kind = d->id_other ? "other" : "resident";
		in.id_number = d->id_number;
		in.phone = d->phone;
		in.sms = d->sms;
	}
	in.text = d->text;
	in.outcome = d->outcome[0] ? d->outcome : NULL;
	in.channel = ctx->staff_mode ? "desk" : "kiosk";
	in.staff_id = ctx->staff_mode ? ctx->staff_id : NULL;
	in.lang = i18n_code(ctx->lang);
	/* From the desk's visit log: the matter of that visit. */
	vm.visit_id = d->visit_id;
	vm.found = d->visit_found;
	if (d->visit_spot) {
		/* Filed, accepted and answered in one transaction; the
		 * lifecycle decides whether this account may. */
		vm.solved = d->solved;
		vm.role = (int)d->spot_role;
		vm.actor_department = d->spot_dept[0] ? d->spot_dept : NULL;
	}
	if (ctx->staff_mode) {
		snprintf(actor, sizeof(actor), "staff:%s", ctx->staff_id);
		vm.actor = actor;
	}
	/* "Try again" after the county's server went away: the first try
	 * may have been filed, its answer lost; then that case is the one. */
	if (!d->token[0] && (s = grievance_token(d->token, err)) != JRC_OK)
		return s;
	in.token = d->token;
	in.again = d->tried;
	if (d->tried && (s = grievance_find_filed(ctx->db, &in, out, err)) != JRC_E_NOT_FOUND)
		return s;
	d->tried = 1;
	if (!d->help || !d->help->file_in_tx) {
		if (d->visit_id)
			return visit_file(ctx->db, &in, &vm, out, err);
		return grievance_file(ctx->db, &in, out, err);
	}
	/* The option's booking and the case commit together or not at all. */
	if ((s = db_begin(ctx->db, err)) != JRC_OK)
		return s;
	s = d->visit_id ? visit_file_in_tx(ctx->db, &in, &vm, out, err)
			: grievance_file_in_tx(ctx->db, &in, out, err);
	if (s != JRC_OK) {
		db_rollback(ctx->db);
		return s;
	}
	if ((s = d->help->file_in_tx(ctx, out, err)) != JRC_OK ||
	    (s = db_commit(ctx->db, err)) != JRC_OK) {
		db_rollback(ctx->db);
		grievance_case_free(out);
		return s;
	}
	return JRC_OK;
}

jrc_status wizard_submit(ui_ctx *ctx, jrc_case *out, jrc_err *err)
{
	wizard_draft *d = ctx->draft;
	jrc_status s = submit(ctx, out, err);
	char actor[48];
	jrc_ticket t;

	if (s != JRC_OK || !d || !d->help_request)
		return s;
	/* A draft handed over at the kiosk, now filed: wiped from the
	 * database, and its ticket served with the case linked.  Should
	 * either fail, the case stands; the draft expires anyway. */
	snprintf(actor, sizeof(actor), "staff:%s", ctx->staff_id);
	help_request_filed(ctx->db, d->help_request, out->id, actor, NULL);
	if (d->help_ticket && queue_get(ctx->db, d->help_ticket, &t, NULL) == JRC_OK &&
	    strcmp(t.state, "called") == 0)
		queue_serve(ctx->db, d->help_ticket, out->id, actor, &t, NULL);
	d->help_request = d->help_ticket = 0;
	return s;
}

void wizard_category_name(ui_ctx *ctx, char *out, size_t size)
{
	const wizard_draft *d = ctx->draft;
	jrc_category c;

	out[0] = '\0';
	if (!d)
		return;
	if (d->category_unsure)
		snprintf(out, size, "%s", _("Not sure"));
	else if (d->category[0] && refdata_category(ctx->db, d->category, &c, NULL) == JRC_OK)
		snprintf(out, size, "%s", i18n_pick(c.name_zh, c.name_en));
}

void wizard_place_name(ui_ctx *ctx, char *out, size_t size)
{
	const wizard_draft *d = ctx->draft;
	jrc_division t, v;

	out[0] = '\0';
	if (!d || !d->township[0] || refdata_division(ctx->db, d->township, &t, NULL) != JRC_OK)
		return;
	if (!d->division[0])
		snprintf(out, size, "%s", i18n_pick(t.name_zh, t.name_en));
	else if (strcmp(d->division, d->township) == 0)
		/* TRANSLATORS: a township, then that the village was not listed. */
		snprintf(out, size, _("%s, village not in the list"), i18n_pick(t.name_zh, t.name_en));
	else if (refdata_division(ctx->db, d->division, &v, NULL) == JRC_OK)
		/* TRANSLATORS: township, then village. */
		snprintf(out, size, _("%s, %s"), i18n_pick(t.name_zh, t.name_en),
			 i18n_pick(v.name_zh, v.name_en));
}
