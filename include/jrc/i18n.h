/* gettext glue shared by core, ui and cli. */
#ifndef JRC_I18N_H
#define JRC_I18N_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#if ENABLE_NLS
#include <libintl.h>
#define _(s) dgettext(PACKAGE, (s))
#else
#define _(s) ((const char *)(s))
#endif
#define N_(s) (s)

typedef enum jrc_lang { JRC_LANG_ZH = 0, JRC_LANG_EN = 1 } jrc_lang;

/* Prepare locale and text domain; localedir NULL means the configured one
 * (or $JRC_LOCALEDIR).  Works where only C.UTF-8 exists. */
void i18n_init(const char *localedir);

/* Switch the language of all later _() lookups, at any moment. */
void i18n_set(jrc_lang lang);

/* The language _() currently answers in. */
jrc_lang i18n_get(void);

/* "zh" or "en". */
const char *i18n_code(jrc_lang lang);

/* Parse "zh", "zh_CN", "en" ...; returns 0 on success. */
int i18n_parse(const char *s, jrc_lang *out);

/* 1 if lang's texts can be shown: English always; Chinese only when its
 * catalogue was found. */
int i18n_available(jrc_lang lang);

/* The folder catalogues are looked up in ("" before i18n_init). */
const char *i18n_localedir(void);

/* Pick zh or en text of a bilingual reference-data pair for the current language. */
const char *i18n_pick(const char *zh, const char *en);

#endif
