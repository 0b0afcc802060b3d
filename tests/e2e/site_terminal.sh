#!/usr/bin/env bash
# A terminal at a site of its own (jrc --site), as every township's is on
# the county server whose settings all sites share: its kiosk numbers
# receipts for its site and heads its screens and papers with the site's
# name and address; it offers none of the county hall's windows, numbers
# or rooms (the rooms it names after the hall); its desk lists the site's
# cases and has no queue to call and no appointments to receive; its
# board counts the site's filings; a site not listed is refused at start;
# the database's own setting stays.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"

# ---------------------------------------------------------------- the command line
out=$(jrc --site QQ list 2>&1); st=$?
is "$st" 2 "a site not listed is refused (exit 2)"
like "$out" "There is no site 'QQ' in the list of sites" "  with a sentence naming it"
like "$out" "jrc sites" "  and what to look at"
is "$(jrc --site HZ settings site_code)" HZ "--site HZ: the terminal's site is Huangzhai"
is "$(jrc --site HZ settings site_division)" 330726100 "  its division is Huangzhai's"
is "$(jrc settings site_code)" PJ "the database's own setting is unchanged"
is "$(jrc settings site_division)" 330726 "  and so is its division"
out=$(jrc --site HZ queue take 2>&1); st=$?
is "$st" 2 "no number is taken at Huangzhai from the county hall's windows (exit 2, refused)"
like "$out" "hall at site PJ; this terminal is at site HZ" "  and the sentence says why"
R0=$(jrc queue take 2>&1); ok $? "at the county center a number is taken as before"
like "$(jrc queue list)" "A001" "  and listed there"
unlike "$(jrc --site HZ queue list)" "A001" "  but not at Huangzhai (nor on a board there)"

# ---------------------------------------------------------------- the kiosk at Huangzhai
K_SITE=HZ k_start 80 24 xterm-256color --lang zh --printer "file:$T_DIR/hz.bin"
tm_wait '浦江县信访联合接待中心 · 黄宅镇'; ok $? "the kiosk at Huangzhai heads with the center's name and the site's"
scr=$(tm_screen)
unlike "$scr" "取号|预约签到" "  it offers no number for a window and no check-in of the county hall"
like "$scr" "我要反映问题" "  filing is offered"
tm_keys F2
tm_wait 'Huangzhai Town +[A-Z][a-z]+day'; ok $? "in English the title bar gives the site's name whole beside the date"
unlike "$(tm_screen | head -1)" "Reception Center · Huangzhai T" "  never cut short"
k_walk_en "Boss owes me three months of wages"; tm_keys Enter
tm_wait 'HZ[0-9]{6}-[0-9]{4}-[0-9]'; ok $? "the receipt number is Huangzhai's"
R=$(k_receipt)
scr=$(tm_screen)
unlike "$scr" "window [0-9]|Your number" "  no window or number of the county hall on the screen"
tm_press_until Enter '欢迎' 5; ok $? "home again for the next person"
k_stop
text=$("$FP" decode GB18030 "$T_DIR/hz.bin" 48)
like "$text" "$R" "the printed receipt carries the number"
like "$text" "浦江县信访联合接待中心 · 黄宅镇" "  the site's name under the center's"
like "$text" "地址：黄宅镇社会治理中心" "  the site's address"
unlike "$text" "窗口|window|排队号" "  and no window or queue number"

# ---------------------------------------------------------------- looking it up
CODE=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$R'")
out=$(JRC_LANG=en jrc --site HZ status "$R" --code "$CODE")
like "$out" "Department: +.* \(phone [0-9-]+\)" "status at Huangzhai: the department and its phone"
unlike "$out" "window" "  no window of the county hall"
out=$(JRC_LANG=en jrc status "$R" --code "$CODE")
like "$out" "\(window [0-9]+, phone" "at the county center the department's window is given"

# ---------------------------------------------------------------- the kiosk at the county center
k_start 80 24 xterm-256color --lang zh
tm_wait '欢迎'; ok $? "the county center's kiosk"
scr=$(tm_screen)
unlike "$scr" "黄宅镇" "  heads with the center's name alone"
like "$scr" "取号" "  and offers a number for a window"
k_stop

# ---------------------------------------------------------------- the hall's rooms, from Huangzhai
# The roster's rooms are the county hall's: at Huangzhai they are named
# with the hall's name, so nobody looks for 领导接待室 in the township.
out=$(JRC_LANG=en jrc --site HZ schedule --kind leader)
like "$out" "Pujiang County Joint Reception Center, Leaders' reception room" \
	"jrc schedule at Huangzhai names the hall with the room"
out=$(JRC_LANG=en jrc schedule --kind leader)
like "$out" "\) +Leaders' reception room" "  at the county center the room alone"
K_SITE=HZ k_start 80 24 xterm-256color --lang en
tm_wait 'Leader reception days'
tm_keys "$(k_num 'Leader reception days')"
tm_wait 'County leaders receive citizens'; ok $? "the leader days at Huangzhai"
like "$(tm_screen)" "Where: Pujiang County Joint Reception" "  say where: the county hall's room"
tm_keys F2
tm_wait '县领导在这些日子接待群众'
like "$(tm_screen)" '地点：县联合接待中心 领导接待室' "  in Chinese too"
k_stop

# ---------------------------------------------------------------- the desk at Huangzhai
printf 'secret123\n' | jrc staff add D001 --name 张前台 --role desk >/dev/null
RP=$(t_file_one "县里的一件"); ok $? "a case filed at the county center"
tm_start 80 24 env JRC_DB="$JRC_DB" JRC_NOW="$JRC_NOW" JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" \
	JRC_DATA="$JRC_DATA" TERM=xterm-256color "$JRC" --site HZ desk --lang en
tm_wait "Staff ID" 10
tm_type D001; tm_keys Tab; tm_type secret123; tm_keys Enter
tm_wait "Front desk: 张前台" 10; ok $? "logged in at Huangzhai"
tm_wait "$R" 5; ok $? "the worklist has Huangzhai's case"
scr=$(tm_screen)
like "$scr" "Site: Huangzhai Town" "  it is Huangzhai's"
unlike "$scr" "$RP" "  not the county's"
unlike "$scr" "W queue" "  and offers no queue"
unlike "$scr" "A appointments|Today: [0-9]+ appointments" "  nor the hall's appointments"
tm_keys W
tm_wait "no queue to call here" 5; ok $? "W says there is no queue at this site"
tm_keys A
tm_wait "by its staff, not at this site" 5; ok $? "A says appointments are received at the hall"
tm_keys G
tm_wait "site Huangzhai Town \(HZ\)" 5; ok $? "G: the figures start at Huangzhai, named"
tm_keys S
tm_wait "Statistics: this month; site Pujiang County Joint Reception Center *$" 5
ok $? "  S shows the other sites', a long name whole (the period's dates give way)"
tm_stop

# ---------------------------------------------------------------- failed prints
# A township reprints for its own citizens, who stand there; the hall
# sees every site's.
jrc print "$R" --printer "file:$T_DIR/no/such/dir/r.bin" >/dev/null 2>&1
jrc print "$RP" --printer "file:$T_DIR/no/such/dir/r.bin" >/dev/null 2>&1
out=$(jrc --site HZ print --failed)
like "$out" "$R" "jrc print --failed at Huangzhai lists its receipt whose print failed"
unlike "$out" "$RP" "  not the county center's"
out=$(jrc print --failed)
like "$out" "$R" "at the county center both are listed"
like "$out" "$RP" "  both"

# ---------------------------------------------------------------- the board at Huangzhai
# The day's figures on a township's board are the township's own.
board_at() { # SITE... : the board's figures line
	tm_start 80 24 env JRC_DB="$JRC_DB" JRC_NOW="$JRC_NOW" JRC_LOCALEDIR="${JRC_LOCALEDIR:-}" \
		JRC_DATA="$JRC_DATA" TERM=xterm-256color "$JRC" "$@" board --lang en
	tm_wait "Today: filed" 10 && tm_screen | grep -o 'Today: filed [0-9]*'
	tm_stop
}
hz=$(sqlite3 "$JRC_DB" "SELECT count(*) FROM cases WHERE site = 'HZ'")
all=$(sqlite3 "$JRC_DB" "SELECT count(*) FROM cases")
[ "$hz" -lt "$all" ]; ok $? "cases filed at both sites ($hz of $all at Huangzhai)"
is "$(board_at --site HZ)" "Today: filed $hz" "the board at Huangzhai counts Huangzhai's filings"
is "$(board_at)" "Today: filed $all" "  the county center's board every filing"

# ---------------------------------------------------------------- a township's own database
# Its settings describe its own hall: the name and address it was given
# stand, without the site's name after them or sites.csv's address.
jrc settings site_code HZ >/dev/null && jrc settings center_name_zh 黄宅镇社会治理中心 >/dev/null &&
	jrc settings address_zh 黄宅镇人民路1号 >/dev/null; ok $? "the database made Huangzhai's own"
k_start 80 24 xterm-256color --lang zh
tm_wait '黄宅镇社会治理中心'; ok $? "its kiosk heads with the name in its settings"
unlike "$(tm_screen)" "· 黄宅镇" "  without the site's name after it again"
like "$(tm_screen)" "取号" "  and the hall's windows are its own"
k_stop
text=$(jrc print "$R" --printer file:- | "$FP" decode GB18030 /dev/stdin 48)
like "$text" "地址：黄宅镇人民路1号" "a receipt printed there gives the address in its settings"
done_testing
