/* ui_makeup: whether the selected team's make-up fits its work in the shown
 * week (makeup.h): a row per discipline present — members, capacity, the
 * demand it may hold, load bar and status, "demand exceeds capacity" — and
 * under them a row per case type the team has — open cases, hours, how
 * many present members may hold it, and a single point of cover flagged.
 * "Ahead": each discipline's load in the coming weeks by the forecast —
 * the demand it may hold growing as the team's median demand does,
 * against its members' capacity each week.
 * Read-only: the lever is the Team view (who is in the team) and the
 * config (case_types[].disciplines). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "forecast.h"
#include "i18n.h"
#include "makeup.h"
#include "text.h"
#include "ui_internal.h"
#include "xmem.h"

enum { COL_NAME, COL_MEMBERS, COL_CAPACITY, COL_DEMAND, COL_LOAD, COL_BAR,
	COL_AHEAD, COL_NOTE, COL_COUNT };

#define TOP_LINES 3 /* title bar, team line, column header */
#define TYPE_ROW 1000 /* rows from here are case types, after disciplines */
#define TYPE_HEAD (TYPE_ROW - 1) /* the case types' own heading */

/* The team's make-up, and the coming weeks of each of its disciplines
 * (counted false: not known yet), made for one team, week and state of the
 * data and kept for the frames after it: a key that changes none of them
 * does not look at every case again. */
static struct makeup shown;
static struct team_week (*ahead)[UI_SPARK_WEEKS]; /* [discipline] */
static bool ahead_known;
static bool ahead_made; /* the forecast was there when ahead was made */
static long shown_team = -1;
static int shown_monday;
static unsigned shown_gen; /* content_gen + 1; 0: nothing made */

/* The disciplines' medians of the coming weeks into ahead[][]: the demand
 * each may hold now, grown as the team's median demand grows (its median
 * load times its capacity that week), against the capacity its members
 * have that week. */
static void
make_ahead(struct ui *u, long t)
{
	const struct forecast *fc = ui_forecast(u, t);
	const struct dataset *d = &u->app->data;
	const struct team_week *now = &u->fig.teams[t];
	size_t nd = shown.n_disciplines;
	/* each member's discipline, found once: [employee] -> slot or -1 */
	long *slot = xcalloc(d->n_employees + 1, sizeof *slot);
	double *cap = xcalloc(nd + 1, sizeof *cap);

	ahead = xreallocarray(ahead, nd + 1, sizeof *ahead);
	memset(ahead, 0, (nd + 1) * sizeof *ahead);
	ahead_made = fc != NULL;
	ahead_known = fc != NULL && now->demand > 0;
	for (size_t i = 0; ahead_known && i < d->n_employees; i++) {
		slot[i] = -1;
		for (size_t j = 0; j < nd && slot[i] < 0; j++)
			if (d->employees[i].team_id == d->teams[t].id &&
			    text_equal_nocase(d->employees[i].discipline,
			    shown.disciplines[j].code))
				slot[i] = (long)j;
	}
	for (int k = 0; ahead_known && k < UI_SPARK_WEEKS &&
	    k < fc->weeks; k++) {
		const struct forecast_week *tw = forecast_team_week(fc,
		    (size_t)t, k);
		if (!tw->counted || isinf(tw->p50))
			continue;
		double growth = tw->p50 *
		    fc->team_capacity[(size_t)t * (size_t)fc->weeks + (size_t)k]
		    / now->demand;
		memset(cap, 0, (nd + 1) * sizeof *cap);
		for (size_t i = 0; i < d->n_employees; i++)
			if (slot[i] >= 0)
				cap[slot[i]] += fc->employee_capacity[i *
				    (size_t)fc->weeks + (size_t)k];
		for (size_t j = 0; j < nd; j++) {
			struct team_week *w = &ahead[j][k];
			w->counted = cap[j] > 0;
			w->load = workload_load(shown.disciplines[j].demand *
			    growth, cap[j]);
			w->status = workload_status(w->load, w->counted,
			    &u->app->settings);
		}
	}
	free(slot);
	free(cap);
}

static long
team_index(const struct ui *u)
{
	return dataset_team_index(&u->app->data, u->selected[UI_VIEW_OVERVIEW]);
}

/* Disciplines first, then the case types the team has cases of. */
static void
rows(struct ui *u)
{
	bool head = false;

	for (size_t k = 0; k < shown.n_disciplines; k++)
		ui_rows_push(u, (long)k);
	for (size_t k = 0; k < shown.n_types; k++)
		if (shown.types[k].open_cases > 0) {
			if (!head)
				ui_rows_push(u, TYPE_HEAD);
			head = true;
			ui_rows_push(u, TYPE_ROW + (long)k);
		}
}

static int64_t
row_id(const struct ui *u, long index)
{
	(void)u;
	return index + 1;
}

static void
layout(struct ui_column *c)
{
	c[COL_NAME] = (struct ui_column){ _("Discipline"), 14, 20, 0, false,
		0, 0 };
	c[COL_MEMBERS] = (struct ui_column){ _("Members"), 7, 7, 0, true, 0,
		0 };
	c[COL_CAPACITY] = (struct ui_column){ _("Cap."), 6, 6, 0, true, 0, 0 };
	c[COL_DEMAND] = (struct ui_column){ _("Demand"), 6, 6, 0, true, 0, 0 };
	c[COL_LOAD] = (struct ui_column){ "%", 5, 5, 0, true, 0, 0 };
	c[COL_BAR] = (struct ui_column){ _("Load"), 8, 12, 2, false, 0, 0 };
	int ahead_w = text_width(_("Ahead"));
	if (ahead_w < UI_SPARK_WEEKS)
		ahead_w = UI_SPARK_WEEKS;
	c[COL_AHEAD] = (struct ui_column){ _("Ahead"), ahead_w, ahead_w, 3,
		false, 0, 0 };
	c[COL_NOTE] = (struct ui_column){ "", 16, 60, 1, false, 0, 0 };
	ui_layout(c, COL_COUNT, COLS);
}

static void
draw_row(const struct ui *u, const struct ui_column *c, int y, long index,
    attr_t attr)
{
	char buf[256], num[32];

	if (index == TYPE_HEAD) { /* the case types' columns */
		const char *heads[COL_COUNT] = { _("Case type"),
			_("May hold"), "", _("Hours"), "", "", "", "" };
		for (int k = 0; k < COL_COUNT; k++)
			ui_put(y, c[k].x, c[k].w, heads[k], c[k].right,
			    attr | A_BOLD | A_UNDERLINE);
		return;
	}
	if (index >= TYPE_ROW) {
		const struct makeup_type *mt = &shown.types[index - TYPE_ROW];
		snprintf(buf, sizeof buf, "%s %s", mt->type->code,
		    mt->type->name);
		ui_put(y, c[COL_NAME].x, c[COL_NAME].w, buf, false, attr);
		snprintf(num, sizeof num, "%d", mt->holders);
		ui_put(y, c[COL_MEMBERS].x, c[COL_MEMBERS].w, num, true, attr);
		ui_put(y, c[COL_CAPACITY].x, c[COL_CAPACITY].w, "", true, attr);
		ui_put(y, c[COL_DEMAND].x, c[COL_DEMAND].w,
		    ui_hours(u, num, sizeof num, mt->demand), true, attr);
		snprintf(buf, sizeof buf, ngettext("%d open case",
		    "%d open cases", mt->open_cases), mt->open_cases);
		if (mt->single && mt->holders == 0)
			snprintf(buf, sizeof buf, "%s", _("! nobody may hold"));
		else if (mt->single)
			snprintf(buf, sizeof buf, "%s", _("! single point of "
			    "cover"));
		ui_put(y, c[COL_LOAD].x, c[COL_LOAD].w, "", true, attr);
		ui_put(y, c[COL_BAR].x, c[COL_BAR].w, "", false, attr);
		ui_put(y, c[COL_AHEAD].x, c[COL_AHEAD].w, "", false, attr);
		ui_put(y, c[COL_NOTE].x, c[COL_NOTE].w, buf, false, attr |
		    (mt->single ? ui_status_attr(u, LOAD_STATUS_OVER)
				: A_NORMAL));
		return;
	}
	const struct makeup_discipline *md = &shown.disciplines[index];
	enum load_status st = workload_status(md->load, true,
	    &u->app->settings);
	ui_put(y, c[COL_NAME].x, c[COL_NAME].w, md->code[0] ? md->code
	    : _("(none)"), false, attr);
	snprintf(num, sizeof num, "%d", md->members);
	ui_put(y, c[COL_MEMBERS].x, c[COL_MEMBERS].w, num, true, attr);
	ui_put(y, c[COL_CAPACITY].x, c[COL_CAPACITY].w,
	    ui_hours(u, num, sizeof num, md->capacity), true, attr);
	ui_put(y, c[COL_DEMAND].x, c[COL_DEMAND].w,
	    ui_hours(u, num, sizeof num, md->demand), true, attr);
	ui_put(y, c[COL_LOAD].x, c[COL_LOAD].w,
	    ui_load(num, sizeof num, md->load, true), true, attr);
	ui_bar(u, y, c[COL_BAR].x, c[COL_BAR].w, md->load, st,
	    attr & ~A_REVERSE);
	if (c[COL_AHEAD].w > 0 && !ahead_known) {
		ui_put(y, c[COL_AHEAD].x, c[COL_AHEAD].w, ui_glyph("…", "..."),
		    false, attr);
	} else if (c[COL_AHEAD].w > 0) {
		const struct team_week *spark[UI_SPARK_WEEKS];
		for (int k = 0; k < UI_SPARK_WEEKS; k++)
			spark[k] = &ahead[index][k];
		ui_spark(u, y, c[COL_AHEAD].x, spark, UI_SPARK_WEEKS,
		    attr & ~A_REVERSE);
	}
	ui_put(y, c[COL_NOTE].x, c[COL_NOTE].w, md->over ?
	    _("over capacity") : "", false,
	    attr | (md->over ? ui_status_attr(u, st) : A_NORMAL));
}

static void
draw(struct ui *u)
{
	struct ui_column c[COL_COUNT];
	long t = team_index(u);
	char line[512];
	int y;

	if (t != shown_team || u->monday != shown_monday ||
	    u->content_gen + 1 != shown_gen) {
		makeup_clear(&shown);
		shown_gen = 0;
		ahead_made = false;
		if (t < 0)
			return;
		makeup_team(&u->app->data, &u->app->settings, &u->fig, t,
		    &shown);
		shown_team = t;
		shown_monday = u->monday;
		shown_gen = u->content_gen + 1;
	}
	if (!ahead_made) /* until the forecast is there */
		make_ahead(u, t);
	ui_list_cursor(u);
	layout(c);
	snprintf(line, sizeof line, _("%s · %s · make-up: each discipline's "
	    "capacity against the work it may hold"), u->app->data.teams[t].code,
	    u->app->data.teams[t].name);
	ui_put(1, 0, COLS, line, false, A_BOLD);
	ui_header(c, COL_COUNT, 2, -1, false);
	y = ui_list_draw(u, c, TOP_LINES, LINES - 1 - TOP_LINES - 2, draw_row,
	    _("Nobody in this team has capacity this week."));
	if (shown.unheld > 0) {
		char h[32];
		snprintf(line, sizeof line, _("%s h of cases no member present "
		    "may hold"), ui_hours(u, h, sizeof h, shown.unheld));
		ui_put(y + 1, 1, COLS - 1, line, false,
		    ui_status_attr(u, LOAD_STATUS_OVER));
	}
}

static bool
action(struct ui *u, enum ui_action act)
{
	switch (act) {
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
	case UI_ACT_QUIT: /* q leaves the view first */
		ui_show(u, UI_VIEW_TEAM);
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT:
	case UI_ACT_SORT_NEXT:
	case UI_ACT_SORT_REVERSE:
		return true;
	default:
		return false;
	}
}

static const struct ui_hint hints[] = {
	{ { UI_ACT_BACK }, N_("back") },
	{ { UI_ACT_WEEK_PREV, UI_ACT_WEEK_NEXT }, N_("week") },
	{ { UI_ACT_VIEW_TEAM }, N_("team") },
	{ { UI_ACT_NONE }, NULL },
};

static void
makeup_free(struct ui *u)
{
	(void)u;
	makeup_clear(&shown);
	free(ahead);
	ahead = NULL;
	shown_gen = 0;
	shown_team = -1;
}

static const enum ui_action own[] = { UI_ACT_ADD, UI_ACT_EDIT, UI_ACT_NONE };

const struct ui_view_ops ui_makeup_ops = {
	.name = N_("Make-up"),
	.key_name = "makeup",
	.keys = { '7', 'M' },
	.help = N_("Make-up: the team's disciplines against the work they may "
	    "hold"),
	.actions = own,
	.hints = hints,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
	.free = makeup_free,
};
