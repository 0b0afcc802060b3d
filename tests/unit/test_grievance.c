/* Filing: numbers, routing, deadlines, validation that changes nothing. */
#include <stdlib.h>
#include <string.h>

#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/receipt.h"
#include "jrc/refdata.h"
#include "tap.h"
#include "testdb.h"

static jrc_intake good(void)
{
	jrc_intake in = { 0 };

	in.category = "LAB";
	in.division = "330726100";
	in.name = "张三";
	in.id_number = "11010519491231002X";
	in.phone = "138 1234 5678";
	in.text = "老板拖欠工资三个月。";
	in.outcome = "把工资发给我";
	in.channel = "kiosk";
	return in;
}

static long rows(jrc_db *db)
{
	return db_count(db, "cases") * 10000 + db_count(db, "events") * 100 + db_count(db, "day_seq");
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_case c, c2;
	jrc_intake in;
	char canon[JRC_RECEIPT_MAX];
	long before;

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = testdb_open();

	in = good();
	ok(grievance_file(db, &in, &c, &err) == JRC_OK, "file a case: %s", err.msg);
	is_str(c.receipt, "PJ261129-0001-4", "receipt number: site, date, sequence, Damm digit");
	ok(receipt_parse(c.receipt, canon, &err) == JRC_OK, "the number parses back");
	ok(strlen(c.query_code) == 6 && strspn(c.query_code, "0123456789") == 6, "6-digit query code");
	is_str(lifecycle_state_name(c.state), "registered", "state registered");
	is_str(c.department, "RSJ", "routed to human resources");
	is_str(c.accept_by, "2026-12-14", "accept within 15 days");
	is_str(c.due_on, "2026-12-14", "the running deadline is the acceptance");
	is_str(c.phone, "13812345678", "phone normalised");
	is_str(c.text, "老板拖欠工资三个月。", "text kept byte for byte");
	is_str(c.channel, "kiosk", "channel recorded");
	is_int(db_count(db, "events"), 2, "the filing event (after the import event)");
	ok(grievance_get(db, c.receipt, &c2, &err) == JRC_OK && c2.id == c.id, "lookup by number");
	grievance_case_free(&c2);
	grievance_case_free(&c);

	in = good();
	ok(grievance_file(db, &in, &c, &err) == JRC_OK, "second case");
	ok(strncmp(c.receipt, "PJ261129-0002-", 14) == 0, "sequence 2: %s", c.receipt);
	grievance_case_free(&c);

	/* Late evening in Shanghai is already the next day there, not in UTC. */
	setenv("JRC_NOW", "2026-11-30T00:10:00+08:00", 1);
	in = good();
	in.site = "PJX";
	ok(grievance_file(db, &in, &c, &err) == JRC_E_INVALID && strcmp(err.field, "site_code") == 0,
	   "a site not among the sites is refused: %s", err.msg);
	in = good();
	in.site = "ZJW";
	ok(grievance_file(db, &in, &c, &err) == JRC_OK, "file just after local midnight");
	ok(strncmp(c.receipt, "ZJW261130-0001-", 15) == 0, "new day, new sequence, site override: %s",
	   c.receipt);
	grievance_case_free(&c);

	in = good();
	in.anonymous = 1;
	in.category = NULL;
	ok(grievance_file(db, &in, &c, &err) == JRC_OK, "anonymous, no category");
	ok(!c.name && !c.id_number && !c.phone, "anonymous drops name, ID and phone");
	is_str(c.category, "OTH", "no category files as OTH");
	grievance_case_free(&c);

	in = good();
	in.text = "工资\x1b[31m没有\x1b]0;title\x07发\x07";
	ok(grievance_file(db, &in, &c, &err) == JRC_OK, "text with escape sequences");
	is_str(c.text, "工资没有发", "escape sequences and controls removed before storage");
	grievance_case_free(&c);

	/* Bad input: an error naming the field, and nothing written. */
	struct { const char *what, *field; jrc_intake in; } bad[10];
	int nb = 0;
	bad[nb].what = "unknown category"; bad[nb].field = "category"; bad[nb].in = good(); bad[nb++].in.category = "XYZ";
	bad[nb].what = "unknown division"; bad[nb].field = "division"; bad[nb].in = good(); bad[nb++].in.division = "999999";
	bad[nb].what = "bad ID check digit"; bad[nb].field = "id_number"; bad[nb].in = good(); bad[nb++].in.id_number = "110105194912310021";
	bad[nb].what = "bad phone"; bad[nb].field = "phone"; bad[nb].in = good(); bad[nb++].in.phone = "12345";
	bad[nb].what = "empty text"; bad[nb].field = "text"; bad[nb].in = good(); bad[nb++].in.text = "   ";
	bad[nb].what = "invalid UTF-8"; bad[nb].field = "text"; bad[nb].in = good(); bad[nb++].in.text = "\xc0\xaf";
	bad[nb].what = "no name"; bad[nb].field = "name"; bad[nb].in = good(); bad[nb++].in.name = "";
	bad[nb].what = "future birth date"; bad[nb].field = "id_number"; bad[nb].in = good(); bad[nb++].in.id_number = "11010520300101001X";
	before = rows(db);
	for (int i = 0; i < nb; i++) {
		jrc_err_clear(&err);
		ok(grievance_file(db, &bad[i].in, NULL, &err) != JRC_OK, "%s refused", bad[i].what);
		is_str(err.field, bad[i].field, "%s names the field", bad[i].what);
		ok(err.msg[0] != '\0', "%s has a sentence: %s", bad[i].what, err.msg);
	}
	{
		char *big = malloc(4 * 4001 + 1);

		for (int i = 0; i < 4001; i++)
			memcpy(big + i * 3, "字", 3);
		big[4001 * 3] = '\0';
		in = good();
		in.text = big;
		ok(grievance_file(db, &in, NULL, &err) == JRC_E_INVALID && !strcmp(err.field, "text"),
		   "4001 characters refused");
		memcpy(big + 4000 * 3, "", 1);
		ok(grievance_file(db, &in, &c, &err) == JRC_OK, "4000 characters accepted");
		grievance_case_free(&c);
		free(big);
		before = rows(db);
	}
	is_int(rows(db), before, "refused filings left cases, events and sequences untouched");

	/* A category an import dropped stays for its old cases, takes no new one. */
	{
		jrc_category cat;

		ok(refdata_category(db, "LAB", &cat, &err) == JRC_OK && cat.active == 1,
		   "a listed category reads as in use");
		ok(db_exec(db, "UPDATE categories SET active = 0 WHERE code = 'LAB'", &err) == JRC_OK,
		   "(LAB dropped, as an import without it does)");
		ok(refdata_category(db, "LAB", &cat, &err) == JRC_OK && cat.active == 0,
		   "it still reads, as no longer in use");
		in = good();
		jrc_err_clear(&err);
		ok(grievance_file(db, &in, NULL, &err) == JRC_E_INVALID && !strcmp(err.field, "category"),
		   "a filing in it is refused, naming the category");
		ok(strstr(err.msg, "no longer in use") != NULL,
		   "with a sentence that says what to do: %s", err.msg);
		is_int(rows(db), before, "and nothing written");
		db_exec(db, "UPDATE categories SET active = 1 WHERE code = 'LAB'", &err);
	}

	/* A working-day calendar moves the deadline past weekends and holidays. */
	setenv("JRC_NOW", "2026-11-27T10:00:00+08:00", 1);
	db_setting_set(db, "calendar", "working", &err);
	in = good();
	ok(grievance_file(db, &in, &c, &err) == JRC_OK, "file on a Friday with working days");
	is_str(c.accept_by, "2026-12-18", "15 working days from Friday 27 Nov");
	grievance_case_free(&c);
	db_setting_set(db, "calendar", "calendar", &err);

	/* Listing. */
	{
		jrc_case *list;
		size_t n;
		jrc_case_filter f = { 0 };

		ok(grievance_list(db, &f, &list, &n, &err) == JRC_OK && n == 7, "7 cases listed");
		grievance_cases_free(list, n);
		f.search = "13812345678";
		ok(grievance_list(db, &f, &list, &n, &err) == JRC_OK && n == 6, "search by phone");
		grievance_cases_free(list, n);
		f.search = NULL;
		f.with_state = 1;
		f.state = JRC_ST_ACCEPTED;
		ok(grievance_list(db, &f, &list, &n, &err) == JRC_OK && n == 0, "filter by state");
		grievance_cases_free(list, n);
	}
	/* A filing tried again whose first try was filed (its answer lost
	 * with a server's link): found by its token, not filed twice. */
	{
		char token[JRC_TOKEN_LEN + 1], first[JRC_RECEIPT_MAX];
		long n;

		ok(grievance_token(token, &err) == JRC_OK && strlen(token) == JRC_TOKEN_LEN &&
		   strspn(token, "0123456789abcdef") == JRC_TOKEN_LEN, "a filing token: 32 hex digits");
		in = good();
		in.token = token;
		ok(grievance_find_filed(db, &in, &c, &err) == JRC_E_NOT_FOUND,
		   "a token nothing was filed with finds nothing");
		ok(grievance_file(db, &in, &c, &err) == JRC_OK, "filed with a token");
		snprintf(first, sizeof(first), "%s", c.receipt);
		grievance_case_free(&c);
		n = rows(db);
		in.again = 1;
		ok(grievance_file(db, &in, &c, &err) == JRC_OK && !strcmp(c.receipt, first),
		   "tried again with the same token: the case filed the first time");
		grievance_case_free(&c);
		is_int(rows(db), n, "  and nothing written");
		ok(grievance_find_filed(db, &in, &c, &err) == JRC_OK && !strcmp(c.receipt, first),
		   "grievance_find_filed finds it");
		grievance_case_free(&c);
		in.text = "老板拖欠工资四个月了。";
		ok(grievance_file(db, &in, &c, &err) == JRC_OK && strcmp(c.receipt, first) != 0,
		   "the draft changed after the failed try: a case of its own");
		grievance_case_free(&c);
		ok(grievance_find_filed(db, &in, &c, &err) == JRC_E_NOT_FOUND,
		   "  and the first case is not taken for it");
	}
	db_close(db);
	return done();
}
