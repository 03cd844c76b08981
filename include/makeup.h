/* makeup: whether a team's make-up fits its work in a week. Per discipline
 * of the members present (capacity that week): their capacity against the
 * demand of the case types that discipline may hold (case_types[].
 * disciplines; none listed: anyone) — each type's hours, the waiting list's
 * too, shared among the disciplines that may hold it in proportion to their
 * capacity — plus the members' own intake and side hours. Flags a
 * discipline whose demand exceeds its capacity, and a case type only one
 * present member (or nobody) may hold: a single point of cover. Pure. */
#ifndef WIJKLAST_MAKEUP_H
#define WIJKLAST_MAKEUP_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "settings.h"
#include "workload.h"

struct makeup_discipline {
	char code[SETTINGS_CODE_MAX]; /* "" for members without one */
	int members;                  /* present this week */
	double capacity, demand;      /* hours */
	double load;                  /* demand / capacity */
	bool over;                    /* demand exceeds capacity */
};

struct makeup_type {
	const struct case_type *type; /* borrowed from the settings */
	double demand;                /* hours of its open cases this week */
	int open_cases;
	int holders; /* present members whose discipline may hold it */
	bool single; /* one holder, or none, for a type the team has */
};

struct makeup {
	long team;
	int monday;
	struct makeup_discipline *disciplines; /* by code */
	size_t n_disciplines;
	struct makeup_type *types; /* in the settings' order */
	size_t n_types;
	double unheld; /* hours of types no present member may hold */
};

/* The make-up of team (a dataset index) in the week w of d (w as
 * workload_week made it). Free with makeup_clear. */
void makeup_team(const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long team, struct makeup *out);
void makeup_clear(struct makeup *m);

/* The make-up of every team of d at once, in one pass over the cases
 * (makeup_team looks at them all for one team): [team index]. Free with
 * makeup_city_free. */
struct makeup *makeup_city(const struct dataset *d,
    const struct settings *s, const struct week_figures *w);
void makeup_city_free(struct makeup *all, size_t n_teams);

#endif
