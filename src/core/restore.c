/* Restoring a backup in place of the database, and who has it open. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup_internal.h"
#include "db_internal.h"
#include "jrc/i18n.h"

struct file_id {
	dev_t dev;
	ino_t ino;
	int valid;
};

static void holder_command(pid_t pid, char *out, size_t size)
{
	char path[64], buf[128];
	ssize_t r;
	int fd;

	*out = '\0';
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	r = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (r <= 0)
		return;
	buf[r] = '\0';
	for (ssize_t i = 0; i < r - 1; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	/* Only the program's own words: no control characters reach a terminal. */
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	snprintf(out, size, "%s", buf);
}

size_t backup_db_holders(const char *db_path, jrc_db_holder *out, size_t max)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct file_id ids[3] = { { 0 } };
	char path[4200];
	struct stat sb;
	DIR *proc;
	struct dirent *p;
	size_t found = 0;
	pid_t self = getpid();

	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s%s", db_path, suffix[i]);
		if (stat(path, &sb) == 0) {
			ids[i].dev = sb.st_dev;
			ids[i].ino = sb.st_ino;
			ids[i].valid = 1;
		}
	}
	if (!ids[0].valid && !ids[1].valid && !ids[2].valid)
		return 0;
	if (!(proc = opendir("/proc")))
		return 0;
	while ((p = readdir(proc))) {
		char fddir[64];
		DIR *fds;
		struct dirent *f;
		pid_t pid;
		int holds = 0;

		if (!isdigit((unsigned char)p->d_name[0]))
			continue;
		pid = (pid_t)strtol(p->d_name, NULL, 10);
		if (pid == self)
			continue;
		snprintf(fddir, sizeof(fddir), "/proc/%d/fd", (int)pid);
		if (!(fds = opendir(fddir)))
			continue;   /* gone, or another user's we may not look at */
		while (!holds && (f = readdir(fds))) {
			char fdpath[320];

			if (f->d_name[0] == '.')
				continue;
			snprintf(fdpath, sizeof(fdpath), "%s/%s", fddir, f->d_name);
			if (stat(fdpath, &sb) != 0)
				continue;
			for (int i = 0; i < 3; i++)
				if (ids[i].valid && sb.st_dev == ids[i].dev && sb.st_ino == ids[i].ino)
					holds = 1;
		}
		closedir(fds);
		if (!holds)
			continue;
		if (found < max) {
			out[found].pid = pid;
			holder_command(pid, out[found].command, sizeof(out[found].command));
		}
		found++;
	}
	closedir(proc);
	return found;
}

static jrc_status refuse_if_held(const char *db_path, jrc_err *err)
{
	jrc_db_holder h[4];
	size_t n = backup_db_holders(db_path, h, 4);

	if (!n)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_DB_LOCKED, NULL,
			   n == 1 ?
			   _("The database %s is open in process %d (%s): stop it (close the kiosk or desk, or wait for jrc-tick and jrc-backup to finish), then restore again. Nothing was changed.") :
			   _("The database %s is open in process %d (%s) and others: stop them (close the kiosks and desks, or wait for jrc-tick and jrc-backup to finish), then restore again. Nothing was changed."),
			   db_path, (int)h[0].pid, *h[0].command ? h[0].command : "?");
}

static int copy_file(const char *from, const char *to)
{
	char buf[65536];
	ssize_t r;
	int in, out, e = 0;

	if ((in = open(from, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if ((out = open(to, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600)) < 0) {
		e = errno;
		close(in);
		errno = e;
		return -1;
	}
	while ((r = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t w = 0, k; w < r; w += k) {
			if ((k = write(out, buf + w, (size_t)(r - w))) < 0) {
				e = errno;
				goto done;
			}
		}
	}
	if (r < 0)
		e = errno;
	else if (fsync(out) != 0)
		e = errno;
done:
	close(in);
	if (close(out) != 0 && !e)
		e = errno;
	if (e) {
		unlink(to);
		errno = e;
		return -1;
	}
	return 0;
}

void backup_restore_result_free(jrc_restore_result *r)
{
	free(r->raises);
	r->raises = NULL;
	r->nraises = 0;
}

static jrc_status restore_io(const char *what, int e, jrc_err *err)
{
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return jrc_err_set(err, JRC_E_DB_FULL, NULL,
				   _("There is no room beside the database for the restored copy (%s): free space there, then restore again. Nothing was changed."),
				   what);
	return jrc_err_set(err, JRC_E_IO, NULL,
			   _("The restore could not write %s (%s): check the folder and its permissions, then restore again. Nothing was changed."),
			   what, strerror(e));
}

/* Rename path+suffix to kept+suffix if it exists. */
static int move_aside(const char *path, const char *kept, const char *suffix)
{
	char from[4300], to[4300];

	snprintf(from, sizeof(from), "%s%s", path, suffix);
	snprintf(to, sizeof(to), "%s%s", kept, suffix);
	if (rename(from, to) != 0 && errno != ENOENT)
		return -1;
	return 0;
}

jrc_status backup_restore(const char *file, const char *db_path, jrc_time now,
			  jrc_restore_result *out, jrc_err *err)
{
	char tmp[4200], mark[4200], dir[4200], stamp[32], *slash;
	struct stat cur, sb;
	struct tm tm;
	time_t tt = (time_t)now;
	int have_cur;
	jrc_db *db;
	jrc_status s;

	memset(out, 0, sizeof(*out));
	if ((s = refuse_if_held(db_path, err)) != JRC_OK)
		return s;
	if ((s = backup_check(file, &out->backup, err)) != JRC_OK)
		return s;
	have_cur = stat(db_path, &cur) == 0;
	snprintf(dir, sizeof(dir), "%s", db_path);
	if ((slash = strrchr(dir, '/')))
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		snprintf(dir, sizeof(dir), ".");
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The database's folder %s is not there: create it (mode 0700), then restore again."),
				   dir);

	/* The copy is made ready beside the database (same filesystem, so
	 * the last step is one rename) and never touches the backup itself. */
	snprintf(tmp, sizeof(tmp), "%s.restoring", db_path);
	unlink(tmp);
	if (copy_file(file, tmp) != 0)
		return restore_io(tmp, errno, err);
	if ((s = db_open(tmp, 0, &db, err)) != JRC_OK)
		goto fail;
	/* The kept file is named by the site's local time, as backups are. */
	{
		char tz[64];
		jrc_err ignore = { 0 };

		if (db_setting_get(db, "timezone", NULL, tz, sizeof(tz), &ignore) == JRC_OK)
			clock_use_timezone(tz);
	}
	seqmark_path_for(db_path, mark, sizeof(mark));
	s = seqmark_raise(db, mark, have_cur ? db_path : NULL, &out->raises, &out->nraises, err);
	db_close(db);
	if (s != JRC_OK)
		goto fail;
	if (geteuid() == 0 && have_cur && chown(tmp, cur.st_uid, cur.st_gid) != 0) {
		s = restore_io(tmp, errno, err);
		goto fail;
	}
	/* Once more, right before the swap: whoever opened it meanwhile. */
	if ((s = refuse_if_held(db_path, err)) != JRC_OK)
		goto fail;
	if (have_cur) {
		localtime_r(&tt, &tm);
		strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
		snprintf(out->kept, sizeof(out->kept), "%s.before-restore-%s", db_path, stamp);
		for (int k = 2; lstat(out->kept, &sb) == 0 && k < 100; k++)
			snprintf(out->kept, sizeof(out->kept), "%s.before-restore-%s-%d", db_path,
				 stamp, k);
		/* The -wal may hold the last committed filings of the old file:
		 * it goes with it. */
		if (move_aside(db_path, out->kept, "-wal") != 0 ||
		    move_aside(db_path, out->kept, "-shm") != 0 ||
		    move_aside(db_path, out->kept, "") != 0) {
			s = restore_io(out->kept, errno, err);
			goto fail;
		}
	}
	if (rename(tmp, db_path) != 0) {
		s = restore_io(db_path, errno, err);
		goto fail;
	}
	backup_sync_dir(dir);
	return JRC_OK;
fail:
	unlink(tmp);
	{
		char side[4300];

		snprintf(side, sizeof(side), "%s-wal", tmp);
		unlink(side);
		snprintf(side, sizeof(side), "%s-shm", tmp);
		unlink(side);
	}
	backup_restore_result_free(out);
	return s;
}
