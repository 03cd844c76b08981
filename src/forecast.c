/* forecast: see include/forecast.h.
 *
 * Time runs in whole ISO weeks. A case counts in the weeks from the one it
 * opened in to the one it closed in (SPEC §3.5), so its lifetime T is the
 * number of weeks between the two: it counts in the week it is T weeks old
 * and not after. Each simulation draws, for every open case, when it closes
 * (its type's survival curve given that it is open at its age now), and
 * for every team an inflow level (that of a random fortnight of the
 * history) and for every coming week one past week's inflow at that level
 * (whole, all types together), each new case with a lifetime and the phase
 * mix of its age.
 * Cost per simulation is linear in the open cases plus the inflow; capacity
 * and the known demand (intake blocks, side activities) are computed once.
 * Teams are simulated one by one, each with its own random stream, so a
 * view can have the teams it shows made first (forecast_make_team) and
 * get the figures the whole city's forecast has.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "forecast.h"
#include "workload.h"
#include "xmem.h"

#define FORECAST_SEED 0x5eed2026u /* fixed: the same data, the same band */
#define AGE_BUCKET 4              /* weeks per age group of the phase mix */
#define PHASE_MIN_CASES 10        /* an age group needs this many cases */
#define TREND_WEEKS 8             /* the naive trend line's weeks */
#define LEVEL_WEEKS 2             /* the run of weeks that sets a
				   * simulation's inflow level (chosen
				   * with the demo's backtest) */
#define NEVER INT_MAX             /* a lifetime past every curve */

static const int horizons[FORECAST_BACKTEST_HORIZONS] = { 4, 8 };

/* --- random numbers: xoshiro256**, the same on every platform --- */

struct rng {
	uint64_t s[4];
};

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

static void
rng_seed(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++) { /* splitmix64 fills the state */
		uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
		r->s[i] = z ^ (z >> 31);
	}
}

/* Uniform in [0, 1). */
static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform in 0 .. n-1 (n > 0). */
static size_t
rng_below(struct rng *r, size_t n)
{
	return (size_t)(rng_unit(r) * (double)n);
}

/* --- weeks --- */

/* Week number of a day, counted from the week of 1970-01-01. */
static int
week_of(int date)
{
	return (date_monday(date) - date_monday(0)) / 7;
}

/* --- the survival curves --- */

void
forecast_km(const int *entry, const int *time, const bool *event, size_t n,
    double *surv, size_t n_surv)
{
	int *enter = xcalloc(n_surv, sizeof *enter);
	int *leave = xcalloc(n_surv, sizeof *leave);
	int *close = xcalloc(n_surv, sizeof *close);
	double s = 1.0;
	long risk = 0;

	for (size_t i = 0; i < n; i++) {
		if (entry[i] < 0 || (size_t)entry[i] >= n_surv ||
		    time[i] < entry[i])
			continue;
		enter[entry[i]]++;
		if ((size_t)time[i] < n_surv) {
			leave[time[i]]++;
			close[time[i]] += event[i];
		}
	}
	for (size_t j = 0; j < n_surv; j++) {
		risk += enter[j];
		if (risk > 0)
			s *= 1.0 - (double)close[j] / (double)risk;
		surv[j] = s;
		risk -= leave[j];
	}
	free(enter);
	free(leave);
	free(close);
}

/* --- the model: what the data says, estimated once per forecast --- */

struct open_case {
	int holder;   /* employee index, -1: the team's waiting list */
	int team;     /* team index */
	int curve;    /* survival curve */
	int at_least; /* lifetime known to be at least this */
	int age;      /* weeks old in the first forecast week */
	double hours;
};

struct model {
	const struct dataset *d;
	const struct settings *s;
	int weeks;
	size_t n_types, n_surv;
	double *surv;   /* [curve * n_surv + j] = P(T > j); curve n_types: all */
	int *curve;     /* per type */
	double *factor; /* [type * weeks + age]: phase factor of a new case */
	struct open_case *open;
	size_t n_open;
	int hist;       /* weeks of inflow */
	double *total;  /* [team * hist + h]: cases opened that week */
	int gap;        /* from less the week of known + 1, in weeks */
	double rest;    /* share of that week still to come after known */
	int *inflow;    /* [(team * hist + h) * n_types + type]: cases opened */
	/* known in advance, per week: [team or employee * weeks + k] */
	double *team_cap, *team_demand, *emp_cap, *emp_demand;
	int *emp_team;  /* team index of each employee, -1 */
	/* each team's members and open cases together, so a team is
	 * simulated on its own (forecast_make_team): [member_first[t] ..
	 * member_first[t + 1]) of members, local[i] an employee's place
	 * there; [open_first[t] .. open_first[t + 1]) of open */
	size_t *members, *member_first, *local, *open_first;
	size_t max_members;
	size_t *holders; /* [(team * weeks + k) * n_holders_max + i] */
	int *n_holders;  /* [team * weeks + k]: employees with a block */
	size_t n_holders_max;
};

/* The phase mix: the mean factor the figures give a case of each type in
 * the weeks it is a given age, in groups of AGE_BUCKET weeks. Every case
 * counts in each week it lived with the phase it has now (wijklast keeps
 * no phase history, SPEC §3), so this is how the recomputed weeks weigh
 * it, and the forecast stands on the same footing. Thin groups take all
 * types', then everyone's mean. */
static void
estimate_phases(struct model *m, const int *type_of, int known, int start)
{
	const struct dataset *d = m->d;
	size_t groups = (size_t)(m->weeks - 1) / AGE_BUCKET + 1;
	size_t nt = m->n_types;
	double *sum = xcalloc((nt + 1) * groups, sizeof *sum);
	int *cnt = xcalloc((nt + 1) * groups, sizeof *cnt);
	double all_sum = 0;
	int all_cnt = 0;

	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		int seen = c->closed <= known ? c->closed : known;
		int lived = week_of(seen) - week_of(c->opened);
		double f = m->s->phase_factor[c->phase];

		if (c->opened > known || c->closed < start || type_of[i] < 0 ||
		    lived < 0)
			continue;
		all_sum += f;
		all_cnt++;
		for (size_t g = 0; g < groups && (int)(g * AGE_BUCKET) <=
		    lived; g++) {
			sum[(size_t)type_of[i] * groups + g] += f;
			cnt[(size_t)type_of[i] * groups + g]++;
			sum[nt * groups + g] += f;
			cnt[nt * groups + g]++;
		}
	}
	for (size_t y = 0; y < nt; y++)
		for (int a = 0; a < m->weeks; a++) {
			size_t g = (size_t)a / AGE_BUCKET, own = y * groups + g,
			    pool = nt * groups + g;
			double f = all_cnt ? all_sum / all_cnt : 1.0;

			if (cnt[own] >= PHASE_MIN_CASES)
				f = sum[own] / cnt[own];
			else if (cnt[pool] >= PHASE_MIN_CASES)
				f = sum[pool] / cnt[pool];
			m->factor[y * (size_t)m->weeks + (size_t)a] = f;
		}
	free(sum);
	free(cnt);
}

/* The first day of complete history: a register that began with the cases
 * open then has closings from that day on, and the cases that closed before
 * it are not in it. With no closing yet, the first opening. */
static int
history_start(const struct dataset *d, int known)
{
	int first_closed = DATE_NONE, first_opened = DATE_NONE;

	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		if (c->opened > known)
			continue;
		if (c->opened < first_opened)
			first_opened = c->opened;
		if (c->closed <= known && c->closed < first_closed)
			first_closed = c->closed;
	}
	return first_closed != DATE_NONE ? first_closed : first_opened;
}

/* Survival curves per type from the cases known at the end of the last
 * complete week (a closing earlier in a week that has not ended would be
 * an event whose cohort's survivors are not yet at risk): a closed case is
 * an event, an open one censored at its age; one opened before the history
 * began enters the risk set at the age it had then (it is there because
 * it lasted that long). */
static void
estimate_survival(struct model *m, const int *type_of, int known,
    int start)
{
	const struct dataset *d = m->d;
	size_t n = 0, nt = m->n_types;
	int *entry = xcalloc(d->n_cases + 1, sizeof *entry);
	int *time = xcalloc(d->n_cases + 1, sizeof *time);
	bool *event = xcalloc(d->n_cases + 1, sizeof *event);
	int *type = xcalloc(d->n_cases + 1, sizeof *type);
	int *events = xcalloc(nt, sizeof *events);
	int *one_entry = xcalloc(d->n_cases + 1, sizeof *one_entry);
	int *one_time = xcalloc(d->n_cases + 1, sizeof *one_time);
	bool *one_event = xcalloc(d->n_cases + 1, sizeof *one_event);
	int next_week, max_time = 0;

	known = date_monday(known + 1) - 1;
	next_week = week_of(known + 1);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		int o = week_of(c->opened);

		/* closed before the history began: not in it */
		if (c->opened > known || c->closed < start || type_of[i] < 0)
			continue;
		if (c->closed <= known) {
			time[n] = week_of(c->closed) - o;
			event[n] = true;
			events[type_of[i]]++;
		} else {
			/* open the day after known: it counts in that week */
			time[n] = next_week - o - 1;
		}
		if (time[n] < 0)
			continue;
		entry[n] = c->opened < start ? week_of(start) - o : 0;
		if (entry[n] > time[n])
			entry[n] = time[n];
		if (time[n] > max_time)
			max_time = time[n];
		type[n++] = type_of[i];
	}
	m->n_surv = (size_t)max_time + (size_t)m->weeks + 2;
	m->surv = xcalloc((nt + 1) * m->n_surv, sizeof *m->surv);
	forecast_km(entry, time, event, n, &m->surv[nt * m->n_surv],
	    m->n_surv);
	for (size_t y = 0; y < nt; y++) {
		size_t k = 0;

		m->curve[y] = (int)nt;
		if (events[y] < FORECAST_KM_MIN_EVENTS)
			continue;
		for (size_t i = 0; i < n; i++)
			if (type[i] == (int)y) {
				one_entry[k] = entry[i];
				one_time[k] = time[i];
				one_event[k++] = event[i];
			}
		forecast_km(one_entry, one_time, one_event, k,
		    &m->surv[y * m->n_surv], m->n_surv);
		m->curve[y] = (int)y;
	}
	free(entry);
	free(time);
	free(event);
	free(type);
	free(events);
	free(one_entry);
	free(one_time);
	free(one_event);
}

/* The index of each case's type in the settings, -1 when unknown (it
 * weighs nothing, SPEC §3.5). */
static int *
case_types(const struct dataset *d, const struct settings *s)
{
	int *type_of = xcalloc(d->n_cases + 1, sizeof *type_of);

	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_type *t = settings_case_type(s,
		    d->cases[i].type);
		type_of[i] = t ? (int)(t - s->case_types) : -1;
	}
	return type_of;
}

/* The cases open the day after known, with what is known of them. */
static void
collect_open(struct model *m, const int *type_of, int known, int from)
{
	const struct dataset *d = m->d;
	int next_week = week_of(known + 1), first = week_of(from);

	m->open = xcalloc(d->n_cases + 1, sizeof *m->open);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		struct open_case *oc = &m->open[m->n_open];
		long em = c->employee_id ? dataset_employee_index(d,
		    c->employee_id) : -1;

		if (c->opened > known || c->closed <= known || type_of[i] < 0)
			continue;
		oc->holder = (int)em;
		oc->team = em >= 0 ? m->emp_team[em] :
		    (int)dataset_team_index(d, c->team_id);
		if (oc->team < 0) /* nobody's: no team to weigh on */
			continue;
		oc->curve = m->curve[type_of[i]];
		oc->at_least = next_week - week_of(c->opened);
		oc->age = first - week_of(c->opened);
		oc->hours = workload_case_hours(c, m->s);
		m->n_open++;
	}
}

/* Cases opened per team, week and type in the last complete weeks of
 * history before known. */
static void
count_inflow(struct model *m, const int *type_of, int known, int start,
    int history_weeks)
{
	const struct dataset *d = m->d;
	int last = week_of(known + 1) - 1, first = week_of(start + 6);

	m->hist = last - first + 1 < history_weeks ? last - first + 1 :
	    history_weeks;
	if (m->hist < 0)
		m->hist = 0;
	first = last - m->hist + 1;
	m->inflow = xcalloc(d->n_teams * (size_t)m->hist * m->n_types + 1,
	    sizeof *m->inflow);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		int w = week_of(c->opened);
		long t = dataset_team_index(d, c->team_id);

		if (w < first || w > last || t < 0 || type_of[i] < 0)
			continue;
		m->inflow[((size_t)t * (size_t)m->hist + (size_t)(w - first)) *
		    m->n_types + (size_t)type_of[i]]++;
	}
}

/* The weekly totals of each team's inflow: what a level is read from. */
static void
count_totals(struct model *m)
{
	size_t nt = m->n_types, nh = (size_t)m->hist;

	m->total = xcalloc(m->d->n_teams * nh + 1, sizeof *m->total);
	for (size_t t = 0; t < m->d->n_teams; t++)
		for (size_t h = 0; h < nh; h++)
			for (size_t y = 0; y < nt; y++)
				m->total[t * nh + h] += m->inflow[(t * nh + h) *
				    nt + y];
}

/* Capacity and the demand that is not cases, week by week: the workload
 * model on the data without its cases. Who holds an intake block that
 * week gets the new cases of their team. */
static void
known_weeks(struct model *m, int from)
{
	const struct dataset *d = m->d;
	struct dataset no_cases = *d;
	size_t nw = (size_t)m->weeks;

	no_cases.n_cases = 0;
	/* a team's holders in a week: each member up to their blocks */
	m->n_holders_max = 1 + m->max_members *
	    (size_t)(m->s->max_blocks_per_week > 0 ?
	    m->s->max_blocks_per_week : 1);
	m->team_cap = xcalloc(d->n_teams * nw + 1, sizeof *m->team_cap);
	m->team_demand = xcalloc(d->n_teams * nw + 1, sizeof *m->team_demand);
	m->emp_cap = xcalloc(d->n_employees * nw + 1, sizeof *m->emp_cap);
	m->emp_demand = xcalloc(d->n_employees * nw + 1,
	    sizeof *m->emp_demand);
	m->n_holders = xcalloc(d->n_teams * nw + 1, sizeof *m->n_holders);
	m->holders = xcalloc(d->n_teams * nw * m->n_holders_max + 1,
	    sizeof *m->holders);
	for (size_t k = 0; k < nw; k++) {
		struct week_figures w;

		workload_week(&no_cases, m->s, from + 7 * (int)k, &w);
		for (size_t t = 0; t < d->n_teams; t++) {
			m->team_cap[t * nw + k] = w.teams[t].capacity;
			m->team_demand[t * nw + k] = w.teams[t].demand;
		}
		for (size_t i = 0; i < d->n_employees; i++) {
			int t = m->emp_team[i];

			m->emp_cap[i * nw + k] = w.employees[i].capacity;
			m->emp_demand[i * nw + k] = w.employees[i].demand;
			for (int b = 0; t >= 0 && b < w.employees[i].blocks &&
			    m->n_holders[(size_t)t * nw + k] <
			    (int)m->n_holders_max; b++) {
				size_t slot = (size_t)t * nw + k;
				m->holders[slot * m->n_holders_max +
				    (size_t)m->n_holders[slot]++] = i;
			}
		}
		workload_week_clear(&w);
	}
}

static void
model_clear(struct model *m)
{
	free(m->surv);
	free(m->curve);
	free(m->factor);
	free(m->open);
	free(m->inflow);
	free(m->total);
	free(m->team_demand); /* team_cap, emp_cap: the forecast's */
	free(m->emp_demand);
	free(m->emp_team);
	free(m->members);
	free(m->member_first);
	free(m->local);
	free(m->open_first);
	free(m->holders);
	free(m->n_holders);
}

/* Group the employees by team (members, member_first, local). */
static void
group_members(struct model *m)
{
	const struct dataset *d = m->d;
	size_t nt = d->n_teams, *fill;

	m->member_first = xcalloc(nt + 2, sizeof *m->member_first);
	m->members = xcalloc(d->n_employees + 1, sizeof *m->members);
	m->local = xcalloc(d->n_employees + 1, sizeof *m->local);
	for (size_t i = 0; i < d->n_employees; i++)
		if (m->emp_team[i] >= 0)
			m->member_first[m->emp_team[i] + 1]++;
	for (size_t t = 0; t < nt; t++) {
		if (m->member_first[t + 1] > m->max_members)
			m->max_members = m->member_first[t + 1];
		m->member_first[t + 1] += m->member_first[t];
	}
	fill = xcalloc(nt + 1, sizeof *fill);
	for (size_t i = 0; i < d->n_employees; i++) {
		int t = m->emp_team[i];
		if (t < 0)
			continue;
		m->local[i] = fill[t];
		m->members[m->member_first[t] + fill[t]++] = i;
	}
	free(fill);
}

/* Put the open cases in team order (open_first): stable, so each team's
 * keep the dataset's order. */
static void
group_open(struct model *m)
{
	size_t nt = m->d->n_teams, *fill;
	struct open_case *sorted = xcalloc(m->n_open + 1, sizeof *sorted);

	m->open_first = xcalloc(nt + 2, sizeof *m->open_first);
	for (size_t i = 0; i < m->n_open; i++)
		m->open_first[m->open[i].team + 1]++;
	for (size_t t = 0; t < nt; t++)
		m->open_first[t + 1] += m->open_first[t];
	fill = xcalloc(nt + 1, sizeof *fill);
	for (size_t i = 0; i < m->n_open; i++) {
		size_t t = (size_t)m->open[i].team;
		sorted[m->open_first[t] + fill[t]++] = m->open[i];
	}
	free(fill);
	free(m->open);
	m->open = sorted;
}

static void
model_build(struct model *m, const struct dataset *d,
    const struct settings *s, const struct forecast_options *o)
{
	int *type_of = case_types(d, s);
	int start = history_start(d, o->known);
	/* it learns from forecast_learn_since, whatever more d holds: the
	 * same figures from a city read whole or from that window on */
	int window = forecast_learn_since(o);

	if (start == DATE_NONE) /* no case known yet: no history at all */
		start = o->known;
	else if (start < window)
		start = window;

	memset(m, 0, sizeof *m);
	m->d = d;
	m->s = s;
	m->weeks = o->weeks;
	m->n_types = s->n_case_types;
	m->curve = xcalloc(m->n_types + 1, sizeof *m->curve);
	m->factor = xcalloc(m->n_types * (size_t)m->weeks + 1,
	    sizeof *m->factor);
	m->emp_team = xcalloc(d->n_employees + 1, sizeof *m->emp_team);
	for (size_t i = 0; i < d->n_employees; i++)
		m->emp_team[i] = (int)dataset_team_index(d,
		    d->employees[i].team_id);
	group_members(m);
	estimate_survival(m, type_of, o->known, start);
	estimate_phases(m, type_of, o->known, start);
	collect_open(m, type_of, o->known, o->from);
	group_open(m);
	count_inflow(m, type_of, o->known, start, o->history_weeks);
	count_totals(m);
	m->gap = week_of(o->from) - week_of(o->known + 1);
	m->rest = (date_monday(o->known + 1) + 7 - (o->known + 1)) / 7.0;
	known_weeks(m, o->from);
	free(type_of);
}

/* A lifetime from curve given that it is at least at_least: the first j
 * whose survival falls to u x P(T >= at_least); NEVER past the curve. */
static int
draw_lifetime(const struct model *m, int curve, int at_least, struct rng *r)
{
	const double *sv = &m->surv[(size_t)curve * m->n_surv];
	size_t lo = (size_t)at_least, hi = m->n_surv;
	double target;

	if (lo >= m->n_surv)
		return NEVER;
	target = rng_unit(r) * (lo > 0 ? sv[lo - 1] : 1.0);
	if (sv[m->n_surv - 1] > target)
		return NEVER;
	while (lo < hi) { /* sv falls: the first index with sv <= target */
		size_t mid = lo + (hi - lo) / 2;
		if (sv[mid] <= target)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (int)lo;
}

/* Per simulation of one team: its case hours by week, and its members'
 * (by their local place) by week; the level of the inflow it runs at. */
struct sim {
	double *team, *emp;
	double level;
};

static void
add_hours(const struct model *m, struct sim *sm, int holder, int k,
    double hours)
{
	size_t nw = (size_t)m->weeks;

	if (holder >= 0)
		sm->emp[m->local[holder] * nw + (size_t)k] += hours;
	sm->team[k] += hours;
}

/* The inflow level of a simulation for team: the mean of a random run of
 * LEVEL_WEEKS history weeks against the mean of them all. Weeks drawn one
 * by one average out; a season does not (a summer, a wave of referrals),
 * and the range must hold it too. */
static double
draw_level(const struct model *m, struct rng *r, size_t team)
{
	size_t nh = (size_t)m->hist, first;
	const double *n = &m->total[team * nh];
	double run = 0, all = 0;

	if (nh < LEVEL_WEEKS)
		return 1.0;
	first = rng_below(r, nh - LEVEL_WEEKS + 1);
	for (size_t i = 0; i < nh; i++)
		all += n[i] / (double)nh;
	for (size_t i = first; i < first + LEVEL_WEEKS; i++)
		run += n[i] / LEVEL_WEEKS;
	return all > 0 ? run / all : 1.0;
}

/* One new case of type y in forecast week k (-1: the week before the
 * first) for holder (-1: the waiting list): it weighs its type's hours
 * times the phase factor of its age for as long as it lives. */
static void
new_case(const struct model *m, struct rng *r, struct sim *sm, int k,
    size_t y, int holder)
{
	size_t nw = (size_t)m->weeks;
	double hours = m->s->case_types[y].hours;
	int t = draw_lifetime(m, m->curve[y], 0, r);

	for (int j = k < 0 ? 0 : k; j < m->weeks && (t == NEVER || j - k <= t);
	    j++) {
		size_t age = (size_t)(j - k) < nw ? (size_t)(j - k) : nw - 1;
		add_hours(m, sm, holder, j, hours * m->factor[y * nw + age]);
	}
}

/* One past week's inflow of team, drawn at random and scaled to the
 * simulation's level, as the new cases of forecast week k (-1: the week
 * before the first), times share: each goes to the holder of one of the
 * week's intake blocks, or to the waiting list. */
static void
new_cases(const struct model *m, struct rng *r, struct sim *sm, size_t team,
    int k, double share)
{
	size_t nw = (size_t)m->weeks, nt = m->n_types;
	size_t h = rng_below(r, (size_t)m->hist);
	const int *in = &m->inflow[(team * (size_t)m->hist + h) * nt];
	size_t slot = team * nw + (size_t)(k < 0 ? 0 : k);
	int holders = k < 0 ? 0 : m->n_holders[slot];

	share *= sm->level;
	for (size_t y = 0; y < nt; y++)
		for (int c = 0; c < in[y]; c++) {
			int copies = (int)share +
			    (rng_unit(r) < share - (int)share);

			for (; copies > 0; copies--)
				new_case(m, r, sm, k, y, holders ?
				    (int)m->holders[slot * m->n_holders_max +
				    rng_below(r, (size_t)holders)] : -1);
		}
}

/* One simulation of team: when its open cases close, and its new cases. */
static void
simulate(const struct model *m, struct rng *r, struct sim *sm, size_t team)
{
	size_t nw = (size_t)m->weeks;
	size_t members = m->member_first[team + 1] - m->member_first[team];

	memset(sm->team, 0, nw * sizeof *sm->team);
	memset(sm->emp, 0, members * nw * sizeof *sm->emp);
	for (size_t i = m->open_first[team]; i < m->open_first[team + 1];
	    i++) {
		const struct open_case *oc = &m->open[i];
		int t = draw_lifetime(m, oc->curve, oc->at_least, r);
		int last = t == NEVER ? m->weeks - 1 : t - oc->age;

		for (int k = 0; k <= last && k < m->weeks; k++)
			add_hours(m, sm, oc->holder, k, oc->hours);
	}
	if (m->hist == 0)
		return;
	sm->level = draw_level(m, r, team);
	/* the rest of the week under way (none when known is its Sunday):
	 * it lands on the team */
	if (m->gap == 1 && m->rest < 1.0)
		new_cases(m, r, sm, team, -1, m->rest);
	for (int k = 0; k < m->weeks; k++)
		new_cases(m, r, sm, team, k, 1.0);
}

/* Put the k-th smallest of v[lo .. hi] (k within) at v[k], the smaller
 * before it and the larger after: Hoare's selection, linear on average. */
static void
select_kth(double *v, size_t lo, size_t hi, size_t k)
{
	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;

		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

/* The band of n simulated loads (reordered in place). */
static void
band(double *v, size_t n, bool counted, struct forecast_week *out)
{
	size_t k10 = (size_t)lround(0.1 * (double)(n - 1)),
	    k50 = (size_t)lround(0.5 * (double)(n - 1)),
	    k90 = (size_t)lround(0.9 * (double)(n - 1));

	select_kth(v, 0, n - 1, k50);
	select_kth(v, 0, k50, k10);
	select_kth(v, k50, n - 1, k90);
	out->p10 = v[k10];
	out->p50 = v[k50];
	out->p90 = v[k90];
	out->counted = counted;
}

int
forecast_learn_since(const struct forecast_options *o)
{
	int weeks = o->history_weeks > FORECAST_LEARN_WEEKS ?
	    o->history_weeks : FORECAST_LEARN_WEEKS;

	return date_monday(o->known) - 7 * weeks;
}

void
forecast_options_init(struct forecast_options *o, const struct settings *s,
    int today)
{
	memset(o, 0, sizeof *o);
	o->from = date_monday(today) + 7;
	o->weeks = s->forecast_weeks;
	o->known = today;
	o->simulations = s->forecast_simulations;
	o->history_weeks = s->forecast_history_weeks;
	o->employees = true;
}

/* Loads of one row (team or employee) over the simulations into
 * loads[k * sims + i]; whether any simulation counts it. */
static void
keep_loads(double *loads, size_t sims, size_t i, int weeks,
    const double *cap, const double *base, const double *cases,
    bool *counted)
{
	for (int k = 0; k < weeks; k++) {
		double demand = base[k] + cases[k];

		loads[(size_t)k * sims + i] = workload_load(demand, cap[k]);
		counted[k] |= cap[k] > 0.0 || demand > 0.0;
	}
}

/* What forecast_prepare keeps for the teams still to make. */
struct forecast_model {
	struct model m;
	int simulations;
	bool employees;
};

int
forecast_prepare(const struct dataset *d, const struct settings *s,
    const struct forecast_options *o, struct forecast *out, struct err *e)
{
	size_t nw, nt = d->n_teams, ne = d->n_employees;
	struct forecast_model *fm;

	memset(out, 0, sizeof *out);
	if (o->weeks < 1 || o->weeks > 52)
		return err_setx(e, EXIT_USAGE, "weeks: %d is not from 1 to 52",
		    o->weeks);
	if (o->simulations < 1 || o->history_weeks < 1)
		return err_setx(e, EXIT_USAGE, "simulations and history weeks "
		    "must be at least 1");
	nw = (size_t)o->weeks;
	fm = xcalloc(1, sizeof *fm);
	model_build(&fm->m, d, s, o);
	fm->simulations = o->simulations;
	fm->employees = o->employees;
	out->from = o->from;
	out->weeks = o->weeks;
	out->n_teams = nt;
	out->n_employees = ne;
	out->teams = xcalloc(nt * nw + 1, sizeof *out->teams);
	if (o->employees)
		out->employees = xcalloc(ne * nw + 1, sizeof *out->employees);
	out->team_made = xcalloc(nt + 1, sizeof *out->team_made);
	/* the known capacities go along: views weigh medians by them */
	out->team_capacity = fm->m.team_cap;
	out->employee_capacity = fm->m.emp_cap;
	out->model = fm;
	return 0;
}

void
forecast_make_team(struct forecast *f, size_t t)
{
	struct forecast_model *fm = f->model;
	const struct model *m = fm ? &fm->m : NULL;
	size_t nw, sims, first, members;
	double *tl, *el = NULL;
	bool *tc, *ec = NULL;
	struct sim sm;
	struct rng r;

	if (m == NULL || t >= f->n_teams || f->team_made[t])
		return;
	nw = (size_t)m->weeks;
	sims = (size_t)fm->simulations;
	first = m->member_first[t];
	members = m->member_first[t + 1] - first;
	/* each team its own stream: the same figures whichever teams are
	 * made, in whatever order */
	rng_seed(&r, FORECAST_SEED ^ ((uint64_t)m->d->teams[t].id *
	    0x9e3779b97f4a7c15ull));
	sm.team = xcalloc(nw + 1, sizeof *sm.team);
	sm.emp = xcalloc(members * nw + 1, sizeof *sm.emp);
	tl = xcalloc(nw * sims + 1, sizeof *tl);
	tc = xcalloc(nw + 1, sizeof *tc);
	if (fm->employees) {
		el = xcalloc(members * nw * sims + 1, sizeof *el);
		ec = xcalloc(members * nw + 1, sizeof *ec);
	}
	for (size_t i = 0; i < sims; i++) {
		simulate(m, &r, &sm, t);
		keep_loads(tl, sims, i, m->weeks, &m->team_cap[t * nw],
		    &m->team_demand[t * nw], sm.team, tc);
		for (size_t j = 0; el && j < members; j++) {
			size_t em = m->members[first + j];
			keep_loads(&el[j * nw * sims], sims, i, m->weeks,
			    &m->emp_cap[em * nw], &m->emp_demand[em * nw],
			    &sm.emp[j * nw], &ec[j * nw]);
		}
	}
	for (size_t k = 0; k < nw; k++)
		band(&tl[k * sims], sims, tc[k], &f->teams[t * nw + k]);
	for (size_t j = 0; el && j < members; j++) {
		size_t em = m->members[first + j];
		for (size_t k = 0; k < nw; k++)
			band(&el[(j * nw + k) * sims], sims, ec[j * nw + k],
			    &f->employees[em * nw + k]);
	}
	f->team_made[t] = true;
	free(sm.team);
	free(sm.emp);
	free(tl);
	free(tc);
	free(el);
	free(ec);
}

bool
forecast_team_made(const struct forecast *f, size_t t)
{
	return f->team_made != NULL && t < f->n_teams && f->team_made[t];
}

static void
model_free(struct forecast *f)
{
	if (f->model == NULL)
		return;
	model_clear(&f->model->m);
	free(f->model);
	f->model = NULL;
}

int
forecast_run(const struct dataset *d, const struct settings *s,
    const struct forecast_options *o, struct forecast *out, struct err *e)
{
	if (forecast_prepare(d, s, o, out, e) < 0)
		return -1;
	for (size_t t = 0; t < d->n_teams; t++)
		forecast_make_team(out, t);
	model_free(out);
	return 0;
}

void
forecast_clear(struct forecast *f)
{
	model_free(f);
	free(f->teams);
	free(f->employees);
	free(f->team_made);
	free(f->team_capacity);
	free(f->employee_capacity);
	memset(f, 0, sizeof *f);
}

const struct forecast_week *
forecast_team_week(const struct forecast *f, size_t t, int k)
{
	return &f->teams[t * (size_t)f->weeks + (size_t)k];
}

const struct forecast_week *
forecast_employee_week(const struct forecast *f, size_t i, int k)
{
	return f->employees ? &f->employees[i * (size_t)f->weeks + (size_t)k] :
	    NULL;
}

int
forecast_over_in(const struct forecast_week *weeks, int n,
    const struct settings *s)
{
	for (int k = 0; k < n; k++)
		if (workload_status(weeks[k].p50, weeks[k].counted, s) ==
		    LOAD_STATUS_OVER)
			return k + 1;
	return 0;
}

/* --- the backtest --- */

/* The naive trend: the least-squares line through y[0 .. n-1] (x = 0 ..
 * n-1), read at x. */
static double
trend_at(const double *y, int n, double x)
{
	double mx = (n - 1) / 2.0, my = 0, sxy = 0, sxx = 0;

	for (int i = 0; i < n; i++)
		my += y[i] / n;
	for (int i = 0; i < n; i++) {
		sxy += (i - mx) * (y[i] - my);
		sxx += (i - mx) * (i - mx);
	}
	return my + (sxx > 0 ? sxy / sxx : 0) * (x - mx);
}

struct tally {
	double inside, err, err_last, err_trend;
	int n;
};

void
forecast_backtest(const struct dataset *d, const struct settings *s,
    int today, long team, struct forecast_score out[FORECAST_BACKTEST_HORIZONS])
{
	int max_h = horizons[FORECAST_BACKTEST_HORIZONS - 1];
	int last = date_monday(today) - 7; /* the last complete week */
	int start = date_monday(history_start(d, today) + 6);
	int first = start + 7 * s->forecast_history_weeks;
	int lo = first - 7 * TREND_WEEKS, n_weeks;
	struct tally tally[FORECAST_BACKTEST_HORIZONS] = { { 0 } };
	double *load;
	bool *ok;

	n_weeks = last >= lo ? (last - lo) / 7 + 1 : 0;
	load = xcalloc(d->n_teams * (size_t)n_weeks + 1, sizeof *load);
	ok = xcalloc(d->n_teams * (size_t)n_weeks + 1, sizeof *ok);
	/* what happened: each week recomputed from all the data */
	for (int w = 0; w < n_weeks; w++) {
		struct week_figures f;

		workload_week(d, s, lo + 7 * w, &f);
		for (size_t t = 0; t < d->n_teams; t++) {
			load[t * (size_t)n_weeks + (size_t)w] = f.teams[t].load;
			ok[t * (size_t)n_weeks + (size_t)w] = f.teams[t].counted &&
			    isfinite(f.teams[t].load);
		}
		workload_week_clear(&f);
	}
	for (int from = first; from + 7 * (horizons[0] - 1) <= last;
	    from += 7) {
		struct forecast_options o;
		struct forecast f;
		struct err e;
		int base = (from - lo) / 7 - 1; /* the last week known */

		forecast_options_init(&o, s, from - 1);
		o.weeks = from + 7 * (max_h - 1) <= last ? max_h :
		    (last - from) / 7 + 1;
		o.employees = false;
		if (forecast_run(d, s, &o, &f, &e) < 0)
			continue;
		for (size_t t = 0; t < d->n_teams; t++) {
			const double *y = &load[t * (size_t)n_weeks];
			const bool *yok = &ok[t * (size_t)n_weeks];
			bool known = true;

			if (team >= 0 && (long)t != team)
				continue;
			for (int i = base - TREND_WEEKS + 1; i <= base; i++)
				known &= i >= 0 && yok[i];
			for (int h = 0; known && h < FORECAST_BACKTEST_HORIZONS;
			    h++) {
				int k = horizons[h] - 1, at = base + horizons[h];
				const struct forecast_week *fw;
				double truth;

				if (k >= f.weeks || !yok[at])
					continue;
				fw = forecast_team_week(&f, t, k);
				if (!fw->counted || !isfinite(fw->p50))
					continue;
				truth = y[at];
				tally[h].inside += fw->p10 <= truth &&
				    truth <= fw->p90;
				tally[h].err += fabs(fw->p50 - truth);
				tally[h].err_last += fabs(y[base] - truth);
				tally[h].err_trend += fabs(trend_at(&y[base -
				    TREND_WEEKS + 1], TREND_WEEKS,
				    TREND_WEEKS - 1 + horizons[h]) - truth);
				tally[h].n++;
			}
		}
		forecast_clear(&f);
	}
	for (int h = 0; h < FORECAST_BACKTEST_HORIZONS; h++) {
		int n = tally[h].n;

		out[h].horizon = horizons[h];
		out[h].n = n;
		out[h].coverage = n ? tally[h].inside / n : 0;
		out[h].mae = n ? tally[h].err / n : 0;
		out[h].mae_last = n ? tally[h].err_last / n : 0;
		out[h].mae_trend = n ? tally[h].err_trend / n : 0;
	}
	free(load);
	free(ok);
}
