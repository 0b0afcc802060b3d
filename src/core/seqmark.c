/* The receipt-number mark beside the database (see jrc/seqmark.h).
 *
 * One line per block of numbers, "SITE YYMMDD LAST", LAST the end of the
 * block now being handed out, appended and synced before the filing that
 * opens the block commits: the line is on disk before any receipt of the
 * block can be printed.  One sync per block rather than per filing keeps
 * filing as fast as it was (the database's own sync dominates).  Lines are
 * appended with O_APPEND, and filings already take turns on the database's
 * write lock, so writers never interleave.  A block reserved by a filing
 * that then rolled back, or cut short by a restore, is only a gap. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"
#include "jrc/i18n.h"
#include "jrc/receipt.h"
#include "jrc/seqmark.h"

int seqmark_path_for(const char *db_path, char *out, size_t size)
{
	int n = snprintf(out, size, "%s.seq", db_path);

	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* The last number of seq's block. */
static long seqmark_block_end(long seq)
{
	return (seq + JRC_SEQMARK_BLOCK - 1) / JRC_SEQMARK_BLOCK * JRC_SEQMARK_BLOCK;
}

static jrc_status write_failed(const char *path, int e, jrc_err *err)
{
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return jrc_err_set(err, JRC_E_DB_FULL, NULL, NULL);
	return jrc_err_set(err, JRC_E_IO, NULL,
			   _("The receipt-number mark %s could not be written (%s): make the database's folder writable for the user jrc runs as; nothing was filed."),
			   path, strerror(e));
}

jrc_status seqmark_note(jrc_db *db, const char *site, const char *day, long seq,
			jrc_err *err)
{
	/* "" on a server, whose numbers are safe in its own log. */
	const char *dbfile = db_file_name(db);
	char path[4200], line[64];
	struct stat db_st;
	int fd, n, e;

	if (!dbfile || !*dbfile)
		return JRC_OK;
	if (seqmark_path_for(dbfile, path, sizeof(path)) != 0)
		return jrc_err_set(err, JRC_E_IO, NULL, _("The database path is too long."));
	/* Inside a block already reserved: nothing to write. */
	if (seq % JRC_SEQMARK_BLOCK != 1 && access(path, F_OK) == 0)
		return JRC_OK;
	n = snprintf(line, sizeof(line), "%s %s %ld\n", site, day, seqmark_block_end(seq));
	if (n <= 0 || (size_t)n >= sizeof(line))
		return jrc_err_set(err, JRC_E_INVALID, NULL, NULL);
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return write_failed(path, errno, err);
	/* root filing by hand must not leave a file the kiosks (running as
	 * the database's owner) can no longer append to. */
	if (geteuid() == 0 && stat(dbfile, &db_st) == 0 &&
	    fchown(fd, db_st.st_uid, db_st.st_gid) != 0) {
		/* best effort: the file stays root's */
	}
	if (write(fd, line, (size_t)n) != n || fdatasync(fd) != 0) {
		e = errno ? errno : EIO;
		close(fd);
		return write_failed(path, e, err);
	}
	if (close(fd) != 0)
		return write_failed(path, errno, err);
	return JRC_OK;
}

struct mark {
	char site[8], day[8];
	long seq;
};

struct marks {
	struct mark *v;
	size_t n, cap;
};

static int marks_add(struct marks *m, const char *site, const char *day, long seq)
{
	if (!receipt_site_valid(site) || strlen(day) != 6 || strspn(day, "0123456789") != 6 ||
	    seq < 1)
		return 0;       /* a torn or foreign line: skip it */
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 256;
		struct mark *v = realloc(m->v, cap * sizeof(*v));

		if (!v)
			return -1;
		m->v = v;
		m->cap = cap;
	}
	snprintf(m->v[m->n].site, sizeof(m->v[m->n].site), "%s", site);
	snprintf(m->v[m->n].day, sizeof(m->v[m->n].day), "%s", day);
	m->v[m->n].seq = seq;
	m->n++;
	return 0;
}

static int read_mark_file(const char *path, struct marks *m)
{
	FILE *f = fopen(path, "re");
	char line[128], site[8], day[8];
	long seq;
	int rc = 0;

	if (!f)
		return errno == ENOENT ? 0 : -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%7s %7s %ld", site, day, &seq) == 3 &&
		    marks_add(m, site, day, seq) != 0) {
			rc = -1;
			break;
		}
	}
	fclose(f);
	return rc;
}

/* What the other (damaged) database still says; anything unreadable is
 * simply not there. */
static void read_other_db(const char *path, struct marks *m)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;

	if (!path || stat(path, &sb) != 0)
		return;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "SELECT site, day, last FROM day_seq", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *s = sqlite3_column_text(st, 0), *d = sqlite3_column_text(st, 1);

			if (s && d && marks_add(m, (const char *)s, (const char *)d,
						(long)sqlite3_column_int64(st, 2)) != 0)
				break;
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static int mark_cmp(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;
	int c = strcmp(x->site, y->site);

	if (!c)
		c = strcmp(x->day, y->day);
	if (!c)
		c = x->seq < y->seq ? 1 : x->seq > y->seq ? -1 : 0;  /* highest first */
	return c;
}

jrc_status seqmark_raise(jrc_db *db, const char *mark_path, const char *other_db,
			 jrc_seq_raise **out, size_t *n, jrc_err *err)
{
	struct marks m = { 0 };
	jrc_seq_raise *raises = NULL;
	size_t nr = 0;
	db_stmt *get = NULL, *put = NULL;
	jrc_status s = JRC_OK;
	int rc;

	*out = NULL;
	*n = 0;
	if (mark_path && read_mark_file(mark_path, &m) != 0) {
		free(m.v);
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The receipt-number mark %s could not be read (%s): make it readable and restore again."),
				   mark_path, strerror(errno));
	}
	read_other_db(other_db, &m);
	if (!m.n)
		return JRC_OK;
	qsort(m.v, m.n, sizeof(*m.v), mark_cmp);
	if (!(raises = calloc(m.n, sizeof(*raises)))) {
		free(m.v);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	if ((s = db_begin(db, err)) != JRC_OK)
		goto out;
	if ((s = db_prepare(db, "SELECT last FROM day_seq WHERE site = ? AND day = ?", &get, err)) ||
	    (s = db_prepare(db, "INSERT INTO day_seq(site, day, last) VALUES (?, ?, ?)"
			    " ON CONFLICT(site, day) DO UPDATE SET last = excluded.last", &put, err)))
		goto fail;
	for (size_t i = 0; i < m.n; i++) {
		long have = 0;

		/* Sorted highest first: only the first of each site and day counts. */
		if (i && strcmp(m.v[i].site, m.v[i - 1].site) == 0 &&
		    strcmp(m.v[i].day, m.v[i - 1].day) == 0)
			continue;
		db_bind_text(db, get, 1, m.v[i].site);
		db_bind_text(db, get, 2, m.v[i].day);
		rc = db_step(db, get);
		if (rc == SQLITE_ROW)
			have = (long)db_col_int64(get, 0);
		else if (rc != SQLITE_DONE) {
			s = db_fail(db, rc, err);
			goto fail;
		}
		db_release(get);
		/* The damaged file's own count may end inside a block whose
		 * reservation line was lost with it: to the block's end. */
		m.v[i].seq = seqmark_block_end(m.v[i].seq);
		if (have >= m.v[i].seq)
			continue;
		db_bind_text(db, put, 1, m.v[i].site);
		db_bind_text(db, put, 2, m.v[i].day);
		db_bind_int64(put, 3, m.v[i].seq);
		rc = db_step(db, put);
		db_release(put);
		if (rc != SQLITE_DONE) {
			s = db_fail(db, rc, err);
			goto fail;
		}
		snprintf(raises[nr].site, sizeof(raises[nr].site), "%s", m.v[i].site);
		snprintf(raises[nr].day, sizeof(raises[nr].day), "%s", m.v[i].day);
		raises[nr].from = have;
		raises[nr].to = m.v[i].seq;
		nr++;
	}
	db_finalize(get);
	db_finalize(put);
	get = put = NULL;
	if ((s = db_commit(db, err)) != JRC_OK)
		goto out;
	*out = raises;
	*n = nr;
	raises = NULL;
	goto out;
fail:
	db_finalize(get);
	db_finalize(put);
	db_rollback(db);
out:
	free(raises);
	free(m.v);
	return s;
}
