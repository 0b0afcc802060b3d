/* Opinion surveys: questions with numbered answers, run at the kiosks of
 * some townships (or all) between two days; the answers, and the one
 * question on today's service after a filing, are kept anonymous: the day
 * and the township, no session, no case, no time of day.  They wait in
 * survey_pending until the seal puts them into the record in random
 * order, each with an event dated only by its day. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "refdata_internal.h"
#include "jrc/audit.h"
#include "jrc/date.h"
#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/survey.h"
#include "jrc/text.h"

static const char *const ratings[] = { "satisfied", "basic", "unsatisfied" };

/* ';'-separated parts of s into out[] (each at most size bytes); their
 * number, or -1 if one is empty or too long or there are too many. */
static int split(const char *s, char sep, char out[][161], int max, size_t size)
{
	int n = 0;

	while (s) {
		const char *e = strchr(s, sep);
		size_t len = e ? (size_t)(e - s) : strlen(s);

		while (len && *s == ' ')
			s++, len--;
		while (len && s[len - 1] == ' ')
			len--;
		if (n >= max || !len || len >= size)
			return -1;
		memcpy(out[n], s, len);
		out[n][len] = '\0';
		n++;
		s = e ? e + 1 : NULL;
	}
	return n;
}

/* "问题|Question|答案1;答案2|Answer 1;Answer 2" into q. */
static jrc_status parse_question(const char *spec, int k, jrc_survey_question *q, jrc_err *err)
{
	char part[4][1600];
	char zh[JRC_SURVEY_ANSWERS][161], en[JRC_SURVEY_ANSWERS][161];
	int n, nz, ne;
	char *clean = text_sanitize(spec ? spec : "", 0);

	if (!clean)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	n = 0;
	{
		const char *s = clean;

		while (s && n < 4) {
			const char *e = strchr(s, '|');
			size_t len = e ? (size_t)(e - s) : strlen(s);

			if (len >= sizeof(part[0]))
				len = sizeof(part[0]) - 1;
			memcpy(part[n], s, len);
			part[n][len] = '\0';
			n++;
			s = e ? e + 1 : NULL;
			if (s && n == 4)
				n = 5;
		}
	}
	free(clean);
	if (n != 4 || !*part[0] || !*part[1])
		return jrc_err_set(err, JRC_E_INVALID, "question",
				   _("Question %d must be written \"问题|Question|答案1;答案2|Answer 1;Answer 2\": four parts between '|'."),
				   k);
	if (text_utf8_count(part[0]) > JRC_SURVEY_TEXT_MAX || text_utf8_count(part[1]) > JRC_SURVEY_TEXT_MAX ||
	    strlen(part[0]) >= sizeof(q->text_zh) || strlen(part[1]) >= sizeof(q->text_en))
		return jrc_err_set(err, JRC_E_INVALID, "question",
				   _("Question %d is longer than %d characters: shorten it."), k,
				   JRC_SURVEY_TEXT_MAX);
	nz = split(part[2], ';', zh, JRC_SURVEY_ANSWERS, 121);
	ne = split(part[3], ';', en, JRC_SURVEY_ANSWERS, 161);
	if (nz < 2 || ne < 2)
		return jrc_err_set(err, JRC_E_INVALID, "question",
				   _("Question %d needs 2 to %d answers in each language, separated by ';', none empty or longer than 40 characters."),
				   k, JRC_SURVEY_ANSWERS);
	if (nz != ne)
		return jrc_err_set(err, JRC_E_INVALID, "question",
				   _("Question %d has %d answers in Chinese but %d in English: give each answer in both."),
				   k, nz, ne);
	memset(q, 0, sizeof(*q));
	/* At most JRC_SURVEY_TEXT_MAX characters of UTF-8: they fit. */
	memcpy(q->text_zh, part[0], strlen(part[0]) + 1);
	memcpy(q->text_en, part[1], strlen(part[1]) + 1);
	q->nanswers = nz;
	for (int i = 0; i < nz; i++) {
		snprintf(q->answer_zh[i], sizeof(q->answer_zh[i]), "%s", zh[i]);
		snprintf(q->answer_en[i], sizeof(q->answer_en[i]), "%s", en[i]);
	}
	return JRC_OK;
}

/* The event that vouches for question n of survey sid, as written: a
 * question reworded behind the program's back is named by verify. */
static jrc_status question_event(jrc_db *db, const char *actor, int64_t sid, int n, jrc_err *err)
{
	jrc_event_in ev = { 0 };
	char key[48];

	snprintf(key, sizeof(key), "%" PRId64 ".%d", sid, n);
	ev.actor = actor;
	ev.kind = "survey_question";
	ev.note = key;
	ev.cover[0] = (jrc_cover){ "survey_questions", 0, key };
	return audit_append(db, &ev, NULL, NULL, err);
}

/* Township codes separated by ';', ',' or blanks -> "330726100 330726101". */
static jrc_status sites_in(jrc_db *db, const char *v, char *out, size_t size, jrc_err *err)
{
	char buf[256], *save = NULL;

	*out = '\0';
	snprintf(buf, sizeof(buf), "%s", v ? v : "");
	for (char *t = strtok_r(buf, ";, \t", &save); t; t = strtok_r(NULL, ";, \t", &save)) {
		jrc_division d;

		if (refdata_division(db, t, &d, NULL) != JRC_OK || strcmp(d.level, "village") == 0)
			return jrc_err_set(err, JRC_E_INVALID, "sites",
					   _("'%s' is not the code of the county or a township: see 'jrc divisions'."), t);
		if (strlen(out) + strlen(d.code) + 2 > size)
			return jrc_err_set(err, JRC_E_INVALID, "sites",
					   _("Too many sites: leave --sites out to run the survey everywhere."));
		if (*out)
			strcat(out, " ");
		strcat(out, d.code);
	}
	return JRC_OK;
}

jrc_status survey_add(jrc_db *db, const char *title_zh, const char *title_en,
		      const char *from, const char *to, const char *sites,
		      const char *const *questions, int nquestions, const char *actor,
		      int64_t *id, jrc_err *err)
{
	jrc_survey_question *q;
	jrc_date a, b;
	char site_list[160], now[32], tz[JRC_SURVEY_TEXT_MAX * 4 + 1], te[JRC_SURVEY_TEXT_MAX * 4 + 1];
	db_stmt *st;
	jrc_status s;
	int64_t sid;
	int rc;

	if (!title_zh || !*title_zh || !title_en || !*title_en ||
	    text_utf8_count(title_zh) > JRC_SURVEY_TEXT_MAX || text_utf8_count(title_en) > JRC_SURVEY_TEXT_MAX)
		return jrc_err_set(err, JRC_E_INVALID, "title",
				   _("Give the survey a title in Chinese and in English, each at most %d characters."),
				   JRC_SURVEY_TEXT_MAX);
	if (!from || !to || date_parse(from, &a) != 0 || date_parse(to, &b) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("Give the first and last day of the survey as dates written YYYY-MM-DD."));
	if (date_cmp(b, a) < 0 || date_cmp(b, clock_local_date(clock_now())) < 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("The last day must be today or later, and not before the first day."));
	if (nquestions < 1 || nquestions > JRC_SURVEY_QUESTIONS)
		return jrc_err_set(err, JRC_E_INVALID, "question",
				   _("A survey has 1 to %d questions."), JRC_SURVEY_QUESTIONS);
	if (!(q = calloc((size_t)nquestions, sizeof(*q))))
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	for (int i = 0; i < nquestions; i++)
		if ((s = parse_question(questions[i], i + 1, &q[i], err))) {
			free(q);
			return s;
		}
	snprintf(tz, sizeof(tz), "%s", title_zh);
	snprintf(te, sizeof(te), "%s", title_en);
	if ((s = sites_in(db, sites, site_list, sizeof(site_list), err)) || (s = db_begin(db, err))) {
		free(q);
		return s;
	}
	clock_format_utc(clock_now(), now);
	s = db_prepare(db, "INSERT INTO surveys(title_zh, title_en, sites, start_day, end_day,"
		       " created_at, created_by) VALUES (?,?,?,?,?,?,?)", &st, err);
	if (s == JRC_OK) {
		char da[11], db_[11];

		date_format(a, da);
		date_format(b, db_);
		db_bind_text(db, st, 1, tz);
		db_bind_text(db, st, 2, te);
		db_bind_text(db, st, 3, site_list);
		db_bind_text(db, st, 4, da);
		db_bind_text(db, st, 5, db_);
		db_bind_text(db, st, 6, now);
		db_bind_text(db, st, 7, actor ? actor : "cli");
		rc = db_step(db, st);
		db_finalize(st);
		s = rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
	}
	sid = db_last_id(db);
	for (int i = 0; s == JRC_OK && i < nquestions; i++) {
		char az[JRC_SURVEY_ANSWERS * 122], ae[JRC_SURVEY_ANSWERS * 162];

		*az = *ae = '\0';
		for (int k = 0; k < q[i].nanswers; k++) {
			snprintf(az + strlen(az), sizeof(az) - strlen(az), "%s%s", k ? ";" : "", q[i].answer_zh[k]);
			snprintf(ae + strlen(ae), sizeof(ae) - strlen(ae), "%s%s", k ? ";" : "", q[i].answer_en[k]);
		}
		if ((s = db_prepare(db, "INSERT INTO survey_questions(survey_id, n, text_zh, text_en,"
				    " answers_zh, answers_en) VALUES (?,?,?,?,?,?)", &st, err)))
			break;
		db_bind_int64(st, 1, sid);
		db_bind_int(st, 2, i + 1);
		db_bind_text(db, st, 3, q[i].text_zh);
		db_bind_text(db, st, 4, q[i].text_en);
		db_bind_text(db, st, 5, az);
		db_bind_text(db, st, 6, ae);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc != DB_DONE)
			s = db_fail(db, rc, err);
		else
			s = question_event(db, actor ? actor : "cli", sid, i + 1, err);
	}
	free(q);
	if (s == JRC_OK) {
		jrc_event_in ev = { 0 };
		char note[64];

		snprintf(note, sizeof(note), "survey %" PRId64 " made", sid);
		ev.actor = actor ? actor : "cli";
		ev.kind = "survey";
		ev.note = note;
		ev.cover[0] = (jrc_cover){ "surveys", sid, NULL };
		s = audit_append(db, &ev, NULL, NULL, err);
	}
	if (s) {
		db_rollback(db);
		return s;
	}
	if (id)
		*id = sid;
	return db_commit(db, err);
}

/* A row of surveys.csv: one question of survey `id` (rows of one survey
 * in the order of its questions).  A survey not yet recorded is made by
 * its first row; a question already there is kept as it is; a new one is
 * added only while the survey has no answers. */
jrc_status survey_import_row(jrc_db *db, char **v, long sort, jrc_err *err)
{
	char *end, spec[2048], sites[160], now[32], az[1200], ae[1600];
	long long id = strtoll(v[0], &end, 10);
	jrc_survey_question q;
	jrc_date a, b;
	db_stmt *st;
	jrc_status s;
	int rc, n = 0, have = 0, same = 0, answered = 0;

	(void)sort;
	if (!*v[0] || *end || id <= 0)
		return jrc_err_set(err, JRC_E_DATA, NULL, _("id '%s' must be a whole number from 1"), v[0]);
	if (!*v[1] || !*v[2])
		return jrc_err_set(err, JRC_E_DATA, NULL, _("give the title in Chinese and in English"));
	if (date_parse(v[3], &a) != 0 || date_parse(v[4], &b) != 0 || date_cmp(b, a) < 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("from '%s' and to '%s' must be dates written YYYY-MM-DD, to not before from"),
				   v[3], v[4]);
	snprintf(spec, sizeof(spec), "%s|%s|%s|%s", v[6], v[7], v[8], v[9]);
	if ((s = parse_question(spec, 1, &q, err)) ||
	    (s = sites_in(db, v[5], sites, sizeof(sites), err)))
		return s;
	if ((s = db_prepare(db, "SELECT (SELECT count(*) FROM survey_questions WHERE survey_id = ?1),"
			    " (SELECT count(*) FROM survey_questions WHERE survey_id = ?1 AND text_zh = ?2),"
			    " (SELECT count(*) FROM survey_answers WHERE survey_id = ?1)"
			    "  + (SELECT count(*) FROM survey_pending WHERE survey_id = ?1),"
			    " EXISTS (SELECT 1 FROM surveys WHERE id = ?1)", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	db_bind_text(db, st, 2, q.text_zh);
	if ((rc = db_step(db, st)) == DB_ROW) {
		n = db_col_int(st, 0);
		same = db_col_int(st, 1);
		answered = db_col_int(st, 2);
		have = db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	if (same)
		return JRC_OK;               /* imported before: kept as it is */
	if (answered)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("survey %lld already has answers: its questions are kept as they are; make a new survey with another id"),
				   id);
	if (n >= JRC_SURVEY_QUESTIONS)
		return jrc_err_set(err, JRC_E_DATA, NULL, _("a survey has at most %d questions"),
				   JRC_SURVEY_QUESTIONS);
	clock_format_utc(clock_now(), now);
	if (!have) {
		jrc_event_in ev = { 0 };

		if ((s = db_prepare(db, "INSERT INTO surveys(id, title_zh, title_en, sites, start_day,"
				    " end_day, created_at, created_by) VALUES (?,?,?,?,?,?,?,'import')",
				    &st, err)))
			return s;
		db_bind_int64(st, 1, id);
		db_bind_text(db, st, 2, v[1]);
		db_bind_text(db, st, 3, v[2]);
		db_bind_text(db, st, 4, sites);
		db_bind_text(db, st, 5, v[3]);
		db_bind_text(db, st, 6, v[4]);
		db_bind_text(db, st, 7, now);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc != DB_DONE)
			return db_fail(db, rc, err);
		ev.actor = "import";
		ev.kind = "survey";
		ev.note = "made";
		ev.cover[0] = (jrc_cover){ "surveys", (int64_t)id, NULL };
		if ((s = audit_append(db, &ev, NULL, NULL, err)))
			return s;
	}
	*az = *ae = '\0';
	for (int k = 0; k < q.nanswers; k++) {
		snprintf(az + strlen(az), sizeof(az) - strlen(az), "%s%s", k ? ";" : "", q.answer_zh[k]);
		snprintf(ae + strlen(ae), sizeof(ae) - strlen(ae), "%s%s", k ? ";" : "", q.answer_en[k]);
	}
	if ((s = db_prepare(db, "INSERT INTO survey_questions(survey_id, n, text_zh, text_en,"
			    " answers_zh, answers_en) VALUES (?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	db_bind_int(st, 2, n + 1);
	db_bind_text(db, st, 3, q.text_zh);
	db_bind_text(db, st, 4, q.text_en);
	db_bind_text(db, st, 5, az);
	db_bind_text(db, st, 6, ae);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return question_event(db, "import", (int64_t)id, n + 1, err);
}

/* Fill the questions of s from the table. */
static jrc_status load_questions(jrc_db *db, jrc_survey *sv, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT text_zh, text_en, answers_zh, answers_en FROM survey_questions"
			    " WHERE survey_id = ? ORDER BY n", &st, err)))
		return s;
	db_bind_int64(st, 1, sv->id);
	sv->nquestions = 0;
	while ((rc = db_step(db, st)) == DB_ROW && sv->nquestions < JRC_SURVEY_QUESTIONS) {
		jrc_survey_question *q = &sv->q[sv->nquestions++];
		char zh[JRC_SURVEY_ANSWERS][161], en[JRC_SURVEY_ANSWERS][161];
		const char *az = db_col_text(st, 2);
		const char *ae = db_col_text(st, 3);
		int nz, ne;

		memset(q, 0, sizeof(*q));
		db_col_copy(st, 0, q->text_zh, sizeof(q->text_zh));
		db_col_copy(st, 1, q->text_en, sizeof(q->text_en));
		nz = split(az ? az : "", ';', zh, JRC_SURVEY_ANSWERS, 121);
		ne = split(ae ? ae : "", ';', en, JRC_SURVEY_ANSWERS, 161);
		q->nanswers = nz < ne ? nz : ne;
		for (int i = 0; i < q->nanswers; i++) {
			snprintf(q->answer_zh[i], sizeof(q->answer_zh[i]), "%s", zh[i]);
			snprintf(q->answer_en[i], sizeof(q->answer_en[i]), "%s", en[i]);
		}
	}
	db_finalize(st);
	return rc == DB_DONE || rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

#define SURVEY_COLS "id, title_zh, title_en, sites, start_day, end_day, coalesce(closed_at, '')"

static void fill(db_stmt *st, jrc_survey *sv)
{
	memset(sv, 0, sizeof(*sv));
	sv->id = db_col_int64(st, 0);
	db_col_copy(st, 1, sv->title_zh, sizeof(sv->title_zh));
	db_col_copy(st, 2, sv->title_en, sizeof(sv->title_en));
	db_col_copy(st, 3, sv->sites, sizeof(sv->sites));
	db_col_copy(st, 4, sv->start_day, sizeof(sv->start_day));
	db_col_copy(st, 5, sv->end_day, sizeof(sv->end_day));
	db_col_copy(st, 6, sv->closed_at, sizeof(sv->closed_at));
}

jrc_status survey_get(jrc_db *db, int64_t id, jrc_survey *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT " SURVEY_COLS " FROM surveys WHERE id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill(st, out);
	db_finalize(st);
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "survey",
				   _("There is no survey number %" PRId64 ": see 'jrc survey list'."), id);
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	return load_questions(db, out, err);
}

jrc_status survey_list(jrc_db *db, jrc_survey **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " SURVEY_COLS " FROM surveys ORDER BY id DESC", &st, err)))
		return s;
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			jrc_survey *nv = realloc(*out, (cap = cap ? cap * 2 : 4) * sizeof(**out));

			if (!nv) {
				db_finalize(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			*out = nv;
		}
		fill(st, &(*out)[(*n)++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	for (size_t i = 0; i < *n; i++)
		if ((s = load_questions(db, &(*out)[i], err)))
			return s;
	return JRC_OK;
}

/* The township a site answers for: its own code, a village's parent, or
 * the county's code for the county center. */
static void site_township(jrc_db *db, const char *site, char out[16])
{
	jrc_division d;

	snprintf(out, 16, "%s", site && *site ? site : "330726");
	if (site && refdata_division(db, site, &d, NULL) == JRC_OK && strcmp(d.level, "village") == 0)
		snprintf(out, 16, "%s", d.parent);
}

jrc_status survey_active(jrc_db *db, const char *site_division, jrc_survey *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char today[11], tw[16];
	int rc;

	date_format(clock_local_date(clock_now()), today);
	site_township(db, site_division, tw);
	if ((s = db_prepare(db, "SELECT " SURVEY_COLS " FROM surveys WHERE closed_at IS NULL"
			    " AND start_day <= ?1 AND end_day >= ?1"
			    " AND (sites = '' OR instr(' ' || sites || ' ', ' ' || ?2 || ' ') > 0)"
			    " ORDER BY id LIMIT 1", &st, err)))
		return s;
	db_bind_text(db, st, 1, today);
	db_bind_text(db, st, 2, tw);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill(st, out);
	db_finalize(st);
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "survey", _("No survey runs here today."));
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	return load_questions(db, out, err);
}

static jrc_status pend(jrc_db *db, const char *kind, int64_t survey, const char *site,
		       const char *answers, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char today[11], tw[16];
	int rc;

	date_format(clock_local_date(clock_now()), today);
	site_township(db, site, tw);
	/* A random key: the order of rows says nothing of who came when. */
	if ((s = db_prepare(db, "INSERT INTO survey_pending(id, kind, survey_id, day, township, answers)"
			    " VALUES (abs(random() % 9007199254740991) + 1, ?, ?, ?, ?, ?)", &st, err)))
		return s;
	db_bind_text(db, st, 1, kind);
	if (survey)
		db_bind_int64(st, 2, survey);
	db_bind_text(db, st, 3, today);
	db_bind_text(db, st, 4, tw);
	db_bind_text(db, st, 5, answers);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status survey_answer(jrc_db *db, int64_t id, const char *site_division, const int *answers,
			 int n, jrc_err *err)
{
	jrc_survey sv;
	jrc_status s;
	char buf[64] = "", today[11];

	if ((s = survey_get(db, id, &sv, err)))
		return s;
	date_format(clock_local_date(clock_now()), today);
	if (*sv.closed_at || strcmp(today, sv.start_day) < 0 || strcmp(today, sv.end_day) > 0)
		return jrc_err_set(err, JRC_E_REFUSED, "survey",
				   _("This survey is not running today: the answers were not kept."));
	if (n != sv.nquestions)
		return jrc_err_set(err, JRC_E_INVALID, "answers",
				   _("Answer each of the %d questions."), sv.nquestions);
	for (int i = 0; i < n; i++) {
		if (answers[i] < 1 || answers[i] > sv.q[i].nanswers)
			return jrc_err_set(err, JRC_E_INVALID, "answers",
					   _("Question %d takes an answer from 1 to %d."), i + 1,
					   sv.q[i].nanswers);
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%d", i ? "," : "", answers[i]);
	}
	return pend(db, "survey", id, site_division, buf, err);
}

jrc_status survey_rate_service(jrc_db *db, const char *site_division, int rating, jrc_err *err)
{
	char buf[4];

	if (rating < 1 || rating > 3)
		return jrc_err_set(err, JRC_E_INVALID, "rating",
				   _("Rate today's service 1 (satisfied), 2 (basically satisfied) or 3 (not satisfied)."));
	snprintf(buf, sizeof(buf), "%d", rating);
	return pend(db, "service", 0, site_division, buf, err);
}

/* ---------------------------------------------------------------- seal */

static jrc_status seal_one(jrc_db *db, int64_t pid, const char *kind, int64_t survey,
			   const char *day, const char *tw, const char *answers, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_event_in ev = { 0 };
	jrc_date d;
	int service = strcmp(kind, "service") == 0;
	int64_t id;
	int rc;

	if (service && (answers[0] < '1' || answers[0] > '3'))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("A kept rating is not 1, 2 or 3: the database was changed behind the program's back."));
	/* The row's own id, RETURNING it: the id is no number the engine
	 * handed out, so neither engine's "last id" names it. */
	s = db_prepare(db, service ? "INSERT INTO service_ratings(id, day, township, rating)"
			   " VALUES (abs(random() % 9007199254740991) + 1, ?2, ?3, ?4) RETURNING id"
			   : "INSERT INTO survey_answers(id, survey_id, day, township, answers)"
			   " VALUES (abs(random() % 9007199254740991) + 1, ?1, ?2, ?3, ?4) RETURNING id",
			   &st, err);
	if (s)
		return s;
	if (!service)
		db_bind_int64(st, 1, survey);
	db_bind_text(db, st, 2, day);
	db_bind_text(db, st, 3, tw);
	db_bind_text(db, st, 4, service ? ratings[answers[0] - '1'] : answers);
	rc = db_step(db, st);
	id = rc == DB_ROW ? db_col_int64(st, 0) : 0;
	if (rc == DB_ROW)
		rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	ev.actor = "kiosk";
	ev.kind = service ? "service_rating" : "survey_answer";
	/* Dated by its day only, like the row. */
	ev.at = date_parse(day, &d) == 0 ? clock_local_midnight(d) : 0;
	ev.cover[0] = (jrc_cover){ service ? "service_ratings" : "survey_answers", id, NULL };
	if ((s = audit_append(db, &ev, NULL, NULL, err)))
		return s;
	if ((s = db_prepare(db, "DELETE FROM survey_pending WHERE id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, pid);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status survey_seal(jrc_db *db, const char *before, long *sealed, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	long n = 0;
	int rc;

	if (sealed)
		*sealed = 0;
	if ((s = db_begin(db, err)))
		return s;
	/* One at a time, in random order: the seal must not keep the order
	 * in which citizens answered. */
	for (;;) {
		int64_t pid, survey;
		char kind[16], day[11], tw[16], answers[64];

		if ((s = db_prepare(db, "SELECT id, kind, coalesce(survey_id, 0), day, township, answers"
				    " FROM survey_pending WHERE ?1 IS NULL OR day < ?1"
				    " ORDER BY random() LIMIT 1", &st, err)))
			break;
		db_bind_text(db, st, 1, before);
		rc = db_step(db, st);
		if (rc != DB_ROW) {
			db_finalize(st);
			s = rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
			break;
		}
		pid = db_col_int64(st, 0);
		db_col_copy(st, 1, kind, sizeof(kind));
		survey = db_col_int64(st, 2);
		db_col_copy(st, 3, day, sizeof(day));
		db_col_copy(st, 4, tw, sizeof(tw));
		db_col_copy(st, 5, answers, sizeof(answers));
		db_finalize(st);
		if ((s = seal_one(db, pid, kind, survey, day, tw, answers, err)))
			break;
		n++;
	}
	if (s) {
		db_rollback(db);
		return s;
	}
	if ((s = db_commit(db, err)))
		return s;
	if (sealed)
		*sealed = n;
	return JRC_OK;
}

jrc_status survey_close(jrc_db *db, int64_t id, const char *actor, jrc_err *err)
{
	jrc_survey sv;
	jrc_event_in ev = { 0 };
	db_stmt *st;
	jrc_status s;
	char now[32];
	int rc;

	if ((s = survey_get(db, id, &sv, err)))
		return s;
	if (*sv.closed_at)
		return jrc_err_set(err, JRC_E_REFUSED, "survey",
				   _("Survey %" PRId64 " is already closed."), id);
	if ((s = db_begin(db, err)))
		return s;
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "UPDATE surveys SET closed_at = ?, closed_by = ? WHERE id = ?", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, now);
	db_bind_text(db, st, 2, actor ? actor : "cli");
	db_bind_int64(st, 3, id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	ev.actor = actor ? actor : "cli";
	ev.kind = "survey";
	ev.note = "closed";
	ev.cover[0] = (jrc_cover){ "surveys", id, NULL };
	if ((s = audit_append(db, &ev, NULL, NULL, err)))
		goto fail;
	if ((s = db_commit(db, err)))
		return s;
	/* Its answers go into the record now, today's too. */
	return survey_seal(db, NULL, NULL, err);
fail:
	db_rollback(db);
	return s;
}

/* ---------------------------------------------------------------- results */

jrc_status survey_results(jrc_db *db, int64_t id, jrc_survey_count **out, size_t *n,
			  jrc_err *err)
{
	jrc_survey sv;
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = survey_get(db, id, &sv, err)))
		return s;
	/* Sealed and still pending answers both count. */
	if ((s = db_prepare(db, "SELECT township, answers FROM survey_answers WHERE survey_id = ?1"
			    " UNION ALL SELECT township, answers FROM survey_pending"
			    " WHERE kind = 'survey' AND survey_id = ?1 ORDER BY 1", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	/* The totals first (township ""), then the rows of each township. */
	if (!(*out = calloc((size_t)sv.nquestions, sizeof(**out)))) {
		db_finalize(st);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	cap = (size_t)sv.nquestions;
	*n = (size_t)sv.nquestions;
	for (int q = 0; q < sv.nquestions; q++)
		(*out)[q].question = q + 1;
	while ((rc = db_step(db, st)) == DB_ROW) {
		char tw[16];
		const char *a = db_col_text(st, 1);
		jrc_survey_count *row;
		size_t base;

		db_col_copy(st, 0, tw, sizeof(tw));
		/* The township's rows, made when it first shows (rows come
		 * ordered by township). */
		if (*n == (size_t)sv.nquestions || strcmp((*out)[*n - 1].township, tw) != 0) {
			if (*n + (size_t)sv.nquestions > cap) {
				jrc_survey_count *nv = realloc(*out, (cap = cap * 2 + (size_t)sv.nquestions) *
								   sizeof(**out));

				if (!nv) {
					rc = DB_NOMEM;
					break;
				}
				*out = nv;
			}
			for (int q = 0; q < sv.nquestions; q++) {
				memset(&(*out)[*n + (size_t)q], 0, sizeof(**out));
				snprintf((*out)[*n + (size_t)q].township, 16, "%s", tw);
				(*out)[*n + (size_t)q].question = q + 1;
			}
			*n += (size_t)sv.nquestions;
		}
		base = *n - (size_t)sv.nquestions;
		for (int q = 0; a && *a && q < sv.nquestions; q++) {
			int v = atoi(a);

			if (v >= 1 && v <= sv.q[q].nanswers) {
				row = &(*out)[base + (size_t)q];
				row->count[v - 1]++;
				row->total++;
				(*out)[q].count[v - 1]++;
				(*out)[q].total++;
			}
			a = strchr(a, ',');
			a = a ? a + 1 : "";
		}
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc == DB_NOMEM ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	return JRC_OK;
}
