/* jrc anchor: record the head of the event chain, print it for the
 * supervisor's signed daily record, and send it to syslog. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>

#include "cli.h"
#include "json.h"
#include "jrc/anchor.h"
#include "jrc/i18n.h"
#include "jrc/slip.h"

static const struct option anchor_opts[] = {
	{ "printer", required_argument, NULL, 'P' },
	{ "no-print", no_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 }
};

static int anchor_run(cli_call *c)
{
	jrc_db *db = c->db;
	char line[JRC_ANCHOR_LINE_SIZE];
	int printed = 0;
	jrc_err perr = { 0 };
	jrc_anchor a;
	jrc_status ps = JRC_OK;

	if (anchor_take(db, "cli", &a, &c->err) != JRC_OK)
		return CLI_ERR;
	anchor_line(&a, line);
	/* The anchor goes out of the database at once: the log of the host. */
	openlog("jrc", LOG_PID, LOG_AUTHPRIV);
	syslog(LOG_NOTICE, "%s site=%s", line, a.site);
	closelog();
	if (!cli_has(c, 'n'))
		ps = slip_anchor_print(db, &a, cli_arg(c, 'P'), &printed, &perr);
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "at", a.at);
		json_int(&j, "events", a.events);
		json_str(&j, "hash", a.hash);
		json_str(&j, "site", a.site);
		json_str(&j, "line", line);
		json_bool(&j, "printed", printed);
		json_str(&j, "print_error", ps ? perr.msg : NULL);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf("%s\n", line);
	}
	if (ps != JRC_OK) {
		fprintf(stderr, _("jrc: the anchor is recorded, but its slip did not print: %s\n"),
			perr.msg);
		return 1;
	}
	return 0;
}

const cli_command cli_cmd_anchor = {
	.name = "anchor",
	.summary = N_("record the head of the event log for the daily signed record"),
	.help = N_("Usage: jrc anchor [--printer URI | --no-print] [--json]\n"
		   "Check the whole record (as 'jrc verify', with the ledger key), then\n"
		   "record the head of the event chain (time, number of events, hash) in\n"
		   "the database, write it to syslog, print it on a slip for the\n"
		   "supervisor's signed daily record (the site's printer, or URI), and\n"
		   "print its line on standard output:\n"
		   "  JRC-ANCHOR <time> <events> <hash>\n"
		   "Keep these lines in a file away from the database; 'jrc verify\n"
		   "--anchors FILE' checks the record against them.\n"
		   "Exit status: 0 anchored, 1 the record failed its check or the\n"
		   "printer failed (the anchor is still recorded), 2 bad usage.\n"),
	.opts = anchor_opts,
	.flags = CLI_DB | CLI_JSON,
	.run = anchor_run,
};
