/* Receipt numbers: <SITE><YYMMDD>-<NNNN>-<C>, C a Damm check digit.
 *
 * Damm rather than Luhn: it catches every single-digit error and every
 * swap of two neighbouring digits, the two mistakes people make when they
 * read a number off a receipt to someone on the phone. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "jrc/fault.h"
#include "jrc/i18n.h"
#include "jrc/receipt.h"
#include "jrc/text.h"

/* The order-10 weakly totally anti-symmetric quasigroup from Damm's
 * thesis (2004), the one every published implementation uses. */
static const unsigned char damm_table[10][10] = {
	{ 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
	{ 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
	{ 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
	{ 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
	{ 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
	{ 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
	{ 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
	{ 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
	{ 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
	{ 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
};

/* Shortest and longest sequence part; nine digits is far more receipts
 * than a site files in a day, and keeps the number within
 * JRC_RECEIPT_MAX. */
enum { SEQ_MIN_DIGITS = 4, SEQ_MAX_DIGITS = 9 };

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int damm_interim(const char *s, int *ndigits)
{
	int interim = 0, n = 0;

	for (; s && *s; s++) {
		if (!is_digit((unsigned char)*s))
			continue;
		interim = damm_table[interim][*s - '0'];
		n++;
	}
	if (ndigits)
		*ndigits = n;
	return interim;
}

int damm_check_digit(const char *s)
{
	return damm_interim(s, NULL);
}

int damm_valid(const char *s)
{
	int n, interim = damm_interim(s, &n);

	return n > 0 && interim == 0;
}

int receipt_site_valid(const char *site)
{
	size_t i;

	if (!site)
		return 0;
	for (i = 0; site[i]; i++)
		if (site[i] < 'A' || site[i] > 'Z' || i >= 4)
			return 0;
	return i >= 2;
}

/* YYMMDD in this century; a receipt is never older than the kiosk. */
static int yymmdd_valid(const char *s)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int i, y, m, d;

	for (i = 0; i < 6; i++)
		if (!is_digit((unsigned char)s[i]))
			return 0;
	y = 2000 + (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[2] - '0') * 10 + (s[3] - '0');
	d = (s[4] - '0') * 10 + (s[5] - '0');
	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] +
		(m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

jrc_status receipt_format(const char *site, const char *yymmdd, long seq,
			  char out[JRC_RECEIPT_MAX])
{
	char digits[JRC_RECEIPT_MAX];
	int n;

	out[0] = '\0';
	if (!receipt_site_valid(site) || !yymmdd || strlen(yymmdd) != 6 ||
	    !yymmdd_valid(yymmdd) || seq < 1 || seq > 999999999L)
		return JRC_E_INVALID;
	n = snprintf(digits, sizeof(digits), "%s%04ld", yymmdd, seq);
	if (n < 0 || (size_t)n >= sizeof(digits))
		return JRC_E_INVALID;
	n = snprintf(out, JRC_RECEIPT_MAX, "%s%s-%04ld-%d", site, yymmdd, seq,
		     damm_check_digit(digits));
	if (n < 0 || n >= JRC_RECEIPT_MAX) {
		out[0] = '\0';
		return JRC_E_INVALID;
	}
	return JRC_OK;
}

static jrc_status not_a_receipt(jrc_err *err)
{
	return jrc_err_set(err, JRC_E_INVALID, "receipt",
		_("This is not a receipt number: it looks like PJ261129-0042-5, letters then digits, as printed on your receipt."));
}

static jrc_status mistyped(jrc_err *err)
{
	return jrc_err_set(err, JRC_E_INVALID, "receipt",
		_("This number is not valid, please check it: one of the digits is probably mistyped."));
}

/* Dashes a Chinese input method may produce instead of '-'. */
static int is_dash(uint32_t cp)
{
	return cp == '-' || cp == 0xFF0D || (cp >= 0x2010 && cp <= 0x2015) ||
	       cp == 0x2212;
}

jrc_status receipt_parse(const char *in, char out[JRC_RECEIPT_MAX],
			 jrc_err *err)
{
	/* Letters, then digits, with spaces and dashes dropped. */
	char site[5], digits[SEQ_MAX_DIGITS + 8];
	size_t i = 0, len, nsite = 0, ndig = 0, nseq;
	uint32_t cp;

	out[0] = '\0';
	if (!in)
		return not_a_receipt(err);
	len = strlen(in);
	while (i < len) {
		size_t n = text_utf8_decode(in + i, len - i, &cp);

		if (n == 0)
			return not_a_receipt(err);
		i += n;
		/* Full-width forms, as typed by an input method. */
		if (cp >= 0xFF01 && cp <= 0xFF5E && cp != 0xFF0D)
			cp -= 0xFEE0;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == 0x3000 || is_dash(cp))
			continue;
		if (cp >= 'a' && cp <= 'z')
			cp -= 'a' - 'A';
		/* Among the digits, O is a 0 and I or l a 1, as people misread
		 * them; the site code is only the letters before the digits. */
		if (ndig > 0 && cp == 'O')
			cp = '0';
		else if (ndig > 0 && (cp == 'I' || cp == 'L'))
			cp = '1';
		if (cp >= 'A' && cp <= 'Z' && ndig == 0) {
			if (nsite == 4)
				return not_a_receipt(err);
			site[nsite++] = (char)cp;
		} else if (is_digit((int)cp) && nsite > 0) {
			if (ndig == sizeof(digits) - 1)
				return not_a_receipt(err);
			digits[ndig++] = (char)cp;
		} else {
			return not_a_receipt(err);
		}
	}
	site[nsite] = '\0';
	digits[ndig] = '\0';
	if (nsite < 2 || ndig < 6 + SEQ_MIN_DIGITS + 1)
		return not_a_receipt(err);
	nseq = ndig - 7;
	/* The sequence is printed %04ld: a longer one never starts with 0. */
	if (nseq > SEQ_MIN_DIGITS && digits[6] == '0')
		return not_a_receipt(err);
	if (strspn(digits + 6, "0") >= nseq)
		return not_a_receipt(err);
	if (!yymmdd_valid(digits) || !damm_valid(digits))
		return mistyped(err);
	snprintf(out, JRC_RECEIPT_MAX, "%s%.6s-%.*s-%c", site, digits,
		 (int)nseq, digits + 6, digits[ndig - 1]);
	return JRC_OK;
}

jrc_status receipt_query_code(char out[7], jrc_err *err)
{
	unsigned char buf[16];
	size_t have = 0, used = 0;
	int k = 0;

	out[0] = '\0';
	while (k < 6) {
		unsigned b;

		if (used == have) {
			ssize_t r = getrandom(buf, sizeof(buf), 0);

			if (r < 0 && errno == EINTR)
				continue;
			if (fault_inject("getrandom")) {
				r = -1;
				errno = EIO;
			}
			if (r <= 0) {
				out[0] = '\0';
				return jrc_err_set(err, JRC_E_IO, NULL,
						   _("No query code could be drawn (the system's random source failed: %s): nothing was filed; try again, and if it repeats restart the terminal."),
						   r < 0 ? strerror(errno) : "no bytes");
			}
			have = (size_t)r;
			used = 0;
		}
		b = buf[used++];
		/* 250 = 25 * 10: bytes above it would favour 0-5. */
		if (b >= 250)
			continue;
		out[k++] = (char)('0' + b % 10);
	}
	out[6] = '\0';
	return JRC_OK;
}
