/* Staff accounts: hashes, logins, lockout and its expiry, disabled
 * accounts, and what each role may do, decided in the core. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "tap.h"
#include "testdb.h"

static const char *const PW = "correct horse";

static jrc_staff_in who(const char *id, jrc_role role, const char *dept)
{
	jrc_staff_in in = { 0 };

	in.id = id;
	in.name = "王小明";
	in.role = role;
	in.department = dept;
	return in;
}

/* 1 if any stored value (staff row or event) contains s. */
static int stored_anywhere(jrc_db *db, const char *s)
{
	sqlite3_stmt *st;
	int found = 0;

	sqlite3_prepare_v2(db_handle(db),
			   "SELECT count(*) FROM (SELECT hash AS v FROM staff UNION ALL SELECT note"
			   " FROM events UNION ALL SELECT actor FROM events) WHERE instr(v, ?) > 0",
			   -1, &st, NULL);
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		found = sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return found;
}

static int last_event_is(jrc_db *db, const char *kind, const char *actor)
{
	jrc_event *ev;
	size_t n;
	int r;

	if (audit_recent_events(db, NULL, 1, &ev, &n, NULL) != JRC_OK || n != 1)
		return 0;
	r = strcmp(ev[0].kind, kind) == 0 && strcmp(ev[0].actor, actor) == 0 && ev[0].case_id == 0;
	if (!r)
		printf("# last event: %s by %s\n", ev[0].kind, ev[0].actor);
	audit_events_free(ev, n);
	return r;
}

static void test_roles(void)
{
	jrc_staff desk = { .id = "D1", .role = JRC_ROLE_DESK };
	jrc_staff hand = { .id = "H1", .role = JRC_ROLE_HANDLER, .department = "RSJ" };
	jrc_staff sup = { .id = "S1", .role = JRC_ROLE_SUPERVISOR };
	jrc_staff adm = { .id = "A1", .role = JRC_ROLE_ADMIN };
	static const struct {
		jrc_action act;
		const char *name;
		int desk, handler_own, handler_other, supervisor, admin, system;
	} m[] = {
		{ JRC_DO_VIEW, "view", 1, 1, 1, 1, 1, 0 },
		{ JRC_DO_FILE, "file", 1, 0, 0, 1, 0, 0 },
		{ JRC_DO_REPRINT, "reprint", 1, 0, 0, 1, 0, 0 },
		{ JRC_DO_EDIT_INTAKE, "edit intake", 1, 0, 0, 1, 0, 0 },
		{ JRC_DO_NOTE, "note", 1, 1, 0, 1, 0, 0 },
		{ JRC_DO_STAFF, "manage staff", 0, 0, 0, 0, 1, 1 },
		{ JRC_DO_REFDATA, "reference data", 0, 0, 0, 0, 1, 1 },
	};
	jrc_err err;

	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		is_int(auth_may(&desk, m[i].act, "RSJ", &err) == JRC_OK, m[i].desk, "desk: %s", m[i].name);
		is_int(auth_may(&hand, m[i].act, "RSJ", &err) == JRC_OK, m[i].handler_own,
		       "handler, own department: %s", m[i].name);
		is_int(auth_may(&hand, m[i].act, "XFJ", &err) == JRC_OK,
		       m[i].handler_other || m[i].act == JRC_DO_VIEW, "handler, other department: %s",
		       m[i].name);
		is_int(auth_may(&sup, m[i].act, "XFJ", &err) == JRC_OK, m[i].supervisor,
		       "supervisor: %s", m[i].name);
		is_int(auth_may(&adm, m[i].act, "XFJ", &err) == JRC_OK, m[i].admin, "admin: %s",
		       m[i].name);
		is_int(auth_may(NULL, m[i].act, "XFJ", &err) == JRC_OK, m[i].system,
		       "system operator: %s", m[i].name);
	}
	ok(auth_may(&hand, JRC_DO_NOTE, "XFJ", &err) == JRC_E_REFUSED && strstr(err.msg, "XFJ"),
	   "refusal names the other department: %s", err.msg);
	ok(auth_may(&desk, JRC_DO_STAFF, NULL, &err) == JRC_E_REFUSED && err.msg[0],
	   "refusal has a sentence: %s", err.msg);
	desk.disabled = 1;
	ok(auth_may(&desk, JRC_DO_FILE, NULL, &err) == JRC_E_REFUSED, "a disabled account may do nothing");
}

/* Moves go through the lifecycle with the role of the logged-in account:
 * each role allowed and refused in the core, not only hidden on screen. */
static void test_moves(jrc_db *db)
{
	jrc_staff desk = { .id = "D001", .role = JRC_ROLE_DESK };
	jrc_staff own = { .id = "H001", .role = JRC_ROLE_HANDLER, .department = "RSJ" };
	jrc_staff other = { .id = "H002", .role = JRC_ROLE_HANDLER, .department = "XFJ" };
	jrc_staff sup = { .id = "S001", .role = JRC_ROLE_SUPERVISOR };
	jrc_staff adm = { .id = "A001", .role = JRC_ROLE_ADMIN };
	jrc_intake in = { 0 };
	jrc_case c, after;
	jrc_move mv = { 0 };
	jrc_err err = { 0 };
	char actor[48];
	jrc_event *ev;
	size_t n;

	in.category = "LAB";     /* routed to RSJ */
	in.division = "330726100";
	in.anonymous = 1;
	in.text = "欠薪";
	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("Bail out! %s\n", err.msg);
		return;
	}
	is_str(c.department, "RSJ", "the case belongs to RSJ");
	mv.to = JRC_ST_ACCEPTED;
	auth_move_as(&desk, &mv, actor);
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED, "desk may not accept: %s", err.msg);
	auth_move_as(&adm, &mv, actor);
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED, "admin may not accept");
	auth_move_as(NULL, &mv, actor);
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED, "the system may not accept");
	auth_move_as(&other, &mv, actor);
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED,
	   "a handler of another department may not accept: %s", err.msg);
	auth_move_as(&own, &mv, actor);
	ok(lifecycle_move(db, c.receipt, &mv, &after, &err) == JRC_OK,
	   "the handler of RSJ accepts: %s", err.msg);
	grievance_case_free(&after);
	ok(audit_case_events(db, c.id, &ev, &n, &err) == JRC_OK && n >= 2 &&
	   strcmp(ev[n - 1].actor, "staff:H001") == 0, "the move is recorded as staff:H001");
	audit_events_free(ev, n);
	mv = (jrc_move){ .to = JRC_ST_CLOSED, .reason = "群众撤回" };
	auth_move_as(&own, &mv, actor);
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED, "a handler may not close");
	auth_move_as(&sup, &mv, actor);
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_OK, "a supervisor closes: %s", err.msg);
	grievance_case_free(&c);
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_staff s, admin, desk, *list;
	jrc_staff_in in;
	size_t n;
	int left;
	sqlite3_stmt *st;
	char hash[200] = "";

	setenv("JRC_NOW", "2026-11-29T09:00:00+08:00", 1);
	db = testdb_open();

	/* Passwords. */
	ok(auth_password_check("short", &err) == JRC_E_INVALID && strstr(err.msg, "8"),
	   "a short password is refused: %s", err.msg);
	ok(auth_password_check("汉字密码汉字密码", &err) == JRC_OK, "8 Chinese characters are 8 characters");
	ok(auth_password_check("abc\tdefgh", &err) == JRC_E_INVALID, "control characters refused");
	ok(auth_password_check("\xff\xfe" "abcdefgh", &err) == JRC_E_INVALID, "bad UTF-8 refused");

	/* Accounts. */
	in = who("A001", JRC_ROLE_ADMIN, NULL);
	ok(auth_staff_add(db, NULL, &in, PW, &err) == JRC_OK, "the system operator adds an admin: %s", err.msg);
	ok(last_event_is(db, "staff_added", "system"), "a staff_added event by system");
	ok(auth_staff_add(db, NULL, &in, PW, &err) == JRC_E_INVALID && strstr(err.msg, "A001"),
	   "a second A001 is refused: %s", err.msg);
	in = who("a001", JRC_ROLE_DESK, NULL);
	ok(auth_staff_add(db, NULL, &in, PW, &err) == JRC_E_INVALID, "IDs are case-insensitive");
	in = who("H001", JRC_ROLE_HANDLER, NULL);
	ok(auth_staff_add(db, NULL, &in, PW, &err) == JRC_E_INVALID && strcmp(err.field, "department") == 0,
	   "a handler needs a department: %s", err.msg);
	in = who("H001", JRC_ROLE_HANDLER, "NOPE");
	ok(auth_staff_add(db, NULL, &in, PW, &err) == JRC_E_NOT_FOUND, "an unknown department is refused");
	in = who("H 01", JRC_ROLE_DESK, NULL);
	ok(auth_staff_add(db, NULL, &in, PW, &err) == JRC_E_INVALID, "a space in an ID is refused");
	in = who("D001", JRC_ROLE_DESK, NULL);
	ok(auth_staff_add(db, NULL, &in, "short", &err) == JRC_E_INVALID, "a short password is refused at add");
	is_int(db_count(db, "staff"), 1, "refused adds change nothing");

	ok(auth_login(db, "A001", PW, &admin, NULL, &err) == JRC_OK, "admin logs in");
	ok(auth_staff_add(db, &admin, &in, PW, &err) == JRC_OK, "admin adds a desk account");
	ok(last_event_is(db, "staff_added", "staff:A001"), "event by staff:A001");
	in = who("H001", JRC_ROLE_HANDLER, "RSJ");
	ok(auth_staff_add(db, &admin, &in, PW, &err) == JRC_OK, "admin adds a handler of RSJ");
	ok(auth_login(db, "D001", PW, &desk, NULL, &err) == JRC_OK, "desk logs in");
	in = who("D002", JRC_ROLE_DESK, NULL);
	ok(auth_staff_add(db, &desk, &in, PW, &err) == JRC_E_REFUSED, "desk may not add staff");
	ok(auth_staff_passwd(db, &desk, "H001", "new password", &err) == JRC_E_REFUSED,
	   "desk may not set passwords");

	sqlite3_prepare_v2(db_handle(db), "SELECT hash FROM staff WHERE id = 'D001'", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(hash, sizeof(hash), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	ok(strncmp(hash, "$y$", 3) == 0, "a yescrypt hash is stored: %.12s...", hash);
	ok(!stored_anywhere(db, PW) && !stored_anywhere(db, "horse"),
	   "the clear password is nowhere in the database");

	ok(auth_staff_list(db, &list, &n, &err) == JRC_OK && n == 3, "three accounts listed");
	if (n == 3) {
		is_str(list[0].id, "A001", "ordered by ID");
		is_str(list[2].department, "RSJ", "the handler's department");
		ok(list[2].role == JRC_ROLE_HANDLER, "the handler's role");
	}
	free(list);

	/* Logins. */
	ok(auth_login(db, "d001", PW, &s, NULL, &err) == JRC_OK && strcmp(s.id, "D001") == 0,
	   "the ID is matched case-insensitively and given back as stored");
	ok(last_event_is(db, "login", "staff:D001"), "a login event");
	ok(auth_login(db, "D001", "wrong password", &s, &left, &err) == JRC_E_AUTH && left == 4,
	   "a wrong password: 4 tries left (%s)", err.msg);
	ok(strstr(err.msg, "4") != NULL, "the message says how many are left");
	ok(last_event_is(db, "login_failed", "staff:D001"), "a login_failed event");
	ok(!stored_anywhere(db, "wrong password"), "the wrong password is not logged either");
	ok(auth_login(db, "D001", PW, &s, &left, &err) == JRC_OK, "a right password resets the count");
	for (int i = 4; i >= 1; i--)
		ok(auth_login(db, "D001", "wrong password", NULL, &left, &err) == JRC_E_AUTH && left == i,
		   "wrong: %d left", i);
	ok(auth_login(db, "D001", "wrong password", NULL, &left, &err) == JRC_E_LOCKED_OUT && left == 0,
	   "the fifth wrong password locks: %s", err.msg);
	ok(strstr(err.msg, "09:15") != NULL, "the message says until when (09:15)");
	ok(last_event_is(db, "lockout", "staff:D001"), "a lockout event");
	ok(auth_login(db, "D001", PW, NULL, NULL, &err) == JRC_E_LOCKED_OUT,
	   "while locked even the right password is refused");
	ok(last_event_is(db, "login_refused", "staff:D001"), "the refused try is an event");
	setenv("JRC_NOW", "2026-11-29T09:14:59+08:00", 1);
	ok(auth_login(db, "D001", PW, NULL, NULL, &err) == JRC_E_LOCKED_OUT, "still locked at 09:14:59");
	setenv("JRC_NOW", "2026-11-29T09:15:00+08:00", 1);
	ok(auth_login(db, "D001", "wrong password", NULL, &left, &err) == JRC_E_AUTH && left == 4,
	   "after 15 minutes the lock is gone and the count starts again");
	ok(auth_login(db, "D001", PW, &s, NULL, &err) == JRC_OK && s.locked_until == 0,
	   "and the right password logs in");

	/* An administrator's new password lifts a lockout. */
	for (int i = 0; i < 5; i++)
		auth_login(db, "H001", "wrong password", NULL, NULL, &err);
	ok(err.code == JRC_E_LOCKED_OUT, "H001 locked");
	ok(auth_staff_passwd(db, &admin, "h001", "another password", &err) == JRC_OK, "admin sets a new password");
	ok(last_event_is(db, "staff_password", "staff:A001"), "a staff_password event");
	ok(!stored_anywhere(db, "another password"), "the new password is not stored in clear");
	ok(auth_login(db, "H001", PW, NULL, NULL, &err) == JRC_E_AUTH, "the old password no longer works");
	ok(auth_login(db, "H001", "another password", NULL, NULL, &err) == JRC_OK,
	   "the new one does, lock lifted");

	/* Unknown IDs. */
	ok(auth_login(db, "X999", PW, NULL, &left, &err) == JRC_E_AUTH && left == -1,
	   "an unknown ID: no count (%s)", err.msg);
	ok(last_event_is(db, "login_failed", "system"), "logged as a failure by system");
	ok(!stored_anywhere(db, "X999"), "without what was typed");
	ok(auth_login(db, "", PW, NULL, &left, &err) == JRC_E_AUTH, "an empty ID is a failure too");

	/* Disabled accounts. */
	ok(auth_staff_set_disabled(db, &admin, "A001", 1, &err) == JRC_E_REFUSED,
	   "an admin cannot disable their own account");
	ok(auth_staff_set_disabled(db, NULL, "D001", 1, &err) == JRC_OK, "D001 disabled");
	ok(last_event_is(db, "staff_disabled", "system"), "a staff_disabled event");
	ok(auth_login(db, "D001", PW, NULL, NULL, &err) == JRC_E_REFUSED && strstr(err.msg, "disabled"),
	   "a disabled account cannot log in: %s", err.msg);
	ok(last_event_is(db, "login_refused", "staff:D001"), "the refusal is an event");
	ok(auth_staff_get(db, "D001", &s, &err) == JRC_OK && s.disabled && s.failed_count == 0,
	   "refusals of a disabled account do not count towards a lockout");
	ok(auth_staff_set_disabled(db, NULL, "D001", 0, &err) == JRC_OK, "enabled again");
	ok(auth_login(db, "D001", PW, NULL, NULL, &err) == JRC_OK, "and logs in");
	ok(auth_staff_set_disabled(db, NULL, "NOBODY", 1, &err) == JRC_E_NOT_FOUND, "unknown account");

	ok(auth_logout(db, &desk, "idle", &err) == JRC_OK && last_event_is(db, "logout", "staff:D001"),
	   "logout is an event");

	/* At a terminal of the hall (issue 11): one sentence, per terminal. */
	{
		jrc_err e1 = { 0 }, e2 = { 0 }, e3 = { 0 };
		int wait = 0;
		long before;

		setenv("JRC_NOW", "2026-12-01T09:00:00+08:00", 1);
		ok(auth_staff_set_disabled(db, NULL, "H001", 1, &err) == JRC_OK, "H001 disabled");
		before = db_count(db, "events");
		ok(auth_login_at(db, "kiosk:hall", "X998", PW, NULL, &wait, &e1) == JRC_E_AUTH &&
		   wait == 2, "an unknown ID at a terminal: a wait of 2 s");
		ok(auth_login_at(db, "kiosk:hall", "D001", "wrong", NULL, &wait, &e2) == JRC_E_AUTH &&
		   wait == 4, "a wrong password: a longer wait");
		ok(auth_login_at(db, "kiosk:hall", "H001", "another password", NULL, &wait, &e3) ==
		   JRC_E_AUTH, "a disabled account");
		ok(strcmp(e1.msg, e2.msg) == 0 && strcmp(e2.msg, e3.msg) == 0,
		   "all three in the same sentence: %s", e1.msg);
		ok(auth_login_at(db, "kiosk:hall", "X997", PW, NULL, &wait, &err) == JRC_E_AUTH,
		   "another unknown ID");
		is_int(db_count(db, "events") - before, 3,
		   "unknown IDs are logged once a minute per terminal");
		ok(auth_login_at(db, "kiosk:hall", "D001", "wrong again", NULL, &wait, &err) ==
		   JRC_E_LOCKED_OUT, "the fifth miss pauses the terminal: %s", err.msg);
		ok(auth_login_at(db, "kiosk:hall", "D001", PW, NULL, &wait, &err) == JRC_E_LOCKED_OUT,
		   "even the right password waits there");
		ok(auth_staff_get(db, "D001", &s, &err) == JRC_OK && s.failed_count == 0 &&
		   s.locked_until == 0, "the account itself is not locked");
		ok(auth_login_at(db, "kiosk:office", "D001", PW, &s, &wait, &err) == JRC_OK,
		   "and logs in at another terminal");
		setenv("JRC_NOW", "2026-12-01T09:16:00+08:00", 1);
		ok(auth_login_at(db, "kiosk:hall", "D001", PW, NULL, &wait, &err) == JRC_OK,
		   "after the pause the terminal takes logins again");
		auth_staff_set_disabled(db, NULL, "H001", 0, &err);
	}
	ok(audit_verify(db, &(int64_t){ 0 }, &err) == JRC_OK, "the chain is intact after all that");

	test_roles();
	test_moves(db);
	ok(audit_verify(db, &(int64_t){ 0 }, &err) == JRC_OK, "still intact after the moves: %s", err.msg);
	db_close(db);
	return done();
}
