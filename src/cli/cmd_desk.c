/* jrc desk: the full-screen front desk for staff. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "../ui/scr_desk.h"

int cmd_desk(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'L' },
		{ "idle", required_argument, NULL, 'i' },
		{ "printer", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	ui_options o = { 0 };
	jrc_err kerr = { 0 };
	jrc_lang lang;
	jrc_db *db;
	int c, rc;
	char *end;
	long n;

	o.idle_seconds = DESK_IDLE_SECONDS;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'L':
			if (i18n_parse(optarg, &lang) != 0)
				return cli_usage(ctx, _("--lang is zh or en, not '%s'"), optarg);
			o.lang = i18n_code(lang);
			break;
		case 'i':
			n = strtol(optarg, &end, 10);
			if (!*optarg || *end || n < 10 || n > 86400)
				return cli_usage(ctx, _("--idle needs a number of seconds from 10 to 86400, not '%s'"),
						 optarg);
			o.idle_seconds = (int)n;
			break;
		case 'P':
			o.printer = optarg;
			break;
		case 'h':
			printf(_("Usage: jrc desk [--lang zh|en] [--idle SECONDS] [--printer URI]\n"
				 "The front desk for staff on this terminal (at least 80x24): log in,\n"
				 "work through the cases before their deadlines, act on them as your\n"
				 "role allows, file for citizens and reprint receipts.\n\n"
				 "  --lang         language to start in (default: the 'language' setting)\n"
				 "  --idle         seconds without a key before the desk logs out\n"
				 "                 (default %d)\n"
				 "  --printer URI  receipt printer (default: the 'printer' setting)\n\n"
				 "Accounts are made with 'jrc staff add'.  Every login, failure and\n"
				 "action is recorded; 'jrc verify' checks the record.\n"),
			       DESK_IDLE_SECONDS);
			return 0;
		default:
			return cli_usage(ctx, _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_db(ctx, 0, &db)))
		return rc;
	/* Nothing typed at a terminal may be lost for want of the key: say so
	 * before anyone starts. */
	if (audit_key_ready(db, &kerr) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &kerr);
	}
	o.db = db;
	o.countdown_seconds = 30;
	rc = ui_run_desk(&o);
	db_close(db);
	return rc;
}
