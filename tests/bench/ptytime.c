/* Start-up time of a full-screen program to its first full screen, on a
 * pseudo-terminal of a given size: from fork to the last byte of the
 * first screen, which is the output up to MARKER and everything after it
 * until the program has been quiet for IDLE milliseconds.  The same
 * measure for jrc kiosk and for dialog, so their ratio is fair.
 *
 *   ptytime [-c COLS] [-r ROWS] [-i IDLE_MS] [-n RUNS] [-s SETUP] [-k KEYS]
 *           -m MARKER -- CMD [ARGS]
 *
 * Prints the median and the minimum in milliseconds, the bytes of the
 * first screen, and the peak RSS (VmHWM) of the program at that moment.
 *
 * With -k, after the first screen: SETUP's keys (comma-separated, each
 * sent alone and followed by quiet) bring the program where the keys are
 * to be measured; then each of KEYS is sent and timed from the write to
 * the last byte of the answer (quiet for IDLE ms after it): the median
 * and minimum key-to-screen time, the bytes per key, and the peak RSS
 * after them. */
#ifdef HAVE_CONFIG_H
#include "config.h"           /* _GNU_SOURCE: memmem, forkpty */
#endif
#include <errno.h>
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

/* Key mode (-k): what the keys cost, over all runs. */
static const char *setup_keys, *measure_keys;
static double key_ms[4096];
static size_t nkeys, key_bytes;

static double now_ms(void);

/* Read until the program has been quiet for idle ms (or first_ms passed
 * without any byte); returns the bytes read, *last the time of the last. */
static size_t drain(int fd, int idle, int first_ms, double *last)
{
	char buf[65536];
	size_t got = 0;

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&p, 1, got ? idle : first_ms) <= 0)
			break;
		n = read(fd, buf, sizeof(buf));
		if (n <= 0)
			break;
		got += (size_t)n;
		*last = now_ms();
	}
	return got;
}

/* Send each comma-separated item of list; time them if measure. */
static void send_keys(int fd, const char *list, int idle, int measure)
{
	char item[64];
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",");
		double t0, last = 0;
		size_t got;

		snprintf(item, sizeof(item), "%.*s", (int)n, p);
		p += n + (p[n] == ',');
		t0 = now_ms();
		if (write(fd, item, strlen(item)) < 0)
			return;
		last = t0;
		got = drain(fd, idle, 5000, &last);
		if (measure && nkeys < sizeof(key_ms) / sizeof(key_ms[0])) {
			key_ms[nkeys++] = last - t0;
			key_bytes += got;
		}
	}
}

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

/* Peak resident memory of pid in KiB, from /proc. */
static long vm_hwm(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* One run: 0 and the figures on success, -1 if the marker never came. */
static int run(char **cmd, int cols, int rows, const char *marker, int idle, double *ms,
	       size_t *bytes, long *rss)
{
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	char buf[65536];
	size_t cap = 1 << 20, len = 0;
	char *out = malloc(cap);
	double t0, last = 0, deadline;
	int fd, seen = 0, st;
	pid_t pid;

	if (!out)
		return -1;
	t0 = now_ms();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		exit(1);
	}
	if (pid == 0) {
		execvp(cmd[0], cmd);
		_exit(127);
	}
	deadline = t0 + 10000;
	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		int wait = seen ? idle : (int)(deadline - now_ms());
		ssize_t n;

		if (wait < 0 || poll(&p, 1, wait) <= 0)
			break;
		n = read(fd, buf, sizeof(buf));
		if (n <= 0)
			break;
		last = now_ms();
		if (len + (size_t)n < cap) {
			memcpy(out + len, buf, (size_t)n);
			len += (size_t)n;
			out[len] = '\0';
		}
		if (!seen && memmem(out, len, marker, strlen(marker)))
			seen = 1;
	}
	*ms = last - t0;
	*bytes = len;
	if (seen && measure_keys) {
		if (setup_keys)
			send_keys(fd, setup_keys, idle, 0);
		send_keys(fd, measure_keys, idle, 1);
	}
	*rss = vm_hwm(pid);
	kill(pid, SIGTERM);
	/* Drain so that the program can restore the terminal and exit. */
	for (int i = 0; i < 50; i++) {
		struct pollfd p = { fd, POLLIN, 0 };

		if (waitpid(pid, &st, WNOHANG) == pid)
			break;
		if (poll(&p, 1, 20) > 0 && read(fd, buf, sizeof(buf)) <= 0)
			break;
		if (i == 49) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
		}
	}
	close(fd);
	free(out);
	return seen ? 0 : -1;
}

int main(int argc, char **argv)
{
	int cols = 80, rows = 24, idle = 150, runs = 10, c;
	const char *marker = NULL;
	double *t, sum = 0;
	size_t bytes = 0;
	long rss = 0;

	while ((c = getopt(argc, argv, "+c:r:i:n:m:s:k:")) != -1) {
		switch (c) {
		case 'c': cols = atoi(optarg); break;
		case 'r': rows = atoi(optarg); break;
		case 'i': idle = atoi(optarg); break;
		case 'n': runs = atoi(optarg); break;
		case 'm': marker = optarg; break;
		case 's': setup_keys = optarg; break;
		case 'k': measure_keys = optarg; break;
		default: goto usage;
		}
	}
	if (!marker || optind >= argc || runs < 1)
		goto usage;
	if (!(t = malloc((size_t)runs * sizeof(*t))))
		return 1;
	for (int i = 0; i < runs; i++) {
		if (run(argv + optind, cols, rows, marker, idle, &t[i], &bytes, &rss) != 0) {
			fprintf(stderr, "ptytime: '%s' never appeared from %s\n", marker, argv[optind]);
			return 1;
		}
		sum += t[i];
	}
	qsort(t, (size_t)runs, sizeof(*t), cmp_double);
	printf("runs=%d\nstartup_median_ms=%.2f\nstartup_min_ms=%.2f\nstartup_mean_ms=%.2f\n"
	       "first_screen_bytes=%zu\nrss_kb=%ld\n", runs, t[runs / 2], t[0], sum / runs, bytes,
	       rss);
	if (measure_keys && nkeys) {
		qsort(key_ms, nkeys, sizeof(key_ms[0]), cmp_double);
		printf("keys=%zu\nkey_median_ms=%.3f\nkey_min_ms=%.3f\nbytes_per_key=%.1f\n", nkeys,
		       key_ms[nkeys / 2], key_ms[0], (double)key_bytes / (double)nkeys);
	}
	free(t);
	return 0;
usage:
	fprintf(stderr, "usage: ptytime [-c COLS] [-r ROWS] [-i IDLE_MS] [-n RUNS] [-s SETUP] [-k KEYS] -m MARKER -- CMD [ARGS]\n");
	return 2;
}
