/* Printing receipts: settings, document, encoding, sink, and a print_jobs
 * row for every attempt, so a failed print never loses sight of a case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/escpos.h"
#include "jrc/grievance.h"
#include "jrc/print.h"
#include "jrc/receipt_doc.h"
#include "jrc/site.h"

jrc_status print_setup(jrc_db *db, const jrc_print_opts *o, jrc_print_setup *ps, jrc_err *err)
{
	char v[1100];
	jrc_status s;

	memset(ps, 0, sizeof(*ps));
	if (o && o->uri) {
		snprintf(ps->uri, sizeof(ps->uri), "%s", o->uri);
	} else if ((s = db_setting_get(db, "printer", NULL, ps->uri, sizeof(ps->uri), err)) != JRC_OK) {
		return s;
	}
	if ((s = printer_uri_check(ps->uri, NULL, err)) != JRC_OK)
		return s;
	if (o && o->paper) {
		ps->paper = o->paper;
	} else {
		if ((s = db_setting_get(db, "paper", NULL, v, sizeof(v), err)) != JRC_OK)
			return s;
		ps->paper = atoi(v);
	}
	if (!doc_paper_cols(ps->paper))
		return jrc_err_set(err, JRC_E_INVALID, "paper",
				   _("The paper width must be 58 or 80 (mm)."));
	if (o && o->format && strcmp(o->format, "text") == 0)
		ps->text = 1;
	else if (o && o->format && strcmp(o->format, "escpos") != 0)
		return jrc_err_set(err, JRC_E_INVALID, "format",
				   _("The format must be escpos or text."));
	ps->eo.paper = ps->paper;
	if ((s = db_setting_get(db, "printer_encoding", NULL, v, sizeof(v), err)) != JRC_OK)
		return s;
	if (escpos_encoding_parse(v, &ps->eo.encoding) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "printer_encoding",
				   _("The printer_encoding setting must be gb18030, gbk or ascii."));
	if ((s = db_setting_get(db, "printer_cut", NULL, v, sizeof(v), err)) != JRC_OK)
		return s;
	if (escpos_cut_parse(v, &ps->eo.cut) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "printer_cut",
				   _("The printer_cut setting must be full, partial or none."));
	return JRC_OK;
}

jrc_status print_doc_send(jrc_db *db, const jrc_print_setup *ps, jrc_doc *doc, jrc_err *err)
{
	const char *keep[] = { db_file_name(db), NULL };
	jrc_bytes bytes = { 0 };
	jrc_status s = escpos_encode(doc, &ps->eo, &bytes, err);

	doc_free(doc);
	if (s == JRC_OK)
		s = printer_send_keep(ps->uri, bytes.data, bytes.len, keep, NULL, err);
	bytes_free(&bytes);
	return s;
}

static jrc_doc_langs doc_langs(const jrc_print_setup *ps, jrc_lang lang)
{
	/* A printer without a Chinese font gets English alone; text output
	 * is UTF-8 and takes both. */
	if (!ps->text && ps->eo.encoding == JRC_ENC_ASCII)
		return JRC_DOC_EN;
	return lang == JRC_LANG_EN ? JRC_DOC_ZH_EN : JRC_DOC_ZH;
}

static jrc_status encode(const jrc_print_setup *ps, const jrc_doc *doc, jrc_bytes *out, jrc_err *err)
{
	return ps->text ? escpos_plain_text(doc, out, err) : escpos_encode(doc, &ps->eo, out, err);
}

jrc_status print_record(jrc_db *db, int64_t case_id, const char *document, const char *sink,
			const char *outcome, const char *error, const char *warning,
			const char *actor, jrc_err *err)
{
	db_stmt *st;
	char at[32], note[1700];
	jrc_event_in ev = { 0 };
	jrc_status s;
	int rc;

	clock_format_utc(clock_now(), at);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = db_prepare(db, "INSERT INTO print_jobs(case_id, sink, at, outcome, error, warning, actor,"
			    " document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	db_bind_int64(st, 1, case_id);
	db_bind_text(db, st, 2, sink);
	db_bind_text(db, st, 3, at);
	db_bind_text(db, st, 4, outcome);
	db_bind_text(db, st, 5, error && *error ? error : NULL);
	db_bind_text(db, st, 6, warning && *warning ? warning : NULL);
	db_bind_text(db, st, 7, actor);
	db_bind_text(db, st, 8, document);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		db_rollback(db);
		return s;
	}
	snprintf(note, sizeof(note), "%s %s%s%s", outcome, sink, error && *error ? ": " : "",
		 error ? error : "");
	ev.actor = actor;
	/* A receipt's print is "print"; a slip keeps its own words. */
	ev.kind = strcmp(document, "receipt") == 0 ? "print" :
		  strcmp(outcome, "failed") == 0 ? "slip_print_failed" : "slip_printed";
	ev.case_id = case_id;
	ev.note = note;
	if ((s = audit_append(db, &ev, NULL, NULL, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

/* A printer setting that cannot work is the site's fault, not the
 * caller's: the attempt is recorded as failed so the desk sees the case
 * among the failed prints, and it counts as a printer failure.  Bad
 * options the caller gave are plain bad input, and nothing is recorded. */
static jrc_status bad_setup(jrc_db *db, const jrc_case *c, const jrc_print_opts *o,
			    const jrc_print_setup *ps, jrc_status s, jrc_err *perr, const char *actor,
			    jrc_print_result *res)
{
	char f[sizeof(perr->field)];
	int from_setting;
	jrc_err rerr = { 0 };
	char why[sizeof(perr->msg)];

	/* Copies: perr is rewritten below from them. */
	snprintf(f, sizeof(f), "%s", perr->field);
	snprintf(why, sizeof(why), "%s", perr->msg);
	from_setting = (strcmp(f, "printer") == 0 && !(o && o->uri)) ||
		       (strcmp(f, "paper") == 0 && !(o && o->paper)) ||
		       strcmp(f, "printer_encoding") == 0 || strcmp(f, "printer_cut") == 0;
	if (!from_setting || s != JRC_E_INVALID)
		return s;
	snprintf(res->sink, sizeof(res->sink), "%s", *ps->uri ? ps->uri : "?");
	snprintf(res->outcome, sizeof(res->outcome), "failed");
	if (print_record(db, c->id, "receipt", res->sink, "failed", perr->msg, NULL, actor, &rerr) != JRC_OK) {
		*perr = rerr;
		return rerr.code;
	}
	return jrc_err_set(perr, JRC_E_PRINTER, f,
			   _("The printer is not set up right (%s): staff can correct it with 'jrc settings %s'."),
			   why, f);
}

jrc_status print_receipt_report(jrc_db *db, const char *receipt, const jrc_print_opts *opts,
				jrc_print_result *res, jrc_err *err)
{
	jrc_print_result local;
	jrc_print_setup ps;
	jrc_case c;
	jrc_doc doc;
	jrc_bytes bytes = { 0 };
	jrc_err perr = { 0 };
	jrc_lang lang = opts ? opts->lang : JRC_LANG_ZH;
	const char *actor = opts && opts->actor ? opts->actor : "cli";
	jrc_status s, ps_rc;

	if (!res)
		res = &local;
	memset(res, 0, sizeof(*res));
	if ((s = grievance_get(db, receipt, &c, err)) != JRC_OK)
		return s;
	if ((s = print_setup(db, opts, &ps, &perr)) != JRC_OK) {
		s = bad_setup(db, &c, opts, &ps, s, &perr, actor, res);
		grievance_case_free(&c);
		if (err)
			*err = perr;
		return s;
	}
	snprintf(res->sink, sizeof(res->sink), "%s", ps.uri);
	if (opts && opts->lang_from_case)
		lang = strcmp(c.lang, "en") == 0 ? JRC_LANG_EN : JRC_LANG_ZH;

	if (strcmp(ps.uri, "none") == 0) {
		snprintf(res->outcome, sizeof(res->outcome), "skipped");
		s = print_record(db, c.id, "receipt", ps.uri, "skipped", NULL, NULL, actor, err);
		grievance_case_free(&c);
		return s;
	}
	ps_rc = receipt_doc_load(db, c.receipt, doc_paper_cols(ps.paper), doc_langs(&ps, lang),
				 &doc, &perr);
	if (ps_rc == JRC_OK) {
		ps_rc = encode(&ps, &doc, &bytes, &perr);
		doc_free(&doc);
	}
	if (ps_rc == JRC_OK)
		{
		const char *keep[] = { db_file_name(db), NULL };

		ps_rc = printer_send_keep(ps.uri, bytes.data, bytes.len, keep, &res->printer, &perr);
	}
	bytes_free(&bytes);
	snprintf(res->outcome, sizeof(res->outcome), "%s", ps_rc == JRC_OK ? "ok" : "failed");
	s = print_record(db, c.id, "receipt", ps.uri, res->outcome, ps_rc == JRC_OK ? NULL : perr.msg,
		   res->printer.warning, actor, err);
	grievance_case_free(&c);
	if (ps_rc != JRC_OK) {
		/* The print's own failure is what the citizen needs to hear. */
		if (err)
			*err = perr;
		return ps_rc;
	}
	return s;
}

jrc_status print_receipt(jrc_db *db, const char *receipt, const jrc_print_opts *opts,
			 jrc_err *err)
{
	return print_receipt_report(db, receipt, opts, NULL, err);
}

static void fill_job(db_stmt *st, jrc_print_job *j)
{
	memset(j, 0, sizeof(*j));
	j->id = db_col_int64(st, 0);
	j->case_id = db_col_int64(st, 1);
	db_col_copy(st, 2, j->receipt, sizeof(j->receipt));
	db_col_copy(st, 3, j->sink, sizeof(j->sink));
	db_col_copy(st, 4, j->at, sizeof(j->at));
	db_col_copy(st, 5, j->outcome, sizeof(j->outcome));
	db_col_copy(st, 6, j->error, sizeof(j->error));
	db_col_copy(st, 7, j->warning, sizeof(j->warning));
	db_col_copy(st, 8, j->actor, sizeof(j->actor));
	j->attempts = (long)db_col_int64(st, 9);
	db_col_copy(st, 10, j->document, sizeof(j->document));
}

#define JOB_COLS "j.id, j.case_id, c.receipt, j.sink, j.at, j.outcome, j.error, j.warning, j.actor," \
	" (SELECT count(*) FROM print_jobs k WHERE k.case_id = j.case_id AND k.document = j.document)," \
	" j.document"

jrc_status print_failed(jrc_db *db, jrc_print_job **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_print_job *v = NULL;
	size_t cap = 0;
	int rc;
	char home[8], sql[640];
	/* A terminal at another site (jrc --site) reprints for the citizens
	 * of its own site, who are there; the hall's, every site's. */
	const char *site = db_site_away(db, home) ? db_site_own(db, "site_code") : NULL;

	*out = NULL;
	*n = 0;
	snprintf(sql, sizeof(sql), "SELECT " JOB_COLS " FROM print_jobs j JOIN cases c ON c.id = j.case_id"
		 " WHERE j.outcome = 'failed'%s"
		 "   AND j.id = (SELECT max(id) FROM print_jobs k"
		 "               WHERE k.case_id = j.case_id AND k.document = j.document)"
		 " ORDER BY j.id", site ? " AND c.site = ?1" : "");
	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	if (site)
		db_bind_text(db, st, 1, site);
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (*n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			jrc_print_job *nv = realloc(v, nc * sizeof(*nv));

			if (!nv) {
				db_finalize(st);
				free(v);
				return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			}
			v = nv;
			cap = nc;
		}
		fill_job(st, &v[(*n)++]);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free(v);
		*n = 0;
		return db_fail(db, rc, err);
	}
	*out = v;
	return JRC_OK;
}

jrc_status print_last_job(jrc_db *db, int64_t case_id, jrc_print_job *out, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT " JOB_COLS " FROM print_jobs j JOIN cases c ON c.id = j.case_id"
			    " WHERE j.case_id = ? AND j.document = 'receipt' ORDER BY j.id DESC LIMIT 1", &st, err)) != JRC_OK)
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW)
		fill_job(st, out);
	db_finalize(st);
	if (rc == DB_ROW)
		return JRC_OK;
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "receipt",
			   _("This receipt has not been printed yet."));
}

/* ---------------------------------------------------------------- test page */

static void test_doc(jrc_db *db, const jrc_print_setup *ps, jrc_doc_langs langs, jrc_doc *d)
{
	char zh[1024] = "", en[1024] = "", when[32], buf[256];
	int cols = doc_paper_cols(ps->paper);

	site_heading(db, zh, sizeof(zh), en, sizeof(en), NULL);
	clock_format_local(clock_now(), when);
	doc_init(d, cols);
	if (langs != JRC_DOC_EN)
		doc_add_text(d, JRC_ALIGN_CENTER, JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_TALL | JRC_DOC_FIT, zh);
	doc_add_text(d, JRC_ALIGN_CENTER, langs == JRC_DOC_EN ? JRC_DOC_BOLD : 0, en);
	doc_add_text(d, JRC_ALIGN_CENTER, JRC_DOC_BOLD,
		     langs == JRC_DOC_EN ? "Printer test" : "打印机测试 Printer test");
	doc_add_text(d, JRC_ALIGN_CENTER, 0, when);
	doc_add_rule(d);
	snprintf(buf, sizeof(buf), "%d mm, %d columns, %s", ps->paper, cols,
		 escpos_encoding_name(ps->eo.encoding));
	doc_add_text(d, JRC_ALIGN_LEFT, 0, buf);
	for (int i = 0; i < cols && i < (int)sizeof(buf) - 1; i++)
		buf[i] = (char)('0' + (i + 1) % 10);
	buf[cols] = '\0';
	doc_add_text(d, JRC_ALIGN_LEFT, 0, buf);
	if (langs != JRC_DOC_EN) {
		doc_add_text(d, JRC_ALIGN_LEFT, 0, "中文：群众来访，最多跑一地。¥12.50");
		doc_add_text(d, JRC_ALIGN_CENTER, JRC_DOC_WIDE | JRC_DOC_TALL, "受理编号");
	}
	doc_add_text(d, JRC_ALIGN_LEFT, JRC_DOC_BOLD, "Bold ABC abc 123");
	doc_add_text(d, JRC_ALIGN_RIGHT, 0, "right >");
	snprintf(buf, sizeof(buf), "JRC TEST %s", when);
	doc_add_qr(d, buf);
	doc_add_text(d, JRC_ALIGN_CENTER, 0,
		     langs == JRC_DOC_EN ? "If this page is clear, the printer works." :
		     "本页清楚，打印机即正常。\nIf this page is clear, the printer works.");
}

jrc_status print_test_page(jrc_db *db, const jrc_print_opts *opts, jrc_print_result *res,
			   jrc_err *err)
{
	jrc_print_result local;
	jrc_print_setup ps;
	jrc_doc doc;
	jrc_bytes bytes = { 0 };
	jrc_status s;

	if (!res)
		res = &local;
	memset(res, 0, sizeof(*res));
	if ((s = print_setup(db, opts, &ps, err)) != JRC_OK)
		return s;
	snprintf(res->sink, sizeof(res->sink), "%s", ps.uri);
	test_doc(db, &ps, doc_langs(&ps, JRC_LANG_EN), &doc);
	if (doc.oom) {
		doc_free(&doc);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	s = encode(&ps, &doc, &bytes, err);
	doc_free(&doc);
	if (s == JRC_OK)
		{
		const char *keep[] = { db_file_name(db), NULL };

		s = printer_send_keep(ps.uri, bytes.data, bytes.len, keep, &res->printer, err);
	}
	bytes_free(&bytes);
	snprintf(res->outcome, sizeof(res->outcome), "%s",
		 strcmp(ps.uri, "none") == 0 ? "skipped" : s == JRC_OK ? "ok" : "failed");
	return s;
}
