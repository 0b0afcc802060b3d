#!/usr/bin/env bash
# Issue 18 at the desk: the statistics screen (G).  Cases in two
# categories and two townships, one filed at another site and one in an
# earlier month; some accepted, one answered and rated.  The screen's
# counts are those of `jrc stats --by ... --json`; the period and site
# filters change them; a resize below 80x24 says so and back redraws; and
# no citizen's name, phone or words show on any page.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is needed"
t_init_db
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null

NAME=王小明 PHONE=13812345678 WORDS="老板拖欠工资三个月"
ID=$(t_id 33072619800101001)
# October: one case, outside "this month".
export JRC_NOW=2026-10-20T09:00:00+08:00
jrc file --category LAB --division 330726100201 --anonymous --text "十月的一件" >/dev/null
ok $? "a case in October"
# December: three about wages in Huangzhai, two neighbours' quarrels in
# Baima, one of them filed at the Baima hall (site BM).
export JRC_NOW=2026-12-01T09:00:00+08:00
RA=$(jrc file --category LAB --division 330726100201 --name "$NAME" --id-number "$ID" --phone "$PHONE" \
	--text "$WORDS")
ok $? "a named citizen's case"
RB=$(jrc file --category LAB --division 330726100202 --anonymous --text "包工头跑了")
RC=$(jrc file --category LAB --division 330726100203 --anonymous --text "工地欠薪")
jrc file --category NEI --division 330726101201 --anonymous --text "邻居占道" >/dev/null
RE=$(jrc --site BM file --category NEI --division 330726101201 --anonymous --text "邻居漏水")
like "$RE" "^BM" "one filed at the Baima hall"
export JRC_NOW=2026-12-02T09:00:00+08:00
jrc move "$RA" accepted >/dev/null && jrc move "$RB" accepted >/dev/null
ok $? "two accepted"
jrc move "$RA" answered --answer "已责令老板支付工资" >/dev/null
ok $? "one answered"
code=$(jrc show --json "$RA" --unmasked | jq -r .query_code)
jrc feedback "$RA" --code "$code" --verdict satisfied >/dev/null
ok $? "and rated satisfied"

export JRC_NOW=2026-12-03T10:00:00+08:00
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
# count DIM KEY [ARGS]: the cases `jrc stats --by DIM --json` counts for KEY.
count() {
	local dim=$1 key=$2; shift 2
	jrc stats --by "$dim" --json "$@" |
		jq -r --arg d "$dim" --arg k "$key" \
			'[.cells[] | select(.[$d] == $k) | .total] | add // 0'
}
# shown LABEL: the count at the end of the label's row on the screen.
shown() {
	tm_screen | grep -E "^ *$1 " | head -1 | sed -n 's/.* \([0-9][0-9]*\)$/\1/p'
}
# same WANT LABEL DIM KEY [ARGS]: the screen shows WANT on LABEL's row, and
# `jrc stats --by DIM --json ARGS` counts WANT for KEY.
same() {
	local want=$1 label=$2 dim=$3 key=$4; shift 4
	is "$(shown "$label")" "$want" "$label: $want on the screen"
	is "$(count "$dim" "$key" "$@")" "$want" "$label: $want in jrc stats --by $dim $*"
}
# Everything the screen may show, on each page, has nothing of the citizen.
private() {
	local all="" k
	for k in 1 2 3 4; do
		tm_keys "$k"
		tm_wait "Statistics:|统计：" 5 || return 1
		all="$all$(tm_screen)"
	done
	! printf '%s' "$all" | grep -Eq -- "$NAME|$PHONE|5678|$WORDS|$ID|老板|邻居"
}

# ---------------------------------------------------------------- the figures, 80x24
tm_start 80 24 $ENV "$JRC" desk --lang en
login H001 secret123
tm_wait "Front desk: 李四" 10; ok $? "a handler logged in"
like "$(tm_screen)" "G: statistics" "the key line names G"
tm_keys g
tm_wait "Statistics: this month, 2026-12-01 to 2026-12-03; all sites" 5
ok $? "G opens the statistics, this month at all sites, for any staffer"
scr=$(tm_screen)
like "$scr" "Filed 5   Open 4   Overdue 0" "December's five cases, four still owed a step"
is "$(jrc stats --by category --json --from 2026-12-01 --to 2026-12-03 | jq '[.cells[].total] | add')" 5 \
	"as jrc stats counts them"
like "$scr" "Answered on time 100% \(1/1\) +Satisfied 100% \(1/1\)" "one answered on time, one satisfied"
like "$scr" "Cases by category" "the categories first"
same 3 'Work and unpaid wages' category LAB --from 2026-12-01 --to 2026-12-03
same 2 'Neighbour disputes' category NEI --from 2026-12-01 --to 2026-12-03
like "$(tm_screen | grep 'Work and unpaid wages')" "Work and unpaid wages +█+ +3$" "drawn as a bar"
like "$(tm_screen | grep 'Neighbour disputes')" "Neighbour disputes +█+[▏▎▍▌▋▊▉]? +2$" "in proportion"
tm_keys 2
tm_wait "Cases by township" 5; ok $? "2: the townships"
same 3 'Huangzhai Town' township 330726100 --from 2026-12-01 --to 2026-12-03
same 2 'Baima Town' township 330726101 --from 2026-12-01 --to 2026-12-03
tm_keys 1 Tab
tm_wait "Tab: page 2/" 5; ok $? "Tab turns the page, and the key line says which"
tm_keys BTab
tm_wait "Tab: page 1/" 5; ok $? "Shift-Tab turns it back"
tm_keys 3
tm_wait "Cases per month, last 12 months" 5; ok $? "3: the months"
like "$(tm_screen)" "2026-01 +peak 2026-12: 5 +2026-12" \
	"first and last month named, the peak"
like "$(tm_screen)" "[▁▂▃▄▅▆▇█]" "as a sparkline"
tm_keys 4
tm_wait "Departments: on time and satisfied" 5; ok $? "4: the departments"
like "$(tm_screen | grep -E '^ *HR and Social Security')" "3 +100% \(1/1\) +100% \(1/1\)" \
	"the department's shares with the numbers behind them"
is "$(jrc stats --by department --json --from 2026-12-01 --to 2026-12-03 |
	jq -r '.cells[] | select(.department == "RSJ") | "\(.total) \(.on_time)/\(.answered) \(.satisfied)/\(.rated)"')" \
	"3 1/1 1/1" "the same numbers in jrc stats --by department"
like "$(tm_screen | grep -E '^ *Justice')" "2 +— +—" "a dash where nothing is answered or rated"
private; ok $? "no name, phone, ID or words of a citizen on any page"

# The period: the last 90 days take October's case in.
tm_keys 1 p
tm_wait "Statistics: last month, 2026-11-01 to 2026-11-30" 5; ok $? "P: last month"
like "$(tm_screen)" "Filed 0 " "nothing filed in November"
like "$(tm_screen)" "No cases filed in this period." "and says so"
tm_keys p
tm_wait "Statistics: the last 90 days, 2026-09-05 to 2026-12-03" 5; ok $? "P again: the last 90 days"
like "$(tm_screen)" "Filed 6 " "October's case counts now"
same 4 'Work and unpaid wages' category LAB --from 2026-09-05 --to 2026-12-03
tm_keys p p
tm_wait "Statistics: all time; all sites" 5; ok $? "P cycles to all time"
like "$(tm_screen)" "Filed 6 " "six in all"

# The site: all sites, then each that has cases.
tm_keys s
tm_wait "Statistics: all time; site .*BM" 5; ok $? "S: the Baima hall"
like "$(tm_screen)" "Filed 1 " "one case filed there"
same 1 'Neighbour disputes' category NEI --site BM
private; ok $? "nothing of a citizen for one site either"
tm_keys s
tm_wait "Statistics: all time; site .*PJ" 5; ok $? "S: the county hall"
like "$(tm_screen)" "Filed 5 " "five filed there"
tm_keys s
tm_wait "Statistics: all time; all sites" 5; ok $? "S again: all sites"

# Too small, and back.
tm_resize 60 20
tm_wait "too small" 5; ok $? "60x20: the terminal is too small, said so"
tm_resize 80 24
tm_wait "Statistics: all time; all sites" 5; ok $? "80x24 again: redrawn"
like "$(tm_screen)" "Filed 6 " "with the same figures"
tm_keys Escape
tm_wait "Front desk: 李四" 5; ok $? "Esc: back to the worklist"
tm_stop

# ---------------------------------------------------------------- Chinese, 120x40
tm_start 120 40 $ENV "$JRC" desk --lang zh
login D001 secret123
tm_wait "前台：张三" 10; ok $? "logged in"
tm_keys g
tm_wait "统计：本月（2026-12-01 至 2026-12-03）；全部站点" 5; ok $? "the screen in Chinese"
scr=$(tm_screen)
like "$scr" "按类别的事项数" "categories"
like "$scr" "按乡镇的事项数" "townships on the same page"
like "$scr" "各部门：按期答复与群众满意" "and the departments: all of it fits"
like "$scr" "劳动就业与欠薪 +█+ +3" "the category by its Chinese name"
like "$scr" "黄宅镇 +█+ +3" "the township by its Chinese name"
unlike "$scr" "Tab" "no pages to turn"
private; ok $? "nothing of a citizen in Chinese either"
tm_stop
done_testing
