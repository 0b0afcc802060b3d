#!/usr/bin/env bash
# PostgreSQL as the second storage engine (issue 15), on a throwaway server
# the test starts itself: jrc init lays out the schema and the roles and
# refuses a database that already holds a record; a case is filed, looked
# up and verified as on SQLite; the record refuses to be rewritten (a
# trigger, and no role has UPDATE or DELETE on it); a server that cannot
# be reached, or that was stopped, is a sentence that says what to do.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/server.sh"
pg_ready jrc
export JRC_NOW=2026-12-03T09:30:00+08:00
export JRC_LANG=en

# ---- init
out=$(jrc init 2>&1); ok $? "jrc init lays out the record on the server"
JRC_DB="$T_DIR/x.db" jrc init >/dev/null
is "$(pg_psql jrc 'SELECT version FROM schema_version')" "$(sqlite3 "$T_DIR/x.db" 'PRAGMA user_version')" \
	"the server's schema is the same version as a new SQLite file's"
is "$(pg_psql jrc 'SELECT count(*) > 10 FROM categories')" t "the reference data is imported"
out=$(jrc init 2>&1); rc=$?
ok $((rc == 0)) "a second init is refused"
like "$out" "already holds a record" "... with a sentence that says why"
is "$(pg_psql jrc 'SELECT count(*) FROM categories') " "$(pg_psql jrc 'SELECT count(*) FROM categories') " \
	"... and changes nothing"

# ---- file, look up, verify
r=$(t_file_one "工资拖欠三个月，老板不见人"); ok $? "a case is filed on the server"
like "$r" "^PJ261203-0001-[0-9]$" "... and gets the day's first receipt number"
out=$(jrc show "$r" 2>&1); ok $? "jrc show finds it"
like "$out" "工资拖欠三个月" "... with what the citizen said"
r2=$(t_file_one "second case"); ok $? "a second case"
like "$r2" "^PJ261203-0002-" "... numbered next in the day"
out=$(jrc verify 2>&1); ok $? "jrc verify passes on the server"
is "$(pg_psql jrc 'SELECT count(*) FROM cases')" 2 "two cases in the server's tables"

# ---- the record cannot be rewritten
out=$(pg_psql jrc "UPDATE events SET actor = 'x' WHERE id = 1" 2>&1); rc=$?
ok $((rc == 0)) "even the superuser cannot UPDATE an event (trigger)"
out=$(pg_psql jrc "DELETE FROM events WHERE id = 1" 2>&1); rc=$?
ok $((rc == 0)) "... nor DELETE one"
for role in jrc_kiosk jrc_desk jrc_admin; do
	is "$(pg_psql jrc "SELECT has_table_privilege('$role', 'events', 'INSERT'),
		has_table_privilege('$role', 'events', 'UPDATE'),
		has_table_privilege('$role', 'events', 'DELETE')" | tr '\n|' ' ')" "t f f " \
		"$role may add to the record, never change or remove it"
done

# ---- the three levels: assign down, escalate, joint handling, a lookup at
# another site (tests/cli/sites.sh has them on SQLite)
rh=$(jrc --site HZ file --category LAB --division 330726100201 --anonymous --text "镇上工地欠薪")
like "$rh" "^HZ261203-0001-" "a township files with its own numbers"
jrc assign "$rh" --to HZC --by 2026-12-10 --note "请村里核实" >/dev/null; ok $? "the township assigns it down to a village point"
out=$(jrc assign "$rh" --to HZC --by 2027-06-01 --note x 2>&1); rc=$?
ok $((rc == 0)) "a by-date past the statutory deadline is refused"
jrc escalate "$rh" --reason "村里解决不了" >/dev/null; ok $? "the village point escalates it"
jrc joint "$rh" --lead RSJ --with XFJ,ZRJ >/dev/null; ok $? "joint handling is set up"
jrc joint "$rh" --part "已约谈包工头" --department XFJ >/dev/null; ok $? "a department adds its part"
is "$(pg_psql jrc "SELECT string_agg(kind, ' ' ORDER BY id) FROM handling_steps")" \
	"assigned escalated joint joint_part" "each step is kept in order"
is "$(pg_psql jrc "SELECT state || ' ' || accept_by FROM cases WHERE receipt = '$rh'")" \
	"registered 2026-12-18" "the state and the statutory deadline do not move"
code=$(pg_psql jrc "SELECT query_code FROM cases WHERE receipt = '$rh'")
out=$(JRC_LANG=zh jrc --site BM status "$rh" --code "$code"); ok $? "the citizen looks it up at another township's kiosk"
like "$out" "上报" "... and reads where it went in plain words"
unlike "$out" "村里解决不了|请村里核实|已约谈包工头" "... never the staff's notes"
out=$(jrc verify 2>&1); ok $? "jrc verify passes with the handling steps"

# ---- a kiosk's own login, in the kiosk role
pg_psql jrc "CREATE ROLE kiosk_hz01 LOGIN IN ROLE jrc_kiosk" >/dev/null
r3=$(JRC_DB=$(pg_uri jrc kiosk_hz01) t_file_one "filed at a township kiosk"); ok $? "a kiosk's login files a case"
out=$(JRC_DB=$(pg_uri jrc kiosk_hz01) jrc show "$r" 2>&1); ok $? "... and looks up another site's case"
out=$(psql -X -q -h "$PG_SOCK" -U kiosk_hz01 -d jrc -c "DELETE FROM cases" 2>&1); rc=$?
ok $((rc == 0)) "the kiosk role cannot delete cases"
like "$out" "permission denied" "... the server refuses it"

# ---- four kiosks filing at once: no number twice, none missing
for k in 1 2 3 4; do
	( for i in 1 2 3 4 5 6 7 8 9 10; do t_file_one "kiosk $k filing $i" || echo FAIL; done >"$T_DIR/k$k.out" 2>&1 ) &
done
wait
is "$(cat "$T_DIR"/k?.out | grep -c FAIL)" 0 "40 filings from four kiosks at once all succeed"
is "$(cat "$T_DIR"/k?.out | sort | uniq -d | wc -l)" 0 "... no receipt number given twice"
is "$(pg_psql jrc "SELECT max(substr(receipt, 10, 4)::int) - count(*) FROM cases WHERE site = 'PJ'")" 0 \
	"... and the day's numbers run without a gap"
out=$(jrc verify 2>&1); ok $? "jrc verify passes after them"

# ---- faults: a database with no record, a server that is gone
pg_createdb empty
out=$(JRC_DB=$(pg_uri empty) jrc show "$r" 2>&1); rc=$?
ok $((rc == 0)) "an empty database is refused"
like "$out" "holds no record yet.*jrc init" "... with the command that lays it out"
out=$(JRC_DB="postgresql:///jrc?host=$T_DIR/nowhere" jrc show "$r" 2>&1); rc=$?
ok $((rc == 0)) "a server that is not there is refused"
like "$out" "cannot be reached" "... with a sentence that says so"
pg_stop
out=$(jrc show "$r" 2>&1); rc=$?
ok $((rc == 0)) "with the server stopped, show fails"
like "$out" "cannot be reached" "... and says the server cannot be reached"
done_testing
