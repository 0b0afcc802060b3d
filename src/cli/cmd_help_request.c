/* jrc help-request: the drafts citizens handed to the front desk (help.h),
 * listed without their content, and wiped when their time has passed. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/help.h"
#include "jrc/i18n.h"

static int help_request_check(cli_call *c)
{
	if (strcmp(c->argv[0], "list") != 0 && strcmp(c->argv[0], "expire") != 0)
		return cli_usage(c->ctx, _("unknown action '%s': use list or expire"), c->argv[0]);
	return 0;
}

static int list(cli_call *c)
{
	jrc_help_request *r = NULL;
	size_t n = 0;

	if (help_request_list(c->db, &r, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_arr_open(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_obj_open(&j, NULL);
			json_int(&j, "id", r[i].id);
			json_str(&j, "ticket", r[i].ticket);
			json_str(&j, "created_at", r[i].created_at);
			json_str(&j, "expires_at", r[i].expires_at);
			json_int(&j, "step", r[i].step);
			json_str(&j, "category", r[i].category);
			if (*r[i].claimed_at) {
				json_str(&j, "claimed_at", r[i].claimed_at);
				json_str(&j, "claimed_by", r[i].claimed_by);
			} else {
				json_null(&j, "claimed_at");
				json_null(&j, "claimed_by");
			}
			json_obj_close(&j);
		}
		json_arr_close(&j);
		json_end(&j);
	} else if (!n) {
		printf("%s\n", _("No help requests are waiting."));
	} else {
		for (size_t i = 0; i < n; i++) {
			printf(_("%s  step %d  %s  until %s"), r[i].ticket, r[i].step,
			       *r[i].category ? r[i].category : "-", r[i].expires_at);
			if (*r[i].claimed_at)
				printf(_("  claimed by %s"), r[i].claimed_by);
			putchar('\n');
		}
	}
	free(r);
	return 0;
}

static int help_request_run(cli_call *c)
{
	long wiped = 0;

	if (strcmp(c->argv[0], "list") == 0)
		return list(c);
	if (help_request_expire(c->db, &wiped, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		printf("{\"wiped\":%ld}\n", wiped);
	else
		printf(_("Expired help drafts wiped: %ld\n"), wiped);
	return 0;
}

const cli_command cli_cmd_help_request = {
	.name = "help-request",
	.summary = N_("list the drafts citizens handed to the front desk, wipe expired ones"),
	.help = N_("Usage: jrc help-request list [--json]\n"
		   "       jrc help-request expire [--json]\n"
		   "A citizen who asks for staff help in the kiosk's filing form gets a\n"
		   "queue ticket; what they had chosen and typed waits for the desk as a\n"
		   "draft until a clerk files it or it expires (the help_expiry setting:\n"
		   "'end of day', the default, or a number of minutes), and is then wiped.\n"
		   "list shows the waiting requests: ticket, when made, when they expire,\n"
		   "the step reached and the category; never what the citizen typed.\n"
		   "expire wipes those whose time has passed ('jrc tick' does it too).\n"),
	.min_args = 1, .max_args = 1,
	.few = N_("say what to do: list or expire"),
	.flags = CLI_DB | CLI_JSON,
	.check = help_request_check,
	.run = help_request_run,
};
