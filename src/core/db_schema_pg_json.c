/* The JSON of the record on PostgreSQL: the functions that SQLite has
 * built in and the record's statements use (record/audit_cover.c), so
 * that a row's copy in an event reads the same, byte for byte, on both
 * engines and a hall's chain moved to the county's server still checks.
 *   jrc_json(jsonb)          JSON text as SQLite writes it: no blanks,
 *                            the same escapes (db_pg_sql.c writes
 *                            json_array and json through it)
 *   json_extract(text, '$[N]')  element N: a string as its text,
 *                            anything else as JSON text
 *   json_each(text)          an array's elements: key, value, type, atom
 *                            as SQLite's table-valued function has them */
#include <stddef.h>

#include "db_internal.h"

/* jrc_json writes a scalar element in place and calls itself only for an
 * array or object inside: a row's copy in an event is one call, not one
 * per column (a filing's event cost 94 us of the server's time before,
 * BENCHMARKS.md section 9).  What it returns is the same byte for byte as
 * before, so a server laid out with the earlier body checks the same
 * chain and needs no step of its own. */
const char *const db_schema_pg_json[] = {
	"CREATE FUNCTION jrc_json(j jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$\n"
	"DECLARE r text;\n"
	"BEGIN\n"
	"  IF j IS NULL THEN RETURN NULL; END IF;\n"
	"  CASE jsonb_typeof(j)\n"
	"  WHEN 'array' THEN\n"
	"    SELECT '[' || coalesce(string_agg(CASE WHEN jsonb_typeof(e) IN ('array', 'object')\n"
	"      THEN jrc_json(e) ELSE e::text END, ',' ORDER BY n), '') || ']' INTO r\n"
	"      FROM jsonb_array_elements(j) WITH ORDINALITY AS a(e, n);\n"
	"  WHEN 'object' THEN\n"
	"    SELECT '{' || coalesce(string_agg(to_json(k)::text || ':' || CASE WHEN jsonb_typeof(v)\n"
	"      IN ('array', 'object') THEN jrc_json(v) ELSE v::text END, ',' ORDER BY n), '') || '}' INTO r\n"
	"      FROM jsonb_each(j) WITH ORDINALITY AS o(k, v, n);\n"
	"  ELSE\n"
	"    r := j::text;\n"
	"  END CASE;\n"
	"  RETURN r;\n"
	"END $$;",
	"CREATE FUNCTION json_extract(j text, path text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$\n"
	"DECLARE e jsonb;\n"
	"BEGIN\n"
	"  IF j IS NULL OR path !~ '^\\$\\[[0-9]+\\]$' THEN RETURN NULL; END IF;\n"
	"  e := j::jsonb -> substr(path, 3, length(path) - 3)::int;\n"
	"  IF e IS NULL OR jsonb_typeof(e) = 'null' THEN RETURN NULL; END IF;\n"
	"  IF jsonb_typeof(e) = 'string' THEN RETURN e #>> '{}'; END IF;\n"
	"  RETURN jrc_json(e);\n"
	"END $$;",
	"CREATE FUNCTION json_each(j text) RETURNS TABLE(key bigint, value text, type text, atom text)\n"
	"LANGUAGE sql IMMUTABLE AS $$\n"
	"  SELECT n - 1,\n"
	"    CASE jsonb_typeof(e) WHEN 'string' THEN e #>> '{}' WHEN 'null' THEN NULL\n"
	"      WHEN 'array' THEN jrc_json(e) WHEN 'object' THEN jrc_json(e) ELSE e::text END,\n"
	"    CASE jsonb_typeof(e) WHEN 'string' THEN 'text' WHEN 'number' THEN\n"
	"      CASE WHEN e::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END\n"
	"      WHEN 'boolean' THEN e::text ELSE jsonb_typeof(e) END,\n"
	"    CASE jsonb_typeof(e) WHEN 'string' THEN e #>> '{}' WHEN 'array' THEN NULL WHEN 'object' THEN NULL\n"
	"      WHEN 'null' THEN NULL ELSE e::text END\n"
	"  FROM jsonb_array_elements(j::jsonb) WITH ORDINALITY AS a(e, n)\n"
	"$$;",
	NULL
};
