/* The runner every command goes through: its options and operands, its
 * checks, the database opened and closed, the exit code from what failed.
 * A command says what it needs in its cli_command entry and does only its
 * own work in run. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jrc/i18n.h"

enum { MAX_OPTS = 32 };

void cli_help(const cli_command *cmd, FILE *f)
{
	if (cmd->help_fn)
		cmd->help_fn(f);
	else
		fputs(_(cmd->help), f);
}

int cli_last(const cli_call *c, int a, int b)
{
	if (!cli_has(c, a) && !cli_has(c, b))
		return 0;
	return c->at[a] > c->at[b] ? a : b;
}

int cli_text_arg(cli_call *c, int key)
{
	int rc;

	if (!cli_has(c, key) || strcmp(c->arg[key], "-") != 0)
		return 0;
	free(c->text);
	c->text = NULL;
	if ((rc = cli_read_stdin(c->ctx, &c->text)))
		return rc;
	c->arg[key] = c->text;
	return 0;
}

int cli_failed(cli_call *c)
{
	return cli_fail(c->ctx, &c->err);
}

/* The options into c->arg; the operands into c->argc/argv.  0 to go on,
 * -1 when --help was answered, else the exit code. */
static int parse(cli_call *c, int argc, char **argv)
{
	const cli_command *cmd = c->cmd;
	struct option opts[MAX_OPTS];
	size_t n = 0;
	int o, seq = 0;

	if (cmd->flags & CLI_RAW) {
		if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
			cli_help(cmd, stdout);
			return -1;
		}
		c->argc = argc - 1;
		c->argv = argv + 1;
		return 0;
	}
	for (const struct option *p = cmd->opts; p && p->name && n < MAX_OPTS - 3; p++)
		opts[n++] = *p;
	if (cmd->flags & CLI_JSON)
		opts[n++] = (struct option){ "json", no_argument, NULL, 'j' };
	opts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	opts[n] = (struct option){ NULL, 0, NULL, 0 };
	optind = 0;     /* a fresh getopt for each command */
	while ((o = getopt_long(argc, argv, cmd->shortopts ? cmd->shortopts : "h", opts,
				NULL)) != -1) {
		if (o == 'h') {
			cli_help(cmd, stdout);
			return -1;
		}
		if (o <= 0 || o >= CLI_KEYS || o == '?' || o == ':')
			return cli_usage(c->ctx, _("unknown option"));
		if (o == 'j' && (cmd->flags & CLI_JSON))
			c->json = 1;
		c->arg[o] = optarg ? optarg : "";
		c->at[o] = ++seq;
	}
	c->argc = argc - optind;
	c->argv = argv + optind;
	return 0;
}

static int operands(cli_call *c)
{
	const cli_command *cmd = c->cmd;

	if (c->argc < cmd->min_args)
		return cli_usage(c->ctx, "%s", _(cmd->few));
	if (c->argc > cmd->max_args) {
		if (cmd->many)
			return cli_usage(c->ctx, "%s", _(cmd->many));
		return cli_usage(c->ctx, _("unexpected argument '%s'"), c->argv[cmd->max_args]);
	}
	return 0;
}

int cli_run(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv)
{
	cli_call c = { .ctx = ctx, .cmd = cmd };
	int rc;

	c.db_flags = cmd->flags & CLI_READONLY ? JRC_DB_READONLY : 0;
	if ((rc = parse(&c, argc, argv)))
		return rc < 0 ? 0 : rc;
	if ((rc = operands(&c)))
		return rc;
	if (cmd->state_size && !(c.state = calloc(1, cmd->state_size))) {
		fprintf(stderr, "jrc: %s\n", jrc_status_message(JRC_E_NOMEM));
		return 1;
	}
	if (cmd->check && (rc = cmd->check(&c)))
		goto out;
	if ((cmd->flags & CLI_RECEIPT) && (rc = cli_receipt_arg(ctx, c.argv[0], c.receipt)))
		goto out;
	if ((cmd->flags & CLI_DB) && (rc = cli_open_db(ctx, c.db_flags, &c.db)))
		goto out;
	rc = cmd->run(&c);
	if (rc == CLI_ERR)
		rc = cli_fail(ctx, &c.err);
out:
	if (c.db)
		db_close(c.db);
	free(c.text);
	free(c.state);
	return rc;
}
