/* jrc file, show, list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jrc/receipt.h"
#include "json.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "jrc/grievance_edit.h"
#include "jrc/lifecycle.h"
#include "jrc/refdata.h"
#include "jrc/validate.h"

/* The masked or clear forms of a case's personal data. */
typedef struct shown_person {
	char name[200], id[40], phone[40];
} shown_person;

static void person(const jrc_case *c, int unmasked, shown_person *p)
{
	if (unmasked) {
		snprintf(p->name, sizeof(p->name), "%s", c->name ? c->name : "");
		snprintf(p->id, sizeof(p->id), "%s", c->id_number ? c->id_number : "");
		snprintf(p->phone, sizeof(p->phone), "%s", c->phone ? c->phone : "");
		return;
	}
	mask_name(c->name, p->name, sizeof(p->name));
	mask_document(c->id_kind, c->id_number, p->id, sizeof(p->id));
	mask_phone(c->phone, p->phone, sizeof(p->phone));
}

/* An event's note as show prints it: the old personal data of an intake
 * correction masked like the current (*tmp is to be freed). */
static const char *shown_note(const jrc_event *e, int unmasked, char **tmp)
{
	*tmp = NULL;
	if (unmasked || !e->note || strcmp(e->kind, "intake_edited") != 0)
		return e->note;
	*tmp = grievance_edit_note_masked(e->note);
	return *tmp ? *tmp : "";
}

/* An event of show --json; arg points to the unmasked flag. */
static void event_json(json_out *j, const void *row, const void *arg)
{
	const jrc_event *e = row;
	char *masked;

	json_int(j, "id", e->id);
	json_str(j, "at", e->at);
	json_str(j, "actor", e->actor);
	json_str(j, "kind", e->kind);
	json_str(j, "from", *e->from_state ? e->from_state : NULL);
	json_str(j, "to", *e->to_state ? e->to_state : NULL);
	json_str(j, "note", shown_note(e, *(const int *)arg, &masked));
	free(masked);
}

static void json_case(json_out *j, const jrc_case *c, int unmasked, const char *dept_name)
{
	shown_person p;

	person(c, unmasked, &p);
	json_str(j, "receipt", c->receipt);
	if (unmasked)
		json_str(j, "query_code", c->query_code);
	json_str(j, "state", lifecycle_state_name(c->state));
	json_str(j, "category", c->category);
	json_str(j, "division", c->division);
	json_str(j, "department", c->department);
	if (dept_name)
		json_str(j, "department_name", dept_name);
	json_str(j, "level", c->level);
	json_str(j, "filed_at", c->filed_at);
	json_str(j, "accept_by", c->accept_by);
	json_str(j, "due_on", *c->due_on ? c->due_on : NULL);
	json_bool(j, "anonymous", c->anonymous);
	json_str(j, "name", c->anonymous ? NULL : p.name);
	json_str(j, "id_kind", c->id_kind);
	json_str(j, "id_number", c->anonymous ? NULL : p.id);
	json_str(j, "phone", c->anonymous ? NULL : p.phone);
	json_str(j, "text", c->text);
	json_str(j, "outcome", c->outcome);
	json_str(j, "channel", c->channel);
	json_str(j, "staff_id", *c->staff_id ? c->staff_id : NULL);
	json_str(j, "lang", c->lang);
	json_str(j, "answer", c->answer);
}

static const struct option file_opts[] = {
	{ "category", required_argument, NULL, 'c' },
	{ "division", required_argument, NULL, 'w' },
	{ "name", required_argument, NULL, 'n' },
	{ "id-number", required_argument, NULL, 'i' },
	{ "other-document", required_argument, NULL, 'o' },
	{ "phone", required_argument, NULL, 'p' },
	{ "text", required_argument, NULL, 't' },
	{ "outcome", required_argument, NULL, 'u' },
	{ "anonymous", no_argument, NULL, 'a' },
	{ "channel", required_argument, NULL, 'C' },
	{ "staff", required_argument, NULL, 'S' },
	{ "lang", required_argument, NULL, 'L' },
	{ "source", required_argument, NULL, 's' },
	{ "visit", required_argument, NULL, 'V' },
	{ "found", no_argument, NULL, 'F' },
	{ "solved", required_argument, NULL, 'O' },
	{ "sms", no_argument, NULL, 'M' },
	{ NULL, 0, NULL, 0 }
};

static int file_check(cli_call *c)
{
	int rc;

	if (!cli_has(c, 'c'))
		return cli_usage(c->ctx, _("--category is needed (codes: 'jrc categories')"));
	if (!cli_has(c, 't'))
		return cli_usage(c->ctx, _("--text is needed: say what happened"));
	if (cli_has(c, 'a') && (cli_has(c, 'n') || cli_last(c, 'i', 'o') || cli_has(c, 'p')))
		return cli_usage(c->ctx, _("--anonymous files without --name, --id-number and --phone: leave those out"));
	if (cli_has(c, 'M') && !cli_has(c, 'p'))
		return cli_usage(c->ctx, _("--sms needs the citizen's --phone to send the messages to"));
	if ((rc = cli_file_visit_check(c)))
		return rc;
	return cli_text_arg(c, 't');
}

static int file_run(cli_call *c)
{
	jrc_intake in = { 0 };
	int id = cli_last(c, 'i', 'o');
	jrc_case kase;
	jrc_department dept;

	in.category = cli_arg(c, 'c');
	in.division = cli_arg(c, 'w');
	in.name = cli_arg(c, 'n');
	if (id) {
		in.id_number = cli_arg(c, id);
		in.id_kind = id == 'i' ? "resident" : "other";
	}
	in.phone = cli_arg(c, 'p');
	in.text = cli_arg(c, 't');
	in.outcome = cli_arg(c, 'u');
	in.anonymous = cli_has(c, 'a');
	in.channel = cli_has(c, 'C') ? cli_arg(c, 'C') : "cli";
	in.staff_id = cli_arg(c, 'S');
	in.lang = cli_arg(c, 'L');
	in.site = c->ctx->site;
	in.sms = cli_has(c, 'M');
	if (cli_has(c, 'V')) {
		if (cli_file_visit(c, &in, &kase) != JRC_OK)
			return CLI_ERR;
	} else if (grievance_file(c->db, &in, &kase, &c->err) != JRC_OK) {
		return CLI_ERR;
	}
	if (c->json) {
		json_out j;
		int have = refdata_department(c->db, kase.department, &dept, NULL) == JRC_OK;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "receipt", kase.receipt);
		json_str(&j, "query_code", kase.query_code);
		json_str(&j, "state", lifecycle_state_name(kase.state));
		json_str(&j, "department", kase.department);
		json_str(&j, "department_name", have ? i18n_pick(dept.name_zh, dept.name_en) : NULL);
		json_str(&j, "window", have ? dept.window : NULL);
		json_str(&j, "level", kase.level);
		json_str(&j, "accept_by", kase.accept_by);
		json_str(&j, "filed_at", kase.filed_at);
		cli_json_visit(&j, c->db, kase.id);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf("%s\n", kase.receipt);
	}
	grievance_case_free(&kase);
	return 0;
}

const cli_command cli_cmd_file = {
	.name = "file",
	.summary = N_("file a grievance and print its receipt number"),
	.help = N_("Usage: jrc file --category CODE --division CODE --name NAME\n"
		   "                --id-number ID | --other-document NUMBER\n"
		   "                --phone PHONE --text TEXT [--outcome TEXT]\n"
		   "                [--anonymous] [--channel kiosk|desk|cli] [--staff ID]\n"
		   "                [--lang zh|en] [--sms] [--json]\n"
		   "                [--source visit --visit ID [--found] [--solved TEXT]]\n"
		   "File a grievance in one transaction and print its receipt number.\n"
		   "--visit files a matter raised or found on a leader's visit ('jrc visit\n"
		   "list'), at the visit's place unless --division says otherwise; --found: a\n"
		   "matter the visit found itself, with no complainant (no name, ID or\n"
		   "phone); --solved TEXT: solved on the spot, recorded as accepted and\n"
		   "answered at once with what was done.\n"
		   "--text - reads the text from standard input.  --anonymous files\n"
		   "without name, ID and phone.  --sms: the citizen agrees to SMS notices\n"
		   "at that phone (receipt, bookings, decision, answer; 'jrc sms').\n"
		   "Categories: 'jrc categories'; places: 'jrc divisions'.\n"),
	.opts = file_opts,
	.flags = CLI_DB | CLI_JSON,
	.check = file_check,
	.run = file_run,
};

static const struct option show_opts[] = {
	{ "unmasked", no_argument, NULL, 'u' },
	{ NULL, 0, NULL, 0 }
};

static int show_run(cli_call *c)
{
	jrc_db *db = c->db;
	int unmasked = cli_has(c, 'u');
	char *masked = NULL;
	jrc_case k;
	jrc_event *ev;
	size_t nev;
	jrc_department dept;
	jrc_category cat;
	jrc_division div;
	int have_dept, have_cat, have_div;
	shown_person p;

	if (grievance_get(db, c->receipt, &k, &c->err) != JRC_OK)
		return CLI_ERR;
	if (audit_case_events(db, k.id, &ev, &nev, &c->err) != JRC_OK) {
		grievance_case_free(&k);
		return CLI_ERR;
	}
	have_dept = refdata_department(db, k.department, &dept, NULL) == JRC_OK;
	have_cat = refdata_category(db, k.category, &cat, NULL) == JRC_OK;
	have_div = refdata_division(db, k.division, &div, NULL) == JRC_OK;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_case(&j, &k, unmasked, have_dept ? i18n_pick(dept.name_zh, dept.name_en) : NULL);
		cli_json_booking(&j, db, k.id);
		cli_json_visit(&j, db, k.id);
		json_rows(&j, "events", ev, nev, sizeof(*ev), event_json, &unmasked);
		json_obj_close(&j);
		json_end(&j);
	} else {
		person(&k, unmasked, &p);
		printf(_("Receipt:     %s\n"), k.receipt);
		printf(_("State:       %s\n"), lifecycle_state_name(k.state));
		printf(_("Category:    %s %s\n"), k.category,
		       have_cat ? i18n_pick(cat.name_zh, cat.name_en) : "");
		printf(_("Place:       %s %s\n"), k.division,
		       have_div ? i18n_pick(div.name_zh, div.name_en) : "");
		printf(_("Department:  %s %s (%s)\n"), k.department,
		       have_dept ? i18n_pick(dept.name_zh, dept.name_en) : "", k.level);
		printf(_("Filed:       %s\n"), k.filed_at);
		printf(_("Accept by:   %s\n"), k.accept_by);
		if (k.anonymous) {
			printf(_("Citizen:     anonymous\n"));
		} else {
			printf(_("Citizen:     %s\n"), p.name);
			printf(_("ID number:   %s\n"), p.id);
			printf(_("Phone:       %s\n"), p.phone);
		}
		printf(_("What happened:\n  %s\n"), k.text);
		if (k.outcome)
			printf(_("Wished outcome:\n  %s\n"), k.outcome);
		if (k.answer)
			printf(_("Answer:\n  %s\n"), k.answer);
		cli_print_booking(db, k.id);
		cli_print_visit(db, k.id);
		printf(_("Events:\n"));
		for (size_t i = 0; i < nev; i++) {
			const char *note = shown_note(&ev[i], unmasked, &masked);

			printf("  %s  %-10s %-12s %s%s%s  %s\n", ev[i].at, ev[i].kind, ev[i].actor,
			       ev[i].from_state, *ev[i].from_state ? " -> " : "", ev[i].to_state,
			       note ? note : "");
			free(masked);
			masked = NULL;
		}
	}
	audit_events_free(ev, nev);
	grievance_case_free(&k);
	return 0;
}


const cli_command cli_cmd_show = {
	.name = "show",
	.summary = N_("show a case with its events"),
	.help = N_("Usage: jrc show RECEIPT [--json] [--unmasked]\n"
		   "Show a case with its events.  Name, ID number and phone are masked\n"
		   "unless --unmasked is given.\n"),
	.opts = show_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give exactly one receipt number"),
	.many = N_("give exactly one receipt number"),
	.flags = CLI_DB | CLI_READONLY | CLI_JSON | CLI_RECEIPT,
	.run = show_run,
};

static const struct option list_opts[] = {
	{ "state", required_argument, NULL, 's' },
	{ "department", required_argument, NULL, 'd' },
	{ "search", required_argument, NULL, 'q' },
	{ "overdue", no_argument, NULL, 'o' },
	{ "today", no_argument, NULL, 't' },
	{ "limit", required_argument, NULL, 'l' },
	{ "site", required_argument, NULL, 'i' },
	{ NULL, 0, NULL, 0 }
};

static int list_check(cli_call *c)
{
	jrc_case_filter *f = c->state;
	const char *v;
	char names[320];
	char *end;

	if ((v = cli_arg(c, 's'))) {
		if (lifecycle_state_parse(v, &f->state) != 0) {
			lifecycle_state_list(names, sizeof(names));
			return cli_usage(c->ctx, _("unknown state '%s' (%s)"), v, names);
		}
		f->with_state = 1;
	}
	if ((v = cli_arg(c, 'l'))) {
		f->limit = strtol(v, &end, 10);
		if (*end || f->limit < 1)
			return cli_usage(c->ctx, _("--limit takes a number of at least 1"));
	}
	f->department = cli_arg(c, 'd');
	f->search = cli_arg(c, 'q');
	f->overdue_only = cli_has(c, 'o');
	f->filed_today = cli_has(c, 't');
	/* A site's worklist: its own cases and those handled there now. */
	if ((v = cli_arg(c, 'i')) && !receipt_site_valid(v))
		return cli_usage(c->ctx, _("--site takes a site code of 2 to 4 capital letters, such as HZ"));
	f->site = v;
	return 0;
}

/* A case in a listing: masked, without the department's name. */
static void case_json(json_out *j, const void *row, const void *arg)
{
	(void)arg;
	json_case(j, row, 0, NULL);
}

static int list_run(cli_call *c)
{
	jrc_case *cs;
	size_t n;

	if (grievance_list(c->db, c->state, &cs, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(cs, n, sizeof(*cs), case_json, NULL);
	else
		for (size_t i = 0; i < n; i++)
			printf("%-18s %-18s %-4s %-10s %-6s %s\n", cs[i].receipt, lifecycle_state_name(cs[i].state),
			       cs[i].category, cs[i].division, cs[i].department,
			       *cs[i].due_on ? cs[i].due_on : "-");
	grievance_cases_free(cs, n);
	return 0;
}

const cli_command cli_cmd_list = {
	.name = "list",
	.summary = N_("list cases"),
	.help = N_("Usage: jrc list [--state STATE] [--department CODE] [--search TEXT]\n"
		   "                [--overdue] [--today] [--site CODE] [--limit N] [--json]\n"
		   "List cases, newest first; personal data masked.  --site lists a site's\n"
		   "cases: those filed there and those assigned or escalated to it.\n"),
	.opts = list_opts,
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.state_size = sizeof(jrc_case_filter),
	.check = list_check,
	.run = list_run,
};
