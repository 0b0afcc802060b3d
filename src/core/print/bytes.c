/* A growing byte buffer: what goes to a printer. */
#include <stdlib.h>
#include <string.h>

#include "jrc/bytes.h"

void bytes_put(jrc_bytes *b, const void *p, size_t n)
{
	if (b->oom || n == 0)
		return;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		unsigned char *nd;

		while (cap < b->len + n)
			cap *= 2;
		if (!(nd = realloc(b->data, cap))) {
			b->oom = 1;
			return;
		}
		b->data = nd;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void bytes_free(jrc_bytes *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}
