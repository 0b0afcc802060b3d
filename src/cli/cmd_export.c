/* jrc export: the cases of a period as open data, Open311 or CSV. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "jrc/export.h"
#include "jrc/i18n.h"

enum { TO_OPEN311, TO_CSV };

typedef struct export_args {
	int what;
	jrc_export_opts o;
} export_args;

static const struct option export_opts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "from", required_argument, NULL, 'f' },
	{ "to", required_argument, NULL, 't' },
	{ "with-text", no_argument, NULL, 'w' },
	{ "lang", required_argument, NULL, 'l' },
	{ NULL, 0, NULL, 0 }
};

static int export_check(cli_call *c)
{
	export_args *a = c->state;
	jrc_err err;

	if (strcmp(c->argv[0], "open311") == 0)
		a->what = TO_OPEN311;
	else if (strcmp(c->argv[0], "csv") == 0)
		a->what = TO_CSV;
	else
		return cli_usage(c->ctx, _("unknown format '%s': use open311 or csv"), c->argv[0]);
	if (!cli_has(c, 'o') || !*cli_arg(c, 'o'))
		return cli_usage(c->ctx, a->what == TO_CSV
				 ? _("say where to write with -o FILE")
				 : _("say where to write with -o DIR (a folder, made if missing)"));
	a->o.from = cli_arg(c, 'f');
	a->o.to = cli_arg(c, 't');
	a->o.with_text = cli_has(c, 'w');
	a->o.lang = JRC_LANG_ZH;
	if (cli_has(c, 'l') && i18n_parse(cli_arg(c, 'l'), &a->o.lang) != 0)
		return cli_usage(c->ctx, _("unknown language '%s': use zh or en"), cli_arg(c, 'l'));
	if (export_check_period(a->o.from, a->o.to, &err) != JRC_OK)
		return cli_fail(c->ctx, &err);
	return 0;
}

static int export_run(cli_call *c)
{
	export_args *a = c->state;
	const char *out = cli_arg(c, 'o');
	long n = 0;

	if (a->what == TO_OPEN311) {
		if (export_open311(c->db, out, &a->o, &n, &c->err) != JRC_OK)
			return CLI_ERR;
		printf(_("Wrote %ld cases to %s/requests.json and the categories to %s/services.json\n"),
		       n, out, out);
	} else {
		if (export_csv(c->db, out, &a->o, &n, &c->err) != JRC_OK)
			return CLI_ERR;
		printf(_("Wrote %ld cases to %s\n"), n, out);
	}
	return 0;
}

const cli_command cli_cmd_export = {
	.name = "export",
	.summary = N_("export the cases of a period as open data (Open311, CSV), nothing personal"),
	.help = N_("Usage: jrc export open311 -o DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
		   "                         [--with-text] [--lang zh|en]\n"
		   "       jrc export csv -o FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
		   "                      [--with-text] [--lang zh|en]\n"
		   "Write the cases filed in the period (local dates, both included; all by\n"
		   "default) as open data.  open311 writes services.json (the categories)\n"
		   "and requests.json (the cases) in the Open311 GeoReport v2 form into DIR,\n"
		   "made if missing: receipt number, open or closed, the state, category,\n"
		   "responsible department, filed, last changed, the deadline, township and\n"
		   "village.  csv writes the same fields, one row a case, for spreadsheets\n"
		   "(UTF-8 with a BOM).  No name, ID number or phone ever leaves; the\n"
		   "citizen's text only with --with-text, and then with names, ID numbers,\n"
		   "phone and card numbers in it masked.  Names and states are in Chinese\n"
		   "unless --lang en.  A file is replaced only when the new one is whole.\n"),
	.opts = export_opts,
	.shortopts = "ho:",
	.min_args = 1, .max_args = 1,
	.few = N_("say what to write: open311 or csv"),
	.flags = CLI_DB | CLI_READONLY,
	.state_size = sizeof(export_args),
	.check = export_check,
	.run = export_run,
};
