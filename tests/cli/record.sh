#!/usr/bin/env bash
# The record (issue 11): every fact a citizen or the law relies on is in the
# keyed event log, and `jrc verify` holds the tables against it.  For each
# column below the sqlite3 shell drops the append-only triggers, changes
# the value, and verify must exit 1 naming the case (or staff account) and
# the field.  Then: without the ledger key verify checks structure only and
# says so, and nothing can be filed; receipt text is stored cleaned.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
ID=$(t_id 11010519491231002)
q() { sqlite3 "$JRC_DB" "$@"; }
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p"; }

# One case carried through its life: filed with a name, phone and ID
# number, booked, accepted, answered, review asked and answered, verdict
# given; and a staff account.
fresh() {
	local j
	t_init_db
	j=$(jrc file --category LAB --division 330726100201 --name 李四 --id-number "$ID" \
		--phone 13912345678 --text "包工头欠我工资 8000 元" --outcome "发工资" --json) || return 1
	R=$(field "$j" receipt); CODE=$(field "$j" query_code)
	jrc book "$R" --host M02 >/dev/null &&
		jrc move "$R" accepted >/dev/null &&
		jrc move "$R" answered --answer "经调解，月底前付清。" >/dev/null &&
		jrc feedback "$R" --code "$CODE" --verdict unsatisfied --comment "只付了一半" --request-review >/dev/null &&
		jrc move "$R" review_answered --answer "复查意见：维持原答复。" >/dev/null &&
		jrc feedback "$R" --code "$CODE" --verdict basic >/dev/null &&
		printf 'password 1\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
}

fresh; ok $? "a case through its life, with a booking, two verdicts and a staff account"
out=$(jrc verify); ok $? "it verifies"
like "$out" "Authenticity checked" "with the ledger key: authenticity checked"
unlike "$out" "before full coverage|before the chain was keyed" "a new database has nothing uncovered"
is "$(q "SELECT count(*) FROM events WHERE scheme = 2 AND payload IS NULL AND kind IN ('filed','transition','verdict','booking','staff_added')")" 0 \
	"every event that writes a fact carries its copy"

# tamper WHAT SQL WANT: on a fresh database, run SQL, expect exit 1 and WANT.
tamper() {
	local what=$1 sql=$2 want=$3 out st
	fresh
	# An attacker drops every append-only trigger first.
	q "$(t_no_triggers) $sql"
	out=$(jrc verify 2>&1); st=$?
	is $st 1 "$what: verify exits 1"
	like "$out" "$want" "$what: named ($want)"
}
while IFS='|' read -r what sql want; do
	[ -n "$what" ] || continue
	case $what in '#'*) continue ;; esac
	sql=${sql//@NOFK/$(t_fk_off)}
	tamper "$what" "${sql//@R/$R}" "${want//@R/$R}"
done <<'TABLE'
# what|SQL (@R: the receipt, @NOFK: foreign keys off)|what the message must name
cases.text|UPDATE cases SET text = '包工头已付清' WHERE receipt = '@R'|Case @R: cases.text
cases.name|UPDATE cases SET name = '王五' WHERE receipt = '@R'|Case @R: cases.name
cases.phone|UPDATE cases SET phone = '13800000000' WHERE receipt = '@R'|Case @R: cases.phone
cases.id_number|UPDATE cases SET id_number = '110105194912310038' WHERE receipt = '@R'|Case @R: cases.id_number
cases.category|UPDATE cases SET category = 'SOC' WHERE receipt = '@R'|Case @R: cases.category
cases.division|UPDATE cases SET division = '330726001' WHERE receipt = '@R'|Case @R: cases.division
cases.department|UPDATE cases SET department = 'GAJ' WHERE receipt = '@R'|Case @R: cases.department
cases.due_on|UPDATE cases SET due_on = '2030-01-01' WHERE receipt = '@R'|Case @R: cases.due_on
cases.accept_by|UPDATE cases SET accept_by = '2030-01-01' WHERE receipt = '@R'|Case @R: cases.accept_by
cases.query_code|UPDATE cases SET query_code = '000000' WHERE receipt = '@R'|Case @R: cases.query_code
cases.outcome|UPDATE cases SET outcome = '不要了' WHERE receipt = '@R'|Case @R: cases.outcome
cases.answer|UPDATE cases SET answer = '已全部付清' WHERE receipt = '@R'|Case @R: cases.answer
cases.filed_at|UPDATE cases SET filed_at = '2026-01-01T00:00:00Z' WHERE receipt = '@R'|Case @R: cases.filed_at
cases.anonymous|UPDATE cases SET anonymous = 1 WHERE receipt = '@R'|Case @R: cases.anonymous
lifecycle_steps.answer|UPDATE lifecycle_steps SET answer = '已全部付清' WHERE to_state = 'answered'|Case @R: lifecycle_steps.answer
lifecycle_steps.reason|UPDATE lifecycle_steps SET reason = '另有原因' WHERE to_state = 'accepted'|Case @R: lifecycle_steps.reason
lifecycle_steps.actor|UPDATE lifecycle_steps SET actor = 'staff:X' WHERE to_state = 'accepted'|Case @R: lifecycle_steps.actor
lifecycle_steps deleted|@NOFK DELETE FROM lifecycle_steps WHERE to_state = 'answered'|Case @R: its row in lifecycle_steps .* is gone
verdicts.verdict|UPDATE verdicts SET verdict = 'satisfied' WHERE stage = 'answered'|Case @R: verdicts.verdict
verdicts.verdict (the last)|UPDATE verdicts SET verdict = 'satisfied' WHERE stage = 'review_answered'|Case @R: verdicts.verdict
verdicts.comment|UPDATE verdicts SET comment = NULL WHERE stage = 'answered'|Case @R: verdicts.comment
verdicts deleted|DELETE FROM verdicts WHERE stage = 'answered'|Case @R: its row in verdicts .* is gone
verdict slipped in|INSERT INTO verdicts(case_id, stage, verdict, at, event_id) SELECT id, 'rereview_answered', 'satisfied', state_at, 1 FROM cases|Case @R: its row in verdicts .* is not in the event log
bookings.slot_start|UPDATE bookings SET slot_start = '2026-12-24T01:00:00Z'|Case @R: bookings.slot_start
bookings.host|UPDATE bookings SET host = 'M01'|Case @R: bookings.host
bookings.cancelled_at|UPDATE bookings SET cancelled_at = '2026-11-29T03:00:00Z'|Case @R: bookings.cancelled_at
staff.role|UPDATE staff SET role = 'admin' WHERE id = 'D001'|Staff account D001: staff.role
staff.hash|UPDATE staff SET hash = replace(hash, '$y$', '$Y$') WHERE id = 'D001'|Staff account D001: staff.hash
staff.disabled|UPDATE staff SET disabled = 1 WHERE id = 'D001'|Staff account D001: staff.disabled
staff slipped in|INSERT INTO staff(id, name, role, hash, created_at) VALUES ('X9', 'x', 'admin', 'h', '2026-01-01T00:00:00Z')|Staff account X9: its row in staff .* is not in the event log
an event's copy rewritten|UPDATE events SET payload = replace(payload, '经调解', '已付清') WHERE kind = 'transition'|was changed after it was written
TABLE

# A forged state still shows (the case against its last state event).
fresh
q "UPDATE cases SET state = 'accepted' WHERE receipt = '$R'"
out=$(jrc verify 2>&1); is $? 1 "cases.state: verify exits 1"
like "$out" "Case $R says 'accepted'" "cases.state: named"

# The status screen would show a forged answer: verify names the column.
fresh
q "UPDATE cases SET answer = '已全部付清' WHERE receipt = '$R'; UPDATE lifecycle_steps SET answer = '已全部付清' WHERE to_state = 'review_answered'"
out=$(jrc verify --json 2>&1); is $? 1 "a forged answer in both tables: exit 1"
like "$out" '"ok":false' "--json says not ok"
like "$out" "cases.answer" "--json names the first field"

# ---------------------------------------------------------------- the key
fresh
is "$(stat -c %a "$JRC_LEDGER_KEY")" 400 "jrc init made the ledger key, mode 0400"
unlike "$(q "SELECT * FROM settings")" "ledger" "its path is not in the database"
unlike "$(q .dump)" "$(tr -d '\n' <"$JRC_LEDGER_KEY")" "nor the key itself"
init2=$(JRC_DB=$T_DIR/second.db jrc init); ok $? "a second database with the same key"
unlike "$init2" "Created the ledger key" "an existing key is kept"
mv "$JRC_LEDGER_KEY" "$T_DIR/key.away"
out=$(jrc verify); ok $? "without the key the structure still verifies"
like "$out" "Authenticity NOT checked: The ledger key $JRC_LEDGER_KEY cannot be read" "and verify says plainly that authenticity was not checked"
like "$(jrc verify --json)" '"authenticated":false' "--json too"
n=$(q "SELECT count(*) FROM cases")
out=$(t_file_one "没有钥匙" 2>&1); is $? 1 "filing without the key fails"
like "$out" "^jrc: The ledger key .* cannot be read .* Ask the supervisor" "with a sentence for staff"
is "$(q "SELECT count(*) FROM cases")" "$n" "and nothing is filed"
out=$(jrc kiosk 2>&1 </dev/null); is $? 1 "the kiosk does not start without the key"
like "$out" "ledger key" "saying why"
out=$(jrc desk 2>&1 </dev/null); is $? 1 "nor the desk"
mv "$T_DIR/key.away" "$JRC_LEDGER_KEY"
chmod 0444 "$JRC_LEDGER_KEY"
out=$(jrc verify 2>&1); like "$out" "open to other users" "a key others can read is not trusted"
chmod 0400 "$JRC_LEDGER_KEY"

# Someone who can write the database but has no key cannot re-seal a change:
# a forged answer with its event's copy and hash made to match a key of
# their own is caught.
fresh
printf '%064d\n' 0 >"$T_DIR/my.key"; chmod 0400 "$T_DIR/my.key"
eid=$(q "SELECT event_id FROM lifecycle_steps WHERE to_state = 'answered'")
q "$(t_drop_trigger events_no_update) UPDATE lifecycle_steps SET answer = '已全部付清' WHERE event_id = $eid;
   UPDATE events SET payload = replace(payload, '经调解，月底前付清。', '已全部付清') WHERE id = $eid"
out=$(JRC_LEDGER_KEY=$T_DIR/my.key jrc verify 2>&1); is $? 1 "verify with the attacker's key: the chain breaks at once"
out=$(jrc verify 2>&1); is $? 1 "verify with the hall's key: exit 1"
like "$out" "Event $eid was changed after it was written" "naming the rewritten event"

# ---------------------------------------------------------------- text
t_init_db
R=$(t_file_one "$(printf '欠薪三个月\t  \t   ')")
is "$(q "SELECT hex(text) FROM cases WHERE receipt = '$R'")" "$(printf '欠薪三个月' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
	"text with tabs and spaces appended is stored without them"
jrc verify >/dev/null; ok $? "and verifies"
done_testing
