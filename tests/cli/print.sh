# jrc print / jrc printer: every sink, every way a printer fails, and the
# case always staying filed, with the attempt recorded.
. "$top_srcdir/tests/lib.sh"

FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"

export JRC_NOW=2026-11-29T10:30:00+08:00
t_init_db
ID=$(t_id 11010519491231002)
R=$(jrc file --category LAB --division 330726001201 --name 张三 --id-number "$ID" \
	--phone 13812345678 --text "老板拖欠工资三个月。")
like "$R" '^PJ261129-[0-9]{4}-[0-9]$' "a case to print"

FP_PIDS=""
stop_printers() {
	for p in $FP_PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	FP_PIDS=""
}
trap 'stop_printers; t_cleanup' EXIT

# start_printer MODE: a fake printer; sets PORT and OUT.
start_printer() {
	OUT="$T_DIR/printer-$1-$$-$RANDOM.bin"
	: >"$OUT"
	"$FP" "$1" "$OUT" >"$OUT.port" &
	FP_PIDS="$FP_PIDS $!"
	PORT=
	for _ in $(seq 100); do
		PORT=$(head -1 "$OUT.port" 2>/dev/null)
		[ -n "$PORT" ] && break
		sleep 0.05
	done
}

decode() { "$FP" decode GB18030 "$1" "${2:-48}"; }

jobs_of() {
	sqlite3 "$JRC_DB" "SELECT outcome || ' ' || coalesce(error, '') FROM print_jobs ORDER BY id DESC LIMIT 1"
}

have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1

# ---------------------------------------------------------------- file
jrc print "$R" --printer "file:$T_DIR/r.bin" >"$T_DIR/out" 2>"$T_DIR/err"
ok $? "print to a file"
like "$(cat "$T_DIR/out")" "Printed receipt $R" "says where it printed"
text=$(decode "$T_DIR/r.bin")
ok $? "the file is ESC/POS within 48 columns"
like "$text" "$R" "the receipt number is on it"
like "$text" "浦江县信访联合接待中心" "the center's Chinese name is on it"
like "$text" "110105\*{8}002X" "the ID is masked"
unlike "$text" "$ID" "the full ID is not"
like "$text" "QR: $R [0-9]{6}" "the QR holds number and query code"
lc=$(printf '%s\n' "$text" | sed -n 's/.*记录校验码：\([0-9a-f]\{4\}\( [0-9a-f]\{4\}\)\{3\}\).*/\1/p' | head -1)
like "$lc" '^[0-9a-f]{4}( [0-9a-f]{4}){3}$' "the receipt carries a 64-bit ledger check in groups of four"
jrc verify --receipt "$R" --ledger-check "$lc" >/dev/null
ok $? "and jrc verify confirms the paper against the database"

jrc print "$R" --printer file:- --paper 58 >"$T_DIR/stdout.bin"
ok $? "file:- writes to standard output"
"$FP" decode GB18030 "$T_DIR/stdout.bin" 32 >/dev/null
ok $? "58 mm paper: within 32 columns"

text=$(jrc print "$R" --printer file:- --format text --lang en)
like "$text" "Receipt number" "text format, English under the Chinese"
like "$text" "▀|▄" "text format draws the QR in half blocks"

# the booked helper is on the receipt
R2=$(jrc file --category LAB --division 330726001201 --anonymous --text "欠薪")
if jrc book "$R2" --host M02 >/dev/null 2>&1; then
	text=$(jrc print "$R2" --printer file:- | "$FP" decode GB18030 /dev/stdin 48)
	like "$text" "预约接待：陈建国（人民调解员）" "the booking is on the receipt"
	like "$text" "匿名" "an anonymous case says so, with no name"
else
	ok 0 "# SKIP no roster to book with"
	ok 0 "# SKIP no roster to book with"
fi

# ---------------------------------------------------------------- tcp
start_printer ok
jrc print "$R" --printer "tcp://127.0.0.1:$PORT" >"$T_DIR/out" 2>&1
ok $? "print to a network printer"
text=$(decode "$OUT")
like "$text" "$R" "the printer received the receipt"
like "$text" "县人力资源和社会保障局" "with the department in Chinese"

fail_case() { # MODE/what DESCRIPTION EXPECTED-MESSAGE
	local started=$SECONDS
	jrc print "$R" --printer "$1" >"$T_DIR/out" 2>"$T_DIR/err"
	is $? 1 "$2: exit 1"
	like "$(cat "$T_DIR/err")" "$3" "$2: says what is wrong"
	like "$(cat "$T_DIR/err")" "filed and safe" "$2: says the case is safe"
	ok $((SECONDS - started > 8)) "$2: gave up within seconds"
	jrc show "$R" >/dev/null
	ok $? "$2: the case still exists"
	like "$(jrc print --failed)" "$R" "$2: listed by print --failed"
	if [ $have_sqlite = 1 ]; then
		like "$(jobs_of)" "^failed .+" "$2: the job is recorded failed with its error"
	fi
}

start_printer paperout
fail_case "tcp://127.0.0.1:$PORT" "paper out" "out of paper"
unlike "$(decode "$OUT")" "$R" "paper out: nothing was printed"

start_printer offline
fail_case "tcp://127.0.0.1:$PORT" "offline" "offline"

start_printer cover
fail_case "tcp://127.0.0.1:$PORT" "cover open" "cover is open"

start_printer refuse
fail_case "tcp://127.0.0.1:$PORT" "refused connection" "refused"

start_printer stall
fail_case "tcp://127.0.0.1:$PORT" "printer that never reads" "took the connection but not the receipt"

like "$(jrc print --failed --json)" "\"receipt\":\"$R\"" "print --failed --json lists it"

start_printer ok
jrc print "$R" --printer "tcp://127.0.0.1:$PORT" >/dev/null 2>&1
ok $? "a later print to a working printer succeeds"
like "$(decode "$OUT")" "$R" "and the receipt came out"
like "$(jrc print --failed)" "No receipt" "nothing is waiting any more"

start_printer paperlow
jrc print "$R" --printer "tcp://127.0.0.1:$PORT" >/dev/null 2>"$T_DIR/err"
ok $? "paper low still prints"
like "$(cat "$T_DIR/err")" "warning: .*paper is running low" "and warns"

start_printer mute
jrc print "$R" --printer "tcp://127.0.0.1:$PORT" >/dev/null 2>&1
ok $? "a printer that never answers status but takes the data"
like "$(decode "$OUT")" "$R" "got the receipt"

# the setting, not the option
start_printer ok
jrc settings printer "tcp://127.0.0.1:$PORT"
jrc print "$R" >/dev/null
ok $? "prints on the printer setting"
like "$(decode "$OUT")" "$R" "the setting's printer got it"
out=$(jrc settings printer "tcp://127.0.0.1:99999" 2>&1)
is $? 2 "a printer setting that cannot work is refused when set"
like "$out" "printer" "with a sentence about the printer"
# One written by hand (or by an older version) still fails safely.
sqlite3 "$JRC_DB" "INSERT INTO settings(key, value) VALUES ('printer', 'tcp://127.0.0.1:99999') ON CONFLICT(key) DO UPDATE SET value = excluded.value"
jrc print "$R" >/dev/null 2>"$T_DIR/err"
is $? 1 "a printer setting that cannot work is a printer failure"
like "$(cat "$T_DIR/err")" "not set up right.*jrc settings printer" "it tells staff which setting to fix"
like "$(jrc print --failed)" "$R" "and the case waits among the failed prints"
jrc settings printer none
jrc print "$R" >/dev/null 2>"$T_DIR/err"
ok $? "printer none: not an error"
like "$(cat "$T_DIR/err")" "not printed" "but it says nothing was printed"
[ $have_sqlite = 1 ] && like "$(jobs_of)" "^skipped" "recorded as skipped"

# ---------------------------------------------------------------- printer test
start_printer ok
out=$(jrc printer test --printer "tcp://127.0.0.1:$PORT")
ok $? "printer test"
like "$out" "ready" "reports the printer ready"
like "$(decode "$OUT")" "Printer test" "the test page came out"
start_printer paperout
jrc printer test --printer "tcp://127.0.0.1:$PORT" >/dev/null 2>"$T_DIR/err"
is $? 1 "printer test on a printer out of paper fails"
like "$(cat "$T_DIR/err")" "out of paper" "and says why"
start_printer paperlow
like "$(jrc printer status --printer "tcp://127.0.0.1:$PORT")" "running low" "printer status"

# ---------------------------------------------------------------- dev and cups
jrc print "$R" --printer "dev:$T_DIR/no-such-lp0" >/dev/null 2>"$T_DIR/err"
is $? 1 "a missing device fails"
like "$(cat "$T_DIR/err")" "not there" "and says it is not there"
: >"$T_DIR/lp0"
jrc print "$R" --printer "dev:$T_DIR/lp0" >/dev/null
ok $? "a device file takes the bytes"
like "$(decode "$T_DIR/lp0")" "$R" "the device got the receipt"

mkdir -p "$T_DIR/bin"
cat >"$T_DIR/bin/lp" <<EOF
#!/bin/sh
echo "\$@" >"$T_DIR/lp.args"
cat >"$T_DIR/lp.data"
case "\$*" in *-d\ broken*) echo "lp: The printer or class does not exist." >&2; exit 1;; esac
exit 0
EOF
chmod +x "$T_DIR/bin/lp"
PATH="$T_DIR/bin:$PATH" jrc print "$R" --printer cups:receipts >/dev/null
ok $? "cups: a raw job through lp"
like "$(cat "$T_DIR/lp.args")" "-d receipts -o raw" "lp gets the queue and -o raw"
like "$(decode "$T_DIR/lp.data")" "$R" "lp got the receipt"
PATH="$T_DIR/bin:$PATH" jrc print "$R" --printer cups:broken >/dev/null 2>"$T_DIR/err"
is $? 1 "cups: lp refusing is a failure"
like "$(cat "$T_DIR/err")" "does not exist" "with lp's reason"

# ---------------------------------------------------------------- bad input
before=$(t_rows print_jobs)
jrc print >/dev/null 2>&1; is $? 2 "no receipt number: usage"
jrc print "$R" --paper 70 >/dev/null 2>&1; is $? 2 "a paper width that does not exist"
jrc print "$R" --printer bogus >/dev/null 2>&1; is $? 2 "a printer that is not a URI"
jrc print "$R" --printer "cups:-oops" >/dev/null 2>&1; is $? 2 "a queue that would be an option"
jrc print "$R" --format pdf >/dev/null 2>&1; is $? 2 "an unknown format"
jrc print PJ261129-9999-0 --printer file:- >/dev/null 2>&1; is $? 2 "an unknown receipt"
jrc print --failed "$R" >/dev/null 2>&1; is $? 2 "--failed with a number"
jrc printer frob >/dev/null 2>&1; is $? 2 "an unknown printer action"
is "$(t_rows print_jobs)" "$before" "bad input records no print job"
# A review slip that did not print waits among the failed prints too
# (recorded as the kiosk's status screens record it: tests/unit/test_slip).
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$JRC_DB" "INSERT INTO print_jobs(case_id, sink, at, outcome, error, actor, document)
		SELECT id, 'tcp://127.0.0.1:1', '2026-11-29T02:00:00Z', 'failed', 'no connection', 'kiosk',
		'review_slip' FROM cases WHERE receipt = '$R'"
	like "$(jrc print --failed)" "$R .*\\(review slip\\)" "a failed review slip is listed, named as a slip"
	like "$(jrc print --failed --json)" "\"receipt\":\"$R\",\"document\":\"review_slip\"" "--json says which document"
else
	ok 0 "# SKIP sqlite3 is not installed"
	ok 0 "# SKIP sqlite3 is not installed"
fi
jrc print --help | grep -q -- "--failed"; ok $? "print --help"
jrc printer --help | grep -q "test"; ok $? "printer --help"

stop_printers
done_testing
