/* Backups of the database and restoring one. */
#ifndef JRC_BACKUP_H
#define JRC_BACKUP_H

#include <stdint.h>
#include <sys/types.h>
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/seqmark.h"

/* How many backups to keep: the newest of each of the last `daily` days,
 * `weekly` ISO weeks and `monthly` months that have one. */
typedef struct jrc_backup_keep {
	int daily, weekly, monthly;
} jrc_backup_keep;

/* What a backup or a check of one found. */
typedef struct jrc_backup_info {
	char path[4096];         /* the backup file */
	char head_path[4200];    /* its record beside it, PATH.head */
	char head[65];           /* the chain head in the backup */
	char sha256[65];         /* of the backup file */
	int64_t events, cases, bytes;
	int has_head_file;       /* a check found PATH.head (and it matched) */
} jrc_backup_info;

/* Backups removed by the keep rules; free with backup_list_free. */
typedef struct jrc_backup_list {
	char **paths;
	size_t n;
} jrc_backup_list;
void backup_list_free(jrc_backup_list *l);

/* Write a consistent copy of db into dir (which must exist), named by the
 * site-local time now as jrc-YYYYMMDD-HHMMSS.db, mode 0600, while others
 * keep writing; then check the copy (integrity, the whole event chain) and
 * record its chain head, counts and SHA-256 in PATH.head.  Nothing but the
 * database is copied (no ledger key, no receipt-number mark).  On any
 * failure the partial copy is removed, nothing else in dir is touched, and
 * err has a sentence. */
jrc_status backup_write(jrc_db *db, const char *dir, jrc_time now, jrc_backup_info *out,
			jrc_err *err);

/* Remove the backups in dir (only files named as backup_write names them)
 * that the keep rules do not keep; keep_path is always kept.  Removed
 * paths go to *removed.  A file that cannot be removed is an error after
 * the others were tried. */
jrc_status backup_prune(const char *dir, const jrc_backup_keep *keep, const char *keep_path,
			jrc_backup_list *removed, jrc_err *err);

/* Check a backup file without changing it: its SHA-256 against PATH.head
 * when that exists, then (on a private copy) integrity and the chain. */
jrc_status backup_check(const char *path, jrc_backup_info *out, jrc_err *err);

/* A process that has a database file open. */
typedef struct jrc_db_holder {
	pid_t pid;
	char command[128];
} jrc_db_holder;

/* Processes other than this one holding db_path (or its -wal/-shm) open,
 * found through /proc; returns how many were found (at most max filled). */
size_t backup_db_holders(const char *db_path, jrc_db_holder *out, size_t max);

typedef struct jrc_restore_result {
	jrc_backup_info backup;  /* the backup that was restored, as checked */
	char kept[4200];         /* where the replaced database now is ("" if none) */
	jrc_seq_raise *raises;   /* day sequences raised past the backup's */
	size_t nraises;
} jrc_restore_result;
void backup_restore_result_free(jrc_restore_result *r);

/* Put backup file in place of the database at db_path: refuse (JRC_E_DB_LOCKED,
 * naming the process) while another process has it open; check the backup;
 * keep the current database beside it as DB.before-restore-YYYYMMDD-HHMMSS;
 * raise the day sequences to what the receipt-number mark and the replaced
 * database still say was handed out. */
jrc_status backup_restore(const char *file, const char *db_path, jrc_time now,
			  jrc_restore_result *out, jrc_err *err);

#endif
