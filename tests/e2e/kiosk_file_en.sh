#!/bin/bash
# The whole filing in English, switched to from the Chinese home screen by
# its numbered choice (C.UTF-8 only, no zh_CN locale): a court matter gets
# the legal-channel guidance and can still be filed, anonymously; then a
# staff member files for a citizen with --staff.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

TEXT="The court ruled in my favour in May but the company has not paid the 12000 yuan."

k_start 80 24 screen
tm_wait '欢迎'; ok $? "starts in Chinese, the default"
tm_keys "$(k_num English)"
tm_wait 'Welcome'; ok $? "the numbered choice switches to English"
scr=$(tm_screen)
like "$scr" 'Pujiang County Joint Reception Center' "the center's English name"
like "$scr" 'Sunday, 29 November 2026' "the date in English"
like "$scr" '1  Tell us about a problem' "choices in English"
like "$scr" '中文' "the way back to Chinese is offered"
like "$scr" 'F2: 中文' "and on the key line"

tm_keys 1
tm_wait 'Step 1 of 7: What is it about'; ok $? "step 1 in English"
like "$(tm_screen)" '13  Court and legal matters' "the LIT category"
tm_keys 1 3
tm_wait 'Court and legal matters go through a legal channel'; ok $? "LIT: the legal channel is named before anything else"
scr=$(tm_screen)
like "$scr" 'court|Court' "guidance text from the category's channel"
like "$scr" '1  Go on and file it here' "filing is still allowed"
tm_keys 1

tm_wait 'Step 2 of 7'; ok $? "then the place"
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Puyang Subdistrict: choose the village'
tm_keys "$(k_num 'Not in the list')"
tm_wait 'Step 3 of 7'; ok $? "a village not in the list is accepted"
tm_keys 2
tm_wait 'Report anonymously'; ok $? "anonymous: what it means"
scr=$(tm_screen)
like "$scr" 'nobody can call you back' "says nobody can call back"
like "$scr" 'cannot check progress with your phone' "says no lookup by phone"
like "$scr" 'only the receipt number with the query code' "says only the printed query code"
tm_keys 1
tm_wait 'Step 4 of 7: What happened'; ok $? "step 4"
tm_type "$TEXT"; tm_keys Enter
tm_wait 'already before a court or an arbitration'; ok $? "a court matter: is it already before a court"
tm_keys 1
tm_wait 'Step 5 of 7'; tm_keys Enter
tm_wait 'Step 6 of 7'; tm_keys "$(k_num 'No help needed, go on')"
tm_wait 'Step 7 of 7: Check and send'; ok $? "review, with an empty outcome allowed"
scr=$(tm_screen)
like "$scr" 'Court and legal matters' "review: the category"
like "$scr" 'Puyang Subdistrict, village not in the list' "review: the place"
like "$scr" 'Anonymous: no name, ID number or phone' "review: anonymous"
like "$scr" '\(nothing written\)' "review: no outcome"
like "$scr" 'court|Court' "review: the legal channel again before sending"
tm_keys Enter
tm_wait 'Your matter has been registered'; ok $? "filed"
r=$(k_receipt)
like "$(tm_screen)" 'Query code: +[0-9]{6}' "query code in English"
json=$(k_json "$r")
like "$json" "\"text\":\"$TEXT\"" "the text byte for byte"
like "$json" '"category":"LIT"' "category LIT"
like "$json" '"division":"330726001"' "filed at township level"
like "$json" '"anonymous":true' "anonymous"
like "$json" '"name":null' "no name kept"
like "$json" '"lang":"en"' "the citizen's language is recorded"
tm_press_until Enter '欢迎' 5; ok $? "home again, back in Chinese for the next person"
k_stop

# ---------------------------------------------------------------- staff
k_start 80 24 xterm-256color --lang en --staff S007 --printer "dev:$T_DIR/no-such-printer"
tm_wait 'Staff mode'; ok $? "staff mode says so"
unlike "$(tm_screen)" "S007" "without the staff ID on a screen the public may see"
tm_keys 1; tm_wait 'Step 1 of 7'; tm_keys 4
tm_wait 'Step 2 of 7'; tm_keys 2
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 2
tm_wait 'Yes, report anonymously'; tm_keys 1
tm_wait 'Step 4 of 7'; tm_type "School fees were raised twice this year."; tm_keys Enter
tm_wait 'Step 5 of 7'; tm_keys Enter
tm_wait 'Step 6 of 7'; tm_keys "$(k_num 'No help needed, go on')"
tm_wait 'Step 7 of 7'; tm_keys Enter
tm_wait 'Your matter (has been|is) registered'
tm_wait 'no receipt was printed'; ok $? "a printer that fails is said in words"
# The screen becomes the receipt after the message: wait for its number.
tm_wait 'PJ[0-9]{6}-[0-9]{4}-[0-9]'
json=$(k_json "$(k_receipt)")
like "$json" '"channel":"desk"' "filed by staff: channel desk"
like "$json" '"staff_id":"S007"' "with the staff member's ID"
like "$json" '"category":"EDU"' "category EDU"
done_testing
