/* jrc visit: leaders' visits (领导下访) from the command line: plan one,
 * list them, cancel one, print its notice for the village board, and
 * report what came of it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/auth.h"
#include "jrc/doc.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/visit.h"

static const struct option visit_opts[] = {
	{ "host", required_argument, NULL, 'H' },
	{ "date", required_argument, NULL, 'd' },
	{ "start", required_argument, NULL, 's' },
	{ "end", required_argument, NULL, 'e' },
	{ "slot", required_argument, NULL, 'm' },
	{ "division", required_argument, NULL, 'w' },
	{ "place", required_argument, NULL, 'p' },
	{ "place-en", required_argument, NULL, 'P' },
	{ "topics", required_argument, NULL, 't' },
	{ "accompany", required_argument, NULL, 'a' },
	{ "reason", required_argument, NULL, 'r' },
	{ "staff", required_argument, NULL, 'S' },
	{ "all", no_argument, NULL, 'A' },
	{ "print", no_argument, NULL, 'R' },
	{ "printer", required_argument, NULL, 'U' },
	{ NULL, 0, NULL, 0 }
};

enum { DO_ADD, DO_LIST, DO_CANCEL, DO_NOTICE, DO_REPORT };

typedef struct visit_args {
	int what;
	int64_t id;
	char actor[48];
} visit_args;

static const char *const verbs[] = { "add", "list", "cancel", "notice", "report" };

/* Options each verb takes, besides --json. */
static const char *const verb_opts[] = { "HdsemwpPtaS", "A", "rS", "RU", "" };

static int visit_check(cli_call *c)
{
	visit_args *a = c->state;
	const struct option *o;
	char *end;
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(c->argv[0], verbs[i]) == 0)
			break;
	if (i == sizeof(verbs) / sizeof(verbs[0]))
		return cli_usage(c->ctx, _("unknown action '%s': use add, list, cancel, notice or report"),
				 c->argv[0]);
	a->what = (int)i;
	for (o = visit_opts; o->name; o++)
		if (cli_has(c, o->val) && !strchr(verb_opts[i], o->val))
			return cli_usage(c->ctx, _("'jrc visit %s' does not take --%s"), verbs[i], o->name);
	if (a->what == DO_ADD || a->what == DO_LIST) {
		if (c->argc > 1)
			return cli_usage(c->ctx, _("'jrc visit %s' takes no visit number"), verbs[i]);
	} else {
		if (c->argc != 2)
			return cli_usage(c->ctx, _("give the number of the visit ('jrc visit list')"));
		a->id = strtoll(c->argv[1], &end, 10);
		if (!*c->argv[1] || *end || a->id <= 0)
			return cli_usage(c->ctx, _("'%s' is not a visit number: see 'jrc visit list'"),
					 c->argv[1]);
	}
	if (a->what == DO_ADD) {
		if (!cli_has(c, 'H') || !cli_has(c, 'd') || !cli_has(c, 's') || !cli_has(c, 'e') ||
		    !cli_has(c, 'w') || !cli_has(c, 'p'))
			return cli_usage(c->ctx, _("a visit needs --host, --date, --start, --end, --division and --place"));
	}
	if (a->what == DO_CANCEL && !cli_has(c, 'r'))
		return cli_usage(c->ctx, _("say why the visit is cancelled with --reason"));
	snprintf(a->actor, sizeof(a->actor), "cli");
	if (cli_has(c, 'S'))
		snprintf(a->actor, sizeof(a->actor), "staff:%s", cli_arg(c, 'S'));
	if (cli_has(c, 'U') && !cli_has(c, 'R'))
		return cli_usage(c->ctx, _("--printer goes with --print"));
	if (a->what == DO_LIST || a->what == DO_REPORT || (a->what == DO_NOTICE && !cli_has(c, 'R')))
		c->db_flags |= JRC_DB_READONLY;
	return 0;
}

static void visit_json(json_out *j, const void *row, const void *arg)
{
	const jrc_visit *v = row;
	char day[11], hours[16], start[6], end[6];

	(void)arg;
	date_format(v->day, day);
	visit_hours(v, hours);
	snprintf(start, sizeof(start), "%.5s", hours);
	snprintf(end, sizeof(end), "%.5s", hours + 6);
	json_int(j, "id", v->id);
	json_str(j, "host", v->host.id);
	json_str(j, "host_name", i18n_pick(v->host.name, v->host.name_en));
	json_str(j, "title", i18n_pick(v->host.title, v->host.title_en));
	json_str(j, "date", day);
	json_str(j, "start", start);
	json_str(j, "end", end);
	json_int(j, "slot_minutes", v->slot_minutes);
	json_str(j, "township", v->township);
	json_str(j, "village", *v->village ? v->village : NULL);
	json_str(j, "place", v->place);
	json_str(j, "place_en", v->place_en);
	json_str(j, "topics", v->topics);
	json_str(j, "accompany", v->accompany);
	json_bool(j, "cancelled", *v->cancelled_at);
	json_str(j, "cancel_reason", *v->cancelled_at ? v->cancel_reason : NULL);
}

static void print_visit(const jrc_visit *v)
{
	char line[512], day[11];

	date_format(v->day, day);
	visit_announcement(v, line, sizeof(line));
	printf("%3" PRId64 "  %s  %s  %s%s\n", v->id, day, v->host.id, line,
	       *v->cancelled_at ? _("  [cancelled]") : "");
}

static int add_run(cli_call *c)
{
	visit_args *a = c->state;
	jrc_visit_in in = { 0 };
	jrc_visit v;
	int64_t id;

	in.host = cli_arg(c, 'H');
	in.date = cli_arg(c, 'd');
	in.start = cli_arg(c, 's');
	in.end = cli_arg(c, 'e');
	in.slot = cli_arg(c, 'm');
	in.division = cli_arg(c, 'w');
	in.place = cli_arg(c, 'p');
	in.place_en = cli_arg(c, 'P');
	in.topics = cli_arg(c, 't');
	in.accompany = cli_arg(c, 'a');
	in.actor = a->actor;
	if (visit_add(c->db, &in, 0, &id, &c->err) != JRC_OK ||
	    visit_get(c->db, id, &v, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		visit_json(&j, &v, NULL);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("Visit %" PRId64 " planned.\n"), id);
		print_visit(&v);
	}
	return 0;
}

static int list_run(cli_call *c)
{
	jrc_visit *v;
	size_t n;

	if (visit_list(c->db, NULL, cli_has(c, 'A'), &v, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(v, n, sizeof(*v), visit_json, NULL);
	else if (!n)
		printf("%s\n", _("No visits planned."));
	for (size_t i = 0; !c->json && i < n; i++)
		print_visit(&v[i]);
	free(v);
	return 0;
}

static int cancel_run(cli_call *c)
{
	visit_args *a = c->state;
	long booked = 0;

	if (visit_cancel(c->db, a->id, cli_arg(c, 'r'), a->actor, &booked, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_int(&j, "id", a->id);
		json_bool(&j, "cancelled", 1);
		json_int(&j, "bookings_cancelled", booked);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("Visit %" PRId64 " cancelled.\n"), a->id);
		if (booked)
			printf(_("%ld booking(s) at it were cancelled too: tell those citizens (jrc list shows their cases).\n"),
			       booked);
	}
	return 0;
}

/* The notice for the village board: on the receipt printer with
 * --print, else its lines on standard output, as wide as 80 mm paper. */
static int notice_run(cli_call *c)
{
	visit_args *a = c->state;
	jrc_doc doc;
	char **lines;
	size_t n;
	int printed = 0;

	if (cli_has(c, 'R')) {
		if (visit_notice_print(c->db, a->id, cli_arg(c, 'U'), &printed, &c->err) != JRC_OK)
			return CLI_ERR;
		if (printed)
			printf(_("The notice of visit %" PRId64 " was sent to the printer.\n"), a->id);
		else
			printf("%s\n", _("No printer is set up here (printer \"none\"): nothing was printed. Set one with 'jrc settings printer URI', or give --printer URI."));
		return 0;
	}
	if (visit_notice_doc(c->db, a->id, doc_paper_cols(80), &doc, &c->err) != JRC_OK)
		return CLI_ERR;
	n = doc_render_text(&doc, 0, &lines);
	doc_free(&doc);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", lines[i]);
	doc_lines_free(lines, n);
	return 0;
}

static const char *verdict_word(const char *v)
{
	if (strcmp(v, "satisfied") == 0)
		return _("satisfied");
	if (strcmp(v, "basic") == 0)
		return _("basically satisfied");
	if (strcmp(v, "unsatisfied") == 0)
		return _("not satisfied");
	return _("no verdict yet");
}

static int report_run(cli_call *c)
{
	visit_args *a = c->state;
	jrc_visit_report r;
	char line[512];

	if (visit_report(c->db, a->id, &r, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_obj_open(&j, "visit");
		visit_json(&j, &r.visit, NULL);
		json_obj_close(&j);
		json_int(&j, "booked", r.booked);
		json_int(&j, "raised", r.raised);
		json_int(&j, "found", r.found);
		json_int(&j, "on_spot", r.on_spot);
		json_int(&j, "assigned", r.assigned);
		json_int(&j, "open", r.open);
		json_int(&j, "overdue", r.overdue);
		json_int(&j, "answered", r.answered);
		json_obj_open(&j, "verdicts");
		json_int(&j, "satisfied", r.satisfied);
		json_int(&j, "basic", r.basic);
		json_int(&j, "unsatisfied", r.unsatisfied);
		json_obj_close(&j);
		json_arr_open(&j, "cases");
		for (size_t i = 0; i < r.ncases; i++) {
			const jrc_visit_case *k = &r.cases[i];

			json_obj_open(&j, NULL);
			json_str(&j, "receipt", k->receipt);
			json_str(&j, "category", k->category);
			json_str(&j, "department", k->department);
			json_str(&j, "state", k->state);
			json_bool(&j, "found", k->found);
			json_bool(&j, "on_spot", k->on_spot);
			json_bool(&j, "overdue", k->overdue);
			json_str(&j, "verdict", *k->verdict ? k->verdict : NULL);
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_obj_close(&j);
		json_end(&j);
		visit_report_free(&r);
		return 0;
	}
	visit_announcement(&r.visit, line, sizeof(line));
	printf(_("Visit %" PRId64 ": %s\n"), r.visit.id, line);
	if (*r.visit.cancelled_at)
		printf(_("Cancelled: %s\n"), r.visit.cancel_reason);
	printf(_("Booked citizens:     %ld\n"), r.booked);
	printf(_("Matters raised:      %ld (found by the visit: %ld)\n"), r.raised, r.found);
	printf(_("Solved on the spot:  %ld\n"), r.on_spot);
	printf(_("Assigned, in hand:   %ld\n"), r.assigned);
	printf(_("Still open:          %ld (overdue: %ld)\n"), r.open, r.overdue);
	printf(_("Answered:            %ld\n"), r.answered);
	printf(_("Verdicts:            satisfied %ld, basically satisfied %ld, not satisfied %ld\n"),
	       r.satisfied, r.basic, r.unsatisfied);
	for (size_t i = 0; i < r.ncases; i++) {
		const jrc_visit_case *k = &r.cases[i];

		printf("  %-18s %-4s %-6s %-18s %s%s%s%s\n", k->receipt, k->category, k->department,
		       k->state, verdict_word(k->verdict), k->found ? _(", found by the visit") : "",
		       k->on_spot ? _(", solved on the spot") : "", k->overdue ? _(", OVERDUE") : "");
	}
	visit_report_free(&r);
	return 0;
}

static int visit_run(cli_call *c)
{
	visit_args *a = c->state;

	switch (a->what) {
	case DO_ADD:
		return add_run(c);
	case DO_LIST:
		return list_run(c);
	case DO_CANCEL:
		return cancel_run(c);
	case DO_NOTICE:
		return notice_run(c);
	default:
		return report_run(c);
	}
}

/* ---------------------------------------------- jrc file --source visit */

int cli_file_visit_check(cli_call *c)
{
	const char *src = cli_arg(c, 's');
	char *end;
	long long id;

	if (src && strcmp(src, "visit") && strcmp(src, "kiosk") && strcmp(src, "desk") &&
	    strcmp(src, "cli"))
		return cli_usage(c->ctx, _("--source must be kiosk, desk, cli or visit"));
	if (src && strcmp(src, "visit") == 0 && !cli_has(c, 'V'))
		return cli_usage(c->ctx, _("--source visit needs --visit ID: the number of the visit ('jrc visit list')"));
	if (src && strcmp(src, "visit") != 0) {
		if (cli_has(c, 'V'))
			return cli_usage(c->ctx, _("--visit goes with --source visit"));
		if (cli_has(c, 'C') && strcmp(cli_arg(c, 'C'), src) != 0)
			return cli_usage(c->ctx, _("--source and --channel say different things: give one"));
		c->arg['C'] = src;
	}
	if (!cli_has(c, 'V')) {
		if (cli_has(c, 'F') || cli_has(c, 'O'))
			return cli_usage(c->ctx, _("--found and --solved go with --visit ID"));
		return 0;
	}
	id = strtoll(cli_arg(c, 'V'), &end, 10);
	if (!*cli_arg(c, 'V') || *end || id <= 0)
		return cli_usage(c->ctx, _("'%s' is not a visit number: see 'jrc visit list'"),
				 cli_arg(c, 'V'));
	if (cli_has(c, 'F') && (cli_has(c, 'n') || cli_last(c, 'i', 'o') || cli_has(c, 'p')))
		return cli_usage(c->ctx, _("a matter found by the visit has no complainant: leave out --name, --id-number and --phone"));
	return 0;
}

jrc_status cli_file_visit(cli_call *c, jrc_intake *in, jrc_case *out)
{
	jrc_visit_matter_in vm = { 0 };
	jrc_staff who;
	char actor[48];

	vm.visit_id = strtoll(cli_arg(c, 'V'), NULL, 10);
	vm.found = cli_has(c, 'F');
	vm.solved = cli_arg(c, 'O');
	vm.actor = "cli";
	vm.role = JRC_ROLE_SUPERVISOR;
	if (cli_has(c, 'S')) {
		if (auth_staff_get(c->db, cli_arg(c, 'S'), &who, &c->err) != JRC_OK)
			return c->err.code;
		snprintf(actor, sizeof(actor), "staff:%s", who.id);
		vm.actor = actor;
		vm.role = who.role;
		vm.actor_department = who.department;
	}
	return visit_file(c->db, in, &vm, out, &c->err);
}

void cli_json_visit(json_out *j, jrc_db *db, int64_t case_id)
{
	int64_t id;
	int found;

	if (visit_of_case(db, case_id, &id, &found)) {
		json_str(j, "source", "visit");
		json_int(j, "visit", id);
		json_bool(j, "found_by_visit", found);
	} else {
		json_null(j, "visit");
	}
}

void cli_print_visit(jrc_db *db, int64_t case_id)
{
	int64_t id;
	int found;

	if (visit_of_case(db, case_id, &id, &found))
		printf(found ? _("Source:      found on visit %" PRId64 " (no complainant)\n")
			     : _("Source:      raised on visit %" PRId64 "\n"), id);
}

const cli_command cli_cmd_visit = {
	.name = "visit",
	.summary = N_("plan, list, cancel, announce and report leaders' visits (领导下访)"),
	.help = N_("Usage: jrc visit add --host ID --date YYYY-MM-DD --start HH:MM --end HH:MM\n"
		   "                     --division CODE --place TEXT [--place-en TEXT]\n"
		   "                     [--slot MINUTES] [--topics CODES] [--accompany TEXT]\n"
		   "                     [--staff ID] [--json]\n"
		   "       jrc visit list [--all] [--json]\n"
		   "       jrc visit cancel ID --reason TEXT [--staff ID] [--json]\n"
		   "       jrc visit notice ID [--print [--printer URI]]\n"
		   "       jrc visit report ID [--json]\n"
		   "A leader of the roster goes to a township or village (--division, see\n"
		   "'jrc divisions') to receive citizens.  Citizens book a time there as on\n"
		   "a reception day ('jrc book RECEIPT --host ID --slot TIME'); the kiosks of\n"
		   "that township and of the county center announce it.  --slot gives the\n"
		   "minutes per citizen (default 30); --topics the categories it is for\n"
		   "(LAN;VIL).\n"
		   "list shows the visits still standing (--all: the cancelled ones too).\n"
		   "cancel cancels a visit not yet begun, and the bookings at it.  notice\n"
		   "shows the notice for the village board (--print: on the receipt\n"
		   "printer, or the one --printer names).  report says what came of it:\n"
		   "matters raised ('jrc file --visit ID'), solved on the spot, assigned,\n"
		   "still open, overdue, and the citizens' verdicts.\n"),
	.opts = visit_opts,
	.min_args = 1, .max_args = 2,
	.few = N_("say what to do: add, list, cancel, notice or report"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(visit_args),
	.check = visit_check,
	.run = visit_run,
};
