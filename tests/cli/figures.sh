#!/usr/bin/env bash
# The figures (issue 18): summary tables kept with every filing, step,
# verdict and visit link, read by jrc stats --by; every figure equals a
# recount of the cases; jrc verify names a figure changed behind the
# program's back; a database from before the summary tables gets them
# filled by the migration.
. "$top_srcdir/tests/lib.sh"
export JRC_LANG=en
command -v sqlite3 >/dev/null || skip_all "sqlite3 missing"
command -v jq >/dev/null || skip_all "jq missing"
t_init_db
q() { sqlite3 "$JRC_DB" "$1"; }
file() { jrc file --anonymous "$@"; }

# October: two land cases in Huangzhai.  November: wages in Huangzhai and
# Baima, land in Baima, one at another site (HZ), one found on a visit.
export JRC_NOW=2026-10-12T10:00:00+08:00
O1=$(file --category LAN --division 330726100201 --text "征地一") &&
	O2=$(file --category LAN --division 330726100202 --text "征地二")
ok $? "two cases in October"
export JRC_NOW=2026-11-02T09:00:00+08:00
N1=$(file --category LAB --division 330726100201 --text "欠薪一") &&
	N2=$(file --category LAB --division 330726100201 --text "欠薪二") &&
	N3=$(file --category LAB --division 330726101201 --text "欠薪三") &&
	N4=$(file --category LAN --division 330726101 --text "征地三") &&
	N5=$(jrc --site HZ file --anonymous --category LAB --division 330726100202 --text "欠薪四")
ok $? "five cases in November, one at site HZ"

# N1 answered on time and rated satisfied; N2 answered late and rated
# unsatisfied; N3 left waiting past its acceptance deadline.
jrc move "$N1" accepted >/dev/null && jrc move "$N2" accepted >/dev/null
ok $? "two accepted"
code() { q "SELECT query_code FROM cases WHERE receipt = '$1'"; }
jrc move "$N1" answered --answer "已支付" >/dev/null; ok $? "one answered at once"
jrc feedback "$N1" --code "$(code "$N1")" --verdict satisfied >/dev/null; ok $? "  rated satisfied"
export JRC_NOW=2027-03-01T10:00:00+08:00
jrc move "$N2" answered --answer "迟到的答复" >/dev/null; ok $? "the other answered months late"
jrc feedback "$N2" --code "$(code "$N2")" --verdict unsatisfied >/dev/null; ok $? "  rated unsatisfied"

# The recount, straight from the cases with the sqlite3 shell.
recount() { # $1 = SQL expression for the key over cases c
	q "SELECT $1, count(*) FROM cases c LEFT JOIN divisions d ON d.code = c.division
	   GROUP BY 1 ORDER BY 1" | tr '\n' ' '
}
fig() { # $1 = --by value, $2 = jq for the key
	jrc stats --by "$1" --json | jq -r ".cells[] | \"\($2)|\(.total)\"" | tr '\n' ' '
}
is "$(fig category .category)" "$(recount c.category)" "by category: equal to a recount"
is "$(fig township .township)" \
	"$(recount "CASE d.level WHEN 'village' THEN d.parent ELSE d.code END")" "by township: equal to a recount"
is "$(fig village .village)" \
	"$(recount "CASE d.level WHEN 'village' THEN d.code ELSE '' END")" "by village: equal to a recount"
is "$(fig state .state)" "$(recount c.state)" "by state"
is "$(fig site .site)" "$(recount c.site)" "by site"
is "$(fig month .month)" "$(recount "substr(datetime(c.filed_at, '+8 hours'), 1, 7)")" "by month (local)"
is "$(jrc stats --by department --json | jq -r '[.cells[].total] | add')" 7 "by department: every case once"

j=$(jrc stats --by category --json)
is "$(printf '%s' "$j" | jq -c '.cells[] | select(.category == "LAB") | [.total, .answered, .on_time, .rated, .satisfied]')" \
	"[4,2,1,2,1]" "wages: 4 cases, 2 answered, 1 on time, 2 rated, 1 satisfied"
is "$(printf '%s' "$j" | jq -c '.cells[] | select(.category == "LAB") | [.open, .overdue]')" \
	"[2,2]" "wages: the two never accepted are open and past their deadline"
is "$(jrc stats --json | jq -c '[.total, .open, .overdue]')" "[7,5,5]" "the totals agree"
is "$(jrc stats --json | jq -c '[.by_verdict[] | [.key, .total]]')" \
	'[["satisfied",1],["unsatisfied",1]]' "the verdicts, from the same figures"

# Two dimensions, a site, a period.
j=$(jrc stats --by township,category --json)
is "$(printf '%s' "$j" | jq -r '.cells[] | "\(.township)/\(.category)=\(.total)"' | tr '\n' ' ')" \
	"330726100/LAB=3 330726100/LAN=2 330726101/LAB=1 330726101/LAN=1 " "a cross table, township by category"
is "$(jrc stats --by category --site HZ --json | jq -c '[.cells[] | [.category, .total]]')" \
	'[["LAB",1]]' "--site counts one site's cases"
is "$(jrc stats --site PJ --json | jq .total)" 6 "and the whole breakdown too"
j=$(jrc stats --by category --from 2026-11-01 --to 2026-11-30 --json)
is "$(printf '%s' "$j" | jq -c '[.cells[] | [.category, .total]]')" '[["LAB",4],["LAN",1]]' "a month's figures"
is "$(printf '%s' "$j" | jq -c '[.trend[] | [.key, .now, .before]]')" \
	'[["LAB",4,0],["LAN",1,2]]' "against the 30 days before, wages rising first"
is "$(jrc stats --by category --from 2026-11-02 --to 2026-11-02 --json | jq '[.cells[].total] | add')" 5 \
	"one day, read from the daily figures"
is "$(jrc stats --by category --from 2026-10-10 --to 2026-11-15 --json | jq '[.cells[].total] | add')" 7 \
	"days either side of no whole month"
is "$(jrc stats --by category --from 2026-09-15 --to 2026-12-15 --json | jq '[.cells[].total] | add')" 7 \
	"days either side of whole months"
out=$(jrc stats --from 2026-11-01 --to 2026-11-30)
like "$out" "Categories rising fastest.*" "plain stats names the categories rising fastest"
like "$out" "Work and unpaid wages +4 +0 +\+4" "  wages first"
out=$(jrc stats --by township,category)
like "$out" "Huangzhai Town +3 +2 +5" "the cross table in text: a row per township, a total"

# A leader's visit matter counts under its source.
export JRC_NOW=2026-12-10T10:15:00+08:00
jrc visit add --host G01 --date 2026-12-10 --start 09:00 --end 11:30 --division 330726100201 \
	--place 黄宅村村委会 >/dev/null && V=$(jrc file --visit 1 --category VIL --anonymous --text "村道")
ok $? "a matter raised on a leader's visit"
is "$(jrc stats --by source --json | jq -c '[.cells[] | [.source, .total]]')" \
	'[["cli",7],["visit",1]]' "by source: the visit's matter apart"

# Bad input: a sentence, exit 2, nothing written.
before=$(q "SELECT count(*) FROM events")
out=$(jrc stats --by colour 2>&1); st=$?
is "$st" 2 "an unknown dimension is a usage error"
like "$out" "--by takes one or two of state, category" "  naming the dimensions"
out=$(jrc stats --by category,category 2>&1); st=$?
is "$st" 2 "the same dimension twice"
out=$(jrc stats --by category,township,month 2>&1); st=$?
is "$st" 2 "three dimensions"
out=$(jrc stats --by category --from 2026-11-30 --to 2026-11-01 2>&1); st=$?
is "$st" 2 "a period that ends before it starts"
like "$out" "give --from before --to" "  says what to do"
out=$(jrc stats --by category --from 2026-13-01 2>&1); st=$?
is "$st" 2 "a date that is not one"
is "$(q "SELECT count(*) FROM events")" "$before" "the refusals wrote nothing"

# jrc verify recounts: a figure changed behind the program's back is named.
out=$(jrc verify); ok $? "verify passes"
like "$out" "summary figures \(jrc stats\) agree" "  and says the figures agree"
q "UPDATE tally_month SET n = n + 1 WHERE month = '2026-11' AND category = 'LAN'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a changed monthly figure fails verify"
like "$out" "disagree with a recount of the cases: 1; first, the month figures for 2026-11 PJ LAN 330726101 .* count 2 where a recount of the cases gives 1" "  naming it"
is "$(jrc verify --json 2>/dev/null | jq -c '[.ok, .figure_differences]')" "[false,1]" "  --json counts it"
q "UPDATE tally_month SET n = n - 1 WHERE month = '2026-11' AND category = 'LAN'"
q "UPDATE tally_all SET on_time = on_time + 1 WHERE category = 'LAB' AND state = 'answered'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a changed on-time count fails verify"
like "$out" "all figures for all time .* do not give" "  naming it"
q "UPDATE tally_all SET on_time = on_time - 1 WHERE category = 'LAB' AND state = 'answered'"
q "UPDATE tally_total SET overdue = overdue + 1 WHERE category = 'LAB' AND state = 'registered'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a changed overdue count in the all-time totals fails verify"
like "$out" "total figures for all time PJ LAB +RSJ registered cli have answers" "  naming it"
q "UPDATE tally_total SET overdue = overdue - 1 WHERE category = 'LAB' AND state = 'registered'"
jrc verify >/dev/null; ok $? "put back, verify passes again"

# The fold: a write counts into the day's figures alone and keeps the
# numbers pending for the month, all-time and total figures; the first
# write of a later day (or jrc tick) adds them there.  The figures read
# the same before and after, and verify agrees with both.
export JRC_NOW=2026-12-10T11:00:00+08:00
F=$(file --category LAB --division 330726100201 --text "当天的")
ok $? "a filing later the same day"
# Pending: a row marked dirty, or any row of the day the tables are as of
# (a filing writes its row unmarked, one index entry less).
pending="(dirty OR day = (SELECT as_of FROM tally_clock))"
is "$(q "SELECT sum(p_n) > 0 FROM tally_day WHERE $pending")" 1 "  its count is pending in the day's figures"
is "$(q "SELECT dirty FROM tally_day WHERE day = '2026-12-10' AND category = 'LAB' AND division = '330726100201'")" 0 \
	"  its row unmarked: pending by its day"
is "$(q "SELECT (SELECT sum(n) FROM tally_total) < (SELECT count(*) FROM cases)")" 1 \
	"  not yet in the all-time totals"
before_fold=$(jrc stats --by category,state --json | jq -c .cells)
is "$(jrc stats --json | jq .total)" "$(q "SELECT count(*) FROM cases")" "  jrc stats counts it all the same"
jrc verify >/dev/null; ok $? "  verify agrees"
q "UPDATE tally_day SET p_n = p_n + 1 WHERE $pending AND category = 'LAB'"
out=$(jrc verify 2>&1); st=$?
is "$st" 1 "a changed pending count fails verify"
like "$out" "month figures for 2026-12 .* LAB" "  naming the month it would go into"
q "UPDATE tally_day SET p_n = p_n - 1 WHERE $pending AND category = 'LAB'"
jrc tick >/dev/null; ok $? "jrc tick folds them"
is "$(q "SELECT count(*) FROM tally_day WHERE dirty OR p_n <> 0")" 0 "  nothing pending"
is "$(q "SELECT (SELECT sum(n) FROM tally_total) = (SELECT count(*) FROM cases)")" 1 \
	"  the all-time totals hold every case"
is "$(jrc stats --by category,state --json | jq -c .cells)" "$before_fold" "  the figures read the same"
jrc verify >/dev/null; ok $? "  and verify agrees"

# Overdue is kept as of the last write's day: on a later day, before any
# write, stats adds the deadlines that fell since; a write (here jrc tick)
# brings the tables to that day; the clock set back takes them off again.
export JRC_NOW=2027-03-02T10:00:00+08:00
is "$(q "SELECT as_of FROM tally_clock")" 2026-12-10 "the tables hold overdue as of the last write's day (the visit)"
export JRC_NOW=2026-11-10T10:00:00+08:00
out1=$(jrc stats --by township --json | jq -c '[.cells[] | [.township, .overdue]]')
is "$out1" '[["330726100",2],["330726101",0]]' "back on 10 November only October's two are overdue (read-only)"
jrc tick >/dev/null; ok $? "a write on that day"
is "$(q "SELECT as_of FROM tally_clock")" 2026-11-10 "  brings the tables to it"
is "$(jrc stats --by township --json | jq -c '[.cells[] | [.township, .overdue]]')" "$out1" "  with the same figures"
jrc verify >/dev/null; ok $? "  and verify agrees"
export JRC_NOW=2026-12-20T10:00:00+08:00
want=$(q "SELECT count(*) FROM cases WHERE state IN ('registered','accepted','extended','in_mediation','redirected','review_requested','rereview_requested') AND due_on < '2026-12-20'")
is "$(jrc stats --json | jq .overdue)" "$want" "forward again, read-only: every deadline passed counts"
jrc tick >/dev/null && jrc verify >/dev/null; ok $? "a write brings them forward; verify agrees"
is "$(jrc stats --json | jq .overdue)" "$want" "  same figure"

# The clock set back while a case is filed into a row it shares with an
# overdue one: the new case, written but not yet counted, is not taken
# off the overdue count as the clock goes back.
export JRC_NOW=2026-11-05T10:00:00+08:00
file --category SOC --division 330726100203 --text "社保一" >/dev/null
export JRC_NOW=2027-06-01T10:00:00+08:00
jrc tick >/dev/null
export JRC_NOW=2026-11-25T10:00:00+08:00
file --category SOC --division 330726100203 --text "社保二" >/dev/null
jrc verify >/dev/null; ok $? "filed with the clock set back into a shared row: verify agrees"
is "$(jrc stats --by category --json | jq -c '.cells[] | select(.category == "SOC") | [.total, .overdue]')" \
	"[2,1]" "  one of the two is overdue on 25 November"

# A day's filings, unmarked, go into the month and the totals with the
# first write of the next day, before the clock moves on.
export JRC_NOW=2027-01-05T10:00:00+08:00
jrc tick >/dev/null
file --category LAB --division 330726100202 --text "一月五日一" >/dev/null &&
	file --category LAB --division 330726100202 --text "一月五日二" >/dev/null
ok $? "two filings on 5 January"
is "$(q "SELECT n, p_n, dirty FROM tally_day WHERE day = '2027-01-05' AND category = 'LAB'")" "2|2|0" \
	"  one row, both pending by its day, unmarked"
before_fold=$(jrc stats --by category,state --json | jq -c .cells)
export JRC_NOW=2027-01-06T09:00:00+08:00
file --category ENV --division 330726100202 --text "一月六日" >/dev/null; ok $? "a filing the next day"
is "$(q "SELECT p_n, dirty FROM tally_day WHERE day = '2027-01-05' AND category = 'LAB'")" "0|0" \
	"  the 5th folded"
is "$(q "SELECT sum(n) FROM tally_month WHERE month = '2027-01' AND category = 'LAB'")" 2 "  into January"
is "$(jrc stats --by category,state --json | jq -c '[.cells[] | select(.category != "ENV")]')" \
	"$(echo "$before_fold" | jq -c '[.[] | select(.category != "ENV")]')" "  the figures read the same"
jrc verify >/dev/null; ok $? "  and verify agrees"

# A database from before the summary tables: the migration fills them.
want=$(jrc stats --by village,state --json | jq -c .cells)
# What schema versions 4 and 5 add, taken away (a new version-5 block adds
# its objects here).
q "DROP TABLE handling_steps; DROP TABLE case_handling; DROP TABLE sites;
   DROP TABLE tally_day; DROP TABLE tally_month; DROP TABLE tally_all; DROP TABLE tally_total;
   DROP TABLE tally_clock; DROP INDEX cases_owed;
   DROP TABLE alert_cases; DROP TABLE alerts; DROP TABLE alert_rules;
   DROP INDEX cases_place_filed; DROP INDEX cases_id_filed; DROP INDEX cases_phone_filed;
   DROP TABLE help_requests; DROP TABLE tickets; DROP TABLE windows; DROP INDEX lifecycle_steps_day;
   DROP TABLE sms_outbox; DROP TABLE sms_consent;
   DROP INDEX cases_filing_token; ALTER TABLE cases DROP COLUMN filing_token;
   PRAGMA user_version = 3"
jrc import >/dev/null; ok $? "a command that writes opens the old database"
is "$(q "PRAGMA user_version")" 7 "it is migrated (to version 7)"
is "$(q "SELECT sql FROM sqlite_master WHERE name = 'tally_day_dirty'")" "CREATE INDEX tally_day_dirty ON tally_day(dirty) WHERE dirty <> 0" \
	"  with the pending rows' index as version 6 says it"
is "$(q "SELECT count(*) FROM pragma_index_list('cases') WHERE name = 'cases_filing_token' AND \"unique\"")" 1 \
	"  and the filing tokens' unique index (version 7)"
is "$(q "SELECT count(*) FROM sites WHERE code IN ('PJ','HZ')")" 2 "  and has the sites (version 5) again"
is "$(q "SELECT count(*) FROM pragma_table_info('tally_day') WHERE name IN ('p_n', 'dirty')")" 2 \
	"  and the pending figures (version 5)"
is "$(jrc stats --by village,state --json | jq -c .cells)" "$want" "the figures are as before"
jrc verify >/dev/null; ok $? "and verify passes"
done_testing
