#!/usr/bin/env bash
# The PostgreSQL pass (issue 15), first part: bookings and their horizon,
# four filers at once, listings, overdue cases, receipt details, hearings
# before a termination, and in tmux the kiosk's access keys, booking,
# check-in and concluded matters, the desk's sites, figures, supervision,
# termination, alerts and staff receipts.  tests/pg/pass.sh runs them.
PG_PASS="
tests/cli/booking_horizon.sh tests/cli/concurrent.sh tests/cli/listings.sh
tests/cli/overdue.sh tests/cli/receipt_details.sh tests/cli/terminate_hearing.sh
tests/e2e/kiosk_access.sh tests/e2e/kiosk_booking.sh tests/e2e/kiosk_checkin.sh
tests/e2e/kiosk_concluded.sh tests/e2e/desk_sites.sh tests/e2e/desk_stats.sh
tests/e2e/desk_supervise.sh tests/e2e/desk_terminate.sh tests/e2e/desk_alerts.sh
tests/e2e/desk_receipt_staff.sh
"
. "$top_srcdir/tests/pg/pass.sh"
