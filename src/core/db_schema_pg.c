/* The PostgreSQL form of schema version 6: what migrations 1 to 6
 * (db_schema.c, db_schema_v4.c) leave in an SQLite file, laid out at once
 * on an empty PostgreSQL database (db_pg.c runs db_schema_pg_json, this,
 * then the roles, in one transaction).  The same tables, columns in the
 * same order, defaults, checks, keys and indexes; INTEGER is bigint, a
 * rowid alias an identity; references are DEFERRABLE so that
 * db_defer_foreign_keys can defer them (SET CONSTRAINTS ALL DEFERRED).
 * Each SQLite trigger is a trigger calling jrc_kept(), which refuses
 * with the trigger's own words; a table whose rows may not be deleted may
 * not be truncated either.  staff.id compares without case as SQLite's
 * COLLATE NOCASE does (ASCII IDs, auth.c), through an ICU collation.
 * jrc_local_day() and jrc_today() are the functions SQLite has from
 * db_functions.c; schema_version stands for PRAGMA user_version.
 *
 * When a migration is added to SQLite's list, this file says its final
 * state too, and schema_version its number. */
#include <stddef.h>

#include "db_internal.h"

/* The four tables of the figures: the same counts under the same key,
 * by day (with the pending numbers), by month, all time, and all time
 * without the place. */
#define PG_TALLY_TABLE(name, first, pending, pkey) \
	"CREATE TABLE " name "(" first \
	" site text NOT NULL, category text NOT NULL, division text NOT NULL," \
	" department text NOT NULL, state text NOT NULL, source text NOT NULL," \
	" n bigint NOT NULL DEFAULT 0, answered bigint NOT NULL DEFAULT 0," \
	" on_time bigint NOT NULL DEFAULT 0, rated bigint NOT NULL DEFAULT 0," \
	" satisfied bigint NOT NULL DEFAULT 0, v_satisfied bigint NOT NULL DEFAULT 0," \
	" v_basic bigint NOT NULL DEFAULT 0, v_unsatisfied bigint NOT NULL DEFAULT 0," \
	" overdue bigint NOT NULL DEFAULT 0," pending \
	" PRIMARY KEY (" pkey "site, category, division, department, state, source));"
#define PG_TALLY_PENDING \
	" p_n bigint NOT NULL DEFAULT 0, p_answered bigint NOT NULL DEFAULT 0," \
	" p_on_time bigint NOT NULL DEFAULT 0, p_rated bigint NOT NULL DEFAULT 0," \
	" p_satisfied bigint NOT NULL DEFAULT 0, p_v_satisfied bigint NOT NULL DEFAULT 0," \
	" p_v_basic bigint NOT NULL DEFAULT 0, p_v_unsatisfied bigint NOT NULL DEFAULT 0," \
	" p_overdue bigint NOT NULL DEFAULT 0, dirty bigint NOT NULL DEFAULT 0,"

const char *const db_schema_pg[] = {
	/* ---- The functions SQLite has from db_functions.c ---- */
	/* jrc_zone(): the site's time zone, as the program's clock has it
	 * (the timezone setting, Asia/Shanghai by default). */
	"CREATE FUNCTION jrc_zone() RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$\n"
	"BEGIN\n"
	"	RETURN coalesce((SELECT value FROM settings WHERE key = 'timezone'), 'Asia/Shanghai');\n"
	"END $$;",
	/* jrc_local_day(utc): the local date of an instant written as
	 * clock_parse reads it (a date, then a time, then Z or an offset;
	 * without one the time is local); NULL for NULL or junk. */
	"CREATE FUNCTION jrc_local_day(utc text) RETURNS text\n"
	"LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$\n"
	"DECLARE\n"
	"	m text[];\n"
	"	t timestamp;\n"
	"BEGIN\n"
	"	m := regexp_match(utc, '^\\s*(\\d{4}-\\d{2}-\\d{2})'\n"
	"		'(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d*)?)?)?'\n"
	"		'(?:([Zz])\\s*$|([+-])(\\d{2})(?::?$|:?(\\d{2})\\s*$)|\\s*$)');\n"
	"	IF m IS NULL OR m[2]::int > 23 OR m[3]::int > 59 OR m[4]::int > 60\n"
	"	    OR m[7]::int > 14 OR m[8]::int > 59 THEN\n"
	"		RETURN NULL;\n"
	"	END IF;\n"
	"	t := m[1]::date + make_interval(hours => coalesce(m[2], '0')::int,\n"
	"		mins => coalesce(m[3], '0')::int, secs => coalesce(m[4], '0')::int);\n"
	"	IF m[5] IS NULL AND m[6] IS NULL THEN\n"
	"		RETURN to_char(t, 'YYYY-MM-DD');\n"
	"	END IF;\n"
	"	IF m[6] IS NOT NULL THEN\n"
	"		t := t - (m[6] || '1')::int * make_interval(hours => m[7]::int,\n"
	"			mins => coalesce(m[8], '0')::int);\n"
	"	END IF;\n"
	"	RETURN to_char((t AT TIME ZONE 'UTC') AT TIME ZONE jrc_zone(),\n"
	"		'YYYY-MM-DD');\n"
	"EXCEPTION WHEN others THEN\n"
	"	RETURN NULL;\n"
	"END $$;",
	/* jrc_today(): the day our clock says (db_pg.c sets jrc.today), else
	 * the server's. */
	"CREATE FUNCTION jrc_today() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$\n"
	"	SELECT coalesce(nullif(current_setting('jrc.today', true), ''),\n"
	"		to_char(now() AT TIME ZONE jrc_zone(), 'YYYY-MM-DD'))\n"
	"$$;",
	/* What every trigger does: refuse, in the words it is given. */
	"CREATE FUNCTION jrc_kept() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"BEGIN\n"
	"	RAISE EXCEPTION '%', TG_ARGV[0];\n"
	"END $$;",
	/* SQLite's NOCASE, for staff IDs (ASCII letters, digits, . - _). */
	"CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2',"
	" deterministic = false);",

	/* ---- Version 1 ---- */
	"CREATE TABLE settings("
	" key text PRIMARY KEY,"
	" value text NOT NULL);",
	"CREATE TABLE categories("
	" code text PRIMARY KEY,"
	" name_zh text NOT NULL, name_en text NOT NULL,"
	" description_zh text NOT NULL, description_en text NOT NULL,"
	" channel_zh text NOT NULL DEFAULT '', channel_en text NOT NULL DEFAULT '',"
	" sort bigint NOT NULL DEFAULT 0,"
	" active bigint NOT NULL DEFAULT 1,"
	" court_zh text NOT NULL DEFAULT '', court_en text NOT NULL DEFAULT '',"
	" outcome_zh text NOT NULL DEFAULT '', outcome_en text NOT NULL DEFAULT '');",
	/* "window" is a reserved word in PostgreSQL. */
	"CREATE TABLE departments("
	" code text PRIMARY KEY,"
	" name_zh text NOT NULL, name_en text NOT NULL,"
	" \"window\" text NOT NULL DEFAULT '', phone text NOT NULL DEFAULT '',"
	" sort bigint NOT NULL DEFAULT 0,"
	" short_zh text NOT NULL DEFAULT '', short_en text NOT NULL DEFAULT '');",
	"CREATE TABLE divisions("
	" code text PRIMARY KEY,"
	" parent text REFERENCES divisions(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" level text NOT NULL CHECK (level IN ('county','township','village')),"
	" name_zh text NOT NULL, name_en text NOT NULL,"
	" sort bigint NOT NULL DEFAULT 0);",
	"CREATE INDEX divisions_parent ON divisions(parent, sort);",
	"CREATE TABLE routing("
	" category text NOT NULL REFERENCES categories(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" division text NOT NULL DEFAULT '*',"
	" department text NOT NULL REFERENCES departments(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" level text NOT NULL CHECK (level IN ('county','township','village')),"
	" PRIMARY KEY (category, division));",
	"CREATE TABLE day_seq("
	" site text NOT NULL, day text NOT NULL, last bigint NOT NULL,"
	" PRIMARY KEY (site, day));",
	"CREATE TABLE cases("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" receipt text NOT NULL UNIQUE,"
	" query_code text NOT NULL,"
	" site text NOT NULL,"
	" category text NOT NULL REFERENCES categories(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" division text NOT NULL REFERENCES divisions(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" department text NOT NULL REFERENCES departments(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" level text NOT NULL,"
	" anonymous bigint NOT NULL DEFAULT 0,"
	" name text, id_kind text, id_number text, phone text,"
	" text text NOT NULL, outcome text,"
	" channel text NOT NULL DEFAULT 'cli',"
	" staff_id text,"
	" lang text NOT NULL DEFAULT 'zh',"
	" filed_at text NOT NULL,"
	" state text NOT NULL,"
	" state_at text NOT NULL,"
	" due_on text,"
	" accept_by text NOT NULL,"
	" extended bigint NOT NULL DEFAULT 0,"
	" answer text,"
	" related_case bigint REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE);",
	"CREATE INDEX cases_state_due ON cases(state, due_on);",
	"CREATE INDEX cases_department ON cases(department, state, due_on);",
	"CREATE INDEX cases_due ON cases(due_on);",
	"CREATE INDEX cases_filed ON cases(filed_at);",
	"CREATE INDEX cases_id_number ON cases(id_number, category);",
	"CREATE INDEX cases_phone ON cases(phone);",
	"CREATE INDEX cases_name ON cases(name);",
	"CREATE INDEX cases_category ON cases(category, state, due_on);",
	/* The event log: append-only (payload and scheme, version 2). */
	"CREATE TABLE events("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" at text NOT NULL,"
	" actor text NOT NULL,"
	" kind text NOT NULL,"
	" case_id bigint REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" from_state text, to_state text,"
	" note text,"
	" prev_hash text NOT NULL,"
	" hash text NOT NULL,"
	" payload text,"
	" scheme bigint NOT NULL DEFAULT 1);",
	"CREATE INDEX events_case ON events(case_id, id);",
	"CREATE INDEX events_kind ON events(kind, at);",
	"CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('events are append-only');",
	"CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('events are append-only');",
	"CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('events are append-only');",
	"CREATE TABLE holidays("
	" day text PRIMARY KEY,"
	" kind text NOT NULL CHECK (kind IN ('holiday','workday')),"
	" name text NOT NULL DEFAULT '');",

	/* The roster (roster.c). */
	"CREATE TABLE hosts("
	" id text PRIMARY KEY,"
	" kind text NOT NULL CHECK (kind IN ('mediator','lawyer','leader')),"
	" name text NOT NULL, name_en text NOT NULL DEFAULT '',"
	" title text NOT NULL DEFAULT '', title_en text NOT NULL DEFAULT '',"
	" specialties text NOT NULL DEFAULT '',"
	" languages text NOT NULL DEFAULT '',"
	" legal_aid bigint NOT NULL DEFAULT 0,"
	" blurb text NOT NULL DEFAULT '', blurb_en text NOT NULL DEFAULT '',"
	" active bigint NOT NULL DEFAULT 1,"
	" sort bigint NOT NULL DEFAULT 0);",
	"CREATE TABLE schedules("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" host text NOT NULL REFERENCES hosts(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" weekday bigint CHECK (weekday BETWEEN 1 AND 7),"
	" day text,"
	" start_min bigint NOT NULL, end_min bigint NOT NULL,"
	" slot_minutes bigint NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),"
	" room text NOT NULL DEFAULT '', room_en text NOT NULL DEFAULT '',"
	" topics text NOT NULL DEFAULT '', topics_en text NOT NULL DEFAULT '',"
	" CHECK ((weekday IS NULL) <> (day IS NULL)),"
	" CHECK (start_min >= 0 AND start_min < end_min AND end_min <= 1440));",
	"CREATE INDEX schedules_host ON schedules(host);",
	"CREATE INDEX schedules_day ON schedules(day);",
	"CREATE TABLE bookings("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" host text NOT NULL REFERENCES hosts(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" slot_start text NOT NULL, slot_end text NOT NULL,"
	" room text NOT NULL DEFAULT '', room_en text NOT NULL DEFAULT '',"
	" booked_at text NOT NULL, booked_by text NOT NULL,"
	" cancelled_at text, cancelled_by text);",
	"CREATE UNIQUE INDEX bookings_slot ON bookings(host, slot_start)"
	" WHERE cancelled_at IS NULL;",
	"CREATE UNIQUE INDEX bookings_one_per_case ON bookings(case_id)"
	" WHERE cancelled_at IS NULL;",
	"CREATE INDEX bookings_when ON bookings(slot_start);",

	/* Print jobs (print.c; document, version 2). */
	"CREATE TABLE print_jobs("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" sink text NOT NULL,"
	" at text NOT NULL,"
	" outcome text NOT NULL CHECK (outcome IN ('ok','failed','skipped')),"
	" error text,"
	" warning text,"
	" actor text NOT NULL DEFAULT 'cli',"
	" document text NOT NULL DEFAULT 'receipt'"
	"  CHECK (document IN ('receipt','review_slip')));",
	"CREATE INDEX print_jobs_case ON print_jobs(case_id, id);",
	"CREATE INDEX print_jobs_outcome ON print_jobs(outcome, case_id);",

	/* Lifecycle (lifecycle.c, lookup.c). */
	"CREATE TABLE lifecycle_steps("
	" event_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  REFERENCES events(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" at text NOT NULL,"
	" from_state text NOT NULL, to_state text NOT NULL,"
	" actor text NOT NULL,"
	" department text NOT NULL,"
	" reason text, channel text, answer text);",
	"CREATE INDEX lifecycle_steps_case ON lifecycle_steps(case_id, event_id);",
	"CREATE INDEX lifecycle_steps_day ON lifecycle_steps(to_state, at);",
	/* verdicts as version 2 left it (verdicts_kept renamed). */
	"CREATE TABLE verdicts("
	" event_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  REFERENCES events(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" stage text NOT NULL CHECK (stage IN"
	"  ('answered','review_answered','rereview_answered')),"
	" verdict text NOT NULL CHECK (verdict IN ('satisfied','basic','unsatisfied')),"
	" comment text,"
	" at text NOT NULL);",
	"CREATE INDEX verdicts_at ON verdicts(at, verdict);",
	"CREATE INDEX verdicts_case ON verdicts(case_id, stage, event_id);",
	"CREATE TRIGGER verdicts_kept_no_update BEFORE UPDATE ON verdicts"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a verdict once given is kept');",
	"CREATE TRIGGER verdicts_kept_no_delete BEFORE DELETE ON verdicts"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a verdict once given is kept');",
	"CREATE TRIGGER verdicts_kept_no_truncate BEFORE TRUNCATE ON verdicts"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a verdict once given is kept');",
	"CREATE TABLE lookup_attempts("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" receipt text NOT NULL,"
	" at text NOT NULL,"
	" proof text NOT NULL CHECK (proof IN ('code','phone4')),"
	" result text NOT NULL CHECK (result IN ('ok','fail','locked')),"
	" source text NOT NULL);",
	"CREATE INDEX lookup_attempts_receipt ON lookup_attempts(receipt, result, at);",
	"CREATE INDEX lookup_attempts_source ON lookup_attempts(source, result, at);",
	"CREATE TABLE lookup_locks("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" receipt text NOT NULL,"
	" locked_at text NOT NULL,"
	" until text NOT NULL,"
	" last_attempt bigint NOT NULL,"
	" lifted_at text, lifted_by text);",
	"CREATE INDEX lookup_locks_receipt ON lookup_locks(receipt, until);",

	/* Staff accounts and the head of the event chain (auth.c, audit.c). */
	"CREATE TABLE staff("
	" id text COLLATE nocase PRIMARY KEY,"
	" name text NOT NULL,"
	" role text NOT NULL CHECK (role IN ('desk','handler','supervisor','admin')),"
	" department text REFERENCES departments(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" hash text NOT NULL,"
	" disabled bigint NOT NULL DEFAULT 0,"
	" failed_count bigint NOT NULL DEFAULT 0,"
	" locked_until text,"
	" created_at text NOT NULL,"
	" CHECK (role <> 'handler' OR department IS NOT NULL));",
	"CREATE TABLE audit_head("
	" one bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY CHECK (one = 1),"
	" last_id bigint NOT NULL,"
	" hash text NOT NULL);",
	"CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('the chain head is kept');",
	"CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('the chain head is kept');",

	/* ---- Version 2 ---- */
	"CREATE TABLE login_attempts("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" terminal text NOT NULL,"
	" at text NOT NULL,"
	" result text NOT NULL CHECK (result IN ('ok','fail','unknown')),"
	" logged bigint NOT NULL DEFAULT 0);",
	"CREATE INDEX login_attempts_terminal ON login_attempts(terminal, result, at);",
	"CREATE TABLE anchors("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" at text NOT NULL,"
	" events bigint NOT NULL,"
	" hash text NOT NULL,"
	" actor text NOT NULL);",
	"CREATE TRIGGER anchors_no_update BEFORE UPDATE ON anchors"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('anchors are append-only');",
	"CREATE TRIGGER anchors_no_delete BEFORE DELETE ON anchors"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('anchors are append-only');",
	"CREATE TRIGGER anchors_no_truncate BEFORE TRUNCATE ON anchors"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('anchors are append-only');",
	"CREATE TABLE phrases("
	" category text NOT NULL REFERENCES categories(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" kind text NOT NULL,"
	" zh text NOT NULL, en text NOT NULL,"
	" sort bigint NOT NULL DEFAULT 0);",
	"CREATE INDEX phrases_by_category ON phrases(category, sort);",
	"CREATE TABLE arrivals("
	" booking_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  REFERENCES bookings(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" arrived_at text NOT NULL,"
	" arrived_by text NOT NULL);",
	"CREATE INDEX arrivals_case ON arrivals(case_id);",
	"CREATE TRIGGER arrivals_no_update BEFORE UPDATE ON arrivals"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('an arrival once recorded is kept');",
	"CREATE TRIGGER arrivals_no_delete BEFORE DELETE ON arrivals"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('an arrival once recorded is kept');",
	"CREATE TRIGGER arrivals_no_truncate BEFORE TRUNCATE ON arrivals"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('an arrival once recorded is kept');",
	"CREATE TABLE supervisions("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" department text NOT NULL REFERENCES departments(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" note text NOT NULL,"
	" by_on text NOT NULL,"
	" issued_at text NOT NULL, issued_by text NOT NULL,"
	" acked_at text, acked_by text,"
	" reply text, replied_at text, replied_by text,"
	" late bigint NOT NULL DEFAULT 0 CHECK (late IN (0, 1)));",
	"CREATE INDEX supervisions_case ON supervisions(case_id, id);",
	"CREATE INDEX supervisions_department ON supervisions(department, replied_at);",
	"CREATE TRIGGER supervisions_issued_kept BEFORE UPDATE OF"
	" case_id, department, note, by_on, issued_at, issued_by ON supervisions"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a supervision notice once issued is kept');",
	"CREATE TRIGGER supervisions_no_delete BEFORE DELETE ON supervisions"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a supervision notice once issued is kept');",
	"CREATE TRIGGER supervisions_no_truncate BEFORE TRUNCATE ON supervisions"
	" FOR EACH STATEMENT EXECUTE FUNCTION"
	" jrc_kept('a supervision notice once issued is kept');",

	/* ---- Version 3: public hearings (hearing.c) ---- */
	"CREATE TABLE panelists("
	" id text PRIMARY KEY,"
	" name text NOT NULL, name_en text NOT NULL DEFAULT '',"
	" title text NOT NULL DEFAULT '', title_en text NOT NULL DEFAULT '',"
	" department text REFERENCES departments(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" active bigint NOT NULL DEFAULT 1,"
	" sort bigint NOT NULL DEFAULT 0);",
	"CREATE TABLE hearings("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" department text NOT NULL,"
	" held_on text NOT NULL, at_time text NOT NULL, place text NOT NULL,"
	" citizen text NOT NULL, representative text NOT NULL,"
	" scheduled_at text NOT NULL, scheduled_by text NOT NULL,"
	" attended text, citizen_said text, department_said text,"
	" conclusion text CHECK (conclusion IN"
	"  ('reasonable','basic','unreasonable','tie','too_few')),"
	" recorded_at text, recorded_by text);",
	"CREATE INDEX hearings_case ON hearings(case_id, id);",
	"CREATE INDEX hearings_day ON hearings(held_on);",
	"CREATE TRIGGER hearings_kept BEFORE UPDATE ON hearings FOR EACH ROW"
	" WHEN (OLD.conclusion IS NOT NULL OR NEW.case_id IS DISTINCT FROM OLD.case_id"
	" OR NEW.department IS DISTINCT FROM OLD.department"
	" OR NEW.held_on IS DISTINCT FROM OLD.held_on"
	" OR NEW.at_time IS DISTINCT FROM OLD.at_time OR NEW.place IS DISTINCT FROM OLD.place"
	" OR NEW.citizen IS DISTINCT FROM OLD.citizen"
	" OR NEW.representative IS DISTINCT FROM OLD.representative"
	" OR NEW.scheduled_at IS DISTINCT FROM OLD.scheduled_at"
	" OR NEW.scheduled_by IS DISTINCT FROM OLD.scheduled_by"
	" OR (OLD.attended IS NOT NULL AND NEW.attended IS DISTINCT FROM OLD.attended)"
	" OR (OLD.citizen_said IS NOT NULL AND NEW.citizen_said IS DISTINCT FROM OLD.citizen_said)"
	" OR (OLD.department_said IS NOT NULL"
	"  AND NEW.department_said IS DISTINCT FROM OLD.department_said))"
	" EXECUTE FUNCTION jrc_kept('a hearing once scheduled or recorded is kept');",
	"CREATE TRIGGER hearings_no_delete BEFORE DELETE ON hearings"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a hearing once scheduled is kept');",
	"CREATE TRIGGER hearings_no_truncate BEFORE TRUNCATE ON hearings"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a hearing once scheduled is kept');",
	"CREATE TABLE hearing_panel("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" hearing_id bigint NOT NULL REFERENCES hearings(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" seat bigint NOT NULL,"
	" member text NOT NULL REFERENCES panelists(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" name text NOT NULL, title text NOT NULL,"
	" opinion text CHECK (opinion IN ('reasonable','basic','unreasonable','absent')),"
	" reason text,"
	" UNIQUE (hearing_id, seat), UNIQUE (hearing_id, member));",
	"CREATE TRIGGER hearing_panel_kept BEFORE UPDATE ON hearing_panel FOR EACH ROW"
	" WHEN (OLD.opinion IS NOT NULL OR NEW.hearing_id IS DISTINCT FROM OLD.hearing_id"
	" OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.seat IS DISTINCT FROM OLD.seat"
	" OR NEW.member IS DISTINCT FROM OLD.member OR NEW.name IS DISTINCT FROM OLD.name"
	" OR NEW.title IS DISTINCT FROM OLD.title)"
	" EXECUTE FUNCTION jrc_kept('a panel member and an opinion once given are kept');",
	"CREATE TRIGGER hearing_panel_no_delete BEFORE DELETE ON hearing_panel"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a panel member once named is kept');",
	"CREATE TRIGGER hearing_panel_no_truncate BEFORE TRUNCATE ON hearing_panel"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a panel member once named is kept');",

	/* Lawful termination (terminate.c). */
	"CREATE TABLE concluded_links("
	" case_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" concluded_case bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" linked_at text NOT NULL);",
	"CREATE INDEX concluded_links_concluded ON concluded_links(concluded_case);",
	"CREATE TRIGGER concluded_links_kept BEFORE UPDATE ON concluded_links"
	" FOR EACH ROW EXECUTE FUNCTION"
	" jrc_kept('a link to a concluded matter once made is kept');",
	"CREATE TRIGGER concluded_links_no_delete BEFORE DELETE ON concluded_links"
	" FOR EACH ROW EXECUTE FUNCTION"
	" jrc_kept('a link to a concluded matter once made is kept');",
	"CREATE TRIGGER concluded_links_no_truncate BEFORE TRUNCATE ON concluded_links"
	" FOR EACH STATEMENT EXECUTE FUNCTION"
	" jrc_kept('a link to a concluded matter once made is kept');",

	/* Leaders' visits (visit.c). */
	"CREATE TABLE visits("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" host text NOT NULL REFERENCES hosts(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" day text NOT NULL,"
	" start_min bigint NOT NULL, end_min bigint NOT NULL,"
	" slot_minutes bigint NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),"
	" township text NOT NULL REFERENCES divisions(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" village text REFERENCES divisions(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" place text NOT NULL, place_en text NOT NULL DEFAULT '',"
	" topics text NOT NULL DEFAULT '',"
	" accompany text NOT NULL DEFAULT '',"
	" created_at text NOT NULL, created_by text NOT NULL,"
	" cancelled_at text, cancelled_by text, cancel_reason text,"
	" CHECK (start_min >= 0 AND start_min < end_min AND end_min <= 1440));",
	"CREATE INDEX visits_day ON visits(day, start_min);",
	"CREATE INDEX visits_township ON visits(township, day);",
	"CREATE TRIGGER visits_planned_kept BEFORE UPDATE OF"
	" id, host, day, start_min, end_min, slot_minutes, township, village, place, place_en,"
	" topics, accompany, created_at, created_by ON visits FOR EACH ROW EXECUTE FUNCTION"
	" jrc_kept('a visit once planned is kept: cancel it and add another');",
	"CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a visit once planned is kept');",
	"CREATE TRIGGER visits_no_truncate BEFORE TRUNCATE ON visits"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a visit once planned is kept');",
	"CREATE TABLE visit_matters("
	" case_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" visit_id bigint NOT NULL REFERENCES visits(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" found bigint NOT NULL DEFAULT 0 CHECK (found IN (0, 1)),"
	" on_spot bigint NOT NULL DEFAULT 0 CHECK (on_spot IN (0, 1)),"
	" recorded_at text NOT NULL, recorded_by text NOT NULL);",
	"CREATE INDEX visit_matters_visit ON visit_matters(visit_id, case_id);",
	"CREATE TRIGGER visit_matters_no_update BEFORE UPDATE ON visit_matters"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a visit matter once recorded is kept');",
	"CREATE TRIGGER visit_matters_no_delete BEFORE DELETE ON visit_matters"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a visit matter once recorded is kept');",
	"CREATE TRIGGER visit_matters_no_truncate BEFORE TRUNCATE ON visit_matters"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a visit matter once recorded is kept');",

	/* Opinion surveys (survey.c). */
	"CREATE TABLE surveys("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" title_zh text NOT NULL, title_en text NOT NULL,"
	" sites text NOT NULL DEFAULT '',"
	" start_day text NOT NULL, end_day text NOT NULL,"
	" created_at text NOT NULL, created_by text NOT NULL,"
	" closed_at text, closed_by text);",
	"CREATE TRIGGER surveys_no_delete BEFORE DELETE ON surveys"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a survey once made is kept');",
	"CREATE TRIGGER surveys_no_truncate BEFORE TRUNCATE ON surveys"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a survey once made is kept');",
	"CREATE TRIGGER surveys_kept BEFORE UPDATE OF"
	" id, title_zh, title_en, sites, start_day, end_day, created_at, created_by ON surveys"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a survey once made is kept');",
	"CREATE TABLE survey_questions("
	" survey_id bigint NOT NULL REFERENCES surveys(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" n bigint NOT NULL,"
	" text_zh text NOT NULL, text_en text NOT NULL,"
	" answers_zh text NOT NULL, answers_en text NOT NULL,"
	" PRIMARY KEY (survey_id, n));",
	"CREATE TRIGGER survey_questions_no_update BEFORE UPDATE ON survey_questions"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a survey once made is kept');",
	"CREATE TRIGGER survey_questions_no_delete BEFORE DELETE ON survey_questions"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a survey once made is kept');",
	"CREATE TRIGGER survey_questions_no_truncate BEFORE TRUNCATE ON survey_questions"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a survey once made is kept');",
	"CREATE TABLE survey_pending("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" kind text NOT NULL CHECK (kind IN ('survey','service')),"
	" survey_id bigint REFERENCES surveys(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" day text NOT NULL, township text NOT NULL,"
	" answers text NOT NULL);",
	"CREATE TABLE survey_answers("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" survey_id bigint NOT NULL REFERENCES surveys(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" day text NOT NULL, township text NOT NULL,"
	" answers text NOT NULL);",
	"CREATE INDEX survey_answers_survey ON survey_answers(survey_id, township);",
	"CREATE TRIGGER survey_answers_no_update BEFORE UPDATE ON survey_answers"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('an answer once given is kept');",
	"CREATE TRIGGER survey_answers_no_delete BEFORE DELETE ON survey_answers"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('an answer once given is kept');",
	"CREATE TRIGGER survey_answers_no_truncate BEFORE TRUNCATE ON survey_answers"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('an answer once given is kept');",
	"CREATE TABLE service_ratings("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" day text NOT NULL, township text NOT NULL,"
	" rating text NOT NULL CHECK (rating IN ('satisfied','basic','unsatisfied')));",
	"CREATE INDEX service_ratings_day ON service_ratings(day, township);",
	"CREATE TRIGGER service_ratings_no_update BEFORE UPDATE ON service_ratings"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a rating once given is kept');",
	"CREATE TRIGGER service_ratings_no_delete BEFORE DELETE ON service_ratings"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a rating once given is kept');",
	"CREATE TRIGGER service_ratings_no_truncate BEFORE TRUNCATE ON service_ratings"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a rating once given is kept');",

	/* ---- Version 4: the summary tables (figures/tally.c; the pending
	 * columns and dirty, version 5).  An empty database has no cases to
	 * count, so the migration's fill adds nothing here. ---- */
	"CREATE TABLE tally_clock(as_of text NOT NULL);",
	"INSERT INTO tally_clock(as_of) VALUES (jrc_today());",
	PG_TALLY_TABLE("tally_day", " day text NOT NULL,", PG_TALLY_PENDING, "day, "),
	PG_TALLY_TABLE("tally_month", " month text NOT NULL,", "", "month, "),
	PG_TALLY_TABLE("tally_all", "", "", ""),
	PG_TALLY_TABLE("tally_total", "", "", ""),
	"CREATE INDEX tally_day_dirty ON tally_day(dirty) WHERE dirty <> 0;",
	"CREATE INDEX cases_owed ON cases(due_on, state, site, category, division, department,"
	" channel, filed_at) WHERE state IN ('registered','accepted','extended','in_mediation',"
	"'redirected','review_requested','rereview_requested');",

	/* Early warning (alert.c). */
	"CREATE TABLE alert_rules("
	" code text PRIMARY KEY,"
	" kind text NOT NULL CHECK (kind IN ('cluster','repeat','collective','overdue')),"
	" count bigint NOT NULL CHECK (count >= 1),"
	" days bigint NOT NULL DEFAULT 1 CHECK (days >= 1),"
	" name_zh text NOT NULL, name_en text NOT NULL,"
	" active bigint NOT NULL DEFAULT 1,"
	" sort bigint NOT NULL DEFAULT 0);",
	"CREATE TABLE alerts("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" rule text NOT NULL REFERENCES alert_rules(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" kind text NOT NULL,"
	" key text NOT NULL,"
	" division text NOT NULL DEFAULT '', category text NOT NULL DEFAULT '',"
	" department text NOT NULL DEFAULT '',"
	" threshold bigint NOT NULL, days bigint NOT NULL,"
	" raised_at text NOT NULL,"
	" acked_at text, acked_by text, ack_note text);",
	"CREATE UNIQUE INDEX alerts_open ON alerts(rule, key) WHERE acked_at IS NULL;",
	"CREATE INDEX alerts_raised ON alerts(raised_at);",
	"CREATE TRIGGER alerts_raised_kept BEFORE UPDATE OF"
	" id, rule, kind, key, division, category, department, threshold, days, raised_at ON alerts"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('an alert once raised is kept');",
	"CREATE TRIGGER alerts_ack_kept BEFORE UPDATE ON alerts"
	" FOR EACH ROW WHEN (OLD.acked_at IS NOT NULL)"
	" EXECUTE FUNCTION jrc_kept('an acknowledged alert is kept');",
	"CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('an alert once raised is kept');",
	"CREATE TRIGGER alerts_no_truncate BEFORE TRUNCATE ON alerts"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('an alert once raised is kept');",
	"CREATE TABLE alert_cases("
	" alert_id bigint NOT NULL REFERENCES alerts(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" added_at text NOT NULL,"
	" PRIMARY KEY (alert_id, case_id));",
	"CREATE INDEX alert_cases_case ON alert_cases(case_id, alert_id);",
	"CREATE TRIGGER alert_cases_no_update BEFORE UPDATE ON alert_cases"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a case behind an alert is kept');",
	"CREATE TRIGGER alert_cases_no_delete BEFORE DELETE ON alert_cases"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a case behind an alert is kept');",
	"CREATE TRIGGER alert_cases_no_truncate BEFORE TRUNCATE ON alert_cases"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a case behind an alert is kept');",
	"CREATE INDEX cases_place_filed ON cases(division, category, filed_at, id_number, phone);",
	"CREATE INDEX cases_id_filed ON cases(id_number, filed_at);",
	"CREATE INDEX cases_phone_filed ON cases(phone, filed_at);",

	/* The hall's queue (queue.c; rooms, version 4's check-in).  SQLite's
	 * GLOB '[A-Z]' is one capital letter. */
	"CREATE TABLE windows("
	" number bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  CHECK (number BETWEEN 1 AND 999),"
	" grp text NOT NULL CHECK (grp ~ '^[A-Z]$'),"
	" name_zh text NOT NULL, name_en text NOT NULL,"
	" departments text NOT NULL DEFAULT '',"
	" active bigint NOT NULL DEFAULT 1,"
	" rooms text NOT NULL DEFAULT '');",
	"CREATE TABLE tickets("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" day text NOT NULL,"
	" grp text NOT NULL,"
	" number bigint NOT NULL CHECK (number > 0),"
	" reason text NOT NULL"
	"  CHECK (reason IN ('filing','question','help','checkin','transfer')),"
	" case_id bigint REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" department text REFERENCES departments(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" state text NOT NULL DEFAULT 'waiting'"
	"  CHECK (state IN ('waiting','called','served','no_show','transferred')),"
	" at_window bigint,"
	" from_ticket bigint REFERENCES tickets(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" taken_at text NOT NULL, taken_by text NOT NULL,"
	" called_at text, called_by text,"
	" calls bigint NOT NULL DEFAULT 0,"
	" served_at text,"
	" closed_at text, closed_by text,"
	" UNIQUE (day, grp, number));",
	"CREATE INDEX tickets_board ON tickets(day, state, called_at);",
	"CREATE INDEX tickets_line ON tickets(day, grp, state, id);",
	"CREATE INDEX tickets_case ON tickets(case_id) WHERE case_id IS NOT NULL;",
	"CREATE TRIGGER tickets_taken_kept BEFORE UPDATE OF"
	" id, day, grp, number, reason, from_ticket, taken_at, taken_by ON tickets"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a ticket once taken keeps its number');",
	"CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a ticket once taken is kept');",
	"CREATE TRIGGER tickets_no_truncate BEFORE TRUNCATE ON tickets"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a ticket once taken is kept');",

	/* SMS notices (sms.c, sms_send.c). */
	"CREATE TABLE sms_consent("
	" case_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" phone text NOT NULL,"
	" given_at text NOT NULL);",
	"CREATE TABLE sms_outbox("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" kind text NOT NULL CHECK (kind IN"
	"  ('filed','booking','reminder','accepted','declined','answered')),"
	" booking_id bigint REFERENCES bookings(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" phone text NOT NULL,"
	" text text NOT NULL,"
	" queued_at text NOT NULL,"
	" due_at text NOT NULL,"
	" attempts bigint NOT NULL DEFAULT 0,"
	" next_try_at text NOT NULL,"
	" sent_at text, failed_at text, last_error text);",
	"CREATE INDEX sms_outbox_due ON sms_outbox(next_try_at)"
	" WHERE sent_at IS NULL AND failed_at IS NULL;",
	"CREATE INDEX sms_outbox_case ON sms_outbox(case_id);",
	"CREATE UNIQUE INDEX sms_outbox_reminder ON sms_outbox(booking_id)"
	" WHERE kind = 'reminder';",
	"CREATE TRIGGER sms_outbox_queued_kept BEFORE UPDATE OF"
	" id, case_id, kind, booking_id, phone, text, queued_at ON sms_outbox"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a queued message keeps its text');",

	/* Help from staff (help_request.c): deleted, not kept. */
	"CREATE TABLE help_requests("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" ticket_id bigint NOT NULL UNIQUE REFERENCES tickets(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" draft text NOT NULL,"
	" step bigint NOT NULL DEFAULT 0,"
	" category text NOT NULL DEFAULT '',"
	" created_at text NOT NULL, expires_at text NOT NULL,"
	" claimed_at text, claimed_by text);",
	"CREATE INDEX help_requests_expiry ON help_requests(expires_at);",

	/* ---- Version 5: sites and the three levels (site.c, handling.c) ---- */
	"CREATE TABLE sites("
	" code text PRIMARY KEY,"
	" level text NOT NULL CHECK (level IN ('county','township','village')),"
	" parent text REFERENCES sites(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" division text NOT NULL REFERENCES divisions(code) DEFERRABLE INITIALLY IMMEDIATE,"
	" name_zh text NOT NULL, name_en text NOT NULL,"
	" address text NOT NULL DEFAULT '',"
	" sort bigint NOT NULL DEFAULT 0,"
	" active bigint NOT NULL DEFAULT 1);",
	"CREATE TABLE case_handling("
	" case_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	"  REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" site text NOT NULL,"
	" by_on text NOT NULL DEFAULT '',"
	" lead text NOT NULL DEFAULT '',"
	" partners text NOT NULL DEFAULT '',"
	" updated_at text NOT NULL);",
	"CREATE INDEX case_handling_site ON case_handling(site);",
	"CREATE TABLE handling_steps("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY IMMEDIATE,"
	" kind text NOT NULL CHECK (kind IN ('assigned','escalated','joint','joint_part')),"
	" from_site text NOT NULL DEFAULT '', to_site text NOT NULL DEFAULT '',"
	" by_on text NOT NULL DEFAULT '', department text NOT NULL DEFAULT '',"
	" partners text NOT NULL DEFAULT '', text text NOT NULL DEFAULT '',"
	" at text NOT NULL, actor text NOT NULL);",
	"CREATE INDEX handling_steps_case ON handling_steps(case_id, id);",
	"CREATE TRIGGER handling_steps_no_update BEFORE UPDATE ON handling_steps"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a handling step is kept as written');",
	"CREATE TRIGGER handling_steps_no_delete BEFORE DELETE ON handling_steps"
	" FOR EACH ROW EXECUTE FUNCTION jrc_kept('a handling step is kept as written');",
	"CREATE TRIGGER handling_steps_no_truncate BEFORE TRUNCATE ON handling_steps"
	" FOR EACH STATEMENT EXECUTE FUNCTION jrc_kept('a handling step is kept as written');",

	/* SQLite's PRAGMA user_version. */
	"CREATE TABLE schema_version(version integer NOT NULL);",
	"INSERT INTO schema_version(version) VALUES (6);",
	NULL
};

/* The steps from version 6 on, by version: db_schema_pg above lays out
 * version 6 (the first a server was laid out at), and every new database
 * takes these steps after it, in the same transaction, as a server laid
 * out by an older jrc takes them when a newer one opens it (db_pg.c).
 * One place per change, as SQLite's migrations are. */
static const char *const pg_upgrade_7[] = {
	"ALTER TABLE cases ADD COLUMN filing_token text;",
	"CREATE UNIQUE INDEX cases_filing_token ON cases(filing_token);",
	NULL
};

static const char *const *const pg_upgrades[] = {
	pg_upgrade_7,
};

const char *const *db_schema_pg_upgrade(int to_version)
{
	if (to_version < 7 || to_version > 6 + (int)(sizeof(pg_upgrades) / sizeof(pg_upgrades[0])))
		return NULL;
	return pg_upgrades[to_version - 7];
}

/* Who may do what, by role, with no login of its own (a login role is
 * granted one of them).  Safe to run again: the roles are made when
 * missing, and every table's grants are laid out anew by one rule.
 *   jrc_kiosk  reads what a citizen's screens show, and writes what
 *              filing, lookups, bookings, check-in, tickets, surveys and
 *              help drafts write; not the reference data, the staff's
 *              own business (visits, hearings, supervisions, surveys),
 *              the anchors, nor the staff accounts at all;
 *   jrc_desk   reads and writes every table;
 *   jrc_admin  the same, and deletes where the code deletes: the
 *              schedules and phrases an import replaces, the survey
 *              answers a seal moves on, the help drafts that expire.
 * Every role may delete the summary rows a fold empties (any write may
 * fold, figures/tally.c), and the desk the help draft it files.  The
 * record (the events, and every table whose triggers refuse both UPDATE
 * and DELETE) is SELECT and INSERT only, to every role; schema_version
 * is read only. */
const char *const db_schema_pg_roles[] = {
	"DO $$ BEGIN\n"
	"	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jrc_kiosk') THEN\n"
	"		CREATE ROLE jrc_kiosk NOLOGIN;\n"
	"	END IF;\n"
	"END $$;",
	"DO $$ BEGIN\n"
	"	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jrc_desk') THEN\n"
	"		CREATE ROLE jrc_desk NOLOGIN;\n"
	"	END IF;\n"
	"END $$;",
	"DO $$ BEGIN\n"
	"	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jrc_admin') THEN\n"
	"		CREATE ROLE jrc_admin NOLOGIN;\n"
	"	END IF;\n"
	"END $$;",
	"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM jrc_kiosk, jrc_desk, jrc_admin;",
	"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM jrc_kiosk, jrc_desk, jrc_admin;",
	"GRANT USAGE ON SCHEMA public TO jrc_kiosk, jrc_desk, jrc_admin;",
	"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public"
	" TO jrc_kiosk, jrc_desk, jrc_admin;",
	"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO jrc_kiosk, jrc_desk, jrc_admin;",
	/* The record. */
	"REVOKE UPDATE ON events, verdicts, anchors, arrivals, concluded_links, visit_matters,"
	" survey_questions, survey_answers, service_ratings, alert_cases, handling_steps"
	" FROM jrc_kiosk, jrc_desk, jrc_admin;",
	"REVOKE INSERT, UPDATE ON schema_version FROM jrc_kiosk, jrc_desk, jrc_admin;",
	/* The kiosk. */
	"REVOKE INSERT, UPDATE ON settings, categories, departments, divisions, routing,"
	" holidays, hosts, schedules, phrases, panelists, windows, alert_rules, sites,"
	" visits, hearings, hearing_panel, supervisions, surveys, survey_questions, anchors"
	" FROM jrc_kiosk;",
	"REVOKE ALL ON staff, login_attempts FROM jrc_kiosk;",
	/* Deletes. */
	"GRANT DELETE ON tally_day, tally_month, tally_all, tally_total"
	" TO jrc_kiosk, jrc_desk, jrc_admin;",
	"GRANT DELETE ON help_requests TO jrc_desk, jrc_admin;",
	"GRANT DELETE ON schedules, phrases, survey_pending TO jrc_admin;",
	NULL
};
