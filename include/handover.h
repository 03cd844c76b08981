/* handover: what an employee gives up — when they move to another team or
 * leave, or for the time they are absent (cover) — and a fair proposal of
 * who takes each part over, with every colleague's projected load before
 * and after. Pure: it reads a dataset and proposes; app writes.
 *
 * Fair: the intake blocks as the planner hands them over (leximin over the
 * colleagues' loads, planner_propose_cover), then the cases by cover_solve
 * (cover.h: as many as can go, leximin loads, fewer receivers per type,
 * origin blocks together), each to a colleague whose discipline may hold
 * its type (case_types[].disciplines), at most cover.max_cases_each each.
 * Loads are projected over the period: Σ demand / Σ capacity over its
 * weeks, a case adding its weekly hours in every week, a block its hours. */
#ifndef WIJKLAST_HANDOVER_H
#define WIJKLAST_HANDOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cover.h"
#include "dataset.h"
#include "settings.h"

struct err;

/* What happens to what is given up. */
enum handover_way {
	HANDOVER_KEEP,       /* cases: along with the employee to the new
			      * team on a move; for cover and a return,
			      * where they are */
	HANDOVER_WAITING,    /* cases: the team's waiting list; blocks:
			      * left unfilled */
	HANDOVER_COLLEAGUES, /* fairly to colleagues of the team; what nobody
			      * can take goes the WAITING way */
};

/* What the hand-over is for. */
enum handover_kind {
	HANDOVER_CHANGE, /* a team move or an end date */
	HANDOVER_COVER,  /* an absence: cases remember whose they were */
	HANDOVER_RETURN, /* back from one: those cases go home */
};

/* A case or block given up. */
struct handover_item {
	long index;          /* into d->cases or d->blocks, when proposed */
	int64_t id, version; /* what app checks it still is */
	int64_t holder;      /* who holds it now */
	double hours;        /* a case's weekly hours; a block's hours */
	double period_hours; /* the demand it adds to its receiver over the
			      * period */
	int64_t fair_to;     /* the colleague HANDOVER_COLLEAGUES gives it
			      * to; 0: nobody can take it */
	bool stays;          /* not handed over at all (reason says why) */
	const char *reason;  /* untranslated: why it is not handed over, or
			      * NULL */
};

/* A colleague in the team, with their demand and capacity summed over
 * the weeks of the period (as things are now). */
struct handover_colleague {
	long index; /* into d->employees */
	int64_t id;
	double demand, capacity;
	bool takes_cases; /* employed the whole period and at work when it
			   * starts: may be given cases */
};

struct handover {
	enum handover_kind kind;
	int64_t employee_id;
	int64_t old_team, new_team; /* equal unless it is a team move */
	int from, to;               /* the days given up (to: inclusive) */
	int first_monday, weeks;    /* the period loads are projected over */
	struct handover_item *cases, *blocks;
	size_t n_cases, n_blocks;
	struct handover_colleague *colleagues;
	size_t n_colleagues;
	struct cover_result fair;   /* of the cases' fair hand-over */
};

/* What employee changed->id gives up when their record in d becomes
 * changed — on another team, all from today; with an end date, their cases
 * (handed over now) and their blocks after it; their blocks on days they no
 * longer work (workdays, start) — over the planning horizon, into out
 * (cleared first; nothing given up leaves it empty). Free with
 * handover_clear. */
int handover_propose(const struct dataset *d, const struct settings *s,
    const struct employee *changed, int today, struct handover *out,
    struct err *e);

/* Cover for employee_id's absence from from to to (inclusive; the past is
 * left as it was): their intake blocks in it, and, when the period is
 * cover.min_weeks weeks or longer and has begun, their open cases (else
 * these stay, with the reason: a case moves at once, so an absence that
 * starts later keeps them until it does). They count as absent the whole
 * period, whatever the absences recorded say. */
int handover_cover(const struct dataset *d, const struct settings *s,
    int64_t employee_id, int from, int to, int today, struct handover *out,
    struct err *e);

/* Back from an absence: the cases handed over as cover from employee_id
 * that are still open, to go back to them (fair_to: them), with the loads
 * over the planning horizon from today. */
int handover_return(const struct dataset *d, const struct settings *s,
    int64_t employee_id, int today, struct handover *out, struct err *e);

void handover_clear(struct handover *h);

/* Is anything given up? */
bool handover_needed(const struct handover *h);

/* Who item gets under way: 0 the waiting list / unfilled; for an item
 * that stays, and HANDOVER_KEEP of cover or a return, who holds it now;
 * for HANDOVER_KEEP on a move, the employee (the case goes along). */
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
