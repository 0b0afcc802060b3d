/* jrc print, jrc printer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/print.h"
#include "jrc/printer.h"

/* Options shared by print and printer test, checked before the database
 * is opened so bad input changes nothing. */
typedef struct print_args {
	const char *printer;
	int paper;
	const char *format;
	int have_lang;
	jrc_lang lang;
} print_args;

static int check_printer(cli_ctx *ctx, const char *uri)
{
	jrc_err err = { 0 };

	if (uri && printer_uri_check(uri, NULL, &err) != JRC_OK)
		return cli_usage(ctx, "%s", err.msg);
	return 0;
}

/* --printer and --paper, which print and printer share. */
static int printer_args(cli_call *c, print_args *a)
{
	const char *v = cli_arg(c, 'w');

	if (v) {
		if (strcmp(v, "58") != 0 && strcmp(v, "80") != 0)
			return cli_usage(c->ctx, _("--paper is 58 or 80 (mm), not '%s'"), v);
		a->paper = atoi(v);
	}
	a->printer = cli_arg(c, 'P');
	return 0;
}

static void job_json(json_out *j, const void *row, const void *arg)
{
	const jrc_print_job *job = row;

	(void)arg;
	json_str(j, "receipt", job->receipt);
	json_str(j, "document", job->document);
	json_str(j, "at", job->at);
	json_str(j, "sink", job->sink);
	json_str(j, "error", job->error);
	json_int(j, "attempts", job->attempts);
}

static int list_failed(cli_call *c)
{
	jrc_print_job *jobs;
	size_t n;

	if (print_failed(c->db, &jobs, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(jobs, n, sizeof(*jobs), job_json, NULL);
	else if (n == 0) {
		printf(_("No receipt is waiting to be printed again.\n"));
	} else {
		for (size_t i = 0; i < n; i++) {
			jrc_time t;
			char when[32];

			if (clock_parse(jobs[i].at, &t) == JRC_OK)
				clock_format_local(t, when);
			else
				snprintf(when, sizeof(when), "%s", jobs[i].at);
			printf("%-18s %s  %s%s\n    %s\n", jobs[i].receipt, when, jobs[i].sink,
			       strcmp(jobs[i].document, "review_slip") == 0 ? _("  (review slip)") : "",
			       jobs[i].error);
		}
	}
	free(jobs);
	return 0;
}

static int print_one(cli_call *c, const print_args *a)
{
	const char *receipt = c->receipt;
	jrc_print_opts o = { 0 };
	jrc_print_result res;
	jrc_status s;
	int rc;

	o.uri = a->printer;
	o.paper = a->paper;
	o.format = a->format;
	o.lang = a->lang;
	o.lang_from_case = !a->have_lang;
	o.actor = "cli";
	s = print_receipt_report(c->db, receipt, &o, &res, &c->err);
	if (s != JRC_OK) {
		rc = cli_failed(c);
		if (s == JRC_E_PRINTER)
			fprintf(stderr, _("jrc: receipt %s is filed and safe: print it again with 'jrc print %s' once the printer works.\n"),
				receipt, receipt);
		return rc;
	}
	if (*res.printer.warning)
		fprintf(stderr, _("jrc: warning: %s\n"), res.printer.warning);
	if (strcmp(res.outcome, "skipped") == 0)
		fprintf(stderr, _("jrc: no printer is set, so receipt %s was not printed: set one with 'jrc settings printer URI' or use --printer.\n"),
			receipt);
	else if (strcmp(res.sink, "file:-") != 0)
		printf(_("Printed receipt %s on %s.\n"), receipt, res.sink);
	return 0;
}

static const struct option print_opts[] = {
	{ "printer", required_argument, NULL, 'P' },
	{ "paper", required_argument, NULL, 'w' },
	{ "format", required_argument, NULL, 'f' },
	{ "lang", required_argument, NULL, 'L' },
	{ "failed", no_argument, NULL, 'F' },
	{ NULL, 0, NULL, 0 }
};

static int print_check(cli_call *c)
{
	print_args *a = c->state;
	const char *v;
	int rc;

	if ((rc = printer_args(c, a)))
		return rc;
	if ((v = cli_arg(c, 'f'))) {
		if (strcmp(v, "escpos") != 0 && strcmp(v, "text") != 0)
			return cli_usage(c->ctx, _("--format is escpos or text, not '%s'"), v);
		a->format = v;
	}
	if ((v = cli_arg(c, 'L'))) {
		if (i18n_parse(v, &a->lang) != 0)
			return cli_usage(c->ctx, _("--lang is zh or en, not '%s'"), v);
		a->have_lang = 1;
	}
	if ((rc = check_printer(c->ctx, a->printer)))
		return rc;
	if (cli_has(c, 'F')) {
		if (c->argc)
			return cli_usage(c->ctx, _("--failed takes no receipt number"));
		if (a->printer || a->paper || a->format || a->have_lang)
			return cli_usage(c->ctx, _("--failed only lists: leave out the print options"));
		c->db_flags = JRC_DB_READONLY;
		return 0;
	}
	if (c->json)
		return cli_usage(c->ctx, _("--json goes with --failed"));
	if (c->argc < 1)
		return cli_usage(c->ctx, _("a receipt number is needed"));
	if (c->argc > 1)
		return cli_usage(c->ctx, _("unexpected argument '%s'"), c->argv[1]);
	return cli_receipt_arg(c->ctx, c->argv[0], c->receipt);
}

static int print_run(cli_call *c)
{
	return cli_has(c, 'F') ? list_failed(c) : print_one(c, c->state);
}

const cli_command cli_cmd_print = {
	.name = "print",
	.summary = N_("print or reprint a receipt; list receipts whose print failed"),
	.help = N_("Usage: jrc print RECEIPT [--printer URI] [--paper 58|80]\n"
		   "                 [--format escpos|text] [--lang zh|en]\n"
		   "       jrc print --failed [--json]\n"
		   "Print or reprint the receipt of a filed case; every attempt is recorded.\n"
		   "--failed lists the receipts whose last print failed.\n\n"
		   "  --printer URI  where to print (default: the printer setting):\n"
		   "                 none, file:PATH (file:- is standard output),\n"
		   "                 dev:/dev/usb/lp0, tcp://HOST:9100, cups:QUEUE\n"
		   "  --paper 58|80  paper width in mm (default: the paper setting)\n"
		   "  --format F     escpos (default) or text (UTF-8, QR in half blocks)\n"
		   "  --lang zh|en   en adds English under the Chinese (default: the\n"
		   "                 language the case was filed in)\n"
		   "Exit status: 0 printed, 1 the printer failed (the case stays filed),\n"
		   "2 bad usage or an unknown receipt.\n"),
	.opts = print_opts,
	.max_args = CLI_MANY,
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(print_args),
	.check = print_check,
	.run = print_run,
};

static const struct option printer_opts[] = {
	{ "printer", required_argument, NULL, 'P' },
	{ "paper", required_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 }
};

static int printer_check(cli_call *c)
{
	const char *sub = c->argv[0];
	int rc;

	if ((rc = printer_args(c, c->state)))
		return rc;
	if (strcmp(sub, "test") != 0 && strcmp(sub, "status") != 0)
		return cli_usage(c->ctx, _("unknown action '%s': say test or status"), sub);
	if (c->argc > 1)
		return cli_usage(c->ctx, _("unexpected argument '%s'"), c->argv[1]);
	return check_printer(c->ctx, cli_arg(c, 'P'));
}

static int printer_run(cli_call *c)
{
	const print_args *a = c->state;
	int query_only = strcmp(c->argv[0], "status") == 0;
	jrc_print_opts o = { 0 };
	jrc_print_result res;
	jrc_status s;

	o.uri = a->printer;
	o.paper = a->paper;
	o.actor = "cli";
	if (query_only) {
		char uri[1100];

		if (a->printer)
			snprintf(uri, sizeof(uri), "%s", a->printer);
		else
			db_setting_get(c->db, "printer", NULL, uri, sizeof(uri), NULL);
		memset(&res, 0, sizeof(res));
		snprintf(res.sink, sizeof(res.sink), "%s", uri);
		s = printer_query(uri, &res.printer, &c->err);
	} else {
		s = print_test_page(c->db, &o, &res, &c->err);
	}
	if (s != JRC_OK)
		return CLI_ERR;
	if (strcmp(res.sink, "none") == 0) {
		printf(_("The printer is set to none: set one with 'jrc settings printer URI' or use --printer.\n"));
		return 0;
	}
	if (!query_only && strcmp(res.sink, "file:-") != 0)
		printf(_("Printed a test page on %s.\n"), res.sink);
	/* Only dev: and tcp: printers can say how they are. */
	if (query_only || res.printer.kind == JRC_SINK_DEV || res.printer.kind == JRC_SINK_TCP)
		fprintf(strcmp(res.sink, "file:-") == 0 ? stderr : stdout, "%s\n",
			printer_state_text(res.printer.state));
	return 0;
}

const cli_command cli_cmd_printer = {
	.name = "printer",
	.summary = N_("print a test page, or ask the printer how it is"),
	.help = N_("Usage: jrc printer test [--printer URI] [--paper 58|80]\n"
		   "       jrc printer status [--printer URI]\n"
		   "test prints a test page (name, paper ruler, Chinese, QR code) and says\n"
		   "what the printer reports; status only asks a dev: or tcp: printer.\n"
		   "URI as for 'jrc print' (default: the printer setting).\n"),
	.opts = printer_opts,
	.min_args = 1, .max_args = CLI_MANY,
	.few = N_("say test or status"),
	.flags = CLI_DB | CLI_READONLY,
	.state_size = sizeof(print_args),
	.check = printer_check,
	.run = printer_run,
};
