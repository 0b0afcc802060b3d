/* Private to the export module: the categories as Open311 services. */
#ifndef JRC_EXPORT_INTERNAL_H
#define JRC_EXPORT_INTERNAL_H

#include "jrc/export.h"

typedef struct export_service {
	const char *code, *name, *description, *keywords, *group;
} export_service;

typedef jrc_status (*export_service_fn)(const export_service *s, void *arg, jrc_err *err);

/* Call fn on each category, in the order filing lists them; names in the
 * current language. */
jrc_status export_services(jrc_db *db, export_service_fn fn, void *arg, jrc_err *err);

#endif
