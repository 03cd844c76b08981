/* dump: see include/dump.h. Values are written as a person types them in
 * the import: dates YYYY-MM-DD, hours without trailing zeros ("36", "3.5"),
 * workdays and weekdays as Dutch day names, locked 0/1, empty for none. */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "dump.h"
#include "settings.h"

static const char *const columns[IMPORT_KIND_COUNT][DUMP_COLUMNS_MAX + 1] = {
	[IMPORT_TEAMS] = { "code", "name", "area", NULL },
	[IMPORT_EMPLOYEES] = { "code", "name", "team", "discipline",
		"contract_hours", "workdays", "start", "end", NULL },
	[IMPORT_CASES] = { "ref", "team", "employee", "type", "phase",
		"opened", "closed", NULL },
	[IMPORT_ACTIVITIES] = { "employee", "name", "kind", "hours_per_week",
		"start", "end", NULL },
	[IMPORT_ABSENCES] = { "employee", "start", "end", "percent", "reason",
		NULL },
	[IMPORT_ROTA] = { "team", "weekday", "part", "hours", NULL },
	[IMPORT_BLOCKS] = { "team", "date", "part", "employee", "locked",
		"hours", NULL },
};

const char *const *
dump_columns(enum import_kind kind)
{
	return columns[(unsigned)kind < IMPORT_KIND_COUNT ? kind : 0];
}

/* Hours as typed: "36", "3.5", "0.25". */
static void
hours(char *out, double h)
{
	size_t n;

	snprintf(out, DUMP_FIELD, "%.2f", h);
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
}

static void
date(char *out, int d)
{
	char buf[DATE_BUF];

	snprintf(out, DUMP_FIELD, "%s", d == DATE_NONE ? "" :
	    date_format(d, buf));
}

static void
text(char *out, const char *s)
{
	snprintf(out, DUMP_FIELD, "%s", s);
}

static const char *
team_code(const struct dataset *d, int64_t id)
{
	long t = dataset_team_index(d, id);

	return t >= 0 ? d->teams[t].code : "";
}

static const char *
employee_code(const struct dataset *d, int64_t id)
{
	long e = id ? dataset_employee_index(d, id) : -1;

	return e >= 0 ? d->employees[e].code : "";
}

size_t
dump_record(const struct dataset *d, enum import_kind kind,
    const void *record, char out[][DUMP_FIELD])
{
	switch (kind) {
	case IMPORT_TEAMS: {
		const struct team *t = record;
		text(out[0], t->code);
		text(out[1], t->name);
		text(out[2], t->area);
		return 3;
	}
	case IMPORT_EMPLOYEES: {
		const struct employee *em = record;
		text(out[0], em->code);
		text(out[1], em->name);
		text(out[2], team_code(d, em->team_id));
		text(out[3], em->discipline);
		hours(out[4], em->contract_hours);
		dataset_workdays_format(em->workdays, out[5], DUMP_FIELD);
		date(out[6], em->start);
		date(out[7], em->end);
		return 8;
	}
	case IMPORT_CASES: {
		const struct case_item *c = record;
		text(out[0], c->ref);
		text(out[1], team_code(d, c->team_id));
		text(out[2], employee_code(d, c->employee_id));
		text(out[3], c->type);
		text(out[4], settings_phase_code(c->phase));
		date(out[5], c->opened);
		date(out[6], c->closed);
		return 7;
	}
	case IMPORT_ACTIVITIES: {
		const struct activity *a = record;
		text(out[0], employee_code(d, a->employee_id));
		text(out[1], a->name);
		text(out[2], a->kind);
		hours(out[3], a->hours_per_week);
		date(out[4], a->start);
		date(out[5], a->end);
		return 6;
	}
	case IMPORT_ABSENCES: {
		const struct absence *a = record;
		text(out[0], employee_code(d, a->employee_id));
		date(out[1], a->start);
		date(out[2], a->end);
		snprintf(out[3], DUMP_FIELD, "%d", a->percent);
		text(out[4], a->reason);
		return 5;
	}
	case IMPORT_ROTA: {
		const struct rota_entry *r = record;
		text(out[0], team_code(d, r->team_id));
		dataset_workdays_format(1u << (r->weekday - 1), out[1],
		    DUMP_FIELD);
		text(out[2], dataset_part_code(r->part));
		hours(out[3], r->hours);
		return 4;
	}
	case IMPORT_BLOCKS:
	default: {
		const struct block *b = record;
		text(out[0], team_code(d, b->team_id));
		date(out[1], b->date);
		text(out[2], dataset_part_code(b->part));
		text(out[3], employee_code(d, b->employee_id));
		text(out[4], b->locked ? "1" : "0");
		hours(out[5], b->hours);
		return 6;
	}
	}
}

static void
write_line(FILE *out, const char *const *fields, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (k > 0)
			putc(',', out);
		csv_write_field(out, fields[k], ',');
	}
	fputs("\r\n", out);
}

int
dump_csv(FILE *out, const struct dataset *d, enum import_kind kind)
{
	const char *const *cols = dump_columns(kind);
	char fields[DUMP_COLUMNS_MAX][DUMP_FIELD];
	const char *cells[DUMP_COLUMNS_MAX];
	size_t n, size, nc = 0;
	const char *base = import_records(d, kind, &n, &size);

	while (cols[nc] != NULL)
		nc++;
	write_line(out, cols, nc);
	for (size_t k = 0; k < DUMP_COLUMNS_MAX; k++)
		cells[k] = fields[k];
	for (size_t i = 0; i < n; i++)
		write_line(out, cells, dump_record(d, kind, base + i * size,
		    fields));
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
