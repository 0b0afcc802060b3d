/* Early warning (矛盾预警): rules from data/alerts.csv evaluated in the
 * same transaction as each filing (and by jrc tick for departments'
 * overdue counts); each alert raised is an event in the chain with the
 * cases behind it, listed at the desk and acknowledged by a supervisor
 * with a note.  An alert carries no personal data: places, categories,
 * departments and counts only. */
#ifndef JRC_ALERT_H
#define JRC_ALERT_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"

typedef struct jrc_alert {
	int64_t id;
	char rule[24];          /* the rule's code in data/alerts.csv */
	char kind[16];          /* cluster, repeat, collective, overdue */
	char raised_at[32];     /* UTC, ISO 8601 */
	char division[16];      /* the village (cluster, collective); "" otherwise */
	char category[16];      /* cluster, repeat, collective; "" otherwise */
	char department[16];    /* overdue; "" otherwise */
	long count;             /* the cases behind it */
	char summary[256];      /* one plain sentence, no personal data */
	char acked_by[24];      /* staff id; "" while unacknowledged */
	char acked_at[32];
	char *ack_note;         /* NULL while unacknowledged */
	int64_t *cases;         /* the case ids behind it */
	size_t n_cases;
} jrc_alert;

/* Alerts raised between from and to (local YYYY-MM-DD inclusive; NULL for
 * no bound), newest first; open_only: those not yet acknowledged. */
jrc_status alert_list(jrc_db *db, const char *from, const char *to, int open_only,
		      jrc_alert **out, size_t *n, jrc_err *err);
void alert_list_free(jrc_alert *a, size_t n);

#endif
