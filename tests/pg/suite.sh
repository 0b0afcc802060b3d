#!/usr/bin/env bash
# The PostgreSQL pass (issue 15): the command-line, fault and end-to-end
# tests below run a second time, each on a database of its own on one
# throwaway server this script starts and always stops (tests/lib.sh reads
# JRC_TEST_PG_SOCK; its sqlite3 goes to psql).  One line each: the test's
# own checks all passed on the server; a failure shows the test's failed
# checks.  The list is the tests whose every check holds on both engines;
# README.md ("Both engines") says which are not on it yet and why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/server.sh"
pg_need
pg_start || { echo "not ok 1 - the throwaway server starts"; exit 1; }

tests="
tests/cli/booking_horizon.sh tests/cli/concurrent.sh tests/cli/listings.sh
tests/cli/overdue.sh tests/cli/receipt_details.sh tests/cli/terminate_hearing.sh
tests/e2e/kiosk_access.sh tests/e2e/kiosk_booking.sh tests/e2e/kiosk_checkin.sh
tests/e2e/kiosk_concluded.sh tests/e2e/desk_sites.sh tests/e2e/desk_stats.sh
tests/e2e/desk_supervise.sh tests/e2e/desk_terminate.sh tests/e2e/desk_alerts.sh
tests/e2e/desk_receipt_staff.sh
"
# JRC_PG_SUITE (names, space between) runs only those: for working on one.
[ -n "${JRC_PG_SUITE:-}" ] && tests=$JRC_PG_SUITE

for t in $tests; do
	log="$T_DIR/$(basename "$t" .sh).log"
	JRC_TEST_PG_SOCK=$PG_SOCK JRC_TEST_PG_SUPER=$PG_SUPER bash "$top_srcdir/$t" >"$log" 2>&1
	st=$?
	n=$(grep -c '^ok ' "$log")
	if grep -q '^1\.\.0 # SKIP' "$log"; then
		T_N=$((T_N + 1))
		echo "ok $T_N - $t on PostgreSQL # SKIP $(sed -n 's/^1\.\.0 # SKIP *//p' "$log")"
		continue
	fi
	[ $st -eq 0 ] && [ "$n" -gt 0 ] && ! grep -q '^not ok' "$log"
	st=$?
	ok $st "$t on PostgreSQL ($n checks)"
	[ $st -eq 0 ] || grep -A3 '^not ok' "$log" | head -30 | sed 's/^/#   /'
done
done_testing
