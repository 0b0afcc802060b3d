#!/usr/bin/env bash
# Sites and the three levels at the desk: at the county center a clerk
# opens a case, assigns it down to Huangzhai with instructions and a
# by-date (the form offers the statutory deadline; a later date is
# refused with the latest allowed), the timeline shows the step in words;
# L cycles the worklist through the sites; Huangzhai's desk lists the
# case assigned to it; at Huangzhai's kiosk the citizen looks the number
# up and reads a plain sentence, and none of the instructions.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
printf 'secret123\n' | jrc staff add D001 --name 张前台 --role desk >/dev/null
R=$(t_file_one "老板拖欠工资三个月"); ok $? "a case filed at the county center (due 2026-12-14)"
RB=$(jrc --site BM file --category LAB --division 330726101201 --anonymous --text "白马的一件")
ok $? "and one filed at Baima"
CODE=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$R'")
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"

desk() { # $1 = language
	tm_start 80 24 $ENV "$JRC" desk --lang "$1"
	tm_wait "工号|Staff ID" 10
	tm_type D001; tm_keys Tab; tm_type secret123; tm_keys Enter
}

desk zh
tm_wait "前台：张前台" 10; ok $? "logged in at the county center"
like "$(tm_screen)" "L 站点：全部" "the worklist offers L for the sites"
tm_keys l
tm_wait "L 站点：县联合接待中心" 5; ok $? "L: the county center's own cases"
scr=$(tm_screen)
like "$scr" "$R" "  the county's case"
unlike "$scr" "$RB" "  not Baima's"
tm_keys l l l l l
tm_wait "L 站点：白马镇" 5; ok $? "L in turn: Baima's"
tm_wait "$RB" 5; ok $? "  Baima's case"
unlike "$(tm_screen)" "$R " "  not the county's"
tm_stop

# A new session starts with all sites: open the case and assign it down.
desk zh
tm_wait "L 站点：全部" 10; ok $? "a new session shows all sites again"
tm_keys /
tm_type "$R"; tm_keys Enter
tm_wait "^ +$R" 5
tm_keys Enter
tm_wait "办理经过" 5; ok $? "the case screen"
tm_wait "[0-9] 交办" 5; ok $? "  offers to assign it down"
n=$(tm_screen | grep -oE '[0-9] 交办' | cut -c1)
tm_keys "$n"
tm_wait "站点代码" 5; ok $? "the form asks for the site"
like "$(tm_screen)" "2026-12-14" "  and offers the statutory deadline as the by-date"
tm_type hz; tm_keys Tab
tm_keys BSpace BSpace; tm_type 20; tm_keys Tab
tm_type "请黄宅镇核实工资数额"; tm_keys Enter
tm_wait "晚于事项 $R 的法定期限" 5; ok $? "a by-date past the deadline is refused"
like "$(tm_screen | tr -d '\n ')" "最晚只能是2026-12-14" "  naming the latest date allowed"
# The form stands on the date it refused.
tm_keys BSpace BSpace; tm_type 10; tm_keys Tab Enter
tm_wait "已交办给 HZ" 5; ok $? "assigned"
tm_wait "交办要求：请黄宅镇核实工资数额" 5; ok $? "the timeline shows the instructions in words"
scr=$(tm_screen)
like "$scr" "交给：黄宅镇 \(HZ\)" "  and where it went, by name"
like "$scr" "办结期限：2026-12-10" "  and by when"
unlike "$scr" "instructions:|from:|assign " "  no raw keys"
tm_keys Escape
tm_wait "前台：张前台" 5
tm_stop

# Huangzhai's desk lists the case assigned to it.
jrc settings site_code HZ; ok $? "a terminal of Huangzhai"
desk en
tm_wait "Front desk: 张前台" 10; ok $? "logged in at Huangzhai"
like "$(tm_screen)" "Site: Huangzhai Town" "the worklist is Huangzhai's"
tm_wait "$R" 5; ok $? "  with the case assigned to it"
unlike "$(tm_screen)" "$RB" "  and not Baima's"
tm_stop

# The citizen at Huangzhai's kiosk.
tm_start 80 24 env JRC_DB="$JRC_DB" JRC_DATA="$JRC_DATA" JRC_TERMINAL=hz-1 \
	JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" JRC_NOW="$JRC_NOW" LANG=C.UTF-8 TERM=xterm \
	"$JRC" kiosk --lang zh
tm_wait "查询办理进度|查询" 10; ok $? "the kiosk at Huangzhai"
tm_keys 2
tm_wait "我有受理编号" 5
tm_keys 1
tm_wait "请输入回执上的编号" 5
tm_type "$R"; tm_keys Enter
tm_keys 1
tm_type "$CODE"; tm_keys Enter
tm_wait "您的事项已交由黄宅镇办理" 15; ok $? "the citizen reads that Huangzhai handles it"
unlike "$(tm_screen)" "核实工资数额|张前台|D001" "  and nothing of the instructions or the clerk"
tm_keys F2
tm_wait "passed to Huangzhai Town to handle" 5; ok $? "  in English too"
tm_stop

# A supervisor at the county on a case taken on has more than nine
# actions: eight on a page and 9 for the rest, none left out.
jrc settings site_code PJ >/dev/null
printf 'secret123\n' | jrc staff add S001 --name 王主任 --role supervisor >/dev/null
R2=$(t_file_one "另一件欠薪") && jrc move "$R2" accepted --staff S001 >/dev/null &&
	jrc joint "$R2" --lead RSJ --with XFJ --staff S001 >/dev/null
ok $? "a second case, taken on and handled jointly"
tm_start 80 24 $ENV "$JRC" desk --lang zh
tm_wait "工号" 10; tm_type S001; tm_keys Tab; tm_type secret123; tm_keys Enter
tm_wait "前台：王主任" 10; tm_keys /; tm_type "$R2"; tm_keys Enter
tm_wait "^ +$R2" 5; tm_keys Enter
tm_wait "事项 $R2" 5; ok $? "the supervisor opens it"
tm_wait "9 更多操作（第 1/2 页）" 5; ok $? "  the ninth digit offers more actions"
unlike "$(tm_screen)" "[0-9] 部门办理情况" "  a department's part is on the next page"
tm_keys 9
tm_wait "[0-9] 部门办理情况" 5; ok $? "9: the next page, with a department's part"
like "$(tm_screen)" "9 更多操作（第 2/2 页）" "  saying which page"
tm_keys 9
tm_wait "9 更多操作（第 1/2 页）" 5; ok $? "9 again: back to the first page"
tm_stop
done_testing
