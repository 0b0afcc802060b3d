/* The frame the engine draws around the top screen: the title bar, the
 * message and key lines, the help overlay, the idle warning, and the
 * "too small" notice.  Engine-internal: screens do not call these. */
#ifndef JRC_UI_FRAME_H
#define JRC_UI_FRAME_H

#include <stdint.h>

#include "engine.h"

/* Draws everything for the top screen and refreshes the terminal. */
void ui_frame_draw(ui_ctx *ctx);
/* The top screen's help, translated; NULL when it has none. */
const char *ui_screen_help(ui_ctx *ctx, ui_screen *s);
/* Seconds left of the idle countdown at NOW (never below 0). */
int ui_countdown_left(ui_ctx *ctx, int64_t now);

#endif
