/* libFuzzer: the CSV record reader on its own.  It must stop inside its
 * input, never write past its buffer, always advance on a record, and
 * hand back fields that are NUL-terminated inside the buffer. */
#include "fuzz.h"

#include "jrc/refdata.h"

enum { MAXF = 16 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in, *p, *end;
	char *copy, *buf;
	char *fields[MAXF];
	size_t bufsize;
	int lines = 0, n, prev_lines = 0;

	if (size < 1)
		return 0;
	/* First byte: the buffer size, from tiny (overflow paths) to roomy. */
	bufsize = data[0] < 0x80 ? (size_t)(data[0] & 0x3F) + 1 : size + 64;
	/* An exact-size heap copy, so reading one byte past the end shows. */
	copy = malloc(size - 1 ? size - 1 : 1);
	buf = malloc(bufsize);
	if (!copy || !buf)
		abort();
	memcpy(copy, data + 1, size - 1);
	in = copy;
	p = in;
	end = in + size - 1;
	for (;;) {
		const char *before = p;

		n = csv_read_record(&p, end, buf, bufsize, fields, MAXF, &lines);
		FZ_ASSERT(n >= -1 && n <= MAXF);
		FZ_ASSERT(p >= in && p <= end);
		if (n <= 0) {
			if (n == 0)
				FZ_ASSERT(before == end);
			break;
		}
		FZ_ASSERT(p > before);
		FZ_ASSERT(lines > prev_lines);
		prev_lines = lines;
		for (int i = 0; i < n; i++) {
			FZ_ASSERT(fields[i] >= buf && fields[i] < buf + bufsize);
			FZ_ASSERT(memchr(fields[i], '\0', (size_t)(buf + bufsize - fields[i])));
		}
	}
	free(copy);
	free(buf);
	return 0;
}
