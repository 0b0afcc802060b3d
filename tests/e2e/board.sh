#!/usr/bin/env bash
# The hall's board (issue 16, part 5): jrc board on the TV at 80x24 and
# 160x45 while tickets are taken and called from two windows in other
# processes: each call shows within a bounded wait, no ticket is shown at
# two windows, a no-show and a transfer are reflected, the pages turn,
# the figures and the appraisal table read right, each call is said once,
# and nothing personal of the cases filed ever reaches the screen.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
# Windows 1 and 2 both serve group A here, so two windows share one line.
mkdir -p "$T_DIR/data"
cp "$JRC_DATA"/*.csv "$T_DIR/data/"
sed -i 's/^2,B,人社,HR and social security,RSJ,$/2,A,综合受理,General reception,,/' "$T_DIR/data/windows.csv"
export JRC_DATA="$T_DIR/data"
t_init_db
export JRC_NOW=2026-11-30T09:00:00+08:00
q() { sqlite3 "$JRC_DB" "$@"; }
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
printf 'secret123\n' | jrc staff add D002 --name 李四 --role desk >/dev/null
ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LEDGER_KEY=$JRC_LEDGER_KEY JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"

# Cases with distinctive personal data: none of it may reach the board.
ID1=$(t_id 33072619580317241)
ID2=$(t_id 33072619910823052)
R1=$(jrc file --category LAB --division 330726100201 --name 欧阳铁柱 --id-number "$ID1" \
	--phone 13957912468 --text "老板拖欠工资八万七千元，地址是通济路九十九号") || fail "filing 1"
R2=$(jrc file --category LAB --division 330726100201 --name Zbigniew --id-number "$ID2" \
	--phone 18867530429 --text "Quixotic wages unpaid since spring" --outcome "Pay the xylophone crew") ||
	{ echo "Bail out! filing 2" >&2; exit 1; }
R3=$(t_file_one "邻里纠纷噪音扰民琵琶声")
jrc move "$R1" accepted >/dev/null && jrc move "$R1" answered --answer "已协调支付全部工资甲乙丙" >/dev/null
ok $? "case 1 accepted and answered today"
jrc feedback "$R1" --code "$(q "SELECT query_code FROM cases WHERE receipt = '$R1'")" --verdict satisfied >/dev/null
ok $? "the citizen of case 1 is satisfied"
jrc move "$R2" accepted >/dev/null; ok $? "case 2 accepted today"
fields=$(q "SELECT name, id_number, phone, text, coalesce(outcome, ''), receipt, query_code FROM cases" | tr '|' '\n' | grep -v '^$')
for f in $(q "SELECT answer FROM lifecycle_steps WHERE answer IS NOT NULL"); do fields="$fields
$f"; done
private_ok() {  # the screen holds none of the cases' fields (or pieces of them)
	local screen=$1 f
	while IFS= read -r f; do
		[ -n "$f" ] || continue
		case "$screen" in *"$f"*) echo "# on the board: $f" >&2; return 1;; esac
		case "$screen" in *"${f:0:4}"*) [ ${#f} -ge 8 ] && { echo "# on the board: ${f:0:4} of $f" >&2; return 1; };; esac
	done <<<"$fields"
	for f in 欧阳 铁柱 Zbigniew 13957 18867 2468 0429 拖欠 Quixotic xylophone 琵琶 甲乙丙; do
		case "$screen" in *"$f"*) echo "# on the board: $f" >&2; return 1;; esac
	done
	return 0
}
seen=""
look() { local s; s=$(tm_screen); seen="$seen
$s"; printf '%s\n' "$s"; }

# ---------------------------------------------------------------- 80x24
tm_start 80 24 $ENV "$JRC" board --lang en --page-seconds 2
tm_wait "Now calling" 10; ok $? "the board starts at 80x24"
scr=$(look)
like "$scr" "Please wait: your number will be called here" "nobody called yet"
like "$scr" "Today: filed 3, accepted 2, answered 1\.   In hand: 2, of them overdue 0\." "today's figures"
# A citizen takes A001 at a kiosk (its home screen's quick question), the
# rest come from the command line.
tm new-session -d -s k -x 80 -y 24 $ENV "$JRC" kiosk --lang en
wait_k() {
	local i=0
	while [ $i -lt 200 ]; do
		tm capture-pane -p -t k 2>/dev/null | grep -Eq -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	tm capture-pane -p -t k | sed 's/^/# k| /' >&2
	return 1
}
wait_k "A quick question: take a number"; ok $? "a kiosk beside the board"
n=$(tm capture-pane -p -t k | sed -n 's/^ *>\{0,1\}\([0-9]\)  A quick question.*/\1/p' | head -1)
tm send-keys -t k "$n"
wait_k "Your number: A001"; ok $? "  gives A001"
tm_wait "Next: +A001 +\(1 waiting\)" 5; ok $? "  shown on the board as next"
tm kill-session -t k
for t in 2 3 4; do jrc queue take >/dev/null || echo "# take $t failed" >&2; done
tm_wait "Next: +A001 +A002 +A003 +A004 +\(4 waiting\)" 5; ok $? "tickets taken show as next within the wait"
# Two windows call at once, in two processes.
t0=$(date +%s%N)
jrc queue call --window 1 --staff D001 >/dev/null &
p1=$!
jrc queue call --window 2 --staff D002 >/dev/null &
p2=$!
wait $p1; ok $? "window 1 calls"
wait $p2; ok $? "window 2 calls"
tm_wait "Also called: +A00[12]→[12]" 5; ok $? "both calls on the board"
ms=$((($(date +%s%N) - t0) / 1000000))
ok "$([ $ms -le 2000 ] && echo 0 || echo 1)" "  within 2 s of the calls ($ms ms)"
scr=$(look)
w1=$(q "SELECT grp || printf('%03d', number) FROM tickets WHERE at_window = 1 AND state = 'called'")
w2=$(q "SELECT grp || printf('%03d', number) FROM tickets WHERE at_window = 2 AND state = 'called'")
ok "$([ -n "$w1" ] && [ -n "$w2" ] && [ "$w1" != "$w2" ]; echo $?)" "the windows called different tickets ($w1, $w2)"
like "$scr" "Number $w2, please go to window 2|Number $w1, please go to window 1" "the newest call in a sentence"
is "$(printf '%s\n' "$scr" | grep -o 'A00[0-9]→[0-9]' | sort -u | sed 's/→.*//' | uniq -d)" "" "no ticket shown at two windows"
like "$scr" "▀|█" "the newest call in block letters"
like "$scr" "Next: +A003 +A004 +\(2 waiting\)" "  and two left waiting"

# A no-show at window 1, then a transfer of window 2's ticket to window 3.
jrc queue skip "$w1" --staff D001 >/dev/null; ok $? "window 1's ticket did not come"
tm_wait_gone "$w1→1|Number $w1," 5; ok $? "  it leaves the board"
jrc queue transfer "$w2" --to-window 3 --staff D002 >/dev/null; ok $? "window 2's ticket sent to window 3"
tm_wait "Next: .*B001→3" 5; ok $? "  it waits as B001 for window 3"
tm_wait "Please wait: your number will be called here" 5; ok $? "  and nobody is called now"
jrc queue call --window 3 --staff D001 >/dev/null
tm_wait "Number B001, please go to window 3" 5; ok $? "window 3 calls B001"
look >/dev/null
tm_wait "Public appraisal: cases filed since 2026-09-02" 10; ok $? "the pages turn to the appraisal"
scr=$(look)
like "$scr" "Department +Share on time +Share satisfied" "  with its columns"
like "$scr" "100% \(1/1\)" "  and the share with its numbers"
tm_wait "Leader reception days this week" 10; ok $? "  and back to the leader days"
look >/dev/null

# ---------------------------------------------------------------- 160x45
tm resize-window -t t -x 160 -y 45
tm_wait "Now calling" 5; ok $? "resized to 160x45"
look >/dev/null
tm_stop
mkdir -p "$T_DIR/voice"
tm_start 160 45 $ENV JRC_VOICE_PACE=0 "$JRC" board --lang zh --page-seconds 2 --voice on --voice-output "file:$T_DIR/voice"
tm_wait "正在叫号" 10; ok $? "the board starts in Chinese at 160x45"
look >/dev/null
jrc queue call --window 1 --staff D001 >/dev/null
tm_wait "请 A003 号到 1 号窗口" 5; ok $? "a call shows in Chinese"
scr=$(look)
like "$scr" "█" "  in full block letters"
i=0
while [ $i -lt 100 ] && ! cat "$T_DIR"/voice/*.txt 2>/dev/null | grep -q "A003"; do sleep 0.05; i=$((i + 1)); done
like "$(cat "$T_DIR"/voice/*.txt 2>/dev/null)" "请 A003 号到 1 号窗口" "  and is said"
unlike "$(cat "$T_DIR"/voice/*.txt 2>/dev/null)" "B001" "  calls made before the board started are not said"
tm_wait "公开评议" 10; look >/dev/null
tm_wait "本周领导接访日" 10; look >/dev/null
tm_keys q
i=0
while [ $i -lt 100 ] && ! tm_dead; do sleep 0.05; i=$((i + 1)); done
tm_dead; ok $? "q ends the board (for the technician)"

private_ok "$seen"; ok $? "no name, ID number, phone, text, answer, receipt or query code on any screen"
[ -z "${BOARD_SCREENS:-}" ] || printf "%s\n" "$seen" >"$BOARD_SCREENS"
done_testing
