#!/usr/bin/env bash
# Printer faults while four kiosks file at once, each with its own printer
# (the receipt issue's fake printer): one works, one is out of paper, one
# refuses connections, one takes the connection and never reads.  Every
# case is filed whatever its printer does, every failed print is exit 1
# with a sentence and a failed job, a stalled printer holds up nobody
# else, and every failed receipt prints once a printer works.
# (tests/cli/print.sh has each fault on its own.)
. "$top_srcdir/tests/lib.sh"
FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"
command -v sqlite3 >/dev/null || skip_all "sqlite3 is not installed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00

FP_PIDS=""
trap 'for p in $FP_PIDS; do kill "$p" 2>/dev/null; done; t_cleanup' EXIT
# printer MODE VAR: start a fake printer (not in a subshell, so that the
# trap can stop it); VAR gets its URI.
printer() {
	local out="$T_DIR/printer-$1.bin" port=
	rm -f "$out.port"
	"$FP" "$1" "$out" >"$out.port" 2>/dev/null &
	FP_PIDS="$FP_PIDS $!"
	for _ in $(seq 100); do
		port=$(head -1 "$out.port" 2>/dev/null)
		[ -n "$port" ] && break
		sleep 0.05
	done
	eval "$2=tcp://127.0.0.1:$port"
}

# kiosk NAME URI N: file N cases, printing each receipt on URI; records the
# receipts, each print's status and words, and in $T_DIR/order (one line
# per finished print, appended) the order in which the prints ended.
kiosk() {
	local name=$1 uri=$2 n=$3 r
	for i in $(seq "$n"); do
		r=$("$JRC" file --category LAB --division 330726100 --anonymous --channel kiosk \
			--text "$name 的第 $i 件" 2>>"$T_DIR/$name.fileerr") || continue
		echo "$r" >>"$T_DIR/$name.receipts"
		"$JRC" print "$r" --printer "$uri" >/dev/null 2>"$T_DIR/$name.msg"
		echo "$? $(tr '\n' ' ' <"$T_DIR/$name.msg")" >>"$T_DIR/$name.prints"
		echo "$name $i" >>"$T_DIR/order"
	done
}

printer ok ok_uri; printer paperout paper_uri; printer refuse refuse_uri; printer stall stall_uri
kiosk stall "$stall_uri" 1 & p1=$!
# The other kiosks start once the stalled printer holds its print.
for _ in $(seq 200); do [ -e "$T_DIR/printer-stall.bin.held" ] && break; sleep 0.05; done
[ -e "$T_DIR/printer-stall.bin.held" ]; ok $? "the stalled printer holds a print"
kiosk ok "$ok_uri" 10 & p2=$!
kiosk paper "$paper_uri" 5 & p3=$!
kiosk refuse "$refuse_uri" 5 & p4=$!
wait $p1 $p2 $p3 $p4

is "$(cat "$T_DIR"/*.fileerr | wc -c)" 0 "every filing succeeded whatever its printer did"
is "$(cat "$T_DIR"/*.receipts | sort -u | wc -l)" 21 "21 distinct receipt numbers"
is "$(sqlite3 "$JRC_DB" 'SELECT count(*) FROM cases')" 21 "21 cases in the database"
is "$(cut -d' ' -f1 "$T_DIR/ok.prints" | sort -u)" 0 "the working printer printed every receipt"
for k in paper refuse stall; do
	is "$(cut -d' ' -f1 "$T_DIR/$k.prints" | sort -u)" 1 "$k: every print is exit 1"
done
like "$(cat "$T_DIR/paper.prints")" "out of paper" "paper out: says so"
like "$(cat "$T_DIR/refuse.prints")" "refused|not answer|connect" "refused: says so"
like "$(cat "$T_DIR/stall.prints")" "took the connection but not the receipt" "stalled: says so"
# Order, not milliseconds: another kiosk filed and printed while the
# stalled print was still held (it ends only at jrc's write timeout).
first_ok=$(grep -n '^ok ' "$T_DIR/order" | head -1 | cut -d: -f1)
stall_end=$(grep -n '^stall ' "$T_DIR/order" | cut -d: -f1)
[ -n "$first_ok" ] && [ -n "$stall_end" ] && [ "$first_ok" -lt "$stall_end" ]
ok $? "a stalled printer held up no other kiosk (a receipt printed elsewhere while it was held)"
is "$(sqlite3 "$JRC_DB" "SELECT outcome, count(*) FROM print_jobs GROUP BY outcome ORDER BY outcome" | tr '\n' ' ')" \
	"failed|11 ok|10 " "every attempt is a print job: 11 failed, 10 printed"
failed=$(jrc print --failed)
for r in $(cat "$T_DIR/paper.receipts" "$T_DIR/refuse.receipts" "$T_DIR/stall.receipts"); do
	case $failed in *"$r"*) ;; *) echo "# not listed: $r"; failed_missing=1 ;; esac
done
[ -z "${failed_missing:-}" ]; ok $? "jrc print --failed lists all 11"

# The printers come back: every failed receipt prints (on a printer
# started now, as the first ones end on their own after a while).
printer ok back_uri
bad=0
for r in $(cat "$T_DIR/paper.receipts" "$T_DIR/refuse.receipts" "$T_DIR/stall.receipts"); do
	jrc print "$r" --printer "$back_uri" >/dev/null 2>&1 || bad=$((bad + 1))
done
is $bad 0 "reprinting each on a working printer succeeds"
is "$(jrc print --failed | grep -c 'PJ')" 0 "and none is left among the failed prints"
# (the file's own check: a database on the server has no file of ours)
t_file_db && is "$(sqlite3 "$JRC_DB" 'PRAGMA integrity_check')" ok "integrity_check ok"
out=$(jrc verify 2>&1); ok $? "the record verifies"
done_testing
