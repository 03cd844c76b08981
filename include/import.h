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

/* Parse "teams", "employees", … (SPEC §9 names); -1 when unknown. */
int import_kind_parse(const char *s);
const char *import_kind_name(enum import_kind k);

struct import_result {
	size_t rows;      /* data rows read */
	size_t written;   /* rows written (0 on dry run or failure) */
	char *problems;   /* "FILE:LINE: column: problem\n" lines, owned; NULL if none */
	size_t n_problems;
};

/* Import path as kind. d is the database's current content (for references
 * and duplicates). On bad rows returns -1 with status EXIT_DATAERR, e saying
 * how many rows are bad, and res->problems listing each; nothing written. A
 * missing file is EXIT_NOINPUT. With dry_run nothing is written either way. */
int import_csv(struct store *st, const struct dataset *d,
    const struct settings *s, enum import_kind kind, const char *path,
    bool dry_run, struct import_result *res, struct err *e);
void import_result_clear(struct import_result *res);

#endif
