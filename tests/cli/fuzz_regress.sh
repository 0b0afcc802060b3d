#!/usr/bin/env bash
# make fuzz-regress inside make check: every fuzz target, built with clang
# and libFuzzer under ASan/UBSan, replays its seeds and the inputs that
# once failed (tests/fuzz/regressions/), e.g. the receipt lines that
# printed wider than the paper on GBK and ASCII printers.
. "$top_srcdir/tests/lib.sh"
: "${CLANG:=}"
[ -n "$CLANG" ] || skip_all "clang with libFuzzer is not installed"
out=$(top_srcdir="$top_srcdir" top_builddir="$top_builddir" \
	bash "$top_srcdir/tests/fuzz/run.sh" --regress 2>&1); st=$?
[ $st -eq 77 ] && skip_all "clang with libFuzzer is not installed"
printf '%s\n' "$out" | grep -E '^(ok|FAIL):' | sed 's/^/# /'
is "$st" 0 "every fuzz target replays its saved inputs"
for t in fuzz_csv fuzz_escpos fuzz_import fuzz_receipt fuzz_text fuzz_validate; do
	like "$out" "ok: +$t replays" "$t replays its seeds and saved failures"
done
done_testing
