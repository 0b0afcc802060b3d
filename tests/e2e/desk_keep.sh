#!/usr/bin/env bash
# Issue 13 at the desk: Esc in the answer box asks before throwing the
# answer away; the idle warning speaks to staff and logs out at the end of
# its countdown when a case is open; an assisted filing from the kiosk's
# staff entry returns to the worklist, still logged in.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
R1=$(t_file_one "老板拖欠工资三个月")
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
# Three more for the worklist's order: filed so that newest-first and
# deadline-first differ.
X=$(JRC_NOW=2026-11-25T10:00:00+08:00 jrc file --category NEI --division 330726001 --anonymous --text "邻居漏水")
Y=$(JRC_NOW=2026-11-05T10:00:00+08:00 jrc file --category NEI --division 330726001 --anonymous --text "邻居噪音")
Z=$(JRC_NOW=2026-11-15T10:00:00+08:00 jrc file --category NEI --division 330726001 \
	--name 王小明 --id-number "$(t_id 33072619800101001)" --phone 13812345678 --text "邻居占道")
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
tm_stop() {
	local i=0
	tm kill-server >/dev/null 2>&1
	while tm list-sessions >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
}
login() {
	tm_wait "Staff ID|工号" 5 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
act() {
	local n
	n=$(tm_screen | grep -oE "[0-9] $1" | head -1 | cut -c1)
	[ -n "$n" ] || { echo "# no action '$1' on screen" >&2; return 1; }
	tm_keys "$n"
}

# ---------------------------------------------------------------- Esc in the answer box
tm_start 100 30 $ENV "$JRC" desk --lang en
login H001 secret123
tm_wait "Front desk: 李四" 5
tm_keys Enter
tm_wait "Case $R1" 5
act "Add an internal note"
tm_wait "Note \(staff only\)" 5
tm_keys Escape
tm_wait "Case $R1" 5; ok $? "Esc on an untouched form leaves at once"
act "Add an internal note"
tm_wait "Note \(staff only\)" 5
tm_type "已电话联系群众"
tm_keys Escape
tm_wait "Throw away what you typed" 5; ok $? "Esc with text typed asks first"
tm_keys 1
tm_wait "Note \(staff only\)" 5; ok $? "1 goes back to the form"
like "$(tm_screen)" "已电话联系群众" "with the text kept"
tm_keys Escape; tm_wait "Throw away what you typed" 5
tm_keys 2
tm_wait "Case $R1" 5; ok $? "2 throws it away and returns to the case"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM events WHERE note LIKE '%已电话联系群众%'")" 0 "nothing was saved"
tm_stop

# ---------------------------------------------------------------- idle with a case open
tm_start 100 30 $ENV "$JRC" desk --lang en --idle 10
login H001 secret123
tm_wait "Front desk: 李四" 5
tm_keys Enter
tm_wait "Case $R1" 5
act "Add an internal note"
tm_wait "Note \(staff only\)" 5
tm_type "写了一半"
tm_wait "Still working\?" 20; ok $? "the idle warning at the desk speaks to staff"
like "$(tm_screen)" "the desk logs you" "it says the desk logs out"
unlike "$(tm_screen)" "next person" "not the citizens' warning"
tm_wait "Staff ID" 40; ok $? "at the end of the countdown the desk is logged out"
is "$(sqlite3 "$JRC_DB" "SELECT kind || ' ' || coalesce(note, '') FROM events WHERE actor = 'staff:H001' ORDER BY id DESC LIMIT 1")" \
	"logout idle" "recorded as an idle logout"
tm_stop

# ---------------------------------------------------------------- the worklist's order, search, legend
tm_start 100 30 $ENV "$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 5
order=$(tm_screen | grep -oE 'PJ[0-9]{6}-[0-9]{4}-[0-9]' | tr '\n' ' ')
is "$order" "$Y $Z $X $R1 " "the worklist is sorted by the next deadline, overdue first"
like "$(tm_screen)" "Next deadline first, overdue on top" "and says so"
like "$(tm_screen)" '\* = raised before' "the * mark is explained on the screen"
tm_keys /; tm_type "王小"; tm_keys Enter
tm_wait_gone "$X" 5; ok $? "searching the start of a name"
like "$(tm_screen)" "$Z" "finds 王小明"
is "$(sqlite3 "$JRC_DB" "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE name >= '王小' AND name < '王小' || char(1114111)" | grep -c 'cases_name')" 1 \
	"through the name index, not a scan"
tm_stop

# ---------------------------------------------------------------- the case screen in Chinese
W=$(t_file_one "包工头拖欠工资")
jrc move "$W" accepted --staff H001 --role handler --staff-department RSJ >/dev/null
jrc print "$W" --printer none >/dev/null 2>&1
tm_start 100 40 $ENV "$JRC" desk --lang zh
login D001 secret123
tm_wait "前台：张三" 5
tm_keys /; tm_type "$W"; tm_keys Enter
tm_wait_gone "$X" 5
tm_keys Enter
tm_wait "办理经过" 5; ok $? "the case screen in Chinese"
scr=$(tm_screen)
unlike "$scr" '\((registered|accepted)\)' "no raw state codes"
unlike "$scr" 'county|渠道 cli|skipped|none' "no raw level, channel or print status"
unlike "$scr" '(^| )(due|answer|reason|channel):' "no English keys in the timeline"
like "$scr" '县级' "the level in Chinese"
like "$scr" '渠道：命令行' "the channel in Chinese"
like "$scr" '未打印（没有打印机）' "the print status in Chinese"
like "$scr" '期限：20[0-9]{2}-' "the deadline in the timeline in Chinese"
tm_stop

# ---------------------------------------------------------------- printer none
tm_start 100 30 $ENV "$JRC" desk --lang en --printer none
login D001 secret123
tm_wait "Front desk: 张三" 5
tm_keys /; tm_type "$R1"; tm_keys Enter
tm_wait_gone "$X" 5
tm_keys Enter
tm_wait "Case $R1" 5
act "Reprint the receipt"
tm_wait "No printer is set up here" 5; ok $? "with printer none a reprint says nothing was printed"
unlike "$(tm_screen)" "sent to the printer" "not that it was sent"
tm_keys Escape; tm_wait "Front desk: 张三" 5
tm_keys p
tm_wait "Receipts that did not print" 5
like "$(tm_screen)" "receipts are not printed, so none is listed" "the failed-prints list says why it is empty"
unlike "$(tm_screen)" "Every receipt printed" "instead of all printed"
tm_stop

# ---------------------------------------------------------------- assisted filing from the kiosk
tm_start 100 30 $ENV "$JRC" kiosk --lang en --printer none
tm_wait "Welcome" 5
n=$(tm_screen | grep -oE "[0-9] +Staff only" | head -1 | cut -c1)
tm_keys "$n"
login D001 secret123
tm_wait "Front desk: 张三" 5
tm_keys n
tm_wait "Step 1 of 7" 5
tm_keys 1 Enter
tm_wait "Step 2 of 7" 5; tm_keys 1 Enter
tm_wait "Not in the list" 5; tm_keys 1
tm_wait "Step 3 of 7" 5; tm_keys 1
CID=$(t_id 33072619560301001)
tm_wait "> Name" 5; tm_type "陈老汉"; tm_keys Enter
tm_keys Enter
tm_wait "> ID card number" 5; tm_type "$CID"; tm_keys Enter
tm_type "13812345678"; tm_keys Enter
tm_wait "Text messages" 5; tm_keys 2
tm_wait "Step 4 of 7" 5; tm_type "代群众登记：欠薪三个月"; tm_keys Enter
tm_wait "Step 5 of 7" 5; tm_keys Enter
tm_wait "Step 6 of 7" 5; tm_keys Enter
tm_wait "Step 7 of 7" 5
scr=$(tm_screen)
like "$scr" "陈老汉 +ID $CID +phone 13812345678" "the clerk's review shows the whole entry to check"
tm_keys Enter
tm_wait "Press Enter when you have noted the numbers" 10; ok $? "filed from the kiosk's staff entry"
i=0
while ! tm_screen | grep -q "Front desk: 张三" && [ $i -lt 20 ]; do
	tm_keys Enter; tm_wait "Front desk: 张三" 1 2>/dev/null; i=$((i + 1))
done
tm_wait "Front desk: 张三" 5; ok $? "after the receipt the clerk is back on the worklist"
unlike "$(sqlite3 "$JRC_DB" "SELECT kind FROM events WHERE actor = 'staff:D001' ORDER BY id DESC LIMIT 1")" logout \
	"and still logged in"
tm_stop
done_testing
