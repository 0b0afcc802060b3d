/* The case: validation, filing in one transaction, lookup and listing. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "alert_internal.h"
#include "figures/tally_internal.h"
#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/audit.h"
#include "jrc/deadline.h"
#include "jrc/fault.h"
#include "jrc/grievance.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/repeat.h"
#include "jrc/terminate.h"
#include "jrc/route.h"
#include "jrc/seqmark.h"
#include "jrc/site.h"
#include "jrc/sms.h"
#include "jrc/supervise.h"
#include "jrc/text.h"
#include "jrc/validate.h"

/* The intake after sanitizing: every string owned. */
typedef struct clean_intake {
	char category[8];
	char division[16];
	int anonymous;
	char *name, *id_number, *phone, *text, *outcome;
	char id_kind[12];
	char channel[8];
	char staff_id[32];
	char lang[4];
	char site[8];
	int sms;                /* consent to SMS notices, only with a phone */
	jrc_route route;        /* looked up before the write lock is taken */
	char token[JRC_TOKEN_LEN + 1];
	int again;              /* look for a case filed with the token first */
} clean_intake;

static void clean_free(clean_intake *c)
{
	free(c->name);
	free(c->id_number);
	free(c->phone);
	free(c->text);
	free(c->outcome);
}

static int blank(const char *s)
{
	return !s || !*s;
}

/* Validate and normalise; fills c (caller frees with clean_free). */
static jrc_status clean(jrc_db *db, const jrc_intake *in, clean_intake *c, jrc_err *err)
{
	jrc_status s;
	jrc_category cat;
	jrc_division div;
	char today[9], buf[24];

	memset(c, 0, sizeof(*c));
	if (in->category && !*in->category)
		return jrc_err_set(err, JRC_E_INVALID, "category",
				   _("The category is empty: give a category code (see 'jrc categories')."));
	if (in->lang && *in->lang && strcmp(in->lang, "zh") && strcmp(in->lang, "en"))
		return jrc_err_set(err, JRC_E_INVALID, "lang",
				   _("The language must be zh or en."));
	snprintf(c->category, sizeof(c->category), "%s", blank(in->category) ? "OTH" : in->category);
	for (char *p = c->category; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	if ((s = refdata_category(db, c->category, &cat, err)) != JRC_OK)
		return s;
	if (!cat.active)
		return jrc_err_set(err, JRC_E_INVALID, "category",
				   _("The category '%s' is no longer in use: choose one that 'jrc categories' lists."),
				   c->category);
	if (blank(in->division))
		return jrc_err_set(err, JRC_E_INVALID, "division",
				   _("Say where the matter happened: give a township or village code."));
	if ((s = refdata_division(db, in->division, &div, err)) != JRC_OK)
		return s;
	snprintf(c->division, sizeof(c->division), "%s", div.code);
	if ((s = route_find(db, c->category, c->division, &c->route, err)) != JRC_OK)
		return s;

	c->anonymous = in->anonymous;
	if (!c->anonymous) {
		date_format_ymd(clock_local_date(clock_now()), today);
		if ((s = validate_name(in->name, err)) != JRC_OK)
			return s;
		if (!(c->name = text_sanitize(in->name, 0)))
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		snprintf(c->id_kind, sizeof(c->id_kind), "%s",
			 blank(in->id_kind) ? "resident" : in->id_kind);
		if (strcmp(c->id_kind, "resident") == 0) {
			char id[19];

			if (blank(in->id_number))
				return jrc_err_set(err, JRC_E_INVALID, "id_number",
						   _("The ID number is missing: type the 18 characters on the resident ID card, or choose another document."));
			if ((s = validate_id_number(in->id_number, today, id, err)) != JRC_OK)
				return s;
			c->id_number = strdup(id);
		} else if (strcmp(c->id_kind, "other") == 0) {
			if ((s = validate_other_doc(in->id_number, err)) != JRC_OK)
				return s;
			c->id_number = text_sanitize(in->id_number, 0);
		} else {
			return jrc_err_set(err, JRC_E_INVALID, "id_kind",
					   _("The document kind must be 'resident' or 'other'."));
		}
		if (!c->id_number)
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		if (blank(in->phone))
			return jrc_err_set(err, JRC_E_INVALID, "phone",
					   _("The phone number is missing: give a mobile (11 digits) or a landline with area code."));
		if ((s = validate_phone(in->phone, buf, err)) != JRC_OK)
			return s;
		if (!(c->phone = strdup(buf)))
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		c->sms = in->sms != 0;
	}
	if ((s = validate_text(in->text, JRC_TEXT_MAX, 1, "text", err)) != JRC_OK)
		return s;
	if (!(c->text = text_sanitize(in->text, 1)))
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if (!blank(in->outcome)) {
		if ((s = validate_text(in->outcome, JRC_OUTCOME_MAX, 0, "outcome", err)) != JRC_OK)
			return s;
		if (!(c->outcome = text_sanitize(in->outcome, 1)))
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	snprintf(c->channel, sizeof(c->channel), "%s", blank(in->channel) ? "cli" : in->channel);
	if (strcmp(c->channel, "cli") && strcmp(c->channel, "kiosk") && strcmp(c->channel, "desk"))
		return jrc_err_set(err, JRC_E_INVALID, "channel",
				   _("The channel must be kiosk, desk or cli."));
	if (!blank(in->staff_id)) {
		if (auth_check_staff_id(in->staff_id, err) != JRC_OK ||
		    strlen(in->staff_id) >= sizeof(c->staff_id)) {
			if (err)
				snprintf(err->field, sizeof(err->field), "staff_id");
			return jrc_err_set(err, JRC_E_INVALID, "staff_id",
					   _("The staff ID is not valid: a staff ID is letters, digits, dots, dashes or underscores, such as D001."));
		}
		snprintf(c->staff_id, sizeof(c->staff_id), "%s", in->staff_id);
	}
	snprintf(c->lang, sizeof(c->lang), "%s",
		 !blank(in->lang) && strcmp(in->lang, "en") == 0 ? "en" : "zh");
	if (!blank(in->site)) {
		if (!receipt_site_valid(in->site))
			return jrc_err_set(err, JRC_E_INVALID, "site",
					   _("The site code must be 2 to 4 capital letters, such as PJ."));
		/* A site named for this filing alone must be one of the list's
		 * (the database's own setting was checked when it was set). */
		if ((s = site_code_check(db, in->site, err)))
			return s;
		snprintf(c->site, sizeof(c->site), "%s", in->site);
	} else if ((s = db_setting_get(db, "site_code", NULL, c->site, sizeof(c->site), err))) {
		return s;
	}
	c->again = in->again != 0;
	if (in->token && strlen(in->token) == JRC_TOKEN_LEN &&
	    strspn(in->token, "0123456789abcdef") == JRC_TOKEN_LEN)
		memcpy(c->token, in->token, sizeof(c->token));
	else if ((s = grievance_token(c->token, err)) != JRC_OK)
		return s;
	return JRC_OK;
}

jrc_status grievance_token(char out[JRC_TOKEN_LEN + 1], jrc_err *err)
{
	unsigned char b[JRC_TOKEN_LEN / 2];
	size_t got = 0;

	out[0] = '\0';
	while (got < sizeof(b)) {
		ssize_t r = getrandom(b + got, sizeof(b) - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (fault_inject("getrandom")) {
			r = -1;
			errno = EIO;
		}
		if (r <= 0)
			return jrc_err_set(err, JRC_E_IO, NULL,
					   _("The filing could not be prepared (the system's random source failed: %s): nothing was filed; try again, and if it repeats restart the terminal."),
					   r < 0 ? strerror(errno) : "no bytes");
		got += (size_t)r;
	}
	for (size_t i = 0; i < sizeof(b); i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	return JRC_OK;
}

/* The case filed with token: 1 and its id when it says text, -1 when the
 * token went with another text (a draft changed after a failed try), 0
 * when no case has it. */
static int token_case(jrc_db *db, const char *token, const char *text, int64_t *id,
		      jrc_status *s, jrc_err *err)
{
	db_stmt *st;
	int rc, found = 0;

	*id = 0;
	if ((*s = db_prepare_cached(db, "SELECT id, text FROM cases WHERE filing_token = ?", &st,
				    err)))
		return 0;
	db_bind_text(db, st, 1, token);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		found = strcmp(db_col_text(st, 1), text) == 0 ? 1 : -1;
		*id = db_col_int64(st, 0);
	}
	db_release(st);
	if (rc != DB_ROW && rc != DB_DONE)
		*s = db_fail(db, rc, err);
	return found;
}

jrc_status grievance_validate(jrc_db *db, const jrc_intake *in, jrc_err *err)
{
	clean_intake c;
	jrc_status s = clean(db, in, &c, err);

	clean_free(&c);
	return s;
}

static jrc_status next_seq(jrc_db *db, const char *site, const char *day, long *seq,
			   jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, "INSERT INTO day_seq(site, day, last) VALUES (?, ?, 1)"
				   " ON CONFLICT(site, day) DO UPDATE SET last = last + 1 RETURNING last",
				   &st, err)))
		return s;
	db_bind_text(db, st, 1, site);
	db_bind_text(db, st, 2, day);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		*seq = (long)db_col_int64(st, 0);
	db_release(st);
	return rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

/* File an intake that clean() accepted, inside the caller's transaction. */
static jrc_status file_clean(jrc_db *db, const clean_intake *ci, jrc_case *out, jrc_err *err)
{
	const clean_intake c = *ci;
	char token[JRC_TOKEN_LEN + 1];
	jrc_status s;
	jrc_time now = clock_now();
	jrc_date today = clock_local_date(now), accept;
	char yymmdd[7], receipt[JRC_RECEIPT_MAX], code[7], filed[32], accept_by[11], actor[48];
	int ncover = 0;
#ifndef JRC_BENCH_WITHOUT_FIGURES
	char day[11];
	int joins = 0;
	alert_filing af;
	alert_pass pass;
#endif
	long seq = 0;
	db_stmt *st;
	int64_t id;
	int concluded = 0;
	int rc;
	jrc_event_in ev = { 0 };

	memcpy(token, c.token, sizeof(token));
	date_format_yymmdd(today, yymmdd);
	clock_format_utc(now, filed);
	/* Tried again: filed already, its answer lost with the connection. */
	if (c.again) {
		int found = token_case(db, c.token, c.text, &id, &s, err);

		if (s)
			goto out;
		if (found > 0)
			return out ? grievance_get_by_id(db, id, out, err) : JRC_OK;
		/* The draft was changed since: a filing of its own. */
		if (found < 0 && (s = grievance_token(token, err)))
			goto out;
	}
	if ((s = next_seq(db, c.site, yymmdd, &seq, err)) ||
	    (s = receipt_format(c.site, yymmdd, seq, receipt)) ||
	    (s = seqmark_note(db, c.site, yymmdd, seq, err)) ||
	    (s = receipt_query_code(code, err)) ||
	    (s = deadline_add(db, today, JRC_ACCEPT_DAYS, &accept, err)))
		goto out;
	date_format(accept, accept_by);
	s = db_prepare_cached(db,
			      "INSERT INTO cases(receipt, query_code, site, category, division, department,"
			      " level, anonymous, name, id_kind, id_number, phone, text, outcome, channel,"
			      " staff_id, lang, filed_at, state, state_at, due_on, accept_by, filing_token)"
			      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", &st,
			      err);
	if (s)
		goto out;
	db_bind_text(db, st, 1, receipt);
	db_bind_text(db, st, 2, code);
	db_bind_text(db, st, 3, c.site);
	db_bind_text(db, st, 4, c.category);
	db_bind_text(db, st, 5, c.division);
	db_bind_text(db, st, 6, c.route.department);
	db_bind_text(db, st, 7, c.route.level);
	db_bind_int(st, 8, c.anonymous);
	db_bind_text(db, st, 9, c.name);
	db_bind_text(db, st, 10, c.anonymous ? NULL : c.id_kind);
	db_bind_text(db, st, 11, c.id_number);
	db_bind_text(db, st, 12, c.phone);
	db_bind_text(db, st, 13, c.text);
	db_bind_text(db, st, 14, c.outcome);
	db_bind_text(db, st, 15, c.channel);
	db_bind_text(db, st, 16, *c.staff_id ? c.staff_id : NULL);
	db_bind_text(db, st, 17, c.lang);
	db_bind_text(db, st, 18, filed);
	db_bind_text(db, st, 19, lifecycle_state_name(JRC_ST_REGISTERED));
	db_bind_text(db, st, 20, filed);
	db_bind_text(db, st, 21, accept_by);
	db_bind_text(db, st, 22, accept_by);
	db_bind_text(db, st, 23, token);
	/* Its id in the same round trip (a server would need a second). */
	if ((rc = db_step(db, st)) == DB_ROW) {
		id = db_col_int64(st, 0);
		rc = db_step(db, st);
	} else if (rc == DB_DONE) {
		rc = DB_MISUSE; /* an insert that returned no row */
	}
	db_release(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto out;
	}
	if (*c.staff_id)
		snprintf(actor, sizeof(actor), "staff:%s", c.staff_id);
	ev.actor = *c.staff_id ? actor : c.channel;
	ev.kind = "filed";
	ev.case_id = id;
	ev.to_state = lifecycle_state_name(JRC_ST_REGISTERED);
	ev.note = c.channel;
	ev.at = now;
	ev.cover[ncover++] = (jrc_cover){ "cases", id, NULL };
	/* Consent to SMS is written with the filing and its event vouches
	 * for it; the first message is queued with it. */
	if (c.sms) {
		if ((s = sms_consent_in_tx(db, id, c.phone, err)) != JRC_OK)
			goto out;
		ev.cover[ncover++] = (jrc_cover){ "sms_consent", id, NULL };
	}
#ifndef JRC_BENCH_WITHOUT_FIGURES
	/* The benchmark's reference build (tests/bench) leaves the figures
	 * and the warnings out, to measure what they cost a filing.  A case
	 * joining an open alert: the filing's event carries the rows. */
	af = (alert_filing){ id, c.division, c.category, c.anonymous, c.id_number, c.phone };
	if ((s = alert_filing_join(db, &af, &pass, err)) != JRC_OK)
		goto out;
	for (joins = 0; joins < pass.nkeys && ncover < JRC_EVENT_COVERS; joins++)
		ev.cover[ncover++] = (jrc_cover){ "alert_cases", 0, pass.keys[joins] };
#endif
	/* A matter lawfully concluded before is linked to at once; any other
	 * earlier matter as a repeat.  The figures count it at once. */
	if ((s = audit_append(db, &ev, NULL, NULL, err)) != JRC_OK)
		goto out;
	/* Only a filer who gave an ID number can have an earlier matter. */
	if (c.id_number && *c.id_number &&
	    ((s = term_link_filing(db, id, &concluded, err)) != JRC_OK ||
	     (!concluded && (s = repeat_link(db, &(jrc_repeat_filing){ id, c.id_number,
								      c.category, ev.actor },
					     err)) != JRC_OK)))
		goto out;
#ifndef JRC_BENCH_WITHOUT_FIGURES
	date_format(today, day);
	if ((s = tally_filed(db, id, &(tally_key){ day, c.site, c.category, c.division,
						 c.route.department,
						 lifecycle_state_name(JRC_ST_REGISTERED), c.channel },
			     err)) != JRC_OK ||
	    (s = alert_filing_join_events(db, &af, &pass, joins, err)) != JRC_OK ||
	    (s = alert_filing_raise(db, &af, &pass, err)) != JRC_OK)
		goto out;
#endif
	if (out)
		s = grievance_get_by_id(db, id, out, err);
out:
	return s;
}

jrc_status grievance_find_filed(jrc_db *db, const jrc_intake *in, jrc_case *out, jrc_err *err)
{
	clean_intake c;
	jrc_status s;
	int64_t id = 0;
	int found = 0;

	if (out)
		memset(out, 0, sizeof(*out));
	if (!in->token || !*in->token)
		return JRC_E_NOT_FOUND;
	if ((s = db_reads_begin(db, err)) != JRC_OK)
		return s;
	if ((s = clean(db, in, &c, err)) == JRC_OK)
		found = token_case(db, c.token, c.text, &id, &s, err);
	if (s == JRC_OK && found <= 0)
		s = JRC_E_NOT_FOUND;
	if (s == JRC_OK && out)
		s = grievance_get_by_id(db, id, out, err);
	db_reads_end(db);
	clean_free(&c);
	return s;
}

jrc_status grievance_file_in_tx(jrc_db *db, const jrc_intake *in, jrc_case *out, jrc_err *err)
{
	clean_intake c;
	jrc_status s = clean(db, in, &c, err);

	if (s == JRC_OK)
		s = file_clean(db, &c, out, err);
	clean_free(&c);
	return s;
}

jrc_status grievance_file(jrc_db *db, const jrc_intake *in, jrc_case *out, jrc_err *err)
{
	clean_intake c;
	jrc_status s;

	if (out)
		memset(out, 0, sizeof(*out));
	/* Validate before taking the write lock, so bad input never waits;
	 * once only, as validating costs as much as the writes; its lookups
	 * in one read transaction rather than one each. */
	if ((s = db_reads_begin(db, err)) != JRC_OK)
		return s;
	s = clean(db, in, &c, err);
	db_reads_end(db);
	if (s != JRC_OK) {
		clean_free(&c);
		return s;
	}
	/* A server may give up a transaction that did nothing wrong (a
	 * deadlock, a connection lost and opened again): the filing is done
	 * afresh, a few times, and its number taken afresh with it. */
	for (int attempt = 0;; attempt++) {
		c.again = c.again || attempt > 0;
		if ((s = db_begin(db, err)) == JRC_OK) {
			if ((s = file_clean(db, &c, out, err)) != JRC_OK)
				db_rollback(db);
			else
				s = db_commit(db, err);
			if (s != JRC_OK && out)
				grievance_case_free(out);
		}
		if (s == JRC_OK || attempt == 3 || !db_retryable(db))
			break;
	}
	clean_free(&c);
	return s;
}

#define CASE_COLS \
	"id, receipt, query_code, site, category, division, department, level, anonymous," \
	" name, id_kind, id_number, phone, text, outcome, channel, staff_id, lang, filed_at," \
	" state, state_at, due_on, accept_by, extended, answer, related_case"

static int fill_case(db_stmt *st, jrc_case *c)
{
	int oom = 0;

	memset(c, 0, sizeof(*c));
	c->id = db_col_int64(st, 0);
	db_col_copy(st, 1, c->receipt, sizeof(c->receipt));
	db_col_copy(st, 2, c->query_code, sizeof(c->query_code));
	db_col_copy(st, 3, c->site, sizeof(c->site));
	db_col_copy(st, 4, c->category, sizeof(c->category));
	db_col_copy(st, 5, c->division, sizeof(c->division));
	db_col_copy(st, 6, c->department, sizeof(c->department));
	db_col_copy(st, 7, c->level, sizeof(c->level));
	c->anonymous = db_col_int(st, 8);
	c->name = db_col_strdup(st, 9, &oom);
	c->id_kind = db_col_strdup(st, 10, &oom);
	c->id_number = db_col_strdup(st, 11, &oom);
	c->phone = db_col_strdup(st, 12, &oom);
	c->text = db_col_strdup(st, 13, &oom);
	c->outcome = db_col_strdup(st, 14, &oom);
	db_col_copy(st, 15, c->channel, sizeof(c->channel));
	db_col_copy(st, 16, c->staff_id, sizeof(c->staff_id));
	db_col_copy(st, 17, c->lang, sizeof(c->lang));
	db_col_copy(st, 18, c->filed_at, sizeof(c->filed_at));
	{
		const char *name = db_col_text(st, 19);

		if (lifecycle_state_parse(name, &c->state) != 0)
			c->state = JRC_STATE_COUNT;
	}
	db_col_copy(st, 20, c->state_at, sizeof(c->state_at));
	db_col_copy(st, 21, c->due_on, sizeof(c->due_on));
	db_col_copy(st, 22, c->accept_by, sizeof(c->accept_by));
	c->extended = db_col_int(st, 23);
	c->answer = db_col_strdup(st, 24, &oom);
	c->related_case = db_col_int64(st, 25);
	if (oom)
		grievance_case_free(c);
	return oom ? -1 : 0;
}

static jrc_status get_one(jrc_db *db, const char *sql, const char *key, int64_t id,
			  jrc_case *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((s = db_prepare_cached(db, sql, &st, err)))
		return s;
	if (key)
		db_bind_text(db, st, 1, key);
	else
		db_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == DB_ROW && fill_case(st, out) != 0)
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	else if (rc == DB_DONE)
		s = jrc_err_set(err, JRC_E_NOT_FOUND, "receipt",
				_("No case has the number %s: check the number on the receipt."),
				key ? key : "?");
	else if (rc != DB_ROW)
		s = db_fail(db, rc, err);
	db_release(st);
	return s;
}

jrc_status grievance_get(jrc_db *db, const char *receipt, jrc_case *out, jrc_err *err)
{
	return get_one(db, "SELECT " CASE_COLS " FROM cases WHERE receipt = ?", receipt, 0, out,
		       err);
}

jrc_status grievance_get_by_id(jrc_db *db, int64_t id, jrc_case *out, jrc_err *err)
{
	return get_one(db, "SELECT " CASE_COLS " FROM cases WHERE id = ?", NULL, id, out, err);
}

void grievance_case_free(jrc_case *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->id_kind);
	free(c->id_number);
	free(c->phone);
	free(c->text);
	free(c->outcome);
	free(c->answer);
	c->name = c->id_kind = c->id_number = c->phone = c->text = c->outcome = c->answer = NULL;
}

void grievance_cases_free(jrc_case *c, size_t n)
{
	if (!c)
		return;
	for (size_t i = 0; i < n; i++)
		grievance_case_free(&c[i]);
	free(c);
}

jrc_status grievance_list(jrc_db *db, const jrc_case_filter *f, jrc_case **out, size_t *n,
			  jrc_err *err)
{
	char sql[2048], today[11], owed[256], overdue[384];
	db_stmt *st;
	jrc_status s;
	size_t cap = 64;
	int rc = DB_DONE, oom = 0;
	jrc_time now = clock_now();
	jrc_date d = clock_local_date(now);
	char start[32], end[32];
	int last4;

	*out = NULL;
	*n = 0;
	last4 = f && f->search && strlen(f->search) == 4 && strspn(f->search, "0123456789") == 4;
	date_format(d, today);
	lifecycle_owed_sql(owed, sizeof(owed));
	snprintf(overdue, sizeof(overdue),
		 " AND state IN %s AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?4", owed);
	clock_format_utc(clock_local_midnight(d), start);
	clock_format_utc(clock_local_midnight(date_add_days(d, 1)), end);
	snprintf(sql, sizeof(sql),
		 "SELECT " CASE_COLS " FROM cases WHERE 1=1%s%s%s%s%s%s%s ORDER BY %s%s",
		 f && f->with_state ? " AND state = ?1" : "",
		 f && f->department ? " AND department = ?2" : "",
		 !f || !f->search ? "" :
		 /* Whole values are looked up through their indexes; only the
		  * last four digits of a phone need to read every case. */
		 last4 ? " AND phone LIKE '%' || ?3" :
		 /* A name by its start, as a range over the name index. */
		 " AND (receipt = upper(?3) OR (name >= ?3 AND name < ?3 || char(1114111))"
		 " OR id_number = upper(?3) OR phone = ?9)",
		 f && f->overdue_only ? overdue : "",
		 f && f->filed_today ? " AND filed_at >= ?5 AND filed_at < ?6" : "",
		 f && f->supervised_only ? " AND " SUPERVISE_OPEN_SQL("cases.id") : "",
		 f && f->site ? " AND (site = ?10 OR EXISTS (SELECT 1 FROM case_handling h"
				" WHERE h.case_id = cases.id AND h.site = ?10))" : "",
		 f && f->by_deadline ? "due_on IS NULL, due_on, id" : "id DESC",
		 f && f->limit > 0 ? " LIMIT ?7 OFFSET ?8" : "");
	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	if (f) {
		if (f->with_state)
			db_bind_text(db, st, 1, lifecycle_state_name(f->state));
		if (f->department)
			db_bind_text(db, st, 2, f->department);
		if (f->search) {
			char phone[24];

			db_bind_text(db, st, 3, f->search);
			/* A phone is stored as validate_phone writes it: look it up
			 * the same way however it was typed (+86, dashes, none).
			 * A phone's last 4 digits do without ?9. */
			if (!last4 && validate_phone(f->search, phone, NULL) == JRC_OK)
				db_bind_text(db, st, 9, phone);
			else if (!last4)
				db_bind_text(db, st, 9, f->search);
		}
		if (f->overdue_only)
			db_bind_text(db, st, 4, today);
		if (f->filed_today) {
			db_bind_text(db, st, 5, start);
			db_bind_text(db, st, 6, end);
		}
		if (f->site)
			db_bind_text(db, st, 10, f->site);
		if (f->limit > 0) {
			db_bind_int64(st, 7, f->limit);
			db_bind_int64(st, 8, f->offset);
		}
	}
	*out = malloc(cap * sizeof(**out));
	oom = !*out;
	while (!oom && (rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			jrc_case *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb) {
				oom = 1;
				break;
			}
			*out = nb;
		}
		if (fill_case(st, &(*out)[*n]) != 0) {
			oom = 1;
			break;
		}
		(*n)++;
	}
	db_finalize(st);
	if (oom || rc != DB_DONE) {
		grievance_cases_free(*out, *n);
		*out = NULL;
		*n = 0;
		return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	return JRC_OK;
}
