/* planner: see include/planner.h.
 *
 * Why successive shortest paths give the leximin optimum: the degree vectors
 * (blocks per employee) of the maximum flows form an M-convex set, and
 * "leximin in load_e(n_e)" equals minimising sum_e phi(load_e(n_e)) for a
 * steep enough convex phi — a separable convex cost on the employee -> sink
 * arcs. Successive shortest paths yields a min-cost maximum flow for such
 * costs. Every augmenting path crosses exactly one employee -> sink arc, so
 * comparing two paths compares one next-block load with another (and phi
 * keeps that order): the flow can be computed with the loads themselves, with
 * the number of changed slots as the second key. A second pass, with the
 * block counts fixed, keeps the fewest changes and spreads each employee's
 * blocks over the horizon. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "planner.h"
#include "workload.h"
#include "xmem.h"

/* Loads closer than this are equal (ties go to the second key). */
#define LOAD_EPS 1e-9
/* Phase 2 cost: changes dominate spread. */
#define CHANGE_COST 1000000L

double
planner_load(const struct plan_problem *p, size_t e, int n)
{
	double demand = p->base[e] + n * p->block_cost;

	return workload_load(demand, p->capacity[e]);
}

/* --- a small residual graph for min-cost flow --- */

struct arc {
	int to, cap;
	long cost;
	int rev; /* index of the reverse arc in arcs[to] */
};

struct graph {
	int n;
	struct arc **arcs;
	int *n_arcs, *cap_arcs;
};

static void
graph_init(struct graph *g, int n)
{
	g->n = n;
	g->arcs = xcalloc((size_t)n, sizeof *g->arcs);
	g->n_arcs = xcalloc((size_t)n, sizeof *g->n_arcs);
	g->cap_arcs = xcalloc((size_t)n, sizeof *g->cap_arcs);
}

static void
graph_clear(struct graph *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->arcs[i]);
	free(g->arcs);
	free(g->n_arcs);
	free(g->cap_arcs);
}

static void
push_arc(struct graph *g, int from, struct arc a)
{
	if (g->n_arcs[from] == g->cap_arcs[from]) {
		g->cap_arcs[from] = g->cap_arcs[from] ? g->cap_arcs[from] * 2 : 4;
		g->arcs[from] = xreallocarray(g->arcs[from],
		    (size_t)g->cap_arcs[from], sizeof *g->arcs[from]);
	}
	g->arcs[from][g->n_arcs[from]++] = a;
}

static void
add_arc(struct graph *g, int from, int to, int cap, long cost)
{
	push_arc(g, from, (struct arc){ to, cap, cost, g->n_arcs[to] });
	push_arc(g, to, (struct arc){ from, 0, -cost, g->n_arcs[from] - 1 });
}

/* Shortest distances from src over arcs with room (SPFA: costs may be
 * negative, cycles are not). parent_arc[v] = index of the arc into v in
 * arcs[parent[v]]. The sink is not expanded: paths end there. */
static void
shortest_paths(const struct graph *g, int src, int sink, long *dist,
    int *parent, int *parent_arc)
{
	int *queue = xmalloc(sizeof *queue * (size_t)(g->n + 1));
	bool *queued = xcalloc((size_t)g->n, sizeof *queued);
	int head = 0, tail = 0, len = 0;

	for (int v = 0; v < g->n; v++) {
		dist[v] = LONG_MAX;
		parent[v] = -1;
	}
	dist[src] = 0;
	queue[tail++] = src;
	len = 1;
	queued[src] = true;
	while (len > 0) {
		int u = queue[head];
		head = (head + 1) % (g->n + 1);
		len--;
		queued[u] = false;
		if (u == sink)
			continue;
		for (int i = 0; i < g->n_arcs[u]; i++) {
			const struct arc *a = &g->arcs[u][i];
			if (a->cap <= 0 || dist[u] + a->cost >= dist[a->to])
				continue;
			dist[a->to] = dist[u] + a->cost;
			parent[a->to] = u;
			parent_arc[a->to] = i;
			if (!queued[a->to]) {
				queue[tail] = a->to;
				tail = (tail + 1) % (g->n + 1);
				len++;
				queued[a->to] = true;
			}
		}
	}
	free(queue);
	free(queued);
}

static void
augment(struct graph *g, int target, const int *parent, const int *parent_arc)
{
	for (int v = target; parent[v] >= 0; v = parent[v]) {
		struct arc *a = &g->arcs[parent[v]][parent_arc[v]];
		a->cap--;
		g->arcs[v][a->rev].cap++;
	}
}

/* Node numbering: source, sink, slots, employee-weeks, employees. */
struct layout {
	int source, sink, slot0, week0, emp0, n;
	size_t n_weeks;
};

static struct layout
layout_of(const struct plan_problem *p)
{
	struct layout l;

	l.source = 0;
	l.sink = 1;
	l.slot0 = 2;
	l.week0 = l.slot0 + (int)p->n_slots;
	l.emp0 = l.week0 + (int)(p->n_employees * p->n_weeks);
	l.n = l.emp0 + (int)p->n_employees;
	l.n_weeks = p->n_weeks;
	return l;
}

/* The network without employee -> sink arcs. slot_cost(p, slot, e) prices
 * giving slot to e; a slot someone holds now earns `kept` when used. */
static void
build_network(const struct plan_problem *p, const struct layout *l,
    struct graph *g, long kept, const long *spread)
{
	graph_init(g, l->n);
	for (size_t s = 0; s < p->n_slots; s++)
		add_arc(g, l->source, l->slot0 + (int)s, 1,
		    p->current[s] >= 0 ? -kept : 0);
	for (size_t s = 0; s < p->n_slots; s++) {
		size_t w = (size_t)p->slot_week[s];
		for (size_t e = 0; e < p->n_employees; e++) {
			long cost;
			if (!p->eligible[s * p->n_employees + e] ||
			    p->week_cap[e * p->n_weeks + w] <= 0)
				continue;
			cost = p->current[s] == (int)e ? 0 : kept;
			if (spread)
				cost += spread[e * p->n_weeks + w];
			add_arc(g, l->slot0 + (int)s,
			    l->week0 + (int)(e * p->n_weeks + w), 1, cost);
		}
	}
	for (size_t e = 0; e < p->n_employees; e++)
		for (size_t w = 0; w < p->n_weeks; w++) {
			int cap = p->week_cap[e * p->n_weeks + w];
			if (cap > 0)
				add_arc(g, l->week0 + (int)(e * p->n_weeks + w),
				    l->emp0 + (int)e, cap, 0);
		}
}

/* Read the assignment off the flow: the slot -> employee-week arc in use. */
static void
read_assignment(const struct plan_problem *p, const struct layout *l,
    const struct graph *g, int *assignment)
{
	for (size_t s = 0; s < p->n_slots; s++) {
		int node = l->slot0 + (int)s;
		assignment[s] = -1;
		for (int i = 0; i < g->n_arcs[node]; i++) {
			const struct arc *a = &g->arcs[node][i];
			if (a->to >= l->week0 && a->to < l->emp0 && a->cap == 0)
				assignment[s] = (a->to - l->week0) /
				    (int)p->n_weeks;
		}
	}
}

/* Is giving the next block to a cheaper than giving it to b? The exact cost
 * is phi(load after) - phi(load now) for a steep phi: so the lower load after
 * wins; at equal loads after, the higher load now (a smaller step); then
 * fewer changes (dist); then the lower index, for determinism. */
static bool
cheaper(const struct plan_problem *p, const int *count, const long *dist,
    const struct layout *l, size_t a, size_t b)
{
	double next_a = planner_load(p, a, count[a] + 1);
	double next_b = planner_load(p, b, count[b] + 1);
	double now_a = planner_load(p, a, count[a]);
	double now_b = planner_load(p, b, count[b]);

	if (next_a < next_b - LOAD_EPS || next_a > next_b + LOAD_EPS)
		return next_a < next_b;
	if (now_a < now_b - LOAD_EPS || now_a > now_b + LOAD_EPS)
		return now_a > now_b;
	if (dist[l->emp0 + (int)a] != dist[l->emp0 + (int)b])
		return dist[l->emp0 + (int)a] < dist[l->emp0 + (int)b];
	return a < b;
}

/* Phase 1: most slots, leximin loads, fewest changes. Fills count[e]. */
static void
solve_leximin(const struct plan_problem *p, const struct layout *l, int *count)
{
	struct graph g;
	long *dist = xcalloc((size_t)l->n, sizeof *dist);
	int *parent = xcalloc((size_t)l->n, sizeof *parent);
	int *parent_arc = xcalloc((size_t)l->n, sizeof *parent_arc);

	build_network(p, l, &g, 1, NULL);
	memset(count, 0, p->n_employees * sizeof *count);
	for (;;) {
		long best = -1;
		shortest_paths(&g, l->source, l->sink, dist, parent, parent_arc);
		for (size_t e = 0; e < p->n_employees; e++)
			if (dist[l->emp0 + (int)e] != LONG_MAX &&
			    (best < 0 || cheaper(p, count, dist, l, e,
			    (size_t)best)))
				best = (long)e;
		if (best < 0)
			break;
		augment(&g, l->emp0 + (int)best, parent, parent_arc);
		count[best]++;
	}
	graph_clear(&g);
	free(dist);
	free(parent);
	free(parent_arc);
}

/* Spread: how far (in tenths of a week) week w is from the nearest of the n
 * evenly spaced weeks of an employee who is number rank of size employees
 * with n blocks. Staggering equals by rank makes them take turns instead of
 * all aiming at the same weeks. */
static long
spread_cost(int n, int rank, int size, size_t h, size_t w)
{
	double step = (double)h / n, best = 1e9;

	for (int k = 0; k < n; k++) {
		double ideal = (k + (rank + 0.5) / size) * step;
		double d = fabs((double)w + 0.5 - ideal);
		if (d < best)
			best = d;
	}
	return lround(best * 10);
}

/* Phase 2: the same block counts, fewest changes, then even spread. */
static void
solve_assignment(const struct plan_problem *p, const struct layout *l,
    const int *count, int *assignment)
{
	struct graph g;
	long *spread = xcalloc(p->n_employees * p->n_weeks + 1, sizeof *spread);
	long *dist = xcalloc((size_t)l->n, sizeof *dist);
	int *parent = xcalloc((size_t)l->n, sizeof *parent);
	int *parent_arc = xcalloc((size_t)l->n, sizeof *parent_arc);

	for (size_t e = 0; e < p->n_employees; e++) {
		int rank = 0, size = 0;
		for (size_t o = 0; o < p->n_employees; o++)
			if (count[o] == count[e]) {
				rank += o < e;
				size++;
			}
		for (size_t w = 0; w < p->n_weeks && count[e] > 0; w++)
			spread[e * p->n_weeks + w] = spread_cost(count[e], rank,
			    size, p->n_weeks, w);
	}
	build_network(p, l, &g, CHANGE_COST, spread);
	for (size_t e = 0; e < p->n_employees; e++)
		if (count[e] > 0)
			add_arc(&g, l->emp0 + (int)e, l->sink, count[e], 0);
	for (;;) {
		shortest_paths(&g, l->source, l->sink, dist, parent, parent_arc);
		if (dist[l->sink] == LONG_MAX)
			break;
		augment(&g, l->sink, parent, parent_arc);
	}
	read_assignment(p, l, &g, assignment);
	graph_clear(&g);
	free(spread);
	free(dist);
	free(parent);
	free(parent_arc);
}

void
planner_solve(const struct plan_problem *p, int *assignment)
{
	struct layout l = layout_of(p);
	int *count = xcalloc(p->n_employees + 1, sizeof *count);

	solve_leximin(p, &l, count);
	solve_assignment(p, &l, count, assignment);
	free(count);
}

void
planner_equal_split(const struct plan_problem *p, int *assignment)
{
	int *used = xcalloc(p->n_employees * p->n_weeks + 1, sizeof *used);
	size_t next = 0;

	for (size_t s = 0; s < p->n_slots; s++) {
		size_t w = (size_t)p->slot_week[s];
		assignment[s] = -1;
		for (size_t k = 0; k < p->n_employees; k++) {
			size_t e = (next + k) % p->n_employees;
			size_t ew = e * p->n_weeks + w;
			if (!p->eligible[s * p->n_employees + e] ||
			    used[ew] >= p->week_cap[ew])
				continue;
			assignment[s] = (int)e;
			used[ew]++;
			next = e + 1;
			break;
		}
	}
	free(used);
}

static int
by_load_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y) - (x > y);
}

size_t
planner_sorted_loads(const struct plan_problem *p, const int *assignment,
    double *loads)
{
	int *count = xcalloc(p->n_employees + 1, sizeof *count);
	size_t n = 0;

	for (size_t s = 0; s < p->n_slots; s++)
		if (assignment[s] >= 0)
			count[assignment[s]]++;
	for (size_t e = 0; e < p->n_employees; e++)
		if (p->capacity[e] > 0)
			loads[n++] = planner_load(p, e, count[e]);
	qsort(loads, n, sizeof *loads, by_load_desc);
	free(count);
	return n;
}

/* --- the team plan --- */

/* Everything planner_propose gathers about the team's horizon. */
struct horizon {
	const struct dataset *d;
	const struct settings *s;
	int64_t team_id;
	int first, weeks;
	long *members; /* dataset employee indexes */
	size_t n_members;
	long *member_of; /* [employee index] -> member index or -1 */
	int *fixed;      /* [m * weeks + w] blocks this plan does not move */
	int *absent;     /* [m * 7 * weeks + day] largest absence percentage */
	/* cover: only these blocks move, no empty slot is filled; NULL: all
	 * unlocked blocks of the team and every rota slot */
	const int64_t *only;
	size_t n_only;
};

static int
week_index(const struct horizon *h, int date)
{
	return (date - h->first) / 7;
}

static bool
in_horizon(const struct horizon *h, int date)
{
	return date >= h->first && date < h->first + 7 * h->weeks;
}

/* May this plan give block b to someone else? */
static bool
is_movable(const struct horizon *h, const struct block *b)
{
	if (b->locked || b->team_id != h->team_id || !in_horizon(h, b->date))
		return false;
	if (h->only == NULL)
		return true;
	for (size_t i = 0; i < h->n_only; i++)
		if (h->only[i] == b->id)
			return true;
	return false;
}

/* The largest absence percentage of each member on each day of the horizon,
 * in one pass over the absences (not one per slot and member). */
static void
collect_absences(struct horizon *h)
{
	size_t days = 7 * (size_t)h->weeks;

	h->absent = xcalloc(h->n_members * days + 1, sizeof *h->absent);
	for (size_t i = 0; i < h->d->n_absences; i++) {
		const struct absence *a = &h->d->absences[i];
		long em = dataset_employee_index(h->d, a->employee_id), m;
		if (em < 0 || (m = h->member_of[em]) < 0)
			continue;
		for (size_t day = 0; day < days; day++) {
			int date = h->first + (int)day;
			int *pct = &h->absent[(size_t)m * days + day];
			if (date >= a->start && date <= a->end && a->percent > *pct)
				*pct = a->percent;
		}
	}
}

/* Why member m cannot take a slot on date (NULL when they can). */
static const char *
ineligible_reason(const struct horizon *h, const struct plan_problem *p,
    size_t m, int date)
{
	const struct employee *em = &h->d->employees[h->members[m]];

	if (p->capacity[m] <= 0)
		return "no capacity in the horizon";
	if (!workload_is_working_day(em, h->s, date))
		return "not a working day";
	if (h->absent[m * 7 * (size_t)h->weeks + (size_t)(date - h->first)] >=
	    WORKLOAD_ABSENT_PCT)
		return "absent";
	if (p->week_cap[m * p->n_weeks + (size_t)week_index(h, date)] <= 0)
		return "already has a block that week";
	return NULL;
}

static int
by_date_part(const void *a, const void *b)
{
	const struct plan_slot *x = a, *y = b;

	if (x->date != y->date)
		return (x->date > y->date) - (x->date < y->date);
	return (int)x->part - (int)y->part;
}

/* The slots: one per rota entry per week (not on holidays, not where a block
 * sits that this plan does not move), plus movable blocks that no rota
 * entry generates; for cover only the blocks handed over. */
static void
collect_slots(const struct horizon *h, struct plan *out)
{
	const struct dataset *d = h->d;
	size_t cap = 0;

	for (int w = 0; w < h->weeks && h->only == NULL; w++) {
		for (size_t r = 0; r < d->n_rota; r++) {
			const struct rota_entry *re = &d->rota[r];
			int date = h->first + 7 * w + re->weekday - 1;
			if (re->team_id != h->team_id ||
			    settings_is_holiday(h->s, date))
				continue;
			XGROW(out->slots, cap, out->n_slots + 1);
			out->slots[out->n_slots++] = (struct plan_slot){
				.date = date, .part = re->part,
				.hours = re->hours,
			};
		}
	}
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		struct plan_slot *match = NULL;
		if (b->team_id != h->team_id || !in_horizon(h, b->date))
			continue;
		for (size_t k = 0; k < out->n_slots && !match; k++)
			if (out->slots[k].date == b->date &&
			    out->slots[k].part == b->part)
				match = &out->slots[k];
		if (match == NULL) {
			XGROW(out->slots, cap, out->n_slots + 1);
			match = &out->slots[out->n_slots++];
			*match = (struct plan_slot){ .date = b->date,
				.part = b->part };
		}
		match->block_id = b->id;
		match->hours = b->hours;
		match->before = b->employee_id;
		if (!is_movable(h, b))
			match->date = DATE_NONE; /* not a slot: removed below */
	}
	if (out->n_slots > 0) /* a team without a rota has none: no array */
		qsort(out->slots, out->n_slots, sizeof *out->slots,
		    by_date_part);
	while (out->n_slots > 0 && out->slots[out->n_slots - 1].date == DATE_NONE)
		out->n_slots--;
}

/* Team members who count in the horizon, their capacity and their demand
 * without the unlocked blocks being planned. */
static void
collect_members(struct horizon *h, double **capacity, double **base)
{
	const struct dataset *d = h->d;
	double *cap = xcalloc(d->n_employees + 1, sizeof *cap);
	double *dem = xcalloc(d->n_employees + 1, sizeof *dem);
	bool *holds;

	workload_totals(d, h->s, h->first, h->weeks, h->team_id, cap, dem);
	holds = xcalloc(d->n_employees + 1, sizeof *holds);
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		long em;
		if (!is_movable(h, b) || b->employee_id == 0)
			continue;
		if ((em = dataset_employee_index(d, b->employee_id)) >= 0) {
			dem[em] -= b->hours;
			holds[em] = true;
		}
	}
	h->members = xcalloc(d->n_employees + 1, sizeof *h->members);
	h->member_of = xcalloc(d->n_employees + 1, sizeof *h->member_of);
	*capacity = xcalloc(d->n_employees + 1, sizeof **capacity);
	*base = xcalloc(d->n_employees + 1, sizeof **base);
	for (size_t i = 0; i < d->n_employees; i++) {
		h->member_of[i] = -1;
		/* Listed: whoever counts, and whoever holds a block now
		 * (a leaver's block must move, and the table says why). */
		if (d->employees[i].team_id != h->team_id ||
		    (cap[i] <= 0 && dem[i] <= 1e-9 && !holds[i]))
			continue;
		h->member_of[i] = (long)h->n_members;
		(*capacity)[h->n_members] = cap[i];
		(*base)[h->n_members] = dem[i] < 0 ? 0 : dem[i];
		h->members[h->n_members++] = (long)i;
	}
	free(cap);
	free(dem);
	free(holds);
}

/* Blocks members hold that this plan does not move: locked ones, any of
 * another team, the rest when covering. They use up the weekly cap (SPEC §4
 * eligibility). */
static void
count_fixed(struct horizon *h)
{
	h->fixed = xcalloc(h->n_members * (size_t)h->weeks + 1,
	    sizeof *h->fixed);
	for (size_t i = 0; i < h->d->n_blocks; i++) {
		const struct block *b = &h->d->blocks[i];
		long em, m;
		if (is_movable(h, b) || b->employee_id == 0 ||
		    !in_horizon(h, b->date))
			continue;
		em = dataset_employee_index(h->d, b->employee_id);
		if (em >= 0 && (m = h->member_of[em]) >= 0)
			h->fixed[(size_t)m * (size_t)h->weeks +
			    (size_t)week_index(h, b->date)]++;
	}
}

/* Why nobody could take slot k. */
static const char *
unfillable_reason(const struct horizon *h, const struct plan_problem *p,
    const struct plan_slot *slot)
{
	static const char *order[] = {
		"no capacity in the horizon", "not a working day", "absent",
		"already has a block that week",
	};
	static const char *says[] = {
		"nobody in the team has capacity",
		"nobody in the team works on this day",
		"everyone who works this day is absent",
		"everyone available already has a block that week",
	};
	size_t furthest = 0;
	bool any = false;

	/* Name the last hurdle the best candidate fell at. */
	for (size_t m = 0; m < h->n_members; m++) {
		const char *why = ineligible_reason(h, p, m, slot->date);
		if (why == NULL)
			return "its only candidates are needed for other slots "
			       "that week";
		for (size_t k = 0; k < 4; k++)
			if (strcmp(why, order[k]) == 0 && (!any || k > furthest)) {
				furthest = k;
				any = true;
			}
	}
	return any ? says[furthest] : "the team has no members";
}

/* Why member m got no block: the reason that held for the most slots. */
static const char *
no_block_reason(const struct horizon *h, const struct plan_problem *p,
    const struct plan *out, size_t m)
{
	static const char *reasons[] = {
		"no capacity in the horizon", "not a working day", "absent",
		"already has a block that week",
	};
	static const char *says[] = {
		"no capacity in the horizon (absent or not employed)",
		"does not work on the intake days",
		"absent on the intake days",
		"already has locked blocks",
	};
	size_t tally[4] = { 0 }, eligible = 0, best = 0;

	if (p->capacity[m] <= 0)
		return says[0];
	for (size_t k = 0; k < out->n_slots; k++) {
		const char *why = ineligible_reason(h, p, m, out->slots[k].date);
		if (why == NULL) {
			eligible++;
			continue;
		}
		for (size_t r = 0; r < 4; r++)
			if (strcmp(why, reasons[r]) == 0)
				tally[r]++;
	}
	if (eligible > 0)
		return "a block would raise their load above the colleagues "
		    "who took one";
	for (size_t r = 1; r < 4; r++)
		if (tally[r] > tally[best])
			best = r;
	return out->n_slots ? says[best] : "no intake slots in the horizon";
}

/* *max = load when it counts and is higher. */
static void
keep_max(double *max, double load, bool counts)
{
	if (counts && load > *max)
		*max = load;
}

static int
propose(const struct dataset *d, const struct settings *s, long team,
    int first_monday, int weeks, const int64_t *only, size_t n_only,
    struct plan *out, struct err *e)
{
	struct horizon h = { .d = d, .s = s, .first = first_monday,
		.weeks = weeks, .only = only, .n_only = n_only };
	struct plan_problem p = { 0 };
	double *capacity = NULL, *base = NULL;
	int *slot_week = NULL, *week_cap = NULL, *current = NULL;
	int *assignment = NULL, *split = NULL, *count = NULL;
	bool *eligible = NULL;

	memset(out, 0, sizeof *out);
	if (team < 0 || (size_t)team >= d->n_teams)
		return err_setx(e, EXIT_USAGE, "no such team");
	if (date_weekday(first_monday) != 1)
		return err_setx(e, EXIT_USAGE, "a horizon starts on a Monday");
	if (weeks < 1 || weeks > 52)
		return err_setx(e, EXIT_USAGE, "the horizon must be 1 to 52 "
		    "weeks, not %d", weeks);
	h.team_id = d->teams[team].id;
	out->team = team;
	out->first_monday = first_monday;
	out->weeks = weeks;

	collect_members(&h, &capacity, &base);
	count_fixed(&h);
	collect_absences(&h);
	collect_slots(&h, out);

	p.n_slots = out->n_slots;
	p.n_employees = h.n_members;
	p.n_weeks = (size_t)weeks;
	p.block_cost = s->block_hours + s->followup_hours;
	p.capacity = capacity;
	p.base = base;
	slot_week = xcalloc(p.n_slots + 1, sizeof *slot_week);
	current = xcalloc(p.n_slots + 1, sizeof *current);
	week_cap = xcalloc(p.n_employees * p.n_weeks + 1, sizeof *week_cap);
	eligible = xcalloc(p.n_slots * p.n_employees + 1, sizeof *eligible);
	p.slot_week = slot_week;
	p.current = current;
	p.week_cap = week_cap;
	p.eligible = eligible;
	for (size_t m = 0; m < p.n_employees; m++)
		for (size_t w = 0; w < p.n_weeks; w++) {
			int left = s->max_blocks_per_week -
			    h.fixed[m * p.n_weeks + w];
			week_cap[m * p.n_weeks + w] = left > 0 ? left : 0;
		}
	for (size_t k = 0; k < p.n_slots; k++) {
		const struct plan_slot *slot = &out->slots[k];
		long em = slot->before ? dataset_employee_index(d, slot->before)
				       : -1;
		slot_week[k] = week_index(&h, slot->date);
		current[k] = em >= 0 ? (int)h.member_of[em] : -1;
		for (size_t m = 0; m < p.n_employees; m++)
			eligible[k * p.n_employees + m] =
			    ineligible_reason(&h, &p, m, slot->date) == NULL;
	}

	assignment = xcalloc(p.n_slots + 1, sizeof *assignment);
	split = xcalloc(p.n_slots + 1, sizeof *split);
	planner_solve(&p, assignment);
	planner_equal_split(&p, split);

	out->n_employees = p.n_employees;
	out->employees = xcalloc(p.n_employees + 1, sizeof *out->employees);
	count = xcalloc(p.n_employees + 1, sizeof *count);
	for (size_t m = 0; m < p.n_employees; m++) {
		struct plan_employee *pe = &out->employees[m];
		pe->index = h.members[m];
		pe->capacity = capacity[m];
		pe->base = base[m];
		pe->free_hours = capacity[m] - base[m];
		pe->has_capacity = capacity[m] > 0;
		for (size_t w = 0; w < p.n_weeks; w++)
			pe->locked_blocks += h.fixed[m * p.n_weeks + w];
	}
	for (size_t k = 0; k < p.n_slots; k++) {
		struct plan_slot *slot = &out->slots[k];
		if (current[k] >= 0)
			out->employees[current[k]].blocks_before++;
		if (assignment[k] >= 0) {
			out->employees[assignment[k]].blocks_after++;
			slot->after = d->employees[h.members[assignment[k]]].id;
		} else {
			slot->unfillable_reason = unfillable_reason(&h, &p, slot);
			out->n_unfillable++;
		}
		slot->changed = slot->after != slot->before;
		slot->before_absent = slot->before != 0 && workload_absence_on(
		    d, slot->before, slot->date) >= WORKLOAD_ABSENT_PCT;
		out->n_changes += slot->changed;
		if (split[k] >= 0)
			count[split[k]]++;
	}
	for (size_t m = 0; m < p.n_employees; m++) {
		struct plan_employee *pe = &out->employees[m];
		double split_load = planner_load(&p, m, count[m]);
		/* Without capacity there is no load to speak of (header). */
		pe->load_before = pe->has_capacity ?
		    planner_load(&p, m, pe->blocks_before) : INFINITY;
		pe->load_after = pe->has_capacity ?
		    planner_load(&p, m, pe->blocks_after) : INFINITY;
		pe->held_before = pe->locked_blocks + pe->blocks_before;
		pe->held_after = pe->locked_blocks + pe->blocks_after;
		/* someone who keeps a locked block has one: no "why none" */
		if (pe->held_after == 0)
			pe->reason = no_block_reason(&h, &p, out, m);
		if (pe->has_capacity) {
			keep_max(&out->max_load_before, pe->load_before, true);
			keep_max(&out->max_load_after, pe->load_after, true);
			keep_max(&out->equal_split_max_load, split_load, true);
			keep_max(&out->taking_max_before, pe->load_before,
			    pe->blocks_before > 0);
			keep_max(&out->taking_max_after, pe->load_after,
			    pe->blocks_after > 0);
			keep_max(&out->taking_max_equal_split, split_load,
			    count[m] > 0);
		}
	}

	free(capacity);
	free(base);
	free(slot_week);
	free(current);
	free(week_cap);
	free(eligible);
	free(assignment);
	free(split);
	free(count);
	free(h.members);
	free(h.member_of);
	free(h.fixed);
	free(h.absent);
	return 0;
}

int
planner_propose(const struct dataset *d, const struct settings *s, long team,
    int first_monday, int weeks, struct plan *out, struct err *e)
{
	return propose(d, s, team, first_monday, weeks, NULL, 0, out, e);
}

int
planner_propose_cover(const struct dataset *d, const struct settings *s,
    long team, int first_monday, int weeks, const int64_t *block_ids,
    size_t n, struct plan *out, struct err *e)
{
	/* an empty list is "nothing to hand over", never "everything" */
	static const int64_t none = 0;

	return propose(d, s, team, first_monday, weeks,
	    n > 0 ? block_ids : &none, n, out, e);
}

void
planner_clear(struct plan *p)
{
	free(p->slots);
	free(p->employees);
	memset(p, 0, sizeof *p);
}
