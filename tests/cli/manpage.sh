#!/usr/bin/env bash
# The manual pages stay in step with the program: every command jrc --help
# lists has its section in jrc(1) (and in the Chinese jrc(1)), every option
# a command's --help names is in that section, every option the section
# names is one the command takes, every setting is described; groff finds
# nothing to warn about.  A failure names the command and the option, so
# whoever adds an option knows what to add to man/jrc.1.
. "$top_srcdir/tests/lib.sh"
export JRC_LANG=en
PAGE=$top_srcdir/man/jrc.1
ZH=$top_srcdir/man/zh_CN/jrc.1

# plain PAGE: the page's text with fonts and escapes taken out.
plain() { sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\e/\\/g' "$1"; }
# section PAGE CMD: the lines of ".SS CMD" up to the next .SS or .SH.
section() { plain "$1" | awk -v c="$2" '/^\.S[SH] /{on = ($1 == ".SS" && $2 == c); next} on'; }
# options TEXT: the long options named in it, one a line.
options() { grep -oE -- '--[a-z][a-z0-9-]*[a-z0-9]' | sort -u; }

commands=$("$JRC" --help | awk '/^Commands:/{f=1; next} /^$/{f=0} f{print $1}')
[ -n "$commands" ]; ok $? "jrc --help lists the commands"
for page in "$PAGE" "$ZH"; do
	missing=""
	for c in $commands; do
		[ -n "$(section "$page" "$c")" ] || missing="$missing $c"
	done
	is "${missing# }" "" "every command has its section in ${page#$top_srcdir/}"
done

missing=""; stale=""
for c in $commands; do
	# --db, --site, --data in a usage line are the global options.
	have=$("$JRC" "$c" --help | options | grep -vxE -- '--(help|db|site|data)')
	# A section may name a global option too (jrc stats --site filters
	# by it): those are checked under GLOBAL OPTIONS, not here.
	sec=$(section "$PAGE" "$c" | options | grep -vxE -- '--(help|db|site|data)')
	for o in $have; do
		printf '%s\n' "$sec" | grep -qx -- "$o" || missing="$missing jrc $c $o;"
	done
	for o in $sec; do
		printf '%s\n' "$have" | grep -qx -- "$o" || stale="$stale jrc $c $o;"
	done
done
is "$missing" "" "every option of every command is in man/jrc.1 (add those named to its .SS section)"
is "$stale" "" "man/jrc.1 names no option a command does not take"

global=$("$JRC" --help | sed -n '/^Options:/,$p' | options)
sec=$(plain "$PAGE" | awk '/^\.SH /{on = ($2 == "GLOBAL")} on' | options)
missing=""
for o in $global; do printf '%s\n' "$sec" | grep -qx -- "$o" || missing="$missing $o"; done
is "${missing# }" "" "every global option is under GLOBAL OPTIONS"

t_init_db
keys=$("$JRC" settings | awk '{print $1}')
missing=""
for k in $keys; do
	for page in "$PAGE" "$ZH"; do
		plain "$page" | grep -q -- "$k" || missing="$missing $k(${page##*/man/})"
	done
done
is "${missing# }" "" "every setting is described in the SETTINGS section"

if command -v groff >/dev/null 2>&1; then
	for page in "$PAGE" "$ZH" "$top_srcdir/man/jrc-kiosk.7"; do
		out=$(LC_ALL=C.UTF-8 groff -man -ww -z -K utf8 -Tutf8 "$page" 2>&1)
		is "$out" "" "groff -man -ww finds nothing to warn about in ${page#$top_srcdir/}"
	done
else
	ok 0 "# SKIP groff is not installed"
fi

# The test can fail: an option taken out of a copy of the page is named.
sed 's/\\-\\-keep\\-weekly/--gone/g' "$PAGE" >"$T_DIR/jrc.1"
sec=$(section "$T_DIR/jrc.1" backup | options)
printf '%s\n' "$sec" | grep -qx -- --keep-weekly; is $? 1 "a page without --keep-weekly would be caught"

done_testing
