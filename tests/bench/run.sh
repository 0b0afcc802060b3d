#!/usr/bin/env bash
# make bench: every figure as a ratio against a reference measured in the
# same run, so that a busy machine moves both.  Prints a table (figure,
# reference, ratio, target) and writes it to $BENCH_DIR/results.md.
#
# Environment (make bench sets the first four):
#   JRC, JRC_DATA, JRC_LOCALEDIR   the build's jrc and its data
#   BENCH_BIN      where gen, file_bench, lookup_bench and ptytime are
#   BENCH_CASES    the big database (default 1000000)
#   BENCH_DIR      scratch space, several GB for a million cases
#                  (default $TMPDIR/jrc-bench); BENCH_KEEP=1 keeps it, and
#                  BENCH_REUSE=1 uses the databases a kept run left there
#   BENCH_ONLY     a space-separated subset of: filing lookup lists report board kiosks
#                  startup typing voice pinyin server (the county's server)
set -u
: "${BENCH_CASES:=1000000}" "${BENCH_DIR:=${TMPDIR:-/tmp}/jrc-bench}"
: "${BENCH_ONLY:=filing lookup lists report board kiosks startup typing voice pinyin server}"
: "${BENCH_BIN:?}" "${JRC:?}" "${JRC_DATA:?}"
here=$(cd "$(dirname "$0")" && pwd)

missing=
for t in hyperfine sqlite3 dialog tmux python3; do
	command -v $t >/dev/null 2>&1 || missing="$missing $t"
done
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
	echo "make bench: missing:$missing"
	echo "  install with: apt-get install hyperfine sqlite3 dialog tmux time python3"
	exit 1
fi

export JRC_NOW=2026-11-29T10:00:00+08:00 LANG=C.UTF-8 LC_ALL=C.UTF-8
export JRC_DATA ${JRC_LOCALEDIR:+JRC_LOCALEDIR}
W=$BENCH_DIR
mkdir -p "$W"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT
# The ledger key the event chain is keyed with: the bench's own.
export JRC_LEDGER_KEY=$W/ledger.key
[ -e "$JRC_LEDGER_KEY" ] || (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$JRC_LEDGER_KEY" &&
	echo >>"$JRC_LEDGER_KEY" && chmod 0400 "$JRC_LEDGER_KEY")
BIG=$W/big.db SMALL=$W/small.db
TABLE=$W/table.txt
: >"$TABLE"
want() { case " $BENCH_ONLY " in *" $1 "*) return 0 ;; esac; return 1; }
say() { printf '%s\n' "$*" >&2; }

# row FIGURE VALUE REFERENCE RATIO TARGET: one line of the table; the
# verdict compares RATIO with TARGET ("<= 1.3" or ">= 0.8").
row() {
	local verdict=-
	if [ -n "$4" ] && [ "$4" != - ] && [ "$5" != - ]; then
		verdict=$(awk -v r="$4" -v t="$5" 'BEGIN {
			split(t, a, " "); ok = a[1] == "<=" ? r <= a[2] : r >= a[2];
			print ok ? "ok" : "MISSED" }')
	fi
	printf '%s|%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" "$5" "$verdict" >>"$TABLE"
	printf '  %-46s %-18s %-18s %-7s %-7s %s\n' "$1" "$2" "$3" "$4" "$5" "$verdict" >&2
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
kv() { sed -n "s/^$1=//p" | tail -1; }

# hf NAME CMD...: hyperfine without a shell; prints each command's fastest
# run in ms, in order.  The fastest, not the median: hyperfine runs one
# command after the other, and on a shared machine the load can change
# between them; the minimum is what the work itself costs.
hf() {
	local name=$1; shift
	hyperfine -N --warmup 3 --min-runs 15 --export-json "$W/$name.json" "$@" >/dev/null 2>"$W/$name.err" ||
		{ say "hyperfine failed for $name: $(tail -3 "$W/$name.err")"; echo 0 0; return; }
	python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%.3f" % (min(r["times"]) * 1000))' "$W/$name.json"
}

# ---------------------------------------------------------------- versions
sqlite_lib=$("$BENCH_BIN/file_bench" version 2>/dev/null | kv sqlite)
{
	echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "machine:  $(uname -srm), $(nproc) CPUs ($(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
	echo "disk:     $(df -hT "$W" | awk 'NR == 2 { print $2 " on " $1 }') (the scratch directory)"
	echo "sqlite:   library $sqlite_lib (jrc), shell $(sqlite3 --version | cut -d' ' -f1)"
	echo "dialog:   $(dialog --version 2>&1 | head -1)"
	echo "tools:    $(hyperfine --version), tmux $(tmux -V | cut -d' ' -f2), GNU time $(dpkg-query -W -f='${Version}' time 2>/dev/null || /usr/bin/time --version 2>&1 | head -1)"
	echo "jrc:      $("$JRC" --version | head -1), $BENCH_CASES cases in the big database"
} | tee "$W/versions.txt" >&2
say ""
printf '  %-46s %-18s %-18s %-7s %-7s %s\n' figure value reference ratio target verdict >&2

# ---------------------------------------------------------------- 1 filing
if want filing; then
	out=$("$BENCH_BIN/file_bench" fsync "$W" 2000)
	row "fsync latency (4 KiB write + fdatasync)" "$(echo "$out" | kv fsync_median_ms) ms median" \
		"p99 $(echo "$out" | kv fsync_p99_ms) ms" - -
	# jrc's main() sets malloc's trim threshold to 4 MiB (src/cli/main.c);
	# the tunable gives the benchmark process the same heap policy.
	out=$(GLIBC_TUNABLES=glibc.malloc.trim_threshold=4194304 "$BENCH_BIN/file_bench" filing "$W" 500 8)
	core=$(echo "$out" | kv core_ms_per_filing) bare=$(echo "$out" | kv bare_ms_per_filing)
	row "1 durable filing: grievance_file, 1 tx each" "$core ms" "bare sqlite $bare ms" \
		"$(ratio "$core" "$bare")" "<= 1.3"
	out=$("$BENCH_BIN/file_bench" filing "$W" 500 8)
	core=$(echo "$out" | kv core_ms_per_filing) bare=$(echo "$out" | kv bare_ms_per_filing)
	row "  same, glibc's default trim threshold" "$core ms" "bare sqlite $bare ms" \
		"$(ratio "$core" "$bare")" -
	# The figures and the early warning in the filing path (issue 18):
	# the same filings through a core built without them, rounds taken
	# in turn, the fastest round of each; two patterns: spread (every
	# category over every village, an ordinary day) and the worst case
	# (five categories in four places: from the hundredth filing on, each
	# joins two open alerts).
	for pat in spread worst; do
		withf=999 without=999
		for r in 1 2 3 4 5 6; do
			a=$(GLIBC_TUNABLES=glibc.malloc.trim_threshold=4194304 \
				"$BENCH_BIN/file_bench" filing "$W" 300 1 core ${pat%worst} | kv core_ms_per_filing)
			b=$(GLIBC_TUNABLES=glibc.malloc.trim_threshold=4194304 \
				"$BENCH_BIN/file_bench_nofig" filing "$W" 300 1 core ${pat%worst} | kv core_ms_per_filing)
			withf=$(awk -v x="$withf" -v y="$a" 'BEGIN { print (y < x ? y : x) }')
			without=$(awk -v x="$without" -v y="$b" 'BEGIN { print (y < x ? y : x) }')
		done
		row "1 filing with summary tables and alert rules ($pat)" "$withf ms" "without $without ms" \
			"$(ratio "$withf" "$without")" "<= 1.1"
	done
	# The same in instructions, which load does not move: callgrind's
	# count for 300 filings less that for 100, over 200.
	if command -v valgrind >/dev/null 2>&1; then
		instr() { # BIN N PATTERN
			rm -rf "$W/cg" && mkdir -p "$W/cg" &&
				valgrind --tool=callgrind --callgrind-out-file="$W/cg/out" "$BENCH_BIN/$1" \
					filing "$W/cg" "$2" 1 core ${3%worst} >/dev/null 2>&1 &&
				sed -n 's/^\(summary\|totals\): *//p' "$W/cg/out" | head -1
		}
		for pat in spread worst; do
			a=$(( ($(instr file_bench 300 $pat) - $(instr file_bench 100 $pat)) / 200 ))
			b=$(( ($(instr file_bench_nofig 300 $pat) - $(instr file_bench_nofig 100 $pat)) / 200 ))
			row "1 the same, instructions a filing ($pat)" "$a" "without $b" "$(ratio "$a" "$b")" "<= 1.1"
		done
	else
		say "  (valgrind is not installed: no instruction counts for the filing's figures)"
	fi
fi

# ---------------------------------------------------------------- data
count() { sqlite3 "$1" 'SELECT count(*) FROM cases' 2>/dev/null; }
if [ "${BENCH_REUSE:-0}" = 1 ] && [ "$(count "$BIG")" = "$BENCH_CASES" ] &&
   [ "$(count "$SMALL")" = 10000 ]; then
	say "  (reusing the databases in $W)"
elif want lookup || want lists || want report || want board || want startup || want typing || want pinyin ||
	want server; then
	t0=$(date +%s.%N)
	"$BENCH_BIN/gen" --db "$BIG" --cases "$BENCH_CASES" 2>"$W/gen.log" || { cat "$W/gen.log"; exit 1; }
	t1=$(date +%s.%N)
	"$BENCH_BIN/gen" --db "$SMALL" --cases 10000 2>/dev/null || exit 1
	# The summary tables (issue 18) are filled at the end as the schema
	# migration would: timed apart, the generator's own work as before.
	fill=$(sed -n 's/.*summary tables \([0-9.]*\) s.*/\1/p' "$W/gen.log")
	gs=$(awk -v a="$t0" -v b="$t1" -v f="${fill:-0}" 'BEGIN { printf "%.1f", b - a - f }')
	row "generator: $BENCH_CASES cases + events" "$gs s" "limit 60 s" "$(ratio "$gs" 60)" "<= 1.0"
	row "  then the summary tables, as the migration fills them" "${fill:-?} s" "-" - -
fi

# ---------------------------------------------------------------- 2 lookup
if want lookup; then
	big=$("$BENCH_BIN/lookup_bench" "$BIG" 20000 | kv lookup_median_us)
	small=$("$BENCH_BIN/lookup_bench" "$SMALL" 20000 | kv lookup_median_us)
	row "2 receipt lookup (grievance_get), $BENCH_CASES" "$big us" "10000 cases $small us" \
		"$(ratio "$big" "$small")" "<= 1.5"
	for db in "$BIG" "$SMALL"; do
		mid=$(sqlite3 "$db" "SELECT receipt || ' ' || query_code FROM cases WHERE id = (SELECT max(id) / 2 FROM cases)")
		set -- $mid
		eval "r_$(basename "$db" .db)=\$1 c_$(basename "$db" .db)=\$2"
	done
	set -- $(hf status "$JRC --db $BIG status $r_big --code $c_big" \
		"$JRC --db $SMALL status $r_small --code $c_small")
	row "2 jrc status RECEIPT --code, $BENCH_CASES" "$1 ms" "10000 cases $2 ms" \
		"$(ratio "$1" "$2")" "<= 1.5"
	set -- $(hf show "$JRC --db $BIG show $r_big" "$JRC --db $SMALL show $r_small")
	row "2 jrc show RECEIPT, $BENCH_CASES" "$1 ms" "10000 cases $2 ms" "$(ratio "$1" "$2")" "<= 1.5"
fi

# ---------------------------------------------------------------- 3 lists
if want lists; then
	cols="id, receipt, query_code, site, category, division, department, level, anonymous, name, id_kind, id_number, phone, text, outcome, channel, staff_id, lang, filed_at, state, state_at, due_on, accept_by, extended, answer, related_case"
	phone=$(sqlite3 "$BIG" "SELECT phone FROM cases WHERE phone IS NOT NULL AND id = (SELECT max(id) / 3 FROM cases)")
	# name;jrc list arguments;the filter grievance_list adds;shell parameters:
	# the same SQL text with the same bound parameters, so the planner
	# sees the same statement in both.  (.param evaluates its value as SQL
	# when it can: 2026-11-29 would be 1986, hence date() and trim().)
	while IFS=';' read -r name args where params; do
		set -- $(hf "list_$name" "$JRC --db $BIG list $args" \
			"sqlite3 $BIG $params \".param set ?7 50\" \".param set ?8 0\" \"SELECT $cols FROM cases WHERE 1=1$where ORDER BY id DESC LIMIT ?7 OFFSET ?8\"")
		row "3 jrc list $args" "$1 ms" "sqlite3 shell $2 ms" "$(ratio "$1" "$2")" "<= 1.2"
	done <<EOF
state;--state registered --limit 50; AND state = ?1;".param set ?1 'registered'"
overdue;--overdue --limit 50; AND state IN ('registered','accepted','extended','in_mediation','redirected','review_requested','rereview_requested') AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?4;".param set ?4 date('2026-11-29')"
dept;--department RSJ --state accepted --limit 50; AND state = ?1 AND department = ?2;".param set ?1 'accepted'" ".param set ?2 'RSJ'"
today;--today --limit 50; AND filed_at >= ?5 AND filed_at < ?6;".param set ?5 '2026-11-28T16:00:00Z'" ".param set ?6 '2026-11-29T16:00:00Z'"
search;--search $phone --limit 50; AND (receipt = upper(?3) OR (name >= ?3 AND name < ?3 || char(1114111)) OR id_number = upper(?3) OR phone = ?9);".param set ?3 trim($phone)" ".param set ?9 trim($phone)"
last4;--search ${phone: -4} --limit 50; AND phone LIKE '%' || ?3;".param set ?3 trim(${phone: -4})"
EOF
	# jrc stats (issue 18): read from the summary tables, against the
	# GROUP BY statements over the cases that the figures replace (what
	# jrc stats ran before), and checked equal to that full recount.
	owed="('registered','accepted','extended','in_mediation','redirected','review_requested','rereview_requested')"
	stat_sql=
	for c in state department category; do
		stat_sql="$stat_sql SELECT $c, count(*), sum(state IN $owed), sum(state IN $owed AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?3) FROM cases GROUP BY 1 ORDER BY 1;"
	done
	stat_sql="BEGIN;$stat_sql COMMIT;"
	today=${JRC_NOW%%T*}
	set -- $(hf stats "$JRC --db $BIG stats --json" \
		"sqlite3 $BIG \".param set ?3 date('$today')\" \"$stat_sql\"")
	row "3 jrc stats at $BENCH_CASES cases (summary tables)" "$1 ms" "goal 20 ms" \
		"$(ratio "$1" 20)" "<= 1.0"
	row "  the GROUP BYs over the cases it replaces" "$2 ms" "sqlite3 shell" - -
	out=$("$BENCH_BIN/lookup_bench" "$BIG" 50 stats)
	row "  its database work alone (stats_collect)" "$(echo "$out" | kv stats_min_ms) ms" \
		"median $(echo "$out" | kv stats_median_ms) ms" \
		"$(ratio "$(echo "$out" | kv stats_min_ms)" 20)" "<= 1.0"
	got=$("$JRC" --db "$BIG" stats --json | python3 -c 'import json, sys
d = json.load(sys.stdin)
for k in ("by_state", "by_department", "by_category"):
    for r in d[k]:
        print(r["key"], r["total"], r["open"], r["overdue"])')
	want=$(sqlite3 -separator ' ' "$BIG" ".param set ?3 date('$today')" "$stat_sql")
	if [ "$got" = "$want" ]; then same=1; else same=0; fi
	row "  figures equal to that recount (1 = equal)" "$same" "by state, department, category" \
		"$same" ">= 1"
	set -- $(hf stats_by "$JRC --db $BIG stats --by township,category --json" \
		"$JRC --db $BIG stats --by village --from $(date -d "$today -30 days" +%F) --to $today --json")
	row "3 jrc stats --by township,category" "$1 ms" "-" - -
	row "3 jrc stats --by village, the last 30 days" "$2 ms" "-" - -
fi

# ---------------------------------------------------------------- the monthly report
# jrc report for the last full month of the big database, in each format;
# the goal is 2 s (issue 18).
if want report; then
	month=$(sqlite3 "$BIG" "SELECT strftime('%Y-%m', max(filed_at), 'start of month', '-1 month') FROM cases")
	set -- $(hf report "$JRC --db $BIG report --month $month -o $W/report.xlsx" \
		"$JRC --db $BIG report --month $month -o $W/report.csv")
	row "3 jrc report --month $month (xlsx)" "$1 ms" "goal 2000 ms" "$(ratio "$1" 2000)" "<= 1.0"
	row "3 jrc report --month $month (csv)" "$2 ms" "goal 2000 ms" "$(ratio "$2" 2000)" "<= 1.0"
fi

# ---------------------------------------------------------------- the board
# One refresh of the hall's board (issue 16): the database work of
# board_gather after a call, at the big database, goal 20 ms; the small
# one for scale; and the 90-day appraisal the board reads every 5 minutes.
if want board; then
	"$BENCH_BIN/lookup_bench" "$BIG" 200 board >"$W/board_big.txt"
	"$BENCH_BIN/lookup_bench" "$SMALL" 200 board >"$W/board_small.txt"
	big=$(kv board_median_ms <"$W/board_big.txt")
	small=$(kv board_median_ms <"$W/board_small.txt")
	row "board refresh (board_gather), $BENCH_CASES" "$big ms" "goal 20 ms" "$(ratio "$big" 20)" "<= 1.0"
	row "  the same at 10000 cases" "$small ms" "-" - -
	row "  the 90-day appraisal (every 5 min), $BENCH_CASES" "$(kv appraisal_median_ms <"$W/board_big.txt") ms" \
		"10000 cases $(kv appraisal_median_ms <"$W/board_small.txt") ms" - -
	# From a call (jrc queue call, as a desk makes it) to the board in a
	# terminal showing it, on the big database; the board polls the
	# database's data_version.  Goal 2 s; the slowest of five calls.
	printf 'bench1234\n' | "$JRC" --db "$BIG" staff add BQ01 --name 叫号 --role desk >/dev/null 2>&1
	bsock="$W/board.sock"
	tmux -S "$bsock" new -d -x 80 -y 24 "env JRC_DB=$BIG JRC_DATA=$JRC_DATA JRC_NOW=$JRC_NOW TERM=xterm-256color LANG=C.UTF-8 $JRC board --lang en"
	for i in $(seq 100); do
		tmux -S "$bsock" capture-pane -p 2>/dev/null | grep -q "Joint Reception" && break
		sleep 0.1
	done
	worst=0
	for i in 1 2 3 4 5; do
		t=$("$JRC" --db "$BIG" queue take --group A --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["ticket"])')
		t0=$(date +%s%N)
		"$JRC" --db "$BIG" queue call --window 1 --staff BQ01 >/dev/null
		for j in $(seq 400); do
			tmux -S "$bsock" capture-pane -p | grep -q "Number $t," && break
			sleep 0.01
		done
		ms=$(( ($(date +%s%N) - t0) / 1000000 ))
		[ "$ms" -gt "$worst" ] && worst=$ms
		"$JRC" --db "$BIG" queue serve "$t" --staff BQ01 >/dev/null
	done
	tmux -S "$bsock" kill-server 2>/dev/null
	row "a call to the board showing it (worst of 5)" "$worst ms" "goal 2000 ms" "$(ratio "$worst" 2000)" "<= 1.0"
fi

# ---------------------------------------------------------------- 4 kiosks
if want kiosks; then
	best1=0 best8=0 errors=0 dups=0
	for r in 1 2 3; do
		"$BENCH_BIN/file_bench" init "$W/k1.db" && one=$("$BENCH_BIN/file_bench" kiosks "$W/k1.db" 1 2000 "$W/k1.out" | kv per_s)
		"$BENCH_BIN/file_bench" init "$W/k8.db" && eight=$("$BENCH_BIN/file_bench" kiosks "$W/k8.db" 8 250 "$W/k8.out" | kv per_s)
		errors=$((errors + $(cat "$W"/k8.out.* | grep -c ERROR)))
		dups=$((dups + $(cat "$W"/k8.out.* | grep -v ERROR | sort | uniq -d | wc -l)))
		[ "$(cat "$W"/k8.out.* | grep -vc ERROR)" = 2000 ] || errors=$((errors + 1))
		[ "$(sqlite3 "$W/k8.db" 'SELECT count(*) FROM cases')" = 2000 ] || errors=$((errors + 1))
		best1=$(awk -v a="$best1" -v b="$one" 'BEGIN { print (b > a ? b : a) }')
		best8=$(awk -v a="$best8" -v b="$eight" 'BEGIN { print (b > a ? b : a) }')
	done
	row "4 eight kiosks filing at once (best of 3)" "$best8 cases/s" "one kiosk $best1/s" \
		"$(ratio "$best8" "$best1")" ">= 0.8"
	row "4   errors, duplicate receipt numbers" "$errors, $dups" "6000 filings" - -
fi

# ---------------------------------------------------------------- 5 start-up
menu=(--menu "请选择您要办的事" 15 50 5 1 "我要反映问题" 2 "查询办理进度" 3 "领导接待日：约见县领导" 4 "工作人员专用：登录前台" 5 English)
if want startup; then
	k=$(TERM=xterm-256color "$BENCH_BIN/ptytime" -n 15 -m 'F2 English' -- "$JRC" --db "$BIG" kiosk)
	d=$(TERM=xterm-256color "$BENCH_BIN/ptytime" -n 15 -m 'Cancel' -- dialog "${menu[@]}")
	km=$(echo "$k" | kv startup_median_ms) dm=$(echo "$d" | kv startup_median_ms)
	row "5 jrc kiosk to its first screen, $BENCH_CASES" "$km ms" "dialog --menu $dm ms" \
		"$(ratio "$km" "$dm")" "<= 2"
fi

# ---------------------------------------------------------------- 6 typing
# Both need tmux: source the test library for its tmux helpers.
if want startup || want typing; then
	top_srcdir=$here/../.. . "$here/../lib.sh"
	set +u
	trap 't_cleanup; [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$W"' EXIT
	export JRC_NOW=2026-11-29T10:00:00+08:00
	k_start() {
		tm_start 80 24 env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color JRC_DB="$BIG" \
			JRC_NOW="$JRC_NOW" ${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} "$@"
	}
	# The way to step 3 (the name field) and on to step 4 (what happened),
	# as tests/e2e/kiosk_file_zh.sh goes.
	to_name() {
		tm_wait '欢迎' && tm_keys 1 && tm_wait '第 1 步' && tm_keys 1 && tm_wait '您按了 1' &&
		tm_keys Enter && tm_wait '第 2 步' && tm_keys 1 && tm_wait '您按了 1' && tm_keys Enter &&
		tm_wait '请选择村或社区' && tm_keys 3 && tm_wait '第 3 步' && tm_keys 1 && tm_wait '> 姓名'
	}
	name_to_story() {
		tm_keys Enter && tm_wait '> 证件' && tm_keys Enter &&
		tm_wait '> 身份证号码' && tm_type "$(t_id 33072619800101001)" && tm_keys Enter &&
		tm_wait '> 电话号码' && tm_type 13812345678 && tm_keys Enter &&
		tm_wait '短信通知吗' && tm_keys 2 && tm_wait '还可输入 4000 字'
	}
	to_story() {
		to_name && tm_type 张三 && name_to_story
	}
	# type_keys STRING WAIT: type one character at a time, each waited for
	# (WAIT is a command that gets the count typed so far); adds to n, min.
	type_keys() {
		local s=$1 i ch
		for ((i = 0; i < ${#s}; i++)); do
			ch=${s:$i:1}
			tm_type "$ch"
			n=$((n + 1)) min=$((min + $(printf '%s' "$ch" | wc -c) + 3))
			$2 "${s:0:$((i + 1))}" || return 1
		done
	}
fi
if want startup; then
	# Peak RSS through a whole filing, against dialog showing its menu.
	k_start /usr/bin/time -v -o "$W/kiosk.time" "$JRC" kiosk
	if to_story; then
		tm_type "老板拖欠我六个月工资共36000元，多次讨要未果。"; tm_keys Enter
		tm_wait '第 5 步' && tm_type 请帮我讨回工资 && tm_keys Enter && tm_wait '第 6 步' &&
			tm_keys "$(tm_screen | sed -n 's/^.*[> ]\([0-9][0-9]*\)  不需要帮助.*$/\1/p' | head -1)" &&
			tm_wait '第 7 步' && tm_keys Enter && tm_wait '已经登记'
		filed=$?
		pkill -TERM -P "$(tm display-message -p -t t '#{pane_pid}')" jrc 2>/dev/null
		for i in $(seq 50); do [ -s "$W/kiosk.time" ] && break; sleep 0.1; done
	else
		filed=1
	fi
	tm kill-server >/dev/null 2>&1
	tm_start 80 24 env LANG=C.UTF-8 TERM=xterm-256color /usr/bin/time -v -o "$W/dialog.time" dialog "${menu[@]}"
	tm_wait Cancel && tm_keys Enter
	for i in $(seq 50); do [ -s "$W/dialog.time" ] && break; sleep 0.1; done
	tm kill-server >/dev/null 2>&1
	kr=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/kiosk.time")
	dr=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/dialog.time")
	[ $filed = 0 ] || kr="$kr (filing did not finish)"
	row "5 peak RSS, kiosk through a whole filing" "${kr:-?} KiB" "dialog ${dr:-?} KiB" \
		"$(ratio "${kr%% *}" "${dr:-0}")" -
fi
if want typing; then
	# Bytes the kiosk writes per key typed into the text area, one key at a
	# time (each waited for on the screen), recorded by tmux pipe-pane.
	# wait_name TYPED / wait_story TYPED: the key has reached the screen.
	wait_name() { tm_wait "> 姓名 +$1" 5; }
	wait_story() { tm_wait "还可输入 $((4000 - ${#1})) 字" 5; }
	record() { : >"$W/$1.bytes"; tm pipe-pane -t t -o "cat >>'$W/$1.bytes'"; }
	# report WHAT FILE: bytes per key against the minimum.
	report() {
		sleep 0.3
		tm pipe-pane -t t
		local bytes per minper
		bytes=$(wc -c <"$W/$2.bytes")
		per=$(awk -v b="$bytes" -v n="$n" 'BEGIN { printf "%.1f", b / n }')
		minper=$(awk -v b="$min" -v n="$n" 'BEGIN { printf "%.1f", b / n }')
		row "6 bytes per keystroke, $1 ($n keys)" "$per B" "char + cursor move $minper B" \
			"$(ratio "$per" "$minper")" "<= 4"
	}
	k_start "$JRC" kiosk
	if to_name; then
		n=0 min=0
		# Plain letters, as before the built-in pinyin (F4; section 7
		# measures pinyin).
		tm_keys F4 && tm_wait '\[英\]' 5
		record name
		type_keys "张三丰Zhang" wait_name
		report "name field" name
		n=0 min=0
		name_to_story && record story &&
			type_keys "老板拖欠我六个月工资共元多次讨要未果请帮我讨回unpaidwagesforsixmonths" wait_story
		report "text area with counter" story
	else
		row "6 bytes per keystroke" "the kiosk did not reach the form" - - -
	fi
	tm kill-server >/dev/null 2>&1
fi

# ---------------------------------------------------------------- 8 pinyin
# The built-in pinyin (issue 12), all through ptytime on a pty of its own:
# the way to the name field, then keys one at a time, each timed from its
# write to the last byte of the screen's answer.
if want pinyin; then
	if [ -z "${JRC_RIME_DIR:-}" ] || [ ! -s "$JRC_RIME_DIR/jrc_words.table.bin" ]; then
		row "8 pinyin" "not built (configure --without-rime)" - - -
	else
		to_form=$'1,1,\r,1,\r,3,1'
		letters='l,a,o,b,a,n,t,u,o,q,i,a,n,g,o,n,g,z,i'
		pt() { TERM=xterm-256color "$BENCH_BIN/ptytime" -n 5 -i 150 -m 'F2 English' "$@" -- "$JRC" --db "$BIG" kiosk; }
		py=$(pt -s "$to_form" -k "$letters")
		plain=$(pt -s "$to_form,"$'\eOS' -k "$letters")
		pm=$(echo "$py" | kv key_median_ms) lm=$(echo "$plain" | kv key_median_ms)
		row "8 key to screen while composing (median)" "$pm ms" "plain letter $lm ms" \
			"$(ratio "$pm" "$lm")" "<= 2"
		row "8 candidate lookup per key (the difference)" \
			"$(awk -v a="$pm" -v b="$lm" 'BEGIN { printf "%.2f", a - b }') ms" - - -
		pb=$(echo "$py" | kv bytes_per_key) lb=$(echo "$plain" | kv bytes_per_key)
		row "8 bytes per composing key" "$pb B" "plain letter $lb B" "$(ratio "$pb" "$lb")" "<= 2"
		# The first screen with the engine there and without it: it starts
		# only after the first screen, and librime is opened, not linked.
		on=$(TERM=xterm-256color "$BENCH_BIN/ptytime" -n 15 -m 'F2 English' -- "$JRC" --db "$BIG" kiosk | kv startup_median_ms)
		off=$(JRC_RIME_DIR=/nonexistent TERM=xterm-256color "$BENCH_BIN/ptytime" -n 15 -m 'F2 English' -- "$JRC" --db "$BIG" kiosk | kv startup_median_ms)
		row "8 kiosk to its first screen, pinyin built in" "$on ms" "engine absent $off ms" \
			"$(ratio "$on" "$off")" "<= 1.1"
		rss=$(echo "$py" | kv rss_kb)
		row "8 peak RSS with the engine loaded and composing" "$rss KiB" "goal 40960 KiB" \
			"$(ratio "$rss" 40960)" "<= 1.0"
	fi
fi

# ---------------------------------------------------------------- 7 voice
# Key to screen with voice guidance speaking (into WAV files at the pace
# of a sound card) against the same kiosk with the voice off; and from the
# key to the first sample of the new screen's sentence, from the voice log.
if want voice && "$JRC" kiosk --help | grep -q -- --voice-output; then
	VDB=$W/voice.db
	rm -rf "$W/voice" "$W/voice-off" "$VDB"
	JRC_DB=$VDB "$JRC" init >/dev/null
	keytime() {
		TERM=xterm-256color LANG=C.UTF-8 JRC_VOICE_PACE=1 "$BENCH_BIN/keytime" -n 25 -k 1 \
			-m '您要反映什么问题' -b $'\033' -B '欢迎' -- "$JRC" --db "$VDB" kiosk "$@"
	}
	off=$(keytime --voice off --voice-output "file:$W/voice-off" | kv key_median_ms)
	on=$(keytime --voice on --voice-output "file:$W/voice" | kv key_median_ms)
	row "7 key to screen, voice on (median of 25)" "${on:-?} ms" "voice off ${off:-?} ms" \
		"$(ratio "${on:-0}" "${off:-0}")" "<= 1.1"
	first=$(sed -n 's/.*first_sample_after_key_ms=\([0-9]*\).*/\1/p' "$W/voice/voice.log" 2>/dev/null |
		sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }')
	row "7 key to the first sound of the new screen" "${first:-?} ms (median)" "goal 150 ms" - -
fi

# ---------------------------------------------------------------- 9 server
# The county's server (issue 15): a throwaway PostgreSQL server, started
# here as the tests start theirs (tests/pg/server.sh: initdb, a Unix socket
# in a temporary folder, fsync and synchronous_commit on), and stopped at
# the end.  Filing against a bare libpq loop, 16 sites x 4 kiosks at once,
# lookups at the big database against the small one, and the worklist
# against psql running the same SQL.
if want server; then
	if [ ! -x "$BENCH_BIN/pg_bench" ]; then
		row "9 the county's server" "jrc is built without PostgreSQL" - - -
	elif ! key=$JRC_LEDGER_KEY || ! top_srcdir=$here/../.. . "$here/../lib.sh" || ! . "$here/../pg/server.sh" ||
		! PG_BIN=$(pg_bindir) || ! command -v psql >/dev/null 2>&1; then
		say "make bench: the server part needs PostgreSQL: apt-get install postgresql postgresql-client"
		exit 1
	else
		set +u
		export JRC_LEDGER_KEY=$key
		pg_start || exit 1
		trap 'pg_stop; t_cleanup; [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$W"' EXIT
		# The server's own time for each statement (pg_stat_statements,
		# shipped with the server): loaded when the server starts.
		stats=0
		if [ -f "$PG_BIN/../lib/pg_stat_statements.so" ]; then
			pg_psql postgres "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null &&
				pg_halt && pg_run && pg_psql postgres "CREATE EXTENSION pg_stat_statements" >/dev/null &&
				stats=1
		fi
		pg_psql postgres "SELECT version()" | cut -d, -f1 | sed 's/^/postgres: /' | tee -a "$W/versions.txt" >&2
		fresh() { pg_psql postgres "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1; pg_createdb "$1"; }

		# 1: rounds of 300 in turn, each on a fresh database; the means,
		# of the time and of the client's own CPU time.
		core=0 bare=0 async=0 core_cpu=0 bare_cpu=0 async_cpu=0
		quarter() { eval "$1=\$(awk -v a=\"\${$1}\" -v b=\"$2\" 'BEGIN { print a + b / 4 }')"; }
		for r in 1 2 3 4; do
			for side in core bare async; do
				fresh f_$side
				out=$("$BENCH_BIN/pg_bench" filing "$(pg_uri f_$side)" 300 $side)
				t=$(printf '%s\n' "$out" | kv ${side}_ms_per_filing)
				c=$(printf '%s\n' "$out" | kv ${side}_cpu_ms_per_filing)
				[ -n "$t" ] && [ -n "$c" ] || { say "make bench: pg_bench filing ($side) failed"; exit 1; }
				quarter "$side" "$t"
				quarter "${side}_cpu" "$c"
			done
		done
		core=$(printf '%.3f' "$core") bare=$(printf '%.3f' "$bare")
		row "9 durable filing on the server: grievance_file" "$core ms" "bare libpq $bare ms" \
			"$(ratio "$core" "$bare")" "<= 1.3"
		row "  the client's own CPU time per filing (jrc's storage layer, the chain's HMAC, libpq)" \
			"$(printf '%.3f' "$core_cpu") ms" "bare libpq $(printf '%.3f' "$bare_cpu") ms" - -
		# What a commit's flush costs here: the bare loop with
		# synchronous_commit on, less the same loop with it off.  All that
		# group commit can save a writer.
		row "  a commit's flush on this machine (the bare loop, synchronous_commit on less off)" \
			"$(awk -v a="$bare" -v b="$async" 'BEGIN { printf "%.3f ms", a - b }')" \
			"off $(printf '%.3f' "$async") ms" - -
		# The server's own time per filing, planning and running every
		# statement (pg_stat_statements): 400 filings less 100, over 300.
		if [ "$stats" = 1 ]; then
			server_ms() { # SIDE N
				fresh f_stat
				pg_psql postgres "SELECT pg_stat_statements_reset()" >/dev/null
				"$BENCH_BIN/pg_bench" filing "$(pg_uri f_stat)" "$2" "$1" >/dev/null || return 1
				pg_psql postgres "SELECT sum(total_exec_time + total_plan_time) FROM pg_stat_statements s
					JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'f_stat'"
			}
			for side in core bare; do
				a=$(server_ms $side 100) && b=$(server_ms $side 400) ||
					{ say "make bench: pg_bench filing ($side) failed"; exit 1; }
				eval "${side}_srv=\$(awk -v a=\"$a\" -v b=\"$b\" 'BEGIN { printf \"%.3f\", (b - a) / 300 }')"
			done
			row "  the server's own time per filing (planning and running its statements)" \
				"$core_srv ms" "bare libpq $bare_srv ms" - -
		else
			row "  the server's own time per filing" "pg_stat_statements is not installed" - - -
		fi
		# The statements a filing sends, from the server's log: those of
		# 200 filings less those of 100 (the set-up counted out), over 100.
		statements() { # N
			local n0
			fresh f_count
			pg_psql f_count "ALTER DATABASE f_count SET log_statement = 'all'" >/dev/null
			n0=$(wc -l <"$PG_DIR/server.log")
			"$BENCH_BIN/pg_bench" filing "$(pg_uri f_count)" "$1" core >/dev/null
			sed -n "$((n0 + 1)),\$p" "$PG_DIR/server.log" | grep -c 'LOG:  \(statement\|execute\)'
		}
		a=$(statements 100) b=$(statements 200)
		row "  statements a filing sends (each a round trip)" "$(( (b - a) / 100 ))" "bare libpq 7" \
			"$(ratio "$(( (b - a) / 100 ))" 7)" -

		# 4: one kiosk, then 16 sites x 4 kiosks, each on a fresh database.
		fresh k1 && "$BENCH_BIN/pg_bench" init "$(pg_uri k1)"
		one=$("$BENCH_BIN/pg_bench" kiosks "$(pg_uri k1)" 1 1 800 "$W/pk1.out" | kv per_s)
		fresh k64 && "$BENCH_BIN/pg_bench" init "$(pg_uri k64)"
		many=$("$BENCH_BIN/pg_bench" kiosks "$(pg_uri k64)" 16 4 50 "$W/pk64.out" | kv per_s)
		[ -n "$one" ] && [ -n "$many" ] || { say "make bench: pg_bench kiosks failed"; exit 1; }
		errors=$(cat "$W"/pk64.out.* | grep -c ERROR)
		dups=$(cat "$W"/pk64.out.* | grep -v ERROR | sort | uniq -d | wc -l)
		[ "$(pg_psql k64 'SELECT count(*) FROM cases')" = 3200 ] || errors=$((errors + 1))
		gaps=$(pg_psql k64 "SELECT count(*) FROM (SELECT site, max(substr(receipt, length(site) + 8, 4)::int) - count(*) AS g FROM cases GROUP BY site) s WHERE g <> 0")
		JRC_DB=$(pg_uri k64) "$JRC" verify >/dev/null 2>&1 && verified=passes || verified=FAILS
		row "9 16 sites x 4 kiosks filing at once" "$many cases/s" "one kiosk $one/s" \
			"$(ratio "$many" "$one")" ">= 2"
		row "9   errors, duplicate numbers, sites with a gap" "$errors, $dups, $gaps" \
			"3200 filings, verify $verified" - -
		# What this machine and server give many writers whatever the
		# record's design: the bare loop without the chain's head (nothing
		# shared between two sites but the tables), one, then 16 sites x 4.
		fresh b1 && "$BENCH_BIN/pg_bench" init "$(pg_uri b1)"
		bone=$("$BENCH_BIN/pg_bench" bare-kiosks "$(pg_uri b1)" 1 1 800 | kv per_s)
		fresh b64 && "$BENCH_BIN/pg_bench" init "$(pg_uri b64)"
		bmany=$("$BENCH_BIN/pg_bench" bare-kiosks "$(pg_uri b64)" 16 4 50 | kv per_s)
		[ -n "$bone" ] && [ -n "$bmany" ] || { say "make bench: pg_bench bare-kiosks failed"; exit 1; }
		row "  bare libpq loops without a chain, 16 sites x 4 at once" "$bmany cases/s" \
			"one loop $bone/s" "$(ratio "$bmany" "$bone")" -

		# 2 and 3 on the generated databases, copied in: the schema and the
		# reference data by jrc init, the cases and their events by COPY (the
		# events after those init wrote: the chain is not what is measured).
		load() { # SQLITE_DB PG_DB
			local t cols after
			fresh "$2"
			JRC_DB=$(pg_uri "$2") "$JRC" init >/dev/null || return 1
			for t in cases events; do
				cols=$(sqlite3 "$1" "SELECT group_concat(name, ',') FROM pragma_table_info('$t')")
				after=$(pg_psql "$2" "SELECT coalesce(max(id), 0) FROM $t")
				sqlite3 -csv -noheader "$1" "SELECT $cols FROM $t WHERE id > $after ORDER BY id" |
					psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -U "$PG_SUPER" -d "$2" \
						-c "\\copy $t($cols) FROM STDIN WITH (FORMAT csv)" || return 1
			done
			pg_psql "$2" "ANALYZE" >/dev/null
		}
		t0=$(date +%s.%N)
		load "$BIG" pbig && load "$SMALL" psmall || { say "make bench: loading the server failed"; exit 1; }
		row "  (the two databases copied onto the server)" \
			"$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f s", b - a }')" - - -
		PBIG=$(pg_uri pbig) PSMALL=$(pg_uri psmall)
		big=$("$BENCH_BIN/lookup_bench" "$PBIG" 5000 | kv lookup_median_us)
		small=$("$BENCH_BIN/lookup_bench" "$PSMALL" 5000 | kv lookup_median_us)
		row "9 receipt lookup on the server, $BENCH_CASES" "$big us" "10000 cases $small us" \
			"$(ratio "$big" "$small")" "<= 1.5"
		rb=$(pg_psql pbig "SELECT receipt FROM cases WHERE id = (SELECT max(id) / 2 FROM cases)")
		rs=$(pg_psql psmall "SELECT receipt FROM cases WHERE id = (SELECT max(id) / 2 FROM cases)")
		set -- $(hf pg_show "$JRC --db $PBIG show $rb" "$JRC --db $PSMALL show $rs")
		row "9 jrc show RECEIPT on the server, $BENCH_CASES" "$1 ms" "10000 cases $2 ms" \
			"$(ratio "$1" "$2")" "<= 1.5"
		# The worklist: jrc list against psql sending the SQL jrc sends, as
		# the server's log shows it, its parameters' values put in place.
		sent_sql() { # jrc list ARGS...
			local n0
			pg_psql pbig "ALTER DATABASE pbig SET log_statement = 'all'" >/dev/null
			n0=$(wc -l <"$PG_DIR/server.log")
			"$JRC" --db "$PBIG" list "$@" >/dev/null
			pg_psql pbig "ALTER DATABASE pbig RESET log_statement" >/dev/null
			sed -n "$((n0 + 1)),\$p" "$PG_DIR/server.log" | python3 -c 'import re, sys
sql = None
for line in sys.stdin:
    m = re.search(r"LOG:  execute [^:]*: (SELECT .* FROM cases WHERE .*)$", line)
    if m:
        sql = m.group(1)
        continue
    m = re.search(r"DETAIL:  parameters: (.*)$", line)
    if m and sql:
        vals = dict(re.findall(r"\$(\d+) = (NULL|\x27(?:[^\x27]|\x27\x27)*\x27)", m.group(1)))
        print(re.sub(r"\$(\d+)\b", lambda p: vals[p.group(1)], sql))
        sql = None'
		}
		phone=$(pg_psql pbig "SELECT phone FROM cases WHERE phone IS NOT NULL AND id = (SELECT max(id) / 3 FROM cases)")
		for args in "--state registered" "--overdue" "--department RSJ --state accepted" "--today" \
			"--search $phone"; do
			q=$(sent_sql $args --limit 50)
			[ -n "$q" ] || { say "make bench: no statement of jrc list $args in the server's log"; exit 1; }
			printf '%s\n' "$q" >"$W/pg_list.sql"
			set -- $(hf "pg_list_${args%% *}" "$JRC --db $PBIG list $args --limit 50" \
				"psql -X -q -A -t -h $PG_SOCK -U $PG_SUPER -d pbig -o /dev/null -f $W/pg_list.sql")
			row "9 jrc list $args --limit 50 on the server" "$1 ms" "psql $2 ms" "$(ratio "$1" "$2")" "<= 1.2"
		done
		pg_stop
	fi
fi

# ---------------------------------------------------------------- table
{
	echo '```'
	cat "$W/versions.txt"
	echo '```'
	echo
	echo '| figure | value | reference | ratio | target | verdict |'
	echo '|---|---|---|---|---|---|'
	awk -F'|' '{ printf "|"; for (i = 1; i <= NF; i++) printf " %s |", $i; print "" }' "$TABLE"
} >"$W/results.md"
cp "$W/results.md" "${BENCH_RESULTS:-bench-results.md}"
say ""
say "results: ${BENCH_RESULTS:-bench-results.md}"
grep -q MISSED "$TABLE" && exit 1
exit 0
