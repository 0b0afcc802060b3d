/* Leaders' visits (领导下访): a leader from the roster goes to a township
 * or village on a date; citizens book slots there as on a reception day;
 * staff record the matters raised or found there as cases. */
#ifndef JRC_VISIT_H
#define JRC_VISIT_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"
#include "jrc/date.h"
#include "jrc/doc.h"
#include "jrc/grievance.h"
#include "jrc/roster.h"

enum {
	JRC_VISIT_PLACE_MAX = 40,        /* characters, as a room */
	JRC_VISIT_ACCOMPANY_MAX = 120,
	JRC_VISIT_REASON_MAX = 200,
	JRC_VISIT_AHEAD_DAYS = 14        /* how far ahead home screens announce */
};

/* A visit as planned (and, if so, cancelled). */
typedef struct jrc_visit {
	int64_t id;
	jrc_host host;
	jrc_date day;
	int start_min, end_min, slot_minutes;
	char township[16], village[16];          /* division codes; village "" if none */
	char township_zh[JRC_U8(32)], township_en[JRC_U8(48)];
	char village_zh[JRC_U8(32)], village_en[JRC_U8(48)];
	char place[JRC_U8(JRC_VISIT_PLACE_MAX)], place_en[JRC_U8(JRC_VISIT_PLACE_MAX)];
	char topics[64];                         /* category codes, one space between */
	char accompany[JRC_U8(JRC_VISIT_ACCOMPANY_MAX)];
	char created_at[32], created_by[48];
	char cancelled_at[32], cancelled_by[48]; /* "" while it stands */
	char cancel_reason[JRC_U8(JRC_VISIT_REASON_MAX)];
} jrc_visit;

/* What `jrc visit add` and a row of visits.csv give; strings as typed. */
typedef struct jrc_visit_in {
	const char *host;        /* a leader's id in the roster */
	const char *date;        /* YYYY-MM-DD */
	const char *start, *end; /* HH:MM */
	const char *slot;        /* minutes per citizen; NULL or "": 30 */
	const char *division;    /* a township's or a village's code */
	const char *place, *place_en;
	const char *topics;      /* category codes separated by ';', ',' or blanks */
	const char *accompany;   /* who comes along, free text */
	const char *actor;       /* "cli", "staff:ID", "import" */
} jrc_visit_in;

/* Check and record a visit with an audit event that carries its row, in
 * one transaction; id 0 takes the next number.  *out_id (may be NULL)
 * gets its number.  Bad input: JRC_E_INVALID with a sentence, nothing
 * changed.  A leader cannot be at two places at once: a visit that
 * overlaps another visit of the same leader, or one of the leader's
 * reception days at the center, is refused. */
jrc_status visit_add(jrc_db *db, const jrc_visit_in *in, int64_t id, int64_t *out_id,
		     jrc_err *err);

/* As visit_add inside the caller's transaction (the import). */
jrc_status visit_add_in_tx(jrc_db *db, const jrc_visit_in *in, int64_t id, int64_t *out_id,
			   jrc_err *err);

/* One visit; JRC_E_NOT_FOUND with a sentence. */
jrc_status visit_get(jrc_db *db, int64_t id, jrc_visit *out, jrc_err *err);

/* Visits on local days from `from` (NULL: all), by date and time; with
 * cancelled the cancelled ones too.  Caller frees *out. */
jrc_status visit_list(jrc_db *db, const char *from, int cancelled, jrc_visit **out, size_t *n,
		      jrc_err *err);

/* Cancel a visit that has not happened yet, with a reason, as actor: the
 * cancellation is an event carrying the row.  Its open bookings are
 * cancelled with it (each a booking event), *bookings (may be NULL) says
 * how many, so that staff can tell those citizens. */
jrc_status visit_cancel(jrc_db *db, int64_t id, const char *reason, const char *actor,
			long *bookings, jrc_err *err);

/* The visits a terminal at division `site_division` announces: those
 * standing from today for JRC_VISIT_AHEAD_DAYS days, in that township
 * (a village's site: its township's), or all of them at the county
 * center.  Caller frees *out. */
jrc_status visit_announced(jrc_db *db, const char *site_division, jrc_visit **out, size_t *n,
			   jrc_err *err);

/* "12月10日 09:00-11:30 李明（县委副书记）到黄宅镇黄宅村接待，地点：村委会" in
 * the current language. */
void visit_announcement(const jrc_visit *v, char *out, size_t size);

/* "09:00-11:30" */
void visit_hours(const jrc_visit *v, char out[16]);

/* The names of v's topics in the current language, "、" or ", " between. */
void visit_topic_names(jrc_db *db, const jrc_visit *v, char *out, size_t size);

/* The notice of visit id for the village notice board, laid out for cols
 * columns (a receipt printer's paper); free with doc_free.  JRC_E_REFUSED
 * for a cancelled visit. */
jrc_status visit_notice_doc(jrc_db *db, int64_t id, int cols, jrc_doc *out, jrc_err *err);

/* Print that notice on uri (NULL: the "printer" setting) with the site's
 * paper, encoding and cut; *printed (may be NULL) 0 for the printer
 * "none".  A printer failure is JRC_E_PRINTER with a sentence. */
jrc_status visit_notice_print(jrc_db *db, int64_t id, const char *uri, int *printed,
			      jrc_err *err);

/* ---------------------------------------------------------------- matters */

/* A matter raised or found on a visit. */
typedef struct jrc_visit_matter_in {
	int64_t visit_id;
	int found;               /* found by the visit, no complainant */
	const char *solved;      /* what was done on the spot; NULL: not solved there */
	const char *actor;       /* "staff:ID" or "cli" */
	int role;                /* jrc_role of whoever records an on-the-spot answer */
	const char *actor_department;
} jrc_visit_matter_in;

/* File a case from a visit in one transaction: the case (division the
 * visit's place unless in gives one; a found matter is anonymous), its
 * link to the visit (an event carrying the row) and, when solved on the
 * spot, the accept and answer steps, each an event.  Refused, nothing
 * changed, for an unknown or cancelled visit, one that has not begun, a
 * found matter with a complainant's details. */
jrc_status visit_file(jrc_db *db, const jrc_intake *in, const jrc_visit_matter_in *vm,
		      jrc_case *out, jrc_err *err);

/* As visit_file inside the caller's transaction (a booking joins it);
 * out is filled (it is not optional here).  On an error roll back. */
jrc_status visit_file_in_tx(jrc_db *db, const jrc_intake *in, const jrc_visit_matter_in *vm,
			    jrc_case *out, jrc_err *err);

/* The visit a case was filed from: 1 and *visit_id, *found; 0 if none. */
int visit_of_case(jrc_db *db, int64_t case_id, int64_t *visit_id, int *found);

/* One case of a visit report. */
typedef struct jrc_visit_case {
	char receipt[JRC_RECEIPT_MAX];
	char category[8], department[16];
	char state[24];
	int found, on_spot, overdue;
	char verdict[16];        /* the latest verdict, "" none yet */
} jrc_visit_case;

/* What came of a visit. */
typedef struct jrc_visit_report {
	jrc_visit visit;
	long booked;             /* citizens with an open booking at it */
	long raised, found;      /* matters: all, of them found without a complainant */
	long on_spot;            /* answered the day they were filed, there */
	long assigned;           /* taken on by a department and still open */
	long open;               /* a department owes the next step */
	long overdue;
	long answered;           /* answered or later (closed included) */
	long satisfied, basic, unsatisfied;   /* the citizens' latest verdicts */
	jrc_visit_case *cases;
	size_t ncases;
} jrc_visit_report;

/* The report of one visit; free with visit_report_free. */
jrc_status visit_report(jrc_db *db, int64_t id, jrc_visit_report *out, jrc_err *err);
void visit_report_free(jrc_visit_report *r);

#endif
