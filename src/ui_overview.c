/* ui_overview: the manager's at-a-glance (SPEC §5). One row per team — all
 * teams, or the config's teams filter in its order — with load bar, load %,
 * status, an 8-week trend sparkline, members per status and in sustained
 * overload, waiting list, and the city total; a team in sustained overload
 * is bold with a "!" marker; "OVER in": in how many weeks the forecast's
 * median reaches OVER (blank: not within its horizon). Counts of zero are
 * blank. Enter opens the Team view, p the Planner, T the Trend. */
#include <stdio.h>

#include "app.h"
#include "forecast.h"
#include "i18n.h"
#include "text.h"
#include "ui_internal.h"

enum {
	COL_FLAG,
	COL_CODE,
	COL_NAME,
	COL_BAR,
	COL_LOAD,
	COL_STATUS,
	COL_SPARK,
	COL_OVER_IN,
	COL_OVER,
	COL_HIGH,
	COL_OK,
	COL_ROOM,
	COL_SUSTAINED,
	COL_WAITING,
	COL_COUNT
};

/* Title bar, column header; below the list the total and the legend. */
#define TOP_LINES 2
#define BOTTOM_LINES 3

/* The weeks of the sparklines while draw runs (ui_spark_weeks). */
static const struct week_figures *spark_weeks;


static int64_t
row_id(const struct ui *u, long index)
{
	return u->app->data.teams[index].id;
}

static int
list_height(void)
{
	return LINES - 1 - TOP_LINES - BOTTOM_LINES;
}

static void
layout(const struct ui *u, struct ui_column *c)
{
	int code_w = text_width(_("Code")), name_w = 10;
	int status_w = ui_status_width();

	for (size_t r = 0; r < u->n_rows; r++) {
		const struct team *t = &u->app->data.teams[u->rows[r]];
		if (text_width(t->code) > code_w)
			code_w = text_width(t->code);
		if (text_width(t->name) > name_w)
			name_w = text_width(t->name);
	}
	if (name_w > 30)
		name_w = 30; /* the bar gets the rest */
	if (text_width(_("Status")) > status_w)
		status_w = text_width(_("Status"));
	int wait_w = text_width(_("Waiting"));
	if (wait_w < 11)
		wait_w = 11; /* "12 / 30.5 h" */
	int long_w = text_width(_("Long"));
	if (long_w < 3)
		long_w = 3;
	c[COL_FLAG] = (struct ui_column){ "", 1, 1, 0, false, 0, 0 };
	c[COL_CODE] = (struct ui_column){ _("Code"), code_w, code_w, 0, false,
		0, 0 };
	/* at 80 columns the names of the demo's teams still fit */
	c[COL_NAME] = (struct ui_column){ _("Team"), name_w < 16 ? name_w : 16,
		name_w, 0, false, 0, 0 };
	c[COL_BAR] = (struct ui_column){ _("Load"), 6, 40, 2, false, 0, 0 };
	c[COL_LOAD] = (struct ui_column){ "%", 5, 5, 0, true, 0, 0 };
	c[COL_STATUS] = (struct ui_column){ _("Status"), status_w, status_w, 0,
		false, 0, 0 };
	/* dropped last: the trend is what the Overview is for */
	c[COL_SPARK] = (struct ui_column){ _("Trend"), UI_SPARK_WEEKS,
		UI_SPARK_WEEKS, 6, false, 0, 0 };
	int in_w = text_width(_("OVER in"));
	c[COL_OVER_IN] = (struct ui_column){ _("OVER in"), in_w < 5 ? 5 : in_w,
		in_w < 5 ? 5 : in_w, 8, true, 0, 0 };
	/* the counts go from the calm end: ROOM first, OVER last */
	c[COL_OVER] = (struct ui_column){ ui_status_marker(LOAD_STATUS_OVER),
		3, 3, 7, true, 0, 0 };
	c[COL_HIGH] = (struct ui_column){ ui_status_marker(LOAD_STATUS_HIGH),
		3, 3, 5, true, 0, 0 };
	c[COL_OK] = (struct ui_column){ ui_status_marker(LOAD_STATUS_OK), 3, 3,
		4, true, 0, 0 };
	c[COL_ROOM] = (struct ui_column){ ui_status_marker(LOAD_STATUS_ROOM),
		3, 3, 3, true, 0, 0 };
	/* not "!": that marks a team in sustained overload (the legend) */
	c[COL_SUSTAINED] = (struct ui_column){ _("Long"), long_w, long_w, 1,
		true, 0, 0 };
	c[COL_WAITING] = (struct ui_column){ _("Waiting"), wait_w, wait_w,
		0, true, 0, 0 };
	ui_layout(c, COL_COUNT, COLS);
}

/* One table row: a team's, or the total's (code and name given), with its
 * weeks for the sparkline. */
static void
draw_figures(const struct ui *u, const struct ui_column *c, int y,
    const struct team_week *tw, const struct team_week *const *spark,
    const char *code, const char *name, attr_t attr)
{
	char buf[128], hours[32];
	const int counts[] = { COL_OVER, LOAD_STATUS_OVER, COL_HIGH,
		LOAD_STATUS_HIGH, COL_OK, LOAD_STATUS_OK, COL_ROOM,
		LOAD_STATUS_ROOM };

	if (tw->sustained)
		attr |= A_BOLD;
	ui_put(y, c[COL_FLAG].x, c[COL_FLAG].w, tw->sustained ? "!" : " ",
	    false, attr);
	ui_put(y, c[COL_CODE].x, c[COL_CODE].w, code, false, attr);
	ui_put(y, c[COL_NAME].x, c[COL_NAME].w, name, false, attr);
	/* the bar keeps its colours on a selected row: drawn without attr */
	ui_bar(u, y, c[COL_BAR].x, c[COL_BAR].w, tw->load, tw->status,
	    attr & ~A_REVERSE);
	ui_put(y, c[COL_LOAD].x, c[COL_LOAD].w,
	    ui_load(buf, sizeof buf, tw->load, tw->counted), true, attr);
	ui_put(y, c[COL_STATUS].x, c[COL_STATUS].w,
	    ui_status_text(tw->status, buf, sizeof buf), false,
	    attr | ui_status_attr(u, tw->status));
	if (c[COL_SPARK].w > 0) /* its colours too, like the bar */
		ui_spark(u, y, c[COL_SPARK].x, spark, UI_SPARK_WEEKS,
		    attr & ~A_REVERSE);
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i += 2) {
		int n = tw->by_status[counts[i + 1]];
		snprintf(buf, sizeof buf, "%d", n);
		ui_put(y, c[counts[i]].x, c[counts[i]].w, n ? buf : "", true,
		    attr | (n ? ui_status_attr(u, counts[i + 1]) : A_NORMAL));
	}
	snprintf(buf, sizeof buf, "%d", tw->sustained_members);
	ui_put(y, c[COL_SUSTAINED].x, c[COL_SUSTAINED].w,
	    tw->sustained_members ? buf : "", true,
	    attr | (tw->sustained_members ? A_BOLD : A_NORMAL));
	/* cases / hours */
	snprintf(buf, sizeof buf, "%d / %s %s", tw->waiting_cases,
	    ui_hours(u, hours, sizeof hours, tw->waiting_hours), _("h"));
	ui_put(y, c[COL_WAITING].x, c[COL_WAITING].w,
	    tw->waiting_cases ? buf : "", true, attr);
}

/* In how many weeks team index goes OVER by the forecast: "3 wk", "" when
 * not within it, "…" while it is being made. */
static void
draw_over_in(const struct ui *u, const struct ui_column *c, int y,
    long index, attr_t attr)
{
	const struct forecast *forecast;
	char buf[32];
	int n;

	if (c[COL_OVER_IN].w == 0)
		return;
	if ((forecast = ui_forecast(u, index)) == NULL) {
		ui_put(y, c[COL_OVER_IN].x, c[COL_OVER_IN].w,
		    ui_glyph("…", "..."), true, attr);
		return;
	}
	n = forecast_over_in(forecast_team_week(forecast, (size_t)index, 0),
	    forecast->weeks, &u->app->settings);
	snprintf(buf, sizeof buf, ngettext("%d wk", "%d wk", n), n);
	ui_put(y, c[COL_OVER_IN].x, c[COL_OVER_IN].w, n ? buf : "", true,
	    attr | (n ? ui_status_attr(u, LOAD_STATUS_OVER) : A_NORMAL));
}

static void
draw_team(const struct ui *u, const struct ui_column *c, int y, long index,
    attr_t attr)
{
	const struct week_figures *w = spark_weeks;
	const struct team *t = &u->app->data.teams[index];
	const struct team_week *spark[UI_SPARK_WEEKS];

	for (int k = 0; k < UI_SPARK_WEEKS; k++)
		spark[k] = &w[k].teams[index];
	draw_figures(u, c, y, &u->fig.teams[index], spark, t->code, t->name,
	    attr);
	draw_over_in(u, c, y, index, attr);
}

/* The shown teams of week w added up, with the city's status. */
static void
total(const struct ui *u, const struct week_figures *w, struct team_week *t)
{
	*t = (struct team_week){ 0 };
	for (size_t r = 0; r < u->n_rows; r++) {
		const struct team_week *tw = &w->teams[u->rows[r]];
		t->capacity += tw->capacity;
		t->demand += tw->demand;
		t->waiting_hours += tw->waiting_hours;
		t->waiting_cases += tw->waiting_cases;
		t->members += tw->members;
		t->sustained_members += tw->sustained_members;
		for (int s = 0; s < LOAD_STATUS_COUNT; s++)
			t->by_status[s] += tw->by_status[s];
	}
	t->counted = t->capacity > 0 || t->demand > 0;
	t->load = workload_load(t->demand, t->capacity);
	t->status = workload_status(t->load, t->counted, &u->app->settings);
}

static void
draw(struct ui *u)
{
	struct ui_column c[COL_COUNT];
	struct team_week t, weeks[UI_SPARK_WEEKS];
	const struct team_week *spark[UI_SPARK_WEEKS];
	char who[128];

	/* one app_weeks for every team's sparkline */
	spark_weeks = ui_spark_weeks(u);
	ui_list_cursor(u);
	layout(u, c);
	ui_header(c, COL_COUNT, 1, -1, false);
	/* the total follows the last row, not the bottom of the screen */
	int y = ui_list_draw(u, c, TOP_LINES, list_height(), draw_team,
	    _("No teams. Try: wijklast demo --db FILE"));
	total(u, &u->fig, &t);
	for (int k = 0; k < UI_SPARK_WEEKS; k++) {
		total(u, &spark_weeks[k], &weeks[k]);
		spark[k] = &weeks[k];
	}
	ui_rule(u, c, COL_COUNT, y);
	draw_figures(u, c, y + 1, &t, spark, "",
	    u->app->settings.n_teams ? _("Total") : _("City total"), A_BOLD);
	/* "! team, Long: members OVER 4 weeks running" */
	snprintf(who, sizeof who, _("team, %s: members"), _("Long"));
	ui_legend(u, y + 2, c[COL_SUSTAINED].w > 0 ? who : _("team"));
}

static bool
action(struct ui *u, enum ui_action act)
{
	switch (act) {
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT:
		ui_show(u, UI_VIEW_TEAM);
		return true;
	case UI_ACT_ADD:
		ui_team_form(u, 0);
		return true;
	case UI_ACT_EDIT:
		ui_team_form(u, u->selected[UI_VIEW_OVERVIEW]);
		return true;
	case UI_ACT_LEFT:
	case UI_ACT_BACK:
	case UI_ACT_SORT_NEXT:
	case UI_ACT_SORT_REVERSE:
		return true; /* nothing to go back to or sort here */
	default:
		return false;
	}
}

static const struct ui_hint hints[] = {
	{ { UI_ACT_QUIT }, N_("quit") },
	{ { UI_ACT_OPEN }, N_("team") },
	{ { UI_ACT_VIEW_PLANNER }, N_("planner") },
	{ { UI_ACT_VIEW_TREND }, N_("trend") },
	{ { UI_ACT_WEEK_PREV, UI_ACT_WEEK_NEXT }, N_("week") },
	{ { UI_ACT_EDIT }, N_("edit") },
	{ { UI_ACT_EXPORT }, N_("export") },
	{ { UI_ACT_NONE }, NULL },
};

static const enum ui_action own[] = { UI_ACT_ADD, UI_ACT_EDIT, UI_ACT_NONE };

const struct ui_view_ops ui_overview_ops = {
	.name = N_("Overview"),
	.key_name = "overview",
	.keys = { '1' },
	.help = N_("Overview"),
	.actions = own,
	.hints = hints,
	.rows = ui_team_rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
};
