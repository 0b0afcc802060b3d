/* A printed document, device-independent: lines already laid out for a
 * paper width (32 or 48 half-width columns), with alignment, bold and
 * magnification, ready for the ESC/POS encoder or a screen. */
#ifndef JRC_DOC_H
#define JRC_DOC_H

#include <stddef.h>

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

/* The two languages of a slip: the Chinese text, then the English under it
 * (not wide or tall), or only the English when en_only (a printer that has
 * only ASCII).  And a field labelled "查询码 Query code：" (or "Query
 * code:" when en_only), as on the receipt. */
void doc_add_both(jrc_doc *d, int en_only, jrc_doc_align align, int style, const char *zh,
		  const char *en);
void doc_add_both_field(jrc_doc *d, int en_only, int style, const char *zh, const char *en,
			const char *value);

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

#endif
