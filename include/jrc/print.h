/* Printing a case's receipt on a sink, recording every attempt. */
#ifndef JRC_PRINT_H
#define JRC_PRINT_H

#include "jrc/db.h"
#include "jrc/i18n.h"

typedef struct jrc_print_opts {
	const char *uri;        /* NULL: the site's "printer" setting */
	int paper;              /* 58 or 80; 0: the "paper" setting */
	const char *format;     /* "escpos" (default) or "text" */
	jrc_lang lang;          /* language of the English lines under the Chinese */
	const char *actor;      /* who asked: "kiosk", "staff:ID", "cli" */
} jrc_print_opts;

/* Print (or reprint) the receipt of the case with this receipt number.
 * The case must already be committed; the attempt and its outcome are
 * recorded in print_jobs whatever happens.  Failures are JRC_E_PRINTER with
 * a plain sentence (paper out, offline, no connection ...).  A sink of
 * "none" records the job as skipped and returns JRC_OK. */
jrc_status print_receipt(jrc_db *db, const char *receipt, const jrc_print_opts *opts,
			 jrc_err *err);

#endif
