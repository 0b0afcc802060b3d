#!/usr/bin/env bash
# Issue 21 at the desk: U on the worklist shows only cases with an open
# supervision notice (督办), said in the filter line; the case screen shows
# the notice, its acknowledgement and its late reply in the timeline in
# words, the department by name, no raw codes or English keys.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
printf 'secret123\n' | jrc staff add S001 --name 王五 --role supervisor >/dev/null
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
RA=$(t_file_one "老板拖欠工资三个月")
RB=$(t_file_one "工地不发工资")
RC=$(t_file_one "没有督办的一件")
jrc supervise "$RA" --department RSJ --by 2026-12-05 --note "五日内受理并答复" --staff S001 >/dev/null &&
	jrc supervise "$RA" --ack --staff H001 >/dev/null &&
	JRC_NOW=2026-12-07T10:00:00+08:00 jrc supervise "$RA" --reply "已受理，正在调解" --staff H001 >/dev/null &&
	jrc supervise "$RB" --department RSJ --by 2026-12-10 --note "核查后答复" --staff S001 >/dev/null
ok $? "two notices: one answered late, one open"
export JRC_NOW=2026-12-07T11:00:00+08:00
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"

tm_start 80 40 $ENV "$JRC" desk --lang zh
tm_wait "工号" 10
tm_type S001; tm_keys Tab; tm_type secret123; tm_keys Enter
tm_wait "前台：王五" 10; ok $? "logged in"
like "$(tm_screen)" "U 只看督办：否" "the filter line offers U"
scr=$(tm_screen)
like "$scr" "$RA" "all cases listed"
like "$scr" "$RC" "the one without a notice too"
tm_keys u
tm_wait "U 只看督办：是" 5; ok $? "U turns the filter on"
scr=$(tm_screen)
like "$scr" "$RB" "the case with an open notice is listed"
unlike "$scr" "$RA|$RC" "answered and unsupervised ones are not"
tm_keys u
tm_wait "U 只看督办：否" 5; ok $? "U again turns it off"
tm_wait "$RC" 5; ok $? "and all cases are back"
# The case with the late reply: its timeline in words.
tm_keys /
tm_type "$RA"; tm_keys Enter
tm_wait "^ +$RA" 5
tm_keys Enter
tm_wait "办理经过" 5; ok $? "the case screen"
tm_wait "督办通知逾期回复" 5; ok $? "the late reply in words"
scr=$(tm_screen)
like "$scr" "发出督办通知" "the notice in words"
like "$scr" "督办部门：.*人社局|督办部门：.*人力资源" "the department by name"
like "$scr" "办结期限：2026-12-05" "the by-date"
like "$scr" "督办要求：五日内受理并答复" "what is expected"
like "$scr" "督办通知已签收" "the acknowledgement"
like "$scr" "回复：已受理，正在调解" "the reply"
unlike "$scr" "supervise|department:|expected:|reply:|by:|RSJ" "no raw codes or English keys"
tm_keys Escape
tm_wait "前台：王五" 5
tm_stop
done_testing
