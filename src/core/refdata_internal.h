/* Private to the core: how one CSV file of reference data is imported. */
#ifndef JRC_REFDATA_INTERNAL_H
#define JRC_REFDATA_INTERNAL_H

#include "jrc/refdata.h"

enum { REFDATA_MAX_COLS = 16 };

/* Import one data row.  v[i] holds the column named cols[i] of the file's
 * spec ("" when an optional column is absent); line is the row's line
 * number, sort its position.  Errors go to err without the file/line
 * prefix, which the importer adds. */
typedef jrc_status (*refdata_row_fn)(jrc_db *db, char **v, long sort, jrc_err *err);

typedef struct refdata_file {
	const char *name;                       /* e.g. "categories.csv" */
	int required;                           /* must exist in the folder */
	const char *cols[REFDATA_MAX_COLS];     /* NULL-terminated */
	int ncols_required;                     /* the first n are required */
	refdata_row_fn row;
	const char *before;                     /* SQL run before the rows, or NULL */
} refdata_file;

/* Row importers that live in other modules. */
jrc_status roster_import_host(jrc_db *db, char **v, long sort, jrc_err *err);
jrc_status roster_import_schedule(jrc_db *db, char **v, long sort, jrc_err *err);
jrc_status phrases_import_row(jrc_db *db, char **v, long sort, jrc_err *err);
jrc_status visit_import_row(jrc_db *db, char **v, long sort, jrc_err *err);
jrc_status survey_import_row(jrc_db *db, char **v, long sort, jrc_err *err);
jrc_status alert_import_row(jrc_db *db, char **v, long sort, jrc_err *err);
jrc_status queue_import_window(jrc_db *db, char **v, long sort, jrc_err *err);
jrc_status site_import_row(jrc_db *db, char **v, long sort, jrc_err *err);

#endif
