/* Key-to-screen time of jrc kiosk on a pseudo-terminal: start the program,
 * wait for its first screen (MARKER_BACK), then RUNS times press KEY and
 * time until MARKER shows, then press BACK and wait for MARKER_BACK.  For
 * the voice benchmark: the same walk with voice guidance off and on.
 *
 *   keytime [-n RUNS] -k KEY -m MARKER -b BACK -B MARKER_BACK -- CMD [ARGS]
 *
 * Prints key_median_ms= and key_min_ms=. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Read from fd until marker is in what came since the call; 0, or -1
 * after 10 s. */
static int wait_for(int fd, const char *marker)
{
	static char buf[1 << 16];
	size_t len = 0;
	double end = now_ms() + 10000;

	while (now_ms() < end) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&p, 1, 100) <= 0)
			continue;
		if (len > sizeof(buf) - 4096) {
			/* keep a tail long enough to hold a marker cut in two */
			memmove(buf, buf + len - 256, 256);
			len = 256;
		}
		n = read(fd, buf + len, sizeof(buf) - len - 1);
		if (n <= 0)
			return -1;
		len += (size_t)n;
		buf[len] = '\0';
		if (memmem(buf, len, marker, strlen(marker)))
			return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	const char *key = NULL, *marker = NULL, *back = NULL, *marker_back = NULL;
	int runs = 20, c, fd, got = 0;
	struct winsize ws = { 24, 80, 0, 0 };
	double *t;
	pid_t pid;

	while ((c = getopt(argc, argv, "n:k:m:b:B:")) != -1) {
		switch (c) {
		case 'n': runs = atoi(optarg); break;
		case 'k': key = optarg; break;
		case 'm': marker = optarg; break;
		case 'b': back = optarg; break;
		case 'B': marker_back = optarg; break;
		default: return 2;
		}
	}
	if (!key || !marker || !back || !marker_back || optind >= argc || runs < 1) {
		fprintf(stderr, "usage: keytime [-n RUNS] -k KEY -m MARKER -b BACK -B MARKER_BACK -- CMD...\n");
		return 2;
	}
	if (!(t = calloc((size_t)runs, sizeof(*t))))
		return 1;
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return 1;
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	if (wait_for(fd, marker_back) != 0) {
		fprintf(stderr, "keytime: the first screen never came\n");
		kill(pid, SIGTERM);
		return 1;
	}
	for (int i = 0; i < runs; i++) {
		double t0;

		usleep(300000);     /* let the screen settle, the voice begin */
		t0 = now_ms();
		if (write(fd, key, strlen(key)) < 0 || wait_for(fd, marker) != 0)
			break;
		t[got++] = now_ms() - t0;
		usleep(300000);
		if (write(fd, back, strlen(back)) < 0 || wait_for(fd, marker_back) != 0)
			break;
	}
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	if (got == 0) {
		fprintf(stderr, "keytime: the key never brought the screen\n");
		return 1;
	}
	qsort(t, (size_t)got, sizeof(*t), cmp_double);
	printf("key_median_ms=%.1f\nkey_min_ms=%.1f\nruns=%d\n", t[got / 2], t[0], got);
	free(t);
	return 0;
}
