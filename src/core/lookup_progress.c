/* The citizen's view of a case: where it stands, who has it, the dates,
 * the next deadline and the answers; masked, without internal notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "lifecycle_internal.h"
#include "lookup_internal.h"
#include "jrc/hearing.h"
#include "jrc/i18n.h"
#include "jrc/lookup.h"
#include "jrc/queue.h"
#include "jrc/refdata.h"
#include "jrc/terminate.h"
#include "jrc/validate.h"

static void step_free(jrc_progress_step *s)
{
	free(s->reason);
	free(s->channel);
	free(s->answer);
}

void lookup_progress_free(jrc_progress *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nsteps; i++)
		step_free(&p->steps[i]);
	free(p->steps);
	free(p->answer);
	free(p->hearing_place);
	p->hearing_place = NULL;
	p->has_hearing = 0;
	free(p->concluded_channel);
	p->concluded_channel = NULL;
	p->steps = NULL;
	p->nsteps = 0;
	p->answer = NULL;
}

static char *dup_or_null(const char *s, int *oom)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		*oom = 1;
	return d;
}

/* A department or category that is no longer in the lists is shown by
 * its code; any other failure (a locked or damaged database) is reported,
 * not turned into a view with the names missing. */
static int name_missing(jrc_status s, jrc_status *fail)
{
	if (s != JRC_OK && s != JRC_E_NOT_FOUND && *fail == JRC_OK)
		*fail = s;
	return s != JRC_OK;
}

/* What of a step a citizen reads: why it was declined and where to go,
 * why it was passed on and to whom, why more time was taken, the answers.
 * A mediation or acceptance note is for staff. */
static void fill_step(jrc_db *db, const jrc_step *in, jrc_state to, jrc_progress_step *out,
		      int *oom, jrc_status *fail, jrc_err *err)
{
	jrc_department d;

	memset(out, 0, sizeof(*out));
	date_format(lifecycle_local_date_of(in->at), out->date);
	out->state = to;
	switch (to) {
	case JRC_ST_DECLINED:
	case JRC_ST_TERMINATED:
		out->channel = dup_or_null(in->channel, oom);
		/* fall through */
	case JRC_ST_EXTENDED:
	case JRC_ST_CLOSED:
		out->reason = dup_or_null(in->reason, oom);
		break;
	case JRC_ST_REDIRECTED:
		out->reason = dup_or_null(in->reason, oom);
		if (!name_missing(refdata_department(db, in->department, &d, err), fail)) {
			snprintf(out->department_zh, sizeof(out->department_zh), "%s", d.name_zh);
			snprintf(out->department_en, sizeof(out->department_en), "%s", d.name_en);
		}
		break;
	case JRC_ST_ANSWERED:
	case JRC_ST_REVIEW_ANSWERED:
	case JRC_ST_REREVIEW_ANSWERED:
		out->answer = dup_or_null(in->answer, oom);
		break;
	default:
		break;
	}
}

/* The latest public hearing: when and where, and its result in plain
 * words once recorded (not the panel's names or what was said). */
static jrc_status hearing_of(jrc_db *db, int64_t case_id, jrc_progress *p, jrc_err *err)
{
	jrc_hearing h;
	jrc_status s;
	int found;

	if ((s = hearing_latest(db, case_id, &h, &found, err)) || !found)
		return s;
	p->has_hearing = 1;
	snprintf(p->hearing_on, sizeof(p->hearing_on), "%s", h.held_on);
	snprintf(p->hearing_at, sizeof(p->hearing_at), "%s", h.at_time);
	p->hearing_place = h.place;
	h.place = NULL;
	p->hearing_result = (int)h.conclusion;
	hearing_free(&h);
	return JRC_OK;
}

static jrc_status build(jrc_db *db, const jrc_case *c, jrc_progress *p, jrc_err *err)
{
	jrc_date today = clock_local_date(clock_now()), due;
	jrc_state stored = lifecycle_case_state(c);
	jrc_department dept;
	jrc_category cat;
	jrc_step *steps;
	size_t n;
	int oom = 0, review;
	jrc_status s, fail = JRC_OK;

	snprintf(p->receipt, sizeof(p->receipt), "%s", c->receipt);
	p->state = lifecycle_effective_state(c, today);
	p->verdict = JRC_VERDICT_NONE;
	snprintf(p->department, sizeof(p->department), "%s", c->department);
	if (!name_missing(refdata_department(db, c->department, &dept, err), &fail)) {
		snprintf(p->department_zh, sizeof(p->department_zh), "%s", dept.name_zh);
		snprintf(p->department_en, sizeof(p->department_en), "%s", dept.name_en);
		/* Its window is one of the hall's: not at another site's. */
		if (queue_at_hall(db))
			snprintf(p->window, sizeof(p->window), "%s", dept.window);
		snprintf(p->department_phone, sizeof(p->department_phone), "%s", dept.phone);
	}
	if (fail != JRC_OK)
		return fail;
	if (!name_missing(refdata_category(db, c->category, &cat, err), &fail)) {
		snprintf(p->category_zh, sizeof(p->category_zh), "%s", cat.name_zh);
		snprintf(p->category_en, sizeof(p->category_en), "%s", cat.name_en);
	}
	if (fail != JRC_OK)
		return fail;
	date_format(lifecycle_local_date_of(c->filed_at), p->filed_on);
	p->anonymous = c->anonymous;
	if (!c->anonymous) {
		mask_name(c->name, p->name, sizeof(p->name));
		mask_phone(c->phone, p->phone, sizeof(p->phone));
	}

	if ((s = lifecycle_steps(db, c->id, &steps, &n, err)) != JRC_OK)
		return s;
	/* The filing, the recorded steps, and a closing that counts but is
	 * not recorded yet. */
	if (!(p->steps = calloc(n + 2, sizeof(*p->steps)))) {
		lifecycle_steps_free(steps, n);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	snprintf(p->steps[0].date, sizeof(p->steps[0].date), "%s", p->filed_on);
	p->steps[0].state = JRC_ST_REGISTERED;
	p->nsteps = 1;
	for (size_t i = 0; i < n && fail == JRC_OK; i++) {
		jrc_state to;

		if (lifecycle_state_parse(steps[i].to_state, &to) != 0)
			continue;
		fill_step(db, &steps[i], to, &p->steps[p->nsteps++], &oom, &fail, err);
		if (lifecycle_is_answer_state(to))
			snprintf(p->answered_on, sizeof(p->answered_on), "%s",
				 p->steps[p->nsteps - 1].date);
	}
	lifecycle_steps_free(steps, n);
	if (fail != JRC_OK)
		return fail;
	if (p->state == JRC_ST_CLOSED && stored != JRC_ST_CLOSED &&
	    date_parse(c->due_on, &due) == 0) {
		jrc_progress_step *last = &p->steps[p->nsteps++];

		memset(last, 0, sizeof(*last));
		date_format(date_add_days(due, 1), last->date);
		last->state = JRC_ST_CLOSED;
	}

	if (lifecycle_deadline_words(p->state) && date_parse(c->due_on, &due) == 0) {
		snprintf(p->due_on, sizeof(p->due_on), "%.10s", c->due_on);
		p->days_left = date_diff(today, due);
	}
	p->answer = dup_or_null(c->answer, &oom);
	if (oom)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if (lifecycle_is_answer_state(p->state)) {
		p->can_give_verdict = 1;
		if ((s = lifecycle_verdict_get(db, c->id, p->state, &p->verdict, NULL, err)))
			return s;
		review = lifecycle_review_next(p->state);
		p->can_request_review = review >= 0;
		p->review_state = review >= 0 ? (jrc_state)review : p->state;
	}
	if ((s = handling_words(db, c->id, &p->handling, err)))
		return s;
	return hearing_of(db, c->id, p, err);
}

jrc_status lookup_progress_of(jrc_db *db, int64_t case_id, jrc_progress *out, jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	memset(out, 0, sizeof(*out));
	if ((s = grievance_get_by_id(db, case_id, &c, err)) != JRC_OK)
		return s;
	s = build(db, &c, out, err);
	grievance_case_free(&c);
	if (s == JRC_OK) {
		jrc_termination *t = malloc(sizeof(*t));
		int found = 0;

		if (!t)
			s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		else if ((s = term_link_of(db, case_id, t, &found, err)) == JRC_OK && found) {
			snprintf(out->concluded_receipt, sizeof(out->concluded_receipt), "%s", t->receipt);
			snprintf(out->concluded_on, sizeof(out->concluded_on), "%s", t->on);
			if (!(out->concluded_channel = strdup(t->channel)))
				s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		}
		free(t);
	}
	if (s != JRC_OK)
		lookup_progress_free(out);
	return s;
}

jrc_status lookup_progress(jrc_db *db, const char *receipt, jrc_proof kind, const char *proof,
			   const char *source, jrc_progress *out, jrc_lookup_info *info,
			   jrc_err *err)
{
	jrc_lookup_info dummy;
	int64_t id = 0;
	jrc_case c;
	jrc_status s;
	jrc_err cerr = { 0 };

	memset(out, 0, sizeof(*out));
	if (!info)
		info = &dummy;
	memset(info, 0, sizeof(*info));
	if ((s = lookup_check_proof(kind, proof, err)) != JRC_OK)
		return s;
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	s = lookup_verify_in_tx(db, receipt, kind, proof, source, &id, info, err);
	if (s == JRC_E_AUTH || s == JRC_E_LOCKED_OUT) {
		/* Keep the failed try: that is what the lock counts. */
		if (db_commit(db, &cerr) != JRC_OK) {
			if (err)
				*err = cerr;
			return cerr.code;
		}
		return s;
	}
	if (s != JRC_OK)
		goto fail;
	if ((s = grievance_get_by_id(db, id, &c, err)) != JRC_OK)
		goto fail;
	s = lifecycle_expire_in_tx(db, &c, NULL, err);
	grievance_case_free(&c);
	if (s != JRC_OK || (s = lookup_progress_of(db, id, out, err)) != JRC_OK)
		goto fail;
	/* The phone digits show the state only: the person complained about
	 * may well know them.  A verdict or a review needs the query code. */
	if (kind != JRC_PROOF_CODE) {
		out->needs_code = out->can_give_verdict || out->can_request_review;
		out->can_give_verdict = 0;
		out->can_request_review = 0;
	}
	if ((s = db_commit(db, err)) != JRC_OK)
		lookup_progress_free(out);
	return s;
fail:
	db_rollback(db);
	return s;
}
