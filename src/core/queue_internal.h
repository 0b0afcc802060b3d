/* Private to the hall's queue (queue.c, queue_windows.c). */
#ifndef JRC_QUEUE_INTERNAL_H
#define JRC_QUEUE_INTERNAL_H

#include "jrc/queue.h"

/* JRC_OK at the hall whose windows the database lists; at another site
 * (jrc --site) JRC_E_REFUSED with the sentence that no number can be
 * taken or called there. */
jrc_status queue_hall_check(jrc_db *db, jrc_err *err);

#endif
