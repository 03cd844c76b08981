/* demo: a realistic, deterministic city (SPEC §10) anchored to today: ten
 * teams, part-timers, names with diacritics, cases, side activities, absences,
 * a rota and an equal-split intake roster, so the overload shows at once. */
#ifndef WIJKLAST_DEMO_H
#define WIJKLAST_DEMO_H

struct err;
struct settings;
struct store;

/* The most teams a demo city can have (--teams 1 .. DEMO_MAX_TEAMS). */
#define DEMO_MAX_TEAMS 999

struct demo_options {
	int teams;        /* 0 = the ten teams of SPEC §10; more for benchmarks */
	unsigned seed;    /* 0 = the fixed default seed */
};

/* Fill an empty store (the caller checks emptiness) in one transaction. */
int demo_create(struct store *st, const struct settings *s, int today,
    const struct demo_options *opt, struct err *e);

#endif
