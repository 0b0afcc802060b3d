/* jrc file, show, list. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "jrc/intake_edit.h"
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
	if (c->id_kind && strcmp(c->id_kind, "resident") == 0)
		mask_id_number(c->id_number, p->id, sizeof(p->id));
	else if (c->id_number) {
		/* Other documents: keep only the last 3 characters. */
		size_t n = strlen(c->id_number);

		snprintf(p->id, sizeof(p->id), "****%s", n > 3 ? c->id_number + n - 3 : "");
	} else {
		p->id[0] = '\0';
	}
	mask_phone(c->phone, p->phone, sizeof(p->phone));
}

/* An event's note as show prints it: the old personal data of an intake
 * correction masked like the current (*tmp is to be freed). */
static const char *shown_note(const jrc_event *e, int unmasked, char **tmp)
{
	*tmp = NULL;
	if (unmasked || !e->note || strcmp(e->kind, "intake_edited") != 0)
		return e->note;
	*tmp = intake_edit_note_masked(e->note);
	return *tmp ? *tmp : "";
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

int cmd_file(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
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
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	jrc_intake in = { 0 };
	int c, json = 0, rc;
	char *stdin_text = NULL;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_case kase;
	jrc_department dept;

	in.channel = "cli";
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': in.category = optarg; break;
		case 'w': in.division = optarg; break;
		case 'n': in.name = optarg; break;
		case 'i': in.id_number = optarg; in.id_kind = "resident"; break;
		case 'o': in.id_number = optarg; in.id_kind = "other"; break;
		case 'p': in.phone = optarg; break;
		case 't': in.text = optarg; break;
		case 'u': in.outcome = optarg; break;
		case 'a': in.anonymous = 1; break;
		case 'C': in.channel = optarg; break;
		case 'S': in.staff_id = optarg; break;
		case 'L': in.lang = optarg; break;
		case 'j': json = 1; break;
		case 'h':
			printf(_("Usage: jrc file --category CODE --division CODE --name NAME\n"
				 "                --id-number ID | --other-document NUMBER\n"
				 "                --phone PHONE --text TEXT [--outcome TEXT]\n"
				 "                [--anonymous] [--channel kiosk|desk|cli] [--staff ID]\n"
				 "                [--lang zh|en] [--json]\n"
				 "File a grievance in one transaction and print its receipt number.\n"
				 "--text - reads the text from standard input.  --anonymous files\n"
				 "without name, ID and phone.  Categories: 'jrc categories';\n"
				 "places: 'jrc divisions'.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind]);
	if (!in.category)
		return cli_usage(ctx, _("--category is needed (codes: 'jrc categories')"));
	if (!in.text)
		return cli_usage(ctx, _("--text is needed: say what happened"));
	if (in.anonymous && (in.name || in.id_number || in.phone))
		return cli_usage(ctx, _("--anonymous files without --name, --id-number and --phone: leave those out"));
	if (strcmp(in.text, "-") == 0) {
		if ((rc = cli_read_stdin(ctx, &stdin_text)))
			return rc;
		in.text = stdin_text;
	}
	in.site = ctx->site;
	if ((rc = cli_open_db(ctx, 0, &db))) {
		free(stdin_text);
		return rc;
	}
	if (grievance_file(db, &in, &kase, &err) != JRC_OK) {
		free(stdin_text);
		db_close(db);
		return cli_fail(ctx, &err);
	}
	free(stdin_text);
	if (json) {
		json_out j;
		int have = refdata_department(db, kase.department, &dept, NULL) == JRC_OK;

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
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf("%s\n", kase.receipt);
	}
	grievance_case_free(&kase);
	db_close(db);
	return 0;
}

int cmd_show(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "unmasked", no_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, json = 0, unmasked = 0, rc;
	char receipt[JRC_RECEIPT_MAX], *masked = NULL;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_case k;
	jrc_event *ev;
	size_t nev;
	jrc_department dept;
	jrc_category cat;
	jrc_division div;
	int have_dept, have_cat, have_div;
	shown_person p;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'u': unmasked = 1; break;
		case 'h':
			printf(_("Usage: jrc show RECEIPT [--json] [--unmasked]\n"
				 "Show a case with its events.  Name, ID number and phone are masked\n"
				 "unless --unmasked is given.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, _("give exactly one receipt number"));
	if ((rc = cli_receipt_arg(ctx, argv[optind], receipt)))
		return rc;
	if ((rc = cli_open_db(ctx, JRC_DB_READONLY, &db)))
		return rc;
	if (grievance_get(db, receipt, &k, &err) != JRC_OK ||
	    audit_case_events(db, k.id, &ev, &nev, &err) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	have_dept = refdata_department(db, k.department, &dept, NULL) == JRC_OK;
	have_cat = refdata_category(db, k.category, &cat, NULL) == JRC_OK;
	have_div = refdata_division(db, k.division, &div, NULL) == JRC_OK;
	if (json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_case(&j, &k, unmasked, have_dept ? i18n_pick(dept.name_zh, dept.name_en) : NULL);
		cli_json_booking(&j, db, k.id);
		json_arr_open(&j, "events");
		for (size_t i = 0; i < nev; i++) {
			json_obj_open(&j, NULL);
			json_int(&j, "id", ev[i].id);
			json_str(&j, "at", ev[i].at);
			json_str(&j, "actor", ev[i].actor);
			json_str(&j, "kind", ev[i].kind);
			json_str(&j, "from", *ev[i].from_state ? ev[i].from_state : NULL);
			json_str(&j, "to", *ev[i].to_state ? ev[i].to_state : NULL);
			json_str(&j, "note", shown_note(&ev[i], unmasked, &masked));
			free(masked);
			masked = NULL;
			json_obj_close(&j);
		}
		json_arr_close(&j);
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
	db_close(db);
	return 0;
}

int cmd_list(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "department", required_argument, NULL, 'd' },
		{ "search", required_argument, NULL, 'q' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "today", no_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	jrc_case_filter f = { 0 };
	int c, json = 0, rc;
	char names[320];
	char *end;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_case *cs;
	size_t n;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (lifecycle_state_parse(optarg, &f.state) != 0) {
				lifecycle_state_list(names, sizeof(names));
				return cli_usage(ctx, _("unknown state '%s' (%s)"), optarg, names);
			}
			f.with_state = 1;
			break;
		case 'd': f.department = optarg; break;
		case 'q': f.search = optarg; break;
		case 'o': f.overdue_only = 1; break;
		case 't': f.filed_today = 1; break;
		case 'l':
			f.limit = strtol(optarg, &end, 10);
			if (*end || f.limit < 1)
				return cli_usage(ctx, _("--limit takes a number of at least 1"));
			break;
		case 'j': json = 1; break;
		case 'h':
			printf(_("Usage: jrc list [--state STATE] [--department CODE] [--search TEXT]\n"
				 "                [--overdue] [--today] [--limit N] [--json]\n"
				 "List cases, newest first; personal data masked.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_db(ctx, JRC_DB_READONLY, &db)))
		return rc;
	if (grievance_list(db, &f, &cs, &n, &err) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	if (json) {
		json_out j;

		json_begin(&j, stdout);
		json_arr_open(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_obj_open(&j, NULL);
			json_case(&j, &cs[i], 0, NULL);
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_end(&j);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%-18s %-18s %-4s %-10s %-6s %s\n", cs[i].receipt, lifecycle_state_name(cs[i].state),
			       cs[i].category, cs[i].division, cs[i].department,
			       *cs[i].due_on ? cs[i].due_on : "-");
	}
	grievance_cases_free(cs, n);
	db_close(db);
	return 0;
}
