/* "I lost my number": receipt numbers found again by ID number and phone;
 * typing mistakes are refused uncounted, a try that finds nothing is
 * counted like a failed lookup, and the fifth pauses recovery. */
#include <stdlib.h>
#include <string.h>

#include "jrc/grievance.h"
#include "jrc/recover.h"
#include "tap.h"
#include "testdb.h"

static jrc_db *db;

static jrc_case file_one(const char *id, const char *phone)
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };

	in.category = "LAB";
	in.division = "330726100";
	in.name = "张三丰";
	in.id_number = id;
	in.phone = phone;
	in.text = "老板拖欠工资三个月。";
	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("Bail out! cannot file: %s\n", err.msg);
		exit(1);
	}
	return c;
}

int main(void)
{
	jrc_recovered out[JRC_RECOVER_MAX];
	jrc_lookup_info info;
	jrc_err err = { 0 };
	jrc_case a, b, other;
	size_t n = 0;
	long before;

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = testdb_open();
	a = file_one("11010519491231002X", "13812345678");
	b = file_one("11010519491231002X", "13812345678");
	other = file_one("11010519491231002X", "13900001111");

	ok(recover_numbers(db, "11010519491231002x", "138 1234 5678", "kiosk", out, &n, &info, &err) ==
	   JRC_OK, "ID number and phone find the matters: %s", err.msg);
	is_int((int)n, 2, "both matters filed with that phone");
	is_str(out[0].receipt, b.receipt, "newest first");
	is_str(out[1].receipt, a.receipt, "then the older one");
	is_str(out[0].filed_on, "2026-11-29", "with the local filing date");
	ok(strchr(out[0].phone_masked, '*') != NULL, "the phone is masked: %s", out[0].phone_masked);
	ok(strcmp(out[0].receipt, other.receipt) != 0 && strcmp(out[1].receipt, other.receipt) != 0,
	   "a matter filed with another phone is not shown");

	before = db_count(db, "lookup_attempts");
	ok(recover_numbers(db, "110105194912310021", "13812345678", "kiosk", out, &n, &info, &err) ==
	   JRC_E_INVALID, "a wrong check character is a typing mistake: %s", err.msg);
	ok(recover_numbers(db, "11010519491231002X", "1381234", "kiosk", out, &n, &info, &err) ==
	   JRC_E_INVALID, "so is a short phone: %s", err.msg);
	is_int((int)db_count(db, "lookup_attempts"), (int)before, "typing mistakes are not counted");

	for (int i = 1; i <= 4; i++) {
		ok(recover_numbers(db, "11010519491231002X", "13700000000", "kiosk", out, &n, &info, &err) ==
		   JRC_E_NOT_FOUND && n == 0, "try %d finds nothing: %s", i, err.msg);
		is_int(info.tries_left, 5 - i, "tries left after %d", i);
	}
	ok(recover_numbers(db, "11010519491231002X", "13700000000", "kiosk", out, &n, &info, &err) ==
	   JRC_E_LOCKED_OUT, "the fifth within the hour pauses recovery: %s", err.msg);
	ok(recover_numbers(db, "11010519491231002X", "13812345678", "kiosk", out, &n, &info, &err) ==
	   JRC_E_LOCKED_OUT && n == 0, "even the right phone waits out the pause");
	setenv("JRC_NOW", "2026-11-29T11:01:00+08:00", 1);
	ok(recover_numbers(db, "11010519491231002X", "13812345678", "kiosk", out, &n, &info, &err) ==
	   JRC_OK && n == 2, "after the hour it works again");
	db_close(db);
	return done();
}
