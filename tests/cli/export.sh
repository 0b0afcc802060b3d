#!/usr/bin/env bash
# jrc export open311 / csv: Open311 GeoReport v2 files and a CSV that
# validate, the period by local dates, states as open/closed, deadlines;
# nothing personal leaves (every planted name, ID number and phone is
# looked for in every file), the text only with --with-text and masked;
# bad input says what to do, exits 2 (1 for an unwritable place) and
# changes nothing.
. "$top_srcdir/tests/lib.sh"
command -v jq >/dev/null || skip_all "jq is not installed"
command -v python3 >/dev/null || skip_all "python3 is not installed"
t_init_db
field() { printf '%s' "$1" | jq -r ".$2"; }

NAME=张三丰
ID=$(t_id 33072619800229001)
PHONE=13812345678
OTHER_MOBILE=13987654321
LANDLINE=0579-84123456
CARD=6222021234567890123
NAME2=王小明
PHONE2=0579-84100999
ID2=$(t_id 33072619750101002)

# A: named, its text full of personal data: the filer's own name and ID,
# another mobile, a landline, a bank card; commas, quotes and a line break.
export JRC_NOW=2026-11-20T09:00:00+08:00
TEXT_A="我${NAME}，身份证${ID}，手机${PHONE}，儿子电话${OTHER_MOBILE}，家里座机${LANDLINE}。
工资卡${CARD}，老板说\"下个月给\",到现在没给。工友都叫我${NAME:1}。"
j=$(jrc file --category LAB --division 330726100201 --name "$NAME" --id-number "$ID" \
	--phone "$PHONE" --text "$TEXT_A" --json); ok $? "file case A"
RA=$(field "$j" receipt); DUE_A=$(field "$j" accept_by)
# B: anonymous, filed late in the evening of the 25th (UTC: still the 25th).
export JRC_NOW=2026-11-25T23:30:00+08:00
RB=$(jrc file --category SOC --division 330726100201 --anonymous --text "低保被取消，没说理由"); ok $? "file case B (anonymous)"
# C: just after midnight on the 26th (UTC: the evening of the 25th).
export JRC_NOW=2026-11-26T00:30:00+08:00
j=$(jrc file --category LAB --division 330726100201 --name "$NAME2" --id-number "$ID2" \
	--phone "$PHONE2" --text "我叫${NAME2}，欠薪三个月" --json); ok $? "file case C"
RC=$(field "$j" receipt)
# D: a village of another township.
export JRC_NOW=2026-11-29T10:00:00+08:00
RD=$(t_file_one "=1+1 公式开头的话"); ok $? "file case D"

# B ends (declined, a final state); C is taken on.
jrc move "$RB" declined --reason "不属于信访事项" --channel "向法院起诉" >/dev/null; ok $? "decline B"
jrc move "$RC" accepted --role handler --staff-department RSJ --staff h01 >/dev/null; ok $? "accept C"
DUE_C=$(jrc show "$RC" --json | jq -r .due_on)

before=$(sqlite3 "$JRC_DB" .dump | md5sum)
OUT=$T_DIR/open/data
out=$(jrc export open311 -o "$OUT" 2>&1); ok $? "export open311 into a new folder"
like "$out" "Wrote 4 cases" "says how many cases it wrote"
REQ=$OUT/requests.json SVC=$OUT/services.json
jq -e 'type == "array"' "$REQ" >/dev/null; ok $? "requests.json is a JSON array"
jq -e 'type == "array" and length > 0' "$SVC" >/dev/null; ok $? "services.json is a non-empty JSON array"

# Every request: the fields GeoReport v2 names, with their types.
iso='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+08:00$'
jq -e --arg iso "$iso" 'all(.[];
	(.service_request_id | type == "string") and
	(.status == "open" or .status == "closed") and
	(.status_notes | type == "string" and length > 0) and
	(.service_name | type == "string" and length > 0) and
	(.service_code | type == "string" and length > 0) and
	(.agency_responsible | type == "string" and length > 0) and
	(.service_notice | type == "string") and
	(.requested_datetime | test($iso)) and
	(.updated_datetime | test($iso)) and
	(.expected_datetime == null or (.expected_datetime | test($iso))) and
	(.address | type == "string" and length > 0) and
	(.address_id | test("^[0-9]+$")) and
	has("description") and .description == null and
	.zipcode == null and .media_url == null and
	(has("name") or has("id_number") or has("phone") | not))' "$REQ" >/dev/null
ok $? "every request has the GeoReport v2 fields with the right types, no personal ones"
jq -e 'all(.[]; (.service_code | type == "string") and (.service_name | type == "string") and
	(.description | type == "string") and .metadata == false and .type == "realtime" and
	(.keywords | type == "string") and (.group | type == "string"))' "$SVC" >/dev/null
ok $? "every service has code, name, description, metadata false, type realtime, keywords, group"
is "$(jq -r '[.[].service_code] | sort | join(",")' "$SVC")" \
	"$(sqlite3 "$JRC_DB" "SELECT group_concat(code, ',') FROM (SELECT code FROM categories ORDER BY code) AS s")" \
	"a service for each category"

is "$(jq -r '.[].service_request_id' "$REQ" | sort | tr '\n' ' ')" \
	"$(printf '%s\n' "$RA" "$RB" "$RC" "$RD" | sort | tr '\n' ' ')" \
	"service_request_id is the receipt number of each case filed"
req() { jq -r --arg r "$1" ".[] | select(.service_request_id == \$r) | .$2" "$REQ"; }
is "$(req "$RB" status)" closed "the declined case is closed"
is "$(req "$RA" status) $(req "$RC" status) $(req "$RD" status)" "open open open" "the others are open"
is "$(req "$RB" expected_datetime)" null "a closed case expects nothing"
is "$(req "$RA" expected_datetime)" "${DUE_A}T23:59:59+08:00" "expected_datetime is the end of the acceptance deadline's day"
is "$(req "$RC" expected_datetime)" "${DUE_C}T23:59:59+08:00" "... and of the answer deadline once accepted"
is "$(req "$RB" requested_datetime)" "2026-11-25T23:30:00+08:00" "requested_datetime in local time with the offset"
is "$(req "$RC" updated_datetime)" "2026-11-29T10:00:00+08:00" "updated_datetime is the last change of state"
is "$(req "$RA" address)" "$(sqlite3 "$JRC_DB" "SELECT g.name_zh || ' ' || p.name_zh || ' ' || v.name_zh
	FROM divisions v JOIN divisions p ON p.code = v.parent JOIN divisions g ON g.code = p.parent
	WHERE v.code = '330726100201'")" "address: county, township and village names"
is "$(req "$RA" address_id)" 330726100201 "address_id is the division's code"
is "$(req "$RA" agency_responsible)" "$(sqlite3 "$JRC_DB" "SELECT name_zh FROM departments WHERE code = 'RSJ'")" \
	"agency_responsible is the department's name (Chinese by default)"
is "$(req "$RA" service_name)" "$(sqlite3 "$JRC_DB" "SELECT name_zh FROM categories WHERE code = 'LAB'")" \
	"service_name is the category's Chinese name"
is "$(sqlite3 "$JRC_DB" .dump | md5sum)" "$before" "the export changed nothing in the database"

# Nothing personal anywhere, with or without the text.
CSV=$T_DIR/cases.csv
jrc export open311 -o "$T_DIR/text" --with-text >/dev/null; ok $? "export open311 --with-text"
jrc export csv -o "$CSV" >/dev/null; ok $? "export csv"
jrc export csv -o "$T_DIR/text.csv" --with-text >/dev/null; ok $? "export csv --with-text"
for v in "$NAME" "$ID" "$PHONE" "$OTHER_MOBILE" "$LANDLINE" 84123456 "$CARD" "$NAME2" \
	"$PHONE2" 84100999 "$ID2" "${ID:6:8}" "${ID2:6:8}" 小明 三丰; do
	grep -rlF -- "$v" "$OUT" "$T_DIR/text" "$CSV" "$T_DIR/text.csv"
	is "$?" 1 "'$v' appears in no exported file"
done
TR=$T_DIR/text/requests.json
desc() { jq -r --arg r "$1" '.[] | select(.service_request_id == $r) | .description' "$TR"; }
like "$(desc "$RA")" "张\*\*，身份证330726\*{8}${ID:14:4}" "--with-text: the description, the filer's name and ID masked"
like "$(desc "$RA")" "138\*\*\*\*5678.*139\*\*\*\*4321.*0579-\*\*\*\*3456" "... phones and the landline masked"
like "$(desc "$RA")" "工资卡\*{15}0123" "... the bank card masked but its last 4"
like "$(desc "$RA")" "老板说\"下个月给\",到现在没给" "... the rest as written"
like "$(desc "$RA")" "工友都叫我\*\*。" "... the given name alone masked too"
is "$(desc "$RC")" "我叫王**，欠薪三个月" "... a name introduced by 我叫 masked"
is "$(desc "$RB")" "低保被取消，没说理由" "... an anonymous case's text as written"

# CSV: BOM, CRLF, RFC 4180, the same rows as requests.json.
is "$(head -c 3 "$CSV" | od -An -tx1 | tr -d ' ')" efbbbf "the CSV starts with a UTF-8 BOM"
is "$(grep -c $'\r$' "$CSV")" 5 "header and 4 rows end in CRLF"
python3 - "$T_DIR/text.csv" "$TR" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
reqs = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(rows) == len(reqs), (len(rows), len(reqs))
for row, r in zip(rows, reqs):
    for k, v in row.items():
        want = r[k]
        if want is None:
            want = ""
        if k == "description" and want[:1] in "=+-@" and want:
            want = "'" + want
        assert v == want, (k, v, want)
print("csv ok")
PY
ok $? "the CSV parses and holds the same rows and fields as requests.json (text with commas, quotes, a line break)"
like "$(grep -F "$RD" "$T_DIR/text.csv")" "\"'=1\+1" "a text a spreadsheet would run as a formula is quoted with a '"

# The period: local dates, both included.
jrc export open311 -o "$T_DIR/p" --from 2026-11-25 --to 2026-11-25 >/dev/null; ok $? "export one day"
is "$(jq -r '.[].service_request_id' "$T_DIR/p/requests.json" | tr '\n' ' ')" "$RB " \
	"--from/--to take local days: 23:30 is in, 00:30 the next day is out"
jrc export csv -o "$T_DIR/p.csv" --from 2026-11-26 >/dev/null; ok $? "csv --from"
is "$(tail -n +2 "$T_DIR/p.csv" | cut -d, -f1 | tr -d '\r' | tr '\n' ' ')" "$RC $RD " "csv from the 26th on"
jrc export open311 -o "$T_DIR/e" --to 2026-11-01 >/dev/null; ok $? "a period without cases"
is "$(jq length "$T_DIR/e/requests.json")" 0 "is an empty array"

# The site's zone, not a fixed +08:00.
jrc settings timezone Europe/Berlin >/dev/null; ok $? "the site moves to Berlin (a test)"
jrc export open311 -o "$T_DIR/tz" >/dev/null; ok $? "export in another zone"
is "$(jq -r --arg r "$RB" '.[] | select(.service_request_id == $r) | .requested_datetime' "$T_DIR/tz/requests.json")" \
	"2026-11-25T16:30:00+01:00" "datetimes carry the configured zone's offset"
jrc settings timezone Asia/Shanghai >/dev/null
before=$(sqlite3 "$JRC_DB" .dump | md5sum)

# --lang en.
jrc export open311 -o "$T_DIR/en" --lang en >/dev/null; ok $? "export --lang en"
is "$(jq -r --arg r "$RB" '.[] | select(.service_request_id == $r) | .status_notes' "$T_DIR/en/requests.json")" \
	"Not taken on" "status_notes in plain English words"
is "$(jq -r '.[0].service_name' "$T_DIR/en/requests.json")" "Work and unpaid wages" "names in English"

# Bad input: a sentence, exit 2 (1 where the place cannot be written), nothing made.
bad() {
	local want=$1 re=$2 what=$3; shift 3
	local out st
	out=$(jrc export "$@" 2>&1); st=$?
	is "$st" "$want" "$what: exit $want"
	like "$out" "^jrc: .*$re" "$what: says what to do"
}
bad 2 "YYYY-MM-DD" "a bad date" open311 -o "$T_DIR/bad1" --from 2026-13-01
bad 2 "give --from a date before --to" "from after to" csv -o "$T_DIR/bad2.csv" --from 2026-11-29 --to 2026-11-01
bad 2 "use open311 or csv" "an unknown format" xml -o "$T_DIR/bad3"
bad 2 "open311 or csv" "no format" -o "$T_DIR/bad4"
bad 2 "-o DIR" "open311 without -o" open311
bad 2 "-o FILE" "csv without -o" csv
bad 2 "use zh or en" "an unknown language" csv -o "$T_DIR/bad5.csv" --lang fr
bad 1 "cannot write .*give -o a place you may write to" "an unwritable folder" open311 -o /dev/null/x
bad 1 "cannot write" "an unwritable file" csv -o /dev/null/x.csv
bad 2 "is a folder" "csv -o a folder" csv -o "$T_DIR"
# (a database on the server is no file to write over)
t_file_db && bad 2 "is the database" "csv -o the database" csv -o "$JRC_DB"
ls -d "$T_DIR"/bad* 2>/dev/null; is "$?" 2 "the bad calls made no file or folder"
is "$(sqlite3 "$JRC_DB" .dump | md5sum)" "$before" "nor changed the database"
is "$(ls -A "$OUT" | tr '\n' ' ')" "requests.json services.json " "no temporary file is left beside the export"

# A write that fails half way leaves the old files, and no temporary one.
old=$(cat "$OUT"/*.json "$CSV" | md5sum)
out=$(JRC_FAULT=export_write jrc export open311 -o "$OUT" 2>&1); st=$?
is "$st" 1 "a failed write exits 1"
like "$out" "^jrc: cannot write .*requests.json" "and names the file"
out=$(JRC_FAULT=export_write jrc export csv -o "$CSV" 2>&1); st=$?
is "$st" 1 "a failed CSV write exits 1"
is "$(cat "$OUT"/*.json "$CSV" | md5sum)" "$old" "the old files are still there, whole"
is "$(ls -A "$OUT" "$T_DIR" | grep -c '^\.')" 0 "no temporary file is left"

# Read-only: works on a database file that cannot be written (as
# tests/cli/readonly.sh).
if t_file_db; then
	mkdir "$T_DIR/ro"
	sqlite3 "$JRC_DB" ".backup '$T_DIR/ro/jrc.db'"
	if [ "$(id -u)" -ne 0 ]; then
		chmod a-w "$T_DIR/ro/jrc.db" "$T_DIR/ro"
		ro() { JRC_DB="$T_DIR/ro/jrc.db" "$JRC" "$@"; }
		trap 'chmod u+w "$T_DIR/ro" "$T_DIR/ro/jrc.db" 2>/dev/null; t_cleanup' EXIT
	elif unshare -m sh -c 'mount --bind -o ro "$1" "$1"' sh "$T_DIR/ro" 2>/dev/null; then
		ro() {
			JRC_DB="$T_DIR/ro/jrc.db" unshare -m sh -c \
				'd=$1; shift; mount --bind -o ro "$d" "$d" && exec "$@"' sh "$T_DIR/ro" "$JRC" "$@"
		}
	else
		ro() { echo "# SKIP: nothing can be made read-only here"; true; }
	fi
	ro export csv -o "$T_DIR/ro.csv" >/dev/null; ok $? "works where the database is read-only"
	[ ! -e "$T_DIR/ro.csv" ] || is "$(tail -n +2 "$T_DIR/ro.csv" | wc -l)" 4 "and writes every case"
fi

jrc export --help | grep -q -- "--with-text"; ok $? "export --help names --with-text"
jrc --help | grep -q "export"; ok $? "jrc --help lists export"
done_testing
