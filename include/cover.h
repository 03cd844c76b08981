/* cover: the exact fair assignment of handed-over cases to colleagues, on a
 * plain problem (handover.h builds it from the data). Pure, no I/O.
 *
 * The objective, in order: (1) place as many cases as can go; (2) make the
 * colleagues' projected loads (demand + the hours of the cases they take)
 * / capacity leximin-minimal — the highest as low as possible, then the
 * next, …; (3) fewer receivers per case type; (4) keep the cases of one
 * origin block together; (5) the first case to the first colleague, as a
 * last tie-break, so the answer is unique. Cases weigh differently, so
 * this is a harder problem than the planner's: cover_solve is a branch and
 * bound (heaviest case first, the colleague it raises least first; a
 * branch goes when it places too few or its loads are already worse than
 * the best found) and exact when it finishes within its node limit. It
 * reports a lower bound on the best possible highest load either way. */
#ifndef WIJKLAST_COVER_H
#define WIJKLAST_COVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cover_problem {
	size_t n_cases, n_colleagues;
	const double *hours;   /* [case]: demand it adds over the period */
	const bool *eligible;  /* [case * n_colleagues + k]: may k take it */
	const int *type;       /* [case]: its case type, as a number */
	const int64_t *origin; /* [case]: its origin block; 0 none */
	const double *demand;  /* [k]: over the period, before */
	const double *capacity; /* [k]: over the period, > 0 */
	int max_each;          /* most cases one colleague takes; 0 no limit */
	long node_limit;       /* 0: COVER_NODE_LIMIT */
};

#define COVER_NODE_LIMIT 2000000L

struct cover_result {
	size_t n_placed;
	double max_load;    /* the highest load over every colleague after */
	double lower_bound; /* no assignment placing n_placed can do better */
	/* the same over those who take a case: how loaded the busiest
	 * receiver is, and the least that must be (the water level of the
	 * hours handed over; a colleague already above it is not a bound) */
	double taking_max, taking_bound;
	bool exact;         /* the search finished: the optimum */
	long nodes;         /* branches explored */
};

/* Solve p into assignment[case] (colleague index, or -1: not placed).
 * Deterministic. Never fails. */
void cover_solve(const struct cover_problem *p, int *assignment,
    struct cover_result *r);

/* Compare two assignments of p by the objective: < 0 when a is better,
 * 0 when they are the same assignment. */
int cover_compare(const struct cover_problem *p, const int *a, const int *b);

/* The highest load over every colleague under assignment. */
double cover_max_load(const struct cover_problem *p, const int *assignment);

#endif
