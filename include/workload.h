/* workload: the load model of SPEC §3 as pure functions over a dataset and
 * settings. No I/O, no globals. workload_week computes a whole city in one
 * pass over each kind of record (cost linear in the data, SPEC §9 bench). */
#ifndef WIJKLAST_WORKLOAD_H
#define WIJKLAST_WORKLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "settings.h"

enum load_status {
	LOAD_STATUS_NONE, /* not counted: no capacity and no demand */
	LOAD_STATUS_ROOM,
	LOAD_STATUS_OK,
	LOAD_STATUS_HIGH,
	LOAD_STATUS_OVER,
	LOAD_STATUS_COUNT
};

struct employee_week {
	double available, capacity;
	double case_hours, intake_hours, side_hours, demand;
	double load; /* INFINITY when capacity 0 and demand > 0; 0 when not counted */
	enum load_status status;
	bool counted;   /* false when capacity and demand are both 0 */
	bool sustained; /* OVER in each of the last sustained_weeks weeks */
	int open_cases, new_cases, closed_cases; /* held this week; opened; closed */
	int blocks;                              /* intake blocks this week */
	int absent_blocks; /* of those, on a day they are absent: need cover */
};

struct team_week {
	double capacity, demand; /* demand includes the waiting list */
	double case_hours, intake_hours, side_hours;
	double waiting_hours;
	int waiting_cases;
	double load;
	enum load_status status;
	bool counted, sustained;
	int members;                       /* employees in the team this week */
	int by_status[LOAD_STATUS_COUNT];  /* members per status */
	int sustained_members;             /* members with sustained overload */
	int absent_blocks; /* intake blocks held by someone absent that day */
};

/* One ISO week of a whole city; arrays are index-aligned with the dataset's
 * employees and teams. */
struct week_figures {
	int monday;
	bool frozen; /* a past week's saved snapshot (SPEC §6), not live data */
	size_t n_employees, n_teams;
	struct employee_week *employees;
	struct team_week *teams;
};

/* --- the pieces, one per rule of SPEC §3 --- */

/* §1: is day a working day of e (weekday, within start..end, not a holiday)? */
bool workload_is_working_day(const struct employee *e, const struct settings *s,
    int day);
/* §2: contract hours per working day. */
double workload_hours_per_day(const struct employee *e);
/* §3: available hours in the week of monday; absent_pct[i] is the largest
 * absence percentage on monday + i (0 .. 100). */
double workload_available(const struct employee *e, const struct settings *s,
    int monday, const int absent_pct[7]);
/* §4 */
double workload_capacity(double available, const struct settings *s);
/* §5: does the case count in the week of monday? its weekly hours (0 for a
 * type the config no longer knows). */
bool workload_case_is_open(const struct case_item *c, int monday);
double workload_case_hours(const struct case_item *c, const struct settings *s);
/* §7 */
bool workload_activity_is_active(const struct activity *a, int monday);
/* §9: demand / capacity, INFINITY for demand on no capacity, 0 for nothing. */
double workload_load(double demand, double capacity);
/* §10: the band of a load (LOAD_STATUS_NONE when not counted). */
enum load_status workload_status(double load, bool counted,
    const struct settings *s);
/* An absence of at least this percentage on a day takes a person off intake
 * that day (SPEC §4 eligibility); a block they hold then needs cover. */
#define WORKLOAD_ABSENT_PCT 50

/* The largest absence percentage of employee_id on date (0 if none). */
int workload_absence_on(const struct dataset *d, int64_t employee_id,
    int date);
/* Is block b held by someone absent (WORKLOAD_ABSENT_PCT or more) that day?
 * Such a block still counts as their demand, and needs handing over. */
bool workload_block_needs_cover(const struct dataset *d,
    const struct block *b);

/* Is e a member of the team in the week of monday (started, not left)? */
bool workload_is_member(const struct employee *e, int monday);

/* --- the whole city --- */

/* Compute every employee and team for the week of monday into out (allocated;
 * free with workload_week_clear). Sustained flags are left false. */
void workload_week(const struct dataset *d, const struct settings *s,
    int monday, struct week_figures *out);
void workload_week_clear(struct week_figures *w);

/* The capacity and demand of each employee of team_id (0: everyone)
 * summed over the n weeks from first_monday — what the planner and cover
 * weigh over their horizon — into capacity[i] and demand[i], index-aligned
 * with d's employees (0 for the others). The sums of workload_week's week
 * by week, in one pass over the cases: each adds its weekly hours times
 * the weeks it counts in, not once per week. */
void workload_totals(const struct dataset *d, const struct settings *s,
    int first_monday, int n, int64_t team_id, double *capacity,
    double *demand);

/* Set the sustained flags (and teams' sustained_members) of weeks[n-1] from
 * weeks[0 .. n-1]: consecutive weeks of d, oldest first, n >= 1. With fewer
 * weeks than sustained_weeks nobody is sustained. */
void workload_mark_sustained(const struct dataset *d, struct week_figures *weeks,
    size_t n, const struct settings *s);

/* A load as people read it: a whole percentage ("123%"), "—" when infinite,
 * "-" when not counted. Where rounding would land on a band edge on the
 * wrong side of it (1.101 shown as 110% but OVER), one decimal is shown
 * ("110.1%"), so the figure never contradicts the status. Decimal comma
 * when asked. Returns buf. */
char *workload_format_percent(char *buf, size_t size, double load,
    bool counted, const struct settings *s, bool decimal_comma);

/* "ROOM", "OK", "HIGH", "OVER", "" (not counted): stable codes for files. */
const char *workload_status_code(enum load_status st);

#endif
