#!/usr/bin/env bash
# Early warning at the desk: the main screen counts the open alerts; E
# lists them, open first, with plain summaries; Enter shows the cases
# behind one (receipt, category, place, state, no names); a desk clerk
# pressing A is told a supervisor must; a supervisor acknowledges with a
# note, and the alert moves below the open ones.  Readable at 80x24 and
# after a resize.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is needed"
t_init_db
export JRC_NOW=2026-11-20T09:00:00+08:00
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add S001 --name 王主任 --role supervisor >/dev/null
# The shipped rules: five cases of one village and category in 30 days
# (a cluster), and one person filing three times in 30 days (a repeat).
for i in 1 2 3 4 5; do
	jrc file --category ENV --division 330726002201 --anonymous --text "河水发臭 $i" >/dev/null
done
ID=$(t_id 33072619800101001)
for c in LAB SOC HOU; do
	jrc file --category $c --division 330726001201 --name 李四 --id-number "$ID" \
		--phone 13800000001 --text "又来了 $c" >/dev/null
done
is "$(jrc alerts --open --json | jq -c 'map(.rule)')" '["REPEAT","CLUSTER"]' "two alerts are open"
R1=$(jrc alerts --json | jq -r '.[] | select(.rule == "CLUSTER") | .cases[0]')

ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}

tm_start 80 24 $ENV "$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 10; ok $? "a desk clerk logs in"
like "$(tm_screen)" "Open alerts: 2 \(E\)" "the main screen counts the open alerts"
tm_keys e
tm_wait "Early warning: 2 open" 5; ok $? "E opens the alerts"
scr=$(tm_screen)
like "$scr" "#2 OPEN 11-20 09:00 \(3\)  One person: 3 filings \(rule: 3 in" "the repeat alert, newest first"
like "$scr" "#1 OPEN 11-20 09:00 \(5\)  Denggao Village" "the cluster alert with its count and place"
unlike "$scr" "李四|13800000001|$ID" "no name, ID number or phone"
tm_keys Down
tm_wait "^  Denggao Village, Xianhua Subdistrict · Environment: 5 cases \(rule: 5 in 30" 5
ok $? "the chosen alert's whole summary under the list, where the list cuts it"
tm_keys Up
tm_keys a
tm_wait "Only a supervisor acknowledges an alert" 5; ok $? "A tells a clerk that a supervisor must"
is "$(jrc alerts --open --json | jq length)" 2 "and changes nothing"
tm_keys Down Enter
tm_wait "Alert #1: the cases behind it" 5; ok $? "Enter shows the cases behind the cluster alert"
scr=$(tm_screen)
like "$scr" "$R1 +.* +to accept" "each with its receipt, category, place and state"
is "$(printf '%s\n' "$scr" | grep -c 'PJ261120-')" 5 "all five cases"
tm_resize 100 30
tm_wait "Center {30,}Friday" 5 && tm_wait "Alert #1: the cases behind it" 5; ok $? "a resize keeps the screen"
tm_resize 80 24
tm_wait "Center {10,25}Friday" 5 && tm_wait "$R1" 5; ok $? "and back at 80x24 it is readable"
tm_keys Escape
tm_wait "Early warning: 2 open" 5; ok $? "Esc goes back to the alerts"
tm_keys Escape
tm_wait "Front desk: 张三" 5; ok $? "and again to the worklist"
tm_stop
tm_start 80 24 $ENV "$JRC" desk --lang en
login S001 secret123
tm_wait "Front desk: 王主任" 10; ok $? "a supervisor logs in"
tm_keys E
tm_wait "Early warning: 2 open" 5
tm_keys Down a
tm_wait "Acknowledge the alert" 5; ok $? "A asks the supervisor for a note"
tm_keys Enter
tm_wait "The note is missing" 5; ok $? "an empty note is refused"
tm_type "village committee asked to check the river"
tm_keys Enter
tm_wait "Early warning: 1 open" 5; ok $? "the alert is acknowledged"
like "$(tm_screen)" "#1 done 11-20 09:00 \(5\)" "and listed after the open one"
is "$(jrc alerts --json | jq -r '.[] | select(.id == 1) | [.acked_by, .ack_note] | join(":")')" \
	"S001:village committee asked to check the river" "with who and the note"
tm_keys Escape
tm_wait "Open alerts: 1 \(E\)" 5; ok $? "the main screen counts one open alert"
tm_stop
jrc verify >/dev/null; ok $? "verify passes"
done_testing
