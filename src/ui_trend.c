/* ui_trend: a team's or an employee's load per week (SPEC §5) as a vertical
 * bar chart over a range of weeks — by default the 12 up to and including
 * the shown week; + and - widen and narrow it, [ and ] move it — with the
 * threshold lines of the status bands, a status marker under each bar and
 * the figures of the week under the cursor (← →). ↑ ↓ step to the next team,
 * or the next member of the employee's team. Figures come from app_weeks
 * (past weeks from snapshots), cached until the data or the range changes.
 * After the shown week, when
 * the forecast covers the weeks after it, a fan: each coming week's 80 %
 * range shaded with its median marked (ui_forecast); the cursor walks into
 * it too. */
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

#define DEFAULT_WEEKS 12
#define AXIS_W 5        /* "110% " */
#define BAND_LABEL_W 8  /* " ▲ OVER" right of a threshold line */
#define COLUMN_MAX 9    /* a week's column: bar and gap */
#define LABEL_W 4       /* "W48" and a space */
#define TOP_LINES 2     /* title bar, subject line */
#define BOTTOM_LINES 6  /* labels, markers, two lines of figures, legend,
			   status line */

/* The ranges + and - step through. */
static const int ranges[] = { 4, 8, 12, 16, 26, 52, 104 };

/* n weeks of the subject's figures from first, as app_subject_weeks made
 * them for content_gen. */
struct weeks_cache {
	int first;
	size_t n;
	unsigned gen;
	bool employee;
	long index;
	struct app_subject_week *w; /* NULL: nothing cached */
};

struct ui_trend {
	bool employee;   /* the subject (u->selected[UI_VIEW_TREND]) is an
			    employee, else a team */
	int64_t team_id; /* the employee's team: whose members ↑ ↓ walk */
	int weeks;       /* the range */
	int cursor;      /* weeks before the shown one the cursor is on;
			    negative: a week of the fan after it */
	struct weeks_cache chart;
	int x0, cw, n_shown; /* where the weeks were drawn: for clicks */
	int n_fan;           /* forecast weeks drawn after them */
};

static struct ui_trend *
state(struct ui *u)
{
	if (u->trend == NULL) {
		u->trend = xcalloc(1, sizeof *u->trend);
		u->trend->weeks = DEFAULT_WEEKS;
	}
	return u->trend;
}

static void
cache_clear(struct weeks_cache *c)
{
	free(c->w);
	c->w = NULL;
}

static void
trend_free(struct ui *u)
{
	if (u->trend == NULL)
		return;
	cache_clear(&u->trend->chart);
	free(u->trend);
	u->trend = NULL;
}

/* The subject's figures of n weeks from first: its snapshot rows of the
 * past in one read (app_subject_weeks), kept until the data, the subject
 * or the range changes. Borrowed. */
static const struct app_subject_week *
cached_weeks(struct ui *u, struct weeks_cache *c, int first, size_t n,
    long i)
{
	bool employee = u->trend->employee;

	if (c->w == NULL || c->first != first || c->n != n ||
	    c->gen != u->content_gen || c->employee != employee ||
	    c->index != i) {
		cache_clear(c);
		c->w = xcalloc(n, sizeof *c->w);
		ui_subject_weeks(u, employee, i, first, n, c->w);
		c->first = first;
		c->n = n;
		c->employee = employee;
		c->index = i;
		c->gen = u->content_gen;
	}
	return c->w;
}

/* --- the subject --- */

/* The subject's dataset index (team or employee), or -1. */
static long
subject(const struct ui *u)
{
	const struct dataset *d = &u->app->data;
	int64_t id = u->selected[UI_VIEW_TREND];

	return u->trend->employee ? dataset_employee_index(d, id) :
	    dataset_team_index(d, id);
}

void
ui_trend_show(struct ui *u, int64_t employee_id)
{
	struct ui_trend *tr = state(u);
	long i = dataset_employee_index(&u->app->data, employee_id);

	tr->employee = i >= 0;
	if (tr->employee) {
		tr->team_id = u->app->data.employees[i].team_id;
		u->selected[UI_VIEW_OVERVIEW] = tr->team_id;
		u->selected[UI_VIEW_TREND] = employee_id;
	} else {
		u->selected[UI_VIEW_TREND] = u->selected[UI_VIEW_OVERVIEW];
	}
	tr->cursor = 0;
	u->top[UI_VIEW_TREND] = 0;
	ui_show(u, UI_VIEW_TREND);
}

/* Shown by its key: the Team view's employee (or the Employee view's);
 * elsewhere the Overview's team. */
static void
enter(struct ui *u, enum ui_view from)
{
	ui_trend_show(u, from == UI_VIEW_TEAM || from == UI_VIEW_EMPLOYEE ?
	    u->selected[UI_VIEW_TEAM] : 0);
}

static int
cmp_names(const void *pa, const void *pb, void *ctx)
{
	const struct dataset *d = ctx;
	long a = *(const long *)pa, b = *(const long *)pb;

	return text_name_compare(d->employees[a].name, d->employees[b].name);
}

/* What ↑ ↓ walk: the Overview's teams, or the members of the employee's
 * team by name. */
static void
rows(struct ui *u)
{
	const struct dataset *d = &u->app->data;
	struct ui_trend *tr = state(u);

	if (!tr->employee) {
		ui_team_rows(u);
		return;
	}
	for (size_t i = 0; i < d->n_employees; i++)
		if (d->employees[i].team_id == tr->team_id)
			ui_rows_push(u, (long)i);
	qsort_r(u->rows, u->n_rows, sizeof *u->rows, cmp_names, (void *)d);
}

static int64_t
row_id(const struct ui *u, long index)
{
	return u->trend->employee ? u->app->data.employees[index].id :
	    u->app->data.teams[index].id;
}

/* --- drawing --- */

/* The subject's figures in week w: a team's, or an employee's in the shape
 * of a team's (the fields the chart reads). */
static struct team_week
figures(const struct ui *u, const struct app_subject_week *w)
{
	const struct employee_week *ew;
	struct team_week t = { 0 };

	if (!u->trend->employee)
		return w->team;
	ew = &w->employee;
	t.capacity = ew->capacity;
	t.demand = ew->demand;
	t.load = ew->load;
	t.status = ew->status;
	t.counted = ew->counted;
	t.sustained = ew->sustained;
	return t;
}

/* Load per row of the chart, in whole percents: enough for the highest
 * load and some room above the OVER line in height rows. */
static double
row_step(const struct ui *u, const struct app_subject_week *w, size_t n,
    int height)
{
	double need = u->app->settings.over * 1.3;

	for (size_t k = 0; k < n; k++) {
		struct team_week t = figures(u, &w[k]);
		if (t.counted && !isinf(t.load) && t.load > need)
			need = t.load;
	}
	return ceil(need * 100 / height) / 100;
}

/* "110%" */
static char *
percent(char *buf, size_t size, double load)
{
	snprintf(buf, size, "%.0f%%", load * 100);
	return buf;
}

/* The threshold lines across the chart's width, labelled with the load
 * on the axis and the band above them on the right. */
static void
draw_thresholds(const struct ui *u, int y_bottom, int height, double step,
    int width)
{
	const struct settings *s = &u->app->settings;
	const struct {
		double at;
		enum load_status above;
	} lines[] = {
		{ s->room, LOAD_STATUS_OK },
		{ s->high, LOAD_STATUS_HIGH },
		{ s->over, LOAD_STATUS_OVER },
	};
	const struct ui_trend *tr = u->trend;
	char buf[64];

	for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
		int r = (int)floor(lines[k].at / step + 0.5);
		attr_t a = ui_status_attr(u, lines[k].above);
		if (r >= height)
			continue;
		/* the same row for two: the later, higher band wins */
		attrset(a);
		for (int x = 0; x < width; x++)
			mvaddstr(y_bottom - r, tr->x0 + x, ui_glyph("┄", "-"));
		attrset(A_NORMAL);
		ui_put(y_bottom - r, 0, AXIS_W - 1,
		    percent(buf, sizeof buf, lines[k].at), true, a);
		if (tr->x0 + width + BAND_LABEL_W <= COLS)
			ui_put(y_bottom - r, tr->x0 + width + 1,
			    BAND_LABEL_W - 1,
			    ui_status_text(lines[k].above, buf, sizeof buf),
			    false, a);
	}
	ui_put(y_bottom - height + 1, 0, AXIS_W - 1,
	    percent(buf, sizeof buf, step * height), true, A_NORMAL);
}

/* One week's bar, bottom at y_bottom, in eighths of a row. */
static void
draw_bar(const struct ui *u, int y_bottom, int x, int bw, int height,
    const struct team_week *t, double step)
{
	static const char *const eighths[8] = { "", "▁", "▂", "▃", "▄", "▅",
		"▆", "▇" };
	int n8;

	if (!t->counted)
		return;
	if (isinf(t->load) || t->load >= step * height)
		n8 = 8 * height;
	else
		n8 = (int)(t->load / step * 8 + 0.5);
	if (!ui_is_utf8()) /* whole rows of '#' */
		n8 = (n8 + 4) / 8 * 8;
	attrset(ui_status_attr(u, t->status));
	for (int r = 0; r < height && n8 > r * 8; r++) {
		int fill = n8 - r * 8;
		const char *cell = fill >= 8 ? ui_glyph("█", "#") :
		    eighths[fill];
		for (int c = 0; c < bw; c++)
			mvaddstr(y_bottom - r, x + c, cell);
	}
	attrset(A_NORMAL);
}

/* "W48" at x, reversed for the cursor. */
static void
draw_label(int y, int x, int monday, attr_t attr)
{
	char buf[16];
	int year, week;

	date_iso_week(monday, &year, &week);
	snprintf(buf, sizeof buf, "W%02d", week);
	if (x + LABEL_W - 1 <= COLS)
		ui_put(y, x, LABEL_W - 1, buf, false, attr);
}

/* Under each bar its status marker; below that "W48": each week's when
 * there is room, else every k-th counting back from the shown week, and
 * the cursor's, reversed, always. */
static void
draw_labels(const struct ui *u, int y, const struct app_subject_week *w,
    int n)
{
	const struct ui_trend *tr = u->trend;
	int every = (LABEL_W + tr->cw - 1) / tr->cw;
	int cx = tr->x0 + (n - 1 - tr->cursor) * tr->cw;

	for (int k = 0; k < n; k++) {
		int back = n - 1 - k, x = tr->x0 + k * tr->cw;
		struct team_week t = figures(u, &w[k]);
		attr_t cur = back == tr->cursor ? A_REVERSE : A_NORMAL;
		int mx = x + (tr->cw > 1 ? (tr->cw - 2) / 2 : 0);

		ui_put(y + 1, mx, 1, !t.counted ? " " : t.sustained ? "!" :
		    ui_status_marker(t.status), false,
		    cur | ui_status_attr(u, t.status));
		/* none that the cursor's would cover */
		if (back % every == 0 && (x + LABEL_W <= cx ||
		    x >= cx + LABEL_W))
			draw_label(y, x, w[k].monday, A_NORMAL);
	}
	if (tr->cursor >= 0)
		draw_label(y, cx, w[n - 1 - tr->cursor].monday, A_REVERSE);
}

/* The week under the cursor: its load, demand and capacity, then the
 * team's members per status and waiting list, or the employee's hours. */
static void
draw_figures(const struct ui *u, int y, const struct app_subject_week *w)
{
	char line[512], week[64], load[32], status[32], h1[32], h2[32], h3[32];
	char sustained[128], pre[256];
	struct team_week t = figures(u, w);

	ui_week_label(w->monday, week, sizeof week);
	if (!t.counted) {
		snprintf(line, sizeof line, "%s · %s", week,
		    _("not counted: no capacity and no demand"));
		ui_put(y, 1, COLS - 1, line, false, A_BOLD);
		return;
	}
	snprintf(line, sizeof line, _("%s · %s %s · demand %s h · capacity %s h"),
	    week, workload_format_percent(load, sizeof load, t.load, t.counted,
	        &u->app->settings, u->decimal_comma),
	    ui_status_text(t.status, status, sizeof status),
	    ui_hours(u, h1, sizeof h1, t.demand),
	    ui_hours(u, h2, sizeof h2, t.capacity));
	ui_put(y, 1, COLS - 1, line, false, A_BOLD);
	/* first what needs attention */
	snprintf(sustained, sizeof sustained, _("OVER %d weeks running"),
	    u->app->settings.sustained_weeks);
	snprintf(pre, sizeof pre, "%s%s%s%s%s", isinf(t.load) ?
	    _("no capacity") : "", isinf(t.load) ? " · " : "",
	    t.sustained ? "! " : "", t.sustained ? sustained : "",
	    t.sustained ? " · " : "");
	if (u->trend->employee) {
		const struct employee_week *ew = &w->employee;
		snprintf(line, sizeof line,
		    _("%scases %s h · intake %s h · side %s h · "
		      "open cases: %d · blocks: %d"), pre,
		    ui_hours(u, h1, sizeof h1, ew->case_hours),
		    ui_hours(u, h2, sizeof h2, ew->intake_hours),
		    ui_hours(u, h3, sizeof h3, ew->side_hours), ew->open_cases,
		    ew->blocks);
	} else {
		char members[64];
		snprintf(members, sizeof members,
		    ngettext("%d member", "%d members", t.members), t.members);
		snprintf(line, sizeof line,
		    _("%s%s %s %d %s %d %s %d %s %d · waiting list %d / %s h"),
		    pre, members, ui_status_marker(LOAD_STATUS_OVER),
		    t.by_status[LOAD_STATUS_OVER],
		    ui_status_marker(LOAD_STATUS_HIGH),
		    t.by_status[LOAD_STATUS_HIGH],
		    ui_status_marker(LOAD_STATUS_OK),
		    t.by_status[LOAD_STATUS_OK],
		    ui_status_marker(LOAD_STATUS_ROOM),
		    t.by_status[LOAD_STATUS_ROOM], t.waiting_cases,
		    ui_hours(u, h1, sizeof h1, t.waiting_hours));
	}
	ui_put(y + 1, 1, COLS - 1, line, false, A_NORMAL);
}

/* "CEN · Centrum · 12 weeks: 2026-W37 – 2026-W48", or the employee's name
 * and code before their team. */
static void
draw_subject(const struct ui *u, long i, int first, int n, bool fan)
{
	const struct dataset *d = &u->app->data;
	char line[512], range[64], from[WEEK_BUF], to[WEEK_BUF];
	const struct team *t;

	snprintf(range, sizeof range, ngettext("%d week: %s – %s",
	    "%d weeks: %s – %s", n), n, date_format_week(first, from),
	    date_format_week(first + 7 * (n - 1), to));
	if (u->trend->employee) {
		const struct employee *em = &d->employees[i];
		long ti = dataset_team_index(d, em->team_id);
		t = ti >= 0 ? &d->teams[ti] : NULL;
		snprintf(line, sizeof line, "%s (%s) · %s %s · %s", em->name,
		    em->code, t ? t->code : "", t ? t->name : "", range);
	} else {
		t = &d->teams[i];
		snprintf(line, sizeof line, "%s · %s · %s", t->code, t->name,
		    range);
	}
	ui_put(1, 0, COLS, line, false, A_BOLD);
	if (fan) { /* what the fan after the bars is, right of the subject */
		const char *what = ui_is_utf8() ? _("ahead: ░ 8 in 10, ━ median")
		    : _("ahead: : 8 in 10, = median");
		int ww = text_width(what);
		if (text_width(line) + 3 + ww <= COLS)
			ui_put(1, COLS - ww, ww, what, false, A_NORMAL);
	}
}

/* --- the fan --- */

/* The forecast weeks of the subject right after the shown week: the
 * first's index into the forecast, and how many (0: none to show). */
static int
fan_weeks(struct ui *u, const struct forecast **fc, int *k0)
{
	const struct dataset *d = &u->app->data;
	long i = subject(u), team = i;
	int first;

	if (i >= 0 && u->trend->employee)
		team = dataset_team_index(d, d->employees[i].team_id);
	*fc = team >= 0 ? ui_forecast(u, team) : NULL;
	if (*fc == NULL)
		return 0;
	first = (u->monday + 7 - (*fc)->from) / 7;
	if (first < 0 || first >= (*fc)->weeks)
		return 0;
	*k0 = first;
	return (*fc)->weeks - first;
}

/* Week k of the forecast for subject i. */
static const struct forecast_week *
fan_week(const struct ui *u, const struct forecast *fc, long i, int k)
{
	return u->trend->employee ? forecast_employee_week(fc, (size_t)i, k) :
	    forecast_team_week(fc, (size_t)i, k);
}

/* One coming week: its range P10 .. P90 shaded, its median a line, in the
 * colour of the median's band. */
static void
draw_fan_week(const struct ui *u, int y_bottom, int x, int bw, int height,
    const struct forecast_week *fw, double step)
{
	const struct settings *s = &u->app->settings;
	enum load_status st = workload_status(fw->p50, fw->counted, s);
	int lo, hi, mid;

	if (!fw->counted)
		return;
	lo = isinf(fw->p10) ? height - 1 : (int)floor(fw->p10 / step);
	hi = isinf(fw->p90) ? height - 1 : (int)floor(fw->p90 / step);
	mid = isinf(fw->p50) ? height - 1 : (int)floor(fw->p50 / step);
	lo = lo < 0 ? 0 : lo >= height ? height - 1 : lo;
	hi = hi < 0 ? 0 : hi >= height ? height - 1 : hi;
	mid = mid < 0 ? 0 : mid >= height ? height - 1 : mid;
	attrset(ui_status_attr(u, st));
	for (int r = lo; r <= hi; r++)
		for (int c = 0; c < bw; c++)
			mvaddstr(y_bottom - r, x + c, r == mid ?
			    ui_glyph("━", "=") : ui_glyph("░", ":"));
	attrset(A_NORMAL);
}

/* Under the fan: each week's median marker and, where there is room,
 * "W52"; the cursor's reversed. */
static void
draw_fan_labels(const struct ui *u, int y, const struct forecast *fc,
    long i, int k0)
{
	const struct ui_trend *tr = u->trend;
	int every = (LABEL_W + tr->cw - 1) / tr->cw;
	int cx = tr->x0 + (tr->n_shown - 1 - tr->cursor) * tr->cw;

	for (int k = 0; k < tr->n_fan; k++) {
		const struct forecast_week *fw = fan_week(u, fc, i, k0 + k);
		enum load_status st = workload_status(fw->p50, fw->counted,
		    &u->app->settings);
		int x = tr->x0 + (tr->n_shown + k) * tr->cw;
		int mx = x + (tr->cw > 1 ? (tr->cw - 2) / 2 : 0);
		attr_t cur = tr->cursor == -(k + 1) ? A_REVERSE : A_NORMAL;
		ui_put(y + 1, mx, 1, fw->counted ? ui_status_marker(st) : " ",
		    false, cur | ui_status_attr(u, st));
		/* none that the cursor's would cover; the cursor's last */
		if ((k + 1) % every == 0 && !cur && (x + LABEL_W <= cx ||
		    x >= cx + LABEL_W))
			draw_label(y, x, fc->from + 7 * (k0 + k), A_NORMAL);
	}
	if (tr->cursor < 0)
		draw_label(y, cx, fc->from + 7 * (k0 - tr->cursor - 1),
		    A_REVERSE);
}

/* The coming week under the cursor: its median and range. */
static void
draw_fan_figures(const struct ui *u, int y, const struct forecast *fc,
    long i, int k)
{
	const struct forecast_week *fw = fan_week(u, fc, i, k);
	char line[512], week[64], a[32], b[32], c[32], status[32];

	ui_week_label(fc->from + 7 * k, week, sizeof week);
	if (!fw->counted) {
		snprintf(line, sizeof line, "%s · %s", week,
		    _("not counted: no capacity and no demand"));
	} else {
		const struct settings *s = &u->app->settings;
		snprintf(line, sizeof line, _("%s · forecast median %s %s · "
		    "8 in 10: %s–%s"), week,
		    workload_format_percent(b, sizeof b, fw->p50, true, s,
		    u->decimal_comma), ui_status_text(workload_status(fw->p50,
		    true, s), status, sizeof status),
		    workload_format_percent(a, sizeof a, fw->p10, true, s,
		    u->decimal_comma),
		    workload_format_percent(c, sizeof c, fw->p90, true, s,
		    u->decimal_comma));
	}
	ui_put(y, 1, COLS - 1, line, false, A_BOLD);
	ui_put(y + 1, 1, COLS - 1, ui_is_utf8() ? _("░ the range the week's "
	    "load falls in 8 times in 10, ━ the median") : _(": the range the "
	    "week's load falls in 8 times in 10, = the median"), false,
	    A_NORMAL);
}

/* Weeks that fit the chart's width at one column each. */
static int
max_weeks(void)
{
	return COLS - AXIS_W - 1;
}

static void
draw(struct ui *u)
{
	struct ui_trend *tr = state(u);
	int height = LINES - TOP_LINES - BOTTOM_LINES;
	int y_bottom = TOP_LINES + height - 1;
	int n = tr->weeks, first;
	const struct app_subject_week *w;
	double step;
	long i;

	if (u->selected[UI_VIEW_TREND] == 0)
		u->selected[UI_VIEW_TREND] = u->selected[UI_VIEW_OVERVIEW];
	ui_list_cursor(u);
	if ((i = subject(u)) < 0) {
		ui_put(2, 1, COLS - 2, _("Nothing to show."), false, A_NORMAL);
		return;
	}
	/* going back lands on the subject */
	u->selected[tr->employee ? UI_VIEW_TEAM : UI_VIEW_OVERVIEW] =
	    u->selected[UI_VIEW_TREND];
	const struct forecast *fc;
	int k0 = 0, fan = fan_weeks(u, &fc, &k0);
	if (n > max_weeks())
		n = max_weeks();
	/* the fan no wider than the history, all of it within the width */
	if (fan > n)
		fan = n;
	if (n + fan > max_weeks())
		fan = max_weeks() - n;
	if (tr->cursor >= n)
		tr->cursor = n - 1;
	if (tr->cursor < -fan)
		tr->cursor = -fan;
	first = u->monday - 7 * (n - 1);
	w = cached_weeks(u, &tr->chart, first, (size_t)n, i);
	tr->x0 = AXIS_W;
	tr->cw = (COLS - AXIS_W - BAND_LABEL_W) / (n + fan);
	if (tr->cw > COLUMN_MAX)
		tr->cw = COLUMN_MAX;
	if (tr->cw < 1)
		tr->cw = 1;
	tr->n_shown = n;
	tr->n_fan = fan;
	step = row_step(u, w, (size_t)n, height);
	for (int k = 0; k < fan; k++) { /* room for the fan's top too */
		const struct forecast_week *fw = fan_week(u, fc, i, k0 + k);
		if (fw->counted && !isinf(fw->p90) &&
		    fw->p90 > step * height)
			step = ceil(fw->p90 * 100 / height) / 100;
	}

	draw_subject(u, i, first, n, fan > 0);
	draw_thresholds(u, y_bottom, height, step, (n + fan) * tr->cw);
	for (int k = 0; k < n; k++) {
		struct team_week t = figures(u, &w[k]);
		draw_bar(u, y_bottom, tr->x0 + k * tr->cw,
		    tr->cw > 1 ? tr->cw - 1 : 1, height, &t, step);
	}
	for (int k = 0; k < fan; k++)
		draw_fan_week(u, y_bottom, tr->x0 + (n + k) * tr->cw,
		    tr->cw > 1 ? tr->cw - 1 : 1, height,
		    fan_week(u, fc, i, k0 + k), step);
	draw_labels(u, y_bottom + 1, w, n);
	if (fan > 0)
		draw_fan_labels(u, y_bottom + 1, fc, i, k0);
	if (tr->cursor < 0)
		draw_fan_figures(u, y_bottom + 3, fc, i, k0 - tr->cursor - 1);
	else
		draw_figures(u, y_bottom + 3, &w[n - 1 - tr->cursor]);
	ui_legend(u, y_bottom + 5, NULL);
}

/* The next or previous entry of ranges from the current range. */
static void
resize_range(struct ui *u, bool wider)
{
	struct ui_trend *tr = u->trend;
	size_t n = sizeof ranges / sizeof ranges[0], k = 0;

	while (k < n && ranges[k] < tr->weeks)
		k++;
	if (wider)
		k = k + 1 < n && ranges[k] == tr->weeks ? k + 1 :
		    k < n ? k : n - 1;
	else
		k = k > 0 ? k - 1 : 0;
	if (ranges[k] > max_weeks() && wider) {
		ui_message(u, true, "%s", _("No room for more weeks"));
		return;
	}
	tr->weeks = ranges[k];
	ui_message(u, false, ngettext("%d week", "%d weeks", tr->weeks),
	    tr->weeks);
}

static void
leave(struct ui *u)
{
	ui_show(u, u->prev_view == UI_VIEW_TREND ? UI_VIEW_OVERVIEW :
	    u->prev_view);
}

static bool
action(struct ui *u, enum ui_action act)
{
	struct ui_trend *tr = state(u);
	int n = tr->weeks < max_weeks() ? tr->weeks : max_weeks();
	long i;

	switch (act) {
	case UI_ACT_LEFT:
		tr->cursor += tr->cursor + 1 < n;
		return true;
	case UI_ACT_RIGHT: /* on into the fan, when there is one */
		tr->cursor -= tr->cursor > -tr->n_fan;
		return true;
	case UI_ACT_RANGE_WIDER:
	case UI_ACT_RANGE_NARROWER:
		resize_range(u, act == UI_ACT_RANGE_WIDER);
		return true;
	case UI_ACT_VIEW_TREND: /* from an employee to their team */
		if (tr->employee && (i = subject(u)) >= 0) {
			u->selected[UI_VIEW_OVERVIEW] =
			    u->app->data.employees[i].team_id;
			tr->employee = false;
			u->selected[UI_VIEW_TREND] =
			    u->selected[UI_VIEW_OVERVIEW];
		}
		return true;
	case UI_ACT_BACK:
	case UI_ACT_QUIT: /* q leaves the view first, like mutt and tig */
		leave(u);
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_SORT_NEXT:
	case UI_ACT_SORT_REVERSE:
		return true;
	default:
		return false;
	}
}

/* A click on a bar, its label or its marker puts the cursor there. */
static bool
click(struct ui *u, int y, int x)
{
	struct ui_trend *tr = u->trend;
	int k;

	if (tr == NULL || tr->cw < 1 || x < tr->x0 || y < TOP_LINES ||
	    y > LINES - BOTTOM_LINES + 1)
		return true;
	k = (x - tr->x0) / tr->cw;
	if (k < tr->n_shown + tr->n_fan)
		tr->cursor = tr->n_shown - 1 - k;
	return true;
}

static const struct ui_hint hints[] = {
	{ { UI_ACT_BACK }, N_("back") },
	{ { UI_ACT_LEFT, UI_ACT_RIGHT }, N_("week") },
	{ { UI_ACT_RANGE_WIDER, UI_ACT_RANGE_NARROWER }, N_("range") },
	{ { UI_ACT_WEEK_PREV, UI_ACT_WEEK_NEXT }, N_("shift") },
	{ { UI_ACT_UP, UI_ACT_DOWN }, N_("next") },
	{ { UI_ACT_NONE }, NULL },
};

static const enum ui_action own[] = { UI_ACT_RANGE_WIDER,
	UI_ACT_RANGE_NARROWER, UI_ACT_NONE };

const struct ui_view_ops ui_trend_ops = {
	.name = N_("Trend"),
	.key_name = "trend",
	.keys = { '6', 'T' },
	.help = N_("Trend of the selected team or employee"),
	.actions = own,
	.enter = enter,
	.free = trend_free,
	.hints = hints,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
	.click = click,
};
