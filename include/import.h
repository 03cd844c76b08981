/* import: CSV files of SPEC §9 into the store, all or nothing. Every row is
 * parsed and checked (fields, references to teams and employees already in the
 * database or earlier in the file, duplicate keys) before anything is written;
 * then all rows go in one transaction. */
#ifndef WIJKLAST_IMPORT_H
#define WIJKLAST_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "settings.h"

struct err;
struct store;

enum import_kind {
	IMPORT_TEAMS,
	IMPORT_EMPLOYEES,
	IMPORT_CASES,
	IMPORT_ACTIVITIES,
	IMPORT_ABSENCES,
	IMPORT_ROTA,
	IMPORT_BLOCKS,
	IMPORT_KIND_COUNT
};

/* The records of kind in d: the first, how many (*n) and the size of each
 * (*size); record i is at (const char *)first + i * *size. */
const void *import_records(const struct dataset *d, enum import_kind kind,
    size_t *n, size_t *size);

/* Parse "teams", "employees", … (SPEC §9 names); -1 when unknown. */
int import_kind_parse(const char *s);
const char *import_kind_name(enum import_kind k);

/* How far an import is, for a progress bar: first the file is read and
 * every row checked, then the rows are written. */
struct import_progress {
	double fraction; /* of the whole import, 0 .. 1; reading takes the
			  * first tenth when rows are to be written */
	bool writing;    /* false while the file is read and checked */
	size_t rows;     /* rows checked or written so far */
	size_t total;    /* writing: the rows to write; reading: 0 */
};

/* How import_csv runs. */
struct import_options {
	bool dry_run; /* check everything, write nothing */
	bool update;  /* sync: a row whose key exists updates that record */
	int today;    /* what is past: an end date or move leaves it be */
	/* Optional: called as the import goes on, about every 1 % (with the
	 * file read from a pipe, every few thousand rows) and at 1 when all
	 * went well; cheap enough for any file. ctx is passed back. */
	void (*progress)(void *ctx, const struct import_progress *p);
	void *ctx;
};

struct import_result {
	size_t rows;      /* data rows read */
	size_t written;   /* rows written (0 on dry run or failure) */
	char *problems;   /* "FILE:LINE: column: problem\n" lines, owned; NULL if none */
	size_t n_problems;
	/* with update: what the file changes, and the change as lines
	 * a person can check ("~ DEP04 Sanne Bos: contract_hours 32 → 24",
	 * "+ N3 Nieuwe Collega"), owned; NULL when nothing changes */
	size_t added, changed, unchanged;
	char *diff;
};

/* Import path as kind. d is the database's current content (for references
 * and duplicates). On bad rows returns -1 with status EXIT_DATAERR, e saying
 * how many rows are bad, and res->problems listing each; nothing written. A
 * missing file is EXIT_NOINPUT. With dry_run nothing is written either
 * way. Without update a key that exists is a bad row; with it, that record
 * is updated to the row (nothing is ever deleted). The keys:
 * teams and employees code, cases ref, absences employee,start, activities
 * employee,name,start, rota team,weekday,part, blocks team,date,part. All
 * that is written is one transaction and one undoable change. */
int import_csv(struct store *st, const struct dataset *d,
    const struct settings *s, enum import_kind kind, const char *path,
    const struct import_options *opt, struct import_result *res,
    struct err *e);
void import_result_clear(struct import_result *res);

#endif
