/* The ledger key file: 64 hex digits and a newline, made from getrandom(),
 * readable by its owner (and a group, if asked) only. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jrc/i18n.h"
#include "jrc/ledger_key.h"

#ifndef JRC_LEDGER_KEY_DEFAULT
#define JRC_LEDGER_KEY_DEFAULT "/etc/jrc-kiosk/ledger.key"
#endif

const char *ledger_key_path(void)
{
	const char *p = getenv("JRC_LEDGER_KEY");

	return p && *p ? p : JRC_LEDGER_KEY_DEFAULT;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

jrc_status ledger_key_load(const char *path, unsigned char key[JRC_LEDGER_KEY_SIZE],
			   jrc_err *err)
{
	char buf[2 * JRC_LEDGER_KEY_SIZE + 2];
	struct stat sb;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC), e;

	if (fd < 0) {
		e = errno;
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The ledger key %s cannot be read (%s): without it nothing can be recorded and the record cannot be proved genuine. Ask the supervisor to restore the key from its sealed copy."),
				   path, strerror(e));
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The ledger key %s is not a regular file: ask the supervisor to restore the key from its sealed copy."),
				   path);
	}
	if (sb.st_mode & (S_IRWXO | S_IWGRP)) {
		close(fd);
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The ledger key %s is open to other users (mode %04o): make it readable by its owner only (chmod 0400), then tell the supervisor."),
				   path, (unsigned)(sb.st_mode & 07777));
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n >= 2 * JRC_LEDGER_KEY_SIZE) {
		int good = n == 2 * JRC_LEDGER_KEY_SIZE ||
			   (n == 2 * JRC_LEDGER_KEY_SIZE + 1 && buf[n - 1] == '\n');

		for (int i = 0; good && i < JRC_LEDGER_KEY_SIZE; i++) {
			int hi = hexval((unsigned char)buf[2 * i]), lo = hexval((unsigned char)buf[2 * i + 1]);

			if (hi < 0 || lo < 0)
				good = 0;
			else
				key[i] = (unsigned char)(hi << 4 | lo);
		}
		memset(buf, 0, sizeof(buf));
		if (good)
			return JRC_OK;
	}
	return jrc_err_set(err, JRC_E_IO, NULL,
			   _("The ledger key %s is damaged (it must be 64 hex digits): ask the supervisor to restore the key from its sealed copy."),
			   path);
}

jrc_status ledger_key_create(const char *path, int group_read, int *created, jrc_err *err)
{
	unsigned char key[JRC_LEDGER_KEY_SIZE];
	char hex[2 * JRC_LEDGER_KEY_SIZE + 1], dir[4096], *slash;
	size_t got = 0;
	int fd, e;

	*created = 0;
	if (access(path, F_OK) == 0)
		return ledger_key_load(path, key, err);
	snprintf(dir, sizeof(dir), "%s", path);
	if ((slash = strrchr(dir, '/')) && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
			e = errno;
			return jrc_err_set(err, JRC_E_IO, NULL,
					   _("Cannot make the folder %s for the ledger key (%s): create it, or set JRC_LEDGER_KEY to a path that can be written."),
					   dir, strerror(e));
		}
	}
	while (got < sizeof(key)) {
		ssize_t n = getrandom(key + got, sizeof(key) - got, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return jrc_err_set(err, JRC_E_IO, NULL,
					   _("The system gave no random bytes for the ledger key: try again."));
		got += (size_t)n;
	}
	for (size_t i = 0; i < sizeof(key); i++) {
		hex[2 * i] = "0123456789abcdef"[key[i] >> 4];
		hex[2 * i + 1] = "0123456789abcdef"[key[i] & 15];
	}
	hex[sizeof(hex) - 1] = '\n';
	memset(key, 0, sizeof(key));
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  group_read ? 0440 : 0400);
	if (fd < 0) {
		e = errno;
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("Cannot create the ledger key %s (%s): check the folder, or set JRC_LEDGER_KEY to a path that can be written."),
				   path, strerror(e));
	}
	/* The umask may have taken bits away, never added: set the mode we mean. */
	if (write(fd, hex, sizeof(hex)) != (ssize_t)sizeof(hex) ||
	    fchmod(fd, group_read ? 0440 : 0400) != 0 || fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlink(path);
		memset(hex, 0, sizeof(hex));
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("Cannot write the ledger key %s (%s): free some space and run 'jrc init' again."),
				   path, strerror(e));
	}
	memset(hex, 0, sizeof(hex));
	close(fd);
	*created = 1;
	return JRC_OK;
}
