/* Private to the visit module: shared between its source files. */
#ifndef JRC_VISIT_INTERNAL_H
#define JRC_VISIT_INTERNAL_H

#include "jrc/visit.h"

/* A "visit" event by actor that carries visit id's row. */
jrc_status visit_event(jrc_db *db, int64_t id, const char *actor, const char *note,
		       jrc_err *err);

#endif
