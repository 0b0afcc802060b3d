#!/bin/bash
# Issue 13 (round 3): the progress view's timeline and the "I lost my
# number" list write dates as every other date on the screen, in the
# site's time zone and the screen's language ("2026年12月3日 星期四" /
# "Thursday, 3 December 2026"), never as stored (2026-12-03).  A step
# taken at 17:31 UTC on 2 December is the 3rd in Pujiang.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

field() { jq -r ".$2" <<<"$1"; }
j=$(jrc file --category LAB --division 330726100201 --name 王小明 --id-number "$(t_id 33072619700101002)" \
	--phone 13812345678 --text "包工头拖欠工资三个月" --json)
R=$(field "$j" receipt); CODE=$(field "$j" query_code)
JRC_NOW=2026-12-02T17:31:13Z jrc move "$R" accepted >/dev/null; ok $? "accepted at 01:31 local on the 3rd"
JRC_NOW=2026-12-08T09:00:00+08:00 jrc move "$R" answered --answer "已责令包工头于12月20日前发放工资。" >/dev/null
ok $? "answered on the 8th"
K_NOW=2026-12-09T10:00:00+08:00

k_start 80 24 xterm-256color --lang zh
tm_wait '查询办理进度'; ok $? "home screen"
tm_keys "$(k_num '查询办理进度')"
tm_wait '我有受理编号'
tm_keys 1
tm_wait '回执编号'
tm_type "$R"
tm_keys Enter
tm_keys 1
tm_type "$CODE"
tm_keys Enter
tm_wait '办理经过'; ok $? "the progress view"
scr=$(tm_screen)
like "$scr" '2026年11月29日 星期日  登记' "the filing in the screen's date format"
like "$scr" '2026年12月3日 星期四  受理' "the step on its local day (17:31 UTC on the 2nd)"
like "$scr" '2026年12月8日 星期二  答复' "the answer"
like "$scr" '书面答复（2026年12月8日 星期二）' "the written answer's date too"
unlike "$scr" '2026-1[12]-[0-9]' "no stored date shown"
tm_keys F2
tm_wait 'What has happened so far'; ok $? "in English after F2"
scr=$(tm_screen)
like "$scr" 'Thursday, 3 December 2026  Taken on' "the step in the English date format"
tm_keys Down Down Down
tm_wait 'The written answer'; ok $? "Down shows the written answer"
like "$(tm_screen)" 'The written answer \(Tuesday, 8 December 2026\)' "the answer's date in English"
unlike "$scr" '2026-1[12]-[0-9]' "no stored date shown"
k_stop

# "I lost my number": the list of matters found, at 80 columns in English.
k_start 80 24 xterm-256color --lang en
tm_wait 'Check the progress of a matter'
tm_keys "$(k_num 'Check the progress of a matter')"
tm_wait 'I lost my number'
tm_keys 2
tm_wait 'Resident ID number'
tm_type "$(t_id 33072619700101002)"
tm_keys Tab
tm_type 13812345678
tm_keys Enter
tm_wait 'Matters filed with this ID number and phone'; ok $? "found by ID number and phone"
scr=$(tm_screen)
like "$scr" "$R +filed Sunday, 29 November 2026" "filed on, in the English date format"
like "$scr" 'Answered' "the state is not cut off by the longer date"
unlike "$scr" '2026-11-29' "no stored date shown"
tm_keys F2
tm_wait '用这个身份证号和电话登记的事项'
like "$(tm_screen)" '2026年11月29日 星期日' "and in Chinese"
k_stop
done_testing
