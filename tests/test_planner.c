/* The intake planner of SPEC §4. The core is checked against exhaustive
 * search on many small random problems (fill, leximin, changes), by hand on
 * small examples, and for a field-size problem by necessary conditions of
 * optimality; planner_propose on hand-made teams whose optimum is derived in
 * the comments. */
#include <math.h>
#include <stdint.h>

#include "planner.h"
#include "report.h"
#include "testutil.h"
#include "workload.h"
#include "xmem.h"

#define EPS 1e-9

/* --- random problems --- */

/* splitmix64: small, fixed, the same on every machine. */
static uint64_t rng_state;

static uint64_t
rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Uniform in lo .. hi inclusive. */
static int
rng_int(int lo, int hi)
{
	return lo + (int)(rng_next() % (uint64_t)(hi - lo + 1));
}

static bool
rng_chance(int percent)
{
	return rng_int(0, 99) < percent;
}

/* A plan_problem with its own arrays. */
struct inst {
	struct plan_problem p;
	int *slot_week, *week_cap, *current;
	bool *eligible;
	double *base, *capacity;
};

static void
inst_init(struct inst *in, size_t ns, size_t ne, size_t nw)
{
	in->slot_week = xcalloc(ns, sizeof *in->slot_week);
	in->current = xcalloc(ns, sizeof *in->current);
	in->eligible = xcalloc(ns * ne, sizeof *in->eligible);
	in->week_cap = xcalloc(ne * nw, sizeof *in->week_cap);
	in->base = xcalloc(ne, sizeof *in->base);
	in->capacity = xcalloc(ne, sizeof *in->capacity);
	in->p = (struct plan_problem){
		.n_slots = ns, .n_employees = ne, .n_weeks = nw,
		.slot_week = in->slot_week, .eligible = in->eligible,
		.week_cap = in->week_cap, .base = in->base,
		.capacity = in->capacity, .block_cost = 8.0,
		.current = in->current,
	};
}

static void
inst_clear(struct inst *in)
{
	free(in->slot_week);
	free(in->current);
	free(in->eligible);
	free(in->week_cap);
	free(in->base);
	free(in->capacity);
}

/* A random problem: eligibility about elig_pct %, weekly caps mostly 1,
 * sometimes an employee eligible for nothing (half of them, like a leaver,
 * without capacity), sometimes a team of equals (so that ties, and with them
 * the change count, matter). */
static void
inst_random(struct inst *in, size_t ns, size_t ne, size_t nw, int elig_pct,
    int base_max, int cap_lo, int cap_hi)
{
	bool equals = rng_chance(30);
	double b = rng_int(0, base_max), c = rng_int(cap_lo, cap_hi);
	long out = rng_chance(20) ? rng_int(0, (int)ne - 1) : -1;

	inst_init(in, ns, ne, nw);
	for (size_t s = 0; s < ns; s++) {
		in->slot_week[s] = rng_int(0, (int)nw - 1);
		in->current[s] = rng_int(-1, (int)ne - 1);
		for (size_t e = 0; e < ne; e++)
			in->eligible[s * ne + e] = rng_chance(elig_pct);
	}
	for (size_t s = 0; s < ns && out >= 0; s++)
		in->eligible[s * ne + (size_t)out] = false;
	for (size_t i = 0; i < ne * nw; i++) {
		int r = rng_int(0, 9);

		in->week_cap[i] = r == 0 ? 0 : r < 8 ? 1 : 2;
	}
	for (size_t e = 0; e < ne; e++) {
		in->base[e] = equals ? b : rng_int(0, base_max);
		in->capacity[e] = equals ? c : rng_int(cap_lo, cap_hi);
	}
	if (out >= 0 && rng_chance(50))
		in->capacity[out] = 0;
}

/* --- judging an assignment --- */

static double
load_of(const struct plan_problem *p, size_t e, int n)
{
	return (p->base[e] + n * p->block_cost) / p->capacity[e];
}

static void
count_blocks(const struct plan_problem *p, const int *a, int *n)
{
	memset(n, 0, p->n_employees * sizeof *n);
	for (size_t s = 0; s < p->n_slots; s++)
		if (a[s] >= 0)
			n[a[s]]++;
}

/* Every holder eligible, no employee-week over its cap; else a message. */
static const char *
infeasibility(const struct plan_problem *p, const int *a)
{
	size_t ne = p->n_employees, nw = p->n_weeks;
	int *taken = xcalloc(ne * nw, sizeof *taken);
	const char *why = NULL;

	for (size_t s = 0; s < p->n_slots && why == NULL; s++) {
		if (a[s] == -1)
			continue;
		if (a[s] < 0 || (size_t)a[s] >= ne)
			why = "holder out of range";
		else if (!p->eligible[s * ne + (size_t)a[s]])
			why = "holder not eligible";
		else if (++taken[(size_t)a[s] * nw + (size_t)p->slot_week[s]] >
		    p->week_cap[(size_t)a[s] * nw + (size_t)p->slot_week[s]])
			why = "weekly cap exceeded";
	}
	free(taken);
	return why;
}

static void
sort_descending(double *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		double x = v[i];
		size_t j = i;

		for (; j > 0 && v[j - 1] < x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Lexicographic on loads sorted highest first: <0 when a is better. */
static int
leximin_compare(const double *a, const double *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (a[i] < b[i] - EPS)
			return -1;
		if (a[i] > b[i] + EPS)
			return 1;
	}
	return 0;
}

#define SMALL_E 5
#define N_RANDOM 5000 /* random problems checked exhaustively */

/* The three objectives of SPEC §4 for one assignment. */
struct score {
	int filled, changes;
	size_t n;
	double loads[SMALL_E];
};

static void
score_of(const struct plan_problem *p, const int *a, struct score *sc)
{
	int n[SMALL_E];

	count_blocks(p, a, n);
	sc->filled = sc->changes = 0;
	for (size_t s = 0; s < p->n_slots; s++) {
		sc->filled += a[s] >= 0;
		sc->changes += a[s] != p->current[s];
	}
	sc->n = 0;
	for (size_t e = 0; e < p->n_employees; e++)
		if (p->capacity[e] > 0)
			sc->loads[sc->n++] = load_of(p, e, n[e]);
	sort_descending(sc->loads, sc->n);
}

/* <0 when a is the better plan: more filled, then leximin, then changes. */
static int
score_compare(const struct score *a, const struct score *b)
{
	int c;

	if (a->filled != b->filled)
		return a->filled > b->filled ? -1 : 1;
	if ((c = leximin_compare(a->loads, b->loads, a->n)) != 0)
		return c;
	return (a->changes > b->changes) - (a->changes < b->changes);
}

/* --- exhaustive search --- */

struct search {
	const struct plan_problem *p;
	int a[16], taken[SMALL_E * 4];
	int best_a[16];
	struct score best;
	bool have_best;
};

/* Try every holder (or none) for slot s and the slots after it. */
static void
search_from(struct search *st, size_t s)
{
	const struct plan_problem *p = st->p;
	struct score sc;

	if (s == p->n_slots) {
		score_of(p, st->a, &sc);
		if (!st->have_best || score_compare(&sc, &st->best) < 0) {
			st->best = sc;
			memcpy(st->best_a, st->a, sizeof st->a);
			st->have_best = true;
		}
		return;
	}
	st->a[s] = -1;
	search_from(st, s + 1);
	for (size_t e = 0; e < p->n_employees; e++) {
		int *t = &st->taken[e * p->n_weeks + (size_t)p->slot_week[s]];

		if (!p->eligible[s * p->n_employees + e] ||
		    *t >= p->week_cap[e * p->n_weeks + (size_t)p->slot_week[s]])
			continue;
		st->a[s] = (int)e;
		(*t)++;
		search_from(st, s + 1);
		(*t)--;
	}
}

static void
print_ints(const char *name, const int *v, size_t n)
{
	fprintf(stderr, "  %s = {", name);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s%d", i ? ", " : "", v[i]);
	fprintf(stderr, "}\n");
}

static void
print_doubles(const char *name, const double *v, size_t n)
{
	fprintf(stderr, "  %s = {", name);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s%.17g", i ? ", " : "", v[i]);
	fprintf(stderr, "}\n");
}

/* The whole problem, so a failure can be rebuilt by hand. */
static void
dump_instance(const char *title, const struct plan_problem *p)
{
	fprintf(stderr, "%s: %zu slots, %zu employees, %zu weeks, "
	    "block_cost %g\n", title, p->n_slots, p->n_employees, p->n_weeks,
	    p->block_cost);
	print_ints("slot_week", p->slot_week, p->n_slots);
	fprintf(stderr, "  eligible (row per slot) = {\n");
	for (size_t s = 0; s < p->n_slots; s++) {
		fprintf(stderr, "   ");
		for (size_t e = 0; e < p->n_employees; e++)
			fprintf(stderr, " %d,", p->eligible[s * p->n_employees + e]);
		fprintf(stderr, "\n");
	}
	fprintf(stderr, "  }\n");
	fprintf(stderr, "  week_cap (row per employee) = {\n");
	for (size_t e = 0; e < p->n_employees; e++) {
		fprintf(stderr, "   ");
		for (size_t w = 0; w < p->n_weeks; w++)
			fprintf(stderr, " %d,", p->week_cap[e * p->n_weeks + w]);
		fprintf(stderr, "\n");
	}
	fprintf(stderr, "  }\n");
	print_doubles("base", p->base, p->n_employees);
	print_doubles("capacity", p->capacity, p->n_employees);
	print_ints("current", p->current, p->n_slots);
}

static void
dump_score(const char *name, const int *a, size_t ns, const struct score *sc)
{
	print_ints(name, a, ns);
	fprintf(stderr, "    filled %d, changes %d, loads", sc->filled,
	    sc->changes);
	for (size_t i = 0; i < sc->n; i++)
		fprintf(stderr, " %.6f", sc->loads[i]);
	fprintf(stderr, "\n");
}

Test(planner_core, optimal_against_exhaustive_search)
{
	int failures = 0;

	rng_state = 20261130;
	for (int k = 0; k < N_RANDOM; k++) {
		struct inst in;
		struct search st;
		struct score got_sc;
		int got[16], split[16];
		double sorted[SMALL_E];
		const char *why;

		inst_random(&in, (size_t)rng_int(0, 7), (size_t)rng_int(1, 5),
		    (size_t)rng_int(1, 4), 60, 40, 5, 40);
		memset(&st, 0, sizeof st);
		st.p = &in.p;
		search_from(&st, 0);

		memset(got, 0x55, sizeof got);
		planner_solve(&in.p, got);
		why = infeasibility(&in.p, got);
		if (why == NULL) {
			score_of(&in.p, got, &got_sc);
			/* sorted_loads must agree with the loads judged here. */
			cr_assert_eq(planner_sorted_loads(&in.p, got, sorted),
			    got_sc.n);
			for (size_t i = 0; i < got_sc.n; i++)
				cr_assert_float_eq(sorted[i], got_sc.loads[i],
				    EPS);
		}
		if (why != NULL || score_compare(&got_sc, &st.best) != 0) {
			char title[64];

			snprintf(title, sizeof title, "instance %d", k);
			dump_instance(title, &in.p);
			if (why != NULL) {
				print_ints("planner", got, in.p.n_slots);
				fprintf(stderr, "    infeasible: %s\n", why);
			} else {
				dump_score("planner", got, in.p.n_slots,
				    &got_sc);
			}
			dump_score("best", st.best_a, in.p.n_slots, &st.best);
			failures++;
		}

		planner_equal_split(&in.p, split);
		why = infeasibility(&in.p, split);
		cr_assert_null(why, "instance %d: equal split: %s", k, why);
		inst_clear(&in);
	}
	cr_assert_eq(failures, 0, "%d of %d instances not optimal "
	    "(printed on stderr)", failures, N_RANDOM);
}

/* --- hand examples for the core --- */

Test(planner_core, load_and_sorted_loads)
{
	/* block_cost 8. Employee 2 has no capacity and is left out.
	 * assignment {0, 0, -1, 3}: n = {2, 0, 0, 1}.
	 * loads: e0 (4 + 16) / 20 = 1.0, e1 5 / 10 = 0.5,
	 * e3 (6 + 8) / 40 = 0.35; sorted 1.0, 0.5, 0.35. */
	int slot_week[4] = {0, 1, 1, 2};
	bool eligible[16] = {
		1, 1, 0, 1,
		1, 1, 0, 1,
		1, 1, 0, 1,
		1, 1, 0, 1,
	};
	int week_cap[12] = {1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1};
	double base[4] = {4, 5, 2, 6}, capacity[4] = {20, 10, 0, 40};
	int current[4] = {-1, -1, -1, -1};
	struct plan_problem p = {
		.n_slots = 4, .n_employees = 4, .n_weeks = 3,
		.slot_week = slot_week, .eligible = eligible,
		.week_cap = week_cap, .base = base, .capacity = capacity,
		.block_cost = 8, .current = current,
	};
	int a[4] = {0, 0, -1, 3}, none[4] = {-1, -1, -1, -1};
	double loads[4];

	cr_assert_float_eq(planner_load(&p, 0, 2), 1.0, EPS);
	cr_assert_float_eq(planner_load(&p, 0, 0), 0.2, EPS);
	cr_assert_float_eq(planner_load(&p, 3, 1), 0.35, EPS);
	cr_assert_float_eq(planner_load(&p, 1, 3), 2.9, EPS);

	cr_assert_eq(planner_sorted_loads(&p, a, loads), 3);
	cr_assert_float_eq(loads[0], 1.0, EPS);
	cr_assert_float_eq(loads[1], 0.5, EPS);
	cr_assert_float_eq(loads[2], 0.35, EPS);

	/* Nothing assigned: 0.5, 0.2, 0.15. */
	cr_assert_eq(planner_sorted_loads(&p, none, loads), 3);
	cr_assert_float_eq(loads[0], 0.5, EPS);
	cr_assert_float_eq(loads[1], 0.2, EPS);
	cr_assert_float_eq(loads[2], 0.15, EPS);
}

/* A problem where every employee may take every slot; the rest of the
 * arrays are the caller's. */
static void
fill_complete(struct inst *in, size_t ns, size_t ne, size_t nw, int cap)
{
	inst_init(in, ns, ne, nw);
	for (size_t s = 0; s < ns; s++) {
		in->slot_week[s] = (int)(s * nw / ns);
		in->current[s] = -1;
		for (size_t e = 0; e < ne; e++)
			in->eligible[s * ne + e] = true;
	}
	for (size_t i = 0; i < ne * nw; i++)
		in->week_cap[i] = cap;
	for (size_t e = 0; e < ne; e++) {
		in->base[e] = 10.0 * (double)e;
		in->capacity[e] = 30;
	}
}

Test(planner_core, equal_split_with_complete_eligibility)
{
	/* 10 slots over 5 weeks (2 a week), 4 employees, cap 2: caps never
	 * bind, so round-robin by index gives 0 1 2 3 0 1 2 3 0 1 whatever
	 * the loads (the base differs per employee on purpose). */
	struct inst in;
	int a[10], again[10], n[4];
	const int want[10] = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1};

	fill_complete(&in, 10, 4, 5, 2);
	planner_equal_split(&in.p, a);
	cr_assert_null(infeasibility(&in.p, a));
	for (size_t s = 0; s < 10; s++)
		cr_assert_eq(a[s], want[s], "slot %zu: %d, want %d", s, a[s],
		    want[s]);
	count_blocks(&in.p, a, n);
	cr_assert_eq(n[0] + n[1] + n[2] + n[3], 10);
	planner_equal_split(&in.p, again);
	cr_assert_arr_eq(a, again, sizeof a);
	inst_clear(&in);
}

Test(planner_core, equal_split_skips_who_is_eligible_for_nothing)
{
	/* 7 slots in 7 weeks, employee 2 eligible for nothing: the other
	 * three get 3, 2, 2 (differ by at most one), employee 2 none. */
	struct inst in;
	int a[7], n[4], lo = 99, hi = -1;

	fill_complete(&in, 7, 4, 7, 1);
	for (size_t s = 0; s < 7; s++)
		in.eligible[s * 4 + 2] = false;
	planner_equal_split(&in.p, a);
	cr_assert_null(infeasibility(&in.p, a));
	count_blocks(&in.p, a, n);
	cr_assert_eq(n[2], 0);
	for (size_t e = 0; e < 4; e++) {
		if (e == 2)
			continue;
		lo = n[e] < lo ? n[e] : lo;
		hi = n[e] > hi ? n[e] : hi;
	}
	cr_assert_eq(n[0] + n[1] + n[3], 7);
	cr_assert_leq(hi - lo, 1, "counts %d %d %d", n[0], n[1], n[3]);
	inst_clear(&in);
}

Test(planner_core, equal_split_ignores_loads_on_random_complete_problems)
{
	/* Complete eligibility, caps that never bind: the counts of all
	 * employees differ by at most one, whatever base and capacity. */
	rng_state = 48;
	for (int k = 0; k < 200; k++) {
		size_t ns = (size_t)rng_int(1, 30), ne = (size_t)rng_int(1, 8);
		size_t nw = (size_t)rng_int(1, 6);
		struct inst in;
		int a[30], n[8], lo = 99, hi = -1;

		fill_complete(&in, ns, ne, nw, (int)ns);
		for (size_t e = 0; e < ne; e++) {
			in.base[e] = rng_int(0, 100);
			in.capacity[e] = rng_int(1, 100);
		}
		planner_equal_split(&in.p, a);
		cr_assert_null(infeasibility(&in.p, a), "instance %d", k);
		count_blocks(&in.p, a, n);
		for (size_t e = 0; e < ne; e++) {
			lo = n[e] < lo ? n[e] : lo;
			hi = n[e] > hi ? n[e] : hi;
		}
		cr_assert_leq(hi - lo, 1, "instance %d: %d slots, %zu "
		    "employees: counts from %d to %d", k, (int)ns, ne, lo, hi);
		inst_clear(&in);
	}
}

Test(planner_core, leximin_balances_below_a_fixed_maximum)
{
	/* Employee 0 is the leaver with open cases: capacity 1, base 5, load
	 * 5.0 that no block changes. Under min-max every plan scores 5.0;
	 * leximin also spreads the 3 slots (3 weeks, cap 1 a week) over the
	 * three equal colleagues: 8 / 10 = 0.8 each, never 1.6 + 0.8 + 0.
	 * All three slots are now with employee 1: two change. */
	int slot_week[3] = {0, 1, 2};
	bool eligible[12] = {
		0, 1, 1, 1,
		0, 1, 1, 1,
		0, 1, 1, 1,
	};
	int week_cap[12] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	double base[4] = {5, 0, 0, 0}, capacity[4] = {1, 10, 10, 10};
	int current[3] = {1, 1, 1};
	struct plan_problem p = {
		.n_slots = 3, .n_employees = 4, .n_weeks = 3,
		.slot_week = slot_week, .eligible = eligible,
		.week_cap = week_cap, .base = base, .capacity = capacity,
		.block_cost = 8, .current = current,
	};
	int a[3], n[4], changes = 0;
	double loads[4];

	planner_solve(&p, a);
	cr_assert_null(infeasibility(&p, a));
	count_blocks(&p, a, n);
	cr_assert_eq(n[0], 0);
	cr_assert_eq(n[1], 1);
	cr_assert_eq(n[2], 1);
	cr_assert_eq(n[3], 1);
	for (size_t s = 0; s < 3; s++)
		changes += a[s] != current[s];
	cr_assert_eq(changes, 2);
	cr_assert_eq(planner_sorted_loads(&p, a, loads), 4);
	cr_assert_float_eq(loads[0], 5.0, EPS);
	cr_assert_float_eq(loads[1], 0.8, EPS);
	cr_assert_float_eq(loads[3], 0.8, EPS);
}

Test(planner_core, fill_first_then_balance)
{
	/* Two slots in one week, cap 1. Slot 0 only employee 0 may take;
	 * slot 1 both. Employee 0 is far the busier (base 30 of 30), yet
	 * filling both slots comes first: 0 takes slot 0, 1 takes slot 1. */
	int slot_week[2] = {0, 0};
	bool eligible[4] = {1, 0, 1, 1};
	int week_cap[2] = {1, 1};
	double base[2] = {30, 0}, capacity[2] = {30, 30};
	int current[2] = {-1, 0};
	struct plan_problem p = {
		.n_slots = 2, .n_employees = 2, .n_weeks = 1,
		.slot_week = slot_week, .eligible = eligible,
		.week_cap = week_cap, .base = base, .capacity = capacity,
		.block_cost = 8, .current = current,
	};
	int a[2];

	planner_solve(&p, a);
	cr_assert_eq(a[0], 0);
	cr_assert_eq(a[1], 1);
}

Test(planner_core, no_slots_and_no_one_eligible)
{
	/* A slot nobody may take stays -1, whatever current says. */
	int slot_week[1] = {0};
	bool eligible[2] = {0, 0};
	int week_cap[2] = {1, 1};
	double base[2] = {0, 0}, capacity[2] = {10, 10};
	int current[1] = {1};
	struct plan_problem p = {
		.n_slots = 1, .n_employees = 2, .n_weeks = 1,
		.slot_week = slot_week, .eligible = eligible,
		.week_cap = week_cap, .base = base, .capacity = capacity,
		.block_cost = 8, .current = current,
	};
	int a[1] = {7};
	double loads[2];

	planner_solve(&p, a);
	cr_assert_eq(a[0], -1);
	planner_equal_split(&p, a);
	cr_assert_eq(a[0], -1);

	p.n_slots = 0;
	planner_solve(&p, a);
	planner_equal_split(&p, a);
	cr_assert_eq(planner_sorted_loads(&p, a, loads), 2);
	cr_assert_float_eq(loads[0], 0.0, EPS);
}

Test(planner_core, blocks_spread_over_the_weeks)
{
	/* k equal employees, one slot a week for a multiple of k weeks, cap 1,
	 * nothing held now: every plan with the same counts scores the same on
	 * fill, leximin and changes, and a rotation (0 1 2 0 1 2 ...) gives
	 * nobody blocks in two weeks running; so neither may the planner. */
	static const size_t sizes[][2] = {{2, 8}, {3, 9}, {4, 8}, {3, 12}};

	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		size_t ne = sizes[k][0], nw = sizes[k][1];
		struct inst in;
		int a[12];

		fill_complete(&in, nw, ne, nw, 1);
		for (size_t e = 0; e < ne; e++)
			in.base[e] = 0;
		planner_solve(&in.p, a);
		cr_assert_null(infeasibility(&in.p, a));
		for (size_t s = 0; s + 1 < nw; s++)
			if (a[s] == a[s + 1]) {
				print_ints("assignment", a, nw);
				cr_assert_fail("%zu employees, %zu weeks: employee "
				    "%d in weeks %zu and %zu", ne, nw, a[s], s,
				    s + 1);
			}
		inst_clear(&in);
	}
}

Test(planner_core, fewer_changes_come_before_spread)
{
	/* Two equal employees, four weeks, the current plan 0 0 1 1: it is
	 * leximin-optimal already, so it stays, however bunched. */
	struct inst in;
	int a[4];
	const int now[4] = {0, 0, 1, 1};

	fill_complete(&in, 4, 2, 4, 1);
	in.base[1] = 0;
	memcpy(in.current, now, sizeof now);
	planner_solve(&in.p, a);
	cr_assert_arr_eq(a, now, sizeof now);
	inst_clear(&in);
}

Test(planner_core, deterministic)
{
	/* A mid-size problem with many ties (a team of equals half the
	 * time), solved twice from scratch. */
	rng_state = 7;
	for (int k = 0; k < 20; k++) {
		struct inst in;
		int a[60], b[60];

		inst_random(&in, 60, 15, 8, 50, 40, 20, 60);
		planner_solve(&in.p, a);
		planner_solve(&in.p, b);
		cr_assert_arr_eq(a, b, sizeof a, "instance %d: solve", k);
		planner_equal_split(&in.p, a);
		planner_equal_split(&in.p, b);
		cr_assert_arr_eq(a, b, sizeof a, "instance %d: split", k);
		inst_clear(&in);
	}
}

/* --- field size --- */

/* Augment from slot s within its week (a slot's holders all lie in that
 * week, so the paths never leave it). Kuhn's algorithm with capacities. */
static bool
augment(const struct plan_problem *p, size_t s, int *holder, int *used,
    bool *seen)
{
	size_t ne = p->n_employees, nw = p->n_weeks, w = (size_t)p->slot_week[s];

	for (size_t e = 0; e < ne; e++) {
		size_t node = e * nw + w;

		if (!p->eligible[s * ne + e] || seen[node])
			continue;
		seen[node] = true;
		if (used[node] < p->week_cap[node]) {
			used[node]++;
			holder[s] = (int)e;
			return true;
		}
		for (size_t t = 0; t < p->n_slots; t++) {
			if (holder[t] != (int)e || (size_t)p->slot_week[t] != w)
				continue;
			if (augment(p, t, holder, used, seen)) {
				holder[s] = (int)e;
				return true;
			}
		}
	}
	return false;
}

/* The most slots any feasible plan fills. */
static int
max_filled(const struct plan_problem *p)
{
	size_t nodes = p->n_employees * p->n_weeks;
	int *holder = xcalloc(p->n_slots, sizeof *holder);
	int *used = xcalloc(nodes, sizeof *used);
	bool *seen = xcalloc(nodes, sizeof *seen);
	int filled = 0;

	for (size_t s = 0; s < p->n_slots; s++)
		holder[s] = -1;
	for (size_t s = 0; s < p->n_slots; s++) {
		memset(seen, 0, nodes * sizeof *seen);
		filled += augment(p, s, holder, used, seen);
	}
	free(holder);
	free(used);
	free(seen);
	return filled;
}

/* No single block moves to an eligible colleague with room that week so
 * that the higher of the two loads drops; no unfilled slot has a taker with
 * room. Both are necessary for an optimum. */
static void
assert_no_improving_move(const struct plan_problem *p, const int *a)
{
	size_t ne = p->n_employees, nw = p->n_weeks;
	int *n = xcalloc(ne, sizeof *n), *taken = xcalloc(ne * nw, sizeof *taken);

	count_blocks(p, a, n);
	for (size_t s = 0; s < p->n_slots; s++)
		if (a[s] >= 0)
			taken[(size_t)a[s] * nw + (size_t)p->slot_week[s]]++;
	for (size_t s = 0; s < p->n_slots; s++) {
		size_t w = (size_t)p->slot_week[s];

		for (size_t e = 0; e < ne; e++) {
			double before, after;
			size_t g;

			if ((int)e == a[s] || !p->eligible[s * ne + e] ||
			    taken[e * nw + w] >= p->week_cap[e * nw + w])
				continue;
			cr_assert_geq(a[s], 0, "slot %zu left unfilled while "
			    "employee %zu may take it", s, e);
			g = (size_t)a[s];
			before = fmax(load_of(p, g, n[g]), load_of(p, e, n[e]));
			after = fmax(load_of(p, g, n[g] - 1),
			    load_of(p, e, n[e] + 1));
			cr_assert_geq(after, before - EPS, "moving slot %zu "
			    "from %zu to %zu lowers %.6f to %.6f", s, g, e,
			    before, after);
		}
	}
	free(n);
	free(taken);
}

Test(planner_core, field_size_smoke, .timeout = 60)
{
	/* 60 employees, 26 weeks, 10 slots a week; horizon-sized base and
	 * capacity. Not timed here (SPEC §9 has a bench). */
	struct inst in;
	int *a, filled = 0;

	rng_state = 60;
	inst_random(&in, 260, 60, 26, 60, 300, 100, 900);
	for (size_t s = 0; s < 260; s++)
		in.slot_week[s] = (int)(s / 10);
	a = xcalloc(260, sizeof *a);
	planner_solve(&in.p, a);
	cr_assert_null(infeasibility(&in.p, a));
	for (size_t s = 0; s < 260; s++)
		filled += a[s] >= 0;
	cr_assert_eq(filled, max_filled(&in.p));
	assert_no_improving_move(&in.p, a);
	free(a);
	inst_clear(&in);
}

/* --- planner_propose on hand-made teams --- */

static struct settings S;
static struct dataset DS;

static void
setup(void)
{
	settings_defaults(&S);
	/* Own holidays: Thursday 24 and Friday 25 December 2026. */
	free(S.holidays);
	S.holidays = xcalloc(2, sizeof *S.holidays);
	S.holidays[0] = D("2026-12-24");
	S.holidays[1] = D("2026-12-25");
	S.n_holidays = 2;
	memset(&DS, 0, sizeof DS);
}

static void
teardown(void)
{
	dataset_clear(&DS);
	settings_clear(&S);
}

TestSuite(planner, .init = setup, .fini = teardown);

static int64_t
add_team(const char *code)
{
	struct team *t;

	t = TEST_APPEND(DS.teams, DS.n_teams);
	snprintf(t->code, sizeof t->code, "%s", code);
	return t->id;
}

static void
add_rota(int64_t team, int weekday, enum part part)
{
	struct rota_entry *r;

	r = TEST_APPEND(DS.rota, DS.n_rota);
	r->team_id = team;
	r->weekday = weekday;
	r->part = part;
	r->hours = 4;
}

static int64_t
add_employee(int64_t team, double hours, unsigned workdays, const char *end)
{
	struct employee *em;

	em = TEST_APPEND(DS.employees, DS.n_employees);
	snprintf(em->code, sizeof em->code, "E%zu", DS.n_employees);
	em->team_id = team;
	em->contract_hours = hours;
	em->workdays = workdays;
	em->start = D("2020-01-01");
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
add_case(int64_t team, int64_t em, const char *type)
{
	struct case_item *c;

	c = TEST_APPEND(DS.cases, DS.n_cases);
	snprintf(c->ref, sizeof c->ref, "Z-%zu", DS.n_cases);
	c->team_id = team;
	c->employee_id = em;
	snprintf(c->type, sizeof c->type, "%s", type);
	c->phase = PHASE_ACTIVE;
	c->opened = D("2026-01-05");
	c->closed = DATE_NONE;
}

static void
add_activity(int64_t em, double hours)
{
	struct activity *a;

	a = TEST_APPEND(DS.activities, DS.n_activities);
	a->employee_id = em;
	a->hours_per_week = hours;
	a->start = D("2026-01-01");
	a->end = DATE_NONE;
}

static int64_t
add_block(int64_t team, int64_t em, const char *date, enum part part,
    bool locked)
{
	struct block *b;

	b = TEST_APPEND(DS.blocks, DS.n_blocks);
	b->team_id = team;
	b->employee_id = em;
	b->date = D(date);
	b->part = part;
	b->hours = 4;
	b->locked = locked;
	return b->id;
}

#define MA 0x01u
#define DI 0x02u
#define WO 0x04u
#define DO 0x08u

static int
absence_on(int64_t em, int day)
{
	int pct = 0;

	for (size_t i = 0; i < DS.n_absences; i++)
		if (DS.absences[i].employee_id == em &&
		    DS.absences[i].start <= day && day <= DS.absences[i].end &&
		    DS.absences[i].percent > pct)
			pct = DS.absences[i].percent;
	return pct;
}

static const struct plan_slot *
slot_at(const struct plan *pl, const char *date, enum part part)
{
	const struct plan_slot *found = NULL;
	int day = D(date);

	for (size_t i = 0; i < pl->n_slots; i++) {
		if (pl->slots[i].date != day || pl->slots[i].part != part)
			continue;
		cr_assert_null(found, "two slots on %s", date);
		found = &pl->slots[i];
	}
	return found;
}

static const struct plan_employee *
employee_in(const struct plan *pl, int64_t id)
{
	long idx = dataset_employee_index(&DS, id);

	for (size_t i = 0; i < pl->n_employees; i++)
		if (pl->employees[i].index == idx)
			return &pl->employees[i];
	return NULL;
}

/* Everything SPEC §4 demands of any proposal, checked against the dataset:
 * the slots are the rota's minus holidays and locked blocks plus the
 * existing unlocked blocks; every holder may take their slot; the figures
 * agree with the slots. */
static void
assert_plan_sound(const struct plan *pl, long team)
{
	int64_t tid = DS.teams[team].id;
	int end = pl->first_monday + 7 * pl->weeks;
	double cost = S.block_hours + S.followup_hours;
	double max_before = 0, max_after = 0;
	double taking_before = 0, taking_after = 0;
	size_t changes = 0, unfillable = 0;

	cr_assert_eq(pl->team, team);
	for (size_t i = 0; i < pl->n_slots; i++) {
		const struct plan_slot *sl = &pl->slots[i];
		int monday = date_monday(sl->date), in_week = 0;
		long ei;

		cr_assert(sl->date >= pl->first_monday && sl->date < end);
		cr_assert_not(settings_is_holiday(&S, sl->date),
		    "slot %zu on a holiday", i);
		for (size_t b = 0; b < DS.n_blocks; b++)
			cr_assert_not(DS.blocks[b].locked &&
			    DS.blocks[b].team_id == tid &&
			    DS.blocks[b].date == sl->date &&
			    DS.blocks[b].part == sl->part,
			    "slot %zu on a locked block", i);
		cr_assert_eq(sl->changed, sl->before != sl->after, "slot %zu", i);
		changes += sl->changed;
		/* A member who loses a block is in the table, even without
		 * capacity (blocks before -> after). */
		ei = sl->before ? dataset_employee_index(&DS, sl->before) : -1;
		if (ei >= 0 && DS.employees[ei].team_id == tid)
			cr_assert_not_null(employee_in(pl, sl->before),
			    "slot %zu: holder %lld before is not listed", i,
			    (long long)sl->before);
		if (sl->after == 0) {
			cr_assert_not_null(sl->unfillable_reason, "slot %zu", i);
			unfillable++;
			continue;
		}
		ei = dataset_employee_index(&DS, sl->after);
		cr_assert_geq(ei, 0);
		cr_assert_eq(DS.employees[ei].team_id, tid);
		cr_assert(workload_is_working_day(&DS.employees[ei], &S,
		    sl->date), "slot %zu: not a working day of its holder", i);
		cr_assert_lt(absence_on(sl->after, sl->date), 50,
		    "slot %zu: holder absent", i);
		/* The holder's blocks that ISO week: the ones this plan does
		 * not move (locked, or another team's) and its slots. */
		for (size_t b = 0; b < DS.n_blocks; b++)
			in_week += (DS.blocks[b].locked ||
			    DS.blocks[b].team_id != tid) &&
			    DS.blocks[b].employee_id == sl->after &&
			    date_monday(DS.blocks[b].date) == monday;
		for (size_t j = 0; j < pl->n_slots; j++)
			in_week += pl->slots[j].after == sl->after &&
			    date_monday(pl->slots[j].date) == monday;
		cr_assert_leq(in_week, S.max_blocks_per_week,
		    "slot %zu: %d blocks that week", i, in_week);
	}
	cr_assert_eq(pl->n_changes, changes);
	cr_assert_eq(pl->n_unfillable, unfillable);

	/* Each unlocked block of the team in the horizon is a slot, as is. */
	for (size_t b = 0; b < DS.n_blocks; b++) {
		const struct block *bl = &DS.blocks[b];
		char buf[DATE_BUF];
		const struct plan_slot *sl;

		if (bl->locked || bl->team_id != tid ||
		    bl->date < pl->first_monday || bl->date >= end)
			continue;
		sl = slot_at(pl, date_format(bl->date, buf), bl->part);
		cr_assert_not_null(sl, "block %lld is no slot", (long long)bl->id);
		cr_assert_eq(sl->block_id, bl->id);
		cr_assert_eq(sl->before, bl->employee_id);
	}
	/* Each rota entry gives a slot every week but on holidays and locked
	 * blocks. */
	for (int w = 0; w < pl->weeks; w++)
		for (size_t r = 0; r < DS.n_rota; r++) {
			int day = pl->first_monday + 7 * w +
			    DS.rota[r].weekday - 1;
			bool taken = settings_is_holiday(&S, day);
			char buf[DATE_BUF];

			if (DS.rota[r].team_id != tid)
				continue;
			for (size_t b = 0; b < DS.n_blocks; b++)
				taken |= DS.blocks[b].locked &&
				    DS.blocks[b].team_id == tid &&
				    DS.blocks[b].date == day &&
				    DS.blocks[b].part == DS.rota[r].part;
			cr_assert_eq(slot_at(pl, date_format(day, buf),
			    DS.rota[r].part) != NULL, !taken, "rota %zu on %s",
			    r, buf);
		}

	for (size_t i = 0; i < pl->n_employees; i++) {
		const struct plan_employee *pe = &pl->employees[i];
		int64_t id;
		int before = 0, after = 0;

		cr_assert(pe->index >= 0 && (size_t)pe->index < DS.n_employees);
		id = DS.employees[pe->index].id;
		cr_assert_eq(DS.employees[pe->index].team_id, tid);
		for (size_t j = 0; j < pl->n_slots; j++) {
			before += pl->slots[j].before == id;
			after += pl->slots[j].after == id;
		}
		cr_assert_eq(pe->blocks_before, before, "employee %lld",
		    (long long)id);
		cr_assert_eq(pe->blocks_after, after, "employee %lld",
		    (long long)id);
		cr_assert_eq(pe->held_before, pe->locked_blocks + before);
		cr_assert_eq(pe->held_after, pe->locked_blocks + after);
		/* a "why none" exactly for those who hold no block at all:
		 * someone who keeps a locked block has one */
		cr_assert_eq(pe->reason == NULL, pe->held_after > 0,
		    "employee %lld", (long long)id);
		if (!pe->has_capacity) {
			cr_assert(isinf(pe->load_after));
			cr_assert_eq(pe->blocks_after, 0);
			continue;
		}
		cr_assert_gt(pe->capacity, 0);
		cr_assert_float_eq(pe->free_hours, pe->capacity - pe->base, EPS);
		cr_assert_float_eq(pe->load_before,
		    (pe->base + before * cost) / pe->capacity, EPS);
		cr_assert_float_eq(pe->load_after,
		    (pe->base + after * cost) / pe->capacity, EPS);
		max_before = fmax(max_before, pe->load_before);
		max_after = fmax(max_after, pe->load_after);
		if (before > 0)
			taking_before = fmax(taking_before, pe->load_before);
		if (after > 0)
			taking_after = fmax(taking_after, pe->load_after);
	}
	cr_assert_float_eq(pl->max_load_before, max_before, EPS);
	cr_assert_float_eq(pl->max_load_after, max_after, EPS);
	/* The busiest of those who take intake, in each plan. */
	cr_assert_float_eq(pl->taking_max_before, taking_before, EPS);
	cr_assert_float_eq(pl->taking_max_after, taking_after, EPS);
	cr_assert_leq(pl->taking_max_equal_split, pl->equal_split_max_load + EPS);
}

/* The team of the scenario test; ids returned for the checks. */
struct scenario {
	long team;
	int64_t full, part, sick, side, locker, leaver, other;
	int64_t friday_block;
};

static void
build_scenario(struct scenario *sc)
{
	int64_t t = add_team("CEN"), t2 = add_team("NRD");

	/* Tue ochtend, Thu middag and a Friday ochtend nobody works. */
	add_rota(t, 2, PART_MORNING);
	add_rota(t, 4, PART_AFTERNOON);
	add_rota(t, 5, PART_MORNING);
	add_rota(t2, 5, PART_MORNING);
	sc->team = 0;
	sc->full = add_employee(t, 36, MA | DI | WO | DO, NULL);
	sc->part = add_employee(t, 16, MA | DI, NULL);
	sc->sick = add_employee(t, 32, MA | DI | WO | DO, NULL);
	sc->side = add_employee(t, 36, MA | DI | WO | DO, NULL);
	sc->locker = add_employee(t, 36, MA | DI | WO | DO, NULL);
	sc->leaver = add_employee(t, 36, MA | DI | WO | DO, "2026-11-20");
	/* Works Fridays, but in the other team. */
	sc->other = add_employee(t2, 36, WORKDAYS_ALL, NULL);

	add_case(t, sc->full, "JGD");   /* 2 h a week */
	add_case(t, sc->part, "HG");    /* 4 */
	add_case(t, sc->sick, "JGD");
	add_case(t, sc->sick, "JGD");   /* 4 */
	add_case(t, sc->leaver, "JGD"); /* 2, and no one to do it */
	add_activity(sc->side, 20);
	add_absence(sc->sick, "2026-12-03", "2026-12-03", 50);
	add_absence(sc->sick, "2026-12-07", "2026-12-20", 100);

	add_block(t, sc->locker, "2026-12-01", PART_MORNING, true);
	/* The current plan: every fillable slot held, all feasibly. */
	add_block(t, sc->side, "2026-12-03", PART_AFTERNOON, false);
	sc->friday_block = add_block(t, 0, "2026-12-04", PART_MORNING, false);
	add_block(t, sc->part, "2026-12-08", PART_MORNING, false);
	add_block(t, sc->locker, "2026-12-10", PART_AFTERNOON, false);
	add_block(t, sc->full, "2026-12-15", PART_MORNING, false);
	add_block(t, sc->side, "2026-12-17", PART_AFTERNOON, false);
	add_block(t, sc->sick, "2026-12-22", PART_MORNING, false);
	add_block(t2, sc->other, "2026-12-04", PART_MORNING, false);
}

static void
assert_after(const struct plan *pl, const char *date, enum part part,
    int64_t want)
{
	const struct plan_slot *sl = slot_at(pl, date, part);

	cr_assert_not_null(sl, "no slot on %s", date);
	cr_assert_eq(sl->after, want, "%s: employee %lld, want %lld", date,
	    (long long)sl->after, (long long)want);
}

Test(planner, team_scenario)
{
	/* Horizon 2026-W49 .. W52 (30 Nov - 27 Dec); holidays Thu 24 and
	 * Fri 25 Dec; block cost 4 + 4 = 8.
	 *
	 * Capacity over the horizon (× 0.9 overhead):
	 *   full, side, locker: 36 h on ma-do, 9 a day; W52 loses Thu 24:
	 *     (36 + 36 + 36 + 27) × 0.9 = 121.5
	 *   part: 16 h on ma,di: 16 × 4 × 0.9 = 57.6
	 *   sick: 32 h on ma-do, 8 a day; Thu 3 Dec at 50 %, W50-W51 at
	 *     100 %, W52 three days: (28 + 0 + 0 + 24) × 0.9 = 46.8
	 *   leaver: left 20 Nov: 0.
	 * Base: full 8, part 16, sick 16, side 80, locker 4 (its locked
	 * block at block hours), leaver 8.
	 *
	 * Slots: Tue 1 Dec is locked; Thu 24 and Fri 25 are holidays, so
	 * Thu 3, Fri 4, Tue 8, Thu 10, Fri 11, Tue 15, Thu 17, Fri 18,
	 * Tue 22: nine, the three Fridays unfillable.
	 * Takers: Thu 3: full, side (sick is 50 % absent, locker has its
	 * week's block, part works no Thursdays). Tue 8 / 15: full, part,
	 * side, locker. Thu 10 / 17: full, side, locker. Tue 22: all five.
	 *
	 * Leximin: side's 80 / 121.5 = 0.658 is the top whatever happens,
	 * so side gets none; then sick 16 / 46.8 = 0.342 and part
	 * 16 / 57.6 = 0.278 stay at none, which full (step 8 / 121.5 =
	 * 0.066 from 0.066) and locker (from 0.033) allow: full takes Thu 3,
	 * full and locker share W50 and W51, and Tue 22 goes to locker
	 * (28 / 121.5 = 0.230 beats full at 40 / 121.5 = 0.329). So full 3,
	 * locker 3: loads 0.658, 0.342, 0.278, 0.263, 0.230.
	 * Fewest changes: W50 keeps locker on Thu 10, W51 keeps full on
	 * Tue 15; Thu 3, Tue 8, Thu 17 and Tue 22 change: 4. */
	struct scenario sc;
	struct plan pl;
	struct err e;
	const struct plan_slot *fri;

	build_scenario(&sc);
	const struct {
		int64_t id;
		double capacity, base;
		int locked, before, after;
	} want[] = {
		{sc.full, 121.5, 8, 0, 1, 3},
		{sc.part, 57.6, 16, 0, 1, 0},
		{sc.sick, 46.8, 16, 0, 1, 0},
		{sc.side, 121.5, 80, 0, 2, 0},
		{sc.locker, 121.5, 4, 1, 1, 3},
		{sc.leaver, 0, 8, 0, 0, 0},
	};
	err_clear(&e);
	cr_assert_eq(planner_propose(&DS, &S, sc.team, D("2026-11-30"), 4, &pl,
	    &e), 0, "%s", e.msg);
	assert_plan_sound(&pl, sc.team);

	cr_assert_eq(pl.first_monday, D("2026-11-30"));
	cr_assert_eq(pl.weeks, 4);
	cr_assert_eq(pl.n_slots, 9);
	cr_assert_eq(pl.n_unfillable, 3);
	cr_assert_null(slot_at(&pl, "2026-12-01", PART_MORNING));
	cr_assert_null(slot_at(&pl, "2026-12-24", PART_AFTERNOON));
	cr_assert_null(slot_at(&pl, "2026-12-25", PART_MORNING));
	assert_after(&pl, "2026-12-03", PART_AFTERNOON, sc.full);
	assert_after(&pl, "2026-12-04", PART_MORNING, 0);
	assert_after(&pl, "2026-12-08", PART_MORNING, sc.full);
	assert_after(&pl, "2026-12-10", PART_AFTERNOON, sc.locker);
	assert_after(&pl, "2026-12-11", PART_MORNING, 0);
	assert_after(&pl, "2026-12-15", PART_MORNING, sc.full);
	assert_after(&pl, "2026-12-17", PART_AFTERNOON, sc.locker);
	assert_after(&pl, "2026-12-18", PART_MORNING, 0);
	assert_after(&pl, "2026-12-22", PART_MORNING, sc.locker);
	cr_assert_eq(pl.n_changes, 4);

	/* The unfilled Friday block stays that block, unchanged. */
	fri = slot_at(&pl, "2026-12-04", PART_MORNING);
	cr_assert_eq(fri->block_id, sc.friday_block);
	cr_assert_eq(fri->before, 0);
	cr_assert_not(fri->changed);
	cr_assert_eq(slot_at(&pl, "2026-12-11", PART_MORNING)->block_id, 0);

	/* Six listed: the five who work and the leaver with a case. */
	cr_assert_eq(pl.n_employees, 6);
	cr_assert_null(employee_in(&pl, sc.other));

	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const struct plan_employee *pe = employee_in(&pl, want[i].id);

		cr_assert_not_null(pe, "employee %lld", (long long)want[i].id);
		ASSERT_HOURS(pe->capacity, want[i].capacity);
		ASSERT_HOURS(pe->base, want[i].base);
		cr_assert_eq(pe->locked_blocks, want[i].locked);
		cr_assert_eq(pe->blocks_before, want[i].before);
		cr_assert_eq(pe->blocks_after, want[i].after);
		cr_assert_eq(pe->has_capacity, want[i].capacity > 0);
	}
	cr_assert(isinf(employee_in(&pl, sc.leaver)->load_before));

	/* Before: side with two blocks, 96 / 121.5; after: side alone. No
	 * plan gets below side's 80 / 121.5, the equal split included. */
	cr_assert_float_eq(pl.max_load_before, 96 / 121.5, EPS);
	cr_assert_float_eq(pl.max_load_after, 80 / 121.5, EPS);
	cr_assert_leq(pl.max_load_after, pl.equal_split_max_load + EPS);
	planner_clear(&pl);
}

Test(planner, sick_weeks_get_no_block)
{
	/* Two 36 h full-timers, Tuesday slots 1, 8, 15, 22 Dec; `sick` is
	 * 100 % absent 7-20 Dec (W50, W51), so `well` takes 8 and 15 Dec.
	 * Capacity (Thu 24, Fri 25 holidays): well (36 × 3 + 21.6) × 0.9 =
	 * 116.64, sick (36 + 21.6) × 0.9 = 51.84. Of 1 and 22 Dec, sick takes
	 * one: well 24 / 116.64 = 0.206 and sick 8 / 51.84 = 0.154, better
	 * than well 4 blocks (0.274) or sick 2 (0.309). */
	int64_t t = add_team("CEN");
	int64_t well = add_employee(t, 36, WORKDAYS_ALL, NULL);
	int64_t sick = add_employee(t, 36, WORKDAYS_ALL, NULL);
	struct plan pl;
	struct err e;

	add_rota(t, 2, PART_MORNING);
	add_absence(sick, "2026-12-07", "2026-12-20", 100);
	cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-11-30"), 4, &pl, &e),
	    0, "%s", e.msg);
	assert_plan_sound(&pl, 0);
	assert_after(&pl, "2026-12-08", PART_MORNING, well);
	assert_after(&pl, "2026-12-15", PART_MORNING, well);
	ASSERT_HOURS(employee_in(&pl, sick)->capacity, 51.84);
	cr_assert_eq(employee_in(&pl, well)->blocks_after, 3);
	cr_assert_eq(employee_in(&pl, sick)->blocks_after, 1);
	planner_clear(&pl);
}

Test(planner, holders_without_capacity_are_listed)
{
	/* Both hold a block of the current plan and have no capacity in the
	 * horizon and no cases: a leaver and someone sick throughout. Their
	 * blocks go to `a`, and the table must show them losing them
	 * (1 -> 0, with a reason), not leave them out. */
	int64_t t = add_team("CEN");
	int64_t a = add_employee(t, 36, WORKDAYS_ALL, NULL);
	int64_t gone = add_employee(t, 36, WORKDAYS_ALL, "2026-11-20");
	int64_t sick = add_employee(t, 36, WORKDAYS_ALL, NULL);
	const struct plan_employee *pe;
	struct plan pl;
	struct err e;

	add_rota(t, 2, PART_MORNING);
	add_absence(sick, "2026-11-01", "2027-01-31", 100);
	add_block(t, gone, "2026-12-01", PART_MORNING, false);
	add_block(t, sick, "2026-12-08", PART_MORNING, false);
	cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-11-30"), 2, &pl, &e),
	    0, "%s", e.msg);
	assert_after(&pl, "2026-12-01", PART_MORNING, a);
	assert_after(&pl, "2026-12-08", PART_MORNING, a);
	cr_assert_eq(pl.n_changes, 2);
	pe = employee_in(&pl, gone);
	cr_assert_not_null(pe, "the leaver who held a block is not listed");
	cr_assert_not(pe->has_capacity);
	cr_assert_eq(pe->blocks_before, 1);
	cr_assert_eq(pe->blocks_after, 0);
	pe = employee_in(&pl, sick);
	cr_assert_not_null(pe, "the sick holder of a block is not listed");
	cr_assert_eq(pe->blocks_before, 1);
	assert_plan_sound(&pl, 0);
	planner_clear(&pl);
}

Test(planner, blocks_of_other_teams_count_toward_the_weekly_cap)
{
	/* `a` holds an (unlocked) intake block of team NRD on Thu 3 Dec,
	 * which this plan for CEN does not move: with one block a week, the
	 * CEN slot on Tue 1 Dec is not for `a` and stays unfillable. */
	int64_t t = add_team("CEN"), t2 = add_team("NRD");
	int64_t a = add_employee(t, 36, WORKDAYS_ALL, NULL);
	struct plan pl;
	struct err e;

	add_rota(t, 2, PART_MORNING);
	add_block(t2, a, "2026-12-03", PART_MORNING, false);
	cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-11-30"), 1, &pl, &e),
	    0, "%s", e.msg);
	assert_after(&pl, "2026-12-01", PART_MORNING, 0);
	assert_plan_sound(&pl, 0);
	planner_clear(&pl);
}

Test(planner, propose_is_deterministic)
{
	struct scenario sc;
	struct plan a, b;
	struct err e;

	build_scenario(&sc);
	cr_assert_eq(planner_propose(&DS, &S, sc.team, D("2026-11-30"), 4, &a,
	    &e), 0);
	cr_assert_eq(planner_propose(&DS, &S, sc.team, D("2026-11-30"), 4, &b,
	    &e), 0);
	cr_assert_eq(a.n_slots, b.n_slots);
	cr_assert_eq(a.n_employees, b.n_employees);
	for (size_t i = 0; i < a.n_slots; i++) {
		const struct plan_slot *x = &a.slots[i], *y = &b.slots[i];

		cr_assert(x->date == y->date && x->part == y->part &&
		    x->block_id == y->block_id && x->before == y->before &&
		    x->after == y->after && x->changed == y->changed,
		    "slot %zu", i);
		cr_assert((x->unfillable_reason == NULL) ==
		    (y->unfillable_reason == NULL));
		if (x->unfillable_reason != NULL)
			cr_assert_str_eq(x->unfillable_reason,
			    y->unfillable_reason);
	}
	for (size_t i = 0; i < a.n_employees; i++) {
		const struct plan_employee *x = &a.employees[i];
		const struct plan_employee *y = &b.employees[i];

		cr_assert(x->index == y->index &&
		    x->blocks_after == y->blocks_after &&
		    x->load_after == y->load_after, "employee %zu", i);
		cr_assert((x->reason == NULL) == (y->reason == NULL));
		if (x->reason != NULL)
			cr_assert_str_eq(x->reason, y->reason);
	}
	cr_assert_eq(a.max_load_after, b.max_load_after);
	cr_assert_eq(a.equal_split_max_load, b.equal_split_max_load);
	planner_clear(&a);
	planner_clear(&b);
}

Test(planner, absence_below_half_does_not_block)
{
	/* One employee, one Tuesday slot (1 Dec 2026), absent that day by
	 * pct: below 50 the slot is theirs, from 50 it is unfillable. */
	static const int pcts[] = {40, 49, 50, 100};
	int64_t t = add_team("CEN");
	int64_t em = add_employee(t, 36, WORKDAYS_ALL, NULL);

	add_rota(t, 2, PART_MORNING);
	add_absence(em, "2026-12-01", "2026-12-01", 40);
	for (size_t i = 0; i < sizeof pcts / sizeof *pcts; i++) {
		struct plan pl;
		struct err e;

		DS.absences[0].percent = pcts[i];
		cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-11-30"), 1,
		    &pl, &e), 0, "%s", e.msg);
		assert_plan_sound(&pl, 0);
		cr_assert_eq(pl.n_slots, 1);
		cr_assert_eq(pl.slots[0].after, pcts[i] < 50 ? em : 0,
		    "absent %d %%", pcts[i]);
		cr_assert_eq(pl.n_unfillable, pcts[i] < 50 ? 0u : 1u);
		planner_clear(&pl);
	}
}

Test(planner, team_without_anyone_lists_every_slot_unfillable)
{
	int64_t t = add_team("CEN");
	struct plan pl;
	struct err e;

	add_rota(t, 1, PART_MORNING);
	add_rota(t, 3, PART_AFTERNOON);
	cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-11-30"), 2, &pl, &e),
	    0, "%s", e.msg);
	assert_plan_sound(&pl, 0);
	cr_assert_eq(pl.n_slots, 4);
	cr_assert_eq(pl.n_unfillable, 4);
	cr_assert_eq(pl.n_employees, 0);
	planner_clear(&pl);
}

Test(planner, bad_horizon_is_refused)
{
	struct plan pl;
	struct err e;

	add_rota(add_team("CEN"), 2, PART_MORNING);
	err_clear(&e);
	cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-11-30"), 0, &pl, &e),
	    -1);
	cr_assert_neq(e.msg[0], '\0');
	err_clear(&e);
	cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-12-01"), 4, &pl, &e),
	    -1, "a Tuesday is no first Monday");
	cr_assert_neq(e.msg[0], '\0');
}

Test(planner, plan_text_neutralises_terminal_escapes)
{
	/* Names that reached the database some other way than the checked
	 * import: the text plan shows U+FFFD for ESC, C1 and bidi controls. */
	int64_t t = add_team("C\x1b[2J");
	int64_t a = add_employee(t, 36, WORKDAYS_ALL, NULL);
	int64_t b = add_employee(t, 36, WORKDAYS_ALL, NULL);
	struct plan pl;
	struct err e;
	char *text;
	size_t len;
	FILE *f;

	snprintf(DS.teams[0].name, sizeof DS.teams[0].name, "\xe2\x80\xaeX");
	snprintf(DS.employees[0].name, sizeof DS.employees[0].name,
	    "A\x1b]0;t\x07");
	snprintf(DS.employees[1].name, sizeof DS.employees[1].name,
	    "B\xc2\x9b" "1m");
	add_rota(t, 2, PART_MORNING);
	add_block(t, a, "2026-12-01", PART_MORNING, false);
	add_block(t, a, "2026-12-08", PART_MORNING, false);
	(void)b;
	cr_assert_eq(planner_propose(&DS, &S, 0, D("2026-11-30"), 2, &pl, &e),
	    0, "%s", e.msg);
	f = open_memstream(&text, &len);
	cr_assert_eq(report_plan(f, REPORT_TEXT, &DS, &pl, &e), 0, "%s",
	    e.msg);
	fclose(f);
	cr_assert_null(strchr(text, '\x1b'), "%s", text);
	cr_assert_null(strchr(text, '\x07'), "%s", text);
	cr_assert_null(strstr(text, "\xc2\x9b"), "%s", text);
	cr_assert_null(strstr(text, "\xe2\x80\xae"), "%s", text);
	cr_assert_not_null(strstr(text, "A\xef\xbf\xbd]0;t\xef\xbf\xbd"), "%s",
	    text);
	free(text);
	planner_clear(&pl);
}
