/* The desk's statistics (统计, issue 18): cases filed by category and by
 * township as bar charts, the last twelve months as a sparkline, and each
 * department's share answered on time and rated satisfied, for a period
 * (P) and a site (S).  Figures only: nothing here names a citizen, so
 * every signed-in staffer may look.  The figures are read when the screen
 * opens, when a filter changes and on R, never per key; drawing only lays
 * out what was read, so a resize or a language switch costs no query.
 * What does not fit the terminal goes on further pages (Tab, 1-4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/stats.h"
#include "jrc/text.h"

enum { PERIOD_MONTH, PERIOD_LAST_MONTH, PERIOD_90, PERIOD_YEAR, PERIOD_ALL, PERIOD_COUNT };
enum { SEC_CATEGORY, SEC_TOWNSHIP, SEC_MONTHS, SEC_DEPT, SEC_COUNT };
enum {
	MONTHS = 12,
	LABEL_MAX = 96,
	TWO_COLUMNS = 96          /* content this wide shows sections side by side */
};

typedef struct bar_row {
	char label[LABEL_MAX];
	jrc_stat_cell c;
} bar_row;

typedef struct bars {
	bar_row *r;
	size_t n;
} bars;

/* Where a section goes: its page, column and rows within the content. */
typedef struct place {
	int page, col, y, h;
} place;

typedef struct stats_state {
	desk_session *sess;
	int period;
	int site;                 /* -1: every site, else an index into sites */
	char (*sites)[24];
	size_t nsites;
	char from[11], to[11];    /* the period's filing dates; "" unbounded */
	jrc_stat_cell total;
	bars cat, town, dept;
	long month[MONTHS];
	char month_key[MONTHS][8];
	jrc_lang labels_lang;     /* the language the labels were looked up in */
	char site_label[LABEL_MAX];    /* "Huangzhai Town (HZ)" */
	char site_name[LABEL_MAX];     /* "Huangzhai Town": when the above does not fit */
	int section;              /* the page shown is the one holding it */
	place at[SEC_COUNT];      /* from the last draw */
	int npages;
	char error[512];
	char keys[256];
} stats_state;

/* ---------------------------------------------------------------- reading */

static void period_bounds(int period, jrc_date today, char from[11], char to[11])
{
	jrc_date a = today, b = today;

	switch (period) {
	case PERIOD_MONTH:
		a.d = 1;
		break;
	case PERIOD_LAST_MONTH:
		a.d = 1;
		b = date_add_days(a, -1);
		a = b;
		a.d = 1;
		break;
	case PERIOD_90:
		a = date_add_days(today, -89);
		break;
	case PERIOD_YEAR:
		a.m = 1;
		a.d = 1;
		break;
	default:
		from[0] = to[0] = '\0';
		return;
	}
	date_format(a, from);
	date_format(b, to);
}

static const char *site_code(const stats_state *p)
{
	return p->site >= 0 && (size_t)p->site < p->nsites ? p->sites[p->site] : NULL;
}

static jrc_status read_cells(ui_ctx *ctx, const stats_state *p, const char *from, const char *to,
			     jrc_dim d, jrc_stat_cell **out, size_t *n, jrc_err *err)
{
	jrc_stat_query q = { 0 };

	q.from = from && *from ? from : NULL;
	q.to = to && *to ? to : NULL;
	q.site = site_code(p);
	q.dim1 = d;
	q.dim2 = JRC_DIM_NONE;
	return stats_cross(ctx->db, &q, out, n, err);
}

static int by_total_desc(const void *a, const void *b)
{
	const bar_row *x = a, *y = b;

	if (x->c.total != y->c.total)
		return x->c.total < y->c.total ? 1 : -1;
	return strcmp(x->c.k1, y->c.k1);
}

static void label_of(ui_ctx *ctx, jrc_dim d, const char *key, char *out, size_t size)
{
	if (!*key) {
		snprintf(out, size, "%s", d == JRC_DIM_DEPARTMENT ? _("no department yet") : _("not given"));
		return;
	}
	if (d == JRC_DIM_DEPARTMENT) {
		/* The short name: the full ones fill half the line. */
		desk_dept_label(ctx, key, out, size);
		return;
	}
	{
		char buf[LABEL_MAX];

		snprintf(out, size, "%s", stats_label(ctx->db, d, key, buf, sizeof(buf)));
	}
}

static void relabel(ui_ctx *ctx, stats_state *p)
{
	static const jrc_dim dims[] = { JRC_DIM_CATEGORY, JRC_DIM_TOWNSHIP, JRC_DIM_DEPARTMENT };
	bars *all[] = { &p->cat, &p->town, &p->dept };

	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < all[k]->n; i++)
			label_of(ctx, dims[k], all[k]->r[i].c.k1, all[k]->r[i].label,
				 sizeof(all[k]->r[i].label));
	p->site_label[0] = p->site_name[0] = '\0';
	if (site_code(p)) {
		char buf[LABEL_MAX];
		const char *l = stats_label(ctx->db, JRC_DIM_SITE, site_code(p), buf, sizeof(buf));

		snprintf(p->site_name, sizeof(p->site_name), "%s", l);
		if (strcmp(l, site_code(p)) != 0)
			snprintf(p->site_label, sizeof(p->site_label), _("%s (%s)"), l, site_code(p));
		else
			snprintf(p->site_label, sizeof(p->site_label), "%s", l);
	}
	p->labels_lang = ctx->lang;
}

static jrc_status read_bars(ui_ctx *ctx, stats_state *p, jrc_dim d, bars *b, jrc_err *err)
{
	jrc_stat_cell *c = NULL;
	size_t n = 0;
	jrc_status st = read_cells(ctx, p, p->from, p->to, d, &c, &n, err);

	free(b->r);
	b->r = NULL;
	b->n = 0;
	if (st != JRC_OK)
		return st;
	b->r = n ? calloc(n, sizeof(*b->r)) : NULL;
	if (n && !b->r) {
		free(c);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, "%s", jrc_status_message(JRC_E_NOMEM));
	}
	for (size_t i = 0; i < n; i++)
		b->r[i].c = c[i];
	b->n = n;
	free(c);
	qsort(b->r, b->n, sizeof(*b->r), by_total_desc);
	return JRC_OK;
}

/* The twelve months up to this one, whatever the period: the site
 * filter applies. */
static jrc_status read_months(ui_ctx *ctx, stats_state *p, jrc_date today, jrc_err *err)
{
	jrc_date first = today;
	jrc_stat_cell *c = NULL;
	size_t n = 0;
	char from[11], to[11];
	jrc_status st;

	first.d = 1;
	first.m -= MONTHS - 1;
	while (first.m < 1) {
		first.m += 12;
		first.y--;
	}
	for (int i = 0; i < MONTHS; i++) {
		int m = first.m - 1 + i;

		snprintf(p->month_key[i], sizeof(p->month_key[i]), "%04d-%02d", first.y + m / 12, m % 12 + 1);
		p->month[i] = 0;
	}
	date_format(first, from);
	date_format(today, to);
	st = read_cells(ctx, p, from, to, JRC_DIM_MONTH, &c, &n, err);
	if (st != JRC_OK)
		return st;
	for (size_t k = 0; k < n; k++)
		for (int i = 0; i < MONTHS; i++)
			if (strcmp(c[k].k1, p->month_key[i]) == 0)
				p->month[i] = c[k].total;
	free(c);
	return JRC_OK;
}

/* The sites that have filed cases, for S to cycle through; the one
 * shown stays, or want when given. */
static void read_sites(ui_ctx *ctx, stats_state *p, const char *want)
{
	jrc_stat_query q = { 0 };
	jrc_stat_cell *c = NULL;
	size_t n = 0;
	char keep[24] = "";

	if (site_code(p) || want)
		snprintf(keep, sizeof(keep), "%s", want ? want : site_code(p));
	q.dim1 = JRC_DIM_SITE;
	if (stats_cross(ctx->db, &q, &c, &n, NULL) != JRC_OK)
		return;   /* the figures' own reading says what is wrong */
	free(p->sites);
	p->sites = n ? calloc(n, sizeof(*p->sites)) : NULL;
	p->nsites = p->sites ? n : 0;
	p->site = -1;
	for (size_t i = 0; i < p->nsites; i++) {
		snprintf(p->sites[i], sizeof(p->sites[i]), "%s", c[i].k1);
		if (*keep && strcmp(keep, c[i].k1) == 0)
			p->site = (int)i;
	}
	free(c);
}

static void load(ui_ctx *ctx, stats_state *p)
{
	jrc_err err = { 0 };
	jrc_date today = clock_local_date(clock_now());
	jrc_stat_cell *c = NULL;
	size_t n = 0;

	p->error[0] = '\0';
	memset(&p->total, 0, sizeof(p->total));
	period_bounds(p->period, today, p->from, p->to);
	if (read_cells(ctx, p, p->from, p->to, JRC_DIM_NONE, &c, &n, &err) == JRC_OK) {
		if (n)
			p->total = c[0];
		free(c);
		if (read_bars(ctx, p, JRC_DIM_CATEGORY, &p->cat, &err) == JRC_OK &&
		    read_bars(ctx, p, JRC_DIM_TOWNSHIP, &p->town, &err) == JRC_OK &&
		    read_bars(ctx, p, JRC_DIM_DEPARTMENT, &p->dept, &err) == JRC_OK &&
		    read_months(ctx, p, today, &err) == JRC_OK) {
			relabel(ctx, p);
			return;
		}
	}
	snprintf(p->error, sizeof(p->error), "%s", err.msg[0] ? err.msg : jrc_status_message(err.code));
}

/* ---------------------------------------------------------------- words */

static const char *period_name(int period)
{
	switch (period) {
	case PERIOD_MONTH: return _("this month");
	case PERIOD_LAST_MONTH: return _("last month");
	case PERIOD_90: return _("the last 90 days");
	case PERIOD_YEAR: return _("this year");
	default: return _("all time");
	}
}

static const char *section_title(int k)
{
	switch (k) {
	case SEC_CATEGORY: return _("Cases by category");
	case SEC_TOWNSHIP: return _("Cases by township");
	case SEC_MONTHS: return _("Cases per month, last 12 months");
	default: return _("Departments: on time and satisfied");
	}
}

static const char *section_tab(int k)
{
	switch (k) {
	case SEC_CATEGORY: return _("Categories");
	case SEC_TOWNSHIP: return _("Townships");
	case SEC_MONTHS: return _("Months");
	default: return _("Departments");
	}
}

/* "92% (46/50)", or "—" when there is nothing to count yet; rounded as
 * `jrc stats` rounds, so that both say the same.  pad > 0 right-aligns
 * the percentage in a column of them. */
static void share_text_pad(long part, long whole, int with_counts, int pad, char *out, size_t size)
{
	long pct = whole > 0 ? (part * 100 + whole / 2) / whole : 0;

	if (whole <= 0)
		snprintf(out, size, "%*s—", pad > 0 ? 3 : 0, "");
	else if (with_counts)
		snprintf(out, size, "%*ld%% (%ld/%ld)", pad > 0 ? 3 : 0, pct, part, whole);
	else
		snprintf(out, size, "%*ld%%", pad > 0 ? 3 : 0, pct);
}


static void share_text(long part, long whole, int with_counts, char *out, size_t size)
{
	share_text_pad(part, whole, with_counts, 0, out, size);
}

/* ---------------------------------------------------------------- layout */

static int bar_rows(const bars *b)
{
	return 1 + (b->n ? (int)b->n : 1);
}

static int section_rows(const stats_state *p, int k)
{
	switch (k) {
	case SEC_CATEGORY: return bar_rows(&p->cat);
	case SEC_TOWNSHIP: return bar_rows(&p->town);
	case SEC_MONTHS: return 4;
	default: return 1 + bar_rows(&p->dept);
	}
}

/* Sections in order down a column, then the next column, then the next
 * page; one longer than the content is cut to it (its last row then
 * counts what is left out).  Returns the number of pages. */
static int layout(const stats_state *p, ui_rect r, int ncols, place at[SEC_COUNT])
{
	int page = 0, col = 0, used = 0;

	for (int k = 0; k < SEC_COUNT; k++) {
		int h = section_rows(p, k);

		if (h > r.h)
			h = r.h;
		/* Side by side, the charts of counts go left, the months and
		 * the departments' shares right. */
		if ((used && used + 1 + h > r.h) || (ncols > 1 && k == SEC_MONTHS && col == 0 && used)) {
			used = 0;
			if (++col >= ncols) {
				col = 0;
				page++;
			}
		}
		at[k].page = page;
		at[k].col = col;
		at[k].y = used ? used + 1 : 0;
		at[k].h = h;
		used = at[k].y + h;
	}
	return page + 1;
}

/* ---------------------------------------------------------------- drawing */

/* A bar of units eighths of a column, as UTF-8. */
static void bar_text(ui_ctx *ctx, long units, char *out, size_t size)
{
	static const char *const eighth[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	size_t len = 0;

	out[0] = '\0';
	if (ctx->linux_console) {
		/* The console font has the full and the half block only. */
		units = (units + 3) / 4 * 4;
	}
	for (long i = 0; i < units / 8 && len + 4 < size; i++)
		len += (size_t)snprintf(out + len, size - len, "█");
	if (units % 8 && len + 4 < size)
		snprintf(out + len, size - len, "%s", eighth[units % 8]);
}

static int digits(long v)
{
	int d = 1;

	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

/* A name cut to cols columns, with "…" when something was left out. */
static void draw_name(ui_ctx *ctx, int y, int x, int cols, const char *name)
{
	char cut[LABEL_MAX + 4];
	size_t n;

	if ((int)text_width(name) <= cols || cols < 2) {
		ui_text(y, x, cols, ui_attr(ctx, UI_NORMAL), name);
		return;
	}
	n = text_fit(name, (size_t)cols - 1);
	snprintf(cut, sizeof(cut), "%.*s…", (int)n, name);
	ui_text(y, x, cols, ui_attr(ctx, UI_NORMAL), cut);
}

static int name_width(const bars *b, size_t shown, int cap)
{
	int w = 1;

	for (size_t i = 0; i < shown; i++)
		if ((int)text_width(b->r[i].label) > w)
			w = (int)text_width(b->r[i].label);
	return w < cap ? w : cap;
}

/* The rows of b shown in rows lines: all, or all but one and a line for
 * the rest. */
static size_t rows_shown(const bars *b, int rows)
{
	if (rows < 1)
		return 0;
	return b->n <= (size_t)rows ? b->n : (size_t)rows - 1;
}

static void draw_rest(ui_ctx *ctx, const bars *b, size_t shown, int y, int x, int w)
{
	char line[160];
	long cases = 0;

	if (shown >= b->n)
		return;
	for (size_t i = shown; i < b->n; i++)
		cases += b->r[i].c.total;
	snprintf(line, sizeof(line), _("… and %zu more with %ld cases"), b->n - shown, cases);
	ui_text(y, x, w, ui_attr(ctx, UI_HINT), line);
}

static void draw_bars(ui_ctx *ctx, const bars *b, int k, int y, int x, int w, int h)
{
	size_t shown = rows_shown(b, h - 1);
	long max = b->n ? b->r[0].c.total : 0;
	int nw, cw, bw;

	ui_text(y, x, w, ui_attr(ctx, UI_HEADING), section_title(k));
	if (!b->n) {
		ui_text(y + 1, x, w, ui_attr(ctx, UI_HINT), _("No cases filed in this period."));
		return;
	}
	nw = name_width(b, shown, w / 2);
	cw = digits(max);
	bw = w - nw - cw - 2;
	for (size_t i = 0; i < shown; i++) {
		const bar_row *row = &b->r[i];
		char bar[LABEL_MAX * 4], num[24];
		long units = max > 0 && bw > 0 ? (row->c.total * bw * 8 + max / 2) / max : 0;
		int yy = y + 1 + (int)i;

		if (row->c.total > 0 && units < 1)
			units = 1;     /* one case is still seen */
		draw_name(ctx, yy, x, nw, row->label);
		bar_text(ctx, units, bar, sizeof(bar));
		ui_text(yy, x + nw + 1, bw, ui_attr(ctx, UI_KEY), bar);
		snprintf(num, sizeof(num), "%*ld", cw, row->c.total);
		ui_text(yy, x + w - cw, cw, ui_attr(ctx, UI_NORMAL), num);
	}
	draw_rest(ctx, b, shown, y + 1 + (int)shown, x, w);
}

static void draw_months(ui_ctx *ctx, const stats_state *p, int y, int x, int w, int h)
{
	static const char *const level[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char *const ascii[8] = { "_", ".", ":", "-", "=", "+", "*", "#" };
	int cell = w / MONTHS, bw, peak = 0;
	long max = 0;
	char line[160];

	if (cell > 6)
		cell = 6;
	bw = cell > 1 ? cell - 1 : 1;
	for (int i = 0; i < MONTHS; i++)
		if (p->month[i] > p->month[peak])
			peak = i;
	max = p->month[peak];
	ui_text(y, x, w, ui_attr(ctx, UI_HEADING), section_title(SEC_MONTHS));
	for (int i = 0; i < MONTHS && h > 1; i++) {
		/* An empty month stays blank: ▁ is the fewest cases, not none. */
		int lv = max > 0 && p->month[i] > 0 ? (int)((p->month[i] * 8 + max - 1) / max) - 1 : -1;
		int cx = x + i * cell;

		for (int j = 0; j < bw && lv >= 0; j++)
			ui_text(y + 1, cx + j, 1, ui_attr(ctx, UI_KEY),
				ctx->linux_console ? ascii[lv] : level[lv]);
		if (h > 2 && digits(p->month[i]) <= bw) {
			char num[24];

			snprintf(num, sizeof(num), "%*ld", bw, p->month[i]);
			ui_text(y + 2, cx, bw, ui_attr(ctx, UI_HINT), num);
		}
	}
	if (h < 4)
		return;
	/* The first month at the left, the last under its column, the peak
	 * between them when there is room, else alone. */
	ui_text(y + 3, x, w, ui_attr(ctx, UI_NORMAL), p->month_key[0]);
	{
		int lx = x + MONTHS * cell - 1 - (int)strlen(p->month_key[MONTHS - 1]);

		if (max > 0)
			snprintf(line, sizeof(line), _("peak %s: %ld"), p->month_key[peak], max);
		else
			snprintf(line, sizeof(line), "%s", _("no cases"));
		if (lx < x + 8)
			lx = x + 8;
		ui_text(y + 3, lx, x + w - lx, ui_attr(ctx, UI_NORMAL), p->month_key[MONTHS - 1]);
		if ((int)text_width(line) + 2 <= lx - x - 8)
			ui_text_center(y + 3, x + 8, lx - x - 8, ui_attr(ctx, UI_HINT), line);
	}
}

static void draw_depts(ui_ctx *ctx, const stats_state *p, int y, int x, int w, int h)
{
	const bars *b = &p->dept;
	size_t shown = rows_shown(b, h - 2);
	int nw, cw, ow = (int)text_width(_("On time")), sw = (int)text_width(_("Satisfied"));
	int counts = 1;
	char buf[64];

	ui_text(y, x, w, ui_attr(ctx, UI_HEADING), section_title(SEC_DEPT));
	if (!b->n) {
		ui_text(y + 1, x, w, ui_attr(ctx, UI_HINT), _("No cases filed in this period."));
		return;
	}
	cw = digits(b->r[0].c.total);
	if ((int)text_width(_("Cases")) > cw)
		cw = (int)text_width(_("Cases"));
	for (int pass = 0; pass < 2; pass++) {
		/* With the numbers behind the shares if they fit, else without. */
		ow = (int)text_width(_("On time"));
		sw = (int)text_width(_("Satisfied"));
		for (size_t i = 0; i < shown; i++) {
			share_text_pad(b->r[i].c.on_time, b->r[i].c.answered, counts, 1, buf, sizeof(buf));
			if ((int)text_width(buf) > ow)
				ow = (int)text_width(buf);
			share_text_pad(b->r[i].c.satisfied, b->r[i].c.rated, counts, 1, buf, sizeof(buf));
			if ((int)text_width(buf) > sw)
				sw = (int)text_width(buf);
		}
		if (w - cw - ow - sw - 6 >= 8 || !counts)
			break;
		counts = 0;
	}
	nw = w - cw - ow - sw - 6;
	if (nw < 1)
		nw = 1;
	if (nw > name_width(b, shown, nw))
		nw = name_width(b, shown, nw);
	{
		int cx = x + nw + 2, ox = cx + cw + 2, sx = ox + ow + 2;

		ui_text(y + 1, cx + cw - (int)text_width(_("Cases")), cw, ui_attr(ctx, UI_HINT), _("Cases"));
		ui_text(y + 1, ox, ow, ui_attr(ctx, UI_HINT), _("On time"));
		ui_text(y + 1, sx, sw, ui_attr(ctx, UI_HINT), _("Satisfied"));
		for (size_t i = 0; i < shown; i++) {
			const jrc_stat_cell *c = &b->r[i].c;
			int yy = y + 2 + (int)i;

			draw_name(ctx, yy, x, nw, b->r[i].label);
			snprintf(buf, sizeof(buf), "%*ld", cw, c->total);
			ui_text(yy, cx, cw, ui_attr(ctx, UI_NORMAL), buf);
			share_text_pad(c->on_time, c->answered, counts, 1, buf, sizeof(buf));
			ui_text(yy, ox, ow, ui_attr(ctx, UI_NORMAL), buf);
			share_text_pad(c->satisfied, c->rated, counts, 1, buf, sizeof(buf));
			ui_text(yy, sx, sw, ui_attr(ctx, UI_NORMAL), buf);
		}
	}
	draw_rest(ctx, b, shown, y + 2 + (int)shown, x, w);
}

/* The period, the site and the totals on the rows above the content;
 * returns 1 if the totals took both rows 3 and 4. */
static int draw_header(ui_ctx *ctx, const stats_state *p, ui_rect r)
{
	char period[128], site[160], line[600], counts[256], shares[256], ot[64], sat[64];
	const jrc_stat_cell *t = &p->total;

	/* The whole heading if it fits; else the site by its name alone, then
	 * the period without its dates: a long site name is never cut. */
	for (int tries = 0; tries < 3; tries++) {
		if (p->period == PERIOD_ALL || tries == 2)
			snprintf(period, sizeof(period), "%s", period_name(p->period));
		else
			/* TRANSLATORS: a period's name, its first and last day */
			snprintf(period, sizeof(period), _("%s, %s to %s"), period_name(p->period),
				 p->from, p->to);
		if (site_code(p))
			snprintf(site, sizeof(site), _("site %s"), tries ? p->site_name : p->site_label);
		else
			snprintf(site, sizeof(site), "%s", _("all sites"));
		/* TRANSLATORS: the period, then the site */
		snprintf(line, sizeof(line), _("Statistics: %s; %s"), period, site);
		if ((int)text_width(line) <= r.w)
			break;
	}
	ui_text(2, r.x, r.w, ui_attr(ctx, UI_HEADING), line);
	snprintf(counts, sizeof(counts), _("Filed %ld   Open %ld   Overdue %ld"), t->total, t->open, t->overdue);
	share_text(t->on_time, t->answered, 1, ot, sizeof(ot));
	share_text(t->satisfied, t->rated, 1, sat, sizeof(sat));
	snprintf(shares, sizeof(shares), _("Answered on time %s   Satisfied %s"), ot, sat);
	snprintf(line, sizeof(line), "%s   %s", counts, shares);
	if ((int)text_width(line) <= r.w) {
		ui_text(3, r.x, r.w, ui_attr(ctx, UI_NORMAL), line);
		return 0;
	}
	ui_text(3, r.x, r.w, ui_attr(ctx, UI_NORMAL), counts);
	ui_text(4, r.x, r.w, ui_attr(ctx, UI_NORMAL), shares);
	return 1;
}

/* The pages' tabs on the row above the content, the shown one marked. */
static void draw_tabs(ui_ctx *ctx, const stats_state *p, ui_rect r)
{
	int x = r.x, page = p->at[p->section].page;

	for (int k = 0; k < SEC_COUNT && x < r.x + r.w; k++) {
		char tab[96];
		int on = p->at[k].page == page;

		snprintf(tab, sizeof(tab), " %d %s ", k + 1, section_tab(k));
		x += ui_text(4, x, r.x + r.w - x, ui_attr(ctx, on ? UI_SELECTED : UI_HINT), tab);
		x += 1;
	}
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	stats_state *p = s->state;
	ui_rect r = ui_content(ctx);
	int ncols = r.w >= TWO_COLUMNS ? 2 : 1;
	int colw = ncols == 2 ? (r.w - 3) / 2 : r.w;
	int page, two_rows;

	if (p->labels_lang != ctx->lang)
		relabel(ctx, p);
	two_rows = draw_header(ctx, p, r);
	if (p->error[0]) {
		ui_text_wrapped(r.y, r.x, r.w, 4, ui_attr(ctx, UI_ERROR), p->error);
		p->npages = 1;
		return;
	}
	p->npages = layout(p, r, ncols, p->at);
	page = p->at[p->section].page;
	/* The tabs when there is a row for them: the key line says the page
	 * anyway. */
	if (p->npages > 1 && !two_rows)
		draw_tabs(ctx, p, r);
	for (int k = 0; k < SEC_COUNT; k++) {
		const place *a = &p->at[k];
		int x = r.x + a->col * (colw + 3), y = r.y + a->y;

		if (a->page != page)
			continue;
		switch (k) {
		case SEC_CATEGORY: draw_bars(ctx, &p->cat, k, y, x, colw, a->h); break;
		case SEC_TOWNSHIP: draw_bars(ctx, &p->town, k, y, x, colw, a->h); break;
		case SEC_MONTHS: draw_months(ctx, p, y, x, colw, a->h); break;
		default: draw_depts(ctx, p, y, x, colw, a->h); break;
		}
	}
}

/* ---------------------------------------------------------------- keys */

/* The first section of page (wrapping around). */
static int first_of_page(const stats_state *p, int page)
{
	if (page < 0)
		page = p->npages - 1;
	if (page >= p->npages)
		page = 0;
	for (int k = 0; k < SEC_COUNT; k++)
		if (p->at[k].page == page)
			return k;
	return 0;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	stats_state *p = s->state;
	int page = p->at[p->section].page;

	switch (act) {
	case UI_ACT_FIELD_NEXT:
	case UI_ACT_RIGHT:
	case UI_ACT_PAGE_DOWN:
		p->section = first_of_page(p, page + 1);
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
	case UI_ACT_LEFT:
	case UI_ACT_PAGE_UP:
		p->section = first_of_page(p, page - 1);
		return UI_DONE;
	case UI_ACT_DIGIT:
		if (ch >= L'1' && ch < L'1' + SEC_COUNT)
			p->section = (int)(ch - L'1');
		return UI_DONE;
	case UI_ACT_CHAR:
		switch (ch) {
		case L'p': case L'P':
			p->period = (p->period + 1) % PERIOD_COUNT;
			load(ctx, p);
			return UI_DONE;
		case L's': case L'S':
			p->site = p->site + 1 < (int)p->nsites ? p->site + 1 : -1;
			load(ctx, p);
			return UI_DONE;
		case L'r': case L'R':
			read_sites(ctx, p, NULL);
			load(ctx, p);
			ui_message(ctx, 0, "%s", _("Figures read again."));
			return UI_DONE;
		default:
			return UI_PASS;
		}
	default:
		return UI_PASS;
	}
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	stats_state *p = s->state;

	(void)ctx;
	if (p->npages > 1)
		snprintf(p->keys, sizeof(p->keys), _("Tab: page %d/%d  P: period  S: site  R: reload  Esc: back"),
			 p->at[p->section].page + 1, p->npages);
	else
		snprintf(p->keys, sizeof(p->keys), "%s", _("P: period  S: site  R: reload  Esc: back"));
	return p->keys;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	stats_state *p = s->state;
	char own[8];

	p->sess = arg;
	p->site = -1;
	p->period = PERIOD_MONTH;
	p->npages = 1;
	/* A township's desk starts with its own site's figures, as its
	 * worklist does; S shows the others. */
	read_sites(ctx, p, desk_own_site(ctx, own) ? own : NULL);
	load(ctx, p);
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	stats_state *p = s->state;

	(void)ctx;
	free(p->cat.r);
	free(p->town.r);
	free(p->dept.r);
	free(p->sites);
}

void desk_stats_open(ui_ctx *ctx, desk_session *sess)
{
	if (desk_session_check(ctx, sess) != 0)
		return;
	if (ui_push(ctx, &scr_desk_stats_ops, sess) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

const ui_screen_ops scr_desk_stats_ops = {
	.name = "desk_stats",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.status_keys = status_keys,
	.state_size = sizeof(stats_state),
	.help_msg = N_("The center's figures, with no citizen's details: cases filed by category and by township, "
		     "the last 12 months, and for each department the share of first answers given on time (of "
		     "those answered) and of citizens satisfied (of those who gave a verdict), with the numbers "
		     "behind each share; a dash when there is nothing to count yet. P changes the period (this "
		     "month, last month, the last 90 days, this year, all time), S the site (all sites, or each "
		     "site that has filed cases). The months always show the last 12, for the chosen site. Tab or "
		     "1 to 4 turn the pages when not everything fits; R reads the figures again."),
};
