/* settings: the configuration of SPEC §7. Owns the built-in defaults (which
 * config/wijklast.cfg repeats, annotated), the search order and range checks.
 * The only module that includes libconfig.h. Plain values, no behaviour. */
#ifndef WIJKLAST_SETTINGS_H
#define WIJKLAST_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

struct err;

#define SETTINGS_CODE_MAX 16  /* bytes incl. NUL for codes */
#define SETTINGS_NAME_MAX 64
#define SETTINGS_PATH_MAX 4096

/* The three case phases of SPEC §2, in this fixed order. */
enum phase { PHASE_INTAKE, PHASE_ACTIVE, PHASE_TAPER, PHASE_COUNT };

/* A key of the keys group, in a code space of its own (settings knows no
 * curses): a character 1 .. 127 as the terminal sends it (control keys
 * 1 .. 31, Tab 9, Esc 27, Space 32), or one of these. */
enum settings_key {
	SETTINGS_KEY_ENTER = 0x100,
	SETTINGS_KEY_BACKSPACE,
	SETTINGS_KEY_BACKTAB,
	SETTINGS_KEY_UP,
	SETTINGS_KEY_DOWN,
	SETTINGS_KEY_LEFT,
	SETTINGS_KEY_RIGHT,
	SETTINGS_KEY_PAGE_UP,
	SETTINGS_KEY_PAGE_DOWN,
	SETTINGS_KEY_HOME,
	SETTINGS_KEY_END,
	SETTINGS_KEY_INSERT,
	SETTINGS_KEY_DELETE,
	SETTINGS_KEY_F0 = 0x200 /* SETTINGS_KEY_F(1) .. SETTINGS_KEY_F(24) */
};
#define SETTINGS_KEY_F(n) (SETTINGS_KEY_F0 + (n))
#define SETTINGS_KEYS_MAX 8    /* keys of one action */
#define SETTINGS_ACTION_MAX 24 /* bytes incl. NUL of an action name */

/* An action of the TUI given other keys than its default ones. */
struct settings_binding {
	char action[SETTINGS_ACTION_MAX];   /* one of settings_key_action */
	int keys[SETTINGS_KEYS_MAX + 1]; /* enum settings_key, 0-terminated */
};

#define CASE_TYPE_DISCIPLINES 8 /* disciplines one case type may name */

struct case_type {
	char code[SETTINGS_CODE_MAX];
	char name[SETTINGS_NAME_MAX];
	double hours; /* weekly hours of an active case, 0 < h <= 40 */
	/* who may hold a case of this type (cover planning): these
	 * disciplines, from the disciplines list; none: anyone */
	char disciplines[CASE_TYPE_DISCIPLINES][SETTINGS_CODE_MAX];
	int n_disciplines;
};

struct settings {
	/* workweek */
	double fulltime_hours; /* 1 <= h <= 60; FTE = contract_hours / this */
	double overhead_pct;   /* 0 <= p < 100 */
	/* thresholds: 0 < room <= high <= over <= 10 */
	double room, high, over;
	int sustained_weeks; /* 1 .. 52 */
	/* intake */
	double block_hours;     /* 0 < h <= 12 */
	double followup_hours;  /* 0 <= h <= 40 */
	int max_blocks_per_week; /* 1 .. 10 */
	int horizon_weeks;       /* 1 .. 52 */
	/* cover: an absence this many weeks or longer hands over the open
	 * cases too, not only the intake blocks (1 .. 52); the most cases
	 * one colleague takes over at once (0: no limit, .. 1000) */
	int cover_min_weeks;
	int cover_max_cases_each;
	/* forecast: weeks ahead (1 .. 52), Monte Carlo runs (100 .. 10000),
	 * weeks of past inflow resampled (4 .. 104) */
	int forecast_weeks;
	int forecast_simulations;
	int forecast_history_weeks;
	/* case_types: 1 .. 64 entries, unique codes */
	struct case_type *case_types;
	size_t n_case_types;
	/* phases: factor per enum phase, 0 <= f <= 10 */
	double phase_factor[PHASE_COUNT];
	/* holidays: sorted, unique dates (see date.h) */
	int *holidays;
	size_t n_holidays;
	/* disciplines: the list employees' discipline must come from (empty = any) */
	char (*disciplines)[SETTINGS_CODE_MAX];
	size_t n_disciplines;
	/* teams: the Overview shows only these codes (empty = all) */
	char (*teams)[SETTINGS_CODE_MAX];
	size_t n_teams;
	/* keys: actions the config rebinds (none by default); no key is
	 * bound twice among them */
	struct settings_binding *bindings;
	size_t n_bindings;
	/* where the values came from: a path, or "" for the built-in defaults */
	char path[SETTINGS_PATH_MAX];
};

/* Fill s with the built-in defaults. Free with settings_clear. */
void settings_defaults(struct settings *s);

/* Load the config file at path over the defaults. Every value is range
 * checked; on error returns -1 with e = "path:line: key: problem" and status
 * EXIT_CONFIG, and s holds the defaults.
 * s must hold settings (settings_defaults, a load, or all zero): they are freed. */
int settings_load(struct settings *s, const char *path, struct err *e);

/* Find and load the config by the search order of SPEC §7: explicit (if not
 * NULL; it must exist), $XDG_CONFIG_HOME/wijklast/wijklast.cfg (or
 * ~/.config/...), /etc/wijklast/wijklast.cfg, else the defaults.
 * s as for settings_load; s->path is "" when no file was found. */
int settings_find_and_load(struct settings *s, const char *explicit_path,
    struct err *e);

void settings_clear(struct settings *s);

/* Code of a phase ("intake", "actief", "afschalen"); parse one back (-1 if unknown). */
const char *settings_phase_code(enum phase p);
int settings_phase_parse(const char *code);

/* Borrowed pointer to the case type with this code, or NULL. */
const struct case_type *settings_case_type(const struct settings *s,
    const char *code);

/* May someone of discipline hold a case of type ct (case_types[].
 * disciplines; none listed, or ct NULL for a type the config does not
 * know: anyone)? */
bool settings_may_hold(const struct case_type *ct, const char *discipline);

bool settings_is_holiday(const struct settings *s, int date);

/* The names of the TUI's actions the keys group may rebind, i as 0, 1, …;
 * NULL past the last. The front end says which (settings_key_actions:
 * main.c gives the TUI's key table, whose views bring their own); with
 * none said, the keys group rebinds nothing. */
void settings_key_actions(const char *(*names)(size_t i));
const char *settings_key_action(size_t i);

/* A key name as the keys group takes it ("q", "^R", "F2", "KEY_F(2)",
 * "Tab", "Enter", "Esc", "Left", …) as an enum settings_key; -1 when it
 * names no key. */
int settings_key_parse(const char *name);

/* The name of a key ("q", "^R", "F2", "Enter"); returns buf. */
char *settings_key_name(int key, char *buf, size_t size);

#endif
