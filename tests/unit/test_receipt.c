/* receipt: Damm check digits, receipt numbers, query codes. */
#include <stdio.h>
#include <string.h>

#include "jrc/receipt.h"
#include "tap.h"

static void test_damm(void)
{
	char s[8], t[8];
	int n, i, d, sub_all = 1, swap_all = 1, valid_all = 1;

	is_int(damm_check_digit("572"), 4, "Damm: 572 -> 4");
	ok(damm_valid("5724"), "Damm: 5724 is valid");
	ok(!damm_valid("5723"), "Damm: 5723 is not");
	ok(!damm_valid("5742"), "Damm: 5742 (swapped) is not");
	is_int(damm_check_digit("PJ5-7-2"), 4, "Damm skips letters and dashes");
	is_int(damm_check_digit(""), 0, "Damm of nothing is 0");
	ok(!damm_valid(""), "no digits is not valid");
	ok(!damm_valid(NULL), "NULL is not valid");

	/* What the check digit is for: every single-digit error and every
	 * swap of neighbours is caught, for all 4-digit numbers. */
	for (n = 0; n < 10000; n++) {
		snprintf(s, sizeof(s), "%04d", n);
		s[4] = (char)('0' + damm_check_digit(s));
		s[5] = '\0';
		if (!damm_valid(s))
			valid_all = 0;
		for (i = 0; i < 5; i++) {
			for (d = '0'; d <= '9'; d++) {
				if (d == s[i])
					continue;
				memcpy(t, s, sizeof(t));
				t[i] = (char)d;
				if (damm_valid(t))
					sub_all = 0;
			}
			if (i < 4 && s[i] != s[i + 1]) {
				memcpy(t, s, sizeof(t));
				t[i] = s[i + 1];
				t[i + 1] = s[i];
				if (damm_valid(t))
					swap_all = 0;
			}
		}
	}
	ok(valid_all, "Damm: every number with its check digit is valid");
	ok(sub_all, "Damm: every single-digit error is caught");
	ok(swap_all, "Damm: every swap of neighbouring digits is caught");
}

static void test_site(void)
{
	ok(receipt_site_valid("PJ"), "site PJ");
	ok(receipt_site_valid("PJXF"), "site of 4 letters");
	ok(!receipt_site_valid("P"), "site of 1 letter");
	ok(!receipt_site_valid("PJXFA"), "site of 5 letters");
	ok(!receipt_site_valid("pj"), "lower-case site");
	ok(!receipt_site_valid("P1"), "site with a digit");
	ok(!receipt_site_valid(""), "empty site");
	ok(!receipt_site_valid(NULL), "NULL site");
}

static void test_format(void)
{
	char out[JRC_RECEIPT_MAX], want[JRC_RECEIPT_MAX];

	snprintf(want, sizeof(want), "PJ261129-0042-%d", damm_check_digit("2611290042"));
	is_int(receipt_format("PJ", "261129", 42, out), JRC_OK, "format PJ 261129 42");
	is_str(out, want, "format PJ 261129 42");
	ok(damm_valid(out), "the printed number passes its own check");
	is_int(receipt_format("PJ", "261129", 1, out), JRC_OK, "format sequence 1");
	ok(strncmp(out, "PJ261129-0001-", 14) == 0, "sequence padded to 4 digits (%s)", out);
	is_int(receipt_format("PJ", "261129", 9999, out), JRC_OK, "format 9999");
	ok(strncmp(out, "PJ261129-9999-", 14) == 0, "sequence 9999 (%s)", out);
	snprintf(want, sizeof(want), "PJ261129-10000-%d", damm_check_digit("26112910000"));
	is_int(receipt_format("PJ", "261129", 10000, out), JRC_OK, "format 10000");
	is_str(out, want, "sequence widens past 9999");
	is_int(receipt_format("PJXF", "280229", 7, out), JRC_OK, "format on a leap day");

	is_int(receipt_format("P", "261129", 1, out), JRC_E_INVALID, "format: bad site");
	is_int(receipt_format("pj", "261129", 1, out), JRC_E_INVALID, "format: lower-case site");
	is_int(receipt_format("PJ", "261131", 1, out), JRC_E_INVALID, "format: November 31");
	is_int(receipt_format("PJ", "270229", 1, out), JRC_E_INVALID, "format: 2027-02-29");
	is_int(receipt_format("PJ", "26112", 1, out), JRC_E_INVALID, "format: 5-digit date");
	is_int(receipt_format("PJ", "2611290", 1, out), JRC_E_INVALID, "format: 7-digit date");
	is_int(receipt_format("PJ", "261129", 0, out), JRC_E_INVALID, "format: sequence 0");
	is_int(receipt_format("PJ", "261129", -5, out), JRC_E_INVALID, "format: negative sequence");
	is_str(out, "", "a failed format leaves an empty string");
}

static void parse_ok(const char *in, const char *want, const char *what)
{
	char out[JRC_RECEIPT_MAX] = "x";
	jrc_err err;

	jrc_err_clear(&err);
	is_int(receipt_parse(in, out, &err), JRC_OK, "parse: %s", what);
	is_str(out, want, "parse: %s: canonical form", what);
}

static void parse_bad(const char *in, const char *msg_part, const char *what)
{
	char out[JRC_RECEIPT_MAX] = "x";
	jrc_err err;

	jrc_err_clear(&err);
	is_int(receipt_parse(in, out, &err), JRC_E_INVALID, "parse refuses: %s", what);
	ok(strcmp(err.field, "receipt") == 0 && strstr(err.msg, msg_part) != NULL,
	   "parse refuses: %s: says why (%s)", what, err.msg);
}

static void test_parse(void)
{
	char canon[JRC_RECEIPT_MAX], typed[64], wide[JRC_RECEIPT_MAX];
	char c, d;
	int i, all = 1;
	long seqs[] = { 1, 42, 999, 9999, 10000, 123456 };
	size_t k;

	receipt_format("PJ", "261129", 42, canon);
	c = canon[strlen(canon) - 1];
	parse_ok(canon, canon, "canonical");
	snprintf(typed, sizeof(typed), "pj2611290042 %c", c);
	parse_ok(typed, canon, "lower case, no dashes, a space");
	snprintf(typed, sizeof(typed), "PJ2611290042%c", c);
	parse_ok(typed, canon, "no dashes at all");
	snprintf(typed, sizeof(typed), "  pj 261129 - 0042 - %c\n", c);
	parse_ok(typed, canon, "spaces everywhere");
	snprintf(typed, sizeof(typed), "PJ-261129-0042-%c", c);
	parse_ok(typed, canon, "a dash after the site");
	snprintf(typed, sizeof(typed), "\xEF\xBC\xB0\xEF\xBC\xAA" "261129\xEF\xBC\x8D" "0042-%c", c);
	parse_ok(typed, canon, "full-width letters and dash from an input method");
	/* issue 12: O for 0, I or l for 1 among the digits. */
	receipt_format("PJ", "261110", 1041, wide);
	snprintf(typed, sizeof(typed), "pj26lI1O-1O4l-%c", wide[strlen(wide) - 1]);
	parse_ok(typed, wide, "O typed for 0, I and l for 1");
	snprintf(typed, sizeof(typed), "PJ26111O-1O41-%c", wide[strlen(wide) - 1]);
	parse_ok(typed, wide, "capital O for 0");
	parse_bad("PJ261110-1041-X", "", "a letter other than O, I, l in the digits");

	for (k = 0; k < sizeof(seqs) / sizeof(seqs[0]); k++) {
		char out[JRC_RECEIPT_MAX];

		receipt_format("JRC", "240101", seqs[k], canon);
		if (receipt_parse(canon, out, NULL) != JRC_OK || strcmp(out, canon) != 0)
			all = 0;
	}
	ok(all, "format then parse gives the same number, also past 9999");

	receipt_format("PJ", "261129", 42, canon);
	snprintf(typed, sizeof(typed), "%s", canon);
	typed[strlen(typed) - 1] = c == '9' ? '0' : (char)(c + 1);
	parse_bad(typed, "mistyped", "wrong check digit");

	/* Any one digit mistyped is noticed before a lookup is made. */
	for (i = 2, all = 1; canon[i]; i++) {
		if (canon[i] == '-')
			continue;
		for (d = '0'; d <= '9'; d++) {
			char out[JRC_RECEIPT_MAX];

			if (d == canon[i])
				continue;
			snprintf(typed, sizeof(typed), "%s", canon);
			typed[i] = d;
			if (receipt_parse(typed, out, NULL) == JRC_OK)
				all = 0;
		}
	}
	ok(all, "every single-digit typo is refused");

	/* A real-looking number whose date does not exist. */
	snprintf(typed, sizeof(typed), "PJ261131-0001-%d", damm_check_digit("2611310001"));
	parse_bad(typed, "mistyped", "November 31 with a matching check digit");

	parse_bad("", "not a receipt number", "empty");
	parse_bad(NULL, "not a receipt number", "NULL");
	parse_bad("hello", "not a receipt number", "a word");
	parse_bad("2611290042", "not a receipt number", "no site letters");
	parse_bad("P261129-0042-5", "not a receipt number", "one site letter");
	parse_bad("PJXFA261129-0042-5", "not a receipt number", "five site letters");
	parse_bad("PJ261129-042-5", "not a receipt number", "sequence of 3 digits");
	parse_bad("PJ261129-0042", "not a receipt number", "check digit missing");
	parse_bad("PJ261129-0042-5X", "not a receipt number", "a letter at the end");
	parse_bad("PJ2611290Q425", "not a receipt number", "a letter Q among the digits");
	parse_bad("PJ261129-0000-0", "not a receipt number", "sequence 0");
	parse_bad("PJ261129-1234567890123-4", "not a receipt number", "far too long");
	snprintf(typed, sizeof(typed), "PJ261129-00042-%d", damm_check_digit("26112900042"));
	parse_bad(typed, "not a receipt number", "5-digit sequence with a leading zero");
	snprintf(wide, sizeof(wide), "PJ\xE4\xB8\xAD" "261129");
	parse_bad(wide, "not a receipt number", "a Chinese character");
}

static void test_query_code(void)
{
	char a[7], b[7];
	int i, j, digits = 1, differ = 0;
	int seen[10] = { 0 };

	is_int(receipt_query_code(a, NULL), JRC_OK, "query code");
	is_int(strlen(a), 6, "query code has 6 characters");
	for (i = 0; i < 200; i++) {
		if (receipt_query_code(b, NULL) != JRC_OK || strlen(b) != 6)
			digits = 0;
		for (j = 0; j < 6; j++) {
			if (b[j] < '0' || b[j] > '9')
				digits = 0;
			else
				seen[b[j] - '0']++;
		}
		if (strcmp(a, b) != 0)
			differ = 1;
	}
	ok(digits, "query codes are 6 decimal digits");
	ok(differ, "query codes vary");
	for (i = 0, j = 1; i < 10; i++)
		if (seen[i] == 0)
			j = 0;
	ok(j, "every digit turns up in 1200 draws");
}

int main(void)
{
	test_damm();
	test_site();
	test_format();
	test_parse();
	test_query_code();
	return done();
}
