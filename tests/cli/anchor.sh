#!/usr/bin/env bash
# Daily anchors (issue 11): `jrc anchor` records the chain head, prints it
# on a slip and as a line; `jrc verify --anchors FILE` checks the log
# against kept lines.  Deleting the newest case with its events and its
# day_seq entry (triggers dropped, chain head put back) is caught against
# the anchor, and the next filing does not hand out the number again.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
FP="$top_builddir/tests/fakeprinter"
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
F="--division 330726100201 --anonymous"
q() { sqlite3 "$JRC_DB" "$@"; }
A=$T_DIR/anchors.txt

t_init_db
R1=$(jrc file --category LAB $F --text "一") && R2=$(jrc file --category SOC $F --text "二")
ok $? "two cases"
line=$(jrc anchor --no-print); ok $? "jrc anchor"
like "$line" '^JRC-ANCHOR 2026-11-29T02:00:00Z 3 [0-9a-f]{64}$' "prints the line: time, events, head hash"
is "$(q "SELECT events || ' ' || hash FROM anchors")" "$(printf '%s' "$line" | cut -d' ' -f3-)" "and records it in the database"
printf '# anchors of the hall, one a day\n%s\n' "$line" >"$A"
json=$(jrc anchor --no-print --json); ok $? "anchor --json"
like "$json" '"events":3,"hash":"[0-9a-f]{64}","site":"PJ","line":"JRC-ANCHOR ' "--json has the fields and the line"
if [ -x "$FP" ]; then
	jrc anchor --printer "file:$T_DIR/slip.bin" >/dev/null; ok $? "anchor with a slip"
	slip=$("$FP" decode GB18030 "$T_DIR/slip.bin" 48)
	ok $? "the slip is ESC/POS within 48 columns"
	like "$slip" "记录锚点" "the slip says what it is"
	like "$slip" "Supervisor's signature" "with a line to sign"
	like "$slip" "([0-9a-f]{4} ){3}[0-9a-f]{4}" "the head hash in groups of four"
	like "$slip" "Events：3" "the number of events"
	h=$(printf '%s' "$line" | cut -d' ' -f4)
	like "$(printf '%s' "$slip" | tr -d ' \n')" "$h" "the whole head hash, as recorded"
fi
out=$(jrc verify); ok $? "verify with anchors kept in the database"
like "$out" "3 anchors kept in the database agree" "says it checked them"
R3=$(jrc file --category NEI $F --text "三"); ok $? "a third case"
line=$(jrc anchor --no-print); printf '%s\n' "$line" >>"$A"
out=$(jrc verify --anchors "$A"); ok $? "verify --anchors FILE"
like "$out" "2 anchors in $A agree" "checks every line of the file"

# Take the newest case away with everything that points at it.
remove_newest() {
	q "DROP TRIGGER IF EXISTS events_no_delete; PRAGMA foreign_keys = OFF;
	   DELETE FROM events WHERE case_id = (SELECT id FROM cases WHERE receipt = '$R3');
	   DELETE FROM cases WHERE receipt = '$R3';
	   UPDATE day_seq SET last = last - 1;
	   UPDATE audit_head SET last_id = (SELECT max(id) FROM events),
	     hash = (SELECT hash FROM events ORDER BY id DESC LIMIT 1);"
}
cp "$JRC_DB" "$T_DIR/before.db"
remove_newest
out=$(jrc verify 2>&1); is $? 1 "the newest case removed: verify exits 1 against the anchor in the database"
like "$out" "anchor of 2026-11-29T02:00:00Z counted 4 events but the log now has 3" "saying events were removed"
out=$(jrc file --category LAB $F --text "四" 2>&1); is $? 1 "the next filing is refused"
like "$out" "events were removed, so nothing more can be recorded" "saying why"
is "$(q "SELECT count(*) FROM cases WHERE receipt = '$R3'")" 0 "the removed number is not handed out again"

# The anchors in the database removed as well: the summary figures still
# count the case; put right too, only the kept file still tells.
q "$(t_drop_trigger anchors_no_delete) DELETE FROM anchors"
out=$(jrc verify 2>&1); is $? 1 "with its anchors gone, the figures still count the removed case"
like "$out" "Summary figures that disagree with a recount of the cases: 4;" "  and verify names them"
# (Filed today, the case is still pending in the day's row: that is
# where it is taken off the month and all-time figures too.)
q "UPDATE tally_day SET n = n - 1,
     p_n = p_n - (dirty OR day = (SELECT as_of FROM tally_clock)) WHERE category = 'NEI';
   UPDATE tally_month SET n = n - 1 WHERE category = 'NEI';
   UPDATE tally_all SET n = n - 1 WHERE category = 'NEI';
   UPDATE tally_total SET n = n - 1 WHERE category = 'NEI'"
jrc verify >/dev/null 2>&1; ok $? "with the figures put right as well the database alone looks whole"
out=$(jrc verify --anchors "$A" 2>&1); is $? 1 "verify --anchors FILE catches the removal"
like "$out" "counted 4 events but the log now has 3" "naming the anchor"

# A rewritten log against an anchor of it.
cp "$T_DIR/before.db" "$JRC_DB"; rm -f "$JRC_DB-wal" "$JRC_DB-shm"
bad=$(sed -n 's/^JRC-ANCHOR \([^ ]*\) 3 .*/JRC-ANCHOR \1 3 '"$(printf '%064d' 7)"'/p' "$A" | head -1)
printf '%s\n' "$bad" >"$T_DIR/bad.txt"
out=$(jrc verify --anchors "$T_DIR/bad.txt" 2>&1); is $? 1 "an anchor whose hash the log does not have"
like "$out" "Event 3 is not the one the anchor" "is named"
printf 'JRC-ANCHOR yesterday lots\n' >"$T_DIR/junk.txt"
out=$(jrc verify --anchors "$T_DIR/junk.txt" 2>&1); is $? 2 "a line that is not an anchor is bad input"
like "$out" "Line 1 of .* is not an anchor" "naming the line"
out=$(jrc verify --anchors "$T_DIR/none.txt" 2>&1); is $? 1 "a missing anchors file"
like "$out" "Cannot read the anchors file" "says so"

# No anchor without the key: it would vouch for what it cannot check.
mv "$JRC_LEDGER_KEY" "$T_DIR/key.away"
out=$(jrc anchor --no-print 2>&1); is $? 1 "no anchor without the ledger key"
like "$out" "ledger key" "saying why"
mv "$T_DIR/key.away" "$JRC_LEDGER_KEY"
jrc anchor --help | grep -q "JRC-ANCHOR"; ok $? "anchor --help shows the line format"
jrc verify --help | grep -q -- "--anchors"; ok $? "verify --help shows --anchors"
done_testing
