#!/bin/bash
# The terminal: a window below 80x24 gets a notice and recovers with the
# input intact; Ctrl-C, Ctrl-Z and Ctrl-\ do nothing; SIGTERM and SIGHUP
# end it with the terminal restored; vt100 (no colour), screen, linux
# (English, and why) and a large 120x40 window all work.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

to_form() {
	tm_wait '欢迎'; tm_keys 1
	tm_wait '第 1 步'; tm_keys 2
	tm_wait '第 2 步'; tm_keys 4
	tm_wait '请选择村或社区'; tm_keys 1
	tm_wait '第 3 步'; tm_keys 1
	tm_wait '> 姓名'
}

k_start 80 24 xterm-256color
to_form
tm_type "王五"; tm_keys Enter Enter
tm_wait '> 身份证号码'; tm_type "3307261980"
tm_resize 60 15
tm_wait '80x24'; ok $? "60x15 shows the enlarge notice"
like "$(tm_screen)" '窗口太小了' "in words"
tm_type "0101"
tm_resize 80 24
tm_wait '> 身份证号码'; ok $? "back at 80x24 the form returns"
scr=$(tm_screen)
like "$scr" '王五' "the name is kept"
like "$scr" '身份证号码 +3307261980$|身份证号码 +3307261980 ' "the ID typed so far is kept, and keys while too small were not taken"

tm_keys C-c
tm_keys C-z
tm_keys 'C-\'
tm_type "01"
tm_wait '3307261980 ?01'; ok $? "Ctrl-C, Ctrl-Z and Ctrl-\\ do nothing; typing goes on"
tm_dead; [ $? -ne 0 ]; ok $? "the kiosk is still running"
like "$(tm_screen)" '王五' "and the screen is intact"

tm_resize 120 40
tm_wait '^ {8,}第 3 步'; ok $? "120x40: the content is centred in the wide window"
scr=$(tm_screen)
like "$scr" '> 身份证号码 +330726198001' "with the form as it was"
like "$(echo "$scr" | tail -1)" 'Enter 继续' "the key line is at the bottom"

kill -TERM "$(k_pid)"
k_wait_dead; ok $? "SIGTERM ends the kiosk"
is "$(k_flag alternate_on)" 0 "the terminal is back on the normal screen"
is "$(k_flag keypad_cursor_flag)" 0 "cursor keys back in normal mode"
k_stop

# The exit status, seen by a shell that runs the kiosk and then prints
# on the restored screen.
for sig in TERM HUP; do
	tm_start 80 24 bash -c 'env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$@"; echo "kiosk exited: $?"; sleep 30' \
		sh "$JRC" kiosk
	tm_wait '欢迎'
	kid=$(pgrep -P "$(k_pid)" | head -1)
	kill -$sig "$kid"
	tm_wait 'kiosk exited: [0-9]+'; ok $? "SIG$sig: the shell gets the terminal back"
	like "$(tm_screen)" 'kiosk exited: 0' "SIG$sig: exit status 0"
	unlike "$(tm_screen)" '欢迎' "SIG$sig: the kiosk's screen is gone (normal screen restored)"
	k_stop
done

# vt100: no colour, the highlight still shows (a marker and reverse video)
k_start 80 24 vt100
to_form
ok $? "vt100: the wizard works"
tm_keys Escape
tm_wait '匿名反映'
like "$(tm_screen)" '^ +>1  留下我的姓名' "the highlighted choice is marked without colour"
k_stop

k_start 80 24 screen
to_form
ok $? "TERM=screen works"
k_stop

k_start 80 24 linux
tm_wait 'Welcome'; ok $? "TERM=linux starts in English"
like "$(tm_screen)" 'Linux console cannot show Chinese' "and says why"
unlike "$(tm_screen)" 'F2|Chinese\)' "no switch is offered to Chinese it cannot draw"
tm_keys F1
tm_wait 'Press any key to close this help'; ok $? "F1 works whatever the terminal sends for it"
tm_keys x
tm_wait_gone 'Press any key to close this help'
tm_keys F2
tm_wait 'Chinese cannot be shown here'; ok $? "F2 says why it stays in English"
like "$(tm_screen)" 'Chinese cannot be shown here: the Linux console has no Chinese characters\.' \
	"the whole sentence, not cut at 80 columns"
unlike "$(tm_screen)" '欢迎' "and does not switch to Chinese"
done_testing
