#!/bin/bash
# Step 6 with a booking already in the draft (a leader's day chosen from
# the home screen, or coming back from the review) shows the booking first,
# to keep, change or drop, instead of asking "Would you like help?" again
# (issue 13).
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

# Monday 30 November 2026, 10:05: Li Ming receives tomorrow.
K_NOW=2026-11-30T10:05:00+08:00
export JRC_NOW=$K_NOW

# Steps 1-5: the category by its keys, Puyang, anonymous, a story.
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
	tm_type "村里征地补偿一直没有发"
	tm_keys Enter
	tm_wait 'Step 5 of 7' || return 1
	tm_keys Enter
}

k_start 80 24 xterm-256color --lang en
tm_wait 'Leader reception days'; ok $? "the home screen offers leader reception days"
tm_keys "$(k_num 'Leader reception days')"
tm_wait 'County leaders receive citizens'; ok $? "the leader days"
tm_keys 1
tm_wait 'Free times of Li Ming'; ok $? "Li Ming's times"
tm_keys 2
tm_wait 'Chosen: Li Ming'; ok $? "a chosen time starts a filing"
# 6: land and relocation, what Li Ming takes up.
fill_steps 6; ok $? "steps 1 to 5 filled in"

tm_wait 'Step 6 of 7: Your chosen appointment'
ok $? "step 6 shows the booking from the home screen first"
scr=$(tm_screen)
like "$scr" 'Li Ming \(county leader\), tomorrow 09:30-10:00' "who and when"
unlike "$scr" 'Choose the help you would like' "and does not ask for help again"
unlike "$scr" 'does not usually take up' "a leader who takes up the matter: no warning"
like "$scr" '1 +Keep it' "keep it"
like "$scr" '2 +Change it' "change it"
like "$scr" '3 +Drop it' "drop it"

tm_keys 1
tm_wait 'Step 7 of 7'; ok $? "keep it goes on to the review"
like "$(tm_screen)" 'Help +Li Ming \(county leader\), tomorrow 09:30-10:00' "with the booking"
tm_keys Escape
tm_wait 'Step 6 of 7: Your chosen appointment'
ok $? "Esc from the review: the booking first again"

# Change: straight to the leader days; Esc there gives the list of help.
tm_keys 2
tm_wait 'Step 6 of 7: Leader reception days'; ok $? "change it opens the leader days"
tm_keys Escape
tm_wait 'Choose the help you would like'; ok $? "Esc there: the list of help, to choose another kind"
tm_keys "$(k_num 'Meet a county leader')"
tm_wait 'Step 6 of 7: Leader reception days'
tm_keys 4
tm_wait 'Free times of Li Ming'; ok $? "another day of the same leader"
tm_keys 1
tm_wait 'Step 7 of 7'
like "$(tm_screen)" 'Help +Li Ming \(county leader\), Tuesday, 15 December 2026' "the changed booking on the review"
tm_keys Escape
tm_wait 'Step 6 of 7: Your chosen appointment'
like "$(tm_screen)" 'Tuesday, 15 December 2026 09:00-09:30' "step 6 shows the changed booking"

# Drop it: no booking, and the filing has none.
tm_keys 3
tm_wait 'Step 7 of 7'; ok $? "drop it goes on to the review"
like "$(tm_screen)" 'Help +No help needed' "without a booking"
tm_keys Escape
tm_wait 'Choose the help you would like'; ok $? "with nothing booked, step 6 asks again"
tm_keys "$(k_num 'No help needed')"
tm_wait 'Step 7 of 7'
tm_keys Enter
tm_wait 'Your matter has been registered'; ok $? "filed"
r=$(k_receipt)
is "$(jrc show --json "$r" | jq -c '.booking')" "null" "the dropped booking was not made"
is "$(t_rows bookings)" 0 "no booking row at all"
k_stop
done_testing
