/* Sites and the three levels (三级联动): the county center, a center in
 * each township or subdistrict, and village points under them, each with
 * its receipt code (data/sites.csv).  A case is filed at one site, looked
 * up at any, and moves between levels by events of the chain: assigned
 * down (交办) with instructions and an internal by-date, escalated (上报)
 * to the parent site with a reason, handled jointly (联合办理) by a lead
 * department and others, each of which adds its part.  None of these is
 * a state transition: the statutory state and deadline keep running. */
#ifndef JRC_SITE_H
#define JRC_SITE_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"

enum {
	JRC_HANDLING_TEXT_MAX = 1000,   /* characters: instructions, a reason, a part */
	JRC_JOINT_MAX = 8               /* departments with the lead */
};

typedef struct jrc_site {
	char code[8];
	char level[12];               /* county, township, village */
	char parent[8];               /* "" for the county */
	char division[16];
	char name_zh[96], name_en[128];
	char address[256];
} jrc_site;

/* The active sites in the order of sites.csv; free() *out. */
jrc_status site_list(jrc_db *db, jrc_site **out, size_t *n, jrc_err *err);

/* One site, listed now or before; JRC_E_NOT_FOUND with a sentence. */
jrc_status site_get(jrc_db *db, const char *code, jrc_site *out, jrc_err *err);

/* How many sites are listed (0: no sites.csv imported). */
long site_count(jrc_db *db);

/* JRC_OK when no sites are listed or code is one of them; else
 * JRC_E_INVALID with a sentence naming the codes to use. */
jrc_status site_code_check(jrc_db *db, const char *code, jrc_err *err);

/* This connection stands at site code (jrc --site): receipts are
 * numbered for it, the desk's worklist is its, and once sites are listed
 * its division is the one whose visits and surveys the kiosk offers, all
 * in place of the database's site_code and site_division settings, which
 * on a county server every site shares.  A code not listed is refused
 * with a sentence. */
jrc_status site_use(jrc_db *db, const char *code, jrc_err *err);

/* Make code the database's own site (jrc --site CODE init): the
 * site_code setting, and once sites are listed the site_division setting
 * to its division. */
jrc_status site_settle(jrc_db *db, const char *code, jrc_err *err);

/* 1 when this terminal stands at a site of its own (jrc --site), other
 * than the database's (the site_code setting), read into out.  The
 * settings describe the database's own site, the hall: its name and
 * address, its windows and queue. */
int site_away(jrc_db *db, jrc_site *out);

/* A room of the hall (the roster's, a booking's) as this terminal names
 * it: at the hall as the roster has it; at another site after the hall's
 * name ("县联合接待中心 领导接待室"), for the room is there, not here.
 * site_room in the interface language, site_room_in the room given in
 * Chinese (english 0) or English.  Returns room itself or buf; "" for
 * none. */
const char *site_room(jrc_db *db, const char *zh, const char *en, char *buf, size_t size);
const char *site_room_in(jrc_db *db, const char *room, int english, char *buf, size_t size);

/* What a screen or a paper heads with: the center's name (the
 * center_name settings), followed at another site by that site's own
 * ("浦江县信访联合接待中心 · 黄宅镇"). */
jrc_status site_heading(jrc_db *db, char *zh, size_t zsize, char *en, size_t esize,
			jrc_err *err);

/* Where to come back to: at another site its address from sites.csv (the
 * same words in both languages), else the address settings. */
jrc_status site_address(jrc_db *db, char *zh, size_t zsize, char *en, size_t esize,
			jrc_err *err);

/* Where a case is handled now. */
enum { JRC_MOVED_NONE, JRC_MOVED_ASSIGNED, JRC_MOVED_ESCALATED };

typedef struct jrc_handling {
	char site[8];                 /* the handling site: the filing site until moved */
	int moved;                    /* JRC_MOVED_*: the last move */
	char by_on[11];               /* internal by-date of the last assignment, or "" */
	char lead[16];                /* joint handling's lead department, or "" */
	char partners[128];           /* the other departments, one space between */
} jrc_handling;

/* The handling of case_id (a case never moved: its filing site). */
jrc_status handling_get(jrc_db *db, int64_t case_id, jrc_handling *out, jrc_err *err);

/* The latest internal by-date an assignment of receipt may give (the
 * statutory deadline the case runs against, local YYYY-MM-DD);
 * JRC_E_REFUSED when no deadline runs. */
jrc_status handling_latest(jrc_db *db, const char *receipt, char out[11], jrc_err *err);

/* Assign receipt down to site to (below its handling site) with
 * instructions, by by_on (today to handling_latest).  actor as in
 * events ("cli", "staff:ID").  Anything refused changes nothing. */
jrc_status handling_assign(jrc_db *db, const char *actor, const char *receipt, const char *to,
			   const char *by_on, const char *note, jrc_err *err);

/* Escalate receipt from its handling site to that site's parent, with a
 * reason. */
jrc_status handling_escalate(jrc_db *db, const char *actor, const char *receipt,
			     const char *reason, jrc_err *err);

/* Handle receipt jointly: lead department and the others (codes,
 * separated by commas or spaces); replaces an earlier arrangement. */
jrc_status handling_joint(jrc_db *db, const char *actor, const char *receipt, const char *lead,
			  const char *with, jrc_err *err);

/* A department of the joint handling adds its part (text). */
jrc_status handling_part(jrc_db *db, const char *actor, const char *receipt,
			 const char *department, const char *text, jrc_err *err);

/* What a citizen may know of the handling: where it went and who
 * handles it jointly, by name; no notes, no staff. */
typedef struct jrc_handling_words {
	int moved;                    /* JRC_MOVED_* */
	char site_zh[96], site_en[128];
	int joint;
	char lead_zh[96], lead_en[128];
	char with_zh[512], with_en[768];
} jrc_handling_words;

/* The words of case_id's handling (all zero when never moved nor joined). */
jrc_status handling_words(jrc_db *db, int64_t case_id, jrc_handling_words *out, jrc_err *err);

/* The plain sentences for a citizen in the language of the moment ("" when
 * there is nothing to say): "Your matter has been passed to ... to handle." */
void handling_sentence(const jrc_handling_words *w, char *out, size_t size);

#endif
