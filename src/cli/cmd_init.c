/* jrc init, import, settings, categories, divisions. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "jrc/i18n.h"
#include "jrc/ledger_key.h"
#include "jrc/refdata.h"
#include "jrc/site.h"

/* The -wal, -shm and -journal files SQLite keeps beside a database. */
static void remove_sidecars(const char *path)
{
	static const char *const tails[] = { "-wal", "-shm", "-journal" };
	char buf[4300];

	for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		snprintf(buf, sizeof(buf), "%s%s", path, tails[i]);
		unlink(buf);
	}
}

static void remove_files(const char *path)
{
	unlink(path);
	remove_sidecars(path);
}

static const struct option init_opts[] = {
	{ "force", no_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

/* On a PostgreSQL server the record is laid out in the database the URI
 * names, which must hold none yet (never replaced, --force or not), and
 * the reference data imported into it. */
static int init_server(cli_ctx *ctx)
{
	int rc, key_created = 0;
	jrc_db *db;
	jrc_err err = { 0 };

	if (ledger_key_create(ledger_key_path(), 0, &key_created, &err) != JRC_OK)
		return cli_fail(ctx, &err);
	if ((rc = cli_open_db(ctx, JRC_DB_CREATE, &db)))
		return rc;
	if (refdata_import_dir(db, ctx->data_dir, "cli", &err) != JRC_OK ||
	    (ctx->site && site_settle(db, ctx->site, &err) != JRC_OK)) {
		db_close(db);
		rc = cli_fail(ctx, &err);
		fprintf(stderr, "%s\n",
			_("The server's database now holds an empty record: put the reference data right and import it with 'jrc import' (and 'jrc settings site_code' for the site)."));
		return rc;
	}
	printf(_("Laid out the record on the server with categories %ld, departments %ld, places %ld.\n"),
	       db_count(db, "categories"), db_count(db, "departments"), db_count(db, "divisions"));
	db_close(db);
	if (key_created)
		printf(_("Created the ledger key %s (mode 0400): keep a sealed copy away from the database and its backups.\n"),
		       ledger_key_path());
	return 0;
}

static int init_run(cli_call *c)
{
	cli_ctx *ctx = c->ctx;
	int force = cli_has(c, 'f'), rc, key_created = 0;
	jrc_db *db;
	jrc_err err = { 0 };
	char tmp[4200];
	long ncat, ndep, ndiv;

	if (db_is_server_uri(ctx->db_path))
		return init_server(ctx);
	if (access(ctx->db_path, F_OK) == 0 && !force) {
		err.code = JRC_E_DB_EXISTS;
		snprintf(err.msg, sizeof(err.msg),
			 _("A database already exists at %s: use --force to replace it, or choose another path."),
			 ctx->db_path);
		return cli_fail(ctx, &err);
	}
	/* The key before the database: a database nothing can be recorded in is no use. */
	if (ledger_key_create(ledger_key_path(), 0, &key_created, &err) != JRC_OK)
		return cli_fail(ctx, &err);
	/* The new database is built beside the old one and takes its place
	 * only when it is complete: bad data, a full disk or any other
	 * failure leaves the old one (or nothing) as it was. */
	if (snprintf(tmp, sizeof(tmp), "%s.init-%ld", ctx->db_path, (long)getpid()) >=
	    (int)sizeof(tmp))
		return cli_usage(ctx, _("the database path is too long"));
	remove_files(tmp);
	{
		const char *path = ctx->db_path;

		ctx->db_path = tmp;
		rc = cli_open_db(ctx, JRC_DB_CREATE, &db);
		ctx->db_path = path;
	}
	if (rc) {
		remove_files(tmp);
		return rc;
	}
	/* The site after the list of sites: it must be one of them. */
	if (refdata_import_dir(db, ctx->data_dir, "cli", &err) != JRC_OK ||
	    (ctx->site && site_settle(db, ctx->site, &err) != JRC_OK)) {
		db_close(db);
		remove_files(tmp);
		return cli_fail(ctx, &err);
	}
	ncat = db_count(db, "categories");
	ndep = db_count(db, "departments");
	ndiv = db_count(db, "divisions");
	/* Closing checkpoints the log into the file: what is renamed is whole. */
	if (db_close_checked(db, &err) != JRC_OK) {
		remove_files(tmp);
		return cli_fail(ctx, &err);
	}
	/* An old -wal must not be replayed into the new file. */
	if (force)
		remove_sidecars(ctx->db_path);
	if (rename(tmp, ctx->db_path) != 0) {
		err.code = JRC_E_IO;
		snprintf(err.msg, sizeof(err.msg),
			 _("The new database could not take the place of %s (%s): nothing was changed."),
			 ctx->db_path, strerror(errno));
		remove_files(tmp);
		return cli_fail(ctx, &err);
	}
	printf(_("Created %s with categories %ld, departments %ld, places %ld.\n"), ctx->db_path,
	       ncat, ndep, ndiv);
	if (key_created)
		printf(_("Created the ledger key %s (mode 0400): keep a sealed copy away from the database and its backups.\n"),
		       ledger_key_path());
	return 0;
}

const cli_command cli_cmd_init = {
	.name = "init",
	.summary = N_("create the database and import the reference data"),
	.help = N_("Usage: jrc [--db PATH] [--site CODE] [--data DIR] init [--force]\n"
		   "Create the database (mode 0600) and import the reference data.\n"
		   "An existing database is kept unless --force is given.\n"
		   "Also creates the ledger key (see 'jrc verify --help') if it is missing.\n"),
	.opts = init_opts,
	.shortopts = "fh",
	.run = init_run,
};

static int import_run(cli_call *c)
{
	if (refdata_import_dir(c->db, c->ctx->data_dir, "cli", &c->err) != JRC_OK)
		return CLI_ERR;
	printf(_("Imported: categories %ld, departments %ld, places %ld.\n"),
	       db_count(c->db, "categories"), db_count(c->db, "departments"),
	       db_count(c->db, "divisions"));
	return 0;
}

const cli_command cli_cmd_import = {
	.name = "import",
	.summary = N_("import the reference data again (idempotent)"),
	.help = N_("Usage: jrc [--db PATH] [--data DIR] import\n"
		   "Import the reference data CSV files again; rows are updated in place,\n"
		   "so importing twice changes nothing.  A bad file changes nothing.\n"),
	.flags = CLI_DB,
	.run = import_run,
};

/* A value changes the database; a key alone or nothing only reads it. */
static int settings_check(cli_call *c)
{
	if (c->argc >= 1 && !db_setting_known(c->argv[0]))
		return cli_usage(c->ctx, _("unknown setting '%s'"), c->argv[0]);
	if (c->argc == 2 && db_setting_check(c->argv[0], c->argv[1], &c->err) != JRC_OK)
		return cli_failed(c);
	if (c->argc == 2)
		c->db_flags = 0;
	return 0;
}

static int settings_run(cli_call *c)
{
	char val[512];
	const char *key;

	if (c->argc == 2)
		return db_setting_set(c->db, c->argv[0], c->argv[1], &c->err) != JRC_OK ? CLI_ERR : 0;
	if (c->argc == 1) {
		if (db_setting_get(c->db, c->argv[0], NULL, val, sizeof(val), &c->err) != JRC_OK)
			return CLI_ERR;
		printf("%s\n", val);
		return 0;
	}
	for (size_t i = 0; (key = db_setting_key(i)); i++) {
		if (db_setting_get(c->db, key, NULL, val, sizeof(val), &c->err) != JRC_OK)
			return CLI_ERR;
		printf("%-18s %s\n", key, val);
	}
	return 0;
}

const cli_command cli_cmd_settings = {
	.name = "settings",
	.summary = N_("show or change site settings"),
	.help = N_("Usage: jrc settings [KEY [VALUE]]\n"
		   "Without arguments, list every setting; with KEY, show it; with VALUE, change it.\n"),
	.max_args = 2,
	.many = N_("too many arguments"),
	.flags = CLI_RAW | CLI_DB | CLI_READONLY,
	.check = settings_check,
	.run = settings_run,
};

static void category_json(json_out *j, const void *row, const void *arg)
{
	const jrc_category *cat = row;

	(void)arg;
	json_str(j, "code", cat->code);
	json_str(j, "name_zh", cat->name_zh);
	json_str(j, "name_en", cat->name_en);
	json_str(j, "description_zh", cat->desc_zh);
	json_str(j, "description_en", cat->desc_en);
}

static int categories_run(cli_call *c)
{
	jrc_category *cats;
	size_t n;

	if (refdata_categories(c->db, &cats, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(cats, n, sizeof(*cats), category_json, NULL);
	else
		for (size_t i = 0; i < n; i++)
			printf("%s  %s  %s\n", cats[i].code, i18n_pick(cats[i].name_zh, cats[i].name_en),
			       i18n_pick(cats[i].desc_zh, cats[i].desc_en));
	free(cats);
	return 0;
}

const cli_command cli_cmd_categories = {
	.name = "categories",
	.summary = N_("list the grievance categories"),
	.help = N_("Usage: jrc categories [--json]\nList the grievance categories and their codes.\n"),
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.run = categories_run,
};

static void division_json(json_out *j, const void *row, const void *arg)
{
	const jrc_division *d = row;

	(void)arg;
	json_str(j, "code", d->code);
	json_str(j, "parent", d->parent);
	json_str(j, "level", d->level);
	json_str(j, "name_zh", d->name_zh);
	json_str(j, "name_en", d->name_en);
}

static int divisions_run(cli_call *c)
{
	jrc_db *db = c->db;
	jrc_division *d;
	size_t n;
	const char *parent = c->argc ? c->argv[0] : NULL;

	if (refdata_divisions(db, parent, &d, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (parent && n == 0) {
		jrc_division one;
		jrc_status s = refdata_division(db, parent, &one, &c->err);

		/* Empty is an answer only for a place that has no villages. */
		if (s == JRC_E_NOT_FOUND)
			s = jrc_err_set(&c->err, JRC_E_INVALID, "parent",
					_("There is no division with the code %s: see 'jrc divisions' for the codes."),
					parent);
		if (s != JRC_OK) {
			free(d);
			return CLI_ERR;
		}
	}
	if (c->json)
		json_print_rows(d, n, sizeof(*d), division_json, NULL);
	else
		for (size_t i = 0; i < n; i++)
			printf("%s  %s\n", d[i].code, i18n_pick(d[i].name_zh, d[i].name_en));
	free(d);
	return 0;
}

const cli_command cli_cmd_divisions = {
	.name = "divisions",
	.summary = N_("list townships, or the villages of one"),
	.help = N_("Usage: jrc divisions [PARENT] [--json]\n"
		   "List the townships and subdistricts, or the villages under PARENT.\n"),
	.max_args = 1,
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.run = divisions_run,
};
