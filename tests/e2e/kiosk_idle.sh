#!/bin/bash
# Idle: after --idle seconds without a key a countdown appears; a key
# cancels it and keeps everything; at zero everything typed is wiped and
# the home screen is back, in the start language.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

k_start 80 24 xterm-256color --idle 2 --countdown 3
tm_wait '欢迎'
tm_keys 1; tm_wait '第 1 步'; tm_keys 2
tm_wait '第 2 步'; tm_keys 3
tm_wait '浦南街道：请选择村或社区'; tm_keys 1
tm_wait '第 3 步'; tm_keys 2
tm_wait '是的，匿名反映'; tm_keys 1
tm_wait '第 4 步'
tm_type "路灯坏了很久没人修"
tm_keys F2
tm_wait 'Step 4 of 7'

tm_wait 'Are you still there' 8; ok $? "the countdown appears after the idle time"
like "$(tm_screen)" 'In [0-9] seconds everything typed' "it says what will happen"
tm_keys x
tm_wait_gone 'Are you still there'; ok $? "a key cancels the countdown"
scr=$(tm_screen)
like "$scr" '路灯坏了很久没人修' "and everything typed is still there"
unlike "$scr" '路灯坏了很久没人修x' "the key that cancelled was not typed"

tm_wait 'Are you still there' 8; ok $? "idle again: the countdown again"
tm_wait '欢迎' 8; ok $? "at zero the home screen is back, in Chinese"
unlike "$(tm_screen)" 'Are you still there|您还在吗' "without the countdown"
tm_keys 1; tm_wait '第 1 步'; tm_keys 2
tm_wait '第 2 步'; tm_keys 3
tm_wait '浦南街道：请选择村或社区'; tm_keys 1
tm_wait '第 3 步'; tm_keys 2
tm_wait '是的，匿名反映'; tm_keys 1
tm_wait '第 4 步'
scr=$(tm_screen)
unlike "$scr" '路灯' "the text was wiped"
like "$scr" '还可输入 4000 字' "the text area is empty"
is "$(t_rows cases)" 0 "nothing was filed"
done_testing
