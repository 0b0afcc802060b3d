#!/usr/bin/env bash
# jrc terminate (依法终结): refused before the re-review and to anyone but a
# supervisor, and without a reason or a channel, changing nothing; allowed
# after the re-review answer; final afterwards (no move, no verdict, no
# closing by tick); the citizen's status says when and where to go; the
# slip prints and decodes; a new filing of the same matter by the same
# person is registered, linked, and its receipt says the matter was
# concluded, without the 15-day promise; stats counts it apart; verify
# names the case and field of a link changed behind the program's back.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"
decode() { "$FP" decode GB18030 "$1" "${2:-48}"; }
t_init_db
export JRC_NOW=2026-11-01T10:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() { q "SELECT count(*) FROM events; SELECT group_concat(state) FROM cases;" | tr '\n' ' '; }
ID=$(t_id 33072619550101001)
COURT="浦江县人民法院（起诉）"
file_land() {
	jrc file --category LAN --division 330726100 --name 王大姐 --id-number "$ID" \
		--phone 13912345678 --text "$1" --channel kiosk
}

R=$(file_land "征地补偿款少算了两亩"); ok $? "file a land case"
CODE=$(q "SELECT query_code FROM cases WHERE receipt = '$R'")
jrc move "$R" accepted >/dev/null && jrc move "$R" answered --answer "按标准补偿" >/dev/null
ok $? "accepted and answered"

before=$(dbstate)
out=$(jrc terminate "$R" --reason "已答复" --channel "$COURT" 2>&1); st=$?
is "$st" 2 "termination is refused after the first answer"
like "$out" "^jrc: This matter cannot be lawfully concluded yet: .*re-review" "saying a re-review is needed"
is "$(dbstate)" "$before" "the refusal changed nothing"

jrc feedback "$R" --code "$CODE" --verdict unsatisfied --request-review >/dev/null &&
	jrc move "$R" review_answered --answer "复查：维持" >/dev/null
ok $? "review asked for and answered"
out=$(jrc terminate "$R" --reason "已复查" --channel "$COURT" 2>&1); st=$?
is "$st" 2 "refused after the review"
jrc feedback "$R" --code "$CODE" --verdict unsatisfied --request-review >/dev/null
ok $? "re-review asked for"
export JRC_NOW=2026-11-20T10:00:00+08:00
jrc move "$R" rereview_answered --answer "复核：维持原处理意见" >/dev/null
ok $? "re-review answered"

before=$(dbstate)
out=$(jrc terminate "$R" --reason "已复核" --channel "$COURT" --role desk 2>&1); st=$?
is "$st" 2 "a desk clerk may not conclude"
out=$(jrc terminate "$R" --reason "已复核" --channel "$COURT" --role handler 2>&1); st=$?
is "$st" 2 "nor a handler"
out=$(jrc terminate "$R" --channel "$COURT" 2>&1); st=$?
is "$st" 2 "a reason is needed"
like "$out" "reason is needed" "and said"
out=$(jrc terminate "$R" --reason "已复核" 2>&1); st=$?
is "$st" 2 "the remaining channel is needed"
like "$out" "legal way remains open" "and said"
out=$(jrc terminate "$R" --slip --printer "file:$T_DIR/none.bin" 2>&1); st=$?
is "$st" 2 "no slip before the conclusion"
is "$(dbstate)" "$before" "the refusals changed nothing"

export JRC_NOW=2026-11-25T10:00:00+08:00
out=$(jrc terminate "$R" --reason "经答复、复查、复核，依法终结" --channel "$COURT" --staff S01 \
	--print --printer "file:$T_DIR/slip.bin" 2>&1); st=$?
is "$st" 0 "concluded after the re-review: $out"
like "$out" "lawfully concluded on 2026-11-25" "says the day"
is "$(q "SELECT state FROM cases WHERE receipt = '$R'")" terminated "the case is terminated"
is "$(q "SELECT actor || ' ' || from_state FROM lifecycle_steps WHERE to_state = 'terminated'")" \
	"staff:S01 rereview_answered" "the step names who and from where"
slip=$(decode "$T_DIR/slip.bin"); ok $? "the slip is ESC/POS within the paper's 48 columns"
like "$slip" "依法终结告知" "titled as a termination"
like "$slip" "$R" "with the receipt number"
like "$slip" "2026-11-25" "the day"
like "$slip" "浦江县人民法院" "and where the citizen can still go"
like "$slip" "You can still go to" "in English too"
jrc terminate "$R" --slip --printer "file:$T_DIR/again.bin" >/dev/null 2>&1
ok $? "the slip prints again"
like "$(decode "$T_DIR/again.bin")" "依法终结告知" "the same slip"

# Final: nothing moves it, no verdict, tick leaves it.
before=$(dbstate)
out=$(jrc move "$R" closed --reason x 2>&1); st=$?
is "$st" 2 "a concluded case cannot be closed"
like "$out" "lawfully concluded on 2026-11-25: it is final" "said plainly"
out=$(jrc feedback "$R" --code "$CODE" --verdict unsatisfied --request-review 2>&1); st=$?
is "$st" 2 "nor reviewed again"
like "$out" "You can still go to: 浦江县人民法院" "the citizen is told where to go"
export JRC_NOW=2027-03-01T10:00:00+08:00
jrc tick >/dev/null; ok $? "tick runs"
is "$(dbstate)" "$before" "and changes nothing on it"
status=$(jrc status "$R" --code "$CODE"); ok $? "the citizen looks it up"
like "$status" "Lawfully concluded" "the status says it is concluded"
like "$status" "Where you can still go: 浦江县人民法院" "and where to go"

# The same matter again: registered, linked, told.
R2=$(file_land "还是征地补偿的事"); ok $? "the same person files the same matter again: registered"
is "$(q "SELECT c.state || ' ' || o.receipt FROM cases c JOIN cases o ON o.id = c.related_case WHERE c.receipt = '$R2'")" \
	"registered $R" "linked to the concluded case"
is "$(q "SELECT count(*) FROM concluded_links k JOIN cases c ON c.id = k.case_id WHERE c.receipt = '$R2'")" 1 \
	"a link row"
is "$(q "SELECT note FROM events WHERE kind = 'concluded_link'")" "$R" "recorded in the chain, naming the concluded case"
jrc print "$R2" --printer "file:$T_DIR/r2.bin" --lang en >/dev/null 2>&1; ok $? "its receipt prints"
receipt=$(decode "$T_DIR/r2.bin")
like "$receipt" "此事项已依法终结" "the receipt says the matter was concluded"
like "$receipt" "2026-11-25" "on that day"
like "$receipt" "浦江县人民法院" "and where to go"
unlike "$receipt" "受理期限" "no acceptance promise on it"
unlike "$receipt" "you will hear by" "in either language"
C2=$(q "SELECT query_code FROM cases WHERE receipt = '$R2'")
status=$(jrc status "$R2" --code "$C2"); ok $? "the citizen looks the new filing up"
like "$status" "already lawfully concluded on 2026-11-25 \(number $R\)" "it says the matter was concluded"
like "$status" "Where you can still go: 浦江县人民法院" "and where to go"
like "$(jrc status "$R2" --code "$C2" --json)" '"concluded_before":\{"receipt":"'"$R"'","on":"2026-11-25"' "in --json too"
R3=$(jrc file --category LAB --division 330726100 --name 王大姐 --id-number "$ID" \
	--phone 13912345678 --text "另一件事：工资" --channel kiosk); ok $? "another kind of matter"
is "$(q "SELECT count(*) FROM concluded_links k JOIN cases c ON c.id = k.case_id WHERE c.receipt = '$R3'")" 0 \
	"is not linked"
like "$(decode_r3() { jrc print "$R3" --printer "file:$T_DIR/r3.bin" >/dev/null 2>&1; decode "$T_DIR/r3.bin"; }; decode_r3)" \
	"受理期限" "and keeps its acceptance promise"

stats=$(jrc stats --json); ok $? "stats"
like "$stats" '"terminated":1' "counts the concluded matter apart"
like "$stats" '"linked_to_concluded":1' "and the filing linked to it"
like "$(jrc stats)" "Lawfully concluded" "in words too"

jrc verify >/dev/null 2>&1; ok $? "the chain verifies"
q "$(t_drop_trigger concluded_links_kept) UPDATE concluded_links SET linked_at = '2020-01-01T00:00:00Z'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a link changed behind the program's back is caught"
like "$out" "Case $R2: concluded_links.linked_at" "naming the case and the field"
done_testing
