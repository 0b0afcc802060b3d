/* Routing by category and place, most specific rule first. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/i18n.h"
#include "jrc/route.h"

jrc_status route_find(jrc_db *db, const char *category, const char *division,
		      jrc_route *out, jrc_err *err)
{
	/* Walk from the division up through its parents; the first level that
	 * has a rule wins, and the category's '*' rule is the fallback. */
	static const char *const sql =
		"WITH RECURSIVE up(code, depth) AS ("
		"  SELECT ?2, 0"
		"  UNION ALL"
		"  SELECT d.parent, up.depth + 1 FROM divisions d JOIN up ON d.code = up.code"
		"  WHERE d.parent IS NOT NULL AND up.depth < 8)"
		" SELECT r.department, r.level FROM routing r"
		" LEFT JOIN up ON r.division = up.code"
		" WHERE r.category = ?1 AND (up.code IS NOT NULL OR r.division = '*')"
		" ORDER BY CASE WHEN r.division = '*' THEN 99 ELSE up.depth END LIMIT 1";
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, sql, &st, err)) != JRC_OK)
		return s;
	db_bind_text(db, st, 1, category);
	db_bind_text(db, st, 2, division);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, out->department, sizeof(out->department));
		db_col_copy(st, 1, out->level, sizeof(out->level));
	}
	db_release(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	/* No rule: the letters-and-visits bureau takes it and passes it on. */
	snprintf(out->department, sizeof(out->department), "XFJ");
	snprintf(out->level, sizeof(out->level), "county");
	return JRC_OK;
}
