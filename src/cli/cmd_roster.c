/* jrc helpers, book, rebook, unbook, checkin, schedule: the roster from
 * the shell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "json.h"
#include "jrc/i18n.h"
#include "jrc/roster.h"
#include "jrc/site.h"

enum { SCHEDULE_DAYS = 7, SCHEDULE_MAX_DAYS = 366 };

static void hhmm(jrc_time t, char out[8])
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(out, 8, "%H:%M", &tm);
}

/* "staff:ID" for --staff, else "cli". */
static const char *actor_of(const char *staff, char *buf, size_t size)
{
	if (!staff)
		return "cli";
	snprintf(buf, size, "staff:%s", staff);
	return buf;
}

static void json_host(json_out *j, const jrc_host *h)
{
	json_str(j, "host", h->id);
	json_str(j, "kind", h->kind);
	json_str(j, "name", h->name);
	json_str(j, "name_en", *h->name_en ? h->name_en : NULL);
	json_str(j, "title", h->title);
	json_str(j, "title_en", *h->title_en ? h->title_en : NULL);
	json_bool(j, "legal_aid", h->legal_aid);
	json_str(j, "languages", h->languages);
	json_str(j, "specialties", h->specialties);
}

static void json_booking_fields(json_out *j, const jrc_booking *b)
{
	char t[32];

	json_str(j, "receipt", b->receipt);
	json_host(j, &b->host);
	clock_format_local_iso(b->start, t);
	json_str(j, "start", t);
	clock_format_local_iso(b->end, t);
	json_str(j, "end", t);
	json_str(j, "room", b->room);
	json_str(j, "room_en", *b->room_en ? b->room_en : NULL);
	json_str(j, "booked_at", b->booked_at);
	json_str(j, "booked_by", b->booked_by);
}

void cli_json_booking(json_out *j, jrc_db *db, int64_t case_id)
{
	jrc_booking b;

	if (roster_case_booking(db, case_id, &b, NULL) != JRC_OK) {
		json_null(j, "booking");
		return;
	}
	json_obj_open(j, "booking");
	json_booking_fields(j, &b);
	json_obj_close(j);
}

void cli_print_booking(jrc_db *db, int64_t case_id)
{
	jrc_booking b;
	char line[1024];

	if (roster_case_booking(db, case_id, &b, NULL) != JRC_OK)
		return;
	roster_booking_line(db, &b, line, sizeof(line));
	printf(_("Booking:     %s\n"), line);
}

/* The case id of the call's receipt: 0, or CLI_ERR. */
static int case_of(cli_call *c, int64_t *id)
{
	jrc_case k;

	if (grievance_get(c->db, c->receipt, &k, &c->err) != JRC_OK)
		return CLI_ERR;
	*id = k.id;
	grievance_case_free(&k);
	return 0;
}

/* --slot as ISO 8601; without an offset it is the site's local time, so
 * parse it only once the database has set the timezone. */
static int slot_arg(cli_ctx *ctx, const char *arg, jrc_time *out)
{
	*out = 0;
	if (!arg)
		return 0;
	if (clock_parse(arg, out) != JRC_OK)
		return cli_usage(ctx, _("--slot '%s' is not a date and time: write it like 2026-12-01T15:00"),
				 arg);
	return 0;
}

static const struct option helpers_opts[] = {
	{ "category", required_argument, NULL, 'c' },
	{ "kind", required_argument, NULL, 'k' },
	{ "legal-aid", no_argument, NULL, 'a' },
	{ "lang", required_argument, NULL, 'L' },
	{ NULL, 0, NULL, 0 }
};

typedef struct helpers_args {
	jrc_rank_query q;
	char cat[8];
} helpers_args;

static int helpers_check(cli_call *c)
{
	helpers_args *h = c->state;
	jrc_rank_query *q = &h->q;
	const char *v;

	if ((v = cli_arg(c, 'c'))) {
		snprintf(h->cat, sizeof(h->cat), "%s", v);
		for (char *p = h->cat; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		q->category = h->cat;
	}
	if ((v = cli_arg(c, 'k')) && !roster_kind_valid(v))
		return cli_usage(c->ctx, _("--kind must be mediator, lawyer or leader"));
	q->kind = v;
	if ((v = cli_arg(c, 'L')) && strncmp(v, "zh", 2) && strncmp(v, "en", 2))
		return cli_usage(c->ctx, _("--lang must be zh or en"));
	q->lang = v ? v : i18n_code(i18n_get());
	q->legal_aid_only = cli_has(c, 'a');
	if (q->legal_aid_only && q->kind && strcmp(q->kind, "lawyer") != 0)
		return cli_usage(c->ctx, _("--legal-aid goes with lawyers only: leave out --kind or use --kind lawyer"));
	return 0;
}

/* A ranked helper; arg points to the first, so the rank is its place. */
static void ranked_json(json_out *j, const void *row, const void *arg)
{
	const jrc_ranked *r = row;
	char t[32];

	json_int(j, "rank", (int64_t)(r - (const jrc_ranked *)arg) + 1);
	json_host(j, &r->host);
	json_bool(j, "specialty_match", r->specialty);
	if (r->has_slot) {
		clock_format_local_iso(r->next.start, t);
		json_str(j, "next_free", t);
		json_str(j, "next_room", r->next.room);
	} else {
		json_null(j, "next_free");
		json_null(j, "next_room");
	}
	json_int(j, "open_cases", r->open_cases);
	json_bool(j, "language_match", r->language);
	json_str(j, "reasons", r->reasons);
}

static int helpers_run(cli_call *c)
{
	helpers_args *h = c->state;
	jrc_ranked *r;
	size_t n;

	if (roster_rank(c->db, &h->q, &r, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(r, n, sizeof(*r), ranked_json, r);
	else if (!n) {
		printf(_("No helper of this kind is listed.\n"));
	} else {
		for (size_t i = 0; i < n; i++) {
			const char *title = i18n_pick(r[i].host.title, r[i].host.title_en);

			printf("%2zu. %-6s %s  %s%s%s\n", i + 1, r[i].host.id,
			       i18n_pick(r[i].host.name, r[i].host.name_en),
			       roster_kind_label(r[i].host.kind), *title ? " · " : "", title);
			printf("    %s\n", r[i].reasons);
		}
	}
	free(r);
	return 0;
}

const cli_command cli_cmd_helpers = {
	.name = "helpers",
	.summary = N_("rank mediators, lawyers and leaders for a kind of matter"),
	.help = N_("Usage: jrc helpers [--category CODE] [--kind mediator|lawyer|leader]\n"
		   "                   [--legal-aid] [--lang zh|en] [--json]\n"
		   "List mediators, lawyers and county leaders, best first for a kind of\n"
		   "matter: who knows the category, who is free soonest (today before later\n"
		   "days), who has fewer open cases, who speaks the citizen's language.\n"
		   "--legal-aid shows only lawyers who give free legal aid.\n"),
	.opts = helpers_opts,
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.state_size = sizeof(helpers_args),
	.check = helpers_check,
	.run = helpers_run,
};

/* jrc book and jrc rebook share their options; rebook is book --move. */
static const struct option book_opts[] = {
	{ "host", required_argument, NULL, 'H' },
	{ "slot", required_argument, NULL, 's' },
	{ "move", no_argument, NULL, 'm' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int book_check(cli_call *c)
{
	if (!cli_has(c, 'H') && !cli_has(c, 'm') && strcmp(c->cmd->name, "rebook") != 0)
		return cli_usage(c->ctx, _("--host is needed (the numbers: 'jrc helpers')"));
	return 0;
}

static int book_run(cli_call *c)
{
	const char *host = cli_arg(c, 'H'), *staff = cli_arg(c, 'S');
	int move = cli_has(c, 'm') || strcmp(c->cmd->name, "rebook") == 0, rc;
	char abuf[64], line[1024];
	jrc_booking b;
	jrc_time slot;
	int64_t case_id = 0;
	jrc_status s;

	if ((rc = slot_arg(c->ctx, cli_arg(c, 's'), &slot)) || (rc = case_of(c, &case_id)))
		return rc;
	if (move)
		s = roster_move(c->db, case_id, host, slot, actor_of(staff, abuf, sizeof(abuf)), &b,
				NULL, &c->err);
	else
		s = roster_book(c->db, case_id, host, slot, actor_of(staff, abuf, sizeof(abuf)), &b,
				NULL, &c->err);
	if (s != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_booking_fields(&j, &b);
		json_obj_close(&j);
		json_end(&j);
	} else {
		roster_booking_line(c->db, &b, line, sizeof(line));
		printf(move ? _("Moved %s to: %s\n") : _("Booked for %s: %s\n"), b.receipt, line);
	}
	return 0;
}

static void book_help(FILE *f)
{
	fprintf(f, _("Usage: jrc book RECEIPT --host ID [--slot TIME] [--move] [--staff ID] [--json]\n"
		     "       jrc rebook RECEIPT [--host ID] [--slot TIME] [--staff ID] [--json]\n"
		     "Book a time with a mediator, lawyer or leader for a case.  Without --slot,\n"
		     "the earliest free time in the next %d days.  TIME is ISO 8601 in the\n"
		     "site's local time, such as 2026-12-01T15:00 ('jrc schedule --host ID'\n"
		     "lists the times).  rebook (or book --move) moves the case's booking;\n"
		     "without --host it stays with the same person.  If someone else takes the\n"
		     "time first, nothing is booked and the next free time is named (exit 1).\n"),
		JRC_ROSTER_DAYS);
}

#define BOOK_ENTRY(verb, words) { \
	.name = verb, .summary = words, .help_fn = book_help, .opts = book_opts, \
	.min_args = 1, .max_args = 1, \
	.few = N_("give exactly one receipt number"), \
	.many = N_("give exactly one receipt number"), \
	.flags = CLI_DB | CLI_JSON | CLI_RECEIPT, .check = book_check, .run = book_run }

const cli_command cli_cmd_book =
	BOOK_ENTRY("book", N_("book a time with a mediator, lawyer or leader for a case"));
const cli_command cli_cmd_rebook =
	BOOK_ENTRY("rebook", N_("move a case's booking to another time or person"));

static const struct option unbook_opts[] = {
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int unbook_run(cli_call *c)
{
	char abuf[64];
	int64_t case_id = 0;

	if (case_of(c, &case_id) ||
	    roster_unbook(c->db, case_id, actor_of(cli_arg(c, 'S'), abuf, sizeof(abuf)),
			  &c->err) != JRC_OK)
		return CLI_ERR;
	printf(_("The booking of %s is cancelled.\n"), c->receipt);
	return 0;
}

const cli_command cli_cmd_unbook = {
	.name = "unbook",
	.summary = N_("cancel a case's booking"),
	.help = N_("Usage: jrc unbook RECEIPT [--staff ID]\n"
		   "Cancel the case's booking; the time becomes free for others.\n"),
	.opts = unbook_opts,
	.min_args = 1, .max_args = 1,
	.few = N_("give exactly one receipt number"),
	.many = N_("give exactly one receipt number"),
	.flags = CLI_DB | CLI_RECEIPT,
	.run = unbook_run,
};

/* ---------------------------------------------------------------- checkin */

static const struct option checkin_opts[] = {
	{ "code", required_argument, NULL, 'c' },
	{ "id-number", required_argument, NULL, 'i' },
	{ "phone", required_argument, NULL, 'p' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

static int checkin_check(cli_call *c)
{
	int by_id = cli_has(c, 'i') || cli_has(c, 'p');

	if (by_id && (!cli_has(c, 'i') || !cli_has(c, 'p')))
		return cli_usage(c->ctx, _("--id-number and --phone go together"));
	if (by_id && (c->argc || cli_has(c, 'c')))
		return cli_usage(c->ctx, _("give either the receipt number or --id-number and --phone, not both"));
	if (!by_id && c->argc != 1)
		return cli_usage(c->ctx, _("give the receipt number, or --id-number and --phone"));
	if (c->argc && cli_receipt_arg(c->ctx, c->argv[0], c->receipt))
		return 2;
	return 0;
}

/* The terminal a command line's tries count against: the site's. */
static void checkin_source(jrc_db *db, char out[40])
{
	char site[16] = "";

	if (db_setting_get(db, "site_code", NULL, site, sizeof(site), NULL) != JRC_OK || !*site)
		snprintf(site, sizeof(site), "PJ");
	snprintf(out, 40, "cli:%s", site);
}

static int checkin_run(cli_call *c)
{
	char source[40], abuf[64], line[1024], wins[64];
	const char *code = cli_arg(c, 'c');
	int64_t case_id = 0;
	jrc_checkin ci;
	int rc;

	checkin_source(c->db, source);
	if (cli_has(c, 'i')) {
		if (roster_checkin_find(c->db, cli_arg(c, 'i'), cli_arg(c, 'p'), source, &case_id,
					NULL, &c->err) != JRC_OK)
			return CLI_ERR;
	} else if (code) {
		if (lookup_verify(c->db, c->receipt, JRC_PROOF_CODE, code, source, &case_id, NULL,
				  &c->err) != JRC_OK)
			return CLI_ERR;
	} else if ((rc = case_of(c, &case_id))) {
		return rc;
	}
	if (roster_checkin(c->db, case_id, actor_of(cli_arg(c, 'S'), abuf, sizeof(abuf)), &ci,
			   &c->err) != JRC_OK)
		return CLI_ERR;
	queue_windows_text(&ci.t, i18n_get() == JRC_LANG_ZH, wins, sizeof(wins));
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_booking_fields(&j, &ci.b);
		json_str(&j, "ticket", ci.t.label);
		json_str(&j, "group", ci.t.grp);
		json_str(&j, "windows", wins);
		json_int(&j, "ahead", ci.t.ahead);
		json_str(&j, "taken_at", ci.t.taken_at);
		json_obj_close(&j);
		json_end(&j);
	} else {
		roster_booking_line(c->db, &ci.b, line, sizeof(line));
		printf(_("Checked in for %s: %s\n"), ci.b.receipt, line);
		printf(_("Queue number %s, window %s, %d ahead.\n"), ci.t.label, wins, ci.t.ahead);
	}
	return 0;
}

const cli_command cli_cmd_checkin = {
	.name = "checkin",
	.summary = N_("check a citizen in for today's appointment and give a queue number"),
	.help = N_("Usage: jrc checkin RECEIPT [--code CODE] [--staff ID] [--json]\n"
		   "       jrc checkin --id-number N --phone P [--staff ID] [--json]\n"
		   "Check the citizen in for the case's appointment today, as the kiosk's\n"
		   "\"check in for an appointment\" does: the arrival is recorded and a queue\n"
		   "number of the room's group is taken (windows.csv, rooms), together.\n"
		   "Check-in opens 60 minutes before the time and closes at its end.  With\n"
		   "--code (the query code) or --id-number and --phone the citizen is\n"
		   "checked as at the kiosk, and wrong tries count towards the lock.\n"),
	.opts = checkin_opts,
	.min_args = 0, .max_args = 1,
	.few = N_("give the receipt number, or --id-number and --phone"),
	.many = N_("give exactly one receipt number"),
	.flags = CLI_DB | CLI_JSON,
	.check = checkin_check,
	.run = checkin_run,
};

static void print_session(jrc_db *db, const jrc_session *se, const jrc_slot *v, size_t n,
			  int with_slots)
{
	char day[11], a[8], b[8], at[512];
	const char *room = site_room(db, se->room, se->room_en, at, sizeof(at));
	const char *topics = i18n_pick(se->topics, se->topics_en);

	date_format(se->day, day);
	hhmm(se->start, a);
	hhmm(se->end, b);
	printf("%s %s  %s-%s  %-6s %s (%s)  %s\n", day, roster_weekday_name(se->day), a, b,
	       se->host.id,
	       i18n_pick(se->host.name, se->host.name_en), roster_kind_label(se->host.kind),
	       room);
	if (*topics)
		printf(_("    topics: %s\n"), topics);
	if (!with_slots) {
		if (se->nfree)
			printf(_("    free %d of %d, first at %s\n"), se->nfree, se->nslots,
			       (hhmm(se->first_free, a), a));
		else
			printf(_("    no free time (%d of %d booked)\n"), se->nbooked, se->nslots);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].start < se->start || v[i].start >= se->end ||
		    strcmp(v[i].host, se->host.id) != 0)
			continue;
		hhmm(v[i].start, a);
		hhmm(v[i].end, b);
		printf("    %s-%s  %s\n", a, b,
		       v[i].state == JRC_SLOT_FREE ? _("free") :
		       v[i].state == JRC_SLOT_BOOKED ? _("booked") : _("past"));
	}
}

static void json_session(json_out *j, const jrc_session *se, const jrc_slot *v, size_t n,
			 int with_slots)
{
	char t[32], day[11];

	json_obj_open(j, NULL);
	json_host(j, &se->host);
	date_format(se->day, day);
	json_str(j, "date", day);
	clock_format_local_iso(se->start, t);
	json_str(j, "start", t);
	clock_format_local_iso(se->end, t);
	json_str(j, "end", t);
	json_int(j, "slot_minutes", se->slot_minutes);
	json_str(j, "room", se->room);
	json_str(j, "topics", se->topics);
	json_int(j, "slots", se->nslots);
	json_int(j, "free", se->nfree);
	json_int(j, "booked", se->nbooked);
	if (se->nfree) {
		clock_format_local_iso(se->first_free, t);
		json_str(j, "first_free", t);
	} else {
		json_null(j, "first_free");
	}
	if (with_slots) {
		json_arr_open(j, "times");
		for (size_t i = 0; i < n; i++) {
			if (v[i].start < se->start || v[i].start >= se->end ||
			    strcmp(v[i].host, se->host.id) != 0)
				continue;
			json_obj_open(j, NULL);
			clock_format_local_iso(v[i].start, t);
			json_str(j, "start", t);
			clock_format_local_iso(v[i].end, t);
			json_str(j, "end", t);
			json_str(j, "state", v[i].state == JRC_SLOT_FREE ? "free" :
				 v[i].state == JRC_SLOT_BOOKED ? "booked" : "past");
			json_obj_close(j);
		}
		json_arr_close(j);
	}
	json_obj_close(j);
}

static const struct option schedule_opts[] = {
	{ "host", required_argument, NULL, 'H' },
	{ "kind", required_argument, NULL, 'k' },
	{ "days", required_argument, NULL, 'n' },
	{ "from", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

typedef struct schedule_args {
	long days;
	jrc_date from;
} schedule_args;

static int schedule_check(cli_call *c)
{
	schedule_args *a = c->state;
	const char *v;
	char *end;

	if ((v = cli_arg(c, 'k')) && !roster_kind_valid(v))
		return cli_usage(c->ctx, _("--kind must be mediator, lawyer or leader"));
	a->days = SCHEDULE_DAYS;
	if ((v = cli_arg(c, 'n'))) {
		a->days = strtol(v, &end, 10);
		if (*end || a->days < 1 || a->days > SCHEDULE_MAX_DAYS)
			return cli_usage(c->ctx, _("--days takes a number from 1 to %d"),
					 SCHEDULE_MAX_DAYS);
	}
	if ((v = cli_arg(c, 'f')) && date_parse(v, &a->from) != 0)
		return cli_usage(c->ctx, _("--from takes a date written YYYY-MM-DD"));
	return 0;
}

static int schedule_run(cli_call *c)
{
	schedule_args *a = c->state;
	const char *host = cli_arg(c, 'H');
	jrc_db *db = c->db;
	jrc_session *se = NULL;
	jrc_slot *v = NULL;
	jrc_host h;
	size_t nse = 0, nv = 0;
	int days = (int)a->days;

	/* Today in the site's timezone, which the database sets. */
	if (!cli_has(c, 'f'))
		a->from = clock_local_date(clock_now());
	if ((host && roster_host(db, host, &h, &c->err) != JRC_OK) ||
	    roster_sessions(db, host ? h.id : NULL, cli_arg(c, 'k'), a->from, days, &se, &nse,
			    &c->err) != JRC_OK ||
	    (host && roster_slots(db, h.id, a->from, days, 0, &v, &nv, &c->err) != JRC_OK)) {
		free(se);
		return CLI_ERR;
	}
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_arr_open(&j, NULL);
		for (size_t i = 0; i < nse; i++)
			json_session(&j, &se[i], v, nv, host != NULL);
		json_arr_close(&j);
		json_end(&j);
	} else if (!nse) {
		printf(_("Nobody receives in these %ld days.\n"), a->days);
	} else {
		for (size_t i = 0; i < nse; i++)
			print_session(c->db, &se[i], v, nv, host != NULL);
	}
	free(se);
	free(v);
	return 0;
}

static void schedule_help(FILE *f)
{
	fprintf(f, _("Usage: jrc schedule [--host ID] [--kind mediator|lawyer|leader]\n"
		     "                    [--days N] [--from YYYY-MM-DD] [--json]\n"
		     "Show when the mediators, lawyers and leaders receive, from today for\n"
		     "%d days (or N), with how many times are free.  With --host, every\n"
		     "time of that person, free or booked.\n"), SCHEDULE_DAYS);
}

const cli_command cli_cmd_schedule = {
	.name = "schedule",
	.summary = N_("show when mediators, lawyers and leaders receive"),
	.help_fn = schedule_help,
	.opts = schedule_opts,
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(schedule_args),
	.check = schedule_check,
	.run = schedule_run,
};
