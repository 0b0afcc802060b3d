/* SMS notices: the sender (none, file:PATH, command:PATH) and the
 * sending of what the outbox holds, with retries. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "db_internal.h"
#include "jrc/i18n.h"
#include "jrc/mask.h"
#include "jrc/sms.h"

enum { SEND_TIMEOUT_S = 30, SEND_BATCH = 100, GIVE_UP_AFTER = 6 };

/* Minutes to wait after the nth failure (1-based) before trying again. */
static const int backoff_min[] = { 1, 5, 30, 120, 720 };

jrc_status sms_sender_check(const char *v, jrc_err *err)
{
	struct stat st;

	if (!v || strcmp(v, "none") == 0)
		return JRC_OK;
	if (strncmp(v, "file:", 5) == 0 && v[5] && strlen(v) < 500)
		return JRC_OK;
	if (strncmp(v, "command:", 8) == 0 && v[8] && strlen(v) < 500) {
		if (stat(v + 8, &st) != 0 || !S_ISREG(st.st_mode) || access(v + 8, X_OK) != 0)
			return jrc_err_set(err, JRC_E_INVALID, "sms_sender",
					   _("The SMS gateway script %s is not there or cannot be run: install it and make it executable, or set sms_sender to none."),
					   v + 8);
		return JRC_OK;
	}
	return jrc_err_set(err, JRC_E_INVALID, "sms_sender",
			   _("The SMS sender must be none, file:PATH or command:PATH (the site's gateway script)."));
}

static int send_file(const char *path, const char *phone, const char *text, char *why,
		     size_t size)
{
	FILE *f = fopen(path, "a");

	if (!f) {
		snprintf(why, size, "%.200s: %.80s", path, strerror(errno));
		return -1;
	}
	fprintf(f, "%s\t%s\n", phone, text);
	if (fclose(f) != 0) {
		snprintf(why, size, "%.200s: %.80s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Run the gateway script: the number as its argument, the text on its
 * standard input; exit 0 is sent.  why: the first line of its errors. */
static int send_command(const char *path, const char *phone, const char *text, char *why,
			size_t size)
{
	int in[2], er[2], status = 0;
	char buf[512];
	size_t got = 0;
	pid_t pid;
	time_t until = time(NULL) + SEND_TIMEOUT_S;
	int timed_out = 0;

	*why = '\0';
	if (pipe(in) != 0)
		goto sys;
	if (pipe(er) != 0) {
		close(in[0]);
		close(in[1]);
		goto sys;
	}
	if ((pid = fork()) < 0) {
		close(in[0]); close(in[1]); close(er[0]); close(er[1]);
		goto sys;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(in[0], 0);
		dup2(er[1], 2);
		if (null >= 0)
			dup2(null, 1);
		close(in[0]); close(in[1]); close(er[0]); close(er[1]);
		execl(path, path, phone, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(er[1]);
	{
		void (*old)(int) = signal(SIGPIPE, SIG_IGN);
		size_t len = strlen(text);

		/* A script that does not read its text still has its say: its
		 * exit status decides. */
		if (write(in[1], text, len) == (ssize_t)len && write(in[1], "\n", 1) != 1)
			len = 0;
		close(in[1]);
		signal(SIGPIPE, old);
	}
	for (;;) {
		struct pollfd p = { er[0], POLLIN, 0 };
		int left = (int)(until - time(NULL));
		ssize_t r;

		if (left <= 0) {
			timed_out = 1;
			break;
		}
		if (poll(&p, 1, left * 1000) <= 0) {
			if (errno == EINTR)
				continue;
			timed_out = 1;
			break;
		}
		r = read(er[0], buf + got, got < sizeof(buf) - 1 ? sizeof(buf) - 1 - got : 0);
		if (r <= 0 && got >= sizeof(buf) - 1) {
			char skip[256];

			r = read(er[0], skip, sizeof(skip));
			if (r > 0)
				continue;
		}
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(er[0]);
	buf[got] = '\0';
	if (timed_out)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (timed_out) {
		snprintf(why, size, _("the gateway script did not finish within %d seconds"),
			 SEND_TIMEOUT_S);
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	buf[strcspn(buf, "\r\n")] = '\0';
	if (*buf)
		snprintf(why, size, "%.200s", buf);
	else if (WIFEXITED(status))
		snprintf(why, size, _("the gateway script exited with status %d"), WEXITSTATUS(status));
	else
		snprintf(why, size, _("the gateway script was stopped by signal %d"), WTERMSIG(status));
	return -1;
sys:
	snprintf(why, size, "%s", strerror(errno));
	return -1;
}

typedef struct due_row {
	int64_t id;
	int attempts;
	char phone[32];
	char next_try_at[32];
	char *text;
} due_row;

/* Take a row for this run: its next try moved past the time a send may
 * take, so that a second sender (a timer beside one kept running) leaves
 * it alone, and a sender that dies leaves it to be tried again.  1 when
 * taken, 0 when another sender has it, -1 on error. */
static int claim(jrc_db *db, const due_row *r, jrc_err *err)
{
	db_stmt *st;
	char lease[32];
	int rc, n;

	clock_format_utc(clock_now() + 2 * SEND_TIMEOUT_S + 60, lease);
	if (db_prepare(db, "UPDATE sms_outbox SET next_try_at = ?1 WHERE id = ?2 AND next_try_at = ?3"
		       " AND sent_at IS NULL AND failed_at IS NULL", &st, err))
		return -1;
	db_bind_text(db, st, 1, lease);
	db_bind_int64(st, 2, r->id);
	db_bind_text(db, st, 3, r->next_try_at);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		db_fail(db, rc, err);
		return -1;
	}
	n = db_changes(db);
	return n == 1;
}

static jrc_status mark(jrc_db *db, const due_row *r, int ok, const char *why, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	jrc_time now = clock_now();
	char at[32], next[32];
	int n = r->attempts + 1, rc;
	/* A script may say the number in its complaint. */
	char *masked = why && *why ? mask_text(why, NULL) : NULL;

	clock_format_utc(now, at);
	clock_format_utc(now + (jrc_time)60 * backoff_min[n - 1 < 5 ? n - 1 : 4], next);
	if ((s = db_begin(db, err))) {
		free(masked);
		return s;
	}
	if ((s = db_prepare(db, "UPDATE sms_outbox SET attempts = ?2,"
			    " sent_at = CASE WHEN ?3 <> 0 THEN ?4 END,"
			    " failed_at = CASE WHEN ?3 = 0 AND ?2 >= ?6 THEN ?4 END,"
			    " next_try_at = CASE WHEN ?3 <> 0 THEN next_try_at ELSE ?5 END,"
			    " last_error = CASE WHEN ?3 <> 0 THEN last_error ELSE ?7 END"
			    " WHERE id = ?1 AND sent_at IS NULL", &st, err))) {
		free(masked);
		db_rollback(db);
		return s;
	}
	db_bind_int64(st, 1, r->id);
	db_bind_int(st, 2, n);
	db_bind_int(st, 3, ok);
	db_bind_text(db, st, 4, at);
	db_bind_text(db, st, 5, next);
	db_bind_int(st, 6, GIVE_UP_AFTER);
	db_bind_text(db, st, 7, masked ? masked : why);
	rc = db_step(db, st);
	db_finalize(st);
	free(masked);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

jrc_status sms_send_due(jrc_db *db, long *sent, long *failed, jrc_err *err)
{
	char sender[520], now[32], why[300];
	db_stmt *st;
	jrc_status s;
	due_row *rows = NULL;
	size_t k = 0;
	int rc;

	*sent = *failed = 0;
	if ((s = db_setting_get(db, "sms_sender", "none", sender, sizeof(sender), err)))
		return s;
	if (strcmp(sender, "none") == 0)
		return JRC_OK;
	if (sms_sender_check(sender, err) != JRC_OK) {
		if (err)
			err->code = JRC_E_IO;   /* the site's setup, not the command's input */
		return JRC_E_IO;
	}
	clock_format_utc(clock_now(), now);
	if ((s = db_prepare(db, "SELECT id, attempts, phone, text, next_try_at FROM sms_outbox"
			    " WHERE sent_at IS NULL AND failed_at IS NULL AND next_try_at <= ?"
			    " ORDER BY next_try_at, id LIMIT ?", &st, err)))
		return s;
	db_bind_text(db, st, 1, now);
	db_bind_int(st, 2, SEND_BATCH);
	if (!(rows = calloc(SEND_BATCH, sizeof(*rows)))) {
		db_finalize(st);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	while ((rc = db_step(db, st)) == DB_ROW && k < SEND_BATCH) {
		const char *t = db_col_text(st, 3);

		rows[k].id = db_col_int64(st, 0);
		rows[k].attempts = db_col_int(st, 1);
		db_col_copy(st, 2, rows[k].phone, sizeof(rows[k].phone));
		db_col_copy(st, 4, rows[k].next_try_at, sizeof(rows[k].next_try_at));
		if (!(rows[k].text = strdup(t ? t : "")))
			break;
		k++;
	}
	db_finalize(st);
	/* No write lock is held while the gateway works. */
	for (size_t i = 0; i < k && s == JRC_OK; i++) {
		int ok, mine = claim(db, &rows[i], err);

		if (mine < 0) {
			s = err ? err->code : JRC_E_DB;
			break;
		}
		if (!mine)
			continue;
		*why = '\0';
		if (strncmp(sender, "file:", 5) == 0)
			ok = send_file(sender + 5, rows[i].phone, rows[i].text, why, sizeof(why)) == 0;
		else
			ok = send_command(sender + 8, rows[i].phone, rows[i].text, why, sizeof(why)) == 0;
		if ((s = mark(db, &rows[i], ok, why, err)) == JRC_OK)
			(*(ok ? sent : failed))++;
	}
	for (size_t i = 0; i < k; i++)
		free(rows[i].text);
	free(rows);
	return s;
}
