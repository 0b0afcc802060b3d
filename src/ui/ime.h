/* The built-in pinyin input (librime), for every free-text field when
 * the screen is in Chinese: letters compose, the candidates are numbered
 * on the line under the field, and the pick goes into the field's text.
 *
 * One engine per kiosk process, started in idle time after the first
 * screen (or at the first letter), with the schema compiled at build time
 * in a folder jrc owns ($JRC_RIME_DIR, else the installed one).  Rime's
 * user data goes to a private folder made at start and removed at exit;
 * the user dictionary is off, so nothing one citizen picks is ranked
 * higher for the next.  Without librime (configure --without-rime) the
 * same calls exist and letters go in as typed. */
#ifndef JRC_UI_IME_H
#define JRC_UI_IME_H

#include <stddef.h>

#include "engine.h"
#include "widgets.h"

/* 1 if this build has the pinyin input. */
int ime_built(void);

/* Start the engine now if it is not running; 0, or -1 if it cannot be
 * (letters then go in as typed, and the field says so). */
int ime_start(ui_ctx *ctx);

/* Stop the engine and remove its private folder (at exit). */
void ime_stop(ui_ctx *ctx);

/* Drop any composition (leaving a screen, the language switch). */
void ime_drop(ui_ctx *ctx);

/* A new citizen: drop the composition, pinyin back on, a fresh session. */
void ime_reset(ui_ctx *ctx);

/* 1 if a free-text field composes pinyin now (Chinese screen, pinyin on,
 * the engine usable). */
int ime_on(ui_ctx *ctx);

/* 1 while letters are being composed. */
int ime_composing(ui_ctx *ctx);

/* A key for the free-text field e: F4 switches pinyin/English; letters
 * compose; while composing 1-9 pick, Space takes the first, - = PgUp PgDn
 * page, Backspace edits, Enter puts the letters in, Esc drops, and other
 * keys are held back.  UI_DONE if the key was used here. */
ui_result ime_key(ui_ctx *ctx, w_edit *e, ui_action act, wint_t ch);

/* The engine's first stop for a key while composing: the key goes to
 * the field the letters are composed for, before the screen sees it (so
 * Enter or Esc never leave the step).  UI_PASS when not composing. */
ui_result ime_dispatch(ui_ctx *ctx, ui_action act, wint_t ch);

/* The mode tag a free-text field shows ("拼" / "英"), or NULL when the
 * screen is in English or pinyin is not built in.  Also tells the key
 * line that F4 applies. */
const char *ime_tag(ui_ctx *ctx);

/* The letters being composed as the engine shows them ("" if none). */
const char *ime_preedit(ui_ctx *ctx);

/* The numbered candidates go on row y from x in width columns: the
 * engine draws them over the screen after the screen's own draw (so a
 * label below the field cannot hide them).  Returns 1 while composing. */
int ime_place_candidates(ui_ctx *ctx, int y, int x, int width);

/* Engine: draw the candidates placed during this draw, if any. */
void ime_draw_candidates(ui_ctx *ctx);

#endif
