/* The hall's board (阳光信访): what one refresh of the TV shows, gathered
 * from the queue, the maintained figures and the roster.  Nothing here is
 * personal: tickets, windows, counts, department names and the leaders'
 * published names and posts. */
#ifndef JRC_BOARD_H
#define JRC_BOARD_H

#include <stdint.h>
#include "jrc/db.h"
#include "jrc/queue.h"
#include "jrc/roster.h"

enum {
	BOARD_CALLED_MAX = 16,  /* tickets called and not yet done */
	BOARD_NEXT_MAX = 8,     /* the next ones waiting */
	BOARD_DAYS_MAX = 8,     /* leader reception days in the week ahead */
	BOARD_DEPTS_MAX = 40,   /* departments in the appraisal table */
	BOARD_APPRAISAL_DAYS = 90
};

/* A ticket as the board shows it. */
typedef struct board_ticket {
	int64_t id;
	char label[JRC_TICKET_LABEL_SIZE];
	int window;             /* called at; waiting: the one window it is for, 0 any */
	int calls;              /* times called (a recall says it again) */
	char called_at[32];
} board_ticket;

/* A leader's reception day as the roster publishes it. */
typedef struct board_day {
	jrc_date day;
	jrc_time start, end;
	char name[JRC_U8(JRC_HOST_NAME_MAX)], name_en[JRC_U8(JRC_HOST_NAME_MAX)];
	char title[JRC_U8(JRC_HOST_TITLE_MAX)], title_en[JRC_U8(JRC_HOST_TITLE_MAX)];
	char room[JRC_U8(JRC_ROOM_MAX)], room_en[JRC_U8(JRC_ROOM_MAX)];
} board_day;

/* One department's line of the public appraisal. */
typedef struct board_dept {
	char code[24];
	char name[128];         /* in the interface language at gathering */
	long answered, on_time; /* first answers, and those by their deadline */
	long rated, satisfied;  /* verdicts on them, and "satisfied" */
} board_dept;

typedef struct board_data {
	char today[11];
	board_ticket called[BOARD_CALLED_MAX];   /* newest call first */
	int ncalled;
	board_ticket next[BOARD_NEXT_MAX];       /* in the order they are called */
	int nnext, waiting;                      /* waiting: all of them */
	long filed_today, accepted_today, answered_today;
	long open, overdue;
	board_day days[BOARD_DAYS_MAX];
	int ndays;
	char from90[11];                         /* the appraisal's first filing day */
	board_dept depts[BOARD_DEPTS_MAX];
	int ndepts;
} board_data;

/* Gather one refresh, what a call or a filing changes: the queue, today's
 * counts, open and overdue, the week's leader days.  A few indexed reads
 * and the summary tables, never a scan of the cases; the appraisal
 * (from90, depts) is left as it was. */
jrc_status board_gather(jrc_db *db, board_data *out, jrc_err *err);

/* Gather the public appraisal (from90, depts): the summary rows of 90
 * days, tens of thousands at a million cases, so a board reads it every
 * few minutes rather than at each call. */
jrc_status board_gather_appraisal(jrc_db *db, board_data *out, jrc_err *err);

/* SQLite's data_version of this connection: it changes when another
 * connection commits, so a board polls it to know when to gather again. */
jrc_status board_data_version(jrc_db *db, int64_t *out, jrc_err *err);

#endif
