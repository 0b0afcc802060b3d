/* Backups: a consistent copy while the kiosks keep filing, checked before
 * it counts as a backup, and the keep rules for old ones. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup_internal.h"
#include "db_internal.h"
#include "jrc/i18n.h"

void backup_list_free(jrc_backup_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->paths[i]);
	free(l->paths);
	l->paths = NULL;
	l->n = 0;
}

int backup_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int backup_sync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int backup_file_sha256(const char *path, char hex[65], int64_t *bytes)
{
	struct sha256_ctx ctx;
	uint8_t buf[65536], md[SHA256_DIGEST_SIZE];
	ssize_t r;
	int64_t total = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	sha256_init(&ctx);
	while ((r = read(fd, buf, sizeof(buf))) > 0) {
		sha256_update(&ctx, (size_t)r, buf);
		total += r;
	}
	close(fd);
	if (r < 0)
		return -1;
	sha256_digest(&ctx, sizeof(md), md);
	for (size_t i = 0; i < sizeof(md); i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	if (bytes)
		*bytes = total;
	return 0;
}

/* A write into dir failed with errno e: full disk or another reason. */
static jrc_status dir_write_failed(const char *dir, int e, jrc_err *err)
{
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return jrc_err_set(err, JRC_E_DB_FULL, NULL,
				   _("The backup folder %s is full: free space there (or keep fewer backups), then back up again. The earlier backups were left as they were."),
				   dir);
	if (e == ENOENT)
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The backup folder %s is not there (was a disk unmounted?): mount or create it, then back up again. The earlier backups were left as they were."),
				   dir);
	return jrc_err_set(err, JRC_E_IO, NULL,
			   _("The backup could not be written to %s (%s): check the folder and its permissions, then back up again. The earlier backups were left as they were."),
			   dir, strerror(e));
}

/* The sqlite side of a failed copy: full, gone, or something else. */
static jrc_status copy_failed(sqlite3 *dst, const char *dir, int rc, jrc_err *err)
{
	int e = dst ? sqlite3_system_errno(dst) : 0;

	if ((rc & 0xff) == SQLITE_FULL)
		e = ENOSPC;
	if (!e)
		e = EIO;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return jrc_err_set(err, JRC_E_DB_LOCKED, NULL,
				   _("The database stayed busy for too long to copy it: back up again in a quiet moment."));
	return dir_write_failed(dir, e, err);
}

jrc_status backup_check_db(const char *path, int flags, jrc_backup_info *out, jrc_err *err)
{
	jrc_db *db;
	jrc_verify_report rep;
	jrc_status s;

	if ((s = db_open(path, flags, &db, err)) != JRC_OK)
		return s;
	s = audit_verify_report(db, &rep, err);
	if (s == JRC_OK) {
		snprintf(out->head, sizeof(out->head), "%s", rep.head);
		out->events = rep.events;
		out->cases = db_count(db, "cases");
	}
	db_close(db);
	return s;
}

static jrc_status write_head_file(const char *path, const jrc_backup_info *b, jrc_time now,
				  const char *dir, jrc_err *err)
{
	char at[32];
	FILE *f;
	int fd, e = 0;

	clock_format_utc(now, at);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return dir_write_failed(dir, errno, err);
	if (!(f = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		return dir_write_failed(dir, e, err);
	}
	fprintf(f, "# jrc backup record: what the backup beside this file held when it was checked.\n"
		"head %s\nevents %" PRId64 "\ncases %" PRId64 "\nsha256 %s\nbytes %" PRId64
		"\nwritten %s\n", b->head, b->events, b->cases, b->sha256, b->bytes, at);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0)
		e = errno ? errno : EIO;
	if (fclose(f) != 0 && !e)
		e = errno ? errno : EIO;
	return e ? dir_write_failed(dir, e, err) : JRC_OK;
}

/* Page 1 says "WAL" when copied from a WAL database; a backup is one
 * self-contained file, so it is switched back to a rollback journal. */
static int make_single_file(const char *path)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

jrc_status backup_write(jrc_db *db, const char *dir, jrc_time now, jrc_backup_info *out,
			jrc_err *err)
{
	char base[64], part[4200], head_part[4300];
	struct stat sb;
	struct tm tm;
	time_t tt = (time_t)now;
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	jrc_status s;
	int fd = -1, rc;

	memset(out, 0, sizeof(*out));
	if (db_is_server(db))
		return jrc_err_set(err, JRC_E_USAGE, NULL, "%s",
				   _("This database is on a PostgreSQL server, which is backed up on the server itself: use pg_basebackup (a copy of the whole server) or pg_dump, as the README's county section shows."));
	if (stat(dir, &sb) != 0)
		return dir_write_failed(dir, errno, err);
	if (!S_ISDIR(sb.st_mode))
		return jrc_err_set(err, JRC_E_USAGE, NULL,
				   _("%s is not a folder: give the folder the backups go in."), dir);
	localtime_r(&tt, &tm);
	strftime(base, sizeof(base), "jrc-%Y%m%d-%H%M%S", &tm);
	/* Two backups in one second get -2, -3 ...: never one over another. */
	for (int k = 1; k < 100 && fd < 0; k++) {
		char suffix[8] = "";

		if (k > 1)
			snprintf(suffix, sizeof(suffix), "-%d", k);
		snprintf(out->path, sizeof(out->path), "%s/%s%s.db", dir, base, suffix);
		snprintf(part, sizeof(part), "%s/.%s%s.db.part", dir, base, suffix);
		if (lstat(out->path, &sb) == 0)
			continue;
		fd = open(part, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return dir_write_failed(dir, errno, err);
	}
	if (fd < 0)
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("There are already 99 backups named for this second in %s: wait a second and back up again."),
				   dir);
	close(fd);
	snprintf(out->head_path, sizeof(out->head_path), "%s.head", out->path);
	snprintf(head_part, sizeof(head_part), "%s.head.part", part);

	/* One step copies every page under one read transaction: a snapshot
	 * as of one moment, and in WAL mode the kiosks' writes go on. */
	rc = sqlite3_open_v2(part, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		if (!(b = sqlite3_backup_init(dst, "main", db_handle(db), "main"))) {
			rc = sqlite3_errcode(dst);
		} else {
			rc = sqlite3_backup_step(b, -1);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
			if (sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_OK)
				rc = sqlite3_errcode(dst);
		}
	}
	if (rc != SQLITE_OK) {
		s = copy_failed(dst, dir, rc, err);
		sqlite3_close(dst);
		goto fail;
	}
	sqlite3_close(dst);
	if ((rc = make_single_file(part)) != SQLITE_OK) {
		s = copy_failed(NULL, dir, rc, err);
		goto fail;
	}
	if (backup_sync_file(part) != 0) {
		s = dir_write_failed(dir, errno, err);
		goto fail;
	}
	/* Checked as written: a copy that fails here never counts as a backup. */
	if ((s = backup_check_db(part, JRC_DB_READONLY, out, err)) != JRC_OK) {
		jrc_err inner = *err;

		s = jrc_err_set(err, s, NULL,
				_("The copy just written did not check out (%s): nothing was kept; check the database with 'jrc verify' and the disk, then back up again."),
				inner.msg);
		goto fail;
	}
	if (backup_file_sha256(part, out->sha256, &out->bytes) != 0) {
		s = dir_write_failed(dir, errno, err);
		goto fail;
	}
	if ((s = write_head_file(head_part, out, now, dir, err)) != JRC_OK)
		goto fail;
	if (rename(part, out->path) != 0 || rename(head_part, out->head_path) != 0) {
		s = dir_write_failed(dir, errno, err);
		unlink(out->path);
		goto fail;
	}
	backup_sync_dir(dir);
	out->has_head_file = 1;
	return JRC_OK;
fail:
	unlink(part);
	unlink(head_part);
	{
		char j[4300];

		snprintf(j, sizeof(j), "%s-journal", part);
		unlink(j);
	}
	return s;
}

/* Read PATH.head: the recorded head and sha256; 0, 1 when there is no
 * such file, -1 when it cannot be read or makes no sense. */
static int read_head_file(const char *path, char head[65], char sha[65])
{
	FILE *f = fopen(path, "re");
	char line[256], k[16], v[80];

	*head = *sha = '\0';
	if (!f)
		return errno == ENOENT ? 1 : -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%15s %79s", k, v) != 2)
			continue;
		if (strcmp(k, "head") == 0 && strlen(v) == 64)
			memcpy(head, v, 65);
		else if (strcmp(k, "sha256") == 0 && strlen(v) == 64)
			memcpy(sha, v, 65);
	}
	fclose(f);
	return *head && *sha ? 0 : -1;
}

jrc_status backup_check(const char *path, jrc_backup_info *out, jrc_err *err)
{
	char want_head[65], want_sha[65];
	struct stat sb;
	jrc_status s;
	int h;

	memset(out, 0, sizeof(*out));
	snprintf(out->path, sizeof(out->path), "%s", path);
	snprintf(out->head_path, sizeof(out->head_path), "%s.head", path);
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return jrc_err_set(err, JRC_E_NOT_FOUND, NULL,
				   _("There is no backup file %s: give the path of a jrc-*.db file from the backup folder."),
				   path);
	if (backup_file_sha256(path, out->sha256, &out->bytes) != 0)
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The backup %s could not be read (%s): check its permissions."), path,
				   strerror(errno));
	h = read_head_file(out->head_path, want_head, want_sha);
	if (h < 0)
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("The record beside the backup (%s) cannot be read: choose another backup."),
				   out->head_path);
	if (h == 0 && strcmp(want_sha, out->sha256) != 0)
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("The backup %s is not the file that was checked when it was written (its SHA-256 differs from %s): it was damaged or altered; choose another backup."),
				   path, out->head_path);
	s = backup_check_db(path, JRC_DB_READONLY, out, err);
	if (s != JRC_OK) {
		jrc_err inner = *err;

		return jrc_err_set(err, s == JRC_E_TAMPERED ? JRC_E_TAMPERED : s, NULL,
				   _("The backup %s does not check out: %s"), path, inner.msg);
	}
	if (h == 0 && strcmp(want_head, out->head) != 0)
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("The chain head of the backup %s differs from the one recorded in %s: choose another backup."),
				   path, out->head_path);
	out->has_head_file = h == 0;
	return JRC_OK;
}

/* ---------------------------------------------------------------- keeping */

struct found {
	char *name;
	int ymd, hms, n;   /* from jrc-YYYYMMDD-HHMMSS[-N].db */
	int keep;
};

/* 1 if name is one backup_write gives, filling f. */
static int parse_name(const char *name, struct found *f)
{
	int ymd, hms, n = 1, used = 0;
	char tail[8];

	if (strncmp(name, "jrc-", 4) != 0 || strlen(name) < 22 ||
	    strspn(name + 4, "0123456789") != 8 || name[12] != '-' ||
	    strspn(name + 13, "0123456789") != 6)
		return 0;
	if (sscanf(name, "jrc-%8d-%6d%n", &ymd, &hms, &used) != 2)
		return 0;
	if (name[used] == '-') {
		if (sscanf(name + used, "-%d%7s", &n, tail) != 2 || n < 2 || strcmp(tail, ".db") != 0)
			return 0;
	} else if (strcmp(name + used, ".db") != 0) {
		return 0;
	}
	f->ymd = ymd;
	f->hms = hms;
	f->n = n;
	return 1;
}

static int found_newest_first(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->ymd != y->ymd)
		return x->ymd < y->ymd ? 1 : -1;
	if (x->hms != y->hms)
		return x->hms < y->hms ? 1 : -1;
	return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

/* The period a backup falls in, for each keep rule. */
static long period(const struct found *f, int rule)
{
	jrc_date d = { f->ymd / 10000, f->ymd / 100 % 100, f->ymd % 100 };

	switch (rule) {
	case 0: return f->ymd;
	case 1: {
		/* The Monday that starts its ISO week. */
		jrc_date mon = date_add_days(d, -((date_weekday(d) + 6) % 7));

		return (long)mon.y * 10000 + mon.m * 100 + mon.d;
	}
	default: return (long)d.y * 100 + d.m;
	}
}

jrc_status backup_prune(const char *dir, const jrc_backup_keep *keep, const char *keep_path,
			jrc_backup_list *removed, jrc_err *err)
{
	DIR *d;
	struct dirent *e;
	struct found *v = NULL;
	size_t n = 0, cap = 0;
	const int limits[3] = { keep->daily, keep->weekly, keep->monthly };
	const char *keep_name = keep_path ? strrchr(keep_path, '/') : NULL;
	jrc_status s = JRC_OK;
	int failed_errno = 0;
	char failed[4200] = "";

	removed->paths = NULL;
	removed->n = 0;
	keep_name = keep_name ? keep_name + 1 : keep_path;
	if (!(d = opendir(dir)))
		return dir_write_failed(dir, errno, err);
	while ((e = readdir(d))) {
		struct found f = { 0 };

		if (!parse_name(e->d_name, &f))
			continue;
		if (n == cap) {
			struct found *nv = realloc(v, (cap = cap ? 2 * cap : 64) * sizeof(*v));

			if (!nv) {
				s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
				goto out;
			}
			v = nv;
		}
		if (!(f.name = strdup(e->d_name))) {
			s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			goto out;
		}
		v[n++] = f;
	}
	qsort(v, n, sizeof(*v), found_newest_first);
	for (int rule = 0; rule < 3; rule++) {
		long last = -1;
		int kept = 0;

		for (size_t i = 0; i < n && kept < limits[rule]; i++) {
			long p = period(&v[i], rule);

			if (p == last)
				continue;
			v[i].keep = 1;
			last = p;
			kept++;
		}
	}
	if (!(removed->paths = calloc(n ? n : 1, sizeof(char *)))) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char path[4200], head[4300];

		if (v[i].keep || (keep_name && strcmp(v[i].name, keep_name) == 0))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, v[i].name);
		snprintf(head, sizeof(head), "%s.head", path);
		if (unlink(path) != 0 && errno != ENOENT) {
			failed_errno = errno;
			snprintf(failed, sizeof(failed), "%s", path);
			continue;
		}
		unlink(head);
		if ((removed->paths[removed->n] = strdup(path)))
			removed->n++;
	}
	if (*failed)
		s = jrc_err_set(err, JRC_E_IO, NULL,
				_("The old backup %s could not be removed (%s): remove it by hand or fix the folder's permissions."),
				failed, strerror(failed_errno));
out:
	closedir(d);
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	return s;
}
