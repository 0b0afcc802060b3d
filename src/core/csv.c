/* RFC 4180 CSV records: quoted fields, doubled quotes, embedded commas and
 * line breaks; CRLF or LF line ends. */
#include <stddef.h>

#include "jrc/refdata.h"

int csv_read_record(const char **p, const char *end, char *buf, size_t bufsize,
		    char **fields, int maxfields, int *lines)
{
	const char *s = *p;
	size_t o = 0;
	int n = 0;

	if (s >= end)
		return 0;
	for (;;) {
		if (n >= maxfields || o >= bufsize)
			return -1;
		fields[n++] = buf + o;
		if (s < end && *s == '"') {
			s++;
			for (;;) {
				if (s >= end)
					return -1;          /* unterminated quote */
				if (*s == '"') {
					if (s + 1 < end && s[1] == '"') {
						s += 2;
						if (o + 1 >= bufsize)
							return -1;
						buf[o++] = '"';
						continue;
					}
					s++;
					break;
				}
				if (*s == '\n')
					(*lines)++;
				if (o + 1 >= bufsize)
					return -1;
				buf[o++] = *s++;
			}
			/* After a closing quote only a separator may follow. */
			if (s < end && *s != ',' && *s != '\n' && *s != '\r')
				return -1;
		} else {
			while (s < end && *s != ',' && *s != '\n' && *s != '\r') {
				if (*s == '"')
					return -1;          /* quote inside a bare field */
				if (o + 1 >= bufsize)
					return -1;
				buf[o++] = *s++;
			}
		}
		buf[o++] = '\0';
		if (s < end && *s == ',') {
			s++;
			continue;
		}
		if (s < end && *s == '\r')
			s++;
		if (s < end && *s == '\n')
			s++;
		(*lines)++;
		break;
	}
	*p = s;
	return n;
}
