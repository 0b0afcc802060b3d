#!/usr/bin/env bash
# The PostgreSQL pass (issue 15): the kiosk in tmux: the voice guide,
# blind use, the survey (by screen and by ear), the terms and visits.
# tests/pg/pass.sh runs them.
PG_PASS="
tests/e2e/kiosk_voice.sh tests/e2e/kiosk_voice_blind.sh
tests/e2e/kiosk_survey.sh tests/e2e/kiosk_survey_voice.sh
tests/e2e/kiosk_term.sh tests/e2e/kiosk_visit.sh
"
. "$top_srcdir/tests/pg/pass.sh"
