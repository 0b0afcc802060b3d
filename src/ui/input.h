/* Engine-internal: key input (input.c). */
#ifndef JRC_UI_INPUT_H
#define JRC_UI_INPUT_H

#include <wchar.h>

#include "engine.h"

/* One key, waiting up to timeout_ms (0: only what is there): OK with a
 * character, KEY_CODE_YES with a KEY_* code, or ERR. */
int ui_read_key(int timeout_ms, wint_t *out);

/* After an ESC: 1 with *act for the Esc key or a known sequence, 0 when
 * a sequence was swallowed (and bracketed-paste marks noted in ctx). */
int ui_escape_sequence(ui_ctx *ctx, ui_action *act);

#endif
