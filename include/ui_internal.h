/* ui_internal: what ui.c shares with the views (ui_<view>.c): the state of
 * one TUI session, the actions keys map to, and the shared widgets. Only the
 * ui*.c files include it; it is not part of the module's public API (ui.h). */
#ifndef WIJKLAST_UI_INTERNAL_H
#define WIJKLAST_UI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "handover.h"
#include "workload.h"

struct app;
struct err;
struct forecast;
struct ui_model;
struct ui_planner;
struct ui_week_cache;

/* Below this the screen says "terminal too small" instead of a view. */
#define UI_MIN_COLS 60
#define UI_MIN_LINES 16

/* In the order of the tabs (their keys 1 .. 6). */
/* The views, as ui.c's view table has them (their tabs, in this order). A
 * view others name has a constant here; one nobody names needs none. */
enum ui_view { UI_VIEW_OVERVIEW, UI_VIEW_TEAM, UI_VIEW_PLANNER,
	UI_VIEW_EMPLOYEE, UI_VIEW_CASES, UI_VIEW_TREND, UI_VIEW_MAKEUP };
#define UI_VIEWS_MAX 16

/* What keys (and mouse wheels) do; the key table in ui.c maps keys to these
 * and generates the help screen and the status line's hints. */
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
	UI_ACT_SORT_PREV,
	UI_ACT_SORT_REVERSE,
	UI_ACT_NEXT_VIEW,
	UI_ACT_RANGE_WIDER,
	UI_ACT_RANGE_NARROWER,
	UI_ACT_EXPORT,
	UI_ACT_IMPORT,
	UI_ACT_APPLY,
	UI_ACT_MOVE,
	UI_ACT_LOCK,
	UI_ACT_ADD_BLOCK,
	/* the Employee and Cases views' edits */
	UI_ACT_ADD,
	UI_ACT_EDIT,
	UI_ACT_END,
	UI_ACT_DELETE,
	UI_ACT_SHOW_CASES,
	UI_ACT_COVER,
	UI_ACT_CLOSE,
	UI_ACT_PHASE,
	UI_ACT_FILTER,
	UI_ACT_MOVE_CASE,
	UI_ACT_UNDO,
	UI_ACT_REDO,
	UI_ACT_RELOAD,
	UI_ACT_HELP,
	UI_ACT_QUIT,
	UI_ACT_QUIT_NOW,
	/* show view v: UI_ACT_VIEW + v, its keys from its ops */
	UI_ACT_VIEW,
	UI_ACT_VIEW_OVERVIEW = UI_ACT_VIEW + UI_VIEW_OVERVIEW,
	UI_ACT_VIEW_TEAM = UI_ACT_VIEW + UI_VIEW_TEAM,
	UI_ACT_VIEW_PLANNER = UI_ACT_VIEW + UI_VIEW_PLANNER,
	UI_ACT_VIEW_EMPLOYEE = UI_ACT_VIEW + UI_VIEW_EMPLOYEE,
	UI_ACT_VIEW_CASES = UI_ACT_VIEW + UI_VIEW_CASES,
	UI_ACT_VIEW_TREND = UI_ACT_VIEW + UI_VIEW_TREND,
	UI_ACT_VIEW_MAKEUP = UI_ACT_VIEW + UI_VIEW_MAKEUP,
	UI_ACT_VIEW_LAST = UI_ACT_VIEW + UI_VIEWS_MAX - 1,
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
	/* the view table (ui.c) and the loop's own frame and key reader:
	 * what the modules below reach the views and the screen through */
	const struct ui_view_ops *const *views;
	int n_views;
	void (*draw_frame)(struct ui *u);
	int (*read_key)(struct ui *u);
	bool color;         /* colour pairs are set up and wanted */
	bool decimal_comma; /* Dutch number display */
	int monday;         /* the week shown */
	struct week_figures fig; /* figures of that week (owned) */
	enum ui_view view;
	enum ui_view prev_view; /* the one before: where the Planner goes back */
	unsigned data_gen; /* bumped whenever the dataset changed */
	/* bumped when the data itself changed (an edit, someone else's), not
	 * when more of it was read: what figures of weeks and the forecast
	 * are kept by (the rows hold indexes: they go by data_gen) */
	unsigned content_gen;
	bool help;     /* the help screen is up */
	int help_page; /* which page of it */

	/* Per view: the id of the selected row (0: none) and the first
	 * visible row. The Overview's selection is the team the Team view
	 * shows. */
	int64_t selected[UI_VIEWS_MAX];
	int top[UI_VIEWS_MAX];
	int team_sort;          /* Team view's sort column; 0: its default */
	int64_t cases_employee; /* asks the Cases view for this employee's
				 * open cases the next time it is drawn */
	bool team_sort_reverse; /* against that column's natural order */

	long *rows; /* dataset indexes of the current list, in screen order */
	size_t n_rows, rows_cap;

	/* where the current list sits on screen, for paging and clicks */
	int list_y, list_h;
	/* "12/23 ↓" when it does not fit (the selection, rows hidden above
	 * and below), else "": set by each frame's ui_list_draw, shown in
	 * the rule below the list (ui_rule) or the status line */
	char list_pos[32];
	/* the tabs of the title bar, for mouse clicks */
	int tab_x[UI_VIEWS_MAX], tab_w[UI_VIEWS_MAX];

	char msg[256]; /* status-line message, cleared by the next key */
	bool msg_error;
	bool lost;     /* input is gone (the terminal closed): leave */

	struct ui_planner *planner; /* the Planner's state (ui_planner.c) */
	struct ui_trend *trend;     /* the Trend's state (ui_trend.c) */
	struct ui_cases *cases;     /* the Cases view's filter (ui_cases.c) */
	struct ui_form *form;       /* the form open over the view, or NULL */
	struct ui_week_cache *weeks; /* live figures of other weeks
				      * (ui_model.c) */
	struct ui_model *model;      /* shared costly figures (ui_model.c) */
};

/* Make the data hold the cases and blocks from since on (app_need), and
 * say so when reading them fails. The views' rows are made again after
 * (data_gen moves): their indexes into the cases and blocks moved. */
void ui_need(struct ui *u, int since);

/* app_weeks / app_subject_weeks, and what ui_need does when the weeks
 * needed more data (a past week without a snapshot). */
struct app_subject_week;
void ui_weeks(struct ui *u, int first_monday, size_t n,
    struct week_figures *out);
void ui_subject_weeks(struct ui *u, bool employee, long index,
    int first_monday, size_t n, struct app_subject_week *out);

/* The figures of the week of monday as the data is now (never a snapshot),
 * for a form's preview of the weeks a change touches; computed once per
 * data change and kept for a few weeks. Borrowed: valid until the data
 * changes. */
const struct week_figures *ui_live_week(const struct ui *u, int monday);

/* The 8 weeks up to and including the shown one, for the sparklines:
 * borrowed, valid until the data or the week changes. */
#define UI_SPARK_WEEKS 8
const struct week_figures *ui_spark_weeks(struct ui *u);

/* The forecast of the coming weeks from the data as it is now, with the
 * rows of team (a dataset index) and its members made; borrowed until the
 * data changes. NULL until they are — asking marks the team wanted, and
 * ui_model_catch_up makes it (the loop calls it once a frame is on
 * screen, while no key waits: true when it made something new, to draw
 * again). ui_forecast_all makes every team (or only team, >= 0) at once,
 * for an export, with a progress bar headed what when it takes a while;
 * NULL when it cannot. ui_model_start at the start of a
 * session, ui_model_free at its end. */
#define UI_MODEL_SLICE_MS 30
void ui_model_start(struct ui *u);
const struct forecast *ui_forecast(const struct ui *u, long team);
const struct forecast *ui_forecast_all(struct ui *u, long team,
    const char *what);
bool ui_model_catch_up(struct ui *u);
void ui_model_free(struct ui *u);

/* A key hint of the status line, "[ ]: week": what an action does (or a
 * pair of them, the second UI_ACT_NONE for none), shown with the first key
 * that does it in the view as the keys are now. */
struct ui_hint {
	enum ui_action act[2];
	const char *what; /* N_() */
};

/* A view: a list drawn between the title bar and the status line. The loop
 * moves the selection; the view handles the rest of the actions. All the
 * loop knows of a view is this and its line in the view table. */
struct ui_view_ops {
	const char *name; /* N_() or NC_(): tab label */
	/* the action that shows it: its name in the config's keys group, its
	 * default keys (0-terminated) and its line in the help */
	const char *key_name;
	int keys[4];
	const char *help; /* N_() */
	/* the actions only some views do that this one does (the key table
	 * gives their keys to no other view), ending with UI_ACT_NONE */
	const enum ui_action *actions;
	/* the status line's hints, most wanted first (back or quit): each
	 * left out when it does not fit; ends with an act[0] of UI_ACT_NONE */
	const struct ui_hint *hints;
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
	/* Optional: shown by its key, from view from (default: ui_show). */
	void (*enter)(struct ui *u, enum ui_view from);
	/* Optional: free the view's state at the end of the session. */
	void (*free)(struct ui *u);
};

/* Draws one row of a list: the record at dataset index, at row y. */
typedef void ui_row_fn(const struct ui *u, const struct ui_column *c, int y,
    long index, attr_t attr);

extern const struct ui_view_ops ui_overview_ops;
extern const struct ui_view_ops ui_team_ops;
extern const struct ui_view_ops ui_planner_ops;


/* The Planner's edits of team t (a dataset index), in ui_rota.c: e edits
 * the team's whole intake rota in one form (and, when asked, the planned
 * blocks of the slots it changes), + adds an extra intake block (the form
 * starts at date and part), d removes block b (a dataset index) after
 * asking. Each writes one undoable change and says so on the status
 * line. */
void ui_rota_edit(struct ui *u, long t);
void ui_rota_add_block(struct ui *u, long t, int date, enum part part);
void ui_rota_delete_block(struct ui *u, long b);

extern const struct ui_view_ops ui_employee_ops;
extern const struct ui_view_ops ui_cases_ops;


/* The case forms (ui_case_form.c), of the Cases and Employee views: add a
 * case to team_id (held by employee_id; 0: the waiting list), edit one,
 * close one, on to its next phase, move it to someone chosen with the loads
 * before → after. Each writes only when confirmed, as one undoable change.
 * ui_case_holder: the name of holder id, or "waiting list". */
void ui_cases_add(struct ui *u, int64_t team_id, int64_t employee_id);
void ui_cases_edit(struct ui *u, int64_t case_id);
void ui_cases_close(struct ui *u, int64_t case_id);
void ui_cases_next_phase(struct ui *u, int64_t case_id);
void ui_cases_move(struct ui *u, int64_t case_id);
const char *ui_case_holder(const struct ui *u, int64_t id);

extern const struct ui_view_ops ui_trend_ops;
extern const struct ui_view_ops ui_makeup_ops;


/* Show the Trend of an employee (employee_id) or, with 0, of the team
 * selected in the Overview. */
void ui_trend_show(struct ui *u, int64_t employee_id);


/* The forms on an employee's absences and side activities
 * (ui_record_form.c), of the Employee view: add (i -1) or edit absence or
 * activity i of employee ei (dataset indexes), end one with a last day,
 * delete one after asking. Each writes only when confirmed, as one
 * undoable change; saved gets the id of a record written (the view
 * selects it). */
typedef void ui_saved_fn(struct ui *u, int64_t id);
void ui_absence_edit(struct ui *u, long ei, long i, ui_saved_fn *saved);
void ui_activity_edit(struct ui *u, long ei, long i, ui_saved_fn *saved);
void ui_record_end(struct ui *u, bool absence, long i);
void ui_record_delete(struct ui *u, bool absence, long i);

/* The forms on teams and employees (ui_people.c): a new team (team_id 0)
 * or one's name and area; a new employee in team_id (employee_id 0) or
 * every field of one; an employee's end date. A team move or an end while
 * holding open cases or intake blocks asks what happens to them, with the
 * colleagues' loads before and after. Each save is one undoable change. */
void ui_team_form(struct ui *u, int64_t team_id);
void ui_employee_form(struct ui *u, int64_t employee_id, int64_t team_id);
void ui_employee_end(struct ui *u, int64_t employee_id);

/* The question what happens to the cases and blocks h gives up (a move,
 * an end, cover, a return), with the colleagues' loads before → after as
 * the answers change (ui_handover.c); true with the ways chosen, false
 * when cancelled. */
bool ui_handover_ask(struct ui *u, const struct handover *h,
    enum handover_way *cases, enum handover_way *blocks);
/* Cover for employee_id from from to to (DATE_NONE: their absence of today
 * or the next one, a leaver's last day; someone back with cases out as
 * cover: give them back), asked and applied as one undoable change. What
 * happened goes to the status line after before ("Absence saved"), if
 * given. */
void ui_cover(struct ui *u, int64_t employee_id, int from, int to,
    const char *before);

/* The export dialog (ui_export.c): week, teams, format and path, then the
 * summary is written with progress shown; the result goes to the status
 * line. */
void ui_export_dialog(struct ui *u);

/* The import dialog (ui_import.c): kind, file and whether existing records
 * are updated; a dry run's summary to confirm, then the import with its
 * progress, as one change to undo; the result goes to the status line. */
void ui_import_dialog(struct ui *u);

/* Set up a session on the current curses screen / draw one frame of it /
 * free what it holds (not the screen). ui_run does all three; headless tests
 * call them on a newterm of their own. */
void ui_start(struct ui *u, struct app *a, bool color);
void ui_draw(struct ui *u);
void ui_end(struct ui *u);

/* The next key, waiting as long as it takes (ERR only when the terminal is
 * gone): for dialogs with a loop of their own. */
int ui_getch(struct ui *u);


/* The colour pairs of the status bands and the accents. */
enum ui_pair {
	PAIR_ROOM = 1,
	PAIR_OK,
	PAIR_HIGH,
	PAIR_OVER,
	PAIR_ERROR,
	PAIR_ACCENT
};

/* --- widgets (ui_widget.c) --- */

/* Start the widgets on a screen whose character set is UTF-8 or not; the
 * clipped count starts again. */
void ui_widgets_start(bool is_utf8);

/* utf8 on a UTF-8 terminal, else ascii (LANG=C): every glyph the screen
 * shows goes through here or through ui_put, which spells text in ASCII. */
const char *ui_glyph(const char *utf8, const char *ascii);
/* Does the terminal take UTF-8? */
bool ui_is_utf8(void);

/* Writes that ui_put had to clip at the right edge since the start: a view
 * that fits its screen makes none (the headless tests check). */
unsigned long ui_clipped(void);


/* Lay the columns out in width columns with one space between them: drop
 * columns by their drop rank until the minimums fit (a flexible column's
 * min is the width it prefers to dropping others; it narrows when nothing
 * is left to drop), then widen the flexible ones in table order up to max. */
void ui_layout(struct ui_column *cols, size_t n, int width);
/* A blank box of h rows and w columns at y0, x0, framed with lines: what a
 * dialog is drawn in. */
void ui_box(int y0, int x0, int h, int w);
/* A fixed column as wide as its data (data_w) or its title. */
struct ui_column ui_column(const char *title, int data_w, int drop,
    bool right);

/* Draw the column titles at row y; sort_col (or -1) gets a direction arrow. */
void ui_header(const struct ui_column *cols, size_t n, int y, int sort_col,
    bool descending);

/* A horizontal rule at row y as wide as the table; right below a list, with
 * the list's position in it when it does not fit (else the status line
 * shows that). */
void ui_rule(struct ui *u, const struct ui_column *cols, size_t n, int y);

/* Show the list's position at the right end of row y, next to the list,
 * when it fits right of column from (what the view drew there ends before
 * it); true when shown (the status line then leaves it out). */
bool ui_list_position(struct ui *u, int y, int from);

/* Write s at (y, x) fitted to exactly width columns (cut with "…", padded). */
void ui_put(int y, int x, int width, const char *s, bool right, attr_t attr);
/* Fill row y with spaces in attr (a selected row's background). */
void ui_fill(int y, attr_t attr);

/* A load bar of width columns: full width is about 150 %, with a tick in
 * the first cell past 100 % while the bar does not reach it. */
void ui_bar(const struct ui *u, int y, int x, int width, double load,
    enum load_status st, attr_t attr);

/* The status bands' markers and thresholds, and what "!" means, at row y:
 * "! OVER 4 weeks running", with who (or NULL) before the OVER. */
void ui_legend(const struct ui *u, int y, const char *who);

/* Draw a sparkline at (y, x): a cell per week of n, its height the load,
 * coloured by status; blank for a week not counted. */
void ui_spark(const struct ui *u, int y, int x,
    const struct team_week *const *weeks, size_t n, attr_t attr);

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

/* "2026-W48, 23–29 Nov" (translated month). Returns buf. */
char *ui_week_label(int monday, char *buf, size_t size);

/* What lowers employee ei's hours below the contract in the shown week —
 * "absent (ziek 100% Mon–Fri) · holiday Fri 25 Dec · starts Wed 25 Nov" —
 * into buf; "" when nothing does. Returns buf. */
char *ui_hours_lost(const struct ui *u, long ei, char *buf,
    size_t size);

/* "Tue 1 Dec" (translated): ui_date without the year. Returns buf. */
char *ui_day(int date, char *buf, size_t size);

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

/* The label of the first key that does act in the current view ("u",
 * "Ctrl-R"), in buf: for messages that name a key. The action's name in the
 * config's keys group when no key does it. Returns buf or a constant. */
const char *ui_key(const struct ui *u, enum ui_action act, char *buf,
    size_t size);

/* Set the status-line message (printf style). */
void ui_message(struct ui *u, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Switch views; the Team view and the Planner need a selected team. */
void ui_show(struct ui *u, enum ui_view v);

/* Select row (of u->rows, as ui_list_cursor built them), if there is one. */
void ui_list_select(struct ui *u, int row);

/* Arrows, pages, top and bottom: move the selection of the current list;
 * false for any other action. */
bool ui_move_selection(struct ui *u, enum ui_action act);

/* The teams in the Overview's order: every team, or the config's teams
 * filter in its order (ui_rows_push); the Trend's ↑ ↓ walk them too. */
void ui_team_rows(struct ui *u);

/* --- the keys (ui_keys.c) --- */

/* The key table in force for u's views: the defaults with the config's
 * keys group over them. */
void ui_keys_start(const struct ui *u, const struct settings *s);
/* The name of entry i of the key table of views v (n of them), as the
 * config's keys group names it; NULL past the last. */
const char *ui_keys_name(const struct ui_view_ops *const *v, int n,
    size_t i);
/* Does act work in view (a view's own actions only there, the rest
 * everywhere)? The help of a view lists only these. */
bool ui_action_active(enum ui_action act, int view);
/* What key ch does in view (UI_ACT_NONE: nothing). */
enum ui_action ui_key_action_in(int view, int ch);
/* The label of the first key that does act in view, in buf; NULL when
 * no key does (the config gave them all to others). */
const char *ui_key_in(enum ui_action act, int view, char *buf,
    size_t size);
/* "↑", "Enter", "Ctrl-R", "F1": a key as people read it. */
const char *ui_key_label(int k, char *buf, size_t size);
/* The label of the first key that shows view v, or NULL. */
const char *ui_view_key(int v, char *buf, size_t size);
/* The help of view: its n entries from the first-th on, each its keys
 * and its help text (N_()); how many. */
size_t ui_keys_help_count(int view);
size_t ui_keys_help(int view, size_t first, size_t n, char keys[][64],
    const char **help);

/* After an app_* change: on failure (rc -1) show e's message and re-read the
 * data (another user's change is the usual cause), else show done with the
 * key that undoes it. Either way the figures are recomputed and data_gen
 * bumped (ui_model.c). ui_done: the same without the undo key, for undo
 * and redo themselves. */
void ui_changed(struct ui *u, int rc, const struct err *e, const char *done);
void ui_done(struct ui *u, int rc, const struct err *e, const char *done);

/* Show the week of monday: its figures, the cases it needs read. */
void ui_set_week(struct ui *u, int monday);

/* The dataset changed (a write, another user's): recompute what the
 * views show. */
void ui_data_changed(struct ui *u);

/* Re-read the dataset (others' changes) and recompute; false, with the
 * message in the status line, when that failed. */
bool ui_reload(struct ui *u);

/* A progress bar on the status line, over the screen as it is, drawn at
 * once (long work inside a key): "what ████░░░░  45%  detail" (detail may
 * be NULL). */
void ui_progress(const char *what, double fraction, const char *detail);

/* path with a leading ~/ as the home folder, into out; false when it does
 * not fit. */
bool ui_expand_path(const char *path, char *out, size_t size);

/* Ask question on the status line, over the current screen; true when the
 * answer is yes (y, or the first letter of the translated "y"). */
bool ui_confirm(struct ui *u, const char *question);

/* --- forms (ui_form.c) --- */

#define UI_FIELD_MAX 128 /* bytes of a field's text */
#define UI_FORM_W 76     /* a form's box is never wider */

enum ui_field_kind {
	UI_FIELD_TEXT,    /* checked by parse, a validate.h parser */
	UI_FIELD_DATE,    /* YYYY-MM-DD; + - a day, PgDn PgUp a week */
	UI_FIELD_HOURS,   /* "1,5" or "1.5": 0 < h <= max */
	UI_FIELD_PERCENT, /* a whole percentage 1 .. 100 */
	UI_FIELD_CHOICE,  /* one of choices: ← →, + -, or type to find */
};

/* A labelled field. The caller sets it up and fills text (or choice); after
 * a save the checked value is in str, value or hours. */
struct ui_field {
	const char *label; /* translated */
	const char *name;  /* what the record rules call it ("end"): their
			    * messages go next to this field; may be NULL */
	enum ui_field_kind kind;
	bool optional;    /* TEXT, DATE, HOURS: may stay empty (DATE_NONE,
			   * 0 hours) */
	bool read_only;   /* shown, not editable (a case's reference) */
	const char *unit; /* shown after the input ("h/week"), or NULL */
	/* TEXT: checks the trimmed text and copies it to out; NULL: any
	 * non-empty clean text */
	int (*parse)(const char *s, char *out, size_t size, struct err *e);
	double max;                 /* HOURS */
	const char *const *choices; /* CHOICE: labels, borrowed */
	int n_choices;
	char text[UI_FIELD_MAX]; /* as typed */
	int choice;              /* CHOICE: index into choices */
	char str[UI_FIELD_MAX];  /* TEXT, checked */
	int value;               /* DATE, PERCENT, checked */
	double hours;            /* HOURS, checked */
	/* the form's own */
	char msg[256];
	size_t cursor, scroll; /* bytes into text */
	char find[32];         /* CHOICE: letters typed to find one */
	long long find_ms;     /* when the last of them was typed */
	int y;                 /* the screen row it was drawn at */
};

struct ui_form {
	const char *title; /* translated */
	struct ui_field *fields;
	int n_fields;
	void *ctx; /* the caller's, for the functions below */
	/* Optional: lines under the fields, '\n' between them (the effect of
	 * the change on loads), made again after every key. */
	void (*info)(const struct ui *u, struct ui_form *f, char *buf,
	    size_t size);
	/* Optional: the record's rules once every field is fine; -1 with e
	 * as "name: problem" (shown next to the field of that name). */
	int (*check)(const struct ui *u, struct ui_form *f, struct err *e);
	/* Optional: the last word before the form closes (a ui_confirm with
	 * the effect); false keeps it open. */
	bool (*confirm)(struct ui *u, struct ui_form *f);
	int focus;     /* the field with the cursor */
	char msg[256]; /* a record rule's message for no one field */
};

/* Run f over the current view until it is saved — Enter on the last field,
 * Ctrl-S or F2, every field checked, then check and confirm — or cancelled
 * with Esc (the status line says so). True when saved: the checked values
 * are in the fields. The form writes nothing; the caller does. */
bool ui_form_run(struct ui *u, struct ui_form *f);
/* Draw the open form (u->form) over the view: the screen's draw calls it. */
void ui_form_draw(struct ui *u);

/* Fill a field's text with a date / hours as the user writes them. */
void ui_field_date(struct ui_field *fl, int date);
void ui_field_hours(const struct ui *u, struct ui_field *fl, double h);
/* Parse a field's text into its checked value; -1 with e set (e may be
 * NULL: the info lines peek at values this way). */
int ui_field_parse(struct ui_field *fl, struct err *e);

/* "96% → 103% ● HIGH": a load before and after a change of demand or
 * capacity (with status, the band after it), as workload_format_percent
 * shows loads. */
char *ui_load_change(const struct ui *u, double demand0, double capacity0,
    double demand1, double capacity1, bool status, char *buf, size_t size);

/* A message of the core in the user's language (i18n_message). */
char *ui_translate(const char *msg, char *buf, size_t size);

#endif
