/* Language selection that works where only the C.UTF-8 locale exists:
 * gettext ignores LANGUAGE only under the plain "C" locale, so we make
 * sure the locale is a UTF-8 one and steer the language with LANGUAGE. */
#include <langinfo.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/i18n.h"

#if ENABLE_NLS
/* glibc and GNU gettext bump this to drop cached translations. */
extern int _nl_msg_cat_cntr;
#endif

/* The folder the catalogues are looked up in (for messages to staff). */
static const char *bound_dir = "";

void i18n_init(const char *localedir)
{
	const char *cs;

	if (!setlocale(LC_ALL, "") || !(cs = nl_langinfo(CODESET)) ||
	    strcmp(cs, "UTF-8") != 0) {
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "C.utf8");
	}
	/* Numbers and dates are ours to format; keep the C conventions. */
	setlocale(LC_NUMERIC, "C");
#if ENABLE_NLS
	if (!localedir)
		localedir = getenv("JRC_LOCALEDIR");
	if (!localedir || !*localedir)
		localedir = LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	bound_dir = localedir;
#else
	(void)localedir;
#endif
}

void i18n_set(jrc_lang lang)
{
	setenv("LANGUAGE", lang == JRC_LANG_EN ? "en" : "zh_CN", 1);
#if ENABLE_NLS
	++_nl_msg_cat_cntr;
#endif
}

jrc_lang i18n_get(void)
{
	const char *l = getenv("LANGUAGE");

	if (l && strncmp(l, "zh", 2) == 0)
		return JRC_LANG_ZH;
	return JRC_LANG_EN;
}

const char *i18n_code(jrc_lang lang)
{
	return lang == JRC_LANG_EN ? "en" : "zh";
}

int i18n_parse(const char *s, jrc_lang *out)
{
	if (!s)
		return -1;
	if (strncmp(s, "zh", 2) == 0 || strcmp(s, "cn") == 0) {
		*out = JRC_LANG_ZH;
		return 0;
	}
	if (strncmp(s, "en", 2) == 0) {
		*out = JRC_LANG_EN;
		return 0;
	}
	return -1;
}

const char *i18n_pick(const char *zh, const char *en)
{
	if (i18n_get() == JRC_LANG_EN)
		return en && *en ? en : zh;
	return zh && *zh ? zh : en;
}

int i18n_available(jrc_lang lang)
{
#if ENABLE_NLS
	const char *was = getenv("LANGUAGE");
	char saved[64] = "";
	int found;

	if (lang == JRC_LANG_EN)
		return 1;
	if (was)
		snprintf(saved, sizeof(saved), "%s", was);
	setenv("LANGUAGE", "zh_CN", 1);
	++_nl_msg_cat_cntr;
	/* A loaded catalogue translates "" to its header; none gives "". */
	found = *dgettext(PACKAGE, "") != '\0';
	if (was)
		setenv("LANGUAGE", saved, 1);
	else
		unsetenv("LANGUAGE");
	++_nl_msg_cat_cntr;
	return found;
#else
	return lang == JRC_LANG_EN;
#endif
}

const char *i18n_localedir(void)
{
	return bound_dir;
}
