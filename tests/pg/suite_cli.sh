#!/usr/bin/env bash
# The PostgreSQL pass (issue 15): command-line tests of filing, the
# lifecycle, staff and rosters, check-in, help requests, lookups,
# privacy, the queue, sites, text messages, reports and exports.
# tests/pg/pass.sh runs them.
PG_PASS="
tests/cli/bad_input.sh tests/cli/errors.sh tests/cli/lifecycle.sh
tests/cli/phrases.sh tests/cli/roster.sh tests/cli/staff.sh
tests/cli/checkin.sh tests/cli/help_request.sh tests/cli/lookup_guard.sh
tests/cli/privacy.sh tests/cli/queue.sh tests/cli/sites.sh tests/cli/sms.sh
tests/cli/report.sh tests/cli/export.sh
"
. "$top_srcdir/tests/pg/pass.sh"
