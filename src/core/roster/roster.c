/* The roster: importing hosts and their schedules, and host lookups. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/i18n.h"
#include "jrc/text.h"
#include "refdata_internal.h"
#include "roster_internal.h"

static const char *const kinds[] = { "mediator", "lawyer", "leader", NULL };

int roster_kind_valid(const char *kind)
{
	for (const char *const *k = kinds; kind && *k; k++)
		if (strcmp(kind, *k) == 0)
			return 1;
	return 0;
}

const char *roster_kind_label(const char *kind)
{
	if (kind && strcmp(kind, "mediator") == 0)
		return _("people's mediator");
	if (kind && strcmp(kind, "lawyer") == 0)
		return _("lawyer");
	if (kind && strcmp(kind, "leader") == 0)
		return _("county leader");
	return "";
}

int roster_norm_id(const char *in, char out[JRC_HOST_ID_MAX])
{
	size_t n = in ? strlen(in) : 0;

	if (n < 1 || n >= JRC_HOST_ID_MAX)
		return 0;
	for (size_t i = 0; i <= n; i++) {
		unsigned char c = (unsigned char)in[i];

		if (c && !isalnum(c) && c != '-' && c != '_')
			return 0;
		out[i] = (char)toupper(c);
	}
	return 1;
}

int roster_knows(const jrc_host *h, const char *category)
{
	size_t n = category ? strlen(category) : 0;

	if (!n)
		return 0;
	for (const char *p = h->specialties; (p = strstr(p, category)); p += n)
		if ((p == h->specialties || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

jrc_time roster_local_time(jrc_date d, int min)
{
	char iso[32];
	jrc_time t;

	if (min >= 1440)
		return roster_local_time(date_add_days(d, 1), min - 1440);
	/* Through the local-time parser, so a DST change that day is right. */
	snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d", d.y, d.m, d.d, min / 60, min % 60);
	if (clock_parse(iso, &t) != JRC_OK)
		return clock_local_midnight(d) + (jrc_time)min * 60;
	return t;
}

void roster_fill_host(db_stmt *st, int first, jrc_host *h)
{
	memset(h, 0, sizeof(*h));
	db_col_copy(st, first, h->id, sizeof(h->id));
	db_col_copy(st, first + 1, h->kind, sizeof(h->kind));
	db_col_copy(st, first + 2, h->name, sizeof(h->name));
	db_col_copy(st, first + 3, h->name_en, sizeof(h->name_en));
	db_col_copy(st, first + 4, h->title, sizeof(h->title));
	db_col_copy(st, first + 5, h->title_en, sizeof(h->title_en));
	db_col_copy(st, first + 6, h->specialties, sizeof(h->specialties));
	db_col_copy(st, first + 7, h->languages, sizeof(h->languages));
	h->legal_aid = db_col_int(st, first + 8);
	db_col_copy(st, first + 9, h->blurb, sizeof(h->blurb));
	db_col_copy(st, first + 10, h->blurb_en, sizeof(h->blurb_en));
}

jrc_status roster_host(jrc_db *db, const char *id, jrc_host *out, jrc_err *err)
{
	char norm[JRC_HOST_ID_MAX];
	db_stmt *st;
	jrc_status s;
	int rc;

	if (!roster_norm_id(id, norm))
		return jrc_err_set(err, JRC_E_NOT_FOUND, "host",
				   _("There is no helper with the number '%s': see the list that 'jrc helpers' shows."),
				   id ? id : "");
	if ((s = db_prepare(db, "SELECT " ROSTER_HOST_COLS " FROM hosts h"
			    " WHERE h.id = ? AND h.active = 1", &st, err)))
		return s;
	db_bind_text(db, st, 1, norm);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		roster_fill_host(st, 0, out);
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "host",
			   _("There is no helper with the number '%s': see the list that 'jrc helpers' shows."),
			   norm);
}

jrc_status roster_hosts(jrc_db *db, const char *kind, jrc_host **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 16;
	int rc = DB_DONE;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " ROSTER_HOST_COLS " FROM hosts h WHERE h.active = 1"
			    " AND (?1 IS NULL OR h.kind = ?1) ORDER BY h.sort, h.id", &st, err)))
		return s;
	db_bind_text(db, st, 1, kind);
	*out = malloc(cap * sizeof(**out));
	while (*out && (rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			jrc_host *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb) {
				free(*out);
				*out = NULL;
				break;
			}
			*out = nb;
		}
		roster_fill_host(st, 0, &(*out)[(*n)++]);
	}
	db_finalize(st);
	if (!*out || rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc == DB_ROW || rc == DB_DONE ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL)
							    : db_fail(db, rc, err);
	}
	return JRC_OK;
}

/* ---------------------------------------------------------------- import */

/* A text column: sanitized, at most max characters, copied to out. */
static jrc_status text_col(const char *v, const char *col, size_t max, int required,
			   char *out, size_t size, jrc_err *err)
{
	char *t = text_sanitize(v, 0);

	if (!t)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if (required && !*t) {
		free(t);
		return jrc_err_set(err, JRC_E_DATA, NULL, _("column %s is empty"), col);
	}
	if (text_utf8_count(t) > max || strlen(t) >= size) {
		free(t);
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("column %s is longer than %zu characters: shorten it"), col, max);
	}
	snprintf(out, size, "%s", t);
	free(t);
	return JRC_OK;
}

static int category_known(jrc_db *db, const char *code)
{
	db_stmt *st;
	int found;

	if (db_prepare(db, "SELECT 1 FROM categories WHERE code = ?", &st, NULL) != JRC_OK)
		return 0;
	db_bind_text(db, st, 1, code);
	found = db_step(db, st) == DB_ROW;
	db_finalize(st);
	return found;
}

/* Category codes separated by ';', ',' or blanks -> "LAB SOC". */
static jrc_status specialties_col(jrc_db *db, const char *v, char *out, size_t size,
				  jrc_err *err)
{
	char buf[256], *save = NULL;
	size_t len = 0;

	out[0] = '\0';
	if (strlen(v) >= sizeof(buf))
		return jrc_err_set(err, JRC_E_DATA, NULL, _("column specialties is too long"));
	snprintf(buf, sizeof(buf), "%s", v);
	for (char *tok = strtok_r(buf, "; ,\t", &save); tok; tok = strtok_r(NULL, "; ,\t", &save)) {
		for (char *p = tok; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		if (!category_known(db, tok))
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("specialty '%s' is not a category code in categories.csv"), tok);
		if (len + strlen(tok) + 2 > size)
			return jrc_err_set(err, JRC_E_DATA, NULL, _("column specialties is too long"));
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? " " : "", tok);
	}
	return JRC_OK;
}

/* Languages separated by ';' or ',' -> "普通话;浦江话". */
static jrc_status languages_col(const char *v, char *out, size_t size, jrc_err *err)
{
	char buf[256], *save = NULL;
	size_t len = 0;

	out[0] = '\0';
	if (strlen(v) >= sizeof(buf))
		return jrc_err_set(err, JRC_E_DATA, NULL, _("column languages is too long"));
	snprintf(buf, sizeof(buf), "%s", v);
	for (char *tok = strtok_r(buf, ";,", &save); tok; tok = strtok_r(NULL, ";,", &save)) {
		while (*tok == ' ')
			tok++;
		for (size_t k = strlen(tok); k && tok[k - 1] == ' '; k--)
			tok[k - 1] = '\0';
		if (!*tok)
			continue;
		if (len + strlen(tok) + 2 > size)
			return jrc_err_set(err, JRC_E_DATA, NULL, _("column languages is too long"));
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ";" : "", tok);
	}
	return JRC_OK;
}

/* roster.csv: id, kind, name, title_or_organization, specialties,
 * languages, legal_aid, blurb, name_en, title_en, blurb_en. */
/* Whether id is already taken in the other table (hosts or panelists):
 * one id is one person, whatever the kind. */
static int id_taken(jrc_db *db, const char *table, const char *id)
{
	char sql[64];
	db_stmt *st;
	int found;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE id = ?", table);
	if (db_prepare(db, sql, &st, NULL) != JRC_OK)
		return 0;
	db_bind_text(db, st, 1, id);
	found = db_step(db, st) == DB_ROW;
	db_finalize(st);
	return found;
}

/* A hearing panel member (kind panel): kept in panelists, never offered
 * to citizens as a helper.  department (column 11) is the one they belong
 * to, if any: they do not sit on that department's cases. */
static jrc_status import_panelist(jrc_db *db, char **v, const char *id, long sort,
				  jrc_err *err)
{
	char name[JRC_U8(JRC_HOST_NAME_MAX)], name_en[JRC_U8(JRC_HOST_NAME_MAX)];
	char title[JRC_U8(JRC_HOST_TITLE_MAX)], title_en[JRC_U8(JRC_HOST_TITLE_MAX)];
	const char *dept = v[11] && *v[11] ? v[11] : NULL;
	jrc_department d;
	jrc_status s;
	db_stmt *st;
	int rc;

	if ((s = text_col(v[2], "name", JRC_HOST_NAME_MAX, 1, name, sizeof(name), err)) ||
	    (s = text_col(v[3], "title_or_organization", JRC_HOST_TITLE_MAX, 1, title,
			  sizeof(title), err)) ||
	    (s = text_col(v[8], "name_en", JRC_HOST_NAME_MAX, 0, name_en, sizeof(name_en), err)) ||
	    (s = text_col(v[9], "title_en", JRC_HOST_TITLE_MAX, 0, title_en, sizeof(title_en),
			  err)))
		return s;
	if (*v[6] && strcmp(v[6], "no") != 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("legal_aid can be yes only for a lawyer"));
	if (dept && refdata_department(db, dept, &d, NULL) != JRC_OK)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("department '%s' is not in departments.csv: give the code of the panel member's own department, or leave it empty"),
				   dept);
	if (id_taken(db, "hosts", id))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("id '%s' is already a mediator, lawyer or leader: give the panel member an id of their own"),
				   id);
	if ((s = db_prepare(db, "INSERT INTO panelists(id, name, name_en, title, title_en,"
			    " department, active, sort) VALUES (?,?,?,?,?,?,1,?)"
			    " ON CONFLICT(id) DO UPDATE SET name=excluded.name,"
			    " name_en=excluded.name_en, title=excluded.title,"
			    " title_en=excluded.title_en, department=excluded.department,"
			    " active=1, sort=excluded.sort", &st, err)))
		return s;
	db_bind_text(db, st, 1, id);
	db_bind_text(db, st, 2, name);
	db_bind_text(db, st, 3, name_en);
	db_bind_text(db, st, 4, title);
	db_bind_text(db, st, 5, title_en);
	if (dept)
		db_bind_text(db, st, 6, dept);
	db_bind_int64(st, 7, sort);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status roster_import_host(jrc_db *db, char **v, long sort, jrc_err *err)
{
	jrc_host h;
	jrc_status s;
	db_stmt *st;
	int rc;

	memset(&h, 0, sizeof(h));
	if (!roster_norm_id(v[0], h.id))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("id '%s' must be 1 to 16 letters, digits or dashes"), v[0]);
	if (strcmp(v[1], "panel") == 0)
		return import_panelist(db, v, h.id, sort, err);
	if (!roster_kind_valid(v[1]))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("kind '%s' must be mediator, lawyer, leader or panel"), v[1]);
	if (*v[11])
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("department is only for a panel member: leave it empty for a %s"),
				   v[1]);
	if (id_taken(db, "panelists", h.id))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("id '%s' is already a hearing panel member: give each person an id of their own"),
				   h.id);
	snprintf(h.kind, sizeof(h.kind), "%s", v[1]);
	if ((s = text_col(v[2], "name", JRC_HOST_NAME_MAX, 1, h.name, sizeof(h.name), err)) ||
	    (s = text_col(v[3], "title_or_organization", JRC_HOST_TITLE_MAX, 0, h.title,
			  sizeof(h.title), err)) ||
	    (s = specialties_col(db, v[4], h.specialties, sizeof(h.specialties), err)) ||
	    (s = languages_col(v[5], h.languages, sizeof(h.languages), err)) ||
	    (s = text_col(v[7], "blurb", JRC_HOST_BLURB_MAX, 0, h.blurb, sizeof(h.blurb), err)) ||
	    (s = text_col(v[8], "name_en", JRC_HOST_NAME_MAX, 0, h.name_en, sizeof(h.name_en),
			  err)) ||
	    (s = text_col(v[9], "title_en", JRC_HOST_TITLE_MAX, 0, h.title_en,
			  sizeof(h.title_en), err)) ||
	    (s = text_col(v[10], "blurb_en", JRC_HOST_BLURB_MAX, 0, h.blurb_en,
			  sizeof(h.blurb_en), err)))
		return s;
	if (!*v[6] || strcmp(v[6], "no") == 0)
		h.legal_aid = 0;
	else if (strcmp(v[6], "yes") == 0)
		h.legal_aid = 1;
	else
		return jrc_err_set(err, JRC_E_DATA, NULL, _("legal_aid '%s' must be yes or no"), v[6]);
	if (h.legal_aid && strcmp(h.kind, "lawyer") != 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("legal_aid can be yes only for a lawyer"));
	if ((s = db_prepare(db,
			    "INSERT INTO hosts(id, kind, name, name_en, title, title_en, specialties,"
			    " languages, legal_aid, blurb, blurb_en, active, sort)"
			    " VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?) ON CONFLICT(id) DO UPDATE SET"
			    " kind=excluded.kind, name=excluded.name, name_en=excluded.name_en,"
			    " title=excluded.title, title_en=excluded.title_en,"
			    " specialties=excluded.specialties, languages=excluded.languages,"
			    " legal_aid=excluded.legal_aid, blurb=excluded.blurb,"
			    " blurb_en=excluded.blurb_en, active=1, sort=excluded.sort",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, h.id);
	db_bind_text(db, st, 2, h.kind);
	db_bind_text(db, st, 3, h.name);
	db_bind_text(db, st, 4, h.name_en);
	db_bind_text(db, st, 5, h.title);
	db_bind_text(db, st, 6, h.title_en);
	db_bind_text(db, st, 7, h.specialties);
	db_bind_text(db, st, 8, h.languages);
	db_bind_int(st, 9, h.legal_aid);
	db_bind_text(db, st, 10, h.blurb);
	db_bind_text(db, st, 11, h.blurb_en);
	db_bind_int64(st, 12, sort);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* "HH:MM" (00:00 .. 24:00) -> minutes; -1 if not a time. */
static int parse_hhmm(const char *s)
{
	int h, m;

	if (strlen(s) == 4 && isdigit((unsigned char)s[0]) && s[1] == ':')
		h = s[0] - '0', s += 2;
	else if (strlen(s) == 5 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
		 s[2] == ':')
		h = (s[0] - '0') * 10 + (s[1] - '0'), s += 3;
	else
		return -1;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return -1;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	if (h > 24 || m > 59 || (h == 24 && m))
		return -1;
	return h * 60 + m;
}

static int host_listed(jrc_db *db, const char *id)
{
	db_stmt *st;
	int found;

	if (db_prepare(db, "SELECT 1 FROM hosts WHERE id = ? AND active = 1", &st, NULL) != JRC_OK)
		return 0;
	db_bind_text(db, st, 1, id);
	found = db_step(db, st) == DB_ROW;
	db_finalize(st);
	return found;
}

/* schedule.csv: host, weekday, date, start, end, slot_minutes, room,
 * topics, room_en, topics_en. */
jrc_status roster_import_schedule(jrc_db *db, char **v, long sort, jrc_err *err)
{
	char id[JRC_HOST_ID_MAX], room[JRC_U8(JRC_ROOM_MAX)], room_en[JRC_U8(JRC_ROOM_MAX)];
	char topics[JRC_U8(JRC_TOPICS_MAX)], topics_en[JRC_U8(JRC_TOPICS_MAX)], *end;
	int weekday = 0, start, stop;
	long slot;
	jrc_date day;
	jrc_status s;
	db_stmt *st;
	int rc;

	(void)sort;
	if (!roster_norm_id(v[0], id) || !host_listed(db, id))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("host '%s' is not listed in roster.csv"), v[0]);
	if (!!*v[1] == !!*v[2])
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("give either a weekday (weekly) or a date (one day), not both and not neither"));
	if (*v[1]) {
		if (strlen(v[1]) != 1 || v[1][0] < '1' || v[1][0] > '7')
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("weekday '%s' must be 1 (Monday) to 7 (Sunday)"), v[1]);
		weekday = v[1][0] - '0';
	} else if (date_parse(v[2], &day) != 0) {
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("date '%s' must be a real date written YYYY-MM-DD"), v[2]);
	}
	if ((start = parse_hhmm(v[3])) < 0 || start >= 1440)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("start '%s' must be a time written HH:MM"), v[3]);
	if ((stop = parse_hhmm(v[4])) < 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("end '%s' must be a time written HH:MM"), v[4]);
	if (stop <= start)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("end %s must be later than start %s"), v[4], v[3]);
	slot = strtol(v[5], &end, 10);
	if (!*v[5] || *end || slot < JRC_SLOT_MIN_MINUTES || slot > JRC_SLOT_MAX_MINUTES)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("slot_minutes '%s' must be a number from %d to %d"), v[5],
				   JRC_SLOT_MIN_MINUTES, JRC_SLOT_MAX_MINUTES);
	if (slot > stop - start)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("a slot of %ld minutes does not fit between %s and %s"), slot,
				   v[3], v[4]);
	if ((s = text_col(v[6], "room", JRC_ROOM_MAX, 0, room, sizeof(room), err)) ||
	    (s = text_col(v[7], "topics", JRC_TOPICS_MAX, 0, topics, sizeof(topics), err)) ||
	    (s = text_col(v[8], "room_en", JRC_ROOM_MAX, 0, room_en, sizeof(room_en), err)) ||
	    (s = text_col(v[9], "topics_en", JRC_TOPICS_MAX, 0, topics_en, sizeof(topics_en),
			  err)))
		return s;
	if ((s = db_prepare(db, "INSERT INTO schedules(host, weekday, day, start_min, end_min,"
			    " slot_minutes, room, room_en, topics, topics_en)"
			    " VALUES (?,?,?,?,?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_text(db, st, 1, id);
	if (weekday)
		db_bind_int(st, 2, weekday);
	else
		db_bind_text(db, st, 3, v[2]);
	db_bind_int(st, 4, start);
	db_bind_int(st, 5, stop);
	db_bind_int(st, 6, (int)slot);
	db_bind_text(db, st, 7, room);
	db_bind_text(db, st, 8, room_en);
	db_bind_text(db, st, 9, topics);
	db_bind_text(db, st, 10, topics_en);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}
