/* ui_team: one team's employees for the shown week (SPEC §5): FTE,
 * capacity, case / intake / side hours, demand, load, bar and status,
 * sortable by any shown column (s >: next column, <: previous, S: reverse),
 * with the team total and its waiting list. Enter opens the selected
 * employee; back (Esc, h, ←, q) returns to the Overview; a adds an
 * employee, e edits the selected one, x ends their contract (ui_people.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "forecast.h"
#include "i18n.h"
#include "text.h"
#include "ui_internal.h"
#include "xmem.h"

enum {
	COL_FLAG, /* 0: never a sort column, so team_sort 0 means the default */
	COL_NAME,
	COL_FTE,
	COL_CAPACITY, /* capacity … demand: adjacent, see draw_hours */
	COL_CASE,
	COL_INTAKE,
	COL_SIDE,
	COL_DEMAND,
	COL_LOAD,
	COL_BAR,
	COL_STATUS,
	COL_AHEAD, /* the forecast's median of the coming weeks */
	COL_COUNT
};

/* What s cycles through (in table order), and the names the header line
 * shows. */
static const int sort_cols[] = { COL_NAME, COL_FTE, COL_CAPACITY, COL_CASE,
	COL_INTAKE, COL_SIDE, COL_DEMAND, COL_LOAD, COL_STATUS };
static const char *const sort_names[COL_COUNT] = {
	[COL_NAME] = N_("name"),
	[COL_FTE] = N_("FTE"),
	[COL_CAPACITY] = N_("capacity"),
	[COL_CASE] = N_("case hours"),
	[COL_INTAKE] = N_("intake hours"),
	[COL_SIDE] = N_("side-activity hours"),
	[COL_DEMAND] = N_("demand"),
	[COL_LOAD] = N_("load"),
	[COL_STATUS] = N_("status"),
};
#define DEFAULT_SORT COL_LOAD

/* Title bar, team line, column header; below: rule, total, waiting list
 * and the selected employee's details. */
#define TOP_LINES 3
#define BOTTOM_LINES 4

struct sort_row {
	long index;
	double key;
	const char *name;
};

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct sort_row *a = pa, *b = pb;
	int c;

	/* larger first: the natural order of every number column */
	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	if ((c = text_name_compare(a->name, b->name)) != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int
sort_col(const struct ui *u)
{
	return u->team_sort == 0 ? DEFAULT_SORT : u->team_sort;
}

/* Descending on screen? Names sort A-Z by nature, numbers high first. */
static bool
sort_descending(const struct ui *u)
{
	return (sort_col(u) != COL_NAME) != u->team_sort_reverse;
}

static double
sort_key(const struct ui *u, long i, int col)
{
	const struct employee_week *w = &u->fig.employees[i];

	switch (col) {
	case COL_FTE:
		return u->app->data.employees[i].contract_hours;
	case COL_CAPACITY:
		return w->capacity;
	case COL_CASE:
		return w->case_hours;
	case COL_INTAKE:
		return w->intake_hours;
	case COL_SIDE:
		return w->side_hours;
	case COL_DEMAND:
		return w->demand;
	case COL_LOAD:
		return w->counted ? w->load : -1; /* INFINITY sorts first */
	case COL_STATUS: /* then by load; loads stay far below 1e6 */
		return w->status * 1e6 +
		    (!w->counted ? 0 : isinf(w->load) ? 1e5 : w->load);
	default:
		return 0; /* by name */
	}
}

/* The team shown (the Overview's selection), or -1 (gone in a reload). */
static long
team_index(const struct ui *u)
{
	return dataset_team_index(&u->app->data, u->selected[UI_VIEW_OVERVIEW]);
}

/* The members of the team in the shown week, in sort order. */
static void
rows(struct ui *u)
{
	const struct dataset *d = &u->app->data;
	long t = team_index(u);
	struct sort_row *sorted;
	size_t n = 0;

	if (t < 0)
		return;
	sorted = xcalloc(d->n_employees ? d->n_employees : 1, sizeof *sorted);
	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];
		if (em->team_id != d->teams[t].id ||
		    !workload_is_member(em, u->monday))
			continue;
		sorted[n++] = (struct sort_row){ (long)i,
			sort_key(u, (long)i, sort_col(u)), em->name };
	}
	qsort(sorted, n, sizeof *sorted, cmp_rows);
	/* cmp_rows gives each column's natural order; reversed reads it back */
	for (size_t k = 0; k < n; k++)
		ui_rows_push(u, sorted[u->team_sort_reverse ? n - 1 - k : k].index);
	free(sorted);
}

static int64_t
row_id(const struct ui *u, long index)
{
	return u->app->data.employees[index].id;
}

static int
list_height(void)
{
	return LINES - 1 - TOP_LINES - BOTTOM_LINES;
}

/* A column as wide as its data or its title plus a sort arrow. */
static struct ui_column
column(const char *title, int data_w, int drop, bool right)
{
	int w = text_width(title) + 1;

	if (w < data_w)
		w = data_w;
	return (struct ui_column){ title, w, w, drop, right, 0, 0 };
}

static void
layout(struct ui_column *c)
{
	c[COL_FLAG] = (struct ui_column){ "", 1, 1, 0, false, 0, 0 };
	c[COL_NAME] = (struct ui_column){ _("Employee"), 18, 28, 0, false, 0,
		0 };
	c[COL_FTE] = column(_("FTE"), 4, 3, true);
	c[COL_CAPACITY] = column(_("Cap."), 5, 0, true);
	c[COL_CASE] = column(_("Cases"), 5, 0, true);
	c[COL_INTAKE] = column(_("Intake"), 5, 0, true);
	c[COL_SIDE] = column(_("Side"), 5, 0, true);
	c[COL_DEMAND] = column(_("Demand"), 5, 1, true);
	c[COL_LOAD] = column("%", 5, 0, true);
	/* wide enough for the "no capacity" that replaces an infinite bar */
	c[COL_BAR] = (struct ui_column){ _("Load"), 11, 24, 2, false, 0, 0 };
	c[COL_STATUS] = column(_("Status"), ui_status_width(), 0, false);
	int ahead_w = text_width(_("Ahead"));
	if (ahead_w < UI_SPARK_WEEKS)
		ahead_w = UI_SPARK_WEEKS;
	c[COL_AHEAD] = (struct ui_column){ _("Ahead"), ahead_w, ahead_w, 1,
		false, 0, 0 };
	ui_layout(c, COL_COUNT, COLS);
}

/* The hours columns of a row: capacity, case, intake, side, demand. */
static void
draw_hours(const struct ui *u, const struct ui_column *c, int y,
    const double h[5], attr_t attr)
{
	char buf[32];

	for (int i = 0; i < 5; i++)
		ui_put(y, c[COL_CAPACITY + i].x, c[COL_CAPACITY + i].w,
		    ui_hours(u, buf, sizeof buf, h[i]), true, attr);
}

static void
draw_load(const struct ui *u, const struct ui_column *c, int y, double load,
    bool counted, enum load_status st, attr_t attr)
{
	char buf[64];

	ui_put(y, c[COL_LOAD].x, c[COL_LOAD].w,
	    ui_load(buf, sizeof buf, load, counted), true, attr);
	if (isinf(load))
		ui_put(y, c[COL_BAR].x, c[COL_BAR].w, _("no capacity"), false,
		    attr | ui_status_attr(u, st));
	else /* the bar keeps its colours on a selected row */
		ui_bar(u, y, c[COL_BAR].x, c[COL_BAR].w, load, st,
		    attr & ~A_REVERSE);
	ui_put(y, c[COL_STATUS].x, c[COL_STATUS].w,
	    ui_status_text(st, buf, sizeof buf), false,
	    attr | ui_status_attr(u, st));
}

/* The forecast while draw runs (ui_forecast), or NULL: not made yet. */
static const struct forecast *forecast;

/* The median of the coming weeks as a sparkline: week k of fw[k]. */
static void
draw_ahead(const struct ui *u, const struct ui_column *c, int y,
    const struct forecast_week *fw, int n, attr_t attr)
{
	struct team_week weeks[UI_SPARK_WEEKS];
	const struct team_week *spark[UI_SPARK_WEEKS];

	if (c[COL_AHEAD].w == 0)
		return;
	if (fw == NULL) {
		ui_put(y, c[COL_AHEAD].x, c[COL_AHEAD].w, ui_glyph("…", "..."),
		    false, attr);
		return;
	}
	for (int k = 0; k < UI_SPARK_WEEKS; k++) {
		weeks[k] = (struct team_week){ 0 };
		if (k < n) {
			weeks[k].load = fw[k].p50;
			weeks[k].counted = fw[k].counted;
			weeks[k].status = workload_status(fw[k].p50,
			    fw[k].counted, &u->app->settings);
		}
		spark[k] = &weeks[k];
	}
	ui_spark(u, y, c[COL_AHEAD].x, spark, UI_SPARK_WEEKS,
	    attr & ~A_REVERSE);
}

static void
draw_employee(const struct ui *u, const struct ui_column *c, int y, long i,
    attr_t attr)
{
	const struct employee *em = &u->app->data.employees[i];
	const struct employee_week *w = &u->fig.employees[i];
	const double h[5] = { w->capacity, w->case_hours, w->intake_hours,
		w->side_hours, w->demand };
	char buf[32];

	if (w->sustained)
		attr |= A_BOLD;
	ui_put(y, c[COL_FLAG].x, c[COL_FLAG].w, w->sustained ? "!" : " ",
	    false, attr);
	ui_put(y, c[COL_NAME].x, c[COL_NAME].w, em->name, false, attr);
	text_format_decimal(buf, sizeof buf,
	    em->contract_hours / u->app->settings.fulltime_hours, 2,
	    u->decimal_comma);
	ui_put(y, c[COL_FTE].x, c[COL_FTE].w, buf, true, attr);
	draw_hours(u, c, y, h, attr);
	if (w->absent_blocks > 0) {
		/* intake on a day they are absent: it needs cover */
		char hours[32];
		snprintf(buf, sizeof buf, "!%s",
		    ui_hours(u, hours, sizeof hours, w->intake_hours));
		ui_put(y, c[COL_INTAKE].x, c[COL_INTAKE].w, buf, true,
		    attr | ui_status_attr(u, LOAD_STATUS_OVER));
	}
	draw_load(u, c, y, w->load, w->counted, w->status, attr);
	draw_ahead(u, c, y, forecast && forecast->employees ?
	    forecast_employee_week(forecast, (size_t)i, 0) : NULL,
	    forecast ? forecast->weeks : 0, attr);
}

static void
draw_total(const struct ui *u, const struct ui_column *c, int y, long t)
{
	const struct team_week *tw = &u->fig.teams[t];
	const double h[5] = { tw->capacity, tw->case_hours, tw->intake_hours,
		tw->side_hours, tw->demand };
	double fte = 0;
	char buf[32];

	for (size_t r = 0; r < u->n_rows; r++)
		fte += u->app->data.employees[u->rows[r]].contract_hours;
	fte /= u->app->settings.fulltime_hours;
	ui_put(y, c[COL_FLAG].x, c[COL_FLAG].w, tw->sustained ? "!" : " ",
	    false, A_BOLD);
	ui_put(y, c[COL_NAME].x, c[COL_NAME].w, _("Team total"), false, A_BOLD);
	text_format_decimal(buf, sizeof buf, fte, 1, u->decimal_comma);
	ui_put(y, c[COL_FTE].x, c[COL_FTE].w, buf, true, A_BOLD);
	draw_hours(u, c, y, h, A_BOLD);
	draw_load(u, c, y, tw->load, tw->counted, tw->status, A_BOLD);
	draw_ahead(u, c, y, forecast ? forecast_team_week(forecast,
	    (size_t)t, 0) : NULL, forecast ? forecast->weeks : 0, A_BOLD);
}

/* "CEN · Centrum · 18 members · sorted by load ▾ · ▲ 4 ● 3 ✓ 6 ○ 5" */
static void
draw_team_line(const struct ui *u, long t)
{
	const struct team_week *tw = &u->fig.teams[t];
	char buf[512], members[64], sorted[128];

	snprintf(members, sizeof members,
	    ngettext("%d member", "%d members", tw->members), tw->members);
	snprintf(sorted, sizeof sorted, _("sorted by %s"),
	    _(sort_names[sort_col(u)]));
	snprintf(buf, sizeof buf, "%s · %s · %s · %s %s · ▲ %d ● %d ✓ %d ○ %d",
	    u->app->data.teams[t].code, u->app->data.teams[t].name, members,
	    sorted, sort_descending(u) ? "▾" : "▴",
	    tw->by_status[LOAD_STATUS_OVER], tw->by_status[LOAD_STATUS_HIGH],
	    tw->by_status[LOAD_STATUS_OK], tw->by_status[LOAD_STATUS_ROOM]);
	ui_put(1, 0, COLS, buf, false, A_BOLD);
}

static void
draw_waiting(const struct ui *u, int y, long t)
{
	const struct team_week *tw = &u->fig.teams[t];
	char buf[256], hours[32];

	snprintf(buf, sizeof buf,
	    ngettext("Waiting list: %d case, %s h",
	        "Waiting list: %d cases, %s h", tw->waiting_cases),
	    tw->waiting_cases,
	    ui_hours(u, hours, sizeof hours, tw->waiting_hours));
	if (tw->absent_blocks > 0) {
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, ngettext(" · !: %d intake "
		    "block held by someone absent: hand it over",
		    " · !: %d intake blocks held by someone absent: hand them "
		    "over", tw->absent_blocks), tw->absent_blocks);
	}
	ui_put(y, 1, COLS - 1, buf, false, A_NORMAL);
}

/* The selected employee: code, discipline, contract and what lowers the
 * hours this week, cases, blocks, and why the load is what it is when that
 * is not obvious. */
static void
draw_details(const struct ui *u, int y, long i)
{
	const struct employee *em = &u->app->data.employees[i];
	const struct employee_week *w = &u->fig.employees[i];
	char buf[1024], hours[32], sustained[128], lost[512];

	snprintf(sustained, sizeof sustained, _("OVER %d weeks running"),
	    u->app->settings.sustained_weeks);
	ui_hours_lost(u, i, lost, sizeof lost);
	snprintf(buf, sizeof buf,
	    _("%s · %s · %s h/week%s%s · cases: %d · blocks: %d%s%s%s%s"),
	    em->code, em->discipline[0] ? em->discipline : "-",
	    ui_hours(u, hours, sizeof hours, em->contract_hours),
	    lost[0] ? " · " : "", lost, w->open_cases,
	    w->blocks, isinf(w->load) ? " · " : "",
	    isinf(w->load) ? _("no capacity") : "", w->sustained ? " · ! " : "",
	    w->sustained ? sustained : "");
	ui_put(y, 1, COLS - 1, buf, false, A_NORMAL);
}

static void
draw(struct ui *u)
{
	struct ui_column c[COL_COUNT];
	long t = team_index(u);

	if (t < 0)
		return;
	ui_list_cursor(u);
	forecast = ui_forecast(u, t);
	layout(c);
	draw_team_line(u, t);
	ui_header(c, COL_COUNT, 2, sort_col(u), sort_descending(u));
	/* the total follows the last row, not the bottom of the screen */
	int y = ui_list_draw(u, c, TOP_LINES, list_height(), draw_employee,
	    _("No members this week."));
	ui_rule(u, c, COL_COUNT, y);
	draw_total(u, c, y + 1, t);
	draw_waiting(u, y + 2, t);
	long i = dataset_employee_index(&u->app->data,
	    u->selected[UI_VIEW_TEAM]);
	if (i >= 0)
		draw_details(u, y + 3, i);
}

static void
sort_message(struct ui *u)
{
	ui_message(u, false, _("Sorted by %s, %s"), _(sort_names[sort_col(u)]),
	    sort_descending(u) ? _("descending") : _("ascending"));
}

/* Sort by the next shown column to the right (step 1) or left (-1). */
static void
sort_step(struct ui *u, int step)
{
	const int n = (int)(sizeof sort_cols / sizeof sort_cols[0]);
	struct ui_column c[COL_COUNT];
	int k = 0;

	layout(c);
	while (k < n && sort_cols[k] != sort_col(u))
		k++;
	do /* the name and load columns are never dropped */
		k = ((k + step) % n + n) % n;
	while (c[sort_cols[k]].w == 0);
	u->team_sort = sort_cols[k];
	u->team_sort_reverse = false;
	sort_message(u);
}

static bool
action(struct ui *u, enum ui_action act)
{
	switch (act) {
	case UI_ACT_SORT_NEXT:
	case UI_ACT_SORT_PREV:
		sort_step(u, act == UI_ACT_SORT_NEXT ? 1 : -1);
		return true;
	case UI_ACT_SORT_REVERSE:
		u->team_sort = sort_col(u);
		u->team_sort_reverse = !u->team_sort_reverse;
		sort_message(u);
		return true;
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
	case UI_ACT_QUIT: /* q leaves the view first, like mutt and tig */
		ui_show(u, UI_VIEW_OVERVIEW);
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT:
		ui_show(u, UI_VIEW_EMPLOYEE); /* the selected employee */
		return true;
	case UI_ACT_ADD:
		ui_employee_form(u, 0, u->selected[UI_VIEW_OVERVIEW]);
		return true;
	case UI_ACT_EDIT:
		ui_employee_form(u, u->selected[UI_VIEW_TEAM], 0);
		return true;
	case UI_ACT_END:
		ui_employee_end(u, u->selected[UI_VIEW_TEAM]);
		return true;
	case UI_ACT_COVER:
		ui_cover(u, u->selected[UI_VIEW_TEAM], DATE_NONE, DATE_NONE,
		    NULL);
		return true;
	default:
		return false;
	}
}

static const struct ui_hint hints[] = {
	{ { UI_ACT_BACK, UI_ACT_QUIT }, N_("back") },
	{ { UI_ACT_OPEN }, N_("employee") },
	{ { UI_ACT_SORT_NEXT, UI_ACT_SORT_REVERSE }, N_("sort") },
	{ { UI_ACT_VIEW_PLANNER }, N_("planner") },
	{ { UI_ACT_WEEK_PREV, UI_ACT_WEEK_NEXT }, N_("week") },
	{ { UI_ACT_ADD }, N_("add") },
	{ { UI_ACT_EDIT }, N_("edit") },
	{ { UI_ACT_END }, N_("leaver") },
	{ { UI_ACT_COVER }, N_("cover") },
	{ { UI_ACT_NONE }, NULL },
};

static const enum ui_action own[] = { UI_ACT_SORT_NEXT, UI_ACT_SORT_PREV,
	UI_ACT_SORT_REVERSE, UI_ACT_ADD, UI_ACT_EDIT, UI_ACT_END, UI_ACT_COVER,
	UI_ACT_NONE };

const struct ui_view_ops ui_team_ops = {
	.name = N_("Team"),
	.key_name = "team",
	.keys = { '2' },
	.help = N_("Team view of the selected team"),
	.actions = own,
	.hints = hints,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
};
