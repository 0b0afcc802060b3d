/* Cases between the levels (site.h): assigned down, escalated, handled
 * jointly.  Each step writes its row in handling_steps and the case's row
 * in case_handling, then the event that carries both (audit_cover.c), in
 * one transaction; the case's state and deadline are left as they are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/refdata.h"
#include "jrc/site.h"
#include "jrc/text.h"

jrc_status handling_get(jrc_db *db, int64_t case_id, jrc_handling *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((s = db_prepare_cached(db, "SELECT coalesce(h.site, c.site), coalesce(h.by_on, ''),"
				   " coalesce(h.lead, ''), coalesce(h.partners, ''),"
				   " (SELECT kind FROM handling_steps k WHERE k.case_id = c.id"
				   "  AND k.kind IN ('assigned','escalated') ORDER BY k.id DESC LIMIT 1)"
				   " FROM cases c LEFT JOIN case_handling h ON h.case_id = c.id"
				   " WHERE c.id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		const char *k = db_col_text(st, 4);

		db_col_copy(st, 0, out->site, sizeof(out->site));
		db_col_copy(st, 1, out->by_on, sizeof(out->by_on));
		db_col_copy(st, 2, out->lead, sizeof(out->lead));
		db_col_copy(st, 3, out->partners, sizeof(out->partners));
		out->moved = !k ? JRC_MOVED_NONE : strcmp(k, "assigned") == 0 ? JRC_MOVED_ASSIGNED
										: JRC_MOVED_ESCALATED;
	}
	db_release(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, "receipt", "%s",
				   jrc_status_message(JRC_E_NOT_FOUND));
	return db_fail(db, rc, err);
}

/* The case must still owe a step: handling a closed matter moves nothing. */
static jrc_status must_be_open(const jrc_case *c, jrc_err *err)
{
	if (lifecycle_state_owes_step(lifecycle_case_state(c)))
		return JRC_OK;
	return jrc_err_set(err, JRC_E_REFUSED, "state",
			   _("Case %s is %s: nobody owes it a step, so it cannot be passed between levels or handled jointly now."),
			   c->receipt, lifecycle_state_name(lifecycle_case_state(c)));
}

static jrc_status must_have_sites(jrc_db *db, jrc_err *err)
{
	if (site_count(db) > 0)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_REFUSED, "site",
			   _("No sites are listed: add data/sites.csv (the county center, the townships, the village points) and run 'jrc import'."));
}

/* Text a citizen never reads but staff rely on: valid, cleaned, 1 to
 * JRC_HANDLING_TEXT_MAX characters; NULL after saying why (missing). */
static char *clean_text(const char *in, const char *field, const char *missing, jrc_err *err)
{
	char *t = in && text_utf8_valid(in, strlen(in)) ? text_sanitize(in, 1) : NULL;

	if (t && *t && text_utf8_count(t) <= JRC_HANDLING_TEXT_MAX)
		return t;
	if (t && *t)
		jrc_err_set(err, JRC_E_INVALID, field, _("The text is too long: keep it to %d characters."),
			    JRC_HANDLING_TEXT_MAX);
	else
		jrc_err_set(err, JRC_E_INVALID, field, "%s", missing);
	free(t);
	return NULL;
}

typedef struct step_in {
	const char *kind, *from, *to, *by_on, *department, *partners, *text;
} step_in;

/* Write the step and the case's row as h, then the event carrying both. */
static jrc_status record(jrc_db *db, const char *actor, const jrc_case *c, const jrc_handling *h,
			 const step_in *in, const char *ev_kind, const char *note, jrc_err *err)
{
	db_stmt *st;
	jrc_event_in ev = { 0 };
	char at[32];
	int64_t id;
	jrc_status s;
	int rc;

	clock_format_utc(clock_now(), at);
	if ((s = db_prepare_cached(db, "INSERT INTO handling_steps(case_id, kind, from_site, to_site,"
				   " by_on, department, partners, text, at, actor)"
				   " VALUES (?,?,?,?,?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, c->id);
	db_bind_text(db, st, 2, in->kind);
	db_bind_text(db, st, 3, in->from ? in->from : "");
	db_bind_text(db, st, 4, in->to ? in->to : "");
	db_bind_text(db, st, 5, in->by_on ? in->by_on : "");
	db_bind_text(db, st, 6, in->department ? in->department : "");
	db_bind_text(db, st, 7, in->partners ? in->partners : "");
	db_bind_text(db, st, 8, in->text ? in->text : "");
	db_bind_text(db, st, 9, at);
	db_bind_text(db, st, 10, actor);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	id = db_last_id(db);
	if ((s = db_prepare_cached(db, "INSERT INTO case_handling(case_id, site, by_on, lead, partners,"
				   " updated_at) VALUES (?1,?2,?3,?4,?5,?6) ON CONFLICT(case_id) DO UPDATE"
				   " SET site = ?2, by_on = ?3, lead = ?4, partners = ?5, updated_at = ?6",
				   &st, err)))
		return s;
	db_bind_int64(st, 1, c->id);
	db_bind_text(db, st, 2, h->site);
	db_bind_text(db, st, 3, h->by_on);
	db_bind_text(db, st, 4, h->lead);
	db_bind_text(db, st, 5, h->partners);
	db_bind_text(db, st, 6, at);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	ev.actor = actor && *actor ? actor : "cli";
	ev.kind = ev_kind;
	ev.case_id = c->id;
	ev.note = note;
	ev.cover[0] = (jrc_cover){ "handling_steps", id, NULL };
	ev.cover[1] = (jrc_cover){ "case_handling", c->id, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

/* Open a transaction and read the case, its handling, and check it is open. */
static jrc_status begin(jrc_db *db, const char *receipt, jrc_case *c, jrc_handling *h,
			jrc_err *err)
{
	jrc_status s;

	if ((s = db_begin(db, err)))
		return s;
	if ((s = grievance_get(db, receipt, c, err))) {
		db_rollback(db);
		return s;
	}
	if ((s = must_be_open(c, err)) || (s = handling_get(db, c->id, h, err))) {
		grievance_case_free(c);
		db_rollback(db);
	}
	return s;
}

static jrc_status finish(jrc_db *db, jrc_case *c, jrc_status s, jrc_err *err)
{
	grievance_case_free(c);
	if (s != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

static jrc_status latest_of(const jrc_case *c, char out[11], jrc_err *err)
{
	jrc_date due;
	jrc_status s;

	if ((s = must_be_open(c, err)))
		return s;
	if (!c->due_on[0] || date_parse(c->due_on, &due) != 0)
		return jrc_err_set(err, JRC_E_REFUSED, "state",
				   _("Case %s has no statutory deadline running, so there is no date to assign it by."),
				   c->receipt);
	date_format(due, out);
	return JRC_OK;
}

jrc_status handling_latest(jrc_db *db, const char *receipt, char out[11], jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if ((s = grievance_get(db, receipt, &c, err)))
		return s;
	s = latest_of(&c, out, err);
	grievance_case_free(&c);
	return s;
}

/* 1 when site `below` lies under site `above` (its parent, or the
 * parent's parent). */
static int lies_under(jrc_db *db, const char *below, const char *above)
{
	jrc_site s;
	char code[8];

	snprintf(code, sizeof(code), "%s", below);
	for (int depth = 0; depth < 3; depth++) {
		if (site_get(db, code, &s, NULL) != JRC_OK || !s.parent[0])
			return 0;
		if (strcmp(s.parent, above) == 0)
			return 1;
		snprintf(code, sizeof(code), "%s", s.parent);
	}
	return 0;
}

static jrc_status assign_locked(jrc_db *db, const char *actor, const jrc_case *c, jrc_handling *h,
				const char *to, const char *by_on, const char *note, jrc_err *err)
{
	char latest[11], today_s[11], *text, *ev_note;
	jrc_date want, today = clock_local_date(clock_now());
	jrc_site dest;
	jrc_status s;
	size_t len;
	step_in in = { 0 };

	if ((s = must_have_sites(db, err)))
		return s;
	if (!to || !*to)
		return jrc_err_set(err, JRC_E_INVALID, "to",
				   _("Say which site takes the case: give its code with --to (see 'jrc sites')."));
	if ((s = site_code_check(db, to, err))) {
		snprintf(err->field, sizeof(err->field), "to");
		return s;
	}
	if ((s = site_get(db, to, &dest, err)))
		return s;
	if (!lies_under(db, to, h->site))
		return jrc_err_set(err, JRC_E_REFUSED, "to",
				   _("%s (%s) is not below %s, where case %s is handled now: a case is assigned only down, to a township or village site under it."),
				   i18n_pick(dest.name_zh, dest.name_en), to, h->site, c->receipt);
	if ((s = latest_of(c, latest, err)))
		return s;
	date_format(today, today_s);
	if (!by_on || date_parse(by_on, &want) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "by",
				   _("'%s' is not a date: give the by-date as YYYY-MM-DD, at the latest %s."),
				   by_on ? by_on : "", latest);
	if (date_cmp(want, today) < 0)
		return jrc_err_set(err, JRC_E_INVALID, "by",
				   _("The by-date %s has already passed: give a date from %s to %s."),
				   by_on, today_s, latest);
	if (strcmp(by_on, latest) > 0)
		return jrc_err_set(err, JRC_E_INVALID, "by",
				   _("The by-date %s lies past the statutory deadline of case %s: the latest date allowed is %s."),
				   by_on, c->receipt, latest);
	if (!(text = clean_text(note, "note", _("The instructions are missing: say in words what the site is to do."), err)))
		return err ? err->code : JRC_E_INVALID;
	len = strlen(text) + 128;
	if (!(ev_note = malloc(len))) {
		free(text);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	snprintf(ev_note, len, "from: %s\nto: %s\nby: %s\ninstructions: %s", h->site, to, by_on, text);
	in.kind = "assigned";
	in.from = h->site;
	in.to = to;
	in.by_on = by_on;
	in.text = text;
	snprintf(h->site, sizeof(h->site), "%s", to);
	snprintf(h->by_on, sizeof(h->by_on), "%s", by_on);
	s = record(db, actor, c, h, &in, "assign", ev_note, err);
	free(ev_note);
	free(text);
	return s;
}

jrc_status handling_assign(jrc_db *db, const char *actor, const char *receipt, const char *to,
			   const char *by_on, const char *note, jrc_err *err)
{
	jrc_case c;
	jrc_handling h;
	jrc_status s;

	if ((s = begin(db, receipt, &c, &h, err)))
		return s;
	return finish(db, &c, assign_locked(db, actor, &c, &h, to, by_on, note, err), err);
}

static jrc_status escalate_locked(jrc_db *db, const char *actor, const jrc_case *c,
				  jrc_handling *h, const char *reason, jrc_err *err)
{
	jrc_site here;
	char *text, *ev_note;
	jrc_status s;
	size_t len;
	step_in in = { 0 };

	if ((s = must_have_sites(db, err)))
		return s;
	if ((s = site_get(db, h->site, &here, err)))
		return s;
	if (!here.parent[0])
		return jrc_err_set(err, JRC_E_REFUSED, "site",
				   _("Case %s is handled at %s, the top level: there is no site above to escalate it to."),
				   c->receipt, i18n_pick(here.name_zh, here.name_en));
	if (!(text = clean_text(reason, "reason", _("A reason is needed to escalate: say in words why this site cannot solve the matter."), err)))
		return err ? err->code : JRC_E_INVALID;
	len = strlen(text) + 64;
	if (!(ev_note = malloc(len))) {
		free(text);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	snprintf(ev_note, len, "from: %s\nto: %s\nreason: %s", here.code, here.parent, text);
	in.kind = "escalated";
	in.from = here.code;
	in.to = here.parent;
	in.text = text;
	snprintf(h->site, sizeof(h->site), "%s", here.parent);
	h->by_on[0] = '\0';
	s = record(db, actor, c, h, &in, "escalate", ev_note, err);
	free(ev_note);
	free(text);
	return s;
}

jrc_status handling_escalate(jrc_db *db, const char *actor, const char *receipt,
			     const char *reason, jrc_err *err)
{
	jrc_case c;
	jrc_handling h;
	jrc_status s;

	if ((s = begin(db, receipt, &c, &h, err)))
		return s;
	return finish(db, &c, escalate_locked(db, actor, &c, &h, reason, err), err);
}

static jrc_status known_department(jrc_db *db, const char *code, const char *field, jrc_err *err)
{
	jrc_department d;
	jrc_status s = refdata_department(db, code, &d, err);

	if (s == JRC_E_NOT_FOUND)
		return jrc_err_set(err, JRC_E_INVALID, field,
				   _("Unknown department '%s': use a code of data/departments.csv, such as RSJ."),
				   code);
	return s;
}

static jrc_status joint_locked(jrc_db *db, const char *actor, const jrc_case *c, jrc_handling *h,
			       const char *lead, const char *with, jrc_err *err)
{
	char list[JRC_JOINT_MAX][16], partners[sizeof(h->partners)] = "", note[256];
	const char *p = with ? with : "";
	int n = 0;
	jrc_status s;
	step_in in = { 0 };

	if (!lead || !*lead)
		return jrc_err_set(err, JRC_E_INVALID, "lead",
				   _("Say which department leads: give its code with --lead."));
	if ((s = known_department(db, lead, "lead", err)))
		return s;
	while (*p) {
		size_t k;

		p += strspn(p, ", ");
		if (!(k = strcspn(p, ", ")))
			break;
		if (k >= sizeof(list[0]) || n == JRC_JOINT_MAX)
			return jrc_err_set(err, JRC_E_INVALID, "with",
					   _("Give at most %d departments with --with, as codes separated by commas."),
					   JRC_JOINT_MAX);
		snprintf(list[n], sizeof(list[n]), "%.*s", (int)k, p);
		p += k;
		if ((s = known_department(db, list[n], "with", err)))
			return s;
		if (strcmp(list[n], lead) == 0)
			return jrc_err_set(err, JRC_E_INVALID, "with",
					   _("%s leads already: list only the other departments with --with."),
					   lead);
		for (int i = 0; i < n; i++)
			if (strcmp(list[i], list[n]) == 0)
				return jrc_err_set(err, JRC_E_INVALID, "with",
						   _("%s is named twice with --with: name each department once."),
						   list[n]);
		if (n)
			strncat(partners, " ", sizeof(partners) - strlen(partners) - 1);
		strncat(partners, list[n], sizeof(partners) - strlen(partners) - 1);
		n++;
	}
	if (!n)
		return jrc_err_set(err, JRC_E_INVALID, "with",
				   _("Joint handling needs at least one other department: give their codes with --with, separated by commas."));
	snprintf(h->lead, sizeof(h->lead), "%s", lead);
	snprintf(h->partners, sizeof(h->partners), "%s", partners);
	snprintf(note, sizeof(note), "lead: %s\nwith: %s", lead, partners);
	in.kind = "joint";
	in.department = lead;
	in.partners = partners;
	return record(db, actor, c, h, &in, "joint", note, err);
}

jrc_status handling_joint(jrc_db *db, const char *actor, const char *receipt, const char *lead,
			  const char *with, jrc_err *err)
{
	jrc_case c;
	jrc_handling h;
	jrc_status s;

	if ((s = begin(db, receipt, &c, &h, err)))
		return s;
	return finish(db, &c, joint_locked(db, actor, &c, &h, lead, with, err), err);
}

/* 1 when code is the lead or one of the partners of h. */
static int takes_part(const jrc_handling *h, const char *code)
{
	const char *p = h->partners;
	size_t n = strlen(code);

	if (!*code)
		return 0;
	if (strcmp(h->lead, code) == 0)
		return 1;
	while ((p = strstr(p, code))) {
		if ((p == h->partners || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
		p += n;
	}
	return 0;
}

static jrc_status part_locked(jrc_db *db, const char *actor, const jrc_case *c, jrc_handling *h,
			      const char *department, const char *part, jrc_err *err)
{
	char *text, *ev_note;
	jrc_status s;
	size_t len;
	step_in in = { 0 };

	if (!h->lead[0])
		return jrc_err_set(err, JRC_E_REFUSED, "case",
				   _("Case %s is not handled jointly: name the lead and the other departments first (jrc joint RECEIPT --lead CODE --with CODE)."),
				   c->receipt);
	if (!department || !*department)
		return jrc_err_set(err, JRC_E_INVALID, "department",
				   _("Say which department adds this part: give its code with --department."));
	if (!takes_part(h, department)) {
		char others[sizeof(h->partners) * 2] = "";

		for (const char *p = h->partners; *p; p++)
			strncat(others, *p == ' ' ? ", " : (char[]){ *p, 0 },
				sizeof(others) - strlen(others) - 1);
		return jrc_err_set(err, JRC_E_REFUSED, "department",
				   _("%s does not take part in handling case %s: the departments are %s (lead) and %s."),
				   department, c->receipt, h->lead, others);
	}
	if (!(text = clean_text(part, "part", _("The part is missing: say in words what the department did or found."), err)))
		return err ? err->code : JRC_E_INVALID;
	len = strlen(text) + 64;
	if (!(ev_note = malloc(len))) {
		free(text);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	snprintf(ev_note, len, "department: %s\npart: %s", department, text);
	in.kind = "joint_part";
	in.department = department;
	in.text = text;
	s = record(db, actor, c, h, &in, "joint_part", ev_note, err);
	free(ev_note);
	free(text);
	return s;
}

jrc_status handling_part(jrc_db *db, const char *actor, const char *receipt,
			 const char *department, const char *text, jrc_err *err)
{
	jrc_case c;
	jrc_handling h;
	jrc_status s;

	if ((s = begin(db, receipt, &c, &h, err)))
		return s;
	return finish(db, &c, part_locked(db, actor, &c, &h, department, text, err), err);
}

/* ---------------------------------------------------------------- the citizen's words */

static void add_name(char *out, size_t size, const char *sep, const char *name)
{
	size_t l = strlen(out);

	snprintf(out + l, size - l, "%s%s", l ? sep : "", name);
}

jrc_status handling_words(jrc_db *db, int64_t case_id, jrc_handling_words *w, jrc_err *err)
{
	jrc_handling h;
	jrc_department d;
	jrc_site site;
	jrc_status s;
	const char *p;

	memset(w, 0, sizeof(*w));
	if ((s = handling_get(db, case_id, &h, err)))
		return s;
	if (h.moved != JRC_MOVED_NONE) {
		w->moved = h.moved;
		if (site_get(db, h.site, &site, NULL) == JRC_OK) {
			snprintf(w->site_zh, sizeof(w->site_zh), "%s", site.name_zh);
			snprintf(w->site_en, sizeof(w->site_en), "%s", site.name_en);
		} else {
			snprintf(w->site_zh, sizeof(w->site_zh), "%s", h.site);
			snprintf(w->site_en, sizeof(w->site_en), "%s", h.site);
		}
	}
	if (!h.lead[0])
		return JRC_OK;
	w->joint = 1;
	if (refdata_department(db, h.lead, &d, NULL) == JRC_OK) {
		snprintf(w->lead_zh, sizeof(w->lead_zh), "%s", d.name_zh);
		snprintf(w->lead_en, sizeof(w->lead_en), "%s", d.name_en);
	} else {
		snprintf(w->lead_zh, sizeof(w->lead_zh), "%s", h.lead);
		snprintf(w->lead_en, sizeof(w->lead_en), "%s", h.lead);
	}
	for (p = h.partners; *p;) {
		char code[16];
		size_t k = strcspn(p, " ");

		snprintf(code, sizeof(code), "%.*s", (int)k, p);
		p += k;
		p += strspn(p, " ");
		/* English: "A, B and C". */
		if (refdata_department(db, code, &d, NULL) == JRC_OK) {
			add_name(w->with_zh, sizeof(w->with_zh), "、", d.name_zh);
			add_name(w->with_en, sizeof(w->with_en), *p ? ", " : " and ", d.name_en);
		} else {
			add_name(w->with_zh, sizeof(w->with_zh), "、", code);
			add_name(w->with_en, sizeof(w->with_en), *p ? ", " : " and ", code);
		}
	}
	return JRC_OK;
}

void handling_sentence(const jrc_handling_words *w, char *out, size_t size)
{
	size_t l;

	out[0] = '\0';
	if (w->moved == JRC_MOVED_ASSIGNED)
		snprintf(out, size, _("Your matter has been passed to %s to handle."),
			 i18n_pick(w->site_zh, w->site_en));
	else if (w->moved == JRC_MOVED_ESCALATED)
		snprintf(out, size, _("Your matter has been passed up to %s."),
			 i18n_pick(w->site_zh, w->site_en));
	if (!w->joint)
		return;
	l = strlen(out);
	if (l && l + 1 < size && i18n_get() == JRC_LANG_EN)
		out[l++] = ' ', out[l] = '\0';
	snprintf(out + l, size - l, _("Your matter is handled jointly, led by %s together with %s."),
		 i18n_pick(w->lead_zh, w->lead_en), i18n_pick(w->with_zh, w->with_en));
}
