/* jrc supervise: supervision notices (督办) from the command line: issue
 * one, acknowledge it, reply to it, list them. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/supervise.h"

static const struct option supervise_opts[] = {
	{ "department", required_argument, NULL, 'd' },
	{ "by", required_argument, NULL, 'b' },
	{ "note", required_argument, NULL, 'n' },
	{ "staff", required_argument, NULL, 'S' },
	{ "ack", no_argument, NULL, 'a' },
	{ "reply", required_argument, NULL, 'r' },
	{ "list", no_argument, NULL, 'l' },
	{ "late", no_argument, NULL, 'L' },
	{ NULL, 0, NULL, 0 }
};

/* What the call does, from its options. */
enum { DO_ISSUE, DO_ACK, DO_REPLY, DO_LIST };

typedef struct supervise_args {
	int what;
} supervise_args;

static int supervise_check(cli_call *c)
{
	supervise_args *a = c->state;
	int modes = cli_has(c, 'a') + cli_has(c, 'r') + cli_has(c, 'l');
	int rc;

	if (modes > 1)
		return cli_usage(c->ctx, _("give only one of --ack, --reply and --list"));
	if (cli_has(c, 'l')) {
		a->what = DO_LIST;
		if (c->argc)
			return cli_usage(c->ctx, _("--list takes no receipt number"));
		if (cli_has(c, 'b') || cli_has(c, 'n') || cli_has(c, 'S'))
			return cli_usage(c->ctx, _("--list takes only --late, --department and --json"));
		c->db_flags |= JRC_DB_READONLY;
		return 0;
	}
	if (cli_has(c, 'L'))
		return cli_usage(c->ctx, _("--late goes with --list"));
	if (c->argc != 1)
		return cli_usage(c->ctx, _("give the receipt number of the case"));
	if ((rc = cli_receipt_arg(c->ctx, c->argv[0], c->receipt)))
		return rc;
	if (!cli_has(c, 'S'))
		return cli_usage(c->ctx, _("say who acts: give your staff ID with --staff"));
	if (auth_check_staff_id(cli_arg(c, 'S'), NULL) != JRC_OK)
		return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
	if (cli_has(c, 'a') || cli_has(c, 'r')) {
		a->what = cli_has(c, 'a') ? DO_ACK : DO_REPLY;
		if (cli_has(c, 'd') || cli_has(c, 'b') || cli_has(c, 'n'))
			return cli_usage(c->ctx, _("--department, --by and --note go with issuing a notice, not with --ack or --reply"));
		return cli_text_arg(c, 'r');
	}
	a->what = DO_ISSUE;
	if (!cli_has(c, 'd') || !cli_has(c, 'b') || !cli_has(c, 'n'))
		return cli_usage(c->ctx, _("a notice needs --department CODE, --by YYYY-MM-DD and --note TEXT"));
	return cli_text_arg(c, 'n');
}

static void notice_json(json_out *j, const void *row, const void *arg)
{
	const jrc_supervision *v = row;

	(void)arg;
	json_int(j, "id", v->id);
	json_str(j, "receipt", v->receipt);
	json_str(j, "department", v->department);
	json_str(j, "note", v->note);
	json_str(j, "by", v->by_on);
	json_str(j, "issued_at", v->issued_at);
	json_str(j, "issued_by", v->issued_by);
	json_str(j, "acked_at", *v->acked_at ? v->acked_at : NULL);
	json_str(j, "acked_by", *v->acked_by ? v->acked_by : NULL);
	json_str(j, "reply", v->reply);
	json_str(j, "replied_at", *v->replied_at ? v->replied_at : NULL);
	json_str(j, "replied_by", *v->replied_by ? v->replied_by : NULL);
	json_bool(j, "open", !*v->replied_at);
	json_bool(j, "late", v->late);
}

static const char *notice_stage(const jrc_supervision *v)
{
	if (*v->replied_at)
		return v->late ? _("replied late") : _("replied");
	if (*v->acked_at)
		return v->late ? _("acknowledged, late") : _("acknowledged");
	return v->late ? _("not acknowledged, late") : _("not acknowledged");
}

static int list_run(cli_call *c)
{
	jrc_supervise_filter f = { 0 };
	jrc_supervision *v;
	size_t n;

	f.late_only = cli_has(c, 'L');
	f.department = cli_arg(c, 'd');
	if (supervise_list(c->db, &f, &v, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_print_rows(v, n, sizeof(*v), notice_json, NULL);
	} else if (!n) {
		printf("%s\n", f.late_only ? _("No late supervision notices.") : _("No supervision notices."));
	} else {
		for (size_t i = 0; i < n; i++)
			/* TRANSLATORS: receipt, department, by-date, stage, what is expected */
			printf(_("%s  %s  by %s  %s: %s\n"), v[i].receipt, v[i].department, v[i].by_on,
			       notice_stage(&v[i]), v[i].note);
	}
	supervise_list_free(v, n);
	return 0;
}

/* The one notice of the case just acted on, as --json prints it. */
static void print_case_notice(cli_call *c)
{
	jrc_supervise_filter f = { 0 };
	jrc_supervision *v;
	size_t n;
	jrc_case cs;

	if (grievance_get(c->db, c->receipt, &cs, NULL) != JRC_OK)
		return;
	f.case_id = cs.id;
	grievance_case_free(&cs);
	if (supervise_list(c->db, &f, &v, &n, NULL) != JRC_OK)
		return;
	if (n) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		notice_json(&j, &v[0], NULL);
		json_obj_close(&j);
		json_end(&j);
	}
	supervise_list_free(v, n);
}

static int supervise_run(cli_call *c)
{
	supervise_args *a = c->state;
	jrc_staff who;
	int late = 0;

	if (a->what == DO_LIST)
		return list_run(c);
	if (auth_staff_get(c->db, cli_arg(c, 'S'), &who, &c->err) != JRC_OK)
		return CLI_ERR;
	switch (a->what) {
	case DO_ISSUE:
		if (supervise_issue(c->db, &who, c->receipt, cli_arg(c, 'd'), cli_arg(c, 'b'),
				    cli_arg(c, 'n'), NULL, &c->err) != JRC_OK)
			return CLI_ERR;
		if (!c->json)
			printf(_("%s: supervision notice issued to %s, reply due by %s.\n"), c->receipt,
			       cli_arg(c, 'd'), cli_arg(c, 'b'));
		break;
	case DO_ACK:
		if (supervise_ack(c->db, &who, c->receipt, &c->err) != JRC_OK)
			return CLI_ERR;
		if (!c->json)
			printf(_("%s: supervision notice acknowledged.\n"), c->receipt);
		break;
	default:
		if (supervise_reply(c->db, &who, c->receipt, cli_arg(c, 'r'), &late, &c->err) != JRC_OK)
			return CLI_ERR;
		if (!c->json)
			printf(late ? _("%s: reply recorded, after the by-date: it counts as late.\n")
				    : _("%s: reply recorded in time.\n"), c->receipt);
		break;
	}
	if (c->json)
		print_case_notice(c);
	return 0;
}

const cli_command cli_cmd_supervise = {
	.name = "supervise",
	.summary = N_("issue, acknowledge, answer and list supervision notices (督办)"),
	.help = N_("Usage: jrc supervise RECEIPT --department CODE --by YYYY-MM-DD --note TEXT\n"
		   "                     --staff ID [--json]\n"
		   "       jrc supervise RECEIPT --ack --staff ID [--json]\n"
		   "       jrc supervise RECEIPT --reply TEXT --staff ID [--json]\n"
		   "       jrc supervise --list [--late] [--department CODE] [--json]\n"
		   "A supervisor issues a supervision notice to a department on a case that\n"
		   "still owes a step: what is expected (--note) and by when (--by, no later\n"
		   "than the case's deadline, or five days from today when that has passed).\n"
		   "A handler of that department, or a supervisor, acknowledges it (--ack)\n"
		   "and then replies (--reply; - reads standard input); a reply after the\n"
		   "by-date is late.  --list shows the notices, newest first; --late only\n"
		   "those replied late or still open past their by-date.\n"),
	.opts = supervise_opts,
	.min_args = 0, .max_args = 1,
	.few = N_("give the receipt number of the case"),
	.many = N_("give one receipt number"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(supervise_args),
	.check = supervise_check,
	.run = supervise_run,
};
