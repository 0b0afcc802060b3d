/* The key table: the kiosk's key contract in one place. */
#include <string.h>

#include "curses.h"
#include "keys.h"
#include "jrc/text.h"

static const struct key_binding {
	int is_code;          /* 1: a KEY_* code, 0: a character */
	wint_t key;
	ui_action act;
} bindings[] = {
	{ 0, L'\n', UI_ACT_NEXT },
	{ 0, L'\r', UI_ACT_NEXT },
	{ 1, KEY_ENTER, UI_ACT_NEXT },
	{ 0, L'\t', UI_ACT_FIELD_NEXT },
	{ 1, KEY_DOWN, UI_ACT_FIELD_NEXT },
	{ 1, KEY_UP, UI_ACT_FIELD_PREV },
	{ 1, KEY_BTAB, UI_ACT_FIELD_PREV },
	{ 0, 27, UI_ACT_BACK },
	{ 1, KEY_F(1), UI_ACT_HELP },
	{ 1, KEY_F(2), UI_ACT_LANG },
	{ 1, KEY_F(3), UI_ACT_PHRASES },
	{ 1, KEY_F(4), UI_ACT_IME },
	{ 1, KEY_F(5), UI_ACT_REPEAT },
	{ 1, KEY_F(6), UI_ACT_READ_BACK },
	{ 1, KEY_F(9), UI_ACT_ASK_STAFF },
	{ 1, KEY_LEFT, UI_ACT_LEFT },
	{ 1, KEY_RIGHT, UI_ACT_RIGHT },
	{ 1, KEY_HOME, UI_ACT_HOME },
	{ 1, KEY_END, UI_ACT_END },
	{ 1, KEY_PPAGE, UI_ACT_PAGE_UP },
	{ 1, KEY_NPAGE, UI_ACT_PAGE_DOWN },
	{ 1, KEY_BACKSPACE, UI_ACT_BACKSPACE },
	{ 0, 127, UI_ACT_BACKSPACE },     /* what most terminals send */
	{ 0, 8, UI_ACT_BACKSPACE },       /* Ctrl-H, vt100 */
	{ 1, KEY_DC, UI_ACT_DELETE },
};

/* Common xterm, vt100 and Linux console sequences. */
static const struct seq_binding {
	const char *seq;
	ui_action act;
} sequences[] = {
	{ "OP", UI_ACT_HELP }, { "[11~", UI_ACT_HELP }, { "[[A", UI_ACT_HELP },
	{ "OQ", UI_ACT_LANG }, { "[12~", UI_ACT_LANG }, { "[[B", UI_ACT_LANG },
	{ "OR", UI_ACT_PHRASES }, { "[13~", UI_ACT_PHRASES }, { "[[C", UI_ACT_PHRASES },
	{ "OS", UI_ACT_IME }, { "[14~", UI_ACT_IME }, { "[[D", UI_ACT_IME },
	{ "[A", UI_ACT_FIELD_PREV }, { "OA", UI_ACT_FIELD_PREV },
	{ "[B", UI_ACT_FIELD_NEXT }, { "OB", UI_ACT_FIELD_NEXT },
	{ "[C", UI_ACT_RIGHT }, { "OC", UI_ACT_RIGHT },
	{ "[D", UI_ACT_LEFT }, { "OD", UI_ACT_LEFT },
	{ "[H", UI_ACT_HOME }, { "OH", UI_ACT_HOME }, { "[1~", UI_ACT_HOME }, { "[7~", UI_ACT_HOME },
	{ "[F", UI_ACT_END }, { "OF", UI_ACT_END }, { "[4~", UI_ACT_END }, { "[8~", UI_ACT_END },
	{ "[3~", UI_ACT_DELETE },
	{ "[5~", UI_ACT_PAGE_UP }, { "[6~", UI_ACT_PAGE_DOWN },
	{ "[Z", UI_ACT_FIELD_PREV },
	{ "OM", UI_ACT_NEXT },
	{ "[15~", UI_ACT_REPEAT }, { "[[E", UI_ACT_REPEAT },
	{ "[17~", UI_ACT_READ_BACK },
	{ "[20~", UI_ACT_ASK_STAFF },
};

ui_action ui_key_sequence(const char *seq)
{
	for (size_t i = 0; i < sizeof(sequences) / sizeof(sequences[0]); i++)
		if (strcmp(sequences[i].seq, seq) == 0)
			return sequences[i].act;
	return UI_ACT_NONE;
}

int ui_key_printable(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return 0;
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp > 0x10ffff || cp == 0xfffd)
		return 0;
	/* Zero-width and format characters (bidi overrides, joiners) could
	 * hide or reorder text: a citizen never needs to type them. */
	return text_cp_width(cp) > 0;
}

ui_action ui_key_action(int is_code, wint_t ch)
{
	for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		if (bindings[i].is_code == !!is_code && bindings[i].key == ch)
			return bindings[i].act;
	if (is_code)
		return UI_ACT_NONE;
	/* Full-width digits from an input method left in full-width mode
	 * choose and count like the plain ones (the engine passes ch as
	 * ASCII: ui_key_ascii). */
	if ((ch >= L'0' && ch <= L'9') || (ch >= 0xFF10 && ch <= 0xFF19))
		return UI_ACT_DIGIT;
	return ui_key_printable((uint32_t)ch) ? UI_ACT_CHAR : UI_ACT_NONE;
}

wint_t ui_key_ascii(wint_t ch)
{
	if (ch >= 0xFF01 && ch <= 0xFF5E)
		return ch - 0xFEE0;
	if (ch == 0x3000)
		return L' ';
	return ch;
}
