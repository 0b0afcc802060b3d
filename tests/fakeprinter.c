/* A loopback ESC/POS printer for tests, and a decoder for what it got.
 *
 *   fakeprinter MODE OUTFILE
 *     listens on 127.0.0.1 (a free port, printed on the first line of
 *     standard output), appends every byte received to OUTFILE and
 *     answers DLE EOT 1/2/4 status queries as MODE says:
 *       ok        ready
 *       paperlow  ready, paper near its end
 *       paperout  offline, paper end
 *       offline   offline, no cause given
 *       cover     offline, cover open
 *       mute      reads everything, never answers status (closes at EOF)
 *       stall     accepts, never reads
 *       refuse    prints a port that nobody listens on, and exits
 *     It gives up by itself after 60 seconds.
 *
 *   fakeprinter decode ENCODING FILE [COLUMNS]
 *     prints the text lines of an ESC/POS stream ("QR: payload" for a QR
 *     code); with COLUMNS, fails when a line is wider than the paper.
 *
 * Run without arguments (as `make check` does) it reports a skipped test. */
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "escpos_decode.h"
#include "jrc/text.h"

static int answer(const char *mode, int n)
{
	int offline = strcmp(mode, "paperout") == 0 || strcmp(mode, "offline") == 0 ||
		      strcmp(mode, "cover") == 0;

	switch (n) {
	case 1:
		return offline ? 0x1A : 0x12;
	case 2:
		return strcmp(mode, "paperout") == 0 ? 0x32 :
		       strcmp(mode, "cover") == 0 ? 0x16 : 0x12;
	case 4:
		return strcmp(mode, "paperout") == 0 ? 0x72 :
		       strcmp(mode, "paperlow") == 0 ? 0x1E : 0x12;
	}
	return -1;
}

static void serve(int c, const char *mode, FILE *out)
{
	unsigned char buf[4096];
	int state = 0;     /* 0, 1 after DLE, 2 after DLE EOT */
	ssize_t n;

	while ((n = read(c, buf, sizeof(buf))) > 0) {
		/* Record first, so whoever gets an answer finds the bytes. */
		fwrite(buf, 1, (size_t)n, out);
		fflush(out);
		for (ssize_t i = 0; i < n; i++) {
			unsigned char b = buf[i];

			if (state == 2) {
				int a = answer(mode, b);

				if (a >= 0 && strcmp(mode, "mute") != 0) {
					unsigned char r = (unsigned char)a;

					if (write(c, &r, 1) != 1)
						return;
				}
				state = 0;
			} else if (state == 1) {
				state = b == 0x04 ? 2 : b == 0x10 ? 1 : 0;
			} else if (b == 0x10) {
				state = 1;
			}
		}
	}
}

static int listen_loopback(int *port)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	if (s < 0)
		return -1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = 0;
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(s, 8) < 0 ||
	    getsockname(s, (struct sockaddr *)&a, &len) < 0) {
		close(s);
		return -1;
	}
	*port = ntohs(a.sin_port);
	return s;
}

static int run_printer(const char *mode, const char *path)
{
	FILE *out;
	int port, s;

	signal(SIGPIPE, SIG_IGN);
	alarm(60);
	if (!(out = fopen(path, "ab"))) {
		perror(path);
		return 1;
	}
	if ((s = listen_loopback(&port)) < 0) {
		perror("fakeprinter: listen");
		return 1;
	}
	if (strcmp(mode, "refuse") == 0) {
		close(s);
		printf("%d\n", port);
		return 0;
	}
	printf("%d\n", port);
	fflush(stdout);
	for (;;) {
		int c = accept(s, NULL, NULL);

		if (c < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (strcmp(mode, "stall") == 0) {
			/* Say (PATH.held) that a print is now held, for tests that
			 * wait for it; then hold the connection and read nothing. */
			char held[4096];
			FILE *h;

			snprintf(held, sizeof(held), "%s.held", path);
			if ((h = fopen(held, "w")))
				fclose(h);
			for (;;)
				pause();
		}
		serve(c, mode, out);
		close(c);
	}
}

static int run_decode(const char *enc, const char *path, int cols)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, r;
	decoded d;
	int rc = 0;

	if (!f) {
		perror(path);
		return 2;
	}
	do {
		if (n == cap)
			buf = realloc(buf, cap = cap ? 2 * cap : 65536);
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	escpos_decode(buf, n, enc, &d);
	for (size_t i = 0; i < d.n; i++) {
		size_t w = text_print_width(d.lines[i].text) * (d.lines[i].wide ? 2 : 1);

		printf("%s\n", d.lines[i].text);
		if (cols && w > (size_t)cols) {
			fprintf(stderr, "fakeprinter: line %zu is %zu columns wide: %s\n", i + 1, w,
				d.lines[i].text);
			rc = 1;
		}
	}
	for (int i = 0; i < d.nqr; i++)
		printf("QR: %s\n", d.qr[i]);
	if (d.bad) {
		fprintf(stderr, "fakeprinter: %s\n", d.why);
		rc = 1;
	}
	dec_free(&d);
	free(buf);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		printf("1..0 # SKIP a helper for tests/cli/print.sh\n");
		return 0;
	}
	if (strcmp(argv[1], "decode") == 0 && argc >= 4)
		return run_decode(argv[2], argv[3], argc > 4 ? atoi(argv[4]) : 0);
	if (argc == 3)
		return run_printer(argv[1], argv[2]);
	fprintf(stderr, "usage: fakeprinter MODE OUTFILE | fakeprinter decode ENCODING FILE [COLUMNS]\n");
	return 2;
}
