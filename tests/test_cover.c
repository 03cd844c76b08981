/* cover: the branch and bound against exhaustive search on many small
 * random instances — weights, disciplines (who may take what), receivers
 * already loaded or absent part of the period (demand, capacity), a cap
 * per colleague — and what every answer must be: feasible, deterministic,
 * not below its lower bound. */
#include <math.h>

#include "cover.h"
#include "testutil.h"

/* A small xorshift: the same instances on every machine. */
static uint64_t seed = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

struct instance {
	struct cover_problem p;
	double hours[16], demand[8], capacity[8];
	bool eligible[16 * 8];
	int type[16];
	int64_t origin[16];
};

static void
make(struct instance *in, size_t n, size_t m, int max_each)
{
	static const double weights[] = { 1.0, 1.5, 2.0, 3.0, 3.5, 4.0 };

	memset(in, 0, sizeof *in);
	for (size_t c = 0; c < n; c++) {
		in->type[c] = (int)rnd(4);
		/* the weight of the type, in its phase, over a 2-4 week
		 * period */
		in->hours[c] = weights[in->type[c]] * (0.5 + 0.5 * rnd(3)) *
		    (2 + rnd(3));
		in->origin[c] = rnd(3) == 0 ? 0 : 1 + rnd(3);
	}
	for (size_t k = 0; k < m; k++) {
		/* some part-time or absent part of the period */
		in->capacity[k] = 20 + 5 * rnd(12);
		in->demand[k] = in->capacity[k] * (0.6 + 0.1 * rnd(7));
		/* a discipline: type 3 only for disciplines 0 and 1 */
		unsigned discipline = rnd(3);
		for (size_t c = 0; c < n; c++)
			in->eligible[c * m + k] = in->type[c] != 3 ||
			    discipline < 2;
	}
	/* now and then two colleagues exactly alike */
	if (m >= 2 && rnd(3) == 0) {
		in->capacity[1] = in->capacity[0];
		in->demand[1] = in->demand[0];
		for (size_t c = 0; c < n; c++)
			in->eligible[c * m + 1] = in->eligible[c * m];
	}
	in->p = (struct cover_problem){ .n_cases = n, .n_colleagues = m,
		.hours = in->hours, .eligible = in->eligible,
		.type = in->type, .origin = in->origin, .demand = in->demand,
		.capacity = in->capacity, .max_each = max_each };
}

static bool
feasible(const struct cover_problem *p, const int *a)
{
	int count[8] = { 0 };

	for (size_t c = 0; c < p->n_cases; c++) {
		if (a[c] < 0)
			continue;
		if ((size_t)a[c] >= p->n_colleagues ||
		    !p->eligible[c * p->n_colleagues + (size_t)a[c]])
			return false;
		count[a[c]]++;
	}
	for (size_t k = 0; k < p->n_colleagues; k++)
		if (p->max_each > 0 && count[k] > p->max_each)
			return false;
	return true;
}

/* Every assignment (each case to a colleague or to nobody), the best by
 * cover_compare. */
static void
exhaustive(const struct cover_problem *p, int *best)
{
	int a[16];
	bool have = false;
	size_t n = p->n_cases, m = p->n_colleagues;

	for (size_t c = 0; c < n; c++)
		a[c] = -1;
	for (;;) {
		if (feasible(p, a) && (!have || cover_compare(p, a, best) < 0)) {
			memcpy(best, a, n * sizeof *a);
			have = true;
		}
		size_t c = 0; /* the next assignment, as an odometer */
		while (c < n && a[c] == (int)m - 1)
			a[c++] = -1;
		if (c == n)
			break;
		a[c]++;
	}
}

static void
check(size_t n, size_t m, int max_each, int rounds)
{
	struct instance in;
	int got[16], again[16], want[16];
	struct cover_result r, r2;

	for (int i = 0; i < rounds; i++) {
		make(&in, n, m, max_each);
		cover_solve(&in.p, got, &r);
		cr_assert(r.exact, "%zu cases, %zu colleagues: not finished",
		    n, m);
		cr_assert(feasible(&in.p, got));
		exhaustive(&in.p, want);
		for (size_t c = 0; c < n; c++)
			cr_assert_eq(got[c], want[c], "%zu cases, %zu "
			    "colleagues, max %d, round %d: case %zu to %d, "
			    "the best gives it to %d (max load %.4f vs %.4f)",
			    n, m, max_each, i, c, got[c], want[c],
			    cover_max_load(&in.p, got),
			    cover_max_load(&in.p, want));
		cr_assert_leq(r.lower_bound, r.max_load + 1e-12);
		cr_assert_float_eq(r.max_load, cover_max_load(&in.p, got),
		    1e-12);
		cover_solve(&in.p, again, &r2); /* deterministic */
		cr_assert_arr_eq(got, again, n * sizeof *got);
	}
}

Test(cover, exact_against_exhaustive_search_few_colleagues)
{
	check(12, 1, 0, 3);
	check(12, 2, 0, 4);
	check(10, 3, 0, 4);
	check(9, 3, 4, 4);
}

Test(cover, exact_against_exhaustive_search_many_colleagues)
{
	check(7, 6, 0, 3);
	check(7, 5, 2, 4);
	check(8, 4, 0, 4);
	check(5, 6, 1, 6);
	check(3, 2, 1, 10); /* a cap that leaves cases unplaced */
}

Test(cover, nobody_may_take_a_case_leaves_it_unplaced)
{
	struct instance in;
	int got[16];
	struct cover_result r;

	make(&in, 4, 3, 0);
	for (size_t k = 0; k < 3; k++)
		in.eligible[2 * 3 + k] = false; /* case 2: nobody */
	cover_solve(&in.p, got, &r);
	cr_assert_eq(got[2], -1);
	cr_assert_eq(r.n_placed, 3);
	/* nobody at all */
	in.p.n_colleagues = 0;
	cover_solve(&in.p, got, &r);
	cr_assert_eq(r.n_placed, 0);
	for (size_t c = 0; c < 4; c++)
		cr_assert_eq(got[c], -1);
}

Test(cover, a_real_size_stops_at_its_limit_with_a_bound)
{
	/* 30 cases over 20 colleagues: far past exhaustive search */
	static double hours[30], demand[20], capacity[20];
	static bool eligible[30 * 20];
	static int type[30];
	static int64_t origin[30];
	int got[30];
	struct cover_result r;

	for (size_t c = 0; c < 30; c++) {
		hours[c] = 2 + (double)rnd(12);
		type[c] = (int)rnd(5);
	}
	for (size_t k = 0; k < 20; k++) {
		capacity[k] = 100 + 10 * rnd(20);
		demand[k] = capacity[k] * (0.8 + 0.02 * rnd(20));
	}
	for (size_t i = 0; i < 30 * 20; i++)
		eligible[i] = true;
	struct cover_problem p = { .n_cases = 30, .n_colleagues = 20,
		.hours = hours, .eligible = eligible, .type = type,
		.origin = origin, .demand = demand, .capacity = capacity,
		.node_limit = 20000 };
	cover_solve(&p, got, &r);
	cr_assert_eq(r.n_placed, 30);
	cr_assert_leq(r.nodes, 20001);
	cr_assert_leq(r.lower_bound, r.max_load);
	/* the heaviest-first, least-raise descent is already close */
	cr_assert_leq(r.max_load, r.lower_bound * 1.05, "max %.4f bound %.4f",
	    r.max_load, r.lower_bound);
}
