/* jrc staff: accounts for the front desk, handlers, supervisors and
 * administrators.  The command line is the system operator's, so it acts
 * as "system" and needs no login; passwords come from standard input. */
#include <getopt.h>
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

static int staff_add(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "department", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	jrc_staff_in in = { 0 };
	const char *role = NULL;
	char pw[JRC_PASSWORD_MAX + 8];
	int c, rc;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_status s;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'n': in.name = optarg; break;
		case 'r': role = optarg; break;
		case 'd': in.department = optarg; break;
		case 'h':
			printf(_("Usage: jrc staff add ID --name NAME --role desk|handler|supervisor|admin\n"
				 "                     [--department CODE]\n"
				 "Add a staff account.  The password (at least 8 characters) is asked\n"
				 "twice on a terminal, or read as one line from standard input.\n"
				 "A handler needs --department: the cases of that department are theirs.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, _("give exactly one staff ID, such as D001"));
	in.id = argv[optind];
	if (!in.name)
		return cli_usage(ctx, _("--name is needed: the staff member's full name"));
	if (!role || lifecycle_role_parse(role, &in.role) != 0 ||
	    (in.role != JRC_ROLE_DESK && in.role != JRC_ROLE_HANDLER &&
	     in.role != JRC_ROLE_SUPERVISOR && in.role != JRC_ROLE_ADMIN))
		return cli_usage(ctx, _("--role must be desk, handler, supervisor or admin"));
	if ((rc = cli_open_db(ctx, 0, &db)))
		return rc;
	if ((rc = get_password(pw, sizeof(pw)))) {
		explicit_bzero(pw, sizeof(pw));
		db_close(db);
		return rc;
	}
	s = auth_staff_add(db, NULL, &in, pw, &err);
	explicit_bzero(pw, sizeof(pw));
	db_close(db);
	if (s != JRC_OK)
		return cli_fail(ctx, &err);
	printf(_("Staff account %s (%s) added.\n"), in.id, auth_role_label(in.role));
	return 0;
}

static int staff_one(cli_ctx *ctx, int argc, char **argv, int what)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char pw[JRC_PASSWORD_MAX + 8];
	int c, rc;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_status s;
	jrc_staff st;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			if (what == 'p')
				printf(_("Usage: jrc staff passwd ID\n"
					 "Set a new password (asked twice on a terminal, else one line\n"
					 "from standard input).  It also lifts a lockout.\n"));
			else if (what == 'd')
				printf(_("Usage: jrc staff disable ID\n"
					 "Disable an account: it can no longer log in.  Its history stays.\n"));
			else
				printf(_("Usage: jrc staff enable ID\n"
					 "Let a disabled account log in again.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, _("give exactly one staff ID, such as D001"));
	if ((rc = cli_open_db(ctx, 0, &db)))
		return rc;
	if ((s = auth_staff_get(db, argv[optind], &st, &err)) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	if (what == 'p') {
		if ((rc = get_password(pw, sizeof(pw)))) {
			explicit_bzero(pw, sizeof(pw));
			db_close(db);
			return rc;
		}
		s = auth_staff_passwd(db, NULL, st.id, pw, &err);
		explicit_bzero(pw, sizeof(pw));
	} else {
		s = auth_staff_set_disabled(db, NULL, st.id, what == 'd', &err);
	}
	db_close(db);
	if (s != JRC_OK)
		return cli_fail(ctx, &err);
	if (what == 'p')
		printf(_("The password of %s is changed.\n"), st.id);
	else if (what == 'd')
		printf(_("The account %s is disabled.\n"), st.id);
	else
		printf(_("The account %s can log in again.\n"), st.id);
	return 0;
}

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

static int staff_list(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc, json = 0;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_staff *list;
	size_t n;
	jrc_time now = clock_now();
	char buf[64];

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'h':
			printf(_("Usage: jrc staff list [--json]\n"
				 "List the staff accounts: ID, role, department, name, and whether the\n"
				 "account is active, locked or disabled.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_db(ctx, 0, &db)))
		return rc;
	if (auth_staff_list(db, &list, &n, &err) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	if (json) {
		json_out j;

		json_begin(&j, stdout);
		json_arr_open(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_obj_open(&j, NULL);
			json_str(&j, "id", list[i].id);
			json_str(&j, "name", list[i].name);
			json_str(&j, "role", lifecycle_role_name(list[i].role));
			json_str(&j, "department", *list[i].department ? list[i].department : NULL);
			json_bool(&j, "disabled", list[i].disabled);
			json_bool(&j, "locked", list[i].locked_until > now);
			json_str(&j, "created_at", list[i].created_at);
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_end(&j);
	} else if (n == 0) {
		printf(_("No staff accounts yet: add one with 'jrc staff add'.\n"));
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%-12s %-11s %-6s %s (%s)\n", list[i].id,
			       lifecycle_role_name(list[i].role),
			       *list[i].department ? list[i].department : "-", list[i].name,
			       state_words(&list[i], now, buf, sizeof(buf)));
	}
	free(list);
	db_close(db);
	return 0;
}

int cmd_staff(cli_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (!sub || strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		fprintf(sub ? stdout : stderr, _("Usage: jrc staff add ID --name NAME --role ROLE [--department CODE]\n"
			 "       jrc staff passwd ID\n"
			 "       jrc staff disable ID\n"
			 "       jrc staff enable ID\n"
			 "       jrc staff list [--json]\n"
			 "Manage staff accounts.  Roles: desk (files, reprints, corrects intake),\n"
			 "handler (acts on the cases of one department), supervisor (all cases,\n"
			 "and closes them), admin (staff accounts and reference data).\n"
			 "Every change is recorded on the event log.\n"));
		return sub ? 0 : 2;
	}
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return staff_add(ctx, argc, argv);
	if (strcmp(sub, "passwd") == 0)
		return staff_one(ctx, argc, argv, 'p');
	if (strcmp(sub, "disable") == 0)
		return staff_one(ctx, argc, argv, 'd');
	if (strcmp(sub, "enable") == 0)
		return staff_one(ctx, argc, argv, 'e');
	if (strcmp(sub, "list") == 0)
		return staff_list(ctx, argc, argv);
	return cli_usage(ctx, _("unknown subcommand '%s' (add, passwd, disable, enable, list)"), sub);
}
