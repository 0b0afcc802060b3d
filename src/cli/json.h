/* A small streaming JSON writer for --json output. */
#ifndef JRC_CLI_JSON_H
#define JRC_CLI_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct json_out {
	FILE *f;
	int depth;
	int need_comma[32];
	int pretty;
} json_out;

void json_begin(json_out *j, FILE *f);
void json_end(json_out *j);            /* final newline */
void json_obj_open(json_out *j, const char *key);   /* key NULL inside arrays/top */
void json_obj_close(json_out *j);
void json_arr_open(json_out *j, const char *key);
void json_arr_close(json_out *j);
void json_str(json_out *j, const char *key, const char *v);   /* NULL -> null */
void json_int(json_out *j, const char *key, int64_t v);
void json_bool(json_out *j, const char *key, int v);
void json_null(json_out *j, const char *key);

/* Fills the members of one row's object; arg is the caller's. */
typedef void (*json_fill)(json_out *j, const void *row, const void *arg);

/* n rows of size bytes each as an array (under key, or NULL) of objects. */
void json_rows(json_out *j, const char *key, const void *rows, size_t n, size_t size,
	       json_fill fill, const void *arg);

/* The whole output on stdout: the rows as a JSON array, then a newline. */
void json_print_rows(const void *rows, size_t n, size_t size, json_fill fill, const void *arg);

#endif
