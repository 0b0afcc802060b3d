#!/bin/bash
# A citizen who cannot read files a grievance led by the voice alone: this
# test never looks at the screen.  It listens (reads the utterance texts
# the kiosk writes with voice_output file:DIR), presses the digit the voice
# gave for what it wants, and takes the receipt number from what was said.
. "$top_srcdir/tests/e2e/voice_lib.sh"

VD="$T_DIR/voice"
TEXT="工地老板欠我三个月工资，一直不给。"
SAID=""

# hear FIXED-TEXT: wait until the voice says something with FIXED-TEXT.
hear() {
	v_wait_new "$VD" "$1" || return 1
	SAID=$(cat "$(v_file "$VD" "$V_LAST" txt)")
}

# press_for LABEL: press the number the voice gave for LABEL.
press_for() {
	local d
	d=$(v_choice "$SAID" "$1")
	[ -n "$d" ] || { echo "# the voice gave no number for $1" >&2; return 1; }
	tm_keys "$d"
}

v_start "$VD" 0 "$T_DIR/err" --voice on
hear '欢迎。'; ok $? "the voice greets"
press_for '我要反映问题'; ok $? "the voice says which number files a grievance"
hear '第 1 步（共 7 步）'; ok $? "step 1 is said"
press_for '劳动就业与欠薪'; ok $? "wages: the number as said"
hear '按 Enter 键选第 1 项'; ok $? "1 of 15: the voice says to press Enter"
tm_keys Enter
hear '第 2 步（共 7 步）'; ok $? "step 2 is said"
press_for '黄宅镇'; ok $? "the township as said"
hear '黄宅镇：请选择村或社区'; ok $? "its villages are said"
press_for '不在列表中'; ok $? "'not in the list' as said"
hear '第 3 步（共 7 步）'; ok $? "step 3 is said"
press_for '匿名反映，不留姓名'; ok $? "anonymous, as said"
hear '是的，匿名反映'; ok $? "what anonymity means, and the choice, are said"
press_for '是的，匿名反映'
hear '第 4 步（共 7 步）'; ok $? "step 4 is said"
tm_type "$TEXT"
tm_keys F6
hear "您写的是：$TEXT"; ok $? "F6: the citizen hears what was typed"
tm_keys Enter
hear '第 5 步（共 7 步）'; ok $? "step 5 is said"
tm_keys Enter
hear '第 6 步（共 7 步）'; ok $? "step 6 is said"
press_for '不需要帮助，继续'; ok $? "no help, as said"
hear '第 7 步（共 7 步）'; ok $? "the review is said"
like "$SAID" "$TEXT" "with what was written"
like "$SAID" 'Enter 键提交' "and how to send it"
tm_keys Enter
hear '回执编号：'; ok $? "the receipt number is said"
r=$(v_undigits "$(printf '%s\n' "$SAID" | sed -n 's/.*回执编号：\(.*\)。查询码：.*/\1/p')")
code=$(v_undigits "$(printf '%s\n' "$SAID" | sed -n 's/.*查询码：\(.*\)。$/\1/p')")
like "$r" '^PJ261129-[0-9]{4}-[0-9]$' "a whole receipt number, heard digit by digit"
like "$code" '^[0-9]{6}$' "and the query code"
json=$("$JRC" show --json "$r")
like "$json" "\"text\":\"$TEXT\"" "the case heard is the one filed"
like "$json" '"division":"330726100"' "in the township chosen by ear"
like "$json" '"category":"LAB"' "the category chosen by ear"
is "$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$r'" 2>/dev/null)" "$code" \
	"the query code heard is the stored one"
done_testing
