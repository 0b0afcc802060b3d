/* Speech output: espeak-ng synthesizes into our callback (synchronous
 * mode) on a worker thread; the samples go to a sink, ALSA or WAV files.
 * The main thread only queues text and bumps a generation number, so it
 * never waits for sound; the callback sees the new generation and stops
 * the sentence within one buffer.
 *
 * espeak-ng keeps its state process-wide, so there is one voice per
 * process, and its callback has no argument of ours on every call (only
 * on calls that carry events): it reaches the voice through the_voice,
 * set once by voice_open(), the one other process-wide pointer beside
 * the engine's signal context. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifdef HAVE_ESPEAK
#include <espeak-ng/speak_lib.h>
#endif
#ifdef HAVE_ALSA
#include <alsa/asoundlib.h>
#endif

#include "voice.h"
#include "jrc/text.h"

int voice_spec_valid(const char *spec)
{
	if (!spec)
		return 0;
	if (strcmp(spec, "none") == 0 || strcmp(spec, "alsa") == 0)
		return 1;
	if (strncmp(spec, "alsa:", 5) == 0)
		return spec[5] != '\0' && strlen(spec) < 128;
	if (strncmp(spec, "file:", 5) == 0)
		return spec[5] != '\0' && strlen(spec) < 900;
	return 0;
}

/* Digit by digit, as read aloud. */
void voice_digits(jrc_lang lang, const char *text, char *out, size_t size)
{
	static const char *const zh[] = { "零", "幺", "二", "三", "四", "五", "六", "七", "八", "九" };
	size_t len = 0;

	if (!size)
		return;
	out[0] = '\0';
	for (const char *p = text; *p && len + 16 < size; p++) {
		const char *w = NULL;
		char one[4];

		if (*p >= '0' && *p <= '9') {
			if (lang == JRC_LANG_ZH) {
				w = zh[*p - '0'];
			} else {
				one[0] = *p;
				one[1] = '\0';
				w = one;
			}
		} else if (*p == '-') {
			w = lang == JRC_LANG_ZH ? "杠" : "dash";
		} else if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
			one[0] = *p;
			one[1] = '\0';
			w = one;
		}
		if (!w)
			continue;
		/* A comma between characters: each digit gets its own beat. */
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ", " : "", w);
	}
}

#ifdef HAVE_ESPEAK

int voice_built(void)
{
	return 1;
}

enum sink_kind { SINK_FILE, SINK_ALSA };

enum fault_kind {
	FAULT_DEVICE = 0,   /* the sound device cannot be opened or failed */
	FAULT_VOICE,        /* espeak has no voice for the language */
	FAULT_FILE,         /* the WAV folder cannot be written */
	FAULT_COUNT
};

/* Words per minute; espeak's Mandarin at its default 175 says about
 * three syllables a second, unhurried; numbers to write down go slower. */
enum { QUEUE_MAX = 8, RATE_NORMAL = 175, RATE_SLOW = 120 };

typedef struct utterance {
	char *text;
	jrc_lang lang;
	int slow;
	int64_t key_ms, asked_ms;
} utterance;

struct ui_voice {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int started;

	/* shared, under mu */
	utterance queue[QUEUE_MAX];
	int nq;
	unsigned gen;           /* bumped by every interrupt */
	int quit;
	int fault_seen[FAULT_COUNT];
	int fault_told[FAULT_COUNT];
	char fault_detail[FAULT_COUNT][256];

	/* fixed after open */
	enum sink_kind kind;
	char target[900];       /* folder or ALSA device */
	double pace;            /* file sink: times real time; 0 unpaced */
	int rate;               /* samples per second from espeak */

	/* worker only */
	unsigned seq;           /* utterance number in the folder */
	unsigned my_gen;
	int cut;
	int64_t samples;
	int64_t first_ms;          /* first sample handed to the sink, monotonic */
	int64_t start_ms;
	FILE *wav;
	jrc_lang voice_lang;
	int voice_ok;
#ifdef HAVE_ALSA
	snd_pcm_t *pcm;
#endif
};

static ui_voice *the_voice;

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void fault(ui_voice *v, enum fault_kind k, const char *detail)
{
	pthread_mutex_lock(&v->mu);
	if (!v->fault_seen[k]) {
		v->fault_seen[k] = 1;
		snprintf(v->fault_detail[k], sizeof(v->fault_detail[k]), "%s", detail ? detail : "");
	}
	pthread_mutex_unlock(&v->mu);
}

int voice_fault(ui_voice *v, char *out, size_t size)
{
	int found = 0;

	if (!v)
		return 0;
	pthread_mutex_lock(&v->mu);
	for (int k = 0; k < FAULT_COUNT && !found; k++) {
		if (!v->fault_seen[k] || v->fault_told[k])
			continue;
		v->fault_told[k] = 1;
		found = 1;
		switch (k) {
		case FAULT_DEVICE:
			snprintf(out, size,
				 _("jrc: voice: the sound device '%s' does not work (%s): the kiosk goes on without sound; check the speaker and the voice_output setting."),
				 v->target, v->fault_detail[k]);
			break;
		case FAULT_VOICE:
			snprintf(out, size,
				 _("jrc: voice: espeak-ng has no '%s' voice: the kiosk goes on without sound; install espeak-ng-data."),
				 v->fault_detail[k]);
			break;
		default:
			snprintf(out, size,
				 _("jrc: voice: cannot write sound files in '%s' (%s): the kiosk goes on without sound; check the folder."),
				 v->target, v->fault_detail[k]);
			break;
		}
	}
	pthread_mutex_unlock(&v->mu);
	return found;
}

/* ---------------------------------------------------------------- sinks */

static unsigned gen_now(ui_voice *v)
{
	unsigned g;

	pthread_mutex_lock(&v->mu);
	g = v->gen;
	pthread_mutex_unlock(&v->mu);
	return g;
}

static void put_le(unsigned char *p, uint32_t x, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(x >> (8 * i));
}

/* A 16-bit mono PCM header for nsamples. */
static void wav_header(unsigned char h[44], int rate, int64_t nsamples)
{
	uint32_t data = (uint32_t)nsamples * 2;

	memcpy(h, "RIFF", 4);
	put_le(h + 4, 36 + data, 4);
	memcpy(h + 8, "WAVEfmt ", 8);
	put_le(h + 16, 16, 4);
	put_le(h + 20, 1, 2);          /* PCM */
	put_le(h + 22, 1, 2);          /* mono */
	put_le(h + 24, (uint32_t)rate, 4);
	put_le(h + 28, (uint32_t)rate * 2, 4);
	put_le(h + 32, 2, 2);
	put_le(h + 34, 16, 2);
	memcpy(h + 36, "data", 4);
	put_le(h + 40, data, 4);
}

static void log_line(ui_voice *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void log_line(ui_voice *v, const char *fmt, ...)
{
	char path[1024];
	FILE *f;
	va_list ap;

	snprintf(path, sizeof(path), "%s/voice.log", v->target);
	if (!(f = fopen(path, "a")))
		return;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fclose(f);
}

static int file_begin(ui_voice *v, const utterance *u)
{
	char path[1024];
	unsigned char h[44];
	FILE *t;

	v->seq++;
	snprintf(path, sizeof(path), "%s/%04u.txt", v->target, v->seq);
	if (!(t = fopen(path, "w"))) {
		fault(v, FAULT_FILE, strerror(errno));
		return -1;
	}
	fprintf(t, "%s\n", u->text);
	fclose(t);
	snprintf(path, sizeof(path), "%s/%04u.wav", v->target, v->seq);
	if (!(v->wav = fopen(path, "wb"))) {
		fault(v, FAULT_FILE, strerror(errno));
		return -1;
	}
	wav_header(h, v->rate, 0);
	fwrite(h, 1, sizeof(h), v->wav);
	log_line(v, "%04u start lang=%s slow=%d", v->seq, i18n_code(u->lang), u->slow);
	return 0;
}

/* Wait until the sound written so far would have been played, or an
 * interrupt comes; 1 if interrupted. */
static int file_pace(ui_voice *v)
{
	int64_t due;
	struct timespec ts;
	int cut = 0;

	if (v->pace <= 0)
		return gen_now(v) != v->my_gen;
	due = v->start_ms + (int64_t)((double)v->samples * 1000.0 / v->rate / v->pace);
	pthread_mutex_lock(&v->mu);
	while (v->gen == v->my_gen && !v->quit && mono_ms() < due) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += 20 * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&v->cv, &v->mu, &ts);
	}
	cut = v->gen != v->my_gen || v->quit;
	pthread_mutex_unlock(&v->mu);
	return cut;
}

static void file_end(ui_voice *v)
{
	unsigned char h[44];

	if (!v->wav)
		return;
	wav_header(h, v->rate, v->samples);
	fseek(v->wav, 0, SEEK_SET);
	fwrite(h, 1, sizeof(h), v->wav);
	fclose(v->wav);
	v->wav = NULL;
	log_line(v, "%04u %s samples=%" PRId64 " ms=%" PRId64 " first_sample_after_key_ms=%" PRId64, v->seq,
		 v->cut ? "cut" : "done", v->samples, v->samples * 1000 / v->rate,
		 v->first_ms);
}

#ifdef HAVE_ALSA
/* libasound prints its own errors on stderr, over the citizen's screen;
 * ours say the same once, in words staff can act on. */
static void alsa_quiet(const char *file, int line, const char *fn, int err, const char *fmt, ...)
{
	(void)file, (void)line, (void)fn, (void)err, (void)fmt;
}

static int alsa_open(ui_voice *v)
{
	int e;

	snd_lib_error_set_handler(alsa_quiet);

	if (v->pcm)
		return 0;
	/* Non-blocking open: a device held by another program answers EBUSY
	 * at once instead of hanging the voice. */
	e = snd_pcm_open(&v->pcm, v->target, SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
	if (e == 0)
		e = snd_pcm_nonblock(v->pcm, 0);
	if (e == 0)
		e = snd_pcm_set_params(v->pcm, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
				       (unsigned)v->rate, 1, 120000);
	if (e < 0) {
		fault(v, FAULT_DEVICE, snd_strerror(e));
		if (v->pcm)
			snd_pcm_close(v->pcm);
		v->pcm = NULL;
		return -1;
	}
	return 0;
}

static int alsa_write(ui_voice *v, const short *s, int n)
{
	while (n > 0 && v->pcm) {
		snd_pcm_sframes_t w = snd_pcm_writei(v->pcm, s, (snd_pcm_uframes_t)n);

		if (w < 0) {
			if (snd_pcm_recover(v->pcm, (int)w, 1) == 0)
				continue;
			fault(v, FAULT_DEVICE, snd_strerror((int)w));
			snd_pcm_close(v->pcm);
			v->pcm = NULL;
			return -1;
		}
		s += w;
		n -= (int)w;
	}
	return 0;
}
#endif

/* ---------------------------------------------------------------- synthesis */

static int synth_cb(short *wav, int n, espeak_EVENT *ev)
{
	ui_voice *v = the_voice;

	(void)ev;
	if (!v)
		return 1;
	if (gen_now(v) != v->my_gen) {
		v->cut = 1;
		return 1;
	}
	if (!wav || n <= 0)
		return 0;
	if (!v->first_ms)
		v->first_ms = mono_ms();
	v->samples += n;
	if (v->kind == SINK_FILE) {
		if (v->wav)
			fwrite(wav, sizeof(short), (size_t)n, v->wav);
		if (file_pace(v)) {
			v->cut = 1;
			return 1;
		}
		return 0;
	}
#ifdef HAVE_ALSA
	if (alsa_write(v, wav, n) != 0)
		return 1;
#endif
	if (gen_now(v) != v->my_gen) {
		v->cut = 1;
		return 1;
	}
	return 0;
}

static int set_voice(ui_voice *v, jrc_lang lang)
{
	const char *name = lang == JRC_LANG_ZH ? "cmn" : "en";

	if (v->voice_ok && v->voice_lang == lang)
		return 0;
	v->voice_ok = espeak_SetVoiceByName(name) == EE_OK;
	v->voice_lang = lang;
	if (!v->voice_ok) {
		fault(v, FAULT_VOICE, name);
		return -1;
	}
	return 0;
}

static void speak_one(ui_voice *v, utterance *u)
{
	int64_t key_ms = u->key_ms ? u->key_ms : u->asked_ms;

	if (set_voice(v, u->lang) != 0)
		return;
	v->cut = 0;
	v->samples = 0;
	v->first_ms = 0;
	v->start_ms = mono_ms();
	if (v->kind == SINK_FILE) {
		if (file_begin(v, u) != 0)
			return;
	}
#ifdef HAVE_ALSA
	else if (alsa_open(v) != 0) {
		return;
	}
#endif
	espeak_SetParameter(espeakRATE, u->slow ? RATE_SLOW : RATE_NORMAL, 0);
	espeak_Synth(u->text, strlen(u->text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, v);
	if (v->first_ms)
		v->first_ms -= key_ms;
#ifdef HAVE_ALSA
	if (v->kind == SINK_ALSA && v->pcm) {
		if (v->cut || gen_now(v) != v->my_gen)
			snd_pcm_drop(v->pcm);
		else
			snd_pcm_drain(v->pcm);
		snd_pcm_prepare(v->pcm);
	}
#endif
	if (v->kind == SINK_FILE)
		file_end(v);
}

static void *worker(void *arg)
{
	ui_voice *v = arg;
	utterance u;

	/* Below the key loop: synthesis runs in bursts faster than speech,
	 * and must never take the processor from a key being answered
	 * (Linux gives each thread its own nice value). */
	if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10) != 0) {
		/* a normal priority still works, only less politely */
	}

	for (;;) {
		pthread_mutex_lock(&v->mu);
		while (!v->quit && v->nq == 0)
			pthread_cond_wait(&v->cv, &v->mu);
		if (v->quit) {
			pthread_mutex_unlock(&v->mu);
			break;
		}
		u = v->queue[0];
		memmove(v->queue, v->queue + 1, (size_t)(v->nq - 1) * sizeof(v->queue[0]));
		v->nq--;
		v->my_gen = v->gen;
		pthread_mutex_unlock(&v->mu);
		speak_one(v, &u);
		free(u.text);
	}
	return NULL;
}

/* ---------------------------------------------------------------- API */

static void clear_queue(ui_voice *v)
{
	for (int i = 0; i < v->nq; i++)
		free(v->queue[i].text);
	v->nq = 0;
}

static void enqueue(ui_voice *v, jrc_lang lang, const char *text, int slow, int64_t key_ms,
		    int interrupt)
{
	char *copy;

	if (!v || !text || !*text || !(copy = strdup(text)))
		return;
	pthread_mutex_lock(&v->mu);
	if (interrupt) {
		clear_queue(v);
		v->gen++;
	}
	if (v->nq == QUEUE_MAX) {
		free(v->queue[0].text);
		memmove(v->queue, v->queue + 1, (QUEUE_MAX - 1) * sizeof(v->queue[0]));
		v->nq--;
	}
	v->queue[v->nq].text = copy;
	v->queue[v->nq].lang = lang;
	v->queue[v->nq].slow = slow;
	v->queue[v->nq].key_ms = key_ms;
	v->queue[v->nq].asked_ms = mono_ms();
	v->nq++;
	pthread_cond_broadcast(&v->cv);
	pthread_mutex_unlock(&v->mu);
}

void voice_say(ui_voice *v, jrc_lang lang, const char *text, int64_t key_ms)
{
	enqueue(v, lang, text, 0, key_ms, 1);
}

void voice_queue(ui_voice *v, jrc_lang lang, const char *text, int slow)
{
	enqueue(v, lang, text, slow, 0, 0);
}

void voice_stop(ui_voice *v)
{
	if (!v)
		return;
	pthread_mutex_lock(&v->mu);
	clear_queue(v);
	v->gen++;
	pthread_cond_broadcast(&v->cv);
	pthread_mutex_unlock(&v->mu);
}

/* The next free utterance number in the folder, so a restarted kiosk
 * adds to what is there instead of overwriting it. */
static unsigned first_free(const char *dir)
{
	char path[1024];
	unsigned n = 0;

	for (;;) {
		snprintf(path, sizeof(path), "%s/%04u.txt", dir, n + 1);
		if (access(path, F_OK) != 0)
			return n;
		n++;
	}
}

ui_voice *voice_open(const char *spec, char *why, size_t size)
{
	ui_voice *v;
	const char *pace = getenv("JRC_VOICE_PACE");
	int rate;

	if (size)
		why[0] = '\0';
	if (!spec || strcmp(spec, "none") == 0 || !*spec)
		return NULL;
	if (!voice_spec_valid(spec)) {
		snprintf(why, size, _("jrc: voice: '%s' is not a voice output: use alsa, alsa:DEVICE, file:DIR or none."),
			 spec);
		return NULL;
	}
	if (!(v = calloc(1, sizeof(*v))))
		return NULL;
	pthread_mutex_init(&v->mu, NULL);
	{
		pthread_condattr_t ca;

		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&v->cv, &ca);
		pthread_condattr_destroy(&ca);
	}
	v->pace = 1.0;
	if (pace && *pace)
		v->pace = atof(pace) >= 0 ? atof(pace) : 1.0;
	if (strncmp(spec, "file:", 5) == 0) {
		struct stat st;

		v->kind = SINK_FILE;
		snprintf(v->target, sizeof(v->target), "%s", spec + 5);
		if (stat(v->target, &st) != 0 && mkdir(v->target, 0700) != 0) {
			snprintf(why, size, _("jrc: voice: cannot make the folder '%s' (%s): the kiosk goes on without sound."),
				 v->target, strerror(errno));
			voice_close(v);
			return NULL;
		}
		if (access(v->target, W_OK) != 0) {
			snprintf(why, size, _("jrc: voice: cannot write sound files in '%s' (%s): the kiosk goes on without sound; check the folder."),
				 v->target, strerror(errno));
			voice_close(v);
			return NULL;
		}
		v->seq = first_free(v->target);
	} else {
		v->kind = SINK_ALSA;
		snprintf(v->target, sizeof(v->target), "%s", spec[4] == ':' ? spec + 5 : "default");
#ifndef HAVE_ALSA
		snprintf(why, size, _("jrc: voice: this build has no ALSA sound output: use file:DIR or none, or rebuild with libasound2-dev."));
		voice_close(v);
		return NULL;
#endif
	}
	rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 60, NULL, espeakINITIALIZE_DONT_EXIT);
	if (rate <= 0) {
		snprintf(why, size, _("jrc: voice: espeak-ng could not start (its data is missing?): the kiosk goes on without sound; install espeak-ng-data."));
		voice_close(v);
		return NULL;
	}
	v->rate = rate;
	the_voice = v;
	espeak_SetSynthCallback(synth_cb);
	if (espeak_SetVoiceByName("cmn") != EE_OK) {
		snprintf(why, size, _("jrc: voice: espeak-ng has no '%s' voice: the kiosk goes on without sound; install espeak-ng-data."),
			 "cmn");
		voice_close(v);
		return NULL;
	}
	v->voice_ok = 1;
	v->voice_lang = JRC_LANG_ZH;
#ifdef HAVE_ALSA
	if (v->kind == SINK_ALSA && alsa_open(v) != 0) {
		pthread_mutex_lock(&v->mu);
		v->fault_told[FAULT_DEVICE] = 1;
		pthread_mutex_unlock(&v->mu);
		snprintf(why, size,
			 _("jrc: voice: the sound device '%s' does not work (%s): the kiosk goes on without sound; check the speaker and the voice_output setting."),
			 v->target, v->fault_detail[FAULT_DEVICE]);
		voice_close(v);
		return NULL;
	}
#endif
	if (pthread_create(&v->thread, NULL, worker, v) != 0) {
		voice_close(v);
		return NULL;
	}
	v->started = 1;
	return v;
}

void voice_close(ui_voice *v)
{
	if (!v)
		return;
	if (v->started) {
		pthread_mutex_lock(&v->mu);
		v->quit = 1;
		clear_queue(v);
		v->gen++;
		pthread_cond_broadcast(&v->cv);
		pthread_mutex_unlock(&v->mu);
		pthread_join(v->thread, NULL);
	}
#ifdef HAVE_ALSA
	if (v->pcm)
		snd_pcm_close(v->pcm);
#endif
	if (v->rate > 0)
		espeak_Terminate();
	if (the_voice == v)
		the_voice = NULL;
	pthread_cond_destroy(&v->cv);
	pthread_mutex_destroy(&v->mu);
	free(v);
}

#else /* no espeak-ng in this build */

int voice_built(void)
{
	return 0;
}

ui_voice *voice_open(const char *spec, char *why, size_t size)
{
	if (size)
		why[0] = '\0';
	if (spec && *spec && strcmp(spec, "none") != 0)
		snprintf(why, size, "%s",
			 _("jrc: voice: this build has no voice (configure found no espeak-ng): the kiosk goes on without sound."));
	return NULL;
}

void voice_say(ui_voice *v, jrc_lang lang, const char *text, int64_t key_ms)
{
	(void)v, (void)lang, (void)text, (void)key_ms;
}

void voice_queue(ui_voice *v, jrc_lang lang, const char *text, int slow)
{
	(void)v, (void)lang, (void)text, (void)slow;
}

void voice_stop(ui_voice *v)
{
	(void)v;
}

int voice_fault(ui_voice *v, char *out, size_t size)
{
	(void)v, (void)out, (void)size;
	return 0;
}

void voice_close(ui_voice *v)
{
	(void)v;
}

#endif
