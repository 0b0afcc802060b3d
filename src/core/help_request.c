/* Help from staff: the wizard's draft kept for the front desk under a
 * queue ticket, claimed by a clerk, wiped when filed or when it expires.
 * The draft is the only personal data here: it never goes into an event,
 * and its row is deleted with secure_delete on, so the freed page is
 * zeroed and the typed text does not linger in the file. */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/help.h"
#include "jrc/i18n.h"
#include "jrc/queue.h"

/* ---------------------------------------------------------------- draft text */

typedef struct field {
	const char *key;
	size_t off, size;            /* size 0: an int */
} field;

#define TXT(k) { #k, offsetof(jrc_help_draft, k), sizeof(((jrc_help_draft *)0)->k) }
#define NUM(k) { #k, offsetof(jrc_help_draft, k), 0 }

static const field fields[] = {
	NUM(step), TXT(category), NUM(category_unsure), TXT(township), TXT(division),
	NUM(person), TXT(name), NUM(id_other), TXT(id_number), TXT(phone), TXT(text),
	TXT(outcome),
};

static int put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t c = (*len + n + 1) * 2;
		char *p = realloc(*buf, c);

		if (!p)
			return -1;
		*buf = p;
		*cap = c;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

jrc_status help_draft_encode(const jrc_help_draft *d, char **out, jrc_err *err)
{
	char *buf = NULL, num[32];
	size_t len = 0, cap = 0;
	int bad = 0;

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]) && !bad; i++) {
		const field *f = &fields[i];
		const char *p = (const char *)d + f->off;

		bad |= put(&buf, &len, &cap, f->key, strlen(f->key));
		bad |= put(&buf, &len, &cap, "=", 1);
		if (!f->size) {
			snprintf(num, sizeof(num), "%d", *(const int *)(const void *)p);
			bad |= put(&buf, &len, &cap, num, strlen(num));
		} else {
			/* Newlines and backslashes escaped: one line per field. */
			for (size_t k = 0; k < f->size && p[k] && !bad; k++) {
				if (p[k] == '\n')
					bad |= put(&buf, &len, &cap, "\\n", 2);
				else if (p[k] == '\\')
					bad |= put(&buf, &len, &cap, "\\\\", 2);
				else
					bad |= put(&buf, &len, &cap, p + k, 1);
			}
		}
		bad |= put(&buf, &len, &cap, "\n", 1);
	}
	if (bad) {
		free(buf);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	*out = buf;
	return JRC_OK;
}

jrc_status help_draft_decode(const char *s, jrc_help_draft *d, jrc_err *err)
{
	(void)err;
	memset(d, 0, sizeof(*d));
	while (s && *s) {
		const char *eol = strchr(s, '\n'), *eq = strchr(s, '=');
		size_t end = eol ? (size_t)(eol - s) : strlen(s);

		if (eq && (size_t)(eq - s) < end) {
			for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
				const field *f = &fields[i];
				char *p = (char *)d + f->off;
				const char *v = eq + 1, *ve = s + end;
				size_t k = 0;

				if (strlen(f->key) != (size_t)(eq - s) || strncmp(f->key, s, (size_t)(eq - s)))
					continue;
				if (!f->size) {
					*(int *)(void *)p = atoi(v);
					break;
				}
				for (; v < ve && k + 1 < f->size; v++) {
					if (*v == '\\' && v + 1 < ve) {
						v++;
						p[k++] = *v == 'n' ? '\n' : *v;
					} else {
						p[k++] = *v;
					}
				}
				p[k] = '\0';
				break;
			}
		}
		s = eol ? eol + 1 : s + end;
	}
	return JRC_OK;
}

/* ---------------------------------------------------------------- expiry */

jrc_status help_expiry_at(jrc_db *db, jrc_time now, jrc_time *out, jrc_err *err)
{
	char v[64];
	jrc_status s;

	if ((s = db_setting_get(db, "help_expiry", NULL, v, sizeof(v), err)) != JRC_OK)
		return s;
	if (strcmp(v, "end of day") == 0) {
		*out = clock_local_midnight(date_add_days(clock_local_date(now), 1));
		return JRC_OK;
	}
	*out = now + (jrc_time)atol(v) * 60;
	return JRC_OK;
}

/* ---------------------------------------------------------------- events */

static jrc_status event(jrc_db *db, const char *actor, const char *what, const char *ticket,
			int64_t case_id, jrc_err *err)
{
	jrc_event_in ev = { 0 };
	char note[96];

	/* The ticket and what happened to the draft: never its content. */
	snprintf(note, sizeof(note), "%s %s", what, ticket);
	ev.actor = actor ? actor : "cli";
	ev.kind = "help_request";
	ev.case_id = case_id;
	ev.note = note;
	return audit_append(db, &ev, NULL, NULL, err);
}

static void ticket_label(const char *grp, int number, char out[JRC_TICKET_LABEL_SIZE])
{
	snprintf(out, JRC_TICKET_LABEL_SIZE, "%s%03d", grp, number % 100000);
}

/* Delete one row with its page zeroed (the caller's transaction). */
static jrc_status wipe_row(jrc_db *db, int64_t id, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "DELETE FROM help_requests WHERE id = ?", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* ---------------------------------------------------------------- requests */

jrc_status help_request_create(jrc_db *db, const jrc_help_draft *d, const char *department,
			       const char *actor, jrc_ticket *ticket, int64_t *id, jrc_err *err)
{
	jrc_ticket_in in = { 0 };
	db_stmt *st;
	char *text = NULL, created[32], expires[32];
	jrc_time now = clock_now(), until;
	jrc_status s;
	int rc;

	if ((s = help_expiry_at(db, now, &until, err)) != JRC_OK ||
	    (s = help_draft_encode(d, &text, err)) != JRC_OK)
		return s;
	in.reason = "help";
	in.department = department && *department ? department : NULL;
	in.actor = actor;
	clock_format_utc(now, created);
	clock_format_utc(until, expires);
	/* The ticket and the draft behind it in one transaction: never a
	 * number called for a draft that is not there. */
	if ((s = db_begin(db, err)) != JRC_OK)
		goto out;
	if ((s = queue_take_in_tx(db, &in, ticket, err)) != JRC_OK)
		goto fail;
	if ((s = db_prepare(db, "INSERT INTO help_requests(ticket_id, draft, step, category,"
			    " created_at, expires_at) VALUES (?,?,?,?,?,?)", &st, err)))
		goto fail;
	db_bind_int64(st, 1, ticket->id);
	db_bind_text(db, st, 2, text);
	db_bind_int(st, 3, d->step);
	db_bind_text(db, st, 4, d->category_unsure || !d->category[0] ? "" : d->category);
	db_bind_text(db, st, 5, created);
	db_bind_text(db, st, 6, expires);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if (id)
		*id = db_last_id(db);
	if ((s = event(db, actor, "draft kept for ticket", ticket->label, 0, err)) != JRC_OK ||
	    (s = db_commit(db, err)) != JRC_OK)
		goto fail;
	goto out;
fail:
	db_rollback(db);
out:
	if (text) {
		memset(text, 0, strlen(text));
		free(text);
	}
	return s;
}

#define REQ_COLS "h.id, h.ticket_id, t.grp, t.number, h.created_at, h.expires_at," \
	" coalesce(h.claimed_at, ''), coalesce(h.claimed_by, ''), h.step, h.category"
#define REQ_FROM " FROM help_requests h JOIN tickets t ON t.id = h.ticket_id"

static void fill(db_stmt *st, jrc_help_request *r)
{
	char grp[2];

	memset(r, 0, sizeof(*r));
	r->id = db_col_int64(st, 0);
	r->ticket_id = db_col_int64(st, 1);
	db_col_copy(st, 2, grp, sizeof(grp));
	ticket_label(grp, db_col_int(st, 3), r->ticket);
	db_col_copy(st, 4, r->created_at, sizeof(r->created_at));
	db_col_copy(st, 5, r->expires_at, sizeof(r->expires_at));
	db_col_copy(st, 6, r->claimed_at, sizeof(r->claimed_at));
	db_col_copy(st, 7, r->claimed_by, sizeof(r->claimed_by));
	r->step = db_col_int(st, 8);
	db_col_copy(st, 9, r->category, sizeof(r->category));
}

jrc_status help_request_expire(jrc_db *db, long *wiped, jrc_err *err)
{
	db_stmt *st;
	char now[32];
	jrc_status s;
	long n = 0;
	int rc;

	if (wiped)
		*wiped = 0;
	clock_format_utc(clock_now(), now);
	/* Desks list every two seconds: no write transaction unless a draft
	 * is due. */
	if ((s = db_prepare(db, "SELECT 1 FROM help_requests WHERE expires_at <= ? LIMIT 1", &st, err)))
		return s;
	db_bind_text(db, st, 1, now);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc == DB_DONE)
		return JRC_OK;
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	db_secure_delete(db);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = db_prepare(db, "SELECT " REQ_COLS REQ_FROM " WHERE h.expires_at <= ? ORDER BY h.id",
			    &st, err)))
		goto fail;
	db_bind_text(db, st, 1, now);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_help_request r;

		fill(st, &r);
		if ((s = event(db, "system", "draft expired and wiped for ticket", r.ticket, 0, err)))
			break;
		n++;
	}
	db_finalize(st);
	if (s != JRC_OK)
		goto fail;
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if ((s = db_prepare(db, "DELETE FROM help_requests WHERE expires_at <= ?", &st, err)))
		goto fail;
	db_bind_text(db, st, 1, now);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if ((s = db_commit(db, err)) != JRC_OK)
		goto fail;
	if (wiped)
		*wiped = n;
	return JRC_OK;
fail:
	db_rollback(db);
	return s;
}

jrc_status help_request_list(jrc_db *db, jrc_help_request **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_help_request *v = NULL;
	size_t cnt = 0, cap = 0;
	jrc_status s;
	int rc;

	*out = NULL;
	*n = 0;
	/* A request waits in the hall's queue: none at another site's desk,
	 * whose staff never see a draft typed in the county hall. */
	if (!queue_at_hall(db))
		return JRC_OK;
	if ((s = help_request_expire(db, NULL, err)) != JRC_OK)
		return s;
	if ((s = db_prepare(db, "SELECT " REQ_COLS REQ_FROM " ORDER BY h.id", &st, err)))
		return s;
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (cnt == cap) {
			jrc_help_request *p = realloc(v, (cap = cap ? cap * 2 : 8) * sizeof(*v));

			if (!p) {
				db_finalize(st);
				free(v);
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			v = p;
		}
		fill(st, &v[cnt++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(v);
		return db_fail(db, rc, err);
	}
	*out = v;
	*n = cnt;
	return JRC_OK;
}

jrc_status help_request_of_ticket(jrc_db *db, int64_t ticket_id, jrc_help_request *out,
				  int *found, jrc_err *err)
{
	db_stmt *st;
	char now[32];
	jrc_status s;
	int rc;

	*found = 0;
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "SELECT " REQ_COLS REQ_FROM " WHERE h.ticket_id = ? AND h.expires_at > ?",
			    &st, err)))
		return s;
	db_bind_int64(st, 1, ticket_id);
	db_bind_text(db, st, 2, now);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		fill(st, out);
		*found = 1;
	}
	db_finalize(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status help_request_claim(jrc_db *db, int64_t id, const char *actor, jrc_help_draft *d,
			      jrc_err *err)
{
	db_stmt *st;
	jrc_help_request r;
	char now[32];
	char *text = NULL;
	jrc_status s;
	int rc, oom = 0;

	if (!queue_at_hall(db))
		return jrc_err_set(err, JRC_E_REFUSED, "site",
				   _("A request for help is taken up at the hall where it was asked, not at another site."));
	clock_format_utc(clock_now(), now);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = db_prepare(db, "SELECT " REQ_COLS ", h.draft" REQ_FROM
			    " WHERE h.id = ? AND h.expires_at > ?", &st, err)))
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(db, st, 2, now);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		fill(st, &r);
		text = db_col_strdup(st, 10, &oom);
	}
	db_finalize(st);
	if (rc == DB_DONE) {
		s = jrc_err_set(err, JRC_E_NOT_FOUND, NULL,
				_("This help request has expired or was filed already: start a new filing."));
		goto fail;
	}
	if (rc != DB_ROW || oom) {
		s = oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
		goto fail;
	}
	help_draft_decode(text, d, err);
	if ((s = db_prepare(db, "UPDATE help_requests SET claimed_at = ?, claimed_by = ? WHERE id = ?",
			    &st, err)))
		goto fail;
	db_bind_text(db, st, 1, now);
	db_bind_text(db, st, 2, actor ? actor : "cli");
	db_bind_int64(st, 3, id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if ((s = event(db, actor, "draft claimed for ticket", r.ticket, 0, err)) != JRC_OK ||
	    (s = db_commit(db, err)) != JRC_OK)
		goto fail;
	goto out;
fail:
	db_rollback(db);
	memset(d, 0, sizeof(*d));
out:
	if (text) {
		memset(text, 0, strlen(text));
		free(text);
	}
	return s;
}

jrc_status help_request_filed(jrc_db *db, int64_t id, int64_t case_id, const char *actor,
			      jrc_err *err)
{
	db_stmt *st;
	char label[JRC_TICKET_LABEL_SIZE] = "", grp[2] = "";
	jrc_status s;
	int rc;

	db_secure_delete(db);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = db_prepare(db, "SELECT t.grp, t.number" REQ_FROM " WHERE h.id = ?", &st, err)))
		goto fail;
	db_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, grp, sizeof(grp));
		ticket_label(grp, db_col_int(st, 1), label);
	}
	db_finalize(st);
	if (rc == DB_DONE) {
		/* Expired and wiped meanwhile: nothing left to wipe. */
		db_rollback(db);
		return JRC_OK;
	}
	if (rc != DB_ROW) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	if ((s = wipe_row(db, id, err)) != JRC_OK ||
	    (s = event(db, actor, "draft filed and wiped for ticket", label, case_id, err)) != JRC_OK ||
	    (s = db_commit(db, err)) != JRC_OK)
		goto fail;
	return JRC_OK;
fail:
	db_rollback(db);
	return s;
}
