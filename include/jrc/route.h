/* Routing: category x division -> responsible department and level. */
#ifndef JRC_ROUTE_H
#define JRC_ROUTE_H

#include "jrc/db.h"

typedef struct jrc_route {
	char department[16];
	char level[12];        /* county | township | village */
} jrc_route;

/* The most specific rule wins: the division itself, then each parent up
 * to the county, then the category's default ('*').  No rule at all routes
 * to the letters-and-visits bureau at county level. */
jrc_status route_find(jrc_db *db, const char *category, const char *division,
		      jrc_route *out, jrc_err *err);

#endif
