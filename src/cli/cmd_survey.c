/* jrc survey: opinion surveys (民意调查) run at the kiosks: make one, list
 * them, close one, and count its answers by township. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/survey.h"

static const struct option survey_opts[] = {
	{ "title", required_argument, NULL, 't' },
	{ "title-en", required_argument, NULL, 'T' },
	{ "from", required_argument, NULL, 'f' },
	{ "to", required_argument, NULL, 'u' },
	{ "sites", required_argument, NULL, 's' },
	{ "staff", required_argument, NULL, 'S' },
	{ NULL, 0, NULL, 0 }
};

enum { DO_ADD, DO_LIST, DO_CLOSE, DO_RESULTS };

typedef struct survey_args {
	int what;
	int64_t id;
	char actor[48];
} survey_args;

static const char *const verbs[] = { "add", "list", "close", "results" };
static const char *const verb_opts[] = { "tTfusS", "", "S", "" };

static int survey_check(cli_call *c)
{
	survey_args *a = c->state;
	const struct option *o;
	char *end;
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(c->argv[0], verbs[i]) == 0)
			break;
	if (i == sizeof(verbs) / sizeof(verbs[0]))
		return cli_usage(c->ctx, _("unknown action '%s': use add, list, close or results"),
				 c->argv[0]);
	a->what = (int)i;
	for (o = survey_opts; o->name; o++)
		if (cli_has(c, o->val) && !strchr(verb_opts[i], o->val))
			return cli_usage(c->ctx, _("'jrc survey %s' does not take --%s"), verbs[i], o->name);
	if (a->what == DO_ADD) {
		if (!cli_has(c, 't') || !cli_has(c, 'T') || !cli_has(c, 'f') || !cli_has(c, 'u'))
			return cli_usage(c->ctx, _("a survey needs --title, --title-en, --from and --to"));
		if (c->argc < 2)
			return cli_usage(c->ctx, _("give the questions after the options, each as \"问题|Question|答案1;答案2|Answer 1;Answer 2\""));
	} else if (a->what == DO_LIST) {
		if (c->argc > 1)
			return cli_usage(c->ctx, _("'jrc survey list' takes no survey number"));
		c->db_flags |= JRC_DB_READONLY;
	} else {
		if (c->argc != 2)
			return cli_usage(c->ctx, _("give the number of the survey ('jrc survey list')"));
		a->id = strtoll(c->argv[1], &end, 10);
		if (!*c->argv[1] || *end || a->id <= 0)
			return cli_usage(c->ctx, _("'%s' is not a survey number: see 'jrc survey list'"),
					 c->argv[1]);
		if (a->what == DO_RESULTS)
			c->db_flags |= JRC_DB_READONLY;
	}
	snprintf(a->actor, sizeof(a->actor), "cli");
	if (cli_has(c, 'S'))
		snprintf(a->actor, sizeof(a->actor), "staff:%s", cli_arg(c, 'S'));
	return 0;
}

static void survey_json(json_out *j, const void *row, const void *arg)
{
	const jrc_survey *s = row;

	(void)arg;
	json_int(j, "id", s->id);
	json_str(j, "title", s->title_zh);
	json_str(j, "title_en", s->title_en);
	json_str(j, "sites", s->sites);
	json_str(j, "from", s->start_day);
	json_str(j, "to", s->end_day);
	json_bool(j, "closed", *s->closed_at);
	json_arr_open(j, "questions");
	for (int i = 0; i < s->nquestions; i++) {
		json_obj_open(j, NULL);
		json_int(j, "n", i + 1);
		json_str(j, "text", s->q[i].text_zh);
		json_str(j, "text_en", s->q[i].text_en);
		json_arr_open(j, "answers");
		for (int k = 0; k < s->q[i].nanswers; k++) {
			json_obj_open(j, NULL);
			json_int(j, "n", k + 1);
			json_str(j, "text", s->q[i].answer_zh[k]);
			json_str(j, "text_en", s->q[i].answer_en[k]);
			json_obj_close(j);
		}
		json_arr_close(j);
		json_obj_close(j);
	}
	json_arr_close(j);
}

static void print_survey(const jrc_survey *s)
{
	printf(_("%3" PRId64 "  %s to %s  %s%s\n"), s->id, s->start_day, s->end_day,
	       i18n_pick(s->title_zh, s->title_en), *s->closed_at ? _("  [closed]") : "");
	printf(_("     sites: %s\n"), *s->sites ? s->sites : _("every site"));
	for (int i = 0; i < s->nquestions; i++) {
		printf("     %d. %s\n", i + 1, i18n_pick(s->q[i].text_zh, s->q[i].text_en));
		for (int k = 0; k < s->q[i].nanswers; k++)
			printf("        %d %s\n", k + 1, i18n_pick(s->q[i].answer_zh[k], s->q[i].answer_en[k]));
	}
}

static int add_run(cli_call *c)
{
	survey_args *a = c->state;
	jrc_survey s;
	int64_t id;

	if (survey_add(c->db, cli_arg(c, 't'), cli_arg(c, 'T'), cli_arg(c, 'f'), cli_arg(c, 'u'),
		       cli_arg(c, 's'), (const char *const *)c->argv + 1, c->argc - 1, a->actor, &id,
		       &c->err) != JRC_OK ||
	    survey_get(c->db, id, &s, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_out j;

		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		survey_json(&j, &s, NULL);
		json_obj_close(&j);
		json_end(&j);
	} else {
		printf(_("Survey %" PRId64 " made.\n"), id);
		print_survey(&s);
	}
	return 0;
}

static int list_run(cli_call *c)
{
	jrc_survey *s;
	size_t n;

	if (survey_list(c->db, &s, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		json_print_rows(s, n, sizeof(*s), survey_json, NULL);
	else if (!n)
		printf("%s\n", _("No surveys."));
	for (size_t i = 0; !c->json && i < n; i++)
		print_survey(&s[i]);
	free(s);
	return 0;
}

static int close_run(cli_call *c)
{
	survey_args *a = c->state;

	if (survey_close(c->db, a->id, a->actor, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json)
		printf("{\"id\":%" PRId64 ",\"closed\":true}\n", a->id);
	else
		printf(_("Survey %" PRId64 " closed: the kiosks no longer offer it.\n"), a->id);
	return 0;
}

static void township_name(jrc_db *db, const char *code, char *out, size_t size)
{
	jrc_division d;

	if (!*code)
		snprintf(out, size, "%s", _("All townships"));
	else if (refdata_division(db, code, &d, NULL) == JRC_OK)
		snprintf(out, size, "%s %s", code, i18n_pick(d.name_zh, d.name_en));
	else
		snprintf(out, size, "%s", code);
}

static int results_run(cli_call *c)
{
	survey_args *a = c->state;
	jrc_survey s;
	jrc_survey_count *r;
	size_t n;
	json_out j;
	char name[160];

	if (survey_get(c->db, a->id, &s, &c->err) != JRC_OK ||
	    survey_results(c->db, a->id, &r, &n, &c->err) != JRC_OK)
		return CLI_ERR;
	if (c->json) {
		json_begin(&j, stdout);
		json_obj_open(&j, NULL);
		json_int(&j, "id", s.id);
		json_str(&j, "title", s.title_zh);
		json_str(&j, "title_en", s.title_en);
		json_bool(&j, "closed", *s.closed_at);
		json_arr_open(&j, "results");
	} else {
		printf(_("Survey %" PRId64 ": %s\n"), s.id, i18n_pick(s.title_zh, s.title_en));
	}
	for (size_t i = 0; i < n; i++) {
		const jrc_survey_count *k = &r[i];
		const jrc_survey_question *q = &s.q[k->question - 1];

		if (c->json) {
			json_obj_open(&j, NULL);
			json_str(&j, "township", *k->township ? k->township : NULL);
			json_int(&j, "question", k->question);
			json_int(&j, "total", k->total);
			json_arr_open(&j, "answers");
			for (int m = 0; m < q->nanswers; m++) {
				char share[16];

				snprintf(share, sizeof(share), "%.1f",
					 k->total ? 100.0 * (double)k->count[m] / (double)k->total : 0.0);
				json_obj_open(&j, NULL);
				json_int(&j, "n", m + 1);
				json_int(&j, "count", k->count[m]);
				json_str(&j, "percent", share);
				json_obj_close(&j);
			}
			json_arr_close(&j);
			json_obj_close(&j);
			continue;
		}
		if (k->question == 1) {
			township_name(c->db, k->township, name, sizeof(name));
			printf("\n%s\n", name);
		}
		printf(_("  %d. %s (%ld answers)\n"), k->question, i18n_pick(q->text_zh, q->text_en),
		       k->total);
		for (int m = 0; m < q->nanswers; m++)
			printf("     %d %-24s %6ld %5.1f%%\n", m + 1, i18n_pick(q->answer_zh[m], q->answer_en[m]),
			       k->count[m], k->total ? 100.0 * (double)k->count[m] / (double)k->total : 0.0);
	}
	if (c->json) {
		json_arr_close(&j);
		json_obj_close(&j);
		json_end(&j);
	}
	free(r);
	return 0;
}

static int survey_run(cli_call *c)
{
	survey_args *a = c->state;

	switch (a->what) {
	case DO_ADD:
		return add_run(c);
	case DO_LIST:
		return list_run(c);
	case DO_CLOSE:
		return close_run(c);
	default:
		return results_run(c);
	}
}

const cli_command cli_cmd_survey = {
	.name = "survey",
	.summary = N_("make, list, close opinion surveys and count their answers (民意调查)"),
	.help = N_("Usage: jrc survey add --title TEXT --title-en TEXT --from YYYY-MM-DD --to YYYY-MM-DD\n"
		   "                      [--sites CODES] [--staff ID] [--json] QUESTION...\n"
		   "       jrc survey list [--json]\n"
		   "       jrc survey close ID [--staff ID] [--json]\n"
		   "       jrc survey results ID [--json]\n"
		   "A survey runs at the kiosks of the sites --sites names (county or\n"
		   "township codes; all sites without it) from --from to --to: their\n"
		   "home screen offers it, and a citizen answers each question with one\n"
		   "digit, anonymously.  Each QUESTION is written\n"
		   "\"问题|Question|答案1;答案2|Answer 1;Answer 2\".\n"
		   "close ends it.  results counts the answers and their shares, over all\n"
		   "townships and for each.  Answers keep only the day and the township.\n"),
	.opts = survey_opts,
	.min_args = 1, .max_args = CLI_MANY,
	.few = N_("say what to do: add, list, close or results"),
	.flags = CLI_DB | CLI_JSON,
	.state_size = sizeof(survey_args),
	.check = survey_check,
	.run = survey_run,
};
