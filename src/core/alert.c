/* Early warning (矛盾预警): the rules of data/alerts.csv, evaluated for
 * each filing inside its transaction and for departments' overdue counts
 * by jrc tick; alerts and the cases behind them, each written with an
 * event that carries the row (the acknowledgement: alert_ack.c).
 * Per filing (alert_internal.h): one read of the rules with their open
 * alerts on the case's place and category, a count per repeat rule, and,
 * for the rules it did not join, one pass over the place's and category's
 * recent cases, each from an index alone.  A case joining an open alert is
 * carried by its filing's own event; events of their own only when an
 * alert is raised. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert_internal.h"
#include "db_internal.h"
#include "lifecycle_internal.h"
#include "refdata_internal.h"
#include "jrc/alert.h"
#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/i18n.h"
#include "jrc/text.h"

enum { KIND_CLUSTER, KIND_REPEAT, KIND_COLLECTIVE, KIND_OVERDUE, KIND_NONE };

static const char *const kind_names[] = { "cluster", "repeat", "collective", "overdue" };

static int kind_of(const char *s)
{
	for (int i = 0; i < KIND_NONE; i++)
		if (s && strcmp(s, kind_names[i]) == 0)
			return i;
	return KIND_NONE;
}

/* ------------------------------------------------------------ import */

static int parse_count(const char *s, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	v = strtol(s, &end, 10);
	if (*end || v < 1 || v > 100000)
		return -1;
	*out = v;
	return 0;
}

jrc_status alert_import_row(jrc_db *db, char **v, long sort, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	long count, days = 1;
	int kind = kind_of(v[1]), rc;
	size_t n = strlen(v[0]);

	if (n < 1 || n > 23 || strspn(v[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				     "0123456789_-") != n)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("code '%s' must be 1 to 23 letters, digits, dashes or underscores"),
				   v[0]);
	if (kind == KIND_NONE)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("kind '%s' must be cluster, repeat, collective or overdue"), v[1]);
	if (parse_count(v[2], &count) != 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("count '%s' must be a whole number from 1 to 100000"), v[2]);
	if (kind != KIND_OVERDUE && (parse_count(v[3], &days) != 0 || days > 366))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("days '%s' must be a whole number from 1 to 366"), v[3]);
	if (!*v[4] || !*v[5])
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("give the rule a name in Chinese (name_zh) and in English (name_en)"));
	if ((s = db_prepare(db, "INSERT INTO alert_rules(code, kind, count, days, name_zh, name_en,"
			    " active, sort) VALUES (?,?,?,?,?,?,1,?) ON CONFLICT(code) DO UPDATE SET"
			    " kind=excluded.kind, count=excluded.count, days=excluded.days,"
			    " name_zh=excluded.name_zh, name_en=excluded.name_en, active=1,"
			    " sort=excluded.sort", &st, err)))
		return s;
	db_bind_text(db, st, 1, v[0]);
	db_bind_text(db, st, 2, kind_names[kind]);
	db_bind_int64(st, 3, count);
	db_bind_int64(st, 4, days);
	db_bind_text(db, st, 5, v[4]);
	db_bind_text(db, st, 6, v[5]);
	db_bind_int64(st, 7, sort);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* ------------------------------------------------------------ writing */

static jrc_status event(jrc_db *db, const char *kind, int64_t case_id, const char *note,
			const char *actor, int64_t alert_id, char (*keys)[48], int nkeys,
			jrc_err *err)
{
	jrc_event_in ev = { 0 };
	int i = 0;

	ev.actor = actor ? actor : "system";
	ev.kind = kind;
	ev.case_id = case_id;
	ev.note = note;
	if (alert_id)
		ev.cover[i++] = (jrc_cover){ "alerts", alert_id, NULL };
	for (int k = 0; k < nkeys && i < JRC_EVENT_COVERS; k++)
		ev.cover[i++] = (jrc_cover){ "alert_cases", 0, keys[k] };
	return audit_append(db, &ev, NULL, NULL, err);
}

/* Put case_id behind alert_id; *added 0 when it already was. */
static jrc_status insert_case(jrc_db *db, int64_t alert_id, int64_t case_id, int *added,
			      jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char at[32];
	int rc;

	clock_format_utc(clock_now(), at);
	if ((s = db_prepare_cached(db, "INSERT INTO alert_cases(alert_id, case_id, added_at)"
				   " VALUES (?,?,?) ON CONFLICT DO NOTHING", &st, err)))
		return s;
	db_bind_int64(st, 1, alert_id);
	db_bind_int64(st, 2, case_id);
	db_bind_text(db, st, 3, at);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	*added = db_changes(db) > 0;
	return JRC_OK;
}

/* Put case_id behind alert_id with an event of that case that carries
 * the row (kind alert_case when raised, alert_join when joining later). */
static jrc_status add_case(jrc_db *db, int64_t alert_id, int64_t case_id, const char *rule,
			   const char *kind, int *added, jrc_err *err)
{
	jrc_status s;
	char key[1][48], note[64];
	int got;

	if ((s = insert_case(db, alert_id, case_id, &got, err)) || !got) {
		if (added)
			*added = 0;
		return s;
	}
	if (added)
		*added = 1;
	snprintf(key[0], sizeof(key[0]), "%" PRId64 ".%" PRId64, alert_id, case_id);
	snprintf(note, sizeof(note), "alert: %" PRId64 "\nrule: %s", alert_id, rule);
	return event(db, kind, case_id, note, NULL, 0, key, 1, err);
}

/* What a rule is about: the rule, and where it looks. */
typedef struct alert_key {
	const char *rule;
	int kind;
	long threshold, days;
	const char *division, *category, *department;
	char key[64];
} alert_key;

/* Raise an alert on k behind the case ids in ids. */
static jrc_status raise(jrc_db *db, const alert_key *k, const int64_t *ids, size_t n,
			jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char at[32], note[160];
	int64_t id;
	int rc;

	clock_format_utc(clock_now(), at);
	if ((s = db_prepare_cached(db, "INSERT INTO alerts(rule, kind, key, division, category,"
				   " department, threshold, days, raised_at)"
				   " VALUES (?,?,?,?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_text(db, st, 1, k->rule);
	db_bind_text(db, st, 2, kind_names[k->kind]);
	db_bind_text(db, st, 3, k->key);
	db_bind_text(db, st, 4, k->division ? k->division : "");
	db_bind_text(db, st, 5, k->category ? k->category : "");
	db_bind_text(db, st, 6, k->department ? k->department : "");
	db_bind_int64(st, 7, k->threshold);
	db_bind_int64(st, 8, k->days);
	db_bind_text(db, st, 9, at);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	id = db_last_id(db);
	snprintf(note, sizeof(note), "rule: %s\nkind: %s\nkey: %s\ncount: %zu", k->rule,
		 kind_names[k->kind], k->key, n);
	if ((s = event(db, "alert", 0, note, NULL, id, NULL, 0, err)))
		return s;
	for (size_t i = 0; i < n; i++)
		if ((s = add_case(db, id, ids[i], k->rule, "alert_case", NULL, err)))
			return s;
	return JRC_OK;
}

/* The ids a statement yields in its first column; *ids owned. */
static jrc_status collect_ids(jrc_db *db, db_stmt *st, int64_t **ids, size_t *n,
			      jrc_err *err)
{
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			int64_t *nv = realloc(*ids, (cap = cap ? cap * 2 : 16) * sizeof(**ids));

			if (!nv) {
				free(*ids);
				*ids = NULL;
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			*ids = nv;
		}
		(*ids)[(*n)++] = db_col_int64(st, 0);
	}
	if (rc != DB_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	return JRC_OK;
}

/* The open alert of a rule and key: its id, or 0. */
static jrc_status open_alert(jrc_db *db, const char *rule, const char *key, int64_t *id,
			     jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*id = 0;
	if ((s = db_prepare_cached(db, "SELECT id FROM alerts WHERE rule = ? AND key = ?"
				   " AND acked_at IS NULL", &st, err)))
		return s;
	db_bind_text(db, st, 1, rule);
	db_bind_text(db, st, 2, key);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		*id = db_col_int64(st, 0);
	db_release(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* The open repeat alert of a rule that has a case of this person behind
 * it: its id, or 0. */
static jrc_status open_repeat(jrc_db *db, const char *rule, const char *id_number,
			      const char *phone, int64_t *id, char raised[32], jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*id = 0;
	if ((s = db_prepare_cached(db, id_number ?
				   "SELECT a.id, a.raised_at FROM cases c JOIN alert_cases ac ON ac.case_id = c.id"
				   " JOIN alerts a ON a.id = ac.alert_id WHERE c.id_number = ?1"
				   " AND a.rule = ?2 AND a.acked_at IS NULL LIMIT 1" :
				   "SELECT a.id, a.raised_at FROM cases c JOIN alert_cases ac ON ac.case_id = c.id"
				   " JOIN alerts a ON a.id = ac.alert_id WHERE c.phone = ?1"
				   " AND a.rule = ?2 AND a.acked_at IS NULL LIMIT 1", &st, err)))
		return s;
	db_bind_text(db, st, 1, id_number ? id_number : phone);
	db_bind_text(db, st, 2, rule);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
		db_col_copy(st, 1, raised, 32);
	}
	db_release(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* The SQL of the cases behind a rule met (?1 the place or the person,
 * ?2 the category, ?3 the window's start). */
static const char *const cases_sql[] = {
	[KIND_CLUSTER] =
		"SELECT id FROM cases WHERE division = ?1 AND category = ?2 AND filed_at >= ?3"
		" ORDER BY id",
	[KIND_COLLECTIVE] =
		"SELECT id FROM cases WHERE division = ?1 AND category = ?2 AND filed_at >= ?3"
		" AND coalesce(id_number, phone) IS NOT NULL ORDER BY id",
	[KIND_REPEAT] =
		"SELECT id FROM cases WHERE id_number = ?1 AND filed_at >= ?3 AND ?2 IS NOT NULL"
		" ORDER BY id",
};

static void bind_rule(jrc_db *db, db_stmt *st, const alert_filing *f, int kind,
		      const char *since)
{
	if (kind == KIND_REPEAT) {
		db_bind_text(db, st, 1, f->id_number && *f->id_number ? f->id_number : f->phone);
		db_bind_text(db, st, 2, "");
	} else {
		db_bind_text(db, st, 1, f->division);
		db_bind_text(db, st, 2, f->category);
	}
	db_bind_text(db, st, 3, since);
}

/* A rule met by the filing with no alert open: raise one with every case
 * behind it. */
static jrc_status rule_met(jrc_db *db, const alert_filing *f, const char *rule, int kind,
			   long threshold, long days, const char *since, jrc_err *err)
{
	const char *idn = f->id_number && *f->id_number ? f->id_number : NULL;
	db_stmt *st;
	jrc_status s;
	int64_t *ids;
	size_t n;
	alert_key k = { 0 };

	k.rule = rule;
	k.kind = kind;
	k.threshold = threshold;
	k.days = days;
	if (kind != KIND_REPEAT) {
		k.division = f->division;
		k.category = f->category;
		snprintf(k.key, sizeof(k.key), "%s/%s", f->division, f->category);
	}
	if (kind == KIND_REPEAT && !idn)
		s = db_prepare(db, "SELECT id FROM cases WHERE phone = ?1 AND filed_at >= ?3"
			       " AND ?2 IS NOT NULL ORDER BY id", &st, err);
	else
		s = db_prepare(db, cases_sql[kind], &st, err);
	if (s)
		return s;
	bind_rule(db, st, f, kind, since);
	s = collect_ids(db, st, &ids, &n, err);
	db_finalize(st);
	if (s)
		return s;
	if (kind == KIND_REPEAT)
		snprintf(k.key, sizeof(k.key), "c%" PRId64, n ? ids[0] : f->case_id);
	s = raise(db, &k, ids, n, err);
	free(ids);
	return s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The cluster and collective counts of every such rule from one pass over
 * the place's and category's cases since the earliest window (an index
 * range holding the filing time and the person). */
static jrc_status place_counts(jrc_db *db, const alert_filing *f, alert_pass_rule *r, size_t nr,
			       jrc_err *err)
{
	const char *earliest = NULL;
	char **who = NULL, **at = NULL;
	size_t n = 0, cap = 0;
	db_stmt *st;
	jrc_status s = JRC_OK;
	int rc;

	for (size_t i = 0; i < nr; i++)
		if ((r[i].kind == KIND_CLUSTER || r[i].kind == KIND_COLLECTIVE) &&
		    (!earliest || strcmp(r[i].since, earliest) < 0))
			earliest = r[i].since;
	if (!earliest)
		return JRC_OK;
	if ((s = db_prepare_cached(db, "SELECT filed_at, coalesce(id_number, phone) FROM cases"
				   " WHERE division = ?1 AND category = ?2 AND filed_at >= ?3", &st, err)))
		return s;
	bind_rule(db, st, f, KIND_CLUSTER, earliest);
	while ((rc = db_step(db, st)) == DB_ROW) {
		const char *t = db_col_text(st, 0);
		const char *p = db_col_text(st, 1);

		if (n == cap) {
			char **nw = realloc(who, (cap = cap ? cap * 2 : 32) * sizeof(*nw));
			char **na = nw ? realloc(at, cap * sizeof(*na)) : NULL;

			if (nw)
				who = nw;
			if (!na) {
				s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
				break;
			}
			at = na;
		}
		at[n] = strdup(t ? t : "");
		who[n] = p ? strdup(p) : NULL;
		if (!at[n] || (p && !who[n])) {
			free(at[n]);
			free(who[n]);
			s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			break;
		}
		n++;
	}
	db_release(st);
	if (s == JRC_OK && rc != DB_DONE)
		s = db_fail(db, rc, err);
	for (size_t i = 0; s == JRC_OK && i < nr; i++) {
		char **people;
		size_t m = 0;

		if (r[i].kind == KIND_CLUSTER) {
			for (size_t k = 0; k < n; k++)
				r[i].got += strcmp(at[k], r[i].since) >= 0;
			continue;
		}
		if (r[i].kind != KIND_COLLECTIVE)
			continue;
		/* People: distinct persons (anonymous cases are nobody). */
		if (!(people = malloc((n ? n : 1) * sizeof(*people)))) {
			s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			break;
		}
		for (size_t k = 0; k < n; k++)
			if (who[k] && strcmp(at[k], r[i].since) >= 0)
				people[m++] = who[k];
		qsort(people, m, sizeof(*people), cmp_str);
		for (size_t k = 0; k < m; k++)
			r[i].got += k == 0 || strcmp(people[k], people[k - 1]) != 0;
		free(people);
	}
	for (size_t k = 0; k < n; k++) {
		free(at[k]);
		free(who[k]);
	}
	free(at);
	free(who);
	return s;
}

/* A person's filings since a rule's window began. */
static jrc_status person_count(jrc_db *db, const alert_filing *f, alert_pass_rule *r, jrc_err *err)
{
	int by_id = f->id_number && *f->id_number;
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, by_id ?
				   "SELECT count(*) FROM cases WHERE id_number = ?1 AND filed_at >= ?3"
				   " AND ?2 IS NOT NULL" :
				   "SELECT count(*) FROM cases WHERE phone = ?1 AND filed_at >= ?3"
				   " AND ?2 IS NOT NULL", &st, err)))
		return s;
	bind_rule(db, st, f, KIND_REPEAT, r->since);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		r->got = (long)db_col_int64(st, 0);
	db_release(st);
	return rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

jrc_status alert_filing_join(jrc_db *db, const alert_filing *f, alert_pass *p, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_date today = clock_local_date(clock_now());
	const char *idn = f->id_number && *f->id_number ? f->id_number : NULL;
	char key[64], raised[sizeof(p->rule) / sizeof(p->rule[0])][32];
	/* A person is the same by ID number, else by phone; an anonymous case
	 * is nobody. */
	int person = !f->anonymous && (idn || (f->phone && *f->phone));
	int rc = DB_DONE;

	p->n = 0;
	p->nkeys = 0;
	/* The rules, each with its open alert on this place and category. */
	snprintf(key, sizeof(key), "%s/%s", f->division ? f->division : "",
		 f->category ? f->category : "");
	if ((s = db_prepare_cached(db, "SELECT r.code, r.kind, r.count, r.days, a.id, a.raised_at"
				   " FROM alert_rules r LEFT JOIN alerts a"
				   "  ON a.rule = r.code AND a.key = ?1 AND a.acked_at IS NULL"
				   " WHERE r.active <> 0 AND r.kind <> 'overdue'", &st, err)))
		return s;
	db_bind_text(db, st, 1, key);
	while (p->n < sizeof(p->rule) / sizeof(p->rule[0]) && (rc = db_step(db, st)) == DB_ROW) {
		alert_pass_rule *r = &p->rule[p->n];
		char kind[16];

		db_col_copy(st, 1, kind, sizeof(kind));
		r->kind = kind_of(kind);
		if (r->kind == KIND_NONE || r->kind == KIND_OVERDUE ||
		    (!person && r->kind != KIND_CLUSTER))
			continue;
		db_col_copy(st, 0, r->code, sizeof(r->code));
		r->count = (long)db_col_int64(st, 2);
		r->days = (long)db_col_int64(st, 3);
		r->open = db_col_int64(st, 4);
		if (r->open)
			db_col_copy(st, 5, raised[p->n], sizeof(raised[0]));
		r->got = 0;
		r->joined = 0;
		r->since[0] = '\0';
		p->n++;
	}
	db_release(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(db, rc, err);
	/* The windows: the last `days` local days, today included. */
	for (size_t i = 0; i < p->n; i++)
		db_window_since(db, today, p->rule[i].days, p->rule[i].since);
	/* An open alert raised within its rule's window gathers the later
	 * cases of its place and category (or its person) without counting
	 * again: the case joins it.  An older one the case joins when the
	 * rule is met (alert_filing_raise, after the filing's event).  A
	 * person's open alert is looked for only when the window holds an
	 * earlier filing of theirs: one raised within the window has one. */
	for (size_t i = 0; i < p->n; i++) {
		alert_pass_rule *r = &p->rule[i];
		int added;

		if (r->kind == KIND_REPEAT) {
			if ((s = person_count(db, f, r, err)))
				return s;
			if ((r->got >= 2 || r->got >= r->count) &&
			    (s = open_repeat(db, r->code, idn, f->phone, &r->open, raised[i], err)))
				return s;
		}
		if (!r->open || strcmp(raised[i], r->since) < 0)
			continue;
		r->joined = 1;
		if ((s = insert_case(db, r->open, f->case_id, &added, err)))
			return s;
		if (added && p->nkeys < (int)(sizeof(p->keys) / sizeof(p->keys[0])))
			snprintf(p->keys[p->nkeys++], sizeof(p->keys[0]), "%" PRId64 ".%" PRId64,
				 r->open, f->case_id);
	}
	return JRC_OK;
}

jrc_status alert_filing_join_events(jrc_db *db, const alert_filing *f, const alert_pass *p,
				    int from, jrc_err *err)
{
	jrc_status s;

	/* One event for the filing carries the rows of all it joined. */
	for (int i = from; i < p->nkeys; i += JRC_EVENT_COVERS) {
		char note[160] = "alerts:";
		int m = p->nkeys - i < JRC_EVENT_COVERS ? p->nkeys - i : JRC_EVENT_COVERS;
		char keys[JRC_EVENT_COVERS][48];

		for (int k = 0; k < m; k++) {
			memcpy(keys[k], p->keys[i + k], sizeof(keys[k]));
			snprintf(note + strlen(note), sizeof(note) - strlen(note), " %.*s",
				 (int)strcspn(p->keys[i + k], "."), p->keys[i + k]);
		}
		if ((s = event(db, "alert_join", f->case_id, note, NULL, 0, keys, m, err)))
			return s;
	}
	return JRC_OK;
}

jrc_status alert_filing_raise(jrc_db *db, const alert_filing *f, alert_pass *p, jrc_err *err)
{
	alert_pass_rule *left[sizeof(p->rule) / sizeof(p->rule[0])];
	alert_pass_rule place[sizeof(p->rule) / sizeof(p->rule[0])];
	size_t nl = 0, np = 0;
	jrc_status s;

	/* The place rules the filing did not join, counted in one pass (the
	 * person's were counted before its event). */
	for (size_t i = 0; i < p->n; i++) {
		if (p->rule[i].joined)
			continue;
		left[nl++] = &p->rule[i];
		if (p->rule[i].kind != KIND_REPEAT)
			place[np++] = p->rule[i];
	}
	if (np && (s = place_counts(db, f, place, np, err)))
		return s;
	for (size_t i = 0, k = 0; i < nl; i++)
		if (left[i]->kind != KIND_REPEAT)
			left[i]->got = place[k++].got;
	/* A rule met: it raises an alert, or the case joins the older one
	 * still open (an event of its own). */
	for (size_t i = 0; i < nl; i++) {
		alert_pass_rule *r = left[i];

		if (r->got < r->count)
			continue;
		if (r->open)
			s = add_case(db, r->open, f->case_id, r->code, "alert_join", NULL, err);
		else
			s = rule_met(db, f, r->code, r->kind, r->count, r->days, r->since, err);
		if (s)
			return s;
	}
	return JRC_OK;
}

jrc_status alert_evaluate_filing(jrc_db *db, const alert_filing *f, jrc_err *err)
{
	alert_pass p;
	jrc_status s;

	if ((s = alert_filing_join(db, f, &p, err)) ||
	    (s = alert_filing_join_events(db, f, &p, 0, err)))
		return s;
	return alert_filing_raise(db, f, &p, err);
}

jrc_status alert_evaluate_case(jrc_db *db, int64_t case_id, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	alert_filing f = { 0 };
	char division[16], category[16], id_number[64], phone[32];
	int rc;

	if ((s = db_prepare_cached(db, "SELECT division, category, anonymous, id_number, phone"
				   " FROM cases WHERE id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, division, sizeof(division));
		db_col_copy(st, 1, category, sizeof(category));
		f.anonymous = db_col_int(st, 2);
		db_col_copy(st, 3, id_number, sizeof(id_number));
		db_col_copy(st, 4, phone, sizeof(phone));
	}
	db_release(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
	f.case_id = case_id;
	f.division = division;
	f.category = category;
	f.id_number = id_number;
	f.phone = phone;
	return alert_evaluate_filing(db, &f, err);
}

/* One overdue rule over every department, inside the caller's transaction. */
static jrc_status overdue_rule(jrc_db *db, const char *rule, long threshold, long *raised,
			       jrc_err *err)
{
	char owed[256], sql[768], today[11], (*depts)[16] = NULL;
	db_stmt *st;
	jrc_status s = JRC_OK;
	size_t nd = 0, cap = 0;
	int rc;

	lifecycle_owed_sql(owed, sizeof(owed));
	date_format(clock_local_date(clock_now()), today);
	snprintf(sql, sizeof(sql), "SELECT department FROM cases WHERE state IN %s"
		 " AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?1"
		 " GROUP BY department HAVING count(*) > ?2 ORDER BY department", owed);
	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	db_bind_text(db, st, 1, today);
	db_bind_int64(st, 2, threshold);
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (nd == cap) {
			void *nv = realloc(depts, (cap = cap ? cap * 2 : 8) * sizeof(*depts));

			if (!nv) {
				rc = DB_NOMEM;
				break;
			}
			depts = nv;
		}
		db_col_copy(st, 0, depts[nd++], sizeof(*depts));
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(depts);
		return db_fail(db, rc, err);
	}
	snprintf(sql, sizeof(sql), "SELECT id FROM cases WHERE department = ?2 AND state IN %s"
		 " AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?1 ORDER BY id", owed);
	for (size_t i = 0; i < nd && s == JRC_OK; i++) {
		alert_key k = { 0 };
		int64_t open, *ids;
		size_t n;

		k.rule = rule;
		k.kind = KIND_OVERDUE;
		k.threshold = threshold;
		k.days = 1;
		k.department = depts[i];
		snprintf(k.key, sizeof(k.key), "%s", depts[i]);
		if ((s = open_alert(db, rule, k.key, &open, err)) ||
		    (s = db_prepare(db, sql, &st, err)))
			break;
		db_bind_text(db, st, 1, today);
		db_bind_text(db, st, 2, depts[i]);
		s = collect_ids(db, st, &ids, &n, err);
		db_finalize(st);
		if (s)
			break;
		if (!open) {
			s = raise(db, &k, ids, n, err);
			++*raised;
		} else {
			for (size_t j = 0; j < n && s == JRC_OK; j++) {
				int added = 0;

				s = add_case(db, open, ids[j], rule, "alert_join", &added, err);
				*raised += added;
			}
		}
		free(ids);
	}
	free(depts);
	return s;
}

jrc_status alert_evaluate_overdue(jrc_db *db, long *raised, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	struct { char code[24]; long count; } rules[16];
	size_t nr = 0;
	long got = 0;
	int rc;

	if (raised)
		*raised = 0;
	if ((s = db_begin(db, err)))
		return s;
	if ((s = db_prepare(db, "SELECT code, count FROM alert_rules WHERE active <> 0"
			    " AND kind = 'overdue' ORDER BY sort, code", &st, err)))
		goto fail;
	while (nr < sizeof(rules) / sizeof(rules[0]) && (rc = db_step(db, st)) == DB_ROW) {
		db_col_copy(st, 0, rules[nr].code, sizeof(rules[nr].code));
		rules[nr++].count = (long)db_col_int64(st, 1);
	}
	db_finalize(st);
	for (size_t i = 0; i < nr; i++)
		if ((s = overdue_rule(db, rules[i].code, rules[i].count, &got, err)))
			goto fail;
	if ((s = db_commit(db, err)))
		return s;
	if (raised)
		*raised = got;
	return JRC_OK;
fail:
	db_rollback(db);
	return s;
}
