#!/usr/bin/env bash
# The Chinese catalogue is complete: every source file with _() strings is
# listed for translation, every msgid has a Chinese msgstr, and msgfmt
# --check is clean.  A kiosk that falls back to English mid-screen is a
# kiosk an elderly citizen cannot use.
. "$top_srcdir/tests/lib.sh"
command -v xgettext >/dev/null && command -v msgmerge >/dev/null || skip_all "gettext tools missing"
cd "$top_srcdir" || exit 1

missing=""
for f in $(find src -name "*.c" | sort); do
	grep -q '_(' "$f" && ! grep -qx "$f" po/POTFILES.in && missing="$missing $f"
done
is "$missing" "" "every source file with messages is in po/POTFILES.in"

xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -f po/POTFILES.in -o "$T_DIR/all.pot" 2>/dev/null
ok $? "xgettext reads every listed file"
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$T_DIR/all.pot" -o "$T_DIR/merged.po" 2>/dev/null
ok $? "msgmerge"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$T_DIR/merged.po" 2>&1)
unlike "$stats" "untranslated|fuzzy" "every message has a Chinese translation ($stats)"
case $stats in *untranslated*|*fuzzy*)
	msgattrib --untranslated --no-obsolete "$T_DIR/merged.po" | grep -A1 '^msgid' | head -20 | sed 's/^/# /' ;;
esac
msgfmt --check -o /dev/null po/zh_CN.po
ok $? "msgfmt --check po/zh_CN.po is clean"
done_testing
