/* handover: what an employee gives up when they move to another team or
 * leave — their open cases and their intake blocks from that day on — and
 * a fair proposal of who takes each over, with every colleague's projected
 * load before and after. Pure: it reads a dataset and proposes; app writes.
 *
 * Fair here means: the blocks as the planner hands them over (leximin over
 * the colleagues' projected loads, planner_propose_cover), then each case,
 * heaviest first, to the colleague whose projected load it raises least
 * (ties: the lower load now, then the code). Loads are projected over the
 * planning horizon from the first day given up: Σ demand / Σ capacity, a
 * case adding its weekly hours in every week of it, a block its hours. */
#ifndef WIJKLAST_HANDOVER_H
#define WIJKLAST_HANDOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "settings.h"

struct err;

/* What happens to what is given up. */
enum handover_way {
	HANDOVER_KEEP,       /* cases: along with the employee to the new
			      * team (a team move only) */
	HANDOVER_WAITING,    /* cases: the team's waiting list; blocks:
			      * left unfilled */
	HANDOVER_COLLEAGUES, /* fairly to colleagues of the team; what nobody
			      * can take goes the WAITING way */
};

/* A case or block given up. */
struct handover_item {
	long index;          /* into d->cases or d->blocks, when proposed */
	int64_t id, version; /* what app checks it still is */
	double hours;        /* a case's weekly hours; a block's hours */
	double period_hours; /* the demand it adds to its receiver over the
			      * period */
	int64_t fair_to;     /* the colleague HANDOVER_COLLEAGUES gives it
			      * to; 0: nobody can take it */
};

/* A colleague in the old team, with their demand and capacity summed over
 * the weeks of the period (as things are now). */
struct handover_colleague {
	long index; /* into d->employees */
	int64_t id;
	double demand, capacity;
};

struct handover {
	int64_t employee_id;
	int64_t old_team, new_team; /* equal unless it is a team move */
	int from;                   /* the first day given up */
	int first_monday, weeks;    /* the period loads are projected over */
	struct handover_item *cases, *blocks;
	size_t n_cases, n_blocks;
	struct handover_colleague *colleagues;
	size_t n_colleagues;
};

/* What employee changed->id gives up when their record in d becomes
 * changed — another team (from today), an earlier end date (from the day
 * after it) — and the fair hand-over of it, into out (cleared first;
 * nothing given up leaves it empty). Free with handover_clear. */
int handover_propose(const struct dataset *d, const struct settings *s,
    const struct employee *changed, int today, struct handover *out,
    struct err *e);
void handover_clear(struct handover *h);

/* Is anything given up? */
bool handover_needed(const struct handover *h);

/* Who item gets under way (0: the waiting list / unfilled; for
 * HANDOVER_KEEP of a case the employee themself). */
int64_t handover_receiver(const struct handover *h,
    const struct handover_item *item, enum handover_way way);

/* The projected load over the period of colleague k, before and after the
 * hand-over with cases and blocks going their way; their demand after. */
double handover_load_before(const struct handover *h, size_t k);
double handover_demand_after(const struct handover *h, size_t k,
    enum handover_way cases, enum handover_way blocks);
double handover_load_after(const struct handover *h, size_t k,
    enum handover_way cases, enum handover_way blocks);
/* How many cases / blocks colleague k takes over that way. */
int handover_taken(const struct handover *h, size_t k, bool cases,
    enum handover_way way);

#endif
