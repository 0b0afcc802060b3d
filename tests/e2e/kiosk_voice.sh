#!/bin/bash
# Voice guidance (issue 17), with the voice going to WAV files: off until
# asked for; F5 and the home choice turn it on; every screen of a whole
# filing is said (heading, instruction, choices), F6 reads back the story,
# the receipt number and query code are said digit by digit, twice; the
# idle wipe turns it off again.  A new screen cuts the sentence being said.
# A sound device that does not exist: the filing completes, staff are told
# once.
. "$top_srcdir/tests/e2e/voice_lib.sh"

VD="$T_DIR/voice"
TEXT="老板拖欠我三个月工资。"

# ---- voice off: nothing is said until F5
v_start "$VD" 0 "$T_DIR/err1" --voice off
tm_wait '欢迎'; ok $? "the kiosk starts"
like "$(tm_screen)" 'F5 再听一遍' "the key line offers F5"
tm_keys 1; tm_wait '第 1 步'
tm_keys Escape; tm_wait '欢迎'
tm_keys F5
v_screen_said "$VD" "F5 turns the voice on: the home screen"
is "$(v_count "$VD")" 1 "nothing was said before F5 (voice off says nothing)"

# ---- the home choice: off, then on again
vn=$(k_num '语音引导')
like "$vn" '^[0-9]+$' "the home screen offers voice guidance"
tm_keys "$vn"
tm_wait '语音引导已关闭'; ok $? "the home choice turns it off"
tm_keys "$vn"
tm_wait '语音引导已打开'; ok $? "and on again"
v_screen_said "$VD" "home, voice on"
v_wait_new "$VD" '语音引导已打开'; ok $? "the message is said too"

# ---- the cursor and errors
tm_keys Down
v_wait_new "$VD" "按 $((vn + 1))，"; ok $? "moving the cursor says the choice under it"
tm_keys 9
v_wait_new "$VD" '没有第 9 项'; ok $? "an error is said as it appears"

# ---- a whole filing
tm_keys 1; tm_wait '第 1 步（共 7 步）'
v_screen_said "$VD" "step 1, the category"
tm_keys 1; tm_keys Enter; tm_wait '第 2 步（共 7 步）'
v_screen_said "$VD" "step 2, the township"
tm_keys 1; tm_keys Enter; tm_wait '浦阳街道：请选择村或社区'
v_screen_said "$VD" "step 2, the village"
tm_keys 3; tm_wait '第 3 步（共 7 步）'
v_screen_said "$VD" "step 3, about you"
tm_keys 2; tm_wait '匿名反映'
v_screen_said "$VD" "step 3, anonymous"
tm_keys 1; tm_wait '第 4 步（共 7 步）'
v_screen_said "$VD" "step 4, what happened"
like "$(tm_screen)" 'F6 读出已输入' "F6 is on the key line while typing"
s4=$V_LAST
tm_type "$TEXT"; tm_wait '还可输入 3989 字'
tm_keys F6
v_wait_new "$VD" "您写的是：$TEXT"; ok $? "F6 reads back what was typed"
tm_keys F5
v_wait_new "$VD" '第 4 步（共 7 步）'; ok $? "F5 says the screen again"; n=$V_LAST
cmp -s "$(v_file "$VD" "$n" txt)" "$(v_file "$VD" "$s4" txt)"; ok $? "the same words as the first time"
tm_keys F1; tm_wait '帮助'
v_wait_new "$VD" '文字会自动换行'; ok $? "F1: the help is said"
tm_keys x; tm_wait_gone '按任意键关闭'
tm_keys Enter; tm_wait '第 5 步（共 7 步）'
v_screen_said "$VD" "step 5, what you would like"
tm_keys Enter; tm_wait '第 6 步（共 7 步）'
v_screen_said "$VD" "step 6, help"
tm_keys "$(k_num '不需要帮助，继续')"; tm_wait '第 7 步（共 7 步）'
v_screen_said "$VD" "step 7, review"
like "$(cat "$(v_file "$VD" "$V_LAST" txt)")" "按 4，发生了什么：$TEXT" "the review says what was written"
tm_keys Enter
tm_wait '您反映的事情已经登记'; ok $? "the receipt screen"
v_screen_said "$VD" "the receipt"
r=$(k_receipt)
code=$(sqlite3 "$JRC_DB" "SELECT query_code FROM cases WHERE receipt = '$r'" 2>/dev/null)
v_wait_new "$VD" "回执编号：$(v_digits "$r")。查询码：$(v_digits "$code")。"
ok $? "the receipt number and query code, digit by digit"; n=$V_LAST
grep -q "^$(printf %04d "$n") start .*slow=1" "$VD/voice.log"; ok $? "slowly"
v_wait_new "$VD" "再说一遍。回执编号：$(v_digits "$r")"; ok $? "and once more"
v_wait_end "$VD" "$V_LAST" >/dev/null && v_wav_ok "$VD" "$V_LAST"; ok $? "said in full"

# ---- the wipe: voice off for the next citizen
c0=$(v_count "$VD")
tm_press_until Enter '欢迎' 5
tm_keys 1; tm_wait '第 1 步'
tm_keys Escape; tm_wait '欢迎'
tm_keys "$vn"
tm_wait '语音引导已(打开|关闭)'
like "$(tm_screen)" '语音引导已打开' "after the wipe the voice is off: the home choice turns it on"
v_wait_new "$VD" '语音引导已打开'; ok $? "and says so"
said_between=$(for ((i = c0 + 1; i < V_LAST; i++)); do cat "$(v_file "$VD" $i txt)"; done)
unlike "$said_between" '第 1 步' "nothing was said on the way there"

# ---- checking progress: where the matter stands is said, not only shown
tm_keys "$(k_num '查询办理进度')"
tm_wait '我有受理编号'; tm_keys 1
tm_wait '请输入回执上的编号'; tm_type "$r"; tm_keys Enter
tm_keys 1; tm_type "$code"; tm_keys Enter
tm_wait '正在等待责任部门决定是否受理'; ok $? "the status of the matter"
v_wait_new "$VD" '正在等待责任部门决定是否受理'; ok $? "where it stands is said"
like "$(cat "$(v_file "$VD" "$V_LAST" txt)")" '期限： ?2026年12月14日.*还剩 15 天' "with the date to wait for"
is "$(wc -c < "$T_DIR/err1")" 0 "a working voice tells staff nothing"
k_stop

# ---- a new screen cuts the sentence being said (at the pace of sound)
VD2="$T_DIR/voice2"
v_start "$VD2" 1 "$T_DIR/err2" --voice on
V_LAST=0
v_wait_new "$VD2" '欢迎。'; ok $? "voice on by default: the home screen is said"; n=$V_LAST
i=0
while [ "$(stat -c %s "$(v_file "$VD2" 1 wav)" 2>/dev/null || echo 0)" -le 4000 ] && [ $i -lt 200 ]; do
	sleep 0.05; i=$((i + 1))
done
tm_keys 1; tm_wait '第 1 步'
is "$(v_wait_end "$VD2" 1)" cut "moving on before the end cuts the sentence"
cmp -s "$(v_file "$VD2" 1 txt)" "$(v_file "$VD" 1 txt)"; ok $? "the same words as an uninterrupted home screen"
cut=$(v_samples "$VD2" 1); full=$(v_samples "$VD" 1)
[ -n "$cut" ] && [ -n "$full" ] && [ "$cut" -lt "$full" ]
ok $? "so its WAV is shorter ($cut < $full samples)"
"$WAVSTAT" "$(v_file "$VD2" 1 wav)" >/dev/null; ok $? "and still a finished WAV"
v_wait_new "$VD2" '第 1 步（共 7 步）'; ok $? "the new screen is said"
k_stop

# ---- no such sound device: silence, one line for staff, the filing completes
v_start "$T_DIR/unused" 0 "$T_DIR/err3" --voice on --voice-output alsa:nonexistent
tm_wait '欢迎'; ok $? "the kiosk starts without its sound device"
scr=$(tm_screen)
unlike "$scr" '语音引导' "no voice guidance is offered where there is no sound"
unlike "$scr" 'F5' "nor F5"
tm_keys 1; tm_wait '第 1 步'; tm_keys 1; tm_keys Enter
tm_wait '第 2 步'; tm_keys 1; tm_keys Enter
tm_wait '浦阳街道：请选择村或社区'; tm_keys 3
tm_wait '第 3 步'; tm_keys 2
tm_wait '匿名反映'; tm_keys 1
tm_wait '第 4 步'; tm_type "$TEXT"; tm_keys Enter
tm_wait '第 5 步'; tm_keys Enter
tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
tm_wait '第 7 步'; tm_keys Enter
tm_wait '您反映的事情已经登记'; ok $? "the filing completes in silence"
tm_press_until Enter '欢迎' 5
tm kill-session -t t >/dev/null 2>&1
k_stop
is "$(wc -l < "$T_DIR/err3")" 1 "staff are told once, on stderr"
like "$(cat "$T_DIR/err3")" "nonexistent" "which device does not work"
[ ! -e "$T_DIR/unused" ]; ok $? "and nothing was written anywhere else"
is "$(sqlite3 "$JRC_DB" "SELECT count(*) FROM events WHERE kind = 'voice_fault'" 2>/dev/null)" 1 \
	"the desk's record has it once"
printf 'secret123\n' | "$JRC" staff add D001 --name 张三 --role desk >/dev/null
tm_start 100 30 env LANG=C.UTF-8 TERM=xterm-256color JRC_DB="$JRC_DB" JRC_NOW="$K_NOW" \
	${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} "$JRC" desk --lang en
tm_wait 'Staff ID'; tm_type D001; tm_keys Tab; tm_type secret123; tm_keys Enter
tm_wait 'Kiosk voice.*nonexistent'; ok $? "and the desk says so at login"
k_stop
done_testing
