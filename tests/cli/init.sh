#!/usr/bin/env bash
# jrc init / import / settings / --help: creating, refusing to clobber,
# idempotent import, malformed data reported by file and line.
. "$top_srcdir/tests/lib.sh"

out=$(jrc init 2>&1); st=$?
ok $st "init creates a database"
like "$out" "categories 14" "and reports what it imported"
is "$(stat -c %a "$JRC_DB")" 600 "the database file is mode 0600"

out=$(jrc init 2>&1); st=$?
is $st 1 "init refuses an existing database"
like "$out" "^jrc: .*--force" "and says to use --force"
jrc file --category LAB --division 330726100 --anonymous --text "x" >/dev/null
out=$(jrc init --force 2>&1); ok $? "init --force replaces it"
is "$(jrc list | wc -l)" 0 "the replaced database has no cases"

dump() { sqlite3 "$JRC_DB" "SELECT * FROM categories; SELECT * FROM departments; SELECT * FROM divisions; SELECT * FROM routing;" | md5sum; }
if command -v sqlite3 >/dev/null; then
	before=$(dump)
	jrc import >/dev/null; ok $? "import again"
	is "$(dump)" "$before" "importing twice changes no reference row"
fi

# A malformed CSV: exit 2, file and line named, nothing changed.
bad="$T_DIR/bad"; mkdir "$bad"; cp "$JRC_DATA"/*.csv "$bad/"
printf 'VIL,330726999,NYJ,township\n' >>"$bad/routing.csv"
lines=$(wc -l <"$bad/routing.csv")
out=$(jrc --data "$bad" import 2>&1); st=$?
is $st 2 "a bad routing row is refused"
like "$out" "routing.csv:$lines: unknown division '330726999'" "naming file, line and value"
printf 'code,name_zh,name_en,description_zh,description_en\n"LAB,x,y,z,w\n' >"$bad/categories.csv"
out=$(jrc --data "$bad" import 2>&1); st=$?
is $st 2 "an unclosed quote is refused"
like "$out" "categories.csv:2: malformed CSV" "with file and line"

out=$(jrc --data "$T_DIR/nowhere" init --force 2>&1); st=$?
is $st 2 "init from a missing data folder fails"
like "$out" "categories.csv: cannot read" "and names the file"
[ -e "$JRC_DB" ] && [ -z "$(ls "$(dirname "$JRC_DB")" | grep init-)" ]; ok $? "the old database is kept, and nothing half-made is left"
jrc init >/dev/null

# Settings.
is "$(jrc settings site_code)" PJ "site code defaults to PJ"
jrc settings site_code HZ; ok $? "change the site code (a site of sites.csv)"
is "$(jrc settings site_code)" HZ "changed"
out=$(jrc settings site_code xq1 2>&1); is $? 2 "a bad site code is refused"
like "$out" "2 to 4 capital letters" "with what is accepted"
out=$(jrc settings colour blue 2>&1); is $? 2 "an unknown setting is refused"
jrc settings site_code PJ

# Help, version, usage errors.
jrc --help | grep -q "file"; ok $? "--help lists the commands"
jrc --version | grep -q "jrc"; ok $? "--version"
out=$(jrc frobnicate 2>&1); is $? 2 "unknown command exits 2"
like "$out" "^jrc: unknown command 'frobnicate'" "and says so"
for c in init import file show list settings categories divisions; do
	jrc $c --help >/dev/null; ok $? "$c --help"
done
out=$(JRC_DB="$T_DIR/none.db" jrc list 2>&1); is $? 1 "a missing database is a runtime failure"
like "$out" "jrc init" "that says how to create one"
out=$(JRC_NOW=yesterday jrc list 2>&1); is $? 2 "a bad JRC_NOW is refused"
done_testing
