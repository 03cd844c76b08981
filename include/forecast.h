/* forecast: the load of every team and employee in the coming weeks as a
 * median and an 80 % band, by Monte Carlo over what the data shows: the
 * weekly inflow of cases per team and type, how long cases stay open
 * (Kaplan–Meier per type), the phase mix by age, and the capacity and
 * demand already known (workload.h). Pure: no I/O, a fixed seed. Also the
 * backtest that replays history to show the band is honest. */
#ifndef WIJKLAST_FORECAST_H
#define WIJKLAST_FORECAST_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "settings.h"

struct err;

/* A type with fewer closed cases than this uses the curve of all types. */
#define FORECAST_KM_MIN_EVENTS 20
/* The horizons the backtest scores, in weeks ahead. */
#define FORECAST_BACKTEST_HORIZONS 2

struct forecast_options {
	int from;       /* Monday of the first week forecast */
	int weeks;      /* 1 .. 52 */
	int known;      /* the day the data is known up to: later openings are
			 * ignored, later closings not yet known (still open) */
	int simulations;
	int history_weeks; /* weeks of inflow resampled */
	bool employees; /* also each employee (costs time; teams always) */
};

/* The first day a forecast of o learns from: how long cases stay open is
 * read from the cases that closed in the FORECAST_LEARN_WEEKS (or the
 * history_weeks, when more) before the week of o->known; the inflow from
 * the last history_weeks. What a dataset must hold for it. */
#define FORECAST_LEARN_WEEKS 52
int forecast_learn_since(const struct forecast_options *o);

/* The options of a forecast from next week on, from the settings. */
void forecast_options_init(struct forecast_options *o,
    const struct settings *s, int today);

/* One week of one team or employee: the load as a fraction at the 10th,
 * 50th and 90th percentile of the simulations (INFINITY: demand on no
 * capacity). counted is false when there is neither capacity nor demand. */
struct forecast_week {
	double p10, p50, p90;
	bool counted;
};

struct forecast_model;

struct forecast {
	int from, weeks;
	size_t n_teams, n_employees; /* as the dataset's */
	struct forecast_week *teams;     /* [team * weeks + k] */
	struct forecast_week *employees; /* [employee * weeks + k]; NULL
					  * unless asked for */
	/* the capacity each week has as the data knows it (absences,
	 * holidays, starters, leavers): [team or employee * weeks + k] */
	double *team_capacity, *employee_capacity;
	bool *team_made;  /* [team]: its rows (and its members') are made */
	struct forecast_model *model; /* what forecast_make_team needs */
};

/* Forecast the weeks of o for the whole of d into out (free with
 * forecast_clear). The same data and options give the same figures. -1
 * with e when the options are out of range. */
int forecast_run(const struct dataset *d, const struct settings *s,
    const struct forecast_options *o, struct forecast *out, struct err *e);
void forecast_clear(struct forecast *f);

/* The same in steps, for a city too big to forecast whole at every change
 * (issue 12): prepare learns from the data once (out's rows all not made
 * yet, the capacities there); make_team simulates one team (a dataset
 * index) and its members, the same figures forecast_run gives them. d
 * must stay as it is until forecast_clear. */
int forecast_prepare(const struct dataset *d, const struct settings *s,
    const struct forecast_options *o, struct forecast *out, struct err *e);
void forecast_make_team(struct forecast *f, size_t team);
bool forecast_team_made(const struct forecast *f, size_t team);

/* Borrowed pointer to week k of team t / employee i. */
const struct forecast_week *forecast_team_week(const struct forecast *f,
    size_t t, int k);
const struct forecast_week *forecast_employee_week(const struct forecast *f,
    size_t i, int k);

/* In how many weeks the median first reaches OVER (1: next week), of
 * weeks[0 .. n-1]; 0 when it does not within them. */
int forecast_over_in(const struct forecast_week *weeks, int n,
    const struct settings *s);

/* Kaplan–Meier with late entry: observation i entered the risk set at
 * entry[i] and left at time[i] (both in whole weeks since opening, entry <=
 * time), closed then when event[i], still open (censored) otherwise.
 * surv[j] = P(T > j) for j = 0 .. n_surv - 1; past the last time at risk
 * it stays at its last value. */
void forecast_km(const int *entry, const int *time, const bool *event,
    size_t n, double *surv, size_t n_surv);

/* The backtest of one horizon: the share of outcomes inside the 80 % band,
 * the mean absolute error of the median and of two naive forecasts (the
 * last week's load; the line through the last 8 weeks), over n forecasts. */
struct forecast_score {
	int horizon;
	double coverage, mae, mae_last, mae_trend;
	int n;
};

/* Replay history up to today: for every past week with history_weeks of
 * inflow before it, forecast each team (or only team, a dataset index, when
 * >= 0) 4 and 8 weeks ahead from the data known then, and score it against
 * the load of that week recomputed from all the data. */
void forecast_backtest(const struct dataset *d, const struct settings *s,
    int today, long team, struct forecast_score out[FORECAST_BACKTEST_HORIZONS]);

#endif
