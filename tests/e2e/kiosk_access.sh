#!/usr/bin/env bash
# Issue 11 at the kiosk: the phone digits show the state but never give a
# verdict; Esc from a matter leaves an empty form for the next citizen;
# the home cursor starts on the first choice again; the staff entry says
# one sentence for every refusal and shows no staff ID.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
j=$(jrc file --category LAB --division 330726100201 --name 李四 --id-number "$(t_id 33072619800229001)" \
	--phone 13912345678 --text "包工头欠我工资 8000 元" --json)
R=$(field "$j" receipt)
jrc move "$R" accepted >/dev/null && jrc move "$R" answered --answer "已责令付清。" >/dev/null
ok $? "an answered case"
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
jrc staff disable H001 >/dev/null

tm_start 100 30 env JRC_DB="$JRC_DB" JRC_DATA="$JRC_DATA" JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" \
	JRC_NOW="$JRC_NOW" JRC_TERMINAL=hall-1 LANG=C.UTF-8 TERM=xterm "$JRC" kiosk --lang en
tm_wait "Check the progress of a matter"; ok $? "the kiosk starts"

# The phone digits: the state, no verdict.  Check progress first asks
# whether the citizen still has the receipt number.
tm_keys 2
tm_wait "I have my receipt number"; ok $? "check progress asks first whether the number is at hand"
tm_keys 1
tm_wait "Type the number on your receipt"
tm_type "$R"; tm_keys Enter; tm_keys 2; tm_type 5678; tm_keys Enter
tm_wait "Where your matter stands"; ok $? "the phone digits show the matter"
s=$(tm_screen)
like "$s" "Answered" "where it stands"
unlike "$s" "Tell us what you think" "but no verdict is offered"
like "$(printf '%s' "$s" | tr -d '\n' | tr -s ' ')" "query code on your receipt" "it says the query code is needed"
tm_keys 1
tm_wait "look the matter up with the 6-digit query code"; ok $? "1 says so again"
unlike "$(tm_screen)" "What do you think of the answer" "and opens no verdict"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM verdicts")" 0 "no verdict recorded"
is "$(sqlite3 "$JRC_DB" "SELECT source FROM lookup_attempts ORDER BY id DESC LIMIT 1")" \
	"kiosk:hall-1" "the try is counted against this terminal"

# Esc back to the form: empty for the next citizen.
tm_keys Escape
tm_wait "Type the number on your receipt"; ok $? "Esc goes back to the form"
unlike "$(tm_screen)" "${R%-*}" "the previous citizen's number is gone"
tm_keys Escape
tm_wait "Welcome"; ok $? "and Esc again to the home screen"

# The home cursor starts on the first choice again: Down as many times as
# the staff entry is below it (other capabilities add choices above).
n=$(tm_screen | grep -oE "[0-9] +Staff only" | head -1 | cut -c1)
for i in $(seq $((n - 1))); do tm_keys Down; done
tm_keys Enter
tm_wait "Front desk: staff log in"; ok $? "the staff entry, chosen with the arrows"
like "$(tm_screen)" "Staff ID" "asks for the staff ID"
tm_keys Escape
tm_wait "Welcome"
tm_keys Enter
tm_wait "Tell us about your problem|What is your problem about|Step 1" 5
ok $? "Enter on the home screen now opens the first choice, not the last one used"
tm_keys Escape
tm_wait "Welcome" 5 || { tm_keys Escape; tm_keys 1; tm_wait "Welcome" 5; }

# The staff entry: one sentence for unknown ID, wrong password, disabled.
n=$(tm_screen | grep -oE "[0-9] +Staff only" | head -1 | cut -c1)
tm_keys "$n"
tm_wait "Staff ID"
tm_type "X999"; tm_keys Tab; tm_type "whatever1"; tm_keys Enter
tm_wait "is wrong, or the account cannot be used"; ok $? "an unknown ID: the one sentence"
a=$(tm_screen | grep -o "The staff ID or the password is wrong[^.]*")
tm_wait_gone "Please wait" 15
tm_keys Up; tm_keys BSpace BSpace BSpace BSpace; tm_type "D001"; tm_keys Tab; tm_type "wrong"; tm_keys Enter
tm_wait "Please wait"; ok $? "a wrong password: a wait at this terminal"
b=$(tm_screen | grep -o "The staff ID or the password is wrong[^.]*")
tm_wait_gone "Please wait" 15
tm_keys Up; tm_keys BSpace BSpace BSpace BSpace; tm_type "H001"; tm_keys Tab; tm_type "secret123"; tm_keys Enter
tm_wait "Please wait"
c=$(tm_screen | grep -o "The staff ID or the password is wrong[^.]*")
[ -n "$a" ] && [ "$a" = "$b" ] && [ "$b" = "$c" ]; ok $? "unknown ID, wrong password and disabled read the same"
unlike "$(tm_screen)" "tries left|disabled" "no count of tries, no word of the account"
is "$(sqlite3 "$JRC_DB" "SELECT failed_count FROM staff WHERE id = 'D001'")" 0 \
	"the account does not count misses from the hall"
tm_wait_gone "Please wait" 20
tm_keys Up; tm_keys BSpace BSpace BSpace BSpace; tm_type "D001"; tm_keys Tab; tm_type "secret123"; tm_keys Enter
tm_wait "Front desk: 张三" 20; ok $? "the right password logs in"
unlike "$(tm_screen)" "D001" "no staff ID on the screen"
done_testing
