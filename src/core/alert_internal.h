/* Private to the core: the filing path hands early warning what it just
 * wrote, so that evaluating the rules reads no row it already has. */
#ifndef JRC_ALERT_INTERNAL_H
#define JRC_ALERT_INTERNAL_H

#include <stdint.h>
#include "jrc/alert.h"

typedef struct alert_filing {
	int64_t case_id;
	const char *division, *category;
	int anonymous;
	const char *id_number, *phone;     /* NULL or "" when not given */
} alert_filing;

/* alert_evaluate_case() for a case whose row the caller just wrote. */
jrc_status alert_evaluate_filing(jrc_db *db, const alert_filing *f, jrc_err *err);

#endif
