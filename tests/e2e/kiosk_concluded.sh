#!/usr/bin/env bash
# Lawful termination at the kiosk, as 王大姐 meets it at 80x24: her matter
# went answer -> review -> re-review and a supervisor concluded it.  She
# looks it up: the screen says it is lawfully concluded and where she can
# still go, and offers no verdict or review.  She files the same matter
# again: it is registered, the receipt screen and the printed receipt say
# it was concluded on that day and where to go, with no 15-day promise;
# the next citizen at the kiosk sees nothing of hers.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"
ID=$(t_id 33072619740505002)
COURT="浦江县人民法院"
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }

# The history, recorded as the desk and the level above record it.
j=$(JRC_NOW=2026-09-01T10:00:00+08:00 jrc file --category LAB --division 330726001203 \
	--name 王大姐 --id-number "$ID" --phone 13912345678 --text "工地欠我工资一万二" --json)
R=$(field "$j" receipt); CODE=$(field "$j" query_code)
at() { JRC_NOW=$1 jrc "${@:2}" >/dev/null; }
at 2026-09-02T10:00:00+08:00 move "$R" accepted &&
	at 2026-09-20T10:00:00+08:00 move "$R" answered --answer "已责令包工头付清工资" &&
	at 2026-09-21T10:00:00+08:00 feedback "$R" --code "$CODE" --verdict unsatisfied --request-review &&
	at 2026-10-10T10:00:00+08:00 move "$R" review_answered --answer "复查：维持" &&
	at 2026-10-11T10:00:00+08:00 feedback "$R" --code "$CODE" --verdict unsatisfied --request-review &&
	at 2026-11-01T10:00:00+08:00 move "$R" rereview_answered --answer "复核：维持原处理意见" &&
	at 2026-11-20T10:00:00+08:00 terminate "$R" --reason "经答复、复查、复核，依法终结" \
		--channel "$COURT" --staff S001
ok $? "answered, reviewed, re-reviewed and lawfully concluded on 2026-11-20"

k_start 80 24 xterm-256color --lang zh --printer "file:$T_DIR/receipt.bin"
tm_wait '欢迎'; ok $? "the kiosk starts"

# She looks her matter up.
tm_keys 2
tm_wait '有受理编号'; tm_keys 1
tm_wait '回执上的编号'
tm_type "$R"; tm_keys Enter
tm_keys 1
tm_type "$CODE"; tm_keys Enter
tm_wait '依法终结：您的事项已经走完法律规定的全部程序' 15; ok $? "the status says the matter is lawfully concluded"
scr=$(tm_screen)
unlike "$scr" '评价答复|申请复核|1：' "and offers no verdict or review"
like "$scr" "您仍可以到： *$COURT" "and at once where she can still go, without scrolling"
tm_keys Escape
tm_press_until Escape '欢迎' 10; ok $? "back home"

# She files the same matter again.
tm_keys 1
tm_wait '第 1 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '浦阳街道：请选择村或社区'; tm_keys 3
tm_wait '第 3 步'; tm_keys 1
tm_wait '> 姓名'; tm_type "王大姐"; tm_keys Enter
tm_wait '> 证件'; tm_keys Enter
tm_wait '> 身份证号码'; tm_type "$ID"; tm_keys Enter
tm_wait '> 电话号码'; tm_type "13912345678"; tm_keys Enter
tm_wait '短信通知吗'; tm_keys 2
tm_wait '第 4 步'; tm_type "工资还是没有拿到"; tm_keys Enter
tm_wait '第 5 步'; tm_type "要回工资"; tm_keys Enter
tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
tm_wait '第 7 步'; tm_keys Enter
tm_wait '您反映的事情已经登记'; ok $? "the new filing is registered"
R2=$(k_receipt)
like "$R2" '^PJ261129-' "with a receipt number of its own"
tm_wait '回执正在打印，请取走'; ok $? "the receipt prints"
tm_press_until Down "您的同一事项已于2026年11月20日" 10
ok $? "the receipt screen says the matter was concluded on that day"
scr=$(tm_screen)
unlike "$scr" '15 天内|2026年12月14日' "no 15-day promise"
tm_press_until Down "$COURT" 10; ok $? "and where she can still go"
paper=$("$FP" decode GB18030 "$T_DIR/receipt.bin" 48)
like "$paper" "此事项已依法终结" "the printed receipt says it was concluded"
like "$paper" "2026-11-20" "on that day"
like "$paper" "$COURT" "and where to go"
unlike "$paper" "受理期限" "with no acceptance promise"
is "$(sqlite3 "$JRC_DB" "SELECT o.receipt FROM cases c JOIN concluded_links k ON k.case_id = c.id JOIN cases o ON o.id = k.concluded_case WHERE c.receipt = '$R2'")" \
	"$R" "the new case is linked to the concluded one"

# She looks the new filing up: the same words, at once.
tm_press_until Enter '欢迎' 10; ok $? "Enter goes back home"
C2=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$R2'")
tm_keys 2
tm_wait '有受理编号'; tm_keys 1
tm_wait '回执上的编号'
tm_type "$R2"; tm_keys Enter
tm_keys 1
tm_type "$C2"; tm_keys Enter
tm_wait '您的同一事项已于2026年11月20日' 15; ok $? "its status says the matter was concluded"
like "$(tm_screen)" "您仍可以到： *$COURT" "and where she can still go"
tm_keys Escape
tm_press_until Escape '欢迎' 10

# The next person.
tm_keys 1
tm_wait '第 1 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '浦阳街道：请选择村或社区'; tm_keys 3
tm_wait '第 3 步'; tm_keys 1
tm_wait '> 姓名'
unlike "$(tm_screen)" "王大姐|$COURT|$R" "the next person sees nothing of hers"
k_stop
done_testing
