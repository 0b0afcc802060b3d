/* UTF-8 text: validation, sanitizing, display width, wrapping. */
#ifndef JRC_TEXT_H
#define JRC_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* 1 if s[0..len) is well-formed UTF-8 (no overlong forms, surrogates,
 * code points past U+10FFFF, or truncated sequences), else 0. */
int text_utf8_valid(const char *s, size_t len);

/* Decode one code point at s (len bytes available); returns bytes used,
 * or 0 on malformed input (*cp is then U+FFFD). */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (4 bytes room); returns bytes written (0 if invalid). */
size_t text_utf8_encode(uint32_t cp, char out[4]);

/* Number of code points in a valid UTF-8 string. */
size_t text_utf8_count(const char *s);

/* A newly allocated copy of s with control characters (C0 except when
 * keep_newlines allows \n, DEL, C1), ANSI/VT escape sequences, bidi overrides
 * and other format characters removed; malformed bytes become U+FFFD;
 * runs of spaces and tabs are kept as single spaces; leading/trailing
 * white space trimmed.  NULL on allocation failure. */
char *text_sanitize(const char *s, int keep_newlines);

/* Columns a code point takes on a terminal: 0, 1 or 2 (Unicode's East
 * Asian Width, as ncurses draws it). */
int text_cp_width(uint32_t cp);

/* Columns a code point takes on the receipt printer: 1 for ASCII, 2 for
 * anything else (the GB18030 font draws é · — “ ” two wide; a GBK or
 * ASCII printer's stand-in is no wider), 3 for … and € (ASCII "...",
 * "EUR"), 0 for control characters. */
int text_cp_print_width(uint32_t cp);

/* Columns a UTF-8 string takes on the receipt printer. */
size_t text_print_width(const char *s);

/* Columns a UTF-8 string takes (malformed bytes count 1). */
size_t text_width(const char *s);

/* Byte length of the longest prefix of s that fits in cols columns,
 * never splitting a character. */
size_t text_fit(const char *s, size_t cols);

/* Wrap s into lines of at most cols columns; breaks at spaces when it can,
 * else between characters (CJK wraps anywhere), never inside a character;
 * '\n' forces a break.  Returns the number of lines; *starts and *lens
 * (allocated, caller frees) give each line's byte offset and length
 * without the break.  Returns 0 with *starts NULL on allocation failure
 * or an empty string. */
size_t text_wrap(const char *s, size_t cols, size_t **starts, size_t **lens);

/* As text_wrap, with the printer's columns (text_cp_print_width). */
size_t text_wrap_print(const char *s, size_t cols, size_t **starts, size_t **lens);

/* Copy at most max code points of s into a new string (cut at a character
 * boundary); *cut set to 1 if anything was dropped. */
char *text_truncate_chars(const char *s, size_t max, int *cut);

#endif
