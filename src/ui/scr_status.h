/* "Check progress" at the kiosk: look a matter up with the receipt number
 * and the query code (or the last 4 phone digits), see where it stands,
 * give a verdict on the answer and ask for a review. */
#ifndef JRC_UI_SCR_STATUS_H
#define JRC_UI_SCR_STATUS_H

#include "engine.h"
#include "jrc/lookup.h"
#include "jrc/roster.h"

enum { STATUS_TYPED_MAX = 24 };   /* characters of a receipt number as typed */

/* One citizen's lookup.  The entry screen owns it (it sits at the bottom
 * of the lookup's screens, so it outlives them) and wipes it when it
 * leaves, which the idle reset also does. */
typedef struct status_session {
	char typed[STATUS_TYPED_MAX * 4 + 1];   /* the number as typed */
	char receipt[JRC_RECEIPT_MAX];          /* canonical, once it parses */
	jrc_proof kind;
	char proof[32];                         /* digits as typed */
	jrc_progress p;                         /* valid while have_progress */
	int have_progress;
	/* The appointment, only after a lookup with the query code: */
	int64_t case_id;                        /* 0 until looked for */
	jrc_booking booking;                    /* valid while have_booking */
	int have_booking;
} status_session;

/* What the last screen of a lookup shows. */
typedef enum status_end {
	STATUS_END_THANKS,         /* a verdict was recorded */
	STATUS_END_CLOSED,         /* satisfied: the matter is closed */
	STATUS_END_REVIEW          /* a (re-)review was asked: the slip */
} status_end;

typedef struct status_end_arg {
	status_session *ss;
	status_end end;
	char due_on[11];           /* STATUS_END_REVIEW: the new deadline */
	jrc_state review_state;    /* STATUS_END_REVIEW: review or re-review */
} status_end_arg;

/* Open the lookup (the home screen's entry). */
void status_open(ui_ctx *ctx);

extern const ui_screen_ops scr_status_start_ops;   /* arg: NULL: have the number, or lost it */
extern const ui_screen_ops scr_status_lost_ops;    /* arg: NULL: "I lost my number" */
extern const ui_screen_ops scr_status_entry_ops;   /* arg: NULL */
extern const ui_screen_ops scr_status_view_ops;    /* arg: status_session * */
extern const ui_screen_ops scr_status_verdict_ops; /* arg: status_session * */
extern const ui_screen_ops scr_status_review_ops;  /* arg: status_session * */
extern const ui_screen_ops scr_status_end_ops;     /* arg: status_end_arg * (copied) */
extern const ui_screen_ops scr_status_unbook_ops;  /* arg: status_session * */

/* Read the case's appointment into ss (scr_status_booking.c): only when
 * the matter was looked up with the query code; the phone digits show
 * the state only. */
void status_booking_load(ui_ctx *ctx, status_session *ss);

/* 1 if the citizen may cancel or move the appointment from the kiosk:
 * looked up with the code, the time still ahead, the matter not closed. */
int status_booking_changeable(const status_session *ss);

/* Open the free times of the same person to move the appointment to. */
void status_booking_rebook(ui_ctx *ctx, status_session *ss);

/* The free-times screen's choice when moving: roster_move (the core of
 * `jrc rebook`), then back to the matter with a sentence. */
void status_booking_moved(ui_ctx *ctx, int64_t case_id, const jrc_slot *sl);

/* The deadline line of p in plain words ("A written answer is due by
 * Monday, 28 December 2026 (29 days left)"); "" when none runs. */
void status_deadline_text(const jrc_progress *p, char *out, size_t size);

/* A department name of p (or of a step) in the current language. */
const char *status_pick(const char *zh, const char *en);

#endif
