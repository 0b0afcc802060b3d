#!/bin/bash
# jrc checkin (issue 16 part 2): a citizen with an appointment today checks
# in and gets a queue number of the room's group (windows.csv, rooms),
# together with the arrival; a second check-in, another day, no booking,
# too early and too late are refused with a sentence and change nothing;
# the receipt with a wrong query code counts towards the lock; the ID
# number and phone find today's booking.  Cancelling frees the time at
# once (another case books it), and a move takes the new time.
. "$top_srcdir/tests/lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"

export JRC_LANG=en
# Monday 30 November 2026; M01 receives 09:00-11:30 in 人民调解室 1, which
# windows.csv gives to window 11 (group D); the leaders' room is group A's.
export JRC_NOW=2026-11-30T08:00:00+08:00
t_init_db
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() { q "SELECT count(*) FROM events; SELECT count(*) FROM tickets; SELECT count(*) FROM arrivals" | tr '\n' ' '; }

is "$(q "SELECT rooms FROM windows WHERE number = 11")" \
	"人民调解室 1;人民调解室 2;人民调解室 3;劳动争议调解室;医疗纠纷调解室;消费纠纷调解室;律师接待室;法律援助窗口（11号窗口）" \
	"windows.csv names the rooms whose check-ins window 11's group calls"

j=$(jrc file --category LAB --division 330726001 --name 陈大伯 --id-number "$(t_id 33072619560101001)" \
	--phone 13812345678 --text "工资三个月没有发" --json)
R=$(jq -r .receipt <<<"$j"); CODE=$(jq -r .query_code <<<"$j")
R2=$(t_file_one "工资拖欠")
R3=$(t_file_one "又一件工资拖欠")
jrc book "$R" --host M01 --slot 2026-11-30T09:30 >/dev/null; ok $? "booked for today 09:30"
jrc book "$R2" --host M01 --slot 2026-12-02T09:00 >/dev/null; ok $? "another case booked for Wednesday"

# Too early: check-in opens an hour before.
before=$(dbstate)
out=$(jrc checkin "$R" 2>&1); rc=$?
is "$rc" 2 "at 08:00 for 09:30: refused"
like "$out" "today at 09:30. Check-in opens at 08:30" "  it says when check-in opens"
is "$(dbstate)" "$before" "  and nothing changed"

# The check-in.
export JRC_NOW=2026-11-30T09:10:00+08:00
jrc queue take --group D >/dev/null   # someone already waiting in group D
j=$(jrc checkin "$R" --json); ok $? "at 09:10: checked in"
is "$(jq -r '.ticket + " " + .group + " " + (.ahead|tostring) + " " + .room' <<<"$j")" \
	"D002 D 1 人民调解室 1" "  a number of group D (the room's), one ahead, the room named"
is "$(q "SELECT reason || ' ' || state || ' ' || CASE WHEN case_id IS NOT NULL THEN 1 ELSE 0 END FROM tickets WHERE grp = 'D' AND number = 2")" \
	"checkin waiting 1" "  the ticket is a check-in, waiting, linked to the case"
is "$(q "SELECT count(*) FROM arrivals a JOIN bookings b ON b.id = a.booking_id JOIN cases c ON c.id = b.case_id WHERE c.receipt = '$R'")" \
	1 "  the arrival is recorded with it"
is "$(jrc show --json "$R" | jq -r '[.events[] | .kind] | join(" ")')" "filed booking arrived ticket" \
	"  both are events of the case"

# Twice: refused, naming the number taken.
before=$(dbstate)
out=$(jrc checkin "$R" 2>&1); rc=$?
is "$rc" 2 "a second check-in is refused"
like "$out" "already checked in for this appointment .*Your number is D002" "  naming the number"
is "$(dbstate)" "$before" "  and nothing changed"

# No booking today.
out=$(jrc checkin "$R2" 2>&1); rc=$?
is "$rc" 2 "a booking on another day is refused"
like "$out" "Your appointment is Wednesday, 2 December 2026 09:00, not today" "  naming its day"
out=$(jrc checkin "$R3" 2>&1); rc=$?
is "$rc" 2 "a case without a booking: refused"
like "$out" "There is no appointment for this matter today" "  in a sentence"
is "$(dbstate)" "$before" "neither changed anything"

# Too late: after the end of the time.
jrc book "$R3" --host M01 --slot 2026-11-30T10:30 >/dev/null
out=$(JRC_NOW=2026-11-30T11:00:00+08:00 jrc checkin "$R3" 2>&1); rc=$?
is "$rc" 2 "after 10:30-11:00 has passed: refused"
like "$out" "The time of your appointment \(10:30-11:00\) has passed" "  in a sentence"
jrc unbook "$R3" >/dev/null

# The receipt with the query code, as at the kiosk.
R4=$(jrc file --category LAB --division 330726001 --name 陈大妈 --id-number "$(t_id 33072619580101002)" \
	--phone 13912345678 --text "工资也没有发" --json)
C4=$(jq -r .query_code <<<"$R4"); R4=$(jq -r .receipt <<<"$R4")
jrc book "$R4" --host M01 --slot 2026-11-30T10:00 >/dev/null
bad=$( [ "$C4" = 000000 ] && echo 111111 || echo 000000 )
out=$(jrc checkin "$R4" --code "$bad" 2>&1); rc=$?
is "$rc" 2 "a wrong query code is refused"
like "$out" "do not go together" "  and counts as a failed try"
is "$(q "SELECT count(*) FROM lookup_attempts WHERE result = 'fail'")" 1 "  recorded as a failed try"
is "$(q "SELECT count(*) FROM tickets WHERE case_id = (SELECT id FROM cases WHERE receipt = '$R4')")" 0 "  no number"
# A wrong try slows this terminal down: the next one a minute later.
export JRC_NOW=2026-11-30T09:11:00+08:00
j=$(jrc checkin "$R4" --code "$C4" --json); ok $? "with the right code: checked in"
like "$(jq -r .ticket <<<"$j")" '^D00[0-9]$' "  a number of the mediation room's group"

# The ID number and phone instead of the receipt.
R5=$(jrc file --category LAB --division 330726001 --name 王大姐 --id-number "$(t_id 33072619700101003)" \
	--phone 13712345678 --text "征地补偿" --json | jq -r .receipt)
jrc book "$R5" --host M01 --slot 2026-11-30T10:30 >/dev/null
out=$(jrc checkin --id-number "$(t_id 33072619700101003)" --phone 13700000000 2>&1); rc=$?
is "$rc" 2 "a wrong phone with the ID number finds nothing"
export JRC_NOW=2026-11-30T09:40:00+08:00
j=$(jrc checkin --id-number "$(t_id 33072619700101003)" --phone 13712345678 --json); ok $? "ID number and phone check in"
is "$(jq -r .receipt <<<"$j")" "$R5" "  the matter booked for today"
jrc checkin --id-number "$(t_id 33072619700101003)" >/dev/null 2>&1
is $? 2 "--id-number without --phone is bad usage"
jrc checkin "$R" --id-number "$(t_id 33072619700101003)" --phone 13712345678 >/dev/null 2>&1
is $? 2 "a receipt and an ID number together are bad usage"

# Cancel frees the time at once: another case books it.
jrc unbook "$R2" >/dev/null; ok $? "Wednesday 09:00 is cancelled"
R6=$(t_file_one "第六件")
out=$(jrc book "$R6" --host M01 --slot 2026-12-02T09:00); ok $? "another case books the freed time"
like "$out" "09:00" "  at that time"
# Move: R6 goes to 09:30 that day; 09:00 is free again for R2.
jrc rebook "$R6" --slot 2026-12-02T09:30 >/dev/null; ok $? "rebook moves it"
is "$(jrc show --json "$R6" | jq -r .booking.start)" "2026-12-02T09:30:00+08:00" "  to the new time"
jrc book "$R2" --host M01 --slot 2026-12-02T09:00 >/dev/null; ok $? "and the old time is free for another"

jrc verify >/dev/null; ok $? "jrc verify: the chain holds the arrivals, tickets and bookings"
done_testing
