/* Reference data import: shipped files, idempotence, malformed files. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jrc/refdata.h"
#include "tap.h"
#include "testdb.h"

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void copy_file(const char *from_dir, const char *to_dir, const char *name)
{
	char path[512], buf[8192];
	FILE *in, *out;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", from_dir, name);
	in = fopen(path, "rb");
	snprintf(path, sizeof(path), "%s/%s", to_dir, name);
	out = fopen(path, "wb");
	while (in && out && (n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}

int main(void)
{
	jrc_db *db = testdb_open();
	jrc_err err = { 0 };
	jrc_category *cats, lit;
	jrc_division *divs;
	size_t n;
	long before;
	char dir[300];
	const char *p, *end;
	char buf[256], *fields[8];
	int lines = 0;
	static const char *const codes[] = { "LAB", "SOC", "MED", "EDU", "HOU", "LAN", "ENV",
					     "PUB", "VIL", "FAM", "NEI", "CON", "LIT", "OTH" };

	ok(refdata_categories(db, &cats, &n, &err) == JRC_OK, "categories listed");
	is_int(n, 14, "exactly 14 categories");
	for (size_t i = 0; i < 14 && i < n; i++) {
		is_str(cats[i].code, codes[i], "category %zu in order", i + 1);
		ok(cats[i].desc_zh[0] && cats[i].desc_en[0], "%s has descriptions", cats[i].code);
	}
	free(cats);
	ok(refdata_category(db, "LIT", &lit, &err) == JRC_OK && lit.channel_zh[0] && lit.channel_en[0],
	   "LIT names its legal channel");
	ok(refdata_divisions(db, NULL, &divs, &n, &err) == JRC_OK, "townships listed");
	is_int(n, 15, "Pujiang's 15 townships and subdistricts");
	is_str(divs[0].name_zh, "浦阳街道", "first is 浦阳街道");
	free(divs);
	ok(refdata_divisions(db, "330726100", &divs, &n, &err) == JRC_OK && n >= 2, "villages of 黄宅镇");
	free(divs);
	is_int(db_count(db, "departments"), 14, "14 departments");

	/* Idempotent: importing again changes no reference row. */
	before = db_count(db, "divisions");
	ok(refdata_import_dir(db, testdb_data_dir(), "test", &err) == JRC_OK, "import again");
	is_int(db_count(db, "divisions"), before, "same divisions");
	is_int(db_count(db, "categories"), 14, "same categories");

	/* A malformed file is reported by file and line; nothing changes. */
	snprintf(dir, sizeof(dir), "%s.data", testdb_path);
	mkdir(dir, 0700);
	copy_file(testdb_data_dir(), dir, "departments.csv");
	copy_file(testdb_data_dir(), dir, "divisions.csv");
	copy_file(testdb_data_dir(), dir, "routing.csv");
	write_file(dir, "categories.csv",
		   "code,name_zh,name_en,description_zh,description_en\n"
		   "ZZZ,新,New,说明,Description\n"
		   "LAB,劳动,\"Labour, \"\"wages\"\",Desc\n");
	before = db_count(db, "events");
	ok(refdata_import_dir(db, dir, "test", &err) == JRC_E_DATA, "unterminated quote refused");
	ok(strstr(err.msg, "categories.csv:3") != NULL, "names file and line: %s", err.msg);
	is_int(db_count(db, "categories"), 14, "the good row before it was not imported either");
	is_int(db_count(db, "events"), before, "no import event recorded");
	write_file(dir, "categories.csv",
		   "code,name_zh,name_en,description_zh,description_en\nlab,x,y,z,w\n");
	ok(refdata_import_dir(db, dir, "test", &err) == JRC_E_DATA && strstr(err.msg, "categories.csv:2"),
	   "bad code reported with its line: %s", err.msg);
	write_file(dir, "categories.csv", "code,name_zh\nAAA,x\n");
	ok(refdata_import_dir(db, dir, "test", &err) == JRC_E_DATA && strstr(err.msg, "name_en"),
	   "missing column named: %s", err.msg);
	copy_file(testdb_data_dir(), dir, "categories.csv");
	write_file(dir, "routing.csv", "category,division,department,level\nLAB,*,NOPE,county\n");
	ok(refdata_import_dir(db, dir, "test", &err) == JRC_E_DATA && strstr(err.msg, "routing.csv:2") &&
	   strstr(err.msg, "NOPE"), "unknown department reported: %s", err.msg);
	write_file(dir, "routing.csv", "category,division,department,level\n\xff\xfe,*,RSJ,county\n");
	ok(refdata_import_dir(db, dir, "test", &err) == JRC_E_DATA && strstr(err.msg, "UTF-8"),
	   "non-UTF-8 file refused: %s", err.msg);

	/* The CSV reader itself. */
	p = "a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x\n";
	end = p + strlen(p);
	is_int(csv_read_record(&p, end, buf, sizeof(buf), fields, 8, &lines), 3, "three fields");
	is_str(fields[1], "b,c", "comma inside quotes");
	is_str(fields[2], "d\"e", "doubled quote");
	is_int(csv_read_record(&p, end, buf, sizeof(buf), fields, 8, &lines), 2, "next record");
	is_str(fields[0], "multi\nline", "newline inside quotes");
	is_int(lines, 3, "line count follows embedded newlines");
	is_int(csv_read_record(&p, end, buf, sizeof(buf), fields, 8, &lines), 0, "end of input");
	db_close(db);
	return done();
}
