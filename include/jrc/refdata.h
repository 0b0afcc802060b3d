/* Reference data: categories, departments, divisions, routing, roster,
 * imported from CSV files (UTF-8, header row). */
#ifndef JRC_REFDATA_H
#define JRC_REFDATA_H

#include <stddef.h>
#include "jrc/db.h"

typedef struct jrc_category {
	char code[8];
	char name_zh[64], name_en[96];
	char desc_zh[512], desc_en[512];
	char channel_zh[512], channel_en[512]; /* legal channel, for LIT: a new matter */
	char court_zh[512], court_en[512];     /* for LIT: already before a court */
	char outcome_zh[256], outcome_en[256]; /* an example of what one may ask for */
	int active;  /* 0: dropped from the CSV by an import; kept for its old
		      * cases, takes no new ones */
} jrc_category;

typedef struct jrc_department {
	char code[16];
	char name_zh[96], name_en[128];
	char window[16];
	char phone[24];
	char short_zh[48], short_en[64];   /* 人社局, HR & Social Security; may be "" */
} jrc_department;

typedef struct jrc_division {
	char code[16];
	char parent[16];
	char level[12];      /* county | township | village */
	char name_zh[64], name_en[96];
} jrc_division;

/* Import every known CSV in dir into the database, in one transaction:
 * categories.csv, departments.csv, divisions.csv, routing.csv and, where
 * present, roster.csv, schedule.csv, holidays.csv.  Rows are upserted, so
 * importing twice changes nothing.  A malformed file is JRC_E_DATA with
 * "FILE:LINE: what is wrong" in err and nothing imported. */
jrc_status refdata_import_dir(jrc_db *db, const char *dir, const char *actor,
			      jrc_err *err);

/* A handler for one CSV file, called per data row with the header-mapped
 * fields; registered in a table inside refdata.c. */

/* Parse one CSV record (RFC 4180: quotes, doubled quotes, embedded commas
 * and newlines) from *p, advancing it.  Fields are written NUL-terminated
 * into buf and pointed to from fields[].  Returns the field count, 0 at end
 * of input, -1 on malformed input (unterminated quote, too many fields, or
 * buf too small). */
int csv_read_record(const char **p, const char *end, char *buf, size_t bufsize,
		    char **fields, int maxfields, int *lines);

/* Lists, allocated; caller frees *out.  Ordered as in the CSV. */
jrc_status refdata_categories(jrc_db *db, jrc_category **out, size_t *n,
			      jrc_err *err);
jrc_status refdata_category(jrc_db *db, const char *code, jrc_category *out,
			    jrc_err *err);
jrc_status refdata_department(jrc_db *db, const char *code,
			      jrc_department *out, jrc_err *err);
/* Every department in the order of departments.csv; caller frees *out. */
jrc_status refdata_departments(jrc_db *db, jrc_department **out, size_t *n, jrc_err *err);
/* The department staff mean by what they typed: its code (any case), its
 * name or short name in either language, or a part of one of those that
 * fits one department only.  JRC_E_NOT_FOUND or, when the part fits
 * several, JRC_E_INVALID naming them, each with a sentence. */
jrc_status refdata_department_find(jrc_db *db, const char *typed, jrc_department *out,
				   jrc_err *err);
/* Children of parent (NULL: the county's townships). */
jrc_status refdata_divisions(jrc_db *db, const char *parent,
			     jrc_division **out, size_t *n, jrc_err *err);
jrc_status refdata_division(jrc_db *db, const char *code, jrc_division *out,
			    jrc_err *err);

#endif
