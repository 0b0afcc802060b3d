#!/usr/bin/env bash
# jrc move / status / feedback / tick: moves and refusals (exit 2 naming the
# allowed states, database unchanged), deadlines, the citizen's view with
# the lock after five wrong tries, verdicts and review requests.
. "$top_srcdir/tests/lib.sh"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
ID=$(t_id 33072619800229001)
file_case() {
	jrc file --category LAB --division 330726100201 --name 李四 --id-number "$ID" \
		--phone 13912345678 --text "包工头欠我工资 8000 元" --json
}
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
dbstate() {
	sqlite3 "$JRC_DB" "SELECT count(*) FROM events; SELECT count(*) FROM lifecycle_steps;
		SELECT count(*) FROM verdicts;
		SELECT group_concat(state || coalesce(due_on,'-') || extended || coalesce(answer,'-') || department, ';') FROM cases;" |
		tr '\n' ' '
}

j=$(file_case); ok $? "file a case"
R=$(field "$j" receipt); CODE=$(field "$j" query_code)

# Refused moves: exit 2, the allowed states named, nothing changed.
before=$(dbstate)
out=$(jrc move "$R" answered --answer x 2>&1); st=$?
is "$st" 2 "registered -> answered is refused with exit 2"
like "$out" "^jrc: .*registered.*answered" "it says what was asked"
like "$out" "Allowed now: accepted, declined, redirected, closed" "and names the allowed states"
out=$(jrc move "$R" accepted --role desk 2>&1); st=$?
is "$st" 2 "desk may not accept"
like "$out" "As desk.*No move is open to you" "and says so"
out=$(jrc move "$R" accepted --role handler --staff-department GAJ 2>&1); st=$?
is "$st" 2 "a handler of another department may not accept"
like "$out" "belongs to department RSJ" "and is told whose case it is"
out=$(jrc move "$R" declined --reason "不是信访事项" 2>&1); st=$?
is "$st" 2 "declined without a legal channel"
like "$out" "legal channel" "asks for the channel"
out=$(jrc move "$R" redirected --reason x --department NOPE 2>&1); st=$?
is "$st" 2 "redirected to an unknown department"
out=$(jrc move "$R" done 2>&1); st=$?
is "$st" 2 "an unknown state is bad usage"
like "$out" "registered, accepted, extended" "and lists the states"
out=$(jrc move "$R" accepted --role handler 2>&1); st=$?
is "$st" 2 "a handler without a department"
out=$(jrc move "PJ261129-0001-0" accepted 2>&1); st=$?
is "$st" 2 "a receipt number with a wrong check digit"
is "$(dbstate)" "$before" "refusals changed nothing in the database"

# Moves and their deadlines.
out=$(jrc move "$R" accepted --role handler --staff-department RSJ --staff h01); ok $? "the handler accepts"
like "$out" "registered -> accepted; next deadline 2027-01-28" "answer due 60 days later"
export JRC_NOW=2027-01-20T10:00:00+08:00
json=$(jrc move "$R" extended --reason "需要调取劳动合同" --json); ok $? "extend"
like "$json" '"due_on":"2027-02-27"' "30 days added to the deadline"
like "$json" '"extended":true' "marked extended"
out=$(jrc move "$R" extended --reason again 2>&1); st=$?
is "$st" 2 "a second extension is refused"
like "$out" "only one extension" "the law allows one"
like "$(jrc show "$R")" "staff:h01" "the event names the staff member"
export JRC_NOW=2027-01-31T10:00:00+08:00
out=$(printf '经调解，包工头同意\n月底前付清工资。' | jrc move "$R" answered --answer -); ok $? "answer from stdin"
like "$out" "next deadline 2027-03-02" "review window 30 days, across the end of February"

# The citizen's view.
export JRC_NOW=2027-02-01T10:00:00+08:00
out=$(jrc status "$R" --code "$CODE"); ok $? "status with the right code"
like "$out" "Answered: the department has given you a written answer" "where it stands, in plain words"
like "$out" "Human Resources and Social Security Bureau" "the department"
like "$out" "李\*\*  139\*\*\*\*5678" "name and phone masked"
unlike "$out" "$ID|13912345678|$CODE" "no ID number, full phone or query code"
like "$out" "2026-11-29  Filed" "timeline: filed"
like "$out" "2026-11-29  Taken on" "timeline: taken on"
like "$out" "2027-01-20  Time extended" "timeline: extended"
like "$out" "需要调取劳动合同" "with the reason"
like "$out" "You may ask for a review until 2027-03-02 \(days left: 29\)" "next deadline with days left"
like "$out" "月底前付清工资" "the written answer"
json=$(jrc status "$R" --phone-last4 5678 --json); ok $? "status by the last 4 phone digits"
like "$json" '"state":"answered"' "json state"
like "$json" '"days_left":29' "json days left"
unlike "$json" "query_code|id_number|包工头欠我工资" "json has nothing a citizen should not see"

# The phone digits show the state only: no verdict, no review (issue 11).
like "$json" '"can_give_verdict":false' "the phone digits cannot give a verdict"
like "$json" '"can_request_review":false' "nor ask for a review"
like "$json" '"needs_code":true' "the query code is needed for that"
like "$(jrc status "$R" --phone-last4 5678)" "6-digit query code" "and the text says so"

# Wrong tries, the waits and the lock.
export JRC_NOW=2027-02-01T10:00:30+08:00
out=$(jrc status "$R" --phone-last4 1234 2>&1); st=$?
is "$st" 2 "wrong phone digits: exit 2"
like "$out" "do not go together" "refused"
out=$(jrc status "$R" --code "$CODE" 2>&1); st=$?
is "$st" 2 "the next try at once must wait"
like "$out" "wait 2 seconds" "and says how long"
out=$(jrc status "$R" --code 12345 2>&1); st=$?
is "$st" 2 "a 5-digit code is bad input"
WRONG=$(printf '%06d' $(( (10#$CODE + 1) % 1000000 )))
for m in 01 02 03; do
	JRC_NOW=2027-02-01T10:$m:00+08:00 jrc status "$R" --code "$WRONG" >/dev/null 2>&1
done
export JRC_NOW=2027-02-01T10:04:00+08:00
out=$(jrc status "$R" --code "$WRONG" 2>&1); st=$?
is "$st" 2 "fifth failure: exit 2"
like "$out" "phone digits cannot be used for it until 2027-02-01 11:04" "the fifth failure stops the phone digits for an hour"
export JRC_NOW=2027-02-01T10:05:00+08:00
out=$(jrc status "$R" --phone-last4 5678 2>&1); st=$?
is "$st" 2 "locked: even the right phone digits are refused"
like "$(jrc show "$R")" "lookup_locked" "staff see the lock among the events"
export JRC_NOW=2027-02-01T10:06:00+08:00
jrc status "$R" --code "$CODE" >/dev/null; ok $? "but the owner with the right code gets through"

# Verdicts and the review request.
before=$(dbstate)
out=$(jrc feedback "$R" --code "$WRONG" --verdict unsatisfied 2>&1); st=$?
is "$st" 2 "feedback with a wrong code is refused"
export JRC_NOW=2027-02-01T10:10:00+08:00
out=$(jrc feedback "$R" --code "$CODE" --verdict satisfied --request-review 2>&1); st=$?
is "$st" 2 "review with satisfied is bad usage"
sql_verdicts=$(sqlite3 "$JRC_DB" "SELECT count(*) FROM verdicts")
is "$sql_verdicts" 0 "no verdict recorded by refused feedback"
out=$(jrc feedback "$R" --code "$CODE" --verdict unsatisfied --comment "只付了一半" --request-review); ok $? "not satisfied, review requested"
like "$out" "review is recorded: its answer is due by 2027-03-03" "prints the new deadline"
like "$(jrc show "$R" --json)" '"state":"review_requested"' "the case is review_requested"
like "$(jrc show "$R")" "verdict .*unsatisfied: 只付了一半" "the verdict is an event"
jrc move "$R" review_answered --answer "复查意见：维持原答复。" >/dev/null; ok $? "review answered"
out=$(jrc status "$R" --code "$CODE"); ok $? "status after the review"
like "$out" "re-review until 2027-03-03" "re-review may be asked within 30 days"
out=$(jrc feedback "$R" --code "$CODE" --verdict basic); ok $? "basically satisfied"
like "$out" "now closed" "closes the matter"
out=$(jrc move "$R" rereview_requested 2>&1); st=$?
is "$st" 2 "nothing more after closing"
like "$out" "No move is open" "says nothing is allowed"

# Closing after 30 days with no review asked: jrc tick.
export JRC_NOW=2026-11-29T10:00:00+08:00
R2=$(field "$(file_case)" receipt)
jrc move "$R2" accepted >/dev/null && jrc move "$R2" answered --answer "已处理" >/dev/null; ok $? "a second case answered"
export JRC_NOW=2026-12-29T20:00:00+08:00
like "$(jrc tick)" ": 0$" "tick on the last day closes nothing"
export JRC_NOW=2026-12-30T08:00:00+08:00
out=$(jrc move "$R2" review_requested --role desk 2>&1); st=$?
is "$st" 2 "a review asked after 30 days is refused"
like "$out" "ended on 2026-12-29" "and says when the time ended"
like "$(jrc tick --json)" '"closed":1' "tick closes it"
like "$(jrc show "$R2" --json)" '"state":"closed"' "the case is closed"
like "$(jrc show "$R2")" "system .*answered -> closed" "by the system, as an event"
like "$(jrc tick --json)" '"closed":0' "running tick again changes nothing"

jrc move --help | grep -q "allowed once"; ok $? "move --help"
jrc status --help | grep -q "phone-last4"; ok $? "status --help"
jrc feedback --help | grep -q "request-review"; ok $? "feedback --help"
jrc tick --help | grep -q "daily"; ok $? "tick --help"
done_testing
