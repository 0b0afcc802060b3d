/* export: the period by local days, open and closed as the rest of the
 * program counts them, nothing personal, the text masked on request, and
 * files replaced whole. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"
#include "jrc/export.h"
#include "jrc/grievance.h"
#include "tap.h"
#include "testdb.h"

typedef struct seen {
	int n;
	char receipt[8][32];
	int closed[8];
	char expected[8][32];
	char requested[8][32];
	char description[8][256];
	int stop_after;       /* stop with JRC_E_IO after this many; 0: never */
} seen;

static jrc_status collect(const jrc_export_request *r, void *arg, jrc_err *err)
{
	seen *s = arg;

	(void)err;
	if (s->stop_after && s->n >= s->stop_after)
		return JRC_E_IO;
	if (s->n < 8) {
		snprintf(s->receipt[s->n], 32, "%s", r->service_request_id);
		s->closed[s->n] = r->closed;
		snprintf(s->expected[s->n], 32, "%s", r->expected_datetime);
		snprintf(s->requested[s->n], 32, "%s", r->requested_datetime);
		snprintf(s->description[s->n], 256, "%s", r->description ? r->description : "(null)");
	}
	s->n++;
	return JRC_OK;
}

static void file(jrc_db *db, const char *now, const char *name, const char *text)
{
	jrc_intake in = { 0 };
	jrc_err err = { 0 };

	setenv("JRC_NOW", now, 1);
	in.category = "LAB";
	in.division = "330726100201";
	in.anonymous = !name;
	in.name = name;
	in.phone = name ? "13812345678" : NULL;
	in.id_number = name ? "11010519491231002X" : NULL;
	in.text = text;
	if (grievance_file(db, &in, NULL, &err) != JRC_OK)
		printf("# file: %s\n", err.msg);
}

static long file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

int main(void)
{
	jrc_export_opts o = { 0 };
	jrc_err err = { 0 };
	seen s;
	jrc_db *db;
	long n;
	char dir[300], path[340];
	FILE *f;
	char head[8] = "";

	ok(export_check_period(NULL, NULL, &err) == JRC_OK, "no period is fine");
	ok(export_check_period("2026-11-01", "2026-11-01", &err) == JRC_OK, "one day is fine");
	ok(export_check_period("2026-11-31", NULL, &err) == JRC_E_INVALID, "a day that does not exist");
	is_str(err.field, "from", "names --from");
	ok(export_check_period(NULL, "29.11.2026", &err) == JRC_E_INVALID, "a date written otherwise");
	is_str(err.field, "to", "names --to");
	ok(export_check_period("2026-11-29", "2026-11-01", &err) == JRC_E_INVALID,
	   "a period that ends before it starts");
	ok(strstr(err.msg, "--from") != NULL, "says what to do: %s", err.msg);

	setenv("JRC_NOW", "2026-11-01T10:00:00+08:00", 1);
	db = testdb_open();
	file(db, "2026-11-01T10:00:00+08:00", "张三丰", "我张三丰，电话13812345678");
	file(db, "2026-11-02T23:59:00+08:00", NULL, "第二件");
	file(db, "2026-11-03T00:00:00+08:00", NULL, "第三件");
	/* The second answered, its review window over: closed, as everywhere. */
	sqlite3_exec(db_handle(db), "UPDATE cases SET state = 'answered', due_on = '2026-11-10'"
		     " WHERE id = 2", NULL, NULL, NULL);
	setenv("JRC_NOW", "2026-11-29T12:00:00+08:00", 1);

	memset(&s, 0, sizeof(s));
	ok(export_requests(db, &o, collect, &s, &n, &err) == JRC_OK, "all cases: %s", err.msg);
	is_int(n, 3, "three counted");
	is_int(s.n, 3, "three seen");
	is_str(s.requested[0], "2026-11-01T10:00:00+08:00", "oldest first, in local time");
	is_int(s.closed[0], 0, "a registered case is open");
	is_str(s.expected[0], "2026-11-16T23:59:59+08:00", "expected: the end of the acceptance day");
	is_int(s.closed[1], 1, "an answer whose review window passed counts as closed");
	is_str(s.expected[1], "", "a closed case expects nothing");
	is_str(s.description[0], "(null)", "no description without with_text");

	o.with_text = 1;
	memset(&s, 0, sizeof(s));
	ok(export_requests(db, &o, collect, &s, &n, &err) == JRC_OK, "with the text");
	is_str(s.description[0], "我张**，电话138****5678", "the text masked");

	o.with_text = 0;
	o.from = o.to = "2026-11-02";
	memset(&s, 0, sizeof(s));
	ok(export_requests(db, &o, collect, &s, &n, &err) == JRC_OK, "one local day");
	is_int(n, 1, "23:59 is in it, 00:00 the next day is not");
	o.from = "2026-11-03";
	o.to = NULL;
	memset(&s, 0, sizeof(s));
	export_requests(db, &o, collect, &s, &n, &err);
	is_int(n, 1, "from the 3rd at local midnight");
	o.from = NULL;

	memset(&s, 0, sizeof(s));
	s.stop_after = 1;
	ok(export_requests(db, &o, collect, &s, &n, &err) == JRC_E_IO, "the callback's failure stops it");
	is_int(n, 1, "after the one it took");

	snprintf(dir, sizeof(dir), "%s.out/a/b", testdb_path);
	ok(export_open311(db, dir, &o, &n, &err) == JRC_OK, "open311 into a new folder: %s", err.msg);
	snprintf(path, sizeof(path), "%s/requests.json", dir);
	ok(file_size(path) > 0, "requests.json written");
	snprintf(path, sizeof(path), "%s/services.json", dir);
	ok(file_size(path) > 0, "services.json written");
	snprintf(path, sizeof(path), "%s/cases.csv", dir);
	ok(export_csv(db, path, &o, &n, &err) == JRC_OK, "csv");
	f = fopen(path, "rb");
	ok(f && fread(head, 1, 3, f) == 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0, "with a BOM");
	if (f)
		fclose(f);
	ok(export_csv(db, dir, &o, &n, &err) == JRC_E_INVALID, "a folder as the CSV file is refused");
	ok(export_csv(db, testdb_path, &o, &n, &err) == JRC_E_INVALID, "the database as the CSV file is refused");
	ok(file_size(testdb_path) > 0, "and the database is untouched");

	unlink(path);
	snprintf(path, sizeof(path), "%s/requests.json", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/services.json", dir);
	unlink(path);
	rmdir(dir);
	snprintf(path, sizeof(path), "%s.out/a", testdb_path);
	rmdir(path);
	snprintf(path, sizeof(path), "%s.out", testdb_path);
	rmdir(path);
	db_close(db);
	return done();
}
