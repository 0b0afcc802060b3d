# Issue 11, point 3: the phone digits show the state only; scanning one
# phone tail across the day's receipts pauses the site's command line; a
# verdict once given is kept (a later one is a new row), and stats count
# the first.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"

export JRC_NOW=2026-11-29T10:00:00+08:00
t_init_db
ID=$(t_id 33072619800229001)
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
file_case() {
	jrc file --category LAB --division 330726100201 --name 李四 --id-number "$ID" \
		--phone 1391234${1:-5678} --text "包工头欠我工资 8000 元" --json
}
j=$(file_case); R=$(field "$j" receipt); CODE=$(field "$j" query_code)
jrc move "$R" accepted >/dev/null && jrc move "$R" answered --answer "已处理" >/dev/null
ok $? "an answered case"

# Scanning: one phone tail against many receipts of the day.
n=0
for i in $(seq 1 12); do
	Ri=$(field "$(file_case 0000)" receipt)
	[ -n "$Ri" ] && n=$((n + 1))
done
is "$n" 12 "twelve more cases of the day"
export JRC_NOW=2026-11-30T09:00:00+08:00
paused=0; found=0; m=0
for Ri in $(sqlite3 "$JRC_DB" "SELECT receipt FROM cases WHERE receipt <> '$R' ORDER BY id"); do
	m=$((m + 1))
	out=$(JRC_NOW=2026-11-30T09:$(printf '%02d' $m):00+08:00 jrc status "$Ri" --phone-last4 9999 2>&1)
	case $out in *"paused here"*) paused=$m; break ;; esac
done
[ "$paused" -gt 0 ] && [ "$paused" -le 10 ]; ok $? "a few misses across receipts pause the site's command line (after $paused)"
out=$(JRC_NOW=2026-11-30T09:20:00+08:00 jrc status "$R" --phone-last4 5678 2>&1); st=$?
is "$st" 2 "even a right phone tail is not checked during the pause"
like "$out" "front desk" "the sentence says where to get help"
JRC_NOW=2026-11-30T10:30:00+08:00 jrc status "$R" --phone-last4 5678 >/dev/null
ok $? "the pause ends"

# Unknown number and wrong code: the same sentence.
export JRC_NOW=2026-11-30T12:00:00+08:00
WRONG=$(printf '%06d' $(( (10#$CODE + 1) % 1000000 )))
a=$(jrc status "$R" --code "$WRONG" 2>&1)
U=$(printf '%s' "$R" | sed 's/-[0-9]\{4\}-[0-9]$//')-9998
U="$U-$(t_damm "$(printf '%s' "$U" | tr -cd 0-9)")"
b=$(JRC_NOW=2026-11-30T12:01:00+08:00 jrc status "$U" --code 123456 2>&1)
is "$b" "$a" "no such number and a wrong code read the same"

# Verdicts are kept.
export JRC_NOW=2026-11-30T13:00:00+08:00
jrc feedback "$R" --code "$CODE" --verdict unsatisfied --comment "不满意" >/dev/null
ok $? "a first verdict: not satisfied"
export JRC_NOW=2026-11-30T14:00:00+08:00
jrc feedback "$R" --code "$CODE" --verdict satisfied >/dev/null; ok $? "a later verdict: satisfied"
is "$(sqlite3 "$JRC_DB" "SELECT group_concat(verdict, ',') FROM (SELECT verdict FROM verdicts ORDER BY event_id) AS s")" \
	"unsatisfied,satisfied" "each verdict is its own row; the first is kept"
sqlite3 "$JRC_DB" "UPDATE verdicts SET verdict = 'satisfied'" 2>/dev/null
[ $? -ne 0 ]; ok $? "a verdict row cannot be overwritten"
stats=$(jrc stats --json)
like "$stats" '"by_verdict":\[[^]]*"unsatisfied"' "stats count the first verdict"
unlike "$stats" '"by_verdict":\[[^]]*"satisfied"[^]]*\]' "and not the later one"

done_testing
