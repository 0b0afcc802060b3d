/* Slots: the schedule rules spelled out day by day, against the bookings.
 * A "plan" holds everything a range of days needs (rules, public holidays,
 * active bookings), loaded with three queries, so that spelling out the
 * slots touches the database no more. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/i18n.h"
#include "roster_internal.h"

typedef struct rule {
	jrc_host host;
	int weekday;                     /* 1 = Monday .. 7; 0: dated */
	jrc_date day;
	int start, end, slot;            /* minutes */
	char room[JRC_U8(JRC_ROOM_MAX)], room_en[JRC_U8(JRC_ROOM_MAX)];
	char topics[JRC_U8(JRC_TOPICS_MAX)], topics_en[JRC_U8(JRC_TOPICS_MAX)];
	int64_t visit;                   /* a leader's visit (visit.c); 0: a schedule */
} rule;

typedef struct taken {
	char host[JRC_HOST_ID_MAX];
	jrc_time start;
} taken;

typedef struct plan {
	rule *rules;
	size_t nrules;
	jrc_date *holidays;
	size_t nholidays;
	taken *taken;
	size_t ntaken;
	jrc_date from;
	int days;
} plan;

static void plan_free(plan *p)
{
	free(p->rules);
	free(p->holidays);
	free(p->taken);
	memset(p, 0, sizeof(*p));
}

/* Grow *arr (of *cap elements of size sz) to hold n + 1; -1 on failure. */
static int grow(void **arr, size_t *cap, size_t n, size_t sz)
{
	void *nb;

	if (n < *cap)
		return 0;
	*cap = *cap ? *cap * 2 : 16;
	nb = realloc(*arr, *cap * sz);
	if (!nb)
		return -1;
	*arr = nb;
	return 0;
}

static int taken_cmp(const void *a, const void *b)
{
	const taken *x = a, *y = b;
	int c = strcmp(x->host, y->host);

	if (c)
		return c;
	return x->start < y->start ? -1 : x->start > y->start;
}

static jrc_status load_rules(jrc_db *db, const char *host, const char *kind, plan *p,
			     const char *from, const char *to, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	/* Leaders' visits (visit.c) are dated days at their place, booked
	 * like any other; a cancelled one holds no slots. */
	if ((s = db_prepare(db, "SELECT s.weekday, s.day, s.start_min, s.end_min, s.slot_minutes,"
			    " s.room, s.room_en, s.topics, s.topics_en, " ROSTER_HOST_COLS ","
			    " h.sort AS hsort, 0 AS visit, s.id AS sid"
			    " FROM schedules s JOIN hosts h ON h.id = s.host WHERE h.active = 1"
			    " AND (?1 IS NULL OR s.host = ?1) AND (?2 IS NULL OR h.kind = ?2)"
			    " AND (s.weekday IS NOT NULL OR (s.day >= ?3 AND s.day < ?4))"
			    " UNION ALL"
			    " SELECT NULL, v.day, v.start_min, v.end_min, v.slot_minutes,"
			    /* The room of a visit says the township and village too. */
			    " (SELECT name_zh FROM divisions WHERE code = v.township)"
			    "   || coalesce((SELECT name_zh FROM divisions WHERE code = v.village), '')"
			    "   || ' ' || v.place,"
			    " CASE v.place_en WHEN '' THEN v.place ELSE v.place_en END"
			    "   || coalesce(', ' || (SELECT name_en FROM divisions WHERE code = v.village), '')"
			    "   || ', ' || (SELECT name_en FROM divisions WHERE code = v.township),"
			    " coalesce((SELECT group_concat(c.name_zh, '、') FROM categories c"
			    "   WHERE instr(' ' || v.topics || ' ', ' ' || c.code || ' ') > 0), ''),"
			    " coalesce((SELECT group_concat(c.name_en, ', ') FROM categories c"
			    "   WHERE instr(' ' || v.topics || ' ', ' ' || c.code || ' ') > 0), ''), "
			    ROSTER_HOST_COLS ", h.sort, v.id, 0"
			    " FROM visits v JOIN hosts h ON h.id = v.host WHERE h.active = 1"
			    " AND v.cancelled_at IS NULL"
			    " AND (?1 IS NULL OR v.host = ?1) AND (?2 IS NULL OR h.kind = ?2)"
			    " AND v.day >= ?3 AND v.day < ?4"
			    " ORDER BY hsort, 10, 3, visit, sid", &st, err)))
		return s;
	db_bind_text(db, st, 1, host);
	db_bind_text(db, st, 2, kind);
	db_bind_text(db, st, 3, from);
	db_bind_text(db, st, 4, to);
	while ((rc = db_step(db, st)) == DB_ROW) {
		rule *r;
		char day[16];

		if (grow((void **)&p->rules, &cap, p->nrules, sizeof(*p->rules))) {
			db_finalize(st);
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		}
		r = &p->rules[p->nrules++];
		memset(r, 0, sizeof(*r));
		r->weekday = db_col_int(st, 0);
		db_col_copy(st, 1, day, sizeof(day));
		if (!r->weekday && date_parse(day, &r->day) != 0) {
			p->nrules--;         /* the CHECKs make this unreachable */
			continue;
		}
		r->start = db_col_int(st, 2);
		r->end = db_col_int(st, 3);
		r->slot = db_col_int(st, 4);
		db_col_copy(st, 5, r->room, sizeof(r->room));
		db_col_copy(st, 6, r->room_en, sizeof(r->room_en));
		db_col_copy(st, 7, r->topics, sizeof(r->topics));
		db_col_copy(st, 8, r->topics_en, sizeof(r->topics_en));
		roster_fill_host(st, 9, &r->host);
		r->visit = db_col_int64(st, 21);
	}
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status load_holidays(jrc_db *db, plan *p, const char *from, const char *to,
				jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	if ((s = db_prepare(db, "SELECT day FROM holidays WHERE kind = 'holiday'"
			    " AND day >= ? AND day < ?", &st, err)))
		return s;
	db_bind_text(db, st, 1, from);
	db_bind_text(db, st, 2, to);
	while ((rc = db_step(db, st)) == DB_ROW) {
		char day[16];

		if (grow((void **)&p->holidays, &cap, p->nholidays, sizeof(*p->holidays))) {
			db_finalize(st);
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		}
		db_col_copy(st, 0, day, sizeof(day));
		if (date_parse(day, &p->holidays[p->nholidays]) == 0)
			p->nholidays++;
	}
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status load_taken(jrc_db *db, const char *host, plan *p, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	char from[32], to[32];
	int rc;

	clock_format_utc(clock_local_midnight(p->from), from);
	clock_format_utc(clock_local_midnight(date_add_days(p->from, p->days)), to);
	if ((s = db_prepare(db, "SELECT host, slot_start FROM bookings WHERE cancelled_at IS NULL"
			    " AND slot_start >= ?1 AND slot_start < ?2 AND (?3 IS NULL OR host = ?3)",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, from);
	db_bind_text(db, st, 2, to);
	db_bind_text(db, st, 3, host);
	while ((rc = db_step(db, st)) == DB_ROW) {
		taken *t;
		char at[32];

		if (grow((void **)&p->taken, &cap, p->ntaken, sizeof(*p->taken))) {
			db_finalize(st);
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		}
		t = &p->taken[p->ntaken];
		db_col_copy(st, 0, t->host, sizeof(t->host));
		db_col_copy(st, 1, at, sizeof(at));
		if (clock_parse(at, &t->start) == JRC_OK)
			p->ntaken++;
	}
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	if (p->ntaken)
		qsort(p->taken, p->ntaken, sizeof(*p->taken), taken_cmp);
	return JRC_OK;
}

static jrc_status plan_load(jrc_db *db, const char *host, const char *kind, jrc_date from,
			    int days, plan *p, jrc_err *err)
{
	char a[11], b[11];
	jrc_status s;

	memset(p, 0, sizeof(*p));
	p->from = from;
	p->days = days;
	date_format(from, a);
	date_format(date_add_days(from, days), b);
	if ((s = load_rules(db, host, kind, p, a, b, err)) ||
	    (s = load_holidays(db, p, a, b, err)) ||
	    (s = load_taken(db, host, p, err)))
		plan_free(p);
	return s;
}

/* Does rule r receive on day d?  Weekly rules rest on public holidays;
 * a dated day is held whatever the calendar says. */
static int plan_holds(const plan *p, const rule *r, jrc_date d)
{
	int wd;

	if (!r->weekday)
		return date_cmp(r->day, d) == 0;
	wd = date_weekday(d);
	if ((wd ? wd : 7) != r->weekday)
		return 0;
	for (size_t i = 0; i < p->nholidays; i++)
		if (date_cmp(p->holidays[i], d) == 0)
			return 0;
	return 1;
}

static int plan_taken(const plan *p, const char *host, jrc_time t)
{
	taken key;

	snprintf(key.host, sizeof(key.host), "%s", host);
	key.start = t;
	return p->ntaken && bsearch(&key, p->taken, p->ntaken, sizeof(*p->taken), taken_cmp);
}

static jrc_slot_state plan_state(const plan *p, const char *host, jrc_time t, jrc_time now)
{
	if (plan_taken(p, host, t))
		return JRC_SLOT_BOOKED;
	if (t < now)
		return JRC_SLOT_PAST;
	return JRC_SLOT_FREE;
}

static void make_slot(const rule *r, jrc_date d, int k, jrc_slot *out)
{
	memset(out, 0, sizeof(*out));
	snprintf(out->host, sizeof(out->host), "%s", r->host.id);
	out->start = roster_local_time(d, r->start + k * r->slot);
	out->end = roster_local_time(d, r->start + (k + 1) * r->slot);
	snprintf(out->room, sizeof(out->room), "%s", r->room);
	snprintf(out->room_en, sizeof(out->room_en), "%s", r->room_en);
}

static int slot_cmp(const void *a, const void *b)
{
	const jrc_slot *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->host, y->host);
}

jrc_status roster_slots_at(jrc_db *db, const char *host, jrc_date from, int days,
			   jrc_time now, int free_only, jrc_slot **out, size_t *n, jrc_err *err)
{
	plan p;
	jrc_status s;
	size_t cap = 0, m = 0;
	jrc_slot *v = NULL;

	*out = NULL;
	*n = 0;
	if ((s = plan_load(db, host, NULL, from, days, &p, err)))
		return s;
	for (int i = 0; i < days; i++) {
		jrc_date d = date_add_days(from, i);

		for (size_t r = 0; r < p.nrules; r++) {
			const rule *ru = &p.rules[r];

			if (!plan_holds(&p, ru, d))
				continue;
			for (int k = 0; ru->start + (k + 1) * ru->slot <= ru->end; k++) {
				if (grow((void **)&v, &cap, m, sizeof(*v))) {
					free(v);
					plan_free(&p);
					return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
				}
				make_slot(ru, d, k, &v[m]);
				v[m].state = plan_state(&p, ru->host.id, v[m].start, now);
				if (!free_only || v[m].state == JRC_SLOT_FREE)
					m++;
			}
		}
	}
	plan_free(&p);
	if (m)
		qsort(v, m, sizeof(*v), slot_cmp);
	/* Two rules that overlap give one slot, not two. */
	{
		size_t w = 0;

		for (size_t i = 0; i < m; i++)
			if (!w || v[i].start != v[w - 1].start || strcmp(v[i].host, v[w - 1].host))
				v[w++] = v[i];
		m = w;
	}
	*out = v;
	*n = m;
	return JRC_OK;
}

jrc_status roster_slots(jrc_db *db, const char *host, jrc_date from, int days, int free_only,
			jrc_slot **out, size_t *n, jrc_err *err)
{
	char id[JRC_HOST_ID_MAX];
	jrc_host h;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if (host) {
		if ((s = roster_host(db, host, &h, err)))
			return s;
		snprintf(id, sizeof(id), "%s", h.id);
	}
	return roster_slots_at(db, host ? id : NULL, from, days, clock_now(), free_only, out, n,
			       err);
}

int roster_first_free(jrc_db *db, const char *host, jrc_time after, int days, jrc_slot *out,
		      jrc_err *err)
{
	plan p;
	jrc_date from = clock_local_date(after);
	int found = 0;

	if (plan_load(db, host, NULL, from, days, &p, err) != JRC_OK)
		return -1;
	for (int i = 0; i < days && !found; i++) {
		jrc_date d = date_add_days(from, i);

		for (size_t r = 0; r < p.nrules; r++) {
			const rule *ru = &p.rules[r];

			if (!plan_holds(&p, ru, d))
				continue;
			for (int k = 0; ru->start + (k + 1) * ru->slot <= ru->end; k++) {
				jrc_slot sl;

				make_slot(ru, d, k, &sl);
				if (plan_state(&p, ru->host.id, sl.start, after) != JRC_SLOT_FREE)
					continue;
				if (!found || sl.start < out->start) {
					*out = sl;
					found = 1;
				}
				break;       /* later slots of this rule start later */
			}
		}
	}
	plan_free(&p);
	return found;
}

jrc_status roster_next_free(jrc_db *db, const char *host, jrc_time after, jrc_slot *out,
			    jrc_err *err)
{
	jrc_host h;
	jrc_status s;
	jrc_time now = clock_now();
	int r;

	if ((s = roster_host(db, host, &h, err)))
		return s;
	if (after < now)
		after = now;
	r = roster_first_free(db, h.id, after, JRC_ROSTER_DAYS, out, err);
	if (r < 0)
		return err ? err->code : JRC_E_DB;
	if (r == 0)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "slot",
				   _("%s has no free time in the next %d days: choose another helper, or file without a booking."),
				   i18n_pick(h.name, h.name_en), JRC_ROSTER_DAYS);
	return JRC_OK;
}

static int session_cmp(const void *a, const void *b)
{
	const jrc_session *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->host.id, y->host.id);
}

jrc_status roster_sessions(jrc_db *db, const char *host, const char *kind, jrc_date from,
			   int days, jrc_session **out, size_t *n, jrc_err *err)
{
	plan p;
	jrc_status s;
	size_t cap = 0, m = 0;
	jrc_session *v = NULL;
	jrc_time now = clock_now();
	char id[JRC_HOST_ID_MAX];

	*out = NULL;
	*n = 0;
	if (host && !roster_norm_id(host, id))
		return jrc_err_set(err, JRC_E_NOT_FOUND, "host",
				   _("There is no helper with the number '%s': see the list that 'jrc helpers' shows."),
				   host);
	if ((s = plan_load(db, host ? id : NULL, kind, from, days, &p, err)))
		return s;
	for (int i = 0; i < days; i++) {
		jrc_date d = date_add_days(from, i);

		for (size_t r = 0; r < p.nrules; r++) {
			const rule *ru = &p.rules[r];
			jrc_session *se;

			if (!plan_holds(&p, ru, d))
				continue;
			if (grow((void **)&v, &cap, m, sizeof(*v))) {
				free(v);
				plan_free(&p);
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			se = &v[m++];
			memset(se, 0, sizeof(*se));
			se->host = ru->host;
			se->day = d;
			se->start = roster_local_time(d, ru->start);
			se->end = roster_local_time(d, ru->end);
			se->slot_minutes = ru->slot;
			se->visit = ru->visit;
			snprintf(se->room, sizeof(se->room), "%s", ru->room);
			snprintf(se->room_en, sizeof(se->room_en), "%s", ru->room_en);
			snprintf(se->topics, sizeof(se->topics), "%s", ru->topics);
			snprintf(se->topics_en, sizeof(se->topics_en), "%s", ru->topics_en);
			for (int k = 0; ru->start + (k + 1) * ru->slot <= ru->end; k++) {
				jrc_time t = roster_local_time(d, ru->start + k * ru->slot);
				jrc_slot_state st = plan_state(&p, ru->host.id, t, now);

				se->nslots++;
				se->nbooked += st == JRC_SLOT_BOOKED;
				if (st == JRC_SLOT_FREE && !se->nfree++)
					se->first_free = t;
			}
		}
	}
	plan_free(&p);
	if (m)
		qsort(v, m, sizeof(*v), session_cmp);
	*out = v;
	*n = m;
	return JRC_OK;
}
