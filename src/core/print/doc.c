/* The printed document: lines laid out for a paper width at the width a
 * printer prints each character, with alignment, bold and magnification;
 * and the document as plain text lines for a screen or a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/doc.h"
#include "jrc/qr.h"
#include "jrc/text.h"

int doc_paper_cols(int paper_mm)
{
	return paper_mm == 58 ? 32 : paper_mm == 80 ? 48 : 0;
}

int doc_paper_dots(int paper_mm)
{
	return paper_mm == 58 ? 384 : paper_mm == 80 ? 576 : 0;
}

void doc_init(jrc_doc *d, int cols)
{
	memset(d, 0, sizeof(*d));
	d->cols = cols < 8 ? 8 : cols;
}

void doc_free(jrc_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i].text);
	free(d->lines);
	d->lines = NULL;
	d->n = d->cap = 0;
}

/* Append one line, taking ownership of text. */
static void push(jrc_doc *d, jrc_doc_kind kind, jrc_doc_align align, int style, char *text)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 32;
		jrc_doc_line *nl = realloc(d->lines, cap * sizeof(*nl));

		if (!nl) {
			free(text);
			d->oom = 1;
			return;
		}
		d->lines = nl;
		d->cap = cap;
	}
	d->lines[d->n].kind = kind;
	d->lines[d->n].align = align;
	d->lines[d->n].style = style & (JRC_DOC_BOLD | JRC_DOC_WIDE | JRC_DOC_TALL | JRC_DOC_NAME);
	d->lines[d->n].text = text;
	d->n++;
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Wrap clean text at width; each piece goes in after `indent` spaces
 * (the first after `first`, which counts `indent` columns).  The document
 * is laid out in the printer's columns (text_cp_print_width), which are
 * never fewer than the screen's. */
static void push_wrapped(jrc_doc *d, jrc_doc_align align, int style, const char *clean,
			 size_t width, const char *first, size_t indent)
{
	size_t *starts, *lens, n = text_wrap_print(clean, width ? width : 1, &starts, &lens);

	/* No lines for text that has some: out of memory, not nothing to say. */
	if (n == 0 && *clean)
		d->oom = 1;

	for (size_t i = 0; i < n; i++) {
		const char *lead = i == 0 && first ? first : "";
		size_t pad = i == 0 && first ? 0 : indent;
		size_t ll = strlen(lead);
		char *line = malloc(ll + pad + lens[i] + 1);

		if (!line) {
			d->oom = 1;
			break;
		}
		memcpy(line, lead, ll);
		memset(line + ll, ' ', pad);
		memcpy(line + ll + pad, clean + starts[i], lens[i]);
		line[ll + pad + lens[i]] = '\0';
		push(d, JRC_DOC_TEXT, align, style, line);
	}
	free(starts);
	free(lens);
}

void doc_add_text(jrc_doc *d, jrc_doc_align align, int style, const char *text)
{
	char *clean = text_sanitize(text, 1);
	size_t cols = (size_t)d->cols, w;

	if (!clean) {
		d->oom = 1;
		return;
	}
	w = text_print_width(clean);
	if ((style & JRC_DOC_FIT) && (style & JRC_DOC_WIDE) &&
	    (strchr(clean, '\n') || 2 * w > cols))
		style &= ~JRC_DOC_WIDE;
	if (style & JRC_DOC_WIDE)
		cols /= 2;
	push_wrapped(d, align, style, clean, cols, NULL, 0);
	free(clean);
}

void doc_add_both(jrc_doc *d, int en_only, jrc_doc_align align, int style, const char *zh,
		  const char *en)
{
	if (!en_only)
		doc_add_text(d, align, style, zh);
	doc_add_text(d, align, en_only ? style : style & ~(JRC_DOC_WIDE | JRC_DOC_TALL), en);
}

void doc_add_both_field(jrc_doc *d, int en_only, int style, const char *zh, const char *en,
			const char *value)
{
	char label[160];

	/* As on the receipt: "查询码 Query code：" ends in a full-width colon. */
	if (en_only)
		snprintf(label, sizeof(label), "%s:", en);
	else
		snprintf(label, sizeof(label), "%s %s：", zh, en);
	doc_add_field(d, style, label, value);
}

void doc_add_field(jrc_doc *d, int style, const char *label, const char *value)
{
	char *l = text_sanitize(label, 0), *v = text_sanitize(value, 1);
	size_t lw, cols = (size_t)d->cols;

	style &= ~(JRC_DOC_WIDE | JRC_DOC_FIT);
	/* Sanitizing trims the space after "Filed:"; a full-width colon
	 * needs none. */
	if (l && *l && (unsigned char)l[strlen(l) - 1] < 0x80) {
		char *spaced = realloc(l, strlen(l) + 2);

		if (spaced)
			strcat(spaced, " ");
		else
			free(l);
		l = spaced;
	}
	if (!l || !v) {
		d->oom = 1;
	} else if (!*v) {
		/* Nothing to say: leave the line out. */
	} else if ((lw = text_print_width(l)) * 2 <= cols) {
		push_wrapped(d, JRC_ALIGN_LEFT, style, v, cols - lw, l, lw);
	} else {
		char *both = malloc(strlen(l) + strlen(v) + 1);

		if (both) {
			strcpy(both, l);
			strcat(both, v);
			push_wrapped(d, JRC_ALIGN_LEFT, style, both, cols, NULL, 0);
		} else {
			d->oom = 1;
		}
		free(both);
	}
	free(l);
	free(v);
}

void doc_add_rule(jrc_doc *d)
{
	push(d, JRC_DOC_RULE, JRC_ALIGN_LEFT, 0, NULL);
}

void doc_add_blank(jrc_doc *d)
{
	push(d, JRC_DOC_BLANK, JRC_ALIGN_LEFT, 0, NULL);
}

void doc_add_qr(jrc_doc *d, const char *payload)
{
	char *p = text_sanitize(payload, 0);

	if (!p) {
		d->oom = 1;
		return;
	}
	push(d, JRC_DOC_QR, JRC_ALIGN_CENTER, 0, p);
}

/* ---------------------------------------------------------------- text */

typedef struct strv {
	char **v;
	size_t n, cap;
	int oom;
} strv;

static void strv_push(strv *s, char *line)
{
	if (!line) {
		s->oom = 1;
		return;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		char **nv = realloc(s->v, cap * sizeof(*nv));

		if (!nv) {
			free(line);
			s->oom = 1;
			return;
		}
		s->v = nv;
		s->cap = cap;
	}
	s->v[s->n++] = line;
}

static char *padded(const char *text, size_t width, size_t cols, jrc_doc_align align)
{
	size_t pad = 0, len = strlen(text);
	char *out;

	if (width < cols)
		pad = align == JRC_ALIGN_CENTER ? (cols - width) / 2 :
		      align == JRC_ALIGN_RIGHT ? cols - width : 0;
	if (!(out = malloc(pad + len + 1)))
		return NULL;
	memset(out, ' ', pad);
	memcpy(out + pad, text, len + 1);
	return out;
}

size_t doc_render_text(const jrc_doc *d, int flags, char ***lines)
{
	strv s = { NULL, 0, 0, 0 };
	size_t cols = (size_t)d->cols;

	*lines = NULL;
	for (size_t i = 0; i < d->n && !s.oom; i++) {
		const jrc_doc_line *l = &d->lines[i];
		char *rule;

		switch (l->kind) {
		case JRC_DOC_TEXT:
			strv_push(&s, padded(l->text, text_width(l->text), cols, l->align));
			break;
		case JRC_DOC_RULE:
			if ((rule = malloc(cols + 1))) {
				memset(rule, '-', cols);
				rule[cols] = '\0';
			}
			strv_push(&s, rule);
			break;
		case JRC_DOC_BLANK:
			strv_push(&s, dup_n("", 0));
			break;
		case JRC_DOC_QR:
			if (flags & JRC_DOC_TEXT_QR) {
				jrc_qr *q = malloc(sizeof(*q));
				char **rows = NULL;
				size_t nr = 0;

				if (!q || qr_encode(l->text, q) != JRC_OK ||
				    !(nr = qr_render_halfblocks(q, 2, (flags & JRC_DOC_TEXT_QR_INVERT) != 0,
								&rows))) {
					free(q);
					s.oom = 1;
					break;
				}
				for (size_t r = 0; r < nr; r++)
					strv_push(&s, padded(rows[r], (size_t)q->size + 4, cols,
							     JRC_ALIGN_CENTER));
				qr_lines_free(rows, nr);
				free(q);
			}
			break;
		}
	}
	if (s.oom) {
		qr_lines_free(s.v, s.n);
		return 0;
	}
	*lines = s.v;
	return s.n;
}

void doc_lines_free(char **lines, size_t n)
{
	qr_lines_free(lines, n);
}
