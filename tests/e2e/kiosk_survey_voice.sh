#!/bin/bash
# A survey answered by ear: with voice guidance on, each question and its
# numbered answers are said, and the digits the voice gave answer it; the
# answers are kept like any others.
. "$top_srcdir/tests/e2e/voice_lib.sh"

VD="$T_DIR/voice"
SAID=""
hear() {
	v_wait_new "$VD" "$1" || return 1
	SAID=$(cat "$(v_file "$VD" "$V_LAST" txt)")
}
press_for() {
	local d
	d=$(v_choice "$SAID" "$1")
	[ -n "$d" ] || { echo "# the voice gave no number for $1" >&2; return 1; }
	tm_keys "$d"
}

jrc survey add --title 饮水调查 --title-en "Water survey" --from 2026-11-01 --to 2026-12-31 \
	"自来水通了吗？|Is there tap water?|通了;没通|Yes;No" \
	"水质怎么样？|How is the water?|好;一般;差|Good;Fair;Poor" >/dev/null
ok $? "a survey for every site"
v_start "$VD" 0 "$T_DIR/err" --voice on
hear '欢迎。'; ok $? "the voice greets"
press_for '民意调查'; ok $? "the voice gave the survey's number"
hear '自来水通了吗？'; ok $? "the first question is said"
like "$SAID" "没通" "with its answers"
press_for '没通'
hear '水质怎么样？'; ok $? "the second question is said"
press_for '一般'
tm_wait '谢谢您'; ok $? "thanked"
is "$(sqlite3 "$JRC_DB" "SELECT answers FROM survey_pending")" "2,2" "the answers given by ear are kept"
tm_stop
done_testing
