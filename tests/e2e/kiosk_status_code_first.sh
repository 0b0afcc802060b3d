#!/bin/bash
# "Check progress": a citizen who types the query code straight after the
# number, without first pressing 1 for "query code", loses nothing: a
# digit other than 1 or 2 on the "check with" line begins the code.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

j=$(jrc file --category LAB --division 330726100201 --anonymous --text "包工头拖欠工资三个月" --json)
R=$(jq -r .receipt <<<"$j"); CODE=$(jq -r .query_code <<<"$j")
# A code that is not this case's, beginning with a digit that is no choice.
WRONG=987654; [ "$CODE" = "$WRONG" ] && WRONG=987653
K_NOW=2026-12-01T10:00:00+08:00

k_start 80 24 xterm-256color --lang zh
tm_wait '查询办理进度'; ok $? "home screen"
tm_keys "$(k_num '查询办理进度')"
tm_wait '我有受理编号'
tm_keys 1
tm_wait '回执编号'
tm_type "$R"
tm_keys Enter
tm_wait '> 验证方式'; ok $? "after the number, the 'check with' line"
tm_type "$WRONG"
tm_wait "查询码 +$WRONG"; ok $? "the digits typed there went into the query code, all six"
tm_keys Enter
tm_wait '编号和查询码对不上'; ok $? "and Enter looks them up: a wrong code is told as such"
unlike "$(tm_screen)" '电话后4位 +[0-9]' "nothing went into the phone digits"
k_stop
done_testing
