/* The jrc command line: shared context and helpers for subcommands. */
#ifndef JRC_CLI_H
#define JRC_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "jrc/db.h"
#include "jrc/grievance.h"
#include "jrc/status.h"

typedef struct cli_ctx {
	const char *prog;        /* "jrc" */
	const char *db_path;     /* --db, $JRC_DB or the configured default */
	const char *site;        /* --site, or NULL for the database's setting */
	const char *data_dir;    /* --data, $JRC_DATA or the installed data */
	const char *command;     /* the subcommand being run */
} cli_ctx;

/* What a command's entry asks of the runner. */
enum {
	CLI_DB = 1 << 0,        /* open the database before run, close it after */
	CLI_READONLY = 1 << 1,  /* ... read-only (a read-only database still answers) */
	CLI_JSON = 1 << 2,      /* takes --json */
	CLI_RECEIPT = 1 << 3,   /* the first operand is a receipt number, parsed */
	CLI_RAW = 1 << 4,       /* no options: only "--help" first; operands as given */
};

/* run's answer when it failed with call->err, which the runner says. */
enum { CLI_ERR = -1 };

enum { CLI_KEYS = 128 };

/* max_args of a command that counts its operands itself. */
enum { CLI_MANY = 1 << 20 };

struct cli_command;

/* One run of a command: what the runner parsed and opened for it. */
typedef struct cli_call {
	cli_ctx *ctx;
	const struct cli_command *cmd;
	int argc;                   /* the operands, after the options */
	char **argv;
	const char *arg[CLI_KEYS];  /* each option's argument by key ("" for a
				       flag), NULL when not given */
	int at[CLI_KEYS];           /* where it was given last: 1, 2, ... */
	int json;                   /* --json (CLI_JSON) */
	char receipt[JRC_RECEIPT_MAX]; /* operand 0, checked (CLI_RECEIPT) */
	int db_flags;               /* for db_open: JRC_DB_READONLY when the entry says
				       CLI_READONLY; check may change it */
	jrc_db *db;                 /* open while run runs (CLI_DB) */
	char *text;                 /* what cli_text_arg read from standard input */
	void *state;                /* the command's own, state_size bytes of zeros
				       before check; freed after run */
	jrc_err err;                /* why run returned CLI_ERR */
} cli_call;

/* A command: its name, words, options, and what it needs; one table of
 * these is the whole command line (main.c), as tmux's command table. */
typedef struct cli_command {
	const char *name;
	const char *summary;        /* msgid, one line for 'jrc --help' */
	const char *help;           /* msgid, the whole of 'jrc NAME --help' */
	void (*help_fn)(FILE *f);   /* instead of help, when it names values */
	const struct option *opts;  /* its own, ending in a zero entry; --help and
				       --json are added */
	const char *shortopts;      /* getopt's short options; NULL: "h" */
	int min_args, max_args;     /* operands */
	const char *few;            /* msgid when fewer than min_args */
	const char *many;           /* msgid when more than max_args; NULL: "unexpected
				       argument" naming the first one too many */
	unsigned flags;             /* CLI_* */
	size_t state_size;          /* of what check fills in for run, if anything */
	int (*check)(cli_call *c);  /* input checks before the database opens: 0 or
				       the exit code after saying why */
	int (*run)(cli_call *c);    /* 0, an exit code after saying why, or CLI_ERR */
} cli_command;

/* Run cmd on argv (argv[0] its name): options, operands, check, database,
 * run, close, and the exit code from what failed. */
int cli_run(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv);

/* Print cmd's --help text on f. */
void cli_help(const cli_command *cmd, FILE *f);

/* The argument of option key, NULL when not given. */
static inline const char *cli_arg(const cli_call *c, int key)
{
	return key > 0 && key < CLI_KEYS ? c->arg[key] : NULL;
}

/* Whether option key was given. */
static inline int cli_has(const cli_call *c, int key)
{
	return cli_arg(c, key) != NULL;
}

/* Of two options, the key of the one given last; 0 when neither was. */
int cli_last(const cli_call *c, int a, int b);

/* Option key's argument, read from standard input when it is "-" (the
 * call keeps the text).  0, or the exit code after saying why. */
int cli_text_arg(cli_call *c, int key);

/* Say call->err; its exit code. */
int cli_failed(cli_call *c);

/* Print "jrc: MESSAGE" from err and return its exit code (1 or 2). */
int cli_fail(const cli_ctx *ctx, const jrc_err *err);

/* Print "jrc: COMMAND: MESSAGE: see 'jrc COMMAND --help'." and return 2. */
int cli_usage(const cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Open the database (flags as db_open) and apply the site's timezone.
 * Prints the error itself; returns 0 or the exit code. */
int cli_open_db(cli_ctx *ctx, int flags, jrc_db **db);

/* Read all of standard input into a new string *out (for --text -).
 * Returns 0, or the exit code after printing why (a NUL byte: 2). */
int cli_read_stdin(const cli_ctx *ctx, char **out);

/* Parse a receipt number argument; prints and returns 2 when it is bad. */
int cli_receipt_arg(const cli_ctx *ctx, const char *arg, char out[JRC_RECEIPT_MAX]);

struct json_out;
/* The case's booking as a "booking" member (null when none), for show. */
void cli_json_booking(struct json_out *j, jrc_db *db, int64_t case_id);
/* A "Booking:" line for show's text output; nothing when none. */
void cli_print_booking(jrc_db *db, int64_t case_id);

/* jrc file's --source, --visit, --found and --solved (cmd_visit.c): the
 * check before the database opens (0 or the exit code), and the filing
 * of a matter of a visit. */
int cli_file_visit_check(cli_call *c);
jrc_status cli_file_visit(cli_call *c, jrc_intake *in, jrc_case *out);

/* The visit a case came from as "source" and "visit" members (source
 * "visit", or the channel), for file and show (cmd_visit.c). */
void cli_json_visit(struct json_out *j, jrc_db *db, int64_t case_id);
/* A "Source:" line for show's text output when the case came from a visit. */
void cli_print_visit(jrc_db *db, int64_t case_id);

/* The commands, each in its cmd_*.c, in the order of the table in main.c. */
extern const cli_command
	cli_cmd_init,
	cli_cmd_migrate,
	cli_cmd_import,
	cli_cmd_settings,
	cli_cmd_categories,
	cli_cmd_divisions,
	cli_cmd_sites,
	cli_cmd_assign,
	cli_cmd_escalate,
	cli_cmd_joint,
	cli_cmd_file,
	cli_cmd_show,
	cli_cmd_list,
	cli_cmd_stats,
	cli_cmd_export,
	cli_cmd_report,
	cli_cmd_supervise,
	cli_cmd_alerts,
	cli_cmd_hearing,
	cli_cmd_visit,
	cli_cmd_queue,
	cli_cmd_sms,
	cli_cmd_help_request,
	cli_cmd_survey,
	cli_cmd_print,
	cli_cmd_printer,
	cli_cmd_kiosk,
	cli_cmd_staff,
	cli_cmd_desk,
	cli_cmd_board,
	cli_cmd_verify,
	cli_cmd_anchor,
	cli_cmd_move,
	cli_cmd_terminate,
	cli_cmd_status,
	cli_cmd_feedback,
	cli_cmd_tick,
	cli_cmd_helpers,
	cli_cmd_book,
	cli_cmd_rebook,
	cli_cmd_unbook,
	cli_cmd_checkin,
	cli_cmd_schedule,
	cli_cmd_backup,
	cli_cmd_restore;

#endif
