#!/bin/bash
# The appointment in "Check progress" (issue 13): after the query code the
# view shows who, when and which room, and lets the citizen cancel it or
# move it to another free time of the same person, through the same core
# functions as `jrc unbook` / `jrc rebook`, so each change is an event under
# the keyed chain.  The phone digits show none of it; the idle wipe leaves
# nothing of it for the next person.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

K_NOW=2026-11-30T10:05:00+08:00
export JRC_NOW=$K_NOW
field() { jq -r ".$2" <<<"$1"; }
j=$(jrc file --category LAN --division 330726001 --name 王芳 --id-number "$(t_id 33072619700101002)" \
	--phone 13812345678 --text "征地补偿款一直没有发到手" --json)
R=$(field "$j" receipt); CODE=$(field "$j" query_code)
jrc book "$R" --host G01 --slot 2026-12-01T09:30 >/dev/null; ok $? "booked with jrc book"

# lookup KIND DIGITS: from the home screen to the matter.
lookup() {
	tm_wait 'Check the progress of a matter' || return 1
	tm_keys "$(k_num 'Check the progress of a matter')"
	tm_wait 'I have my receipt number' || return 1
	tm_keys 1
	tm_wait 'Type the number on your receipt' || return 1
	tm_type "$R"
	tm_keys Enter
	tm_keys "$1"
	tm_type "$2"
	tm_keys Enter
	tm_wait 'Where your matter stands'
}

k_start 80 24 xterm-256color --lang en
lookup 1 "$CODE"; ok $? "looked up with the query code"
scr=$(tm_screen)
like "$scr" 'Your appointment' "the view shows the appointment"
like "$scr" "Li Ming \(county leader\), tomorrow 09:30-10:00, Leaders' reception room" "who, when and the room"
like "$scr" '3  Cancel the appointment' "it can be cancelled"
like "$scr" '4  Move it to another free time' "or moved"
tm_keys F2
tm_wait '您的预约'; ok $? "in Chinese too"
like "$(tm_screen)" '李明（县领导） 明天 09:30-10:00 领导接待室' "who, when, where in Chinese"
like "$(tm_screen)" '4  改到其他空闲时间' "with its choices"
tm_keys F2
tm_wait 'Your appointment'

# Move: the same person's other free times, the present one not among them.
tm_keys 4
tm_wait 'Free times of Li Ming'; ok $? "4 shows the same person's free times"
like "$(tm_screen)" 'Until then your time stays' "the present time is kept until a new one is chosen"
unlike "$(tm_screen)" 'tomorrow 09:30-10:00' "the present time is not offered"
# 5 cannot begin a two-digit number of this list: it chooses at once.
tm_keys 5
tm_wait 'Your appointment is moved'; ok $? "moved"
like "$(tm_screen)" 'Li Ming \(county leader\), Tuesday, 15 December 2026 09:00-09:30' "the view shows the new time"
js=$(jrc show --json "$R")
is "$(jq -r '.booking.host + " " + .booking.start + " " + .booking.booked_by' <<<"$js")" \
	"G01 2026-12-15T09:00:00+08:00 kiosk" "the database has the new time, booked by the kiosk"
is "$(t_rows "bookings WHERE host = 'G01' AND cancelled_at IS NULL")" 1 "the old time is free again"
is "$(jq -r '[.events[] | .kind] | join(" ")' <<<"$js")" "filed booking booking" \
	"the move is an event of the case"
jrc verify >/dev/null; ok $? "jrc verify: the chain holds"

# Cancel, after a question whose default keeps it.
tm_keys 3
tm_wait 'Cancel your appointment\?'; ok $? "3 asks first"
like "$(tm_screen)" 'Tuesday, 15 December 2026 09:00-09:30' "naming the appointment"
tm_keys 2
tm_wait 'Where your matter stands'; ok $? "2 keeps it"
is "$(jrc show --json "$R" | jq -r '.booking.start')" "2026-12-15T09:00:00+08:00" "still booked"
tm_keys 3
tm_wait 'Cancel your appointment\?'
tm_keys 1
tm_wait 'Your appointment is cancelled'; ok $? "1 cancels"
unlike "$(tm_screen)" 'Li Ming|Cancel the appointment' "the view no longer shows it"
js=$(jrc show --json "$R")
is "$(jq -c '.booking' <<<"$js")" "null" "the database has no booking"
is "$(jq -r '[.events[] | .kind] | join(" ")' <<<"$js")" "filed booking booking booking" \
	"the cancel is an event of the case"
jrc verify >/dev/null; ok $? "jrc verify: the chain holds"
k_stop

# The phone digits: the state only, no appointment and no changes.
jrc book "$R" --host G01 --slot 2026-12-01T10:00 >/dev/null
k_start 80 24 xterm-256color --lang en
lookup 2 5678; ok $? "looked up with the phone digits"
scr=$(tm_screen)
unlike "$scr" 'Your appointment|Li Ming|Cancel the appointment' "no appointment shown"
tm_keys 3
tm_wait 'nothing to choose here|query code'; ok $? "3 changes nothing"
unlike "$(tm_screen)" 'Cancel your appointment' "no cancel question"
is "$(jrc show --json "$R" | jq -r '.booking.start')" "2026-12-01T10:00:00+08:00" "the booking stands"
k_stop

# Idle: what the lookup showed is wiped for the next person.
k_start 80 24 xterm-256color --lang en --idle 2 --countdown 2
lookup 1 "$CODE"; ok $? "looked up again"
tm_wait 'Your appointment'
tm_wait 'Welcome' 20; ok $? "left alone, the kiosk goes back to the first screen"
tm_keys "$(k_num 'Check the progress of a matter')"
tm_wait 'I have my receipt number'
tm_keys 1
tm_wait 'Type the number on your receipt'
unlike "$(tm_screen)" "$R|Li Ming|appointment" "the next person finds nothing of it"
k_stop
done_testing
