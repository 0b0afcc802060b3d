/* libFuzzer: resident ID numbers, phone numbers, names, free text and the
 * masks.  Whatever a citizen types, validation answers with a sentence or
 * a normalised value that validates again to itself, and the masks never
 * write past their buffer nor show what they hide. */
#include "fuzz.h"

#include "jrc/status.h"
#include "jrc/text.h"
#include "jrc/validate.h"

static void check_err(const jrc_err *err, jrc_status s)
{
	FZ_ASSERT(s == JRC_E_INVALID || s == JRC_E_NOMEM);
	FZ_ASSERT(err->code == s);
	FZ_ASSERT(err->msg[0] != '\0');
	FZ_ASSERT(fz_utf8_ok(err->msg, strlen(err->msg)));
}

static void check_id(const char *s)
{
	char id[19], again[19], m[64];
	jrc_err err = { 0 };
	jrc_status st = validate_id_number(s, "20261129", id, &err);

	if (st != JRC_OK) {
		check_err(&err, st);
		FZ_ASSERT(id[0] == '\0');
		return;
	}
	FZ_ASSERT(strlen(id) == 18);
	for (int i = 0; i < 17; i++)
		FZ_ASSERT(id[i] >= '0' && id[i] <= '9');
	FZ_ASSERT(validate_id_check_char(id) == id[17]);
	FZ_ASSERT(strncmp(id + 6, "20261129", 8) <= 0);
	FZ_ASSERT(validate_id_number(id, "20261129", again, NULL) == JRC_OK);
	FZ_ASSERT(strcmp(id, again) == 0);
	mask_id_number(id, m, sizeof(m));
	FZ_ASSERT(strlen(m) == 18);
	FZ_ASSERT(strncmp(m, id, 6) == 0 && strcmp(m + 14, id + 14) == 0);
	FZ_ASSERT(strspn(m + 6, "*") == 8);
}

static size_t digits(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s >= '0' && *s <= '9';
	return n;
}

static void check_phone(const char *s)
{
	char p[24], again[24], m[64];
	jrc_err err = { 0 };
	jrc_status st = validate_phone(s, p, &err);
	size_t len;

	if (st != JRC_OK) {
		check_err(&err, st);
		return;
	}
	len = strlen(p);
	FZ_ASSERT(len >= 11 && len <= 13);
	FZ_ASSERT(strspn(p, "0123456789-") == len);
	FZ_ASSERT(p[0] == '1' ? len == 11 && !strchr(p, '-') : p[0] == '0' && strchr(p, '-'));
	FZ_ASSERT(validate_phone(p, again, NULL) == JRC_OK);
	FZ_ASSERT(strcmp(p, again) == 0);
	mask_phone(p, m, sizeof(m));
	/* A 7-digit local number shows as ****NNNN too: the length of the
	 * mask is not the number's, but at least three digits are hidden. */
	FZ_ASSERT(digits(m) + 3 <= digits(p));
	FZ_ASSERT(strcmp(m + strlen(m) - 4, p + len - 4) == 0);
	FZ_ASSERT(strstr(m, "****") != NULL);
	FZ_ASSERT(strcmp(m, p) != 0);
}

/* A mask into a buffer of every small size: always terminated inside it,
 * and whole characters only when the input was text. */
static void check_masks(const char *s)
{
	char m[80];
	int text = fz_utf8_ok(s, strlen(s));

	for (size_t size = 0; size <= 40; size++) {
		void (*const fns[])(const char *, char *, size_t) = {
			mask_id_number, mask_phone, mask_name
		};

		for (size_t f = 0; f < 3; f++) {
			memset(m, 'Z', sizeof(m));
			fns[f](s, m, size);
			if (size == 0) {
				FZ_ASSERT(m[0] == 'Z');
				continue;
			}
			FZ_ASSERT(memchr(m, '\0', size) != NULL);
			FZ_ASSERT(m[size] == 'Z');
			if (text && f == 2)
				FZ_ASSERT(fz_utf8_ok(m, strlen(m)));
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fz_cstr(data, size);
	jrc_err err = { 0 };
	jrc_status st;

	check_id(s);
	check_phone(s);
	check_masks(s);
	if ((st = validate_name(s, &err)) != JRC_OK)
		check_err(&err, st);
	if ((st = validate_text(s, 40, 1, "text", &err)) != JRC_OK)
		check_err(&err, st);
	if ((st = validate_other_doc(s, &err)) != JRC_OK)
		check_err(&err, st);
	free(s);
	return 0;
}
