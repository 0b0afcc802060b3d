/* Block letters five rows high for the receipt number, so a citizen with
 * poor sight can read and copy it.  Each glyph is 4 columns plus a gap. */
#include <string.h>

#include "curses.h"
#include "screens.h"

static const struct glyph {
	char c;
	const char *rows[BIGFONT_ROWS];
} glyphs[] = {
	{ '0', { "####", "#  #", "#  #", "#  #", "####" } },
	{ '1', { "  # ", " ## ", "  # ", "  # ", " ###" } },
	{ '2', { "####", "   #", "####", "#   ", "####" } },
	{ '3', { "####", "   #", " ###", "   #", "####" } },
	{ '4', { "#  #", "#  #", "####", "   #", "   #" } },
	{ '5', { "####", "#   ", "####", "   #", "####" } },
	{ '6', { "####", "#   ", "####", "#  #", "####" } },
	{ '7', { "####", "   #", "  # ", " #  ", " #  " } },
	{ '8', { "####", "#  #", "####", "#  #", "####" } },
	{ '9', { "####", "#  #", "####", "   #", "####" } },
	{ '-', { "    ", "    ", "####", "    ", "    " } },
	{ 'A', { " ## ", "#  #", "####", "#  #", "#  #" } },
	{ 'B', { "### ", "#  #", "### ", "#  #", "### " } },
	{ 'C', { " ###", "#   ", "#   ", "#   ", " ###" } },
	{ 'D', { "### ", "#  #", "#  #", "#  #", "### " } },
	{ 'E', { "####", "#   ", "### ", "#   ", "####" } },
	{ 'F', { "####", "#   ", "### ", "#   ", "#   " } },
	{ 'G', { " ###", "#   ", "# ##", "#  #", " ###" } },
	{ 'H', { "#  #", "#  #", "####", "#  #", "#  #" } },
	{ 'I', { " ###", "  # ", "  # ", "  # ", " ###" } },
	{ 'J', { "####", "   #", "   #", "#  #", " ## " } },
	{ 'K', { "#  #", "# # ", "##  ", "# # ", "#  #" } },
	{ 'L', { "#   ", "#   ", "#   ", "#   ", "####" } },
	{ 'M', { "#  #", "####", "####", "#  #", "#  #" } },
	{ 'N', { "#  #", "## #", "# ##", "#  #", "#  #" } },
	{ 'O', { " ## ", "#  #", "#  #", "#  #", " ## " } },
	{ 'P', { "### ", "#  #", "### ", "#   ", "#   " } },
	{ 'Q', { " ## ", "#  #", "#  #", "# ##", " ###" } },
	{ 'R', { "### ", "#  #", "### ", "# # ", "#  #" } },
	{ 'S', { " ###", "#   ", " ## ", "   #", "### " } },
	{ 'T', { "####", " ## ", " ## ", " ## ", " ## " } },
	{ 'U', { "#  #", "#  #", "#  #", "#  #", " ## " } },
	{ 'V', { "#  #", "#  #", "#  #", " ## ", " ## " } },
	{ 'W', { "#  #", "#  #", "####", "####", "#  #" } },
	{ 'X', { "#  #", "#  #", " ## ", "#  #", "#  #" } },
	{ 'Y', { "#  #", "#  #", " ## ", " ## ", " ## " } },
	{ 'Z', { "####", "   #", " ## ", "#   ", "####" } },
};

enum { GLYPH_W = 4, GAP = 1 };

static const struct glyph *find(char c)
{
	for (size_t i = 0; i < sizeof(glyphs) / sizeof(glyphs[0]); i++)
		if (glyphs[i].c == c)
			return &glyphs[i];
	return NULL;
}

int bigfont_width(const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n; i++)
		if (!find(s[i]))
			return 0;
	return n ? (int)n * (GLYPH_W + GAP) - GAP : 0;
}

void bigfont_draw(int y, int x, int attr, const char *s)
{
	/* A full block (U+2588) where the glyph is inked: every UTF-8
	 * terminal font has it, the Linux console's included. */
	for (size_t i = 0; s[i]; i++) {
		const struct glyph *g = find(s[i]);

		if (!g)
			continue;
		for (int row = 0; row < BIGFONT_ROWS; row++)
			for (int col = 0; col < GLYPH_W; col++)
				if (g->rows[row][col] == '#')
					ui_text(y + row, x + (int)i * (GLYPH_W + GAP) + col, 1,
						attr, "\u2588");
	}
}

void bigfont_draw_half(int y, int x, int attr, const char *s)
{
	/* Two glyph rows to one screen row: upper, lower or both halves. */
	static const char *const half[4] = { NULL, "\u2584", "\u2580", "\u2588" };

	for (size_t i = 0; s[i]; i++) {
		const struct glyph *g = find(s[i]);

		if (!g)
			continue;
		for (int row = 0; row < BIGFONT_HALF_ROWS; row++)
			for (int col = 0; col < GLYPH_W; col++) {
				int top = g->rows[2 * row][col] == '#';
				int bot = 2 * row + 1 < BIGFONT_ROWS && g->rows[2 * row + 1][col] == '#';
				const char *h = half[top * 2 + bot];

				if (h)
					ui_text(y + row, x + (int)i * (GLYPH_W + GAP) + col, 1, attr, h);
			}
	}
}

void bigfont_draw_scaled(int y, int x, int attr, const char *s, int k)
{
	/* Each inked cell of the glyph becomes k rows of 2k columns: a
	 * terminal cell is about twice as high as it is wide. */
	for (size_t i = 0; s[i]; i++) {
		const struct glyph *g = find(s[i]);
		int gx = x + (int)i * (GLYPH_W + GAP) * 2 * k;

		if (!g)
			continue;
		for (int row = 0; row < BIGFONT_ROWS; row++)
			for (int col = 0; col < GLYPH_W; col++)
				if (g->rows[row][col] == '#')
					for (int dy = 0; dy < k; dy++)
						for (int dx = 0; dx < 2 * k; dx++)
							ui_text(y + row * k + dy, gx + col * 2 * k + dx, 1,
								attr, "\u2588");
	}
}
