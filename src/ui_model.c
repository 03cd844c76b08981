/* ui_model: figures the views share that are costly to make, made once per
 * data change and kept, read-only: the weeks of the sparklines, the forecast
 * of the coming weeks (teams and employees) and the capacities of its first
 * weeks. A view asks with ui_forecast; the first ask only marks it
 * wanted, and the loop makes it right after the frame is on screen, so the
 * first screen and a key never wait for it (ui_model_catch_up). */
#include <stdlib.h>

#include "app.h"
#include "err.h"
#include "forecast.h"
#include "ui_internal.h"
#include "workload.h"
#include "xmem.h"

/* Weeks of the forecast whose capacities are kept (the sparklines'). */
#define CAPACITY_WEEKS UI_SPARK_WEEKS

struct ui_model {
	/* the 8 weeks up to the shown one, for the sparklines */
	struct week_figures spark[UI_SPARK_WEEKS];
	int spark_first;
	unsigned spark_gen; /* data_gen + 1 they were made from; 0: none */
	struct forecast forecast;
	/* each employee's capacity in the forecast's first weeks, as the
	 * data knows them: what a discipline's median is weighted by */
	double *capacity; /* [week * n_employees + i] */
	size_t n_employees;
	unsigned gen;   /* u->data_gen it was made from */
	bool made;      /* forecast holds figures of gen */
	bool wanted;    /* a view asked since */
	bool failed;    /* making it failed for gen: not again */
};

static struct ui_model *
model(struct ui *u)
{
	if (u->model == NULL)
		u->model = xcalloc(1, sizeof *u->model);
	return u->model;
}

const struct week_figures *
ui_spark_weeks(struct ui *u)
{
	struct ui_model *m = model(u);
	int first = u->monday - 7 * (UI_SPARK_WEEKS - 1);

	if (m->spark_gen != u->data_gen + 1 || m->spark_first != first) {
		for (int k = 0; k < UI_SPARK_WEEKS; k++)
			workload_week_clear(&m->spark[k]);
		app_weeks(u->app, first, UI_SPARK_WEEKS, m->spark);
		m->spark_first = first;
		m->spark_gen = u->data_gen + 1;
	}
	return m->spark;
}

const struct forecast *
ui_forecast(struct ui *u)
{
	struct ui_model *m = model(u);

	if (m->made && m->gen == u->data_gen)
		return &m->forecast;
	m->wanted = true;
	return NULL;
}

bool
ui_model_catch_up(struct ui *u)
{
	struct ui_model *m = model(u);
	struct forecast_options o;
	struct err e;

	if (!m->wanted || (m->failed && m->gen == u->data_gen))
		return false;
	m->wanted = false;
	forecast_clear(&m->forecast);
	m->made = m->failed = false;
	m->gen = u->data_gen;
	forecast_options_init(&o, &u->app->settings, u->app->today);
	o.employees = true;
	err_clear(&e);
	if (forecast_run(&u->app->data, &u->app->settings, &o, &m->forecast,
	    &e) < 0) {
		m->failed = true;
		ui_message(u, true, "%s", e.msg);
		return true;
	}
	free(m->capacity);
	m->n_employees = u->app->data.n_employees;
	m->capacity = xcalloc(CAPACITY_WEEKS * m->n_employees + 1,
	    sizeof *m->capacity);
	for (int k = 0; k < CAPACITY_WEEKS && k < m->forecast.weeks; k++) {
		struct week_figures wf;
		workload_week(&u->app->data, &u->app->settings,
		    m->forecast.from + 7 * k, &wf);
		for (size_t i = 0; i < m->n_employees; i++)
			m->capacity[k * m->n_employees + i] =
			    wf.employees[i].capacity;
		workload_week_clear(&wf);
	}
	m->made = true;
	return true;
}

const double *
ui_forecast_capacity(struct ui *u, int k)
{
	struct ui_model *m = model(u);

	if (ui_forecast(u) == NULL || k < 0 || k >= CAPACITY_WEEKS ||
	    k >= m->forecast.weeks)
		return NULL;
	return &m->capacity[(size_t)k * m->n_employees];
}

void
ui_model_free(struct ui *u)
{
	if (u->model == NULL)
		return;
	for (int k = 0; k < UI_SPARK_WEEKS; k++)
		workload_week_clear(&u->model->spark[k]);
	forecast_clear(&u->model->forecast);
	free(u->model->capacity);
	free(u->model);
	u->model = NULL;
}
