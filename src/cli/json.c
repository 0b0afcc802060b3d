/* JSON output: strings escaped per RFC 8259; UTF-8 passes through. */
#include <inttypes.h>
#include <string.h>

#include "json.h"

static void put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

static void item(json_out *j, const char *key)
{
	if (j->need_comma[j->depth])
		fputc(',', j->f);
	j->need_comma[j->depth] = 1;
	if (key) {
		put_string(j->f, key);
		fputc(':', j->f);
	}
}

void json_begin(json_out *j, FILE *f)
{
	memset(j, 0, sizeof(*j));
	j->f = f;
}

void json_end(json_out *j)
{
	fputc('\n', j->f);
	fflush(j->f);
}

void json_obj_open(json_out *j, const char *key)
{
	item(j, key);
	fputc('{', j->f);
	if (j->depth < 31)
		j->need_comma[++j->depth] = 0;
}

void json_obj_close(json_out *j)
{
	fputc('}', j->f);
	if (j->depth > 0)
		j->depth--;
}

void json_arr_open(json_out *j, const char *key)
{
	item(j, key);
	fputc('[', j->f);
	if (j->depth < 31)
		j->need_comma[++j->depth] = 0;
}

void json_arr_close(json_out *j)
{
	fputc(']', j->f);
	if (j->depth > 0)
		j->depth--;
}

void json_str(json_out *j, const char *key, const char *v)
{
	item(j, key);
	if (v)
		put_string(j->f, v);
	else
		fputs("null", j->f);
}

void json_int(json_out *j, const char *key, int64_t v)
{
	item(j, key);
	fprintf(j->f, "%" PRId64, v);
}

void json_bool(json_out *j, const char *key, int v)
{
	item(j, key);
	fputs(v ? "true" : "false", j->f);
}

void json_null(json_out *j, const char *key)
{
	item(j, key);
	fputs("null", j->f);
}

void json_rows(json_out *j, const char *key, const void *rows, size_t n, size_t size,
	       json_fill fill, const void *arg)
{
	json_arr_open(j, key);
	for (size_t i = 0; i < n; i++) {
		json_obj_open(j, NULL);
		fill(j, (const char *)rows + i * size, arg);
		json_obj_close(j);
	}
	json_arr_close(j);
}

void json_print_rows(const void *rows, size_t n, size_t size, json_fill fill, const void *arg)
{
	json_out j;

	json_begin(&j, stdout);
	json_rows(&j, NULL, rows, n, size, fill, arg);
	json_end(&j);
}
