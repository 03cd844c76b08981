/* The views drawn headless (STYLE.md): a demo city rendered into a newterm
 * on /dev/null at 80x24 and 132x40, the screen read back with mvinnstr and
 * checked — team names, the week, the Trend's bars and labels, an
 * employee's breakdown and sections, the case list, the Planner's proposal,
 * nothing clipped at the right edge — plus the Employee view in Dutch, ASCII
 * only on a non-UTF-8 terminal, the key table against the config's action
 * names, and rebound keys in the help and the hints. Linked with the UI and
 * ncursesw, unlike the core tests. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "app.h"
#include "demo.h"
#include "i18n.h"
#include "store.h"
#include "testutil.h"
#include "text.h"
#include "ui.h"
#include "ui_internal.h"

#define MAX_LINES 64

static const char *const teams[] = { "Centrum", "Noord", "Oost", "Zuid",
	"West", "Glanerbrug", "Stroinksl", "Wesselerb", "Twekkeler",
	"Huiselijk" };

static struct app app;
static struct ui ui;
static SCREEN *scr;
static FILE *out, *in;
static char screen[MAX_LINES][1024]; /* the lines as read back */
static const char *help_hint = "Press ? for help"; /* ends the status line */

/* A demo city under a fresh folder, in app; config from cfg_text (NULL:
 * none). */
static void
open_demo(const char *cfg_text)
{
	const char *dir = test_tmpdir();
	char db[4200], cfg[4200];
	struct demo_options opt = { 0 };
	struct err e;

	setenv("XDG_CONFIG_HOME", dir, 1);
	setenv("WIJKLAST_TODAY", "2026-11-23", 1);
	snprintf(db, sizeof db, "%s/demo.db", dir);
	snprintf(cfg, sizeof cfg, "%s/w.cfg", dir);
	if (cfg_text != NULL) {
		FILE *f = fopen(cfg, "w");
		cr_assert_not_null(f);
		fputs(cfg_text, f);
		cr_assert_eq(fclose(f), 0);
	}
	err_clear(&e);
	cr_assert_eq(app_open(&app, db, cfg_text ? cfg : NULL, &e), 0, "%s",
	    e.msg);
	cr_assert_eq(demo_create(app.store, &app.settings, app.today, &opt,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(app_reload(&app, &e), 0, "%s", e.msg);
}

/* A terminal of cols x lines on /dev/null with a session on the demo, in
 * the locale named (its character set decides UTF-8 or ASCII). */
static void
start(const char *locale, int cols, int lines, const char *cfg_text)
{
	cr_assert_not_null(setlocale(LC_ALL, locale), "no locale %s", locale);
	setlocale(LC_NUMERIC, "C");
	settings_key_actions(ui_key_action); /* as main.c does */
	open_demo(cfg_text);
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	cr_assert(out && in);
	scr = newterm("xterm-256color", out, in);
	cr_assert_not_null(scr, "newterm failed");
	set_term(scr);
	resizeterm(lines, cols);
	ui_start(&ui, &app, true);
}

static void
stop(void)
{
	ui_end(&ui);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	app_close(&app);
}

/* Draw view at cols x lines and read the screen back into screen[]. */
static void
render(enum ui_view view, int cols, int lines)
{
	unsigned long clipped = ui_clipped();

	resizeterm(lines, cols);
	ui.view = view;
	ui_draw(&ui);
	for (int y = 0; y < lines && y < MAX_LINES; y++) {
		mvinnstr(y, 0, screen[y], (int)sizeof screen[y] - 1);
		cr_assert_leq(text_width(screen[y]), cols, "line %d: %s", y,
		    screen[y]);
	}
	cr_assert_eq(ui_clipped(), clipped, "%s at %dx%d: a write ran past "
	    "the right edge", view == UI_VIEW_TREND ? "Trend" : "a view", cols,
	    lines);
	/* the status line ends at the edge with the help hint */
	cr_assert(strstr(screen[lines - 1], help_hint) != NULL,
	    "status line: %s", screen[lines - 1]);
}

/* The line number holding text, or -1. */
static int
find(const char *text, int lines)
{
	for (int y = 0; y < lines; y++)
		if (strstr(screen[y], text) != NULL)
			return y;
	return -1;
}

static void
assert_shows(const char *text, int lines)
{
	if (find(text, lines) >= 0)
		return;
	for (int y = 0; y < lines; y++)
		fprintf(stderr, "%2d|%s|\n", y, screen[y]);
	cr_assert_fail("\"%s\" is not on the screen", text);
}

/* Does s begin with prefix? */
static bool
begins(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const int sizes[][2] = { { 80, 24 }, { 132, 40 } };

Test(ui_render, overview_team_trend_fit_both_sizes)
{
	start("C.UTF-8", 80, 24, NULL);
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		int cols = sizes[s][0], lines = sizes[s][1];

		render(UI_VIEW_OVERVIEW, cols, lines);
		cr_assert(strstr(screen[0], "2026-W48") != NULL, "title: %s",
		    screen[0]);
		for (size_t t = 0; t < sizeof teams / sizeof teams[0]; t++)
			assert_shows(teams[t], lines);
		assert_shows("City total", lines);
		assert_shows("Trend", lines); /* the sparkline column */
		assert_shows("▇", lines);

		render(UI_VIEW_TEAM, cols, lines);
		assert_shows("CEN · Centrum", lines);
		assert_shows("Team total", lines);

		ui_trend_show(&ui, 0);
		cr_assert_eq(ui.view, UI_VIEW_TREND);
		render(UI_VIEW_TREND, cols, lines);
		assert_shows("CEN · Centrum · 12 weeks: 2026-W37 – 2026-W48",
		    lines);
		assert_shows("W37", lines);
		assert_shows("W48", lines);
		assert_shows("█", lines);
		assert_shows("110%", lines);
		assert_shows("2026-W48, 23–29 Nov", lines);
	}
	stop();
}

/* The title bar at every width from 60 to 140 columns, in a week that
 * spans two months (the longest label): the tabs keep their names from the
 * narrowest width where they fit beside the bare week (so the right-hand
 * text shrank first) upwards, certainly at 100 columns. The same for a past
 * week ("frozen"). */
Test(ui_render, title_shortens_the_week_before_the_tabs)
{
	start("C.UTF-8", 80, 24, NULL);
	for (int past = 0; past < 2; past++) {
		app.today = date_from_ymd(2026, 12, 1) + (past ? 14 : 0);
		ui.monday = date_from_ymd(2026, 11, 30);
		/* the view model: a past week comes from its snapshot */
		ui.fig.monday = ui.monday;
		ui.fig.frozen = past;
		const char *mark = past ? "(frozen)" : "(this week)";
		int narrowest = 0;
		bool seen_full = false;
		for (int cols = 60; cols <= 140; cols++) {
			render(UI_VIEW_OVERVIEW, cols, 24);
			const char *t = screen[0];
			bool names = strstr(t, "2 Team") != NULL;
			bool dates = strstr(t, "30 Nov") != NULL;
			cr_assert(strstr(t, "2026-W49") != NULL, "%d: %s",
			    cols, t);
			if (names && narrowest == 0) {
				narrowest = cols;
				cr_assert(!dates && strstr(t, mark) == NULL,
				    "%d columns: the tabs' names came back "
				    "with more than the week: %s", cols, t);
			}
			cr_assert(names || narrowest == 0, "%d columns: no "
			    "tab names, at %d there were: %s", cols,
			    narrowest, t);
			seen_full |= dates && strstr(t, mark) != NULL;
		}
		cr_assert(narrowest > 0 && narrowest <= 100, "%d", narrowest);
		cr_assert(seen_full, "never the whole label with %s", mark);
	}
	stop();
}

Test(ui_render, trend_of_an_employee_and_wider_range)
{
	long i;

	start("C.UTF-8", 80, 24, NULL);
	i = dataset_employee_by_code(&app.data, "CEN01");
	cr_assert_geq(i, 0);
	ui_trend_show(&ui, app.data.employees[i].id);
	render(UI_VIEW_TREND, 80, 24);
	assert_shows(app.data.employees[i].name, 24);
	assert_shows("(CEN01) · CEN Centrum", 24);
	assert_shows("cases ", 24);
	/* + twice: 26 weeks, every other week labelled at 80 columns */
	ui_trend_ops.action(&ui, UI_ACT_RANGE_WIDER);
	ui_trend_ops.action(&ui, UI_ACT_RANGE_WIDER);
	render(UI_VIEW_TREND, 80, 24);
	assert_shows("26 weeks: 2026-W23 – 2026-W48", 24);
	assert_shows("W46 W48", 24);
	/* 104 weeks do not fit 80 columns: 52 is the most */
	for (int k = 0; k < 3; k++)
		ui_trend_ops.action(&ui, UI_ACT_RANGE_WIDER);
	render(UI_VIEW_TREND, 80, 24);
	assert_shows("52 weeks: 2025-W49 – 2026-W48", 24);
	cr_assert(strstr(ui.msg, "No room for more weeks") != NULL, "%s",
	    ui.msg);
	/* - goes back, the cursor's week labelled */
	ui_trend_ops.action(&ui, UI_ACT_RANGE_NARROWER);
	ui_trend_ops.action(&ui, UI_ACT_LEFT);
	render(UI_VIEW_TREND, 80, 24);
	assert_shows("26 weeks", 24);
	assert_shows("2026-W47, 16–22 Nov", 24);
	stop();
}

/* Select the team of code as the Overview does, and in it an employee
 * with a side activity in the shown week, as the Team view does; give them
 * an absence of half of Monday to Friday. Their index. */
static long
employee_with_absence(const char *code)
{
	const struct dataset *d = &app.data;
	long t = dataset_team_by_code(d, code), i = -1;
	struct absence ab;
	struct err e;

	cr_assert_geq(t, 0, "no team %s", code);
	for (size_t k = 0; k < d->n_activities && i < 0; k++) {
		long ei = dataset_employee_index(d, d->activities[k].employee_id);
		if (d->employees[ei].team_id == d->teams[t].id &&
		    workload_activity_is_active(&d->activities[k], ui.monday))
			i = ei;
	}
	cr_assert_geq(i, 0, "nobody in %s has a side activity this week",
	    code);
	ab = (struct absence){ .employee_id = d->employees[i].id,
		.start = ui.monday, .end = ui.monday + 4, .percent = 50 };
	snprintf(ab.reason, sizeof ab.reason, "%s", "verlof");
	err_clear(&e);
	cr_assert_eq(app_save_absence(&app, &ab, &e), 0, "%s", e.msg);
	cr_assert(ui_reload(&ui));
	ui.selected[UI_VIEW_OVERVIEW] = d->teams[t].id;
	ui.selected[UI_VIEW_TEAM] = d->employees[i].id;
	return i;
}

/* Select the last row of a list view, as G does: the list scrolls to its
 * end. */
static void
select_last(enum ui_view view, const struct ui_view_ops *ops)
{
	ui.view = view;
	ui_list_cursor(&ui);
	cr_assert_gt(ui.n_rows, 0);
	ui.selected[view] = ops->row_id(&ui, ui.rows[ui.n_rows - 1]);
}

Test(ui_render, employee_cases_planner_fit_both_sizes)
{
	char who[256];
	long i;

	start("C.UTF-8", 80, 24, NULL);
	i = employee_with_absence("CEN");
	snprintf(who, sizeof who, "%s · %s · Centrum",
	    app.data.employees[i].code, app.data.employees[i].name);
	ui.view = UI_VIEW_PLANNER;
	cr_assert(ui_planner_ops.action(&ui, UI_ACT_RELOAD)); /* r: propose */
	cr_assert(strstr(ui.msg, "Proposal: ") != NULL, "%s", ui.msg);
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		int cols = sizes[s][0], lines = sizes[s][1];

		select_last(UI_VIEW_EMPLOYEE, &ui_employee_ops);
		render(UI_VIEW_EMPLOYEE, cols, lines);
		assert_shows(who, lines);
		assert_shows(" Available ", lines);
		assert_shows(" h absent (verlof 50% Mon–Fri)", lines);
		assert_shows(" Capacity ", lines);
		assert_shows(" Demand ", lines);
		assert_shows(" Load ", lines);
		assert_shows("Side activities (", lines);
		assert_shows("Absences (1)", lines);
		assert_shows("5 days", lines);
		assert_shows("Intake blocks (", lines);

		render(UI_VIEW_CASES, cols, lines);
		assert_shows("Filter: team:CEN status:open · ", lines);
		assert_shows("Ref ", lines);
		assert_shows(" Employee ", lines);
		assert_shows(" Phase ", lines);
		assert_shows(" h/week", lines);
		assert_shows("waiting list", lines);

		render(UI_VIEW_PLANNER, cols, lines);
		assert_shows("2026-W49 – 2027-W03 (8 weeks)", lines);
		assert_shows("Mon am", lines);
		assert_shows("Fri pm", lines);
		assert_shows("2027-W03 ", lines);
		assert_shows("CEN · Centrum · proposal: ", lines);
		assert_shows("of 72 slots change", lines);
		assert_shows("→", lines);
		assert_shows("balanced: highest load", lines);
	}
	stop();
}

/* A digit, a decimal comma and a digit in s. */
static bool
has_decimal_comma(const char *s)
{
	for (; s[0] && s[1] && s[2]; s++)
		if (s[0] >= '0' && s[0] <= '9' && s[1] == ',' && s[2] >= '0' &&
		    s[2] <= '9')
			return true;
	return false;
}

Test(ui_render, employee_view_in_dutch)
{
	const char *dir = getenv("WIJKLAST_LOCALEDIR");
	int y;

	cr_assert(dir != NULL && *dir != '\0', "WIJKLAST_LOCALEDIR names no "
	    "catalogue folder (tests/run-all sets it)");
	setenv("LANGUAGE", "nl", 1);
	i18n_init();
	start("C.UTF-8", 80, 24, NULL);
	cr_assert(ui.decimal_comma);
	help_hint = "Druk op ? voor hulp";
	employee_with_absence("CEN");
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		int cols = sizes[s][0], lines = sizes[s][1];

		select_last(UI_VIEW_EMPLOYEE, &ui_employee_ops);
		render(UI_VIEW_EMPLOYEE, cols, lines);
		assert_shows(" 4 Medewerker ", lines);
		assert_shows(" Capaciteit ", lines);
		assert_shows(" Vraag ", lines);
		assert_shows(" Werklast ", lines);
		assert_shows("Nevenactiviteiten (", lines);
		assert_shows("Afwezigheid (1)", lines);
		assert_shows("5 dagen", lines);
		assert_shows("u/week", lines);
		y = find(" Beschikbaar ", lines);
		cr_assert_geq(y, 0, "no Beschikbaar line");
		cr_assert(has_decimal_comma(screen[y]), "no decimal comma: %s",
		    screen[y]);
		cr_assert(strstr(screen[y], " u afwezig (verlof 50% ma–vr)") !=
		    NULL, "%s", screen[y]);
		cr_assert(begins(screen[lines - 1], "Esc: terug  a: nieuw  "),
		    "%s", screen[lines - 1]);
	}
	stop();
}

Test(ui_render, ascii_only_without_utf8)
{
	start("C", 80, 24, NULL);
	cr_assert_not(ui_is_utf8());
	for (int v = 0; v < 3; v++) {
		enum ui_view views[] = { UI_VIEW_OVERVIEW, UI_VIEW_TEAM,
			UI_VIEW_TREND };
		ui_trend_show(&ui, 0);
		render(views[v], 80, 24);
		for (int y = 0; y < 24; y++)
			for (const char *p = screen[y]; *p; p++)
				cr_assert_lt((unsigned char)*p, 0x80,
				    "view %d line %d: %s", v, y, screen[y]);
	}
	assert_shows("W48", 24);
	assert_shows("#", 24);
	stop();
}

/* The config's keys group names the key table's actions — the views'
 * too, which each view brings (main.c gives settings this list): each
 * name unique, each one a config may rebind. */
Test(ui_render, key_table_names_the_config_actions)
{
	size_t n = 0;

	settings_key_actions(ui_key_action);
	for (const char *a; (a = ui_key_action(n)) != NULL; n++) {
		cr_assert(strlen(a) > 0 && strlen(a) < SETTINGS_ACTION_MAX);
		cr_assert_eq(a[strspn(a, "abcdefghijklmnopqrstuvwxyz_")], '\0');
		for (size_t j = 0; j < n; j++)
			cr_assert_str_neq(ui_key_action(j), a);
		cr_assert_str_eq(settings_key_action(n), a);
	}
	cr_assert_gt(n, 40);
}

Test(ui_render, help_shows_the_configured_keys)
{
	int y;

	start("C.UTF-8", 80, 24,
	    "keys = { quit = \"x\"; week_next = [ \"n\", \"F5\" ]; };\n");
	ui.help = true;
	ui.view = UI_VIEW_OVERVIEW;
	resizeterm(MAX_LINES, 100);
	ui_draw(&ui);
	for (int r = 0; r < MAX_LINES; r++)
		mvinnstr(r, 0, screen[r], (int)sizeof screen[r] - 1);
	y = find("Quit (in the other views: back)", MAX_LINES);
	cr_assert_geq(y, 0);
	cr_assert(strncmp(screen[y], "  x ", 4) == 0, "%s", screen[y]);
	y = find("Next week", MAX_LINES);
	cr_assert_geq(y, 0);
	cr_assert(strncmp(screen[y], "  n F5 ", 7) == 0, "%s", screen[y]);
	stop();
}

/* The status line of view at 80x24, with no message on it. */
static const char *
status_line(enum ui_view view)
{
	if (view == UI_VIEW_TREND)
		ui_trend_show(&ui, 0);
	ui.msg[0] = '\0';
	render(view, 80, 24);
	return screen[23];
}

Test(ui_render, hints_fit_80_columns)
{
	static const struct {
		enum ui_view view;
		char hints[128];
	} want[] = {
		{ UI_VIEW_OVERVIEW,
		    "q: quit  Enter: team  3: planner  6: trend  [ ]: week" },
		{ UI_VIEW_TEAM, "Esc q: back  Enter: employee  s S: sort  "
		    "3: planner  [ ]: week" },
		{ UI_VIEW_PLANNER,
		    "Esc: back  r: propose  a: apply  m: move  L: lock  u: undo" },
		{ UI_VIEW_EMPLOYEE, "Esc: back  a: add  Enter e: edit  x: end  "
		    "d: delete  c: cases" },
		{ UI_VIEW_CASES,
		    "/: filter  a: add  e: edit  f: phase  c: close  m: move" },
		{ UI_VIEW_TREND,
		    "Esc: back  ← →: week  + -: range  [ ]: shift  ↑ ↓: next" },
	};

	start("C.UTF-8", 80, 24, NULL);
	employee_with_absence("CEN");
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		const char *line = status_line(want[k].view);
		cr_assert(begins(line, want[k].hints), "view %d: %s",
		    (int)want[k].view, line);
	}
	stop();
}

Test(ui_render, hints_follow_rebound_keys)
{
	const char *line;

	/* a goes to lock in the Planner, where apply loses it, not add in
	 * the Employee view; x to quit everywhere, so end loses it there */
	start("C.UTF-8", 80, 24,
	    "keys = { quit = \"x\"; lock = \"a\"; help = \"F1\"; };\n");
	help_hint = "Press F1 for help";
	employee_with_absence("CEN");
	line = status_line(UI_VIEW_OVERVIEW);
	cr_assert(begins(line, "x: quit  Enter: team "), "%s", line);
	line = status_line(UI_VIEW_PLANNER);
	cr_assert(begins(line, "Esc: back  r: propose  m: move  a: lock  "
	    "u: undo "), "%s", line);
	line = status_line(UI_VIEW_EMPLOYEE);
	cr_assert(begins(line, "Esc: back  a: add  Enter e: edit  d: delete  "
	    "c: cases "), "%s", line);
	stop();
}

/* Sorted by name, the Team view lists its members by surname, Dutch style:
 * Tuğba Aydın, Ilham Azzouzi, Stijn van den Berg ..., Jan-Willem de Vries
 * under V, not under J. */
Test(ui_render, team_view_sorts_names_by_surname)
{
	long nrd = -1, first, azzouzi, vries, wolters;
	int tries = 0;

	start("C.UTF-8", 132, 40, NULL);
	for (size_t t = 0; t < app.data.n_teams; t++)
		if (strcmp(app.data.teams[t].code, "NRD") == 0)
			nrd = (long)t;
	cr_assert_geq(nrd, 0);
	ui.selected[UI_VIEW_OVERVIEW] = app.data.teams[nrd].id;
	ui_show(&ui, UI_VIEW_TEAM);
	/* s steps through the sort columns; name is one of them */
	do {
		cr_assert(ui_team_ops.action(&ui, UI_ACT_SORT_NEXT));
		cr_assert_lt(++tries, 20, "never sorted by name: %s", ui.msg);
	} while (strstr(ui.msg, "Sorted by name") == NULL);
	ui.msg[0] = '\0';
	render(UI_VIEW_TEAM, 132, 40);
	first = find("Tuğba Aydın", 40);
	azzouzi = find("Ilham Azzouzi", 40);
	vries = find("Jan-Willem de Vries", 40);
	wolters = find("Esther Wolters", 40);
	cr_assert(first >= 0 && first < azzouzi && azzouzi < vries &&
	    vries < wolters, "Aydın %ld, Azzouzi %ld, de Vries %ld, "
	    "Wolters %ld", first, azzouzi, vries, wolters);
	cr_assert_eq(find("Wilma Tuhumury", 40) + 1, vries);
	stop();
}
