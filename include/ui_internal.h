/* ui_internal: what ui.c shares with the views (ui_<view>.c): the state of
 * one TUI session, the actions keys map to, and the shared widgets. Only the
 * ui*.c files include it; it is not part of the module's public API (ui.h). */
#ifndef WIJKLAST_UI_INTERNAL_H
#define WIJKLAST_UI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "workload.h"

struct app;
struct err;
struct ui_planner;

/* Below this the screen says "terminal too small" instead of a view. */
#define UI_MIN_COLS 60
#define UI_MIN_LINES 16

enum ui_view { UI_VIEW_OVERVIEW, UI_VIEW_TEAM, UI_VIEW_PLANNER, UI_VIEW_COUNT };

/* What keys (and mouse wheels) do; the key table in ui.c maps keys to these
 * and generates the help screen. */
enum ui_action {
	UI_ACT_NONE,
	/* UP … BOTTOM move a list's selection: keep them together */
	UI_ACT_UP,
	UI_ACT_DOWN,
	UI_ACT_PAGE_UP,
	UI_ACT_PAGE_DOWN,
	UI_ACT_TOP,
	UI_ACT_BOTTOM,
	UI_ACT_LEFT,
	UI_ACT_RIGHT,
	UI_ACT_OPEN,
	UI_ACT_BACK,
	UI_ACT_WEEK_PREV,
	UI_ACT_WEEK_NEXT,
	UI_ACT_WEEK_TODAY,
	UI_ACT_SORT_NEXT,
	UI_ACT_SORT_REVERSE,
	UI_ACT_NEXT_VIEW,
	UI_ACT_VIEW_OVERVIEW,
	UI_ACT_VIEW_TEAM,
	UI_ACT_VIEW_PLANNER,
	UI_ACT_APPLY,
	UI_ACT_MOVE,
	UI_ACT_LOCK,
	UI_ACT_UNDO,
	UI_ACT_REDO,
	UI_ACT_RELOAD,
	UI_ACT_HELP,
	UI_ACT_QUIT,
	UI_ACT_QUIT_NOW,
};

/* A table column; ui_layout fills x and w (w 0: dropped for lack of room). */
struct ui_column {
	const char *title; /* translated */
	int min, max;      /* display widths; equal for a fixed column */
	int drop;          /* 0: always shown; else dropped lowest first */
	bool right;        /* right-aligned */
	int x, w;
};

/* One TUI session. Selections are ids, so they survive a reload and a week
 * change; rows are rebuilt from the dataset whenever they are needed. */
struct ui {
	struct app *app;
	bool color;         /* colour pairs are set up and wanted */
	bool decimal_comma; /* Dutch number display */
	int monday;         /* the week shown */
	struct week_figures fig; /* figures of that week (owned) */
	enum ui_view view;
	enum ui_view prev_view; /* the one before: where the Planner goes back */
	unsigned data_gen; /* bumped whenever the dataset changed */
	bool help;     /* the help screen is up */
	int help_page; /* which page of it */

	/* Per view: the id of the selected row (0: none) and the first
	 * visible row. The Overview's selection is the team the Team view
	 * shows. */
	int64_t selected[UI_VIEW_COUNT];
	int top[UI_VIEW_COUNT];
	int team_sort;          /* Team view's sort column; 0: its default */
	bool team_sort_reverse; /* against that column's natural order */

	long *rows; /* dataset indexes of the current list, in screen order */
	size_t n_rows, rows_cap;

	/* where the current list sits on screen, for paging and clicks */
	int list_y, list_h;
	/* the tabs of the title bar, for mouse clicks */
	int tab_x[UI_VIEW_COUNT], tab_w[UI_VIEW_COUNT];

	char msg[256]; /* status-line message, cleared by the next key */
	bool msg_error;

	struct ui_planner *planner; /* the Planner's state (ui_planner.c) */
};

/* A view: a list drawn between the title bar and the status line. The loop
 * moves the selection; the view handles the rest of the actions. */
struct ui_view_ops {
	const char *name;  /* N_(): tab label */
	const char *hints; /* N_(): key hints for the status line */
	/* Optional: the right of the title bar (default: the week shown). */
	void (*title)(const struct ui *u, char *buf, size_t size);
	/* Fill u->rows (ui_rows_push) in screen order. */
	void (*rows)(struct ui *u);
	/* The id of the record at a dataset index: what the selection holds. */
	int64_t (*row_id)(const struct ui *u, long index);
	void (*draw)(struct ui *u);
	/* Handle an action; false when the view leaves it to the loop. */
	bool (*action)(struct ui *u, enum ui_action act);
	/* Optional: a click at row y, column x below the title bar; false
	 * when the view leaves it to the loop (which selects a list row). */
	bool (*click)(struct ui *u, int y, int x);
};

/* Draws one row of a list: the record at dataset index, at row y. */
typedef void ui_row_fn(const struct ui *u, const struct ui_column *c, int y,
    long index, attr_t attr);

extern const struct ui_view_ops ui_overview_ops;
extern const struct ui_view_ops ui_team_ops;
extern const struct ui_view_ops ui_planner_ops;

/* Free the Planner's state (NULL-safe; at the end of the session). */
void ui_planner_free(struct ui *u);


/* Lay the columns out in width columns with one space between them: drop
 * columns by their drop rank until the minimums fit (a flexible column's
 * min is the width it prefers to dropping others; it narrows when nothing
 * is left to drop), then widen the flexible ones in table order up to max. */
void ui_layout(struct ui_column *cols, size_t n, int width);

/* Draw the column titles at row y; sort_col (or -1) gets a direction arrow. */
void ui_header(const struct ui_column *cols, size_t n, int y, int sort_col,
    bool descending);

/* A horizontal rule at row y as wide as the table. */
void ui_rule(const struct ui_column *cols, size_t n, int y);

/* Write s at (y, x) fitted to exactly width columns (cut with "…", padded). */
void ui_put(int y, int x, int width, const char *s, bool right, attr_t attr);
/* Fill row y with spaces in attr (a selected row's background). */
void ui_fill(int y, attr_t attr);

/* A load bar of width columns: full width is about 150 %, with a tick in
 * the first cell past 100 % while the bar does not reach it. */
void ui_bar(const struct ui *u, int y, int x, int width, double load,
    enum load_status st, attr_t attr);

/* Attributes for a status: its colour, or bold for OVER in monochrome. */
attr_t ui_status_attr(const struct ui *u, enum load_status st);
/* "▲ OVER", "● HIGH", "✓ OK", "○ ROOM" (translated label); "" for NONE. */
const char *ui_status_text(enum load_status st, char *buf, size_t size);
/* The widest ui_status_text, for column widths. */
int ui_status_width(void);
/* The one-column marker of a status ("▲", "●", "✓", "○"). */
const char *ui_status_marker(enum load_status st);

/* Attributes that make a changed value stand out (colour, or bold). */
attr_t ui_accent_attr(const struct ui *u);

/* "Tue 1 Dec 2026" (translated). Returns buf. */
char *ui_date(int date, char *buf, size_t size);
/* "Tue" / "am" "pm": the short names of a weekday (1 = Monday) and a
 * day part (translated). */
const char *ui_weekday(int weekday);
const char *ui_part(enum part part);

/* Hours with one decimal, decimal comma when Dutch. Returns buf. */
char *ui_hours(const struct ui *u, char *buf, size_t size, double h);
/* A load as a whole percentage, "—" when infinite, "" when not counted. */
char *ui_load(char *buf, size_t size, double load, bool counted);

/* Rebuild the current view's rows and return the selected row; when the
 * selection is gone (or none yet) the first row becomes selected. */
int ui_list_cursor(struct ui *u);

/* Draw the current view's list (rows built by ui_list_cursor) in height
 * rows from y, scrolled to keep the selection in view and drawn reversed;
 * empty is shown when there are no rows. Returns the row below the last
 * one drawn. */
int ui_list_draw(struct ui *u, const struct ui_column *c, int y, int height,
    ui_row_fn *row, const char *empty);

/* Append a dataset index to u->rows (a view's rows function). */
void ui_rows_push(struct ui *u, long index);

/* Set the status-line message (printf style). */
void ui_message(struct ui *u, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Switch views; the Team view and the Planner need a selected team. */
void ui_show(struct ui *u, enum ui_view v);

/* After an app_* change: on failure (rc -1) show e's message and re-read the
 * data (another user's change is the usual cause), else show done. Either
 * way the figures are recomputed and data_gen bumped. */
void ui_changed(struct ui *u, int rc, const struct err *e, const char *done);

/* Re-read the dataset (others' changes) and recompute; false, with the
 * message in the status line, when that failed. */
bool ui_reload(struct ui *u);

/* Ask question on the status line, over the current screen; true when the
 * answer is yes (y, or the first letter of the translated "y"). */
bool ui_confirm(struct ui *u, const char *question);

#endif
