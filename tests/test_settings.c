/* settings: defaults, the sample file, every range check with its line, the
 * libconfig traps of NOTES.md and the search order of SPEC §7. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings.h"
#include "testutil.h"

/* Write text to a fresh w.cfg; returns its path (valid until the next call). */
static const char *
write_cfg(const char *text)
{
	static char path[4200];
	FILE *f;

	snprintf(path, sizeof path, "%s/w.cfg", test_tmpdir());
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
	return path;
}

/* Every value of a equals b's (not the path). */
static void
assert_same(const struct settings *a, const struct settings *b)
{
	cr_assert_float_eq(a->fulltime_hours, b->fulltime_hours, 1e-9);
	cr_assert_float_eq(a->overhead_pct, b->overhead_pct, 1e-9);
	cr_assert_float_eq(a->room, b->room, 1e-9);
	cr_assert_float_eq(a->high, b->high, 1e-9);
	cr_assert_float_eq(a->over, b->over, 1e-9);
	cr_assert_eq(a->sustained_weeks, b->sustained_weeks);
	cr_assert_float_eq(a->block_hours, b->block_hours, 1e-9);
	cr_assert_float_eq(a->followup_hours, b->followup_hours, 1e-9);
	cr_assert_eq(a->max_blocks_per_week, b->max_blocks_per_week);
	cr_assert_eq(a->horizon_weeks, b->horizon_weeks);
	cr_assert_eq(a->cover_min_weeks, b->cover_min_weeks);
	cr_assert_eq(a->cover_max_cases_each, b->cover_max_cases_each);
	cr_assert_eq(a->forecast_weeks, b->forecast_weeks);
	cr_assert_eq(a->forecast_simulations, b->forecast_simulations);
	cr_assert_eq(a->forecast_history_weeks, b->forecast_history_weeks);
	cr_assert_eq(a->n_case_types, b->n_case_types);
	for (size_t i = 0; i < a->n_case_types; i++) {
		cr_assert_str_eq(a->case_types[i].code, b->case_types[i].code);
		cr_assert_str_eq(a->case_types[i].name, b->case_types[i].name);
		cr_assert_float_eq(a->case_types[i].hours,
		    b->case_types[i].hours, 1e-9, "%s",
		    a->case_types[i].code);
	}
	for (int p = 0; p < PHASE_COUNT; p++)
		cr_assert_float_eq(a->phase_factor[p], b->phase_factor[p], 1e-9);
	cr_assert_eq(a->n_holidays, b->n_holidays);
	for (size_t i = 0; i < a->n_holidays; i++)
		cr_assert_eq(a->holidays[i], b->holidays[i], "holiday %zu", i);
	cr_assert_eq(a->n_disciplines, b->n_disciplines);
	for (size_t i = 0; i < a->n_disciplines; i++)
		cr_assert_str_eq(a->disciplines[i], b->disciplines[i]);
	cr_assert_eq(a->n_teams, b->n_teams);
	for (size_t i = 0; i < a->n_teams; i++)
		cr_assert_str_eq(a->teams[i], b->teams[i]);
	cr_assert_eq(a->n_bindings, b->n_bindings);
	for (size_t i = 0; i < a->n_bindings; i++) {
		cr_assert_str_eq(a->bindings[i].action, b->bindings[i].action);
		cr_assert_arr_eq(a->bindings[i].keys, b->bindings[i].keys,
		    sizeof a->bindings[i].keys);
	}
}

static void
assert_defaults(const struct settings *s)
{
	struct settings d;

	settings_defaults(&d);
	assert_same(s, &d);
	cr_assert_str_eq(s->path, "");
	settings_clear(&d);
}

/* Loading text fails with "path" + want, status EXIT_CONFIG, defaults kept. */
static void
assert_error(const char *text, const char *want)
{
	struct settings s;
	struct err e;
	char full[8192];
	const char *path = write_cfg(text);

	settings_defaults(&s);
	s.fulltime_hours = 20.0;
	s.n_case_types = 1;
	err_clear(&e);
	cr_assert_eq(settings_load(&s, path, &e), -1, "accepted: %s", text);
	snprintf(full, sizeof full, "%s%s", path, want);
	cr_assert_str_eq(e.msg, full);
	cr_assert_eq(e.status, EXIT_CONFIG);
	assert_defaults(&s);
	settings_clear(&s);
}

/* Load text, which must be good, into s (holding settings); the caller
 * clears s. */
static void
load_ok(struct settings *s, const char *text)
{
	struct err e;
	const char *path = write_cfg(text);

	err_clear(&e);
	cr_assert_eq(settings_load(s, path, &e), 0, "%s", e.msg);
	cr_assert_str_eq(s->path, path);
}

Test(settings, defaults_are_spec_section_7)
{
	static const char *const hol[] = {
		"2026-01-01", "2026-04-03", "2026-04-05", "2026-04-06",
		"2026-04-27", "2026-05-05", "2026-05-14", "2026-05-24",
		"2026-05-25", "2026-12-25", "2026-12-26", "2027-01-01",
		"2027-03-26", "2027-03-28", "2027-03-29", "2027-04-27",
		"2027-05-05", "2027-05-06", "2027-05-16", "2027-05-17",
		"2027-12-25", "2027-12-26",
	};
	struct settings s;

	settings_defaults(&s);
	cr_assert_float_eq(s.fulltime_hours, 36.0, 1e-9);
	cr_assert_float_eq(s.overhead_pct, 10.0, 1e-9);
	cr_assert_float_eq(s.room, 0.90, 1e-9);
	cr_assert_float_eq(s.high, 1.00, 1e-9);
	cr_assert_float_eq(s.over, 1.10, 1e-9);
	cr_assert_eq(s.sustained_weeks, 4);
	cr_assert_float_eq(s.block_hours, 4.0, 1e-9);
	cr_assert_float_eq(s.followup_hours, 4.0, 1e-9);
	cr_assert_eq(s.max_blocks_per_week, 1);
	cr_assert_eq(s.horizon_weeks, 8);
	cr_assert_eq(s.n_case_types, 7);
	cr_assert_str_eq(s.case_types[0].code, "JGD");
	cr_assert_str_eq(s.case_types[1].name, "Jeugd complex");
	cr_assert_float_eq(s.case_types[1].hours, 3.5, 1e-9);
	cr_assert_str_eq(s.case_types[6].code, "GGZ");
	cr_assert_str_eq(s.case_types[6].name, "WvGGZ verkennend onderzoek");
	cr_assert_float_eq(s.phase_factor[PHASE_INTAKE], 1.5, 1e-9);
	cr_assert_float_eq(s.phase_factor[PHASE_ACTIVE], 1.0, 1e-9);
	cr_assert_float_eq(s.phase_factor[PHASE_TAPER], 0.5, 1e-9);
	cr_assert_eq(s.n_holidays, sizeof hol / sizeof hol[0]);
	for (size_t i = 0; i < s.n_holidays; i++)
		cr_assert_eq(s.holidays[i], D(hol[i]), "%s", hol[i]);
	/* SPEC §7's four are among them; Easter Monday 2026 is a Monday */
	cr_assert(settings_is_holiday(&s, D("2027-04-27")));
	cr_assert_eq(date_weekday(D("2026-04-06")), 1);
	cr_assert_eq(date_weekday(D("2026-04-27")), 1);
	cr_assert_eq(date_weekday(D("2027-03-26")), 5);
	cr_assert_eq(s.n_disciplines, 6);
	cr_assert_str_eq(s.disciplines[3], "financien");
	cr_assert_eq(s.n_teams, 0);
	cr_assert_str_eq(s.path, "");
	settings_clear(&s);
	settings_clear(&s);
}

Test(settings, sample_file_equals_defaults)
{
	struct settings s;
	struct err e;

	settings_defaults(&s);
	err_clear(&e);
	cr_assert_eq(settings_load(&s, SRCDIR "/config/wijklast.cfg", &e), 0,
	    "%s", e.msg);
	cr_assert_str_eq(s.path, SRCDIR "/config/wijklast.cfg");
	s.path[0] = '\0';
	assert_defaults(&s);
	settings_clear(&s);
}

Test(settings, missing_parts_keep_defaults)
{
	struct settings s = { 0 };

	load_ok(&s, "");
	s.path[0] = '\0';
	assert_defaults(&s);
	/* loading over loaded settings frees them (the sanitizer run checks) */

	/* 32 is an int literal: auto-convert makes it a float */
	load_ok(&s, "workweek: { fulltime_hours = 32; };\n"
	    "thresholds: { sustained_weeks = 6; over = 1.2; };\n"
	    "intake = { max_blocks_per_week = 2L; horizon_weeks = 12.0; };\n");
	cr_assert_float_eq(s.fulltime_hours, 32.0, 1e-9);
	cr_assert_float_eq(s.overhead_pct, 10.0, 1e-9);
	cr_assert_eq(s.sustained_weeks, 6);
	cr_assert_float_eq(s.over, 1.2, 1e-9);
	cr_assert_float_eq(s.high, 1.0, 1e-9);
	cr_assert_eq(s.max_blocks_per_week, 2);
	cr_assert_eq(s.horizon_weeks, 12);
	cr_assert_eq(s.n_case_types, 7);
	cr_assert_eq(s.n_holidays, 22);
	settings_clear(&s);
}

Test(settings, lists_replace_defaults)
{
	struct settings s;

	settings_defaults(&s);
	load_ok(&s, "case_types = ( { code = \"A-1\"; name = \"Één\"; "
	    "hours = 2; },\n { hours = 0.25; name = \"B\"; code = \"B\"; } );\n"
	    "phases = ( { code = \"afschalen\"; factor = 0; },\n"
	    "  { code = \"intake\"; factor = 2; },\n"
	    "  { code = \"actief\"; factor = 1.25; } );\n"
	    "holidays = [ \"2028-12-25\", \"2026-01-01\", \"2028-12-25\" ];\n"
	    "disciplines = [ ];\n"
	    "teams = ( \"CEN\", \"NRD\" );\n");
	cr_assert_eq(s.n_case_types, 2);
	cr_assert_str_eq(s.case_types[0].code, "A-1");
	cr_assert_str_eq(s.case_types[0].name, "Één");
	cr_assert_float_eq(s.case_types[1].hours, 0.25, 1e-9);
	cr_assert_null(settings_case_type(&s, "JGD"));
	cr_assert_float_eq(s.phase_factor[PHASE_INTAKE], 2.0, 1e-9);
	cr_assert_float_eq(s.phase_factor[PHASE_ACTIVE], 1.25, 1e-9);
	cr_assert_float_eq(s.phase_factor[PHASE_TAPER], 0.0, 1e-9);
	/* sorted and deduplicated */
	cr_assert_eq(s.n_holidays, 2);
	cr_assert_eq(s.holidays[0], D("2026-01-01"));
	cr_assert_eq(s.holidays[1], D("2028-12-25"));
	cr_assert(settings_is_holiday(&s, D("2028-12-25")));
	cr_assert_not(settings_is_holiday(&s, D("2026-12-25")));
	cr_assert_eq(s.n_disciplines, 0);
	cr_assert_eq(s.n_teams, 2);
	cr_assert_str_eq(s.teams[1], "NRD");

	load_ok(&s, "holidays = [];\n");
	cr_assert_eq(s.n_holidays, 0);
	cr_assert_not(settings_is_holiday(&s, D("2026-01-01")));
	settings_clear(&s);
}

Test(settings, range_errors_name_line_and_key)
{
	static const struct {
		const char *text, *want;
	} t[] = {
		{ "workweek:\n{\n\tfulltime_hours = 0.5;\n};\n",
		    ":3: workweek.fulltime_hours: 0.5 is out of range "
		    "(at least 1, at most 60)" },
		{ "workweek: { fulltime_hours = 61; };\n",
		    ":1: workweek.fulltime_hours: 61 is out of range "
		    "(at least 1, at most 60)" },
		{ "\nworkweek: { overhead_pct = 100; };\n",
		    ":2: workweek.overhead_pct: 100 is out of range "
		    "(at least 0, below 100)" },
		{ "workweek: {\n overhead_pct = -0.5; };\n",
		    ":2: workweek.overhead_pct: -0.5 is out of range "
		    "(at least 0, below 100)" },
		{ "thresholds: {\n\n room = 0; };\n",
		    ":3: thresholds.room: 0 is out of range "
		    "(above 0, at most 10)" },
		{ "thresholds: { high = 10.5; };\n",
		    ":1: thresholds.high: 10.5 is out of range "
		    "(above 0, at most 10)" },
		{ "thresholds: { over = 11; };\n",
		    ":1: thresholds.over: 11 is out of range "
		    "(above 0, at most 10)" },
		{ "# c\n\nthresholds: {\n  room = 1.5;\n};\n",
		    ":4: thresholds.room: 1.5 is above thresholds.high (1.00)" },
		{ "thresholds: {\n  high = 0.8;\n};\n",
		    ":2: thresholds.high: 0.8 is below thresholds.room (0.90)" },
		{ "thresholds: {\n  high = 1.2;\n};\n",
		    ":2: thresholds.high: 1.2 is above thresholds.over (1.10)" },
		{ "thresholds: {\n  high = 1.0;\n  over = 0.95;\n};\n",
		    ":2: thresholds.high: 1 is above thresholds.over (0.95)" },
		{ "thresholds: {\n\n  over = 0.95;\n};\n",
		    ":3: thresholds.over: 0.95 is below thresholds.high (1.00)" },
		{ "thresholds: {\n sustained_weeks = 0; };\n",
		    ":2: thresholds.sustained_weeks: 0 is out of range "
		    "(at least 1, at most 52)" },
		{ "thresholds: {\n sustained_weeks = 53; };\n",
		    ":2: thresholds.sustained_weeks: 53 is out of range "
		    "(at least 1, at most 52)" },
		{ "thresholds: {\n sustained_weeks = 4.5; };\n",
		    ":2: thresholds.sustained_weeks: 4.5 is not a whole number" },
		{ "thresholds: {\n sustained_weeks = \"4\"; };\n",
		    ":2: thresholds.sustained_weeks: must be a number" },
		{ "workweek: {\n fulltime_hours = true; };\n",
		    ":2: workweek.fulltime_hours: must be a number" },
		{ "intake: {\n block_hours = 0; };\n",
		    ":2: intake.block_hours: 0 is out of range "
		    "(above 0, at most 12)" },
		{ "intake: {\n block_hours = 12.5; };\n",
		    ":2: intake.block_hours: 12.5 is out of range "
		    "(above 0, at most 12)" },
		{ "intake: {\n followup_hours = -1; };\n",
		    ":2: intake.followup_hours: -1 is out of range "
		    "(at least 0, at most 40)" },
		{ "intake: {\n followup_hours = 40.5; };\n",
		    ":2: intake.followup_hours: 40.5 is out of range "
		    "(at least 0, at most 40)" },
		{ "intake: {\n max_blocks_per_week = 0; };\n",
		    ":2: intake.max_blocks_per_week: 0 is out of range "
		    "(at least 1, at most 10)" },
		{ "intake: {\n max_blocks_per_week = 11; };\n",
		    ":2: intake.max_blocks_per_week: 11 is out of range "
		    "(at least 1, at most 10)" },
		{ "intake: {\n horizon_weeks = 0; };\n",
		    ":2: intake.horizon_weeks: 0 is out of range "
		    "(at least 1, at most 52)" },
		{ "intake: {\n horizon_weeks = 60; };\n",
		    ":2: intake.horizon_weeks: 60 is out of range "
		    "(at least 1, at most 52)" },
		{ "case_types = (\n { code = \"A\"; name = \"A\"; hours = 1; },\n"
		    " { code = \"B\"; name = \"B\";\n   hours = 0; } );\n",
		    ":4: case_types[1].hours: 0 is out of range "
		    "(above 0, at most 40)" },
		{ "case_types = ( { code = \"A\"; name = \"A\"; hours = 41; } );\n",
		    ":1: case_types[0].hours: 41 is out of range "
		    "(above 0, at most 40)" },
		{ "phases = ( { code = \"intake\"; factor = 1; },\n"
		    " { code = \"actief\"; factor = 11; },\n"
		    " { code = \"afschalen\"; factor = 0.5; } );\n",
		    ":2: phases[1].factor: 11 is out of range "
		    "(at least 0, at most 10)" },
		{ "phases = ( { code = \"intake\"; factor = -0.5; },\n"
		    " { code = \"actief\"; factor = 1; },\n"
		    " { code = \"afschalen\"; factor = 0.5; } );\n",
		    ":1: phases[0].factor: -0.5 is out of range "
		    "(at least 0, at most 10)" },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_error(t[i].text, t[i].want);
}

Test(settings, wide_integers_are_refused_not_wrapped)
{
	/* libconfig 1.5 reads 99999999999 as 1215752191 and 4294967300 as 4 */
	assert_error("thresholds: {\n sustained_weeks = 99999999999; };\n",
	    ":2: thresholds.sustained_weeks: 99999999999 is out of range "
	    "(at least 1, at most 52)");
	assert_error("thresholds:\n{\n\tsustained_weeks = 4294967300;\n};\n",
	    ":3: thresholds.sustained_weeks: 4294967300 is out of range "
	    "(at least 1, at most 52)");
	assert_error("intake: { horizon_weeks = 0x100000008; };\n",
	    ":1: intake.horizon_weeks: 4294967304 is out of range "
	    "(at least 1, at most 52)");
	assert_error("workweek: { fulltime_hours = 4294967332; };\n",
	    ":1: workweek.fulltime_hours: 4294967332 is out of range "
	    "(at least 1, at most 60)");
	assert_error("intake: { horizon_weeks = 4294967300L; };\n",
	    ":1: intake.horizon_weeks: 4294967300 is out of range "
	    "(at least 1, at most 52)");
}

Test(settings, syntax_error_names_line)
{
	assert_error("workweek: {\n  fulltime_hours = 36.0;\n  overhead_pct = ;\n};\n",
	    ":3: syntax error");
	assert_error("thresholds: { room = 0.9; room = 0.8; };\n",
	    ":1: duplicate setting name");
	/* the Dutch habit gets a hint, not just "syntax error" */
	assert_error("# uren, 36 per week\nworkweek: {\n  overhead_pct = 15,5;"
	    "\n};\n", ":3: syntax error (a decimal comma? use a decimal point: "
	    "15.5, not 15,5)");
	assert_error("holidays = [ \"2026-12-25\",\"2026-12-26\" ;\n",
	    ":1: syntax error");
}

Test(settings, unknown_keys_are_errors)
{
	assert_error("workweek: { fulltime_hours = 36; };\nworkwek: { };\n",
	    ":2: workwek: unknown key");
	assert_error("thresholds: {\n  room = 0.9;\n  hihg = 1.0;\n};\n",
	    ":3: thresholds.hihg: unknown key");
	assert_error("case_types = ( { code = \"A\"; name = \"A\";\n"
	    "  hours = 1; weight = 2; } );\n",
	    ":2: case_types[0].weight: unknown key");
	assert_error("phases = ( { code = \"intake\"; factor = 1; fact = 2; } );\n",
	    ":1: phases[0].fact: unknown key");
}

Test(settings, wrong_shapes_are_errors)
{
	assert_error("workweek = 5;\n", ":1: workweek: must be a group { ... }");
	assert_error("case_types = ();\n",
	    ":1: case_types: must hold 1 to 64 case types, not 0");
	assert_error("case_types = [ \"JGD\" ];\n",
	    ":1: case_types: must be a list ( { code = ...; name = ...; "
	    "hours = ...; }, ... )");
	assert_error("case_types = ( \"JGD\" );\n",
	    ":1: case_types[0]: must be a group { ... }");
	assert_error("case_types = (\n { code = \"A\"; hours = 1; } );\n",
	    ":2: case_types[0].name: name is missing");
	assert_error("phases = { intake = 1.5; };\n",
	    ":1: phases: must be a list ( { code = ...; factor = ...; }, ... )");
	assert_error("holidays = \"2026-12-25\";\n",
	    ":1: holidays: must be an array [ \"...\", ... ]");
	assert_error("disciplines = ( \"jeugd\", 5 );\n",
	    ":1: disciplines[1]: must be a string");
	assert_error("teams = [ \"C EN\" ];\n",
	    ":1: teams[0]: \"C EN\" may hold only letters, digits, '-', '_' "
	    "and '.'");
	assert_error("teams = [ \"\" ];\n", ":1: teams[0]: must not be empty");
	assert_error("disciplines = [ \"jeugd\",\n \"wmo\", \"jeugd\" ];\n",
	    ":2: disciplines[2]: \"jeugd\" is listed twice");
	assert_error("case_types = ( { code = \"ABCDEFGHIJKLMNOP\"; name = \"A\"; "
	    "hours = 1; } );\n",
	    ":1: case_types[0].code: \"ABCDEFGHIJKLMNOP\" is longer than 15 "
	    "bytes");
	assert_error("case_types = ( { code = \"A\"; name = \"\"; hours = 1; } );\n",
	    ":1: case_types[0].name: must not be empty");
	assert_error("case_types = ( { code = \"A\"; name = \"a\\tb\"; "
	    "hours = 1; } );\n",
	    ":1: case_types[0].name: must not hold control characters");
}

Test(settings, duplicate_case_type_code)
{
	assert_error("case_types = (\n"
	    "  { code = \"JGD\"; name = \"Jeugd\"; hours = 2.0; },\n"
	    "  { code = \"VOL\"; name = \"Volwassenen\"; hours = 1.5; },\n"
	    "  { code = \"JGD\"; name = \"Jeugd 2\"; hours = 2.5; }\n"
	    ");\n",
	    ":4: case_types[2].code: \"JGD\" is listed twice");
}

Test(settings, phases_name_each_phase_once)
{
	assert_error("\nphases = (\n  { code = \"intake\"; factor = 1.5; },\n"
	    "  { code = \"actief\"; factor = 1.0; }\n);\n",
	    ":2: phases: afschalen is missing");
	assert_error("phases = (\n  { code = \"intake\"; factor = 1.5; },\n"
	    "  { code = \"intake\"; factor = 1.0; },\n"
	    "  { code = \"afschalen\"; factor = 0.5; }\n);\n",
	    ":3: phases[1].code: \"intake\" is listed twice");
	assert_error("phases = (\n  { code = \"actif\"; factor = 1.0; }\n);\n",
	    ":2: phases[0].code: \"actif\" is not a phase "
	    "(intake, actief or afschalen)");
	assert_error("phases = (\n  { code = \"intake\"; }\n);\n",
	    ":2: phases[0].factor: factor is missing");
}

Test(settings, bad_holiday_date)
{
	assert_error("holidays = [\n  \"2026-12-25\",\n  \"2026-02-30\"\n];\n",
	    ":3: holidays[1]: \"2026-02-30\" is not a date");
	assert_error("holidays = [ \"25-12-2026\" ];\n",
	    ":1: holidays[0]: \"25-12-2026\" is not a date (use YYYY-MM-DD)");
}

Test(settings, error_leaves_defaults)
{
	struct settings s;
	struct err e;
	const char *path;

	settings_defaults(&s);
	load_ok(&s, "workweek: { fulltime_hours = 40; };\nteams = [ \"CEN\" ];\n");
	cr_assert_float_eq(s.fulltime_hours, 40.0, 1e-9);
	/* neither these nor a good first half may survive a bad second half */
	path = write_cfg("workweek: { fulltime_hours = 40; };\n"
	    "teams = [ \"CEN\" ];\nholidays = [ \"2026-13-01\" ];\n");
	err_clear(&e);
	cr_assert_eq(settings_load(&s, path, &e), -1);
	assert_defaults(&s);
	settings_clear(&s);
}

Test(settings, reload_from_own_path)
{
	struct settings s;
	struct err e;
	char want[4400];

	settings_defaults(&s);
	load_ok(&s, "intake: { horizon_weeks = 9; };\n");
	err_clear(&e);
	cr_assert_eq(settings_load(&s, s.path, &e), 0, "%s", e.msg);
	cr_assert_eq(s.horizon_weeks, 9);
	/* the message must name the path even though it lived in s */
	snprintf(want, sizeof want, "%s: no such file", s.path);
	cr_assert_eq(remove(s.path), 0);
	cr_assert_eq(settings_find_and_load(&s, s.path, &e), -1);
	cr_assert_str_eq(e.msg, want);
	assert_defaults(&s);
	settings_clear(&s);
}

Test(settings, unreadable_file)
{
	struct settings s;
	struct err e;
	char want[4400];
	char *dir = test_tmpdir();

	settings_defaults(&s);
	err_clear(&e);
	cr_assert_eq(settings_load(&s, dir, &e), -1);
	snprintf(want, sizeof want, "%s: cannot read: Is a directory", dir);
	cr_assert_str_eq(e.msg, want);
	cr_assert_eq(e.status, EXIT_CONFIG);
	assert_defaults(&s);
	settings_clear(&s);

	snprintf(want, sizeof want, "%s/none.cfg", dir);
	settings_defaults(&s);
	cr_assert_eq(settings_load(&s, want, &e), -1);
	cr_assert(strstr(e.msg, ": cannot read: No such file or directory"),
	    "%s", e.msg);
	settings_clear(&s);
}

/* Make dir[/sub]/wijklast/wijklast.cfg holding text. */
static void
make_cfg(const char *dir, const char *sub, const char *text, char *path,
    size_t size)
{
	const char *slash = *sub ? "/" : "";
	FILE *f;

	snprintf(path, size, "%s%s%s", dir, slash, sub);
	mkdir(path, 0700);
	snprintf(path, size, "%s%s%s/wijklast", dir, slash, sub);
	cr_assert_eq(mkdir(path, 0700), 0);
	snprintf(path, size, "%s%s%s/wijklast/wijklast.cfg", dir, slash, sub);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

Test(settings, search_order)
{
	char xdg[4096], home[4096], dir[4096], found[4200], other[4200];
	char want[4400];
	struct settings s = { 0 };
	struct err e;
	bool etc = access("/etc/wijklast/wijklast.cfg", F_OK) == 0;

	snprintf(xdg, sizeof xdg, "%s", test_tmpdir());
	snprintf(home, sizeof home, "%s", test_tmpdir());
	err_clear(&e);

	/* XDG_CONFIG_HOME wins over HOME */
	make_cfg(xdg, "", "intake: { horizon_weeks = 10; };\n", found,
	    sizeof found);
	make_cfg(home, ".config", "intake: { horizon_weeks = 11; };\n", other,
	    sizeof other);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	setenv("HOME", home, 1);
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(s.horizon_weeks, 10);
	cr_assert_str_eq(s.path, found);

	/* empty or unset XDG_CONFIG_HOME means ~/.config */
	setenv("XDG_CONFIG_HOME", "", 1);
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(s.horizon_weeks, 11);
	cr_assert_str_eq(s.path, other);
	unsetenv("XDG_CONFIG_HOME");
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(s.horizon_weeks, 11);

	/* an explicit path comes first */
	snprintf(found, sizeof found, "%s",
	    write_cfg("intake: { horizon_weeks = 12; };\n"));
	cr_assert_eq(settings_find_and_load(&s, found, &e), 0, "%s", e.msg);
	cr_assert_eq(s.horizon_weeks, 12);
	cr_assert_str_eq(s.path, found);

	/* an explicit path must exist */
	snprintf(found, sizeof found, "%s/nope.cfg", xdg);
	cr_assert_eq(settings_find_and_load(&s, found, &e), -1);
	snprintf(want, sizeof want, "%s: no such file", found);
	cr_assert_str_eq(e.msg, want);
	cr_assert_eq(e.status, EXIT_CONFIG);
	assert_defaults(&s);

	/* an error in the file found is reported, not skipped */
	snprintf(dir, sizeof dir, "%s", test_tmpdir());
	make_cfg(dir, "", "intake: { horizon_weeks = 0; };\n", found,
	    sizeof found);
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), -1);
	snprintf(want, sizeof want, "%s:1: intake.horizon_weeks: 0 is out of "
	    "range (at least 1, at most 52)", found);
	cr_assert_str_eq(e.msg, want);
	assert_defaults(&s);

	/* ... and so is one that exists but cannot be read */
	snprintf(dir, sizeof dir, "%s", test_tmpdir());
	snprintf(found, sizeof found, "%s/wijklast", dir);
	cr_assert_eq(mkdir(found, 0700), 0);
	snprintf(found, sizeof found, "%s/wijklast/wijklast.cfg", dir);
	cr_assert_eq(mkdir(found, 0700), 0);
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), -1);
	snprintf(want, sizeof want, "%s: cannot read: Is a directory", found);
	cr_assert_str_eq(e.msg, want);

	/* nothing anywhere: the defaults, path "" */
	if (etc) {
		settings_clear(&s);
		return;
	}
	cr_assert_eq(settings_find_and_load(&s, other, &e), 0, "%s", e.msg);
	setenv("XDG_CONFIG_HOME", test_tmpdir(), 1);
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), 0, "%s", e.msg);
	assert_defaults(&s);
	cr_assert_eq(settings_find_and_load(&s, other, &e), 0, "%s", e.msg);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), 0, "%s", e.msg);
	assert_defaults(&s);
	settings_clear(&s);
}

Test(settings, unreadable_file_in_search_is_an_error)
{
	char dir[4096], path[4200], want[4400];
	struct settings s = { 0 };
	struct err e;

	if (geteuid() == 0)
		cr_skip_test("root reads every file");
	snprintf(dir, sizeof dir, "%s", test_tmpdir());
	make_cfg(dir, "", "", path, sizeof path);
	cr_assert_eq(chmod(path, 0), 0);
	setenv("XDG_CONFIG_HOME", dir, 1);
	err_clear(&e);
	cr_assert_eq(settings_find_and_load(&s, NULL, &e), -1);
	snprintf(want, sizeof want, "%s: cannot read: Permission denied", path);
	cr_assert_str_eq(e.msg, want);
	assert_defaults(&s);
	settings_clear(&s);
}

Test(settings, case_type_lookup)
{
	struct settings s;
	const struct case_type *ct;

	settings_defaults(&s);
	ct = settings_case_type(&s, "JGDC");
	cr_assert_not_null(ct);
	cr_assert_str_eq(ct->name, "Jeugd complex");
	cr_assert_float_eq(ct->hours, 3.5, 1e-9);
	cr_assert_eq(settings_case_type(&s, "HG"), &s.case_types[5]);
	cr_assert_null(settings_case_type(&s, "jgd"));
	cr_assert_null(settings_case_type(&s, "JG"));
	cr_assert_null(settings_case_type(&s, ""));
	cr_assert_null(settings_case_type(&s, NULL));
	settings_clear(&s);
}

Test(settings, is_holiday)
{
	struct settings s;

	settings_defaults(&s);
	cr_assert(settings_is_holiday(&s, D("2026-01-01")));
	cr_assert(settings_is_holiday(&s, D("2026-04-27")));
	cr_assert(settings_is_holiday(&s, D("2026-12-26")));
	cr_assert(settings_is_holiday(&s, D("2027-05-06")));
	cr_assert(settings_is_holiday(&s, D("2027-12-26")));
	cr_assert_not(settings_is_holiday(&s, D("2026-04-28")));
	cr_assert_not(settings_is_holiday(&s, D("2025-12-25")));
	cr_assert_not(settings_is_holiday(&s, D("2028-01-01")));
	cr_assert_not(settings_is_holiday(&s, DATE_NONE));
	settings_clear(&s);
}

Test(settings, phase_codes)
{
	cr_assert_eq(settings_phase_parse("intake"), PHASE_INTAKE);
	cr_assert_eq(settings_phase_parse("actief"), PHASE_ACTIVE);
	cr_assert_eq(settings_phase_parse("afschalen"), PHASE_TAPER);
	cr_assert_eq(settings_phase_parse("Intake"), -1);
	cr_assert_eq(settings_phase_parse("active"), -1);
	cr_assert_eq(settings_phase_parse(""), -1);
	cr_assert_eq(settings_phase_parse(NULL), -1);
	for (int p = 0; p < PHASE_COUNT; p++)
		cr_assert_eq(settings_phase_parse(settings_phase_code(p)), p);
	cr_assert_str_eq(settings_phase_code(PHASE_TAPER), "afschalen");
}

Test(settings, key_names)
{
	static const struct {
		const char *name;
		int key;
		const char *shown;
	} t[] = {
		{ "q", 'q', "q" },
		{ "Q", 'Q', "Q" },
		{ "?", '?', "?" },
		{ "]", ']', "]" },
		{ "^R", 'R' & 0x1f, "^R" },
		{ "^r", 'R' & 0x1f, "^R" },
		{ "C-l", 'L' & 0x1f, "^L" },
		{ "Ctrl-B", 'B' & 0x1f, "^B" },
		{ "ctrl+f", 'F' & 0x1f, "^F" },
		{ "^M", SETTINGS_KEY_ENTER, "Enter" },
		{ "^H", SETTINGS_KEY_BACKSPACE, "Backspace" },
		{ "^I", '\t', "Tab" },
		{ "^[", 27, "Esc" },
		{ "F2", SETTINGS_KEY_F(2), "F2" },
		{ "f12", SETTINGS_KEY_F(12), "F12" },
		{ "KEY_F(2)", SETTINGS_KEY_F(2), "F2" },
		{ "KEY_F(24)", SETTINGS_KEY_F(24), "F24" },
		{ "Tab", '\t', "Tab" },
		{ "tab", '\t', "Tab" },
		{ "S-Tab", SETTINGS_KEY_BACKTAB, "BackTab" },
		{ "Enter", SETTINGS_KEY_ENTER, "Enter" },
		{ "Return", SETTINGS_KEY_ENTER, "Enter" },
		{ "KEY_ENTER", SETTINGS_KEY_ENTER, "Enter" },
		{ "Esc", 27, "Esc" },
		{ "Escape", 27, "Esc" },
		{ "Space", ' ', "Space" },
		{ "Left", SETTINGS_KEY_LEFT, "Left" },
		{ "KEY_LEFT", SETTINGS_KEY_LEFT, "Left" },
		{ "PgDn", SETTINGS_KEY_PAGE_DOWN, "PgDn" },
		{ "PageUp", SETTINGS_KEY_PAGE_UP, "PgUp" },
		{ "KEY_NPAGE", SETTINGS_KEY_PAGE_DOWN, "PgDn" },
		{ "Home", SETTINGS_KEY_HOME, "Home" },
		{ "Del", SETTINGS_KEY_DELETE, "Delete" },
	};
	static const char *const bad_names[] = {
		"", " ", "\t", "\x7f", "é", "qq", "F0", "F25", "F2x",
		"KEY_F(2", "KEY_F()", "KEY_F(0)", "^1", "^RR", "C-",
		"Ctrl-", "Ctrl-ab", "Lefty", "KEY_F2x",
	};
	char buf[32];

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		cr_assert_eq(settings_key_parse(t[i].name), t[i].key, "%s",
		    t[i].name);
		cr_assert_str_eq(settings_key_name(t[i].key, buf, sizeof buf),
		    t[i].shown);
		/* what is shown reads back as the same key */
		cr_assert_eq(settings_key_parse(buf), t[i].key, "%s", buf);
	}
	for (size_t i = 0; i < sizeof bad_names / sizeof bad_names[0]; i++)
		cr_assert_eq(settings_key_parse(bad_names[i]), -1, "\"%s\"",
		    bad_names[i]);
	cr_assert_eq(settings_key_parse(NULL), -1);
}

/* The actions a front end names (main.c gives the TUI's key table; these
 * tests a few of its names). */
static const char *
front_end_actions(size_t i)
{
	static const char *const names[] = { "quit", "help", "redo",
		"planner", "week_next", "back", "open" };

	return i < sizeof names / sizeof names[0] ? names[i] : NULL;
}

Test(settings, key_actions_come_from_the_front_end)
{
	settings_key_actions(NULL);
	cr_assert_null(settings_key_action(0));
	assert_error("keys = {\n  quit = \"x\";\n};\n",
	    ":2: keys.quit: unknown action");
	settings_key_actions(front_end_actions);
	cr_assert_str_eq(settings_key_action(0), "quit");
	cr_assert_null(settings_key_action(7));
}

Test(settings, keys_group_rebinds_actions)
{
	struct settings s;

	settings_key_actions(front_end_actions);
	settings_defaults(&s);
	cr_assert_eq(s.n_bindings, 0);
	load_ok(&s, "keys = {\n  quit = \"x\";\n"
	    "  help = [ \"?\", \"F2\" ];\n"
	    "  redo = ( \"^R\" );\n"
	    "  planner = [ \"KEY_F(3)\", \"P\", \"Enter\" ];\n"
	    "  week_next = \"Right\";\n};\n");
	cr_assert_eq(s.n_bindings, 5);
	cr_assert_str_eq(s.bindings[0].action, "quit");
	cr_assert_eq(s.bindings[0].keys[0], 'x');
	cr_assert_eq(s.bindings[0].keys[1], 0);
	cr_assert_str_eq(s.bindings[1].action, "help");
	cr_assert_eq(s.bindings[1].keys[0], '?');
	cr_assert_eq(s.bindings[1].keys[1], SETTINGS_KEY_F(2));
	cr_assert_eq(s.bindings[1].keys[2], 0);
	cr_assert_eq(s.bindings[2].keys[0], 'R' & 0x1f);
	cr_assert_str_eq(s.bindings[3].action, "planner");
	cr_assert_eq(s.bindings[3].keys[0], SETTINGS_KEY_F(3));
	cr_assert_eq(s.bindings[3].keys[1], 'P');
	cr_assert_eq(s.bindings[3].keys[2], SETTINGS_KEY_ENTER);
	cr_assert_eq(s.bindings[4].keys[0], SETTINGS_KEY_RIGHT);

	/* a file without the group has no bindings */
	load_ok(&s, "keys = { };\n");
	cr_assert_eq(s.n_bindings, 0);
	load_ok(&s, "");
	cr_assert_eq(s.n_bindings, 0);
	settings_clear(&s);
}

Test(settings, keys_errors_name_line_and_key)
{
	settings_key_actions(front_end_actions);
	assert_error("keys = {\n  quit = \"x\";\n  quitt = \"y\";\n};\n",
	    ":3: keys.quitt: unknown action");
	assert_error("keys = {\n  quit = \"Ctrl-Alt-X\";\n};\n",
	    ":2: keys.quit: unknown key name \"Ctrl-Alt-X\"");
	assert_error("keys = {\n  help = [ \"?\",\n    \"F99\" ];\n};\n",
	    ":3: keys.help: unknown key name \"F99\"");
	assert_error("keys = {\n  quit = \"x\";\n  help = [ \"?\", \"x\" ];\n};\n",
	    ":3: keys.help: x is bound twice: also to quit");
	assert_error("keys = {\n  back = \"Esc\";\n  quit = \"^[\";\n};\n",
	    ":3: keys.quit: Esc is bound twice: also to back");
	assert_error("keys = {\n  open = [ \"Enter\", \"^M\" ];\n};\n",
	    ":2: keys.open: Enter is listed twice");
	assert_error("keys = {\n  quit = 5;\n};\n",
	    ":2: keys.quit: must be a key name or an array of them "
	    "[ \"...\", ... ]");
	assert_error("keys = {\n  quit = [ ];\n};\n",
	    ":2: keys.quit: must name 1 to 8 keys, not 0");
	assert_error("keys = { quit = [ \"a\", \"b\", \"c\", \"d\", \"e\", "
	    "\"f\", \"g\", \"h\", \"i\" ]; };\n",
	    ":1: keys.quit: must name 1 to 8 keys, not 9");
	assert_error("keys = {\n  quit = ( \"x\", 5 );\n};\n",
	    ":2: keys.quit: must be a key name");
	assert_error("keys = [ \"q\" ];\n", ":1: keys: must be a group { ... }");
}

Test(settings, cover_and_who_may_hold_a_case_type)
{
	struct settings s;

	settings_defaults(&s);
	cr_assert_eq(s.cover_min_weeks, 2);
	cr_assert_eq(s.cover_max_cases_each, 0);
	for (size_t i = 0; i < s.n_case_types; i++)
		cr_assert_eq(s.case_types[i].n_disciplines, 0, "anyone");
	load_ok(&s, "cover: { min_weeks = 3; max_cases_each = 4; };\n"
	    "case_types = (\n { code = \"HG\"; name = \"Huiselijk geweld\";"
	    " hours = 4;\n   disciplines = [ \"hg\", \"ggz\" ]; },\n"
	    " { code = \"JGD\"; name = \"Jeugd\"; hours = 2; } );\n");
	cr_assert_eq(s.cover_min_weeks, 3);
	cr_assert_eq(s.cover_max_cases_each, 4);
	cr_assert_eq(s.case_types[0].n_disciplines, 2);
	cr_assert_str_eq(s.case_types[0].disciplines[1], "ggz");
	cr_assert_eq(s.case_types[1].n_disciplines, 0);
	settings_clear(&s);

	assert_error("cover: {\n min_weeks = 0; };\n",
	    ":2: cover.min_weeks: 0 is out of range (at least 1, at most 52)");
	assert_error("cover: { max_cases_each = 1001; };\n",
	    ":1: cover.max_cases_each: 1001 is out of range "
	    "(at least 0, at most 1000)");
	assert_error("case_types = (\n { code = \"HG\"; name = \"HG\"; "
	    "hours = 4;\n   disciplines = [ \"hg\", \"politie\" ]; } );\n",
	    ":3: case_types[0].disciplines[1]: \"politie\" is not in the "
	    "disciplines list");
	assert_error("case_types = ( { code = \"HG\"; name = \"HG\"; "
	    "hours = 4; disciplines = [ \"hg\", \"hg\" ]; } );\n",
	    ":1: case_types[0].disciplines[1]: \"hg\" is listed twice");
}

Test(settings, forecast_group)
{
	struct settings s;

	settings_defaults(&s);
	cr_assert_eq(s.forecast_weeks, 12);
	cr_assert_eq(s.forecast_simulations, 500);
	cr_assert_eq(s.forecast_history_weeks, 26);
	load_ok(&s, "forecast: { weeks = 20; simulations = 1000; "
	    "history_weeks = 52; };\n");
	cr_assert_eq(s.forecast_weeks, 20);
	cr_assert_eq(s.forecast_simulations, 1000);
	cr_assert_eq(s.forecast_history_weeks, 52);
	settings_clear(&s);

	assert_error("forecast: {\n weeks = 53; };\n",
	    ":2: forecast.weeks: 53 is out of range (at least 1, at most 52)");
	assert_error("forecast: { simulations = 99; };\n",
	    ":1: forecast.simulations: 99 is out of range "
	    "(at least 100, at most 10000)");
	assert_error("forecast: { history_weeks = 3; };\n",
	    ":1: forecast.history_weeks: 3 is out of range "
	    "(at least 4, at most 104)");
	assert_error("forecast: { horizon = 3; };\n",
	    ":1: forecast.horizon: unknown key");
}
