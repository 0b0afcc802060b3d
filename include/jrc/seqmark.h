/* The receipt-number mark: every day sequence handed out is also noted in
 * a small file beside the database (DB.seq), so that a database restored
 * from an older backup goes on numbering after the last receipt printed,
 * never reusing a number a citizen holds on paper. */
#ifndef JRC_SEQMARK_H
#define JRC_SEQMARK_H

#include <stddef.h>
#include "jrc/db.h"

/* The mark file of the database at db_path ("DB.seq"); 0, or -1 if the
 * path does not fit. */
int seqmark_path_for(const char *db_path, char *out, size_t size);

/* Numbers are reserved in blocks of this many: the mark is written (and
 * synced) once per block, not once per filing. */
enum { JRC_SEQMARK_BLOCK = 10 };

/* Note that site's sequence for day (YYMMDD) reached seq, durably, inside
 * the filing transaction and before it commits: at the first number of a
 * block (or when the mark file is missing) the end of seq's block is
 * written and synced, so the mark always covers every number handed out.
 * A database without a file (in memory) notes nothing.  A write that
 * fails is JRC_E_DB_FULL or JRC_E_IO with a sentence: the filing must not
 * go on unprotected. */
jrc_status seqmark_note(jrc_db *db, const char *site, const char *day, long seq,
			jrc_err *err);

/* One raise that seqmark_raise made. */
typedef struct jrc_seq_raise {
	char site[8], day[8];
	long from, to;
} jrc_seq_raise;

/* Raise the database's day sequences to at least what the mark file (and,
 * when other_db is not NULL and can still be read, that database's
 * day_seq) says was handed out or reserved, rounded up to the end of its
 * block: a restore may skip up to a block of numbers, never reuse one.  The raises made are returned in *out
 * (free with free(), may be NULL when *n is 0).  A missing mark file is
 * not an error. */
jrc_status seqmark_raise(jrc_db *db, const char *mark_path, const char *other_db,
			 jrc_seq_raise **out, size_t *n, jrc_err *err);

#endif
