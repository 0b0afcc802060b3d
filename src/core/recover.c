/* "I lost my number": receipt numbers found again by ID number and phone,
 * with failed tries counted like status lookups (lookup.c). */
#include <stdio.h>
#include <string.h>

#include <nettle/sha2.h>

#include "db_internal.h"
#include "lookup_internal.h"
#include "jrc/i18n.h"
#include "jrc/recover.h"
#include "jrc/validate.h"

/* The tries are counted per ID number without writing the number into
 * the table of tries: a digest of it, marked so it never looks like a
 * receipt number. */
static void try_key(const char *id, char out[40])
{
	struct sha256_ctx c;
	uint8_t md[SHA256_DIGEST_SIZE];
	static const char hex[] = "0123456789abcdef";

	sha256_init(&c);
	sha256_update(&c, strlen(id), (const uint8_t *)id);
	sha256_digest(&c, sizeof(md), md);
	memcpy(out, "id:", 3);
	for (int i = 0; i < 16; i++) {
		out[3 + 2 * i] = hex[md[i] >> 4];
		out[4 + 2 * i] = hex[md[i] & 15];
	}
	out[35] = '\0';
}

static jrc_status find(jrc_db *db, const char *id, const char *phone, jrc_recovered *out,
		       size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*n = 0;
	if ((s = db_prepare(db, "SELECT receipt, filed_at, category, state, phone FROM cases"
			    " WHERE id_number = ?1 AND id_kind = 'resident' AND phone = ?2"
			    " ORDER BY id DESC LIMIT ?3", &st, err)))
		return s;
	db_bind_text(db, st, 1, id);
	db_bind_text(db, st, 2, phone);
	db_bind_int(st, 3, JRC_RECOVER_MAX);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_recovered *r = &out[*n];
		char filed[40], state[32], ph[32];
		jrc_time t;

		memset(r, 0, sizeof(*r));
		db_col_copy(st, 0, r->receipt, sizeof(r->receipt));
		db_col_copy(st, 1, filed, sizeof(filed));
		db_col_copy(st, 2, r->category, sizeof(r->category));
		db_col_copy(st, 3, state, sizeof(state));
		db_col_copy(st, 4, ph, sizeof(ph));
		if (clock_parse(filed, &t) == JRC_OK) {
			jrc_date d = clock_local_date(t);

			snprintf(r->filed_on, sizeof(r->filed_on), "%04d-%02u-%02u", (d.y % 10000 + 10000) % 10000,
				 (unsigned)d.m % 100u, (unsigned)d.d % 100u);
		}
		if (lifecycle_state_parse(state, &r->state) != 0)
			r->state = JRC_ST_REGISTERED;
		mask_phone(ph, r->phone_masked, sizeof(r->phone_masked));
		(*n)++;
	}
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status recover_numbers(jrc_db *db, const char *id_number, const char *phone,
			   const char *source, jrc_recovered *out, size_t *n,
			   jrc_lookup_info *info, jrc_err *err)
{
	char id[19], ph[24], key[40], today[16];
	jrc_date d = clock_local_date(clock_now());
	jrc_lookup_info dummy;
	jrc_status s, c;

	*n = 0;
	if (!info)
		info = &dummy;
	memset(info, 0, sizeof(*info));
	snprintf(today, sizeof(today), "%04d%02d%02d", d.y % 10000, d.m % 100, d.d % 100);
	/* A mistyped ID number or phone is not a guess: refused, not counted. */
	if ((s = validate_id_number(id_number, today, id, err)) != JRC_OK)
		return s;
	if ((s = validate_phone(phone, ph, err)) != JRC_OK)
		return s;
	try_key(id, key);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = lookup_key_state(db, key, info, err)) != JRC_OK)
		goto fail;
	if (info->locked_until) {
		s = lookup_key_locked(info->locked_until, err);
		goto fail;
	}
	if ((s = find(db, id, ph, out, n, err)) != JRC_OK)
		goto fail;
	s = lookup_key_record(db, key, *n > 0, source, info, err);
	if (s == JRC_OK && *n == 0)
		s = jrc_err_set(err, JRC_E_NOT_FOUND, "id_number",
				_("No matter was filed with this ID number and this phone. Check both, or ask at the front desk with your ID card. Tries left before a one-hour pause: %d."),
				info->tries_left);
	if (s != JRC_OK && s != JRC_E_NOT_FOUND && s != JRC_E_LOCKED_OUT)
		goto fail;
	/* A failed try is kept: that is what the pause counts. */
	{
		jrc_err cerr = { 0 };

		if ((c = db_commit(db, &cerr)) != JRC_OK) {
			if (err)
				*err = cerr;
			*n = 0;
			return c;
		}
	}
	return s;
fail:
	db_rollback(db);
	*n = 0;
	return s;
}
