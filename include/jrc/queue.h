/* The hall's queue: numbered windows in groups (windows.csv), tickets
 * numbered per group per local day (A001, A002, ...), called by the
 * windows of their group, each step an event in the chain.  A ticket
 * carries no personal data; it may link the case it concerns. */
#ifndef JRC_QUEUE_H
#define JRC_QUEUE_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"
#include "jrc/status.h"

enum {
	JRC_TICKET_LABEL_SIZE = 12,  /* "A012", wider past 999 */
	JRC_QUEUE_NEXT = 5           /* how many "next" a screen lists */
};

/* A window of the hall. */
typedef struct jrc_window {
	int number;
	char grp[2];                 /* "A" */
	char name_zh[96], name_en[128];
	char departments[128];       /* codes, one space between */
} jrc_window;

/* A ticket as it stands. */
typedef struct jrc_ticket {
	int64_t id;
	char day[11];                /* local YYYY-MM-DD */
	char grp[2];
	int number;
	char label[JRC_TICKET_LABEL_SIZE];  /* "A012" */
	char reason[12];             /* filing, question, help, checkin, transfer */
	int64_t case_id;             /* 0: none */
	char receipt[32];            /* of case_id, "" if none */
	char department[16];         /* "" if none */
	char state[16];              /* waiting, called, served, no_show, transferred */
	int window;                  /* called at (or, waiting, only for); 0 none */
	int64_t from_ticket;         /* transferred from, 0 if not */
	char taken_at[32], called_at[32], called_by[48], closed_at[32];
	int calls;
	int ahead;                   /* waiting: tickets called before it */
	int windows[8];              /* waiting: the windows that may call it */
	int nwindows;
} jrc_ticket;

/* What takes a ticket. */
typedef struct jrc_ticket_in {
	const char *grp;             /* NULL: the department's group, else the
					question group (the lowest window's) */
	const char *reason;          /* NULL: "question" */
	int64_t case_id;             /* 0: none */
	const char *department;      /* NULL: the case's, if any */
	const char *actor;           /* "kiosk:NAME", "cli", "staff:ID" */
} jrc_ticket_in;

/* Import one row of windows.csv (window, group, name_zh, name_en,
 * departments). */
jrc_status queue_import_window(jrc_db *db, char **v, long sort, jrc_err *err);

/* 1 when this terminal stands at the hall whose windows the database
 * lists (the site_code setting's); 0 at another site (jrc --site), where
 * no window, number or room of that hall is offered. */
int queue_at_hall(jrc_db *db);

/* The windows, by number (none away from the hall); free *out. */
jrc_status queue_windows(jrc_db *db, jrc_window **out, size_t *n, jrc_err *err);

/* One window; JRC_E_NOT_FOUND with a sentence naming the windows. */
jrc_status queue_window(jrc_db *db, int number, jrc_window *out, jrc_err *err);

/* The group (and the window to show) a department's tickets go to; *found
 * 0 when the department has no window in windows.csv. */
jrc_status queue_department_group(jrc_db *db, const char *department, char grp[2],
				  int *window, int *found, jrc_err *err);

/* Take the next number of the group today, in one write transaction
 * (numbers never repeat and leave no gap with several kiosks at once). */
jrc_status queue_take(jrc_db *db, const jrc_ticket_in *in, jrc_ticket *out, jrc_err *err);

/* As queue_take inside the caller's transaction (an appointment's
 * check-in takes its ticket with the arrival); on an error the caller
 * must roll back. */
jrc_status queue_take_in_tx(jrc_db *db, const jrc_ticket_in *in, jrc_ticket *out,
			    jrc_err *err);

/* The group a booking's room sends its check-ins to: the window whose
 * `rooms` (windows.csv) lists the room, else the general reception's
 * (the lowest window); *window that window. */
jrc_status queue_room_group(jrc_db *db, const char *room, char grp[2], int *window,
			    jrc_err *err);

/* Call the oldest waiting ticket window may call (those sent to it
 * first), atomically: two windows never get the same ticket.  Refused
 * while the window still has a called ticket; JRC_E_NOT_FOUND when
 * nobody is waiting. */
jrc_status queue_call(jrc_db *db, int window, const char *actor, jrc_ticket *out,
		      jrc_err *err);

/* Call a called ticket again (calls + 1, the board shows it again). */
jrc_status queue_recall(jrc_db *db, int64_t id, const char *actor, jrc_ticket *out,
			jrc_err *err);

/* A called ticket whose holder did not come: no_show. */
jrc_status queue_skip(jrc_db *db, int64_t id, const char *actor, jrc_ticket *out, jrc_err *err);

/* Send a called ticket to another window: it becomes transferred and a
 * new ticket of that window's group, for that window only and ahead of
 * the line, takes its place (*out). */
jrc_status queue_transfer(jrc_db *db, int64_t id, int to_window, const char *actor,
			  jrc_ticket *out, jrc_err *err);

/* A called ticket served; case_id (0: keep) links the case it concerned. */
jrc_status queue_serve(jrc_db *db, int64_t id, int64_t case_id, const char *actor,
		       jrc_ticket *out, jrc_err *err);

/* One ticket by its id. */
jrc_status queue_get(jrc_db *db, int64_t id, jrc_ticket *out, jrc_err *err);

/* A ticket named as staff say it: an id ("17") or today's label ("A012",
 * "a12"); JRC_E_NOT_FOUND with a sentence. */
jrc_status queue_find(jrc_db *db, const char *ref, int64_t *id, jrc_err *err);

/* Today's tickets still waiting or called (all: every one of today), in
 * the order they are called; grp NULL: every group.  Free *out. */
jrc_status queue_list(jrc_db *db, const char *grp, int all, jrc_ticket **out, size_t *n,
		      jrc_err *err);

/* The ticket called at window and not yet done; *found 0 if none. */
jrc_status queue_current(jrc_db *db, int window, jrc_ticket *out, int *found, jrc_err *err);

/* Today's ticket of a case still waiting or called (the newest);
 * *found 0 if none. */
jrc_status queue_of_case(jrc_db *db, int64_t case_id, jrc_ticket *out, int *found,
			 jrc_err *err);

struct jrc_doc;
/* The ticket's slip for paper cols wide (slip_ticket.c); en_only for a
 * printer with ASCII only. */
jrc_status queue_slip_doc(jrc_db *db, const jrc_ticket *t, int cols, int en_only,
			  struct jrc_doc *d, jrc_err *err);

/* Print the slip on uri (NULL: the "printer" setting); *printed 0 when
 * the printer is "none" (nothing printed, JRC_OK). */
jrc_status queue_slip_print(jrc_db *db, const jrc_ticket *t, const char *uri, int *printed,
			    jrc_err *err);

/* The windows of a group as "3、4" (zh) or "3, 4"; "" if none. */
void queue_windows_text(const jrc_ticket *t, int zh, char *out, size_t size);

#endif
