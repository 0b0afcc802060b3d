#!/bin/bash
# Issue 13 (round 3): the receipt screen after staff file for a citizen.
# When the printer fails, staff (the front desk) read the printer's own
# sentence whole above the receipt, in both languages at 80 columns, and
# what to do; they are not sent to the front desk.  With printer `none`
# they are told to write the numbers down, not to ask at the front desk.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"

login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
# flat [SEP]: the screen's lines trimmed and joined by SEP (a space for
# English, nothing for Chinese), to read a wrapped sentence.
flat() {
	tm_screen | sed 's/^ *//; s/ *$//' | awk -v sep="${1-}" '{ printf "%s%s", (NR > 1 ? sep : ""), $0 }'
}
# file_one STEP_RE: an anonymous filing from the worklist (N) up to the
# receipt; STEP_RE is "Step|第" with the language's step word.
file_one() {
	local s=$1
	tm_keys n
	tm_wait "$s 1" 5 || return 1
	tm_keys 1 Enter
	tm_wait "$s 2" 5 || return 1; tm_keys 1 Enter
	tm_wait "不在列表中|Not in the list" 5 || return 1; tm_keys 4
	tm_wait "$s 3" 5 || return 1; tm_keys 2
	tm_wait "1 +(是的，匿名反映|Yes, report anonymously)" 5 || return 1; tm_keys 1
	tm_wait "$s 4" 5 || return 1; tm_type "代群众登记：欠薪三个月"; tm_keys Enter
	tm_wait "$s 5" 5 || return 1; tm_keys Enter
	tm_wait "$s 6" 5 || return 1; tm_keys Enter
	tm_wait "$s 7" 5 || return 1; tm_keys Enter
}

# ---------------------------------------------------------------- English, printer refuses
tm_start 80 24 $ENV "$JRC" desk --lang en --printer tcp://127.0.0.1:1
login D001 secret123
tm_wait "Front desk: 张三" 10; ok $? "logged in"
file_one "Step"; ok $? "filed for a citizen"
tm_wait "no receipt was printed" 15; ok $? "the receipt screen says nothing was printed"
scr=$(flat " ")
like "$scr" "Not printed: The printer at 127\.0\.0\.1:1 refused the connection: check that it" \
	"staff read the printer's own sentence"
like "$scr" "address and port are right\." "whole, not cut at 80 columns"
like "$scr" "Reprint it from the failed prints \(P\) once the printer works\." "and what to do"
unlike "$scr" "collect a printed copy at the front desk" "staff are not sent to the front desk"
tm_keys F2
tm_wait "回执没有打印出来" 5; ok $? "F2: in Chinese"
unlike "$(tm_screen)" "前台领取" "nor in Chinese"
tm_stop

# ---------------------------------------------------------------- Chinese, printer refuses
tm_start 80 24 $ENV "$JRC" desk --lang zh --printer tcp://127.0.0.1:1
login D001 secret123
tm_wait "前台：张三" 10
file_one "第"; ok $? "filed for a citizen, in Chinese"
tm_wait "回执没有打印出来" 15; ok $? "the receipt screen says nothing was printed"
scr=$(flat "")
like "$scr" "没有打印出来：127\.0\.0\.1:1 的打印机拒绝连接" "the printer's own sentence in Chinese"
like "$scr" "端口正确。" "whole"
like "$scr" "打印机修好后，请在“打印失败”（P）里补打。" "and what to do"
unlike "$scr" "前台领取" "not sent to the front desk"
tm_stop

# ---------------------------------------------------------------- printer none
tm_start 80 24 $ENV "$JRC" desk --lang en --printer none
login D001 secret123
tm_wait "Front desk: 张三" 10
file_one "Step"; ok $? "filed with no printer"
tm_wait "Your matter has been registered" 15; ok $? "the receipt screen"
tm_wait "No printer is set up here: write the receipt" 10
ok $? "with printer none staff are told to write the numbers down"
unlike "$(tm_screen)" "No receipt is printed here|ask at the" "not to ask at the front desk"
tm_stop
done_testing
