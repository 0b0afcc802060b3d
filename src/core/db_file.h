/* The SQLite file a hall keeps its record in, on the disk (db_file.c):
 * private to the storage layer. */
#ifndef JRC_DB_FILE_H
#define JRC_DB_FILE_H

#include <stddef.h>

/* Create the parent folders of path (0750) if needed, like mkdir -p; -1
 * with errno on failure. */
int db_file_make_parent(const char *path);
/* Remove the database and its -wal, -shm and -journal companions; -1
 * (errno set) if a name would not fit, before anything is removed. */
int db_file_remove(const char *path);
/* Why the database cannot be written, as a sentence in why; 0 when it
 * can (the file and, for SQLite's companions, its folder). */
int db_file_write_problem(const char *path, char *why, size_t size);
/* "file:PATH?mode=ro" (with immutable=1 when nothing can be written),
 * percent-encoded; -1 if it does not fit. */
int db_file_readonly_uri(const char *path, int immutable, char *out, size_t size);

#endif
