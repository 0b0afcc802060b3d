#!/usr/bin/env bash
# The desk's failed-prints screen (P): the receipts whose last print
# failed, with tries and reason; Enter prints one again and it leaves the
# list; O opens a case.  And the worklist's OVERDUE marker follows the one
# rule: an answered case in its review window is not overdue.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"
t_init_db
export JRC_NOW=2026-11-02T10:00:00+08:00
file_one() { jrc file --category LAB --division 330726100201 --anonymous --text "$1"; }
R1=$(file_one "第一件欠薪"); R2=$(file_one "第二件欠薪"); RA=$(file_one "已答复的一件")
jrc move "$RA" accepted >/dev/null && jrc move "$RA" answered --answer "已处理" >/dev/null
ok $? "an answered case (review window until 2 Dec)"
for r in "$R1" "$R2"; do
	jrc print "$r" --printer tcp://127.0.0.1:1 >/dev/null 2>&1
done
is "$(jrc print --failed | grep -c PJ)" 2 "two receipts failed to print"
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null

# 10 Dec: R1 and R2 are past their 15 days; RA's review window (to 2 Dec)
# has passed too, but nobody owed a step on it.
NOW2=2026-12-10T09:00:00+08:00
tm_start 110 30 env JRC_DB="$JRC_DB" JRC_NOW="$NOW2" ${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} \
	TERM=xterm-256color "$JRC" desk --lang en --printer "file:$T_DIR/out.bin"
tm_wait "Staff ID" 10; ok $? "the desk asks for a login"
tm_type D001; tm_keys Tab; tm_type secret123; tm_keys Enter
tm_wait "Front desk: 张三" 10; ok $? "desk staff log in"
like "$(tm_screen)" "$R1.*OVERDUE" "a case past its acceptance deadline is marked OVERDUE"
unlike "$(tm_screen | grep "$RA")" "OVERDUE" "an answered case is not, even past its review window"
tm_keys o
tm_wait_gone "$RA" 5; ok $? "O (overdue only) leaves the answered case out"
like "$(tm_screen)" "$R2" "and keeps the overdue ones"
tm_keys o
tm_wait "$RA" 5

tm_keys p
tm_wait "Receipts that did not print" 5; ok $? "P opens the failed prints"
scr=$(tm_screen)
like "$scr" "$R1 .*1 tries" "the first failed receipt, with its tries"
like "$scr" "$R2 .*1 tries" "and the second"
unlike "$scr" "$RA" "a receipt that never failed is not listed"
n=$(tm_screen | grep -E "[0-9]+ +$R1" | sed -E "s/^[^0-9]*([0-9]+) +$R1.*/\1/" | head -1)
tm_keys "${n:-1}"
tm_wait "The receipt of $R1 was sent to the printer" 5; ok $? "choosing it prints it again"
tm_wait_gone "$R1 .*tries" 5; ok $? "and it leaves the list"
i=0; while [ ! -s "$T_DIR/out.bin" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
like "$("$FP" decode GB18030 "$T_DIR/out.bin" 48)" "$R1" "the receipt came out of the printer"
is "$(jrc print --failed | grep -c PJ)" 1 "one receipt is still waiting"
tm_keys o
tm_wait "Case $R2" 5; ok $? "O opens the case of the chosen receipt"
tm_keys Escape
tm_wait "Receipts that did not print" 5; ok $? "Esc goes back to the list"
tm_keys Escape
tm_wait "Front desk: 张三" 5; ok $? "and again to the worklist"
tm_stop

# Every receipt printed: with a printer set up, the screen says so.
jrc print "$R2" --printer "file:$T_DIR/out2.bin" >/dev/null
is "$(jrc print --failed | grep -c PJ)" 0 "nothing is waiting any more"
desk_prints() {
	tm_start 110 30 env JRC_DB="$JRC_DB" JRC_NOW="$NOW2" ${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} \
		TERM=xterm-256color "$JRC" desk --lang en "$@"
	tm_wait "Staff ID" 10
	tm_type D001; tm_keys Tab; tm_type secret123; tm_keys Enter
	tm_wait "Front desk: 张三" 10
	tm_keys p
	tm_wait "Receipts that did not print" 5
}
desk_prints --printer "file:$T_DIR/out3.bin"
tm_wait "Every receipt printed. Nothing is waiting." 5; ok $? "with nothing failed, it says nothing is waiting"
unlike "$(tm_screen)" "No printer is set up" "a desk with a printer does not say it has none"
tm_stop

# No printer at all (printer "none", the default): an empty list is
# explained, not reported as everything printed.
desk_prints
tm_wait "No printer is set up here" 5; ok $? "with no printer, it says why nothing is listed"
unlike "$(tm_screen)" "Every receipt printed" "and does not claim that every receipt printed"
tm_stop
done_testing
