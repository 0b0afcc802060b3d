#!/usr/bin/env bash
# SMS notices (issue 16 part 4): messages queued with the events that
# cause them (filing, booking, acceptance, decline, answer; the reminder
# the day before), only with the citizen's consent; sent by 'jrc sms
# send' through a command: sender that records them, retried with backoff
# after the sender fails, given up after 6 tries and listed as failed;
# every text one segment (70 characters); numbers masked in the list;
# bad sender settings refused with a sentence.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
q() { sqlite3 "$JRC_DB" "$@"; }
# Sunday 29 November 2026; M01 receives on Mondays from 09:00.
export JRC_NOW=2026-11-29T10:00:00+08:00
ID=$(t_id 33072619560101123)
file() {  # PHONE [more options]: files a case with a phone, prints its receipt
	local phone=$1; shift
	jrc file --category LAB --division 330726100201 --name 张三 --id-number "$ID" \
		--phone "$phone" --text "工资拖欠三个月" "$@"
}

# Consent, and without it nothing.
R1=$(file 13812345678 --sms); ok $? "a case filed with --sms"
R2=$(file 13900001111); ok $? "a case filed without"
R3=$(file 13700002222 --sms --lang en); ok $? "an English case with --sms"
is "$(q "SELECT count(*) FROM sms_consent")" 2 "two consents recorded"
is "$(q "SELECT group_concat(kind) FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$R1'")" filed \
	"the filing message is queued with the filing"
code=$(q "SELECT query_code FROM cases WHERE receipt = '$R1'")
text=$(q "SELECT text FROM sms_outbox WHERE kind = 'filed' AND phone = '13812345678'")
like "$text" "受理号$R1，查询码$code" "  in Chinese, with the receipt number and the query code"
unlike "$text" "张三|工资" "  and never the citizen's name or words"
like "$(q "SELECT text FROM sms_outbox WHERE phone = '13700002222'")" "^Your matter is registered: receipt $R3" \
	"an English case gets its message in English"
out=$(jrc file --category LAB --division 330726100201 --anonymous --text "x" --sms 2>&1); st=$?
is "$st" 2 "--sms without a phone is bad usage (exit 2)"
like "$out" "--sms needs the citizen's --phone" "  saying so"

# Decisions and the answer.
jrc move "$R1" accepted >/dev/null; ok $? "R1 accepted"
jrc move "$R2" accepted >/dev/null; ok $? "R2 accepted"
like "$(q "SELECT text FROM sms_outbox WHERE kind = 'accepted'")" "您的事项$R1已由县人力资源和社会保障局受理，将于2027-01-28前答复。" \
	"the acceptance names the department and the answer's deadline"
jrc move "$R1" answered --answer "已协调支付工资" >/dev/null; ok $? "R1 answered"
like "$(q "SELECT text FROM sms_outbox WHERE kind = 'answered'")" "您的事项$R1已有答复" "the answer ready"
jrc feedback "$R1" --code "$code" --verdict unsatisfied --request-review >/dev/null; ok $? "R1: a review asked"
jrc move "$R1" review_answered --role supervisor --answer "维持原答复意见" >/dev/null; ok $? "R1: the review answered"
is "$(q "SELECT count(*) FROM sms_outbox WHERE kind = 'answered'")" 2 "the review's answer is a message too"
unlike "$(q "SELECT text FROM sms_outbox WHERE kind = 'answered'")" "已协调" "  without the answer's words"
jrc move "$R3" declined --reason "不属于信访事项" --channel "向法院起诉" >/dev/null; ok $? "R3 declined"
like "$(q "SELECT text FROM sms_outbox WHERE kind = 'declined'")" "^Your matter $R3 was not accepted" "the decline, in English"
is "$(q "SELECT count(*) FROM sms_outbox WHERE phone = '13900001111'")" 0 "no message at all without consent"

# A booking, and its reminder the day before (once).
R4=$(file 13812345678 --sms)
jrc book "$R4" --host M01 --slot 2026-12-07T09:00 >/dev/null; ok $? "a booking a week ahead"
like "$(q "SELECT text FROM sms_outbox WHERE kind = 'booking'")" "已预约2026-12-07 09:00.*受理号$R4" "the booking message"
jrc book "$R2" --host M01 --slot 2026-12-07T09:30 >/dev/null; ok $? "a booking without consent"
is "$(q "SELECT count(*) FROM sms_outbox WHERE kind = 'booking'")" 1 "  queues nothing"
is "$(jrc tick --json | jq .sms_reminders)" 0 "no reminder a week before"
j=$(JRC_NOW=2026-12-06T18:00:00+08:00 jrc tick --json); ok $? "jrc tick the day before"
is "$(jq .sms_reminders <<<"$j")" 1 "  queues one reminder"
like "$(q "SELECT text FROM sms_outbox WHERE kind = 'reminder'")" "提醒：您预约的接待在明天2026-12-07 09:00" "  for tomorrow's time"
is "$(JRC_NOW=2026-12-06T19:00:00+08:00 jrc tick --json | jq .sms_reminders)" 0 "a second tick queues none again"

# Every message one segment.
long=$(q "SELECT text FROM sms_outbox WHERE length(text) > 70" | LC_ALL=C grep -c '[^ -~]')
is "$long" 0 "no Chinese message longer than 70 characters"
is "$(q "SELECT count(*) FROM sms_outbox WHERE length(text) > 160")" 0 "no English one longer than 160"
# Long values: a 4-letter site code (a village point listed for it), a
# long department name, a long room.
q "INSERT INTO sites(code, level, parent, division, name_zh, name_en) VALUES
   ('ABCD', 'village', 'HZ', '330726100201', '测试村服务点', 'Test village point')"
q "UPDATE departments SET name_zh = '县人力资源和社会保障局劳动保障监察大队', short_zh = '人社局' WHERE code = 'RSJ';
   UPDATE hosts SET room = '浦江县信访联合接待中心三楼东侧人民调解工作室第二接待室（请走东侧楼梯）' WHERE id = 'M01'" 2>/dev/null
R5=$(jrc --site ABCD file --category LAB --division 330726100201 --name 张三 --id-number "$ID" --phone 13812345678 --text "x" --sms)
jrc move "$R5" accepted >/dev/null && jrc book "$R5" --host M01 --slot 2026-11-30T10:00 >/dev/null
JRC_NOW=2026-11-29T20:00:00+08:00 jrc tick >/dev/null
is "$(q "SELECT count(*) FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$R5'")" 4 \
	"long values: filed, accepted, booking, reminder queued"
is "$(q "SELECT CASE WHEN max(length(o.text)) <= 70 THEN 1 ELSE 0 END FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$R5'")" 1 \
	"  each still at most 70 characters (the long name and room left out)"

# The list masks numbers; the sender 'none' keeps them queued.
out=$(jrc sms list); ok $? "jrc sms list"
like "$out" "138\*\*\*\*5678" "  numbers masked"
unlike "$out" "13812345678" "  never in full"
like "$out" "sms_sender" "  and says that the sender 'none' keeps them queued"
is "$(jrc sms list --json | jq -r '.[0].phone')" "138****5678" "--json masks too"
is "$(jrc sms send --once --json | jq -c .)" '{"sent":0,"failed":0,"reminders":0}' "send with sender none sends nothing"

# Bad sender settings.
out=$(jrc settings sms_sender smtp://x 2>&1); st=$?
is "$st" 2 "an unknown sender scheme is refused (exit 2)"
like "$out" "none, file:PATH or command:PATH" "  naming the forms"
out=$(jrc settings sms_sender "command:$T_DIR/missing.sh" 2>&1); st=$?
is "$st" 2 "a missing gateway script is refused (exit 2)"
like "$out" "is not there or cannot be run" "  with a sentence"

# A command: sender that records what it is given.
cat >"$T_DIR/gw.sh" <<'GW'
#!/bin/sh
[ -e "$0.fail" ] && { echo "gateway busy for $1" >&2; exit 3; }
printf '%s\t%s\n' "$1" "$(cat)" >>"$0.log"
GW
chmod +x "$T_DIR/gw.sh"
jrc settings sms_sender "command:$T_DIR/gw.sh" >/dev/null; ok $? "sms_sender command:gw.sh"
# (the reminder queued "on 6 December" above is not due yet)
queued=$(q "SELECT count(*) FROM sms_outbox WHERE sent_at IS NULL AND next_try_at < '2026-11-30'")
j=$(JRC_NOW=2026-11-29T20:01:00+08:00 jrc sms send --once --json); ok $? "jrc sms send --once"
is "$(jq .sent <<<"$j")" "$queued" "  sends every queued message"
is "$(wc -l <"$T_DIR/gw.sh.log")" "$queued" "  the gateway got each once"
like "$(cat "$T_DIR/gw.sh.log")" "^13812345678	您的信访事项已登记，受理号$R1" "  the number as argument, the text on its input"
is "$(q "SELECT count(*) FROM sms_outbox WHERE sent_at IS NULL AND next_try_at < '2026-11-30'")" 0 "all marked sent"
is "$(JRC_NOW=2026-11-29T20:02:00+08:00 jrc sms send --once --json | jq .sent)" 0 "a second round sends nothing again"

# Failure, backoff and giving up.
R6=$(file 13812345678 --sms)
touch "$T_DIR/gw.sh.fail"
export JRC_NOW=2026-11-29T21:00:00+08:00
is "$(jrc sms send --once --json | jq -c '[.sent,.failed]')" "[0,1]" "the gateway fails: counted as failed"
like "$(jrc sms list)" "retrying  tries 1" "  listed as retrying after 1 try"
like "$(jrc sms list)" "last error: gateway busy for 138\*\*\*\*5678" "  with the script's first line, the number masked"
is "$(JRC_NOW=2026-11-29T21:00:30+08:00 jrc sms send --once --json | jq .failed)" 0 "not tried again within the minute"
rm "$T_DIR/gw.sh.fail"
is "$(JRC_NOW=2026-11-29T21:01:10+08:00 jrc sms send --once --json | jq .sent)" 1 "after a minute it is sent"
like "$(tail -1 "$T_DIR/gw.sh.log")" "受理号$R6" "  the right message"
R7=$(file 13812345678 --sms)
touch "$T_DIR/gw.sh.fail"
for at in 22:00 22:01 22:06 22:36 "23:59:59"; do
	JRC_NOW=2026-11-29T$at+08:00 jrc sms send --once >/dev/null
done
is "$(q "SELECT attempts FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$R7'")" 4 \
	"tries after 1, 5 and 30 minutes, not before 2 hours"
JRC_NOW=2026-11-30T00:37:00+08:00 jrc sms send --once >/dev/null
JRC_NOW=2026-11-30T12:36:00+08:00 jrc sms send --once >/dev/null
is "$(q "SELECT attempts FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$R7'")" 5 "the fifth after 2 hours; not before 12"
JRC_NOW=2026-11-30T12:38:00+08:00 jrc sms send --once >/dev/null
out=$(jrc sms list --failed); ok $? "jrc sms list --failed"
like "$out" "$R7.*FAILED  tries 6" "  the message given up on after 6 tries"
is "$(jrc sms list --failed --json | jq length)" 1 "  only that one"
is "$(JRC_NOW=2026-12-02T12:00:00+08:00 jrc sms send --once --json | jq .failed)" 0 "never tried again"

# Two senders at once (a timer beside one kept running): each message
# goes out once.
rm -f "$T_DIR/gw.sh.fail"
export JRC_NOW=2026-12-03T10:00:00+08:00
for i in 1 2 3 4; do file 1381234567$i --sms >/dev/null; done
: >"$T_DIR/gw.sh.log"
jrc sms send --once >/dev/null & p1=$!
jrc sms send --once >/dev/null & p2=$!
wait $p1; wait $p2
is "$(grep -c '^1381234567[1-4]	' "$T_DIR/gw.sh.log")" 4 "two senders at once send each message once"
is "$(q "SELECT count(*) FROM sms_outbox WHERE phone IN ('13812345671', '13812345672', '13812345673', '13812345674') AND sent_at IS NOT NULL")" 4 "  all four marked sent"

# The gateway script removed: a clear sentence, exit 1, nothing tried.
R8=$(file 13812345678 --sms)
mv "$T_DIR/gw.sh" "$T_DIR/gw.off"
out=$(jrc sms send --once 2>&1); st=$?
is "$st" 1 "the gateway script gone: exit 1"
like "$out" "^jrc: .*gw.sh is not there or cannot be run" "  saying so"
is "$(q "SELECT attempts FROM sms_outbox o JOIN cases c ON c.id = o.case_id WHERE c.receipt = '$R8'")" 0 "  and the message is not counted as tried"
out=$(jrc sms bounce 2>&1); is $? 2 "an unknown action is bad usage"
jrc verify >/dev/null; ok $? "verify passes with consents in the record"
q "UPDATE sms_consent SET phone = '13900009999' WHERE case_id = (SELECT id FROM cases WHERE receipt = '$R1')"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a consent changed behind the program's back fails verify"
like "$out" "$R1" "  naming the case"
done_testing
