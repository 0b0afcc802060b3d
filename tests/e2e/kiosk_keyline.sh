#!/usr/bin/env bash
# Issue 13, "smaller things": the key line offers only keys that work on
# the screen (no "Enter: continue" on the progress view, where Enter does
# nothing), and "more below" is shown only while there is more below.
top_srcdir=${top_srcdir:-.}
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

ID=$(t_id 33072619800229001)
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
j=$(jrc file --category LAB --division 330726100201 --name 李四 --id-number "$ID" \
	--phone 13912345678 --text "包工头欠我工资 8000 元" --json)
R=$(field "$j" receipt); CODE=$(field "$j" query_code)
jrc move "$R" accepted >/dev/null
JRC_NOW=2026-12-01T10:00:00+08:00 jrc move "$R" extended \
	--reason "需要调查取证，工地负责人出差在外，延长办理期限三十天。" >/dev/null
JRC_NOW=2026-12-05T10:00:00+08:00 jrc move "$R" answered \
	--answer "已责令包工头在12月底前付清工资。如有异议，可以申请复查。答复写得很长，一页放不下，要往下翻才能看完。" >/dev/null
ok $? "a case with a long timeline and an answer"

look_up() {
	tm_wait "$1"; tm_keys 2
	tm_wait "$2"; tm_keys 1
	tm_wait "$3"
	tm_type "$R"; tm_keys Enter
	tm_keys Enter
	tm_type "$CODE"; tm_keys Enter
}

k_start 80 24 xterm --lang zh
look_up "查询办理进度" "我有受理编号" "回执编号"
tm_wait "事项办理进度"; ok $? "zh: the progress view"
tm_wait "还有内容：按下方向键"; ok $? "zh: more below at the top"
keys=$(tm_screen | tail -1)
unlike "$keys" "Enter" "zh: the key line offers no Enter (it does nothing here)"
like "$keys" "上下键 翻看.*1 评价答复.*Esc 返回" "zh: it offers scrolling, 1 and Esc"
tm_keys NPage
tm_wait "已到末尾"; ok $? "zh: at the end it says so"
unlike "$(tm_screen)" "还有内容" "zh: and 'more below' is gone at the end"
tm_keys Up
tm_wait "还有内容：按下方向键"; ok $? "zh: one line up, more below again"
tm_keys Enter
tm_wait "请按 1 评价答复|按 1 "; ok $? "zh: Enter only says which keys work"
tm_keys F2
tm_wait "Where your matter stands"; ok $? "en: F2"
keys=$(tm_screen | tail -1)
unlike "$keys" "Enter" "en: no Enter on the key line"
like "$keys" "Up/Down: scroll   1: your opinion   Esc: back" "en: the working keys"
tm_keys 1
tm_wait "What do you think of the answer"; ok $? "1 does what the key line says"
k_stop

done_testing
