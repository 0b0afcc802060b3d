#!/usr/bin/env bash
# The systemd units: jrc-tick and jrc-backup (service and timer) pass
# `systemd-analyze verify` with nothing said, are hardened (read-only
# system, only the state and backup folders writable, no new privileges,
# a private /tmp), run as jrc, and run daily and nightly; the kiosk getty
# drop-in's login command drops to an unprivileged user before jrc starts.
. "$top_srcdir/tests/lib.sh"
SA=$(command -v "${SYSTEMD_ANALYZE:-systemd-analyze}" 2>/dev/null)
U=$T_DIR/units; mkdir -p "$U" "$T_DIR/state" "$T_DIR/backups"
# The units as 'make install' writes them, pointing at the jrc under test.
for f in jrc-tick.service jrc-backup.service jrc-sms.service kiosk-getty.conf; do
	sed -e "s|@bindir@|$(dirname "$JRC")|g" -e "s|@statedir@|$T_DIR/state|g" \
		-e "s|@backupdir@|$T_DIR/backups|g" -e "s|@JRC_DB@|$T_DIR/state/jrc.db|g" \
		"$top_srcdir/systemd/$f.in" >"$U/$f"
done
cp "$top_srcdir"/systemd/*.timer "$U/"

grep -q '@' "$U"/*.service; is $? 1 "every @placeholder@ is filled in"
for s in tick backup; do
	f=$U/jrc-$s.service
	for want in 'ProtectSystem=strict' 'NoNewPrivileges=yes' 'PrivateTmp=yes' 'User=jrc' 'Type=oneshot'; do
		grep -qx "$want" "$f"; ok $? "jrc-$s.service: $want"
	done
	grep -q "^ExecStart=$(dirname "$JRC")/jrc $s" "$f"; ok $? "jrc-$s.service runs jrc $s"
	grep -qx "Unit=jrc-$s.service\|WantedBy=timers.target" "$U/jrc-$s.timer"; ok $? "jrc-$s.timer is wanted by timers.target"
	grep -q '^Persistent=true' "$U/jrc-$s.timer"; ok $? "jrc-$s.timer catches up after the machine was off"
done
is "$(sed -n 's/^ReadWritePaths=//p' "$U/jrc-tick.service")" "$T_DIR/state" "the tick may write the state folder only"
is "$(sed -n 's/^ReadWritePaths=//p' "$U/jrc-backup.service")" "$T_DIR/state $T_DIR/backups" \
	"the backup may write the state and backup folders only"
grep -q "^ExecStart=.*jrc backup $T_DIR/backups\$" "$U/jrc-backup.service"; ok $? "into the backup folder"
# SMS: sends what is due every minute, the network allowed for the
# site's gateway script; shipped not enabled.
for want in 'ProtectSystem=strict' 'NoNewPrivileges=yes' 'PrivateTmp=yes' 'User=jrc' 'Type=oneshot'; do
	grep -qx "$want" "$U/jrc-sms.service"; ok $? "jrc-sms.service: $want"
done
grep -qx "ExecStart=$(dirname "$JRC")/jrc sms send --once" "$U/jrc-sms.service"; ok $? "jrc-sms.service runs jrc sms send --once"
is "$(sed -n 's/^ReadWritePaths=//p' "$U/jrc-sms.service")" "$T_DIR/state" "the SMS sender may write the state folder only"
is "$(sed -n 's/^OnUnitActiveSec=//p' "$U/jrc-sms.timer")" "1min" "the SMS timer runs every minute"
is "$(sed -n 's/^OnCalendar=//p' "$U/jrc-tick.timer")" "*-*-* 00:15:00" "the tick runs daily"
is "$(sed -n 's/^OnCalendar=//p' "$U/jrc-backup.timer")" "*-*-* 02:30:00" "the backup runs nightly"

if [ -n "$SA" ] && [ -x "$SA" ]; then
	out=$(cd "$U" && "$SA" verify --man=no ./jrc-tick.service ./jrc-tick.timer \
		./jrc-backup.service ./jrc-backup.timer ./jrc-sms.service ./jrc-sms.timer 2>&1); st=$?
	is "$st:$out" "0:" "systemd-analyze verify: clean"
	# It can fail: a misspelt key is reported.
	sed 's/^PrivateTmp=yes/PrivateTemp=yes/' "$U/jrc-tick.service" >"$T_DIR/jrc-bad.service"
	out=$(cd "$T_DIR" && "$SA" verify --man=no ./jrc-bad.service 2>&1)
	like "$out" "PrivateTemp" "and a misspelt key would be reported"
else
	ok 0 "# SKIP systemd-analyze is not installed (package systemd)"
fi

# The getty drop-in: agetty runs the login program as root; the
# options must drop to the user before jrc runs.
grep -q -- '--autologin jrc' "$U/kiosk-getty.conf"; ok $? "getty drop-in: autologin as jrc"
opts=$(sed -n 's/.*--login-options "\([^"]*\)".*/\1/p' "$U/kiosk-getty.conf")
like "$opts" "^--reuid=jrc --regid=jrc --init-groups --reset-env -- .*/jrc kiosk\$" \
	"getty drop-in: setpriv to jrc, then jrc kiosk"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	# The same command with a user that exists here, jrc --version for jrc kiosk.
	cmd=$(printf '%s' "$opts" | sed -e 's/=jrc /=nobody /g' -e 's/--regid=nobody/--regid=nogroup/' \
		-e 's/ kiosk$/ --version/')
	out=$(cd / && setpriv $cmd 2>&1); st=$?
	is "$st" 0 "the drop-in's login command runs ($out)"
	uid=$(cd / && setpriv $(printf '%s' "$cmd" | sed "s| [^ ]*/jrc --version| /usr/bin/id -u|") 2>&1)
	is "$uid" "$(id -u nobody)" "as the unprivileged user, not root"
else
	ok 0 "# SKIP the login command is run only as root"
fi

done_testing
