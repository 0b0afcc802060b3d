/* Generic widgets, shared by all screens: numbered list, one-line text
 * field, multi-line text area, yes/no choice.  Text widgets edit a
 * caller-owned UTF-8 buffer in place (the wizard draft), so the text
 * outlives the widget and the screen.  Widths come from jrc/text.h. */
#ifndef JRC_UI_WIDGETS_H
#define JRC_UI_WIDGETS_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

/* ---------------------------------------------------------------- w_edit
 * Editing a UTF-8 buffer by whole characters (w_edit.c). */

/* Accept a code point into a field (1) or not (0). */
typedef int (*w_filter_fn)(uint32_t cp);

typedef struct w_edit {
	char *buf;            /* NUL-terminated UTF-8, caller-owned */
	size_t cap;           /* bytes, with the NUL */
	size_t max_chars;     /* limit in characters */
	size_t len;           /* bytes used */
	size_t nchars;        /* characters used */
	size_t cur;           /* cursor, a byte offset on a character boundary */
	w_filter_fn filter;   /* NULL: any printable character */
	int overflow;         /* the last insert was refused: limit reached */
	int refused;          /* the last insert was refused by the filter */
} w_edit;

/* Attach to buf (its text is kept; cursor at the end). */
void w_edit_init(w_edit *e, char *buf, size_t cap, size_t max_chars, w_filter_fn filter);

/* Insert one character at the cursor; 0, or -1 if refused (overflow /
 * refused say why).  Control and format characters are always refused. */
int w_edit_insert(w_edit *e, uint32_t cp);

/* Cursor movement and deletion by whole characters. */
void w_edit_left(w_edit *e);
void w_edit_right(w_edit *e);
void w_edit_backspace(w_edit *e);
void w_edit_delete(w_edit *e);

/* Replace the whole text (s is sanitized character by character). */
void w_edit_set(w_edit *e, const char *s);

/* Keys every text widget shares: left, right, home, end, backspace,
 * delete, characters.  UI_DONE if used. */
ui_result w_edit_key(w_edit *e, ui_action act, wint_t ch);

/* Filters for w_edit_init. */
int w_filter_digits(uint32_t cp);          /* 0-9 */
int w_filter_id_number(uint32_t cp);       /* 0-9, X, x */
int w_filter_document(uint32_t cp);        /* letters, digits, dash */
int w_filter_phone(uint32_t cp);           /* digits, dash, space */

/* ---------------------------------------------------------------- w_field
 * One line, scrolling sideways when the text is wider (w_field.c). */
typedef struct w_field {
	w_edit e;
	size_t scroll;        /* byte offset of the first character shown */
} w_field;

void w_field_init(w_field *f, char *buf, size_t cap, size_t max_chars, w_filter_fn filter);

/* Editing keys; UI_PASS for everything else (Enter, Tab, Esc ...). */
ui_result w_field_key(ui_ctx *ctx, w_field *f, ui_action act, wint_t ch);

/* Draw at y,x in width columns; focused places the cursor. */
void w_field_draw(ui_ctx *ctx, w_field *f, int y, int x, int width, int focused);

/* ---------------------------------------------------------------- w_textarea
 * Several lines, wrapped automatically; Enter is not a line break
 * (w_textarea.c). */
typedef struct w_textarea {
	w_edit e;
	int top;              /* first wrapped line shown */
	int width;            /* wrap width of the last draw */
	int cut;              /* a paste or typing ran into the limit */
} w_textarea;

void w_textarea_init(w_textarea *t, char *buf, size_t cap, size_t max_chars);

/* Editing keys, and Up/Down between wrapped lines while there is a line
 * to go to; UI_PASS otherwise. */
ui_result w_textarea_key(ui_ctx *ctx, w_textarea *t, ui_action act, wint_t ch);

/* Draw a frame in r with the text inside and "N characters left" under
 * it (r.h >= 4). */
void w_textarea_draw(ui_ctx *ctx, w_textarea *t, ui_rect r, int focused);

/* ---------------------------------------------------------------- w_list
 * A numbered list: digits choose directly (two digits from 10 up), or
 * arrows and Enter; one or two columns, scrolling when longer than the
 * screen (w_list.c). */

/* The translated text of item i (called at every draw, so a language
 * switch shows at once). */
typedef const char *(*w_list_text_fn)(ui_ctx *ctx, void *user, int i);

typedef struct w_list {
	int n;                /* items */
	int sel;              /* highlighted item */
	int top;              /* first item shown when scrolling */
	int pending;          /* first digit of a two-digit number, or -1 */
	int page;             /* items per page at the last draw */
	int gap;              /* blank rows between items when there is room */
	int step;             /* rows per item at the last draw (1 + gap used) */
	w_list_text_fn label;
	void *user;
} w_list;

void w_list_init(w_list *l, int n, w_list_text_fn label, void *user);

/* Keys; *picked is set to the chosen item (UI_DONE) or stays -1. */
ui_result w_list_key(ui_ctx *ctx, w_list *l, ui_action act, wint_t ch, int *picked);

/* Draw into r; returns the rows used. */
int w_list_draw(ui_ctx *ctx, w_list *l, ui_rect r);

/* ---------------------------------------------------------------- w_confirm
 * Two numbered choices side by side: 1 yes, 2 no (w_confirm.c). */
typedef struct w_confirm {
	int sel;              /* 0: yes highlighted, 1: no */
} w_confirm;

/* 1 yes, 0 no, -1 not decided (Esc is left to the screen: UI_PASS). */
int w_confirm_key(w_confirm *c, ui_action act, wint_t ch, ui_result *res);

/* Draw the two choices centred on row y of r. */
void w_confirm_draw(ui_ctx *ctx, w_confirm *c, ui_rect r, int y, const char *yes,
		    const char *no);

#endif
