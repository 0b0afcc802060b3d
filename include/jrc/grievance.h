/* The case: validation, filing, lookup, listing. */
#ifndef JRC_GRIEVANCE_H
#define JRC_GRIEVANCE_H

#include <stdint.h>
#include <stddef.h>
#include "jrc/db.h"
#include "jrc/clock.h"
#include "jrc/receipt.h"
#include "jrc/states.h"

enum { JRC_ACCEPT_DAYS = 15 };

/* What a citizen (or staff for them) hands in.  Strings may be NULL. */
typedef struct jrc_intake {
	const char *category;    /* code, e.g. LAB; NULL or "" files as OTH */
	const char *division;    /* code of township or village */
	int anonymous;           /* drops name, ID and phone */
	const char *name;
	const char *id_kind;     /* "resident" (default) or "other" */
	const char *id_number;
	const char *phone;
	const char *text;        /* what happened, required, <= 4000 chars */
	const char *outcome;     /* what they would like, <= 1000 chars */
	const char *channel;     /* kiosk | desk | cli (default cli) */
	const char *staff_id;    /* staff member filing for the citizen */
	const char *lang;        /* zh | en: the citizen's language */
	const char *site;        /* NULL: the site setting */
	int sms;                 /* the citizen agrees to SMS notices (needs a phone) */
	const char *token;       /* the draft's filing token (grievance_token);
				    NULL: one is drawn for this call */
	int again;               /* an earlier try with this token may have been
				    filed, its answer lost (a server's link) */
} jrc_intake;

/* A filing token: 32 hex digits from the system's random source, drawn
 * once per draft and given with every try to file it. */
#define JRC_TOKEN_LEN 32
jrc_status grievance_token(char out[JRC_TOKEN_LEN + 1], jrc_err *err);


typedef struct jrc_case {
	int64_t id;
	char receipt[JRC_RECEIPT_MAX];
	char query_code[8];
	char site[8];
	char category[8];
	char division[16];
	char department[16];
	char level[12];
	int anonymous;
	char *name, *id_kind, *id_number, *phone;   /* owned, may be NULL */
	char *text, *outcome;                        /* owned */
	char channel[8];
	char staff_id[32];
	char lang[4];
	char filed_at[32];       /* UTC ISO 8601 */
	jrc_state state;         /* JRC_STATE_COUNT if the stored name is unknown */
	char state_at[32];
	char due_on[12];         /* local YYYY-MM-DD of the running deadline, "" if none */
	char accept_by[12];      /* local YYYY-MM-DD */
	int extended;
	char *answer;            /* owned, may be NULL */
	int64_t related_case;    /* earlier case of a repeat matter, 0 if none */
} jrc_case;

/* Check an intake without touching the database beyond reference lookups;
 * the first problem goes to err with err->field naming the field
 * ("category", "division", "name", "id_number", "phone", "text", "outcome"). */
jrc_status grievance_validate(jrc_db *db, const jrc_intake *in, jrc_err *err);

/* Validate, then file in one transaction: receipt number, query code,
 * route, state registered, acceptance deadline, first event.  out may be
 * NULL; else it is filled (free with grievance_case_free).  A transaction
 * the server gave up is tried again, with the same token: one whose
 * COMMIT reached the server though its answer did not is found, not filed
 * twice. */
jrc_status grievance_file(jrc_db *db, const jrc_intake *in, jrc_case *out,
			  jrc_err *err);

/* As grievance_file, but inside a transaction the caller opened: lets
 * other modules (a booking) join the same commit. */
jrc_status grievance_file_in_tx(jrc_db *db, const jrc_intake *in,
				jrc_case *out, jrc_err *err);

/* A try again (in->again) of a draft that was in fact filed: the case
 * filed with in->token, when what it says is what in says; JRC_OK with out
 * filled (free with grievance_case_free), or JRC_E_NOT_FOUND. */
jrc_status grievance_find_filed(jrc_db *db, const jrc_intake *in, jrc_case *out,
				jrc_err *err);

/* Look a case up by its receipt number (canonical form). */
jrc_status grievance_get(jrc_db *db, const char *receipt, jrc_case *out,
			 jrc_err *err);
jrc_status grievance_get_by_id(jrc_db *db, int64_t id, jrc_case *out,
			       jrc_err *err);

/* Free the owned strings of c (not c itself). */
void grievance_case_free(jrc_case *c);

/* Filter for listings. */
typedef struct jrc_case_filter {
	int with_state;          /* 0: any state; 1: only `state` */
	jrc_state state;
	const char *department;  /* NULL: any */
	const char *search;      /* receipt, name, ID number or phone, or a phone's
				  * last 4 digits; NULL: any */
	int overdue_only;
	int filed_today;
	int supervised_only;     /* only cases with an open supervision notice */
	const char *site;        /* NULL: any; else the cases filed at this site and
				  * those handled there now (assigned or escalated) */
	long limit, offset;      /* limit 0: no limit */
	int by_deadline;         /* next deadline first (overdue ones lead),
				  * cases without one last; else newest first */
} jrc_case_filter;

/* Cases matching f, newest first (or by deadline); a search matches a
 * receipt, ID number or phone whole, a name by its start; caller frees
 * with grievance_cases_free. */
jrc_status grievance_list(jrc_db *db, const jrc_case_filter *f, jrc_case **out,
			  size_t *n, jrc_err *err);
void grievance_cases_free(jrc_case *c, size_t n);

#endif
