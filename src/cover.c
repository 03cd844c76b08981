/* cover: see include/cover.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cover.h"
#include "xmem.h"

/* Loads within this are equal: sums of hours in another order differ in
 * the last bits. */
#define EPS 1e-9

static int
cmp_desc(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a < b) - (a > b);
}

/* Leximin order of two load vectors sorted highest first: < 0 when a is
 * better (lower at the first place they differ). */
static int
leximin(const double *a, const double *b, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (a[k] > b[k] + EPS)
			return 1;
		if (a[k] < b[k] - EPS)
			return -1;
	}
	return 0;
}

/* The colleagues' loads under assignment, sorted highest first. */
static void
sorted_loads(const struct cover_problem *p, const int *assignment,
    double *out)
{
	for (size_t k = 0; k < p->n_colleagues; k++)
		out[k] = p->demand[k];
	for (size_t c = 0; c < p->n_cases; c++)
		if (assignment[c] >= 0)
			out[assignment[c]] += p->hours[c];
	for (size_t k = 0; k < p->n_colleagues; k++)
		out[k] /= p->capacity[k];
	qsort(out, p->n_colleagues, sizeof *out, cmp_desc);
}

double
cover_max_load(const struct cover_problem *p, const int *assignment)
{
	double *loads = xcalloc(p->n_colleagues + 1, sizeof *loads);
	double max = 0;

	sorted_loads(p, assignment, loads);
	if (p->n_colleagues > 0)
		max = loads[0];
	free(loads);
	return max;
}

static size_t
placed(const struct cover_problem *p, const int *assignment)
{
	size_t n = 0;

	for (size_t c = 0; c < p->n_cases; c++)
		n += assignment[c] >= 0;
	return n;
}

/* How many (case, receiver) pairs are distinct per key: Σ over the keys
 * of the number of receivers its placed cases went to. key < 0 or an
 * origin of 0 does not count. */
static size_t
spread(const struct cover_problem *p, const int *assignment, bool by_type)
{
	size_t n = 0;

	for (size_t c = 0; c < p->n_cases; c++) {
		if (assignment[c] < 0 || (!by_type && p->origin[c] == 0))
			continue;
		bool seen = false; /* this key and receiver, earlier */
		for (size_t d = 0; d < c && !seen; d++)
			seen = assignment[d] == assignment[c] && (by_type
			    ? p->type[d] == p->type[c]
			    : p->origin[d] == p->origin[c]);
		n += !seen;
	}
	return n;
}

int
cover_compare(const struct cover_problem *p, const int *a, const int *b)
{
	size_t na = placed(p, a), nb = placed(p, b);
	double *la, *lb;
	int c;

	if (na != nb)
		return na > nb ? -1 : 1;
	la = xcalloc(p->n_colleagues + 1, sizeof *la);
	lb = xcalloc(p->n_colleagues + 1, sizeof *lb);
	sorted_loads(p, a, la);
	sorted_loads(p, b, lb);
	c = leximin(la, lb, p->n_colleagues);
	free(la);
	free(lb);
	if (c != 0)
		return c;
	size_t ta = spread(p, a, true), tb = spread(p, b, true);
	if (ta != tb)
		return ta < tb ? -1 : 1;
	size_t oa = spread(p, a, false), ob = spread(p, b, false);
	if (oa != ob)
		return oa < ob ? -1 : 1;
	for (size_t i = 0; i < p->n_cases; i++) {
		/* not placed sorts after any colleague */
		unsigned long x = (unsigned long)a[i], y = (unsigned long)b[i];
		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

/* --- the branch and bound --- */

struct search {
	const struct cover_problem *p;
	size_t *class;  /* [k]: the first colleague exactly like k (capacity,
			 * demand, who may take what): interchangeable */
	size_t *order;  /* cases, heaviest first */
	double *demand; /* [k] now */
	int *count;     /* [k] cases taken now */
	int *cur, *best, *leaf;
	bool have_best;
	size_t best_placed;
	double *best_loads, *loads; /* sorted highest first */
	size_t *cand;   /* [depth * n_colleagues]: the colleagues to try */
	long nodes, limit;
	bool cut;
};

/* The loads now, sorted highest first, into s->loads. */
static void
current_loads(struct search *s)
{
	const struct cover_problem *p = s->p;

	for (size_t k = 0; k < p->n_colleagues; k++)
		s->loads[k] = s->demand[k] / p->capacity[k];
	qsort(s->loads, p->n_colleagues, sizeof *s->loads, cmp_desc);
}

/* Relabel interchangeable colleagues so the first case any of a class
 * takes goes to its lowest index, the next new one to the next: of the
 * assignments that differ only so, the one the last tie-break prefers. */
static void
canonical(const struct search *s, int *assignment)
{
	const struct cover_problem *p = s->p;
	size_t m = p->n_colleagues;
	long *map = xcalloc(m + 1, sizeof *map);
	size_t *next = xcalloc(m + 1, sizeof *next); /* per class: the next */

	for (size_t k = 0; k < m; k++) {
		map[k] = -1;
		next[k] = s->class[k] == k ? k : 0;
	}
	for (size_t c = 0; c < p->n_cases; c++) {
		int k = assignment[c];
		if (k < 0)
			continue;
		if (map[k] < 0) {
			size_t cl = s->class[k], to = next[cl];
			map[k] = (long)to;
			/* the class's next member after to */
			for (to++; to < m && s->class[to] != cl; to++)
				;
			next[cl] = to;
		}
		assignment[c] = (int)map[k];
	}
	free(map);
	free(next);
}

static void
keep_if_better(struct search *s)
{
	const struct cover_problem *p = s->p;

	/* a copy: cur is the search's own state */
	memcpy(s->leaf, s->cur, (p->n_cases + 1) * sizeof *s->leaf);
	canonical(s, s->leaf);
	if (s->have_best && cover_compare(p, s->leaf, s->best) >= 0)
		return;
	memcpy(s->best, s->leaf, (p->n_cases + 1) * sizeof *s->best);
	s->have_best = true;
	s->best_placed = placed(p, s->best);
	sorted_loads(p, s->best, s->best_loads);
}

struct raise_ctx {
	const struct search *s;
	size_t c;
};

/* The colleague case c raises least first, then by index. */
static int
by_raise(const void *pa, const void *pb, void *arg)
{
	const struct raise_ctx *x = arg;
	const struct search *s = x->s;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	double h = s->p->hours[x->c];
	double la = (s->demand[a] + h) / s->p->capacity[a];
	double lb = (s->demand[b] + h) / s->p->capacity[b];

	if (fabs(la - lb) > EPS)
		return la < lb ? -1 : 1;
	return (a > b) - (a < b);
}

static void
search(struct search *s, size_t depth, size_t n_placed)
{
	const struct cover_problem *p = s->p;
	size_t left = p->n_cases - depth;

	if (s->cut || ++s->nodes > s->limit) {
		s->cut = true;
		return;
	}
	if (s->have_best) {
		/* too few can still be placed; or all that must be placed
		 * are, and the loads are already worse than the best's */
		if (n_placed + left < s->best_placed)
			return;
		if (n_placed + left == s->best_placed) {
			current_loads(s);
			if (leximin(s->loads, s->best_loads,
			    p->n_colleagues) > 0)
				return;
		}
	}
	if (depth == p->n_cases) {
		keep_if_better(s);
		return;
	}
	size_t c = s->order[depth], n = 0;
	size_t *cand = &s->cand[depth * (p->n_colleagues + 1)];
	for (size_t k = 0; k < p->n_colleagues; k++) {
		if (!p->eligible[c * p->n_colleagues + k] ||
		    (p->max_each > 0 && s->count[k] >= p->max_each))
			continue;
		/* a twin that, like k, holds nothing yet was tried: nothing
		 * new there (once they hold cases, which ones matters for
		 * the tie-breaks) */
		bool twin = false;
		for (size_t i = 0; i < n && !twin && s->count[k] == 0; i++)
			twin = s->class[cand[i]] == s->class[k] &&
			    s->count[cand[i]] == 0;
		if (!twin)
			cand[n++] = k;
	}
	struct raise_ctx x = { s, c };
	qsort_r(cand, n, sizeof *cand, by_raise, &x);
	for (size_t i = 0; i < n; i++) {
		size_t k = cand[i];
		s->cur[c] = (int)k;
		s->demand[k] += p->hours[c];
		s->count[k]++;
		search(s, depth + 1, n_placed + 1);
		s->demand[k] -= p->hours[c];
		s->count[k]--;
	}
	s->cur[c] = -1; /* not placed: the waiting list */
	search(s, depth + 1, n_placed);
}

static int
heaviest_first(const void *pa, const void *pb, void *arg)
{
	const struct cover_problem *p = arg;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	double ha = p->hours[a], hb = p->hours[b];

	if (ha != hb)
		return ha > hb ? -1 : 1;
	return (a > b) - (a < b);
}

/* The water level L at which the colleagues below it absorb w hours:
 * Σ max(0, L·capacity − demand) = w. With the cases split at will and
 * given to anyone, no one would end higher: a bound on the best. */
static double
water_level(const struct cover_problem *p, double w)
{
	double lo = 0, hi = 1;

	for (size_t k = 0; k < p->n_colleagues; k++) {
		double l = (p->demand[k] + w) / p->capacity[k];
		if (l > hi)
			hi = l;
	}
	for (int i = 0; i < 200; i++) {
		double mid = (lo + hi) / 2, room = 0;
		for (size_t k = 0; k < p->n_colleagues; k++)
			room += fmax(0, mid * p->capacity[k] - p->demand[k]);
		if (room >= w)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* A bound on the highest load among those who take a case (taking) or
 * over everyone. */
static double
lower_bound(const struct cover_problem *p, size_t n_placed, bool taking)
{
	double bound = 0, w = 0;
	size_t *light = xcalloc(p->n_cases + 1, sizeof *light);

	for (size_t k = 0; k < p->n_colleagues && !taking; k++)
		bound = fmax(bound, p->demand[k] / p->capacity[k]);
	/* the n_placed lightest cases must land somewhere: if every taker
	 * stayed below the level, they would absorb less than that */
	for (size_t c = 0; c < p->n_cases; c++)
		light[c] = c;
	qsort_r(light, p->n_cases, sizeof *light, heaviest_first,
	    (void *)p);
	for (size_t i = p->n_cases - n_placed; i < p->n_cases; i++)
		w += p->hours[light[i]];
	if (n_placed > 0)
		bound = fmax(bound, water_level(p, w));
	/* when every case is placed, each lands on someone who may take it */
	for (size_t c = 0; n_placed == p->n_cases && c < p->n_cases; c++) {
		double least = INFINITY;
		for (size_t k = 0; k < p->n_colleagues; k++)
			if (p->eligible[c * p->n_colleagues + k])
				least = fmin(least, (p->demand[k] +
				    p->hours[c]) / p->capacity[k]);
		if (isfinite(least))
			bound = fmax(bound, least);
	}
	free(light);
	return bound;
}

void
cover_solve(const struct cover_problem *p, int *assignment,
    struct cover_result *r)
{
	struct search s = { .p = p };
	size_t n = p->n_cases, m = p->n_colleagues;

	s.order = xcalloc(n + 1, sizeof *s.order);
	s.demand = xcalloc(m + 1, sizeof *s.demand);
	s.count = xcalloc(m + 1, sizeof *s.count);
	s.cur = xcalloc(n + 1, sizeof *s.cur);
	s.best = xcalloc(n + 1, sizeof *s.best);
	s.leaf = xcalloc(n + 1, sizeof *s.leaf);
	s.best_loads = xcalloc(m + 1, sizeof *s.best_loads);
	s.loads = xcalloc(m + 1, sizeof *s.loads);
	s.cand = xcalloc((n + 1) * (m + 1), sizeof *s.cand);
	s.limit = p->node_limit > 0 ? p->node_limit : COVER_NODE_LIMIT;
	for (size_t c = 0; c < n; c++) {
		s.order[c] = c;
		s.cur[c] = s.best[c] = -1;
	}
	s.class = xcalloc(m + 1, sizeof *s.class);
	for (size_t k = 0; k < m; k++) {
		s.demand[k] = p->demand[k];
		s.class[k] = k;
		for (size_t j = 0; j < k && s.class[k] == k; j++) {
			bool same = p->demand[j] == p->demand[k] &&
			    p->capacity[j] == p->capacity[k];
			for (size_t c = 0; c < n && same; c++)
				same = p->eligible[c * m + j] ==
				    p->eligible[c * m + k];
			if (same)
				s.class[k] = j;
		}
	}
	qsort_r(s.order, n, sizeof *s.order, heaviest_first, (void *)p);
	search(&s, 0, 0);

	memcpy(assignment, s.best, n * sizeof *assignment);
	memset(r, 0, sizeof *r);
	r->n_placed = placed(p, s.best);
	r->max_load = cover_max_load(p, s.best);
	r->lower_bound = fmin(lower_bound(p, r->n_placed, false), r->max_load);
	r->taking_max = 0;
	for (size_t c = 0; c < n; c++)
		if (s.best[c] >= 0) {
			double load = p->demand[s.best[c]];
			for (size_t d = 0; d < n; d++)
				if (s.best[d] == s.best[c])
					load += p->hours[d];
			r->taking_max = fmax(r->taking_max,
			    load / p->capacity[s.best[c]]);
		}
	r->taking_bound = r->n_placed > 0 ? fmin(lower_bound(p, r->n_placed,
	    true), r->taking_max) : 0;
	r->exact = !s.cut;
	r->nodes = s.nodes;
	free(s.class);
	free(s.order);
	free(s.demand);
	free(s.count);
	free(s.cur);
	free(s.best);
	free(s.leaf);
	free(s.best_loads);
	free(s.loads);
	free(s.cand);
}
