/* jrc print, jrc printer. */
#include <getopt.h>
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

static int parse_paper(cli_ctx *ctx, const char *s, int *paper)
{
	if (strcmp(s, "58") == 0 || strcmp(s, "80") == 0) {
		*paper = atoi(s);
		return 0;
	}
	return cli_usage(ctx, _("--paper is 58 or 80 (mm), not '%s'"), s);
}

static int list_failed(cli_ctx *ctx, int json)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_print_job *jobs;
	size_t n;
	int rc;

	if ((rc = cli_open_db(ctx, JRC_DB_READONLY, &db)))
		return rc;
	if (print_failed(db, &jobs, &n, &err) != JRC_OK) {
		db_close(db);
		return cli_fail(ctx, &err);
	}
	db_close(db);
	if (json) {
		json_out j;

		json_begin(&j, stdout);
		json_arr_open(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_obj_open(&j, NULL);
			json_str(&j, "receipt", jobs[i].receipt);
			json_str(&j, "at", jobs[i].at);
			json_str(&j, "sink", jobs[i].sink);
			json_str(&j, "error", jobs[i].error);
			json_int(&j, "attempts", jobs[i].attempts);
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_end(&j);
	} else if (n == 0) {
		printf(_("No receipt is waiting to be printed again.\n"));
	} else {
		for (size_t i = 0; i < n; i++) {
			jrc_time t;
			char when[32];

			if (clock_parse(jobs[i].at, &t) == JRC_OK)
				clock_format_local(t, when);
			else
				snprintf(when, sizeof(when), "%s", jobs[i].at);
			printf("%-18s %s  %s\n    %s\n", jobs[i].receipt, when, jobs[i].sink,
			       jobs[i].error);
		}
	}
	free(jobs);
	return 0;
}

static int print_one(cli_ctx *ctx, const char *arg, const print_args *a)
{
	char receipt[JRC_RECEIPT_MAX];
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_print_opts o = { 0 };
	jrc_print_result res;
	jrc_status s;
	int rc;

	if ((rc = cli_receipt_arg(ctx, arg, receipt)))
		return rc;
	if ((rc = cli_open_db(ctx, 0, &db)))
		return rc;
	o.uri = a->printer;
	o.paper = a->paper;
	o.format = a->format;
	o.lang = a->lang;
	o.lang_from_case = !a->have_lang;
	o.actor = "cli";
	s = print_receipt_report(db, receipt, &o, &res, &err);
	db_close(db);
	if (s != JRC_OK) {
		rc = cli_fail(ctx, &err);
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

int cmd_print(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "printer", required_argument, NULL, 'P' },
		{ "paper", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'L' },
		{ "failed", no_argument, NULL, 'F' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	print_args a = { 0 };
	int c, failed = 0, json = 0, rc;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'P': a.printer = optarg; break;
		case 'w':
			if ((rc = parse_paper(ctx, optarg, &a.paper)))
				return rc;
			break;
		case 'f':
			if (strcmp(optarg, "escpos") != 0 && strcmp(optarg, "text") != 0)
				return cli_usage(ctx, _("--format is escpos or text, not '%s'"), optarg);
			a.format = optarg;
			break;
		case 'L':
			if (i18n_parse(optarg, &a.lang) != 0)
				return cli_usage(ctx, _("--lang is zh or en, not '%s'"), optarg);
			a.have_lang = 1;
			break;
		case 'F': failed = 1; break;
		case 'j': json = 1; break;
		case 'h':
			printf(_("Usage: jrc print RECEIPT [--printer URI] [--paper 58|80]\n"
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
				 "2 bad usage or an unknown receipt.\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if ((rc = check_printer(ctx, a.printer)))
		return rc;
	if (failed) {
		if (optind < argc)
			return cli_usage(ctx, _("--failed takes no receipt number"));
		if (a.printer || a.paper || a.format || a.have_lang)
			return cli_usage(ctx, _("--failed only lists: leave out the print options"));
		return list_failed(ctx, json);
	}
	if (json)
		return cli_usage(ctx, _("--json goes with --failed"));
	if (optind >= argc)
		return cli_usage(ctx, _("a receipt number is needed"));
	if (optind + 1 < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind + 1]);
	return print_one(ctx, argv[optind], &a);
}

static int printer_test(cli_ctx *ctx, const print_args *a, int query_only)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_print_opts o = { 0 };
	jrc_print_result res;
	jrc_status s;
	int rc;

	if ((rc = cli_open_db(ctx, JRC_DB_READONLY, &db)))
		return rc;
	o.uri = a->printer;
	o.paper = a->paper;
	o.actor = "cli";
	if (query_only) {
		char uri[1100];

		if (a->printer)
			snprintf(uri, sizeof(uri), "%s", a->printer);
		else
			db_setting_get(db, "printer", NULL, uri, sizeof(uri), NULL);
		memset(&res, 0, sizeof(res));
		snprintf(res.sink, sizeof(res.sink), "%s", uri);
		s = printer_query(uri, &res.printer, &err);
	} else {
		s = print_test_page(db, &o, &res, &err);
	}
	db_close(db);
	if (s != JRC_OK)
		return cli_fail(ctx, &err);
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

int cmd_printer(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "printer", required_argument, NULL, 'P' },
		{ "paper", required_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	print_args a = { 0 };
	int c, rc;
	const char *sub;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'P': a.printer = optarg; break;
		case 'w':
			if ((rc = parse_paper(ctx, optarg, &a.paper)))
				return rc;
			break;
		case 'h':
			printf(_("Usage: jrc printer test [--printer URI] [--paper 58|80]\n"
				 "       jrc printer status [--printer URI]\n"
				 "test prints a test page (name, paper ruler, Chinese, QR code) and says\n"
				 "what the printer reports; status only asks a dev: or tcp: printer.\n"
				 "URI as for 'jrc print' (default: the printer setting).\n"));
			return 0;
		default: return cli_usage(ctx, _("unknown option"));
		}
	}
	if (optind >= argc)
		return cli_usage(ctx, _("say test or status"));
	sub = argv[optind];
	if (strcmp(sub, "test") != 0 && strcmp(sub, "status") != 0)
		return cli_usage(ctx, _("unknown action '%s': say test or status"), sub);
	if (optind + 1 < argc)
		return cli_usage(ctx, _("unexpected argument '%s'"), argv[optind + 1]);
	if ((rc = check_printer(ctx, a.printer)))
		return rc;
	return printer_test(ctx, &a, strcmp(sub, "status") == 0);
}
