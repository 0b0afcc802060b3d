/* jrc queue: the hall's tickets from the command line: take one, call the
 * next for a window, call again, mark a no-show, send to another window,
 * serve, and list today's line and the windows. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/auth.h"
#include "jrc/i18n.h"
#include "jrc/queue.h"

static const struct option queue_opts[] = {
	{ "group", required_argument, NULL, 'g' },
	{ "reason", required_argument, NULL, 'r' },
	{ "case", required_argument, NULL, 'c' },
	{ "window", required_argument, NULL, 'w' },
	{ "to-window", required_argument, NULL, 't' },
	{ "staff", required_argument, NULL, 'S' },
	{ "all", no_argument, NULL, 'A' },
	{ NULL, 0, NULL, 0 }
};

enum { DO_TAKE, DO_CALL, DO_RECALL, DO_SKIP, DO_TRANSFER, DO_SERVE, DO_LIST, DO_WINDOWS };

static const char *const verbs[] = { "take", "call", "recall", "skip", "transfer", "serve",
				     "list", "windows" };

/* Options each verb takes, besides --json. */
static const char *const verb_opts[] = { "grc", "wS", "S", "S", "tS", "cS", "gA", "" };

typedef struct queue_args {
	int what;
	int window, to_window;
	char receipt[JRC_RECEIPT_MAX];
	char actor[48];
} queue_args;

static int window_arg(cli_call *c, const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (!*v || *end || n < 1 || n > 999)
		return cli_usage(c->ctx, _("'%s' is not a window number: see 'jrc queue windows'"), v);
	*out = (int)n;
	return 0;
}

static int queue_check(cli_call *c)
{
	queue_args *a = c->state;
	const struct option *o;
	size_t i;
	int st;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(c->argv[0], verbs[i]) == 0)
			break;
	if (i == sizeof(verbs) / sizeof(verbs[0]))
		return cli_usage(c->ctx, _("unknown action '%s': use take, call, recall, skip, transfer, serve, list or windows"),
				 c->argv[0]);
	a->what = (int)i;
	for (o = queue_opts; o->name; o++)
		if (cli_has(c, o->val) && !strchr(verb_opts[i], o->val))
			return cli_usage(c->ctx, _("'jrc queue %s' does not take --%s"), verbs[i], o->name);
	if (a->what == DO_RECALL || a->what == DO_SKIP || a->what == DO_TRANSFER ||
	    a->what == DO_SERVE) {
		if (c->argc != 2)
			return cli_usage(c->ctx, _("give the ticket: its number as printed (A012) or its id ('jrc queue list')"));
	} else if (c->argc > 1) {
		return cli_usage(c->ctx, _("'jrc queue %s' takes no ticket"), verbs[i]);
	}
	if (a->what == DO_CALL) {
		if (!cli_has(c, 'w'))
			return cli_usage(c->ctx, _("say which window calls with --window N"));
		if ((st = window_arg(c, cli_arg(c, 'w'), &a->window)))
			return st;
	}
	if (a->what == DO_TRANSFER) {
		if (!cli_has(c, 't'))
			return cli_usage(c->ctx, _("say where the ticket goes with --to-window N"));
		if ((st = window_arg(c, cli_arg(c, 't'), &a->to_window)))
			return st;
	}
	if (cli_has(c, 'c') && (st = cli_receipt_arg(c->ctx, cli_arg(c, 'c'), a->receipt)))
		return st;
	snprintf(a->actor, sizeof(a->actor), "cli");
	if (a->what >= DO_CALL && a->what <= DO_SERVE) {
		if (!cli_has(c, 'S'))
			return cli_usage(c->ctx, _("say who acts: give your staff ID with --staff"));
		if (auth_check_staff_id(cli_arg(c, 'S'), NULL) != JRC_OK)
			return cli_usage(c->ctx, _("--staff takes a staff ID: letters, digits, dots, dashes or underscores, such as D001"));
		snprintf(a->actor, sizeof(a->actor), "staff:%s", cli_arg(c, 'S'));
	}
	if (a->what == DO_LIST || a->what == DO_WINDOWS)
		c->db_flags |= JRC_DB_READONLY;
	return 0;
}

static const char *state_word(const char *s)
{
	if (strcmp(s, "waiting") == 0)
		return _("waiting");
	if (strcmp(s, "called") == 0)
		return _("called");
	if (strcmp(s, "served") == 0)
		return _("served");
	if (strcmp(s, "no_show") == 0)
		return _("did not come");
	return _("sent to another window");
}

static void ticket_json(json_out *j, const void *row, const void *arg)
{
	const jrc_ticket *t = row;

	(void)arg;
	json_int(j, "id", t->id);
	json_str(j, "ticket", t->label);
	json_str(j, "day", t->day);
	json_str(j, "group", t->grp);
	json_int(j, "number", t->number);
	json_str(j, "reason", t->reason);
	json_str(j, "state", t->state);
	if (t->window)
		json_int(j, "window", t->window);
	else
		json_null(j, "window");
	json_arr_open(j, "windows");
	for (int i = 0; i < t->nwindows; i++)
		json_int(j, NULL, t->windows[i]);
	json_arr_close(j);
	json_int(j, "ahead", t->ahead);
	json_int(j, "calls", t->calls);
	json_str(j, "case", *t->receipt ? t->receipt : NULL);
	json_str(j, "department", *t->department ? t->department : NULL);
	json_str(j, "taken_at", t->taken_at);
	json_str(j, "called_at", *t->called_at ? t->called_at : NULL);
	if (t->from_ticket)
		json_int(j, "from_ticket", t->from_ticket);
	else
		json_null(j, "from_ticket");
}

static void print_ticket(const jrc_ticket *t)
{
	char wins[64];

	queue_windows_text(t, 0, wins, sizeof(wins));
	if (strcmp(t->state, "waiting") == 0 && t->nwindows > 1)
		printf(_("%-5s  id %-4" PRId64 " waiting for windows %s, %d ahead%s%s\n"), t->label,
		       t->id, wins, t->ahead, *t->receipt ? "  " : "", t->receipt);
	else if (strcmp(t->state, "waiting") == 0)
		printf(_("%-5s  id %-4" PRId64 " waiting for window %s, %d ahead%s%s\n"), t->label, t->id,
		       wins, t->ahead, *t->receipt ? "  " : "", t->receipt);
	else if (t->window && strcmp(t->state, "transferred") != 0)
		printf(_("%-5s  id %-4" PRId64 " %s at window %d%s%s\n"), t->label, t->id,
		       state_word(t->state), t->window, *t->receipt ? "  " : "", t->receipt);
	else
		printf(_("%-5s  id %-4" PRId64 " %s%s%s\n"), t->label, t->id, state_word(t->state),
		       *t->receipt ? "  " : "", t->receipt);
}

static int one_ticket(cli_call *c, const jrc_ticket *t)
{
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		ticket_json(&j, t, NULL);
		json_obj_close(&j);
		json_end(&j);
	} else {
		print_ticket(t);
	}
	return 0;
}

/* The case of --case as an id; 0 when not given, -1 after failing. */
static int64_t case_of(cli_call *c)
{
	jrc_case k;

	if (!cli_has(c, 'c'))
		return 0;
	if (grievance_get(c->db, ((queue_args *)c->state)->receipt, &k, &c->err) != JRC_OK)
		return -1;
	return k.id;
}

static int list_run(cli_call *c)
{
	jrc_ticket *t;
	size_t n;
	char grp[2] = "";

	/* A group as staff type it: "b" is B. */
	if (cli_has(c, 'g'))
		snprintf(grp, sizeof(grp), "%c", toupper((unsigned char)*cli_arg(c, 'g')));
	if (queue_list(c->db, *grp ? grp : NULL, cli_has(c, 'A'), &t, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(t, n, sizeof(*t), ticket_json, NULL);
	else if (!n)
		printf("%s\n", _("Nobody is waiting and nobody is called."));
	for (size_t i = 0; !c->json && i < n; i++)
		print_ticket(&t[i]);
	free(t);
	return 0;
}

static void window_json(json_out *j, const void *row, const void *arg)
{
	const jrc_window *w = row;

	(void)arg;
	json_int(j, "window", w->number);
	json_str(j, "group", w->grp);
	json_str(j, "name", i18n_pick(w->name_zh, w->name_en));
	json_str(j, "departments", w->departments);
}

static int windows_run(cli_call *c)
{
	jrc_window *w;
	size_t n;

	if (queue_windows(c->db, &w, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(w, n, sizeof(*w), window_json, NULL);
	else if (!n)
		printf("%s\n", _("This hall has no windows: list them in windows.csv and run 'jrc import'."));
	for (size_t i = 0; !c->json && i < n; i++)
		printf("%3d  %s  %-24s %s\n", w[i].number, w[i].grp,
		       i18n_pick(w[i].name_zh, w[i].name_en), w[i].departments);
	free(w);
	return 0;
}

static int queue_run(cli_call *c)
{
	queue_args *a = c->state;
	jrc_ticket t;
	jrc_staff who;
	int64_t id = 0, case_id;
	jrc_status s;

	if (a->what == DO_LIST)
		return list_run(c);
	if (a->what == DO_WINDOWS)
		return windows_run(c);
	if ((case_id = case_of(c)) < 0)
		return CLI_ERR;
	if (a->what == DO_TAKE) {
		jrc_ticket_in in = { 0 };

		in.grp = cli_arg(c, 'g');
		in.reason = cli_arg(c, 'r');
		in.case_id = case_id;
		in.actor = a->actor;
		if (queue_take(c->db, &in, &t, &c->err) != JRC_OK)
			return CLI_ERR;
		return one_ticket(c, &t);
	}
	if (auth_staff_get(c->db, cli_arg(c, 'S'), &who, &c->err) != JRC_OK)
		return CLI_ERR;
	if (who.disabled) {
		jrc_err_set(&c->err, JRC_E_AUTH, "staff",
			    _("Staff account %s is disabled: ask an administrator."), who.id);
		return CLI_ERR;
	}
	if (a->what != DO_CALL && queue_find(c->db, c->argv[1], &id, &c->err) != JRC_OK)
		return CLI_ERR;
	switch (a->what) {
	case DO_CALL:
		s = queue_call(c->db, a->window, a->actor, &t, &c->err);
		break;
	case DO_RECALL:
		s = queue_recall(c->db, id, a->actor, &t, &c->err);
		break;
	case DO_SKIP:
		s = queue_skip(c->db, id, a->actor, &t, &c->err);
		break;
	case DO_TRANSFER:
		s = queue_transfer(c->db, id, a->to_window, a->actor, &t, &c->err);
		break;
	default:
		s = queue_serve(c->db, id, case_id, a->actor, &t, &c->err);
		break;
	}
	if (s != JRC_OK)
		return CLI_ERR;
	return one_ticket(c, &t);
}

const cli_command cli_cmd_queue = {
	.name = "queue",
	.summary = N_("take, call and serve the hall's queue tickets"),
	.help = N_("Usage: jrc queue take [--group G] [--reason REASON] [--case RECEIPT] [--json]\n"
		   "       jrc queue call --window N --staff ID [--json]\n"
		   "       jrc queue recall TICKET --staff ID [--json]\n"
		   "       jrc queue skip TICKET --staff ID [--json]\n"
		   "       jrc queue transfer TICKET --to-window N --staff ID [--json]\n"
		   "       jrc queue serve TICKET [--case RECEIPT] --staff ID [--json]\n"
		   "       jrc queue list [--group G] [--all] [--json]\n"
		   "       jrc queue windows [--json]\n"
		   "The hall's windows are numbered and grouped (windows.csv: A, B, ...);\n"
		   "tickets are numbered per group per day (A001, A002, ...) and any\n"
		   "window of the group calls them.  take gives the next number: of\n"
		   "--group, else of the department of the case --case names, else of\n"
		   "the general reception (the lowest window's group); --reason is\n"
		   "filing, question (the default), help or checkin.\n"
		   "call calls the oldest waiting ticket for window N (tickets sent to\n"
		   "it first); two windows never get the same ticket.  recall calls it\n"
		   "again, skip marks it as not come, transfer sends it to another\n"
		   "window (a new ticket there, ahead of the line), serve ends it\n"
		   "(--case links the case it concerned).  TICKET is the number as\n"
		   "printed (A012, today's) or the id that list shows.\n"
		   "list shows today's waiting and called tickets with how many are\n"
		   "ahead (--all: every ticket of today); windows lists the windows.\n"),
	.opts = queue_opts,
	.min_args = 1, .max_args = 2,
	.few = N_("say what to do: take, call, recall, skip, transfer, serve, list or windows"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(queue_args),
	.check = queue_check,
	.run = queue_run,
};
