#!/usr/bin/env bash
# check-skips.sh README LOG...: print every skip in the test logs as
# "skipped: SCRIPT: REASON".  With CI=true, a skip whose reason is not
# listed in README's "Skips allowed on CI" section fails (exit 1): on CI a
# missing tool is a broken set-up, not a reason to pass quietly.
set -u
readme=$1; shift
allowed=$(sed -n '/^### Skips allowed on CI/,/^#/s/^- `\(.*\)`.*/\1/p' "$readme")
st=0
for log in "$@"; do
	[ -f "$log" ] || continue
	sed -nE 's/^1\.\.0 *# *[Ss][Kk][Ii][Pp]:? *(.*)$/\1/p;
		s/^ok [0-9]*( -)? *# *[Ss][Kk][Ii][Pp]:? *(.*)$/\2/p' "$log" | sort -u |
	while IFS= read -r reason; do
		[ -n "$reason" ] || reason="(no reason given)"
		if [ "${CI:-}" = true ] && ! printf '%s\n' "$allowed" | grep -qxF -- "$reason"; then
			echo "skipped on CI, reason not listed in README: ${log%.log}.sh: $reason"
			exit 1
		fi
		echo "skipped: ${log%.log}.sh: $reason"
	done || st=1
done
exit $st
