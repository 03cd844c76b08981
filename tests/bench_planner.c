/* make bench: time planner_solve on the largest team of the field (SPEC §4:
 * 60 employees, 26 weeks, 10 slots a week) with random eligibility, base
 * loads and capacities. Prints figures; not a pass/fail test. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "planner.h"

static unsigned long long state = 0x9e3779b97f4a7c15ull;

static unsigned
next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state >> 11);
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(void)
{
	enum { EMP = 60, WEEKS = 26, PER_WEEK = 10, SLOTS = WEEKS * PER_WEEK };
	static int slot_week[SLOTS], week_cap[EMP * WEEKS], current[SLOTS];
	static int assignment[SLOTS];
	static bool eligible[SLOTS * EMP];
	static double base[EMP], capacity[EMP];
	struct plan_problem p = { SLOTS, EMP, WEEKS, slot_week, eligible,
		week_cap, base, capacity, 8.0, current };
	double best = 1e9, loads[EMP];

	for (int s = 0; s < SLOTS; s++) {
		slot_week[s] = s / PER_WEEK;
		current[s] = (int)(next() % EMP);
		for (int e = 0; e < EMP; e++)
			eligible[s * EMP + e] = next() % 10 < 7;
	}
	for (int e = 0; e < EMP; e++) {
		capacity[e] = WEEKS * (16 + next() % 17);
		base[e] = capacity[e] * (0.5 + (next() % 70) / 100.0);
		for (int w = 0; w < WEEKS; w++)
			week_cap[e * WEEKS + w] = 1;
	}
	for (int run = 0; run < 5; run++) {
		double t0 = seconds();
		planner_solve(&p, assignment);
		double t = seconds() - t0;
		if (t < best)
			best = t;
	}
	planner_sorted_loads(&p, assignment, loads);
	printf("planner: %d employees, %d weeks, %d slots: %.1f ms "
	    "(best of 5); highest load %.0f%%\n", EMP, WEEKS, SLOTS,
	    best * 1000, loads[0] * 100);
	return 0;
}
