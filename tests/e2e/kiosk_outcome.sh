#!/usr/bin/env bash
# Issue 13: step 5 ("what would you like") gives an example that fits the
# kind of matter, from categories.csv (outcome_zh / outcome_en), not always
# the unpaid wages; importing the data again changes nothing.
top_srcdir=${top_srcdir:-.}
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM categories WHERE active = 1 AND (outcome_zh = '' OR outcome_en = '')")" 0 \
	"every category has an outcome example in both languages"
is "$(sqlite3 "$JRC_DB" "SELECT CASE WHEN count(DISTINCT outcome_en) = count(*) THEN 1 ELSE 0 END FROM categories")" 1 \
	"each category has its own"
before=$(sqlite3 "$JRC_DB" "SELECT code, outcome_zh, outcome_en FROM categories ORDER BY code")
jrc import >/dev/null && jrc import >/dev/null; ok $? "jrc import twice"
is "$(sqlite3 "$JRC_DB" "SELECT code, outcome_zh, outcome_en FROM categories ORDER BY code")" "$before" \
	"importing again changes nothing"
LAN_ZH=$(sqlite3 "$JRC_DB" "SELECT outcome_zh FROM categories WHERE code = 'LAN'")
LAN_EN=$(sqlite3 "$JRC_DB" "SELECT outcome_en FROM categories WHERE code = 'LAN'")

# to_step5 CATEGORY-LABEL: the form as far as step 5, anonymous.
to_step5() {
	tm_keys 1; tm_wait "$2"
	k_choose "$(k_num "$1")"
	tm_wait "$3"; tm_keys 4
	tm_wait "$4"; tm_keys 1
	tm_wait "$5"; tm_keys 2
	tm_wait "$6"; tm_keys 1
	tm_wait "$7"; tm_type "$8"; tm_keys Enter
}

k_start 80 24 xterm --lang zh
tm_wait "我要反映问题"
to_step5 "土地与征地拆迁" "第 1 步" "第 2 步" "黄宅镇：请选择村或社区" "第 3 步" "是的，匿名反映" "第 4 步" \
	"村里征了我家的地，一分钱补偿也没有给。"
tm_wait "第 5 步"; ok $? "zh: step 5"
like "$(tm_screen)" "例如：$LAN_ZH。" "zh: the example fits land matters"
unlike "$(tm_screen)" "工资" "zh: and is not about wages"
tm_keys F2
tm_wait "Step 5 of 7"
like "$(tm_screen | tr -s ' \n' ' ')" "For example: $LAN_EN\." "en: the same example in English"
unlike "$(tm_screen)" "wages" "en: not about wages"
k_stop

k_start 80 24 xterm --lang en
tm_wait "Tell us about a problem"
to_step5 "Work and unpaid wages" "Step 1 of 7" "Step 2 of 7" "choose the village" "Step 3 of 7" \
	"Yes, report anonymously" "Step 4 of 7" "The boss has not paid me for three months."
tm_wait "Step 5 of 7"
like "$(tm_screen | tr -s ' \n' ' ')" "For example: $(sqlite3 "$JRC_DB" "SELECT outcome_en FROM categories WHERE code = 'LAB'")\." \
	"en: wages matters keep a wages example"
k_stop

done_testing
