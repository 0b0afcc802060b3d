# Shared by the kiosk_voice*.sh tests: the kiosk with its voice going to
# WAV files (voice_output file:DIR), and helpers that read what it said.
# Each utterance is DIR/NNNN.txt (its text) and DIR/NNNN.wav; DIR/voice.log
# has "NNNN start ..." and "NNNN done|cut samples=... ms=..." lines.
# Usage: . "$top_srcdir/tests/e2e/voice_lib.sh"
. "$top_srcdir/tests/e2e/kiosk_lib.sh"

export LC_ALL=C.UTF-8     # ${s:0:n} counts characters, not bytes
WAVSTAT="${top_builddir:-.}/tests/voice/wavstat"
"$JRC" kiosk --help | grep -q -- '--voice-output' || skip_all "this jrc has no voice options"
V_LAST=0                  # the newest utterance the test has looked at

# v_start DIR PACE ERRFILE [KIOSK ARGS...]: the kiosk at 80x24 speaking
# into DIR, PACE times real time (0: as fast as espeak goes), its stderr
# in ERRFILE.
v_start() {
	local dir=$1 pace=$2 err=$3 try
	shift 3
	for try in 1 2 3; do
		tm_start 80 24 env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
			JRC_DB="$JRC_DB" JRC_NOW="$K_NOW" JRC_VOICE_PACE="$pace" JRC_TEST_ERR="$err" \
			${JRC_LOCALEDIR:+JRC_LOCALEDIR="$JRC_LOCALEDIR"} \
			sh -c 'exec "$0" "$@" 2>>"$JRC_TEST_ERR"' "$JRC" kiosk \
			--printer "file:$T_DIR/receipt.bin" --voice-output "file:$dir" "$@" \
			2>/dev/null && break
		sleep 0.2
	done
}

# v_file DIR N EXT: the path of utterance N.
v_file() {
	printf '%s/%04d.%s' "$1" "$2" "$3"
}

# v_count DIR: utterances begun so far.
v_count() {
	local n=0
	while [ -e "$(v_file "$1" $((n + 1)) txt)" ]; do n=$((n + 1)); done
	echo $n
}

# v_wait_new DIR FIXED-TEXT [SECONDS]: wait for an utterance after V_LAST
# whose text contains FIXED-TEXT; V_LAST moves to it (call it directly,
# not in $(...), so V_LAST keeps its new value).
v_wait_new() {
	local dir=$1 want=$2 limit=${3:-20} i=0 n
	while [ $i -lt $((limit * 20)) ]; do
		n=$((V_LAST + 1))
		while [ -e "$(v_file "$dir" $n txt)" ]; do
			if grep -qF -- "$want" "$(v_file "$dir" $n txt)"; then
				V_LAST=$n
				return 0
			fi
			n=$((n + 1))
		done
		sleep 0.05
		i=$((i + 1))
	done
	echo "# no utterance after $V_LAST says: $want" >&2
	cat "$dir"/*.txt 2>/dev/null | tail -3 | sed 's/^/# said: /' >&2
	return 1
}

# v_wait_end DIR N [SECONDS]: wait until utterance N is done or cut;
# prints "done" or "cut".
v_wait_end() {
	local dir=$1 n id limit=${3:-30} i=0
	id=$(printf '%04d' "$2")
	while [ $i -lt $((limit * 20)) ]; do
		n=$(sed -n "s/^$id \(done\|cut\) .*/\1/p" "$dir/voice.log" 2>/dev/null | head -1)
		[ -n "$n" ] && { echo "$n"; return 0; }
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# v_samples DIR N: samples the log says utterance N has.
v_samples() {
	sed -n "s/^$(printf '%04d' "$2") \(done\|cut\) samples=\([0-9]*\) .*/\2/p" "$1/voice.log" | head -1
}

# v_wav_ok DIR N: the WAV of N is finished, not silent, and as long as
# its text: at least 30 ms and at most 1.5 s a character.
v_wav_ok() {
	local st ms rms chars text
	st=$("$WAVSTAT" "$(v_file "$1" "$2" wav)") || return 1
	ms=$(echo "$st" | sed -n 's/.* ms=\([0-9]*\) .*/\1/p')
	rms=$(echo "$st" | sed -n 's/.* rms=\([0-9]*\) .*/\1/p')
	text=$(cat "$(v_file "$1" "$2" txt)")
	chars=${#text}
	[ "$rms" -ge 300 ] && [ "$ms" -ge $((chars * 30)) ] && [ "$ms" -le $((chars * 1500)) ] || {
		echo "# utterance $2: $st for $chars characters" >&2
		return 1
	}
}

# v_choice N-TEXT LABEL: the digit the voice said for LABEL in utterance
# text ("按 3，前店村" -> 3).
v_choice() {
	printf '%s\n' "$1" | grep -oE "(按|Press) [0-9]+(，|: )$2" | head -1 | grep -oE '[0-9]+' | head -1
}

# v_digits NUMBER: a receipt number or code as the voice reads it in
# Chinese ("PJ1-0" -> "P, J, 幺, 杠, 零").
v_digits() {
	local s=$1 out="" c w i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:$i:1}
		case $c in
		0) w=零 ;; 1) w=幺 ;; 2) w=二 ;; 3) w=三 ;; 4) w=四 ;; 5) w=五 ;;
		6) w=六 ;; 7) w=七 ;; 8) w=八 ;; 9) w=九 ;; -) w=杠 ;; *) w=$c ;;
		esac
		out="$out${out:+, }$w"
	done
	echo "$out"
}

# v_undigits TEXT: back from the spoken digits to the number.
v_undigits() {
	echo "$1" | sed 's/, //g; s/零/0/g; s/幺/1/g; s/二/2/g; s/三/3/g; s/四/4/g; s/五/5/g;
		s/六/6/g; s/七/7/g; s/八/8/g; s/九/9/g; s/杠/-/g'
}

# v_screen_said DIR WHAT: the screen now on the terminal was said whole:
# a new utterance has its heading, the start of its instruction and each
# numbered choice on it as "按 N，label"; the WAV is sound of that length.
v_screen_said() {
	local dir=$1 what=$2 scr title hint n text c miss=""
	scr=$(tm_screen)
	title=$(echo "$scr" | sed -n 3p | sed 's/^ *//; s/ *$//')
	hint=$(echo "$scr" | sed -n 4p | sed 's/^ *//; s/ *$//')
	v_wait_new "$dir" "$title" || { ok 1 "$what: said (heading '$title')"; return 1; }
	n=$V_LAST
	text=$(cat "$(v_file "$dir" "$n" txt)")
	[ -z "$hint" ] || case $text in *"${hint:0:10}"*) ;; *) miss="$miss [hint ${hint:0:10}]" ;; esac
	while read -r c; do
		[ -n "$c" ] || continue
		case $text in
		*"按 ${c%%  *}，${c#*  }"*) ;;
		*) miss="$miss [$c]" ;;
		esac
	done <<EOT
$(echo "$scr" | sed -n '5,22p' | grep -oE '(^|[ >])[0-9]+  [^ ]+' | sed 's/^[ >]//')
EOT
	[ -z "$miss" ]; ok $? "$what: the utterance has the heading, instruction and every choice${miss:+ (missing:$miss)}"
	v_wait_end "$dir" "$n" >/dev/null && v_wav_ok "$dir" "$n"
	ok $? "$what: its WAV is sound, as long as the text"
}
