#!/bin/bash
# Issue 13: "I lost my number".  From the home screen's progress entry a
# citizen who gave an ID number and a phone gets the receipt numbers back
# by typing both; the query code is not shown (bring the ID card to the
# desk); tries that find nothing are counted like lookups and pause.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

ID=$(t_id 33072619560301001)
R=$("$JRC" file --category LAB --division 330726100201 --name 陈老汉 --id-number "$ID" \
	--phone 13812345678 --text "老板拖欠工资三个月" 2>&1)
like "$R" '^PJ' "a matter filed with ID number and phone"
CODE=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$R'")
[ ${#CODE} -eq 6 ]; ok $? "the case has a query code"

k_start 80 24 xterm-256color --lang en
tm_wait 'Welcome'
tm_keys "$(k_num 'Check the progress')"
tm_wait 'I have my receipt number'; ok $? "the progress entry asks first whether the number is at hand"
like "$(tm_screen)" '2 +I lost my number' "and offers I lost my number"
tm_keys 2
tm_wait 'Resident ID number'; ok $? "it asks for the ID number"
like "$(tm_screen)" 'Phone given when filing' "and the phone"
tm_type "$ID"; tm_keys Enter
tm_type "13900000000"; tm_keys Enter
tm_wait 'No matter was filed with this ID number and this phone'; ok $? "a wrong phone finds nothing"
like "$(tm_screen)" 'Tries left before a one-hour pause: 4' "and is counted like a lookup"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM lookup_attempts WHERE result = 'fail' AND receipt LIKE 'id:%'")" 1 \
	"the failed try is recorded"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM lookup_attempts WHERE receipt LIKE '%$ID%'")" 0 \
	"without the ID number itself"
tm_wait_gone 'Please wait' 10
tm_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tm_type "138 1234 5678"; tm_keys Enter
tm_wait 'Matters filed with this ID number and phone'; ok $? "the right phone shows the matters"
scr=$(tm_screen)
like "$scr" "$R" "with the receipt number"
like "$scr" '138\*\*\*\*5678' "the phone masked"
unlike "$scr" "$CODE" "never the query code"
like "$scr" 'bring your ID card' "the query code comes at the desk against the ID card"
tm_keys Enter
tm_wait 'Welcome'; ok $? "Enter finishes"
tm_keys "$(k_num 'Check the progress')"; tm_wait 'I have my receipt number'; tm_keys 2
tm_wait 'Resident ID number'
unlike "$(tm_screen)" "$ID" "nothing of the last citizen is left"
k_stop

k_start 80 24 xterm-256color
tm_wait '欢迎'
tm_keys "$(k_num '查询办理进度')"
tm_wait '编号丢了'; ok $? "the question in Chinese"
done_testing
