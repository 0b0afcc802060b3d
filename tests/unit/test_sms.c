/* SMS templates: every kind, in both languages, rendered with the
 * longest values a message can carry, fits one segment (70 characters
 * with any Chinese, counted as characters, not bytes); the values that
 * make it too long (a long room, a long department name) are left out,
 * never the receipt number. */
#include <stdio.h>
#include <string.h>

#include "jrc/i18n.h"
#include "jrc/sms.h"
#include "jrc/text.h"
#include "tap.h"

/* The longest realistic values: a 4-letter site and a sequence past
 * 9999; a department name of 12 characters (longer ones go by their
 * short name); a room of 16; the longest room the roster takes (40). */
#define RECEIPT "ABCD261129-10000-7"
#define DEPT12 "县人力资源和社会保障局局"
#define ROOM16 "三楼东侧人民调解工作室第二接待室"
#define ROOM_EN "Mediation room 2, 3rd floor, east wing"
#define ROOM40 "浦江县信访联合接待中心三楼东侧人民调解工作室第二接待室请走东侧楼梯上楼右转第三间"

static void one(const char *kind, const char *lang, const char *a, const char *b,
		const char *c, const char *must, const char *what)
{
	char out[600];
	int rc = sms_render(kind, lang, a, b, c, out, sizeof(out));

	ok(rc == 0 && sms_fits(out), "%s %s: fits one segment (%zu characters): %s", lang, what,
	   text_utf8_count(out), out);
	ok(strstr(out, RECEIPT) != NULL, "%s %s: with the receipt number", lang, what);
	if (must)
		ok(strstr(out, must) != NULL, "%s %s: with %s", lang, what, must);
}

int main(void)
{
	const char *langs[] = { "zh", "en" };
	char buf[200];

	i18n_init(NULL);
	ok(sms_fits("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
		    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"),
	   "70 Chinese characters fit");
	ok(!sms_fits("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
		     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"),
	   "71 do not");
	memset(buf, 'a', 160);
	buf[160] = '\0';
	ok(sms_fits(buf), "160 ASCII characters fit");
	buf[159] = 0;
	strcat(buf, "一");
	ok(!sms_fits(buf), "160 with one Chinese character do not");
	for (int i = 0; i < 2; i++) {
		const char *l = langs[i], *room = i == 0 ? ROOM16 : ROOM_EN;

		if (i == 0 && !i18n_available(JRC_LANG_ZH)) {
			ok(1, "# SKIP the Chinese catalogue is not built");
			continue;
		}
		one("filed", l, RECEIPT, "123456", NULL, "123456", "filed");
		one("booking", l, RECEIPT, "2026-12-07 09:30", room, room, "booking, a room");
		one("booking", l, RECEIPT, "2026-12-07 09:30", ROOM40, "2026-12-07 09:30",
		    "booking, a room of 40 (left out)");
		one("reminder", l, RECEIPT, "2026-12-07 09:30", room, room, "reminder, a room");
		one("reminder", l, RECEIPT, "2026-12-07 09:30", ROOM40, "2026-12-07 09:30",
		    "reminder, a room of 40 (left out)");
		one("accepted", l, RECEIPT, DEPT12, "2027-01-28", "2027-01-28", "accepted");
		one("accepted", l, RECEIPT, DEPT12 DEPT12 DEPT12, "2027-01-28", "2027-01-28",
		    "accepted, a department name of 36 (left out)");
		one("declined", l, RECEIPT, NULL, NULL, NULL, "declined");
		one("answered", l, RECEIPT, NULL, NULL, NULL, "answered");
	}
	ok(sms_render("birthday", "zh", RECEIPT, NULL, NULL, buf, sizeof(buf)) == -1,
	   "an unknown kind is refused");
	return done();
}
