#!/bin/bash
# Moving around keeps what was typed: Esc goes back a step, the review
# reopens any step and returns to itself; a wrong ID number is explained
# under the field and the cursor stays there; F1 helps; F2 switches the
# language in the middle of a form without losing anything.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

GOOD=$(t_id 33072619800101001)
BAD=${GOOD:0:17}$(( (${GOOD:17:1} + 1) % 10 ))
[ "${GOOD:17:1}" = X ] && BAD=${GOOD:0:17}0

k_start 80 24 xterm-256color
tm_wait '欢迎'
tm_keys F1
tm_wait '帮助'; ok $? "F1 opens help on the home screen"
like "$(tm_screen)" '按任意键关闭帮助' "and says how to close it"
tm_keys x
tm_wait_gone '按任意键关闭帮助'; ok $? "any key closes the help"

tm_keys 1; tm_wait '第 1 步'; tm_keys 3
tm_wait '第 2 步'; tm_keys 2
tm_wait '仙华街道：请选择村或社区'; tm_keys 1
tm_wait '第 3 步'; tm_keys 1
tm_wait '> 姓名'
tm_type "李四"; tm_keys Enter
tm_wait '> 证件'; tm_keys Enter
tm_wait '> 身份证号码'; tm_type "$BAD"; tm_keys Enter
tm_wait '校验位'; ok $? "a wrong check digit is explained in words"
scr=$(tm_screen)
like "$scr" '> 身份证号码' "the cursor stays in the ID field"
like "$scr" '身份证号码最后一位（校验位）对不上' "the sentence sits under the field"
[ "$(k_flag cursor_y)" -le 12 ] ; ok $? "the terminal cursor is on the ID line, not the phone line"

tm_keys Tab
tm_wait '> 电话号码'; tm_type "12345"; tm_keys Enter
tm_wait '手机号有 11 位'; ok $? "a wrong phone is explained too"

tm_keys F2
tm_wait 'ID card number'; ok $? "F2 switches to English mid-form"
scr=$(tm_screen)
like "$scr" '李四' "the name is still there"
like "$scr" "$BAD" "the ID number is still there"
like "$scr" '12345' "the phone is still there"
tm_keys F2
tm_wait '身份证号码'; ok $? "and back to Chinese"

tm_keys Escape
tm_wait '匿名反映，不留姓名'; ok $? "Esc goes back one step"
tm_keys Escape
tm_wait '仙华街道：请选择村或社区'; ok $? "and another"
tm_keys 1
tm_wait '第 3 步'; tm_keys 1
tm_wait '> 姓名'
scr=$(tm_screen)
like "$scr" '李四' "coming forward again, the name is kept"
like "$scr" "$BAD" "and the ID number"

tm_keys Down Down
tm_wait '> 身份证号码'
for i in $(seq 18); do tm_keys BSpace; done
tm_type "$GOOD"; tm_keys Enter
tm_wait '> 电话号码'
for i in 1 2 3 4 5; do tm_keys BSpace; done
tm_type "0579-84123456"; tm_keys Enter
tm_wait '短信通知吗'; tm_keys 2
tm_wait '第 4 步'; ok $? "corrected, the form goes on"
tm_type "邻居家装修把我家墙面震裂了"
tm_keys Escape
tm_wait '> 电话号码'; ok $? "Esc goes back to the form as it was left"
tm_keys Enter
tm_wait '短信通知吗'; tm_keys 2
tm_wait '第 4 步'
like "$(tm_screen)" '邻居家装修把我家墙面震裂了' "the story is kept after going back"
tm_keys Left Left BSpace
tm_wait '邻居家装修把我家墙面裂了'; ok $? "Left and Backspace edit by whole Chinese characters"
tm_keys Enter
tm_wait '第 5 步'; tm_keys Enter
tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
tm_wait '第 7 步'
like "$(tm_screen)" '0579-\*{4}' "review masks the landline"
tm_keys 4
tm_wait '第 4 步'; ok $? "the review reopens step 4 by its digit"
tm_keys End
tm_type "，已经一个月"
tm_keys Enter
tm_wait '第 7 步'; ok $? "finishing it returns to the review, not step 5"
like "$(tm_screen)" '墙面裂了，已经一个月' "with the change"
tm_keys 2
tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '浦阳街道：请选择村或社区'; tm_keys 2
tm_wait '第 7 步'; ok $? "reopening the place goes through both lists and back"
like "$(tm_screen)" '浦阳街道，塔山社区' "the new place"
tm_keys F1
tm_wait '（1 到 6）'; ok $? "the review has its own help"
tm_keys x; tm_wait_gone '按任意键关闭帮助'
tm_keys Enter
tm_wait '您反映的事情已经登记'
json=$(k_json "$(k_receipt)")
like "$json" '"text":"邻居家装修把我家墙面裂了，已经一个月"' "the edited text is what was filed"
like "$json" '"phone":"0579-\*{4}' "the landline"
like "$json" '"category":"MED"' "the category from the first screen"
done_testing
