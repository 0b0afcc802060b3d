/* Citizen-supplied identifiers: resident ID numbers, phones, names.
 *
 * The messages are read by citizens at the kiosk, many of them elderly:
 * each says in plain words what is wrong and what would be accepted. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/i18n.h"
#include "jrc/text.h"
#include "jrc/validate.h"

/* Room for anything a person plausibly types into a number field; more
 * than that is refused as too long without looking further. */
enum { FOLD_MAX = 128 };

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Chinese input methods in full-width mode type ０-９, Ｘ, － and the
 * ideographic space: fold them to ASCII so that a number typed that way is
 * not refused.  Other non-ASCII characters become '?', which no caller
 * accepts.  Surrounding white space is dropped.  Returns the length, or -1
 * if the result does not fit. */
static int fold_ascii(const char *in, char out[FOLD_MAX])
{
	size_t i = 0, o = 0, len = strlen(in), start = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(in + i, len - i, &cp);

		if (n == 0) {
			n = 1;
			cp = '?';
		}
		i += n;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000 || cp == '\t')
			cp = ' ';
		else if (cp >= 0x80)
			cp = '?';
		if (o + 1 >= FOLD_MAX)
			return -1;
		out[o++] = (char)cp;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	while (start < o && out[start] == ' ')
		start++;
	memmove(out, out + start, o - start);
	o -= start;
	out[o] = '\0';
	return (int)o;
}

static int leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int real_date(int y, int m, int d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap_year(y));
}

static int digits_value(const char *s, size_t n)
{
	int v = 0;

	while (n--)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* ---------------------------------------------------------------- ID */

char validate_id_check_char(const char *first17)
{
	static const int weight[17] = {
		7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
	};
	int sum = 0, i;

	if (!first17)
		return '\0';
	for (i = 0; i < 17; i++) {
		if (!is_digit(first17[i]))
			return '\0';
		sum += (first17[i] - '0') * weight[i];
	}
	return "10X98765432"[sum % 11];
}

/* The first two digits of a resident ID: provinces and municipalities,
 * Taiwan, Hong Kong, Macao, Taiwan residents' permits, and foreigners'
 * permanent residence cards. */
static int province_valid(int code)
{
	static const unsigned char codes[] = {
		11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
		41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
		71, 81, 82, 83, 91
	};
	size_t i;

	for (i = 0; i < sizeof(codes); i++)
		if (codes[i] == code)
			return 1;
	return 0;
}

jrc_status validate_id_number(const char *id, const char *today_ymd,
			      char out[19], jrc_err *err)
{
	char buf[FOLD_MAX];
	int len, i, y, m, d;

	if (out)
		out[0] = '\0';
	len = fold_ascii(id ? id : "", buf);
	if (len == 0)
		return jrc_err_set(err, JRC_E_INVALID, "id_number",
			_("Please enter the ID number: the 18 characters printed on the resident ID card."));
	if (len != 18)
		return jrc_err_set(err, JRC_E_INVALID, "id_number",
			_("The ID number must have 18 characters: 17 digits, then a digit or the letter X. Please check it against the card."));
	if (buf[17] == 'x')
		buf[17] = 'X';
	for (i = 0; i < 17; i++)
		if (!is_digit(buf[i]))
			break;
	if (i < 17 || !(is_digit(buf[17]) || buf[17] == 'X'))
		return jrc_err_set(err, JRC_E_INVALID, "id_number",
			_("The ID number may contain only digits, and the letter X as its last character. Please check it against the card."));
	if (!province_valid(digits_value(buf, 2)))
		return jrc_err_set(err, JRC_E_INVALID, "id_number",
			_("The ID number's first two digits are not a place in China: check the 18 characters on the card."));
	y = digits_value(buf + 6, 4);
	m = digits_value(buf + 10, 2);
	d = digits_value(buf + 12, 2);
	if (y < 1900 || !real_date(y, m, d))
		return jrc_err_set(err, JRC_E_INVALID, "id_number",
			_("The birth date inside the ID number (digits 7 to 14) is not a real date: check the 18 characters on the card."));
	/* Both are YYYYMMDD, so string order is date order. */
	if (today_ymd && strlen(today_ymd) == 8 &&
	    strncmp(buf + 6, today_ymd, 8) > 0)
		return jrc_err_set(err, JRC_E_INVALID, "id_number",
			_("The birth date inside the ID number (digits 7 to 14) is in the future: check the 18 characters on the card."));
	if (validate_id_check_char(buf) != buf[17])
		return jrc_err_set(err, JRC_E_INVALID, "id_number",
			_("The ID number's last character does not match: check the 18 characters on the card (the last one may be X)."));
	if (out)
		memcpy(out, buf, 19);
	return JRC_OK;
}

/* ---------------------------------------------------------------- phone */

static jrc_status phone_error(jrc_err *err, const char *msg)
{
	return jrc_err_set(err, JRC_E_INVALID, "phone", "%s", msg);
}

static jrc_status bad_landline(jrc_err *err)
{
	return phone_error(err,
		_("A landline number is its area code starting with 0, then 7 or 8 digits, for example 0579-84123456. Please check the number."));
}

static jrc_status not_a_phone(jrc_err *err)
{
	return phone_error(err,
		_("This is not a phone number we can use: enter a mobile number of 11 digits starting with 1, or a landline with its area code, for example 0579-84123456."));
}

jrc_status validate_phone(const char *phone, char out[24], jrc_err *err)
{
	char buf[FOLD_MAX], d[FOLD_MAX];
	size_t i, n = 0, area;
	int len, plus = 0;
	char *p;

	if (out)
		out[0] = '\0';
	len = fold_ascii(phone ? phone : "", buf);
	if (len == 0)
		return phone_error(err,
			_("Please enter a phone number: a mobile number of 11 digits, or a landline with its area code, for example 0579-84123456."));
	if (len < 0)
		return not_a_phone(err);
	for (i = 0; i < (size_t)len; i++) {
		char c = buf[i];

		if (is_digit(c))
			d[n++] = c;
		else if (c == '+' && n == 0 && !plus)
			plus = 1;
		else if (c != ' ' && c != '-')
			break;
	}
	if (i < (size_t)len)
		return phone_error(err,
			_("A phone number may contain only digits, spaces and dashes, for example 13812345678 or 0579-84123456."));
	d[n] = '\0';
	p = d;
	if (plus) {
		if (strncmp(p, "86", 2) != 0)
			return phone_error(err,
				_("Only phone numbers in mainland China can be used here: a mobile number of 11 digits, or a landline with its area code."));
		p += 2;
		n -= 2;
		/* Written internationally, a landline loses its leading 0
		 * (+86 579 84123456); a mobile never starts with 10-12. */
		if (n > 0 && p[0] != '0' && !(p[0] == '1' && n > 1 && p[1] >= '3')) {
			*--p = '0';
			n++;
		}
	} else if (n == 13 && strncmp(p, "861", 3) == 0) {
		p += 2;
		n -= 2;
	}

	if (p[0] == '1') {
		if (n != 11 || p[1] < '3')
			return phone_error(err,
				_("A mobile number has 11 digits and starts with 13 to 19, for example 13812345678. Please check the number."));
		if (out)
			memcpy(out, p, 12);
		return JRC_OK;
	}
	if (p[0] != '0')
		return not_a_phone(err);
	/* Beijing (010) and the 02x cities have 3-digit area codes, every
	 * other area 4, so the split is known even if no dash was typed. */
	area = (p[1] == '2' || (p[1] == '1' && p[2] == '0')) ? 3 : 4;
	/* A local number never starts with 0: that is a second area code. */
	if (p[1] == '0' || n < area + 7 || n > area + 8 || p[area] == '0')
		return bad_landline(err);
	if (out) {
		memcpy(out, p, area);
		out[area] = '-';
		memcpy(out + area + 1, p + area, n - area + 1);
	}
	return JRC_OK;
}

/* ---------------------------------------------------------------- name, text */

/* A letter a clerk can see and read back: Latin, Greek, Cyrillic, the
 * scripts of China's peoples (Han, Tibetan, Mongolian, Uyghur, Yi), kana
 * and Hangul syllables.  Not digits or punctuation, and not what looks
 * like nothing: fillers (U+3164), a blank braille cell (U+2800), lone
 * combining marks, private use, noncharacters (U+FFFF). */
static int is_visible_letter(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{ 'A', 'Z' }, { 'a', 'z' },
		{ 0xC0, 0xD6 }, { 0xD8, 0xF6 }, { 0xF8, 0x24F },       /* Latin */
		{ 0x370, 0x3FF }, { 0x400, 0x52F },                    /* Greek, Cyrillic */
		{ 0x620, 0x64A }, { 0x671, 0x6D3 },                    /* Arabic, Uyghur */
		{ 0xF40, 0xF6C },                                      /* Tibetan */
		{ 0x1820, 0x1878 },                                    /* Mongolian */
		{ 0x1E00, 0x1EFF },                                    /* Latin extended */
		{ 0x3041, 0x3096 }, { 0x30A1, 0x30FA },                /* kana */
		{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },                /* Han */
		{ 0xA000, 0xA48C },                                    /* Yi */
		{ 0xAC00, 0xD7A3 },                                    /* Hangul syllables */
		{ 0xF900, 0xFAFF },                                    /* Han compatibility */
		{ 0xFF21, 0xFF3A }, { 0xFF41, 0xFF5A },                /* full-width Latin */
		{ 0x20000, 0x3134F },                                  /* Han extensions */
	};

	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return !(cp >= 0x374 && cp <= 0x375) && cp != 0x37E && cp != 0x387;
	return 0;
}

jrc_status validate_name(const char *name, jrc_err *err)
{
	char *clean;
	size_t count, i, len;
	int letter = 0;

	if (name && !text_utf8_valid(name, strlen(name)))
		return jrc_err_set(err, JRC_E_INVALID, "name",
			_("Some characters of the name cannot be read: please type the name again."));
	clean = text_sanitize(name ? name : "", 0);
	if (!clean)
		return jrc_err_set(err, JRC_E_NOMEM, "name", NULL);
	count = text_utf8_count(clean);
	len = strlen(clean);
	for (i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_utf8_decode(clean + i, len - i, &cp);

		i += n ? n : 1;
		if (is_visible_letter(cp))
			letter = 1;
	}
	free(clean);
	if (count == 0)
		return jrc_err_set(err, JRC_E_INVALID, "name",
			_("Please enter your name, as written on your ID card."));
	if (count > JRC_NAME_MAX)
		return jrc_err_set(err, JRC_E_INVALID, "name",
			_("The name is too long: at most %d characters."),
			(int)JRC_NAME_MAX);
	if (!letter)
		return jrc_err_set(err, JRC_E_INVALID, "name",
			_("A name must have letters or Chinese characters that can be seen, not only digits, punctuation or invisible characters."));
	return JRC_OK;
}

jrc_status validate_text(const char *text, size_t max, int required,
			 const char *field, jrc_err *err)
{
	char *clean;
	size_t count;

	if (!field)
		field = "text";
	if (!text)
		text = "";
	if (!text_utf8_valid(text, strlen(text)))
		return jrc_err_set(err, JRC_E_INVALID, field,
			_("This is not valid text: some characters cannot be read. Please type it again."));
	clean = text_sanitize(text, 1);
	if (!clean)
		return jrc_err_set(err, JRC_E_NOMEM, field, NULL);
	count = text_utf8_count(clean);
	free(clean);
	if (required && count == 0)
		return jrc_err_set(err, JRC_E_INVALID, field,
			_("This cannot be left empty: please write a few words."));
	if (count > max)
		return jrc_err_set(err, JRC_E_INVALID, field,
			_("This text is too long: at most %zu characters, and it has %zu. Please shorten it."),
			max, count);
	return JRC_OK;
}

jrc_status validate_other_doc(const char *doc, jrc_err *err)
{
	char buf[FOLD_MAX];
	int len, i;

	len = fold_ascii(doc ? doc : "", buf);
	for (i = 0; i < len; i++) {
		char c = buf[i];

		if (!(is_digit(c) || c == '-' || ((c | 0x20) >= 'a' &&
						  (c | 0x20) <= 'z')))
			break;
	}
	if (len < 4 || len > JRC_OTHER_DOC_MAX || i < len)
		return jrc_err_set(err, JRC_E_INVALID, "id_other",
			_("A document number has 4 to 32 characters: letters, digits and dashes only, as printed on the document."));
	return JRC_OK;
}
