/* Every screen's operations, and the home screen's entries. */
#ifndef JRC_UI_SCREENS_H
#define JRC_UI_SCREENS_H

#include "engine.h"
#include "jrc/grievance.h"
#include "jrc/refdata.h"

/* One choice on the home screen.  Entries are numbered in table order
 * (home_entries[] in scr_home.c); the language switch always comes last.
 * To add one: write the open function, add one line to the table. */
typedef struct ui_home_entry {
	const char *label;              /* msgid */
	int (*available)(ui_ctx *ctx);  /* NULL: always shown */
	void (*open)(ui_ctx *ctx);      /* pushes the entry's first screen */
} ui_home_entry;

extern const ui_screen_ops scr_home_ops;

/* An opinion survey (scr_survey.c): home's entry, shown while one runs
 * here and this citizen has not answered it. */
extern const ui_screen_ops scr_survey_ops;
int survey_home_available(ui_ctx *ctx);
void survey_home_open(ui_ctx *ctx);

/* A queue ticket for a quick question (scr_ticket.c): home's entry,
 * shown when the hall has windows (windows.csv). */
extern const ui_screen_ops scr_ticket_ops;  /* arg: jrc_ticket * (copied) */
int ticket_home_available(ui_ctx *ctx);
void ticket_home_open(ui_ctx *ctx);

/* Filing wizard (arg of each: NULL unless said otherwise). */
extern const ui_screen_ops scr_category_ops;
extern const ui_screen_ops scr_lit_ops;          /* legal-channel guidance */
extern const ui_screen_ops scr_township_ops;
extern const ui_screen_ops scr_village_ops;
extern const ui_screen_ops scr_person_ops;       /* named or anonymous */
extern const ui_screen_ops scr_person_form_ops;
extern const ui_screen_ops scr_anonymous_ops;
extern const ui_screen_ops scr_person_sms_ops;
extern const ui_screen_ops scr_story_ops;        /* arg: (void *)0 text, (void *)1 outcome */
extern const ui_screen_ops scr_phrases_ops;      /* F3 in the story steps; arg: scr_phrases_arg * */
extern const ui_screen_ops scr_help_step_ops;
extern const ui_screen_ops scr_review_ops;
extern const ui_screen_ops scr_receipt_ops;      /* arg: scr_receipt_arg * (ownership taken) */
extern const ui_screen_ops scr_notice_ops;       /* arg: const scr_notice_arg * */
extern const ui_screen_ops scr_court_ops;        /* story mentions a court: ask once */
extern const ui_screen_ops scr_ask_ops;          /* arg: const scr_ask_arg * (copied) */

/* "1 keep going / 2 <act>": asked before typed text is thrown away.
 * action runs (after the question is gone) only for 2. */
typedef struct scr_ask_arg {
	const char *title;              /* msgid */
	const char *body;               /* msgid */
	const char *keep;               /* msgid of choice 1 */
	const char *act;                /* msgid of choice 2 */
	void (*action)(ui_ctx *ctx, void *user);
	void *user;
} scr_ask_arg;

/* A full-screen message with one way on (Enter or Esc goes back). */
typedef struct scr_notice_arg {
	const char *title;              /* msgid */
	const char *body;               /* msgid */
} scr_notice_arg;

/* What the receipt screen shows: the filed case (its strings owned) and a
 * line from the help option, if any.  Allocated by the caller; the
 * receipt screen frees both. */
typedef struct scr_receipt_arg {
	jrc_case kase;
	char help_line[512];
	/* Writes help_line again in the current language (after F2); NULL
	 * when there is no help line. */
	void (*help_line_fn)(ui_ctx *ctx, const jrc_case *c, char *out, size_t size);
	int in_court;                   /* the citizen said it is before a court */
} scr_receipt_arg;

/* The legal-channel guidance of a category (LIT), or a general sentence
 * when the reference data has none. */
const char *lit_channel_text(const jrc_category *c);

/* The advice for a matter already before a court (LIT's court_*), else
 * lit_channel_text (scr_court.c). */
const char *court_advice_text(const jrc_category *lit);

/* 1 if the text speaks of a court, a lawsuit, a judgment, arbitration,
 * a filed case or an appeal (scr_court.c). */
int court_words_in(const char *text);

/* Print the receipt of a case that was just filed on the kiosk's printer
 * (scr_receipt.c): 1 printed, 0 no printer configured (sink "none"), -1
 * failed with a sentence in msg.  The attempt is recorded either way. */
int receipt_screen_print(ui_ctx *ctx, const jrc_case *c, char *msg, size_t size);

/* Big block letters for the receipt number (bigfont.c). */
enum { BIGFONT_ROWS = 5, BIGFONT_HALF_ROWS = 3 };

/* Columns s takes in the big font (0 if it has a character the font
 * lacks). */
int bigfont_width(const char *s);

/* Draw s in the big font with its top-left corner at y,x. */
void bigfont_draw(int y, int x, int attr, const char *s);

/* What F3's phrase builder adds to. */
typedef struct scr_phrases_arg {
	struct w_edit *target;  /* the step's text */
	int outcome;          /* 1: the "what you would like" step */
} scr_phrases_arg;

/* The same letters in half blocks, BIGFONT_HALF_ROWS high (for 24 rows). */
void bigfont_draw_half(int y, int x, int attr, const char *s);

/* The same letters k times as high and 2k times as wide (BIGFONT_ROWS * k
 * rows, bigfont_width(s) * 2k columns): a wall screen's board. */
void bigfont_draw_scaled(int y, int x, int attr, const char *s, int k);

#endif
