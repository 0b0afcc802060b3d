/* The event log: every row carries SHA-256(previous hash, own content), so
 * changing, removing or slipping in a row breaks the chain from there on. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Length-prefixed fields, so that no two different rows hash alike. */
static int put_field(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char head[32];
	int h = s ? snprintf(head, sizeof(head), "%zu:", n) : snprintf(head, sizeof(head), "-:");

	if (*len + (size_t)h + n + 1 > *cap) {
		size_t nc = (*len + (size_t)h + n + 1) * 2;
		char *nb = realloc(*buf, nc);

		if (!nb)
			return -1;
		*buf = nb;
		*cap = nc;
	}
	memcpy(*buf + *len, head, (size_t)h);
	*len += (size_t)h;
	if (n)
		memcpy(*buf + *len, s, n);
	*len += n;
	return 0;
}

static int row_hash(const char *prev, int64_t id, const char *at, const char *actor,
		    const char *kind, int64_t case_id, const char *from, const char *to,
		    const char *note, char out[65])
{
	char *buf = NULL, num[2][24];
	size_t len = 0, cap = 0;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	int rc;

	snprintf(num[0], sizeof(num[0]), "%" PRId64, id);
	snprintf(num[1], sizeof(num[1]), "%" PRId64, case_id);
	if (put_field(&buf, &len, &cap, prev) || put_field(&buf, &len, &cap, num[0]) ||
	    put_field(&buf, &len, &cap, at) || put_field(&buf, &len, &cap, actor) ||
	    put_field(&buf, &len, &cap, kind) ||
	    put_field(&buf, &len, &cap, case_id ? num[1] : NULL) ||
	    put_field(&buf, &len, &cap, from) || put_field(&buf, &len, &cap, to) ||
	    put_field(&buf, &len, &cap, note)) {
		free(buf);
		return -1;
	}
	rc = EVP_Digest(buf, len, md, &mdlen, EVP_sha256(), NULL);
	free(buf);
	if (rc != 1 || mdlen != 32)
		return -1;
	for (unsigned i = 0; i < mdlen; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return 0;
}

static jrc_status append_locked(jrc_db *db, const jrc_event_in *ev, int64_t *id_out,
				char *hash_out, jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	char prev[65] = GENESIS, at[32], hash[65];
	int64_t id = 1;
	int rc;

	if ((s = db_prepare(db, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1", &st, err)))
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0) + 1;
		db_col_copy(st, 1, prev, sizeof(prev));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	clock_format_utc(ev->at ? ev->at : clock_now(), at);
	if (row_hash(prev, id, at, ev->actor, ev->kind, ev->case_id, ev->from_state,
		     ev->to_state, ev->note, hash) != 0)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if ((s = db_prepare(db, "INSERT INTO events(id, at, actor, kind, case_id, from_state,"
			    " to_state, note, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
			    &st, err)))
		return s;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, at);
	db_bind_text(st, 3, ev->actor);
	db_bind_text(st, 4, ev->kind);
	if (ev->case_id)
		sqlite3_bind_int64(st, 5, ev->case_id);
	db_bind_text(st, 6, ev->from_state);
	db_bind_text(st, 7, ev->to_state);
	db_bind_text(st, 8, ev->note);
	db_bind_text(st, 9, prev);
	db_bind_text(st, 10, hash);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	if (id_out)
		*id_out = id;
	if (hash_out)
		memcpy(hash_out, hash, 65);
	return JRC_OK;
}

jrc_status audit_append(jrc_db *db, const jrc_event_in *ev, int64_t *id, char *hash_out,
			jrc_err *err)
{
	jrc_status s;

	if (!sqlite3_get_autocommit(db_handle(db)))
		return append_locked(db, ev, id, hash_out, err);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = append_locked(db, ev, id, hash_out, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

static void fill_event(sqlite3_stmt *st, jrc_event *e, int *oom)
{
	memset(e, 0, sizeof(*e));
	e->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, e->at, sizeof(e->at));
	db_col_copy(st, 2, e->actor, sizeof(e->actor));
	db_col_copy(st, 3, e->kind, sizeof(e->kind));
	e->case_id = sqlite3_column_int64(st, 4);
	db_col_copy(st, 5, e->from_state, sizeof(e->from_state));
	db_col_copy(st, 6, e->to_state, sizeof(e->to_state));
	e->note = db_col_strdup(st, 7, oom);
	db_col_copy(st, 8, e->prev_hash, sizeof(e->prev_hash));
	db_col_copy(st, 9, e->hash, sizeof(e->hash));
}

jrc_status audit_case_events(jrc_db *db, int64_t case_id, jrc_event **out, size_t *n,
			     jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	size_t cap = 8;
	int rc = SQLITE_DONE, oom = 0;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT id, at, actor, kind, case_id, from_state, to_state, note,"
			    " prev_hash, hash FROM events WHERE case_id = ? ORDER BY id", &st, err)))
		return s;
	sqlite3_bind_int64(st, 1, case_id);
	*out = malloc(cap * sizeof(**out));
	if (!*out)
		oom = 1;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			jrc_event *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb) {
				oom = 1;
				break;
			}
			*out = nb;
		}
		fill_event(st, &(*out)[(*n)++], &oom);
	}
	sqlite3_finalize(st);
	if (oom || rc != SQLITE_DONE) {
		audit_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	return JRC_OK;
}

void audit_events_free(jrc_event *ev, size_t n)
{
	if (!ev)
		return;
	for (size_t i = 0; i < n; i++)
		free(ev[i].note);
	free(ev);
}

jrc_status audit_verify(jrc_db *db, int64_t *bad_id, jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s = JRC_OK;
	char prev[65] = GENESIS, hash[65];
	int rc, oom = 0;
	int64_t last_id = 0;

	*bad_id = 0;
	if ((s = db_prepare(db, "SELECT id, at, actor, kind, case_id, from_state, to_state, note,"
			    " prev_hash, hash FROM events ORDER BY id", &st, err)))
		return s;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		jrc_event e;

		fill_event(st, &e, &oom);
		if (oom) {
			free(e.note);
			s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			break;
		}
		if (row_hash(prev, e.id, e.at, sqlite3_column_text(st, 2) ? e.actor : NULL,
			     e.kind, e.case_id,
			     sqlite3_column_text(st, 5) ? e.from_state : NULL,
			     sqlite3_column_text(st, 6) ? e.to_state : NULL, e.note, hash) != 0) {
			free(e.note);
			s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			break;
		}
		if (strcmp(e.prev_hash, prev) != 0 || strcmp(e.hash, hash) != 0 ||
		    e.id != last_id + 1) {
			*bad_id = e.id;
			s = jrc_err_set(err, JRC_E_TAMPERED, NULL,
					_("The event record was altered at event %" PRId64
					  " (or just before it): report this to the supervisor and keep a copy of the database."),
					e.id);
			free(e.note);
			break;
		}
		memcpy(prev, e.hash, sizeof(prev));
		last_id = e.id;
		free(e.note);
	}
	if (s == JRC_OK && rc != SQLITE_DONE)
		s = db_fail(db, rc, err);
	sqlite3_finalize(st);
	return s;
}
