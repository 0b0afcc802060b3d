#!/usr/bin/env bash
# jrc file / show / list: filing rules, masking, bad input changes nothing,
# and database faults give exit 1 with a sentence.
. "$top_srcdir/tests/lib.sh"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
ID=$(t_id 33072619800229001)   # a leap-day birth date
F="--category LAB --division 330726100201"

r=$(jrc file $F --name 李四 --id-number "$ID" --phone 13912345678 --text "包工头欠我工资 8000 元" --outcome "发工资"); ok $? "file a case"
like "$r" '^PJ261129-0001-[0-9]$' "prints the receipt number"
json=$(jrc file $F --name 李四 --id-number "$ID" --phone 0579-84123456 --text "第二件" --json)
for k in receipt query_code state department accept_by; do
	like "$json" "\"$k\":" "--json has $k"
done
like "$json" '"state":"registered"' "state registered"
like "$json" '"accept_by":"2026-12-14"' "accept within 15 days"
like "$json" '"query_code":"[0-9]{6}"' "6-digit query code"

show=$(jrc show "$r")
like "$show" "李\*" "name masked"
like "$show" "330726\*{8}001." "ID masked as 330726********123X"
like "$show" "139\*\*\*\*5678" "phone masked"
unlike "$show" "$ID" "the full ID never shows"
like "$(jrc show "$r" --unmasked)" "$ID" "--unmasked shows it"
like "$(jrc show "$r" --json)" '"text":"包工头欠我工资 8000 元"' "text byte for byte"
r2=$(printf '%s' "$r" | tr 'A-Z' 'a-z' | tr -d -)
jrc show "$r2" >/dev/null; ok $? "a number typed in lower case without dashes is found"

anon=$(jrc file --category NEI --division 330726001 --anonymous --text "邻居漏水" --json)
like "$anon" '"receipt"' "anonymous filing"
ar=$(printf '%s' "$anon" | sed 's/.*"receipt":"\([^"]*\)".*/\1/')
like "$(jrc show "$ar" --json)" '"name":null' "anonymous case has no name"

# Stdin text.
r3=$(printf '从标准输入读入的说明' | jrc file $F --anonymous --text -); ok $? "--text - reads stdin"
like "$(jrc show "$r3" --json)" '从标准输入读入的说明' "and stores it"

# Control characters and escape sequences never reach the database.
esc=$(printf 'a\033[2Jb\033]0;x\007c\001d')
r4=$(jrc file $F --anonymous --text "$esc"); ok $? "text with escapes is filed"
like "$(jrc show "$r4" --json)" '"text":"abcd"' "escapes and controls stripped"

# Bad input: exit 2, a sentence, nothing changed.
state() { sqlite3 "$JRC_DB" "SELECT count(*) FROM cases; SELECT count(*) FROM events; SELECT group_concat(last) FROM day_seq; PRAGMA user_version;" | tr '\n' ' '; }
before=$(state)
check_bad() {
	desc=$1 re=$2; shift 2
	out=$(jrc file "$@" 2>&1); st=$?
	is $st 2 "$desc: exit 2"
	like "$out" "^jrc: .*$re" "$desc: says so"
}
check_bad "unknown category" "Unknown category 'XXX'" --category XXX --division 330726100 --anonymous --text t
check_bad "unknown division" "Unknown place code" --category LAB --division 123456 --anonymous --text t
check_bad "bad check digit" "(check|match)" $F --name 王五 --id-number 330726198002290010 --phone 13912345678 --text t
check_bad "future birth" "" $F --name 王五 --id-number "$(t_id 33072620300101001)" --phone 13912345678 --text t
check_bad "bad phone" "" $F --name 王五 --id-number "$ID" --phone 1234567 --text t
check_bad "empty text" "" $F --anonymous --text "   "
check_bad "no text" "--text is needed" $F --anonymous
check_bad "name too long" "" $F --name "$(t_repeat 张 41)" --id-number "$ID" --phone 13912345678 --text t
check_bad "invalid UTF-8" "" $F --anonymous --text "$(printf '\300\257')"
long=$(t_repeat 字 4001)
check_bad "text over 4000 characters" "4000" $F --anonymous --text "$long"
check_bad "outcome over 1000" "1000" $F --anonymous --text t --outcome "$(t_repeat x 1001)"
check_bad "anonymous with a name" "anonymous" $F --anonymous --name 王五 --text t
out=$(jrc --site pj1 file $F --anonymous --text t 2>&1); is $? 2 "bad site: exit 2"
like "$out" "site code" "bad site: says so"
is "$(state)" "$before" "no bad input changed the database"
out=$(jrc show PJ261129-0001-0 2>&1); is $? 2 "a receipt with a wrong check digit"
like "$out" "not valid" "is caught by the check digit"
out=$(jrc show "PJ261129-0099-$(t_damm 2611290099)" 2>&1); is $? 2 "an unknown receipt number"
like "$out" "No case" "is reported"

# Site codes and list filters.
r5=$(jrc --site XH file $F --anonymous --text t); like "$r5" '^XH261129-0001-' "--site (a listed site) gives its own sequence"
is "$(jrc list | wc -l)" 6 "list shows every case"
is "$(jrc list --search 13912345678 | wc -l)" 1 "search by phone"
is "$(jrc list --search 5678 | wc -l)" 1 "search by the last 4 digits of a phone"
is "$(jrc list --search "$r" | wc -l)" 1 "search by receipt number"
is "$(jrc list --state accepted | wc -l)" 0 "filter by state"
out=$(jrc list --state nonsense 2>&1); is $? 2 "unknown state refused"
like "$out" "registered, accepted, extended, in_mediation, declined, redirected, answered, review_requested, review_answered, rereview_requested, rereview_answered, closed" \
	"and every state is named, as jrc move names them"
is "$(jrc move "$r" nonsense 2>&1 | sed -n 's/.*(\(.*\)).*/\1/p')" \
	"$(printf '%s' "$out" | sed -n 's/.*(\(.*\)).*/\1/p')" "jrc list and jrc move give the same list"
jrc list --state review_answered >/dev/null; is $? 0 "a state of the table is taken"

# Faults: locked, read-only, full.  Each: exit 1, a sentence, nothing half-written.
if command -v sqlite3 >/dev/null; then
	t_lock_db 3; ok $? "(another writer holds the database)"
	out=$(JRC_BUSY_TIMEOUT=300 jrc file $F --anonymous --text locked 2>&1); st=$?
	is $st 1 "a database locked past the busy timeout: exit 1"
	like "$out" "busy with another terminal" "with a sentence"
	wait
	jrc file $F --anonymous --text "after the lock" >/dev/null; ok $? "the retry succeeds once released"
fi
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
	chmod 755 "$T_DIR"; chmod 644 "$JRC_DB"
	out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$JRC" file $F --anonymous --text ro 2>&1); st=$?
	is $st 1 "a read-only database: exit 1"
	like "$out" "cannot be written" "with a sentence"
	chmod 600 "$JRC_DB"
fi
before=$(state)
out=$( (trap '' XFSZ; ulimit -f 16; "$JRC" file $F --anonymous --text "$(t_repeat 字 4000)") 2>&1); st=$?
is $st 1 "a full disk: exit 1"
like "$out" "disk is full" "with a sentence"
is "$(state)" "$before" "nothing half-written"
is "$(sqlite3 "$JRC_DB" 'PRAGMA integrity_check')" ok "database intact"
jrc file $F --anonymous --text "space is back" >/dev/null; ok $? "filing works when space returns"

# Statistics agree with the list.
n=$(jrc list | wc -l)
like "$(jrc stats --json)" "\"total\":$n," "jrc stats counts every case"
like "$(jrc stats --from 2026-11-29 --to 2026-11-29 --json)" "\"total\":$n," "all of them filed today"
is "$(jrc stats --from 2026-11-30 --json | jq .total)" 0 "none tomorrow"
out=$(jrc stats --from 2026-02-30 2>&1); is $? 2 "an impossible date is refused"
like "$(jrc stats)" "LAB" "the text report names the categories"
done_testing
