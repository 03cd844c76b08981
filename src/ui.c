/* ui: the TUI loop — title bar with view tabs, status line, help screen,
 * "terminal too small" screen, colours, lists and their selection — and the
 * key table that drives both the keys and the help. The widgets the views
 * share (bars, table layout, status words) are in ui_widget.c.
 * The views (ui_overview.c, ui_team.c, ui_planner.c, ui_employee.c,
 * ui_cases.c, ui_trend.c) draw between title and status line, forms
 * (ui_form.c) over them. While idle the loop looks every UI_POLL_MS for
 * other users' changes. */
#include <ctype.h>
#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "ui_internal.h"
#include "xmem.h"

#define UI_CTRL(c) ((c) & 0x1f)
#define UI_KEY_ESC 27
#define UI_MAX_ERRS 100  /* getch errors in a row: the terminal is gone */
#define UI_POLL_MS 2000   /* idle time between looks for others' changes */
#define UI_KEYS_MAX 16    /* curses codes of one action */


static const struct ui_view_ops *const views[UI_VIEW_COUNT] = {
	[UI_VIEW_OVERVIEW] = &ui_overview_ops,
	[UI_VIEW_TEAM] = &ui_team_ops,
	[UI_VIEW_PLANNER] = &ui_planner_ops,
	[UI_VIEW_TREND] = &ui_trend_ops,
	[UI_VIEW_EMPLOYEE] = &ui_employee_ops,
	[UI_VIEW_CASES] = &ui_cases_ops,
	[UI_VIEW_MAKEUP] = &ui_makeup_ops,
};

/* The action that shows each view: its first key labels the view's tab. */
static const enum ui_action view_actions[UI_VIEW_COUNT] = {
	[UI_VIEW_OVERVIEW] = UI_ACT_VIEW_OVERVIEW,
	[UI_VIEW_TEAM] = UI_ACT_VIEW_TEAM,
	[UI_VIEW_PLANNER] = UI_ACT_VIEW_PLANNER,
	[UI_VIEW_TREND] = UI_ACT_VIEW_TREND,
	[UI_VIEW_EMPLOYEE] = UI_ACT_VIEW_EMPLOYEE,
	[UI_VIEW_CASES] = UI_ACT_VIEW_CASES,
	[UI_VIEW_MAKEUP] = UI_ACT_VIEW_MAKEUP,
};

/* The key table: one entry per action, its name in the config's keys group
 * (settings_key_action lists the same names), its default keys and the
 * help text. The keys in force — these, with the config's overrides — are
 * looked up in keys_of, and the help screen lists them (what the view it
 * was opened from does: is_active); so do the view tabs and the status
 * line's hints. */
struct ui_binding {
	enum ui_action action;
	const char *name;
	int keys[8]; /* 0-terminated */
	const char *help;
};

static const struct ui_binding bindings[] = {
	{ UI_ACT_UP, "up", { KEY_UP, 'k' }, N_("Move up") },
	{ UI_ACT_DOWN, "down", { KEY_DOWN, 'j' }, N_("Move down") },
	{ UI_ACT_PAGE_UP, "page_up", { KEY_PPAGE, UI_CTRL('b') },
	    N_("Page up") },
	{ UI_ACT_PAGE_DOWN, "page_down", { KEY_NPAGE, UI_CTRL('f'), ' ' },
	    N_("Page down") },
	{ UI_ACT_TOP, "top", { 'g', KEY_HOME }, N_("First row") },
	{ UI_ACT_BOTTOM, "bottom", { 'G', KEY_END }, N_("Last row") },
	{ UI_ACT_LEFT, "left", { KEY_LEFT, 'h' },
	    N_("Left (Team view: back; Trend: previous week)") },
	{ UI_ACT_RIGHT, "right", { KEY_RIGHT, 'l' },
	    N_("Right (Overview: open the team; Trend: next week)") },
	{ UI_ACT_OPEN, "open", { '\n', '\r', KEY_ENTER },
	    N_("Open; Planner: apply or move; Employee, Cases: edit") },
	{ UI_ACT_BACK, "back", { UI_KEY_ESC, KEY_BACKSPACE, 127, 8 },
	    N_("Back (Planner: first drop the proposal)") },
	{ UI_ACT_WEEK_PREV, "week_prev", { '[' }, N_("Previous week") },
	{ UI_ACT_WEEK_NEXT, "week_next", { ']' }, N_("Next week") },
	{ UI_ACT_WEEK_TODAY, "week_today", { 't' }, N_("This week") },
	{ UI_ACT_SORT_NEXT, "sort_next", { 's', '>' },
	    N_("Team: sort by the next column (to the right)") },
	{ UI_ACT_SORT_PREV, "sort_prev", { '<' },
	    N_("Team: sort by the previous column (to the left)") },
	{ UI_ACT_SORT_REVERSE, "sort_reverse", { 'S' },
	    N_("Team: reverse the sort order") },
	{ UI_ACT_NEXT_VIEW, "next_view", { '\t' }, N_("Next view") },
	{ UI_ACT_VIEW_OVERVIEW, "overview", { '1' }, N_("Overview") },
	{ UI_ACT_VIEW_TEAM, "team", { '2' },
	    N_("Team view of the selected team") },
	{ UI_ACT_VIEW_PLANNER, "planner", { '3', 'p' },
	    N_("Intake planner of the selected team") },
	{ UI_ACT_VIEW_EMPLOYEE, "employee", { '4' },
	    N_("Employee view of the employee selected in the Team view") },
	{ UI_ACT_VIEW_CASES, "cases", { '5' },
	    N_("Cases of the selected team") },
	{ UI_ACT_VIEW_TREND, "trend", { '6', 'T' },
	    N_("Trend of the selected team or employee") },
	{ UI_ACT_VIEW_MAKEUP, "makeup", { '7', 'M' },
	    N_("Make-up: the team's disciplines against the work they may "
	    "hold") },
	{ UI_ACT_RANGE_WIDER, "range_wider", { '+', '=' },
	    N_("Trend: more weeks") },
	{ UI_ACT_RANGE_NARROWER, "range_narrower", { '-', '_' },
	    N_("Trend: fewer weeks") },
	{ UI_ACT_RELOAD, "reload", { 'r', UI_CTRL('l') },
	    N_("Reload and redraw (Planner: and propose a plan)") },
	{ UI_ACT_APPLY, "apply", { 'a' }, N_("Planner: apply the proposal") },
	{ UI_ACT_MOVE, "move", { 'm' },
	    N_("Planner: give the block to someone else") },
	{ UI_ACT_LOCK, "lock", { 'L' },
	    N_("Planner: lock or unlock the block") },
	{ UI_ACT_UNDO, "undo", { 'u' }, N_("Undo the last change") },
	{ UI_ACT_REDO, "redo", { UI_CTRL('r') }, N_("Redo what was undone") },
	/* the views' own keys before the ones they shadow (e: edit, not
	 * export) */
	{ UI_ACT_ADD_BLOCK, "add_block", { '+' },
	    N_("Planner: add an intake block") },
	{ UI_ACT_ADD, "add", { 'a' },
	    N_("Add a team, employee or case (Employee: to the section of "
	    "the selected row)") },
	{ UI_ACT_EDIT, "edit", { 'e' },
	    N_("Edit the selected row (Planner: the team's intake rota)") },
	{ UI_ACT_END, "end", { 'x' },
	    N_("End: an employee's contract; a side activity or absence (a "
	    "case: close it)") },
	{ UI_ACT_DELETE, "delete", { 'd' },
	    N_("Delete the side activity, absence or intake block") },
	{ UI_ACT_COVER, "cover", { 'o' },
	    N_("Team, Employee: hand over their blocks and cases while they "
	    "are away; give them back on their return") },
	{ UI_ACT_SHOW_CASES, "show_cases", { 'c' },
	    N_("Employee: their cases in the Cases view") },
	{ UI_ACT_FILTER, "filter", { '/' },
	    N_("Cases: filter by field:value terms or words") },
	{ UI_ACT_PHASE, "phase", { 'f' }, N_("Cases: on to the next phase") },
	{ UI_ACT_CLOSE, "close", { 'c' }, N_("Cases: close the case") },
	{ UI_ACT_MOVE_CASE, "move_case", { 'm' },
	    N_("Cases: move the case to a colleague or the waiting list") },
	{ UI_ACT_EXPORT, "export", { 'E' },
	    N_("Export the weekly summary (csv, json, md, xlsx, html)") },
	{ UI_ACT_IMPORT, "import", { 'I' },
	    N_("Import a file of teams, employees, cases, …: checked first, "
	    "undone as one change") },
	{ UI_ACT_HELP, "help", { '?', KEY_F(1) }, N_("This help") },
	{ UI_ACT_QUIT, "quit", { 'q' },
	    N_("Quit (in the other views: back)") },
	{ UI_ACT_QUIT_NOW, "quit_now", { 'Q' }, N_("Quit at once") },
};

#define N_BINDINGS (sizeof bindings / sizeof bindings[0])

/* The keys in force per binding, 0-terminated (set_keys). */
static int keys_of[N_BINDINGS][UI_KEYS_MAX + 1];


/* Time-outs of getch that came at once, in a row: input is gone. */
static int quick_errs;

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
	const struct ui_view_ops *v = views[u->view];

	for (size_t r = 0; r < u->n_rows; r++)
		if (v->row_id(u, u->rows[r]) == u->selected[u->view])
			return (int)r;
	return -1;
}

static void
select_row(struct ui *u, int row)
{
	if (row >= 0 && row < (int)u->n_rows)
		u->selected[u->view] = views[u->view]->row_id(u, u->rows[row]);
}

int
ui_list_cursor(struct ui *u)
{
	u->n_rows = 0;
	views[u->view]->rows(u);
	int cur = find_selected(u);
	if (cur < 0) {
		cur = 0;
		u->selected[u->view] = 0;
		select_row(u, 0);
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

/* --- the week --- */

/* A few weeks' live figures, for previews (ui_live_week). */
#define WEEK_CACHE 8
struct ui_week_cache {
	unsigned gen[WEEK_CACHE]; /* data_gen + 1 it was made at; 0: empty */
	struct week_figures fig[WEEK_CACHE];
	int next; /* the entry the next new week replaces */
};

const struct week_figures *
ui_live_week(const struct ui *u, int monday)
{
	struct ui_week_cache *c = u->weeks;

	for (int i = 0; i < WEEK_CACHE; i++)
		if (c->gen[i] == u->data_gen + 1 && c->fig[i].monday == monday)
			return &c->fig[i];
	int i = c->next;
	c->next = (c->next + 1) % WEEK_CACHE;
	workload_week_clear(&c->fig[i]);
	workload_week(&u->app->data, &u->app->settings, monday, &c->fig[i]);
	c->gen[i] = u->data_gen + 1;
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

/* Compute the figures of the week of monday; the selection stays (ids). */
static void
set_week(struct ui *u, int monday)
{
	workload_week_clear(&u->fig);
	u->monday = monday;
	/* the views list the cases and blocks of the week shown */
	ui_need(u, monday);
	app_week(u->app, monday, &u->fig);
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
	if (u->app->data.since != since)
		u->data_gen++; /* it read more: the indexes moved */
}

/* The dataset changed: recompute what the views show. */
static void
data_changed(struct ui *u)
{
	set_week(u, u->monday);
	u->data_gen++;
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
	data_changed(u);
	return rc == 0;
}

/* ui_changed without the undo key: for undo and redo themselves. */
static void
changed(struct ui *u, int rc, const struct err *e, const char *done)
{
	if (rc < 0) {
		/* the core's messages are English; known ones are translated */
		char msg[1024];
		ui_message(u, true, "%s", ui_translate(e->msg, msg, sizeof msg));
		app_reload(u->app, NULL); /* show what is really there now */
	} else {
		ui_message(u, false, "%s", done);
	}
	data_changed(u);
}

void
ui_changed(struct ui *u, int rc, const struct err *e, const char *done)
{
	char msg[512], key[32];

	snprintf(msg, sizeof msg, _("%s; %s undoes it"), done,
	    ui_key(u, UI_ACT_UNDO, key, sizeof key));
	changed(u, rc, e, msg);
}

static void
undo(struct ui *u, bool redo)
{
	struct err e;
	char what[256], msg[320];
	int rc;

	err_clear(&e);
	rc = redo ? app_redo(u->app, what, sizeof what, &e)
		  : app_undo(u->app, what, sizeof what, &e);
	if (*what == '\0')
		snprintf(msg, sizeof msg, "%s", redo ? _("Redone") : _("Undone"));
	else
		snprintf(msg, sizeof msg, redo ? _("Redone: %s") : _("Undone: %s"),
		    what);
	changed(u, rc, &e, msg);
}

/* --- the frame: title bar and status line --- */

static const char *key_label(int k, char *buf, size_t size);
static enum ui_action key_action(enum ui_view view, int ch);

/* The tab of view v: " 2 Team ", its key and name; short, " 2 ". */
static char *
tab_label(int v, bool full, bool tight, char *buf, size_t size)
{
	char key[32];
	const int *k = NULL;

	for (size_t i = 0; i < N_BINDINGS; i++)
		if (bindings[i].action == view_actions[v] &&
		    view_actions[v] != UI_ACT_NONE)
			k = keys_of[i];
	if (k != NULL && k[0] != 0)
		key_label(k[0], key, sizeof key);
	else
		snprintf(key, sizeof key, "%d", v + 1);
	snprintf(buf, size, "%s%s%s%s%s", tight ? "" : " ", key,
	    full ? " " : "", full ? i18n_context(views[v]->name) : "",
	    tight ? "" : " ");
	return buf;
}

/* The right-hand text of the title bar for the shown week, longest first:
 * "2026-W49, 30 Nov – 6 Dec (this week)", "2026-W49 (this week)",
 * "2026-W49". A week shown from its snapshot says it is frozen; that
 * outlives the dates, which the week number implies. */
static int
week_titles(const struct ui *u, char out[][128])
{
	char week[WEEK_BUF], label[64];
	const char *mark = NULL;
	int this_week = date_monday(u->app->today);

	if (u->monday == this_week)
		mark = _("this week");
	else if (u->fig.frozen && u->fig.monday == u->monday)
		mark = _("frozen");
	ui_week_label(u->monday, label, sizeof label);
	date_format_week(u->monday, week);
	if (mark == NULL) {
		snprintf(out[0], 128, "%s", label);
		snprintf(out[1], 128, "%s", week);
		return 2;
	}
	snprintf(out[0], 128, "%s (%s)", label, mark);
	snprintf(out[1], 128, "%s (%s)", week, mark);
	snprintf(out[2], 128, "%s", week);
	return 3;
}

/* The title bar: brand, tabs, and what is shown on the right. Short of
 * room the brand goes first, then the tabs close up, then the right-hand
 * text shortens, and only then do the other tabs lose their names: tabs
 * are what people click. */
static void
draw_title(struct ui *u, const char *what)
{
	char right[3][128], label[64];
	int n_right, tabs_w[3] = { 0 }, brand = 0, pick = -1, kind = 0;

	if (what != NULL) {
		snprintf(right[0], sizeof right[0], "%s", what);
		n_right = 1;
	} else if (views[u->view]->title != NULL) {
		views[u->view]->title(u, right[0], sizeof right[0]);
		n_right = 1;
	} else {
		n_right = week_titles(u, right);
	}
	/* tabs: 0 named and padded, 1 named and close, 2 only the current
	 * one named */
	for (int v = 0; v < UI_VIEW_COUNT; v++)
		for (int k = 0; k < 3; k++)
			tabs_w[k] += text_width(tab_label(v, k < 2 ||
			    v == (int)u->view, k > 0, label, sizeof label)) + 1;
	/* the first layout that fits, in this order: the tabs' names with
	 * the right-hand text from longest to shortest — each first with the
	 * brand, then without, then with the tabs closer together — and then
	 * short tabs */
	for (int step = 0; step < 6 * n_right && pick < 0; step++) {
		bool named = step < 4 * n_right;
		int r = named ? step / 4 : (step - 4 * n_right) / 2;
		int tabs = named ? step % 4 / 2 : 2;
		int b = step % 2 == 0 ? 10 : 0;
		if (1 + b + tabs_w[tabs] + text_width(right[r]) + 1 <= COLS)
			pick = r, brand = b, kind = tabs;
	}
	if (pick < 0) /* nothing fits whole: short tabs, as much as fits */
		pick = n_right - 1, kind = 2;

	ui_fill(0, A_REVERSE);
	if (brand > 0)
		ui_put(0, 1, 8, "wijklast", false, A_REVERSE | A_BOLD);
	int x = 1 + brand;
	for (int v = 0; v < UI_VIEW_COUNT; v++) {
		tab_label(v, kind < 2 || v == (int)u->view, kind > 0, label,
		    sizeof label);
		int w = text_width(label);
		if (x + w >= COLS)
			w = 0;
		u->tab_x[v] = x;
		u->tab_w[v] = w;
		/* the current view's label is "lifted" out of the bar */
		ui_put(0, x, w, label, false,
		    v == (int)u->view && !u->help ? A_BOLD : A_REVERSE);
		x += w + 1;
	}
	int rw = text_width(right[pick]);
	if (what != NULL)
		ui_put(0, x, COLS - x, what, false, A_REVERSE | A_BOLD);
	else if (x + rw + 1 <= COLS)
		ui_put(0, COLS - rw - 1, rw, right[pick], false,
		    A_REVERSE | A_BOLD);
}

/* The label of the first key that does act in view, in buf; NULL when no
 * key does (the config gave them all to others). */
static const char *
first_key(enum ui_action act, enum ui_view view, char *buf, size_t size)
{
	for (size_t i = 0; i < N_BINDINGS; i++) {
		if (bindings[i].action != act)
			continue;
		for (const int *k = keys_of[i]; *k != 0; k++)
			if (key_action(view, *k) == act)
				return key_label(*k, buf, size);
	}
	return NULL;
}

const char *
ui_key(const struct ui *u, enum ui_action act, char *buf, size_t size)
{
	const char *k = first_key(act, u->view, buf, size);

	for (size_t i = 0; k == NULL && i < N_BINDINGS; i++)
		if (bindings[i].action == act)
			k = bindings[i].name;
	return k != NULL ? k : "?";
}

/* The hints of the current view, "Enter: team  [ ]: week", with the keys in
 * force: those that fit width columns, in their order. Returns buf. */
static char *
hints_text(const struct ui *u, int width, char *buf, size_t size)
{
	int used = 0;

	buf[0] = '\0';
	for (const struct ui_hint *h = views[u->view]->hints;
	     h->act[0] != UI_ACT_NONE; h++) {
		char k0[32], k1[32], one[256];
		const char *a = first_key(h->act[0], u->view, k0, sizeof k0);
		const char *b = h->act[1] == UI_ACT_NONE ? NULL :
		    first_key(h->act[1], u->view, k1, sizeof k1);
		if (a == NULL && b == NULL)
			continue;
		snprintf(one, sizeof one, "%s%s%s: %s", a ? a : "",
		    a && b ? " " : "", b ? b : "", _(h->what));
		int w = text_width(one) + (used > 0 ? 2 : 0);
		if (used + w > width || strlen(buf) + strlen(one) + 3 > size)
			continue;
		strcat(buf, used > 0 ? "  " : "");
		strcat(buf, one);
		used += w;
	}
	return buf;
}

/* A message, else the view's hints; at the right where the list is when it
 * does not fit, and how to get help. */
static void
draw_status(const struct ui *u)
{
	char key[32], help[128] = "", hints[1024];
	const char *k = first_key(UI_ACT_HELP, u->view, key, sizeof key);
	int hw, pw = text_width(u->list_pos), y = LINES - 1;

	if (k != NULL)
		snprintf(help, sizeof help, _("Press %s for help"), k);
	hw = text_width(help);
	int left = COLS - hw - 2 - (pw > 0 ? pw + 3 : 0);
	if (u->msg[0] != '\0') {
		attr_t a = A_BOLD;
		if (u->msg_error && u->color)
			a |= COLOR_PAIR(PAIR_ERROR);
		ui_put(y, 0, left, u->msg, false, a);
	} else {
		ui_put(y, 0, left, hints_text(u, left, hints, sizeof hints),
		    false, A_NORMAL);
	}
	if (pw > 0)
		ui_put(y, COLS - hw - pw - 3, pw, u->list_pos, false, A_BOLD);
	ui_put(y, COLS - hw - 1, hw, help, false, A_BOLD);
}

/* --- help --- */

static const char *
key_label(int k, char *buf, size_t size)
{
	switch (k) {
	case KEY_UP:
		return ui_glyph("↑", "Up");
	case KEY_DOWN:
		return ui_glyph("↓", "Down");
	case KEY_LEFT:
		return ui_glyph("←", "Left");
	case KEY_RIGHT:
		return ui_glyph("→", "Right");
	case KEY_PPAGE:
		return "PgUp";
	case KEY_NPAGE:
		return "PgDn";
	case KEY_HOME:
		return "Home";
	case KEY_END:
		return "End";
	case '\n':
	case '\r':
	case KEY_ENTER:
		return "Enter";
	case UI_KEY_ESC:
		return "Esc";
	case KEY_BACKSPACE:
	case 127:
	case 8:
		return "Backspace";
	case '\t':
		return "Tab";
	case ' ':
		return _("Space");
	case KEY_BTAB:
		return "BackTab";
	case KEY_IC:
		return "Ins";
	case KEY_DC:
		return "Del";
	}
	if (k >= KEY_F(1) && k <= KEY_F(24))
		snprintf(buf, size, "F%d", k - KEY_F0);
	else if (k > 0 && k < 32)
		snprintf(buf, size, "Ctrl-%c", k + '@');
	else if (k > 32 && k < 127)
		snprintf(buf, size, "%c", k);
	else
		snprintf(buf, size, "%s", keyname(k) ? keyname(k) : "?");
	return buf;
}

/* "↑ k" for the keys in force of binding b: each distinct label once. */
static char *
binding_keys(const struct ui_binding *b, char *buf, size_t size)
{
	const int *keys = keys_of[b - bindings];
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < UI_KEYS_MAX && keys[i] != 0; i++) {
		char one[32];
		const char *l = key_label(keys[i], one, sizeof one);
		bool seen = false;
		for (int j = 0; j < i; j++) {
			char other[32];
			if (strcmp(key_label(keys[j], other, sizeof other),
			        l) == 0)
				seen = true;
		}
		if (seen)
			continue;
		len += snprintf(buf + len, size - len, "%s%s", len ? " " : "",
		    l);
		if (len >= size)
			break;
	}
	return buf;
}

/* Rows of the help screen a page holds: below the title, above the legend
 * and the footer. */
static int
help_rows(void)
{
	return LINES - 4;
}

/* Does act work in view? The help of view lists only these, and a key does
 * only these there. */
static bool
is_active(enum ui_action act, enum ui_view view)
{
	switch (act) {
	case UI_ACT_SORT_NEXT:
	case UI_ACT_SORT_PREV:
	case UI_ACT_SORT_REVERSE:
		return view == UI_VIEW_TEAM;
	case UI_ACT_APPLY:
	case UI_ACT_MOVE:
	case UI_ACT_LOCK:
		return view == UI_VIEW_PLANNER;
	case UI_ACT_RANGE_WIDER:
	case UI_ACT_RANGE_NARROWER:
		return view == UI_VIEW_TREND;
	case UI_ACT_ADD_BLOCK:
		return view == UI_VIEW_PLANNER;
	case UI_ACT_ADD: /* a applies in the Planner: + adds a block */
		return view != UI_VIEW_TREND && view != UI_VIEW_PLANNER;
	case UI_ACT_EDIT:
		return view != UI_VIEW_TREND;
	case UI_ACT_END:
		return view == UI_VIEW_EMPLOYEE || view == UI_VIEW_TEAM;
	case UI_ACT_DELETE:
		return view == UI_VIEW_EMPLOYEE || view == UI_VIEW_PLANNER;
	case UI_ACT_SHOW_CASES:
		return view == UI_VIEW_EMPLOYEE;
	case UI_ACT_COVER:
		return view == UI_VIEW_EMPLOYEE || view == UI_VIEW_TEAM;
	case UI_ACT_FILTER:
	case UI_ACT_PHASE:
	case UI_ACT_CLOSE:
	case UI_ACT_MOVE_CASE:
		return view == UI_VIEW_CASES;
	default:
		return true;
	}
}

/* The bindings the help of the current view lists, into out; their count. */
static size_t
help_bindings(const struct ui *u, const struct ui_binding **out)
{
	size_t n = 0;

	for (size_t i = 0; i < N_BINDINGS; i++)
		if (is_active(bindings[i].action, u->view))
			out[n++] = &bindings[i];
	return n;
}

static int
help_pages(const struct ui *u)
{
	const struct ui_binding *shown[N_BINDINGS];
	int n = (int)help_bindings(u, shown);

	return (n + help_rows() - 1) / help_rows();
}

static void
draw_help(struct ui *u)
{
	const struct ui_binding *shown[N_BINDINGS];
	size_t n = help_bindings(u, shown);
	char keys[64], legend[256], sustained[128];
	int kw = 0;

	draw_title(u, _("Help"));
	for (size_t i = 0; i < n; i++) {
		int w = text_width(binding_keys(shown[i], keys, sizeof keys));
		if (w > kw)
			kw = w;
	}
	if (kw > COLS / 3)
		kw = COLS / 3;
	int first = u->help_page * help_rows();
	for (int row = 0; row < help_rows() && first + row < (int)n; row++) {
		const struct ui_binding *b = shown[first + row];
		binding_keys(b, keys, sizeof keys);
		ui_put(2 + row, 2, kw, keys, false, A_BOLD);
		ui_put(2 + row, 4 + kw, COLS - 5 - kw, _(b->help), false,
		    A_NORMAL);
	}
	snprintf(sustained, sizeof sustained, _("OVER %d weeks running"),
	    u->app->settings.sustained_weeks);
	snprintf(legend, sizeof legend, "%s %s  %s %s  %s %s  %s %s  ! %s",
	    ui_status_marker(LOAD_STATUS_OVER), _("OVER"),
	    ui_status_marker(LOAD_STATUS_HIGH), _("HIGH"),
	    ui_status_marker(LOAD_STATUS_OK), _("OK"),
	    ui_status_marker(LOAD_STATUS_ROOM), _("ROOM"), sustained);
	ui_put(LINES - 2, 2, COLS - 3, legend, false, A_NORMAL);
	ui_put(LINES - 1, 0, COLS,
	    u->help_page + 1 < help_pages(u) ?
	        _("Space: more; any other key closes the help") :
	        _("Press any key to close the help"),
	    false, A_BOLD);
}

static void
draw_too_small(void)
{
	char need[128];
	const char *line1 = _("Terminal too small");
	int y = LINES / 2 - 1;

	snprintf(need, sizeof need, _("(need %d×%d, have %d×%d)"), UI_MIN_COLS,
	    UI_MIN_LINES, COLS, LINES);
	if (y < 0)
		y = 0;
	int w1 = text_width(line1), w2 = text_width(need);
	ui_put(y, w1 < COLS ? (COLS - w1) / 2 : 0, COLS, line1, false, A_BOLD);
	if (y + 1 < LINES)
		ui_put(y + 1, w2 < COLS ? (COLS - w2) / 2 : 0, COLS, need, false,
		    A_NORMAL);
}

void
ui_draw(struct ui *u)
{
	werase(stdscr);
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		draw_too_small();
	} else if (u->help) {
		draw_help(u);
	} else {
		draw_title(u, NULL);
		u->list_pos[0] = '\0';
		views[u->view]->draw(u);
		draw_status(u);
		if (u->form != NULL)
			ui_form_draw(u);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

bool
ui_confirm(struct ui *u, const char *question)
{
	const char *yes = _("y");
	char answers[32];

	snprintf(answers, sizeof answers, " (%s/%s) ", yes, _("n"));
	u->msg[0] = '\0';
	for (;;) {
		/* the whole status line: the answers must show */
		ui_draw(u);
		int aw = text_width(answers), qw = text_width(question);
		if (qw > COLS - aw)
			qw = COLS - aw;
		ui_fill(LINES - 1, A_NORMAL);
		ui_put(LINES - 1, 0, qw, question, false, A_BOLD);
		ui_put(LINES - 1, qw > 0 ? qw : 0, aw, answers, false, A_BOLD);
		refresh();
		int ch = ui_getch(u);
		if (ch == KEY_RESIZE)
			continue; /* redraw at the new size, ask again */
		if (ch == KEY_MOUSE) {
			MEVENT ev;
			getmouse(&ev); /* a click is no answer */
			continue;
		}
		return ch == 'y' || ch == 'Y' ||
		    (ch > 0 && ch < 128 &&
		        tolower(ch) == tolower((unsigned char)yes[0]));
	}
}

/* --- input --- */

/* What ch does in view: a key may do one thing in one view and another in
 * the next (a: apply in the Planner, add in the Cases view). */
static enum ui_action
key_action(enum ui_view view, int ch)
{
	for (size_t i = 0; i < N_BINDINGS; i++)
		for (const int *k = keys_of[i];
		     *k != 0 && is_active(bindings[i].action, view); k++)
			if (*k == ch)
				return bindings[i].action;
	return UI_ACT_NONE;
}

/* The curses codes of a key of the config (enum settings_key) into out;
 * their count. */
static int
curses_keys(int key, int out[3])
{
	static const int named[][2] = {
		{ SETTINGS_KEY_BACKTAB, KEY_BTAB },
		{ SETTINGS_KEY_UP, KEY_UP },
		{ SETTINGS_KEY_DOWN, KEY_DOWN },
		{ SETTINGS_KEY_LEFT, KEY_LEFT },
		{ SETTINGS_KEY_RIGHT, KEY_RIGHT },
		{ SETTINGS_KEY_PAGE_UP, KEY_PPAGE },
		{ SETTINGS_KEY_PAGE_DOWN, KEY_NPAGE },
		{ SETTINGS_KEY_HOME, KEY_HOME },
		{ SETTINGS_KEY_END, KEY_END },
		{ SETTINGS_KEY_INSERT, KEY_IC },
		{ SETTINGS_KEY_DELETE, KEY_DC },
	};

	if (key == SETTINGS_KEY_ENTER) { /* as the terminal may send it */
		out[0] = '\r', out[1] = '\n', out[2] = KEY_ENTER;
		return 3;
	}
	if (key == SETTINGS_KEY_BACKSPACE) {
		out[0] = KEY_BACKSPACE, out[1] = 127, out[2] = 8;
		return 3;
	}
	out[0] = key > SETTINGS_KEY_F0 ? KEY_F(key - SETTINGS_KEY_F0) : key;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i][0] == key)
			out[0] = named[i][1];
	return 1;
}

/* Do actions a and b both work in some view? */
static bool
share_a_view(enum ui_action a, enum ui_action b)
{
	for (int v = 0; v < UI_VIEW_COUNT; v++)
		if (is_active(a, v) && is_active(b, v))
			return true;
	return false;
}

/* Take key away from the bindings that work in a view with the one at
 * keep; in the other views it goes on doing what it did. */
static void
unbind(int key, size_t keep)
{
	for (size_t i = 0; i < N_BINDINGS; i++) {
		int *k = keys_of[i], n = 0;

		if (i == keep ||
		    !share_a_view(bindings[i].action, bindings[keep].action))
			continue;
		for (int j = 0; k[j] != 0; j++)
			if (k[j] != key)
				k[n++] = k[j];
		k[n] = 0;
	}
}

/* The keys in force: the defaults, with the config's keys group over them
 * (a key it gives an action is taken from the actions that had it in the
 * views where that action works). */
static void
set_keys(const struct settings *s)
{
	for (size_t i = 0; i < N_BINDINGS; i++) {
		memset(keys_of[i], 0, sizeof keys_of[i]);
		for (int j = 0; j < 8 && bindings[i].keys[j] != 0; j++)
			keys_of[i][j] = bindings[i].keys[j];
	}
	for (size_t b = 0; b < s->n_bindings; b++) {
		size_t i, n = 0;

		for (i = 0; i < N_BINDINGS &&
		    strcmp(bindings[i].name, s->bindings[b].action) != 0; i++)
			;
		if (i == N_BINDINGS)
			continue; /* a name settings knows: ui_render checks */
		memset(keys_of[i], 0, sizeof keys_of[i]);
		for (const int *k = s->bindings[b].keys; *k != 0; k++) {
			int codes[3], nc = curses_keys(*k, codes);
			for (int c = 0; c < nc && n < UI_KEYS_MAX; c++) {
				unbind(codes[c], i);
				keys_of[i][n++] = codes[c];
			}
		}
	}
}

const char *
ui_key_action(size_t i)
{
	return i < N_BINDINGS ? bindings[i].name : NULL;
}

/* The view a "go to view" action opens (the Trend's is not here: it also
 * needs whose trend). */
static enum ui_view
view_of_action(enum ui_action act)
{
	switch (act) {
	case UI_ACT_VIEW_TEAM:
		return UI_VIEW_TEAM;
	case UI_ACT_VIEW_PLANNER:
		return UI_VIEW_PLANNER;
	case UI_ACT_VIEW_EMPLOYEE:
		return UI_VIEW_EMPLOYEE;
	case UI_ACT_VIEW_CASES:
		return UI_VIEW_CASES;
	case UI_ACT_VIEW_MAKEUP:
		return UI_VIEW_MAKEUP;
	default:
		return UI_VIEW_OVERVIEW;
	}
}

/* Returns true when the user quits. */
static bool
global_action(struct ui *u, enum ui_action act, int ch)
{
	char buf[32];

	switch (act) {
	case UI_ACT_WEEK_PREV:
		set_week(u, u->monday - 7);
		break;
	case UI_ACT_WEEK_NEXT:
		set_week(u, u->monday + 7);
		break;
	case UI_ACT_WEEK_TODAY:
		set_week(u, date_monday(u->app->today));
		break;
	case UI_ACT_NEXT_VIEW:
		ui_show(u, (u->view + 1) % UI_VIEW_COUNT);
		break;
	case UI_ACT_VIEW_OVERVIEW:
	case UI_ACT_VIEW_TEAM:
	case UI_ACT_VIEW_PLANNER:
	case UI_ACT_VIEW_EMPLOYEE:
	case UI_ACT_VIEW_CASES:
	case UI_ACT_VIEW_MAKEUP:
		ui_show(u, view_of_action(act));
		break;
	case UI_ACT_VIEW_TREND:
		/* the Team view's employee; elsewhere the Overview's team */
		ui_trend_show(u, u->view == UI_VIEW_TEAM ||
		    u->view == UI_VIEW_EMPLOYEE ?
		    u->selected[UI_VIEW_TEAM] : 0);
		break;
	case UI_ACT_EXPORT:
		ui_export_dialog(u);
		break;
	case UI_ACT_IMPORT:
		ui_import_dialog(u);
		break;
	case UI_ACT_UNDO:
	case UI_ACT_REDO:
		undo(u, act == UI_ACT_REDO);
		break;
	case UI_ACT_RELOAD:
		if (ui_reload(u))
			ui_message(u, false, "%s", _("Reloaded"));
		clearok(curscr, TRUE); /* Ctrl-L also repaints a garbled screen */
		break;
	case UI_ACT_HELP:
		u->help = true;
		u->help_page = 0;
		break;
	case UI_ACT_QUIT:
	case UI_ACT_QUIT_NOW:
		return true;
	case UI_ACT_NONE:
		ui_message(u, true, _("Unknown key %s"),
		    key_label(ch, buf, sizeof buf));
		break;
	default:
		break; /* a list key with no list */
	}
	return false;
}

/* Arrows, pages, top and bottom move the selection of any list view. */
static bool
move_selection(struct ui *u, enum ui_action act)
{
	if (act < UI_ACT_UP || act > UI_ACT_BOTTOM)
		return false;
	int cur = ui_list_cursor(u);
	select_row(u, list_move(cur, (int)u->n_rows, act, u->list_h - 1));
	return true;
}

static void
mouse(struct ui *u)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		move_selection(u, UI_ACT_UP);
	} else if (ev.bstate & BUTTON5_PRESSED) {
		move_selection(u, UI_ACT_DOWN);
	} else if (ev.bstate & BUTTON1_PRESSED) {
		if (ev.y == 0) {
			for (int v = 0; v < UI_VIEW_COUNT; v++)
				if (ev.x >= u->tab_x[v] &&
				    ev.x < u->tab_x[v] + u->tab_w[v])
					ui_show(u, v);
		} else if (views[u->view]->click != NULL &&
		    views[u->view]->click(u, ev.y, ev.x)) {
			return;
		} else if (ev.y >= u->list_y && ev.y < u->list_y + u->list_h) {
			ui_list_cursor(u);
			select_row(u, u->top[u->view] + ev.y - u->list_y);
		}
	}
}

/* color is false for --no-color and NO_COLOR (main.c decides). */
static void
setup_colors(struct ui *u, bool color)
{
	short bg = COLOR_BLACK;

	u->color = color && has_colors() && start_color() == OK;
	if (!u->color)
		return;
	if (use_default_colors() == OK)
		bg = -1;
	init_pair(PAIR_ROOM, COLOR_BLUE, bg);
	init_pair(PAIR_OK, COLOR_GREEN, bg);
	init_pair(PAIR_HIGH, COLOR_YELLOW, bg);
	init_pair(PAIR_OVER, COLOR_RED, bg);
	init_pair(PAIR_ERROR, COLOR_RED, bg);
	init_pair(PAIR_ACCENT, COLOR_CYAN, bg);
}

/* Codes in the config's teams filter that name no team: say so once. */
static void
check_team_filter(struct ui *u)
{
	const struct settings *s = &u->app->settings;

	for (size_t i = 0; i < s->n_teams; i++)
		if (dataset_team_by_code(&u->app->data, s->teams[i]) < 0) {
			ui_message(u, true, _("Config teams: no team %s"),
			    s->teams[i]);
			return;
		}
}

/* A key, or ERR when none came in UI_POLL_MS; u->lost when input is gone
 * (getch then fails at once, again and again). */
static int
next_key(struct ui *u)
{
	struct timespec t0, t1;
	long ms;
	int ch;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((ch = getch()) != ERR) {
		quick_errs = 0;
		return ch;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	if (ms >= UI_POLL_MS / 2)
		quick_errs = 0;
	else if (++quick_errs >= UI_MAX_ERRS)
		u->lost = true;
	return ERR;
}

int
ui_getch(struct ui *u)
{
	int ch;

	while ((ch = next_key(u)) == ERR && !u->lost)
		;
	return ch;
}

/* Reload when another user committed a change; true when the screen must
 * be drawn again. The selection stays: it is held as ids. */
static bool
poll_others(struct ui *u)
{
	struct err e;
	int rc;

	err_clear(&e);
	if ((rc = app_refresh(u->app, &e)) == 0)
		return false;
	if (rc < 0) {
		ui_message(u, true, "%s", e.msg);
		return true;
	}
	data_changed(u);
	ui_message(u, false, "%s",
	    _("Updated: someone else changed the data"));
	return true;
}

/* Lines and corners in plain ASCII: with no UTF-8 the terminal's
 * alternate character set often shows as letters ("lqqk"). */
static void
ascii_lines(void)
{
	static const char map[][2] = { { 'q', '-' }, { 'x', '|' },
		{ 'l', '+' }, { 'k', '+' }, { 'm', '+' }, { 'j', '+' },
		{ 't', '+' }, { 'u', '+' }, { 'v', '+' }, { 'w', '+' },
		{ 'n', '+' } };

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		acs_map[(unsigned char)map[i][0]] = (chtype)map[i][1];
}

/* Has a key arrived that the loop has not read yet? */
static bool
key_waiting(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	return poll(&p, 1, 0) > 0;
}

void
ui_start(struct ui *u, struct app *a, bool color)
{
	*u = (struct ui){ .app = a,
		.weeks = xcalloc(1, sizeof *u->weeks) };
	ui_widgets_start(strcmp(nl_langinfo(CODESET), "UTF-8") == 0);
	quick_errs = 0;
	set_keys(&a->settings);
	if (!ui_is_utf8())
		ascii_lines();
	cbreak();
	noecho();
	nonl(); /* Enter arrives as \r; the table has both */
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(UI_POLL_MS); /* getch gives up now and then: see next_key */
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0); /* clicks select at once, no double-click wait */
	setup_colors(u, color);
	u->decimal_comma = i18n_decimal_comma();
	ui_model_start(u);
	set_week(u, date_monday(a->today));
	check_team_filter(u);
}

void
ui_end(struct ui *u)
{
	workload_week_clear(&u->fig);
	week_cache_free(u->weeks);
	u->weeks = NULL;
	ui_planner_free(u);
	ui_model_free(u);
	ui_trend_free(u);
	ui_cases_free(u);
	free(u->rows);
	u->rows = NULL;
}

int
ui_run(struct app *a, bool color, struct err *e)
{
	const char *term = getenv("TERM");
	struct ui u;
	SCREEN *scr;
	bool dirty = true;
	int terr;

	/* Ask terminfo first: a newterm that fails leaks its screen. */
	if (setupterm(NULL, fileno(stdout), &terr) != OK)
		return err_set(e, _("cannot open terminal: TERM=%s"),
		    term ? term : "");
	del_curterm(cur_term);
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL)
		return err_set(e, _("cannot open terminal: TERM=%s"),
		    term ? term : "");
	set_term(scr);
	ui_start(&u, a, color);

	for (;;) {
		if (dirty)
			ui_draw(&u);
		/* costly figures once the frame is seen, a slice at a time and
		 * the frame again after each, until a key waits */
		while (!key_waiting() && ui_model_catch_up(&u))
			ui_draw(&u);
		dirty = true;
		int ch = next_key(&u);
		if (ch == ERR) {
			if (u.lost)
				break;
			dirty = poll_others(&u);
			continue;
		}
		if (ch == KEY_RESIZE)
			continue; /* the next draw uses the new LINES/COLS */
		u.msg[0] = '\0';
		poll_others(&u); /* act on the data as it is now */
		if (u.help) {
			/* Space pages on a small screen; any other key closes */
			if (ch == ' ' && u.help_page + 1 < help_pages(&u))
				u.help_page++;
			else
				u.help = false;
			continue;
		}
		if (ch == KEY_MOUSE) {
			mouse(&u);
			continue;
		}
		enum ui_action act = key_action(u.view, ch);
		/* the view first: the Planner moves a cell cursor, not a row */
		if (views[u.view]->action(&u, act) || move_selection(&u, act))
			continue;
		if (global_action(&u, act, ch))
			break;
	}

	endwin();
	delscreen(scr);
	ui_end(&u);
	if (u.lost)
		return err_set(e, "%s", _("lost the terminal"));
	return 0;
}
