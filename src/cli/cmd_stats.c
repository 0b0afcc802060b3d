/* jrc stats: the center's figures for a period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "stats_by.h"
#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/stats.h"
#include "jrc/text.h"

/* A row of a breakdown; arg points to whether it counts open and overdue. */
static void stat_json(json_out *j, const void *row, const void *arg)
{
	const jrc_stat_row *r = row;

	json_str(j, "key", r->key);
	json_int(j, "total", r->total);
	if (*(const int *)arg) {
		json_int(j, "open", r->open);
		json_int(j, "overdue", r->overdue);
	}
}

/* A department's supervision notices: all, open, late. */
static void supervision_json(json_out *j, const void *row, const void *arg)
{
	const jrc_stat_row *r = row;

	(void)arg;
	json_str(j, "department", r->key);
	json_int(j, "notices", r->total);
	json_int(j, "open", r->open);
	json_int(j, "late", r->overdue);
}

/* A row's label: the department's or category's name where there is one. */
static const char *label(jrc_db *db, int what, const char *code, char *buf, size_t size)
{
	jrc_department d;
	jrc_category c;

	if (what == 1 && refdata_department(db, code, &d, NULL) == JRC_OK)
		snprintf(buf, size, "%s %s", code, i18n_pick(d.name_zh, d.name_en));
	else if (what == 2 && refdata_category(db, code, &c, NULL) == JRC_OK)
		snprintf(buf, size, "%s %s", code, i18n_pick(c.name_zh, c.name_en));
	else
		snprintf(buf, size, "%s", code);
	return buf;
}

static void text_rows(jrc_db *db, const char *title, int what, const jrc_stat_row *r, size_t n,
		      int with_open)
{
	char buf[256];

	if (title)
		printf("\n%s\n", title);
	for (size_t i = 0; i < n; i++) {
		/* Pad by display columns: Chinese names are two columns a character. */
		size_t w = text_width(label(db, what, r[i].key, buf, sizeof(buf)));

		printf("  %s%*s", buf, w < 44 ? (int)(44 - w) : 0, "");
		if (with_open)
			printf(" %8ld %8ld %8ld\n", r[i].total, r[i].open, r[i].overdue);
		else
			printf(" %8ld\n", r[i].total);
	}
}

static const struct option stats_opts[] = {
	{ "from", required_argument, NULL, 'f' },
	{ "to", required_argument, NULL, 't' },
	{ "by", required_argument, NULL, 'b' },
	{ "site", required_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 }
};

static int stats_check(cli_call *c)
{
	jrc_dim d1, d2;

	if (cli_has(c, 'b'))
		return stats_by_parse(c, cli_arg(c, 'b'), &d1, &d2);
	return 0;
}

/* With a period closed on both ends: the categories and townships rising
 * fastest against the period of the same length before. */
typedef struct rising {
	jrc_stat_trend *cat, *town;
	size_t ncat, ntown;
} rising;

static jrc_status rising_collect(cli_call *c, rising *r)
{
	jrc_stat_query q = { .from = cli_arg(c, 'f'), .to = cli_arg(c, 't'), .site = cli_arg(c, 's'),
			     .dim1 = JRC_DIM_CATEGORY };
	jrc_status s;

	memset(r, 0, sizeof(*r));
	if (!q.from || !q.to)
		return JRC_OK;
	if ((s = stats_trend(c->db, &q, &r->cat, &r->ncat, &c->err)))
		return s;
	q.dim1 = JRC_DIM_TOWNSHIP;
	return stats_trend(c->db, &q, &r->town, &r->ntown, &c->err);
}

static int stats_run(cli_call *c)
{
	static const int with_open = 1, total_only = 0;
	jrc_db *db = c->db;
	jrc_stats st;
	rising r;

	if (cli_has(c, 'b')) {
		jrc_dim d1, d2;

		stats_by_parse(c, cli_arg(c, 'b'), &d1, &d2);
		return stats_by_run(c, d1, d2);
	}
	if (stats_collect_at(db, cli_arg(c, 'f'), cli_arg(c, 't'), cli_arg(c, 's'), &st,
			     &c->err) != JRC_OK)
		return CLI_ERR;
	if (rising_collect(c, &r) != JRC_OK) {
		stats_free(&st);
		free(r.cat);
		return CLI_ERR;
	}
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_str(&j, "from", *st.from ? st.from : NULL);
		json_str(&j, "to", *st.to ? st.to : NULL);
		json_int(&j, "total", st.total);
		json_int(&j, "open", st.open);
		json_int(&j, "overdue", st.overdue);
		json_int(&j, "terminated", st.terminated);
		json_int(&j, "linked_to_concluded", st.linked_to_concluded);
		json_rows(&j, "by_state", st.by_state, st.n_state, sizeof(*st.by_state), stat_json,
			  &with_open);
		json_rows(&j, "by_department", st.by_department, st.n_department,
			  sizeof(*st.by_department), stat_json, &with_open);
		json_rows(&j, "by_category", st.by_category, st.n_category, sizeof(*st.by_category),
			  stat_json, &with_open);
		json_rows(&j, "by_source", st.by_source, st.n_source, sizeof(*st.by_source),
			  stat_json, &with_open);
		json_rows(&j, "by_verdict", st.by_verdict, st.n_verdict, sizeof(*st.by_verdict),
			  stat_json, &total_only);
		json_rows(&j, "supervision_by_department", st.by_supervision, st.n_supervision,
			  sizeof(*st.by_supervision), supervision_json, NULL);
		json_str(&j, "site", cli_arg(c, 's'));
		if (r.cat) {
			json_obj_open(&j, "rising");
			stats_trend_json(&j, db, "category", JRC_DIM_CATEGORY, r.cat, r.ncat, 5);
			stats_trend_json(&j, db, "township", JRC_DIM_TOWNSHIP, r.town, r.ntown, 5);
			json_obj_close(&j);
		}
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("Cases filed %s to %s: %ld, still owed a step %ld, past their deadline %ld\n"),
		       *st.from ? st.from : _("the start"), *st.to ? st.to : _("today"), st.total,
		       st.open, st.overdue);
		printf(_("Lawfully concluded (依法终结): %ld; filed again after a conclusion and linked to it: %ld\n"),
		       st.terminated, st.linked_to_concluded);
		printf("  %-44s %8s %8s %8s\n", "", _("cases"), _("open"), _("overdue"));
		text_rows(db, _("By state"), 0, st.by_state, st.n_state, 1);
		text_rows(db, _("By department"), 1, st.by_department, st.n_department, 1);
		text_rows(db, _("By category"), 2, st.by_category, st.n_category, 1);
		text_rows(db, _("By source (visit: found on a leader's visit)"), 4, st.by_source,
			  st.n_source, 1);
		text_rows(db, _("Citizens' verdicts"), 3, st.by_verdict, st.n_verdict, 0);
		if (st.n_supervision) {
			printf("\n%s\n", _("Supervision notices by department"));
			printf("  %-44s %8s %8s %8s\n", "", _("notices"), _("open"), _("late"));
			text_rows(db, NULL, 1, st.by_supervision, st.n_supervision, 1);
		}
		if (r.cat) {
			stats_trend_text(db, _("Categories rising fastest against the period before (now, before, change)"),
					 JRC_DIM_CATEGORY, r.cat, r.ncat, 5);
			stats_trend_text(db, _("Townships rising fastest against the period before (now, before, change)"),
					 JRC_DIM_TOWNSHIP, r.town, r.ntown, 5);
		}
	}
	free(r.cat);
	free(r.town);
	stats_free(&st);
	return 0;
}

const cli_command cli_cmd_stats = {
	.name = "stats",
	.summary = N_("count cases by state, department, category and verdict"),
	.help = N_("Usage: jrc stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--site SITE]\n"
		   "                 [--by DIM[,DIM]] [--json]\n"
		   "Count the cases filed in the period (all by default) by state,\n"
		   "department and category, with those still owed a step and those\n"
		   "past their deadline, the citizens' verdicts, and the supervision\n"
		   "notices per department (open, and late: replied after the by-date or\n"
		   "still open past it).  Lawfully concluded matters (terminated) are\n"
		   "counted apart, with the later filings linked to them.  With both\n"
		   "--from and --to, the categories and townships rising fastest against\n"
		   "the period of the same length before.\n"
		   "--by gives a table along one dimension, or a cross table along two:\n"
		   "state, category, department, site, township, village, source, month\n"
		   "(such as --by township,category): cases, open, overdue, answered on\n"
		   "time and citizens satisfied, and with --from and --to the period\n"
		   "before.  --site counts only the cases filed at that site.  The\n"
		   "figures come from summary tables kept with every change; jrc verify\n"
		   "recounts them.\n"),
	.opts = stats_opts,
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.check = stats_check,
	.run = stats_run,
};
