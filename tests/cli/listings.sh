#!/usr/bin/env bash
# The reference listings: jrc categories, jrc divisions [PARENT], and the
# jrc settings listing, in text and JSON, Chinese and English; bad input
# says what to do and exits 2.
. "$top_srcdir/tests/lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"
t_init_db
ncat=$(tail -n +2 "$JRC_DATA/categories.csv" | grep -c .)

out=$(JRC_LANG=en jrc categories); ok $? "jrc categories"
is "$(printf '%s\n' "$out" | grep -c .)" "$ncat" "one line per category of categories.csv"
like "$out" "^LAB  Work and unpaid wages  Wages not paid" "code, English name and description"
like "$(JRC_LANG=zh jrc categories)" "LAB  劳动就业与欠薪  工资被拖欠" "in Chinese with JRC_LANG=zh"
js=$(jrc categories --json); ok $? "jrc categories --json"
is "$(printf '%s' "$js" | jq length)" "$ncat" "every category in the JSON"
is "$(printf '%s' "$js" | jq -r '.[0] | [.code, .name_zh, .name_en] | join("|")')" \
	"LAB|劳动就业与欠薪|Work and unpaid wages" "with both names"
out=$(jrc categories extra 2>&1); is $? 2 "an extra argument exits 2"
like "$out" "^jrc: categories: unexpected argument 'extra': see 'jrc categories --help'" "and says so"

out=$(JRC_LANG=en jrc divisions); ok $? "jrc divisions"
like "$out" "330726001  Puyang Subdistrict" "lists the townships and subdistricts"
unlike "$out" "330726001201" "but not their villages"
out=$(JRC_LANG=zh jrc divisions 330726001); ok $? "jrc divisions PARENT"
like "$out" "330726001201  和平社区" "lists the villages under it"
is "$(jrc divisions 330726001 --json | jq -r '[.[] | .parent] | unique | join(",")')" "330726001" \
	"every one has that parent"
out=$(jrc divisions 330726001201); ok $? "a village has no villages: an empty list, exit 0"
is "$out" "" "and nothing printed"
out=$(jrc divisions 999 2>&1); is $? 2 "an unknown division code exits 2"
like "$out" "^jrc: .*no division with the code 999.*jrc divisions" "with a sentence that says what to do"

out=$(jrc settings); ok $? "jrc settings lists the settings"
for k in site_code timezone calendar idle_seconds printer paper printer_encoding; do
	like "$out" "^$k +[^ ]" "the listing has $k with its value"
done
jrc settings paper 58 >/dev/null; ok $? "set paper to 58"
like "$(jrc settings)" "^paper +58$" "the listing shows the new value"
is "$(jrc settings paper)" "58" "and the single setting reads it back"
out=$(jrc settings nonsense 2>&1); is $? 2 "an unknown setting exits 2"
like "$out" "unknown setting 'nonsense'" "and names it"
done_testing
