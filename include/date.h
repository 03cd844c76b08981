/* date: local civil dates and ISO 8601 weeks. A date is an int: days since
 * 1970-01-01 in the proleptic Gregorian calendar. A week is the date of its
 * Monday. All arithmetic is on civil dates, never on time_t (DST). */
#ifndef WIJKLAST_DATE_H
#define WIJKLAST_DATE_H

#include <limits.h>
#include <stdbool.h>

struct err;

/* "No date": an open end (employee end, case closed, activity end). It sorts
 * after every real date, so "end >= monday" holds for it without a special case. */
#define DATE_NONE INT_MAX
#define DATE_BUF 11 /* "YYYY-MM-DD" + NUL */
#define WEEK_BUF 9  /* "YYYY-Www" + NUL */

/* Days since 1970-01-01 of a valid y-m-d (not checked; see date_is_valid). */
int date_from_ymd(int y, int m, int d);
void date_to_ymd(int date, int *y, int *m, int *d);
bool date_is_valid(int y, int m, int d);

/* ISO weekday: 1 = Monday … 7 = Sunday. */
int date_weekday(int date);

/* Parse "YYYY-MM-DD" (exactly, a date that exists, years 1900-9999).
 * Returns 0, or -1 with e set to e.g. "2026-02-30 is not a date". */
int date_parse(const char *s, int *date, struct err *e);

/* Write "YYYY-MM-DD" into buf (DATE_BUF bytes); DATE_NONE gives "". Returns buf. */
char *date_format(int date, char *buf);

/* Today in local time. */
int date_today(void);

/* The Monday of the ISO week that holds date. */
int date_monday(int date);
/* ISO year and week number of date. */
void date_iso_week(int date, int *year, int *week);
/* The Monday of ISO week (year, week); week must exist (see date_weeks_in_year). */
int date_week_monday(int year, int week);
/* 52 or 53. */
int date_weeks_in_year(int year);

/* Parse "YYYY-Www" (week must exist in that year: 2025-W53 is refused),
 * or "current", "next", "last" relative to today. Sets *monday.
 * Returns 0, or -1 with e set (status EXIT_USAGE). */
int date_parse_week(const char *s, int today, int *monday, struct err *e);

/* Write "YYYY-Www" for the week whose Monday (or any day) is date. Returns buf. */
char *date_format_week(int date, char *buf);

#endif
