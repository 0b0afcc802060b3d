#!/usr/bin/env bash
# Eight kiosks filing at once: every filing succeeds, no number repeats.
. "$top_srcdir/tests/lib.sh"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
for p in 1 2 3 4 5 6 7 8; do
	(
		for i in $(seq 1 25); do
			"$JRC" file --category LAB --division 330726100 --anonymous \
				--text "kiosk $p case $i" >>"$T_DIR/out.$p" 2>>"$T_DIR/err.$p" ||
				echo "exit $?" >>"$T_DIR/err.$p"
		done
	) &
done
wait
is "$(cat "$T_DIR"/out.* | wc -l)" 200 "200 receipt numbers printed"
is "$(cat "$T_DIR"/out.* | sort -u | wc -l)" 200 "all distinct"
is "$(cat "$T_DIR"/err.* | wc -c)" 0 "no failures (no 'database is locked')"
is "$(jrc list | wc -l)" 200 "200 cases in the database"
is "$(cat "$T_DIR"/out.* | sort | tail -1 | cut -c1-13)" "PJ261129-0200" "sequence runs 1..200"
done_testing
