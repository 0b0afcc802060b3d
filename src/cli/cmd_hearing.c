/* jrc hearing: public appraisal hearings (公开评议) from the command line:
 * schedule one (add), record it, list them, show one, print its notice,
 * and list the panel members who may sit. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/auth.h"
#include "jrc/hearing.h"
#include "jrc/mask.h"
#include "jrc/i18n.h"
#include "jrc/printer.h"
#include "jrc/slip.h"

/* A hearing number operand: 0 and the id, or the exit code after saying. */
static int id_arg(cli_call *c, const char *arg, int64_t *id)
{
	char *end;
	long long v = arg ? strtoll(arg, &end, 10) : 0;

	if (!arg || !*arg || *end || v <= 0)
		return cli_usage(c->ctx, _("'%s' is not a hearing number: give the number that 'jrc hearing list' shows"),
				 arg ? arg : "");
	*id = v;
	return 0;
}

static int staff_arg(cli_call *c)
{
	if (!cli_has(c, 'S'))
		return cli_usage(c->ctx, _("say who acts: give your staff ID with --staff"));
	if (auth_check_staff_id(cli_arg(c, 'S'), NULL) != JRC_OK)
		return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
	return 0;
}

static void seat_json(json_out *j, const void *row, const void *arg)
{
	const jrc_panel_seat *p = row;

	(void)arg;
	json_str(j, "member", p->member);
	json_str(j, "name", p->name);
	json_str(j, "title", p->title);
	json_str(j, "opinion", p->opinion ? hearing_opinion_name(p->opinion) : NULL);
	json_str(j, "reason", p->reason);
}

/* The citizen's name as shown: masked ("王*") as by 'jrc show', unless
 * unmasked. */
static const char *shown_citizen(const jrc_hearing *h, int unmasked, char *buf, size_t size)
{
	if (unmasked || !h->citizen)
		return h->citizen;
	mask_name(h->citizen, buf, size);
	return buf;
}

/* A hearing in --json; arg points to the unmasked flag (NULL: masked). */
static void hearing_json(json_out *j, const void *row, const void *arg)
{
	const jrc_hearing *h = row;
	char name[128];

	json_int(j, "id", h->id);
	json_str(j, "receipt", h->receipt);
	json_str(j, "department", h->department);
	json_str(j, "date", h->held_on);
	json_str(j, "time", h->at_time);
	json_str(j, "place", h->place);
	json_str(j, "citizen", shown_citizen(h, arg && *(const int *)arg, name, sizeof(name)));
	json_str(j, "representative", h->representative);
	json_str(j, "scheduled_at", h->scheduled_at);
	json_str(j, "scheduled_by", h->scheduled_by);
	json_rows(j, "panel", h->seats, h->nseats, sizeof(h->seats[0]), seat_json, NULL);
	json_str(j, "attended", h->attended);
	json_str(j, "citizen_said", h->citizen_said);
	json_str(j, "department_said", h->department_said);
	json_str(j, "conclusion", h->conclusion ? hearing_conclusion_name(h->conclusion) : NULL);
	json_bool(j, "upheld", h->conclusion == JRC_CONCLUSION_REASONABLE ||
				   h->conclusion == JRC_CONCLUSION_BASIC);
	json_str(j, "recorded_at", *h->recorded_at ? h->recorded_at : NULL);
	json_str(j, "recorded_by", *h->recorded_by ? h->recorded_by : NULL);
}

static int print_one(cli_call *c, int64_t id, int full, int unmasked)
{
	char name[128];
	jrc_hearing h;

	if (hearing_get(c->db, id, &h, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		hearing_json(&j, &h, &unmasked);
		json_obj_close(&j);
		json_end(&j);
		hearing_free(&h);
		return 0;
	}
	/* TRANSLATORS: hearing number, receipt, date, time, place */
	printf(_("Hearing %" PRId64 " on case %s: %s %s, %s\n"), h.id, h.receipt, h.held_on,
	       h.at_time, h.place);
	if (full) {
		printf(_("Department concerned: %s, represented by %s\n"), h.department,
		       h.representative);
		printf(_("Citizen: %s\n"), shown_citizen(&h, unmasked, name, sizeof(name)));
		printf(_("Scheduled by %s at %s\n"), h.scheduled_by, h.scheduled_at);
		printf(_("Panel:\n"));
		for (size_t i = 0; i < h.nseats; i++) {
			const jrc_panel_seat *p = &h.seats[i];

			printf("  %s %s (%s)", p->member, p->name, p->title);
			if (p->opinion)
				printf(": %s%s%s", hearing_opinion_label(p->opinion),
				       p->reason ? " - " : "", p->reason ? p->reason : "");
			printf("\n");
		}
		if (h.attended) {
			printf(_("Attended: %s\n"), h.attended);
			printf(_("The citizen said: %s\n"), h.citizen_said);
			printf(_("The department said: %s\n"), h.department_said);
		}
	}
	printf(_("Conclusion: %s\n"), hearing_conclusion_label(h.conclusion));
	hearing_free(&h);
	return 0;
}

/* ---------------------------------------------------------------- add */

static const struct option add_opts[] = {
	{ "date", required_argument, NULL, 'd' },
	{ "time", required_argument, NULL, 't' },
	{ "place", required_argument, NULL, 'p' },
	{ "citizen", required_argument, NULL, 'c' },
	{ "representative", required_argument, NULL, 'r' },
	{ "panel", required_argument, NULL, 'P' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int add_check(cli_call *c)
{
	int rc;

	if ((rc = cli_receipt_arg(c->ctx, c->argv[0], c->receipt)))
		return rc;
	if (!cli_has(c, 'd') || !cli_has(c, 't') || !cli_has(c, 'p') || !cli_has(c, 'r') ||
	    !cli_has(c, 'P'))
		return cli_usage(c->ctx, _("a hearing needs --date, --time, --place, --representative and --panel"));
	return staff_arg(c);
}

static int add_run(cli_call *c)
{
	char *ids[JRC_HEARING_PANEL_MAX + 1], *list = strdup(cli_arg(c, 'P')), *save = NULL;
	jrc_hearing_plan p = { 0 };
	jrc_staff who;
	int64_t id;
	size_t n = 0;

	if (!list) {
		jrc_err_set(&c->err, JRC_E_NOMEM, NULL, NULL);
		return CLI_ERR;
	}
	/* One past the maximum, so that too many is said as such. */
	for (char *t = strtok_r(list, ", ", &save); t && n <= JRC_HEARING_PANEL_MAX;
	     t = strtok_r(NULL, ", ", &save))
		ids[n++] = t;
	p.receipt = c->receipt;
	p.held_on = cli_arg(c, 'd');
	p.at_time = cli_arg(c, 't');
	p.place = cli_arg(c, 'p');
	p.citizen = cli_arg(c, 'c');
	p.representative = cli_arg(c, 'r');
	p.panel = (const char *const *)ids;
	p.npanel = n;
	if (auth_staff_get(c->db, cli_arg(c, 'S'), &who, &c->err) != JRC_OK ||
	    hearing_schedule(c->db, &who, &p, &id, &c->err) != JRC_OK) {
		free(list);
		return CLI_ERR;
	}
	free(list);
	if (!c->json)
		printf(_("%s: hearing %" PRId64 " scheduled for %s %s at %s.\n"), c->receipt, id,
		       p.held_on, p.at_time, p.place);
	return c->json ? print_one(c, id, 1, 1) : 0;
}

static const cli_command hearing_add = {
	.name = "add",
	.help = N_("Usage: jrc hearing add RECEIPT --date YYYY-MM-DD --time HH:MM --place TEXT\n"
		   "         --representative TEXT [--citizen NAME] --panel ID,ID,ID\n"
		   "         --staff ID [--json]\n"
		   "A supervisor schedules a public hearing on a case: when, where, who\n"
		   "speaks for the department, and three to nine panel members (see 'jrc\n"
		   "hearing panel'), none of the department concerned.  --citizen defaults\n"
		   "to the name the case was filed under.\n"),
	.opts = add_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give the receipt number of the case"),
	.many = N_("give one receipt number"),
	.flags = CLI_DB | CLI_JSON,
	.check = add_check,
	.run = add_run,
};

/* ---------------------------------------------------------------- record */

static const struct option record_opts[] = {
	{ "attended", required_argument, NULL, 'a' },
	{ "citizen-said", required_argument, NULL, 'c' },
	{ "department-said", required_argument, NULL, 'd' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int record_check(cli_call *c)
{
	int64_t id;
	int rc;

	if ((rc = id_arg(c, c->argv[0], &id)))
		return rc;
	if (!cli_has(c, 'a') || !cli_has(c, 'c') || !cli_has(c, 'd'))
		return cli_usage(c->ctx, _("a record needs --attended, --citizen-said and --department-said"));
	if (c->argc < 2)
		return cli_usage(c->ctx, _("give each panel member's opinion as MEMBER=reasonable:REASON, MEMBER=basic:REASON, MEMBER=unreasonable:REASON or MEMBER=absent"));
	for (int i = 1; i < c->argc; i++) {
		const char *eq = strchr(c->argv[i], '='), *colon;
		char name[16];
		jrc_opinion o;

		colon = eq ? strchr(eq, ':') : NULL;
		snprintf(name, sizeof(name), "%.*s",
			 eq ? (int)((colon ? colon : eq + strlen(eq)) - eq - 1) : 0, eq ? eq + 1 : "");
		if (!eq || eq == c->argv[i] || hearing_opinion_parse(name, &o) != 0)
			return cli_usage(c->ctx, _("'%s' is not an opinion: write MEMBER=reasonable:REASON, MEMBER=basic:REASON, MEMBER=unreasonable:REASON or MEMBER=absent"),
					 c->argv[i]);
	}
	return staff_arg(c);
}

static int record_run(cli_call *c)
{
	jrc_hearing_opinion ops[64];
	char members[64][24];
	jrc_hearing_minutes m = { 0 };
	jrc_conclusion concl;
	jrc_staff who;
	int64_t id;
	size_t n = 0;

	id = strtoll(c->argv[0], NULL, 10);
	for (int i = 1; i < c->argc && n < 64; i++, n++) {
		const char *arg = c->argv[i], *eq = strchr(arg, '='), *colon = strchr(eq, ':');
		char name[16];

		snprintf(members[n], sizeof(members[n]), "%.*s", (int)(eq - arg), arg);
		snprintf(name, sizeof(name), "%.*s",
			 (int)((colon ? colon : eq + strlen(eq)) - eq - 1), eq + 1);
		ops[n].member = members[n];
		hearing_opinion_parse(name, &ops[n].opinion);
		ops[n].reason = colon ? colon + 1 : NULL;
	}
	m.attended = cli_arg(c, 'a');
	m.citizen_said = cli_arg(c, 'c');
	m.department_said = cli_arg(c, 'd');
	m.opinions = ops;
	m.n = n;
	if (auth_staff_get(c->db, cli_arg(c, 'S'), &who, &c->err) != JRC_OK ||
	    hearing_record(c->db, &who, id, &m, &concl, &c->err) != JRC_OK)
		return CLI_ERR;
	if (!c->json)
		printf(_("Hearing %" PRId64 " recorded: %s.\n"), id, hearing_conclusion_label(concl));
	return c->json ? print_one(c, id, 1, 1) : 0;
}

static const cli_command hearing_rec = {
	.name = "record",
	.help = N_("Usage: jrc hearing record ID --attended TEXT --citizen-said TEXT\n"
		   "         --department-said TEXT --staff ID MEMBER=OPINION[:REASON]... [--json]\n"
		   "A supervisor records a hearing on or after its day: who attended, a\n"
		   "summary of what each side said, and every panel member's opinion:\n"
		   "reasonable (合理), basic (基本合理) or unreasonable (不合理), each with a\n"
		   "short reason, or absent.  The conclusion is the majority of the opinions\n"
		   "given, if at least three were given; a tie concludes nothing.\n"),
	.opts = record_opts,
	.min_args = 1, .max_args = 1 + 64,
	.few = N_("give the hearing number"),
	.many = N_("give at most 64 opinions"),
	.flags = CLI_DB | CLI_JSON,
	.check = record_check,
	.run = record_run,
};

/* ---------------------------------------------------------------- list, show */

static const struct option list_opts[] = {
	{ "upcoming", no_argument, NULL, 'u' },
	{ NULL, 0, NULL, 0 }
};

static int list_check(cli_call *c)
{
	c->db_flags |= JRC_DB_READONLY;
	return c->argc ? cli_receipt_arg(c->ctx, c->argv[0], c->receipt) : 0;
}

static int list_run(cli_call *c)
{
	jrc_hearing *v;
	jrc_case cs;
	int64_t case_id = 0;
	size_t n;

	if (*c->receipt) {
		if (grievance_get(c->db, c->receipt, &cs, &c->err) != JRC_OK)
			return CLI_ERR;
		case_id = cs.id;
		grievance_case_free(&cs);
	}
	if (hearing_list(c->db, case_id, cli_has(c, 'u'), &v, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(v, n, sizeof(*v), hearing_json, NULL);
	else if (!n)
		printf("%s\n", _("No hearings."));
	for (size_t i = 0; !c->json && i < n; i++)
		/* TRANSLATORS: number, receipt, date, time, place, conclusion */
		printf(_("%" PRId64 "  %s  %s %s  %s  %s\n"), v[i].id, v[i].receipt, v[i].held_on,
		       v[i].at_time, v[i].place, hearing_conclusion_label(v[i].conclusion));
	hearing_list_free(v, n);
	return 0;
}

static const cli_command hearing_ls = {
	.name = "list",
	.help = N_("Usage: jrc hearing list [RECEIPT] [--upcoming] [--json]\n"
		   "The hearings, newest first, or those of one case; --upcoming only those\n"
		   "not yet recorded, soonest first.\n"),
	.opts = list_opts,
	.max_args = 1,
	.many = N_("give one receipt number"),
	.flags = CLI_DB | CLI_JSON,
	.check = list_check,
	.run = list_run,
};

static const struct option show_opts[] = {
	{ "unmasked", no_argument, NULL, 'u' },
	{ NULL, 0, NULL, 0 }
};

static int show_check(cli_call *c)
{
	int64_t id;

	c->db_flags |= JRC_DB_READONLY;
	return id_arg(c, c->argv[0], &id);
}

static int show_run(cli_call *c)
{
	return print_one(c, strtoll(c->argv[0], NULL, 10), 1, cli_has(c, 'u'));
}

static const cli_command hearing_sh = {
	.name = "show",
	.help = N_("Usage: jrc hearing show ID [--unmasked] [--json]\n"
		   "One hearing: when and where, the parties, the panel and, once recorded,\n"
		   "what was said, each opinion and the conclusion.  The citizen's name is\n"
		   "masked as by 'jrc show' unless --unmasked.\n"),
	.opts = show_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give the hearing number"),
	.many = N_("give one hearing number"),
	.flags = CLI_DB | CLI_JSON,
	.check = show_check,
	.run = show_run,
};

/* ---------------------------------------------------------------- notice, panel */

static const struct option notice_opts[] = {
	{ "printer", required_argument, NULL, 'P' },
	{ NULL, 0, NULL, 0 }
};

static int notice_check(cli_call *c)
{
	int64_t id;
	jrc_err err = { 0 };
	int rc;

	if ((rc = id_arg(c, c->argv[0], &id)))
		return rc;
	if (cli_has(c, 'P') && printer_uri_check(cli_arg(c, 'P'), NULL, &err) != JRC_OK)
		return cli_fail(c->ctx, &err);
	return 0;
}

static int notice_run(cli_call *c)
{
	int64_t id = strtoll(c->argv[0], NULL, 10);
	int printed = 0;

	if (hearing_notice_print(c->db, id, cli_arg(c, 'P'), &printed, &c->err) != JRC_OK)
		return CLI_ERR;
	fprintf(stderr, "%s\n", printed ? _("The hearing notice was printed.")
				       : _("The printer is set to none: nothing was printed."));
	return 0;
}

static const cli_command hearing_notice = {
	.name = "notice",
	.help = N_("Usage: jrc hearing notice ID [--printer URI]\n"
		   "Print the notice of a hearing for the citizen: when and where, the\n"
		   "department and its representative, the panel, and the result once the\n"
		   "hearing is recorded.\n"),
	.opts = notice_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give the hearing number"),
	.many = N_("give one hearing number"),
	.flags = CLI_DB,
	.check = notice_check,
	.run = notice_run,
};

static void panelist_json(json_out *j, const void *row, const void *arg)
{
	const jrc_panelist *p = row;

	(void)arg;
	json_str(j, "id", p->id);
	json_str(j, "name", p->name);
	json_str(j, "title", p->title);
	json_str(j, "department", *p->department ? p->department : NULL);
}

static int panel_run(cli_call *c)
{
	jrc_panelist *v;
	size_t n;

	if (hearing_panelists(c->db, NULL, &v, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(v, n, sizeof(*v), panelist_json, NULL);
	else if (!n)
		printf("%s\n", _("No panel members: add rows of kind panel to roster.csv and import it."));
	for (size_t i = 0; !c->json && i < n; i++)
		printf("%s  %s  %s%s%s\n", v[i].id, v[i].name, v[i].title,
		       *v[i].department ? "  " : "", v[i].department);
	free(v);
	return 0;
}

static const cli_command hearing_panel = {
	.name = "panel",
	.help = N_("Usage: jrc hearing panel [--json]\n"
		   "The panel members on the roster (kind panel in roster.csv): id, name,\n"
		   "affiliation and, if any, the department they belong to.\n"),
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.run = panel_run,
};

static int hearing_run(cli_call *c)
{
	static const cli_command *const subs[] = {
		&hearing_add, &hearing_rec, &hearing_ls, &hearing_sh, &hearing_notice, &hearing_panel
	};
	const char *sub = c->argc ? c->argv[0] : NULL;

	if (!sub) {
		cli_help(c->cmd, stderr);
		return 2;
	}
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(sub, subs[i]->name) == 0)
			return cli_run(c->ctx, subs[i], c->argc, c->argv);
	return cli_usage(c->ctx, _("unknown subcommand '%s' (add, record, list, show, notice, panel)"), sub);
}

const cli_command cli_cmd_hearing = {
	.name = "hearing",
	.summary = N_("schedule, record, list and print public hearings (公开评议)"),
	.help = N_("Usage: jrc hearing add RECEIPT --date D --time T --place P --representative R\n"
		   "         --panel ID,ID,ID --staff ID [--citizen NAME] [--json]\n"
		   "       jrc hearing record ID --attended TEXT --citizen-said TEXT\n"
		   "         --department-said TEXT --staff ID MEMBER=OPINION[:REASON]... [--json]\n"
		   "       jrc hearing list [RECEIPT] [--upcoming] [--json]\n"
		   "       jrc hearing show ID [--unmasked] [--json]\n"
		   "       jrc hearing notice ID [--printer URI]\n"
		   "       jrc hearing panel [--json]\n"
		   "Public appraisal hearings: a supervisor schedules one on a disputed case\n"
		   "before a panel of at least three (deputies, CPPCC members, lawyers,\n"
		   "village representatives; none of the department concerned) and records\n"
		   "it; the conclusion is the majority of the opinions given.  Every step\n"
		   "is an event of the case.  'jrc hearing SUBCOMMAND --help' says more.\n"),
	.max_args = CLI_MANY,
	.flags = CLI_RAW,
	.run = hearing_run,
};
