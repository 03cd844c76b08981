/* ui_planner: the Intake planner (SPEC §4, §5) of the team selected in the
 * Overview. Left, the horizon as a calendar grid: a row per ISO week, a
 * column per rota slot, each cell the holder of the intake block in the
 * database; beside it (below it on a small screen) the team's projected
 * horizon loads. r shows the planner's proposal as a diff over the same grid
 * and table; a or Enter applies it; m gives the block under the cursor to
 * someone chosen with the effect on the loads shown; L locks or unlocks it;
 * e edits the team's rota, + adds a block, d removes one (ui_rota.c).
 * The plan is recomputed whenever the data changes, and a proposal made on
 * older data is dropped. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "planner.h"
#include "text.h"
#include "ui_internal.h"
#include "xmem.h"

#define MAX_COLS 14       /* weekday 1 .. 7 times morning, afternoon */
#define CELL_MAX 12       /* a cell never gets wider */
#define NAME_MIN 5        /* room for a first name in a cell: more than this */
#define TABLE_MIN 66      /* the table beside the grid needs this much */
#define TABLE_WIDE 114    /* and with a proposal uses this much */
#define TABLE_ROWS_MIN 4  /* the table below the grid: at least these rows */
#define WEEK_W_LONG 8     /* "2026-W49" */
#define WEEK_W_SHORT 3    /* "W49" */

enum {
	COL_CODE,
	COL_NAME,
	COL_FREE,
	COL_BLOCKS,
	COL_LOAD,
	COL_STATUS,
	COL_REASON, /* last: shown with a proposal only */
	COL_COUNT
};

/* One cell of the grid: a week and a weekday-and-part. */
struct cell {
	long block; /* dataset index of the team's block there, or -1 */
	long slot;  /* index into the plan's slots (not locked), or -1 */
	bool rota;  /* the rota has this weekday and part */
	bool holiday;
	/* the block there is held by someone absent that day: SPEC §4 takes
	 * them off intake, yet it still counts as their demand */
	bool needs_cover;
};

/* Someone the block under the cursor could go to, and the effect. */
struct choice {
	int64_t employee_id; /* 0: nobody, leave it unfilled */
	double load_before, load_after; /* projected over the horizon */
	const char *why_not; /* untranslated; NULL when the planner would */
};

/* Where things go on the screen; computed on each draw. */
struct layout {
	bool beside;  /* the table beside the grid, else below it */
	int week_w;   /* the week column */
	int cw;       /* a cell */
	int n_vis;    /* slot columns shown */
	int grid_w;   /* columns the grid takes */
	int grid_h;   /* weeks shown */
	int info_y;   /* the cursor cell's details; the summary below */
	int table_x, table_y, table_w, table_h; /* table_y: its header */
};

struct ui_planner {
	int64_t team_id; /* the team of the plan */
	int first;       /* the horizon's first Monday; 0: not chosen yet */
	unsigned gen;    /* u->data_gen the plan was made from */
	bool valid;      /* plan and cells are made */
	bool proposal;   /* show the plan's proposal */
	struct plan plan;
	int n_cols, cols[MAX_COLS]; /* column keys: (weekday - 1) * 2 + part */
	struct cell *cells;         /* [week * n_cols + column] */
	size_t prefix; /* bytes of the team code that codes start with */
	int label_w;   /* the widest short code */
	int row, col;  /* the cursor: week and column */
	int top, left; /* the first week and column shown */
	struct layout shown; /* as last drawn: where clicks land */
	/* the chooser of m: open while n_choices > 0 */
	struct choice *choices;
	size_t n_choices;
	int chosen, chosen_top;
};

static struct ui_planner *
state(struct ui *u)
{
	if (u->planner == NULL)
		u->planner = xcalloc(1, sizeof *u->planner);
	return u->planner;
}

static void
close_chooser(struct ui_planner *pl)
{
	free(pl->choices);
	pl->choices = NULL;
	pl->n_choices = 0;
}

void
ui_planner_free(struct ui *u)
{
	struct ui_planner *pl = u->planner;

	if (pl == NULL)
		return;
	close_chooser(pl);
	planner_clear(&pl->plan);
	free(pl->cells);
	free(pl);
	u->planner = NULL;
}

/* The team shown (the Overview's selection), or -1. */
static long
team_index(const struct ui *u)
{
	return dataset_team_index(&u->app->data, u->selected[UI_VIEW_OVERVIEW]);
}

static int
col_key(int weekday, enum part part)
{
	return (weekday - 1) * 2 + (int)part;
}

static int
col_weekday(int key)
{
	return key / 2 + 1;
}

static enum part
col_part(int key)
{
	return key % 2 ? PART_AFTERNOON : PART_MORNING;
}

static const char *
part_name(enum part part)
{
	return part == PART_MORNING ? _("morning") : _("afternoon");
}

static int
cell_date(const struct ui_planner *pl, int row, int col)
{
	return pl->plan.first_monday + 7 * row + col_weekday(pl->cols[col]) - 1;
}

static struct cell *
cell_at(const struct ui_planner *pl, int row, int col)
{
	return &pl->cells[(size_t)row * (size_t)pl->n_cols + (size_t)col];
}

/* The column of a weekday and part, or -1. */
static int
find_col(const struct ui_planner *pl, int weekday, enum part part)
{
	for (int c = 0; c < pl->n_cols; c++)
		if (pl->cols[c] == col_key(weekday, part))
			return c;
	return -1;
}

static bool
in_horizon(const struct ui_planner *pl, int date)
{
	return date >= pl->plan.first_monday &&
	    date < pl->plan.first_monday + 7 * pl->plan.weeks;
}

/* An employee's code as cells show it: without the team code when all the
 * team's codes start with it ("CEN07" is "07"); "·" for nobody. */
static const char *
short_code(const struct ui *u, int64_t id)
{
	const struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	long i = id ? dataset_employee_index(d, id) : -1;

	if (id == 0)
		return "·";
	if (i < 0)
		return "?";
	if (pl->prefix && d->employees[i].team_id == pl->team_id &&
	    strlen(d->employees[i].code) > pl->prefix)
		return d->employees[i].code + pl->prefix;
	return d->employees[i].code;
}

static const char *
employee_name(const struct ui *u, int64_t id)
{
	long i = id ? dataset_employee_index(&u->app->data, id) : -1;

	return i >= 0 ? u->app->data.employees[i].name : _("nobody");
}

/* The plan's line of dataset employee index, or NULL. */
static const struct plan_employee *
plan_employee(const struct plan *p, long index)
{
	for (size_t m = 0; m < p->n_employees; m++)
		if (p->employees[m].index == index)
			return &p->employees[m];
	return NULL;
}

/* Strip the team code from the codes when every member's starts with it. */
static size_t
code_prefix(const struct dataset *d, const struct plan *p, long t)
{
	size_t n = strlen(d->teams[t].code);

	for (size_t m = 0; m < p->n_employees; m++) {
		const char *code = d->employees[p->employees[m].index].code;
		if (strncmp(code, d->teams[t].code, n) != 0 || strlen(code) <= n)
			return 0;
	}
	return p->n_employees ? n : 0;
}

/* The grid of the plan: its columns, and what lies in each cell. */
static void
build_cells(struct ui *u, long t)
{
	struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	unsigned keys = 0;
	bool rota[MAX_COLS] = { false };

	for (size_t r = 0; r < d->n_rota; r++)
		if (d->rota[r].team_id == pl->team_id) {
			int k = col_key(d->rota[r].weekday, d->rota[r].part);
			keys |= 1u << k;
			rota[k] = true;
		}
	for (size_t b = 0; b < d->n_blocks; b++)
		if (d->blocks[b].team_id == pl->team_id &&
		    in_horizon(pl, d->blocks[b].date))
			keys |= 1u << col_key(date_weekday(d->blocks[b].date),
			    d->blocks[b].part);
	pl->n_cols = 0;
	for (int k = 0; k < MAX_COLS; k++)
		if (keys & (1u << k))
			pl->cols[pl->n_cols++] = k;

	free(pl->cells);
	pl->cells = xcalloc((size_t)pl->plan.weeks * (size_t)pl->n_cols + 1,
	    sizeof *pl->cells);
	for (int w = 0; w < pl->plan.weeks; w++)
		for (int c = 0; c < pl->n_cols; c++)
			*cell_at(pl, w, c) = (struct cell){ .block = -1,
				.slot = -1, .rota = rota[pl->cols[c]],
				.holiday = settings_is_holiday(s,
				    cell_date(pl, w, c)) };
	for (size_t b = 0; b < d->n_blocks; b++) {
		const struct block *blk = &d->blocks[b];
		if (blk->team_id != pl->team_id || !in_horizon(pl, blk->date))
			continue;
		struct cell *c = cell_at(pl, (blk->date -
		    pl->plan.first_monday) / 7, find_col(pl,
		    date_weekday(blk->date), blk->part));
		c->block = (long)b;
		c->needs_cover = workload_block_needs_cover(d, blk);
	}
	for (size_t k = 0; k < pl->plan.n_slots; k++) {
		const struct plan_slot *sl = &pl->plan.slots[k];
		int c = find_col(pl, date_weekday(sl->date), sl->part);
		if (c >= 0)
			cell_at(pl, (sl->date - pl->plan.first_monday) / 7, c)
			    ->slot = (long)k;
	}

	pl->prefix = code_prefix(d, &pl->plan, t);
	pl->label_w = 1;
	for (size_t m = 0; m < pl->plan.n_employees; m++) {
		int w = text_width(short_code(u,
		    d->employees[pl->plan.employees[m].index].id));
		if (w > pl->label_w)
			pl->label_w = w;
	}
	if (pl->row >= pl->plan.weeks)
		pl->row = pl->plan.weeks - 1;
	if (pl->col >= pl->n_cols)
		pl->col = pl->n_cols > 0 ? pl->n_cols - 1 : 0;
}

/* Who the cursor cell shows: the proposal's holder when one is shown. */
static int64_t
shown_holder(const struct ui *u, const struct cell *c)
{
	const struct ui_planner *pl = u->planner;

	if (c->block >= 0 && u->app->data.blocks[c->block].locked)
		return u->app->data.blocks[c->block].employee_id;
	if (c->slot < 0)
		return 0;
	return pl->proposal ? pl->plan.slots[c->slot].after
			    : pl->plan.slots[c->slot].before;
}

/* The table follows the cursor: its cell's holder is selected. */
static void
follow_cursor(struct ui *u)
{
	const struct ui_planner *pl = u->planner;
	int64_t id;

	if (pl->n_cols == 0 || pl->plan.weeks == 0)
		return;
	id = shown_holder(u, cell_at(pl, pl->row, pl->col));
	if (id)
		u->selected[UI_VIEW_PLANNER] = id;
}

/* Make the plan of the team and horizon from the data as it is, unless the
 * one there is just that. A new plan drops the proposal shown. */
static void
recompute(struct ui *u)
{
	struct ui_planner *pl = state(u);
	const struct app *a = u->app;
	long t = team_index(u);
	struct err e;

	if (t < 0) {
		pl->valid = false;
		return;
	}
	if (pl->first == 0)
		pl->first = date_monday(a->today) + 7;
	if (pl->valid && pl->gen == u->data_gen &&
	    pl->team_id == a->data.teams[t].id &&
	    pl->plan.first_monday == pl->first)
		return;
	if (pl->team_id != a->data.teams[t].id)
		pl->row = pl->col = pl->top = pl->left = 0;
	close_chooser(pl);
	planner_clear(&pl->plan);
	pl->proposal = false;
	pl->valid = false;
	pl->team_id = a->data.teams[t].id;
	pl->gen = u->data_gen;
	err_clear(&e);
	if (planner_propose(&a->data, &a->settings, t, pl->first,
	    a->settings.horizon_weeks, &pl->plan, &e) < 0) {
		ui_message(u, true, "%s", e.msg);
		return;
	}
	build_cells(u, t);
	pl->valid = true;
	follow_cursor(u);
}

/* --- layout --- */

/* "Tue am": a column's title. */
static char *
col_title(const struct ui_planner *pl, int c, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s", ui_weekday(col_weekday(pl->cols[c])),
	    ui_part(col_part(pl->cols[c])));
	return buf;
}

static void
layout(const struct ui *u, struct layout *l)
{
	const struct ui_planner *pl = u->planner;
	int n = pl->n_cols > 0 ? pl->n_cols : 1;
	int cw_min = pl->label_w + 1; /* "→14"; "03→14" when it fits */
	int need;
	char buf[64];

	for (int c = 0; c < pl->n_cols; c++) {
		int w = text_width(col_title(pl, c, buf, sizeof buf));
		if (w > cw_min)
			cw_min = w;
	}
	l->week_w = WEEK_W_LONG;
	need = l->week_w + n * (cw_min + 1);
	l->beside = COLS - need - 3 >= TABLE_MIN;
	if (l->beside) {
		/* names in the cells, or the reasons in the table */
		int table_w = pl->proposal ? TABLE_WIDE : TABLE_MIN;
		if (table_w > COLS - need - 3)
			table_w = COLS - need - 3;
		l->cw = (COLS - table_w - 3 - l->week_w) / n - 1;
		l->n_vis = n;
	} else {
		if (need > COLS) /* "W49", under a title that must fit */
			l->week_w = text_width(_("Week")) > WEEK_W_SHORT ?
			    text_width(_("Week")) : WEEK_W_SHORT;
		l->cw = (COLS - l->week_w) / n - 1;
		if (l->cw < cw_min)
			l->cw = cw_min;
		l->n_vis = (COLS - l->week_w) / (l->cw + 1);
	}
	if (l->cw > CELL_MAX)
		l->cw = CELL_MAX;
	if (l->n_vis > n)
		l->n_vis = n;
	if (l->n_vis < 1)
		l->n_vis = 1;
	l->grid_w = l->week_w + l->n_vis * (l->cw + 1);
	if (l->beside) {
		l->grid_h = LINES - 8;
		l->table_x = l->grid_w + 3;
		l->table_y = 2;
		l->table_h = LINES - 4;
	} else {
		l->grid_h = LINES - 7 - TABLE_ROWS_MIN;
		l->table_x = 0;
	}
	if (l->grid_h > pl->plan.weeks)
		l->grid_h = pl->plan.weeks;
	if (l->grid_h < 1)
		l->grid_h = 1;
	l->info_y = 3 + l->grid_h + (l->beside ? 1 : 0);
	if (!l->beside) {
		l->table_y = l->info_y + 2;
		l->table_h = LINES - 2 - l->table_y;
	}
	l->table_w = COLS - l->table_x;
}

/* Keep the cursor cell on screen. */
static void
keep_in_view(struct ui_planner *pl, const struct layout *l)
{
	if (pl->row < pl->top)
		pl->top = pl->row;
	if (pl->row >= pl->top + l->grid_h)
		pl->top = pl->row - l->grid_h + 1;
	if (pl->top > pl->plan.weeks - l->grid_h)
		pl->top = pl->plan.weeks - l->grid_h;
	if (pl->top < 0)
		pl->top = 0;
	if (pl->col < pl->left)
		pl->left = pl->col;
	if (pl->col >= pl->left + l->n_vis)
		pl->left = pl->col - l->n_vis + 1;
	if (pl->left > pl->n_cols - l->n_vis)
		pl->left = pl->n_cols - l->n_vis;
	if (pl->left < 0)
		pl->left = 0;
}

/* --- the grid --- */

/* The text of a cell in cw columns and how it stands out: " 07", "#07"
 * locked, "!07" held by someone absent that day (in the OVER colour),
 * " ·" unfilled, " ×" holiday, "03→14" moved by the proposal, " ?" cannot
 * be filled; a first name follows when there is room. */
static void
cell_text(const struct ui *u, const struct cell *c, int cw, char *buf,
    size_t size, attr_t *attr)
{
	const struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	int64_t holder = 0;

	*attr = A_NORMAL;
	buf[0] = '\0';
	if (c->block >= 0 && d->blocks[c->block].locked) {
		holder = d->blocks[c->block].employee_id;
		snprintf(buf, size, "#%s", short_code(u, holder));
	} else if (c->slot >= 0) {
		const struct plan_slot *sl = &pl->plan.slots[c->slot];
		holder = sl->before;
		if (pl->proposal && (sl->changed || sl->after == 0)) {
			const char *from = short_code(u, sl->before);
			const char *to = sl->after ? short_code(u, sl->after)
						   : "?";
			holder = sl->after;
			if (!sl->changed)
				snprintf(buf, size, " %s", to);
			else if (text_width(from) + 1 + text_width(to) <= cw)
				snprintf(buf, size, "%s→%s", from, to);
			else
				snprintf(buf, size, "→%s", to);
			*attr = sl->after ? ui_accent_attr(u)
					  : ui_status_attr(u, LOAD_STATUS_OVER);
		} else {
			snprintf(buf, size, " %s", short_code(u, holder));
		}
	} else if (c->rota && c->holiday) {
		snprintf(buf, size, " ×");
	}
	if (*attr == A_NORMAL && c->needs_cover) {
		buf[0] = '!';
		*attr = ui_status_attr(u, LOAD_STATUS_OVER);
	}
	if (holder && cw - text_width(buf) > NAME_MIN) {
		const char *name = employee_name(u, holder);
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, " %.*s",
		    (int)strcspn(name, " "), name);
	}
}

static void
draw_grid(struct ui *u, const struct layout *l)
{
	struct ui_planner *pl = u->planner;
	char buf[256];

	ui_put(2, 0, l->week_w, _("Week"), false, A_BOLD);
	for (int j = 0; j < l->n_vis && pl->left + j < pl->n_cols; j++)
		ui_put(2, l->week_w + 1 + j * (l->cw + 1), l->cw,
		    col_title(pl, pl->left + j, buf, sizeof buf), false, A_BOLD);
	/* more columns to the left or right: say so in the gaps */
	if (pl->left > 0)
		ui_put(2, l->week_w, 1, "‹", false, A_BOLD);
	if (pl->left + l->n_vis < pl->n_cols)
		ui_put(2, l->grid_w < COLS ? l->grid_w : l->grid_w - 1, 1, "›",
		    false, A_BOLD);
	for (int r = 0; r < l->grid_h && pl->top + r < pl->plan.weeks; r++) {
		int w = pl->top + r, y = 3 + r, year, week;
		int monday = pl->plan.first_monday + 7 * w;
		if (l->week_w == WEEK_W_LONG) {
			date_format_week(monday, buf);
		} else {
			date_iso_week(monday, &year, &week);
			snprintf(buf, sizeof buf, "W%02d", week);
		}
		ui_put(y, 0, l->week_w, buf, false,
		    w == pl->row ? A_BOLD : A_NORMAL);
		for (int j = 0; j < l->n_vis && pl->left + j < pl->n_cols; j++) {
			int c = pl->left + j;
			attr_t attr;
			cell_text(u, cell_at(pl, w, c), l->cw, buf, sizeof buf,
			    &attr);
			if (w == pl->row && c == pl->col)
				attr |= A_REVERSE;
			ui_put(y, l->week_w + 1 + j * (l->cw + 1), l->cw, buf,
			    false, attr);
		}
	}
}

/* --- the lines below the grid --- */

/* "Tue 1 Dec 2026 morning" */
static char *
slot_name(int date, enum part part, char *buf, size_t size)
{
	char day[64];

	snprintf(buf, size, "%s %s", ui_date(date, day, sizeof day),
	    part_name(part));
	return buf;
}

/* "CEN · Centrum · 72 slots to plan, 4 locked · # locked  · unfilled …" or
 * with a proposal "CEN · Centrum · proposal: 30 of 72 slots change, …". */
static void
draw_team_line(const struct ui *u)
{
	const struct ui_planner *pl = u->planner;
	const struct team *t = &u->app->data.teams[pl->plan.team];
	char buf[512], what[256];
	int locked = 0, absent = 0;

	for (int i = 0; i < pl->plan.weeks * pl->n_cols; i++) {
		locked += pl->cells[i].block >= 0 &&
		    u->app->data.blocks[pl->cells[i].block].locked;
		absent += pl->cells[i].needs_cover;
	}
	if (pl->proposal)
		snprintf(what, sizeof what,
		    ngettext("proposal: %zu of %zu slot changes, %zu cannot be "
		             "filled",
		        "proposal: %zu of %zu slots change, %zu cannot be filled",
		        pl->plan.n_slots),
		    pl->plan.n_changes, pl->plan.n_slots, pl->plan.n_unfillable);
	else
		snprintf(what, sizeof what,
		    ngettext("%zu slot to plan, %d locked · # locked  · unfilled"
		             "  × holiday",
		        "%zu slots to plan, %d locked · # locked  · unfilled  "
		        "× holiday", pl->plan.n_slots),
		    pl->plan.n_slots, locked);
	snprintf(buf, sizeof buf, "%s · %s · %s", t->code, t->name, what);
	if (absent > 0) {
		/* first, where it is seen: these blocks need cover now */
		char warn[768];
		snprintf(warn, sizeof warn, ngettext("! %d block held by "
		    "someone absent · ", "! %d blocks held by someone absent · ",
		    absent), absent);
		size_t n = strlen(warn);
		snprintf(warn + n, sizeof warn - n, "%s", buf);
		ui_put(1, 0, COLS, warn, false,
		    A_BOLD | ui_status_attr(u, LOAD_STATUS_OVER));
		return;
	}
	ui_put(1, 0, COLS, buf, false, A_BOLD);
}

/* What the cursor cell holds, and what the proposal does with it. */
static void
draw_detail(const struct ui *u, int y, int width)
{
	const struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	const struct cell *c = cell_at(pl, pl->row, pl->col);
	char buf[768], slot[128], hours[32], what[512];
	int date = cell_date(pl, pl->row, pl->col);

	slot_name(date, col_part(pl->cols[pl->col]), slot, sizeof slot);
	if (c->block >= 0 && d->blocks[c->block].locked) {
		snprintf(what, sizeof what, "%s %s · %s · %s",
		    ui_hours(u, hours, sizeof hours, d->blocks[c->block].hours),
		    _("h"), employee_name(u, d->blocks[c->block].employee_id),
		    _("locked"));
	} else if (c->slot >= 0) {
		const struct plan_slot *sl = &pl->plan.slots[c->slot];
		char who[256];
		if (pl->proposal && sl->after == 0)
			snprintf(who, sizeof who, "%s → %s: %s",
			    employee_name(u, sl->before), _("nobody"),
			    _(sl->unfillable_reason));
		else if (pl->proposal && sl->changed)
			snprintf(who, sizeof who, "%s → %s",
			    employee_name(u, sl->before),
			    employee_name(u, sl->after));
		else
			snprintf(who, sizeof who, "%s", sl->before ?
			    employee_name(u, sl->before) : _("unfilled"));
		snprintf(what, sizeof what, "%s %s · %s",
		    ui_hours(u, hours, sizeof hours, sl->hours), _("h"), who);
	} else {
		snprintf(what, sizeof what, "%s",
		    c->rota && c->holiday ? _("holiday: no intake")
					  : _("no intake slot"));
	}
	if (c->needs_cover) {
		size_t n = strlen(what);
		snprintf(what + n, sizeof what - n, " · %s",
		    _("absent that day: hand it over (m, or r for the fair "
		    "choice)"));
	}
	snprintf(buf, sizeof buf, "%s · %s", slot, what);
	ui_put(y, 0, width, buf, false, A_NORMAL);
}

/* The highest loads: now, or equal split against balanced. */
static void
draw_summary(const struct ui *u, int y, int width)
{
	const struct plan *p = &u->planner->plan;
	char buf[512], now[16], split[16], balanced[16], key[32];
	char taking_split[16], taking_balanced[16];
	int n;

	ui_load(now, sizeof now, p->max_load_before, true);
	if (u->planner->proposal) {
		n = snprintf(buf, sizeof buf, _("equal split: highest load %s; "
		    "balanced: highest load %s (now %s)"),
		    ui_load(split, sizeof split, p->equal_split_max_load, true),
		    ui_load(balanced, sizeof balanced, p->max_load_after, true),
		    now);
		/* Where the room is: the busiest person still taking intake,
		 * which a colleague no block can help does not hide. */
		if (n > 0 && (size_t)n < sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n,
			    _(" · of those taking intake: %s → %s"),
			    ui_load(taking_split, sizeof taking_split,
			    p->taking_max_equal_split, true),
			    ui_load(taking_balanced, sizeof taking_balanced,
			    p->taking_max_after, true));
		ui_put(y, 0, width, buf, false, A_BOLD);
	} else {
		snprintf(buf, sizeof buf, _("Highest projected load now %s; "
		    "%s: propose a balanced plan"), now,
		    ui_key(u, UI_ACT_RELOAD, key, sizeof key));
		ui_put(y, 0, width, buf, false, A_NORMAL);
	}
}

/* With room below the grid: the slots that cannot be filled, then the
 * proposal's moves, one a line, from row y to the status line. */
static void
draw_changes(const struct ui *u, int y, int width)
{
	const struct plan *p = &u->planner->plan;
	char buf[512], slot[128];

	for (int pass = 0; pass < 2; pass++) {
		bool first = true;
		for (size_t k = 0; k < p->n_slots && y < LINES - 1; k++) {
			const struct plan_slot *sl = &p->slots[k];
			if (pass == 0 ? sl->after != 0 : !sl->changed ||
			        sl->after == 0)
				continue;
			if (first) {
				y++;
				if (y >= LINES - 1)
					return;
				ui_put(y++, 0, width, pass == 0 ?
				    _("Cannot be filled:") : _("Moves:"), false,
				    A_BOLD);
				first = false;
			}
			if (y >= LINES - 1)
				return;
			slot_name(sl->date, sl->part, slot, sizeof slot);
			if (pass == 0)
				snprintf(buf, sizeof buf, "  %s: %s", slot,
				    _(sl->unfillable_reason));
			else
				snprintf(buf, sizeof buf, "  %s  %s → %s", slot,
				    employee_name(u, sl->before),
				    employee_name(u, sl->after));
			ui_put(y++, 0, width, buf, false, A_NORMAL);
		}
	}
}

/* --- the table --- */

/* "94% → 100%" */
static char *
load_change(double before, double after, char *buf, size_t size)
{
	char a[16], b[16];

	snprintf(buf, size, "%s → %s", ui_load(a, sizeof a, before, true),
	    ui_load(b, sizeof b, after, true));
	return buf;
}

/* A column as wide as its data or its title. */
static struct ui_column
column(const char *title, int data_w, int drop, bool right)
{
	int w = text_width(title);

	if (w < data_w)
		w = data_w;
	return (struct ui_column){ title, w, w, drop, right, 0, 0 };
}

/* Lay the table out in its part of the screen; returns its column count. */
static size_t
table_layout(const struct ui *u, const struct layout *l, struct ui_column *c)
{
	bool proposal = u->planner->proposal;
	size_t n = proposal ? COL_COUNT : COL_COUNT - 1;

	c[COL_CODE] = column(_("Code"), u->planner->label_w, 0, false);
	/* with little room the reasons get it before long names */
	c[COL_NAME] = (struct ui_column){ _("Employee"), 14,
		proposal && l->table_w < TABLE_WIDE ? 20 : 24, 0, false, 0, 0 };
	c[COL_FREE] = column(_("Free h"), 6, 2, true);
	c[COL_BLOCKS] = column(_("Blocks"), proposal ? 5 : 2, 0, true);
	c[COL_LOAD] = column(_("Load"), proposal ? 11 : 5, 0, true);
	c[COL_STATUS] = column(_("Status"), ui_status_width(), 3, false);
	c[COL_REASON] = (struct ui_column){ _("Why none"), 16, 60, 1, false, 0,
		0 };
	ui_layout(c, n, l->table_w);
	for (size_t i = 0; i < n; i++)
		c[i].x += l->table_x;
	return n;
}

static void
draw_employee(const struct ui *u, const struct ui_column *c, int y, long i,
    attr_t attr)
{
	const struct ui_planner *pl = u->planner;
	const struct plan_employee *pe = plan_employee(&pl->plan, i);
	const struct employee *em = &u->app->data.employees[i];
	char buf[64];
	double load;
	enum load_status st;
	attr_t changed = A_NORMAL;

	if (pe == NULL)
		return;
	load = pl->proposal ? pe->load_after : pe->load_before;
	st = workload_status(load, true, &u->app->settings);
	if (pl->proposal && pe->blocks_after != pe->blocks_before)
		changed = ui_accent_attr(u);
	ui_put(y, c[COL_CODE].x, c[COL_CODE].w, short_code(u, em->id), false,
	    attr);
	ui_put(y, c[COL_NAME].x, c[COL_NAME].w, em->name, false, attr);
	ui_put(y, c[COL_FREE].x, c[COL_FREE].w,
	    ui_hours(u, buf, sizeof buf, pe->free_hours), true, attr);
	if (pl->proposal)
		snprintf(buf, sizeof buf, "%d → %d", pe->held_before,
		    pe->held_after);
	else
		snprintf(buf, sizeof buf, "%d", pe->held_before);
	ui_put(y, c[COL_BLOCKS].x, c[COL_BLOCKS].w, buf, true, attr | changed);
	if (pl->proposal)
		load_change(pe->load_before, pe->load_after, buf, sizeof buf);
	else
		ui_load(buf, sizeof buf, pe->load_before, true);
	ui_put(y, c[COL_LOAD].x, c[COL_LOAD].w, buf, true,
	    attr | ui_status_attr(u, st));
	ui_put(y, c[COL_STATUS].x, c[COL_STATUS].w,
	    ui_status_text(st, buf, sizeof buf), false,
	    attr | ui_status_attr(u, st));
	if (pl->proposal)
		ui_put(y, c[COL_REASON].x, c[COL_REASON].w,
		    pe->reason ? _(pe->reason) : "", false, attr);
}

/* --- the chooser of m --- */

/* Projected horizon load of pe with extra hours of intake. */
static double
projected(const struct ui *u, const struct plan_employee *pe, double extra)
{
	const struct settings *s = &u->app->settings;
	double cost = s->block_hours + s->followup_hours;

	return workload_load(pe->base + pe->blocks_before * cost + extra,
	    pe->capacity);
}

/* Why the planner would not give a block on date to pe (the rules of SPEC
 * §4, counting every other block that week), or NULL. */
static const char *
why_not(const struct ui *u, const struct plan_employee *pe, int date,
    int64_t block_id)
{
	const struct dataset *d = &u->app->data;
	const struct employee *em = &d->employees[pe->index];
	int monday = date_monday(date), absent = 0, blocks = 0;

	if (!pe->has_capacity)
		return N_("no capacity in the horizon");
	if (!workload_is_working_day(em, &u->app->settings, date))
		return N_("not a working day");
	for (size_t i = 0; i < d->n_absences; i++) {
		const struct absence *ab = &d->absences[i];
		if (ab->employee_id == em->id && date >= ab->start &&
		    date <= ab->end && ab->percent > absent)
			absent = ab->percent;
	}
	if (absent >= 50)
		return N_("absent");
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		if (b->employee_id == em->id && b->id != block_id &&
		    b->date >= monday && b->date < monday + 7)
			blocks++;
	}
	if (blocks >= u->app->settings.max_blocks_per_week)
		return N_("already has a block that week");
	return NULL;
}

/* Eligible first, then the lowest load after; nobody last. */
static int
cmp_choices(const void *pa, const void *pb)
{
	const struct choice *a = pa, *b = pb;

	if ((a->employee_id == 0) != (b->employee_id == 0))
		return a->employee_id == 0 ? 1 : -1;
	if ((a->why_not == NULL) != (b->why_not == NULL))
		return a->why_not == NULL ? -1 : 1;
	if (a->load_after != b->load_after)
		return a->load_after < b->load_after ? -1 : 1;
	return (a->employee_id > b->employee_id) -
	    (a->employee_id < b->employee_id);
}

/* The block under the cursor: its id (0 for a free slot), holder, hours
 * of intake it adds to its holder's projection. False when there is none. */
static bool
cursor_block(const struct ui *u, int64_t *id, int64_t *holder, double *cost)
{
	const struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	const struct cell *c = cell_at(pl, pl->row, pl->col);

	if (c->block >= 0) {
		*id = d->blocks[c->block].id;
		*holder = d->blocks[c->block].employee_id;
		/* a locked block counts at its hours, others at the cost */
		*cost = d->blocks[c->block].locked ? d->blocks[c->block].hours :
		    s->block_hours + s->followup_hours;
		return true;
	}
	if (c->slot >= 0) {
		*id = 0;
		*holder = 0;
		*cost = s->block_hours + s->followup_hours;
		return true;
	}
	return false;
}

static void
open_chooser(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	int64_t id, holder;
	double cost;
	int date = cell_date(pl, pl->row, pl->col);

	if (!cursor_block(u, &id, &holder, &cost)) {
		ui_message(u, true, "%s", _("No intake slot here"));
		return;
	}
	close_chooser(pl);
	pl->choices = xcalloc(pl->plan.n_employees + 1, sizeof *pl->choices);
	for (size_t m = 0; m < pl->plan.n_employees; m++) {
		const struct plan_employee *pe = &pl->plan.employees[m];
		int64_t eid = u->app->data.employees[pe->index].id;
		if (eid == holder)
			continue;
		pl->choices[pl->n_choices++] = (struct choice){ eid,
			projected(u, pe, 0), projected(u, pe, cost),
			why_not(u, pe, date, id) };
	}
	if (holder)
		pl->choices[pl->n_choices++] = (struct choice){ 0, 0, 0, NULL };
	qsort(pl->choices, pl->n_choices, sizeof *pl->choices, cmp_choices);
	pl->chosen = pl->chosen_top = 0;
	if (pl->n_choices == 0)
		ui_message(u, true, "%s", _("Nobody in the team can take it"));
}

static void
draw_chooser(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	int64_t id, holder;
	double cost;
	int bw = COLS - 4 < 72 ? COLS - 4 : 72;
	/* borders, the holder's line, the choices, the hint */
	int bh = (int)pl->n_choices + 4 < LINES - 2 ? (int)pl->n_choices + 4
						    : LINES - 2;
	int x0 = (COLS - bw) / 2, y0 = (LINES - bh) / 2, list_h = bh - 4;
	int iw = bw - 4, lw = 11; /* inside; "123% → 125%" */
	int nw = iw - lw - 14 < 24 ? iw - lw - 14 : 24, sw = iw - nw - lw - 2;
	char buf[512], slot[128], loads[64], k1[32], k2[32];

	if (!cursor_block(u, &id, &holder, &cost))
		return;
	for (int y = y0; y < y0 + bh; y++)
		mvhline(y, x0, ' ', bw);
	mvhline(y0, x0 + 1, ACS_HLINE, bw - 2);
	mvhline(y0 + bh - 1, x0 + 1, ACS_HLINE, bw - 2);
	mvvline(y0 + 1, x0, ACS_VLINE, bh - 2);
	mvvline(y0 + 1, x0 + bw - 1, ACS_VLINE, bh - 2);
	mvaddch(y0, x0, ACS_ULCORNER);
	mvaddch(y0, x0 + bw - 1, ACS_URCORNER);
	mvaddch(y0 + bh - 1, x0, ACS_LLCORNER);
	mvaddch(y0 + bh - 1, x0 + bw - 1, ACS_LRCORNER);

	slot_name(cell_date(pl, pl->row, pl->col), col_part(pl->cols[pl->col]),
	    slot, sizeof slot);
	snprintf(buf, sizeof buf, _(" Give %s to "), slot);
	ui_put(y0, x0 + 2, text_width(buf) < bw - 4 ? text_width(buf) : bw - 4,
	    buf, false, A_BOLD);
	if (holder) {
		const struct plan_employee *pe = plan_employee(&pl->plan,
		    dataset_employee_index(&u->app->data, holder));
		if (pe)
			snprintf(buf, sizeof buf, _("%s has it: %s without it"),
			    employee_name(u, holder),
			    load_change(pe->load_before,
			        projected(u, pe, -cost), loads, sizeof loads));
		else
			snprintf(buf, sizeof buf, "%s",
			    employee_name(u, holder));
	} else {
		snprintf(buf, sizeof buf, "%s", _("Nobody has it now"));
	}
	ui_put(y0 + 1, x0 + 2, iw, buf, false, A_NORMAL);

	if (pl->chosen < pl->chosen_top)
		pl->chosen_top = pl->chosen;
	if (pl->chosen >= pl->chosen_top + list_h)
		pl->chosen_top = pl->chosen - list_h + 1;
	for (int r = 0; r < list_h && pl->chosen_top + r < (int)pl->n_choices;
	     r++) {
		const struct choice *ch = &pl->choices[pl->chosen_top + r];
		int y = y0 + 2 + r;
		attr_t attr = pl->chosen_top + r == pl->chosen ? A_REVERSE
							       : A_NORMAL;
		attrset(attr);
		mvhline(y, x0 + 1, ' ', bw - 2);
		attrset(A_NORMAL);
		if (ch->employee_id == 0) {
			ui_put(y, x0 + 2, iw, _("(nobody: leave it unfilled)"),
			    false, attr);
			continue;
		}
		enum load_status st = workload_status(ch->load_after, true,
		    &u->app->settings);
		ui_put(y, x0 + 2, nw, employee_name(u, ch->employee_id), false,
		    attr);
		ui_put(y, x0 + 2 + nw + 1, lw,
		    load_change(ch->load_before, ch->load_after, loads,
		        sizeof loads), true, attr | ui_status_attr(u, st));
		if (ch->why_not)
			ui_put(y, x0 + 2 + nw + lw + 2, sw, _(ch->why_not),
			    false, attr);
		else
			ui_put(y, x0 + 2 + nw + lw + 2, sw,
			    ui_status_text(st, buf, sizeof buf), false,
			    attr | ui_status_attr(u, st));
	}
	snprintf(buf, sizeof buf, _("%s: choose  %s: cancel"),
	    ui_key(u, UI_ACT_OPEN, k1, sizeof k1),
	    ui_key(u, UI_ACT_BACK, k2, sizeof k2));
	ui_put(y0 + bh - 2, x0 + 2, iw, buf, false, A_BOLD);
}

/* Give the block under the cursor to the chosen one, after asking. */
static void
choose(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	struct choice ch = pl->choices[pl->chosen];
	int64_t id, holder;
	double cost;
	char q[512], slot[128], loads[64], done[256];
	struct err e;
	int rc;

	close_chooser(pl);
	if (!cursor_block(u, &id, &holder, &cost))
		return;
	slot_name(cell_date(pl, pl->row, pl->col), col_part(pl->cols[pl->col]),
	    slot, sizeof slot);
	if (ch.employee_id == 0) {
		snprintf(q, sizeof q, _("Leave %s unfilled?"), slot);
		snprintf(done, sizeof done, _("%s is unfilled now"), slot);
	} else {
		load_change(ch.load_before, ch.load_after, loads, sizeof loads);
		snprintf(q, sizeof q, _("Give %s to %s (load %s%s%s)?"), slot,
		    employee_name(u, ch.employee_id), loads,
		    ch.why_not ? "; " : "", ch.why_not ? _(ch.why_not) : "");
		snprintf(done, sizeof done, _("%s went to %s"), slot,
		    employee_name(u, ch.employee_id));
	}
	if (!ui_confirm(u, q)) {
		ui_message(u, false, "%s", _("Nothing changed"));
		return;
	}
	err_clear(&e);
	if (id) {
		rc = app_move_block(u->app, id, ch.employee_id, &e);
	} else {
		/* a free slot has no block yet: write it as a plan of one */
		struct plan_slot sl = pl->plan.slots[cell_at(pl, pl->row,
		    pl->col)->slot];
		struct plan one = { .team = pl->plan.team, .slots = &sl,
			.n_slots = 1 };
		sl.after = ch.employee_id;
		sl.changed = true;
		rc = app_apply_plan(u->app, &one, &e);
	}
	ui_changed(u, rc, &e, done);
}

static bool
chooser_action(struct ui *u, enum ui_action act)
{
	struct ui_planner *pl = u->planner;
	int n = (int)pl->n_choices, page = LINES / 2;

	switch (act) {
	case UI_ACT_UP:
		pl->chosen--;
		break;
	case UI_ACT_DOWN:
		pl->chosen++;
		break;
	case UI_ACT_PAGE_UP:
		pl->chosen -= page;
		break;
	case UI_ACT_PAGE_DOWN:
		pl->chosen += page;
		break;
	case UI_ACT_TOP:
		pl->chosen = 0;
		break;
	case UI_ACT_BOTTOM:
		pl->chosen = n - 1;
		break;
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT:
		choose(u);
		return true;
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
	case UI_ACT_QUIT:
		close_chooser(pl);
		return true;
	case UI_ACT_HELP:
	case UI_ACT_QUIT_NOW:
		return false;
	default:
		return true; /* the chooser is up: other keys wait */
	}
	if (pl->chosen >= n)
		pl->chosen = n - 1;
	if (pl->chosen < 0)
		pl->chosen = 0;
	return true;
}

/* --- the view --- */

static void
rows(struct ui *u)
{
	recompute(u);
	if (!u->planner->valid)
		return;
	for (size_t m = 0; m < u->planner->plan.n_employees; m++)
		ui_rows_push(u, u->planner->plan.employees[m].index);
}

static int64_t
row_id(const struct ui *u, long index)
{
	return u->app->data.employees[index].id;
}

/* "2026-W49 – 2027-W03 (8 weeks)" */
static void
title(const struct ui *u, char *buf, size_t size)
{
	const struct ui_planner *pl = u->planner;
	int weeks = u->app->settings.horizon_weeks;
	int first = pl && pl->first ? pl->first
				    : date_monday(u->app->today) + 7;
	char a[WEEK_BUF], b[WEEK_BUF];

	snprintf(buf, size, ngettext("%s – %s (%d week)", "%s – %s (%d weeks)",
	    weeks), date_format_week(first, a),
	    date_format_week(first + 7 * (weeks - 1), b), weeks);
}

static void
draw(struct ui *u)
{
	struct ui_planner *pl;
	struct ui_column c[COL_COUNT];
	struct layout l;
	size_t n;

	recompute(u);
	pl = u->planner;
	if (!pl->valid)
		return;
	ui_list_cursor(u);
	layout(u, &l);
	keep_in_view(pl, &l);
	pl->shown = l;
	n = table_layout(u, &l, c);
	ui_header(c, n, l.table_y, -1, false);
	ui_list_draw(u, c, l.table_y + 1, l.table_h, draw_employee, "");
	ui_list_position(u, l.table_y, c[n - 1].x + c[n - 1].w + 1);
	if (pl->plan.n_employees == 0)
		ui_put(l.table_y + 1, l.table_x, l.table_w,
		    _("Nobody in this team counts in the horizon."), false,
		    A_NORMAL);
	if (l.beside) {
		/* a selected row is reversed across the screen: clear the
		 * grid's side, then draw the grid over it */
		for (int y = 1; y < LINES - 1; y++)
			mvhline(y, 0, ' ', l.table_x - 1);
		mvvline(2, l.table_x - 2, ACS_VLINE, LINES - 3);
	}
	draw_team_line(u);
	if (pl->n_cols == 0) {
		ui_put(3, 0, l.grid_w, _("The team has no intake rota."), false,
		    A_NORMAL);
	} else {
		draw_grid(u, &l);
		draw_detail(u, l.info_y, l.beside ? l.grid_w : COLS);
	}
	draw_summary(u, l.info_y + 1, l.beside ? l.grid_w : COLS);
	if (l.beside && pl->proposal)
		draw_changes(u, l.info_y + 2, l.grid_w);
	if (pl->n_choices > 0)
		draw_chooser(u);
}

/* Show the proposal of the data as it is now (r reloads first). */
static void
propose(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	char k1[32], k2[32];
	size_t n;

	if (!ui_reload(u))
		return;
	recompute(u);
	if (!pl->valid)
		return;
	pl->proposal = true;
	n = pl->plan.n_changes;
	if (n == 0)
		ui_message(u, false, "%s",
		    _("The plan is balanced already: nothing would change"));
	else
		ui_message(u, false, ngettext("Proposal: %zu block moves; "
		    "%s: apply, %s: drop", "Proposal: %zu blocks move; %s: apply, "
		    "%s: drop", n), n, ui_key(u, UI_ACT_APPLY, k1, sizeof k1),
		    ui_key(u, UI_ACT_BACK, k2, sizeof k2));
	follow_cursor(u);
}

static void
apply(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	const struct team *t = &u->app->data.teams[pl->plan.team];
	size_t n = pl->plan.n_changes;
	char q[256], done[256], key[32];
	struct err e;
	int rc;

	if (!pl->proposal) {
		ui_message(u, true, _("No proposal yet: press %s"),
		    ui_key(u, UI_ACT_RELOAD, key, sizeof key));
		return;
	}
	if (n == 0) {
		ui_message(u, false, "%s",
		    _("The plan is balanced already: nothing to apply"));
		return;
	}
	snprintf(q, sizeof q, ngettext("Apply %zu change to the intake blocks "
	    "of %s?", "Apply %zu changes to the intake blocks of %s?", n), n,
	    t->name);
	if (!ui_confirm(u, q)) {
		ui_message(u, false, "%s", _("Nothing changed"));
		return;
	}
	err_clear(&e);
	rc = app_apply_plan(u->app, &pl->plan, &e);
	snprintf(done, sizeof done, ngettext("Applied %zu change",
	    "Applied %zu changes", n), n);
	ui_changed(u, rc, &e, done);
}

static void
toggle_lock(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	const struct cell *c = cell_at(pl, pl->row, pl->col);
	char key[32];
	struct err e;
	int64_t id;
	bool lock;
	int rc;

	if (c->block < 0) {
		ui_message(u, true, _("No block here to lock: give the slot "
		    "to someone first (%s)"),
		    ui_key(u, UI_ACT_MOVE, key, sizeof key));
		return;
	}
	id = u->app->data.blocks[c->block].id;
	lock = !u->app->data.blocks[c->block].locked;
	err_clear(&e);
	rc = app_lock_block(u->app, id, lock, &e);
	ui_changed(u, rc, &e, lock ?
	    _("Locked: the planner leaves this block as it is") :
	    _("Unlocked: the planner may move this block"));
}

static void
leave(struct ui *u)
{
	ui_show(u, u->prev_view == UI_VIEW_PLANNER ? UI_VIEW_TEAM
						   : u->prev_view);
}

static bool
action(struct ui *u, enum ui_action act)
{
	struct ui_planner *pl;

	recompute(u);
	pl = u->planner;
	if (pl->n_choices > 0)
		return chooser_action(u, act);
	switch (act) {
	case UI_ACT_WEEK_PREV:
	case UI_ACT_WEEK_NEXT:
		pl->first += act == UI_ACT_WEEK_NEXT ? 7 : -7;
		/* Weeks that have begun are not planned: their blocks are
		 * (partly) history. */
		if (pl->first < date_monday(u->app->today) + 7) {
			pl->first = date_monday(u->app->today) + 7;
			ui_message(u, false, "%s", _("Planning starts next week: "
			    "move blocks of this week by hand"));
		}
		return true;
	case UI_ACT_WEEK_TODAY:
		pl->first = date_monday(u->app->today) + 7;
		return true;
	case UI_ACT_BACK:
		if (pl->proposal) {
			pl->proposal = false;
			ui_message(u, false, "%s", _("Proposal dropped"));
		} else {
			leave(u);
		}
		return true;
	case UI_ACT_QUIT: /* q leaves the view first, like mutt and tig */
		leave(u);
		return true;
	case UI_ACT_RELOAD:
		propose(u);
		return true;
	case UI_ACT_EDIT:
		if (pl->valid)
			ui_rota_edit(u, pl->plan.team);
		return true;
	case UI_ACT_ADD_BLOCK: /* a team without a rota starts next Monday */
		if (pl->valid)
			ui_rota_add_block(u, pl->plan.team, pl->n_cols ?
			    cell_date(pl, pl->row, pl->col) : pl->first,
			    pl->n_cols ? col_part(pl->cols[pl->col])
				       : PART_MORNING);
		return true;
	default:
		break;
	}
	if (!pl->valid || pl->n_cols == 0)
		return false;
	switch (act) {
	case UI_ACT_UP:
		pl->row -= pl->row > 0;
		break;
	case UI_ACT_DOWN:
		pl->row += pl->row + 1 < pl->plan.weeks;
		break;
	case UI_ACT_LEFT:
		pl->col -= pl->col > 0;
		break;
	case UI_ACT_RIGHT:
		pl->col += pl->col + 1 < pl->n_cols;
		break;
	case UI_ACT_TOP:
		pl->row = 0;
		break;
	case UI_ACT_BOTTOM:
		pl->row = pl->plan.weeks - 1;
		break;
	case UI_ACT_OPEN:
		if (pl->proposal)
			apply(u);
		else
			open_chooser(u);
		return true;
	case UI_ACT_APPLY:
		apply(u);
		return true;
	case UI_ACT_MOVE:
		open_chooser(u);
		return true;
	case UI_ACT_LOCK:
		toggle_lock(u);
		return true;
	case UI_ACT_DELETE:
		if (cell_at(pl, pl->row, pl->col)->block >= 0)
			ui_rota_delete_block(u, cell_at(pl, pl->row,
			    pl->col)->block);
		else
			ui_message(u, true, "%s", _("No intake block here to "
			    "remove"));
		return true;
	default:
		return false; /* pages scroll the table */
	}
	follow_cursor(u);
	return true;
}

/* A click on a cell moves the cursor there; one elsewhere left of the table
 * does nothing (the loop would select the table row at that height). */
static bool
click(struct ui *u, int y, int x)
{
	struct ui_planner *pl = u->planner;
	const struct layout *l = &pl->shown;
	int c = (x - l->week_w - 1) / (l->cw + 1);

	if (pl == NULL || !pl->valid || pl->n_choices > 0)
		return true;
	if (y >= 3 && y < 3 + l->grid_h && x > l->week_w && x < l->grid_w &&
	    pl->top + y - 3 < pl->plan.weeks && pl->left + c < pl->n_cols) {
		pl->row = pl->top + y - 3;
		pl->col = pl->left + c;
		follow_cursor(u);
		return true;
	}
	return l->beside && x < l->table_x;
}

static const struct ui_hint hints[] = {
	{ { UI_ACT_BACK }, N_("back") },
	{ { UI_ACT_RELOAD }, N_("propose") },
	{ { UI_ACT_APPLY }, N_("apply") },
	{ { UI_ACT_MOVE }, N_("move") },
	{ { UI_ACT_LOCK }, N_("lock") },
	{ { UI_ACT_UNDO }, N_("undo") },
	{ { UI_ACT_EDIT }, N_("rota") },
	{ { UI_ACT_ADD_BLOCK }, N_("block") },
	{ { UI_ACT_DELETE }, N_("remove") },
	{ { UI_ACT_NONE }, NULL },
};

const struct ui_view_ops ui_planner_ops = {
	.name = N_("Planner"),
	.hints = hints,
	.title = title,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
	.click = click,
};
