/* A growing byte buffer (bytes.c): the ESC/POS encoder writes into it,
 * the printer sends it. */
#ifndef JRC_BYTES_H
#define JRC_BYTES_H

#include <stddef.h>

/* A growing byte buffer. */
typedef struct jrc_bytes {
	unsigned char *data;
	size_t len, cap;
	int oom;                /* an append failed */
} jrc_bytes;

void bytes_put(jrc_bytes *b, const void *p, size_t n);
void bytes_free(jrc_bytes *b);

#endif
