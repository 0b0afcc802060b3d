#!/usr/bin/env bash
# Issue 13: in English everything is English: the languages a mediator
# speaks ("Mandarin", not 普通话), the booking line on the receipt after F2,
# and one date format per language ("Tuesday, 1 December 2026" /
# "2026年12月1日 星期二"), never "12/1 Tue" beside it.
top_srcdir=${top_srcdir:-.}
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

# has_han TEXT: 0 if TEXT holds a Chinese character (UTF-8 lead bytes of
# U+4000-U+9FFF; the QR code's and big digits' blocks are U+2580-U+259F).
has_han() { printf '%s' "$1" | LC_ALL=C grep -q $'[\xe4-\xe9]'; }
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
tm_wait "Step 6 of 7"; tm_keys 1
tm_wait "Choose for me"; ok $? "the mediators"
s=$(tm_screen)
unlike "$s" "[0-9]+/[0-9]+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun)" "en: no numeric dates in the list"
like "$s" "(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [0-9]+ December 2026" "en: the dates as everywhere else"
tm_keys 2
tm_wait "Free times of Chen Jianguo"; ok $? "one mediator's free times"
s=$(tm_screen)
like "$s" "Speaks: Mandarin, Pujiang dialect" "en: the languages he speaks, in English"
! has_han "$(printf '%s\n' "$s" | sed '$d')"; ok $? "en: no Chinese on the screen (above the key line's F2: 中文)"
like "$s" "Tuesday, 1 December 2026 14:00-14:30" "en: a slot's date in the one format"
unlike "$s" "[0-9]+/[0-9]+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun)" "en: and no other"
tm_keys F2
tm_wait "会说：普通话、浦江话"; ok $? "zh: the languages in Chinese"
like "$(tm_screen)" "2026年12月1日 星期二 14:00-14:30" "zh: the same one format as the title bar"
unlike "$(tm_screen)" "周二" "zh: no second, short format"
tm_keys 1; tm_wait "您按了 1"; tm_keys Enter
tm_wait "第 7 步"
tm_keys F2
tm_wait "Step 7 of 7"
like "$(tm_screen | tr -s ' \n' ' ')" "Help Chen Jianguo \(people's mediator\), tomorrow 14:00-14:30, Labour dispute room" \
	"en: the review shows the whole booking (two lines at 80 columns, not cut)"
tm_keys F2
tm_wait "第 7 步"; tm_keys Enter
tm_wait "您的预约：陈建国"; ok $? "zh: the receipt shows the appointment"
tm_keys F2
tm_wait "Your matter has been registered"
# At 80x24 in English the appointment may be below the first rows: Down.
tm_knock Down "Your appointment: Chen Jianguo"; ok $? "en: after F2 the appointment is in English too"
s=$(tm_screen | sed '$d')
! has_han "$s"; ok $? "en: nothing on the receipt stays Chinese"
[ $? -eq 0 ] || printf '%s\n' "$s" | sed 's/^/# | /' 
k_stop

done_testing
