/* Routing: most specific rule first, then the category default. */
#include <string.h>

#include "db_internal.h"
#include "jrc/route.h"
#include "tap.h"
#include "testdb.h"

int main(void)
{
	jrc_db *db = testdb_open();
	jrc_route r;
	jrc_err err = { 0 };

	ok(route_find(db, "LAB", "330726100", &r, &err) == JRC_OK, "LAB in a town");
	is_str(r.department, "RSJ", "wages go to human resources");
	is_str(r.level, "county", "at county level");
	route_find(db, "NEI", "330726100201", &r, &err);
	is_str(r.department, "SFJ", "neighbour disputes go to mediation");
	is_str(r.level, "township", "at township level by default");
	route_find(db, "NEI", "330726001", &r, &err);
	is_str(r.level, "village", "a township override applies to itself");
	route_find(db, "NEI", "330726001201", &r, &err);
	is_str(r.level, "village", "and to its villages (parent walk)");
	route_find(db, "LAN", "330726102201", &r, &err);
	is_str(r.department, "NYJ", "land in a Zhengjiawu village: the override");
	route_find(db, "LAN", "330726103201", &r, &err);
	is_str(r.department, "ZRJ", "land elsewhere: the default");
	route_find(db, "LIT", "330726", &r, &err);
	is_str(r.department, "FY", "court matters to the litigation service");
	sqlite3_exec(db_handle(db), "DELETE FROM routing WHERE category = 'EDU'", NULL, NULL, NULL);
	route_find(db, "EDU", "330726100", &r, &err);
	is_str(r.department, "XFJ", "no rule at all: the letters-and-visits bureau");
	db_close(db);
	return done();
}
