/* Drawing helpers: attributes, layout and width-correct text output. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "engine.h"
#include "speak.h"
#include "jrc/text.h"

/* Colour pairs; each role also has a monochrome attribute, so meaning
 * never rides on colour alone (vt100 has none). */
static const struct role_style {
	short fg, bg;
	int color_attr;
	int mono_attr;
} styles[UI_ROLE_COUNT] = {
	[UI_NORMAL] = { -1, -1, 0, 0 },
	[UI_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[UI_STATUS] = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
	[UI_HEADING] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[UI_HINT] = { -1, -1, 0, 0 },
	[UI_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	/* Underlined, not coloured: a colour pair costs about 25 bytes around
	 * every typed character, which a kiosk on a slow serial line feels
	 * (BENCHMARKS.md, figure 6). */
	[UI_FIELD] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[UI_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[UI_NOTICE] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[UI_KEY] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	/* Without colours, reverse video turns the usual light-on-dark kiosk
	 * terminal into dark ink on light, which is what a phone reads. */
	[UI_QR] = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
	/* Reverse video in the terminal's own colours, no colour pair: each
	 * composing key redraws these letters, and curses flushes its output
	 * (a write of its own) whenever a colour pair ends (BENCHMARKS.md,
	 * figure 8). */
	[UI_PREEDIT] = { -1, -1, A_REVERSE, A_REVERSE },
};

void ui_colors_init(ui_ctx *ctx)
{
	ctx->colors = 0;
	if (!has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	for (int r = 1; r < UI_ROLE_COUNT; r++)
		if (init_pair((short)r, styles[r].fg, styles[r].bg) == ERR)
			return;
	ctx->colors = 1;
}

int ui_attr(ui_ctx *ctx, ui_role role)
{
	if ((unsigned)role >= UI_ROLE_COUNT)
		return 0;
	/* Roles in the terminal's own colours use no pair at all, so that
	 * curses has no colour to switch on and off around them. */
	if (ctx->colors && (styles[role].fg != -1 || styles[role].bg != -1))
		return (int)COLOR_PAIR(role) | styles[role].color_attr;
	if (ctx->colors)
		return styles[role].color_attr;
	return styles[role].mono_attr;
}

ui_rect ui_content(ui_ctx *ctx)
{
	ui_rect r;

	r.w = ctx->cols - 4;
	if (r.w > UI_CONTENT_MAX_COLS)
		r.w = UI_CONTENT_MAX_COLS;
	r.x = (ctx->cols - r.w) / 2;
	/* title bar, blank, step title, hint, blank */
	r.y = 5;
	/* message line and key line at the bottom, a blank above them */
	r.h = ctx->rows - r.y - 3;
	if (r.h < 1)
		r.h = 1;
	return r;
}

void ui_step_header(ui_ctx *ctx, int k, int n, const char *title, const char *hint)
{
	ui_rect r = ui_content(ctx);
	char line[512];

	if (k > 0)
		/* TRANSLATORS: step k of n, then the step's title. */
		snprintf(line, sizeof(line), _("Step %d of %d: %s"), k, n, title);
	else
		snprintf(line, sizeof(line), "%s", title);
	ui_text(2, r.x, r.w, ui_attr(ctx, UI_HEADING), line);
	speak_title(ctx, line, hint);
	/* A long hint may take the spare row above the content. */
	if (hint)
		ui_text_wrapped(3, r.x, r.w, 2, ui_attr(ctx, UI_HINT), hint);
}

int ui_width_n(const char *s, size_t nbytes)
{
	size_t i = 0;
	int w = 0;

	while (s && i < nbytes && s[i]) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, nbytes - i, &cp);

		if (n == 0) {
			n = 1;
			cp = 0xFFFD;
		}
		w += text_cp_width(cp);
		i += n;
	}
	return w;
}

int ui_text_n(int y, int x, int width, int attr, const char *s, size_t nbytes)
{
	wchar_t buf[512];
	size_t i = 0, nw = 0;
	int used = 0;

	if (!s || width <= 0 || y < 0 || x < 0)
		return 0;
	while (i < nbytes && s[i] && nw < sizeof(buf) / sizeof(buf[0])) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, nbytes - i, &cp);
		int w;

		if (n == 0) {
			n = 1;
			cp = 0xFFFD;
		}
		i += n;
		w = text_cp_width(cp);
		/* Controls never reach the terminal; zero-width marks are
		 * dropped too, so columns always match text_width(). */
		if (w == 0)
			continue;
		if (used + w > width)
			break;
		buf[nw++] = (wchar_t)cp;
		used += w;
	}
	if (nw) {
		attrset(attr);
		mvaddnwstr(y, x, buf, (int)nw);
		attrset(A_NORMAL);
	}
	return used;
}

int ui_text(int y, int x, int width, int attr, const char *s)
{
	return ui_text_n(y, x, width, attr, s, s ? strlen(s) : 0);
}

void ui_text_center(int y, int x, int width, int attr, const char *s)
{
	int w = (int)text_width(s);

	if (w > width)
		w = width;
	ui_text(y, x + (width - w) / 2, width, attr, s);
}

int ui_text_lines(const char *s, int width)
{
	size_t *starts, *lens, n;

	if (width < 1)
		width = 1;
	n = text_wrap(s, (size_t)width, &starts, &lens);
	free(starts);
	free(lens);
	return n ? (int)n : 1;
}

int ui_text_wrapped(int y, int x, int width, int maxlines, int attr, const char *s)
{
	size_t *starts, *lens, n;
	int shown;

	if (width < 4 || maxlines < 1)
		return 0;
	n = text_wrap(s, (size_t)width, &starts, &lens);
	if (n == 0)
		return 0;
	shown = (int)n < maxlines ? (int)n : maxlines;
	for (int i = 0; i < shown; i++) {
		if (i == shown - 1 && (size_t)shown < n) {
			/* Cut: end the last line in an ellipsis. */
			size_t fit = text_fit(s + starts[i], (size_t)width - 3);
			int used;

			if (fit > lens[i])
				fit = lens[i];
			used = ui_text_n(y + i, x, width - 3, attr, s + starts[i], fit);
			ui_text(y + i, x + used, 3, attr, "...");
		} else {
			ui_text_n(y + i, x, width, attr, s + starts[i], lens[i]);
		}
	}
	free(starts);
	free(lens);
	return shown;
}

void ui_fill(int y, int x, int width, int attr)
{
	if (width <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

void ui_box(ui_rect r, int attr)
{
	/* Unicode box drawing, not the terminal's alternate character set:
	 * every UTF-8 terminal draws these the same, while ACS switching
	 * goes wrong on some (tmux with xterm, the Linux console in UTF-8). */
	if (r.w < 2 || r.h < 2)
		return;
	for (int i = 0; i < r.h; i++)
		ui_fill(r.y + i, r.x, r.w, attr);
	for (int x = 1; x < r.w - 1; x++) {
		ui_text(r.y, r.x + x, 1, attr, "\u2500");
		ui_text(r.y + r.h - 1, r.x + x, 1, attr, "\u2500");
	}
	for (int y = 1; y < r.h - 1; y++) {
		ui_text(r.y + y, r.x, 1, attr, "\u2502");
		ui_text(r.y + y, r.x + r.w - 1, 1, attr, "\u2502");
	}
	ui_text(r.y, r.x, 1, attr, "\u250c");
	ui_text(r.y, r.x + r.w - 1, 1, attr, "\u2510");
	ui_text(r.y + r.h - 1, r.x, 1, attr, "\u2514");
	ui_text(r.y + r.h - 1, r.x + r.w - 1, 1, attr, "\u2518");
}

void ui_cursor(ui_ctx *ctx, int y, int x)
{
	ctx->cur_visible = 1;
	ctx->cur_y = y;
	ctx->cur_x = x;
}
