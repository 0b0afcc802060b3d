#!/usr/bin/env bash
# jrc supervise (督办, issue 21): a supervisor issues a notice with a
# by-date inside the case's deadline (a later one is refused, naming the
# latest allowed date), others may not issue; the department acknowledges
# and replies; a reply after the by-date is late and listed as late;
# jrc stats counts open and late notices per department; the notice is in
# the chain and verify catches a changed supervisions row.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() { q "SELECT count(*) FROM events; SELECT count(*) FROM supervisions;" | tr '\n' ' '; }

R=$(t_file_one "包工头欠我工资 8000 元"); ok $? "file a case (due 2026-12-14, department RSJ)"
R2=$(t_file_one "工地拖欠工资"); ok $? "file a second case"
printf 'password 1\n' | jrc staff add S01 --name 王督查 --role supervisor >/dev/null &&
	printf 'password 1\n' | jrc staff add D01 --name 张前台 --role desk >/dev/null &&
	printf 'password 1\n' | jrc staff add H01 --name 李经办 --role handler --department RSJ >/dev/null &&
	printf 'password 1\n' | jrc staff add H02 --name 赵经办 --role handler --department GAJ >/dev/null
ok $? "a supervisor, a desk clerk and two handlers"

# Refusals: exit 2 with a sentence, nothing changed.
before=$(dbstate)
out=$(jrc supervise "$R" --department RSJ --by 2026-12-20 --note "尽快受理" --staff S01 2>&1); st=$?
is "$st" 2 "a by-date past the statutory deadline is refused"
like "$out" "^jrc: .*latest allowed date is 2026-12-14" "and the latest allowed date is named"
out=$(jrc supervise "$R" --department RSJ --by 2026-12-05 --note "尽快受理" --staff D01 2>&1); st=$?
is "$st" 2 "a desk clerk may not issue a notice"
like "$out" "Only a supervisor" "and is told who may"
out=$(jrc supervise "$R" --department RSJ --by 2026-12-05 --note "尽快受理" --staff H01 2>&1); st=$?
is "$st" 2 "nor a handler"
out=$(jrc supervise "$R" --department NOPE --by 2026-12-05 --note x --staff S01 2>&1); st=$?
is "$st" 2 "an unknown department is refused"
out=$(jrc supervise "$R" --department RSJ --by 2026-13-05 --note x --staff S01 2>&1); st=$?
is "$st" 2 "a by-date that is not a date is refused"
like "$out" "YYYY-MM-DD" "and the form is shown"
out=$(jrc supervise "$R" --department RSJ --by 2026-11-28 --note x --staff S01 2>&1); st=$?
is "$st" 2 "a by-date in the past is refused"
out=$(jrc supervise "$R" --department RSJ --by 2026-12-05 --note "  " --staff S01 2>&1); st=$?
is "$st" 2 "an empty note is refused"
out=$(jrc supervise "$R" --department RSJ --by 2026-12-05 --staff S01 2>&1); st=$?
is "$st" 2 "a notice without --note is a usage error"
out=$(jrc supervise "$R" --ack --staff S01 2>&1); st=$?
is "$st" 2 "nothing to acknowledge yet"
out=$(jrc supervise "$R" --department RSJ --by 2026-12-05 --note x 2>&1); st=$?
is "$st" 2 "--staff is required"
is "$(dbstate)" "$before" "the refusals changed nothing"

# Issue.
j=$(jrc supervise "$R" --department RSJ --by 2026-12-05 --note "五日内受理并答复" --staff S01 --json); ok $? "a supervisor issues a notice"
like "$j" '"department":"RSJ".*"by":"2026-12-05".*"open":true,"late":false' "--json shows it open, not late"
out=$(jrc supervise "$R" --department RSJ --by 2026-12-06 --note "再催" --staff S01 2>&1); st=$?
is "$st" 2 "a second open notice on the same case is refused"
jrc supervise "$R2" --department RSJ --by 2026-12-10 --note "核查" --staff S01 >/dev/null
ok $? "a notice on the second case"
is "$(q "SELECT count(*) FROM events WHERE kind = 'supervise' AND payload LIKE '%supervisions%'")" 2 \
	"each notice is an event that carries its row"

# Acknowledge: a handler of another department may not.
out=$(jrc supervise "$R" --ack --staff H02 2>&1); st=$?
is "$st" 2 "a handler of another department may not acknowledge"
like "$out" "addressed to RSJ" "and is told to whom it is addressed"
out=$(jrc supervise "$R" --reply "已处理" --staff H01 2>&1); st=$?
is "$st" 2 "no reply before the acknowledgement"
out=$(jrc supervise "$R" --ack --staff H01); ok $? "the department's handler acknowledges"
out=$(jrc supervise "$R" --ack --staff H01 2>&1); st=$?
is "$st" 2 "acknowledged only once"
out=$(jrc supervise --list); ok $? "--list"
like "$out" "$R  RSJ  by 2026-12-05  acknowledged: 五日内受理并答复" "lists the acknowledged notice"

# Two days after the by-date: the first reply is late, the second case's
# notice (by 2026-12-10) still open in time.
export JRC_NOW=2026-12-07T09:00:00+08:00
out=$(jrc supervise --list --late); ok $? "--list --late"
like "$out" "$R .*late" "an acknowledged notice open past its by-date is late"
unlike "$out" "$R2" "one within its by-date is not"
out=$(jrc supervise "$R" --reply "已受理，正在调解" --staff H01); ok $? "the handler replies"
like "$out" "late" "the reply is said to be late"
is "$(q "SELECT kind FROM events ORDER BY id DESC LIMIT 1")" "supervise_late" "a late reply is its own event"
j=$(jrc supervise --list --late --json); ok $? "--list --late --json"
like "$j" "\"receipt\":\"$R\".*\"reply\":\"已受理，正在调解\".*\"open\":false,\"late\":true" "the late reply is listed as late"
unlike "$j" "$R2" "the open notice within its by-date is not"
jrc supervise "$R2" --ack --staff S01 >/dev/null && jrc supervise "$R2" --reply "已核查" --staff S01 >/dev/null
ok $? "a supervisor may acknowledge and reply too"
is "$(q "SELECT late FROM supervisions ORDER BY id")" "1
0" "the reply in time is not late"
jrc supervise "$R2" --department RSJ --by 2026-12-09 --note "补充材料" --staff S01 >/dev/null
ok $? "after the reply a new notice may be issued"

# Stats: RSJ has three notices, one open, one late.
j=$(jrc stats --json); ok $? "stats --json"
like "$j" '"supervision_by_department":\[\{"department":"RSJ","notices":3,"open":1,"late":1\}\]' \
	"open and late notices per department"
out=$(jrc stats); ok $? "stats"
like "$out" "Supervision notices by department" "the text has the section"
like "$out" "RSJ .* 3 +1 +1" "with the figures"

# The record: verify clean; a changed row is named.
out=$(jrc verify); ok $? "verify is clean"
t_db_keep clean
for col in "note = '已撤回'" "by_on = '2026-12-31'" "late = 0" "reply = '早已办结'" "department = 'GAJ'"; do
	t_db_back clean
	rm -f "$JRC_DB-wal" "$JRC_DB-shm"
	q "$(t_no_triggers) UPDATE supervisions SET $col WHERE id = 1"
	out=$(jrc verify 2>&1); st=$?
	is "$st" 1 "supervisions $col: verify exits 1"
	like "$out" "Case $R: supervisions\.${col%% *} is not what event" "and names the case and field"
done
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
out=$(q "UPDATE supervisions SET note = 'x' WHERE id = 1" 2>&1)
like "$out" "once issued is kept" "the issued notice cannot be changed with the triggers in place"
q "INSERT INTO supervisions(case_id, department, note, by_on, issued_at, issued_by) SELECT id, 'RSJ', 'x', '2026-12-08', '2026-12-07T01:00:00Z', 'staff:S01' FROM cases LIMIT 1"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a notice added behind the program's back: verify exits 1"
like "$out" "supervisions .*not in the event log" "and says so"
done_testing
