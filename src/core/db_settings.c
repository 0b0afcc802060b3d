/* Site settings: one table of known keys, their defaults and checks. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "db_internal.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/printer.h"
#include "jrc/receipt.h"
#include "jrc/site.h"
#include "jrc/sms.h"
#include "jrc/text.h"

typedef jrc_status (*setting_check_fn)(const char *key, const char *v, jrc_err *err);

static jrc_status check_site(const char *key, const char *v, jrc_err *err)
{
	if (receipt_site_valid(v))
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The site code must be 2 to 4 capital letters, such as PJ."));
}

static jrc_status check_text(const char *key, const char *v, jrc_err *err)
{
	if (text_utf8_valid(v, strlen(v)) && text_utf8_count(v) <= 200)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The value must be valid text of at most 200 characters."));
}

/* A zone of the system's tz database: a name such as Asia/Shanghai whose
 * file is a TZif file.  glibc takes any other word ("Beijing", "CST") as
 * UTC without a word, and every date would shift. */
static int tz_known(const char *v)
{
	const char *dir = getenv("TZDIR");
	char path[512], magic[4];
	struct stat st;
	FILE *f;
	int ok;

	if (!*v || *v == '/' || strstr(v, "..") || strlen(v) > 200)
		return 0;
	for (const char *p = v; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("/_+-", *p))
			return 0;
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", v);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		/* No tz database installed: the default zone still works (the
		 * clock falls back to CST-8 for it). */
		return (strcmp(v, "Asia/Shanghai") == 0 || strcmp(v, "PRC") == 0) &&
		       stat(dir && *dir ? dir : "/usr/share/zoneinfo", &st) != 0;
	}
	if (!(f = fopen(path, "rb")))
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

static jrc_status check_tz(const char *key, const char *v, jrc_err *err)
{
	if (tz_known(v))
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("'%s' is not a zone of this system's tz database: use a name such as Asia/Shanghai (China's time)."),
			   v);
}

static jrc_status check_seconds(const char *key, const char *v, jrc_err *err)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v && !*end && n >= 5 && n <= 86400)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The value must be a number of seconds from 5 to 86400."));
}

static jrc_status check_days(const char *key, const char *v, jrc_err *err)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v && !*end && n >= 1 && n <= 366)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The value must be a number of days from 1 to 366."));
}

/* A division code as divisions.csv writes them: 6 digits (the county), 9
 * (a township), 12 (a village). */
static jrc_status check_division(const char *key, const char *v, jrc_err *err)
{
	size_t n = strlen(v);

	if ((n == 6 || n == 9 || n == 12) && strspn(v, "0123456789") == n)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The site's place must be a division code from 'jrc divisions': 6 digits for the county center, 9 for a township's center, such as 330726100."));
}

static jrc_status check_choice(const char *key, const char *v, const char *const *choices,
			       jrc_err *err)
{
	char list[128] = "";

	for (const char *const *c = choices; *c; c++) {
		if (strcmp(v, *c) == 0)
			return JRC_OK;
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
			 c == choices ? "" : ", ", *c);
	}
	return jrc_err_set(err, JRC_E_INVALID, key, _("The value must be one of: %s."), list);
}

static jrc_status check_calendar(const char *key, const char *v, jrc_err *err)
{
	static const char *const c[] = { "calendar", "working", NULL };

	return check_choice(key, v, c, err);
}

static jrc_status check_paper(const char *key, const char *v, jrc_err *err)
{
	static const char *const c[] = { "58", "80", NULL };

	return check_choice(key, v, c, err);
}

static jrc_status check_encoding(const char *key, const char *v, jrc_err *err)
{
	static const char *const c[] = { "gb18030", "gbk", "ascii", NULL };

	return check_choice(key, v, c, err);
}

static jrc_status check_cut(const char *key, const char *v, jrc_err *err)
{
	static const char *const c[] = { "full", "partial", "none", NULL };

	return check_choice(key, v, c, err);
}

static jrc_status check_lang(const char *key, const char *v, jrc_err *err)
{
	static const char *const c[] = { "zh", "en", NULL };

	return check_choice(key, v, c, err);
}

static jrc_status check_printer(const char *key, const char *v, jrc_err *err)
{
	jrc_sink_kind kind;
	jrc_status s = printer_uri_check(v, &kind, err);

	if (s != JRC_OK && err)
		snprintf(err->field, sizeof(err->field), "%s", key);
	return s;
}

/* How many backups of a kind to keep (jrc backup). */
static jrc_status check_keep(const char *key, const char *v, jrc_err *err)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v && !*end && n >= 0 && n <= 1000)
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The value must be a number of backups from 0 to 1000."));
}

/* Where the kiosk's voice goes; the form only (the UI opens it). */
static jrc_status check_voice_output(const char *key, const char *v, jrc_err *err)
{
	if (strcmp(v, "none") == 0 || strcmp(v, "alsa") == 0 ||
	    ((strncmp(v, "alsa:", 5) == 0 || strncmp(v, "file:", 5) == 0) && v[5] && strlen(v) < 200))
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The voice output must be alsa, alsa:DEVICE, file:DIR or none."));
}

static jrc_status check_on_off(const char *key, const char *v, jrc_err *err)
{
	static const char *const c[] = { "on", "off", NULL };

	return check_choice(key, v, c, err);
}

static jrc_status check_sms_sender(const char *key, const char *v, jrc_err *err)
{
	(void)key;
	return sms_sender_check(v, err);
}

/* How long a help request's draft is kept (help.h): "end of day" (the
 * next local midnight) or a number of minutes. */
static jrc_status check_help_expiry(const char *key, const char *v, jrc_err *err)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (strcmp(v, "end of day") == 0 || (*v && !*end && n >= 1 && n <= 10080))
		return JRC_OK;
	return jrc_err_set(err, JRC_E_INVALID, key,
			   _("The value must be 'end of day' or a number of minutes from 1 to 10080."));
}

static const struct setting {
	const char *key;
	const char *def;
	setting_check_fn check;
} settings[] = {
	{ "site_code", "PJ", check_site },
	{ "center_name_zh", "浦江县信访联合接待中心", check_text },
	{ "center_name_en", "Pujiang County Joint Reception Center", check_text },
	{ "address_zh", "浦江县浦阳街道（示例地址）", check_text },
	{ "address_en", "Puyang Subdistrict, Pujiang (sample address)", check_text },
	{ "phone", "0579-84100000", check_text },
	{ "timezone", "Asia/Shanghai", check_tz },
	{ "calendar", "calendar", check_calendar },
	{ "language", "zh", check_lang },
	{ "idle_seconds", "120", check_seconds },
	{ "idle_countdown", "20", check_seconds },
	{ "printer", "none", check_printer },
	{ "paper", "80", check_paper },
	{ "printer_encoding", "gb18030", check_encoding },
	{ "printer_cut", "partial", check_cut },
	{ "booking_horizon_days", "60", check_days },
	/* issue 12: fuzzy sounds in the built-in pinyin (z/zh, n/l, an/ang ...) */
	{ "pinyin_fuzzy", "on", check_on_off },
	{ "backup_keep_daily", "7", check_keep },
	{ "backup_keep_weekly", "5", check_keep },
	{ "backup_keep_monthly", "12", check_keep },
	{ "voice_output", "none", check_voice_output },
	{ "voice", "off", check_on_off },
	/* Visits and surveys: where this site is (the county center, or a
	 * township's center); its kiosks announce the visits to it. */
	{ "site_division", "330726", check_division },
	/* SMS notices: none, file:PATH (tests) or command:PATH (the gateway). */
	{ "sms_sender", "none", check_sms_sender },
	/* Help from staff: when an unclaimed draft is wiped. */
	{ "help_expiry", "end of day", check_help_expiry },
};

static const struct setting *setting_find(const char *key)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

int db_setting_known(const char *key)
{
	return key && setting_find(key) != NULL;
}

const char *db_setting_key(size_t i)
{
	return i < sizeof(settings) / sizeof(settings[0]) ? settings[i].key : NULL;
}

const char *db_setting_default(const char *key)
{
	const struct setting *s = setting_find(key);

	return s ? s->def : NULL;
}

jrc_status db_setting_check(const char *key, const char *value, jrc_err *err)
{
	const struct setting *s = setting_find(key);

	if (!s)
		return jrc_err_set(err, JRC_E_INVALID, "key",
				   _("Unknown setting '%s': see 'jrc settings' for the list."), key);
	if (!value)
		return jrc_err_set(err, JRC_E_INVALID, key, _("A value is needed."));
	return s->check(key, value, err);
}

jrc_status db_setting_get(jrc_db *db, const char *key, const char *def, char *out,
			  size_t size, jrc_err *err)
{
	db_stmt *st;
	const struct setting *s = setting_find(key);
	jrc_status rc;
	int step;

	if (!def && s)
		def = s->def;
	/* A terminal at a site of its own reads its site there. */
	if (db_site_own(db, key)) {
		snprintf(out, size, "%s", db_site_own(db, key));
		return JRC_OK;
	}
	if ((rc = db_prepare_cached(db, "SELECT value FROM settings WHERE key = ?", &st,
				    err)) != JRC_OK)
		return rc;
	db_bind_text(db, st, 1, key);
	step = db_step(db, st);
	if (step == DB_ROW) {
		db_col_copy(st, 0, out, size);
	} else if (step == DB_DONE) {
		snprintf(out, size, "%s", def ? def : "");
	} else {
		rc = db_fail(db, step, err);
	}
	db_release(st);
	return rc;
}

jrc_status db_setting_set(jrc_db *db, const char *key, const char *value, jrc_err *err)
{
	db_stmt *st;
	jrc_status rc;
	int step;

	if ((rc = db_setting_check(key, value, err)) != JRC_OK)
		return rc;
	/* The kiosk's or desk's own site: one of the listed sites, once
	 * sites.csv is imported. */
	if (strcmp(key, "site_code") == 0 && (rc = site_code_check(db, value, err)) != JRC_OK)
		return rc;
	if ((rc = db_prepare(db, "INSERT INTO settings(key, value) VALUES (?, ?) "
			     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st, err)) != JRC_OK)
		return rc;
	db_bind_text(db, st, 1, key);
	db_bind_text(db, st, 2, value);
	step = db_step(db, st);
	if (step != DB_DONE)
		rc = db_fail(db, step, err);
	db_finalize(st);
	return rc;
}
