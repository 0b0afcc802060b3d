/* jrc verify: is the record as it was written?  The file's integrity, the
 * event chain, and a citizen's receipt against the database. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/anchor.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "jrc/ledger_key.h"
#include "jrc/tally.h"

/* The receipt part: 0 matched, else the exit code; msg gets a sentence. */
static int check_receipt(jrc_db *db, const char *receipt, const char *hex, char *msg,
			 size_t size)
{
	jrc_case k;
	jrc_err err = { 0 };
	jrc_status s;

	if ((s = grievance_get(db, receipt, &k, &err)) != JRC_OK) {
		snprintf(msg, size, "%s", err.msg);
		return jrc_status_exit(s) ? jrc_status_exit(s) : 1;
	}
	s = audit_ledger_confirm(db, k.id, hex, &err);
	grievance_case_free(&k);
	if (s != JRC_OK) {
		snprintf(msg, size, "%s", err.msg);
		return jrc_status_exit(s) ? jrc_status_exit(s) : 1;
	}
	snprintf(msg, size,
		 _("The receipt %s matches the database: its ledger check is right, so the record up to its filing was not rewritten."),
		 receipt);
	return 0;
}

/* What a passing check covered, and what it could not. */
static void print_intact(const jrc_verify_report *r, const char *anchors, int64_t file_anchors)
{
	printf(_("The record is intact: the database file is sound and all %" PRId64
		 " events follow on from each other (chain head %.8s).\n"),
	       r->events, r->head);
	if (r->keyed)
		printf(_("Authenticity checked: every keyed event hash was recomputed with the ledger key.\n"));
	else
		printf(_("Authenticity NOT checked: %s Only the structure of the record was checked; someone able to write the database could have rewritten it.\n"),
		       r->key_problem);
	if (r->legacy_events)
		printf(_("Events 1 to %" PRId64 " were written before the chain was keyed and before every fact was copied into the log: they are checked with the old unkeyed hash only.\n"),
		       r->legacy_events);
	if (r->uncovered)
		printf(_("%" PRId64 " rows from before full coverage have no copy in the log and could not be checked (the first: %s).\n"),
		       r->uncovered, r->uncovered_note);
	if (r->anchors)
		printf(_("%" PRId64 " anchors kept in the database agree with the log.\n"), r->anchors);
	if (anchors)
		printf(_("%" PRId64 " anchors in %s agree with the log.\n"), file_anchors, anchors);
}

/* The figures' recount: the differences found, the first few kept to name. */
enum { FIG_KEEP = 5 };
typedef struct fig_check {
	jrc_tally_diff first[FIG_KEEP];
	long seen, n;
} fig_check;

static void fig_diff(const jrc_tally_diff *d, void *arg)
{
	fig_check *f = arg;

	if (f->seen < FIG_KEEP)
		f->first[f->seen] = *d;
	f->seen++;
}

static void fig_words(const jrc_tally_diff *d, char *buf, size_t size)
{
	if (d->kept != d->counted)
		snprintf(buf, size,
			 _("the %s figures for %s %s %s %s %s %s %s count %ld cases where the cases give %ld"),
			 d->table, *d->period ? d->period : _("all time"), d->site, d->category,
			 d->division, d->department, d->state, d->source, d->kept, d->counted);
	else
		snprintf(buf, size,
			 _("the %s figures for %s %s %s %s %s %s %s have answers, deadlines met or verdicts the cases do not give"),
			 d->table, *d->period ? d->period : _("all time"), d->site, d->category,
			 d->division, d->department, d->state, d->source);
}

static const struct option verify_opts[] = {
	{ "receipt", required_argument, NULL, 'r' },
	{ "ledger-check", required_argument, NULL, 'l' },
	{ "anchors", required_argument, NULL, 'a' },
	{ NULL, 0, NULL, 0 }
};

static int verify_check(cli_call *c)
{
	if (!cli_has(c, 'r') != !cli_has(c, 'l'))
		return cli_usage(c->ctx, _("--receipt and --ledger-check go together: give both, as printed on the receipt"));
	if (cli_has(c, 'r'))
		return cli_receipt_arg(c->ctx, cli_arg(c, 'r'), c->receipt);
	return 0;
}

static int verify_run(cli_call *c)
{
	jrc_db *db = c->db;
	const char *anchors = cli_arg(c, 'a'), *receipt = c->receipt;
	int64_t file_anchors = 0;
	char rmsg[600] = "";
	int chain_rc = 0, receipt_rc = 0;
	jrc_err err = { 0 };
	jrc_verify_report r;
	jrc_status s;

	fig_check fig = { .seen = 0, .n = 0 };

	s = audit_verify_report(db, &r, &err);
	if (s == JRC_OK && anchors)
		s = anchor_check_file(db, anchors, &r, &file_anchors, &err);
	/* The figures, recounted from the cases (a sound record, but summary
	 * tables that disagree with it, are named as well). */
	if (s == JRC_OK && (s = tally_verify(db, fig_diff, &fig, &fig.n, &err)) == JRC_OK &&
	    fig.n) {
		char w[512];

		fig_words(&fig.first[0], w, sizeof(w));
		s = jrc_err_set(&err, JRC_E_TAMPERED, NULL,
				_("Summary figures that disagree with a recount of the cases: %ld; first, %s.  The cases and their events are what counts: the figures were changed behind the program's back or by a fault."),
				fig.n, w);
	}
	if (s != JRC_OK)
		chain_rc = jrc_status_exit(s) ? jrc_status_exit(s) : 1;
	if (*receipt)
		receipt_rc = check_receipt(db, receipt, cli_arg(c, 'l'), rmsg, sizeof(rmsg));
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_bool(&j, "ok", !chain_rc && !receipt_rc);
		json_bool(&j, "integrity", r.integrity_ok);
		json_int(&j, "events", r.events);
		if (r.bad_id || s == JRC_E_TAMPERED)
			json_int(&j, "bad_event", r.bad_id);
		else
			json_null(&j, "bad_event");
		if (r.bad_case)
			json_int(&j, "bad_case", r.bad_case);
		else
			json_null(&j, "bad_case");
		json_str(&j, "head", chain_rc ? NULL : r.head);
		json_str(&j, "message", chain_rc ? err.msg : NULL);
		json_bool(&j, "authenticated", r.keyed);
		json_str(&j, "key_problem", r.keyed ? NULL : r.key_problem);
		json_int(&j, "unkeyed_events", r.legacy_events);
		json_int(&j, "uncovered_rows", r.uncovered);
		json_int(&j, "anchors", r.anchors);
		json_int(&j, "figure_differences", fig.n);
		if (anchors)
			json_int(&j, "file_anchors", file_anchors);
		if (*receipt) {
			json_str(&j, "receipt", receipt);
			json_bool(&j, "ledger_check_ok", !receipt_rc);
			json_str(&j, "receipt_message", rmsg);
		}
		json_obj_close(&j);
		json_end(&j);
	} else {
		if (chain_rc) {
			fprintf(stderr, "jrc: %s\n", err.msg);
			for (long i = 1; i < fig.n && i < FIG_KEEP; i++) {
				char w[512];

				fig_words(&fig.first[i], w, sizeof(w));
				fprintf(stderr, "jrc:   %s\n", w);
			}
		} else {
			print_intact(&r, anchors, file_anchors);
			printf("%s\n", _("The summary figures (jrc stats) agree with a recount of the cases."));
		}
		if (*receipt) {
			if (receipt_rc)
				fprintf(stderr, "jrc: %s\n", rmsg);
			else
				printf("%s\n", rmsg);
		}
	}
	/* A database in doubt outweighs a typing mistake on the command line. */
	if (chain_rc)
		return chain_rc;
	return receipt_rc;
}

static void verify_help(FILE *f)
{
	fprintf(f, _("Usage: jrc verify [--receipt RECEIPT --ledger-check HEX] [--anchors FILE] [--json]\n"
		     "Check that the record is as it was written: the database file's\n"
		     "integrity, then every event in order (a changed, deleted or\n"
		     "slipped-in event is named), then the anchors kept in the database,\n"
		     "then that each case, step, verdict, booking and staff account agrees\n"
		     "with the events that recorded it (the first case and field that\n"
		     "differ are named), then recount the summary figures (jrc stats)\n"
		     "from the cases and name any that differ.  The event hashes are keyed with the ledger key\n"
		     "($JRC_LEDGER_KEY, else %s); without it only the structure\n"
		     "is checked, and verify says so.\n"
		     "With --receipt and --ledger-check, also compare the ledger check\n"
		     "printed on a citizen's receipt (16 characters, spaces optional).\n"
		     "With --anchors, also check the anchor lines kept in FILE (as\n"
		     "'jrc anchor' prints them).\n"
		     "Exit status: 0 intact, 1 damaged or altered, 2 bad usage.\n"), ledger_key_path());
}

const cli_command cli_cmd_verify = {
	.name = "verify",
	.summary = N_("check that the record was not altered; check a receipt's ledger check"),
	.help_fn = verify_help,
	.opts = verify_opts,
	.flags = CLI_DB | CLI_READONLY | CLI_JSON,
	.check = verify_check,
	.run = verify_run,
};
