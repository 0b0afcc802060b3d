#!/usr/bin/env bash
# Issue 13 at the desk: the case screen in Chinese has no raw codes and no
# English (departments and categories by name, who did what in words, the
# notes of lookups, verdicts, bookings, redirections and corrections
# translated, times local in the screen's format); the action bar breaks
# between actions at 80 columns, never inside one; a printer's fault
# reaches staff in its own words while the citizen gets a plain one.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
printf 'secret123\n' | jrc staff add S001 --name 王五 --role supervisor >/dev/null
R=$(jrc file --category LAB --division 330726100201 --anonymous --text "老板拖欠工资三个月" --channel desk --staff D001)
CODE=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$R'")
jrc move "$R" accepted --staff H001 --role handler --staff-department RSJ >/dev/null
jrc book "$R" --host M02 >/dev/null && jrc rebook "$R" --host M01 >/dev/null
ok $? "booked, then moved to another mediator"
jrc move "$R" answered --answer "已责令支付工资。" >/dev/null
jrc print "$R" --printer none >/dev/null 2>&1
# Five wrong codes within an hour: the phone digits are locked.
WRONG=$(printf '%06d' $(( (10#$CODE + 1) % 1000000 )))
for m in 01 02 03 04 05; do
	JRC_NOW=2026-11-29T11:$m:00+08:00 jrc status "$R" --code "$WRONG" >/dev/null 2>&1
done
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM events WHERE kind = 'lookup_locked'")" 1 "the lookups are locked"
JRC_NOW=2026-11-29T11:10:00+08:00 jrc feedback "$R" --code "$CODE" --verdict unsatisfied --comment "还没拿到钱" >/dev/null
ok $? "a verdict"
RX=$(jrc file --category NEI --division 330726001 --anonymous --text "邻居漏水")
jrc move "$RX" redirected --department XFJ --reason "不属本部门" >/dev/null; ok $? "a redirection"
RY=$(jrc file --category NEI --division 330726001 --anonymous --text "邻居噪音")
export JRC_NOW=2026-11-29T12:00:00+08:00
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
open_case() {
	tm_keys /
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do tm_keys BSpace; done
	tm_type "$1"; tm_keys Enter
	tm_wait "^ +$1" 5 || return 1
	tm_keys Enter
	tm_wait "$2 $1" 5
}
# The case screens are read whole in a tall terminal (80 columns wide).
# ---------------------------------------------------------------- the case in Chinese
tm_start 80 70 $ENV "$JRC" desk --lang zh
login S001 secret123
tm_wait "前台：王五" 10
open_case "$R" "事项"; ok $? "the case screen"
tm_wait "办理经过" 5
scr=$(tm_screen)
body=$(printf '%s\n' "$scr" | sed -n '/^  事项 /,$p' | grep -vE '^ (1-9 办理|回车)' | grep -vE 'F1 帮助|浦江县信访')
like "$body" "劳动就业与欠薪" "the category by name"
unlike "$body" "\(LAB\)" "without its code"
like "$body" "县人力资源和社会保障局，2 号窗口" "the department by name"
unlike "$body" "RSJ|XFJ" "no department codes"
unlike "$body" "staff:|(^| )cli( |$)|(^| )kiosk( |$)" "no raw actor names"
like "$body" "李四（H001）" "staff by name"
like "$body" "经办人：张三（D001）" "the clerk who filed it by name"
like "$body" "命令行" "the command line in words"
unlike "$body" "[0-9]T[0-9]{2}:[0-9]{2}:[0-9]{2}Z" "no UTC times"
like "$body" "一小时内查询 $R 输错 5 次：2026-11-29 12:05 前不再接受电话" "the lock in words, its time local"
like "$body" "不满意：还没拿到钱" "the verdict in words"
like "$body" "改约：陈建国（人民调解员），2026-11-30 14:00-14:30，劳动争议调解室 -> 张" \
	"the booking moved, helpers by name and kind"
like "$body" "晓红（人民调解员），2026-11-30 09:00-09:30，人民调解室 1" "to the other one"
unlike "$body" "M0[12] " "no helper codes"
unlike "$body" "(due|answer|reason|channel|booked|moved|department):" "no English keys"
words=$(printf '%s\n' "$body" | grep -oE '[A-Za-z]{3,}' | grep -vE '^(Esc)$' | sort -u | tr '\n' ' ')
is "$words" "" "no English words on the case screen"
tm_keys Escape
tm_wait "前台：王五" 5
open_case "$RX" "事项"
tm_wait "办理经过" 5
scr=$(tm_screen)
like "$scr" "部门：司法局 -> 信访局" "a redirection names both departments"
# A correction of the intake.
tm_keys Escape
tm_wait "前台：王五" 5
open_case "$RY" "事项"
tm_wait "办理经过" 5
n=$(tm_screen | grep -oE "[0-9] 更正登记信息" | head -1 | cut -c1)
tm_keys "${n:-9}"
tm_wait "更正登记信息" 5
tm_keys End; tm_type "，已修好"; tm_keys Tab Enter
tm_wait "已更正" 5
tm_wait "更正登记信息（原值）" 5
scr=$(tm_screen)
like "$scr" "反映事项：邻居噪音$" "the corrected field by its Chinese name with the old value"
tm_stop

# ---------------------------------------------------------------- the action bar at 80 columns
tm_start 80 24 $ENV "$JRC" desk --lang en
login S001 secret123
tm_wait "Front desk: 王五" 10
RA=$(jrc file --category LAB --division 330726100201 --anonymous --text "又一件欠薪")
jrc move "$RA" accepted >/dev/null
tm_keys r
tm_wait "$RA" 5
open_case "$RA" "Case"
bar=$(tm_screen | grep -E '^ +[0-9] [A-Z]')
for a in "Extend the time limit" "Start mediation" "Answer" "Add an internal note" "Reprint the receipt"; do
	like "$bar" "[0-9] $a" "'$a' whole on one line"
done
unlike "$(tm_screen | grep -E '^ +(note|receipt|limit)$')" "." "no action's last word alone on a line"
tm_stop

# ---------------------------------------------------------------- the printer's fault
jrc print "$RA" --printer tcp://127.0.0.1:1 >/dev/null 2>&1
tm_start 80 24 $ENV "$JRC" desk --lang zh --printer tcp://127.0.0.1:1
login D001 secret123
tm_wait "前台：张三" 10
like "$(tm_screen)" "1 张回执没有打印出来（P）。" "the worklist tells the desk a receipt did not print"
open_case "$RA" "事项"
like "$(tm_screen)" "最近打印.*127\.0\.0\.1:1" "the case shows the printer's own words"
n=$(tm_screen | grep -oE "[0-9] 补打回执" | head -1 | cut -c1)
tm_keys "${n:-9}"
tm_wait "127\.0\.0\.1:1" 10; ok $? "a failed reprint says what the printer did"
unlike "$(tm_screen)" "catalogue" "with the catalogue in place nothing is said of it"
tm_stop

# ---------------------------------------------------------------- no Chinese catalogue
tm_start 80 24 env JRC_DB="$JRC_DB" JRC_NOW="$JRC_NOW" JRC_LOCALEDIR="$T_DIR/no-locale" TERM=xterm-256color \
	"$JRC" desk --lang zh
login D001 secret123
tm_wait "Chinese catalogue missing: screens stay in English" 10; ok $? "the desk tells staff the Chinese catalogue is missing"
tm_stop
done_testing
