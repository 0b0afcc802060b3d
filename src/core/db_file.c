/* The SQLite file on the disk: its folder made, it and its companions
 * removed, whether it can be written, and its read-only URI (db.c opens
 * it). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_file.h"
#include "jrc/i18n.h"

/* Create the parent directory (0750) if needed, like mkdir -p. */
int db_file_make_parent(const char *path)
{
	char buf[4096];
	char *slash;

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf))
		return -1;
	slash = strrchr(buf, '/');
	if (!slash || slash == buf)
		return 0;
	*slash = '\0';
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0750) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0750) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

/* Remove the database and its companions; -1 (errno set) if a name would
 * not fit, before anything is removed: a cut-off name could be another file. */
int db_file_remove(const char *path)
{
	static const char *const ext[] = { "-wal", "-shm", "-journal" };
	char buf[3][4200];

	for (int i = 0; i < 3; i++) {
		int n = snprintf(buf[i], sizeof(buf[i]), "%s%s", path, ext[i]);

		if (n < 0 || (size_t)n >= sizeof(buf[i])) {
			errno = ENAMETOOLONG;
			return -1;
		}
	}
	if (unlink(path) != 0 && errno != ENOENT)
		return -1;
	for (int i = 0; i < 3; i++)
		if (unlink(buf[i]) != 0 && errno != ENOENT)
			return -1;
	return 0;
}

/* Why the database cannot be written, as a sentence; 0 when it can.
 * SQLite writes the file and, in WAL mode, its -wal and -shm files beside
 * it, so the folder counts as well as the file. */
int db_file_write_problem(const char *path, char *why, size_t size)
{
	char dir[4096], *slash;
	int e;

	if (access(path, W_OK) != 0) {
		e = errno;
		if (e == EROFS)
			snprintf(why, size, _("The database %s cannot be written: it is on a read-only disk or mount, and this command changes the record. Mount it read-write, or use only commands that read (list, show, verify, stats)."),
				 path);
		else
			snprintf(why, size, _("The database file %s cannot be written by this user (%s): this command changes the record. Run it as the database's owner, or give the owner write permission (chmod u+w)."),
				 path, strerror(e));
		return 1;
	}
	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof(dir), ".");
	if (access(dir, W_OK | X_OK) != 0) {
		e = errno;
		snprintf(why, size, _("The folder %s of the database cannot be written (%s), and SQLite keeps its -wal and -shm files there: this command changes the record. Give the database's owner write permission on the folder."),
			 dir, strerror(e));
		return 1;
	}
	return 0;
}

/* "file:PATH?mode=ro" (with immutable=1 where nothing can be written, so
 * that SQLite does not try to make its -shm file), percent-encoded. */
int db_file_readonly_uri(const char *path, int immutable, char *out, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;

	n += (size_t)snprintf(out, size, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (n + 4 >= size)
			return -1;
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p)) {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	return snprintf(out + n, size - n, "?mode=ro%s", immutable ? "&immutable=1" : "") <
	       (int)(size - n) ? 0 : -1;
}

