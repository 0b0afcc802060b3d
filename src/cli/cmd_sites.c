/* jrc sites, assign, escalate, joint: the sites of the three levels and
 * cases passed between them (site.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/site.h"

static const char *level_words(const char *level)
{
	if (strcmp(level, "county") == 0)
		return _("county");
	if (strcmp(level, "township") == 0)
		return _("township");
	if (strcmp(level, "village") == 0)
		return _("village");
	return level;
}

static void site_json(json_out *j, const void *row, const void *arg)
{
	const jrc_site *s = row;

	(void)arg;
	json_str(j, "code", s->code);
	json_str(j, "level", s->level);
	json_str(j, "parent", *s->parent ? s->parent : NULL);
	json_str(j, "division", s->division);
	json_str(j, "name_zh", s->name_zh);
	json_str(j, "name_en", s->name_en);
	json_str(j, "address", s->address);
}

static int sites_run(cli_call *c)
{
	jrc_site *v;
	size_t n;

	if (site_list(c->db, &v, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_print_rows(v, n, sizeof(*v), site_json, NULL);
	} else if (!n) {
		printf("%s\n", _("No sites are listed: add data/sites.csv and run 'jrc import'."));
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%*s%-4s  %-8s  %s%s%s\n", strcmp(v[i].level, "county") == 0 ? 0 :
			       strcmp(v[i].level, "township") == 0 ? 2 : 4, "", v[i].code,
			       level_words(v[i].level), i18n_pick(v[i].name_zh, v[i].name_en),
			       *v[i].parent ? _(", under ") : "", v[i].parent);
	}
	free(v);
	return 0;
}

const cli_command cli_cmd_sites = {
	.name = "sites",
	.summary = N_("list the sites: the county center, townships, village points"),
	.help = N_("Usage: jrc sites [--json]\n"
		   "List the sites of the three levels (三级联动) from data/sites.csv: the\n"
		   "county center, the center of each township or subdistrict, and the\n"
		   "village points, with the receipt code of each.\n"),
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.run = sites_run,
};

/* ---------------------------------------------------------------- assign, escalate, joint */

typedef struct handling_args {
	char actor[48];
} handling_args;

/* The receipt and --staff, common to the three. */
static int common_check(cli_call *c)
{
	handling_args *a = c->state;
	const char *staff = cli_arg(c, 'S');
	int rc;

	if ((rc = cli_receipt_arg(c->ctx, c->argv[0], c->receipt)))
		return rc;
	snprintf(a->actor, sizeof(a->actor), "cli");
	if (staff) {
		if (auth_check_staff_id(staff, NULL) != JRC_OK)
			return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
		snprintf(a->actor, sizeof(a->actor), "staff:%s", staff);
	}
	return 0;
}

/* What a case's handling is now, for --json and the sentence after. */
static int print_handling(cli_call *c, const char *done)
{
	jrc_case cs;
	jrc_handling h;

	if (grievance_get(c->db, c->receipt, &cs, &c->err) != JRC_OK)
		return CLI_ERR;
	if (handling_get(c->db, cs.id, &h, &c->err) != JRC_OK) {
		grievance_case_free(&cs);
		return CLI_ERR;
	}
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "receipt", cs.receipt);
		json_str(&j, "state", lifecycle_state_name(cs.state));
		json_str(&j, "due_on", *cs.due_on ? cs.due_on : NULL);
		json_str(&j, "filed_at_site", cs.site);
		json_str(&j, "site", h.site);
		json_str(&j, "moved", h.moved == JRC_MOVED_ASSIGNED ? "assigned" :
			 h.moved == JRC_MOVED_ESCALATED ? "escalated" : NULL);
		json_str(&j, "by", *h.by_on ? h.by_on : NULL);
		json_str(&j, "lead", *h.lead ? h.lead : NULL);
		json_str(&j, "with", *h.partners ? h.partners : NULL);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf("%s: %s\n", cs.receipt, done);
	}
	grievance_case_free(&cs);
	return 0;
}

static const struct option assign_opts[] = {
	{ "to", required_argument, NULL, 't' },
	{ "by", required_argument, NULL, 'b' },
	{ "by-date", required_argument, NULL, 'b' },
	{ "note", required_argument, NULL, 'n' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int assign_check(cli_call *c)
{
	int rc;

	if ((rc = common_check(c)))
		return rc;
	if (!cli_has(c, 't') || !cli_has(c, 'b') || !cli_has(c, 'n'))
		return cli_usage(c->ctx, _("assigning a case needs --to SITE, --by YYYY-MM-DD and --note TEXT"));
	return cli_text_arg(c, 'n');
}

static int assign_run(cli_call *c)
{
	handling_args *a = c->state;
	char done[256];

	if (handling_assign(c->db, a->actor, c->receipt, cli_arg(c, 't'), cli_arg(c, 'b'),
			    cli_arg(c, 'n'), &c->err) != JRC_OK)
		return CLI_ERR;
	snprintf(done, sizeof(done), _("assigned to %s, to be handled by %s; the statutory deadline runs on."),
		 cli_arg(c, 't'), cli_arg(c, 'b'));
	return print_handling(c, done);
}

const cli_command cli_cmd_assign = {
	.name = "assign",
	.summary = N_("assign a case down to a township or village site (交办)"),
	.help = N_("Usage: jrc assign RECEIPT --to SITE --by YYYY-MM-DD --note TEXT\n"
		   "                  [--staff ID] [--json]\n"
		   "Pass a case down to a site below the one handling it (a township, or a\n"
		   "village point), with instructions (--note; - reads standard input) and\n"
		   "an internal by-date (--by, also --by-date) that falls on or before the\n"
		   "statutory deadline the case runs against.  The case's state and\n"
		   "deadline do not change; the citizen's status says where it went.\n"),
	.opts = assign_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give the receipt number of the case"),
	.many = N_("give one receipt number"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(handling_args),
	.check = assign_check,
	.run = assign_run,
};

static const struct option escalate_opts[] = {
	{ "reason", required_argument, NULL, 'r' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int escalate_check(cli_call *c)
{
	int rc;

	if ((rc = common_check(c)))
		return rc;
	if (!cli_has(c, 'r'))
		return cli_usage(c->ctx, _("escalating a case needs --reason TEXT"));
	return cli_text_arg(c, 'r');
}

static int escalate_run(cli_call *c)
{
	handling_args *a = c->state;

	if (handling_escalate(c->db, a->actor, c->receipt, cli_arg(c, 'r'), &c->err) != JRC_OK)
		return CLI_ERR;
	return print_handling(c, _("escalated to the site above; the statutory deadline runs on."));
}

const cli_command cli_cmd_escalate = {
	.name = "escalate",
	.summary = N_("pass a case up to the parent site (上报)"),
	.help = N_("Usage: jrc escalate RECEIPT --reason TEXT [--staff ID] [--json]\n"
		   "Pass a case that this level cannot solve up to the parent of the site\n"
		   "handling it (a village point to its township, a township to the county\n"
		   "center), with the reason (--reason; - reads standard input).  The\n"
		   "case's state and deadline do not change.\n"),
	.opts = escalate_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give the receipt number of the case"),
	.many = N_("give one receipt number"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(handling_args),
	.check = escalate_check,
	.run = escalate_run,
};

static const struct option joint_opts[] = {
	{ "lead", required_argument, NULL, 'l' },
	{ "with", required_argument, NULL, 'w' },
	{ "part", required_argument, NULL, 'p' },
	{ "department", required_argument, NULL, 'd' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int joint_check(cli_call *c)
{
	int rc;

	if ((rc = common_check(c)))
		return rc;
	if (cli_has(c, 'p')) {
		if (cli_has(c, 'l') || cli_has(c, 'w'))
			return cli_usage(c->ctx, _("--part goes with --department, not with --lead or --with"));
		if (!cli_has(c, 'd'))
			return cli_usage(c->ctx, _("say which department adds the part: give --department CODE"));
		return cli_text_arg(c, 'p');
	}
	if (cli_has(c, 'd'))
		return cli_usage(c->ctx, _("--department goes with --part"));
	if (!cli_has(c, 'l') || !cli_has(c, 'w'))
		return cli_usage(c->ctx, _("joint handling needs --lead CODE and --with CODE[,CODE], or --part TEXT --department CODE"));
	return 0;
}

static int joint_run(cli_call *c)
{
	handling_args *a = c->state;
	char done[256];

	if (cli_has(c, 'p')) {
		if (handling_part(c->db, a->actor, c->receipt, cli_arg(c, 'd'), cli_arg(c, 'p'),
				  &c->err) != JRC_OK)
			return CLI_ERR;
		snprintf(done, sizeof(done), _("the part of %s is recorded."), cli_arg(c, 'd'));
		return print_handling(c, done);
	}
	if (handling_joint(c->db, a->actor, c->receipt, cli_arg(c, 'l'), cli_arg(c, 'w'),
			   &c->err) != JRC_OK)
		return CLI_ERR;
	snprintf(done, sizeof(done), _("handled jointly, %s leading."), cli_arg(c, 'l'));
	return print_handling(c, done);
}

const cli_command cli_cmd_joint = {
	.name = "joint",
	.summary = N_("handle a case jointly: a lead department and others (联合办理)"),
	.help = N_("Usage: jrc joint RECEIPT --lead CODE --with CODE[,CODE...] [--staff ID] [--json]\n"
		   "       jrc joint RECEIPT --part TEXT --department CODE [--staff ID] [--json]\n"
		   "Name the department that leads the joint handling of a case and the\n"
		   "departments that handle it with the lead (codes of data/departments.csv;\n"
		   "naming them again replaces the earlier arrangement).  Each of them adds\n"
		   "its part with --part (- reads standard input).  The case's state and\n"
		   "deadline do not change.\n"),
	.opts = joint_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give the receipt number of the case"),
	.many = N_("give one receipt number"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(handling_args),
	.check = joint_check,
	.run = joint_run,
};
