/* Private to the core: the filing path hands early warning what it just
 * wrote, so that evaluating the rules reads no row it already has. */
#ifndef JRC_ALERT_INTERNAL_H
#define JRC_ALERT_INTERNAL_H

#include <stdint.h>
#include "jrc/alert.h"

typedef struct alert_filing {
	int64_t case_id;
	const char *division, *category;
	int anonymous;
	const char *id_number, *phone;     /* NULL or "" when not given */
} alert_filing;

/* A filing's rules, from before its event to after. */
typedef struct alert_pass_rule {
	char code[24];
	int kind;
	long count, days;
	char since[32];         /* the window's start, UTC */
	long got;               /* what the filing's window holds */
	int64_t open;           /* the rule's open alert on this case's key, or 0 */
	int joined;             /* the case joined it before its event */
} alert_pass_rule;

typedef struct alert_pass {
	alert_pass_rule rule[32];
	size_t n;
	char keys[32][48];      /* alert_cases rows the filing added, "alert.case" */
	int nkeys;
} alert_pass;

/* The filing's path, in three steps around its own event:
 * 1. alert_filing_join, before the event: the rules, and the case put
 *    behind every open alert of its place and category (or person) raised
 *    within the rule's window; the rows added are in p->keys for the
 *    filing's event to carry;
 * 2. alert_filing_join_events: an event for the keys from `from` on that
 *    the filing's event had no room for;
 * 3. alert_filing_raise, after it: the other rules counted; met, a rule
 *    raises an alert, or the case joins the older alert still open (an
 *    event of its own). */
jrc_status alert_filing_join(jrc_db *db, const alert_filing *f, alert_pass *p, jrc_err *err);
jrc_status alert_filing_join_events(jrc_db *db, const alert_filing *f, const alert_pass *p,
				    int from, jrc_err *err);
jrc_status alert_filing_raise(jrc_db *db, const alert_filing *f, alert_pass *p, jrc_err *err);

/* All three, the joins in events of their own: alert_evaluate_case() for
 * a case whose row the caller just wrote. */
jrc_status alert_evaluate_filing(jrc_db *db, const alert_filing *f, jrc_err *err);

#endif
