/* Early warning, the reading side: alerts with a plain summary in the
 * current language, the cases behind one, the open count, the rules.
 * Nothing here reads a name, an ID number or a phone into what it gives
 * back (a collective alert's people are counted, not named). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/alert.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/i18n.h"

void alert_list_free(jrc_alert *a, size_t n)
{
	for (size_t i = 0; a && i < n; i++) {
		free(a[i].ack_note);
		free(a[i].cases);
	}
	free(a);
}

/* Local day YYYY-MM-DD (plus add days) as a stored UTC bound. */
static jrc_status day_bound(const char *day, int add, char out[32], jrc_err *err)
{
	jrc_date d;

	if (date_parse(day, &d) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("'%s' is not a date: give it as YYYY-MM-DD, such as 2026-11-01."),
				   day);
	clock_format_utc(clock_local_midnight(date_add_days(d, add)), out);
	return JRC_OK;
}

/* Township and village, as one place name in the current language. */
static void place_name(const char *tzh, const char *ten, const char *vzh, const char *ven,
		       char *out, size_t size)
{
	if (i18n_get() == JRC_LANG_ZH)
		snprintf(out, size, "%s%s", tzh, vzh);
	else if (*ten && *ven)
		snprintf(out, size, "%s, %s", ven, ten);
	else
		snprintf(out, size, "%s%s", ven, ten);
}

#define LIST_SQL \
	"SELECT a.id, a.rule, a.kind, a.raised_at, a.division, a.category, a.department," \
	" (SELECT count(*) FROM alert_cases n WHERE n.alert_id = a.id), coalesce(a.acked_by, ''), coalesce(a.acked_at, ''), a.ack_note, a.threshold," \
	" a.days, coalesce(pd.name_zh, ''), coalesce(pd.name_en, ''), coalesce(d.name_zh, '')," \
	" coalesce(d.name_en, ''), coalesce(c.name_zh, ''), coalesce(c.name_en, '')," \
	" coalesce(dep.name_zh, ''), coalesce(dep.name_en, '')," \
	" CASE a.kind WHEN 'collective' THEN (SELECT count(DISTINCT coalesce(x.id_number, x.phone))" \
	"   FROM alert_cases ac JOIN cases x ON x.id = ac.case_id WHERE ac.alert_id = a.id)" \
	"   ELSE 0 END" \
	" FROM alerts a LEFT JOIN divisions d ON d.code = a.division" \
	" LEFT JOIN divisions pd ON pd.code = d.parent AND pd.level <> 'county'" \
	" LEFT JOIN categories c ON c.code = a.category" \
	" LEFT JOIN departments dep ON dep.code = a.department" \
	" WHERE (?1 IS NULL OR a.raised_at >= ?1) AND (?2 IS NULL OR a.raised_at < ?2)" \
	" AND (?3 = 0 OR a.acked_at IS NULL) ORDER BY a.id DESC"

static void summarize(jrc_alert *a, db_stmt *st)
{
	char place[160], what[96], dept[96];
	long threshold = (long)db_col_int64(st, 11), days = (long)db_col_int64(st, 12);
	long people = (long)db_col_int64(st, 21);
	const char *t[8];

	for (int i = 0; i < 8; i++) {
		t[i] = db_col_text(st, 13 + i);
		if (!t[i])
			t[i] = "";
	}
	place_name(t[0], t[1], t[2], t[3], place, sizeof(place));
	if (!*place)
		snprintf(place, sizeof(place), "%s", a->division);
	snprintf(what, sizeof(what), "%s", *i18n_pick(t[4], t[5]) ? i18n_pick(t[4], t[5]) : a->category);
	snprintf(dept, sizeof(dept), "%s", *i18n_pick(t[6], t[7]) ? i18n_pick(t[6], t[7]) : a->department);
	if (strcmp(a->kind, "cluster") == 0)
		/* TRANSLATORS: place · category: the cases behind the alert (those
		 * that met the rule and those that joined since); the rule. */
		snprintf(a->summary, sizeof(a->summary), _("%s · %s: %ld cases (rule: %ld in %ld days)"),
			 place, what, a->count, threshold, days);
	else if (strcmp(a->kind, "collective") == 0)
		snprintf(a->summary, sizeof(a->summary),
			 _("%s · %s: %ld people (rule: %ld in %ld days)"), place, what, people,
			 threshold, days);
	else if (strcmp(a->kind, "repeat") == 0)
		snprintf(a->summary, sizeof(a->summary),
			 _("One person: %ld filings (rule: %ld in %ld days)"), a->count, threshold, days);
	else
		snprintf(a->summary, sizeof(a->summary), _("%s: %ld cases overdue (more than %ld)"),
			 dept, a->count, threshold);
}

static jrc_status load_cases(jrc_db *db, jrc_alert *a, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	if ((s = db_prepare_cached(db, "SELECT case_id FROM alert_cases WHERE alert_id = ?"
				   " ORDER BY case_id", &st, err)))
		return s;
	db_bind_int64(st, 1, a->id);
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (a->n_cases == cap) {
			int64_t *nv = realloc(a->cases, (cap = cap ? cap * 2 : 8) * sizeof(*nv));

			if (!nv) {
				db_release(st);
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			a->cases = nv;
		}
		a->cases[a->n_cases++] = db_col_int64(st, 0);
	}
	db_release(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status alert_list(jrc_db *db, const char *from, const char *to, int open_only,
		      jrc_alert **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char lo[32], hi[32];
	size_t cap = 0;
	int rc, oom = 0;

	*out = NULL;
	*n = 0;
	if ((from && *from && (s = day_bound(from, 0, lo, err))) ||
	    (to && *to && (s = day_bound(to, 1, hi, err))))
		return s;
	if ((s = db_prepare(db, LIST_SQL, &st, err)))
		return s;
	if (from && *from)
		db_bind_text(db, st, 1, lo);
	if (to && *to)
		db_bind_text(db, st, 2, hi);
	db_bind_int(st, 3, open_only != 0);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_alert *a;

		if (*n == cap) {
			jrc_alert *nv = realloc(*out, (cap = cap ? cap * 2 : 16) * sizeof(*nv));

			if (!nv) {
				oom = 1;
				break;
			}
			*out = nv;
		}
		a = &(*out)[(*n)++];
		memset(a, 0, sizeof(*a));
		a->id = db_col_int64(st, 0);
		db_col_copy(st, 1, a->rule, sizeof(a->rule));
		db_col_copy(st, 2, a->kind, sizeof(a->kind));
		db_col_copy(st, 3, a->raised_at, sizeof(a->raised_at));
		db_col_copy(st, 4, a->division, sizeof(a->division));
		db_col_copy(st, 5, a->category, sizeof(a->category));
		db_col_copy(st, 6, a->department, sizeof(a->department));
		a->count = (long)db_col_int64(st, 7);
		db_col_copy(st, 8, a->acked_by, sizeof(a->acked_by));
		db_col_copy(st, 9, a->acked_at, sizeof(a->acked_at));
		a->ack_note = db_col_strdup(st, 10, &oom);
		summarize(a, st);
		if (oom)
			break;
	}
	db_finalize(st);
	if (oom || rc != DB_DONE) {
		alert_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	for (size_t i = 0; i < *n; i++)
		if ((s = load_cases(db, &(*out)[i], err))) {
			alert_list_free(*out, *n);
			*out = NULL;
			*n = 0;
			return s;
		}
	return JRC_OK;
}

jrc_status alert_open_count(jrc_db *db, long *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*n = 0;
	if ((s = db_prepare_cached(db, "SELECT count(*) FROM alerts WHERE acked_at IS NULL", &st,
				   err)))
		return s;
	rc = db_step(db, st);
	if (rc == DB_ROW)
		*n = (long)db_col_int64(st, 0);
	db_release(st);
	return rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

jrc_status alert_cases(jrc_db *db, int64_t id, jrc_alert_case **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT c.id, c.receipt, c.category, coalesce(cat.name_zh, ''),"
			    " coalesce(cat.name_en, ''), coalesce(pd.name_zh, ''), coalesce(pd.name_en, ''),"
			    " coalesce(d.name_zh, ''), coalesce(d.name_en, ''), c.state, c.filed_at"
			    " FROM alert_cases ac JOIN cases c ON c.id = ac.case_id"
			    " LEFT JOIN categories cat ON cat.code = c.category"
			    " LEFT JOIN divisions d ON d.code = c.division"
			    " LEFT JOIN divisions pd ON pd.code = d.parent AND pd.level <> 'county'"
			    " WHERE ac.alert_id = ? ORDER BY c.id", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_alert_case *c;
		const char *t[6];

		if (*n == cap) {
			jrc_alert_case *nv = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof(*nv));

			if (!nv) {
				db_finalize(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			*out = nv;
		}
		c = &(*out)[(*n)++];
		memset(c, 0, sizeof(*c));
		c->id = db_col_int64(st, 0);
		db_col_copy(st, 1, c->receipt, sizeof(c->receipt));
		db_col_copy(st, 2, c->category, sizeof(c->category));
		for (int i = 0; i < 6; i++)
			t[i] = db_col_text(st, 3 + i) ? db_col_text(st, 3 + i) : "";
		snprintf(c->category_name, sizeof(c->category_name), "%s", i18n_pick(t[0], t[1]));
		place_name(t[2], t[3], t[4], t[5], c->place, sizeof(c->place));
		db_col_copy(st, 9, c->state, sizeof(c->state));
		db_col_copy(st, 10, c->filed_at, sizeof(c->filed_at));
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	return JRC_OK;
}

jrc_status alert_rules(jrc_db *db, jrc_alert_rule **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT code, kind, count, days, name_zh, name_en FROM alert_rules"
			    " WHERE active <> 0 ORDER BY sort, code", &st, err)))
		return s;
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_alert_rule *r;

		if (*n == cap) {
			jrc_alert_rule *nv = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof(*nv));

			if (!nv) {
				db_finalize(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			*out = nv;
		}
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof(*r));
		db_col_copy(st, 0, r->code, sizeof(r->code));
		db_col_copy(st, 1, r->kind, sizeof(r->kind));
		r->count = (long)db_col_int64(st, 2);
		r->days = (long)db_col_int64(st, 3);
		db_col_copy(st, 4, r->name_zh, sizeof(r->name_zh));
		db_col_copy(st, 5, r->name_en, sizeof(r->name_en));
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	return JRC_OK;
}
