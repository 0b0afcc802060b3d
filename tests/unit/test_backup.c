/* The backup keep rules, the receipt-number mark and who holds a database
 * open, each on its own. */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db_internal.h"
#include "tap.h"
#include "testdb.h"
#include "jrc/backup.h"
#include "jrc/seqmark.h"

static char dir[256];

static void touch(const char *name)
{
	char p[512];
	int fd;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	fd = open(p, O_CREAT | O_WRONLY, 0600);
	if (fd >= 0)
		close(fd);
}

static int exists(const char *name)
{
	char p[512];
	struct stat sb;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return stat(p, &sb) == 0;
}

/* The .db files left in dir, sorted, space-separated. */
static const char *left(void)
{
	static char out[2048];
	char *names[64];
	int n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;

	*out = '\0';
	while (d && (e = readdir(d)) && n < 64) {
		size_t l = strlen(e->d_name);

		if (l > 3 && strcmp(e->d_name + l - 3, ".db") == 0)
			names[n++] = strdup(e->d_name);
	}
	if (d)
		closedir(d);
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char *t = names[i];

				names[i] = names[j];
				names[j] = t;
			}
	for (int i = 0; i < n; i++) {
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s", i ? " " : "", names[i]);
		free(names[i]);
	}
	return out;
}

static void clear_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];

	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.' && (!e->d_name[1] || e->d_name[1] == '.'))
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
}

static void test_prune(void)
{
	jrc_backup_keep keep = { 2, 2, 2 };
	jrc_backup_list removed;
	jrc_err err = { 0 };

	/* Across a year's end: 2026-12-28 (Mon) .. 2027-01-03 (Sun) is one ISO week. */
	touch("jrc-20261130-023000.db");
	touch("jrc-20261130-023000.db.head");
	touch("jrc-20261220-023000.db");
	touch("jrc-20261227-023000.db");
	touch("jrc-20261228-023000.db");
	touch("jrc-20270102-023000.db");
	touch("jrc-20270103-023000.db");
	touch("jrc-20270103-120000.db");
	touch("jrc-20270103-120000-2.db");
	touch("jrc-2027.db");
	touch("notes.db");
	touch("jrc-20270104-023000.db.part");
	is_int(backup_prune(dir, &keep, NULL, &removed, &err), JRC_OK, "prune: ok");
	/* daily 2: 0103 (newest of that day, the -2) and 0102; weekly 2: the
	 * week of 12-28 (0103-2 again) and the week of 12-21 (1227); monthly 2:
	 * January (0103-2) and December (1228). */
	is_str(left(), "jrc-20261227-023000.db jrc-20261228-023000.db jrc-2027.db "
	       "jrc-20270102-023000.db jrc-20270103-120000-2.db notes.db",
	       "prune: the newest of each kept day, ISO week (across the year) and month");
	is_int(removed.n, 4, "prune: four removed");
	ok(!exists("jrc-20261130-023000.db.head"), "prune: a removed backup's record goes with it");
	ok(exists("jrc-20270104-023000.db.part"), "prune: a file it did not name is left");
	backup_list_free(&removed);

	keep.daily = keep.weekly = keep.monthly = 0;
	is_int(backup_prune(dir, &keep, "/x/jrc-20261227-023000.db", &removed, &err), JRC_OK,
	       "prune with nothing to keep");
	is_str(left(), "jrc-20261227-023000.db jrc-2027.db notes.db",
	       "prune: the one just written is always kept");
	backup_list_free(&removed);
	clear_dir();
}

static long day_seq(jrc_db *db, const char *site, const char *day)
{
	sqlite3_stmt *st;
	long v = -1;

	sqlite3_prepare_v2(db_handle(db), "SELECT last FROM day_seq WHERE site = ? AND day = ?", -1,
			   &st, NULL);
	sqlite3_bind_text(st, 1, site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void test_seqmark(void)
{
	jrc_db *db = testdb_open();
	jrc_err err = { 0 };
	jrc_seq_raise *r = NULL;
	size_t n = 0;
	char mark[512], line[64] = "";
	FILE *f;

	ok(seqmark_path_for(testdb_path, mark, sizeof(mark)) == 0, "the mark's path");
	unlink(mark);
	is_int(seqmark_note(db, "PJ", "261129", 7, &err), JRC_OK, "note a number");
	f = fopen(mark, "r");
	ok(f && fgets(line, sizeof(line), f), "the mark file is written");
	if (f)
		fclose(f);
	is_str(line, "PJ 261129 10\n", "one line: site, day, the end of the block reserved");
	{
		struct stat sb;

		ok(stat(mark, &sb) == 0 && (sb.st_mode & 0777) == 0600, "the mark is 0600");
	}
	is_int(seqmark_note(db, "PJ", "261129", 8, &err), JRC_OK, "note a number inside the block");
	{
		struct stat sb;

		ok(stat(mark, &sb) == 0 && sb.st_size == 13, "writes nothing (the block is reserved)");
	}
	f = fopen(mark, "a");
	fputs("PJ 261129 5\nPJ 261130 12\nXX1 261130 99\nPJ 2611\nPJ 261201 0\nHZ 261129 3\nPJ 26", f);
	fclose(f);
	db_exec(db, "INSERT INTO day_seq(site, day, last) VALUES ('PJ', '261129', 4), ('PJ', '261130', 20)",
		&err);
	is_int(seqmark_raise(db, mark, NULL, &r, &n, &err), JRC_OK, "raise from the mark");
	is_int(n, 2, "two day sequences raised (a torn last line and bad lines skipped)");
	is_int(day_seq(db, "PJ", "261129"), 10, "PJ 261129: up to the end of the highest block (10)");
	is_int(day_seq(db, "PJ", "261130"), 20, "PJ 261130: never lowered (20 > 12)");
	is_int(day_seq(db, "HZ", "261129"), 10, "HZ 261129: a day the database had not seen, to its block's end");
	is_int(day_seq(db, "PJ", "261201"), -1, "a zero sequence is no number");
	ok(n == 2 && !strcmp(r[0].site, "HZ") && r[0].from == 0 && r[0].to == 10 &&
	   !strcmp(r[1].site, "PJ") && r[1].from == 4 && r[1].to == 10, "the raises are reported");
	free(r);
	is_int(seqmark_raise(db, mark, NULL, &r, &n, &err), JRC_OK, "raise again");
	is_int(n, 0, "raising twice changes nothing more");
	free(r);
	unlink(mark);
	is_int(seqmark_raise(db, mark, NULL, &r, &n, &err), JRC_OK, "no mark file is no error");
	is_int(n, 0, "and raises nothing");
	free(r);
	db_close(db);
}

static void test_holders(void)
{
	jrc_db *db = testdb_open();
	jrc_db_holder h[4];
	int fds[2];
	pid_t child;
	char c;

	is_int(backup_db_holders(testdb_path, h, 4), 0, "this process itself does not count");
	if (pipe(fds) != 0)
		return;
	child = fork();
	if (child == 0) {
		int fd = open(testdb_path, O_RDONLY);

		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		pause();
		close(fd);
		_exit(0);
	}
	if (read(fds[0], &c, 1) != 1)
		return;
	is_int(backup_db_holders(testdb_path, h, 4), 1, "another process holding it is found");
	is_int(h[0].pid, child, "with its pid");
	ok(strstr(h[0].command, "test_backup") != NULL, "and its command line (%s)", h[0].command);
	kill(child, SIGTERM);
	waitpid(child, NULL, 0);
	is_int(backup_db_holders(testdb_path, h, 4), 0, "gone once it ends");
	is_int(backup_db_holders("/nonexistent/jrc.db", h, 4), 0, "a missing database has no holders");
	db_close(db);
}

int main(void)
{
	snprintf(dir, sizeof(dir), "%s/jrc-unit-backup-%ld", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
		 (long)getpid());
	mkdir(dir, 0700);
	test_prune();
	rmdir(dir);
	test_seqmark();
	test_holders();
	return done();
}
