/* The views drawn headless (STYLE.md): a demo city rendered into a newterm
 * on /dev/null at 80x24 and 132x40, the screen read back with mvinnstr and
 * checked — team names, the week, the Trend's bars and labels, nothing
 * clipped at the right edge — plus ASCII only on a non-UTF-8 terminal, the
 * key table against the config's action names, and a rebound key in the
 * help. Linked with the UI and ncursesw, unlike the core tests. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "app.h"
#include "demo.h"
#include "store.h"
#include "testutil.h"
#include "text.h"
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
	cr_assert(strstr(screen[lines - 1], "Press ? for help") != NULL,
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

Test(ui_render, key_table_names_the_config_actions)
{
	size_t n_ui = 0, n_cfg = 0;

	for (const char *a; (a = ui_key_action(n_ui)) != NULL; n_ui++) {
		size_t j = 0;
		while (settings_key_action(j) != NULL &&
		    strcmp(settings_key_action(j), a) != 0)
			j++;
		cr_assert_not_null(settings_key_action(j),
		    "ui.c's action %s is not in settings.c's key_actions", a);
	}
	while (settings_key_action(n_cfg) != NULL)
		n_cfg++;
	cr_assert_eq(n_ui, n_cfg, "settings.c names actions ui.c lacks");
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
