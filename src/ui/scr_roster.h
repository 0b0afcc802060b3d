/* The roster in the kiosk: the wizard's help options (a mediator, a
 * lawyer, a leader's reception day), the screens to choose a person and a
 * time, and the home screen's "leader reception days". */
#ifndef JRC_UI_SCR_ROSTER_H
#define JRC_UI_SCR_ROSTER_H

#include "engine.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/roster.h"

enum {
	/* How far ahead the reception days of leaders are shown: they come
	 * every other week, so two weeks would often show none. */
	ROSTER_UI_LEADER_DAYS = 42,
	ROSTER_UI_MAX_SLOTS = 60
};

/* The choice kept in the draft (draft->help_data) until filing. */
typedef struct roster_choice {
	jrc_host host;
	jrc_slot slot;
	int chosen;                  /* 0: file without a booking after all */
} roster_choice;

/* How a choosing screen was opened; screens copy it. */
typedef struct roster_ui_arg {
	const wizard_help_option *opt;   /* the option the choice belongs to */
	const char *kind;                /* mediator | lawyer | leader */
	int legal_aid;                   /* lawyers who give free legal aid only */
	int from_home;                   /* chosen from the home screen: the wizard starts after */
	jrc_host host;                   /* the slots screen: whose times */
	jrc_date day;                    /* the slots screen: one day only if one_day */
	int one_day;
	int64_t rebook_case;             /* "Check progress": move this case's booking */
} roster_ui_arg;

/* The wizard's help options (scr_roster_help.c). */
extern const wizard_help_option roster_help_mediator;
extern const wizard_help_option roster_help_lawyer;
extern const wizard_help_option roster_help_leader;

/* Screens. */
extern const ui_screen_ops scr_roster_hosts_ops;   /* ranked people of a kind */
extern const ui_screen_ops scr_roster_slots_ops;   /* free times of one person */
extern const ui_screen_ops scr_roster_days_ops;    /* leader reception days */
extern const ui_screen_ops scr_roster_legal_ops;   /* the legal-aid question */
extern const ui_screen_ops scr_roster_fit_ops;     /* a leader's day off the matter: go on? */

/* The home screen's entry: 1 if any leader receives, and its opener. */
int roster_home_available(ui_ctx *ctx);
void roster_home_open(ui_ctx *ctx);

/* The person and time are chosen: keep them in the draft and go on (to
 * the review, or, from the home screen, into a new filing). */
void roster_ui_chosen(ui_ctx *ctx, const roster_ui_arg *a, const jrc_host *h, const jrc_slot *sl);

/* When h is a leader who does not take up the draft's kind of matter: a
 * plain sentence in out and 1; else out[0] = 0 and 0. */
int roster_ui_mismatch(ui_ctx *ctx, const jrc_host *h, char *out, size_t size);

/* Draw a list whose items take `rows` rows each, scrolling a page at a
 * time; item() draws item i at y (selected: highlighted).  Keeps
 * l->page right for PgUp / PgDn. */
void roster_ui_draw_list(ui_ctx *ctx, w_list *l, ui_rect r, int rows,
			 void (*item)(ui_ctx *ctx, void *user, int i, int y, int x, int w,
				      int selected),
			 void *user);

/* The number column in front of a list item, highlighted when selected;
 * returns its width. */
int roster_ui_number(ui_ctx *ctx, int y, int x, int w, int n, int numw, int selected);

#endif
