/* jrc init, import, settings, categories, divisions. */
#include <getopt.h>
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

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, force = 0, rc, key_created = 0;
	jrc_db *db;
	jrc_err err = { 0 };
	char tmp[4200];
	long ncat, ndep, ndiv;

	while ((c = getopt_long(argc, argv, "fh", opts, NULL)) != -1) {
		switch (c) {
		case 'f': force = 1; break;
		case 'h':
			printf(_("Usage: jrc [--db PATH] [--site CODE] [--data DIR] init [--force]\n"
				 "Create the database (mode 0600) and import the reference data.\n"
				 "An existing database is kept unless --force is given.\n"
				 "Also creates the ledger key (see 'jrc verify --help') if it is missing.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind]);
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
	if ((ctx->site && db_setting_set(db, "site_code", ctx->site, &err) != JRC_OK) ||
	    refdata_import_dir(db, ctx->data_dir, "cli", &err) != JRC_OK) {
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

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;
	jrc_db *db;
	jrc_err err = { 0 };

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("Usage: jrc [--db PATH] [--data DIR] import\n"
				 "Import the reference data CSV files again; rows are updated in place,\n"
				 "so importing twice changes nothing.  A bad file changes nothing.\n"));
			return 0;
		}
		return cli_usage(ctx, _("unknown option"));
	}
	if (optind < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_db(ctx, 0, &db)))
		return rc;
	if (refdata_import_dir(db, ctx->data_dir, "cli", &err) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	printf(_("Imported: categories %ld, departments %ld, places %ld.\n"),
	       db_count(db, "categories"), db_count(db, "departments"), db_count(db, "divisions"));
	db_close(db);
	return 0;
}

int cmd_settings(cli_ctx *ctx, int argc, char **argv)
{
	int rc;
	jrc_db *db;
	jrc_err err = { 0 };
	char val[512];

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		printf(_("Usage: jrc settings [KEY [VALUE]]\n"
			 "Without arguments, list every setting; with KEY, show it; with VALUE, change it.\n"));
		return 0;
	}
	if (argc > 3)
		return cli_usage(ctx, _("too many arguments"));
	if (argc >= 2 && !db_setting_known(argv[1]))
		return cli_usage(ctx, _("unknown setting '%s'"), argv[1]);
	if (argc == 3 && db_setting_check(argv[1], argv[2], &err) != JRC_OK)
		return cli_fail(ctx, &err);
	if ((rc = cli_open_db(ctx, argc == 3 ? 0 : JRC_DB_READONLY, &db)))
		return rc;
	if (argc == 3) {
		if (db_setting_set(db, argv[1], argv[2], &err) != JRC_OK) {
			db_close(db);
			return cli_fail(ctx, &err);
		}
	} else if (argc == 2) {
		if (db_setting_get(db, argv[1], NULL, val, sizeof(val), &err) != JRC_OK) {
			db_close(db);
			return cli_fail(ctx, &err);
		}
		printf("%s\n", val);
	} else {
		const char *key;

		for (size_t i = 0; (key = db_setting_key(i)); i++) {
			if (db_setting_get(db, key, NULL, val, sizeof(val), &err) != JRC_OK) {
				db_close(db);
				return cli_fail(ctx, &err);
			}
			printf("%-18s %s\n", key, val);
		}
	}
	db_close(db);
	return 0;
}

static int json_flag(cli_ctx *ctx, int argc, char **argv, int *json, const char *help,
		     int max_args)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': *json = 1; break;
		case 'h': printf("%s", help); return -1;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (argc - optind > max_args)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind + max_args]);
	return 0;
}

int cmd_categories(cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_category *cats;
	size_t n;

	rc = json_flag(ctx, argc, argv, &json,
		       _("Usage: jrc categories [--json]\nList the grievance categories and their codes.\n"), 0);
	if (rc)
		return rc < 0 ? 0 : rc;
	if ((rc = cli_open_db(ctx, JRC_DB_READONLY, &db)))
		return rc;
	if (refdata_categories(db, &cats, &n, &err) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	if (json) {
		json_out j;

		json_begin(&j, stdout);
		json_arr_open(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_obj_open(&j, NULL);
			json_str(&j, "code", cats[i].code);
			json_str(&j, "name_zh", cats[i].name_zh);
			json_str(&j, "name_en", cats[i].name_en);
			json_str(&j, "description_zh", cats[i].desc_zh);
			json_str(&j, "description_en", cats[i].desc_en);
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_end(&j);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%s  %s  %s\n", cats[i].code, i18n_pick(cats[i].name_zh, cats[i].name_en),
			       i18n_pick(cats[i].desc_zh, cats[i].desc_en));
	}
	free(cats);
	db_close(db);
	return 0;
}

int cmd_divisions(cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_division *d;
	size_t n;
	const char *parent;

	rc = json_flag(ctx, argc, argv, &json,
		       _("Usage: jrc divisions [PARENT] [--json]\n"
			 "List the townships and subdistricts, or the villages under PARENT.\n"), 1);
	if (rc)
		return rc < 0 ? 0 : rc;
	parent = optind < argc ? argv[optind] : NULL;
	if ((rc = cli_open_db(ctx, JRC_DB_READONLY, &db)))
		return rc;
	if (refdata_divisions(db, parent, &d, &n, &err) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	if (parent && n == 0) {
		jrc_division one;
		jrc_status s = refdata_division(db, parent, &one, &err);

		/* Empty is an answer only for a place that has no villages. */
		if (s == JRC_E_NOT_FOUND)
			s = jrc_err_set(&err, JRC_E_INVALID, "parent",
					_("There is no division with the code %s: see 'jrc divisions' for the codes."),
					parent);
		if (s != JRC_OK) {
			free(d);
			db_close(db);
			return cli_fail(ctx, &err);
		}
	}
	if (json) {
		json_out j;

		json_begin(&j, stdout);
		json_arr_open(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_obj_open(&j, NULL);
			json_str(&j, "code", d[i].code);
			json_str(&j, "parent", d[i].parent);
			json_str(&j, "level", d[i].level);
			json_str(&j, "name_zh", d[i].name_zh);
			json_str(&j, "name_en", d[i].name_en);
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_end(&j);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%s  %s\n", d[i].code, i18n_pick(d[i].name_zh, d[i].name_en));
	}
	free(d);
	db_close(db);
	return 0;
}
