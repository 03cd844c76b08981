/* main: argv, paths and exit codes. Parses every option once, then runs the
 * TUI (no command) or a CLI command. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "demo.h"
#include "err.h"
#include "i18n.h"
#include "ui.h"

static void
usage(FILE *out)
{
	fputs(_("Usage:\n"
	    "  wijklast [--db PATH] [--config PATH] [--no-color]    open the TUI\n"
	    "  wijklast init [--db PATH] [--shared GROUP]          create an empty database\n"
	    "  wijklast demo [--db PATH] [--teams N]               create a demo database\n"
	    "  wijklast import KIND FILE.csv [--update] [--dry-run]\n"
	    "                                                      KIND: teams employees cases\n"
	    "                                                      activities absences rota blocks\n"
	    "  wijklast report [--week W] [--team CODE] [--format text|json|csv]\n"
	    "  wijklast export [--week W] [--team CODE] --format csv|json|md|xlsx|html\n"
	    "      [--dialect rfc4180|excel-nl] [-o FILE|-]        weekly workload summary\n"
	    "  wijklast plan TEAM [--from W] [--weeks N] [--apply] [--format text|json]\n"
	    "                                                      propose a fair intake roster\n"
	    "  wijklast cover EMPLOYEE [--from D] [--to D] [--return] [--apply] [--format text|json]\n"
	    "                                                      hand over an absent colleague's work\n"
	    "  wijklast forecast [--team CODE] [--weeks N] [--format text|json|csv]\n"
	    "  wijklast forecast --backtest [--team CODE] [--format text|json]\n"
	    "                                                      the coming weeks' load with a range\n"
	    "  wijklast snapshot [--week W]                        freeze a week's figures (default: last)\n"
	    "  wijklast check                                      integrity and foreign-key check\n"
	    "  wijklast backup FILE                                consistent copy of the database\n"
	    "  wijklast dump KIND [-o FILE|-]                      the data in the import format\n"
	    "  wijklast migrate --to DATABASE [--from PATH]        copy into an empty database\n"
	    "  wijklast grant [LOGIN --role coach|manager|admin [--team CODE]...]\n"
	    "  wijklast revoke LOGIN [--team CODE]...              rights per team (PostgreSQL)\n"
	    "  wijklast --help | --version\n"
	    "\n"
	    "W is YYYY-Www (e.g. 2026-W48), current, next or last.\n"
	    "The database is $XDG_DATA_HOME/wijklast/wijklast.db unless --db names one:\n"
	    "a file (SQLite) or a PostgreSQL connection string (postgresql://...).\n"
	    "See wijklast(1) and wijklast.cfg(5).\n"), out);
}

/* A full disk shows only when stdout is flushed: turn a failed close into
 * EXIT_IOERR for what status said was a success. */
static int
close_stdout(int status)
{
	if (fclose(stdout) != 0 && status == 0) {
		fprintf(stderr, "wijklast: cannot write output: %s\n",
		    strerror(errno));
		return EXIT_IOERR;
	}
	return status;
}

/* A database that lives only as long as the process takes every write and
 * loses it: refused, however SQLite would spell it. */
static bool
is_transient_db(const char *path)
{
	return *path == '\0' || strcmp(path, ":memory:") == 0;
}

/* Run the TUI on the database; only on a terminal (a getch loop on a pipe
 * would spin). */
static int
run_tui(const struct cli_options *opt)
{
	const char *no_color = getenv("NO_COLOR");
	struct err e;
	struct app a;
	int status = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs(_("wijklast: the interactive screen needs a terminal; "
		    "for scripts use a command such as 'wijklast report' "
		    "(see wijklast --help)\n"), stderr);
		return EXIT_USAGE;
	}
	err_clear(&e);
	if (app_open(&a, opt->db, opt->config, &e) < 0) {
		fprintf(stderr, "wijklast: %s\n", e.msg);
		return e.status ? e.status : 1;
	}
	if (ui_run(&a, !opt->no_color && !(no_color && *no_color), &e) < 0) {
		fprintf(stderr, "wijklast: %s\n", e.msg);
		status = e.status ? e.status : 1;
	}
	app_close(&a);
	return status;
}

/* Numeric option value, whole and in range. */
static int
int_option(const char *name, const char *value, int min, int max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno || end == value || *end || v < min || v > max) {
		fprintf(stderr, "wijklast: %s: \"%s\" is not a number from %d "
		    "to %d\n", name, value, min, max);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int
main(int argc, char **argv)
{
	enum { OPT_DB = 256, OPT_CONFIG, OPT_NO_COLOR, OPT_WEEK, OPT_TEAM,
		OPT_FORMAT, OPT_DRY_RUN, OPT_TEAMS, OPT_FROM, OPT_WEEKS,
		OPT_APPLY, OPT_DIALECT, OPT_UPDATE, OPT_TO, OPT_RETURN,
		OPT_BACKTEST, OPT_SHARED, OPT_ROLE };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "week", required_argument, NULL, OPT_WEEK },
		{ "team", required_argument, NULL, OPT_TEAM },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "update", no_argument, NULL, OPT_UPDATE },
		{ "teams", required_argument, NULL, OPT_TEAMS },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "weeks", required_argument, NULL, OPT_WEEKS },
		{ "apply", no_argument, NULL, OPT_APPLY },
		{ "to", required_argument, NULL, OPT_TO },
		{ "return", no_argument, NULL, OPT_RETURN },
		{ "backtest", no_argument, NULL, OPT_BACKTEST },
		{ "shared", required_argument, NULL, OPT_SHARED },
		{ "role", required_argument, NULL, OPT_ROLE },
		{ "dialect", required_argument, NULL, OPT_DIALECT },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_options opt = { 0 };
	bool help = false;
	int c;

	i18n_init();
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVo:", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DB: opt.db = optarg; break;
		case OPT_CONFIG: opt.config = optarg; break;
		case OPT_NO_COLOR: opt.no_color = true; break;
		case OPT_WEEK: opt.week = optarg; break;
		case OPT_TEAM:
			opt.team = optarg;
			if (opt.n_teams < CLI_TEAMS_MAX)
				opt.teams[opt.n_teams++] = optarg;
			break;
		case OPT_FORMAT: opt.format = optarg; break;
		case OPT_DIALECT: opt.dialect = optarg; break;
		case 'o': opt.output = optarg; break;
		case OPT_DRY_RUN: opt.dry_run = true; break;
		case OPT_UPDATE: opt.update = true; break;
		case OPT_TEAMS:
			if (int_option("--teams", optarg, 1, DEMO_MAX_TEAMS,
			    &opt.demo_teams) < 0)
				return EXIT_USAGE;
			break;
		case OPT_FROM: opt.from = optarg; break;
		case OPT_APPLY: opt.apply = true; break;
		case OPT_TO: opt.to = optarg; break;
		case OPT_RETURN: opt.give_back = true; break;
		case OPT_BACKTEST: opt.backtest = true; break;
		case OPT_SHARED: opt.shared = optarg; break;
		case OPT_ROLE: opt.role = optarg; break;
		case OPT_WEEKS:
			if (int_option("--weeks", optarg, 1, 52, &opt.weeks) < 0)
				return EXIT_USAGE;
			break;
		case 'h':
			help = true; /* CMD --help: that command's usage */
			break;
		case 'V':
			printf("wijklast %s\n", WIJKLAST_VERSION);
			return close_stdout(0);
		default:
			if (optopt && optopt < 256)
				fprintf(stderr, "wijklast: unknown or incomplete "
				    "option -%c\n", optopt);
			else
				fprintf(stderr, "wijklast: unknown or incomplete "
				    "option %s\n", argv[optind - 1]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (help) {
		if (optind == argc || !cli_is_command(argv[optind]))
			usage(stdout);
		else
			cli_usage(argv[optind], stdout);
		return close_stdout(0);
	}
	/* the keys group of a config names the actions of the TUI's table */
	settings_key_actions(ui_key_action);
	if (opt.db && is_transient_db(opt.db)) {
		fprintf(stderr, "wijklast: --db \"%s\": an in-memory or "
		    "temporary database would lose every change; name a "
		    "file\n", opt.db);
		return EXIT_USAGE;
	}
	if (optind == argc) {
		if (opt.week || opt.team || opt.format || opt.dry_run ||
		    opt.update ||
		    opt.demo_teams || opt.from || opt.weeks || opt.apply ||
		    opt.backtest || opt.shared || opt.role ||
		    opt.dialect || opt.output) {
			fputs("wijklast: that option needs a command "
			    "(see wijklast --help)\n", stderr);
			return EXIT_USAGE;
		}
		return run_tui(&opt);
	}
	return close_stdout(cli_run(argc - optind, argv + optind, &opt));
}
