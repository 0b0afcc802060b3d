/* Voice guidance: what a screen says, taken from what it draws.
 *
 * Every draw feeds the collector: ui_step_header() gives the title and
 * the instruction, w_list_draw() and w_confirm_draw() the numbered
 * choices and the one under the cursor, ui_message() errors and notes.
 * After the draw the engine calls speak_end(): a new screen (another
 * screen, or the same with another title) is said whole, interrupting
 * whatever was being said; a moved cursor says the choice under it; a
 * new message is said after that.  Screens that draw something the
 * widgets cannot describe add it with the hooks below (one call in
 * their draw).  With voice off, or no voice on this terminal, every
 * call returns at once. */
#ifndef JRC_UI_SPEAK_H
#define JRC_UI_SPEAK_H

#include "engine.h"

typedef struct ui_speak ui_speak;

/* Set up voice for the kiosk from its options and the settings (engine);
 * a fault for staff goes to stderr here, before the screen starts. */
void speak_init(ui_ctx *ctx, const char *output, int default_on);

/* Stop the voice and free it (engine). */
void speak_free(ui_ctx *ctx);

/* 1 if this terminal can speak (the home screen offers voice guidance). */
int speak_available(ui_ctx *ctx);

/* 1 if voice guidance is on for the citizen at the terminal now. */
int speak_on(ui_ctx *ctx);

/* Turn voice guidance on or off for this citizen. */
void speak_set(ui_ctx *ctx, int on);

/* The home screen's "voice guidance" choice: on if off, off if on. */
void speak_home_toggle(ui_ctx *ctx);

/* The idle wipe: back to the terminal's default, silence (engine). */
void speak_reset(ui_ctx *ctx);

/* Around each draw of the whole screen (engine). */
void speak_begin(ui_ctx *ctx);
void speak_end(ui_ctx *ctx);

/* F5: say the screen again; F6: read back what was typed (engine). */
void speak_repeat(ui_ctx *ctx);
void speak_read_back(ui_ctx *ctx);

/* 1 if F6 has something to read back on this screen (status line). */
int speak_has_read_back(ui_ctx *ctx);

/* A line of staff-facing trouble not yet told, for the desk and logs. */
int speak_fault(ui_ctx *ctx, char *out, size_t size);

/* Tell the front desk about voice trouble: a voice_fault event, which
 * the desk shows at login (best effort, never fails the kiosk). */
void speak_record_fault(ui_ctx *ctx, const char *msg);

/* Say text now, over whatever is being said (the help overlay, the idle
 * countdown: things the engine draws over the screen). */
void speak_now(ui_ctx *ctx, const char *text);

/* ---- fed by the drawing code */

/* The screen's title and instruction (ui_step_header). */
void speak_title(ui_ctx *ctx, const char *title, const char *hint);

/* A numbered choice i (0-based) and whether the cursor is on it. */
void speak_choice(ui_ctx *ctx, int i, const char *label, int selected);

/* A sentence after the instruction (before the choices). */
void speak_extra(ui_ctx *ctx, const char *text);

/* A sentence said slowly after the screen, for numbers to write down. */
void speak_slow(ui_ctx *ctx, const char *text);

/* The item with the cursor when it is not a list choice (a form field):
 * id tells items apart, text is said when it changes. */
void speak_focus(ui_ctx *ctx, int id, const char *text);

/* What F6 reads back on this screen (the text being typed). */
void speak_read_back_text(ui_ctx *ctx, const char *text);

/* A message on the message line (ui_message). */
void speak_message(ui_ctx *ctx, const char *text);

#endif
