/* jrc: global options, then one subcommand from the table. */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/receipt.h"
#include "jrc/site.h"


/* Every command, in the order jrc --help lists them. */
static const cli_command *const commands[] = {
	&cli_cmd_init,
	&cli_cmd_migrate,
	&cli_cmd_import,
	&cli_cmd_settings,
	&cli_cmd_categories,
	&cli_cmd_divisions,
	&cli_cmd_sites,
	&cli_cmd_file,
	&cli_cmd_show,
	&cli_cmd_list,
	&cli_cmd_stats,
	&cli_cmd_export,
	&cli_cmd_report,
	&cli_cmd_print,
	&cli_cmd_printer,
	&cli_cmd_kiosk,
	&cli_cmd_staff,
	&cli_cmd_desk,
	&cli_cmd_board,
	&cli_cmd_verify,
	&cli_cmd_anchor,
	&cli_cmd_move,
	&cli_cmd_terminate,
	&cli_cmd_assign,
	&cli_cmd_escalate,
	&cli_cmd_joint,
	&cli_cmd_supervise,
	&cli_cmd_alerts,
	&cli_cmd_hearing,
	&cli_cmd_visit,
	&cli_cmd_queue,
	&cli_cmd_sms,
	&cli_cmd_help_request,
	&cli_cmd_survey,
	&cli_cmd_status,
	&cli_cmd_feedback,
	&cli_cmd_tick,
	&cli_cmd_helpers,
	&cli_cmd_book,
	&cli_cmd_rebook,
	&cli_cmd_unbook,
	&cli_cmd_checkin,
	&cli_cmd_schedule,
	&cli_cmd_backup,
	&cli_cmd_restore,
};

static void usage(FILE *f)
{
	fprintf(f, _("Usage: jrc [--db PATH] [--site CODE] [--data DIR] COMMAND [ARGS]\n"
		     "A kiosk and front desk for a county joint reception center.\n\n"
		     "Commands:\n"));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-12s %s\n", commands[i]->name, _(commands[i]->summary));
	fprintf(f, _("\nOptions:\n"
		     "  --db PATH     the database (default $JRC_DB, else %s)\n"
		     "  --site CODE   this terminal's site: its receipt numbers, worklist and heading\n"
		     "                (default: the database's site_code setting)\n"
		     "  --data DIR    the reference data folder (default $JRC_DATA, else %s)\n"
		     "  --help        show this help\n"
		     "  --version     show the version\n\n"
		     "Run 'jrc COMMAND --help' for the options of a command.\n"
		     "Exit status: 0 done, 1 a runtime failure (database, printer), 2 bad usage or input.\n"),
		JRC_DEFAULT_DB, JRC_DATADIR);
}

int cli_fail(const cli_ctx *ctx, const jrc_err *err)
{
	(void)ctx;
	fprintf(stderr, "jrc: %s\n", err->msg[0] ? err->msg : jrc_status_message(err->code));
	return jrc_status_exit(err->code) ? jrc_status_exit(err->code) : 1;
}

int cli_usage(const cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "jrc: %s: ", ctx->command ? ctx->command : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _(": see 'jrc %s --help'.\n"), ctx->command ? ctx->command : "");
	return 2;
}

int cli_open_db(cli_ctx *ctx, int flags, jrc_db **db)
{
	jrc_err err = { 0 };
	char tz[64];

	if (db_open(ctx->db_path, flags, db, &err) != JRC_OK)
		return cli_fail(ctx, &err);
	if (db_setting_get(*db, "timezone", NULL, tz, sizeof(tz), &err) != JRC_OK) {
		db_close(*db);
		*db = NULL;
		return cli_fail(ctx, &err);
	}
	if (clock_use_timezone(tz) != JRC_OK) {
		fprintf(stderr, _("jrc: the site timezone '%s' is unknown: set one such as Asia/Shanghai with 'jrc settings timezone'.\n"),
			tz);
		db_close(*db);
		*db = NULL;
		return 1;
	}
	/* --site: this terminal's own site, over the database's setting that
	 * a county server's sites all share. */
	if (ctx->site && site_use(*db, ctx->site, &err) != JRC_OK) {
		db_close(*db);
		*db = NULL;
		return cli_fail(ctx, &err);
	}
	return 0;
}

int cli_read_stdin(const cli_ctx *ctx, char **out)
{
	size_t cap = 4096, n = 0, r;
	char *buf = malloc(cap);

	*out = NULL;
	if (!buf) {
		fprintf(stderr, "jrc: %s\n", jrc_status_message(JRC_E_NOMEM));
		return 1;
	}
	while ((r = fread(buf + n, 1, cap - n - 1, stdin)) > 0) {
		n += r;
		if (n + 1 >= cap) {
			char *nb;

			if (cap > (1u << 24)) { /* 16 MiB: far past any limit */
				free(buf);
				return cli_usage(ctx, _("standard input is far too long for a text field"));
			}
			nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				fprintf(stderr, "jrc: %s\n", jrc_status_message(JRC_E_NOMEM));
				return 1;
			}
			buf = nb;
		}
	}
	/* A NUL would silently cut the text short where it stands. */
	if (memchr(buf, '\0', n)) {
		free(buf);
		return cli_usage(ctx, _("standard input holds a NUL byte: give plain text (nothing was saved)"));
	}
	buf[n] = '\0';
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	*out = buf;
	return 0;
}

int cli_receipt_arg(const cli_ctx *ctx, const char *arg, char out[JRC_RECEIPT_MAX])
{
	jrc_err err = { 0 };

	if (!arg)
		return cli_usage(ctx, _("a receipt number is needed"));
	if (receipt_parse(arg, out, &err) != JRC_OK)
		return cli_fail(ctx, &err);
	return 0;
}

static void pick_language(void)
{
	const char *v = getenv("JRC_LANG");
	jrc_lang lang;

	if (v && i18n_parse(v, &lang) == 0) {
		i18n_set(lang);
		return;
	}
	if (getenv("LANGUAGE") && *getenv("LANGUAGE"))
		return;
	v = getenv("LC_ALL");
	if (!v || !*v)
		v = getenv("LC_MESSAGES");
	if (!v || !*v)
		v = getenv("LANG");
	i18n_set(v && strncmp(v, "zh", 2) == 0 ? JRC_LANG_ZH : JRC_LANG_EN);
}

/* At exit: everything written to standard output must have reached it.
 * A full disk or a closed pipe is a failure the caller has to see (exit 1
 * with a sentence), not a quiet 0 with half a listing. */
static void close_stdout(void)
{
	int bad = ferror(stdout), e = 0, tty;
	struct stat sb;
	int chr = fstat(STDOUT_FILENO, &sb) == 0 && S_ISCHR(sb.st_mode);

	/* A terminal, or one that hung up (it answers with EIO): asked
	 * before the stream is closed. */
	errno = 0;
	tty = isatty(STDOUT_FILENO) || errno == EIO;
	errno = 0;
	if (fflush(stdout) != 0 || bad)
		e = errno ? errno : EIO;
	if (fclose(stdout) != 0 && !e)
		e = errno ? errno : EIO;
	if (!e)
		return;
	/* A terminal that hung up (the kiosk's tmux or console closed) is
	 * not lost output: nobody is there to read either sentence.  Another
	 * device (/dev/full) is no terminal, and its failure may have come
	 * earlier, when errno no longer says so (EIO here). */
	if ((e == EIO || e == ENXIO) && chr && tty)
		return;
	fprintf(stderr, _("jrc: the output could not be written (%s): check the disk or the program it goes to, and run the command again.\n"),
		strerror(e));
	_exit(1);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "site", required_argument, NULL, 's' },
		{ "data", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	cli_ctx ctx = { .prog = "jrc" };
	int c;
	const char *now = getenv("JRC_NOW");
	jrc_time t;

#ifdef M_TRIM_THRESHOLD
	/* Each filing allocates and frees a few hundred KiB; giving that back
	 * to the kernel every time made a durable filing measurably slower
	 * (BENCHMARKS.md, figure 1). */
	mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
	i18n_init(NULL);
	pick_language();
	atexit(close_stdout);
	ctx.db_path = getenv("JRC_DB");
	if (!ctx.db_path || !*ctx.db_path)
		ctx.db_path = JRC_DEFAULT_DB;
	ctx.data_dir = getenv("JRC_DATA");
	if (!ctx.data_dir || !*ctx.data_dir)
		ctx.data_dir = JRC_DATADIR;

	/* '+': stop at the command; its options are its own. */
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': ctx.db_path = optarg; break;
		case 's': ctx.site = optarg; break;
		case 'D': ctx.data_dir = optarg; break;
		case 'h': usage(stdout); return 0;
		case 'V':
			printf("jrc (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
#ifdef HAVE_POSTGRESQL
			printf("storage: sqlite, postgresql\n");
#else
			printf("storage: sqlite\n");
#endif
			return 0;
		default:
			fprintf(stderr, _("jrc: unknown option: see 'jrc --help'.\n"));
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	if (ctx.site && !receipt_site_valid(ctx.site)) {
		fprintf(stderr, _("jrc: the site code '%s' is not valid: use 2 to 4 capital letters, such as PJ.\n"),
			ctx.site);
		return 2;
	}
	if (now && *now && clock_parse(now, &t) != JRC_OK) {
		fprintf(stderr, _("jrc: JRC_NOW='%s' is not a date and time: use ISO 8601, such as 2026-11-29T10:00:00+08:00.\n"),
			now);
		return 2;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[optind], commands[i]->name) == 0) {
			ctx.command = commands[i]->name;
			argv += optind;
			argc -= optind;
			optind = 0;     /* reset getopt for the subcommand */
			return cli_run(&ctx, commands[i], argc, argv);
		}
	}
	fprintf(stderr, _("jrc: unknown command '%s': see 'jrc --help' for the list.\n"), argv[optind]);
	return 2;
}
