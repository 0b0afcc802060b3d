#!/usr/bin/env bash
# Crash during filing: four kiosks file 500 cases in all while the suite
# kills their jrc processes with SIGKILL at random moments, and each kiosk
# starts again after a kill.  Afterwards every receipt number a filer
# printed is in the database, no number repeats, PRAGMA integrity_check
# and `jrc verify` are clean, and no case is half-written (a case without
# its 'filed' event, or the other way round).
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "sqlite3 is not installed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
TOTAL=500 FILERS=4
ID=$(t_id 33072619800101001)

# One kiosk: file until its share is printed and the killer has landed
# enough kills (on a loaded machine filings are slow and kills rarer, so
# the filers wait for that event rather than stop at a fixed count); a
# killed jrc is started again.
filer() {
	local p=$1 want=$((TOTAL / FILERS)) got=0 r
	while [ "$got" -lt "$want" ] || { [ ! -e "$T_DIR/enough" ] && [ "$got" -lt $((want * 4)) ]; }; do
		r=$("$JRC" --db "$JRC_DB" file --category LAB --division 330726100201 --name 李四 \
			--id-number "$ID" --phone 13912345678 --channel kiosk \
			--text "第 $p 台机器的第 $got 件：老板拖欠工资三个月。" 2>>"$T_DIR/err.$p")
		case $? in
		0) echo "$r" >>"$T_DIR/out.$p"; got=$((got + 1)) ;;
		137) echo kill >>"$T_DIR/killed.$p" ;;
		*) echo "exit $?" >>"$T_DIR/fail.$p" ;;
		esac
	done
}
pids=
for p in $(seq $FILERS); do
	filer "$p" &
	pids="$pids $!"
done

# The killer: every few milliseconds, SIGKILL one running `jrc file` of
# this test (its database path tells them from other tests' at make -j).
kills=0
while :; do
	alive=0
	for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
	[ $alive = 1 ] || break
	sleep "0.00$((RANDOM % 9 + 1))"
	victim=$(pgrep -f "^$JRC --db $JRC_DB file" | shuf -n 1 2>/dev/null)
	[ -n "$victim" ] && kill -KILL "$victim" 2>/dev/null && kills=$((kills + 1))
	[ ! -e "$T_DIR/enough" ] && [ "$(cat "$T_DIR"/killed.* 2>/dev/null | wc -l)" -ge 10 ] &&
		touch "$T_DIR/enough"
done
wait

printed=$(cat "$T_DIR"/out.* | wc -l)
killed=$(cat "$T_DIR"/killed.* 2>/dev/null | wc -l)
echo "# $kills SIGKILLs sent, $killed filings killed, $printed receipts printed"
[ "$killed" -ge 10 ]; ok $? "the filers were killed many times ($killed)"
[ "$printed" -ge $TOTAL ]; ok $? "at least $TOTAL receipt numbers printed in all ($printed)"
is "$(cat "$T_DIR"/fail.* 2>/dev/null | wc -l)" 0 "no filing failed other than by the kill"
is "$(cat "$T_DIR"/out.* | sort | uniq -d | wc -l)" 0 "no receipt number printed twice"

sqlite3 "$JRC_DB" "SELECT receipt FROM cases" | sort >"$T_DIR/in_db"
is "$(cat "$T_DIR"/out.* | sort | comm -23 - "$T_DIR/in_db" | wc -l)" 0 \
	"every printed receipt number is in the database"
n=$(wc -l <"$T_DIR/in_db")
[ "$n" -ge "$printed" ] && [ "$n" -le $((printed + killed)) ]
ok $? "beyond those, only killed filings that had committed ($n cases)"
is "$(sqlite3 "$JRC_DB" 'PRAGMA integrity_check')" ok "integrity_check ok"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM cases c WHERE
	(SELECT count(*) FROM events e WHERE e.case_id = c.id AND e.kind = 'filed') <> 1")" 0 \
	"every case has exactly one 'filed' event"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM events e WHERE e.kind = 'filed' AND
	NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)")" 0 \
	"every 'filed' event has its case"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) - count(DISTINCT substr(receipt, 1, 13)) FROM cases")" 0 \
	"no sequence number used twice"
is "$(sqlite3 "$JRC_DB" "SELECT last FROM day_seq WHERE day = '261129'")" \
	"$(sqlite3 "$JRC_DB" "SELECT max(CAST(substr(receipt, 10, 4) AS INTEGER)) FROM cases")" \
	"the day's sequence stands at the last number given out"
out=$(jrc verify 2>&1); ok $? "jrc verify: the chained record is whole"
like "$out" "intact" "and says so"
r=$(jrc file --category LAB --division 330726100 --anonymous --text "after the crashes"); ok $? "filing works after"
is "$r" "PJ261129-$(printf %04d $((n + 1)))-$(t_damm "261129$(printf %04d $((n + 1)))")" \
	"with the next number of the day"
done_testing
