/* SMS notices: consent, the outbox, the sender. */
#ifndef JRC_SMS_H
#define JRC_SMS_H

#include <stddef.h>
#include <stdint.h>

#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/status.h"

/* One message fits one segment: 70 characters when any is not ASCII
 * (UCS-2), else 160 (GSM 7-bit). */
enum { JRC_SMS_UCS2_MAX = 70, JRC_SMS_ASCII_MAX = 160 };

/* 1 if text fits one SMS segment. */
int sms_fits(const char *text);

/* A message for the outbox, in lang ("zh" or "en"), at most one segment:
 * kind is filed (a = receipt, b = query code), booking or reminder (a =
 * receipt, b = local "YYYY-MM-DD HH:MM", c = room), accepted (a =
 * receipt, b = department name, c = answer due YYYY-MM-DD), declined or
 * answered (a = receipt).  A value that would make it too long is left
 * out.  Returns 0, or -1 for an unknown kind. */
int sms_render(const char *kind, const char *lang, const char *a, const char *b,
	       const char *c, char *out, size_t size);

/* Inside the filing's transaction: record the citizen's consent for
 * phone, and queue the filing message. */
jrc_status sms_consent_in_tx(jrc_db *db, int64_t case_id, const char *phone, jrc_err *err);

/* Inside the event's transaction: queue the message for kind (filed,
 * accepted, declined, answered; booking with booking_id) when the case
 * has consent; nothing otherwise. */
jrc_status sms_queue_in_tx(jrc_db *db, int64_t case_id, const char *kind, int64_t booking_id,
			   jrc_err *err);

/* Queue the reminders for tomorrow's bookings not yet reminded; *n how
 * many (may be NULL).  Its own transaction. */
jrc_status sms_queue_reminders(jrc_db *db, long *n, jrc_err *err);

/* Check a sender setting: none, file:PATH or command:PATH (an executable
 * file); JRC_E_INVALID with a sentence. */
jrc_status sms_sender_check(const char *sender, jrc_err *err);

/* Send what is due through the sms_sender setting: *sent and *failed
 * count this run's tries (a failure is retried after 1, 5, 30 minutes, 2
 * and 12 hours; the 6th failure is final).  With sender none nothing is
 * tried. */
jrc_status sms_send_due(jrc_db *db, long *sent, long *failed, jrc_err *err);

typedef struct jrc_sms {
	int64_t id, case_id;
	char receipt[32];
	char kind[12];
	char phone[24];          /* masked */
	char state[12];          /* queued | sent | failed */
	int attempts;
	char queued_at[32], next_try_at[32], sent_at[32], failed_at[32];  /* UTC, "" if none */
	char last_error[200];
	char *text;              /* owned */
} jrc_sms;

/* The outbox, newest first; failed_only: those given up on. */
jrc_status sms_list(jrc_db *db, int failed_only, jrc_sms **out, size_t *n, jrc_err *err);
void sms_list_free(jrc_sms *v, size_t n);

/* How many messages were given up on (-1 on error). */
long sms_failed_count(jrc_db *db);

#endif
