/* Public appraisal hearings (公开评议): schedule and record, and the
 * majority rule.  Rows are written first and the event that records each
 * step carries them (audit_cover.c), so jrc verify holds the hearings and
 * hearing_panel tables to the log.  Reading is in hearing_read.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/date.h"
#include "jrc/grievance.h"
#include "jrc/hearing.h"
#include "jrc/i18n.h"
#include "jrc/text.h"

static const struct {
	const char *name, *label;
} opinions[] = {
	[JRC_OPINION_NONE] = { "", N_("not recorded") },
	[JRC_OPINION_REASONABLE] = { "reasonable", N_("reasonable") },
	[JRC_OPINION_BASIC] = { "basic", N_("basically reasonable") },
	[JRC_OPINION_UNREASONABLE] = { "unreasonable", N_("unreasonable") },
	[JRC_OPINION_ABSENT] = { "absent", N_("absent") },
};

static const struct {
	const char *name, *label, *words;
} conclusions[] = {
	[JRC_CONCLUSION_NONE] = { "", N_("not yet held"),
		N_("The hearing has not been held yet.") },
	[JRC_CONCLUSION_REASONABLE] = { "reasonable", N_("reasonable, by majority"),
		N_("Most of the panel found that the department handled your matter reasonably.") },
	[JRC_CONCLUSION_BASIC] = { "basic", N_("basically reasonable, by majority"),
		N_("Most of the panel found that the department handled your matter basically reasonably.") },
	[JRC_CONCLUSION_UNREASONABLE] = { "unreasonable", N_("unreasonable, by majority"),
		N_("Most of the panel found that the department did not handle your matter reasonably: it has to deal with it again.") },
	[JRC_CONCLUSION_TIE] = { "tie", N_("no majority (a tie)"),
		N_("The panel was evenly divided, so the hearing reached no conclusion. Staff will tell you what happens next.") },
	[JRC_CONCLUSION_TOO_FEW] = { "too_few", N_("no conclusion (too few opinions)"),
		N_("Too few panel members gave an opinion, so the hearing reached no conclusion. Staff will tell you what happens next.") },
};

const char *hearing_opinion_name(jrc_opinion o)
{
	return (unsigned)o <= JRC_OPINION_ABSENT ? opinions[o].name : "";
}

const char *hearing_opinion_label(jrc_opinion o)
{
	return _((unsigned)o <= JRC_OPINION_ABSENT ? opinions[o].label : opinions[0].label);
}

int hearing_opinion_parse(const char *s, jrc_opinion *out)
{
	for (int i = JRC_OPINION_REASONABLE; s && i <= JRC_OPINION_ABSENT; i++)
		if (strcmp(s, opinions[i].name) == 0) {
			*out = (jrc_opinion)i;
			return 0;
		}
	return -1;
}

const char *hearing_conclusion_name(jrc_conclusion c)
{
	return (unsigned)c <= JRC_CONCLUSION_TOO_FEW ? conclusions[c].name : "";
}

const char *hearing_conclusion_label(jrc_conclusion c)
{
	return _((unsigned)c <= JRC_CONCLUSION_TOO_FEW ? conclusions[c].label : conclusions[0].label);
}

const char *hearing_conclusion_words(jrc_conclusion c)
{
	return _((unsigned)c <= JRC_CONCLUSION_TOO_FEW ? conclusions[c].words : conclusions[0].words);
}

jrc_conclusion hearing_majority(const jrc_opinion *ops, size_t n)
{
	size_t r = 0, b = 0, u = 0, given;

	for (size_t i = 0; i < n; i++) {
		if (ops[i] == JRC_OPINION_REASONABLE)
			r++;
		else if (ops[i] == JRC_OPINION_BASIC)
			b++;
		else if (ops[i] == JRC_OPINION_UNREASONABLE)
			u++;
	}
	given = r + b + u;
	if (given < JRC_HEARING_QUORUM)
		return JRC_CONCLUSION_TOO_FEW;
	if (2 * u > given)
		return JRC_CONCLUSION_UNREASONABLE;
	if (2 * r > given)
		return JRC_CONCLUSION_REASONABLE;
	if (2 * (r + b) > given)
		return JRC_CONCLUSION_BASIC;
	return JRC_CONCLUSION_TIE;
}

/* Supervisors schedule and record hearings (recording 0: scheduling). */
static jrc_status must_supervise(const jrc_staff *by, int recording, jrc_err *err)
{
	if (!by)
		return jrc_err_set(err, JRC_E_REFUSED, "staff",
				   _("Only logged-in staff can do this: give your staff ID with --staff."));
	if (by->disabled)
		return jrc_err_set(err, JRC_E_REFUSED, "staff",
				   _("This account is disabled: ask an administrator."));
	if (by->role != JRC_ROLE_SUPERVISOR)
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   recording ? _("Only a supervisor records hearings; your role is %s: ask a supervisor.")
					     : _("Only a supervisor schedules hearings; your role is %s: ask a supervisor."),
				   auth_role_label(by->role));
	return JRC_OK;
}

/* A text field: valid UTF-8, cleaned, 1 to max characters; NULL after
 * saying what to do.  label names it in the sentence, field in err. */
static char *clean(const char *in, int keep_newlines, size_t max, const char *field,
		   const char *label, jrc_err *err)
{
	char *t = in && text_utf8_valid(in, strlen(in)) ? text_sanitize(in, keep_newlines) : NULL;

	if (t && *t && text_utf8_count(t) <= max)
		return t;
	if (t && *t)
		jrc_err_set(err, JRC_E_INVALID, field,
			    _("The %s is too long: keep it to %zu characters."), label, max);
	else
		jrc_err_set(err, JRC_E_INVALID, field, _("The %s is missing: write it in words."),
			    label);
	free(t);
	return NULL;
}

static jrc_status record(jrc_db *db, const jrc_staff *by, const char *kind, int64_t case_id,
			 const char *table, int64_t id, const char *note, jrc_err *err)
{
	jrc_event_in ev = { 0 };
	char actor[48];

	auth_actor(by, actor, sizeof(actor));
	ev.actor = actor;
	ev.kind = kind;
	ev.case_id = case_id;
	ev.note = note;
	ev.cover[0] = (jrc_cover){ table, id, NULL };
	return audit_append(db, &ev, NULL, NULL, err);
}

/* "HH:MM" between 00:00 and 23:59. */
static int time_valid(const char *s)
{
	return s && strlen(s) == 5 && s[2] == ':' && s[0] >= '0' && s[0] <= '2' &&
	       s[1] >= '0' && s[1] <= '9' && s[3] >= '0' && s[3] <= '5' && s[4] >= '0' &&
	       s[4] <= '9' && (s[0] < '2' || s[1] <= '3');
}

/* A case's unrecorded hearing: 1 (its id and date), 0 none, -1 error. */
static int pending(jrc_db *db, int64_t case_id, int64_t *id, char day[11], jrc_err *err)
{
	db_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id, held_on FROM hearings WHERE case_id = ?"
		       " AND conclusion IS NULL ORDER BY id DESC LIMIT 1", &st, err) != JRC_OK)
		return -1;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
		db_col_copy(st, 1, day, 11);
	}
	db_finalize(st);
	if (rc == DB_ROW || rc == DB_DONE)
		return rc == DB_ROW;
	db_fail(db, rc, err);
	return -1;
}

/* Panel member id, active: 1 (name, title, department filled), 0 not
 * one, -1 error. */
static int panelist(jrc_db *db, const char *id, char *name, char *title, char dept[16],
		    jrc_err *err)
{
	db_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT name, title, coalesce(department, '') FROM panelists"
		       " WHERE upper(id) = upper(?) AND active = 1", &st, err) != JRC_OK)
		return -1;
	db_bind_text(db, st, 1, id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, name, JRC_U8(JRC_HOST_NAME_MAX));
		db_col_copy(st, 1, title, JRC_U8(JRC_HOST_TITLE_MAX));
		db_col_copy(st, 2, dept, 16);
	}
	db_finalize(st);
	if (rc == DB_ROW || rc == DB_DONE)
		return rc == DB_ROW;
	db_fail(db, rc, err);
	return -1;
}

/* The panel checked against the case: ids upper-cased into ids[]. */
static jrc_status check_panel(jrc_db *db, const jrc_hearing_plan *p, const jrc_case *c,
			      char ids[][JRC_HOST_ID_MAX], jrc_err *err)
{
	char name[JRC_U8(JRC_HOST_NAME_MAX)], title[JRC_U8(JRC_HOST_TITLE_MAX)], dept[16];

	if (p->npanel < JRC_HEARING_PANEL_MIN || p->npanel > JRC_HEARING_PANEL_MAX)
		return jrc_err_set(err, JRC_E_INVALID, "panel",
				   _("A hearing needs %d to %d panel members; %zu given: name them with --panel (see 'jrc hearing panel')."),
				   JRC_HEARING_PANEL_MIN, JRC_HEARING_PANEL_MAX, p->npanel);
	for (size_t i = 0; i < p->npanel; i++) {
		const char *id = p->panel[i] ? p->panel[i] : "";
		size_t k;
		int r;

		for (k = 0; id[k] && k + 1 < JRC_HOST_ID_MAX; k++)
			ids[i][k] = (char)(id[k] >= 'a' && id[k] <= 'z' ? id[k] - 32 : id[k]);
		ids[i][k] = '\0';
		if ((r = panelist(db, ids[i], name, title, dept, err)) < 0)
			return err ? err->code : JRC_E_DB;
		if (!r || id[k])
			return jrc_err_set(err, JRC_E_NOT_FOUND, "panel",
					   _("'%s' is not a panel member on the roster: see the list that 'jrc hearing panel' shows."),
					   id);
		for (size_t j = 0; j < i; j++)
			if (strcmp(ids[j], ids[i]) == 0)
				return jrc_err_set(err, JRC_E_INVALID, "panel",
						   _("Panel member %s is named twice: name each member once."),
						   ids[i]);
		if (*dept && strcmp(dept, c->department) == 0)
			return jrc_err_set(err, JRC_E_REFUSED, "panel",
					   _("Panel member %s (%s) belongs to %s, the department concerned in case %s: choose someone independent of it."),
					   ids[i], name, dept, c->receipt);
	}
	return JRC_OK;
}

static jrc_status schedule_locked(jrc_db *db, const jrc_staff *by, const jrc_hearing_plan *p,
				  const jrc_case *c, int64_t *id_out, jrc_err *err)
{
	char ids[JRC_HEARING_PANEL_MAX][JRC_HOST_ID_MAX], day[11], actor[48], at[32];
	char name[JRC_U8(JRC_HOST_NAME_MAX)], title[JRC_U8(JRC_HOST_TITLE_MAX)], dept[16];
	char *place = NULL, *citizen = NULL, *rep = NULL, note[512], at_time[8];
	jrc_date want;
	int64_t id, other;
	db_stmt *st;
	jrc_status s;
	int rc;

	if (lifecycle_case_state(c) == JRC_ST_REGISTERED)
		return jrc_err_set(err, JRC_E_REFUSED, "state",
				   _("Case %s has not been taken on yet: there is no handling to appraise. Hold a hearing once the department has dealt with it."),
				   c->receipt);
	if ((rc = pending(db, c->id, &other, day, err)) < 0)
		return err ? err->code : JRC_E_DB;
	if (rc)
		return jrc_err_set(err, JRC_E_REFUSED, "case",
				   _("Case %s already has hearing %" PRId64 " on %s still to be recorded: record it first."),
				   c->receipt, other, day);
	if (!p->held_on || date_parse(p->held_on, &want) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("'%s' is not a date: give the hearing's date as YYYY-MM-DD."),
				   p->held_on ? p->held_on : "");
	if (date_cmp(want, clock_local_date(clock_now())) < 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("The date %s has already passed: give today's date or a later one."),
				   p->held_on);
	/* "9:30" is 09:30, as people write it. */
	if (p->at_time && strlen(p->at_time) == 4 && p->at_time[1] == ':')
		snprintf(at_time, sizeof(at_time), "0%s", p->at_time);
	else
		snprintf(at_time, sizeof(at_time), "%s", p->at_time ? p->at_time : "");
	if (!time_valid(at_time))
		return jrc_err_set(err, JRC_E_INVALID, "time",
				   _("'%s' is not a time: give the hour and minute as HH:MM, such as 09:30."),
				   p->at_time ? p->at_time : "");
	if ((s = check_panel(db, p, c, ids, err)))
		return s;
	if (!(place = clean(p->place, 0, JRC_HEARING_PLACE_MAX, "place", _("place"), err)) ||
	    !(rep = clean(p->representative, 0, JRC_HEARING_NAME_MAX, "representative",
			  _("department's representative"), err))) {
		s = err ? err->code : JRC_E_INVALID;
		goto out;
	}
	if (p->citizen && *p->citizen)
		citizen = clean(p->citizen, 0, JRC_HEARING_NAME_MAX, "citizen", _("citizen's name"), err);
	else if (c->anonymous || !c->name || !*c->name)
		jrc_err_set(err, JRC_E_INVALID, "citizen",
			    _("Case %s was filed without a name: give the name of the person who comes for the citizen."),
			    c->receipt);
	else
		citizen = strdup(c->name);
	if (!citizen) {
		s = err && err->code ? err->code : JRC_E_NOMEM;
		goto out;
	}
	auth_actor(by, actor, sizeof(actor));
	clock_format_utc(clock_now(), at);
	if ((s = db_prepare(db, "INSERT INTO hearings(case_id, department, held_on, at_time, place,"
			    " citizen, representative, scheduled_at, scheduled_by)"
			    " VALUES (?,?,?,?,?,?,?,?,?)", &st, err)))
		goto out;
	db_bind_int64(st, 1, c->id);
	db_bind_text(db, st, 2, c->department);
	db_bind_text(db, st, 3, p->held_on);
	db_bind_text(db, st, 4, at_time);
	db_bind_text(db, st, 5, place);
	db_bind_text(db, st, 6, citizen);
	db_bind_text(db, st, 7, rep);
	db_bind_text(db, st, 8, at);
	db_bind_text(db, st, 9, actor);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto out;
	}
	id = db_last_id(db);
	snprintf(note, sizeof(note), "hearing: %" PRId64 "\ndate: %s %s\nplace: %s\npanel: %zu",
		 id, p->held_on, at_time, place, p->npanel);
	if ((s = record(db, by, "hearing", c->id, "hearings", id, note, err)))
		goto out;
	for (size_t i = 0; i < p->npanel; i++) {
		int64_t seat;

		if (panelist(db, ids[i], name, title, dept, err) != 1) {
			s = err ? err->code : JRC_E_DB;
			goto out;
		}
		if ((s = db_prepare(db, "INSERT INTO hearing_panel(hearing_id, case_id, seat, member,"
				    " name, title) VALUES (?,?,?,?,?,?)", &st, err)))
			goto out;
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, c->id);
		db_bind_int(st, 3, (int)i + 1);
		db_bind_text(db, st, 4, ids[i]);
		db_bind_text(db, st, 5, name);
		db_bind_text(db, st, 6, title);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc != DB_DONE) {
			s = db_fail(db, rc, err);
			goto out;
		}
		seat = db_last_id(db);
		snprintf(note, sizeof(note), "hearing: %" PRId64 "\nmember: %s\nname: %s\ntitle: %s",
			 id, ids[i], name, title);
		if ((s = record(db, by, "hearing_panel", c->id, "hearing_panel", seat, note, err)))
			goto out;
	}
	if (id_out)
		*id_out = id;
out:
	free(place);
	free(citizen);
	free(rep);
	return s;
}

jrc_status hearing_schedule(jrc_db *db, const jrc_staff *by, const jrc_hearing_plan *p,
			    int64_t *id, jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if ((s = must_supervise(by, 0, err)))
		return s;
	if ((s = db_begin(db, err)))
		return s;
	if ((s = grievance_get(db, p->receipt, &c, err))) {
		db_rollback(db);
		return s;
	}
	if ((s = schedule_locked(db, by, p, &c, id, err)))
		db_rollback(db);
	else
		s = db_commit(db, err);
	grievance_case_free(&c);
	return s;
}

/* One column of the hearing set (a part of the record), then its event. */
static jrc_status set_part(jrc_db *db, const jrc_staff *by, const jrc_hearing *h,
			   const char *col, const char *kind, const char *text, jrc_err *err)
{
	char sql[96];
	db_stmt *st;
	jrc_status s;
	int rc;

	snprintf(sql, sizeof(sql), "UPDATE hearings SET %s = ? WHERE id = ?", col);
	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	db_bind_text(db, st, 1, text);
	db_bind_int64(st, 2, h->id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return record(db, by, kind, h->case_id, "hearings", h->id, text, err);
}

/* The minutes checked against the panel: for each seat, the index of its
 * opinion in m->opinions, and each reason cleaned (NULL when absent). */
static jrc_status check_opinions(const jrc_hearing *h, const jrc_hearing_minutes *m,
				 size_t *which, char **reasons, jrc_err *err)
{
	for (size_t i = 0; i < m->n; i++) {
		const char *id = m->opinions[i].member ? m->opinions[i].member : "";
		size_t k;

		for (k = 0; k < h->nseats; k++)
			if (strcasecmp(h->seats[k].member, id) == 0)
				break;
		if (k == h->nseats)
			return jrc_err_set(err, JRC_E_INVALID, "opinion",
					   _("'%s' is not on the panel of hearing %" PRId64 ": give opinions only for its members."),
					   id, h->id);
		if (which[k] != (size_t)-1)
			return jrc_err_set(err, JRC_E_INVALID, "opinion",
					   _("The opinion of panel member %s is given twice: give it once."),
					   h->seats[k].member);
		if (m->opinions[i].opinion < JRC_OPINION_REASONABLE ||
		    m->opinions[i].opinion > JRC_OPINION_ABSENT)
			return jrc_err_set(err, JRC_E_INVALID, "opinion",
					   _("The opinion of panel member %s must be reasonable, basic, unreasonable or absent."),
					   h->seats[k].member);
		which[k] = i;
	}
	for (size_t k = 0; k < h->nseats; k++) {
		char label[96];

		if (which[k] == (size_t)-1)
			return jrc_err_set(err, JRC_E_INVALID, "opinion",
					   _("The opinion of panel member %s (%s) is missing: give every member's opinion, or absent."),
					   h->seats[k].member, h->seats[k].name);
		if (m->opinions[which[k]].opinion == JRC_OPINION_ABSENT)
			continue;
		/* TRANSLATORS: "reason of panel member P01" */
		snprintf(label, sizeof(label), _("reason of panel member %s"), h->seats[k].member);
		if (!(reasons[k] = clean(m->opinions[which[k]].reason, 0, JRC_HEARING_REASON_MAX,
					 "reason", label, err)))
			return err ? err->code : JRC_E_INVALID;
	}
	return JRC_OK;
}

static jrc_status record_locked(jrc_db *db, const jrc_staff *by, const jrc_hearing *h,
				const jrc_hearing_minutes *m, jrc_conclusion *out, jrc_err *err)
{
	size_t which[JRC_HEARING_PANEL_MAX];
	char *reasons[JRC_HEARING_PANEL_MAX] = { 0 }, *parts[3] = { 0 }, actor[48], at[32];
	jrc_opinion ops[JRC_HEARING_PANEL_MAX];
	jrc_conclusion concl;
	jrc_date day;
	jrc_status s;
	db_stmt *st;
	char note[512];
	int rc;

	if (h->conclusion != JRC_CONCLUSION_NONE)
		return jrc_err_set(err, JRC_E_REFUSED, "hearing",
				   _("Hearing %" PRId64 " is already recorded: a record once made is kept."),
				   h->id);
	if (date_parse(h->held_on, &day) == 0 &&
	    date_cmp(clock_local_date(clock_now()), day) < 0)
		return jrc_err_set(err, JRC_E_REFUSED, "hearing",
				   _("Hearing %" PRId64 " is on %s: record it on that day or after."),
				   h->id, h->held_on);
	for (size_t k = 0; k < JRC_HEARING_PANEL_MAX; k++)
		which[k] = (size_t)-1;
	if (!(parts[0] = clean(m->attended, 1, JRC_HEARING_TEXT_MAX, "attended",
			       _("list of who attended"), err)) ||
	    !(parts[1] = clean(m->citizen_said, 1, JRC_HEARING_TEXT_MAX, "citizen_said",
			       _("summary of what the citizen said"), err)) ||
	    !(parts[2] = clean(m->department_said, 1, JRC_HEARING_TEXT_MAX, "department_said",
			       _("summary of what the department said"), err)) ||
	    (s = check_opinions(h, m, which, reasons, err)) != JRC_OK) {
		s = err ? err->code : JRC_E_INVALID;
		goto out;
	}
	if ((s = set_part(db, by, h, "attended", "hearing_attended", parts[0], err)) ||
	    (s = set_part(db, by, h, "citizen_said", "hearing_citizen", parts[1], err)) ||
	    (s = set_part(db, by, h, "department_said", "hearing_department", parts[2], err)))
		goto out;
	for (size_t k = 0; k < h->nseats; k++) {
		ops[k] = m->opinions[which[k]].opinion;
		if ((s = db_prepare(db, "UPDATE hearing_panel SET opinion = ?, reason = ?"
				    " WHERE id = ?", &st, err)))
			goto out;
		db_bind_text(db, st, 1, hearing_opinion_name(ops[k]));
		if (reasons[k])
			db_bind_text(db, st, 2, reasons[k]);
		db_bind_int64(st, 3, h->seats[k].row);
		rc = db_step(db, st);
		db_finalize(st);
		if (rc != DB_DONE) {
			s = db_fail(db, rc, err);
			goto out;
		}
		snprintf(note, sizeof(note), "member: %s\nopinion: %s%s%s", h->seats[k].member,
			 hearing_opinion_name(ops[k]), reasons[k] ? "\nreason: " : "",
			 reasons[k] ? reasons[k] : "");
		if ((s = record(db, by, "hearing_opinion", h->case_id, "hearing_panel",
				h->seats[k].row, note,
				err)))
			goto out;
	}
	concl = hearing_majority(ops, h->nseats);
	auth_actor(by, actor, sizeof(actor));
	clock_format_utc(clock_now(), at);
	if ((s = db_prepare(db, "UPDATE hearings SET conclusion = ?, recorded_at = ?,"
			    " recorded_by = ? WHERE id = ?", &st, err)))
		goto out;
	db_bind_text(db, st, 1, hearing_conclusion_name(concl));
	db_bind_text(db, st, 2, at);
	db_bind_text(db, st, 3, actor);
	db_bind_int64(st, 4, h->id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto out;
	}
	snprintf(note, sizeof(note), "hearing: %" PRId64 "\nconclusion: %s", h->id,
		 hearing_conclusion_name(concl));
	if ((s = record(db, by, "hearing_concluded", h->case_id, "hearings", h->id, note, err)))
		goto out;
	if (out)
		*out = concl;
out:
	for (size_t k = 0; k < JRC_HEARING_PANEL_MAX; k++)
		free(reasons[k]);
	for (size_t k = 0; k < 3; k++)
		free(parts[k]);
	return s;
}

jrc_status hearing_record(jrc_db *db, const jrc_staff *by, int64_t id,
			  const jrc_hearing_minutes *m, jrc_conclusion *out, jrc_err *err)
{
	jrc_hearing h;
	jrc_status s;

	if ((s = must_supervise(by, 1, err)))
		return s;
	if ((s = db_begin(db, err)))
		return s;
	if ((s = hearing_get(db, id, &h, err))) {
		db_rollback(db);
		return s;
	}
	if ((s = record_locked(db, by, &h, m, out, err)))
		db_rollback(db);
	else
		s = db_commit(db, err);
	hearing_free(&h);
	return s;
}
