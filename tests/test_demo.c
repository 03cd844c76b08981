/* demo: the city of SPEC §10 — its shape, the roster rules, the overload it
 * must show in the current week, and that it is the same city every time. */
#include <stdbool.h>
#include <string.h>

#include "dataset.h"
#include "demo.h"
#include "forecast.h"
#include "settings.h"
#include "store.h"
#include "testutil.h"
#include "text.h"
#include "workload.h"
#include "xmem.h"

struct city {
	struct settings s;
	struct store *st;
	struct dataset d;
	int today;
};

static void
city_make(struct city *c, const char *today, int teams, unsigned seed)
{
	struct demo_options opt = { .teams = teams, .seed = seed };
	struct err e;

	err_clear(&e);
	memset(c, 0, sizeof *c);
	settings_defaults(&c->s);
	c->today = D(today);
	cr_assert_eq(store_open(&c->st, test_database(":memory:"), "test", &e), 0, "%s",
	    e.msg);
	cr_assert_eq(demo_create(c->st, &c->s, c->today, &opt, &e), 0, "%s",
	    e.msg);
	cr_assert_eq(store_load(c->st, &c->d, DATASET_ALL, &e), 0, "%s", e.msg);
}

static void
city_free(struct city *c)
{
	dataset_clear(&c->d);
	store_close(c->st);
	settings_clear(&c->s);
}

static size_t
team_size(const struct dataset *d, int64_t team)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n_employees; i++)
		n += d->employees[i].team_id == team;
	return n;
}

static bool
has_non_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

static bool
is_discipline(const struct settings *s, const char *name)
{
	for (size_t i = 0; i < s->n_disciplines; i++)
		if (strcmp(s->disciplines[i], name) == 0)
			return true;
	return false;
}

static void
check_people(const struct city *c)
{
	const struct dataset *d = &c->d;
	bool diacritics = false, sick_today = false, part_time = false;

	cr_assert_eq(d->n_teams, 10);
	cr_assert_geq(dataset_team_by_code(d, "CEN"), 0);
	cr_assert_geq(dataset_team_by_code(d, "TWV"), 0);
	cr_assert_geq(dataset_team_by_code(d, "HG"), 0);
	for (size_t i = 0; i < d->n_teams; i++) {
		size_t n = team_size(d, d->teams[i].id);

		cr_assert(n >= 12 && n <= 25, "team %s has %zu employees",
		    d->teams[i].code, n);
	}
	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];

		diacritics |= has_non_ascii(em->name);
		part_time |= em->contract_hours < 36 &&
		    em->workdays != WORKDAYS_ALL;
		cr_assert(text_is_clean_utf8(em->name), "%s", em->name);
		cr_assert(is_discipline(&c->s, em->discipline), "%s: %s",
		    em->code, em->discipline);
		cr_assert(em->contract_hours >= 16 && em->contract_hours <= 36);
		cr_assert_leq(em->start, c->today, "%s starts later", em->code);
	}
	for (size_t i = 0; i < d->n_absences; i++) {
		const struct absence *a = &d->absences[i];

		sick_today |= a->percent == 100 && a->start <= c->today &&
		    c->today <= a->end && strcmp(a->reason, "ziek") == 0;
	}
	for (size_t i = 0; i < d->n_activities; i++) {
		const struct activity *a = &d->activities[i];

		cr_assert(a->hours_per_week >= 2 && a->hours_per_week <= 8,
		    "%s: %.1f h", a->name, a->hours_per_week);
		cr_assert(a->kind[0] != '\0');
	}
	cr_assert(diacritics, "no name with diacritics");
	cr_assert(part_time, "no part-timer with fewer workdays");
	cr_assert(sick_today, "nobody on sick leave today");
	cr_assert_gt(d->n_activities, 0);
}

static void
check_cases(const struct city *c)
{
	const struct dataset *d = &c->d;
	size_t waiting = 0, closed = 0, from_block = 0;

	cr_assert_gt(d->n_cases, 1000);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *k = &d->cases[i];

		cr_assert_not(text_is_bsn(k->ref), "%s", k->ref);
		cr_assert_eq(strncmp(k->ref, "Z-", 2), 0, "%s", k->ref);
		cr_assert_not_null(settings_case_type(&c->s, k->type), "%s",
		    k->type);
		cr_assert_leq(k->opened, c->today, "%s", k->ref);
		/* a year of history and the cases still open from before it */
		cr_assert_geq(k->opened, c->today - 7 * 162, "%s", k->ref);
		if (k->employee_id == 0) {
			waiting += k->closed == DATE_NONE;
		} else {
			long em = dataset_employee_index(d, k->employee_id);

			cr_assert_geq(em, 0);
			cr_assert_eq(d->employees[em].team_id, k->team_id);
		}
		if (k->closed != DATE_NONE) {
			cr_assert(k->closed >= k->opened &&
			    k->closed <= c->today, "%s", k->ref);
			closed++;
		}
		from_block += k->origin_block != 0;
	}
	cr_assert_gt(waiting, 0, "no waiting list");
	cr_assert_gt(closed, 0, "no closed cases");
	cr_assert_gt(from_block, 0, "no case came in through a block");
}

static void
check_blocks(const struct city *c)
{
	const struct dataset *d = &c->d;
	int next = date_monday(c->today) + 7;
	size_t ahead = 0, locked = 0, unlocked_ahead = 0;

	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];

		cr_assert_leq(date_weekday(b->date), 5);
		cr_assert_not(settings_is_holiday(&c->s, b->date));
		if (b->date >= next && b->date < next + 7 * 8)
			ahead++;
		locked += b->locked;
		unlocked_ahead += !b->locked && b->date >= next;
		if (b->employee_id != 0) {
			long em = dataset_employee_index(d, b->employee_id);
			char day[DATE_BUF];

			cr_assert_geq(em, 0);
			cr_assert_eq(d->employees[em].team_id, b->team_id);
			cr_assert(workload_is_working_day(&d->employees[em],
			    &c->s, b->date), "%s has a block on %s",
			    d->employees[em].code, date_format(b->date, day));
		}
	}
	cr_assert_gt(ahead, 0, "no blocks in the next 8 weeks");
	cr_assert_gt(locked, 0, "no locked blocks");
	cr_assert_gt(unlocked_ahead, locked, "too many locked blocks");
}

/* Every team: 1 block a week at most per employee, and the equal split:
 * among employees who worked every week of the roster, counts differ by at
 * most a few (absences can cost someone a turn). */
static void
check_equal_split(const struct city *c)
{
	const struct dataset *d = &c->d;
	int first = date_monday(c->today) - 7 * 8;
	int *count = calloc(d->n_employees, sizeof *count);

	cr_assert_not_null(count);
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];

		if (b->employee_id == 0)
			continue;
		count[dataset_employee_index(d, b->employee_id)]++;
		for (size_t j = i + 1; j < d->n_blocks; j++)
			cr_assert(d->blocks[j].employee_id != b->employee_id ||
			    date_monday(d->blocks[j].date) !=
			    date_monday(b->date),
			    "two blocks in one week");
	}
	for (size_t t = 0; t < d->n_teams; t++) {
		int lo = 1000, hi = 0;

		for (size_t i = 0; i < d->n_employees; i++) {
			const struct employee *em = &d->employees[i];
			bool absent = false;

			for (size_t a = 0; a < d->n_absences; a++)
				absent |= d->absences[a].employee_id == em->id &&
				    d->absences[a].percent >= 50 &&
				    d->absences[a].end - d->absences[a].start > 1;
			if (em->team_id != d->teams[t].id || absent ||
			    em->start > first || em->end != DATE_NONE)
				continue;
			lo = count[i] < lo ? count[i] : lo;
			hi = count[i] > hi ? count[i] : hi;
		}
		cr_assert_leq(hi - lo, 3, "team %s: %d to %d blocks",
		    d->teams[t].code, lo, hi);
		cr_assert_geq(lo, 6, "team %s: %d blocks in 17 weeks",
		    d->teams[t].code, lo);
	}
	free(count);
}

/* The overload of SPEC §1, visible in the current week. */
static void
check_overload(const struct city *c)
{
	const struct dataset *d = &c->d;
	struct week_figures w[4];
	int monday = date_monday(c->today), by[LOAD_STATUS_COUNT] = { 0 };
	long hg = dataset_team_by_code(d, "HG");
	bool mixed = false, sustained = false;

	for (int i = 0; i < 4; i++)
		workload_week(d, &c->s, monday - 7 * (3 - i), &w[i]);
	workload_mark_sustained(d, w, 4, &c->s);
	for (size_t t = 0; t < d->n_teams; t++) {
		const struct team_week *tw = &w[3].teams[t];

		by[tw->status]++;
		mixed |= tw->by_status[LOAD_STATUS_OVER] > 0 &&
		    tw->by_status[LOAD_STATUS_ROOM] > 0;
	}
	for (size_t i = 0; i < d->n_employees; i++)
		sustained |= w[3].employees[i].sustained;
	cr_assert_geq(hg, 0);
	cr_assert_eq(w[3].teams[hg].status, LOAD_STATUS_OVER, "HG is %s",
	    workload_status_code(w[3].teams[hg].status));
	cr_assert_geq(by[LOAD_STATUS_OVER], 2);
	cr_assert_leq(by[LOAD_STATUS_OVER], 4);
	cr_assert_geq(by[LOAD_STATUS_HIGH], 1);
	cr_assert_geq(by[LOAD_STATUS_ROOM] + by[LOAD_STATUS_OK], 2);
	cr_assert(mixed, "no team with both OVER and ROOM members");
	cr_assert(sustained, "nobody OVER four weeks running");
	for (int i = 0; i < 4; i++)
		workload_week_clear(&w[i]);
}

static void
check_city(const char *today)
{
	struct city c;

	city_make(&c, today, 0, 0);
	check_people(&c);
	check_cases(&c);
	check_blocks(&c);
	check_equal_split(&c);
	check_overload(&c);
	city_free(&c);
}

Test(demo, city_in_november)
{
	check_city("2026-11-23");
}

/* Mid-week, in another year, after the Christmas holidays in the roster. */
Test(demo, city_in_march)
{
	check_city("2027-03-03");
}

Test(demo, city_over_christmas)
{
	check_city("2026-12-24");
}

#define SAME(a, b, f) cr_assert(a.f == b.f, "%s differs at %zu", #f, i)
#define SAME_STR(a, b, f) \
	cr_assert_str_eq(a.f, b.f, "%s differs at %zu", #f, i)

static void
check_same(const struct dataset *x, const struct dataset *y)
{
	cr_assert_eq(x->n_teams, y->n_teams);
	cr_assert_eq(x->n_rota, y->n_rota);
	cr_assert_eq(x->n_employees, y->n_employees);
	cr_assert_eq(x->n_absences, y->n_absences);
	cr_assert_eq(x->n_activities, y->n_activities);
	cr_assert_eq(x->n_blocks, y->n_blocks);
	cr_assert_eq(x->n_cases, y->n_cases);
	for (size_t i = 0; i < x->n_teams; i++) {
		SAME(x->teams[i], y->teams[i], id);
		SAME_STR(x->teams[i], y->teams[i], code);
		SAME_STR(x->teams[i], y->teams[i], name);
		SAME_STR(x->teams[i], y->teams[i], area);
	}
	for (size_t i = 0; i < x->n_rota; i++) {
		SAME(x->rota[i], y->rota[i], team_id);
		SAME(x->rota[i], y->rota[i], weekday);
		SAME(x->rota[i], y->rota[i], part);
		SAME(x->rota[i], y->rota[i], hours);
	}
	for (size_t i = 0; i < x->n_employees; i++) {
		SAME(x->employees[i], y->employees[i], id);
		SAME_STR(x->employees[i], y->employees[i], code);
		SAME_STR(x->employees[i], y->employees[i], name);
		SAME(x->employees[i], y->employees[i], team_id);
		SAME_STR(x->employees[i], y->employees[i], discipline);
		SAME(x->employees[i], y->employees[i], contract_hours);
		SAME(x->employees[i], y->employees[i], workdays);
		SAME(x->employees[i], y->employees[i], start);
		SAME(x->employees[i], y->employees[i], end);
	}
	for (size_t i = 0; i < x->n_absences; i++) {
		SAME(x->absences[i], y->absences[i], employee_id);
		SAME(x->absences[i], y->absences[i], start);
		SAME(x->absences[i], y->absences[i], end);
		SAME(x->absences[i], y->absences[i], percent);
		SAME_STR(x->absences[i], y->absences[i], reason);
	}
	for (size_t i = 0; i < x->n_activities; i++) {
		SAME(x->activities[i], y->activities[i], employee_id);
		SAME_STR(x->activities[i], y->activities[i], name);
		SAME_STR(x->activities[i], y->activities[i], kind);
		SAME(x->activities[i], y->activities[i], hours_per_week);
		SAME(x->activities[i], y->activities[i], start);
		SAME(x->activities[i], y->activities[i], end);
	}
	for (size_t i = 0; i < x->n_blocks; i++) {
		SAME(x->blocks[i], y->blocks[i], id);
		SAME(x->blocks[i], y->blocks[i], team_id);
		SAME(x->blocks[i], y->blocks[i], date);
		SAME(x->blocks[i], y->blocks[i], part);
		SAME(x->blocks[i], y->blocks[i], hours);
		SAME(x->blocks[i], y->blocks[i], employee_id);
		SAME(x->blocks[i], y->blocks[i], locked);
	}
	for (size_t i = 0; i < x->n_cases; i++) {
		SAME_STR(x->cases[i], y->cases[i], ref);
		SAME(x->cases[i], y->cases[i], team_id);
		SAME(x->cases[i], y->cases[i], employee_id);
		SAME_STR(x->cases[i], y->cases[i], type);
		SAME(x->cases[i], y->cases[i], phase);
		SAME(x->cases[i], y->cases[i], opened);
		SAME(x->cases[i], y->cases[i], closed);
		SAME(x->cases[i], y->cases[i], origin_block);
	}
}

Test(demo, same_seed_same_city)
{
	struct city a, b;

	city_make(&a, "2026-11-23", 0, 0);
	city_make(&b, "2026-11-23", 0, 0);
	check_same(&a.d, &b.d);
	city_free(&b);
	/* 0 is the default seed, spelled out */
	city_make(&b, "2026-11-23", 0, 7511);
	check_same(&a.d, &b.d);
	city_free(&b);
	city_free(&a);
}

Test(demo, other_seed_other_city)
{
	struct city a, b;
	bool differ = false;

	city_make(&a, "2026-11-23", 0, 1);
	city_make(&b, "2026-11-23", 0, 2);
	for (size_t i = 0; i < a.d.n_employees && i < b.d.n_employees; i++)
		differ |= strcmp(a.d.employees[i].name,
		    b.d.employees[i].name) != 0;
	cr_assert(differ);
	check_overload(&a);
	check_overload(&b);
	city_free(&b);
	city_free(&a);
}

Test(demo, thirty_teams_for_benchmarks)
{
	struct city c;

	city_make(&c, "2026-11-23", 30, 0);
	cr_assert_eq(c.d.n_teams, 30);
	for (size_t i = 0; i < c.d.n_teams; i++) {
		size_t n = team_size(&c.d, c.d.teams[i].id);

		cr_assert(n >= 12 && n <= 25, "%s: %zu", c.d.teams[i].code, n);
		for (size_t j = i + 1; j < c.d.n_teams; j++)
			cr_assert_str_neq(c.d.teams[i].code, c.d.teams[j].code);
	}
	cr_assert_geq(dataset_team_by_code(&c.d, "CEN2"), 0);
	cr_assert_geq(dataset_team_by_code(&c.d, "TWV3"), 0);
	city_free(&c);
}

Test(demo, bad_team_count)
{
	struct demo_options opt = { .teams = -1 };
	struct settings s;
	struct store *st;
	struct err e;
	bool empty = false;

	err_clear(&e);
	settings_defaults(&s);
	cr_assert_eq(store_open(&st, test_database(":memory:"), "test", &e), 0,
	    "%s", e.msg);
	cr_assert_eq(demo_create(st, &s, D("2026-11-23"), &opt, &e), -1);
	cr_assert_eq(e.status, EXIT_USAGE);
	cr_assert_eq(store_is_empty(st, &empty, &e), 0, "%s", e.msg);
	cr_assert(empty);
	store_close(st);
	settings_clear(&s);
}

/* --- the sweeps of issue 12 agree with the week by week they replace --- */

Test(demo, totals_over_weeks_are_the_sums_of_the_weeks)
{
	struct city c;
	const int weeks = 26;

	city_make(&c, "2026-11-23", 10, 1);
	double *cap = xcalloc(c.d.n_employees + 1, sizeof *cap);
	double *dem = xcalloc(c.d.n_employees + 1, sizeof *dem);
	double *want_cap = xcalloc(c.d.n_employees + 1, sizeof *want_cap);
	double *want_dem = xcalloc(c.d.n_employees + 1, sizeof *want_dem);
	/* from the past (closed cases, ended activities), now, the future */
	const int firsts[] = { D("2025-06-02"), D("2026-11-23"),
		D("2027-03-01") };
	for (size_t f = 0; f < sizeof firsts / sizeof *firsts; f++) {
		for (int only = 0; only <= 1; only++) {
			int64_t team = only ? c.d.teams[2].id : 0;
			memset(want_cap, 0, c.d.n_employees * sizeof *want_cap);
			memset(want_dem, 0, c.d.n_employees * sizeof *want_dem);
			for (int w = 0; w < weeks; w++) {
				struct week_figures wf;
				workload_week(&c.d, &c.s, firsts[f] + 7 * w, &wf);
				for (size_t i = 0; i < c.d.n_employees; i++) {
					want_cap[i] += wf.employees[i].capacity;
					want_dem[i] += wf.employees[i].demand;
				}
				workload_week_clear(&wf);
			}
			workload_totals(&c.d, &c.s, firsts[f], weeks, team, cap,
			    dem);
			for (size_t i = 0; i < c.d.n_employees; i++) {
				bool in = team == 0 ||
				    c.d.employees[i].team_id == team;
				cr_assert_float_eq(cap[i], in ? want_cap[i] : 0,
				    1e-9, "capacity of %s", c.d.employees[i].code);
				cr_assert_float_eq(dem[i], in ? want_dem[i] : 0,
				    1e-9, "demand of %s", c.d.employees[i].code);
			}
		}
	}
	free(cap);
	free(dem);
	free(want_cap);
	free(want_dem);
	city_free(&c);
}

Test(demo, a_team_forecast_alone_is_the_city_forecast_of_that_team)
{
	struct city c;
	struct forecast_options o;
	struct forecast all, one;
	struct err e;

	city_make(&c, "2026-11-23", 10, 1);
	forecast_options_init(&o, &c.s, c.today);
	o.simulations = 100;
	cr_assert_eq(forecast_run(&c.d, &c.s, &o, &all, &e), 0, "%s", e.msg);
	cr_assert_eq(forecast_prepare(&c.d, &c.s, &o, &one, &e), 0, "%s",
	    e.msg);
	forecast_make_team(&one, 3);
	cr_assert(forecast_team_made(&one, 3));
	cr_assert(!forecast_team_made(&one, 2));
	for (int k = 0; k < o.weeks; k++) {
		const struct forecast_week *a = forecast_team_week(&all, 3, k);
		const struct forecast_week *b = forecast_team_week(&one, 3, k);
		cr_assert(a->p10 == b->p10 && a->p50 == b->p50 &&
		    a->p90 == b->p90, "week %d", k);
	}
	for (size_t i = 0; i < c.d.n_employees; i++) {
		if (c.d.employees[i].team_id != c.d.teams[3].id)
			continue;
		const struct forecast_week *a = forecast_employee_week(&all, i,
		    0);
		const struct forecast_week *b = forecast_employee_week(&one, i,
		    0);
		cr_assert(a->p50 == b->p50 && a->counted == b->counted,
		    "employee %s", c.d.employees[i].code);
	}
	forecast_clear(&all);
	forecast_clear(&one);
	city_free(&c);
}

Test(demo, the_forecast_learns_the_same_from_a_window_as_from_everything)
{
	struct city c;
	struct forecast_options o;
	struct forecast all, window;
	struct dataset part = { 0 };
	struct err e;

	city_make(&c, "2026-11-23", 10, 1);
	forecast_options_init(&o, &c.s, c.today);
	o.simulations = 50;
	cr_assert_eq(forecast_run(&c.d, &c.s, &o, &all, &e), 0, "%s", e.msg);
	cr_assert_eq(store_load(c.st, &part, forecast_learn_since(&o), &e), 0,
	    "%s", e.msg);
	cr_assert_lt(part.n_cases, c.d.n_cases, "a window, not everything");
	cr_assert_eq(forecast_run(&part, &c.s, &o, &window, &e), 0, "%s",
	    e.msg);
	for (size_t t = 0; t < c.d.n_teams; t++)
		for (int k = 0; k < o.weeks; k++) {
			const struct forecast_week *a =
			    forecast_team_week(&all, t, k);
			const struct forecast_week *b =
			    forecast_team_week(&window, t, k);
			cr_assert(a->p10 == b->p10 && a->p50 == b->p50 &&
			    a->p90 == b->p90, "team %zu week %d", t, k);
		}
	forecast_clear(&all);
	forecast_clear(&window);
	dataset_clear(&part);
	city_free(&c);
}
