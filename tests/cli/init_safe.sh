# Issue 11, point 6: jrc init --force with bad data keeps the old database;
# init on a full disk leaves nothing behind for the next init to trip on.
. "$top_srcdir/tests/lib.sh"
export JRC_NOW=2026-11-29T10:00:00+08:00
t_init_db
R=$(jrc file --category LAB --division 330726001201 --anonymous --text "老板拖欠工资三个月。")
like "$R" '^PJ' "a case in the old database"

out=$(jrc --data "$T_DIR/nonexistent" init --force 2>&1); st=$?
is "$st" 2 "init --force with a missing --data is exit 2"
like "$out" "cannot read" "and says the data cannot be read"
like "$(jrc list 2>&1)" "$R" "the old database and its case are still there"
is "$(ls "$T_DIR" | grep -c 'init-')" 0 "no half-built database is left beside it"

mkdir "$T_DIR/bad"
cp "$JRC_DATA"/*.csv "$T_DIR/bad/"
printf 'code,name_zh\nXX\n' >"$T_DIR/bad/departments.csv"
jrc --data "$T_DIR/bad" init --force >/dev/null 2>&1; is $? 2 "init --force with a bad CSV is exit 2"
like "$(jrc list 2>&1)" "$R" "the old database is still there"

# A full disk (a file size limit: writes fail as on a full disk).
FULL="$T_DIR/full/jrc.db"
( ulimit -f 16; trap '' XFSZ; "$JRC" --db "$FULL" init >/dev/null 2>&1 ); st=$?
is "$st" 1 "init on a full disk fails (exit 1)"
is "$(ls -A "$T_DIR/full" 2>/dev/null | wc -l)" 0 "and leaves nothing behind"
"$JRC" --db "$FULL" init >/dev/null; ok $? "so the next init works"

jrc init --force >/dev/null; ok $? "init --force with good data replaces the database"
is "$(jrc list | wc -l)" 0 "with an empty one"
is "$(stat -c %a "$JRC_DB")" 600 "created 0600"
done_testing
