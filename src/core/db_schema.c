/* The schema, as a list of migrations.  Migration N brings a database from
 * user_version N-1 to N.  Append; never edit a migration that has shipped. */
#include <stddef.h>

#include "db_internal.h"

static const char *const migration_1 =
	"CREATE TABLE settings("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"
	"CREATE TABLE categories("
	"  code TEXT PRIMARY KEY,"
	"  name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  description_zh TEXT NOT NULL, description_en TEXT NOT NULL,"
	"  channel_zh TEXT NOT NULL DEFAULT '', channel_en TEXT NOT NULL DEFAULT '',"
	"  sort INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE departments("
	"  code TEXT PRIMARY KEY,"
	"  name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  window TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
	"  sort INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE divisions("
	"  code TEXT PRIMARY KEY,"
	"  parent TEXT REFERENCES divisions(code),"
	"  level TEXT NOT NULL CHECK (level IN ('county','township','village')),"
	"  name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  sort INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX divisions_parent ON divisions(parent, sort);"
	"CREATE TABLE routing("
	"  category TEXT NOT NULL REFERENCES categories(code),"
	"  division TEXT NOT NULL DEFAULT '*',"
	"  department TEXT NOT NULL REFERENCES departments(code),"
	"  level TEXT NOT NULL CHECK (level IN ('county','township','village')),"
	"  PRIMARY KEY (category, division)) WITHOUT ROWID;"
	"CREATE TABLE day_seq("
	"  site TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,"
	"  PRIMARY KEY (site, day)) WITHOUT ROWID;"
	"CREATE TABLE cases("
	"  id INTEGER PRIMARY KEY,"
	"  receipt TEXT NOT NULL UNIQUE,"
	"  query_code TEXT NOT NULL,"
	"  site TEXT NOT NULL,"
	"  category TEXT NOT NULL REFERENCES categories(code),"
	"  division TEXT NOT NULL REFERENCES divisions(code),"
	"  department TEXT NOT NULL REFERENCES departments(code),"
	"  level TEXT NOT NULL,"
	"  anonymous INTEGER NOT NULL DEFAULT 0,"
	"  name TEXT, id_kind TEXT, id_number TEXT, phone TEXT,"
	"  text TEXT NOT NULL, outcome TEXT,"
	"  channel TEXT NOT NULL DEFAULT 'cli',"
	"  staff_id TEXT,"
	"  lang TEXT NOT NULL DEFAULT 'zh',"
	"  filed_at TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  state_at TEXT NOT NULL,"
	"  due_on TEXT,"
	"  accept_by TEXT NOT NULL,"
	"  extended INTEGER NOT NULL DEFAULT 0,"
	"  answer TEXT,"
	"  related_case INTEGER REFERENCES cases(id));"
	"CREATE INDEX cases_state_due ON cases(state, due_on);"
	"CREATE INDEX cases_department ON cases(department, state, due_on);"
	"CREATE INDEX cases_due ON cases(due_on);"
	"CREATE INDEX cases_filed ON cases(filed_at);"
	"CREATE INDEX cases_id_number ON cases(id_number, category);"
	"CREATE INDEX cases_phone ON cases(phone);"
	"CREATE INDEX cases_name ON cases(name);"
	"CREATE INDEX cases_category ON cases(category, state, due_on);"
	/* The event log: append-only, each row chained to the one before by
	 * SHA-256 (audit.c).  Triggers stop casual edits; the chain catches
	 * the rest. */
	"CREATE TABLE events("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  case_id INTEGER REFERENCES cases(id),"
	"  from_state TEXT, to_state TEXT,"
	"  note TEXT,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL);"
	"CREATE INDEX events_case ON events(case_id, id);"
	"CREATE INDEX events_kind ON events(kind, at);"
	"CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
	"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
	"CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
	"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
	"CREATE TABLE holidays("
	"  day TEXT PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),"
	"  name TEXT NOT NULL DEFAULT '') WITHOUT ROWID;";

/* Tables of the roster: hosts, schedules, bookings (roster.c). */
static const char *const migration_1_roster =
	/* Hosts are upserted from roster.csv; one no longer listed stays (its
	 * bookings refer to it) but is no longer offered. */
	"CREATE TABLE hosts("
	"  id TEXT PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('mediator','lawyer','leader')),"
	"  name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',"
	"  title TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',"
	"  specialties TEXT NOT NULL DEFAULT '',"
	"  languages TEXT NOT NULL DEFAULT '',"
	"  legal_aid INTEGER NOT NULL DEFAULT 0,"
	"  blurb TEXT NOT NULL DEFAULT '', blurb_en TEXT NOT NULL DEFAULT '',"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  sort INTEGER NOT NULL DEFAULT 0);"
	/* A weekly rule (weekday 1 = Monday .. 7) or one dated day; times in
	 * minutes after local midnight.  Replaced wholesale on import. */
	"CREATE TABLE schedules("
	"  id INTEGER PRIMARY KEY,"
	"  host TEXT NOT NULL REFERENCES hosts(id),"
	"  weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),"
	"  day TEXT,"
	"  start_min INTEGER NOT NULL, end_min INTEGER NOT NULL,"
	"  slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),"
	"  room TEXT NOT NULL DEFAULT '', room_en TEXT NOT NULL DEFAULT '',"
	"  topics TEXT NOT NULL DEFAULT '', topics_en TEXT NOT NULL DEFAULT '',"
	"  CHECK ((weekday IS NULL) <> (day IS NULL)),"
	"  CHECK (start_min >= 0 AND start_min < end_min AND end_min <= 1440));"
	"CREATE INDEX schedules_host ON schedules(host);"
	"CREATE INDEX schedules_day ON schedules(day);"
	/* Times are UTC ISO 8601 as clock_format_utc writes them, so equal
	 * instants are equal strings.  The two partial unique indexes are the
	 * guard against double booking: whoever commits second fails. */
	"CREATE TABLE bookings("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  host TEXT NOT NULL REFERENCES hosts(id),"
	"  slot_start TEXT NOT NULL, slot_end TEXT NOT NULL,"
	"  room TEXT NOT NULL DEFAULT '', room_en TEXT NOT NULL DEFAULT '',"
	"  booked_at TEXT NOT NULL, booked_by TEXT NOT NULL,"
	"  cancelled_at TEXT, cancelled_by TEXT);"
	"CREATE UNIQUE INDEX bookings_slot ON bookings(host, slot_start)"
	"  WHERE cancelled_at IS NULL;"
	"CREATE UNIQUE INDEX bookings_one_per_case ON bookings(case_id)"
	"  WHERE cancelled_at IS NULL;"
	"CREATE INDEX bookings_when ON bookings(slot_start);";

/* Print jobs (print.c). */
static const char *const migration_1_print =
	/* Every attempt to print a receipt, whatever became of it: a failed
	 * print leaves the case filed and this row for the desk to act on. */
	"CREATE TABLE print_jobs("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  sink TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  outcome TEXT NOT NULL CHECK (outcome IN ('ok','failed','skipped')),"
	"  error TEXT,"
	"  warning TEXT,"
	"  actor TEXT NOT NULL DEFAULT 'cli');"
	"CREATE INDEX print_jobs_case ON print_jobs(case_id, id);"
	"CREATE INDEX print_jobs_outcome ON print_jobs(outcome, case_id);";

/* Lifecycle: status lookups and their lockout (lifecycle.c, lookup.c). */
static const char *const migration_1_lifecycle =
	/* What each move carried, keyed by its event: the citizen's timeline
	 * reads reasons, legal channels and answers from here rather than
	 * parsing event notes. */
	"CREATE TABLE lifecycle_steps("
	"  event_id INTEGER PRIMARY KEY REFERENCES events(id),"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  at TEXT NOT NULL,"
	"  from_state TEXT NOT NULL, to_state TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  department TEXT NOT NULL,"
	"  reason TEXT, channel TEXT, answer TEXT);"
	"CREATE INDEX lifecycle_steps_case ON lifecycle_steps(case_id, event_id);"
	/* The citizen's verdict on each answer (stage: the answered state). */
	"CREATE TABLE verdicts("
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  stage TEXT NOT NULL CHECK (stage IN"
	"    ('answered','review_answered','rereview_answered')),"
	"  verdict TEXT NOT NULL CHECK (verdict IN ('satisfied','basic','unsatisfied')),"
	"  comment TEXT,"
	"  at TEXT NOT NULL,"
	"  event_id INTEGER NOT NULL REFERENCES events(id),"
	"  PRIMARY KEY (case_id, stage)) WITHOUT ROWID;"
	"CREATE INDEX verdicts_at ON verdicts(at, verdict);"
	/* Every status lookup try, and the locks five failures cause. */
	"CREATE TABLE lookup_attempts("
	"  id INTEGER PRIMARY KEY,"
	"  receipt TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  proof TEXT NOT NULL CHECK (proof IN ('code','phone4')),"
	"  result TEXT NOT NULL CHECK (result IN ('ok','fail','locked')),"
	"  source TEXT NOT NULL);"
	"CREATE INDEX lookup_attempts_receipt ON lookup_attempts(receipt, result, at);"
	"CREATE TABLE lookup_locks("
	"  id INTEGER PRIMARY KEY,"
	"  receipt TEXT NOT NULL,"
	"  locked_at TEXT NOT NULL,"
	"  until TEXT NOT NULL,"
	"  last_attempt INTEGER NOT NULL,"   /* the try that set it */
	"  lifted_at TEXT, lifted_by TEXT);"
	"CREATE INDEX lookup_locks_receipt ON lookup_locks(receipt, until);";

/* Staff accounts and logins (auth.c); the head of the event chain
 * (audit.c), kept apart from the events so that cutting rows off the end
 * of the log shows.  Repeat matters use cases.related_case (repeat.c). */
static const char *const migration_1_auth =
	"CREATE TABLE staff("
	"  id TEXT PRIMARY KEY COLLATE NOCASE,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('desk','handler','supervisor','admin')),"
	"  department TEXT REFERENCES departments(code),"
	"  hash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  failed_count INTEGER NOT NULL DEFAULT 0,"
	"  locked_until TEXT,"
	"  created_at TEXT NOT NULL,"
	"  CHECK (role <> 'handler' OR department IS NOT NULL));"
	"CREATE TABLE audit_head("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  last_id INTEGER NOT NULL,"
	"  hash TEXT NOT NULL);"
	"CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head"
	"  BEGIN SELECT RAISE(ABORT, 'the chain head is kept'); END;";

static const char *const version_1[] = {
	migration_1, migration_1_roster, migration_1_print, migration_1_lifecycle,
	migration_1_auth, NULL
};

/* Issue 11: a verdict once given is kept.  One row per verdict, keyed by
 * its event (a later verdict is a new row, never an overwrite); lookups
 * are counted per terminal as well as per receipt. */
static const char *const migration_2_verdict_rows =
	"CREATE TABLE verdicts_kept("
	"  event_id INTEGER PRIMARY KEY REFERENCES events(id),"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  stage TEXT NOT NULL CHECK (stage IN"
	"    ('answered','review_answered','rereview_answered')),"
	"  verdict TEXT NOT NULL CHECK (verdict IN ('satisfied','basic','unsatisfied')),"
	"  comment TEXT,"
	"  at TEXT NOT NULL);"
	"INSERT INTO verdicts_kept(event_id, case_id, stage, verdict, comment, at)"
	"  SELECT event_id, case_id, stage, verdict, comment, at FROM verdicts;"
	"DROP TABLE verdicts;"
	"ALTER TABLE verdicts_kept RENAME TO verdicts;"
	"CREATE INDEX verdicts_at ON verdicts(at, verdict);"
	"CREATE INDEX verdicts_case ON verdicts(case_id, stage, event_id);"
	"CREATE TRIGGER verdicts_kept_no_update BEFORE UPDATE ON verdicts"
	"  BEGIN SELECT RAISE(ABORT, 'a verdict once given is kept'); END;"
	"CREATE TRIGGER verdicts_kept_no_delete BEFORE DELETE ON verdicts"
	"  BEGIN SELECT RAISE(ABORT, 'a verdict once given is kept'); END;"
	"CREATE INDEX lookup_attempts_source ON lookup_attempts(source, result, at);"
	/* Staff logins at a terminal, counted against the terminal. */
	"CREATE TABLE login_attempts("
	"  id INTEGER PRIMARY KEY,"
	"  terminal TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  result TEXT NOT NULL CHECK (result IN ('ok','fail','unknown')),"
	"  logged INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX login_attempts_terminal ON login_attempts(terminal, result, at);"
	/* A category dropped from categories.csv stays for its cases. */
	"ALTER TABLE categories ADD COLUMN active INTEGER NOT NULL DEFAULT 1;";

/* The keyed record (issue 11, audit.c, audit_cover.c, anchor.c): each
 * event carries the rows it vouches for (payload) and says how it is
 * hashed (scheme 1: plain SHA-256, the events written before; 2: keyed);
 * anchors are the chain heads given to the supervisor on paper. */
static const char *const migration_2_record =
	"ALTER TABLE events ADD COLUMN payload TEXT;"
	"ALTER TABLE events ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1;"
	"CREATE TABLE anchors("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  events INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  actor TEXT NOT NULL);"
	"CREATE TRIGGER anchors_no_update BEFORE UPDATE ON anchors"
	"  BEGIN SELECT RAISE(ABORT, 'anchors are append-only'); END;"
	"CREATE TRIGGER anchors_no_delete BEFORE DELETE ON anchors"
	"  BEGIN SELECT RAISE(ABORT, 'anchors are append-only'); END;";

/* issue 12: the phrase builder's sentences (data/phrases.csv). */
static const char *const migration_2_phrases =
	"CREATE TABLE phrases("
	"  category TEXT NOT NULL REFERENCES categories(code),"
	"  kind TEXT NOT NULL,"
	"  zh TEXT NOT NULL, en TEXT NOT NULL,"
	"  sort INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX phrases_by_category ON phrases(category, sort);";

/* Issue 13: advice for a citizen whose matter is already before a court
 * or arbitration, beside the advice for a new filing (channel_*). */
static const char *const migration_2_court_advice =
	"ALTER TABLE categories ADD COLUMN court_zh TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE categories ADD COLUMN court_en TEXT NOT NULL DEFAULT '';";

/* Issue 14: what a print job printed, so a review slip that failed is
 * listed with the receipts that did (jrc print --failed, the desk). */
static const char *const migration_2_print_document =
	"ALTER TABLE print_jobs ADD COLUMN document TEXT NOT NULL DEFAULT 'receipt'"
	"  CHECK (document IN ('receipt','review_slip'));";
/* Issue 13: the desk marks a citizen arrived for an appointment.  One
 * row per booking, covered by its "arrived" event; kept once written. */
static const char *const migration_2_arrivals =
	"CREATE TABLE arrivals("
	"  booking_id INTEGER PRIMARY KEY REFERENCES bookings(id),"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  arrived_at TEXT NOT NULL,"
	"  arrived_by TEXT NOT NULL);"
	"CREATE INDEX arrivals_case ON arrivals(case_id);"
	"CREATE TRIGGER arrivals_no_update BEFORE UPDATE ON arrivals"
	"  BEGIN SELECT RAISE(ABORT, 'an arrival once recorded is kept'); END;"
	"CREATE TRIGGER arrivals_no_delete BEFORE DELETE ON arrivals"
	"  BEGIN SELECT RAISE(ABORT, 'an arrival once recorded is kept'); END;"
	/* Departments by a short name too (人社局), for the desk's filter. */
	"ALTER TABLE departments ADD COLUMN short_zh TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE departments ADD COLUMN short_en TEXT NOT NULL DEFAULT '';";
/* Issue 13: an example of what a citizen may ask for, per category, for
 * the "what would you like" step. */
static const char *const migration_2_outcome_example =
	"ALTER TABLE categories ADD COLUMN outcome_zh TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE categories ADD COLUMN outcome_en TEXT NOT NULL DEFAULT '';";

/* Issue 21: supervision notices (supervise.c).  A row is written when
 * the notice is issued and filled in by the acknowledgement and the reply,
 * each an event that carries the row; what was issued never changes. */
static const char *const migration_2_supervisions =
	"CREATE TABLE supervisions("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  department TEXT NOT NULL REFERENCES departments(code),"
	"  note TEXT NOT NULL,"
	"  by_on TEXT NOT NULL,"
	"  issued_at TEXT NOT NULL, issued_by TEXT NOT NULL,"
	"  acked_at TEXT, acked_by TEXT,"
	"  reply TEXT, replied_at TEXT, replied_by TEXT,"
	"  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)));"
	"CREATE INDEX supervisions_case ON supervisions(case_id, id);"
	"CREATE INDEX supervisions_department ON supervisions(department, replied_at);"
	"CREATE TRIGGER supervisions_issued_kept BEFORE UPDATE OF"
	"  case_id, department, note, by_on, issued_at, issued_by ON supervisions"
	"  BEGIN SELECT RAISE(ABORT, 'a supervision notice once issued is kept'); END;"
	"CREATE TRIGGER supervisions_no_delete BEFORE DELETE ON supervisions"
	"  BEGIN SELECT RAISE(ABORT, 'a supervision notice once issued is kept'); END;";

/* Version 2, the second and third rounds, shipped together: closed now.
 * A new capability starts version_3[] (and adds it to migrations[]), so
 * that a database already at version 2 gets it too. */
static const char *const version_2[] = {
	migration_2_verdict_rows,
	migration_2_record,
	migration_2_phrases,
	migration_2_court_advice,
	migration_2_print_document,
	migration_2_arrivals,
	migration_2_outcome_example,
	migration_2_supervisions,
	NULL
};

/* ---- Version 3, issue 21 part 1: public appraisal hearings (hearing.c).
 * Panel members (roster.csv kind "panel") are kept apart from the hosts a
 * citizen may book; department is the one they belong to, if any (they
 * may not sit on that department's cases).  A hearing row is written when
 * scheduled; the record fills it in step by step, each step an event that
 * carries the row; once concluded nothing of it changes.  Each panel seat
 * is a row of its own with the member's opinion. ---- */
static const char *const migration_3_hearings =
	"CREATE TABLE panelists("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',"
	"  title TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',"
	"  department TEXT REFERENCES departments(code),"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  sort INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE hearings("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  department TEXT NOT NULL,"
	"  held_on TEXT NOT NULL, at_time TEXT NOT NULL, place TEXT NOT NULL,"
	"  citizen TEXT NOT NULL, representative TEXT NOT NULL,"
	"  scheduled_at TEXT NOT NULL, scheduled_by TEXT NOT NULL,"
	"  attended TEXT, citizen_said TEXT, department_said TEXT,"
	"  conclusion TEXT CHECK (conclusion IN"
	"    ('reasonable','basic','unreasonable','tie','too_few')),"
	"  recorded_at TEXT, recorded_by TEXT);"
	"CREATE INDEX hearings_case ON hearings(case_id, id);"
	"CREATE INDEX hearings_day ON hearings(held_on);"
	"CREATE TRIGGER hearings_kept BEFORE UPDATE ON hearings"
	"  WHEN OLD.conclusion IS NOT NULL OR NEW.case_id IS NOT OLD.case_id"
	"  OR NEW.department IS NOT OLD.department OR NEW.held_on IS NOT OLD.held_on"
	"  OR NEW.at_time IS NOT OLD.at_time OR NEW.place IS NOT OLD.place"
	"  OR NEW.citizen IS NOT OLD.citizen OR NEW.representative IS NOT OLD.representative"
	"  OR NEW.scheduled_at IS NOT OLD.scheduled_at OR NEW.scheduled_by IS NOT OLD.scheduled_by"
	"  OR (OLD.attended IS NOT NULL AND NEW.attended IS NOT OLD.attended)"
	"  OR (OLD.citizen_said IS NOT NULL AND NEW.citizen_said IS NOT OLD.citizen_said)"
	"  OR (OLD.department_said IS NOT NULL AND NEW.department_said IS NOT OLD.department_said)"
	"  BEGIN SELECT RAISE(ABORT, 'a hearing once scheduled or recorded is kept'); END;"
	"CREATE TRIGGER hearings_no_delete BEFORE DELETE ON hearings"
	"  BEGIN SELECT RAISE(ABORT, 'a hearing once scheduled is kept'); END;"
	"CREATE TABLE hearing_panel("
	"  id INTEGER PRIMARY KEY,"
	"  hearing_id INTEGER NOT NULL REFERENCES hearings(id),"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  seat INTEGER NOT NULL,"
	"  member TEXT NOT NULL REFERENCES panelists(id),"
	"  name TEXT NOT NULL, title TEXT NOT NULL,"
	"  opinion TEXT CHECK (opinion IN ('reasonable','basic','unreasonable','absent')),"
	"  reason TEXT,"
	"  UNIQUE (hearing_id, seat), UNIQUE (hearing_id, member));"
	"CREATE TRIGGER hearing_panel_kept BEFORE UPDATE ON hearing_panel"
	"  WHEN OLD.opinion IS NOT NULL OR NEW.hearing_id IS NOT OLD.hearing_id"
	"  OR NEW.case_id IS NOT OLD.case_id OR NEW.seat IS NOT OLD.seat"
	"  OR NEW.member IS NOT OLD.member OR NEW.name IS NOT OLD.name"
	"  OR NEW.title IS NOT OLD.title"
	"  BEGIN SELECT RAISE(ABORT, 'a panel member and an opinion once given are kept'); END;"
	"CREATE TRIGGER hearing_panel_no_delete BEFORE DELETE ON hearing_panel"
	"  BEGIN SELECT RAISE(ABORT, 'a panel member once named is kept'); END;";
/* ---- end of issue 21 part 1 (hearings) ---- */

/* ---- Lawful termination (依法终结), terminate.c ----------------------
 * The state "terminated" needs no column (a case's state is text and its
 * step is a lifecycle_steps row).  A later filing by the same person on
 * the same category and place is linked to the concluded matter in the
 * filing's transaction: one row per linked case, written once, carried
 * by its "concluded_link" event (audit_cover.c), never changed. */
static const char *const migration_3_concluded_links =
	"CREATE TABLE concluded_links("
	"  case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  concluded_case INTEGER NOT NULL REFERENCES cases(id),"
	"  linked_at TEXT NOT NULL);"
	"CREATE INDEX concluded_links_concluded ON concluded_links(concluded_case);"
	"CREATE TRIGGER concluded_links_kept BEFORE UPDATE ON concluded_links"
	"  BEGIN SELECT RAISE(ABORT, 'a link to a concluded matter once made is kept'); END;"
	"CREATE TRIGGER concluded_links_no_delete BEFORE DELETE ON concluded_links"
	"  BEGIN SELECT RAISE(ABORT, 'a link to a concluded matter once made is kept'); END;";
/* ---- end of lawful termination --------------------------------------- */

/* ==== Visits and surveys (issue: leaders go down and ask) ====
 * Leaders' visits (visit.c): planned rows never change, a cancellation
 * fills in the cancelled_* columns; each write is an event carrying the
 * row.  visit_matters links a case to the visit it was raised or found
 * on (a found matter has no complainant). */
static const char *const migration_3_visits =
	"CREATE TABLE visits("
	"  id INTEGER PRIMARY KEY,"
	"  host TEXT NOT NULL REFERENCES hosts(id),"
	"  day TEXT NOT NULL,"
	"  start_min INTEGER NOT NULL, end_min INTEGER NOT NULL,"
	"  slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),"
	"  township TEXT NOT NULL REFERENCES divisions(code),"
	"  village TEXT REFERENCES divisions(code),"
	"  place TEXT NOT NULL, place_en TEXT NOT NULL DEFAULT '',"
	"  topics TEXT NOT NULL DEFAULT '',"
	"  accompany TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
	"  cancelled_at TEXT, cancelled_by TEXT, cancel_reason TEXT,"
	"  CHECK (start_min >= 0 AND start_min < end_min AND end_min <= 1440));"
	"CREATE INDEX visits_day ON visits(day, start_min);"
	"CREATE INDEX visits_township ON visits(township, day);"
	"CREATE TRIGGER visits_planned_kept BEFORE UPDATE OF"
	"  id, host, day, start_min, end_min, slot_minutes, township, village, place, place_en,"
	"  topics, accompany, created_at, created_by ON visits"
	"  BEGIN SELECT RAISE(ABORT, 'a visit once planned is kept: cancel it and add another'); END;"
	"CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits"
	"  BEGIN SELECT RAISE(ABORT, 'a visit once planned is kept'); END;"
	"CREATE TABLE visit_matters("
	"  case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  visit_id INTEGER NOT NULL REFERENCES visits(id),"
	"  found INTEGER NOT NULL DEFAULT 0 CHECK (found IN (0, 1)),"
	"  on_spot INTEGER NOT NULL DEFAULT 0 CHECK (on_spot IN (0, 1)),"
	"  recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);"
	"CREATE INDEX visit_matters_visit ON visit_matters(visit_id, case_id);"
	"CREATE TRIGGER visit_matters_no_update BEFORE UPDATE ON visit_matters"
	"  BEGIN SELECT RAISE(ABORT, 'a visit matter once recorded is kept'); END;"
	"CREATE TRIGGER visit_matters_no_delete BEFORE DELETE ON visit_matters"
	"  BEGIN SELECT RAISE(ABORT, 'a visit matter once recorded is kept'); END;";
/* Opinion surveys (survey.c).  What a citizen answers is anonymous: the
 * day and the township, nothing else, no session, no case.  A kiosk
 * writes an answer set to survey_pending; the daily seal (jrc tick, and
 * closing a survey) moves them to survey_answers / service_ratings in a
 * random order, each with an event dated the day that carries the row, so
 * that neither the log's order nor its times tie an answer to a case. */
static const char *const migration_3_surveys =
	"CREATE TABLE surveys("
	"  id INTEGER PRIMARY KEY,"
	"  title_zh TEXT NOT NULL, title_en TEXT NOT NULL,"
	"  sites TEXT NOT NULL DEFAULT '',"          /* township codes; '' every site */
	"  start_day TEXT NOT NULL, end_day TEXT NOT NULL,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
	"  closed_at TEXT, closed_by TEXT);"
	"CREATE TRIGGER surveys_no_delete BEFORE DELETE ON surveys"
	"  BEGIN SELECT RAISE(ABORT, 'a survey once made is kept'); END;"
	"CREATE TRIGGER surveys_kept BEFORE UPDATE OF"
	"  id, title_zh, title_en, sites, start_day, end_day, created_at, created_by ON surveys"
	"  BEGIN SELECT RAISE(ABORT, 'a survey once made is kept'); END;"
	"CREATE TABLE survey_questions("
	"  survey_id INTEGER NOT NULL REFERENCES surveys(id),"
	"  n INTEGER NOT NULL,"
	"  text_zh TEXT NOT NULL, text_en TEXT NOT NULL,"
	"  answers_zh TEXT NOT NULL, answers_en TEXT NOT NULL,"   /* ';' between */
	"  PRIMARY KEY (survey_id, n)) WITHOUT ROWID;"
	"CREATE TRIGGER survey_questions_no_update BEFORE UPDATE ON survey_questions"
	"  BEGIN SELECT RAISE(ABORT, 'a survey once made is kept'); END;"
	"CREATE TRIGGER survey_questions_no_delete BEFORE DELETE ON survey_questions"
	"  BEGIN SELECT RAISE(ABORT, 'a survey once made is kept'); END;"
	/* kind: survey (survey_id, answers "2,1,3") or service (answers "1"..."3"). */
	"CREATE TABLE survey_pending("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('survey','service')),"
	"  survey_id INTEGER REFERENCES surveys(id),"
	"  day TEXT NOT NULL, township TEXT NOT NULL,"
	"  answers TEXT NOT NULL);"
	"CREATE TABLE survey_answers("
	"  id INTEGER PRIMARY KEY,"
	"  survey_id INTEGER NOT NULL REFERENCES surveys(id),"
	"  day TEXT NOT NULL, township TEXT NOT NULL,"
	"  answers TEXT NOT NULL);"
	"CREATE INDEX survey_answers_survey ON survey_answers(survey_id, township);"
	"CREATE TRIGGER survey_answers_no_update BEFORE UPDATE ON survey_answers"
	"  BEGIN SELECT RAISE(ABORT, 'an answer once given is kept'); END;"
	"CREATE TRIGGER survey_answers_no_delete BEFORE DELETE ON survey_answers"
	"  BEGIN SELECT RAISE(ABORT, 'an answer once given is kept'); END;"
	"CREATE TABLE service_ratings("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL, township TEXT NOT NULL,"
	"  rating TEXT NOT NULL CHECK (rating IN ('satisfied','basic','unsatisfied')));"
	"CREATE INDEX service_ratings_day ON service_ratings(day, township);"
	"CREATE TRIGGER service_ratings_no_update BEFORE UPDATE ON service_ratings"
	"  BEGIN SELECT RAISE(ABORT, 'a rating once given is kept'); END;"
	"CREATE TRIGGER service_ratings_no_delete BEFORE DELETE ON service_ratings"
	"  BEGIN SELECT RAISE(ABORT, 'a rating once given is kept'); END;";
/* ==== end of visits and surveys ==== */

/* Version 3: the fourth round.  Each capability adds its migrations in its
 * own block above and its line here. */
static const char *const version_3[] = {
	migration_3_hearings,        /* public hearings */
	migration_3_concluded_links, /* lawful termination */
	migration_3_visits,          /* visits and surveys */
	migration_3_surveys,         /* visits and surveys */
	NULL
};

/* Each migration is a list of SQL scripts run in order in one transaction. */
static const char *const *const migrations[] = {
	version_1,
	version_2,
	version_3,
	db_schema_version_4,
	db_schema_version_5,
	db_schema_version_6,
	db_schema_version_7,
};

int db_schema_version(void)
{
	return (int)(sizeof(migrations) / sizeof(migrations[0]));
}

const char *const *db_schema_migration(int to_version)
{
	if (to_version < 1 || to_version > db_schema_version())
		return NULL;
	return migrations[to_version - 1];
}
