/* The event chain: a clean log verifies; each way of rewriting it behind
 * the program's back is caught and the first bad event named; ledger
 * checks on receipts confirm history up to their filing. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "tap.h"
#include "testdb.h"
#include "../../src/core/record/audit_internal.h"

static jrc_intake intake(void)
{
	jrc_intake in = { 0 };

	in.category = "LAB";
	in.division = "330726100";
	in.name = "张三";
	in.id_number = "11010519491231002X";
	in.phone = "13812345678";
	in.text = "老板拖欠工资三个月。";
	in.channel = "kiosk";
	return in;
}

/* A fresh database with the import event, two cases and a few events:
 * ids 1 (import), 2 (filed), 3 (note), 4 (filed), 5 (note), 6 (note, no case). */
static jrc_db *fresh(int64_t case_ids[2])
{
	jrc_db *db = testdb_open();
	jrc_err err = { 0 };
	jrc_intake in = intake();
	jrc_case c;
	jrc_event_in ev = { 0 };

	for (int i = 0; i < 2; i++) {
		if (grievance_file(db, &in, &c, &err) != JRC_OK) {
			printf("Bail out! filing: %s\n", err.msg);
			exit(1);
		}
		case_ids[i] = c.id;
		grievance_case_free(&c);
		in.category = "LAN";   /* not a repeat matter */
		ev.actor = "staff:D001";
		ev.kind = "note";
		ev.case_id = case_ids[i];
		ev.note = i ? "second" : "first";
		audit_append(db, &ev, NULL, NULL, &err);
	}
	ev.case_id = 0;
	ev.note = "no case";
	audit_append(db, &ev, NULL, NULL, &err);
	return db;
}

static void sql(jrc_db *db, const char *q)
{
	char *msg = NULL;

	if (sqlite3_exec(db_handle(db), q, NULL, NULL, &msg) != SQLITE_OK) {
		printf("# sql failed: %s: %s\n", q, msg ? msg : "?");
		sqlite3_free(msg);
	}
}

/* Run verify; returns the bad id, -1 if it passed. */
static int64_t bad_after(jrc_db *db, jrc_err *err)
{
	jrc_verify_report r;
	jrc_status s = audit_verify_report(db, &r, err);

	if (s == JRC_OK)
		return -1;
	return s == JRC_E_TAMPERED ? r.bad_id : -2;
}

static void tamper_case(const char *what, const char *q, int64_t want, const char *word)
{
	int64_t ids[2];
	jrc_db *db = fresh(ids);
	jrc_err err = { 0 };

	sql(db, q);
	is_int(bad_after(db, &err), want, "%s: caught at event %" PRId64, what, want);
	if (word)
		ok(strstr(err.msg, word) != NULL, "%s: the message says so: %s", what, err.msg);
	db_close(db);
}

/* Turn the log into one written before schema version 2: plain SHA-256
 * rows without copies, as a migrated database has them. */
static void make_legacy(jrc_db *db)
{
	sqlite3_stmt *st, *up;
	char prev[65] = AUDIT_GENESIS, hash[65];

	sql(db, "DROP TRIGGER events_no_update; UPDATE events SET scheme = 1, payload = NULL");
	sqlite3_prepare_v2(db_handle(db), "SELECT " AUDIT_EVENT_COLS " FROM events ORDER BY id", -1,
			   &st, NULL);
	sqlite3_prepare_v2(db_handle(db), "UPDATE events SET prev_hash = ?, hash = ? WHERE id = ?",
			   -1, &up, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		audit_stored_hash(prev, db_stmt_of_lite(st), NULL, hash);
		sqlite3_bind_text(up, 1, prev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 2, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(up, 3, sqlite3_column_int64(st, 0));
		sqlite3_step(up);
		sqlite3_reset(up);
		memcpy(prev, hash, sizeof(prev));
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	{
		char q[200];

		snprintf(q, sizeof(q), "UPDATE audit_head SET hash = '%s'", prev);
		sql(db, q);
	}
	sql(db, "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
		" BEGIN SELECT RAISE(ABORT, 'events are append-only'); END");
}

/* An old database: verify says plainly what predates full coverage, and
 * the first keyed event seals the old chain. */
static void test_legacy(void)
{
	int64_t ids[2], id;
	jrc_db *db = fresh(ids);
	jrc_err err = { 0 };
	jrc_verify_report r;
	jrc_event_in in = { 0 };

	make_legacy(db);
	ok(audit_verify_report(db, &r, &err) == JRC_OK, "an old log verifies: %s", err.msg);
	is_int(r.legacy_events, 6, "its six events are counted as written before the keyed chain");
	is_int(r.uncovered, 2, "its two cases as rows with no copy in the log");
	ok(strstr(r.uncovered_note, "cases 1") != NULL, "the first is named: %s", r.uncovered_note);
	in.actor = "staff:D001";
	in.kind = "note";
	in.case_id = ids[0];
	in.cover[0] = (jrc_cover){ "cases", ids[0], NULL };
	ok(audit_append(db, &in, &id, NULL, &err) == JRC_OK && id == 7, "a keyed event follows");
	ok(audit_verify_report(db, &r, &err) == JRC_OK && r.legacy_events == 6 && r.uncovered == 1,
	   "verifies; the case it wrote is covered from now on: %s", err.msg);
	sql(db, "UPDATE cases SET text = 'x' WHERE id = 1");
	ok(audit_verify_report(db, &r, &err) == JRC_E_TAMPERED && strstr(err.msg, "cases.text"),
	   "and a change to it is caught: %s", err.msg);
	sql(db, "UPDATE cases SET text = '老板拖欠工资三个月。' WHERE id = 1");
	sql(db, "DROP TRIGGER events_no_update; UPDATE events SET note = 'forged' WHERE id = 3");
	ok(audit_verify_report(db, &r, &err) == JRC_E_TAMPERED && r.bad_id == 3,
	   "an old event changed is caught: %s", err.msg);
	db_close(db);
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_verify_report r;
	int64_t ids[2], bad = 0;
	char check[JRC_LEDGER_CHECK_SIZE], hash[65], longactor[100], *longnote;
	jrc_event *ev;
	size_t n;
	jrc_event_in in = { 0 };

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = fresh(ids);
	ok(audit_verify_report(db, &r, &err) == JRC_OK, "a clean database verifies: %s", err.msg);
	ok(r.integrity_ok, "integrity_check ran and said ok");
	is_int(r.events, 6, "all six events checked");
	is_int(strlen(r.head), 64, "the chain head is a SHA-256 in hex");
	ok(r.keyed && r.legacy_events == 0, "the chain is keyed from the start and was authenticated");
	ok(audit_verify(db, &bad, &err) == JRC_OK && bad == 0, "audit_verify agrees");

	/* Long values are hashed whole, not as truncated copies. */
	memset(longactor, 'a', sizeof(longactor) - 1);
	longactor[sizeof(longactor) - 1] = '\0';
	longnote = malloc(20001);
	memset(longnote, 'x', 20000);
	longnote[20000] = '\0';
	in.actor = longactor;
	in.kind = "a_kind_longer_than_twenty_four_bytes";
	in.note = longnote;
	ok(audit_append(db, &in, NULL, hash, &err) == JRC_OK, "append long values");
	ok(audit_verify_report(db, &r, &err) == JRC_OK, "long values verify: %s", err.msg);
	ok(strcmp(r.head, hash) == 0, "the head is the hash of the last append");
	free(longnote);
	in.note = NULL;		/* valgrind: later appends must not read it */
	in.actor = NULL;
	ok(audit_append(db, &in, NULL, NULL, &err) == JRC_E_INVALID, "an event without actor is refused");

	ok(audit_case_events(db, ids[0], &ev, &n, &err) == JRC_OK && n == 2, "case events: filed + note");
	is_str(ev[0].kind, "filed", "filing event first");
	is_str(ev[0].to_state, "registered", "to registered");
	ok(audit_ledger_check(db, ids[0], check, &err) == JRC_OK, "ledger check");
	{
		char want[JRC_LEDGER_CHECK_SIZE];

		snprintf(want, sizeof(want), "%.4s %.4s %.4s %.4s", ev[0].hash, ev[0].hash + 4,
			 ev[0].hash + 8, ev[0].hash + 12);
		is_str(check, want,
		       "ledger check: the first 16 hex digits of the filing event's hash, in groups of 4");
	}
	audit_events_free(ev, n);
	ok(audit_ledger_confirm(db, ids[0], check, &err) == JRC_OK, "right ledger check confirms");
	{
		char spaced[40], bare[17];

		snprintf(bare, sizeof(bare), "%.4s%.4s%.4s%.4s", check, check + 5, check + 10,
			 check + 15);
		ok(audit_ledger_confirm(db, ids[0], bare, &err) == JRC_OK,
		   "the check without spaces confirms too");
		snprintf(spaced, sizeof(spaced), "%.8s-%s", bare, bare + 8);
		for (char *p = spaced; *p; p++)
			if (*p >= 'a' && *p <= 'f')
				*p = (char)(*p - 'a' + 'A');
		ok(audit_ledger_confirm(db, ids[0], spaced, &err) == JRC_OK,
		   "upper case with a space confirms too (%s)", spaced);
		spaced[0] = spaced[0] == '0' ? '1' : '0';
		ok(audit_ledger_confirm(db, ids[0], spaced, &err) == JRC_E_TAMPERED,
		   "a wrong ledger check does not");
	}
	ok(audit_ledger_confirm(db, ids[0], "12345", &err) == JRC_E_INVALID,
	   "a malformed ledger check is bad input");
	{
		char old[9];

		snprintf(old, sizeof(old), "%.4s%.4s", check, check + 5);
		ok(audit_ledger_confirm(db, ids[0], old, &err) == JRC_E_INVALID &&
		   strstr(err.msg, "old short form"),
		   "the old 8-digit form is refused with a sentence: %s", err.msg);
	}
	ok(audit_ledger_confirm(db, ids[0], "zzzzzzzz", &err) == JRC_E_INVALID, "non-hex too");
	ok(audit_ledger_check(db, 999, check, &err) == JRC_E_NOT_FOUND, "no case, no check");
	ok(audit_recent_events(db, "note", 2, &ev, &n, &err) == JRC_OK && n == 2 &&
	   ev[0].id > ev[1].id && strcmp(ev[0].kind, "note") == 0, "recent events, newest first");
	audit_events_free(ev, n);

	/* The triggers stop casual edits. */
	ok(sqlite3_exec(db_handle(db), "UPDATE events SET note = 'x' WHERE id = 3", NULL, NULL, NULL)
	   != SQLITE_OK, "a plain UPDATE is stopped by the trigger");
	ok(sqlite3_exec(db_handle(db), "DELETE FROM events WHERE id = 3", NULL, NULL, NULL)
	   != SQLITE_OK, "a plain DELETE is stopped by the trigger");
	db_close(db);

	tamper_case("update after DROP TRIGGER",
		    "DROP TRIGGER events_no_update; UPDATE events SET note = 'third' WHERE id = 3",
		    3, "changed");
	tamper_case("a NULL case made 0",
		    "PRAGMA foreign_keys = OFF; DROP TRIGGER events_no_update;"
		    " UPDATE events SET case_id = 0 WHERE id = 6", 6, NULL);
	tamper_case("a note given a trailing space",
		    "DROP TRIGGER events_no_update; UPDATE events SET note = note || ' ' WHERE id = 5",
		    5, NULL);
	tamper_case("update with its hash recomputed wrongly",
		    "DROP TRIGGER events_no_update; UPDATE events SET actor = 'cli',"
		    " hash = '00' || substr(hash, 3) WHERE id = 2", 2, NULL);
	tamper_case("delete in the middle",
		    "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = 5", 6, "follow");
	tamper_case("delete the tail",
		    "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id >= 6", 6, "missing");
	tamper_case("insert out of order before the first",
		    "INSERT INTO events(id, at, actor, kind, prev_hash, hash) VALUES (0,"
		    " '2026-01-01T00:00:00Z', 'cli', 'note', 'x', 'deadbeef')", 0, "follow");
	tamper_case("insert at the end with a made-up hash",
		    "INSERT INTO events(id, at, actor, kind, prev_hash, hash) SELECT 7,"
		    " '2026-01-01T00:00:00Z', 'cli', 'note', hash, 'deadbeef' FROM events WHERE id = 6",
		    7, NULL);
	tamper_case("insert with a gap",
		    "INSERT INTO events(id, at, actor, kind, prev_hash, hash) VALUES (40,"
		    " '2026-01-01T00:00:00Z', 'cli', 'note', 'x', 'deadbeef')", 40, NULL);
	tamper_case("swap two rows' notes",
		    "DROP TRIGGER events_no_update; UPDATE events SET note = CASE id WHEN 3 THEN"
		    " 'second' ELSE 'first' END WHERE id IN (3, 5)", 3, NULL);
	/* Anyone can compute a plain hash: an unkeyed row after keyed ones is
	 * refused even when its hash is right. */
	tamper_case("a keyed row turned into a plain one",
		    "DROP TRIGGER events_no_update; UPDATE events SET scheme = 1 WHERE id = 6", 6,
		    "not keyed");
	tamper_case("the chain head removed",
		    "DROP TRIGGER audit_head_no_delete; DELETE FROM audit_head", 6, NULL);

	/* Cases must agree with their events. */
	db = fresh(ids);
	sql(db, "UPDATE cases SET state = 'closed' WHERE id = 1");
	ok(audit_verify_report(db, &r, &err) == JRC_E_TAMPERED && r.bad_case == 1,
	   "a state set in the cases table alone is caught: %s", err.msg);
	db_close(db);
	db = fresh(ids);
	sql(db, "PRAGMA foreign_keys = OFF; DELETE FROM cases WHERE id = 2");
	ok(audit_verify_report(db, &r, &err) == JRC_E_TAMPERED && strstr(err.msg, "cases"),
	   "a deleted case is caught: %s", err.msg);
	db_close(db);

	/* Deleting the tail and appending again leaves the hole visible. */
	db = fresh(ids);
	sql(db, "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = 6");
	in.actor = "system";
	in.kind = "login";
	ok(audit_append(db, &in, &bad, NULL, &err) == JRC_OK && bad == 7,
	   "the next event continues from the head (id 7), not the cut-off end");
	is_int(bad_after(db, &err), 7, "the hole stays visible after new events");
	db_close(db);
	test_legacy();
	return done();
}
