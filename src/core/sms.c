/* SMS notices: the templates, consent and the outbox (queued in the
 * transaction of the event that causes each message). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/date.h"
#include "jrc/i18n.h"
#include "jrc/mask.h"
#include "jrc/sms.h"
#include "jrc/text.h"

int sms_fits(const char *text)
{
	int ascii = 1;

	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p >= 0x80)
			ascii = 0;
	return text_utf8_count(text) <= (size_t)(ascii ? JRC_SMS_ASCII_MAX : JRC_SMS_UCS2_MAX);
}

/* The templates, in the current language.  The citizen's name and words
 * never go into a message: a phone's screen is seen by others. */
static int render_now(const char *kind, const char *a, const char *b, const char *c,
		      char *out, size_t size)
{
	if (strcmp(kind, "filed") == 0)
		/* TRANSLATORS: SMS, at most 70 characters with the values:
		 * receipt number, 6-digit query code */
		snprintf(out, size, _("Your matter is registered: receipt %s, query code %s. Keep them to follow it at the kiosk."),
			 a, b);
	else if (strcmp(kind, "booking") == 0)
		/* TRANSLATORS: SMS, at most 70 characters: date and time, room, receipt */
		snprintf(out, size, c && *c ? _("Booked: %s, %s. Receipt %s. Please come on time with your ID card.")
					    : _("Booked: %s%s. Receipt %s. Please come on time with your ID card."),
			 b, c ? c : "", a);
	else if (strcmp(kind, "reminder") == 0)
		/* TRANSLATORS: SMS, at most 70 characters: date and time, room, receipt */
		snprintf(out, size, c && *c ? _("Reminder: your appointment is tomorrow, %s, %s. Receipt %s.")
					    : _("Reminder: your appointment is tomorrow, %s%s. Receipt %s."),
			 b, c ? c : "", a);
	else if (strcmp(kind, "accepted") == 0)
		/* TRANSLATORS: SMS, at most 70 characters: receipt, department, date */
		snprintf(out, size, b && *b ? _("Your matter %s was accepted by %s; the answer is due by %s.")
					    : _("Your matter %s was accepted%s; the answer is due by %s."),
			 a, b ? b : "", c ? c : "");
	else if (strcmp(kind, "declined") == 0)
		/* TRANSLATORS: SMS, at most 70 characters: receipt */
		snprintf(out, size, _("Your matter %s was not accepted. The reason and where to turn: kiosk (query code) or front desk."),
			 a);
	else if (strcmp(kind, "answered") == 0)
		/* TRANSLATORS: SMS, at most 70 characters: receipt */
		snprintf(out, size, _("The answer to your matter %s is ready: read it at the kiosk with your query code, or ask at the front desk."),
			 a);
	else
		return -1;
	return 0;
}

int sms_render(const char *kind, const char *lang, const char *a, const char *b,
	       const char *c, char *out, size_t size)
{
	jrc_lang was = i18n_get(), want;
	int rc;

	if (i18n_parse(lang ? lang : "zh", &want) != 0)
		want = JRC_LANG_ZH;
	i18n_set(want);
	rc = render_now(kind, a ? a : "", b, c, out, size);
	/* Too long with the room or the department: without it. */
	if (rc == 0 && !sms_fits(out) && strcmp(kind, "accepted") == 0)
		rc = render_now(kind, a ? a : "", "", c, out, size);
	else if (rc == 0 && !sms_fits(out) && (!strcmp(kind, "booking") || !strcmp(kind, "reminder")))
		rc = render_now(kind, a ? a : "", b, "", out, size);
	i18n_set(was);
	return rc;
}

static jrc_status insert(jrc_db *db, int64_t case_id, const char *kind, int64_t booking_id,
			 const char *phone, const char *text, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char now[32];
	int rc;

	clock_format_utc(clock_now(), now);
	if ((s = db_prepare_cached(db, "INSERT INTO sms_outbox(case_id, kind, booking_id, phone, text,"
				   " queued_at, due_at, next_try_at) VALUES (?1,?2,?3,?4,?5,?6,?6,?6)"
				   " ON CONFLICT DO NOTHING", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	db_bind_text(db, st, 2, kind);
	if (booking_id)
		db_bind_int64(st, 3, booking_id);
	else
		db_bind_null(st, 3);
	db_bind_text(db, st, 4, phone);
	db_bind_text(db, st, 5, text);
	db_bind_text(db, st, 6, now);
	rc = db_step(db, st);
	db_release(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status sms_consent_in_tx(jrc_db *db, int64_t case_id, const char *phone, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char now[32];
	int rc;

	if (!phone || !*phone)
		return JRC_OK;
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare_cached(db, "INSERT INTO sms_consent(case_id, phone, given_at)"
				   " VALUES (?, ?, ?)", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	db_bind_text(db, st, 2, phone);
	db_bind_text(db, st, 3, now);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return sms_queue_in_tx(db, case_id, "filed", 0, err);
}

/* A booking's local start and its room in the case's language. */
static jrc_status booking_values(jrc_db *db, int64_t booking_id, int en, char when[32],
				 char *room, size_t size, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_time t;
	int rc;

	*when = *room = '\0';
	if ((s = db_prepare_cached(db, "SELECT slot_start, room, room_en FROM bookings WHERE id = ?",
				   &st, err)))
		return s;
	db_bind_int64(st, 1, booking_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		const char *start = db_col_text(st, 0);
		const char *r = db_col_text(st, en && db_col_bytes(st, 2) ? 2 : 1);

		if (start && clock_parse(start, &t) == JRC_OK)
			clock_format_local(t, when);
		snprintf(room, size, "%s", r ? r : "");
	}
	db_release(st);
	return rc == DB_ROW ? JRC_OK : rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status sms_queue_in_tx(jrc_db *db, int64_t case_id, const char *kind, int64_t booking_id,
			   jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char receipt[32] = "", code[8] = "", lang[4] = "zh", phone[32] = "", due[12] = "";
	char dept[200] = "", when[32] = "", room[200] = "", text[600];
	int rc, en;

	if ((s = db_prepare_cached(db, "SELECT c.receipt, c.query_code, c.lang, k.phone, c.due_on,"
				   " CASE WHEN c.lang = 'en' THEN d.name_en ELSE d.name_zh END,"
				   " CASE WHEN c.lang = 'en' THEN d.short_en ELSE d.short_zh END"
				   " FROM sms_consent k JOIN cases c ON c.id = k.case_id"
				   " LEFT JOIN departments d ON d.code = c.department"
				   " WHERE k.case_id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, receipt, sizeof(receipt));
		db_col_copy(st, 1, code, sizeof(code));
		db_col_copy(st, 2, lang, sizeof(lang));
		db_col_copy(st, 3, phone, sizeof(phone));
		db_col_copy(st, 4, due, sizeof(due));
		db_col_copy(st, 5, dept, sizeof(dept));
		/* The short name when the full one would not fit. */
		if (text_utf8_count(dept) > 12 && db_col_bytes(st, 6))
			db_col_copy(st, 6, dept, sizeof(dept));
	}
	db_release(st);
	if (rc == DB_DONE || (rc == DB_ROW && !*phone))
		return JRC_OK;          /* no consent: no message */
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	en = strcmp(lang, "en") == 0;
	if (booking_id && (s = booking_values(db, booking_id, en, when, room, sizeof(room), err)))
		return s;
	if (!strcmp(kind, "filed"))
		rc = sms_render(kind, lang, receipt, code, NULL, text, sizeof(text));
	else if (!strcmp(kind, "booking") || !strcmp(kind, "reminder"))
		rc = sms_render(kind, lang, receipt, when, room, text, sizeof(text));
	else if (!strcmp(kind, "accepted"))
		rc = sms_render(kind, lang, receipt, dept, due, text, sizeof(text));
	else
		rc = sms_render(kind, lang, receipt, NULL, NULL, text, sizeof(text));
	if (rc != 0)
		return jrc_err_set(err, JRC_E_INVALID, NULL,
				   _("An unknown kind of SMS was asked for: this is a program error, report it."));
	return insert(db, case_id, kind, booking_id, phone, text, err);
}

jrc_status sms_queue_reminders(jrc_db *db, long *n, jrc_err *err)
{
	jrc_time now = clock_now();
	jrc_date tomorrow = date_add_days(clock_local_date(now), 1);
	char from[32], to[32];
	db_stmt *st;
	jrc_status s;
	int64_t ids[256][2];
	size_t k = 0;
	long queued = 0;
	int rc;

	if (n)
		*n = 0;
	clock_format_utc(clock_local_midnight(tomorrow), from);
	clock_format_utc(clock_local_midnight(date_add_days(tomorrow, 1)), to);
	if ((s = db_begin(db, err)))
		return s;
	if ((s = db_prepare(db, "SELECT b.id, b.case_id FROM bookings b"
			    " JOIN sms_consent k ON k.case_id = b.case_id"
			    " WHERE b.cancelled_at IS NULL AND b.slot_start >= ?1 AND b.slot_start < ?2"
			    " AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.booking_id = b.id"
			    "   AND o.kind = 'reminder') ORDER BY b.id LIMIT 256", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, from);
	db_bind_text(db, st, 2, to);
	while ((rc = db_step(db, st)) == DB_ROW) {
		ids[k][0] = db_col_int64(st, 0);
		ids[k][1] = db_col_int64(st, 1);
		k++;
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	for (size_t i = 0; i < k; i++, queued++)
		if ((s = sms_queue_in_tx(db, ids[i][1], "reminder", ids[i][0], err)))
			goto fail;
	if ((s = db_commit(db, err)))
		return s;
	if (n)
		*n = queued;
	return JRC_OK;
fail:
	db_rollback(db);
	return s;
}

jrc_status sms_list(jrc_db *db, int failed_only, jrc_sms **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_sms *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT o.id, o.case_id, c.receipt, o.kind, o.phone, o.attempts,"
			    " o.queued_at, o.next_try_at, o.sent_at, o.failed_at, o.last_error, o.text"
			    " FROM sms_outbox o JOIN cases c ON c.id = o.case_id"
			    " WHERE ?1 = 0 OR o.failed_at IS NOT NULL ORDER BY o.id DESC", &st, err)))
		return s;
	db_bind_int(st, 1, failed_only);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_sms *m;
		char phone[32];
		const char *text = db_col_text(st, 11);

		if (k == cap) {
			jrc_sms *nv = realloc(v, (cap = cap ? cap * 2 : 16) * sizeof(*v));

			if (!nv) {
				rc = DB_NOMEM;
				break;
			}
			v = nv;
		}
		m = &v[k];
		memset(m, 0, sizeof(*m));
		if (!(m->text = strdup(text ? text : ""))) {
			rc = DB_NOMEM;
			break;
		}
		k++;
		m->id = db_col_int64(st, 0);
		m->case_id = db_col_int64(st, 1);
		db_col_copy(st, 2, m->receipt, sizeof(m->receipt));
		db_col_copy(st, 3, m->kind, sizeof(m->kind));
		db_col_copy(st, 4, phone, sizeof(phone));
		mask_phone(phone, m->phone, sizeof(m->phone));
		m->attempts = db_col_int(st, 5);
		db_col_copy(st, 6, m->queued_at, sizeof(m->queued_at));
		db_col_copy(st, 7, m->next_try_at, sizeof(m->next_try_at));
		db_col_copy(st, 8, m->sent_at, sizeof(m->sent_at));
		db_col_copy(st, 9, m->failed_at, sizeof(m->failed_at));
		db_col_copy(st, 10, m->last_error, sizeof(m->last_error));
		snprintf(m->state, sizeof(m->state), "%s",
			 *m->sent_at ? "sent" : *m->failed_at ? "failed" : "queued");
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		sms_list_free(v, k);
		return rc == DB_NOMEM ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	*out = v;
	*n = k;
	return JRC_OK;
}

void sms_list_free(jrc_sms *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

long sms_failed_count(jrc_db *db)
{
	db_stmt *st;
	long n = -1;

	if (db_prepare(db, "SELECT count(*) FROM sms_outbox WHERE failed_at IS NOT NULL", &st, NULL))
		return -1;
	if (db_step(db, st) == DB_ROW)
		n = (long)db_col_int64(st, 0);
	db_finalize(st);
	return n;
}
