/* Staff accounts: yescrypt hashes through libcrypt, logins with a lockout
 * after repeated failures, and every account change on the event record.
 * A clear password is never stored, logged or kept longer than a call. */
#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

const char *auth_role_label(jrc_role role)
{
	switch (role) {
	case JRC_ROLE_DESK: return _("front desk");
	case JRC_ROLE_HANDLER: return _("handler");
	case JRC_ROLE_SUPERVISOR: return _("supervisor");
	case JRC_ROLE_ADMIN: return _("administrator");
	default: break;
	}
	return lifecycle_role_name(role);
}

/* Roles an account can hold. */
static int staff_role(jrc_role role)
{
	return role == JRC_ROLE_DESK || role == JRC_ROLE_HANDLER || role == JRC_ROLE_SUPERVISOR ||
	       role == JRC_ROLE_ADMIN;
}

const char *auth_actor(const jrc_staff *who, char *buf, size_t size)
{
	if (!who)
		snprintf(buf, size, "system");
	else
		snprintf(buf, size, "staff:%s", who->id);
	return buf;
}

void auth_move_as(const jrc_staff *who, jrc_move *mv, char actor[48])
{
	auth_actor(who, actor, 48);
	mv->actor = actor;
	mv->role = who ? who->role : JRC_ROLE_SYSTEM;
	mv->actor_department = who && *who->department ? who->department : NULL;
}

jrc_status auth_may(const jrc_staff *who, jrc_action act, const char *case_dept, jrc_err *err)
{
	int allowed = 0;

	if (!who) {
		allowed = act == JRC_DO_STAFF || act == JRC_DO_REFDATA;
	} else if (!who->disabled) {
		switch (who->role) {
		case JRC_ROLE_DESK:
			allowed = act == JRC_DO_VIEW || act == JRC_DO_FILE || act == JRC_DO_REPRINT ||
				  act == JRC_DO_EDIT_INTAKE || act == JRC_DO_NOTE || act == JRC_DO_CHECKIN;
			break;
		case JRC_ROLE_HANDLER:
			allowed = act == JRC_DO_VIEW || act == JRC_DO_NOTE;
			/* Notes on their own department's cases only. */
			if (act == JRC_DO_NOTE && case_dept && strcmp(case_dept, who->department) != 0)
				return jrc_err_set(err, JRC_E_REFUSED, "role",
						   _("This case belongs to another department (%s): only its own handlers or a supervisor can act on it."),
						   case_dept);
			break;
		case JRC_ROLE_SUPERVISOR:
			allowed = act != JRC_DO_STAFF && act != JRC_DO_REFDATA;
			break;
		case JRC_ROLE_ADMIN:
			allowed = act == JRC_DO_STAFF || act == JRC_DO_REFDATA || act == JRC_DO_VIEW;
			break;
		default:
			break;
		}
	}
	if (allowed)
		return JRC_OK;
	if (who && who->disabled)
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   _("This account is disabled: ask an administrator."));
	if (!who)
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   _("Only logged-in staff can do this: use 'jrc desk' and log in."));
	return jrc_err_set(err, JRC_E_REFUSED, "role",
			   _("Your role (%s) is not allowed to do this: ask a supervisor."),
			   auth_role_label(who->role));
}

jrc_status auth_password_check(const char *pw, jrc_err *err)
{
	size_t n = pw ? strlen(pw) : 0;

	if (n > JRC_PASSWORD_MAX)
		return jrc_err_set(err, JRC_E_INVALID, "password",
				   _("The password is too long: use at most %d letters and digits."),
				   JRC_PASSWORD_MAX);
	if (!pw || !text_utf8_valid(pw, n))
		return jrc_err_set(err, JRC_E_INVALID, "password",
				   _("The password has characters that cannot be typed reliably: use letters, digits and punctuation."));
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return jrc_err_set(err, JRC_E_INVALID, "password",
					   _("The password has characters that cannot be typed reliably: use letters, digits and punctuation."));
	if (text_utf8_count(pw) < JRC_PASSWORD_MIN)
		return jrc_err_set(err, JRC_E_INVALID, "password",
				   _("The password is too short: use at least %d characters."),
				   JRC_PASSWORD_MIN);
	return JRC_OK;
}

/* A yescrypt hash of pw with a fresh salt into out (CRYPT_OUTPUT_SIZE). */
static jrc_status hash_password(const char *pw, char *out, size_t size, jrc_err *err)
{
#ifdef HAVE_CRYPT_GENSALT_RA
	struct crypt_data *cd;
	char *salt = crypt_gensalt_ra("$y$", 0, NULL, 0);
	const char *h;
	jrc_status s = JRC_OK;

	if (!salt)
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("No random salt for the password could be made: check that the system's random source works."));
	cd = calloc(1, sizeof(*cd));
	if (!cd) {
		free(salt);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	h = crypt_r(pw, salt, cd);
	if (!h || h[0] != '$' || strlen(h) >= size)
		s = jrc_err_set(err, JRC_E_IO, NULL,
				_("The password could not be hashed: this system's libcrypt lacks yescrypt; install a current libcrypt."));
	else
		snprintf(out, size, "%s", h);
	explicit_bzero(cd, sizeof(*cd));
	free(cd);
	free(salt);
	return s;
#else
	(void)pw;
	(void)out;
	(void)size;
	return jrc_err_set(err, JRC_E_IO, NULL,
			   _("This build cannot make password hashes: rebuild jrc with libxcrypt (crypt_gensalt_ra)."));
#endif
}

/* 1 if pw matches the stored hash, 0 if not, -1 on failure.  Compares in
 * time independent of where the hashes differ. */
static int password_matches(const char *pw, const char *stored)
{
	struct crypt_data *cd = calloc(1, sizeof(*cd));
	const char *h;
	int r = -1;

	if (!cd)
		return -1;
	h = crypt_r(pw, stored, cd);
	if (h && h[0] == '$') {
		size_t n = strlen(stored);
		unsigned char diff = (unsigned char)(strlen(h) != n);

		for (size_t i = 0; i < n && h[i]; i++)
			diff |= (unsigned char)(h[i] ^ stored[i]);
		r = diff == 0;
	}
	explicit_bzero(cd, sizeof(*cd));
	free(cd);
	return r;
}

/* staff: the account the event changed (it vouches for the row), or NULL. */
static jrc_status log_event(jrc_db *db, const char *actor, const char *kind, const char *note,
			    const char *staff, jrc_err *err)
{
	jrc_event_in ev = { 0 };

	ev.actor = actor;
	ev.kind = kind;
	ev.note = note;
	if (staff)
		ev.cover[0] = (jrc_cover){ "staff", 0, staff };
	return audit_append(db, &ev, NULL, NULL, err);
}

static jrc_status check_id(const char *id, jrc_err *err)
{
	size_t n = id ? strlen(id) : 0;

	if (n < 2 || n > JRC_STAFF_ID_MAX)
		return jrc_err_set(err, JRC_E_INVALID, "id",
				   _("A staff ID is 2 to %d letters, digits, dots, dashes or underscores, such as D001."),
				   JRC_STAFF_ID_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = id[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '-' || c == '_'))
			return jrc_err_set(err, JRC_E_INVALID, "id",
					   _("A staff ID is 2 to %d letters, digits, dots, dashes or underscores, such as D001."),
					   JRC_STAFF_ID_MAX);
	}
	return JRC_OK;
}

jrc_status auth_check_staff_id(const char *id, jrc_err *err)
{
	return check_id(id, err);
}

#define STAFF_COLS "id, name, role, department, disabled, failed_count, locked_until, created_at"

static void fill_staff(db_stmt *st, jrc_staff *s)
{
	char role[16], until[32];
	jrc_time t;

	memset(s, 0, sizeof(*s));
	db_col_copy(st, 0, s->id, sizeof(s->id));
	db_col_copy(st, 1, s->name, sizeof(s->name));
	db_col_copy(st, 2, role, sizeof(role));
	if (lifecycle_role_parse(role, &s->role) != 0 || !staff_role(s->role))
		s->role = JRC_ROLE_DESK;
	db_col_copy(st, 3, s->department, sizeof(s->department));
	s->disabled = db_col_int(st, 4);
	s->failed_count = db_col_int(st, 5);
	db_col_copy(st, 6, until, sizeof(until));
	s->locked_until = *until && clock_parse(until, &t) == JRC_OK ? t : 0;
	db_col_copy(st, 7, s->created_at, sizeof(s->created_at));
}

/* The row of id with its hash (hash may be NULL). */
static jrc_status get_row(jrc_db *db, const char *id, jrc_staff *out, char *hash, size_t hsize,
			  jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT " STAFF_COLS ", hash FROM staff WHERE id = ?", &st, err)))
		return s;
	db_bind_text(db, st, 1, id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		fill_staff(st, out);
		if (hash)
			db_col_copy(st, 8, hash, hsize);
	}
	db_finalize(st);
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "id",
				   _("There is no staff account %s: check the ID, or list them with 'jrc staff list'."),
				   id);
	return rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

jrc_status auth_staff_get(jrc_db *db, const char *id, jrc_staff *out, jrc_err *err)
{
	jrc_status s;

	if ((s = check_id(id, err)) != JRC_OK)
		return s;
	return get_row(db, id, out, NULL, 0, err);
}

jrc_status auth_staff_list(jrc_db *db, jrc_staff **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 16;
	int rc = DB_DONE;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " STAFF_COLS " FROM staff ORDER BY id", &st, err)))
		return s;
	*out = malloc(cap * sizeof(**out));
	if (!*out) {
		db_finalize(st);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			jrc_staff *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb) {
				rc = DB_NOMEM;
				break;
			}
			*out = nb;
		}
		fill_staff(st, &(*out)[(*n)++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	return JRC_OK;
}

/* End the write transaction: commit what went well, roll back the rest. */
static jrc_status in_tx(jrc_db *db, jrc_status s, jrc_err *err)
{
	if (s != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

jrc_status auth_staff_add(jrc_db *db, const jrc_staff *by, const jrc_staff_in *in,
			  const char *password, jrc_err *err)
{
	jrc_status s;
	jrc_department dept;
	char hash[CRYPT_OUTPUT_SIZE], actor[48], now[32], note[256], *name = NULL;
	db_stmt *st;
	int rc;

	if ((s = auth_may(by, JRC_DO_STAFF, NULL, err)) != JRC_OK ||
	    (s = check_id(in->id, err)) != JRC_OK)
		return s;
	if (!in->name || !text_utf8_valid(in->name, strlen(in->name)) ||
	    !(name = text_sanitize(in->name, 0)) || !*name || text_utf8_count(name) > 40) {
		free(name);
		return jrc_err_set(err, JRC_E_INVALID, "name",
				   _("The staff member's name is missing or too long: give their full name (at most 40 characters)."));
	}
	if (!staff_role(in->role)) {
		free(name);
		return jrc_err_set(err, JRC_E_INVALID, "role",
				   _("The role must be desk, handler, supervisor or admin."));
	}
	if (in->role == JRC_ROLE_HANDLER && (!in->department || !*in->department)) {
		free(name);
		return jrc_err_set(err, JRC_E_INVALID, "department",
				   _("A handler works for one department: give its code with --department (see 'jrc list' or data/departments.csv)."));
	}
	if (in->department && *in->department &&
	    (s = refdata_department(db, in->department, &dept, err)) != JRC_OK) {
		free(name);
		return s;
	}
	if ((s = auth_password_check(password, err)) != JRC_OK ||
	    (s = hash_password(password, hash, sizeof(hash), err)) != JRC_OK) {
		free(name);
		return s;
	}
	if ((s = db_begin(db, err)) != JRC_OK) {
		free(name);
		return s;
	}
	clock_format_utc(clock_now(), now);
	s = db_prepare(db, "INSERT INTO staff(id, name, role, department, hash, created_at)"
		       " VALUES (?,?,?,?,?,?)", &st, err);
	if (s == JRC_OK) {
		db_bind_text(db, st, 1, in->id);
		db_bind_text(db, st, 2, name);
		db_bind_text(db, st, 3, lifecycle_role_name(in->role));
		db_bind_text(db, st, 4, in->department && *in->department ? dept.code : NULL);
		db_bind_text(db, st, 5, hash);
		db_bind_text(db, st, 6, now);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc == DB_CONSTRAINT_PRIMARYKEY)
			s = jrc_err_set(err, JRC_E_INVALID, "id",
					_("There is already a staff account %s: choose another ID, or change its password with 'jrc staff passwd'."),
					in->id);
		else if (rc != DB_DONE)
			s = db_fail(db, rc, err);
	}
	explicit_bzero(hash, sizeof(hash));
	if (s == JRC_OK) {
		snprintf(note, sizeof(note), "%s %s %s%s%s", in->id, lifecycle_role_name(in->role), name,
			 in->department && *in->department ? " " : "",
			 in->department && *in->department ? dept.code : "");
		s = log_event(db, auth_actor(by, actor, sizeof(actor)), "staff_added", note, in->id,
			      err);
	}
	free(name);
	return in_tx(db, s, err);
}

jrc_status auth_staff_passwd(jrc_db *db, const jrc_staff *by, const char *id,
			     const char *password, jrc_err *err)
{
	jrc_status s;
	jrc_staff cur;
	char hash[CRYPT_OUTPUT_SIZE], actor[48];
	db_stmt *st;
	int rc;

	if ((s = auth_may(by, JRC_DO_STAFF, NULL, err)) != JRC_OK ||
	    (s = auth_staff_get(db, id, &cur, err)) != JRC_OK ||
	    (s = auth_password_check(password, err)) != JRC_OK ||
	    (s = hash_password(password, hash, sizeof(hash), err)) != JRC_OK)
		return s;
	if ((s = db_begin(db, err)) != JRC_OK) {
		explicit_bzero(hash, sizeof(hash));
		return s;
	}
	s = db_prepare(db, "UPDATE staff SET hash = ?, failed_count = 0, locked_until = NULL"
		       " WHERE id = ?", &st, err);
	if (s == JRC_OK) {
		db_bind_text(db, st, 1, hash);
		db_bind_text(db, st, 2, cur.id);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc != DB_DONE)
			s = db_fail(db, rc, err);
	}
	explicit_bzero(hash, sizeof(hash));
	if (s == JRC_OK)
		s = log_event(db, auth_actor(by, actor, sizeof(actor)), "staff_password", cur.id,
			      cur.id, err);
	return in_tx(db, s, err);
}

jrc_status auth_staff_set_disabled(jrc_db *db, const jrc_staff *by, const char *id,
				   int disabled, jrc_err *err)
{
	jrc_status s;
	jrc_staff cur;
	char actor[48];
	db_stmt *st;
	int rc;

	if ((s = auth_may(by, JRC_DO_STAFF, NULL, err)) != JRC_OK ||
	    (s = auth_staff_get(db, id, &cur, err)) != JRC_OK)
		return s;
	if (by && disabled && strcasecmp(by->id, cur.id) == 0)
		return jrc_err_set(err, JRC_E_REFUSED, "id",
				   _("You cannot disable your own account: ask another administrator."));
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	s = db_prepare(db, "UPDATE staff SET disabled = ? WHERE id = ?", &st, err);
	if (s == JRC_OK) {
		db_bind_int(st, 1, disabled ? 1 : 0);
		db_bind_text(db, st, 2, cur.id);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc != DB_DONE)
			s = db_fail(db, rc, err);
	}
	if (s == JRC_OK)
		s = log_event(db, auth_actor(by, actor, sizeof(actor)),
			      disabled ? "staff_disabled" : "staff_enabled", cur.id, cur.id, err);
	return in_tx(db, s, err);
}

/* Store the counters of a login attempt. */
static jrc_status set_counters(jrc_db *db, const char *id, int failed, jrc_time until,
			       jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char at[32];
	int rc;

	if ((s = db_prepare(db, "UPDATE staff SET failed_count = ?, locked_until = ? WHERE id = ?",
			    &st, err)))
		return s;
	db_bind_int(st, 1, failed);
	if (until) {
		clock_format_utc(until, at);
		db_bind_text(db, st, 2, at);
	}
	db_bind_text(db, st, 3, id);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status locked_out(jrc_time until, jrc_err *err)
{
	char when[32];

	clock_format_local(until, when);
	return jrc_err_set(err, JRC_E_LOCKED_OUT, "password",
			   _("This account is locked after %d wrong passwords: try again after %s, or ask an administrator to set a new password."),
			   JRC_LOGIN_TRIES, when);
}

/* The bookkeeping of one attempt, inside the write transaction: the row is
 * read again there, so two terminals racing cannot lose a failure. */
static jrc_status settle_login(jrc_db *db, const char *id, int match, jrc_time now,
			       jrc_staff *out, int *tries_left, jrc_err *err)
{
	jrc_staff cur;
	jrc_status s;
	char actor[48], note[64];

	if ((s = get_row(db, id, &cur, NULL, 0, err)) != JRC_OK)
		return s;
	auth_actor(&cur, actor, sizeof(actor));
	if (cur.disabled) {
		if ((s = log_event(db, actor, "login_refused", "disabled", NULL, err)) != JRC_OK)
			return s;
		return jrc_err_set(err, JRC_E_REFUSED, "id",
				   _("This account is disabled: ask an administrator."));
	}
	if (cur.locked_until > now) {
		if ((s = log_event(db, actor, "login_refused", "locked", NULL, err)) != JRC_OK)
			return s;
		return locked_out(cur.locked_until, err);
	}
	if (cur.locked_until)           /* the lockout is over: a fresh start */
		cur.failed_count = 0;
	if (match) {
		if ((s = set_counters(db, cur.id, 0, 0, err)) != JRC_OK ||
		    (s = log_event(db, actor, "login", lifecycle_role_name(cur.role), NULL, err)) != JRC_OK)
			return s;
		cur.failed_count = 0;
		cur.locked_until = 0;
		if (out)
			*out = cur;
		return JRC_OK;
	}
	cur.failed_count++;
	snprintf(note, sizeof(note), "%d/%d", cur.failed_count, JRC_LOGIN_TRIES);
	if ((s = log_event(db, actor, "login_failed", note, NULL, err)) != JRC_OK)
		return s;
	if (cur.failed_count >= JRC_LOGIN_TRIES) {
		jrc_time until = now + JRC_LOCKOUT_SECONDS;
		char at[32];

		clock_format_utc(until, at);
		if ((s = set_counters(db, cur.id, cur.failed_count, until, err)) != JRC_OK ||
		    (s = log_event(db, actor, "lockout", at, NULL, err)) != JRC_OK)
			return s;
		if (tries_left)
			*tries_left = 0;
		return locked_out(until, err);
	}
	if ((s = set_counters(db, cur.id, cur.failed_count, 0, err)) != JRC_OK)
		return s;
	if (tries_left)
		*tries_left = JRC_LOGIN_TRIES - cur.failed_count;
	return jrc_err_set(err, JRC_E_AUTH, "password",
			   _("The password is wrong: %d tries left before the account is locked for %d minutes."),
			   JRC_LOGIN_TRIES - cur.failed_count, JRC_LOCKOUT_SECONDS / 60);
}

jrc_status auth_login(jrc_db *db, const char *id, const char *password, jrc_staff *out,
		      int *tries_left, jrc_err *err)
{
	jrc_staff cur;
	jrc_status s;
	char hash[CRYPT_OUTPUT_SIZE];
	jrc_time now = clock_now();
	int match = 0;

	if (tries_left)
		*tries_left = -1;
	if (out)
		memset(out, 0, sizeof(*out));
	s = check_id(id, NULL) == JRC_OK ? get_row(db, id, &cur, hash, sizeof(hash), err)
					  : JRC_E_NOT_FOUND;
	if (s != JRC_OK && s != JRC_E_NOT_FOUND)
		return s;
	if (s == JRC_E_NOT_FOUND) {
		jrc_err dummy;

		/* What was typed is not logged: it may be a password typed into
		 * the wrong field. */
		if ((s = log_event(db, "system", "login_failed", "unknown staff ID", NULL, &dummy)) != JRC_OK)
			return jrc_err_set(err, s, NULL, "%s", dummy.msg);
		return jrc_err_set(err, JRC_E_AUTH, "id",
				   _("The staff ID or the password is wrong: check both and try again."));
	}
	/* The slow hash runs before the write lock is taken, and not at all
	 * while the account is disabled or locked. */
	if (!cur.disabled && cur.locked_until <= now) {
		int m = password_matches(password ? password : "", hash);

		if (m < 0) {
			explicit_bzero(hash, sizeof(hash));
			return jrc_err_set(err, JRC_E_IO, NULL,
					   _("The password could not be checked: this system's libcrypt lacks yescrypt; install a current libcrypt."));
		}
		match = m;
	}
	explicit_bzero(hash, sizeof(hash));
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	s = settle_login(db, cur.id, match, now, out, tries_left, err);
	/* A refused login is still recorded: commit unless the database failed. */
	if (s == JRC_OK || s == JRC_E_AUTH || s == JRC_E_LOCKED_OUT || s == JRC_E_REFUSED) {
		jrc_err cerr;

		if (db_commit(db, &cerr) != JRC_OK) {
			if (err)
				*err = cerr;
			return cerr.code;
		}
		return s;
	}
	db_rollback(db);
	return s;
}

jrc_status auth_logout(jrc_db *db, const jrc_staff *who, const char *why, jrc_err *err)
{
	char actor[48];

	return log_event(db, auth_actor(who, actor, sizeof(actor)), "logout", why, NULL, err);
}

/* ---------------------------------------------------------------- at a terminal */

/* Misses at one terminal and the time of the last, since its last good
 * login, within the hour. */
static jrc_status terminal_misses(jrc_db *db, const char *terminal, jrc_time now, int *misses,
				  jrc_time *last, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char since[32], at[32] = "";
	int rc;

	*misses = 0;
	*last = 0;
	clock_format_utc(now - 3600, since);
	if ((s = db_prepare(db, "SELECT count(*), max(at) FROM login_attempts WHERE terminal = ?1"
			    " AND result <> 'ok' AND at > ?2 AND id > COALESCE((SELECT max(id)"
			    "   FROM login_attempts WHERE terminal = ?1 AND result = 'ok'), 0)",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, terminal);
	db_bind_text(db, st, 2, since);
	if ((rc = db_step(db, st)) == DB_ROW) {
		*misses = db_col_int(st, 0);
		db_col_copy(st, 1, at, sizeof(at));
	}
	db_finalize(st);
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	if (*at && clock_parse(at, last) != JRC_OK)
		*last = now;
	return JRC_OK;
}

/* Was an unknown ID logged from this terminal within the last minute?
 * Then another is only counted, not logged: a stream of made-up IDs must
 * not flood the chained record. */
static int unknown_logged_lately(jrc_db *db, const char *terminal, jrc_time now)
{
	db_stmt *st;
	char since[32];
	int n = 0;

	clock_format_utc(now - 60, since);
	if (db_prepare(db, "SELECT count(*) FROM login_attempts WHERE terminal = ? AND"
		       " result = 'unknown' AND logged = 1 AND at > ?", &st, NULL) != JRC_OK)
		return 0;
	db_bind_text(db, st, 1, terminal);
	db_bind_text(db, st, 2, since);
	if (db_step(db, st) == DB_ROW)
		n = db_col_int(st, 0);
	db_finalize(st);
	return n > 0;
}

static jrc_status note_attempt(jrc_db *db, const char *terminal, jrc_time now,
			       const char *result, int logged, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char at[32];
	int rc;

	clock_format_utc(now, at);
	if ((s = db_prepare(db, "INSERT INTO login_attempts(terminal, at, result, logged)"
			    " VALUES (?,?,?,?)", &st, err)))
		return s;
	db_bind_text(db, st, 1, terminal);
	db_bind_text(db, st, 2, at);
	db_bind_text(db, st, 3, result);
	db_bind_int(st, 4, logged);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status one_sentence(jrc_err *err)
{
	return jrc_err_set(err, JRC_E_AUTH, "id",
			   _("The staff ID or the password is wrong, or the account cannot be used now: check both and try again, or ask an administrator."));
}

static jrc_status terminal_paused(jrc_time until, jrc_err *err)
{
	char when[32];

	clock_format_local(until, when);
	return jrc_err_set(err, JRC_E_LOCKED_OUT, "id",
			   _("Too many wrong staff logins at this terminal: logging in here is paused until %s. Log in at another terminal, or ask an administrator."),
			   when);
}

jrc_status auth_login_at(jrc_db *db, const char *terminal, const char *id,
			 const char *password, jrc_staff *out, int *wait_seconds, jrc_err *err)
{
	jrc_staff cur;
	jrc_status s, row;
	char hash[CRYPT_OUTPUT_SIZE] = "", actor[48], note[128];
	jrc_time now = clock_now(), last;
	int match = 0, misses, m;
	const char *term = terminal && *terminal ? terminal : "terminal";

	if (wait_seconds)
		*wait_seconds = 0;
	if (out)
		memset(out, 0, sizeof(*out));
	if ((s = terminal_misses(db, term, now, &misses, &last, err)) != JRC_OK)
		return s;
	if (misses >= JRC_LOGIN_TRIES && now < last + JRC_LOCKOUT_SECONDS)
		return terminal_paused(last + JRC_LOCKOUT_SECONDS, err);
	row = check_id(id, NULL) == JRC_OK ? get_row(db, id, &cur, hash, sizeof(hash), err)
					   : JRC_E_NOT_FOUND;
	if (row != JRC_OK && row != JRC_E_NOT_FOUND)
		return row;
	/* The same slow hash whatever the ID: how long a refusal takes must
	 * not tell whether the ID exists, is disabled or is locked. */
	if (row != JRC_OK || !*hash) {
		char *salt = crypt_gensalt_ra("$y$", 0, NULL, 0);

		if (salt) {
			password_matches(password ? password : "", salt);
			free(salt);
		}
	} else {
		m = password_matches(password ? password : "", hash);
		if (m < 0) {
			explicit_bzero(hash, sizeof(hash));
			return jrc_err_set(err, JRC_E_IO, NULL,
					   _("The password could not be checked: this system's libcrypt lacks yescrypt; install a current libcrypt."));
		}
		match = m && !cur.disabled && cur.locked_until <= now;
	}
	explicit_bzero(hash, sizeof(hash));
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if (row != JRC_OK) {
		int log = !unknown_logged_lately(db, term, now);

		s = note_attempt(db, term, now, "unknown", log, err);
		if (s == JRC_OK && log)
			s = log_event(db, term, "login_failed", "unknown staff ID", NULL, err);
	} else if (match) {
		if ((s = note_attempt(db, term, now, "ok", 1, err)) == JRC_OK)
			s = settle_login(db, cur.id, 1, now, out, NULL, err);
	} else {
		/* Counted against this terminal, not the account: nobody in the
		 * hall can lock the staff out. */
		snprintf(note, sizeof(note), "%s at %s",
			 cur.disabled ? "disabled" : cur.locked_until > now ? "locked" : "wrong password",
			 term);
		s = note_attempt(db, term, now, "fail", 1, err);
		if (s == JRC_OK)
			s = log_event(db, auth_actor(&cur, actor, sizeof(actor)),
				      cur.disabled || cur.locked_until > now ? "login_refused"
									    : "login_failed",
				      note, NULL, err);
	}
	if (s != JRC_OK && s != JRC_E_AUTH && s != JRC_E_REFUSED && s != JRC_E_LOCKED_OUT) {
		db_rollback(db);
		return s;
	}
	if ((s = db_commit(db, err)) != JRC_OK)
		return s;
	if (match)
		return JRC_OK;
	if ((s = terminal_misses(db, term, now, &misses, &last, err)) != JRC_OK)
		return s;
	if (misses >= JRC_LOGIN_TRIES)
		return terminal_paused(last + JRC_LOCKOUT_SECONDS, err);
	if (wait_seconds)
		*wait_seconds = misses >= 6 ? 60 : (1 << misses) < 60 ? (1 << misses) : 60;
	return one_sentence(err);
}
