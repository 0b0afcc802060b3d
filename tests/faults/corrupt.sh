#!/usr/bin/env bash
# A damaged database file (bytes overwritten in a copy): `jrc verify` says
# so with exit 1, other commands refuse with a sentence instead of
# crashing, the kiosk will not start on a file that is not a database, and
# a kiosk already running on a file with a damaged table tells the citizen
# at the moment of sending, keeping what was typed.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "sqlite3 is not installed"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
for i in 1 2 3 4 5 6; do
	jrc file --category LAB --division 330726100 --anonymous --text "第 $i 件 $(t_repeat 字 300)" >/dev/null
done
sqlite3 "$JRC_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
psize=$(sqlite3 "$JRC_DB" "PRAGMA page_size")
page_of() { sqlite3 "$JRC_DB" "SELECT rootpage FROM sqlite_master WHERE name = '$1'"; }

# damaged NAME OFFSET BYTES: a copy of the database with BYTES written at OFFSET.
damaged() {
	cp "$JRC_DB" "$T_DIR/$1.db"
	printf '%s' "$3" | dd of="$T_DIR/$1.db" bs=1 seek="$2" conv=notrunc 2>/dev/null
	echo "$T_DIR/$1.db"
}
junk=$(t_repeat 'garbage!' 8)
header=$(damaged header 0 "$junk")
btree=$(damaged btree $(( ($(page_of cases) - 1) * psize )) "$junk")
# One hex digit of an event's hash, wherever the file keeps it (the rows
# carry copies of their facts now, so the events span several pages).
h=$(sqlite3 "$JRC_DB" "SELECT hash FROM events WHERE id = 2")
off=$(grep -boa "$h" "$JRC_DB" | head -1 | cut -d: -f1)
[ "${h:10:1}" = 0 ] && digit=1 || digit=0
event=$(damaged event $(( off + 10 )) "$digit")

for d in header btree event; do
	eval "f=\$$d"
	out=$("$JRC" --db "$f" verify 2>&1); st=$?
	is $st 1 "$d damage: jrc verify exits 1"
	like "$out" "^jrc: .*(damaged|Event [0-9]+)" "$d damage: and says what it found"
done
like "$("$JRC" --db "$btree" verify 2>&1)" "restore it from a backup" "verify says what to do"
like "$("$JRC" --db "$event" verify 2>&1)" "supervisor" "a changed event: report it"
out=$("$JRC" --db "$header" list 2>&1); is $? 1 "other commands on a damaged file: exit 1"
like "$out" "^jrc: The database file is damaged: ask staff" "with a sentence for staff"
out=$("$JRC" --db "$btree" list 2>&1); is $? 1 "a damaged table: exit 1, not a crash"
out=$("$JRC" --db "$btree" file --category LAB --division 330726100 --anonymous --text t 2>&1)
is $? 1 "filing into a damaged table: exit 1"
like "$out" "damaged" "with the sentence"
out=$(jrc verify 2>&1); ok $? "the original is untouched and verifies"

# The kiosk.  The command starts after a moment, once tmux keeps the pane
# open on exit, so that what it says before it ends can be read.
command -v "$TMUX_BIN" >/dev/null 2>&1 || { done_testing; exit; }
kiosk_on() {
	tm_start 80 24 sh -c "sleep 0.3; exec env LANG=C.UTF-8 TERM=xterm-256color JRC_DB='$1' \
		JRC_NOW=$JRC_NOW ${JRC_LOCALEDIR:+JRC_LOCALEDIR='$JRC_LOCALEDIR'} '$JRC' kiosk"
}
kiosk_on "$header"
for _ in $(seq 600); do tm_dead && break; sleep 0.05; done
tm_dead; ok $? "the kiosk does not start on a file that is not a database"
like "$(tm capture-pane -p -S - -t t | tr -d '\n')" "damaged: ask staff to restore it from a backup" \
	"with a sentence for staff on the terminal"
"$JRC" --db "$header" kiosk </dev/null >/dev/null 2>&1
is $? 1 "it exits 1, it does not crash"
tm_stop

kiosk_on "$btree"
tm_wait '欢迎'; ok $? "a damaged table: the kiosk starts (the home screen reads no cases)"
tm_keys 1; tm_wait '第 1 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '请选择村或社区'; tm_keys 3; tm_wait '第 3 步'; tm_keys 2; tm_wait '匿名'; tm_keys 1
tm_wait '还可输入 4000 字'; tm_type "测试损坏的数据库"; tm_keys Enter
tm_wait '第 5 步'; tm_keys Enter; tm_wait '第 6 步'
tm_keys "$(tm_screen | sed -n 's/^.*[> ]\([0-9][0-9]*\)  不需要帮助.*$/\1/p' | head -1)"
tm_wait '第 7 步'; tm_keys Enter
tm_wait '数据库文件已损坏'; ok $? "sending says the database is damaged"
like "$(tm_screen)" "什么都没有丢" "and that nothing typed is lost"
tm_dead; [ $? -ne 0 ]; ok $? "the kiosk is still running"
tm_stop
done_testing
