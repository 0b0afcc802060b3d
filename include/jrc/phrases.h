/* The phrase builder's sentences ("常用说法", data/phrases.csv): plain
 * spoken sentences per category, in Chinese and English, for a citizen
 * who cannot type.  A blank, written ___, is filled with digits. */
#ifndef JRC_PHRASES_H
#define JRC_PHRASES_H

#include <stddef.h>

#include "jrc/db.h"

enum {
	JRC_PHRASE_MAX = 120,     /* characters of one sentence */
	JRC_PHRASE_BLANKS = 3,    /* blanks in one sentence at most */
	JRC_PHRASE_DIGITS = 9     /* digits typed into one blank at most */
};

#define JRC_PHRASE_BLANK "___"

typedef struct jrc_phrase {
	char category[8];
	char kind[12];            /* what, who, when, amount, tried, want */
	char zh[JRC_PHRASE_MAX * 4 + 1];
	char en[JRC_PHRASE_MAX * 4 + 1];
} jrc_phrase;

/* The sentences of a category, in the file's order; allocated, caller
 * frees *out.  None is not an error (*n = 0). */
jrc_status phrases_for(jrc_db *db, const char *category, jrc_phrase **out, size_t *n,
		       jrc_err *err);

/* How many blanks s has. */
int phrase_blanks(const char *s);

/* s with its blanks replaced, in order, by fills[0..nfills-1] (digits);
 * 0, or -1 if a fill is missing or not digits, or out is too small. */
int phrase_fill(const char *s, const char *const *fills, int nfills, char *out, size_t size);

/* 1 if kind is one of the six kinds a category's sentences cover. */
int phrase_kind_valid(const char *kind);

#endif
