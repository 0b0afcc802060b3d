#!/usr/bin/env bash
# Issue 13 at the desk: the worklist's department is chosen from the list
# of departments (D), found by its code, name or short name as typed, and
# shown by its short name, not its code.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
RL=$(jrc file --category LAB --division 330726100201 --anonymous --text "老板拖欠工资三个月")
RN=$(jrc file --category NEI --division 330726001 --anonymous --text "邻居漏水")
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}

# ---------------------------------------------------------------- Chinese, 80x24
tm_start 80 24 $ENV "$JRC" desk --lang zh
login D001 secret123
tm_wait "前台：张三" 10; ok $? "logged in"
like "$(tm_screen)" "D 部门： +全部" "all departments at first"
like "$(tm_screen | grep "$RL")" "人社局" "the worklist names the department by its short name"
unlike "$(tm_screen | grep "$RL")" "RSJ" "not by its code"
tm_keys d
tm_wait "只看一个部门的事项" 5; ok $? "D offers the list of departments"
scr=$(tm_screen)
like "$scr" "全部部门" "all of them first"
like "$scr" "RSJ +人社局 +县人力资源和社会保障局，2 号窗口" "each with code, short name, name and window"
like "$scr" "SFJ +司法局" "and the others"
tm_type "人社"
tm_wait_gone "SFJ" 5; ok $? "typing part of a short name narrows the list"
like "$(tm_screen)" "RSJ +人社局" "to the one it fits"
tm_keys Enter
tm_wait "前台：张三" 5; ok $? "Enter chooses it"
tm_wait_gone "$RN" 5; ok $? "the worklist shows that department's cases only"
like "$(tm_screen)" "D 部门： +人社局" "and names the department"
like "$(tm_screen)" "$RL" "with its case"
# The full name, typed whole.
tm_keys d
tm_wait "只看一个部门的事项" 5
tm_type "县司法局（人民调解、法律援助）"; tm_keys Enter
tm_wait "D 部门： +司法局" 5; ok $? "a department found by its full name"
tm_wait_gone "$RL" 5
like "$(tm_screen)" "$RN" "shows its case"
# Something that names no department: said, nothing changed.
tm_keys d
tm_wait "只看一个部门的事项" 5
tm_type "气象局"
tm_wait "没有叫“气象局”的部门" 5; ok $? "a name that fits no department is said at once"
tm_keys Enter
tm_wait "只看一个部门的事项" 5; ok $? "Enter then stays on the list"
tm_keys Escape
tm_wait "D 部门： +司法局" 5; ok $? "Esc keeps the department chosen before"
# Back to all, from the top of the list.
tm_keys d
tm_wait "只看一个部门的事项" 5
tm_keys Home Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Enter
tm_wait "D 部门： +全部" 5; ok $? "all departments again"
tm_wait "$RL" 5; ok $? "with every case"
like "$(tm_screen)" "$RN" "of every department"
tm_stop

# ---------------------------------------------------------------- English: a code in lower case, a short name
tm_start 80 24 $ENV "$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 10
tm_keys d
tm_wait "Show the cases of one department" 5
tm_type "rsj"; tm_keys Enter
tm_wait "D Department: +HR and Social Security" 5; ok $? "a code in lower case; the short name in English"
tm_wait_gone "$RN" 5; ok $? "filters the worklist"
tm_keys d
tm_wait "Show the cases of one department" 5
tm_type "Justice"; tm_keys Enter
tm_wait "D Department: +Justice" 5; ok $? "an English short name"
tm_stop

# ---------------------------------------------------------------- a handler starts with their own
tm_start 120 40 $ENV "$JRC" desk --lang zh
login H001 secret123
tm_wait "前台：李四" 10
like "$(tm_screen)" "D 部门： +人社局" "a handler's worklist starts with their department, by name"
tm_stop
done_testing
