/* Citizens' identifiers as anyone but staff sees them. */
#ifndef JRC_MASK_H
#define JRC_MASK_H

#include <stddef.h>

/* Masked forms for anyone but staff: 330726********123X, 138****5678,
 * landline 0579-****4123; a name keeps its first character (张**). */
void mask_id_number(const char *id, char *out, size_t size);
void mask_phone(const char *phone, char *out, size_t size);
void mask_name(const char *name, char *out, size_t size);

/* A document number as anyone but staff sees it: a resident ID card
 * (kind "resident") as mask_id_number; any other document "****" and its
 * last 3 characters.  Empty for no number. */
void mask_document(const char *kind, const char *number, char *out, size_t size);

#endif
