/* The use cases the TUI edits through: validation, undo and redo, and two
 * people with the same database open (no silent overwrite, fresh data). */
#include "app.h"
#include "store.h"
#include "testutil.h"

static struct app A, B; /* two users, one database file */
static struct err e;
static char db[4200];

static void
setup(void)
{
	struct app seed;

	setenv("XDG_CONFIG_HOME", test_tmpdir(), 1);
	setenv("WIJKLAST_TODAY", "2026-11-23", 1);
	snprintf(db, sizeof db, "%s/shared.db", test_tmpdir());
	err_clear(&e);
	cr_assert_eq(app_open(&seed, db, NULL, &e), 0, "%s", e.msg);
	struct team t = { .code = "CEN", .name = "Centrum" };
	struct team u = { .code = "NRD", .name = "Noord" };
	struct employee em = { .code = "E1", .name = "Özlem Kaya",
		.contract_hours = 36, .workdays = WORKDAYS_ALL,
		.start = D("2020-01-01"), .end = DATE_NONE };
	struct employee other = em;
	cr_assert_eq(store_begin(seed.store, &e), 0);
	cr_assert_eq(store_add_team(seed.store, &t, &e), 0);
	cr_assert_eq(store_add_team(seed.store, &u, &e), 0);
	em.team_id = t.id;
	cr_assert_eq(store_add_employee(seed.store, &em, &e), 0);
	snprintf(other.code, sizeof other.code, "N1");
	other.team_id = u.id;
	cr_assert_eq(store_add_employee(seed.store, &other, &e), 0);
	cr_assert_eq(store_commit(seed.store, &e), 0);
	app_close(&seed);
	cr_assert_eq(app_open(&A, db, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(app_open(&B, db, NULL, &e), 0, "%s", e.msg);
}

static void
teardown(void)
{
	app_close(&A);
	app_close(&B);
}

TestSuite(app, .init = setup, .fini = teardown);

static struct case_item
new_case(const char *ref)
{
	struct case_item c = { .team_id = A.data.teams[0].id,
		.employee_id = A.data.employees[0].id, .type = "JGD",
		.phase = PHASE_INTAKE, .opened = D("2026-11-02"),
		.closed = DATE_NONE };

	snprintf(c.ref, sizeof c.ref, "%s", ref);
	return c;
}

Test(app, validation_says_what_is_wrong)
{
	struct case_item c = new_case("111222333");

	cr_assert_eq(app_save_case(&A, &c, &e), -1);
	cr_assert(strstr(e.msg, "BSN"), "%s", e.msg);
	c = new_case("Z-1");
	c.closed = D("2026-11-01");
	cr_assert_eq(app_save_case(&A, &c, &e), -1);
	cr_assert(strstr(e.msg, "closed"), "%s", e.msg);
	c = new_case("Z-1");
	snprintf(c.type, sizeof c.type, "XYZ");
	cr_assert_eq(app_save_case(&A, &c, &e), -1);
	cr_assert(strstr(e.msg, "XYZ"), "%s", e.msg);
	c = new_case("Z-1");
	c.employee_id = A.data.employees[1].id; /* N1 is in NRD */
	cr_assert_eq(app_save_case(&A, &c, &e), -1);
	cr_assert(strstr(e.msg, "not in that team"), "%s", e.msg);
	struct absence ab = { .employee_id = A.data.employees[0].id,
		.start = D("2026-11-24"), .end = D("2026-11-23"), .percent = 50 };
	cr_assert_eq(app_save_absence(&A, &ab, &e), -1);
	cr_assert(strstr(e.msg, "end"), "%s", e.msg);
	cr_assert_eq(A.data.n_cases, 0);
	cr_assert_eq(A.data.n_absences, 0);
}

Test(app, sick_leave_turns_an_employee_over_and_undo_restores)
{
	struct week_figures w;
	struct case_item c = new_case("Z-1");

	/* 12 h of cases on 32.4 h capacity: ROOM. */
	for (int i = 0; i < 6; i++) {
		snprintf(c.ref, sizeof c.ref, "Z-%d", i);
		c.id = 0;
		c.phase = PHASE_ACTIVE;
		cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	}
	app_week(&A, D("2026-11-23"), &w);
	cr_assert_eq(w.employees[0].status, LOAD_STATUS_ROOM);
	workload_week_clear(&w);

	/* Sick 50 % all week: capacity 16.2, load 0.74 → still ROOM; 100 %
	 * from Wednesday: 2 days × 7.2 × 0.9 = 12.96 → 12 / 12.96 = OK… make
	 * it Tuesday: 7.2 × 0.9 = 6.48 → 185 %: OVER. */
	struct absence ab = { .employee_id = A.data.employees[0].id,
		.start = D("2026-11-24"), .end = D("2026-12-31"), .percent = 100,
		.reason = "ziek" };
	cr_assert_eq(app_save_absence(&A, &ab, &e), 0, "%s", e.msg);
	app_week(&A, D("2026-11-23"), &w);
	ASSERT_HOURS(w.employees[0].capacity, 6.48);
	cr_assert_eq(w.employees[0].status, LOAD_STATUS_OVER);
	workload_week_clear(&w);

	cr_assert_eq(app_undo(&A, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_absences, 0);
	cr_assert_eq(app_redo(&A, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_absences, 1);
	cr_assert_eq(A.data.absences[0].percent, 100);
	cr_assert_eq(app_undo(&A, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, &e), 0, "%s", e.msg); /* the last case */
	cr_assert_eq(A.data.n_cases, 5);
}

Test(app, a_stale_edit_is_refused_and_the_fresh_data_shown)
{
	struct case_item c = new_case("Z-1");

	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	/* B sees it after a refresh (another connection committed). */
	cr_assert_eq(app_refresh(&B, &e), 1);
	cr_assert_eq(B.data.n_cases, 1);
	cr_assert_eq(app_refresh(&B, &e), 0);

	/* Both edit the case from the same version: B first. */
	struct case_item mine = A.data.cases[0], theirs = B.data.cases[0];
	theirs.phase = PHASE_TAPER;
	cr_assert_eq(app_save_case(&B, &theirs, &e), 0, "%s", e.msg);
	mine.closed = D("2026-11-20");
	cr_assert_eq(app_save_case(&A, &mine, &e), -1);
	cr_assert(strstr(e.msg, "someone else"), "%s", e.msg);
	/* A now holds B's version, not its own stale edit. */
	cr_assert_eq(A.data.cases[0].phase, PHASE_TAPER);
	cr_assert_eq(A.data.cases[0].closed, DATE_NONE);

	/* A's undo of its own insert is refused: B changed the row since. */
	cr_assert_eq(app_undo(&A, &e), -1);
	cr_assert_eq(A.data.n_cases, 1);
}

Test(app, side_activities_and_absences_edit_end_delete)
{
	struct activity ac = { .employee_id = A.data.employees[0].id,
		.name = "Pilot Wijkwijzer", .kind = "pilot", .hours_per_week = 4,
		.start = D("2026-09-01"), .end = DATE_NONE };

	cr_assert_eq(app_save_activity(&A, &ac, &e), 0, "%s", e.msg);
	struct activity ended = A.data.activities[0];
	ended.end = D("2026-11-30");
	cr_assert_eq(app_save_activity(&A, &ended, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.activities[0].end, D("2026-11-30"));
	ac = A.data.activities[0];
	ac.hours_per_week = 0;
	cr_assert_eq(app_save_activity(&A, &ac, &e), -1);
	cr_assert_eq(app_delete_activity(&A, A.data.activities[0].id, &e), 0,
	    "%s", e.msg);
	cr_assert_eq(A.data.n_activities, 0);
	cr_assert_eq(app_undo(&A, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_activities, 1);
	cr_assert_eq(A.data.activities[0].end, D("2026-11-30"));
}

Test(app, another_users_snapshot_is_not_a_change)
{
	struct week_figures w;

	/* B views a past week: it is frozen as a snapshot (a write), but no
	 * data changed, so A is not told that someone changed the data. */
	app_week(&B, D("2026-11-09"), &w);
	workload_week_clear(&w);
	cr_assert_eq(app_refresh(&A, &e), 0);
	struct case_item c = new_case("Z-9");
	cr_assert_eq(app_save_case(&B, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(app_refresh(&A, &e), 1);
}
