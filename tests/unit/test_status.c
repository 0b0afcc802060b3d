/* Every status code has a sentence and the right exit code. */
#include "jrc/status.h"
#include "tap.h"

int main(void)
{
	jrc_err err;

	for (int c = 0; c < JRC_STATUS_COUNT; c++)
		ok(jrc_status_message((jrc_status)c)[0] != '\0', "code %d has a sentence", c);
	is_int(jrc_status_exit(JRC_OK), 0, "ok exits 0");
	is_int(jrc_status_exit(JRC_E_DB_LOCKED), 1, "locked database is a runtime failure");
	is_int(jrc_status_exit(JRC_E_DB_FULL), 1, "full disk is a runtime failure");
	is_int(jrc_status_exit(JRC_E_PRINTER), 1, "printer is a runtime failure");
	is_int(jrc_status_exit(JRC_E_INVALID), 2, "bad input exits 2");
	is_int(jrc_status_exit(JRC_E_NOT_FOUND), 2, "unknown number exits 2");
	ok(jrc_err_set(&err, JRC_E_INVALID, "phone", "bad %s", "phone") == JRC_E_INVALID,
	   "err_set returns the code");
	is_str(err.field, "phone", "field kept");
	is_str(err.msg, "bad phone", "message formatted");
	jrc_err_set(&err, JRC_E_DB_FULL, NULL, NULL);
	is_str(err.msg, jrc_status_message(JRC_E_DB_FULL), "NULL format uses the default sentence");
	ok(jrc_err_set(NULL, JRC_E_AUTH, NULL, NULL) == JRC_E_AUTH, "NULL err is fine");
	return done();
}
