#!/usr/bin/env bash
# Issue 13 at 80x24, in English and Chinese: the help step's cursor starts
# on "no help needed"; the receipt cuts nothing (the department's window,
# the booking, what happens next: what does not fit is one Down key away,
# and the screen says so), always shows the QR code and the number and the
# code twice (as text and in big digits), and stays until Enter.
top_srcdir=${top_srcdir:-.}
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

# flat: screens' text without the QR code beside it, lines joined.
flat() { LC_ALL=C.UTF-8 sed -E 's/ {3,}[▀▄█ ]+$//; s/ *$//' | tr '\n' ' ' | tr -s ' '; }

k_start 80 24 xterm --lang en
tm_wait "Tell us about a problem"
tm_keys 1; tm_wait "Step 1 of 7"
tm_keys 1; tm_wait "You typed 1"; tm_keys Enter
tm_wait "Step 2 of 7"; tm_keys 4
tm_wait "choose the village"; tm_keys 1
tm_wait "Step 3 of 7"; tm_keys 2
tm_wait "Yes, report anonymously"; tm_keys 1
tm_wait "Step 4 of 7"; tm_type "The boss has not paid my wages for three months."; tm_keys Enter
tm_wait "Step 5 of 7"; tm_keys Enter
tm_wait "Step 6 of 7"; ok $? "the help step"
like "$(tm_screen)" ">[0-9]+ +No help needed" "its cursor starts on 'No help needed'"
tm_keys 1; tm_wait "Choose for me"; tm_keys 2
tm_wait "Free times of Chen Jianguo"; tm_keys 1; tm_wait "You typed 1"; tm_keys Enter
tm_wait "Step 7 of 7"; tm_keys Enter
tm_wait "Your matter has been registered"; ok $? "filed, with a booking"
r=$(k_receipt)
s=$(tm_screen)
is "$(printf '%s\n' "$s" | grep -c "Receipt number: *$r")" 1 "the number as text"
like "$s" "Query code: +[0-9]{6}" "the code as text"
[ "$(printf '%s\n' "$s" | grep -c '▀▀▀▀ ▀▀▀▀')" -ge 2 ]; ok $? "and both again in big digits"
like "$s" "█▀▀▀▀▀█" "the QR code"
like "$s" "Press Enter when you have noted the numbers" "the key that finishes is stated"
unlike "$s" "[0-9]+ seconds" "no countdown while someone is there"
like "$s" "\(more below: Down key\)" "what does not fit is announced"
like "$(tm_screen | tail -1)" "Up/Down: the rest   Enter: finish" "and the key line offers Down"
# Read to the end: every sentence whole, nothing cut at the edge.
all=$(tm_pages "more below" | flat)
unlike "$(tm_screen)" "more below" "Down reaches the end"
like "$all" "Security Bureau \(window 2\)" "the department's window is whole"
like "$all" "Your appointment: Chen Jianguo \(people's mediator\), Monday, 30 November 2026 14:00-14:30, Labour dispute room" \
	"the booking is whole"
like "$all" "then has 60 days to give you a written answer\." "what happens next is whole"
like "$(tm_screen)" "$r" "the number stays while reading"
tm_keys F2
tm_wait "您反映的事情已经登记"; ok $? "zh: F2"
all=$(tm_pages "下面还有" | flat)
all=$(printf '%s' "$all" | tr -d ' ')
like "$all" "县人力资源和社会保障局（2号窗口）" "zh: the department and window whole"
like "$all" "您的预约：陈建国（人民调解员）" "zh: the booking"
like "$all" "受理后60天内给您书面答复。" "zh: what happens next, whole"
tm_press_until Enter "Welcome|欢迎" 5; ok $? "Enter finishes"
k_stop

# The leader days list at 80 columns in English: names, posts, topics and
# places wrap instead of being cut at the edge.
k_start 80 24 xterm --lang en
tm_wait "Leader reception days"
tm_keys "$(k_num "Leader reception days")"
tm_wait "County leaders receive citizens on these days"; ok $? "leader days at 80x24"
all=$(tm_screen | tr '\n' ' ' | tr -s ' ')
like "$all" "Li Ming, Deputy Secretary of the County Party Committee" "the post is whole"
like "$all" "Where: Leaders' reception room" "the place is whole"
k_stop

done_testing
