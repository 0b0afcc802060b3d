/* The receipt as a document (jrc/doc.h): what it shows, gathered from a
 * case, and its layout in Chinese, English or both. */
#ifndef JRC_RECEIPT_DOC_H
#define JRC_RECEIPT_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"
#include "jrc/doc.h"
#include "jrc/receipt.h"

/* Which languages a receipt carries. */
typedef enum jrc_doc_langs {
	JRC_DOC_ZH = 0,     /* Chinese only */
	JRC_DOC_ZH_EN,      /* Chinese, with short English under key lines */
	JRC_DOC_EN          /* English only, for printers without Chinese */
} jrc_doc_langs;

/* Everything a receipt shows, gathered from the case, the reference data
 * and the site settings; personal data is already masked. */
typedef struct jrc_receipt_info {
	char center_zh[1024], center_en[1024];
	char address_zh[1024], address_en[1024];
	char phone[1024];
	char receipt[JRC_RECEIPT_MAX];
	char query_code[8];
	char filed_local[32];               /* "2026-11-29 10:30", site-local */
	char category_zh[64], category_en[96];
	char place_zh[160], place_en[200];  /* "浦阳街道 和平社区" */
	char dept_zh[96], dept_en[128];
	char window[16];
	/* Today's queue ticket for the case, if one waits (queue.h): the
	 * number and the window to go to, how many were ahead. */
	char ticket[16];
	int ticket_window, ticket_ahead;
	char accept_by[12];                 /* YYYY-MM-DD */
	/* Answered already (a matter solved on the spot at a leader's
	 * visit): printed instead of the acceptance deadline. */
	int answered;
	/* A court or legal matter (LIT): where to go and what to bring,
	 * printed instead of the acceptance deadline; "" otherwise. */
	char legal_zh[1024], legal_en[1024];
	int anonymous;
	char name[200], id[80], phone_masked[40];
	char booking_zh[512], booking_en[512];  /* "" when nothing is booked */
	/* The same person's same matter at the same place was lawfully
	 * concluded before: its number, day and the way that remains,
	 * printed instead of the acceptance deadline; "" otherwise. */
	char concluded_receipt[JRC_RECEIPT_MAX];
	char concluded_on[12];
	char concluded_channel[4096];
	char ledger[20];                    /* audit_ledger_check of the filing, "0a1b 2c3d 4e5f 6a7b" */
} jrc_receipt_info;

/* Gather a case's receipt from the database (JRC_E_NOT_FOUND for an
 * unknown number). */
jrc_status receipt_info_load(jrc_db *db, const char *receipt, jrc_receipt_info *out,
			     jrc_err *err);

/* The booked mediator, lawyer or leader of a case for the receipt, in
 * Chinese and English; both "" when none. */
jrc_status receipt_doc_booking_lines(jrc_db *db, int64_t case_id, jrc_receipt_info *info,
				     jrc_err *err);

/* What the receipt's QR code holds: "<receipt number> <query code>",
 * e.g. "PJ261129-0042-7 123456" (a kiosk's scanner types it into the
 * status lookup as it stands). */
void receipt_qr_payload(const char *receipt, const char *query_code, char *out,
			size_t size);

/* Lay a receipt out on cols columns. */
jrc_status receipt_doc_build(const jrc_receipt_info *info, int cols, jrc_doc_langs langs,
			     jrc_doc *doc, jrc_err *err);

/* receipt_info_load then receipt_doc_build: what the kiosk shows on screen
 * when the printer fails.  doc is initialized here; free with doc_free. */
jrc_status receipt_doc_load(jrc_db *db, const char *receipt, int cols, jrc_doc_langs langs,
			    jrc_doc *doc, jrc_err *err);

#endif
