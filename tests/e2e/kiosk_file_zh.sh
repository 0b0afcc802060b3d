#!/bin/bash
# The whole filing in Chinese, as a citizen does it at 80x24: home, the
# seven steps, the receipt; the case is then found by `jrc show` with the
# typed text byte for byte, and the kiosk is back home with nothing kept.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

ID=$(t_id 33072619800101001)
TEXT="2026年3月起，老板拖欠我六个月工资共36000元，多次讨要未果。"
OUTCOME="请帮我讨回工资"

k_start 80 24 xterm-256color --printer "file:$T_DIR/receipt.bin"
tm_wait '欢迎'; ok $? "the kiosk starts in Chinese"
scr=$(tm_screen)
like "$scr" '浦江县信访联合接待中心' "the center's name"
like "$scr" '2026年11月29日 星期日' "today's date"
like "$scr" '1  我要反映问题' "choice 1 files a grievance"
like "$(k_num English)" '^[0-9]+$' "a numbered language choice"
like "$scr" 'F1 帮助 +F2 English' "the key line shows help and the language key"

tm_keys 1
tm_wait '第 1 步（共 7 步）：您要反映什么问题？'; ok $? "step 1: the category"
scr=$(tm_screen)
like "$scr" '1  劳动就业与欠薪' "categories with their numbers"
like "$scr" '15  不确定' "and 'not sure'"
like "$scr" '工资被拖欠' "the highlighted category's description"
tm_keys 1
tm_wait '您按了 1'; ok $? "1 waits for a second digit among 15 choices"
tm_keys Enter

tm_wait '第 2 步（共 7 步）'; ok $? "step 2: the place"
like "$(tm_screen)" '15  中余乡' "the townships"
tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '浦阳街道：请选择村或社区'; ok $? "then the villages of that township"
like "$(tm_screen)" '4  不在列表中' "with 'not in the list'"
tm_keys 3

tm_wait '第 3 步（共 7 步）'; ok $? "step 3: about you"
tm_keys 1
tm_wait '> 姓名'; ok $? "the form, in the name field"
tm_type "张三"; tm_keys Enter
tm_wait '> 证件'; tm_keys Enter
tm_wait '> 身份证号码'; tm_type "$ID"; tm_keys Enter
tm_wait '> 电话号码'; tm_type "13812345678"; tm_keys Enter
tm_wait '愿意在 138\*\*\*\*5678 接收这件事的短信通知吗？'; ok $? "then the question about text messages, the phone masked"
tm_keys 2

tm_wait '第 4 步（共 7 步）'; ok $? "step 4: what happened"
like "$(tm_screen)" '还可输入 4000 字' "characters left"
tm_type "$TEXT"
tm_wait '还可输入 3966 字'; ok $? "the count goes down by characters, not bytes"
tm_keys Enter
tm_wait '第 5 步（共 7 步）'; ok $? "step 5: what they would like"
tm_type "$OUTCOME"; tm_keys Enter
tm_wait '第 6 步（共 7 步）'; ok $? "step 6: help"
n=$(k_num '不需要帮助，继续')
like "$n" '^[0-9]+$' "'no help' is offered"
tm_keys "$n"

tm_wait '第 7 步（共 7 步）：核对并提交'; ok $? "step 7: review"
scr=$(tm_screen)
like "$scr" '劳动就业与欠薪' "review: the category"
like "$scr" '浦阳街道，前店村' "review: the place"
like "$scr" '张\*' "review: the name masked"
like "$scr" '330726\*{8}[0-9]{3}[0-9X]' "review: the ID number masked"
like "$scr" '138\*{4}5678' "review: the phone masked"
unlike "$scr" "$ID" "review: never the whole ID number"
like "$scr" '老板拖欠我六个月工资' "review: what happened"
like "$scr" '请帮我讨回工资' "review: the outcome"
tm_keys Enter

tm_wait '您反映的事情已经登记'; ok $? "the receipt screen"
scr=$(tm_screen)
r=$(k_receipt)
like "$r" '^PJ261129-0001-[0-9]$' "the receipt number"
like "$scr" '█' "the number in large characters"
like "$scr" '查询码： +[0-9]{6}' "the query code"
like "$scr" '县人力资源和社会保障局（2 号窗口）' "the department and its window"
like "$scr" '2026年12月14日' "the acceptance deadline"
like "$scr" '15 天内' "what happens next"
tm_wait '回执正在打印，请取走'; ok $? "the receipt is printed"
grep -aq "$r" "$T_DIR/receipt.bin"; ok $? "on the kiosk's printer, with the receipt number"

json=$(k_json "$r")
like "$json" "\"text\":\"$TEXT\"" "jrc show finds the text byte for byte"
like "$json" "\"outcome\":\"$OUTCOME\"" "and the outcome"
like "$json" '"category":"LAB"' "category LAB"
like "$json" '"division":"330726001203"' "the chosen village"
like "$json" '"channel":"kiosk"' "channel kiosk"
like "$json" '"lang":"zh"' "language zh"
like "$json" '"anonymous":false' "not anonymous"
like "$json" '"staff_id":null' "no staff"
code=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$r'" 2>/dev/null)
[ -z "$code" ] || like "$scr" "查询码： +$code" "the query code shown is the stored one"

tm_press_until Enter '欢迎' 5; ok $? "Enter goes back home"
tm_keys 1
tm_wait '第 1 步'; tm_keys 1; tm_keys Enter
tm_wait '第 2 步'; tm_keys 2
tm_wait '仙华街道：请选择村或社区'; tm_keys 1
tm_wait '第 3 步'; tm_keys 1
tm_wait '> 姓名'
unlike "$(tm_screen)" '张三' "the next person sees nothing of the last one"
done_testing
