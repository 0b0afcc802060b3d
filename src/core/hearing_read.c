/* Public appraisal hearings: reading them back (one, a list, a case's
 * latest, whether one upheld the handling) and the panel members to pick. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/hearing.h"
#include "jrc/i18n.h"

#define H_COLS "h.id, h.case_id, c.receipt, h.department, h.held_on, h.at_time, h.place," \
	" h.citizen, h.representative, h.scheduled_at, h.scheduled_by, h.attended," \
	" h.citizen_said, h.department_said, coalesce(h.conclusion, ''), h.recorded_at," \
	" h.recorded_by"

static jrc_conclusion conclusion_of(const char *name)
{
	for (int i = JRC_CONCLUSION_REASONABLE; name && i <= JRC_CONCLUSION_TOO_FEW; i++)
		if (strcmp(name, hearing_conclusion_name((jrc_conclusion)i)) == 0)
			return (jrc_conclusion)i;
	return JRC_CONCLUSION_NONE;
}

void hearing_free(jrc_hearing *h)
{
	if (!h)
		return;
	free(h->place);
	free(h->citizen);
	free(h->representative);
	free(h->attended);
	free(h->citizen_said);
	free(h->department_said);
	for (size_t i = 0; i < h->nseats; i++)
		free(h->seats[i].reason);
	memset(h, 0, sizeof(*h));
}

static void fill(db_stmt *st, jrc_hearing *h, int *oom)
{
	char concl[16];

	memset(h, 0, sizeof(*h));
	h->id = db_col_int64(st, 0);
	h->case_id = db_col_int64(st, 1);
	db_col_copy(st, 2, h->receipt, sizeof(h->receipt));
	db_col_copy(st, 3, h->department, sizeof(h->department));
	db_col_copy(st, 4, h->held_on, sizeof(h->held_on));
	db_col_copy(st, 5, h->at_time, sizeof(h->at_time));
	h->place = db_col_strdup(st, 6, oom);
	h->citizen = db_col_strdup(st, 7, oom);
	h->representative = db_col_strdup(st, 8, oom);
	db_col_copy(st, 9, h->scheduled_at, sizeof(h->scheduled_at));
	db_col_copy(st, 10, h->scheduled_by, sizeof(h->scheduled_by));
	h->attended = db_col_strdup(st, 11, oom);
	h->citizen_said = db_col_strdup(st, 12, oom);
	h->department_said = db_col_strdup(st, 13, oom);
	db_col_copy(st, 14, concl, sizeof(concl));
	h->conclusion = conclusion_of(concl);
	db_col_copy(st, 15, h->recorded_at, sizeof(h->recorded_at));
	db_col_copy(st, 16, h->recorded_by, sizeof(h->recorded_by));
}

static jrc_status fill_seats(jrc_db *db, jrc_hearing *h, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc, oom = 0;

	if ((s = db_prepare(db, "SELECT id, member, name, title, coalesce(opinion, ''), reason"
			    " FROM hearing_panel WHERE hearing_id = ? ORDER BY seat", &st, err)))
		return s;
	db_bind_int64(st, 1, h->id);
	while ((rc = db_step(db, st)) == DB_ROW && h->nseats < JRC_HEARING_PANEL_MAX) {
		jrc_panel_seat *p = &h->seats[h->nseats++];
		char op[16];

		p->row = db_col_int64(st, 0);
		db_col_copy(st, 1, p->member, sizeof(p->member));
		db_col_copy(st, 2, p->name, sizeof(p->name));
		db_col_copy(st, 3, p->title, sizeof(p->title));
		db_col_copy(st, 4, op, sizeof(op));
		if (hearing_opinion_parse(op, &p->opinion) != 0)
			p->opinion = JRC_OPINION_NONE;
		p->reason = db_col_strdup(st, 5, &oom);
	}
	db_finalize(st);
	if (oom)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* Hearings matching sql's one integer parameter, into a growing array. */
static jrc_status select_many(jrc_db *db, const char *sql, int64_t param, jrc_hearing **out,
			      size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc, oom = 0;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	db_bind_int64(st, 1, param);
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 8;
			jrc_hearing *nv = realloc(*out, nc * sizeof(**out));

			if (!nv) {
				oom = 1;
				break;
			}
			*out = nv;
			cap = nc;
		}
		fill(st, &(*out)[(*n)++], &oom);
		if (oom)
			break;
	}
	db_finalize(st);
	if (oom)
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	else if (rc != DB_ROW && rc != DB_DONE)
		s = db_fail(db, rc, err);
	for (size_t i = 0; s == JRC_OK && i < *n; i++)
		s = fill_seats(db, &(*out)[i], err);
	if (s != JRC_OK) {
		hearing_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return s;
}

void hearing_list_free(jrc_hearing *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		hearing_free(&v[i]);
	free(v);
}

jrc_status hearing_get(jrc_db *db, int64_t id, jrc_hearing *out, jrc_err *err)
{
	jrc_hearing *v;
	size_t n;
	jrc_status s;

	memset(out, 0, sizeof(*out));
	if ((s = select_many(db, "SELECT " H_COLS " FROM hearings h JOIN cases c ON c.id = h.case_id"
			     " WHERE h.id = ?", id, &v, &n, err)))
		return s;
	if (!n) {
		free(v);
		return jrc_err_set(err, JRC_E_NOT_FOUND, "hearing",
				   _("There is no hearing %" PRId64 ": see 'jrc hearing list'."), id);
	}
	*out = v[0];
	free(v);
	return JRC_OK;
}

jrc_status hearing_list(jrc_db *db, int64_t case_id, int upcoming_only, jrc_hearing **out,
			size_t *n, jrc_err *err)
{
	return select_many(db, upcoming_only
			   ? "SELECT " H_COLS " FROM hearings h JOIN cases c ON c.id = h.case_id"
			     " WHERE (?1 = 0 OR h.case_id = ?1) AND h.conclusion IS NULL"
			     " ORDER BY h.held_on, h.at_time, h.id"
			   : "SELECT " H_COLS " FROM hearings h JOIN cases c ON c.id = h.case_id"
			     " WHERE (?1 = 0 OR h.case_id = ?1) ORDER BY h.id DESC",
			   case_id, out, n, err);
}

jrc_status hearing_latest(jrc_db *db, int64_t case_id, jrc_hearing *out, int *found,
			  jrc_err *err)
{
	jrc_hearing *v;
	size_t n;
	jrc_status s;

	*found = 0;
	memset(out, 0, sizeof(*out));
	if ((s = select_many(db, "SELECT " H_COLS " FROM hearings h JOIN cases c ON c.id = h.case_id"
			     " WHERE h.case_id = ? ORDER BY h.id DESC LIMIT 1", case_id, &v, &n, err)))
		return s;
	if (n) {
		*out = v[0];
		*found = 1;
	}
	free(v);
	return JRC_OK;
}

jrc_status hearing_upheld(jrc_db *db, int64_t case_id, bool *upheld, char day[11])
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*upheld = false;
	if ((s = db_prepare(db, "SELECT conclusion IN ('reasonable','basic'), held_on FROM hearings"
			    " WHERE case_id = ? AND conclusion IS NOT NULL ORDER BY id DESC LIMIT 1",
			    &st, NULL)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW && db_col_int(st, 0)) {
		*upheld = true;
		if (day)
			db_col_copy(st, 1, day, 11);
	}
	db_finalize(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, NULL);
}

jrc_status hearing_panelists(jrc_db *db, const char *not_of, jrc_panelist **out, size_t *n,
			     jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT id, name, name_en, title, title_en, coalesce(department, '')"
			    " FROM panelists WHERE active = 1"
			    " AND (?1 IS NULL OR department IS NULL OR department <> ?1)"
			    " ORDER BY sort, id", &st, err)))
		return s;
	if (not_of)
		db_bind_text(db, st, 1, not_of);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_panelist *p;

		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			jrc_panelist *nv = realloc(*out, nc * sizeof(**out));

			if (!nv) {
				db_finalize(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			*out = nv;
			cap = nc;
		}
		p = &(*out)[(*n)++];
		db_col_copy(st, 0, p->id, sizeof(p->id));
		db_col_copy(st, 1, p->name, sizeof(p->name));
		db_col_copy(st, 2, p->name_en, sizeof(p->name_en));
		db_col_copy(st, 3, p->title, sizeof(p->title));
		db_col_copy(st, 4, p->title_en, sizeof(p->title_en));
		db_col_copy(st, 5, p->department, sizeof(p->department));
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
