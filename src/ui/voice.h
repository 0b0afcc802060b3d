/* Speech output: espeak-ng in a thread of its own, so a sentence never
 * holds up a key or the screen.  UI layer only; the core knows nothing of
 * it.
 *
 * Where the sound goes is a spec, the "voice_output" setting or the
 * kiosk's --voice-output:
 *   alsa            the default sound device of this PC
 *   alsa:DEVICE     an ALSA device name (hw:0, plughw:1,0, default ...)
 *   file:DIR        one WAV per utterance (NNNN.wav) and its text
 *                   (NNNN.txt) in DIR, and DIR/voice.log with one line
 *                   when an utterance starts and one when it is done or
 *                   cut; written at the pace a sound card would play it
 *                   (JRC_VOICE_PACE=N: N times faster, 0: unpaced), so a
 *                   cut utterance's WAV holds what was heard
 *   none            no voice
 * A device that is missing or busy, or a missing voice, never stops the
 * kiosk: the sentence is dropped and voice_fault() reports it once. */
#ifndef JRC_UI_VOICE_H
#define JRC_UI_VOICE_H

#include <stddef.h>
#include <stdint.h>

#include "jrc/i18n.h"

typedef struct ui_voice ui_voice;

/* 1 if this build has voice (espeak-ng found at configure time). */
int voice_built(void);

/* Check a spec's form (not the device); 0 if it is one of the above. */
int voice_spec_valid(const char *spec);

/* Start the voice for spec.  NULL for "none", and NULL with a sentence
 * for staff in why when voice cannot work here (not built, no voice data,
 * the device cannot be opened, the folder cannot be written). */
ui_voice *voice_open(const char *spec, char *why, size_t size);

/* Say text now: the sentence being spoken and all queued ones stop.
 * key_ms is when the key that caused it was read (monotonic ms, 0 if
 * none), for the key-to-sound measurement in the log. */
void voice_say(ui_voice *v, jrc_lang lang, const char *text, int64_t key_ms);

/* Say text after what is queued; slow: at a pace for writing down. */
void voice_queue(ui_voice *v, jrc_lang lang, const char *text, int slow);

/* Stop speaking and forget the queue. */
void voice_stop(ui_voice *v);

/* A fault not yet reported (device gone or busy, voice missing): 1 and
 * the sentence in out the first time each kind happens, else 0. */
int voice_fault(ui_voice *v, char *out, size_t size);

/* Stop the thread and free everything (NULL is fine). */
void voice_close(ui_voice *v);

/* text as a person reads a number aloud digit by digit: in Chinese 1 is
 * 幺 and the others 零 二 三 ..., a dash is 杠; in English digits stay
 * digits; letters are spelled; separated so each is heard. */
void voice_digits(jrc_lang lang, const char *text, char *out, size_t size);

#endif
