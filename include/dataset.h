/* dataset: the domain records of SPEC §2 as plain structs, and the whole
 * city held in memory as sorted arrays. The store fills it; workload, planner,
 * reports and views read it. Knows nothing of SQL, files or screens. */
#ifndef WIJKLAST_DATASET_H
#define WIJKLAST_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "settings.h"

#define CODE_SIZE 16   /* team/employee codes, kinds, reasons: bytes incl. NUL */
#define NAME_SIZE 96 /* names and descriptions */
#define REF_SIZE 32    /* case references */

enum part { PART_MORNING, PART_AFTERNOON }; /* ochtend, middag */

/* Workdays as a bit set: bit 0 = Monday … bit 4 = Friday. */
#define WORKDAYS_ALL 0x1fu

struct team {
	int64_t id;
	char code[CODE_SIZE];
	char name[NAME_SIZE];
	char area[NAME_SIZE];
	int64_t version; /* bumped by every update; detects concurrent edits */
};

struct rota_entry {
	int64_t id, team_id;
	int weekday; /* 1 = Monday … 5 = Friday */
	enum part part;
	double hours;
	int64_t version;
};

struct employee {
	int64_t id;
	char code[CODE_SIZE];
	char name[NAME_SIZE];
	int64_t team_id;
	char discipline[CODE_SIZE];
	double contract_hours; /* 0 < h <= 40 */
	unsigned workdays;     /* non-empty subset of WORKDAYS_ALL */
	int start, end;        /* end DATE_NONE when open */
	int64_t version;
};

struct absence {
	int64_t id, employee_id;
	int start, end; /* inclusive */
	int percent;    /* 1 .. 100 */
	char reason[CODE_SIZE];
	int64_t version;
};

struct activity {
	int64_t id, employee_id;
	char name[NAME_SIZE];
	char kind[CODE_SIZE];
	double hours_per_week; /* > 0 */
	int start, end;        /* end DATE_NONE when open */
	int64_t version;
};

struct block {
	int64_t id, team_id;
	int date;
	enum part part;
	double hours;
	int64_t employee_id; /* 0 = unfilled */
	bool locked;
	int64_t version;
};

struct case_item {
	int64_t id;
	char ref[REF_SIZE];
	int64_t team_id;
	int64_t employee_id; /* 0 = on the team's waiting list */
	char type[SETTINGS_CODE_MAX];
	enum phase phase;
	int opened, closed; /* closed DATE_NONE when open */
	int64_t origin_block; /* 0 = none */
	int64_t cover_from;   /* handed over as cover from this employee, to
			       * go back on their return; 0 = not cover */
	int64_t version;
};

/* The first day a dataset holds the cases and intake blocks of: every case
 * still open on that day or later (closed on or after it, or not closed)
 * and every block dated then or later. A city's history grows without end,
 * while a week needs only the cases open in it (issue 12): what a use case
 * needs, the app loads. */
#define DATASET_ALL INT_MIN    /* every case and block there is */
#define DATASET_NONE DATE_NONE /* none: teams, people, absences, activities */

/* Every array is sorted by id (ascending), so lookups are binary searches. */
struct dataset {
	int since; /* the window above: DATASET_ALL, DATASET_NONE or a day */
	struct team *teams;
	size_t n_teams;
	struct rota_entry *rota;
	size_t n_rota;
	struct employee *employees;
	size_t n_employees;
	struct absence *absences;
	size_t n_absences;
	struct activity *activities;
	size_t n_activities;
	struct block *blocks;
	size_t n_blocks;
	struct case_item *cases;
	size_t n_cases;
};

/* Does d's window hold case c / block b (open, or dated, on d->since or
 * later)? */
bool dataset_holds_case(const struct dataset *d, const struct case_item *c);
bool dataset_holds_block(const struct dataset *d, const struct block *b);

/* The teams and employees d holds, as one number: it changes when one is
 * added or removed (what week figures are index-aligned with). */
uint64_t dataset_shape(const struct dataset *d);

/* Free every array; d is empty afterwards (its since 0: set it again). */
void dataset_clear(struct dataset *d);

/* Where id is, or would go, in an array of n records of size bytes sorted
 * by the int64_t id each begins with; *found says whether it is there. */
size_t dataset_id_slot(const void *items, size_t n, size_t size, int64_t id,
    bool *found);

/* Index of the record with this id, or -1. */
long dataset_team_index(const struct dataset *d, int64_t id);
long dataset_employee_index(const struct dataset *d, int64_t id);
long dataset_block_index(const struct dataset *d, int64_t id);
long dataset_case_index(const struct dataset *d, int64_t id);

/* Employee and team indexes by id in one step, for a pass over many
 * records (a binary search each is most of the cost of a week of a big
 * city). The ids are AUTOINCREMENT, so nearly dense; a map of ids spread
 * too thin falls back to the binary search. */
struct dataset_map {
	int64_t lo;
	size_t n;
	long *index; /* [id - lo], -1 for none; NULL: use the search */
	const struct dataset *d;
};
void dataset_map_start(struct dataset_map *m, const struct dataset *d);
void dataset_map_free(struct dataset_map *m);
static inline long
dataset_map_employee(const struct dataset_map *m, int64_t id)
{
	if (m->index == NULL)
		return dataset_employee_index(m->d, id);
	return id >= m->lo && (uint64_t)(id - m->lo) < m->n ?
	    m->index[id - m->lo] : -1;
}

/* Index of the record with this code, or -1. Linear. A team's code matches
 * regardless of ASCII case ("cen" finds CEN); an employee's exactly. */
long dataset_team_by_code(const struct dataset *d, const char *code);
long dataset_employee_by_code(const struct dataset *d, const char *code);

/* Index of the case with this ref, or -1. Linear. */
long dataset_case_by_ref(const struct dataset *d, const char *ref);

/* Part names: "ochtend"/"middag"; parse also accepts "morning"/"afternoon",
 * "o"/"m". Returns -1 when unknown. */
const char *dataset_part_code(enum part p);
int dataset_part_parse(const char *s);

/* Workdays as "ma,di,wo,do,vr" (Dutch abbreviations) into buf. */
char *dataset_workdays_format(unsigned workdays, char *buf, size_t size);

#endif
