/* Repeat matters: linked, never refused, so staff see the history. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/repeat.h"

jrc_status repeat_find(jrc_db *db, const char *id_number, const char *category,
		       int64_t exclude_id, int64_t *earlier, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char since[32];
	int rc;

	*earlier = 0;
	if (!id_number || !*id_number || !category || !*category)
		return JRC_OK;
	clock_format_utc(clock_now() - (jrc_time)JRC_REPEAT_DAYS * 86400, since);
	/* Open: anything not closed, declined, redirected or concluded (an
	 * answered case can still go to review). */
	if ((s = db_prepare_cached(db, "SELECT id FROM cases WHERE id_number = ? AND category = ?"
				   " AND id <> ? AND (state NOT IN ('closed','declined','redirected','terminated')"
				   " OR filed_at >= ? OR state_at >= ?) ORDER BY id DESC LIMIT 1",
				   &st, err)))
		return s;
	db_bind_text(db, st, 1, id_number);
	db_bind_text(db, st, 2, category);
	db_bind_int64(st, 3, exclude_id);
	db_bind_text(db, st, 4, since);
	db_bind_text(db, st, 5, since);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		*earlier = db_col_int64(st, 0);
	db_release(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status repeat_link(jrc_db *db, const jrc_repeat_filing *f, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char receipt[40];
	int64_t earlier;
	int rc;
	jrc_event_in ev = { 0 };

	if ((s = repeat_find(db, f->id_number, f->category, f->case_id, &earlier, err)) != JRC_OK ||
	    !earlier)
		return s;
	if ((s = db_prepare_cached(db, "UPDATE cases SET related_case = ?1 WHERE id = ?2"
				   " RETURNING (SELECT receipt FROM cases WHERE id = ?1)", &st, err)))
		return s;
	db_bind_int64(st, 1, earlier);
	db_bind_int64(st, 2, f->case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, receipt, sizeof(receipt));
	if (rc == DB_ROW)
		rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	ev.actor = f->actor;
	ev.kind = "repeat";
	ev.case_id = f->case_id;
	ev.cover[0] = (jrc_cover){ "cases", f->case_id, NULL };
	ev.note = receipt;
	return audit_append(db, &ev, NULL, NULL, err);
}
