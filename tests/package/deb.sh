#!/usr/bin/env bash
# The Debian package, end to end, as a county's IT person meets it:
# build it outside the checkout (the tree as 'make dist' lays it out, in a
# temporary folder), lintian finds no errors, dpkg -i installs it (apt-get
# -f install brings what it depends on), jrc runs as the jrc user with the
# installed data, files a case, verifies, backs up; the installed units
# verify; remove and purge leave the case records where they were.
# Run by ./check on CI and with --deb; TAP output.  Needs root, and leaves
# a machine alone where jrc-kiosk or its records already are.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
N=0 FAILED=0
ok() {
	local st=$1; shift
	N=$((N + 1))
	if [ "$st" -eq 0 ]; then echo "ok $N - $*"; else echo "not ok $N - $*"; FAILED=$((FAILED + 1)); fi
}
is() {
	local got=$1 want=$2; shift 2
	[ "$got" = "$want" ]; ok $? "$*"
	[ "$got" = "$want" ] || printf '#   got: %s\n#  want: %s\n' "$got" "$want"
}
skip_all() { echo "1..0 # SKIP $*"; exit 0; }

[ "$(id -u)" = 0 ] || skip_all "installing a package needs root"
command -v dpkg-buildpackage >/dev/null || skip_all "dpkg-buildpackage is not installed (dpkg-dev)"
dpkg -s jrc-kiosk >/dev/null 2>&1 && skip_all "jrc-kiosk is installed on this machine: it is not touched"
for d in /var/lib/jrc-kiosk /var/backups/jrc-kiosk /etc/jrc-kiosk; do
	[ -e "$d" ] && skip_all "$d exists on this machine: a hall's records are not touched"
done
had_user=0; getent passwd jrc >/dev/null && had_user=1
had_group=0; getent group jrc >/dev/null && had_group=1

W=$(mktemp -d "${TMPDIR:-/tmp}/jrc-deb.XXXXXX")
cleanup() {
	dpkg -P jrc-kiosk >/dev/null 2>&1
	rm -rf /var/lib/jrc-kiosk /var/backups/jrc-kiosk /etc/jrc-kiosk "$W"
	[ $had_user = 1 ] || userdel jrc >/dev/null 2>&1
	[ $had_group = 1 ] || groupdel jrc >/dev/null 2>&1
}
trap cleanup EXIT

dirty_before=$(cd "$top" && git status --porcelain 2>/dev/null)
ver=$(sed -n 's/^AC_INIT(\[jrc-kiosk\], \[\([^]]*\)\].*/\1/p' "$top/configure.ac")
src=$W/jrc-kiosk-$ver


# make dist leaves its tarball in the checkout (ignored); it moves out at once.
make -C "$top" dist-gzip >"$W/dist.log" 2>&1 &&
	mv "$top/jrc-kiosk-$ver.tar.gz" "$W/" && tar -xzf "$W/jrc-kiosk-$ver.tar.gz" -C "$W"
ok $? "make dist, and the tarball unpacked in $W"
[ $? = 0 ] || tail -20 "$W/dist.log" | sed 's/^/# /'

(cd "$src" && DEB_BUILD_OPTIONS=nocheck DEB_BUILD_PROFILES=nocheck dpkg-buildpackage -us -uc -b) >"$W/build.log" 2>&1
st=$?
ok $st "dpkg-buildpackage -us -uc -b builds it"
[ $st = 0 ] || tail -30 "$W/build.log" | sed 's/^/# /'
deb=$(ls "$W"/jrc-kiosk_"$ver"_*.deb 2>/dev/null | head -1)
[ -n "$deb" ]; ok $? "jrc-kiosk_${ver}_*.deb is there"
[ -n "$deb" ] || { echo "1..$N"; exit 1; }

if command -v lintian >/dev/null; then
	# Exit status 0: no errors (lintian's default --fail-on error).
	lintian --tag-display-limit 0 "$deb" >"$W/lintian.out" 2>&1
	ok $? "lintian: no errors"
	sed 's/^/# lintian: /' "$W/lintian.out"
else
	ok 0 "# SKIP lintian is not installed"
fi

export DEBIAN_FRONTEND=noninteractive
dpkg -i "$deb" >"$W/install.log" 2>&1 || apt-get -f install -y -qq >>"$W/install.log" 2>&1
dpkg -s jrc-kiosk 2>/dev/null | grep -q '^Status: install ok installed'
ok $? "dpkg -i installs it (apt-get -f install for what it depends on)"
[ $? = 0 ] || tail -20 "$W/install.log" | sed 's/^/# /'
like_out=$(/usr/bin/jrc --version 2>&1)
is "$(printf '%s\n' "$like_out" | head -1)" "jrc (jrc-kiosk) $ver" "jrc --version"
is "$(printf '%s\n' "$like_out" | sed -n 2p)" "storage: sqlite, postgresql" \
	"  with both storage engines (the package is built --with-postgresql)"
is "$(getent passwd jrc | cut -d: -f6,7)" "/var/lib/jrc-kiosk:/usr/sbin/nologin" "the jrc system user, no login shell"
is "$(stat -c '%a %U' /var/lib/jrc-kiosk)" "700 jrc" "/var/lib/jrc-kiosk: 0700, the jrc user's"
is "$(stat -c '%a %U' /var/backups/jrc-kiosk)" "700 jrc" "/var/backups/jrc-kiosk: 0700, the jrc user's"
[ ! -e /var/lib/jrc-kiosk/jrc.db ]; ok $? "no database is made by the package"
is "$(stat -c '%a %U %G' /etc/jrc-kiosk /etc/jrc-kiosk/ledger.key 2>&1 | tr '\n' ' ')" "750 root jrc 440 root jrc " \
	"the ledger key: root's, readable by the jrc group only"
grep -qxE '[0-9a-f]{64}' /etc/jrc-kiosk/ledger.key; ok $? "the ledger key is 64 hex digits"
keysum=$(sha256sum /etc/jrc-kiosk/ledger.key)
for f in /usr/share/jrc-kiosk/categories.csv /usr/share/jrc-kiosk/routing.csv \
	/usr/share/locale/zh_CN/LC_MESSAGES/jrc-kiosk.mo /usr/share/man/man1/jrc.1.gz \
	/usr/share/man/man7/jrc-kiosk.7.gz /usr/share/man/zh_CN/man1/jrc.1.gz \
	/lib/systemd/system/jrc-tick.timer /lib/systemd/system/jrc-tick.service \
	/lib/systemd/system/jrc-backup.timer /lib/systemd/system/jrc-backup.service \
	/usr/share/doc/jrc-kiosk/examples/kiosk-getty.conf; do
	[ -f "$f" ]; ok $? "installs $f"
done
for t in jrc-tick jrc-backup; do
	[ -L /etc/systemd/system/timers.target.wants/$t.timer ]; ok $? "$t.timer is enabled"
done
if command -v systemd-analyze >/dev/null; then
	out=$(systemd-analyze verify --man=no /lib/systemd/system/jrc-tick.timer \
		/lib/systemd/system/jrc-tick.service /lib/systemd/system/jrc-backup.timer \
		/lib/systemd/system/jrc-backup.service 2>&1)
	is "$out" "" "systemd-analyze verify: the installed units are clean"
fi

as_jrc() { (cd / && runuser -u jrc -- env -u JRC_DB -u JRC_DATA -u JRC_LOCALEDIR "$@"); }
as_jrc jrc init >"$W/init.out" 2>&1; st=$?
ok $st "jrc init as jrc, with the installed data"
[ $st = 0 ] || sed 's/^/# /' "$W/init.out"
is "$(stat -c '%a %U' /var/lib/jrc-kiosk/jrc.db 2>&1)" "600 jrc" "the database: 0600, the jrc user's"
r=$(as_jrc jrc file --category LAB --division 330726100201 --anonymous --text "wages" 2>&1)
[[ $r =~ ^PJ[0-9]{6}-[0-9]{4}-[0-9]$ ]]; ok $? "a case is filed ($r)"
as_jrc jrc verify >/dev/null 2>&1; ok $? "jrc verify"
as_jrc env JRC_LANG=zh jrc --help 2>&1 | grep -q '命令'; ok $? "the installed Chinese catalogue is used"
as_jrc jrc backup /var/backups/jrc-kiosk >/dev/null 2>&1; ok $? "jrc backup into /var/backups/jrc-kiosk"
sum=$(sha256sum /var/lib/jrc-kiosk/jrc.db)

dpkg -i "$deb" >/dev/null 2>&1; ok $? "installing again (an upgrade)"
is "$(sha256sum /var/lib/jrc-kiosk/jrc.db)" "$sum" "leaves the database as it was"
is "$(sha256sum /etc/jrc-kiosk/ledger.key)" "$keysum" "and the ledger key as it was"
dpkg -r jrc-kiosk >/dev/null 2>&1; ok $? "dpkg -r removes it"
[ ! -e /usr/bin/jrc ]; ok $? "the program is gone"
is "$(sha256sum /var/lib/jrc-kiosk/jrc.db 2>&1)" "$sum" "the database stays in place"
dpkg -P jrc-kiosk >"$W/purge.out" 2>&1; ok $? "dpkg -P purges it"
grep -q "left in place" "$W/purge.out"; ok $? "purge says where the records are"
is "$(sha256sum /var/lib/jrc-kiosk/jrc.db 2>&1)" "$sum" "and the database is still there"
ls /var/backups/jrc-kiosk/jrc-*.db >/dev/null 2>&1; ok $? "and so are the backups"
is "$(sha256sum /etc/jrc-kiosk/ledger.key 2>&1)" "$keysum" "and the ledger key"
grep -q "ledger key /etc/jrc-kiosk/ledger.key was left in place" "$W/purge.out"; ok $? "purge says the ledger key stays"

is "$(cd "$top" && git status --porcelain 2>/dev/null)" "$dirty_before" "the checkout is not dirtied"

echo "1..$N"
[ $FAILED = 0 ]
