/* QR codes (model 2, byte mode, error correction M) for receipts and the
 * on-screen copy of a receipt. */
#ifndef JRC_QR_H
#define JRC_QR_H

#include "jrc/status.h"

enum { JRC_QR_MAX = 177 };

typedef struct jrc_qr {
	int version;                            /* 1..40 */
	int size;                               /* 17 + 4 * version */
	unsigned char m[JRC_QR_MAX][JRC_QR_MAX]; /* 1 = dark module */
} jrc_qr;

/* Encode text (bytes) at the smallest version that holds it with ECC M. */
jrc_status qr_encode(const char *text, jrc_qr *out);

#endif
