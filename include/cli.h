/* cli: the non-interactive commands of SPEC §9, thin like the UI: parse the
 * command's arguments, call app/import/report/export/demo, print results to
 * stdout and problems to stderr as "wijklast: …", return the exit status. */
#ifndef WIJKLAST_CLI_H
#define WIJKLAST_CLI_H

#include <stdbool.h>
#include <stdio.h>

#define CLI_TEAMS_MAX 64

/* Options of every command, parsed once by main.c. NULL / 0 = not given. */
struct cli_options {
	const char *db;
	const char *config;
	const char *week;
	const char *team;
	const char *format;
	const char *dialect; /* export: csv dialect */
	const char *output;  /* export: -o FILE, "-" for stdout */
	const char *from; /* plan: first week; cover: first day; migrate:
			   * the database copied (default --db) */
	const char *to;   /* cover: last day; migrate: the new database */
	int weeks;        /* plan: horizon length; forecast: weeks ahead */
	int demo_teams;
	const char *shared; /* init: --shared GROUP */
	const char *role;   /* grant: --role coach|manager|admin */
	/* grant, revoke: every --team (each may be CODE,CODE,...) */
	const char *teams[CLI_TEAMS_MAX];
	size_t n_teams;
	bool dry_run;
	bool update; /* import: sync */
	bool apply;
	bool give_back; /* cover --return */
	bool backtest;  /* forecast --backtest */
	bool no_color;
};

/* Run command argv[0] with its operands argv[1 .. argc-1]. Returns the exit
 * status (0 ok, SPEC §9 otherwise). An unknown command is a usage error. */
int cli_run(int argc, char **argv, const struct cli_options *opt);

/* Print the usage of command cmd (one of cli_is_command's) to out. */
void cli_usage(const char *cmd, FILE *out);

/* Is name one of the CLI's commands? */
bool cli_is_command(const char *name);

#endif
