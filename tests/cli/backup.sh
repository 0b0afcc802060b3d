#!/usr/bin/env bash
# jrc backup and jrc restore: a checked copy named by time, mode 0600, with
# its head recorded beside it, taken while cases are being filed; the keep
# rules; a missing folder and a full disk leave the earlier backups alone;
# restore refuses while a kiosk has the database open, brings a damaged
# database back with the backup's chain head, and numbering goes on past
# every receipt printed after the backup.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is needed"
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
F="--category LAB --division 330726100201 --anonymous"
BK=$T_DIR/backups
mode() { stat -c %a "$1"; }
head_of() { sed -n 's/^head //p' "$1.head"; }
# held: some process still has the database open.
held() {
	local p
	for p in /proc/[0-9]*/fd/*; do
		[ "$(readlink "$p" 2>/dev/null)" = "$JRC_DB" ] && return 0
	done
	return 1
}

t_init_db
R1=$(jrc file $F --text "一") && R2=$(jrc file $F --text "二") && R3=$(jrc file $F --text "三")
ok $? "three cases filed"
is "$(mode "$JRC_DB.seq")" 600 "the receipt-number mark beside the database is 0600"
is "$(cat "$JRC_DB.seq")" "PJ 261129 10" "and reserves the first block of ten numbers"
# The ledger key kept outside the database (issue 11) must never be copied.
KEY=$(cat "$JRC_LEDGER_KEY"); [ ${#KEY} -eq 64 ]; ok $? "t_init_db made a ledger key"

# ---------------------------------------------------------------- a missing folder
out=$(jrc backup "$BK" 2>&1); is $? 1 "a missing backup folder: exit 1"
like "$out" "is not there.*mount or create it" "with a sentence"
[ ! -e "$BK" ]; ok $? "and the folder is not created behind a missing mount"
out=$(jrc backup 2>&1); is $? 2 "no folder given: bad usage"

# ---------------------------------------------------------------- a backup
mkdir -m 700 "$BK"
J=$(jrc backup --json "$BK"); ok $? "jrc backup --json"
B1=$(printf '%s' "$J" | jq -r .written)
is "$B1" "$BK/jrc-20261129-100000.db" "named by the site's local time"
is "$(mode "$B1")" 600 "mode 0600"
is "$(printf '%s' "$J" | jq -r '[.ok, .cases, (.removed | length)] | @tsv')" "$(printf 'true\t3\t0')" \
	"--json: ok, 3 cases, nothing removed"
HEAD=$(jrc verify --json | jq -r .head)
is "$(head_of "$B1")" "$HEAD" "the chain head recorded beside it is the database's"
is "$(printf '%s' "$J" | jq -r .head)" "$HEAD" "and reported"
is "$(sha256sum "$B1" | cut -d' ' -f1)" "$(sed -n 's/^sha256 //p' "$B1.head")" "the recorded SHA-256 is the file's"
is "$(od -An -tu1 -j18 -N2 "$B1" | tr -s ' ')" " 1 1" "a single self-contained file (not WAL)"
is "$(ls -A "$BK" | tr '\n' ' ')" "jrc-20261129-100000.db jrc-20261129-100000.db.head " \
	"only the backup and its record: no ledger key, no mark, no leftovers"
grep -rqF "$KEY" "$BK"; is $? 1 "the ledger key is in no backup file"
out=$(jrc restore --check "$B1"); ok $? "restore --check: the backup checks out"
like "$out" "3 cases.*chain head $HEAD" "with its cases and head"
out=$(jrc backup "$BK"); ok $? "a second backup in the same second"
like "$out" "jrc-20261129-100000-2.db" "gets its own name"
rm -f "$BK"/jrc-20261129-100000-2.db*

# ---------------------------------------------------------------- while filing
(for i in $(seq 12); do jrc file $F --text "并发 $i" >>"$T_DIR/busy.out" || echo fail >>"$T_DIR/busy.out"; done) &
busy=$!
mkdir -m 700 "$T_DIR/busy"
n=0
while kill -0 $busy 2>/dev/null && [ $n -lt 6 ]; do
	JRC_NOW=2026-11-29T10:00:0$n+08:00 jrc backup --json "$T_DIR/busy" >>"$T_DIR/busy.json" || echo '{"ok":false}' >>"$T_DIR/busy.json"
	n=$((n + 1))
done
wait $busy
grep -q fail "$T_DIR/busy.out"; is $? 1 "twelve filings went on while backing up"
is "$(jq -r .ok "$T_DIR/busy.json" | sort -u)" "true" "every backup taken meanwhile was written and checked ($n)"
for f in "$T_DIR"/busy/*.db; do jrc restore --check "$f" >/dev/null || echo "$f"; done >"$T_DIR/busy.bad"
is "$(cat "$T_DIR/busy.bad")" "" "and each one checks out on its own"
# Back to three cases for the restore story: a fresh database and backup.
rm -f "$BK"/*
t_init_db; rm -f "$JRC_DB.seq"
R1=$(jrc file $F --text "一") && R2=$(jrc file $F --text "二") && R3=$(jrc file $F --text "三")
B1=$(jrc backup --json "$BK" | jq -r .written); ok $? "a backup of three cases"
HEAD=$(head_of "$B1")

# ---------------------------------------------------------------- after the backup
R4=$(jrc file $F --text "四") && R5=$(jrc file $F --text "五")
ok $? "two more receipts printed after the backup ($R4, $R5)"

# ---------------------------------------------------------------- refused while open
if command -v "$TMUX_BIN" >/dev/null 2>&1; then
	tm_start 80 24 env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm JRC_DB="$JRC_DB" \
		JRC_NOW="$JRC_NOW" "$JRC" kiosk
	tm_wait "[0-9]" 10; ok $? "a kiosk is running on the database"
	ino=$(stat -c %i "$JRC_DB")
	out=$(jrc restore "$B1" 2>&1); is $? 1 "restore while a kiosk has the database open: exit 1"
	like "$out" "open in process [0-9]+ \(.*jrc kiosk\)" "naming the process"
	like "$out" "Nothing was changed" "saying nothing changed"
	is "$(stat -c %i "$JRC_DB"):$(sqlite3 "$JRC_DB" 'SELECT count(*) FROM cases')" "$ino:5" \
		"and the database is the same file with its five cases"
	tm kill-server >/dev/null 2>&1
	i=0; while held && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
fi

# ---------------------------------------------------------------- damage and restore
size=$(stat -c %s "$JRC_DB")
dd if=/dev/urandom of="$JRC_DB" bs=1024 seek=2 count=$(( size / 1024 - 3 )) conv=notrunc status=none
jrc verify >/dev/null 2>&1; is $? 1 "the damaged database fails verify"
J=$(jrc restore --json "$B1"); ok $? "jrc restore --json"
is "$(printf '%s' "$J" | jq -r '[.ok, .restored, .cases, .head] | @tsv')" \
	"$(printf 'true\ttrue\t3\t%s' "$HEAD")" "restored: 3 cases, the backup's head"
kept=$(printf '%s' "$J" | jq -r .kept)
like "$kept" "jrc\.db\.before-restore-20261129-100000$" "the damaged file is kept beside it"
[ -f "$kept" ]; ok $? "and is there"
is "$(printf '%s' "$J" | jq -c '.numbers_raised')" '[{"site":"PJ","day":"261129","from":3,"to":10}]' \
	"the day's numbers go on after the block of the last receipt printed"
is "$(mode "$JRC_DB")" 600 "the restored database is 0600"
is "$(jrc verify --json | jq -r '[.ok, .head] | @tsv')" "$(printf 'true\t%s' "$HEAD")" \
	"verify passes with the backup's head"
R6=$(jrc file $F --text "六"); ok $? "filing goes on"
like "$R6" "^PJ261129-0011-" "with a number after those printed ($R6)"
[ "$R6" != "$R4" ] && [ "$R6" != "$R5" ]; ok $? "no number printed after the backup is given again"
jrc show "$R4" >/dev/null 2>&1; is $? 2 "the receipts printed after the backup are not in the restored record"

# The mark alone is enough, and the replaced file alone is enough.
R7=$(jrc file $F --text "七") && B2=$(jrc backup --json "$BK" | jq -r .written)
R8=$(jrc file $F --text "八")
rm -f "$JRC_DB.seq"
J=$(jrc restore --json "$B2"); ok $? "a restore without the mark file (the replaced database is sound)"
like "$(jrc file $F --text "九")" "^PJ261129-0021-" "numbers still go on past the replaced database's (13, to its block's end)"

# ---------------------------------------------------------------- a bad backup
[ ! -e "$B1" ]; ok $? "the same day's earlier backup gave way to the newer one (keep rules)"
cp "$B2" "$T_DIR/bad.db"; cp "$B2.head" "$T_DIR/bad.db.head"
printf 'X' | dd of="$T_DIR/bad.db" bs=1 seek=5000 conv=notrunc status=none
ino=$(stat -c %i "$JRC_DB")
out=$(jrc restore "$T_DIR/bad.db" 2>&1); is $? 1 "an altered backup is refused"
like "$out" "SHA-256 differs" "saying it is not the file that was checked"
is "$(stat -c %i "$JRC_DB")" "$ino" "and the database is left alone"
out=$(jrc restore "$T_DIR/nothing.db" 2>&1); is $? 2 "a backup that is not there: exit 2"
like "$out" "no backup file" "with a sentence"

# ---------------------------------------------------------------- keeping
K=$T_DIR/keep; mkdir -m 700 "$K"
touch "$K/notes.txt" "$K/jrc-manual.db"
for d in 01 02 03 04 05 06 07 08 09 10 11 12; do
	JRC_NOW=2026-11-${d}T23:00:00+08:00 jrc backup --keep-daily 3 --keep-weekly 2 --keep-monthly 2 \
		--json "$K" >"$T_DIR/keep.json" || echo "backup on $d failed"
done
is "$(ls "$K" | grep -c '\.db$')" 5 "keeping 3 daily, 2 weekly, 2 monthly of 12 days (+ a foreign jrc-manual.db)"
is "$(ls "$K" | grep '^jrc-2026' | grep '\.db$' | tr '\n' ' ')" \
	"jrc-20261108-230000.db jrc-20261110-230000.db jrc-20261111-230000.db jrc-20261112-230000.db " \
	"the last three days and the newest of the week before"
[ -f "$K/notes.txt" ] && [ -f "$K/jrc-manual.db" ]; ok $? "files it did not write are never removed"
is "$(ls "$K" | grep -c '\.head$')" 4 "each kept backup keeps its record; removed ones lose theirs"
is "$(jq -r '.removed[]' "$T_DIR/keep.json" | sed 's|.*/||')" "jrc-20261109-230000.db" \
	"--json lists what the last run removed"
jrc settings backup_keep_daily 2 && JRC_NOW=2026-11-12T23:30:00+08:00 jrc backup --keep-weekly 0 --keep-monthly 0 "$K" >/dev/null
is "$(ls "$K" | grep '^jrc-2026' | grep '\.db$' | tr '\n' ' ')" \
	"jrc-20261111-230000.db jrc-20261112-233000.db " "the settings give the counts (backup_keep_daily 2)"
out=$(jrc settings backup_keep_daily many 2>&1); is $? 2 "a keep count must be a number"
out=$(jrc backup --keep-daily -1 "$K" 2>&1); is $? 2 "--keep-daily -1 is bad usage"

# ---------------------------------------------------------------- a full disk
before=$(ls -l --time-style=+%s "$K" | md5sum)
out=$( (trap '' XFSZ; ulimit -f 100; "$JRC" backup "$K") 2>&1); is $? 1 "a full disk: exit 1"
like "$out" "is full: free space there" "with a sentence"
is "$(ls -l --time-style=+%s "$K" | md5sum)" "$before" "the earlier backups are left as they were, nothing half-written"
out=$(jrc backup "$T_DIR/notes" 2>&1); is $? 1 "a folder that vanished: exit 1"
touch "$T_DIR/file"
out=$(jrc backup "$T_DIR/file" 2>&1); is $? 2 "a file given as folder: exit 2"

done_testing
