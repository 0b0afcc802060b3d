#!/usr/bin/env bash
# "Overdue" is one rule: the state owes a step and its deadline has passed.
# An answered case whose due date is the citizen's review window is never
# overdue, in `jrc list --overdue` and in `jrc stats` alike.
. "$top_srcdir/tests/lib.sh"
t_init_db
export JRC_NOW=2026-11-01T10:00:00+08:00
RA=$(t_file_one "拖欠工资一"); ok $? "file the case that will be answered"
RW=$(t_file_one "拖欠工资二"); ok $? "file the case nobody takes on"
jrc move "$RA" accepted >/dev/null; ok $? "accept the first"
jrc move "$RA" answered --answer "已责令支付" >/dev/null; ok $? "answer it (the citizen may ask for review until 1 Dec)"

# 20 Nov: the waiting case is past its 15 days; the answered one is in its window.
export JRC_NOW=2026-11-20T10:00:00+08:00
out=$(jrc list --overdue)
like "$out" "$RW" "a registered case past its acceptance deadline is overdue"
unlike "$out" "$RA" "an answered case in its review window is not overdue"
json=$(jrc stats --json)
like "$json" '"overdue":1[,}]' "stats counts the same one case overdue"

# 18 Dec, 48 days after filing: the window has passed; still nobody owes it.
export JRC_NOW=2026-12-18T10:00:00+08:00
out=$(jrc list --overdue)
unlike "$out" "$RA" "an answered case past its window is not overdue either"
is "$(printf '%s\n' "$out" | grep -c PJ)" 1 "list --overdue lists only the waiting case"
is "$(jrc stats --json | jq '.overdue')" 1 "stats agrees with list --overdue"
done_testing
