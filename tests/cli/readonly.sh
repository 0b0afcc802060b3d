# Issue 11, point 6: a read-only database (a read-only mount, or as a
# plain user a read-only file and folder) can still be read by list,
# show, verify and stats; a command that writes says precisely why not.
. "$top_srcdir/tests/lib.sh"
export JRC_NOW=2026-11-29T10:00:00+08:00
mkdir "$T_DIR/ro"
export JRC_DB="$T_DIR/ro/jrc.db"
"$JRC" init >/dev/null
R=$(jrc file --category LAB --division 330726001201 --anonymous --text "老板拖欠工资三个月。")
like "$R" '^PJ' "a case"

if [ "$(id -u)" -ne 0 ]; then
	chmod a-w "$JRC_DB" "$T_DIR/ro"
	ro() { "$JRC" "$@"; }
	trap 'chmod u+w "$T_DIR/ro" "$JRC_DB" 2>/dev/null; t_cleanup' EXIT
elif unshare -m true 2>/dev/null &&
     unshare -m sh -c 'mount --bind -o ro "$1" "$1"' sh "$T_DIR/ro" 2>/dev/null; then
	ro() {
		unshare -m sh -c 'd=$1; shift; mount --bind -o ro "$d" "$d" && exec "$@"' \
			sh "$T_DIR/ro" "$JRC" "$@"
	}
else
	skip_all "as root without mount namespaces nothing can be made read-only"
fi

out=$(ro list 2>&1); ok $? "list works on a read-only database"
like "$out" "$R" "and lists the case"
like "$(ro show "$R" 2>&1)" "Receipt: +$R" "show works"
out=$(ro verify 2>&1); ok $? "verify works"
like "$out" "intact" "and finds the record intact"
ro stats >/dev/null 2>&1; ok $? "stats works"
ro categories >/dev/null 2>&1; ok $? "categories works"
out=$(ro file --category LAB --division 330726001201 --anonymous --text "又一件" 2>&1); st=$?
is "$st" 1 "filing is refused (exit 1)"
like "$out" "read-only" "saying the database is read-only"
like "$out" "list, show, verify|owner|folder" "and what to do"
done_testing
