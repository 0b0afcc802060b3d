/* text: UTF-8 validation, sanitizing, width, wrapping. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/text.h"
#include "tap.h"

static int valid(const char *s)
{
	return text_utf8_valid(s, strlen(s));
}

static void test_valid(void)
{
	static const struct {
		const char *s, *what;
		int want;
	} v[] = {
		{ "", "empty", 1 },
		{ "plain ASCII", "ASCII", 1 },
		{ "\xE4\xB8\xAD\xE6\x96\x87", "Chinese", 1 },
		{ "\xF0\x9F\x98\x80", "4-byte emoji U+1F600", 1 },
		{ "\xC2\x80", "U+0080", 1 },
		{ "\xDF\xBF", "U+07FF", 1 },
		{ "\xE0\xA0\x80", "U+0800", 1 },
		{ "\xED\x9F\xBF", "U+D7FF", 1 },
		{ "\xEE\x80\x80", "U+E000", 1 },
		{ "\xEF\xBF\xBD", "U+FFFD", 1 },
		{ "\xF0\x90\x80\x80", "U+10000", 1 },
		{ "\xF4\x8F\xBF\xBF", "U+10FFFF", 1 },
		{ "\xC0\xAF", "overlong '/' in 2 bytes", 0 },
		{ "\xC1\xBF", "overlong C1", 0 },
		{ "\xE0\x80\xAF", "overlong '/' in 3 bytes", 0 },
		{ "\xE0\x9F\xBF", "overlong U+07FF in 3 bytes", 0 },
		{ "\xF0\x80\x80\xAF", "overlong '/' in 4 bytes", 0 },
		{ "\xF0\x8F\xBF\xBF", "overlong U+FFFF in 4 bytes", 0 },
		{ "\xED\xA0\x80", "surrogate U+D800", 0 },
		{ "\xED\xBF\xBF", "surrogate U+DFFF", 0 },
		{ "\xF4\x90\x80\x80", "U+110000", 0 },
		{ "\xF5\x80\x80\x80", "F5 lead", 0 },
		{ "\xFF", "FF byte", 0 },
		{ "\xFE", "FE byte", 0 },
		{ "\xE4\xB8", "truncated 3-byte", 0 },
		{ "\xF0\x9F\x98", "truncated emoji", 0 },
		{ "\x80", "stray continuation", 0 },
		{ "a\xBF" "b", "stray continuation inside text", 0 },
		{ "\xE4\xB8\xAD\xAD", "continuation after a full character", 0 },
		{ "\xE4" "a", "lead byte followed by ASCII", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		is_int(valid(v[i].s), v[i].want, "utf8_valid: %s", v[i].what);
	ok(!text_utf8_valid("\xE4\xB8\xAD", 2), "a length that cuts a character is invalid");
	ok(text_utf8_valid("a\0b", 3), "NUL inside the length is still UTF-8");
}

static void test_decode_encode(void)
{
	uint32_t cp = 0, probe[] = { 0, 'A', 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D,
				     0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000,
				     0x1F600, 0x10FFFF };
	char buf[4];
	size_t i, n;
	int all = 1;

	is_int(text_utf8_decode("\xE4\xB8\xAD", 3, &cp), 3, "decode 中: 3 bytes");
	is_int(cp, 0x4E2D, "decode 中: U+4E2D");
	is_int(text_utf8_decode("\xC0\xAF", 2, &cp), 0, "decode overlong: 0");
	is_int(cp, 0xFFFD, "decode overlong: U+FFFD");
	is_int(text_utf8_decode("\xE4\xB8\xAD", 2, &cp), 0, "decode short buffer: 0");
	is_int(text_utf8_decode("", 0, &cp), 0, "decode nothing: 0");

	for (i = 0; i < sizeof(probe) / sizeof(probe[0]); i++) {
		uint32_t back = 0;

		n = text_utf8_encode(probe[i], buf);
		if (n == 0 || !text_utf8_valid(buf, n) ||
		    text_utf8_decode(buf, n, &back) != n || back != probe[i])
			all = 0;
	}
	ok(all, "encode then decode gives back the code point");
	for (cp = 0, all = 1; cp <= 0x10FFFF; cp += 0x3F1) {
		uint32_t back = 0;

		n = text_utf8_encode(cp, buf);
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			if (n != 0)
				all = 0;
		} else if (text_utf8_decode(buf, n, &back) != n || back != cp) {
			all = 0;
		}
	}
	ok(all, "encode/decode round trip across the code space");
	is_int(text_utf8_encode(0xD800, buf), 0, "no encoding for a surrogate");
	is_int(text_utf8_encode(0x110000, buf), 0, "no encoding past U+10FFFF");
	is_int(text_utf8_count("\xE4\xB8\xAD\xE6\x96\x87" "abc"), 5, "count 中文abc = 5");
	is_int(text_utf8_count(""), 0, "count empty = 0");
}

static void sanitize_is(const char *in, int keep, const char *want,
			const char *what)
{
	char *got = text_sanitize(in, keep);

	is_str(got, want, "sanitize: %s", what);
	free(got);
}

/* A tiny deterministic generator, so a failure can be replayed. */
static uint32_t lcg(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 16;
}

static void test_sanitize(void)
{
	static const char junk[] = { 0x1B, '[', ']', 0x07, '\\', '\n', '\r',
				     '\t', ' ', 'a', (char)0xC2, (char)0x9B,
				     (char)0xE2, (char)0x80, (char)0xAE,
				     (char)0xE4, (char)0xB8, (char)0xAD,
				     (char)0xFF, (char)0x80, 0x01, 0x7F, 'm' };
	const char *zh = "浦江县信访联合接待中心，“最多跑一地”。";
	uint32_t seed = 42;
	int round, all = 1;

	sanitize_is(zh, 0, zh, "Chinese text stays byte for byte");
	sanitize_is("\x1b[31mred\x1b[0m text", 0, "red text", "SGR colour sequences go");
	sanitize_is("\x1b[2J\x1b[1;1Hcleared", 0, "cleared", "cursor movement goes");
	sanitize_is("\x1b]0;evil title\x07ok", 0, "ok", "OSC ended by BEL goes");
	sanitize_is("\x1b]8;;http://x.example/\x1b\\link\x1b]8;;\x1b\\", 0, "link",
		    "OSC hyperlink ended by ST goes");
	sanitize_is("a\x1b]2;never ended", 0, "a", "unterminated OSC goes to the end");
	sanitize_is("\x1b(Bx\x1b" "7y", 0, "xy", "ESC with one or two following bytes goes");
	sanitize_is("\xC2\x9B" "31mX", 0, "X", "8-bit CSI U+009B with its parameters goes");
	sanitize_is("a\xC2\x85" "b\xC2\x9C" "c", 0, "abc", "other C1 controls go");
	sanitize_is("a\x9B" "b", 0, "a\xEF\xBF\xBD" "b", "raw byte 0x9B is malformed: U+FFFD");
	sanitize_is("abc\xE2\x80\xAE" "fed", 0, "abcfed", "right-to-left override goes");
	sanitize_is("\xE2\x81\xA7" "x\xE2\x81\xA9", 0, "x", "bidi isolates go");
	sanitize_is("\xE2\x80\x8F" "a\xE2\x80\x8E", 0, "a", "RLM and LRM go");
	sanitize_is("a\xE2\x80\x8B" "b\xE2\x80\x8D" "c\xE2\x81\xA0" "d", 0, "abcd",
		    "zero-width space, joiner and word joiner go");
	sanitize_is("\xEF\xBB\xBF" "bom", 0, "bom", "byte order mark goes");
	sanitize_is("a\x01\x02" "b\x7f" "c\x07", 0, "abc", "C0 controls and DEL go");
	sanitize_is("  a \t  b  ", 0, "a b", "spaces and tabs collapse and trim");
	sanitize_is("\xE3\x80\x80\xE5\xBC\xA0\xE4\xB8\x89\xE3\x80\x80", 0,
		    "\xE5\xBC\xA0\xE4\xB8\x89", "ideographic spaces are trimmed");
	sanitize_is("a\nb", 0, "a b", "a newline is a space on one line");
	sanitize_is("a\nb", 1, "a\nb", "a newline is kept when asked");
	sanitize_is("  one  \n\n\n\n  two \r\n three \n", 1, "one\n\ntwo\nthree",
		    "lines trimmed, blank lines limited to one, CRLF is a newline");
	sanitize_is("abc\rdef", 1, "abc\ndef", "a lone CR ends the line");
	sanitize_is("\n\n  \nx\n \n", 1, "x", "leading and trailing blank lines go");
	sanitize_is("a\xE2\x80\xA8" "b", 1, "a\nb", "U+2028 is a newline when kept");
	sanitize_is("a\xE2\x80\xA9" "b", 0, "a b", "U+2029 is a space otherwise");
	sanitize_is("a\xE4\xB8" "b", 0, "a\xEF\xBF\xBD" "b", "truncated sequence: one U+FFFD");
	sanitize_is("\xC0\xAF", 0, "\xEF\xBF\xBD\xEF\xBF\xBD", "overlong bytes become U+FFFD");
	sanitize_is("e\xCC\x81", 0, "e\xCC\x81", "combining accent stays");
	sanitize_is("", 0, "", "empty stays empty");
	sanitize_is(NULL, 0, "", "NULL is empty");

	/* Whatever comes in, what goes out is safe to put on a terminal. */
	for (round = 0; round < 2000; round++) {
		char in[64], *out;
		size_t i, n = lcg(&seed) % (sizeof(in) - 1);

		for (i = 0; i < n; i++)
			in[i] = junk[lcg(&seed) % sizeof(junk)];
		in[n] = '\0';
		out = text_sanitize(in, (int)(round & 1));
		if (!out || !valid(out)) {
			all = 0;
		} else {
			for (i = 0; out[i]; i++)
				if (((unsigned char)out[i] < 0x20 && out[i] != '\n') ||
				    out[i] == 0x7F)
					all = 0;
			if (strstr(out, "\xC2\x9B") || strstr(out, "\xE2\x80\xAE") ||
			    (!(round & 1) && strchr(out, '\n')) ||
			    (n && (out[0] == ' ' || (out[0] && out[strlen(out) - 1] == ' '))))
				all = 0;
		}
		free(out);
	}
	ok(all, "random junk sanitizes to valid UTF-8 without controls or escapes");
}

static void test_width(void)
{
	is_int(text_width("\xE4\xB8\xAD\xE6\x96\x87" "abc"), 7, "width 中文abc = 7");
	is_int(text_width(""), 0, "width of empty = 0");
	is_int(text_width("e\xCC\x81"), 1, "combining accent takes no column");
	is_int(text_width("a\xE2\x80\x8B" "b"), 2, "zero-width space takes no column");
	is_int(text_width("\xFF"), 1, "a malformed byte takes one column");
	is_int(text_width("\xEF\xBC\x8C\xE3\x80\x82"), 4, "full-width punctuation takes two");
	is_int(text_cp_width(0x4E2D), 2, "cp_width 中 = 2");
	is_int(text_cp_width('a'), 1, "cp_width a = 1");
	is_int(text_cp_width(0x07), 0, "cp_width BEL = 0");
	is_int(text_cp_width(0x7F), 0, "cp_width DEL = 0");
	is_int(text_cp_width(0x9B), 0, "cp_width C1 = 0");
	is_int(text_cp_width(0x0301), 0, "cp_width combining acute = 0");
	is_int(text_cp_width(0x20E3), 0, "cp_width combining keycap = 0");
	is_int(text_cp_width(0x200B), 0, "cp_width ZWSP = 0");
	is_int(text_cp_width(0xFEFF), 0, "cp_width BOM = 0");
	is_int(text_cp_width(0x3000), 2, "cp_width ideographic space = 2");
	is_int(text_cp_width(0xFF21), 2, "cp_width full-width A = 2");
	is_int(text_cp_width(0xFF61), 1, "cp_width half-width katakana stop = 1");
	is_int(text_cp_width(0xAC00), 2, "cp_width Hangul = 2");
	is_int(text_cp_width(0x1F600), 2, "cp_width emoji = 2");
	is_int(text_cp_width(0x20000), 2, "cp_width CJK extension B = 2");
	is_int(text_cp_width(0x00E9), 1, "cp_width é = 1");

	is_int(text_fit("\xE4\xB8\xAD\xE6\x96\x87" "abc", 3), 3, "fit 3 cols: one CJK char");
	is_int(text_fit("\xE4\xB8\xAD\xE6\x96\x87" "abc", 4), 6, "fit 4 cols: two CJK chars");
	is_int(text_fit("\xE4\xB8\xAD", 1), 0, "fit 1 col: a CJK char does not fit");
	is_int(text_fit("abc", 10), 3, "fit: everything");
	is_int(text_fit("ae\xCC\x81" "b", 2), 4, "fit keeps a combining mark with its letter");
}

static void test_truncate(void)
{
	int cut = -1;
	char *s = text_truncate_chars("\xE4\xB8\xAD\xE6\x96\x87" "abc", 2, &cut);

	is_str(s, "\xE4\xB8\xAD\xE6\x96\x87", "truncate to 2 characters");
	is_int(cut, 1, "truncate reports the cut");
	free(s);
	s = text_truncate_chars("ab", 5, &cut);
	is_str(s, "ab", "truncate: short string unchanged");
	is_int(cut, 0, "truncate reports nothing cut");
	free(s);
	s = text_truncate_chars("abc", 0, NULL);
	is_str(s, "", "truncate to 0 characters");
	free(s);
}

/* Lines of s as a '|'-joined string, for compact comparisons. */
static char *wrap_joined(const char *s, size_t cols)
{
	size_t *st, *ln, n, i, o = 0;
	char *out = malloc(2 * strlen(s) + 2);

	n = text_wrap(s, cols, &st, &ln);
	for (i = 0; i < n; i++) {
		if (i)
			out[o++] = '|';
		memcpy(out + o, s + st[i], ln[i]);
		o += ln[i];
	}
	out[o] = '\0';
	free(st);
	free(ln);
	return out;
}

static void wrap_is(const char *s, size_t cols, const char *want, const char *what)
{
	char *got = wrap_joined(s, cols);

	is_str(got, want, "wrap: %s", what);
	free(got);
}

static void strip_blanks(const char *in, char *out)
{
	for (; *in; in++)
		if (*in != ' ' && *in != '\n')
			*out++ = *in;
	*out = '\0';
}

static void test_wrap(void)
{
	const char *mixed =
		"我叫张三，住在浦江县仙华街道。My landlord has kept the deposit of "
		"3000 yuan since March 2026 and does not answer the phone. "
		"房东至今不退押金（三千元），打电话也不接。\n"
		"\n"
		"Please help: 请帮帮我！An extraordinarilylongwordwithoutanyspace ok.";
	size_t *st, *ln, n, cols, i;
	int valid_all = 1, width_all = 1, space_all = 1, kept_all = 1;
	char *joined = malloc(strlen(mixed) + 1), *want = malloc(strlen(mixed) + 1);

	wrap_is("hello world", 5, "hello|world", "at a space");
	wrap_is("hello world", 11, "hello world", "fits on one line");
	wrap_is("hello   world foo", 8, "hello|world|foo", "spaces at the break are dropped");
	wrap_is("abcdefghij", 4, "abcd|efgh|ij", "a long word is cut");
	wrap_is("中文中文", 4, "中文|中文", "CJK breaks between characters");
	wrap_is("中文中文", 5, "中文|中文", "CJK never split in half");
	wrap_is("中", 1, "中", "a character wider than the line stands alone");
	wrap_is("ab中文", 3, "ab|中|文", "Latin then CJK");
	wrap_is("我们是中国人。", 12, "我们是中国|人。",
		"a full stop does not start a line");
	wrap_is("他说：（好）", 8, "他说：|（好）",
		"an opening bracket does not end a line");
	wrap_is("a\nb", 10, "a|b", "newline forces a break");
	wrap_is("a\n\nb", 10, "a||b", "an empty line is kept");
	wrap_is("a\n", 10, "a", "a final newline opens no line");
	n = text_wrap("", 10, &st, &ln);
	ok(n == 0 && st == NULL, "empty string: no lines");

	strip_blanks(mixed, want);
	for (cols = 1; cols <= 40; cols++) {
		size_t o = 0;

		n = text_wrap(mixed, cols, &st, &ln);
		for (i = 0; i < n; i++) {
			char line[512];

			memcpy(line, mixed + st[i], ln[i]);
			line[ln[i]] = '\0';
			if (!text_utf8_valid(line, ln[i]))
				valid_all = 0;
			if (text_width(line) > cols && text_utf8_count(line) != 1)
				width_all = 0;
			if (line[0] == ' ' || (ln[i] && line[ln[i] - 1] == ' '))
				space_all = 0;
			memcpy(joined + o, line, ln[i]);
			o += ln[i];
		}
		joined[o] = '\0';
		strip_blanks(joined, joined);
		if (strcmp(joined, want) != 0)
			kept_all = 0;
		free(st);
		free(ln);
	}
	ok(valid_all, "wrap 1..40 cols: every line is valid UTF-8");
	ok(width_all, "wrap 1..40 cols: no line wider than the screen");
	ok(space_all, "wrap 1..40 cols: no line starts or ends with a space");
	ok(kept_all, "wrap 1..40 cols: no text lost or repeated");
	free(joined);
	free(want);
}

int main(void)
{
	test_valid();
	test_decode_encode();
	test_sanitize();
	test_width();
	test_truncate();
	test_wrap();
	return done();
}
