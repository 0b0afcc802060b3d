/* Private to the core: lifecycle pieces shared by lifecycle.c, lifecycle_verdict.c,
 * lookup.c and lookup_progress.c. */
#ifndef JRC_LIFECYCLE_INTERNAL_H
#define JRC_LIFECYCLE_INTERNAL_H

#include "jrc/lifecycle.h"

/* If c is an answered case whose review window has passed, record its
 * closing (actor "system") inside the caller's transaction; *closed (may
 * be NULL) is set to 1 when it did. */
jrc_status lifecycle_expire_in_tx(jrc_db *db, const jrc_case *c, int *closed,
				  jrc_err *err);

/* 1 for answered, review_answered and rereview_answered. */
int lifecycle_is_answer_state(jrc_state st);

/* The state of c as stored (JRC_STATE_COUNT if the name is unknown). */
jrc_state lifecycle_case_state(const jrc_case *c);

/* The local date of a stored UTC ISO time ("" input gives today). */
jrc_date lifecycle_local_date_of(const char *utc_iso);

/* The states of one kind (jrc/states.h) as an SQL list, "('answered',...)",
 * written to out (at least 256 bytes). */
void lifecycle_states_sql(jrc_state_kind kind, char *out, size_t size);

/* The states that owe a step as an SQL list, "('registered',...)", written
 * to out (at least 256 bytes), so queries apply lifecycle_is_overdue's rule. */
void lifecycle_owed_sql(char *out, size_t size);

#endif
