#!/usr/bin/env bash
# The PostgreSQL pass (issue 15): the record and what verify finds
# changed behind the program's back (cases, events, alerts, hearings,
# supervision, surveys, visits, terminations) with the triggers dropped,
# printing, and four kiosks whose printers fail.  tests/pg/pass.sh runs them.
PG_PASS="
tests/cli/record.sh tests/cli/verify.sh tests/cli/alerts.sh
tests/cli/hearing.sh tests/cli/supervise.sh tests/cli/survey.sh
tests/cli/visit.sh tests/cli/terminate.sh tests/cli/print.sh
tests/faults/printer.sh
"
. "$top_srcdir/tests/pg/pass.sh"
