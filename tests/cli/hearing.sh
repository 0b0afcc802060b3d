#!/usr/bin/env bash
# jrc hearing (公开评议, issue 21 part 1): panel members come from roster.csv
# (kind panel) and are not offered as helpers; a supervisor schedules a
# hearing with three panel members (one of the department concerned is
# refused, as are others than supervisors), records it with each opinion
# and the majority conclusion; every part is an event, verify is clean and
# names the case and field of a changed row; the notice prints to a file.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
FP="$top_builddir/tests/fakeprinter"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() { q "SELECT count(*) FROM events; SELECT count(*) FROM hearings; SELECT count(*) FROM hearing_panel;" | tr '\n' ' '; }

R=$(t_file_one "包工头欠我工资 8000 元"); ok $? "file a case (department RSJ)"
printf 'password 1\n' | jrc staff add S01 --name 王督查 --role supervisor >/dev/null &&
	printf 'password 1\n' | jrc staff add D01 --name 张前台 --role desk >/dev/null &&
	printf 'password 1\n' | jrc staff add H01 --name 李经办 --role handler --department RSJ >/dev/null
ok $? "a supervisor, a desk clerk and a handler"

# The panel on the roster, apart from the helpers a citizen may book.
out=$(jrc hearing panel); ok $? "jrc hearing panel"
like "$out" "P05 +吴海军 +县人大代表（县人社局） +RSJ" "lists a deputy with the department they belong to"
like "$out" "P04 +陈德明 +黄宅镇前店村村民代表" "and a village representative"
out=$(jrc helpers --category LAB 2>&1); like "$out" "Chen Jianguo" "the helpers are listed"
unlike "$out" "Wu Haijun|Chen Deming|Fang Guohua|P0[1-7]" "panel members are not offered to citizens as helpers"
is "$(q "SELECT count(*) FROM hosts WHERE id LIKE 'P%'")" 0 "nor stored with them"

add() { jrc hearing add "$R" --date 2026-12-05 --time 09:30 --place "县信访局三楼评议室" \
	--representative "人社局 李科长" --citizen 陈某 "$@"; }

# Refusals: exit 2 with a sentence, nothing changed.
before=$(dbstate)
out=$(add --panel P01,P03,P04 --staff S01 2>&1); st=$?
is "$st" 2 "a case not yet taken on gets no hearing"
like "$out" "not been taken on" "and is told why"
jrc move "$R" accepted --staff S01 >/dev/null; ok $? "the department takes it on"
before=$(dbstate)
out=$(add --panel P01,P03,P05 --staff S01 2>&1); st=$?
is "$st" 2 "a panel member from the department concerned is refused"
like "$out" "^jrc: Panel member P05 \(吴海军\) belongs to RSJ, the department concerned" "naming them and the department"
out=$(add --panel P01,P03 --staff S01 2>&1); st=$?
is "$st" 2 "two panel members are too few"
like "$out" "needs 3 to 9 panel members" "and the rule is said"
out=$(add --panel P01,P03,M01 --staff S01 2>&1); st=$?
is "$st" 2 "a mediator is not a panel member"
out=$(add --panel P01,P03,P04 --staff D01 2>&1); st=$?
is "$st" 2 "a desk clerk may not schedule"
like "$out" "Only a supervisor schedules hearings" "and is told who may"
out=$(add --panel P01,P03,P04 --staff H01 2>&1); st=$?
is "$st" 2 "nor a handler"
out=$(jrc hearing add "$R" --date 2026-11-28 --time 09:30 --place x --representative y \
	--citizen z --panel P01,P03,P04 --staff S01 2>&1); st=$?
is "$st" 2 "a date past is refused"
out=$(add --panel P01,P03,P04 2>&1); st=$?
is "$st" 2 "--staff is required"
is "$(dbstate)" "$before" "the refusals changed nothing"

# Schedule.
j=$(add --panel P01,P03,P04 --staff S01 --json); ok $? "a supervisor schedules a hearing"
like "$j" '"id":1,"receipt":"'"$R"'","department":"RSJ","date":"2026-12-05","time":"09:30"' "--json shows it"
like "$j" '"panel":\[\{"member":"P01".*"member":"P03".*"member":"P04"' "with its three panel members"
like "$j" '"conclusion":null' "not yet concluded"
is "$(q "SELECT group_concat(kind) FROM events WHERE kind LIKE 'hearing%'")" \
	"hearing,hearing_panel,hearing_panel,hearing_panel" "the hearing and each panel member are events"
CODE=$(q "SELECT query_code FROM cases WHERE receipt = '$R'")
out=$(jrc status "$R" --code "$CODE"); ok $? "the citizen's status"
like "$out" "Public hearing on your matter: 2026-12-05 09:30, 县信访局三楼评议室" "names the hearing to come"
unlike "$out" "方国华|P0[1-7]" "not the panel"
out=$(jrc hearing list --upcoming); ok $? "list upcoming"
like "$out" "^1  $R  2026-12-05 09:30  县信访局三楼评议室  not yet held" "shows it"

# The notice, printed to a file and read back.
jrc hearing notice 1 --printer "file:$T_DIR/notice.bin" 2>/dev/null; ok $? "the notice prints"
if [ -x "$FP" ]; then
	text=$("$FP" decode GB18030 "$T_DIR/notice.bin" 48)
	like "$text" "公开评议通知" "it is the hearing notice"
	like "$text" "$R" "with the receipt number"
	like "$text" "2026-12-05 09:30" "the date and time"
	like "$text" "县信访局三楼评议室" "the place"
	like "$text" "方国华（县人大代表（黄宅镇））" "and the panel"
fi
out=$(jrc hearing notice 9 --printer "file:$T_DIR/x.bin" 2>&1); st=$?
is "$st" 2 "no such hearing"
like "$out" "There is no hearing 9" "is said"

# Record.
rec() { jrc hearing record 1 --attended "陈某；人社局李科长；评议员三名" \
	--citizen-said "工资仍未拿到" --department-said "已责令包工头支付" "$@"; }
before=$(dbstate)
out=$(rec --staff S01 P01=reasonable:依法处理 P03=basic:程序略慢 P04=unreasonable:尚未到账 2>&1); st=$?
is "$st" 2 "not before the hearing's day"
export JRC_NOW=2026-12-05T11:00:00+08:00
out=$(rec --staff S01 P01=reasonable:依法处理 P03=basic:程序略慢 2>&1); st=$?
is "$st" 2 "every panel member's opinion is needed"
like "$out" "P04 \(陈德明\) is missing" "and the one missing is named"
out=$(rec --staff S01 P01=reasonable:依法处理 P03=fine:x P04=absent 2>&1); st=$?
is "$st" 2 "an opinion that is none of the four is refused"
out=$(rec --staff S01 P01=reasonable P03=basic:程序略慢 P04=absent 2>&1); st=$?
is "$st" 2 "an opinion without a reason is refused"
out=$(rec --staff D01 P01=reasonable:依法处理 P03=basic:程序略慢 P04=unreasonable:尚未到账 2>&1); st=$?
is "$st" 2 "a desk clerk may not record"
is "$(dbstate)" "$before" "the refusals changed nothing"
out=$(rec --staff S01 P01=reasonable:依法处理 P03=basic:程序略慢 P04=unreasonable:尚未到账); ok $? "a supervisor records the hearing"
is "$out" "Hearing 1 recorded: basically reasonable, by majority." "one 合理, one 基本合理, one 不合理: basically reasonable"
is "$(q "SELECT group_concat(kind) FROM (SELECT kind FROM events WHERE kind LIKE 'hearing%' AND id > (SELECT max(id) FROM events WHERE kind = 'hearing_panel') ORDER BY id) AS s")" \
	"hearing_attended,hearing_citizen,hearing_department,hearing_opinion,hearing_opinion,hearing_opinion,hearing_concluded" \
	"attendance, each side, each opinion and the conclusion are events"
out=$(rec --staff S01 P01=reasonable:依法处理 P03=basic:程序略慢 P04=unreasonable:尚未到账 2>&1); st=$?
is "$st" 2 "a hearing is recorded once"
out=$(jrc status "$R" --code "$CODE" --json); ok $? "the citizen's status after the hearing"
like "$out" '"hearing":\{"date":"2026-12-05","time":"09:30","place":"县信访局三楼评议室","result":"basic","result_words":"Most of the panel found that the department handled your matter basically reasonably."\}' "gives the result in plain words"
unlike "$out" "尚未到账|工资仍未拿到" "not the reasons or what was said"
j=$(jrc hearing show 1 --json); ok $? "show --json"
like "$j" '"member":"P04","name":"陈德明","title":"黄宅镇前店村村民代表","opinion":"unreasonable","reason":"尚未到账"' "each opinion with its reason"
like "$j" '"conclusion":"basic","upheld":true' "the conclusion, upheld"
out=$(jrc hearing show 1); ok $? "show"
like "$out" "Citizen: 陈\\*\\*$" "the citizen's name masked, as by jrc show"
unlike "$out" "Citizen: 陈某" "  not in clear"
like "$j" '"citizen":"陈\*\*"' "  in --json too"
like "$(jrc hearing show 1 --unmasked)" "Citizen: 陈某" "in clear with --unmasked"
like "$out" "The citizen said: 工资仍未拿到" "what the citizen said"
like "$out" "Conclusion: basically reasonable, by majority" "and the conclusion"
jrc hearing notice 1 --printer "file:$T_DIR/result.bin" 2>/dev/null; ok $? "the notice after the hearing"
if [ -x "$FP" ]; then
	like "$("$FP" decode GB18030 "$T_DIR/result.bin" 48)" "处理基本合理" "carries the result in plain words"
fi

# A second hearing on the case, with members absent: too few opinions.
jrc hearing add "$R" --date 2026-12-06 --time 14:00 --place 县信访局 --representative 李科长 \
	--citizen 陈某 --panel P01,P02,P03,P04 --staff S01 >/dev/null; ok $? "a second hearing"
export JRC_NOW=2026-12-06T16:00:00+08:00
out=$(jrc hearing record 2 --attended 陈某 --citizen-said 没拿到 --department-said 在办 --staff S01 \
	P01=reasonable:依法 P02=unreasonable:未到账 P03=absent P04=absent); ok $? "recorded with two absent"
like "$out" "no conclusion \(too few opinions\)" "two opinions of four: too few for a conclusion"

# The record: verify clean; a changed row is named.
out=$(jrc verify); ok $? "verify is clean"
t_db_keep clean
for change in "hearings SET conclusion = 'reasonable' WHERE id = 1" \
	"hearings SET place = '别处' WHERE id = 1" \
	"hearing_panel SET opinion = 'reasonable' WHERE member = 'P04' AND hearing_id = 1" \
	"hearing_panel SET member = 'P05' WHERE seat = 1 AND hearing_id = 1"; do
	t_db_back clean
	rm -f "$JRC_DB-wal" "$JRC_DB-shm"
	q "$(t_no_triggers) UPDATE $change"
	out=$(jrc verify 2>&1); st=$?
	tbl=${change%% *}; col=${change#* SET }; col=${col%% *}
	is "$st" 1 "$tbl $col changed: verify exits 1"
	like "$out" "Case $R: $tbl\.$col is not what event" "and names the case and field"
done
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
out=$(q "UPDATE hearings SET conclusion = 'reasonable' WHERE id = 1" 2>&1)
like "$out" "is kept" "with the triggers in place a recorded hearing cannot be changed"
out=$(q "UPDATE hearing_panel SET name = 'x' WHERE id = 1" 2>&1)
like "$out" "once given are kept" "nor a panel member"
out=$(q "DELETE FROM hearings WHERE id = 2" 2>&1)
like "$out" "is kept" "nor a hearing deleted"
q "INSERT INTO hearings(case_id, department, held_on, at_time, place, citizen, representative, scheduled_at, scheduled_by, conclusion) SELECT id, 'RSJ', '2026-12-07', '09:00', 'x', 'y', 'z', '2026-12-06T01:00:00Z', 'staff:S01', 'reasonable' FROM cases LIMIT 1"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a hearing added behind the program's back: verify exits 1"
like "$out" "hearings .*not in the event log" "and says so"
done_testing
