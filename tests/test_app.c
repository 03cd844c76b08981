/* The use cases the TUI edits through: validation, undo and redo, and two
 * people with the same database open (no silent overwrite, fresh data). */
#include "app.h"
#include "store.h"
#include "testutil.h"

static struct app A, B; /* two users, one database file */
static struct err e;
static char what[256]; /* what an undo or redo says it did */
static char db[4200];

/* db as login user: on PostgreSQL a login of its own; an SQLite file
 * knows people by $USER. */
static const char *
as_user(const char *path, const char *user)
{
	static char buf[2][4300];
	static int k;

	if (!test_on_postgres())
		return path;
	k = !k;
	snprintf(buf[k], sizeof buf[k], "%s?user=%s", path, user);
	return buf[k];
}

static void
setup(void)
{
	struct app seed;

	setenv("XDG_CONFIG_HOME", test_tmpdir(), 1);
	setenv("WIJKLAST_TODAY", "2026-11-23", 1);
	char file[4200];
	snprintf(file, sizeof file, "%s/shared.db", test_tmpdir());
	snprintf(db, sizeof db, "%s", test_database(file));
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
	/* two people: the audit and the change log know them by name — on
	 * PostgreSQL by their logins (tests/run-all makes them) */
	if (test_on_postgres()) {
		cr_assert_eq(store_grant(seed.store, "anna", "admin", NULL, 0,
		    &e), 0, "%s", e.msg);
		cr_assert_eq(store_grant(seed.store, "bert", "admin", NULL, 0,
		    &e), 0, "%s", e.msg);
	}
	app_close(&seed);
	setenv("USER", "anna", 1);
	cr_assert_eq(app_open(&A, as_user(db, "anna"), NULL, &e), 0, "%s",
	    e.msg);
	setenv("USER", "bert", 1);
	cr_assert_eq(app_open(&B, as_user(db, "bert"), NULL, &e), 0, "%s",
	    e.msg);
	setenv("USER", "anna", 1);
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

	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_absences, 0);
	cr_assert_eq(app_redo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_absences, 1);
	cr_assert_eq(A.data.absences[0].percent, 100);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg); /* the last case */
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
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), -1);
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
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
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

/* The case's fields a report depends on, as one comparable string. */
static void
case_state(const struct app *a, char *buf, size_t size)
{
	size_t used = 0;

	*buf = '\0';
	for (size_t i = 0; i < a->data.n_cases && used < size; i++) {
		const struct case_item *c = &a->data.cases[i];
		used += (size_t)snprintf(buf + used, size - used,
		    "%s:%lld:%d:%d;", c->ref, (long long)c->employee_id,
		    (int)c->phase, c->closed);
	}
}

/* The trial's jam: the same record changed twice, u twice. Every change can
 * be undone in reverse order and redone, back to the state before the
 * first, and the status says what. */
Test(app, the_same_record_changed_twice_undoes_twice_and_redoes)
{
	char before[512], after[512], now[512];
	struct case_item c = new_case("Z-2026-0042");

	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	case_state(&A, before, sizeof before);
	c = A.data.cases[0];
	c.phase = PHASE_ACTIVE;
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	c = A.data.cases[0];
	c.phase = PHASE_TAPER;
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	c = A.data.cases[0];
	c.employee_id = 0; /* to the waiting list */
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	case_state(&A, after, sizeof after);

	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "case Z-2026-0042 moved from Özlem Kaya to "
	    "the waiting list");
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "case Z-2026-0042: phase actief → afschalen");
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	case_state(&A, now, sizeof now);
	cr_assert_str_eq(now, before);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "new case Z-2026-0042");
	cr_assert_eq(A.data.n_cases, 0);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), -1);
	cr_assert_str_eq(e.msg, "nothing to undo");

	for (int i = 0; i < 4; i++)
		cr_assert_eq(app_redo(&A, what, sizeof what, &e), 0,
		    "redo %d: %s", i, e.msg);
	case_state(&A, now, sizeof now);
	cr_assert_str_eq(now, after);
	cr_assert_eq(app_redo(&A, what, sizeof what, &e), -1);
	/* and down again, through the redone changes */
	for (int i = 0; i < 3; i++)
		cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0,
		    "undo %d: %s", i, e.msg);
	case_state(&A, now, sizeof now);
	cr_assert_str_eq(now, before);
}

/* Move a block, then lock it: two changes of one row, undone in turn. */
Test(app, a_block_moved_then_locked_undoes_both)
{
	struct block b = { .team_id = A.data.teams[0].id,
		.date = D("2026-12-01"), .part = PART_MORNING, .hours = 4 };

	cr_assert_eq(store_begin(A.store, &e), 0);
	cr_assert_eq(store_add_block(A.store, &b, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(A.store, &e), 0);
	cr_assert_eq(app_reload(&A, &e), 0);
	cr_assert_eq(app_move_block(&A, b.id, A.data.employees[0].id, &e), 0,
	    "%s", e.msg);
	cr_assert_eq(app_lock_block(&A, b.id, true, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "intake block Tue 1 Dec morning locked");
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "intake block Tue 1 Dec morning moved from "
	    "nobody to Özlem Kaya");
	cr_assert_eq(A.data.blocks[0].employee_id, 0);
	cr_assert(!A.data.blocks[0].locked);
}

/* Closing the terminal by mistake loses no undo: the history is in the
 * database, per person. Another person's undo is theirs alone. */
Test(app, undo_history_survives_reopening)
{
	struct case_item c = new_case("Z-7");

	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	c = A.data.cases[0];
	c.phase = PHASE_ACTIVE;
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	app_close(&A);
	cr_assert_eq(app_undo(&B, what, sizeof what, &e), -1,
	    "bert undid anna's change");
	cr_assert_eq(app_open(&A, as_user(db, "anna"), NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "case Z-7: phase intake → actief");
	cr_assert_eq(A.data.cases[0].phase, PHASE_INTAKE);
	app_close(&A);
	cr_assert_eq(app_open(&A, as_user(db, "anna"), NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(app_redo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.cases[0].phase, PHASE_ACTIVE);
}

/* Only a real change by someone else since refuses an undo; after it the
 * earlier changes are still there to undo once that one is resolved. */
Test(app, another_users_change_refuses_only_that_undo)
{
	struct case_item c = new_case("Z-8");

	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	c = A.data.cases[0];
	c.phase = PHASE_ACTIVE;
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(app_refresh(&B, &e), 1);
	struct case_item theirs = B.data.cases[0];
	theirs.phase = PHASE_TAPER;
	cr_assert_eq(app_save_case(&B, &theirs, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), -1);
	cr_assert(strstr(e.msg, "someone else"), "%s", e.msg);
	/* bert takes his change back: anna's undo goes through again */
	cr_assert_eq(app_undo(&B, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_cases, 0);
}

/* Sick leave recorded over someone's intake blocks: they are flagged, and a
 * fair hand-over gives each to a colleague who works that day, in one
 * undoable change; afterwards nobody absent holds a block. */
Test(app, blocks_in_a_sick_leave_are_handed_over)
{
	struct employee col = A.data.employees[0];
	col.id = 0;
	snprintf(col.code, sizeof col.code, "E2");
	snprintf(col.name, sizeof col.name, "Wilma Pattiasina");
	cr_assert_eq(store_begin(A.store, &e), 0);
	cr_assert_eq(store_add_employee(A.store, &col, &e), 0, "%s", e.msg);
	int64_t days[] = { D("2026-11-30"), D("2026-12-08"), D("2026-12-16") };
	for (size_t i = 0; i < 3; i++) {
		struct block b = { .team_id = A.data.teams[0].id,
			.date = days[i], .part = PART_MORNING, .hours = 4,
			.employee_id = A.data.employees[0].id };
		cr_assert_eq(store_add_block(A.store, &b, &e), 0, "%s", e.msg);
	}
	cr_assert_eq(store_commit(A.store, &e), 0);
	cr_assert_eq(app_reload(&A, &e), 0);

	struct absence ab = { .employee_id = A.data.employees[0].id,
		.start = D("2026-12-01"), .end = D("2026-12-31"), .percent = 100,
		.reason = "ziek" };
	cr_assert_eq(app_save_absence(&A, &ab, &e), 0, "%s", e.msg);
	struct week_figures w;
	app_week(&A, D("2026-12-07"), &w);
	cr_assert_eq(w.employees[0].absent_blocks, 1);
	workload_week_clear(&w);

	/* with a case, the cover of the default period (this absence): the
	 * blocks now; its case waits until the absence begins */
	struct case_item c = new_case("Z-7");
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	struct handover h;
	cr_assert_eq(app_propose_cover(&A, 0, DATE_NONE, DATE_NONE, false, &h,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(h.from, ab.start);
	cr_assert_eq(h.to, ab.end);
	cr_assert_eq(h.n_blocks, 2, "the block of 30 Nov is before the absence");
	cr_assert(h.n_cases == 1 && h.cases[0].stays);
	handover_clear(&h);
	/* the absence as from today, four weeks: the case goes too */
	ab = A.data.absences[0];
	ab.start = A.today;
	cr_assert_eq(app_save_absence(&A, &ab, &e), 0, "%s", e.msg);
	cr_assert_eq(app_propose_cover(&A, 0, DATE_NONE, DATE_NONE, false, &h,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(h.from, A.today);
	cr_assert_eq(h.n_blocks, 3, "30 Nov is in it now");
	for (size_t k = 0; k < h.n_blocks; k++)
		cr_assert_eq(h.blocks[k].fair_to, col.id);
	cr_assert_eq(h.n_cases, 1);
	cr_assert_eq(h.cases[0].fair_to, col.id);
	cr_assert(h.fair.exact);
	cr_assert_eq(app_apply_handover(&A, &h, HANDOVER_COLLEAGUES,
	    HANDOVER_COLLEAGUES, &e), 0, "%s", e.msg);
	handover_clear(&h);
	for (size_t i = 0; i < A.data.n_blocks; i++)
		cr_assert(!workload_block_needs_cover(&A.data,
		    &A.data.blocks[i]), "block %zu", i);
	/* the case remembers whose it was */
	long ci = dataset_case_by_ref(&A.data, "Z-7");
	cr_assert_eq(A.data.cases[ci].employee_id, col.id);
	cr_assert_eq(A.data.cases[ci].cover_from, A.data.employees[0].id);
	cr_assert_eq(app_propose_cover(&A, 0, DATE_NONE, DATE_NONE, false, &h,
	    &e), 0);
	cr_assert(!handover_needed(&h));
	handover_clear(&h);

	/* back: the case goes home, forgetting it was cover */
	cr_assert_eq(app_propose_cover(&A, 0, DATE_NONE, DATE_NONE, true, &h,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(h.n_cases, 1);
	cr_assert_eq(handover_receiver(&h, &h.cases[0], HANDOVER_COLLEAGUES),
	    A.data.employees[0].id);
	cr_assert_eq(app_apply_handover(&A, &h, HANDOVER_COLLEAGUES,
	    HANDOVER_KEEP, &e), 0, "%s", e.msg);
	handover_clear(&h);
	cr_assert_eq(A.data.cases[ci].employee_id, A.data.employees[0].id);
	cr_assert_eq(A.data.cases[ci].cover_from, 0);

	/* one undo each: the return, then the cover */
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "case Z-7 moved from Wilma Pattiasina to "
	    "Özlem Kaya");
	cr_assert_eq(A.data.cases[ci].employee_id, col.id);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "cover for Özlem Kaya: 4 cases and blocks");
	cr_assert_eq(A.data.cases[ci].employee_id, A.data.employees[0].id);
	cr_assert_eq(A.data.cases[ci].cover_from, 0);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "absence of Özlem Kaya changed");
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "new case Z-7");
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "absence of Özlem Kaya added");
}

/* A change that writes nothing (a plan with nothing to change) is no step
 * of the undo history: u goes on to the change before it, and the next
 * change gets an audit group of its own (the 8-writer torture found two
 * writers given the same one). */
Test(app, a_change_that_writes_nothing_is_not_undone)
{
	struct case_item c = new_case("Z-9");
	struct plan p;

	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(planner_propose(&A.data, &A.settings, 0,
	    D("2026-11-30"), 2, &p, &e), 0, "%s", e.msg);
	cr_assert_eq(p.n_changes, 0, "no rota: nothing to plan");
	cr_assert_eq(app_apply_plan(&A, &p, &e), 0, "%s", e.msg);
	planner_clear(&p);
	c = A.data.cases[0];
	c.phase = PHASE_ACTIVE;
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "case Z-9: phase intake → actief");
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "new case Z-9");
	cr_assert_eq(A.data.n_cases, 0);
}

Test(app, a_team_move_with_open_cases_needs_a_handover_and_undoes_whole)
{
	struct case_item c = new_case("Z-9");
	struct employee em;
	struct handover h;

	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	em = A.data.employees[0];
	em.team_id = A.data.teams[1].id; /* to Noord */
	/* without saying what happens to the case: refused, nothing moved */
	err_clear(&e);
	cr_assert_eq(app_save_employee(&A, &em, NULL, HANDOVER_KEEP,
	    HANDOVER_WAITING, &e), -1);
	cr_assert_eq(e.status, EXIT_DATAERR);
	cr_assert(strstr(e.msg, "say who takes them over"), "%s", e.msg);
	cr_assert_eq(A.data.employees[0].team_id, A.data.teams[0].id);

	/* taken along: the case goes to Noord with its holder */
	cr_assert_eq(handover_propose(&A.data, &A.settings, &em, A.today, &h,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(h.n_cases, 1);
	cr_assert_eq(app_save_employee(&A, &em, &h, HANDOVER_KEEP,
	    HANDOVER_WAITING, &e), 0, "%s", e.msg);
	handover_clear(&h);
	cr_assert_eq(A.data.employees[0].team_id, A.data.teams[1].id);
	cr_assert_eq(A.data.cases[0].team_id, A.data.teams[1].id);
	cr_assert_eq(A.data.cases[0].employee_id, A.data.employees[0].id);

	/* one undo puts the employee and the case back */
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "Özlem Kaya moved to team Noord, with 1 case "
	    "or block");
	cr_assert_eq(A.data.employees[0].team_id, A.data.teams[0].id);
	cr_assert_eq(A.data.cases[0].team_id, A.data.teams[0].id);

	/* she leaves: her case cannot stay with her ("keep" is refused), the
	 * waiting list takes it */
	em = A.data.employees[0];
	em.end = D("2026-11-30");
	cr_assert_eq(handover_propose(&A.data, &A.settings, &em, A.today, &h,
	    &e), 0, "%s", e.msg);
	err_clear(&e);
	cr_assert_eq(app_save_employee(&A, &em, &h, HANDOVER_KEEP,
	    HANDOVER_WAITING, &e), -1);
	cr_assert_eq(app_save_employee(&A, &em, &h, HANDOVER_WAITING,
	    HANDOVER_WAITING, &e), 0, "%s", e.msg);
	handover_clear(&h);
	cr_assert_eq(A.data.cases[0].employee_id, 0);
	cr_assert_eq(A.data.employees[0].end, D("2026-11-30"));

	/* a team code another team has is refused, in any case */
	struct team t = A.data.teams[1];
	snprintf(t.code, sizeof t.code, "cen");
	err_clear(&e);
	cr_assert_eq(app_save_team(&A, &t, &e), -1);
	cr_assert(strstr(e.msg, "already exists"), "%s", e.msg);
}

Test(app, two_coaches_edit_one_employee_the_second_is_refused)
{
	struct employee mine = A.data.employees[0], theirs;
	struct team team = A.data.teams[0];

	cr_assert_eq(app_refresh(&B, &e), 0);
	theirs = B.data.employees[0];
	theirs.contract_hours = 24;
	cr_assert_eq(app_save_employee(&B, &theirs, NULL, HANDOVER_WAITING,
	    HANDOVER_WAITING, &e), 0, "%s", e.msg);
	mine.workdays = 0x0f; /* Monday to Thursday */
	err_clear(&e);
	cr_assert_eq(app_save_employee(&A, &mine, NULL, HANDOVER_WAITING,
	    HANDOVER_WAITING, &e), -1);
	cr_assert(strstr(e.msg, "someone else"), "%s", e.msg);
	/* A holds B's change now, not its own stale one */
	cr_assert_float_eq(A.data.employees[0].contract_hours, 24, 1e-9);
	cr_assert_eq(A.data.employees[0].workdays, WORKDAYS_ALL);

	/* the same for a team's name; and rules as import: 45 hours */
	snprintf(team.name, sizeof team.name, "Centrum-Oost");
	cr_assert_eq(app_save_team(&B, &team, &e), 0, "%s", e.msg);
	team = A.data.teams[0];
	snprintf(team.area, sizeof team.area, "binnenstad");
	cr_assert_eq(app_save_team(&A, &team, &e), -1);
	cr_assert_str_eq(A.data.teams[0].name, "Centrum-Oost");
	mine = A.data.employees[0];
	mine.contract_hours = 45;
	cr_assert_eq(app_save_employee(&A, &mine, NULL, HANDOVER_WAITING,
	    HANDOVER_WAITING, &e), -1);
	cr_assert(strstr(e.msg, "contract_hours"), "%s", e.msg);
}

/* The rota edited as one form: entries added, changed and removed, the
 * planned blocks following when asked, this week's left alone; one undo
 * restores it all, the origin of a case in a removed block too. */
Test(app, a_rota_change_is_one_undoable_change_with_its_blocks)
{
	int64_t team = A.data.teams[0].id, em = A.data.employees[0].id;
	struct rota_hours r = { 0 };
	size_t removed, rehoured;

	r.h[0][PART_MORNING] = 4;
	r.h[1][PART_AFTERNOON] = 3.5;
	cr_assert_eq(app_save_rota(&A, team, &r, false, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_rota, 2);
	/* blocks: Mon 30 Nov morning (its slot goes), Tue 1 Dec afternoon
	 * (new hours), Tue 24 Nov afternoon (this week: stays) */
	struct block b[3] = {
		{ .team_id = team, .date = D("2026-11-30"),
		    .part = PART_MORNING, .hours = 4, .employee_id = em },
		{ .team_id = team, .date = D("2026-12-01"),
		    .part = PART_AFTERNOON, .hours = 3.5 },
		{ .team_id = team, .date = D("2026-11-24"),
		    .part = PART_AFTERNOON, .hours = 3.5 },
	};
	for (int k = 0; k < 3; k++)
		cr_assert_eq(app_add_block(&A, &b[k], &e), 0, "%s", e.msg);
	struct case_item c = new_case("Z-9");
	c.opened = D("2026-11-30");
	c.origin_block = b[0].id;
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);

	struct rota_hours now;
	app_rota_hours(&A, team, &now);
	cr_assert(memcmp(&now, &r, sizeof r) == 0);
	r.h[0][PART_MORNING] = 0;
	r.h[1][PART_AFTERNOON] = 3;
	r.h[2][PART_MORNING] = 4;
	app_rota_blocks(&A, team, &r, &removed, &rehoured);
	cr_assert_eq(removed, 1);
	cr_assert_eq(rehoured, 1);
	cr_assert_eq(app_save_rota(&A, team, &r, true, &e), 0, "%s", e.msg);
	app_rota_hours(&A, team, &now);
	cr_assert(memcmp(&now, &r, sizeof r) == 0);
	cr_assert_eq(A.data.n_blocks, 2);
	cr_assert_eq(A.data.blocks[0].id, b[1].id);
	ASSERT_HOURS(A.data.blocks[0].hours, 3);
	ASSERT_HOURS(A.data.blocks[1].hours, 3.5);
	cr_assert_eq(A.data.cases[0].origin_block, 0);

	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "intake rota of CEN and 2 intake blocks changed");
	app_rota_hours(&A, team, &now);
	cr_assert_float_eq(now.h[0][PART_MORNING], 4, 1e-9);
	cr_assert_float_eq(now.h[1][PART_AFTERNOON], 3.5, 1e-9);
	cr_assert_float_eq(now.h[2][PART_MORNING], 0, 1e-9);
	cr_assert_eq(A.data.n_blocks, 3);
	ASSERT_HOURS(A.data.blocks[1].hours, 3.5);
	cr_assert_eq(A.data.blocks[0].employee_id, em);
	cr_assert_eq(A.data.cases[0].origin_block, b[0].id);
	cr_assert_eq(app_redo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_blocks, 2);
}

/* One slot changed reads as that slot; a stale rota is refused whole. */
Test(app, a_rota_slot_in_words_and_a_stale_rota_refused)
{
	int64_t team = A.data.teams[0].id;
	struct rota_hours r = { 0 }, theirs;

	r.h[4][PART_AFTERNOON] = 4;
	cr_assert_eq(app_save_rota(&A, team, &r, false, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "intake rota of CEN: Fri afternoon added");
	cr_assert_eq(app_redo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	r.h[4][PART_AFTERNOON] = 2.5;
	cr_assert_eq(app_save_rota(&A, team, &r, false, &e), 0, "%s", e.msg);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "intake rota of CEN: Fri afternoon 4.0 → 2.5 h",
	    "%s", what);

	/* bert changes the slot; anna, on old data, removes it */
	cr_assert_eq(app_reload(&B, &e), 0);
	app_rota_hours(&B, team, &theirs);
	theirs.h[4][PART_AFTERNOON] = 3;
	cr_assert_eq(app_save_rota(&B, team, &theirs, false, &e), 0, "%s",
	    e.msg);
	r.h[4][PART_AFTERNOON] = 0;
	r.h[0][PART_MORNING] = 4;
	cr_assert_eq(app_save_rota(&A, team, &r, false, &e), -1);
	cr_assert(strstr(e.msg, "someone else"), "%s", e.msg);
	cr_assert_eq(A.data.n_rota, 1, "half a rota was written");
	ASSERT_HOURS(A.data.rota[0].hours, 3);
	r.h[0][PART_MORNING] = 13;
	cr_assert_eq(app_save_rota(&A, team, &r, false, &e), -1);
	cr_assert(strncmp(e.msg, "hours: ", 7) == 0, "%s", e.msg);
}

/* An extra block: its rules with the field to blame, then added and
 * removed as one change each; undo gives the removed one back whole. */
Test(app, an_extra_block_added_and_removed)
{
	int64_t team = A.data.teams[0].id;
	struct block b = { .team_id = team, .date = D("2026-12-08"),
		.part = PART_MORNING, .hours = 4,
		.employee_id = A.data.employees[0].id };
	struct block dup = b, old = b, other = b, sat = b;

	cr_assert_eq(app_add_block(&A, &b, &e), 0, "%s", e.msg);
	cr_assert_eq(app_add_block(&A, &dup, &e), -1);
	cr_assert_str_eq(e.msg, "date: that morning has an intake block "
	    "already");
	old.date = D("2026-11-20");
	cr_assert_eq(app_check_block(&A, &old, &e), -1);
	cr_assert(strncmp(e.msg, "date: ", 6) == 0, "%s", e.msg);
	sat.date = D("2026-12-12");
	cr_assert_eq(app_check_block(&A, &sat, &e), -1);
	other.part = PART_AFTERNOON;
	other.employee_id = A.data.employees[1].id; /* of Noord */
	cr_assert_eq(app_check_block(&A, &other, &e), -1);
	cr_assert(strncmp(e.msg, "employee: ", 10) == 0, "%s", e.msg);

	struct case_item c = new_case("Z-10");
	c.opened = D("2026-12-08");
	c.origin_block = b.id;
	cr_assert_eq(app_save_case(&A, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(app_delete_block(&A, b.id, &e), 0, "%s", e.msg);
	cr_assert_eq(A.data.n_blocks, 0);
	cr_assert_eq(A.data.cases[0].origin_block, 0);
	cr_assert_eq(app_undo(&A, what, sizeof what, &e), 0, "%s", e.msg);
	cr_assert_str_eq(what, "intake block Tue 8 Dec morning removed");
	cr_assert_eq(A.data.n_blocks, 1);
	cr_assert_eq(A.data.blocks[0].employee_id, A.data.employees[0].id);
	cr_assert_eq(A.data.cases[0].origin_block, b.id);
	/* a block someone else moved meanwhile is not removed */
	cr_assert_eq(app_reload(&B, &e), 0);
	cr_assert_eq(app_move_block(&B, b.id, 0, &e), 0, "%s", e.msg);
	cr_assert_eq(app_delete_block(&A, b.id, &e), -1);
	cr_assert_eq(A.data.n_blocks, 1);
}

/* A past week read from its snapshot, then reading further back brings
 * someone's new colleague: the weeks are read again for the people there
 * are now, not index for index with the old ones (found by eight writers
 * at once on PostgreSQL: the look back for sustained overload ran past the
 * end of a week's figures). */
Test(app, weeks_read_before_others_added_people_are_read_again)
{
	int monday = D("2026-11-23");
	struct week_figures w[9];

	cr_assert_eq(app_snapshot(&A, monday - 14, &e), 0, "%s", e.msg);
	struct employee em = { .code = "E9", .name = "Nieuwe Collega",
		.team_id = B.data.teams[0].id, .contract_hours = 24,
		.workdays = WORKDAYS_ALL, .start = D("2020-01-01"),
		.end = DATE_NONE };
	cr_assert_eq(store_begin(B.store, &e), 0, "%s", e.msg);
	cr_assert_eq(store_add_employee(B.store, &em, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(B.store, &e), 0, "%s", e.msg);
	/* nine weeks up to the frozen one: read further back than A held */
	app_weeks(&A, monday - 70, 9, w);
	cr_assert_eq(A.data.n_employees, 3, "the new colleague was not read");
	cr_assert(w[8].frozen, "the snapshot was not read");
	for (int i = 0; i < 9; i++) {
		cr_assert_eq(w[i].n_employees, A.data.n_employees,
		    "week %d is of %zu people, the data of %zu", i,
		    w[i].n_employees, A.data.n_employees);
		workload_week_clear(&w[i]);
	}
}
