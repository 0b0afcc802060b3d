/* The receipt as a device-independent document: lines already laid out
 * for a paper width (32 or 48 half-width columns), with alignment, bold
 * and magnification, ready for the ESC/POS encoder or a screen. */
#ifndef JRC_RECEIPT_DOC_H
#define JRC_RECEIPT_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"
#include "jrc/receipt.h"

typedef enum jrc_doc_kind {
	JRC_DOC_TEXT = 0,
	JRC_DOC_RULE,       /* a line of dashes across the paper */
	JRC_DOC_BLANK,
	JRC_DOC_QR          /* text is the QR payload */
} jrc_doc_kind;

typedef enum jrc_doc_align {
	JRC_ALIGN_LEFT = 0,
	JRC_ALIGN_CENTER,
	JRC_ALIGN_RIGHT
} jrc_doc_align;

/* Style bits of a line. */
enum {
	JRC_DOC_BOLD = 1,
	JRC_DOC_WIDE = 2,   /* double width: each column prints as two */
	JRC_DOC_TALL = 4,   /* double height */
	JRC_DOC_FIT = 8,    /* (when adding) WIDE only if it then fits one line */
	JRC_DOC_NAME = 16   /* holds a citizen's masked name: a printer that
			     * cannot print it says "(name withheld)" */
};

typedef struct jrc_doc_line {
	jrc_doc_kind kind;
	jrc_doc_align align;
	int style;          /* BOLD | WIDE | TALL, as printed */
	char *text;         /* sanitized UTF-8 (owned); its width times 2 if
			     * WIDE never exceeds the document's columns */
} jrc_doc_line;

typedef struct jrc_doc {
	int cols;           /* half-width columns of the paper */
	jrc_doc_line *lines;
	size_t n, cap;
	int oom;            /* an allocation failed while adding */
} jrc_doc;

/* Which languages a receipt carries. */
typedef enum jrc_doc_langs {
	JRC_DOC_ZH = 0,     /* Chinese only */
	JRC_DOC_ZH_EN,      /* Chinese, with short English under key lines */
	JRC_DOC_EN          /* English only, for printers without Chinese */
} jrc_doc_langs;

/* Columns of a paper width in mm: 58 -> 32, 80 -> 48; 0 for others. */
int doc_paper_cols(int paper_mm);

/* Printable dots across a paper: 58 -> 384, 80 -> 576. */
int doc_paper_dots(int paper_mm);

/* An empty document for cols columns (at least 8). */
void doc_init(jrc_doc *d, int cols);

/* Free the lines (not d itself); d is empty afterwards. */
void doc_free(jrc_doc *d);

/* Add text, sanitized, wrapped to the paper at its printed width ('\n'
 * forces a break; a character is never split).  style as above. */
void doc_add_text(jrc_doc *d, jrc_doc_align align, int style, const char *text);

/* Add "label value": the value wraps under itself (hanging indent) when
 * the label takes at most half the line, else under the label. */
void doc_add_field(jrc_doc *d, int style, const char *label, const char *value);

void doc_add_rule(jrc_doc *d);
void doc_add_blank(jrc_doc *d);
void doc_add_qr(jrc_doc *d, const char *payload);

/* Flags for doc_render_text. */
enum {
	JRC_DOC_TEXT_QR = 1,        /* draw the QR in half blocks */
	JRC_DOC_TEXT_QR_INVERT = 2  /* light modules as ink (light-on-dark screens) */
};

/* The document as plain UTF-8 lines for a screen or a text file: aligned
 * within the document's columns, magnified lines at normal width, the QR
 * in half blocks with a 2-module quiet zone if asked (else left out).
 * Returns the number of lines (0 when out of memory); free with
 * doc_lines_free. */
size_t doc_render_text(const jrc_doc *d, int flags, char ***lines);

/* Free lines from doc_render_text. */
void doc_lines_free(char **lines, size_t n);

/* Everything a receipt shows, gathered from the case, the reference data
 * and the site settings; personal data is already masked. */
typedef struct jrc_receipt_info {
	char center_zh[1024], center_en[1024];
	char address_zh[1024], address_en[1024];
	char phone[1024];
	char receipt[JRC_RECEIPT_MAX];
	char query_code[8];
	char filed_local[32];               /* "2026-11-29 10:30", site-local */
	char category_zh[64], category_en[96];
	char place_zh[160], place_en[200];  /* "浦阳街道 和平社区" */
	char dept_zh[96], dept_en[128];
	char window[16];
	char accept_by[12];                 /* YYYY-MM-DD */
	/* A court or legal matter (LIT): where to go and what to bring,
	 * printed instead of the acceptance deadline; "" otherwise. */
	char legal_zh[1024], legal_en[1024];
	int anonymous;
	char name[200], id[80], phone_masked[40];
	char booking_zh[512], booking_en[512];  /* "" when nothing is booked */
	char ledger[20];                    /* audit_ledger_check of the filing, "0a1b 2c3d 4e5f 6a7b" */
} jrc_receipt_info;

/* Gather a case's receipt from the database (JRC_E_NOT_FOUND for an
 * unknown number). */
jrc_status receipt_info_load(jrc_db *db, const char *receipt, jrc_receipt_info *out,
			     jrc_err *err);

/* The booked mediator, lawyer or leader of a case for the receipt, in
 * Chinese and English; both "" when none. */
jrc_status receipt_doc_booking_lines(jrc_db *db, int64_t case_id, jrc_receipt_info *info,
				     jrc_err *err);

/* What the receipt's QR code holds: "<receipt number> <query code>",
 * e.g. "PJ261129-0042-7 123456" (a kiosk's scanner types it into the
 * status lookup as it stands). */
void receipt_qr_payload(const char *receipt, const char *query_code, char *out,
			size_t size);

/* Lay a receipt out on cols columns. */
jrc_status receipt_doc_build(const jrc_receipt_info *info, int cols, jrc_doc_langs langs,
			     jrc_doc *doc, jrc_err *err);

/* receipt_info_load then receipt_doc_build: what the kiosk shows on screen
 * when the printer fails.  doc is initialized here; free with doc_free. */
jrc_status receipt_doc_load(jrc_db *db, const char *receipt, int cols, jrc_doc_langs langs,
			    jrc_doc *doc, jrc_err *err);

#endif
