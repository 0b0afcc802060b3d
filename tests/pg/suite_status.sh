#!/usr/bin/env bash
# The PostgreSQL pass (issue 15): the kiosk in tmux: pinyin, a printer
# that is down, the 80 mm receipt, text messages, the status of a matter
# (bookings, the code first, dates) and step 6 with a booking.
# tests/pg/pass.sh runs them.
PG_PASS="
tests/e2e/kiosk_pinyin.sh tests/e2e/kiosk_pinyin_draw.sh
tests/e2e/kiosk_printer_down.sh tests/e2e/kiosk_receipt80.sh
tests/e2e/kiosk_sms.sh tests/e2e/kiosk_status.sh
tests/e2e/kiosk_status_booking.sh tests/e2e/kiosk_status_code_first.sh
tests/e2e/kiosk_status_dates.sh tests/e2e/kiosk_step6_booked.sh
"
. "$top_srcdir/tests/pg/pass.sh"
