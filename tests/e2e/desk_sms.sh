#!/usr/bin/env bash
# SMS notices at the desk: the worklist says how many messages were given
# up on ("Failed SMS: N."), said only when there are any; the listing is
# 'jrc sms list --failed'.
. "$top_srcdir/tests/lib.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is needed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 shell is needed"
t_init_db
export JRC_NOW=2026-11-20T09:00:00+08:00
printf 'secret123\n' | jrc staff add D001 --name 张三 --role desk >/dev/null
ID=$(t_id 33072619800101001)
for p in 13800000001 13800000002; do
	jrc file --category LAB --division 330726001201 --name 李四 --id-number "$ID" \
		--phone $p --text "欠薪" --sms >/dev/null
done
# A gateway that always fails, tried six times over a day.
printf '#!/bin/sh\necho "no signal" >&2\nexit 1\n' >"$T_DIR/gw.sh"; chmod +x "$T_DIR/gw.sh"
jrc settings sms_sender "command:$T_DIR/gw.sh" >/dev/null
for at in 09:00 09:02 09:08 09:40 11:41 23:42; do
	JRC_NOW=2026-11-20T$at:00+08:00 jrc sms send --once >/dev/null
done
is "$(jrc sms list --failed --json | jq length)" 2 "two messages given up on"

ENV="env JRC_DB=$JRC_DB JRC_NOW=$JRC_NOW JRC_LOCALEDIR=${JRC_LOCALEDIR:-} JRC_DATA=$JRC_DATA TERM=xterm-256color"
login() {
	tm_wait "Staff ID|工号" 10 || return 1
	tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Enter
}
tm_start 80 24 $ENV "$JRC" desk --lang en
login D001 secret123
tm_wait "Front desk: 张三" 10; ok $? "a desk clerk logs in"
like "$(tm_screen)" "Failed SMS: 2\." "the worklist counts the failed messages"
tm_stop

sqlite3 "$JRC_DB" "UPDATE sms_outbox SET failed_at = NULL, sent_at = '2026-11-20T01:00:00Z'"
tm_start 80 24 $ENV "$JRC" desk --lang zh
login D001 secret123
tm_wait "张三" 10; ok $? "again, in Chinese"
unlike "$(tm_screen)" "短信发送失败" "none failed: nothing said"
tm_stop
done_testing
