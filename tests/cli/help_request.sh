#!/usr/bin/env bash
# Help requests (issue 16, part 3): the help_expiry setting; jrc
# help-request list shows ticket, times, step and category and nothing
# the citizen typed; `jrc tick` (and `jrc help-request expire`) wipe a
# draft once its time has passed and not before: after that, not a byte
# of the typed text is left in the table or in the database file.  The
# kiosk and desk side is tests/e2e/kiosk_help.sh.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T09:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }

# ---------------------------------------------------------------- the setting
is "$(jrc settings help_expiry)" "end of day" "help_expiry defaults to the end of the day"
jrc settings help_expiry 0 2>"$T_DIR/err"; is $? 2 "0 minutes is refused"
like "$(cat "$T_DIR/err")" "'end of day' or a number of minutes" "  with a sentence"
jrc settings help_expiry soon 2>/dev/null; is $? 2 "a word is refused"
jrc settings help_expiry 30 >/dev/null; ok $? "30 minutes is taken"
is "$(jrc settings help_expiry)" 30 "  and kept"
jrc settings help_expiry "end of day" >/dev/null; ok $? "end of day again"

# ---------------------------------------------------------------- drafts
# Two drafts as the kiosk keeps them (the kiosk's F9 writes them; the
# e2e test drives that): one until 09:30, one until the end of the day.
SECRET="MARKER-秘密-拖欠工资-0042"
t1=$(jrc queue take --reason help --json | jq .id)
t2=$(jrc queue take --reason help --json | jq .id)
q "INSERT INTO help_requests(ticket_id, draft, step, category, created_at, expires_at) VALUES
   ($t1, 'step=4
category=LAB
name=陈大山
phone=13812345678
text=$SECRET', 4, 'LAB', '2026-11-29T01:00:00Z', '2026-11-29T01:30:00Z'),
   ($t2, 'step=2
text=second-$SECRET', 2, '', '2026-11-29T01:00:00Z', '2026-11-29T16:00:00Z')"
ok $? "two drafts are waiting"

out=$(jrc help-request list); ok $? "jrc help-request list"
like "$out" '^A001  step 4  LAB  until 2026-11-29T01:30:00Z' "  ticket, step, category, expiry"
like "$out" 'A002  step 2  -  until' "  a draft without a category"
unlike "$out" "MARKER|陈大山|138" "  nothing the citizen typed"
j=$(jrc help-request list --json); ok $? "  --json"
is "$(echo "$j" | jq -c '.[0] | [.ticket, .step, .category, .expires_at, .claimed_at]')" \
	'["A001",4,"LAB","2026-11-29T01:30:00Z",null]' "  its shape"
unlike "$j" "MARKER|陈大山|138" "  with nothing typed either"

# ---------------------------------------------------------------- expiry
JRC_NOW=2026-11-29T09:29:00+08:00 jrc tick >/dev/null; ok $? "tick before the time"
is "$(q "SELECT count(*) FROM help_requests")" 2 "  wipes nothing"
j=$(JRC_NOW=2026-11-29T09:30:00+08:00 jrc tick --json); ok $? "tick at 09:30"
is "$(echo "$j" | jq .help_drafts_wiped)" 1 "  says it wiped one draft"
is "$(q "SELECT group_concat(ticket_id) FROM help_requests")" "$t2" "  the one due; the other waits"
is "$(q "SELECT count(*) FROM help_requests WHERE draft LIKE '%陈大山%' OR draft LIKE 'step=4%'")" 0 \
	"  no trace of the wiped draft in the table"
like "$(q "SELECT group_concat(note, '|') FROM events WHERE kind = 'help_request'")" \
	'expired and wiped for ticket A001' "an event names the ticket"
unlike "$(q "SELECT group_concat(note, '|') FROM events")" "MARKER|陈大山" "  and nothing of the draft"
is "$(q "SELECT state FROM tickets WHERE id = $t1")" waiting "the ticket itself stays (the queue keeps its numbers)"

out=$(JRC_NOW=2026-11-30T00:00:00+08:00 jrc help-request expire); ok $? "help-request expire at midnight"
is "$out" "Expired help drafts wiped: 1" "  wipes the end-of-day draft"
is "$(q "SELECT count(*) FROM help_requests")" 0 "  none left"
is "$(JRC_NOW=2026-11-30T00:00:00+08:00 jrc help-request expire --json)" '{"wiped":0}' "running it again wipes nothing more"

# The file itself: with the connection closed (WAL checkpointed) the
# deleted rows' pages were zeroed (secure_delete), so the text is gone.
# (On the server: nowhere in what it holds; its files are the server's.)
if ! t_file_db; then
	sqlite3 "$JRC_DB" .dump | grep -a -q "MARKER"; [ $? = 1 ]
	ok $? "no byte of the typed text is left in the database"
else
	q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	if grep -a -q "MARKER" "$JRC_DB" "$JRC_DB-wal" 2>/dev/null; then
		ok 1 "no byte of the typed text is left in the database file"
	else
		ok 0 "no byte of the typed text is left in the database file"
	fi
fi
jrc verify >/dev/null; ok $? "the record verifies"
jrc help-request frob 2>/dev/null; is $? 2 "an unknown action is bad usage"
done_testing
