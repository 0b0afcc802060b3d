/* Staff accounts, logins with lockout, and what each role may do. */
#ifndef JRC_AUTH_H
#define JRC_AUTH_H

#include <stddef.h>
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/lifecycle.h"   /* jrc_role, jrc_move */

enum {
	JRC_PASSWORD_MIN = 8,        /* characters */
	JRC_PASSWORD_MAX = 128,      /* bytes */
	JRC_STAFF_ID_MAX = 24,       /* characters: letters, digits, . _ - */
	JRC_LOGIN_TRIES = 5,         /* failed logins before the lockout */
	JRC_LOCKOUT_SECONDS = 15 * 60
};

typedef struct jrc_staff {
	char id[JRC_STAFF_ID_MAX + 1];
	char name[128];
	jrc_role role;           /* DESK, HANDLER, SUPERVISOR or ADMIN */
	char department[16];     /* "" if none */
	int disabled;
	int failed_count;
	jrc_time locked_until;   /* 0: not locked */
	char created_at[32];     /* UTC ISO 8601 */
} jrc_staff;

/* A new account.  department may be NULL except for handlers. */
typedef struct jrc_staff_in {
	const char *id;
	const char *name;
	jrc_role role;
	const char *department;
} jrc_staff_in;

/* What staff do besides moving a case along; auth_may decides who may.
 * Moves (accept, answer, close ...) are the lifecycle's to allow: give it
 * the account with auth_move_as. */
typedef enum jrc_action {
	JRC_DO_VIEW,          /* see a case unmasked, its timeline */
	JRC_DO_FILE,          /* file for a citizen at the desk */
	JRC_DO_REPRINT,
	JRC_DO_EDIT_INTAKE,   /* correct intake details of a registered case */
	JRC_DO_NOTE,          /* internal note on a case */
	JRC_DO_STAFF,         /* manage staff accounts */
	JRC_DO_REFDATA,       /* import reference data */
	JRC_DO_CHECKIN        /* mark a citizen arrived for their appointment */
} jrc_action;

/* The role's name in the user's language, for screens ("front desk" ...);
 * lifecycle_role_name gives the stored name. */
const char *auth_role_label(jrc_role role);

/* JRC_OK if who may do act on a case of department case_dept (NULL when
 * the action is not about one case); JRC_E_REFUSED with a sentence if not.
 * who NULL is the system operator at the command line, who may do the
 * administrator's work (staff, reference data) and nothing on cases. */
jrc_status auth_may(const jrc_staff *who, jrc_action act, const char *case_dept,
		    jrc_err *err);

/* The event actor for who: "staff:ID", or "system" for NULL (buf >= 48). */
const char *auth_actor(const jrc_staff *who, char *buf, size_t size);

/* Fill the actor, role and department of a lifecycle move from the
 * logged-in account, so the lifecycle decides with the real role.  actor
 * (48 bytes) must live as long as mv. */
void auth_move_as(const jrc_staff *who, jrc_move *mv, char actor[48]);

/* Check a new password: JRC_PASSWORD_MIN characters or more, at most
 * JRC_PASSWORD_MAX bytes, valid UTF-8 without control characters. */
jrc_status auth_password_check(const char *password, jrc_err *err);

/* Add an account with a yescrypt hash of password; by must be allowed
 * JRC_DO_STAFF.  An event "staff_added" records it. */
jrc_status auth_staff_add(jrc_db *db, const jrc_staff *by, const jrc_staff_in *in,
			  const char *password, jrc_err *err);

/* Set a new password; also lifts a lockout.  Event "staff_password". */
jrc_status auth_staff_passwd(jrc_db *db, const jrc_staff *by, const char *id,
			     const char *password, jrc_err *err);

/* Disable (disabled 1) or enable (0) an account.  Event "staff_disabled"
 * or "staff_enabled".  An administrator cannot disable their own account. */
jrc_status auth_staff_set_disabled(jrc_db *db, const jrc_staff *by, const char *id,
				   int disabled, jrc_err *err);

/* JRC_E_INVALID with a sentence unless id has the form of a staff ID
 * (2 to JRC_STAFF_ID_MAX letters, digits, dots, dashes, underscores):
 * nothing else, no escape sequence, reaches the record as a staff ID. */
jrc_status auth_check_staff_id(const char *id, jrc_err *err);

/* One account by ID (case-insensitive); JRC_E_NOT_FOUND if none. */
jrc_status auth_staff_get(jrc_db *db, const char *id, jrc_staff *out, jrc_err *err);

/* All accounts ordered by ID; free *out. */
jrc_status auth_staff_list(jrc_db *db, jrc_staff **out, size_t *n, jrc_err *err);

/* Log in.  JRC_OK fills out (may be NULL).  A wrong password is JRC_E_AUTH
 * with *tries_left (may be NULL; -1 when the ID is unknown) before the
 * lockout; the fifth failure in a row locks the account for
 * JRC_LOCKOUT_SECONDS (JRC_E_LOCKED_OUT, also while it lasts, without
 * looking at the password).  A disabled account is JRC_E_REFUSED.  Every
 * outcome is an event: login, login_failed, lockout, login_refused. */
jrc_status auth_login(jrc_db *db, const char *id, const char *password, jrc_staff *out,
		      int *tries_left, jrc_err *err);

/* Log in at a terminal ("kiosk:NAME": the kiosk's or the desk's screen).
 * Every refusal is one sentence (unknown ID, wrong password, disabled,
 * locked: JRC_E_AUTH), an unknown ID costs the same slow hash, and
 * failures count against the terminal, not the account, so that nobody
 * in the hall can lock staff out: *wait_seconds (may be NULL) gets the
 * growing wait before the terminal's next try, and JRC_LOGIN_TRIES misses
 * within the hour pause logins there for JRC_LOCKOUT_SECONDS
 * (JRC_E_LOCKED_OUT).  Unknown IDs are logged at most once a minute per
 * terminal. */
jrc_status auth_login_at(jrc_db *db, const char *terminal, const char *id,
			 const char *password, jrc_staff *out, int *wait_seconds,
			 jrc_err *err);

/* Record the end of a session (event "logout", note why: "idle" ... or
 * NULL). */
jrc_status auth_logout(jrc_db *db, const jrc_staff *who, const char *why, jrc_err *err);

#endif
