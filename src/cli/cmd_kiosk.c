/* jrc kiosk and jrc desk: the full-screen citizen kiosk and front desk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jrc/auth.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "../ui/scr_desk.h"
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

static const struct option kiosk_opts[] = {
	{ "lang", required_argument, NULL, 'L' },
	{ "idle", required_argument, NULL, 'i' },
	{ "countdown", required_argument, NULL, 'c' },
	{ "staff", required_argument, NULL, 'S' },
	{ "printer", required_argument, NULL, 'P' },
	{ "busy-timeout", required_argument, NULL, 'B' },
	{ "voice", required_argument, NULL, 'V' },
	{ "voice-output", required_argument, NULL, 'O' },
	{ NULL, 0, NULL, 0 }
};

/* --lang into o->lang: 0, or the exit code after saying why. */
static int lang_arg(const cli_call *c, ui_options *o)
{
	const char *v = cli_arg(c, 'L');
	jrc_lang lang;

	if (!v)
		return 0;
	if (i18n_parse(v, &lang) != 0)
		return cli_usage(c->ctx, _("--lang is zh or en, not '%s'"), v);
	o->lang = i18n_code(lang);
	return 0;
}

static int kiosk_check(cli_call *c)
{
	ui_options *o = c->state;
	const char *v;
	int rc, ms;

	if ((rc = lang_arg(c, o)))
		return rc;
	if ((v = cli_arg(c, 'i')) && (rc = seconds_arg(c->ctx, "--idle", v, 1, &o->idle_seconds)))
		return rc;
	if ((v = cli_arg(c, 'c')) &&
	    (rc = seconds_arg(c->ctx, "--countdown", v, 1, &o->countdown_seconds)))
		return rc;
	if ((v = cli_arg(c, 'S'))) {
		if (auth_check_staff_id(v, NULL) != JRC_OK || strlen(v) >= 32)
			return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
		o->staff_id = v;
	}
	o->printer = cli_arg(c, 'P');
	if ((v = cli_arg(c, 'B'))) {
		if ((rc = seconds_arg(c->ctx, "--busy-timeout", v, 0, &ms)))
			return rc;
		o->busy_timeout_ms = ms > 0 ? ms * 1000 : 1;
	}
	if ((v = cli_arg(c, 'V'))) {
		if (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)
			return cli_usage(c->ctx, _("--voice is on or off, not '%s'"), v);
		o->voice = strcmp(v, "on") == 0 ? 1 : -1;
	}
	if ((v = cli_arg(c, 'O'))) {
		if (db_setting_check("voice_output", v, NULL) != JRC_OK)
			return cli_usage(c->ctx, _("--voice-output is alsa, alsa:DEVICE, file:DIR or none, not '%s'"),
					 v);
		o->voice_output = v;
	}
	return 0;
}

/* Nothing typed at a terminal may be lost for want of the key: say so
 * before anyone starts. */
static int terminal_run(cli_call *c, int (*start)(const ui_options *o))
{
	ui_options *o = c->state;

	if (audit_key_ready(c->db, &c->err) != JRC_OK)
		return CLI_ERR;
	o->db = c->db;
	return start(o);
}

static int kiosk_run(cli_call *c)
{
	return terminal_run(c, ui_run_kiosk);
}

static void kiosk_help(FILE *f)
{
	fputs(_("Usage: jrc kiosk [--lang zh|en] [--idle SECONDS] [--countdown SECONDS]\n"
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
		"Ctrl-C, Ctrl-Z and Ctrl-\\ are ignored; SIGTERM or SIGHUP ends the kiosk.\n"), f);
	fprintf(f, "\n%s", _("Voice guidance (espeak-ng):\n"
			     "  --voice on|off voice guidance for each new citizen at this terminal\n"
			     "                 (default: the 'voice' setting); F5 turns it on\n"
			     "  --voice-output SPEC  where the voice goes: alsa, alsa:DEVICE,\n"
			     "                 file:DIR or none (default: the 'voice_output' setting)\n"));
}

const cli_command cli_cmd_kiosk = {
	.name = "kiosk",
	.summary = N_("run the full-screen citizen kiosk on this terminal"),
	.help_fn = kiosk_help,
	.opts = kiosk_opts,
	.flags = CLI_DB,
	.state_size = sizeof(ui_options),
	.check = kiosk_check,
	.run = kiosk_run,
};

static const struct option desk_opts[] = {
	{ "lang", required_argument, NULL, 'L' },
	{ "idle", required_argument, NULL, 'i' },
	{ "printer", required_argument, NULL, 'P' },
	{ "window", required_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 }
};

static int desk_check(cli_call *c)
{
	ui_options *o = c->state;
	const char *v;
	int rc;

	o->idle_seconds = DESK_IDLE_SECONDS;
	o->countdown_seconds = 30;
	if ((rc = lang_arg(c, o)))
		return rc;
	if ((v = cli_arg(c, 'i')) && (rc = seconds_arg(c->ctx, "--idle", v, 10, &o->idle_seconds)))
		return rc;
	o->printer = cli_arg(c, 'P');
	if ((v = cli_arg(c, 'w'))) {
		char *end;
		long n = strtol(v, &end, 10);

		if (!*v || *end || n < 1 || n > 999)
			return cli_usage(c->ctx, _("'%s' is not a window number: see 'jrc queue windows'"), v);
		o->window = (int)n;
	}
	return 0;
}

static int desk_run(cli_call *c)
{
	return terminal_run(c, ui_run_desk);
}

static void desk_help(FILE *f)
{
	fprintf(f, _("Usage: jrc desk [--lang zh|en] [--idle SECONDS] [--printer URI] [--window N]\n"
		     "The front desk for staff on this terminal (at least 80x24): log in,\n"
		     "work through the cases before their deadlines, act on them as your\n"
		     "role allows, file for citizens and reprint receipts.\n\n"
		     "  --lang         language to start in (default: the 'language' setting)\n"
		     "  --idle         seconds without a key before the desk logs out\n"
		     "                 (default %d)\n"
		     "  --printer URI  receipt printer (default: the 'printer' setting)\n"
		     "  --window N     the hall's window this desk is (see 'jrc queue\n"
		     "                 windows'): W calls its queue tickets\n\n"
		     "Accounts are made with 'jrc staff add'.  Every login, failure and\n"
		     "action is recorded; 'jrc verify' checks the record.\n"),
		DESK_IDLE_SECONDS);
}

const cli_command cli_cmd_desk = {
	.name = "desk",
	.summary = N_("run the full-screen front desk for staff"),
	.help_fn = desk_help,
	.opts = desk_opts,
	.flags = CLI_DB,
	.state_size = sizeof(ui_options),
	.check = desk_check,
	.run = desk_run,
};

/* jrc board: the hall's TV. */
typedef struct board_args {
	ui_options o;            /* first: kiosk_check's helpers take it */
	int page_seconds;
} board_args;

static const struct option board_opts[] = {
	{ "lang", required_argument, NULL, 'L' },
	{ "page-seconds", required_argument, NULL, 'p' },
	{ "voice", required_argument, NULL, 'V' },
	{ "voice-output", required_argument, NULL, 'O' },
	{ NULL, 0, NULL, 0 }
};

static int board_check(cli_call *c)
{
	board_args *a = c->state;
	const char *v;
	int rc;

	if ((rc = lang_arg(c, &a->o)))
		return rc;
	if ((v = cli_arg(c, 'p')) && (rc = seconds_arg(c->ctx, "--page-seconds", v, 2, &a->page_seconds)))
		return rc;
	if ((v = cli_arg(c, 'V'))) {
		if (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)
			return cli_usage(c->ctx, _("--voice is on or off, not '%s'"), v);
		a->o.voice = strcmp(v, "on") == 0 ? 1 : -1;
	}
	if ((v = cli_arg(c, 'O'))) {
		if (db_setting_check("voice_output", v, NULL) != JRC_OK)
			return cli_usage(c->ctx, _("--voice-output is alsa, alsa:DEVICE, file:DIR or none, not '%s'"),
					 v);
		a->o.voice_output = v;
	}
	return 0;
}

static int board_run(cli_call *c)
{
	board_args *a = c->state;

	a->o.db = c->db;
	return ui_run_board(&a->o, a->page_seconds);
}

static void board_help(FILE *f)
{
	fputs(_("Usage: jrc board [--lang zh|en] [--page-seconds N] [--voice on|off]\n"
		"                 [--voice-output SPEC]\n"
		"Run the hall's board on this terminal (the TV; at least 80x24): the number\n"
		"called last in large letters with its window, the other calls and the\n"
		"next numbers, today's figures, and pages that turn by themselves: this\n"
		"week's leader reception days and each department's share answered on time\n"
		"and share of citizens satisfied over 90 days.  Nothing personal is shown.\n"
		"A call at any desk shows within a second.  q or Esc ends it.\n\n"
		"  --lang         language (default: the 'language' setting)\n"
		"  --page-seconds seconds each page stays up (default 10)\n"
		"  --voice on|off say each call (\"Number A012, please go to window 3\")\n"
		"                 (default: the 'voice' setting)\n"
		"  --voice-output SPEC  where the voice goes: alsa, alsa:DEVICE,\n"
		"                 file:DIR or none (default: the 'voice_output' setting)\n"), f);
}

const cli_command cli_cmd_board = {
	.name = "board",
	.summary = N_("run the hall's board (numbers called, public figures) on this terminal"),
	.help_fn = board_help,
	.opts = board_opts,
	.flags = CLI_DB,
	.state_size = sizeof(board_args),
	.check = board_check,
	.run = board_run,
};
