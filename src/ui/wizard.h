/* The filing wizard: one draft shared by all its step screens, so going
 * back, reopening a step from the review, resizing or switching language
 * never loses what the citizen typed.  The draft's buffers are the fields'
 * own storage: widgets edit them in place.
 *
 * Steps: 1 category, 2 place, 3 about you, 4 what happened, 5 what you
 * would like, 6 help, 7 review; then the receipt.  A matter solved on the
 * spot at a leader's visit (the desk's visit log, S) has one step more
 * before the review: what was done there (WIZ_STEP_SPOT, shown as 7 of
 * 8, the review as 8 of 8).
 *
 * The "Help" step (6) is an extension point: each choice is a
 * wizard_help_option in help_options[] in scr_help_step.c.  An option
 * may push its own screens to let the citizen choose (a mediator, a
 * lawyer, a leader's reception day); when the choice is made it sets
 * draft->help / draft->help_data and calls wizard_step_done(ctx,
 * WIZ_STEP_HELP).  At submit, file_in_tx() runs inside the same
 * transaction as the case, so a booking and its case commit together. */
#ifndef JRC_UI_WIZARD_H
#define JRC_UI_WIZARD_H

#include <stddef.h>

#include "engine.h"
#include "jrc/auth.h"
#include "jrc/grievance.h"
#include "jrc/validate.h"

enum {
	WIZ_STEP_CATEGORY = 1,
	WIZ_STEP_PLACE,
	WIZ_STEP_PERSON,
	WIZ_STEP_STORY,
	WIZ_STEP_OUTCOME,
	WIZ_STEP_HELP,
	WIZ_STEP_REVIEW,
	WIZ_STEPS = WIZ_STEP_REVIEW,
	/* Only for a matter solved on the spot: shown as step 7, before the
	 * review (wizard_step_shown). */
	WIZ_STEP_SPOT
};

enum { WIZ_PERSON_NONE = 0, WIZ_PERSON_NAMED, WIZ_PERSON_ANON };

/* Bytes for n characters of UTF-8 and the NUL. */
#define WIZ_BUF(chars) ((chars) * 4 + 1)

enum { WIZ_PHONE_MAX = 20 };    /* characters typed for a phone number */

typedef struct wizard_help_option {
	const char *kind;       /* "none", "mediator", "lawyer", "leader" ... */
	const char *label;      /* msgid shown in the list */
	/* NULL: always offered; else 1 if it can be offered now. */
	int (*available)(ui_ctx *ctx);
	/* Chosen by the citizen: set draft->help (and help_data) and call
	 * wizard_step_done(), now or from a screen it pushes.  NULL: the
	 * option is taken as it is. */
	void (*pick)(ui_ctx *ctx, const struct wizard_help_option *self);
	/* One line for the review screen (NULL: the label). */
	void (*describe)(ui_ctx *ctx, char *out, size_t size);
	/* Inside the filing transaction, after the case is written (NULL:
	 * nothing to do).  An error rolls the whole filing back. */
	jrc_status (*file_in_tx)(ui_ctx *ctx, const jrc_case *c, jrc_err *err);
	/* A line for the receipt screen after filing (NULL: none). */
	void (*receipt_line)(ui_ctx *ctx, const jrc_case *c, char *out, size_t size);
	/* Forget and free draft->help_data (NULL: nothing to free). */
	void (*wipe)(ui_ctx *ctx);
	/* 1 if the draft holds a choice of this option (a booking) that step
	 * 6 shows first, to keep, change or drop (NULL: never). */
	int (*chosen)(ui_ctx *ctx);
	/* A plain sentence when the choice does not fit the matter (a leader
	 * who does not take up its kind), else out[0] = 0 (NULL: none). */
	void (*mismatch)(ui_ctx *ctx, char *out, size_t size);
} wizard_help_option;

struct wizard_draft {
	char category[8];       /* "" until chosen */
	int category_unsure;    /* "not sure": files as OTH */
	char township[16];
	char division[16];      /* the village, or the township if not listed */
	int person;             /* WIZ_PERSON_* */
	char name[WIZ_BUF(JRC_NAME_MAX)];
	int id_other;           /* 0: resident ID card, 1: another document */
	char id_number[WIZ_BUF(JRC_OTHER_DOC_MAX)];
	char phone[WIZ_BUF(WIZ_PHONE_MAX)];
	int sms;                /* agreed to SMS notices at that phone (asked
				   after the form; "no" unless said) */
	char text[WIZ_BUF(JRC_TEXT_MAX)];
	char outcome[WIZ_BUF(JRC_OUTCOME_MAX)];
	const wizard_help_option *help;   /* NULL until the Help step is done */
	void *help_data;        /* the option's own state */
	int reviewing;          /* reopened from the review: return there */
	int cat_index, town_index, village_index;   /* list positions to come back to */
	int base_depth;         /* stack depth below the wizard's first screen */
	int story_checked;      /* a short story was confirmed as it is */
	int court_asked;        /* the court question was answered */
	int in_court;           /* already before a court or arbitration */
	int help_gen;           /* counts finished Help steps: step 6 shows a
				   booking first again after each */
	int64_t visit_id;       /* the desk's visit log: a matter of this
				   leader's visit (its place filled in) */
	int visit_found;        /* found by the visit: no complainant */
	int visit_spot;         /* solved on the spot: accepted and answered
				   with `solved` as it is filed */
	jrc_role spot_role;     /* who records it (the lifecycle decides) */
	char spot_dept[16];
	char solved[WIZ_BUF(JRC_ANSWER_MAX)];   /* what was done on the spot */
	int step_reached;       /* the furthest step opened (a help request) */
	int64_t help_request;   /* filing a draft handed to staff (help.h): */
	int64_t help_ticket;    /* wiped and its ticket served once filed */
	char token[JRC_TOKEN_LEN + 1];  /* the filing token of this draft */
	int tried;              /* submitted before: a lost answer may hide a
				   case already filed with the token */
};

/* Begin a new filing: a clean draft and the first step.  0 or -1. */
int wizard_start(ui_ctx *ctx);

/* Begin a filing from the desk's visit log: the matter of visit id
 * (jrc/visit.h) at division (its place, step 2 skipped); found: found by
 * the visit, with no complainant (step 3 skipped); solver non-NULL: solved
 * on the spot by that account (the extra step asks what was done).
 * 0 or -1. */
int wizard_start_visit(ui_ctx *ctx, int64_t visit_id, const char *township,
		       const char *division, int found, const jrc_staff *solver);

/* Begin a filing at the desk from a draft a citizen handed over at the
 * kiosk (help.h, claimed as request on ticket): its fields filled in and
 * its steps opened up to the one the citizen reached.  0 or -1. */
struct jrc_help_draft;
int wizard_start_help(ui_ctx *ctx, const struct jrc_help_draft *hd, int64_t request,
		      int64_t ticket);

/* 1 where F9 hands the filing form to staff: a kiosk's wizard, not the
 * desk's, with the hall's queue set up. */
int wizard_handover_offered(ui_ctx *ctx);

/* F9: keep the draft as a help request with a ticket, wipe it here and
 * show the ticket (the kiosk then goes home, as after a quick question). */
void wizard_hand_over(ui_ctx *ctx);

/* How many steps this filing has (7, or 8 when solved on the spot). */
int wizard_step_count(ui_ctx *ctx);

/* The number a step is shown with ("Step N of M", the review's rows). */
int wizard_step_shown(ui_ctx *ctx, int step);

/* Wipe the draft (zero every byte); safe when there is none. */
void wizard_wipe(ui_ctx *ctx);

/* Leave the wizard: wipe the draft and return to the screen it was
 * started from (the home, or the desk's worklist). */
void wizard_leave(ui_ctx *ctx);

/* Esc on the first step: leave at once when nothing was entered, else
 * ask first (1 keep going / 2 discard). */
void wizard_ask_leave(ui_ctx *ctx);

/* 1 if the draft holds anything the citizen chose or typed. */
int wizard_has_input(ui_ctx *ctx);

/* A step is finished: open the next one, or go back to the review when
 * the step was reopened from there. */
void wizard_step_done(ui_ctx *ctx, int step);

/* Open a step's first screen (the review reopens steps with this). */
int wizard_open_step(ui_ctx *ctx, int step);

/* The step's title, translated. */
const char *wizard_step_title(int step);

/* A short name of the step for the review's rows, translated. */
const char *wizard_step_label(int step);

/* File the draft: channel kiosk (desk with the staff ID in staff mode),
 * in the session's language; runs the help option's file_in_tx in the
 * same transaction.  out is filled on success. */
jrc_status wizard_submit(ui_ctx *ctx, jrc_case *out, jrc_err *err);

/* The chosen category's display name ("" if none). */
void wizard_category_name(ui_ctx *ctx, char *out, size_t size);

/* The chosen place as "township, village" in the current language. */
void wizard_place_name(ui_ctx *ctx, char *out, size_t size);

/* The help options offered now, in order; returns how many (<= max). */
size_t wizard_help_options(ui_ctx *ctx, const wizard_help_option **out, size_t max);

/* The built-in "no help" option. */
extern const wizard_help_option wizard_help_none;

#endif
