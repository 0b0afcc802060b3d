#!/usr/bin/env bash
# A citizen's matter solved on the spot at a leader's visit, recorded at
# the desk: S in the visit log starts the filing with one step more (what
# was done), the review shows it and reopens it, Enter files, accepts and
# answers it in one go; the visit report counts it solved on the spot and
# the next filing starts empty.  A front-desk clerk, who may not accept
# and answer, is told so before typing anything.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is needed"
t_init_db
export JRC_NOW=2026-11-30T08:00:00+08:00
jrc visit add --host G02 --date 2026-12-02 --start 14:00 --end 16:00 --division 330726101 \
	--place 白马镇政府 --place-en "Baima town hall" --topics "LAB;SOC" >/dev/null
ok $? "a visit of Liu Fang to Baima Town"
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add S001 --name 王主任 --role supervisor >/dev/null
export JRC_NOW=2026-12-02T14:40:00+08:00
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
no_help() {
	tm_wait 'Step 6 of 8' || return 1
	tm_keys "$(tm_screen | sed -n 's/^ *>\{0,1\}\([0-9]\)  No help needed.*/\1/p' | head -1)"
}

# A front-desk clerk: refused at the key, nothing started.
tm_start 80 24 $ENV "$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 10; ok $? "a clerk logged in"
tm_keys v
tm_wait "Visit log" 5; ok $? "the visit log"
like "$(tm_screen)" "S: solved on the spot" "the key line names S"
tm_keys s
tm_wait "Only a supervisor may record a matter solved on the spot: press Enter instead." 5
ok $? "S is refused to a clerk, saying who may and what to do"
unlike "$(tm_screen)" "Step 1 of" "no filing was started"
tm_stop

# A supervisor records a citizen's matter solved on the spot.
tm_start 80 24 $ENV "$JRC" desk --lang en
login S001 secret123
tm_wait "Front desk: 王主任" 10; ok $? "a supervisor logged in"
tm_keys v
tm_wait "Visit log" 5
tm_keys s
tm_wait 'Step 1 of 8'; ok $? "S starts a filing of eight steps"
tm_keys 1 Enter
tm_wait 'Step 3 of 8'; ok $? "the place is the visit's"
tm_keys 2
tm_wait 'Yes, report anonymously'
tm_keys 1
tm_wait 'Step 4 of 8'
tm_type "pension card lost"
tm_keys Enter
tm_wait 'Step 5 of 8'
tm_keys Enter
no_help
tm_wait 'Step 7 of 8'; ok $? "then what was done, step 7 of 8"
like "$(tm_screen)" "What was done on the spot" "asked as its own step"
tm_keys Enter
tm_wait "Write what was done on the spot" 5; ok $? "an empty answer is refused, saying what to type"
like "$(tm_screen)" "Step 7 of 8" "and the step stays"
tm_type "card reissued at the hall"
tm_keys Enter
tm_wait 'Step 8 of 8'; ok $? "the review is step 8 of 8"
like "$(tm_screen)" "7 +Done there +card reissued at the hall" "the review shows what was done as row 7"
tm_keys 7
tm_wait 'Step 7 of 8'; ok $? "7 reopens it"
tm_keys BSpace BSpace BSpace BSpace
tm_type "desk"
tm_keys Enter
tm_wait 'Step 8 of 8'; ok $? "and comes back to the review"
like "$(tm_screen)" "card reissued at the desk" "with the change"
tm_keys Enter
tm_wait 'Your matter has been registered' 10; ok $? "filed, with a receipt"
# The receipt is drawn first and printed on the next tick; the print's
# word then takes rows and pushes the rest down.  Read it once settled,
# every page of it.
tm_wait 'No printer is set up here'; ok $? "the receipt says no printer is set up"
all=$(tm_pages 'more below' 10)
RS=$(printf '%s\n' "$all" | sed -n 's/.*Receipt number: *\(PJ[0-9]*-[0-9]*-[0-9]\).*/\1/p' | head -1)
like "$(printf '%s' "$all" | tr -s ' \n' ' ')" "answered on the spot" "the receipt says it was answered on the spot"
unlike "$(printf '%s' "$all" | tr -s ' \n' ' ')" "decides within" "and promises no decision to wait for"
is "$(jrc show --json "$RS" --unmasked | jq -r '[.state, .answer, .visit] | join("|")')" \
	"answered|card reissued at the desk|1" "accepted and answered with what was done"
is "$(jrc visit report 1 --json | jq -r '[.on_spot, (.cases[] | select(.receipt == "'"$RS"'") | .on_spot)] | map(tostring) | join(" ")')" "1 true" \
	"the visit report counts it solved on the spot"
jrc print "$RS" --printer "file:$T_DIR/receipt.txt" --format text --lang en >/dev/null
ok $? "its receipt printed again"
paper=$(tr -s ' \n' ' ' <"$T_DIR/receipt.txt")
like "$paper" "Status: answered; if not satisfied, ask for a review within 30 days" "the paper says it was answered"
unlike "$paper" "Acceptance:" "and no acceptance deadline"

# The next filing starts empty, in the plain mode.
tm_press_until Enter "Visit log"
ok $? "back to the visit log"
tm_keys Enter
tm_wait 'Step 1 of 7'; ok $? "Enter starts a plain filing of seven steps"
tm_keys 1 Enter
tm_wait 'Step 3 of 7'
tm_keys 2
tm_wait 'Yes, report anonymously'
tm_keys 1
tm_wait 'Step 4 of 7'
unlike "$(tm_screen)" "pension card" "nothing of the last filing's story"
tm_stop

# Again with S: the answer's step starts empty.
tm_start 80 24 $ENV "$JRC" desk --lang en
login S001 secret123
tm_wait "Front desk: 王主任" 10
tm_keys v
tm_wait "Visit log" 5
tm_keys s
tm_wait 'Step 1 of 8'
tm_keys 1 Enter
tm_wait 'Step 3 of 8'
tm_keys 2
tm_wait 'Yes, report anonymously'
tm_keys 1
tm_wait 'Step 4 of 8'
tm_type "road lamp broken"
tm_keys Enter
tm_wait 'Step 5 of 8'
tm_keys Enter
no_help
tm_wait 'Step 7 of 8'
unlike "$(tm_screen)" "card reissued" "the answer's step starts empty"
tm_stop
done_testing
