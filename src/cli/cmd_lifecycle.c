/* jrc move, status, feedback, tick: the lifecycle from the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jrc/alert.h"
#include "jrc/survey.h"
#include "json.h"
#include "jrc/hearing.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/sms.h"
#include "jrc/help.h"
#include "jrc/lifecycle.h"
#include "jrc/lookup.h"
#include "jrc/site.h"

static const struct option move_opts[] = {
	{ "reason", required_argument, NULL, 'r' },
	{ "answer", required_argument, NULL, 'a' },
	{ "channel", required_argument, NULL, 'c' },
	{ "department", required_argument, NULL, 'd' },
	{ "staff", required_argument, NULL, 'S' },
	{ "role", required_argument, NULL, 'R' },
	{ "staff-department", required_argument, NULL, 'D' },
	{ NULL, 0, NULL, 0 }
};

typedef struct move_args {
	jrc_move mv;
	char actor[48];
} move_args;

static int move_check(cli_call *c)
{
	move_args *m = c->state;
	jrc_move *mv = &m->mv;
	const char *staff = cli_arg(c, 'S');
	char states[256];
	int rc;

	mv->role = JRC_ROLE_SUPERVISOR;
	mv->actor = "cli";
	if (cli_has(c, 'R') &&
	    (lifecycle_role_parse(cli_arg(c, 'R'), &mv->role) != 0 ||
	     mv->role == JRC_ROLE_CITIZEN || mv->role == JRC_ROLE_SYSTEM))
		return cli_usage(c->ctx, _("the role must be desk, handler, supervisor or admin"));
	if ((rc = cli_receipt_arg(c->ctx, c->argv[0], c->receipt)))
		return rc;
	if (lifecycle_state_parse(c->argv[1], &mv->to) != 0) {
		lifecycle_state_list(states, sizeof(states));
		return cli_usage(c->ctx, _("unknown state '%s' (%s)"), c->argv[1], states);
	}
	mv->reason = cli_arg(c, 'r');
	mv->channel = cli_arg(c, 'c');
	mv->department = cli_arg(c, 'd');
	mv->actor_department = cli_arg(c, 'D');
	if (mv->role == JRC_ROLE_HANDLER && (!mv->actor_department || !*mv->actor_department))
		return cli_usage(c->ctx, _("a handler acts for a department: give --staff-department CODE"));
	if (staff) {
		if (auth_check_staff_id(staff, NULL) != JRC_OK)
			return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
		snprintf(m->actor, sizeof(m->actor), "staff:%s", staff);
		mv->actor = m->actor;
	}
	if ((rc = cli_text_arg(c, 'a')))
		return rc;
	mv->answer = cli_arg(c, 'a');
	return 0;
}

static int move_run(cli_call *c)
{
	move_args *m = c->state;
	jrc_case before, after;

	if (grievance_get(c->db, c->receipt, &before, &c->err) != JRC_OK)
		return CLI_ERR;
	if (lifecycle_move(c->db, c->receipt, &m->mv, &after, &c->err) != JRC_OK) {
		grievance_case_free(&before);
		return CLI_ERR;
	}
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "receipt", after.receipt);
		json_str(&j, "from", lifecycle_state_name(before.state));
		json_str(&j, "state", lifecycle_state_name(after.state));
		json_str(&j, "department", after.department);
		json_str(&j, "due_on", *after.due_on ? after.due_on : NULL);
		json_bool(&j, "extended", after.extended);
		json_obj_close(&j);
		json_end(&j);
	} else if (*after.due_on) {
		printf(_("%s: %s -> %s; next deadline %s.\n"), after.receipt,
		       lifecycle_state_name(before.state), lifecycle_state_name(after.state),
		       after.due_on);
	} else {
		printf(_("%s: %s -> %s; no deadline runs.\n"), after.receipt,
		       lifecycle_state_name(before.state), lifecycle_state_name(after.state));
	}
	grievance_case_free(&before);
	grievance_case_free(&after);
	return 0;
}

static void move_help(FILE *f)
{
	char states[256];

	lifecycle_state_list(states, sizeof(states));
	fprintf(f, _("Usage: jrc move RECEIPT STATE [--reason TEXT] [--answer TEXT]\n"
		     "                [--channel TEXT] [--department CODE] [--staff ID]\n"
		     "                [--role desk|handler|supervisor|admin]\n"
		     "                [--staff-department CODE] [--json]\n"
		     "Move a case to another state and start the deadline that state runs.\n"
		     "States: %s.\n"
		     "declined needs --reason and --channel (where the citizen should go\n"
		     "instead); redirected needs --reason and --department; extended needs\n"
		     "--reason and is allowed once; answered, review_answered and\n"
		     "rereview_answered need --answer (--answer - reads standard input).\n"
		     "The role defaults to supervisor; a handler acts only on cases of\n"
		     "--staff-department.  A move that is not allowed exits 2 and names the\n"
		     "moves that are.\n"), states);
}

const cli_command cli_cmd_move = {
	.name = "move",
	.summary = N_("move a case to another state (accept, answer, close ...)"),
	.help_fn = move_help,
	.opts = move_opts,
	.min_args = 2, .max_args = 2,
	.few = N_("give a receipt number and the new state"),
	.many = N_("give a receipt number and the new state"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(move_args),
	.check = move_check,
	.run = move_run,
};

/* ---------------------------------------------------------------- status */

/* The terminal a command line's lookups count against: the site (each
 * try is a new process, so the site's command line is one terminal). */
static void lookup_source(jrc_db *db, char out[40])
{
	char site[16] = "";

	if (db_setting_get(db, "site_code", NULL, site, sizeof(site), NULL) != JRC_OK || !*site)
		snprintf(site, sizeof(site), "PJ");
	snprintf(out, 40, "cli:%s", site);
}

static const char *pick(const char *zh, const char *en)
{
	return *zh || *en ? i18n_pick(zh, en) : "";
}

static void print_text(const char *label, const char *text)
{
	const char *p = text, *nl;

	printf("    %s", label);
	/* Keep the citizen's lines, indented under the label. */
	while ((nl = strchr(p, '\n'))) {
		printf("%.*s\n      ", (int)(nl - p), p);
		p = nl + 1;
	}
	printf("%s\n", p);
}

static void print_deadline(const jrc_progress *p)
{
	const char *what = lifecycle_deadline_words(p->state);

	if (!what || !*p->due_on)
		return;
	if (p->days_left > 0)
		printf(_("Next deadline: %s %s (days left: %ld).\n"), what, p->due_on, p->days_left);
	else if (p->days_left == 0)
		printf(_("Next deadline: %s %s (that is today).\n"), what, p->due_on);
	else
		printf(_("Next deadline: %s %s (days overdue: %ld).\n"), what, p->due_on,
		       -p->days_left);
}

static void print_progress(const jrc_progress *p)
{
	size_t last_answer = p->nsteps;

	for (size_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].answer)
			last_answer = i;
	printf(_("Number:      %s\n"), p->receipt);
	printf(_("Kind:        %s\n"), pick(p->category_zh, p->category_en));
	if (!p->anonymous)
		printf(_("Filed by:    %s  %s\n"), p->name, p->phone);
	printf(_("Where it stands: %s\n"), lifecycle_state_words(p->state));
	if (p->concluded_channel) {
		printf(_("This matter was already lawfully concluded on %s (number %s): offices will not take it up again for the same facts and reasons.\n"),
		       p->concluded_on, p->concluded_receipt);
		print_text(_("Where you can still go: "), p->concluded_channel);
	}
	if (*p->window)
		printf(_("Department:  %s (window %s, phone %s)\n"),
		       pick(p->department_zh, p->department_en), p->window, p->department_phone);
	else    /* away from the hall whose windows these are */
		printf(_("Department:  %s (phone %s)\n"),
		       pick(p->department_zh, p->department_en), p->department_phone);
	print_deadline(p);
	{
		char handling[1024];

		handling_sentence(&p->handling, handling, sizeof(handling));
		if (*handling)
			printf("%s\n", handling);
	}
	if (p->has_hearing && p->hearing_result == JRC_CONCLUSION_NONE)
		printf(_("Public hearing on your matter: %s %s, %s\n"), p->hearing_on, p->hearing_at,
		       p->hearing_place ? p->hearing_place : "");
	else if (p->has_hearing)
		printf(_("Result of the public hearing (%s): %s\n"), p->hearing_on,
		       hearing_conclusion_words((jrc_conclusion)p->hearing_result));
	printf(_("Progress:\n"));
	for (size_t i = 0; i < p->nsteps; i++) {
		const jrc_progress_step *s = &p->steps[i];

		printf("  %s  %s\n", s->date, lifecycle_state_label(s->state));
		if (*s->department_zh || *s->department_en)
			print_text(_("Passed to: "), pick(s->department_zh, s->department_en));
		if (s->reason)
			print_text(_("Why: "), s->reason);
		if (s->channel)
			print_text(s->state == JRC_ST_TERMINATED ? _("Where you can still go: ")
								 : _("Where to go instead: "), s->channel);
		if (s->answer && i != last_answer)
			print_text(_("Answer: "), s->answer);
	}
	if (p->answer && last_answer < p->nsteps) {
		printf(_("Written answer (%s):\n"), p->answered_on);
		print_text("", p->answer);
	}
	if (p->verdict != JRC_VERDICT_NONE)
		printf(_("Your verdict on the answer: %s.\n"), lifecycle_verdict_words(p->verdict));
	if (p->needs_code)
		printf(_("To give your verdict or ask for a review, look the matter up with the 6-digit query code on the receipt (or ask at the front desk): the phone digits show where it stands only.\n"));
	if (p->can_request_review && p->review_state == JRC_ST_REVIEW_REQUESTED)
		printf(_("If you are not satisfied you may ask for a review until %s: jrc feedback %s --code CODE --verdict unsatisfied --request-review\n"),
		       p->due_on, p->receipt);
	else if (p->can_request_review)
		printf(_("If you are not satisfied you may ask for a re-review until %s: jrc feedback %s --code CODE --verdict unsatisfied --request-review\n"),
		       p->due_on, p->receipt);
}

static void json_progress(const jrc_progress *p)
{
	json_out j;
	const char *what = lifecycle_deadline_words(p->state);

	json_begin(&j, stdout);
	json_obj_open(&j, NULL);
	json_str(&j, "receipt", p->receipt);
	json_str(&j, "state", lifecycle_state_name(p->state));
	json_str(&j, "state_words", lifecycle_state_words(p->state));
	json_str(&j, "category", pick(p->category_zh, p->category_en));
	json_str(&j, "filed_on", p->filed_on);
	json_bool(&j, "anonymous", p->anonymous);
	json_str(&j, "name", p->anonymous ? NULL : p->name);
	json_str(&j, "phone", p->anonymous ? NULL : p->phone);
	json_obj_open(&j, "department");
	json_str(&j, "code", p->department);
	json_str(&j, "name", pick(p->department_zh, p->department_en));
	json_str(&j, "window", p->window);
	json_str(&j, "phone", p->department_phone);
	json_obj_close(&j);
	if (what && *p->due_on) {
		json_obj_open(&j, "next_deadline");
		json_str(&j, "date", p->due_on);
		json_int(&j, "days_left", p->days_left);
		json_str(&j, "what", what);
		json_obj_close(&j);
	} else {
		json_null(&j, "next_deadline");
	}
	json_arr_open(&j, "timeline");
	for (size_t i = 0; i < p->nsteps; i++) {
		const jrc_progress_step *s = &p->steps[i];

		json_obj_open(&j, NULL);
		json_str(&j, "date", s->date);
		json_str(&j, "state", lifecycle_state_name(s->state));
		json_str(&j, "label", lifecycle_state_label(s->state));
		if (*s->department_zh || *s->department_en)
			json_str(&j, "passed_to", pick(s->department_zh, s->department_en));
		if (s->reason)
			json_str(&j, "reason", s->reason);
		if (s->channel)
			json_str(&j, "channel", s->channel);
		if (s->answer)
			json_str(&j, "answer", s->answer);
		json_obj_close(&j);
	}
	json_arr_close(&j);
	json_str(&j, "answer", p->answer);
	json_str(&j, "answered_on", *p->answered_on ? p->answered_on : NULL);
	json_str(&j, "verdict", p->verdict == JRC_VERDICT_NONE ? NULL :
		 lifecycle_verdict_name(p->verdict));
	json_bool(&j, "can_give_verdict", p->can_give_verdict);
	json_bool(&j, "can_request_review", p->can_request_review);
	json_bool(&j, "needs_code", p->needs_code);
	if (p->has_hearing) {
		json_obj_open(&j, "hearing");
		json_str(&j, "date", p->hearing_on);
		json_str(&j, "time", p->hearing_at);
		json_str(&j, "place", p->hearing_place);
		json_str(&j, "result", p->hearing_result ?
			 hearing_conclusion_name((jrc_conclusion)p->hearing_result) : NULL);
		json_str(&j, "result_words", p->hearing_result ?
			 hearing_conclusion_words((jrc_conclusion)p->hearing_result) : NULL);
		json_obj_close(&j);
	} else {
		json_null(&j, "hearing");
	}
	{
		char handling[1024];

		handling_sentence(&p->handling, handling, sizeof(handling));
		json_str(&j, "handling", *handling ? handling : NULL);
	}
	if (p->concluded_channel) {
		json_obj_open(&j, "concluded_before");
		json_str(&j, "receipt", p->concluded_receipt);
		json_str(&j, "on", p->concluded_on);
		json_str(&j, "channel", p->concluded_channel);
		json_obj_close(&j);
	}
	json_obj_close(&j);
	json_end(&j);
}

static const struct option status_opts[] = {
	{ "code", required_argument, NULL, 'c' },
	{ "phone-last4", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 }
};

static int status_check(cli_call *c)
{
	if (!cli_has(c, 'c') == !cli_has(c, 'p'))
		return cli_usage(c->ctx, _("give either --code (6 digits on the receipt) or --phone-last4"));
	return 0;
}

static int status_run(cli_call *c)
{
	const char *code = cli_arg(c, 'c');
	char source[40];
	jrc_progress p;

	lookup_source(c->db, source);
	if (lookup_progress(c->db, c->receipt, code ? JRC_PROOF_CODE : JRC_PROOF_PHONE4,
			    code ? code : cli_arg(c, 'p'), source, &p, NULL, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_progress(&p);
	else
		print_progress(&p);
	lookup_progress_free(&p);
	return 0;
}

const cli_command cli_cmd_status = {
	.name = "status",
	.summary = N_("show a citizen where their matter stands"),
	.help = N_("Usage: jrc status RECEIPT (--code NNNNNN | --phone-last4 NNNN) [--json]\n"
		   "Show a citizen where their matter stands: the department, the dates,\n"
		   "the next deadline and the written answer; personal data masked.\n"
		   "The phone digits show where the matter stands only; a verdict or a review\n"
		   "needs the query code.  Wrong tries slow this site's command line down and\n"
		   "pause it after a few; five on one number within an hour stop the phone\n"
		   "digits for that number for an hour (the query code still works).\n"),
	.opts = status_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give exactly one receipt number"),
	.many = N_("give exactly one receipt number"),
	.flags = CLI_DB | CLI_JSON | CLI_RECEIPT,
	.check = status_check,
	.run = status_run,
};

/* ---------------------------------------------------------------- feedback */

static const struct option feedback_opts[] = {
	{ "code", required_argument, NULL, 'c' },
	{ "verdict", required_argument, NULL, 'v' },
	{ "comment", required_argument, NULL, 'C' },
	{ "request-review", no_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 }
};

static int feedback_check(cli_call *c)
{
	jrc_feedback *fb = c->state;

	fb->verdict = JRC_VERDICT_NONE;
	if (cli_has(c, 'v') && lifecycle_verdict_parse(cli_arg(c, 'v'), &fb->verdict) != 0)
		return cli_usage(c->ctx, _("the verdict must be satisfied, basic or unsatisfied"));
	fb->comment = cli_arg(c, 'C');
	fb->request_review = cli_has(c, 'r');
	if (!cli_has(c, 'c'))
		return cli_usage(c->ctx, _("--code is needed: the 6 digits on the receipt"));
	if (fb->verdict == JRC_VERDICT_NONE)
		return cli_usage(c->ctx, _("--verdict is needed: satisfied, basic or unsatisfied"));
	if (fb->request_review && fb->verdict != JRC_VERDICT_UNSATISFIED)
		return cli_usage(c->ctx, _("--request-review goes with --verdict unsatisfied"));
	return 0;
}

static int feedback_run(cli_call *c)
{
	jrc_feedback *fb = c->state;
	char source[40];
	jrc_case k;

	lookup_source(c->db, source);
	if (lookup_verify(c->db, c->receipt, JRC_PROOF_CODE, cli_arg(c, 'c'), source, NULL, NULL,
			  &c->err) != JRC_OK ||
	    lifecycle_feedback(c->db, c->receipt, fb, &k, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "receipt", k.receipt);
		json_str(&j, "verdict", lifecycle_verdict_name(fb->verdict));
		json_str(&j, "state", lifecycle_state_name(k.state));
		json_str(&j, "due_on", *k.due_on ? k.due_on : NULL);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("Thank you: your verdict (%s) is recorded.\n"),
		       lifecycle_verdict_words(fb->verdict));
		if (k.state == JRC_ST_CLOSED)
			printf(_("The matter is now closed.\n"));
		else if (k.state == JRC_ST_REVIEW_REQUESTED)
			printf(_("Your request for a review is recorded: its answer is due by %s.\n"),
			       k.due_on);
		else if (k.state == JRC_ST_REREVIEW_REQUESTED)
			printf(_("Your request for a re-review is recorded: its answer is due by %s.\n"),
			       k.due_on);
	}
	grievance_case_free(&k);
	return 0;
}

static void feedback_help(FILE *f)
{
	fprintf(f, _("Usage: jrc feedback RECEIPT --code NNNNNN --verdict satisfied|basic|unsatisfied\n"
		     "                [--comment TEXT] [--request-review] [--json]\n"
		     "Record the citizen's verdict on the written answer.  satisfied and basic\n"
		     "(basically satisfied) close the matter.  unsatisfied with --request-review,\n"
		     "within %d days of the answer, asks for a review (after a review: a\n"
		     "re-review) and prints its deadline.\n"), JRC_REVIEW_DAYS);
}

const cli_command cli_cmd_feedback = {
	.name = "feedback",
	.summary = N_("record a citizen's verdict on the answer, or ask for review"),
	.help_fn = feedback_help,
	.opts = feedback_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give exactly one receipt number"),
	.many = N_("give exactly one receipt number"),
	.flags = CLI_DB | CLI_JSON | CLI_RECEIPT,
	.state_size = sizeof(jrc_feedback),
	.check = feedback_check,
	.run = feedback_run,
};

/* ---------------------------------------------------------------- tick */

static int tick_run(cli_call *c)
{
	long closed = 0, sealed = 0, alerted = 0, reminders = 0, wiped = 0;
	char today[11];

	if (lifecycle_close_expired(c->db, &closed, &c->err) != JRC_OK)
		return CLI_ERR;
	/* Survey answers and service ratings of the days before: into the
	 * record (survey.c). */
	date_format(clock_local_date(clock_now()), today);
	if (survey_seal(c->db, today, &sealed, &c->err) != JRC_OK)
		return CLI_ERR;
	/* Departments' overdue counts against the early-warning rules. */
	if (alert_evaluate_overdue(c->db, &alerted, &c->err) != JRC_OK)
		return CLI_ERR;
	/* SMS reminders of tomorrow's bookings (sent by 'jrc sms send'). */
	if (sms_queue_reminders(c->db, &reminders, &c->err) != JRC_OK)
		return CLI_ERR;
	/* Drafts handed to staff and not filed in time: wiped (help.h). */
	if (help_request_expire(c->db, &wiped, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		printf("{\"closed\":%ld,\"answers_sealed\":%ld,\"overdue_alerts\":%ld,"
		       "\"sms_reminders\":%ld,\"help_drafts_wiped\":%ld}\n", closed, sealed, alerted,
		       reminders, wiped);
	} else {
		if (reminders)
			printf(_("SMS reminders queued for tomorrow's bookings: %ld\n"), reminders);
		if (alerted)
			printf(_("Overdue alerts raised or joined: %ld\n"), alerted);
		if (wiped)
			printf(_("Expired help drafts wiped: %ld\n"), wiped);
		if (sealed)
			printf(_("Survey answers and service ratings put into the record: %ld\n"), sealed);
		printf(_("Cases closed because no review was asked in time: %ld\n"), closed);
	}
	return 0;
}

static void tick_help(FILE *f)
{
	fprintf(f, _("Usage: jrc tick [--json]\n"
		     "Record as closed every answered case whose %d days to ask for a review\n"
		     "have passed.  Run it daily (cron or a systemd timer); running it twice\n"
		     "changes nothing more.\n"), JRC_REVIEW_DAYS);
	fputs(_("It also holds each department's overdue cases against the early-warning\n"
		"rules (data/alerts.csv) and raises an alert, or adds to the open one.\n"), f);
	fputs(_("And it queues the SMS reminders of tomorrow's bookings ('jrc sms').\n"), f);
	fputs(_("It wipes the drafts handed to staff at a kiosk that were not filed\n"
		"before they expired (the help_expiry setting).\n"), f);
}

const cli_command cli_cmd_tick = {
	.name = "tick",
	.summary = N_("close answered cases whose time to ask for review has passed"),
	.help_fn = tick_help,
	.flags = CLI_DB | CLI_JSON,
	.run = tick_run,
};
