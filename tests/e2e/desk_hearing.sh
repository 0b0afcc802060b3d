#!/usr/bin/env bash
# Issue 21 part 1 at the desk: a supervisor opens "Public hearing" on a
# case, picks three panel members from the list (the member of the
# department concerned is not offered), schedules it through the form,
# and on its day sets each opinion by number and records it; the timeline
# shows the hearing in words.  A handler is not offered the action.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
printf 'secret123\n' | jrc staff add S001 --name 王五 --role supervisor >/dev/null
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
R=$(t_file_one "老板拖欠工资三个月")
jrc move "$R" accepted --staff S001 >/dev/null; ok $? "a case taken on by RSJ"

desk() {
	tm_start 80 24 env JRC_DB="$JRC_DB" JRC_NOW="$1" JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" \
		JRC_DATA="$JRC_DATA" TERM=xterm-256color "$JRC" desk --lang "$2"
	tm_wait "$3" 10
	tm_type "$4"; tm_keys Tab; tm_type secret123; tm_keys Enter
}
open_case() {
	tm_keys /
	tm_type "$R"; tm_keys Enter
	tm_wait "^ +$R" 5
	tm_keys Enter
	tm_wait "$1" 5
}

desk 2026-11-29T10:00:00+08:00 en "Staff ID" H001
tm_wait "Front desk: 李四" 10; ok $? "the handler logs in"
open_case "Timeline"
unlike "$(tm_screen)" "Public hearing" "a handler is not offered a hearing"
tm_stop

desk 2026-11-29T10:00:00+08:00 en "Staff ID" S001
tm_wait "Front desk: 王五" 10; ok $? "the supervisor logs in"
open_case "Public hearing"; ok $? "the case offers a public hearing"
n=$(tm_screen | grep -o '[0-9] Public hearing' | head -1 | cut -c1)
tm_keys "$n"
tm_wait "Schedule a public hearing" 5; ok $? "the hearing screen"
scr=$(tm_screen)
like "$scr" "1 \[ \] Fang Guohua" "panel members are listed to pick"
unlike "$scr" "Wu Haijun" "the member from the department concerned is not offered"
tm_keys Enter
tm_wait "at least 3" 5; ok $? "Enter with none picked says to pick three"
tm_keys 1 3 4
tm_wait "3 chosen" 5; ok $? "three picked by number"
tm_keys Enter
tm_wait "Date \(YYYY-MM-DD\)" 5; ok $? "the form asks when and where"
tm_type 2026-12-05; tm_keys Tab; tm_type 09:30; tm_keys Tab; tm_type "County hall, room 3"
tm_keys Tab; tm_type "Li, HR bureau"; tm_keys Tab; tm_keys Enter
tm_wait "Case PJ[0-9-]+ was filed without a name" 5; ok $? "an anonymous case: the form says who must come"
tm_type "Chen"; tm_keys Enter
tm_wait "Hearing scheduled for 2026-12-05\\." 5; ok $? "scheduled"
tm_wait "P prints the notice" 5; ok $? "the screen shows the hearing to come"
tm_stop
is "$(sqlite3 "$JRC_DB" "SELECT group_concat(member) FROM hearing_panel")" "P01,P03,P04" "with the three picked"

desk 2026-12-05T11:00:00+08:00 zh "工号" S001
tm_wait "前台：王五" 10
open_case "公开评议"
n=$(tm_screen | grep -o '[0-9] 公开评议' | head -1 | cut -c1)
tm_keys "$n"
tm_wait "按评议员的序号" 5; ok $? "on its day the screen asks for the opinions"
tm_keys 3 3
tm_wait "3  不合理" 5; ok $? "the third member's number twice: unreasonable"
like "$(tm_screen)" "按这些意见的结论：多数意见：合理" "the conclusion is shown as the opinions change"
tm_keys Enter
tm_wait "到场人员" 5; ok $? "the record form"
tm_type "陈某，李科长，评议员三名"; tm_keys Tab
tm_type "工资没拿到"; tm_keys Tab
tm_type "已责令支付"; tm_keys Enter
tm_wait "W：" 5; ok $? "back on the hearing screen, the reasons next"
tm_keys Enter
tm_wait "每位评议员的理由" 5; ok $? "a field per member for the reason"
like "$(tm_screen)" "方国华" "named"
tm_type "依法处理"; tm_keys Tab; tm_type "程序略慢"; tm_keys Tab; tm_type "尚未到账"; tm_keys Enter
tm_wait "评议已记录" 5; ok $? "recorded"
tm_keys Escape
tm_wait "事项 $R" 5; ok $? "back on the case screen"
tm_keys End
tm_wait "评议结论" 5; ok $? "the timeline gives the conclusion in words"
scr=$(tm_screen)
like "$scr" "结论：多数意见：合理" "the conclusion itself"
unlike "$scr" "hearing_|conclusion:|opinion:" "no raw event kinds or English keys"
tm_stop
is "$(sqlite3 "$JRC_DB" "SELECT conclusion FROM hearings")" "reasonable" "two 合理, one 不合理: reasonable"
is "$(sqlite3 "$JRC_DB" "SELECT group_concat(reason, '|') FROM hearing_panel")" "依法处理|程序略慢|尚未到账" "each reason kept"
out=$(jrc verify); ok $? "verify is clean"
done_testing
