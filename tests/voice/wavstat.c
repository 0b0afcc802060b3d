/* wavstat FILE.wav: prints "samples=N rate=R ms=M rms=X peak=P" for a
 * 16-bit PCM mono WAV, so the voice tests can tell speech from silence
 * without sox.  Run with no argument it checks itself (TAP): a tone is
 * loud, silence is silent, a header that lies about its size is caught. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct wav_stat {
	long samples;
	int rate;
	double rms;
	int peak;
} wav_stat;

static uint32_t le(const unsigned char *p, int n)
{
	uint32_t x = 0;

	for (int i = n - 1; i >= 0; i--)
		x = x << 8 | p[i];
	return x;
}

/* 0, or -1 if the file is not a WAV this program understands. */
static int wav_read(const char *path, wav_stat *st)
{
	unsigned char h[44], b[2];
	FILE *f = fopen(path, "rb");
	double sum = 0;
	uint32_t data;
	long n = 0;

	memset(st, 0, sizeof(*st));
	if (!f)
		return -1;
	if (fread(h, 1, 44, f) != 44 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVEfmt ", 8) ||
	    le(h + 20, 2) != 1 || le(h + 22, 2) != 1 || le(h + 34, 2) != 16 || memcmp(h + 36, "data", 4)) {
		fclose(f);
		return -1;
	}
	st->rate = (int)le(h + 24, 4);
	data = le(h + 40, 4);
	while (fread(b, 1, 2, f) == 2) {
		int s = (int16_t)le(b, 2);

		sum += (double)s * s;
		if (abs(s) > st->peak)
			st->peak = abs(s);
		n++;
	}
	fclose(f);
	if ((uint32_t)n * 2 != data)
		return -1;      /* the header was not finished: a cut-off write */
	st->samples = n;
	st->rms = n ? sqrt(sum / (double)n) : 0;
	return 0;
}

static void put(unsigned char *p, uint32_t x, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(x >> (8 * i));
}

static void write_wav(const char *path, long n, double amp, long claim)
{
	unsigned char h[44] = "RIFF\0\0\0\0WAVEfmt ";
	FILE *f = fopen(path, "wb");

	put(h + 4, (uint32_t)(36 + claim * 2), 4);
	put(h + 16, 16, 4);
	put(h + 20, 1, 2);
	put(h + 22, 1, 2);
	put(h + 24, 22050, 4);
	put(h + 28, 44100, 4);
	put(h + 32, 2, 2);
	put(h + 34, 16, 2);
	memcpy(h + 36, "data", 4);
	put(h + 40, (uint32_t)(claim * 2), 4);
	fwrite(h, 1, 44, f);
	for (long i = 0; i < n; i++) {
		int16_t s = (int16_t)(amp * sin(i * 2 * M_PI * 440 / 22050));
		unsigned char b[2];

		put(b, (uint16_t)s, 2);
		fwrite(b, 1, 2, f);
	}
	fclose(f);
}

static int self_test(void)
{
	char dir[] = "/tmp/wavstat.XXXXXX", a[64], b[64], c[64];
	wav_stat st;
	int n = 0, bad = 0;

	if (!mkdtemp(dir))
		return 1;
	snprintf(a, sizeof(a), "%s/tone.wav", dir);
	snprintf(b, sizeof(b), "%s/quiet.wav", dir);
	snprintf(c, sizeof(c), "%s/lie.wav", dir);
	write_wav(a, 22050, 8000, 22050);
	write_wav(b, 11025, 0, 11025);
	write_wav(c, 100, 8000, 22050);
	printf("1..4\n");
#define CHECK(cond, what) do { n++; if (cond) printf("ok %d - %s\n", n, what); \
	else { printf("not ok %d - %s\n", n, what); bad++; } } while (0)
	CHECK(wav_read(a, &st) == 0 && st.samples == 22050 && st.rate == 22050, "a one-second tone is read whole");
	CHECK(st.rms > 5000 && st.rms < 6000 && st.peak >= 7900, "and its RMS is amplitude / sqrt 2");
	CHECK(wav_read(b, &st) == 0 && st.rms == 0 && st.samples == 11025, "silence has RMS 0");
	CHECK(wav_read(c, &st) != 0, "a header that claims more than the file holds is refused");
	unlink(a);
	unlink(b);
	unlink(c);
	rmdir(dir);
	return bad != 0;
}

int main(int argc, char **argv)
{
	wav_stat st;

	if (argc < 2)
		return self_test();
	if (wav_read(argv[1], &st) != 0) {
		fprintf(stderr, "wavstat: %s is not a finished 16-bit mono PCM WAV\n", argv[1]);
		return 1;
	}
	printf("samples=%ld rate=%d ms=%ld rms=%.0f peak=%d\n", st.samples, st.rate,
	       st.rate ? st.samples * 1000 / st.rate : 0, st.rms, st.peak);
	return 0;
}
