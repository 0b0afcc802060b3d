/* The phrase builder's sentences: import checks and lookup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "refdata_internal.h"
#include "jrc/i18n.h"
#include "jrc/phrases.h"
#include "jrc/text.h"

static const char *const kinds[] = { "what", "who", "when", "amount", "tried", "want", NULL };

int phrase_kind_valid(const char *kind)
{
	for (int i = 0; kinds[i]; i++)
		if (strcmp(kinds[i], kind) == 0)
			return 1;
	return 0;
}

int phrase_blanks(const char *s)
{
	int n = 0;
	const char *p = s;

	while ((p = strstr(p, JRC_PHRASE_BLANK)) != NULL) {
		n++;
		p += strlen(JRC_PHRASE_BLANK);
		while (*p == '_')
			p++;
	}
	return n;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int phrase_fill(const char *s, const char *const *fills, int nfills, char *out, size_t size)
{
	size_t used = 0;
	int i = 0;
	const char *p = s, *b;

	while ((b = strstr(p, JRC_PHRASE_BLANK)) != NULL) {
		size_t lit = (size_t)(b - p), fl;

		if (i >= nfills || !fills[i] || !all_digits(fills[i]))
			return -1;
		/* "拖欠 ___ 个月" reads with spaces in the list; the text gets
		 * "拖欠3个月": no space between a digit and a Chinese character. */
		if (lit >= 2 && p[lit - 1] == ' ' && ((unsigned char)p[lit - 2] & 0x80))
			lit--;
		fl = strlen(fills[i]);
		if (used + lit + fl + 1 > size)
			return -1;
		memcpy(out + used, p, lit);
		used += lit;
		memcpy(out + used, fills[i], fl);
		used += fl;
		i++;
		p = b + strlen(JRC_PHRASE_BLANK);
		while (*p == '_')
			p++;
		if (p[0] == ' ' && ((unsigned char)p[1] & 0x80))
			p++;
	}
	if (used + strlen(p) + 1 > size)
		return -1;
	memcpy(out + used, p, strlen(p) + 1);
	return 0;
}

static jrc_status sentence_col(const char *v, const char *col, jrc_err *err)
{
	if (!*v)
		return jrc_err_set(err, JRC_E_DATA, NULL, _("column %s is empty"), col);
	if (text_utf8_count(v) > JRC_PHRASE_MAX)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("column %s is longer than %zu characters: shorten it"), col,
				   (size_t)JRC_PHRASE_MAX);
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20)
			return jrc_err_set(err, JRC_E_DATA, NULL,
					   _("column %s has a line break or control character: write the sentence on one line"),
					   col);
	if (phrase_blanks(v) > JRC_PHRASE_BLANKS)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("column %s has more than %d blanks (___): split the sentence"), col,
				   JRC_PHRASE_BLANKS);
	return JRC_OK;
}

jrc_status phrases_import_row(jrc_db *db, char **v, long sort, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc, known;

	if ((s = db_prepare_cached(db, "SELECT 1 FROM categories WHERE code = ?", &st, err)) != JRC_OK)
		return s;
	db_bind_text(db, st, 1, v[0]);
	rc = db_step(db, st);
	known = rc == DB_ROW;
	db_release(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(db, rc, err);
	if (!known)
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("category '%s' is not in categories.csv"), v[0]);
	if (!phrase_kind_valid(v[1]))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("kind '%s' must be what, who, when, amount, tried or want"), v[1]);
	if ((s = sentence_col(v[2], "zh", err)) != JRC_OK ||
	    (s = sentence_col(v[3], "en", err)) != JRC_OK)
		return s;
	if (phrase_blanks(v[2]) != phrase_blanks(v[3]))
		return jrc_err_set(err, JRC_E_DATA, NULL,
				   _("zh has %d blanks (___) and en has %d: give both the same blanks"),
				   phrase_blanks(v[2]), phrase_blanks(v[3]));
	if ((s = db_prepare_cached(db,
				   "INSERT INTO phrases(category, kind, zh, en, sort) VALUES (?,?,?,?,?)",
				   &st, err)) != JRC_OK)
		return s;
	for (int i = 0; i < 4; i++)
		db_bind_text(db, st, i + 1, v[i]);
	db_bind_int64(st, 5, sort);
	rc = db_step(db, st);
	db_release(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status phrases_for(jrc_db *db, const char *category, jrc_phrase **out, size_t *n,
		       jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT category, kind, zh, en FROM phrases WHERE category = ?"
			    " ORDER BY sort", &st, err)) != JRC_OK)
		return s;
	db_bind_text(db, st, 1, category);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_phrase *p;

		if (*n == cap) {
			jrc_phrase *nb = realloc(*out, (cap = cap ? cap * 2 : 16) * sizeof(**out));

			if (!nb) {
				db_finalize(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			*out = nb;
		}
		p = &(*out)[(*n)++];
		db_col_copy(st, 0, p->category, sizeof(p->category));
		db_col_copy(st, 1, p->kind, sizeof(p->kind));
		db_col_copy(st, 2, p->zh, sizeof(p->zh));
		db_col_copy(st, 3, p->en, sizeof(p->en));
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, err);
	}
	return JRC_OK;
}
