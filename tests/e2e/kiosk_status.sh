#!/usr/bin/env bash
# The kiosk's "check progress" in a real terminal: a mistyped number is
# caught by its check digit, a wrong code is refused and makes the citizen
# wait, the right code shows the answer (masked, in plain words); "not
# satisfied" and a review request move the case and print the slip.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
ID=$(t_id 33072619800229001)
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
file_case() {
	jrc file --category LAB --division 330726100201 --name 李四 --id-number "$ID" \
		--phone 13912345678 --text "包工头欠我工资 8000 元" --json
}

j=$(file_case); R=$(field "$j" receipt); CODE=$(field "$j" query_code)
jrc move "$R" accepted >/dev/null; ok $? "accepted with jrc move"
JRC_NOW=2026-12-05T10:00:00+08:00 jrc move "$R" answered \
	--answer "已责令包工头在12月底前付清工资。" >/dev/null; ok $? "answered with jrc move"

export JRC_NOW=2026-12-10T10:00:00+08:00
# Two misses at this terminal a minute ago (another number), so that the
# wrong code below is its third and the wait it starts (8 seconds) outlasts
# what a loaded machine takes to deliver the keys typed during it.
sqlite3 "$JRC_DB" "INSERT INTO lookup_attempts(receipt, at, proof, result, source) VALUES
	('PJ261209-0001-0', '2026-12-10T01:59:00Z', 'code', 'fail', 'kiosk:hall-1'),
	('PJ261209-0001-0', '2026-12-10T01:59:00Z', 'code', 'fail', 'kiosk:hall-1')"
SLIP="$T_DIR/slip.bin"
kiosk() {
	tm_start 100 30 env JRC_DB="$JRC_DB" JRC_DATA="$JRC_DATA" JRC_TERMINAL=hall-1 \
		JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" JRC_NOW="$JRC_NOW" LANG=C.UTF-8 TERM=xterm \
		"$JRC" kiosk --lang en --printer "file:$SLIP"
}
kiosk; ok $? "the kiosk starts"
tm_wait "Check the progress of a matter"; ok $? "the home screen offers to check progress"
tm_keys 2
tm_wait "I have my receipt number"; ok $? "it asks whether the citizen has the number"
tm_keys 1
tm_wait "Type the number on your receipt"; ok $? "it asks for the receipt number"

# A typo: the check digit catches it at once.
last=${R: -1}
tm_type "${R%?}$(( (last + 1) % 10 ))"
tm_keys Enter
tm_wait "This number is not valid, please check it"; ok $? "a mistyped number is caught at once"
tm_keys BSpace
tm_type "$last"
tm_keys Enter
tm_keys 1

# A wrong code: refused, and a wait; what is typed meanwhile is kept and
# Enter then looks it up by itself (issue 11).
WRONG=$(printf '%06d' $(( (10#$CODE + 1) % 1000000 )))
tm_type "$WRONG"
tm_keys Enter
tm_wait "do not go together"; ok $? "a wrong query code is refused"
tm_wait "Please wait [3-8] seconds, then try again"; ok $? "and makes the citizen wait"
tm_type "$CODE"
tm_keys Enter
# Seen while the wait still runs: Enter was kept, not acted on or dropped.
tm_wait "Please wait [0-9]+ seconds: your lookup then starts by itself"
ok $? "Enter during the wait is kept for when it ends"
tm_wait "Where your matter stands" 30; ok $? "the code typed during the wait is looked up when it ends"
s=$(tm_screen)
like "$s" "Answered: the department has given you a written answer" "where it stands, in plain words"
like "$s" "Human Resources and Social Security Bureau \(window 2" "the department and its window"
like "$s" "Sunday, 29 November 2026  Filed" "the timeline: filed"
like "$s" "Saturday, 5 December 2026  Answered" "the timeline: answered"
like "$s" "review until Monday, 4 January 2027 \(25 days left\)" "the next deadline with days left"
like "$s" "已责令包工头在12月底前付清工资" "the written answer"
like "$s" "李\*\*  139\*\*\*\*5678" "name and phone masked"
unlike "$s" "13912345678|$ID" "no full phone or ID number"
tm_keys F2
tm_wait "已答复"; ok $? "F2 shows it in Chinese"
tm_keys F2
tm_wait "Answered:"; ok $? "and back in English"

# The verdict and the review request.
tm_keys 1
tm_wait "What do you think of the answer"; ok $? "1 asks for the verdict"
tm_keys 3
tm_wait "You chose: Not satisfied"; ok $? "3 is not satisfied"
tm_type "工资只发了一半"
tm_keys Enter
tm_wait "Ask for a review\?"; ok $? "not satisfied offers a review"
like "$(tm_screen)" "You can ask until Monday, 4 January 2027" "until when"
tm_keys 1
tm_wait "Your request for a review is registered"; ok $? "the review is requested"
like "$(tm_screen)" "answered in writing by Saturday, 9 January 2027" "the new deadline is shown"
like "$(tm_screen)" "slip is being printed" "and the slip printed"

show=$(jrc show "$R" --json)
like "$show" '"state":"review_requested"' "jrc show --json: review_requested"
like "$show" '"due_on":"2027-01-09"' "with the review deadline"
like "$show" '"kind":"verdict"[^}]*"note":"unsatisfied: 工资只发了一半"' "the verdict is an event"
[ -s "$SLIP" ]; ok $? "the slip went to the printer"
grep -aq "$R" "$SLIP"; ok $? "the slip carries the receipt number"
grep -aq "2027-01-09" "$SLIP"; ok $? "and the answer date"

# Any key ends, back on the home screen.
for i in 1 2 3; do
	tm_keys Space
	tm_wait "Welcome" 2 2>/dev/null && break
done
tm_wait "Welcome"; ok $? "a key goes back to the first screen"

# A number whose phone digits are stopped by five wrong tries elsewhere:
# the phone digits are refused here too, the owner's query code is not.
j=$(file_case); R2=$(field "$j" receipt); C2=$(field "$j" query_code)
W2=$(printf '%06d' $(( (10#$C2 + 1) % 1000000 )))
for m in 1 2 3 4 5; do JRC_NOW=2026-12-10T09:0$m:00+08:00 jrc status "$R2" --code "$W2" >/dev/null 2>&1; done
tm_keys 2
tm_wait "I have my receipt number"; tm_keys 1
tm_wait "Type the number on your receipt"
tm_type "$R2"
tm_keys Enter
tm_keys 2
tm_type 5678
tm_keys Enter
# This terminal's misses still make it wait (8 s) before the try is made.
tm_wait "cannot be used" 30; ok $? "the phone digits of a locked number are refused"
s=$(tm_screen | tr -d '\n' | tr -s ' ')
like "$s" "until 2026-12-10 10:05" "and says until when"
like "$s" "query code on the receipt still works" "and that the code still works"
tm_keys Up
tm_keys 1
tm_type "$C2"
tm_keys Enter
tm_wait "Where your matter stands"; ok $? "the owner with the right code gets through"
done_testing
