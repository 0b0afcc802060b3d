#!/usr/bin/env bash
# The suite cannot vanish quietly: the tmux configure found is a program
# (not the socket path tmux puts in $TMUX), and ./check's skip check lets
# a skip pass on CI only for a reason README.md lists.
. "$top_srcdir/tests/lib.sh"
if [ -n "${TMUX_BIN:-}" ]; then
	command -v "$TMUX_BIN" >/dev/null 2>&1
	ok $? "the tmux configure found is a program: $TMUX_BIN"
else
	ok 0 "# SKIP tmux was not found at configure time"
fi
like "$(grep -E 'AC_CHECK_PROGS\(\[TMUX' "$top_srcdir/configure.ac")" 'TMUX_PROG' \
	"configure does not read tmux's own TMUX variable"

CS="$top_srcdir/build-aux/check-skips.sh"
printf '1..0 # SKIP tmux is not installed\n' >"$T_DIR/e2e.log"
printf 'ok 1 - a\nok 2 - # SKIP cannot mount a tmpfs\n' >"$T_DIR/fault.log"
out=$(CI= bash "$CS" "$top_srcdir/README.md" "$T_DIR/e2e.log" "$T_DIR/fault.log"); st=$?
is "$st" 0 "off CI a skip is reported, not failed"
like "$out" "skipped: .*e2e.sh: tmux is not installed" "the script and its reason are named"
out=$(CI=true bash "$CS" "$top_srcdir/README.md" "$T_DIR/e2e.log" "$T_DIR/fault.log"); st=$?
is "$st" 1 "on CI a skip for a reason README does not list fails"
like "$out" "reason not listed in README: .*e2e.sh: tmux is not installed" "and says which"
out=$(CI=true bash "$CS" "$top_srcdir/README.md" "$T_DIR/fault.log"); st=$?
is "$st" 0 "on CI a listed reason passes"
like "$(grep 'echo "\$pass passed' "$top_srcdir/check" | tail -1)" 'failed, \$skip skipped' \
	"./check's last line counts the skips"
done_testing
