/* The leaders' visits a kiosk's home screen announces: those to this
 * site's township (every one at the county center) in the next days,
 * read when home is entered and again each minute, never while drawing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "home_visits.h"
#include "jrc/visit.h"

enum { RELOAD_MS = 60 * 1000 };

void home_visits_load(ui_ctx *ctx, home_visits *hv)
{
	char site[16];
	jrc_visit *v = NULL;
	size_t n = 0;

	hv->loaded_ms = ui_now_ms();
	if (db_setting_get(ctx->db, "site_division", NULL, site, sizeof(site), NULL) != JRC_OK)
		snprintf(site, sizeof(site), "%s", "");
	/* A failed read keeps what was shown: announcements are a courtesy,
	 * and the next minute tries again. */
	if (visit_announced(ctx->db, site, &v, &n, NULL) != JRC_OK)
		return;
	free(hv->v);
	hv->v = v;
	hv->n = n;
}

int home_visits_tick(ui_ctx *ctx, home_visits *hv, int64_t now_ms)
{
	size_t before = hv->n;
	int64_t first = hv->n ? hv->v[0].id : 0;

	if (now_ms - hv->loaded_ms < RELOAD_MS)
		return 0;
	home_visits_load(ctx, hv);
	return hv->n != before || (hv->n ? hv->v[0].id : 0) != first;
}

void home_visits_free(home_visits *hv)
{
	free(hv->v);
	hv->v = NULL;
	hv->n = 0;
}

int home_visits_lines(const home_visits *hv, int width, int max)
{
	char line[512];
	int lines;

	if (!hv->n || max < 2)
		return 0;
	lines = 1;                      /* the heading */
	for (size_t i = 0; i < hv->n; i++) {
		int k;

		visit_announcement(&hv->v[i], line, sizeof(line));
		k = ui_text_lines(line, width - 2);
		if (lines + k > max)
			break;
		lines += k;
	}
	return lines > 1 ? lines : 0;
}

void home_visits_draw(ui_ctx *ctx, const home_visits *hv, int y, int x, int width, int lines)
{
	char line[512];
	int used = 1;

	if (lines < 2)
		return;
	ui_text(y, x, width, ui_attr(ctx, UI_HEADING), _("Leaders come to you (visits):"));
	for (size_t i = 0; i < hv->n && used < lines; i++) {
		int k;

		visit_announcement(&hv->v[i], line, sizeof(line));
		k = ui_text_lines(line, width - 2);
		if (used + k > lines)
			break;
		used += ui_text_wrapped(y + used, x + 2, width - 2, k, ui_attr(ctx, UI_NOTICE), line);
	}
}
