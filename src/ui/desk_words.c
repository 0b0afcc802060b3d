/* The desk's words for the core's codes: event kinds, channels, levels,
 * print outcomes, and the plain English records in event notes, so that a
 * Chinese desk shows Chinese (the stored record itself stays as it is).
 * Times inside notes are shown in the site's time zone. */
#include <stdio.h>
#include <string.h>

#include "scr_desk.h"
#include "jrc/clock.h"

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
		{ "booking", N_("Booking") }, { "verdict", N_("Citizen's verdict") },
		{ "lookup_locked", N_("Lookups paused after wrong tries") },
		{ "lookup_unlocked", N_("Lookup pause lifted") },
		{ "login", N_("Logged in") }, { "logout", N_("Logged out") },
		{ "login_failed", N_("Wrong password") }, { "login_refused", N_("Login refused") },
		{ "lockout", N_("Account locked") }, { "import", N_("Reference data imported") },
		{ "staff_added", N_("Staff account added") },
	};

	return LOOKUP(w, kind);
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
		{ "printed", N_("printed") }, { "failed", N_("failed") },
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

void desk_note_text(const char *kind, const char *note, char *out, size_t size)
{
	static const word keys[] = {
		{ "reason", N_("reason") }, { "channel", N_("where to turn") },
		{ "department", N_("department") }, { "answer", N_("answer") },
		{ "due", N_("due") }, { "booked", N_("booked") }, { "cancelled", N_("cancelled") },
	};
	size_t len = 0;
	const char *p = note ? note : "";

	out[0] = '\0';
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
