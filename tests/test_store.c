/* The store: schema rules of SPEC §2 as CHECK constraints, the audit
 * trail, undo, windows and refreshes (suite store, on both backends); the
 * SQLite file's mode, migrations, backups and busy databases (store_file). */
#include <sqlite3.h>
#include <sys/stat.h>

#include "store.h"
#include "testutil.h"

static struct store *st;
static struct err e;

static void
open_memory(void)
{
	err_clear(&e);
	cr_assert_eq(store_open(&st, test_database(":memory:"), "tester", &e), 0,
	    "%s", e.msg);
}

static void
close_store(void)
{
	store_close(st);
	st = NULL;
}

/* store: what both backends do alike (tests/run-all runs it on PostgreSQL
 * too); store_file: what only an SQLite file does */
TestSuite(store, .init = open_memory, .fini = close_store);
TestSuite(store_file, .init = open_memory, .fini = close_store);

/* The database of a test that opens one by name: a file in dir, or on
 * PostgreSQL a fresh database. */
static void
database(char *path, size_t size, const char *dir, const char *name)
{
	char file[4200];

	snprintf(file, sizeof file, "%s/%s", dir, name);
	snprintf(path, size, "%s", test_database(file));
}

static struct team
team(const char *code)
{
	struct team t = { 0 };

	snprintf(t.code, sizeof t.code, "%s", code);
	snprintf(t.name, sizeof t.name, "Team %s", code);
	return t;
}

static struct employee
employee(int64_t team_id, const char *code)
{
	struct employee em = { 0 };

	snprintf(em.code, sizeof em.code, "%s", code);
	snprintf(em.name, sizeof em.name, "Özlem Kaya");
	em.team_id = team_id;
	em.contract_hours = 32;
	em.workdays = WORKDAYS_ALL;
	em.start = D("2024-01-01");
	em.end = DATE_NONE;
	return em;
}

/* Add inside its own transaction; returns what store_add_* returned. */
#define ADD(fn, rec)                                                         \
	({                                                                   \
		int rc_;                                                     \
		cr_assert_eq(store_begin(st, &e), 0, "%s", e.msg);           \
		rc_ = fn(st, rec, &e);                                       \
		if (rc_ == 0)                                                \
			cr_assert_eq(store_commit(st, &e), 0, "%s", e.msg);  \
		else                                                         \
			store_rollback(st);                                  \
		rc_;                                                         \
	})

Test(store, round_trip_of_every_kind)
{
	struct team t = team("CEN");
	struct dataset d = { 0 };

	cr_assert_eq(ADD(store_add_team, &t), 0, "%s", e.msg);
	struct employee em = employee(t.id, "CEN01");
	em.workdays = 0x0b; /* ma, di, do */
	em.end = D("2027-06-30");
	cr_assert_eq(ADD(store_add_employee, &em), 0, "%s", e.msg);
	struct rota_entry r = { .team_id = t.id, .weekday = 2,
		.part = PART_AFTERNOON, .hours = 4 };
	cr_assert_eq(ADD(store_add_rota, &r), 0, "%s", e.msg);
	struct absence ab = { .employee_id = em.id, .start = D("2026-11-23"),
		.end = D("2026-11-27"), .percent = 50, .reason = "ziek" };
	cr_assert_eq(ADD(store_add_absence, &ab), 0, "%s", e.msg);
	struct activity ac = { .employee_id = em.id, .name = "Pilot Wijkwijzer",
		.kind = "pilot", .hours_per_week = 2.5, .start = D("2026-09-01"),
		.end = DATE_NONE };
	cr_assert_eq(ADD(store_add_activity, &ac), 0, "%s", e.msg);
	struct block b = { .team_id = t.id, .date = D("2026-11-24"),
		.part = PART_AFTERNOON, .hours = 4, .employee_id = em.id,
		.locked = true };
	cr_assert_eq(ADD(store_add_block, &b), 0, "%s", e.msg);
	struct case_item c = { .ref = "Z-2026-0001", .team_id = t.id,
		.employee_id = 0, .type = "JGD", .phase = PHASE_TAPER,
		.opened = D("2026-10-01"), .closed = DATE_NONE,
		.origin_block = b.id };
	cr_assert_eq(ADD(store_add_case, &c), 0, "%s", e.msg);

	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_teams, 1);
	cr_assert_str_eq(d.teams[0].code, "CEN");
	cr_assert_eq(d.n_employees, 1);
	cr_assert_str_eq(d.employees[0].name, "Özlem Kaya");
	cr_assert_eq(d.employees[0].workdays, 0x0b);
	cr_assert_eq(d.employees[0].end, D("2027-06-30"));
	cr_assert_eq(d.employees[0].version, 1);
	cr_assert_eq(d.rota[0].part, PART_AFTERNOON);
	cr_assert_eq(d.absences[0].percent, 50);
	cr_assert_str_eq(d.absences[0].reason, "ziek");
	cr_assert_float_eq(d.activities[0].hours_per_week, 2.5, 1e-9);
	cr_assert_eq(d.activities[0].end, DATE_NONE);
	cr_assert(d.blocks[0].locked);
	cr_assert_eq(d.blocks[0].employee_id, em.id);
	cr_assert_eq(d.cases[0].employee_id, 0);
	cr_assert_eq(d.cases[0].phase, PHASE_TAPER);
	cr_assert_eq(d.cases[0].closed, DATE_NONE);
	cr_assert_eq(d.cases[0].origin_block, b.id);
	dataset_clear(&d);
}

Test(store, checks_refuse_what_spec_forbids)
{
	struct team t = team("CEN"), dup = team("CEN");

	cr_assert_eq(ADD(store_add_team, &t), 0);
	cr_assert_eq(ADD(store_add_team, &dup), -1);
	cr_assert_eq(e.status, EXIT_DATAERR);
	cr_assert(strcasestr(e.msg, "unique"), "%s", e.msg);

	struct employee em = employee(t.id, "E1");
	em.contract_hours = 41;
	cr_assert_eq(ADD(store_add_employee, &em), -1, "41 h accepted");
	em.contract_hours = 0;
	cr_assert_eq(ADD(store_add_employee, &em), -1, "0 h accepted");
	em = employee(t.id, "E1");
	em.workdays = 0;
	cr_assert_eq(ADD(store_add_employee, &em), -1, "no workdays accepted");
	em = employee(t.id, "E1");
	em.end = D("2023-12-31");
	cr_assert_eq(ADD(store_add_employee, &em), -1, "end before start");
	em = employee(999, "E1");
	cr_assert_eq(ADD(store_add_employee, &em), -1, "unknown team");
	em = employee(t.id, "E1");
	cr_assert_eq(ADD(store_add_employee, &em), 0, "%s", e.msg);

	struct absence ab = { .employee_id = em.id, .start = D("2026-01-02"),
		.end = D("2026-01-01"), .percent = 50 };
	cr_assert_eq(ADD(store_add_absence, &ab), -1, "absence ends early");
	ab.end = ab.start;
	ab.percent = 101;
	cr_assert_eq(ADD(store_add_absence, &ab), -1, "101 %%");
	ab.percent = 0;
	cr_assert_eq(ADD(store_add_absence, &ab), -1, "0 %%");

	struct activity ac = { .employee_id = em.id, .name = "x",
		.hours_per_week = 0, .start = D("2026-01-01"), .end = DATE_NONE };
	cr_assert_eq(ADD(store_add_activity, &ac), -1, "0 h activity");

	struct block b = { .team_id = t.id, .date = D("2026-11-28"),
		.part = PART_MORNING, .hours = 4 };
	cr_assert_eq(ADD(store_add_block, &b), -1, "block on a Saturday");

	struct case_item c = { .ref = "111222333", .team_id = t.id,
		.type = "JGD", .phase = PHASE_ACTIVE, .opened = D("2026-01-01"),
		.closed = DATE_NONE };
	cr_assert_eq(ADD(store_add_case, &c), -1, "a BSN as case ref");
	snprintf(c.ref, sizeof c.ref, "123456789"); /* nine digits, not a BSN */
	cr_assert_eq(ADD(store_add_case, &c), 0, "%s", e.msg);
	struct case_item c2 = c;
	snprintf(c2.ref, sizeof c2.ref, "Z-2");
	c2.closed = D("2025-12-31");
	cr_assert_eq(ADD(store_add_case, &c2), -1, "closed before opened");
}

Test(store_file, audit_records_who_and_what)
{
	struct team t = team("CEN");
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = 0;

	cr_assert_eq(ADD(store_add_team, &t), 0);
	cr_assert_eq(store_audit_count(st, &n, &e), 0);
	cr_assert_eq(n, 1);
	close_store();

	/* Look at the row itself through a second, plain connection. */
	char *dir = test_tmpdir(), path[4200];
	snprintf(path, sizeof path, "%s/a.db", dir);
	cr_assert_eq(store_open(&st, path, "özlem", &e), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_team, &t), 0);
	close_store();
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT user, tbl, action, "
	    "json_extract(new, '$.code'), old IS NULL FROM audit", -1, &s,
	    NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 0), "özlem");
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 1), "team");
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 2), "insert");
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 3), "CEN");
	cr_assert_eq(sqlite3_column_int(s, 4), 1);
	sqlite3_finalize(s);
	/* A write that bypasses wijklast cannot escape the audit. */
	cr_assert_neq(sqlite3_exec(db, "INSERT INTO team (code, name) "
	    "VALUES ('X', 'X')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	open_memory();
}

Test(store_file, file_is_private_and_in_wal_mode)
{
	char *dir = test_tmpdir(), path[4200];
	struct stat sb;

	close_store();
	snprintf(path, sizeof path, "%s/sub/dir/w.db", dir);
	cr_assert_eq(store_open(&st, path, "t", &e), 0, "%s", e.msg);
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600, "mode %o", sb.st_mode & 0777);
	close_store();
	/* Reopening migrates nothing and keeps the data. */
	cr_assert_eq(store_open(&st, path, "t", &e), 0, "%s", e.msg);
	close_store();

	sqlite3 *db;
	sqlite3_stmt *s;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(s, 0), STORE_SCHEMA_VERSION);
	sqlite3_finalize(s);
	sqlite3_close(db);
	open_memory();
}

Test(store_file, newer_schema_is_refused_untouched)
{
	char *dir = test_tmpdir(), path[4200];
	sqlite3 *db;
	struct stat before, after;

	close_store();
	snprintf(path, sizeof path, "%s/new.db", dir);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "CREATE TABLE x (a); PRAGMA "
	    "user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	cr_assert_eq(stat(path, &before), 0);
	cr_assert_eq(store_open(&st, path, "t", &e), -1);
	cr_assert(strstr(e.msg, "newer"), "%s", e.msg);
	cr_assert_eq(stat(path, &after), 0);
	cr_assert_eq(before.st_size, after.st_size);
	open_memory();
}

Test(store_file, not_a_database_is_a_clear_error)
{
	char *dir = test_tmpdir(), path[4200];
	FILE *f;

	close_store();
	snprintf(path, sizeof path, "%s/text.db", dir);
	f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough "
	    "to fill a header of one hundred bytes or so ................\n", f);
	fclose(f);
	cr_assert_eq(store_open(&st, path, "t", &e), -1);
	cr_assert(strstr(e.msg, path), "%s", e.msg);
	open_memory();
}

Test(store_file, busy_database_gives_status_75)
{
	char *dir = test_tmpdir(), path[4200];
	struct store *other;
	struct team t = team("CEN");

	close_store();
	snprintf(path, sizeof path, "%s/busy.db", dir);
	cr_assert_eq(store_open(&st, path, "a", &e), 0, "%s", e.msg);
	cr_assert_eq(store_open(&other, path, "b", &e), 0, "%s", e.msg);
	cr_assert_eq(store_begin(other, &e), 0, "%s", e.msg);
	cr_assert_eq(store_add_team(other, &t, &e), 0, "%s", e.msg);
	/* st waits its busy timeout (5 s), then gives up with 75. */
	cr_assert_eq(store_begin(st, &e), -1);
	cr_assert_eq(e.status, EXIT_BUSY, "%d %s", e.status, e.msg);
	store_rollback(other);
	store_close(other);
	close_store();
	open_memory();
}

Test(store_file, backup_is_a_consistent_copy)
{
	char *dir = test_tmpdir(), path[4200];
	struct store *copy;
	struct dataset d = { 0 };
	struct team t = team("CEN");

	cr_assert_eq(ADD(store_add_team, &t), 0);
	snprintf(path, sizeof path, "%s/backup.db", dir);
	cr_assert_eq(store_backup(st, path, &e), 0, "%s", e.msg);
	cr_assert_eq(store_open(&copy, path, "t", &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(copy, &d, DATASET_ALL, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_teams, 1);
	cr_assert_eq(store_check(copy, &e), 0, "%s", e.msg);
	dataset_clear(&d);
	store_close(copy);
	snprintf(path, sizeof path, "%s/no/such/dir/b.db", dir);
	cr_assert_eq(store_backup(st, path, &e), -1);
}

Test(store, is_empty)
{
	bool empty = false;
	struct team t = team("CEN");

	cr_assert_eq(store_is_empty(st, &empty, &e), 0);
	cr_assert(empty);
	cr_assert_eq(ADD(store_add_team, &t), 0);
	cr_assert_eq(store_is_empty(st, &empty, &e), 0);
	cr_assert_not(empty);
}

Test(store, revert_undoes_a_change_and_revert_of_that_redoes_it)
{
	struct team t = team("CEN");
	struct dataset d = { 0 };
	long long add_txn, set_txn, undo_txn;

	cr_assert_eq(ADD(store_add_team, &t), 0);
	struct employee a = employee(t.id, "A"), b = employee(t.id, "B");
	cr_assert_eq(ADD(store_add_employee, &a), 0);
	cr_assert_eq(ADD(store_add_employee, &b), 0);
	struct block blk = { .team_id = t.id, .date = D("2026-11-24"),
		.part = PART_MORNING, .hours = 4, .employee_id = a.id };
	cr_assert_eq(ADD(store_add_block, &blk), 0);
	add_txn = store_txn(st);

	/* Move the block from A to B, at the version we read. */
	cr_assert_eq(store_begin(st, &e), 0);
	cr_assert_eq(store_set_block_employee(st, blk.id, 1, b.id, &e), 0,
	    "%s", e.msg);
	cr_assert_eq(store_commit(st, &e), 0);
	set_txn = store_txn(st);
	/* A second edit based on the old version is refused. */
	cr_assert_eq(store_begin(st, &e), 0);
	cr_assert_eq(store_set_block_employee(st, blk.id, 1, 0, &e), -1);
	cr_assert(strstr(e.msg, "someone else"), "%s", e.msg);
	store_rollback(st);

	/* Undo: back to A. */
	cr_assert_eq(store_revert(st, set_txn, STORE_UNDO, &e), 0, "%s", e.msg);
	undo_txn = store_txn(st);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0);
	cr_assert_eq(d.blocks[0].employee_id, a.id);
	cr_assert_float_eq(d.blocks[0].hours, 4.0, 1e-9);
	dataset_clear(&d);
	/* Redo: the revert of the revert, B again. */
	cr_assert_eq(store_revert(st, undo_txn, STORE_UNDO, &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0);
	cr_assert_eq(d.blocks[0].employee_id, b.id);
	dataset_clear(&d);
	/* Undoing the insert after later changes to the row is refused. */
	cr_assert_eq(store_revert(st, add_txn, STORE_UNDO, &e), -1);
	cr_assert(strstr(e.msg, "changed by someone else"), "%s", e.msg);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0);
	cr_assert_eq(d.n_blocks, 1);
	dataset_clear(&d);
}

Test(store, revert_of_an_insert_deletes_it)
{
	struct team t = team("CEN");
	struct dataset d = { 0 };

	cr_assert_eq(ADD(store_add_team, &t), 0);
	cr_assert_eq(store_revert(st, store_txn(st), STORE_UNDO, &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0);
	cr_assert_eq(d.n_teams, 0);
	dataset_clear(&d);
	cr_assert_eq(store_revert(st, 999, STORE_UNDO, &e), -1);
	cr_assert(strstr(e.msg, "nothing to undo"), "%s", e.msg);
}

Test(store_file, another_programs_database_is_left_untouched)
{
	char *dir = test_tmpdir(), path[4200];
	sqlite3 *db;
	sqlite3_stmt *s;

	close_store();
	snprintf(path, sizeof path, "%s/notes.db", dir);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "CREATE TABLE notes (t TEXT)", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	cr_assert_eq(store_open(&st, path, "t", &e), -1);
	cr_assert_eq(e.status, EXIT_DATAERR);
	cr_assert(strstr(e.msg, "another program"), "%s", e.msg);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sqlite_schema) || "
	    "' ' || (SELECT journal_mode FROM pragma_journal_mode)", -1, &s, NULL);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 0), "1 delete");
	sqlite3_finalize(s);
	sqlite3_close(db);
	open_memory();
}

Test(store_file, backup_never_replaces_a_database_in_use)
{
	char *dir = test_tmpdir(), path[4200];
	struct team t = team("CEN");

	close_store();
	snprintf(path, sizeof path, "%s/live.db", dir);
	cr_assert_eq(store_open(&st, path, "t", &e), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_team, &t), 0);
	cr_assert_eq(store_backup(st, path, &e), -1);
	cr_assert_eq(e.status, EXIT_CANTCREAT);
	cr_assert(strstr(e.msg, "in use"), "%s", e.msg);
	cr_assert_eq(store_check(st, &e), 0, "%s", e.msg);
	close_store();
	open_memory();
}

Test(store, undo_never_reaches_a_record_that_reused_an_id)
{
	struct team t = team("CEN");
	struct dataset d = { 0 };
	long long added;

	cr_assert_eq(ADD(store_add_team, &t), 0);
	struct employee a = employee(t.id, "A");
	cr_assert_eq(ADD(store_add_employee, &a), 0);
	struct absence mine = { .employee_id = a.id, .start = D("2026-11-23"),
		.end = D("2026-11-24"), .percent = 50 };
	cr_assert_eq(ADD(store_add_absence, &mine), 0);
	added = store_txn(st);
	/* Someone deletes it and adds another absence: a new id. */
	cr_assert_eq(store_begin(st, &e), 0);
	cr_assert_eq(store_delete_absence(st, mine.id, mine.version, &e), 0);
	cr_assert_eq(store_commit(st, &e), 0);
	struct absence theirs = { .employee_id = a.id, .start = D("2026-12-01"),
		.end = D("2026-12-02"), .percent = 100 };
	cr_assert_eq(ADD(store_add_absence, &theirs), 0);
	cr_assert_neq(theirs.id, mine.id);
	/* Undoing the first insert finds nothing to remove: refused. */
	cr_assert_eq(store_revert(st, added, STORE_UNDO, &e), -1);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0);
	cr_assert_eq(d.n_absences, 1);
	cr_assert_eq(d.absences[0].percent, 100);
	dataset_clear(&d);
}

Test(store, team_codes_are_unique_regardless_of_case)
{
	struct team a = team("CEN"), b = team("cen");

	cr_assert_eq(store_begin(st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_add_team(st, &a, &e), 0, "%s", e.msg);
	cr_assert_eq(store_add_team(st, &b, &e), -1);
	cr_assert_eq(e.status, EXIT_DATAERR, "%s", e.msg);
	store_rollback(st);
}

/* Make a version 1 database at path holding the given team codes: today's
 * schema with what versions 2 to 4 added dropped (the triggers need the
 * two functions each wijklast connection registers). */
static void
old_database(const char *path, const char *const codes[], size_t n)
{
	sqlite3 *db;
	char sql[256];

	cr_assert_eq(store_open(&st, path, "t", &e), 0, "%s", e.msg);
	close_store();
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	/* back to version 1: what versions 2 to 4 added goes */
	cr_assert_eq(sqlite3_exec(db, "DROP INDEX cases_open; DROP INDEX block_window; "
	    "DROP INDEX team_code_nocase; "
	    "DROP TABLE change_log; DROP TRIGGER audit_cases_insert; "
	    "DROP TRIGGER audit_cases_update; DROP TRIGGER audit_cases_delete; "
	    "ALTER TABLE cases DROP COLUMN cover_from; "
	    "PRAGMA user_version = 1; DROP TRIGGER audit_team_insert",
	    NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	for (size_t i = 0; i < n; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO team (code, name) "
		    "VALUES ('%s', 'Team %s')", codes[i], codes[i]);
		cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL),
		    SQLITE_OK, "%s", sqlite3_errmsg(db));
	}
	sqlite3_close(db);
}

static int
user_version(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int v;

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

Test(store_file, migration_2_refuses_codes_that_differ_only_in_case)
{
	static const char *const codes[] = { "NRD", "cen", "CEN" };
	char *dir = test_tmpdir(), path[4200];
	struct dataset d = { 0 };

	close_store();
	snprintf(path, sizeof path, "%s/v1.db", dir);
	old_database(path, codes, 3);
	cr_assert_eq(store_open(&st, path, "t", &e), -1);
	cr_assert_eq(e.status, EXIT_DATAERR);
	cr_assert(strstr(e.msg, path) && strstr(e.msg, "\"cen\"") &&
	    strstr(e.msg, "\"CEN\"") &&
	    strstr(e.msg, "left as it was"), "%s", e.msg);
	cr_assert_eq(user_version(path), 1, "the refused migration ran");

	/* Without such a pair it migrates, and keeps every team. */
	snprintf(path, sizeof path, "%s/v1-ok.db", dir);
	old_database(path, codes, 2);
	cr_assert_eq(store_open(&st, path, "t", &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_teams, 2);
	dataset_clear(&d);
	close_store();
	cr_assert_eq(user_version(path), STORE_SCHEMA_VERSION);
	open_memory();
}

/* A rota entry or block is deleted only as it was read; a block's cases
 * keep their data and lose just the origin, which undo gives back. */
Test(store, rota_and_block_deletes_check_the_version)
{
	struct team t = team("CEN");
	struct dataset d = { 0 };

	cr_assert_eq(ADD(store_add_team, &t), 0);
	struct rota_entry r = { .team_id = t.id, .weekday = 1,
		.part = PART_MORNING, .hours = 4 };
	cr_assert_eq(ADD(store_add_rota, &r), 0, "%s", e.msg);
	struct block b = { .team_id = t.id, .date = D("2026-11-30"),
		.part = PART_MORNING, .hours = 4 };
	cr_assert_eq(ADD(store_add_block, &b), 0, "%s", e.msg);
	struct case_item c = { .ref = "Z-1", .team_id = t.id, .type = "JGD",
		.phase = PHASE_INTAKE, .opened = D("2026-11-30"),
		.closed = DATE_NONE, .origin_block = b.id };
	cr_assert_eq(ADD(store_add_case, &c), 0, "%s", e.msg);

	cr_assert_eq(store_begin(st, &e), 0);
	cr_assert_eq(store_delete_rota(st, r.id, r.version + 1, &e), -1);
	cr_assert(strstr(e.msg, "changed or deleted by someone else"), "%s",
	    e.msg);
	cr_assert_eq(store_delete_block(st, b.id, b.version + 1, &e), -1);
	cr_assert_eq(store_delete_rota(st, r.id, r.version, &e), 0, "%s",
	    e.msg);
	cr_assert_eq(store_delete_block(st, b.id, b.version, &e), 0, "%s",
	    e.msg);
	long long txn = store_txn(st);
	cr_assert_eq(store_commit(st, &e), 0);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0);
	cr_assert_eq(d.n_rota, 0);
	cr_assert_eq(d.n_blocks, 0);
	cr_assert_eq(d.cases[0].origin_block, 0);

	cr_assert_eq(store_revert(st, txn, STORE_UNDO, &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0);
	cr_assert_eq(d.n_rota, 1);
	cr_assert_eq(d.n_blocks, 1);
	cr_assert_eq(d.blocks[0].id, b.id);
	cr_assert_eq(d.cases[0].origin_block, b.id);
	cr_assert_eq(store_check(st, &e), 0, "%s", e.msg);
	dataset_clear(&d);
}

/* --- windows and refreshes (issue 12) --- */

static struct case_item
a_case(int64_t team_id, const char *ref, const char *opened,
    const char *closed)
{
	struct case_item c = { .team_id = team_id, .type = "JGD",
		.phase = PHASE_ACTIVE, .opened = D(opened),
		.closed = closed ? D(closed) : DATE_NONE };

	snprintf(c.ref, sizeof c.ref, "%s", ref);
	return c;
}

Test(store, a_window_holds_the_cases_and_blocks_from_its_day_on)
{
	struct team t = team("CEN");
	struct dataset d = { 0 };

	cr_assert_eq(ADD(store_add_team, &t), 0, "%s", e.msg);
	struct case_item gone = a_case(t.id, "Z-1", "2026-01-05", "2026-06-30");
	struct case_item last = a_case(t.id, "Z-2", "2026-01-05", "2026-11-30");
	struct case_item open = a_case(t.id, "Z-3", "2025-03-01", NULL);
	/* added out of closing order, so the index order is not the ids' */
	cr_assert_eq(ADD(store_add_case, &open), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_case, &last), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_case, &gone), 0, "%s", e.msg);
	struct block old = { .team_id = t.id, .date = D("2026-11-27"),
		.part = PART_MORNING, .hours = 4 };
	struct block now = { .team_id = t.id, .date = D("2026-11-30"),
		.part = PART_MORNING, .hours = 4 };
	cr_assert_eq(ADD(store_add_block, &now), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_block, &old), 0, "%s", e.msg);

	cr_assert_eq(store_load(st, &d, D("2026-11-30"), &e), 0, "%s", e.msg);
	cr_assert_eq(d.since, D("2026-11-30"));
	cr_assert_eq(d.n_cases, 2, "closed on the day counts, before not");
	cr_assert_eq(d.cases[0].id, open.id, "in id order");
	cr_assert_eq(d.cases[1].id, last.id);
	cr_assert_eq(d.n_blocks, 1);
	cr_assert_eq(d.blocks[0].id, now.id);
	cr_assert_eq(d.n_teams, 1, "teams and people are always all there");

	cr_assert_eq(store_load(st, &d, DATASET_NONE, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_cases, 0);
	cr_assert_eq(d.n_blocks, 0);
	cr_assert_eq(d.n_teams, 1);

	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_cases, 3);
	cr_assert_eq(d.n_blocks, 2);
	dataset_clear(&d);
}

/* Are a and b the same records, field for field? */
static void
assert_same(const struct dataset *a, const struct dataset *b)
{
#define SAME(arr, n)                                                         \
	do {                                                                 \
		cr_assert_eq(a->n, b->n, #arr ": %zu, not %zu", a->n, b->n); \
		for (size_t i_ = 0; i_ < a->n; i_++)                         \
			cr_assert(memcmp(&a->arr[i_], &b->arr[i_],           \
			    sizeof a->arr[i_]) == 0, #arr "[%zu] differs", i_); \
	} while (0)
	SAME(teams, n_teams);
	SAME(rota, n_rota);
	SAME(employees, n_employees);
	SAME(absences, n_absences);
	SAME(activities, n_activities);
	SAME(blocks, n_blocks);
	SAME(cases, n_cases);
#undef SAME
}

Test(store, a_refresh_reads_what_changed_and_gives_what_a_load_gives)
{
	char *dir = test_tmpdir(), path[4200];
	struct store *other;
	struct dataset d = { 0 }, fresh = { 0 };
	struct team t = team("CEN");
	int since = D("2026-11-30");

	close_store();
	database(path, sizeof path, dir, "refresh.db");
	cr_assert_eq(store_open(&st, path, "a", &e), 0, "%s", e.msg);
	cr_assert_eq(store_open(&other, path, "b", &e), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_team, &t), 0, "%s", e.msg);
	struct employee em = employee(t.id, "CEN01");
	cr_assert_eq(ADD(store_add_employee, &em), 0, "%s", e.msg);
	struct case_item c1 = a_case(t.id, "Z-1", "2026-01-05", NULL);
	struct case_item c2 = a_case(t.id, "Z-2", "2026-02-05", NULL);
	struct case_item c3 = a_case(t.id, "Z-3", "2026-03-05", NULL);
	cr_assert_eq(ADD(store_add_case, &c1), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_case, &c2), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_case, &c3), 0, "%s", e.msg);
	cr_assert_eq(store_load(st, &d, since, &e), 0, "%s", e.msg);

	/* someone else: a new case, one closed long ago (it leaves the
	 * window), one given to a colleague, a new employee, an edit */
	struct case_item c4 = a_case(t.id, "Z-4", "2026-12-01", NULL);
	c1.closed = D("2026-06-30");
	c2.employee_id = em.id;
	struct employee em2 = employee(t.id, "CEN02");
	em.contract_hours = 24;
	cr_assert_eq(store_begin(other, &e), 0, "%s", e.msg);
	cr_assert_eq(store_add_case(other, &c4, &e), 0, "%s", e.msg);
	cr_assert_eq(store_update_case(other, &c1, &e), 0, "%s", e.msg);
	cr_assert_eq(store_update_case(other, &c2, &e), 0, "%s", e.msg);
	cr_assert_eq(store_add_employee(other, &em2, &e), 0, "%s", e.msg);
	cr_assert_eq(store_update_employee(other, &em, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(other, &e), 0, "%s", e.msg);

	bool changed = false;
	cr_assert_eq(store_changed(st, &changed, &e), 0, "%s", e.msg);
	cr_assert(changed);
	cr_assert_eq(store_refresh(st, &d, &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(other, &fresh, since, &e), 0, "%s", e.msg);
	assert_same(&d, &fresh);
	cr_assert_eq(d.n_cases, 3, "Z-1 left the window, Z-4 came in");

	/* a case reopened comes back into the window; one deleted by an
	 * undo goes */
	c1.closed = DATE_NONE;
	cr_assert_eq(store_begin(other, &e), 0, "%s", e.msg);
	cr_assert_eq(store_update_case(other, &c1, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(other, &e), 0, "%s", e.msg);
	cr_assert_eq(store_begin(st, &e), 0, "%s", e.msg);
	long long txn = store_txn(st);
	struct case_item c5 = a_case(t.id, "Z-5", "2026-12-02", NULL);
	cr_assert_eq(store_add_case(st, &c5, &e), 0, "%s", e.msg);
	cr_assert_eq(store_log_change(st, STORE_CHANGE, 0, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_revert(st, txn, STORE_UNDO, &e), 0, "%s", e.msg);
	cr_assert_eq(store_refresh(st, &d, &e), 0, "%s", e.msg);
	dataset_clear(&fresh);
	cr_assert_eq(store_load(other, &fresh, since, &e), 0, "%s", e.msg);
	assert_same(&d, &fresh);
	cr_assert_eq(d.n_cases, 4);
	cr_assert_eq(store_refresh(st, &d, &e), 0, "nothing new: %s", e.msg);
	assert_same(&d, &fresh);

	dataset_clear(&d);
	dataset_clear(&fresh);
	store_close(other);
	close_store();
	open_memory();
}

Test(store, a_widened_window_is_what_a_load_from_there_gives)
{
	char *dir = test_tmpdir(), path[4200];
	struct dataset d = { 0 }, fresh = { 0 };
	struct team t = team("CEN");

	close_store();
	database(path, sizeof path, dir, "widen.db");
	cr_assert_eq(store_open(&st, path, "a", &e), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_team, &t), 0, "%s", e.msg);
	/* ids in no order of their closing days, some open */
	const char *closed[] = { "2026-11-02", NULL, "2026-06-01",
		"2026-12-01", "2026-09-14", NULL, "2026-03-02", "2026-11-30",
		"2026-01-05", "2026-10-05" };
	for (size_t i = 0; i < sizeof closed / sizeof *closed; i++) {
		char ref[16];
		snprintf(ref, sizeof ref, "Z-%zu", i);
		struct case_item c = a_case(t.id, ref, "2025-12-01", closed[i]);
		cr_assert_eq(ADD(store_add_case, &c), 0, "%s", e.msg);
	}
	cr_assert_eq(store_load(st, &d, D("2026-11-30"), &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_cases, 4);
	const char *steps[] = { "2026-10-01", "2026-09-14", "2026-01-01" };
	for (size_t s = 0; s < 3; s++) {
		cr_assert_eq(store_widen(st, &d, D(steps[s]), &e), 0, "%s",
		    e.msg);
		cr_assert_eq(store_load(st, &fresh, D(steps[s]), &e), 0, "%s",
		    e.msg);
		assert_same(&d, &fresh);
		for (size_t i = 1; i < d.n_cases; i++)
			cr_assert_lt(d.cases[i - 1].id, d.cases[i].id);
	}
	cr_assert_eq(d.n_cases, 10);
	cr_assert_eq(store_widen(st, &d, DATASET_ALL, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_cases, 10);
	dataset_clear(&d);
	dataset_clear(&fresh);
	close_store();
	open_memory();
}

static void
fn_stub(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 0);
}

/* Ids far apart (rows written by hand, not by wijklast) take the sort by
 * comparison: the window is still in id order, nothing lost. */
Test(store_file, a_window_of_ids_far_apart_is_in_id_order)
{
	char *dir = test_tmpdir(), path[4200];
	struct dataset d = { 0 };
	struct team t = team("CEN");
	sqlite3 *db;

	close_store();
	snprintf(path, sizeof path, "%s/sparse.db", dir);
	cr_assert_eq(store_open(&st, path, "a", &e), 0, "%s", e.msg);
	cr_assert_eq(ADD(store_add_team, &t), 0, "%s", e.msg);
	close_store();
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	/* the audit triggers call these; wijklast's connection has them */
	sqlite3_create_function(db, "wijklast_user", 0, SQLITE_UTF8, NULL,
	    fn_stub, NULL, NULL);
	sqlite3_create_function(db, "wijklast_txn", 0, SQLITE_UTF8, NULL,
	    fn_stub, NULL, NULL);
	/* by closing day the ids come 9e9, 5, 4e9, 7: three runs, a range
	 * far wider than the count */
	const long long ids[] = { 9000000000LL, 5, 4000000000LL, 7, 12 };
	const char *closed[] = { "'2026-12-01'", "'2026-12-02'",
		"'2026-12-03'", "'2026-12-04'", "'2026-01-01'" };
	for (size_t i = 0; i < 5; i++) {
		char sql[512];
		snprintf(sql, sizeof sql, "INSERT INTO cases (id, ref, team_id,"
		    " type, phase, opened, closed) VALUES (%lld, 'S-%zu', %lld,"
		    " 'JGD', 'actief', '2026-01-01', %s)", ids[i], i,
		    (long long)t.id, closed[i]);
		cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK,
		    "%s", sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	cr_assert_eq(store_open(&st, path, "a", &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(st, &d, D("2026-11-30"), &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_cases, 4, "the case closed in January is not in it");
	cr_assert_eq(d.cases[0].id, 5);
	cr_assert_eq(d.cases[1].id, 7);
	cr_assert_eq(d.cases[2].id, 4000000000LL);
	cr_assert_eq(d.cases[3].id, 9000000000LL);
	cr_assert_eq(store_widen(st, &d, DATASET_ALL, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_cases, 5);
	for (size_t i = 1; i < d.n_cases; i++)
		cr_assert_lt(d.cases[i - 1].id, d.cases[i].id);
	dataset_clear(&d);
	close_store();
	open_memory();
}
