#!/usr/bin/env bash
# jrc desk in a real terminal: log in (a wrong password: one sentence and
# a wait at this terminal), find a case by its receipt number, accept it, answer it, see the
# timeline; roles decide the actions offered; overdue cases are marked in
# words; the kiosk's staff entry opens the same login and logout returns.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
R1=$(t_file_one "老板拖欠工资三个月")
R2=$(t_file_one "另一件欠薪")
R3=$(jrc file --category NEI --division 330726001 --anonymous --text "邻居漏水")
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"

desk() { tm_start 100 30 $ENV "$JRC" desk --lang en "$@"; }
login() {
	tm_wait "Staff ID" 5 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
# act LABEL: press the number the case screen shows in front of LABEL.
act() {
	local n
	n=$(tm_screen | grep -oE "[0-9] $1" | head -1 | cut -c1)
	[ -n "$n" ] || { echo "# no action '$1' on screen" >&2; return 1; }
	tm_keys "$n"
}

# ---------------------------------------------------------------- login
desk
login H001 "wrong one"
tm_wait "is wrong, or the account cannot be used" 5; ok $? "a wrong password: one sentence, no tries count"
unlike "$(tm_screen)" "wrong one" "no password is ever shown"
tm_type "secret123"; tm_keys Enter
tm_wait "Front desk: 李四" 15; ok $? "the right password, typed during the wait, logs in when it ends"
like "$(tm_screen)" "$R1" "the handler's worklist has the RSJ case"
unlike "$(tm_screen)" "$R3" "and not another department's"
is "$(sqlite3 "$JRC_DB" "SELECT group_concat(kind) FROM events WHERE actor = 'staff:H001'")" \
	"login_failed,login" "the failure and the login are events"
is "$(sqlite3 "$JRC_DB" "SELECT failed_count FROM staff WHERE id = 'H001'")" 0 \
	"a failure at a terminal does not count against the account"

# ---------------------------------------------------------------- find, accept, answer
tm_keys /
tm_type "$(printf '%s' "$R2" | tr 'A-Z' 'a-z' | tr -d -)"; tm_keys Enter
tm_wait_gone "$R1" 5; ok $? "searching by receipt number (as typed) leaves the others out"
like "$(tm_screen)" "$R2" "and shows the case"
tm_keys Enter
tm_wait "Case $R2" 5; ok $? "Enter opens the case"
like "$(tm_screen)" "另一件欠薪" "with what the citizen said"
act Accept; ok $? "Accept is offered to the department's handler"
tm_wait "Press Enter to do this now" 5
tm_keys Enter
tm_wait "is now 'accepted'" 5; ok $? "accepted"
act Answer; ok $? "Answer is offered next"
tm_wait "Written answer" 5; ok $? "it asks for the written answer"
tm_keys Enter
tm_wait "answer" 5
tm_type "已责令用人单位十日内支付工资。"; tm_keys Enter
tm_wait "is now 'answered'" 5; ok $? "answered"
like "$(tm_screen)" "accepted -> answered" "the timeline shows the answer"
like "$(tm_screen)" "已责令用人单位十日内支付工资" "and its text"
is "$(sqlite3 "$JRC_DB" "SELECT state FROM cases WHERE receipt = '$R2'")" answered "the case is answered in the database"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM events e JOIN cases c ON c.id = e.case_id WHERE c.receipt = '$R2' AND e.kind = 'transition' AND e.actor = 'staff:H001'")" 2 \
	"both moves are recorded as by staff:H001"
tm_keys PageUp PageUp PageUp
tm_wait "Timeline" 5
like "$(tm_screen)" "Filed" "the timeline starts with the filing"

# An internal note.
act "Add an internal note"; ok $? "a note can be added"
tm_wait "Note \(staff only\)" 5
tm_type "已电话联系，群众同意等待。"; tm_keys Enter
tm_wait "Citizens never see it" 5; ok $? "the note is saved"
like "$(tm_screen)" "Internal note" "and in the timeline, marked internal"
tm_keys Escape
tm_wait "Front desk: 李四" 5; ok $? "Esc goes back to the worklist"
like "$(tm_screen)" "$R2.*answered" "which shows the new state"

# Log out.
tm_keys q
tm_wait "Staff ID" 5; ok $? "Q logs out to the login"
like "$(sqlite3 "$JRC_DB" "SELECT kind FROM events WHERE actor = 'staff:H001' ORDER BY id DESC LIMIT 1")" logout "logout is an event"
tm_stop

# ---------------------------------------------------------------- desk role, reprint
desk --printer "file:$T_DIR/receipts.bin"
login D001 secret123
tm_wait "Front desk: 张三" 5; ok $? "desk staff log in"
like "$(tm_screen)" "$R3" "desk staff see every department"
tm_keys /; tm_type "$R1"; tm_keys Enter
tm_wait_gone "$R3" 5
tm_keys Enter
tm_wait "Case $R1" 5
unlike "$(tm_screen)" "[0-9] Accept" "desk staff are not offered Accept"
like "$(tm_screen)" "[0-9] Correct the intake details" "but may correct the intake"
act "Reprint the receipt"
tm_wait "sent to the printer" 5; ok $? "reprint"
[ -s "$T_DIR/receipts.bin" ]; ok $? "the receipt reached the printer"
tm_stop

# ---------------------------------------------------------------- assisted filing
desk
login D001 secret123
tm_wait "Front desk: 张三" 5
tm_keys n
tm_wait "Step 1 of 7" 5; ok $? "N opens the kiosk wizard for the citizen"
tm_keys 1 Enter
tm_wait "Step 2 of 7" 5
tm_keys 1 Enter
tm_wait "Not in the list" 5
tm_keys 1
tm_wait "Step 3 of 7" 5
tm_keys 2
tm_wait "Yes, report anonymously" 5
tm_keys 1
tm_wait "Step 4 of 7" 5
tm_type "代群众登记：欠薪"; tm_keys Enter
tm_wait "Step 5 of 7" 5; tm_keys Enter
tm_wait "Step 6 of 7" 5
n=$(tm_screen | grep -oE "[0-9] +No help needed" | head -1 | cut -c1)
tm_keys "$n"
tm_wait "Step 7 of 7" 5; tm_keys Enter
tm_wait "Press Enter when you have noted the numbers" 10; ok $? "the case is filed"
R4=$(sqlite3 "$JRC_DB" "SELECT receipt FROM cases WHERE text = '代群众登记：欠薪'")
is "$(sqlite3 "$JRC_DB" "SELECT channel || ' ' || staff_id FROM cases WHERE receipt = '$R4'")" "desk D001" \
	"recorded as channel desk with the staff ID"
is "$(sqlite3 "$JRC_DB" "SELECT actor FROM events WHERE kind = 'filed' AND case_id = (SELECT id FROM cases WHERE receipt = '$R4')")" \
	"staff:D001" "the filing event is by staff:D001"
# The receipt ignores Enter for a moment (a held key must not skip it):
# press Enter now and then until the desk is back.
i=0
while ! tm_screen | grep -q "Front desk: 张三" && [ $i -lt 20 ]; do
	tm_keys Enter; tm_wait "Front desk: 张三" 1 2>/dev/null; i=$((i + 1))
done
tm_wait "Front desk: 张三" 5; ok $? "after the receipt the desk is back, still logged in"
like "$(tm_screen)" "$R4" "with the new case in the worklist"
tm_stop

# ---------------------------------------------------------------- overdue
tm_start 100 30 env JRC_DB="$JRC_DB" JRC_NOW=2026-12-20T09:00:00+08:00 JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" \
	"$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 5
like "$(tm_screen)" "$R1.*OVERDUE 6 d" "an overdue case is marked OVERDUE in words"
tm_keys o
tm_wait_gone "$R2" 5; ok $? "O shows only overdue cases"
like "$(tm_screen)" "$R1" "the overdue one stays"
tm_stop

# ---------------------------------------------------------------- disabled meanwhile
desk
login D001 secret123
tm_wait "Front desk: 张三" 5
jrc staff disable D001 >/dev/null
tm_keys Enter
tm_wait "Staff ID" 5; ok $? "an account disabled while logged in is logged out at its next action"
like "$(tm_screen)" "disabled" "saying why"
jrc staff enable D001 >/dev/null
tm_stop

# ---------------------------------------------------------------- from the kiosk
tm_start 100 30 $ENV "$JRC" kiosk --lang en
tm_wait "Welcome" 5
n=$(tm_screen | grep -oE "[0-9] +Staff only" | head -1 | cut -c1)
[ -n "$n" ]; ok $? "the kiosk home has a staff entry"
tm_keys "$n"
login D001 secret123
tm_wait "Front desk: 张三" 5; ok $? "it opens the same login"
tm_keys q
tm_wait "Welcome" 5; ok $? "logging out returns to the kiosk home"
tm_stop
done_testing
