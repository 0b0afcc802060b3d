#!/usr/bin/env bash
# The hall's queue: tickets numbered per group per day (A001 ...) and
# again from 1 the next day; four kiosks taking at once get distinct
# numbers without gaps; two windows calling at once never get the same
# ticket; call again, no-show, transfer, serve with a case; every bad
# input refused with a sentence and nothing changed; the --json shape;
# every step in the chain, and verify names a ticket changed behind the
# program's back.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T09:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() { q "SELECT count(*) FROM events; SELECT group_concat(state || coalesce(CAST(at_window AS TEXT), '') || calls, ',') FROM tickets;" | tr '\n' ' '; }
printf 'password 1\n' | jrc staff add D01 --name 张前台 --role desk >/dev/null &&
	printf 'password 1\n' | jrc staff add D02 --name 李前台 --role desk >/dev/null
ok $? "two desk clerks"

is "$(q "SELECT count(*) FROM windows")" 14 "windows.csv is imported with the reference data"
out=$(jrc queue windows); ok $? "jrc queue windows lists them"
like "$out" " 3  B  Medical insurance" "  with number, group and name"

# Numbering per group per day.
is "$(jrc queue take | cut -c1-4)" A001 "a question ticket goes to the general reception, A001"
is "$(jrc queue take --reason question | cut -c1-4)" A002 "the next is A002"
is "$(jrc queue take --group B | cut -c1-4)" B001 "group B counts on its own: B001"
is "$(jrc queue take --group b | cut -c1-4)" B002 "a small letter is the group too"
R=$(t_file_one "工资拖欠三个月")
j=$(jrc queue take --reason filing --case "$R" --json); ok $? "a ticket after filing, for the case's department"
like "$j" '^\{"id":5,"ticket":"B003","day":"2026-11-29","group":"B","number":3,"reason":"filing","state":"waiting","window":null,"windows":\[2,3,4\],"ahead":2,"calls":0,"case":"'"$R"'","department":"RSJ",' "  --json: B003 of the labour bureau's group, two ahead, the case linked"
is "$(q "SELECT count(*) FROM tickets WHERE name IS NOT NULL" 2>/dev/null || echo none)" none "a ticket has no name column: no personal data"
paper=$(jrc print "$R" --printer file:- --format text --lang zh)
like "$paper" "排队号" "the printed receipt carries the queue number"
like "$paper" "B003" "  B003"
like "$paper" "2号窗口 · 前面还有2人" "  with the department's window and the line"
JRC_NOW=2026-11-30T08:30:00+08:00 jrc queue take >/dev/null
is "$(JRC_NOW=2026-11-30T08:31:00+08:00 jrc queue take | cut -c1-4)" A002 "the next day starts again from 1"
is "$(JRC_NOW=2026-11-30T08:31:00+08:00 jrc queue list | wc -l)" 2 "and today's list shows only today's"

# Four kiosks at once: distinct numbers, no gaps.
for k in 1 2 3 4; do
	( for i in 1 2 3 4 5; do jrc queue take --group C >/dev/null || echo fail; done ) >"$T_DIR/take$k" 2>&1 &
done
wait
is "$(cat "$T_DIR"/take?)" "" "twenty tickets taken from four processes at once, none failed"
is "$(q "SELECT count(DISTINCT number) || ' ' || min(number) || ' ' || max(number) FROM tickets WHERE grp = 'C' AND day = '2026-11-29'")" "20 1 20" "  numbered C001 to C020, no gap, no repeat"

# Refusals: a sentence, exit 2, nothing changed.
before=$(dbstate)
bad() {
	local what=$1 pat=$2; shift 2
	out=$(jrc queue "$@" 2>&1); st=$?
	is "$st" 2 "$what is refused"
	like "$out" "$pat" "  and told what to do"
}
bad "an unknown group" "No window of this hall is in group Z" take --group Z
bad "a group that is not a letter" "not a window group" take --group AB
bad "an unknown reason" "use filing, question, help or checkin" take --reason gossip
bad "an unknown case" "PJ261129-0999" take --case "PJ261129-0999-$(t_damm 2611290999)"
bad "calling without a window" "with --window N" call --staff D01
bad "calling without a staff ID" "give your staff ID with --staff" call --window 1
bad "an unknown staff ID" "D99" call --window 1 --staff D99
bad "a window that is no number" "not a window number" call --window x --staff D01
bad "an unknown window" "There is no window 30 in this hall \(windows: 1-14\)" call --window 30 --staff D01
bad "calling an empty queue" "Nobody is waiting for window 8 \(group D\)" call --window 8 --staff D01
bad "an unknown ticket" "No ticket A077 was taken today" recall A077 --staff D01
bad "a ticket that is no ticket" "not a ticket" skip 7x --staff D01
bad "serving a ticket not called" "still waiting, it was not called: call it first" serve A001 --staff D01
bad "a no-show of a ticket not called" "call it first" skip A001 --staff D01
bad "a transfer without a window" "--to-window N" transfer A001 --staff D01
bad "an option of another action" "does not take --window" take --window 3
bad "an unknown action" "take, call, recall, skip, transfer, serve, list or windows" frobnicate
is "$(dbstate)" "$before" "the refusals changed nothing"

# Two windows call at once: never the same ticket.
( jrc queue call --window 2 --staff D01 --json >"$T_DIR/w2" 2>&1 ) &
( jrc queue call --window 3 --staff D02 --json >"$T_DIR/w3" 2>&1 ) &
wait
t2=$(sed -n 's/.*"ticket":"\([A-Z0-9]*\)".*/\1/p' "$T_DIR/w2")
t3=$(sed -n 's/.*"ticket":"\([A-Z0-9]*\)".*/\1/p' "$T_DIR/w3")
like "$t2 $t3" "^B00[12] B00[12]$" "windows 2 and 3 each called a ticket of group B"
isnt_same=$([ "$t2" != "$t3" ] && echo yes)
is "$isnt_same" yes "  not the same one ($t2, $t3)"
is "$(q "SELECT count(*) FROM tickets WHERE state = 'called'")" 2 "  two tickets called"
out=$(jrc queue call --window 2 --staff D01 2>&1); st=$?
is "$st" 2 "a window with a ticket still called cannot call the next"
like "$out" "still called at window 2: serve it, or mark it as not come" "  and is told why"
for k in 1 2 3 4 5 6; do
	( jrc queue call --window $((4 + k % 3 + 1)) --staff D01 >/dev/null 2>&1;
	  jrc queue list --all --json >/dev/null ) &
done
wait
is "$(q "SELECT count(*) FROM tickets WHERE state = 'called' AND grp = 'C'")" 3 "three C windows calling at once call three different tickets"
is "$(q "SELECT count(DISTINCT at_window) FROM tickets WHERE state = 'called' AND grp = 'C'")" 3 "  one at each window"

# Call again, no-show, serve.
B1=$(q "SELECT 'B' || printf('%03d', number) FROM tickets WHERE state = 'called' AND at_window = 2")
j=$(jrc queue recall "$B1" --staff D01 --json); ok $? "call again"
like "$j" '"state":"called","window":2,.*"calls":2' "  calls is 2"
out=$(jrc queue skip "$B1" --staff D01); ok $? "a no-show"
like "$out" "did not come at window 2" "  said so"
bad "calling again a ticket that did not come" "marked as not come" recall "$B1" --staff D01
out=$(jrc queue call --window 2 --staff D01); ok $? "window 2 calls the next after the no-show"
like "$out" "^B003 .*called at window 2  $R" "  B003, the filing ticket, with its case"
j=$(jrc queue serve B003 --staff D01 --json); ok $? "served"
like "$j" '"ticket":"B003",.*"state":"served","window":2,' "  --json says so"
bad "serving twice" "already served" serve B003 --staff D01

# Transfer: the ticket goes to window 4, ahead of the line there.
jrc queue take --group B >/dev/null
B2=$(q "SELECT 'B' || printf('%03d', number) FROM tickets WHERE state = 'called' AND at_window = 3")
bad "a transfer to an unknown window" "There is no window 99" transfer "$B2" --to-window 99 --staff D02
bad "a transfer to its own window" "already at window 3" transfer "$B2" --to-window 3 --staff D02
j=$(jrc queue transfer "$B2" --to-window 4 --staff D02 --json); ok $? "a transfer to window 4"
like "$j" '"ticket":"B005","day":"2026-11-29","group":"B","number":5,"reason":"transfer","state":"waiting","window":4,"windows":\[4\],"ahead":0,' "  a new ticket B005 for window 4 only, first in line"
like "$(jrc queue list --all)" "^$B2 .*sent to another window" "the old one is marked sent on"
out=$(jrc queue call --window 2 --staff D01); ok $? "window 2 calls"
like "$out" "^B004 " "  the next of the line, not the one sent to window 4"
out=$(jrc queue call --window 4 --staff D02); ok $? "window 4 calls"
like "$out" "^B005 .*called at window 4" "  the one sent to it"
j=$(jrc queue serve B005 --case "$R" --staff D02 --json); ok $? "served, linked to a case"
like "$j" '"case":"'"$R"'"' "  the case is linked"
jrc queue transfer A001 --to-window 1 --staff D01 >/dev/null 2>&1
is "$?" 2 "a waiting ticket cannot be sent on"

# list.
j=$(jrc queue list --json); ok $? "list --json"
like "$j" '^\[\{"id":[0-9]+,"ticket":"[A-Z][0-9]{3}",' "  an array of tickets"
like "$(jrc queue list --group a)" "^A001 .*waiting for window 1, 0 ahead" "list --group a: A001 first, nobody ahead"

# The record.
is "$(q "SELECT count(*) FROM events WHERE kind = 'ticket' AND payload LIKE '%tickets%'")" "$(q "SELECT count(*) FROM events WHERE kind = 'ticket'")" "every ticket event carries the ticket's row"
like "$(q "SELECT group_concat(DISTINCT substr(note, 1, instr(note, ' ') - 1)) FROM events WHERE kind = 'ticket'")" "take.*call|call.*take" "take and call are events"
is "$(q "SELECT count(*) FROM events WHERE kind = 'ticket' AND (note LIKE 'recall%' OR note LIKE 'no_show%' OR note LIKE 'transfer%' OR note LIKE 'serve%')")" 5 "  and call again, no-show, transfer and serve (twice)"
out=$(jrc verify); ok $? "verify is clean"
t_db_keep clean
for t in "UPDATE tickets SET number = 9 WHERE id = 1|Ticket 1: tickets.number" \
	 "UPDATE tickets SET state = 'served' WHERE id = 2|Ticket 2: tickets.state"; do
	t_db_back clean
	rm -f "$JRC_DB-wal" "$JRC_DB-shm"
	q "$(t_no_triggers) ${t%%|*}"
	out=$(jrc verify 2>&1); st=$?
	is "$st" 1 "${t%%|*}: verify exits 1"
	like "$out" "${t##*|} is not what event" "  and names the ticket and field"
done
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
out=$(q "UPDATE tickets SET number = 9 WHERE id = 1" 2>&1)
like "$out" "keeps its number" "a ticket's number cannot be changed with the triggers in place"
out=$(q "DELETE FROM tickets" 2>&1)
like "$out" "once taken is kept" "nor a ticket deleted"
done_testing
