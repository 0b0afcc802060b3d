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

struct jrc_staff;

enum {
	JRC_ALERT_NOTE_MAX = 1000     /* characters of an acknowledgement's note */
};

/* A case behind an alert, as staff may see it: no name, ID or phone. */
typedef struct jrc_alert_case {
	int64_t id;
	char receipt[40];
	char category[16];
	char category_name[96];  /* in the current language */
	char place[160];         /* township · village, in the current language */
	char state[24];          /* the stored state name */
	char filed_at[32];       /* UTC */
} jrc_alert_case;

/* Evaluate the cluster, repeat and collective rules for case_id, just
 * filed, inside the caller's transaction: a rule met raises an alert (or
 * the case joins the rule's open alert), each an event.  The filing path
 * calls it; nothing else needs to. */
jrc_status alert_evaluate_case(jrc_db *db, int64_t case_id, jrc_err *err);

/* Evaluate the departments' overdue rules in a transaction of its own
 * (jrc tick, the desk's alert screen); *raised (may be NULL) counts the
 * alerts raised and cases joined. */
jrc_status alert_evaluate_overdue(jrc_db *db, long *raised, jrc_err *err);

/* Acknowledge alert id with a note (required): a supervisor, once.
 * Anything refused changes nothing. */
jrc_status alert_ack(jrc_db *db, const struct jrc_staff *by, int64_t id, const char *note,
		     jrc_err *err);

/* The number of alerts not yet acknowledged (0 before the tables exist). */
jrc_status alert_open_count(jrc_db *db, long *n, jrc_err *err);

/* The cases behind alert id, oldest first; free() *out. */
jrc_status alert_cases(jrc_db *db, int64_t id, jrc_alert_case **out, size_t *n, jrc_err *err);

/* A rule of data/alerts.csv. */
typedef struct jrc_alert_rule {
	char code[24];
	char kind[16];
	long count;              /* cases, filings or people; overdue: more than this */
	long days;
	char name_zh[96], name_en[96];
} jrc_alert_rule;

/* The active rules in file order; free() *out. */
jrc_status alert_rules(jrc_db *db, jrc_alert_rule **out, size_t *n, jrc_err *err);

#endif
