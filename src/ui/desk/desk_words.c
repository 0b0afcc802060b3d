/* The desk's words for the core's codes: event kinds, channels, levels,
 * print outcomes, and the plain English records in event notes, so that a
 * Chinese desk shows Chinese (the stored record itself stays as it is).
 * Times inside notes are shown in the site's time zone. */
#include <stdio.h>
#include <string.h>

#include "scr_desk.h"
#include "jrc/auth.h"
#include "jrc/clock.h"
#include "jrc/hearing.h"
#include "jrc/lifecycle.h"
#include "jrc/refdata.h"
#include "jrc/roster.h"
#include "jrc/site.h"

typedef struct word { const char *code, *msgid; } word;

static const char *lookup(const word *w, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(w[i].code, code) == 0)
			return _(w[i].msgid);
	return code ? code : "";
}

#define LOOKUP(table, code) lookup(table, sizeof(table) / sizeof(table[0]), code)

const char *desk_event_label(const char *kind)
{
	static const word w[] = {
		{ "filed", N_("Filed") }, { "transition", N_("Moved") },
		{ "note", N_("Internal note (staff only)") },
		{ "intake_edited", N_("Intake corrected (old values)") },
		{ "repeat", N_("Repeat matter of") }, { "print", N_("Receipt printed") },
		{ "concluded_link", N_("Same matter, lawfully concluded before, as") },
		{ "booking", N_("Booking") }, { "verdict", N_("Citizen's verdict") },
		{ "lookup_locked", N_("Lookups paused after wrong tries") },
		{ "lookup_unlocked", N_("Lookup pause lifted") },
		{ "login", N_("Logged in") }, { "logout", N_("Logged out") },
		{ "login_failed", N_("Wrong password") }, { "login_refused", N_("Login refused") },
		{ "lockout", N_("Account locked") }, { "import", N_("Reference data imported") },
		{ "staff_added", N_("Staff account added") },
		{ "arrived", N_("Arrived for the appointment") },
		{ "slip_printed", N_("Review slip printed") },
		{ "slip_print_failed", N_("Review slip not printed") },
		{ "voice_fault", N_("Kiosk voice stopped") },
		{ "supervise", N_("Supervision notice issued") },
		{ "supervise_ack", N_("Supervision notice acknowledged") },
		{ "supervise_reply", N_("Supervision notice answered") },
		{ "supervise_late", N_("Supervision notice answered late") },
		{ "hearing", N_("Public hearing scheduled") },
		{ "hearing_panel", N_("Hearing panel member named") },
		{ "hearing_attended", N_("Hearing: who attended") },
		{ "hearing_citizen", N_("Hearing: what the citizen said") },
		{ "hearing_department", N_("Hearing: what the department said") },
		{ "hearing_opinion", N_("Hearing: a panel member's opinion") },
		{ "hearing_concluded", N_("Hearing concluded") },
		{ "alert", N_("Early-warning alert raised") },
		{ "alert_case", N_("Behind an early-warning alert") },
		{ "alert_join", N_("Joined an open early-warning alert") },
		{ "alert_ack", N_("Early-warning alert acknowledged") },
		{ "assign", N_("Assigned down to a site (交办)") },
		{ "escalate", N_("Escalated to the site above (上报)") },
		{ "joint", N_("Joint handling set up (联合办理)") },
		{ "joint_part", N_("A department's part of the joint handling") },
	};

	return LOOKUP(w, kind);
}

/* The name of the action that moves a case to `to`, a msgid (forms
 * translate it when they draw). */
const char *desk_move_label(jrc_state to)
{
	switch (to) {
	case JRC_ST_REGISTERED: return N_("Back to registered");
	case JRC_ST_ACCEPTED: return N_("Accept");
	case JRC_ST_EXTENDED: return N_("Extend the time limit");
	case JRC_ST_IN_MEDIATION: return N_("Start mediation");
	case JRC_ST_DECLINED: return N_("Decline (not accepted)");
	case JRC_ST_REDIRECTED: return N_("Redirect to another department");
	case JRC_ST_ANSWERED: return N_("Answer");
	case JRC_ST_REVIEW_REQUESTED: return N_("Record a review request");
	case JRC_ST_REVIEW_ANSWERED: return N_("Answer the review");
	case JRC_ST_REREVIEW_REQUESTED: return N_("Record a re-review request");
	case JRC_ST_REREVIEW_ANSWERED: return N_("Answer the re-review");
	case JRC_ST_CLOSED: return N_("Close");
	case JRC_ST_TERMINATED: return N_("Conclude lawfully");
	default: return "?";
	}
}

const char *desk_channel_label(const char *channel)
{
	static const word w[] = {
		{ "kiosk", N_("kiosk") }, { "desk", N_("front desk") }, { "cli", N_("command line") },
		{ "visit", N_("leader's visit") },
	};

	return LOOKUP(w, channel);
}

const char *desk_level_label(const char *level)
{
	static const word w[] = {
		{ "county", N_("county") }, { "township", N_("township") }, { "village", N_("village") },
	};

	return LOOKUP(w, level);
}

const char *desk_print_outcome(const char *outcome)
{
	static const word w[] = {
		{ "printed", N_("printed") }, { "ok", N_("printed") }, { "failed", N_("failed") },
		{ "skipped", N_("not printed (no printer)") },
	};

	return LOOKUP(w, outcome);
}

const char *desk_sink_label(const char *sink)
{
	return sink && strcmp(sink, "none") == 0 ? _("no printer") : sink ? sink : "";
}

/* Append s to out (bounded). */
static void add(char *out, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len + 1 >= size)
		return;
	if (n > size - 1 - *len)
		n = size - 1 - *len;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
}

/* A UTC time "2026-12-02T17:31:13Z" at p: its length, else 0. */
static size_t utc_at(const char *p)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";

	for (size_t i = 0; shape[i]; i++) {
		if (!p[i])
			return 0;
		if (shape[i] == 'd' ? (p[i] < '0' || p[i] > '9') : p[i] != shape[i])
			return 0;
	}
	return sizeof(shape) - 1;
}

void desk_actor_text(ui_ctx *ctx, const char *actor, char *out, size_t size)
{
	static const word w[] = {
		{ "cli", N_("command line") }, { "kiosk", N_("kiosk") }, { "citizen", N_("citizen") },
		{ "system", N_("system") }, { "desk", N_("front desk") },
	};
	jrc_staff st;

	if (!actor)
		actor = "";
	if (strncmp(actor, "staff:", 6) == 0) {
		if (auth_staff_get(ctx->db, actor + 6, &st, NULL) == JRC_OK)
			/* TRANSLATORS: a staff member's name and staff ID */
			snprintf(out, size, _("%s (%s)"), st.name, st.id);
		else
			snprintf(out, size, _("staff %s"), actor + 6);
		return;
	}
	/* A command line of a site: "cli:PJ". */
	if (strncmp(actor, "cli:", 4) == 0) {
		snprintf(out, size, _("command line %s"), actor + 4);
		return;
	}
	/* A terminal: "kiosk:pts/3". */
	if (strncmp(actor, "kiosk:", 6) == 0) {
		snprintf(out, size, _("kiosk %s"), actor + 6);
		return;
	}
	snprintf(out, size, "%s", LOOKUP(w, actor));
}

static const char *verdict_label(const char *v)
{
	static const word w[] = {
		{ "satisfied", N_("satisfied") }, { "basic", N_("basically satisfied") },
		{ "unsatisfied", N_("not satisfied") },
	};

	return LOOKUP(w, v);
}

/* "M02 陈建国, 2026-11-30 14:00-14:30, 劳动争议调解室" (the booking records'
 * shape) in words: the helper by name and kind, the parts joined as the
 * language joins them.  0 if p is not of that shape. */
static int booking_words(ui_ctx *ctx, const char *p, size_t n, char *out, size_t size)
{
	char part[512], id[JRC_HOST_ID_MAX], *c1, *c2, who[200];
	jrc_host h;
	const char *sp;

	if (n >= sizeof(part))
		return 0;
	memcpy(part, p, n);
	part[n] = '\0';
	sp = strchr(part, ' ');
	c1 = strstr(part, ", ");
	if (!sp || !c1 || sp > c1 || (size_t)(sp - part) >= sizeof(id))
		return 0;
	c2 = strstr(c1 + 2, ", ");
	snprintf(id, sizeof(id), "%.*s", (int)(sp - part), part);
	if (roster_host(ctx->db, id, &h, NULL) == JRC_OK)
		snprintf(who, sizeof(who), _("%s (%s)"), i18n_pick(h.name, h.name_en), roster_kind_label(h.kind));
	else
		snprintf(who, sizeof(who), "%.*s", (int)(c1 - sp - 1), sp + 1);
	*c1 = '\0';
	if (c2)
		*c2 = '\0';
	/* TRANSLATORS: who, when, where of an appointment */
	snprintf(out, size, _("%s, %s, %s"), who, c1 + 2, c2 ? c2 + 2 : "");
	return 1;
}

/* A value of a "key: value" line in words, into name (empty: as
 * written); val is the caller's copy. */
typedef void (*value_words_fn)(ui_ctx *ctx, const char *key, char *val, char *name, size_t size);

/* A hearing's opinion and conclusion by their labels. */
static void hearing_value(ui_ctx *ctx, const char *key, char *val, char *name, size_t size)
{
	jrc_opinion o;

	(void)ctx;
	if (strcmp(key, "opinion") == 0 && hearing_opinion_parse(val, &o) == 0)
		snprintf(name, size, "%s", hearing_opinion_label(o));
	else if (strcmp(key, "conclusion") == 0)
		for (int c = JRC_CONCLUSION_REASONABLE; c <= JRC_CONCLUSION_TOO_FEW; c++)
			if (strcmp(val, hearing_conclusion_name((jrc_conclusion)c)) == 0)
				snprintf(name, size, "%s", hearing_conclusion_label((jrc_conclusion)c));
}

/* Sites and departments between the levels by name. */
static void levels_value(ui_ctx *ctx, const char *key, char *val, char *name, size_t size)
{
	if (strcmp(key, "from") == 0 || strcmp(key, "to") == 0) {
		jrc_site st;

		if (site_get(ctx->db, val, &st, NULL) == JRC_OK)
			snprintf(name, size, "%s (%s)", i18n_pick(st.name_zh, st.name_en), val);
	} else if (strcmp(key, "lead") == 0 || strcmp(key, "with") == 0 ||
		   strcmp(key, "department") == 0) {
		char *save = NULL;

		for (char *q = strtok_r(val, " ", &save); q; q = strtok_r(NULL, " ", &save)) {
			char d[128];

			desk_dept_label(ctx, q, d, sizeof(d));
			snprintf(name + strlen(name), size - strlen(name), "%s%s", *name ? _(", ") : "", d);
		}
	}
}

/* "key: value" lines: a known key by its label and its value through fn,
 * any other line as written. */
static void keyed_lines(ui_ctx *ctx, const char *p, const word *keys, size_t nkeys,
			value_words_fn fn, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	while (*p) {
		size_t n = strcspn(p, "\n"), colon = strcspn(p, ":");
		char key[16], val[256], name[400] = "";
		const char *label = NULL, *v = p;
		size_t vn = n;

		if (colon < n && colon < sizeof(key) && p[colon + 1] == ' ') {
			snprintf(key, sizeof(key), "%.*s", (int)colon, p);
			for (size_t i = 0; i < nkeys; i++)
				if (strcmp(keys[i].code, key) == 0)
					label = _(keys[i].msgid);
		}
		if (label) {
			v = p + colon + 2;
			vn = n - colon - 2;
			snprintf(val, sizeof(val), "%.*s", (int)(vn < sizeof(val) - 1 ? vn : sizeof(val) - 1), v);
			fn(ctx, key, val, name, sizeof(name));
			if (*name) {
				v = name;
				vn = strlen(name);
			}
		}
		if (len)
			add(out, size, &len, "\n", 1);
		if (label) {
			add(out, size, &len, label, strlen(label));
			add(out, size, &len, _(": "), strlen(_(": ")));
		}
		add(out, size, &len, v, vn);
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* Notes written as English sentences by the core, in words of the screen;
 * 1 if this was one of them. */
static int sentence(ui_ctx *ctx, const char *kind, const char *p, char *out, size_t size)
{
	char a[64], b[64], local[72];
	int k;
	jrc_time t;

	if (strcmp(kind, "lookup_locked") == 0 &&
	    sscanf(p, "%d failed lookups of %63s within an hour; phone digits refused until %63s", &k, a, b) == 3) {
		if (clock_parse(b, &t) == JRC_OK)
			clock_format_local(t, local);
		else
			snprintf(local, sizeof(local), "%s", b);
		snprintf(out, size, _("%d wrong tries to look up %s within an hour: the phone digits are refused until %s."),
			 k, a, local);
		return 1;
	}
	if (strcmp(kind, "lookup_unlocked") == 0 && sscanf(p, "lookups of %63s allowed again", a) == 1) {
		snprintf(out, size, _("Lookups of %s are allowed again."), a);
		return 1;
	}
	if (strcmp(kind, "verdict") == 0) {
		size_t n = strcspn(p, ":");

		snprintf(a, sizeof(a), "%.*s", (int)(n < sizeof(a) - 1 ? n : sizeof(a) - 1), p);
		snprintf(out, size, "%s%s%s", verdict_label(a), p[n] ? _(": ") : "",
			 p[n] ? p + n + (p[n + 1] == ' ' ? 2 : 1) : "");
		return 1;
	}
	/* A supervision notice: "department: RSJ\nby: DATE\nexpected: TEXT",
	 * "by: DATE", "by: DATE\nreply: TEXT". */
	if (strncmp(kind, "supervise", 9) == 0) {
		size_t len = 0;

		out[0] = '\0';
		while (*p) {
			size_t n = strcspn(p, "\n");
			const char *label = NULL, *v = p;
			char dept[128];

			if (strncmp(p, "department: ", 12) == 0) {
				char code[16];

				snprintf(code, sizeof(code), "%.*s", (int)(n - 12 < 15 ? n - 12 : 15), p + 12);
				desk_dept_label(ctx, code, dept, sizeof(dept));
				label = _("to department");
				v = dept;
			} else if (strncmp(p, "by: ", 4) == 0) {
				label = _("to be done by");
				v = p + 4;
			} else if (strncmp(p, "expected: ", 10) == 0) {
				label = _("expected");
				v = p + 10;
			} else if (strncmp(p, "reply: ", 7) == 0) {
				label = _("reply");
				v = p + 7;
			}
			if (len)
				add(out, size, &len, "\n", 1);
			if (label) {
				add(out, size, &len, label, strlen(label));
				add(out, size, &len, _(": "), strlen(_(": ")));
			}
			/* The value runs to the end of its line (the reply's own
			 * lines were kept as typed and follow unlabelled). */
			add(out, size, &len, v, v == dept ? strlen(dept) : n - (size_t)(v - p));
			p += n;
			if (*p == '\n')
				p++;
		}
		return 1;
	}
	/* A hearing's "key: value" lines (hearing.c); the parts of its record
	 * (attended, what each side said) are free text, shown as written. */
	if (strcmp(kind, "hearing") == 0 || strcmp(kind, "hearing_panel") == 0 ||
	    strcmp(kind, "hearing_opinion") == 0 || strcmp(kind, "hearing_concluded") == 0) {
		static const word keys[] = {
			{ "hearing", N_("hearing no.") }, { "date", N_("when") },
			{ "place", N_("place") }, { "panel", N_("panel members") },
			{ "member", N_("panel member") }, { "name", N_("name") },
			{ "title", N_("affiliation") }, { "opinion", N_("opinion") },
			{ "reason", N_("reason") }, { "conclusion", N_("conclusion") },
		};

		keyed_lines(ctx, p, keys, sizeof(keys) / sizeof(keys[0]), hearing_value, out, size);
		return 1;
	}
	/* Between the levels (handling.c): "from: HZ\nto: HZC\nby: DATE\n
	 * instructions: TEXT", "lead: RSJ\nwith: XFJ ZRJ", "department: XFJ\n
	 * part: TEXT"; sites and departments by name. */
	if (strcmp(kind, "assign") == 0 || strcmp(kind, "escalate") == 0 ||
	    strcmp(kind, "joint") == 0 || strcmp(kind, "joint_part") == 0) {
		static const word keys[] = {
			{ "from", N_("from") }, { "to", N_("to") }, { "by", N_("to be done by") },
			{ "instructions", N_("instructions") }, { "reason", N_("reason") },
			{ "lead", N_("lead department") }, { "with", N_("together with") },
			{ "department", N_("department") }, { "part", N_("its part") },
		};

		keyed_lines(ctx, p, keys, sizeof(keys) / sizeof(keys[0]), levels_value, out, size);
		return 1;
	}
	if (strncmp(kind, "slip_print", 10) == 0) {
		size_t n = strcspn(p, ":");

		snprintf(a, sizeof(a), "%.*s", (int)(n < sizeof(a) - 1 ? n : sizeof(a) - 1), p);
		snprintf(out, size, "%s%s%s", desk_state_label(a), p[n] ? _(": ") : "",
			 p[n] ? p + n + (p[n + 1] == ' ' ? 2 : 1) : "");
		return 1;
	}
	(void)ctx;
	return 0;
}

void desk_note_text(ui_ctx *ctx, const char *kind, const char *note, char *out, size_t size)
{
	static const word keys[] = {
		{ "reason", N_("reason") }, { "channel", N_("where to turn") },
		{ "department", N_("department") }, { "answer", N_("answer") },
		{ "due", N_("due") }, { "booked", N_("booked") }, { "cancelled", N_("cancelled") },
		{ "moved", N_("moved") }, { "arrived", N_("arrived") },
	};
	static const word fields[] = {
		{ "name", N_("name") }, { "id_number", N_("ID number") }, { "phone", N_("phone") },
		{ "text", N_("what happened") }, { "outcome", N_("what they would like") },
	};
	int booking = kind && (strcmp(kind, "booking") == 0 || strcmp(kind, "arrived") == 0);
	size_t len = 0;
	const char *p = note ? note : "";

	out[0] = '\0';
	if (!kind)
		kind = "";
	if (sentence(ctx, kind, p, out, size))
		return;
	/* A correction: "name: old; phone: old" with the fields named. */
	if (strcmp(kind, "intake_edited") == 0) {
		int boundary = 1;

		while (*p) {
			int hit = 0;

			/* A field's name only at the start or after "; ". */
			if (!boundary && strncmp(p, "; ", 2) == 0) {
				boundary = 1;
				for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]) && !hit; i++)
					hit = strncmp(p + 2, fields[i].code, strlen(fields[i].code)) == 0 &&
					      strncmp(p + 2 + strlen(fields[i].code), ": ", 2) == 0;
				if (hit) {
					p += 2;
					continue;
				}
			}
			for (size_t i = 0; boundary && i < sizeof(fields) / sizeof(fields[0]) && !hit; i++) {
				size_t k = strlen(fields[i].code);

				if (strncmp(p, fields[i].code, k) == 0 && strncmp(p + k, ": ", 2) == 0) {
					if (len)
						add(out, size, &len, "\n", 1);
					add(out, size, &len, _(fields[i].msgid), strlen(_(fields[i].msgid)));
					add(out, size, &len, _(": "), strlen(_(": ")));
					p += k + 2;
					hit = 1;
				}
			}
			boundary = 0;
			if (hit)
				continue;
			add(out, size, &len, p, 1);
			p++;
		}
		return;
	}
	/* A filing's note is its channel. */
	if (kind && strcmp(kind, "filed") == 0 && strchr(p, ' ') == NULL && strchr(p, '\n') == NULL) {
		snprintf(out, size, "%s", desk_channel_label(p));
		return;
	}
	/* A print record: "<outcome> <sink>[: error]". */
	if (kind && strcmp(kind, "print") == 0) {
		const char *sp = strchr(p, ' ');
		char outcome[16];

		if (sp && (size_t)(sp - p) < sizeof(outcome)) {
			snprintf(outcome, sizeof(outcome), "%.*s", (int)(sp - p), p);
			add(out, size, &len, desk_print_outcome(outcome), strlen(desk_print_outcome(outcome)));
			add(out, size, &len, " ", 1);
			p = sp + 1;
			/* "skipped none" says it all in its first word. */
			if (strncmp(p, "none", 4) == 0 && (p[4] == '\0' || p[4] == ':')) {
				if (strcmp(outcome, "skipped") != 0)
					add(out, size, &len, _("no printer"), strlen(_("no printer")));
				p += 4;
			}
		}
	}
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);

		/* "key: value" lines of the lifecycle and booking records. */
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			size_t k = strlen(keys[i].code);

			if (n > k + 1 && strncmp(p, keys[i].code, k) == 0 && p[k] == ':') {
				const char *label = _(keys[i].msgid);

				add(out, size, &len, label, strlen(label));
				/* TRANSLATORS: between a label and its value in a note. */
				add(out, size, &len, _(": "), strlen(_(": ")));
				p += k + 1;
				n -= k + 1;
				while (n && *p == ' ')
					p++, n--;
				break;
			}
		}
		/* "RSJ -> XFJ" of a redirection: the departments by name. */
		if (strcmp(kind, "transition") == 0 && n > 4 && memchr(p, '>', n)) {
			char from[16], to[16], a[128], b[128];

			if (sscanf(p, "%15s -> %15s", from, to) == 2 && strncmp(p, from, strlen(from)) == 0) {
				desk_dept_label(ctx, from, a, sizeof(a));
				desk_dept_label(ctx, to, b, sizeof(b));
				add(out, size, &len, a, strlen(a));
				add(out, size, &len, " -> ", 4);
				add(out, size, &len, b, strlen(b));
				p += n;
				n = 0;
			}
		}
		/* An appointment, or a move from one to another. */
		if (booking && n) {
			const char *arrow = NULL;
			char words[700];

			for (size_t i = 0; i + 4 <= n; i++)
				if (memcmp(p + i, " -> ", 4) == 0) {
					arrow = p + i;
					break;
				}
			if (arrow && booking_words(ctx, p, (size_t)(arrow - p), words, sizeof(words))) {
				add(out, size, &len, words, strlen(words));
				add(out, size, &len, " -> ", 4);
				n -= (size_t)(arrow + 4 - p);
				p = arrow + 4;
			}
			if (booking_words(ctx, p, n, words, sizeof(words))) {
				add(out, size, &len, words, strlen(words));
				p += n;
				n = 0;
			}
		}
		while (n) {
			size_t u = utc_at(p);

			if (u && u <= n) {
				jrc_time t;
				char local[32], iso[24];

				snprintf(iso, sizeof(iso), "%.*s", (int)u, p);
				if (clock_parse(iso, &t) == JRC_OK) {
					clock_format_local(t, local);
					add(out, size, &len, local, strlen(local));
				} else {
					add(out, size, &len, p, u);
				}
				p += u;
				n -= u;
				continue;
			}
			add(out, size, &len, p, 1);
			p++;
			n--;
		}
		if (eol) {
			add(out, size, &len, "\n", 1);
			p = eol + 1;
		}
	}
}
