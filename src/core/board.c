/* The hall's board: one refresh's figures.  The queue is read from today's
 * tickets (the tickets_board index), the counts from the summary tables
 * (stats_cross) and the day's transitions from lifecycle_steps by
 * (to_state, at), so a refresh costs about the same at a thousand cases
 * as at a million.  The appraisal reads the summary rows of 90 days and
 * is gathered apart, less often. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/board.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/stats.h"

jrc_status board_data_version(jrc_db *db, int64_t *out, jrc_err *err)
{
	return db_data_version(db, out, err);
}

static int newest_call_first(const void *a, const void *b)
{
	const board_ticket *x = a, *y = b;
	int c = strcmp(y->called_at, x->called_at);

	/* Calls within one second: the later ticket first. */
	return c ? c : (y->id > x->id) - (y->id < x->id);
}

static jrc_status gather_queue(jrc_db *db, board_data *o, jrc_err *err)
{
	jrc_ticket *t;
	size_t n;
	jrc_status s;

	if ((s = queue_list(db, NULL, 0, &t, &n, err)) != JRC_OK)
		return s;
	for (size_t i = 0; i < n; i++) {
		board_ticket *b = NULL;

		if (!strcmp(t[i].state, "called") && o->ncalled < BOARD_CALLED_MAX)
			b = &o->called[o->ncalled++];
		else if (!strcmp(t[i].state, "waiting") && o->waiting++ < BOARD_NEXT_MAX)
			b = &o->next[o->nnext++];
		if (!b)
			continue;
		b->id = t[i].id;
		snprintf(b->label, sizeof(b->label), "%s", t[i].label);
		b->window = t[i].window;
		b->calls = t[i].calls;
		snprintf(b->called_at, sizeof(b->called_at), "%s", t[i].called_at);
	}
	free(t);
	qsort(o->called, (size_t)o->ncalled, sizeof(o->called[0]), newest_call_first);
	return JRC_OK;
}

/* Moves into states[] made today (local), from the index on (to_state, at);
 * of the cases filed at site when one is given. */
static jrc_status moves_today(jrc_db *db, const char *site, const char *from, const char *to,
			      const char *sql_states, long *out, jrc_err *err)
{
	char sql[320];
	db_stmt *st;
	jrc_status s;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM lifecycle_steps l%s"
		 " WHERE l.to_state IN (%s) AND l.at >= ?1 AND l.at < ?2%s",
		 site ? " JOIN cases c ON c.id = l.case_id" : "", sql_states,
		 site ? " AND c.site = ?3" : "");
	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	db_bind_text(db, st, 1, from);
	db_bind_text(db, st, 2, to);
	if (site)
		db_bind_text(db, st, 3, site);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		*out = db_col_int64(st, 0) > 0 ? (long)db_col_int64(st, 0) : 0;
	db_finalize(st);
	return rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

/* The day's figures: the whole database's at the hall; at another site
 * (jrc --site) those of the cases filed there, as its people know them. */
static jrc_status gather_counts(jrc_db *db, board_data *o, jrc_date today, jrc_err *err)
{
	jrc_stat_query q = { 0 };
	jrc_stat_cell *c = NULL;
	size_t n = 0;
	char from[32], to[32], home[8];
	const char *site = db_site_away(db, home) ? db_site_own(db, "site_code") : NULL;
	jrc_status s;

	q.site = site;
	q.from = q.to = o->today;
	if ((s = stats_cross(db, &q, &c, &n, err)) != JRC_OK)
		return s;
	o->filed_today = n ? c[0].total : 0;
	free(c);
	q.from = q.to = NULL;
	if ((s = stats_cross(db, &q, &c, &n, err)) != JRC_OK)
		return s;
	o->open = n ? c[0].open : 0;
	o->overdue = n ? c[0].overdue : 0;
	free(c);
	clock_format_utc(clock_local_midnight(today), from);
	clock_format_utc(clock_local_midnight(date_add_days(today, 1)), to);
	if ((s = moves_today(db, site, from, to, "'accepted'", &o->accepted_today, err)) != JRC_OK)
		return s;
	return moves_today(db, site, from, to, "'answered','review_answered','rereview_answered'",
			   &o->answered_today, err);
}

static jrc_status gather_days(jrc_db *db, board_data *o, jrc_date today, jrc_err *err)
{
	jrc_session *se;
	size_t n;
	jrc_status s;

	if ((s = roster_sessions(db, NULL, "leader", today, 7, &se, &n, err)) != JRC_OK)
		return s;
	for (size_t i = 0; i < n && o->ndays < BOARD_DAYS_MAX; i++) {
		board_day *d = &o->days[o->ndays++];

		d->day = se[i].day;
		d->start = se[i].start;
		d->end = se[i].end;
		snprintf(d->name, sizeof(d->name), "%s", se[i].host.name);
		snprintf(d->name_en, sizeof(d->name_en), "%s", se[i].host.name_en);
		snprintf(d->title, sizeof(d->title), "%s", se[i].host.title);
		snprintf(d->title_en, sizeof(d->title_en), "%s", se[i].host.title_en);
		snprintf(d->room, sizeof(d->room), "%s", se[i].room);
		snprintf(d->room_en, sizeof(d->room_en), "%s", se[i].room_en);
	}
	free(se);
	return JRC_OK;
}

static jrc_status gather_appraisal(jrc_db *db, board_data *o, jrc_date today, jrc_err *err)
{
	jrc_stat_query q = { 0 };
	jrc_stat_cell *c = NULL;
	size_t n = 0;
	jrc_status s;

	date_format(date_add_days(today, 1 - BOARD_APPRAISAL_DAYS), o->from90);
	q.from = o->from90;
	q.to = o->today;
	q.dim1 = JRC_DIM_DEPARTMENT;
	if ((s = stats_cross(db, &q, &c, &n, err)) != JRC_OK)
		return s;
	for (size_t i = 0; i < n && o->ndepts < BOARD_DEPTS_MAX; i++) {
		board_dept *d;

		if (!c[i].k1[0] || (!c[i].answered && !c[i].rated))
			continue;
		d = &o->depts[o->ndepts++];
		snprintf(d->code, sizeof(d->code), "%s", c[i].k1);
		stats_label(db, JRC_DIM_DEPARTMENT, c[i].k1, d->name, sizeof(d->name));
		d->answered = c[i].answered;
		d->on_time = c[i].on_time;
		d->rated = c[i].rated;
		d->satisfied = c[i].satisfied;
	}
	free(c);
	return JRC_OK;
}

jrc_status board_gather(jrc_db *db, board_data *out, jrc_err *err)
{
	jrc_date today = clock_local_date(clock_now());
	board_dept depts[BOARD_DEPTS_MAX];
	char from90[sizeof(out->from90)];
	int ndepts = out->ndepts;
	jrc_status s;

	/* Everything but the appraisal starts afresh. */
	memcpy(depts, out->depts, sizeof(depts));
	memcpy(from90, out->from90, sizeof(from90));
	memset(out, 0, sizeof(*out));
	memcpy(out->depts, depts, sizeof(depts));
	memcpy(out->from90, from90, sizeof(from90));
	out->ndepts = ndepts;
	date_format(today, out->today);
	/* One read transaction: every figure of a refresh from the same moment. */
	if ((s = db_exec(db, "BEGIN", err)) != JRC_OK)
		return s;
	if ((s = gather_queue(db, out, err)) == JRC_OK &&
	    (s = gather_counts(db, out, today, err)) == JRC_OK)
		s = gather_days(db, out, today, err);
	db_exec(db, "COMMIT", NULL);
	return s;
}

jrc_status board_gather_appraisal(jrc_db *db, board_data *out, jrc_err *err)
{
	jrc_date today = clock_local_date(clock_now());

	out->ndepts = 0;
	date_format(today, out->today);
	return gather_appraisal(db, out, today, err);
}
