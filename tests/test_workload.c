/* The load model of SPEC §3, case by case against numbers computed by hand
 * (the arithmetic is in the comments). */
#include <math.h>

#include "testutil.h"
#include "workload.h"
#include "xmem.h"

static struct settings S;
static struct dataset DS;

static void
setup(void)
{
	settings_defaults(&S);
	/* A fixed holiday list, independent of the shipped defaults. */
	free(S.holidays);
	S.holidays = xcalloc(4, sizeof *S.holidays);
	S.holidays[0] = D("2025-01-01");
	S.holidays[1] = D("2026-05-14"); /* Thursday, Ascension Day */
	S.holidays[2] = D("2026-12-25");
	S.holidays[3] = D("2027-01-01");
	S.n_holidays = 4;
	memset(&DS, 0, sizeof DS);
}

static void
teardown(void)
{
	dataset_clear(&DS);
	settings_clear(&S);
}

TestSuite(workload, .init = setup, .fini = teardown);

static int64_t
add_team(const char *code)
{
	struct team *t;

	t = TEST_APPEND(DS.teams, DS.n_teams);
	snprintf(t->code, sizeof t->code, "%s", code);
	return t->id;
}

static int64_t
add_employee(int64_t team, double hours, unsigned workdays, const char *start,
    const char *end)
{
	struct employee *em;

	em = TEST_APPEND(DS.employees, DS.n_employees);
	snprintf(em->code, sizeof em->code, "E%zu", DS.n_employees);
	em->team_id = team;
	em->contract_hours = hours;
	em->workdays = workdays;
	em->start = D(start);
	em->end = end ? D(end) : DATE_NONE;
	return em->id;
}

static void
add_absence(int64_t em, const char *start, const char *end, int pct)
{
	struct absence *a;

	a = TEST_APPEND(DS.absences, DS.n_absences);
	a->employee_id = em;
	a->start = D(start);
	a->end = D(end);
	a->percent = pct;
}

static void
add_case(int64_t team, int64_t em, const char *type, enum phase phase,
    const char *opened, const char *closed)
{
	struct case_item *c;

	c = TEST_APPEND(DS.cases, DS.n_cases);
	snprintf(c->ref, sizeof c->ref, "Z-%zu", DS.n_cases);
	c->team_id = team;
	c->employee_id = em;
	snprintf(c->type, sizeof c->type, "%s", type);
	c->phase = phase;
	c->opened = D(opened);
	c->closed = closed ? D(closed) : DATE_NONE;
}

static void
add_block(int64_t team, int64_t em, const char *date, double hours)
{
	struct block *b;

	b = TEST_APPEND(DS.blocks, DS.n_blocks);
	b->team_id = team;
	b->employee_id = em;
	b->date = D(date);
	b->hours = hours;
}

static void
add_activity(int64_t em, double hours, const char *start, const char *end)
{
	struct activity *a;

	a = TEST_APPEND(DS.activities, DS.n_activities);
	a->employee_id = em;
	a->hours_per_week = hours;
	a->start = D(start);
	a->end = end ? D(end) : DATE_NONE;
}

#define MA 0x01u
#define DI 0x02u
#define WO 0x04u
#define DO 0x08u
#define VR 0x10u

Test(workload, part_timer_with_holiday_and_half_absence)
{
	/* 24 h on ma, di, do = 8 h a day. Week 2026-W20 (11-17 May):
	 * Thursday 14 May is a holiday, Tuesday 12 May a 50 % absence.
	 * available = 8 (ma) + 8 × 0.5 (di) + 0 (do, holiday) = 12
	 * capacity = 12 × 0.9 = 10.8 */
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 24, MA | DI | DO, "2020-01-01", NULL);
	struct week_figures w;

	add_absence(e, "2026-05-12", "2026-05-12", 50);
	workload_week(&DS, &S, D("2026-05-11"), &w);
	ASSERT_HOURS(w.employees[0].available, 12.0);
	ASSERT_HOURS(w.employees[0].capacity, 10.8);
	workload_week_clear(&w);
}

Test(workload, overlapping_absences_take_the_largest)
{
	/* 50 % from Monday to Wednesday and 100 % on Tuesday, same part-timer:
	 * ma 8 × 0.5 = 4, di 8 × 0 = 0, do holiday: available 4. */
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 24, MA | DI | DO, "2020-01-01", NULL);
	struct week_figures w;

	add_absence(e, "2026-05-11", "2026-05-13", 50);
	add_absence(e, "2026-05-12", "2026-05-12", 100);
	workload_week(&DS, &S, D("2026-05-11"), &w);
	ASSERT_HOURS(w.employees[0].available, 4.0);
	ASSERT_HOURS(w.employees[0].capacity, 3.6);
	workload_week_clear(&w);
}

Test(workload, case_opened_sunday_and_closed_monday)
{
	/* Week 2026-W48 runs Mon 23 Nov - Sun 29 Nov. A case opened on Sunday
	 * 29 Nov counts this week; one closed on Monday 23 Nov counts this week
	 * but not the week after; one closed on Sunday 22 Nov does not count. */
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	struct week_figures w;

	add_case(t, e, "JGD", PHASE_ACTIVE, "2026-11-29", NULL);   /* 2.0 */
	add_case(t, e, "VOL", PHASE_ACTIVE, "2026-01-05", "2026-11-23"); /* 1.5 */
	add_case(t, e, "WMO", PHASE_ACTIVE, "2026-01-05", "2026-11-22"); /* - */
	workload_week(&DS, &S, D("2026-11-23"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 3.5);
	cr_assert_eq(w.employees[0].open_cases, 2);
	cr_assert_eq(w.employees[0].new_cases, 1);
	cr_assert_eq(w.employees[0].closed_cases, 1);
	workload_week_clear(&w);

	workload_week(&DS, &S, D("2026-11-30"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 2.0);
	cr_assert_eq(w.employees[0].new_cases, 0);
	workload_week_clear(&w);
}

Test(workload, case_hours_are_type_times_phase)
{
	cr_assert_float_eq(S.phase_factor[PHASE_INTAKE], 1.5, 1e-9);
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	struct week_figures w;

	add_case(t, e, "HG", PHASE_INTAKE, "2026-01-05", NULL);      /* 4 × 1.5 = 6 */
	add_case(t, e, "JGDC", PHASE_TAPER, "2026-01-05", NULL);     /* 3.5 × 0.5 = 1.75 */
	add_case(t, e, "GGZ", PHASE_ACTIVE, "2026-01-05", NULL);     /* 3 */
	add_case(t, e, "NOPE", PHASE_ACTIVE, "2026-01-05", NULL);    /* unknown: 0 */
	workload_week(&DS, &S, D("2026-11-23"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 10.75);
	workload_week_clear(&w);
}

Test(workload, demand_load_and_status_for_a_full_week)
{
	/* 36 h, five days, no absence: available 36, capacity 32.4.
	 * cases 6 + 2 = 8; intake block 4 (this week; the one next week and
	 * the unfilled one don't count); side 3 + 2 (the ended one doesn't).
	 * demand = 8 + 4 + 5 = 17; load = 17 / 32.4 = 0.5247 → ROOM. */
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	struct week_figures w;

	add_case(t, e, "HG", PHASE_INTAKE, "2026-01-05", NULL);
	add_case(t, e, "JGD", PHASE_ACTIVE, "2026-01-05", NULL);
	add_block(t, e, "2026-11-24", 4);
	add_block(t, e, "2026-12-01", 4);
	add_block(t, 0, "2026-11-25", 4);
	add_activity(e, 3, "2026-11-29", NULL);
	add_activity(e, 2, "2026-01-01", "2026-11-23");
	add_activity(e, 7, "2026-01-01", "2026-11-22");
	workload_week(&DS, &S, D("2026-11-23"), &w);
	ASSERT_HOURS(w.employees[0].available, 36.0);
	ASSERT_HOURS(w.employees[0].capacity, 32.4);
	ASSERT_HOURS(w.employees[0].case_hours, 8.0);
	ASSERT_HOURS(w.employees[0].intake_hours, 4.0);
	ASSERT_HOURS(w.employees[0].side_hours, 5.0);
	ASSERT_HOURS(w.employees[0].demand, 17.0);
	cr_assert_float_eq(w.employees[0].load, 17.0 / 32.4, 1e-9);
	cr_assert_eq(w.employees[0].status, LOAD_STATUS_ROOM);
	cr_assert_eq(w.employees[0].blocks, 1);
	workload_week_clear(&w);
}

Test(workload, zero_capacity_with_and_without_demand)
{
	/* Fully absent all week: capacity 0. With 2 h of cases the load is
	 * infinite and OVER; without demand the employee is not counted and the
	 * team has one member. */
	int64_t t = add_team("CEN");
	int64_t sick = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	int64_t idle = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	int64_t ok = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	struct week_figures w;

	add_absence(sick, "2026-11-01", "2026-12-31", 100);
	add_absence(idle, "2026-11-01", "2026-12-31", 100);
	add_case(t, sick, "JGD", PHASE_ACTIVE, "2026-01-05", NULL);
	add_case(t, ok, "VOL", PHASE_ACTIVE, "2026-01-05", NULL);
	workload_week(&DS, &S, D("2026-11-23"), &w);
	cr_assert_eq(w.employees[0].capacity, 0.0);
	cr_assert(isinf(w.employees[0].load));
	cr_assert(w.employees[0].counted);
	cr_assert_eq(w.employees[0].status, LOAD_STATUS_OVER);
	cr_assert_not(w.employees[1].counted);
	cr_assert_eq(w.employees[1].status, LOAD_STATUS_NONE);
	/* Team: capacity 32.4 (ok only), demand 2 + 1.5 = 3.5, members 2. */
	cr_assert_eq(w.teams[0].members, 2);
	ASSERT_HOURS(w.teams[0].capacity, 32.4);
	ASSERT_HOURS(w.teams[0].demand, 3.5);
	cr_assert_eq(w.teams[0].by_status[LOAD_STATUS_OVER], 1);
	cr_assert_eq(w.teams[0].by_status[LOAD_STATUS_ROOM], 1);
	workload_week_clear(&w);
}

Test(workload, team_with_no_capacity_is_infinite)
{
	int64_t t = add_team("HG");
	struct week_figures w;

	add_case(t, 0, "HG", PHASE_ACTIVE, "2026-01-05", NULL);
	workload_week(&DS, &S, D("2026-11-23"), &w);
	cr_assert(isinf(w.teams[0].load));
	cr_assert_eq(w.teams[0].status, LOAD_STATUS_OVER);
	workload_week_clear(&w);
}

Test(workload, iso_week_2025_w01_spans_new_year)
{
	/* 2025-W01 is Mon 30 Dec 2024 - Sun 5 Jan 2025; 1 Jan is a holiday.
	 * 36 h full-timer: 4 days × 7.2 = 28.8 available, 25.92 capacity. A
	 * case opened on Sun 5 Jan 2025 counts in 2025-W01. */
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	struct week_figures w;
	int monday;

	cr_assert_eq(date_parse_week("2025-W01", 0, &monday, NULL), 0);
	cr_assert_eq(monday, D("2024-12-30"));
	add_case(t, e, "JGD", PHASE_ACTIVE, "2025-01-05", NULL);
	workload_week(&DS, &S, monday, &w);
	ASSERT_HOURS(w.employees[0].available, 28.8);
	ASSERT_HOURS(w.employees[0].capacity, 25.92);
	ASSERT_HOURS(w.employees[0].case_hours, 2.0);
	workload_week_clear(&w);
}

Test(workload, iso_week_2026_w53)
{
	/* 2026-W53 is Mon 28 Dec 2026 - Sun 3 Jan 2027; Fri 1 Jan 2027 is a
	 * holiday. 32 h on ma-do = 8 h a day: 4 working days (28-31 Dec) = 32.
	 * An activity from 1 Jan 2027 counts; a block on 31 Dec counts. */
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 32, MA | DI | WO | DO, "2020-01-01", NULL);
	struct week_figures w;
	int monday;

	cr_assert_eq(date_parse_week("2026-W53", 0, &monday, NULL), 0);
	cr_assert_eq(monday, D("2026-12-28"));
	add_activity(e, 2.5, "2027-01-01", NULL);
	add_block(t, e, "2026-12-31", 4);
	workload_week(&DS, &S, monday, &w);
	ASSERT_HOURS(w.employees[0].available, 32.0);
	ASSERT_HOURS(w.employees[0].side_hours, 2.5);
	ASSERT_HOURS(w.employees[0].intake_hours, 4.0);
	workload_week_clear(&w);
}

Test(workload, start_and_end_mid_week)
{
	/* 36 h, starts Wed 25 Nov: we, do, vr = 3 × 7.2 = 21.6.
	 * Another leaves Tue 24 Nov: ma, di = 14.4. */
	int64_t t = add_team("CEN");
	struct week_figures w;

	add_employee(t, 36, WORKDAYS_ALL, "2026-11-25", NULL);
	add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", "2026-11-24");
	workload_week(&DS, &S, D("2026-11-23"), &w);
	ASSERT_HOURS(w.employees[0].available, 21.6);
	ASSERT_HOURS(w.employees[1].available, 14.4);
	workload_week_clear(&w);
}

Test(workload, leaver_with_open_cases_has_no_capacity)
{
	int64_t t = add_team("CEN");
	int64_t e = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", "2026-10-31");
	struct week_figures w;

	add_case(t, e, "JGD", PHASE_ACTIVE, "2026-01-05", NULL);
	workload_week(&DS, &S, D("2026-11-23"), &w);
	cr_assert(w.employees[0].counted);
	cr_assert(isinf(w.employees[0].load));
	cr_assert_eq(w.employees[0].status, LOAD_STATUS_OVER);
	workload_week_clear(&w);
}

Test(workload, team_totals_with_waiting_list)
{
	/* Two members, 36 h and 18 h (five days): capacity 32.4 + 16.2 = 48.6.
	 * Member demand: 6 (HG intake) + 2 (JGD) = 8. Waiting list: JGD actief 2
	 * + WMO afschalen 0.5 = 2.5 h in 2 cases. Team demand 10.5, load
	 * 10.5 / 48.6 = 0.216. A closed waiting case doesn't count; another
	 * team's case doesn't either. */
	int64_t t = add_team("CEN");
	int64_t other = add_team("NRD");
	int64_t a = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	int64_t b = add_employee(t, 18, WORKDAYS_ALL, "2020-01-01", NULL);
	struct week_figures w;

	add_case(t, a, "HG", PHASE_INTAKE, "2026-01-05", NULL);
	add_case(t, b, "JGD", PHASE_ACTIVE, "2026-01-05", NULL);
	add_case(t, 0, "JGD", PHASE_ACTIVE, "2026-01-05", NULL);
	add_case(t, 0, "WMO", PHASE_TAPER, "2026-01-05", NULL);
	add_case(t, 0, "WMO", PHASE_TAPER, "2026-01-05", "2026-11-01");
	add_case(other, 0, "HG", PHASE_ACTIVE, "2026-01-05", NULL);
	workload_week(&DS, &S, D("2026-11-23"), &w);
	ASSERT_HOURS(w.teams[0].capacity, 48.6);
	ASSERT_HOURS(w.teams[0].waiting_hours, 2.5);
	cr_assert_eq(w.teams[0].waiting_cases, 2);
	ASSERT_HOURS(w.teams[0].demand, 10.5);
	cr_assert_float_eq(w.teams[0].load, 10.5 / 48.6, 1e-9);
	cr_assert_eq(w.teams[0].status, LOAD_STATUS_ROOM);
	cr_assert_eq(w.teams[0].members, 2);
	cr_assert_eq(w.teams[1].waiting_cases, 1);
	cr_assert_eq(w.teams[1].members, 0);
	workload_week_clear(&w);
}

Test(workload, status_bands_at_the_edges)
{
	cr_assert_eq(workload_status(0.0, true, &S), LOAD_STATUS_ROOM);
	cr_assert_eq(workload_status(0.8999, true, &S), LOAD_STATUS_ROOM);
	cr_assert_eq(workload_status(0.9, true, &S), LOAD_STATUS_OK);
	cr_assert_eq(workload_status(27.0 / 30.0, true, &S), LOAD_STATUS_OK);
	cr_assert_eq(workload_status(1.0, true, &S), LOAD_STATUS_OK);
	cr_assert_eq(workload_status(1.0001, true, &S), LOAD_STATUS_HIGH);
	cr_assert_eq(workload_status(1.1, true, &S), LOAD_STATUS_HIGH);
	cr_assert_eq(workload_status(33.0 / 30.0, true, &S), LOAD_STATUS_HIGH);
	cr_assert_eq(workload_status(1.1001, true, &S), LOAD_STATUS_OVER);
	cr_assert_eq(workload_status(INFINITY, true, &S), LOAD_STATUS_OVER);
	cr_assert_eq(workload_status(0.0, false, &S), LOAD_STATUS_NONE);
	cr_assert_str_eq(workload_status_code(LOAD_STATUS_HIGH), "HIGH");
}

Test(workload, load_is_demand_over_capacity)
{
	cr_assert_float_eq(workload_load(10, 20), 0.5, 1e-12);
	cr_assert(isinf(workload_load(1, 0)));
	cr_assert_eq(workload_load(0, 0), 0.0);
}

/* One employee OVER in weeks given by a pattern ("OOOH": OVER three weeks
 * then HIGH): n weeks of figures built by hand. */
static void
fake_weeks(struct week_figures *w, const char *pattern)
{
	size_t n = strlen(pattern);

	for (size_t i = 0; i < n; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].n_employees = 1;
		w[i].n_teams = 1;
		w[i].employees = xcalloc(1, sizeof *w[i].employees);
		w[i].teams = xcalloc(1, sizeof *w[i].teams);
		w[i].employees[0].status = pattern[i] == 'O' ? LOAD_STATUS_OVER
							     : LOAD_STATUS_HIGH;
		w[i].teams[0].status = w[i].employees[0].status;
	}
}

Test(workload, sustained_overload_needs_every_week)
{
	struct week_figures w[5];

	add_employee(add_team("CEN"), 36, WORKDAYS_ALL, "2020-01-01", NULL);

	fake_weeks(w, "HOOOO");
	workload_mark_sustained(&DS, w, 5, &S);
	cr_assert(w[4].employees[0].sustained);
	cr_assert(w[4].teams[0].sustained);
	cr_assert_eq(w[4].teams[0].sustained_members, 1);
	for (int i = 0; i < 5; i++)
		workload_week_clear(&w[i]);

	fake_weeks(w, "OOOHO");
	workload_mark_sustained(&DS, w, 5, &S);
	cr_assert_not(w[4].employees[0].sustained);
	cr_assert_eq(w[4].teams[0].sustained_members, 0);
	for (int i = 0; i < 5; i++)
		workload_week_clear(&w[i]);

	fake_weeks(w, "OOO");
	workload_mark_sustained(&DS, w, 3, &S);
	cr_assert_not(w[2].employees[0].sustained);
	for (int i = 0; i < 3; i++)
		workload_week_clear(&w[i]);
}

Test(workload, working_days_skip_weekends_and_other_days)
{
	int64_t t = add_team("CEN");

	add_employee(t, 24, MA | DI | DO, "2020-01-01", NULL);
	const struct employee *e = &DS.employees[0];
	cr_assert(workload_is_working_day(e, &S, D("2026-11-23")));  /* ma */
	cr_assert_not(workload_is_working_day(e, &S, D("2026-11-25"))); /* wo */
	cr_assert_not(workload_is_working_day(e, &S, D("2026-11-28"))); /* za */
	cr_assert_not(workload_is_working_day(e, &S, D("2026-05-14"))); /* holiday */
	cr_assert_float_eq(workload_hours_per_day(e), 8.0, 1e-9);
}

Test(workload, shown_percentages_never_contradict_the_status)
{
	char buf[16];

	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 1.234, true,
	    &S, false), "123%");
	/* 1.101 is OVER: "110%" would read as HIGH. */
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 1.101, true,
	    &S, false), "110.1%");
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 1.1, true,
	    &S, false), "110%");
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 1.1004, true,
	    &S, false), "110.04%");
	/* 1.004 is HIGH, 0.896 is ROOM. */
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 1.004, true,
	    &S, true), "100,4%");
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 0.896, true,
	    &S, false), "89.6%");
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 0.9, true,
	    &S, false), "90%");
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, INFINITY,
	    true, &S, false), "—");
	cr_assert_str_eq(workload_format_percent(buf, sizeof buf, 0, false,
	    &S, false), "-");
}

/* Sick leave does not take the intake blocks away: a block held on a day
 * of an absence of 50 % or more still counts as demand, and is flagged as
 * needing cover (per employee and per team); a 40 % absence is not. */
Test(workload, blocks_held_while_absent_need_cover)
{
	int64_t t = add_team("CEN");
	int64_t sick = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	int64_t half = add_employee(t, 36, WORKDAYS_ALL, "2020-01-01", NULL);
	struct week_figures w;

	add_absence(sick, "2026-11-24", "2026-12-06", 100);
	add_absence(half, "2026-11-23", "2026-11-27", 40);
	add_block(t, sick, "2026-11-23", 4); /* the day before: covered */
	add_block(t, sick, "2026-11-26", 4);
	add_block(t, half, "2026-11-25", 4);
	workload_week(&DS, &S, D("2026-11-23"), &w);
	cr_assert_eq(w.employees[0].blocks, 2);
	cr_assert_eq(w.employees[0].absent_blocks, 1);
	ASSERT_HOURS(w.employees[0].intake_hours, 8.0);
	cr_assert_eq(w.employees[1].absent_blocks, 0);
	cr_assert_eq(w.teams[0].absent_blocks, 1);
	cr_assert(workload_block_needs_cover(&DS, &DS.blocks[1]));
	cr_assert(!workload_block_needs_cover(&DS, &DS.blocks[0]));
	cr_assert(!workload_block_needs_cover(&DS, &DS.blocks[2]));
	cr_assert_eq(workload_absence_on(&DS, sick, D("2026-11-30")), 100);
	workload_week_clear(&w);
}
