#!/bin/bash
# An opinion survey at the kiosk: offered on the home screen of the sites
# it runs at only, answered with digits, one set per citizen, counted by
# township; anonymous (the day and the township, no session, no case, no
# time of day, and sealed into the record out of order); closed.
. "$top_srcdir/tests/lib.sh"

command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

NOW=2026-12-02T10:05:00+08:00
export JRC_NOW=$NOW
t_init_db
q() { sqlite3 "$JRC_DB" "$@"; }

kiosk() {
	tm_start 80 24 env JRC_DB="$JRC_DB" JRC_DATA="$JRC_DATA" JRC_NOW="$NOW" \
		${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} TERM=xterm-256color "$JRC" kiosk --lang "$1"
}
entry() { tm_screen | sed -n "s/^ *>\{0,1\}\([0-9]\{1,2\}\)  $1.*/\1/p" | head -1; }

jrc survey add --title 道路满意度调查 --title-en "Village roads survey" --from 2026-12-01 --to 2026-12-31 \
	--sites 330726100 \
	"您对村里的道路满意吗？|Are you satisfied with the village roads?|满意;基本满意;不满意|Satisfied;Basically satisfied;Not satisfied" \
	"最需要解决的是什么？|What needs solving most?|道路;饮水;治安;其他|Roads;Drinking water;Public order;Other" >/dev/null
ok $? "a survey for Huangzhai Town"

jrc settings site_division 330726101 >/dev/null
kiosk en
tm_wait 'Leader reception days'
unlike "$(tm_screen)" "Opinion survey" "Baima Town's kiosk does not offer it"
tm_stop

jrc settings site_division 330726100 >/dev/null
kiosk en
tm_wait 'Opinion survey'; ok $? "Huangzhai Town's kiosk offers it"
# A citizen files first: nothing of the case may reach the answers.
R=$(jrc file --category LAB --division 330726100201 --anonymous --text "工钱没给")
tm_keys "$(entry 'Opinion survey')"
tm_wait 'question 1 of 2'; ok $? "the first question"
like "$(tm_screen)" "Are you satisfied with the village roads\?" "is asked"
like "$(tm_screen)" "3  Not satisfied" "with numbered answers"
tm_keys 3
tm_wait 'question 2 of 2'; ok $? "a digit answers it"
tm_keys Escape
tm_wait 'question 1 of 2'; ok $? "Esc goes back a question"
tm_keys 3
tm_wait 'question 2 of 2'
tm_keys 1
tm_wait 'Thank you: your answers are kept'; ok $? "thanked"
unlike "$(tm_screen)" "Opinion survey" "one set of answers per citizen: not offered again at once"
is "$(q "SELECT count(*) FROM survey_pending")" 1 "one set kept"
is "$(q "SELECT group_concat(name) FROM pragma_table_info('survey_pending')")" \
	"id,kind,survey_id,day,township,answers" "with nothing but the day and the township"
is "$(q "SELECT day || ' ' || township || ' ' || answers FROM survey_pending")" "2026-12-02 330726100 3,1" \
	"the day, the township, the answers"
tm_stop

# The next citizen, in Chinese, on a kiosk that waits 5 seconds before
# it counts as left alone.
jrc settings idle_seconds 5 >/dev/null
kiosk zh
tm_wait '民意调查'; ok $? "a new session offers it again, in Chinese"
tm_keys "$(entry '民意调查')"
tm_wait '您对村里的道路满意吗'; ok $? "the question in Chinese"
tm_keys 1
tm_wait '最需要解决的是什么'
tm_keys 2
tm_wait '谢谢'; ok $? "thanked"
unlike "$(tm_screen)" "民意调查" "not offered again to the same citizen"
tm_wait '民意调查' 15; ok $? "offered again once the kiosk was left alone"
tm_stop
jrc settings idle_seconds 120 >/dev/null

out=$(jrc survey results 1); ok $? "results"
like "$out" "All townships" "over all townships"
like "$out" "1. Are you satisfied with the village roads\? \(2 answers\)" "two answers counted"
like "$out" "3 Not satisfied +1 +50.0%" "counts and shares"
like "$out" "330726100 Huangzhai Town" "and by township"
j=$(jrc survey results 1 --json); ok $? "results --json"
is "$(printf '%s' "$j" | jq -c '[.results[] | select(.township == "330726100" and .question == 2) | .answers[] | .count]')" \
	"[1,1,0,0]" "the township's counts in JSON"

# Sealed the next day: in random order, each event dated by the day only.
export JRC_NOW=2026-12-03T09:00:00+08:00
like "$(jrc tick)" "put into the record: 2" "tick seals the day's answers"
is "$(q "SELECT count(*) FROM survey_pending")" 0 "nothing left pending"
is "$(q "SELECT count(*) FROM survey_answers")" 2 "two sets in the record"
is "$(q "SELECT group_concat(DISTINCT at) || '|' || count(case_id) FROM events WHERE kind = 'survey_answer'")" \
	"2026-12-01T16:00:00Z|0" "their events carry the day only and no case"
is "$(q "SELECT count(*) FROM events e, events f WHERE e.kind = 'survey_answer' AND f.kind = 'filed' AND e.id < f.id")" 0 \
	"and come after the day's filings, not beside them"
unlike "$(q "SELECT group_concat(payload) FROM events WHERE kind = 'survey_answer'")" "$R" "no receipt number in them"
out=$(jrc verify); ok $? "verify is clean"
t_db_keep clean
q "$(t_no_triggers) UPDATE survey_answers SET answers = '1,1'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a changed answer: verify exits 1"
like "$out" "Survey answer [0-9]+: survey_answers.answers is not what event" "and names it"
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"

jrc survey close 1 >/dev/null; ok $? "the survey is closed"
kiosk en
tm_wait 'Leader reception days'
unlike "$(tm_screen)" "Opinion survey" "and no longer offered"
tm_stop
out=$(jrc survey close 1 2>&1); st=$?
is "$st" 2 "closing twice is refused"

# After a filing: one question on today's service, apart from the matter.
tm_start 100 40 env JRC_DB="$JRC_DB" JRC_DATA="$JRC_DATA" JRC_NOW="$JRC_NOW" \
	${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} TERM=xterm-256color "$JRC" kiosk --lang en
tm_wait 'Tell us about a problem'
tm_keys 1
tm_wait 'Step 1 of 7'
tm_keys 1 Enter
tm_wait 'Step 2 of 7'
tm_keys 1; tm_keys Enter
tm_wait 'choose the village'
tm_keys 1
tm_wait 'Step 3 of 7'
tm_keys 2
tm_wait 'Yes, report anonymously'
tm_keys 1
tm_wait 'Step 4 of 7'
tm_type "老板欠了三个月工资"
tm_keys Enter
tm_wait 'Step 5 of 7'
tm_keys Enter
tm_wait 'Step 6 of 7'
tm_keys "$(tm_screen | sed -n 's/^ *>\{0,1\}\([0-9]\)  No help needed.*/\1/p' | head -1)"
tm_wait 'Step 7 of 7'
tm_keys Enter
tm_wait 'How was today.s service\? Press 1 satisfied, 2 basically satisfied, 3 not satisfied'
ok $? "the receipt screen asks how today's service was"
R2=$(tm_screen | sed -n 's/.*Receipt number: *\(PJ[0-9]*-[0-9]*-[0-9]\).*/\1/p' | head -1)
# The receipt is "printed" first (a key before that only hurries the print).
tm_wait 'No receipt is printed here'
tm_keys 2
tm_wait "Thank you for rating today's service"; ok $? "one digit answers it"
tm_keys 3
is "$(q "SELECT group_concat(answers) FROM survey_pending WHERE kind = 'service'")" 2 "one rating per receipt, kept"
is "$(q "SELECT day || ' ' || township FROM survey_pending WHERE kind = 'service'")" "2026-12-03 330726100" \
	"with the day and the township only"
is "$(q "SELECT count(*) FROM verdicts v JOIN cases c ON c.id = v.case_id WHERE c.receipt = '$R2'")" 0 \
	"apart from the verdict on the matter"
tm_press_until Enter 'Tell us about a problem'
tm_stop
export JRC_NOW=2026-12-04T09:00:00+08:00
like "$(jrc tick)" "put into the record: 1" "the rating is sealed the next day"
is "$(q "SELECT day || ' ' || township || ' ' || rating FROM service_ratings")" "2026-12-03 330726100 basic" \
	"as a rating of the day and township"
out=$(jrc verify); ok $? "verify is clean"
q "$(t_drop_trigger service_ratings_no_update) UPDATE service_ratings SET rating = 'satisfied'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a rating changed behind the program's back: verify exits 1"
like "$out" "Service rating [0-9]+: service_ratings.rating" "and names it"
done_testing
