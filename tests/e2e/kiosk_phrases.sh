#!/bin/bash
# For a citizen who cannot type: a story made only of F3's common
# sentences and digits, stored and shown on the review screen.  And fields
# that forgive: a receipt number typed with O and l and a query code in
# full-width digits still find the case.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

k_start 80 24 xterm-256color
tm_wait '欢迎'
tm_keys 1; tm_wait '第 1 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 2
tm_wait '仙华街道：请选择村或社区'; tm_keys 1
tm_wait '第 3 步'; tm_keys 2
tm_wait '是的，匿名反映'; tm_keys 1
tm_wait '第 4 步（共 7 步）'; ok $? "step 4, anonymous"
like "$(tm_screen)" '┌─.*F3 常用说法 ─*┐' "the text area offers F3 on its frame"

tm_keys F3
tm_wait '常用说法'; ok $? "F3 opens the common sentences"
like "$(tm_screen)" '老板拖欠我的工资，一直不给。' "sentences of the chosen category (wages)"
n=$(k_num '老板拖欠我的工资，一直不给。'); k_choose "$n" '第 4 步'
tm_wait '第 4 步'; tm_wait '│ 老板拖欠我的工资，一直不给。'; ok $? "a sentence without blanks goes straight in"

tm_keys F3; tm_wait '常用说法'
n=$(k_num '已经拖欠工资 ___ 个月了。'); k_choose "$n" '第 1 个空'
tm_wait '第 1 个空（共 1 个）填数字'; ok $? "a sentence with a blank asks for the number"
tm_type 'x'
tm_wait '这里只能输入数字'; ok $? "a blank takes digits only"
tm_keys Enter
tm_wait '请用数字键输入数目，然后按 Enter 键'; ok $? "an empty blank is refused with a sentence"
tm_type 3; tm_keys Enter
tm_wait '第 4 步'; ok $? "back in the text"

tm_keys F3; tm_wait '常用说法'
n=$(k_num '从 ___ 年 ___ 月开始就没发过工资。'); k_choose "$n" '第 1 个空'
tm_wait '第 1 个空（共 2 个）'; tm_type 2026; tm_keys Enter
tm_wait '第 2 个空（共 2 个）'; ok $? "two blanks, one after the other"
like "$(tm_screen)" '从 2026 年' "the first blank shows its digits"
tm_type '５'; tm_keys Enter
tm_wait '第 4 步'

tm_keys F3; tm_wait '常用说法'
tm_keys PgDn
n=$(k_num '希望帮我把拖欠的工资要回来。')
like "$n" '^[0-9]+$' "the list pages down to the wishes"
k_choose "$n" '第 4 步'
tm_wait '第 4 步'
TEXT='老板拖欠我的工资，一直不给。已经拖欠工资3个月了。从2026年5月开始就没发过工资。希望帮我把拖欠的工资要回来。'
tm_keys F3; tm_wait '常用说法'
tm_keys Escape; tm_wait '第 4 步'; ok $? "Esc leaves the sentences and keeps the text"
tm_keys Enter
tm_wait '第 5 步'; tm_keys Enter
tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
tm_wait '第 7 步'; ok $? "the review"
like "$(tm_screen)" '老板拖欠我的工资，一直不给。已经拖欠工资3个月了。' "the review shows the sentences with the digits"
tm_keys Enter
tm_wait '您反映的事情已经登记'; ok $? "filed"
tm_wait 'PJ[0-9]{6}-[0-9]{4}-[0-9]'; R=$(k_receipt)
like "$(k_json "$R")" "\"text\":\"$TEXT\"" "stored: the sentences and digits, full-width 5 as 5"
tm_press_until Enter '欢迎' 5
k_stop

# A receipt number typed with O for 0 and l for 1, the code in full width.
CODE=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$R'")
typed=$(printf '%s' "$R" | tr '01' 'Ol' | tr 'A-Z' 'a-z')
FULL=$(printf '%s' "$CODE" | sed 's/0/０/g; s/1/１/g; s/2/２/g; s/3/３/g; s/4/４/g; s/5/５/g; s/6/６/g; s/7/７/g; s/8/８/g; s/9/９/g')
k_start 80 24 xterm-256color
tm_wait '欢迎'; tm_keys '２'
tm_wait '我有受理编号'; ok $? "a full-width 2 chooses on the home screen"
tm_keys '１'
tm_wait '> 回执编号'; ok $? "a full-width 1: the receipt number is at hand"
tm_type "$typed"
tm_keys Enter
tm_wait "> 验证方式"; ok $? "the number with O and l is accepted"
like "$(tm_screen)" "$R" "and shown as the system writes it"
tm_keys '１'
tm_type "$FULL"; tm_keys Enter
tm_wait '县人力资源和社会保障局'; ok $? "the full-width query code finds the case"
done_testing
