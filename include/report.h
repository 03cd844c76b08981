/* report: one week's figures as text (for people), JSON or CSV (for scripts),
 * the output of `wijklast report` (SPEC §9). A consumer of the model: it reads
 * figures and writes to a FILE*, nothing else. */
#ifndef WIJKLAST_REPORT_H
#define WIJKLAST_REPORT_H

#include <stdio.h>

#include "dataset.h"
#include "planner.h"
#include "settings.h"
#include "workload.h"

struct err;

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_CSV };

/* Parse "text", "json", "csv"; -1 when unknown. */
int report_format_parse(const char *s);

/* Write the week w of dataset d. team is a team index to limit the report to,
 * or -1 for all. Returns -1 on a write error (status EXIT_IOERR). */
int report_write(FILE *out, enum report_format fmt, const struct dataset *d,
    const struct settings *s, const struct week_figures *w, long team,
    struct err *e);

/* Write an intake plan proposal (SPEC §4 explain, §9 plan json). fmt is
 * REPORT_TEXT or REPORT_JSON. Returns -1 on a write error (EXIT_IOERR). */
int report_plan(FILE *out, enum report_format fmt, const struct dataset *d,
    const struct plan *plan, struct err *e);

/* Write s as a JSON string literal (quotes and escapes). */
void report_json_string(FILE *out, const char *s);

#endif
