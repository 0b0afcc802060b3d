/* Leaders' visits: plan, list, cancel, announce.  A visit is one dated
 * reception of a leader away from the center; its slots are spelled out
 * and booked by the roster (roster_slots.c reads visits beside the
 * schedules), so the booking rules are the reception days' own. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db_internal.h"
#include "refdata_internal.h"
#include "roster/roster_internal.h"
#include "visit_internal.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "jrc/text.h"

#define VISIT_COLS "v.id, v.day, v.start_min, v.end_min, v.slot_minutes, v.township," \
	" coalesce(v.village, ''), t.name_zh, t.name_en, coalesce(g.name_zh, ''),"     \
	" coalesce(g.name_en, ''), v.place, v.place_en, v.topics, v.accompany,"          \
	" v.created_at, v.created_by, coalesce(v.cancelled_at, ''),"                     \
	" coalesce(v.cancelled_by, ''), coalesce(v.cancel_reason, ''), " ROSTER_HOST_COLS
#define VISIT_FROM " FROM visits v JOIN hosts h ON h.id = v.host" \
	" JOIN divisions t ON t.code = v.township LEFT JOIN divisions g ON g.code = v.village"

static void fill(db_stmt *st, jrc_visit *v)
{
	char day[16];

	memset(v, 0, sizeof(*v));
	v->id = db_col_int64(st, 0);
	db_col_copy(st, 1, day, sizeof(day));
	date_parse(day, &v->day);
	v->start_min = db_col_int(st, 2);
	v->end_min = db_col_int(st, 3);
	v->slot_minutes = db_col_int(st, 4);
	db_col_copy(st, 5, v->township, sizeof(v->township));
	db_col_copy(st, 6, v->village, sizeof(v->village));
	db_col_copy(st, 7, v->township_zh, sizeof(v->township_zh));
	db_col_copy(st, 8, v->township_en, sizeof(v->township_en));
	db_col_copy(st, 9, v->village_zh, sizeof(v->village_zh));
	db_col_copy(st, 10, v->village_en, sizeof(v->village_en));
	db_col_copy(st, 11, v->place, sizeof(v->place));
	db_col_copy(st, 12, v->place_en, sizeof(v->place_en));
	db_col_copy(st, 13, v->topics, sizeof(v->topics));
	db_col_copy(st, 14, v->accompany, sizeof(v->accompany));
	db_col_copy(st, 15, v->created_at, sizeof(v->created_at));
	db_col_copy(st, 16, v->created_by, sizeof(v->created_by));
	db_col_copy(st, 17, v->cancelled_at, sizeof(v->cancelled_at));
	db_col_copy(st, 18, v->cancelled_by, sizeof(v->cancelled_by));
	db_col_copy(st, 19, v->cancel_reason, sizeof(v->cancel_reason));
	roster_fill_host(st, 20, &v->host);
}

/* Rows of st into a growing array of visits; finalizes st. */
static jrc_status collect(jrc_db *db, db_stmt *st, jrc_visit **out, size_t *n,
			  jrc_err *err)
{
	jrc_visit *v = NULL;
	size_t cap = 0, m = 0;
	int rc;

	while ((rc = db_step(db, st)) == DB_ROW) {
		if (m == cap) {
			jrc_visit *nv = realloc(v, (cap = cap ? cap * 2 : 8) * sizeof(*v));

			if (!nv) {
				free(v);
				db_finalize(st);
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			v = nv;
		}
		fill(st, &v[m++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(v);
		return db_fail(db, rc, err);
	}
	*out = v;
	*n = m;
	return JRC_OK;
}

jrc_status visit_get(jrc_db *db, int64_t id, jrc_visit *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT " VISIT_COLS VISIT_FROM " WHERE v.id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill(st, out);
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "visit",
			   _("There is no visit number %" PRId64 ": see the list that 'jrc visit list' shows."),
			   id);
}

jrc_status visit_list(jrc_db *db, const char *from, int cancelled, jrc_visit **out, size_t *n,
		      jrc_err *err)
{
	db_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " VISIT_COLS VISIT_FROM
			    " WHERE (?1 IS NULL OR v.day >= ?1) AND (?2 <> 0 OR v.cancelled_at IS NULL)"
			    " ORDER BY v.day, v.start_min, v.id", &st, err)))
		return s;
	db_bind_text(db, st, 1, from);
	db_bind_int(st, 2, cancelled);
	return collect(db, st, out, n, err);
}

jrc_status visit_announced(jrc_db *db, const char *site_division, jrc_visit **out, size_t *n,
			   jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_date today = clock_local_date(clock_now());
	char a[11], b[11];

	*out = NULL;
	*n = 0;
	date_format(today, a);
	date_format(date_add_days(today, JRC_VISIT_AHEAD_DAYS), b);
	/* The site's township: itself, or a village's parent; a county site
	 * (or one not in the list) has none and announces every visit. */
	if ((s = db_prepare(db, "WITH site(tw) AS (SELECT CASE d.level WHEN 'township' THEN d.code"
			    "   WHEN 'village' THEN d.parent END FROM divisions d WHERE d.code = ?1)"
			    " SELECT " VISIT_COLS VISIT_FROM
			    " WHERE v.cancelled_at IS NULL AND v.day >= ?2 AND v.day < ?3"
			    " AND (NOT EXISTS (SELECT 1 FROM site WHERE tw IS NOT NULL)"
			    "      OR v.township = (SELECT tw FROM site))"
			    " ORDER BY v.day, v.start_min, v.id", &st, err)))
		return s;
	db_bind_text(db, st, 1, site_division ? site_division : "");
	db_bind_text(db, st, 2, a);
	db_bind_text(db, st, 3, b);
	return collect(db, st, out, n, err);
}

void visit_hours(const jrc_visit *v, char out[16])
{
	snprintf(out, 16, "%02d:%02d-%02d:%02d", (v->start_min / 60) % 100, v->start_min % 60,
		 (v->end_min / 60) % 100, v->end_min % 60);
}

void visit_announcement(const jrc_visit *v, char *out, size_t size)
{
	char hours[16], where[160];
	int zh = i18n_get() == JRC_LANG_ZH;

	visit_hours(v, hours);
	if (*v->village)
		snprintf(where, sizeof(where), zh ? "%s%s" : "%2$s, %1$s",
			 i18n_pick(v->township_zh, v->township_en),
			 i18n_pick(v->village_zh, v->village_en));
	else
		snprintf(where, sizeof(where), "%s", i18n_pick(v->township_zh, v->township_en));
	/* TRANSLATORS: month, day, hours, leader, title, township/village, place */
	snprintf(out, size, _("%d/%d %s: %s (%s) receives citizens in %s, at %s"), v->day.m,
		 v->day.d, hours, i18n_pick(v->host.name, v->host.name_en),
		 i18n_pick(v->host.title, v->host.title_en), where,
		 i18n_pick(v->place, *v->place_en ? v->place_en : v->place));
}

void visit_topic_names(jrc_db *db, const jrc_visit *v, char *out, size_t size)
{
	db_stmt *st;
	int zh = i18n_get() == JRC_LANG_ZH;

	*out = '\0';
	if (db_prepare(db, "SELECT group_concat(CASE ?2 WHEN 1 THEN name_zh ELSE name_en END, ?3)"
		       " FROM (SELECT name_zh, name_en FROM categories"
		       " WHERE instr(' ' || ?1 || ' ', ' ' || code || ' ') > 0 ORDER BY sort)",
		       &st, NULL) != JRC_OK)
		return;
	db_bind_text(db, st, 1, v->topics);
	db_bind_int(st, 2, zh);
	db_bind_text(db, st, 3, zh ? "、" : ", ");
	if (db_step(db, st) == DB_ROW)
		db_col_copy(st, 0, out, size);
	db_finalize(st);
}

/* ---------------------------------------------------------------- adding */

/* "09:30" -> 570; -1 if it is not a time. */
static int hhmm(const char *s)
{
	int h, m;
	char tail;

	if (!s || strlen(s) != 5 || sscanf(s, "%2d:%2d%c", &h, &m, &tail) != 2 || s[2] != ':' ||
	    h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m))
		return -1;
	return h * 60 + m;
}

/* A sanitized text of at most max characters into out; required: not empty. */
static jrc_status text_in(const char *v, const char *field, const char *what, size_t max,
			  int required, char *out, size_t size, jrc_err *err)
{
	char *t = text_sanitize(v ? v : "", 0);

	if (!t)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if (required && !*t) {
		free(t);
		return jrc_err_set(err, JRC_E_INVALID, field, _("Say %s: it is needed."), what);
	}
	if (text_utf8_count(t) > max || strlen(t) >= size) {
		free(t);
		return jrc_err_set(err, JRC_E_INVALID, field,
				   _("%s is longer than %zu characters: shorten it."), what, max);
	}
	snprintf(out, size, "%s", t);
	free(t);
	return JRC_OK;
}

/* Category codes separated by ';', ',' or blanks -> "LAB SOC", each known. */
static jrc_status topics_in(jrc_db *db, const char *v, char *out, size_t size, jrc_err *err)
{
	char buf[256], *save = NULL;

	*out = '\0';
	snprintf(buf, sizeof(buf), "%s", v ? v : "");
	for (char *t = strtok_r(buf, ";, \t", &save); t; t = strtok_r(NULL, ";, \t", &save)) {
		jrc_category c;

		if (refdata_category(db, t, &c, NULL) != JRC_OK)
			return jrc_err_set(err, JRC_E_INVALID, "topics",
					   _("'%s' is not a category code: see 'jrc categories'."), t);
		if (strlen(out) + strlen(c.code) + 2 > size)
			return jrc_err_set(err, JRC_E_INVALID, "topics",
					   _("Too many topics: name at most six categories."));
		if (*out)
			strcat(out, " ");
		strcat(out, c.code);
	}
	return JRC_OK;
}

/* The township and village of a division code that is one of them. */
static jrc_status place_in(jrc_db *db, const char *code, char township[16], char village[16],
			   jrc_err *err)
{
	jrc_division d;

	*township = *village = '\0';
	if (!code || !*code)
		return jrc_err_set(err, JRC_E_INVALID, "division",
				   _("Say where the visit goes: give the code of a township or a village ('jrc divisions')."));
	if (refdata_division(db, code, &d, NULL) != JRC_OK || strcmp(d.level, "county") == 0)
		return jrc_err_set(err, JRC_E_INVALID, "division",
				   _("'%s' is not the code of a township or a village: see 'jrc divisions'."),
				   code);
	if (strcmp(d.level, "village") == 0) {
		snprintf(village, 16, "%s", d.code);
		snprintf(township, 16, "%s", d.parent);
	} else {
		snprintf(township, 16, "%s", d.code);
	}
	return JRC_OK;
}

/* Another standing visit of the same leader that overlaps; its id or 0. */
static int64_t overlapping(jrc_db *db, const char *host, const char *day, int start, int end)
{
	db_stmt *st;
	int64_t id = 0;

	if (db_prepare(db, "SELECT id FROM visits WHERE host = ? AND day = ? AND cancelled_at IS NULL"
		       " AND start_min < ? AND end_min > ? LIMIT 1", &st, NULL) != JRC_OK)
		return 0;
	db_bind_text(db, st, 1, host);
	db_bind_text(db, st, 2, day);
	db_bind_int(st, 3, end);
	db_bind_int(st, 4, start);
	if (db_step(db, st) == DB_ROW)
		id = db_col_int64(st, 0);
	db_finalize(st);
	return id;
}

static jrc_status next_id(jrc_db *db, int64_t *id, jrc_err *err)
{
	return db_int64_of(db, "SELECT coalesce(max(id), 0) + 1 FROM visits", id, err);
}

jrc_status visit_event(jrc_db *db, int64_t id, const char *actor, const char *note,
		       jrc_err *err)
{
	jrc_event_in ev = { 0 };

	ev.actor = actor;
	ev.kind = "visit";
	ev.note = note;
	ev.cover[0] = (jrc_cover){ "visits", id, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

jrc_status visit_add_in_tx(jrc_db *db, const jrc_visit_in *in, int64_t id, int64_t *out_id,
			   jrc_err *err)
{
	jrc_host h;
	jrc_date day;
	char date[11], township[16], village[16], now[32], note[160];
	char place[JRC_U8(JRC_VISIT_PLACE_MAX)], place_en[JRC_U8(JRC_VISIT_PLACE_MAX)];
	char topics[64], accompany[JRC_U8(JRC_VISIT_ACCOMPANY_MAX)];
	int start, end;
	long slot = 30;
	int64_t other;
	db_stmt *st;
	jrc_status s;
	int rc;

	if (!in->host || !*in->host)
		return jrc_err_set(err, JRC_E_INVALID, "host",
				   _("Say which leader visits: give the leader's number from 'jrc helpers --kind leader'."));
	if (roster_host(db, in->host, &h, NULL) != JRC_OK || strcmp(h.kind, "leader") != 0)
		return jrc_err_set(err, JRC_E_INVALID, "host",
				   _("'%s' is not a leader in the roster: see 'jrc helpers --kind leader'."),
				   in->host);
	if (!in->date || date_parse(in->date, &day) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("The date must be a real date written YYYY-MM-DD, such as 2026-12-10."));
	if (date_cmp(day, clock_local_date(clock_now())) < 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("The date %s has passed: plan a visit for today or later."), in->date);
	date_format(day, date);
	if ((start = hhmm(in->start)) < 0 || start >= 1440 || (end = hhmm(in->end)) < 0)
		return jrc_err_set(err, JRC_E_INVALID, "time",
				   _("Give the start and end as times written HH:MM, such as 09:00 and 11:30."));
	if (end <= start)
		return jrc_err_set(err, JRC_E_INVALID, "time",
				   _("The end %s must be later than the start %s."), in->end, in->start);
	if (in->slot && *in->slot) {
		char *e;

		slot = strtol(in->slot, &e, 10);
		if (*e || slot < JRC_SLOT_MIN_MINUTES || slot > JRC_SLOT_MAX_MINUTES)
			return jrc_err_set(err, JRC_E_INVALID, "slot",
					   _("The minutes per citizen must be a number from %d to %d."),
					   JRC_SLOT_MIN_MINUTES, JRC_SLOT_MAX_MINUTES);
	}
	if (slot > end - start)
		return jrc_err_set(err, JRC_E_INVALID, "slot",
				   _("A slot of %ld minutes does not fit between %s and %s: give a shorter slot or a longer visit."),
				   slot, in->start, in->end);
	if ((s = place_in(db, in->division, township, village, err)) ||
	    (s = text_in(in->place, "place", _("the place where the leader receives"),
			 JRC_VISIT_PLACE_MAX, 1, place, sizeof(place), err)) ||
	    (s = text_in(in->place_en, "place_en", _("the place in English"), JRC_VISIT_PLACE_MAX,
			 0, place_en, sizeof(place_en), err)) ||
	    (s = text_in(in->accompany, "accompany", _("who accompanies"),
			 JRC_VISIT_ACCOMPANY_MAX, 0, accompany, sizeof(accompany), err)) ||
	    (s = topics_in(db, in->topics, topics, sizeof(topics), err)))
		return s;
	if ((other = overlapping(db, h.id, date, start, end)))
		return jrc_err_set(err, JRC_E_INVALID, "time",
				   _("%s already visits elsewhere at that time (visit %" PRId64 "): choose another time, or cancel that visit first."),
				   i18n_pick(h.name, h.name_en), other);
	/* Nor at a reception day at the center then. */
	{
		jrc_session *se;
		size_t ns;
		jrc_time a = roster_local_time(day, start), b = roster_local_time(day, end);

		if ((s = roster_sessions(db, h.id, NULL, day, 1, &se, &ns, err)))
			return s;
		for (size_t i = 0; i < ns; i++)
			if (!se[i].visit && se[i].start < b && se[i].end > a) {
				char hours[32];

				snprintf(hours, sizeof(hours), "%02d:%02d-%02d:%02d",
					 (int)((se[i].start - clock_local_midnight(day)) / 3600),
					 (int)((se[i].start - clock_local_midnight(day)) / 60 % 60),
					 (int)((se[i].end - clock_local_midnight(day)) / 3600),
					 (int)((se[i].end - clock_local_midnight(day)) / 60 % 60));
				free(se);
				return jrc_err_set(err, JRC_E_INVALID, "time",
						   _("%s receives at the center that day (%s): choose a time outside it, or another day."),
						   i18n_pick(h.name, h.name_en), hours);
			}
		free(se);
	}
	if (!id && (s = next_id(db, &id, err)))
		return s;
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "INSERT INTO visits(id, host, day, start_min, end_min, slot_minutes,"
			    " township, village, place, place_en, topics, accompany, created_at,"
			    " created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	db_bind_text(db, st, 2, h.id);
	db_bind_text(db, st, 3, date);
	db_bind_int(st, 4, start);
	db_bind_int(st, 5, end);
	db_bind_int(st, 6, (int)slot);
	db_bind_text(db, st, 7, township);
	db_bind_text(db, st, 8, *village ? village : NULL);
	db_bind_text(db, st, 9, place);
	db_bind_text(db, st, 10, place_en);
	db_bind_text(db, st, 11, topics);
	db_bind_text(db, st, 12, accompany);
	db_bind_text(db, st, 13, now);
	db_bind_text(db, st, 14, in->actor ? in->actor : "cli");
	rc = db_step(db, st);
	db_finalize(st);
	if (rc == DB_CONSTRAINT_PRIMARYKEY)
		return jrc_err_set(err, JRC_E_INVALID, "id",
				   _("There is already a visit number %" PRId64 ": give another number."), id);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	snprintf(note, sizeof(note), "planned %s %s %s", h.id, date, *village ? village : township);
	if ((s = visit_event(db, id, in->actor ? in->actor : "cli", note, err)))
		return s;
	if (out_id)
		*out_id = id;
	return JRC_OK;
}

jrc_status visit_add(jrc_db *db, const jrc_visit_in *in, int64_t id, int64_t *out_id,
		     jrc_err *err)
{
	jrc_status s;

	if ((s = db_begin(db, err)))
		return s;
	if ((s = visit_add_in_tx(db, in, id, out_id, err))) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

/* A row of visits.csv: a visit not yet recorded is added; one already
 * recorded (by its id) must say the same, as a plan once made is kept. */
jrc_status visit_import_row(jrc_db *db, char **v, long sort, jrc_err *err)
{
	jrc_visit_in in = { 0 };
	char *end;
	long long id = strtoll(v[0], &end, 10);
	jrc_visit old;

	(void)sort;
	if (!*v[0] || *end || id <= 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("id '%s' must be a whole number from 1"), v[0]);
	in.host = v[1];
	in.date = v[2];
	in.start = v[3];
	in.end = v[4];
	in.division = v[5];
	in.place = v[6];
	in.slot = v[7];
	in.topics = v[8];
	in.accompany = v[9];
	in.place_en = v[10];
	in.actor = "import";
	if (visit_get(db, (int64_t)id, &old, NULL) == JRC_OK) {
		char date[11];

		date_format(old.day, date);
		if (strcasecmp(old.host.id, v[1]) != 0 || strcmp(date, v[2]) != 0 ||
		    hhmm(v[3]) != old.start_min || hhmm(v[4]) != old.end_min ||
		    strcmp(old.place, v[6]) != 0 ||
		    strcmp(*old.village ? old.village : old.township, v[5]) != 0)
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("visit %lld is already planned differently (%s %s): a plan once made is kept; cancel it with 'jrc visit cancel' and give the new one another id"),
					   id, old.host.id, date);
		return JRC_OK;
	}
	return visit_add_in_tx(db, &in, (int64_t)id, NULL, err);
}

/* ---------------------------------------------------------------- cancel */

jrc_status visit_cancel(jrc_db *db, int64_t id, const char *reason, const char *actor,
			long *bookings, jrc_err *err)
{
	jrc_visit v;
	char why[JRC_U8(JRC_VISIT_REASON_MAX)], now[32], day[11], from[32], to[32];
	db_stmt *st;
	jrc_status s;
	int64_t *cases = NULL;
	size_t ncases = 0, cap = 0;
	int rc;

	if (bookings)
		*bookings = 0;
	if ((s = text_in(reason, "reason", _("why the visit is cancelled"), JRC_VISIT_REASON_MAX, 1,
			 why, sizeof(why), err)))
		return s;
	if ((s = db_begin(db, err)))
		return s;
	if ((s = visit_get(db, id, &v, err)))
		goto fail;
	if (*v.cancelled_at) {
		s = jrc_err_set(err, JRC_E_REFUSED, "visit",
				_("Visit %" PRId64 " was already cancelled on %.10s."), id, v.cancelled_at);
		goto fail;
	}
	if (roster_local_time(v.day, v.start_min) <= clock_now()) {
		date_format(v.day, day);
		s = jrc_err_set(err, JRC_E_REFUSED, "visit",
				_("Visit %" PRId64 " began on %s: a visit under way or held cannot be cancelled."),
				id, day);
		goto fail;
	}
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "UPDATE visits SET cancelled_at = ?, cancelled_by = ?,"
			    " cancel_reason = ? WHERE id = ?", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, now);
	db_bind_text(db, st, 2, actor);
	db_bind_text(db, st, 3, why);
	db_bind_int64(st, 4, id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if ((s = visit_event(db, id, actor, "cancelled", err)))
		goto fail;
	/* The bookings at the visit go with it, each by the roster's own
	 * cancellation (its event and all). */
	clock_format_utc(roster_local_time(v.day, v.start_min), from);
	clock_format_utc(roster_local_time(v.day, v.end_min), to);
	if ((s = db_prepare(db, "SELECT case_id FROM bookings WHERE host = ? AND cancelled_at IS NULL"
			    " AND slot_start >= ? AND slot_start < ?", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, v.host.id);
	db_bind_text(db, st, 2, from);
	db_bind_text(db, st, 3, to);
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (ncases == cap) {
			int64_t *nc = realloc(cases, (cap = cap ? cap * 2 : 8) * sizeof(*cases));

			if (!nc) {
				rc = DB_NOMEM;
				break;
			}
			cases = nc;
		}
		cases[ncases++] = db_col_int64(st, 0);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		s = rc == DB_NOMEM ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
		goto fail;
	}
	for (size_t i = 0; i < ncases; i++)
		if ((s = roster_unbook_in_tx(db, cases[i], actor, err)))
			goto fail;
	free(cases);
	if (bookings)
		*bookings = (long)ncases;
	return db_commit(db, err);
fail:
	free(cases);
	db_rollback(db);
	return s;
}
