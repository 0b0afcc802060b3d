#!/usr/bin/env bash
# A county's server across versions of jrc (issue 15): a database laid out
# by an older jrc (schema version 6) is upgraded by the first command that
# writes with the database owner's login, in one transaction; a kiosk's
# login, or a command that reads, is told in a sentence who upgrades it and
# changes nothing.  And the filing token of version 7: a filing whose
# COMMIT reached the server but whose answer was lost with the link is
# found when it is tried again, not filed a second time.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/server.sh"
pg_ready jrc
export JRC_NOW=2026-12-03T09:30:00+08:00
export JRC_LANG=en
jrc init >/dev/null; ok $? "the record is laid out on the server"
newest=$(pg_psql jrc 'SELECT version FROM schema_version')
JRC_DB="$T_DIR/x.db" jrc init >/dev/null
is "$newest" "$(sqlite3 "$T_DIR/x.db" 'PRAGMA user_version')" \
	"a new server database is at the newest version, as a new file is ($newest)"
r=$(t_file_one "工资拖欠三个月"); ok $? "a case is filed"

# ---- a database as jrc laid it out before version 7
pg_psql jrc "DROP INDEX cases_filing_token; ALTER TABLE cases DROP COLUMN filing_token;
	UPDATE schema_version SET version = 6" >/dev/null
ok $? "(the database put back to version 6 as an older jrc laid it out)"
pg_psql jrc "CREATE ROLE kiosk_hz01 LOGIN IN ROLE jrc_kiosk" >/dev/null
kiosk=$(pg_uri jrc kiosk_hz01)
out=$(JRC_DB=$kiosk jrc file --category LAB --division 330726100201 --anonymous --text x 2>&1); rc=$?
ok $((rc == 0)) "a kiosk's login does not upgrade it"
like "$out" "schema version 6 and this jrc needs version $newest.*owner's login.*jrc tick" \
	"... and is told who does, and how"
out=$(jrc list 2>&1); rc=$?
ok $((rc == 0)) "nor does a command that reads, with the owner's login"
like "$out" "owner's login and a command that writes" "... told the same"
is "$(pg_psql jrc 'SELECT version FROM schema_version')" 6 "... and nothing changed"
is "$(pg_psql jrc 'SELECT count(*) FROM cases')" 1 "... the case is there"
out=$(jrc tick 2>&1); ok $? "the owner's jrc tick upgrades it"
is "$(pg_psql jrc 'SELECT version FROM schema_version')" "$newest" "... to the newest version"
is "$(pg_psql jrc "SELECT count(*) FROM pg_indexes WHERE indexname = 'cases_filing_token'")" 1 \
	"... with the filing tokens' unique index"
r2=$(JRC_DB=$kiosk t_file_one "第二件"); ok $? "the kiosk files again"
like "$r2" "^PJ261203-0002-" "... numbered on from before the upgrade"
out=$(jrc verify 2>&1); ok $? "jrc verify passes across the upgrade"

# ---- the answer to a COMMIT lost with the link
out=$(JRC_FAULT=pg-commit-answer t_file_one "第三件，回复丢失" 2>&1); ok $? \
	"a filing whose COMMIT was done but whose answer was lost succeeds"
like "$out" "^PJ261203-0003-[0-9]$" "... with the number it was filed under"
is "$(pg_psql jrc "SELECT count(*) FROM cases WHERE text = '第三件，回复丢失'")" 1 \
	"... filed once, not again when tried again"
is "$(pg_psql jrc "SELECT receipt FROM cases WHERE text = '第三件，回复丢失'")" "$out" \
	"... and the number shown is the one on the server"
r4=$(t_file_one "第四件"); like "$r4" "^PJ261203-0004-" "the next filing follows without a gap"
out=$(jrc verify 2>&1); ok $? "jrc verify passes"
done_testing
