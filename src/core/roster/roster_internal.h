/* Private to the roster module: shared between its source files. */
#ifndef JRC_ROSTER_INTERNAL_H
#define JRC_ROSTER_INTERNAL_H

#include "jrc/roster.h"
#include "db_internal.h"

/* Columns of hosts in the order roster_fill_host reads them. */
#define ROSTER_HOST_COLS \
	"h.id, h.kind, h.name, h.name_en, h.title, h.title_en, h.specialties," \
	" h.languages, h.legal_aid, h.blurb, h.blurb_en"

/* Fill h from columns first.. of a row selected with ROSTER_HOST_COLS. */
void roster_fill_host(db_stmt *st, int first, jrc_host *h);

/* Slots of host on local days [from, from + days), state judged against
 * now; free_only keeps the free ones.  Caller frees *out. */
jrc_status roster_slots_at(jrc_db *db, const char *host, jrc_date from, int days,
			   jrc_time now, int free_only, jrc_slot **out, size_t *n,
			   jrc_err *err);

/* Earliest free slot of host at or after `after`, up to `days` local days
 * ahead; 1 found, 0 none, -1 error (in err). */
int roster_first_free(jrc_db *db, const char *host, jrc_time after, int days,
		      jrc_slot *out, jrc_err *err);

/* Upper-case copy of a host id as typed; 0 if it cannot be one. */
int roster_norm_id(const char *in, char out[JRC_HOST_ID_MAX]);

/* Local-time instant of minute `min` after the start of day d. */
jrc_time roster_local_time(jrc_date d, int min);

/* roster_unbook inside the caller's transaction (a visit cancelled). */
jrc_status roster_unbook_in_tx(jrc_db *db, int64_t case_id, const char *actor, jrc_err *err);

/* The arrival already recorded for a booking: 1 (at filled with its UTC
 * time), 0 none, -1 error (in err). */
int roster_arrived_at(jrc_db *db, int64_t booking_id, char at[32], jrc_err *err);

/* Record the arrival for booking b at now, as actor: a row in arrivals
 * and the "arrived" event covering it, in the caller's transaction. */
jrc_status roster_arrive_in_tx(jrc_db *db, const jrc_booking *b, const char *actor,
			       jrc_time now, jrc_err *err);

#endif
