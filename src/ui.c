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


/* The view table: every view, in the order of its tab (enum ui_view names
 * those others refer to). A new view is its own file, filling in its
 * ui_view_ops — its keys and help too — and one line here. */
static const struct ui_view_ops *const views[] = {
	[UI_VIEW_OVERVIEW] = &ui_overview_ops,
	[UI_VIEW_TEAM] = &ui_team_ops,
	[UI_VIEW_PLANNER] = &ui_planner_ops,
	[UI_VIEW_EMPLOYEE] = &ui_employee_ops,
	[UI_VIEW_CASES] = &ui_cases_ops,
	[UI_VIEW_TREND] = &ui_trend_ops,
	[UI_VIEW_MAKEUP] = &ui_makeup_ops,
};
#define N_VIEWS ((int)(sizeof views / sizeof views[0]))


/* Time-outs of getch that came at once, in a row: input is gone. */
static int quick_errs;

/* --- the week --- */

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
	ui_done(u, rc, &e, msg);
}

/* --- the frame: title bar and status line --- */


/* The tab of view v: " 2 Team ", its key and name; short, " 2 ". */
static char *
tab_label(int v, bool full, bool tight, char *buf, size_t size)
{
	char key[32];

	if (ui_view_key(v, key, sizeof key) == NULL)
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
	for (int v = 0; v < N_VIEWS; v++)
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
	for (int v = 0; v < N_VIEWS; v++) {
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
		const char *a = ui_key_in(h->act[0], (int)u->view, k0,
		    sizeof k0);
		const char *b = h->act[1] == UI_ACT_NONE ? NULL :
		    ui_key_in(h->act[1], (int)u->view, k1, sizeof k1);
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
	const char *k = ui_key_in(UI_ACT_HELP, (int)u->view, key, sizeof key);
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

/* Rows of the help screen a page holds: below the title, above the legend
 * and the footer. */
static int
help_rows(void)
{
	return LINES - 4;
}

static int
help_pages(const struct ui *u)
{
	int n = (int)ui_keys_help_count((int)u->view);

	return (n + help_rows() - 1) / help_rows();
}

static void
draw_help(struct ui *u)
{
	size_t n = ui_keys_help_count((int)u->view);
	char (*keys)[64] = xcalloc(n + 1, sizeof *keys);
	const char **help = xcalloc(n + 1, sizeof *help);
	char legend[256], sustained[128];
	int kw = 0;

	n = ui_keys_help((int)u->view, 0, n, keys, help);
	draw_title(u, _("Help"));
	for (size_t i = 0; i < n; i++) {
		int w = text_width(keys[i]);
		if (w > kw)
			kw = w;
	}
	if (kw > COLS / 3)
		kw = COLS / 3;
	int first = u->help_page * help_rows();
	for (int row = 0; row < help_rows() && first + row < (int)n; row++) {
		ui_put(2 + row, 2, kw, keys[first + row], false, A_BOLD);
		ui_put(2 + row, 4 + kw, COLS - 5 - kw, _(help[first + row]),
		    false, A_NORMAL);
	}
	free(keys);
	free(help);
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

/* One frame: the title bar, the view, the status line (or the help). */
static void
draw_frame(struct ui *u)
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


/* --- input --- */

const char *
ui_key_action(size_t i)
{
	return ui_keys_name(views, N_VIEWS, i);
}

/* Returns true when the user quits. */
static bool
global_action(struct ui *u, enum ui_action act, int ch)
{
	char buf[32];

	switch (act) {
	case UI_ACT_WEEK_PREV:
		ui_set_week(u, u->monday - 7);
		break;
	case UI_ACT_WEEK_NEXT:
		ui_set_week(u, u->monday + 7);
		break;
	case UI_ACT_WEEK_TODAY:
		ui_set_week(u, date_monday(u->app->today));
		break;
	case UI_ACT_NEXT_VIEW:
		ui_show(u, (enum ui_view)((u->view + 1) % N_VIEWS));
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
		    ui_key_label(ch, buf, sizeof buf));
		break;
	default:
		if (act >= UI_ACT_VIEW && act < UI_ACT_VIEW + N_VIEWS) {
			enum ui_view v = (enum ui_view)(act - UI_ACT_VIEW);
			if (views[v]->enter != NULL)
				views[v]->enter(u, u->view);
			else
				ui_show(u, v);
		}
		break; /* else a list key with no list */
	}
	return false;
}

static void
mouse(struct ui *u)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		ui_move_selection(u, UI_ACT_UP);
	} else if (ev.bstate & BUTTON5_PRESSED) {
		ui_move_selection(u, UI_ACT_DOWN);
	} else if (ev.bstate & BUTTON1_PRESSED) {
		if (ev.y == 0) {
			for (int v = 0; v < N_VIEWS; v++)
				if (ev.x >= u->tab_x[v] &&
				    ev.x < u->tab_x[v] + u->tab_w[v])
					ui_show(u, v);
		} else if (views[u->view]->click != NULL &&
		    views[u->view]->click(u, ev.y, ev.x)) {
			return;
		} else if (ev.y >= u->list_y && ev.y < u->list_y + u->list_h) {
			ui_list_cursor(u);
			ui_list_select(u, u->top[u->view] + ev.y - u->list_y);
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

/* The next key, waiting as long as it takes (ERR only when the terminal
 * is gone): what dialogs read with ui_getch. */
static int
read_key(struct ui *u)
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
		/* an error shown (a change not saved) stays until a key */
		if (!u->msg_error || u->msg[0] == '\0')
			ui_message(u, true, "%s", e.msg);
		return true;
	}
	ui_data_changed(u);
	ui_message(u, false, "%s", rc == 2 ?
	    _("Connected again to the database server (it was away); "
	    "everything saved is there") :
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
	*u = (struct ui){ .app = a };
	ui_widgets_start(strcmp(nl_langinfo(CODESET), "UTF-8") == 0);
	quick_errs = 0;
	u->views = views;
	u->n_views = N_VIEWS;
	u->draw_frame = draw_frame;
	u->read_key = read_key;
	ui_keys_start(u, &a->settings);
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
	a->defer_freeze = true; /* after the frame: ui_model_catch_up */
	ui_set_week(u, date_monday(a->today));
	check_team_filter(u);
}

void
ui_end(struct ui *u)
{
	workload_week_clear(&u->fig);
	for (int v = 0; v < N_VIEWS; v++)
		if (views[v]->free != NULL)
			views[v]->free(u);
	ui_model_free(u);
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
		enum ui_action act = ui_key_action_in((int)u.view, ch);
		/* the view first: the Planner moves a cell cursor, not a row */
		if (views[u.view]->action(&u, act) ||
		    ui_move_selection(&u, act))
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
