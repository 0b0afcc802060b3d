/* The event log: every row carries HMAC-SHA256(ledger key; previous hash,
 * own content, the rows it vouches for), so changing, removing or slipping
 * in a row breaks the chain from there on, and no one without the key can
 * mend it.  Rows written before schema version 2 carry plain SHA-256.
 * The chain head (last id and hash) is kept in audit_head as well, and new
 * rows chain to it rather than to whatever row is last: rows cut off the
 * end of the log stay visible as a gap forever after. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/hmac.h>
#include <nettle/sha2.h>

#include "audit_internal.h"
#include "jrc/ledger_key.h"
#include "jrc/i18n.h"

#define GENESIS AUDIT_GENESIS

typedef struct hbuf {
	char *p;
	size_t len, cap;
} hbuf;

/* Length-prefixed fields, so that no two different rows hash alike; a
 * NULL field ("-:") differs from an empty one ("0:"). */
static int put_field(hbuf *b, const char *s, size_t n)
{
	char head[32];
	int h = s ? snprintf(head, sizeof(head), "%zu:", n) : snprintf(head, sizeof(head), "-:");

	if (!s)
		n = 0;
	if (b->len + (size_t)h + n + 1 > b->cap) {
		size_t nc = (b->len + (size_t)h + n + 1) * 2;
		char *nb = realloc(b->p, nc);

		if (!nb)
			return -1;
		b->p = nb;
		b->cap = nc;
	}
	memcpy(b->p + b->len, head, (size_t)h);
	b->len += (size_t)h;
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	return 0;
}

static int put_str(hbuf *b, const char *s)
{
	return put_field(b, s, s ? strlen(s) : 0);
}

static int put_col(hbuf *b, db_stmt *st, int i)
{
	const char *t = db_col_text(st, i);

	return put_field(b, t, t ? (size_t)db_col_bytes(st, i) : 0);
}

static int put_int(hbuf *b, int64_t v)
{
	char num[24];

	snprintf(num, sizeof(num), "%" PRId64, v);
	return put_str(b, num);
}

/* key NULL: plain SHA-256 (scheme 1); else HMAC-SHA256 under it. */
static int digest_hex(hbuf *b, const unsigned char *key, char out[65])
{
	unsigned char md[SHA256_DIGEST_SIZE];

	/* Nettle rather than OpenSSL: loading libcrypto cost every jrc
	 * process 0.8 ms of start-up (BENCHMARKS.md, figure 3). */
	if (key) {
		struct hmac_sha256_ctx h;

		hmac_sha256_set_key(&h, JRC_LEDGER_KEY_SIZE, key);
		hmac_sha256_update(&h, b->len, (const uint8_t *)b->p);
		hmac_sha256_digest(&h, sizeof(md), md);
	} else {
		struct sha256_ctx ctx;

		sha256_init(&ctx);
		sha256_update(&ctx, b->len, (const uint8_t *)b->p);
		sha256_digest(&ctx, sizeof(md), md);
	}
	free(b->p);
	b->p = NULL;
	/* A table, not snprintf: verify hashes every row of the log. */
	for (unsigned i = 0; i < sizeof(md); i++) {
		out[2 * i] = "0123456789abcdef"[md[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}

/* The hash of a row about to be written: scheme 2, keyed, payload last. */
static int new_row_hash(const unsigned char *key, const char *prev, int64_t id, const char *at,
			const jrc_event_in *ev, const char *payload, char out[65])
{
	hbuf b = { 0 };
	int bad = put_int(&b, AUDIT_SCHEME_KEYED) || put_str(&b, prev) || put_int(&b, id) ||
		  put_str(&b, at) || put_str(&b, ev->actor) || put_str(&b, ev->kind);

	if (!bad)
		bad = ev->case_id ? put_int(&b, ev->case_id) : put_str(&b, NULL);
	bad = bad || put_str(&b, ev->from_state) || put_str(&b, ev->to_state) ||
	      put_str(&b, ev->note) || put_str(&b, payload);
	if (bad) {
		free(b.p);
		return -1;
	}
	return digest_hex(&b, key, out);
}

#define EVENT_COLS AUDIT_EVENT_COLS

/* The hash of a stored row, from the raw column values: a value changed
 * in any way (even its length or NULL-ness) gives another hash.  Scheme 1
 * rows hash as they always did; scheme 2 rows are keyed and start with
 * the scheme, so a row cannot pass for the other kind. */
int audit_stored_hash(const char *prev, db_stmt *st, const unsigned char *key,
		      char out[65])
{
	hbuf b = { 0 };
	int keyed = db_col_int(st, 11) == AUDIT_SCHEME_KEYED;
	int bad = keyed && put_int(&b, AUDIT_SCHEME_KEYED);

	if (keyed && !key)
		return -1;
	bad = bad || put_str(&b, prev) || put_int(&b, db_col_int64(st, 0)) ||
	      put_col(&b, st, 1) || put_col(&b, st, 2) || put_col(&b, st, 3);
	if (!bad)
		bad = db_col_is_null(st, 4) ? put_str(&b, NULL)
			: put_int(&b, db_col_int64(st, 4));
	bad = bad || put_col(&b, st, 5) || put_col(&b, st, 6) || put_col(&b, st, 7);
	if (keyed)
		bad = bad || put_col(&b, st, 10);
	if (bad) {
		free(b.p);
		return -1;
	}
	return digest_hex(&b, keyed ? key : NULL, out);
}

/* The chain head: *found 0 on a log that never had a row. */
jrc_status audit_read_head(jrc_db *db, int64_t *last_id, char hash[65], int *found,
			    jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*found = 0;
	*last_id = 0;
	memcpy(hash, GENESIS, 65);
	if ((s = db_prepare_cached(db, "SELECT last_id, hash FROM audit_head WHERE one = 1",
				   &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		*found = 1;
		*last_id = db_col_int64(st, 0);
		db_col_copy(st, 1, hash, 65);
	}
	db_release(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* The chain head before an append, and the last anchor with it in the
 * same statement (one round trip to a server, not two).  A log shorter
 * than its last anchor lost events at the end: refuse to write on it, so
 * that a receipt number taken away is not handed out again. */
static jrc_status head_for_append(jrc_db *db, int64_t *last_id, char hash[65], jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int64_t anchored = 0;
	char at[40] = "";
	int rc;

	*last_id = 0;
	memcpy(hash, GENESIS, 65);
	if ((s = db_prepare_cached(db, "SELECT (SELECT last_id FROM audit_head WHERE one = 1),"
				   " (SELECT hash FROM audit_head WHERE one = 1),"
				   " (SELECT events FROM anchors ORDER BY id DESC LIMIT 1),"
				   " (SELECT at FROM anchors ORDER BY id DESC LIMIT 1)", &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		if (!db_col_is_null(st, 1)) {
			*last_id = db_col_int64(st, 0);
			db_col_copy(st, 1, hash, 65);
		}
		anchored = db_col_int64(st, 2);
		db_col_copy(st, 3, at, sizeof(at));
	}
	db_release(st);
	if (rc != DB_ROW)
		return db_fail(db, rc, err);
	if (anchored > *last_id)
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("The event log ends at event %" PRId64 " but the anchor of %s counted %" PRId64 " events: events were removed, so nothing more can be recorded. Run 'jrc verify', report this to the supervisor and keep a copy of the database file as it is."),
				   *last_id, at, anchored);
	return JRC_OK;
}

static jrc_status append_locked(jrc_db *db, const jrc_event_in *ev, int64_t *id_out,
				char *hash_out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char prev[65], at[32], hash[65], *payload = NULL;
	const unsigned char *key;
	int64_t id;
	int rc;

	if (!ev->actor || !*ev->actor || !ev->kind || !*ev->kind)
		return jrc_err_set(err, JRC_E_INVALID, NULL,
				   _("An event needs a kind and an actor: this is a program error, report it."));
	if (!(key = db_ledger_key(db, err)))
		return err ? err->code : JRC_E_IO;
	if ((s = head_for_append(db, &id, prev, err)) ||
	    (s = audit_cover_payload(db, ev, &payload, err)))
		return s;
	id++;
	clock_format_utc(ev->at ? ev->at : clock_now(), at);
	if (new_row_hash(key, prev, id, at, ev, payload, hash) != 0) {
		free(payload);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	if ((s = db_prepare_cached(db, "INSERT INTO events(" EVENT_COLS ")"
				   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", &st, err))) {
		free(payload);
		return s;
	}
	db_bind_int64(st, 1, id);
	db_bind_text(db, st, 2, at);
	db_bind_text(db, st, 3, ev->actor);
	db_bind_text(db, st, 4, ev->kind);
	if (ev->case_id)
		db_bind_int64(st, 5, ev->case_id);
	db_bind_text(db, st, 6, ev->from_state);
	db_bind_text(db, st, 7, ev->to_state);
	db_bind_text(db, st, 8, ev->note);
	db_bind_text(db, st, 9, prev);
	db_bind_text(db, st, 10, hash);
	db_bind_text(db, st, 11, payload);
	db_bind_int(st, 12, AUDIT_SCHEME_KEYED);
	rc = db_step(db, st);
	db_release(st);
	free(payload);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	if ((s = db_prepare_cached(db, "INSERT INTO audit_head(one, last_id, hash) VALUES (1, ?, ?)"
				   " ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id,"
				   " hash = excluded.hash", &st, err)))
		return s;
	db_bind_int64(st, 1, id);
	db_bind_text(db, st, 2, hash);
	rc = db_step(db, st);
	db_release(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	if (id_out)
		*id_out = id;
	if (hash_out)
		memcpy(hash_out, hash, 65);
	return JRC_OK;
}

int audit_row_hash(const unsigned char *key, const char *prev, int64_t id, const char *at,
		   const jrc_event_in *ev, char out[65])
{
	return new_row_hash(key, prev, id, at, ev, NULL, out);
}

jrc_status audit_next_id(jrc_db *db, int64_t *id, jrc_err *err)
{
	char hash[65];
	int found;
	jrc_status s = audit_read_head(db, id, hash, &found, err);

	if (s != JRC_OK)
		return s;
	(*id)++;
	/* The row keyed by this id is written before its event. */
	return db_defer_foreign_keys(db, err);
}

jrc_status audit_key_ready(jrc_db *db, jrc_err *err)
{
	return db_ledger_key(db, err) ? JRC_OK : (err ? err->code : JRC_E_IO);
}

jrc_status audit_append(jrc_db *db, const jrc_event_in *ev, int64_t *id, char *hash_out,
			jrc_err *err)
{
	jrc_status s;

	if (db_in_transaction(db))
		return append_locked(db, ev, id, hash_out, err);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = append_locked(db, ev, id, hash_out, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

static void fill_event(db_stmt *st, jrc_event *e, int *oom)
{
	memset(e, 0, sizeof(*e));
	e->id = db_col_int64(st, 0);
	db_col_copy(st, 1, e->at, sizeof(e->at));
	db_col_copy(st, 2, e->actor, sizeof(e->actor));
	db_col_copy(st, 3, e->kind, sizeof(e->kind));
	e->case_id = db_col_int64(st, 4);
	db_col_copy(st, 5, e->from_state, sizeof(e->from_state));
	db_col_copy(st, 6, e->to_state, sizeof(e->to_state));
	e->note = db_col_strdup(st, 7, oom);
	db_col_copy(st, 8, e->prev_hash, sizeof(e->prev_hash));
	db_col_copy(st, 9, e->hash, sizeof(e->hash));
}

/* Collect the rows of a prepared, bound statement over EVENT_COLS. */
static jrc_status collect(jrc_db *db, db_stmt *st, jrc_event **out, size_t *n,
			  jrc_err *err)
{
	size_t cap = 8;
	int rc = DB_DONE, oom = 0;

	*out = malloc(cap * sizeof(**out));
	if (!*out)
		oom = 1;
	while (!oom && (rc = db_step(db, st)) == DB_ROW) {
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
	db_finalize(st);
	if (oom || rc != DB_DONE) {
		audit_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	return JRC_OK;
}

jrc_status audit_case_events(jrc_db *db, int64_t case_id, jrc_event **out, size_t *n,
			     jrc_err *err)
{
	db_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " EVENT_COLS " FROM events WHERE case_id = ? ORDER BY id",
			    &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	return collect(db, st, out, n, err);
}

jrc_status audit_recent_events(jrc_db *db, const char *kind_prefix, size_t limit,
			       jrc_event **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " EVENT_COLS " FROM events"
			    " WHERE ?1 IS NULL OR substr(kind, 1, length(?1)) = ?1"
			    " ORDER BY id DESC LIMIT ?2", &st, err)))
		return s;
	db_bind_text(db, st, 1, kind_prefix);
	db_bind_int64(st, 2, limit ? (int64_t)limit : -1);
	return collect(db, st, out, n, err);
}

void audit_events_free(jrc_event *ev, size_t n)
{
	if (!ev)
		return;
	for (size_t i = 0; i < n; i++)
		free(ev[i].note);
	free(ev);
}

