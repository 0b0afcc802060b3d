/* Printer sinks: where receipt bytes go, and what the printer says about
 * itself.  A printer is a URI:
 *   none              nothing is printed (the job is recorded as skipped)
 *   file:PATH         write the bytes to a file (file:- is standard output)
 *   dev:PATH          a USB or serial device file, e.g. dev:/dev/usb/lp0
 *   tcp://HOST[:PORT] a network printer's raw port (default 9100)
 *   cups:QUEUE        a raw job through CUPS's lp (lp -d QUEUE -o raw)
 * dev: and tcp: printers are asked their status (DLE EOT 1, 2, 4) first
 * where they answer; paper out, cover open and offline stop the print,
 * paper low is a warning. */
#ifndef JRC_PRINTER_H
#define JRC_PRINTER_H

#include <stddef.h>
#include "jrc/status.h"

typedef enum jrc_sink_kind {
	JRC_SINK_NONE = 0,
	JRC_SINK_FILE,
	JRC_SINK_DEV,
	JRC_SINK_TCP,
	JRC_SINK_CUPS
} jrc_sink_kind;

typedef enum jrc_printer_state {
	JRC_PRINTER_UNKNOWN = 0,   /* it did not answer a status query */
	JRC_PRINTER_READY,
	JRC_PRINTER_PAPER_LOW,     /* prints, but needs a new roll soon */
	JRC_PRINTER_PAPER_OUT,
	JRC_PRINTER_COVER_OPEN,
	JRC_PRINTER_OFFLINE
} jrc_printer_state;

/* What a printer said while we printed on it. */
typedef struct jrc_printer_report {
	jrc_sink_kind kind;
	jrc_printer_state state;
	char warning[256];         /* "" or a sentence to pass on (paper low) */
} jrc_printer_report;

/* Timeouts in milliseconds: connecting, each status answer, and all of
 * the writing and the printer's confirmation. */
enum {
	JRC_PRINTER_CONNECT_MS = 3000,
	JRC_PRINTER_STATUS_MS = 700,
	JRC_PRINTER_WRITE_MS = 4000,
	JRC_PRINTER_CUPS_MS = 15000
};

/* Check the form of a printer URI; JRC_E_INVALID with a sentence.
 * kind may be NULL. */
jrc_status printer_uri_check(const char *uri, jrc_sink_kind *kind, jrc_err *err);

/* Send len bytes to the printer at uri.  JRC_E_PRINTER with a plain
 * sentence (no connection, timed out, paper out, cover open, offline,
 * device missing ...) when the receipt did not go out; rep (may be NULL)
 * gets the status and any warning either way.  A "none" URI sends
 * nothing and succeeds. */
jrc_status printer_send(const char *uri, const void *data, size_t len,
			jrc_printer_report *rep, jrc_err *err);

/* printer_send, but a file: sink never writes over the files named in
 * keep (NULL-terminated; each also with -wal, -shm and -journal), compared
 * by device and inode. */
jrc_status printer_send_keep(const char *uri, const void *data, size_t len,
			     const char *const *keep, jrc_printer_report *rep,
			     jrc_err *err);

/* Ask a dev: or tcp: printer its status without printing. */
jrc_status printer_query(const char *uri, jrc_printer_report *rep, jrc_err *err);

/* The sentence for a state, in the current language. */
const char *printer_state_text(jrc_printer_state state);

/* The state an answer to DLE EOT 1, 2 and 4 means (-1: no answer). */
jrc_printer_state printer_state_decode(int status1, int status2, int status4);

#endif
