/* Ranking hosts for a matter, with the reasons in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/site.h"
#include "roster_internal.h"

static const char *const weekdays[] = {
	N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat")
};

const char *roster_weekday_name(jrc_date d)
{
	return _(weekdays[date_weekday(d)]);
}

void roster_when(jrc_time t, jrc_time now, char *out, size_t size)
{
	jrc_date d = clock_local_date(t);
	time_t tt = (time_t)t;
	struct tm tm;
	char hm[8];
	long diff = now ? date_diff(clock_local_date(now), d) : -1;

	localtime_r(&tt, &tm);
	strftime(hm, sizeof(hm), "%H:%M", &tm);
	if (diff == 0) {
		snprintf(out, size, _("today %s"), hm);
	} else if (diff == 1) {
		snprintf(out, size, _("tomorrow %s"), hm);
	} else {
		char day[96];

		/* The one date format of the language (date_text), as on every
		 * other screen; never a second, numeric one. */
		date_text(d, day, sizeof(day));
		snprintf(out, size, "%s %s", day, hm);
	}
}

/* The languages of roster.csv are written in Chinese (普通话;浦江话;English):
 * the known ones get a msgid, so English screens say "Mandarin". */
static const struct {
	const char *data, *msgid;
} language_names[] = {
	{ "普通话", N_("Mandarin") },
	{ "浦江话", N_("Pujiang dialect") },
	{ "English", N_("English") },
	{ "english", N_("English") },
	{ "英语", N_("English") },
	{ "中文", N_("Chinese") },
};

void roster_languages_text(const char *langs, char *out, size_t size)
{
	const char *p = langs ? langs : "";
	size_t used = 0;

	if (size)
		out[0] = '\0';
	while (*p && used < size) {
		size_t k = strcspn(p, ";");
		char one[64];
		const char *name = one;

		snprintf(one, sizeof(one), "%.*s", (int)k, p);
		for (size_t i = 0; i < sizeof(language_names) / sizeof(language_names[0]); i++)
			if (strcmp(one, language_names[i].data) == 0)
				name = _(language_names[i].msgid);
		if (*one)
			/* TRANSLATORS: between language names in a list. */
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? _(", ") : "", name);
		p += k + (p[k] == ';');
	}
}

void roster_booking_line(jrc_db *db, const jrc_booking *b, char *out, size_t size)
{
	char when[64], end[8], at[512];
	time_t tt = (time_t)b->end;
	struct tm tm;
	const char *room = site_room(db, b->room, b->room_en, at, sizeof(at));

	roster_when(b->start, 0, when, sizeof(when));
	localtime_r(&tt, &tm);
	strftime(end, sizeof(end), "%H:%M", &tm);
	/* TRANSLATORS: name, kind of helper, date and start time, end time, room */
	snprintf(out, size, _("%s (%s), %s-%s, %s"), i18n_pick(b->host.name, b->host.name_en),
		 roster_kind_label(b->host.kind), when, end, *room ? room : _("ask at the front desk"));
}

/* Does h speak the citizen's language? */
static int speaks(const jrc_host *h, const char *lang)
{
	if (lang && strncmp(lang, "en", 2) == 0)
		return strstr(h->languages, "English") || strstr(h->languages, "english") ||
		       strstr(h->languages, "英语");
	return strstr(h->languages, "普通话") || strstr(h->languages, "浦江话") ||
	       strstr(h->languages, "中文") || !*h->languages;
}

static const char *category_name(const jrc_category *cats, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(cats[i].code, code) == 0)
			return i18n_pick(cats[i].name_zh, cats[i].name_en);
	return code;
}

static void add(char *buf, size_t size, const char *s)
{
	size_t len = strlen(buf);

	if (len + 1 < size)
		snprintf(buf + len, size - len, "%s%s", len ? " · " : "", s);
}

/* The reasons, in the order the ranking weighs them. */
static void reasons(jrc_ranked *r, const jrc_rank_query *q, jrc_time at,
		    const jrc_category *cats, size_t ncats)
{
	char part[256], names[192] = "", when[64];

	r->reasons[0] = '\0';
	if (q->category && r->specialty) {
		snprintf(names, sizeof(names), "%s", category_name(cats, ncats, q->category));
	} else if (!q->category && *r->host.specialties) {
		char codes[64], *save = NULL;
		int k = 0;

		snprintf(codes, sizeof(codes), "%s", r->host.specialties);
		for (char *c = strtok_r(codes, " ", &save); c && k < 3;
		     c = strtok_r(NULL, " ", &save), k++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
				 k ? _(", ") : "", category_name(cats, ncats, c));
	}
	if (*names) {
		snprintf(part, sizeof(part), _("Knows: %s"), names);
		add(r->reasons, sizeof(r->reasons), part);
	}
	if (r->host.legal_aid)
		add(r->reasons, sizeof(r->reasons), _("free legal aid"));
	if (r->has_slot) {
		roster_when(r->next.start, at, when, sizeof(when));
		snprintf(part, sizeof(part), _("free %s"), when);
	} else {
		snprintf(part, sizeof(part), _("no free time in the next %d days"), JRC_ROSTER_DAYS);
	}
	add(r->reasons, sizeof(r->reasons), part);
	if (r->open_cases == 0)
		snprintf(part, sizeof(part), "%s", _("no open cases"));
	else if (r->open_cases == 1)
		snprintf(part, sizeof(part), "%s", _("1 open case"));
	else
		snprintf(part, sizeof(part), _("%ld open cases"), r->open_cases);
	add(r->reasons, sizeof(r->reasons), part);
	if (q->lang && strncmp(q->lang, "en", 2) == 0 && r->language)
		add(r->reasons, sizeof(r->reasons), _("speaks English"));
	else if ((!q->lang || strncmp(q->lang, "en", 2) != 0) && strstr(r->host.languages, "浦江话"))
		add(r->reasons, sizeof(r->reasons), _("speaks Pujiang dialect"));
}

typedef struct ranked_sort {
	jrc_ranked r;
	long day;        /* local days from the query's moment to the next slot */
	size_t order;    /* position in roster.csv */
} ranked_sort;

static int rank_cmp(const void *a, const void *b)
{
	const ranked_sort *x = a, *y = b;

	if (x->r.specialty != y->r.specialty)
		return y->r.specialty - x->r.specialty;
	if (x->r.has_slot != y->r.has_slot)
		return y->r.has_slot - x->r.has_slot;
	if (x->r.has_slot && x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->r.open_cases != y->r.open_cases)
		return x->r.open_cases < y->r.open_cases ? -1 : 1;
	if (x->r.language != y->r.language)
		return y->r.language - x->r.language;
	if (x->r.has_slot && x->r.next.start != y->r.next.start)
		return x->r.next.start < y->r.next.start ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Open cases per host: active bookings of cases not closed. */
static jrc_status open_cases(jrc_db *db, const char *host, long *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*out = 0;
	if ((s = db_prepare(db, "SELECT count(*) FROM bookings b JOIN cases c ON c.id = b.case_id"
			    " WHERE b.host = ? AND b.cancelled_at IS NULL AND c.state <> 'closed'",
			    &st, err)))
		return s;
	db_bind_text(db, st, 1, host);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		*out = (long)db_col_int64(st, 0);
	db_finalize(st);
	return rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status check_query(jrc_db *db, const jrc_rank_query *q, jrc_err *err)
{
	jrc_category cat;

	if (q->kind && !roster_kind_valid(q->kind))
		return jrc_err_set(err, JRC_E_INVALID, "kind",
				   _("The kind of helper must be mediator, lawyer or leader."));
	if (q->legal_aid_only && q->kind && strcmp(q->kind, "lawyer") != 0)
		return jrc_err_set(err, JRC_E_INVALID, "kind",
				   _("Free legal aid is given by lawyers only: ask for a lawyer."));
	if (q->category)
		return refdata_category(db, q->category, &cat, err);
	return JRC_OK;
}

jrc_status roster_rank(jrc_db *db, const jrc_rank_query *q, jrc_ranked **out, size_t *n,
		       jrc_err *err)
{
	jrc_host *hosts = NULL;
	jrc_category *cats = NULL;
	ranked_sort *v = NULL;
	size_t nh = 0, ncats = 0, m = 0;
	jrc_time at = q->at ? q->at : clock_now();
	jrc_date today = clock_local_date(at);
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = check_query(db, q, err)) ||
	    (s = roster_hosts(db, q->legal_aid_only ? "lawyer" : q->kind, &hosts, &nh, err)) ||
	    (s = refdata_categories(db, &cats, &ncats, err)))
		goto out;
	if (nh && !(v = calloc(nh, sizeof(*v)))) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	for (size_t i = 0; i < nh; i++) {
		ranked_sort *e = &v[m];
		int found;

		if (q->legal_aid_only && !hosts[i].legal_aid)
			continue;
		e->r.host = hosts[i];
		e->order = i;
		e->r.specialty = roster_knows(&hosts[i], q->category);
		found = roster_first_free(db, hosts[i].id, at, JRC_ROSTER_DAYS, &e->r.next, err);
		if (found < 0) {
			s = err ? err->code : JRC_E_DB;
			goto out;
		}
		e->r.has_slot = found;
		e->day = found ? date_diff(today, clock_local_date(e->r.next.start)) : 0;
		if ((s = open_cases(db, hosts[i].id, &e->r.open_cases, err)))
			goto out;
		e->r.language = speaks(&hosts[i], q->lang);
		m++;
	}
	if (m)
		qsort(v, m, sizeof(*v), rank_cmp);
	if (m && !(*out = malloc(m * sizeof(**out)))) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	for (size_t i = 0; i < m; i++) {
		(*out)[i] = v[i].r;
		reasons(&(*out)[i], q, at, cats, ncats);
	}
	*n = m;
out:
	free(v);
	free(hosts);
	free(cats);
	return s;
}

jrc_status roster_choose(jrc_db *db, const jrc_rank_query *q, jrc_ranked *out, jrc_err *err)
{
	jrc_ranked *r;
	size_t n;
	jrc_status s;

	if ((s = roster_rank(db, q, &r, &n, err)))
		return s;
	for (size_t i = 0; i < n; i++) {
		if (r[i].has_slot) {
			*out = r[i];
			free(r);
			return JRC_OK;
		}
	}
	free(r);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "slot",
			   _("No helper of this kind has a free time in the next %d days: you can file the matter now without a booking, and staff will contact you."),
			   JRC_ROSTER_DAYS);
}
