#!/usr/bin/env bash
# data/phrases.csv: imported by jrc init and import like the other files,
# replaced as a whole, and a bad row named by file and line with nothing
# changed; the pinyin_fuzzy setting.
. "$top_srcdir/tests/lib.sh"

jrc init >/dev/null; ok $? "init"
n=$(t_rows phrases)
like "$n" '^[0-9]+$' "the sentences are in the database ($n)"
[ "$n" -ge $((14 * 12)) ]; ok $? "at least 12 for each of the 14 categories"

bad="$T_DIR/bad"; mkdir "$bad"; cp "$JRC_DATA"/*.csv "$bad/"
try() {  # try ROW MESSAGE DESCRIPTION
	cp "$JRC_DATA/phrases.csv" "$bad/phrases.csv"
	printf '%s\n' "$1" >>"$bad/phrases.csv"
	local lines out st
	lines=$(wc -l <"$bad/phrases.csv")
	out=$(jrc --data "$bad" import 2>&1); st=$?
	is $st 2 "refused: $3"
	like "$out" "phrases.csv:$lines: $2" "  says where and why"
}
try 'XYZ,what,有事。,Something.' "category 'XYZ' is not in categories.csv" "an unknown category"
try 'LAB,wish,有事。,Something.' "kind 'wish' must be what, who" "an unknown kind"
try 'LAB,when,拖了 ___ 个月。,For months.' "zh has 1 blanks \\(___\\) and en has 0" "blanks that differ"
try 'LAB,when,,For months.' "column zh is empty" "an empty sentence"
try 'LAB,when,"第 ___ 年 ___ 月 ___ 日 ___ 时",___ ___ ___ ___' "column zh has more than 3 blanks" "too many blanks"
is "$(t_rows phrases)" "$n" "nothing changed by the refused imports"

cp "$JRC_DATA/phrases.csv" "$bad/phrases.csv"
printf 'LAB,what,测试用的一句话。,A test sentence.\n' >>"$bad/phrases.csv"
jrc --data "$bad" import >/dev/null; ok $? "an edited file imports"
is "$(t_rows phrases)" "$((n + 1))" "with the new sentence"
jrc import >/dev/null
is "$(t_rows phrases)" "$n" "importing the shipped file again replaces the list as a whole"

is "$(jrc settings pinyin_fuzzy 2>&1)" "on" "pinyin_fuzzy is on by default"
jrc settings pinyin_fuzzy maybe >/dev/null 2>&1; is $? 2 "pinyin_fuzzy takes on or off only"
jrc settings pinyin_fuzzy off >/dev/null; ok $? "pinyin_fuzzy can be switched off"
done_testing
