#!/usr/bin/env bash
# The second ground of lawful termination: a public hearing (hearing.c)
# that found the handling reasonable, or basically reasonable, by majority.
# A case answered once, whose hearing upheld the handling, may be concluded
# without review and re-review; one whose hearing found against the
# department may not, and the refusal changes nothing.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
events() { q "SELECT count(*) FROM events"; }
COURT="浦江县人民法院（起诉）"
printf 'password 1\n' | jrc staff add S01 --name 王督查 --role supervisor >/dev/null
ok $? "a supervisor"

answered_with_hearing() {
	local r
	r=$(t_file_one "$1") &&
		jrc move "$r" accepted --staff S01 >/dev/null &&
		jrc move "$r" answered --answer "已责令支付" --staff S01 >/dev/null &&
		jrc hearing add "$r" --date 2026-12-05 --time 09:30 --place 县信访局三楼评议室 \
			--representative "人社局 李科长" --citizen 陈某 --panel P01,P03,P04 --staff S01 >/dev/null &&
		echo "$r"
}
record() {
	JRC_NOW=2026-12-05T11:00:00+08:00 jrc hearing record "$1" --attended "陈某；李科长；评议员三名" \
		--citizen-said 工资仍未拿到 --department-said 已责令支付 --staff S01 "${@:2}" >/dev/null
}

R1=$(answered_with_hearing "包工头欠我工资 8000 元"); ok $? "a case answered, with a hearing scheduled"
before=$(events)
out=$(jrc terminate "$R1" --reason 已评议 --channel "$COURT" --staff S01 2>&1); st=$?
is "$st" 2 "not concluded while the hearing is still to be held"
like "$out" "cannot be lawfully concluded yet" "and told why"
is "$(events)" "$before" "nothing recorded"

record 1 P01=unreasonable:尚未到账 P03=unreasonable:未跟踪 P04=basic:已督促
ok $? "the hearing finds the handling unreasonable"
export JRC_NOW=2026-12-06T10:00:00+08:00
before=$(events)
out=$(jrc terminate "$R1" --reason 已评议 --channel "$COURT" --staff S01 2>&1); st=$?
is "$st" 2 "a hearing against the department is no ground"
is "$(events)" "$before" "nothing recorded"
is "$(q "SELECT state FROM cases WHERE receipt = '$R1'")" answered "the case is still answered"

export JRC_NOW=2026-11-29T10:00:00+08:00
R2=$(answered_with_hearing "工地老板欠薪两个月"); ok $? "a second case, with its hearing"
record 2 P01=reasonable:依法处理 P03=basic:程序略慢 P04=unreasonable:尚未到账
ok $? "the hearing finds the handling basically reasonable"
export JRC_NOW=2026-12-06T10:00:00+08:00
out=$(jrc terminate "$R2" --reason "经公开评议，处理基本合理" --channel "$COURT" --staff S01 2>&1)
ok $? "concluded on the hearing's ground, without review and re-review"
is "$(q "SELECT state FROM cases WHERE receipt = '$R2'")" terminated "the case is terminated"
jrc verify >/dev/null 2>&1; ok $? "the chain verifies"
done_testing
