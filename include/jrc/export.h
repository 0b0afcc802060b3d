/* Open data: the cases filed in a period as Open311 GeoReport v2 services
 * and requests, or as a CSV for spreadsheets, with no personal data: never
 * a name, an ID number or a phone; the citizen's text only when asked for,
 * and masked then (mask_text). */
#ifndef JRC_EXPORT_H
#define JRC_EXPORT_H

#include "jrc/db.h"
#include "jrc/i18n.h"
#include "jrc/status.h"

typedef struct jrc_export_opts {
	const char *from, *to;   /* local dates YYYY-MM-DD, both inclusive; NULL: open */
	int with_text;           /* the description, masked */
	jrc_lang lang;           /* of names and state words (JRC_LANG_ZH = 0 default) */
} jrc_export_opts;

/* One case as the export shows it.  Datetimes are ISO 8601 in the site's
 * zone with its offset ("2026-11-29T10:00:00+08:00"); "" stands for null. */
typedef struct jrc_export_request {
	char service_request_id[32];  /* the receipt number */
	int closed;                   /* 1 in a state where nothing more runs */
	const char *status_notes;     /* the state in a few words */
	char service_notice[256];     /* what the running deadline means, and its date */
	char service_code[8];
	char service_name[128];
	char agency_responsible[128];
	char requested_datetime[32];  /* filed */
	char updated_datetime[32];    /* the last change of state */
	char expected_datetime[32];   /* the end of the deadline's day, or "" */
	char address[256];            /* "浦江县 黄宅镇 前店村" */
	char address_id[16];          /* the division's code */
	char *description;            /* masked text with_text, else NULL */
} jrc_export_request;

/* Check a period: dates as YYYY-MM-DD, from not after to. */
jrc_status export_check_period(const char *from, const char *to, jrc_err *err);

/* fn's answer: 0 to go on, else a status that stops the export. */
typedef jrc_status (*jrc_export_fn)(const jrc_export_request *r, void *arg, jrc_err *err);

/* Call fn on each case filed in the period, oldest first, one at a time
 * (the cases are never all in memory); *n counts them (n may be NULL). */
jrc_status export_requests(jrc_db *db, const jrc_export_opts *o, jrc_export_fn fn,
			   void *arg, long *n, jrc_err *err);

/* Write services.json (the categories) and requests.json (the period's
 * cases) into dir, created if missing.  Each file is written beside its
 * place and renamed into it only when both are whole, so a failure leaves
 * the old files or none.  *n: the requests written. */
jrc_status export_open311(jrc_db *db, const char *dir, const jrc_export_opts *o, long *n,
			  jrc_err *err);

/* Write the period's cases as CSV to file (UTF-8 with a BOM, CRLF, RFC
 * 4180 quoting), the same fields as requests.json; written beside and
 * renamed, as export_open311.  *n: the rows written. */
jrc_status export_csv(jrc_db *db, const char *file, const jrc_export_opts *o, long *n,
		      jrc_err *err);

#endif
