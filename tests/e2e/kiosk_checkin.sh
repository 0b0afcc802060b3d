#!/bin/bash
# Check in for an appointment at the kiosk (issue 16 part 2): a citizen
# booked with the command line for today checks in from the home screen
# with the receipt number and query code, sees a queue number of the
# room's group in block letters with the room, and Enter gives the kiosk
# back with nothing of theirs on screen.  A second try is refused with the
# number named; the status view cancels a booking after a question, and
# the freed time can be booked by another case at once.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

# Monday 30 November 2026, 09:10: M01 receives from 09:00 in 人民调解室 1,
# whose check-ins window 11's group (D) calls (windows.csv, rooms).
K_NOW=2026-11-30T09:10:00+08:00
export JRC_NOW=$K_NOW
j=$(jrc file --category LAB --division 330726001 --name 陈大伯 --id-number "$(t_id 33072619560101001)" \
	--phone 13812345678 --text "工资三个月没有发" --json)
R=$(jq -r .receipt <<<"$j"); CODE=$(jq -r .query_code <<<"$j")
jrc book "$R" --host M01 --slot 2026-11-30T09:30 >/dev/null; ok $? "booked for today 09:30 with jrc book"

checkin_with_receipt() {
	tm_wait 'Check in for an appointment' || return 1
	tm_keys "$(k_num 'Check in for an appointment')"
	tm_wait 'With my receipt number and query code' || return 1
	tm_keys 1
	tm_wait 'Receipt number' || return 1
	tm_type "$R"
	tm_keys Enter
	tm_type "$CODE"
	tm_keys Enter
}

k_start 80 24 xterm-256color --lang en --printer "file:$T_DIR/slip.bin"
tm_wait 'Welcome'; ok $? "the kiosk starts"
like "$(tm_screen)" '[0-9]  Check in for an appointment' "home offers check-in"
checkin_with_receipt
tm_wait 'You are checked in'; ok $? "checked in with the receipt number and query code"
scr=$(tm_screen)
echo "$scr" | sed 's/^/# | /'
like "$scr" 'Your number: D001' "a number of the room's group, D001"
like "$scr" 'Room: Mediation room 1' "the room"
like "$scr" 'Zhang Xiaohong \(people.s mediator\).*09:30-10:00' "who and when"
like "$scr" 'People ahead of you: 0' "how many are ahead"
unlike "$scr" "$CODE" "the query code is not on screen"
is "$(jrc queue list --json | jq -r '.[0].ticket + " " + .[0].reason + " " + .[0].case')" "D001 checkin $R" \
	"the ticket is a check-in of the case"
is "$(jrc show --json "$R" | jq -r '[.events[] | .kind] | join(" ")')" "filed booking arrived ticket" \
	"the arrival and the ticket are events of the case"
tm_wait "please take the slip"; ok $? "the slip is printing"
slip=$(iconv -f GB18030 -t UTF-8 -c "$T_DIR/slip.bin" 2>/dev/null | tr -d '\000-\010\016-\037')
like "$slip" "D001" "the slip carries the number"
like "$slip" "人民调解室 1" "and the room"
unlike "$slip" "陈大伯|13812345678" "and nothing personal"
tm_press_until Enter 'Welcome'; ok $? "Enter gives the kiosk back"
unlike "$(tm_screen)" "D001|Mediation room|$R" "nothing of the citizen is left"

# The desk's today's appointments: arrived at 09:10, with the number.
k_stop
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
tm_start 120 40 env JRC_DB="$JRC_DB" JRC_NOW="$K_NOW" JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" TERM=xterm-256color \
	"$JRC" desk --lang en
tm_wait "Staff ID"; tm_type D001; tm_keys Tab; tm_type secret123; tm_keys Enter
tm_wait "Front desk: 张三"
tm_keys a
tm_wait "Today's appointments"; ok $? "the desk's A screen"
scr=$(tm_screen)
echo "$scr" | sed 's/^/# | /'
like "$scr" "09:30-10:00 +陈大伯 +$R +Zhang Xiaohong.* +Mediation room 1 +arrived 09:10 D001" \
	"who, when, the room, the arrival and the kiosk's number"
k_stop
k_start 80 24 xterm-256color --lang en
tm_wait 'Welcome'

# Twice: refused, naming the number.
checkin_with_receipt
tm_wait 'already checked in'; ok $? "a second check-in is refused"
like "$(tm_screen | tr -s ' \n' ' ')" 'Your number is D001' "  naming the number"
is "$(jrc queue list --json | jq length)" 1 "  and no second ticket"
tm_keys Escape
tm_wait 'With my receipt number and query code'; ok $? "Esc goes back to the choice"
tm_keys Escape
tm_wait 'Welcome'; ok $? "and again to the home screen"

# The status view cancels an appointment after a question.
R2=$(jrc file --category LAB --division 330726001 --name 王芳 --id-number "$(t_id 33072619700101002)" \
	--phone 13912345678 --text "工资拖欠" --json)
C2=$(jq -r .query_code <<<"$R2"); R2=$(jq -r .receipt <<<"$R2")
jrc book "$R2" --host M01 --slot 2026-12-02T09:00 >/dev/null; ok $? "another case booked for Wednesday"
tm_keys "$(k_num 'Check the progress of a matter')"
tm_wait 'I have my receipt number'
tm_keys 1
tm_wait 'Type the number on your receipt'
tm_type "$R2"
tm_keys Enter 1
tm_type "$C2"
tm_keys Enter
tm_wait 'Where your matter stands'; ok $? "the status view with the query code"
like "$(tm_screen)" '3  Cancel the appointment' "it offers to cancel"
tm_keys 3
tm_wait 'Cancel your appointment\?'; ok $? "3 asks first"
scr=$(tm_screen)
echo "$scr" | sed 's/^/# | /'
tm_keys 1
tm_wait 'Your appointment is cancelled'; ok $? "1 cancels"
is "$(jrc show --json "$R2" | jq -c .booking)" null "the database has no booking"
R3=$(t_file_one "又一件")
jrc book "$R3" --host M01 --slot 2026-12-02T09:00 >/dev/null; ok $? "another case books the freed time at once"
for i in 1 2 3; do tm_wait 'Welcome' 1 2>/dev/null && break; tm_keys Escape; done
tm_wait 'Welcome'; ok $? "back home"
k_stop
jrc verify >/dev/null; ok $? "jrc verify: the chain holds"
done_testing
