/* A department as staff name it: the code, the name, the short name
 * (人社局), or enough of one of them to tell it from the others. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/i18n.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

/* ASCII letters folded to lower case; the rest as it is. */
static void fold(const char *in, char *out, size_t size)
{
	size_t i = 0;

	for (; in[i] && i + 1 < size; i++)
		out[i] = in[i] >= 'A' && in[i] <= 'Z' ? (char)(in[i] - 'A' + 'a') : in[i];
	out[i] = '\0';
}

/* 2 if typed is one of d's names, 1 if it is part of one, else 0. */
static int fits(const jrc_department *d, const char *typed)
{
	const char *names[] = { d->code, d->name_zh, d->name_en, d->short_zh, d->short_en };
	char f[160];
	int best = 0;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!*names[i])
			continue;
		fold(names[i], f, sizeof(f));
		if (strcmp(f, typed) == 0)
			return 2;
		if (strstr(f, typed))
			best = 1;
	}
	return best;
}

jrc_status refdata_department_find(jrc_db *db, const char *typed, jrc_department *out,
				   jrc_err *err)
{
	jrc_department *all = NULL;
	size_t n = 0, nparts = 0, first = 0;
	char want[160], *clean = text_sanitize(typed ? typed : "", 0), names[400] = "";
	jrc_status s;

	if (!clean)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	/* Blanks around what was typed mean nothing. */
	{
		char *p = clean, *e;

		while (*p == ' ')
			p++;
		e = p + strlen(p);
		while (e > p && e[-1] == ' ')
			*--e = '\0';
		fold(p, want, sizeof(want));
	}
	free(clean);
	if (!*want)
		return jrc_err_set(err, JRC_E_INVALID, "department",
				   _("Type a department's code, name or short name, or choose one from the list."));
	if ((s = refdata_departments(db, &all, &n, err)))
		return s;
	for (size_t i = 0; i < n; i++) {
		int f = fits(&all[i], want);

		if (f == 2) {
			*out = all[i];
			free(all);
			return JRC_OK;
		}
		if (f == 1) {
			size_t len = strlen(names);

			if (!nparts++)
				first = i;
			if (len + 1 < sizeof(names))
				snprintf(names + len, sizeof(names) - len, "%s%s", len ? _(", ") : "",
					 *all[i].short_zh || *all[i].short_en
					 ? i18n_pick(all[i].short_zh, all[i].short_en)
					 : i18n_pick(all[i].name_zh, all[i].name_en));
		}
	}
	if (nparts == 1) {
		*out = all[first];
		free(all);
		return JRC_OK;
	}
	free(all);
	if (nparts > 1)
		return jrc_err_set(err, JRC_E_INVALID, "department",
				   _("'%s' fits several departments (%s): type more of the name, or choose one from the list."),
				   typed, names);
	return jrc_err_set(err, JRC_E_NOT_FOUND, "department",
			   _("No department is called '%s': type its code, name or short name, or choose one from the list."),
			   typed);
}
