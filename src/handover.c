/* handover: see include/handover.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cover.h"
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
	for (size_t i = 0; i < h->n_cases; i++)
		if (!h->cases[i].stays)
			return true;
	return h->n_blocks > 0;
}

/* --- what is given up --- */

/* The period loads are projected over: the weeks from from to to. */
static void
set_period(struct handover *h, int from, int to)
{
	h->from = from;
	h->to = to;
	h->first_monday = date_monday(from);
	h->weeks = (date_monday(to) - h->first_monday) / 7 + 1;
}

static int
period_end(const struct handover *h)
{
	return h->first_monday + 7 * h->weeks;
}

/* The open cases employee holds on or after from. */
static void
collect_cases(const struct dataset *d, const struct settings *s,
    struct handover *h, int64_t employee, int from)
{
	h->cases = xcalloc(d->n_cases + 1, sizeof *h->cases);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		if (c->employee_id != employee ||
		    (c->closed != DATE_NONE && c->closed < from))
			continue;
		double hours = workload_case_hours(c, s);
		h->cases[h->n_cases++] = (struct handover_item){
			.index = (long)i, .id = c->id, .version = c->version,
			.holder = employee, .hours = hours,
			.period_hours = hours * h->weeks };
	}
}

/* Does em work on date by their record (employed then, one of their
 * workdays)? Holidays aside: a block is never planned on one. */
static bool
works_on(const struct employee *em, int date)
{
	if (date < em->start || (em->end != DATE_NONE && date > em->end))
		return false;
	return (em->workdays >> (date_weekday(date) - 1)) & 1u;
}

/* The blocks employee holds from from to to (DATE_NONE: on); with
 * working, only those on a day they do not work by that record. */
static void
collect_blocks(const struct dataset *d, struct handover *h, int64_t employee,
    int from, int to, const struct employee *working)
{
	h->blocks = xcalloc(d->n_blocks + 1, sizeof *h->blocks);
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		if (b->employee_id != employee || b->date < from ||
		    (to != DATE_NONE && b->date > to) ||
		    (working && works_on(working, b->date)))
			continue;
		h->blocks[h->n_blocks++] = (struct handover_item){
			.index = (long)i, .id = b->id, .version = b->version,
			.holder = employee, .hours = b->hours,
			.period_hours = b->date < period_end(h) ? b->hours : 0 };
	}
}

/* --- who takes it over --- */

/* The planner's fair hand-over of the blocks, on d1: the data as it will
 * be, where the employee is no longer a candidate. */
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
		h->blocks[i].reason = "beyond the planner's year";
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
		for (size_t i = 0; i < h->n_blocks; i++) {
			struct handover_item *it = &h->blocks[i];
			if (it->id != plan.slots[k].block_id)
				continue;
			it->fair_to = plan.slots[k].after;
			it->reason = it->fair_to ? NULL
						 : plan.slots[k].unfillable_reason;
		}
	planner_clear(&plan);
	free(ids);
	return 0;
}

/* The colleagues in the team, with their demand and capacity over the
 * period. Those without capacity in it cannot take anything; the employee
 * is one only when things come back to them. */
static void
collect_colleagues(const struct dataset *d1, const struct settings *s,
    struct handover *h, bool with_employee)
{
	double *cap = xcalloc(d1->n_employees + 1, sizeof *cap);
	double *dem = xcalloc(d1->n_employees + 1, sizeof *dem);

	workload_totals(d1, s, h->first_monday, h->weeks, h->old_team, cap,
	    dem);
	h->colleagues = xcalloc(d1->n_employees + 1, sizeof *h->colleagues);
	for (size_t i = 0; i < d1->n_employees; i++) {
		const struct employee *em = &d1->employees[i];
		if (em->team_id != h->old_team || cap[i] <= 0 ||
		    (em->id == h->employee_id && !with_employee))
			continue;
		bool takes_block = false;
		for (size_t b = 0; b < h->n_blocks; b++)
			takes_block |= h->blocks[b].fair_to == em->id;
		/* a starter, a leaver, someone off sick now: no cases */
		bool takes_cases = em->start <= h->from &&
		    (em->end == DATE_NONE || em->end >= h->to) &&
		    workload_absence_on(d1, em->id, h->from) <
		    WORKLOAD_ABSENT_PCT;
		if (!takes_cases && !takes_block)
			continue;
		h->colleagues[h->n_colleagues++] = (struct handover_colleague){
			(long)i, em->id, dem[i], cap[i], takes_cases };
	}
	free(cap);
	free(dem);
}

/* The cases by cover_solve, on top of the blocks the colleagues take. */
static void
cover_cases(const struct dataset *d1, const struct settings *s,
    struct handover *h)
{
	size_t n = 0, m = h->n_colleagues;
	/* the solver sees the cases that go, in a list of their own */
	struct handover_item **go = xcalloc(h->n_cases + 1, sizeof *go);

	for (size_t c = 0; c < h->n_cases; c++)
		if (!h->cases[c].stays)
			go[n++] = &h->cases[c];
	double *hours = xcalloc(n + 1, sizeof *hours);
	double *demand = xcalloc(m + 1, sizeof *demand);
	double *capacity = xcalloc(m + 1, sizeof *capacity);
	bool *eligible = xcalloc(n * m + 1, sizeof *eligible);
	int *type = xcalloc(n + 1, sizeof *type);
	int64_t *origin = xcalloc(n + 1, sizeof *origin);
	int *to = xcalloc(n + 1, sizeof *to);

	for (size_t k = 0; k < m; k++) {
		demand[k] = h->colleagues[k].demand;
		capacity[k] = h->colleagues[k].capacity;
		for (size_t b = 0; b < h->n_blocks; b++)
			if (h->blocks[b].fair_to == h->colleagues[k].id)
				demand[k] += h->blocks[b].period_hours;
	}
	for (size_t c = 0; c < n; c++) {
		const struct case_item *ci = &d1->cases[go[c]->index];
		const struct case_type *ct = settings_case_type(s, ci->type);
		hours[c] = go[c]->period_hours;
		type[c] = ct ? (int)(ct - s->case_types) : -1;
		origin[c] = ci->origin_block;
		for (size_t k = 0; k < m; k++)
			eligible[c * m + k] = h->colleagues[k].takes_cases &&
			    settings_may_hold(ct, d1->employees[
			    h->colleagues[k].index].discipline);
	}
	struct cover_problem p = { .n_cases = n, .n_colleagues = m,
		.hours = hours, .eligible = eligible, .type = type,
		.origin = origin, .demand = demand, .capacity = capacity,
		.max_each = s->cover_max_cases_each };
	cover_solve(&p, to, &h->fair);
	for (size_t c = 0; c < n; c++) {
		struct handover_item *it = go[c];
		bool anyone = false;
		for (size_t k = 0; k < m; k++)
			anyone |= eligible[c * m + k];
		it->fair_to = to[c] >= 0 ? h->colleagues[to[c]].id : 0;
		if (to[c] < 0)
			it->reason = !anyone ? "no colleague at work then "
			    "has a discipline that may hold this case type"
			    : "every colleague who may take it already takes "
			    "cover.max_cases_each cases";
	}
	free(hours);
	free(demand);
	free(capacity);
	free(eligible);
	free(type);
	free(origin);
	free(to);
	free(go);
}

/* Who takes what, on d1 (the data as it will be). */
static int
hand_over(const struct dataset *d1, const struct settings *s,
    struct handover *h, struct err *e)
{
	if (h->n_blocks > 0 && cover_blocks(d1, s, h, e) < 0)
		return -1;
	collect_colleagues(d1, s, h, false);
	cover_cases(d1, s, h);
	return 0;
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

int
handover_propose(const struct dataset *d, const struct settings *s,
    const struct employee *changed, int today, struct handover *out,
    struct err *e)
{
	long ei = dataset_employee_index(d, changed->id);
	struct dataset d1;
	int rc;

	memset(out, 0, sizeof *out);
	if (ei < 0)
		return 0; /* a new employee gives up nothing */
	const struct employee *old = &d->employees[ei];
	bool moves = changed->team_id != old->team_id;
	int from = first_day_given_up(old, changed, today);
	out->kind = HANDOVER_CHANGE;
	out->employee_id = changed->id;
	out->old_team = old->team_id;
	out->new_team = changed->team_id;
	set_period(out, from != DATE_NONE ? from : today,
	    (from != DATE_NONE ? from : today) + 7 * s->horizon_weeks - 1);
	if (from != DATE_NONE)
		collect_cases(d, s, out, changed->id, from);
	else
		out->cases = xcalloc(1, sizeof *out->cases);
	/* a move: every block from today; else those on days no longer
	 * worked (after the end, before a later start, a workday gone) */
	collect_blocks(d, out, changed->id, today, DATE_NONE,
	    moves ? NULL : changed);
	if (!handover_needed(out)) {
		handover_clear(out);
		return 0;
	}

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
	rc = hand_over(&d1, s, out, e);
	free(d1.employees);
	free(d1.blocks);
	if (rc < 0)
		handover_clear(out);
	return rc;
}

int
handover_cover(const struct dataset *d, const struct settings *s,
    int64_t employee_id, int from, int to, int today, struct handover *out,
    struct err *e)
{
	long ei = dataset_employee_index(d, employee_id);
	struct dataset d1;
	int rc;

	memset(out, 0, sizeof *out);
	if (ei < 0)
		return err_setx(e, EXIT_DATAERR, "no such employee");
	if (from < today)
		from = today; /* the past stays as it was */
	if (to < from)
		return 0;
	out->kind = HANDOVER_COVER;
	out->employee_id = employee_id;
	out->old_team = out->new_team = d->employees[ei].team_id;
	set_period(out, from, to);
	collect_cases(d, s, out, employee_id, from);
	collect_blocks(d, out, employee_id, from, to, NULL);
	/* cases move now, not on a date: so only for an absence that has
	 * begun (this week's figures are of who holds them today) and is long
	 * enough */
	const char *wait = to - from + 1 < 7 * s->cover_min_weeks ?
	    "the absence is shorter than cover.min_weeks" : from > today ?
	    "the absence has not begun: hand them over when it does" : NULL;
	for (size_t i = 0; wait && i < out->n_cases; i++) {
		out->cases[i].stays = true;
		out->cases[i].reason = wait;
	}
	if (!handover_needed(out))
		return 0;

	/* the data as it will be: the employee out for the whole period,
	 * whatever the absences say, so the planner gives every block away */
	d1 = *d;
	d1.absences = xcalloc(d->n_absences + 1, sizeof *d1.absences);
	if (d->n_absences > 0)
		memcpy(d1.absences, d->absences,
		    d->n_absences * sizeof *d->absences);
	d1.absences[d->n_absences] = (struct absence){
		.id = d->n_absences ? d->absences[d->n_absences - 1].id + 1 : 1,
		.employee_id = employee_id, .start = from, .end = to,
		.percent = 100 };
	d1.n_absences = d->n_absences + 1;
	rc = hand_over(&d1, s, out, e);
	free(d1.absences);
	if (rc < 0)
		handover_clear(out);
	return rc;
}

int
handover_return(const struct dataset *d, const struct settings *s,
    int64_t employee_id, int today, struct handover *out, struct err *e)
{
	long ei = dataset_employee_index(d, employee_id);

	memset(out, 0, sizeof *out);
	if (ei < 0)
		return err_setx(e, EXIT_DATAERR, "no such employee");
	out->kind = HANDOVER_RETURN;
	out->employee_id = employee_id;
	out->old_team = out->new_team = d->employees[ei].team_id;
	set_period(out, today, today + 7 * s->horizon_weeks - 1);
	out->cases = xcalloc(d->n_cases + 1, sizeof *out->cases);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		if (c->cover_from != employee_id || c->employee_id == 0 ||
		    c->employee_id == employee_id ||
		    c->team_id != out->old_team ||
		    (c->closed != DATE_NONE && c->closed < today))
			continue;
		double hours = workload_case_hours(c, s);
		out->cases[out->n_cases++] = (struct handover_item){
			.index = (long)i, .id = c->id, .version = c->version,
			.holder = c->employee_id, .hours = hours,
			.period_hours = hours * out->weeks,
			.fair_to = employee_id };
	}
	collect_colleagues(d, s, out, true);
	return 0;
}

/* --- the figures of a proposal --- */

int64_t
handover_receiver(const struct handover *h, const struct handover_item *item,
    enum handover_way way)
{
	if (item->stays)
		return item->holder;
	switch (way) {
	case HANDOVER_KEEP: /* along on a move; else it stays where it is */
		return h->kind == HANDOVER_CHANGE ? h->employee_id
						  : item->holder;
	case HANDOVER_COLLEAGUES:
		return item->fair_to;
	default:
		return 0;
	}
}

/* The demand colleague id takes over from items going way, less what
 * goes from them to someone else. */
static double
net_hours(const struct handover *h, int64_t id,
    const struct handover_item *items, size_t n, enum handover_way way)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		int64_t to = handover_receiver(h, &items[i], way);
		if (to == items[i].holder)
			continue;
		if (to == id)
			sum += items[i].period_hours;
		else if (items[i].holder == id)
			sum -= items[i].period_hours;
	}
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

	return c->demand + net_hours(h, c->id, h->cases, h->n_cases, cases) +
	    net_hours(h, c->id, h->blocks, h->n_blocks, blocks);
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
		taken += !items[i].stays &&
		    handover_receiver(h, &items[i], way) ==
		    h->colleagues[k].id && items[i].holder !=
		    h->colleagues[k].id;
	return taken;
}
