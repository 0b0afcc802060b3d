#!/usr/bin/env bash
# jrc survey: a survey made (bad ones refused, nothing changed), listed,
# closed once; its row in the chain, and verify names a changed one.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-12-02T10:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() { q "SELECT count(*) FROM events; SELECT count(*) FROM surveys; SELECT count(*) FROM survey_questions;" | tr '\n' ' '; }
Q1="您对村里的道路满意吗？|Are you satisfied with the roads?|满意;基本满意;不满意|Satisfied;Basically;Not satisfied"
base=(--title 道路调查 --title-en "Roads survey" --from 2026-12-01 --to 2026-12-31)

before=$(dbstate)
bad() {
	local what=$1 pat=$2; shift 2
	out=$(jrc survey add "$@" 2>&1); st=$?
	is "$st" 2 "$what is refused"
	like "$out" "$pat" "  and told what to do"
}
bad "a question in three parts" "four parts between" "${base[@]}" "问题|Question|是;否"
bad "one answer only" "2 to 9 answers" "${base[@]}" "问题|Question|是|Yes"
bad "answers that do not match" "3 answers in Chinese but 2 in English" "${base[@]}" "问题|Question|是;否;不知道|Yes;No"
bad "a village as a site" "not the code of the county or a township" "${base[@]}" --sites 330726100201 "$Q1"
bad "a last day in the past" "today or later" --title a --title-en a --from 2026-11-01 --to 2026-11-30 "$Q1"
bad "no English title" "needs --title, --title-en" --title a --from 2026-12-01 --to 2026-12-31 "$Q1"
bad "no questions" "give the questions" "${base[@]}"
is "$(dbstate)" "$before" "the refusals changed nothing"

j=$(jrc survey add "${base[@]}" --sites "330726100;330726" "$Q1" --json); ok $? "a survey is made"
like "$j" '"id":1,"title":"道路调查","title_en":"Roads survey","sites":"330726100 330726","from":"2026-12-01","to":"2026-12-31","closed":false' "--json shows it"
like "$j" '"answers":\[\{"n":1,"text":"满意","text_en":"Satisfied"\}' "with its numbered answers in both languages"
is "$(q "SELECT count(*) FROM events WHERE kind = 'survey' AND payload LIKE '%surveys%'")" 1 "an event carries its row"
out=$(jrc survey list); ok $? "list"
like "$out" "1  2026-12-01 to 2026-12-31  Roads survey" "lists it"
like "$out" "3 Not satisfied" "with its answers"
out=$(jrc survey results 1); ok $? "results before any answer"
like "$out" "\(0 answers\)" "count none"
out=$(jrc survey results 9 2>&1); st=$?
is "$st" 2 "an unknown survey"
like "$out" "no survey number 9" "  is named"

out=$(jrc verify); ok $? "verify is clean"
t_db_keep clean
q "$(t_no_triggers) UPDATE surveys SET end_day = '2027-12-31'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a survey changed behind the program's back: verify exits 1"
like "$out" "Survey 1: surveys.end_day is not what event" "and names it"
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
q "$(t_drop_trigger survey_questions_no_update) UPDATE survey_questions SET text_zh = '您对政府满意吗' WHERE survey_id = 1 AND n = 1"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a question reworded behind the program's back: verify exits 1"
like "$out" "Survey question 1.1: survey_questions.text_zh is not what event" "and names the question and field"
t_db_back clean
rm -f "$JRC_DB-wal" "$JRC_DB-shm"
out=$(q "UPDATE surveys SET title_zh = 'x'" 2>&1)
like "$out" "once made is kept" "the triggers keep it"

out=$(jrc survey close 1); ok $? "closed"
like "$out" "no longer offer it" "  and said so"
out=$(jrc survey close 1 2>&1); st=$?
is "$st" 2 "closing again is refused"
out=$(jrc verify); ok $? "verify is clean after closing"

# surveys.csv: one row per question; imported once, kept after.
mkdir -p "$T_DIR/data"
cp "$JRC_DATA"/*.csv "$T_DIR/data/"
cat >"$T_DIR/data/surveys.csv" <<'CSV'
id,title,title_en,from,to,sites,question,question_en,answers,answers_en
5,饮水调查,Drinking water survey,2026-12-01,2026-12-20,330726101,自来水通了吗？,Is there tap water?,通了;没通,Yes;No
5,饮水调查,Drinking water survey,2026-12-01,2026-12-20,330726101,水质怎么样？,How is the water?,好;一般;差,Good;Fair;Poor
CSV
out=$(jrc --data "$T_DIR/data" import 2>&1); ok $? "surveys.csv is imported"
out=$(jrc --data "$T_DIR/data" import 2>&1); ok $? "and again"
is "$(q "SELECT count(*) || ' ' || group_concat(n) FROM survey_questions WHERE survey_id = 5")" "2 1,2" \
	"one survey, its two questions, once"
like "$(jrc survey list)" "5  2026-12-01 to 2026-12-20  Drinking water survey" "listed"
printf '6,x,x,2026-12-01,2026-12-20,,问题,Question,是,Yes\n' >>"$T_DIR/data/surveys.csv"
before=$(dbstate)
out=$(jrc --data "$T_DIR/data" import 2>&1); st=$?
is "$st" 2 "a question with one answer in surveys.csv is refused"
like "$out" "surveys.csv.*2 to 9 answers" "  naming the file"
is "$(dbstate)" "$before" "  and nothing changed"
out=$(jrc verify); ok $? "verify is clean after the import"
q "$(t_drop_trigger survey_questions_no_update) UPDATE survey_questions SET answers_zh = '好;好;好' WHERE survey_id = 5 AND n = 2"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "an imported question's answers changed behind the program's back: verify exits 1"
like "$out" "Survey question 5.2: survey_questions.answers_zh" "and names them"
done_testing
