/* A PostgreSQL server that is shutting down, for tests.
 *
 *   fakepg DIR [mute]
 *     listens on DIR/.s.PGSQL.5432 (what libpq's host=DIR connects to),
 *     prints its process id once it listens and goes to the background.
 *     Each connection is answered as by a server stopped with
 *     "pg_ctl stop -m immediate" just as the client logs in: the login
 *     succeeds, the server sends the warning "terminating connection due
 *     to immediate shutdown command" and closes.  With "mute" it reads
 *     the login and never answers, as a server behind a broken link.
 *     It exits after 60 seconds without a connection, or when killed.
 *
 * The protocol facts used (PostgreSQL's frontend/backend protocol 3.0):
 * a startup packet is a 32-bit length and a body; an SSL or GSS
 * encryption request (codes 80877103, 80877104) is refused with the byte
 * 'N'; AuthenticationOk is 'R', length 8, 0; a NoticeResponse is 'N',
 * length, then fields (a type byte and a string each) ending in a zero. */
#include <arpa/inet.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int read_all(int fd, void *buf, size_t n)
{
	char *p = buf;

	while (n > 0) {
		ssize_t r = read(fd, p, n);

		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static void write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

/* Read the startup packet (after refusing any encryption requests). */
static int startup(int fd)
{
	char body[4096];
	uint32_t len, code;

	for (;;) {
		if (read_all(fd, &len, 4))
			return -1;
		len = ntohl(len);
		if (len < 8 || len - 4 > sizeof(body) || read_all(fd, body, len - 4))
			return -1;
		memcpy(&code, body, 4);
		code = ntohl(code);
		if (code != 80877103u && code != 80877104u)
			return 0;
		write_all(fd, "N", 1);
	}
}

static void shutting_down(int fd)
{
	static const char fields[] = "SWARNING\0VWARNING\0C57P01\0"
				     "Mterminating connection due to immediate shutdown command\0";
	unsigned char msg[256];
	uint32_t n = htonl(4 + sizeof(fields) - 1 + 1);
	static const unsigned char auth_ok[] = { 'R', 0, 0, 0, 8, 0, 0, 0, 0 };

	write_all(fd, auth_ok, sizeof(auth_ok));
	msg[0] = 'N';
	memcpy(msg + 1, &n, 4);
	memcpy(msg + 5, fields, sizeof(fields) - 1);
	msg[5 + sizeof(fields) - 1] = '\0';
	write_all(fd, msg, 5 + sizeof(fields));
}

int main(int argc, char **argv)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int s, mute = argc == 3 && strcmp(argv[2], "mute") == 0;
	pid_t pid;

	if (argc != 2 && !mute) {
		fprintf(stderr, "usage: fakepg DIR [mute]\n");
		return 2;
	}
	if ((size_t)snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/.s.PGSQL.5432", argv[1]) >=
	    sizeof(sa.sun_path)) {
		fprintf(stderr, "fakepg: the folder's name is too long for a socket\n");
		return 2;
	}
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	unlink(sa.sun_path);
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) || listen(s, 16)) {
		perror("fakepg");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("fakepg");
		return 1;
	}
	if (pid > 0) {
		printf("%ld\n", (long)pid);
		return 0;
	}
	fclose(stdout);
	for (;;) {
		struct pollfd p = { .fd = s, .events = POLLIN };
		int c;

		if (poll(&p, 1, 60000) <= 0)
			break;
		c = accept(s, NULL, NULL);
		if (c < 0)
			continue;
		if (startup(c) == 0 && !mute)
			shutting_down(c);
		if (!mute) /* muted, the connection stays open, unanswered */
			close(c);
	}
	unlink(sa.sun_path);
	return 0;
}
