/* jrc terminate: lawful termination (依法终结) from the command line, and
 * the termination slip printed (or printed again with --slip). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/slip.h"
#include "jrc/terminate.h"

static const struct option term_opts[] = {
	{ "reason", required_argument, NULL, 'r' },
	{ "channel", required_argument, NULL, 'c' },
	{ "staff", required_argument, NULL, 'S' },
	{ "role", required_argument, NULL, 'R' },
	{ "print", no_argument, NULL, 'p' },
	{ "printer", required_argument, NULL, 'P' },
	{ "slip", no_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 }
};

typedef struct term_args {
	jrc_move mv;
	char actor[48];
} term_args;

static int terminate_check(cli_call *c)
{
	term_args *m = c->state;
	const char *staff = cli_arg(c, 'S');

	m->mv.to = JRC_ST_TERMINATED;
	m->mv.role = JRC_ROLE_SUPERVISOR;
	m->mv.actor = "cli";
	if (cli_has(c, 's')) {
		if (cli_has(c, 'r') || cli_has(c, 'c') || cli_has(c, 'S') || cli_has(c, 'R'))
			return cli_usage(c->ctx, _("--slip only prints the slip of a concluded matter again: leave out --reason, --channel, --staff and --role"));
		return 0;
	}
	if (cli_has(c, 'R') &&
	    (lifecycle_role_parse(cli_arg(c, 'R'), &m->mv.role) != 0 ||
	     m->mv.role == JRC_ROLE_CITIZEN || m->mv.role == JRC_ROLE_SYSTEM))
		return cli_usage(c->ctx, _("the role must be desk, handler, supervisor or admin"));
	if (staff) {
		if (auth_check_staff_id(staff, NULL) != JRC_OK)
			return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
		snprintf(m->actor, sizeof(m->actor), "staff:%s", staff);
		m->mv.actor = m->actor;
	}
	if (cli_has(c, 'P') && !cli_has(c, 'p'))
		return cli_usage(c->ctx, _("--printer goes with --print or --slip"));
	m->mv.reason = cli_arg(c, 'r');
	m->mv.channel = cli_arg(c, 'c');
	return 0;
}

static int print_slip(cli_call *c, int concluded_now)
{
	jrc_err perr = { 0 };
	int printed = 0;

	if (slip_term_print(c->db, c->receipt, cli_arg(c, 'P'), &printed, &perr) != JRC_OK) {
		if (concluded_now)
			fprintf(stderr, _("jrc: the matter is concluded, but its slip did not print: %s Print it again with 'jrc terminate %s --slip'.\n"),
				perr.msg, c->receipt);
		else
			cli_fail(c->ctx, &perr);
		return perr.code == JRC_E_REFUSED ? 2 : 1;
	}
	if (!printed)
		fprintf(stderr, _("jrc: no printer is set, so the termination slip of %s was not printed: set one with 'jrc settings printer URI' or use --printer.\n"),
			c->receipt);
	return 0;
}

static int terminate_run(cli_call *c)
{
	term_args *m = c->state;
	jrc_termination t;
	jrc_case after;
	int found = 0, rc = 0;

	if (cli_has(c, 's'))
		return print_slip(c, 0);
	if (lifecycle_move(c->db, c->receipt, &m->mv, &after, &c->err) != JRC_OK)
		return CLI_ERR;
	if (term_get(c->db, after.id, &t, &found, &c->err) != JRC_OK) {
		grievance_case_free(&after);
		return CLI_ERR;
	}
	grievance_case_free(&after);
	if (cli_has(c, 'p'))
		rc = print_slip(c, 1);
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "receipt", c->receipt);
		json_str(&j, "state", lifecycle_state_name(JRC_ST_TERMINATED));
		json_str(&j, "concluded_on", t.on);
		json_str(&j, "reason", t.reason);
		json_str(&j, "channel", t.channel);
		json_str(&j, "by", t.actor);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("%s: lawfully concluded on %s. The citizen can still go to: %s\n"), c->receipt,
		       t.on, t.channel);
	}
	return rc;
}

const cli_command cli_cmd_terminate = {
	.name = "terminate",
	.summary = N_("lawfully conclude a matter after its re-review (依法终结)"),
	.help = N_("Usage: jrc terminate RECEIPT --reason TEXT --channel TEXT [--staff ID]\n"
		   "                     [--role desk|handler|supervisor|admin]\n"
		   "                     [--print [--printer URI]] [--json]\n"
		   "       jrc terminate RECEIPT --slip [--printer URI]\n"
		   "Lawfully conclude (依法终结) a matter that has been answered, reviewed and\n"
		   "re-reviewed: it is final, nothing moves it afterwards, and a later filing\n"
		   "by the same person on the same kind of matter at the same place is\n"
		   "registered but linked to it.  Only a supervisor may do it (the role\n"
		   "defaults to supervisor).\n\n"
		   "  --reason TEXT   why the matter is finished, in plain words\n"
		   "  --channel TEXT  the legal way that remains (the people's court ...)\n"
		   "  --print         print the termination slip for the citizen\n"
		   "  --printer URI   where to print (default: the printer setting)\n"
		   "  --slip          print the slip of a concluded matter again\n"),
	.opts = term_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give the receipt number of the matter"),
	.flags = CLI_DB | CLI_JSON | CLI_RECEIPT,
	.state_size = sizeof(term_args),
	.check = terminate_check,
	.run = terminate_run,
};
