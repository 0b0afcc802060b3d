/* A hall's SQLite file moved into a county's PostgreSQL server. */
#ifndef JRC_DB_MIGRATE_H
#define JRC_DB_MIGRATE_H

#include <stdint.h>

#include "jrc/db.h"
#include "jrc/status.h"

typedef struct jrc_migrate_report {
	int tables;   /* tables copied */
	int64_t rows; /* rows copied, all tables */
} jrc_migrate_report;

/* Copy every row of every table of src (an SQLite file) into dst (a
 * PostgreSQL server whose database db_open has just laid out, holding no
 * record), in one transaction on dst: all or nothing. */
jrc_status db_migrate_to(jrc_db *src, jrc_db *dst, jrc_migrate_report *r, jrc_err *err);

#endif
