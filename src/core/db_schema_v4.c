/* The schema from version 4 on: the migrations of the fifth and sixth
 * rounds (db_schema.c lists them with the earlier ones).  Append; never
 * edit a migration that has shipped. */
#include <stddef.h>

#include "db_internal.h"
#include "figures/tally_internal.h"

/* ==== figures (data for policy) ==== */
/* The summary tables (figures/tally.c): cases counted by day, month and
 * all time x site x category x place x department x state x source, kept
 * in the same transaction as every change, filled here for the cases a
 * database already holds. */
#define TALLY_TABLE(name, pdef, pkey) \
	"CREATE TABLE " name "(" pdef \
	"  site TEXT NOT NULL, category TEXT NOT NULL, division TEXT NOT NULL," \
	"  department TEXT NOT NULL, state TEXT NOT NULL, source TEXT NOT NULL," \
	"  n INTEGER NOT NULL DEFAULT 0, answered INTEGER NOT NULL DEFAULT 0," \
	"  on_time INTEGER NOT NULL DEFAULT 0, rated INTEGER NOT NULL DEFAULT 0," \
	"  satisfied INTEGER NOT NULL DEFAULT 0, v_satisfied INTEGER NOT NULL DEFAULT 0," \
	"  v_basic INTEGER NOT NULL DEFAULT 0, v_unsatisfied INTEGER NOT NULL DEFAULT 0," \
	"  overdue INTEGER NOT NULL DEFAULT 0," \
	"  PRIMARY KEY (" pkey TALLY_KEY ")) WITHOUT ROWID;"
static const char *const migration_4_tallies =
	/* The day the overdue counts hold for. */
	"CREATE TABLE tally_clock(as_of TEXT NOT NULL);"
	"INSERT INTO tally_clock(as_of) VALUES (jrc_today());"
	TALLY_TABLE("tally_day", "day TEXT NOT NULL,", "day, ")
	TALLY_TABLE("tally_month", "month TEXT NOT NULL,", "month, ")
	TALLY_TABLE("tally_all", "", "")
	TALLY_TABLE("tally_total", "", "")
	"CREATE INDEX cases_owed ON cases(due_on, state, site, category, division, department,"
	"  channel, filed_at) WHERE state IN " TALLY_OWED ";"
	TALLY_FILL_ALL;
/* ==== end of figures ==== */


/* ==== Early warning (矛盾预警), alert.c ====
 * Rules come from data/alerts.csv (kept by code; a rule no longer listed
 * is inactive).  An alert is raised once per rule and key while open
 * (unacknowledged): key is "division/category" for cluster and
 * collective, the department for overdue, and "c<first case id>" for
 * repeat (a person is never written down here: the open repeat alert is
 * found through the cases behind it).  Each alert and each case behind it
 * is written with an event that carries the row (audit_cover.c); the
 * acknowledgement fills in the acked_* columns once.  The number of cases
 * is counted from alert_cases, so a case joining never rewrites the
 * alert's row. */
static const char *const migration_4_alerts =
	"CREATE TABLE alert_rules("
	"  code TEXT PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('cluster','repeat','collective','overdue')),"
	"  count INTEGER NOT NULL CHECK (count >= 1),"
	"  days INTEGER NOT NULL DEFAULT 1 CHECK (days >= 1),"
	"  name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  sort INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE alerts("
	"  id INTEGER PRIMARY KEY,"
	"  rule TEXT NOT NULL REFERENCES alert_rules(code),"
	"  kind TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  division TEXT NOT NULL DEFAULT '', category TEXT NOT NULL DEFAULT '',"
	"  department TEXT NOT NULL DEFAULT '',"
	"  threshold INTEGER NOT NULL, days INTEGER NOT NULL,"
	"  raised_at TEXT NOT NULL,"
	"  acked_at TEXT, acked_by TEXT, ack_note TEXT);"
	"CREATE UNIQUE INDEX alerts_open ON alerts(rule, key) WHERE acked_at IS NULL;"
	"CREATE INDEX alerts_raised ON alerts(raised_at);"
	"CREATE TRIGGER alerts_raised_kept BEFORE UPDATE OF"
	"  id, rule, kind, key, division, category, department, threshold, days, raised_at ON alerts"
	"  BEGIN SELECT RAISE(ABORT, 'an alert once raised is kept'); END;"
	"CREATE TRIGGER alerts_ack_kept BEFORE UPDATE ON alerts WHEN OLD.acked_at IS NOT NULL"
	"  BEGIN SELECT RAISE(ABORT, 'an acknowledged alert is kept'); END;"
	"CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts"
	"  BEGIN SELECT RAISE(ABORT, 'an alert once raised is kept'); END;"
	"CREATE TABLE alert_cases("
	"  alert_id INTEGER NOT NULL REFERENCES alerts(id),"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  added_at TEXT NOT NULL,"
	"  PRIMARY KEY (alert_id, case_id)) WITHOUT ROWID;"
	"CREATE INDEX alert_cases_case ON alert_cases(case_id, alert_id);"
	"CREATE TRIGGER alert_cases_no_update BEFORE UPDATE ON alert_cases"
	"  BEGIN SELECT RAISE(ABORT, 'a case behind an alert is kept'); END;"
	"CREATE TRIGGER alert_cases_no_delete BEFORE DELETE ON alert_cases"
	"  BEGIN SELECT RAISE(ABORT, 'a case behind an alert is kept'); END;"
	/* What each filing asks, answered from these indexes alone: the cases
	 * of a village and category since a day (and their persons), and the
	 * cases of a person since a day. */
	"CREATE INDEX cases_place_filed ON cases(division, category, filed_at, id_number, phone);"
	"CREATE INDEX cases_id_filed ON cases(id_number, filed_at);"
	"CREATE INDEX cases_phone_filed ON cases(phone, filed_at);";
/* ==== end of early warning ==== */
/* ==== The hall's queue (issue 16 part 1), queue.c ====
 * windows: the numbered windows of the hall (windows.csv), each in a
 * group (A, B, ...) that shares one line of tickets.  tickets: numbered
 * per group per local day without gaps (the number is taken inside the
 * write transaction); no personal data, at most a link to the case it
 * concerns.  state waiting -> called -> served | no_show | transferred;
 * a waiting ticket with a window is for that window only (a transfer).
 * Every write is a "ticket" event carrying the row.  tickets_board lets
 * a hall board read "now calling" and "next" from the index alone. */
static const char *const migration_4_queue =
	"CREATE TABLE windows("
	"  number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 999),"
	"  grp TEXT NOT NULL CHECK (grp GLOB '[A-Z]'),"
	"  name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  departments TEXT NOT NULL DEFAULT '',"   /* codes, one space between */
	"  active INTEGER NOT NULL DEFAULT 1);"
	"CREATE TABLE tickets("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL,"                      /* local YYYY-MM-DD */
	"  grp TEXT NOT NULL,"
	"  number INTEGER NOT NULL CHECK (number > 0),"
	"  reason TEXT NOT NULL CHECK (reason IN ('filing','question','help','checkin','transfer')),"
	"  case_id INTEGER REFERENCES cases(id),"
	"  department TEXT REFERENCES departments(code),"
	"  state TEXT NOT NULL DEFAULT 'waiting'"
	"    CHECK (state IN ('waiting','called','served','no_show','transferred')),"
	"  at_window INTEGER,"                      /* called at; waiting: only for */
	"  from_ticket INTEGER REFERENCES tickets(id),"
	"  taken_at TEXT NOT NULL, taken_by TEXT NOT NULL,"
	"  called_at TEXT, called_by TEXT,"
	"  calls INTEGER NOT NULL DEFAULT 0,"
	"  served_at TEXT,"
	"  closed_at TEXT, closed_by TEXT,"
	"  UNIQUE (day, grp, number));"
	"CREATE INDEX tickets_board ON tickets(day, state, called_at);"
	"CREATE INDEX tickets_line ON tickets(day, grp, state, id);"
	"CREATE INDEX tickets_case ON tickets(case_id) WHERE case_id IS NOT NULL;"
	"CREATE TRIGGER tickets_taken_kept BEFORE UPDATE OF"
	"  id, day, grp, number, reason, from_ticket, taken_at, taken_by ON tickets"
	"  BEGIN SELECT RAISE(ABORT, 'a ticket once taken keeps its number'); END;"
	"CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets"
	"  BEGIN SELECT RAISE(ABORT, 'a ticket once taken is kept'); END;";
/* ==== end of the hall's queue ==== */

/* ==== SMS notices (issue 16 part 4), sms.c and sms_send.c ====
 * sms_consent: the citizen said yes to short messages at filing, for
 * this phone (a row of its own: the case's row is sealed in the chain;
 * the filing event carries a copy).  sms_outbox: each message queued in
 * the transaction of the event that caused it, sent later by
 * 'jrc sms send'; attempts, next_try_at and the outcome are updated in
 * place.  A reminder is queued once per booking (the unique index). */
static const char *const migration_4_sms =
	"CREATE TABLE sms_consent("
	"  case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  phone TEXT NOT NULL,"
	"  given_at TEXT NOT NULL);"
	"CREATE TABLE sms_outbox("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  kind TEXT NOT NULL CHECK (kind IN"
	"    ('filed','booking','reminder','accepted','declined','answered')),"
	"  booking_id INTEGER REFERENCES bookings(id),"
	"  phone TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  queued_at TEXT NOT NULL,"
	"  due_at TEXT NOT NULL,"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_try_at TEXT NOT NULL,"
	"  sent_at TEXT, failed_at TEXT, last_error TEXT);"
	"CREATE INDEX sms_outbox_due ON sms_outbox(next_try_at)"
	"  WHERE sent_at IS NULL AND failed_at IS NULL;"
	"CREATE INDEX sms_outbox_case ON sms_outbox(case_id);"
	"CREATE UNIQUE INDEX sms_outbox_reminder ON sms_outbox(booking_id)"
	"  WHERE kind = 'reminder';"
	"CREATE TRIGGER sms_outbox_queued_kept BEFORE UPDATE OF"
	"  id, case_id, kind, booking_id, phone, text, queued_at ON sms_outbox"
	"  BEGIN SELECT RAISE(ABORT, 'a queued message keeps its text'); END;";
/* ==== end of SMS notices ==== */
/* ==== Appointments and check-in (issue 16 part 2), roster_checkin.c ====
 * windows.rooms: the rooms (schedule.csv's room, ';' between) whose
 * citizens, checking in for an appointment, take a number of this
 * window's group.  A room no window lists goes to the general
 * reception's group. */
static const char *const migration_4_checkin =
	"ALTER TABLE windows ADD COLUMN rooms TEXT NOT NULL DEFAULT '';";
/* ==== end of appointments and check-in ==== */
/* Help from staff (help.h): a citizen's unfinished draft kept for the
 * front desk under a "help" ticket.  The draft is personal data kept only
 * until a clerk files it or it expires: rows are deleted (under
 * secure_delete), not kept, so there is no delete-prevention trigger and
 * no event covers them.  step and category are what staff may see in the
 * list without opening the draft. */
static const char *const migration_4_help =
	"CREATE TABLE help_requests("
	"  id INTEGER PRIMARY KEY,"
	"  ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),"
	"  draft TEXT NOT NULL,"
	"  step INTEGER NOT NULL DEFAULT 0,"
	"  category TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL, expires_at TEXT NOT NULL,"
	"  claimed_at TEXT, claimed_by TEXT);"
	"CREATE INDEX help_requests_expiry ON help_requests(expires_at);";
/* ==== end of help from staff ==== */

/* The hall's board (board.c): today's acceptances and answers are counted
 * from the steps by target state and time, not by reading every step. */
static const char *const migration_4_board =
	"CREATE INDEX lifecycle_steps_day ON lifecycle_steps(to_state, at);";

/* Version 4: the fifth round (figures for policy, the hall).  Version 3
 * has shipped: a new capability adds its block above and its line here. */
const char *const db_schema_version_4[] = {
	migration_4_tallies,         /* figures for policy */
	migration_4_alerts,          /* early warning */
	migration_4_queue,           /* the hall's queue */
	migration_4_sms,             /* SMS notices */
	migration_4_board,           /* the hall's board */
	migration_4_checkin,         /* appointments and check-in */
	migration_4_help,            /* help from staff */
	NULL
};

/* ==== figures, version 5 ==== */
/* A write counts into tally_day alone and keeps its numbers there as
 * pending until tally_fold adds them to the month, all-time and total
 * tables (figures/tally.c): one upsert a write instead of four.  The rows
 * a database has are folded already. */
static const char *const migration_5_tally_fold =
	"ALTER TABLE tally_day ADD COLUMN p_n INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_answered INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_on_time INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_rated INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_satisfied INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_v_satisfied INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_v_basic INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_v_unsatisfied INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN p_overdue INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tally_day ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX tally_day_dirty ON tally_day(dirty) WHERE dirty;";
/* ==== end of figures, version 5 ==== */

/* ==== Sites and the three levels (三级联动), site.c and handling.c ====
 * sites: the county center, the township centers, village points
 * (sites.csv; one not listed any more stays for its cases, inactive).
 * case_handling: a case's current handling site (assigned down or
 * escalated), its internal by-date, and the departments handling it
 * jointly; one row per case, updated in place, every change carried by
 * its event.  handling_steps: each assignment, escalation, joint
 * handling and part added, kept as written.  The statutory state and
 * deadlines are the lifecycle's and are not touched. */
static const char *const migration_5_sites =
	"CREATE TABLE sites("
	"  code TEXT PRIMARY KEY,"
	"  level TEXT NOT NULL CHECK (level IN ('county','township','village')),"
	"  parent TEXT REFERENCES sites(code),"
	"  division TEXT NOT NULL REFERENCES divisions(code),"
	"  name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  address TEXT NOT NULL DEFAULT '',"
	"  sort INTEGER NOT NULL DEFAULT 0,"
	"  active INTEGER NOT NULL DEFAULT 1);"
	"CREATE TABLE case_handling("
	"  case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  site TEXT NOT NULL,"
	"  by_on TEXT NOT NULL DEFAULT '',"
	"  lead TEXT NOT NULL DEFAULT '',"
	"  partners TEXT NOT NULL DEFAULT '',"   /* codes, one space between */
	"  updated_at TEXT NOT NULL);"
	"CREATE INDEX case_handling_site ON case_handling(site);"
	"CREATE TABLE handling_steps("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('assigned','escalated','joint','joint_part')),"
	"  from_site TEXT NOT NULL DEFAULT '', to_site TEXT NOT NULL DEFAULT '',"
	"  by_on TEXT NOT NULL DEFAULT '', department TEXT NOT NULL DEFAULT '',"
	"  partners TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',"
	"  at TEXT NOT NULL, actor TEXT NOT NULL);"
	"CREATE INDEX handling_steps_case ON handling_steps(case_id, id);"
	"CREATE TRIGGER handling_steps_no_update BEFORE UPDATE ON handling_steps"
	"  BEGIN SELECT RAISE(ABORT, 'a handling step is kept as written'); END;"
	"CREATE TRIGGER handling_steps_no_delete BEFORE DELETE ON handling_steps"
	"  BEGIN SELECT RAISE(ABORT, 'a handling step is kept as written'); END;";
/* ==== end of sites and the three levels ==== */

/* Version 5: the sixth round.  Version 4 has shipped: a new capability
 * adds its block above and its line here. */
const char *const db_schema_version_5[] = {
	migration_5_tally_fold,      /* one summary row a write */
	migration_5_sites,           /* sites and the three levels */
	NULL
};

/* Version 6: the seventh round.  A truth value is compared with 0 in a
 * condition, which both storage engines read alike (PostgreSQL, issue 15,
 * takes no number as a condition): the pending rows' index says so too,
 * so that the statements that use it still match its condition. */
static const char *const migration_6_truth =
	"DROP INDEX tally_day_dirty;"
	"CREATE INDEX tally_day_dirty ON tally_day(dirty) WHERE dirty <> 0;";

const char *const db_schema_version_6[] = {
	migration_6_truth,
	NULL
};

/* Version 7: a filing's token (issue 15).  A filing that reached a server
 * whose answer was lost with the connection is found by its token when it
 * is tried again, so the citizen gets that case rather than a second one.
 * Random, drawn per draft; not part of the record (no event covers it). */
static const char *const migration_7_token =
	"ALTER TABLE cases ADD COLUMN filing_token TEXT;"
	"CREATE UNIQUE INDEX cases_filing_token ON cases(filing_token);";

const char *const db_schema_version_7[] = {
	migration_7_token,
	NULL
};
