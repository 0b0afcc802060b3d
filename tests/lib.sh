# Shared by the shell tests: TAP output, a private database, and tmux
# helpers that drive the real program in a real terminal.
# Usage: . "$top_srcdir/tests/lib.sh"

set -u
: "${JRC:=${top_builddir:-.}/jrc}"
: "${JRC_DATA:=${top_srcdir:-.}/data}"
: "${TMUX_BIN:=tmux}"
export JRC_DATA
[ -n "${JRC_LOCALEDIR:-}" ] && export JRC_LOCALEDIR
unset JRC_NOW JRC_LANG LANGUAGE TMUX

T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/jrc-test.XXXXXX")
export JRC_DB="$T_DIR/jrc.db"
# The PostgreSQL pass (tests/pg/suite.sh) runs a test again with
# JRC_TEST_PG_SOCK and JRC_TEST_PG_SUPER naming its throwaway server: the
# test's database is then one of its own on that server.
T_PG_N=0
t_pg_newdb() {
	T_PG_N=$((T_PG_N + 1))
	# (the second keeps a name apart when a later test gets the same pid)
	local name="t$$_${EPOCHSECONDS:-$(date +%s)}_$T_PG_N"
	psql -X -q -h "$JRC_TEST_PG_SOCK" -U "$JRC_TEST_PG_SUPER" -d postgres \
		-c "CREATE DATABASE $name" >/dev/null || return 1
	JRC_DB="postgresql:///$name?host=$JRC_TEST_PG_SOCK&user=$JRC_TEST_PG_SUPER"
	psql -X -q -v ON_ERROR_STOP=1 -d "$JRC_DB" -c "$T_PG_COMPAT" >/dev/null
}
# SQLite's group_concat (one argument: a comma between), hex, instr,
# json_array_length of text, printf('%03d', n) and pragma_table_info's
# names, for the tests' own queries only (and .dump is pg_dump): they
# live in a schema of their own that only the tests' psql has on its
# search path (t_pg_sql), so jrc on the same database never sees them and
# its own SQL still meets the server as is.
T_PG_COMPAT="CREATE SCHEMA t_sqlite;
CREATE FUNCTION t_sqlite.gc(a text, v anyelement, sep text) RETURNS text
	LANGUAGE sql IMMUTABLE AS
	\$\$ SELECT CASE WHEN v IS NULL THEN a WHEN a IS NULL THEN v::text
	ELSE a || sep || v::text END \$\$;
CREATE FUNCTION t_sqlite.gc(a text, v anyelement) RETURNS text
	LANGUAGE sql IMMUTABLE AS \$\$ SELECT t_sqlite.gc(a, v, ',') \$\$;
CREATE AGGREGATE t_sqlite.group_concat(anyelement, text)
	(SFUNC = t_sqlite.gc, STYPE = text);
CREATE AGGREGATE t_sqlite.group_concat(anyelement)
	(SFUNC = t_sqlite.gc, STYPE = text);
CREATE FUNCTION t_sqlite.hex(a text) RETURNS text LANGUAGE sql IMMUTABLE
	AS \$\$ SELECT upper(encode(convert_to(a, 'UTF8'), 'hex')) \$\$;
CREATE FUNCTION t_sqlite.pragma_table_info(t text) RETURNS TABLE(cid int, name text)
	LANGUAGE sql STABLE AS \$\$ SELECT ordinal_position::int - 1, column_name::text
	FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t
	ORDER BY ordinal_position \$\$;
CREATE FUNCTION t_sqlite.instr(a text, b text) RETURNS int LANGUAGE sql
	IMMUTABLE AS \$\$ SELECT pg_catalog.strpos(a, b) \$\$;
CREATE FUNCTION t_sqlite.json_array_length(a text) RETURNS int LANGUAGE sql
	IMMUTABLE AS \$\$ SELECT pg_catalog.json_array_length(a::json) \$\$;
CREATE FUNCTION t_sqlite.printf(f text, n bigint) RETURNS text LANGUAGE sql
	IMMUTABLE AS \$\$ SELECT CASE WHEN f ~ '^%0[0-9]+d\$'
	THEN lpad(n::text, substr(f, 3, length(f) - 3)::int, '0') END \$\$;"
if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
	t_pg_newdb
	# What a test reads or changes behind the program's back with the
	# sqlite3 shell goes to the same database on the server (the SQL
	# that both read alike): sqlite3 below calls this.
	t_pg_sql() {
		local args=() a
		for a in "$@"; do
			[ "$a" = .dump ] && { pg_dump -d "$JRC_DB" | grep -v '^\\\(un\)\?restrict '; return; }
			case $a in
			"$JRC_DB") ;;
			-cmd|.timeout*) ;;
			*) args+=("$a") ;;
			esac
		done
		PGOPTIONS="-c search_path=public,t_sqlite" \
			psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$JRC_DB" "${args[@]/#/-c}"
	}
fi
# The ledger key lives outside the database; tests keep theirs here, never
# under /etc.  `jrc init` creates it.
export JRC_LEDGER_KEY="$T_DIR/ledger.key"
T_N=0
T_FAILED=0
T_SOCK="jrc-test-$$"
trap 't_cleanup' EXIT

t_cleanup() {
	"$TMUX_BIN" -L "$T_SOCK" kill-server >/dev/null 2>&1
	rm -rf "$T_DIR"
}

# ok COND-STATUS DESCRIPTION: pass when the previous command's status is 0.
ok() {
	local st=$1; shift
	T_N=$((T_N + 1))
	if [ "$st" -eq 0 ]; then
		echo "ok $T_N - $*"
	else
		echo "not ok $T_N - $*"
		T_FAILED=$((T_FAILED + 1))
	fi
	return 0
}

# is GOT WANT DESCRIPTION
is() {
	local got=$1 want=$2; shift 2
	if [ "$got" = "$want" ]; then
		ok 0 "$*"
	else
		ok 1 "$*"
		printf '#   got: %s\n#  want: %s\n' "$got" "$want"
	fi
}

# like GOT REGEX DESCRIPTION (grep -E)
like() {
	local got=$1 re=$2; shift 2
	if printf '%s' "$got" | grep -Eq -- "$re"; then
		ok 0 "$*"
	else
		ok 1 "$*"
		printf '#   got: %s\n#  want match: %s\n' "$got" "$re" | head -40
	fi
}

# unlike GOT REGEX DESCRIPTION
unlike() {
	local got=$1 re=$2; shift 2
	if printf '%s' "$got" | grep -Eq -- "$re"; then
		ok 1 "$*"
		printf '#   got: %s\n#  must not match: %s\n' "$got" "$re" | head -40
	else
		ok 0 "$*"
	fi
}

skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

done_testing() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
}

# jrc ARGS: the binary under test, on this test's database.
jrc() {
	"$JRC" "$@"
}

# A fresh database with the shipped reference data.
t_init_db() {
	if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
		t_pg_newdb || return 1
	else
		rm -f "$JRC_DB" "$JRC_DB-wal" "$JRC_DB-shm"
	fi
	"$JRC" init >/dev/null
}

# A resident ID number with a correct check character, from 17 digits.
t_id() {
	local d=$1 w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) s=0 i
	local map=(1 0 X 9 8 7 6 5 4 3 2)
	for i in $(seq 0 16); do s=$((s + ${d:$i:1} * ${w[$i]})); done
	echo "$d${map[$((s % 11))]}"
}

# File an anonymous wage-arrears case that says TEXT; prints its receipt number.
t_file_one() {
	"$JRC" file --category LAB --division 330726100201 --anonymous --text "$1"
}

# The sqlite3 shell in tests waits up to 10 s for a lock, as jrc itself
# does, instead of failing at once: a test that changes the database behind
# the program's back must not lose that change to a moment's busy database
# on a loaded machine.  A probe that must not wait says `.timeout 0` after.
sqlite3() {
	if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
		t_pg_sql "$@"
	else
		command sqlite3 -cmd '.timeout 10000' "$@"
	fi
}

# t_file_db: the test's database is an SQLite file (not a database on
# the server), for the few checks about the file itself.
t_file_db() {
	[ -z "${JRC_TEST_PG_SOCK:-}" ]
}

# t_db_keep NAME keeps a copy of the test's database as it is now;
# t_db_back NAME puts that copy back in its place (after a tampering).
# On SQLite a copy of the file, on the server a database made from it as
# a template (jrc and the tests' psql hold no connection in between).
t_pg_dbname() {
	local n=${JRC_DB#postgresql:///}
	echo "${n%%\?*}"
}
t_pg_admin() {
	psql -X -q -h "$JRC_TEST_PG_SOCK" -U "$JRC_TEST_PG_SUPER" -d postgres \
		-v ON_ERROR_STOP=1 -c "$1" >/dev/null
}
t_db_keep() {
	if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
		local d; d=$(t_pg_dbname)
		t_pg_admin "DROP DATABASE IF EXISTS ${d}_$1" &&
			t_pg_admin "CREATE DATABASE ${d}_$1 TEMPLATE $d"
	else
		cp "$JRC_DB" "$T_DIR/$1.db"
	fi
}
t_db_back() {
	if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
		local d; d=$(t_pg_dbname)
		t_pg_admin "DROP DATABASE $d WITH (FORCE)" &&
			t_pg_admin "CREATE DATABASE $d TEMPLATE ${d}_$1"
	else
		cp "$T_DIR/$1.db" "$JRC_DB"
	fi
}

# Tampering tests take away the triggers that keep the record first.
# t_no_triggers prints the SQL that drops all of them, t_drop_trigger NAME
# the SQL that drops one, each in the dialect of the test's engine (on
# the server a block that finds the trigger's table when it runs);
# t_fk_off the SQL that stops foreign keys being checked in the session.
t_no_triggers() {
	if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
		echo "DO \$\$ DECLARE t record; BEGIN FOR t IN SELECT tgname, tgrelid::regclass AS tab
			FROM pg_trigger WHERE NOT tgisinternal LOOP
			EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tab); END LOOP; END \$\$;"
	else
		sqlite3 "$JRC_DB" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'"
	fi
}
t_drop_trigger() {
	if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
		echo "DO \$\$ DECLARE t record; BEGIN FOR t IN SELECT tgname, tgrelid::regclass AS tab
			FROM pg_trigger WHERE tgname = '$1' AND NOT tgisinternal LOOP
			EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tab); END LOOP; END \$\$;"
	else
		echo "DROP TRIGGER $1;"
	fi
}
t_fk_off() {
	if [ -n "${JRC_TEST_PG_SOCK:-}" ]; then
		echo "SET session_replication_role = replica;"
	else
		echo "PRAGMA foreign_keys = OFF;"
	fi
}

# Rows in a table, read with sqlite3 through jrc's own database file.
t_rows() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$JRC_DB" "SELECT count(*) FROM $1"
	else
		echo "?"
	fi
}

# ---------------------------------------------------------------- tmux
# tm_stop: end this test's tmux server and wait (up to 10 s each) until
# it is gone and the program that ran in its pane has exited too, so that
# the next tm_start gets a fresh server on the same socket and a test that
# then reads or changes the database never meets a program still closing
# (a hung-up kiosk saves its draft and may write the log on the way out).
tm_stop() {
	local i=0 pid
	pid=$("$TMUX_BIN" -L "$T_SOCK" display-message -p -t t '#{pane_pid}' 2>/dev/null)
	"$TMUX_BIN" -L "$T_SOCK" kill-server >/dev/null 2>&1
	while "$TMUX_BIN" -L "$T_SOCK" list-sessions >/dev/null 2>&1 && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ $i -lt 200 ] || return 1
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ $i -lt 200 ]
}

# tm_start COLS ROWS COMMAND...: run a command in a detached tmux session
# on a private server.  Environment goes in through `env` in the command.
# A server from an earlier start is stopped first; a server still shutting
# down on a loaded machine refuses new sessions, so starting is retried
# (up to 10 times) until the session is really there.
tm_start() {
	local cols=$1 rows=$2 try=0; shift 2
	"$TMUX_BIN" -L "$T_SOCK" list-sessions >/dev/null 2>&1 && tm_stop
	# remain-on-exit from the server's own configuration, so that a
	# command that ends at once (a kiosk refusing a damaged database)
	# leaves its pane and words even before set-option below could run.
	printf 'set -g remain-on-exit on\n' >"$T_DIR/tmux.conf"
	while [ $try -lt 10 ]; do
		if "$TMUX_BIN" -L "$T_SOCK" -f "$T_DIR/tmux.conf" new-session -d -s t -x "$cols" -y "$rows" \
			"$@" 2>/dev/null &&
		   "$TMUX_BIN" -L "$T_SOCK" has-session -t t 2>/dev/null; then
			"$TMUX_BIN" -L "$T_SOCK" set-option -t t remain-on-exit on >/dev/null 2>&1
			return 0
		fi
		tm_stop
		sleep 0.1
		try=$((try + 1))
	done
	echo "# tmux would not start a session on socket $T_SOCK" >&2
	return 1
}

tm() {
	"$TMUX_BIN" -L "$T_SOCK" "$@"
}

# tm_screen: the visible screen as text.
tm_screen() {
	"$TMUX_BIN" -L "$T_SOCK" capture-pane -p -t t 2>/dev/null
}

# tm_keys KEYS...: tmux key names (Enter, Escape, Tab, Down, C-c, F1 ...).
tm_keys() {
	"$TMUX_BIN" -L "$T_SOCK" send-keys -t t "$@"
}

# tm_type TEXT: literal text, Chinese included.
tm_type() {
	"$TMUX_BIN" -L "$T_SOCK" send-keys -t t -l "$1"
}

# tm_wait REGEX [SECONDS]: wait until the screen matches; 0 if it did.
tm_wait() {
	local re=$1 limit=${2:-10} i=0
	while [ $i -lt $((limit * 20)) ]; do
		if tm_screen | grep -Eq -- "$re"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# timed out waiting for: $re" >&2
	tm_screen | sed 's/^/# | /' >&2
	return 1
}

# tm_press_until KEY REGEX [TRIES]: press KEY once, wait up to two seconds
# for REGEX, and press again only if it has not come; for a screen that
# ignores keys for a while and where a second press would go on to the
# next screen (Enter on a receipt, then on home).
tm_press_until() {
	local key=$1 re=$2 tries=${3:-10} i j
	for i in $(seq "$tries"); do
		tm_keys "$key"
		for j in $(seq 40); do
			tm_screen | grep -Eq -- "$re" && return 0
			sleep 0.05
		done
	done
	echo "# pressed $key $tries times, still no: $re" >&2
	tm_screen | sed 's/^/# | /' >&2
	return 1
}

# tm_knock KEY REGEX [SECONDS]: press KEY, and again each time the screen
# stays unchanged for a moment, until it matches REGEX; for a screen that
# ignores keys for a while (a receipt's guard, restarted when its print
# ends) where waiting a fixed time would race the machine.  KEY must be
# harmless on the screen that REGEX names.
tm_knock() {
	local key=$1 re=$2 limit=${3:-10} i=0
	while [ $i -lt $((limit * 20)) ]; do
		tm_screen | grep -Eq -- "$re" && return 0
		[ $((i % 5)) -eq 0 ] && tm_keys "$key"
		sleep 0.05
		i=$((i + 1))
	done
	echo "# timed out knocking ($key) for: $re" >&2
	tm_screen | sed 's/^/# | /' >&2
	return 1
}

# tm_pages MORE [MAX]: every page of a screen that says MORE (its "more
# below") while there is more: the screen, then after each Down the
# screen once it has changed, until MORE is gone or MAX pages were read.
tm_pages() {
	local more=$1 max=${2:-20} scr next i=0 j
	scr=$(tm_screen)
	printf '%s\n' "$scr"
	while printf '%s\n' "$scr" | grep -Eq -- "$more" && [ $i -lt "$max" ]; do
		tm_keys Down
		j=0
		while next=$(tm_screen) && [ "$next" = "$scr" ] && [ $j -lt 100 ]; do
			sleep 0.05
			j=$((j + 1))
		done
		scr=$next
		printf '%s\n' "$scr"
		i=$((i + 1))
	done
}

# tm_wait_gone REGEX [SECONDS]: wait until the screen no longer matches.
tm_wait_gone() {
	local re=$1 limit=${2:-10} i=0
	while [ $i -lt $((limit * 20)) ]; do
		if ! tm_screen | grep -Eq -- "$re"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# tm_dead: 0 once the program in the pane has exited.
tm_dead() {
	[ "$("$TMUX_BIN" -L "$T_SOCK" display-message -p -t t '#{pane_dead}' 2>/dev/null)" = 1 ]
}

tm_resize() {
	"$TMUX_BIN" -L "$T_SOCK" resize-window -t t -x "$1" -y "$2"
}

# t_damm DIGITS: the Damm check digit (for making valid receipt numbers).
t_damm() {
	local t="0317598642709215486342068713591750983426612304597836742095815869720134894536201794386172052581436790"
	local i=0 d=$1 c
	while [ -n "$d" ]; do
		c=${d%"${d#?}"}; d=${d#?}
		case $c in [0-9]) i=${t:$((i * 10 + c)):1} ;; esac
	done
	echo "$i"
}

# t_repeat STRING N: STRING N times (character-safe for UTF-8).
t_repeat() {
	local s=$1 n=$2 out=""
	while [ "$n" -gt 0 ]; do out="$out$s"; n=$((n - 1)); done
	printf '%s' "$out"
}

# t_lock_db SECONDS: another writer holds $JRC_DB's write lock for about
# SECONDS; returns once the lock is really held (0), or 1 after 10 s.
# The holder waits its turn (.timeout) rather than failing on a probe.
t_lock_db() {
	local secs=$1 i=0
	( printf '.timeout 10000\nBEGIN EXCLUSIVE;\n'; sleep "$secs"; printf 'COMMIT;\n' ) |
		sqlite3 "$JRC_DB" >/dev/null 2>&1 &
	T_LOCK_PID=$!
	while [ $i -lt 200 ]; do
		sqlite3 -cmd '.timeout 0' "$JRC_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# t_hold_db: another writer holds $JRC_DB's write lock until t_release_db
# (at most 60 s); returns once the lock is really held (0), or 1 after 10 s.
# For tests that must see something happen *while* the lock is held,
# without betting on how long that takes on a loaded machine.
t_hold_db() {
	local i=0 rel="$T_DIR/.release-db"
	rm -f "$rel"
	( printf '.timeout 10000\nBEGIN EXCLUSIVE;\n'
	  while [ ! -e "$rel" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i + 1)); done
	  printf 'COMMIT;\n' ) | sqlite3 "$JRC_DB" >/dev/null 2>&1 &
	T_LOCK_PID=$!
	i=0
	while [ $i -lt 200 ]; do
		sqlite3 -cmd '.timeout 0' "$JRC_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# t_holding_db: 0 while the t_hold_db writer still holds the lock.
t_holding_db() {
	[ ! -e "$T_DIR/.release-db" ] && kill -0 "$T_LOCK_PID" 2>/dev/null &&
		! sqlite3 -cmd '.timeout 0' "$JRC_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1
}

# t_release_db: let the t_hold_db writer commit and wait until it has.
t_release_db() {
	touch "$T_DIR/.release-db"
	wait "$T_LOCK_PID" 2>/dev/null
	return 0
}
