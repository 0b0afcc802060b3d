/* Private to backup.c and restore.c. */
#ifndef JRC_BACKUP_INTERNAL_H
#define JRC_BACKUP_INTERNAL_H

#include "jrc/backup.h"

/* fsync a folder / a file by path; 0 or -1 with errno. */
int backup_sync_dir(const char *dir);
int backup_sync_file(const char *path);

/* SHA-256 of a file as 64 hex digits, and its size; 0 or -1 with errno. */
int backup_file_sha256(const char *path, char hex[65], int64_t *bytes);

/* Open path with db_open flags, check integrity and the whole chain, and
 * fill out's head, events and cases. */
jrc_status backup_check_db(const char *path, int flags, jrc_backup_info *out, jrc_err *err);

#endif
