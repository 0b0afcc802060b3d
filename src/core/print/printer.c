/* Printer sinks: file, device, raw TCP and CUPS, with timeouts and the
 * ESC/POS real-time status (DLE EOT). */
#ifdef HAVE_CONFIG_H
#include "config.h"   /* _GNU_SOURCE for pipe2, before any system header */
#endif
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/printer.h"

enum { DLE = 0x10, EOT = 0x04 };

typedef struct sink {
	jrc_sink_kind kind;
	const char *uri;
	char target[1024];       /* path, queue, or host */
	char port[8];
} sink;

/* ---------------------------------------------------------------- URIs */

static int queue_name_ok(const char *q)
{
	/* CUPS names: no spaces, slashes or '#'; never an option to lp. */
	if (!*q || *q == '-' || strlen(q) > 127)
		return 0;
	for (; *q; q++)
		if (!(*q >= 'A' && *q <= 'Z') && !(*q >= 'a' && *q <= 'z') &&
		    !(*q >= '0' && *q <= '9') && !strchr("_.-@", *q))
			return 0;
	return 1;
}

static jrc_status parse_uri(const char *uri, sink *s, jrc_err *err)
{
	memset(s, 0, sizeof(*s));
	s->uri = uri;
	if (!uri || !*uri || strcmp(uri, "none") == 0) {
		s->kind = JRC_SINK_NONE;
		return JRC_OK;
	}
	if (strncmp(uri, "file:", 5) == 0 && uri[5] && strlen(uri + 5) < sizeof(s->target)) {
		s->kind = JRC_SINK_FILE;
		snprintf(s->target, sizeof(s->target), "%s", uri + 5);
		return JRC_OK;
	}
	if (strncmp(uri, "dev:", 4) == 0 && uri[4] == '/' && strlen(uri + 4) < sizeof(s->target)) {
		s->kind = JRC_SINK_DEV;
		snprintf(s->target, sizeof(s->target), "%s", uri + 4);
		return JRC_OK;
	}
	if (strncmp(uri, "cups:", 5) == 0 && queue_name_ok(uri + 5)) {
		s->kind = JRC_SINK_CUPS;
		snprintf(s->target, sizeof(s->target), "%s", uri + 5);
		return JRC_OK;
	}
	if (strncmp(uri, "tcp://", 6) == 0) {
		const char *h = uri + 6, *end, *colon;
		size_t hl;

		/* [v6 address]:port or host:port, port optional */
		if (*h == '[') {
			end = strchr(h, ']');
			if (!end)
				goto bad;
			hl = (size_t)(end - h - 1);
			h++;
			colon = end[1] == ':' ? end + 1 : end[1] ? NULL : end + 1;
			if (!colon)
				goto bad;
		} else {
			colon = strchr(h, ':');
			hl = colon ? (size_t)(colon - h) : strlen(h);
			if (!colon)
				colon = h + hl;
		}
		if (hl == 0 || hl >= sizeof(s->target) || memchr(h, '/', hl))
			goto bad;
		memcpy(s->target, h, hl);
		s->target[hl] = '\0';
		if (*colon == ':') {
			char *e;
			long p = strtol(colon + 1, &e, 10);

			if (!colon[1] || *e || p < 1 || p > 65535)
				goto bad;
			snprintf(s->port, sizeof(s->port), "%ld", p);
		} else {
			snprintf(s->port, sizeof(s->port), "9100");
		}
		s->kind = JRC_SINK_TCP;
		return JRC_OK;
	}
bad:
	return jrc_err_set(err, JRC_E_INVALID, "printer",
			   _("'%s' is not a printer: use none, file:PATH, dev:/dev/usb/lp0, tcp://HOST:9100 or cups:QUEUE."),
			   uri);
}

jrc_status printer_uri_check(const char *uri, jrc_sink_kind *kind, jrc_err *err)
{
	sink s;
	jrc_status rc = parse_uri(uri, &s, err);

	if (rc == JRC_OK && kind)
		*kind = s.kind;
	return rc;
}

/* ---------------------------------------------------------------- status */

const char *printer_state_text(jrc_printer_state state)
{
	switch (state) {
	case JRC_PRINTER_READY:
		return _("The printer is ready.");
	case JRC_PRINTER_PAPER_LOW:
		return _("The printer's paper is running low: put in a new roll soon.");
	case JRC_PRINTER_PAPER_OUT:
		return _("The printer is out of paper: put in a new roll, then print again.");
	case JRC_PRINTER_COVER_OPEN:
		return _("The printer's cover is open: close it, then print again.");
	case JRC_PRINTER_OFFLINE:
		return _("The printer is offline: check that it is switched on and its light is steady, then print again.");
	default:
		return _("The printer does not report its status.");
	}
}

/* An answer byte has bits 1 and 4 set and bits 0 and 7 clear. */
static int valid_status(int b)
{
	return b >= 0 && (b & 0x93) == 0x12;
}

jrc_printer_state printer_state_decode(int s1, int s2, int s4)
{
	if (!valid_status(s1))
		return JRC_PRINTER_UNKNOWN;
	if (!valid_status(s2))
		s2 = 0x12;
	if (!valid_status(s4))
		s4 = 0x12;
	if ((s4 & 0x60) || (s2 & 0x20))
		return JRC_PRINTER_PAPER_OUT;
	if (s2 & 0x04)
		return JRC_PRINTER_COVER_OPEN;
	if (s1 & 0x08)
		return JRC_PRINTER_OFFLINE;
	if (s4 & 0x0C)
		return JRC_PRINTER_PAPER_LOW;
	return JRC_PRINTER_READY;
}

/* ---------------------------------------------------------------- I/O */

/* Write without dying of SIGPIPE when the reader has gone: sockets say
 * so per call, pipes and devices need the signal held and dropped. */
static ssize_t write_once(int fd, int is_socket, const void *p, size_t n)
{
	sigset_t pipe_set, old;
	ssize_t r;
	int e;

	if (is_socket)
		return send(fd, p, n, MSG_NOSIGNAL);
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	r = write(fd, p, n);
	e = errno;
	if (r < 0 && e == EPIPE) {
		struct timespec zero = { 0, 0 };

		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return r;
}

/* Write everything before the deadline: 0, or -1 with errno (ETIMEDOUT). */
static int write_all(int fd, int is_socket, const unsigned char *p, size_t n, int64_t deadline)
{
	while (n > 0) {
		struct pollfd pfd = { fd, POLLOUT, 0 };
		int64_t left = deadline - clock_monotonic_ms();
		ssize_t w;

		if (left <= 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		if (poll(&pfd, 1, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (!(pfd.revents & (POLLOUT | POLLERR | POLLHUP)))
			continue;
		w = write_once(fd, is_socket, p, n);
		if (w < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read one byte within ms: the byte, -1 for no answer (or EOF), -2 on a
 * failed connection. */
static int read_byte(int fd, int ms)
{
	int64_t deadline = clock_monotonic_ms() + ms;

	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		int64_t left = deadline - clock_monotonic_ms();
		unsigned char b;
		ssize_t r;

		if (left <= 0)
			return -1;
		if (poll(&pfd, 1, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			return -2;
		}
		if (!pfd.revents)
			continue;
		r = read(fd, &b, 1);
		if (r == 1)
			return b;
		if (r == 0)
			return -1;
		if (errno == EAGAIN || errno == EINTR)
			continue;
		return errno == ECONNRESET || errno == EPIPE ? -2 : -1;
	}
}

/* Throw away bytes a printer sent earlier (automatic status, old answers). */
static void drain(int fd)
{
	unsigned char buf[64];
	struct pollfd pfd = { fd, POLLIN, 0 };

	for (int i = 0; i < 16 && poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN); i++)
		if (read(fd, buf, sizeof(buf)) <= 0)
			break;
}

/* DLE EOT n: the answer byte, or -1 when the printer says nothing. */
static int ask(int fd, int is_socket, int n, int ms)
{
	unsigned char q[3] = { DLE, EOT, (unsigned char)n };
	int64_t deadline = clock_monotonic_ms() + ms;
	int b;

	if (write_all(fd, is_socket, q, 3, deadline) < 0)
		return -1;
	/* Skip what is not an answer (automatic status reports some
	 * printers send unasked) until the answer or the deadline. */
	do
		b = read_byte(fd, (int)(deadline - clock_monotonic_ms()));
	while (b >= 0 && !valid_status(b));
	return b >= 0 ? b : -1;
}

static jrc_printer_state query_status(int fd, int is_socket)
{
	int s1, s2 = -1, s4 = -1;

	drain(fd);
	s1 = ask(fd, is_socket, 1, JRC_PRINTER_STATUS_MS);
	if (s1 < 0)
		return JRC_PRINTER_UNKNOWN;
	s2 = ask(fd, is_socket, 2, JRC_PRINTER_STATUS_MS);
	s4 = ask(fd, is_socket, 4, JRC_PRINTER_STATUS_MS);
	return printer_state_decode(s1, s2, s4);
}

static const char *where(const sink *s, char *buf, size_t size)
{
	if (s->kind == JRC_SINK_TCP)
		snprintf(buf, size, "%s:%s", s->target, s->port);
	else
		snprintf(buf, size, "%s", s->target);
	return buf;
}

/* A state that stops printing becomes the error; paper low a warning. */
static jrc_status judge(jrc_printer_state st, jrc_printer_report *rep, jrc_err *err)
{
	rep->state = st;
	if (st == JRC_PRINTER_PAPER_OUT || st == JRC_PRINTER_COVER_OPEN || st == JRC_PRINTER_OFFLINE)
		return jrc_err_set(err, JRC_E_PRINTER, "printer", "%s", printer_state_text(st));
	if (st == JRC_PRINTER_PAPER_LOW)
		snprintf(rep->warning, sizeof(rep->warning), "%s", printer_state_text(st));
	return JRC_OK;
}

/* ---------------------------------------------------------------- tcp */

static int tcp_connect(const sink *s, jrc_err *err)
{
	struct addrinfo hints, *res = NULL, *ai;
	int fd = -1, gai, last = 0, timed_out = 0;
	int64_t deadline = clock_monotonic_ms() + JRC_PRINTER_CONNECT_MS;
	char w[1100];

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if ((gai = getaddrinfo(s->target, s->port, &hints, &res)) != 0) {
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("The printer's address %s is not known: check the printer setting (tcp://HOST:PORT)."),
			    s->target);
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		struct pollfd pfd;
		socklen_t len = sizeof(last);
		int64_t left;

		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
			    ai->ai_protocol);
		if (fd < 0) {
			last = errno;
			continue;
		}
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		last = errno;
		if (errno == EINPROGRESS) {
			pfd.fd = fd;
			pfd.events = POLLOUT;
			do {
				left = deadline - clock_monotonic_ms();
				pfd.revents = 0;
			} while (left > 0 && poll(&pfd, 1, (int)left) < 0 && errno == EINTR);
			if (pfd.revents && getsockopt(fd, SOL_SOCKET, SO_ERROR, &last, &len) == 0 &&
			    last == 0)
				break;
			if (!pfd.revents) {
				timed_out = 1;
				last = ETIMEDOUT;
			}
		}
		close(fd);
		fd = -1;
		if (clock_monotonic_ms() >= deadline)
			break;
	}
	freeaddrinfo(res);
	if (fd >= 0)
		return fd;
	where(s, w, sizeof(w));
	if (timed_out)
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("The printer at %s did not answer within %d seconds: check its network cable and that it is switched on."),
			    w, JRC_PRINTER_CONNECT_MS / 1000);
	else if (last == ECONNREFUSED)
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("The printer at %s refused the connection: check that it is switched on and that the address and port are right."),
			    w);
	else
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("The printer at %s cannot be reached (%s): check the network and the printer setting."),
			    w, strerror(last));
	return -1;
}

/* Wait for the other end to close: 1 closed, 0 still open at the
 * deadline, -1 reset (it closed with our data unread). */
static int wait_close(int fd, int64_t deadline)
{
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		int64_t left = deadline - clock_monotonic_ms();
		unsigned char buf[64];
		ssize_t r;

		if (left <= 0)
			return 0;
		if (poll(&pfd, 1, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (!pfd.revents)
			continue;
		r = read(fd, buf, sizeof(buf));
		if (r == 0)
			return 1;
		if (r < 0 && errno != EAGAIN && errno != EINTR)
			return -1;
	}
}

/* After the data: a printer that answers status confirms it has taken
 * everything by answering once more; one that does not must close the
 * connection after our end of data.  Silence means the receipt is stuck. */
static jrc_status tcp_finish(int fd, const sink *s, int talks, jrc_printer_report *rep,
			     jrc_err *err)
{
	char w[1100];
	int64_t deadline = clock_monotonic_ms() + JRC_PRINTER_WRITE_MS;

	where(s, w, sizeof(w));
	if (talks) {
		int b = ask(fd, 1, 4, JRC_PRINTER_WRITE_MS);

		if (b >= 0) {
			if (b & 0x60)
				return judge(JRC_PRINTER_PAPER_OUT, rep, err);
			return JRC_OK;
		}
	} else {
		shutdown(fd, SHUT_WR);
		switch (wait_close(fd, deadline)) {
		case 1:
			return JRC_OK;   /* it read everything, then hung up */
		case -1:
			return jrc_err_set(err, JRC_E_PRINTER, "printer",
					   _("The printer at %s dropped the connection before taking the whole receipt: check it, then print again."),
					   w);
		}
	}
	return jrc_err_set(err, JRC_E_PRINTER, "printer",
			   _("The printer at %s took the connection but not the receipt within %d seconds: check that it is not jammed or paused, then print again."),
			   w, JRC_PRINTER_WRITE_MS / 1000);
}

static jrc_status send_tcp(const sink *s, const void *data, size_t len, int query_only,
			   jrc_printer_report *rep, jrc_err *err)
{
	int fd = tcp_connect(s, err);
	jrc_status rc;
	char w[1100];

	if (fd < 0)
		return JRC_E_PRINTER;
	rc = judge(query_status(fd, 1), rep, err);
	if (rc == JRC_OK && !query_only) {
		if (write_all(fd, 1, data, len, clock_monotonic_ms() + JRC_PRINTER_WRITE_MS) < 0) {
			where(s, w, sizeof(w));
			if (errno == ETIMEDOUT)
				rc = jrc_err_set(err, JRC_E_PRINTER, "printer",
						 _("The printer at %s took the connection but not the receipt within %d seconds: check that it is not jammed or paused, then print again."),
						 w, JRC_PRINTER_WRITE_MS / 1000);
			else
				rc = jrc_err_set(err, JRC_E_PRINTER, "printer",
						 _("The printer at %s dropped the connection before taking the whole receipt: check it, then print again."),
						 w);
		} else {
			rc = tcp_finish(fd, s, rep->state != JRC_PRINTER_UNKNOWN, rep, err);
		}
	}
	close(fd);
	return rc;
}

/* ---------------------------------------------------------------- dev */

static jrc_status send_dev(const sink *s, const void *data, size_t len, int query_only,
			   jrc_printer_report *rep, jrc_err *err)
{
	int fd = open(s->target, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC), talks;
	struct stat stt;
	jrc_status rc;

	if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EISDIR))
		fd = open(s->target, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;

		if (e == ENOENT || e == ENXIO || e == ENODEV)
			return jrc_err_set(err, JRC_E_PRINTER, "printer",
					   _("The printer device %s is not there: check that the printer is plugged in and switched on."),
					   s->target);
		if (e == EACCES || e == EPERM)
			return jrc_err_set(err, JRC_E_PRINTER, "printer",
					   _("jrc may not use the printer device %s: add the kiosk's user to the group that owns it (often lp)."),
					   s->target);
		return jrc_err_set(err, JRC_E_PRINTER, "printer",
				   _("The printer device %s cannot be opened (%s): check the cable and the printer setting."),
				   s->target, strerror(e));
	}
	/* Only a character device can answer a status query. */
	talks = fstat(fd, &stt) == 0 && S_ISCHR(stt.st_mode) &&
		(fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR;
	rc = judge(talks ? query_status(fd, 0) : JRC_PRINTER_UNKNOWN, rep, err);
	if (rc == JRC_OK && !query_only) {
		if (write_all(fd, 0, data, len, clock_monotonic_ms() + JRC_PRINTER_WRITE_MS) < 0) {
			if (errno == ETIMEDOUT)
				rc = jrc_err_set(err, JRC_E_PRINTER, "printer",
						 _("The printer device %s did not take the receipt within %d seconds: check that it is not jammed or paused, then print again."),
						 s->target, JRC_PRINTER_WRITE_MS / 1000);
			else
				rc = jrc_err_set(err, JRC_E_PRINTER, "printer",
						 _("The receipt could not be sent to %s (%s): check the cable, then print again."),
						 s->target, strerror(errno));
		} else if (rep->state != JRC_PRINTER_UNKNOWN) {
			int b = ask(fd, 0, 4, JRC_PRINTER_WRITE_MS);

			if (b >= 0 && (b & 0x60))
				rc = judge(JRC_PRINTER_PAPER_OUT, rep, err);
		}
	}
	close(fd);
	return rc;
}

/* ---------------------------------------------------------------- file */

/* Is the open file one of the files that must never be written (the
 * database and its -wal, -shm and -journal files)?  Compared by device
 * and inode: another name, a hard link or a relative path cannot hide it. */
static int is_kept(const struct stat *st, const char *const *keep)
{
	static const char *const tails[] = { "", "-wal", "-shm", "-journal" };
	char path[4096];
	struct stat k;

	for (; keep && *keep; keep++) {
		for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
			if ((size_t)snprintf(path, sizeof(path), "%s%s", *keep, tails[i]) >= sizeof(path))
				continue;
			if (stat(path, &k) == 0 && k.st_dev == st->st_dev && k.st_ino == st->st_ino)
				return 1;
		}
	}
	return 0;
}

/* Open a file sink without ever destroying something else: no symbolic
 * links, only a regular file (or a new one, created 0600), never the
 * database; an existing file is made 0600 before the query code goes in. */
static int open_file_sink(const sink *s, const char *const *keep, jrc_err *err)
{
	struct stat st;
	int fd = open(s->target, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0 && errno == ENOENT)
		fd = open(s->target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY,
			  0600);
	if (fd < 0 && (errno == ELOOP || errno == EMLINK)) {
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("%s is a symbolic link: a receipt file is never written through one. Give the real path of a new or ordinary file."),
			    s->target);
		return -1;
	}
	if (fd < 0) {
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("The receipt could not be written to %s (%s): check the path and its permissions."),
			    s->target, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("%s is not an ordinary file: a file printer writes only to a new or ordinary file. Use dev: for a device."),
			    s->target);
		return -1;
	}
	if (is_kept(&st, keep)) {
		close(fd);
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("%s is the database (or one of its files): a receipt is never written over it. Choose another file."),
			    s->target);
		return -1;
	}
	if (((st.st_mode & 07777) != 0600 && fchmod(fd, 0600) != 0) || ftruncate(fd, 0) != 0) {
		jrc_err_set(err, JRC_E_PRINTER, "printer",
			    _("The receipt could not be written to %s (%s): check the path and its permissions."),
			    s->target, strerror(errno));
		close(fd);
		return -1;
	}
	/* Blocking again for the writes. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

static jrc_status send_file(const sink *s, const void *data, size_t len,
			    const char *const *keep, jrc_err *err)
{
	int to_stdout = strcmp(s->target, "-") == 0;
	int fd = to_stdout ? STDOUT_FILENO : open_file_sink(s, keep, err);
	const unsigned char *p = data;
	int e = 0;

	if (fd < 0)
		return JRC_E_PRINTER;
	while (len > 0) {
		ssize_t w = write_once(fd, 0, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			e = w < 0 ? errno : EIO;
			break;
		}
		p += w;
		len -= (size_t)w;
	}
	if (!to_stdout && close(fd) < 0 && !e)
		e = errno;
	if (e)
		return jrc_err_set(err, JRC_E_PRINTER, "printer",
				   _("The receipt could not be written to %s (%s): check the path and the free space."),
				   to_stdout ? _("standard output") : s->target, strerror(e));
	return JRC_OK;
}

/* ---------------------------------------------------------------- cups */

static jrc_status send_cups(const sink *s, const void *data, size_t len, jrc_err *err)
{
	int in[2], errp[2], status = 0, done_in = 0, done_err = 0;
	char msg[256] = "";
	size_t mlen = 0, off = 0;
	int64_t deadline = clock_monotonic_ms() + JRC_PRINTER_CUPS_MS;
	pid_t pid, r;

	if (pipe2(in, O_CLOEXEC) < 0)
		return jrc_err_set(err, JRC_E_PRINTER, "printer", "%s", strerror(errno));
	if (pipe2(errp, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		return jrc_err_set(err, JRC_E_PRINTER, "printer", "%s", strerror(errno));
	}
	pid = fork();
	if (pid == 0) {
		/* No shell: the queue name goes to lp as one argument. */
		char *argv[] = { "lp", "-s", "-d", (char *)s->target, "-o", "raw",
				 "-t", "jrc receipt", NULL };
		int devnull = open("/dev/null", O_WRONLY);

		dup2(in[0], STDIN_FILENO);
		dup2(errp[1], STDERR_FILENO);
		if (devnull >= 0)
			dup2(devnull, STDOUT_FILENO);
		execvp("lp", argv);
		_exit(127);
	}
	close(in[0]);
	close(errp[1]);
	if (pid < 0) {
		close(in[1]);
		close(errp[0]);
		return jrc_err_set(err, JRC_E_PRINTER, "printer", "%s", strerror(errno));
	}
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	while (!(done_in && done_err) && clock_monotonic_ms() < deadline) {
		struct pollfd pfd[2] = { { done_in ? -1 : in[1], POLLOUT, 0 },
					 { done_err ? -1 : errp[0], POLLIN, 0 } };

		if (!done_in && off == len) {
			close(in[1]);
			done_in = 1;
			continue;
		}
		int64_t left = deadline - clock_monotonic_ms();

		if (left <= 0 || (poll(pfd, 2, (int)left) < 0 && errno != EINTR))
			break;
		if (pfd[0].revents) {
			ssize_t w = write_once(in[1], 0, (const char *)data + off, len - off);

			if (w > 0)
				off += (size_t)w;
			else if (w < 0 && errno != EAGAIN && errno != EINTR) {
				close(in[1]);
				done_in = 1;
			}
		}
		if (pfd[1].revents) {
			char buf[256];
			ssize_t n = read(errp[0], buf, sizeof(buf));

			if (n <= 0) {
				done_err = 1;
			} else if (mlen + 1 < sizeof(msg)) {
				size_t k = (size_t)n < sizeof(msg) - 1 - mlen ? (size_t)n
									       : sizeof(msg) - 1 - mlen;

				memcpy(msg + mlen, buf, k);
				mlen += k;
				msg[mlen] = '\0';
			}
		}
	}
	if (!done_in)
		close(in[1]);
	close(errp[0]);
	while ((r = waitpid(pid, &status, WNOHANG)) == 0 && clock_monotonic_ms() < deadline) {
		struct timespec ts = { 0, 20 * 1000000L };

		nanosleep(&ts, NULL);
	}
	if (r == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return jrc_err_set(err, JRC_E_PRINTER, "printer",
				   _("CUPS did not take the receipt for queue %s within %d seconds: check that the CUPS service is running (lpstat -r)."),
				   s->target, JRC_PRINTER_CUPS_MS / 1000);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return jrc_err_set(err, JRC_E_PRINTER, "printer",
				   _("CUPS's lp command is not installed: install cups-client, or choose another printer."));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || off < len) {
		/* lp's own first line says why (unknown queue, no scheduler). */
		char *nl = strchr(msg, '\n');

		if (nl)
			*nl = '\0';
		for (char *p = msg; *p; p++)
			if ((unsigned char)*p < 0x20)
				*p = ' ';
		return jrc_err_set(err, JRC_E_PRINTER, "printer",
				   _("CUPS did not take the receipt for queue %s (%s): check the queue name with 'lpstat -p'."),
				   s->target, *msg ? msg : _("no reason given"));
	}
	return JRC_OK;
}

/* ---------------------------------------------------------------- entry */

static jrc_status run(const char *uri, const void *data, size_t len, int query_only,
		      const char *const *keep, jrc_printer_report *rep, jrc_err *err)
{
	jrc_printer_report local;
	sink s;
	jrc_status rc;

	if (!rep)
		rep = &local;
	memset(rep, 0, sizeof(*rep));
	if ((rc = parse_uri(uri, &s, err)) != JRC_OK)
		return rc;
	rep->kind = s.kind;
	switch (s.kind) {
	case JRC_SINK_NONE:
		return JRC_OK;
	case JRC_SINK_FILE:
		return query_only ? JRC_OK : send_file(&s, data, len, keep, err);
	case JRC_SINK_DEV:
		return send_dev(&s, data, len, query_only, rep, err);
	case JRC_SINK_TCP:
		return send_tcp(&s, data, len, query_only, rep, err);
	case JRC_SINK_CUPS:
		return query_only ? JRC_OK : send_cups(&s, data, len, err);
	}
	return JRC_OK;
}

jrc_status printer_send(const char *uri, const void *data, size_t len,
			jrc_printer_report *rep, jrc_err *err)
{
	return run(uri, data, len, 0, NULL, rep, err);
}

jrc_status printer_send_keep(const char *uri, const void *data, size_t len,
			     const char *const *keep, jrc_printer_report *rep, jrc_err *err)
{
	return run(uri, data, len, 0, keep, rep, err);
}

jrc_status printer_query(const char *uri, jrc_printer_report *rep, jrc_err *err)
{
	return run(uri, NULL, 0, 1, NULL, rep, err);
}
