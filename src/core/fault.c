/* Fault injection points named by JRC_FAULT (see jrc/fault.h). */
#include <stdlib.h>
#include <string.h>

#include "jrc/fault.h"

int fault_inject(const char *point)
{
	const char *list = getenv("JRC_FAULT"), *p;
	size_t n = strlen(point);

	for (p = list; p && *p; p += strcspn(p, ",")) {
		p += *p == ',';
		if (strncmp(p, point, n) == 0 && (p[n] == '\0' || p[n] == ','))
			return 1;
	}
	return 0;
}
