/* The UI's key table and the widgets' editing logic, without a terminal:
 * whole-character editing of Chinese text, limits, filters, control
 * characters, and the numbered list's one- and two-digit choices. */
#include <string.h>

#include "tap.h"
#include "../../src/ui/curses.h"
#include "../../src/ui/keys.h"
#include "../../src/ui/widgets.h"

static void test_keys(void)
{
	is_int(ui_key_action(0, L'\r'), UI_ACT_NEXT, "Enter continues");
	is_int(ui_key_action(0, L'\t'), UI_ACT_FIELD_NEXT, "Tab: next field");
	is_int(ui_key_action(1, KEY_DOWN), UI_ACT_FIELD_NEXT, "Down: next field");
	is_int(ui_key_action(1, KEY_UP), UI_ACT_FIELD_PREV, "Up: previous field");
	is_int(ui_key_action(0, 27), UI_ACT_BACK, "Esc goes back");
	is_int(ui_key_action(1, KEY_F(1)), UI_ACT_HELP, "F1 helps");
	is_int(ui_key_action(1, KEY_F(2)), UI_ACT_LANG, "F2 switches language");
	is_int(ui_key_action(0, 127), UI_ACT_BACKSPACE, "DEL is backspace");
	is_int(ui_key_action(0, L'7'), UI_ACT_DIGIT, "digits");
	is_int(ui_key_action(0, 0x4e2d), UI_ACT_CHAR, "a Chinese character");
	is_int(ui_key_action(0, 3), UI_ACT_NONE, "Ctrl-C is nothing");
	is_int(ui_key_action(0, 26), UI_ACT_NONE, "Ctrl-Z is nothing");
	is_int(ui_key_action(0, 28), UI_ACT_NONE, "Ctrl-\\ is nothing");
	is_int(ui_key_action(0, 0x9b), UI_ACT_NONE, "a C1 control is nothing");
	is_int(ui_key_action(0, 0x202e), UI_ACT_NONE, "a bidi override is nothing");
	is_int(ui_key_action(0, 0x200b), UI_ACT_NONE, "a zero-width space is nothing");
	is_int(ui_key_sequence("OP"), UI_ACT_HELP, "ESC O P is F1");
	is_int(ui_key_sequence("[[B"), UI_ACT_LANG, "the Linux console's F2");
	is_int(ui_key_sequence("[31m"), UI_ACT_NONE, "a colour sequence is nothing");
}

static void test_edit(void)
{
	char buf[64] = "";
	w_edit e;

	w_edit_init(&e, buf, sizeof(buf), 5, NULL);
	w_edit_insert(&e, 0x5f20);      /* 张 */
	w_edit_insert(&e, 'a');
	w_edit_insert(&e, 0x4e09);      /* 三 */
	is_str(buf, "张a三", "characters go in at the cursor");
	w_edit_left(&e);
	w_edit_left(&e);
	w_edit_backspace(&e);
	is_str(buf, "a三", "Left, Left, Backspace removes the whole Chinese character");
	is_int((int)e.cur, 0, "the cursor is at the start");
	w_edit_delete(&e);
	is_str(buf, "三", "Delete removes the character after the cursor");
	is_int(w_edit_insert(&e, 1), -1, "a control character is refused");
	is_int(w_edit_insert(&e, 0x1b), -1, "ESC is refused");
	is_str(buf, "三", "and never stored");
	for (int i = 0; i < 4; i++)
		w_edit_insert(&e, 0x56db);
	is_int((int)e.nchars, 5, "five characters");
	is_int(w_edit_insert(&e, 'x'), -1, "a sixth is refused");
	ok(e.overflow, "and flagged as over the limit");
	is_int((int)strlen(buf), 15, "the buffer holds five 3-byte characters");

	w_edit_init(&e, buf, sizeof(buf), 18, w_filter_id_number);
	w_edit_set(&e, "33a0726X");
	is_str(buf, "330726X", "the ID filter keeps digits and X");
	w_edit_init(&e, buf, sizeof(buf), 20, w_filter_phone);
	w_edit_set(&e, "0579-8412 x3");
	is_str(buf, "0579-8412 3", "the phone filter keeps digits, dashes and spaces");
}

static const char *item(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	(void)i;
	return "x";
}

static void test_list(void)
{
	static ui_ctx ctx;
	w_list l;
	int picked;

	w_list_init(&l, 15, item, NULL);
	w_list_key(&ctx, &l, UI_ACT_DIGIT, L'3', &picked);
	is_int(picked, 2, "3 of 15 is taken at once");
	w_list_key(&ctx, &l, UI_ACT_DIGIT, L'1', &picked);
	is_int(picked, -1, "1 of 15 waits for a second digit");
	is_int(l.sel, 0, "with item 1 highlighted");
	w_list_key(&ctx, &l, UI_ACT_DIGIT, L'5', &picked);
	is_int(picked, 14, "1 then 5 is 15");
	w_list_key(&ctx, &l, UI_ACT_DIGIT, L'1', &picked);
	w_list_key(&ctx, &l, UI_ACT_NEXT, 0, &picked);
	is_int(picked, 0, "1 then Enter is 1");
	w_list_key(&ctx, &l, UI_ACT_DIGIT, L'0', &picked);
	is_int(picked, -1, "0 chooses nothing");
	w_list_init(&l, 4, item, NULL);
	w_list_key(&ctx, &l, UI_ACT_DIGIT, L'1', &picked);
	is_int(picked, 0, "with 4 items, 1 is taken at once");
	w_list_key(&ctx, &l, UI_ACT_FIELD_PREV, 0, &picked);
	is_int(l.sel, 3, "Up from the first wraps to the last");
	w_list_key(&ctx, &l, UI_ACT_DIGIT, L'9', &picked);
	is_int(picked, -1, "a number past the end chooses nothing");
}

int main(void)
{
	test_keys();
	test_edit();
	test_list();
	return done();
}
