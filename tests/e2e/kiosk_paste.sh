#!/bin/bash
# Pasting: a 10 KB paste into "what happened" is cut at 4000 characters
# with a notice; control characters and escape sequences in typed or
# pasted text never reach the screen or the database; a pasted line
# break is a space, not "continue".
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"

to_story() {
	tm_wait '欢迎'; tm_keys 1
	tm_wait '第 1 步'; tm_keys 5
	tm_wait '第 2 步'; tm_keys 2
	tm_wait '请选择村或社区'; tm_keys 1
	tm_wait '第 3 步'; tm_keys 2
	tm_wait '是的，匿名反映'; tm_keys 1
	tm_wait '第 4 步'
}

file_it() {
	tm_keys Enter
	tm_wait '第 5 步'; tm_keys Enter
	tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
	tm_wait '第 7 步'; tm_keys Enter
	tm_wait '您反映的事情已经登记' || return 1
	k_receipt
}

stored() {
	sqlite3 "$JRC_DB" "SELECT $2 FROM cases WHERE receipt = '$1'"
}

k_start 80 24 xterm-256color

# ---------------------------------------------------------------- 10 KB
ten="一二三四五六七八九十"
big=""
for i in $(seq 1024); do big="$big$ten"; done
want=""
for i in $(seq 400); do want="$want$ten"; done
to_story
printf '%s' "$big" >"$T_DIR/big.txt"
tm load-buffer -b big "$T_DIR/big.txt"
tm paste-buffer -p -b big -t t
tm_wait '还可输入 0 字'; ok $? "a 10240-character paste fills the text area to the limit"
scr=$(tm_screen)
like "$scr" '超出上限的内容已被截掉|已经到了 4000 个字的上限' "a notice says the rest was cut"
r=$(file_it)
like "$r" '^PJ' "the cut text can be filed"
is "$(stored "$r" 'length(text)')" 4000 "4000 characters were stored"
[ "$(stored "$r" text)" = "$want" ]; ok $? "exactly the first 4000 characters"
tm_press_until Enter '欢迎' 5

# ---------------------------------------------------------------- controls
to_story
tm_type $'甲\001乙\033[31m丙\033[0m丁\a戊\302\233己\342\200\256庚'
tm_wait '甲乙丙丁戊己庚'; ok $? "typed control characters and escape sequences are dropped"
unlike "$(tm_screen)" '\[31m|\[0m' "no escape sequence reaches the screen"
printf '%s' $'辛\001壬\033[1;32m癸\033]0;title\a子\n丑\t寅' >"$T_DIR/ctl.txt"
tm load-buffer -b ctl "$T_DIR/ctl.txt"
tm paste-buffer -p -b ctl -t t
tm_wait '庚辛壬癸子 +丑 +寅'; ok $? "pasted controls are dropped; a pasted line break and tab become spaces"
like "$(tm_screen)" '第 4 步' "the paste did not 'continue' to the next step"
r=$(file_it)
is "$(stored "$r" text)" "甲乙丙丁戊己庚辛壬癸子 丑 寅" "the database gets only the visible text"
is "$(stored "$r" text | LC_ALL=C grep -c $'[\x01\x1b]')" 0 \
	"no ESC or SOH byte is stored"
done_testing
