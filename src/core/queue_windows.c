/* The hall's windows (windows.csv): their import and lookups, the group
 * a department's or a room's matters queue in, and whether this terminal
 * stands at the hall they belong to.  The tickets and calling: queue.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "queue_internal.h"
#include "refdata_internal.h"
#include "jrc/i18n.h"
#include "jrc/queue.h"

jrc_status queue_import_window(jrc_db *db, char **v, long sort, jrc_err *err)
{
	db_stmt *st;
	char *end, deps[128] = "", rooms[512];
	long number = strtol(v[0], &end, 10);
	jrc_status s;
	int rc;

	(void)sort;
	if (!*v[0] || *end || number < 1 || number > 999)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("window '%s' must be a number from 1 to 999"), v[0]);
	if (strlen(v[1]) != 1 || !isupper((unsigned char)v[1][0]))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("group '%s' must be one capital letter, A to Z"), v[1]);
	if (!*v[2] || !*v[3])
		return jrc_err_set(err, JRC_E_DATA, NULL, _("a window needs name_zh and name_en"));
	/* Departments: codes separated by blanks, ';' or ','; each one known. */
	for (char *p = v[4], *tok; (tok = strtok_r(p, " ;,", &end)); p = NULL) {
		if ((s = db_prepare(db, "SELECT 1 FROM departments WHERE code = ?", &st, err)))
			return s;
		db_bind_text(db, st, 1, tok);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc != DB_ROW && rc != DB_DONE)
			return db_fail(db, rc, err);
		if (rc == DB_DONE)
			return jrc_err_set(err, JRC_E_DATA, NULL, _("unknown department '%s'"), tok);
		if (strlen(deps) + strlen(tok) + 2 > sizeof(deps))
			return jrc_err_set(err, JRC_E_DATA, NULL, _("too many departments at one window"));
		if (*deps)
			strcat(deps, " ");
		strcat(deps, tok);
	}
	/* Rooms: names as schedule.csv writes them, separated by ';' (a
	 * room's name may hold a blank: "人民调解室 1"). */
	{
		size_t k = 0;

		for (const char *p = v[5]; *p; p++) {
			/* No blank at the start of a name, no empty name. */
			if ((*p == ' ' || *p == ';') && (k == 0 || rooms[k - 1] == ';'))
				continue;
			if (k + 2 > sizeof(rooms))
				return jrc_err_set(err, JRC_E_DATA, NULL, _("too many rooms at one window"));
			rooms[k++] = *p;
		}
		/* No blank at the end of a name. */
		while (k && (rooms[k - 1] == ';' || rooms[k - 1] == ' '))
			k--;
		rooms[k] = '\0';
		for (char *q; (q = strstr(rooms, " ;"));)
			memmove(q, q + 1, strlen(q));
	}
	if ((s = db_prepare(db, "INSERT INTO windows(number, grp, name_zh, name_en, departments, rooms,"
			    " active) VALUES (?,?,?,?,?,?,1) ON CONFLICT(number) DO UPDATE SET"
			    " grp = excluded.grp, name_zh = excluded.name_zh, name_en = excluded.name_en,"
			    " departments = excluded.departments, rooms = excluded.rooms, active = 1",
			    &st, err)))
		return s;
	db_bind_int(st, 1, (int)number);
	db_bind_text(db, st, 2, v[1]);
	db_bind_text(db, st, 3, v[2]);
	db_bind_text(db, st, 4, v[3]);
	db_bind_text(db, st, 5, deps);
	db_bind_text(db, st, 6, rooms);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static void fill_window(db_stmt *st, jrc_window *w)
{
	memset(w, 0, sizeof(*w));
	w->number = db_col_int(st, 0);
	db_col_copy(st, 1, w->grp, sizeof(w->grp));
	db_col_copy(st, 2, w->name_zh, sizeof(w->name_zh));
	db_col_copy(st, 3, w->name_en, sizeof(w->name_en));
	db_col_copy(st, 4, w->departments, sizeof(w->departments));
}

#define WINDOW_COLS "SELECT number, grp, name_zh, name_en, departments FROM windows"

/* The windows and their queue are the hall of the database's own site
 * (its site_code setting).  A terminal standing at another site (jrc
 * --site: a township's on the county server) has none of them: it takes
 * no number, calls none, and sends nobody to a window it does not have. */
jrc_status queue_hall_check(jrc_db *db, jrc_err *err)
{
	char home[8];

	if (!db_site_away(db, home))
		return JRC_OK;
	return jrc_err_set(err, JRC_E_REFUSED, "site",
			   _("The windows and their numbers are those of the hall at site %s; this terminal is at site %s, which has none of them: no number can be taken or called here."),
			   home, db_site_own(db, "site_code"));
}

int queue_at_hall(jrc_db *db)
{
	char home[8];

	return !db_site_away(db, home);
}

jrc_status queue_windows(jrc_db *db, jrc_window **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_window *w = NULL;
	size_t cap = 0;
	jrc_status s;
	int rc;

	*out = NULL;
	*n = 0;
	if (!queue_at_hall(db))
		return JRC_OK;
	if ((s = db_prepare(db, WINDOW_COLS " WHERE active = 1 ORDER BY number", &st, err)))
		return s;
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			jrc_window *nw = realloc(w, (cap = cap ? cap * 2 : 16) * sizeof(*w));

			if (!nw) {
				free(w);
				db_finalize(st);
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			w = nw;
		}
		fill_window(st, &w[(*n)++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(w);
		*n = 0;
		return db_fail(db, rc, err);
	}
	*out = w;
	return JRC_OK;
}

/* "1-14", or "none", for sentences that name the windows there are. */
static void window_range(jrc_db *db, char *out, size_t size)
{
	db_stmt *st;

	snprintf(out, size, "%s", _("none"));
	if (db_prepare_cached(db, "SELECT min(number), max(number) FROM windows WHERE active = 1",
			      &st, NULL) != JRC_OK)
		return;
	if (db_step(db, st) == DB_ROW && !db_col_is_null(st, 0))
		snprintf(out, size, "%d-%d", db_col_int(st, 0), db_col_int(st, 1));
	db_release(st);
}

jrc_status queue_window(jrc_db *db, int number, jrc_window *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char range[32];
	int rc;

	if ((s = queue_hall_check(db, err)))
		return s;
	if ((s = db_prepare_cached(db, WINDOW_COLS " WHERE number = ? AND active = 1", &st, err)))
		return s;
	db_bind_int(st, 1, number);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill_window(st, out);
	db_release(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	window_range(db, range, sizeof(range));
	return jrc_err_set(err, JRC_E_NOT_FOUND, "window",
			   _("There is no window %d in this hall (windows: %s): give one that windows.csv lists."),
			   number, range);
}

jrc_status queue_department_group(jrc_db *db, const char *department, char grp[2],
				  int *window, int *found, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*found = 0;
	*window = 0;
	grp[0] = '\0';
	if (!queue_at_hall(db))
		return JRC_OK;
	/* The department's own window first, then any window that lists it. */
	if ((s = db_prepare_cached(db,
				   "SELECT w.grp, w.number FROM windows w WHERE w.active = 1 AND"
				   " (CAST(w.number AS TEXT) = (SELECT window FROM departments WHERE code = ?1)"
				   "  OR instr(' ' || w.departments || ' ', ' ' || ?1 || ' ') > 0)"
				   " ORDER BY CAST(w.number AS TEXT) <> (SELECT window FROM departments"
				   "  WHERE code = ?1),"
				   " w.number LIMIT 1", &st, err)))
		return s;
	db_bind_text(db, st, 1, department);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, grp, 2);
		*window = db_col_int(st, 1);
		*found = 1;
	}
	db_release(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status queue_room_group(jrc_db *db, const char *room, char grp[2], int *window,
			    jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	grp[0] = grp[1] = '\0';
	*window = 0;
	if ((s = queue_hall_check(db, err)))
		return s;
	/* The room among the window's rooms, whole names only. */
	if ((s = db_prepare(db, "SELECT grp, number FROM windows WHERE active = 1 AND"
			    " (instr(';' || rooms || ';', ';' || ?1 || ';') > 0"
			    "  OR NOT EXISTS (SELECT 1 FROM windows w WHERE w.active = 1 AND"
			    "   instr(';' || w.rooms || ';', ';' || ?1 || ';') > 0))"
			    " ORDER BY instr(';' || rooms || ';', ';' || ?1 || ';') = 0, number LIMIT 1",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, room ? room : "");
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, grp, 2);
		*window = db_col_int(st, 1);
	}
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_REFUSED, "group",
			   _("This hall has no windows: list them in windows.csv and run 'jrc import'."));
}
