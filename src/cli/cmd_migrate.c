/* jrc migrate --to URI: a hall's SQLite file (--db) moved into a county's
 * PostgreSQL server, then both checked: the same chain head on both. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "jrc/audit.h"
#include "jrc/db_migrate.h"
#include "jrc/i18n.h"

static const struct option migrate_opts[] = {
	{ "to", required_argument, NULL, 't' },
	{ NULL, 0, NULL, 0 }
};

static int migrate_check(cli_call *c)
{
	const char *to = cli_arg(c, 't');

	if (!to || !db_is_server_uri(to))
		return cli_usage(c->ctx, "%s",
				 _("give the server to move into with --to postgresql://..."));
	if (db_is_server_uri(c->ctx->db_path))
		return cli_usage(c->ctx, "%s",
				 _("--db must be the hall's SQLite file to move"));
	return 0;
}

static int migrate_run(cli_call *c)
{
	jrc_db *dst;
	jrc_err err = { 0 };
	jrc_migrate_report m;
	jrc_verify_report a, b;
	int rc;

	/* The file must be sound before anything moves. */
	if (audit_verify_report(c->db, &a, &err) != JRC_OK)
		return cli_fail(c->ctx, &err);
	if (db_open(cli_arg(c, 't'), JRC_DB_CREATE, &dst, &err) != JRC_OK)
		return cli_fail(c->ctx, &err);
	if (db_migrate_to(c->db, dst, &m, &err) != JRC_OK) {
		db_close(dst);
		rc = cli_fail(c->ctx, &err);
		fprintf(stderr, "%s\n",
			_("Nothing of the record was moved: the server's database holds the empty schema, ready for another try."));
		return rc;
	}
	if (audit_verify_report(dst, &b, &err) != JRC_OK) {
		db_close(dst);
		return cli_fail(c->ctx, &err);
	}
	db_close(dst);
	if (strcmp(a.head, b.head) != 0) {
		fprintf(stderr, _("jrc: the server's chain ends at %.8s but the file's at %.8s: do not use the server; report this.\n"),
			b.head, a.head);
		return 1;
	}
	printf(_("Moved %lld rows of %d tables into the server. jrc verify passes on both, with the same chain head %.8s (%lld events).\n"),
	       (long long)m.rows, m.tables, a.head, (long long)a.events);
	return 0;
}

const cli_command cli_cmd_migrate = {
	.name = "migrate",
	.summary = N_("move a hall's SQLite file into a county's PostgreSQL server"),
	.help = N_("Usage: jrc --db FILE migrate --to postgresql://...\n"
		   "Copy every row of the SQLite file into the PostgreSQL database the URI\n"
		   "names, which must hold no record yet (the schema and roles are laid out\n"
		   "first), in one transaction; then check both: the same chain head.\n"),
	.opts = migrate_opts,
	.flags = CLI_DB | CLI_READONLY,
	.check = migrate_check,
	.run = migrate_run,
};
