/* Private to the core: lookup pieces shared by lookup.c and lookup_progress.c. */
#ifndef JRC_LOOKUP_INTERNAL_H
#define JRC_LOOKUP_INTERNAL_H

#include "jrc/lookup.h"

/* JRC_E_INVALID with a sentence if proof is not 6 (code) or 4 (phone)
 * digits. */
jrc_status lookup_check_proof(jrc_proof kind, const char *proof, jrc_err *err);

/* lookup_verify inside the caller's transaction (proof already checked);
 * the caller commits also on JRC_E_AUTH, JRC_E_NOT_FOUND and
 * JRC_E_LOCKED_OUT, so that failed tries are kept. */
jrc_status lookup_verify_in_tx(jrc_db *db, const char *receipt, jrc_proof kind,
			       const char *proof, const char *source,
			       int64_t *case_id, jrc_lookup_info *info,
			       jrc_err *err);

/* The same counting for tries keyed by something other than a receipt
 * number (recover.c keys them by a digest of the ID number): how the
 * tries stand now, and record one (ok or not) with the lock after the
 * fifth failure (the locked sentence then comes back as JRC_E_LOCKED_OUT). */
jrc_status lookup_key_state(jrc_db *db, const char *key, jrc_lookup_info *info, jrc_err *err);
jrc_status lookup_key_record(jrc_db *db, const char *key, int good, const char *source,
			     jrc_lookup_info *info, jrc_err *err);
/* The sentence for a running pause, as JRC_E_LOCKED_OUT. */
jrc_status lookup_key_locked(jrc_time until, jrc_err *err);

#endif
