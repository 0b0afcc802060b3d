/* Status lookups by citizens: the proof check, the record of every try,
 * the one-hour lock after five failures, and the kiosk's slow-down. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "lookup_internal.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "jrc/lookup.h"

int lookup_delay_seconds(int failures)
{
	if (failures <= 0)
		return 0;
	if (failures >= 6)
		return 60;
	return 1 << failures < 60 ? 1 << failures : 60;
}

static int all_digits(const char *s, size_t n)
{
	if (!s || strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Compare without an early exit, so timing says nothing about the code. */
static int same_secret(const char *a, const char *b, size_t n)
{
	unsigned diff = 0;

	for (size_t i = 0; i < n; i++)
		diff |= (unsigned)(unsigned char)a[i] ^ (unsigned)(unsigned char)b[i];
	return diff == 0;
}

/* The last 4 digits of a stored phone ("" if it has fewer). */
static void phone_last4(const char *phone, char out[5])
{
	char digits[32];
	size_t n = 0;

	out[0] = '\0';
	for (const char *p = phone; p && *p && n < sizeof(digits) - 1; p++)
		if (*p >= '0' && *p <= '9')
			digits[n++] = *p;
	if (n >= 4) {
		memcpy(out, digits + n - 4, 4);
		out[4] = '\0';
	}
}

static jrc_status record_try(jrc_db *db, const char *receipt, const char *at, jrc_proof kind,
			     const char *result, const char *source, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "INSERT INTO lookup_attempts(receipt, at, proof, result, source)"
			    " VALUES (?,?,?,?,?)", &st, err)))
		return s;
	db_bind_text(db, st, 1, receipt);
	db_bind_text(db, st, 2, at);
	db_bind_text(db, st, 3, kind == JRC_PROOF_CODE ? "code" : "phone4");
	db_bind_text(db, st, 4, result);
	db_bind_text(db, st, 5, source && *source ? source : "cli");
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* How a receipt's tries stand.  The lock (five failures within the
 * window) stops the phone digits only: a later success with the query
 * code ends it, so a guesser who knows only the number cannot lock the
 * owner out.  Failures count within the window, after the last success
 * with the query code (a success with the weaker phone digits does not
 * reset them) and after the try that set the last lock (an expired or
 * lifted lock starts the count afresh).  Ordered by id, not time, as
 * several tries can fall in one second. */
static jrc_status tries_state(jrc_db *db, const char *receipt, jrc_time now,
			      jrc_lookup_info *info, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char now_s[32], since[32], until[32] = "";
	int rc;

	memset(info, 0, sizeof(*info));
	clock_format_utc(now, now_s);
	clock_format_utc(now - JRC_LOOKUP_WINDOW, since);
	if ((s = db_prepare(db, "SELECT max(until) FROM lookup_locks l WHERE receipt = ?1"
			    " AND lifted_at IS NULL AND until > ?2 AND NOT EXISTS ("
			    "   SELECT 1 FROM lookup_attempts a WHERE a.receipt = ?1"
			    "   AND a.result = 'ok' AND a.proof = 'code' AND a.id > l.last_attempt)",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, receipt);
	db_bind_text(db, st, 2, now_s);
	if ((rc = db_step(db, st)) == DB_ROW)
		db_col_copy(st, 0, until, sizeof(until));
	db_finalize(st);
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	if (*until && clock_parse(until, &info->locked_until) != JRC_OK)
		info->locked_until = now + JRC_LOOKUP_LOCK;
	if ((s = db_prepare(db, "SELECT count(*) FROM lookup_attempts WHERE receipt = ?1"
			    " AND result = 'fail' AND at > ?2"
			    " AND id > COALESCE((SELECT max(id) FROM lookup_attempts"
			    "   WHERE receipt = ?1 AND result = 'ok' AND proof = 'code'), 0)"
			    " AND id > COALESCE((SELECT max(last_attempt) FROM lookup_locks"
			    "   WHERE receipt = ?1), 0)", &st, err)))
		return s;
	db_bind_text(db, st, 1, receipt);
	db_bind_text(db, st, 2, since);
	if ((rc = db_step(db, st)) == DB_ROW)
		info->failures = db_col_int(st, 0);
	db_finalize(st);
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	info->tries_left = info->locked_until ? 0 :
			   (info->failures < JRC_LOOKUP_MAX_FAILS ?
			    JRC_LOOKUP_MAX_FAILS - info->failures : 0);
	info->delay_seconds = info->locked_until ? 0 : lookup_delay_seconds(info->failures);
	return JRC_OK;
}

/* How the misses at one terminal stand, across receipts: never reset by
 * a success (a scanner holding one real receipt could otherwise clear
 * them), only aged out of the window. */
static jrc_status terminal_state(jrc_db *db, const char *source, jrc_time now,
				 jrc_lookup_info *info, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char since[32], now_s[32], last[32] = "";
	int rc;

	info->terminal_failures = 0;
	info->terminal_last_fail = 0;
	info->terminal_paused_until = 0;
	clock_format_utc(now - JRC_LOOKUP_WINDOW, since);
	if ((s = db_prepare(db, "SELECT count(*), max(at) FROM lookup_attempts"
			    " WHERE source = ?1 AND result = 'fail' AND at > ?2 AND at <= ?3", &st, err)))
		return s;
	clock_format_utc(now, now_s);
	db_bind_text(db, st, 1, source && *source ? source : "cli");
	db_bind_text(db, st, 2, since);
	db_bind_text(db, st, 3, now_s);
	if ((rc = db_step(db, st)) == DB_ROW) {
		info->terminal_failures = db_col_int(st, 0);
		db_col_copy(st, 1, last, sizeof(last));
	}
	db_finalize(st);
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	if (*last && clock_parse(last, &info->terminal_last_fail) != JRC_OK)
		info->terminal_last_fail = now;
	if (info->terminal_failures >= JRC_LOOKUP_TERMINAL_FAILS &&
	    now < info->terminal_last_fail + JRC_LOOKUP_TERMINAL_PAUSE)
		info->terminal_paused_until = info->terminal_last_fail + JRC_LOOKUP_TERMINAL_PAUSE;
	return JRC_OK;
}

/* The wait still due at a terminal before its next try. */
static int terminal_wait(const jrc_lookup_info *info, jrc_time now)
{
	jrc_time due;

	if (!info->terminal_failures)
		return 0;
	due = info->terminal_last_fail + lookup_delay_seconds(info->terminal_failures);
	return due > now ? (int)(due - now) : 0;
}

jrc_status lookup_terminal_info(jrc_db *db, const char *source, jrc_lookup_info *info,
				jrc_err *err)
{
	jrc_time now = clock_now();
	jrc_status s;

	memset(info, 0, sizeof(*info));
	if ((s = terminal_state(db, source, now, info, err)) != JRC_OK)
		return s;
	info->delay_seconds = terminal_wait(info, now);
	return JRC_OK;
}

static jrc_status locked_sentence(jrc_time until, jrc_err *err)
{
	char when[32];

	clock_format_local(until, when);
	return jrc_err_set(err, JRC_E_LOCKED_OUT, "proof",
			   _("There were too many wrong tries for this number, so the phone digits cannot be used for it until %s. The 6-digit query code on the receipt still works; or ask at the front desk with your ID card."),
			   when);
}

static jrc_status paused_sentence(jrc_time until, jrc_err *err)
{
	char when[32];

	clock_format_local(until, when);
	return jrc_err_set(err, JRC_E_LOCKED_OUT, "proof",
			   _("There were too many wrong tries at this terminal, so looking up is paused here until %s. Please ask at the front desk."),
			   when);
}

static jrc_status lock(jrc_db *db, const char *receipt, int64_t case_id, jrc_time now,
		       const char *source, jrc_lookup_info *info, jrc_err *err)
{
	char at[32], until[32], note[200];
	jrc_event_in ev = { 0 };
	db_stmt *st;
	jrc_status s;
	int rc;

	clock_format_utc(now, at);
	clock_format_utc(now + JRC_LOOKUP_LOCK, until);
	if ((s = db_prepare(db, "INSERT INTO lookup_locks(receipt, locked_at, until, last_attempt)"
			    " VALUES (?,?,?,(SELECT max(id) FROM lookup_attempts WHERE receipt = ?1))",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, receipt);
	db_bind_text(db, st, 2, at);
	db_bind_text(db, st, 3, until);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	snprintf(note, sizeof(note),
		 "%d failed lookups of %s within an hour; phone digits refused until %s",
		 JRC_LOOKUP_MAX_FAILS, receipt, until);
	ev.actor = source && *source ? source : "cli";
	ev.kind = "lookup_locked";
	ev.case_id = case_id;
	ev.note = note;
	ev.at = now;
	if ((s = audit_append(db, &ev, NULL, NULL, err)) != JRC_OK)
		return s;
	info->locked_until = now + JRC_LOOKUP_LOCK;
	info->tries_left = 0;
	return locked_sentence(info->locked_until, err);
}

/* A command line is a new process for every try, so it cannot wait on
 * its own: its waits are kept here.  A kiosk waits on its screen. */
static int waits_here(const char *source)
{
	return !source || !*source || strncmp(source, "cli", 3) == 0;
}

jrc_status lookup_verify_in_tx(jrc_db *db, const char *receipt, jrc_proof kind,
			       const char *proof, const char *source, int64_t *case_id,
			       jrc_lookup_info *info, jrc_err *err)
{
	jrc_time now = clock_now();
	char at[32], code[8] = "", phone4[5] = "", *phone = NULL;
	int64_t id = 0;
	int found = 0, oom = 0, good, wait;
	jrc_lookup_info term = { 0 };
	db_stmt *st;
	jrc_status s;
	int rc;

	clock_format_utc(now, at);
	if ((s = terminal_state(db, source, now, &term, err)) != JRC_OK)
		return s;
	if ((s = tries_state(db, receipt, now, info, err)) != JRC_OK)
		return s;
	info->terminal_failures = term.terminal_failures;
	info->terminal_last_fail = term.terminal_last_fail;
	info->terminal_paused_until = term.terminal_paused_until;
	if (info->terminal_paused_until) {
		if ((s = record_try(db, receipt, at, kind, "locked", source, err)) != JRC_OK)
			return s;
		return paused_sentence(info->terminal_paused_until, err);
	}
	if (waits_here(source) && (wait = terminal_wait(info, now)) > 0) {
		/* Not a try: nothing was checked. */
		info->delay_seconds = wait;
		return jrc_err_set(err, JRC_E_LOCKED_OUT, "proof",
				   _("Please wait %d seconds before the next try: wrong tries here are slowed down."),
				   wait);
	}
	if (info->locked_until && kind == JRC_PROOF_PHONE4) {
		if ((s = record_try(db, receipt, at, kind, "locked", source, err)) != JRC_OK)
			return s;
		return locked_sentence(info->locked_until, err);
	}
	if ((s = db_prepare(db, "SELECT id, query_code, phone FROM cases WHERE receipt = ?", &st,
			    err)))
		return s;
	db_bind_text(db, st, 1, receipt);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		found = 1;
		id = db_col_int64(st, 0);
		db_col_copy(st, 1, code, sizeof(code));
		phone = db_col_strdup(st, 2, &oom);
	}
	db_finalize(st);
	if (oom)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(db, rc, err);
	phone_last4(phone, phone4);
	free(phone);
	/* A matter filed without a phone fails like a wrong guess: what is
	 * said must not tell whether the number exists. */
	good = found && (kind == JRC_PROOF_CODE ? strlen(code) == 6 && same_secret(code, proof, 6)
						: *phone4 && same_secret(phone4, proof, 4));
	if ((s = record_try(db, receipt, at, kind, good ? "ok" : "fail", source, err)) != JRC_OK)
		return s;
	if (good) {
		if (kind == JRC_PROOF_CODE) {
			info->failures = 0;
			info->locked_until = 0;
		}
		info->tries_left = JRC_LOOKUP_MAX_FAILS - info->failures;
		info->delay_seconds = 0;
		if (case_id)
			*case_id = id;
		return JRC_OK;
	}
	if ((s = tries_state(db, receipt, now, info, err)) != JRC_OK ||
	    (s = terminal_state(db, source, now, info, err)) != JRC_OK)
		return s;
	info->delay_seconds = lookup_delay_seconds(info->failures > info->terminal_failures ?
						   info->failures : info->terminal_failures);
	if (info->terminal_paused_until)
		return paused_sentence(info->terminal_paused_until, err);
	if (info->failures >= JRC_LOOKUP_MAX_FAILS && !info->locked_until)
		return lock(db, receipt, id, now, source, info, err);
	/* One sentence whether the number exists or not. */
	if (kind == JRC_PROOF_CODE)
		return jrc_err_set(err, JRC_E_AUTH, "proof",
				   _("This number and this query code do not go together: check both on your receipt. Wrong tries slow this terminal down."));
	return jrc_err_set(err, JRC_E_AUTH, "proof",
			   _("This number and these phone digits do not go together: check both, or use the query code on the receipt. Wrong tries slow this terminal down."));
}

jrc_status lookup_check_proof(jrc_proof kind, const char *proof, jrc_err *err)
{
	if (kind == JRC_PROOF_CODE && !all_digits(proof, 6))
		return jrc_err_set(err, JRC_E_INVALID, "proof",
				   _("The query code has 6 digits: it is printed on your receipt under the number."));
	if (kind == JRC_PROOF_PHONE4 && !all_digits(proof, 4))
		return jrc_err_set(err, JRC_E_INVALID, "proof",
				   _("Type the last 4 digits of the phone number you gave when filing."));
	if (kind != JRC_PROOF_CODE && kind != JRC_PROOF_PHONE4)
		return jrc_err_set(err, JRC_E_INVALID, "proof",
				   _("Give the query code or the last 4 digits of your phone."));
	return JRC_OK;
}

jrc_status lookup_verify(jrc_db *db, const char *receipt, jrc_proof kind, const char *proof,
			 const char *source, int64_t *case_id, jrc_lookup_info *info,
			 jrc_err *err)
{
	jrc_lookup_info dummy;
	jrc_status s, c;

	if (!info)
		info = &dummy;
	memset(info, 0, sizeof(*info));
	/* A mistyped proof is not a guess: it is refused before it is counted. */
	if ((s = lookup_check_proof(kind, proof, err)) != JRC_OK)
		return s;
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	s = lookup_verify_in_tx(db, receipt, kind, proof, source, case_id, info, err);
	/* A failed try is kept: that is what the lock counts. */
	if (s == JRC_OK || s == JRC_E_AUTH || s == JRC_E_LOCKED_OUT) {
		jrc_err cerr = { 0 };

		if ((c = db_commit(db, &cerr)) != JRC_OK) {
			if (err)
				*err = cerr;
			return c;
		}
		return s;
	}
	db_rollback(db);
	return s;
}

jrc_status lookup_info(jrc_db *db, const char *receipt, jrc_lookup_info *info, jrc_err *err)
{
	return tries_state(db, receipt, clock_now(), info, err);
}

jrc_status lookup_unlock(jrc_db *db, const char *receipt, const char *actor, jrc_err *err)
{
	jrc_time now = clock_now();
	char at[32], note[96];
	jrc_event_in ev = { 0 };
	db_stmt *st;
	jrc_status s;
	int rc, changed;
	int64_t case_id = 0;

	if (!actor || !*actor)
		return jrc_err_set(err, JRC_E_INVALID, "actor",
				   _("Who lifts the pause is missing: give a staff ID."));
	clock_format_utc(now, at);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = db_prepare(db, "UPDATE lookup_locks SET lifted_at = ?1, lifted_by = ?2"
			    " WHERE receipt = ?3 AND lifted_at IS NULL AND until > ?1", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, at);
	db_bind_text(db, st, 2, actor);
	db_bind_text(db, st, 3, receipt);
	rc = db_step(db, st);
	db_finalize(st);
	changed = db_changes(db);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if (!changed) {
		s = jrc_err_set(err, JRC_E_NOT_FOUND, "receipt",
				_("Looking up %s is not paused: nothing to lift."), receipt);
		goto fail;
	}
	if ((s = db_prepare(db, "SELECT id FROM cases WHERE receipt = ?", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, receipt);
	/* A number no case has (a guesser's) is locked too: case 0. */
	if ((rc = db_step(db, st)) == DB_ROW)
		case_id = db_col_int64(st, 0);
	db_finalize(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	snprintf(note, sizeof(note), "lookups of %s allowed again", receipt);
	ev.actor = actor;
	ev.kind = "lookup_unlocked";
	ev.case_id = case_id;
	ev.note = note;
	ev.at = now;
	if ((s = audit_append(db, &ev, NULL, NULL, err)) != JRC_OK)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return s;
}

/* ---------------------------------------------------------------- other keys */

jrc_status lookup_key_state(jrc_db *db, const char *key, jrc_lookup_info *info, jrc_err *err)
{
	return tries_state(db, key, clock_now(), info, err);
}

jrc_status lookup_key_locked(jrc_time until, jrc_err *err)
{
	return locked_sentence(until, err);
}

jrc_status lookup_key_record(jrc_db *db, const char *key, int good, const char *source,
			     jrc_lookup_info *info, jrc_err *err)
{
	jrc_time now = clock_now();
	char at[32];
	jrc_status s;

	clock_format_utc(now, at);
	if ((s = record_try(db, key, at, JRC_PROOF_PHONE4, good ? "ok" : "fail", source, err)) != JRC_OK)
		return s;
	if (good) {
		memset(info, 0, sizeof(*info));
		info->tries_left = JRC_LOOKUP_MAX_FAILS;
		return JRC_OK;
	}
	if ((s = tries_state(db, key, now, info, err)) != JRC_OK)
		return s;
	if (info->failures >= JRC_LOOKUP_MAX_FAILS)
		return lock(db, key, 0, now, source, info, err);
	return JRC_OK;
}
