/* schema: see include/schema.h.
 *
 * Dates are TEXT 'YYYY-MM-DD' in both dialects (readable with the sqlite3
 * and psql shells, compared as text alike), workdays an integer bit set,
 * booleans 0/1. Every table carries a version that concurrent edits
 * compare. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "xmem.h"

/* The BSN "elfproef" as SQL, for the CHECK on case refs (SPEC §2). */
#define BSN_SUM                                                               \
	"(9*substr(ref,1,1) + 8*substr(ref,2,1) + 7*substr(ref,3,1) + "      \
	"6*substr(ref,4,1) + 5*substr(ref,5,1) + 4*substr(ref,6,1) + "        \
	"3*substr(ref,7,1) + 2*substr(ref,8,1) - substr(ref,9,1))"
#define IS_DATE(col) "(" col " IS date(" col "))"
#define CODE_OK(col) "(length(" col ") BETWEEN 1 AND 15)"

/* The columns of a week's snapshot: the figures of each employee and
 * team as workload_week gave them. */
#define SNAPSHOT_EMPLOYEE_COLUMNS                                             \
	" monday TEXT NOT NULL"                                               \
	"  REFERENCES snapshot_week(monday) ON DELETE CASCADE,"               \
	" employee_id INTEGER NOT NULL,"                                      \
	" available REAL NOT NULL, capacity REAL NOT NULL,"                   \
	" case_hours REAL NOT NULL, intake_hours REAL NOT NULL,"              \
	" side_hours REAL NOT NULL, demand REAL NOT NULL,"                    \
	" load REAL," /* NULL: infinite */                                    \
	" status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 4),"            \
	" counted INTEGER NOT NULL, sustained INTEGER NOT NULL,"              \
	" open_cases INTEGER NOT NULL, new_cases INTEGER NOT NULL,"           \
	" closed_cases INTEGER NOT NULL, blocks INTEGER NOT NULL,"            \
	" PRIMARY KEY (monday, employee_id)"
#define SNAPSHOT_TEAM_COLUMNS                                                 \
	" monday TEXT NOT NULL"                                               \
	"  REFERENCES snapshot_week(monday) ON DELETE CASCADE,"               \
	" team_id INTEGER NOT NULL,"                                          \
	" capacity REAL NOT NULL, demand REAL NOT NULL,"                      \
	" case_hours REAL NOT NULL, intake_hours REAL NOT NULL,"              \
	" side_hours REAL NOT NULL, waiting_hours REAL NOT NULL,"             \
	" waiting_cases INTEGER NOT NULL, load REAL,"                         \
	" status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 4),"            \
	" counted INTEGER NOT NULL, sustained INTEGER NOT NULL,"              \
	" members INTEGER NOT NULL, n_room INTEGER NOT NULL,"                 \
	" n_ok INTEGER NOT NULL, n_high INTEGER NOT NULL,"                    \
	" n_over INTEGER NOT NULL, sustained_members INTEGER NOT NULL,"       \
	" PRIMARY KEY (monday, team_id)"

static const char schema_v1[] =
	"CREATE TABLE team ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" code TEXT NOT NULL UNIQUE CHECK " CODE_OK("code") ","
	" name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 95),"
	" area TEXT NOT NULL DEFAULT '' CHECK (length(area) <= 95),"
	" version INTEGER NOT NULL DEFAULT 1"
	") STRICT;"
	"CREATE TABLE rota ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	" weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 5),"
	" part TEXT NOT NULL CHECK (part IN ('ochtend', 'middag')),"
	" hours REAL NOT NULL CHECK (hours > 0 AND hours <= 12),"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (team_id, weekday, part)"
	") STRICT;"
	"CREATE TABLE employee ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" code TEXT NOT NULL UNIQUE CHECK " CODE_OK("code") ","
	" name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 95),"
	" team_id INTEGER NOT NULL REFERENCES team(id),"
	" discipline TEXT NOT NULL DEFAULT '' CHECK (length(discipline) <= 15),"
	" contract_hours REAL NOT NULL"
	"  CHECK (contract_hours > 0 AND contract_hours <= 40),"
	" workdays INTEGER NOT NULL DEFAULT 31 CHECK (workdays BETWEEN 1 AND 31),"
	" start_date TEXT NOT NULL CHECK " IS_DATE("start_date") ","
	" end_date TEXT CHECK (end_date IS NULL OR"
	"  (" IS_DATE("end_date") " AND end_date >= start_date)),"
	" version INTEGER NOT NULL DEFAULT 1"
	") STRICT;"
	"CREATE INDEX employee_team ON employee(team_id);"
	"CREATE TABLE absence ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" employee_id INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,"
	" start_date TEXT NOT NULL CHECK " IS_DATE("start_date") ","
	" end_date TEXT NOT NULL CHECK"
	"  (" IS_DATE("end_date") " AND end_date >= start_date),"
	" percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),"
	" reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 15),"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (employee_id, start_date, end_date)"
	") STRICT;"
	"CREATE TABLE activity ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" employee_id INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 95),"
	" kind TEXT NOT NULL DEFAULT '' CHECK (length(kind) <= 15),"
	" hours_per_week REAL NOT NULL"
	"  CHECK (hours_per_week > 0 AND hours_per_week <= 40),"
	" start_date TEXT NOT NULL CHECK " IS_DATE("start_date") ","
	" end_date TEXT CHECK (end_date IS NULL OR"
	"  (" IS_DATE("end_date") " AND end_date >= start_date)),"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (employee_id, name, start_date)"
	") STRICT;"
	"CREATE TABLE block ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL CHECK (" IS_DATE("date")
	"  AND strftime('%w', date) NOT IN ('0', '6')),"
	" part TEXT NOT NULL CHECK (part IN ('ochtend', 'middag')),"
	" hours REAL NOT NULL CHECK (hours > 0 AND hours <= 12),"
	" employee_id INTEGER REFERENCES employee(id) ON DELETE SET NULL,"
	" locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (team_id, date, part)"
	") STRICT;"
	"CREATE TABLE cases ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" ref TEXT NOT NULL UNIQUE CHECK (length(ref) BETWEEN 1 AND 31"
	"  AND NOT (ref GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"
	"   AND " BSN_SUM " % 11 = 0)),"
	" team_id INTEGER NOT NULL REFERENCES team(id),"
	" employee_id INTEGER REFERENCES employee(id),"
	" type TEXT NOT NULL CHECK " CODE_OK("type") ","
	" phase TEXT NOT NULL CHECK (phase IN ('intake', 'actief', 'afschalen')),"
	" opened TEXT NOT NULL CHECK " IS_DATE("opened") ","
	" closed TEXT CHECK (closed IS NULL OR"
	"  (" IS_DATE("closed") " AND closed >= opened)),"
	" origin_block INTEGER REFERENCES block(id) ON DELETE SET NULL,"
	" version INTEGER NOT NULL DEFAULT 1"
	") STRICT;"
	"CREATE INDEX cases_employee ON cases(employee_id);"
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),"
	" user TEXT NOT NULL,"
	" txn INTEGER NOT NULL,"
	" tbl TEXT NOT NULL,"
	" row_id INTEGER NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
	" old TEXT,"
	" new TEXT"
	") STRICT;"
	"CREATE INDEX audit_txn ON audit(txn);"
	/* Snapshots: a week's figures as they were, so history survives later
	 * edits (SPEC §6). Keyed by the week's Monday and the record's id. */
	"CREATE TABLE snapshot_week ("
	" monday TEXT PRIMARY KEY CHECK (" IS_DATE("monday")
	"  AND strftime('%w', monday) = '1'),"
	" taken_at TEXT NOT NULL DEFAULT"
	"  (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),"
	" taken_by TEXT NOT NULL,"
	/* 1: by `wijklast snapshot`; 0: the first time the week was viewed */
	" explicit INTEGER NOT NULL DEFAULT 0 CHECK (explicit IN (0, 1))"
	") STRICT;"
	"CREATE TABLE snapshot_employee (" SNAPSHOT_EMPLOYEE_COLUMNS
	") STRICT;"
	"CREATE TABLE snapshot_team (" SNAPSHOT_TEAM_COLUMNS ") STRICT;";

const struct schema_table schema_audited[] = {
	{ "team", { "code", "name", "area" } },
	{ "rota", { "team_id", "weekday", "part", "hours" } },
	{ "employee", { "code", "name", "team_id", "discipline",
		"contract_hours", "workdays", "start_date", "end_date" } },
	{ "absence", { "employee_id", "start_date", "end_date", "percent",
		"reason" } },
	{ "activity", { "employee_id", "name", "kind", "hours_per_week",
		"start_date", "end_date" } },
	{ "block", { "team_id", "date", "part", "hours", "employee_id",
		"locked" } },
	{ "cases", { "ref", "team_id", "employee_id", "type", "phase",
		"opened", "closed", "origin_block", "cover_from" } },
};
const size_t schema_n_audited =
    sizeof schema_audited / sizeof schema_audited[0];
#define audited schema_audited
#define N_AUDITED schema_n_audited
#define MAX_COLS SCHEMA_MAX_COLS

void
schema_add(struct schema_text *q, const char *frag)
{
	size_t n = strlen(frag);

	q->s = xreallocarray(q->s, q->len + n + 1, 1);
	memcpy(q->s + q->len, frag, n + 1);
	q->len += n;
}

/* json_object('col', ROW.col, ..., 'version', ROW.version): the audit
 * JSON of a row of table t, built by fn — SQLite's "json_object(" or
 * PostgreSQL's "json_build_object(": the same keys in the same order. */
static void
add_json(struct schema_text *q, size_t t, const char *row, const char *fn)
{
	schema_add(q, fn);
	for (size_t c = 0; c < MAX_COLS && audited[t].cols[c]; c++) {
		schema_add(q, "'");
		schema_add(q, audited[t].cols[c]);
		schema_add(q, "', ");
		schema_add(q, row);
		schema_add(q, audited[t].cols[c]);
		schema_add(q, ", ");
	}
	schema_add(q, "'version', ");
	schema_add(q, row);
	schema_add(q, "version)");
}

/* The audit triggers of every table, replacing those there are. */
char *
schema_sqlite_triggers(bool create)
{
	static const char *actions[] = { "insert", "update", "delete" };
	struct schema_text q = { 0 };

	for (size_t t = 0; t < N_AUDITED; t++) {
		for (size_t a = 0; a < 3; a++) {
			schema_add(&q, "DROP TRIGGER IF EXISTS audit_");
			schema_add(&q, audited[t].table);
			schema_add(&q, "_");
			schema_add(&q, actions[a]);
			schema_add(&q, ";");
			if (!create)
				continue;
			schema_add(&q, "CREATE TRIGGER audit_");
			schema_add(&q, audited[t].table);
			schema_add(&q, "_");
			schema_add(&q, actions[a]);
			schema_add(&q, " AFTER ");
			schema_add(&q, actions[a]);
			schema_add(&q, " ON ");
			schema_add(&q, audited[t].table);
			schema_add(&q, " BEGIN INSERT INTO audit (user, txn, tbl, "
			    "row_id, action, old, new) VALUES (wijklast_user(), "
			    "wijklast_txn(), '");
			schema_add(&q, audited[t].table);
			schema_add(&q, a == 2 ? "', OLD.id, '" : "', NEW.id, '");
			schema_add(&q, actions[a]);
			schema_add(&q, "', ");
			if (a == 0)
				schema_add(&q, "NULL");
			else
				add_json(&q, t, "OLD.", "json_object(");
			schema_add(&q, ", ");
			if (a == 2)
				schema_add(&q, "NULL");
			else
				add_json(&q, t, "NEW.", "json_object(");
			schema_add(&q, "); END;");
		}
	}
	return q.s;
}

/* Version 2: the change log — one row per change a person made (an audit
 * group), per undo and per redo, so undo history survives quitting; and
 * team codes unique regardless of case ("cen" is "CEN"). */
static const char schema_v2[] =
	"CREATE TABLE change_log ("
	" txn INTEGER PRIMARY KEY,"
	" user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),"
	" kind TEXT NOT NULL CHECK (kind IN ('change', 'undo', 'redo')),"
	" reverts INTEGER"
	"  CHECK ((kind = 'change') = (reverts IS NULL))"
	") STRICT;"
	"CREATE INDEX change_log_user ON change_log(user, txn);"
	"CREATE UNIQUE INDEX team_code_nocase ON team(code COLLATE NOCASE);";

/* Version 3: a case handed over as cover remembers whose it was, so it
 * can go back when they return (wijklast cover --return). */
static const char schema_v3[] =
	"ALTER TABLE cases ADD COLUMN cover_from INTEGER"
	" REFERENCES employee(id);";

/* Version 4: the cases of a week without reading every case there ever
 * was (issue 12). Ordered by closing day, with every column the dataset
 * holds, so the cases open on a day and later are one covering range
 * (not closed, or closed then or later) read in index order; the intake
 * blocks from a day on likewise. A week's snapshot is read whole, so its
 * rows are stored together (WITHOUT ROWID, by week). */
static const char schema_v4[] =
	"CREATE INDEX cases_open ON cases(closed, opened, team_id, employee_id,"
	" type, phase, origin_block, cover_from, version, ref);"
	"CREATE INDEX block_window ON block(date, team_id, part, hours,"
	" employee_id, locked, version);"
	/* a week's snapshot in one run of pages: by week, then by id */
	"CREATE TABLE snapshot_employee_v4 (" SNAPSHOT_EMPLOYEE_COLUMNS
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO snapshot_employee_v4 SELECT * FROM snapshot_employee;"
	"DROP TABLE snapshot_employee;"
	"ALTER TABLE snapshot_employee_v4 RENAME TO snapshot_employee;"
	"CREATE TABLE snapshot_team_v4 (" SNAPSHOT_TEAM_COLUMNS
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO snapshot_team_v4 SELECT * FROM snapshot_team;"
	"DROP TABLE snapshot_team;"
	"ALTER TABLE snapshot_team_v4 RENAME TO snapshot_team;"
	/* and one team's or employee's weeks together, for a long trend */
	"CREATE INDEX snapshot_employee_by_id ON snapshot_employee(employee_id,"
	" monday);"
	"CREATE INDEX snapshot_team_by_id ON snapshot_team(team_id, monday);";

const char *const schema_sqlite_steps[SCHEMA_VERSION] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
};
/* --- PostgreSQL --- */

/* Text in byte order, as SQLite compares it: dates, codes and refs sort
 * and compare alike on both. */
#define C " COLLATE \"C\""
#define PG_DATE(col) "(wl_is_date(" col "))"
#define PG_CODE_OK(col) "(length(" col ") BETWEEN 1 AND 15)"

/* Checks the tables use, and the audit group of a change: the store sets
 * wijklast.txn at BEGIN; a change made with psql gets one of its own, so
 * nothing escapes the audit. */
static const char pg_functions[] =
	"CREATE TABLE wijklast_schema (version INTEGER NOT NULL);"
	"CREATE SEQUENCE wijklast_txn;"
	"CREATE FUNCTION wl_is_date(t text) RETURNS boolean LANGUAGE plpgsql"
	" IMMUTABLE AS $$ BEGIN"
	" RETURN t ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND"
	"  to_char(to_date(t, 'YYYY-MM-DD'), 'YYYY-MM-DD') = t;"
	" EXCEPTION WHEN others THEN RETURN false; END $$;"
	"CREATE FUNCTION wl_weekday(t text) RETURNS integer LANGUAGE plpgsql"
	" IMMUTABLE AS $$ BEGIN"
	" RETURN extract(isodow FROM to_date(t, 'YYYY-MM-DD'))::integer;"
	" EXCEPTION WHEN others THEN RETURN 0; END $$;"
	/* SPEC §2: a ref that passes the BSN elfproef is refused */
	"CREATE FUNCTION wl_bsn_ok(ref text) RETURNS boolean LANGUAGE plpgsql"
	" IMMUTABLE AS $$ DECLARE s integer := 0; BEGIN"
	" IF ref !~ '^[0-9]{9}$' THEN RETURN true; END IF;"
	" FOR i IN 1..8 LOOP s := s + (10 - i) * substr(ref, i, 1)::integer;"
	" END LOOP;"
	" s := s - substr(ref, 9, 1)::integer;"
	" RETURN s % 11 <> 0; END $$;"
	/* The group must be one this session drew from the sequence
	 * (currval is the session's own): a setting made up would put one's
	 * changes into someone else's undo. */
	"CREATE FUNCTION wl_txn() RETURNS bigint LANGUAGE plpgsql"
	" SET search_path FROM CURRENT AS $$"
	" DECLARE v text := current_setting('wijklast.txn', true);"
	" mine bigint; BEGIN"
	" BEGIN mine := currval('wijklast_txn');"
	" EXCEPTION WHEN object_not_in_prerequisite_state THEN mine := NULL; END;"
	" IF v IS NULL OR v = '' OR mine IS NULL OR v <> mine::text THEN"
	"  v := nextval('wijklast_txn')::text;"
	"  PERFORM set_config('wijklast.txn', v, true); END IF;"
	" RETURN v::bigint; END $$;";

/* A foreign key with an ON DELETE action is checked at COMMIT: the row
 * its cascade touched (a block's delete sets its cases' origin_block to
 * NULL) is written to the audit after the row that caused it, so an undo,
 * going backwards, puts the case back before its block. The others refuse
 * at once, as in SQLite. */
#define DEFERRED " DEFERRABLE INITIALLY DEFERRED"

static const char pg_tables[] =
	"CREATE TABLE team ("
	" id BIGSERIAL PRIMARY KEY,"
	" code TEXT" C " NOT NULL UNIQUE CHECK " PG_CODE_OK("code") ","
	" name TEXT" C " NOT NULL CHECK (length(name) BETWEEN 1 AND 95),"
	" area TEXT" C " NOT NULL DEFAULT '' CHECK (length(area) <= 95),"
	" version BIGINT NOT NULL DEFAULT 1);"
	"CREATE UNIQUE INDEX team_code_nocase ON team (lower(code));"
	"CREATE TABLE rota ("
	" id BIGSERIAL PRIMARY KEY,"
	" team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE"
	    DEFERRED ","
	" weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 5),"
	" part TEXT" C " NOT NULL CHECK (part IN ('ochtend', 'middag')),"
	" hours DOUBLE PRECISION NOT NULL CHECK (hours > 0 AND hours <= 12),"
	" version BIGINT NOT NULL DEFAULT 1,"
	" UNIQUE (team_id, weekday, part));"
	"CREATE TABLE employee ("
	" id BIGSERIAL PRIMARY KEY,"
	" code TEXT" C " NOT NULL UNIQUE CHECK " PG_CODE_OK("code") ","
	" name TEXT" C " NOT NULL CHECK (length(name) BETWEEN 1 AND 95),"
	" team_id BIGINT NOT NULL REFERENCES team(id),"
	" discipline TEXT" C " NOT NULL DEFAULT ''"
	"  CHECK (length(discipline) <= 15),"
	" contract_hours DOUBLE PRECISION NOT NULL"
	"  CHECK (contract_hours > 0 AND contract_hours <= 40),"
	" workdays INTEGER NOT NULL DEFAULT 31 CHECK (workdays BETWEEN 1 AND 31),"
	" start_date TEXT" C " NOT NULL CHECK " PG_DATE("start_date") ","
	" end_date TEXT" C " CHECK (end_date IS NULL OR"
	"  (" PG_DATE("end_date") " AND end_date >= start_date)),"
	" version BIGINT NOT NULL DEFAULT 1);"
	"CREATE INDEX employee_team ON employee(team_id);"
	"CREATE TABLE absence ("
	" id BIGSERIAL PRIMARY KEY,"
	" employee_id BIGINT NOT NULL REFERENCES employee(id) ON DELETE CASCADE"
	    DEFERRED ","
	" start_date TEXT" C " NOT NULL CHECK " PG_DATE("start_date") ","
	" end_date TEXT" C " NOT NULL CHECK"
	"  (" PG_DATE("end_date") " AND end_date >= start_date),"
	" percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),"
	" reason TEXT" C " NOT NULL DEFAULT '' CHECK (length(reason) <= 15),"
	" version BIGINT NOT NULL DEFAULT 1,"
	" UNIQUE (employee_id, start_date, end_date));"
	"CREATE TABLE activity ("
	" id BIGSERIAL PRIMARY KEY,"
	" employee_id BIGINT NOT NULL REFERENCES employee(id) ON DELETE CASCADE"
	    DEFERRED ","
	" name TEXT" C " NOT NULL CHECK (length(name) BETWEEN 1 AND 95),"
	" kind TEXT" C " NOT NULL DEFAULT '' CHECK (length(kind) <= 15),"
	" hours_per_week DOUBLE PRECISION NOT NULL"
	"  CHECK (hours_per_week > 0 AND hours_per_week <= 40),"
	" start_date TEXT" C " NOT NULL CHECK " PG_DATE("start_date") ","
	" end_date TEXT" C " CHECK (end_date IS NULL OR"
	"  (" PG_DATE("end_date") " AND end_date >= start_date)),"
	" version BIGINT NOT NULL DEFAULT 1,"
	" UNIQUE (employee_id, name, start_date));"
	"CREATE TABLE block ("
	" id BIGSERIAL PRIMARY KEY,"
	" team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE"
	    DEFERRED ","
	" date TEXT" C " NOT NULL CHECK (" PG_DATE("date")
	"  AND wl_weekday(date) BETWEEN 1 AND 5),"
	" part TEXT" C " NOT NULL CHECK (part IN ('ochtend', 'middag')),"
	" hours DOUBLE PRECISION NOT NULL CHECK (hours > 0 AND hours <= 12),"
	" employee_id BIGINT REFERENCES employee(id) ON DELETE SET NULL"
	    DEFERRED ","
	" locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),"
	" version BIGINT NOT NULL DEFAULT 1,"
	" UNIQUE (team_id, date, part));"
	"CREATE TABLE cases ("
	" id BIGSERIAL PRIMARY KEY,"
	" ref TEXT" C " NOT NULL UNIQUE CHECK (length(ref) BETWEEN 1 AND 31"
	"  AND wl_bsn_ok(ref)),"
	" team_id BIGINT NOT NULL REFERENCES team(id),"
	" employee_id BIGINT REFERENCES employee(id),"
	" type TEXT" C " NOT NULL CHECK " PG_CODE_OK("type") ","
	" phase TEXT" C " NOT NULL"
	"  CHECK (phase IN ('intake', 'actief', 'afschalen')),"
	" opened TEXT" C " NOT NULL CHECK " PG_DATE("opened") ","
	" closed TEXT" C " CHECK (closed IS NULL OR"
	"  (" PG_DATE("closed") " AND closed >= opened)),"
	" origin_block BIGINT REFERENCES block(id) ON DELETE SET NULL"
	    DEFERRED ","
	" version BIGINT NOT NULL DEFAULT 1,"
	" cover_from BIGINT REFERENCES employee(id));"
	"CREATE INDEX cases_employee ON cases(employee_id);"
	"CREATE INDEX cases_team ON cases(team_id);"
	/* as SQLite's: the cases of a window in one range of an index,
	 * read from it alone (an index-only scan, once vacuumed); the open
	 * ones, a good part of all, in one of their own */
	"CREATE INDEX cases_open ON cases(closed, opened) INCLUDE (id, ref,"
	" team_id, employee_id, type, phase, origin_block, cover_from,"
	" version);"
	"CREATE INDEX cases_still_open ON cases(id) INCLUDE (ref, team_id,"
	" employee_id, type, phase, opened, closed, origin_block, cover_from,"
	" version) WHERE closed IS NULL;"
	"CREATE INDEX block_window ON block(date) INCLUDE (id, team_id, part,"
	" hours, employee_id, locked, version);"
	/* team_id: whose data the row was, for who may read it */
	"CREATE TABLE audit ("
	" id BIGSERIAL PRIMARY KEY,"
	" at TEXT NOT NULL DEFAULT"
	"  to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'),"
	" \"user\" TEXT NOT NULL,"
	" txn BIGINT NOT NULL,"
	" tbl TEXT NOT NULL,"
	" row_id BIGINT NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
	" old JSON,"
	" new JSON,"
	" team_id BIGINT,"
	/* the transaction that wrote it: ids are drawn as rows are written,
	 * and transactions commit in another order, so what is new since a
	 * look is told by ids and by the transactions running then */
	" txid xid8 NOT NULL DEFAULT pg_current_xact_id());"
	"CREATE INDEX audit_txn ON audit(txn);"
	"CREATE INDEX audit_txid ON audit(txid);"
	"CREATE INDEX audit_row ON audit(tbl, row_id);"
	"CREATE TABLE change_log ("
	" txn BIGINT PRIMARY KEY,"
	" \"user\" TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT"
	"  to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'),"
	" kind TEXT NOT NULL CHECK (kind IN ('change', 'undo', 'redo')),"
	" reverts BIGINT CHECK ((kind = 'change') = (reverts IS NULL)));"
	"CREATE INDEX change_log_user ON change_log(\"user\", txn);"
	"CREATE TABLE snapshot_week ("
	" monday TEXT" C " PRIMARY KEY CHECK (" PG_DATE("monday")
	"  AND wl_weekday(monday) = 1),"
	" taken_at TEXT NOT NULL DEFAULT"
	"  to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'),"
	" taken_by TEXT NOT NULL,"
	" explicit INTEGER NOT NULL DEFAULT 0 CHECK (explicit IN (0, 1)));"
	"CREATE TABLE snapshot_employee ("
	" monday TEXT" C " NOT NULL"
	"  REFERENCES snapshot_week(monday) ON DELETE CASCADE"
	    DEFERRED ","
	" employee_id BIGINT NOT NULL,"
	" available DOUBLE PRECISION NOT NULL, capacity DOUBLE PRECISION NOT NULL,"
	" case_hours DOUBLE PRECISION NOT NULL,"
	" intake_hours DOUBLE PRECISION NOT NULL,"
	" side_hours DOUBLE PRECISION NOT NULL, demand DOUBLE PRECISION NOT NULL,"
	" load DOUBLE PRECISION,"
	" status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 4),"
	" counted INTEGER NOT NULL, sustained INTEGER NOT NULL,"
	" open_cases INTEGER NOT NULL, new_cases INTEGER NOT NULL,"
	" closed_cases INTEGER NOT NULL, blocks INTEGER NOT NULL,"
	" PRIMARY KEY (monday, employee_id));"
	"CREATE INDEX snapshot_employee_by_id ON snapshot_employee(employee_id,"
	" monday);"
	"CREATE TABLE snapshot_team ("
	" monday TEXT" C " NOT NULL"
	"  REFERENCES snapshot_week(monday) ON DELETE CASCADE"
	    DEFERRED ","
	" team_id BIGINT NOT NULL,"
	" capacity DOUBLE PRECISION NOT NULL, demand DOUBLE PRECISION NOT NULL,"
	" case_hours DOUBLE PRECISION NOT NULL,"
	" intake_hours DOUBLE PRECISION NOT NULL,"
	" side_hours DOUBLE PRECISION NOT NULL,"
	" waiting_hours DOUBLE PRECISION NOT NULL,"
	" waiting_cases INTEGER NOT NULL, load DOUBLE PRECISION,"
	" status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 4),"
	" counted INTEGER NOT NULL, sustained INTEGER NOT NULL,"
	" members INTEGER NOT NULL, n_room INTEGER NOT NULL,"
	" n_ok INTEGER NOT NULL, n_high INTEGER NOT NULL,"
	" n_over INTEGER NOT NULL, sustained_members INTEGER NOT NULL,"
	" PRIMARY KEY (monday, team_id));"
	"CREATE INDEX snapshot_team_by_id ON snapshot_team(team_id, monday);"
	/* Rights per team: a login's role, and its teams (none for an
	 * admin). The schema's owner is an admin without a row here. */
	"CREATE TABLE access ("
	" login TEXT NOT NULL,"
	" role TEXT NOT NULL CHECK (role IN ('coach', 'manager', 'admin')),"
	" team_id BIGINT REFERENCES team(id) ON DELETE CASCADE"
	    DEFERRED ","
	" CHECK ((role = 'admin') = (team_id IS NULL)));"
	"CREATE UNIQUE INDEX access_login ON access(login,"
	" coalesce(team_id, 0));";

/* Who may do what, asked by the policies and the guards. SECURITY DEFINER:
 * they read the rights as the owner, past the policies they serve. The
 * arrays are read once per query (the policies call them in a subquery),
 * not once per row. */
static const char pg_rights[] =
	"CREATE FUNCTION wl_is_owner() RETURNS boolean LANGUAGE sql STABLE"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class"
	"  WHERE oid = 'team'::regclass), 'MEMBER') $$;"
	"CREATE FUNCTION wl_role() RETURNS text LANGUAGE sql STABLE"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" SELECT CASE WHEN wl_is_owner() THEN 'admin' ELSE"
	"  (SELECT role FROM access WHERE login = session_user LIMIT 1) END $$;"
	"CREATE FUNCTION wl_is_admin() RETURNS boolean LANGUAGE sql STABLE"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" SELECT coalesce(wl_role() = 'admin', false) $$;"
	"CREATE FUNCTION wl_read_teams() RETURNS bigint[] LANGUAGE sql STABLE"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" SELECT coalesce(array_agg(team_id), '{}') FROM access"
	"  WHERE login = session_user AND team_id IS NOT NULL $$;"
	"CREATE FUNCTION wl_write_teams() RETURNS bigint[] LANGUAGE sql STABLE"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" SELECT coalesce(array_agg(team_id), '{}') FROM access"
	"  WHERE login = session_user AND role = 'coach' $$;"
	"CREATE FUNCTION wl_read_employees() RETURNS bigint[] LANGUAGE sql STABLE"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" SELECT coalesce(array_agg(id), '{}') FROM employee"
	"  WHERE team_id = ANY (wl_read_teams()) $$;"
	"CREATE FUNCTION wl_write_employees() RETURNS bigint[] LANGUAGE sql STABLE"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" SELECT coalesce(array_agg(id), '{}') FROM employee"
	"  WHERE team_id = ANY (wl_write_teams()) $$;"
	/* the team a row of tbl belongs to */
	"CREATE FUNCTION wl_team_of(tbl text, r jsonb) RETURNS bigint"
	" LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"
	" AS $$ SELECT CASE tbl WHEN 'team' THEN (r->>'id')::bigint"
	"  WHEN 'absence' THEN (SELECT team_id FROM employee"
	"   WHERE id = (r->>'employee_id')::bigint)"
	"  WHEN 'activity' THEN (SELECT team_id FROM employee"
	"   WHERE id = (r->>'employee_id')::bigint)"
	"  ELSE (r->>'team_id')::bigint END $$;"
	/* A change to a team one may not change stops here, saying which
	 * team and which right: the policies alone would only hide it. */
	"CREATE FUNCTION wl_must_write(t bigint, label text) RETURNS void"
	" LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT"
	" AS $$ DECLARE r text := wl_role(); code text; mine text; BEGIN"
	/* no team (a key that names none): the constraints say what is wrong */
	" IF t IS NULL OR r = 'admin' OR t = ANY (wl_write_teams()) THEN"
	"  RETURN; END IF;"
	" SELECT team.code INTO code FROM team WHERE id = t;"
	" SELECT string_agg(team.code, ', ' ORDER BY team.code) INTO mine"
	"  FROM access JOIN team ON team.id = access.team_id"
	"  WHERE login = session_user;"
	/* short, for a status line; the values quoted, so that the
	 * program finds the words in its catalogue (i18n_message) */
	" RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',"
	"  MESSAGE = CASE"
	"   WHEN r IS NULL THEN format('\"%s\" may not change team \"%s\" (no"
	" rights here)', session_user, coalesce(code, label, t::text))"
	"   WHEN r = 'manager' THEN format('\"%s\" may not change team \"%s\""
	" (manager of \"%s\": reads only)', session_user,"
	"    coalesce(code, label, t::text), mine)"
	"   ELSE format('\"%s\" may not change team \"%s\" (coach of \"%s\")',"
	"    session_user, coalesce(code, label, t::text), mine) END;"
	" END $$;"
	"CREATE FUNCTION wl_guard() RETURNS trigger LANGUAGE plpgsql"
	" SECURITY DEFINER SET search_path FROM CURRENT AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN PERFORM wl_must_write("
	"  wl_team_of(TG_TABLE_NAME, to_jsonb(OLD)), to_jsonb(OLD)->>'code');"
	" END IF;"
	" IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;"
	" PERFORM wl_must_write(wl_team_of(TG_TABLE_NAME, to_jsonb(NEW)),"
	"  to_jsonb(NEW)->>'code');"
	" RETURN NEW; END $$;"
	/* The privileges on the tables a role's login needs, given (or, for
	 * 'none', taken) by the owner of the tables: an admin who is not the
	 * owner holds no grant option on them. Only for an admin. */
	"CREATE FUNCTION wl_tables(who text, what text) RETURNS void"
	" LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$"
	" DECLARE s text := current_schema(); BEGIN"
	" IF NOT wl_is_admin() THEN RAISE EXCEPTION USING ERRCODE ="
	"  'insufficient_privilege', MESSAGE = format('only an admin may grant"
	" rights (\"%s\" is not one)', session_user); END IF;"
	" IF what = 'none' THEN"
	"  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', s,"
	"   who);"
	"  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', s,"
	"   who);"
	"  EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM %I', s, who);"
	"  RETURN; END IF;"
	" EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, who);"
	" EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON team, rota,"
	" employee, absence, activity, block, cases, snapshot_week,"
	" snapshot_employee, snapshot_team, change_log TO %I', who);"
	" EXECUTE format('GRANT SELECT ON audit, access, wijklast_schema TO %I',"
	"  who);"
	" EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', s,"
	"  who);"
	" IF what = 'admin' THEN"
	"  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON access TO %I', who);"
	" ELSE"
	"  EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON access FROM %I',"
	"   who);"
	" END IF; END $$;"
	/* An admin may create logins (CREATEROLE); nobody else keeps that,
	 * or a demoted admin could still make themselves the owner. The
	 * owner and superusers are left as they are. Run as the admin who
	 * grants (altering a role takes CREATEROLE). */
	"CREATE FUNCTION wl_createrole(who text, admin boolean) RETURNS void"
	" LANGUAGE plpgsql SET search_path FROM CURRENT AS $$ BEGIN"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who AND NOT rolsuper"
	"  AND rolcreaterole <> admin) AND NOT pg_has_role(who,"
	"  (SELECT relowner FROM pg_class WHERE oid = 'team'::regclass),"
	"  'MEMBER') THEN"
	"  EXECUTE format('ALTER ROLE %I %s', who,"
	"   CASE WHEN admin THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END);"
	" END IF; END $$;"
	/* grant and revoke: as the admin who calls them (creating a login
	 * takes CREATEROLE), refused for anyone else */
	"CREATE FUNCTION wl_grant(who text, what text, codes text[])"
	" RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$"
	" DECLARE s text := current_schema(); missing text; BEGIN"
	" IF NOT wl_is_admin() THEN RAISE EXCEPTION USING ERRCODE ="
	"  'insufficient_privilege', MESSAGE = format('only an admin may grant"
	" rights (\"%s\" is not one)', session_user); END IF;"
	" IF what NOT IN ('coach', 'manager', 'admin') THEN RAISE EXCEPTION"
	"  USING ERRCODE = 'invalid_parameter_value', MESSAGE = format("
	"  'no role \"%s\": coach, manager or admin', what); END IF;"
	" IF what <> 'admin' AND coalesce(cardinality(codes), 0) = 0 THEN"
	"  RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE ="
	"  format('a \"%s\" needs --team: the teams of the role', what); END IF;"
	" IF what = 'admin' AND coalesce(cardinality(codes), 0) > 0 THEN"
	"  RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE ="
	"  'an admin has every team: leave out --team'; END IF;"
	" SELECT string_agg(c, ', ') INTO missing FROM unnest(codes) c"
	"  WHERE NOT EXISTS (SELECT 1 FROM team WHERE lower(code) = lower(c));"
	" IF missing IS NOT NULL THEN RAISE EXCEPTION USING ERRCODE ="
	"  'invalid_parameter_value', MESSAGE = format('no team \"%s\"',"
	"  missing); END IF;"
	" IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN"
	"  EXECUTE format('CREATE ROLE %I LOGIN', who); END IF;"
	" PERFORM wl_tables(who, what);"
	" DELETE FROM access WHERE login = who;"
	" IF what = 'admin' THEN"
	"  INSERT INTO access (login, role) VALUES (who, 'admin');"
	" ELSE"
	"  INSERT INTO access (login, role, team_id) SELECT who, what, id"
	"   FROM team WHERE lower(code) IN (SELECT lower(c) FROM unnest(codes) c);"
	" END IF;"
	" PERFORM wl_createrole(who, what = 'admin'); END $$;"
	"CREATE FUNCTION wl_revoke(who text, codes text[]) RETURNS void"
	" LANGUAGE plpgsql SET search_path FROM CURRENT AS $$"
	" DECLARE s text := current_schema(); missing text; BEGIN"
	" IF NOT wl_is_admin() THEN RAISE EXCEPTION USING ERRCODE ="
	"  'insufficient_privilege', MESSAGE = format('only an admin may revoke"
	" rights (\"%s\" is not one)', session_user); END IF;"
	" IF NOT EXISTS (SELECT 1 FROM access WHERE login = who) THEN"
	"  RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE ="
	"  format('\"%s\" has no rights here (wijklast grant lists who has)',"
	"  who); END IF;"
	" SELECT string_agg(c, ', ') INTO missing FROM unnest(codes) c"
	"  WHERE NOT EXISTS (SELECT 1 FROM access JOIN team ON"
	"   team.id = access.team_id WHERE login = who AND"
	"   lower(team.code) = lower(c));"
	" IF missing IS NOT NULL THEN RAISE EXCEPTION USING ERRCODE ="
	"  'invalid_parameter_value', MESSAGE = format('\"%s\" has no rights"
	" to team \"%s\"', who, missing); END IF;"
	" IF coalesce(cardinality(codes), 0) > 0 THEN"
	"  DELETE FROM access WHERE login = who AND team_id IN"
	"   (SELECT id FROM team WHERE lower(code) IN"
	"    (SELECT lower(c) FROM unnest(codes) c));"
	"  IF EXISTS (SELECT 1 FROM access WHERE login = who) THEN RETURN;"
	"  END IF; END IF;"
	" DELETE FROM access WHERE login = who;"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN"
	"  PERFORM wl_tables(who, 'none');"
	"  PERFORM wl_createrole(who, false);"
	" END IF; END $$;";

/* The policies: what a login sees (SELECT, and which rows an UPDATE or
 * DELETE may reach) and what it may write. The owner is not held by
 * them; admins pass every one. */
#define ONCE(f) "CAST((SELECT " f "()) AS bigint[])"
#define READ_TEAM(col)                                                        \
	"((SELECT wl_is_admin()) OR " col " = ANY (" ONCE("wl_read_teams") "))"
#define WRITE_TEAM(col)                                                       \
	"((SELECT wl_is_admin()) OR " col " = ANY (" ONCE("wl_write_teams") "))"
#define READ_EMPLOYEE                                                         \
	"((SELECT wl_is_admin()) OR employee_id = ANY ("                      \
	ONCE("wl_read_employees") "))"
#define WRITE_EMPLOYEE                                                        \
	"((SELECT wl_is_admin()) OR employee_id = ANY ("                      \
	ONCE("wl_write_employees") "))"
#define POLICIES(t, read, write)                                              \
	"ALTER TABLE " t " ENABLE ROW LEVEL SECURITY;"                        \
	"CREATE POLICY see ON " t " FOR SELECT USING " read ";"               \
	"CREATE POLICY add ON " t " FOR INSERT WITH CHECK " write ";"         \
	"CREATE POLICY change ON " t " FOR UPDATE USING " read                \
	" WITH CHECK " write ";"                                              \
	"CREATE POLICY remove ON " t " FOR DELETE USING " read ";"            \
	"CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON " t        \
	" FOR EACH ROW EXECUTE FUNCTION wl_guard();"

static const char pg_policies[] =
	POLICIES("team", READ_TEAM("id"), WRITE_TEAM("id"))
	POLICIES("rota", READ_TEAM("team_id"), WRITE_TEAM("team_id"))
	POLICIES("employee", READ_TEAM("team_id"), WRITE_TEAM("team_id"))
	POLICIES("block", READ_TEAM("team_id"), WRITE_TEAM("team_id"))
	POLICIES("cases", READ_TEAM("team_id"), WRITE_TEAM("team_id"))
	POLICIES("absence", READ_EMPLOYEE, WRITE_EMPLOYEE)
	POLICIES("activity", READ_EMPLOYEE, WRITE_EMPLOYEE)
	/* a week's figures are frozen by whoever looks at it first: one may
	 * write those of the teams one reads */
	"ALTER TABLE snapshot_team ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY own ON snapshot_team USING " READ_TEAM("team_id") ";"
	"ALTER TABLE snapshot_employee ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY own ON snapshot_employee USING " READ_EMPLOYEE ";"
	/* the audit: one's own changes and those of the teams one reads */
	"ALTER TABLE audit ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY see ON audit FOR SELECT USING (\"user\" = session_user"
	" OR " READ_TEAM("team_id") ");"
	/* an undo step is one's own, for a group this session drew */
	"ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY see ON change_log FOR SELECT USING (true);"
	"CREATE POLICY add ON change_log FOR INSERT"
	" WITH CHECK (\"user\" = session_user AND"
	" txn = currval('wijklast_txn'));"
	/* a week is frozen by whoever looks first; only an admin forgets
	 * weeks (its rows of every team go with it) */
	"ALTER TABLE snapshot_week ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY see ON snapshot_week FOR SELECT USING (true);"
	"CREATE POLICY add ON snapshot_week FOR INSERT WITH CHECK (true);"
	"CREATE POLICY change ON snapshot_week FOR UPDATE USING (true);"
	"CREATE POLICY remove ON snapshot_week FOR DELETE"
	" USING ((SELECT wl_is_admin()));"
	"ALTER TABLE access ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY see ON access FOR SELECT USING (login = session_user"
	" OR (SELECT wl_is_admin()));"
	"CREATE POLICY admin ON access USING ((SELECT wl_is_admin()));";

/* One audit trigger function per table. A copy by `wijklast migrate`,
 * made by the owner, brings its audit along and skips writing a new one. */
static void
add_pg_audit(struct schema_text *q)
{
	for (size_t t = 0; t < N_AUDITED; t++) {
		const char *table = audited[t].table;
		schema_add(q, "CREATE FUNCTION wl_audit_");
		schema_add(q, table);
		schema_add(q, "() RETURNS trigger LANGUAGE plpgsql SECURITY "
		    "DEFINER SET search_path FROM CURRENT AS $$ DECLARE "
		    "o json; n json; r bigint; t bigint; BEGIN "
		    "IF current_setting('wijklast.copy', true) = 'on' AND "
		    "wl_is_owner() THEN RETURN NULL; END IF; "
		    "IF TG_OP <> 'INSERT' THEN o := ");
		add_json(q, t, "OLD.", "json_build_object(");
		/* whose data it is: wl_team_of, as the guard asks */
		schema_add(q, "; r := OLD.id; t := wl_team_of(TG_TABLE_NAME,"
		    " to_jsonb(OLD)); END IF; IF TG_OP <> 'DELETE' THEN n := ");
		add_json(q, t, "NEW.", "json_build_object(");
		schema_add(q, "; r := NEW.id; t := wl_team_of(TG_TABLE_NAME,"
		    " to_jsonb(NEW)); END IF; INSERT INTO audit (\"user\", txn, tbl, "
		    "row_id, action, old, new, team_id) VALUES (session_user, "
		    "wl_txn(), '");
		schema_add(q, table);
		schema_add(q, "', r, lower(TG_OP), o, n, t); RETURN NULL; "
		    "END $$;");
		schema_add(q, "CREATE TRIGGER audit AFTER INSERT OR UPDATE OR "
		    "DELETE ON ");
		schema_add(q, table);
		schema_add(q, " FOR EACH ROW EXECUTE FUNCTION wl_audit_");
		schema_add(q, table);
		schema_add(q, "();");
	}
}

char *
schema_postgres(void)
{
	struct schema_text q = { 0 };

	schema_add(&q, pg_functions);
	schema_add(&q, pg_tables);
	schema_add(&q, pg_rights);
	add_pg_audit(&q);
	schema_add(&q, pg_policies);
	return q.s;
}
