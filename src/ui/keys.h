/* Keys become abstract actions through one table (keys.c), so screens
 * never test raw key codes and the key contract lives in one place. */
#ifndef JRC_UI_KEYS_H
#define JRC_UI_KEYS_H

#include <stdint.h>
#include <wchar.h>

typedef enum ui_action {
	UI_ACT_NONE = 0,      /* nothing (ignored control characters) */
	UI_ACT_NEXT,          /* Enter: continue / choose the highlighted item */
	UI_ACT_FIELD_NEXT,    /* Tab, Down: next field, or next item in a list */
	UI_ACT_FIELD_PREV,    /* Up, Shift-Tab: previous field or item */
	UI_ACT_BACK,          /* Esc: one step back, keeping what was typed */
	UI_ACT_HELP,          /* F1: help for this screen (the engine handles it) */
	UI_ACT_LANG,          /* F2: 中文 / English (the engine handles it) */
	UI_ACT_LEFT,
	UI_ACT_RIGHT,
	UI_ACT_HOME,
	UI_ACT_END,
	UI_ACT_PAGE_UP,
	UI_ACT_PAGE_DOWN,
	UI_ACT_BACKSPACE,
	UI_ACT_DELETE,
	UI_ACT_DIGIT,         /* '0'..'9'; ch holds the character */
	UI_ACT_CHAR,          /* any other printable character; ch holds it */
	UI_ACT_PHRASES,       /* F3: the phrase builder in the story steps */
	UI_ACT_IME,           /* F4: pinyin / English letters in a text field */
	UI_ACT_REPEAT,        /* F5: say the screen again (voice; the engine) */
	UI_ACT_READ_BACK,     /* F6: read back what was typed (voice; the engine) */
	UI_ACT_ASK_STAFF      /* F9: hand the filing form to staff (the engine) */
} ui_action;

/* The action for a key from wget_wch: is_code is 1 for KEY_* codes
 * (KEY_CODE_YES), 0 for characters.  Control characters, C1 controls,
 * DEL-as-character and invisible format characters map to UI_ACT_NONE,
 * so they can never reach a field. */
ui_action ui_key_action(int is_code, wint_t ch);

/* The action for an escape sequence the terminal description did not
 * decode (seq is what followed ESC, e.g. "OP", "[11~", "[[A"), so F1, F2
 * and the arrows work even under a TERM that does not match the
 * terminal; UI_ACT_NONE for anything else (it is then dropped). */
ui_action ui_key_sequence(const char *seq);

/* The ASCII character for a full-width one (０ -> 0, Ａ -> A, the
 * ideographic space -> space); any other character as it is. */
wint_t ui_key_ascii(wint_t ch);

/* 1 if a code point may be typed into a field: visible and not a control
 * or format character. */
int ui_key_printable(uint32_t cp);

#endif
