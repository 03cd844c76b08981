/* planner: intake planning of SPEC §4 — pure, optimal, explainable.
 *
 * The core (planner_solve) works on a plain problem: slots, employees,
 * eligibility, weekly caps and each employee's fixed demand and capacity over
 * the horizon. It finds, exactly, the assignment that (1) fills the most
 * slots, (2) is leximin-optimal in the projected loads
 * (base + n * block_cost) / capacity, (3) changes the fewest slots against the
 * current plan, (4) spreads each employee's blocks evenly over the weeks.
 * Method: min-cost max-flow by successive shortest paths over
 * source -> slot -> employee-week -> employee -> sink, with lexicographic
 * costs; the employee -> sink arcs carry the next block's projected load
 * (convex), which makes the flow leximin-optimal (see planner.c).
 *
 * planner_propose builds that problem from the dataset for one team and a
 * horizon, and explains the result. Nothing here writes anything. */
#ifndef WIJKLAST_PLANNER_H
#define WIJKLAST_PLANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "settings.h"

struct err;

/* --- the core --- */

struct plan_problem {
	size_t n_slots, n_employees, n_weeks;
	const int *slot_week;   /* [slot]: week index 0 .. n_weeks-1 */
	const bool *eligible;   /* [slot * n_employees + e] */
	const int *week_cap;    /* [e * n_weeks + w]: blocks e may still take */
	const double *base;     /* [e]: horizon demand without unlocked blocks */
	const double *capacity; /* [e]: horizon capacity, > 0 for eligible e */
	double block_cost;      /* hours + follow-up hours of one block */
	const int *current;     /* [slot]: current holder, or -1 */
};

/* Projected load of employee e holding n blocks. */
double planner_load(const struct plan_problem *p, size_t e, int n);

/* Solve p into assignment[slot] (employee index or -1 for unfillable).
 * Deterministic. Never fails. */
void planner_solve(const struct plan_problem *p, int *assignment);

/* The status-quo baseline: every eligible employee the same number of blocks
 * (± 1), slots in order, employees round-robin by index, skipping those not
 * eligible or at their weekly cap. */
void planner_equal_split(const struct plan_problem *p, int *assignment);

/* The loads of all employees with capacity under assignment, sorted highest
 * first, into loads (n_employees doubles); returns how many. */
size_t planner_sorted_loads(const struct plan_problem *p, const int *assignment,
    double *loads);

/* --- the team plan --- */

struct plan_slot {
	int date;
	enum part part;
	double hours;
	int64_t block_id; /* the existing unlocked block, or 0 for a new one */
	int64_t before;   /* employee id holding it now, 0 = nobody */
	int64_t after;    /* employee id in the proposal, 0 = unfillable */
	bool changed;
	bool before_absent; /* its holder now is absent that day: needs cover */
	const char *unfillable_reason; /* untranslated, when after == 0 */
};

struct plan_employee {
	long index;             /* into dataset employees */
	double capacity;        /* over the horizon */
	double base;            /* demand without unlocked blocks, horizon */
	double free_hours;      /* capacity - base */
	int locked_blocks;
	int blocks_before, blocks_after; /* unlocked blocks in the horizon */
	/* what people see: every block they hold in the horizon, locked ones
	 * included (locked_blocks + blocks_before / blocks_after) */
	int held_before, held_after;
	double load_before, load_after;  /* projected; INFINITY without capacity */
	bool has_capacity;
	const char *reason;     /* untranslated: why no block at all, or NULL */
};

struct plan {
	long team;
	int first_monday, weeks;
	struct plan_slot *slots;
	size_t n_slots;
	struct plan_employee *employees;
	size_t n_employees;
	double max_load_before, max_load_after, equal_split_max_load;
	/* The same, only over those who take at least one block in that plan:
	 * how loaded the busiest person still doing intake is. A colleague
	 * whose load no block can change does not hide the difference. */
	double taking_max_before, taking_max_after, taking_max_equal_split;
	size_t n_changes, n_unfillable;
};

/* Plan the intake blocks of team (an index into d->teams) for weeks ISO weeks
 * from first_monday. Returns -1 with e set on a bad horizon. Free with
 * planner_clear. */
int planner_propose(const struct dataset *d, const struct settings *s,
    long team, int first_monday, int weeks, struct plan *out, struct err *e);
/* The same, handing over only the blocks block_ids[0 .. n-1] of the team in
 * the horizon: everything else stays as it is (it counts like a locked
 * block) and no empty slot is filled. Cover for someone absent: they are
 * not eligible on those days, so each block goes to the fairest colleague. */
int planner_propose_cover(const struct dataset *d, const struct settings *s,
    long team, int first_monday, int weeks, const int64_t *block_ids,
    size_t n, struct plan *out, struct err *e);
void planner_clear(struct plan *p);

#endif
