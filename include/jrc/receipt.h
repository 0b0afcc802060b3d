/* Receipt numbers: <SITE><YYMMDD>-<NNNN>-<C>, C a Damm check digit. */
#ifndef JRC_RECEIPT_H
#define JRC_RECEIPT_H

#include <stddef.h>
#include "jrc/status.h"

enum { JRC_RECEIPT_MAX = 32 };

/* The Damm check digit over the decimal digits of s (other chars skipped). */
int damm_check_digit(const char *s);

/* 1 if the digits of s, including a trailing check digit, pass Damm. */
int damm_valid(const char *s);

/* 1 if site is 2-4 capital letters A-Z. */
int receipt_site_valid(const char *site);

/* Compose a receipt number from site, YYMMDD and sequence (>= 1).
 * out must hold JRC_RECEIPT_MAX bytes. */
jrc_status receipt_format(const char *site, const char *yymmdd, long seq,
			  char out[JRC_RECEIPT_MAX]);

/* Parse a receipt number as a person types it: case-insensitive, spaces
 * and missing dashes tolerated (pj2611290042 7), full-width forms read as
 * ASCII, and among the digits O read as 0, I and l as 1.  On success writes the
 * canonical form; a wrong check digit is JRC_E_INVALID with a sentence. */
jrc_status receipt_parse(const char *in, char out[JRC_RECEIPT_MAX],
			 jrc_err *err);

/* A random query code of 6 decimal digits (from the OS's random source). */
jrc_status receipt_query_code(char out[7], jrc_err *err);

#endif
