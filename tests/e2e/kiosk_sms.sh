#!/bin/bash
# The question about text messages at the kiosk (issue 16 part 4): asked
# after the form when a phone is given, the phone masked, "no" unless the
# citizen says yes; a yes is stored with the case and the receipt
# message queued with the filing; the next citizen is asked afresh, with
# "no" first; Esc goes back to the form; an anonymous filing is never
# asked.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

ID=$(t_id 33072619800101001)
q() { sqlite3 "$JRC_DB" "$@"; }

# file_to_question NAME PHONE: home to the question, through the form.
to_question() {
	tm_keys 1
	tm_wait '第 1 步'; tm_keys 1; tm_keys Enter
	tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
	tm_wait '请选择村或社区'; tm_keys 3
	tm_wait '第 3 步'; tm_keys 1
	tm_wait '> 姓名'; tm_type "$1"; tm_keys Enter
	tm_wait '> 证件'; tm_keys Enter
	tm_wait '> 身份证号码'; tm_type "$ID"; tm_keys Enter
	tm_wait '> 电话号码'; tm_type "$2"; tm_keys Enter
}
# story_to_receipt: steps 4 to 7 and the receipt's number.
story_to_receipt() {
	tm_wait '第 4 步'; tm_type "老板拖欠工资三个月"; tm_keys Enter
	tm_wait '第 5 步'; tm_keys Enter
	tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
	tm_wait '第 7 步'; tm_keys Enter
	tm_wait '您反映的事情已经登记'
	k_receipt
}

k_start 80 24 xterm-256color --printer "file:$T_DIR/receipt.bin"
tm_wait '欢迎'; ok $? "the kiosk starts"
to_question 张三 13812345678
tm_wait '短信通知'; ok $? "after the form: the question about text messages"
scr=$(tm_screen)
like "$scr" '愿意在 138\*\*\*\*5678 接收这件事的短信通知吗？' "in plain words, the phone masked"
unlike "$scr" '13812345678' "  never the whole number"
like "$scr" '不会发您的姓名和反映的内容' "saying what is never sent"
like "$scr" '1 +愿意，给我发短信' "1: yes"
like "$scr" '2 +不用了' "2: no"
tm_keys Escape
tm_wait '> 电话号码'; ok $? "Esc goes back to the form"
tm_keys Enter
tm_wait '短信通知吗'; tm_keys 1
r1=$(story_to_receipt)
like "$r1" '^PJ261129-0001-[0-9]$' "filed"
is "$(q "SELECT count(*) FROM sms_consent k JOIN cases c ON c.id = k.case_id WHERE c.receipt = '$r1'")" 1 \
	"the consent is stored with the case"
like "$(q "SELECT o.text FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$r1' AND kind = 'filed'")" \
	"受理号$r1" "the receipt message is queued with the filing"

tm_press_until Enter '欢迎' 5; ok $? "back home"
to_question 李四 13900001111
tm_wait '愿意在 139\*\*\*\*1111'; ok $? "the next citizen is asked afresh"
tm_keys Enter
r2=$(story_to_receipt)
like "$r2" '^PJ261129-0002-[0-9]$' "Enter alone (nothing chosen) files"
is "$(q "SELECT count(*) FROM sms_consent k JOIN cases c ON c.id = k.case_id WHERE c.receipt = '$r2'")" 0 \
	"  without consent: the last citizen's yes did not carry over"
is "$(q "SELECT count(*) FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$r2'")" 0 \
	"  and no message"

tm_press_until Enter '欢迎' 5
tm_keys 1
tm_wait '第 1 步'; tm_keys 1; tm_keys Enter
tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '请选择村或社区'; tm_keys 3
tm_wait '第 3 步'; tm_keys 2
tm_wait '匿名反映'; tm_keys 1
tm_wait '第 4 步'; ok $? "anonymous: straight on, no question about messages"
k_stop
done_testing
