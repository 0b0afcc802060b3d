/* libFuzzer: receipt numbers.  Whatever is typed, receipt_parse either
 * refuses with a sentence or gives a canonical number that parses to
 * itself and that receipt_format rebuilds from its parts; a number built
 * by receipt_format always parses back; and every single mistyped digit
 * is caught (the Damm check). */
#include "fuzz.h"

#include "jrc/receipt.h"

/* Split a canonical number SITE YYMMDD-SEQ-C into its parts. */
static void split(const char *r, char site[5], char yymmdd[7], long *seq, int *check)
{
	size_t ns = strspn(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
	const char *dash1, *dash2;

	FZ_ASSERT(ns >= 2 && ns <= 4);
	memcpy(site, r, ns);
	site[ns] = '\0';
	memcpy(yymmdd, r + ns, 6);
	yymmdd[6] = '\0';
	dash1 = r + ns + 6;
	FZ_ASSERT(*dash1 == '-');
	dash2 = strchr(dash1 + 1, '-');
	FZ_ASSERT(dash2 && dash2 - dash1 - 1 >= 4 && dash2 - dash1 - 1 <= 9);
	*seq = strtol(dash1 + 1, NULL, 10);
	FZ_ASSERT(dash2[1] >= '0' && dash2[1] <= '9' && dash2[2] == '\0');
	*check = dash2[1] - '0';
}

static void check_canonical(const char *r)
{
	char again[JRC_RECEIPT_MAX], built[JRC_RECEIPT_MAX], site[5], ymd[7], typo[JRC_RECEIPT_MAX];
	long seq;
	int check;

	FZ_ASSERT(strlen(r) < JRC_RECEIPT_MAX);
	FZ_ASSERT(receipt_parse(r, again, NULL) == JRC_OK);
	FZ_ASSERT(strcmp(r, again) == 0);
	split(r, site, ymd, &seq, &check);
	FZ_ASSERT(receipt_format(site, ymd, seq, built) == JRC_OK);
	FZ_ASSERT(strcmp(r, built) == 0);
	/* Any one digit changed, the number is refused. */
	for (size_t i = 0; r[i]; i++) {
		if (r[i] < '0' || r[i] > '9')
			continue;
		for (char d = '0'; d <= '9'; d++) {
			jrc_err err = { 0 };

			if (d == r[i])
				continue;
			memcpy(typo, r, strlen(r) + 1);
			typo[i] = d;
			FZ_ASSERT(receipt_parse(typo, again, &err) == JRC_E_INVALID);
			FZ_ASSERT(err.msg[0] && again[0] == '\0');
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fz_cstr(data, size);
	char out[JRC_RECEIPT_MAX];
	jrc_err err = { 0 };
	jrc_status st = receipt_parse(s, out, &err);

	if (st == JRC_OK) {
		check_canonical(out);
	} else {
		FZ_ASSERT(st == JRC_E_INVALID && err.msg[0] && out[0] == '\0');
	}
	/* Parts straight from the bytes: site, date, sequence. */
	if (size >= 14) {
		char site[5] = { 0 }, ymd[7] = { 0 };
		long seq = 0;

		memcpy(site, data, (size_t)(data[13] % 4) + 1);
		memcpy(ymd, data + 4, 6);
		memcpy(&seq, data + 10, 3);
		seq %= 1000000000L;
		if (receipt_format(site, ymd, seq, out) == JRC_OK)
			check_canonical(out);
		else
			FZ_ASSERT(out[0] == '\0');
	}
	free(s);
	return 0;
}
