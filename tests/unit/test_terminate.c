/* Lawful termination: refused before the re-review (and by anyone but a
 * supervisor, and without reason or channel), allowed after it; final
 * afterwards (no move, no verdict, no closing by tick); a new filing of
 * the same matter by the same person is registered and linked in the
 * chain, a different matter or place is not; the slip says it. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/slip.h"
#include "jrc/terminate.h"
#include "tap.h"
#include "testdb.h"

static const char *const id1 = "11010519491231002X";

static int64_t file(jrc_db *db, const char *category, const char *division, char *receipt)
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };
	int64_t id;

	in.category = category;
	in.division = division;
	in.name = "张三";
	in.id_number = id1;
	in.phone = "13812345678";
	in.text = "征地补偿不公。";
	in.channel = "kiosk";
	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("Bail out! file: %s\n", err.msg);
		exit(1);
	}
	id = c.id;
	if (receipt)
		snprintf(receipt, JRC_RECEIPT_MAX, "%s", c.receipt);
	grievance_case_free(&c);
	return id;
}

static jrc_status move(jrc_db *db, const char *r, jrc_state to, jrc_role role, const char *reason,
		       const char *channel, const char *answer, jrc_err *err)
{
	jrc_move mv = { 0 };

	mv.to = to;
	mv.role = role;
	mv.actor = "staff:S01";
	mv.reason = reason;
	mv.channel = channel;
	mv.answer = answer;
	return lifecycle_move(db, r, &mv, NULL, err);
}

static int doc_has(const jrc_doc *d, const char *s)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->lines[i].text && strstr(d->lines[i].text, s))
			return 1;
	return 0;
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	char r[JRC_RECEIPT_MAX], r2[JRC_RECEIPT_MAX];
	const jrc_role H = JRC_ROLE_HANDLER, SUP = JRC_ROLE_SUPERVISOR;
	const char *why = "已答复、复查、复核", *court = "浦江县人民法院";
	jrc_feedback fb = { .verdict = JRC_VERDICT_UNSATISFIED, .request_review = 1 };
	jrc_term_grounds g;
	jrc_termination t;
	jrc_case k;
	jrc_doc doc;
	int64_t id, id2, id3, id4, bad = 0;
	int found;
	long closed = -1;

	setenv("JRC_NOW", "2026-11-01T10:00:00+08:00", 1);
	db = testdb_open();
	id = file(db, "LAN", "330726100", r);
	ok(term_grounds(db, id, &g, &err) == JRC_OK && g.which == 0, "a new case has no ground");

	/* Answer: not yet. */
	ok(move(db, r, JRC_ST_ACCEPTED, SUP, NULL, NULL, NULL, &err) == JRC_OK, "accepted: %s", err.msg);
	ok(move(db, r, JRC_ST_ANSWERED, SUP, NULL, NULL, "答复", &err) == JRC_OK, "answered: %s", err.msg);
	is_int(move(db, r, JRC_ST_TERMINATED, SUP, why, court, NULL, &err), JRC_E_REFUSED,
	       "refused after the first answer");
	ok(strstr(err.msg, "re-review") != NULL, "saying a re-review is needed: %s", err.msg);
	/* Review: not yet. */
	ok(lifecycle_feedback(db, r, &fb, NULL, &err) == JRC_OK, "review asked: %s", err.msg);
	ok(move(db, r, JRC_ST_REVIEW_ANSWERED, SUP, NULL, NULL, "复查意见", &err) == JRC_OK,
	   "review answered: %s", err.msg);
	is_int(move(db, r, JRC_ST_TERMINATED, SUP, why, court, NULL, &err), JRC_E_REFUSED,
	       "refused after the review");
	/* Re-review: now. */
	ok(lifecycle_feedback(db, r, &fb, NULL, &err) == JRC_OK, "re-review asked: %s", err.msg);
	is_int(move(db, r, JRC_ST_TERMINATED, SUP, why, court, NULL, &err), JRC_E_REFUSED,
	       "refused while the re-review is pending");
	setenv("JRC_NOW", "2026-11-10T10:00:00+08:00", 1);
	ok(move(db, r, JRC_ST_REREVIEW_ANSWERED, SUP, NULL, NULL, "复核意见：维持", &err) == JRC_OK,
	   "re-review answered: %s", err.msg);
	ok(term_grounds(db, id, &g, &err) == JRC_OK && g.which == JRC_TERM_REREVIEW, "the ground: re-review");
	is_str(g.rereview_on, "2026-11-10", "on the day of its answer");
	is_int(move(db, r, JRC_ST_TERMINATED, H, why, court, NULL, &err), JRC_E_REFUSED,
	       "a handler may not conclude");
	is_int(move(db, r, JRC_ST_TERMINATED, JRC_ROLE_DESK, why, court, NULL, &err), JRC_E_REFUSED,
	       "nor the desk");
	is_int(move(db, r, JRC_ST_TERMINATED, SUP, NULL, court, NULL, &err), JRC_E_INVALID,
	       "a reason is needed");
	is_int(move(db, r, JRC_ST_TERMINATED, SUP, why, NULL, NULL, &err), JRC_E_INVALID,
	       "the remaining channel is needed");
	is_str(err.field, "channel", "named as the channel");
	is_int(testdb_count(db, "SELECT count(*) FROM cases WHERE state = 'terminated'"), 0,
	       "the refusals changed nothing");
	setenv("JRC_NOW", "2026-11-12T10:00:00+08:00", 1);
	ok(move(db, r, JRC_ST_TERMINATED, SUP, why, court, NULL, &err) == JRC_OK, "concluded: %s", err.msg);
	ok(term_get(db, id, &t, &found, &err) == JRC_OK && found, "the conclusion reads back");
	is_str(t.on, "2026-11-12", "its day");
	is_str(t.channel, court, "its channel");
	is_str(t.reason, why, "its reason");
	is_str(t.actor, "staff:S01", "who concluded it");

	/* Final. */
	is_int(move(db, r, JRC_ST_CLOSED, SUP, "x", NULL, NULL, &err), JRC_E_REFUSED, "cannot be closed");
	ok(strstr(err.msg, "2026-11-12") && strstr(err.msg, court), "saying when, and where to go: %s",
	   err.msg);
	fb.request_review = 0;
	is_int(lifecycle_feedback(db, r, &fb, NULL, &err), JRC_E_REFUSED, "no verdict on it");
	ok(strstr(err.msg, court) != NULL, "the citizen is told where to go: %s", err.msg);
	setenv("JRC_NOW", "2027-03-01T10:00:00+08:00", 1);
	ok(lifecycle_close_expired(db, &closed, &err) == JRC_OK, "tick");
	is_int(closed, 0, "tick closes nothing");
	ok(grievance_get(db, r, &k, &err) == JRC_OK, "read back");
	is_int(k.state, JRC_ST_TERMINATED, "still terminated after tick");
	grievance_case_free(&k);

	/* The same matter again: registered, linked. */
	id2 = file(db, "LAN", "330726100", r2);
	ok(id2 > id, "a later filing is registered");
	ok(grievance_get(db, r2, &k, &err) == JRC_OK, "read the new case");
	is_int(k.state, JRC_ST_REGISTERED, "as registered");
	is_int(k.related_case, id, "linked to the concluded matter");
	grievance_case_free(&k);
	ok(term_link_of(db, id2, &t, &found, &err) == JRC_OK && found, "the link reads back");
	is_str(t.receipt, r, "to the concluded receipt");
	is_str(t.on, "2026-11-12", "with its day");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'concluded_link'"), 1,
	       "one concluded_link event");
	/* Another kind of matter, or another place: not linked. */
	id3 = file(db, "LAB", "330726100", NULL);
	ok(term_link_of(db, id3, &t, &found, &err) == JRC_OK && !found, "another category: not linked");
	id4 = file(db, "LAN", "330726101", NULL);
	ok(term_link_of(db, id4, &t, &found, &err) == JRC_OK && !found, "another place: not linked");
	ok(audit_verify(db, &bad, &err) == JRC_OK, "the chain verifies: %s", err.msg);
	is_int(sqlite3_exec(db_handle(db), "UPDATE concluded_links SET concluded_case = 1",
			    NULL, NULL, NULL) != SQLITE_OK, 1, "a link cannot be changed");
	is_int(sqlite3_exec(db_handle(db), "DELETE FROM concluded_links", NULL, NULL, NULL) != SQLITE_OK,
	       1, "nor deleted");

	/* The slip. */
	is_int(slip_term_doc(db, r2, 32, 0, &doc, &err), JRC_E_REFUSED, "no slip for a case not concluded");
	ok(slip_term_doc(db, r, 32, 0, &doc, &err) == JRC_OK, "the slip is laid out: %s", err.msg);
	ok(doc_has(&doc, "依法终结") && doc_has(&doc, r) && doc_has(&doc, "2026-11-12") &&
	   doc_has(&doc, court) && doc_has(&doc, "复核"), "it says what, when and where to go");
	ok(doc_has(&doc, "You can still go to"), "with English under the Chinese");
	doc_free(&doc);
	db_close(db);
	return done();
}
