/* jrc stats --by: cross tables along one or two dimensions, with the
 * period before for comparison and the matters rising fastest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "stats_by.h"
#include "jrc/i18n.h"
#include "jrc/text.h"

int stats_by_parse(cli_call *c, const char *arg, jrc_dim *d1, jrc_dim *d2)
{
	char buf[64], *comma;
	char words[256] = "";

	for (int d = 1; d < JRC_DIM_COUNT; d++)
		snprintf(words + strlen(words), sizeof(words) - strlen(words), "%s%s",
			 d > 1 ? ", " : "", stats_dim_name((jrc_dim)d));
	snprintf(buf, sizeof(buf), "%s", arg);
	comma = strchr(buf, ',');
	if (comma)
		*comma++ = '\0';
	*d2 = JRC_DIM_NONE;
	if (stats_dim_parse(buf, d1) != 0 || (comma && stats_dim_parse(comma, d2) != 0) ||
	    (comma && strchr(comma, ',')))
		return cli_usage(c->ctx, _("--by takes one or two of %s, joined by a comma (such as --by township,category)"),
				 words);
	if (*d2 == *d1)
		return cli_usage(c->ctx, _("--by names %s twice: give two different dimensions"),
				 stats_dim_name(*d1));
	return 0;
}

/* "92% (46/50)", or "-" with nothing to rate. */
static void share(long part, long whole, char *buf, size_t size)
{
	if (whole <= 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%ld%% (%ld/%ld)", (part * 100 + whole / 2) / whole, part, whole);
}

static void pad(const char *s, size_t width)
{
	size_t w = text_width(s);

	fputs(s, stdout);
	printf("%*s", w < width ? (int)(width - w) : 0, "");
}

/* The period before, as stats_trend counts it: its keys' totals. */
static long before_of(const jrc_stat_trend *t, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].key, key) == 0)
			return t[i].before;
	return 0;
}

static void text_one(jrc_db *db, const jrc_stat_query *q, const jrc_stat_cell *c, size_t n,
		     const jrc_stat_trend *t, size_t nt)
{
	char label[128], a[32], b[32];

	printf("  %-30s %8s %8s %8s %16s %16s%s\n", "", _("cases"), _("open"), _("overdue"),
	       _("on time"), _("satisfied"), t ? _("   before") : "");
	for (size_t i = 0; i < n; i++) {
		char shown[160];

		stats_label(db, q->dim1, c[i].k1, label, sizeof(label));
		snprintf(shown, sizeof(shown), "%s%s%s", c[i].k1, *c[i].k1 ? " " : "",
			 strcmp(label, c[i].k1) ? label : "");
		printf("  ");
		pad(text_width(shown) > 30 ? label : shown, 30);
		share(c[i].on_time, c[i].answered, a, sizeof(a));
		share(c[i].satisfied, c[i].rated, b, sizeof(b));
		printf(" %8ld %8ld %8ld %16s %16s", c[i].total, c[i].open, c[i].overdue, a, b);
		if (t)
			printf(" %8ld", before_of(t, nt, c[i].k1));
		printf("\n");
	}
}

/* Two dimensions: rows along the first, a column per key of the second
 * while they fit in a line, else a line per cell. */
static void text_two(jrc_db *db, const jrc_stat_query *q, const jrc_stat_cell *c, size_t n)
{
	char (*cols)[24] = calloc(n + 1, sizeof(*cols));
	size_t nc = 0;
	char label[128];

	if (!cols)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;

		while (j < nc && strcmp(cols[j], c[i].k2))
			j++;
		if (j == nc)
			snprintf(cols[nc++], sizeof(cols[0]), "%s", c[i].k2);
	}
	qsort(cols, nc, sizeof(*cols), (int (*)(const void *, const void *))strcmp);
	if (nc <= 8) {
		printf("  %-22s", "");
		for (size_t j = 0; j < nc; j++) {
			printf(" ");
			stats_label(db, q->dim2, cols[j], label, sizeof(label));
			/* A column is 10 wide: a name of up to five Chinese characters. */
			if (text_width(label) > 10)
				snprintf(label, sizeof(label), "%.10s", cols[j]);
			printf("%*s", 10 - (int)text_width(label), "");
			fputs(label, stdout);
		}
		printf(" %10s\n", _("total"));
		for (size_t i = 0; i < n;) {
			size_t k = i;
			long sum = 0;

			stats_label(db, q->dim1, c[i].k1, label, sizeof(label));
			printf("  ");
			pad(label, 22);
			for (size_t j = 0; j < nc; j++) {
				long v = 0;

				if (k < n && strcmp(c[k].k1, c[i].k1) == 0 && strcmp(c[k].k2, cols[j]) == 0)
					v = c[k++].total;
				sum += v;
				printf(" %10ld", v);
			}
			printf(" %10ld\n", sum);
			while (k < n && strcmp(c[k].k1, c[i].k1) == 0)
				k++;
			i = k;
		}
	} else {
		for (size_t i = 0; i < n; i++) {
			char l2[128];

			stats_label(db, q->dim1, c[i].k1, label, sizeof(label));
			stats_label(db, q->dim2, c[i].k2, l2, sizeof(l2));
			printf("  ");
			pad(label, 22);
			printf(" ");
			pad(l2, 22);
			printf(" %8ld\n", c[i].total);
		}
	}
	free(cols);
}

static void cell_json(json_out *j, const jrc_stat_query *q, jrc_db *db, const jrc_stat_cell *c)
{
	char label[128];

	json_obj_open(j, NULL);
	json_str(j, stats_dim_name(q->dim1), c->k1);
	json_str(j, "label", stats_label(db, q->dim1, c->k1, label, sizeof(label)));
	if (q->dim2) {
		json_str(j, stats_dim_name(q->dim2), c->k2);
		json_str(j, "label2", stats_label(db, q->dim2, c->k2, label, sizeof(label)));
	}
	json_int(j, "total", c->total);
	json_int(j, "open", c->open);
	json_int(j, "overdue", c->overdue);
	json_int(j, "answered", c->answered);
	json_int(j, "on_time", c->on_time);
	json_int(j, "rated", c->rated);
	json_int(j, "satisfied", c->satisfied);
	json_obj_close(j);
}

void stats_trend_json(json_out *j, jrc_db *db, const char *key, jrc_dim d,
		      const jrc_stat_trend *t, size_t n, size_t limit)
{
	char label[128];

	json_arr_open(j, key);
	for (size_t i = 0; i < n && i < limit; i++) {
		json_obj_open(j, NULL);
		json_str(j, "key", t[i].key);
		json_str(j, "label", stats_label(db, d, t[i].key, label, sizeof(label)));
		json_int(j, "now", t[i].now);
		json_int(j, "before", t[i].before);
		json_obj_close(j);
	}
	json_arr_close(j);
}

void stats_trend_text(jrc_db *db, const char *title, jrc_dim d, const jrc_stat_trend *t,
		      size_t n, size_t limit)
{
	char label[128];
	size_t shown = 0;

	for (size_t i = 0; i < n && shown < limit; i++) {
		if (t[i].now <= t[i].before)
			break;
		if (!shown++)
			printf("\n%s\n", title);
		printf("  ");
		pad(stats_label(db, d, t[i].key, label, sizeof(label)), 30);
		printf(" %8ld %8ld  %+ld\n", t[i].now, t[i].before, t[i].now - t[i].before);
	}
}

int stats_by_run(cli_call *c, jrc_dim d1, jrc_dim d2)
{
	jrc_db *db = c->db;
	jrc_stat_query q = { .from = cli_arg(c, 'f'), .to = cli_arg(c, 't'), .site = cli_arg(c, 's'),
			     .dim1 = d1, .dim2 = d2 };
	jrc_stat_cell *cells = NULL;
	jrc_stat_trend *trend = NULL;
	size_t n = 0, nt = 0;
	int compare = q.from && q.to && !d2;

	if (stats_cross(db, &q, &cells, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (compare && stats_trend(db, &q, &trend, &nt, &c->err) != JRC_OK) {
		free(cells);
		return CLI_ERR;
	}
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "from", q.from);
		json_str(&j, "to", q.to);
		json_str(&j, "site", q.site);
		json_arr_open(&j, "by");
		json_str(&j, NULL, stats_dim_name(d1));
		if (d2)
			json_str(&j, NULL, stats_dim_name(d2));
		json_arr_close(&j);
		json_arr_open(&j, "cells");
		for (size_t i = 0; i < n; i++)
			cell_json(&j, &q, db, &cells[i]);
		json_arr_close(&j);
		if (compare)
			stats_trend_json(&j, db, "trend", d1, trend, nt, nt);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("Cases filed %s to %s%s%s, by %s%s%s\n"), q.from ? q.from : _("the start"),
		       q.to ? q.to : _("today"), q.site ? _(" at site ") : "", q.site ? q.site : "",
		       stats_dim_name(d1), d2 ? " × " : "", d2 ? stats_dim_name(d2) : "");
		if (d2)
			text_two(db, &q, cells, n);
		else
			text_one(db, &q, cells, n, compare ? trend : NULL, nt);
		if (compare)
			stats_trend_text(db, _("Rising fastest against the period before (now, before, change)"),
					 d1, trend, nt, 5);
	}
	free(cells);
	free(trend);
	return 0;
}
