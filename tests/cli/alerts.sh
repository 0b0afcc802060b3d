#!/usr/bin/env bash
# Early warning (矛盾预警, issue 18): each rule of data/alerts.csv fires at
# its threshold and not one below (cluster, repeat, collective, overdue);
# a later case joins the open alert instead of raising another; an
# anonymous case is nobody; the summary holds no personal data; a
# supervisor acknowledges with a note, a clerk and a blank note are
# refused and change nothing; --json's shape; every alert is an event and
# verify names an alerts row changed behind the program's back.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is needed"

# The shipped rules, but smaller numbers, so that each threshold is a few
# filings away.
cp -r "$JRC_DATA" "$T_DIR/data"
cat > "$T_DIR/data/alerts.csv" <<'EOF'
code,kind,count,days,name_zh,name_en
CL,cluster,3,30,同一村同类事项集中,One village's matters of one kind
RP,repeat,3,30,重复访,One person filing again and again
CO,collective,3,1,可能的集体访,Many people of one village on one matter on one day
OD,overdue,2,,部门超期件过多,A department with many overdue cases
EOF
export JRC_DATA="$T_DIR/data"
t_init_db
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
nalerts() { q "SELECT count(*) FROM alerts WHERE rule = '$1'"; }
# behind RULE [WHERE]: the cases behind the rule's (last) alert.
behind() { q "SELECT count(*) FROM alert_cases WHERE alert_id = (SELECT max(id) FROM alerts WHERE rule = '$1'${2:+ AND $2})"; }

is "$(q "SELECT group_concat(code || ':' || kind || ':' || count || ':' || days, ' ') FROM alert_rules WHERE active <> 0")" \
	"CL:cluster:3:30 RP:repeat:3:30 CO:collective:3:1 OD:overdue:2:1" "the rules are imported from alerts.csv"
sed -i 's/^CL,cluster,3/CL,cluster,zero/' "$T_DIR/data/alerts.csv"
out=$(jrc import 2>&1); st=$?
is "$st" 2 "a rule with a count that is not a number is refused on import"
like "$out" "alerts.csv:2: count 'zero'" "naming the file and line"
sed -i 's/^CL,cluster,zero/CL,cluster,3/' "$T_DIR/data/alerts.csv"

anon() { jrc file --category "$1" --division "$2" --anonymous --text "$3"; }
person() { # CATEGORY DIVISION ID PHONE TEXT
	jrc file --category "$1" --division "$2" --name 某人 --id-number "$3" --phone "$4" --text "$5"
}
ID1=$(t_id 33072619800101001); ID2=$(t_id 33072619800101002)
ID3=$(t_id 33072619800101003); ID4=$(t_id 33072619800101004)
ID5=$(t_id 33072619800101005)

# Cluster: 3 cases of one village and category in 30 days; anonymous
# cases count (they are cases, not people).
export JRC_NOW=2026-11-01T10:00:00+08:00
A1=$(anon ENV 330726002201 "河水发臭")
export JRC_NOW=2026-11-20T10:00:00+08:00
A2=$(anon ENV 330726002201 "河水发臭 2")
anon ENV 330726002202 "别的村" >/dev/null
is "$(nalerts CL)" 0 "two cases of a village and category: no cluster alert yet"
A3=$(anon ENV 330726002201 "河水发臭 3")
is "$(nalerts CL)" 1 "the third raises a cluster alert"
is "$(q "SELECT group_concat(receipt, ' ') FROM (SELECT c.receipt FROM alert_cases ac JOIN cases c ON c.id = ac.case_id WHERE ac.alert_id = (SELECT id FROM alerts WHERE rule = 'CL') ORDER BY c.id) AS s")" \
	"$A1 $A2 $A3" "with the three cases behind it, not the other village's"
export JRC_NOW=2026-12-25T10:00:00+08:00
anon ENV 330726002201 "一个月后" >/dev/null
is "$(behind CL)" 3 "a case when the window has moved on does not meet the rule"
export JRC_NOW=2026-11-21T10:00:00+08:00
A4=$(anon ENV 330726002201 "河水发臭 4")
is "$(nalerts CL)" 1 "a fourth case raises no second alert while the first is open"
is "$(behind CL)" 4 "it joins the open alert"
is "$(q "SELECT count(*) FROM events WHERE kind = 'filed' AND case_id = (SELECT id FROM cases WHERE receipt = '$A4') AND payload LIKE '%\"alert_cases\"%'")" 1 \
	"the case's filing event carries the row"
is "$(q "SELECT count(*) FROM events WHERE kind = 'alert' AND payload LIKE '%\"alerts\"%'")" 1 \
	"the alert raised is an event that carries its row"

# Repeat: one person (by ID number) filing 3 times in 30 days, any
# category or place; the same ID with another phone is the same person.
export JRC_NOW=2026-11-22T09:00:00+08:00
person LAB 330726001201 "$ID1" 13800000001 "老板欠薪" >/dev/null
person SOC 330726001202 "$ID1" 13800000001 "社保断缴" >/dev/null
is "$(nalerts RP)" 0 "two filings by one person: no repeat alert"
P3=$(person HOU 330726001203 "$ID1" 13900000009 "房屋漏水")
is "$(nalerts RP)" 1 "the third filing by the same ID number raises a repeat alert"
is "$(behind RP)" 3 "behind it: the person's three cases"
person LAB 330726001201 "$ID2" 13800000001 "同一电话不同证件" >/dev/null
is "$(behind RP)" 3 "another ID number with the same phone is another person"
person EDU 330726001201 "$ID1" 13800000001 "第四次" >/dev/null
is "$(nalerts RP):$(behind RP)" "1:4" "the fourth filing joins the open repeat alert"
for v in 330726003201 330726002203 330726001203; do anon OTH $v "匿名" >/dev/null; done
is "$(nalerts RP)" 1 "anonymous cases never make a repeat"
summary=$(jrc alerts --json | jq -r '.[] | select(.rule == "RP") | .summary')
is "$summary" "One person: 4 filings (rule: 3 in 30 days)" "the repeat summary names nobody"
unlike "$(jrc alerts; jrc alerts --json)" "某人|$ID1|13800000001|老板欠薪" "no name, ID number, phone or text in the listing"

# Collective: 3 people of one village on one matter on one day.
export JRC_NOW=2026-11-23T09:00:00+08:00
person LAN 330726003202 "$ID3" 13800000003 "征地补偿" >/dev/null
person LAN 330726003202 "$ID3" 13800000003 "征地补偿 同一人" >/dev/null
anon LAN 330726003202 "匿名的" >/dev/null
person LAN 330726003202 "$ID4" 13800000004 "征地补偿" >/dev/null
is "$(nalerts CO)" 0 "two people (one of them twice, and an anonymous case): no collective alert"
is "$(nalerts CL)" 2 "(though the village's five cases make a cluster)"
export JRC_NOW=2026-11-24T09:00:00+08:00
person LAN 330726003202 "$ID5" 13800000005 "征地补偿" >/dev/null
is "$(nalerts CO)" 0 "a third person the next day is not the same day"
export JRC_NOW=2026-11-23T16:00:00+08:00
person LAN 330726003202 "$ID5" 13800000005 "征地补偿" >/dev/null
is "$(nalerts CO)" 1 "a third person on the same day raises a collective alert"
like "$(jrc alerts --json | jq -r '.[] | select(.rule == "CO") | .summary')" \
	"· .*: 3 people \\(rule: 3 in 1 days\\)" "its summary counts the people"
ID6=$(t_id 33072619800101006)
R6=$(person LAN 330726003202 "$ID6" 13800000006 "征地补偿")
is "$(q "SELECT count(*) || ':' || sum(json_array_length(payload)) FROM events WHERE kind IN ('filed', 'alert_join') AND case_id = (SELECT id FROM cases WHERE receipt = '$R6')")" "1:3" \
	"a case joining two open alerts: its filing event carries both rows"
is "$(behind CO):$(behind CL "division = '330726003202'")" "6:7" "it is behind both"

# Overdue: a department with more than 2 overdue cases, by jrc tick.
export JRC_NOW=2026-10-01T09:00:00+08:00
for v in 330726104201 330726104202; do anon PUB $v "路灯不亮" >/dev/null; done
export JRC_NOW=2026-11-25T09:00:00+08:00
dept=$(q "SELECT department FROM cases WHERE category = 'PUB' LIMIT 1")
over() { q "SELECT count(*) FROM cases WHERE department = '$dept' AND state = 'registered' AND due_on < '2026-11-25'"; }
is "$(over)" 2 "two cases of $dept are overdue"
jrc tick >/dev/null
is "$(nalerts OD)" 0 "two overdue cases are not more than 2: no alert"
export JRC_NOW=2026-10-02T09:00:00+08:00
anon PUB 330726105201 "路灯不亮" >/dev/null
export JRC_NOW=2026-11-25T09:00:00+08:00
j=$(jrc tick --json); ok $? "jrc tick"
like "$j" '"overdue_alerts":1' "tick says it raised an overdue alert"
is "$(nalerts OD):$(q "SELECT department FROM alerts WHERE rule = 'OD'"):$(behind OD)" "1:$dept:3" \
	"three overdue cases raise the department's alert with the three behind it"
jrc tick >/dev/null
is "$(nalerts OD):$(behind OD)" "1:3" "running tick again changes nothing"

# The listing.
j=$(jrc alerts --json); ok $? "jrc alerts --json"
is "$(printf '%s' "$j" | jq -r 'map(.id) | @text')" "[5,4,3,2,1]" "newest first"
is "$(printf '%s' "$j" | jq -r '.[-1] | [.rule, .kind, .division, .category, .department, .count, .open, .acked_by, (.cases | length)] | @csv')" \
	'"CL","cluster","330726002201","ENV",,4,true,,4' "an alert's members"
is "$(printf '%s' "$j" | jq -r '.[-1].cases | join(" ")')" "$A1 $A2 $A3 $A4" "the receipts behind it"
like "$(printf '%s' "$j" | jq -r '.[-1].summary')" "Dengao.*Work|登高|: 4 cases \\(rule: 3 in 30 days\\)" "a plain summary"
txt=$(jrc alerts); ok $? "jrc alerts"
like "$txt" "#1  OPEN  2026-11-20 10:00  CL  .*4 cases \\(rule: 3 in 30 days\\)" "text: number, open, when, rule, summary"
like "$txt" "cases: $A1 $A2 $A3 $A4" "text: the receipts"
zh=$(JRC_LANG=zh jrc alerts --open | grep '^#1 ')
like "$zh" "登高村 · .*：4 件（规则：30 天内 3 件）" "in Chinese: place · category: N 件 and the rule"
is "$(jrc alerts --from 2026-11-23 --to 2026-11-23 --json | jq -c 'map(.rule)')" '["CO","CL"]' \
	"--from and --to pick the days raised"
out=$(jrc alerts --from 2026-13-01 2>&1); st=$?
is "$st" 2 "--from that is not a date is a usage error"

# Acknowledging.
printf 'password 1\n' | jrc staff add S01 --name 王督查 --role supervisor >/dev/null &&
	printf 'password 1\n' | jrc staff add D01 --name 张前台 --role desk >/dev/null
ok $? "a supervisor and a desk clerk"
dbstate() { q "SELECT count(*) FROM events; SELECT group_concat(coalesce(acked_at, '-')) FROM alerts;" | tr '\n' ' '; }
before=$(dbstate)
out=$(jrc alerts ack 1 --note "已约谈" --staff D01 2>&1); st=$?
is "$st" 2 "a desk clerk may not acknowledge"
like "$out" "^jrc: Only a supervisor acknowledges an alert.*ask a supervisor" "and is told who may"
out=$(jrc alerts ack 1 --note "   " --staff S01 2>&1); st=$?
is "$st" 2 "a blank note is refused"
like "$out" "^jrc: The note is missing" "saying what to write"
out=$(jrc alerts ack 1 --staff S01 2>&1); st=$?
is "$st" 2 "no --note is a usage error"
out=$(jrc alerts ack 99 --note x --staff S01 2>&1); st=$?
is "$st" 2 "an unknown alert number is refused"
like "$out" "There is no alert 99: see 'jrc alerts'" "naming where to look"
out=$(jrc alerts ack x1 --note x --staff S01 2>&1); st=$?
is "$st" 2 "a number that is not a number is a usage error"
out=$(jrc alerts ack 1 --note x 2>&1); st=$?
is "$st" 2 "--staff is required"
out=$(jrc alerts ack 1 --note x --staff NOBODY 2>&1); st=$?
is "$st" 2 "an unknown staff ID is refused"
out=$(jrc alerts frob 2>&1); st=$?
is "$st" 2 "an unknown action is a usage error"
is "$(dbstate)" "$before" "the refusals changed nothing"
jrc alerts ack 1 --note "已约谈村委会，安排环保局现场查看" --staff S01 >/dev/null; ok $? "the supervisor acknowledges alert 1"
out=$(jrc alerts ack 1 --note "again" --staff S01 2>&1); st=$?
is "$st" 2 "acknowledging twice is refused"
like "$out" "already acknowledged" "saying so"
is "$(jrc alerts --json | jq -r '.[] | select(.id == 1) | [.open, .acked_by, .ack_note] | @csv')" \
	'false,"S01","已约谈村委会，安排环保局现场查看"' "the alert shows who acknowledged it and the note"
is "$(jrc alerts --open --json | jq -c 'map(.id)')" "[5,4,3,2]" "--open leaves it out"
is "$(q "SELECT count(*) FROM events WHERE kind = 'alert_ack' AND actor = 'staff:S01' AND payload LIKE '%\"alerts\"%'")" 1 \
	"the acknowledgement is an event that carries the row"
export JRC_NOW=2026-12-26T10:00:00+08:00
anon ENV 330726002201 "河水发臭 5" >/dev/null
is "$(nalerts CL)" 2 "a case that meets no rule in its window raises nothing"
anon ENV 330726002201 "河水发臭 6" >/dev/null
is "$(nalerts CL):$(behind CL "acked_at IS NULL AND division = '330726002201'")" "3:3" \
	"once acknowledged, the rule met again raises a new alert"

# An open alert raised longer ago than its rule's window: a later case
# joins it only when the rule is met again, with an event of its own.
export JRC_NOW=2027-01-05T09:00:00+08:00
person LAB 330726001201 "$ID1" 13800000001 "一个多月后" >/dev/null
is "$(nalerts RP):$(behind RP)" "1:4" "the person's first filing in a new window joins no old alert"
person LAB 330726001201 "$ID1" 13800000001 "又一次" >/dev/null
R3=$(person LAB 330726001201 "$ID1" 13800000001 "第三次")
is "$(nalerts RP):$(behind RP)" "1:5" "the third in the window meets the rule: it joins the alert still open"
is "$(q "SELECT count(*) FROM events WHERE kind = 'alert_join' AND case_id = (SELECT id FROM cases WHERE receipt = '$R3') AND payload LIKE '%\"alert_cases\"%'")" 1 \
	"  with an event of its own that carries the row"

# The record.
out=$(jrc verify 2>&1); ok $? "verify passes with the alerts in the log"
t_db_keep clean
notrig() { q "$(t_no_triggers) $1"; }
for col in "days = 1" "threshold = 99" "ack_note = '未处理'" "division = '330726001201'"; do
	t_db_back clean
	rm -f "$JRC_DB-wal" "$JRC_DB-shm"
	notrig "UPDATE alerts SET $col WHERE id = 1"
	out=$(jrc verify 2>&1); st=$?
	is "$st" 1 "alerts $col: verify exits 1"
	like "$out" "Alert 1: alerts\.${col%% *} is not what event" "and names the alert and the field"
done
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
out=$(q "UPDATE alerts SET days = 1 WHERE id = 1" 2>&1)
like "$out" "acknowledged alert is kept" "an acknowledged alert cannot be changed with the triggers in place"
out=$(q "DELETE FROM alert_cases" 2>&1)
like "$out" "behind an alert is kept" "nor a case behind an alert taken away"
notrig "DELETE FROM alert_cases WHERE alert_id = 1 AND case_id = (SELECT id FROM cases WHERE receipt = '$A2')"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a case taken from behind an alert: verify exits 1"
like "$out" "^jrc: Case $A2: its row in alert_cases .* is gone" "and names the case"
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
q "INSERT INTO alerts(rule, kind, key, threshold, days, raised_at) VALUES ('CL', 'cluster', 'x', 3, 30, '2026-11-29T00:00:00Z')"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "an alert added behind the program's back: verify exits 1"
like "$out" "alerts .*not in the event log" "and says so"

done_testing
