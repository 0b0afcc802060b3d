#!/bin/bash
# Issue 21 part 1: the citizen's progress view shows the public hearing on
# their matter (date, time, place) while it is to come, and once it is
# recorded its result in plain words; read-only, in Chinese and English.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

field() { jq -r ".$2" <<<"$1"; }
j=$(jrc file --category LAB --division 330726100201 --name 王小明 --id-number "$(t_id 33072619700101002)" \
	--phone 13812345678 --text "包工头拖欠工资三个月" --json)
R=$(field "$j" receipt); CODE=$(field "$j" query_code)
printf 'password 1\n' | jrc staff add S01 --name 王督查 --role supervisor >/dev/null
JRC_NOW=2026-12-01T09:00:00+08:00 jrc move "$R" accepted --staff S01 >/dev/null; ok $? "accepted"
JRC_NOW=2026-12-01T09:10:00+08:00 jrc hearing add "$R" --date 2026-12-10 --time 09:30 \
	--place "县信访局三楼评议室" --representative "人社局 李科长" --panel P01,P03,P04 --staff S01 >/dev/null
ok $? "a hearing scheduled for the 10th"

open_view() {
	tm_keys "$(k_num "$1")"
	tm_wait "$2"
	tm_keys 1
	tm_wait "$3"
	tm_type "$R"
	tm_keys Enter
	tm_keys 1
	tm_type "$CODE"
	tm_keys Enter
}

K_NOW=2026-12-02T10:00:00+08:00
k_start 80 24 xterm-256color --lang zh
tm_wait '查询办理进度'; ok $? "home screen"
open_view '查询办理进度' '我有受理编号' '回执编号'
tm_wait '公开评议'; ok $? "the progress view names the hearing"
scr=$(tm_screen)
like "$scr" '2026年12月10日 星期四 09:30，县信访局三楼评议室' "its day, time and place"
tm_keys F2
tm_wait 'Public hearing on your matter'; ok $? "in English after F2"
like "$(tm_screen)" 'Thursday, 10 December 2026 at 09:30, 县信访局三楼评议室' "the day in English"
k_stop

JRC_NOW=2026-12-10T11:00:00+08:00 jrc hearing record 1 --attended "王小明；李科长；评议员三名" \
	--citizen-said "工资没拿到" --department-said "已责令支付" --staff S01 \
	P01=unreasonable:尚未到账 P03=unreasonable:未跟踪落实 P04=basic:已督促 >/dev/null
ok $? "recorded: two of three find the handling unreasonable"
K_NOW=2026-12-11T10:00:00+08:00
k_start 80 24 xterm-256color --lang en
tm_wait 'Check the progress of a matter'
open_view 'Check the progress of a matter' 'I have my number' 'Receipt number'
tm_wait 'Result of the public hearing'; ok $? "the result once recorded"
scr=$(tm_screen)
like "$scr" 'Result of the public hearing \(Thursday, 10 December 2026\)' "with its day"
like "$(tm_screen | tr -s ' \n' ' ')" 'did not handle your matter reasonably' "in plain words"
unlike "$scr" '尚未到账|Fang Guohua|方国华' "no panel member's name or reason"
k_stop
done_testing
