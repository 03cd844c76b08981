/* report: see include/report.h. Exports use two decimals for hours and three
 * for loads (SPEC §3); the text form is for people: one decimal, whole %. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "report.h"
#include "text.h"

int
report_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return REPORT_TEXT;
	if (strcmp(s, "json") == 0)
		return REPORT_JSON;
	if (strcmp(s, "csv") == 0)
		return REPORT_CSV;
	return -1;
}

void
report_json_string(FILE *out, const char *s)
{
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			putc(*p, out);
	}
	putc('"', out);
}

static bool
in_report(long team, long only)
{
	return only < 0 || team == only;
}

static double
fte(const struct employee *em, const struct settings *s)
{
	return em->contract_hours / s->fulltime_hours;
}

/* --- JSON --- */

static void
json_load(FILE *out, double load, bool counted)
{
	if (!counted || isinf(load))
		fputs("null", out);
	else
		fprintf(out, "%.3f", load);
}

static void
json_status(FILE *out, enum load_status st)
{
	if (st == LOAD_STATUS_NONE)
		fputs("null", out);
	else
		report_json_string(out, workload_status_code(st));
}

static void
write_json(FILE *out, const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long only)
{
	char week[WEEK_BUF], date[DATE_BUF];
	bool first = true;

	fprintf(out, "{\n  \"week\": \"%s\",\n  \"monday\": \"%s\",\n",
	    date_format_week(w->monday, week), date_format(w->monday, date));
	fputs("  \"teams\": [", out);
	for (size_t t = 0; t < d->n_teams; t++) {
		const struct team_week *tw = &w->teams[t];
		if (!in_report((long)t, only))
			continue;
		fputs(first ? "\n    {" : ",\n    {", out);
		first = false;
		fputs("\"code\": ", out);
		report_json_string(out, d->teams[t].code);
		fputs(", \"name\": ", out);
		report_json_string(out, d->teams[t].name);
		fprintf(out, ", \"members\": %d, \"capacity\": %.2f, "
		    "\"demand\": %.2f, \"case_hours\": %.2f, "
		    "\"intake_hours\": %.2f, \"side_hours\": %.2f, "
		    "\"waiting_cases\": %d, \"waiting_hours\": %.2f, \"load\": ",
		    tw->members, tw->capacity, tw->demand, tw->case_hours,
		    tw->intake_hours, tw->side_hours, tw->waiting_cases,
		    tw->waiting_hours);
		json_load(out, tw->load, tw->counted);
		fputs(", \"status\": ", out);
		json_status(out, tw->status);
		fprintf(out, ", \"sustained\": %s, \"members_by_status\": "
		    "{\"ROOM\": %d, \"OK\": %d, \"HIGH\": %d, \"OVER\": %d}, "
		    "\"sustained_members\": %d}",
		    tw->sustained ? "true" : "false",
		    tw->by_status[LOAD_STATUS_ROOM], tw->by_status[LOAD_STATUS_OK],
		    tw->by_status[LOAD_STATUS_HIGH],
		    tw->by_status[LOAD_STATUS_OVER], tw->sustained_members);
	}
	fputs(first ? "],\n" : "\n  ],\n", out);

	first = true;
	fputs("  \"employees\": [", out);
	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];
		const struct employee_week *ew = &w->employees[i];
		long t = dataset_team_index(d, em->team_id);
		if (!in_report(t, only))
			continue;
		fputs(first ? "\n    {" : ",\n    {", out);
		first = false;
		fputs("\"code\": ", out);
		report_json_string(out, em->code);
		fputs(", \"name\": ", out);
		report_json_string(out, em->name);
		fputs(", \"team\": ", out);
		report_json_string(out, t >= 0 ? d->teams[t].code : "");
		fprintf(out, ", \"fte\": %.2f, \"available\": %.2f, "
		    "\"capacity\": %.2f, \"case_hours\": %.2f, "
		    "\"intake_hours\": %.2f, \"side_hours\": %.2f, "
		    "\"demand\": %.2f, \"load\": ", fte(em, s), ew->available,
		    ew->capacity, ew->case_hours, ew->intake_hours,
		    ew->side_hours, ew->demand);
		json_load(out, ew->load, ew->counted);
		fputs(", \"status\": ", out);
		json_status(out, ew->status);
		fprintf(out, ", \"counted\": %s, \"sustained\": %s, "
		    "\"open_cases\": %d, \"new_cases\": %d, "
		    "\"closed_cases\": %d, \"intake_blocks\": %d}",
		    ew->counted ? "true" : "false",
		    ew->sustained ? "true" : "false", ew->open_cases,
		    ew->new_cases, ew->closed_cases, ew->blocks);
	}
	fputs(first ? "]\n}\n" : "\n  ]\n}\n", out);
}

/* --- CSV: one row per team, then one per employee --- */

static void
csv_num(FILE *out, double v, int decimals)
{
	fprintf(out, ",%.*f", decimals, v);
}

static void
csv_load(FILE *out, double load, bool counted)
{
	if (!counted || isinf(load))
		fputs(",", out);
	else
		fprintf(out, ",%.3f", load);
}

static void
write_csv(FILE *out, const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long only)
{
	char week[WEEK_BUF];

	date_format_week(w->monday, week);
	fputs("week,kind,team,code,name,fte,available,capacity,case_hours,"
	    "intake_hours,side_hours,waiting_hours,demand,load,status,"
	    "sustained\r\n", out);
	for (size_t t = 0; t < d->n_teams; t++) {
		const struct team_week *tw = &w->teams[t];
		if (!in_report((long)t, only))
			continue;
		fprintf(out, "%s,team,", week);
		csv_write_field(out, d->teams[t].code, ',');
		fputc(',', out);
		csv_write_field(out, d->teams[t].code, ',');
		fputc(',', out);
		csv_write_field(out, d->teams[t].name, ',');
		fputs(",,", out); /* fte, available: not for teams */
		csv_num(out, tw->capacity, 2);
		csv_num(out, tw->case_hours, 2);
		csv_num(out, tw->intake_hours, 2);
		csv_num(out, tw->side_hours, 2);
		csv_num(out, tw->waiting_hours, 2);
		csv_num(out, tw->demand, 2);
		csv_load(out, tw->load, tw->counted);
		fprintf(out, ",%s,%d\r\n", workload_status_code(tw->status),
		    tw->sustained);
	}
	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];
		const struct employee_week *ew = &w->employees[i];
		long t = dataset_team_index(d, em->team_id);
		if (!in_report(t, only))
			continue;
		fprintf(out, "%s,employee,", week);
		csv_write_field(out, t >= 0 ? d->teams[t].code : "", ',');
		fputc(',', out);
		csv_write_field(out, em->code, ',');
		fputc(',', out);
		csv_write_field(out, em->name, ',');
		csv_num(out, fte(em, s), 2);
		csv_num(out, ew->available, 2);
		csv_num(out, ew->capacity, 2);
		csv_num(out, ew->case_hours, 2);
		csv_num(out, ew->intake_hours, 2);
		csv_num(out, ew->side_hours, 2);
		fputs(",", out); /* waiting hours: teams only */
		csv_num(out, ew->demand, 2);
		csv_load(out, ew->load, ew->counted);
		fprintf(out, ",%s,%d\r\n", workload_status_code(ew->status),
		    ew->sustained);
	}
}

/* --- text, for people --- */

static const char *
text_load(char *buf, size_t size, double load, bool counted)
{
	if (!counted)
		snprintf(buf, size, "-");
	else if (isinf(load))
		snprintf(buf, size, "—");
	else
		snprintf(buf, size, "%.0f%%", load * 100.0);
	return buf;
}

static void
write_text(FILE *out, const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long only)
{
	char week[WEEK_BUF], mon[DATE_BUF], sun[DATE_BUF], cell[128], l[16];

	fprintf(out, _("Workload, week %s (%s to %s)\n\n"),
	    date_format_week(w->monday, week), date_format(w->monday, mon),
	    date_format(w->monday + 6, sun));
	fprintf(out, "%-5s %s %9s %9s %7s %6s %-6s %s\n", _("TEAM"),
	    text_fit(cell, sizeof cell, _("NAME"), 22, false), _("CAPACITY"),
	    _("DEMAND"), _("WAITING"), _("LOAD"), _("STATUS"),
	    _("OVER/HIGH/OK/ROOM"));
	for (size_t t = 0; t < d->n_teams; t++) {
		const struct team_week *tw = &w->teams[t];
		if (!in_report((long)t, only))
			continue;
		fprintf(out, "%-5s %s %9.1f %9.1f %7.1f %6s %-6s %d/%d/%d/%d%s\n",
		    d->teams[t].code,
		    text_fit(cell, sizeof cell, d->teams[t].name, 22, false),
		    tw->capacity, tw->demand, tw->waiting_hours,
		    text_load(l, sizeof l, tw->load, tw->counted),
		    workload_status_code(tw->status),
		    tw->by_status[LOAD_STATUS_OVER],
		    tw->by_status[LOAD_STATUS_HIGH],
		    tw->by_status[LOAD_STATUS_OK],
		    tw->by_status[LOAD_STATUS_ROOM],
		    tw->sustained ? _("  sustained overload") : "");
	}
	for (size_t t = 0; t < d->n_teams; t++) {
		if (!in_report((long)t, only))
			continue;
		fprintf(out, "\n%s %s\n", d->teams[t].code, d->teams[t].name);
		fprintf(out, "  %-7s %s %5s %8s %6s %6s %6s %6s %6s %-6s\n",
		    _("CODE"), text_fit(cell, sizeof cell, _("NAME"), 24, false),
		    _("FTE"), _("CAPACITY"), _("CASES"), _("INTAKE"), _("SIDE"),
		    _("DEMAND"), _("LOAD"), _("STATUS"));
		for (size_t i = 0; i < d->n_employees; i++) {
			const struct employee *em = &d->employees[i];
			const struct employee_week *ew = &w->employees[i];
			if (em->team_id != d->teams[t].id || !ew->counted)
				continue;
			fprintf(out, "  %-7s %s %5.2f %8.1f %6.1f %6.1f %6.1f "
			    "%6.1f %6s %-6s%s\n", em->code,
			    text_fit(cell, sizeof cell, em->name, 24, false),
			    fte(em, s), ew->capacity, ew->case_hours,
			    ew->intake_hours, ew->side_hours, ew->demand,
			    text_load(l, sizeof l, ew->load, ew->counted),
			    workload_status_code(ew->status),
			    isinf(ew->load) ? _("  no capacity")
			    : ew->sustained ? _("  sustained") : "");
		}
	}
}

int
report_write(FILE *out, enum report_format fmt, const struct dataset *d,
    const struct settings *s, const struct week_figures *w, long team,
    struct err *e)
{
	switch (fmt) {
	case REPORT_JSON:
		write_json(out, d, s, w, team);
		break;
	case REPORT_CSV:
		write_csv(out, d, s, w, team);
		break;
	case REPORT_TEXT:
		write_text(out, d, s, w, team);
		break;
	}
	if (fflush(out) != 0 || ferror(out))
		return err_setx(e, EXIT_IOERR, "cannot write the report: %m");
	return 0;
}
