/* ui_list: the list every view shows — its rows (dataset indexes, built
 * by the view), the selection kept as an id, scrolling, the position
 * shown — and going from view to view. Below the views: they call it, it
 * reaches them only through their ops. */
#include <stdio.h>

#include <curses.h>

#include "app.h"
#include "i18n.h"
#include "ui_internal.h"
#include "xmem.h"

/* The cursor after a movement action on n rows, page rows a screen. */
static int
list_move(int cur, int n, enum ui_action act, int page)
{
	if (page < 1)
		page = 1;
	switch (act) {
	case UI_ACT_UP:
		cur--;
		break;
	case UI_ACT_DOWN:
		cur++;
		break;
	case UI_ACT_PAGE_UP:
		cur -= page;
		break;
	case UI_ACT_PAGE_DOWN:
		cur += page;
		break;
	case UI_ACT_TOP:
		cur = 0;
		break;
	case UI_ACT_BOTTOM:
		cur = n - 1;
		break;
	default:
		break;
	}
	if (cur >= n)
		cur = n - 1;
	return cur < 0 ? 0 : cur;
}

/* The first visible row that keeps cur in view, no empty space below. */
static int
list_top(int top, int cur, int n, int height)
{
	if (height < 1)
		height = 1;
	if (cur < top)
		top = cur;
	if (cur >= top + height)
		top = cur - height + 1;
	if (top > n - height)
		top = n - height;
	return top < 0 ? 0 : top;
}

/* The row of the current view's selection in u->rows (built), or -1. */
static int
find_selected(const struct ui *u)
{
	const struct ui_view_ops *v = u->views[u->view];

	for (size_t r = 0; r < u->n_rows; r++)
		if (v->row_id(u, u->rows[r]) == u->selected[u->view])
			return (int)r;
	return -1;
}

void
ui_list_select(struct ui *u, int row)
{
	if (row >= 0 && row < (int)u->n_rows)
		u->selected[u->view] = u->views[u->view]->row_id(u, u->rows[row]);
}

int
ui_list_cursor(struct ui *u)
{
	u->n_rows = 0;
	u->views[u->view]->rows(u);
	int cur = find_selected(u);
	if (cur < 0) {
		cur = 0;
		u->selected[u->view] = 0;
		ui_list_select(u, 0);
	}
	return cur;
}

int
ui_list_draw(struct ui *u, const struct ui_column *c, int y, int height,
    ui_row_fn *row, const char *empty)
{
	int cur = find_selected(u);
	int *top = &u->top[u->view];
	int k;

	*top = list_top(*top, cur, (int)u->n_rows, height);
	u->list_y = y;
	u->list_h = height;
	if ((int)u->n_rows > height)
		snprintf(u->list_pos, sizeof u->list_pos, "%d/%zu %s%s",
		    (cur < 0 ? *top : cur) + 1, u->n_rows,
		    *top > 0 ? "↑" : "",
		    *top + height < (int)u->n_rows ? "↓" : "");
	if (u->n_rows == 0) {
		ui_put(y, 1, COLS - 2, empty, false, A_NORMAL);
		return y + 1;
	}
	for (k = 0; k < height && *top + k < (int)u->n_rows; k++) {
		attr_t attr = *top + k == cur ? A_REVERSE : A_NORMAL;
		if (attr == A_REVERSE)
			ui_fill(y + k, A_REVERSE);
		row(u, c, y + k, u->rows[*top + k], attr);
	}
	return y + k;
}

void
ui_rows_push(struct ui *u, long index)
{
	XGROW(u->rows, u->rows_cap, u->n_rows + 1);
	u->rows[u->n_rows++] = index;
}

void
ui_show(struct ui *u, enum ui_view v)
{
	if (v != UI_VIEW_OVERVIEW && u->selected[UI_VIEW_OVERVIEW] == 0) {
		ui_message(u, true, "%s", _("No team selected"));
		return;
	}
	if (v != u->view)
		u->prev_view = u->view;
	u->view = v;
}

bool
ui_move_selection(struct ui *u, enum ui_action act)
{
	if (act < UI_ACT_UP || act > UI_ACT_BOTTOM)
		return false;
	int cur = ui_list_cursor(u);
	ui_list_select(u, list_move(cur, (int)u->n_rows, act, u->list_h - 1));
	return true;
}

/* The teams in the Overview's order: every team, or the config's teams
 * filter in its order. */
void
ui_team_rows(struct ui *u)
{
	const struct app *a = u->app;

	if (a->settings.n_teams == 0) {
		for (size_t i = 0; i < a->data.n_teams; i++)
			ui_rows_push(u, (long)i);
		return;
	}
	for (size_t i = 0; i < a->settings.n_teams; i++) {
		long t = dataset_team_by_code(&a->data, a->settings.teams[i]);
		if (t >= 0)
			ui_rows_push(u, t);
	}
}
