/* Correcting intake details and internal notes: allowed roles only, on
 * registered cases only, checked like filing, and on the record. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "jrc/grievance_edit.h"
#include "tap.h"
#include "testdb.h"

static jrc_case file(jrc_db *db, int anonymous)
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };

	in.category = "LAB";
	in.division = "330726100";
	if (!anonymous) {
		in.name = "张三";
		in.id_number = "11010519491231002X";
		in.phone = "13812345678";
	}
	in.anonymous = anonymous;
	in.text = "老板拖欠工资三个月。";
	in.channel = "desk";
	in.staff_id = "D001";
	if (grievance_file(db, &in, &c, &err) != JRC_OK)
		printf("Bail out! %s\n", err.msg);
	return c;
}

static jrc_event last_event(jrc_db *db, int64_t case_id, char *note, size_t size)
{
	jrc_event *ev, e = { 0 };
	size_t n;

	if (audit_case_events(db, case_id, &ev, &n, NULL) == JRC_OK && n) {
		e = ev[n - 1];
		snprintf(note, size, "%s", e.note ? e.note : "");
		e.note = NULL;
		audit_events_free(ev, n);
	}
	return e;
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_staff desk = { .id = "D001", .role = JRC_ROLE_DESK };
	jrc_staff hand = { .id = "H001", .role = JRC_ROLE_HANDLER, .department = "RSJ" };
	jrc_staff other = { .id = "H002", .role = JRC_ROLE_HANDLER, .department = "XFJ" };
	jrc_staff adm = { .id = "A001", .role = JRC_ROLE_ADMIN };
	jrc_case c, k, anon;
	jrc_intake_edit ed = { 0 };
	jrc_event e;
	char note[512];
	long before;

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = testdb_open();
	c = file(db, 0);
	e = last_event(db, c.id, note, sizeof(note));
	is_str(e.actor, "staff:D001", "a desk filing is by staff:D001");

	ed.phone = "139 0000 1111";
	ed.text = "老板拖欠工资四个月。";
	before = db_count(db, "events");
	ok(grievance_edit_intake(db, &hand, c.receipt, &ed, &err) == JRC_E_REFUSED,
	   "a handler may not edit intake: %s", err.msg);
	ok(grievance_edit_intake(db, &adm, c.receipt, &ed, &err) == JRC_E_REFUSED, "nor an admin");
	ok(grievance_edit_intake(db, NULL, c.receipt, &ed, &err) == JRC_E_REFUSED, "nor the system");
	is_int(db_count(db, "events"), before, "refusals change nothing");
	ok(grievance_edit_intake(db, &desk, c.receipt, &ed, &err) == JRC_OK, "desk corrects phone and text: %s", err.msg);
	ok(grievance_get(db, c.receipt, &k, &err) == JRC_OK && strcmp(k.phone, "13900001111") == 0 &&
	   strcmp(k.text, "老板拖欠工资四个月。") == 0 && strcmp(k.name, "张三") == 0,
	   "the case has the new phone and text, the name untouched");
	grievance_case_free(&k);
	e = last_event(db, c.id, note, sizeof(note));
	is_str(e.kind, "intake_edited", "an intake_edited event");
	is_str(e.actor, "staff:D001", "by the desk");
	ok(strstr(note, "phone: 13812345678") && strstr(note, "text: 老板拖欠工资三个月。") &&
	   !strstr(note, "name"), "listing each changed field with its old value: %s", note);
	{
		char *m = grievance_edit_note_masked(note);

		ok(m && strstr(m, "phone: 138****5678") && !strstr(m, "13812345678") &&
		   strstr(m, "text: 老板拖欠工资三个月。"), "masked for show: %s", m ? m : "(null)");
		free(m);
		m = grievance_edit_note_masked("name: 张三丰; id_number: 11010519491231002X; phone: 13812345678; text: a; phone: 1");
		ok(m && !strstr(m, "张三丰") && !strstr(m, "11010519491231002X") &&
		   !strstr(m, "13812345678"), "name, ID number and phone all masked: %s", m ? m : "(null)");
		free(m);
		m = grievance_edit_note_masked("whatever 13812345678");
		ok(m && !strstr(m, "13812345678"), "a note of another form shows nothing unmasked");
		free(m);
	}

	ok(grievance_edit_intake(db, &desk, c.receipt, &ed, &err) == JRC_E_INVALID,
	   "the same values again change nothing: %s", err.msg);
	memset(&ed, 0, sizeof(ed));
	ed.phone = "12345";
	before = db_count(db, "events");
	ok(grievance_edit_intake(db, &desk, c.receipt, &ed, &err) == JRC_E_INVALID &&
	   strcmp(err.field, "phone") == 0, "a bad phone is refused: %s", err.msg);
	ed.phone = NULL;
	ed.id_number = "110105194912310021";
	ok(grievance_edit_intake(db, &desk, c.receipt, &ed, &err) == JRC_E_INVALID,
	   "a bad ID check character is refused");
	is_int(db_count(db, "events"), before, "bad input changes nothing");

	anon = file(db, 1);
	memset(&ed, 0, sizeof(ed));
	ed.name = "李四";
	ok(grievance_edit_intake(db, &desk, anon.receipt, &ed, &err) == JRC_E_REFUSED,
	   "an anonymous case gets no name: %s", err.msg);
	ed.name = NULL;
	ed.outcome = "希望尽快处理";
	ok(grievance_edit_intake(db, &desk, anon.receipt, &ed, &err) == JRC_OK,
	   "but its outcome can be corrected");

	/* The intake as corrected is in the log: verify holds the case to it. */
	{
		jrc_verify_report r;

		ok(audit_verify_report(db, &r, &err) == JRC_OK && r.uncovered == 0,
		   "the corrected cases verify: %s", err.msg);
		sqlite3_exec(db_handle(db), "SAVEPOINT t; UPDATE cases SET phone = '13812345678'"
			     " WHERE phone = '13900001111'", NULL, NULL, NULL);
		ok(audit_verify_report(db, &r, &err) == JRC_E_TAMPERED &&
		   strstr(err.msg, c.receipt) && strstr(err.msg, "cases.phone"),
		   "the old phone put back behind the program's back is named: %s", err.msg);
		sqlite3_exec(db_handle(db), "ROLLBACK TO t; RELEASE t", NULL, NULL, NULL);
		ok(audit_verify_report(db, &r, &err) == JRC_OK, "and verifies again once undone");
	}

	/* Past registered: no more corrections. */
	sqlite3_exec(db_handle(db), "UPDATE cases SET state = 'accepted'", NULL, NULL, NULL);
	ed.outcome = "别的";
	ok(grievance_edit_intake(db, &desk, c.receipt, &ed, &err) == JRC_E_REFUSED,
	   "an accepted case cannot be corrected: %s", err.msg);

	/* Notes. */
	ok(grievance_add_note(db, &hand, c.receipt, "已电话联系当事人", &err) == JRC_OK,
	   "the handler of the department adds a note");
	e = last_event(db, c.id, note, sizeof(note));
	ok(strcmp(e.kind, "note") == 0 && strcmp(e.actor, "staff:H001") == 0 &&
	   strcmp(note, "已电话联系当事人") == 0, "a note event by staff:H001");
	ok(grievance_add_note(db, &other, c.receipt, "x", &err) == JRC_E_REFUSED,
	   "another department's handler may not");
	ok(grievance_add_note(db, &desk, c.receipt, "  ", &err) == JRC_E_INVALID, "an empty note is refused");
	ok(grievance_add_note(db, &desk, "PJ261129-9999-0", "x", &err) != JRC_OK, "an unknown case");
	/* Reprints: desk and supervisor, recorded by the print module. */
	ok(grievance_reprint(db, &hand, c.receipt, "none", &err) == JRC_E_REFUSED,
	   "a handler may not reprint: %s", err.msg);
	before = db_count(db, "print_jobs");
	ok(grievance_reprint(db, &desk, c.receipt, "none", &err) == JRC_OK, "desk reprints: %s", err.msg);
	is_int(db_count(db, "print_jobs"), before + 1, "the reprint is a print job");
	e = last_event(db, c.id, note, sizeof(note));
	is_str(e.actor, "staff:D001", "recorded as by the desk");
	grievance_case_free(&c);
	grievance_case_free(&anon);
	db_close(db);
	return done();
}
