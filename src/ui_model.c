/* ui_model: figures the views share that are costly to make, made once per
 * data change and kept, read-only: the weeks of the sparklines and the
 * forecast of the coming weeks (teams and employees). A view asks for the
 * forecast of a team with ui_forecast; the first ask only marks it wanted,
 * and the loop makes it right after the frame is on screen, a slice of
 * teams at a time while no key waits, so the first screen and a key never
 * wait for it (ui_model_catch_up). Only the teams shown are made: a
 * national city has a thousand. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "err.h"
#include "forecast.h"
#include "i18n.h"
#include "ui_internal.h"
#include "workload.h"
#include "xmem.h"

/* A few weeks' live figures, for previews (ui_live_week). */
#define WEEK_CACHE 8
struct ui_week_cache {
	unsigned gen[WEEK_CACHE]; /* content_gen + 1 it was made at; 0: none */
	struct week_figures fig[WEEK_CACHE];
	int next; /* the entry the next new week replaces */
};

struct ui_model {
	/* the 8 weeks up to the shown one, for the sparklines */
	struct week_figures spark[UI_SPARK_WEEKS];
	int spark_first;
	unsigned spark_gen; /* content_gen + 1 they were made from; 0: none */
	struct forecast forecast;
	unsigned gen;   /* u->content_gen it was prepared from */
	bool made;      /* forecast is prepared for gen */
	bool wanted;    /* a view asked since */
	bool *want;     /* [team]: a view asked for it */
	bool failed;    /* preparing failed for gen: not again */
};

const struct week_figures *
ui_spark_weeks(struct ui *u)
{
	struct ui_model *m = u->model;
	int first = u->monday - 7 * (UI_SPARK_WEEKS - 1);

	if (m->spark_gen != u->content_gen + 1 || m->spark_first != first) {
		for (int k = 0; k < UI_SPARK_WEEKS; k++)
			workload_week_clear(&m->spark[k]);
		ui_weeks(u, first, UI_SPARK_WEEKS, m->spark);
		m->spark_first = first;
		m->spark_gen = u->content_gen + 1;
	}
	return m->spark;
}

/* The forecast prepared for the data as it is now: the model learnt once
 * per data change (widening the data to what it learns from first). */
static bool
prepared(struct ui *u)
{
	struct ui_model *m = u->model;
	struct forecast_options o;
	struct err e;

	if (m->made && m->gen == u->content_gen)
		return true;
	if (m->failed && m->gen == u->content_gen)
		return false;
	forecast_clear(&m->forecast);
	free(m->want);
	m->want = NULL;
	m->made = m->failed = false;
	forecast_options_init(&o, &u->app->settings, u->app->today);
	o.employees = true;
	ui_need(u, forecast_learn_since(&o));
	m->gen = u->content_gen;
	err_clear(&e);
	if (app_forecast_prepare(u->app, &o, &m->forecast, &e) < 0) {
		m->failed = true;
		ui_message(u, true, "%s", e.msg);
		return false;
	}
	m->want = xcalloc(u->app->data.n_teams + 1, sizeof *m->want);
	m->made = true;
	return true;
}

void
ui_model_start(struct ui *u)
{
	u->model = xcalloc(1, sizeof *u->model);
	u->weeks = xcalloc(1, sizeof *u->weeks);
}

const struct forecast *
ui_forecast(const struct ui *u, long team)
{
	struct ui_model *m = u->model; /* made by ui_model_start */

	if (m == NULL)
		return NULL;
	if (team >= 0 && m->made && m->gen == u->content_gen &&
	    forecast_team_made(&m->forecast, (size_t)team))
		return &m->forecast;
	m->wanted = true;
	if (team >= 0 && m->want && m->gen == u->content_gen &&
	    (size_t)team < u->app->data.n_teams)
		m->want[team] = true;
	return NULL;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

const struct forecast *
ui_forecast_all(struct ui *u, long team, const char *what)
{
	struct ui_model *m = u->model;
	size_t n = u->app->data.n_teams;
	double shown = now_ms();

	if (!prepared(u))
		return NULL;
	for (size_t t = 0; t < n; t++) {
		if (team >= 0 && (size_t)team != t)
			continue;
		forecast_make_team(&m->forecast, t);
		/* a city of a thousand teams takes a while: say how far */
		if (what != NULL && now_ms() - shown > 100) {
			ui_progress(what, (double)(t + 1) / (double)n,
			    _("Forecast"));
			shown = now_ms();
		}
	}
	return &m->forecast;
}

bool
ui_model_catch_up(struct ui *u)
{
	struct ui_model *m = u->model;
	bool made = false;
	double start;

	/* the past weeks seen for the first time, frozen once they are on
	 * screen (app_weeks left them for now) */
	app_freeze_pending(u->app);
	if (!m->wanted)
		return false;
	if (!(m->made && m->gen == u->content_gen)) {
		/* learn first; the teams on the next frame */
		bool was_failed = m->failed && m->gen == u->content_gen;
		if (was_failed)
			return false;
		prepared(u);
		return true;
	}
	m->wanted = false;
	/* a slice of the teams the views asked for, then the frame again */
	start = now_ms();
	for (size_t t = 0; t < u->app->data.n_teams; t++) {
		if (!m->want[t])
			continue;
		if (made && now_ms() - start > UI_MODEL_SLICE_MS) {
			m->wanted = true; /* the rest next time */
			break;
		}
		m->want[t] = false;
		forecast_make_team(&m->forecast, t);
		made = true;
	}
	return made;
}


const struct week_figures *
ui_live_week(const struct ui *u, int monday)
{
	struct ui_week_cache *c = u->weeks;

	for (int i = 0; i < WEEK_CACHE; i++)
		if (c->gen[i] == u->content_gen + 1 && c->fig[i].monday == monday)
			return &c->fig[i];
	int i = c->next;
	c->next = (c->next + 1) % WEEK_CACHE;
	workload_week_clear(&c->fig[i]);
	workload_week(&u->app->data, &u->app->settings, monday, &c->fig[i]);
	c->gen[i] = u->content_gen + 1;
	return &c->fig[i];
}

static void
week_cache_free(struct ui_week_cache *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < WEEK_CACHE; i++)
		workload_week_clear(&c->fig[i]);
	free(c);
}

void
ui_set_week(struct ui *u, int monday)
{
	workload_week_clear(&u->fig);
	u->monday = monday;
	/* the views list the cases and blocks of the week shown */
	ui_need(u, monday);
	app_week(u->app, monday, &u->fig);
}

/* After what may have read more of the data (app_weeks and the like widen
 * the window for a past week without a snapshot): the indexes into the
 * cases and blocks moved when it did. */
static void
read_more(struct ui *u, int since_before)
{
	if (u->app->data.since != since_before)
		u->data_gen++;
}

void
ui_need(struct ui *u, int since)
{
	struct err e;

	if (since >= u->app->data.since)
		return;
	err_clear(&e);
	if (app_need(u->app, since, &e) < 0)
		ui_message(u, true, "%s", e.msg);
	u->data_gen++; /* read again: the dataset's indexes moved */
}

void
ui_weeks(struct ui *u, int first_monday, size_t n, struct week_figures *out)
{
	int since = u->app->data.since;

	app_weeks(u->app, first_monday, n, out);
	read_more(u, since);
}

void
ui_subject_weeks(struct ui *u, bool employee, long index, int first_monday,
    size_t n, struct app_subject_week *out)
{
	int since = u->app->data.since;

	app_subject_weeks(u->app, employee, index, first_monday, n, out);
	read_more(u, since);
}

void
ui_data_changed(struct ui *u)
{
	ui_set_week(u, u->monday);
	u->data_gen++;
	u->content_gen++;
	if (dataset_team_index(&u->app->data, u->selected[UI_VIEW_OVERVIEW]) < 0)
		u->view = UI_VIEW_OVERVIEW; /* the team shown is gone */
}

bool
ui_reload(struct ui *u)
{
	struct err e;
	int rc;

	err_clear(&e);
	if ((rc = app_reload(u->app, &e)) == -1)
		ui_message(u, true, "%s", e.msg);
	ui_data_changed(u);
	return rc == 0;
}

void
ui_done(struct ui *u, int rc, const struct err *e, const char *done)
{
	if (rc < 0) {
		/* the core's messages are English; known ones are translated */
		char msg[1024];
		ui_message(u, true, "%s", ui_translate(e->msg, msg, sizeof msg));
		app_reload(u->app, NULL); /* show what is really there now */
	} else {
		ui_message(u, false, "%s", done);
	}
	ui_data_changed(u);
}

void
ui_changed(struct ui *u, int rc, const struct err *e, const char *done)
{
	char msg[512], key[32];

	snprintf(msg, sizeof msg, _("%s; %s undoes it"), done,
	    ui_key(u, UI_ACT_UNDO, key, sizeof key));
	ui_done(u, rc, e, msg);
}

void
ui_model_free(struct ui *u)
{
	week_cache_free(u->weeks);
	u->weeks = NULL;
	if (u->model == NULL)
		return;
	for (int k = 0; k < UI_SPARK_WEEKS; k++)
		workload_week_clear(&u->model->spark[k]);
	forecast_clear(&u->model->forecast);
	free(u->model->want);
	free(u->model);
	u->model = NULL;
}
