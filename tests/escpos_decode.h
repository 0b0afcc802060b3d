/* For tests: turn an ESC/POS stream back into lines of UTF-8 text with the
 * style each was printed in, and count the commands, so a test can read a
 * receipt the way a printer would.  Header-only; needs iconv. */
#ifndef JRC_TEST_ESCPOS_DECODE_H
#define JRC_TEST_ESCPOS_DECODE_H

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct dec_line {
	char *text;             /* UTF-8 */
	int align, bold, wide, tall;
} dec_line;

typedef struct decoded {
	dec_line *lines;
	size_t n, cap;
	char qr[8][256];        /* stored QR payloads */
	int nqr;
	int qr_module, qr_model, qr_level;
	int inits, cuts, cut_mode, chinese_on, chinese_off, status_queries;
	int bad;                /* an unknown command or a bad conversion */
	char why[160];
} decoded;

static inline void dec_free(decoded *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i].text);
	free(d->lines);
	memset(d, 0, sizeof(*d));
}

static inline void dec_push(decoded *d, const char *enc, const unsigned char *raw, size_t rn,
		     int align, int bold, int wide, int tall)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	char *out = malloc(rn * 4 + 1), *ip = (char *)raw, *op = out;
	size_t il = rn, ol = rn * 4;

	if (cd == (iconv_t)-1 || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		d->bad = 1;
		snprintf(d->why, sizeof(d->why), "text does not convert from %s (line %zu)", enc,
			 d->n + 1);
	}
	*op = '\0';
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->lines = realloc(d->lines, d->cap * sizeof(*d->lines));
	}
	d->lines[d->n].text = out;
	d->lines[d->n].align = align;
	d->lines[d->n].bold = bold;
	d->lines[d->n].wide = wide;
	d->lines[d->n].tall = tall;
	d->n++;
}

/* Decode len bytes printed in encoding enc ("GB18030", "GBK", "ASCII"). */
static inline void escpos_decode(const unsigned char *p, size_t len, const char *enc, decoded *d)
{
	unsigned char *raw = malloc(len + 1);
	size_t rn = 0, i = 0;
	int align = 0, bold = 0, wide = 0, tall = 0;

	memset(d, 0, sizeof(*d));
#define NEED(k) do { if (i + (k) > len) { d->bad = 1; \
	snprintf(d->why, sizeof(d->why), "command cut short at byte %zu", i); goto out; } } while (0)
	while (i < len) {
		unsigned char c = p[i];

		if (c == 0x0A) {
			dec_push(d, enc, raw, rn, align, bold, wide, tall);
			rn = 0;
			i++;
		} else if (c == 0x1B) {
			NEED(2);
			switch (p[i + 1]) {
			case '@': d->inits++; i += 2; break;
			case 'a': NEED(3); align = p[i + 2]; i += 3; break;
			case 'E': NEED(3); bold = p[i + 2] & 1; i += 3; break;
			case 'd': NEED(3); i += 3; break;
			default:
				d->bad = 1;
				snprintf(d->why, sizeof(d->why), "unknown ESC %02x at byte %zu", p[i + 1], i);
				goto out;
			}
		} else if (c == 0x1C) {
			NEED(2);
			if (p[i + 1] == '&') {
				d->chinese_on++;
				i += 2;
			} else if (p[i + 1] == '.') {
				d->chinese_off++;
				i += 2;
			} else {
				d->bad = 1;
				snprintf(d->why, sizeof(d->why), "unknown FS %02x at byte %zu", p[i + 1], i);
				goto out;
			}
		} else if (c == 0x1D) {
			NEED(2);
			if (p[i + 1] == '!') {
				NEED(3);
				wide = (p[i + 2] >> 4) & 7;
				tall = p[i + 2] & 7;
				i += 3;
			} else if (p[i + 1] == 'V') {
				NEED(3);
				d->cuts++;
				d->cut_mode = p[i + 2];
				i += p[i + 2] >= 65 ? 4 : 3;
			} else if (p[i + 1] == '(' ) {
				size_t k;

				NEED(7);
				if (p[i + 2] != 'k' || p[i + 5] != '1') {
					d->bad = 1;
					snprintf(d->why, sizeof(d->why), "unknown GS ( at byte %zu", i);
					goto out;
				}
				k = p[i + 3] | (size_t)p[i + 4] << 8;
				NEED(5 + k);
				switch (p[i + 6]) {
				case 'A': d->qr_model = p[i + 7]; break;
				case 'C': d->qr_module = p[i + 7]; break;
				case 'E': d->qr_level = p[i + 7]; break;
				case 'P':
					if (d->nqr < 8) {
						size_t m = k - 3 < 255 ? k - 3 : 255;

						memcpy(d->qr[d->nqr], p + i + 8, m);
						d->qr[d->nqr][m] = '\0';
						d->nqr++;
					}
					break;
				}
				i += 5 + k;
			} else {
				d->bad = 1;
				snprintf(d->why, sizeof(d->why), "unknown GS %02x at byte %zu", p[i + 1], i);
				goto out;
			}
		} else if (c == 0x10) {
			NEED(3);
			if (p[i + 1] != 0x04) {
				d->bad = 1;
				snprintf(d->why, sizeof(d->why), "unknown DLE at byte %zu", i);
				goto out;
			}
			d->status_queries++;
			i += 3;
		} else if (c < 0x20 || c == 0x7F) {
			d->bad = 1;
			snprintf(d->why, sizeof(d->why), "control byte %02x in text at byte %zu", c, i);
			goto out;
		} else {
			raw[rn++] = c;
			i++;
		}
	}
	if (rn)
		dec_push(d, enc, raw, rn, align, bold, wide, tall);
#undef NEED
out:
	free(raw);
}

/* 1 if some decoded line contains s. */
static inline int dec_has(const decoded *d, const char *s)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->lines[i].text, s))
			return 1;
	return 0;
}

#endif
