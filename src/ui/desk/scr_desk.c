/* The desk's own screen: the login form, then the worklist.  It holds the
 * session; logging out (a key, the idle timer, or leaving the screen)
 * records the end of it and wipes the password field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "curses.h"
#include "scr_desk.h"
#include "screens.h"
#include "wizard.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/queue.h"
#include "jrc/text.h"

enum { F_ID, F_PW, F_COUNT };

typedef struct desk_state {
	desk_session sess;
	/* login */
	int focus;
	char id[DESK_BUF(JRC_STAFF_ID_MAX)];
	char pw[JRC_PASSWORD_MAX + 1];
	w_field id_f;
	w_edit pw_e;
	char error[512];
	int64_t wait_until_ms; /* wrong logins slow this terminal down */
	int pending;          /* Enter pressed during the wait: try after it */
	/* worklist */
	desk_list list;
} desk_state;

static int filter_staff_id(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       cp == '.' || cp == '-' || cp == '_';
}

static int filter_password(uint32_t cp)
{
	return cp >= 0x20 && cp != 0x7f;
}

static void wipe_password(desk_state *d)
{
	explicit_bzero(d->pw, sizeof(d->pw));
	w_edit_init(&d->pw_e, d->pw, sizeof(d->pw), JRC_PASSWORD_MAX, filter_password);
}

static void logout(ui_ctx *ctx, desk_state *d, const char *why)
{
	jrc_err err = { 0 };

	if (!d->sess.logged_in)
		return;
	auth_logout(ctx->db, &d->sess.staff, why, &err);
	desk_list_free(&d->list);
	ctx->staff_mode = d->sess.saved_staff_mode;
	snprintf(ctx->staff_id, sizeof(ctx->staff_id), "%s", d->sess.saved_staff_id);
	memset(&d->sess.staff, 0, sizeof(d->sess.staff));
	d->sess.logged_in = 0;
	d->sess.revoked = 0;
	d->focus = F_ID;
	wipe_password(d);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	desk_state *d = calloc(1, sizeof(*d));

	(void)arg;
	if (!d)
		return -1;
	w_field_init(&d->id_f, d->id, sizeof(d->id), JRC_STAFF_ID_MAX, filter_staff_id);
	wipe_password(d);
	d->sess.saved_staff_mode = ctx->staff_mode;
	snprintf(d->sess.saved_staff_id, sizeof(d->sess.saved_staff_id), "%s", ctx->staff_id);
	s->state = d;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	desk_state *d = s->state;

	logout(ctx, d, ctx->idle_expired ? "idle" : "left the desk");
	explicit_bzero(d, sizeof(*d));
	free(d);
}

void desk_home_open(ui_ctx *ctx)
{
	if (ui_push(ctx, &scr_desk_ops, NULL) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

int desk_session_check(ui_ctx *ctx, desk_session *sess)
{
	jrc_staff now;
	jrc_err err = { 0 };

	if (!sess->logged_in)
		return -1;
	if (auth_staff_get(ctx->db, sess->staff.id, &now, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return -1;
	}
	if (now.disabled) {
		ui_message(ctx, 1, "%s", _("This account is disabled: ask an administrator."));
		sess->revoked = 1;
		return -1;
	}
	/* A role or department changed meanwhile counts from now on. */
	sess->staff.role = now.role;
	snprintf(sess->staff.department, sizeof(sess->staff.department), "%s", now.department);
	return 0;
}

/* A kiosk's voice that stopped working in the last day is the desk's
 * to know about (issue 17): said at login, in place of the greeting. */
static void voice_fault_notice(ui_ctx *ctx)
{
	jrc_event *ev = NULL;
	size_t n = 0;
	jrc_time t;

	if (audit_recent_events(ctx->db, "voice_fault", 1, &ev, &n, NULL) != JRC_OK)
		return;
	if (n == 1 && clock_parse(ev[0].at, &t) == JRC_OK && clock_now() - t < 86400)
		ui_message(ctx, 1, _("Kiosk voice, %s: %s"), ev[0].at, ev[0].note ? ev[0].note : "");
	audit_events_free(ev, n);
}

/* Without the Chinese catalogue every screen falls back to English: the
 * desk is where staff learn it (issue 13). */
static void catalogue_notice(ui_ctx *ctx)
{
#if ENABLE_NLS
	const char *dir = bindtextdomain(PACKAGE, NULL);
	char path[4096];

	snprintf(path, sizeof(path), "%s/zh_CN/LC_MESSAGES/%s.mo", dir ? dir : "", PACKAGE);
	if (access(path, R_OK) != 0)
		ui_message(ctx, 1, "%s", _("Chinese catalogue missing: screens stay in English. Reinstall the package."));
#else
	ui_message(ctx, 1, "%s", _("This build has no translations: the kiosk and the desk show English only."));
#endif
}

static void try_login(ui_ctx *ctx, desk_state *d)
{
	jrc_err err = { 0 };
	int wait = 0;
	jrc_status st;

	if (!d->id[0]) {
		snprintf(d->error, sizeof(d->error), "%s", _("Type your staff ID first."));
		d->focus = F_ID;
		return;
	}
	if (d->wait_until_ms > ui_now_ms()) {
		/* Kept, not dropped: tried when the wait ends. */
		d->pending = 1;
		return;
	}
	d->pending = 0;
	/* Counted against this terminal, in one sentence whatever was wrong. */
	st = auth_login_at(ctx->db, ctx->terminal, d->id, d->pw, &d->sess.staff, &wait, &err);
	wipe_password(d);
	if (st != JRC_OK) {
		snprintf(d->error, sizeof(d->error), "%s", err.msg[0] ? err.msg : jrc_status_message(st));
		d->focus = F_PW;
		d->wait_until_ms = wait > 0 ? ui_now_ms() + wait * (int64_t)1000 : 0;
		return;
	}
	d->wait_until_ms = 0;
	d->error[0] = '\0';
	d->sess.logged_in = 1;
	ctx->staff_mode = 1;
	snprintf(ctx->staff_id, sizeof(ctx->staff_id), "%s", d->sess.staff.id);
	desk_list_init(ctx, &d->list, &d->sess);
	ui_message(ctx, 0, _("Logged in as %s (%s)."), d->sess.staff.name,
		   auth_role_label(d->sess.staff.role));
	voice_fault_notice(ctx);
	catalogue_notice(ctx);
}

static const char *field_label(int i)
{
	return i == F_ID ? _("Staff ID") : _("Password");
}

static void draw_login(ui_ctx *ctx, desk_state *d)
{
	ui_rect r = ui_content(ctx);
	int lw = 0, fx, fw, y;
	char stars[JRC_PASSWORD_MAX + 1], hint[512];
	size_t n = d->pw_e.nchars < sizeof(stars) - 1 ? d->pw_e.nchars : sizeof(stars) - 1;

	ui_step_header(ctx, 0, 0, _("Front desk: staff log in"),
		       _("Type your staff ID and password, then press Enter."));
	for (int i = 0; i < F_COUNT; i++)
		if ((int)text_width(field_label(i)) > lw)
			lw = (int)text_width(field_label(i));
	lw += 4;
	fx = r.x + lw;
	fw = r.w - lw < 30 ? r.w - lw : 30;
	y = r.y + 1;
	for (int i = 0; i < F_COUNT; i++) {
		int yy = y + i * 3;

		ui_text(yy, r.x, 2, ui_attr(ctx, UI_KEY), d->focus == i ? ">" : " ");
		ui_text(yy, r.x + 2, lw - 2, ui_attr(ctx, d->focus == i ? UI_HEADING : UI_NORMAL),
			field_label(i));
	}
	w_field_draw(ctx, &d->id_f, y, fx, fw, d->focus == F_ID);
	/* The password shows as stars: one per character typed. */
	memset(stars, '*', n);
	stars[n] = '\0';
	ui_fill(y + 3, fx, fw, ui_attr(ctx, UI_FIELD));
	ui_text(y + 3, fx, fw, ui_attr(ctx, UI_FIELD), stars);
	if (d->focus == F_PW)
		ui_cursor(ctx, y + 3, fx + (int)(n < (size_t)fw - 1 ? n : (size_t)fw - 1));
	if (d->error[0])
		ui_text_wrapped(y + 5, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), d->error);
	if (d->wait_until_ms > ui_now_ms()) {
		char buf[256];
		int left = (int)((d->wait_until_ms - ui_now_ms() + 999) / 1000);

		snprintf(buf, sizeof(buf), d->pending ?
			 _("Please wait %d seconds: your login then starts by itself.") :
			 _("Please wait %d seconds, then try again."), left);
		ui_text_wrapped(y + 8, r.x, r.w, 1, ui_attr(ctx, UI_NOTICE), buf);
	}
	if (ui_catalogue_missing_text(ctx))
		ui_text_wrapped(y + 12, r.x, r.w, 4, ui_attr(ctx, UI_ERROR), ui_catalogue_missing_text(ctx));
	snprintf(hint, sizeof(hint),
		 _("Tab moves between the fields. Wrong tries slow this terminal down; after %d within an hour, logging in here pauses for %d minutes. "
		   "Ask an administrator if you have forgotten your password."),
		 JRC_LOGIN_TRIES, JRC_LOCKOUT_SECONDS / 60);
	ui_text_wrapped(y + 9, r.x, r.w, 3, ui_attr(ctx, UI_HINT), hint);
}

static ui_result key_login(ui_ctx *ctx, desk_state *d, ui_action act, wint_t ch)
{
	switch (act) {
	case UI_ACT_BACK:
		return UI_PASS;     /* from the kiosk: back to its home */
	case UI_ACT_FIELD_NEXT:
	case UI_ACT_FIELD_PREV:
		d->focus = d->focus == F_ID ? F_PW : F_ID;
		return UI_DONE;
	case UI_ACT_NEXT:
		if (d->focus == F_ID && d->id[0]) {
			d->focus = F_PW;
			return UI_DONE;
		}
		try_login(ctx, d);
		return UI_DONE;
	default:
		break;
	}
	d->error[0] = '\0';
	if (d->focus == F_ID)
		return w_field_key(ctx, &d->id_f, act, ch);
	return w_edit_key(&d->pw_e, act, ch);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	desk_state *d = s->state;
	char title[256];

	if (d->sess.logged_in && d->sess.revoked) {
		logout(ctx, d, "disabled");
		snprintf(d->error, sizeof(d->error), "%s", _("This account is disabled: ask an administrator."));
	}
	if (!d->sess.logged_in) {
		draw_login(ctx, d);
		return;
	}
	snprintf(title, sizeof(title), _("Front desk: %s (%s)"), d->sess.staff.name,
		 auth_role_label(d->sess.staff.role));
	ui_step_header(ctx, 0, 0, title, NULL);
	desk_list_draw(ctx, &d->list, &d->sess, ui_content(ctx));
}

static void start_filing(ui_ctx *ctx, desk_state *d)
{
	jrc_err err = { 0 };

	if (desk_session_check(ctx, &d->sess) != 0)
		return;
	if (auth_may(&d->sess.staff, JRC_DO_FILE, NULL, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return;
	}
	/* The wizard files as channel desk with this staff ID (ctx). */
	if (wizard_start(ctx) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static void open_prints(ui_ctx *ctx, desk_state *d)
{
	jrc_err err = { 0 };

	if (auth_may(&d->sess.staff, JRC_DO_REPRINT, NULL, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return;
	}
	if (ui_push(ctx, &scr_desk_prints_ops, &d->sess) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	desk_state *d = s->state;
	int64_t open = 0;
	ui_result r;

	if (!d->sess.logged_in)
		return key_login(ctx, d, act, ch);
	r = desk_list_key(ctx, &d->list, act, ch, &open);
	/* Whatever opens on top may change cases: reload when back. */
	d->list.stale = 1;
	if (open) {
		desk_open_case(ctx, &d->sess, open);
		return UI_DONE;
	}
	if (r == UI_DONE)
		return r;
	if (act == UI_ACT_BACK)
		return UI_DONE;     /* logging out is its own key */
	if (act != UI_ACT_CHAR)
		return UI_PASS;
	switch (ch) {
	case L'n': case L'N':
		start_filing(ctx, d);
		return UI_DONE;
	case L'p': case L'P':
		open_prints(ctx, d);
		return UI_DONE;
	case L'a': case L'A':
		if (!queue_at_hall(ctx->db))
			ui_message(ctx, 1, "%s",
				   _("Appointments are received at the hall, by its staff, not at this site."));
		else
			desk_today_open(ctx, &d->sess);
		return UI_DONE;
	case L'v': case L'V':
		desk_visits_open(ctx, &d->sess);
		return UI_DONE;
	case L'g': case L'G':
		desk_stats_open(ctx, &d->sess);
		return UI_DONE;
	case L'e': case L'E':
		desk_alerts_open(ctx, &d->sess);
		return UI_DONE;
	case L'w': case L'W':
		if (!queue_at_hall(ctx->db))
			ui_message(ctx, 1, "%s",
				   _("This site has none of the hall's windows: there is no queue to call here."));
		else
			desk_queue_open(ctx, &d->sess);
		return UI_DONE;
	case L'h': case L'H':
		desk_helps_open(ctx, &d->sess);
		return UI_DONE;
	case L'q': case L'Q':
		logout(ctx, d, NULL);
		if (ctx->depth > 1 && ui_top(ctx) == s)
			ui_pop(ctx);     /* from the kiosk: back to its home */
		else
			ui_message(ctx, 0, "%s", _("Logged out."));
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

static int tick(ui_ctx *ctx, ui_screen *s, int64_t now_ms)
{
	desk_state *d = s->state;
	long idle = ctx->idle_seconds > 0 ? ctx->idle_seconds : DESK_IDLE_SECONDS;

	if (!d->sess.logged_in && d->wait_until_ms) {
		if (now_ms < d->wait_until_ms)
			return 1;     /* the countdown */
		d->wait_until_ms = 0;
		if (d->pending && ui_top(ctx) == s)
			try_login(ctx, d);
		return 1;
	}
	/* The idle countdown over an open case already ran out: log out
	 * now, not one more idle period later. */
	if (!d->sess.logged_in ||
	    (!ctx->idle_expired && now_ms - ctx->last_key_ms < idle * (int64_t)1000))
		return 0;
	logout(ctx, d, "idle");
	if (ctx->depth > 1 && ui_top(ctx) == s)
		ui_pop(ctx);
	else
		ui_message(ctx, 0, "%s", _("Logged out after a quiet while: log in again to go on."));
	return 1;
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	desk_state *d = s->state;

	if (!d->sess.logged_in)
		return _("Staff only. Log in with your staff ID and password. Citizens: press Esc to go back.");
	snprintf(ctx->help_buf, sizeof(ctx->help_buf),
		 _("The worklist shows the cases you may work on, the next deadline first in mind: a deadline within "
		   "%d days is highlighted, an overdue one is marked OVERDUE. Up and Down move, Enter opens a case. "
		   "/ searches by receipt number, name (or its start), ID number or phone. S changes the state shown, "
		   "D chooses the department from a list (type its code, name or short name), O shows only overdue "
		   "cases, T only those filed today, U only those with an open supervision notice. A lists today's appointments and marks citizens arrived. N "
		   "files for a citizen, P lists failed prints, Q logs out."), DESK_SOON_DAYS);
	{
		size_t len = strlen(ctx->help_buf);

		snprintf(ctx->help_buf + len, sizeof(ctx->help_buf) - len, " %s",
			 _("V opens the visit log, to record the matters raised or found on a leader's visit; there a "
			   "supervisor records one solved on the spot with S."));
		len = strlen(ctx->help_buf);
		snprintf(ctx->help_buf + len, sizeof(ctx->help_buf) - len, " %s",
			 _("A township's or village's desk lists its own cases and those assigned to it; at the county "
			   "center L shows all sites or one site's cases in turn. On a case, the numbered actions assign "
			   "it down, escalate it or set up joint handling."));
		len = strlen(ctx->help_buf);
		snprintf(ctx->help_buf + len, sizeof(ctx->help_buf) - len, " %s",
			 _("G shows the statistics: cases by category, township and month, and each department's "
			   "answers on time and citizens satisfied."));
		len = strlen(ctx->help_buf);
		snprintf(ctx->help_buf + len, sizeof(ctx->help_buf) - len, " %s",
			 _("E lists the early-warning alerts (矛盾预警) and the cases behind each; a supervisor "
			   "acknowledges one there."));
		len = strlen(ctx->help_buf);
		snprintf(ctx->help_buf + len, sizeof(ctx->help_buf) - len, " %s",
			 _("W opens the queue of this desk's window: call the next ticket, call again, mark a "
			   "no-show, send on, serve."));
	}
	return ctx->help_buf;
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	desk_state *d = s->state;

	if (!d->sess.logged_in)
		return ctx->depth > 1 ? _("Tab: next field   Enter: log in   Esc: back")
				      : _("Tab: next field   Enter: log in");
	return _("Enter: open   /: search   G: statistics   Q: log out");
}

const ui_screen_ops scr_desk_ops = {
	.name = "desk",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.tick = tick,
	.help_text = help,
	.status_keys = status_keys,
};

int ui_run_desk(const ui_options *opt)
{
	return ui_run(opt, &scr_desk_ops, NULL);
}
