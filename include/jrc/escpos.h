/* A document (jrc/doc.h) as ESC/POS bytes for thermal printers whose built-in
 * font takes GB18030 or GBK (or only ASCII). */
#ifndef JRC_ESCPOS_H
#define JRC_ESCPOS_H

#include <stddef.h>
#include "jrc/bytes.h"
#include "jrc/doc.h"
#include "jrc/status.h"

typedef enum jrc_printer_encoding {
	JRC_ENC_GB18030 = 0,
	JRC_ENC_GBK,            /* 2-byte only: missing characters mapped */
	JRC_ENC_ASCII           /* English-only printers */
} jrc_printer_encoding;

typedef enum jrc_cut {
	JRC_CUT_PARTIAL = 0,
	JRC_CUT_FULL,
	JRC_CUT_NONE
} jrc_cut;

typedef struct jrc_escpos_opts {
	int paper;              /* 58 or 80 (mm): sets the QR module size */
	jrc_printer_encoding encoding;
	jrc_cut cut;
} jrc_escpos_opts;

/* Parse the printer_encoding and printer_cut settings; 0 on success. */
int escpos_encoding_parse(const char *s, jrc_printer_encoding *out);
int escpos_cut_parse(const char *s, jrc_cut *out);

/* The iconv name of an encoding ("GB18030", "GBK", "ASCII"). */
const char *escpos_encoding_name(jrc_printer_encoding enc);

/* Append text to out in the printer's encoding: sanitized first (no
 * control byte can come through), then converted with iconv; a character
 * the encoding lacks becomes a close equivalent (¥ -> ￥ for gbk, full
 * width forms -> ASCII for ascii) or '?'.  Never fails for want of a
 * character; JRC_E_IO only when iconv cannot convert at all. */
jrc_status escpos_convert(const char *utf8, jrc_printer_encoding enc, jrc_bytes *out,
			  jrc_err *err);

/* The whole document: initialize (ESC @), Chinese mode (FS &) unless
 * ascii, each line with its alignment (ESC a), bold (ESC E) and size
 * (GS !), the QR with GS ( k (model 2, level M, a module size that fits
 * the paper), then feed and cut (GS V) as o->cut says. */
jrc_status escpos_encode(const jrc_doc *doc, const jrc_escpos_opts *o, jrc_bytes *out,
			 jrc_err *err);

/* The document as UTF-8 text lines ending in '\n', the QR in half blocks,
 * for --format text. */
jrc_status escpos_plain_text(const jrc_doc *doc, jrc_bytes *out, jrc_err *err);

#endif
