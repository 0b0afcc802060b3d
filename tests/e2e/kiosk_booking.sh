#!/bin/bash
# The kiosk with the roster: file with a chosen mediator and see the
# booking on the receipt screen and in `jrc show --json`; the legal-aid
# question; a leader's reception day from the home screen; a lost race at
# the moment of sending.
. "$top_srcdir/tests/lib.sh"

command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

# Monday 30 November 2026, 10:05 site time.
NOW=2026-11-30T10:05:00+08:00
export JRC_NOW=$NOW
t_init_db

kiosk() {
	tm_start 100 32 env JRC_DB="$JRC_DB" JRC_DATA="$JRC_DATA" JRC_NOW="$NOW" \
		${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} TERM=xterm-256color "$JRC" kiosk --lang en
}

# Steps 1-5 of the wizard: the category by its keys (1 needs Enter, as
# it could begin 10-15), Puyang, anonymous, a story.
fill_steps() {
	tm_wait 'Step 1 of 7' || return 1
	tm_keys "$@"
	tm_wait 'Step 2 of 7' || return 1
	tm_keys 1; tm_keys Enter
	tm_wait 'choose the village' || return 1
	tm_keys 1
	tm_wait 'Step 3 of 7' || return 1
	tm_keys 2
	tm_wait 'Yes, report anonymously' || return 1
	tm_keys 1
	tm_wait 'Step 4 of 7' || return 1
	tm_type "老板欠了三个月工资"
	tm_keys Enter
	tm_wait 'Step 5 of 7' || return 1
	tm_keys Enter
	tm_wait 'Step 6 of 7' || return 1
}

receipt_number() {
	tm_screen | sed -n 's/.*Receipt number: *\(PJ[0-9]*-[0-9]*-[0-9]\).*/\1/p' | head -1
}

# ---------------------------------------------------------------- a mediator
kiosk
tm_wait 'Leader reception days'
ok $? "the home screen offers leader reception days"
tm_keys 1
fill_steps 1 Enter
ok $? "steps 1 to 5 filled in"
tm_wait 'Talk with a people.s mediator'
ok $? "the help step offers a mediator"
tm_keys 1
tm_wait 'Choose for me'
ok $? "ranked mediators, with 'choose for me' first"
scr=$(tm_screen)
like "$scr" '2 +Chen Jianguo  ·  County Labour Dispute' "the labour mediator is ranked first"
like "$scr" 'Knows: Work and unpaid wages · free today 14:00 · no open cases' "with the reasons in words"
tm_keys 2
tm_wait 'Free times of Chen Jianguo'
ok $? "picking him shows his free times"
scr=$(tm_screen)
like "$scr" '1 +today 14:00-14:30 *$' "today's times first"
like "$scr" 'Where: Labour dispute room' "  the room, the same for every time, said once above them"
tm_keys 1; tm_keys Enter
tm_wait 'Step 7 of 7'
ok $? "the choice leads to the review"
like "$(tm_screen)" 'Help +Chen Jianguo \(people.s mediator\), today 14:00-14:30, Labour dispute room' \
	"the review shows the booking"
tm_keys Enter
tm_wait 'Your appointment: Chen Jianguo'
ok $? "the receipt screen shows the appointment"
like "$(tm_screen | tr -s ' \n' ' ')" 'Your appointment: Chen Jianguo \(people.s mediator\), Monday, 30 November 2026 14:00-14:30, Labour' \
	"with the day, time and room"
r1=$(receipt_number)
like "$r1" '^PJ261130-' "the receipt number is on the screen"
js=$(jrc show --json "$r1")
is "$(echo "$js" | jq -r '.booking.host + " " + .booking.start + " " + .booking.room')" \
	"M02 2026-11-30T14:00:00+08:00 劳动争议调解室" "jrc show --json has the booking"
is "$(echo "$js" | jq -r '.booking.booked_by')" "kiosk" "booked by the kiosk"
# The receipt prints on the screen's first tick: wait for that event
# rather than race it.
kinds() { jrc show --json "$r1" | jq -r '[.events[] | .kind] | join(" ")'; }
i=0; while ! kinds | grep -q print && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
is "$(kinds)" "filed booking ticket print" "filing, booking, the queue ticket and the print are events of the case, in order"
# The receipt ignores keys for a second after it shows and again after
# its print, and only Enter finishes it.
tm_press_until Enter 'Welcome'
ok $? "a key ends the session"

# ---------------------------------------------------------------- a lawyer, legal aid
tm_keys 1
fill_steps 1 Enter
tm_keys 2
tm_wait 'Do you need free legal aid'
ok $? "a lawyer: first the legal-aid question"
tm_keys 1
tm_wait 'Lawyers who give free legal aid'
ok $? "yes shows the legal-aid lawyers"
scr=$(tm_screen)
like "$scr" 'Zhou Wenbin' "a legal-aid lawyer is listed"
unlike "$scr" 'Sun Liping|Qian Haifeng' "lawyers without legal aid are not"
like "$scr" 'free legal aid' "the reason says so"
# Choose for me: the best-ranked legal-aid lawyer's earliest time.
tm_keys 1
tm_wait 'Step 7 of 7'
ok $? "choose for me goes straight to the review"
like "$(tm_screen)" 'Help +Zhou Wenbin \(lawyer\), today 14:00-14:30' "with the top lawyer's earliest time"
tm_keys 6
tm_wait 'Step 6 of 7: Your chosen appointment'
tm_keys 3
tm_wait 'Step 7 of 7'
like "$(tm_screen)" 'Help +No help needed' "the help can be changed to none from the review"
tm_keys Enter
tm_wait 'Your matter has been registered'
r2=$(receipt_number)
is "$(jrc show --json "$r2" | jq -c '.booking')" "null" "filed without a booking"
is "$(t_rows "bookings WHERE host = 'L01'")" 0 "and the lawyer's time stayed free"
tm_press_until Enter "Leader reception days"

# ---------------------------------------------------------------- a leader's reception day
# Other entries may come before it: find its number on the screen.
n=$(tm_screen | sed -n 's/^ *>\{0,1\}\([0-9]\{1,2\}\)  Leader reception days.*/\1/p' | head -1)
tm_keys "${n:-0}"
tm_wait 'County leaders receive citizens on these days'
ok $? "leader reception days from the home screen"
scr=$(tm_screen)
like "$scr" '1 +tomorrow 09:00-11:30 +Li Ming, Deputy Secretary' "who receives and when"
like "$scr" "Topics: Land taking" "about what"
like "$scr" "times free  ·  Where: Leaders. reception room" "and where"
tm_keys 1
tm_wait 'Free times of Li Ming'
tm_keys 2
tm_wait 'Step 1 of 7'
ok $? "a chosen time starts a filing"
like "$(tm_screen)" 'Chosen: Li Ming \(county leader\), tomorrow 09:30-10:00' "that says what was chosen"
fill_steps 6
tm_wait 'Step 6 of 7: Your chosen appointment'
ok $? "the help step shows the leader's day first"
tm_keys 1
tm_wait 'Step 7 of 7'
like "$(tm_screen)" 'Help +Li Ming \(county leader\), tomorrow 09:30-10:00' "the review shows the reception day"
# Another terminal takes that very time before this one sends.
other=$(jrc file --category LAN --division 330726001 --anonymous --text "也要见领导")
jrc book "$other" --host G01 --slot 2026-12-01T09:30 >/dev/null
ok $? "another terminal books the same time first"
tm_keys Enter
tm_wait 'Someone else has just booked tomorrow 09:30 with Li Ming'
ok $? "a lost race is told plainly"
like "$(tm_screen)" 'The next free time is tomorrow 10:00' "and the next free time offered"
is "$(t_rows cases)" 3 "nothing was filed yet"
tm_keys 1
tm_wait 'Your appointment: Li Ming'
ok $? "try again files with the offered time"
like "$(tm_screen)" 'December 2026 10:00-10:30' "at 10:00"
r3=$(receipt_number)
is "$(jrc show --json "$r3" | jq -r '.booking.host + " " + .booking.start')" \
	"G01 2026-12-01T10:00:00+08:00" "the filing is linked to the booking"
is "$(t_rows "bookings WHERE host = 'G01' AND cancelled_at IS NULL")" 2 \
	"one booking each, no double booking"

done_testing
