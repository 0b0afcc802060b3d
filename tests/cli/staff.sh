#!/usr/bin/env bash
# jrc staff: accounts added, listed, disabled, passwords set from stdin or
# asked twice on a terminal with echo off; never stored in clear; every
# change on the record.
. "$top_srcdir/tests/lib.sh"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
PW='lamp-post 42'

out=$(printf '%s\n' "$PW" | jrc staff add D001 --name 张三 --role desk); ok $? "add a desk account"
like "$out" "D001" "says which account"
printf '%s\n' "$PW" | jrc staff add H001 --name 李四 --role handler --department RSJ >/dev/null
ok $? "add a handler of RSJ"
printf '%s\n' "$PW" | jrc staff add S001 --name 王五 --role supervisor >/dev/null; ok $? "add a supervisor"

count() { sqlite3 "$JRC_DB" "SELECT count(*) FROM staff"; }
check_bad() {
	local desc=$1 re=$2 input=$3; shift 3
	local before out st
	before=$(count)
	out=$(printf '%s\n' "$input" | jrc staff "$@" 2>&1); st=$?
	is $st 2 "$desc: exit 2"
	like "$out" "^jrc: .*$re" "$desc: says what to do"
	is "$(count)" "$before" "$desc: nothing added"
}
check_bad "a short password" "at least 8" "short" add D002 --name 赵六 --role desk
check_bad "an empty password" "too short" "" add D002 --name 赵六 --role desk
out=$(jrc staff add D002 --name 赵六 --role desk 2>&1 </dev/null); is $? 2 "no password at all: exit 2"
like "$out" "^jrc: no password" "no password at all: says so"
check_bad "an unknown role" "desk, handler, supervisor or admin" "$PW" add D002 --name 赵六 --role boss
check_bad "a handler without department" "department" "$PW" add H002 --name 赵六 --role handler
check_bad "an unknown department" "" "$PW" add H002 --name 赵六 --role handler --department NOPE
check_bad "the same ID again" "already" "$PW" add d001 --name 赵六 --role desk
check_bad "a bad ID" "staff ID" "$PW" add "D 1" --name 赵六 --role desk
check_bad "no name" "--name" "$PW" add D002 --role desk

list=$(jrc staff list)
like "$list" "D001 +desk +- +张三 \(active\)" "list: ID, role, department, name, state"
like "$list" "H001 +handler +RSJ +李四" "the handler's department"
json=$(jrc staff list --json)
like "$json" '"id":"H001","name":"李四","role":"handler","department":"RSJ","disabled":false' "list --json"

# Never in clear: not in the staff table, not in the events, not in the files.
like "$(sqlite3 "$JRC_DB" "SELECT hash FROM staff WHERE id = 'D001'")" '^\$y\$' "a yescrypt hash is stored"
if t_file_db; then
	sqlite3 "$JRC_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	found=$(cat "$JRC_DB"* | grep -ac "lamp-post")
else	# (on the server: nowhere in all it holds)
	found=$(sqlite3 "$JRC_DB" .dump | grep -ac "lamp-post")
fi
is "$found" 0 "the password is nowhere in the database files"
ev=$(sqlite3 "$JRC_DB" "SELECT actor || ' ' || kind || ' ' || note FROM events WHERE kind LIKE 'staff%' ORDER BY id")
like "$ev" "system staff_added D001 desk 张三" "each account added is an event by system"

# passwd, disable, enable.
old=$(sqlite3 "$JRC_DB" "SELECT hash FROM staff WHERE id = 'D001'")
printf 'another secret\n' | jrc staff passwd d001 >/dev/null; ok $? "passwd (ID in any case)"
new=$(sqlite3 "$JRC_DB" "SELECT hash FROM staff WHERE id = 'D001'")
[ "$old" != "$new" ]; ok $? "the hash changed"
out=$(printf 'short\n' | jrc staff passwd D001 2>&1); is $? 2 "passwd: a short password exits 2"
is "$(sqlite3 "$JRC_DB" "SELECT hash FROM staff WHERE id = 'D001'")" "$new" "and changes nothing"
out=$(printf '%s\n' "$PW" | jrc staff passwd NOBODY 2>&1); is $? 2 "passwd of an unknown account exits 2"
like "$out" "no staff account NOBODY" "and says so"
jrc staff disable D001 >/dev/null; ok $? "disable"
like "$(jrc staff list)" "D001 .*\(disabled\)" "the list shows it disabled"
jrc staff enable D001 >/dev/null; ok $? "enable"
like "$(jrc staff list)" "D001 .*\(active\)" "active again"
ev=$(sqlite3 "$JRC_DB" "SELECT kind || ' ' || note FROM events WHERE actor = 'system' ORDER BY id")
like "$ev" "staff_password D001" "passwd is an event"
like "$ev" "staff_disabled D001" "disable is an event"
like "$ev" "staff_enabled D001" "enable is an event"
unlike "$ev" "another secret" "no password in any event"

# Help and usage.
jrc staff --help | grep -q "jrc staff add"; ok $? "staff --help"
for s in add passwd disable enable list; do
	jrc staff $s --help >/dev/null; ok $? "staff $s --help"
done
jrc staff frobnicate >/dev/null 2>&1; is $? 2 "an unknown subcommand exits 2"
jrc staff >/dev/null 2>&1; is $? 2 "no subcommand exits 2"

# On a terminal: asked twice, nothing echoed; two different answers refused.
if command -v "$TMUX_BIN" >/dev/null 2>&1; then
	tm_start 100 20 env JRC_DB="$JRC_DB" JRC_NOW="$JRC_NOW" JRC_LANG=en "$JRC" staff add A001 --name 管理员 --role admin
	tm_wait "New password" 5; ok $? "asks for the password on a terminal"
	tm_type "first one 1"; tm_keys Enter
	tm_wait "same password again" 5; ok $? "asks again"
	tm_type "second one 2"; tm_keys Enter
	tm_wait "differ" 5; ok $? "two different passwords are refused"
	unlike "$(tm_screen)" "first one|second one" "nothing typed was echoed"
	tm_start 100 20 env JRC_DB="$JRC_DB" JRC_NOW="$JRC_NOW" JRC_LANG=en "$JRC" staff add A001 --name 管理员 --role admin
	tm_wait "New password" 5
	tm_type "admin pass 1"; tm_keys Enter
	tm_wait "same password again" 5
	tm_type "admin pass 1"; tm_keys Enter
	tm_wait "added" 5; ok $? "the same twice adds the account"
	unlike "$(tm_screen)" "admin pass" "and nothing was echoed"
	# Typed ahead: both lines wait in the terminal before jrc starts
	# (echo off meanwhile, as a fast typist's would be after the
	# prompt); jrc must read them, not flush them away.
	tm_start 100 20 sh -c "stty -echo; touch '$T_DIR/ready';
		while [ ! -e '$T_DIR/go' ]; do sleep 0.05; done; stty echo;
		exec env JRC_DB='$JRC_DB' JRC_NOW='$JRC_NOW' JRC_LANG=en '$JRC' staff add A002 --name 值班 --role desk"
	i=0; while [ ! -e "$T_DIR/ready" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	tm_type "ahead pass 1"; tm_keys Enter; tm_type "ahead pass 1"; tm_keys Enter
	touch "$T_DIR/go"
	i=0; while ! jrc staff list | grep -q "^A002 " && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	like "$(jrc staff list)" "A002 +desk" "a password typed ahead is kept, not flushed"
	unlike "$(tm capture-pane -p -S - -t t)" "ahead pass" "and it was not echoed"
else
	for i in 1 2 3 4 5 6 7 8; do ok 0 "# SKIP no tmux"; done
fi
like "$(jrc staff list)" "A001 +admin" "the admin account is there"
done_testing
