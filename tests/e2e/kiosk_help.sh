#!/usr/bin/env bash
# Help from staff (issue 16, part 3): a citizen at step 4 of the filing
# form presses F9; the kiosk keeps the draft for the desk under a "help"
# ticket, shows the ticket and goes home with nothing of the form on
# screen; a desk calls the ticket and Enter opens assisted filing with
# the fields filled; filing it wipes the draft from the database.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-30T09:00:00+08:00
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
q() { sqlite3 "$JRC_DB" "$@"; }
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LEDGER_KEY=$JRC_LEDGER_KEY JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
ID=$(t_id 33072619560101123)
STORY="包工头拖欠工资三个月共八千元"
# After the about-you form with a phone, a build with SMS notices asks
# about text messages: no (2), then step 4.
to_step4() {
	tm_wait 'Step 4 of 7|Text messages' || return 1
	if tm_screen | grep -q 'Text messages'; then tm_keys 2; fi
	tm_wait 'Step 4 of 7'
}

# ---------------------------------------------------------------- the kiosk
tm_start 80 24 $ENV "$JRC" kiosk --lang en
tm_wait 'Welcome' 10; ok $? "the kiosk's home screen"
tm_keys 1
tm_wait 'Step 1 of 7'; ok $? "step 1"
like "$(tm_screen)" 'F9: ask staff to help me' "the key line offers F9 on step 1"
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Step 2 of 7'; tm_keys 4
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; ok $? "step 3"
like "$(tm_screen)" 'F9: ask staff' "  and on step 3"
tm_keys 1
tm_wait 'Full name|Name'; tm_type "陈大山"; tm_keys Enter
tm_keys Enter
tm_type "$ID"; tm_keys Enter
tm_type "13812345678"; tm_keys Enter
to_step4; ok $? "step 4 after name, ID number and phone"
tm_type "$STORY"
tm_wait "$STORY"
# The draft cannot be kept (the table refuses it here): a sentence, the
# form as it was, and no number taken for a draft that is not there.
q "CREATE TRIGGER help_refused BEFORE INSERT ON help_requests
   BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
tm_keys F9
tm_wait 'The database reported an error: try again' 10; ok $? "a draft that cannot be kept: a sentence"
like "$(tm_screen)" "Step 4 of 7.*$STORY|$STORY" "  the form as it was"
is "$(q "SELECT count(*) FROM tickets")" 0 "  and no number taken"
q "DROP TRIGGER help_refused"
tm_keys F9
tm_wait 'Your number: B001' 10; ok $? "F9 again gives a ticket, the first number of the day"
scr=$(tm_screen)
like "$scr" 'Staff will help you finish your form' "  that says staff finish the form"
like "$scr" '▀▀' "  the number in block letters"
like "$scr" 'People ahead of you: 0' "  and how many are ahead"
unlike "$scr" "陈大山|$STORY|138" "  nothing typed is on the ticket screen"
echo "$scr" >"${SCREENS_DIR:-$T_DIR}/kiosk_ticket.txt"
tm_press_until Enter 'Welcome'; ok $? "Enter: the kiosk is back home"
tm_keys 1
tm_wait 'Step 1 of 7'; ok $? "a new filing starts"
unlike "$(tm_screen)" 'You typed' "  with nothing chosen"
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Step 2 of 7'; tm_keys 4; tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 1
tm_wait 'Full name|Name'
scr=$(tm_screen)
unlike "$scr" "陈大山|138" "  the next citizen's form holds nothing of the last"
tm_stop

is "$(q "SELECT reason || ' ' || state || ' ' || grp FROM tickets")" "help waiting B" \
	"a waiting help ticket, in the group of the department the matter goes to"
is "$(q "SELECT step FROM help_requests")" 4 "the draft is kept at step 4"
is "$(q "SELECT expires_at FROM help_requests")" 2026-11-30T16:00:00Z \
	"  until local midnight, 00:00 +08:00 (help_expiry's default)"
like "$(q "SELECT draft FROM help_requests")" "$STORY" "  with the story"
unlike "$(q "SELECT group_concat(note, '|') FROM events WHERE kind = 'help_request'")" "陈大山|$STORY|138" \
	"the event names no personal data"
like "$(jrc help-request list)" '^B001  step 4  LAB' "jrc help-request list shows ticket, step, category"
out=$(jrc --site HZ help-request list); ok $? "at another site's desk (a township's on the county server) the list runs"
unlike "$out" 'B001' "  without the hall's request"
unlike "$(jrc help-request list --json)" "陈大山|$STORY|138" "  and none of the draft"

# ---------------------------------------------------------------- the desk
tm_start 80 24 $ENV "$JRC" desk --lang en --window 2
tm_wait "Staff ID" 10
tm_type D001; tm_keys Tab; tm_type secret123; tm_keys Enter
tm_wait "W queue"; tm_keys h
tm_wait 'Drafts handed to staff at the kiosks'; ok $? "H on the worklist lists the drafts handed over"
scr=$(tm_screen)
like "$scr" 'B001 +09:00  step 4  Work and unpaid wages  until 00:00' "  ticket, time, step, kind, expiry"
unlike "$scr" "陈大山|$STORY|138" "  and nothing the citizen typed"
echo "$scr" >"${SCREENS_DIR:-$T_DIR}/desk_helps.txt"
tm_keys Escape
tm_wait "W queue"; tm_keys w
tm_wait "Queue at window 2"; ok $? "the desk's queue screen"
like "$(tm_screen)" 'B001 .*help to fill in, draft at step 4' "the line shows the help ticket with its draft"
tm_keys n
tm_wait 'Draft from the kiosk: step 4 of 7, Work and unpaid wages. Enter opens it'; ok $? "N calls it: the draft is offered"
tm_keys Enter
tm_wait 'Step 4 of 7'; ok $? "Enter opens assisted filing at step 4"
like "$(tm_screen)" "$STORY" "  with the story filled in"
echo "$(tm_screen)" >"${SCREENS_DIR:-$T_DIR}/desk_draft.txt"
is "$(q "SELECT claimed_by FROM help_requests")" "staff:D001" "the draft is claimed by the clerk"
tm_keys Escape
tm_wait 'Step 3 of 7'; tm_keys 1
tm_wait '陈大山'; ok $? "step 3 below holds the name"
like "$(tm_screen)" "13812345678|138\*\*\*\*5678" "  and the phone"
tm_press_until Enter 'Step 4 of 7|Text messages' && to_step4
ok $? "Enter through the filled form: step 4 again"
tm_press_until Enter 'Step 5 of 7'
tm_press_until Enter 'Step 6 of 7'
tm_wait 'No help needed'
tm_keys "$(tm_screen | sed -n 's/^ *>\{0,1\}\([0-9][0-9]*\)  No help needed.*/\1/p' | head -1)"
tm_wait 'Step 7 of 7'; ok $? "the clerk goes through to the review"
scr=$(tm_screen)
like "$scr" 'Work and unpaid wages' "  the category"
like "$scr" 'Huangzhai Town, Huangzhai Village' "  the place"
like "$scr" "陈大山" "  the person"
echo "$scr" >"${SCREENS_DIR:-$T_DIR}/desk_review.txt"
tm_keys Enter
tm_wait 'has been registered'; ok $? "and files it"
tm_stop

is "$(q "SELECT count(*) FROM help_requests")" 0 "filed: the draft is gone from the database"
is "$(q "SELECT state || ' ' || CASE WHEN case_id IS NOT NULL THEN 1 ELSE 0 END FROM tickets WHERE reason = 'help'")" "served 1" "the ticket is served with the case"
is "$(q "SELECT count(*) FROM cases WHERE text LIKE '%拖欠工资三个月%' AND channel = 'desk'")" 1 \
	"the case holds the citizen's story, filed at the desk"
jrc verify >/dev/null; ok $? "the record verifies"
done_testing
