/* handover: see include/handover.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "handover.h"
#include "planner.h"
#include "workload.h"
#include "xmem.h"

void
handover_clear(struct handover *h)
{
	free(h->cases);
	free(h->blocks);
	free(h->colleagues);
	memset(h, 0, sizeof *h);
}

bool
handover_needed(const struct handover *h)
{
	return h->n_cases > 0 || h->n_blocks > 0;
}

/* The first day changed gives up, or DATE_NONE for none: a team move from
 * today, an end date from the day after it (today at the earliest). */
static int
first_day_given_up(const struct employee *old,
    const struct employee *changed, int today)
{
	if (changed->team_id != old->team_id)
		return today;
	if (changed->end == DATE_NONE)
		return DATE_NONE;
	return changed->end + 1 > today ? changed->end + 1 : today;
}

/* Blocks first: the planner's fair hand-over of them, on the data as it
 * will be (d1: the employee changed), so they are no longer a candidate. */
static int
cover_blocks(const struct dataset *d1, const struct settings *s,
    struct handover *h, struct err *e)
{
	long t = dataset_team_index(d1, h->old_team);
	int64_t *ids = xcalloc(h->n_blocks + 1, sizeof *ids);
	int first = DATE_NONE, last = DATE_NONE;
	struct plan plan;

	for (size_t i = 0; i < h->n_blocks; i++) {
		int date = d1->blocks[h->blocks[i].index].date;
		ids[i] = h->blocks[i].id;
		if (first == DATE_NONE || date < first)
			first = date;
		if (last == DATE_NONE || date > last)
			last = date;
	}
	int weeks = (date_monday(last) - date_monday(first)) / 7 + 1;
	if (weeks > 52) /* the planner's longest horizon: later ones stay */
		weeks = 52;
	if (planner_propose_cover(d1, s, t, date_monday(first), weeks, ids,
	    h->n_blocks, &plan, e) < 0) {
		free(ids);
		return -1;
	}
	for (size_t k = 0; k < plan.n_slots; k++)
		for (size_t i = 0; i < h->n_blocks; i++)
			if (h->blocks[i].id == plan.slots[k].block_id)
				h->blocks[i].fair_to = plan.slots[k].after;
	planner_clear(&plan);
	free(ids);
	return 0;
}

/* The colleagues of the old team as things are now: demand and capacity
 * over the period. Those without capacity in it cannot take anything. */
static void
collect_colleagues(const struct dataset *d1, const struct settings *s,
    struct handover *h)
{
	double *cap = xcalloc(d1->n_employees + 1, sizeof *cap);
	double *dem = xcalloc(d1->n_employees + 1, sizeof *dem);
	struct week_figures wf;

	for (int w = 0; w < h->weeks; w++) {
		workload_week(d1, s, h->first_monday + 7 * w, &wf);
		for (size_t i = 0; i < d1->n_employees; i++) {
			cap[i] += wf.employees[i].capacity;
			dem[i] += wf.employees[i].demand;
		}
		workload_week_clear(&wf);
	}
	h->colleagues = xcalloc(d1->n_employees + 1, sizeof *h->colleagues);
	for (size_t i = 0; i < d1->n_employees; i++) {
		const struct employee *em = &d1->employees[i];
		bool takes_block = false;
		for (size_t b = 0; b < h->n_blocks; b++)
			takes_block |= h->blocks[b].fair_to == em->id;
		if (em->id == h->employee_id || em->team_id != h->old_team ||
		    (cap[i] <= 0 && !takes_block))
			continue;
		h->colleagues[h->n_colleagues++] = (struct handover_colleague){
			(long)i, em->id, dem[i], cap[i] };
	}
	free(cap);
	free(dem);
}

/* Heaviest first, then the oldest record: the order cases are handed
 * over in. */
static int
cmp_cases(const void *pa, const void *pb)
{
	const struct handover_item *a = pa, *b = pb;

	if (a->hours != b->hours)
		return a->hours > b->hours ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* Then each case to the colleague it raises least. */
static void
cover_cases(const struct dataset *d1, struct handover *h)
{
	double *demand = xcalloc(h->n_colleagues + 1, sizeof *demand);

	for (size_t k = 0; k < h->n_colleagues; k++) {
		demand[k] = h->colleagues[k].demand;
		for (size_t b = 0; b < h->n_blocks; b++)
			if (h->blocks[b].fair_to == h->colleagues[k].id)
				demand[k] += h->blocks[b].period_hours;
	}
	qsort(h->cases, h->n_cases, sizeof *h->cases, cmp_cases);
	for (size_t c = 0; c < h->n_cases; c++) {
		struct handover_item *it = &h->cases[c];
		long best = -1;
		double best_after = 0, best_now = 0;
		for (size_t k = 0; k < h->n_colleagues; k++) {
			double cap = h->colleagues[k].capacity;
			if (cap <= 0)
				continue;
			double now = demand[k] / cap;
			double after = (demand[k] + it->period_hours) / cap;
			const char *code =
			    d1->employees[h->colleagues[k].index].code;
			if (best >= 0 && (after > best_after + 1e-12 ||
			    (fabs(after - best_after) <= 1e-12 &&
			    (now > best_now + 1e-12 || (fabs(now - best_now)
			    <= 1e-12 && strcmp(code, d1->employees[h->
			    colleagues[best].index].code) >= 0)))))
				continue;
			best = (long)k;
			best_after = after;
			best_now = now;
		}
		if (best >= 0) {
			it->fair_to = h->colleagues[best].id;
			demand[best] += it->period_hours;
		}
	}
	free(demand);
}

int
handover_propose(const struct dataset *d, const struct settings *s,
    const struct employee *changed, int today, struct handover *out,
    struct err *e)
{
	long ei = dataset_employee_index(d, changed->id);
	struct dataset d1;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (ei < 0)
		return 0; /* a new employee gives up nothing */
	const struct employee *old = &d->employees[ei];
	int from = first_day_given_up(old, changed, today);
	if (from == DATE_NONE)
		return 0;
	out->employee_id = changed->id;
	out->old_team = old->team_id;
	out->new_team = changed->team_id;
	out->from = from;
	out->first_monday = date_monday(from);
	out->weeks = s->horizon_weeks;

	out->cases = xcalloc(d->n_cases + 1, sizeof *out->cases);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		if (c->employee_id != changed->id ||
		    (c->closed != DATE_NONE && c->closed < from))
			continue;
		double h = workload_case_hours(c, s);
		out->cases[out->n_cases++] = (struct handover_item){
			(long)i, c->id, c->version, h, h * out->weeks, 0 };
	}
	out->blocks = xcalloc(d->n_blocks + 1, sizeof *out->blocks);
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		if (b->employee_id != changed->id || b->date < from)
			continue;
		bool in_period = b->date < out->first_monday + 7 * out->weeks;
		out->blocks[out->n_blocks++] = (struct handover_item){
			(long)i, b->id, b->version, b->hours,
			in_period ? b->hours : 0, 0 };
	}
	if (!handover_needed(out))
		return 0;

	/* the data as it will be: the employee changed, the rest shared */
	d1 = *d;
	d1.employees = xcalloc(d->n_employees + 1, sizeof *d1.employees);
	memcpy(d1.employees, d->employees,
	    d->n_employees * sizeof *d->employees); /* ei >= 0: not NULL */
	d1.employees[ei] = *changed;
	/* a lock keeps a block from re-planning, not with someone gone */
	d1.blocks = xcalloc(d->n_blocks + 1, sizeof *d1.blocks);
	if (d->n_blocks > 0)
		memcpy(d1.blocks, d->blocks, d->n_blocks * sizeof *d->blocks);
	for (size_t i = 0; i < out->n_blocks; i++)
		d1.blocks[out->blocks[i].index].locked = false;
	if (out->n_blocks > 0 && cover_blocks(&d1, s, out, e) < 0)
		rc = -1;
	if (rc == 0) {
		collect_colleagues(&d1, s, out);
		cover_cases(&d1, out);
	}
	free(d1.employees);
	free(d1.blocks);
	if (rc < 0)
		handover_clear(out);
	return rc;
}

int64_t
handover_receiver(const struct handover *h, const struct handover_item *item,
    enum handover_way way)
{
	switch (way) {
	case HANDOVER_KEEP:
		return h->employee_id;
	case HANDOVER_COLLEAGUES:
		return item->fair_to;
	default:
		return 0;
	}
}

/* The demand colleague id takes over from items going way. */
static double
taken_hours(const struct handover *h, int64_t id,
    const struct handover_item *items, size_t n, enum handover_way way)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		if (handover_receiver(h, &items[i], way) == id)
			sum += items[i].period_hours;
	return sum;
}

double
handover_load_before(const struct handover *h, size_t k)
{
	const struct handover_colleague *c = &h->colleagues[k];

	return workload_load(c->demand, c->capacity);
}

double
handover_demand_after(const struct handover *h, size_t k,
    enum handover_way cases, enum handover_way blocks)
{
	const struct handover_colleague *c = &h->colleagues[k];

	return c->demand + taken_hours(h, c->id, h->cases, h->n_cases, cases) +
	    taken_hours(h, c->id, h->blocks, h->n_blocks, blocks);
}

double
handover_load_after(const struct handover *h, size_t k,
    enum handover_way cases, enum handover_way blocks)
{
	return workload_load(handover_demand_after(h, k, cases, blocks),
	    h->colleagues[k].capacity);
}

int
handover_taken(const struct handover *h, size_t k, bool cases,
    enum handover_way way)
{
	const struct handover_item *items = cases ? h->cases : h->blocks;
	size_t n = cases ? h->n_cases : h->n_blocks;
	int taken = 0;

	for (size_t i = 0; i < n; i++)
		taken += handover_receiver(h, &items[i], way) ==
		    h->colleagues[k].id;
	return taken;
}
