#!/bin/bash
# jrc helpers, book, rebook, unbook, schedule: ranking, bookings, refusals
# that change nothing, and many processes racing for one slot.
. "$top_srcdir/tests/lib.sh"

export JRC_LANG=en
# Monday 30 November 2026, 10:05 site time.
export JRC_NOW=2026-11-30T10:05:00+08:00
t_init_db

is "$(t_rows hosts)" 14 "init imports the sample roster"
is "$(t_rows "schedules WHERE day IS NOT NULL AND host LIKE 'G%'")" 24 "and the leaders' reception days"

file_case() {
	jrc file --category "${1:-LAB}" --division 330726001 --anonymous --text "工资三个月没有发"
}

# ---------------------------------------------------------------- helpers
out=$(jrc helpers --category LAB --kind mediator)
ok $? "helpers exits 0"
like "$(echo "$out" | sed -n 1p)" '^ 1\. M02 ' "the labour mediator free today ranks first"
like "$(echo "$out" | sed -n 2p)" 'Knows: Work and unpaid wages · free today 14:00 · no open cases' \
	"with its reasons in words"
like "$(echo "$out" | sed -n 3p)" '^ 2\. M06 ' "the other labour mediator (free tomorrow) second"
out=$(JRC_LANG=zh jrc helpers --category LAB --kind mediator)
like "$out" '擅长 劳动就业与欠薪 · 今天 14:00 有空 · 目前没有在办案件' "reasons in Chinese"

out=$(jrc helpers --category lab --legal-aid --json)
is "$(echo "$out" | jq -r '[.[].host] | join(" ")')" "L01 L05 L02" "legal aid: only legal-aid lawyers, labour ones first"
is "$(echo "$out" | jq -r '.[0].next_free')" "2026-11-30T14:00:00+08:00" "with the next free time"
is "$(echo "$out" | jq -r '.[0].reasons')" \
	"Knows: Work and unpaid wages · free legal aid · free today 14:00 · no open cases · speaks English" \
	"and reasons (an English reader: English speakers are preferred)"

jrc helpers --category XYZ >/dev/null 2>"$T_DIR/err"
is $? 2 "an unknown category: exit 2"
like "$(cat "$T_DIR/err")" "^jrc: Unknown category 'XYZ'" "said in a sentence"
jrc helpers --kind judge >/dev/null 2>&1
is $? 2 "an unknown kind: exit 2"
jrc helpers --kind mediator --legal-aid >/dev/null 2>&1
is $? 2 "legal aid with mediators: exit 2"
jrc helpers --help | grep -q -- '--legal-aid'
ok $? "helpers --help"

# ---------------------------------------------------------------- book
r1=$(file_case)
out=$(jrc book "$r1" --host m02)
ok $? "book the earliest free time of M02"
like "$out" "Booked for $r1: Chen Jianguo \(people's mediator\), Monday, 30 November 2026 14:00-14:30, Labour dispute room" \
	"it is today 14:00"
js=$(jrc show --json "$r1")
is "$(echo "$js" | jq -r '.booking.host + " " + .booking.start + " " + .booking.room')" \
	"M02 2026-11-30T14:00:00+08:00 劳动争议调解室" "show --json has the booking"
is "$(echo "$js" | jq -r '[.events[] | select(.kind == "booking")][0].note')" \
	"booked: M02 陈建国, 2026-11-30 14:00-14:30, 劳动争议调解室" "the booking is an event on the case"
like "$(jrc show "$r1")" "Booking: +Chen Jianguo" "show prints it"

out=$(jrc helpers --category LAB --kind mediator)
like "$(echo "$out" | sed -n 1p)" '^ 1\. M02 ' "with an open case M02 still comes first: today beats tomorrow..."
like "$(echo "$out" | sed -n 2p)" 'free today 14:30 · 1 open case' "...and the open case is counted"

r2=$(file_case)
rows=$(t_rows bookings); events=$(t_rows events)
refuse() {
	local why=$1 want=$2; shift 2
	jrc book "$r2" "$@" >/dev/null 2>"$T_DIR/err"
	is $? 2 "$why: exit 2"
	like "$(cat "$T_DIR/err")" "$want" "$why: said so"
}
refuse "a past time" "already passed: choose a later time" --host M01 --slot 2026-11-30T09:00
refuse "a time that started 5 minutes ago" "already passed" --host M01 --slot 2026-11-30T10:00
refuse "an unknown host" "^jrc: There is no helper with the number 'Q42'" --host Q42
refuse "a time not in the schedule" "does not receive at today 14:10" --host M02 --slot 2026-11-30T14:10
refuse "a bad time" "is not a date and time" --host M02 --slot tomorrow
jrc book "$r1" --host M01 >/dev/null 2>"$T_DIR/err"
is $? 2 "a case already booked: exit 2"
jrc book PJ261130-9999-0 --host M01 >/dev/null 2>&1
is $? 2 "an unknown receipt: exit 2"
is "$(t_rows bookings)" "$rows" "refusals booked nothing"
is "$(t_rows events)" "$events" "and wrote no event"

jrc book "$r2" --host M02 --slot 2026-11-30T14:00 >/dev/null 2>"$T_DIR/err"
is $? 1 "a taken time: exit 1 (someone else won)"
like "$(cat "$T_DIR/err")" "The next free time is today 14:30" "the next free time is offered"

# ---------------------------------------------------------------- rebook, unbook
out=$(jrc rebook "$r1" --slot 2026-12-01T15:00 --staff S7)
ok $? "staff move the booking"
like "$out" "Tuesday, 1 December 2026 15:00-15:30" "to Tuesday 15:00"
is "$(jrc show --json "$r1" | jq -r '[.events[] | select(.kind == "booking")][1].actor')" "staff:S7" \
	"the move is an event with the staff member"
jrc book "$r2" --host M02 --slot 2026-11-30T14:00 >/dev/null
ok $? "the old time is free again"
jrc book "$r2" --move --host M01 --slot 2026-12-02T09:00 >/dev/null
ok $? "book --move moves to another person"
is "$(jrc show --json "$r2" | jq -r '.booking.host')" "M01" "now with M01"
jrc unbook "$r1" >/dev/null
ok $? "unbook"
is "$(jrc show --json "$r1" | jq -c '.booking')" "null" "no booking after unbook"
jrc unbook "$r1" >/dev/null 2>&1
is $? 2 "unbook again: exit 2"
like "$(jrc show "$r1")" "cancelled: M02 陈建国, 2026-12-01 15:00-15:30" "the cancellation is an event"

# ---------------------------------------------------------------- schedule
out=$(jrc schedule --host M01 --days 1)
like "$out" '2026-11-30 Mon  09:00-11:30  M01' "schedule of one host"
like "$out" '10:00-10:30  past' "past times are marked"
like "$out" '10:30-11:00  free' "free ones too"
out=$(jrc schedule --kind leader --days 10 --json)
is "$(echo "$out" | jq -r '[.[] | .host + " " + .date] | join(", ")')" \
	"G01 2026-12-01, G02 2026-12-03, G03 2026-12-09" "leader reception days in the next 10 days"
is "$(echo "$out" | jq -r '.[0].topics')" "征地拆迁、农村宅基地、村务公开、环境污染" "with their topics"
jrc schedule --days 0 >/dev/null 2>&1
is $? 2 "--days 0: exit 2"

# Nothing free in 14 days: the last sample reception day of G01 is 2027-03-23.
r3=$(JRC_NOW=2027-03-24T08:00 file_case LAN)
JRC_NOW=2027-03-24T08:00 jrc book "$r3" --host G01 >/dev/null 2>"$T_DIR/err"
is $? 2 "no free time in 14 days: exit 2"
like "$(cat "$T_DIR/err")" "no free time in the next 14 days: choose another helper, or file without a booking" \
	"said plainly"

# ---------------------------------------------------------------- races
# Many processes book one slot at the same moment; the database lets one win.
export JRC_NOW=2026-11-29T12:00:00+08:00
cases=()
for i in $(seq 1 24); do cases+=("$(file_case)"); done
winners_ok=0
slots=(2026-12-01T09:00 2026-12-02T09:00 2026-12-03T09:30)
for round in 0 1 2; do
	before=$(t_rows "bookings WHERE host = 'L02' AND cancelled_at IS NULL")
	for k in 0 1 2 3 4 5 6 7; do
		( jrc book "${cases[$((round * 8 + k))]}" --host L02 --slot "${slots[$round]}" >/dev/null 2>&1
		  echo $? >"$T_DIR/race.$round.$k" ) &
	done
	wait
	wins=$(grep -lx 0 "$T_DIR"/race.$round.* | wc -l)
	lost=$(grep -lx 1 "$T_DIR"/race.$round.* | wc -l)
	after=$(t_rows "bookings WHERE host = 'L02' AND cancelled_at IS NULL")
	[ "$wins" -eq 1 ] && [ "$lost" -eq 7 ] && [ "$after" = $((before + 1)) ] &&
		winners_ok=$((winners_ok + 1))
	echo "# round $round: $wins won, $lost lost, bookings $before -> $after"
done
is "$winners_ok" 3 "8 processes racing for one slot, 3 times: one booking each time, 7 told it was taken"

# ---------------------------------------------------------------- import
mkdir "$T_DIR/data"
cp "$JRC_DATA"/*.csv "$T_DIR/data/"
printf 'M01,1,,15:00,14:00,30,x,,,\n' >>"$T_DIR/data/schedule.csv"
n=$(wc -l <"$T_DIR/data/schedule.csv")
before=$(t_rows schedules)
jrc --data "$T_DIR/data" import >/dev/null 2>"$T_DIR/err"
is $? 2 "a bad schedule row: exit 2"
like "$(cat "$T_DIR/err")" "schedule.csv:$n: end 14:00 must be later than start 15:00" "reported by file and line"
is "$(t_rows schedules)" "$before" "nothing imported"

done_testing
