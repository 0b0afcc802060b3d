/* The front desk: staff log in, work through the cases before their
 * deadlines, act on them as their role allows, and file for citizens.
 *
 * One screen, scr_desk_ops, holds the session: the login form while
 * nobody is logged in, the worklist after.  `jrc desk` runs it as the
 * root screen, so the kiosk wizard's return to the root (after assisted
 * filing) comes back to the worklist with the session kept; from the
 * kiosk's home it is pushed on top, and logging out returns to the home.
 * Everything staff do goes through the core with the account's role
 * (auth_may, auth_move_as): the screens only leave out what would be
 * refused anyway. */
#ifndef JRC_UI_SCR_DESK_H
#define JRC_UI_SCR_DESK_H

#include <stdint.h>

#include "engine.h"
#include "widgets.h"
#include "jrc/auth.h"
#include "jrc/grievance.h"
#include "jrc/refdata.h"
#include "jrc/roster.h"
#include "jrc/site.h"

/* Bytes for n characters of UTF-8 and the NUL. */
#define DESK_BUF(chars) ((chars) * 4 + 1)

enum {
	DESK_IDLE_SECONDS = 600,    /* a quiet desk logs itself out */
	DESK_PAGE = 60,             /* worklist rows fetched at a time */
	DESK_SOON_DAYS = 3          /* a deadline this close is highlighted */
};

/* The logged-in account, shared by the desk's screens (they sit above
 * scr_desk on the stack, so it outlives them). */
typedef struct desk_session {
	int logged_in;
	int revoked;                /* found disabled: log out when back */
	jrc_staff staff;
	int saved_staff_mode;       /* ctx->staff_mode before the login */
	char saved_staff_id[32];
} desk_session;

/* The worklist: one page of cases from grievance_list, filters, search. */
typedef struct desk_list {
	jrc_case *rows;
	size_t nrows;               /* rows loaded, from offset */
	long offset;                /* absolute index of rows[0] */
	int more;                   /* rows exist past the loaded ones */
	long sel, top;              /* absolute indexes */
	int page;                   /* rows shown at the last draw */
	int state;                  /* -1: all, else a jrc_state */
	int overdue, today, supervised;
	int focus;                  /* 0 list, 1 search */
	char search[DESK_BUF(40)];
	w_field search_f;
	char applied_search[160];   /* what the loaded page was searched for */
	char applied_dept[48];
	char error[512];
	int stale;                  /* reload before the next draw */
	int appts, arrived;         /* today's appointments, counted with each reload */
	size_t nfailed;             /* receipts that did not print, likewise */
	long alerts;                /* early-warning alerts not yet acknowledged, likewise */
	long sms_failed;            /* SMS given up on (jrc sms list --failed), likewise */
	jrc_department dept;        /* applied_dept, read likewise (have_dept) */
	int have_dept;
	void *names;                /* display names looked up so far */
	/* Sites (site.h): a township's or village's desk sees its own cases
	 * and those assigned to it (site_fixed); the county's sees all, or
	 * one site's, chosen with L. */
	char site[8];               /* "" all */
	int site_fixed;
	int have_sites;             /* sites are listed (L offered at the county) */
	char site_name[128];        /* the site's name, read with the page */
} desk_list;

extern const ui_screen_ops scr_desk_ops;        /* arg: NULL */
extern const ui_screen_ops scr_desk_case_ops;   /* arg: desk_case_arg * (copied) */
extern const ui_screen_ops scr_desk_form_ops;   /* arg: desk_form_arg * (taken, freed) */
extern const ui_screen_ops scr_desk_prints_ops; /* arg: desk_session * */
extern const ui_screen_ops scr_desk_today_ops;  /* arg: desk_session * */
extern const ui_screen_ops scr_desk_dept_ops;   /* arg: desk_list * */
extern const ui_screen_ops scr_desk_hearing_ops; /* arg: desk_case_arg * (read in enter) */
extern const ui_screen_ops scr_desk_visits_ops; /* arg: desk_session * */
extern const ui_screen_ops scr_desk_stats_ops;  /* arg: desk_session * */

extern const ui_screen_ops scr_desk_queue_ops;  /* arg: desk_session * */

/* The queue at this desk's window (scr_desk_queue.c): call, serve. */
void desk_queue_open(ui_ctx *ctx, desk_session *sess);

/* H on the worklist: the drafts handed to staff with F9 at a kiosk
 * (scr_desk_helps.c), without their content. */
extern const ui_screen_ops scr_desk_helps_ops;  /* arg: desk_session * */
void desk_helps_open(ui_ctx *ctx, desk_session *sess);

/* The visit log (scr_desk_visits.c): matters of leaders' visits. */
void desk_visits_open(ui_ctx *ctx, desk_session *sess);

/* The center's figures (scr_desk_stats.c): bar charts, months, shares;
 * no citizen's details, so open to every signed-in staffer. */
void desk_stats_open(ui_ctx *ctx, desk_session *sess);

extern const ui_screen_ops scr_desk_alerts_ops; /* arg: desk_session * */
/* Early warning (scr_desk_alerts.c): the alerts, the cases behind one,
 * a supervisor's acknowledgement. */
void desk_alerts_open(ui_ctx *ctx, desk_session *sess);

typedef struct desk_case_arg {
	desk_session *sess;
	int64_t case_id;
} desk_case_arg;

/* A form the desk asks before an action: up to DESK_FORM_MAX fields (a
 * hearing's reasons: one per panel member, at most nine). */
enum { DESK_FORM_MAX = 9 };

typedef struct desk_form_field {
	const char *key;            /* matches jrc_err.field to point at it */
	const char *label;          /* msgid */
	size_t max_chars;
	int multiline;              /* a text area, else one line */
	const char *initial;        /* may be NULL; copied */
	w_filter_fn filter;         /* NULL: any printable character */
} desk_form_field;

/* values[i] is field i's text.  JRC_OK closes the form. */
typedef jrc_status (*desk_form_submit_fn)(ui_ctx *ctx, void *user, char *const *values,
					  jrc_err *err);

typedef struct desk_form_arg {
	const char *title;          /* msgid */
	char subject[64];           /* shown after the title: the receipt */
	const char *question;       /* msgid: what Enter will do */
	int nfields;
	desk_form_field fields[DESK_FORM_MAX];
	desk_form_submit_fn submit;
	void *user;
} desk_form_arg;

/* Run the desk on this terminal with the login screen at the bottom. */
int ui_run_desk(const ui_options *opt);

/* The kiosk home's "staff" entry: the same login, pushed on top. */
void desk_home_open(ui_ctx *ctx);

/* The desk's words for the core's codes (desk_words.c), translated;
 * an unknown code comes back as it is. */
const char *desk_event_label(const char *kind);
const char *desk_channel_label(const char *channel);
/* The action that moves a case to a state, as a msgid ("Accept" ...). */
const char *desk_move_label(jrc_state to);
const char *desk_level_label(const char *level);
const char *desk_print_outcome(const char *outcome);
const char *desk_sink_label(const char *sink);

/* An event's note for the screen: the record's English keys ("reason:",
 * "due:" ...) and print outcomes translated, UTC times in the site's
 * time zone. */
void desk_note_text(ui_ctx *ctx, const char *kind, const char *note, char *out, size_t size);

/* A stored state name's short word for staff ("to accept" ...), translated
 * (lifecycle_state_desk); an unknown name as it is. */
const char *desk_state_label(const char *state);

/* The next deadline of c as text ("2026-12-14, 15 days", "OVERDUE 3
 * days"); *level 0 normal, 1 due within DESK_SOON_DAYS, 2 overdue, -1
 * none. */
void desk_deadline_text(const jrc_case *c, int wide, char *out, size_t size, int *level);

/* 1 if this desk has no printer (the sink "none"): a reprint then only
 * records the request, and the desk says so (scr_desk_prints.c). */
int desk_no_printer(ui_ctx *ctx);

/* The site this desk stands for when it is below the county (a township
 * or village center, its own or by jrc --site), into code; 0 at the
 * county, or when no sites are listed.  Its worklist and figures start
 * there. */
int desk_own_site(ui_ctx *ctx, char code[8]);

/* The sentence after a reprint of receipt, true to what happened. */
void desk_reprinted_message(ui_ctx *ctx, const char *receipt);

/* Read the account again before an action: a disabled account is
 * logged out there and then.  0 if still fine, else -1 (message shown). */
int desk_session_check(ui_ctx *ctx, desk_session *sess);

/* The worklist (scr_desk_list.c), drawn and driven by scr_desk. */
void desk_list_init(ui_ctx *ctx, desk_list *l, const desk_session *sess);
void desk_list_free(desk_list *l);
void desk_list_draw(ui_ctx *ctx, desk_list *l, const desk_session *sess, ui_rect r);
/* Keys of the worklist; sets *open to a case id to open (else 0). */
ui_result desk_list_key(ui_ctx *ctx, desk_list *l, ui_action act, wint_t ch, int64_t *open);

/* Today's appointments (scr_desk_today.c); the count of them and of
 * those arrived (-1 when it cannot be read). */
void desk_today_open(ui_ctx *ctx, desk_session *sess);
int desk_today_count(ui_ctx *ctx, int *arrived);
/* Today's appointment of case_id into *out (the last one): 1, else 0. */
int desk_today_appointment(ui_ctx *ctx, int64_t case_id, jrc_appointment *out);
/* "arrived 10:05" / "not arrived yet" for an arrival time (UTC) or "". */
void desk_arrival_text(const char *arrived_at, char *out, size_t size);

/* The department chooser (scr_desk_dept.c) and what it sets: the
 * worklist's department (NULL: all). */
struct jrc_department;
void desk_dept_open(ui_ctx *ctx, desk_list *l);
void desk_list_set_dept(ui_ctx *ctx, desk_list *l, const struct jrc_department *d);
/* A department's short name on screen, else its name. */
const char *desk_dept_short(const struct jrc_department *d);
/* The short name of a department code for screens (the code if unknown). */
void desk_dept_label(ui_ctx *ctx, const char *code, char *out, size_t size);

/* Who did something, in words: "command line", "张三 (D001)". */
void desk_actor_text(ui_ctx *ctx, const char *actor, char *out, size_t size);

/* Between the levels (scr_desk_levels.c, site.h): where a case is
 * handled and who handles it jointly, read with the case. */
typedef struct desk_levels {
	int have;                   /* sites are listed and the handling was read */
	jrc_handling h;
	int have_site;
	jrc_site site;              /* the handling site */
} desk_levels;

enum { DESK_LV_ASSIGN = 1, DESK_LV_ESCALATE = 2, DESK_LV_JOINT = 4, DESK_LV_PART = 8 };

/* Read lv for case c, and text (desk_levels_text) when not NULL; the
 * DESK_LV_* actions the account may take on it. */
unsigned desk_levels_load(ui_ctx *ctx, const jrc_staff *who, const jrc_case *c, desk_levels *lv,
			  char *text, size_t size);
/* "黄宅镇 (HZ), assigned, to be done by ...; jointly: ..." or "". */
void desk_levels_text(ui_ctx *ctx, const desk_levels *lv, char *out, size_t size);
/* The action's name (a msgid). */
const char *desk_levels_title(unsigned which);
/* The form of one DESK_LV_* action on c; when it saves, *stale = 1 and
 * *top goes to the end (the case screen under it shows the new event). */
void desk_levels_form(ui_ctx *ctx, desk_session *sess, const jrc_case *c, const desk_levels *lv,
		      unsigned which, int *stale, int *top);

/* Open a case's detail screen. */
void desk_open_case(ui_ctx *ctx, desk_session *sess, int64_t case_id);

#endif
