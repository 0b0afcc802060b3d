/* Benchmark data: a database with N realistic cases, built in one
 * transaction with direct inserts (a million in well under a minute).
 *
 * Realistic means: cases spread over the last few years with fewer on
 * weekends, categories skewed the way petitions are (wages and land far
 * ahead of the rest), every township and village, routes from the real
 * routing table, states that follow a case's age (recent ones open, old
 * ones mostly closed, a few percent overdue), Chinese text of a few
 * hundred characters, valid ID numbers and phones, 10% anonymous; receipt
 * numbers from receipt_format with per-day sequences, and day_seq left so
 * that the next filing continues the day's sequence.
 *
 * Each case gets its 'filed' event and one 'transition' event per step to
 * its state, with lifecycle_steps rows as the lifecycle writes them.  The
 * events are chained with the audit module's own keyed hash (audit_row_hash,
 * under the ledger key at $JRC_LEDGER_KEY) and audit_head is set, so `jrc
 * verify` passes on the result.  The generated events carry no copies of
 * their rows (a copy per event would slow the load down several times), so
 * verify counts those rows as predating full coverage.
 *
 * Usage: gen --db PATH [--cases N] [--data DIR] [--years Y] [--seed S]
 * JRC_NOW fixes "now" as for jrc. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_internal.h"
#include "figures/tally_internal.h"
#include "jrc/ledger_key.h"
#include "jrc/audit.h"
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/receipt.h"
#include "jrc/refdata.h"
#include "jrc/route.h"
#include "jrc/validate.h"

enum { MAX_DIV = 512, MAX_CAT = 64, MAX_IDX = 64, MAX_STEPS = 8 };

typedef struct gen {
	jrc_db *db;
	sqlite3 *h;
	uint64_t rng;
	size_t ncat, ndiv;
	char cat[MAX_CAT][8];
	double cat_cum[MAX_CAT];
	char div[MAX_DIV][16];
	jrc_route route[MAX_CAT][MAX_DIV];
	sqlite3_stmt *ins_case, *ins_event, *ins_step, *ins_seq;
	unsigned char key[JRC_LEDGER_KEY_SIZE];   /* the ledger key the chain is keyed with */
	int has_steps;
	int64_t event_id;
	char head[65];
	long events;
	char site[8];
	jrc_date today;
} gen;

static void die(const char *what, const char *why)
{
	fprintf(stderr, "gen: %s: %s\n", what, why);
	exit(1);
}

static void check(gen *g, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		die(what, sqlite3_errmsg(g->h));
}

/* xorshift64*: fast, and the same data for the same seed. */
static uint64_t rnd(gen *g)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return g->rng * 2685821657736338717ULL;
}

static double unif(gen *g)
{
	return (double)(rnd(g) >> 11) / 9007199254740992.0;
}

static long range(gen *g, long lo, long hi)
{
	return lo + (long)(rnd(g) % (uint64_t)(hi - lo + 1));
}

static const char *pick(gen *g, const char *const *list, size_t n)
{
	return list[rnd(g) % n];
}
#define PICK(g, a) pick((g), (a), sizeof(a) / sizeof((a)[0]))

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
	"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
	"邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶",
	"程", "苏", "魏", "吕", "丁", "沈", "姚", "卢", "楼", "傅", "方", "金", "洪", "诸葛"
};
static const char *const given[] = {
	"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
	"娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "国庆",
	"海燕", "志强", "小红", "春梅", "德明", "玉兰", "卫东", "爱华", "金凤", "文斌"
};
static const char *const who[] = {
	"包工头", "老板", "村委会", "邻居", "物业公司", "开发商", "镇政府", "施工队",
	"厂里", "房东", "承包人", "合作社", "中介公司", "养殖场"
};
static const char *const what[] = {
	"拖欠我的工资已经三个月了，一共八千多元，多次讨要都说下个月再给",
	"占用了我家的承包地修路，没有签协议也没有给补偿",
	"半夜施工噪音很大，老人孩子都睡不好觉，找过几次没有用",
	"装修时把我家的墙打裂了，楼下一下雨就漏水",
	"把污水直接排到村里的小溪里，鱼都死了，气味很难闻",
	"收了定金以后不退钱，也不按合同交房",
	"在宅基地边上违章搭建，挡住了我家的出路",
	"没有给我缴社保，现在办退休手续办不了",
	"拆迁补偿款到现在还没有发到位，说是在走流程",
	"低保资格被取消了，没有人告诉我是什么原因",
	"工伤以后不给治疗费，也不给认定工伤",
	"山林界址有争议，两家为这个事情吵了好几年"
};
static const char *const detail[] = {
	"我是去年三月开始在这里干活的，有记工本可以作证。",
	"村里的干部也知道这个事情，但是一直没有处理。",
	"我年纪大了，身体也不好，实在没有办法才来反映。",
	"家里还有两个孩子在上学，生活很困难。",
	"之前打过12345热线，说会转给有关部门。",
	"我有照片和收据，可以拿给你们看。",
	"对方说找谁都没用，让我别白费力气。",
	"希望政府能够帮忙调查一下，主持公道。",
	"这个事情已经拖了一年多了。",
	"我们好几户人家都是同样的情况。"
};
static const char *const outcomes[] = {
	"希望尽快把工资发给我。", "希望按政策给予补偿。", "希望停止施工噪音扰民。",
	"希望恢复原状并赔偿损失。", "希望给个说法。", NULL, NULL
};

static void make_text(gen *g, char *out, size_t size)
{
	int n = snprintf(out, size, "%s%s。", PICK(g, who), PICK(g, what));
	long k = range(g, 1, 5);

	for (long i = 0; i < k && n > 0 && (size_t)n < size; i++)
		n += snprintf(out + n, size - (size_t)n, "%s", PICK(g, detail));
}

static void make_id(gen *g, char out[19], const char *region)
{
	char d17[18];

	snprintf(d17, sizeof(d17), "%s%04ld%02ld%02ld%03ld", region, range(g, 1940, 2004),
		 range(g, 1, 12), range(g, 1, 28), range(g, 0, 999));
	snprintf(out, 19, "%s%c", d17, validate_id_check_char(d17));
}

static void make_phone(gen *g, char out[24])
{
	if (unif(g) < 0.85)
		snprintf(out, 24, "1%ld%09ld", range(g, 3, 9), range(g, 0, 999999999));
	else
		snprintf(out, 24, "0579-8%07ld", range(g, 0, 9999999));
}

/* ---------------------------------------------------------------- states */

/* One path through the lifecycle per final state; day offsets are drawn
 * per step.  Index 0 is the filing. */
typedef struct path {
	const char *state[MAX_STEPS];
	int n;
} lc_path;

static const lc_path paths[] = {
	{ { "registered" }, 1 },
	{ { "registered", "accepted" }, 2 },
	{ { "registered", "accepted", "in_mediation" }, 3 },
	{ { "registered", "accepted", "extended" }, 3 },
	{ { "registered", "declined" }, 2 },
	{ { "registered", "redirected" }, 2 },
	{ { "registered", "accepted", "answered" }, 3 },
	{ { "registered", "accepted", "answered", "closed" }, 4 },
	{ { "registered", "accepted", "answered", "review_requested" }, 4 },
	{ { "registered", "accepted", "answered", "review_requested", "review_answered" }, 5 },
	{ { "registered", "accepted", "answered", "review_requested", "review_answered",
	    "rereview_requested", "rereview_answered" }, 7 },
};
enum { P_REG, P_ACC, P_MED, P_EXT, P_DEC, P_RED, P_ANS, P_CLO, P_REV, P_REVA, P_RREVA, NPATH };

/* Weights of each final path by the age of the case in days. */
static int choose_path(gen *g, long age)
{
	static const double young[NPATH] = { 70, 18, 3, 0, 4, 3, 1, 1, 0, 0, 0 };
	static const double mid[NPATH] = { 3, 40, 10, 5, 5, 4, 20, 13, 0, 0, 0 };
	static const double old[NPATH] = { 0.5, 3, 2, 4, 6, 6, 12, 60, 4, 2, 0.5 };
	static const double ancient[NPATH] = { 0.2, 0.5, 0.3, 0.5, 6, 5, 1, 83, 0.5, 2.5, 0.5 };
	const double *w = age <= 15 ? young : age <= 75 ? mid : age <= 180 ? old : ancient;
	double sum = 0, x;

	for (int i = 0; i < NPATH; i++)
		sum += w[i];
	x = unif(g) * sum;
	for (int i = 0; i < NPATH; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return P_CLO;
}

/* Days from one step to the next. */
static long step_days(gen *g, const char *to)
{
	if (!strcmp(to, "accepted") || !strcmp(to, "declined") || !strcmp(to, "redirected"))
		return range(g, 1, 14);
	if (!strcmp(to, "answered"))
		return range(g, 10, 58);
	if (!strcmp(to, "closed"))
		return range(g, 3, 31);
	if (!strcmp(to, "in_mediation") || !strcmp(to, "extended"))
		return range(g, 5, 50);
	return range(g, 5, 29);           /* review steps */
}

/* The running deadline after reaching state on day d (accepted_on: when
 * it was accepted), as the lifecycle sets it; NULL date as y = 0. */
static jrc_date due_for(const char *state, jrc_date d, jrc_date filed, jrc_date accepted_on)
{
	jrc_date none = { 0, 0, 0 };

	if (!strcmp(state, "registered"))
		return date_add_days(filed, 15);
	if (!strcmp(state, "accepted") || !strcmp(state, "in_mediation"))
		return date_add_days(accepted_on, 60);
	if (!strcmp(state, "extended"))
		return date_add_days(accepted_on, 90);
	if (!strcmp(state, "answered") || !strcmp(state, "review_requested") ||
	    !strcmp(state, "review_answered") || !strcmp(state, "rereview_requested"))
		return date_add_days(d, 30);
	return none;
}

/* ---------------------------------------------------------------- rows */

static void add_event(gen *g, jrc_event_in *ev, const char *at, int64_t *id_out)
{
	char hash[65];
	int64_t id = ++g->event_id;
	sqlite3_stmt *st = g->ins_event;

	if (audit_row_hash(g->key, g->head, id, at, ev, hash) != 0)
		die("hash", "out of memory");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ev->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ev->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, ev->case_id);
	if (ev->from_state)
		sqlite3_bind_text(st, 6, ev->from_state, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_text(st, 7, ev->to_state, -1, SQLITE_STATIC);
	if (ev->note)
		sqlite3_bind_text(st, 8, ev->note, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 8);
	sqlite3_bind_text(st, 9, g->head, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, hash, -1, SQLITE_STATIC);
	check(g, sqlite3_step(st), "insert event");
	sqlite3_reset(st);
	memcpy(g->head, hash, sizeof(hash));
	g->events++;
	*id_out = id;
}

static void add_case(gen *g, int64_t id, jrc_date day, long seq, jrc_time filed_t)
{
	static const char *const reasons[] = {
		"属于法院管辖，请依法向人民法院起诉。", "已由乡镇人民政府受理。",
		"需要调取更多材料，延期办理。", "属于劳动仲裁受理范围。"
	};
	char yymmdd[7], receipt[JRC_RECEIPT_MAX], code[7], filed[32], at[32], id_no[19];
	char phone[24], name[32], text[1024], accept_by[11], due[11], staff[16], actor[24];
	sqlite3_stmt *st = g->ins_case;
	size_t c = 0, dv = rnd(g) % g->ndiv;
	double x = unif(g);
	int anonymous = unif(g) < 0.10, p;
	const char *channel, *state, *outcome = PICK(g, outcomes);
	long age = date_diff(day, g->today);
	jrc_time t[MAX_STEPS];
	jrc_date accepted_on = day, dd;
	int n;

	while (c + 1 < g->ncat && x >= g->cat_cum[c])
		c++;
	date_format_yymmdd(day, yymmdd);
	if (receipt_format(g->site, yymmdd, seq, receipt) != JRC_OK)
		die("receipt_format", yymmdd);
	snprintf(code, sizeof(code), "%06ld", range(g, 0, 999999));
	clock_format_utc(filed_t, filed);
	make_text(g, text, sizeof(text));
	x = unif(g);
	channel = x < 0.6 ? "kiosk" : x < 0.95 ? "desk" : "cli";
	snprintf(staff, sizeof(staff), "D%03ld", range(g, 1, 12));

	/* The path, cut where it would run past today. */
	p = choose_path(g, age);
	t[0] = filed_t;
	for (n = 1; n < paths[p].n; n++) {
		t[n] = t[n - 1] + step_days(g, paths[p].state[n]) * 86400 + range(g, -3600, 3600);
		if (t[n] > clock_now() - 3600)
			break;
	}
	state = paths[p].state[n - 1];
	for (int i = 1; i < n; i++)
		if (!strcmp(paths[p].state[i], "accepted"))
			accepted_on = clock_local_date(t[i]);
	dd = due_for(state, clock_local_date(t[n - 1]), day, accepted_on);
	date_format(date_add_days(day, 15), accept_by);
	if (dd.y)
		date_format(dd, due);

	if (!anonymous) {
		snprintf(name, sizeof(name), "%s%s", PICK(g, surnames), PICK(g, given));
		make_id(g, id_no, unif(g) < 0.8 ? "330726" : "330782");
		make_phone(g, phone);
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, receipt, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, g->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, g->cat[c], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, g->div[dv], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, g->route[c][dv].department, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, g->route[c][dv].level, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, anonymous);
	for (int k = 10; k <= 13; k++)
		sqlite3_bind_null(st, k);
	if (!anonymous) {
		sqlite3_bind_text(st, 10, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, "resident", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, id_no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 13, phone, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 14, text, -1, SQLITE_STATIC);
	if (outcome)
		sqlite3_bind_text(st, 15, outcome, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 15);
	sqlite3_bind_text(st, 16, channel, -1, SQLITE_STATIC);
	if (!strcmp(channel, "desk"))
		sqlite3_bind_text(st, 17, staff, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 17);
	sqlite3_bind_text(st, 18, unif(g) < 0.95 ? "zh" : "en", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, filed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, state, -1, SQLITE_STATIC);
	clock_format_utc(t[n - 1], at);
	sqlite3_bind_text(st, 21, at, -1, SQLITE_TRANSIENT);
	if (dd.y)
		sqlite3_bind_text(st, 22, due, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 22);
	sqlite3_bind_text(st, 23, accept_by, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 24, !strcmp(state, "extended"));
	if (strstr(state, "answered") || !strcmp(state, "closed") || strstr(state, "review"))
		sqlite3_bind_text(st, 25, "经调查核实，已责成对方在十五日内解决。", -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 25);
	check(g, sqlite3_step(st), "insert case");
	sqlite3_reset(st);

	for (int i = 0; i < n; i++) {
		jrc_event_in ev = { 0 };
		int64_t eid;
		const char *to = paths[p].state[i];

		clock_format_utc(t[i], at);
		ev.case_id = id;
		ev.to_state = to;
		if (i == 0) {
			ev.actor = !strcmp(channel, "desk") ? staff : channel;
			ev.kind = "filed";
			ev.note = channel;
		} else {
			snprintf(actor, sizeof(actor), "staff:H%03ld", range(g, 1, 40));
			ev.actor = !strcmp(to, "closed") ? "system" : actor;
			ev.kind = "transition";
			ev.from_state = paths[p].state[i - 1];
		}
		add_event(g, &ev, at, &eid);
		if (i == 0 || !g->has_steps)
			continue;
		st = g->ins_step;
		sqlite3_bind_int64(st, 1, eid);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, ev.from_state, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, to, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, ev.actor, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, g->route[c][dv].department, -1, SQLITE_STATIC);
		for (int k = 8; k <= 10; k++)
			sqlite3_bind_null(st, k);
		if (!strcmp(to, "declined") || !strcmp(to, "extended") || !strcmp(to, "redirected"))
			sqlite3_bind_text(st, 8, PICK(g, reasons), -1, SQLITE_STATIC);
		if (!strcmp(to, "declined"))
			sqlite3_bind_text(st, 9, "court", -1, SQLITE_STATIC);
		if (strstr(to, "answered"))
			sqlite3_bind_text(st, 10, "经调查核实，已责成对方在十五日内解决。", -1,
					  SQLITE_STATIC);
		check(g, sqlite3_step(st), "insert lifecycle step");
		sqlite3_reset(st);
	}
}

/* ---------------------------------------------------------------- setup */

static void load_refdata(gen *g)
{
	static const double weight[] = { 22, 16, 12, 10, 8, 7, 6, 5, 4, 3, 2, 2, 1, 1, 1 };
	jrc_category *cats;
	size_t n;
	jrc_err err = { 0 };
	sqlite3_stmt *st;
	double sum = 0, acc = 0;

	if (refdata_categories(g->db, &cats, &n, &err) != JRC_OK)
		die("categories", err.msg);
	g->ncat = n < MAX_CAT ? n : MAX_CAT;
	for (size_t i = 0; i < g->ncat; i++)
		sum += i < sizeof(weight) / sizeof(weight[0]) ? weight[i] : 1;
	for (size_t i = 0; i < g->ncat; i++) {
		snprintf(g->cat[i], sizeof(g->cat[i]), "%s", cats[i].code);
		acc += i < sizeof(weight) / sizeof(weight[0]) ? weight[i] : 1;
		g->cat_cum[i] = acc / sum;
	}
	free(cats);
	check(g, sqlite3_prepare_v2(g->h, "SELECT code FROM divisions WHERE level <> 'county'"
				    " ORDER BY code", -1, &st, NULL), "divisions");
	while (sqlite3_step(st) == SQLITE_ROW && g->ndiv < MAX_DIV)
		snprintf(g->div[g->ndiv++], sizeof(g->div[0]), "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!g->ncat || !g->ndiv)
		die("reference data", "no categories or divisions");
	for (size_t c = 0; c < g->ncat; c++)
		for (size_t d = 0; d < g->ndiv; d++)
			if (route_find(g->db, g->cat[c], g->div[d], &g->route[c][d], &err) != JRC_OK)
				die("route", err.msg);
}

static int table_exists(gen *g, const char *name)
{
	sqlite3_stmt *st;
	int found;

	check(g, sqlite3_prepare_v2(g->h, "SELECT 1 FROM sqlite_master WHERE type = 'table'"
				    " AND name = ?", -1, &st, NULL), "sqlite_master");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Indexes are built once after the load (a sort) rather than row by row. */
static size_t drop_indexes(gen *g, char *sql[MAX_IDX])
{
	sqlite3_stmt *st;
	size_t n = 0;
	char name[MAX_IDX][128], drop[160];

	check(g, sqlite3_prepare_v2(g->h, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
				    " AND sql IS NOT NULL AND tbl_name IN"
				    " ('cases', 'events', 'lifecycle_steps')", -1, &st, NULL),
	      "indexes");
	while (sqlite3_step(st) == SQLITE_ROW && n < MAX_IDX) {
		snprintf(name[n], sizeof(name[n]), "%s", (const char *)sqlite3_column_text(st, 0));
		sql[n] = strdup((const char *)sqlite3_column_text(st, 1));
		n++;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++) {
		snprintf(drop, sizeof(drop), "DROP INDEX \"%.128s\"", name[i]);
		check(g, sqlite3_exec(g->h, drop, NULL, NULL, NULL), drop);
	}
	return n;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "cases", required_argument, NULL, 'n' },
		{ "data", required_argument, NULL, 'D' },
		{ "years", required_argument, NULL, 'y' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	gen *g = calloc(1, sizeof(*g));
	const char *path = NULL, *data = getenv("JRC_DATA");
	long ncases = 1000000, years = 5, days, done = 0;
	char tz[64], *idx[MAX_IDX], sql[256];
	jrc_err err = { 0 };
	jrc_date start;
	double t0 = seconds(), t1, t2, t3, *wday, wsum = 0, carry = 0;
	size_t nidx;
	int c;

	if (!g)
		die("gen", "out of memory");
	g->rng = 0x9E3779B97F4A7C15ULL;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': path = optarg; break;
		case 'n': ncases = strtol(optarg, NULL, 10); break;
		case 'D': data = optarg; break;
		case 'y': years = strtol(optarg, NULL, 10); break;
		case 's': g->rng ^= strtoull(optarg, NULL, 10) * 0xBF58476D1CE4E5B9ULL; break;
		default:
			fprintf(stderr, "usage: gen --db PATH [--cases N] [--data DIR] [--years Y] [--seed S]\n");
			return 2;
		}
	}
	if (!path || !data || ncases < 1 || years < 1) {
		fprintf(stderr, "usage: gen --db PATH [--cases N] [--data DIR] [--years Y] [--seed S]\n");
		return 2;
	}
	if (db_open(path, JRC_DB_CREATE | JRC_DB_FORCE, &g->db, &err) != JRC_OK)
		die(path, err.msg);
	g->h = db_handle(g->db);
	if (ledger_key_load(ledger_key_path(), g->key, &err) != JRC_OK)
		die("ledger key", err.msg);
	if (refdata_import_dir(g->db, data, "gen", &err) != JRC_OK)
		die(data, err.msg);
	db_setting_get(g->db, "timezone", "Asia/Shanghai", tz, sizeof(tz), &err);
	clock_use_timezone(tz);
	db_setting_get(g->db, "site_code", "PJ", g->site, sizeof(g->site), &err);
	load_refdata(g);
	g->has_steps = table_exists(g, "lifecycle_steps");

	/* The load need not survive a crash (the file is thrown away if the
	 * generator dies), so no journal and no syncs: written once, straight
	 * into the file; back to WAL at the end. */
	check(g, sqlite3_exec(g->h, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
			      " PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;"
			      " BEGIN IMMEDIATE", NULL, NULL, NULL), "begin");
	nidx = drop_indexes(g, idx);
	{
		sqlite3_stmt *st;

		/* Chain on from the import event(s). */
		check(g, sqlite3_prepare_v2(g->h, "SELECT last_id, hash FROM audit_head", -1, &st,
					    NULL), "audit_head");
		if (sqlite3_step(st) == SQLITE_ROW) {
			g->event_id = sqlite3_column_int64(st, 0);
			snprintf(g->head, sizeof(g->head), "%s", (const char *)sqlite3_column_text(st, 1));
		} else {
			die("audit_head", "no chain head after the import");
		}
		sqlite3_finalize(st);
	}
	check(g, sqlite3_prepare_v2(g->h,
		"INSERT INTO cases(id, receipt, query_code, site, category, division, department,"
		" level, anonymous, name, id_kind, id_number, phone, text, outcome, channel,"
		" staff_id, lang, filed_at, state, state_at, due_on, accept_by, extended, answer)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &g->ins_case,
		NULL), "prepare case");
	check(g, sqlite3_prepare_v2(g->h,
		"INSERT INTO events(id, at, actor, kind, case_id, from_state, to_state, note,"
		" prev_hash, hash, scheme) VALUES (?,?,?,?,?,?,?,?,?,?,2)", -1, &g->ins_event, NULL),
		"prepare event");
	if (g->has_steps)
		check(g, sqlite3_prepare_v2(g->h,
			"INSERT INTO lifecycle_steps(event_id, case_id, at, from_state, to_state,"
			" actor, department, reason, channel, answer) VALUES (?,?,?,?,?,?,?,?,?,?)",
			-1, &g->ins_step, NULL), "prepare step");
	check(g, sqlite3_prepare_v2(g->h, "INSERT INTO day_seq(site, day, last) VALUES (?,?,?)",
				    -1, &g->ins_seq, NULL), "prepare day_seq");

	/* Cases per day: weekdays full, weekends a fifth, today up to now. */
	g->today = clock_local_date(clock_now());
	start = date_add_days(g->today, (int)(-365 * years));
	days = date_diff(start, g->today) + 1;
	wday = malloc((size_t)days * sizeof(*wday));
	if (!wday)
		die("gen", "out of memory");
	for (long d = 0; d < days; d++) {
		int w = date_weekday(date_add_days(start, (int)d));

		wday[d] = w == 0 || w == 6 ? 0.2 : 1.0;
		wsum += wday[d];
	}
	for (long d = 0; d < days && done < ncases; d++) {
		jrc_date day = date_add_days(start, (int)d);
		jrc_time open = clock_local_midnight(day) + 8 * 3600 + 1800;
		double want = (double)ncases * wday[d] / wsum + carry;
		long n = (long)want, span;
		char yymmdd[7];

		carry = want - (double)n;
		if (d == days - 1 || done + n > ncases)
			n = ncases - done;
		if (n <= 0)
			continue;
		/* Office hours, 08:30 to 17:00; today's stop an hour ago. */
		span = 8 * 3600 + 1800;
		if (d == days - 1 && clock_now() - 3600 - open < span)
			span = clock_now() - 3600 - open > 60 ? clock_now() - 3600 - open : 60;
		for (long i = 0; i < n; i++) {
			jrc_time t = open + (jrc_time)((double)span * ((double)i + unif(g)) / (double)n);

			add_case(g, done + i + 1, day, i + 1, t);
		}
		date_format_yymmdd(day, yymmdd);
		sqlite3_bind_text(g->ins_seq, 1, g->site, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->ins_seq, 2, yymmdd, -1, SQLITE_STATIC);
		sqlite3_bind_int64(g->ins_seq, 3, n);
		check(g, sqlite3_step(g->ins_seq), "insert day_seq");
		sqlite3_reset(g->ins_seq);
		done += n;
	}
	free(wday);
	snprintf(sql, sizeof(sql), "UPDATE audit_head SET last_id = %" PRId64 ", hash = '%s'",
		 g->event_id, g->head);
	check(g, sqlite3_exec(g->h, sql, NULL, NULL, NULL), "audit_head");
	sqlite3_finalize(g->ins_case);
	sqlite3_finalize(g->ins_event);
	sqlite3_finalize(g->ins_step);
	sqlite3_finalize(g->ins_seq);
	t1 = seconds();
	for (size_t i = 0; i < nidx; i++) {
		check(g, sqlite3_exec(g->h, idx[i], NULL, NULL, NULL), idx[i]);
		free(idx[i]);
	}
	t2 = seconds();
	/* The summary tables, as the migration fills them for cases a
	 * database already holds (the rows above bypass the core). */
	{
		jrc_err terr = { 0 };

		if (tally_rebuild(g->db, &terr) != JRC_OK)
			die("summary tables", terr.msg);
	}
	t3 = seconds();
	check(g, sqlite3_exec(g->h, "COMMIT; PRAGMA journal_mode=WAL;", NULL, NULL, NULL),
	      "commit");
	fprintf(stderr, "gen: %ld cases, %ld events in %.1f s (rows %.1f s, indexes %.1f s,"
		" summary tables %.1f s)\n",
		done, g->events, seconds() - t0, t1 - t0, t2 - t1, t3 - t2);
	db_close(g->db);
	free(g);
	return 0;
}
