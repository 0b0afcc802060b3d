/* The case lifecycle: states, who may move a case where, what a move needs,
 * the deadline each state starts, the citizen's verdict and review requests. */
#ifndef JRC_LIFECYCLE_H
#define JRC_LIFECYCLE_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/grievance.h"
#include "jrc/states.h"


/* Who acts.  Staff roles come from the logged-in account; citizen is the
 * kiosk or `jrc feedback`; system is maintenance (`jrc tick`). */
typedef enum jrc_role {
	JRC_ROLE_CITIZEN,
	JRC_ROLE_DESK,
	JRC_ROLE_HANDLER,
	JRC_ROLE_SUPERVISOR,
	JRC_ROLE_ADMIN,
	JRC_ROLE_SYSTEM,
	JRC_ROLE_COUNT
} jrc_role;

/* What a move must carry (bits of lifecycle_needs()). */
enum {
	JRC_NEED_REASON = 1,      /* declined, redirected, extended, early close */
	JRC_NEED_ANSWER = 2,      /* answered, review_answered, rereview_answered */
	JRC_NEED_CHANNEL = 4,     /* declined: the legal channel to use instead */
	JRC_NEED_DEPARTMENT = 8,  /* redirected: the department it goes to */
	JRC_NEED_GROUNDS = 16     /* terminated: a ground of term_grounds() */
};

enum {
	JRC_ANSWER_DAYS = 60,     /* answer after acceptance */
	JRC_EXTEND_DAYS = 30,     /* one extension */
	JRC_REVIEW_DAYS = 30,     /* ask for review; review answered */
	JRC_REASON_MAX = 1000,    /* characters */
	JRC_ANSWER_MAX = 4000,
	JRC_COMMENT_MAX = 500
};

typedef struct jrc_move {
	jrc_state to;
	const char *reason;           /* see JRC_NEED_REASON; optional otherwise */
	const char *answer;           /* the written answer the citizen reads */
	const char *channel;          /* declined: court, arbitration, ...;
					 terminated: the legal channel that remains */
	const char *department;       /* redirected: department code */
	const char *actor;            /* event actor: "staff:ID", "citizen", "cli" ... */
	jrc_role role;
	const char *actor_department; /* handler: the department they work for */
} jrc_move;

/* "registered" ... "closed" (jrc/states.h); NULL past the end. */
const char *lifecycle_state_name(jrc_state st);

/* Every state's name, in table order, joined by ", " into out (for the
 * command line's help and its "unknown state" sentence). */
void lifecycle_state_list(char *out, size_t size);

/* The desk's word for a state ("to accept", translated); "" past the end. */
const char *lifecycle_state_desk(jrc_state st);

/* What the state's due date means: JRC_SK_OWES, JRC_SK_ANSWER or
 * JRC_SK_NONE (jrc/states.h); JRC_SK_NONE past the end. */
jrc_state_kind lifecycle_state_kind(jrc_state st);

/* Parse a state name; 0 on success, -1 if unknown. */
int lifecycle_state_parse(const char *name, jrc_state *out);

/* Where the matter stands, in plain words for a citizen (translated). */
const char *lifecycle_state_words(jrc_state st);

/* A short label for a timeline line ("Filed", "Taken on" ..., translated). */
const char *lifecycle_state_label(jrc_state st);

/* What the running deadline of a state means for a citizen ("A written
 * answer is due by"), or NULL if the state runs none (translated). */
const char *lifecycle_deadline_words(jrc_state st);

/* "desk", "handler" ...; parse returns 0 on success, -1 if unknown. */
const char *lifecycle_role_name(jrc_role role);
int lifecycle_role_parse(const char *name, jrc_role *out);

/* JRC_NEED_* bits a move from -> to needs; 0 also for moves not in the table. */
unsigned lifecycle_needs(jrc_state from, jrc_state to);

/* The state a case is in at `today`: an answer whose review window has
 * passed counts as closed even before `jrc tick` records it. */
jrc_state lifecycle_effective_state(const jrc_case *c, jrc_date today);

/* 1 if in state st the department (or the level above) owes the next step
 * by the case's due date: registered, redirected, accepted, extended,
 * in_mediation, review_requested, rereview_requested.  In the answered
 * states the due date is the citizen's window, which nobody is late for. */
int lifecycle_state_owes_step(jrc_state st);

/* The one rule for "overdue": c's state owes a step and its due date lies
 * before today.  `jrc list --overdue`, the desk and `jrc stats` use it. */
int lifecycle_is_overdue(const jrc_case *c, jrc_date today);

/* The states c may move to now by role (actor_department for handlers),
 * written to out; returns how many.  Requirements such as a reason are not
 * checked here: lifecycle_needs() says what to ask for. */
size_t lifecycle_allowed(const jrc_case *c, jrc_role role,
			 const char *actor_department,
			 jrc_state out[JRC_STATE_COUNT]);

/* 1 if role may lawfully conclude c now (to terminated): the table allows
 * it from c's state and term_grounds() finds a ground.  lifecycle_allowed
 * leaves that move out, as it reads no database. */
int lifecycle_may_terminate(jrc_db *db, const jrc_case *c, jrc_role role);

/* Check a move without changing anything: JRC_E_REFUSED (naming the
 * allowed states) or JRC_E_INVALID (a missing reason ...) with a sentence. */
jrc_status lifecycle_check(jrc_db *db, const jrc_case *c, const jrc_move *mv,
			   jrc_err *err);

/* Move the case to mv->to in one transaction: the cases row (state,
 * state_at, due_on, extended, answer, department) and the event.  out may
 * be NULL; else it gets the case after the move (grievance_case_free). */
jrc_status lifecycle_move(jrc_db *db, const char *receipt, const jrc_move *mv,
			  jrc_case *out, jrc_err *err);

/* As lifecycle_move, inside a transaction the caller opened. */
jrc_status lifecycle_move_in_tx(jrc_db *db, int64_t case_id,
				const jrc_move *mv, jrc_err *err);

/* Record as closed (actor "system") every answered case whose review window
 * has passed; *closed (may be NULL) gets how many.  This is `jrc tick`. */
jrc_status lifecycle_close_expired(jrc_db *db, long *closed, jrc_err *err);

/* One step of a case's history as the lifecycle recorded it. */
typedef struct jrc_step {
	int64_t event_id;
	char at[32];              /* UTC ISO 8601 */
	char from_state[24], to_state[24];
	char actor[48];
	char department[16];      /* the department responsible after the step */
	char *reason, *channel, *answer;   /* owned, may be NULL */
} jrc_step;

/* The steps of a case, oldest first; free with lifecycle_steps_free. */
jrc_status lifecycle_steps(jrc_db *db, int64_t case_id, jrc_step **out,
			   size_t *n, jrc_err *err);
void lifecycle_steps_free(jrc_step *s, size_t n);

/* ---------------------------------------------------------------- verdict */

typedef enum jrc_verdict {
	JRC_VERDICT_NONE = -1,
	JRC_VERDICT_SATISFIED = 0,   /* 满意 */
	JRC_VERDICT_BASIC,           /* 基本满意 */
	JRC_VERDICT_UNSATISFIED      /* 不满意 */
} jrc_verdict;

/* "satisfied", "basic", "unsatisfied"; parse returns 0 or -1. */
const char *lifecycle_verdict_name(jrc_verdict v);
int lifecycle_verdict_parse(const char *name, jrc_verdict *out);

/* The verdict in the citizen's words (translated). */
const char *lifecycle_verdict_words(jrc_verdict v);

typedef struct jrc_feedback {
	jrc_verdict verdict;
	const char *comment;      /* optional, <= JRC_COMMENT_MAX characters */
	int request_review;       /* with unsatisfied: ask for review / re-review */
	const char *actor;        /* NULL: "citizen" */
} jrc_feedback;

/* The review state an answered state leads to (review_requested after
 * answered, rereview_requested after review_answered), or -1 if none. */
int lifecycle_review_next(jrc_state answered_state);

/* Record the citizen's verdict on the latest answer, in one transaction:
 * satisfied and basic close the case; unsatisfied with request_review moves
 * it to (re)review within the window.  Anything refused changes nothing.
 * The caller has checked the citizen's query code (lookup_verify). */
jrc_status lifecycle_feedback(jrc_db *db, const char *receipt,
			      const jrc_feedback *fb, jrc_case *out,
			      jrc_err *err);

/* The verdict given on the answer that led to answered_state, or
 * JRC_VERDICT_NONE; at (32 bytes, may be NULL) gets when. */
jrc_status lifecycle_verdict_get(jrc_db *db, int64_t case_id,
				 jrc_state answered_state, jrc_verdict *out,
				 char *at, jrc_err *err);

#endif
