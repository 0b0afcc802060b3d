/* The kiosk's screen engine (tig/dialog style).
 *
 * One context struct, ui_ctx, holds all mutable UI state.  A screen is a
 * table of operations (ui_screen_ops) plus a private state pointer; the
 * engine keeps a stack of them and owns the key loop, the idle timer and
 * its countdown, resizing (and the "please enlarge" notice below 80x24),
 * the status line with the keys, the F1 help overlay and the F2 language
 * switch.  Screens only draw from their stored state, so a redraw after a
 * resize or a language switch never loses input.
 *
 * Adding a screen:
 *   1. write scr_NAME.c in its part's folder (src/ui/kiosk/ for the
 *      citizen, src/ui/desk/ for staff, src/ui/widgets/ for a screen both
 *      use) with a `const ui_screen_ops scr_NAME_ops` ({ .name, .enter,
 *      .leave, .draw, .key, .help_text } at least draw and key), declare
 *      it in src/ui/screens.h, add the file to its group in Makefile.am
 *      (UI_KIOSK, UI_DESK, UI_WIDGETS) and to po/POTFILES.in;
 *   2. open it with ui_push(ctx, &scr_NAME_ops, arg): enter() receives arg
 *      and allocates s->state (or names .state_size and the engine
 *      gives it zeroed); leave() frees it (the engine frees its own);
 *   3. draw() paints the rectangle ui_content(ctx) with the ui_text*()
 *      helpers below, and calls ui_cursor() if a field wants the cursor;
 *   4. key() gets an abstract action (keys.h).  Return UI_DONE when the
 *      key was used, UI_PASS otherwise: the engine then applies its
 *      default (Esc pops the screen).  F1 and F2 never reach screens.
 * A home-screen entry is one line in home_entries[] (kiosk/scr_home.c); a
 * wizard "Help" option is one line in help_options[] (kiosk/scr_help_step.c,
 * see wizard.h).  All curses calls go through "curses.h" in this folder;
 * the headers of src/ui are found by "name.h" from every folder. */
#ifndef JRC_UI_ENGINE_H
#define JRC_UI_ENGINE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/i18n.h"
#include "keys.h"

enum {
	UI_MIN_COLS = 80,
	UI_MIN_ROWS = 24,
	UI_STACK_MAX = 32,
	UI_CONTENT_MAX_COLS = 100   /* wider terminals centre a column this wide */
};

typedef struct ui_ctx ui_ctx;
typedef struct ui_screen ui_screen;
typedef struct wizard_draft wizard_draft;

/* What a screen's key handler did with a key. */
typedef enum ui_result {
	UI_PASS = 0,          /* not used: the engine applies its default */
	UI_DONE = 1           /* used: the engine redraws */
} ui_result;

typedef struct ui_screen_ops {
	const char *name;     /* for debugging and ui_pop_to() */
	/* Set up s->state from arg; nonzero refuses the push. */
	int (*enter)(ui_ctx *ctx, ui_screen *s, void *arg);
	/* Free s->state; called when the screen leaves the stack. */
	void (*leave)(ui_ctx *ctx, ui_screen *s);
	/* Paint the screen from its state (the engine has erased it and drawn
	 * the title bar and status line). */
	void (*draw)(ui_ctx *ctx, ui_screen *s);
	/* One key as an abstract action; ch is the character for
	 * UI_ACT_DIGIT / UI_ACT_CHAR. */
	ui_result (*key)(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch);
	/* The terminal changed size (optional: draw() sees the new size anyway). */
	void (*resize)(ui_ctx *ctx, ui_screen *s);
	/* Help for F1, already translated (optional). */
	const char *(*help_text)(ui_ctx *ctx, ui_screen *s);
	/* Called about every 200 ms while no key comes, with the monotonic
	 * time in ms (optional); return 1 to have the screen redrawn. */
	int (*tick)(ui_ctx *ctx, ui_screen *s, int64_t now_ms);
	/* The screen's own keys for the status line, translated (optional:
	 * "Enter: continue   Esc: back" below the root, nothing on it);
	 * "F1: help   F2: <language>" always follows. */
	const char *(*status_keys)(ui_ctx *ctx, ui_screen *s);
	/* Msgids for a screen whose help or keys never change: used when
	 * help_text or status_keys is NULL. */
	const char *help_msg;
	const char *keys_msg;
	/* > 0: the engine gives enter() s->state as that many zero bytes and
	 * wipes and frees it after leave() (which then frees only what the
	 * state points to, if anything). */
	size_t state_size;
} ui_screen_ops;

struct ui_screen {
	const ui_screen_ops *ops;
	void *state;          /* owned by the screen */
};

/* How the program was started (from the command line). */
typedef struct ui_options {
	jrc_db *db;           /* open database, still owned by the caller */
	const char *lang;     /* "zh" / "en"; NULL: the "language" setting */
	int idle_seconds;     /* 0: the idle_seconds setting */
	int countdown_seconds;/* 0: the idle_countdown setting */
	int busy_timeout_ms;  /* 0: the database default */
	const char *staff_id; /* non-NULL: staff files for a citizen (channel desk) */
	const char *printer;  /* printer URI; NULL: the "printer" setting */
	const char *terminal; /* this terminal's name; NULL: $JRC_TERMINAL, the tty */
	int with_voice;       /* the kiosk speaks (speak.h); the desk does not */
	const char *voice_output; /* NULL: the "voice_output" setting */
	int voice;            /* 1 on, -1 off by default here; 0: the "voice" setting */
	int window;           /* the desk's window in the hall (queue.h); 0: ask */
} ui_options;

/* Attribute roles: colours when the terminal has them, always with a
 * bold / reverse / underline fallback so vt100 reads the same. */
typedef enum ui_role {
	UI_NORMAL = 0,
	UI_TITLE,             /* the title bar */
	UI_STATUS,            /* the key line at the bottom */
	UI_HEADING,           /* step title */
	UI_HINT,              /* one-line hint under the step title */
	UI_SELECTED,          /* highlighted list item / focused field */
	UI_FIELD,             /* an input field */
	UI_ERROR,             /* an error next to a field or on the message line */
	UI_NOTICE,            /* an important notice (legal channel, anonymity) */
	UI_KEY,               /* a digit or key name in front of a choice */
	UI_QR,                /* a QR code: dark ink on a light ground */
	UI_PREEDIT,           /* pinyin letters being composed */
	UI_ROLE_COUNT
} ui_role;

/* A rectangle of the screen. */
typedef struct ui_rect {
	int y, x, h, w;
} ui_rect;

/* The one context.  Screens read it freely and change it only through
 * the functions below (and the wizard through wizard.h). */
struct ui_ctx {
	jrc_db *db;
	ui_screen stack[UI_STACK_MAX];
	int depth;

	jrc_lang lang;        /* current language */
	jrc_lang start_lang;  /* language a fresh session starts in */
	int linux_console;    /* TERM=linux: no Chinese glyphs */
	int zh_missing;       /* the Chinese catalogue was not found: English only */
	int colors;           /* has_colors() and started */

	int idle_seconds, countdown_seconds;
	int64_t last_key_ms;   /* monotonic */
	int countdown;        /* the idle countdown overlay is up */
	int idle_expired;     /* the countdown ran out (until the next key):
			       * the desk logs out at once */
	int64_t countdown_start_ms;

	int rows, cols;       /* terminal size */
	int too_small;        /* below UI_MIN_COLS x UI_MIN_ROWS */
	int help_open;        /* F1 overlay is up */
	int pasting;          /* inside a bracketed paste */
	int dirty;            /* redraw before the next wait */

	char message[512];    /* message line; cleared at the next key */
	int message_error;    /* 1: shown as an error */
	char help_buf[2048];  /* a help_text that fills in numbers (legal periods) writes here */

	int cur_visible, cur_y, cur_x;  /* cursor wanted by the last draw */

	char center_zh[256], center_en[256];
	/* This terminal's site when it stands at one of its own (jrc --site,
	 * site_away), else "": the title bar's words when the center's with
	 * it are too wide. */
	char site_zh[96], site_en[128];

	wizard_draft *draft;  /* the filing wizard's draft (wizard.h) */
	struct ui_speak *speak; /* voice guidance (speak.h); NULL: no voice here */
	char voice_fault[512];/* told to staff when the terminal is given back */

	struct ui_ime *ime;   /* the built-in pinyin input (ime.h), NULL until used */
	int ime_english;      /* F4: letters go in as typed on Chinese screens */
	int ime_keys_shown;   /* a free-text field drew its pinyin tag (key line: F4) */
	int ime_cand_y, ime_cand_x, ime_cand_w;  /* where this draw wants the candidates */

	int64_t survey_done_ms; /* a survey was answered here: not offered again
				   until the kiosk is left alone (scr_survey.c) */

	int staff_mode;       /* staff files for the citizen */
	char staff_id[32];
	char printer[256];    /* printer URI for receipts ("" : the setting) */
	int window;           /* this desk's window in the hall; 0 not yet said */
	/* "kiosk:NAME": what wrong lookups and staff logins at this terminal
	 * count against (guessers are slowed per terminal). */
	char terminal[80];

	/* SIGTERM / SIGHUP set this.  The signal handler reaches it through
	 * one static pointer in engine.c, set once by ui_run(): the single
	 * exception to "no process-wide mutable state". */
	volatile sig_atomic_t quit;
};

/* Run the engine with root as the bottom screen (entered with arg) until
 * the quit flag is set; restores the terminal on every way out.
 * Returns 0, or 1 when curses or the root screen could not start. */
int ui_run(const ui_options *opt, const ui_screen_ops *root, void *arg);

/* "kiosk:NAME" for this terminal: given, else $JRC_TERMINAL, else the tty. */
void ui_terminal_name(const char *given, char *out, size_t size);

/* Push a screen entered with arg; 0 on success, -1 if refused/full. */
int ui_push(ui_ctx *ctx, const ui_screen_ops *ops, void *arg);

/* Pop the top screen (never the root). */
void ui_pop(ui_ctx *ctx);

/* Replace the top screen (not the root) by a new one. */
int ui_replace(ui_ctx *ctx, const ui_screen_ops *ops, void *arg);

/* Pop until a screen with these ops is on top (or only the root is left);
 * returns 1 if found. */
int ui_pop_to(ui_ctx *ctx, const ui_screen_ops *ops);

/* Pop everything above the root screen. */
void ui_pop_to_root(ui_ctx *ctx);

/* The top screen, or NULL. */
ui_screen *ui_top(ui_ctx *ctx);

/* 1 if a screen with these ops is anywhere on the stack. */
int ui_on_stack(ui_ctx *ctx, const ui_screen_ops *ops);

/* Ask the loop to end (the kiosk itself never offers this to citizens). */
void ui_quit(ui_ctx *ctx);

/* Show a sentence on the message line until the next key (printf style;
 * the format is a translated string). */
void ui_message(ui_ctx *ctx, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Switch the language of every screen now (keeps all input). */
void ui_set_lang(ui_ctx *ctx, jrc_lang lang);

/* Wipe everything a citizen typed and show the root screen, as the idle
 * timer does. */
void ui_reset_session(ui_ctx *ctx);

/* Monotonic milliseconds, for timers (never the wall clock). */
int64_t ui_now_ms(void);

/* A date as people read it, in the current language ("Sunday,
 * 29 November 2026" / "2026年11月29日 星期日"). */
void ui_date_text(jrc_date d, char *out, size_t size);

/* The same for a local date stored as YYYY-MM-DD; anything else is
 * copied as it is. */
void ui_ymd_text(const char *ymd, char *out, size_t size);

/* 1 if F2 (and the home's language choice) may switch language now: not
 * into Chinese on the bare Linux console, which cannot draw it. */
int ui_lang_switch_offered(ui_ctx *ctx);

/* Why this terminal shows English only (for citizens' screens), or NULL
 * when Chinese can be shown. */
const char *ui_english_only_reason(ui_ctx *ctx);

/* The sentence for staff when the Chinese catalogue is missing, or NULL. */
const char *ui_catalogue_missing_text(ui_ctx *ctx);

/* The center's name in the current language. */
const char *ui_center_name(ui_ctx *ctx);

/* ---------------------------------------------------------------- drawing
 * (draw.c)  All widths are display columns from jrc/text.h, so layout is
 * the same under C.UTF-8 as under zh_CN.UTF-8. */

/* The curses attribute for a role. */
int ui_attr(ui_ctx *ctx, ui_role role);

/* The area a screen draws in: below the step header, above the message
 * line; centred and at most UI_CONTENT_MAX_COLS wide. */
ui_rect ui_content(ui_ctx *ctx);

/* Draw the step header "Step k of n: title" and a one-line hint, at the
 * top of the content column; k = 0 draws the title alone. */
void ui_step_header(ui_ctx *ctx, int k, int n, const char *title, const char *hint);

/* Put UTF-8 text at y,x clipped to width columns (control characters are
 * never drawn); returns the columns used. */
int ui_text(int y, int x, int width, int attr, const char *s);

/* Put the first nbytes of s (as ui_text). */
int ui_text_n(int y, int x, int width, int attr, const char *s, size_t nbytes);

/* Centre text in [x, x+width). */
void ui_text_center(int y, int x, int width, int attr, const char *s);

/* Wrap text into width columns from y, at most maxlines lines (the last
 * shown line ends in "..." if cut); returns the lines used. */
int ui_text_wrapped(int y, int x, int width, int maxlines, int attr, const char *s);

/* Lines text would take wrapped to width (at least 1). */
int ui_text_lines(const char *s, int width);

/* Fill width columns at y,x with blanks in attr. */
void ui_fill(int y, int x, int width, int attr);

/* A box with a frame of box-drawing characters, cleared inside. */
void ui_box(ui_rect r, int attr);

/* Columns of the first nbytes of s. */
int ui_width_n(const char *s, size_t nbytes);

/* Ask for the hardware cursor at y,x after this draw (fields do this). */
void ui_cursor(ui_ctx *ctx, int y, int x);

/* Engine-internal: set up colour pairs when the terminal has colours. */
void ui_colors_init(ui_ctx *ctx);

#endif
