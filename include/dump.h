/* dump: the records of one kind as the CSV file `import` reads — the same
 * header, columns and spellings — so that dump, an edit in a spreadsheet and
 * `import --update` change exactly what was edited. Pure output: a FILE*. */
#ifndef WIJKLAST_DUMP_H
#define WIJKLAST_DUMP_H

#include <stdio.h>

#include "dataset.h"
#include "import.h"

/* The columns of kind, as the import's header names them; NULL-terminated. */
const char *const *dump_columns(enum import_kind kind);

/* The fields of one record of kind (a struct team, employee, … as in d's
 * arrays) as the import spells them, into out (DUMP_COLUMNS_MAX fields of
 * DUMP_FIELD bytes); returns how many. References are resolved through d. */
#define DUMP_COLUMNS_MAX 8
#define DUMP_FIELD 128
size_t dump_record(const struct dataset *d, enum import_kind kind,
    const void *record, char out[][DUMP_FIELD]);

/* Write every record of kind in d (in the order they were added) to out as
 * RFC 4180 CSV with CRLF line ends. Returns -1 when out failed (errno). */
int dump_csv(FILE *out, const struct dataset *d, enum import_kind kind);

#endif
