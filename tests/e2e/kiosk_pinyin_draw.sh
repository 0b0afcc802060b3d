#!/bin/bash
# What a composing key sends to the terminal (issue 12, benchmark 8): the
# letters being composed in reverse video of the terminal's own colours,
# so no colour is switched on and off around them at every key; and the
# page key (= 下页) at the right end of the candidate line, where it stays
# put, so a key that changes the words does not send it again.  Bytes, not
# times: the bytes of one key are recorded with tmux pipe-pane.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
k_need_pinyin

OUT=$T_DIR/key.bytes

k_start 80 24 xterm-256color
tm_wait '欢迎'; ok $? "the kiosk starts"
tm_keys 1; tm_wait '第 1 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '浦阳街道：请选择村或社区'; tm_keys 3
tm_wait '第 3 步'; tm_keys 1
tm_wait '> 姓名'; ok $? "the name field"

tm_type lao
tm_wait '1\.[^ ]+ 2\..* = 下页'; ok $? "lao: candidates, and the page key"
cands=$(k_cands)

# One key, recorded: the pipe's command leaves a mark when it has written
# everything, after the pipe is closed.
: >"$OUT"
tm pipe-pane -t t -o "cat >>'$OUT'; touch '$OUT.done'"
tm_type b
tm_wait '1\.老板 '; ok $? "laob: the words change (老板 first)"
tm pipe-pane -t t
i=0
while [ ! -e "$OUT.done" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
[ -e "$OUT.done" ]; ok $? "the key's bytes are recorded"
[ -s "$OUT" ]; ok $? "and there are some"
after=$(k_cands)
[ "$cands" != "$after" ]; ok $? "the candidate line changed with the key"
like "$(tm_screen)" '= 下页' "the page key is still shown"

bytes=$(od -An -c "$OUT" | tr -s ' \n' ' ')
# SGR sequences that set or reset a colour: 3x / 4x / 39 / 49 / 38;5 / 48;5.
if LC_ALL=C grep -aEq $'\033\\[([0-9;]*;)?(3[0-9]|4[0-9])(;[0-9;]*)?m' "$OUT"; then
	ok 1 "no colour switched on or off for a composing key (got: $bytes)"
else
	ok 0 "no colour switched on or off for a composing key"
fi
if grep -aq '下页' "$OUT"; then
	ok 1 "the page key is not sent again when the words change (got: $bytes)"
else
	ok 0 "the page key is not sent again when the words change"
fi
like "$(tm_screen)" 'lao b' "the letters being composed are on the screen"

done_testing
