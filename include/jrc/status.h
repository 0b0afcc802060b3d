/* One status enum for the whole core; each code carries a sentence. */
#ifndef JRC_STATUS_H
#define JRC_STATUS_H

#include <stddef.h>

typedef enum jrc_status {
	JRC_OK = 0,
	/* runtime failures: exit 1 */
	JRC_E_NOMEM,
	JRC_E_IO,
	JRC_E_DB_OPEN,
	JRC_E_DB_LOCKED,
	JRC_E_DB_READONLY,
	JRC_E_DB_FULL,
	JRC_E_DB_CORRUPT,
	JRC_E_DB_VERSION,
	JRC_E_DB,
	JRC_E_DB_EXISTS,
	JRC_E_NO_DB,
	JRC_E_PRINTER,
	JRC_E_CONFLICT,     /* lost a race (a slot taken); try again */
	JRC_E_TAMPERED,
	/* bad input: exit 2 */
	JRC_E_USAGE,
	JRC_E_INVALID,
	JRC_E_NOT_FOUND,
	JRC_E_REFUSED,      /* not allowed in this state / for this role */
	JRC_E_LOCKED_OUT,
	JRC_E_AUTH,
	JRC_E_DATA,         /* malformed reference data */
	JRC_STATUS_COUNT
} jrc_status;

/* A status with the sentence the user sees and the field it concerns. */
typedef struct jrc_err {
	jrc_status code;
	char field[32];
	char msg[512];
} jrc_err;

/* The translated default sentence for a status code. */
const char *jrc_status_message(jrc_status code);

/* The exit code a command returns for a status: 0, 1 (runtime) or 2 (input). */
int jrc_status_exit(jrc_status code);

/* Fill err (may be NULL) with code, field (may be NULL) and a formatted message;
 * a NULL fmt uses the code's default sentence.  Returns code. */
jrc_status jrc_err_set(jrc_err *err, jrc_status code, const char *field,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Clear err to JRC_OK. */
void jrc_err_clear(jrc_err *err);

#endif
