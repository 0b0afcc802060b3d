#!/usr/bin/env bash
# Leaders' visits (领导下访): a visit planned (bad plans refused, nothing
# changed), imported from visits.csv, listed, announced on a notice,
# booked by the reception days' rules (no double booking), matters
# raised, found and solved on the spot recorded from it, followed to the
# citizen's verdict in the visit report and in stats by source; a visit
# cancelled with its bookings; visits and their matters in the chain, and
# verify names a row changed behind the program's back.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() { q "SELECT count(*) FROM events; SELECT count(*) FROM visits; SELECT count(*) FROM cases; SELECT count(*) FROM bookings WHERE cancelled_at IS NULL;" | tr '\n' ' '; }

# Refusals: exit 2 with a sentence, nothing changed.
before=$(dbstate)
bad() {
	local what=$1 pat=$2; shift 2
	out=$(jrc visit add "$@" 2>&1); st=$?
	is "$st" 2 "$what is refused"
	like "$out" "$pat" "  and told what to do"
}
base=(--date 2026-12-10 --start 09:00 --end 11:30 --division 330726100201 --place 黄宅村村委会)
bad "a mediator as the visiting leader" "not a leader in the roster" --host M01 "${base[@]}"
bad "an unknown host" "not a leader" --host G99 "${base[@]}"
bad "a date in the past" "has passed" --host G01 --date 2026-11-01 --start 09:00 --end 11:30 --division 330726100 --place x
bad "a date that is not one" "YYYY-MM-DD" --host G01 --date 2026-02-30 --start 09:00 --end 11:30 --division 330726100 --place x
bad "an end before the start" "must be later than the start" --host G01 --date 2026-12-10 --start 11:00 --end 09:00 --division 330726100 --place x
bad "a time that is not one" "HH:MM" --host G01 --date 2026-12-10 --start 9 --end 11:00 --division 330726100 --place x
bad "the county as the place" "not the code of a township or a village" --host G01 --date 2026-12-10 --start 09:00 --end 11:00 --division 330726 --place x
bad "an unknown category" "not a category code" --host G01 "${base[@]}" --topics "LAN;NOPE"
bad "a slot longer than the visit" "does not fit" --host G01 "${base[@]}" --slot 200
bad "a visit during the leader's reception day" "receives at the center that day \(09:00-11:30\)" --host G01 --date 2026-12-15 --start 10:00 --end 11:00 --division 330726100 --place x
bad "an empty place" "needed" --host G01 --date 2026-12-10 --start 09:00 --end 11:30 --division 330726100 --place "  "
out=$(jrc visit add --host G01 --date 2026-12-10 2>&1); st=$?
is "$st" 2 "a visit without its place and times is a usage error"
out=$(jrc visit frobnicate 2>&1); st=$?
is "$st" 2 "an unknown action is a usage error"
like "$out" "add, list, cancel, notice or report" "  naming the actions"
is "$(dbstate)" "$before" "the refusals changed nothing"

# Plan.
j=$(jrc visit add --host G01 "${base[@]}" --topics "LAN;VIL" --accompany "县自然资源局" --json); ok $? "a visit is planned"
like "$j" '"id":1,"host":"G01".*"date":"2026-12-10","start":"09:00","end":"11:30","slot_minutes":30,"township":"330726100","village":"330726100201"' "--json shows it"
is "$(q "SELECT count(*) FROM events WHERE kind = 'visit' AND payload LIKE '%visits%'")" 1 "the plan is an event that carries its row"
out=$(jrc visit add --host G01 --date 2026-12-10 --start 11:00 --end 12:00 --division 330726101 --place x 2>&1); st=$?
is "$st" 2 "the same leader cannot be at two places at once"
like "$out" "already visits elsewhere at that time \(visit 1\)" "  and the other visit is named"

# Import: a new id is added, a known one kept; a changed plan is refused.
mkdir -p "$T_DIR/data"
cp "$JRC_DATA"/*.csv "$T_DIR/data/"
cat >"$T_DIR/data/visits.csv" <<'EOF'
id,host,date,start,end,division,place,slot_minutes,topics,accompany,place_en
1,G01,2026-12-10,09:00,11:30,330726100201,黄宅村村委会,30,LAN;VIL,县自然资源局,
7,G02,2026-12-11,14:00,15:00,330726101,白马镇政府会议室,20,LAB;SOC,,Baima town hall
EOF
out=$(jrc --data "$T_DIR/data" import 2>&1); ok $? "visits.csv is imported"
is "$(q "SELECT group_concat(id) FROM visits")" "1,7" "the new visit is added, the known one kept"
sed -i 's/^7,G02,2026-12-11/7,G02,2026-12-12/' "$T_DIR/data/visits.csv"
before=$(dbstate)
out=$(jrc --data "$T_DIR/data" import 2>&1); st=$?
is "$st" 2 "a planned visit changed in visits.csv is refused"
like "$out" "visits.csv.*visit 7 is already planned differently" "  naming the file and the visit"
is "$(dbstate)" "$before" "  and nothing changed"
sed -i 's/^7,G02,2026-12-12/7,G02,2026-12-11/; s/^1,\(.*\),黄宅村村委会,/1,\1,黄宅镇政府,/' "$T_DIR/data/visits.csv"
out=$(jrc --data "$T_DIR/data" import 2>&1); st=$?
is "$st" 2 "a planned visit moved to another place in visits.csv is refused"
like "$out" "visit 1 is already planned differently" "  naming the visit"
is "$(dbstate)" "$before" "  and nothing changed"

out=$(jrc visit list); ok $? "list"
like "$out" "1  2026-12-10  G01  12/10 09:00-11:30: Li Ming .* Huangzhai Village, Huangzhai Town, at 黄宅村村委会" "the visit is listed with its place"
like "$out" "7  2026-12-11  G02" "with the imported one"
out=$(JRC_LANG=zh jrc visit notice 1); ok $? "the notice for the village board"
like "$out" "李明" "names the leader"
like "$out" "2026-12-10 09:00-11:30" "the time"
like "$out" "黄宅镇 黄宅村, 黄宅村村委会" "the place"
like "$out" "议题：土地" "and the topics"
out=$(JRC_LANG=zh jrc visit notice 1 --print --printer "file:$T_DIR/notice.bin"); ok $? "the notice printed"
like "$out" "已送到打印机" "  and said so"
LM=$(printf '李明' | iconv -f UTF-8 -t GB18030)
grep -q "$LM" "$T_DIR/notice.bin"; ok $? "  the printer got it, in GB18030"
out=$(jrc visit notice 1 --printer "file:$T_DIR/x.bin" 2>&1); st=$?
is "$st" 2 "--printer without --print is a usage error"

# Booking: the visit's slots are the leader's, at its place, one citizen each.
R1=$(t_file_one "征地补偿款一直没发"); ok $? "a citizen's case"
R2=$(t_file_one "宅基地纠纷"); ok $? "another"
out=$(jrc book "$R1" --host G01 --slot 2026-12-10T09:30:00+08:00); ok $? "a slot of the visit is booked"
like "$out" "Li Ming .*10 December 2026 09:30-10:00, 黄宅村村委会" "at the visit's place"
out=$(jrc book "$R2" --host G01 --slot 2026-12-10T09:30:00+08:00 2>&1); st=$?
is "$st" 1 "the same slot cannot be booked twice"
like "$out" "next free time is Thursday, 10 December 2026 10:00" "  and the next free one is offered"
out=$(jrc book "$R2" --host G01 --slot 2026-12-10T12:00:00+08:00 2>&1); st=$?
is "$st" 2 "a time outside the visit is refused"

# Matters: not before the visit has begun.
before=$(dbstate)
out=$(jrc file --visit 1 --category LAN --anonymous --text x 2>&1); st=$?
is "$st" 2 "no matters before the visit begins"
like "$out" "begins on 2026-12-10" "  and says when"
out=$(jrc file --visit 99 --category LAN --anonymous --text x 2>&1); st=$?
is "$st" 2 "an unknown visit"
out=$(jrc file --found --category LAN --anonymous --text x 2>&1); st=$?
is "$st" 2 "--found without --visit is a usage error"
out=$(jrc file --source visit --category LAN --anonymous --text x 2>&1); st=$?
is "$st" 2 "--source visit without --visit is a usage error"
is "$(dbstate)" "$before" "nothing changed"

export JRC_NOW=2026-12-10T10:15:00+08:00
printf 'password 1\n' | jrc staff add D01 --name 张前台 --role desk >/dev/null &&
	printf 'password 1\n' | jrc staff add S01 --name 王主任 --role supervisor >/dev/null
ok $? "staff accounts"
out=$(jrc file --source visit --visit 1 --found --name 张三 --category VIL --text "村口石桥塌了一角" 2>&1); st=$?
is "$st" 2 "a found matter with a complainant's name is refused"
j=$(jrc file --source visit --visit 1 --category LAN --name 王秀英 --id-number "$(t_id 33072619700101002)" --phone 13800001234 --text "征地补偿标准不清楚" --staff D01 --json)
ok $? "a citizen's matter raised on the visit"
like "$j" '"state":"registered".*"source":"visit","visit":1,"found_by_visit":false' "  is a case of the visit"
RA=$(printf '%s' "$j" | sed 's/.*"receipt":"\([^"]*\)".*/\1/')
RF=$(jrc file --source visit --visit 1 --found --category VIL --text "村口石桥塌了一角，有安全隐患" --staff D01); ok $? "a matter found by the visit, no complainant"
is "$(q "SELECT anonymous || ',' || coalesce(name, '') || ',' || division FROM cases WHERE receipt = '$RF'")" "1,,330726100201" "  filed anonymous at the visit's village"
RS=$(jrc file --visit 1 --category VIL --anonymous --text "村道路灯不亮" --solved "现场联系供电所，当场修复" --staff S01); ok $? "a matter solved on the spot"
is "$(q "SELECT state || ',' || answer FROM cases WHERE receipt = '$RS'")" "answered,现场联系供电所，当场修复" "  is answered at once with what was done"
is "$(q "SELECT group_concat(from_state || '>' || to_state) FROM lifecycle_steps s JOIN cases c ON c.id = s.case_id WHERE c.receipt = '$RS'")" \
	"registered>accepted,accepted>answered" "  by the accept and answer steps, each its own"
out=$(jrc file --visit 1 --category VIL --anonymous --text x --solved "现场处理" --staff D01 2>&1); st=$?
is "$st" 2 "a desk clerk cannot answer for a department"
out=$(jrc show "$RF"); like "$out" "found on visit 1 \(no complainant\)" "show says where it came from"

# Followed through: the raised matter is taken on, the solved one rated.
jrc move "$RA" accepted --staff S01 >/dev/null; ok $? "the department takes the raised matter on"
code=$(q "SELECT query_code FROM cases WHERE receipt = '$RS'")
jrc feedback "$RS" --code "$code" --verdict satisfied >/dev/null; ok $? "the citizen rates the on-the-spot answer"
export JRC_NOW=2027-02-20T10:00:00+08:00
out=$(jrc visit report 1); ok $? "the visit report"
like "$out" "Booked citizens: +1" "counts the booking"
like "$out" "Matters raised: +3 \(found by the visit: 1\)" "the matters"
like "$out" "Solved on the spot: +1" "solved on the spot"
like "$out" "Assigned, in hand: +1" "assigned"
like "$out" "Still open: +2 \(overdue: 2\)" "open and overdue"
like "$out" "satisfied 1, basically satisfied 0, not satisfied 0" "the verdicts"
like "$out" "$RS .*satisfied, solved on the spot" "each case with its verdict"
j=$(jrc visit report 1 --json); ok $? "report --json"
like "$j" '"raised":3,"found":1,"on_spot":1,"assigned":1,"open":2,"overdue":2,"answered":1' "the figures in JSON"
j=$(jrc stats --json); like "$j" '"by_source":\[\{"key":"cli","total":2.*\{"key":"visit","total":3,"open":2,"overdue":2\}' "stats counts by source"

# Cancel: a visit under way or held cannot be; a future one takes its bookings along.
export JRC_NOW=2026-12-10T10:15:00+08:00
out=$(jrc visit cancel 1 --reason "会议" 2>&1); st=$?
is "$st" 2 "a visit under way cannot be cancelled"
export JRC_NOW=2026-11-30T10:00:00+08:00
out=$(jrc book "$R2" --host G02 --slot 2026-12-11T14:20:00+08:00); ok $? "a booking at the second visit"
out=$(jrc visit cancel 7 2>&1); st=$?
is "$st" 2 "a cancellation needs a reason"
out=$(jrc visit cancel 7 --reason "县里临时会议"); ok $? "the second visit is cancelled"
like "$out" "1 booking\(s\) at it were cancelled too" "  with its booking, and staff are told"
is "$(q "SELECT CASE WHEN cancelled_at IS NOT NULL THEN 1 ELSE 0 END FROM bookings b JOIN cases c ON c.id = b.case_id WHERE c.receipt = '$R2'")" 1 "the booking is cancelled"
out=$(jrc book "$R2" --host G02 --slot 2026-12-11T14:40:00+08:00 2>&1); st=$?
is "$st" 2 "a cancelled visit takes no bookings"
out=$(jrc visit list); unlike "$out" "G02" "list leaves out the cancelled visit"
out=$(jrc visit list --all); like "$out" "G02.*\[cancelled\]" "--all shows it cancelled"

# The record.
out=$(jrc verify); ok $? "verify is clean"
t_db_keep clean
for t in "UPDATE visits SET place = '镇政府' WHERE id = 1|Visit 1: visits.place" \
	 "UPDATE visits SET cancelled_at = NULL WHERE id = 7|Visit 7: visits.cancelled_at" \
	 "UPDATE visit_matters SET found = 0 WHERE case_id = (SELECT id FROM cases WHERE receipt = '$RF')|Case $RF: visit_matters.found"; do
	t_db_back clean
	rm -f "$JRC_DB-wal" "$JRC_DB-shm"
	q "$(t_no_triggers) ${t%%|*}"
	out=$(jrc verify 2>&1); st=$?
	is "$st" 1 "${t%%|*}: verify exits 1"
	like "$out" "${t##*|} is not what event" "  and names the row and field"
done
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
out=$(q "UPDATE visits SET place = 'x' WHERE id = 1" 2>&1)
like "$out" "once planned is kept" "a planned visit cannot be changed with the triggers in place"
out=$(q "DELETE FROM visit_matters" 2>&1)
like "$out" "once recorded is kept" "nor a visit matter deleted"
done_testing
