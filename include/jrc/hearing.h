/* Public appraisal hearings (公开评议 / 信访听证, issue 21 part 1): a
 * supervisor schedules a hearing on a disputed case (date, time, place, the
 * citizen, the department's representative) before a panel of at least
 * three members of the roster's kind "panel", none from the department
 * concerned; then records who attended, what each side said, each panel
 * member's opinion (合理 / 基本合理 / 不合理, or absent) with a reason, and
 * the conclusion by majority.  Every step is an event of the case that
 * carries the rows it wrote (jrc verify holds the tables to them). */
#ifndef JRC_HEARING_H
#define JRC_HEARING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"
#include "jrc/receipt.h"
#include "jrc/roster.h"

struct jrc_staff;

enum {
	JRC_HEARING_PANEL_MIN = 3,
	JRC_HEARING_PANEL_MAX = 9,
	/* Opinions needed for a conclusion at all: fewer (members absent)
	 * and the hearing concludes nothing. */
	JRC_HEARING_QUORUM = 3,
	JRC_HEARING_NAME_MAX = 60,      /* characters: the citizen, the representative */
	JRC_HEARING_PLACE_MAX = 60,
	JRC_HEARING_REASON_MAX = 200,   /* a panel member's reason */
	JRC_HEARING_TEXT_MAX = 1000     /* attendance, each side's summary */
};

typedef enum jrc_opinion {
	JRC_OPINION_NONE = 0,           /* not yet recorded */
	JRC_OPINION_REASONABLE,         /* 合理 */
	JRC_OPINION_BASIC,              /* 基本合理 */
	JRC_OPINION_UNREASONABLE,       /* 不合理 */
	JRC_OPINION_ABSENT              /* the member did not attend */
} jrc_opinion;

typedef enum jrc_conclusion {
	JRC_CONCLUSION_NONE = 0,        /* not yet recorded */
	JRC_CONCLUSION_REASONABLE,      /* a majority of opinions: 合理 */
	JRC_CONCLUSION_BASIC,           /* a majority 合理 or 基本合理, not 合理 alone */
	JRC_CONCLUSION_UNREASONABLE,    /* a majority: 不合理 */
	JRC_CONCLUSION_TIE,             /* as many against as for: no majority */
	JRC_CONCLUSION_TOO_FEW          /* fewer than JRC_HEARING_QUORUM opinions */
} jrc_conclusion;

/* The conclusion of n opinions (absent ones and NONE do not count): of
 * the opinions given, at least JRC_HEARING_QUORUM; 不合理 when more than
 * half are 不合理; else 合理 when more than half are 合理, 基本合理 when
 * more than half are 合理 or 基本合理; a tie otherwise. */
jrc_conclusion hearing_majority(const jrc_opinion *ops, size_t n);

/* Stored names ("reasonable", "basic", "unreasonable", "absent"; "tie",
 * "too_few") and parsing of an opinion's name (0 ok, -1 not one). */
const char *hearing_opinion_name(jrc_opinion o);
int hearing_opinion_parse(const char *s, jrc_opinion *out);
const char *hearing_conclusion_name(jrc_conclusion c);
/* In the user's language: an opinion (合理), a conclusion in a few words
 * (for staff), and a conclusion in plain words for the citizen. */
const char *hearing_opinion_label(jrc_opinion o);
const char *hearing_conclusion_label(jrc_conclusion c);
const char *hearing_conclusion_words(jrc_conclusion c);

typedef struct jrc_panel_seat {
	int64_t row;                /* its row in hearing_panel */
	char member[JRC_HOST_ID_MAX];
	char name[JRC_U8(JRC_HOST_NAME_MAX)];
	char title[JRC_U8(JRC_HOST_TITLE_MAX)];
	jrc_opinion opinion;
	char *reason;               /* owned, NULL until recorded or when absent */
} jrc_panel_seat;

typedef struct jrc_hearing {
	int64_t id, case_id;
	char receipt[JRC_RECEIPT_MAX];
	char department[16];        /* the department concerned */
	char held_on[11], at_time[6];   /* local YYYY-MM-DD, HH:MM */
	char *place, *citizen, *representative;       /* owned */
	char scheduled_at[32], scheduled_by[48];
	char *attended, *citizen_said, *department_said;   /* owned, NULL until recorded */
	jrc_conclusion conclusion;  /* NONE until recorded */
	char recorded_at[32], recorded_by[48];
	size_t nseats;
	jrc_panel_seat seats[JRC_HEARING_PANEL_MAX];
} jrc_hearing;

/* What a supervisor schedules.  citizen NULL or "": the case's name (an
 * anonymous case must name who comes). */
typedef struct jrc_hearing_plan {
	const char *receipt;
	const char *held_on, *at_time, *place;
	const char *citizen, *representative;
	const char *const *panel;   /* panel member ids, as in roster.csv */
	size_t npanel;
} jrc_hearing_plan;

/* Schedule a hearing: supervisors only; the case must have been taken on
 * (not registered) and have no hearing still to be recorded; the date
 * today or later; JRC_HEARING_PANEL_MIN to _MAX distinct active panel
 * members, none of the case's department.  Refused: nothing changes.
 * *id may be NULL. */
jrc_status hearing_schedule(jrc_db *db, const struct jrc_staff *by, const jrc_hearing_plan *p,
			    int64_t *id, jrc_err *err);

/* One panel member's opinion as recorded: member id, opinion, reason
 * (required unless absent). */
typedef struct jrc_hearing_opinion {
	const char *member;
	jrc_opinion opinion;
	const char *reason;
} jrc_hearing_opinion;

typedef struct jrc_hearing_minutes {
	const char *attended, *citizen_said, *department_said;
	const jrc_hearing_opinion *opinions;   /* one for each seat of the panel */
	size_t n;
} jrc_hearing_minutes;

/* Record hearing id: supervisors only, on or after its date, once; every
 * panel member's opinion.  Each part is an event; *out (may be NULL) gets
 * the conclusion. */
jrc_status hearing_record(jrc_db *db, const struct jrc_staff *by, int64_t id,
			  const jrc_hearing_minutes *m, jrc_conclusion *out, jrc_err *err);

/* Hearing id; free with hearing_free.  JRC_E_NOT_FOUND with a sentence. */
jrc_status hearing_get(jrc_db *db, int64_t id, jrc_hearing *out, jrc_err *err);
void hearing_free(jrc_hearing *h);

/* Hearings of case_id (0: all), newest first; upcoming_only keeps those
 * not yet recorded.  Free with hearing_list_free. */
jrc_status hearing_list(jrc_db *db, int64_t case_id, int upcoming_only, jrc_hearing **out,
			size_t *n, jrc_err *err);
void hearing_list_free(jrc_hearing *v, size_t n);

/* The case's latest hearing for its status: *found 0 when none. */
jrc_status hearing_latest(jrc_db *db, int64_t case_id, jrc_hearing *out, int *found,
			  jrc_err *err);

/* Whether a hearing on the case was held and concluded, by majority, that
 * the handling was reasonable or basically reasonable (合理 / 基本合理):
 * the case's latest recorded hearing decides.  *upheld is set; when true
 * and day is not NULL, day gets the hearing's date as YYYY-MM-DD. */
jrc_status hearing_upheld(jrc_db *db, int64_t case_id, bool *upheld, char day[11]);

/* A panel member as the roster lists them. */
typedef struct jrc_panelist {
	char id[JRC_HOST_ID_MAX];
	char name[JRC_U8(JRC_HOST_NAME_MAX)], name_en[JRC_U8(JRC_HOST_NAME_MAX)];
	char title[JRC_U8(JRC_HOST_TITLE_MAX)], title_en[JRC_U8(JRC_HOST_TITLE_MAX)];
	char department[16];        /* "" when none */
} jrc_panelist;

/* Active panel members in roster order; not_of (NULL: any) leaves out
 * those of that department.  Free *out with free(). */
jrc_status hearing_panelists(jrc_db *db, const char *not_of, jrc_panelist **out, size_t *n,
			     jrc_err *err);

#endif
