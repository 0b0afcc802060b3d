#!/usr/bin/env bash
# Issue 13 at the desk: today's appointments (A on the worklist): who
# comes when, to whom and which room, for which case, arrived or not; the
# clerk marks a citizen arrived (Enter twice, or from the case), which is
# an "arrived" event covering its row, held by jrc verify.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
# Booked on Monday morning for Monday: M01 at 09:00, M02 at 14:00.
export JRC_NOW=2026-11-30T08:00:00+08:00
RA=$(jrc file --category NEI --division 330726001 --name 王小明 --id-number "$(t_id 33072619800101001)" \
	--phone 13812345678 --text "邻居占道")
RB=$(jrc file --category LAB --division 330726100201 --anonymous --text "老板拖欠工资三个月")
RC=$(jrc file --category LAB --division 330726100201 --anonymous --text "明天再来的一件")
jrc book "$RA" --host M01 --slot 2026-11-30T09:00 >/dev/null; ok $? "booked 09:00 with M01"
jrc book "$RB" --host M02 --slot 2026-11-30T14:00 >/dev/null; ok $? "booked 14:00 with M02"
jrc book "$RC" --host M02 --slot 2026-12-01T14:00 >/dev/null 2>&1 ||
	jrc book "$RC" --host M02 >/dev/null
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
export JRC_NOW=2026-11-30T10:00:00+08:00
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
arrivals() { sqlite3 "$JRC_DB" "SELECT count(*) FROM arrivals"; }

# ---------------------------------------------------------------- Chinese, 80x24
tm_start 80 24 $ENV "$JRC" desk --lang zh
login D001 secret123
tm_wait "前台：张三" 10; ok $? "logged in"
like "$(tm_screen)" "今日预约 2 人，已到 0 人" "the worklist says who is expected today"
tm_keys a
tm_wait "今日预约，" 5; ok $? "A opens today's appointments"
scr=$(tm_screen)
like "$scr" "09:00 +王小明 +$RA +张晓红" "who comes when, for which case, to whom"
like "$scr" "14:00 +匿名 +$RB +陈建国" "an anonymous citizen too"
like "$scr" "人民调解室|调解室" "and the room"
unlike "$scr" "$RC" "tomorrow's appointment is not today's"
like "$(tm_screen | grep "$RA")" "逾时未到" "the 09:00-09:30 citizen did not come in time: a no-show"
like "$(tm_screen)" "1 人逾时未到" "  counted above the list"
like "$(tm_screen | grep "$RB")" "未到" "the 14:00 citizen has not arrived yet"
tm_keys Enter
tm_wait "再按一次回车，登记王小明" 5; ok $? "one Enter asks before recording the arrival"
is "$(arrivals)" 0 "nothing recorded yet"
tm_keys Down
tm_wait_gone "再按一次回车" 5; ok $? "another key does not record it"
tm_keys Up Enter
tm_wait "再按一次回车，登记王小明" 5
tm_keys Enter
tm_wait "王小明 已登记到场" 5; ok $? "Enter twice marks the citizen arrived"
like "$(tm_screen | grep "$RA")" "10:00 已到" "the list shows the time of arrival"
like "$(tm_screen)" "共 2 人预约，已到 1 人，未到 1 人" "and counts it"
is "$(sqlite3 "$JRC_DB" "SELECT e.actor || ' ' || e.kind FROM events e JOIN cases c ON c.id = e.case_id WHERE c.receipt = '$RA' ORDER BY e.id DESC LIMIT 1")" \
	"staff:D001 arrived" "recorded as an arrived event by the clerk"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM events WHERE kind = 'arrived' AND payload LIKE '%\"arrivals\"%'")" 1 \
	"the event carries the arrivals row"
tm_keys Enter
tm_wait "已经登记过" 5; ok $? "a second mark is refused with a sentence"
is "$(arrivals)" 1 "and changes nothing"
tm_keys o
tm_wait "事项 $RA" 5; ok $? "O opens the case"
like "$(tm_screen)" "预约 .*张晓红" "whose booking"
like "$(tm_screen)" "10:00 已到" "says the citizen arrived"
tm_keys Escape
tm_wait "今日预约，" 5; ok $? "Esc goes back to today's appointments"
tm_keys Escape
tm_wait "前台：张三" 5
tm_stop

# ---------------------------------------------------------------- who may, and on which day
tm_start 80 24 $ENV "$JRC" desk --lang en
login H001 secret123
tm_wait "Front desk: 李四" 10
tm_keys a
tm_wait "Today's appointments" 5
tm_keys Down
tm_wait "> |14:00" 2 >/dev/null 2>&1
tm_keys Enter
tm_wait "Press Enter again to mark the anonymous citizen" 5
tm_keys Enter
tm_wait "Your role \(handler\) is not allowed" 5; ok $? "a handler may not mark arrivals"
is "$(arrivals)" 1 "and nothing is recorded"
tm_stop
# ---------------------------------------------------------------- from the case
tm_start 80 24 $ENV "$JRC" desk --lang zh
login D001 secret123
tm_wait "前台：张三" 10
# The other one, from its case.
tm_keys /; tm_type "$RB"; tm_keys Enter
tm_wait_gone "$RA" 5
tm_keys Enter
tm_wait "事项 $RB" 5
like "$(tm_screen)" "未到" "the case screen says the citizen is not here yet"
n=$(tm_screen | grep -oE "[0-9] 群众已到场" | head -1 | cut -c1)
[ -n "$n" ]; ok $? "the case offers to mark the arrival"
tm_keys "${n:-9}"
tm_wait "已登记到场：请通知陈建国" 5; ok $? "marked from the case"
is "$(arrivals)" 2 "two arrivals"
tm_stop

# ---------------------------------------------------------------- English, 120x40
tm_start 120 40 $ENV "$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 10
like "$(tm_screen)" "Today: 2 appointments, 2 arrived \(A\)" "the worklist in English"
tm_keys a
tm_wait "Today's appointments" 5
like "$(tm_screen)" "09:00-09:30 +王小明 +$RA +Zhang Xiaohong +Mediation room 1 +arrived 10:00" \
	"at 120 columns the time range, the helper and the whole room"
tm_stop

tm_start 80 24 env JRC_DB="$JRC_DB" JRC_NOW="$JRC_NOW" JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" TERM=xterm-256color \
	"$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 10
tm_keys /; tm_type "$RC"; tm_keys Enter
tm_wait_gone "$RA" 5
tm_keys Enter
tm_wait "Case $RC" 5
unlike "$(tm_screen)" "[0-9] Citizen has arrived" "an appointment on another day cannot be marked today"
tm_stop

# ---------------------------------------------------------------- the record holds them
out=$(jrc verify 2>&1); ok $? "jrc verify: the arrivals agree with the log"
sqlite3 "$JRC_DB" "$(t_drop_trigger arrivals_no_update) UPDATE arrivals SET arrived_at = '2026-11-30T01:30:00Z' WHERE case_id = (SELECT id FROM cases WHERE receipt = '$RA')"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "an arrival changed behind the program's back fails verify"
like "$out" "Case $RA: arrivals.arrived_at is not what event" "naming the case and the field"
done_testing
