/* workload: see include/workload.h. Each rule of SPEC §3 is one small
 * function; workload_week wires them together in one pass per record kind. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "workload.h"
#include "xmem.h"

/* Loads are compared with a little slack, so that a load that is 0.9 by hand
 * but 0.8999999999 in floating point lands in the band a person expects. */
#define LOAD_EPS 1e-9

bool
workload_is_working_day(const struct employee *e, const struct settings *s,
    int day)
{
	int wd = date_weekday(day);

	return wd <= 5 && (e->workdays & (1u << (wd - 1))) &&
	    day >= e->start && day <= e->end && !settings_is_holiday(s, day);
}

double
workload_hours_per_day(const struct employee *e)
{
	int days = __builtin_popcount(e->workdays & WORKDAYS_ALL);

	return days ? e->contract_hours / days : 0.0;
}

double
workload_available(const struct employee *e, const struct settings *s,
    int monday, const int absent_pct[7])
{
	double per_day = workload_hours_per_day(e), hours = 0.0;

	for (int i = 0; i < 7; i++)
		if (workload_is_working_day(e, s, monday + i))
			hours += per_day * (1.0 - absent_pct[i] / 100.0);
	return hours;
}

double
workload_capacity(double available, const struct settings *s)
{
	return available * (1.0 - s->overhead_pct / 100.0);
}

bool
workload_case_is_open(const struct case_item *c, int monday)
{
	return c->opened <= monday + 6 && c->closed >= monday;
}

double
workload_case_hours(const struct case_item *c, const struct settings *s)
{
	const struct case_type *t = settings_case_type(s, c->type);

	return t ? t->hours * s->phase_factor[c->phase] : 0.0;
}

bool
workload_activity_is_active(const struct activity *a, int monday)
{
	return a->start <= monday + 6 && a->end >= monday;
}

double
workload_load(double demand, double capacity)
{
	if (capacity > 0.0)
		return demand / capacity;
	return demand > 0.0 ? INFINITY : 0.0;
}

enum load_status
workload_status(double load, bool counted, const struct settings *s)
{
	if (!counted)
		return LOAD_STATUS_NONE;
	if (load < s->room - LOAD_EPS)
		return LOAD_STATUS_ROOM;
	if (load <= s->high + LOAD_EPS)
		return LOAD_STATUS_OK;
	if (load <= s->over + LOAD_EPS)
		return LOAD_STATUS_HIGH;
	return LOAD_STATUS_OVER; /* also INFINITY */
}

bool
workload_is_member(const struct employee *e, int monday)
{
	return e->start <= monday + 6 && e->end >= monday;
}

/* The case types by a hash of their code: a pass over every case of a
 * city looks each one up (settings_case_type compares them all). */
#define TYPE_SLOTS 256
struct type_table {
	const struct settings *s;
	short slot[TYPE_SLOTS]; /* index into case_types, -1: empty */
};

static unsigned
type_hash(const char *code)
{
	unsigned h = 2166136261u; /* FNV-1a */

	for (; *code; code++)
		h = (h ^ (unsigned char)*code) * 16777619u;
	return h % TYPE_SLOTS;
}

static void
type_table_start(struct type_table *t, const struct settings *s)
{
	t->s = s;
	for (int i = 0; i < TYPE_SLOTS; i++)
		t->slot[i] = -1;
	for (size_t y = 0; y < s->n_case_types && s->n_case_types <
	    TYPE_SLOTS / 2; y++) {
		unsigned h = type_hash(s->case_types[y].code);
		while (t->slot[h] >= 0)
			h = (h + 1) % TYPE_SLOTS;
		t->slot[h] = (short)y;
	}
}

static const struct case_type *
type_find(const struct type_table *t, const char *code)
{
	const struct settings *s = t->s;

	if (s->n_case_types >= TYPE_SLOTS / 2)
		return settings_case_type(s, code);
	for (unsigned h = type_hash(code); t->slot[h] >= 0;
	    h = (h + 1) % TYPE_SLOTS)
		if (strcmp(s->case_types[t->slot[h]].code, code) == 0)
			return &s->case_types[t->slot[h]];
	return NULL;
}

/* The largest absence percentage of each employee on each day of the week. */
static int (*absence_matrix(const struct dataset *d,
    const struct dataset_map *map, int monday))[7]
{
	int (*pct)[7] = xcalloc(d->n_employees ? d->n_employees : 1,
	    sizeof *pct);

	for (size_t i = 0; i < d->n_absences; i++) {
		const struct absence *a = &d->absences[i];
		long em;

		if (a->end < monday || a->start > monday + 6)
			continue;
		em = dataset_map_employee(map, a->employee_id);
		if (em < 0)
			continue;
		for (int day = 0; day < 7; day++) {
			int date = monday + day;
			if (date >= a->start && date <= a->end &&
			    a->percent > pct[em][day])
				pct[em][day] = a->percent;
		}
	}
	return pct;
}

static void
add_cases(const struct dataset *d, const struct dataset_map *map,
    const struct settings *s, int monday, struct week_figures *w)
{
	struct type_table types;

	type_table_start(&types, s);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		const struct case_type *ct;
		double hours;
		long em;

		if (!workload_case_is_open(c, monday))
			continue;
		/* workload_case_hours, with the type found by its hash */
		ct = type_find(&types, c->type);
		hours = ct ? ct->hours * s->phase_factor[c->phase] : 0.0;
		em = c->employee_id ? dataset_map_employee(map, c->employee_id)
				    : -1;
		if (em < 0) {
			long t = dataset_team_index(d, c->team_id);
			if (t >= 0) {
				w->teams[t].waiting_hours += hours;
				w->teams[t].waiting_cases++;
			}
			continue;
		}
		w->employees[em].case_hours += hours;
		w->employees[em].open_cases++;
		if (c->opened >= monday)
			w->employees[em].new_cases++;
		if (c->closed <= monday + 6)
			w->employees[em].closed_cases++;
	}
}

static void
add_blocks(const struct dataset *d, const struct dataset_map *map,
    int monday, int (*absent)[7], struct week_figures *w)
{
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		long em;

		if (b->employee_id == 0 || b->date < monday ||
		    b->date > monday + 6)
			continue;
		em = dataset_map_employee(map, b->employee_id);
		if (em < 0)
			continue;
		w->employees[em].intake_hours += b->hours;
		w->employees[em].blocks++;
		if (absent[em][b->date - monday] >= WORKLOAD_ABSENT_PCT)
			w->employees[em].absent_blocks++;
	}
}

int
workload_absence_on(const struct dataset *d, int64_t employee_id, int date)
{
	int pct = 0;

	for (size_t i = 0; i < d->n_absences; i++) {
		const struct absence *a = &d->absences[i];
		if (a->employee_id == employee_id && a->start <= date &&
		    date <= a->end && a->percent > pct)
			pct = a->percent;
	}
	return pct;
}

bool
workload_block_needs_cover(const struct dataset *d, const struct block *b)
{
	return b->employee_id != 0 && workload_absence_on(d, b->employee_id,
	    b->date) >= WORKLOAD_ABSENT_PCT;
}

static void
add_activities(const struct dataset *d, const struct dataset_map *map,
    int monday, struct week_figures *w)
{
	for (size_t i = 0; i < d->n_activities; i++) {
		const struct activity *a = &d->activities[i];
		long em;

		if (!workload_activity_is_active(a, monday))
			continue;
		em = dataset_map_employee(map, a->employee_id);
		if (em >= 0)
			w->employees[em].side_hours += a->hours_per_week;
	}
}

static void
add_to_team(struct team_week *t, const struct employee_week *ew)
{
	t->capacity += ew->capacity;
	t->demand += ew->demand;
	t->case_hours += ew->case_hours;
	t->intake_hours += ew->intake_hours;
	t->side_hours += ew->side_hours;
	t->members++;
	t->by_status[ew->status]++;
	t->absent_blocks += ew->absent_blocks;
}

void
workload_week(const struct dataset *d, const struct settings *s, int monday,
    struct week_figures *out)
{
	struct dataset_map map;
	int (*absent)[7];

	dataset_map_start(&map, d);
	absent = absence_matrix(d, &map, monday);
	memset(out, 0, sizeof *out);
	out->monday = monday;
	out->n_employees = d->n_employees;
	out->n_teams = d->n_teams;
	out->employees = xcalloc(d->n_employees ? d->n_employees : 1,
	    sizeof *out->employees);
	out->teams = xcalloc(d->n_teams ? d->n_teams : 1, sizeof *out->teams);

	for (size_t i = 0; i < d->n_employees; i++) {
		struct employee_week *ew = &out->employees[i];
		ew->available = workload_available(&d->employees[i], s, monday,
		    absent[i]);
		ew->capacity = workload_capacity(ew->available, s);
	}
	add_cases(d, &map, s, monday, out);
	add_blocks(d, &map, monday, absent, out);
	add_activities(d, &map, monday, out);
	free(absent);
	dataset_map_free(&map);

	for (size_t i = 0; i < d->n_employees; i++) {
		struct employee_week *ew = &out->employees[i];
		long t;

		ew->demand = ew->case_hours + ew->intake_hours + ew->side_hours;
		ew->counted = ew->capacity > 0.0 || ew->demand > 0.0;
		ew->load = workload_load(ew->demand, ew->capacity);
		ew->status = workload_status(ew->load, ew->counted, s);
		t = dataset_team_index(d, d->employees[i].team_id);
		if (ew->counted && t >= 0)
			add_to_team(&out->teams[t], ew);
	}
	for (size_t t = 0; t < d->n_teams; t++) {
		struct team_week *tw = &out->teams[t];
		tw->demand += tw->waiting_hours;
		tw->counted = tw->capacity > 0.0 || tw->demand > 0.0;
		tw->load = workload_load(tw->demand, tw->capacity);
		tw->status = workload_status(tw->load, tw->counted, s);
	}
}

/* Week k of the n from first that day falls in: floor((day - first) / 7),
 * clamped to -1 .. n (before, after). */
static long
week_index(int first, int n, int day)
{
	long d = (long)day - first;
	long k = d >= 0 ? d / 7 : -((-d + 6) / 7);

	return k < -1 ? -1 : k > n ? n : k;
}

/* How many of the weeks 0 .. n-1 from first have a day from start to end
 * (inclusive; end DATE_NONE: open). */
static long
weeks_touched(int first, int n, int start, int end)
{
	long k0 = week_index(first, n, start), k1 = end == DATE_NONE ? n - 1 :
	    week_index(first, n, end);

	if (k0 < 0)
		k0 = 0;
	if (k1 > n - 1)
		k1 = n - 1;
	return k1 >= k0 ? k1 - k0 + 1 : 0;
}

void
workload_totals(const struct dataset *d, const struct settings *s,
    int first_monday, int n, int64_t team_id, double *capacity,
    double *demand)
{
	struct dataset_map map;
	struct type_table types;
	int last = first_monday + 7 * n - 1;
	bool *in = xcalloc(d->n_employees + 1, sizeof *in);

	memset(capacity, 0, d->n_employees * sizeof *capacity);
	memset(demand, 0, d->n_employees * sizeof *demand);
	dataset_map_start(&map, d);
	type_table_start(&types, s);
	for (size_t i = 0; i < d->n_employees; i++)
		in[i] = team_id == 0 || d->employees[i].team_id == team_id;
	/* capacity: week by week, as workload_week has it */
	for (int w = 0; w < n; w++) {
		int monday = first_monday + 7 * w;
		int (*absent)[7] = absence_matrix(d, &map, monday);
		for (size_t i = 0; i < d->n_employees; i++)
			if (in[i])
				capacity[i] += workload_capacity(
				    workload_available(&d->employees[i], s,
				    monday, absent[i]), s);
		free(absent);
	}
	/* demand: each record's weekly hours times the weeks it counts in */
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		const struct case_type *ct;
		long em, weeks;

		if (c->employee_id == 0 || c->opened > last ||
		    c->closed < first_monday ||
		    (em = dataset_map_employee(&map, c->employee_id)) < 0 ||
		    !in[em] || (ct = type_find(&types, c->type)) == NULL)
			continue;
		weeks = weeks_touched(first_monday, n, c->opened, c->closed);
		demand[em] += (double)weeks * ct->hours *
		    s->phase_factor[c->phase];
	}
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		long em;

		if (b->employee_id == 0 || b->date < first_monday ||
		    b->date > last ||
		    (em = dataset_map_employee(&map, b->employee_id)) < 0 ||
		    !in[em])
			continue;
		demand[em] += b->hours;
	}
	for (size_t i = 0; i < d->n_activities; i++) {
		const struct activity *a = &d->activities[i];
		long em = dataset_map_employee(&map, a->employee_id);

		if (em < 0 || !in[em])
			continue;
		demand[em] += (double)weeks_touched(first_monday, n, a->start,
		    a->end) * a->hours_per_week;
	}
	dataset_map_free(&map);
	free(in);
}

void
workload_week_clear(struct week_figures *w)
{
	free(w->employees);
	free(w->teams);
	memset(w, 0, sizeof *w);
}

void
workload_mark_sustained(const struct dataset *d, struct week_figures *weeks,
    size_t n, const struct settings *s)
{
	struct week_figures *last = &weeks[n - 1];
	size_t k = (size_t)s->sustained_weeks;

	if (n < k)
		return;
	/* weeks of other people (the data changed between them) say
	 * nothing of these */
	for (size_t w = n - k; w < n; w++)
		if (weeks[w].n_employees != last->n_employees ||
		    weeks[w].n_teams != last->n_teams)
			return;
	for (size_t i = 0; i < last->n_employees; i++) {
		bool all = true;
		for (size_t w = n - k; w < n && all; w++)
			all = weeks[w].employees[i].status == LOAD_STATUS_OVER;
		last->employees[i].sustained = all;
		if (all) {
			long t = dataset_team_index(d, d->employees[i].team_id);
			if (t >= 0)
				last->teams[t].sustained_members++;
		}
	}
	for (size_t t = 0; t < last->n_teams; t++) {
		bool all = true;
		for (size_t w = n - k; w < n && all; w++)
			all = weeks[w].teams[t].status == LOAD_STATUS_OVER;
		last->teams[t].sustained = all;
	}
}

const char *
workload_status_code(enum load_status st)
{
	static const char *codes[LOAD_STATUS_COUNT] = {
		"", "ROOM", "OK", "HIGH", "OVER",
	};

	return (unsigned)st < LOAD_STATUS_COUNT ? codes[st] : "";
}

char *
workload_format_percent(char *buf, size_t size, double load, bool counted,
    const struct settings *s, bool decimal_comma)
{
	int decimals;
	char *dot;

	if (!counted) {
		snprintf(buf, size, "-");
		return buf;
	}
	if (isinf(load)) {
		snprintf(buf, size, "—");
		return buf;
	}
	/* The fewest decimals whose rounded figure is in the load's band. */
	for (decimals = 0; decimals < 3; decimals++) {
		double scale = pow(10.0, decimals + 2);
		double shown = round(load * scale) / scale;
		if (workload_status(shown, true, s) == workload_status(load, true,
		    s))
			break;
	}
	snprintf(buf, size, "%.*f%%", decimals, load * 100.0);
	if (decimal_comma && (dot = strchr(buf, '.')) != NULL)
		*dot = ',';
	return buf;
}
