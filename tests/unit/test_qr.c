/* QR codes: capacity per version, structure, format information, and a
 * real decoder (zbarimg, when installed) reading what we drew. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jrc/qr.h"
#include "jrc/text.h"
#include "tap.h"

static char zbar[256];

/* Byte-mode capacity at level M, from the standard's table. */
static const int cap_m[41] = {
	0, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362,
	412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125,
	1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099,
	2213, 2331
};

static char *payload(size_t n, unsigned seed)
{
	char *s = malloc(n + 1);

	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		s[i] = (char)('!' + (seed >> 16) % 90);
	}
	s[n] = '\0';
	return s;
}

static int have_zbarimg(void)
{
	const char *path = getenv("PATH");
	char buf[4096];

	snprintf(buf, sizeof(buf), "%s", path ? path : "/usr/bin:/bin");
	for (char *dir = strtok(buf, ":"); dir; dir = strtok(NULL, ":")) {
		snprintf(zbar, sizeof(zbar), "%s/zbarimg", dir);
		if (access(zbar, X_OK) == 0)
			return 1;
	}
	zbar[0] = '\0';
	return 0;
}

/* Draw q as a PBM with a 4-module quiet zone, `scale` pixels a module, and
 * return what zbarimg reads from it (malloc'd), or NULL. */
static char *zbar_decode(const jrc_qr *q, int scale)
{
	char img[256], cmd[600], *out = NULL;
	int side = (q->size + 8) * scale;
	FILE *f;
	size_t n = 0, cap = 0;
	int c;

	snprintf(img, sizeof(img), "%s/jrc-qr-%ld.pbm",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	if (!(f = fopen(img, "w")))
		return NULL;
	fprintf(f, "P1\n%d %d\n", side, side);
	for (int y = 0; y < side; y++) {
		for (int x = 0; x < side; x++) {
			int my = y / scale - 4, mx = x / scale - 4;
			int dark = my >= 0 && mx >= 0 && my < q->size && mx < q->size &&
				   q->m[my][mx];

			fputc(dark ? '1' : '0', f);
			fputc(x % 35 == 34 ? '\n' : ' ', f);
		}
		fputc('\n', f);
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "'%s' --quiet --raw '%s' 2>/dev/null", zbar, img);
	if (!(f = popen(cmd, "r"))) {
		unlink(img);
		return NULL;
	}
	while ((c = fgetc(f)) != EOF) {
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 256;
			out = realloc(out, cap);
		}
		out[n++] = (char)c;
	}
	pclose(f);
	unlink(img);
	if (!out)
		return NULL;
	while (n && out[n - 1] == '\n')
		n--;
	out[n] = '\0';
	return out;
}

static int finder_ok(const jrc_qr *q, int x0, int y0)
{
	for (int dy = 0; dy < 7; dy++)
		for (int dx = 0; dx < 7; dx++) {
			int ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
			int core = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;

			if (q->m[y0 + dy][x0 + dx] != (ring || core))
				return 0;
		}
	return 1;
}

/* The 15 format bits read around the top-left finder, unmasked. */
static unsigned read_format(const jrc_qr *q)
{
	unsigned bits = 0;

	for (int i = 0; i <= 5; i++)
		bits |= (unsigned)q->m[i][8] << i;
	bits |= (unsigned)q->m[7][8] << 6;
	bits |= (unsigned)q->m[8][8] << 7;
	bits |= (unsigned)q->m[8][7] << 8;
	for (int i = 9; i < 15; i++)
		bits |= (unsigned)q->m[8][14 - i] << i;
	return bits ^ 0x5412;
}

static void test_structure(void)
{
	jrc_qr q;
	unsigned f;
	int timing = 1, rem;

	ok(qr_encode("PJ261129-0042-7 123456", &q) == JRC_OK, "encode a receipt payload");
	is_int(q.version, 2, "22 bytes need version 2 at level M");
	is_int(q.size, 25, "version 2 is 25 modules square");
	ok(finder_ok(&q, 0, 0) && finder_ok(&q, q.size - 7, 0) && finder_ok(&q, 0, q.size - 7),
	   "three finder patterns in the corners");
	for (int i = 8; i < q.size - 8; i++)
		timing &= q.m[6][i] == (i % 2 == 0) && q.m[i][6] == (i % 2 == 0);
	ok(timing, "timing patterns alternate");
	is_int(q.m[q.size - 8][8], 1, "the dark module is dark");
	f = read_format(&q);
	is_int(f >> 13, 0, "format information says level M");
	rem = (int)(f >> 10);
	for (int i = 0; i < 10; i++)
		rem = (rem << 1) ^ ((rem >> 9) * 0x537);
	is_int((unsigned)rem & 0x3FF, f & 0x3FF, "format information has a valid BCH code");
	{
		unsigned second = 0;

		for (int i = 0; i < 8; i++)
			second |= (unsigned)q.m[8][q.size - 1 - i] << i;
		for (int i = 8; i < 15; i++)
			second |= (unsigned)q.m[q.size - 15 + i][8] << i;
		is_int(second ^ 0x5412, f, "both copies of the format information agree");
	}
}

static void test_capacity(void)
{
	int all = 1;
	jrc_qr q;

	for (int v = 1; v <= 40; v++) {
		char *a = payload((size_t)cap_m[v], (unsigned)v);
		char *b = payload((size_t)cap_m[v] + 1, (unsigned)v);

		if (qr_encode(a, &q) != JRC_OK || q.version != v) {
			printf("# %d bytes gave version %d, want %d\n", cap_m[v], q.version, v);
			all = 0;
		}
		if (v < 40 && (qr_encode(b, &q) != JRC_OK || q.version != v + 1)) {
			printf("# %d bytes gave version %d, want %d\n", cap_m[v] + 1, q.version, v + 1);
			all = 0;
		}
		free(a);
		free(b);
	}
	ok(all, "each version holds exactly the standard's byte capacity at level M");
	{
		char *big = payload(2332, 1);

		is_int(qr_encode(big, &q), JRC_E_INVALID, "more than 2331 bytes is refused");
		free(big);
	}
	ok(qr_encode("", &q) == JRC_OK && q.version == 1, "an empty text still makes a code");
}

/* Read half-block rows back into modules and compare. */
static void test_halfblocks(void)
{
	jrc_qr q;
	char **rows;
	size_t n;
	int same = 1, widths = 1;

	qr_encode("PJ261129-0042-7 123456", &q);
	for (int invert = 0; invert <= 1; invert++) {
		n = qr_render_halfblocks(&q, 2, invert, &rows);
		is_int(n, (q.size + 4 + 1) / 2, "half blocks: two module rows per text row (invert %d)",
		       invert);
		for (size_t r = 0; r < n; r++) {
			const char *p = rows[r];
			int x = 0;

			widths &= text_width(rows[r]) == (size_t)q.size + 4;
			while (*p) {
				uint32_t cp;
				size_t k = text_utf8_decode(p, strlen(p), &cp);
				int top = cp == 0x2580 || cp == 0x2588;
				int bot = cp == 0x2584 || cp == 0x2588;

				for (int h = 0; h < 2; h++) {
					int y = (int)r * 2 + h - 2, mx = x - 2;
					int dark = y >= 0 && mx >= 0 && y < q.size && mx < q.size &&
						   q.m[y][mx];
					int inked = h ? bot : top;

					if ((int)r * 2 + h < q.size + 4 && inked != (invert ? !dark : dark))
						same = 0;
				}
				p += k;
				x++;
			}
		}
		qr_lines_free(rows, n);
	}
	ok(widths, "every half-block row is as wide as the code and its quiet zone");
	ok(same, "the half blocks show exactly the modules");
}

static void test_decoder(void)
{
	static const int versions[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 20, 27, 40 };
	jrc_qr q;
	char *got;

	if (!have_zbarimg()) {
		ok(1, "# SKIP zbarimg not installed (Debian: zbar-tools)");
		return;
	}
	got = (qr_encode("PJ261129-0042-7 123456", &q), zbar_decode(&q, 4));
	is_str(got, "PJ261129-0042-7 123456", "zbarimg reads the receipt payload");
	free(got);
	for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		int v = versions[i];
		char *text = payload((size_t)cap_m[v] - (v > 1), (unsigned)(100 + v));

		qr_encode(text, &q);
		got = zbar_decode(&q, v > 20 ? 3 : 4);
		ok(q.version == v && got && strcmp(got, text) == 0,
		   "zbarimg reads a full version %d code", v);
		free(got);
		free(text);
	}
	for (int mask = 0; mask < 8; mask++) {
		char *text = payload(100, (unsigned)mask);

		ok(qr_encode_bytes((const unsigned char *)text, strlen(text), mask, &q) == JRC_OK,
		   "encode with mask %d", mask);
		got = zbar_decode(&q, 4);
		ok(got && strcmp(got, text) == 0, "zbarimg reads mask %d", mask);
		free(got);
		free(text);
	}
}

int main(void)
{
	test_structure();
	test_capacity();
	test_halfblocks();
	test_decoder();
	return done();
}
