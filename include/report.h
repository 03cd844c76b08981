/* report: one week's figures as text (for people), JSON or CSV (for scripts),
 * the output of `wijklast report` (SPEC §9). A consumer of the model: it reads
 * figures and writes to a FILE*, nothing else. */
#ifndef WIJKLAST_REPORT_H
#define WIJKLAST_REPORT_H

#include <stdio.h>

#include "dataset.h"
#include "forecast.h"
#include "handover.h"
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

/* Write a hand-over (cover for an absence, a return, what a leaver
 * leaves) with its cases and blocks going their way: each case and block,
 * from → to or why not, each colleague's load before → after, the highest
 * load and the lower bound. fmt is REPORT_TEXT or REPORT_JSON. Returns -1
 * on a write error (EXIT_IOERR). */
int report_handover(FILE *out, enum report_format fmt,
    const struct dataset *d, const struct handover *h,
    enum handover_way cases, enum handover_way blocks, struct err *e);

/* Write a forecast (issue #11): per team (only team, an index, when >= 0)
 * and employee each week's P10, P50 and P90, and in how many weeks the
 * median is OVER. Returns -1 on a write error (EXIT_IOERR). */
int report_forecast(FILE *out, enum report_format fmt, const struct dataset *d,
    const struct settings *s, const struct forecast *f, long team,
    struct err *e);

/* Write the scores of a backtest; fmt is REPORT_TEXT or REPORT_JSON.
 * Returns -1 on a write error (EXIT_IOERR). */
int report_backtest(FILE *out, enum report_format fmt,
    const struct forecast_score scores[FORECAST_BACKTEST_HORIZONS],
    struct err *e);

/* Sort idx[0 .. n-1], indices of d's employees, by name as a Dutch list
 * does (text_name_compare). */
void report_sort_by_name(const struct dataset *d, size_t *idx, size_t n);

/* The word people read for a status in their language ("HOOG" in Dutch);
 * "" for LOAD_STATUS_NONE. Files for machines use workload_status_code. */
const char *report_status_label(enum load_status st);

/* The sentence that says a week's figures are frozen (a snapshot). */
const char *report_frozen_note(void);

/* Write s as a JSON string literal (quotes and escapes). */
void report_json_string(FILE *out, const char *s);

#endif
