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
#include "ui_planner.h"
#include "xmem.h"

static struct ui_planner *
state(struct ui *u)
{
	if (u->planner == NULL)
		u->planner = xcalloc(1, sizeof *u->planner);
	return u->planner;
}

static void
planner_free(struct ui *u)
{
	struct ui_planner *pl = u->planner;

	if (pl == NULL)
		return;
	ui_planner_close_chooser(pl);
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
			*ui_planner_cell_at(pl, w, c) = (struct cell){ .block = -1,
				.slot = -1, .rota = rota[pl->cols[c]],
				.holiday = settings_is_holiday(s,
				    ui_planner_cell_date(pl, w, c)) };
	for (size_t b = 0; b < d->n_blocks; b++) {
		const struct block *blk = &d->blocks[b];
		if (blk->team_id != pl->team_id || !in_horizon(pl, blk->date))
			continue;
		struct cell *c = ui_planner_cell_at(pl, (blk->date -
		    pl->plan.first_monday) / 7, find_col(pl,
		    date_weekday(blk->date), blk->part));
		c->block = (long)b;
		c->needs_cover = workload_block_needs_cover(d, blk);
	}
	for (size_t k = 0; k < pl->plan.n_slots; k++) {
		const struct plan_slot *sl = &pl->plan.slots[k];
		int c = find_col(pl, date_weekday(sl->date), sl->part);
		if (c >= 0)
			ui_planner_cell_at(pl, (sl->date - pl->plan.first_monday) / 7, c)
			    ->slot = (long)k;
	}

	pl->prefix = code_prefix(d, &pl->plan, t);
	pl->label_w = 1;
	for (size_t m = 0; m < pl->plan.n_employees; m++) {
		int w = text_width(ui_planner_short_code(u,
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
	id = shown_holder(u, ui_planner_cell_at(pl, pl->row, pl->col));
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
	ui_planner_close_chooser(pl);
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
	snprintf(buf, size, "%s %s", ui_weekday(ui_planner_col_weekday(pl->cols[c])),
	    ui_part(ui_planner_col_part(pl->cols[c])));
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
		snprintf(buf, size, "#%s", ui_planner_short_code(u, holder));
	} else if (c->slot >= 0) {
		const struct plan_slot *sl = &pl->plan.slots[c->slot];
		holder = sl->before;
		if (pl->proposal && (sl->changed || sl->after == 0)) {
			const char *from = ui_planner_short_code(u, sl->before);
			const char *to = sl->after ? ui_planner_short_code(u, sl->after)
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
			snprintf(buf, size, " %s", ui_planner_short_code(u, holder));
		}
	} else if (c->rota && c->holiday) {
		snprintf(buf, size, " ×");
	}
	if (*attr == A_NORMAL && c->needs_cover) {
		buf[0] = '!';
		*attr = ui_status_attr(u, LOAD_STATUS_OVER);
	}
	if (holder && cw - text_width(buf) > NAME_MIN) {
		const char *name = ui_planner_employee_name(u, holder);
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
			cell_text(u, ui_planner_cell_at(pl, w, c), l->cw, buf, sizeof buf,
			    &attr);
			if (w == pl->row && c == pl->col)
				attr |= A_REVERSE;
			ui_put(y, l->week_w + 1 + j * (l->cw + 1), l->cw, buf,
			    false, attr);
		}
	}
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
	n = ui_planner_table_layout(u, &l, c);
	ui_header(c, n, l.table_y, -1, false);
	ui_list_draw(u, c, l.table_y + 1, l.table_h, ui_planner_draw_employee, "");
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
	ui_planner_draw_team_line(u);
	if (pl->n_cols == 0) {
		ui_put(3, 0, l.grid_w, _("The team has no intake rota."), false,
		    A_NORMAL);
	} else {
		draw_grid(u, &l);
		ui_planner_draw_detail(u, l.info_y, l.beside ? l.grid_w : COLS);
	}
	ui_planner_draw_summary(u, l.info_y + 1, l.beside ? l.grid_w : COLS);
	if (l.beside && pl->proposal)
		ui_planner_draw_changes(u, l.info_y + 2, l.grid_w);
	if (pl->n_choices > 0)
		ui_planner_draw_chooser(u);
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
	const struct cell *c = ui_planner_cell_at(pl, pl->row, pl->col);
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
		return ui_planner_chooser_action(u, act);
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
			    ui_planner_cell_date(pl, pl->row, pl->col) : pl->first,
			    pl->n_cols ? ui_planner_col_part(pl->cols[pl->col])
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
			ui_planner_open_chooser(u);
		return true;
	case UI_ACT_APPLY:
		apply(u);
		return true;
	case UI_ACT_MOVE:
		ui_planner_open_chooser(u);
		return true;
	case UI_ACT_LOCK:
		toggle_lock(u);
		return true;
	case UI_ACT_DELETE:
		if (ui_planner_cell_at(pl, pl->row, pl->col)->block >= 0)
			ui_rota_delete_block(u, ui_planner_cell_at(pl, pl->row,
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

static const enum ui_action own[] = { UI_ACT_APPLY, UI_ACT_MOVE,
	UI_ACT_LOCK, UI_ACT_ADD_BLOCK, UI_ACT_EDIT, UI_ACT_DELETE, UI_ACT_NONE };

const struct ui_view_ops ui_planner_ops = {
	.name = N_("Planner"),
	.key_name = "planner",
	.keys = { '3', 'p' },
	.help = N_("Intake planner of the selected team"),
	.actions = own,
	.free = planner_free,
	.hints = hints,
	.title = title,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
	.click = click,
};
