#!/bin/bash
# Issue 13, matters in court (诉访分离): a story that speaks of a court asks
# once whether the matter is already before one; yes shows the advice for
# matters in litigation (its own text in categories.csv) and offers the
# legal-channel route; the receipt of a court matter, on screen and on
# paper, says where to go and what to bring, and makes no 15/60 promise.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

is "$(sqlite3 "$JRC_DB" "SELECT CASE WHEN court_zh <> '' AND court_zh <> channel_zh THEN 1 ELSE 0 END FROM categories WHERE code = 'LIT'")" 1 \
	"categories.csv gives court matters two advice texts"

PAPER="$T_DIR/receipt.bin"
k_start 80 24 xterm-256color --lang en --printer "file:$PAPER"
tm_wait 'Welcome'
tm_keys 1; tm_wait 'Step 1 of 7'
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Step 2 of 7'; tm_keys 4
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 2
tm_wait 'Yes, report anonymously'; tm_keys 1
tm_wait 'Step 4 of 7'; tm_type "老板欠我工资，法院已经判决了，可是一直不给钱"; tm_keys Enter
tm_wait 'already before a court or an arbitration'; ok $? "a story that mentions a court asks whether it is before one"
tm_keys 1
tm_wait 'Matters before a court go on through the court'; ok $? "yes shows the advice for matters in court"
scr=$(tm_screen)
like "$scr" 'case number' "the litigation advice (what to bring: the case number)"
like "$scr" '1 +Register as a court matter' "it offers the legal-channel route"
like "$scr" '2 +Keep it as "Work and unpaid wages"' "or to keep the kind chosen"
tm_keys 1
tm_wait 'Step 5 of 7'; ok $? "then the form goes on"
tm_keys Enter; tm_wait 'Step 6 of 7'; tm_keys Enter
tm_wait 'Step 7 of 7'
like "$(tm_screen)" 'Court and legal matters' "the review shows it as a court matter"
tm_keys Enter
tm_wait 'Your matter has been registered'
r=$(k_receipt)
is "$(sqlite3 "$JRC_DB" "SELECT category FROM cases WHERE receipt = '$r'")" LIT "filed as a court matter"
tm_resize 120 40
tm_wait 'Where to go instead'; ok $? "the receipt screen says where to go instead"
# Below the fold at 80x24: it shows once the taller screen is drawn.
tm_wait 'Working days'; ok $? "when it is open"
scr=$(tm_screen)
like "$scr" 'window 8' "which window"
unlike "$scr" '15 days|60 days|Decision on taking it on' "and makes no 15/60 promise"
i=0; while [ ! -s "$PAPER" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
paper=$(iconv -f GB18030 -t UTF-8 "$PAPER" 2>/dev/null | tr -d '\000-\011\013-\037')
like "$paper" '依法分流' "the printed receipt says where to go"
unlike "$paper" '受理期限' "and has no acceptance deadline"
tm_press_until Enter 'Welcome' 5
k_stop

# No court words: no question.
k_start 80 24 xterm-256color --lang en --printer none
tm_wait 'Welcome'
tm_keys 1; tm_wait 'Step 1 of 7'
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'Step 2 of 7'; tm_keys 4
tm_wait 'choose the village'; tm_keys 1
tm_wait 'Step 3 of 7'; tm_keys 2
tm_wait 'Yes, report anonymously'; tm_keys 1
tm_wait 'Step 4 of 7'; tm_type "老板拖欠工资三个月，多次讨要没有结果"; tm_keys Enter
tm_wait 'Step 5 of 7'; ok $? "a story without court words goes straight on"
tm_keys Escape; tm_wait 'Step 4 of 7'
tm_keys End; tm_type "，准备去法院起诉"; tm_keys Enter
tm_wait 'already before a court'; ok $? "court words added later ask too"
tm_keys 2
tm_wait 'Step 5 of 7'; ok $? "no: the form goes on"
tm_keys Escape; tm_wait 'Step 4 of 7'; tm_keys Enter
tm_wait 'Step 5 of 7'; ok $? "and it is asked only once"
k_stop

k_start 80 24 xterm-256color --printer none
tm_wait '欢迎'
tm_keys 1; tm_wait '第 1 步'
tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 4
tm_wait '黄宅镇'; tm_keys 1
tm_wait '第 3 步'; tm_keys 2
tm_wait '匿名'; tm_keys 1
tm_wait '第 4 步'; tm_type "已经申请劳动仲裁了"; tm_keys Enter
tm_wait '法院或仲裁机构'; ok $? "the question in Chinese"
done_testing
