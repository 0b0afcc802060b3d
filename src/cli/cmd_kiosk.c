/* jrc kiosk: the full-screen citizen kiosk. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jrc/i18n.h"
#include "../ui/ui.h"

static int seconds_arg(const cli_ctx *ctx, const char *opt, const char *v, int min, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (!*v || *end || n < min || n > 86400)
		return cli_usage(ctx, _("%s needs a number of seconds from %d to 86400, not '%s'"),
				 opt, min, v);
	*out = (int)n;
	return 0;
}

int cmd_kiosk(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'L' },
		{ "idle", required_argument, NULL, 'i' },
		{ "countdown", required_argument, NULL, 'c' },
		{ "staff", required_argument, NULL, 'S' },
		{ "printer", required_argument, NULL, 'P' },
		{ "busy-timeout", required_argument, NULL, 'B' },
		{ "voice", required_argument, NULL, 'V' },
		{ "voice-output", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	ui_options o = { 0 };
	jrc_lang lang;
	jrc_db *db;
	int c, rc, ms;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'L':
			if (i18n_parse(optarg, &lang) != 0)
				return cli_usage(ctx, _("--lang is zh or en, not '%s'"), optarg);
			o.lang = i18n_code(lang);
			break;
		case 'i':
			if ((rc = seconds_arg(ctx, "--idle", optarg, 1, &o.idle_seconds)))
				return rc;
			break;
		case 'c':
			if ((rc = seconds_arg(ctx, "--countdown", optarg, 1, &o.countdown_seconds)))
				return rc;
			break;
		case 'S':
			if (!*optarg || strlen(optarg) >= 32)
				return cli_usage(ctx, _("--staff needs a staff ID of 1 to 31 characters"));
			o.staff_id = optarg;
			break;
		case 'P':
			o.printer = optarg;
			break;
		case 'B':
			if ((rc = seconds_arg(ctx, "--busy-timeout", optarg, 0, &ms)))
				return rc;
			o.busy_timeout_ms = ms > 0 ? ms * 1000 : 1;
			break;
		case 'V':
			if (strcmp(optarg, "on") != 0 && strcmp(optarg, "off") != 0)
				return cli_usage(ctx, _("--voice is on or off, not '%s'"), optarg);
			o.voice = strcmp(optarg, "on") == 0 ? 1 : -1;
			break;
		case 'O':
			if (db_setting_check("voice_output", optarg, NULL) != JRC_OK)
				return cli_usage(ctx, _("--voice-output is alsa, alsa:DEVICE, file:DIR or none, not '%s'"),
						 optarg);
			o.voice_output = optarg;
			break;
		case 'h':
			printf(_("Usage: jrc kiosk [--lang zh|en] [--idle SECONDS] [--countdown SECONDS]\n"
				 "                 [--staff ID] [--printer URI] [--busy-timeout SECONDS]\n"
				 "Run the full-screen citizen kiosk on this terminal (at least 80x24).\n"
				 "Citizens file a grievance step by step and get a receipt number.\n\n"
				 "  --lang         language to start in (default: the 'language' setting)\n"
				 "  --idle         seconds without a key before the wipe countdown\n"
				 "                 (default: the 'idle_seconds' setting)\n"
				 "  --countdown    seconds of countdown before everything typed is wiped\n"
				 "                 (default: the 'idle_countdown' setting)\n"
				 "  --staff ID     staff files for a citizen: recorded as channel desk\n"
				 "  --printer URI  receipt printer (default: the 'printer' setting)\n"
				 "  --busy-timeout seconds to wait for a database another terminal is\n"
				 "                 writing (default 10)\n\n"
				 "Ctrl-C, Ctrl-Z and Ctrl-\\ are ignored; SIGTERM or SIGHUP ends the kiosk.\n"));
			printf("\n%s", _("Voice guidance (espeak-ng):\n"
					 "  --voice on|off voice guidance for each new citizen at this terminal\n"
					 "                 (default: the 'voice' setting); F5 turns it on\n"
					 "  --voice-output SPEC  where the voice goes: alsa, alsa:DEVICE,\n"
					 "                 file:DIR or none (default: the 'voice_output' setting)\n"));
			return 0;
		default:
			return cli_usage(ctx, _("unknown option"));
		}
	}
	if (optind < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_db(ctx, 0, &db)))
		return rc;
	o.db = db;
	rc = ui_run_kiosk(&o);
	db_close(db);
	return rc;
}
