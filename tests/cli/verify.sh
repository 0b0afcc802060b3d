#!/usr/bin/env bash
# jrc verify: a clean database verifies; a change, a deletion, a row slipped
# in with the sqlite3 shell (triggers dropped first where they stand in the
# way) each make it exit 1 naming the first bad event; a receipt's ledger
# check confirms the citizen's paper, and a wrong one does not.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
F="--division 330726100201 --anonymous"

# A fresh database: event 1 the import, 2-4 three filings, 5 a staff account.
fresh() {
	t_init_db
	R1=$(jrc file --category LAB $F --text "一") && R2=$(jrc file --category SOC $F --text "二") &&
		R3=$(jrc file --category NEI $F --text "三") &&
		printf 'password 1\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
}
q() { sqlite3 "$JRC_DB" "$@"; }

fresh; ok $? "a database with three cases"
out=$(jrc verify); ok $? "a clean database verifies"
like "$out" "intact.*5 events" "and says how many events it checked"
like "$(jrc verify --json)" '"ok":true,"integrity":true,"events":5,"bad_event":null' "verify --json"

# Ledger checks.
L2=$(q "SELECT substr(hash, 1, 16) FROM events WHERE kind = 'filed' AND case_id = (SELECT id FROM cases WHERE receipt = '$R2')")
like "$L2" '^[0-9a-f]{16}$' "the second receipt's ledger check"
out=$(jrc verify --receipt "$R2" --ledger-check "$L2"); ok $? "the right ledger check confirms the receipt"
like "$out" "matches" "and says so"
jrc verify --receipt "$(printf '%s' "$R2" | tr 'A-Z' 'a-z')" --ledger-check "$(printf '%s' "$L2" | tr 'a-f' 'A-F')" >/dev/null
ok $? "receipt and check as a person types them"
bad=$(printf '%s' "$L2" | tr '0-9a-f' '1-9a-f0')
out=$(jrc verify --receipt "$R2" --ledger-check "$bad" 2>&1); is $? 1 "a wrong ledger check exits 1"
like "$out" "does not match" "and says it does not match"
out=$(jrc verify --receipt "$R2" --ledger-check 12zz 2>&1); is $? 2 "a malformed ledger check is bad input"
like "$out" "16 characters" "saying what a ledger check looks like"
G2=$(printf '%s' "$L2" | sed 's/..../& /g; s/ $//')
out=$(jrc verify --receipt "$R2" --ledger-check "$G2"); ok $? "the check in groups of four, as printed ($G2)"
out=$(jrc verify --receipt "$R2" --ledger-check "$(printf '%s' "$L2" | cut -c1-8)" 2>&1); is $? 2 "the old 8-digit form is refused"
like "$out" "old short form" "saying it is the old form and what to give instead"
out=$(jrc verify --receipt "$R2" 2>&1); is $? 2 "--receipt without --ledger-check is bad usage"
out=$(jrc verify --receipt PJ261129-9999-1 --ledger-check "$L2" 2>&1); st=$?
[ $st = 2 ]; ok $? "an unknown receipt exits 2"
jrc verify --help | grep -q "ledger-check"; ok $? "verify --help"

# The triggers stop casual edits.
q "UPDATE events SET note = 'x' WHERE id = 3" 2>/dev/null; [ $? != 0 ]; ok $? "the sqlite3 shell cannot simply UPDATE an event"
q "DELETE FROM events WHERE id = 3" 2>/dev/null; [ $? != 0 ]; ok $? "nor DELETE one"
jrc verify >/dev/null; ok $? "still intact"

# tamper DESC SQL WANT_EVENT: run SQL on a fresh database, expect exit 1 naming the event.
tamper() {
	local desc=$1 sql=$2 want=$3 out st
	fresh
	q "$sql"
	out=$(jrc verify 2>&1); st=$?
	is $st 1 "$desc: exit 1"
	like "$out" "^jrc: Event $want " "$desc: names event $want"
	like "$out" "supervisor" "$desc: says what to do"
}
tamper "UPDATE after DROP TRIGGER" \
	"$(t_drop_trigger events_no_update) UPDATE events SET note = 'kiosk ' WHERE id = 3" 3
tamper "DELETE after DROP TRIGGER" \
	"$(t_drop_trigger events_no_delete) DELETE FROM events WHERE id = 3" 4
tamper "DELETE of the last event" \
	"$(t_drop_trigger events_no_delete) DELETE FROM events WHERE id = 5" 5
tamper "an INSERT with a made-up hash before the first" \
	"INSERT INTO events(id, at, actor, kind, prev_hash, hash) VALUES (0, '2026-11-01T00:00:00Z', 'cli', 'note', '00', 'feedface')" 0
tamper "an INSERT with a made-up hash at the end" \
	"INSERT INTO events(id, at, actor, kind, prev_hash, hash) SELECT 6, '2026-11-29T02:00:00Z', 'cli', 'note', hash, 'feedface' FROM events WHERE id = 5" 6
tamper "a row moved to another place" \
	"$(t_drop_trigger events_no_update) UPDATE events SET id = 100 WHERE id = 2" 3

# A case changed behind the log's back.
fresh
q "UPDATE cases SET state = 'closed' WHERE receipt = '$R1'"
out=$(jrc verify 2>&1); is $? 1 "a state changed in the cases table: exit 1"
like "$out" "$R1" "naming the case"

# After a deletion, later events do not hide the hole.
fresh
q "$(t_drop_trigger events_no_delete) DELETE FROM events WHERE id = 5"
jrc file --category LAB $F --text "四" >/dev/null
out=$(jrc verify 2>&1); is $? 1 "a cut-off end stays visible after more filing"
like "$out" "Event 6 " "naming where the chain breaks"

# A damaged file: integrity_check speaks first.  An index page is
# overwritten, so the events still read but the file is not sound.  (A
# database on the server has no file of ours to damage.)
if t_file_db; then
	fresh
	q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	page=$(q "PRAGMA page_size")
	root=$(q "SELECT rootpage FROM sqlite_master WHERE name = 'events_kind'")
	head -c "$page" /dev/urandom | dd of="$JRC_DB" bs="$page" seek=$((root - 1)) count=1 conv=notrunc 2>/dev/null
	out=$(jrc verify 2>&1); is $? 1 "a damaged database file: exit 1"
	like "$out" "^jrc: The database file is damaged \(.*Page $root" "integrity_check names the damaged page"
fi
done_testing
