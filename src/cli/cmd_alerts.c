/* jrc alerts: early warning (矛盾预警) from the command line: list the
 * alerts with the receipts of the cases behind them, and acknowledge one
 * (a supervisor, with a note). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/alert.h"
#include "jrc/auth.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/i18n.h"

static const struct option alerts_opts[] = {
	{ "open", no_argument, NULL, 'o' },
	{ "from", required_argument, NULL, 'f' },
	{ "to", required_argument, NULL, 't' },
	{ "note", required_argument, NULL, 'n' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

typedef struct alerts_args {
	int ack;
	int64_t id;
} alerts_args;

static int check_day(cli_call *c, int key, const char *opt)
{
	jrc_date d;

	if (cli_has(c, key) && date_parse(cli_arg(c, key), &d) != 0)
		return cli_usage(c->ctx, _("%s takes a date as YYYY-MM-DD, such as 2026-11-01"), opt);
	return 0;
}

static int alerts_check(cli_call *c)
{
	alerts_args *a = c->state;
	char *end;
	int rc;

	if (c->argc == 0) {
		if (cli_has(c, 'n') || cli_has(c, 'S'))
			return cli_usage(c->ctx, _("--note and --staff go with 'jrc alerts ack ID'"));
		if ((rc = check_day(c, 'f', "--from")) || (rc = check_day(c, 't', "--to")))
			return rc;
		c->db_flags |= JRC_DB_READONLY;
		return 0;
	}
	if (strcmp(c->argv[0], "ack") != 0)
		return cli_usage(c->ctx, _("unknown action '%s': list with 'jrc alerts', acknowledge with 'jrc alerts ack ID'"),
				 c->argv[0]);
	a->ack = 1;
	if (cli_has(c, 'o') || cli_has(c, 'f') || cli_has(c, 't'))
		return cli_usage(c->ctx, _("--open, --from and --to go with listing, not with ack"));
	if (c->argc != 2)
		return cli_usage(c->ctx, _("give the number of the alert ('jrc alerts --open')"));
	a->id = strtoll(c->argv[1], &end, 10);
	if (!*c->argv[1] || *end || a->id <= 0)
		return cli_usage(c->ctx, _("'%s' is not an alert number: see 'jrc alerts --open'"),
				 c->argv[1]);
	if (!cli_has(c, 'S'))
		return cli_usage(c->ctx, _("say who acts: give your staff ID with --staff"));
	if (auth_check_staff_id(cli_arg(c, 'S'), NULL) != JRC_OK)
		return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
	if (!cli_has(c, 'n'))
		return cli_usage(c->ctx, _("say what was done about the alert with --note TEXT"));
	return cli_text_arg(c, 'n');
}

static void alert_json(json_out *j, const void *row, const void *arg)
{
	const jrc_alert *a = row;
	jrc_db *db = (jrc_db *)arg;
	jrc_alert_case *cs = NULL;
	size_t n = 0;

	json_int(j, "id", a->id);
	json_str(j, "rule", a->rule);
	json_str(j, "kind", a->kind);
	json_str(j, "raised_at", a->raised_at);
	json_str(j, "division", *a->division ? a->division : NULL);
	json_str(j, "category", *a->category ? a->category : NULL);
	json_str(j, "department", *a->department ? a->department : NULL);
	json_int(j, "count", a->count);
	json_str(j, "summary", a->summary);
	json_bool(j, "open", !*a->acked_at);
	json_str(j, "acked_by", *a->acked_by ? a->acked_by : NULL);
	json_str(j, "acked_at", *a->acked_at ? a->acked_at : NULL);
	json_str(j, "ack_note", a->ack_note);
	json_arr_open(j, "cases");
	if (alert_cases(db, a->id, &cs, &n, NULL) == JRC_OK)
		for (size_t i = 0; i < n; i++)
			json_str(j, NULL, cs[i].receipt);
	json_arr_close(j);
	free(cs);
}

static void print_alert(jrc_db *db, const jrc_alert *a)
{
	jrc_alert_case *cs = NULL;
	size_t n = 0;
	jrc_time t;
	char when[32];

	if (clock_parse(a->raised_at, &t) == JRC_OK)
		clock_format_local(t, when);
	else
		snprintf(when, sizeof(when), "%s", a->raised_at);
	/* TRANSLATORS: number, open or acknowledged, when, rule code, summary */
	printf(_("#%" PRId64 "  %s  %s  %s  %s\n"), a->id,
	       *a->acked_at ? _("acknowledged") : _("OPEN"), when, a->rule, a->summary);
	if (alert_cases(db, a->id, &cs, &n, NULL) == JRC_OK && n) {
		printf("    %s", _("cases:"));
		for (size_t i = 0; i < n; i++)
			printf(" %s", cs[i].receipt);
		printf("\n");
	}
	free(cs);
	if (*a->acked_at) {
		if (clock_parse(a->acked_at, &t) == JRC_OK)
			clock_format_local(t, when);
		printf(_("    acknowledged by %s at %s: %s\n"), a->acked_by, when,
		       a->ack_note ? a->ack_note : "");
	}
}

static int list_run(cli_call *c)
{
	jrc_alert *v;
	size_t n;

	if (alert_list(c->db, cli_arg(c, 'f'), cli_arg(c, 't'), cli_has(c, 'o'), &v, &n,
		       &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_print_rows(v, n, sizeof(*v), alert_json, c->db);
	} else if (!n) {
		printf("%s\n", cli_has(c, 'o') ? _("No open alerts.") : _("No alerts."));
	} else {
		for (size_t i = 0; i < n; i++)
			print_alert(c->db, &v[i]);
	}
	alert_list_free(v, n);
	return 0;
}

static int alerts_run(cli_call *c)
{
	alerts_args *a = c->state;
	jrc_staff who;

	if (!a->ack)
		return list_run(c);
	if (auth_staff_get(c->db, cli_arg(c, 'S'), &who, &c->err) != JRC_OK)
		return CLI_ERR;
	if (alert_ack(c->db, &who, a->id, cli_arg(c, 'n'), &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		printf("{\"id\":%" PRId64 ",\"acknowledged\":true}\n", a->id);
	else
		printf(_("Alert %" PRId64 " acknowledged.\n"), a->id);
	return 0;
}

const cli_command cli_cmd_alerts = {
	.name = "alerts",
	.summary = N_("list early-warning alerts (矛盾预警) and acknowledge them"),
	.help = N_("Usage: jrc alerts [--open] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n"
		   "       jrc alerts ack ID --note TEXT --staff ID [--json]\n"
		   "List the alerts the rules of data/alerts.csv raised, newest first, each\n"
		   "with its summary and the receipt numbers of the cases behind it: many\n"
		   "cases of one kind from one village, one person filing again and again,\n"
		   "many people of one village on one matter on one day, a department with\n"
		   "too many overdue cases (checked by 'jrc tick').  --open: only those not\n"
		   "yet acknowledged; --from and --to: raised on those days (inclusive).\n"
		   "'ack' acknowledges alert ID: a supervisor only, with a note saying what\n"
		   "was done (--note - reads standard input).\n"),
	.opts = alerts_opts,
	.min_args = 0, .max_args = 2,
	.many = N_("give 'ack' and one alert number"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(alerts_args),
	.check = alerts_check,
	.run = alerts_run,
};
