# jrc print --printer file:PATH never destroys data (issue 11, point 4):
# not the database, not its -wal/-shm files under another name, not
# through a symbolic link, not a device; a new file is 0600 and an
# existing one is made 0600 before the query code goes in.
. "$top_srcdir/tests/lib.sh"

export JRC_NOW=2026-11-29T10:30:00+08:00
t_init_db
R=$(jrc file --category LAB --division 330726001201 --name 张三 \
	--id-number "$(t_id 11010519491231002)" --phone 13812345678 --text "老板拖欠工资三个月。")
like "$R" '^PJ261129-' "a case to print"
# A refused print is still recorded as a failed job, so the database
# changes; what must hold is that it is still a whole database with the case.
sum_db() {
	printf '%s|' "$(head -c 15 "$JRC_DB")"
	jrc show "$R" >/dev/null 2>&1 && echo intact || echo broken
}
before="SQLite format 3|intact"

out=$(jrc print "$R" --printer "file:$JRC_DB" 2>&1); st=$?
is "$st" 1 "printing over the database is refused"
like "$out" "database" "and the sentence says it is the database"
is "$(sum_db)" "$before" "the database is unchanged"
jrc verify >/dev/null; ok $? "and still verifies"

ln -s "$JRC_DB" "$T_DIR/link.bin"
jrc print "$R" --printer "file:$T_DIR/link.bin" >/dev/null 2>&1; is $? 1 "a symbolic link is refused"
is "$(sum_db)" "$before" "the database is unchanged"

ln "$JRC_DB" "$T_DIR/hard.bin"
jrc print "$R" --printer "file:$T_DIR/hard.bin" >/dev/null 2>&1; is $? 1 "a hard link to the database is refused"
is "$(sum_db)" "$before" "the database is unchanged"

# The -wal and -shm files under another spelling of the path.
( cd "$T_DIR" && "$JRC" --db ./jrc.db list >/dev/null 2>&1 )
if [ -e "$JRC_DB-shm" ]; then
	jrc print "$R" --printer "file:$T_DIR/./jrc.db-shm" >/dev/null 2>&1
	is $? 1 "the -shm file is refused"
else
	ok 0 "the -shm file is refused # SKIP no -shm file"
fi
jrc print "$R" --printer "file:$T_DIR/../$(basename "$T_DIR")/jrc.db" >/dev/null 2>&1
is $? 1 "the database under another spelling is refused"

jrc print "$R" --printer "file:/dev/null" >/dev/null 2>&1; is $? 1 "a device is refused"
mkfifo "$T_DIR/fifo"
jrc print "$R" --printer "file:$T_DIR/fifo" >/dev/null 2>&1; is $? 1 "a pipe is refused"

jrc print "$R" --printer "file:$T_DIR/new.bin" >/dev/null; ok $? "a new file is written"
is "$(stat -c %a "$T_DIR/new.bin")" 600 "created 0600"
printf 'old' >"$T_DIR/old.bin"; chmod 644 "$T_DIR/old.bin"
jrc print "$R" --printer "file:$T_DIR/old.bin" >/dev/null; ok $? "an existing file is written"
is "$(stat -c %a "$T_DIR/old.bin")" 600 "and made 0600"
unlike "$(head -c 3 "$T_DIR/old.bin")" "^old" "its old bytes are gone"
is "$(sum_db)" "$before" "the database was never touched"

done_testing
