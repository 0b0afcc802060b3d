#!/bin/bash
# A leader's reception day and the matter (issue 13): in the wizard the
# days of leaders who take up the matter's kind are marked (the same
# specialties the mediators' ranking uses); choosing another leader's day
# says so plainly and asks: this day anyway, or another day.  A leader's
# day chosen from the home screen is checked once the matter is known.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

K_NOW=2026-11-30T10:05:00+08:00
export JRC_NOW=$K_NOW

fill_steps() {
	tm_wait 'Step 1 of 7' || return 1
	tm_keys "$@"
	tm_wait 'Step 2 of 7' || return 1
	tm_keys 1; tm_keys Enter
	tm_wait 'choose the village' || return 1
	tm_keys 1
	tm_wait 'Step 3 of 7' || return 1
	tm_keys 2
	tm_wait 'Yes, report anonymously' || return 1
	tm_keys 1
	tm_wait 'Step 4 of 7' || return 1
	tm_type "老板欠了三个月工资"
	tm_keys Enter
	tm_wait 'Step 5 of 7' || return 1
	tm_keys Enter
}

k_start 80 24 xterm-256color --lang en
tm_wait 'Tell us about a problem'
tm_keys 1
# 1 (then Enter): work and unpaid wages.
fill_steps 1 Enter; ok $? "steps 1 to 5: unpaid wages"
tm_wait 'Choose the help you would like'
tm_keys "$(k_num 'Meet a county leader')"
tm_wait 'Step 6 of 7: Leader reception days'; ok $? "the leader days in the wizard"
scr=$(tm_screen)
like "$scr" 'Days marked "For your kind of matter" suit it best' "the hint says what the mark means"
like "$scr" 'For your kind of matter: Jobs and unpaid wages' "Liu Fang's day is marked"
unlike "$scr" 'For your kind of matter: Land' "Li Ming's is not"
like "$scr" 'Topics: Land taking' "his shows its topics plainly"

# Li Ming does not take up wages: a plain sentence and a choice.
tm_keys 1
tm_wait 'This leader may not be the right one'; ok $? "a day off the matter: a warning first"
like "$(tm_screen | tr -s ' \n' ' ')" 'Li Ming does not usually take up matters of this kind \(Work and unpaid wages\)' \
	"in a plain sentence naming the leader and the matter"
like "$(tm_screen)" '1 +This day anyway +2 +Another day' "with a choice to go on or pick another"
tm_keys 2
tm_wait 'Days marked'; ok $? "another day: back to the days"
tm_keys 2
tm_wait 'Free times of Liu Fang'; ok $? "a marked day goes straight to its times"
tm_keys Escape
tm_wait 'Days marked'
tm_keys 1
tm_wait 'This leader may not be the right one'
tm_keys 1
tm_wait 'Free times of Li Ming'; ok $? "this day anyway: his times"
tm_keys 1
tm_wait 'Step 7 of 7'; ok $? "the booking is kept for the filing"
# Coming back, step 6 shows the booking with the same warning.
tm_keys Escape
tm_wait 'Step 6 of 7: Your chosen appointment'
like "$(tm_screen | tr -s ' \n' ' ')" 'Li Ming does not usually take up matters of this kind' \
	"the booking shown first carries the warning"
k_stop

# From the home screen the matter is not known yet: the check comes in
# step 6, once it is.
k_start 80 24 xterm-256color --lang zh
tm_wait '领导接待日'
tm_keys "$(tm_screen | sed -n 's/^.*[> ]\([0-9]\)  领导接待日.*$/\1/p' | head -1)"
tm_wait '县领导在这些日子接待群众'; ok $? "leader days from home (Chinese)"
unlike "$(tm_screen)" '对口您的事情' "no marks before the matter is known"
tm_keys 1
tm_wait '李明'
tm_keys 1
tm_wait '第 1 步'
tm_keys 1; tm_keys Enter
tm_wait '第 2 步'
tm_keys 1; tm_keys Enter
tm_wait '选择村'
tm_keys 1
tm_wait '第 3 步'
tm_keys 2
tm_wait '匿名'
tm_keys 1
tm_wait '第 4 步'
tm_type "老板欠了三个月工资"
tm_keys Enter
tm_wait '第 5 步'
tm_keys Enter
tm_wait '第 6 步（共 7 步）：您选好的预约'; ok $? "step 6: the booking first"
like "$(tm_screen | tr -d ' \n')" '李明一般不接待这类事情（劳动就业与欠薪）' "with the warning in Chinese"
k_stop
done_testing
