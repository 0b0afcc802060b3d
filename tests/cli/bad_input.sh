# Issue 11, point 6: bad input is refused with a sentence and changes
# nothing: NUL bytes, an empty category, an unknown language, invisible
# names, staff IDs with escape sequences, zones glibc would take as UTC;
# reference data is cleaned at the door and what a CSV drops becomes
# inactive; phones are found however they are typed.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
export JRC_NOW=2026-11-29T10:00:00+08:00
t_init_db
ID=$(t_id 11010519491231002)
file() {
	jrc file --category LAB --division 330726001201 --name 张三 --id-number "$ID" \
		--phone 13812345678 --text "老板拖欠工资三个月。" "$@"
}
cases() { sqlite3 "$JRC_DB" "SELECT count(*) FROM cases"; }
n0=$(cases)

# NUL on standard input.
printf '欠薪\0后面的字' | jrc file --category LAB --division 330726001201 --anonymous --text - >/dev/null 2>"$T_DIR/err"
is $? 2 "a NUL byte in --text - is exit 2"
like "$(cat "$T_DIR/err")" "NUL" "and the sentence says why"
R=$(file); like "$R" '^PJ' "a case to move"
jrc move "$R" accepted >/dev/null
printf '答复\0截断' | jrc move "$R" answered --answer - >/dev/null 2>&1
is $? 2 "a NUL byte in --answer - is exit 2"
like "$(jrc show "$R" --json)" '"state":"accepted"' "and the case did not move"

# Empty category, unknown language.
jrc file --category "" --division 330726001201 --anonymous --text "欠薪" >/dev/null 2>&1
is $? 2 "--category \"\" is exit 2"
file --lang xx >/dev/null 2>&1; is $? 2 "--lang xx is exit 2"
file --lang en >/dev/null; ok $? "--lang en is fine"

# Names of invisible characters only.
for name in "ㅤ" "⠀" "$(printf '\xcc\x81\xcc\x81')" "$(printf '\xee\x80\x80')" "$(printf '\xef\xbf\xbf')" "ㅤ⠀"; do
	jrc file --category LAB --division 330726001201 --name "$name" --id-number "$ID" \
		--phone 13812345678 --text "欠薪" >/dev/null 2>&1
	st=$?
	[ $st -eq 2 ] || echo "# name $(printf '%s' "$name" | od -An -tx1) gave $st"
	is $st 2 "an invisible name is refused"
done
jrc file --category LAB --division 330726001201 --name "阿依古丽·买买提" --id-number "$ID" \
	--phone 13812345678 --text "欠薪" >/dev/null; ok $? "a real name with a middle dot is fine"

# Staff IDs with escape sequences never reach the record.
ESC=$(printf '\033[2J\033]0;pwned\007')
file --channel desk --staff "D1$ESC" >/dev/null 2>&1; is $? 2 "file --staff with an escape sequence is exit 2"
jrc move "$R" in_mediation --staff "D1$ESC" >/dev/null 2>&1; is $? 2 "move --staff with an escape sequence is exit 2"
unlike "$(sqlite3 "$JRC_DB" "SELECT group_concat(actor) FROM events; SELECT group_concat(staff_id) FROM cases")" \
	"$(printf '\033')" "no escape character in the record"
is "$(cases)" "$((n0 + 3))" "only the good filings were filed"

# Timezones: only the system's tz database.
for z in Beijing CST Foo "../../../etc/passwd"; do
	out=$(jrc settings timezone "$z" 2>&1); st=$?
	is "$st" 2 "timezone '$z' is refused"
done
like "$out" "Asia/Shanghai" "the sentence suggests Asia/Shanghai"
like "$(jrc settings timezone 2>/dev/null; jrc settings 2>/dev/null)" "Asia/Shanghai" "the setting is unchanged"
if [ -f /usr/share/zoneinfo/Asia/Urumqi ]; then
	jrc settings timezone Asia/Urumqi >/dev/null; ok $? "a real zone is taken"
	jrc settings timezone Asia/Shanghai >/dev/null
fi

# Reference data: names cleaned at the door; what the CSV drops is inactive.
mkdir "$T_DIR/data"
cp "$JRC_DATA"/*.csv "$T_DIR/data/"
awk -F, 'NR == 1 || $1 != "NEI"' "$JRC_DATA/categories.csv" >"$T_DIR/data/categories.csv"
awk -F, 'NR == 1 || $1 != "NEI"' "$JRC_DATA/routing.csv" >"$T_DIR/data/routing.csv"
grep -v '^M02,' "$JRC_DATA/roster.csv" >"$T_DIR/data/roster.csv"
grep -v '^M02,' "$JRC_DATA/schedule.csv" >"$T_DIR/data/schedule.csv"
sed -i "s/^LAB,劳动就业与欠薪,/LAB,劳动就业$(printf '\033[31m')与欠薪,/" "$T_DIR/data/categories.csv"
RN=$(jrc file --category NEI --division 330726001 --anonymous --text "邻居漏水")
like "$RN" '^PJ' "a case of a category about to be dropped"
jrc --data "$T_DIR/data" import >/dev/null; ok $? "import without NEI"
cats=$(jrc categories)
unlike "$cats" "$(printf '\033')" "no escape sequence reaches jrc categories"
is "$(sqlite3 "$JRC_DB" "SELECT name_zh FROM categories WHERE code = 'LAB'")" "劳动就业与欠薪" "the name cleaned"
unlike "$cats" "^NEI|[[:space:]]NEI[[:space:]]" "the dropped category is no longer offered"
like "$(jrc show "$RN" --json)" '"category":"NEI"' "old cases keep it"
jrc file --category NEI --division 330726001 --anonymous --text "又漏水" >/dev/null 2>&1
is $? 2 "no new case takes it"
unlike "$(jrc helpers --kind mediator)" "M02" "a host dropped from roster.csv is no longer offered"
is "$(sqlite3 "$JRC_DB" "SELECT active FROM hosts WHERE id = 'M02'")" 0 "but kept, inactive"

# Phones found however typed.
RL=$(jrc file --category LAB --division 330726001201 --name 王五 --id-number "$ID" \
	--phone 0579-84123456 --text "欠薪")
for q in 057984123456 0579-84123456 "0579 84123456"; do
	like "$(jrc list --search "$q")" "$RL" "list --search '$q' finds the landline"
done
for q in +8613812345678 8613812345678 13812345678 138-1234-5678; do
	like "$(jrc list --search "$q")" "$R" "list --search '$q' finds the mobile"
done
done_testing
