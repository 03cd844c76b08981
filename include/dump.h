/* dump: the records of one kind as the CSV file `import` reads — the same
 * header, columns and spellings — so that dump, an edit in a spreadsheet and
 * `import --update` change exactly what was edited. Pure output: a FILE*. */
#ifndef WIJKLAST_DUMP_H
#define WIJKLAST_DUMP_H

#include <stdio.h>

#include "dataset.h"
#include "import.h"

/* Write every record of kind in d (in the order they were added) to out as
 * RFC 4180 CSV with CRLF line ends. Returns -1 when out failed (errno). */
int dump_csv(FILE *out, const struct dataset *d, enum import_kind kind);

#endif
