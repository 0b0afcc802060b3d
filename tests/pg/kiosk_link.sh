#!/usr/bin/env bash
# A township's link to the county server goes down while a citizen sends
# (issue 15): the kiosk on a PostgreSQL server that stops at once (as in a
# crash) says in a sentence that the server cannot be reached, keeps every
# choice and word on the screen, and files the matter with "Try again"
# once the server is back, over a connection it opens again by itself; a
# connection the server drops between two citizens is opened again unseen.
. "$top_srcdir/tests/e2e/kiosk_lib.sh"
. "$top_srcdir/tests/pg/server.sh"
pg_ready jrc
jrc init >/dev/null; ok $? "the record is laid out on the server"

TEXT="Boss owes me three months of wages"
k_start 80 24 xterm --lang en
tm_wait 'Welcome'; ok $? "the kiosk starts on the server"
k_walk_en "$TEXT"; ok $? "the citizen reaches the last step"

pg_halt; ok $? "(the server stops at once)"
tm_keys Enter
tm_wait 'cannot be reached'; ok $? "sending says the server cannot be reached"
scr=$(tm_screen)
like "$scr" "$TEXT" "what the citizen wrote is still on the screen"
like "$scr" 'Work and unpaid wages' "so is the kind of problem"
like "$scr" 'Heping Community' "and the place"
like "$scr" 'Try again' "the kiosk offers to try again"
unlike "$scr" 'registered' "nothing is said to be registered"

pg_run; ok $? "(the server is back)"
tm_keys 1
tm_wait 'Your matter has been registered'; ok $? "Try again files it"
r=$(k_receipt)
like "$(jrc show "$r")" "$TEXT" "the receipt shown is on the server, with the citizen's words"
is "$(pg_psql jrc 'SELECT count(*) FROM cases')" 1 "filed once"
out=$(jrc verify 2>&1); ok $? "jrc verify passes"
tm_press_until Enter 'Welcome' 5; ok $? "home again for the next person"

# The server drops the kiosk's connection (pg_terminate_backend, as an
# administrator or a failover would): the next citizen never notices,
# whether the kiosk's first need of it is a lookup or a filing.
drop_kiosk() {
	pg_psql jrc "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = 'jrc' AND pid <> pg_backend_pid()"
}
is "$(drop_kiosk)" 1 "(the server drops the kiosk's connection)"
code=$(pg_psql jrc "SELECT query_code FROM cases WHERE receipt = '$r'")
tm_keys 2; tm_wait "I have my receipt number"
tm_keys 1; tm_wait "Type the number on your receipt"
tm_type "$r"; tm_keys Enter
tm_wait 'Press 1 or 2 to choose'; tm_keys 1
tm_wait '> Query code'; tm_type "$code"; tm_keys Enter
tm_wait "Where your matter stands"; ok $? "a citizen's lookup after it goes through, unseen"
unlike "$(tm_screen)" "cannot be reached" "... without a word about the server"
tm_press_until Escape 'Welcome' 8
is "$(drop_kiosk)" 1 "(the server drops the kiosk's connection again)"
tm_keys 1; tm_wait 'Step 1 of 7'
tm_keys 2; tm_wait 'Step 2 of 7'; ok $? "the next citizen goes on as if nothing happened"
tm_keys 1; tm_wait 'You typed 1'; tm_keys Enter
tm_wait 'choose the village'
tm_keys 1; tm_wait 'Step 3 of 7'
tm_keys 2; tm_wait 'Report anonymously'
tm_keys 1; tm_wait 'Step 4 of 7'
tm_type "Pension not paid since June"; tm_keys Enter
tm_wait 'Step 5 of 7'; tm_keys Enter
tm_wait 'Step 6 of 7'; tm_keys "$(k_num 'No help needed, go on')"
tm_wait 'Step 7 of 7: Check and send'; tm_keys Enter
tm_wait 'Your matter has been registered'; ok $? "... and files at once, over a connection opened again by itself"
unlike "$(tm_screen)" "$r" "with a new number, not the last citizen's"
is "$(pg_psql jrc 'SELECT count(*) FROM cases')" 2 "two cases in all"
k_stop
done_testing
