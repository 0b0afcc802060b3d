/* What the log vouches for beyond its own rows: each event that writes a
 * fact a citizen or the law relies on carries a copy of the row as it is
 * after the write (the payload, inside the keyed hash), and verify holds
 * every covered table against the last copy of each row. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_internal.h"
#include "jrc/i18n.h"

#define CASE_COLS "receipt, query_code, site, category, division, department, level," \
	" anonymous, name, id_kind, id_number, phone, text, outcome, channel, staff_id, lang," \
	" filed_at, state, state_at, due_on, accept_by, extended, answer, related_case"
#define STEP_COLS "case_id, at, from_state, to_state, actor, department, reason, channel, answer"
#define VERDICT_COLS "case_id, stage, verdict, comment, at"
#define BOOKING_COLS "case_id, host, slot_start, slot_end, room, room_en, booked_at," \
	" booked_by, cancelled_at, cancelled_by"
#define ARRIVAL_COLS "case_id, arrived_at, arrived_by"
#define SUPERVISION_COLS "case_id, department, note, by_on, issued_at, issued_by, acked_at," \
	" acked_by, reply, replied_at, replied_by, late"
#define HEARING_COLS "case_id, department, held_on, at_time, place, citizen, representative," \
	" scheduled_at, scheduled_by, attended, citizen_said, department_said, conclusion," \
	" recorded_at, recorded_by"
#define PANEL_SEAT_COLS "case_id, hearing_id, seat, member, name, title, opinion, reason"
#define CONCLUDED_COLS "case_id, concluded_case, linked_at"
#define STAFF_COLS "name, role, department, hash, disabled, created_at"
#define VISIT_COLS "host, day, start_min, end_min, slot_minutes, township, village, place," \
	" place_en, topics, accompany, created_at, created_by, cancelled_at, cancelled_by," \
	" cancel_reason"
#define SURVEY_COLS "title_zh, title_en, sites, start_day, end_day, created_at, created_by," \
	" closed_at, closed_by"
#define SURVEY_QUESTION_COLS "survey_id, n, text_zh, text_en, answers_zh, answers_en"
#define SURVEY_ANSWER_COLS "survey_id, day, township, answers"
#define SERVICE_RATING_COLS "day, township, rating"
#define TICKET_COLS "day, grp, number, reason, case_id, department, state, at_window," \
	" from_ticket, taken_at, taken_by, called_at, called_by, calls, served_at, closed_at, closed_by"
#define VISIT_MATTER_COLS "case_id, visit_id, found, on_spot, recorded_at, recorded_by"
#define ALERT_COLS "rule, kind, key, division, category, department, threshold, days," \
	" raised_at, acked_at, acked_by, ack_note"
#define ALERT_CASE_COLS "case_id, alert_id, added_at"
#define SMS_CONSENT_COLS "case_id, phone, given_at"
#define CASE_HANDLING_COLS "case_id, site, by_on, lead, partners, updated_at"
#define HANDLING_STEP_COLS "case_id, kind, from_site, to_site, by_on, department, partners," \
	" text, at, actor"

/* The copy of a row: [table, key as text, [columns]]. */
#define SNAP(tbl, key, cols) \
	"SELECT json_array(?1, CAST(" key " AS TEXT), json_array(" cols ")) FROM " tbl \
	" WHERE " key " = ?2"

/* Every row of a table against its last copy in the log: key, the copy,
 * the row now, the copying event, the case, and whether the row predates
 * full coverage (its own event carries no copy). */
#define CHECK(tbl, key, cols, case_expr, legacy_expr, gone_ok) \
	"WITH cov AS (SELECT k, snap, eid FROM (SELECT json_extract(j.value, '$[1]') AS k," \
	"   json(json_extract(j.value, '$[2]')) AS snap, e.id AS eid, row_number() OVER" \
	"   (PARTITION BY json_extract(j.value, '$[1]') ORDER BY e.id DESC) AS nth" \
	"   FROM events e, json_each(e.payload) j" \
	"   WHERE e.payload IS NOT NULL AND json_extract(j.value, '$[0]') = '" tbl "') AS last_copy" \
	"   WHERE nth = 1)," \
	" cur AS (SELECT CAST(t." key " AS TEXT) AS k, json(json_array(" cols ")) AS snap," \
	"   " case_expr " AS case_id, " legacy_expr " AS legacy FROM " tbl " t)" \
	" SELECT cur.k, cov.snap, cur.snap, cov.eid, cur.case_id, cur.legacy, 0 AS gone" \
	"  FROM cur LEFT JOIN cov ON cov.k = cur.k" \
	"  WHERE cov.k IS NULL OR cov.snap IS NOT cur.snap" \
	" UNION ALL" \
	" SELECT cov.k, cov.snap, NULL, cov.eid, NULL, 0, 1 FROM cov" \
	"  WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.k = cov.k) AND (" gone_ok ") = 0" \
	" ORDER BY 5, 4"

/* A row kept by its own event (of that kind, about that case) is a legacy
 * row when that event has no copy. */
#define LEGACY_BY_EVENT(kind) \
	"(SELECT CASE WHEN e.payload IS NULL THEN 1 ELSE 0 END FROM events e WHERE e.id = t.event_id" \
	" AND e.case_id = t.case_id AND e.kind = '" kind "')"

typedef struct cover_spec {
	const char *table, *cols, *snap_sql, *check_sql;
	int text_key;         /* staff: the key is the staff ID */
	const char *label;    /* msgid naming a row of a table not about a case
				 ("Visit %s"); NULL: the row's case names it */
} cover_spec;

static const cover_spec specs[] = {
	{ "cases", CASE_COLS, SNAP("cases", "id", CASE_COLS),
	  CHECK("cases", "id", CASE_COLS, "t.id",
		"(SELECT CASE WHEN e.payload IS NULL THEN 1 ELSE 0 END FROM events e WHERE e.case_id = t.id"
		" AND e.kind = 'filed' ORDER BY e.id LIMIT 1)", "0"), 0, NULL },
	{ "lifecycle_steps", STEP_COLS, SNAP("lifecycle_steps", "event_id", STEP_COLS),
	  CHECK("lifecycle_steps", "event_id", STEP_COLS, "t.case_id",
		LEGACY_BY_EVENT("transition"), "0"), 0, NULL },
	{ "verdicts", VERDICT_COLS, SNAP("verdicts", "event_id", VERDICT_COLS),
	  CHECK("verdicts", "event_id", VERDICT_COLS, "t.case_id", LEGACY_BY_EVENT("verdict"), "0"), 0, NULL },
	{ "bookings", BOOKING_COLS, SNAP("bookings", "id", BOOKING_COLS),
	  CHECK("bookings", "id", BOOKING_COLS, "t.case_id", "?1", "0"), 0, NULL },
	{ "arrivals", ARRIVAL_COLS, SNAP("arrivals", "booking_id", ARRIVAL_COLS),
	  CHECK("arrivals", "booking_id", ARRIVAL_COLS, "t.case_id", "0", "0"), 0, NULL },
	{ "supervisions", SUPERVISION_COLS, SNAP("supervisions", "id", SUPERVISION_COLS),
	  CHECK("supervisions", "id", SUPERVISION_COLS, "t.case_id", "0", "0"), 0, NULL },
	{ "hearings", HEARING_COLS, SNAP("hearings", "id", HEARING_COLS),
	  CHECK("hearings", "id", HEARING_COLS, "t.case_id", "0", "0"), 0, NULL },
	{ "hearing_panel", PANEL_SEAT_COLS, SNAP("hearing_panel", "id", PANEL_SEAT_COLS),
	  CHECK("hearing_panel", "id", PANEL_SEAT_COLS, "t.case_id", "0", "0"), 0, NULL },
	{ "concluded_links", CONCLUDED_COLS, SNAP("concluded_links", "case_id", CONCLUDED_COLS),
	  CHECK("concluded_links", "case_id", CONCLUDED_COLS, "t.case_id", "0", "0"), 0, NULL },
	{ "staff", STAFF_COLS, SNAP("staff", "id", STAFF_COLS),
	  CHECK("staff", "id", STAFF_COLS, "NULL", "?1", "0"), 1, N_("Staff account %s") },
	/* Leaders' visits and the matters found on them (visit.c). */
	{ "visits", VISIT_COLS, SNAP("visits", "id", VISIT_COLS),
	  CHECK("visits", "id", VISIT_COLS, "NULL", "0", "0"), 0, N_("Visit %s") },
	{ "visit_matters", VISIT_MATTER_COLS, SNAP("visit_matters", "case_id", VISIT_MATTER_COLS),
	  CHECK("visit_matters", "case_id", VISIT_MATTER_COLS, "t.case_id", "0", "0"), 0, NULL },
	/* Opinion surveys and their anonymous answers (survey.c). */
	{ "surveys", SURVEY_COLS, SNAP("surveys", "id", SURVEY_COLS),
	  CHECK("surveys", "id", SURVEY_COLS, "NULL", "0", "0"), 0, N_("Survey %s") },
	/* A question's key is "survey.n" (a survey's questions have no id). */
	{ "survey_questions", SURVEY_QUESTION_COLS,
	  "SELECT json_array(?1, survey_id || '.' || n, json_array(" SURVEY_QUESTION_COLS "))"
	  " FROM survey_questions WHERE survey_id || '.' || n = ?2",
	  CHECK("survey_questions", "survey_id || '.' || t.n", SURVEY_QUESTION_COLS, "NULL", "0", "0"),
	  1, N_("Survey question %s") },
	{ "survey_answers", SURVEY_ANSWER_COLS, SNAP("survey_answers", "id", SURVEY_ANSWER_COLS),
	  CHECK("survey_answers", "id", SURVEY_ANSWER_COLS, "NULL", "0", "0"), 0, N_("Survey answer %s") },
	{ "service_ratings", SERVICE_RATING_COLS, SNAP("service_ratings", "id", SERVICE_RATING_COLS),
	  CHECK("service_ratings", "id", SERVICE_RATING_COLS, "NULL", "0", "0"), 0,
	  N_("Service rating %s") },
	/* Early warning (alert.c): an alert, and each case behind it keyed
	 * "alert.case" (the table has no id of its own). */
	{ "alerts", ALERT_COLS, SNAP("alerts", "id", ALERT_COLS),
	  CHECK("alerts", "id", ALERT_COLS, "NULL", "0", "0"), 0, N_("Alert %s") },
	{ "alert_cases", ALERT_CASE_COLS,
	  "SELECT json_array(?1, alert_id || '.' || case_id, json_array(" ALERT_CASE_COLS "))"
	  " FROM alert_cases WHERE alert_id = CAST(substr(?2, 1, instr(?2, '.') - 1) AS INTEGER)"
	  " AND case_id = CAST(substr(?2, instr(?2, '.') + 1) AS INTEGER)",
	  CHECK("alert_cases", "alert_id || '.' || t.case_id", ALERT_CASE_COLS, "t.case_id", "0", "0"),
	  1, NULL },
	/* The hall's queue tickets (queue.c): no personal data, keyed by id. */
	{ "tickets", TICKET_COLS, SNAP("tickets", "id", TICKET_COLS),
	  CHECK("tickets", "id", TICKET_COLS, "NULL", "0", "0"), 0, N_("Ticket %s") },
	/* Consent to SMS notices, written with the filing (sms.c); the
	 * outbox itself is not covered: sending updates it in place. */
	{ "sms_consent", SMS_CONSENT_COLS, SNAP("sms_consent", "case_id", SMS_CONSENT_COLS),
	  CHECK("sms_consent", "case_id", SMS_CONSENT_COLS, "t.case_id", "0", "0"), 0, NULL },
	/* Sites and the three levels (handling.c): each step as written, and
	 * the case's handling row as the last step left it. */
	{ "handling_steps", HANDLING_STEP_COLS, SNAP("handling_steps", "id", HANDLING_STEP_COLS),
	  CHECK("handling_steps", "id", HANDLING_STEP_COLS, "t.case_id", "0", "0"), 0, NULL },
	{ "case_handling", CASE_HANDLING_COLS, SNAP("case_handling", "case_id", CASE_HANDLING_COLS),
	  CHECK("case_handling", "case_id", CASE_HANDLING_COLS, "t.case_id", "0", "0"), 0, NULL },
};

static const cover_spec *find_spec(const char *table)
{
	for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++)
		if (strcmp(specs[i].table, table) == 0)
			return &specs[i];
	return NULL;
}

jrc_status audit_cover_payload(jrc_db *db, const jrc_event_in *ev, char **payload,
			       jrc_err *err)
{
	char *buf = NULL;
	size_t len = 0;
	jrc_status s = JRC_OK;

	*payload = NULL;
	for (int i = 0; i < JRC_EVENT_COVERS && ev->cover[i].table; i++) {
		const jrc_cover *c = &ev->cover[i];
		const cover_spec *sp = find_spec(c->table);
		db_stmt *st;
		int rc;

		if (!sp) {
			s = jrc_err_set(err, JRC_E_INVALID, NULL,
					_("An event covers an unknown table: this is a program error, report it."));
			break;
		}
		if ((s = db_prepare_cached(db, sp->snap_sql, &st, err)))
			break;
		db_bind_text(db, st, 1, sp->table);
		if (c->key_text)
			db_bind_text(db, st, 2, c->key_text);
		else
			db_bind_int64(st, 2, c->id);
		rc = db_step(db, st);
		if (rc == DB_ROW) {
			const char *t = db_col_text(st, 0);
			size_t n = (size_t)db_col_bytes(st, 0);
			char *nb = t ? realloc(buf, len + n + 3) : NULL;

			if (!nb) {
				db_release(st);
				s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
				break;
			}
			buf = nb;
			buf[len] = len ? ',' : '[';
			len++;
			memcpy(buf + len, t, n);
			len += n;
			buf[len] = '\0';
		}
		db_release(st);
		if (rc == DB_DONE) {
			s = jrc_err_set(err, JRC_E_INVALID, NULL,
					_("An event covers a row that is not there: this is a program error, report it."));
			break;
		}
		if (rc != DB_ROW) {
			s = db_fail(db, rc, err);
			break;
		}
	}
	if (s != JRC_OK) {
		free(buf);
		return s;
	}
	if (buf) {
		buf[len++] = ']';
		buf[len] = '\0';
		*payload = buf;
	}
	return JRC_OK;
}

/* The name of column i of a spec ("text", "answer"). */
static void column_name(const cover_spec *sp, int i, char *out, size_t size)
{
	const char *p = sp->cols;

	for (; i > 0 && p; i--)
		if ((p = strchr(p, ',')))
			p++;
	while (p && *p == ' ')
		p++;
	snprintf(out, size, "%.*s", p ? (int)strcspn(p, ",") : 1, p ? p : "?");
}

/* The first column where two copies differ, -1 if none shows. */
static int first_difference(jrc_db *db, const char *a, const char *b)
{
	db_stmt *st;
	int i = -1;

	if (db_prepare(db, "SELECT a.key FROM json_each(?1) a LEFT JOIN json_each(?2) b"
		       " ON a.key = b.key WHERE b.key IS NULL OR a.type IS NOT b.type"
		       " OR a.atom IS NOT b.atom ORDER BY a.key LIMIT 1", &st, NULL) != JRC_OK)
		return -1;
	db_bind_text(db, st, 1, a);
	db_bind_text(db, st, 2, b);
	if (db_step(db, st) == DB_ROW)
		i = db_col_int(st, 0);
	db_finalize(st);
	return i;
}

static void case_receipt(jrc_db *db, int64_t case_id, char *out, size_t size)
{
	db_stmt *st;

	snprintf(out, size, "#%" PRId64, case_id);
	if (db_prepare(db, "SELECT receipt FROM cases WHERE id = ?", &st, NULL) != JRC_OK)
		return;
	db_bind_int64(st, 1, case_id);
	if (db_step(db, st) == DB_ROW)
		db_col_copy(st, 0, out, size);
	db_finalize(st);
}

/* Say what differs in one row; r->bad_case and r->bad_id set. */
static jrc_status row_differs(jrc_db *db, const cover_spec *sp, db_stmt *st,
			      jrc_verify_report *r, jrc_err *err)
{
	const char *key = db_col_text(st, 0);
	const char *was = db_col_text(st, 1);
	const char *now = db_col_text(st, 2);
	int64_t eid = db_col_int64(st, 3), case_id = db_col_int64(st, 4);
	int gone = db_col_int(st, 6), col;
	char who[160], field[64], what[200];
	const char *tail = _("Report this to the supervisor and keep a copy of the database file as it is.");

	if (sp->label) {
		snprintf(who, sizeof(who), _(sp->label), key ? key : "?");
	} else {
		char receipt[40];

		if (strcmp(sp->table, "cases") == 0)
			case_id = key ? strtoll(key, NULL, 10) : 0;
		else if (gone && was && *was == '[')
			case_id = strtoll(was + 1, NULL, 10);   /* case_id comes first */
		case_receipt(db, case_id, receipt, sizeof(receipt));
		/* A case row that is gone: its number as the log recorded it. */
		if (gone && strcmp(sp->table, "cases") == 0 && was && strncmp(was, "[\"", 2) == 0)
			snprintf(receipt, sizeof(receipt), "%.*s", (int)strcspn(was + 2, "\""),
				 was + 2);
		snprintf(who, sizeof(who), _("Case %s"), receipt);
		r->bad_case = case_id;
	}
	r->bad_id = eid;
	if (gone)
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("%s: its row in %s (key %s, recorded by event %" PRId64 ") is gone from the table. %s"),
				   who, sp->table, key ? key : "?", eid, tail);
	if (!was)
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("%s: its row in %s (key %s) is not in the event log: it was added behind the program's back. %s"),
				   who, sp->table, key ? key : "?", tail);
	col = first_difference(db, was, now);
	column_name(sp, col < 0 ? 0 : col, field, sizeof(field));
	snprintf(what, sizeof(what), "%s.%s", sp->table, field);
	return jrc_err_set(err, JRC_E_TAMPERED, NULL,
			   _("%s: %s is not what event %" PRId64 " recorded: it was changed behind the program's back. %s"),
			   who, what, eid, tail);
}

jrc_status audit_check_tables(jrc_db *db, int legacy, jrc_verify_report *r, jrc_err *err)
{
	for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		const cover_spec *sp = &specs[i];
		db_stmt *st;
		jrc_status s = JRC_OK;
		int rc;

		if ((s = db_prepare(db, sp->check_sql, &st, err)))
			return s;
		db_bind_int(st, 1, legacy);
		while ((rc = db_step(db, st)) == DB_ROW) {
			/* A row from before full coverage, with no copy in the log:
			 * counted and named, not condemned. */
			if (db_col_is_null(st, 1) && db_col_int(st, 5)) {
				if (r->uncovered++ == 0)
					snprintf(r->uncovered_note, sizeof(r->uncovered_note), "%s %s",
						 sp->table, db_col_text(st, 0));
				continue;
			}
			s = row_differs(db, sp, st, r, err);
			break;
		}
		if (s == JRC_OK && rc != DB_DONE)
			s = db_fail(db, rc, err);
		db_finalize(st);
		if (s != JRC_OK)
			return s;
	}
	return JRC_OK;
}
