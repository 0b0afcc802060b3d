/* Status codes and the sentences that go with them. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jrc/i18n.h"
#include "jrc/status.h"

static const struct {
	jrc_status code;
	int exit;
	const char *msg;
} status_table[] = {
	{ JRC_OK, 0, N_("Done.") },
	{ JRC_E_NOMEM, 1, N_("The machine is out of memory: close other programs or call staff.") },
	{ JRC_E_IO, 1, N_("A file could not be read or written: check the path and its permissions.") },
	{ JRC_E_DB_OPEN, 1, N_("The database could not be opened: check the path and its permissions.") },
	{ JRC_E_DB_LOCKED, 1, N_("The database is busy with another terminal: wait a moment and try again.") },
	{ JRC_E_DB_READONLY, 1, N_("The database cannot be written: ask staff to check its permissions.") },
	{ JRC_E_DB_FULL, 1, N_("The disk is full, nothing was saved: ask staff to free space, then try again.") },
	{ JRC_E_DB_CORRUPT, 1, N_("The database file is damaged: ask staff to restore it from a backup (jrc verify tells more).") },
	{ JRC_E_DB_VERSION, 1, N_("The database was made by a newer version of jrc: install that version.") },
	{ JRC_E_DB, 1, N_("The database reported an error: try again, and call staff if it happens again.") },
	{ JRC_E_DB_EXISTS, 1, N_("A database already exists there: use --force to replace it, or choose another path.") },
	{ JRC_E_NO_DB, 1, N_("There is no database there yet: create one with 'jrc init'.") },
	{ JRC_E_PRINTER, 1, N_("The printer did not print: check paper and cable, or collect the receipt at the front desk.") },
	{ JRC_E_CONFLICT, 1, N_("Someone else took that just now: choose again.") },
	{ JRC_E_TAMPERED, 1, N_("The record has been altered: report this to the supervisor.") },
	{ JRC_E_USAGE, 2, N_("The command was not used correctly: see --help.") },
	{ JRC_E_INVALID, 2, N_("Some input is not valid: correct it and try again.") },
	{ JRC_E_NOT_FOUND, 2, N_("Nothing was found: check the number and try again.") },
	{ JRC_E_REFUSED, 2, N_("That is not allowed now.") },
	{ JRC_E_LOCKED_OUT, 2, N_("Too many failed tries: wait and try again later, or ask staff.") },
	{ JRC_E_AUTH, 2, N_("The ID or password is wrong: try again.") },
	{ JRC_E_DATA, 2, N_("The reference data has an error: correct the file and import again.") },
};

_Static_assert(sizeof(status_table) / sizeof(status_table[0]) == JRC_STATUS_COUNT,
	       "every status code has a sentence");

const char *jrc_status_message(jrc_status code)
{
	if ((unsigned)code >= JRC_STATUS_COUNT)
		code = JRC_E_DB;
	return _(status_table[code].msg);
}

int jrc_status_exit(jrc_status code)
{
	if ((unsigned)code >= JRC_STATUS_COUNT)
		return 1;
	return status_table[code].exit;
}

jrc_status jrc_err_set(jrc_err *err, jrc_status code, const char *field,
		       const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	if (!fmt) {
		snprintf(err->msg, sizeof(err->msg), "%s", jrc_status_message(code));
		return code;
	}
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void jrc_err_clear(jrc_err *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}
