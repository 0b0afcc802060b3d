#!/usr/bin/env bash
# A server that shuts down just as a terminal logs in sends it a warning
# ("terminating connection due to immediate shutdown command") before it
# closes.  jrc says its own sentence and nothing else: libpq's warning is
# not printed on standard error, ahead of the sentence on the command
# line or over the kiosk's screen.  The server here is tests/fakepg,
# which answers every login that way, so the moment is not left to luck.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
"$JRC" --version 2>/dev/null | grep -q 'postgresql' ||
	skip_all "this jrc is built without PostgreSQL (libpq-dev missing at configure time)"
export JRC_LANG=en
sock=$(mktemp -d /tmp/jrc-fakepg.XXXXXX)
pid=$("$top_builddir/tests/fakepg" "$sock"); ok $? "(a server that is shutting down listens)"
trap 'kill "$pid" 2>/dev/null; rm -rf "$sock"; t_cleanup' EXIT
export JRC_DB="postgresql:///jrc?host=$sock"

out=$(jrc list 2>&1); rc=$?
[ $rc -ne 0 ]; ok $? "jrc list fails (exit $rc)"
like "$out" 'cannot be reached' "in the sentence that the server cannot be reached"
unlike "$out" 'WARNING|terminating connection' "libpq's warning is not printed"
is "$(printf '%s\n' "$out" | grep -c .)" 1 "one line: the sentence alone"

out=$(t_file_one "Boss owes me wages" 2>&1)
[ $? -ne 0 ]; ok $? "jrc file fails"
unlike "$out" 'WARNING|terminating connection' "a filing: libpq's warning is not printed"

# A server behind a broken link takes the login and never answers: the
# address's connect_timeout (seconds) is kept, as libpq keeps it.
mute=$(mktemp -d /tmp/jrc-fakepg.XXXXXX)
mpid=$("$top_builddir/tests/fakepg" "$mute" mute); ok $? "(a server that never answers listens)"
trap 'kill "$pid" "$mpid" 2>/dev/null; rm -rf "$sock" "$mute"; t_cleanup' EXIT
out=$(JRC_DB="postgresql:///jrc?host=$mute&connect_timeout=2" timeout 60 "$JRC" list 2>&1); rc=$?
is "$rc" 1 "with connect_timeout=2 jrc list gives up by itself (exit 1, not killed)"
like "$out" 'cannot be reached: the server did not answer in the time allowed' \
	"... saying the server cannot be reached: it did not answer in time"
out=$(JRC_LANG=zh JRC_DB="postgresql:///jrc?host=$mute&connect_timeout=2" timeout 60 "$JRC" list 2>&1)
like "$out" '连不上.*服务器未在规定时间（connect_timeout）内应答' "... in Chinese, every word of it"

k_start 80 24 xterm --lang en
k_wait_dead; ok $? "the kiosk cannot start without its database"
scr=$(tm capture-pane -p -J -S - -t t)  # with what scrolled away
like "$scr" 'cannot be reached' "it says the server cannot be reached"
unlike "$scr" 'WARNING|terminating connection' "no warning on the kiosk's screen"
k_stop
done_testing
