#!/bin/bash
# The built-in pinyin input, under C.UTF-8 with no input method at all: a
# whole case whose name and story are typed only as pinyin letters and
# digits; the stored text is exactly what was picked.  Enter, Esc and
# Backspace while composing; F4; nothing is learnt from one citizen for
# the next; the idle wipe drops a composition.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
k_need_pinyin

ID=$(t_id 33072619800101001)
# rime's private folder goes here, so the test can see it.
mkdir -p "$T_DIR/rt"
export TMPDIR="$T_DIR/rt"

k_start 80 24 xterm-256color
tm_wait '欢迎'; ok $? "the kiosk starts"
tm_keys 1; tm_wait '第 1 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '浦阳街道：请选择村或社区'; tm_keys 3
tm_wait '第 3 步'; tm_keys 1
tm_wait '> 姓名'
like "$(tm_screen)" '> 姓名 .*\[拼 F4\]' "the name field shows that pinyin is on, and its key"

tm_type wangxiaomei
tm_wait '1\.[^ ]+ 2\.'; ok $? "letters compose: numbered candidates under the field"
like "$(tm_screen)" 'wang xiao mei' "the letters show as syllables"
k_pick 王小; ok $? "王小 is offered for wangxiaomei"
tm_wait '王小mei'; ok $? "the rest stays to compose"
k_pick 美; ok $? "then 美"
tm_wait_gone '1\.[^ ]+ 2\.'; ok $? "nothing left to compose: the candidates go"
like "$(tm_screen)" '> 姓名 +王小美' "the name is 王小美"

# Esc and Enter while composing never leave the step.
tm_type xyz; tm_wait 'x y z|xyz'
tm_keys Escape
tm_wait_gone '1\.[^ ]+ 2\.'; ok $? "Esc drops the composition"
scr=$(tm_screen)
like "$scr" '> 姓名 +王小美 ' "and only the composition"
like "$scr" '第 3 步' "still on step 3"
tm_keys Tab
tm_wait '> 证件'; tm_type "$ID"
tm_wait "> 身份证号码 +$ID"; ok $? "digits typed on the document choice start the number"
tm_keys Enter
tm_wait '> 电话号码'; tm_type '１３８１２３４５６７８'
tm_wait '> 电话号码 +13812345678'; ok $? "full-width digits in the phone are taken as digits"
tm_keys Enter
tm_wait '短信通知吗'; tm_keys 2

tm_wait '第 4 步（共 7 步）'; ok $? "step 4"
like "$(tm_screen)" '\[拼\] F4' "the text area shows that pinyin is on"
tm_type laoban; tm_wait 'lao ban'; k_pick 老板; ok $? "老板"
tm_type zangsan; tm_wait 'zang san'
k_pick 张三; ok $? "fuzzy sounds: zangsan offers 张三"
tm_type laobantuoqiangongzi; tm_wait 'lao ban tuo qian gong zi'
like "$(k_cands)" '^1\.老板拖欠工资 ' "a whole phrase in one go: 老板拖欠工资 first"
tm_keys BSpace; tm_wait 'gong z( |$)'; ok $? "Backspace edits the letters"
tm_type i; tm_wait 'gong zi'
tm_keys Space; tm_wait_gone '1\.[^ ]+ 2\.'; ok $? "Space takes the first"
tm_type 3
tm_type geyue; tm_wait 'ge yue'; k_pick 个月; ok $? "个月"
tm_wait '老板张三老板拖欠工资3个月'; ok $? "the text is what was picked, with the digit"
tm_type ltqgz; tm_wait 'l t q g z'; ok $? "initials compose too"
like "$(k_cands)" '拖欠工资' "ltqgz offers 拖欠工资"
tm_keys Escape; tm_wait_gone 'l t q g z'
tm_type qian; tm_wait 'qian'
tm_keys Enter
tm_wait '3个月qian'; ok $? "Enter puts the letters in as typed"
like "$(tm_screen)" '第 4 步' "Enter while composing did not leave the step"
for i in 1 2 3 4; do tm_keys BSpace; done
tm_wait_gone '3个月qian'
tm_keys F4; tm_wait '\[英\] F4'; ok $? "F4: English letters, and the area says so"
tm_type ok; tm_wait '3个月ok'; ok $? "in English mode letters go in plain"
tm_keys BSpace BSpace F4; tm_wait '\[拼\] F4'; ok $? "F4 again: pinyin"
tm_keys Enter

tm_wait '第 5 步（共 7 步）'; ok $? "step 5"
tm_keys F3; tm_wait '常用说法'; ok $? "F3 opens the common sentences in the outcome step too"
n=$(k_num '希望帮我把拖欠的工资要回来。')
like "$n" '^[0-9]+$' "the wish is offered"
k_choose "$n" '第 5 步'; tm_wait '第 5 步'
tm_wait '希望帮我把拖欠的工资要回来。'; ok $? "the wish is in the outcome"
tm_keys Enter
tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
tm_wait '第 7 步'
scr=$(tm_screen)
like "$scr" '王\*' "review: the name, masked"
like "$scr" '老板张三老板拖欠工资3个月' "review: the story"
tm_keys Enter
tm_wait '您反映的事情已经登记'; ok $? "filed"
R=$(k_receipt)
json=$("$JRC" show --json --unmasked "$R")
like "$json" '"name":"王小美"' "stored: the name exactly as picked"
like "$json" '"text":"老板张三老板拖欠工资3个月"' "stored: the story exactly as picked"
like "$json" '"outcome":"希望帮我把拖欠的工资要回来。"' "stored: the outcome"
like "$json" '"phone":"13812345678"' "stored: the phone in plain digits"
tm_press_until Enter '欢迎' 5
k_stop

# No learning: what one citizen picks is not ranked higher for the next.
to_story() {
	tm_keys 1; tm_wait '第 1 步'; tm_keys 2
	tm_wait '第 2 步'; tm_keys 3
	tm_wait '浦南街道：请选择村或社区'; tm_keys 1
	tm_wait '第 3 步'; tm_keys 2
	tm_wait '是的，匿名反映'; tm_keys 1
	tm_wait '第 4 步'
}
k_start 80 24 xterm-256color --idle 5 --countdown 2
tm_wait '欢迎'
to_story
tm_type zangsan; tm_wait 'zang san'
before=$(k_cands)
like "$before" '^1\..* 9\.' "nine candidates for zangsan"
rare=$(printf '%s' "$before" | grep -Eo '9\.[^ ]+' | cut -c3-)
tm_keys 9
tm_wait "$rare[a-z ]"; ok $? "the ninth ($rare) is picked"
tm_keys Space
tm_wait_gone '1\.[^ ]+ 2\.'; ok $? "and the rest with Space: committed"
tm_type zangsan; tm_wait 'zang san'
is "$(k_cands)" "$before" "in the same session the pick is not ranked higher"
tm_keys Escape
tm_wait 'Are you still there|您还在吗' 15; ok $? "left alone: the countdown"
tm_wait '欢迎' 15; ok $? "then the wipe"
to_story
tm_type zangsan; tm_wait 'zang san'
is "$(k_cands)" "$before" "the next citizen gets the same order as the first"
tm_keys Escape
k_stop
k_start 80 24 xterm-256color --idle 5 --countdown 2
tm_wait '欢迎'; to_story
tm_type zangsan; tm_wait 'zang san'
is "$(k_cands)" "$before" "and so does a new kiosk process"

# The idle wipe drops a composition.
tm_wait 'Are you still there|您还在吗' 15
tm_wait '欢迎' 15; ok $? "the wipe while composing"
to_story
unlike "$(tm_screen)" 'zang san|1\.[^ ]+ 2\.' "no composition is left after the wipe"
tm_type x; tm_wait '1\.[^ ]+ 2\.'
like "$(tm_screen)" '│ x ' "new letters start a new composition"
unlike "$(tm_screen)" 'zang' "nothing of the last one's letters"
ls -d "$T_DIR"/rt/jrc-rime.* >/dev/null 2>&1; ok $? "rime has a private folder"
is "$(find "$T_DIR/rt" -type f | wc -l)" 0 "rime wrote nothing in it"
k_stop
i=0
while ls -d "$T_DIR"/rt/jrc-rime.* >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
ls -d "$T_DIR"/rt/jrc-rime.* >/dev/null 2>&1
ok $(( ! $? )) "the private folder is gone when the kiosk ends"

# pinyin_fuzzy off: exact sounds only.
"$JRC" settings pinyin_fuzzy off >/dev/null
k_start 80 24 xterm-256color
tm_wait '欢迎'; to_story
tm_type zangsan; tm_wait 'zang san'
c=$(k_cands)
like "$c" '^1\.' "with pinyin_fuzzy off zangsan still composes"
unlike "$c" '张三' "but no longer offers 张三"
done_testing
