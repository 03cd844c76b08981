/* validate: the rules of SPEC §2 for what people type and import, shared by
 * import and the TUI forms so both say the same thing. Field parsers turn text
 * into values; record checks apply the rules that span fields. Messages name
 * the value and the problem, not the column (the caller adds that). */
#ifndef WIJKLAST_VALIDATE_H
#define WIJKLAST_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "settings.h"

struct err;

/* A code: 1 .. size-1 bytes of letters, digits, '-', '_', '.'. */
int validate_code(const char *s, char *out, size_t size, struct err *e);
/* A name or free text: non-empty (unless optional), clean UTF-8, fits. */
int validate_text(const char *s, bool optional, char *out, size_t size,
    struct err *e);
/* A number of hours, decimal comma or point, min < h <= max (min_inclusive
 * makes it min <= h). */
int validate_hours(const char *s, double min, bool min_inclusive, double max,
    double *out, struct err *e);
/* The most hours of an intake block or rota slot (more than 0 and at most
 * this, as the store's CHECK has it). */
#define VALIDATE_INTAKE_HOURS_MAX 12
/* A date YYYY-MM-DD; optional lets "" mean DATE_NONE. */
int validate_date(const char *s, bool optional, int *out, struct err *e);
/* Workdays "ma,di,do" / "mon,tue,thu" / "" (all five). */
int validate_workdays(const char *s, unsigned *out, struct err *e);
/* Weekday 1 .. 5 or a day name (ma/maandag/mon/monday …). */
int validate_weekday(const char *s, int *out, struct err *e);
/* ochtend | middag (also morning/afternoon). */
int validate_part(const char *s, enum part *out, struct err *e);
/* Whole percentage 1 .. 100. */
int validate_percent(const char *s, int *out, struct err *e);
/* 0/1, yes/no, ja/nee, true/false; "" is false. */
int validate_bool(const char *s, bool *out, struct err *e);
/* A case reference: code-like, and never a BSN (SPEC §2 privacy rule). */
int validate_case_ref(const char *s, char *out, size_t size, struct err *e);
/* A case type code known in the config. */
int validate_case_type(const char *s, const struct settings *st, char *out,
    size_t size, struct err *e);
/* A phase code: intake | actief | afschalen. */
int validate_phase(const char *s, enum phase *out, struct err *e);

/* Record rules (ordering of dates, discipline list, …). On failure e names
 * the field first, as "end: before start 2026-01-05". */
int validate_employee(const struct employee *em, const struct settings *st,
    struct err *e);
int validate_absence(const struct absence *a, struct err *e);
int validate_activity(const struct activity *a, struct err *e);
int validate_case(const struct case_item *c, struct err *e);

#endif
