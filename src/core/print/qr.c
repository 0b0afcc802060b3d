/* A QR code encoder (ISO/IEC 18004 model 2): byte mode, error correction
 * level M, versions 1..40, Reed-Solomon over GF(256), all eight masks
 * scored by the four penalty rules. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/qr.h"

/* Error correction codewords per block and number of blocks at level M,
 * by version (index 0 unused).  The data codewords follow from the number
 * of modules left free by the function patterns. */
static const unsigned char ecc_per_block_m[41] = {
	0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28,
	26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
	28, 28, 28, 28, 28
};
static const unsigned char blocks_m[41] = {
	0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
	17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43,
	45, 47, 49
};

/* Working state: the matrix and which modules belong to function patterns. */
typedef struct qr_work {
	int version, size;
	unsigned char (*m)[JRC_QR_MAX];
	unsigned char (*fn)[JRC_QR_MAX];
} qr_work;

/* ---------------------------------------------------------------- GF(256) */

/* Multiply in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1 (0x11D), the field
 * the standard uses; bit by bit, so no tables to get wrong. */
static unsigned gf_mul(unsigned a, unsigned b)
{
	unsigned r = 0;

	while (b) {
		if (b & 1)
			r ^= a;
		b >>= 1;
		a <<= 1;
		if (a & 0x100)
			a ^= 0x11D;
	}
	return r;
}

/* The generator polynomial (x - a^0)(x - a^1)...(x - a^(n-1)), highest
 * coefficient (always 1) dropped: g[0] is the x^(n-1) coefficient. */
static void rs_generator(int n, unsigned char *g)
{
	unsigned root = 1;

	memset(g, 0, (size_t)n);
	g[n - 1] = 1;
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < n; j++) {
			g[j] = (unsigned char)gf_mul(g[j], root);
			if (j + 1 < n)
				g[j] ^= g[j + 1];
		}
		root = gf_mul(root, 2);
	}
}

/* The remainder of data(x) * x^n divided by the generator. */
static void rs_remainder(const unsigned char *data, int len, const unsigned char *g,
			 int n, unsigned char *ecc)
{
	memset(ecc, 0, (size_t)n);
	for (int i = 0; i < len; i++) {
		unsigned factor = data[i] ^ ecc[0];

		memmove(ecc, ecc + 1, (size_t)n - 1);
		ecc[n - 1] = 0;
		for (int j = 0; j < n; j++)
			ecc[j] ^= (unsigned char)gf_mul(g[j], factor);
	}
}

/* ---------------------------------------------------------------- patterns */

static void set_fn(qr_work *w, int x, int y, int dark)
{
	w->m[y][x] = (unsigned char)(dark != 0);
	w->fn[y][x] = 1;
}

static void draw_finder(qr_work *w, int cx, int cy)
{
	/* 7x7 rings plus the one-module light separator around them. */
	for (int dy = -4; dy <= 4; dy++) {
		for (int dx = -4; dx <= 4; dx++) {
			int x = cx + dx, y = cy + dy;
			int d = abs(dx) > abs(dy) ? abs(dx) : abs(dy);

			if (x < 0 || y < 0 || x >= w->size || y >= w->size)
				continue;
			set_fn(w, x, y, d != 2 && d != 4);
		}
	}
}

static void draw_alignment(qr_work *w, int cx, int cy)
{
	for (int dy = -2; dy <= 2; dy++)
		for (int dx = -2; dx <= 2; dx++) {
			int d = abs(dx) > abs(dy) ? abs(dx) : abs(dy);

			set_fn(w, cx + dx, cy + dy, d != 1);
		}
}

/* Centre coordinates of the alignment patterns; returns how many. */
static int alignment_positions(int version, int *pos)
{
	int n, size = 17 + 4 * version, step;

	if (version == 1)
		return 0;
	n = version / 7 + 2;
	/* Evenly spaced back from the last one, an even step; version 32 is
	 * the one exception in the standard's table. */
	step = version == 32 ? 26 : (version * 4 + n * 2 + 1) / (n * 2 - 2) * 2;
	pos[0] = 6;
	for (int i = n - 1, p = size - 7; i >= 1; i--, p -= step)
		pos[i] = p;
	return n;
}

/* 15 format bits: level M (00) and the mask, BCH(15,5), XOR 0x5412. */
static unsigned format_bits(int mask)
{
	unsigned data = (unsigned)mask, rem = data;

	for (int i = 0; i < 10; i++)
		rem = (rem << 1) ^ ((rem >> 9) * 0x537);
	return ((data << 10) | (rem & 0x3FF)) ^ 0x5412;
}

/* 18 version bits, BCH(18,6). */
static unsigned long version_bits(int version)
{
	unsigned long rem = (unsigned long)version;

	for (int i = 0; i < 12; i++)
		rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
	return ((unsigned long)version << 12) | (rem & 0xFFF);
}

static void draw_format(qr_work *w, int mask)
{
	unsigned bits = format_bits(mask);
	int s = w->size;

	for (int i = 0; i <= 5; i++)
		set_fn(w, 8, i, (bits >> i) & 1);
	set_fn(w, 8, 7, (bits >> 6) & 1);
	set_fn(w, 8, 8, (bits >> 7) & 1);
	set_fn(w, 7, 8, (bits >> 8) & 1);
	for (int i = 9; i < 15; i++)
		set_fn(w, 14 - i, 8, (bits >> i) & 1);
	for (int i = 0; i < 8; i++)
		set_fn(w, s - 1 - i, 8, (bits >> i) & 1);
	for (int i = 8; i < 15; i++)
		set_fn(w, 8, s - 15 + i, (bits >> i) & 1);
	set_fn(w, 8, s - 8, 1);   /* the dark module */
}

static void draw_function_patterns(qr_work *w)
{
	int s = w->size, pos[7], n;

	for (int i = 0; i < s; i++) {
		set_fn(w, 6, i, i % 2 == 0);
		set_fn(w, i, 6, i % 2 == 0);
	}
	draw_finder(w, 3, 3);
	draw_finder(w, s - 4, 3);
	draw_finder(w, 3, s - 4);
	n = alignment_positions(w->version, pos);
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			if ((i == 0 && j == 0) || (i == 0 && j == n - 1) ||
			    (i == n - 1 && j == 0))
				continue;
			draw_alignment(w, pos[i], pos[j]);
		}
	/* Reserve the format areas now; the real bits go in per mask. */
	draw_format(w, 0);
	if (w->version >= 7) {
		unsigned long bits = version_bits(w->version);

		for (int i = 0; i < 18; i++) {
			int a = s - 11 + i % 3, b = i / 3, bit = (int)((bits >> i) & 1);

			set_fn(w, a, b, bit);
			set_fn(w, b, a, bit);
		}
	}
}

/* Modules left for data and error correction at a version. */
static int raw_codewords(int version, qr_work *scratch)
{
	int free_modules = 0;

	scratch->version = version;
	scratch->size = 17 + 4 * version;
	memset(scratch->fn, 0, sizeof(unsigned char[JRC_QR_MAX][JRC_QR_MAX]));
	draw_function_patterns(scratch);
	for (int y = 0; y < scratch->size; y++)
		for (int x = 0; x < scratch->size; x++)
			free_modules += !scratch->fn[y][x];
	return free_modules / 8;
}

/* ---------------------------------------------------------------- data */

typedef struct bitbuf {
	unsigned char *b;
	int nbits;
} bitbuf;

static void put_bits(bitbuf *bb, unsigned long v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		if ((v >> i) & 1)
			bb->b[bb->nbits >> 3] |= (unsigned char)(0x80 >> (bb->nbits & 7));
		bb->nbits++;
	}
}

static void place_data(qr_work *w, const unsigned char *cw, int ncw)
{
	int s = w->size, i = 0, total = ncw * 8;

	/* Two-column strips from the right, alternately up and down, skipping
	 * the vertical timing column. */
	for (int right = s - 1; right >= 1; right -= 2) {
		if (right == 6)
			right = 5;
		for (int vert = 0; vert < s; vert++) {
			for (int j = 0; j < 2; j++) {
				int x = right - j;
				int up = ((right + 1) & 2) == 0;
				int y = up ? s - 1 - vert : vert;

				if (w->fn[y][x])
					continue;
				/* Remainder bits past the codewords stay light. */
				w->m[y][x] = i < total ?
					(unsigned char)((cw[i >> 3] >> (7 - (i & 7))) & 1) : 0;
				i++;
			}
		}
	}
}

static int mask_bit(int mask, int y, int x)
{
	switch (mask) {
	case 0: return (y + x) % 2 == 0;
	case 1: return y % 2 == 0;
	case 2: return x % 3 == 0;
	case 3: return (y + x) % 3 == 0;
	case 4: return (y / 2 + x / 3) % 2 == 0;
	case 5: return (y * x) % 2 + (y * x) % 3 == 0;
	case 6: return ((y * x) % 2 + (y * x) % 3) % 2 == 0;
	default: return ((y + x) % 2 + (y * x) % 3) % 2 == 0;
	}
}

static void apply_mask(qr_work *w, int mask)
{
	for (int y = 0; y < w->size; y++)
		for (int x = 0; x < w->size; x++)
			if (!w->fn[y][x] && mask_bit(mask, y, x))
				w->m[y][x] ^= 1;
}

/* ---------------------------------------------------------------- penalty */

static int module_at(const qr_work *w, int row, int col, int transpose)
{
	if (row < 0 || col < 0 || row >= w->size || col >= w->size)
		return 0;   /* outside is the light quiet zone */
	return transpose ? w->m[col][row] : w->m[row][col];
}

/* Rules 1 and 3 along rows (transpose 0) or columns (1). */
static long penalty_lines(const qr_work *w, int transpose)
{
	static const unsigned char finder_like[2][11] = {
		{ 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0 },
		{ 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1 },
	};
	long p = 0;
	int s = w->size;

	for (int r = 0; r < s; r++) {
		int run = 1;

		for (int c = 1; c <= s; c++) {
			if (c < s && module_at(w, r, c, transpose) ==
			    module_at(w, r, c - 1, transpose)) {
				run++;
				continue;
			}
			if (run >= 5)
				p += 3 + (run - 5);
			run = 1;
		}
		for (int c = -4; c < s; c++)
			for (int k = 0; k < 2; k++) {
				int hit = 1;

				for (int i = 0; i < 11 && hit; i++)
					hit = module_at(w, r, c + i, transpose) ==
						finder_like[k][i];
				if (hit)
					p += 40;
			}
	}
	return p;
}

static long penalty(const qr_work *w)
{
	long p = penalty_lines(w, 0) + penalty_lines(w, 1);
	long dark = 0, total = (long)w->size * w->size;
	int s = w->size;

	for (int y = 0; y < s; y++)
		for (int x = 0; x < s; x++) {
			dark += w->m[y][x];
			if (y + 1 < s && x + 1 < s && w->m[y][x] == w->m[y][x + 1] &&
			    w->m[y][x] == w->m[y + 1][x] && w->m[y][x] == w->m[y + 1][x + 1])
				p += 3;
		}
	/* Rule 4: 10 points for each full 5% the dark share is off 50%. */
	p += 10 * (labs(dark * 20 - total * 10) / total);
	return p;
}

/* ---------------------------------------------------------------- encode */

static jrc_status build(const unsigned char *data, size_t len, int force_mask,
			qr_work *w, jrc_qr *out)
{
	int version = 0, raw = 0, ncw_data = 0, nb, ecc, cc_bits = 8;
	unsigned char *cw = NULL, *all = NULL, gen[32], *best = NULL;
	bitbuf bb;
	long best_p = -1;

	for (int v = 1; v <= 40; v++) {
		raw = raw_codewords(v, w);
		ncw_data = raw - ecc_per_block_m[v] * blocks_m[v];
		cc_bits = v <= 9 ? 8 : 16;
		if ((long)4 + cc_bits + 8 * (long)len <= (long)ncw_data * 8) {
			version = v;
			break;
		}
	}
	if (!version)
		return JRC_E_INVALID;

	nb = blocks_m[version];
	ecc = ecc_per_block_m[version];
	if (!(cw = calloc((size_t)raw, 1)) || !(all = calloc((size_t)raw, 1))) {
		free(cw);
		return JRC_E_NOMEM;
	}
	bb.b = cw;
	bb.nbits = 0;
	put_bits(&bb, 4, 4);                     /* byte mode */
	put_bits(&bb, len, cc_bits);
	for (size_t i = 0; i < len; i++)
		put_bits(&bb, data[i], 8);
	{
		int room = ncw_data * 8 - bb.nbits;

		put_bits(&bb, 0, room < 4 ? room : 4);   /* terminator */
	}
	bb.nbits = (bb.nbits + 7) & ~7;
	for (int i = bb.nbits / 8, pad = 0xEC; i < ncw_data; i++, pad ^= 0xEC ^ 0x11)
		cw[i] = (unsigned char)pad;

	/* Split into blocks (short ones first), add error correction to each,
	 * interleave: data column by column, then the ecc the same way. */
	{
		int short_len = raw / nb - ecc, nshort = nb - raw % nb, k = 0;
		unsigned char eccbuf[32];

		rs_generator(ecc, gen);
		for (int i = 0; i <= short_len; i++)
			for (int b = 0, off = 0; b < nb; b++) {
				int dlen = short_len + (b >= nshort);

				if (i < dlen)
					all[k++] = cw[off + i];
				off += dlen;
			}
		for (int b = 0, off = 0; b < nb; b++) {
			int dlen = short_len + (b >= nshort);

			rs_remainder(cw + off, dlen, gen, ecc, eccbuf);
			for (int i = 0; i < ecc; i++)
				all[ncw_data + i * nb + b] = eccbuf[i];
			off += dlen;
		}
	}

	memset(w->m, 0, sizeof(unsigned char[JRC_QR_MAX][JRC_QR_MAX]));
	memset(w->fn, 0, sizeof(unsigned char[JRC_QR_MAX][JRC_QR_MAX]));
	w->version = version;
	w->size = 17 + 4 * version;
	draw_function_patterns(w);
	place_data(w, all, raw);

	if (!(best = malloc(sizeof(unsigned char[JRC_QR_MAX][JRC_QR_MAX])))) {
		free(cw);
		free(all);
		return JRC_E_NOMEM;
	}
	for (int mask = 0; mask < 8; mask++) {
		long p;

		if (force_mask >= 0 && mask != force_mask)
			continue;
		apply_mask(w, mask);
		draw_format(w, mask);
		p = penalty(w);
		if (best_p < 0 || p < best_p) {
			best_p = p;
			memcpy(best, w->m, sizeof(unsigned char[JRC_QR_MAX][JRC_QR_MAX]));
		}
		apply_mask(w, mask);   /* XOR again undoes it */
	}
	memset(out, 0, sizeof(*out));
	out->version = version;
	out->size = w->size;
	memcpy(out->m, best, sizeof(out->m));
	free(best);
	free(cw);
	free(all);
	return JRC_OK;
}

jrc_status qr_encode_bytes(const unsigned char *data, size_t len, int mask, jrc_qr *out)
{
	qr_work w;
	jrc_status rc;

	if (mask > 7)
		return JRC_E_INVALID;
	w.m = malloc(sizeof(unsigned char[JRC_QR_MAX][JRC_QR_MAX]));
	w.fn = malloc(sizeof(unsigned char[JRC_QR_MAX][JRC_QR_MAX]));
	if (!w.m || !w.fn) {
		free(w.m);
		free(w.fn);
		return JRC_E_NOMEM;
	}
	rc = build(data, len, mask, &w, out);
	free(w.m);
	free(w.fn);
	return rc;
}

jrc_status qr_encode(const char *text, jrc_qr *out)
{
	if (!text)
		text = "";
	return qr_encode_bytes((const unsigned char *)text, strlen(text), -1, out);
}

/* ---------------------------------------------------------------- render */

static int ink(const jrc_qr *q, int quiet, int invert, int y, int x)
{
	int dark = 0;

	y -= quiet;
	x -= quiet;
	if (y >= 0 && x >= 0 && y < q->size && x < q->size)
		dark = q->m[y][x];
	return invert ? !dark : dark;
}

size_t qr_render_halfblocks(const jrc_qr *q, int quiet, int invert, char ***lines)
{
	static const char *const glyph[4] = { " ", "\u2584", "\u2580", "\u2588" };
	int side, rows;
	char **out;

	*lines = NULL;
	if (quiet < 0)
		quiet = 0;
	side = q->size + 2 * quiet;
	rows = (side + 1) / 2;
	if (!(out = calloc((size_t)rows, sizeof(*out))))
		return 0;
	for (int r = 0; r < rows; r++) {
		char *p = malloc((size_t)side * 3 + 1);

		if (!p) {
			qr_lines_free(out, (size_t)rows);
			return 0;
		}
		out[r] = p;
		for (int x = 0; x < side; x++) {
			int top = ink(q, quiet, invert, 2 * r, x);
			/* An odd last row: its lower half is beyond the code,
			 * which is quiet zone whatever the colours. */
			int bottom = 2 * r + 1 < side ? ink(q, quiet, invert, 2 * r + 1, x)
						      : invert;
			const char *g = glyph[top * 2 + bottom];
			size_t n = strlen(g);

			memcpy(p, g, n);
			p += n;
		}
		*p = '\0';
	}
	*lines = out;
	return (size_t)rows;
}

void qr_lines_free(char **lines, size_t n)
{
	if (!lines)
		return;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
