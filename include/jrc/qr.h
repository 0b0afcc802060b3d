/* QR codes (model 2, byte mode, error correction M) for receipts and the
 * on-screen copy of a receipt. */
#ifndef JRC_QR_H
#define JRC_QR_H

#include <stddef.h>
#include "jrc/status.h"

enum { JRC_QR_MAX = 177 };

typedef struct jrc_qr {
	int version;                            /* 1..40 */
	int size;                               /* 17 + 4 * version */
	unsigned char m[JRC_QR_MAX][JRC_QR_MAX]; /* 1 = dark module */
} jrc_qr;

/* Encode text (bytes) at the smallest version that holds it with ECC M.
 * JRC_E_INVALID when it is longer than version 40 holds (2331 bytes). */
jrc_status qr_encode(const char *text, jrc_qr *out);

/* As qr_encode for len bytes of data (may hold NUL bytes); version and
 * mask are chosen as the standard says (mask -1: by penalty score, or
 * 0..7 to force one, for tests). */
jrc_status qr_encode_bytes(const unsigned char *data, size_t len, int mask,
			   jrc_qr *out);

/* The modules of q with a quiet zone of `quiet` modules as rows of Unicode
 * half blocks, two module rows per text row, each row (size + 2 * quiet)
 * columns wide.  invert 0 draws dark modules as ink (dark text on a light
 * screen); invert 1 draws light modules as ink, which is right for light
 * text on a dark terminal.  Returns the number of rows, 0 when out of
 * memory; free with qr_lines_free. */
size_t qr_render_halfblocks(const jrc_qr *q, int quiet, int invert, char ***lines);

/* Free rows from qr_render_halfblocks (or any array of n strings). */
void qr_lines_free(char **lines, size_t n);

#endif
