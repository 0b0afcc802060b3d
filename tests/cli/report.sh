#!/usr/bin/env bash
# jrc report (issue 18): cases filed across categories, townships,
# departments and sources in November 2026 (and a few in October), some
# accepted, answered and rated; the workbook read back with openpyxl and
# every number on every sheet checked against `jrc stats --by ... --json`
# for the same period; its native charts are there; names and phones
# masked, in full only for a supervisor with --unmasked, a clerk refused
# with nothing written; CSV with a BOM that python's csv reads, Markdown
# with its tables; every bad input a sentence, an exit code, nothing written.
. "$top_srcdir/tests/lib.sh"
t_init_db
export JRC_LANG=zh
q() { sqlite3 "$JRC_DB" "$@"; }

# The Python that has openpyxl (Debian's python3-openpyxl is for the system
# Python; a python3 earlier on PATH may lack it).
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done
PY_ANY=$(command -v python3 || echo /usr/bin/python3)
XLSX=0
grep -q '^#define HAVE_XLSXWRITER 1' "$top_builddir/config.h" && XLSX=1

ID1=$(t_id 33072619800101123)
ID2=$(t_id 33072619850505432)
# file CATEGORY DIVISION CHANNEL [NAME PHONE ID]: prints "RECEIPT CODE".
file() {
	local j
	if [ $# -gt 3 ]; then
		j=$(jrc file --category "$1" --division "$2" --channel "$3" --name "$4" --phone "$5" \
			--id-number "$6" --text "事情经过 $1 $2" --json) || return 1
	else
		j=$(jrc file --category "$1" --division "$2" --channel "$3" --anonymous \
			--text "事情经过 $1 $2" --json) || return 1
	fi
	printf '%s\n' "$j" | sed -E 's/.*"receipt":"([^"]*)".*"query_code":"([0-9]*)".*/\1 \2/'
}

# October: the month before.
export JRC_NOW=2026-10-20T09:00:00+08:00
file LAB 330726100201 cli >/dev/null && file EDU 330726001 kiosk >/dev/null
ok $? "two cases filed in October"

# November: four categories, four townships, three channels.
export JRC_NOW=2026-11-03T09:00:00+08:00
set -- $(file LAB 330726100201 desk 张三丰 13812345678 "$ID1"); A=$1; A_CODE=$2
set -- $(file LAB 330726100202 kiosk 李四光 13987654321 "$ID2"); B=$1; B_CODE=$2
set -- $(file EDU 330726002201 kiosk); C=$1; C_CODE=$2
set -- $(file MED 330726003201 cli); D=$1
set -- $(file MED 330726001 desk); E=$1
set -- $(file SOC 330726101201 cli); F=$1; F_CODE=$2
[ -n "$A" ] && [ -n "$B" ] && [ -n "$C" ] && [ -n "$D" ] && [ -n "$E" ] && [ -n "$F" ]
ok $? "six cases filed in November"
# The first citizen twice more: the third filing raises a repeat alert.
export JRC_NOW=2026-11-04T09:00:00+08:00
file LAB 330726100201 desk 张三丰 13812345678 "$ID1" >/dev/null &&
	file LAB 330726100201 desk 张三丰 13812345678 "$ID1" >/dev/null
ok $? "two more filings by the same citizen"
NOV=8
export JRC_NOW=2026-11-05T10:00:00+08:00
for r in "$A" "$B" "$C" "$F"; do jrc move "$r" accepted >/dev/null || break; done
ok $? "four accepted"
export JRC_NOW=2026-11-20T10:00:00+08:00
jrc move "$A" answered --answer "已督促支付工资。" >/dev/null &&
	jrc move "$C" answered --answer "已协调入学。" >/dev/null &&
	jrc move "$F" answered --answer "已补办。" >/dev/null
ok $? "three answered"
export JRC_NOW=2026-11-25T10:00:00+08:00
jrc feedback "$A" --code "$A_CODE" --verdict satisfied >/dev/null &&
	jrc feedback "$C" --code "$C_CODE" --verdict unsatisfied >/dev/null
ok $? "two verdicts: one satisfied, one not"
# Late in the month the accept deadline of the rest has passed.
export JRC_NOW=2026-12-03T10:00:00+08:00
printf 'password 1\n' | jrc staff add S01 --name 王督查 --role supervisor >/dev/null &&
	printf 'password 1\n' | jrc staff add D01 --name 张前台 --role desk >/dev/null
ok $? "a supervisor and a desk clerk"

# ---------------------------------------------------------------- bad input
dbsum() { q "SELECT count(*) FROM events; SELECT count(*) FROM cases;" | tr '\n' ' '; }
before=$(dbsum)
out=$(JRC_LANG=en jrc report --month 2026-13 --format csv -o "$T_DIR/x.csv" 2>&1); st=$?
is "$st" 2 "a month that is not one is refused"
like "$out" "YYYY-MM" "and the form is shown"
out=$(JRC_LANG=en jrc report --month 11/2026 --format csv -o "$T_DIR/x.csv" 2>&1); st=$?
is "$st" 2 "so is another way of writing it"
out=$(JRC_LANG=en jrc report --format csv -o "$T_DIR/x.csv" 2>&1); st=$?
is "$st" 2 "no --month is a usage error"
like "$out" "--month" "naming --month"
out=$(JRC_LANG=en jrc report --month 2026-11 --format pdf -o "$T_DIR/x.pdf" 2>&1); st=$?
is "$st" 2 "an unknown format is refused"
like "$out" "xlsx, csv" "naming the formats"
out=$(JRC_LANG=en jrc report --month 2026-11 --format csv 2>&1); st=$?
is "$st" 2 "no -o is a usage error"
like "$out" "-o FILE" "asking for -o FILE"
out=$(JRC_LANG=en jrc report --month 2026-11 -o "$T_DIR/x.txt" 2>&1); st=$?
is "$st" 2 "no format and an ending that names none"
out=$(JRC_LANG=en jrc report --month 2026-11 --format csv -o "$T_DIR/nowhere/x.csv" 2>&1); st=$?
is "$st" 1 "a folder that is not there is a runtime failure"
like "$out" "could not be written to .*nowhere" "naming the file"
if t_file_db; then # (a database on the server is no file to write over)
	out=$(JRC_LANG=en jrc report --month 2026-11 --format csv -o "$JRC_DB" 2>&1); st=$?
	is "$st" 2 "the database is never written over"
fi
out=$(JRC_LANG=en jrc report --month 2026-11 --format md -o "$T_DIR" 2>&1); st=$?
is "$st" 2 "a folder for -o is refused"
is "$(ls -A "$T_DIR" | grep -v -E '^(jrc\.db(-wal|-shm|\.seq)?|ledger\.key)$')" "" "no file or temporary file was left behind"
is "$(dbsum)" "$before" "the refusals changed nothing"

# ---------------------------------------------------------------- who may unmask
echo "earlier" >"$T_DIR/keep.csv"
out=$(JRC_LANG=en jrc report --month 2026-11 --format csv -o "$T_DIR/keep.csv" --unmasked --staff D01 2>&1); st=$?
is "$st" 2 "a desk clerk may not write it unmasked"
like "$out" "Only a supervisor|只有督查人员" "and is told who may"
is "$(cat "$T_DIR/keep.csv")" "earlier" "and the file there was left as it was"
out=$(JRC_LANG=en jrc report --month 2026-11 --format csv -o "$T_DIR/keep.csv" --unmasked 2>&1); st=$?
is "$st" 2 "--unmasked without --staff is a usage error"
out=$(JRC_LANG=en jrc report --month 2026-11 --format csv -o "$T_DIR/keep.csv" --unmasked --staff NOBODY 2>&1); st=$?
is "$st" 2 "an unknown staff ID is refused"
is "$(cat "$T_DIR/keep.csv")" "earlier" "still as it was"

# ---------------------------------------------------------------- csv and md
jrc report --month 2026-11 --format csv -o "$T_DIR/r.csv" >/dev/null; ok $? "the csv is written"
is "$(head -c 3 "$T_DIR/r.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "it starts with the UTF-8 BOM"
is "$(head -1 "$T_DIR/r.csv" | od -An -c | tr -s ' ' | grep -c '\\r \\n')" 1 "lines end in CRLF"
JRC_CSV="$T_DIR/r.csv" "$PY_ANY" - <<'EOF'
import csv, os, sys
rows = list(csv.reader(open(os.environ["JRC_CSV"], encoding="utf-8-sig", newline="")))
sections, cur = {}, None
for r in rows[1:]:
    if not r:
        cur = None
    elif cur is None:
        cur = r[0]; sections[cur] = []
    else:
        sections[cur].append(r)
need = ["汇总", "按类别", "按乡镇", "按部门", "按来源", "预警", "案件清单"]
missing = [s for s in need if s not in sections]
if missing:
    sys.exit("missing sections: %s (have %s)" % (missing, list(sections)))
cases = sections["案件清单"]
if len(cases) != 1 + 8:
    sys.exit("the list has %d rows, want a header and 8" % len(cases))
summary = {r[0]: r[1:] for r in sections["汇总"]}
if summary.get("登记件数", [None])[0] != "8" or summary["登记件数"][1] != "2":
    sys.exit("summary filed: %r" % summary.get("登记件数"))
if summary["按期答复率"][0] != "100.0%":
    sys.exit("on-time rate: %r" % summary["按期答复率"])
if summary["满意率"][0] != "50.0%":
    sys.exit("satisfied rate: %r" % summary["满意率"])
EOF
ok $? "python's csv reads it: every section, the summary's figures, eight cases"
out=$(cat "$T_DIR/r.csv")
unlike "$out" "张三丰|13812345678|$ID1" "no name, phone or ID number in full"
like "$out" "张\\*\\*" "the name masked"
unlike "$out" "事情经过" "nor the text of any case"
jrc report --month 2026-11 -o "$T_DIR/r.md" >/dev/null; ok $? "md from the file's ending"
md=$(cat "$T_DIR/r.md")
like "$md" "^# 信访月报 2026-11" "a heading"
for h in 汇总 按类别 按乡镇 按部门 按来源 预警 案件清单; do
	like "$md" "## $h" "a section $h"
done
like "$md" "\\| 代码 \\| 责任部门 \\| 登记件数 \\|" "the department table's header"
like "$md" "\\|---\\|---\\|---:" "and its alignment row"
is "$(grep -c '^| PJ2611' "$T_DIR/r.md")" 8 "eight cases in the list"

# ---------------------------------------------------------------- xlsx
if [ "$XLSX" = 0 ]; then
	out=$(jrc report --month 2026-11 --format xlsx -o "$T_DIR/r.xlsx" 2>&1); st=$?
	is "$st" 1 "without libxlsxwriter --format xlsx is unavailable"
	like "$out" "no Excel writer.*--format csv|没有 Excel" "and says to use csv or md"
	[ ! -e "$T_DIR/r.xlsx" ]; ok $? "nothing written"
	done_testing
	exit
fi

jrc report --month 2026-11 --format xlsx -o "$T_DIR/r.xlsx" >/dev/null; ok $? "the workbook is written"
jrc report --month 2026-11 -o "$T_DIR/u.xlsx" --unmasked --staff S01 >/dev/null
ok $? "a supervisor writes it unmasked"

# What the workbook must say: from jrc stats for the same periods.
for by in category township department source; do
	jrc stats --by "$by" --from 2026-11-01 --to 2026-11-30 --json >"$T_DIR/st-$by.json" || break
done
ok $? "jrc stats --by each breakdown"
jrc stats --by category --from 2026-10-01 --to 2026-10-31 --json >"$T_DIR/st-prev.json" &&
	jrc stats --by category --from 2026-10-02 --to 2026-10-31 --json >"$T_DIR/st-before.json" &&
	jrc stats --by month --from 2025-12-01 --to 2026-11-30 --json >"$T_DIR/st-month.json" &&
	jrc alerts --from 2026-11-01 --to 2026-11-30 --json >"$T_DIR/alerts.json"
ok $? "jrc stats for the month before, the days before and twelve months; jrc alerts"

if [ -z "$PY" ]; then
	echo "ok $((T_N + 1)) # SKIP python3-openpyxl is not installed"
	T_N=$((T_N + 1))
else
	JRC_T="$T_DIR" JRC_IDS="$ID1 $ID2" "$PY" - <<'EOF'
import json, os, sys, zipfile
import openpyxl
T = os.environ["JRC_T"]
fail = []
def bad(msg):
    fail.append(msg)

def cells(name):
    """The cells of a jrc stats --by --json output, by their key."""
    d = json.load(open(os.path.join(T, "st-%s.json" % name)))
    rows = d.get("cells") or d.get("rows") or []
    out = {}
    for r in rows:
        k = r.get("k1", r.get("key"))
        if k is None:
            k = next(v for kk, v in r.items() if isinstance(v, str) and kk not in ("label", "name", "k2"))
        out[k] = r
    return out

FIG = ["total", "open", "overdue", "answered", "on_time", None, "rated", "satisfied", None]
def figures(c):
    """The nine figures of a cell as the workbook shows them."""
    v = [c.get(f, 0) if f else None for f in FIG]
    v[5] = c["on_time"] / c["answered"] if c.get("answered") else None
    v[8] = c["satisfied"] / c["rated"] if c.get("rated") else None
    return v
def sums(cs):
    t = {f: sum(c.get(f, 0) for c in cs.values()) for f in FIG if f}
    return t
def same(a, b):
    if a is None or b is None:
        return a == b
    return abs(float(a) - float(b)) < 1e-9

wb = openpyxl.load_workbook(os.path.join(T, "r.xlsx"))
want = ["汇总", "按类别", "按乡镇", "按部门", "按来源", "预警", "案件清单"]
have = wb.sheetnames
if have != want:
    bad("sheets %r, want %r" % (wb.sheetnames, want))

# Summary: this month and the month before.
ws = wb["汇总"]
month = cells("category")
tot = figures(sums(month))
prev = figures(sums(cells("prev")))
for i in range(9):
    row = [c.value for c in ws[6 + i]]
    if not same(row[1], tot[i]) or not same(row[2], prev[i]):
        bad("summary row %d %r: want %r / %r" % (6 + i, row[:3], tot[i], prev[i]))
    if i in (5, 8) and "%" not in ws.cell(6 + i, 2).number_format:
        bad("summary rate row %d has no percent format" % (6 + i))
# Trend: categories against the 30 days before.
before = cells("before")
r = 17
while ws.cell(r, 1).value != "类别":
    r += 1
    if r > 40:
        bad("no trend table"); break
r += 1
got = []
while ws.cell(r, 1).value:
    label, now, bef, chg = [ws.cell(r, c).value for c in range(1, 5)]
    got.append((now, bef))
    if chg != now - bef:
        bad("trend row %r: change %r" % (label, chg))
    r += 1
trend = json.load(open(os.path.join(T, "st-category.json"))).get("trend", [])
wantt = [(t["label"], t["now"], t["before"]) for t in trend]
gott = []
r2 = r - len(got)
for i in range(len(got)):
    gott.append((ws.cell(r2 + i, 1).value, ws.cell(r2 + i, 2).value, ws.cell(r2 + i, 3).value))
if gott != wantt or not gott:
    bad("trend %r, want %r" % (gott, wantt))
keys = set(k for k in month if month[k].get("total")) | set(k for k in before if before[k].get("total"))
if sorted(got) != sorted((month.get(k, {}).get("total", 0), before.get(k, {}).get("total", 0)) for k in keys):
    bad("trend figures %r against the days before %r" % (sorted(got), list(before)))
# Twelve months.
mon = cells("month")
while ws.cell(r, 1).value != "月份":
    r += 1
    if r > 80:
        bad("no twelve months"); break
got = [(ws.cell(r + 1 + i, 1).value, ws.cell(r + 1 + i, 2).value) for i in range(12)]
wantm = [("2025-12", 0)] + [("2026-%02d" % m, 0) for m in range(1, 12)]
wantm = [(k, mon.get(k, {}).get("total", 0)) for k, _ in wantm]
if got != wantm:
    bad("twelve months %r, want %r" % (got, wantm))

# The breakdowns: every stats cell a row, every number the same.
for sheet, name in (("按类别", "category"), ("按乡镇", "township"), ("按部门", "department"), ("按来源", "source")):
    ws = wb[sheet]
    want = cells(name)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    keys = [str(r[0]) if r[0] is not None else "" for r in rows]
    if sorted(keys) != sorted(want):
        bad("%s rows %r, stats %r" % (sheet, keys, list(want)))
        continue
    for r in rows:
        k = str(r[0]) if r[0] is not None else ""
        w = figures(want[k])
        for i in range(9):
            if not same(r[2 + i], w[i]):
                bad("%s %s column %d: %r, want %r" % (sheet, k, 3 + i, r[2 + i], w[i]))
        if r[1] != want[k].get("label"):
            bad("%s %s is named %r, jrc stats says %r" % (sheet, k, r[1], want[k].get("label")))
    for c in (8, 11):
        if ws.max_row > 1 and "%" not in ws.cell(2, c).number_format:
            bad("%s column %d is not a percent" % (sheet, c))

# The list of cases: eight, masked, no text, ID numbers never in full.
def case_rows(path):
    ws = openpyxl.load_workbook(path)["案件清单"]
    return [list(r) for r in ws.iter_rows(values_only=True)]
ids = os.environ["JRC_IDS"].split()
rows = case_rows(os.path.join(T, "r.xlsx"))
flat = " ".join(str(v) for r in rows for v in r if v is not None)
if len(rows) != 9:
    bad("list of cases has %d rows, want 9" % len(rows))
if rows and rows[0][:9] != ["回执号", "登记日期", "类别", "乡镇", "村（社区）", "责任部门", "状态", "期限", "来源"]:
    bad("list header %r" % rows[0])
for w in ("张三丰", "李四光", "13812345678", "13987654321", "事情经过") + tuple(ids):
    if w in flat:
        bad("the masked list shows %s" % w)
for w in ("张**", "138****5678"):
    if w not in flat:
        bad("the masked list lacks %s" % w)
rows = case_rows(os.path.join(T, "u.xlsx"))
flat = " ".join(str(v) for r in rows for v in r if v is not None)
for w in ("张三丰", "13812345678", "李四光"):
    if w not in flat:
        bad("the unmasked list lacks %s" % w)
for w in tuple(ids) + ("事情经过",):
    if w in flat:
        bad("the unmasked list shows %s" % w)

# The alerts: those jrc alerts lists for the month, with their counts.
al = json.load(open(os.path.join(T, "alerts.json")))
al = al.get("alerts", al) if isinstance(al, dict) else al
rows = list(wb["预警"].iter_rows(min_row=2, values_only=True))
if len(rows) != len(al) or not rows:
    bad("alerts sheet has %d rows, jrc alerts %d" % (len(rows), len(al)))
if sorted((r[2], r[4]) for r in rows) != sorted((a["rule"], a["count"]) for a in al):
    bad("alerts %r, want %r" % ([(r[2], r[4]) for r in rows], [(a["rule"], a["count"]) for a in al]))

# Native charts: by category, by township, twelve months.
names = zipfile.ZipFile(os.path.join(T, "r.xlsx")).namelist()
for n in ("xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml",
          "xl/drawings/drawing1.xml"):
    if n not in names:
        bad("no %s in the workbook" % n)
for m in fail:
    print("# " + m)
sys.exit(1 if fail else 0)
EOF
	ok $? "openpyxl reads it back: every figure on every sheet as jrc stats says, masks, charts"
fi
done_testing
