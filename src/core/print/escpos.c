/* ESC/POS encoding of a receipt document. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/escpos.h"
#include "jrc/i18n.h"
#include "jrc/qr.h"
#include "jrc/text.h"

enum { ESC = 0x1B, GS = 0x1D, FS = 0x1C, LF = 0x0A };

static void put3(jrc_bytes *b, int c1, int c2, int c3)
{
	unsigned char s[3] = { (unsigned char)c1, (unsigned char)c2, (unsigned char)c3 };

	bytes_put(b, s, 3);
}

int escpos_encoding_parse(const char *s, jrc_printer_encoding *out)
{
	if (!s)
		return -1;
	if (strcmp(s, "gb18030") == 0)
		*out = JRC_ENC_GB18030;
	else if (strcmp(s, "gbk") == 0)
		*out = JRC_ENC_GBK;
	else if (strcmp(s, "ascii") == 0)
		*out = JRC_ENC_ASCII;
	else
		return -1;
	return 0;
}

int escpos_cut_parse(const char *s, jrc_cut *out)
{
	if (!s)
		return -1;
	if (strcmp(s, "partial") == 0)
		*out = JRC_CUT_PARTIAL;
	else if (strcmp(s, "full") == 0)
		*out = JRC_CUT_FULL;
	else if (strcmp(s, "none") == 0)
		*out = JRC_CUT_NONE;
	else
		return -1;
	return 0;
}

const char *escpos_encoding_name(jrc_printer_encoding enc)
{
	return enc == JRC_ENC_GBK ? "GBK" : enc == JRC_ENC_ASCII ? "ASCII" : "GB18030";
}

/* ---------------------------------------------------------------- text */

/* Convert one code point; 0 if the encoding has no (usable) form of it. */
static int convert_cp(iconv_t cd, jrc_printer_encoding enc, uint32_t cp, jrc_bytes *out)
{
	char in[4], obuf[16], *ip = in, *op = obuf;
	size_t il = text_utf8_encode(cp, in), ol = sizeof(obuf), n;

	if (!il)
		return 0;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		return 0;
	n = sizeof(obuf) - ol;
	/* GBK as glibc has it gives the euro a lone 0x80, which a printer in
	 * Chinese mode takes as half of a character. */
	if (n == 0 || (enc == JRC_ENC_GBK && n == 1 && (unsigned char)obuf[0] >= 0x80))
		return 0;
	/* No control byte reaches the wire, whatever a converter makes. */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)obuf[i] < 0x20 || (unsigned char)obuf[i] == 0x7F)
			return 0;
	bytes_put(out, obuf, n);
	return 1;
}

/* Close equivalents for characters a printer's encoding lacks, tried in
 * order; plain ASCII last so English-only printers get something legible. */
static const char *fallback(uint32_t cp)
{
	/* Each list is NUL-separated and ends with an empty string. */
	switch (cp) {
	case 0x00A5: case 0xFFE5: return "\xEF\xBF\xA5\0Y\0";     /* ¥: ￥, then Y */
	case 0x20AC: return "EUR\0";
	case 0x00B7: case 0x30FB: return "\xE3\x83\xBB\0.\0";    /* middle dot */
	case 0x2014: case 0x2013: case 0x2015: return "\xE2\x80\x94\0-\0";
	case 0x2018: case 0x2019: return "'\0";
	case 0x201C: case 0x201D: case 0x300C: case 0x300D: return "\"\0";
	case 0x3001: return ",\0";
	case 0x3002: return ".\0";
	case 0x3000: return " \0";
	case 0x300A: return "<\0";
	case 0x300B: return ">\0";
	case 0x3010: return "[\0";
	case 0x3011: return "]\0";
	case 0x2026: return "...\0";
	}
	return NULL;
}

static void convert_fallback(iconv_t cd, jrc_printer_encoding enc, uint32_t cp, jrc_bytes *out)
{
	const char *alt = fallback(cp);
	/* Full-width forms have ASCII twins. */
	char twin[3] = { 0, 0, 0 };

	if (!alt && cp >= 0xFF01 && cp <= 0xFF5E) {
		twin[0] = (char)(cp - 0xFF01 + 0x21);
		alt = twin;
	}
	for (const char *a = alt; a && *a; a += strlen(a) + 1) {
		jrc_bytes tmp = { 0 };
		int good = 1;

		for (const char *p = a; *p && good;) {
			uint32_t c;
			size_t k = text_utf8_decode(p, strlen(p), &c);

			good = k && c != cp && convert_cp(cd, enc, c, &tmp);
			p += k ? k : 1;
		}
		if (good && !tmp.oom) {
			bytes_put(out, tmp.data, tmp.len);
			bytes_free(&tmp);
			return;
		}
		bytes_free(&tmp);
	}
	bytes_put(out, "?", 1);
}

jrc_status escpos_convert(const char *utf8, jrc_printer_encoding enc, jrc_bytes *out,
			  jrc_err *err)
{
	char *clean;
	iconv_t cd;
	const char *p;
	size_t indent = 0;

	/* Leading spaces are layout (a hanging indent); sanitizing would
	 * trim them. */
	if (utf8)
		while (utf8[indent] == ' ')
			indent++;
	bytes_put(out, utf8, indent);
	clean = text_sanitize(utf8 ? utf8 + indent : NULL, 0);
	if (!clean)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	cd = iconv_open(escpos_encoding_name(enc), "UTF-8");
	if (cd == (iconv_t)-1) {
		free(clean);
		return jrc_err_set(err, JRC_E_IO, "printer_encoding",
				   _("This system cannot convert text to %s for the printer: install the iconv converters (glibc's gconv modules) or set printer_encoding to ascii."),
				   escpos_encoding_name(enc));
	}
	for (p = clean; *p;) {
		uint32_t cp;
		size_t k = text_utf8_decode(p, strlen(p), &cp);

		if (!k) {
			/* Sanitized text is valid UTF-8; be safe anyway. */
			bytes_put(out, "?", 1);
			p++;
			continue;
		}
		if (cp >= 0x20 && cp < 0x7F)
			bytes_put(out, p, 1);
		else if (!convert_cp(cd, enc, cp, out))
			convert_fallback(cd, enc, cp, out);
		p += k;
	}
	iconv_close(cd);
	free(clean);
	if (out->oom)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	return JRC_OK;
}

/* ---------------------------------------------------------------- commands */

static void put_style(jrc_bytes *b, jrc_doc_align align, int style)
{
	int size = ((style & JRC_DOC_WIDE) ? 0x10 : 0) | ((style & JRC_DOC_TALL) ? 0x01 : 0);

	put3(b, ESC, 'a', align == JRC_ALIGN_CENTER ? 1 : align == JRC_ALIGN_RIGHT ? 2 : 0);
	put3(b, ESC, 'E', (style & JRC_DOC_BOLD) ? 1 : 0);
	put3(b, GS, '!', size);
}

/* GS ( k: function 165 model, 167 module size, 169 error correction,
 * 180 store the data, 181 print. */
static void put_qr(jrc_bytes *b, const char *payload, int paper)
{
	unsigned char data[512];
	size_t n = 0;
	jrc_qr *q = malloc(sizeof(*q));
	int dots = doc_paper_dots(paper), module = 3;
	jrc_status qs;
	static const unsigned char model[] = { GS, '(', 'k', 4, 0, '1', 'A', '2', 0 };
	static const unsigned char level_m[] = { GS, '(', 'k', 3, 0, '1', 'E', '1' };
	static const unsigned char print[] = { GS, '(', 'k', 3, 0, '1', 'Q', '0' };
	unsigned char size[] = { GS, '(', 'k', 3, 0, '1', 'C', 3 };
	unsigned char store[] = { GS, '(', 'k', 0, 0, '1', 'P', '0' };

	if (!q) {
		b->oom = 1;     /* not a QR code of a guessed size */
		return;
	}
	/* Printable ASCII only: the payload is a number and a code. */
	for (const char *p = payload; *p && n < sizeof(data); p++)
		if (*p >= 0x20 && *p < 0x7F)
			data[n++] = (unsigned char)*p;
	/* The printer draws the code itself; our encoder tells how many
	 * modules it will have, so the largest module (up to 6 dots) that
	 * keeps the code and its quiet zone on the paper. */
	qs = qr_encode_bytes(data, n, -1, q);
	if (qs == JRC_OK && dots) {
		module = dots / (q->size + 8);
		module = module > 6 ? 6 : module < 1 ? 1 : module;
	}
	free(q);
	if (qs == JRC_E_NOMEM) {
		b->oom = 1;
		return;
	}
	size[7] = (unsigned char)module;
	store[3] = (unsigned char)((n + 3) & 0xFF);
	store[4] = (unsigned char)((n + 3) >> 8);
	put_style(b, JRC_ALIGN_CENTER, 0);
	bytes_put(b, model, sizeof(model));
	bytes_put(b, size, sizeof(size));
	bytes_put(b, level_m, sizeof(level_m));
	bytes_put(b, store, sizeof(store));
	bytes_put(b, data, n);
	bytes_put(b, print, sizeof(print));
	bytes_put(b, "\n", 1);
}

/* A name line on an ASCII printer: if the name is not ASCII, its label
 * and "(name withheld)" instead of a row of '?'; 1 if it wrote that. */
static int withheld(const char *text, jrc_bytes *out)
{
	size_t n = 0;

	while (text[n] && (unsigned char)text[n] < 0x80)
		n++;
	if (!text[n])
		return 0;
	while (n > 0 && text[n - 1] != ' ' && text[n - 1] != ':')
		n--;
	bytes_put(out, text, n);
	bytes_put(out, "(name withheld)", 15);
	return 1;
}

jrc_status escpos_encode(const jrc_doc *doc, const jrc_escpos_opts *o, jrc_bytes *out,
			 jrc_err *err)
{
	jrc_status s;

	bytes_put(out, (const unsigned char[]){ ESC, '@' }, 2);
	/* FS & enters the 2-byte (Chinese) mode; FS . leaves it, so a
	 * printer left in it by someone else reads ASCII bytes as ASCII. */
	bytes_put(out, (const unsigned char[]){ FS, o->encoding == JRC_ENC_ASCII ? '.' : '&' }, 2);
	for (size_t i = 0; i < doc->n; i++) {
		const jrc_doc_line *l = &doc->lines[i];

		switch (l->kind) {
		case JRC_DOC_TEXT:
			put_style(out, l->align, l->style);
			if ((l->style & JRC_DOC_NAME) && o->encoding == JRC_ENC_ASCII &&
			    withheld(l->text, out))
				;   /* question marks would be no name at all */
			else if ((s = escpos_convert(l->text, o->encoding, out, err)) != JRC_OK)
				return s;
			bytes_put(out, "\n", 1);
			break;
		case JRC_DOC_RULE:
			put_style(out, JRC_ALIGN_LEFT, 0);
			for (int c = 0; c < doc->cols; c++)
				bytes_put(out, "-", 1);
			bytes_put(out, "\n", 1);
			break;
		case JRC_DOC_BLANK:
			bytes_put(out, "\n", 1);
			break;
		case JRC_DOC_QR:
			put_qr(out, l->text, o->paper);
			break;
		}
	}
	put_style(out, JRC_ALIGN_LEFT, 0);
	/* Feed the last line past the cutter, then cut. */
	put3(out, ESC, 'd', 4);
	if (o->cut != JRC_CUT_NONE)
		put3(out, GS, 'V', o->cut == JRC_CUT_FULL ? 0 : 1);
	if (out->oom)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	return JRC_OK;
}

jrc_status escpos_plain_text(const jrc_doc *doc, jrc_bytes *out, jrc_err *err)
{
	char **lines;
	size_t n = doc_render_text(doc, JRC_DOC_TEXT_QR | JRC_DOC_TEXT_QR_INVERT, &lines);

	if (!n && doc->n)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		/* Rendering pads on the left only; drop what a pad leaves. */
		size_t len = strlen(lines[i]);

		while (len && lines[i][len - 1] == ' ')
			len--;
		bytes_put(out, lines[i], len);
		bytes_put(out, "\n", 1);
	}
	qr_lines_free(lines, n);
	if (out->oom)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	return JRC_OK;
}
