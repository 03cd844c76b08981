/* dump: see include/dump.h. Values are written as a person types them in
 * the import: dates YYYY-MM-DD, hours without trailing zeros ("36", "3.5"),
 * workdays and weekdays as Dutch day names, locked 0/1, empty for none. */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "dump.h"
#include "settings.h"

/* One field and its separator: ',' before every field but the first. */
struct line {
	FILE *out;
	int n;
};

static void
field(struct line *l, const char *s)
{
	if (l->n++ > 0)
		putc(',', l->out);
	csv_write_field(l->out, s, ',');
}

static void
end_line(struct line *l)
{
	fputs("\r\n", l->out);
	l->n = 0;
}

static void
hours_field(struct line *l, double h)
{
	char buf[32];
	size_t n;

	snprintf(buf, sizeof buf, "%.2f", h);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	field(l, buf);
}

static void
date_field(struct line *l, int date)
{
	char buf[DATE_BUF];

	field(l, date == DATE_NONE ? "" : date_format(date, buf));
}

static void
int_field(struct line *l, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	field(l, buf);
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

static void
header(struct line *l, const char *const *names)
{
	for (; *names; names++)
		field(l, *names);
	end_line(l);
}

int
dump_csv(FILE *out, const struct dataset *d, enum import_kind kind)
{
	struct line l = { out, 0 };
	char buf[64];

	switch (kind) {
	case IMPORT_TEAMS:
		header(&l, (const char *[]){ "code", "name", "area", NULL });
		for (size_t i = 0; i < d->n_teams; i++) {
			const struct team *t = &d->teams[i];
			field(&l, t->code);
			field(&l, t->name);
			field(&l, t->area);
			end_line(&l);
		}
		break;
	case IMPORT_EMPLOYEES:
		header(&l, (const char *[]){ "code", "name", "team",
		    "discipline", "contract_hours", "workdays", "start", "end",
		    NULL });
		for (size_t i = 0; i < d->n_employees; i++) {
			const struct employee *em = &d->employees[i];
			field(&l, em->code);
			field(&l, em->name);
			field(&l, team_code(d, em->team_id));
			field(&l, em->discipline);
			hours_field(&l, em->contract_hours);
			field(&l, dataset_workdays_format(em->workdays, buf,
			    sizeof buf));
			date_field(&l, em->start);
			date_field(&l, em->end);
			end_line(&l);
		}
		break;
	case IMPORT_CASES:
		header(&l, (const char *[]){ "ref", "team", "employee", "type",
		    "phase", "opened", "closed", NULL });
		for (size_t i = 0; i < d->n_cases; i++) {
			const struct case_item *c = &d->cases[i];
			field(&l, c->ref);
			field(&l, team_code(d, c->team_id));
			field(&l, employee_code(d, c->employee_id));
			field(&l, c->type);
			field(&l, settings_phase_code(c->phase));
			date_field(&l, c->opened);
			date_field(&l, c->closed);
			end_line(&l);
		}
		break;
	case IMPORT_ACTIVITIES:
		header(&l, (const char *[]){ "employee", "name", "kind",
		    "hours_per_week", "start", "end", NULL });
		for (size_t i = 0; i < d->n_activities; i++) {
			const struct activity *a = &d->activities[i];
			field(&l, employee_code(d, a->employee_id));
			field(&l, a->name);
			field(&l, a->kind);
			hours_field(&l, a->hours_per_week);
			date_field(&l, a->start);
			date_field(&l, a->end);
			end_line(&l);
		}
		break;
	case IMPORT_ABSENCES:
		header(&l, (const char *[]){ "employee", "start", "end",
		    "percent", "reason", NULL });
		for (size_t i = 0; i < d->n_absences; i++) {
			const struct absence *a = &d->absences[i];
			field(&l, employee_code(d, a->employee_id));
			date_field(&l, a->start);
			date_field(&l, a->end);
			int_field(&l, a->percent);
			field(&l, a->reason);
			end_line(&l);
		}
		break;
	case IMPORT_ROTA:
		header(&l, (const char *[]){ "team", "weekday", "part",
		    "hours", NULL });
		for (size_t i = 0; i < d->n_rota; i++) {
			const struct rota_entry *r = &d->rota[i];
			field(&l, team_code(d, r->team_id));
			field(&l, dataset_workdays_format(1u << (r->weekday - 1),
			    buf, sizeof buf));
			field(&l, dataset_part_code(r->part));
			hours_field(&l, r->hours);
			end_line(&l);
		}
		break;
	case IMPORT_BLOCKS:
	default:
		header(&l, (const char *[]){ "team", "date", "part",
		    "employee", "locked", "hours", NULL });
		for (size_t i = 0; i < d->n_blocks; i++) {
			const struct block *b = &d->blocks[i];
			field(&l, team_code(d, b->team_id));
			date_field(&l, b->date);
			field(&l, dataset_part_code(b->part));
			field(&l, employee_code(d, b->employee_id));
			field(&l, b->locked ? "1" : "0");
			hours_field(&l, b->hours);
			end_line(&l);
		}
		break;
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
