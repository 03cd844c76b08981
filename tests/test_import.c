/* import: the fixtures go into a :memory: store and come back with
 * store_load as written; bad files write nothing and name every bad row as
 * FILE:LINE: column: problem. The tests run in tests/fixtures, so FILE is
 * the bare file name as given. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "import.h"
#include "settings.h"
#include "store.h"
#include "testutil.h"

static struct store *st;
static struct settings s;
static struct dataset d;
static struct import_result res;
static struct err e;

static void
setup(void)
{
	cr_assert_eq(chdir(SRCDIR "/tests/fixtures"), 0, "%s",
	    strerror(errno));
	settings_defaults(&s);
	err_clear(&e);
	cr_assert_eq(store_open(&st, test_database(":memory:"), "test", &e), 0,
	    "%s", e.msg);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0, "%s", e.msg);
}

static void
teardown(void)
{
	import_result_clear(&res);
	dataset_clear(&d);
	store_close(st);
	settings_clear(&s);
}

TestSuite(import, .init = setup, .fini = teardown);

/* Import path as kind against the store's current content, then reload d.
 * Returns what import_csv returned; res and e hold the rest. */
static int
run(enum import_kind kind, const char *path, bool dry_run)
{
	struct err le;
	int ret;

	import_result_clear(&res);
	err_clear(&e);
	ret = import_csv(st, &d, &s, kind, path, &(struct import_options){
	    .dry_run = dry_run, .today = D("2026-11-23") }, &res, &e);
	err_clear(&le);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &le), 0, "%s", le.msg);
	return ret;
}

static void
import_ok(enum import_kind kind, const char *path, size_t rows)
{
	int ret = run(kind, path, false);

	cr_assert_eq(ret, 0, "%s: %s\n%s", path, e.msg,
	    res.problems ? res.problems : "");
	cr_assert_null(res.problems);
	cr_assert_eq(res.rows, rows, "%s: %zu rows", path, res.rows);
	cr_assert_eq(res.written, rows, "%s: %zu written", path, res.written);
}

/* All seven kinds of the valid fixture set, in dependency order. */
static void
import_valid_set(void)
{
	import_ok(IMPORT_TEAMS, "teams.csv", 2);
	import_ok(IMPORT_EMPLOYEES, "employees.csv", 6);
	import_ok(IMPORT_ROTA, "rota.csv", 5);
	import_ok(IMPORT_BLOCKS, "blocks.csv", 5);
	import_ok(IMPORT_CASES, "cases.csv", 6);
	import_ok(IMPORT_ACTIVITIES, "activities.csv", 3);
	import_ok(IMPORT_ABSENCES, "absences.csv", 3);
}

/* The import failed as bad data with exactly these problems and message. */
static void
expect_refused(int ret, const char *message, const char *problems)
{
	cr_assert_eq(ret, -1, "accepted");
	cr_assert_eq(e.status, EXIT_DATAERR, "status %d: %s", e.status,
	    e.msg);
	cr_assert_str_eq(e.msg, message);
	cr_assert_eq(res.written, 0);
	if (problems == NULL) {
		cr_assert_null(res.problems, "%s", res.problems);
		return;
	}
	cr_assert_not_null(res.problems);
	cr_assert_str_eq(res.problems, problems);
}

static const struct team *
team(const char *code)
{
	long i = dataset_team_by_code(&d, code);

	cr_assert_geq(i, 0, "no team %s", code);
	return &d.teams[i];
}

static const struct employee *
employee(const char *code)
{
	long i = dataset_employee_by_code(&d, code);

	cr_assert_geq(i, 0, "no employee %s", code);
	return &d.employees[i];
}

static const struct case_item *
case_item(const char *ref)
{
	long i = dataset_case_by_ref(&d, ref);

	cr_assert_geq(i, 0, "no case %s", ref);
	return &d.cases[i];
}

static const struct rota_entry *
rota(const char *team_code, int weekday, enum part part)
{
	int64_t id = team(team_code)->id;

	for (size_t i = 0; i < d.n_rota; i++)
		if (d.rota[i].team_id == id && d.rota[i].weekday == weekday &&
		    d.rota[i].part == part)
			return &d.rota[i];
	cr_assert_fail("no rota %s %d %d", team_code, weekday, (int)part);
	return NULL;
}

static const struct block *
block(const char *team_code, const char *date, enum part part)
{
	int64_t id = team(team_code)->id;

	for (size_t i = 0; i < d.n_blocks; i++)
		if (d.blocks[i].team_id == id && d.blocks[i].date == D(date) &&
		    d.blocks[i].part == part)
			return &d.blocks[i];
	cr_assert_fail("no block %s %s %d", team_code, date, (int)part);
	return NULL;
}

static void
expect_counts(size_t teams, size_t employees, size_t cases, size_t blocks)
{
	cr_assert_eq(d.n_teams, teams, "%zu teams", d.n_teams);
	cr_assert_eq(d.n_employees, employees, "%zu employees",
	    d.n_employees);
	cr_assert_eq(d.n_cases, cases, "%zu cases", d.n_cases);
	cr_assert_eq(d.n_blocks, blocks, "%zu blocks", d.n_blocks);
}

Test(import, kind_names)
{
	for (int k = 0; k < IMPORT_KIND_COUNT; k++)
		cr_assert_eq(import_kind_parse(import_kind_name(k)), k);
	cr_assert_eq(import_kind_parse("Employees"), IMPORT_EMPLOYEES);
	cr_assert_eq(import_kind_parse("medewerkers"), -1);
}

Test(import, valid_set_teams_and_employees)
{
	const struct employee *em;

	import_valid_set();
	expect_counts(2, 6, 6, 5);
	cr_assert_str_eq(team("CEN")->name, "Centrum");
	cr_assert_str_eq(team("CEN")->area, "Binnenstad, Stationsplein");
	cr_assert_str_eq(team("NRD")->area, "");
	cr_assert_gt(team("CEN")->id, 0);

	em = employee("OKA");
	cr_assert_str_eq(em->name, "Özlem Kaya");
	cr_assert_eq(em->team_id, team("CEN")->id);
	cr_assert_str_eq(em->discipline, "jeugd");
	ASSERT_HOURS(em->contract_hours, 36);
	cr_assert_eq(em->workdays, WORKDAYS_ALL);
	cr_assert_eq(em->start, D("2020-01-06"));
	cr_assert_eq(em->end, DATE_NONE);

	em = employee("JWV"); /* the part-timer: ma,di,do */
	cr_assert_str_eq(em->name, "Jan-Willem de Vries");
	ASSERT_HOURS(em->contract_hours, 24);
	cr_assert_eq(em->workdays, 0x1u | 0x2u | 0x8u);

	em = employee("SBO");
	cr_assert_str_eq(em->name, "Saïda Bouzid");
	ASSERT_HOURS(em->contract_hours, 28.8); /* "28,8" */
	cr_assert_eq(em->workdays, 0xfu);

	em = employee("PJA");
	cr_assert_eq(em->team_id, team("NRD")->id);
	cr_assert_eq(em->end, D("2026-06-30"));

	em = employee("LVE");
	ASSERT_HOURS(em->contract_hours, 32.5);
	cr_assert_eq(em->workdays, 0xfu);

	em = employee("MKO");
	cr_assert_str_eq(em->name, "Mehmet Koç");
	cr_assert_str_eq(em->discipline, "");
	cr_assert_eq(em->workdays, 0x2u | 0x8u);
}

Test(import, valid_set_rota_and_blocks)
{
	const struct block *b;

	import_valid_set();
	/* rota.csv has its columns in another order and capitalised. */
	cr_assert_eq(d.n_rota, 5);
	ASSERT_HOURS(rota("CEN", 1, PART_MORNING)->hours, 4);
	ASSERT_HOURS(rota("CEN", 2, PART_AFTERNOON)->hours, 3.5);
	ASSERT_HOURS(rota("CEN", 4, PART_MORNING)->hours, s.block_hours);
	ASSERT_HOURS(rota("NRD", 1, PART_MORNING)->hours, s.block_hours);
	ASSERT_HOURS(rota("NRD", 3, PART_AFTERNOON)->hours, 4.5);

	b = block("CEN", "2026-03-02", PART_MORNING);
	cr_assert_eq(b->employee_id, employee("OKA")->id);
	cr_assert(b->locked);
	ASSERT_HOURS(b->hours, 4);
	b = block("CEN", "2026-03-03", PART_AFTERNOON);
	cr_assert_eq(b->employee_id, employee("JWV")->id);
	cr_assert(!b->locked);
	ASSERT_HOURS(b->hours, 3.5); /* from the rota */
	b = block("CEN", "2026-03-06", PART_AFTERNOON);
	cr_assert_eq(b->employee_id, 0); /* unfilled */
	cr_assert(!b->locked);
	ASSERT_HOURS(b->hours, s.block_hours); /* no rota on Friday */
	b = block("NRD", "2026-03-02", PART_MORNING);
	cr_assert_eq(b->employee_id, employee("PJA")->id);
	cr_assert(b->locked);
	ASSERT_HOURS(b->hours, 5); /* given */
	b = block("NRD", "2026-03-04", PART_AFTERNOON);
	cr_assert_eq(b->employee_id, employee("LVE")->id);
	ASSERT_HOURS(b->hours, 4.5);
}

Test(import, valid_set_cases_activities_absences)
{
	const struct case_item *c;
	bool seen_quote = false, seen_leerkring = false;

	import_valid_set();
	c = case_item("Z-2026-0001");
	cr_assert_eq(c->team_id, team("CEN")->id);
	cr_assert_eq(c->employee_id, employee("OKA")->id);
	cr_assert_str_eq(c->type, "JGD");
	cr_assert_eq(c->phase, PHASE_INTAKE);
	cr_assert_eq(c->opened, D("2026-02-02"));
	cr_assert_eq(c->closed, DATE_NONE);
	cr_assert_eq(c->origin_block, 0);
	cr_assert_str_eq(case_item("Z-2026-0002")->type, "JGDC");
	cr_assert_eq(case_item("Z-2026-0003")->phase, PHASE_TAPER);
	cr_assert_eq(case_item("Z-2026-0003")->closed, D("2026-02-27"));
	cr_assert_eq(case_item("Z-2026-0004")->employee_id, 0); /* waiting */
	cr_assert_eq(case_item("Z-2026-0005")->phase, PHASE_ACTIVE);
	cr_assert_eq(case_item("2026/117")->employee_id, employee("LVE")->id);

	cr_assert_eq(d.n_activities, 3);
	for (size_t i = 0; i < d.n_activities; i++) {
		const struct activity *a = &d.activities[i];

		if (strcmp(a->name, "Werkgroep \"Samen sterk\"") == 0) {
			seen_quote = true;
			cr_assert_eq(a->employee_id, employee("OKA")->id);
			ASSERT_HOURS(a->hours_per_week, 1.5);
			cr_assert_str_eq(a->kind, "werkgroep");
			cr_assert_eq(a->start, D("2025-09-01"));
			cr_assert_eq(a->end, DATE_NONE);
		} else if (strcmp(a->name, "Leerkring") == 0) {
			seen_leerkring = true;
			cr_assert_eq(a->employee_id, employee("SBO")->id);
			cr_assert_str_eq(a->kind, "");
		}
	}
	cr_assert(seen_quote && seen_leerkring);

	cr_assert_eq(d.n_absences, 3);
	for (size_t i = 0; i < d.n_absences; i++) {
		const struct absence *a = &d.absences[i];

		if (a->employee_id == employee("PJA")->id) {
			cr_assert_eq(a->percent, 50); /* "50%" */
			cr_assert_str_eq(a->reason, "");
			cr_assert_eq(a->start, D("2026-04-01"));
			cr_assert_eq(a->end, D("2026-04-30"));
		} else if (a->employee_id == employee("JWV")->id) {
			cr_assert_eq(a->percent, 100);
			cr_assert_str_eq(a->reason, "ziek");
		}
	}
}

Test(import, same_file_twice_fails_on_duplicates)
{
	import_valid_set();
	expect_refused(run(IMPORT_TEAMS, "teams.csv", false),
	    "teams.csv: 2 bad rows; nothing imported",
	    "teams.csv:2: code: team \"CEN\" already exists\n"
	    "teams.csv:3: code: team \"NRD\" already exists\n");
	expect_refused(run(IMPORT_ROTA, "rota.csv", false),
	    "rota.csv: 5 bad rows; nothing imported",
	    "rota.csv:2: team,weekday,part: CEN ma ochtend already exists\n"
	    "rota.csv:3: team,weekday,part: CEN di middag already exists\n"
	    "rota.csv:4: team,weekday,part: CEN do ochtend already exists\n"
	    "rota.csv:5: team,weekday,part: NRD ma ochtend already exists\n"
	    "rota.csv:6: team,weekday,part: NRD wo middag already exists\n");
	expect_refused(run(IMPORT_ACTIVITIES, "activities.csv", false),
	    "activities.csv: 3 bad rows; nothing imported",
	    "activities.csv:2: employee,name,start: OKA \"Pilot Wijkwijzer\" "
	    "2026-01-05 already exists\n"
	    "activities.csv:3: employee,name,start: OKA \"Werkgroep \"Samen "
	    "sterk\"\" 2025-09-01 already exists\n"
	    "activities.csv:4: employee,name,start: SBO \"Leerkring\" "
	    "2026-02-01 already exists\n");
	expect_refused(run(IMPORT_ABSENCES, "absences.csv", false),
	    "absences.csv: 3 bad rows; nothing imported",
	    "absences.csv:2: employee,start,end: JWV 2026-03-02 2026-03-13 "
	    "already exists\n"
	    "absences.csv:3: employee,start,end: PJA 2026-04-01 2026-04-30 "
	    "already exists\n"
	    "absences.csv:4: employee,start,end: LVE 2026-07-20 2026-08-07 "
	    "already exists\n");
	cr_assert_eq(run(IMPORT_EMPLOYEES, "employees.csv", false), -1);
	cr_assert_eq(res.n_problems, 6);
	cr_assert_eq(run(IMPORT_CASES, "cases.csv", false), -1);
	cr_assert_eq(res.n_problems, 6);
	cr_assert_eq(run(IMPORT_BLOCKS, "blocks.csv", false), -1);
	cr_assert_eq(res.n_problems, 5);
	expect_counts(2, 6, 6, 5);
	cr_assert_eq(d.n_rota, 5);
	cr_assert_eq(d.n_activities, 3);
	cr_assert_eq(d.n_absences, 3);
}

Test(import, bad_employees_every_message)
{
	import_ok(IMPORT_TEAMS, "teams.csv", 2);
	import_ok(IMPORT_EMPLOYEES, "employees.csv", 6);
	expect_refused(run(IMPORT_EMPLOYEES, "employees_bad.csv", false),
	    "employees_bad.csv: 10 bad rows; nothing imported",
	    "employees_bad.csv:3: contract_hours: \"-3\" must be more than 0 "
	    "and at most 40\n"
	    "employees_bad.csv:4: team: no team \"ZZZ\" (import the teams "
	    "first)\n"
	    "employees_bad.csv:5: start: \"2026-02-30\" is not a date\n"
	    "employees_bad.csv:6: name: \"Multi\\x0aline\" must be UTF-8 text "
	    "without control characters\n"
	    "employees_bad.csv:8: code: employee \"OKA2\" already on line 2\n"
	    "employees_bad.csv:9: end: 2020-12-31 is before start 2021-01-01\n"
	    "employees_bad.csv:10: workdays: \"ma,za\": za is not a workday "
	    "(Monday to Friday only)\n"
	    "employees_bad.csv:11: discipline: \"astrologie\" is not in the "
	    "configured list (jeugd, wmo, volwassenen, financien, hg, ggz)\n"
	    "employees_bad.csv:12: 5 fields where the header has 8\n"
	    "employees_bad.csv:14: code: employee \"OKA\" already exists\n");
	cr_assert_eq(res.n_problems, 10);
	cr_assert_eq(res.rows, 12);
	/* Lines 2 and 13 were good: still nothing written. */
	expect_counts(2, 6, 0, 0);
	cr_assert_lt(dataset_employee_by_code(&d, "OKA2"), 0);
	cr_assert_lt(dataset_employee_by_code(&d, "XX9"), 0);
}

Test(import, bad_cases_every_message)
{
	import_valid_set();
	expect_refused(run(IMPORT_CASES, "cases_bad.csv", false),
	    "cases_bad.csv: 7 bad rows; nothing imported",
	    "cases_bad.csv:2: ref: \"111222333\" looks like a citizen service "
	    "number (BSN); wijklast stores no client data — use the "
	    "reference from the client system\n"
	    "cases_bad.csv:3: ref: \"123.456.782\" looks like a citizen "
	    "service number (BSN); wijklast stores no client data — use the "
	    "reference from the client system\n"
	    "cases_bad.csv:4: employee: \"PJA\" is in team NRD, not CEN\n"
	    "cases_bad.csv:5: type: \"XYZ\" is not a case type in the "
	    "configuration (JGD, JGDC, VOL, WMO, FIN, HG, GGZ)\n"
	    "cases_bad.csv:5: phase: \"slapend\" is not a phase (intake, "
	    "actief or afschalen)\n"
	    "cases_bad.csv:6: closed: 2026-01-31 is before opened 2026-02-02\n"
	    "cases_bad.csv:7: ref: case \"Z-2026-0001\" already exists\n"
	    "cases_bad.csv:8: employee: no employee \"NOBODY\" (import the "
	    "employees first)\n");
	cr_assert_eq(res.n_problems, 8);
	cr_assert_eq(d.n_cases, 6);
}

Test(import, bad_blocks_every_message)
{
	import_valid_set();
	expect_refused(run(IMPORT_BLOCKS, "blocks_bad.csv", false),
	    "blocks_bad.csv: 6 bad rows; nothing imported",
	    "blocks_bad.csv:2: date: 2026-03-07 is a Saturday; intake blocks "
	    "are on weekdays\n"
	    "blocks_bad.csv:3: date: 2026-03-08 is a Sunday; intake blocks "
	    "are on weekdays\n"
	    "blocks_bad.csv:4: part: \"avond\" is not a part of the day "
	    "(ochtend or middag)\n"
	    "blocks_bad.csv:4: locked: \"misschien\" is not yes or no (1/0, "
	    "ja/nee, true/false)\n"
	    "blocks_bad.csv:4: hours: \"13\" must be more than 0 and at most "
	    "12\n"
	    "blocks_bad.csv:5: employee: \"PJA\" is in team NRD, not CEN\n"
	    "blocks_bad.csv:6: team,date,part: CEN 2026-03-02 ochtend already "
	    "exists\n"
	    "blocks_bad.csv:8: team,date,part: CEN 2026-03-11 middag already "
	    "on line 7\n");
	cr_assert_eq(d.n_blocks, 5);
}

Test(import, one_bad_row_among_good_writes_nothing)
{
	expect_refused(run(IMPORT_TEAMS, "teams_one_bad.csv", false),
	    "teams_one_bad.csv: 1 bad row; nothing imported",
	    "teams_one_bad.csv:4: code: \"ZD N\" may only hold letters, "
	    "digits and '-', '_', '.'\n");
	cr_assert_eq(res.rows, 4);
	expect_counts(0, 0, 0, 0);
}

Test(import, header_problems)
{
	expect_refused(run(IMPORT_TEAMS, "teams_bad_header.csv", false),
	    "teams_bad_header.csv: bad header; nothing imported",
	    "teams_bad_header.csv:1: colour: unknown column (teams has "
	    "columns code,name,area)\n"
	    "teams_bad_header.csv:1: NAME: duplicate column (also column 2)\n");
	expect_refused(run(IMPORT_EMPLOYEES, "employees_missing_columns.csv",
	    false),
	    "employees_missing_columns.csv: bad header; nothing imported",
	    "employees_missing_columns.csv:1: team: required column missing\n"
	    "employees_missing_columns.csv:1: contract_hours: required column "
	    "missing\n"
	    "employees_missing_columns.csv:1: start: required column "
	    "missing\n");
	expect_counts(0, 0, 0, 0);
}

Test(import, header_only_is_zero_rows)
{
	cr_assert_eq(run(IMPORT_TEAMS, "teams_header_only.csv", false), 0,
	    "%s", e.msg);
	cr_assert_eq(res.rows, 0);
	cr_assert_eq(res.written, 0);
	cr_assert_null(res.problems);
}

Test(import, empty_file_is_an_error)
{
	expect_refused(run(IMPORT_TEAMS, "empty.csv", false),
	    "empty.csv: the file is empty; expected a header row "
	    "code,name,area", NULL);
}

Test(import, missing_file)
{
	cr_assert_eq(run(IMPORT_TEAMS, "no-such-file.csv", false), -1);
	cr_assert_eq(e.status, EXIT_NOINPUT);
	cr_assert_str_eq(e.msg, "no-such-file.csv: No such file or directory");
	cr_assert_eq(run(IMPORT_TEAMS, ".", false), -1);
	cr_assert_eq(e.status, EXIT_NOINPUT);
	cr_assert_str_eq(e.msg, ".: Is a directory");
}

Test(import, dry_run_writes_nothing)
{
	long audit;

	cr_assert_eq(run(IMPORT_TEAMS, "teams.csv", true), 0, "%s", e.msg);
	cr_assert_eq(res.rows, 2);
	cr_assert_eq(res.written, 0);
	cr_assert_null(res.problems);
	expect_counts(0, 0, 0, 0);
	cr_assert_eq(store_audit_count(st, &audit, &e), 0, "%s", e.msg);
	cr_assert_eq(audit, 0);
	/* A bad file fails the same way as without --dry-run. */
	expect_refused(run(IMPORT_TEAMS, "teams_one_bad.csv", true),
	    "teams_one_bad.csv: 1 bad row; nothing imported",
	    "teams_one_bad.csv:4: code: \"ZD N\" may only hold letters, "
	    "digits and '-', '_', '.'\n");
	/* And the real import afterwards still works. */
	import_ok(IMPORT_TEAMS, "teams.csv", 2);
}

Test(import, unterminated_quote_names_its_line)
{
	expect_refused(run(IMPORT_TEAMS, "teams_unterminated.csv", false),
	    "teams_unterminated.csv: 1 bad row; nothing imported",
	    "teams_unterminated.csv:3: unterminated quote\n");
	expect_counts(0, 0, 0, 0);
}

Test(import, not_utf8_is_refused)
{
	expect_refused(run(IMPORT_TEAMS, "teams_latin1.csv", false),
	    "teams_latin1.csv: 1 bad row; nothing imported",
	    "teams_latin1.csv:2: name: not valid UTF-8 (save the file as "
	    "\"CSV UTF-8\")\n");
}

Test(import, dutch_excel_file_with_bom_crlf_and_semicolons)
{
	import_ok(IMPORT_TEAMS, "teams_excel_nl.csv", 2);
	cr_assert_str_eq(team("WST")->name, "West");
	cr_assert_str_eq(team("WST")->area, "Kanaal; Havens");
	cr_assert_str_eq(team("OST")->area, "");
}

/* Write text to a file in a fresh temporary folder; returns its path. */
static const char *
temp_csv(const char *name, const char *text)
{
	static char path[4200];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

Test(import, store_failure_rolls_back_every_row)
{
	struct dataset stale = { 0 };
	const char *path = temp_csv("teams.csv",
	    "code,name\nWST,West\nCEN,Centrum\n");
	char want[4400];
	long before, after;

	/* Checked against an outdated (empty) dataset the file looks fine,
	 * so the store's UNIQUE fails on line 3 after WST went in: the whole
	 * transaction must go. */
	import_ok(IMPORT_TEAMS, "teams.csv", 2);
	cr_assert_eq(store_audit_count(st, &before, &e), 0, "%s", e.msg);
	import_result_clear(&res);
	err_clear(&e);
	cr_assert_eq(import_csv(st, &stale, &s, IMPORT_TEAMS, path,
	    &(struct import_options){ .today = D("2026-11-23") }, &res, &e),
	    -1);
	cr_assert_eq(e.status, EXIT_DATAERR, "%d %s", e.status, e.msg);
	snprintf(want, sizeof want, "%s:3: ", path);
	cr_assert(strncmp(e.msg, want, strlen(want)) == 0, "%s", e.msg);
	cr_assert_eq(res.written, 0);
	cr_assert_eq(store_load(st, &d, DATASET_ALL, &e), 0, "%s", e.msg);
	cr_assert_eq(d.n_teams, 2);
	cr_assert_lt(dataset_team_by_code(&d, "WST"), 0);
	cr_assert_eq(store_audit_count(st, &after, &e), 0, "%s", e.msg);
	cr_assert_eq(after, before, "audit %ld -> %ld", before, after);
}

Test(import, path_as_given_and_physical_lines)
{
	const char *path = temp_csv("t.csv",
	    "\xef\xbb\xbf" "code,name\r\n"
	    "\r\n"
	    "A1,\"Twee\r\nregels\"\r\n"
	    "A2,\r\n"
	    ",,\r\n"
	    "  A3  ,  Drie  \r\n");
	char message[4400], problems[9000];

	/* A BOM, CRLF, a blank line, a quoted line break, an empty
	 * spreadsheet row and blanks around cells. */
	snprintf(message, sizeof message, "%s: 2 bad rows; nothing imported",
	    path);
	snprintf(problems, sizeof problems,
	    "%s:3: name: \"Twee\\x0d\\x0aregels\" must be UTF-8 text "
	    "without control characters\n"
	    "%s:5: name: is required\n", path, path);
	expect_refused(run(IMPORT_TEAMS, path, false), message, problems);
	cr_assert_eq(res.rows, 3);
}

Test(import, problem_list_is_capped)
{
	char *text = NULL, want[128];
	size_t len = 0, lines = 0;
	FILE *f = open_memstream(&text, &len);
	const char *path;

	cr_assert_not_null(f);
	fputs("code,name\n", f);
	for (int i = 0; i < 150; i++)
		fprintf(f, "T%d,\n", i);
	fclose(f);
	path = temp_csv("many.csv", text);
	free(text);

	cr_assert_eq(run(IMPORT_TEAMS, path, false), -1);
	snprintf(want, sizeof want, "%s: 150 bad rows; nothing imported", path);
	cr_assert_str_eq(e.msg, want);
	cr_assert_eq(res.n_problems, 150);
	for (const char *p = res.problems; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 101);
	snprintf(want, sizeof want, "%s:101: name: is required\n… and 50 "
	    "more\n", path);
	cr_assert(strstr(res.problems, want) != NULL, "%s", res.problems);
	cr_assert_eq(d.n_teams, 0);
}

struct seen {
	size_t calls, written_rows, total;
	double last;
	bool monotone, wrote;
};

static void
note_progress(void *ctx, const struct import_progress *p)
{
	struct seen *sn = ctx;

	sn->calls++;
	sn->monotone &= p->fraction >= sn->last && p->fraction <= 1;
	sn->last = p->fraction;
	if (p->writing) {
		sn->wrote = true;
		sn->written_rows = p->rows;
		sn->total = p->total;
	}
}

/* Progress: reading then writing, always forward, about a hundred calls
 * for 5,000 rows, and 1 at the end with every row written; a dry run
 * reaches 1 without writing. */
Test(import, progress_reads_then_writes)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct seen sn = { .monotone = true };
	struct import_options opt = { .today = D("2026-11-23"),
		.progress = note_progress, .ctx = &sn };
	const char *path;

	cr_assert_not_null(f);
	fputs("code,name\n", f);
	for (int i = 0; i < 5000; i++)
		fprintf(f, "T%d,Team %d\n", i, i);
	fclose(f);
	path = temp_csv("progress.csv", text);
	free(text);

	opt.dry_run = true;
	cr_assert_eq(import_csv(st, &d, &s, IMPORT_TEAMS, path, &opt, &res,
	    &e), 0, "%s", e.msg);
	cr_assert(sn.monotone);
	cr_assert_float_eq(sn.last, 1, 1e-9);
	cr_assert_not(sn.wrote);
	cr_assert_leq(sn.calls, 110, "%zu calls", sn.calls);

	import_result_clear(&res);
	sn = (struct seen){ .monotone = true };
	opt.dry_run = false;
	cr_assert_eq(import_csv(st, &d, &s, IMPORT_TEAMS, path, &opt, &res,
	    &e), 0, "%s", e.msg);
	cr_assert(sn.monotone);
	cr_assert_float_eq(sn.last, 1, 1e-9);
	cr_assert(sn.wrote);
	cr_assert_eq(sn.written_rows, 5000);
	cr_assert_eq(sn.total, 5000);
	cr_assert_geq(sn.calls, 50, "%zu calls", sn.calls);
	cr_assert_leq(sn.calls, 110, "%zu calls", sn.calls);
}
