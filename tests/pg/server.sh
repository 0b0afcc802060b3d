# A throwaway PostgreSQL server for the tests (issue 15), sourced after
# tests/lib.sh.  pg_start makes a cluster in a temporary folder with
# initdb, starts it with pg_ctl listening only on a Unix socket in that
# folder (no TCP port), as an unprivileged user when we are root (the
# server refuses root), and creates a database; pg_stop stops it with
# "immediate" and removes the folder.  pg_start sets an EXIT trap that
# stops the server however the test ends, failures included.
#
#   pg_need            skip the whole test, with the reason, when the
#                      server or this build's libpq support is missing
#   pg_start           start; sets PG_DIR, PG_SOCK and PG_SUPER (the
#                      superuser's name)
#   pg_ready DB        pg_need, pg_start, an empty database DB, JRC_DB
#                      naming it: what a test on the server starts with
#   pg_uri DB [USER]   a libpq URI for database DB over the socket
#   pg_createdb DB     a new empty database
#   pg_psql DB SQL     run SQL as the superuser, unaligned output
#   pg_halt, pg_run    stop at once (-m immediate) and start again
#   pg_stop            stop now and remove it (also by the trap)

PG_SUPER=jrc_test_super

pg_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
	done
	command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
	return 1
}

pg_need() {
	"$JRC" --version 2>/dev/null | grep -q 'postgresql' ||
		skip_all "this jrc is built without PostgreSQL (libpq-dev missing at configure time)"
	PG_BIN=$(pg_bindir) || skip_all "the PostgreSQL server is not installed (Debian: postgresql)"
	command -v psql >/dev/null 2>&1 || skip_all "psql is not installed (Debian: postgresql-client)"
}

# As whoever runs the server.
pg_as() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

pg_stop() {
	[ -n "${PG_DIR:-}" ] || return 0
	if [ -f "$PG_DIR/data/postmaster.pid" ]; then
		pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
	fi
	rm -rf "$PG_DIR"
	PG_DIR=
}

pg_start() {
	PG_DIR=$(mktemp -d /tmp/jrc-pg.XXXXXX) || return 1
	trap 'pg_stop; t_cleanup' EXIT
	[ "$(id -u)" = 0 ] && chown nobody "$PG_DIR"
	chmod 0755 "$PG_DIR"
	PG_SOCK=$PG_DIR
	pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_SUPER" --auth=trust \
		--encoding=UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 || {
		cat "$PG_DIR/initdb.log" >&2; return 1; }
	pg_run
}

# pg_run: start the server again after pg_halt (or the first time).
# fsync stays on: the durability the tests check is the server's own.
pg_run() {
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-k $PG_SOCK -c listen_addresses= -c max_connections=100" start >/dev/null || {
		cat "$PG_DIR/server.log" >&2; return 1; }
}

# pg_halt: the server stops at once, as when it crashes or its machine
# loses power (no shutdown checkpoint; its clients lose their connection).
pg_halt() {
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null
}

pg_uri() {
	printf 'postgresql:///%s?host=%s&user=%s' "$1" "$PG_SOCK" "${2:-$PG_SUPER}"
}

pg_psql() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_SOCK" -U "$PG_SUPER" -d "$1" -c "$2"
}

pg_createdb() {
	pg_psql postgres "CREATE DATABASE $1" >/dev/null
}

pg_ready() {
	pg_need
	pg_start || { echo "not ok 1 - the throwaway server starts"; exit 1; }
	pg_createdb "$1"
	JRC_DB=$(pg_uri "$1")
	export JRC_DB
}
