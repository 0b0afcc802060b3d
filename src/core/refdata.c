/* Reference data: import from CSV, and the lookups screens need. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/text.h"
#include "refdata_internal.h"

static int all_upper(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return 0;
	for (; *s; s++)
		if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

static int all_digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int valid_level(const char *s)
{
	return !strcmp(s, "county") || !strcmp(s, "township") || !strcmp(s, "village");
}

/* Run one upsert with n text parameters. */
static jrc_status run(jrc_db *db, const char *sql, const char *const *params, int n,
		      long sort, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	rc = DB_OK;
	for (int i = 0; i < n && rc == DB_OK; i++)
		rc = db_bind_text(db, st, i + 1, params[i]);
	if (rc == DB_OK && sort >= 0)
		rc = db_bind_int64(st, n + 1, sort);
	if (rc == DB_OK)
		rc = db_step(db, st);
	db_finalize(st);
	if (rc == DB_CONSTRAINT_FOREIGNKEY)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("it refers to a code that does not exist"));
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return JRC_OK;
}

/* *found 1 if sql (one ? for code) returns a row.  A failed read is an
 * error of its own, never "unknown code". */
static jrc_status exists(jrc_db *db, const char *sql, const char *code, int *found,
			 jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*found = 0;
	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	if ((rc = db_bind_text(db, st, 1, code)) == DB_OK)
		rc = db_step(db, st);
	db_finalize(st);
	if (rc == DB_ROW)
		*found = 1;
	else if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return JRC_OK;
}

static jrc_status need(const char *v, const char *col, jrc_err *err)
{
	if (*v)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_DATA, NULL, _("column %s is empty"), col);
}

static jrc_status row_category(jrc_db *db, char **v, long sort, jrc_err *err)
{
	jrc_status s;

	if (!all_upper(v[0], 3, 3))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("code '%s' must be 3 capital letters"), v[0]);
	for (int i = 1; i < 5; i++)
		if ((s = need(v[i], i < 3 ? "name" : "description", err)) != JRC_OK)
			return s;
	return run(db,
		   "INSERT INTO categories(code, name_zh, name_en, description_zh, description_en,"
		   " channel_zh, channel_en, court_zh, court_en, outcome_zh, outcome_en, sort, active)"
		   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)"
		   " ON CONFLICT(code) DO UPDATE SET active=1, name_zh=excluded.name_zh,"
		   " name_en=excluded.name_en, description_zh=excluded.description_zh,"
		   " description_en=excluded.description_en, channel_zh=excluded.channel_zh,"
		   " channel_en=excluded.channel_en, court_zh=excluded.court_zh,"
		   " court_en=excluded.court_en, outcome_zh=excluded.outcome_zh,"
		   " outcome_en=excluded.outcome_en, sort=excluded.sort",
		   (const char *const *)v, 11, sort, err);
}

static jrc_status row_department(jrc_db *db, char **v, long sort, jrc_err *err)
{
	jrc_status s;

	if (!all_upper(v[0], 2, 15))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("code '%s' must be 2 to 15 capital letters or digits"), v[0]);
	if ((s = need(v[1], "name_zh", err)) || (s = need(v[2], "name_en", err)))
		return s;
	return run(db,
		   "INSERT INTO departments(code, name_zh, name_en, window, phone, short_zh, short_en,"
		   " sort) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET"
		   " name_zh=excluded.name_zh, name_en=excluded.name_en,"
		   " window=excluded.window, phone=excluded.phone, short_zh=excluded.short_zh,"
		   " short_en=excluded.short_en, sort=excluded.sort",
		   (const char *const *)v, 7, sort, err);
}

static jrc_status row_division(jrc_db *db, char **v, long sort, jrc_err *err)
{
	jrc_status s;
	const char *params[5];
	int found = 0;

	if (!all_digits(v[0], 6, 15))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("code '%s' must be 6 to 15 digits"), v[0]);
	if (!valid_level(v[2]))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("level '%s' must be county, township or village"), v[2]);
	if (strcmp(v[2], "county") != 0 && *v[1] &&
	    (s = exists(db, "SELECT 1 FROM divisions WHERE code = ?", v[1], &found, err)) != JRC_OK)
		return s;
	if (strcmp(v[2], "county") != 0 && (!*v[1] || !found))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("parent '%s' is not listed above this line"), v[1]);
	if ((s = need(v[3], "name_zh", err)) || (s = need(v[4], "name_en", err)))
		return s;
	params[0] = v[0];
	params[1] = *v[1] ? v[1] : NULL;
	params[2] = v[2];
	params[3] = v[3];
	params[4] = v[4];
	return run(db,
		   "INSERT INTO divisions(code, parent, level, name_zh, name_en, sort)"
		   " VALUES (?,?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET"
		   " parent=excluded.parent, level=excluded.level, name_zh=excluded.name_zh,"
		   " name_en=excluded.name_en, sort=excluded.sort",
		   params, 5, sort, err);
}

static jrc_status row_routing(jrc_db *db, char **v, long sort, jrc_err *err)
{
	jrc_status s;
	int found;

	(void)sort;
	if ((s = exists(db, "SELECT 1 FROM categories WHERE code = ?", v[0], &found, err)))
		return s;
	if (!found)
		return jrc_err_set(err, JRC_E_DATA, NULL, _("unknown category '%s'"), v[0]);
	if (strcmp(v[1], "*") != 0) {
		if ((s = exists(db, "SELECT 1 FROM divisions WHERE code = ?", v[1], &found, err)))
			return s;
		if (!found)
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("unknown division '%s' (use * for all)"), v[1]);
	}
	if ((s = exists(db, "SELECT 1 FROM departments WHERE code = ?", v[2], &found, err)))
		return s;
	if (!found)
		return jrc_err_set(err, JRC_E_DATA, NULL, _("unknown department '%s'"), v[2]);
	if (!valid_level(v[3]))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("level '%s' must be county, township or village"), v[3]);
	return run(db,
		   "INSERT INTO routing(category, division, department, level) VALUES (?,?,?,?)"
		   " ON CONFLICT(category, division) DO UPDATE SET"
		   " department=excluded.department, level=excluded.level",
		   (const char *const *)v, 4, -1, err);
}

static jrc_status row_holiday(jrc_db *db, char **v, long sort, jrc_err *err)
{
	jrc_date d;

	(void)sort;
	if (date_parse(v[0], &d) != 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("date '%s' must be a real date written YYYY-MM-DD"), v[0]);
	if (strcmp(v[1], "holiday") != 0 && strcmp(v[1], "workday") != 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("kind '%s' must be holiday or workday"), v[1]);
	return run(db,
		   "INSERT INTO holidays(day, kind, name) VALUES (?,?,?)"
		   " ON CONFLICT(day) DO UPDATE SET kind=excluded.kind, name=excluded.name",
		   (const char *const *)v, 3, -1, err);
}

/* In dependency order: a file may refer only to files above it. */
static const refdata_file files[] = {
	{ "categories.csv", 1,
	  { "code", "name_zh", "name_en", "description_zh", "description_en",
	    "channel_zh", "channel_en", "court_zh", "court_en", "outcome_zh", "outcome_en", NULL },
	  5, row_category,
	  /* Categories no longer listed stay for their cases but are not
	   * offered. */
	  "UPDATE categories SET active = 0" },
	{ "departments.csv", 1,
	  { "code", "name_zh", "name_en", "window", "phone", "short_zh", "short_en", NULL }, 3,
	  row_department, NULL },
	/* The hall's windows and their groups (queue.c). */
	{ "windows.csv", 0,
	  { "window", "group", "name_zh", "name_en", "departments", "rooms", NULL }, 4,
	  queue_import_window, "UPDATE windows SET active = 0" },
	{ "divisions.csv", 1,
	  { "code", "parent", "level", "name_zh", "name_en", NULL }, 5, row_division, NULL },
	/* Sites and the three levels (site.c): a site no longer listed
	 * stays for its cases but is not offered. */
	{ "sites.csv", 0,
	  { "code", "level", "parent", "division", "name_zh", "name_en", "address", NULL }, 6,
	  site_import_row, "UPDATE sites SET active = 0" },
	{ "routing.csv", 1,
	  { "category", "division", "department", "level", NULL }, 4, row_routing, NULL },
	/* Hosts no longer listed stay for their bookings but are not offered;
	 * schedules are replaced as a whole. */
	{ "roster.csv", 0,
	  { "id", "kind", "name", "title_or_organization", "specialties", "languages",
	    "legal_aid", "blurb", "name_en", "title_en", "blurb_en", "department", NULL }, 3,
	  roster_import_host, "UPDATE hosts SET active = 0; UPDATE panelists SET active = 0" },
	{ "schedule.csv", 0,
	  { "host", "weekday", "date", "start", "end", "slot_minutes", "room", "topics",
	    "room_en", "topics_en", NULL }, 6, roster_import_schedule, "DELETE FROM schedules" },
	{ "holidays.csv", 0,
	  { "date", "kind", "name", NULL }, 2, row_holiday, NULL },
	/* The phrase builder's sentences, replaced as a whole. */
	{ "phrases.csv", 0,
	  { "category", "kind", "zh", "en", NULL }, 4, phrases_import_row, "DELETE FROM phrases" },
	/* Leaders' visits (visit.c): added once by id, never replaced. */
	{ "visits.csv", 0,
	  { "id", "host", "date", "start", "end", "division", "place", "slot_minutes", "topics",
	    "accompany", "place_en", NULL }, 7, visit_import_row, NULL },
	/* Opinion surveys (survey.c): one row per question, kept once made. */
	{ "surveys.csv", 0,
	  { "id", "title", "title_en", "from", "to", "sites", "question", "question_en",
	    "answers", "answers_en", NULL }, 10, survey_import_row, NULL },
	/* Early warning rules (alert.c): kept by code; a rule no longer listed
	 * is inactive (its alerts stay). */
	{ "alerts.csv", 0,
	  { "code", "kind", "count", "days", "name_zh", "name_en", NULL }, 6, alert_import_row,
	  "UPDATE alert_rules SET active = 0" },
};

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static jrc_status import_file(jrc_db *db, const char *dir, const refdata_file *spec,
			      long *rows, jrc_err *err)
{
	char path[4096], *data, *buf = NULL, *fields[64], *vals[REFDATA_MAX_COLS];
	const char *p, *end;
	int map[REFDATA_MAX_COLS], ncols = 0, nf, line = 0, start;
	size_t len;
	jrc_status s = JRC_OK;
	static char empty[1] = "";

	*rows = 0;
	snprintf(path, sizeof(path), "%s/%s", dir, spec->name);
	data = read_file(path, &len);
	if (!data) {
		if (errno == ENOENT && !spec->required)
			return JRC_OK;
		return jrc_err_set(err, JRC_E_DATA, NULL, _("%s: cannot read the file: %s"),
				   path, strerror(errno));
	}
	if (!text_utf8_valid(data, len)) {
		s = jrc_err_set(err, JRC_E_DATA, NULL,
				_("%s: the file is not UTF-8 text: save it as UTF-8 and import again"),
				path);
		goto out;
	}
	buf = malloc(len + 64);
	if (!buf) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	p = data;
	end = data + len;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (spec->cols[ncols])
		ncols++;
	nf = csv_read_record(&p, end, buf, len + 64, fields, 64, &line);
	if (nf <= 0) {
		s = jrc_err_set(err, JRC_E_DATA, NULL, _("%s:1: the header row is missing or malformed"),
				path);
		goto out;
	}
	for (int c = 0; c < ncols; c++) {
		map[c] = -1;
		for (int f = 0; f < nf; f++)
			if (strcmp(fields[f], spec->cols[c]) == 0)
				map[c] = f;
		if (map[c] < 0 && c < spec->ncols_required) {
			s = jrc_err_set(err, JRC_E_DATA, NULL,
					_("%s:1: the header has no column '%s'"), path, spec->cols[c]);
			goto out;
		}
	}
	if (spec->before && (s = db_exec(db, spec->before, err)) != JRC_OK)
		goto out;
	for (;;) {
		int n;

		start = line + 1;
		n = csv_read_record(&p, end, buf, len + 64, fields, 64, &line);
		if (n == 0)
			break;
		if (n < 0) {
			s = jrc_err_set(err, JRC_E_DATA, NULL,
					_("%s:%d: malformed CSV (a quote not closed, or too many fields)"),
					path, start);
			goto out;
		}
		if (n == 1 && !*fields[0])
			continue;                       /* blank line */
		if (n != nf) {
			s = jrc_err_set(err, JRC_E_DATA, NULL,
					_("%s:%d: %d fields where the header has %d"), path, start, n, nf);
			goto out;
		}
		for (int c = 0; c < ncols; c++) {
			char *t;

			if (map[c] < 0) {
				vals[c] = empty;
				continue;
			}
			/* Trim surrounding blanks that spreadsheets leave. */
			t = fields[map[c]];
			while (*t == ' ' || *t == '\t')
				t++;
			for (size_t k = strlen(t); k && (t[k - 1] == ' ' || t[k - 1] == '\t'); k--)
				t[k - 1] = '\0';
			/* Names reach terminals and paper: no control characters or
			 * escape sequences, as for what citizens type. */
			{
				char *clean = text_sanitize(t, 0);

				if (!clean) {
					s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
					goto out;
				}
				if (strlen(clean) <= strlen(t))
					memcpy(t, clean, strlen(clean) + 1);
				free(clean);
			}
			vals[c] = t;
		}
		s = spec->row(db, vals, (long)*rows + 1, err);
		if (s != JRC_OK) {
			char why[sizeof(err->msg)];

			snprintf(why, sizeof(why), "%s", err ? err->msg : "");
			s = jrc_err_set(err, s == JRC_E_DATA ? JRC_E_DATA : s, NULL, "%s:%d: %s",
					path, start, why);
			goto out;
		}
		(*rows)++;
	}
out:
	free(buf);
	free(data);
	return s;
}

jrc_status refdata_import_dir(jrc_db *db, const char *dir, const char *actor, jrc_err *err)
{
	char note[512] = "";
	jrc_status s;
	jrc_event_in ev = { 0 };

	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		long rows;

		if ((s = import_file(db, dir, &files[i], &rows, err)) != JRC_OK) {
			db_rollback(db);
			return s;
		}
		if (rows)
			snprintf(note + strlen(note), sizeof(note) - strlen(note), "%s%s %ld",
				 *note ? ", " : "", files[i].name, rows);
	}
	ev.actor = actor ? actor : "cli";
	ev.kind = "import";
	ev.note = note;
	if ((s = audit_append(db, &ev, NULL, NULL, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

/* Step st to the end, filling one element of `size` bytes per row into a
 * growing array; finalizes st.  *out is NULL and *n 0 on failure. */
static jrc_status collect_rows(jrc_db *db, db_stmt *st, size_t size,
			       void (*fill)(db_stmt *, void *), void **out, size_t *n,
			       jrc_err *err)
{
	size_t cap = 16;
	int rc = DB_DONE;
	char *rows = malloc(cap * size);

	*n = 0;
	while (rows && (rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			char *nb = realloc(rows, (cap *= 2) * size);

			if (!nb)
				break;
			rows = nb;
		}
		fill(st, rows + (*n)++ * size);
	}
	db_finalize(st);
	if (!rows || rc != DB_DONE) {
		free(rows);
		*out = NULL;
		*n = 0;
		return rc == DB_ROW || rc == DB_DONE ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL)
							    : db_fail(db, rc, err);
	}
	*out = rows;
	return JRC_OK;
}

static void fill_category(db_stmt *st, jrc_category *c)
{
	db_col_copy(st, 0, c->code, sizeof(c->code));
	db_col_copy(st, 1, c->name_zh, sizeof(c->name_zh));
	db_col_copy(st, 2, c->name_en, sizeof(c->name_en));
	db_col_copy(st, 3, c->desc_zh, sizeof(c->desc_zh));
	db_col_copy(st, 4, c->desc_en, sizeof(c->desc_en));
	db_col_copy(st, 5, c->channel_zh, sizeof(c->channel_zh));
	db_col_copy(st, 6, c->channel_en, sizeof(c->channel_en));
	db_col_copy(st, 7, c->court_zh, sizeof(c->court_zh));
	db_col_copy(st, 8, c->court_en, sizeof(c->court_en));
	db_col_copy(st, 9, c->outcome_zh, sizeof(c->outcome_zh));
	db_col_copy(st, 10, c->outcome_en, sizeof(c->outcome_en));
	c->active = db_col_int(st, 11);
}

static void fill_category_row(db_stmt *st, void *row)
{
	fill_category(st, row);
}

#define CATEGORY_COLS "code, name_zh, name_en, description_zh, description_en, channel_zh, channel_en," \
	" court_zh, court_en, outcome_zh, outcome_en, active"

jrc_status refdata_categories(jrc_db *db, jrc_category **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " CATEGORY_COLS " FROM categories WHERE active = 1"
			    " ORDER BY sort, code",
			    &st, err)) != JRC_OK)
		return s;
	return collect_rows(db, st, sizeof(**out), fill_category_row, (void **)out, n, err);
}

jrc_status refdata_category(jrc_db *db, const char *code, jrc_category *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, "SELECT " CATEGORY_COLS " FROM categories WHERE code = ?",
				   &st, err)) != JRC_OK)
		return s;
	db_bind_text(db, st, 1, code);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill_category(st, out);
	db_release(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "category",
				   _("Unknown category '%s': use one of the codes that 'jrc categories' lists."),
				   code ? code : "");
	return db_fail(db, rc, err);
}

static void fill_department(db_stmt *st, void *row)
{
	jrc_department *out = row;

	db_col_copy(st, 0, out->code, sizeof(out->code));
	db_col_copy(st, 1, out->name_zh, sizeof(out->name_zh));
	db_col_copy(st, 2, out->name_en, sizeof(out->name_en));
	db_col_copy(st, 3, out->window, sizeof(out->window));
	db_col_copy(st, 4, out->phone, sizeof(out->phone));
	db_col_copy(st, 5, out->short_zh, sizeof(out->short_zh));
	db_col_copy(st, 6, out->short_en, sizeof(out->short_en));
}

#define DEPT_COLS "code, name_zh, name_en, window, phone, short_zh, short_en"

jrc_status refdata_department(jrc_db *db, const char *code, jrc_department *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT " DEPT_COLS " FROM departments"
			    " WHERE code = ?", &st, err)) != JRC_OK)
		return s;
	db_bind_text(db, st, 1, code);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill_department(st, out);
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "department",
				   _("Unknown department '%s'."), code ? code : "");
	return db_fail(db, rc, err);
}

jrc_status refdata_departments(jrc_db *db, jrc_department **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " DEPT_COLS " FROM departments ORDER BY sort, code", &st,
			    err)) != JRC_OK)
		return s;
	return collect_rows(db, st, sizeof(**out), fill_department, (void **)out, n, err);
}

static void fill_division(db_stmt *st, jrc_division *d)
{
	db_col_copy(st, 0, d->code, sizeof(d->code));
	db_col_copy(st, 1, d->parent, sizeof(d->parent));
	db_col_copy(st, 2, d->level, sizeof(d->level));
	db_col_copy(st, 3, d->name_zh, sizeof(d->name_zh));
	db_col_copy(st, 4, d->name_en, sizeof(d->name_en));
}

static void fill_division_row(db_stmt *st, void *row)
{
	fill_division(st, row);
}

jrc_status refdata_divisions(jrc_db *db, const char *parent, jrc_division **out, size_t *n,
			     jrc_err *err)
{
	db_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	s = parent ? db_prepare(db, "SELECT code, parent, level, name_zh, name_en FROM divisions"
				" WHERE parent = ? ORDER BY sort, code", &st, err)
		   : db_prepare(db, "SELECT code, parent, level, name_zh, name_en FROM divisions"
				" WHERE level = 'township' ORDER BY sort, code", &st, err);
	if (s != JRC_OK)
		return s;
	if (parent)
		db_bind_text(db, st, 1, parent);
	return collect_rows(db, st, sizeof(**out), fill_division_row, (void **)out, n, err);
}

jrc_status refdata_division(jrc_db *db, const char *code, jrc_division *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, "SELECT code, parent, level, name_zh, name_en FROM divisions"
				   " WHERE code = ?", &st, err)) != JRC_OK)
		return s;
	db_bind_text(db, st, 1, code);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill_division(st, out);
	db_release(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "division",
				   _("Unknown place code '%s': use a township or village code that 'jrc divisions' lists."),
				   code ? code : "");
	return db_fail(db, rc, err);
}
