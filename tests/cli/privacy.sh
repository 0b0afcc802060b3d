# Issue 11, point 5: jrc show masks the old values an intake correction
# recorded, like the current ones, in text and in --json.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
export JRC_NOW=2026-11-29T10:00:00+08:00
t_init_db
ID=$(t_id 11010519491231002)
R=$(jrc file --category LAB --division 330726001201 --name 张三丰 --id-number "$ID" \
	--phone 13812345678 --text "老板拖欠工资三个月。")
like "$R" '^PJ' "a case"
# The event a desk correction writes (as grievance_edit_intake does).
sqlite3 "$JRC_DB" "INSERT INTO events(id, at, actor, kind, case_id, note, prev_hash, hash)
	SELECT (SELECT max(id) + 1 FROM events), '2026-11-29T02:10:00Z', 'staff:D001', 'intake_edited', id,
	'name: 张三丰; id_number: $ID; phone: 13812345678', '', '' FROM cases WHERE receipt = '$R'"
ok $? "an intake correction with old values"
out=$(jrc show "$R")
like "$out" "intake_edited" "show lists the correction"
unlike "$out" "张三丰|$ID|13812345678" "without the old name, ID number or phone in full"
like "$out" "phone: 138\*\*\*\*5678" "masked like the current ones"
json=$(jrc show "$R" --json)
unlike "$json" "张三丰|$ID|13812345678" "nor in --json"
like "$(jrc show "$R" --unmasked)" "phone: 13812345678" "--unmasked shows them"
done_testing
