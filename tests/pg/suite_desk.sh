#!/usr/bin/env bash
# The PostgreSQL pass (issue 15): the desk and the board in tmux: login,
# departments, hearings, the queue, text messages, today's arrivals,
# visits, words, prints, and a township's terminals on the county's
# database (--site).  tests/pg/pass.sh runs them.
PG_PASS="
tests/e2e/board.sh tests/e2e/desk.sh tests/e2e/desk_dept.sh
tests/e2e/desk_hearing.sh tests/e2e/desk_queue.sh tests/e2e/desk_sms.sh
tests/e2e/desk_today.sh tests/e2e/desk_visit.sh tests/e2e/desk_visit_spot.sh
tests/e2e/desk_words.sh tests/e2e/desk_prints.sh tests/e2e/site_terminal.sh
"
. "$top_srcdir/tests/pg/pass.sh"
