#!/bin/bash
# A leader's visit at the kiosk: announced on the home screen of the
# kiosks of that township and of the county center, not of another
# township's; in Chinese and English; booked from the leader reception
# days like a reception day, at the visit's place.
. "$top_srcdir/tests/lib.sh"

command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

# Monday 30 November 2026, 10:05 site time.
NOW=2026-11-30T10:05:00+08:00
export JRC_NOW=$NOW
t_init_db

kiosk() {
	tm_start 80 24 env JRC_DB="$JRC_DB" JRC_DATA="$JRC_DATA" JRC_NOW="$NOW" \
		${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} TERM=xterm-256color "$JRC" kiosk --lang "$1"
}

receipt_number() {
	tm_screen | sed -n 's/.*Receipt number: *\(PJ[0-9]*-[0-9]*-[0-9]\).*/\1/p' | head -1
}

jrc visit add --host G01 --date 2026-12-02 --start 14:00 --end 15:00 --division 330726100201 \
	--place 黄宅村村委会 --place-en "Village committee" --topics "LAN;VIL" >/dev/null
ok $? "a visit of Li Ming to Huangzhai Village on Wednesday"

# Another township's kiosk: not announced.
jrc settings site_division 330726101 >/dev/null; ok $? "a kiosk at Baima Town"
kiosk en
tm_wait 'Leader reception days'
ok $? "its home screen"
unlike "$(tm_screen)" "Leaders come to you|Li Ming" "does not announce a visit to Huangzhai"
tm_stop

# That township's kiosk: announced, in English and in Chinese.
jrc settings site_division 330726100 >/dev/null; ok $? "a kiosk at Huangzhai Town"
kiosk en
tm_wait 'Leaders come to you'
ok $? "announces the visit"
scr=$(tm_screen)
like "$scr" "12/2 14:00-15:00: Li Ming \(Deputy Secretary of the County Party" "who and when"
like "$scr" "Huangzhai Village, Huangzhai Town, at" "where"
like "$scr" "Village committee" "at which place"
like "$scr" "1  Tell us about a problem" "the choices are still there"
tm_keys F2
tm_wait '领导下访'
ok $? "in Chinese"
like "$(tm_screen)" "12月2日 14:00-15:00 李明（县委副书记）到黄宅镇黄宅村接待群众，地点：黄" "the Chinese notice"
tm_stop

# The county center: every visit.
jrc settings site_division 330726 >/dev/null; ok $? "a kiosk at the county center"
kiosk en
tm_wait 'Leaders come to you'
ok $? "announces the visit too"

# Booking: from the leader reception days, as a reception day.
tm_keys "$(tm_screen | sed -n 's/^.*[> ]\([0-9][0-9]*\)  Leader reception days.*$/\1/p' | head -1)"
tm_wait 'County leaders receive citizens on these days'
ok $? "leader reception days"
scr=$(tm_screen)
like "$scr" "2  Wednesday, 2 December 2026 14:00-15:00   Li Ming" "the visit is one of the days"
like "$scr" "Where: Village committee, Huangzhai Village" "at its place"
tm_keys 2
tm_wait 'Free times of Li Ming'
ok $? "its free times"
like "$(tm_screen)" "1 +Wednesday, 2 December 2026 14:00-14:30" "the first at 14:00"
tm_keys 1
tm_wait 'Step 1 of 7'
ok $? "a chosen time starts a filing"
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
tm_type "征地补偿款一直没有发"
tm_keys Enter
tm_wait 'Step 5 of 7'
tm_keys Enter
tm_wait 'Step 6 of 7: Your chosen appointment'
ok $? "the help step shows the visit's time"
tm_keys 1
tm_wait 'Step 7 of 7'
tm_keys Enter
tm_wait 'Your matter has been registered'
ok $? "filed"
r=$(receipt_number)
tm_press_until Down 'Your appointment: Li Ming'
ok $? "with the booking on the receipt screen (below, at 80x24)"
is "$(jrc show --json "$r" | jq -r '.booking.host + " " + .booking.start + " " + .booking.room')" \
	"G01 2026-12-02T14:00:00+08:00 黄宅镇黄宅村 黄宅村村委会" "booked at the visit's time and place"
other=$(jrc file --category LAN --division 330726100201 --anonymous --text "也要见领导")
out=$(jrc book "$other" --host G01 --slot 2026-12-02T14:00:00+08:00 2>&1); st=$?
is "$st" 1 "the same time cannot be booked twice"
tm_press_until Enter "Leader reception days"
ok $? "back home for the next citizen"
tm_stop
done_testing
