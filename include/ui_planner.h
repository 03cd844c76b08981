/* ui_planner: the Intake planner's own state and pieces, shared by its two
 * files — ui_planner.c (the grid, the plan, the keys: the view) and below
 * it ui_planner_panel.c (the grid's cells and names, what is drawn beside
 * and below the grid, the chooser of m). Nothing else includes it. */
#ifndef WIJKLAST_UI_PLANNER_H
#define WIJKLAST_UI_PLANNER_H

#include "planner.h"
#include "ui_internal.h"

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

/* --- ui_planner_panel.c: the grid's cells and names --- */

/* The cell of week row and column col, and its date. */
struct cell *ui_planner_cell_at(const struct ui_planner *pl, int row,
    int col);
int ui_planner_cell_date(const struct ui_planner *pl, int row, int col);
/* The weekday (1 = Monday) and day part of a column key; the part's name
 * ("morning", translated). */
int ui_planner_col_weekday(int key);
enum part ui_planner_col_part(int key);
const char *ui_planner_part_name(enum part part);
/* An employee's name / short code in the grid ("—" for nobody). */
const char *ui_planner_employee_name(const struct ui *u, int64_t id);
const char *ui_planner_short_code(const struct ui *u, int64_t id);
/* The plan's figures of employee index, or NULL when not a member. */
const struct plan_employee *ui_planner_plan_employee(const struct plan *p,
    long index);

/* --- ui_planner_panel.c: beside and below the grid --- */

/* The line above the grid: the team, its rota and load. */
void ui_planner_draw_team_line(const struct ui *u);
/* Below the grid, width wide from row y: the cursor cell, the summary
 * of the horizon, the changes a proposal makes. */
void ui_planner_draw_detail(const struct ui *u, int y, int width);
void ui_planner_draw_summary(const struct ui *u, int y, int width);
void ui_planner_draw_changes(const struct ui *u, int y, int width);
/* The members' table: its columns for layout l (their count), and one
 * row (a ui_row_fn). */
size_t ui_planner_table_layout(const struct ui *u, const struct layout *l,
    struct ui_column *c);
void ui_planner_draw_employee(const struct ui *u, const struct ui_column *c,
    int y, long i, attr_t attr);
/* The chooser of m: open it on the block under the cursor, draw it, let
 * it take an action (true when it did), close it. */
void ui_planner_open_chooser(struct ui *u);
void ui_planner_draw_chooser(struct ui *u);
bool ui_planner_chooser_action(struct ui *u, enum ui_action act);
void ui_planner_close_chooser(struct ui_planner *pl);

#endif
