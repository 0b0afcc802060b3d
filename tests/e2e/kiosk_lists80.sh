#!/bin/bash
# The lawyer and leader lists at 80x24 (issue 13): every line of an item
# wraps under itself instead of running off the edge, in English and in
# Chinese, and the list pages when the items do not all fit.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

K_NOW=2026-11-30T10:05:00+08:00
export JRC_NOW=$K_NOW

k_start 80 24 xterm-256color --lang en
tm_wait 'Leader reception days'
tm_keys "$(k_num 'Leader reception days')"
tm_wait 'County leaders receive citizens'; ok $? "the leader days at 80x24"
scr=$(tm_screen)
like "$scr" 'Li Ming, Deputy Secretary of the County Party' "the leader's post starts on the first line"
like "$scr" '^ +Committee *$' "and ends on the next, not cut"
like "$scr" '^ +pollution *$' "the topics end, wrapped"
like "$scr" "Where: Leaders' reception room *$" "the room is whole"
like "$scr" 'Choices 1-[0-9] of 9: more with PgDn' "the list pages"
tm_keys PPage
tm_keys F2
tm_wait '县领导在这些日子接待群众'; ok $? "in Chinese"
like "$(tm_screen)" '地点：领导接待室 *$' "the room is whole"
k_stop

# The lawyers: the reasons under each name wrap.
k_start 80 24 xterm-256color --lang en
tm_wait 'Tell us about a problem'
tm_keys 1
tm_wait 'Step 1 of 7'
tm_keys 1 Enter
tm_wait 'Step 2 of 7'
tm_keys 1; tm_keys Enter
tm_wait 'choose the village'
tm_keys 1
tm_wait 'Step 3 of 7'
tm_keys 2
tm_wait 'Yes, report anonymously'
tm_keys 1
tm_wait 'Step 4 of 7'
tm_type "老板欠了三个月工资"
tm_keys Enter
tm_wait 'Step 5 of 7'
tm_keys Enter
tm_wait 'Choose the help you would like'
tm_keys "$(k_num 'See a lawyer')"
tm_wait 'Do you need free legal aid'
tm_keys 2
tm_wait 'Choose one of the lawyers'; ok $? "the lawyers at 80x24"
scr=$(tm_screen)
like "$scr" 'Knows: Work and unpaid wages · free legal aid · free today 14:00 · no *$' "a long reason fills the line"
like "$scr" '^ +open cases · speaks English *$' "and goes on under it, not cut"
tm_keys F2
tm_wait '请选择一位律师'; ok $? "in Chinese"
like "$(tm_screen)" '^ +目前没有在办案件 · 会说浦江话 *$' "the Chinese reasons wrap too"
k_stop
done_testing
