/* A case between the levels at the desk (site.h): where it is handled and
 * who handles it jointly, for the case screen, and the forms to assign it
 * down (交办), escalate it (上报), set up joint handling (联合办理) and add
 * a department's part.  The core checks everything; the case screen only
 * leaves out what would be refused anyway. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scr_desk.h"
#include "jrc/lifecycle.h"
#include "jrc/site.h"

unsigned desk_levels_load(ui_ctx *ctx, const jrc_staff *who, const jrc_case *c, desk_levels *lv,
			  char *text, size_t size)
{
	unsigned can = 0;

	memset(lv, 0, sizeof(*lv));
	if (text)
		text[0] = '\0';
	if (site_count(ctx->db) == 0 || handling_get(ctx->db, c->id, &lv->h, NULL) != JRC_OK)
		return 0;
	lv->have = 1;
	lv->have_site = site_get(ctx->db, lv->h.site, &lv->site, NULL) == JRC_OK;
	if (text)
		desk_levels_text(ctx, lv, text, size);
	if (!lifecycle_state_owes_step(c->state))
		return 0;
	/* Passing a case between sites and naming who handles it is the
	 * reception's; a department's handler adds its part. */
	if (who->role != JRC_ROLE_HANDLER) {
		if (lv->have_site && strcmp(lv->site.level, "village") != 0)
			can |= DESK_LV_ASSIGN;
		if (lv->have_site && lv->site.parent[0])
			can |= DESK_LV_ESCALATE;
		can |= DESK_LV_JOINT;
	}
	if (lv->h.lead[0])
		can |= DESK_LV_PART;
	return can;
}

void desk_levels_text(ui_ctx *ctx, const desk_levels *lv, char *out, size_t size)
{
	size_t n;

	out[0] = '\0';
	if (!lv->have)
		return;
	snprintf(out, size, "%s (%s)", lv->have_site ? i18n_pick(lv->site.name_zh, lv->site.name_en)
						   : lv->h.site, lv->h.site);
	n = strlen(out);
	if (lv->h.moved == JRC_MOVED_ASSIGNED && lv->h.by_on[0])
		snprintf(out + n, size - n, _(", assigned, to be done by %s"), lv->h.by_on);
	else if (lv->h.moved == JRC_MOVED_ESCALATED)
		snprintf(out + n, size - n, "%s", _(", escalated"));
	if (lv->h.lead[0]) {
		char lead[128], with[400] = "", buf[64];
		const char *p = lv->h.partners;

		desk_dept_label(ctx, lv->h.lead, lead, sizeof(lead));
		while (*p) {
			size_t k = strcspn(p, " ");
			char code[16];

			snprintf(code, sizeof(code), "%.*s", (int)(k < 15 ? k : 15), p);
			desk_dept_label(ctx, code, buf, sizeof(buf));
			snprintf(with + strlen(with), sizeof(with) - strlen(with), "%s%s", *with ? _(", ") : "",
				 buf);
			p += k;
			p += strspn(p, " ");
		}
		n = strlen(out);
		snprintf(out + n, size - n, _("; jointly: %s leads, with %s"), lead, with);
	}
}

const char *desk_levels_title(unsigned which)
{
	switch (which) {
	case DESK_LV_ASSIGN: return N_("Assign down (交办)");
	case DESK_LV_ESCALATE: return N_("Escalate (上报)");
	case DESK_LV_JOINT: return N_("Joint handling (联合办理)");
	default: return N_("Department's part");
	}
}

/* The form's user data: what it does to which case, and the case screen
 * to refresh (it stays under the form on the stack). */
typedef struct levels_user {
	desk_session *sess;
	char receipt[JRC_RECEIPT_MAX];
	unsigned which;
	int *stale, *top;
	char latest[11];
} levels_user;

static int filter_code(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
}

static int filter_codes(uint32_t cp)
{
	return filter_code(cp) || cp == ',' || cp == ' ' || cp == 0xff0c || cp == 0x3001;
}

static int filter_date(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '-';
}

static void upper(char *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; src[i] && i + 1 < size; i++)
		dst[i] = (char)(src[i] >= 'a' && src[i] <= 'z' ? src[i] - 'a' + 'A' : src[i]);
	dst[i] = '\0';
}

/* Department codes as typed (commas, spaces, a Chinese comma or 、). */
static void codes(char *dst, size_t size, const char *src)
{
	size_t n = 0;

	for (const char *p = src; *p && n + 1 < size; p++) {
		if (!strncmp(p, "，", 3) || !strncmp(p, "、", 3)) {
			dst[n++] = ',';
			p += 2;
		} else {
			dst[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
		}
	}
	dst[n] = '\0';
}

static jrc_status submit(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	levels_user *u = user;
	char actor[48], a[160], b[160];
	jrc_status s;

	if (desk_session_check(ctx, u->sess) != 0)
		return jrc_err_set(err, JRC_E_REFUSED, NULL, "%s", ctx->message);
	auth_actor(&u->sess->staff, actor, sizeof(actor));
	switch (u->which) {
	case DESK_LV_ASSIGN:
		upper(a, sizeof(a), v[0]);
		s = handling_assign(ctx->db, actor, u->receipt, a, v[1], v[2], err);
		if (s == JRC_OK)
			ui_message(ctx, 0, _("%s is assigned to %s, to be done by %s. The statutory deadline runs on."),
				   u->receipt, a, v[1]);
		break;
	case DESK_LV_ESCALATE:
		s = handling_escalate(ctx->db, actor, u->receipt, v[0], err);
		if (s == JRC_OK)
			ui_message(ctx, 0, _("%s is escalated to the site above."), u->receipt);
		break;
	case DESK_LV_JOINT:
		upper(a, sizeof(a), v[0]);
		codes(b, sizeof(b), v[1]);
		s = handling_joint(ctx->db, actor, u->receipt, a, b, err);
		if (s == JRC_OK)
			ui_message(ctx, 0, _("%s is handled jointly now, %s leading."), u->receipt, a);
		break;
	default:
		upper(a, sizeof(a), v[0]);
		s = handling_part(ctx->db, actor, u->receipt, a, v[1], err);
		if (s == JRC_OK)
			ui_message(ctx, 0, _("The part of %s is recorded. Citizens never see it."), a);
		break;
	}
	if (s == JRC_OK) {
		*u->stale = 1;
		*u->top = 1 << 20;       /* the new event is at the end */
	}
	return s;
}

static void field(desk_form_arg *f, const char *key, const char *label, size_t max, int multi,
		  const char *initial, w_filter_fn filter)
{
	desk_form_field *d = &f->fields[f->nfields++];

	d->key = key;
	d->label = label;
	d->max_chars = max;
	d->multiline = multi;
	d->initial = initial;
	d->filter = filter;
}

void desk_levels_form(ui_ctx *ctx, desk_session *sess, const jrc_case *c, const desk_levels *lv,
		      unsigned which, int *stale, int *top)
{
	desk_form_arg *f = calloc(1, sizeof(*f));
	levels_user *u = calloc(1, sizeof(*u));

	if (!f || !u) {
		free(f);
		free(u);
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	u->sess = sess;
	snprintf(u->receipt, sizeof(u->receipt), "%s", c->receipt);
	u->which = which;
	u->stale = stale;
	u->top = top;
	f->user = u;
	f->submit = submit;
	snprintf(f->subject, sizeof(f->subject), "%s", c->receipt);
	f->title = desk_levels_title(which);
	f->question = N_("Enter on the last field saves. Esc goes back without saving.");
	switch (which) {
	case DESK_LV_ASSIGN:
		/* The last day allowed is offered: staff shorten it. */
		if (handling_latest(ctx->db, c->receipt, u->latest, NULL) != JRC_OK)
			u->latest[0] = '\0';
		field(f, "to", N_("Site code (see jrc sites; such as HZ)"), 4, 0, NULL, filter_code);
		field(f, "by", N_("To be done by (YYYY-MM-DD, at the latest the statutory deadline)"), 10, 0,
		      u->latest, filter_date);
		field(f, "note", N_("Instructions (staff only)"), JRC_HANDLING_TEXT_MAX, 1, NULL, NULL);
		break;
	case DESK_LV_ESCALATE:
		field(f, "reason", N_("Why this site cannot solve it (staff only)"), JRC_HANDLING_TEXT_MAX, 1,
		      NULL, NULL);
		break;
	case DESK_LV_JOINT:
		field(f, "lead", N_("Lead department code (such as RSJ)"), 12, 0,
		      lv->h.lead[0] ? lv->h.lead : NULL, filter_code);
		field(f, "with", N_("Other departments (codes, separated by commas)"), 100, 0, NULL,
		      filter_codes);
		break;
	default:
		field(f, "department", N_("Department code"), 12, 0,
		      sess->staff.department[0] ? sess->staff.department : NULL, filter_code);
		field(f, "part", N_("Its part: what it did or found (staff only)"), JRC_HANDLING_TEXT_MAX, 1,
		      NULL, NULL);
		break;
	}
	/* The form owns f and u from here, also when it cannot open. */
	if (ui_push(ctx, &scr_desk_form_ops, f) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}
