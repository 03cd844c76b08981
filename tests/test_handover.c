/* handover: what an employee gives up on a team move or an end date, and
 * the fair proposal of who takes it over. */
#include <math.h>

#include "handover.h"
#include "testutil.h"
#include "workload.h"

static struct dataset ds;
static struct settings st;
static int today;

/* Centrum: E1 (the one who moves or leaves), E2 busy, E3 quiet, E4 left
 * last year; Noord: N1. E1 holds five open cases, one closed last month,
 * an intake block last week and three from today on. */
static void
setup(void)
{
	static const char *const types[] = { "JGDC", "HG", "JGD", "VOL",
		"WMO" };
	struct team *t;
	struct employee *em;

	memset(&ds, 0, sizeof ds);
	settings_defaults(&st);
	today = D("2026-11-23");
	t = TEST_APPEND(ds.teams, ds.n_teams);
	snprintf(t->code, sizeof t->code, "CEN");
	t = TEST_APPEND(ds.teams, ds.n_teams);
	snprintf(t->code, sizeof t->code, "NRD");
	for (int i = 0; i < 5; i++) {
		em = TEST_APPEND(ds.employees, ds.n_employees);
		snprintf(em->code, sizeof em->code, i < 4 ? "E%d" : "N1",
		    i + 1);
		snprintf(em->name, sizeof em->name, "%s", em->code);
		em->team_id = i < 4 ? 1 : 2;
		em->contract_hours = 36;
		em->workdays = WORKDAYS_ALL;
		em->start = D("2020-01-01");
		em->end = i == 3 ? D("2025-12-31") : DATE_NONE;
	}
	/* E2 carries 20 h of cases, E3 none */
	for (int i = 0; i < 10; i++) {
		struct case_item *c = TEST_APPEND(ds.cases, ds.n_cases);
		snprintf(c->ref, sizeof c->ref, "B-%d", i);
		c->team_id = 1;
		c->employee_id = 2;
		snprintf(c->type, sizeof c->type, "JGD");
		c->phase = PHASE_ACTIVE;
		c->opened = D("2026-06-01");
		c->closed = DATE_NONE;
	}
	for (int i = 0; i < 6; i++) {
		struct case_item *c = TEST_APPEND(ds.cases, ds.n_cases);
		snprintf(c->ref, sizeof c->ref, "M-%d", i);
		c->team_id = 1;
		c->employee_id = 1;
		snprintf(c->type, sizeof c->type, "%s", types[i % 5]);
		c->phase = PHASE_ACTIVE;
		c->opened = D("2026-05-01");
		c->closed = i == 5 ? D("2026-10-15") : DATE_NONE;
	}
	static const char *const days[] = { "2026-11-16", "2026-11-23",
		"2026-12-01", "2027-01-12" };
	for (int i = 0; i < 4; i++) {
		struct block *b = TEST_APPEND(ds.blocks, ds.n_blocks);
		b->team_id = 1;
		b->date = D(days[i]);
		b->part = PART_MORNING;
		b->hours = 4;
		b->employee_id = 1;
		b->locked = i == 3; /* a lock does not keep it with a leaver */
	}
}

static void
teardown(void)
{
	dataset_clear(&ds);
	settings_clear(&st);
}

TestSuite(handover, .init = setup, .fini = teardown);

static struct handover
propose(const struct employee *changed)
{
	struct handover h;
	struct err e;

	err_clear(&e);
	cr_assert_eq(handover_propose(&ds, &st, changed, today, &h, &e), 0,
	    "%s", e.msg);
	return h;
}

static bool
has_item(const struct handover_item *items, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].id == id)
			return true;
	return false;
}

Test(handover, nothing_given_up_without_a_move_or_an_end)
{
	struct employee em = ds.employees[0];
	struct handover h;

	snprintf(em.name, sizeof em.name, "Another name");
	em.contract_hours = 24;
	h = propose(&em);
	cr_assert(!handover_needed(&h));
	handover_clear(&h);
	em = ds.employees[0];
	em.id = 0; /* a new employee */
	h = propose(&em);
	cr_assert(!handover_needed(&h));
	handover_clear(&h);
}

Test(handover, a_team_move_gives_up_open_cases_and_blocks_from_today)
{
	struct employee em = ds.employees[0];
	struct handover h;

	em.team_id = 2;
	h = propose(&em);
	cr_assert_eq(h.from, today);
	cr_assert_eq(h.old_team, 1);
	cr_assert_eq(h.new_team, 2);
	cr_assert_eq(h.n_cases, 5, "the closed case stays as history");
	cr_assert(!has_item(h.cases, h.n_cases, 16));
	cr_assert_eq(h.n_blocks, 3, "last week's block is history");
	cr_assert(!has_item(h.blocks, h.n_blocks, 1));
	for (size_t i = 0; i < h.n_cases; i++) {
		/* only Centrum's colleagues with capacity: E2 and E3 */
		int64_t to = h.cases[i].fair_to;
		cr_assert(to == 2 || to == 3, "case %zu went to %lld", i,
		    (long long)to);
		cr_assert_eq(handover_receiver(&h, &h.cases[i], HANDOVER_KEEP),
		    1);
		cr_assert_eq(handover_receiver(&h, &h.cases[i],
		    HANDOVER_WAITING), 0);
	}
	for (size_t i = 0; i < h.n_blocks; i++) {
		int64_t to = h.blocks[i].fair_to;
		cr_assert(to == 2 || to == 3, "block %zu (locked %d) went to "
		    "%lld", i, ds.blocks[h.blocks[i].index].locked,
		    (long long)to);
	}
	cr_assert_eq(h.n_colleagues, 2, "E2 and E3, not E1, E4 or N1");
	handover_clear(&h);
}

Test(handover, an_end_date_gives_up_what_comes_after_it)
{
	struct employee em = ds.employees[0];
	struct handover h;

	em.end = D("2026-12-31");
	h = propose(&em);
	cr_assert_eq(h.from, D("2027-01-01"));
	cr_assert_eq(h.n_cases, 5, "cases open then");
	cr_assert_eq(h.n_blocks, 1, "only the block of 12 January");
	cr_assert_eq(ds.blocks[h.blocks[0].index].date, D("2027-01-12"));
	handover_clear(&h);
	/* an end in the past: from today, never rewriting history */
	em.end = D("2026-11-01");
	h = propose(&em);
	cr_assert_eq(h.from, today);
	cr_assert_eq(h.n_blocks, 3);
	handover_clear(&h);
}

Test(handover, fair_the_quiet_colleague_takes_more_and_loads_add_up)
{
	struct employee em = ds.employees[0];
	struct handover h;
	double taken = 0, given = 0;

	em.team_id = 2;
	h = propose(&em);
	size_t busy = h.colleagues[0].id == 2 ? 0 : 1, quiet = 1 - busy;
	cr_assert_gt(handover_load_before(&h, busy),
	    handover_load_before(&h, quiet));
	cr_assert_geq(handover_taken(&h, quiet, true, HANDOVER_COLLEAGUES),
	    handover_taken(&h, busy, true, HANDOVER_COLLEAGUES));
	/* the busy one takes nothing while the quiet one stays lighter, or
	 * the two end within one case of each other */
	double after_q = handover_load_after(&h, quiet, HANDOVER_COLLEAGUES,
	    HANDOVER_COLLEAGUES);
	double after_b = handover_load_after(&h, busy, HANDOVER_COLLEAGUES,
	    HANDOVER_COLLEAGUES);
	double heaviest = 0;
	for (size_t i = 0; i < h.n_cases; i++)
		if (h.cases[i].period_hours > heaviest)
			heaviest = h.cases[i].period_hours;
	if (handover_taken(&h, busy, true, HANDOVER_COLLEAGUES) == 0)
		cr_assert_leq(after_q, after_b, "quiet %.3f busy %.3f",
		    after_q, after_b);
	else
		cr_assert_leq(fabs(after_q - after_b), heaviest /
		    fmin(h.colleagues[0].capacity, h.colleagues[1].capacity) +
		    1e-9, "after: quiet %.3f busy %.3f", after_q, after_b);
	/* every hour handed over lands on someone */
	for (size_t k = 0; k < h.n_colleagues; k++)
		taken += handover_demand_after(&h, k, HANDOVER_COLLEAGUES,
		    HANDOVER_COLLEAGUES) - h.colleagues[k].demand;
	for (size_t i = 0; i < h.n_cases; i++)
		given += h.cases[i].period_hours;
	for (size_t i = 0; i < h.n_blocks; i++)
		given += h.blocks[i].period_hours;
	ASSERT_HOURS(taken, given);
	/* the waiting list and unfilled blocks add to no one */
	for (size_t k = 0; k < h.n_colleagues; k++)
		cr_assert_float_eq(handover_load_after(&h, k, HANDOVER_WAITING,
		    HANDOVER_WAITING), handover_load_before(&h, k), 1e-12);
	handover_clear(&h);
}

Test(handover, deterministic)
{
	struct employee em = ds.employees[0];
	struct handover a, b;

	em.team_id = 2;
	a = propose(&em);
	b = propose(&em);
	cr_assert_eq(a.n_cases, b.n_cases);
	for (size_t i = 0; i < a.n_cases; i++) {
		cr_assert_eq(a.cases[i].id, b.cases[i].id);
		cr_assert_eq(a.cases[i].fair_to, b.cases[i].fair_to);
	}
	for (size_t i = 0; i < a.n_blocks; i++)
		cr_assert_eq(a.blocks[i].fair_to, b.blocks[i].fair_to);
	handover_clear(&a);
	handover_clear(&b);
}

Test(handover, nobody_to_take_over_leaves_it_for_the_waiting_list)
{
	struct employee em = ds.employees[0];
	struct handover h;

	ds.employees[1].end = D("2026-01-01"); /* E2 gone too */
	ds.employees[2].end = D("2026-01-01"); /* and E3 */
	em.end = D("2026-11-30");
	h = propose(&em);
	cr_assert_eq(h.n_colleagues, 0);
	for (size_t i = 0; i < h.n_cases; i++)
		cr_assert_eq(h.cases[i].fair_to, 0);
	for (size_t i = 0; i < h.n_blocks; i++)
		cr_assert_eq(h.blocks[i].fair_to, 0);
	handover_clear(&h);
}

Test(handover, cover_respects_disciplines_and_the_cap_and_says_why)
{
	struct handover h;
	struct err e;
	struct case_type *hg = NULL;

	for (size_t i = 0; i < st.n_case_types; i++)
		if (strcmp(st.case_types[i].code, "HG") == 0)
			hg = &st.case_types[i];
	cr_assert_not_null(hg);
	snprintf(hg->disciplines[0], sizeof hg->disciplines[0], "hg");
	hg->n_disciplines = 1;
	snprintf(ds.employees[1].discipline, CODE_SIZE, "hg");    /* E2 */
	snprintf(ds.employees[2].discipline, CODE_SIZE, "jeugd"); /* E3 */

	/* three weeks away from today: cases and blocks */
	err_clear(&e);
	cr_assert_eq(handover_cover(&ds, &st, 1, today, D("2026-12-14"), today,
	    &h, &e), 0, "%s", e.msg);
	cr_assert_eq(h.kind, HANDOVER_COVER);
	cr_assert_eq(h.n_cases, 5);
	cr_assert_eq(h.n_blocks, 2, "today's block and 1 December's");
	for (size_t i = 0; i < h.n_cases; i++) {
		const struct case_item *c = &ds.cases[h.cases[i].index];
		cr_assert_neq(h.cases[i].fair_to, 0, "%s not placed", c->ref);
		if (strcmp(c->type, "HG") == 0)
			cr_assert_eq(h.cases[i].fair_to, 2, "HG went to %lld",
			    (long long)h.cases[i].fair_to);
	}
	cr_assert(h.fair.exact);
	cr_assert_leq(h.fair.taking_bound, h.fair.taking_max + 1e-12);
	handover_clear(&h);

	/* one case each at most: two go, three wait, saying why */
	st.cover_max_cases_each = 1;
	cr_assert_eq(handover_cover(&ds, &st, 1, today, D("2026-12-14"), today,
	    &h, &e), 0, "%s", e.msg);
	int placed = 0;
	for (size_t i = 0; i < h.n_cases; i++) {
		placed += h.cases[i].fair_to != 0;
		if (h.cases[i].fair_to == 0)
			cr_assert(strstr(h.cases[i].reason, "max_cases_each"),
			    "%s", h.cases[i].reason);
	}
	cr_assert_eq(placed, 2);
	handover_clear(&h);

	/* one week away: the blocks go, the cases wait for the return */
	cr_assert_eq(handover_cover(&ds, &st, 1, D("2026-11-24"),
	    D("2026-11-30"), today, &h, &e), 0, "%s", e.msg);
	for (size_t i = 0; i < h.n_cases; i++) {
		cr_assert(h.cases[i].stays);
		cr_assert_eq(handover_receiver(&h, &h.cases[i],
		    HANDOVER_COLLEAGUES), 1);
	}
	cr_assert(!handover_needed(&h), "no block in that week either");
	handover_clear(&h);

	/* three weeks from next week: the block of 1 December goes now, the
	 * cases when the absence begins (they move at once, not on a date) */
	cr_assert_eq(handover_cover(&ds, &st, 1, D("2026-11-30"),
	    D("2026-12-18"), today, &h, &e), 0, "%s", e.msg);
	cr_assert_eq(h.n_blocks, 1);
	for (size_t i = 0; i < h.n_cases; i++)
		cr_assert(h.cases[i].stays && strstr(h.cases[i].reason,
		    "not begun"), "%s", h.cases[i].reason);
	cr_assert(handover_needed(&h));
	handover_clear(&h);
}

Test(handover, workdays_dropped_give_up_those_blocks_only)
{
	struct employee em = ds.employees[0];
	struct handover h;

	em.workdays = WORKDAYS_ALL & ~(1u << 1); /* no longer on Tuesdays */
	h = propose(&em);
	cr_assert(handover_needed(&h));
	cr_assert_eq(h.n_cases, 0, "the cases stay: they still work here");
	cr_assert_eq(h.n_blocks, 2, "1 December and 12 January are Tuesdays");
	for (size_t i = 0; i < h.n_blocks; i++)
		cr_assert_eq(date_weekday(ds.blocks[h.blocks[i].index].date), 2);
	handover_clear(&h);
}

Test(handover, no_cases_for_a_starter_a_leaver_or_someone_off_sick)
{
	struct employee *e5 = TEST_APPEND(ds.employees, ds.n_employees);
	struct employee em;
	struct handover h;

	/* E5 starts next month; E3 leaves in three weeks; E2 is off sick */
	snprintf(e5->code, sizeof e5->code, "E5");
	e5->team_id = 1;
	e5->contract_hours = 36;
	e5->workdays = WORKDAYS_ALL;
	e5->start = D("2026-12-01");
	e5->end = DATE_NONE;
	ds.employees[2].end = D("2026-12-11");
	struct absence *ab = TEST_APPEND(ds.absences, ds.n_absences);
	ab->employee_id = 2;
	ab->start = D("2026-11-20");
	ab->end = D("2026-11-27");
	ab->percent = 100;
	em = ds.employees[0];
	em.team_id = 2;
	h = propose(&em);
	for (size_t i = 0; i < h.n_cases; i++)
		cr_assert_eq(h.cases[i].fair_to, 0, "case %zu went to %lld", i,
		    (long long)h.cases[i].fair_to);
	for (size_t k = 0; k < h.n_colleagues; k++)
		cr_assert(!h.colleagues[k].takes_cases);
	handover_clear(&h);
}
