/* Intake corrections and internal notes, each on the event record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/grievance_edit.h"
#include "jrc/print.h"
#include "jrc/slip.h"
#include "jrc/text.h"
#include "jrc/validate.h"

/* A growing "field: old -> new; ..." note. */
typedef struct change_note {
	char *p;
	size_t len, cap;
	int oom;
} change_note;

static void note_add(change_note *n, const char *field, const char *old)
{
	size_t need = strlen(field) + (old ? strlen(old) : 0) + 16;

	if (n->oom)
		return;
	if (n->len + need > n->cap) {
		size_t nc = (n->len + need) * 2;
		char *nb = realloc(n->p, nc);

		if (!nb) {
			n->oom = 1;
			return;
		}
		n->p = nb;
		n->cap = nc;
	}
	n->len += (size_t)snprintf(n->p + n->len, n->cap - n->len, "%s%s: %s", n->len ? "; " : "",
				   field, old ? old : "-");
}

static int differs(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

/* Validated, normalised new values (owned). */
typedef struct new_values {
	char *name, *id_kind, *id_number, *phone, *text, *outcome;
} new_values;

static void values_free(new_values *v)
{
	free(v->name);
	free(v->id_kind);
	free(v->id_number);
	free(v->phone);
	free(v->text);
	free(v->outcome);
}

static jrc_status check_values(const jrc_case *k, const jrc_intake_edit *ed, new_values *v,
			       jrc_err *err)
{
	jrc_status s;
	char today[9], buf[24], id[19];

	memset(v, 0, sizeof(*v));
	if (k->anonymous && (ed->name || ed->id_number || ed->phone))
		return jrc_err_set(err, JRC_E_REFUSED, "name",
				   _("This case was filed anonymously: it keeps no name, ID or phone. File a new case if the citizen wants to give them."));
	if (ed->name) {
		if ((s = validate_name(ed->name, err)) != JRC_OK)
			return s;
		v->name = text_sanitize(ed->name, 0);
	}
	if (ed->id_number) {
		const char *kind = ed->id_kind && *ed->id_kind ? ed->id_kind : "resident";

		if (strcmp(kind, "resident") == 0) {
			date_format_ymd(clock_local_date(clock_now()), today);
			if ((s = validate_id_number(ed->id_number, today, id, err)) != JRC_OK)
				return s;
			v->id_number = strdup(id);
		} else if (strcmp(kind, "other") == 0) {
			if ((s = validate_other_doc(ed->id_number, err)) != JRC_OK)
				return s;
			v->id_number = text_sanitize(ed->id_number, 0);
		} else {
			return jrc_err_set(err, JRC_E_INVALID, "id_kind",
					   _("The document kind must be 'resident' or 'other'."));
		}
		v->id_kind = strdup(kind);
	}
	if (ed->phone) {
		if ((s = validate_phone(ed->phone, buf, err)) != JRC_OK)
			return s;
		v->phone = strdup(buf);
	}
	if (ed->text) {
		if ((s = validate_text(ed->text, JRC_TEXT_MAX, 1, "text", err)) != JRC_OK)
			return s;
		v->text = text_sanitize(ed->text, 1);
	}
	if (ed->outcome) {
		if ((s = validate_text(ed->outcome, JRC_OUTCOME_MAX, 0, "outcome", err)) != JRC_OK)
			return s;
		v->outcome = text_sanitize(ed->outcome, 1);
	}
	if ((ed->name && !v->name) || (ed->id_number && (!v->id_number || !v->id_kind)) ||
	    (ed->phone && !v->phone) || (ed->text && !v->text) || (ed->outcome && !v->outcome))
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	return JRC_OK;
}

static jrc_status edit_locked(jrc_db *db, const jrc_staff *by, const char *receipt,
			      const jrc_intake_edit *ed, jrc_err *err)
{
	jrc_case k;
	new_values v = { 0 };
	change_note n = { 0 };
	jrc_status s;
	db_stmt *st;
	char actor[48];
	int rc;
	jrc_event_in ev = { 0 };

	if ((s = grievance_get(db, receipt, &k, err)) != JRC_OK)
		return s;
	if ((s = auth_may(by, JRC_DO_EDIT_INTAKE, k.department, err)) != JRC_OK)
		goto out;
	if (k.state != JRC_ST_REGISTERED) {
		s = jrc_err_set(err, JRC_E_REFUSED, "state",
				_("Only a case still waiting to be accepted can be corrected; this one is past that. Add a note instead."));
		goto out;
	}
	if ((s = check_values(&k, ed, &v, err)) != JRC_OK)
		goto out;
	if (v.name && differs(v.name, k.name))
		note_add(&n, "name", k.name);
	if (v.id_number && (differs(v.id_number, k.id_number) || differs(v.id_kind, k.id_kind)))
		note_add(&n, "id_number", k.id_number);
	if (v.phone && differs(v.phone, k.phone))
		note_add(&n, "phone", k.phone);
	if (v.text && differs(v.text, k.text))
		note_add(&n, "text", k.text);
	if (v.outcome && differs(*v.outcome ? v.outcome : NULL, k.outcome))
		note_add(&n, "outcome", k.outcome);
	if (n.oom) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	if (!n.len) {
		s = jrc_err_set(err, JRC_E_INVALID, NULL,
				_("Nothing was changed: the new details are the same as before."));
		goto out;
	}
	s = db_prepare(db, "UPDATE cases SET name = coalesce(?1, name),"
		       " id_kind = coalesce(?2, id_kind), id_number = coalesce(?3, id_number),"
		       " phone = coalesce(?4, phone), text = coalesce(?5, text),"
		       " outcome = CASE WHEN ?6 IS NULL THEN outcome WHEN ?6 = '' THEN NULL ELSE ?6 END"
		       " WHERE id = ?7", &st, err);
	if (s != JRC_OK)
		goto out;
	db_bind_text(db, st, 1, v.name);
	db_bind_text(db, st, 2, v.id_kind);
	db_bind_text(db, st, 3, v.id_number);
	db_bind_text(db, st, 4, v.phone);
	db_bind_text(db, st, 5, v.text);
	db_bind_text(db, st, 6, v.outcome);
	db_bind_int64(st, 7, k.id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto out;
	}
	ev.actor = auth_actor(by, actor, sizeof(actor));
	ev.kind = "intake_edited";
	ev.case_id = k.id;
	ev.cover[0] = (jrc_cover){ "cases", k.id, NULL };
	ev.note = n.p;
	s = audit_append(db, &ev, NULL, NULL, err);
out:
	free(n.p);
	values_free(&v);
	grievance_case_free(&k);
	return s;
}

jrc_status grievance_edit_intake(jrc_db *db, const jrc_staff *by, const char *receipt,
				 const jrc_intake_edit *ed, jrc_err *err)
{
	jrc_status s;

	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = edit_locked(db, by, receipt, ed, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

jrc_status grievance_add_note(jrc_db *db, const jrc_staff *by, const char *receipt,
			      const char *text, jrc_err *err)
{
	jrc_case k;
	jrc_status s;
	char actor[48], *clean = NULL;
	jrc_event_in ev = { 0 };

	if ((s = validate_text(text, JRC_NOTE_MAX, 1, "note", err)) != JRC_OK)
		return s;
	if ((s = grievance_get(db, receipt, &k, err)) != JRC_OK)
		return s;
	if ((s = auth_may(by, JRC_DO_NOTE, k.department, err)) != JRC_OK)
		goto out;
	if (!(clean = text_sanitize(text, 1))) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	ev.actor = auth_actor(by, actor, sizeof(actor));
	ev.kind = "note";
	ev.case_id = k.id;
	ev.note = clean;
	s = audit_append(db, &ev, NULL, NULL, err);
out:
	free(clean);
	grievance_case_free(&k);
	return s;
}

jrc_status grievance_reprint_doc(jrc_db *db, const jrc_staff *by, const char *receipt,
				 const char *document, const char *uri, jrc_err *err)
{
	jrc_print_opts opts = { 0 };
	jrc_status s;
	jrc_case k;
	char actor[48];

	if ((s = grievance_get(db, receipt, &k, err)) != JRC_OK)
		return s;
	s = auth_may(by, JRC_DO_REPRINT, k.department, err);
	grievance_case_free(&k);
	if (s != JRC_OK)
		return s;
	opts.uri = uri && *uri ? uri : NULL;
	opts.actor = auth_actor(by, actor, sizeof(actor));
	opts.lang_from_case = 1;
	if (document && strcmp(document, "review_slip") == 0)
		return slip_review_print(db, receipt, opts.uri, opts.actor, NULL, err);
	return print_receipt(db, receipt, &opts, err);
}

jrc_status grievance_reprint(jrc_db *db, const jrc_staff *by, const char *receipt,
			     const char *uri, jrc_err *err)
{
	return grievance_reprint_doc(db, by, receipt, "receipt", uri, err);
}

/* The fields note_add writes, in the order it writes them. */
static const char *const note_fields[] = { "name", "id_number", "phone", "text", "outcome" };
enum { N_NOTE_FIELDS = sizeof(note_fields) / sizeof(note_fields[0]) };

/* Where the value starting at p ends: at the next "; FIELD: " of a field
 * that comes later in the order, or at the end. */
static const char *value_end(const char *p, int after)
{
	const char *end = p + strlen(p);
	char mark[32];

	for (int f = after + 1; f < N_NOTE_FIELDS; f++) {
		const char *q;

		snprintf(mark, sizeof(mark), "; %s: ", note_fields[f]);
		if ((q = strstr(p, mark)) && q < end)
			end = q;
	}
	return end;
}

char *grievance_edit_note_masked(const char *note)
{
	size_t cap = (note ? strlen(note) : 0) * 2 + 64, len = 0;
	char *out = malloc(cap), *val, masked[160];
	const char *p = note ? note : "";

	if (!out)
		return NULL;
	out[0] = '\0';
	for (int f = 0; f < N_NOTE_FIELDS && *p; f++) {
		size_t fl = strlen(note_fields[f]);
		const char *v, *e;

		if (strncmp(p, note_fields[f], fl) != 0 || strncmp(p + fl, ": ", 2) != 0)
			continue;
		v = p + fl + 2;
		e = value_end(v, f);
		if (!(val = strndup(v, (size_t)(e - v)))) {
			free(out);
			return NULL;
		}
		if (f == 0)
			mask_name(val, masked, sizeof(masked));
		else if (f == 1)
			mask_id_number(val, masked, sizeof(masked));
		else if (f == 2)
			mask_phone(val, masked, sizeof(masked));
		if (f <= 2) {
			len += (size_t)snprintf(out + len, cap - len, "%s%s: %s", len ? "; " : "",
						note_fields[f], strcmp(val, "-") ? masked : "-");
		} else {
			size_t need = len + strlen(val) + fl + 8;

			if (need > cap) {
				char *nb = realloc(out, need * 2);

				if (!nb) {
					free(val);
					free(out);
					return NULL;
				}
				out = nb;
				cap = need * 2;
			}
			len += (size_t)snprintf(out + len, cap - len, "%s%s: %s", len ? "; " : "",
						note_fields[f], val);
		}
		free(val);
		p = *e ? e + 2 : e;
	}
	if (*p) {
		/* Not in the form note_add writes: show nothing rather than
		 * something unmasked. */
		free(out);
		return strdup("(old values: see jrc show --unmasked)");
	}
	return out;
}
