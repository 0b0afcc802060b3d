#!/usr/bin/env bash
# A leader's visit end to end at the desk: planned, its matters recorded
# from the visit log (V) with the visit and its place filled in: a
# citizen's, with a receipt, and one the visit found itself, with no
# complainant and no receipt; another solved on the spot; the citizen's
# verdict; all of it in the visit report and in stats by source.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is needed"
t_init_db
export JRC_NOW=2026-11-30T08:00:00+08:00
jrc visit add --host G02 --date 2026-12-02 --start 14:00 --end 16:00 --division 330726101 \
	--place 白马镇政府 --place-en "Baima town hall" --topics "LAB;SOC" >/dev/null
ok $? "a visit of Liu Fang to Baima Town, Wednesday 14:00"
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add S001 --name 王主任 --role supervisor >/dev/null
export JRC_NOW=2026-12-02T14:40:00+08:00
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
no_help() {
	tm_wait 'Step 6 of 7' || return 1
	tm_keys "$(tm_screen | sed -n 's/^ *>\{0,1\}\([0-9]\)  No help needed.*/\1/p' | head -1)"
}

tm_start 80 24 $ENV "$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 10; ok $? "logged in"
tm_keys v
tm_wait "Visit log" 5; ok $? "V opens the visit log"
like "$(tm_screen)" "1  12/2 14:00-16:00  Liu Fang  Baima Town Baima town hall" "the visit under way"

# A citizen's matter: the place is the visit's, step 2 is skipped.
tm_keys Enter
tm_wait 'Step 1 of 7'; ok $? "Enter starts assisted filing"
tm_keys 1 Enter
tm_wait 'Step 3 of 7'; ok $? "the place is filled in: on to the citizen"
tm_keys 2
tm_wait 'Yes, report anonymously'
tm_keys 1
tm_wait 'Step 4 of 7'
tm_type "wages for the harvest not paid"
tm_keys Enter
tm_wait 'Step 5 of 7'
tm_keys Enter
no_help
tm_wait 'Step 7 of 7'; ok $? "the review"
like "$(tm_screen)" "Place +Baima Town" "with the visit's place"
tm_keys Enter
tm_wait 'Your matter has been registered'; ok $? "the citizen gets a receipt"
RA=$(tm_screen | sed -n 's/.*Receipt number: *\(PJ[0-9]*-[0-9]*-[0-9]\).*/\1/p' | head -1)
is "$(jrc show --json "$RA" | jq -r '[.source, .visit, .found_by_visit, .division, .channel] | join(" ")')" \
	"visit 1 false 330726101 desk" "a case of the visit, filed at the desk"
tm_press_until Enter "Visit log"
ok $? "back to the visit log for the next matter"

# A matter the visit found: no complainant, no receipt.
tm_keys f
tm_wait 'Step 1 of 7'; ok $? "F starts a found matter"
tm_keys 1 Enter
tm_wait 'Step 4 of 7'; ok $? "place and complainant are skipped"
tm_type "the bridge at the village entrance is cracked"
tm_keys Enter
tm_wait 'Step 5 of 7'
tm_keys Enter
no_help
tm_wait 'Step 7 of 7'
like "$(tm_screen)" "You +Nobody: found by the leader's visit itself" "the review says nobody raised it"
tm_keys Enter
tm_wait 'found on visit 1: no complainant, so no receipt' 10; ok $? "recorded, and no receipt is made"
like "$(tm_screen)" "Visit log" "back in the visit log"
RF=$(tm_screen | sed -n 's/.*Recorded as \(PJ[0-9]*-[0-9]*-[0-9]\).*/\1/p' | head -1)
is "$(jrc show --json "$RF" | jq -r '[.found_by_visit, .anonymous] | join(" ")')" "true true" \
	"filed as found by the visit, with nobody's details"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM print_jobs p JOIN cases c ON c.id = p.case_id WHERE c.receipt = '$RF'")" 0 \
	"and nothing was printed for it"
tm_stop

# Solved on the spot, rated; the report.
RS=$(jrc file --visit 1 --category SOC --anonymous --text "养老金卡丢了" --solved "现场补办养老金卡" --staff S001)
ok $? "a matter solved on the spot"
code=$(jrc show --json "$RS" --unmasked | jq -r .query_code)
jrc feedback "$RS" --code "$code" --verdict basic >/dev/null; ok $? "the citizen's verdict"
out=$(jrc visit report 1); ok $? "the visit report"
like "$out" "Matters raised: +3 \(found by the visit: 1\)" "three matters, one found"
like "$out" "Solved on the spot: +1" "one solved on the spot"
like "$out" "Still open: +2" "two open"
like "$out" "basically satisfied 1" "with the verdict"
like "$(jrc stats)" "visit +3 +2 +0" "stats counts them by source"
done_testing
