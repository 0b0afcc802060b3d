/* jrc backup, jrc restore: the database copied aside and put back. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/backup.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"

/* A keep count from the command line; -1 if it is not one. */
static int keep_arg(const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	return *v && !*end && n >= 0 && n <= 1000 ? (int)n : -1;
}

static int keep_setting(jrc_db *db, const char *key, int *out, jrc_err *err)
{
	char v[32];

	if (db_setting_get(db, key, NULL, v, sizeof(v), err) != JRC_OK)
		return -1;
	*out = keep_arg(v);
	if (*out < 0)
		*out = keep_arg(db_setting_default(key));
	return 0;
}

static void json_failure(const jrc_err *err)
{
	json_out j;

	json_begin(&j, stdout);
	json_obj_open(&j, NULL);
	json_bool(&j, "ok", 0);
	json_null(&j, "written");
	json_arr_open(&j, "removed");
	json_arr_close(&j);
	json_str(&j, "message", err->msg);
	json_obj_close(&j);
	json_end(&j);
}

static const struct option backup_opts[] = {
	{ "keep-daily", required_argument, NULL, 'd' },
	{ "keep-weekly", required_argument, NULL, 'w' },
	{ "keep-monthly", required_argument, NULL, 'm' },
	{ NULL, 0, NULL, 0 }
};

static int backup_check_args(cli_call *c)
{
	static const char *const names[] = { "daily", "weekly", "monthly" };
	static const char keys[] = { 'd', 'w', 'm' };

	for (int i = 0; i < 3; i++)
		if (cli_has(c, keys[i]) && keep_arg(cli_arg(c, keys[i])) < 0)
			return cli_usage(c->ctx, _("--keep-%s needs a number of backups from 0 to 1000"),
					 names[i]);
	return 0;
}

static int backup_run(cli_call *c)
{
	jrc_db *db = c->db;
	const char *dir = c->argv[0];
	jrc_backup_keep keep;
	jrc_backup_info info;
	jrc_backup_list removed = { 0 };
	jrc_err perr = { 0 };
	jrc_status s, ps;

	if (keep_setting(db, "backup_keep_daily", &keep.daily, &c->err) ||
	    keep_setting(db, "backup_keep_weekly", &keep.weekly, &c->err) ||
	    keep_setting(db, "backup_keep_monthly", &keep.monthly, &c->err))
		return CLI_ERR;
	if (cli_has(c, 'd'))
		keep.daily = keep_arg(cli_arg(c, 'd'));
	if (cli_has(c, 'w'))
		keep.weekly = keep_arg(cli_arg(c, 'w'));
	if (cli_has(c, 'm'))
		keep.monthly = keep_arg(cli_arg(c, 'm'));
	s = backup_write(db, dir, clock_now(), &info, &c->err);
	if (s != JRC_OK) {
		if (c->json)
			json_failure(&c->err);
		return CLI_ERR;
	}
	ps = backup_prune(dir, &keep, info.path, &removed, &perr);
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_bool(&j, "ok", 1);
		json_str(&j, "written", info.path);
		json_str(&j, "record", info.head_path);
		json_str(&j, "head", info.head);
		json_int(&j, "events", info.events);
		json_int(&j, "cases", info.cases);
		json_int(&j, "bytes", info.bytes);
		json_str(&j, "sha256", info.sha256);
		json_arr_open(&j, "removed");
		for (size_t i = 0; i < removed.n; i++)
			json_str(&j, NULL, removed.paths[i]);
		json_arr_close(&j);
		json_obj_open(&j, "keep");
		json_int(&j, "daily", keep.daily);
		json_int(&j, "weekly", keep.weekly);
		json_int(&j, "monthly", keep.monthly);
		json_obj_close(&j);
		json_str(&j, "message", ps == JRC_OK ? NULL : perr.msg);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("Backup written: %s (%" PRId64 " cases, %" PRId64
			 " events, chain head %.8s); its record is %s.\n"),
		       info.path, info.cases, info.events, info.head, info.head_path);
		for (size_t i = 0; i < removed.n; i++)
			printf(_("Removed the old backup %s.\n"), removed.paths[i]);
	}
	backup_list_free(&removed);
	/* The backup is there; an old one that would not go is still a fault. */
	if (ps != JRC_OK)
		return cli_fail(c->ctx, &perr);
	return 0;
}

const cli_command cli_cmd_backup = {
	.name = "backup",
	.summary = N_("copy the database into a backup folder, checked, keeping N daily/weekly/monthly"),
	.help = N_("Usage: jrc backup [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--json] DIR\n"
		   "Copy the database into the folder DIR while kiosks keep filing, as\n"
		   "jrc-YYYYMMDD-HHMMSS.db (mode 0600), check the copy (the file's integrity\n"
		   "and the whole event chain) and record its chain head, counts and\n"
		   "SHA-256 beside it in jrc-YYYYMMDD-HHMMSS.db.head.  Then remove the older\n"
		   "backups that the keep rules do not keep: the newest of each of the last\n"
		   "N days, ISO weeks and months (settings backup_keep_daily, _weekly,\n"
		   "_monthly; the options override them for this run).  The ledger key and\n"
		   "anything else outside the database file are never copied.\n"
		   "  --json   say what was written and removed as JSON\n"
		   "Exit status: 0 written, 1 not written (full disk, missing folder, a\n"
		   "damaged database), 2 bad usage.\n"),
	.opts = backup_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("the folder to write the backup in is needed"),
	.flags = CLI_DB | CLI_JSON,
	.check = backup_check_args,
	.run = backup_run,
};

static const struct option restore_opts[] = {
	{ "check", no_argument, NULL, 'c' },
	{ NULL, 0, NULL, 0 }
};

static int restore_run(cli_call *c)
{
	cli_ctx *ctx = c->ctx;
	const char *file = c->argv[0];
	int json = c->json, check_only = cli_has(c, 'c');
	jrc_restore_result r;
	jrc_err err = { 0 };
	jrc_status s;

	memset(&r, 0, sizeof(r));
	if (check_only)
		s = backup_check(file, &r.backup, &err);
	else
		s = backup_restore(file, ctx->db_path, clock_now(), &r, &err);
	if (json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_bool(&j, "ok", s == JRC_OK);
		json_str(&j, "backup", file);
		json_str(&j, "database", check_only ? NULL : ctx->db_path);
		json_bool(&j, "restored", s == JRC_OK && !check_only);
		json_str(&j, "head", s == JRC_OK ? r.backup.head : NULL);
		if (s == JRC_OK) {
			json_int(&j, "events", r.backup.events);
			json_int(&j, "cases", r.backup.cases);
		} else {
			json_null(&j, "events");
			json_null(&j, "cases");
		}
		json_str(&j, "kept", s == JRC_OK && *r.kept ? r.kept : NULL);
		json_arr_open(&j, "numbers_raised");
		for (size_t i = 0; i < r.nraises; i++) {
			json_obj_open(&j, NULL);
			json_str(&j, "site", r.raises[i].site);
			json_str(&j, "day", r.raises[i].day);
			json_int(&j, "from", r.raises[i].from);
			json_int(&j, "to", r.raises[i].to);
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_str(&j, "message", s == JRC_OK ? NULL : err.msg);
		json_obj_close(&j);
		json_end(&j);
	}
	if (s != JRC_OK) {
		backup_restore_result_free(&r);
		return cli_fail(ctx, &err);
	}
	if (!json) {
		if (check_only)
			printf(_("The backup %s checks out: %" PRId64 " cases, %" PRId64
				 " events, chain head %s.\n"),
			       file, r.backup.cases, r.backup.events, r.backup.head);
		else
			printf(_("Restored %s to %s: %" PRId64 " cases, %" PRId64
				 " events, chain head %s.\n"),
			       file, ctx->db_path, r.backup.cases, r.backup.events,
			       r.backup.head);
		if (*r.kept)
			printf(_("The replaced database is kept at %s.\n"), r.kept);
		for (size_t i = 0; i < r.nraises; i++)
			printf(_("Receipt numbers of site %s on day %s go on after %ld (the backup had %ld): receipts printed after the backup keep their numbers; re-register them from the citizens' paper.\n"),
			       r.raises[i].site, r.raises[i].day, r.raises[i].to, r.raises[i].from);
	}
	backup_restore_result_free(&r);
	return 0;
}

const cli_command cli_cmd_restore = {
	.name = "restore",
	.summary = N_("put a backup in place of the database, checked first"),
	.help = N_("Usage: jrc restore [--check] [--json] FILE\n"
		   "Put the backup FILE in place of the database.  The backup is checked\n"
		   "first (its SHA-256 against FILE.head, the file's integrity and the whole\n"
		   "event chain); a restore is refused while another process has the\n"
		   "database open.  The replaced database is kept beside it as\n"
		   "DB.before-restore-YYYYMMDD-HHMMSS.  Receipt numbers go on after the\n"
		   "last one handed out before the failure (the mark in DB.seq), so no\n"
		   "number a citizen holds is given out again.\n"
		   "  --check  only check the backup; change nothing\n"
		   "  --json   report as JSON\n"
		   "Exit status: 0 restored (or checked), 1 refused or failed, 2 bad usage.\n"),
	.opts = restore_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("the backup file to restore is needed"),
	.flags = CLI_JSON,
	.run = restore_run,
};
