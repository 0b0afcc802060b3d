/* The built-in pinyin input: a thin wrapper around librime (ime.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "ime.h"
#include "jrc/text.h"

#ifdef HAVE_RIME
#include <dirent.h>
#include <dlfcn.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rime_api.h>
#endif

#ifndef JRC_RIME_DATADIR
#define JRC_RIME_DATADIR "/usr/local/share/jrc-kiosk/rime"
#endif

enum {
	IME_TEXT_MAX = 512,   /* preedit and raw letters, bytes */
	IME_CANDS = 9,        /* candidates on a page: keys 1-9 */
	IME_CAND_MAX = 160    /* bytes of one candidate */
};

/* rime's key symbols (X11 keysyms) for the keys we pass on. */
enum {
	XK_BACKSPACE = 0xff08,
	XK_PAGE_UP = 0xff55,
	XK_PAGE_DOWN = 0xff56
};

struct ui_ime {
	int tried;            /* ime_start ran once */
	int failed;           /* the engine could not start: letters go in plain */
	char dir[512];        /* private user-data folder, removed at exit */
#ifdef HAVE_RIME
	RimeApi *api;
	RimeSessionId sid;
	char schema[32];
#endif
	w_edit *target;       /* the field being composed for */
	/* What the last key left, for drawing without asking the engine. */
	char preedit[IME_TEXT_MAX];
	int ncand, page, last_page;
	char cand[IME_CANDS][IME_CAND_MAX];
};

int ime_built(void)
{
#ifdef HAVE_RIME
	return 1;
#else
	return 0;
#endif
}

static struct ui_ime *ime_of(ui_ctx *ctx)
{
	if (!ctx->ime)
		ctx->ime = calloc(1, sizeof(*ctx->ime));
	return ctx->ime;
}

static void forget_shown(struct ui_ime *m)
{
	/* The letters and words of a citizen do not stay in memory. */
	memset(m->preedit, 0, sizeof(m->preedit));
	memset(m->cand, 0, sizeof(m->cand));
	m->ncand = m->page = 0;
	m->last_page = 1;
}

int ime_composing(ui_ctx *ctx)
{
	return ctx->ime && ctx->ime->preedit[0] != '\0';
}

const char *ime_preedit(ui_ctx *ctx)
{
	return ctx->ime ? ctx->ime->preedit : "";
}

#ifdef HAVE_RIME
static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	if (ftw->level == 0)
		return 0;   /* the folder itself stays until ime_stop */
	remove(path);
	return 0;
}

/* Empty the private folder: nothing rime wrote survives a citizen. */
static void empty_dir(const char *dir)
{
	if (dir[0])
		nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static int file_in(const char *dir, const char *name)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return access(path, R_OK) == 0;
}

static int fuzzy_setting(ui_ctx *ctx)
{
	char v[16];

	if (db_setting_get(ctx->db, "pinyin_fuzzy", NULL, v, sizeof(v), NULL) != JRC_OK)
		return 1;
	return strcmp(v, "off") != 0;
}

static RimeApi *load_rime(void)
{
	static const char *const names[] = { "librime.so.1", "librime.so" };
	RimeApi *(*get_api)(void) = NULL;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		void *h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);

		if (!h)
			continue;
		/* POSIX: a function pointer from dlsym goes through a cast. */
		*(void **)(&get_api) = dlsym(h, "rime_get_api");
		if (get_api)
			return get_api();
		dlclose(h);
	}
	return NULL;
}

static int open_session(struct ui_ime *m)
{
	m->sid = m->api->create_session();
	if (!m->sid)
		return -1;
	if (!m->api->select_schema(m->sid, m->schema)) {
		m->api->destroy_session(m->sid);
		m->sid = 0;
		return -1;
	}
	return 0;
}

static void ime_refresh(struct ui_ime *m)
{
	RIME_STRUCT(RimeContext, c);

	forget_shown(m);
	if (!m->api->get_context(m->sid, &c))
		return;
	if (c.composition.length > 0 && c.composition.preedit)
		snprintf(m->preedit, sizeof(m->preedit), "%s", c.composition.preedit);
	for (int i = 0; i < c.menu.num_candidates && i < IME_CANDS; i++)
		snprintf(m->cand[i], sizeof(m->cand[i]), "%s",
			 c.menu.candidates[i].text ? c.menu.candidates[i].text : "");
	m->ncand = c.menu.num_candidates < IME_CANDS ? c.menu.num_candidates : IME_CANDS;
	m->page = c.menu.page_no;
	m->last_page = c.menu.is_last_page;
	m->api->free_context(&c);
}
#endif

int ime_start(ui_ctx *ctx)
{
	struct ui_ime *m = ime_of(ctx);

	if (!m)
		return -1;
	if (m->tried)
		return m->failed ? -1 : 0;
	m->tried = 1;
	m->failed = 1;
#ifdef HAVE_RIME
	{
		const char *data = getenv("JRC_RIME_DIR");
		const char *tmp = getenv("TMPDIR");
		RIME_STRUCT(RimeTraits, traits);

		if (!data || !*data)
			data = JRC_RIME_DATADIR;
		/* Compiled at build or install time; never here. */
		if (!file_in(data, "default.yaml") || !file_in(data, "jrc_words.table.bin"))
			return -1;
		snprintf(m->dir, sizeof(m->dir), "%s/jrc-rime.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(m->dir)) {
			m->dir[0] = '\0';
			return -1;
		}
		/* librime is loaded here, not linked: it brings boost, ICU and
		 * more, and every jrc command would pay for loading them. */
		if (!(m->api = load_rime()))
			return -1;
		traits.shared_data_dir = data;
		traits.prebuilt_data_dir = data;
		traits.staging_dir = data;
		traits.user_data_dir = m->dir;
		traits.log_dir = m->dir;
		traits.min_log_level = 3;
		traits.distribution_name = "jrc-kiosk";
		traits.distribution_code_name = "jrc-kiosk";
		traits.distribution_version = PACKAGE_VERSION;
		traits.app_name = "rime.jrc";
		m->api->setup(&traits);
		m->api->initialize(&traits);
		snprintf(m->schema, sizeof(m->schema), "%s",
			 fuzzy_setting(ctx) ? "jrc_pinyin_fuzzy" : "jrc_pinyin");
		if (open_session(m) != 0) {
			m->api->finalize();
			return -1;
		}
		m->failed = 0;
		forget_shown(m);
		return 0;
	}
#else
	(void)ctx;
	return -1;
#endif
}

void ime_stop(ui_ctx *ctx)
{
	struct ui_ime *m = ctx->ime;

	if (!m)
		return;
#ifdef HAVE_RIME
	if (m->tried && !m->failed) {
		m->api->destroy_session(m->sid);
		m->api->finalize();
	}
	if (m->dir[0]) {
		empty_dir(m->dir);
		rmdir(m->dir);
	}
#endif
	memset(m, 0, sizeof(*m));
	free(m);
	ctx->ime = NULL;
}

void ime_drop(ui_ctx *ctx)
{
	struct ui_ime *m = ctx->ime;

	if (!m)
		return;
#ifdef HAVE_RIME
	if (m->tried && !m->failed)
		m->api->clear_composition(m->sid);
#endif
	forget_shown(m);
	m->target = NULL;
}

void ime_reset(ui_ctx *ctx)
{
	struct ui_ime *m = ctx->ime;

	ctx->ime_english = 0;
	if (!m)
		return;
	ime_drop(ctx);
#ifdef HAVE_RIME
	/* A fresh session and an empty private folder for the next person. */
	if (m->tried && !m->failed) {
		m->api->destroy_session(m->sid);
		empty_dir(m->dir);
		if (open_session(m) != 0)
			m->failed = 1;
	}
#endif
}

int ime_on(ui_ctx *ctx)
{
	if (!ime_built() || ctx->lang != JRC_LANG_ZH || ctx->ime_english)
		return 0;
	return !(ctx->ime && ctx->ime->tried && ctx->ime->failed);
}

const char *ime_tag(ui_ctx *ctx)
{
	if (!ime_built() || ctx->lang != JRC_LANG_ZH)
		return NULL;
	ctx->ime_keys_shown = 1;
	/* Shown on Chinese screens only, so the tag is Chinese. */
	return ime_on(ctx) ? "拼" : "英";
}

#ifdef HAVE_RIME
/* Put committed text into the field, character by character. */
static void insert_text(w_edit *e, const char *s)
{
	size_t i = 0, len = strlen(s);

	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);

		if (n == 0)
			break;
		i += n;
		if (w_edit_insert(e, cp) != 0 && e->overflow)
			break;
	}
	e->refused = 0;
}

static void take_commit(struct ui_ime *m, w_edit *e)
{
	RIME_STRUCT(RimeCommit, cm);

	if (m->api->get_commit(m->sid, &cm)) {
		if (cm.text)
			insert_text(e, cm.text);
		m->api->free_commit(&cm);
	}
}

static void composing_key(ui_ctx *ctx, struct ui_ime *m, w_edit *e, ui_action act, wint_t ch)
{
	switch (act) {
	case UI_ACT_CHAR:
		if ((ch >= L'a' && ch <= L'z') || ch == L'\'')
			m->api->process_key(m->sid, (int)ch, 0);
		else if (ch == L'-')
			m->api->process_key(m->sid, XK_PAGE_UP, 0);
		else if (ch == L'=')
			m->api->process_key(m->sid, XK_PAGE_DOWN, 0);
		else if (ch == L' ' && m->ncand > 0)
			m->api->select_candidate_on_current_page(m->sid, 0);
		else
			ui_message(ctx, 1, "%s",
				   _("First pick a word with its number or Space, press Enter to keep the letters, or Esc to drop them."));
		break;
	case UI_ACT_DIGIT:
		if (ch >= L'1' && ch <= L'9' && (int)(ch - L'1') < m->ncand)
			m->api->select_candidate_on_current_page(m->sid, (size_t)(ch - L'1'));
		else
			ui_message(ctx, 1, "%s", _("There is no word with this number: press one of the numbers shown."));
		break;
	case UI_ACT_PAGE_UP:
		m->api->process_key(m->sid, XK_PAGE_UP, 0);
		break;
	case UI_ACT_PAGE_DOWN:
		m->api->process_key(m->sid, XK_PAGE_DOWN, 0);
		break;
	case UI_ACT_BACKSPACE:
		m->api->process_key(m->sid, XK_BACKSPACE, 0);
		break;
	case UI_ACT_NEXT: {
		/* The letters as typed, for a name in pinyin or an abbreviation. */
		const char *raw = m->api->get_input(m->sid);
		char keep[IME_TEXT_MAX];

		snprintf(keep, sizeof(keep), "%s", raw ? raw : "");
		m->api->clear_composition(m->sid);
		insert_text(e, keep);
		memset(keep, 0, sizeof(keep));
		break;
	}
	case UI_ACT_BACK:
		m->api->clear_composition(m->sid);
		break;
	default:
		break;      /* Tab, arrows ...: held back while composing */
	}
}
#endif

ui_result ime_key(ui_ctx *ctx, w_edit *e, ui_action act, wint_t ch)
{
	if (!ime_built() || ctx->lang != JRC_LANG_ZH)
		return UI_PASS;
	if (act == UI_ACT_IME) {
		ime_drop(ctx);
		ctx->ime_english = !ctx->ime_english;
		if (!ctx->ime_english && ime_start(ctx) != 0)
			ui_message(ctx, 1, "%s",
				   _("Pinyin input could not start on this kiosk: letters go in as typed. Please tell the staff."));
		return UI_DONE;
	}
#ifdef HAVE_RIME
	{
		struct ui_ime *m;

		if (ctx->ime_english || ctx->pasting)
			return UI_PASS;
		if (!ime_composing(ctx)) {
			if (act != UI_ACT_CHAR || ch < L'a' || ch > L'z')
				return UI_PASS;
			if (ime_start(ctx) != 0)
				return UI_PASS;
		}
		m = ctx->ime;
		e->overflow = e->refused = 0;
		if (!ime_composing(ctx)) {
			m->target = e;
			m->api->process_key(m->sid, (int)ch, 0);
		} else {
			composing_key(ctx, m, e, act, ch);
		}
		take_commit(m, e);
		ime_refresh(m);
		if (e->overflow)
			ui_message(ctx, 1, _("This field is full: at most %zu characters."), e->max_chars);
		return UI_DONE;
	}
#else
	(void)e;
	(void)ch;
	return UI_PASS;
#endif
}

ui_result ime_dispatch(ui_ctx *ctx, ui_action act, wint_t ch)
{
	if (!ime_composing(ctx) || !ctx->ime->target)
		return UI_PASS;
	return ime_key(ctx, ctx->ime->target, act, ch);
}

int ime_place_candidates(ui_ctx *ctx, int y, int x, int width)
{
	if (!ime_composing(ctx) || width < 8)
		return 0;
	ctx->ime_cand_y = y;
	ctx->ime_cand_x = x;
	ctx->ime_cand_w = width;
	return 1;
}

void ime_draw_candidates(ui_ctx *ctx)
{
	struct ui_ime *m = ctx->ime;
	int used, key = ui_attr(ctx, UI_KEY), norm = ui_attr(ctx, UI_NORMAL);
	int y = ctx->ime_cand_y, x = ctx->ime_cand_x, width = ctx->ime_cand_w;
	const char *more = NULL;
	char num[16];

	if (!ime_composing(ctx) || y < 0 || width < 8)
		return;
	ui_fill(y, x, width, norm);
	/* The page keys at the line's right end, where they stay put while
	 * the words change: curses then sends them once, not at every key. */
	if (m->page > 0 || !m->last_page) {
		int w;

		/* TRANSLATORS: after the pinyin candidates: - and = turn the page. */
		more = m->page > 0 && !m->last_page ? _("-/= more") : m->page > 0 ? _("- back") : _("= more");
		w = (int)text_width(more);
		if (w + 8 < width) {
			ui_text(y, x + width - w, w, key, more);
			width -= w + 1;
		}
	}
	used = 0;
	for (int i = 0; i < m->ncand && used < width; i++) {
		snprintf(num, sizeof(num), "%d.", i + 1);
		used += ui_text(y, x + used, width - used, norm, num);
		if (used >= width)
			break;
		used += ui_text(y, x + used, width - used, norm, m->cand[i]);
		used += 1;
	}
}
