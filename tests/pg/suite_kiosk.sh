#!/usr/bin/env bash
# The PostgreSQL pass (issue 15): the kiosk in tmux: filing in both
# languages, idle and kept drafts, keys, lists, a lost session,
# navigation, phrases, the outcome example, pasting, court matters,
# leaders' days and hearings.  tests/pg/pass.sh runs them.
PG_PASS="
tests/e2e/kiosk_english.sh tests/e2e/kiosk_file_en.sh
tests/e2e/kiosk_file_zh.sh tests/e2e/kiosk_hearing.sh tests/e2e/kiosk_idle.sh
tests/e2e/kiosk_keep.sh tests/e2e/kiosk_keyline.sh tests/e2e/kiosk_lists80.sh
tests/e2e/kiosk_lost.sh tests/e2e/kiosk_nav.sh tests/e2e/kiosk_nolocale.sh
tests/e2e/kiosk_phrases.sh tests/e2e/kiosk_outcome.sh
tests/e2e/kiosk_paste.sh tests/e2e/kiosk_court.sh
tests/e2e/kiosk_leader_fit.sh
"
. "$top_srcdir/tests/pg/pass.sh"
