/* The screen engine: stack of screens, key loop, idle timer, resize,
 * language switch, lock-down and terminal restore (the frame around the
 * screens, help and the idle warning are drawn in frame.c). */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "curses.h"
#include "engine.h"
#include "frame.h"
#include "ime.h"
#include "input.h"
#include "speak.h"
#include "wizard.h"
#include "jrc/site.h"

/* The signal handlers' only way to the context (see ui_ctx.quit). */
static ui_ctx *sig_ctx;
/* The terminal as we found it, for fatal-signal restore (set once). */
static struct termios saved_tty;
static int saved_tty_ok;

/* Bracketed paste: the terminal wraps pasted text in ESC[200~ ... ESC[201~,
 * so a pasted newline is text, not "continue". */
static const char paste_on[] = "\033[?2004h";
static const char paste_off[] = "\033[?2004l";

enum { TICK_MS = 200 };   /* timers run this often while no key comes */

/* Milliseconds of uptime pass 2^31 after 24.8 days: a 32-bit long would
 * wrap and the idle wipe would stop.  Keep every ms value 64-bit. */
_Static_assert(sizeof(((ui_ctx *)0)->last_key_ms) == 8 &&
	       sizeof(((ui_ctx *)0)->countdown_start_ms) == 8, "milliseconds need 64 bits");

int64_t ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void on_quit_signal(int sig)
{
	(void)sig;
	if (sig_ctx)
		sig_ctx->quit = 1;
}

/* Best effort on a crash: put the tty back and leave the alternate screen
 * with async-signal-safe calls only, then die the normal way. */
static void on_fatal_signal(int sig)
{
	static const char reset[] = "\033[?2004l\033[?1049l\033[?25h\033[0m\r\n";

	if (saved_tty_ok)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	if (write(STDOUT_FILENO, reset, sizeof(reset) - 1) < 0) {
		/* nothing more can be done */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void setup_signals(ui_ctx *ctx)
{
	struct sigaction sa;
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

	sig_ctx = ctx;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked read returns so the loop sees the flag. */
	sa.sa_handler = on_quit_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaction(fatal[i], &sa, NULL);
}

/* ---------------------------------------------------------------- stack */

ui_screen *ui_top(ui_ctx *ctx)
{
	return ctx->depth > 0 ? &ctx->stack[ctx->depth - 1] : NULL;
}

/* A state the engine gave a screen: wiped (what a citizen typed may be in
 * it) and freed. */
static void free_state(ui_screen *s)
{
	if (s->ops && s->ops->state_size && s->state) {
		explicit_bzero(s->state, s->ops->state_size);
		free(s->state);
	}
	s->state = NULL;
}

int ui_push(ui_ctx *ctx, const ui_screen_ops *ops, void *arg)
{
	ui_screen *s;

	if (ctx->depth >= UI_STACK_MAX)
		return -1;
	/* Letters being composed belong to the screen being left. */
	ime_drop(ctx);
	s = &ctx->stack[ctx->depth];
	s->ops = ops;
	s->state = NULL;
	if (ops->state_size && !(s->state = calloc(1, ops->state_size))) {
		s->ops = NULL;
		return -1;
	}
	if (ops->enter && ops->enter(ctx, s, arg) != 0) {
		free_state(s);
		s->ops = NULL;
		return -1;
	}
	ctx->depth++;
	ctx->dirty = 1;
	return 0;
}

static void leave_top(ui_ctx *ctx)
{
	ui_screen *s = &ctx->stack[ctx->depth - 1];

	ime_drop(ctx);
	if (s->ops->leave)
		s->ops->leave(ctx, s);
	free_state(s);
	s->ops = NULL;
	s->state = NULL;
	ctx->depth--;
	ctx->dirty = 1;
}

void ui_pop(ui_ctx *ctx)
{
	if (ctx->depth > 1)
		leave_top(ctx);
}

int ui_replace(ui_ctx *ctx, const ui_screen_ops *ops, void *arg)
{
	if (ctx->depth > 1)
		leave_top(ctx);
	return ui_push(ctx, ops, arg);
}

int ui_pop_to(ui_ctx *ctx, const ui_screen_ops *ops)
{
	while (ctx->depth > 1 && ui_top(ctx)->ops != ops)
		leave_top(ctx);
	return ui_top(ctx) && ui_top(ctx)->ops == ops;
}

void ui_pop_to_root(ui_ctx *ctx)
{
	while (ctx->depth > 1)
		leave_top(ctx);
}

int ui_on_stack(ui_ctx *ctx, const ui_screen_ops *ops)
{
	for (int i = 0; i < ctx->depth; i++)
		if (ctx->stack[i].ops == ops)
			return 1;
	return 0;
}

void ui_quit(ui_ctx *ctx)
{
	ctx->quit = 1;
}

void ui_message(ui_ctx *ctx, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->message, sizeof(ctx->message), fmt, ap);
	va_end(ap);
	ctx->message_error = error;
	speak_message(ctx, ctx->message);
	ctx->dirty = 1;
}

void ui_set_lang(ui_ctx *ctx, jrc_lang lang)
{
	if (lang != ctx->lang)
		ime_drop(ctx);
	ctx->lang = lang;
	i18n_set(lang);
	ctx->dirty = 1;
}

int ui_lang_switch_offered(ui_ctx *ctx)
{
	/* The bare Linux console cannot draw Chinese, and without its
	 * catalogue there is no Chinese to show: no way into it there. */
	return !((ctx->linux_console || ctx->zh_missing) && ctx->lang == JRC_LANG_EN);
}

const char *ui_english_only_reason(ui_ctx *ctx)
{
	if (ctx->lang != JRC_LANG_EN)
		return NULL;
	if (ctx->zh_missing)
		return _("This screen is in English because the Chinese texts are not installed on this terminal. Staff have been told.");
	if (ctx->linux_console)
		return _("This screen is in English because the Linux console cannot show Chinese characters.");
	return NULL;
}

const char *ui_catalogue_missing_text(ui_ctx *ctx)
{
	static char buf[512];

	if (!ctx->zh_missing)
		return NULL;
	snprintf(buf, sizeof(buf),
		 _("The Chinese translation (%s.mo) was not found under %s: this terminal shows English only. Reinstall the package, or set JRC_LOCALEDIR to the folder that holds it."),
		 PACKAGE, i18n_localedir());
	return buf;
}

const char *ui_center_name(ui_ctx *ctx)
{
	return i18n_pick(ctx->center_zh, ctx->center_en);
}

void ui_reset_session(ui_ctx *ctx)
{
	ctx->countdown = 0;
	ctx->help_open = 0;
	ctx->pasting = 0;
	ui_pop_to_root(ctx);
	wizard_wipe(ctx);
	ime_reset(ctx);
	speak_reset(ctx);
	ui_set_lang(ctx, ctx->start_lang);
	ctx->message[0] = '\0';
	ctx->last_key_ms = ui_now_ms();
	ctx->dirty = 1;
}

/* ---------------------------------------------------------------- chrome */

void ui_date_text(jrc_date d, char *out, size_t size)
{
	date_text(d, out, size);
}

void ui_ymd_text(const char *ymd, char *out, size_t size)
{
	jrc_date d;

	if (date_parse(ymd, &d) == 0)
		ui_date_text(d, out, size);
	else
		snprintf(out, size, "%s", ymd);
}

/* ---------------------------------------------------------------- keys */

static void relayout(ui_ctx *ctx)
{
	getmaxyx(stdscr, ctx->rows, ctx->cols);
	ctx->too_small = ctx->cols < UI_MIN_COLS || ctx->rows < UI_MIN_ROWS;
	for (int i = 0; i < ctx->depth; i++)
		if (ctx->stack[i].ops->resize)
			ctx->stack[i].ops->resize(ctx, &ctx->stack[i]);
	clearok(curscr, TRUE);
	ctx->dirty = 1;
}

static void dispatch(ui_ctx *ctx, ui_action act, wint_t ch)
{
	ui_screen *s = ui_top(ctx);
	ui_result res = UI_PASS;

	ctx->message[0] = '\0';
	if (act == UI_ACT_HELP) {
		ctx->help_open = 1;
		if (ui_screen_help(ctx, s))
			speak_now(ctx, ui_screen_help(ctx, s));
		return;
	}
	if (act == UI_ACT_LANG) {
		if (!ui_lang_switch_offered(ctx)) {
			ui_message(ctx, 1, "%s", ctx->zh_missing ?
				   _("Chinese is not installed on this terminal: please ask the staff.") :
				   /* One line at 80 columns: the message line cuts. */
				   _("Chinese cannot be shown here: the Linux console has no Chinese characters."));
			return;
		}
		ui_set_lang(ctx, ctx->lang == JRC_LANG_ZH ? JRC_LANG_EN : JRC_LANG_ZH);
		return;
	}
	if (act == UI_ACT_REPEAT) {
		speak_repeat(ctx);
		return;
	}
	if (act == UI_ACT_READ_BACK) {
		speak_read_back(ctx);
		return;
	}
	if (act == UI_ACT_ASK_STAFF) {
		/* Any step of the kiosk's filing form: the draft goes to the
		 * front desk with a ticket (kiosk/handover.c). */
		if (wizard_handover_offered(ctx))
			wizard_hand_over(ctx);
		return;
	}
	if (act == UI_ACT_NONE)
		return;
	/* Letters being composed take the key before the screen does. */
	if (ime_dispatch(ctx, act, ch) == UI_DONE)
		return;
	if (s && s->ops->key)
		res = s->ops->key(ctx, s, act, ch);
	if (res == UI_PASS && act == UI_ACT_BACK)
		ui_pop(ctx);
}

static void handle_key(ui_ctx *ctx, int r, wint_t ch)
{
	ui_action act = UI_ACT_NONE;
	int decoded = 0;

	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		relayout(ctx);
		return;
	}
	ctx->last_key_ms = ui_now_ms();
	ctx->idle_expired = 0;
	if (r == OK && ch == 27) {
		if (!ui_escape_sequence(ctx, &act))
			return;
		decoded = 1;
	}
	if (ctx->countdown) {
		/* Any key means someone is there: it cancels, nothing else. */
		ctx->countdown = 0;
		ctx->dirty = 1;
		return;
	}
	if (ctx->too_small)
		return;
	ctx->dirty = 1;
	if (ctx->help_open) {
		ctx->help_open = 0;
		return;
	}
	if (decoded)
		;           /* act came from the escape sequence */
	else if (ctx->pasting && r == OK && (ch == L'\n' || ch == L'\r' || ch == L'\t'))
		act = UI_ACT_CHAR, ch = L' ';
	else
		act = ui_key_action(r == KEY_CODE_YES, ch);
	if (act == UI_ACT_DIGIT)
		ch = ui_key_ascii(ch);
	dispatch(ctx, act, ch);
}

/* Voice trouble found while the kiosk runs (a device gone or busy) is
 * told to staff once: on stderr when that is a log, else when the
 * terminal is given back, so the citizen's screen is not written over. */
static void voice_trouble(ui_ctx *ctx)
{
	char msg[512];

	if (!speak_fault(ctx, msg, sizeof(msg)))
		return;
	speak_record_fault(ctx, msg);
	if (!isatty(STDERR_FILENO))
		fprintf(stderr, "%s\n", msg);
	else if (!ctx->voice_fault[0])
		snprintf(ctx->voice_fault, sizeof(ctx->voice_fault), "%s", msg);
}

/* Nothing typed: run the idle timer and the screens' timers. */
static void tick(ui_ctx *ctx)
{
	int64_t now = ui_now_ms();
	ui_screen *s = ui_top(ctx);

	voice_trouble(ctx);
	if (ctx->countdown) {
		int left = ui_countdown_left(ctx, now);

		if (left <= 0) {
			ctx->idle_expired = 1;
			ui_reset_session(ctx);
		}
		else
			ctx->dirty = 1;   /* the seconds count down */
		return;
	}
	if (ctx->idle_seconds > 0 && now - ctx->last_key_ms >= (int64_t)ctx->idle_seconds * 1000 &&
	    (ctx->depth > 1 || wizard_has_input(ctx) || ctx->lang != ctx->start_lang)) {
		ctx->countdown = 1;
		ctx->countdown_start_ms = now;
		ctx->help_open = 0;
		ctx->dirty = 1;
		speak_now(ctx, _("Are you still there? Press any key to continue."));
		return;
	}
	if (s && s->ops->tick && s->ops->tick(ctx, s, now))
		ctx->dirty = 1;
	/* The pinyin engine starts once the first screen is up and nobody
	 * types, so neither the first screen nor the first letter waits. */
	if (ime_built() && (!ctx->ime || !ime_composing(ctx)))
		ime_start(ctx);
}

static void loop(ui_ctx *ctx)
{
	wint_t ch;
	int r;
	int last_left = -1;

	while (!ctx->quit && ctx->depth > 0) {
		r = ui_read_key(0, &ch);
		if (r == ERR) {
			if (ctx->countdown) {
				int left = ui_countdown_left(ctx, ui_now_ms());

				if (left != last_left)
					ctx->dirty = 1;
				last_left = left;
			}
			if (ctx->dirty)
				ui_frame_draw(ctx);
			if (ctx->quit)
				break;
			r = ui_read_key(TICK_MS, &ch);
			if (r == ERR) {
				int was_dirty = ctx->dirty;

				tick(ctx);
				/* The countdown only needs a redraw per second. */
				if (ctx->countdown && !was_dirty &&
				    ui_countdown_left(ctx, ui_now_ms()) == last_left)
					ctx->dirty = 0;
				continue;
			}
		}
		handle_key(ctx, r, ch);
	}
}

/* ---------------------------------------------------------------- setup */

static int setting_int(jrc_db *db, const char *key)
{
	char buf[32];

	if (db_setting_get(db, key, NULL, buf, sizeof(buf), NULL) != JRC_OK)
		snprintf(buf, sizeof(buf), "%s", db_setting_default(key) ? db_setting_default(key) : "0");
	return atoi(buf);
}

static void init_ctx(ui_ctx *ctx, const ui_options *opt)
{
	char buf[32];
	const char *term = getenv("TERM");
	jrc_lang lang = JRC_LANG_ZH;

	ctx->db = opt->db;
	if (opt->busy_timeout_ms > 0)
		db_set_busy_timeout(ctx->db, opt->busy_timeout_ms);
	/* The center's name, and at another site (--site) that site's. */
	if (site_heading(ctx->db, ctx->center_zh, sizeof(ctx->center_zh), ctx->center_en,
			 sizeof(ctx->center_en), NULL) != JRC_OK)
		ctx->center_zh[0] = ctx->center_en[0] = '\0';
	{
		jrc_site st;

		ctx->site_zh[0] = ctx->site_en[0] = '\0';
		if (site_away(ctx->db, &st)) {
			snprintf(ctx->site_zh, sizeof(ctx->site_zh), "%s", st.name_zh);
			snprintf(ctx->site_en, sizeof(ctx->site_en), "%s", st.name_en);
		}
	}
	if (opt->lang) {
		i18n_parse(opt->lang, &lang);
	} else if (db_setting_get(ctx->db, "language", NULL, buf, sizeof(buf), NULL) == JRC_OK) {
		i18n_parse(buf, &lang);
	}
	ctx->linux_console = term && strcmp(term, "linux") == 0;
	/* The Linux console has no Chinese glyphs: start where it can draw. */
	if (ctx->linux_console && !opt->lang)
		lang = JRC_LANG_EN;
	/* No Chinese catalogue: English, said once to staff (stderr now, the
	 * desk at login), never a switch to a "Chinese" that is English. */
	ctx->zh_missing = !i18n_available(JRC_LANG_ZH);
	if (ctx->zh_missing)
		lang = JRC_LANG_EN;
	ctx->start_lang = lang;
	ctx->idle_seconds = opt->idle_seconds > 0 ? opt->idle_seconds
						  : setting_int(ctx->db, "idle_seconds");
	ctx->countdown_seconds = opt->countdown_seconds > 0 ? opt->countdown_seconds
							    : setting_int(ctx->db, "idle_countdown");
	if (opt->staff_id && *opt->staff_id) {
		ctx->staff_mode = 1;
		snprintf(ctx->staff_id, sizeof(ctx->staff_id), "%s", opt->staff_id);
	}
	snprintf(ctx->printer, sizeof(ctx->printer), "%s", opt->printer ? opt->printer : "");
	ctx->window = opt->window;
	ui_terminal_name(opt->terminal, ctx->terminal, sizeof(ctx->terminal));
	ui_set_lang(ctx, lang);
	if (opt->with_voice) {
		char out[256], on[16];

		if (opt->voice_output)
			snprintf(out, sizeof(out), "%s", opt->voice_output);
		else if (db_setting_get(ctx->db, "voice_output", NULL, out, sizeof(out), NULL) != JRC_OK)
			snprintf(out, sizeof(out), "none");
		if (opt->voice)
			snprintf(on, sizeof(on), "%s", opt->voice > 0 ? "on" : "off");
		else if (db_setting_get(ctx->db, "voice", NULL, on, sizeof(on), NULL) != JRC_OK)
			snprintf(on, sizeof(on), "off");
		speak_init(ctx, out, strcmp(on, "on") == 0);
	}
}

static SCREEN *start_curses(ui_ctx *ctx)
{
	SCREEN *scr;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return NULL;
	if (tcgetattr(STDIN_FILENO, &saved_tty) == 0)
		saved_tty_ok = 1;
	scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return NULL;
	set_term(scr);
	set_escdelay(25);
	raw();          /* Ctrl-C, Ctrl-Z, Ctrl-\ and flow control become keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	ui_colors_init(ctx);
	/* ncurses (6.4) sends its output in a write of its own after every
	 * cursor move within an update, until the screen has once been left
	 * and resumed; leave and resume it now, so that each screen update
	 * is one write: a composing key moves the cursor to the candidates
	 * and back, which was three to five writes and as many wake-ups of
	 * the terminal (BENCHMARKS.md, figure 8). */
	endwin();
	refresh();
	fputs(paste_on, stdout);
	fflush(stdout);
	getmaxyx(stdscr, ctx->rows, ctx->cols);
	ctx->too_small = ctx->cols < UI_MIN_COLS || ctx->rows < UI_MIN_ROWS;
	return scr;
}

static void stop_curses(SCREEN *scr)
{
	if (!scr)
		return;
	curs_set(1);
	endwin();
	fputs(paste_off, stdout);
	fflush(stdout);
	delscreen(scr);
}

void ui_terminal_name(const char *given, char *out, size_t size)
{
	const char *name = given && *given ? given : getenv("JRC_TERMINAL");
	const char *tty = NULL;

	if (!name || !*name) {
		tty = ttyname(STDIN_FILENO);
		name = tty ? (strncmp(tty, "/dev/", 5) == 0 ? tty + 5 : tty) : "tty";
	}
	snprintf(out, size, "kiosk:%.64s", name);
}

int ui_run(const ui_options *opt, const ui_screen_ops *root, void *arg)
{
	ui_ctx *ctx = calloc(1, sizeof(*ctx));
	SCREEN *scr;
	int rc = 0;

	if (!ctx)
		return 1;
	init_ctx(ctx, opt);
	if (ctx->zh_missing)
		fprintf(stderr, "jrc: %s\n", ui_catalogue_missing_text(ctx));
	setup_signals(ctx);
	if (!(scr = start_curses(ctx))) {
		fprintf(stderr, "%s\n",
			_("jrc: the kiosk needs a terminal: run it on the kiosk's screen, not through a pipe."));
		speak_free(ctx);
		sig_ctx = NULL;
		free(ctx);
		return 1;
	}
	ctx->last_key_ms = ui_now_ms();
	if (ui_push(ctx, root, arg) != 0) {
		rc = 1;
	} else {
		loop(ctx);
	}
	while (ctx->depth > 0)
		leave_top(ctx);
	wizard_wipe(ctx);
	free(ctx->draft);
	ime_stop(ctx);
	stop_curses(scr);
	speak_free(ctx);
	if (ctx->voice_fault[0])
		fprintf(stderr, "%s\n", ctx->voice_fault);
	sig_ctx = NULL;
	free(ctx);
	return rc;
}
