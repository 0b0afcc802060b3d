/* validate: resident ID numbers, phones, names, free text, masks. */
#include <stdio.h>
#include <string.h>

#include "jrc/validate.h"
#include "tap.h"

#define TODAY "20261129"

/* A full ID from its first 17 digits, with the check character computed
 * here rather than remembered. */
static void make_id(const char *area6, const char *ymd8, const char *seq3,
		    char out[19])
{
	snprintf(out, 19, "%s%s%s", area6, ymd8, seq3);
	out[17] = validate_id_check_char(out);
	out[18] = '\0';
}

static void id_ok(const char *id, const char *want, const char *what)
{
	char out[19] = "";
	jrc_err err;

	jrc_err_clear(&err);
	is_int(validate_id_number(id, TODAY, out, &err), JRC_OK, "id valid: %s", what);
	is_str(out, want, "id normalized: %s", what);
}

static void id_bad(const char *id, const char *what)
{
	char out[19] = "unchanged";
	jrc_err err;

	jrc_err_clear(&err);
	is_int(validate_id_number(id, TODAY, out, &err), JRC_E_INVALID,
	       "id invalid: %s", what);
	ok(strcmp(err.field, "id_number") == 0 && err.msg[0] != '\0',
	   "id invalid: %s: field and sentence set (%s)", what, err.msg);
}

static void test_id(void)
{
	char id[19], tmp[40];
	jrc_err err;

	/* The GB 11643 standard's own example. */
	is_int(validate_id_check_char("11010519491231002"), 'X', "check char of the standard's example is X");
	is_int(validate_id_check_char("1101051949123100"), '\0', "check char needs 17 digits");
	is_int(validate_id_check_char("1101051949123100A"), '\0', "check char needs digits");
	id_ok("11010519491231002X", "11010519491231002X", "standard example ending in X");
	id_ok("11010519491231002x", "11010519491231002X", "lower-case x is made X");
	id_ok("  11010519491231002X ", "11010519491231002X", "surrounding spaces are dropped");
	id_ok("\xEF\xBC\x91\xEF\xBC\x91" "010519491231002X", "11010519491231002X",
	      "full-width digits from an input method");

	make_id("330726", "19900101", "123", id);
	id_ok(id, id, "Pujiang county");
	make_id("330726", "20000229", "123", id);
	id_ok(id, id, "born on leap day 2000-02-29");
	make_id("330726", "20261129", "001", id);
	id_ok(id, id, "born today");
	make_id("810000", "19800101", "001", id);
	id_ok(id, id, "Hong Kong resident code 81");

	make_id("330726", "19900101", "123", id);
	snprintf(tmp, sizeof(tmp), "%s", id);
	tmp[17] = tmp[17] == '0' ? '1' : '0';
	id_bad(tmp, "wrong check digit");
	jrc_err_clear(&err);
	validate_id_number(tmp, TODAY, id, &err);
	ok(strstr(err.msg, "last character") != NULL, "wrong check digit: the sentence says which part");
	make_id("330726", "19900101", "123", id);
	snprintf(tmp, sizeof(tmp), "%s", id);
	tmp[14] = tmp[14] == '9' ? '0' : (char)(tmp[14] + 1);
	id_bad(tmp, "one digit mistyped");
	snprintf(tmp, sizeof(tmp), "%s", id);
	tmp[8] = id[9];
	tmp[9] = id[8];
	if (tmp[8] != tmp[9])
		id_bad(tmp, "two digits swapped");

	make_id("330726", "19000229", "123", id);
	id_bad(id, "1900-02-29 is not a date");
	make_id("330726", "20010229", "123", id);
	id_bad(id, "2001-02-29 is not a date");
	make_id("330726", "19901301", "123", id);
	id_bad(id, "month 13");
	make_id("330726", "19900431", "123", id);
	id_bad(id, "April 31");
	make_id("330726", "18991231", "123", id);
	id_bad(id, "born before 1900");
	make_id("330726", "20261130", "123", id);
	id_bad(id, "born tomorrow");
	make_id("330726", "20300101", "123", id);
	id_bad(id, "born in the future");
	make_id("000000", "19900101", "123", id);
	id_bad(id, "province code 00");
	make_id("990000", "19900101", "123", id);
	id_bad(id, "province code 99");

	id_bad("", "empty");
	id_bad(NULL, "NULL");
	id_bad("11010519491231002", "17 characters");
	id_bad("11010519491231002X1", "19 characters");
	id_bad("1101051949123100XX", "X not last");
	id_bad("11010519491231002Y", "a letter other than X");
	id_bad("110105 19491231002X", "a space inside");
	id_bad("\xE4\xB8\xAD" "10519491231002X", "a Chinese character");

	make_id("330726", "19900101", "123", id);
	is_int(validate_id_number(id, TODAY, NULL, NULL), JRC_OK, "NULL out and err are allowed");
	make_id("330726", "20300101", "123", id);
	is_int(validate_id_number(id, NULL, NULL, NULL), JRC_OK, "no today: no future check");
}

static void phone_ok(const char *in, const char *want)
{
	char out[24] = "";
	jrc_err err;

	jrc_err_clear(&err);
	is_int(validate_phone(in, out, &err), JRC_OK, "phone valid: '%s'", in);
	is_str(out, want, "phone normalized: '%s'", in);
}

static void phone_bad(const char *in, const char *what)
{
	char out[24] = "";
	jrc_err err;

	jrc_err_clear(&err);
	is_int(validate_phone(in, out, &err), JRC_E_INVALID, "phone invalid: %s", what);
	ok(strcmp(err.field, "phone") == 0 && err.msg[0] != '\0',
	   "phone invalid: %s: field and sentence set (%s)", what, err.msg);
}

static void test_phone(void)
{
	phone_ok("13812345678", "13812345678");
	phone_ok("19912345678", "19912345678");
	phone_ok(" 138 1234 5678 ", "13812345678");
	phone_ok("138-1234-5678", "13812345678");
	phone_ok("+86 138 1234 5678", "13812345678");
	phone_ok("+8613812345678", "13812345678");
	phone_ok("8613812345678", "13812345678");
	phone_ok("\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98" "12345678", "13812345678");
	phone_ok("0579-84123456", "0579-84123456");
	phone_ok("057984123456", "0579-84123456");
	phone_ok("0579 8412 3456", "0579-84123456");
	phone_ok("0579-8412345", "0579-8412345");
	phone_ok("010-12345678", "010-12345678");
	phone_ok("01062345678", "010-62345678");
	phone_ok("021 6123 4567", "021-61234567");
	phone_ok("+86 579 84123456", "0579-84123456");
	phone_ok("+86 10 62345678", "010-62345678");

	phone_bad("", "empty");
	phone_bad(NULL, "NULL");
	phone_bad("12812345678", "mobile starting 12");
	phone_bad("1381234567", "mobile with 10 digits");
	phone_bad("138123456789", "mobile with 12 digits");
	phone_bad("84123456", "landline without area code");
	phone_bad("0579-841234", "landline with 6 digits");
	phone_bad("0579-841234567", "landline with 9 digits");
	phone_bad("0579-04123456", "local number starting with 0");
	phone_bad("0012345678", "international prefix 00");
	phone_bad("138 1234 567a", "a letter");
	phone_bad("(0579)84123456", "brackets");
	phone_bad("+1 202 555 0100", "a number outside China");
	phone_bad("13812345678+", "a plus at the end");
	phone_bad("------", "only dashes");
}

static void name_is(const char *name, jrc_status want, const char *what)
{
	jrc_err err;
	jrc_status got;

	jrc_err_clear(&err);
	got = validate_name(name, &err);
	is_int(got, want, "name: %s", what);
	if (want != JRC_OK)
		ok(strcmp(err.field, "name") == 0 && err.msg[0] != '\0',
		   "name: %s: field and sentence set (%s)", what, err.msg);
}

static void test_name_text(void)
{
	char long_name[41 * 3 + 1] = "";
	jrc_err err;
	int i;

	name_is("张三", JRC_OK, "Chinese name");
	name_is("阿依古丽·买买提", JRC_OK, "name with a middle dot");
	name_is("John Smith", JRC_OK, "Latin name");
	name_is(" 李四\x1b[31m ", JRC_OK, "escape sequences are not counted");
	name_is("", JRC_E_INVALID, "empty");
	name_is(NULL, JRC_E_INVALID, "NULL");
	name_is("   \xE3\x80\x80", JRC_E_INVALID, "only spaces");
	name_is("\xE2\x80\x8B", JRC_E_INVALID, "only a zero-width space");
	name_is("12345", JRC_E_INVALID, "only digits");
	name_is("...", JRC_E_INVALID, "only punctuation");
	name_is("\xEF\xBC\x91\xEF\xBC\x92\xE3\x80\x82", JRC_E_INVALID, "full-width digits and a full stop");
	name_is("\xFF", JRC_E_INVALID, "not UTF-8");
	for (i = 0; i < 40; i++)
		strcat(long_name, "张");
	name_is(long_name, JRC_OK, "40 characters");
	strcat(long_name, "张");
	name_is(long_name, JRC_E_INVALID, "41 characters");

	jrc_err_clear(&err);
	is_int(validate_text("房东不退押金", 10, 1, "summary", &err), JRC_OK, "text: ordinary");
	is_int(validate_text("", 10, 0, "note", &err), JRC_OK, "text: optional may be empty");
	is_int(validate_text(NULL, 10, 0, "note", &err), JRC_OK, "text: optional may be NULL");
	is_int(validate_text(" \n ", 10, 1, "summary", &err), JRC_E_INVALID, "text: required, only blanks");
	is_str(err.field, "summary", "text: the given field is named");
	is_int(validate_text("abc\xC0\xAF", 10, 0, "details", &err), JRC_E_INVALID, "text: not UTF-8");
	is_str(err.field, "details", "text: not UTF-8 names the field");
	ok(strstr(err.msg, "not valid text") != NULL, "text: not UTF-8 sentence (%s)", err.msg);
	is_int(validate_text("12345", 4, 1, "summary", &err), JRC_E_INVALID, "text: one character too many");
	ok(strstr(err.msg, "4") != NULL, "text: too long says the limit (%s)", err.msg);
	is_int(validate_text("1234", 4, 1, "summary", &err), JRC_OK, "text: exactly the limit");
	is_int(validate_text("\x1b[31m1234\x1b[0m", 4, 1, "summary", &err), JRC_OK,
	       "text: escape sequences are not counted");

	is_int(validate_other_doc("E12345678", &err), JRC_OK, "other doc: passport-like");
	is_int(validate_other_doc(" AB-1234 ", &err), JRC_OK, "other doc: dash, spaces around");
	is_int(validate_other_doc("AB1", &err), JRC_E_INVALID, "other doc: too short");
	is_str(err.field, "id_other", "other doc: field");
	is_int(validate_other_doc("123456789012345678901234567890123", &err), JRC_E_INVALID,
	       "other doc: 33 characters");
	is_int(validate_other_doc("AB 1234", &err), JRC_E_INVALID, "other doc: space inside");
	is_int(validate_other_doc("\xE6\x8A\xA4\xE7\x85\xA7" "1234", &err), JRC_E_INVALID,
	       "other doc: Chinese characters");
	is_int(validate_other_doc(NULL, &err), JRC_E_INVALID, "other doc: NULL");
}

static void test_masks(void)
{
	char out[64];

	mask_id_number("33072619900101123X", out, sizeof(out));
	is_str(out, "330726********123X", "mask ID");
	mask_id_number("", out, sizeof(out));
	is_str(out, "", "mask empty ID");
	mask_id_number(NULL, out, sizeof(out));
	is_str(out, "", "mask NULL ID");
	mask_id_number("E12345678", out, sizeof(out));
	ok(strchr(out, '*') && !strstr(out, "345") && strlen(out) == 9,
	   "mask a short document number (%s)", out);
	/* One rule for a document number wherever it shows (the receipt,
	 * jrc show, the kiosk's review screen). */
	mask_document("resident", "33072619900101123X", out, sizeof(out));
	is_str(out, "330726********123X", "a resident ID card as mask_id_number");
	mask_document("other", "E12345678", out, sizeof(out));
	is_str(out, "****678", "another document: its last 3 characters");
	mask_document(NULL, "AB12", out, sizeof(out));
	is_str(out, "****B12", "no kind is another document");
	mask_document("other", "", out, sizeof(out));
	is_str(out, "", "no number: nothing");
	mask_document("other", NULL, out, sizeof(out));
	is_str(out, "", "a NULL number: nothing");

	mask_phone("13812345678", out, sizeof(out));
	is_str(out, "138****5678", "mask mobile");
	mask_phone("+86 138 1234 5678", out, sizeof(out));
	is_str(out, "138****5678", "mask mobile as typed");
	mask_phone("0579-84124123", out, sizeof(out));
	is_str(out, "0579-****4123", "mask landline");
	mask_phone("010-62344123", out, sizeof(out));
	is_str(out, "010-****4123", "mask Beijing landline");
	mask_phone("", out, sizeof(out));
	is_str(out, "", "mask empty phone");
	mask_phone(NULL, out, sizeof(out));
	is_str(out, "", "mask NULL phone");
	mask_phone("55512345", out, sizeof(out));
	is_str(out, "****2345", "mask an unknown number: last 4 only");

	mask_name("张三", out, sizeof(out));
	is_str(out, "张**", "mask two-character name: first character and two stars");
	mask_name("欧阳娜娜", out, sizeof(out));
	is_str(out, "欧**", "mask four-character name: the same shape, the length not shown");
	mask_name("张", out, sizeof(out));
	is_str(out, "***", "a one-character name is masked too");
	mask_name("John", out, sizeof(out));
	is_str(out, "J**", "mask Latin name");
	mask_name("", out, sizeof(out));
	is_str(out, "", "mask empty name");
	mask_name(NULL, out, sizeof(out));
	is_str(out, "", "mask NULL name");
	mask_name("张三丰", out, 5);
	is_str(out, "张*", "mask into a short buffer keeps whole characters");
	mask_name("张三丰", out, 3);
	is_str(out, "", "a buffer too short for one character stays empty");
	mask_id_number("33072619900101123X", out, 10);
	is_str(out, "330726***", "mask ID into a short buffer is cut, still terminated");
	/* Found by fuzz_validate: a short number into a buffer of size 0
	 * wrote its terminating NUL anyway. */
	out[0] = 'Z';
	mask_id_number("123", out, 0);
	mask_phone("12", out, 0);
	mask_name("", out, 0);
	ok(out[0] == 'Z', "a mask into a buffer of size 0 writes nothing");
}

int main(void)
{
	test_id();
	test_phone();
	test_name_text();
	test_masks();
	return done();
}
