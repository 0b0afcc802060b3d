/* The roster: people who receive citizens (mediators, lawyers, county
 * leaders), when they receive, who is best for a matter, and bookings. */
#ifndef JRC_ROSTER_H
#define JRC_ROSTER_H

#include <stdint.h>
#include <stddef.h>
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/lookup.h"
#include "jrc/queue.h"
#include "jrc/receipt.h"

enum {
	JRC_ROSTER_DAYS = 14,        /* how far ahead a free time counts */
	JRC_HOST_ID_MAX = 17,        /* 1-16 capital letters, digits, '-' */
	JRC_HOST_NAME_MAX = 32,      /* characters */
	JRC_HOST_TITLE_MAX = 60,
	JRC_HOST_BLURB_MAX = 120,
	JRC_ROOM_MAX = 40,
	JRC_TOPICS_MAX = 120,
	JRC_SLOT_MIN_MINUTES = 10,
	JRC_SLOT_MAX_MINUTES = 240
};

/* Byte room for a field of n characters of UTF-8 and its NUL. */
#define JRC_U8(n) ((n) * 4 + 1)

typedef struct jrc_host {
	char id[JRC_HOST_ID_MAX];
	char kind[12];                   /* mediator | lawyer | leader */
	char name[JRC_U8(JRC_HOST_NAME_MAX)], name_en[JRC_U8(JRC_HOST_NAME_MAX)];
	char title[JRC_U8(JRC_HOST_TITLE_MAX)], title_en[JRC_U8(JRC_HOST_TITLE_MAX)];
	char specialties[64];            /* category codes, one space between */
	char languages[128];             /* e.g. 普通话;浦江话;English */
	int legal_aid;                   /* free legal aid for those who qualify */
	char blurb[JRC_U8(JRC_HOST_BLURB_MAX)], blurb_en[JRC_U8(JRC_HOST_BLURB_MAX)];
} jrc_host;

typedef enum jrc_slot_state {
	JRC_SLOT_FREE = 0,
	JRC_SLOT_BOOKED,
	JRC_SLOT_PAST                    /* starts before now: not bookable */
} jrc_slot_state;

/* One bookable time of one host. */
typedef struct jrc_slot {
	char host[JRC_HOST_ID_MAX];
	jrc_time start, end;
	jrc_slot_state state;
	char room[JRC_U8(JRC_ROOM_MAX)], room_en[JRC_U8(JRC_ROOM_MAX)];
} jrc_slot;

/* One reception window of one host on one day (a leader's reception day,
 * a mediator's afternoon), with its slots counted. */
typedef struct jrc_session {
	jrc_host host;
	jrc_date day;
	jrc_time start, end;
	int slot_minutes;
	char room[JRC_U8(JRC_ROOM_MAX)], room_en[JRC_U8(JRC_ROOM_MAX)];
	char topics[JRC_U8(JRC_TOPICS_MAX)], topics_en[JRC_U8(JRC_TOPICS_MAX)];
	int nslots, nfree, nbooked;
	jrc_time first_free;             /* 0: none free */
	int64_t visit;                   /* a leader's visit away (jrc/visit.h); 0: none */
} jrc_session;

/* What a ranking is for. */
typedef struct jrc_rank_query {
	const char *category;            /* category code; NULL: any matter */
	const char *kind;                /* mediator | lawyer | leader; NULL: any */
	int legal_aid_only;              /* only lawyers who give free legal aid */
	const char *lang;                /* the citizen's language, zh | en; NULL: zh */
	jrc_time at;                     /* the moment; 0: clock_now() */
} jrc_rank_query;

/* A host in ranked order, with the facts the order came from and the
 * reasons in words of the current language. */
typedef struct jrc_ranked {
	jrc_host host;
	int specialty;                   /* knows the query's category */
	int has_slot;                    /* a free time within JRC_ROSTER_DAYS */
	jrc_slot next;                   /* the earliest free time, if has_slot */
	long open_cases;                 /* active bookings of cases not closed */
	int language;                    /* speaks the citizen's language */
	char reasons[512];               /* "擅长 … · 今天 15:00 有空 · 在办 3 件" */
} jrc_ranked;

/* A case's booking, joined with its host, for screens and the receipt. */
typedef struct jrc_booking {
	int64_t id, case_id;
	char receipt[JRC_RECEIPT_MAX];
	jrc_host host;
	jrc_time start, end;
	char room[JRC_U8(JRC_ROOM_MAX)], room_en[JRC_U8(JRC_ROOM_MAX)];
	char booked_at[32];              /* UTC ISO 8601 */
	char booked_by[48];
} jrc_booking;

/* The translated word for a host kind: "mediator" -> 人民调解员. */
const char *roster_kind_label(const char *kind);

/* 1 if host lists the category code among its specialties (the match
 * the ranking puts first, and a leader's day marks). */
int roster_knows(const jrc_host *h, const char *category);

/* 1 if kind is mediator, lawyer or leader. */
int roster_kind_valid(const char *kind);

/* One host by id (case-insensitive); JRC_E_NOT_FOUND with a sentence. */
jrc_status roster_host(jrc_db *db, const char *id, jrc_host *out, jrc_err *err);

/* Hosts still listed in the roster, of one kind (NULL: all), in the order
 * of roster.csv; caller frees *out. */
jrc_status roster_hosts(jrc_db *db, const char *kind, jrc_host **out, size_t *n,
			jrc_err *err);

/* Every slot of host (NULL: every host) on the local days from `from` for
 * `days` days, ordered by time then host; with free_only only the free
 * ones.  Slots starting before clock_now() are JRC_SLOT_PAST.  Caller
 * frees *out. */
jrc_status roster_slots(jrc_db *db, const char *host, jrc_date from, int days,
			int free_only, jrc_slot **out, size_t *n, jrc_err *err);

/* The earliest free slot of host starting at or after `after` (0: now),
 * looking JRC_ROSTER_DAYS days ahead; JRC_E_NOT_FOUND with a sentence
 * when there is none. */
jrc_status roster_next_free(jrc_db *db, const char *host, jrc_time after, jrc_slot *out,
			    jrc_err *err);

/* Reception windows from `from` for `days` days, of one host (NULL: any)
 * and one kind (NULL: any), ordered by time; caller frees *out.  With
 * kind "leader" this is the list of leader reception days. */
jrc_status roster_sessions(jrc_db *db, const char *host, const char *kind, jrc_date from,
			   int days, jrc_session **out, size_t *n, jrc_err *err);

/* Rank the hosts for a matter: those who know the category first, then
 * the day of the earliest free time (today before later days; none within
 * JRC_ROSTER_DAYS last), then fewer open cases, then the citizen's
 * language, then the earlier time.  Caller frees *out. */
jrc_status roster_rank(jrc_db *db, const jrc_rank_query *q, jrc_ranked **out, size_t *n,
		       jrc_err *err);

/* "Choose for me": the best-ranked host that has a free time.  When no
 * one does, JRC_E_NOT_FOUND with a sentence that offers filing without
 * a booking. */
jrc_status roster_choose(jrc_db *db, const jrc_rank_query *q, jrc_ranked *out, jrc_err *err);

/* Book a slot of host for a case in one transaction: slot 0 takes the
 * earliest free one.  Refused (JRC_E_INVALID / JRC_E_NOT_FOUND /
 * JRC_E_REFUSED, nothing changed) for an unknown host, a past time, a time
 * not in the host's schedule, a closed case or one already booked.  Losing
 * a race for the slot is JRC_E_CONFLICT with a sentence naming the next
 * free time, which goes to *alt when alt is not NULL (alt->start 0: none).
 * actor as in audit events.  out (may be NULL) gets the booking. */
jrc_status roster_book(jrc_db *db, int64_t case_id, const char *host, jrc_time slot,
		       const char *actor, jrc_booking *out, jrc_slot *alt, jrc_err *err);

/* As roster_book inside the caller's transaction (filing and booking in
 * one commit).  On an error the caller must roll back. */
jrc_status roster_book_in_tx(jrc_db *db, int64_t case_id, const char *host, jrc_time slot,
			     const char *actor, jrc_booking *out, jrc_slot *alt, jrc_err *err);

/* Move a case's booking to another slot (host NULL: the same host) in one
 * transaction; the old one is cancelled only if the new one is taken. */
jrc_status roster_move(jrc_db *db, int64_t case_id, const char *host, jrc_time slot,
		       const char *actor, jrc_booking *out, jrc_slot *alt, jrc_err *err);

/* Cancel a case's booking; JRC_E_NOT_FOUND when it has none. */
jrc_status roster_unbook(jrc_db *db, int64_t case_id, const char *actor, jrc_err *err);

/* The case's active booking; JRC_E_NOT_FOUND (with a sentence) when none. */
jrc_status roster_case_booking(jrc_db *db, int64_t case_id, jrc_booking *out, jrc_err *err);

/* One appointment of a day for the desk: the booking, who comes for
 * which case, and whether they have arrived. */
typedef struct jrc_appointment {
	jrc_booking b;
	char name[JRC_U8(32)];           /* the citizen's name; "" if anonymous */
	int anonymous;
	char state[24];                  /* the case's state */
	char arrived_at[32];             /* UTC ISO 8601; "" not yet arrived */
	char arrived_by[48];
	char ticket[JRC_TICKET_LABEL_SIZE]; /* today's check-in number, "" none */
} jrc_appointment;

/* The active bookings whose time starts on local day d, by time then
 * host (through the bookings_when index); caller frees *out. */
jrc_status roster_day_appointments(jrc_db *db, jrc_date d, jrc_appointment **out, size_t *n,
				   jrc_err *err);

/* Mark the citizen of a case arrived for its booking, today, as staff
 * `by` (who must be allowed JRC_DO_CHECKIN): a row in arrivals and an
 * "arrived" event that covers it, in one transaction.  Refused with a
 * sentence, nothing changed, when the case has no booking, the booking is
 * on another day, or the arrival is already recorded. */
struct jrc_staff;
jrc_status roster_mark_arrived(jrc_db *db, const struct jrc_staff *by, int64_t case_id,
			       jrc_err *err);

enum {
	JRC_CHECKIN_EARLY_MINUTES = 60   /* check-in opens this long before the time */
};

/* A citizen's check-in for today's appointment. */
typedef struct jrc_checkin {
	jrc_booking b;
	jrc_ticket t;                    /* the number for the room's group */
	int window;                      /* the window the room's group is named by */
} jrc_checkin;

/* The citizen of a case checks in for its appointment (kiosk, or staff on
 * their behalf): in one transaction the arrival is recorded (as
 * roster_mark_arrived does) and a queue ticket of reason "checkin" is
 * taken in the group of the booking's room (queue_room_group).  Refused
 * with a sentence, nothing changed: no booking, a booking on another day,
 * before JRC_CHECKIN_EARLY_MINUTES ahead of its start, after its end, or
 * already checked in (the sentence names the number taken then). */
jrc_status roster_checkin(jrc_db *db, int64_t case_id, const char *actor, jrc_checkin *out,
			  jrc_err *err);

/* The case a citizen checks in with their resident ID number and phone
 * (as recover_numbers, with its count of failed tries and its lock): the
 * one of their matters booked for today.  JRC_E_NOT_FOUND with a
 * sentence when none is. */
jrc_status roster_checkin_find(jrc_db *db, const char *id_number, const char *phone,
			       const char *source, int64_t *case_id, jrc_lookup_info *info,
			       jrc_err *err);

/* "今天 15:00", "明天 09:30", "2026年12月2日 星期三 09:30" (or English:
 * "Wednesday, 2 December 2026 09:30") for t, seen from now. */
void roster_when(jrc_time t, jrc_time now, char *out, size_t size);

/* The translated short name of d's weekday: "Mon" / 周一. */
const char *roster_weekday_name(jrc_date d);

/* "普通话;浦江话" as a list of language names in the current language
 * ("Mandarin, Pujiang dialect"). */
void roster_languages_text(const char *langs, char *out, size_t size);

/* One line for screens and receipts, in the current language:
 * "张晓红（人民调解员） 12月2日 周三 09:30-10:00 调解室1"; the room as
 * this terminal names it (site_room). */
void roster_booking_line(jrc_db *db, const jrc_booking *b, char *out, size_t size);

#endif
