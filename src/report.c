/* report: see include/report.h. Exports use two decimals for hours and three
 * for loads (SPEC §3); the text form is for people: one decimal, whole %. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "err.h"
#include "handover.h"
#include "i18n.h"
#include "makeup.h"
#include "report.h"
#include "text.h"
#include "xmem.h"

/* What was written reached out (a full disk shows at the flush): -1 with
 * e naming what when not. */
static int
flushed(FILE *out, const char *what, struct err *e)
{
	if (fflush(out) != 0 || ferror(out))
		return err_setx(e, EXIT_IOERR, "cannot write the %s: %m", what);
	return 0;
}

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

static int
by_name(const void *pa, const void *pb, void *ctx)
{
	const struct dataset *d = ctx;
	const size_t *a = pa, *b = pb;
	int c = text_name_compare(d->employees[*a].name, d->employees[*b].name);

	return c ? c : (*a > *b) - (*a < *b);
}

void
report_sort_by_name(const struct dataset *d, size_t *idx, size_t n)
{
	qsort_r(idx, n, sizeof *idx, by_name, (void *)d);
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

/* "makeup": each team's make-up (makeup.h) — null for a frozen week,
 * whose figures are history while the cases are not. */
static void
json_makeup(FILE *out, const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long only)
{
	bool first_team = true;

	if (w->frozen) {
		fputs("  \"makeup\": null\n", out);
		return;
	}
	fputs("  \"makeup\": [", out);
	struct makeup *all = makeup_city(d, s, w);
	for (size_t t = 0; t < d->n_teams; t++) {
		struct makeup m;
		bool first = true;
		if (!in_report((long)t, only))
			continue;
		m = all[t]; /* borrowed */
		fputs(first_team ? "\n    {\"team\": " : ",\n    {\"team\": ",
		    out);
		first_team = false;
		report_json_string(out, d->teams[t].code);
		fputs(", \"disciplines\": [", out);
		for (size_t k = 0; k < m.n_disciplines; k++) {
			const struct makeup_discipline *md = &m.disciplines[k];
			fputs(k ? ", {\"discipline\": " : "{\"discipline\": ",
			    out);
			report_json_string(out, md->code);
			fprintf(out, ", \"members\": %d, \"capacity\": %.2f, "
			    "\"demand\": %.2f, \"load\": ", md->members,
			    md->capacity, md->demand);
			json_load(out, md->load, md->capacity > 0 ||
			    md->demand > 0);
			fprintf(out, ", \"over\": %s}", md->over ? "true"
			    : "false");
		}
		fputs("], \"single_point\": [", out);
		for (size_t k = 0; k < m.n_types; k++) {
			if (!m.types[k].single)
				continue;
			fputs(first ? "{\"type\": " : ", {\"type\": ", out);
			first = false;
			report_json_string(out, m.types[k].type->code);
			fprintf(out, ", \"holders\": %d}", m.types[k].holders);
		}
		fprintf(out, "], \"unheld_hours\": %.2f}", m.unheld);
	}
	makeup_city_free(all, d->n_teams);
	fputs(first_team ? "]\n" : "\n  ]\n", out);
}

static void
write_json(FILE *out, const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long only)
{
	char week[WEEK_BUF], date[DATE_BUF];
	bool first = true;

	fprintf(out, "{\n  \"week\": \"%s\",\n  \"monday\": \"%s\",\n"
	    "  \"frozen\": %s,\n", date_format_week(w->monday, week),
	    date_format(w->monday, date), w->frozen ? "true" : "false");
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
		    "\"sustained_members\": %d, \"absent_blocks\": %d}",
		    tw->sustained ? "true" : "false",
		    tw->by_status[LOAD_STATUS_ROOM], tw->by_status[LOAD_STATUS_OK],
		    tw->by_status[LOAD_STATUS_HIGH],
		    tw->by_status[LOAD_STATUS_OVER], tw->sustained_members,
		    tw->absent_blocks);
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
		    "\"closed_cases\": %d, \"intake_blocks\": %d, "
		    "\"absent_blocks\": %d}",
		    ew->counted ? "true" : "false",
		    ew->sustained ? "true" : "false", ew->open_cases,
		    ew->new_cases, ew->closed_cases, ew->blocks,
		    ew->absent_blocks);
	}
	fputs(first ? "],\n" : "\n  ],\n", out);
	json_makeup(out, d, s, w, only);
	fputs("}\n", out);
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
		csv_write_text(out, d->teams[t].code, ',');
		fputc(',', out);
		csv_write_text(out, d->teams[t].code, ',');
		fputc(',', out);
		csv_write_text(out, d->teams[t].name, ',');
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
		csv_write_text(out, t >= 0 ? d->teams[t].code : "", ',');
		fputc(',', out);
		csv_write_text(out, em->code, ',');
		fputc(',', out);
		csv_write_text(out, em->name, ',');
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

const char *
report_status_label(enum load_status st)
{
	/* The words of the TUI: files for machines keep the codes. */
	static const char *const labels[LOAD_STATUS_COUNT] = {
		"", N_("ROOM"), N_("OK"), N_("HIGH"), N_("OVER"),
	};

	return (unsigned)st < LOAD_STATUS_COUNT && *labels[st] ?
	    _(labels[st]) : "";
}

const char *
report_frozen_note(void)
{
	return _("Frozen: the figures as they were saved after the week "
	    "ended; later changes to the data do not alter them.");
}

/* A column of a text table: its heading, the fewest columns it takes. */
struct text_col {
	const char *head;
	int min;
	bool right;
};

/* The width of a column: the wider of its minimum and its heading in the
 * language of the day (CAPACITEIT is wider than CAPACITY). */
static int
col_width(const struct text_col *c)
{
	int w = text_width(_(c->head));

	return w > c->min ? w : c->min;
}

/* One line of a table: indent, the cells fitted to their columns, tail;
 * no spaces at the end. */
static void
text_row(FILE *out, const char *indent, const struct text_col *cols, int n,
    const char *const cells[], const char *tail)
{
	char line[1024], cell[256];
	size_t len;

	snprintf(line, sizeof line, "%s", indent);
	for (int k = 0; k < n; k++) {
		len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s", k ? " " : "",
		    text_fit(cell, sizeof cell, cells[k], col_width(&cols[k]),
		    cols[k].right));
	}
	len = strlen(line);
	snprintf(line + len, sizeof line - len, "%s", tail);
	len = strlen(line);
	while (len > 0 && line[len - 1] == ' ')
		line[--len] = '\0';
	fprintf(out, "%s\n", line);
}

/* The headings of a table as a row. */
static void
text_heads(FILE *out, const char *indent, const struct text_col *cols, int n)
{
	const char *cells[16];

	for (int k = 0; k < n; k++)
		cells[k] = _(cols[k].head);
	text_row(out, indent, cols, n, cells, "");
}

enum { TT_CODE, TT_NAME, TT_CAPACITY, TT_DEMAND, TT_WAITING, TT_LOAD,
	TT_STATUS, TT_BANDS, TT_COUNT };
static const struct text_col team_cols[TT_COUNT] = {
	{ N_("TEAM"), 5, false }, { N_("NAME"), 22, false },
	{ N_("CAPACITY"), 9, true }, { N_("DEMAND"), 9, true },
	{ N_("WAITING"), 7, true }, { N_("LOAD"), 6, true },
	{ N_("STATUS"), 6, false }, { N_("OVER/HIGH/OK/ROOM"), 0, false },
};
enum { TE_CODE, TE_NAME, TE_FTE, TE_CAPACITY, TE_CASES, TE_INTAKE, TE_SIDE,
	TE_DEMAND, TE_LOAD, TE_STATUS, TE_COUNT };
_Static_assert((int)TT_COUNT <= 16 && (int)TE_COUNT <= 16, "cells[16]");
static const struct text_col employee_cols[TE_COUNT] = {
	{ N_("CODE"), 7, false }, { N_("NAME"), 24, false },
	{ N_("FTE"), 5, true }, { N_("CAPACITY"), 8, true },
	{ N_("CASES"), 6, true }, { N_("INTAKE"), 6, true },
	{ N_("SIDE"), 6, true }, { N_("DEMAND"), 6, true },
	{ N_("LOAD"), 6, true }, { N_("STATUS"), 6, false },
};

/* A code or name as the text outputs show it (text.h: text_sanitize);
 * each call needs its own buffer. */
#define CLEAN_BUF 512
#define CLEAN(buf, s) text_sanitize(buf, sizeof buf, s)

/* A team's make-up under its employees: per discipline present its
 * capacity against the demand it may hold; the case types with a single
 * point of cover. */
static void
text_makeup(FILE *out, const struct settings *s, const struct makeup *mp)
{
	char cap[32], dem[32], load[32], code[CLEAN_BUF];
	bool comma = i18n_decimal_comma();
	const struct makeup m = *mp;

	fprintf(out, "\n  %-14s %7s %9s %9s %6s\n", _("MAKE-UP"),
	    _("MEMBERS"), _("CAPACITY"), _("DEMAND"), _("LOAD"));
	for (size_t k = 0; k < m.n_disciplines; k++) {
		const struct makeup_discipline *md = &m.disciplines[k];
		fprintf(out, "  %-14s %7d %9s %9s %6s%s\n",
		    md->code[0] ? CLEAN(code, md->code) : _("(none)"),
		    md->members, text_format_decimal(cap, sizeof cap,
		    md->capacity, 1, comma), text_format_decimal(dem,
		    sizeof dem, md->demand, 1, comma),
		    workload_format_percent(load, sizeof load, md->load, true,
		    s, comma), md->over ? _("  demand exceeds capacity") : "");
	}
	for (size_t k = 0; k < m.n_types; k++) {
		const struct makeup_type *mt = &m.types[k];
		if (!mt->single)
			continue;
		if (mt->holders == 0)
			fprintf(out, _("  ! %s: no member present may hold its "
			    "%d open cases\n"), mt->type->code, mt->open_cases);
		else
			fprintf(out, _("  ! %s: a single point of cover, one "
			    "member present may hold it\n"), mt->type->code);
	}
}

static void
write_text(FILE *out, const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long only)
{
	char week[WEEK_BUF], mon[DATE_BUF], sun[DATE_BUF], bands[64],
	    num[TE_COUNT][32], code[CLEAN_BUF], name[CLEAN_BUF];
	const char *cells[16];
	bool comma = i18n_decimal_comma();
	size_t *order = xcalloc(d->n_employees + 1, sizeof *order), n;
	struct makeup *makeup = w->frozen ? NULL : makeup_city(d, s, w);

	date_format_week(w->monday, week);
	date_format(w->monday, mon);
	date_format(w->monday + 6, sun);
	if (w->frozen)
		fprintf(out, _("Workload, week %s (%s to %s), frozen\n%s\n\n"),
		    week, mon, sun, report_frozen_note());
	else
		fprintf(out, _("Workload, week %s (%s to %s)\n\n"), week, mon,
		    sun);
	text_heads(out, "", team_cols, TT_COUNT);
	for (size_t t = 0; t < d->n_teams; t++) {
		const struct team_week *tw = &w->teams[t];
		const double hours[] = { tw->capacity, tw->demand,
			tw->waiting_hours };

		if (!in_report((long)t, only))
			continue;
		snprintf(bands, sizeof bands, "%d/%d/%d/%d",
		    tw->by_status[LOAD_STATUS_OVER],
		    tw->by_status[LOAD_STATUS_HIGH],
		    tw->by_status[LOAD_STATUS_OK],
		    tw->by_status[LOAD_STATUS_ROOM]);
		cells[TT_CODE] = d->teams[t].code;
		cells[TT_NAME] = d->teams[t].name;
		for (int k = 0; k < 3; k++)
			cells[TT_CAPACITY + k] = text_format_decimal(
			    num[TT_CAPACITY + k], 32, hours[k], 1, comma);
		cells[TT_LOAD] = workload_format_percent(num[TT_LOAD], 32,
		    tw->load, tw->counted, s, comma);
		cells[TT_STATUS] = report_status_label(tw->status);
		cells[TT_BANDS] = bands;
		text_row(out, "", team_cols, TT_COUNT, cells,
		    tw->sustained ? _("  sustained overload") : "");
	}
	for (size_t t = 0; t < d->n_teams; t++) {
		if (!in_report((long)t, only))
			continue;
		fprintf(out, "\n%s %s\n", CLEAN(code, d->teams[t].code),
		    CLEAN(name, d->teams[t].name));
		text_heads(out, "  ", employee_cols, TE_COUNT);
		n = 0;
		for (size_t i = 0; i < d->n_employees; i++)
			if (d->employees[i].team_id == d->teams[t].id &&
			    w->employees[i].counted)
				order[n++] = i;
		report_sort_by_name(d, order, n);
		for (size_t r = 0; r < n; r++) {
			const struct employee *em = &d->employees[order[r]];
			const struct employee_week *ew = &w->employees[order[r]];
			const double hours[] = { ew->capacity, ew->case_hours,
				ew->intake_hours, ew->side_hours, ew->demand };

			cells[TE_CODE] = em->code;
			cells[TE_NAME] = em->name;
			cells[TE_FTE] = text_format_decimal(num[TE_FTE], 32,
			    fte(em, s), 2, comma);
			for (int k = 0; k < 5; k++)
				cells[TE_CAPACITY + k] = text_format_decimal(
				    num[TE_CAPACITY + k], 32, hours[k], 1, comma);
			cells[TE_LOAD] = workload_format_percent(num[TE_LOAD], 32,
			    ew->load, ew->counted, s, comma);
			cells[TE_STATUS] = report_status_label(ew->status);
			char note[160];
			snprintf(note, sizeof note, "%s", isinf(ew->load) ?
			    _("  no capacity") : ew->sustained ?
			    _("  sustained") : "");
			if (ew->absent_blocks > 0) {
				size_t len = strlen(note);
				snprintf(note + len, sizeof note - len,
				    ngettext("  ! %d intake block while absent",
				    "  ! %d intake blocks while absent",
				    ew->absent_blocks), ew->absent_blocks);
			}
			text_row(out, "  ", employee_cols, TE_COUNT, cells,
			    note);
		}
		if (makeup)
			text_makeup(out, s, &makeup[t]);
	}
	makeup_city_free(makeup, d->n_teams);
	free(order);
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
	return flushed(out, "report", e);
}

/* --- intake plans --- */

static const char *
employee_code(const struct dataset *d, int64_t id)
{
	long i = id ? dataset_employee_index(d, id) : -1;

	return i >= 0 ? d->employees[i].code : "";
}

static const char *
employee_name(const struct dataset *d, int64_t id)
{
	long i = id ? dataset_employee_index(d, id) : -1;

	return i >= 0 ? d->employees[i].name : _("(nobody)");
}

static void
json_plan_load(FILE *out, double load)
{
	if (isinf(load))
		fputs("null", out);
	else
		fprintf(out, "%.3f", load);
}

static void
plan_json(FILE *out, const struct dataset *d, const struct plan *p)
{
	char from[WEEK_BUF], date[DATE_BUF];

	fputs("{\n  \"team\": ", out);
	report_json_string(out, d->teams[p->team].code);
	fprintf(out, ",\n  \"from\": \"%s\",\n  \"weeks\": %d,\n",
	    date_format_week(p->first_monday, from), p->weeks);
	fprintf(out, "  \"max_load_before\": %.3f,\n  \"max_load\": %.3f,\n"
	    "  \"equal_split_max_load\": %.3f,\n", p->max_load_before,
	    p->max_load_after, p->equal_split_max_load);
	fprintf(out, "  \"taking_max_load_before\": %.3f,\n"
	    "  \"taking_max_load\": %.3f,\n"
	    "  \"equal_split_taking_max_load\": %.3f,\n  \"changes\": %zu,\n",
	    p->taking_max_before, p->taking_max_after,
	    p->taking_max_equal_split, p->n_changes);
	fputs("  \"blocks\": [", out);
	for (size_t k = 0; k < p->n_slots; k++) {
		const struct plan_slot *sl = &p->slots[k];
		fprintf(out, "%s\n    {\"date\": \"%s\", \"part\": \"%s\", "
		    "\"hours\": %.2f, \"employee\": ", k ? "," : "",
		    date_format(sl->date, date), dataset_part_code(sl->part),
		    sl->hours);
		if (sl->after)
			report_json_string(out, employee_code(d, sl->after));
		else
			fputs("null", out);
		fputs(", \"before\": ", out);
		if (sl->before)
			report_json_string(out, employee_code(d, sl->before));
		else
			fputs("null", out);
		fprintf(out, ", \"changed\": %s, \"before_absent\": %s}",
		    sl->changed ? "true" : "false",
		    sl->before_absent ? "true" : "false");
	}
	fputs(p->n_slots ? "\n  ],\n" : "],\n", out);
	fputs("  \"employees\": [", out);
	for (size_t m = 0; m < p->n_employees; m++) {
		const struct plan_employee *pe = &p->employees[m];
		fprintf(out, "%s\n    {\"code\": ", m ? "," : "");
		report_json_string(out, d->employees[pe->index].code);
		fputs(", \"name\": ", out);
		report_json_string(out, d->employees[pe->index].name);
		fprintf(out, ", \"capacity\": %.2f, \"free_hours\": %.2f, "
		    "\"locked_blocks\": %d, \"blocks_before\": %d, "
		    "\"blocks_after\": %d, \"held_before\": %d, "
		    "\"held_after\": %d, \"load_before\": ", pe->capacity,
		    pe->free_hours, pe->locked_blocks, pe->blocks_before,
		    pe->blocks_after, pe->held_before, pe->held_after);
		json_plan_load(out, pe->load_before);
		fputs(", \"load_after\": ", out);
		json_plan_load(out, pe->load_after);
		fputs(", \"reason\": ", out);
		if (pe->reason)
			report_json_string(out, pe->reason);
		else
			fputs("null", out);
		fputs("}", out);
	}
	fputs(p->n_employees ? "\n  ],\n" : "],\n", out);
	fputs("  \"unfillable\": [", out);
	for (size_t k = 0, n = 0; k < p->n_slots; k++) {
		const struct plan_slot *sl = &p->slots[k];
		if (sl->after)
			continue;
		fprintf(out, "%s\n    {\"date\": \"%s\", \"part\": \"%s\", "
		    "\"reason\": ", n++ ? "," : "", date_format(sl->date, date),
		    dataset_part_code(sl->part));
		report_json_string(out, sl->unfillable_reason);
		fputs("}", out);
	}
	fputs(p->n_unfillable ? "\n  ]\n}\n" : "]\n}\n", out);
}

static const char *
pct(char *buf, size_t size, double load)
{
	if (isinf(load))
		snprintf(buf, size, "—");
	else
		snprintf(buf, size, "%.0f%%", load * 100.0);
	return buf;
}

struct plan_names {
	const struct dataset *d;
	const struct plan *p;
};

/* Plan rows (indices into p->employees) by the employee's name. */
static int
by_plan_name(const void *pa, const void *pb, void *ctx)
{
	const struct plan_names *x = ctx;
	const size_t *a = pa, *b = pb;

	return text_name_compare(
	    x->d->employees[x->p->employees[*a].index].name,
	    x->d->employees[x->p->employees[*b].index].name);
}

/* The blocks of the horizon that are held by someone absent that day and
 * that the plan leaves with them (locked ones; all of them when the plan
 * is not applied): they need cover. */
static void
plan_text_absent(FILE *out, const struct dataset *d, const struct plan *p)
{
	char date[DATE_BUF], name[CLEAN_BUF];
	int64_t team_id = d->teams[p->team].id;
	int last = p->first_monday + 7 * p->weeks - 1;
	size_t n = 0;

	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		if (b->team_id != team_id || b->date < p->first_monday ||
		    b->date > last || !workload_block_needs_cover(d, b))
			continue;
		if (n++ == 0)
			fprintf(out, _("\n! Held by someone absent that "
			    "day:\n"));
		fprintf(out, "  %s %-7s %s%s\n", date_format(b->date, date),
		    dataset_part_code(b->part), CLEAN(name, employee_name(d,
		    b->employee_id)), b->locked ? _(" (locked)") : "");
	}
}

static void
plan_text(FILE *out, const struct dataset *d, const struct plan *p)
{
	char from[WEEK_BUF], to[WEEK_BUF], date[DATE_BUF], a[16], b[16],
	    cell[128], cell2[128], code[CLEAN_BUF], name[CLEAN_BUF];
	struct plan_names ctx = { d, p };
	size_t *order = xcalloc(p->n_employees + 1, sizeof *order);

	fprintf(out, _("Intake plan for %s %s, %s to %s (%d weeks, %zu "
	    "slots)\n"), CLEAN(code, d->teams[p->team].code),
	    CLEAN(name, d->teams[p->team].name),
	    date_format_week(p->first_monday, from),
	    date_format_week(p->first_monday + 7 * (p->weeks - 1), to),
	    p->weeks, p->n_slots);
	fprintf(out, _("Highest projected load: now %s; equal split %s; "
	    "balanced %s.\n"), pct(a, sizeof a, p->max_load_before),
	    pct(b, sizeof b, p->equal_split_max_load),
	    pct(cell, sizeof cell, p->max_load_after));
	fprintf(out, _("Of those taking intake blocks: now %s; equal split "
	    "%s; balanced %s.\n"), pct(a, sizeof a, p->taking_max_before),
	    pct(b, sizeof b, p->taking_max_equal_split),
	    pct(cell, sizeof cell, p->taking_max_after));
	fprintf(out, _("%zu of %zu slots change; %zu cannot be filled.\n\n"),
	    p->n_changes, p->n_slots, p->n_unfillable);
	fprintf(out, "%-7s %s %8s %8s %15s  %s\n", _("CODE"),
	    text_fit(cell, sizeof cell, _("NAME"), 24, false), _("FREE H"),
	    _("BLOCKS"), _("LOAD NOW→PLAN"), _("WHY NONE"));
	for (size_t m = 0; m < p->n_employees; m++)
		order[m] = m;
	qsort_r(order, p->n_employees, sizeof *order, by_plan_name,
	    (void *)&ctx);
	for (size_t r = 0; r < p->n_employees; r++) {
		const struct plan_employee *pe = &p->employees[order[r]];
		char blocks[32], loads[48], loads_cell[64], free_h[32];
		snprintf(blocks, sizeof blocks, "%d → %d", pe->held_before,
		    pe->held_after);
		snprintf(loads, sizeof loads, "%s → %s",
		    pct(a, sizeof a, pe->load_before),
		    pct(b, sizeof b, pe->load_after));
		fprintf(out, "%-7s %s %8s %s %s  %s\n",
		    CLEAN(code, d->employees[pe->index].code),
		    text_fit(cell, sizeof cell, d->employees[pe->index].name, 24,
		    false), text_format_decimal(free_h, sizeof free_h,
		    pe->free_hours, 1, i18n_decimal_comma()),
		    text_fit(cell2, sizeof cell2, blocks, 8, true),
		    text_fit(loads_cell, sizeof loads_cell, loads, 15, true),
		    pe->reason ? _(pe->reason) : "");
	}
	if (p->n_changes)
		fprintf(out, _("\nChanges:\n"));
	for (size_t k = 0; k < p->n_slots; k++) {
		const struct plan_slot *sl = &p->slots[k];
		if (!sl->changed)
			continue;
		fprintf(out, "  %s %-7s %s%s → %s%s%s\n",
		    date_format(sl->date, date), dataset_part_code(sl->part),
		    CLEAN(code, employee_name(d, sl->before)), sl->before_absent ?
		    _(" (absent)") : "", CLEAN(name, employee_name(d, sl->after)),
		    sl->after ? "" : ": ",
		    sl->after ? "" : _(sl->unfillable_reason));
	}
	plan_text_absent(out, d, p);
	for (size_t k = 0, n = 0; k < p->n_slots; k++) {
		const struct plan_slot *sl = &p->slots[k];
		if (sl->after || sl->changed)
			continue;
		if (n++ == 0)
			fprintf(out, _("\nUnfillable:\n"));
		fprintf(out, "  %s %-7s %s\n", date_format(sl->date, date),
		    dataset_part_code(sl->part), _(sl->unfillable_reason));
	}
	free(order);
}

int
report_plan(FILE *out, enum report_format fmt, const struct dataset *d,
    const struct plan *plan, struct err *e)
{
	if (fmt == REPORT_JSON)
		plan_json(out, d, plan);
	else
		plan_text(out, d, plan);
	return flushed(out, "plan", e);
}

/* --- a hand-over --- */

/* The highest load after the hand-over over every colleague. */
static double
handover_max(const struct handover *h, enum handover_way cw,
    enum handover_way bw)
{
	double max = 0;

	for (size_t k = 0; k < h->n_colleagues; k++)
		max = fmax(max, handover_load_after(h, k, cw, bw));
	return max;
}

/* The best possible highest load: the cases' solver's bound, or, when no
 * case went through it, what the planner (exact) made of the blocks. */
static double
handover_bound(const struct handover *h, double max)
{
	return h->fair.n_placed > 0 ? fmin(h->fair.lower_bound, max) : max;
}

static void
handover_json(FILE *out, const struct dataset *d, const struct handover *h,
    enum handover_way cw, enum handover_way bw)
{
	char date[DATE_BUF];
	double max = handover_max(h, cw, bw);

	fputs("{\n  \"employee\": ", out);
	report_json_string(out, employee_code(d, h->employee_id));
	fprintf(out, ",\n  \"kind\": \"%s\",\n", h->kind == HANDOVER_COVER
	    ? "cover" : h->kind == HANDOVER_RETURN ? "return" : "change");
	fprintf(out, "  \"from\": \"%s\",\n", date_format(h->from, date));
	fprintf(out, "  \"to\": \"%s\",\n", date_format(h->to, date));
	fputs("  \"cases\": [", out);
	for (size_t i = 0; i < h->n_cases; i++) {
		const struct handover_item *it = &h->cases[i];
		const struct case_item *c = &d->cases[it->index];
		int64_t to = handover_receiver(h, it, cw);
		fprintf(out, "%s\n    {\"ref\": ", i ? "," : "");
		report_json_string(out, c->ref);
		fputs(", \"type\": ", out);
		report_json_string(out, c->type);
		fputs(", \"from\": ", out);
		report_json_string(out, employee_code(d, it->holder));
		fputs(", \"to\": ", out);
		if (to && to != it->holder)
			report_json_string(out, employee_code(d, to));
		else
			fputs("null", out);
		fprintf(out, ", \"hours\": %.2f, \"reason\": ", it->hours);
		if (it->reason && (to == 0 || to == it->holder))
			report_json_string(out, it->reason);
		else
			fputs("null", out);
		fputs("}", out);
	}
	fputs(h->n_cases ? "\n  ],\n" : "],\n", out);
	fputs("  \"blocks\": [", out);
	for (size_t i = 0; i < h->n_blocks; i++) {
		const struct handover_item *it = &h->blocks[i];
		const struct block *b = &d->blocks[it->index];
		int64_t to = handover_receiver(h, it, bw);
		fprintf(out, "%s\n    {\"date\": \"%s\", \"part\": \"%s\", "
		    "\"from\": ", i ? "," : "", date_format(b->date, date),
		    dataset_part_code(b->part));
		report_json_string(out, employee_code(d, it->holder));
		fputs(", \"to\": ", out);
		if (to && to != it->holder)
			report_json_string(out, employee_code(d, to));
		else
			fputs("null", out);
		fputs(", \"reason\": ", out);
		if (to == 0 && it->reason)
			report_json_string(out, it->reason);
		else
			fputs(to == 0 ? "\"left unfilled\"" : "null", out);
		fputs("}", out);
	}
	fputs(h->n_blocks ? "\n  ],\n" : "],\n", out);
	fputs("  \"employees\": [", out);
	for (size_t k = 0; k < h->n_colleagues; k++) {
		fprintf(out, "%s\n    {\"code\": ", k ? "," : "");
		report_json_string(out,
		    d->employees[h->colleagues[k].index].code);
		fprintf(out, ", \"load_before\": %.4f, \"load_after\": %.4f}",
		    handover_load_before(h, k),
		    handover_load_after(h, k, cw, bw));
	}
	fputs(h->n_colleagues ? "\n  ],\n" : "],\n", out);
	fprintf(out, "  \"max_load\": %.4f,\n  \"lower_bound\": %.4f,\n"
	    "  \"taking_max_load\": %.4f,\n  \"taking_lower_bound\": %.4f,\n"
	    "  \"exact\": %s\n}\n", max, handover_bound(h, max),
	    h->fair.taking_max, h->fair.taking_bound,
	    h->fair.n_placed == 0 || h->fair.exact ? "true" : "false");
}

/* "Esther de Vries" or the waiting list / nobody. */
static const char *
receiver_name(const struct dataset *d, int64_t id, bool is_case)
{
	return id ? employee_name(d, id)
		  : is_case ? _("the waiting list") : _("nobody (unfilled)");
}

static void
handover_text(FILE *out, const struct dataset *d, const struct handover *h,
    enum handover_way cw, enum handover_way bw)
{
	char from[DATE_BUF], to[DATE_BUF], a[16], b[16], name[CLEAN_BUF],
	    who[CLEAN_BUF], cell[128];
	long ei = dataset_employee_index(d, h->employee_id);
	double max = handover_max(h, cw, bw), bound = handover_bound(h, max);

	fprintf(out, h->kind == HANDOVER_RETURN ? _("Back from absence: %s "
	    "(%s), %s to %s\n") : h->kind == HANDOVER_COVER ? _("Cover for "
	    "%s (%s), %s to %s\n") : _("Hand-over from %s (%s), %s to %s\n"),
	    CLEAN(name, ei >= 0 ? d->employees[ei].name : "?"),
	    CLEAN(who, employee_code(d, h->employee_id)),
	    date_format(h->from, from), date_format(h->to, to));
	if (h->n_cases)
		fprintf(out, _("\nCases (%zu):\n"), h->n_cases);
	for (size_t i = 0; i < h->n_cases; i++) {
		const struct handover_item *it = &h->cases[i];
		const struct case_item *c = &d->cases[it->index];
		int64_t r = handover_receiver(h, it, cw);
		bool moves = r != it->holder;
		char holder[CLEAN_BUF] = "";
		if (it->holder != h->employee_id) /* a return: from whom */
			snprintf(holder, sizeof holder, "%s ",
			    employee_name(d, it->holder));
		fprintf(out, "  %-15s %-5s %s%s%s%s%s\n", CLEAN(name, c->ref),
		    c->type, holder, moves ? "→ " : "", moves ? CLEAN(who,
		    receiver_name(d, r, true)) : _("stays"),
		    (!moves || r == 0) && it->reason ? ": " : "",
		    (!moves || r == 0) && it->reason ? _(it->reason) : "");
	}
	if (h->n_blocks)
		fprintf(out, _("\nIntake blocks (%zu):\n"), h->n_blocks);
	for (size_t i = 0; i < h->n_blocks; i++) {
		const struct handover_item *it = &h->blocks[i];
		const struct block *bl = &d->blocks[it->index];
		int64_t r = handover_receiver(h, it, bw);
		fprintf(out, "  %s %-7s → %s%s%s\n", date_format(bl->date, from),
		    dataset_part_code(bl->part), CLEAN(who, receiver_name(d, r,
		    false)), r == 0 && it->reason ? ": " : "",
		    r == 0 && it->reason ? _(it->reason) : "");
	}
	if (!handover_needed(h))
		return;
	fprintf(out, ngettext("\nLoads over %d week from %s (demand / "
	    "capacity):\n", "\nLoads over %d weeks from %s (demand / "
	    "capacity):\n", h->weeks), h->weeks,
	    date_format(h->first_monday, from));
	for (size_t k = 0; k < h->n_colleagues; k++) {
		int nc = handover_taken(h, k, true, cw);
		int nb = handover_taken(h, k, false, bw);
		double before = handover_load_before(h, k);
		double after = handover_load_after(h, k, cw, bw);
		if (nc == 0 && nb == 0 && fabs(after - before) < 1e-9)
			continue;
		char loads[64];
		snprintf(loads, sizeof loads, "%s → %s", pct(a, sizeof a,
		    before), pct(b, sizeof b, after));
		fprintf(out, "  %-7s %s %s", CLEAN(who,
		    d->employees[h->colleagues[k].index].code),
		    text_fit(name, sizeof name,
		    d->employees[h->colleagues[k].index].name, 24, false),
		    text_fit(cell, sizeof cell, loads, 13, true));
		if (nc)
			fprintf(out, ngettext("  +%d case", "  +%d cases", nc),
			    nc);
		if (nb)
			fprintf(out, ngettext("  +%d intake block",
			    "  +%d intake blocks", nb), nb);
		fputc('\n', out);
	}
	fprintf(out, ngettext("\nHighest load after, of the %zu colleague "
	    "who can take over: %s; lower bound %s.\n", "\nHighest load "
	    "after, of the %zu colleagues who can take over: %s; lower bound "
	    "%s.\n", h->n_colleagues), h->n_colleagues,
	    pct(a, sizeof a, max), pct(b, sizeof b, bound));
	if (h->fair.n_placed > 0) {
		const struct cover_result *f = &h->fair;
		if (f->exact)
			fprintf(out, _("Of those taking cases: highest %s, the "
			    "best possible (a simple bound: %s).\n"),
			    pct(a, sizeof a, f->taking_max),
			    pct(b, sizeof b, f->taking_bound));
		else
			fprintf(out, _("Of those taking cases: highest %s; the "
			    "best possible is at least %s (at most %.1f%% above "
			    "it).\n"), pct(a, sizeof a, f->taking_max),
			    pct(b, sizeof b, f->taking_bound),
			    f->taking_bound > 0 ? (f->taking_max /
			    f->taking_bound - 1) * 100 : 0.0);
	}
}

int
report_handover(FILE *out, enum report_format fmt, const struct dataset *d,
    const struct handover *h, enum handover_way cases,
    enum handover_way blocks, struct err *e)
{
	if (fmt == REPORT_JSON)
		handover_json(out, d, h, cases, blocks);
	else
		handover_text(out, d, h, cases, blocks);
	return flushed(out, "hand-over", e);
}

/* --- forecasts --- */

/* A forecast load in a file: three decimals, empty / null when infinite
 * or not counted. */
static void
forecast_num(FILE *out, double load, bool counted, bool json)
{
	if (!counted || isinf(load))
		fputs(json ? "null" : "", out);
	else
		fprintf(out, "%.3f", load);
}

static void
forecast_json_weeks(FILE *out, const struct forecast *f,
    const struct forecast_week *row, const struct settings *s)
{
	char week[WEEK_BUF];
	int over = forecast_over_in(row, f->weeks, s);

	fputs(", \"over_in\": ", out);
	if (over)
		fprintf(out, "%d", over);
	else
		fputs("null", out);
	fputs(", \"weeks\": [", out);
	for (int k = 0; k < f->weeks; k++) {
		fprintf(out, "%s{\"week\": \"%s\", \"p10\": ", k ? ", " : "",
		    date_format_week(f->from + 7 * k, week));
		forecast_num(out, row[k].p10, row[k].counted, true);
		fputs(", \"p50\": ", out);
		forecast_num(out, row[k].p50, row[k].counted, true);
		fputs(", \"p90\": ", out);
		forecast_num(out, row[k].p90, row[k].counted, true);
		fputc('}', out);
	}
	fputs("]}", out);
}

/* Does a forecast row show anyone at all (an employee long gone does not)? */
static bool
row_counted(const struct forecast_week *row, int weeks)
{
	for (int k = 0; k < weeks; k++)
		if (row[k].counted)
			return true;
	return false;
}

static void
forecast_json(FILE *out, const struct dataset *d, const struct settings *s,
    const struct forecast *f, long only)
{
	char week[WEEK_BUF];
	bool first = true;

	fprintf(out, "{\n  \"from\": \"%s\",\n  \"teams\": [",
	    date_format_week(f->from, week));
	for (size_t t = 0; t < d->n_teams; t++) {
		if (!in_report((long)t, only))
			continue;
		fputs(first ? "\n    {" : ",\n    {", out);
		first = false;
		fputs("\"code\": ", out);
		report_json_string(out, d->teams[t].code);
		forecast_json_weeks(out, f, forecast_team_week(f, t, 0), s);
	}
	fputs(first ? "],\n" : "\n  ],\n", out);
	first = true;
	fputs("  \"employees\": [", out);
	for (size_t i = 0; f->employees && i < d->n_employees; i++) {
		const struct forecast_week *row = forecast_employee_week(f, i,
		    0);
		long t = dataset_team_index(d, d->employees[i].team_id);

		if (!in_report(t, only) || !row_counted(row, f->weeks))
			continue;
		fputs(first ? "\n    {" : ",\n    {", out);
		first = false;
		fputs("\"code\": ", out);
		report_json_string(out, d->employees[i].code);
		fputs(", \"team\": ", out);
		report_json_string(out, t >= 0 ? d->teams[t].code : "");
		forecast_json_weeks(out, f, row, s);
	}
	fputs(first ? "]\n}\n" : "\n  ]\n}\n", out);
}

static void
forecast_csv_rows(FILE *out, const struct forecast *f, const char *kind,
    const char *team, const char *code, const struct forecast_week *row)
{
	char week[WEEK_BUF];

	for (int k = 0; k < f->weeks; k++) {
		fprintf(out, "%s,%s,", date_format_week(f->from + 7 * k, week),
		    kind);
		csv_write_text(out, team, ',');
		fputc(',', out);
		csv_write_text(out, code, ',');
		fputc(',', out);
		forecast_num(out, row[k].p10, row[k].counted, false);
		fputc(',', out);
		forecast_num(out, row[k].p50, row[k].counted, false);
		fputc(',', out);
		forecast_num(out, row[k].p90, row[k].counted, false);
		fputs("\r\n", out);
	}
}

static void
forecast_csv(FILE *out, const struct dataset *d, const struct forecast *f,
    long only)
{
	fputs("week,kind,team,code,p10,p50,p90\r\n", out);
	for (size_t t = 0; t < d->n_teams; t++)
		if (in_report((long)t, only))
			forecast_csv_rows(out, f, "team", d->teams[t].code,
			    d->teams[t].code, forecast_team_week(f, t, 0));
	for (size_t i = 0; f->employees && i < d->n_employees; i++) {
		const struct forecast_week *row = forecast_employee_week(f, i,
		    0);
		long t = dataset_team_index(d, d->employees[i].team_id);

		if (in_report(t, only) && row_counted(row, f->weeks))
			forecast_csv_rows(out, f, "employee", t >= 0 ?
			    d->teams[t].code : "", d->employees[i].code, row);
	}
}

static const char *
forecast_pct(char *buf, size_t size, double load, bool counted,
    const struct settings *s)
{
	return workload_format_percent(buf, size, load, counted, s,
	    i18n_decimal_comma());
}

static void
forecast_text(FILE *out, const struct dataset *d, const struct settings *s,
    const struct forecast *f, long only)
{
	char week[WEEK_BUF], code[CLEAN_BUF], name[CLEAN_BUF], p[3][32];

	fprintf(out, _("Forecast of the load from %s, %d weeks ahead: the "
	    "median (P50) and the\nrange that holds the outcome 8 times in "
	    "10 (P10 to P90).\n"), date_format_week(f->from, week), f->weeks);
	for (size_t t = 0; t < d->n_teams; t++) {
		const struct forecast_week *row = forecast_team_week(f, t, 0);
		int over = forecast_over_in(row, f->weeks, s);

		if (!in_report((long)t, only))
			continue;
		fprintf(out, "\n%s %s", CLEAN(code, d->teams[t].code),
		    CLEAN(name, d->teams[t].name));
		if (over)
			fprintf(out, ngettext(": OVER in %d week",
			    ": OVER in %d weeks", over), over);
		fprintf(out, "\n  %-9s %7s %7s %7s\n", _("WEEK"), "P10", "P50",
		    "P90");
		for (int k = 0; k < f->weeks; k++) {
			fprintf(out, "  %-9s %7s %7s %7s  %s\n",
			    date_format_week(f->from + 7 * k, week),
			    forecast_pct(p[0], 32, row[k].p10, row[k].counted, s),
			    forecast_pct(p[1], 32, row[k].p50, row[k].counted, s),
			    forecast_pct(p[2], 32, row[k].p90, row[k].counted, s),
			    report_status_label(workload_status(row[k].p50,
			    row[k].counted, s)));
		}
	}
}

int
report_forecast(FILE *out, enum report_format fmt, const struct dataset *d,
    const struct settings *s, const struct forecast *f, long team,
    struct err *e)
{
	switch (fmt) {
	case REPORT_JSON:
		forecast_json(out, d, s, f, team);
		break;
	case REPORT_CSV:
		forecast_csv(out, d, f, team);
		break;
	case REPORT_TEXT:
		forecast_text(out, d, s, f, team);
		break;
	}
	return flushed(out, "forecast", e);
}

int
report_backtest(FILE *out, enum report_format fmt,
    const struct forecast_score sc[FORECAST_BACKTEST_HORIZONS], struct err *e)
{
	if (fmt == REPORT_JSON) {
		fputs("{\"backtest\": [", out);
		for (int h = 0; h < FORECAST_BACKTEST_HORIZONS; h++)
			fprintf(out, "%s\n  {\"horizon\": %d, \"coverage\": "
			    "%.3f, \"mae\": %.3f, \"mae_last\": %.3f, "
			    "\"mae_trend\": %.3f, \"n\": %d}", h ? "," : "",
			    sc[h].horizon, sc[h].coverage, sc[h].mae,
			    sc[h].mae_last, sc[h].mae_trend, sc[h].n);
		fputs("\n]}\n", out);
	} else {
		bool comma = i18n_decimal_comma();
		fputs(_("Backtest: forecasts made in past weeks from the data "
		    "known then, against\nthe load those weeks had. IN BAND: "
		    "how often it fell in the 80% range;\nERROR: the median's "
		    "mean error in percentage points, next to two naive\n"
		    "forecasts: the last week's load, and the line through the "
		    "last 8 weeks.\n\n"), out);
		fprintf(out, "%-8s %9s %9s %11s %11s %6s\n", _("AHEAD"),
		    _("IN BAND"), _("ERROR"), _("LAST WEEK"), _("TREND"), "N");
		for (int h = 0; h < FORECAST_BACKTEST_HORIZONS; h++) {
			char ahead[64], a[32], b[32], c[32];

			snprintf(ahead, sizeof ahead, ngettext("%d week",
			    "%d weeks", sc[h].horizon), sc[h].horizon);
			fprintf(out, "%-8s %8.0f%% %9s %11s %11s %6d\n",
			    ahead, sc[h].coverage * 100,
			    text_format_decimal(a, sizeof a, sc[h].mae * 100, 1,
			    comma), text_format_decimal(b, sizeof b,
			    sc[h].mae_last * 100, 1, comma),
			    text_format_decimal(c, sizeof c,
			    sc[h].mae_trend * 100, 1, comma), sc[h].n);
		}
	}
	return flushed(out, "backtest", e);
}
