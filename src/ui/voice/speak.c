/* Voice guidance: the utterance of a screen, collected from its draw. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "speak.h"
#include "voice.h"
#include "jrc/audit.h"
#include "jrc/text.h"

enum { SLOW_MAX = 4, READ_BACK_MAX = 16 * 1024 + 1 };

/* What one draw of the screen would say. */
typedef struct speech {
	char title[512], hint[1024];
	char extra[2048];
	char choices[8192];
	int nchoices;
	int focus_id;           /* -1: nothing under a cursor */
	char focus[1024];
	char slow[SLOW_MAX][1024];
	int nslow;
	int has_read_back;
	char *read_back;        /* READ_BACK_MAX bytes */
} speech;

struct ui_speak {
	ui_voice *voice;
	int default_on, on;
	speech now;             /* being collected */
	/* what was last said, to tell a new screen from a redraw */
	const ui_screen_ops *said_ops;
	void *said_state;
	int said_depth;
	char said_key[1600];
	int said_focus_id;
	char said_focus[1024];
	char last[12288];       /* the last screen utterance, for F5 */
	char last_slow[SLOW_MAX][1024];
	int last_nslow;
	jrc_lang last_lang;
	char message[512];      /* a message waiting to be said */
	int force;              /* say the screen at the next draw */
};

void speak_record_fault(ui_ctx *ctx, const char *msg)
{
	jrc_event_in ev = { 0 };

	ev.actor = ctx->staff_mode ? "desk" : "kiosk";
	ev.kind = "voice_fault";
	ev.note = msg;
	/* Best effort: a busy database must not stop the kiosk over sound. */
	if (db_begin(ctx->db, NULL) != JRC_OK)
		return;
	if (audit_append(ctx->db, &ev, NULL, NULL, NULL) == JRC_OK)
		db_commit(ctx->db, NULL);
	else
		db_rollback(ctx->db);
}

void speak_init(ui_ctx *ctx, const char *output, int default_on)
{
	ui_speak *sp;
	char why[512];
	ui_voice *v = voice_open(output, why, sizeof(why));

	if (!v) {
		if (why[0]) {
			fprintf(stderr, "%s\n", why);
			speak_record_fault(ctx, why);
		}
		return;
	}
	if (!(sp = calloc(1, sizeof(*sp))) || !(sp->now.read_back = calloc(1, READ_BACK_MAX))) {
		free(sp);
		voice_close(v);
		return;
	}
	sp->voice = v;
	sp->default_on = sp->on = default_on;
	sp->force = 1;
	sp->said_focus_id = -1;
	ctx->speak = sp;
}

void speak_free(ui_ctx *ctx)
{
	ui_speak *sp = ctx->speak;

	if (!sp)
		return;
	voice_close(sp->voice);
	if (sp->now.read_back)
		memset(sp->now.read_back, 0, READ_BACK_MAX);
	free(sp->now.read_back);
	memset(sp, 0, sizeof(*sp));
	free(sp);
	ctx->speak = NULL;
}

int speak_available(ui_ctx *ctx)
{
	return ctx->speak != NULL;
}

int speak_on(ui_ctx *ctx)
{
	return ctx->speak && ctx->speak->on;
}

static void forget(ui_speak *sp)
{
	sp->said_ops = NULL;
	sp->said_state = NULL;
	sp->said_key[0] = '\0';
	sp->said_focus_id = -1;
	sp->said_focus[0] = '\0';
	sp->last[0] = '\0';
	sp->last_nslow = 0;
	sp->message[0] = '\0';
	sp->force = 1;
}

void speak_set(ui_ctx *ctx, int on)
{
	ui_speak *sp = ctx->speak;

	if (!sp)
		return;
	sp->on = on;
	voice_stop(sp->voice);
	forget(sp);
	ctx->dirty = 1;
}

void speak_home_toggle(ui_ctx *ctx)
{
	int on = !speak_on(ctx);

	speak_set(ctx, on);
	if (on)
		ui_message(ctx, 0, "%s", _("Voice guidance is on: each screen is read aloud. F5 says it again."));
	else
		ui_message(ctx, 0, "%s", _("Voice guidance is off."));
}

void speak_reset(ui_ctx *ctx)
{
	ui_speak *sp = ctx->speak;

	if (!sp)
		return;
	sp->on = sp->default_on;
	voice_stop(sp->voice);
	forget(sp);
	/* Nothing typed may outlive the citizen, not even in the voice. */
	memset(sp->last, 0, sizeof(sp->last));
	memset(sp->last_slow, 0, sizeof(sp->last_slow));
	memset(sp->now.read_back, 0, READ_BACK_MAX);
}

void speak_begin(ui_ctx *ctx)
{
	ui_speak *sp = ctx->speak;
	char *rb;

	if (!sp)
		return;
	rb = sp->now.read_back;
	rb[0] = '\0';
	memset(&sp->now, 0, sizeof(sp->now));
	sp->now.read_back = rb;
	sp->now.focus_id = -1;
}

/* ---------------------------------------------------------------- feeding */

static int collecting(ui_ctx *ctx)
{
	return ctx->speak && ctx->speak->on;
}

void speak_title(ui_ctx *ctx, const char *title, const char *hint)
{
	speech *n;

	if (!collecting(ctx))
		return;
	n = &ctx->speak->now;
	if (n->title[0])
		return;             /* the first header is the screen's */
	snprintf(n->title, sizeof(n->title), "%s", title ? title : "");
	snprintf(n->hint, sizeof(n->hint), "%s", hint ? hint : "");
}

/* "Press 3: text" as a person says it. */
static void choice_text(int i, const char *label, char *out, size_t size)
{
	/* TRANSLATORS: spoken by the voice guidance for a numbered choice. */
	snprintf(out, size, _("Press %1$d: %2$s"), i + 1, label);
}

void speak_choice(ui_ctx *ctx, int i, const char *label, int selected)
{
	speech *n;
	char one[1024];
	size_t len;

	if (!collecting(ctx))
		return;
	n = &ctx->speak->now;
	choice_text(i, label, one, sizeof(one));
	len = strlen(n->choices);
	if (len + strlen(one) + 8 < sizeof(n->choices))
		snprintf(n->choices + len, sizeof(n->choices) - len, "%s%s",
			 n->nchoices ? (ctx->lang == JRC_LANG_ZH ? "；" : "; ") : "", one);
	n->nchoices++;
	if (selected) {
		n->focus_id = i;
		snprintf(n->focus, sizeof(n->focus), "%s", one);
	}
}

static void append_sentence(ui_ctx *ctx, char *buf, size_t size, const char *s);

void speak_extra(ui_ctx *ctx, const char *text)
{
	if (!collecting(ctx) || !text || !*text)
		return;
	append_sentence(ctx, ctx->speak->now.extra, sizeof(ctx->speak->now.extra), text);
}

void speak_slow(ui_ctx *ctx, const char *text)
{
	speech *n;

	if (!collecting(ctx) || !text || !*text)
		return;
	n = &ctx->speak->now;
	if (n->nslow < SLOW_MAX)
		snprintf(n->slow[n->nslow++], sizeof(n->slow[0]), "%s", text);
}

void speak_focus(ui_ctx *ctx, int id, const char *text)
{
	speech *n;

	if (!collecting(ctx))
		return;
	n = &ctx->speak->now;
	n->focus_id = 10000 + id;
	snprintf(n->focus, sizeof(n->focus), "%s", text ? text : "");
}

void speak_read_back_text(ui_ctx *ctx, const char *text)
{
	speech *n;

	if (!collecting(ctx))
		return;
	n = &ctx->speak->now;
	n->has_read_back = 1;
	snprintf(n->read_back, READ_BACK_MAX, "%s", text ? text : "");
}

void speak_message(ui_ctx *ctx, const char *text)
{
	if (!collecting(ctx))
		return;
	snprintf(ctx->speak->message, sizeof(ctx->speak->message), "%s", text ? text : "");
}

/* ---------------------------------------------------------------- saying */

static int ends_sentence(const char *s)
{
	static const char *const marks[] = { "。", "！", "？", "：", "；", "，", ".", "!", "?", ":", ";", NULL };
	size_t n = strlen(s);

	for (const char *const *m = marks; *m; m++) {
		size_t k = strlen(*m);

		if (n >= k && strcmp(s + n - k, *m) == 0)
			return 1;
	}
	return 0;
}

/* Append s as its own sentence: a full stop after it unless it has one. */
static void append_sentence(ui_ctx *ctx, char *buf, size_t size, const char *s)
{
	size_t len = strlen(buf);
	int zh = ctx->lang == JRC_LANG_ZH;

	if (!s || !*s || len + strlen(s) + 8 >= size)
		return;
	snprintf(buf + len, size - len, "%s%s%s", len && !zh ? " " : "", s,
		 ends_sentence(s) ? "" : (zh ? "。" : "."));
}

static void say_screen(ui_ctx *ctx, ui_speak *sp)
{
	speech *n = &sp->now;

	sp->last[0] = '\0';
	append_sentence(ctx, sp->last, sizeof(sp->last), n->title);
	append_sentence(ctx, sp->last, sizeof(sp->last), n->hint);
	append_sentence(ctx, sp->last, sizeof(sp->last), n->extra);
	append_sentence(ctx, sp->last, sizeof(sp->last), n->choices);
	if (n->focus_id >= 10000)
		append_sentence(ctx, sp->last, sizeof(sp->last), n->focus);
	sp->last_lang = ctx->lang;
	sp->last_nslow = n->nslow;
	for (int i = 0; i < n->nslow; i++)
		snprintf(sp->last_slow[i], sizeof(sp->last_slow[i]), "%s", n->slow[i]);
	if (sp->last[0])
		voice_say(sp->voice, ctx->lang, sp->last, ctx->last_key_ms);
	else
		voice_stop(sp->voice);
	for (int i = 0; i < n->nslow; i++)
		voice_queue(sp->voice, ctx->lang, n->slow[i], 1);
}

void speak_end(ui_ctx *ctx)
{
	ui_speak *sp = ctx->speak;
	ui_screen *top = ui_top(ctx);
	speech *n;
	char key[sizeof(sp->said_key)];
	int said = 0;

	if (!sp || !sp->on || !top)
		return;
	n = &sp->now;
	snprintf(key, sizeof(key), "%d\n%s\n%s", (int)ctx->lang, n->title, n->hint);
	if (sp->force || top->ops != sp->said_ops || top->state != sp->said_state ||
	    ctx->depth != sp->said_depth || strcmp(key, sp->said_key) != 0) {
		sp->force = 0;
		sp->said_ops = top->ops;
		sp->said_state = top->state;
		sp->said_depth = ctx->depth;
		snprintf(sp->said_key, sizeof(sp->said_key), "%s", key);
		sp->said_focus_id = n->focus_id;
		snprintf(sp->said_focus, sizeof(sp->said_focus), "%s", n->focus);
		say_screen(ctx, sp);
		said = 1;
	} else if (n->focus_id != sp->said_focus_id || strcmp(n->focus, sp->said_focus) != 0) {
		/* The cursor moved (or the item under it changed, an error on a
		 * field): say just that item. */
		sp->said_focus_id = n->focus_id;
		snprintf(sp->said_focus, sizeof(sp->said_focus), "%s", n->focus);
		if (n->focus[0]) {
			voice_say(sp->voice, ctx->lang, n->focus, ctx->last_key_ms);
			said = 1;
		}
	}
	/* A message a later key already cleared is not said. */
	if (sp->message[0] && strcmp(sp->message, ctx->message) != 0)
		sp->message[0] = '\0';
	if (sp->message[0]) {
		if (said)
			voice_queue(sp->voice, ctx->lang, sp->message, 0);
		else
			voice_say(sp->voice, ctx->lang, sp->message, ctx->last_key_ms);
		sp->message[0] = '\0';
	}
}

void speak_now(ui_ctx *ctx, const char *text)
{
	if (speak_on(ctx) && text && *text)
		voice_say(ctx->speak->voice, ctx->lang, text, ctx->last_key_ms);
}

void speak_repeat(ui_ctx *ctx)
{
	ui_speak *sp = ctx->speak;

	if (!sp)
		return;
	if (!sp->on) {
		/* F5 on a silent terminal turns the voice on: a citizen who
		 * cannot read the home screen can still find it. */
		speak_set(ctx, 1);
		return;
	}
	/* Say the screen as it is now (the language may have changed). */
	sp->force = 1;
	ctx->dirty = 1;
}

int speak_has_read_back(ui_ctx *ctx)
{
	return collecting(ctx) && ctx->speak->now.has_read_back;
}

void speak_read_back(ui_ctx *ctx)
{
	ui_speak *sp = ctx->speak;
	char *buf;
	size_t size = READ_BACK_MAX + 256;

	if (!speak_has_read_back(ctx))
		return;
	if (!sp->now.read_back[0]) {
		voice_say(sp->voice, ctx->lang, _("Nothing has been typed yet."), ctx->last_key_ms);
		return;
	}
	if (!(buf = malloc(size)))
		return;
	snprintf(buf, size, _("You have written: %s"), sp->now.read_back);
	voice_say(sp->voice, ctx->lang, buf, ctx->last_key_ms);
	memset(buf, 0, size);
	free(buf);
}

int speak_fault(ui_ctx *ctx, char *out, size_t size)
{
	return ctx->speak && voice_fault(ctx->speak->voice, out, size);
}
