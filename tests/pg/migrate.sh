#!/usr/bin/env bash
# jrc migrate --to (issue 15): a hall's SQLite file moves into an empty
# database on a throwaway PostgreSQL server with every row and the chain
# intact (verify passes on both with the same head), the server carries on
# where the file stopped (the day's numbers, the ids), and a database that
# already holds a record is refused, changing nothing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/server.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
pg_need
pg_start || { echo "not ok 1 - the throwaway server starts"; exit 1; }
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
HALL=$T_DIR/hall.db
hall() { jrc --db "$HALL" "$@"; }

# ---- a hall's record with a little of everything
hall init >/dev/null; ok $? "a hall's file"
ID=$(t_id 33072619800229001)
R1=$(hall file --category LAB --division 330726100201 --anonymous --text "包工头欠薪")
R2=$(hall file --category FAM --division 330726001201 --name 张三 --id-number "$ID" \
	--phone 13912345678 --text "家里的事")
R3=$(hall file --category NEI --division 330726001201 --anonymous --text "邻居占道")
hall move "$R2" accepted >/dev/null && hall move "$R2" answered --answer "已调解" >/dev/null
ok $? "a case accepted and answered"
code=$(sqlite3 "$HALL" "SELECT query_code FROM cases WHERE receipt = '$R2'")
hall feedback "$R2" --code "$code" --verdict satisfied >/dev/null; ok $? "its verdict"
hall book "$R3" --host M01 --slot 2026-11-30T09:00 >/dev/null; ok $? "a booking"
hall assign "$R1" --to HZ --by 2026-12-10 --note "请镇里核实" >/dev/null; ok $? "an assignment down"
head=$(hall verify --json | jq -r .head)
rows() { # the row count of each table, one line
	for t in $(sqlite3 "$HALL" "SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite%' ORDER BY name"); do
		printf '%s=%s ' "$t" "$("$@" "SELECT count(*) FROM $t")"
	done
}
before=$(rows sqlite3 "$HALL")

# ---- refused: no server, a server URI as the file, no --to
out=$(hall migrate 2>&1); is $? 2 "no --to is a usage error"
like "$out" "--to postgresql://" "... that says what to give"
out=$(jrc --db "postgresql:///x?host=$T_DIR" migrate --to "postgresql:///y?host=$T_DIR" 2>&1); is $? 2 \
	"--db must be the hall's file"
out=$(hall migrate --to "postgresql:///jrc?host=$T_DIR/nowhere" 2>&1); rc=$?
ok $((rc == 0)) "a server that is not there is refused"
like "$out" "cannot be reached" "... with a sentence"

# ---- the move
pg_createdb county
U=$(pg_uri county)
out=$(hall migrate --to "$U" 2>&1); ok $? "the file moves into the server's empty database"
like "$out" "same chain head ${head:0:8}" "... and says both end at the same head"
is "$(jrc --db "$U" verify --json | jq -r .head)" "$head" "jrc verify on the server: the same head"
is "$(rows pg_psql county)" "$before" "every table has as many rows on the server as in the file"
is "$(pg_psql county "SELECT string_agg(receipt || ' ' || state, ',' ORDER BY id) FROM cases")" \
	"$(sqlite3 "$HALL" "SELECT group_concat(receipt || ' ' || state, ',') FROM (SELECT * FROM cases ORDER BY id)")" \
	"the cases, their numbers and states, as they were"
is "$(hall verify --json | jq -r .head)" "$head" "the file is unchanged"

# ---- the server carries on
R4=$(jrc --db "$U" file --category LAB --division 330726100201 --anonymous --text "接着报")
like "$R4" "^PJ261129-0004-" "the next filing on the server takes the day's next number"
is "$(pg_psql county "SELECT id FROM cases WHERE receipt = '$R4'")" 4 "... and the next id"
out=$(jrc --db "$U" verify 2>&1); ok $? "verify passes after it"
out=$(JRC_LANG=zh jrc --db "$U" --site BM status "$R2" --code "$code"); ok $? "a moved case is looked up at a township"

# ---- a database that holds a record is refused, unchanged
n=$(pg_psql county "SELECT count(*) FROM events")
out=$(hall migrate --to "$U" 2>&1); rc=$?
ok $((rc == 0)) "moving into a database that holds a record is refused"
like "$out" "already holds a record" "... with a sentence"
is "$(pg_psql county "SELECT count(*) FROM events")" "$n" "... and changes nothing"
done_testing
