#!/usr/bin/env bash
# The hall's queue at the terminals (issue 16): a citizen takes a
# quick-question number from the kiosk's home screen (big letters, the
# window, how many ahead; the kiosk then goes back clean); two desks of
# the same window group call at once from their queue screens (W): each
# gets its own ticket, shown called there and not at the other, and the
# hall's board shows both calls within 2 s; a no-show leaves the board; a
# transfer to another window waits there for it; served; resize; the
# record holds.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
# Windows 1 and 2 both serve group A here, so two desks share one line.
mkdir -p "$T_DIR/data"
cp "$JRC_DATA"/*.csv "$T_DIR/data/"
sed -i 's/^2,B,人社,HR and social security,RSJ,$/2,A,综合受理,General reception,,/' "$T_DIR/data/windows.csv"
export JRC_DATA="$T_DIR/data"
t_init_db
export JRC_NOW=2026-11-30T09:00:00+08:00
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add D002 --name 李四 --role desk >/dev/null
q() { sqlite3 "$JRC_DB" "$@"; }
is "$(q "SELECT group_concat(number) FROM windows WHERE grp = 'A'")" "1,2" "windows 1 and 2 are group A"
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LEDGER_KEY=$JRC_LEDGER_KEY JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"

# Other terminals on this test's tmux server: sessions beside "t".
scr() { tm capture-pane -p -t "$1" 2>/dev/null; }
keys() { local s=$1; shift; tm send-keys -t "$s" "$@"; }
wait_on() {
	local s=$1 re=$2 i=0
	while [ $i -lt 200 ]; do
		scr "$s" | grep -Eq -- "$re" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "# timed out on $s waiting for: $re" >&2
	scr "$s" | sed 's/^/# | /' >&2
	return 1
}
desk() {
	tm new-session -d -s "$1" -x 80 -y 24 $ENV "$JRC" desk --lang en --window "$2" &&
	wait_on "$1" "Staff ID" &&
	tm send-keys -t "$1" -l "$3" && keys "$1" Tab && tm send-keys -t "$1" -l secret123 &&
	keys "$1" Enter && wait_on "$1" "W queue" && keys "$1" w &&
	wait_on "$1" "Queue at window $2 \(group A"
}

# ---------------------------------------------------------------- the kiosk
tm_start 80 24 $ENV "$JRC" kiosk --lang en
tm_wait "A quick question: take a number" 10; ok $? "the home screen offers a quick-question number"
take() {
	local n
	n=$(tm_screen | sed -n 's/^ *>\{0,1\}\([0-9]\)  A quick question.*/\1/p' | head -1)
	tm_keys "$n"
	tm_wait "Your number: $1" 10
}
take A001; ok $? "one key gives A001"
scr=$(tm_screen)
like "$scr" "Windows 1, 2 \(the one that calls you\)" "  with the windows that call it"
like "$scr" "People ahead of you: 0" "  and nobody ahead"
like "$scr" "▀▀" "  the number in block letters"
tm_wait "remember your number" 5; ok $? "  no printer here: remember it"
tm_press_until Enter "A quick question: take a number"; ok $? "Enter gives the kiosk back"
unlike "$(tm_screen)" "A001" "  with nothing of the ticket left"
take A002; ok $? "the next citizen gets A002"
like "$(tm_screen)" "People ahead of you: 1" "  one ahead"
tm_press_until Enter "A quick question: take a number"
take A003; ok $? "and A003"
tm_press_until Enter "A quick question: take a number"
is "$(q "SELECT group_concat(number || state || reason, ' ') FROM tickets")" "1waitingquestion 2waitingquestion 3waitingquestion" "three question tickets wait"

# ---------------------------------------------------------------- two desks
desk d1 1 D001; ok $? "desk 1 (window 1) opens its queue"
desk d2 2 D002; ok $? "desk 2 (window 2) opens its queue"
like "$(scr d1)" "Waiting for this window: 3" "desk 1 sees three waiting"
like "$(scr d2)" "A001 +[0-9]+ min +windows 1, 2" "desk 2 sees the line with the windows"
# The hall's board on a third terminal, beside the two desks.
tm new-session -d -s b -x 80 -y 24 $ENV "$JRC" board --lang en
wait_on b "Next: +A001 +A002 +A003"; ok $? "the board shows the three waiting"
# within: wait up to 2 s (40 looks, 50 ms apart) for RE on session S.
within() {
	local s=$1 re=$2 i
	for i in $(seq 40); do
		scr "$s" | grep -Eq -- "$re" && return 0
		sleep 0.05
	done
	scr "$s" | sed 's/^/# | /' >&2
	return 1
}
keys d1 n
keys d2 n
wait_on d1 "Now at this window" && wait_on d1 "^ +A00[12] +called 09:00"; ok $? "desk 1 called a ticket"
wait_on d2 "^ +A00[12] +called 09:00"; ok $? "desk 2 called a ticket"
c1=$(scr d1 | sed -n 's/^ *\(A00[0-9]\) *called.*/\1/p')
c2=$(scr d2 | sed -n 's/^ *\(A00[0-9]\) *called.*/\1/p')
is "$([ -n "$c1" ] && [ -n "$c2" ] && [ "$c1" != "$c2" ] && echo different)" different "the two desks called different tickets ($c1, $c2)"
is "$(q "SELECT count(*) FROM tickets WHERE state = 'called'")" 2 "two tickets are called, each once"
within b "Also called: +A00[12]→[12]" && within b "Number A00[12], please go to window [12]"
ok $? "the board shows both calls within 2 s"
board=$(scr b)
like "$board" "$c1→1|Number $c1, please go to window 1" "  $c1 at window 1"
like "$board" "$c2→2|Number $c2, please go to window 2" "  $c2 at window 2"
is "$(printf '%s\n' "$board" | grep -o 'A00[0-9]→[0-9]' | sort -u | sed 's/→.*//' | uniq -d)" "" "  no ticket at two windows"
wait_on d1 "Waiting for this window: 1"; ok $? "desk 1's line is down to one"
unlike "$(scr d1 | grep -v 'Calling')" "$c2 " "desk 1 does not show desk 2's ticket"
unlike "$(scr d2 | grep -v 'Calling')" "$c1 " "desk 2 does not show desk 1's ticket"

# A no-show at desk 1.
keys d1 s
wait_on d1 "$c1 did not come: marked"; ok $? "S marks desk 1's ticket as not come"
wait_on d1 "Nobody is called here"; ok $? "  and the window is free"
is "$(q "SELECT state FROM tickets WHERE number = ${c1#A00}")" no_show "  recorded as no_show"
i=0; while [ $i -lt 40 ] && scr b | grep -Eq -- "$c1→1|Number $c1,"; do sleep 0.05; i=$((i + 1)); done
unlike "$(scr b)" "$c1→1|Number $c1," "  and it leaves the board"

# A transfer at desk 2: to window 3 (group B).
keys d2 t
wait_on d2 "Send to window number"; ok $? "T asks where to"
keys d2 9 9 Enter
wait_on d2 "There is no window 99"; ok $? "an unknown window is refused"
keys d2 BSpace BSpace 3 Enter
wait_on d2 "$c2 is sent to window 3 as B001"; ok $? "sent to window 3 as B001"
within b "Next: .*B001→3"; ok $? "  the board shows B001 waiting for window 3"
is "$(q "SELECT state FROM tickets WHERE grp = 'A' AND number = ${c2#A00}") $(q "SELECT state || at_window FROM tickets WHERE grp = 'B'")" "transferred waiting3" "  the old ticket sent on, B001 waiting for window 3"

# Served at desk 1, then an empty line.
keys d1 n
wait_on d1 "^ +A003 +called"; ok $? "desk 1 calls A003"
keys d1 Enter
wait_on d1 "Receipt of the case"; ok $? "Enter asks for the case's receipt"
keys d1 Enter
wait_on d1 "A003 served"; ok $? "served without a case"
# A filing's ticket (the labour bureau's window 2 is group A here), served
# with its case linked: the case opens.
R=$(t_file_one "工资拖欠三个月")
jrc queue take --reason filing --case "$R" >/dev/null
wait_on d1 "A004 .*after filing +$R"; ok $? "desk 1's line shows the filing's ticket with its case"
keys d1 n
wait_on d1 "^ +A004 +called.*case $R"; ok $? "desk 1 calls A004, for case $R"
keys d1 Enter
wait_on d1 "Receipt of the case"
tm send-keys -t d1 -l "$R"
keys d1 Enter
wait_on d1 "Case $R"; ok $? "served with the receipt typed: the case opens"
is "$(q "SELECT state || ' ' || (SELECT receipt FROM cases WHERE id = case_id) FROM tickets WHERE grp = 'A' AND number = 4")" "served $R" "  the ticket is served and linked to the case"
keys d1 Escape
wait_on d1 "Queue at window 1"
keys d2 n
wait_on d2 "Nobody is waiting for window 2 \(group A\)"; ok $? "calling an empty line says so"

# Resize.
tm resize-window -t d1 -x 120 -y 40
wait_on d1 "Queue at window 1"; ok $? "the queue screen survives a resize to 120x40"
tm resize-window -t d1 -x 80 -y 24
wait_on d1 "N: call next"; ok $? "  and back to 80x24"

is "$(q "SELECT count(*) FROM events WHERE kind = 'ticket'")" 13 "every step is an event (4 takes, 4 calls, no-show, transfer and its new ticket, 2 serves)"

# A kiosk with a printer prints the number on a slip.
tm_start 80 24 $ENV "$JRC" kiosk --lang en --printer "file:$T_DIR/slip.bin"
tm_wait "A quick question: take a number" 10
take A005; ok $? "a kiosk with a printer gives A005"
tm_wait "please take the slip" 5; ok $? "  and says the slip is printing"
slip=$(iconv -f GB18030 -t UTF-8 -c "$T_DIR/slip.bin" 2>/dev/null | tr -d '\000-\010\016-\037')
like "$slip" "A005" "the slip carries the number"
like "$slip" "请到 1、2 号窗口" "  the windows"
like "$slip" "前面还有 0 人" "  and how many are ahead"
unlike "$slip" "$R|工资" "  and nothing of anyone's matter"

# With the voice on, the number is said, letter by letter.
if "$JRC" kiosk --help | grep -q -- '--voice-output'; then
	mkdir -p "$T_DIR/voice"
	tm_start 80 24 $ENV JRC_VOICE_PACE=0 "$JRC" kiosk --lang en --voice on --voice-output "file:$T_DIR/voice"
	tm_wait "A quick question: take a number" 10
	take A006; ok $? "a kiosk with the voice on gives A006"
	i=0
	while [ $i -lt 200 ] && ! cat "$T_DIR"/voice/*.txt 2>/dev/null | grep -q "Your number is A"; do
		sleep 0.05
		i=$((i + 1))
	done
	like "$(cat "$T_DIR"/voice/*.txt 2>/dev/null)" "Your number is A, 0, 0, 6\. Please wait for window 1, 2\. 1 ahead of you\." "  and says it, with the windows and the line"
fi
out=$(jrc verify); ok $? "verify is clean"
done_testing
