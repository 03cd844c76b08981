/* cli: see include/cli.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "afile.h"
#include "app.h"
#include "cli.h"
#include "date.h"
#include "demo.h"
#include "dump.h"
#include "err.h"
#include "export.h"
#include "forecast.h"
#include "i18n.h"
#include "import.h"
#include "planner.h"
#include "report.h"
#include "store.h"
#include "text.h"

static int
fail(const struct err *e)
{
	char msg[sizeof e->msg + 256];

	/* the core says it in English; the catalogue may know it */
	fprintf(stderr, "wijklast: %s\n", i18n_message(e->msg, msg,
	    sizeof msg));
	return e->status ? e->status : 1;
}

/* The commands that only read or copy need a database that exists: a
 * mistyped --db must not quietly create an empty one and report nothing. */
static int
need_database(const struct cli_options *opt)
{
	char path[SETTINGS_PATH_MAX];
	struct err e;

	err_clear(&e);
	if (opt->db)
		snprintf(path, sizeof path, "%s", opt->db);
	else if (app_default_db_path(path, sizeof path, &e) < 0)
		return fail(&e);
	if (!store_exists(path)) {
		fprintf(stderr, _("wijklast: %s: no such database (create one "
		    "with 'wijklast import' or 'wijklast demo', or name it with "
		    "--db)\n"), path);
		return EXIT_NOINPUT;
	}
	/* An existing file that is empty must not get a schema either. */
	if (store_probe(path, &e) < 0)
		return fail(&e);
	return 0;
}

static int
usage_error(const char *msg)
{
	fprintf(stderr, "wijklast: %s (see wijklast --help)\n", msg);
	return EXIT_USAGE;
}

/* The Monday of --week (default: the current week). */
static int
week_option(const struct app *a, const char *week, int *monday, struct err *e)
{
	if (week == NULL) {
		*monday = date_monday(a->today);
		return 0;
	}
	return date_parse_week(week, a->today, monday, e);
}

static int
cmd_demo(const struct cli_options *opt)
{
	struct err e;
	struct app a;
	bool empty;
	struct demo_options dopt = { .teams = opt->demo_teams, .seed = 0 };

	char path[SETTINGS_PATH_MAX];
	bool existed;

	err_clear(&e);
	if (opt->db != NULL)
		snprintf(path, sizeof path, "%s", opt->db);
	else if (app_default_db_path(path, sizeof path, &e) < 0)
		return fail(&e);
	existed = store_exists(path);
	if (app_open(&a, path, opt->config, &e) < 0)
		return fail(&e);
	if (store_is_empty(a.store, &empty, &e) < 0)
		goto fail;
	if (!empty) {
		err_set(&e, _("%s already holds data; the demo only goes into "
		    "an empty database. Try: wijklast demo --db "
		    "/tmp/wijklast-demo.db"), a.db_path);
		goto fail;
	}
	if (demo_create(a.store, &a.settings, a.today, &dopt, &e) < 0 ||
	    app_need(&a, DATASET_ALL, &e) < 0)
		goto fail;
	printf(_("Demo city written to %s: %zu teams, %zu employees, %zu "
	    "cases.\nOpen it with: wijklast --db %s\n"), store_name(a.store),
	    a.data.n_teams, a.data.n_employees, a.data.n_cases,
	    store_target(a.store));
	app_close(&a);
	return 0;
fail:
	app_close(&a);
	if (!existed) /* a demo that failed leaves no empty database behind */
		store_remove(path);
	return fail(&e);
}

static int
cmd_init(const struct cli_options *opt)
{
	char path[SETTINGS_PATH_MAX];
	struct store *st;
	struct err e;
	bool existed;

	err_clear(&e);
	if (opt->db)
		snprintf(path, sizeof path, "%s", opt->db);
	else if (app_default_db_path(path, sizeof path, &e) < 0)
		return fail(&e);
	existed = store_exists(path);
	if (opt->shared) {
		if (store_share(path, opt->shared, &e) < 0)
			return fail(&e);
		printf(_("%s: shared by group %s (its folder setgid, the "
		    "files mode 0660). Everyone in the group may change every "
		    "team's data.\n"), path, opt->shared);
		return 0;
	}
	if (store_open(&st, path, app_user(), &e) < 0)
		return fail(&e);
	if (!existed)
		printf(_("%s: an empty database, mode 0600.\n"), path);
	else if (store_created(st)) /* a server's database, given the schema */
		printf(_("%s: an empty wijklast database.\n"), store_name(st));
	else
		printf(_("%s: a wijklast database already; left as it was.\n"),
		    store_name(st));
	store_close(st);
	return 0;
}

static int
cmd_report(const struct cli_options *opt)
{
	struct err e;
	struct app a;
	struct week_figures w;
	int monday, fmt = REPORT_TEXT;
	long team = -1;

	err_clear(&e);
	if (opt->format && (fmt = report_format_parse(opt->format)) < 0)
		return usage_error("--format must be text, json or csv");
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if (week_option(&a, opt->week, &monday, &e) < 0 ||
	    (opt->team && (team = app_find_team(&a, opt->team, &e)) < 0)) {
		app_close(&a);
		return fail(&e);
	}
	app_week(&a, monday, &w);
	if (report_write(stdout, (enum report_format)fmt, &a.data, &a.settings,
	    &w, team, &e) < 0) {
		workload_week_clear(&w);
		app_close(&a);
		return fail(&e);
	}
	workload_week_clear(&w);
	app_close(&a);
	return 0;
}

static int
cmd_export(const struct cli_options *opt)
{
	struct export_request rq = { .dialect = EXPORT_RFC4180, .team = -1 };
	const char *out = opt->output ? opt->output : "-";
	struct week_figures w;
	struct err e;
	struct app a;
	int monday, v, status = 0;

	if (opt->format == NULL || (v = export_format_parse(opt->format)) < 0)
		return usage_error("export needs --format csv, json, md, xlsx "
		    "or html");
	rq.format = (enum export_format)v;
	if (opt->dialect) {
		if (rq.format != EXPORT_CSV)
			return usage_error("--dialect goes with --format csv");
		if ((v = export_dialect_parse(opt->dialect)) < 0)
			return usage_error("--dialect must be rfc4180 or "
			    "excel-nl");
		rq.dialect = (enum export_dialect)v;
	}
	if (opt->output && *opt->output == '\0')
		return usage_error("-o needs a file name, or - for stdout");
	/* A workbook is binary: it goes to a file or into a pipe, never onto
	 * the screen. */
	if (rq.format == EXPORT_XLSX && (opt->output == NULL ||
	    (strcmp(out, "-") == 0 && isatty(STDOUT_FILENO))))
		return usage_error("an xlsx workbook is not for the terminal; "
		    "name a file with -o FILE (or -o - into a pipe)");
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if (week_option(&a, opt->week, &monday, &e) < 0 ||
	    (opt->team && (rq.team = app_find_team(&a, opt->team, &e)) < 0)) {
		app_close(&a);
		return fail(&e);
	}
	if (strcmp(out, "-") != 0 && store_check_target(a.store, out, &e) < 0) {
		app_close(&a);
		return fail(&e);
	}
	rq.generated = a.today;
	app_week(&a, monday, &w);
	/* the people's formats show the coming weeks too */
	struct forecast fc = { 0 };
	if (rq.format == EXPORT_HTML || rq.format == EXPORT_XLSX) {
		struct forecast_options fo;
		forecast_options_init(&fo, &a.settings, a.today);
		if (app_forecast(&a, &fo, rq.team, &fc, &e) < 0)
			status = fail(&e);
		rq.forecast = &fc;
	}
	if (status == 0 && export_write(out, &rq, &a.data, &a.settings, &w,
	    &e) < 0)
		status = fail(&e);
	forecast_clear(&fc);
	workload_week_clear(&w);
	app_close(&a);
	return status;
}

/* The import's progress on a terminal: one line on stderr, redrawn in
 * place, once the import has taken half a second (a small file never
 * flashes one), cleared before anything else is printed. */
#define PROGRESS_DELAY_MS 500

struct progress_line {
	const char *name; /* the file's base name */
	long long start;  /* ms */
	int width;        /* columns of the line on screen; 0: none */
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "Importing cases.csv: 50% (45,000 of 100,000 rows written)": the share
 * of the whole import (reading included), the rows of the write. */
static void
show_progress(void *ctx, const struct import_progress *p)
{
	struct progress_line *pl = ctx;
	char line[512], fit[1024], rows[32], total[32];
	bool comma = i18n_decimal_comma();
	int percent = (int)(p->fraction * 100), cols = 80, w;
	struct winsize ws;

	if (pl->width == 0 && now_ms() - pl->start < PROGRESS_DELAY_MS)
		return;
	text_format_count(rows, sizeof rows, p->rows, comma);
	text_format_count(total, sizeof total, p->total, comma);
	if (p->writing)
		snprintf(line, sizeof line, _("Importing %s: %d%% (%s of %s "
		    "rows written)"), pl->name, percent, rows, total);
	else
		snprintf(line, sizeof line, _("Checking %s: %d%% (%s rows "
		    "checked)"), pl->name, percent, rows);
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
		cols = ws.ws_col;
	/* the whole line stays within the terminal, or \r cannot redraw it;
	 * spaces wipe what a longer line before left */
	w = text_width(line) < cols - 1 ? text_width(line) : cols - 1;
	if (pl->width > w && pl->width <= cols - 1)
		w = pl->width;
	fprintf(stderr, "\r%s", text_fit(fit, sizeof fit, line, w, false));
	fflush(stderr);
	pl->width = w;
}

static void
clear_progress(struct progress_line *pl)
{
	if (pl->width > 0) {
		fprintf(stderr, "\r%*s\r", pl->width, "");
		fflush(stderr);
	}
}

static int
cmd_import(int argc, char **argv, const struct cli_options *opt)
{
	struct import_result res = { 0 };
	struct progress_line pl = { 0 };
	struct err e;
	struct app a;
	int kind, status = 0, rc;

	if (argc != 3)
		return usage_error("usage: wijklast import KIND FILE.csv "
		    "[--update] [--dry-run]");
	if ((kind = import_kind_parse(argv[1])) < 0)
		return usage_error("KIND must be teams, employees, cases, "
		    "activities, absences, rota or blocks");
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	struct import_options io = { .dry_run = opt->dry_run,
		.update = opt->update, .today = a.today };
	if (isatty(STDERR_FILENO)) {
		pl.name = strrchr(argv[2], '/') ? strrchr(argv[2], '/') + 1 :
		    argv[2];
		pl.start = now_ms();
		io.progress = show_progress;
		io.ctx = &pl;
	}
	/* refs and codes are matched against every record there is */
	rc = app_need(&a, DATASET_ALL, &e);
	if (rc == 0)
		rc = import_csv(a.store, &a.data, &a.settings,
		    (enum import_kind)kind, argv[2], &io, &res, &e);
	clear_progress(&pl);
	if (rc < 0) {
		if (res.problems)
			fputs(res.problems, stderr);
		status = fail(&e);
	} else if (opt->update) {
		if (res.diff)
			fputs(res.diff, stdout);
		printf(_("%s: %zu added, %zu changed, %zu unchanged%s\n"),
		    argv[2], res.added, res.changed, res.unchanged,
		    opt->dry_run ? _("; nothing written (dry run)") : "");
	} else if (opt->dry_run) {
		printf(ngettext("%s: %zu row checked, all good; nothing "
		    "written (dry run)\n", "%s: %zu rows checked, all good; "
		    "nothing written (dry run)\n", res.rows), argv[2],
		    res.rows);
	} else {
		printf(ngettext("%s: %zu row of %s imported\n",
		    "%s: %zu rows of %s imported\n", res.written), argv[2],
		    res.written, import_kind_name((enum import_kind)kind));
	}
	import_result_clear(&res);
	app_close(&a);
	return status;
}

static int
cmd_check(const struct cli_options *opt)
{
	struct err e;
	struct app a;

	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if (store_check(a.store, &e) < 0 || app_need(&a, DATASET_ALL, &e) < 0) {
		app_close(&a);
		return fail(&e);
	}
	printf(_("%s: ok (%zu teams, %zu employees, %zu cases)\n"),
	    store_name(a.store),
	    a.data.n_teams, a.data.n_employees, a.data.n_cases);
	app_close(&a);
	return 0;
}

static int
cmd_backup(int argc, char **argv, const struct cli_options *opt)
{
	struct err e;
	struct app a;

	if (argc != 2)
		return usage_error("usage: wijklast backup FILE");
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if (store_backup(a.store, argv[1], &e) < 0) {
		app_close(&a);
		return fail(&e);
	}
	printf(_("%s backed up to %s\n"), store_name(a.store), argv[1]);
	app_close(&a);
	return 0;
}

static int
cmd_plan(int argc, char **argv, const struct cli_options *opt)
{
	struct err e;
	struct app a;
	struct plan plan = { 0 };
	int first, fmt = REPORT_TEXT;
	long team;

	if (argc != 2)
		return usage_error("usage: wijklast plan TEAM [--from W] "
		    "[--weeks N] [--apply] [--format text|json]");
	if (opt->format && ((fmt = report_format_parse(opt->format)) < 0 ||
	    fmt == REPORT_CSV))
		return usage_error("--format must be text or json");
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if ((team = app_find_team(&a, argv[1], &e)) < 0)
		goto fail;
	if (opt->from == NULL)
		first = date_monday(a.today) + 7; /* SPEC §4: from next week */
	else if (date_parse_week(opt->from, a.today, &first, &e) < 0)
		goto fail;
	if (first < date_monday(a.today) + 7) {
		err_setx(&e, EXIT_USAGE, _("only weeks that have not begun can "
		    "be planned (from next week on); move single blocks of this "
		    "week by hand in the planner"));
		goto fail;
	}
	if (planner_propose(&a.data, &a.settings, team, first,
	    opt->weeks ? opt->weeks : a.settings.horizon_weeks, &plan, &e) < 0 ||
	    report_plan(stdout, (enum report_format)fmt, &a.data, &plan,
	    &e) < 0)
		goto fail;
	if (opt->apply) {
		if (app_apply_plan(&a, &plan, &e) < 0)
			goto fail;
		fprintf(fmt == REPORT_JSON ? stderr : stdout,
		    ngettext("Applied: %zu intake block changed.\n",
		    "Applied: %zu intake blocks changed.\n", plan.n_changes),
		    plan.n_changes);
	} else if (fmt == REPORT_TEXT) {
		printf(_("\nNothing written; add --apply to write this plan.\n"));
	}
	planner_clear(&plan);
	app_close(&a);
	return 0;
fail:
	planner_clear(&plan);
	app_close(&a);
	return fail(&e);
}

static int
cmd_cover(int argc, char **argv, const struct cli_options *opt)
{
	struct handover h = { 0 };
	struct err e;
	struct app a;
	int fmt = REPORT_TEXT, from = DATE_NONE, to = DATE_NONE;
	long ei;

	if (argc != 2)
		return usage_error("usage: wijklast cover EMPLOYEE "
		    "[--from DATE] [--to DATE] [--return] [--apply] "
		    "[--format text|json]");
	if (opt->format && ((fmt = report_format_parse(opt->format)) < 0 ||
	    fmt == REPORT_CSV))
		return usage_error("--format must be text or json");
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if ((ei = dataset_employee_by_code(&a.data, argv[1])) < 0) {
		err_setx(&e, EXIT_USAGE, "no employee %s", argv[1]);
		goto fail;
	}
	if (opt->from && date_parse(opt->from, &from, &e) < 0) {
		err_prefix(&e, "--from: ");
		e.status = EXIT_USAGE;
		goto fail;
	}
	if (opt->to && date_parse(opt->to, &to, &e) < 0) {
		err_prefix(&e, "--to: ");
		e.status = EXIT_USAGE;
		goto fail;
	}
	if (app_propose_cover(&a, ei, from, to, opt->give_back, &h, &e) < 0 ||
	    report_handover(stdout, (enum report_format)fmt, &a.data, &h,
	    HANDOVER_COLLEAGUES, HANDOVER_COLLEAGUES, &e) < 0)
		goto fail;
	if (!handover_needed(&h)) {
		if (fmt == REPORT_TEXT)
			printf(_("\nNothing to hand over.\n"));
	} else if (opt->apply) {
		if (app_apply_handover(&a, &h, HANDOVER_COLLEAGUES,
		    HANDOVER_COLLEAGUES, &e) < 0)
			goto fail;
		fprintf(fmt == REPORT_JSON ? stderr : stdout, "%s",
		    _("Applied: one change, undone with u in the TUI.\n"));
	} else if (fmt == REPORT_TEXT) {
		printf(_("\nNothing written; add --apply to write this.\n"));
	}
	handover_clear(&h);
	app_close(&a);
	return 0;
fail:
	handover_clear(&h);
	app_close(&a);
	return fail(&e);
}

static int
cmd_forecast(const struct cli_options *opt)
{
	struct forecast_score scores[FORECAST_BACKTEST_HORIZONS];
	struct forecast_options fo;
	struct forecast f = { 0 };
	struct err e;
	struct app a;
	int fmt = REPORT_TEXT;
	long team = -1;

	if (opt->format && ((fmt = report_format_parse(opt->format)) < 0 ||
	    (opt->backtest && fmt == REPORT_CSV)))
		return usage_error(opt->backtest ? "--format must be text or "
		    "json" : "--format must be text, json or csv");
	if (opt->backtest && opt->weeks)
		return usage_error("--backtest scores 4 and 8 weeks ahead; "
		    "--weeks goes with the forecast");
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if (opt->team && (team = app_find_team(&a, opt->team, &e)) < 0)
		goto fail;
	if (opt->backtest) {
		/* it replays the whole history */
		if (app_need(&a, DATASET_ALL, &e) < 0)
			goto fail;
		forecast_backtest(&a.data, &a.settings, a.today, team, scores);
		if (report_backtest(stdout, (enum report_format)fmt, scores,
		    &e) < 0)
			goto fail;
	} else {
		forecast_options_init(&fo, &a.settings, a.today);
		if (opt->weeks)
			fo.weeks = opt->weeks;
		if (app_forecast(&a, &fo, team, &f, &e) < 0 ||
		    report_forecast(stdout, (enum report_format)fmt, &a.data,
		    &a.settings, &f, team, &e) < 0)
			goto fail;
	}
	forecast_clear(&f);
	app_close(&a);
	return 0;
fail:
	forecast_clear(&f);
	app_close(&a);
	return fail(&e);
}

static int
cmd_snapshot(const struct cli_options *opt)
{
	char week[WEEK_BUF];
	struct err e;
	struct app a;
	int monday;

	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	/* By default the week just finished: what a Monday cron job wants. */
	if (opt->week == NULL)
		monday = date_monday(a.today) - 7;
	else if (date_parse_week(opt->week, a.today, &monday, &e) < 0)
		goto fail;
	if (app_snapshot(&a, monday, &e) < 0)
		goto fail;
	printf(_("Snapshot of %s saved: its figures stay as they are now.\n"),
	    date_format_week(monday, week));
	app_close(&a);
	return 0;
fail:
	app_close(&a);
	return fail(&e);
}

/* Dump kind of d into path, written in full and then put in place (a new
 * file gets mode 0600: it holds names, like the database). */
static int
dump_to_file(const char *path, const struct dataset *d, enum import_kind kind,
    struct err *e)
{
	struct afile f;
	FILE *stream;
	int fd, rc;

	if (afile_open(&f, path, 0600, e) < 0)
		return -1;
	if ((fd = dup(f.fd)) < 0 || (stream = fdopen(fd, "w")) == NULL) {
		if (fd >= 0)
			close(fd);
		afile_abort(&f);
		return err_setx(e, EXIT_IOERR, "cannot write %s: %s", path,
		    strerror(errno));
	}
	rc = dump_csv(stream, d, kind);
	if (fclose(stream) != 0 || rc < 0) {
		afile_abort(&f);
		return err_setx(e, EXIT_IOERR, "cannot write %s: %s", path,
		    strerror(errno));
	}
	return afile_commit(&f, e);
}

/* The records of one kind in the import format, to a file or standard
 * output. */
static int
cmd_dump(int argc, char **argv, const struct cli_options *opt)
{
	const char *out = opt->output ? opt->output : "-";
	struct err e;
	struct app a;
	int kind, rc;

	if (argc != 2 || (kind = import_kind_parse(argv[1])) < 0)
		return usage_error("usage: wijklast dump KIND [-o FILE|-]; KIND "
		    "is teams, employees, cases, activities, absences, rota "
		    "or blocks");
	if (*out == '\0')
		return usage_error("-o needs a file name, or - for stdout");
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0)
		return fail(&e);
	if (app_need(&a, DATASET_ALL, &e) < 0) {
		app_close(&a);
		return fail(&e);
	}
	if (strcmp(out, "-") == 0) {
		rc = dump_csv(stdout, &a.data, (enum import_kind)kind);
		if (rc < 0)
			err_setx(&e, EXIT_IOERR, "standard output: %s",
			    strerror(errno));
	} else {
		rc = store_check_target(a.store, out, &e);
		if (rc == 0)
			rc = dump_to_file(out, &a.data, (enum import_kind)kind,
			    &e);
	}
	app_close(&a);
	return rc < 0 ? fail(&e) : 0;
}

/* The team codes of every --team, each of which may be CODE,CODE,...,
 * into codes (up to max, pointing into buf); how many, or -1 when a
 * --team names none or there are more than fit (revoke with no team takes
 * every right: a slip must not become that). shown gets them for a
 * person: "CEN, NRD". */
static long
team_codes(const struct cli_options *opt, char *buf, size_t size,
    const char **codes, size_t max, char *shown, size_t shown_size)
{
	size_t n = 0, used = 0, w = 0;

	shown[0] = '\0';
	for (size_t i = 0; i < opt->n_teams; i++) {
		size_t before = n;
		int len = snprintf(buf + used, size - used, "%s",
		    opt->teams[i]);
		if (len < 0 || (size_t)len >= size - used)
			return -1;
		for (char *tok = strtok(buf + used, ", "); tok;
		    tok = strtok(NULL, ", ")) {
			if (n == max)
				return -1;
			codes[n++] = tok;
			if (w < shown_size)
				w += (size_t)snprintf(shown + w, shown_size - w,
				    "%s%s", n > 1 ? ", " : "", tok);
		}
		if (n == before)
			return -1;
		used += (size_t)len + 1;
	}
	return (long)n;
}

/* grant and revoke. grant without a login lists who has which rights. */
static int
cmd_rights(int argc, char **argv, const struct cli_options *opt)
{
	bool grant = strcmp(argv[0], "grant") == 0;
	const char *codes[CLI_TEAMS_MAX * 4];
	char buf[4096], shown[4096], path[SETTINGS_PATH_MAX];
	long found = team_codes(opt, buf, sizeof buf, codes,
	    sizeof codes / sizeof codes[0], shown, sizeof shown);
	size_t n = found > 0 ? (size_t)found : 0;
	struct store_right *rights = NULL;
	size_t n_rights = 0;
	struct store *st;
	struct err e;
	int rc;

	err_clear(&e);
	if (found < 0)
		return usage_error("--team names no team, or more than fit");
	if (argc > 2 || (!grant && argc != 2))
		return usage_error(grant ? "grant takes one LOGIN" :
		    "revoke takes one LOGIN");
	if (grant && argc == 2 && opt->role == NULL)
		return usage_error("grant LOGIN needs --role coach, manager or "
		    "admin");
	if (argc == 1 && (opt->role || n > 0))
		return usage_error("--role and --team need a LOGIN");
	if (opt->db)
		snprintf(path, sizeof path, "%s", opt->db);
	else if (app_default_db_path(path, sizeof path, &e) < 0)
		return fail(&e);
	if (store_open(&st, path, app_user(), &e) < 0)
		return fail(&e);
	if (argc == 1)
		rc = store_rights(st, &rights, &n_rights, &e);
	else if (grant)
		rc = store_grant(st, argv[1], opt->role, codes, n, &e);
	else
		rc = store_revoke(st, argv[1], codes, n, &e);
	store_close(st);
	if (rc < 0)
		return fail(&e);
	if (argc == 1) {
		int width = 8;
		for (size_t i = 0; i < n_rights; i++)
			if ((int)strlen(rights[i].login) > width)
				width = (int)strlen(rights[i].login);
		for (size_t i = 0; i < n_rights; i++)
			printf("%-*s  %-8s %s%s\n", width, rights[i].login,
			    rights[i].role, rights[i].teams, rights[i].owner ?
			    _("(owner of the tables)") : "");
	}
	else if (grant && n)
		printf(_("%s: %s of %s.\n"), argv[1], opt->role, shown);
	else if (grant)
		printf(_("%s: %s.\n"), argv[1], opt->role);
	else if (n)
		printf(_("%s: no longer of %s.\n"), argv[1], shown);
	else
		printf(_("%s: no rights left.\n"), argv[1]);
	free(rights);
	return 0;
}

/* The report of week monday as JSON, its FNV-1a hash into *hash. */
static int
week_hash(struct app *a, int monday, uint64_t *hash, struct err *e)
{
	struct week_figures w;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (f == NULL)
		return err_set(e, "out of memory");
	app_week(a, monday, &w);
	rc = report_write(f, REPORT_JSON, &a->data, &a->settings, &w, -1, e);
	workload_week_clear(&w);
	fclose(f);
	*hash = 14695981039346656037ull;
	for (size_t i = 0; i < len; i++)
		*hash = (*hash ^ (unsigned char)text[i]) * 1099511628211ull;
	free(text);
	return rc;
}

/* The first Monday there is anything of: a case opened, a block, a
 * snapshot; this week's when there is nothing. */
static int
first_monday(const struct app *a)
{
	int first = a->today;

	for (size_t i = 0; i < a->data.n_cases; i++)
		if (a->data.cases[i].opened < first)
			first = a->data.cases[i].opened;
	for (size_t i = 0; i < a->data.n_blocks; i++)
		if (a->data.blocks[i].date < first)
			first = a->data.blocks[i].date;
	return date_monday(first);
}

/* migrate: copy a database into an empty one (SQLite into PostgreSQL, or
 * back), then show both hold the same: the rows of every table, and each
 * week's report, from the first with anything in it to four weeks ahead,
 * byte for byte. */
static int
cmd_migrate(const struct cli_options *opt)
{
	struct store_count copied[STORE_TABLES], there[STORE_TABLES];
	struct app from = { 0 }, to = { 0 };
	struct store *target = NULL;
	long long rows = 0;
	int first, last, weeks = 0;
	uint64_t all = 0;
	bool existed = true;
	struct err e;

	err_clear(&e);
	if (opt->to == NULL)
		return usage_error("migrate needs --to DATABASE: the empty "
		    "database to copy into");
	if (app_open(&from, opt->from ? opt->from : opt->db, opt->config,
	    &e) < 0)
		return fail(&e);
	from.defer_freeze = true; /* the source is only read */
	existed = store_exists(opt->to);
	if (store_open(&target, opt->to, app_user(), &e) < 0 ||
	    store_copy(from.store, target, copied, &e) < 0)
		goto fail;
	store_close(target);
	target = NULL;
	/* read back through a connection of its own, as anyone will */
	if (app_open(&to, opt->to, opt->config, &e) < 0)
		goto fail;
	to.defer_freeze = true;
	if (store_count_rows(to.store, there, &e) < 0)
		goto fail;
	for (size_t k = 0; k < STORE_TABLES; k++) {
		if (there[k].rows != copied[k].rows) {
			err_set(&e, "migrate: %s holds %lld rows of %s, not "
			    "the %lld copied", opt->to, there[k].rows,
			    there[k].table, copied[k].rows);
			goto fail;
		}
		rows += there[k].rows;
	}
	if (app_need(&from, DATASET_ALL, &e) < 0 ||
	    app_need(&to, DATASET_ALL, &e) < 0)
		goto fail;
	first = first_monday(&from);
	last = date_monday(from.today) + 4 * 7;
	for (int monday = first; monday <= last; monday += 7, weeks++) {
		uint64_t a, b;
		char week[16];
		if (week_hash(&from, monday, &a, &e) < 0 ||
		    week_hash(&to, monday, &b, &e) < 0)
			goto fail;
		if (a != b) {
			err_set(&e, "migrate: the report of %s differs in %s "
			    "(checksum %016llx, was %016llx); do not use the "
			    "copy (a new file is removed)", date_format_week(
			    monday, week), opt->to, (unsigned long long)b,
			    (unsigned long long)a);
			goto fail;
		}
		all = (all ^ a) * 1099511628211ull;
	}
	printf(_("Copied into %s and verified: %lld rows in %d tables the "
	    "same, and the report of %d weeks identical (checksum %016llx).\n"),
	    store_name(to.store), rows, STORE_TABLES, weeks,
	    (unsigned long long)all);
	app_close(&from);
	app_close(&to);
	return 0;
fail:
	store_close(target);
	app_close(&from);
	app_close(&to);
	if (!existed) /* a file it made holds no half copy */
		store_remove(opt->to);
	return fail(&e);
}

/* Each command and its usage (what `wijklast CMD --help` prints). */
static const struct {
	const char *name;
	const char *usage;
} commands[] = {
	{ "init", N_("Usage: wijklast init [--db PATH] [--shared GROUP]\n"
	    "Create an empty database (mode 0600); with --shared, one the "
	    "group may use:\nin a folder of its own (created mode 2770, "
	    "setgid), mode 0660. SQLite has no rights\nper team: everyone "
	    "in the group may change every team.\n") },
	{ "demo", N_("Usage: wijklast demo [--db PATH] [--teams N]\n"
	    "Create a demo city in an empty database.\n") },
	{ "import", N_("Usage: wijklast import KIND FILE.csv [--update] "
	    "[--dry-run]\n"
	    "KIND: teams employees cases activities absences rota blocks.\n"
	    "Checks every row, then writes all of them or nothing; --update\n"
	    "updates the records whose key exists (a sync, nothing deleted).\n")
	},
	{ "report", N_("Usage: wijklast report [--week W] [--team CODE] "
	    "[--format text|json|csv]\n"
	    "The figures of one week (default: this one).\n") },
	{ "export", N_("Usage: wijklast export [--week W] [--team CODE] "
	    "--format csv|json|md|xlsx|html\n"
	    "    [--dialect rfc4180|excel-nl] [-o FILE|-]\n"
	    "The weekly workload summary; a new FILE gets mode 0600.\n") },
	{ "plan", N_("Usage: wijklast plan TEAM [--from W] [--weeks N] "
	    "[--apply] [--format text|json]\n"
	    "Propose a fair intake roster; --apply writes it.\n") },
	{ "cover", N_("Usage: wijklast cover EMPLOYEE [--from DATE] [--to DATE] "
	    "[--return] [--apply] [--format text|json]\n"
	    "Hand over the intake blocks and open cases of someone absent (by "
	    "default their absence of today or the next one; a leaver: what "
	    "comes after the last day) fairly to colleagues; --return gives "
	    "the cases back.\n") },
	{ "forecast", N_("Usage: wijklast forecast [--team CODE] [--weeks N] "
	    "[--format text|json|csv]\n"
	    "       wijklast forecast --backtest [--team CODE] "
	    "[--format text|json]\n"
	    "The load of the coming weeks (default: forecast.weeks from next "
	    "week) as a median with\nan 80% range; --backtest replays the "
	    "past to show how well that range held.\n") },
	{ "snapshot", N_("Usage: wijklast snapshot [--week W]\n"
	    "Freeze a week's figures (default: last week).\n") },
	{ "check", N_("Usage: wijklast check\n"
	    "Integrity and foreign-key check of the database.\n") },
	{ "backup", N_("Usage: wijklast backup FILE\n"
	    "A consistent copy of the database, mode 0600.\n") },
	{ "dump", N_("Usage: wijklast dump KIND [-o FILE|-]\n"
	    "KIND: teams employees cases activities absences rota blocks.\n"
	    "The data in the import format (a new FILE gets mode 0600).\n") },
	{ "migrate", N_("Usage: wijklast migrate --to DATABASE [--from PATH]\n"
	    "Copy the database (--from, else --db) into an empty one — such "
	    "as PostgreSQL:\n--to postgresql://host/db — with its audit and "
	    "snapshots, then verify the copy:\nthe rows of every table and "
	    "each week's report, byte for byte.\n") },
	{ "grant", N_("Usage: wijklast grant [LOGIN --role coach|manager|admin "
	    "[--team CODE]...]\n"
	    "PostgreSQL: give LOGIN (a database login, created if need be) a "
	    "role: a coach reads\nand changes the data of their teams, a "
	    "manager reads their teams, an admin\neverything. Replaces what "
	    "LOGIN had. Without LOGIN: who has which rights.\n"
	    "Only an admin may; the server enforces the rights.\n") },
	{ "revoke", N_("Usage: wijklast revoke LOGIN [--team CODE]...\n"
	    "PostgreSQL: take the teams from LOGIN, or every right without "
	    "--team.\n") },
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

bool
cli_is_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return true;
	return false;
}

void
cli_usage(const char *cmd, FILE *out)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(cmd, commands[i].name) == 0)
			fputs(_(commands[i].usage), out);
	fputs(_("W is YYYY-Www (e.g. 2026-W48), current, next or last. "
	    "See wijklast(1).\n"), out);
}

int
cli_run(int argc, char **argv, const struct cli_options *opt)
{
	const char *cmd = argv[0];
	bool reports = strcmp(cmd, "report") == 0 ||
	    strcmp(cmd, "export") == 0;
	bool forecast = strcmp(cmd, "forecast") == 0;
	bool migrate = strcmp(cmd, "migrate") == 0;
	bool rights = strcmp(cmd, "grant") == 0 || strcmp(cmd, "revoke") == 0;

	int status;

	if (!cli_is_command(cmd)) {
		fprintf(stderr, "wijklast: unknown command \"%s\" (see wijklast "
		    "--help)\n", cmd);
		return EXIT_USAGE;
	}
	/* Options that belong to one command only are refused elsewhere. */
	if ((opt->dry_run || opt->update) && strcmp(cmd, "import") != 0)
		return usage_error("--dry-run and --update go with import");
	if (opt->week && !reports && strcmp(cmd, "snapshot") != 0)
		return usage_error("--week goes with report, export and "
		    "snapshot");
	if (opt->team && !reports && !forecast && !rights)
		return usage_error("--team goes with report, export and "
		    "forecast");
	bool cover = strcmp(cmd, "cover") == 0;
	if (opt->format && !reports && strcmp(cmd, "plan") != 0 && !cover &&
	    !forecast)
		return usage_error("--format goes with report, export, plan, "
		    "cover and forecast");
	if (opt->dialect && strcmp(cmd, "export") != 0)
		return usage_error("--dialect goes with export");
	if (opt->output && strcmp(cmd, "export") != 0 &&
	    strcmp(cmd, "dump") != 0)
		return usage_error("-o goes with export and dump");
	if (opt->role && strcmp(cmd, "grant") != 0)
		return usage_error("--role goes with grant");
	if (opt->weeks && strcmp(cmd, "plan") != 0 && !forecast)
		return usage_error("--weeks goes with plan and forecast");
	if (opt->backtest && !forecast)
		return usage_error("--backtest goes with forecast");
	if (opt->apply && strcmp(cmd, "plan") != 0 && !cover)
		return usage_error("--apply goes with plan and cover");
	if (opt->from && strcmp(cmd, "plan") != 0 && !cover && !migrate)
		return usage_error("--from goes with plan, cover and migrate");
	if (opt->to && !cover && !migrate)
		return usage_error("--to goes with cover and migrate");
	if (opt->give_back && !cover)
		return usage_error("--return goes with cover");
	if (opt->demo_teams && strcmp(cmd, "demo") != 0)
		return usage_error("--teams goes with demo");
	if (opt->shared && strcmp(cmd, "init") != 0)
		return usage_error("--shared goes with init");
	if (argc != 1 && strcmp(cmd, "import") != 0 &&
	    strcmp(cmd, "backup") != 0 && strcmp(cmd, "plan") != 0 &&
	    strcmp(cmd, "dump") != 0 && !cover && !rights)
		return usage_error("too many arguments");
	if (strcmp(cmd, "demo") != 0 && strcmp(cmd, "import") != 0 &&
	    strcmp(cmd, "init") != 0 && !migrate &&
	    (status = need_database(opt)) != 0)
		return status;
	if (migrate && (status = need_database(&(struct cli_options){
	    .db = opt->from ? opt->from : opt->db })) != 0)
		return status;

	if (strcmp(cmd, "init") == 0)
		return cmd_init(opt);
	if (strcmp(cmd, "demo") == 0)
		return cmd_demo(opt);
	if (strcmp(cmd, "report") == 0)
		return cmd_report(opt);
	if (strcmp(cmd, "export") == 0)
		return cmd_export(opt);
	if (strcmp(cmd, "import") == 0)
		return cmd_import(argc, argv, opt);
	if (strcmp(cmd, "plan") == 0)
		return cmd_plan(argc, argv, opt);
	if (strcmp(cmd, "snapshot") == 0)
		return cmd_snapshot(opt);
	if (forecast)
		return cmd_forecast(opt);
	if (strcmp(cmd, "cover") == 0)
		return cmd_cover(argc, argv, opt);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(opt);
	if (strcmp(cmd, "backup") == 0)
		return cmd_backup(argc, argv, opt);
	if (strcmp(cmd, "dump") == 0)
		return cmd_dump(argc, argv, opt);
	if (migrate)
		return cmd_migrate(opt);
	if (rights)
		return cmd_rights(argc, argv, opt);
	return EXIT_USAGE; /* not reached: cli_is_command said yes */
}
