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

/* A citizen's free text as it may leave the center (an export): each of
 * names (the case's own; a NULL-ended list, or NULL) wherever it stands
 * (and its given name alone, 小明 of 王小明, as "**") and a name after 我叫, 名叫 or 姓名 as mask_name; ID card
 * numbers (18 digits or 17 and X, 15 digits) as mask_id_number; mobiles
 * (1[3-9] and 9 digits, also after 86) and landlines (0, area code, the
 * number; a dash or space allowed between groups) as mask_phone; any other
 * run of 7 or more digits (bank cards, local numbers) all stars but its
 * last 4.  Full-width digits count as digits.  A new string; NULL only when
 * out of memory. */
char *mask_text(const char *text, const char *const *names);

#endif
