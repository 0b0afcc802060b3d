/* jrc report: the monthly report as an Excel workbook, CSV or Markdown. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/report.h"

typedef struct report_args {
	jrc_report_format format;
} report_args;

static const struct option report_opts[] = {
	{ "month", required_argument, NULL, 'm' },
	{ "format", required_argument, NULL, 'F' },
	{ "output", required_argument, NULL, 'o' },
	{ "unmasked", no_argument, NULL, 'u' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

/* The format from --format, else from the output file's ending. */
static int format_arg(cli_call *c, jrc_report_format *f)
{
	const char *word = cli_arg(c, 'F'), *out = cli_arg(c, 'o'), *dot;

	if (word) {
		if (report_format_parse(word, f) != 0)
			return cli_usage(c->ctx, _("'%s' is not a format of the report: say --format xlsx, csv or md"),
					 word);
		return 0;
	}
	dot = out ? strrchr(out, '.') : NULL;
	if (dot && report_format_parse(dot + 1, f) == 0)
		return 0;
	return cli_usage(c->ctx, _("say which format to write with --format xlsx, csv or md"));
}

static int report_check(cli_call *c)
{
	report_args *a = c->state;
	jrc_err err = { 0 };
	const char *out = cli_arg(c, 'o');
	struct stat so, sd;
	int rc;

	if (!cli_has(c, 'm'))
		return cli_usage(c->ctx, _("say which month with --month YYYY-MM, such as --month 2026-11"));
	if (report_month_check(cli_arg(c, 'm'), &err) != JRC_OK)
		return cli_fail(c->ctx, &err);
	if (!out || !*out)
		return cli_usage(c->ctx, _("say where to write the report with -o FILE"));
	if ((rc = format_arg(c, &a->format)))
		return rc;
	if (cli_has(c, 'u') && !cli_has(c, 'S'))
		return cli_usage(c->ctx, _("--unmasked is for a supervisor: give your staff ID with --staff"));
	if (cli_has(c, 'S') && auth_check_staff_id(cli_arg(c, 'S'), NULL) != JRC_OK)
		return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
	/* Never over the database itself. */
	if (stat(out, &so) == 0 && stat(c->ctx->db_path, &sd) == 0 && so.st_dev == sd.st_dev &&
	    so.st_ino == sd.st_ino)
		return cli_usage(c->ctx, _("%s is the database: give -o another file"), out);
	if (a->format == JRC_REPORT_XLSX && !report_has_xlsx()) {
		fprintf(stderr, "jrc: %s\n",
			_("this build of jrc has no Excel writer (libxlsxwriter): write the report with --format csv or --format md."));
		return 1;
	}
	return 0;
}

static int report_run(cli_call *c)
{
	report_args *a = c->state;
	int unmasked = cli_has(c, 'u');
	jrc_report r;
	jrc_status s;

	if (unmasked) {
		jrc_staff who;

		if (auth_staff_get(c->db, cli_arg(c, 'S'), &who, &c->err) != JRC_OK)
			return CLI_ERR;
		if (who.role != JRC_ROLE_SUPERVISOR || who.disabled) {
			jrc_err_set(&c->err, JRC_E_REFUSED, "role",
				    _("Only a supervisor may write the report with names and phones unmasked; your role is %s: leave out --unmasked, or ask a supervisor. Nothing was written."),
				    auth_role_label(who.role));
			return CLI_ERR;
		}
	}
	if (report_gather(c->db, cli_arg(c, 'm'), unmasked, &r, &c->err) != JRC_OK)
		return CLI_ERR;
	s = report_write(&r, a->format, cli_arg(c, 'o'), &c->err);
	if (s == JRC_OK)
		printf(_("The report for %s is in %s (cases filed that month: %zu).\n"), r.month,
		       cli_arg(c, 'o'), r.n_cases);
	report_free(&r);
	return s == JRC_OK ? 0 : CLI_ERR;
}

const cli_command cli_cmd_report = {
	.name = "report",
	.summary = N_("write the monthly report as an Excel workbook, CSV or Markdown"),
	.help = N_("Usage: jrc report --month YYYY-MM [--format xlsx|csv|md] -o FILE\n"
		   "                  [--unmasked --staff ID]\n"
		   "Write the month's report: the summary with this month against the\n"
		   "month before and the last twelve months, the cases by category,\n"
		   "township, department (with on-time and satisfied rates) and source,\n"
		   "the month's alerts, and the list of cases filed that month.\n"
		   "  --month YYYY-MM     the month, such as 2026-11\n"
		   "  --format FORMAT     xlsx (an Excel workbook with charts), csv (UTF-8\n"
		   "                      with a BOM, for Excel and WPS) or md (Markdown);\n"
		   "                      by default from the ending of FILE\n"
		   "  -o, --output FILE   where to write it; replaced only when complete\n"
		   "  --unmasked          citizens' names and phones in full (ID numbers\n"
		   "                      stay masked); only for a supervisor, named with\n"
		   "  --staff ID          the staff ID of who writes it\n"),
	.opts = report_opts,
	.shortopts = "ho:",
	.flags = CLI_DB | CLI_READONLY,
	.state_size = sizeof(report_args),
	.check = report_check,
	.run = report_run,
};
