/* Snapshots (SPEC §6): a past week's figures are frozen the first time they
 * are viewed and survive later edits; the current week stays live. */
#include "app.h"
#include "store.h"
#include "testutil.h"

static struct app A;
static struct err e;
static int64_t team_id, emp_id;

/* A city of one team, one employee and one case, seen on today. */
static void
open_city(const char *today)
{
	/* No config file from the machine running the tests. */
	setenv("XDG_CONFIG_HOME", test_tmpdir(), 1);
	setenv("WIJKLAST_TODAY", today, 1);
	err_clear(&e);
	cr_assert_eq(app_open(&A, ":memory:", NULL, &e), 0, "%s", e.msg);

	struct team t = { .code = "CEN", .name = "Centrum" };
	struct employee em = { .code = "E1", .name = "Özlem Kaya",
		.contract_hours = 36, .workdays = WORKDAYS_ALL,
		.start = D("2020-01-01"), .end = DATE_NONE };
	struct case_item c = { .ref = "Z-1", .type = "HG",
		.phase = PHASE_ACTIVE, .opened = D("2026-01-05"),
		.closed = DATE_NONE };

	cr_assert_eq(store_begin(A.store, &e), 0);
	cr_assert_eq(store_add_team(A.store, &t, &e), 0, "%s", e.msg);
	em.team_id = t.id;
	cr_assert_eq(store_add_employee(A.store, &em, &e), 0, "%s", e.msg);
	c.team_id = t.id;
	c.employee_id = em.id;
	cr_assert_eq(store_add_case(A.store, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(A.store, &e), 0);
	cr_assert_eq(app_reload(&A, &e), 0);
	team_id = t.id;
	emp_id = em.id;
}

static void
setup(void)
{
	open_city("2026-11-25");
}

static void
teardown(void)
{
	app_close(&A);
}

TestSuite(snapshot, .init = setup, .fini = teardown);

/* Close the case on date, as a teamcoach would. */
static void
close_case(const char *date)
{
	struct case_item c = A.data.cases[0];

	c.closed = D(date);
	cr_assert_eq(store_begin(A.store, &e), 0);
	cr_assert_eq(store_update_case(A.store, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(A.store, &e), 0);
	cr_assert_eq(app_reload(&A, &e), 0);
}

Test(snapshot, past_week_survives_closing_a_case)
{
	struct week_figures w;
	bool found;

	/* 2026-W47 (16-22 Nov) is past: viewing it freezes it. HG 4 h. */
	app_week(&A, D("2026-11-16"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 4.0);
	workload_week_clear(&w);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2026-11-16"), &w,
	    &found, &e), 0, "%s", e.msg);
	cr_assert(found);
	ASSERT_HOURS(w.employees[0].case_hours, 4.0);
	ASSERT_HOURS(w.teams[0].demand, 4.0);
	workload_week_clear(&w);

	/* Close the case back on 1 November: live figures would drop it. */
	close_case("2026-11-01");
	app_week(&A, D("2026-11-16"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 4.0);
	ASSERT_HOURS(w.employees[0].demand, 4.0);
	cr_assert_eq(w.employees[0].open_cases, 1);
	workload_week_clear(&w);

	/* The current week is live: the closed case is gone. */
	app_week(&A, D("2026-11-23"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 0.0);
	workload_week_clear(&w);

	/* An explicit snapshot re-freezes the week as it is now. */
	cr_assert_eq(app_snapshot(&A, D("2026-11-16"), &e), 0, "%s", e.msg);
	app_week(&A, D("2026-11-16"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 0.0);
	workload_week_clear(&w);
}

Test(snapshot, current_and_future_weeks_are_not_frozen)
{
	struct week_figures w;
	bool found = true;

	app_week(&A, D("2026-11-23"), &w);
	workload_week_clear(&w);
	app_week(&A, D("2026-11-30"), &w);
	workload_week_clear(&w);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2026-11-23"), &w,
	    &found, &e), 0);
	cr_assert_not(found);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2026-11-30"), &w,
	    &found, &e), 0);
	cr_assert_not(found);
}

Test(snapshot, iso_week_edges)
{
	struct week_figures w;
	bool found;

	/* 2026-W53 and 2027-W01 as past weeks, seen from later. */
	app_close(&A);
	open_city("2027-02-01");
	app_week(&A, D("2026-12-28"), &w);
	ASSERT_HOURS(w.employees[0].case_hours, 4.0);
	workload_week_clear(&w);
	app_week(&A, D("2027-01-04"), &w);
	workload_week_clear(&w);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2026-12-28"), &w,
	    &found, &e), 0);
	cr_assert(found);
	workload_week_clear(&w);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2027-01-04"), &w,
	    &found, &e), 0);
	cr_assert(found);
	workload_week_clear(&w);
}

Test(snapshot, sustained_overload_from_history)
{
	struct week_figures w;

	/* Four past weeks OVER (frozen), then the load drops: the current week
	 * is not OVER, so not sustained; the last past week was. */
	for (int i = 0; i < 12; i++) {
		struct case_item c = { .type = "JGDC", .phase = PHASE_ACTIVE,
			.opened = D("2026-01-05"), .closed = D("2026-11-22"),
			.team_id = team_id, .employee_id = emp_id };
		snprintf(c.ref, sizeof c.ref, "Z-X%d", i);
		cr_assert_eq(store_begin(A.store, &e), 0);
		cr_assert_eq(store_add_case(A.store, &c, &e), 0, "%s", e.msg);
		cr_assert_eq(store_commit(A.store, &e), 0);
	}
	cr_assert_eq(app_reload(&A, &e), 0);
	/* 12 × 3.5 + 4 = 46 h on 32.4 h: OVER in every week up to 22 Nov. */
	app_week(&A, D("2026-11-16"), &w);
	cr_assert_eq(w.employees[0].status, LOAD_STATUS_OVER);
	cr_assert(w.employees[0].sustained);
	cr_assert(w.teams[0].sustained);
	workload_week_clear(&w);
	app_week(&A, D("2026-11-23"), &w);
	cr_assert_neq(w.employees[0].status, LOAD_STATUS_OVER);
	cr_assert_not(w.employees[0].sustained);
	workload_week_clear(&w);
}

Test(snapshot, weeks_nobody_counts_in_and_unfinished_weeks_are_not_frozen)
{
	struct week_figures w;
	bool found = true;

	/* Before the employee started (2020) nobody counts: not history. */
	app_week(&A, D("2019-06-03"), &w);
	workload_week_clear(&w);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2019-06-03"), &w,
	    &found, &e), 0);
	cr_assert_not(found);
	/* An explicit snapshot of a week that is not over is refused. */
	cr_assert_eq(app_snapshot(&A, D("2026-11-23"), &e), -1);
	cr_assert_eq(e.status, EXIT_USAGE);
	cr_assert_eq(app_snapshot(&A, D("2026-11-30"), &e), -1);
}

Test(snapshot, forgetting_keeps_the_explicit_ones)
{
	struct week_figures w;
	bool found;

	app_week(&A, D("2026-11-09"), &w); /* frozen automatically */
	workload_week_clear(&w);
	cr_assert_eq(app_snapshot(&A, D("2026-11-16"), &e), 0, "%s", e.msg);
	cr_assert_eq(store_begin(A.store, &e), 0);
	cr_assert_eq(store_forget_snapshots(A.store, &e), 0);
	cr_assert_eq(store_commit(A.store, &e), 0);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2026-11-09"), &w,
	    &found, &e), 0);
	cr_assert_not(found);
	cr_assert_eq(store_load_snapshot(A.store, &A.data, D("2026-11-16"), &w,
	    &found, &e), 0);
	cr_assert(found);
	workload_week_clear(&w);
}

/* What reports and exports mark as frozen: a past week shown from its
 * snapshot, the first look (which saves it) included; never a live week. */
Test(snapshot, figures_say_whether_they_are_frozen)
{
	struct week_figures w;

	app_week(&A, D("2026-11-16"), &w); /* first look: frozen now */
	cr_assert(w.frozen);
	workload_week_clear(&w);
	app_week(&A, D("2026-11-16"), &w); /* from the snapshot */
	cr_assert(w.frozen);
	workload_week_clear(&w);
	app_week(&A, D("2026-11-23"), &w); /* this week: live */
	cr_assert_not(w.frozen);
	workload_week_clear(&w);
	app_week(&A, D("2026-11-30"), &w); /* next week: live */
	cr_assert_not(w.frozen);
	workload_week_clear(&w);
	app_week(&A, D("2019-06-03"), &w); /* before anyone started */
	cr_assert_not(w.frozen);
	workload_week_clear(&w);
}
