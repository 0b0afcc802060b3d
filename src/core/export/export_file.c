/* The export's files: requests.json and services.json (Open311 GeoReport
 * v2) and the CSV for spreadsheets.  Each file is written under a
 * temporary name beside its place and renamed into it only when whole. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"
#include "export_internal.h"
#include "jrc/fault.h"
#include "jrc/i18n.h"

/* A file on its way to its place. */
typedef struct tmpfile_out {
	FILE *f;
	char tmp[PATH_MAX], final[PATH_MAX];
} tmpfile_out;

static jrc_status io_fail(const char *path, int e, jrc_err *err)
{
	return jrc_err_set(err, JRC_E_IO, "output",
			   _("cannot write %s: %s: give -o a place you may write to, with room on its disk"),
			   path, strerror(e));
}

/* The database itself is never the target of an export. */
static jrc_status not_the_database(jrc_db *db, const char *path, jrc_err *err)
{
	const char *dbf = db_file_name(db);
	struct stat a, b;

	if (*dbf && stat(path, &a) == 0 && stat(dbf, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino)
		return jrc_err_set(err, JRC_E_INVALID, "output",
				   _("%s is the database: give -o another name"), path);
	return JRC_OK;
}

static jrc_status tmp_open(tmpfile_out *t, const char *dir, const char *name, jrc_err *err)
{
	int fd;

	t->f = NULL;
	t->tmp[0] = '\0';
	if (snprintf(t->final, sizeof(t->final), "%s%s%s", dir ? dir : "", dir ? "/" : "",
		     name) >= (int)sizeof(t->final))
		return io_fail(name, ENAMETOOLONG, err);
	/* Beside the final name, so the rename stays on one file system. */
	{
		const char *slash = strrchr(t->final, '/');
		int head = slash ? (int)(slash - t->final + 1) : 0;

		if (snprintf(t->tmp, sizeof(t->tmp), "%.*s.%s.XXXXXX", head, t->final,
			     t->final + head) >= (int)sizeof(t->tmp)) {
			t->tmp[0] = '\0';
			return io_fail(t->final, ENAMETOOLONG, err);
		}
	}
	fd = mkstemp(t->tmp);
	if (fd < 0) {
		int e = errno;

		t->tmp[0] = '\0';
		return io_fail(t->final, e, err);
	}
	/* Open data: readable by all, as a file the user would have made. */
	fchmod(fd, 0644);
	t->f = fdopen(fd, "w");
	if (!t->f) {
		int e = errno;

		close(fd);
		unlink(t->tmp);
		t->tmp[0] = '\0';
		return io_fail(t->final, e, err);
	}
	return JRC_OK;
}

/* Flush, sync and close; the file stays under its temporary name. */
static jrc_status tmp_close(tmpfile_out *t, jrc_err *err)
{
	int bad = fflush(t->f) != 0 || ferror(t->f) || fsync(fileno(t->f)) != 0;
	int e = errno;

	if (fclose(t->f) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	t->f = NULL;
	return bad ? io_fail(t->final, e ? e : EIO, err) : JRC_OK;
}

static jrc_status tmp_commit(tmpfile_out *t, jrc_err *err)
{
	if (rename(t->tmp, t->final) != 0)
		return io_fail(t->final, errno, err);
	t->tmp[0] = '\0';
	return JRC_OK;
}

static void tmp_abort(tmpfile_out *t)
{
	if (t->f)
		fclose(t->f);
	t->f = NULL;
	if (t->tmp[0])
		unlink(t->tmp);
	t->tmp[0] = '\0';
}

/* mkdir -p. */
static jrc_status make_dir(const char *dir, jrc_err *err)
{
	char path[PATH_MAX];
	struct stat sb;
	size_t len = strlen(dir);

	if (len == 0 || len >= sizeof(path))
		return io_fail(dir, len ? ENAMETOOLONG : ENOENT, err);
	memcpy(path, dir, len + 1);
	for (size_t i = 1; i <= len; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			return io_fail(dir, errno, err);
		path[i] = i < len ? '/' : '\0';
	}
	if (stat(dir, &sb) != 0)
		return io_fail(dir, errno, err);
	if (!S_ISDIR(sb.st_mode))
		return jrc_err_set(err, JRC_E_INVALID, "output",
				   _("%s is not a folder: give -o a folder for the Open311 files"), dir);
	return JRC_OK;
}

/* ------------------------------------------------------------ JSON */

/* A JSON string, or null for NULL. */
static void json_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_member(FILE *f, int first, const char *key, const char *value)
{
	fprintf(f, "%s\"%s\":", first ? "" : ",", key);
	json_string(f, value);
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

typedef struct json_list {
	FILE *f;
	long n;
} json_list;

static jrc_status service_json(const export_service *s, void *arg, jrc_err *err)
{
	json_list *l = arg;
	FILE *f = l->f;

	(void)err;
	fputs(l->n++ ? ",\n{" : "\n{", f);
	json_member(f, 1, "service_code", s->code);
	json_member(f, 0, "service_name", s->name);
	json_member(f, 0, "description", s->description);
	fputs(",\"metadata\":false,\"type\":\"realtime\"", f);
	json_member(f, 0, "keywords", s->keywords);
	json_member(f, 0, "group", s->group);
	fputc('}', f);
	return JRC_OK;
}

static jrc_status request_json(const jrc_export_request *r, void *arg, jrc_err *err)
{
	json_list *l = arg;
	FILE *f = l->f;

	(void)err;
	fputs(l->n++ ? ",\n{" : "\n{", f);
	json_member(f, 1, "service_request_id", r->service_request_id);
	json_member(f, 0, "status", r->closed ? "closed" : "open");
	json_member(f, 0, "status_notes", r->status_notes);
	json_member(f, 0, "service_name", r->service_name);
	json_member(f, 0, "service_code", r->service_code);
	json_member(f, 0, "description", r->description);
	json_member(f, 0, "agency_responsible", r->agency_responsible);
	json_member(f, 0, "service_notice", r->service_notice);
	json_member(f, 0, "requested_datetime", r->requested_datetime);
	json_member(f, 0, "updated_datetime", r->updated_datetime);
	json_member(f, 0, "expected_datetime", or_null(r->expected_datetime));
	json_member(f, 0, "address", r->address);
	json_member(f, 0, "address_id", r->address_id);
	fputs(",\"zipcode\":null,\"lat\":null,\"long\":null,\"media_url\":null}", f);
	return ferror(f) || fault_inject("export_write") ? JRC_E_IO : JRC_OK;
}

jrc_status export_open311(jrc_db *db, const char *dir, const jrc_export_opts *o, long *n,
			  jrc_err *err)
{
	tmpfile_out svc = { 0 }, req = { 0 };
	json_list l;
	jrc_lang was = i18n_get();
	jrc_status s;

	if (n)
		*n = 0;
	if ((s = export_check_period(o->from, o->to, err)) != JRC_OK)
		return s;
	if ((s = make_dir(dir, err)) != JRC_OK)
		return s;
	if ((s = tmp_open(&svc, dir, "services.json", err)) != JRC_OK)
		return s;
	if ((s = not_the_database(db, svc.final, err)) != JRC_OK ||
	    (s = tmp_open(&req, dir, "requests.json", err)) != JRC_OK ||
	    (s = not_the_database(db, req.final, err)) != JRC_OK)
		goto fail;

	i18n_set(o->lang);
	l.f = svc.f;
	l.n = 0;
	fputc('[', svc.f);
	s = export_services(db, service_json, &l, err);
	fputs("\n]\n", svc.f);
	i18n_set(was);
	if (s != JRC_OK || (s = tmp_close(&svc, err)) != JRC_OK)
		goto fail;

	l.f = req.f;
	l.n = 0;
	fputc('[', req.f);
	s = export_requests(db, o, request_json, &l, n, err);
	if (s == JRC_E_IO)
		s = io_fail(req.final, ferror(req.f) && errno ? errno : ENOSPC, err);
	fputs(l.n ? "\n]\n" : "]\n", req.f);
	if (s != JRC_OK || (s = tmp_close(&req, err)) != JRC_OK)
		goto fail;
	if ((s = tmp_commit(&svc, err)) != JRC_OK || (s = tmp_commit(&req, err)) != JRC_OK)
		goto fail;
	return JRC_OK;
fail:
	tmp_abort(&svc);
	tmp_abort(&req);
	return s;
}

/* ------------------------------------------------------------ CSV */

/* An RFC 4180 field: quoted when it holds a comma, a quote or a line
 * break.  A text a spreadsheet would take for a formula gets a ' first. */
static void csv_field(FILE *f, int first, const char *s)
{
	int formula;

	if (!first)
		fputc(',', f);
	if (!s)
		return;
	formula = *s && strchr("=+-@", *s);
	if (formula || strpbrk(s, ",\"\r\n")) {
		fputc('"', f);
		if (formula)
			fputc('\'', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
}

static jrc_status request_csv(const jrc_export_request *r, void *arg, jrc_err *err)
{
	FILE *f = arg;

	(void)err;
	csv_field(f, 1, r->service_request_id);
	csv_field(f, 0, r->closed ? "closed" : "open");
	csv_field(f, 0, r->status_notes);
	csv_field(f, 0, r->service_code);
	csv_field(f, 0, r->service_name);
	csv_field(f, 0, r->agency_responsible);
	csv_field(f, 0, r->service_notice);
	csv_field(f, 0, r->requested_datetime);
	csv_field(f, 0, r->updated_datetime);
	csv_field(f, 0, r->expected_datetime);
	csv_field(f, 0, r->address);
	csv_field(f, 0, r->address_id);
	csv_field(f, 0, r->description);
	fputs("\r\n", f);
	/* JRC_FAULT=export_write: the disk fills up after the first row. */
	return ferror(f) || fault_inject("export_write") ? JRC_E_IO : JRC_OK;
}

jrc_status export_csv(jrc_db *db, const char *file, const jrc_export_opts *o, long *n,
		      jrc_err *err)
{
	static const char *const header =
		"service_request_id,status,status_notes,service_code,service_name,"
		"agency_responsible,service_notice,requested_datetime,updated_datetime,"
		"expected_datetime,address,address_id,description\r\n";
	tmpfile_out out = { 0 };
	struct stat sb;
	jrc_status s;

	if (n)
		*n = 0;
	if ((s = export_check_period(o->from, o->to, err)) != JRC_OK)
		return s;
	if (!*file || (stat(file, &sb) == 0 && S_ISDIR(sb.st_mode)))
		return jrc_err_set(err, JRC_E_INVALID, "output",
				   _("'%s' is a folder: give -o the name of the CSV file to write"),
				   file);
	if ((s = not_the_database(db, file, err)) != JRC_OK)
		return s;
	if ((s = tmp_open(&out, NULL, file, err)) != JRC_OK)
		return s;
	/* The BOM tells spreadsheets the file is UTF-8. */
	fputs("\xEF\xBB\xBF", out.f);
	fputs(header, out.f);
	s = export_requests(db, o, request_csv, out.f, n, err);
	if (s == JRC_E_IO)
		s = io_fail(file, ferror(out.f) && errno ? errno : ENOSPC, err);
	if (s != JRC_OK || (s = tmp_close(&out, err)) != JRC_OK ||
	    (s = tmp_commit(&out, err)) != JRC_OK) {
		tmp_abort(&out);
		return s;
	}
	return JRC_OK;
}
