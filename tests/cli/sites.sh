#!/usr/bin/env bash
# Sites and the three levels (三级联动): sites.csv is imported and checked
# with clear sentences; jrc sites lists them; the site_code setting must
# be one of them; a case is assigned down with a by-date inside its
# statutory deadline (a later one refused, naming the latest allowed
# date), escalated to the parent site, handled jointly with each
# department's part; the state and deadline do not move; the events are
# in the chain and verify catches a changed handling row; the citizen
# reads a plain sentence at any site's kiosk, without the internal notes.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
command -v jq >/dev/null 2>&1 || skip_all "jq is needed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
export JRC_LANG=en
q() { sqlite3 "$JRC_DB" "$@"; }
dbstate() {
	q "SELECT count(*) FROM events; SELECT count(*) FROM handling_steps;
	   SELECT count(*) FROM case_handling; SELECT group_concat(site || lead || partners) FROM case_handling;
	   SELECT state || due_on FROM cases ORDER BY id" | tr '\n' ' '
}

# ---- the list of sites
out=$(jrc sites); ok $? "jrc sites lists the sites"
like "$out" "^PJ +county +Pujiang County Joint Reception Center" "the county center first"
like "$out" "HZ +township +Huangzhai Town, under PJ" "a township under it"
like "$out" "HZC +village +Huangzhai Village, under HZ" "a village point under its township"
is "$(jrc sites --json | jq -r '[.[] | select(.level == "township")] | length')" 15 "one center for each of the 15 townships"
is "$(jrc sites --json | jq -r '.[] | select(.code == "HZ") | .division + " " + .parent + " " + .name_zh')" \
	"330726100 PJ 黄宅镇" "--json carries division, parent and Chinese name"
is "$(JRC_LANG=zh jrc sites | grep '^  HZ ' | sed 's/  */ /g')" " HZ 乡镇 黄宅镇，属 PJ" "in Chinese too"

# ---- bad rows are refused with the file, the line and a sentence
bad() { # $1 = a row added to a copy of data/; prints what import said
	rm -rf "$T_DIR/data" && cp -r "$JRC_DATA" "$T_DIR/data" &&
		printf '%s\n' "$1" >>"$T_DIR/data/sites.csv" &&
		jrc --data "$T_DIR/data" import 2>&1
}
before=$(q "SELECT group_concat(code) FROM sites WHERE active <> 0")
out=$(bad "hz,township,PJ,330726100,x,x,"); is $? 2 "a lower-case code is refused"
like "$out" "sites.csv:22: code 'hz' must be 2 to 4 capital letters" "  with file, line and what is allowed"
out=$(bad "QQ,township,ZZZ,330726100,x,x,"); is $? 2 "an unknown parent is refused"
like "$out" "parent 'ZZZ' is not a site listed above this line" "  saying so"
out=$(bad "QQ,village,PJ,330726100201,x,x,"); is $? 2 "a village under the county is refused"
like "$out" "a village point's parent must be a township site" "  saying so"
out=$(bad "QQ,township,PJ,330726100201,x,x,"); is $? 2 "a township site on a village's division is refused"
like "$out" "is a village, but the site is a township" "  saying so"
out=$(bad "QQ,village,HZ,330726101201,x,x,"); is $? 2 "a village of another township is refused"
like "$out" "does not lie in the division of the parent site HZ" "  saying so"
out=$(bad "QQ,county,,330726,x,x,"); is $? 2 "a second county center is refused"
out=$(bad "QQ,township,PJ,999999999,x,x,"); is $? 2 "an unknown division is refused"
like "$out" "division '999999999' is not in divisions.csv" "  saying so"
is "$(q "SELECT group_concat(code) FROM sites WHERE active <> 0")" "$before" "a bad file changes nothing"

# ---- the site's own code must be a listed site
out=$(jrc settings site_code XQ 2>&1); is $? 2 "a site code not among the sites is refused"
like "$out" "no site 'XQ' in the list of sites" "  with a sentence"
is "$(jrc settings site_code)" PJ "  and the setting is unchanged"
jrc settings site_code HZ && jrc settings site_code PJ; ok $? "a listed site code is taken"
# A site named on the command line for one filing is held to the same list.
n=$(q "SELECT count(*) FROM cases")
out=$(jrc --site XQ file --anonymous --category LAB --division 330726100201 --text "站点" 2>&1)
is $? 2 "a filing at a site not among the sites is refused"
like "$out" "no site 'XQ' in the list of sites" "  with the sentence"
is "$(q "SELECT count(*) FROM cases")" "$n" "  and nothing is filed"
# ... and so is the site a new database is made for.
out=$(jrc --db "$T_DIR/other.db" --site XQ init 2>&1); is $? 2 "init for a site not among the sites is refused"
like "$out" "no site 'XQ' in the list of sites" "  with the sentence"
[ ! -e "$T_DIR/other.db" ]; ok $? "  and leaves no database behind"
jrc --db "$T_DIR/other.db" --site HZ init >/dev/null &&
	is "$(jrc --db "$T_DIR/other.db" settings site_code)" HZ "init for a listed site sets it"
is "$(jrc --db "$T_DIR/other.db" settings site_division)" 330726100 "  and its division: Huangzhai's visits and surveys"
out=$(jrc --db "$T_DIR/other.db" --site BM file --anonymous --category LAB --division 330726100201 --text "站点")
ok $? "a filing at another listed site"
like "$out" "^BM[0-9]{6}-" "  is numbered for it"

# ---- a case to pass between levels: due 2026-12-14 (accept within 15 days)
R=$(t_file_one "包工头欠我工资 8000 元"); ok $? "file a case at the county center"
is "$(q "SELECT due_on FROM cases WHERE receipt = '$R'")" 2026-12-14 "  due 2026-12-14"
printf 'password 1\n' | jrc staff add D01 --name 张前台 --role desk >/dev/null; ok $? "a desk clerk"

before=$(dbstate)
out=$(jrc assign "$R" --to HZ --by 2026-12-20 --note "请核实" 2>&1); st=$?
is "$st" 2 "a by-date past the statutory deadline is refused"
like "$out" "^jrc: .*the latest date allowed is 2026-12-14" "  naming the latest date allowed"
out=$(jrc assign "$R" --to HZ --by 2026-11-28 --note "请核实" 2>&1); is $? 2 "a by-date already passed is refused"
like "$out" "from 2026-11-29 to 2026-12-14" "  naming the dates allowed"
out=$(jrc assign "$R" --to HZ --by 2026-12-3 --note "请核实" 2>&1); is $? 2 "a by-date that is not a date is refused"
out=$(jrc assign "$R" --to XX --by 2026-12-10 --note "请核实" 2>&1); is $? 2 "an unknown site is refused"
like "$out" "no site 'XX'" "  saying so"
out=$(jrc assign "$R" --to PJ --by 2026-12-10 --note "请核实" 2>&1); is $? 2 "the county cannot assign to itself"
like "$out" "assigned only down" "  a case goes only down"
out=$(jrc assign "$R" --to HZ --by 2026-12-10 --note "   " 2>&1); is $? 2 "instructions are needed"
like "$out" "instructions are missing" "  saying so"
out=$(jrc assign "$R" --to HZ --by 2026-12-10 2>&1); is $? 2 "--note is needed"
out=$(jrc escalate "$R" --reason "解决不了" 2>&1); is $? 2 "the county center has nothing above it"
like "$out" "the top level" "  saying so"
is "$(dbstate)" "$before" "nothing refused changed anything"

out=$(jrc assign "$R" --to HZ --by-date 2026-12-14 --note "请黄宅镇核实工资数额" --staff D01); ok $? "assigned down to Huangzhai on the last day allowed"
like "$out" "assigned to HZ" "  it says so"
is "$(q "SELECT state || ' ' || due_on FROM cases WHERE receipt = '$R'")" "registered 2026-12-14" \
	"  the state and the statutory deadline are as they were"
j=$(jrc show "$R" --json)
is "$(printf '%s' "$j" | jq -r '.events[-1] | .kind + " " + .actor')" "assign staff:D01" "  an assign event in the case's history"
like "$(printf '%s' "$j" | jq -r '.events[-1].note')" "instructions: 请黄宅镇核实工资数额" "  with the instructions"
out=$(jrc assign "$R" --to BM --by 2026-12-10 --note "x" 2>&1); is $? 2 "Huangzhai cannot pass it sideways to Baima"
out=$(jrc assign "$R" --to HZC --by 2026-12-12 --note "请村里先调解" --json); ok $? "Huangzhai passes it on down to its village point"
is "$(printf '%s' "$out" | jq -r '.site + " " + .moved + " " + .by')" "HZC assigned 2026-12-12" "  --json: where and by when"

out=$(jrc escalate "$R" --reason "  " 2>&1); is $? 2 "escalating needs a reason"
jrc escalate "$R" --reason "村里调解不成" >/dev/null; ok $? "the village point escalates to Huangzhai"
is "$(q "SELECT site FROM case_handling")" HZ "  Huangzhai handles it again"
jrc escalate "$R" --reason "涉及多个部门，镇里解决不了" >/dev/null; ok $? "Huangzhai escalates to the county"
is "$(q "SELECT site FROM case_handling")" PJ "  the county center handles it"

# ---- joint handling
before=$(dbstate)
out=$(jrc joint "$R" --lead RSJ --with RSJ 2>&1); is $? 2 "the lead is not named again among the others"
out=$(jrc joint "$R" --lead RSJ --with NOPE 2>&1); is $? 2 "an unknown department is refused"
like "$out" "Unknown department 'NOPE'" "  saying so"
out=$(jrc joint "$R" --lead RSJ --with XFJ,XFJ 2>&1); is $? 2 "a department named twice is refused"
out=$(jrc joint "$R" --part "已约谈" --department XFJ 2>&1); is $? 2 "no part before joint handling is set up"
like "$out" "not handled jointly" "  saying so"
out=$(jrc joint "$R" --lead RSJ 2>&1); is $? 2 "--with is needed"
is "$(dbstate)" "$before" "nothing refused changed anything"
jrc joint "$R" --lead RSJ --with XFJ,ZRJ >/dev/null; ok $? "RSJ leads, with XFJ and ZRJ"
jrc joint "$R" --part "已约谈包工头，承诺月底前支付" --department XFJ >/dev/null; ok $? "XFJ adds its part"
out=$(jrc joint "$R" --part "x" --department WJJ 2>&1); is $? 2 "a department not taking part cannot add a part"
is "$(q "SELECT group_concat(kind, ' ') FROM handling_steps")" "assigned assigned escalated escalated joint joint_part" \
	"every step kept in order"
is "$(q "SELECT state || ' ' || due_on FROM cases WHERE receipt = '$R'")" "registered 2026-12-14" \
	"the state and deadline still as they were"
jrc move "$R" accepted >/dev/null; ok $? "the lifecycle goes on as before"

# ---- the chain covers it
jrc verify >/dev/null; ok $? "verify passes"
t_db_keep good
q "UPDATE case_handling SET site = 'BM'"
out=$(jrc verify 2>&1); is $? 1 "a handling site changed behind the program's back: verify exits 1"
like "$out" "Case $R.*case_handling" "  naming the case and the table"
t_db_back good; rm -f "$JRC_DB-wal" "$JRC_DB-shm"
out=$(q "DELETE FROM handling_steps" 2>&1); like "$out" "kept as written" "a step cannot be deleted"

# ---- the citizen reads a sentence, at any site's kiosk
code=$(q "SELECT query_code FROM cases WHERE receipt = '$R'")
out=$(jrc status "$R" --code "$code")
like "$out" "Your matter has been passed up to Pujiang County Joint Reception Center\." "the citizen reads where it went"
like "$out" "handled jointly, led by Human Resources and Social Security Bureau together with" "  and who handles it jointly"
unlike "$out" "约谈|请黄宅镇|调解不成|D01|张前台" "  but no internal note and no staff"
out=$(JRC_LANG=zh jrc status "$R" --code "$code")
like "$out" "您的事项已上报县联合接待中心。" "in Chinese too"
like "$out" "您的事项由县人力资源和社会保障局牵头，会同县信访局、" "  with the joint handling"
R2=$(t_file_one "工地拖欠工资"); jrc assign "$R2" --to HZ --by 2026-12-10 --note "请核实" >/dev/null
code2=$(q "SELECT query_code FROM cases WHERE receipt = '$R2'")
jrc settings site_code HZ
out=$(JRC_LANG=zh jrc status "$R2" --code "$code2"); ok $? "a case of the county center is looked up at Huangzhai's kiosk"
like "$out" "您的事项已交由黄宅镇办理。" "  and says it was passed to Huangzhai"
is "$(jrc status "$R2" --code "$code2" --json | jq -r .handling)" \
	"Your matter has been passed to Huangzhai Town to handle." "  --json has the sentence"
is "$(jrc list --site HZ | awk '{print $1}' | sort | tr '\n' ' ')" "$(printf '%s\n' "$R2" | sort | tr '\n' ' ')" \
	"jrc list --site HZ: the case assigned to Huangzhai"
is "$(jrc list --site PJ | awk '{print $1}' | sort | tr '\n' ' ')" "$(printf '%s\n' "$R" "$R2" | sort | tr '\n' ' ')" \
	"jrc list --site PJ: the county's own, the one assigned down included"
out=$(jrc list --site hz 2>&1); is $? 2 "--site takes a site code"
R3=$(t_file_one "又一件"); ok $? "a case filed at Huangzhai"
like "$R3" "^HZ" "  has Huangzhai's receipt code"
jrc settings site_code PJ
jrc status "$R3" --code "$(q "SELECT query_code FROM cases WHERE receipt = '$R3'")" >/dev/null
ok $? "  and is looked up at the county center"
done_testing
