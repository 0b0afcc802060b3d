/* The home screen's announcements of leaders' visits (kiosk/home_visits.c). */
#ifndef JRC_UI_HOME_VISITS_H
#define JRC_UI_HOME_VISITS_H

#include <stddef.h>
#include <stdint.h>
#include "engine.h"

struct jrc_visit;

typedef struct home_visits {
	struct jrc_visit *v;
	size_t n;
	int64_t loaded_ms;
} home_visits;

/* Read the visits this site announces (the site_division setting). */
void home_visits_load(ui_ctx *ctx, home_visits *hv);

/* Read them again when a minute has passed; 1 if what shows changed. */
int home_visits_tick(ui_ctx *ctx, home_visits *hv, int64_t now_ms);

void home_visits_free(home_visits *hv);

/* Rows the announcements take at width, at most max (0: none to show). */
int home_visits_lines(const home_visits *hv, int width, int max);

/* Draw them in `lines` rows from y (as home_visits_lines said). */
void home_visits_draw(ui_ctx *ctx, const home_visits *hv, int y, int x, int width, int lines);

#endif
