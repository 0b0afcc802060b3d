/* Widths: the screen's agree with the wcwidth() ncurses draws with, for
 * every code point; the printer's GB18030 font has its own rule. */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "tap.h"
#include "jrc/text.h"

static void test_screen(void)
{
	static const struct { uint32_t cp; int w; } named[] = {
		{ 0xFE50, 2 }, { 0xFE51, 2 }, { 0xFE54, 2 }, { 0xFE10, 2 }, { 0x2329, 2 },
		{ 0x1F680, 2 }, { 0x2614, 2 }, { 0x4E2D, 2 }, { 0x00E9, 1 }, { 0x0301, 0 },
		{ 0x00B7, 1 }, { 0x2014, 1 }, { 0x201C, 1 }, { 0x2026, 1 }, { 0x00A5, 1 },
	};
	long differ = 0, checked = 0;

	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		ok(1, "# SKIP no C.UTF-8 locale to compare with");
		return;
	}
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		is_int(text_cp_width(named[i].cp), named[i].w, "U+%04X is %d column(s) on screen",
		       (unsigned)named[i].cp, named[i].w);
	for (uint32_t cp = 0x20; cp < 0x110000; cp++) {
		int wc;

		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		wc = wcwidth((wchar_t)cp);
		if (wc < 0)
			continue;
		checked++;
		if (wc != text_cp_width(cp)) {
			if (differ < 10)
				printf("# U+%04X: wcwidth %d, text_cp_width %d\n", (unsigned)cp, wc,
				       text_cp_width(cp));
			differ++;
		}
	}
	is_int(differ, 0, "all %ld printable code points have wcwidth's width", checked);
	is_int(text_width("🚀☔﹐x"), 7, "a string adds them up");
}

static void test_printer(void)
{
	static const char *const two[] = { "·", "—", "“", "”", "é", "ā", "中", "¥", "\xCC\x81" };

	for (size_t i = 0; i < sizeof(two) / sizeof(two[0]); i++)
		is_int(text_print_width(two[i]), 2, "%s prints 2 columns wide", two[i]);
	is_int(text_print_width("…"), 3, "… takes 3 (an ASCII printer prints ...)");
	is_int(text_print_width("€"), 3, "€ takes 3 (EUR)");
	is_int(text_print_width("Li Ming"), 7, "ASCII is 1 column a character");
	/* 16 of "——" is 32 printer columns: a 58 mm line is full. */
	{
		size_t *st, *ln, n = text_wrap_print("“你好”——é·ā…", 8, &st, &ln);

		ok(n >= 2, "wrapping for the printer counts its columns (%zu lines)", n);
		for (size_t i = 0; i < n; i++) {
			char buf[64];

			snprintf(buf, sizeof(buf), "%.*s", (int)ln[i], "“你好”——é·ā…" + st[i]);
			ok(text_print_width(buf) <= 8, "printed line %zu fits 8 columns: %s", i + 1, buf);
		}
		free(st);
		free(ln);
	}
}

int main(void)
{
	test_screen();
	test_printer();
	return done();
}
