/* Choosing the worklist's department (D): the list of departments, and a
 * field that narrows it by code, name or short name as staff type
 * ("人社", "rsj", "Health").  Enter takes the highlighted one, or the one
 * the typed text names; "all departments" is first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

typedef struct dept_state {
	desk_list *list;
	jrc_department *all;
	size_t n;
	int *shown;                 /* indexes into all that fit what is typed; -1: "all" */
	int nshown;
	int sel, top, moved;
	char typed[DESK_BUF(24)];
	char applied[DESK_BUF(24)]; /* what shown was computed for */
	w_field f;
	char error[512];
} dept_state;

static int filter_any(uint32_t cp)
{
	return cp >= 0x20 && cp != 0x7f;
}

static void fold(const char *in, char *out, size_t size)
{
	size_t i = 0;

	for (; in[i] && i + 1 < size; i++)
		out[i] = in[i] >= 'A' && in[i] <= 'Z' ? (char)(in[i] - 'A' + 'a') : in[i];
	out[i] = '\0';
}

static int fits(const jrc_department *d, const char *want)
{
	const char *names[] = { d->code, d->name_zh, d->name_en, d->short_zh, d->short_en };
	char f[160];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		fold(names[i], f, sizeof(f));
		if (*f && strstr(f, want))
			return 1;
	}
	return 0;
}

static void narrow(dept_state *d)
{
	char want[DESK_BUF(24)], *clean = text_sanitize(d->typed, 0), *p;

	fold(clean ? clean : "", want, sizeof(want));
	free(clean);
	for (p = want; *p == ' '; p++)
		;
	memmove(want, p, strlen(p) + 1);
	while (*want && want[strlen(want) - 1] == ' ')
		want[strlen(want) - 1] = '\0';
	d->nshown = 0;
	if (!*want)
		d->shown[d->nshown++] = -1;
	for (size_t i = 0; i < d->n; i++)
		if (!*want || fits(&d->all[i], want))
			d->shown[d->nshown++] = (int)i;
	snprintf(d->applied, sizeof(d->applied), "%s", d->typed);
	if (!d->moved || d->sel >= d->nshown)
		d->sel = 0;
}

void desk_dept_open(ui_ctx *ctx, desk_list *l)
{
	if (ui_push(ctx, &scr_desk_dept_ops, l) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	dept_state *d = s->state;
	jrc_err err = { 0 };

	d->list = arg;
	if (refdata_departments(ctx->db, &d->all, &d->n, &err) != JRC_OK)
		snprintf(d->error, sizeof(d->error), "%s", err.msg);
	d->shown = calloc(d->n + 1, sizeof(int));
	if (!d->shown) {
		free(d->all);
		return -1;
	}
	w_field_init(&d->f, d->typed, sizeof(d->typed), 24, filter_any);
	narrow(d);
	/* The department now shown is highlighted. */
	for (int i = 0; i < d->nshown; i++)
		if (d->shown[i] >= 0 && strcmp(d->all[d->shown[i]].code, d->list->applied_dept) == 0)
			d->sel = i;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	dept_state *d = s->state;

	(void)ctx;
	free(d->all);
	free(d->shown);
}

/* What a department is called on the screen: its short name, else its name. */
const char *desk_dept_short(const jrc_department *d)
{
	const char *s = i18n_pick(d->short_zh, d->short_en);

	return *s ? s : i18n_pick(d->name_zh, d->name_en);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	dept_state *d = s->state;
	ui_rect r = ui_content(ctx);
	int y = r.y, lw, page;
	char buf[512];

	if (strcmp(d->applied, d->typed) != 0)
		narrow(d);
	ui_step_header(ctx, 0, 0, _("Show the cases of one department"),
		       _("Type a code, name or short name to narrow the list; Up and Down choose; Enter shows its cases. Esc goes back."));
	lw = ui_text(y, r.x, r.w, ui_attr(ctx, UI_HEADING), _("Department:"));
	w_field_draw(ctx, &d->f, y, r.x + lw + 1, r.w - lw - 1 < 30 ? r.w - lw - 1 : 30, 1);
	y += 2;
	if (d->error[0]) {
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), d->error);
		return;
	}
	if (d->nshown == 0) {
		snprintf(buf, sizeof(buf),
			 _("No department is called '%s': type its code, name or short name, or choose one from the list."),
			 d->typed);
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), buf);
		return;
	}
	page = r.y + r.h - y;
	if (page < 1)
		page = 1;
	/* A longer list says where it is, and scrolls with the arrows. */
	if (d->nshown > page) {
		page--;
		snprintf(buf, sizeof(buf), _("%d of %d: more with Up and Down"), d->sel + 1, d->nshown);
		ui_text(r.y + r.h - 1, r.x + 2, r.w - 2, ui_attr(ctx, UI_HINT), buf);
	}
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + page)
		d->top = d->sel - page + 1;
	for (int i = d->top; i < d->nshown && i < d->top + page; i++) {
		int sel = i == d->sel, attr = ui_attr(ctx, sel ? UI_SELECTED : UI_NORMAL);

		if (sel)
			ui_fill(y, r.x, r.w, attr);
		if (d->shown[i] < 0) {
			ui_text(y, r.x + 2, r.w - 2, attr, _("All departments"));
		} else {
			const jrc_department *p = &d->all[d->shown[i]];

			ui_text(y, r.x + 2, 5, attr, p->code);
			snprintf(buf, sizeof(buf), "%s", desk_dept_short(p));
			ui_text(y, r.x + 8, 22, attr, buf);
			snprintf(buf, sizeof(buf), _("%s, window %s"), i18n_pick(p->name_zh, p->name_en), p->window);
			ui_text(y, r.x + 31, r.w - 31, sel ? attr : ui_attr(ctx, UI_HINT), buf);
		}
		ui_text(y, r.x, 2, ui_attr(ctx, UI_KEY), sel ? ">" : " ");
		y++;
	}
}

static void choose(ui_ctx *ctx, dept_state *d)
{
	desk_list *l = d->list;
	jrc_department found;
	jrc_err err = { 0 };
	const jrc_department *p = NULL;

	/* A name typed whole wins over the highlight, unless staff moved it. */
	if (!d->moved && d->typed[0] && refdata_department_find(ctx->db, d->typed, &found, &err) == JRC_OK)
		p = &found;
	else if (d->nshown > 0 && d->shown[d->sel] >= 0)
		p = &d->all[d->shown[d->sel]];
	else if (d->nshown == 0) {
		refdata_department_find(ctx->db, d->typed, &found, &err);
		ui_message(ctx, 1, "%s", err.msg[0] ? err.msg : _("Choose a department from the list."));
		return;
	}
	desk_list_set_dept(ctx, l, p);
	ui_pop(ctx);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	dept_state *d = s->state;

	switch (act) {
	case UI_ACT_NEXT:
		choose(ctx, d);
		return UI_DONE;
	case UI_ACT_FIELD_NEXT:
		if (d->sel + 1 < d->nshown)
			d->sel++;
		d->moved = 1;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		if (d->sel > 0)
			d->sel--;
		d->moved = 1;
		return UI_DONE;
	case UI_ACT_PAGE_DOWN:
		d->sel = d->sel + 8 < d->nshown ? d->sel + 8 : d->nshown - 1;
		if (d->sel < 0)
			d->sel = 0;
		d->moved = 1;
		return UI_DONE;
	case UI_ACT_PAGE_UP:
		d->sel = d->sel > 8 ? d->sel - 8 : 0;
		d->moved = 1;
		return UI_DONE;
	case UI_ACT_BACK:
		return UI_PASS;     /* back to the worklist, nothing changed */
	default:
		d->moved = 0;
		return w_field_key(ctx, &d->f, act, ch);
	}
}

const ui_screen_ops scr_desk_dept_ops = {
	.name = "desk_dept",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.state_size = sizeof(dept_state),
	.help_msg = N_("The worklist shows the cases of the department chosen here, or of all. Type any part of a "
		     "department's code (RSJ), name or short name (人社局) to find it, then press Enter."),
	.keys_msg = N_("Enter: choose   Up/Down: move   Esc: back"),
};
