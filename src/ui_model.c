/* ui_model: figures the views share that are costly to make, made once per
 * data change and kept, read-only: the weeks of the sparklines and the
 * forecast of the coming weeks (teams and employees). A view asks with ui_forecast; the first ask only marks it
 * wanted, and the loop makes it right after the frame is on screen, so the
 * first screen and a key never wait for it (ui_model_catch_up). */
#include <stdlib.h>

#include "app.h"
#include "err.h"
#include "forecast.h"
#include "ui_internal.h"
#include "workload.h"
#include "xmem.h"

struct ui_model {
	/* the 8 weeks up to the shown one, for the sparklines */
	struct week_figures spark[UI_SPARK_WEEKS];
	int spark_first;
	unsigned spark_gen; /* data_gen + 1 they were made from; 0: none */
	struct forecast forecast;
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
		ui_need(u, first);
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
	if (app_forecast(u->app, &o, &m->forecast, &e) < 0) {
		m->failed = true;
		ui_message(u, true, "%s", e.msg);
		return true;
	}
	m->made = true;
	return true;
}

void
ui_model_free(struct ui *u)
{
	if (u->model == NULL)
		return;
	for (int k = 0; k < UI_SPARK_WEEKS; k++)
		workload_week_clear(&u->model->spark[k]);
	forecast_clear(&u->model->forecast);
	free(u->model);
	u->model = NULL;
}
