/* Printing a case's receipt on a sink, recording every attempt. */
#ifndef JRC_PRINT_H
#define JRC_PRINT_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"
#include "jrc/escpos.h"
#include "jrc/i18n.h"
#include "jrc/printer.h"

typedef struct jrc_print_opts {
	const char *uri;        /* NULL: the site's "printer" setting */
	int paper;              /* 58 or 80; 0: the "paper" setting */
	const char *format;     /* "escpos" (default) or "text" */
	jrc_lang lang;          /* language of the English lines under the Chinese */
	const char *actor;      /* who asked: "kiosk", "staff:ID", "cli" */
	int lang_from_case;     /* 1: use the language the case was filed in */
} jrc_print_opts;

/* The printer, paper and format of a print, from the options and the
 * site's settings. */
typedef struct jrc_print_setup {
	char uri[1100];
	int paper;
	int text;               /* format "text" */
	jrc_escpos_opts eo;     /* paper, encoding, cut */
} jrc_print_setup;

/* Fill ps from opts (NULL or unset fields: the "printer", "paper",
 * "printer_encoding" and "printer_cut" settings).  A setting or option that
 * cannot work is JRC_E_INVALID naming it in err->field. */
jrc_status print_setup(jrc_db *db, const jrc_print_opts *opts, jrc_print_setup *ps,
		       jrc_err *err);

/* Encode doc for the printer of ps and send it there (a file: sink never
 * overwrites the database file).  doc is freed whatever happens.  For
 * slips and notices, which keep no print_jobs row. */
jrc_status print_doc_send(jrc_db *db, const jrc_print_setup *ps, jrc_doc *doc, jrc_err *err);

/* Record one attempt to print a case's document ("receipt" or
 * "review_slip") with its event, in one transaction. */
jrc_status print_record(jrc_db *db, int64_t case_id, const char *document, const char *sink,
			const char *outcome, const char *error, const char *warning,
			const char *actor, jrc_err *err);

/* Print (or reprint) the receipt of the case with this receipt number.
 * The case must already be committed; the attempt and its outcome are
 * recorded in print_jobs whatever happens.  Failures are JRC_E_PRINTER with
 * a plain sentence (paper out, offline, no connection ...).  A sink of
 * "none" records the job as skipped and returns JRC_OK. */
jrc_status print_receipt(jrc_db *db, const char *receipt, const jrc_print_opts *opts,
			 jrc_err *err);

/* What became of one print. */
typedef struct jrc_print_result {
	char sink[1100];        /* the URI used */
	char outcome[8];        /* ok | failed | skipped */
	jrc_printer_report printer;
} jrc_print_result;

/* As print_receipt, also telling what happened (res may be NULL). */
jrc_status print_receipt_report(jrc_db *db, const char *receipt, const jrc_print_opts *opts,
				jrc_print_result *res, jrc_err *err);

/* One recorded print attempt. */
typedef struct jrc_print_job {
	int64_t id, case_id;
	char receipt[32];
	char document[16];      /* receipt | review_slip */
	char sink[1100];
	char at[32];            /* UTC ISO 8601 */
	char outcome[8];        /* ok | failed | skipped */
	char error[512];
	char warning[256];
	char actor[48];
	long attempts;          /* attempts for this case's document */
} jrc_print_job;

/* Receipts and slips whose last print failed, oldest failure first; at
 * a terminal of another site (jrc --site) only those of its own site's
 * cases; caller frees *out. */
jrc_status print_failed(jrc_db *db, jrc_print_job **out, size_t *n, jrc_err *err);

/* The last attempt to print a case's receipt; JRC_E_NOT_FOUND when never printed. */
jrc_status print_last_job(jrc_db *db, int64_t case_id, jrc_print_job *out, jrc_err *err);

/* A test page (site name, paper ruler, Chinese and a QR code) on the
 * printer at opts->uri (NULL: the setting); nothing is recorded.
 * res->printer says the status the printer reported. */
jrc_status print_test_page(jrc_db *db, const jrc_print_opts *opts, jrc_print_result *res,
			   jrc_err *err);

#endif
