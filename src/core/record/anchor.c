/* Daily anchors of the event chain (anchor.h). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_internal.h"
#include "jrc/anchor.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"

void anchor_line(const jrc_anchor *a, char out[JRC_ANCHOR_LINE_SIZE])
{
	snprintf(out, JRC_ANCHOR_LINE_SIZE, "JRC-ANCHOR %s %" PRId64 " %s", a->at, a->events,
		 a->hash);
}

jrc_status anchor_take(jrc_db *db, const char *actor, jrc_anchor *out, jrc_err *err)
{
	jrc_verify_report r;
	jrc_status s;
	db_stmt *st;
	int found, rc;

	memset(out, 0, sizeof(*out));
	if ((s = db_setting_get(db, "site_code", "PJ", out->site, sizeof(out->site), err)))
		return s;
	/* Hold the write lock, so the head does not move between the check
	 * and the record. */
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = audit_verify_report(db, &r, err)) != JRC_OK)
		goto fail;
	if (!r.keyed) {
		s = jrc_err_set(err, JRC_E_IO, NULL, "%s", r.key_problem);
		goto fail;
	}
	if ((s = audit_read_head(db, &out->events, out->hash, &found, err)) != JRC_OK)
		goto fail;
	clock_format_utc(clock_now(), out->at);
	if ((s = db_prepare(db, "INSERT INTO anchors(at, events, hash, actor) VALUES (?,?,?,?)",
			    &st, err)) != JRC_OK)
		goto fail;
	db_bind_text(db, st, 1, out->at);
	db_bind_int64(st, 2, out->events);
	db_bind_text(db, st, 3, out->hash);
	db_bind_text(db, st, 4, actor && *actor ? actor : "cli");
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	return db_commit(db, err);
fail:
	db_rollback(db);
	return s;
}

/* "JRC-ANCHOR at n hash": 0 when the line is one. */
static int parse_line(const char *line, jrc_anchor *a)
{
	char at[64], hash[80];
	long long n;
	int used = 0;
	size_t i;

	memset(a, 0, sizeof(*a));
	if (sscanf(line, "JRC-ANCHOR %63s %lld %79s%n", at, &n, hash, &used) != 3 || n < 0)
		return -1;
	if (strlen(hash) != 64 || strlen(at) >= sizeof(a->at))
		return -1;
	for (i = 0; i < 64; i++)
		if (!strchr("0123456789abcdef", hash[i]))
			return -1;
	snprintf(a->at, sizeof(a->at), "%s", at);
	snprintf(a->hash, sizeof(a->hash), "%s", hash);
	a->events = n;
	return 0;
}

jrc_status anchor_check_file(jrc_db *db, const char *path, jrc_verify_report *r,
			     int64_t *checked, jrc_err *err)
{
	FILE *f = fopen(path, "r");
	char line[512];
	long lineno = 0;
	jrc_status s = JRC_OK;
	jrc_anchor a;
	db_stmt *st;

	*checked = 0;
	if (!f) {
		int e = errno;

		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("Cannot read the anchors file %s (%s): give the file the anchor lines were kept in."),
				   path, strerror(e));
	}
	if ((s = db_prepare(db, "SELECT hash FROM events WHERE id = ?", &st, err)) != JRC_OK) {
		fclose(f);
		return s;
	}
	while (s == JRC_OK && fgets(line, sizeof(line), f)) {
		char *p = line, got[65] = "";
		int have, rc;

		lineno++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || *p == '\r' || !*p)
			continue;
		if (parse_line(p, &a) != 0) {
			s = jrc_err_set(err, JRC_E_INVALID, "anchors",
					_("Line %ld of %s is not an anchor: each line must be as 'jrc anchor' prints it (JRC-ANCHOR, the time, the number of events, the hash)."),
					lineno, path);
			break;
		}
		db_bind_int64(st, 1, a.events);
		rc = db_step(db, st);
		have = rc == DB_ROW;
		if (have)
			db_col_copy(st, 0, got, sizeof(got));
		db_reset(st);
		if (rc != DB_ROW && rc != DB_DONE) {
			s = db_fail(db, rc, err);
			break;
		}
		/* The anchor of an empty log names no event. */
		if (a.events == 0)
			continue;
		if ((s = audit_anchor_match(a.at, a.events, a.hash, have, got, r->events, r, err)))
			break;
		(*checked)++;
	}
	db_finalize(st);
	fclose(f);
	return s;
}
