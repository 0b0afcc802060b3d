#!/bin/bash
# Issue 13, first two parts: nothing typed is lost without asking (leaving
# the form, a very short story, the help step's cursor), and the receipt
# number cannot be lost (the receipt stays until Enter, shows the QR code
# and the numbers twice, big; only the idle rule clears it, with its
# countdown).
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

# ---------------------------------------------------------------- leaving the form
k_start 80 24 xterm-256color --lang en --printer none
tm_wait 'Welcome'
tm_keys 1; tm_wait 'Step 1 of 7'
tm_keys Escape
tm_wait 'Welcome'; ok $? "Esc on an untouched step 1 goes home without a question"

tm_keys 1; tm_wait 'Step 1 of 7'
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Step 2 of 7'; tm_keys 4
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 2
tm_wait 'Yes, report anonymously'; tm_keys 1
tm_wait 'Step 4 of 7'; tm_type "工资"
tm_keys Enter
tm_wait 'Is that all that happened'; ok $? "Enter after a very short story asks first"
like "$(tm_screen)" '1 +Write more' "1 goes back to writing"
tm_keys 1
tm_wait 'Step 4 of 7'; ok $? "1 returns to the story"
like "$(tm_screen)" '工资' "with the text kept"
tm_type "被拖欠三个月了"
tm_keys Enter
tm_wait 'Step 5 of 7'; ok $? "a story of some length goes on with one Enter"
tm_keys Escape; tm_wait 'Step 4 of 7'
tm_keys Escape; tm_wait 'Yes, report anonymously'
tm_keys Escape; tm_wait 'About you'
tm_keys Escape; tm_wait 'choose the village'
tm_keys Escape; tm_wait 'Choose the township or subdistrict'
tm_keys Escape; tm_wait 'Step 1 of 7'
tm_keys Escape
tm_wait 'Leave this form'; ok $? "Esc back past step 1 with something entered asks first"
scr=$(tm_screen)
like "$scr" '1 +Keep going' "1 keeps going"
like "$scr" '2 +Discard and leave' "2 discards"
tm_keys 1
tm_wait 'Step 1 of 7'; ok $? "1 returns to step 1"
tm_keys Enter; tm_wait 'Step 2 of 7'; tm_keys 4
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 2
tm_wait 'Yes, report anonymously'; tm_keys 1
tm_wait 'Step 4 of 7'
like "$(tm_screen)" '工资被拖欠三个月了' "nothing was lost by the question"
tm_keys Escape; tm_wait 'Yes, report anonymously'
tm_keys Escape; tm_wait 'About you'
tm_keys Escape; tm_wait 'choose the village'
tm_keys Escape; tm_wait 'Choose the township or subdistrict'
tm_keys Escape; tm_wait 'Step 1 of 7'
tm_keys Escape; tm_wait 'Leave this form'
tm_keys 2
tm_wait 'Welcome'; ok $? "2 discards and goes home"
tm_keys 1; tm_wait 'Step 1 of 7'
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Step 2 of 7'; tm_keys 4
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 2
tm_wait 'Yes, report anonymously'; tm_keys 1
tm_wait 'Step 4 of 7'
unlike "$(tm_screen)" '工资' "and the discarded story is gone"

# ---------------------------------------------------------------- Enter-mashing
tm_type "老板拖欠工资三个月，多次讨要没有结果"
tm_keys Enter; tm_wait 'Step 5 of 7'
tm_keys Enter; tm_wait 'Step 6 of 7'
like "$(tm_screen)" '>[0-9] +No help needed' "the help step's cursor starts on no help"
tm_keys Enter
tm_wait 'Step 7 of 7'; ok $? "so Enter goes on"
like "$(tm_screen)" 'Help +No help needed' "without booking anyone"

# ---------------------------------------------------------------- the receipt stays
tm_keys Enter
tm_wait 'Your matter has been registered'; ok $? "filed"
# The receipt is drawn first and printed on the next tick ("Printing your
# receipt ..." until then): read it once the print has had its answer.
tm_wait 'No receipt is printed here|Your receipt is being printed|The printer is not working'
r=$(k_receipt)
scr=$(tm_screen)
like "$scr" 'Press Enter when you have noted the numbers' "the receipt says which key finishes"
is "$(tm_screen | grep -c "$r")" 1 "the number as text"
like "$scr" 'Query code: +[0-9]{6}' "the query code as text"
like "$scr" '█▀▀▀▀▀█' "a QR code is shown even when nothing failed"
[ "$(tm_screen | grep -c '▀▀▀▀ ▀▀▀▀')" -ge 2 ]; ok $? "number and code again in big letters"
like "$scr" 'No receipt is printed here' "no printer: it asks to write the numbers down"
tm_keys x Space Down 9
tm_wait 'Press Enter when you have noted' 2
k_flag pane_dead >/dev/null
like "$(tm_screen)" "$r" "other keys do not take the receipt away"
tm_press_until Enter 'Welcome' 5; ok $? "Enter finishes"
k_stop

# ---------------------------------------------------------------- only the idle rule clears it
k_start 80 24 xterm-256color --lang en --printer none --idle 2 --countdown 3
tm_wait 'Welcome'
tm_keys 1; tm_wait 'Step 1 of 7'
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Step 2 of 7'; tm_keys 4
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 2
tm_wait 'Yes, report anonymously'; tm_keys 1
tm_wait 'Step 4 of 7'; tm_type "老板拖欠工资三个月，多次讨要没有结果"; tm_keys Enter
tm_wait 'Step 5 of 7'; tm_keys Enter
tm_wait 'Step 6 of 7'; tm_keys Enter
tm_wait 'Step 7 of 7'; tm_keys Enter
tm_wait 'Your matter has been registered'
tm_wait 'Are you still there' 10; ok $? "an idle receipt shows the countdown"
like "$(tm_screen)" 'In [0-9] seconds' "with the seconds left"
tm_wait 'Welcome' 10; ok $? "and clears only when it runs out"
k_stop

# ---------------------------------------------------------------- in Chinese
k_start 80 24 xterm-256color --printer none
tm_wait '欢迎'
tm_keys 1; tm_wait '第 1 步'
tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys Escape
tm_wait '第 1 步'; tm_keys Escape
tm_wait '要离开'; ok $? "the question in Chinese"
like "$(tm_screen)" '1 +继续填写' "with its choices in Chinese"
done_testing
