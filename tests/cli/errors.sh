#!/usr/bin/env bash
# Errors that used to vanish: output that cannot be written (a full disk)
# exits 1 with a sentence for every command; a failing random source files
# nothing and says so.
. "$top_srcdir/tests/lib.sh"
t_init_db
export JRC_NOW=2026-11-29T10:00:00+08:00
R=$(t_file_one "欠薪")
[ -w /dev/full ] || skip_all "/dev/full is missing"

for cmd in "list --json" "list" "show $R" "stats --json" "categories" "divisions" \
	   "settings" "print --failed" "--help" "--version"; do
	out=$(jrc $cmd 2>&1 >/dev/full); st=$?
	is "$st" 1 "jrc $cmd >/dev/full exits 1"
	like "$out" "^jrc: the output could not be written \(.*\): check the disk" "jrc $cmd says why"
done
out=$(jrc list --json 2>&1 >/dev/null); is "$?" 0 "the same listing to a working file exits 0"

before=$(t_rows cases)
out=$(JRC_FAULT=getrandom t_file_one "欠薪二" 2>&1)
is "$?" 1 "filing with a failing random source exits 1"
like "$out" "^jrc: .*random source failed.*nothing was filed" "with a sentence that says nothing was filed"
is "$(t_rows cases)" "$before" "and nothing was filed"
done_testing
