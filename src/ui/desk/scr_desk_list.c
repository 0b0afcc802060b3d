/* The desk's worklist: a window of cases fetched a page at a time
 * (LIMIT/OFFSET), so thousands scroll without loading them all; filters
 * for state, department, overdue, filed today and an open supervision
 * notice (U); search by receipt number, name, ID number or phone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/alert.h"
#include "jrc/lifecycle.h"
#include "jrc/print.h"
#include "jrc/queue.h"
#include "jrc/receipt.h"
#include "jrc/refdata.h"
#include "jrc/site.h"
#include "jrc/sms.h"
#include "jrc/text.h"
#include "jrc/validate.h"

enum { NAME_CACHE = 160 };

/* Display names of categories and townships, looked up once each. */
typedef struct name_entry {
	char code[16];
	char zh[96], en[128];
} name_entry;

typedef struct name_cache {
	name_entry e[NAME_CACHE];
	int n;
} name_cache;

static const char *cached(ui_ctx *ctx, name_cache *nc, const char *code, int township)
{
	name_entry *e;
	jrc_division dv;
	jrc_category cat;

	for (int i = 0; i < nc->n; i++)
		if (strcmp(nc->e[i].code, code) == 0)
			return i18n_pick(nc->e[i].zh, nc->e[i].en);
	if (nc->n == NAME_CACHE)
		nc->n = 0;         /* a crude reset keeps it bounded */
	e = &nc->e[nc->n];
	snprintf(e->code, sizeof(e->code), "%s", code);
	snprintf(e->zh, sizeof(e->zh), "%s", code);
	snprintf(e->en, sizeof(e->en), "%s", code);
	if (township == 1) {
		/* A village is shown by its township: that is where staff go. */
		if (refdata_division(ctx->db, code, &dv, NULL) == JRC_OK) {
			if (strcmp(dv.level, "village") == 0 && dv.parent[0])
				refdata_division(ctx->db, dv.parent, &dv, NULL);
			snprintf(e->zh, sizeof(e->zh), "%s", dv.name_zh);
			snprintf(e->en, sizeof(e->en), "%s", dv.name_en);
		}
	} else if (township == 2) {
		jrc_department d;

		if (refdata_department(ctx->db, code, &d, NULL) == JRC_OK) {
			snprintf(e->zh, sizeof(e->zh), "%s", *d.short_zh ? d.short_zh : d.name_zh);
			/* English staff read codes (as jrc at the command line). */
			snprintf(e->en, sizeof(e->en), "%s", d.code);
		}
	} else if (refdata_category(ctx->db, code, &cat, NULL) == JRC_OK) {
		snprintf(e->zh, sizeof(e->zh), "%s", cat.name_zh);
		snprintf(e->en, sizeof(e->en), "%s", cat.name_en);
	}
	nc->n++;
	return i18n_pick(e->zh, e->en);
}

/* Caches of categories, townships and departments, behind one pointer. */
typedef struct list_names {
	name_cache cat, town, dept;
} list_names;

static list_names *names_of(desk_list *l)
{
	if (!l->names)
		l->names = calloc(1, sizeof(list_names));
	return l->names;
}

static int filter_search(uint32_t cp)
{
	return cp >= 0x20 && cp != 0x7f;
}

static void restart(desk_list *l);

int desk_own_site(ui_ctx *ctx, char code[8])
{
	char own[16];
	jrc_site st;

	code[0] = '\0';
	if (site_count(ctx->db) > 0 &&
	    db_setting_get(ctx->db, "site_code", NULL, own, sizeof(own), NULL) == JRC_OK &&
	    site_get(ctx->db, own, &st, NULL) == JRC_OK && strcmp(st.level, "county") != 0) {
		snprintf(code, 8, "%s", st.code);
		return 1;
	}
	return 0;
}

void desk_list_init(ui_ctx *ctx, desk_list *l, const desk_session *sess)
{
	desk_list_free(l);
	memset(l, 0, sizeof(*l));
	l->state = -1;
	w_field_init(&l->search_f, l->search, sizeof(l->search), 40, filter_search);
	/* This desk's own site: below the county it sees only its own cases
	 * and those assigned to it. */
	if (desk_own_site(ctx, l->site))
		l->site_fixed = 1;
	/* A handler starts with their own department's cases. */
	if (sess->staff.role == JRC_ROLE_HANDLER && sess->staff.department[0]) {
		jrc_department d;

		if (refdata_department(ctx->db, sess->staff.department, &d, NULL) == JRC_OK)
			desk_list_set_dept(ctx, l, &d);
		else
			snprintf(l->applied_dept, sizeof(l->applied_dept), "%s", sess->staff.department);
	}
	l->stale = 1;
}

void desk_list_set_dept(ui_ctx *ctx, desk_list *l, const jrc_department *d)
{
	(void)ctx;
	if (d) {
		/* The name shown is looked up at draw time: F2 switches it. */
		snprintf(l->applied_dept, sizeof(l->applied_dept), "%s", d->code);
	} else {
		l->applied_dept[0] = '\0';
	}
	l->focus = 0;
	restart(l);
}

void desk_dept_label(ui_ctx *ctx, const char *code, char *out, size_t size)
{
	jrc_department d;

	if (code && *code && refdata_department(ctx->db, code, &d, NULL) == JRC_OK)
		snprintf(out, size, "%s", desk_dept_short(&d));
	else
		snprintf(out, size, "%s", code ? code : "");
}

void desk_list_free(desk_list *l)
{
	grievance_cases_free(l->rows, l->nrows);
	l->rows = NULL;
	l->nrows = 0;
	free(l->names);
	l->names = NULL;
}

/* What the search box holds, in the form the database stores. */
static void normalise_search(const char *typed, char *out, size_t size)
{
	char receipt[JRC_RECEIPT_MAX], phone[24], *t = text_sanitize(typed, 0);

	out[0] = '\0';
	if (!t)
		return;
	if (receipt_parse(t, receipt, NULL) == JRC_OK)
		snprintf(out, size, "%s", receipt);
	else if (strspn(t, "0123456789 -") == strlen(t) && validate_phone(t, phone, NULL) == JRC_OK)
		snprintf(out, size, "%s", phone);
	else
		snprintf(out, size, "%s", t);
	free(t);
}

/* The department filtered on, who is expected today, and receipts a
 * citizen may be waiting for: read when the page is due to be reloaded
 * (after any key, or R), not on every redraw. */
static void load_header(ui_ctx *ctx, desk_list *l)
{
	jrc_print_job *jobs = NULL;

	l->have_dept = l->applied_dept[0] &&
		       refdata_department(ctx->db, l->applied_dept, &l->dept, NULL) == JRC_OK;
	l->arrived = 0;
	/* Appointments are the hall's: none are received at another site. */
	l->appts = queue_at_hall(ctx->db) ? desk_today_count(ctx, &l->arrived) : 0;
	l->nfailed = 0;
	if (desk_no_printer(ctx) || print_failed(ctx->db, &jobs, &l->nfailed, NULL) != JRC_OK)
		l->nfailed = 0;
	free(jobs);
	if (alert_open_count(ctx->db, &l->alerts, NULL) != JRC_OK)
		l->alerts = 0;
	l->have_sites = site_count(ctx->db) > 0;
	l->site_name[0] = '\0';
	if (l->site[0]) {
		jrc_site st;

		if (site_get(ctx->db, l->site, &st, NULL) == JRC_OK)
			snprintf(l->site_name, sizeof(l->site_name), "%s", i18n_pick(st.name_zh, st.name_en));
		else
			snprintf(l->site_name, sizeof(l->site_name), "%s", l->site);
	}
	l->sms_failed = sms_failed_count(ctx->db);
}

static void load(ui_ctx *ctx, desk_list *l, long offset)
{
	jrc_case_filter f = { 0 };
	jrc_err err = { 0 };
	jrc_case *rows = NULL;
	size_t n = 0;

	if (offset < 0)
		offset = 0;
	f.with_state = l->state >= 0;
	f.state = l->state >= 0 ? (jrc_state)l->state : JRC_ST_REGISTERED;
	f.department = l->applied_dept[0] ? l->applied_dept : NULL;
	f.search = l->applied_search[0] ? l->applied_search : NULL;
	f.overdue_only = l->overdue;
	f.filed_today = l->today;
	f.supervised_only = l->supervised;
	f.site = l->site[0] ? l->site : NULL;
	f.by_deadline = 1;           /* what is due soonest, overdue first */
	f.limit = DESK_PAGE + 1;     /* one more tells whether there are more */
	f.offset = offset;
	grievance_cases_free(l->rows, l->nrows);
	l->rows = NULL;
	l->nrows = 0;
	l->error[0] = '\0';
	if (grievance_list(ctx->db, &f, &rows, &n, &err) != JRC_OK) {
		snprintf(l->error, sizeof(l->error), "%s", err.msg);
		l->more = 0;
		l->offset = offset;
		return;
	}
	l->more = n > DESK_PAGE;
	if (l->more) {
		grievance_case_free(&rows[DESK_PAGE]);
		n = DESK_PAGE;
	}
	l->rows = rows;
	l->nrows = n;
	l->offset = offset;
	l->stale = 0;
}

/* Keep the rows from top to top + page (and the selection) loaded. */
static void ensure(ui_ctx *ctx, desk_list *l, int page)
{
	long end = l->offset + (long)l->nrows;

	if (l->stale || l->top < l->offset || (l->top + page > end && l->more))
		load(ctx, l, l->top - DESK_PAGE / 4 > 0 ? l->top - DESK_PAGE / 4 : 0);
	end = l->offset + (long)l->nrows;
	if (l->sel >= end)
		l->sel = end > 0 ? end - 1 : 0;
	if (l->top > l->sel)
		l->top = l->sel;
}

static void restart(desk_list *l)
{
	l->sel = l->top = 0;
	l->stale = 1;
}

/* L at the county's desk: all sites, then each listed site in turn, then
 * all again.  -1 when no sites are listed. */
static int cycle_site(ui_ctx *ctx, desk_list *l)
{
	jrc_site *v;
	size_t n, i;

	if (site_list(ctx->db, &v, &n, NULL) != JRC_OK)
		return -1;
	if (!n) {
		free(v);
		return -1;
	}
	for (i = 0; i < n && l->site[0] && strcmp(v[i].code, l->site) != 0; i++)
		;
	/* From all: the first; from the last (or one no longer listed): all. */
	if (!l->site[0])
		snprintf(l->site, sizeof(l->site), "%s", v[0].code);
	else if (i + 1 < n)
		snprintf(l->site, sizeof(l->site), "%s", v[i + 1].code);
	else
		l->site[0] = '\0';
	free(v);
	return 0;
}

const char *desk_state_label(const char *state)
{
	jrc_state st;

	if (state && lifecycle_state_parse(state, &st) == 0)
		return lifecycle_state_desk(st);
	return state ? state : "";
}

void desk_deadline_text(const jrc_case *c, int wide, char *out, size_t size, int *level)
{
	jrc_date due, today = clock_local_date(clock_now());
	long days;

	if (!c->due_on[0] || date_parse(c->due_on, &due) != 0) {
		snprintf(out, size, "-");
		*level = -1;
		return;
	}
	days = date_diff(today, due);
	/* A date that only bounds the citizen's review window is nobody's
	 * deadline: no OVERDUE and no highlight (lifecycle_is_overdue). */
	if (!lifecycle_state_owes_step(c->state)) {
		*level = 0;
		snprintf(out, size, "%s", wide ? c->due_on : c->due_on + 5);
		return;
	}
	*level = lifecycle_is_overdue(c, today) ? 2 : days <= DESK_SOON_DAYS ? 1 : 0;
	if (*level == 2 && wide)
		snprintf(out, size, _("%s (OVERDUE by %ld days)"), c->due_on, -days);
	else if (*level == 2)
		snprintf(out, size, _("OVERDUE %ld d"), -days);
	else if (days == 0 && wide)
		snprintf(out, size, _("%s (due today)"), c->due_on);
	else if (days == 0)
		snprintf(out, size, "%s", _("due today"));
	else if (wide)
		snprintf(out, size, _("%s (%ld days left)"), c->due_on, days);
	else
		snprintf(out, size, _("%s, %ld d"), c->due_on + 5, days);
}

/* Column layout for a width. */
typedef struct cols {
	int receipt, filed, cat, town, state, dept, due;
} cols;

static cols layout(int w)
{
	cols c = { 16, 5, 0, 0, 10, 8, 15 };
	int rest = w - (c.receipt + c.filed + c.state + c.dept + c.due + 6);

	c.cat = rest / 2 > 4 ? rest / 2 : 4;
	c.town = rest - c.cat > 4 ? rest - c.cat : 4;
	return c;
}

static void draw_row(ui_ctx *ctx, desk_list *l, const jrc_case *c, int y, ui_rect r, cols k,
		     int selected, jrc_date today)
{
	list_names *nm = names_of(l);
	int a = ui_attr(ctx, selected ? UI_SELECTED : UI_NORMAL), x = r.x, level;
	char buf[128], due[96];
	jrc_state st;

	if (selected)
		ui_fill(y, r.x, r.w, a);
	/* A marker, not only colour, for monochrome terminals. */
	snprintf(buf, sizeof(buf), "%s%s", c->receipt, c->related_case ? "*" : "");
	ui_text(y, x, k.receipt, a, buf);
	x += k.receipt + 1;
	if (c->filed_at[0]) {
		char local[32];
		jrc_time t;

		if (clock_parse(c->filed_at, &t) == JRC_OK) {
			clock_format_local(t, local);
			ui_text(y, x, k.filed, a, local + 5);
		}
	}
	x += k.filed + 1;
	if (nm)
		ui_text(y, x, k.cat, a, cached(ctx, &nm->cat, c->category, 0));
	x += k.cat + 1;
	if (nm)
		ui_text(y, x, k.town, a, cached(ctx, &nm->town, c->division, 1));
	x += k.town + 1;
	st = lifecycle_effective_state(c, today);
	ui_text(y, x, k.state, a, lifecycle_state_desk(st));
	x += k.state + 1;
	if (nm)
		ui_text(y, x, k.dept, a, cached(ctx, &nm->dept, c->department, 2));
	x += k.dept + 1;
	if (st == JRC_ST_CLOSED) {
		snprintf(due, sizeof(due), "-");
		level = -1;
	} else {
		desk_deadline_text(c, 0, due, sizeof(due), &level);
	}
	ui_text(y, x, k.due, selected ? a : ui_attr(ctx, level == 2 ? UI_ERROR :
						     level == 1 ? UI_NOTICE : UI_NORMAL), due);
}

void desk_list_draw(ui_ctx *ctx, desk_list *l, const desk_session *sess, ui_rect r)
{
	cols k = layout(r.w);
	jrc_date today = clock_local_date(clock_now());
	int y = r.y, page, lw, x;
	char buf[256];
	long end;

	(void)sess;
	if (l->stale)
		load_header(ctx, l);
	/* Filters. */
	lw = ui_text(y, r.x, r.w, ui_attr(ctx, l->focus == 1 ? UI_HEADING : UI_KEY), _("/ Search:"));
	x = r.x + lw + 1;
	w_field_draw(ctx, &l->search_f, y, x, 24, l->focus == 1);
	x += 27;
	lw = ui_text(y, x, r.x + r.w - x, ui_attr(ctx, UI_KEY), _("D Department:"));
	{
		const char *dv = l->applied_dept[0] ? (l->have_dept ? desk_dept_short(&l->dept) : l->applied_dept)
						    : _("all");

		ui_text(y, x + lw + 1, r.x + r.w - x - lw - 1,
			ui_attr(ctx, l->applied_dept[0] ? UI_NORMAL : UI_HINT), dv);
		x += lw + 1 + (int)text_width(dv);
	}
	/* The site, at the end of the line (chosen with L at the county):
	 * by name where it fits after the department, else by code. */
	if (l->site_fixed || l->site[0] || l->have_sites) {
		int sw;

		snprintf(buf, sizeof(buf), l->site_fixed ? _("Site: %s") : _("L Site: %s"),
			 l->site[0] ? l->site_name : _("all"));
		if ((sw = (int)text_width(buf)) + 2 > r.x + r.w - x)
			snprintf(buf, sizeof(buf), l->site_fixed ? "%s" : "L %s",
				 l->site[0] ? l->site : _("all"));
		if ((sw = (int)text_width(buf)) + 2 <= r.x + r.w - x)
			ui_text(y, r.x + r.w - sw, sw, ui_attr(ctx, l->site_fixed ? UI_HINT : UI_KEY), buf);
	}
	y++;
	snprintf(buf, sizeof(buf),
		 _("S State: %s   O Overdue only: %s   T Filed today: %s   U Supervised: %s"),
		 l->state < 0 ? _("all") : lifecycle_state_desk((jrc_state)l->state),
		 l->overdue ? _("yes") : _("no"), l->today ? _("yes") : _("no"),
		 l->supervised ? _("yes") : _("no"));
	ui_text(y++, r.x, r.w, ui_attr(ctx, UI_HINT), buf);
	/* Who is expected today, and receipts a citizen may be waiting for:
	 * said only when there is something to say. */
	{
		char more[160];

		buf[0] = '\0';
		if (l->appts > 0)
			snprintf(buf, sizeof(buf), _("Today: %d appointments, %d arrived (A)."), l->appts,
				 l->arrived);
		if (l->nfailed > 0) {
			snprintf(more, sizeof(more), _("%d receipts did not print (P)."), (int)l->nfailed);
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s", buf[0] ? "   " : "", more);
		}
		if (l->alerts > 0) {
			snprintf(more, sizeof(more), _("Open alerts: %ld (E)."), l->alerts);
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s", buf[0] ? "   " : "", more);
		}
		if (l->sms_failed > 0) {
			/* The listing is 'jrc sms list --failed'. */
			snprintf(more, sizeof(more), _("Failed SMS: %ld."), l->sms_failed);
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s", buf[0] ? "   " : "", more);
		}
		if (buf[0])
			ui_text(y++, r.x, r.w, ui_attr(ctx, UI_NOTICE), buf);
	}
	/* Column heads. */
	x = r.x;
	ui_text(y, x, k.receipt, ui_attr(ctx, UI_HEADING), _("Receipt"));
	x += k.receipt + 1;
	ui_text(y, x, k.filed, ui_attr(ctx, UI_HEADING), _("Filed"));
	x += k.filed + 1;
	ui_text(y, x, k.cat, ui_attr(ctx, UI_HEADING), _("Category"));
	x += k.cat + 1;
	ui_text(y, x, k.town, ui_attr(ctx, UI_HEADING), _("Township"));
	x += k.town + 1;
	ui_text(y, x, k.state, ui_attr(ctx, UI_HEADING), _("State"));
	x += k.state + 1;
	ui_text(y, x, k.dept, ui_attr(ctx, UI_HEADING), _("Dept."));
	x += k.dept + 1;
	ui_text(y, x, k.due, ui_attr(ctx, UI_HEADING), _("Deadline ^"));
	y++;
	/* How the list is ordered, and what the mark after a number means. */
	ui_text(y, r.x, r.w, ui_attr(ctx, UI_HINT),
		_("Next deadline first, overdue on top.   * = raised before (a repeat matter)"));
	y++;
	page = r.y + r.h - 1 - y;
	if (page < 1)
		page = 1;
	l->page = page;
	if (l->sel >= l->top + page)
		l->top = l->sel - page + 1;
	ensure(ctx, l, page);
	end = l->offset + (long)l->nrows;
	if (l->error[0]) {
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), l->error);
	} else if (end == 0) {
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_HINT),
				_("No cases match. Change the filters above, or press N to file for a citizen."));
	}
	for (long i = l->top; i < l->top + page && i < end; i++) {
		if (i < l->offset)
			continue;
		draw_row(ctx, l, &l->rows[i - l->offset], y + (int)(i - l->top), r, k,
			 i == l->sel && l->focus == 0, today);
	}
	/* Keys and where we are. */
	if (end > 0)
		snprintf(buf, sizeof(buf), "%ld/%ld%s", l->sel + 1, end, l->more ? "+" : "");
	else
		buf[0] = '\0';
	lw = (int)text_width(buf);
	ui_text(r.y + r.h - 1, r.x + r.w - lw, lw, ui_attr(ctx, UI_HINT), buf);
	ui_text(r.y + r.h - 1, r.x, r.w - lw - 2, ui_attr(ctx, UI_KEY),
		queue_at_hall(ctx->db)
		? _("Enter open  A appointments  W queue  N new filing  P failed prints  Q log out")
		/* Away from the hall whose windows the queue calls. */
		: _("Enter open  N new filing  P failed prints  Q log out"));
}

static void cycle_state(desk_list *l)
{
	l->state = l->state + 1 >= JRC_STATE_COUNT ? -1 : l->state + 1;
	restart(l);
}

static void apply_fields(desk_list *l)
{
	normalise_search(l->search, l->applied_search, sizeof(l->applied_search));
	l->focus = 0;
	restart(l);
}

static ui_result key_field(ui_ctx *ctx, desk_list *l, ui_action act, wint_t ch)
{
	switch (act) {
	case UI_ACT_NEXT:
		apply_fields(l);
		return UI_DONE;
	case UI_ACT_BACK:
	case UI_ACT_FIELD_NEXT:
	case UI_ACT_FIELD_PREV:
		l->focus = 0;
		return UI_DONE;
	default:
		w_field_key(ctx, &l->search_f, act, ch);
		return UI_DONE;
	}
}

ui_result desk_list_key(ui_ctx *ctx, desk_list *l, ui_action act, wint_t ch, int64_t *open)
{
	long end = l->offset + (long)l->nrows;
	int page = l->page > 0 ? l->page : 10;

	*open = 0;
	if (l->focus)
		return key_field(ctx, l, act, ch);
	switch (act) {
	case UI_ACT_FIELD_NEXT:
		if (l->sel + 1 < end || l->more)
			l->sel++;
		break;
	case UI_ACT_FIELD_PREV:
		if (l->sel > 0)
			l->sel--;
		break;
	case UI_ACT_PAGE_DOWN:
		l->sel += page;
		l->top += page;
		if (!l->more && l->sel >= end)
			l->sel = end > 0 ? end - 1 : 0;
		break;
	case UI_ACT_PAGE_UP:
		l->sel = l->sel > page ? l->sel - page : 0;
		l->top = l->top > page ? l->top - page : 0;
		break;
	case UI_ACT_HOME:
		l->sel = l->top = 0;
		break;
	case UI_ACT_NEXT:
		if (l->sel >= l->offset && l->sel < end)
			*open = l->rows[l->sel - l->offset].id;
		break;
	case UI_ACT_CHAR:
		switch (ch) {
		case L'/': l->focus = 1; break;
		case L'd': case L'D': desk_dept_open(ctx, l); break;
		case L's': case L'S': cycle_state(l); break;
		case L'o': case L'O': l->overdue = !l->overdue; restart(l); break;
		case L't': case L'T': l->today = !l->today; restart(l); break;
		case L'u': case L'U': l->supervised = !l->supervised; restart(l); break;
		case L'l': case L'L':
			if (l->site_fixed || cycle_site(ctx, l) != 0)
				return UI_PASS;
			restart(l);
			break;
		case L'r': case L'R': l->stale = 1; break;
		default: return UI_PASS;
		}
		break;
	default:
		return UI_PASS;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + page)
		l->top = l->sel - page + 1;
	return UI_DONE;
}
