# The PostgreSQL pass (issue 15), sourced by tests/pg/suite*.sh: each of
# those names its tests in PG_PASS and this runs them a second time, each
# on a database of its own on one throwaway server it starts and always
# stops (tests/lib.sh reads JRC_TEST_PG_SOCK; its sqlite3 goes to psql).
# The pass is split in several scripts so that make runs them side by
# side.  One line each: the test's own checks all passed on the server; a
# failure shows the test's failed checks.  The lists hold the tests whose
# every check holds on both engines; README.md ("Both engines") says
# which are not on them and why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/server.sh"
pg_need
pg_start || { echo "not ok 1 - the throwaway server starts"; exit 1; }

# JRC_PG_SUITE (names, space between) runs only those: for working on one.
[ -n "${JRC_PG_SUITE:-}" ] && PG_PASS=$JRC_PG_SUITE

for t in $PG_PASS; do
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
