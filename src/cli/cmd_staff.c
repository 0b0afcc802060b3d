/* jrc staff: accounts for the front desk, handlers, supervisors and
 * administrators.  The command line is the system operator's, so it acts
 * as "system" and needs no login; passwords come from standard input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"

/* One line from f without its line end, or NULL at end of input. */
static char *read_line(FILE *f, char *buf, size_t size)
{
	size_t n;

	if (!fgets(buf, (int)size, f))
		return NULL;
	n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return buf;
}

/* Ask on the terminal with echo off.  Echo goes off before the prompt
 * shows, so nothing typed after the prompt can appear; what was typed
 * ahead is kept (TCSANOW, not TCSAFLUSH, which would throw it away). */
static char *ask_hidden(const char *prompt, char *buf, size_t size)
{
	struct termios old, quiet;
	int have = tcgetattr(STDIN_FILENO, &old) == 0;
	char *r;

	if (have) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	fputs(prompt, stderr);
	fflush(stderr);
	r = read_line(stdin, buf, size);
	if (have)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &old);
	return r;
}

/* The new password: asked twice on a terminal, else the first line of
 * standard input.  0, or the exit code after saying what is wrong. */
static int get_password(char *pw, size_t size)
{
	char again[JRC_PASSWORD_MAX + 8];
	jrc_err err = { 0 };

	if (isatty(STDIN_FILENO)) {
		if (!ask_hidden(_("New password (at least 8 characters): "), pw, size) ||
		    !ask_hidden(_("The same password again: "), again, sizeof(again))) {
			fprintf(stderr, _("jrc: no password was given: type it twice when asked.\n"));
			return 2;
		}
		if (strcmp(pw, again) != 0) {
			explicit_bzero(again, sizeof(again));
			fprintf(stderr, _("jrc: the two passwords differ: run the command again and type the same one twice.\n"));
			return 2;
		}
		explicit_bzero(again, sizeof(again));
	} else if (!read_line(stdin, pw, size)) {
		fprintf(stderr, _("jrc: no password was given: write it on standard input, one line.\n"));
		return 2;
	}
	if (auth_password_check(pw, &err) != JRC_OK) {
		fprintf(stderr, "jrc: %s\n", err.msg);
		return 2;
	}
	return 0;
}

static const struct option add_opts[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "role", required_argument, NULL, 'r' },
	{ "department", required_argument, NULL, 'd' },
	{ NULL, 0, NULL, 0 }
};

static int add_check(cli_call *c)
{
	jrc_staff_in *in = c->state;
	const char *role = cli_arg(c, 'r');

	in->id = c->argv[0];
	in->name = cli_arg(c, 'n');
	in->department = cli_arg(c, 'd');
	if (!in->name)
		return cli_usage(c->ctx, _("--name is needed: the staff member's full name"));
	if (!role || lifecycle_role_parse(role, &in->role) != 0 ||
	    (in->role != JRC_ROLE_DESK && in->role != JRC_ROLE_HANDLER &&
	     in->role != JRC_ROLE_SUPERVISOR && in->role != JRC_ROLE_ADMIN))
		return cli_usage(c->ctx, _("--role must be desk, handler, supervisor or admin"));
	return 0;
}

static int add_run(cli_call *c)
{
	const jrc_staff_in *in = c->state;
	char pw[JRC_PASSWORD_MAX + 8];
	jrc_status s;
	int rc;

	if ((rc = get_password(pw, sizeof(pw)))) {
		explicit_bzero(pw, sizeof(pw));
		return rc;
	}
	s = auth_staff_add(c->db, NULL, in, pw, &c->err);
	explicit_bzero(pw, sizeof(pw));
	if (s != JRC_OK)
		return CLI_ERR;
	printf(_("Staff account %s (%s) added.\n"), in->id, auth_role_label(in->role));
	return 0;
}

static const cli_command staff_add = {
	.name = "add",
	.help = N_("Usage: jrc staff add ID --name NAME --role desk|handler|supervisor|admin\n"
		   "                     [--department CODE]\n"
		   "Add a staff account.  The password (at least 8 characters) is asked\n"
		   "twice on a terminal, or read as one line from standard input.\n"
		   "A handler needs --department: the cases of that department are theirs.\n"),
	.opts = add_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give exactly one staff ID, such as D001"),
	.many = N_("give exactly one staff ID, such as D001"),
	.flags = CLI_DB,
	.state_size = sizeof(jrc_staff_in),
	.check = add_check,
	.run = add_run,
};

/* passwd, disable and enable: one account by its ID. */
static int one_run(cli_call *c)
{
	char what = c->cmd->name[0];
	char pw[JRC_PASSWORD_MAX + 8];
	jrc_status s;
	jrc_staff st;
	int rc;

	if (auth_staff_get(c->db, c->argv[0], &st, &c->err) != JRC_OK)
		return CLI_ERR;
	if (what == 'p') {
		if ((rc = get_password(pw, sizeof(pw)))) {
			explicit_bzero(pw, sizeof(pw));
			return rc;
		}
		s = auth_staff_passwd(c->db, NULL, st.id, pw, &c->err);
		explicit_bzero(pw, sizeof(pw));
	} else {
		s = auth_staff_set_disabled(c->db, NULL, st.id, what == 'd', &c->err);
	}
	if (s != JRC_OK)
		return CLI_ERR;
	if (what == 'p')
		printf(_("The password of %s is changed.\n"), st.id);
	else if (what == 'd')
		printf(_("The account %s is disabled.\n"), st.id);
	else
		printf(_("The account %s can log in again.\n"), st.id);
	return 0;
}

#define STAFF_ONE(sub, text) { \
	.name = sub, .help = text, .min_args = 1, .max_args = 1, \
	.few = N_("give exactly one staff ID, such as D001"), \
	.many = N_("give exactly one staff ID, such as D001"), \
	.flags = CLI_DB, .run = one_run }

static const cli_command staff_passwd = STAFF_ONE("passwd",
	N_("Usage: jrc staff passwd ID\n"
	   "Set a new password (asked twice on a terminal, else one line\n"
	   "from standard input).  It also lifts a lockout.\n"));
static const cli_command staff_disable = STAFF_ONE("disable",
	N_("Usage: jrc staff disable ID\n"
	   "Disable an account: it can no longer log in.  Its history stays.\n"));
static const cli_command staff_enable = STAFF_ONE("enable",
	N_("Usage: jrc staff enable ID\n"
	   "Let a disabled account log in again.\n"));

static const char *state_words(const jrc_staff *s, jrc_time now, char *buf, size_t size)
{
	char when[32];

	if (s->disabled)
		return _("disabled");
	if (s->locked_until > now) {
		clock_format_local(s->locked_until, when);
		snprintf(buf, size, _("locked until %s"), when);
		return buf;
	}
	return _("active");
}

/* An account in staff list --json; arg points to now. */
static void staff_json(json_out *j, const void *row, const void *arg)
{
	const jrc_staff *st = row;

	json_str(j, "id", st->id);
	json_str(j, "name", st->name);
	json_str(j, "role", lifecycle_role_name(st->role));
	json_str(j, "department", *st->department ? st->department : NULL);
	json_bool(j, "disabled", st->disabled);
	json_bool(j, "locked", st->locked_until > *(const jrc_time *)arg);
	json_str(j, "created_at", st->created_at);
}

static int list_run(cli_call *c)
{
	jrc_staff *list;
	size_t n;
	jrc_time now = clock_now();
	char buf[64];

	if (auth_staff_list(c->db, &list, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(list, n, sizeof(*list), staff_json, &now);
	else if (n == 0) {
		printf(_("No staff accounts yet: add one with 'jrc staff add'.\n"));
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%-12s %-11s %-6s %s (%s)\n", list[i].id,
			       lifecycle_role_name(list[i].role),
			       *list[i].department ? list[i].department : "-", list[i].name,
			       state_words(&list[i], now, buf, sizeof(buf)));
	}
	free(list);
	return 0;
}

static const cli_command staff_list = {
	.name = "list",
	.help = N_("Usage: jrc staff list [--json]\n"
		   "List the staff accounts: ID, role, department, name, and whether the\n"
		   "account is active, locked or disabled.\n"),
	.flags = CLI_DB | CLI_JSON,
	.run = list_run,
};

/* jrc staff SUBCOMMAND: each subcommand an entry of its own. */
static int staff_run(cli_call *c)
{
	static const cli_command *const subs[] = {
		&staff_add, &staff_passwd, &staff_disable, &staff_enable, &staff_list
	};
	const char *sub = c->argc ? c->argv[0] : NULL;

	if (!sub) {
		cli_help(c->cmd, stderr);
		return 2;
	}
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(sub, subs[i]->name) == 0)
			return cli_run(c->ctx, subs[i], c->argc, c->argv);
	return cli_usage(c->ctx, _("unknown subcommand '%s' (add, passwd, disable, enable, list)"), sub);
}

const cli_command cli_cmd_staff = {
	.name = "staff",
	.summary = N_("add, list, disable staff accounts and set their passwords"),
	.help = N_("Usage: jrc staff add ID --name NAME --role ROLE [--department CODE]\n"
		   "       jrc staff passwd ID\n"
		   "       jrc staff disable ID\n"
		   "       jrc staff enable ID\n"
		   "       jrc staff list [--json]\n"
		   "Manage staff accounts.  Roles: desk (files, reprints, corrects intake),\n"
		   "handler (acts on the cases of one department), supervisor (all cases,\n"
		   "and closes them), admin (staff accounts and reference data).\n"
		   "Every change is recorded on the event log.\n"),
	.max_args = CLI_MANY,
	.flags = CLI_RAW,
	.run = staff_run,
};
