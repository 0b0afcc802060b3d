# Issue 11, point 6: bookings are limited to a horizon (the setting
# booking_horizon_days, default 60); a date outside this year is shown
# with its year.
. "$top_srcdir/tests/lib.sh"
export JRC_NOW=2026-11-29T10:00:00+08:00
t_init_db
R=$(jrc file --category FAM --division 330726001201 --anonymous --text "婚姻家庭纠纷")
like "$R" '^PJ' "a case"
# M01 receives on Mondays 09:00-11:30.
out=$(jrc book "$R" --host M01 --slot 2027-11-29T09:00 2>&1); st=$?
is "$st" 2 "a booking a year ahead is refused"
like "$out" "at most 60 days ahead" "saying how far ahead is allowed"
like "$out" "2027" "and showing the year of the date asked for"
jrc settings booking_horizon_days 300 >/dev/null; ok $? "the horizon is a setting"
jrc settings booking_horizon_days 0 >/dev/null 2>&1; is $? 2 "a horizon of 0 days is refused"
jrc settings booking_horizon_days 60 >/dev/null
out=$(jrc book "$R" --host M01 --slot 2027-01-04T09:00 2>&1); ok $? "a booking 36 days ahead is taken"
like "$out" "Monday, 4 January 2027" "a date in another year is shown with the year"
like "$(jrc show "$R")" "Monday, 4 January 2027" "also in show"
done_testing
