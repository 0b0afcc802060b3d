# Shared by ./run and ./check: make sure the build tools and libraries are
# there (installing them with apt-get where we may), bootstrap, configure
# and build.  Sourced, not executed; expects $top to be the checkout.

# Debian package -> a command or pkg-config module that proves it is there.
jrc_missing_packages() {
	local missing=""
	command -v cc >/dev/null 2>&1 || missing="$missing gcc"
	command -v make >/dev/null 2>&1 || missing="$missing make"
	command -v autoreconf >/dev/null 2>&1 || missing="$missing autoconf"
	command -v automake >/dev/null 2>&1 || missing="$missing automake"
	command -v autopoint >/dev/null 2>&1 || missing="$missing autopoint"
	command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
	command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
	command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
	command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
	command -v jq >/dev/null 2>&1 || missing="$missing jq"
	command -v setpriv >/dev/null 2>&1 || missing="$missing util-linux"
	# zbarimg reads our QR codes back in the unit tests.
	command -v zbarimg >/dev/null 2>&1 || missing="$missing zbar-tools"
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists ncursesw || missing="$missing libncurses-dev"
		pkg-config --exists sqlite3 || missing="$missing libsqlite3-dev"
		pkg-config --exists nettle || missing="$missing nettle-dev"
		pkg-config --exists libxcrypt || missing="$missing libcrypt-dev"
	else
		missing="$missing libncurses-dev libsqlite3-dev nettle-dev libcrypt-dev"
	fi
	[ -e /usr/include/uniwidth.h ] || missing="$missing libunistring-dev"
	[ -e /usr/share/zoneinfo/Asia/Shanghai ] || missing="$missing tzdata"
	# The built-in pinyin input (issue 12): librime, its deployer and the
	# simplified-Chinese pinyin dictionary.
	if command -v dpkg >/dev/null 2>&1; then
		dpkg -s librime-dev >/dev/null 2>&1 || missing="$missing librime-dev"
		dpkg -s librime-bin >/dev/null 2>&1 || missing="$missing librime-bin"
		dpkg -s rime-data-pinyin-simp >/dev/null 2>&1 || missing="$missing rime-data-pinyin-simp"
	fi
	# systemd-analyze verifies the units, groff the manual pages (make check).
	command -v systemd-analyze >/dev/null 2>&1 || missing="$missing systemd"
	command -v groff >/dev/null 2>&1 || missing="$missing groff-base"
	# Voice guidance (issue 17): espeak-ng with its Mandarin voice, ALSA
	# to play it.
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists espeak-ng || missing="$missing libespeak-ng-dev"
		pkg-config --exists alsa || missing="$missing libasound2-dev"
	fi
	ls /usr/lib/*/espeak-ng-data/cmn_dict >/dev/null 2>&1 ||
		missing="$missing espeak-ng-data"
	# The monthly report (issue 18): Excel workbooks with libxlsxwriter;
	# its test reads them back with openpyxl (test only).
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists xlsxwriter || missing="$missing libxlsxwriter-dev"
	fi
	/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || missing="$missing python3-openpyxl"
	# PostgreSQL, the county's shared server (issue 15): libpq to build
	# against, the server and psql for the tests' throwaway server.
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists libpq || missing="$missing libpq-dev"
	fi
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
	command -v psql >/dev/null 2>&1 || missing="$missing postgresql-client"
	echo $missing
}

jrc_install_deps() {
	local missing
	missing=$(jrc_missing_packages)
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "setup: installing $missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
			echo "setup: apt-get could not install: $missing" >&2
			return 1
		}
	else
		echo "setup: these Debian packages are needed; install them with:" >&2
		echo "  sudo apt-get install $missing" >&2
		return 1
	fi
}

jrc_build() {
	cd "$top" || return 1
	jrc_install_deps || return 1
	if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
		echo "setup: bootstrapping (autoreconf -fi)" >&2
		autoreconf -fi >/dev/null 2>autoreconf.log || { cat autoreconf.log >&2; return 1; }
		rm -f autoreconf.log
	fi
	if [ ! -f Makefile ] || [ configure -nt config.status ]; then
		echo "setup: configuring" >&2
		./configure --enable-werror ${JRC_CONFIGURE_FLAGS:-} >configure.out 2>&1 || {
			tail -30 configure.out >&2; return 1; }
		rm -f configure.out
	fi
	echo "setup: building" >&2
	make -j"$(nproc 2>/dev/null || echo 2)" >make.out 2>&1 || { tail -40 make.out >&2; return 1; }
	rm -f make.out
}

# What building and checking the Debian package needs (./check --deb, CI).
jrc_missing_deb_packages() {
	local missing=""
	command -v dpkg-buildpackage >/dev/null 2>&1 || missing="$missing dpkg-dev"
	command -v dh >/dev/null 2>&1 || missing="$missing debhelper"
	command -v lintian >/dev/null 2>&1 || missing="$missing lintian"
	command -v adduser >/dev/null 2>&1 || missing="$missing adduser"
	echo $missing
}

jrc_install_deb_deps() {
	local missing
	missing=$(jrc_missing_deb_packages)
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "setup: installing $missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
			echo "setup: apt-get could not install: $missing" >&2
			return 1
		}
	else
		echo "setup: the package check needs: sudo apt-get install $missing" >&2
		return 1
	fi
}
