#!/usr/bin/env bash
# The layers keep one direction (core <- ui, core <- cli) and the storage
# layer keeps the engine: the core draws nothing on a terminal; the kiosk,
# the desk and the command line reach the database only through core
# functions; inside the core, SQLite's own API and its pragmas are named
# only by the storage layer's engine files, and libpq only by the
# PostgreSQL engine's (db_pg.c, db_pg_open.c, db_pg_internal.h), so that either engine stands behind
# db_internal.h (db_stmt, db_bind_*, db_col_*, db_check_file).
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir" || exit 1

hits() { # PATTERN FILE...: the files that match, one line
	grep -l -E "$1" "${@:2}" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'
}
core=$(find src/core -name '*.[ch]' | sort)
outer=$(find src/ui src/cli -name '*.[ch]' | sort)
[ -n "$core" ] && [ -n "$outer" ]; ok $? "the sources are there"

is "$(hits '#include *[<"](n?curses|ncursesw/)' $core)" "" "the core includes no curses"
is "$(hits '#include *"(\.\./)*(ui|cli)/' $core)" "" "the core includes nothing of the kiosk, the desk or the command line"
is "$(hits 'sqlite3|_internal\.h' $outer)" "" "the kiosk, the desk and the command line use neither sqlite nor the core's internals"

engine="src/core/db.c src/core/db_internal.h src/core/db_functions.c src/core/backup.c src/core/seqmark.c
	src/core/db_pg.c src/core/db_pg.h src/core/db_pg_internal.h src/core/db_pg_open.c
	src/core/db_pg_sql.c src/core/db_schema_pg.c"
engine=$(echo $engine)
others=$(for f in $core; do case " $engine " in *" $f "*) ;; *) echo "$f" ;; esac; done)
is "$(hits 'sqlite3|SQLITE_|PRAGMA' $others)" "" "inside the core, only the storage layer names SQLite or its pragmas"
pg="src/core/db_pg.c src/core/db_pg_open.c src/core/db_pg_internal.h"
is "$(hits '#include <libpq|PQ[a-zA-Z]+\(|PGconn|PGresult' $(for f in $core; do case " $pg " in *" $f "*) ;; *) echo "$f" ;; esac; done))" "" \
	"only the PostgreSQL engine's files ($pg) name libpq"
for f in $engine; do
	[ -f "$f" ]; ok $? "  the storage layer's $f is there"
done
done_testing
