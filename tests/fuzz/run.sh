#!/usr/bin/env bash
# Build the libFuzzer targets with clang (apart from the gcc build: the
# core sources are compiled again with -fsanitize=fuzzer-no-link,address,
# undefined) and run each for FUZZ_SECONDS from the committed seed corpus.
# Called by `make fuzz`; the environment comes from the Makefile:
#   CLANG          clang with libFuzzer
#   top_srcdir     the source tree; top_builddir: where config.h is
#   CORE_SOURCES   the core's .c files, relative to top_srcdir
#   FUZZ_LIBS      libraries the core links with
#   FUZZ_CFLAGS    those libraries' compiler flags (include folders)
#   FUZZ_SECONDS   per target (default 60); FUZZ_JOBS parallel targets (default 1)
# Usage: run.sh [--build-only | --regress] [TARGET...]
# --regress only replays the seeds and the saved crash inputs (seconds).
set -u
mode=run
case ${1:-} in
--build-only) mode=build; shift ;;
--regress) mode=regress; shift ;;
esac
: "${CLANG:=clang}" "${top_srcdir:=.}" "${top_builddir:=.}" "${FUZZ_SECONDS:=60}"
: "${FUZZ_LIBS:=-lsqlite3 -lnettle -lcrypt}" "${FUZZ_JOBS:=1}"
src=$top_srcdir/tests/fuzz
out=$top_builddir/fuzz
all=$(cd "$src" && ls fuzz_*.c | sed 's/\.c$//')
targets=${*:-$all}

apt_hint() {
	echo "make fuzz: $1" >&2
	echo "  install it with: apt-get install clang libclang-rt-dev" >&2
	exit 77
}
command -v "$CLANG" >/dev/null 2>&1 || apt_hint "clang is not installed"
mkdir -p "$out/obj" "$out/work" "$out/artifacts"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return (int)n * 0; }\n' >"$out/probe.c"
"$CLANG" -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null ||
	apt_hint "clang cannot link with libFuzzer (-fsanitize=fuzzer)"

SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CFLAGS="-g -O1 -std=gnu11 $SAN -DHAVE_CONFIG_H -I$top_builddir -I$top_srcdir/include -I$top_srcdir/src/core"
CFLAGS="$CFLAGS -DLOCALEDIR=\"/nonexistent\" -DJRC_DATADIR=\"/nonexistent\" -DJRC_DEFAULT_DB=\"/nonexistent\""
# The libraries' own include folders (libpq's is not on the default path).
CFLAGS="$CFLAGS ${FUZZ_CFLAGS:-}"

# The core, compiled once per source change.
objs=
for f in $CORE_SOURCES; do
	o=$out/obj/$(basename "$f" .c).o
	if [ ! -e "$o" ] || [ "$top_srcdir/$f" -nt "$o" ] ||
	   [ -n "$(find "$top_srcdir/include" "$top_srcdir/src/core" -name '*.h' -newer "$o" 2>/dev/null | head -1)" ]; then
		echo "  CLANG    $f"
		"$CLANG" $CFLAGS -fsanitize=fuzzer-no-link -c "$top_srcdir/$f" -o "$o" || exit 1
	fi
	objs="$objs $o"
done
for t in $targets; do
	if [ ! -e "$out/$t" ] || [ "$src/$t.c" -nt "$out/$t" ] || [ "$src/fuzz.h" -nt "$out/$t" ] ||
	   [ -n "$(find $objs -newer "$out/$t" | head -1)" ]; then
		echo "  FUZZ     $t"
		"$CLANG" $CFLAGS -fsanitize=fuzzer "$src/$t.c" $objs $FUZZ_LIBS -o "$out/$t" || exit 1
	fi
done
[ $mode = build ] && exit 0

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fail=0
# Replay: every seed and every input that once crashed must pass.
for t in $targets; do
	files=$(find "$src/corpus/$t" "$src/regressions/$t" -type f 2>/dev/null | sort)
	[ -z "$files" ] && continue
	if ! "$out/$t" -runs=0 $files >"$out/$t.replay.log" 2>&1; then
		echo "FAIL: $t on its seeds or saved crashes (see $out/$t.replay.log)"
		tail -30 "$out/$t.replay.log"
		fail=1
	else
		echo "ok:   $t replays $(echo "$files" | wc -l) saved inputs"
	fi
done
[ $mode = regress ] && exit $fail

run_one() {
	local t=$1 dict=
	mkdir -p "$out/work/$t"
	[ -e "$src/$t.dict" ] && dict="-dict=$src/$t.dict"
	# New finds go to the build tree's work corpus; the committed seeds
	# are only read.  -max_len leaves room for whole CSV files.
	"$out/$t" -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 -timeout=10 \
		-rss_limit_mb=2048 -max_len=8192 $dict \
		-artifact_prefix="$out/artifacts/$t-" \
		"$out/work/$t" "$src/corpus/$t" >"$out/$t.log" 2>&1
}
running=0
for t in $targets; do
	echo "  running  $t for ${FUZZ_SECONDS}s"
	run_one "$t" &
	running=$((running + 1))
	if [ $running -ge "$FUZZ_JOBS" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait
for t in $targets; do
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$out/$t.log" | tail -1)
	if grep -qE '^==[0-9]+==ERROR|SUMMARY: |invariant failed|deadly signal|Test unit written' "$out/$t.log"; then
		echo "FAIL: $t ($out/$t.log; crash input in $out/artifacts/)"
		grep -E 'invariant failed|ERROR|SUMMARY|Test unit written' "$out/$t.log" | head -5
		fail=1
	else
		echo "ok:   $t ran ${execs:-?} inputs, $cov"
	fi
done
exit $fail
