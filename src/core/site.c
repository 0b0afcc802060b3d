/* Sites (site.h): the rows of data/sites.csv, checked as they are
 * imported, and the lookups the command line, the desk and the settings
 * need. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "refdata_internal.h"
#include "jrc/i18n.h"
#include "jrc/receipt.h"
#include "jrc/site.h"

#define SITE_COLS "code, level, coalesce(parent, ''), division, name_zh, name_en, address"

static void fill_site(db_stmt *st, jrc_site *s)
{
	db_col_copy(st, 0, s->code, sizeof(s->code));
	db_col_copy(st, 1, s->level, sizeof(s->level));
	db_col_copy(st, 2, s->parent, sizeof(s->parent));
	db_col_copy(st, 3, s->division, sizeof(s->division));
	db_col_copy(st, 4, s->name_zh, sizeof(s->name_zh));
	db_col_copy(st, 5, s->name_en, sizeof(s->name_en));
	db_col_copy(st, 6, s->address, sizeof(s->address));
}

/* The listed (active) site code, or the division code, as a row:
 * 1 found (level and parent filled), 0 not, -1 error. */
static int read_level(jrc_db *db, const char *sql, const char *code, char level[12],
		      char parent[16], jrc_err *err)
{
	db_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != JRC_OK)
		return -1;
	db_bind_text(db, st, 1, code);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, level, 12);
		db_col_copy(st, 1, parent, 16);
	}
	db_finalize(st);
	if (rc == DB_ROW || rc == DB_DONE)
		return rc == DB_ROW;
	db_fail(db, rc, err);
	return -1;
}

static int level_rank(const char *level)
{
	return !strcmp(level, "county") ? 0 : !strcmp(level, "township") ? 1
	       : !strcmp(level, "village") ? 2 : -1;
}

/* code, level, parent, division, name_zh, name_en, address */
jrc_status site_import_row(jrc_db *db, char **v, long sort, jrc_err *err)
{
	char plevel[12], pparent[16], dlevel[12], dparent[16], pdiv[16];
	int rank = level_rank(v[1]), r;
	db_stmt *st;
	jrc_status s;

	if (!receipt_site_valid(v[0]))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("code '%s' must be 2 to 4 capital letters, as receipt numbers begin (such as HZ)"),
				   v[0]);
	if (rank < 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("level '%s' must be county, township or village"), v[1]);
	if (rank == 0 && *v[2])
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("the county center has no parent: leave the parent column empty"));
	if (rank == 0) {
		r = read_level(db, "SELECT level, code FROM sites WHERE active = 1 AND level = 'county'"
			       " AND code <> ?", v[0], plevel, pparent, err);
		if (r < 0)
			return err ? err->code : JRC_E_DB;
		if (r)
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("there is already a county center above (%s): list only one"),
					   pparent);
	} else {
		if (!*v[2])
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("a %s site needs its parent: the code of a site listed above this line"),
					   v[1]);
		r = read_level(db, "SELECT level, division FROM sites WHERE active = 1 AND code = ?",
			       v[2], plevel, pdiv, err);
		if (r < 0)
			return err ? err->code : JRC_E_DB;
		if (!r)
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("parent '%s' is not a site listed above this line"), v[2]);
		if (level_rank(plevel) != rank - 1)
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   rank == 1 ? _("a township site's parent must be the county center, not '%s'")
						     : _("a village point's parent must be a township site, not '%s'"),
					   v[2]);
	}
	r = read_level(db, "SELECT level, coalesce(parent, '') FROM divisions WHERE code = ?", v[3],
		       dlevel, dparent, err);
	if (r < 0)
		return err ? err->code : JRC_E_DB;
	if (!r)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("division '%s' is not in divisions.csv"), v[3]);
	if (strcmp(dlevel, v[1]) != 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("division '%s' is a %s, but the site is a %s: give a division of the same level"),
				   v[3], dlevel, v[1]);
	if (rank > 0 && strcmp(dparent, pdiv) != 0)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("division '%s' does not lie in the division of the parent site %s (%s)"),
				   v[3], v[2], pdiv);
	if (!*v[4] || !*v[5])
		return jrc_err_set(err, JRC_E_DATA, NULL, _("column %s is empty"),
				   *v[4] ? "name_en" : "name_zh");
	if ((s = db_prepare(db, "INSERT INTO sites(code, level, parent, division, name_zh, name_en,"
			    " address, sort, active) VALUES (?1,?2,nullif(?3,''),?4,?5,?6,?7,?8,1)"
			    " ON CONFLICT(code) DO UPDATE SET level=excluded.level,"
			    " parent=excluded.parent, division=excluded.division,"
			    " name_zh=excluded.name_zh, name_en=excluded.name_en,"
			    " address=excluded.address, sort=excluded.sort, active=1", &st, err)))
		return s;
	for (int i = 0; i < 7; i++)
		db_bind_text(db, st, i + 1, v[i]);
	db_bind_int64(st, 8, sort);
	r = db_step(db, st);
	db_finalize(st);
	return r == DB_DONE ? JRC_OK : db_fail(db, r, err);
}

jrc_status site_list(jrc_db *db, jrc_site **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	size_t cap = 32;
	jrc_status s;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " SITE_COLS " FROM sites WHERE active = 1"
			    " ORDER BY sort, code", &st, err)))
		return s;
	if (!(*out = malloc(cap * sizeof(**out)))) {
		db_finalize(st);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			jrc_site *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb) {
				rc = DB_NOMEM;
				break;
			}
			*out = nb;
		}
		fill_site(st, &(*out)[(*n)++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc == DB_NOMEM ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL)
					  : db_fail(db, rc, err);
	}
	return JRC_OK;
}

jrc_status site_get(jrc_db *db, const char *code, jrc_site *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, "SELECT " SITE_COLS " FROM sites WHERE code = ?", &st, err)))
		return s;
	db_bind_text(db, st, 1, code ? code : "");
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill_site(st, out);
	db_release(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "site",
				   _("There is no site '%s': use a code that 'jrc sites' lists."),
				   code ? code : "");
	return db_fail(db, rc, err);
}

long site_count(jrc_db *db)
{
	db_stmt *st;
	long n = 0;

	if (db_prepare_cached(db, "SELECT count(*) FROM sites WHERE active = 1", &st, NULL) != JRC_OK)
		return 0;
	if (db_step(db, st) == DB_ROW)
		n = (long)db_col_int64(st, 0);
	db_release(st);
	return n;
}

jrc_status site_code_check(jrc_db *db, const char *code, jrc_err *err)
{
	char level[12], parent[16];
	int r;

	if (site_count(db) == 0)
		return JRC_OK;
	r = read_level(db, "SELECT level, coalesce(parent, '') FROM sites WHERE active = 1 AND code = ?",
		       code, level, parent, err);
	if (r < 0)
		return err ? err->code : JRC_E_DB;
	if (r)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, "site_code",
			   _("There is no site '%s' in the list of sites: use a code that 'jrc sites' lists, or add the site to sites.csv and run 'jrc import'."),
			   code ? code : "");
}

void db_site_set(jrc_db *db, const db_where *w)
{
	static const db_where none;

	*db_site_where(db) = w ? *w : none;
}

int db_site_away(jrc_db *db, char home[8])
{
	const db_where *w = db_site_where(db);

	memcpy(home, w->home, sizeof(w->home));
	return w->site[0] && strcmp(w->site, w->home) != 0;
}

const char *db_site_own(jrc_db *db, const char *key)
{
	const db_where *w = db_site_where(db);

	if (!w->site[0])
		return NULL;
	if (strcmp(key, "site_code") == 0)
		return w->site;
	if (strcmp(key, "site_division") == 0 && w->site_division[0])
		return w->site_division;
	return NULL;
}

jrc_status site_use(jrc_db *db, const char *code, jrc_err *err)
{
	jrc_site st, hall;
	jrc_status s;
	char home[16];
	db_where w;
	long listed;

	if (!receipt_site_valid(code))
		return jrc_err_set(err, JRC_E_INVALID, "site",
				   _("The site code must be 2 to 4 capital letters, such as PJ."));
	if ((s = site_code_check(db, code, err)) != JRC_OK)
		return s;
	/* A listed site's division stands for the site_division setting:
	 * the township whose visits and surveys this terminal offers. */
	listed = site_count(db);
	if (listed > 0 && (s = site_get(db, code, &st, err)) != JRC_OK)
		return s;
	/* The database's own site, read once (not through a site given
	 * before): away from it the hall's windows and queue are elsewhere
	 * (queue_at_hall, site_away). */
	db_site_set(db, NULL);
	if ((s = db_setting_get(db, "site_code", NULL, home, sizeof(home), err)) != JRC_OK)
		return s;
	memset(&w, 0, sizeof(w));
	snprintf(w.site, sizeof(w.site), "%s", code);
	if (listed > 0)
		snprintf(w.site_division, sizeof(w.site_division), "%s", st.division);
	snprintf(w.home, sizeof(w.home), "%.7s", home);
	/* The hall's name, for its rooms named from another site. */
	if (listed > 0 && site_get(db, home, &hall, NULL) == JRC_OK) {
		snprintf(w.hall_zh, sizeof(w.hall_zh), "%s", hall.name_zh);
		snprintf(w.hall_en, sizeof(w.hall_en), "%s", hall.name_en);
	}
	db_site_set(db, &w);
	return JRC_OK;
}

int site_away(jrc_db *db, jrc_site *out)
{
	char home[8];

	return db_site_away(db, home) && site_get(db, db_site_own(db, "site_code"), out, NULL) == JRC_OK;
}

const char *site_room_in(jrc_db *db, const char *room, int english, char *buf, size_t size)
{
	const db_where *w = db_site_where(db);
	const char *hall = english ? w->hall_en : w->hall_zh;
	char home[8];

	if (!room || !*room || !*hall || !db_site_away(db, home))
		return room ? room : "";
	snprintf(buf, size, english ? "%s, %s" : "%s %s", hall, room);
	return buf;
}

const char *site_room(jrc_db *db, const char *zh, const char *en, char *buf, size_t size)
{
	int english = i18n_get() == JRC_LANG_EN && en && *en;

	return site_room_in(db, i18n_pick(zh, en), english, buf, size);
}

jrc_status site_heading(jrc_db *db, char *zh, size_t zsize, char *en, size_t esize,
			jrc_err *err)
{
	jrc_site st;
	jrc_status s;

	if ((s = db_setting_get(db, "center_name_zh", NULL, zh, zsize, err)) != JRC_OK ||
	    (s = db_setting_get(db, "center_name_en", NULL, en, esize, err)) != JRC_OK)
		return s;
	if (site_away(db, &st)) {
		size_t z = strlen(zh), e = strlen(en);

		snprintf(zh + z, zsize - z, " · %s", st.name_zh);
		snprintf(en + e, esize - e, " · %s", st.name_en);
	}
	return JRC_OK;
}

jrc_status site_address(jrc_db *db, char *zh, size_t zsize, char *en, size_t esize,
			jrc_err *err)
{
	jrc_site st;
	jrc_status s;

	if (site_away(db, &st) && st.address[0]) {
		/* One address, in the words of the place, for both languages. */
		snprintf(zh, zsize, "%s", st.address);
		snprintf(en, esize, "%s", st.address);
		return JRC_OK;
	}
	if ((s = db_setting_get(db, "address_zh", NULL, zh, zsize, err)) != JRC_OK)
		return s;
	return db_setting_get(db, "address_en", NULL, en, esize, err);
}

jrc_status site_settle(jrc_db *db, const char *code, jrc_err *err)
{
	jrc_site st;
	jrc_status s;

	if ((s = db_setting_set(db, "site_code", code, err)) != JRC_OK)
		return s;
	if (site_count(db) == 0)
		return JRC_OK;
	if ((s = site_get(db, code, &st, err)) != JRC_OK)
		return s;
	return db_setting_set(db, "site_division", st.division, err);
}
