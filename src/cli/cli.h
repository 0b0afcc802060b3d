/* The jrc command line: shared context and helpers for subcommands. */
#ifndef JRC_CLI_H
#define JRC_CLI_H

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

typedef int (*cli_fn)(cli_ctx *ctx, int argc, char **argv);

typedef struct cli_command {
	const char *name;
	cli_fn run;
	const char *summary;     /* msgid, one line */
} cli_command;

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

/* Subcommands, one group per file. */
int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_settings(cli_ctx *ctx, int argc, char **argv);
int cmd_categories(cli_ctx *ctx, int argc, char **argv);
int cmd_divisions(cli_ctx *ctx, int argc, char **argv);
int cmd_file(cli_ctx *ctx, int argc, char **argv);
int cmd_show(cli_ctx *ctx, int argc, char **argv);
int cmd_list(cli_ctx *ctx, int argc, char **argv);
int cmd_stats(cli_ctx *ctx, int argc, char **argv);

/* Receipts on paper (cmd_print.c): print, printer. */
int cmd_print(cli_ctx *ctx, int argc, char **argv);
int cmd_printer(cli_ctx *ctx, int argc, char **argv);

/* The full-screen citizen kiosk (cmd_kiosk.c). */
int cmd_kiosk(cli_ctx *ctx, int argc, char **argv);

/* Staff and the record (cmd_staff.c, cmd_verify.c, cmd_desk.c). */
int cmd_staff(cli_ctx *ctx, int argc, char **argv);
int cmd_verify(cli_ctx *ctx, int argc, char **argv);
int cmd_anchor(cli_ctx *ctx, int argc, char **argv);
int cmd_desk(cli_ctx *ctx, int argc, char **argv);

/* Lifecycle (cmd_lifecycle.c): move, status, feedback, tick. */
int cmd_move(cli_ctx *ctx, int argc, char **argv);
int cmd_status(cli_ctx *ctx, int argc, char **argv);
int cmd_feedback(cli_ctx *ctx, int argc, char **argv);
int cmd_tick(cli_ctx *ctx, int argc, char **argv);

/* Roster (cmd_roster.c): helpers, bookings, schedules. */
int cmd_helpers(cli_ctx *ctx, int argc, char **argv);
int cmd_book(cli_ctx *ctx, int argc, char **argv);
int cmd_rebook(cli_ctx *ctx, int argc, char **argv);
int cmd_unbook(cli_ctx *ctx, int argc, char **argv);
int cmd_schedule(cli_ctx *ctx, int argc, char **argv);
/* Backups (cmd_backup.c): backup, restore. */
int cmd_backup(cli_ctx *ctx, int argc, char **argv);
int cmd_restore(cli_ctx *ctx, int argc, char **argv);

struct json_out;
/* The case's booking as a "booking" member (null when none), for show. */
void cli_json_booking(struct json_out *j, jrc_db *db, int64_t case_id);
/* A "Booking:" line for show's text output; nothing when none. */
void cli_print_booking(jrc_db *db, int64_t case_id);

#endif
