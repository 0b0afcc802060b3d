#!/usr/bin/env bash
# Receipt details: an ASCII printer prints "(name withheld)", not "?*";
# every name is masked to one shape (one-character names too, the length
# not shown); a room number stays with its word on 58 mm paper.
. "$top_srcdir/tests/lib.sh"
FP="$top_builddir/tests/fakeprinter"
[ -x "$FP" ] || skip_all "tests/fakeprinter is not built"
t_init_db
export JRC_NOW=2026-11-30T10:05:00+08:00
ID=$(t_id 33072619800229001)
file_named() {
	jrc file --category LAB --division 330726001201 --name "$1" --id-number "$ID" \
		--phone 13912345678 --text "欠薪"
}
R1=$(file_named 张); ok $? "file for a one-character name"
R4=$(file_named 欧阳娜娜); ok $? "file for a four-character name"
RL=$(file_named "John Smith"); ok $? "file for a Latin name"

# The mask: first character and two stars, whatever the length.
like "$(jrc show "$R1")" "\*\*\*" "a one-character name is all stars"
unlike "$(jrc show "$R1" | grep -v '^ *[0-9]')" "张[^*]|张$" "and the character is not shown"
like "$(jrc show "$R4")" "欧\*\*( |$)" "a four-character name has the same shape"
unlike "$(jrc show "$R4")" "欧\*\*\*" "its length is not shown"

# An ASCII printer.
jrc settings printer_encoding ascii >/dev/null; ok $? "the printer takes ASCII only"
text=$(jrc print "$R4" --printer file:- | "$FP" decode ASCII /dev/stdin 48)
like "$text" "Name: \(name withheld\)" "a Chinese name prints as (name withheld)"
unlike "$text" "\?\*" "not as question marks"
text=$(jrc print "$RL" --printer file:- | "$FP" decode ASCII /dev/stdin 48)
like "$text" "Name: J\*\*" "a Latin name prints masked"
jrc settings printer_encoding gb18030 >/dev/null
text=$(jrc print "$R4" --printer file:- --lang en | "$FP" decode GB18030 /dev/stdin 48)
like "$text" "欧\*\*" "a GB18030 printer prints the masked name"

# 58 mm: the booked room "人民调解室 1" / "Mediation room 1" keeps its number.
jrc book "$R4" --host M01 >/dev/null 2>&1; ok $? "book a mediator whose room is number 1"
for lang in zh en; do
	text=$(jrc print "$R4" --printer file:- --paper 58 --lang $lang | "$FP" decode GB18030 /dev/stdin 32)
	ok $? "58 mm ($lang): every line within 32 printer columns"
	like "$text" "room 1|室 1" "58 mm ($lang): the room and its number are on one line"
	unlike "$text" "$(printf '(^|\n) *[0-9]{1,4} *(\n|$)')" "58 mm ($lang): no number alone on a line"
done
done_testing
