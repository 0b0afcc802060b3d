#!/usr/bin/env bash
# Storage faults with several kiosks at once (tests/cli/file.sh has each
# fault for a single `jrc file`):
# - the disk fills up while four kiosks file: a real full filesystem (a
#   2 MiB tmpfs in a private mount namespace, the empty schema being
#   half a megabyte) when run as root, else a
#   file-size limit; every failure is exit 1 and a sentence, nothing is
#   half-written, and filing works once there is space again;
# - a write lock held longer than the busy timeout: all four are told so,
#   nothing is written, and all four succeed once it is released;
# - a read-only database: what only reads still works, what writes says so.
if [ "${JRC_FAULTS_NS:-}" != 1 ] && [ "$(id -u)" = 0 ] &&
   command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
	JRC_FAULTS_NS=1 exec unshare -m bash "$0" "$@"
fi
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "sqlite3 is not installed"
export JRC_NOW=2026-11-29T10:00:00+08:00
F="--category LAB --division 330726100201 --anonymous"
BIG=$(t_repeat 工资 1900)

# half_written DB: cases without their 'filed' event and the other way round.
half_written() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM cases c WHERE NOT EXISTS
		(SELECT 1 FROM events e WHERE e.case_id = c.id AND e.kind = 'filed'))
		+ (SELECT count(*) FROM events e WHERE e.kind = 'filed' AND NOT EXISTS
		(SELECT 1 FROM cases c WHERE c.id = e.case_id))"
}
# four KIND: four kiosks at once, each filing until its first failure (at
# most 40 cases); receipts in out.N, the failure's status and words in err.N.
four() {
	local p pids=
	rm -f "$T_DIR"/out.* "$T_DIR"/err.*
	for p in 1 2 3 4; do
		(
			for i in $(seq 40); do
				r=$(run_jrc file $F --text "$BIG $p/$i" 2>"$T_DIR/msg.$p"); st=$?
				if [ $st -ne 0 ]; then
					echo "$st $(cat "$T_DIR/msg.$p")" >"$T_DIR/err.$p"
					break
				fi
				echo "$r" >>"$T_DIR/out.$p"
			done
		) &
		pids="$pids $!"
	done
	wait $pids
}

# ---------------------------------------------------------------- disk full
if [ "${JRC_FAULTS_NS:-}" = 1 ]; then
	how="a full 2 MiB filesystem"
	mkdir -p "$T_DIR/small"
	mount -t tmpfs -o size=2m,mode=0700 tmpfs "$T_DIR/small" || skip_all "cannot mount a tmpfs"
	trap 'umount "$T_DIR/small"; t_cleanup' EXIT
	run_jrc() { "$JRC" "$@"; }
else
	how="a file-size limit"
	run_jrc() { (trap '' XFSZ; ulimit -f 1024; "$JRC" "$@"); }
fi
export JRC_DB=$T_DIR/small/jrc.db
mkdir -p "$T_DIR/small"
"$JRC" init >/dev/null; ok $? "a database on $how"
four
fails=$(cat "$T_DIR"/err.* 2>/dev/null | wc -l)
is "$fails" 4 "$how: every kiosk runs into it"
is "$(cut -d' ' -f1 "$T_DIR"/err.* | sort -u)" 1 "each with exit 1"
is "$(grep -c 'disk is full' "$T_DIR"/err.*  | grep -c ':1$')" 4 "each with the sentence"
printed=$(cat "$T_DIR"/out.* 2>/dev/null | wc -l)
[ "$printed" -gt 0 ]; ok $? "cases were filed until then ($printed)"
sqlite3 "$JRC_DB" "SELECT receipt FROM cases" | sort >"$T_DIR/in_db"
is "$(cat "$T_DIR"/out.* | sort | comm -23 - "$T_DIR/in_db" | wc -l)" 0 "every printed receipt is in the database"
is "$(cat "$T_DIR"/out.* | sort | uniq -d | wc -l)" 0 "no number twice"
is "$(half_written "$JRC_DB")" 0 "nothing half-written"
is "$(sqlite3 "$JRC_DB" 'PRAGMA integrity_check')" ok "integrity_check ok"
if [ "${JRC_FAULTS_NS:-}" = 1 ]; then
	mount -o remount,size=16m "$T_DIR/small"
	run_jrc() { "$JRC" "$@"; }
else
	run_jrc() { "$JRC" "$@"; }
fi
r=$(jrc file $F --text "space is back"); ok $? "filing works when space returns"
is "$(grep -c . "$T_DIR/in_db")" "$(($(sqlite3 "$JRC_DB" 'SELECT count(*) FROM cases') - 1))" \
	"with one more case"
out=$(jrc verify 2>&1); ok $? "and the record verifies: $out"

# ---------------------------------------------------------------- locked
export JRC_DB=$T_DIR/jrc.db
t_init_db
before=$(sqlite3 "$JRC_DB" "SELECT count(*) FROM cases; SELECT count(*) FROM events" | tr '\n' ' ')
t_hold_db; ok $? "(another writer holds the database until it is told to let go)"
run_jrc() { JRC_BUSY_TIMEOUT=300 "$JRC" "$@"; }
four
# The lock is let go only below: whatever the machine's load, the four
# answers came while it was held, so nobody waited for it to go.
t_holding_db; ok $? "all four kiosks answered while the lock was still held"
t_release_db
is "$(cat "$T_DIR"/err.* | wc -l)" 4 "locked past the busy timeout: all four kiosks are told"
is "$(cut -d' ' -f1 "$T_DIR"/err.* | sort -u)" 1 "with exit 1"
is "$(grep -l 'busy with another terminal' "$T_DIR"/err.* | wc -l)" 4 "and a sentence that says what to do"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM cases; SELECT count(*) FROM events" | tr '\n' ' ')" \
	"$before" "nothing was written"
run_jrc() { "$JRC" "$@"; }
rm -f "$T_DIR"/err.*
for p in 1 2 3 4; do
	"$JRC" file $F --text "retry $p" >"$T_DIR/out.$p" 2>"$T_DIR/err.$p" &
done
wait
is "$(cat "$T_DIR"/out.* | wc -l)" 4 "once released, all four retries succeed"
is "$(cat "$T_DIR"/err.* | wc -c)" 0 "without a word of complaint"
r=$(cat "$T_DIR/out.1")

# ---------------------------------------------------------------- read-only
# The file is read-only to the user; its folder is not (sqlite needs to
# create the -shm file next to a WAL database even to read it).
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
	chmod 1777 "$T_DIR"; chmod 644 "$JRC_DB"
	as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$JRC" "$@"; }
	code=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$r'")
	out=$(as_nobody show "$r" 2>&1); ok $? "read-only: jrc show still works"
	like "$out" "$r" "and shows the case"
	out=$(as_nobody list 2>&1); ok $? "read-only: jrc list still works"
	out=$(as_nobody verify 2>&1); ok $? "read-only: jrc verify still works"
	out=$(as_nobody status "$r" --code "$code" 2>&1); st=$?
	[ $st = 0 ] || { is $st 1 "read-only: a status lookup that cannot be logged is a runtime failure"
		like "$out" "^jrc: .*cannot be written" "with the sentence"; }
	out=$(as_nobody file $F --text ro 2>&1); is $? 1 "read-only: filing is refused with exit 1"
	like "$out" "cannot be written" "and the sentence"
	chmod 600 "$JRC_DB"
else
	echo "# read-only: skipped (needs root and setpriv)"
fi
done_testing
