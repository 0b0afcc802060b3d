/* Masked forms of a citizen's identifiers, for anyone but staff: on
 * screens, receipts and in the record's notes. */
#include <stdio.h>
#include <string.h>

#include "jrc/mask.h"
#include "jrc/text.h"
#include "jrc/validate.h"

/* Appends whole characters only, so a short buffer never ends in half a
 * Chinese character. */
struct out {
	char *buf;
	size_t size, len;
};

static void out_put(struct out *o, const char *s, size_t n)
{
	if (o->size == 0)
		return;			/* no room even for the NUL */
	if (o->len + n >= o->size) {
		o->size = o->len + 1;	/* full: later appends are dropped */
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void out_stars(struct out *o, size_t n)
{
	while (n--)
		out_put(o, "*", 1);
}

static void out_init(struct out *o, char *buf, size_t size)
{
	o->buf = buf;
	o->size = size;
	o->len = 0;
	if (size > 0)
		buf[0] = '\0';
}

void mask_id_number(const char *id, char *out, size_t size)
{
	struct out o;
	size_t len, head, tail, stars;

	out_init(&o, out, size);
	if (!id || !*id)
		return;
	len = strlen(id);
	if (len >= 12) {
		head = 6;
		tail = 4;
		stars = 8;
	} else {
		/* Other documents are shorter: show a quarter at each end. */
		head = tail = len / 4;
		stars = len - head - tail;
	}
	out_put(&o, id, head);
	out_stars(&o, stars);
	out_put(&o, id + len - tail, tail);
}

void mask_phone(const char *phone, char *out, size_t size)
{
	struct out o;
	char norm[24];
	const char *dash;
	size_t len;

	out_init(&o, out, size);
	if (!phone || !*phone)
		return;
	if (validate_phone(phone, norm, NULL) == JRC_OK)
		phone = norm;
	len = strlen(phone);
	dash = strchr(phone, '-');
	if (phone == norm && dash) {
		out_put(&o, phone, (size_t)(dash - phone) + 1);
		out_stars(&o, 4);
		out_put(&o, phone + len - 4, 4);
	} else if (phone == norm) {
		out_put(&o, phone, 3);
		out_stars(&o, 4);
		out_put(&o, phone + len - 4, 4);
	} else if (len > 4) {
		/* Not a number we know the shape of: hide all but the end. */
		out_stars(&o, len - 4);
		out_put(&o, phone + len - 4, 4);
	} else {
		out_stars(&o, len);
	}
}

void mask_name(const char *name, char *out, size_t size)
{
	struct out o;
	size_t len, n;
	uint32_t cp;

	out_init(&o, out, size);
	if (!name || !*name)
		return;
	len = strlen(name);
	n = text_utf8_decode(name, len, &cp);
	if (n == 0)
		n = 1;
	/* One shape for every name, so the mask does not tell its length:
	 * the first character and two stars.  A name of one character would
	 * be shown whole that way: it is all stars. */
	if (n < len)
		out_put(&o, name, n);
	else
		out_stars(&o, 1);
	out_stars(&o, 2);
}

void mask_document(const char *kind, const char *number, char *out, size_t size)
{
	size_t n;

	if (size)
		out[0] = '\0';
	if (!number || !*number)
		return;
	if (kind && strcmp(kind, "resident") == 0) {
		mask_id_number(number, out, size);
		return;
	}
	n = strlen(number);
	snprintf(out, size, "****%s", n > 3 ? number + n - 3 : "");
}
