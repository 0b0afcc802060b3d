# Shared by the kiosk_*.sh end-to-end tests: start `jrc kiosk` in a real
# terminal (tmux) under C.UTF-8 only, with a fixed clock and a fresh
# database, and read the receipt back.
# Usage: . "$top_srcdir/tests/e2e/kiosk_lib.sh"
. "$top_srcdir/tests/lib.sh"

command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"

K_NOW=2026-11-29T10:00:00+08:00
export JRC_NOW=$K_NOW
t_init_db

# k_start COLS ROWS TERM [KIOSK ARGS...]: the kiosk in a detached tmux
# pane; no zh_CN locale, only C.UTF-8, as on a bare kiosk machine.
# K_SITE, when set, is the terminal's site (jrc --site).
k_start() {
	local cols=$1 rows=$2 term=$3
	shift 3
	# tm_start retries while an earlier server is still shutting down.
	tm_start "$cols" "$rows" env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="$term" \
		JRC_DB="$JRC_DB" JRC_NOW="$K_NOW" \
		${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} \
		${JRC_RIME_DIR:+JRC_RIME_DIR="$JRC_RIME_DIR"} "$JRC" ${K_SITE:+--site "$K_SITE"} kiosk "$@"
}

# k_stop: end the tmux server and wait until it is gone, so the next
# k_start gets a fresh one.
k_stop() {
	tm_stop
}

# k_wait_dead: wait up to 5 s for the kiosk to exit.
k_wait_dead() {
	local i=0
	while { ! tm_dead || [ -z "$(k_flag pane_dead_status)" ]; } && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	tm_dead
}

# k_receipt: the receipt number on the screen.
k_receipt() {
	tm_screen | grep -Eo '[A-Z]{2,4}[0-9]{6}-[0-9]{4}-[0-9]' | head -1
}

# k_walk_en TEXT: from the home screen in English to the last step (check
# and send) of an anonymous filing of wages (category 1) in the first
# township's first village, that says TEXT.
k_walk_en() {
	tm_keys 1; tm_wait 'Step 1 of 7'
	tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
	tm_wait 'Step 2 of 7'
	tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
	tm_wait 'choose the village'
	tm_keys 1; tm_wait 'Step 3 of 7'
	tm_keys 2; tm_wait 'Report anonymously'
	tm_keys 1; tm_wait 'Step 4 of 7'
	tm_type "$1"; tm_keys Enter
	tm_wait 'Step 5 of 7'; tm_keys Enter
	tm_wait 'Step 6 of 7'; tm_keys "$(k_num 'No help needed, go on')"
	tm_wait 'Step 7 of 7: Check and send'
}

# k_pid: the process in the pane (env execs jrc, so this is the kiosk).
k_pid() {
	tm display-message -p -t t '#{pane_pid}'
}

# k_flag NAME: a tmux format variable of the pane (pane_dead_status,
# alternate_on, keypad_cursor_flag ...).
k_flag() {
	tm display-message -p -t t "#{$1}"
}

# k_json RECEIPT: the case as `jrc show --json` prints it.
k_json() {
	"$JRC" show --json "$1"
}

# k_num LABEL: the number shown in front of a choice (other capabilities
# add choices, so tests look the number up instead of assuming it).
k_num() {
	tm_screen | sed -n "s/^.*[> ]\([0-9][0-9]*\)  $1.*$/\1/p" | head -1
}

# k_need_pinyin: skip unless the built-in pinyin input is built; on CI it
# must be (./check installs librime), so there a missing one fails.
k_need_pinyin() {
	[ -n "${JRC_RIME_DIR:-}" ] && [ -s "$JRC_RIME_DIR/jrc_words.table.bin" ] && return 0
	if [ "${CI:-}" = true ]; then
		ok 1 "the built-in pinyin input is built (librime from ./check's set-up)"
		done_testing; exit 1
	fi
	skip_all "built without librime (configure --without-rime)"
}

# k_pick WORD: press the number in front of WORD among the pinyin
# candidates on the screen; 1 if it is not shown.
k_pick() {
	local n
	n=$(tm_screen | grep -Eo "[1-9]\.$1( |$)" | head -1 | cut -c1)
	[ -n "$n" ] || return 1
	tm_keys "$n"
}

# k_cands: the line of numbered pinyin candidates on the screen.
k_cands() {
	tm_screen | grep -E '^ *1\.[^ ]+ 2\.' | head -1 | sed 's/^ *//; s/ *$//'
}

# k_choose N [NEXT]: press the number of a list item; in a list of ten or
# more a single digit that could begin a longer number waits for a second
# one ("You typed N"), so Enter then confirms it.  NEXT, a regex for the
# screen the choice leads to (never on the list itself), lets the wait end
# on what the screen shows: the prompt or NEXT, however busy the machine.
# Without NEXT the prompt is given a second.
k_choose() {
	local prompt="您按了 $1|You typed $1"
	tm_keys "$1"
	[ ${#1} -eq 1 ] || return 0
	if [ -n "${2:-}" ]; then
		tm_wait "$prompt|$2" || return 1
		if tm_screen | grep -Eq -- "$prompt"; then
			tm_keys Enter
		fi
	elif tm_wait "$prompt" 1 2>/dev/null; then
		tm_keys Enter
	fi
	return 0
}
