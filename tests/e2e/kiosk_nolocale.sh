#!/usr/bin/env bash
# Issue 13: without the Chinese catalogue the kiosk runs in English and
# says so: to staff on stderr at start and on the desk's login screen, to
# citizens on the home screen; it never offers a switch to the language
# already shown (no "English" choice, no F2 on the key line).
top_srcdir=${top_srcdir:-.}
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

EMPTY="$T_DIR/no-locale"
mkdir -p "$EMPTY"
ERR="$T_DIR/kiosk.err"
tm_start 80 24 env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm JRC_DB="$JRC_DB" JRC_NOW="$K_NOW" \
	JRC_LOCALEDIR="$EMPTY" sh -c 'exec "$0" kiosk --lang zh 2>"$1"' "$JRC" "$ERR"
tm_wait "Tell us about a problem"; ok $? "the kiosk starts, in English"
s=$(tm_screen)
like "$s" "Chinese texts are not installed" "the home screen says why it is English"
unlike "$(printf '%s' "$s" | grep -E '^ *>? *[0-9]+  ')" "English" "no choice offers 'English' while in English"
unlike "$s" "中文" "and none offers Chinese that cannot be shown"
keys=$(tm_screen | tail -1)
unlike "$keys" "F2" "the key line offers no F2"
i=0; while [ ! -s "$ERR" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
like "$(cat "$ERR")" "^jrc: The Chinese translation .* was not found under $EMPTY: .*JRC_LOCALEDIR" \
	"staff are told on stderr at start, with the folder looked in"
tm_keys F2
tm_wait "Chinese is not installed on this terminal"; ok $? "F2 says Chinese is not installed"
n=$(k_num "Staff only")
tm_keys "$n"
tm_wait "Front desk: staff log in"; ok $? "the desk's login"
tm_wait "The Chinese translation \\(jrc-kiosk.mo\\) was not found"; ok $? "the desk tells staff at login"
like "$(tm_screen | tr -d '\n ')" "JRC_LOCALEDIRtothefolderthatholdsit\\." "the whole sentence, with what to do"
k_stop

# With the catalogue: Chinese, with the switch, and no such notice.
k_start 80 24 xterm --lang zh
tm_wait "我要反映问题"; ok $? "with the catalogue the kiosk is in Chinese"
like "$(tm_screen)" "English" "and offers English"
unlike "$(tm_screen)" "not installed" "and says nothing of a missing catalogue"
k_stop

done_testing
