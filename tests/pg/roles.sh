#!/usr/bin/env bash
# The three roles jrc init makes on a server (issue 15, least privilege),
# each used as a terminal would use it, with a login of its own: the
# administrator imports the reference data (replacing schedules and
# phrases) and adds staff; the front desk files for a citizen, takes the
# case on, assigns it down, answers it, calls the queue, books, reads the
# figures and verifies; the kiosk files, takes a ticket, checks in, looks
# up and gives the citizen's verdict.  What a role may not do is refused
# by the server, in a sentence, and changes nothing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/server.sh"
pg_ready jrc
export JRC_NOW=2026-11-30T09:05:00+08:00
export JRC_LANG=en
jrc init >/dev/null; ok $? "the record is laid out on the server (the owner)"
for who in admin desk kiosk; do
	pg_psql jrc "CREATE ROLE ${who}_pj01 LOGIN IN ROLE jrc_$who" >/dev/null
done
admin=$(pg_uri jrc admin_pj01) desk=$(pg_uri jrc desk_pj01) kiosk=$(pg_uri jrc kiosk_pj01)
as() { local uri=$1; shift; JRC_DB=$uri "$JRC" "$@"; }
PW='lamp-post 42'

# ---- the administrator
out=$(as "$admin" import 2>&1); ok $? "the administrator imports the reference data again"
printf '%s\n' "$PW" | as "$admin" staff add D01 --name 张前台 --role desk >/dev/null
ok $? "... and adds a desk account"
out=$(as "$admin" anchor --no-print 2>&1); ok $? "... and records the day's anchor"

# ---- the kiosk
R=$(as "$kiosk" file --category LAB --division 330726100201 --name 张三 \
	--id-number "$(t_id 33072619800101001)" --phone 13812345678 --text "老板拖欠工资三个月"); ok $? \
	"the kiosk files a case"
code=$(pg_psql jrc "SELECT query_code FROM cases WHERE receipt = '$R'")
out=$(as "$kiosk" status "$R" --code "$code"); ok $? "... the citizen looks it up there"
out=$(as "$kiosk" queue take --group A --json); ok $? "... takes a queue ticket"
ticket=$(printf '%s' "$out" | sed -n 's/.*"ticket": *"\([^"]*\)".*/\1/p')
out=$(as "$kiosk" helpers --category LAB); ok $? "... lists who can help"
out=$(as "$kiosk" staff list 2>&1); rc=$?
ok $((rc == 0)) "the kiosk may not read the staff accounts"
like "$out" "database role may not do this" "... told in a sentence"
out=$(as "$kiosk" import 2>&1); rc=$?
ok $((rc == 0)) "the kiosk may not replace the reference data"
like "$out" "database role may not do this" "... told in a sentence"
settings() { pg_psql jrc "SELECT string_agg(key || '=' || value, ' ' ORDER BY key) FROM settings"; }
before=$(settings)
out=$(as "$kiosk" settings site_code HZ 2>&1); rc=$?
ok $((rc == 0)) "nor change the site's settings"
like "$out" "database role may not do this" "... told in a sentence"
is "$(settings)" "$before" "... which stay as they were"

# ---- the front desk
out=$(as "$desk" queue call --window 1 --staff D01 --json); ok $? "the desk calls the next ticket"
like "$out" "$ticket" "... the kiosk's"
out=$(as "$desk" queue serve "$ticket" --staff D01 --case "$R" 2>&1); ok $? "... and serves it with the case"
R2=$(as "$desk" file --category LAN --division 330726100201 --name 李四 --channel desk --staff D01 \
	--id-number "$(t_id 33072619700101002)" --phone 13912345678 --text "土地纠纷"); ok $? \
	"the desk files for a citizen"
out=$(as "$desk" move "$R" accepted --staff D01 2>&1); ok $? "the desk takes the first case on"
out=$(as "$desk" assign "$R" --to HZ --by 2026-12-10 --note "请镇里核实" 2>&1); ok $? "... assigns it down"
out=$(as "$desk" book "$R2" --host M01 --slot 2026-11-30T10:00 2>&1); ok $? "... books a mediator for the second"
out=$(as "$kiosk" checkin "$R2" 2>&1); ok $? "the citizen checks in at the kiosk"
out=$(as "$desk" move "$R" answered --answer "已督促支付" 2>&1); ok $? "the desk answers the first"
out=$(as "$kiosk" feedback "$R" --code "$code" --verdict satisfied 2>&1); ok $? \
	"the citizen gives a verdict at the kiosk"
out=$(as "$desk" stats --json); ok $? "the desk reads the figures"
out=$(as "$desk" list); ok $? "... and the worklist"
like "$out" "$R2" "... with the cases"
out=$(as "$desk" alerts); ok $? "... and the alerts"
out=$(as "$desk" verify 2>&1); ok $? "jrc verify passes with the desk's login"
out=$(psql -X -q -h "$PG_SOCK" -U desk_pj01 -d jrc -c "UPDATE events SET note = 'x'" 2>&1); rc=$?
ok $((rc == 0)) "the desk's login cannot rewrite an event"
out=$(psql -X -q -h "$PG_SOCK" -U admin_pj01 -d jrc -c "DELETE FROM verdicts" 2>&1); rc=$?
ok $((rc == 0)) "nor the administrator's remove a verdict"
out=$(jrc verify 2>&1); ok $? "jrc verify passes"
done_testing
