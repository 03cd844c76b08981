/* forecast: Kaplan–Meier against a hand computation, Little's law on a
 * steady flow of cases, the same figures from the same data, and the
 * backtest on a history whose truth is known. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "dataset.h"
#include "forecast.h"
#include "settings.h"
#include "testutil.h"
#include "workload.h"

/* Twelve cases, whole weeks open, closed (event) or still open: hand
 * computed, n at risk and closings at each time:
 * t=2 12,1  t=4 10,2  t=6 7,1  t=8 5,1  t=9 3,1  t=12 1,1. */
Test(forecast, kaplan_meier_by_hand)
{
	const int time[] = { 2, 3, 4, 4, 5, 6, 7, 8, 8, 9, 10, 12 };
	const bool event[] = { 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1 };
	const int entry[12] = { 0 };
	double s[14];
	double want[14];

	want[0] = want[1] = 1.0;
	want[2] = want[3] = 11.0 / 12;
	want[4] = want[5] = want[2] * 8 / 10;
	want[6] = want[7] = want[4] * 6 / 7;
	want[8] = want[6] * 4 / 5;
	want[9] = want[10] = want[11] = want[8] * 2 / 3;
	want[12] = want[13] = 0.0;
	forecast_km(entry, time, event, 12, s, 14);
	for (int j = 0; j < 14; j++)
		cr_assert_float_eq(s[j], want[j], 1e-12, "S(%d) = %f, want %f",
		    j, s[j], want[j]);
}

/* Late entry: a case seen only from week 5 on does not count as at risk
 * before; alone with one closing at 3 it changes nothing there. */
Test(forecast, kaplan_meier_late_entry)
{
	const int entry[] = { 0, 0, 5 };
	const int time[] = { 3, 6, 8 };
	const bool event[] = { 1, 1, 1 };
	double s[10];

	forecast_km(entry, time, event, 3, s, 10);
	cr_assert_float_eq(s[3], 0.5, 1e-12);  /* 2 at risk, not 3 */
	cr_assert_float_eq(s[6], 0.25, 1e-12); /* 2 at risk: the late one too */
	cr_assert_float_eq(s[8], 0.0, 1e-12);
}

/* A small deterministic random stream for the generated histories. */
static uint64_t
lcg(uint64_t *x)
{
	*x = *x * 6364136223846793005ull + 1442695040888963407ull;
	return *x >> 33;
}

struct world {
	struct settings s;
	struct dataset d;
	int today;
};

/* One team with one full-time employee (no holidays: capacity 32.4 h
 * every week) and a waiting list fed for weeks weeks: each week in cases
 * (random 3..7 when random, else 5) of type JGD at 1 h a week, each open
 * for a lifetime of weeks drawn from 0..12 (mean 6). */
static void
world_seeded(struct world *w, int weeks, bool random, uint64_t seed)
{
	int first = D("2028-01-03"); /* a Monday */
	uint64_t x = seed;
	struct team *t;
	struct employee *em;

	memset(w, 0, sizeof *w);
	settings_defaults(&w->s);
	w->s.n_holidays = 0;
	for (int p = 0; p < PHASE_COUNT; p++)
		w->s.phase_factor[p] = 1.0;
	w->s.case_types[0].hours = 1.0; /* JGD */
	w->today = first + 7 * weeks + 2;
	t = TEST_APPEND(w->d.teams, w->d.n_teams);
	snprintf(t->code, sizeof t->code, "T");
	em = TEST_APPEND(w->d.employees, w->d.n_employees);
	snprintf(em->code, sizeof em->code, "E1");
	em->team_id = t->id;
	em->contract_hours = 36;
	em->workdays = WORKDAYS_ALL;
	em->start = first - 365;
	em->end = DATE_NONE;
	for (int wk = 0; wk <= weeks; wk++) {
		int n = random ? 3 + (int)(lcg(&x) % 5) : 5;

		for (int i = 0; i < n; i++) {
			struct case_item *c = TEST_APPEND(w->d.cases,
			    w->d.n_cases);
			int life = random ? (int)(lcg(&x) % 13) :
			    (wk * 5 + i) % 13;

			snprintf(c->ref, sizeof c->ref, "C%zu", w->d.n_cases);
			snprintf(c->type, sizeof c->type, "JGD");
			c->team_id = t->id;
			c->phase = PHASE_ACTIVE;
			c->opened = first + 7 * wk + i % 5;
			if (c->opened > w->today) { /* not yet */
				w->d.n_cases--;
				continue;
			}
			c->closed = c->opened + 7 * life;
			if (c->closed > w->today)
				c->closed = DATE_NONE;
		}
	}
}

static void
world_make(struct world *w, int weeks, bool random)
{
	world_seeded(w, weeks, random, 42);
}

static void
world_free(struct world *w)
{
	dataset_clear(&w->d);
	settings_clear(&w->s);
}

/* Little's law: 5 cases a week that each count in 7 weeks on average
 * (lifetime 0..12 weeks, the week it opens included) keep 35 open. */
Test(forecast, littles_law)
{
	struct world w;
	struct forecast f;
	struct forecast_options o;
	struct err e;
	double want;

	world_make(&w, 150, false);
	forecast_options_init(&o, &w.s, w.today);
	o.employees = false;
	cr_assert_eq(forecast_run(&w.d, &w.s, &o, &f, &e), 0, "%s", e.msg);
	want = 35.0 / (36 * 0.9);
	for (int k = 4; k < f.weeks; k++) {
		const struct forecast_week *fw = forecast_team_week(&f, 0, k);

		cr_assert(fw->p10 <= want && want <= fw->p90,
		    "week %d: %.3f not in %.3f .. %.3f", k, want, fw->p10,
		    fw->p90);
		cr_assert_float_eq(fw->p50, want, 0.08 * want,
		    "week %d: median %.3f, want %.3f", k, fw->p50, want);
		cr_assert_lt(fw->p10, fw->p90, "a band, not a point");
	}
	forecast_clear(&f);
	world_free(&w);
}

Test(forecast, same_data_same_figures)
{
	struct world w;
	struct forecast a, b;
	struct forecast_options o;
	struct err e;

	world_make(&w, 80, true);
	forecast_options_init(&o, &w.s, w.today);
	cr_assert_eq(forecast_run(&w.d, &w.s, &o, &a, &e), 0);
	cr_assert_eq(forecast_run(&w.d, &w.s, &o, &b, &e), 0);
	cr_assert_eq(a.weeks, b.weeks);
	cr_assert_eq(memcmp(a.teams, b.teams, (size_t)a.weeks *
	    sizeof *a.teams), 0);
	cr_assert_eq(memcmp(a.employees, b.employees, (size_t)a.weeks *
	    sizeof *a.employees), 0);
	forecast_clear(&a);
	forecast_clear(&b);
	world_free(&w);
}

/* New cases land on the waiting list when no intake block is planned; an
 * employee's own cases only close. */
Test(forecast, inflow_goes_to_the_team)
{
	struct world w;
	struct forecast f;
	struct forecast_options o;
	struct err e;

	world_make(&w, 60, false);
	forecast_options_init(&o, &w.s, w.today);
	cr_assert_eq(forecast_run(&w.d, &w.s, &o, &f, &e), 0);
	for (int k = 0; k < f.weeks; k++)
		cr_assert_float_eq(forecast_employee_week(&f, 0, k)->p50, 0.0,
		    1e-9);
	cr_assert_gt(forecast_team_week(&f, 0, 0)->p50, 0.5);
	forecast_clear(&f);
	cr_assert_eq(forecast_run(&w.d, &w.s, &(struct forecast_options){
	    .from = o.from, .weeks = 0, .known = o.known, .simulations = 10,
	    .history_weeks = 4 }, &f, &e), -1);
	forecast_clear(&f);
	world_free(&w);
}

/* A random but steady history: the truth is a noisy flat line, so the
 * band must hold it about 8 times in 10 and the median must beat the
 * last value and the trend line. One history of one team scores about
 * fifty overlapping forecasts, and its coverage wanders from 0.8 to 1.0
 * with the seed alone: the scores are the mean over eight histories. */
Test(forecast, backtest_on_a_known_history)
{
	enum { HISTORIES = 8 };
	struct forecast_score mean[FORECAST_BACKTEST_HORIZONS] = { { 0 } };

	for (uint64_t seed = 1; seed <= HISTORIES; seed++) {
		struct world w;
		struct forecast_score sc[FORECAST_BACKTEST_HORIZONS];

		world_seeded(&w, 90, true, seed);
		forecast_backtest(&w.d, &w.s, w.today, -1, sc);
		for (int h = 0; h < FORECAST_BACKTEST_HORIZONS; h++) {
			cr_assert_gt(sc[h].n, 30, "horizon %d: n %d",
			    sc[h].horizon, sc[h].n);
			mean[h].horizon = sc[h].horizon;
			mean[h].coverage += sc[h].coverage / HISTORIES;
			mean[h].mae += sc[h].mae / HISTORIES;
			mean[h].mae_last += sc[h].mae_last / HISTORIES;
			mean[h].mae_trend += sc[h].mae_trend / HISTORIES;
		}
		world_free(&w);
	}
	for (int h = 0; h < FORECAST_BACKTEST_HORIZONS; h++) {
		cr_assert(mean[h].coverage >= 0.65 &&
		    mean[h].coverage <= 0.97, "horizon %d: coverage %.2f",
		    mean[h].horizon, mean[h].coverage);
		cr_assert_lt(mean[h].mae, mean[h].mae_last, "horizon %d",
		    mean[h].horizon);
		cr_assert_lt(mean[h].mae, mean[h].mae_trend, "horizon %d",
		    mean[h].horizon);
	}
	cr_assert_eq(mean[0].horizon, 4);
	cr_assert_eq(mean[1].horizon, 8);
}

/* With intake blocks planned, the new cases of those weeks land on the
 * holders: E1 holds one in the first two weeks only. */
Test(forecast, inflow_goes_to_block_holders)
{
	struct world w;
	struct forecast f;
	struct forecast_options o;
	struct err e;

	world_make(&w, 60, false);
	forecast_options_init(&o, &w.s, w.today);
	for (int k = 0; k < 2; k++) {
		struct block *b = TEST_APPEND(w.d.blocks, w.d.n_blocks);

		b->team_id = 1;
		b->employee_id = 1;
		b->date = o.from + 7 * k + 1;
		b->hours = 4;
	}
	cr_assert_eq(forecast_run(&w.d, &w.s, &o, &f, &e), 0);
	for (int k = 0; k < f.weeks; k++)
		cr_assert(forecast_employee_week(&f, 0, k)->p50 > 0.05,
		    "week %d: %.3f", k, forecast_employee_week(&f, 0, k)->p50);
	/* the block's own hours only in its week; cases stay after it */
	cr_assert_gt(forecast_employee_week(&f, 0, 1)->p50,
	    forecast_employee_week(&f, 0, 2)->p50);
	forecast_clear(&f);
	world_free(&w);
}

/* A team with people and no case yet (a database being set up): the
 * forecast is their known load, and no date arithmetic runs off DATE_NONE
 * (UBSan found it through an export of such a database). */
Test(forecast, no_cases_at_all)
{
	struct dataset ds = { 0 };
	struct settings st;
	struct forecast_options o;
	struct forecast f;
	struct err e;

	settings_defaults(&st);
	struct team *t = TEST_APPEND(ds.teams, ds.n_teams);
	snprintf(t->code, sizeof t->code, "CEN");
	struct employee *em = TEST_APPEND(ds.employees, ds.n_employees);
	em->team_id = 1;
	em->contract_hours = 36;
	em->workdays = WORKDAYS_ALL;
	em->start = D("2026-01-01");
	em->end = DATE_NONE;
	forecast_options_init(&o, &st, D("2026-11-23"));
	o.simulations = 20;
	err_clear(&e);
	cr_assert_eq(forecast_run(&ds, &st, &o, &f, &e), 0, "%s", e.msg);
	for (int k = 0; k < f.weeks; k++) {
		const struct forecast_week *w = forecast_team_week(&f, 0, k);
		cr_assert(w->p50 == 0 || !w->counted, "week %d: %g", k,
		    w->p50);
	}
	forecast_clear(&f);
	dataset_clear(&ds);
	settings_clear(&st);
}
