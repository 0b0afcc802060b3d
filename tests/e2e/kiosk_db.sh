#!/bin/bash
# A database that cannot take the case at the moment of sending (another
# terminal holds the write lock) shows a sentence, keeps everything typed,
# offers to try again or call staff, and files once it can.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"

TEXT="村里的垃圾站一直没人清理，气味很大"
k_start 80 24 xterm-256color --busy-timeout 1
tm_wait '欢迎'; tm_keys 1
tm_wait '第 1 步'; tm_keys 7
tm_wait '第 2 步'; tm_keys 3
tm_wait '请选择村或社区'; tm_keys 1
tm_wait '第 3 步'; tm_keys 2
tm_wait '是的，匿名反映'; tm_keys 1
tm_wait '第 4 步'; tm_type "$TEXT"; tm_keys Enter
tm_wait '第 5 步'; tm_keys Enter
tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助，继续')"
tm_wait '第 7 步'

# Another writer holds the database: an exclusive transaction kept open
# by a sqlite3 shell until we let go.
mkfifo "$T_DIR/hold"
sqlite3 "$JRC_DB" <"$T_DIR/hold" >/dev/null 2>&1 &
holder=$!
exec 9>"$T_DIR/hold"
# The holder waits its turn rather than losing to the probe below.
echo ".timeout 10000" >&9
echo "BEGIN EXCLUSIVE; INSERT INTO settings(key, value) VALUES ('lock_probe', 'x');" >&9
i=0
until ! sqlite3 -cmd '.timeout 0' "$JRC_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 || [ $i -ge 200 ]; do
	sleep 0.05; i=$((i + 1))
done
[ $i -lt 200 ]; ok $? "(another writer holds the database)"

tm_keys Enter
tm_wait '数据库正被另一台终端使用'; ok $? "a locked database shows a sentence that says what to do"
scr=$(tm_screen)
like "$scr" '您填写的内容都还在' "it says nothing was lost"
like "$scr" '1  再试一次' "it offers to try again"
like "$scr" '2  找工作人员' "or to call staff"
like "$scr" '垃圾站一直没人清理' "the typed text is still on the review"
tm_keys 2
tm_wait '请找工作人员帮忙'; ok $? "'call staff' says where to go"
tm_keys Enter
tm_wait '1  再试一次'; ok $? "and comes back to the review"
tm_keys 1
tm_wait '数据库正被另一台终端使用'; ok $? "still locked: the same sentence, no crash"

echo "ROLLBACK;" >&9
exec 9>&-
wait "$holder"
tm_keys 1
tm_wait '您反映的事情已经登记'; ok $? "once the database is free, trying again files the case"
json=$(k_json "$(k_receipt)")
like "$json" "\"text\":\"$TEXT\"" "with the text typed before the failure"
is "$(t_rows cases)" 1 "filed once, not twice"
done_testing
