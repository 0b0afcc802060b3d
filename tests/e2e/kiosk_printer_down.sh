#!/bin/bash
# The printer is down when a citizen files: the case is filed all the same,
# the failed print is recorded for the desk, and the screen becomes the
# receipt - the whole document and a QR code a phone can read - with a
# plain request to collect a printed copy at the front desk.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

# Port 1 on the loopback: nothing listens, the connection is refused.
k_start 80 24 xterm-256color --printer tcp://127.0.0.1:1
tm_wait '欢迎'; ok $? "the kiosk starts"
tm_keys 1
tm_wait '第 1 步'; tm_keys 1; tm_wait '您按了 1'; tm_keys Enter
tm_wait '第 2 步'; tm_keys 4
tm_wait '黄宅镇'; tm_keys 1
tm_wait '第 3 步'; tm_keys 2
tm_wait '匿名'; tm_keys 1
tm_wait '第 4 步'; tm_type "老板拖欠工资，打印机坏了也要登记。"; tm_keys Enter
tm_wait '第 5 步'; tm_keys Enter
tm_wait '第 6 步'; tm_keys "$(k_num '不需要帮助')"
tm_wait '第 7 步'; tm_keys Enter
tm_wait '回执没有打印出来' 15; ok $? "the screen says plainly that nothing was printed"
scr=$(tm_screen)
r=$(k_receipt)
like "$r" '^PJ261129-0001-[0-9]$' "the receipt number is on the screen"
like "$scr" '查询码：[0-9]{6}' "with the query code"
like "$scr" '前台领取' "and asks the citizen to collect a printed copy at the front desk"
like "$scr" '打印机暂时不能用' "the printer's fault in a plain sentence"
unlike "$scr" '拒绝连接|127\.0\.0\.1' "the technical one is not for the citizen"
like "$("$JRC" print --failed)" '127\.0\.0\.1' "it goes to the desk's failed-prints list"
like "$scr" '县人力资源和社会保障局' "the whole receipt: the department"

# The QR in half blocks, read back as a phone would: the last 31
# characters of each row are the code (29 columns) and the margin.
if command -v zbarimg >/dev/null 2>&1; then
	tm capture-pane -p -N -t t | sed -n '7,21p' |
		sed 's/▀/U/g; s/▄/L/g; s/█/F/g' |
		awk '{ s = substr($0, length($0) - 30, 29); rows[NR] = s }
		     END {
			scale = 6; w = 29; h = NR * 2
			printf "P1\n%d %d\n", (w + 8) * scale, (h + 8) * scale
			for (y = -4; y < h + 4; y++) for (k = 0; k < scale; k++) {
				line = ""
				for (x = -4; x < w + 4; x++) {
					px = 0
					if (y >= 0 && y < h && x >= 0 && x < w) {
						c = substr(rows[int(y / 2) + 1], x + 1, 1)
						px = (y % 2 == 0) ? (c == "U" || c == "F") : (c == "L" || c == "F")
					}
					for (j = 0; j < scale; j++) line = line px " "
				}
				print line
			}
		     }' >"$T_DIR/qr.pbm"
	code=$(zbarimg --quiet --raw "$T_DIR/qr.pbm" 2>/dev/null)
	like "$code" "^$r [0-9]{6}\$" "the on-screen QR reads back as the receipt number and query code"
else
	ok 0 "# SKIP zbarimg is not installed"
fi

# Nothing lost: the case is filed, the failed print waits at the desk.
like "$(k_json "$r")" '"state":"registered"' "the case is filed"
like "$("$JRC" print --failed)" "$r" "the desk sees the failed print"
"$JRC" print "$r" --printer "file:$T_DIR/again.bin" >/dev/null
ok $? "and reprints it"
grep -aq "$r" "$T_DIR/again.bin"; ok $? "the reprint carries the number"

# Down shows the rest of the receipt; Enter finishes.
tm_press_until Down '请妥善保管本回执' 30; ok $? "the rest of the receipt scrolls into view"
tm_press_until Enter '欢迎' 5; ok $? "Enter goes back to the first screen"
done_testing
