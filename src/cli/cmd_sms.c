/* jrc sms: the SMS outbox from the command line: list it (numbers
 * masked), and send what is due through the site's sender, once (for a
 * timer) or polling. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/sms.h"

enum { POLL_SECONDS = 30 };

static const struct option sms_opts[] = {
	{ "failed", no_argument, NULL, 'f' },
	{ "once", no_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 }
};

typedef struct sms_args {
	int send;
} sms_args;

static int sms_check(cli_call *c)
{
	sms_args *a = c->state;

	if (c->argc == 0 || strcmp(c->argv[0], "list") == 0) {
		if (cli_has(c, 'o'))
			return cli_usage(c->ctx, _("--once goes with 'jrc sms send'"));
		c->db_flags |= JRC_DB_READONLY;
		return 0;
	}
	if (strcmp(c->argv[0], "send") != 0)
		return cli_usage(c->ctx, _("unknown action '%s': list with 'jrc sms list', send with 'jrc sms send'"),
				 c->argv[0]);
	if (cli_has(c, 'f'))
		return cli_usage(c->ctx, _("--failed goes with 'jrc sms list'"));
	a->send = 1;
	return 0;
}

static const char *state_word(const jrc_sms *m)
{
	if (!strcmp(m->state, "sent"))
		return _("sent");
	if (!strcmp(m->state, "failed"))
		return _("FAILED");
	return m->attempts ? _("retrying") : _("queued");
}

static void sms_json(json_out *j, const void *row, const void *arg)
{
	const jrc_sms *m = row;

	(void)arg;
	json_int(j, "id", m->id);
	json_str(j, "receipt", m->receipt);
	json_str(j, "kind", m->kind);
	json_str(j, "phone", m->phone);
	json_str(j, "state", m->state);
	json_int(j, "attempts", m->attempts);
	json_str(j, "queued_at", m->queued_at);
	json_str(j, "next_try_at", *m->sent_at || *m->failed_at ? NULL : m->next_try_at);
	json_str(j, "sent_at", *m->sent_at ? m->sent_at : NULL);
	json_str(j, "failed_at", *m->failed_at ? m->failed_at : NULL);
	json_str(j, "last_error", *m->last_error ? m->last_error : NULL);
	json_str(j, "text", m->text);
}

static void local(const char *utc, char out[32])
{
	jrc_time t;

	if (*utc && clock_parse(utc, &t) == JRC_OK)
		clock_format_local(t, out);
	else
		snprintf(out, 32, "%s", utc);
}

static int list_run(cli_call *c)
{
	jrc_sms *v;
	size_t n;
	char sender[520] = "none";
	int failed = cli_has(c, 'f');

	if (sms_list(c->db, failed, &v, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_print_rows(v, n, sizeof(*v), sms_json, NULL);
		sms_list_free(v, n);
		return 0;
	}
	if (!n)
		printf("%s\n", failed ? _("No failed SMS.") : _("No SMS in the outbox."));
	for (size_t i = 0; i < n; i++) {
		char when[32];

		local(v[i].queued_at, when);
		/* TRANSLATORS: number, when queued, receipt, kind, masked phone, state, tries */
		printf(_("#%" PRId64 "  %s  %s  %-8s  %s  %s  tries %d\n"), v[i].id, when,
		       v[i].receipt, v[i].kind, v[i].phone, state_word(&v[i]), v[i].attempts);
		if (*v[i].last_error)
			printf(_("    last error: %s\n"), v[i].last_error);
	}
	sms_list_free(v, n);
	if (!failed && db_setting_get(c->db, "sms_sender", "none", sender, sizeof(sender), NULL) == JRC_OK &&
	    strcmp(sender, "none") == 0)
		printf("%s\n", _("The SMS sender is 'none': messages stay queued until sms_sender is set ('jrc settings')."));
	return 0;
}

static int send_run(cli_call *c)
{
	long sent, failed, reminders;

	for (;;) {
		if (sms_queue_reminders(c->db, &reminders, &c->err) != JRC_OK ||
		    sms_send_due(c->db, &sent, &failed, &c->err) != JRC_OK)
			return CLI_ERR;
		if (cli_has(c, 'o'))
			break;
		fflush(stdout);
		sleep(POLL_SECONDS);
	}
	if (c->json)
		printf("{\"sent\":%ld,\"failed\":%ld,\"reminders\":%ld}\n", sent, failed, reminders);
	else
		printf(_("SMS sent: %ld, failed this time: %ld, reminders queued: %ld.\n"), sent,
		       failed, reminders);
	return 0;
}

static int sms_run(cli_call *c)
{
	sms_args *a = c->state;

	return a->send ? send_run(c) : list_run(c);
}

const cli_command cli_cmd_sms = {
	.name = "sms",
	.summary = N_("list the SMS outbox and send what is due"),
	.help = N_("Usage: jrc sms [list] [--failed] [--json]\n"
		   "       jrc sms send [--once] [--json]\n"
		   "Short messages go to citizens who agreed at filing: the receipt number\n"
		   "and query code, a booking and its reminder the day before, the decision\n"
		   "to accept or not, the answer ready.  Each is queued with the event that\n"
		   "causes it.  'list' shows the outbox, newest first, numbers masked;\n"
		   "--failed: only the messages given up on after 6 tries.  'send' queues\n"
		   "the reminders of tomorrow's bookings and sends what is due through the\n"
		   "sms_sender setting (none, file:PATH, command:PATH: the gateway script\n"
		   "gets the number as its argument and the text on standard input; exit 0\n"
		   "is sent); a failure is tried again after 1, 5, 30 minutes, 2 and 12\n"
		   "hours.  --once: one round (for a timer); without it, every 30 seconds.\n"),
	.opts = sms_opts,
	.min_args = 0, .max_args = 1,
	.many = N_("give one action: list or send"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(sms_args),
	.check = sms_check,
	.run = sms_run,
};
