#!/usr/bin/env bash
# Lawful termination at the desk, 80x24: a case before its re-review offers
# no "Conclude lawfully"; after the re-review answer a supervisor gets it,
# with a reason field and a field for the legal way that remains, and the
# slip prints; the case then shows its conclusion and nothing moves it; a
# handler is not offered it; a later filing of the same matter shows the
# link to the concluded one.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"
t_init_db
export JRC_NOW=2026-11-01T10:00:00+08:00
printf 'secret123\n' | jrc staff add S001 --name 王五 --role supervisor >/dev/null &&
	printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
ok $? "a supervisor and a handler"
ID=$(t_id 33072619600303003)
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
file_it() {
	jrc file --category LAB --division 330726100201 --name 陈老伯 --id-number "$ID" \
		--phone 13712345678 --text "$1" --json
}
j=$(file_it "包工头欠工资三个月"); R=$(field "$j" receipt); CODE=$(field "$j" query_code)
RB=$(field "$(file_it "另一件：只答复过一次")" receipt)
jrc move "$R" accepted >/dev/null && jrc move "$R" answered --answer "已责令付清" >/dev/null &&
	jrc feedback "$R" --code "$CODE" --verdict unsatisfied --request-review >/dev/null &&
	jrc move "$R" review_answered --answer "复查：维持" >/dev/null &&
	jrc feedback "$R" --code "$CODE" --verdict unsatisfied --request-review >/dev/null &&
	jrc move "$R" rereview_answered --answer "复核：维持" >/dev/null &&
	jrc move "$RB" accepted >/dev/null && jrc move "$RB" answered --answer "已答复" >/dev/null
ok $? "one case re-reviewed, one only answered"
export JRC_NOW=2026-11-25T10:00:00+08:00
SLIP="$T_DIR/slip.bin"
desk() {
	tm_start 80 24 env JRC_DB="$JRC_DB" JRC_NOW="$JRC_NOW" JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" \
		JRC_DATA="$JRC_DATA" TERM=xterm-256color "$JRC" desk --lang zh --printer "file:$SLIP"
}
login() {
	tm_wait "工号" 10
	tm_type "$1"; tm_keys Tab; tm_type secret123; tm_keys Enter
	tm_wait "前台：$2" 10
}
# / then the number, over whatever the search field held before.
find_case() {
	tm_keys /
	for i in $(seq 20); do tm_keys BSpace; done
	tm_type "$1"; tm_keys Enter
}
open_case() {
	find_case "$1"
	tm_wait "^ +$1" 5
	tm_keys Enter
	tm_wait "事项 $1" 5
}

desk; login S001 王五; ok $? "the supervisor logs in"
open_case "$RB"; ok $? "the case answered once"
unlike "$(tm_screen)" "依法终结" "offers no lawful termination before the re-review"
tm_keys Escape; tm_wait "前台：王五" 5
open_case "$R"; ok $? "the re-reviewed case"
line=$(tm_screen | grep -E '^ +1 ')
like "$line" "[0-9] 依法终结" "offers lawful termination"
n=$(printf '%s\n' "$line" | sed -n 's/.* \([0-9]\) 依法终结.*/\1/p')
tm_keys "$n"
tm_wait "终结理由（群众会看到）" 5; ok $? "asks for the reason"
like "$(tm_screen)" "仍可走的法定途径（如人民法院）" "and the legal way that remains"
tm_keys Tab
tm_type "浦江县人民法院"
tm_keys Enter
tm_wait "依法终结需要写明理由" 5; ok $? "without a reason it is refused with a sentence"
tm_keys BTab
tm_type "经答复、复查、复核，依法终结"
tm_keys Tab Enter
tm_wait "已依法终结。终结告知正在打印" 10; ok $? "concluded, and the slip prints"
scr=$(tm_screen)
like "$scr" "王五（S001）  办理：复核已答复 -> 已终结" "the step is in the timeline, by whom"
like "$scr" "3 打印终结告知|[0-9] 打印终结告知" "the slip can be printed again"
unlike "$scr" "[0-9] 办结" "nothing moves it any more"
slip=$("$FP" decode GB18030 "$SLIP" 48)
like "$slip" "依法终结告知" "the slip: titled"
like "$slip" "浦江县人民法院" "the slip: where to go"
tm_keys Home
tm_wait "已终结 +已于2026-11-25依法终结" 5; ok $? "the case shows its conclusion at the top"
tm_keys Escape; tm_wait "前台：王五" 5
tm_keys F2; tm_wait "Desk: " 5
open_case_en() {
	find_case "$1"
	tm_wait "^ +$1" 5
	tm_keys Enter
	tm_wait "Case $1" 5
}
open_case_en "$R"
like "$(tm_screen)" "Concluded +Lawfully concluded on 2026-11-25" "in English too"
tm_keys Escape
tm_stop

# The same matter filed again: the desk sees the link.
R2=$(field "$(file_it "工资还是没拿到")" receipt)
desk; login H001 李四; ok $? "the handler logs in"
open_case "$R2"; ok $? "the new filing"
scr=$(tm_screen)
like "$scr" "$R.*已于2026-11-25依法终结" "shows the concluded matter it is linked to"
tm_keys Escape; tm_wait "前台：李四" 5
open_case "$R"
unlike "$(tm_screen)" "[0-9] 依法终结" "a handler is not offered lawful termination"
tm_stop
done_testing
