/* The cases of a period as the outside may see them: read one row at a
 * time, the state as open or closed, datetimes in the site's zone, the
 * place as names, the text masked.  Personal columns are never read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "export_internal.h"
#include "jrc/clock.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/mask.h"

/* A local date as the UTC instant its day starts (next_day: the one after). */
static jrc_status bound(const char *date, const char *field, int next_day, char out[32],
			jrc_err *err)
{
	jrc_date d;

	if (date_parse(date, &d) != 0)
		return jrc_err_set(err, JRC_E_INVALID, field,
				   _("'%s' is not a date: write it as YYYY-MM-DD, such as 2026-11-29."),
				   date);
	clock_format_utc(clock_local_midnight(next_day ? date_add_days(d, 1) : d), out);
	return JRC_OK;
}

jrc_status export_check_period(const char *from, const char *to, jrc_err *err)
{
	char a[32], b[32];
	jrc_date f, t;
	jrc_status s;

	if (from && (s = bound(from, "from", 0, a, err)) != JRC_OK)
		return s;
	if (to && (s = bound(to, "to", 0, b, err)) != JRC_OK)
		return s;
	if (from && to && date_parse(from, &f) == 0 && date_parse(to, &t) == 0 &&
	    date_cmp(f, t) > 0)
		return jrc_err_set(err, JRC_E_INVALID, "from",
				   _("the period starts (%s) after it ends (%s): give --from a date before --to"),
				   from, to);
	return JRC_OK;
}

/* A stored UTC instant as local ISO 8601 with the zone's offset; "" when
 * there is none. */
static void local_iso(const char *utc, char out[32])
{
	jrc_time t;

	out[0] = '\0';
	if (utc && *utc && clock_parse(utc, &t) == JRC_OK)
		clock_format_local_iso(t, out);
}

/* The last second of local day `day`, as local ISO 8601; "" for none. */
static void day_end_iso(const char *day, char out[32])
{
	jrc_date d;

	out[0] = '\0';
	if (day && *day && date_parse(day, &d) == 0)
		clock_format_local_iso(clock_local_midnight(date_add_days(d, 1)) - 1, out);
}

static const char *col(db_stmt *st, int i)
{
	const char *s = db_col_text(st, i);

	return s ? s : "";
}

/* The pair of columns i (zh) and i + 1 (en) in the current language. */
static const char *pick(db_stmt *st, int i)
{
	return i18n_pick(col(st, i), col(st, i + 1));
}

enum {
	C_RECEIPT, C_CATEGORY, C_CAT_ZH, C_CAT_EN, C_DEPT_ZH, C_DEPT_EN, C_DIVISION,
	C_G_ZH, C_G_EN, C_P_ZH, C_P_EN, C_V_ZH, C_V_EN,
	C_FILED, C_STATE, C_STATE_AT, C_DUE, C_TEXT, C_NAME
};

/* Only the name is read of the personal columns: to find it in the text. */
static const char *const requests_sql =
	"SELECT c.receipt, c.category, cat.name_zh, cat.name_en, d.name_zh, d.name_en,"
	" c.division, g.name_zh, g.name_en, p.name_zh, p.name_en, v.name_zh, v.name_en,"
	" c.filed_at, c.state, c.state_at, c.due_on, %s, %s"
	" FROM cases c"
	" LEFT JOIN categories cat ON cat.code = c.category"
	" LEFT JOIN departments d ON d.code = c.department"
	" LEFT JOIN divisions v ON v.code = c.division"
	" LEFT JOIN divisions p ON p.code = v.parent"
	" LEFT JOIN divisions g ON g.code = p.parent"
	" WHERE c.filed_at >= ?1 AND c.filed_at < ?2"
	" ORDER BY c.filed_at, c.id";

static void address(db_stmt *st, char *out, size_t size)
{
	static const int parts[] = { C_G_ZH, C_P_ZH, C_V_ZH };
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const char *s = pick(st, parts[i]);

		if (!*s)
			continue;
		snprintf(out + len, size - len, "%s%s", len ? " " : "", s);
		len = strlen(out);
	}
}

/* One row into r; the masked text is r's own (freed by the caller). */
static jrc_status fill(db_stmt *st, const jrc_export_opts *o, jrc_date today,
		       jrc_export_request *r, jrc_err *err)
{
	jrc_case c;
	jrc_state eff;
	const char *words;

	memset(r, 0, sizeof(*r));
	snprintf(r->service_request_id, sizeof(r->service_request_id), "%s", col(st, C_RECEIPT));
	snprintf(r->service_code, sizeof(r->service_code), "%s", col(st, C_CATEGORY));
	snprintf(r->service_name, sizeof(r->service_name), "%s", pick(st, C_CAT_ZH));
	snprintf(r->agency_responsible, sizeof(r->agency_responsible), "%s", pick(st, C_DEPT_ZH));
	snprintf(r->address_id, sizeof(r->address_id), "%s", col(st, C_DIVISION));
	address(st, r->address, sizeof(r->address));
	local_iso(col(st, C_FILED), r->requested_datetime);
	local_iso(col(st, C_STATE_AT), r->updated_datetime);

	/* The state as the rest of the program sees it today: an answer whose
	 * review window has passed is closed even before `jrc tick`. */
	memset(&c, 0, sizeof(c));
	if (lifecycle_state_parse(col(st, C_STATE), &c.state) != 0)
		c.state = JRC_STATE_COUNT;
	snprintf(c.due_on, sizeof(c.due_on), "%s", col(st, C_DUE));
	eff = lifecycle_effective_state(&c, today);
	r->closed = eff < JRC_STATE_COUNT && lifecycle_state_kind(eff) == JRC_SK_NONE;
	r->status_notes = eff < JRC_STATE_COUNT ? lifecycle_state_label(eff) : col(st, C_STATE);
	if (!r->closed && *c.due_on) {
		day_end_iso(c.due_on, r->expected_datetime);
		words = lifecycle_deadline_words(eff);
		if (words) {
			size_t wl = strlen(words);
			/* The Chinese sentence ends in a full-width colon: no space then. */
			int colon = wl >= 3 && strcmp(words + wl - 3, "\xEF\xBC\x9A") == 0;

			snprintf(r->service_notice, sizeof(r->service_notice), "%s%s%s", words,
				 colon ? "" : " ", c.due_on);
		}
	}
	if (o->with_text) {
		const char *names[2] = { NULL, NULL };

		if (*col(st, C_NAME))
			names[0] = col(st, C_NAME);
		r->description = mask_text(col(st, C_TEXT), names);
		if (!r->description)
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	return JRC_OK;
}

jrc_status export_requests(jrc_db *db, const jrc_export_opts *o, jrc_export_fn fn,
			   void *arg, long *n, jrc_err *err)
{
	char start[32] = "0000", end[32] = "9999", sql[1024];
	jrc_export_request r;
	db_stmt *st = NULL;
	jrc_status s;
	jrc_lang was = i18n_get();
	jrc_date today = clock_local_date(clock_now());
	long count = 0;
	int rc;

	if (n)
		*n = 0;
	if ((s = export_check_period(o->from, o->to, err)) != JRC_OK)
		return s;
	if (o->from && (s = bound(o->from, "from", 0, start, err)) != JRC_OK)
		return s;
	if (o->to && (s = bound(o->to, "to", 1, end, err)) != JRC_OK)
		return s;
	/* Without --with-text neither the text nor the name is read at all. */
	snprintf(sql, sizeof(sql), requests_sql, o->with_text ? "c.text" : "NULL",
		 o->with_text ? "c.name" : "NULL");
	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	if (db_bind_text(db, st, 1, start) != DB_OK ||
	    db_bind_text(db, st, 2, end) != DB_OK) {
		s = db_fail(db, db_last_result(db), err);
		db_finalize(st);
		return s;
	}
	i18n_set(o->lang);
	while ((rc = db_step(db, st)) == DB_ROW) {
		s = fill(st, o, today, &r, err);
		if (s == JRC_OK)
			s = fn(&r, arg, err);
		free(r.description);
		if (s != JRC_OK)
			break;
		count++;
	}
	i18n_set(was);
	if (s == JRC_OK && rc != DB_DONE)
		s = db_fail(db, rc, err);
	db_finalize(st);
	if (n)
		*n = count;
	return s;
}

jrc_status export_services(jrc_db *db, export_service_fn fn, void *arg, jrc_err *err)
{
	static const char *const sql =
		"SELECT c.code, c.name_zh, c.name_en, c.description_zh, c.description_en,"
		" d.name_zh, d.name_en"
		" FROM categories c"
		" LEFT JOIN routing r ON r.category = c.code AND r.division = '*'"
		" LEFT JOIN departments d ON d.code = r.department"
		" ORDER BY c.sort, c.code";
	db_stmt *st = NULL;
	jrc_status s = JRC_OK;
	char keywords[512];
	export_service sv;
	int rc;

	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	while ((rc = db_step(db, st)) == DB_ROW) {
		sv.code = col(st, 0);
		sv.name = pick(st, 1);
		sv.description = pick(st, 3);
		/* Both names, so a search in either language finds it. */
		snprintf(keywords, sizeof(keywords), "%s,%s,%s", col(st, 0), col(st, 1), col(st, 2));
		sv.keywords = keywords;
		/* The department the published list of responsibilities names. */
		sv.group = pick(st, 5);
		if ((s = fn(&sv, arg, err)) != JRC_OK)
			break;
	}
	if (s == JRC_OK && rc != DB_DONE)
		s = db_fail(db, rc, err);
	db_finalize(st);
	return s;
}
