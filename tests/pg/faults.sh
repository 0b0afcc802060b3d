#!/usr/bin/env bash
# The county server stops at once (pg_ctl stop -m immediate, as in a crash)
# while four terminals file (issue 15, §3): each is told in a sentence that
# the server cannot be reached; once it is back their next tries succeed;
# every receipt number shown is on the server, none is shown twice, the
# day's numbers leave no gap, and verify passes.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/server.sh"
pg_ready jrc
export JRC_NOW=2026-12-03T09:30:00+08:00
export JRC_LANG=en
jrc init >/dev/null; ok $? "the record is laid out on the server"

# filer K: files 30 matters; a failure is written down and the same
# matter tried again once the server is back (the file "up" appears).
filer() {
	local k=$1 i out
	for i in $(seq 1 30); do
		while :; do
			if out=$(t_file_one "terminal $k, matter $i" 2>&1); then
				echo "R $out"
				break
			fi
			# all it said, on one line: a stray line is seen too
			echo "E $(printf '%s' "$out" | tr '\n' '|')"
			while [ ! -e "$T_DIR/up" ]; do sleep 0.1; done
		done
	done >"$T_DIR/filer$k" 2>&1
}
for k in 1 2 3 4; do filer $k & done

# Halt the server once some numbers are out, while the terminals go on.
until [ "$(cat "$T_DIR"/filer? 2>/dev/null | grep -c '^R ')" -ge 8 ]; do sleep 0.1; done
pg_halt; ok $? "(the server stops at once while four terminals file)"
# Every terminal that is still filing runs into it.
for k in 1 2 3 4; do
	until grep -q '^E ' "$T_DIR/filer$k" || [ "$(grep -c '^R ' "$T_DIR/filer$k")" -eq 30 ]; do
		sleep 0.1
	done
done
pg_run; ok $? "(the server is back)"
touch "$T_DIR/up"
wait

shown=$(cat "$T_DIR"/filer? | sed -n 's/^R //p')
errors=$(cat "$T_DIR"/filer? | grep '^E ')
is "$(printf '%s\n' "$shown" | grep -c .)" 120 "after the restart every terminal's matters are filed (120)"
[ -n "$errors" ]; ok $? "the terminals filing when it stopped were told"
unlike "$(printf '%s\n' "$errors" | grep -v 'cannot be reached')" . "... each in the sentence that the server cannot be reached"
unlike "$errors" '[|]' "... and nothing else (no warning of the server's on standard error)"
is "$(printf '%s\n' "$shown" | sort | uniq -d | wc -l)" 0 "no receipt number is shown twice"
missing=0
for r in $shown; do
	[ "$(pg_psql jrc "SELECT count(*) FROM cases WHERE receipt = '$r'")" = 1 ] || missing=$((missing + 1))
done
is "$missing" 0 "every receipt number shown is on the server"
is "$(pg_psql jrc "SELECT max(substr(receipt, 10, 4)::int) - count(*) FROM cases")" 0 \
	"the day's numbers leave no gap"
out=$(jrc verify 2>&1); ok $? "jrc verify passes"
done_testing
