/* export: see include/export.h. Every format walks the same rows: the teams
 * of the request and, per team, its counted employees (the ones the team's
 * figures add up; SPEC §3.11). The text formats write to a FILE *; xlsx is
 * built by libxlsxwriter, which writes to a path, so it always goes through
 * a file. Numbers follow SPEC §3: hours with two decimals, loads as a
 * fraction with three (csv, json) or as a percentage with one decimal, the
 * same precision (md, html, xlsx, excel-nl csv, for people). What people
 * read follows the language of the messages (SPEC §6): headings, status
 * words, decimal commas; csv and json for machines never change. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "afile.h"
#include "csv.h"
#include "date.h"
#include "err.h"
#include "export.h"
#include "i18n.h"
#include "makeup.h"
#include "report.h"
#include "text.h"
#include "xmem.h"

#define NUM_BUF 64

/* What every writer reads: the request, the figures, and the rows. */
struct summary {
	const struct export_request *rq;
	const struct dataset *d;
	const struct settings *s;
	const struct week_figures *w;
	char week[WEEK_BUF], monday[DATE_BUF], sunday[DATE_BUF],
	    generated[DATE_BUF];
	bool comma; /* decimal commas for people (Dutch) */
	/* Counted employees grouped by team, by name within a team:
	 * team t's rows are order[first[t] .. first[t + 1] - 1]. */
	size_t *order, *first;
	size_t done, total; /* teams written, for progress */
};

int
export_format_parse(const char *s)
{
	static const char *const names[] = {
		[EXPORT_CSV] = "csv", [EXPORT_JSON] = "json",
		[EXPORT_MD] = "md", [EXPORT_XLSX] = "xlsx",
		[EXPORT_HTML] = "html",
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

int
export_dialect_parse(const char *s)
{
	if (strcmp(s, "rfc4180") == 0)
		return EXPORT_RFC4180;
	if (strcmp(s, "excel-nl") == 0)
		return EXPORT_EXCEL_NL;
	return -1;
}

/* --- the rows --- */

static void
summary_init(struct summary *x, const struct export_request *rq,
    const struct dataset *d, const struct settings *s,
    const struct week_figures *w)
{
	size_t *fill;

	memset(x, 0, sizeof *x);
	x->rq = rq;
	x->d = d;
	x->s = s;
	x->w = w;
	date_format_week(w->monday, x->week);
	date_format(w->monday, x->monday);
	date_format(w->monday + 6, x->sunday);
	date_format(rq->generated, x->generated);

	/* A counting sort: one pass to count, one to place. */
	x->first = xcalloc(d->n_teams + 1, sizeof *x->first);
	x->order = xcalloc(d->n_employees ? d->n_employees : 1,
	    sizeof *x->order);
	for (size_t i = 0; i < d->n_employees; i++) {
		long t = dataset_team_index(d, d->employees[i].team_id);
		if (t >= 0 && w->employees[i].counted)
			x->first[t + 1]++;
	}
	for (size_t t = 0; t < d->n_teams; t++)
		x->first[t + 1] += x->first[t];
	fill = xmalloc((d->n_teams ? d->n_teams : 1) * sizeof *fill);
	memcpy(fill, x->first, d->n_teams * sizeof *fill);
	for (size_t i = 0; i < d->n_employees; i++) {
		long t = dataset_team_index(d, d->employees[i].team_id);
		if (t >= 0 && w->employees[i].counted)
			x->order[fill[t]++] = i;
	}
	free(fill);
	for (size_t t = 0; t < d->n_teams; t++) {
		report_sort_by_name(d, x->order + x->first[t],
		    x->first[t + 1] - x->first[t]);
		if (rq->team < 0 || (long)t == rq->team)
			x->total++;
	}
	x->comma = i18n_decimal_comma();
}

static void
summary_clear(struct summary *x)
{
	free(x->order);
	free(x->first);
}

static bool
in_export(const struct summary *x, size_t t)
{
	return x->rq->team < 0 || (long)t == x->rq->team;
}

/* One more team written: tell the caller how far we are. */
static void
step(struct summary *x)
{
	x->done++;
	if (x->rq->progress && x->total)
		x->rq->progress(x->rq->ctx, (double)x->done / (double)x->total);
}

static double
fte(const struct summary *x, size_t i)
{
	return x->d->employees[i].contract_hours / x->s->fulltime_hours;
}

static bool
has_load(double load, bool counted)
{
	return counted && isfinite(load);
}

/* v as the text formats write it, so the workbook holds the very same
 * number (printf rounds a tie to even, round() away from zero). */
static double
as_written(double v, int decimals)
{
	char buf[NUM_BUF];

	return strtod(text_format_decimal(buf, sizeof buf, v, decimals, false),
	    NULL);
}

/* Headings of the people's formats (md, html, xlsx). */
enum team_col { TC_CODE, TC_NAME, TC_MEMBERS, TC_CAPACITY, TC_DEMAND,
	TC_CASE, TC_INTAKE, TC_SIDE, TC_WAITING, TC_WAITING_H, TC_LOAD,
	TC_STATUS, TC_BANDS, TC_SUSTAINED, TC_SUSTAINED_MEMBERS, TC_COUNT };
enum employee_col { EC_CODE, EC_NAME, EC_FTE, EC_AVAILABLE, EC_CAPACITY,
	EC_CASE, EC_INTAKE, EC_SIDE, EC_DEMAND, EC_LOAD, EC_STATUS, EC_OPEN,
	EC_NEW, EC_CLOSED, EC_SUSTAINED, EC_COUNT };

#define MAX_COLS 16 /* of either table */
_Static_assert((int)TC_COUNT <= MAX_COLS && (int)EC_COUNT <= MAX_COLS,
    "MAX_COLS");

static const char *const team_heads[TC_COUNT] = {
	N_("Team"), N_("Name"), N_("Members"), N_("Capacity"), N_("Demand"),
	N_("Case hours"), N_("Intake hours"), N_("Side hours"),
	N_("Waiting cases"), N_("Waiting hours"), N_("Load"), N_("Status"),
	N_("Members OVER/HIGH/OK/ROOM"), N_("Sustained overload"),
	N_("Members in sustained overload"),
};
static const char *const employee_heads[EC_COUNT] = {
	N_("Code"), N_("Name"), N_("FTE"), N_("Available"), N_("Capacity"),
	N_("Case hours"), N_("Intake hours"), N_("Side hours"), N_("Demand"),
	N_("Load"), N_("Status"), N_("Open cases"), N_("New cases"),
	N_("Closed cases"), N_("Sustained overload"),
};
/* The status bands in the order people read them in a team row; xlsx
 * gives each its column where md and html have TC_BANDS. */
static const enum load_status bands[] = { LOAD_STATUS_OVER, LOAD_STATUS_HIGH,
	LOAD_STATUS_OK, LOAD_STATUS_ROOM };
#define N_BANDS (sizeof bands / sizeof bands[0])
static const char *const band_heads[N_BANDS] = {
	N_("Members OVER"), N_("Members HIGH"), N_("Members OK"),
	N_("Members ROOM"),
};

/* "104.2%" ("104,2%" with a decimal comma), "— (no capacity)" or "" (not
 * counted), for people. */
static const char *
load_text(char *buf, double load, bool counted, bool comma)
{
	if (!counted)
		buf[0] = '\0';
	else if (isinf(load))
		snprintf(buf, NUM_BUF, "— (%s)", _("no capacity"));
	else
		strcat(text_format_decimal(buf, NUM_BUF, load * 100.0, 1,
		    comma), "%");
	return buf;
}

/* A yes/no flag for people: "yes" or nothing, in md, html, xlsx and the
 * excel-nl csv alike. */
static const char *
flag_text(bool on)
{
	return on ? _("yes") : "";
}

/* "2/3/10/4": members per band, OVER first, as in the text report. */
static const char *
bands_text(char *buf, const struct team_week *tw)
{
	snprintf(buf, NUM_BUF, "%d/%d/%d/%d", tw->by_status[bands[0]],
	    tw->by_status[bands[1]], tw->by_status[bands[2]],
	    tw->by_status[bands[3]]);
	return buf;
}

/* The cells of a team / employee row as text, for md and html: cells[k]
 * points into buf[k] or at borrowed names. */
static void
team_cells(const struct summary *x, size_t t, const char *cells[],
    char (*buf)[NUM_BUF])
{
	const struct team_week *tw = &x->w->teams[t];
	const double hours[] = { tw->capacity, tw->demand, tw->case_hours,
		tw->intake_hours, tw->side_hours };

	cells[TC_CODE] = x->d->teams[t].code;
	cells[TC_NAME] = x->d->teams[t].name;
	snprintf(buf[TC_MEMBERS], NUM_BUF, "%d", tw->members);
	cells[TC_MEMBERS] = buf[TC_MEMBERS];
	for (int k = 0; k < 5; k++)
		cells[TC_CAPACITY + k] = text_format_decimal(
		    buf[TC_CAPACITY + k], NUM_BUF, hours[k], 2, x->comma);
	snprintf(buf[TC_WAITING], NUM_BUF, "%d", tw->waiting_cases);
	cells[TC_WAITING] = buf[TC_WAITING];
	cells[TC_WAITING_H] = text_format_decimal(buf[TC_WAITING_H], NUM_BUF,
	    tw->waiting_hours, 2, x->comma);
	cells[TC_LOAD] = load_text(buf[TC_LOAD], tw->load, tw->counted,
	    x->comma);
	cells[TC_STATUS] = report_status_label(tw->status);
	cells[TC_BANDS] = bands_text(buf[TC_BANDS], tw);
	cells[TC_SUSTAINED] = flag_text(tw->sustained);
	snprintf(buf[TC_SUSTAINED_MEMBERS], NUM_BUF, "%d",
	    tw->sustained_members);
	cells[TC_SUSTAINED_MEMBERS] = buf[TC_SUSTAINED_MEMBERS];
}

static void
employee_cells(const struct summary *x, size_t i, const char *cells[],
    char (*buf)[NUM_BUF])
{
	const struct employee_week *ew = &x->w->employees[i];
	const double hours[] = { fte(x, i), ew->available, ew->capacity,
		ew->case_hours, ew->intake_hours, ew->side_hours, ew->demand };
	const int counts[] = { ew->open_cases, ew->new_cases,
		ew->closed_cases };

	cells[EC_CODE] = x->d->employees[i].code;
	cells[EC_NAME] = x->d->employees[i].name;
	for (int k = 0; k < 7; k++)
		cells[EC_FTE + k] = text_format_decimal(buf[EC_FTE + k],
		    NUM_BUF, hours[k], 2, x->comma);
	cells[EC_LOAD] = load_text(buf[EC_LOAD], ew->load, ew->counted,
	    x->comma);
	cells[EC_STATUS] = report_status_label(ew->status);
	for (int k = 0; k < 3; k++) {
		snprintf(buf[EC_OPEN + k], NUM_BUF, "%d", counts[k]);
		cells[EC_OPEN + k] = buf[EC_OPEN + k];
	}
	cells[EC_SUSTAINED] = flag_text(ew->sustained);
}

/* Column alignment in md and html: l text, r numbers. */
static const char team_align[TC_COUNT + 1] = "llrrrrrrrrrlrlr";
static const char employee_align[EC_COUNT + 1] = "llrrrrrrrrlrrrl";

/* --- csv: one table, a row per team then a row per employee --- */

/* The columns: snake_case for machines (rfc4180), the people's headings
 * in their language for Dutch Excel (excel-nl). The week's frozen flag is
 * the last column, on every row: a csv has no other place for it. */
static const char *const csv_heads[] = {
	"week", "kind", "team", "code", "name", "members", "fte", "available",
	"capacity", "case_hours", "intake_hours", "side_hours", "demand",
	"waiting_cases", "waiting_hours", "load", "status", "members_over",
	"members_high", "members_ok", "members_room", "open_cases",
	"new_cases", "closed_cases", "sustained", "sustained_members",
	"frozen",
};
static const char *const csv_people_heads[] = {
	N_("Week"), N_("Kind"), N_("Team"), N_("Code"), N_("Name"),
	N_("Members"), N_("FTE"), N_("Available"), N_("Capacity"),
	N_("Case hours"), N_("Intake hours"), N_("Side hours"), N_("Demand"),
	N_("Waiting cases"), N_("Waiting hours"), N_("Load"), N_("Status"),
	N_("Members OVER"), N_("Members HIGH"), N_("Members OK"),
	N_("Members ROOM"), N_("Open cases"), N_("New cases"),
	N_("Closed cases"), N_("Sustained overload"),
	N_("Members in sustained overload"), N_("Frozen"),
};
_Static_assert(sizeof csv_heads == sizeof csv_people_heads, "csv heads");

struct csv_out {
	FILE *f;
	char sep;
	bool people; /* excel-nl: decimal commas, words and % for people */
	bool frozen; /* the week is a snapshot */
	bool first;  /* at the start of a record */
};

static void
csv_next(struct csv_out *c)
{
	if (!c->first)
		putc(c->sep, c->f);
	c->first = false;
}

/* A text cell, guarded: a leading ' makes a spreadsheet show the text
 * instead of running it as a formula. */
static void
csv_text(struct csv_out *c, const char *s)
{
	csv_next(c);
	csv_write_text(c->f, s, c->sep);
}

static void
csv_number(struct csv_out *c, double v, int decimals)
{
	char buf[NUM_BUF];

	csv_next(c);
	fputs(text_format_decimal(buf, sizeof buf, v, decimals, c->people),
	    c->f);
}

static void
csv_int(struct csv_out *c, int v)
{
	csv_next(c);
	fprintf(c->f, "%d", v);
}

static void
csv_empty(struct csv_out *c, int n)
{
	while (n-- > 0)
		csv_next(c);
}

/* A fraction for machines (1.049), a percentage for people (104,9%): the
 * same precision. Empty when infinite or not counted. */
static void
csv_load(struct csv_out *c, double load, bool counted)
{
	char buf[NUM_BUF];

	if (!has_load(load, counted))
		csv_empty(c, 1);
	else if (c->people)
		csv_text(c, load_text(buf, load, counted, true));
	else
		csv_number(c, load, 3);
}

static void
csv_status(struct csv_out *c, enum load_status st)
{
	csv_text(c, c->people ? report_status_label(st) :
	    workload_status_code(st));
}

/* 0/1 for machines, "yes" or nothing for people. */
static void
csv_flag(struct csv_out *c, bool on)
{
	if (c->people)
		csv_text(c, flag_text(on));
	else
		csv_int(c, on);
}

/* What the row is: "team" or "employee", for people in their language. */
static void
csv_kind(struct csv_out *c, const char *kind)
{
	csv_text(c, c->people ? _(kind) : kind);
}

/* End a row with its last cell: the week's frozen flag. */
static void
csv_end(struct csv_out *c)
{
	csv_flag(c, c->frozen);
	fputs("\r\n", c->f);
	c->first = true;
}

static void
csv_team(struct csv_out *c, const struct summary *x, size_t t)
{
	const struct team_week *tw = &x->w->teams[t];

	csv_text(c, x->week);
	csv_kind(c, N_("team"));
	csv_text(c, x->d->teams[t].code);
	csv_text(c, x->d->teams[t].code);
	csv_text(c, x->d->teams[t].name);
	csv_int(c, tw->members);
	csv_empty(c, 2); /* fte, available: employees only */
	csv_number(c, tw->capacity, 2);
	csv_number(c, tw->case_hours, 2);
	csv_number(c, tw->intake_hours, 2);
	csv_number(c, tw->side_hours, 2);
	csv_number(c, tw->demand, 2);
	csv_int(c, tw->waiting_cases);
	csv_number(c, tw->waiting_hours, 2);
	csv_load(c, tw->load, tw->counted);
	csv_status(c, tw->status);
	for (size_t k = 0; k < N_BANDS; k++)
		csv_int(c, tw->by_status[bands[k]]);
	csv_empty(c, 3); /* open, new, closed cases: employees only */
	csv_flag(c, tw->sustained);
	csv_int(c, tw->sustained_members);
	csv_end(c);
}

static void
csv_employee(struct csv_out *c, const struct summary *x, size_t t, size_t i)
{
	const struct employee_week *ew = &x->w->employees[i];

	csv_text(c, x->week);
	csv_kind(c, N_("employee"));
	csv_text(c, x->d->teams[t].code);
	csv_text(c, x->d->employees[i].code);
	csv_text(c, x->d->employees[i].name);
	csv_empty(c, 1); /* members: teams only */
	csv_number(c, fte(x, i), 2);
	csv_number(c, ew->available, 2);
	csv_number(c, ew->capacity, 2);
	csv_number(c, ew->case_hours, 2);
	csv_number(c, ew->intake_hours, 2);
	csv_number(c, ew->side_hours, 2);
	csv_number(c, ew->demand, 2);
	csv_empty(c, 2); /* waiting list: teams only */
	csv_load(c, ew->load, ew->counted);
	csv_status(c, ew->status);
	csv_empty(c, N_BANDS);
	csv_int(c, ew->open_cases);
	csv_int(c, ew->new_cases);
	csv_int(c, ew->closed_cases);
	csv_flag(c, ew->sustained);
	csv_empty(c, 1); /* sustained members: teams only */
	csv_end(c);
}

static void
write_csv(FILE *f, struct summary *x)
{
	bool nl = x->rq->dialect == EXPORT_EXCEL_NL;
	struct csv_out c = { f, nl ? ';' : ',', nl, x->w->frozen, true };
	size_t n = sizeof csv_heads / sizeof csv_heads[0];

	/* Dutch Excel reads UTF-8 without a BOM as ANSI (NOTES.md). */
	if (nl)
		fputs("\xef\xbb\xbf", f);
	for (size_t k = 0; k < n; k++)
		csv_text(&c, nl ? _(csv_people_heads[k]) : csv_heads[k]);
	fputs("\r\n", f);
	c.first = true;
	for (size_t t = 0; t < x->d->n_teams; t++)
		if (in_export(x, t))
			csv_team(&c, x, t);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		if (!in_export(x, t))
			continue;
		for (size_t r = x->first[t]; r < x->first[t + 1]; r++)
			csv_employee(&c, x, t, x->order[r]);
		step(x);
	}
}

/* --- json --- */

static void
json_hours(FILE *f, const char *key, double v)
{
	char buf[NUM_BUF];

	fprintf(f, ", \"%s\": %s", key,
	    text_format_decimal(buf, sizeof buf, v, 2, false));
}

static void
json_load_status(FILE *f, double load, bool counted, enum load_status st)
{
	char buf[NUM_BUF];

	fprintf(f, ", \"load\": %s", has_load(load, counted) ?
	    text_format_decimal(buf, sizeof buf, load, 3, false) : "null");
	fputs(", \"status\": ", f);
	if (st == LOAD_STATUS_NONE)
		fputs("null", f);
	else
		report_json_string(f, workload_status_code(st));
}

static void
json_team(FILE *f, const struct summary *x, size_t t)
{
	const struct team_week *tw = &x->w->teams[t];

	fputs("{\"code\": ", f);
	report_json_string(f, x->d->teams[t].code);
	fputs(", \"name\": ", f);
	report_json_string(f, x->d->teams[t].name);
	fprintf(f, ", \"members\": %d", tw->members);
	json_hours(f, "capacity", tw->capacity);
	json_hours(f, "demand", tw->demand);
	json_hours(f, "case_hours", tw->case_hours);
	json_hours(f, "intake_hours", tw->intake_hours);
	json_hours(f, "side_hours", tw->side_hours);
	fprintf(f, ", \"waiting_cases\": %d", tw->waiting_cases);
	json_hours(f, "waiting_hours", tw->waiting_hours);
	json_load_status(f, tw->load, tw->counted, tw->status);
	fputs(", \"members_by_status\": {", f);
	for (size_t k = 0; k < N_BANDS; k++)
		fprintf(f, "%s\"%s\": %d", k ? ", " : "",
		    workload_status_code(bands[k]), tw->by_status[bands[k]]);
	fprintf(f, "}, \"sustained\": %s, \"sustained_members\": %d}",
	    tw->sustained ? "true" : "false", tw->sustained_members);
}

static void
json_employee(FILE *f, const struct summary *x, size_t t, size_t i)
{
	const struct employee_week *ew = &x->w->employees[i];

	fputs("{\"team\": ", f);
	report_json_string(f, x->d->teams[t].code);
	fputs(", \"code\": ", f);
	report_json_string(f, x->d->employees[i].code);
	fputs(", \"name\": ", f);
	report_json_string(f, x->d->employees[i].name);
	json_hours(f, "fte", fte(x, i));
	json_hours(f, "available", ew->available);
	json_hours(f, "capacity", ew->capacity);
	json_hours(f, "case_hours", ew->case_hours);
	json_hours(f, "intake_hours", ew->intake_hours);
	json_hours(f, "side_hours", ew->side_hours);
	json_hours(f, "demand", ew->demand);
	json_load_status(f, ew->load, ew->counted, ew->status);
	fprintf(f, ", \"open_cases\": %d, \"new_cases\": %d, "
	    "\"closed_cases\": %d, \"sustained\": %s}", ew->open_cases,
	    ew->new_cases, ew->closed_cases, ew->sustained ? "true" : "false");
}

static void
write_json(FILE *f, struct summary *x)
{
	char room[NUM_BUF], high[NUM_BUF], over[NUM_BUF];
	bool first = true;

	/* schema: bumped when a field changes meaning or goes away. */
	fprintf(f, "{\n  \"schema\": 1,\n  \"week\": \"%s\",\n"
	    "  \"monday\": \"%s\",\n  \"sunday\": \"%s\",\n"
	    "  \"generated\": \"%s\",\n  \"frozen\": %s,\n", x->week,
	    x->monday, x->sunday, x->generated,
	    x->w->frozen ? "true" : "false");
	fprintf(f, "  \"thresholds\": {\"room\": %s, \"high\": %s, "
	    "\"over\": %s, \"sustained_weeks\": %d},\n",
	    text_format_decimal(room, sizeof room, x->s->room, 3, false),
	    text_format_decimal(high, sizeof high, x->s->high, 3, false),
	    text_format_decimal(over, sizeof over, x->s->over, 3, false),
	    x->s->sustained_weeks);
	fputs("  \"teams\": [", f);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		if (!in_export(x, t))
			continue;
		fputs(first ? "\n    " : ",\n    ", f);
		first = false;
		json_team(f, x, t);
	}
	fputs(first ? "],\n" : "\n  ],\n", f);
	first = true;
	fputs("  \"employees\": [", f);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		if (!in_export(x, t))
			continue;
		for (size_t r = x->first[t]; r < x->first[t + 1]; r++) {
			fputs(first ? "\n    " : ",\n    ", f);
			first = false;
			json_employee(f, x, t, x->order[r]);
		}
		step(x);
	}
	fputs(first ? "]\n}\n" : "\n  ]\n}\n", f);
}

/* --- md and html: a team table, then a table per team --- */

/* What md and html differ in: how a heading, a table and a row look. */
struct tables {
	/* A heading over a table: the team's code and name, or just a title
	 * (code NULL) over the team table. */
	void (*heading)(FILE *, const char *code, const char *name);
	void (*begin)(FILE *, const char *const heads[], const char *align,
	    int n);
	void (*row)(FILE *, const char *const cells[], const char *align,
	    int n, int status_col, enum load_status st);
	void (*end)(FILE *);
};

/* Each team's make-up (makeup.h): a row per discipline present, and a row
 * per case type with a single point of cover. */
static const char *const makeup_heads[] = { N_("Team"), N_("Discipline"),
	N_("Members"), N_("Capacity"), N_("Demand"), N_("Load"), N_("Note") };
static const char makeup_align[] = "llrrrrl";

static void
write_makeup(FILE *f, struct summary *x, const struct tables *tb)
{
	char buf[5][NUM_BUF], note[256];
	const char *cells[7];

	tb->heading(f, NULL, _("Make-up"));
	tb->begin(f, makeup_heads, makeup_align, 7);
	struct makeup *all = makeup_city(x->d, x->s, x->w);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		struct makeup m = all[t]; /* borrowed */
		if (!in_export(x, t))
			continue;
		for (size_t k = 0; k < m.n_disciplines; k++) {
			const struct makeup_discipline *md = &m.disciplines[k];
			cells[0] = x->d->teams[t].code;
			cells[1] = md->code[0] ? md->code : _("(none)");
			snprintf(buf[0], NUM_BUF, "%d", md->members);
			cells[2] = buf[0];
			cells[3] = text_format_decimal(buf[1], NUM_BUF,
			    md->capacity, 2, x->comma);
			cells[4] = text_format_decimal(buf[2], NUM_BUF,
			    md->demand, 2, x->comma);
			cells[5] = workload_format_percent(buf[3], NUM_BUF,
			    md->load, true, x->s, x->comma);
			cells[6] = md->over ? _("demand exceeds capacity") : "";
			tb->row(f, cells, makeup_align, 7, 5, md->over ?
			    LOAD_STATUS_OVER : LOAD_STATUS_NONE);
		}
		for (size_t k = 0; k < m.n_types; k++) {
			const struct makeup_type *mt = &m.types[k];
			if (!mt->single)
				continue;
			cells[0] = x->d->teams[t].code;
			cells[1] = mt->type->code;
			snprintf(buf[0], NUM_BUF, "%d", mt->holders);
			cells[2] = buf[0];
			cells[3] = "";
			cells[4] = text_format_decimal(buf[2], NUM_BUF,
			    mt->demand, 2, x->comma);
			cells[5] = "";
			snprintf(note, sizeof note, "%s", mt->holders == 0 ?
			    _("! nobody present may hold it") :
			    _("! single point of cover"));
			cells[6] = note;
			tb->row(f, cells, makeup_align, 7, 6, LOAD_STATUS_OVER);
		}
	}
	makeup_city_free(all, x->d->n_teams);
	tb->end(f);
}

static void
write_tables(FILE *f, struct summary *x, const struct tables *tb)
{
	const char *cells[MAX_COLS] = { 0 };
	char buf[MAX_COLS][NUM_BUF];

	tb->heading(f, NULL, _("Teams"));
	tb->begin(f, team_heads, team_align, TC_COUNT);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		if (!in_export(x, t))
			continue;
		team_cells(x, t, cells, buf);
		tb->row(f, cells, team_align, TC_COUNT, TC_STATUS,
		    x->w->teams[t].status);
	}
	tb->end(f);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		if (!in_export(x, t))
			continue;
		tb->heading(f, x->d->teams[t].code, x->d->teams[t].name);
		tb->begin(f, employee_heads, employee_align, EC_COUNT);
		for (size_t r = x->first[t]; r < x->first[t + 1]; r++) {
			size_t i = x->order[r];
			employee_cells(x, i, cells, buf);
			tb->row(f, cells, employee_align, EC_COUNT, EC_STATUS,
			    x->w->employees[i].status);
		}
		tb->end(f);
		step(x);
	}
	if (!x->w->frozen) /* the make-up is of the cases as they are now */
		write_makeup(f, x, tb);
}

/* The title of the people's formats: "Workload, week 2026-W47", with
 * "(frozen)" when the figures are a snapshot. */
static const char *
title_text(char *buf, size_t size, const struct summary *x)
{
	snprintf(buf, size, x->w->frozen ? _("Workload, week %s (frozen)") :
	    _("Workload, week %s"), x->week);
	return buf;
}

/* "ROOM below 90%, OK up to 100%, …": what the bands mean this week. */
static void
bands_legend(FILE *f, const struct settings *s)
{
	char room[NUM_BUF], high[NUM_BUF], over[NUM_BUF];

	fprintf(f, _("Load = demand / capacity. ROOM below %s%%, OK up to "
	    "%s%%, HIGH up to %s%%, OVER above; sustained overload: OVER %d "
	    "weeks in a row."),
	    text_format_decimal(room, sizeof room, s->room * 100.0, 0, false),
	    text_format_decimal(high, sizeof high, s->high * 100.0, 0, false),
	    text_format_decimal(over, sizeof over, s->over * 100.0, 0, false),
	    s->sustained_weeks);
}

/* --- md: for minutes --- */

/* Text in a table cell: a pipe would end the cell, and *, _, `, [, < would
 * start markup. */
static void
md_text(FILE *f, const char *s)
{
	char clean[1024];

	for (s = text_sanitize(clean, sizeof clean, s); *s; s++) {
		if (strchr("\\|*_`[]<>", *s))
			putc('\\', f);
		putc(*s, f); /* no CR or LF left: text_sanitize took them */
	}
}

static void
md_heading(FILE *f, const char *code, const char *name)
{
	fputs("\n## ", f);
	if (code) {
		md_text(f, code);
		putc(' ', f);
	}
	md_text(f, name);
	fputs("\n\n", f);
}

static void
md_row(FILE *f, const char *const cells[], const char *align, int n,
    int status_col, enum load_status st)
{
	(void)align, (void)status_col, (void)st;
	for (int k = 0; k < n; k++) {
		fputs("| ", f);
		md_text(f, cells[k]);
		putc(' ', f);
	}
	fputs("|\n", f);
}

static void
md_begin(FILE *f, const char *const heads[], const char *align, int n)
{
	const char *cells[MAX_COLS] = { 0 };

	for (int k = 0; k < n; k++)
		cells[k] = _(heads[k]);
	md_row(f, cells, align, n, -1, LOAD_STATUS_NONE);
	for (int k = 0; k < n; k++)
		fputs(align[k] == 'r' ? "| ---: " : "| --- ", f);
	fputs("|\n", f);
}

static void
md_end(FILE *f)
{
	(void)f;
}

static void
write_md(FILE *f, struct summary *x)
{
	static const struct tables md = { md_heading, md_begin, md_row,
		md_end };
	char title[128];

	fputs("# ", f);
	md_text(f, title_text(title, sizeof title, x));
	fputs("\n\n", f);
	if (x->w->frozen) {
		fputs("**", f);
		md_text(f, report_frozen_note());
		fputs("**\n\n", f);
	}
	fprintf(f, _("%s to %s, generated %s. "), x->monday, x->sunday,
	    x->generated);
	bands_legend(f, x->s);
	fputs("\n", f);
	write_tables(f, x, &md);
}

/* --- html: one self-contained page, well-formed (it parses as XML) --- */

static void
html_text(FILE *f, const char *s)
{
	char clean[1024];

	for (s = text_sanitize(clean, sizeof clean, s); *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: putc(*s, f);
		}
	}
}

/* The CSS class of a status band ("" when not counted). */
static const char *
status_class(enum load_status st)
{
	static const char *const classes[LOAD_STATUS_COUNT] = {
		"", "room", "ok", "high", "over",
	};

	return (unsigned)st < LOAD_STATUS_COUNT ? classes[st] : "";
}

static const char html_style[] =
	"body { font-family: system-ui, sans-serif; color: #111; "
	"background: #fff; margin: 1.5em; }\n"
	"table { border-collapse: collapse; margin: 0.5em 0 1.5em; "
	"font-size: 0.9em; }\n"
	"th, td { border: 1px solid #aaa; padding: 0.2em 0.5em; }\n"
	"th { background: #eee; text-align: left; vertical-align: bottom; }\n"
	"td.n { text-align: right; font-variant-numeric: tabular-nums; "
	"white-space: nowrap; }\n"
	"td.room, rect.room { background: #bdd7ee; fill: #6fa8dc; }\n"
	"td.ok, rect.ok { background: #c6efce; fill: #93c47d; }\n"
	"td.high, rect.high { background: #ffeb9c; fill: #f1c232; }\n"
	"td.over, rect.over { background: #ffc7ce; fill: #e06666; }\n"
	"p.frozen { border-left: 4px solid #6fa8dc; padding-left: 0.5em; }\n"
	"svg { max-width: 100%; height: auto; }\n"
	"svg text { font-size: 12px; fill: #111; }\n"
	"svg rect.bar { stroke: #333; stroke-width: 0.5; }\n"
	"svg line.threshold { stroke: #333; stroke-dasharray: 4 3; }\n"
	"svg .band { fill: #bcd; stroke: none; }\n"
	"svg .median { fill: none; stroke: #134; stroke-width: 1.5; }\n"
	"svg text.over { fill: #a00; font-weight: bold; }\n"
	"@media print {\n"
	"  body { margin: 0; font-size: 9pt; }\n"
	"  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }\n"
	"  h2 { break-after: avoid; }\n"
	"  tr, svg { break-inside: avoid; }\n"
	"}\n";

/* The SVG geometry, in user units. */
#define CHART_WIDTH 720
#define CHART_LABEL 180 /* left of the bars: the team */
#define CHART_BAR_MAX 460
#define CHART_ROW 22
#define CHART_TOP 24

static double
chart_x(double load, double scale)
{
	if (!isfinite(load) || load > scale)
		load = scale;
	return CHART_LABEL + load / scale * CHART_BAR_MAX;
}

/* Team loads as horizontal bars, coloured by band, with the thresholds as
 * dashed lines; a load past the scale (or infinite) fills the row. */
static void
html_chart(FILE *f, const struct summary *x)
{
	const double thresholds[] = { x->s->room, x->s->high, x->s->over };
	double scale = x->s->over + 0.2;
	char buf[NUM_BUF], num[NUM_BUF], label[CODE_SIZE + NAME_SIZE],
	    fitted[4 * NAME_SIZE];
	size_t row = 0;
	int height = CHART_TOP + (int)x->total * CHART_ROW + 8;

	for (size_t t = 0; t < x->d->n_teams; t++) {
		const struct team_week *tw = &x->w->teams[t];
		if (in_export(x, t) && has_load(tw->load, tw->counted) &&
		    tw->load > scale)
			scale = tw->load;
	}
	/* A whole 10% past the top bar, and never wider than 300%. */
	scale = fmin(ceil(scale * 10.0) / 10.0 + 0.1, 3.0);

	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	    "aria-labelledby=\"chart-title\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\">\n<title id=\"chart-title\">",
	    CHART_WIDTH, height, CHART_WIDTH, height);
	fprintf(f, _("Load per team, week %s"), x->week);
	fputs("</title>\n", f);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		const struct team_week *tw = &x->w->teams[t];
		double y, right;

		if (!in_export(x, t))
			continue;
		y = CHART_TOP + (double)row++ * CHART_ROW;
		right = tw->counted ? chart_x(tw->load, scale) : CHART_LABEL;
		/* The label must stay left of the bars: about 24 columns. */
		snprintf(label, sizeof label, "%s %s", x->d->teams[t].code,
		    x->d->teams[t].name);
		fprintf(f, "<text x=\"%d\" y=\"%.1f\">", 4, y + 13);
		html_text(f, text_trim(text_fit(fitted, sizeof fitted, label, 24,
		    false)));
		fprintf(f, "</text>\n<rect class=\"bar %s\" data-team=\"",
		    status_class(tw->status));
		html_text(f, x->d->teams[t].code);
		fprintf(f, "\" data-load=\"%s\" x=\"%d\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%d\"><title>",
		    has_load(tw->load, tw->counted) ? text_format_decimal(num,
		    sizeof num, tw->load, 3, false) : "",
		    CHART_LABEL, y + 2, right - CHART_LABEL, CHART_ROW - 6);
		html_text(f, x->d->teams[t].code);
		fputs(": ", f);
		html_text(f, load_text(buf, tw->load, tw->counted, x->comma));
		fprintf(f, "</title></rect>\n<text x=\"%.1f\" y=\"%.1f\">",
		    right + 4, y + 13);
		html_text(f, load_text(buf, tw->load, tw->counted, x->comma));
		fputs("</text>\n", f);
	}
	for (size_t k = 0; k < 3; k++) {
		double lx = chart_x(thresholds[k], scale);
		fprintf(f, "<line class=\"threshold\" data-threshold=\"%s\" "
		    "x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
		    text_format_decimal(num, sizeof num, thresholds[k], 3,
		    false), lx, CHART_TOP - 6, lx, height - 4);
		/* Labels alternate in height: 90 and 100 can be close. */
		fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
		    "%s%%</text>\n", lx, k == 1 ? 10 : 18,
		    text_format_decimal(num, sizeof num, thresholds[k] * 100.0,
		    0, false));
	}
	fputs("</svg>\n", f);
}

/* The forecast as small fans, a panel per team: each coming week's 80 %
 * range as a band, its median as a line, the OVER threshold dashed; the
 * median's points carry their figures (data-p10 .. data-p90) for readers
 * that check them. */
#define FAN_W 720
#define FAN_PANEL 96 /* a team's panel: its label and its fan */
#define FAN_PLOT 72
#define FAN_LEFT 180

static void
html_forecast(FILE *f, const struct summary *x)
{
	const struct forecast *fc = x->rq->forecast;
	double lo = x->s->over, hi = x->s->over; /* the loads drawn, all teams
						   * on one scale */
	char num[NUM_BUF], label[CODE_SIZE + NAME_SIZE], fitted[4 * NAME_SIZE];
	char from[WEEK_BUF], to[WEEK_BUF];
	int height = 36 + (int)x->total * FAN_PANEL, row = 0;
	double step = (double)(FAN_W - FAN_LEFT - 60) /
	    (fc->weeks > 1 ? fc->weeks - 1 : 1);

	for (size_t t = 0; t < x->d->n_teams; t++)
		for (int k = 0; in_export(x, t) && k < fc->weeks; k++) {
			const struct forecast_week *fw =
			    forecast_team_week(fc, t, k);
			if (!fw->counted)
				continue;
			if (isfinite(fw->p90) && fw->p90 > hi)
				hi = fw->p90;
			if (fw->p10 < lo)
				lo = fw->p10;
		}
	/* whole tenths around them, the top no higher than 300 % */
	hi = fmin(ceil(hi * 10.0) / 10.0, 3.0);
	lo = fmax(floor(lo * 10.0) / 10.0, 0.0);
	if (hi <= lo)
		hi = lo + 0.1;
	fputs("<h2>", f);
	html_text(f, _("Forecast"));
	fputs("</h2>\n<p>", f);
	fprintf(f, _("From %s, %d weeks ahead: the band holds the outcome 8 "
	    "times in 10, the line is the median; dashed: OVER (%s%%)."),
	    date_format_week(fc->from, from), fc->weeks,
	    text_format_decimal(num, sizeof num, x->s->over * 100, 0, false));
	fputs("</p>\n", f);
	fprintf(f, "<svg class=\"forecast\" xmlns=\"http://www.w3.org/2000/"
	    "svg\" role=\"img\" aria-labelledby=\"forecast-title\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n"
	    "<title id=\"forecast-title\">", FAN_W, height, FAN_W, height);
	html_text(f, _("Forecast"));
	fputs("</title>\n", f);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		double top, bottom;
		int over_in;
		if (!in_export(x, t))
			continue;
		top = 16 + (double)row++ * FAN_PANEL;
		bottom = top + FAN_PLOT;
#define FAN_Y(v) (bottom - (fmax(fmin(isfinite(v) ? (v) : hi, hi), lo) - \
	    lo) / (hi - lo) * FAN_PLOT)
		const struct forecast_week *w0 = forecast_team_week(fc, t, 0);
		over_in = forecast_over_in(w0, fc->weeks, x->s);
		snprintf(label, sizeof label, "%s %s", x->d->teams[t].code,
		    x->d->teams[t].name);
		fprintf(f, "<g class=\"fan\" data-team=\"");
		html_text(f, x->d->teams[t].code);
		fprintf(f, "\" data-over-in=\"%d\">\n<text x=\"4\" "
		    "y=\"%.1f\">", over_in, top + FAN_PLOT / 2.0);
		html_text(f, text_trim(text_fit(fitted, sizeof fitted, label, 24,
		    false)));
		fputs("</text>\n", f);
		if (over_in > 0) {
			char in[64];
			snprintf(in, sizeof in, ngettext("OVER in %d week",
			    "OVER in %d weeks", over_in), over_in);
			fprintf(f, "<text class=\"over\" x=\"4\" y=\"%.1f\">",
			    top + FAN_PLOT / 2.0 + 15);
			html_text(f, in);
			fputs("</text>\n", f);
		}
		/* the band: P90 left to right, then P10 back */
		fputs("<polygon class=\"band\" points=\"", f);
		for (int k = 0; k < fc->weeks; k++)
			fprintf(f, "%.1f,%.1f ", FAN_LEFT + k * step,
			    FAN_Y(w0[k].p90));
		for (int k = fc->weeks - 1; k >= 0; k--)
			fprintf(f, "%.1f,%.1f ", FAN_LEFT + k * step,
			    FAN_Y(w0[k].p10));
		fputs("\"/>\n<polyline class=\"median\" points=\"", f);
		for (int k = 0; k < fc->weeks; k++)
			fprintf(f, "%.1f,%.1f ", FAN_LEFT + k * step,
			    FAN_Y(w0[k].p50));
		fputs("\"/>\n", f);
		for (int k = 0; k < fc->weeks; k++) {
			char a[NUM_BUF], b[NUM_BUF], c[NUM_BUF], wk[WEEK_BUF];
			fprintf(f, "<circle class=\"p50 %s\" data-week=\"%s\" "
			    "data-p10=\"%s\" data-p50=\"%s\" data-p90=\"%s\" "
			    "cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"><title>%s: %s"
			    "</title></circle>\n", status_class(workload_status(
			    w0[k].p50, w0[k].counted, x->s)),
			    date_format_week(fc->from + 7 * k, wk),
			    text_format_decimal(a, sizeof a, w0[k].p10, 3, false),
			    text_format_decimal(b, sizeof b, w0[k].p50, 3, false),
			    text_format_decimal(c, sizeof c, w0[k].p90, 3, false),
			    FAN_LEFT + k * step, FAN_Y(w0[k].p50), wk,
			    load_text(num, w0[k].p50, w0[k].counted, x->comma));
		}
		fprintf(f, "<line class=\"threshold\" x1=\"%d\" y1=\"%.1f\" "
		    "x2=\"%.1f\" y2=\"%.1f\"/>\n<text x=\"%.1f\" "
		    "y=\"%.1f\">%s%%</text>\n", FAN_LEFT, FAN_Y(x->s->over),
		    FAN_LEFT + (fc->weeks - 1) * step, FAN_Y(x->s->over),
		    FAN_LEFT + (fc->weeks - 1) * step + 6,
		    FAN_Y(x->s->over) + 4, text_format_decimal(num,
		    sizeof num, x->s->over * 100, 0, false));
		/* the first and the last week under the last panel */
		if (row == (int)x->total) {
			fprintf(f, "<text x=\"%d\" y=\"%.1f\">%s</text>\n"
			    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">"
			    "%s</text>\n", FAN_LEFT, bottom + 16,
			    date_format_week(fc->from, from),
			    FAN_LEFT + (fc->weeks - 1) * step, bottom + 16,
			    date_format_week(fc->from + 7 * (fc->weeks - 1),
			    to));
		}
#undef FAN_Y
		fputs("</g>\n", f);
	}
	fputs("</svg>\n", f);
}

static void
html_heading(FILE *f, const char *code, const char *name)
{
	fputs("<h2>", f);
	if (code) {
		html_text(f, code);
		putc(' ', f);
	}
	html_text(f, name);
	fputs("</h2>\n", f);
}

static void
html_begin(FILE *f, const char *const heads[], const char *align, int n)
{
	(void)align;
	fputs("<table>\n<thead><tr>", f);
	for (int k = 0; k < n; k++) {
		fputs("<th scope=\"col\">", f);
		html_text(f, _(heads[k]));
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
}

static void
html_row(FILE *f, const char *const cells[], const char *align, int n,
    int status_col, enum load_status st)
{
	fputs("<tr>", f);
	for (int k = 0; k < n; k++) {
		if (k == status_col && st != LOAD_STATUS_NONE)
			fprintf(f, "<td class=\"%s\">", status_class(st));
		else
			fputs(align[k] == 'r' ? "<td class=\"n\">" : "<td>", f);
		html_text(f, cells[k]);
		fputs("</td>", f);
	}
	fputs("</tr>\n", f);
}

static void
html_end(FILE *f)
{
	fputs("</tbody>\n</table>\n", f);
}

static void
write_html(FILE *f, struct summary *x)
{
	static const struct tables html = { html_heading, html_begin,
		html_row, html_end };
	char title[128];

	title_text(title, sizeof title, x);
	/* TRANSLATORS: the language code of this translation ("nl"). */
	fputs("<!DOCTYPE html>\n<html lang=\"", f);
	html_text(f, _("en"));
	fputs("\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<meta name=\"generator\" content=\"wijklast "
	    WIJKLAST_VERSION "\"/>\n<title>", f);
	html_text(f, title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
	    html_style);
	html_text(f, title);
	fputs("</h1>\n", f);
	if (x->w->frozen) {
		fputs("<p class=\"frozen\"><strong>", f);
		html_text(f, report_frozen_note());
		fputs("</strong></p>\n", f);
	}
	fputs("<p>", f);
	fprintf(f, _("%s to %s, generated %s. "), x->monday, x->sunday,
	    x->generated);
	bands_legend(f, x->s);
	fputs("</p>\n", f);
	html_chart(f, x);
	if (x->rq->forecast != NULL) /* where the manager looks first */
		html_forecast(f, x);
	write_tables(f, x, &html);
	fputs("</body>\n</html>\n", f);
}

/* --- xlsx: an overview sheet and a sheet per team --- */

struct xlsx {
	lxw_workbook *wb;
	/* head over text, head_num over numbers (right, like them) */
	lxw_format *head, *head_num, *hours, *count, *pct,
	    *status[LOAD_STATUS_COUNT];
	char (*names)[LXW_SHEETNAME_MAX * 4 + 1]; /* sheet names so far */
	size_t n_names, cap_names;
};

/* A valid, unique sheet name from s: at most 31 characters, none of
 * [ ] : * ? / \, no apostrophe at either end, unique ignoring ASCII case. */
static const char *
sheet_name(struct xlsx *xl, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char name[LXW_SHEETNAME_MAX * 4 + 1];
	size_t len = 0, short_len = 0, chars = 0;
	int n = 1;

	while (*p && chars < LXW_SHEETNAME_MAX) {
		size_t size = 1;
		while (size < 4 && (p[size] & 0xc0) == 0x80)
			size++;
		for (size_t k = 0; k < size; k++)
			name[len++] = strchr("[]:*?/\\", p[k]) ? '_' : (char)p[k];
		p += size;
		if (++chars == LXW_SHEETNAME_MAX - 3)
			short_len = len; /* room for "~NN" */
	}
	name[len] = '\0';
	if (len == 0)
		strcpy(name, "_");
	if (name[0] == '\'')
		name[0] = '_';
	if (name[strlen(name) - 1] == '\'')
		name[strlen(name) - 1] = '_';
	if (chars < LXW_SHEETNAME_MAX - 3)
		short_len = strlen(name);
	for (;;) {
		bool taken = text_equal_nocase(name, "History"); /* Excel's */
		for (size_t k = 0; k < xl->n_names && !taken; k++)
			taken = text_equal_nocase(name, xl->names[k]);
		if (!taken)
			break;
		snprintf(name + short_len, sizeof name - short_len, "~%d", ++n);
	}
	XGROW(xl->names, xl->cap_names, xl->n_names + 1);
	strcpy(xl->names[xl->n_names], name);
	return xl->names[xl->n_names++];
}

static lxw_format *
xlsx_format(lxw_workbook *wb, const char *num_format, lxw_color_t fill)
{
	lxw_format *fmt = workbook_add_format(wb);

	if (num_format)
		format_set_num_format(fmt, num_format);
	if (fill) {
		format_set_pattern(fmt, LXW_PATTERN_SOLID);
		format_set_bg_color(fmt, fill);
	}
	return fmt;
}

/* A heading: bold, grey, wrapped, at the bottom of the cell. */
static lxw_format *
head_format(lxw_workbook *wb, uint8_t align)
{
	lxw_format *fmt = xlsx_format(wb, NULL, 0xD9D9D9);

	format_set_bold(fmt);
	format_set_text_wrap(fmt);
	format_set_align(fmt, LXW_ALIGN_VERTICAL_BOTTOM);
	if (align != LXW_ALIGN_NONE)
		format_set_align(fmt, align);
	format_set_bottom(fmt, LXW_BORDER_THIN);
	return fmt;
}

/* A text cell: always a string, never a formula, whatever it starts with
 * (the guard that csv needs a ' for). */
static void
xlsx_text(lxw_worksheet *ws, int row, int col, const char *s,
    lxw_format *fmt)
{
	if (*s || fmt)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s,
		    fmt);
}

static void
xlsx_hours(struct xlsx *xl, lxw_worksheet *ws, int row, int col, double v)
{
	worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
	    as_written(v, 2), xl->hours);
}

static void
xlsx_count(struct xlsx *xl, lxw_worksheet *ws, int row, int col, int v)
{
	worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v,
	    xl->count);
}

/* Load as a percentage; "—" when infinite, nothing when not counted. */
static void
xlsx_load(struct xlsx *xl, lxw_worksheet *ws, int row, int col, double load,
    bool counted)
{
	char buf[NUM_BUF];

	if (has_load(load, counted))
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
		    as_written(load, 3), xl->pct);
	else
		xlsx_text(ws, row, col, load_text(buf, load, counted, false), NULL);
}

static void
xlsx_status(struct xlsx *xl, lxw_worksheet *ws, int row, int col,
    enum load_status st)
{
	xlsx_text(ws, row, col, report_status_label(st), xl->status[st]);
}

/* The sustained flag as md and html show it, on every sheet: "yes" or
 * nothing, in the reader's language (a boolean would read TRUE or WAAR
 * by the spreadsheet's locale, not the export's). */
static void
xlsx_flag(lxw_worksheet *ws, int row, int col, bool on)
{
	xlsx_text(ws, row, col, flag_text(on), NULL);
}

/* The width of a column of numbers under heading s: 11, or wider so the
 * heading's longest word fits and it wraps into three lines at most
 * ("Aanhoudende overbelasting" is wider than "Sustained overload"). */
static double
head_width(const char *s)
{
	char word[128];
	int longest = 0;

	for (const char *p = s; *p; p += strspn(p, " ")) {
		size_t n = strcspn(p, " ");
		snprintf(word, sizeof word, "%.*s", (int)n, p);
		if (text_width(word) > longest)
			longest = text_width(word);
		p += n;
	}
	return fmax(11.0, fmax(longest + 2.0, text_width(s) / 3 + 3.0));
}

/* Widen the load column at col so "— (no capacity)" fits too. */
static void
xlsx_load_column(lxw_worksheet *ws, int col)
{
	char buf[NUM_BUF];

	worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col,
	    fmax(head_width(_("Load")), text_width(load_text(buf, INFINITY,
	    true, false)) + 1.0), NULL);
}

/* The header row, frozen, with a filter; columns sized; printable. */
static void
xlsx_sheet_head(struct xlsx *xl, lxw_worksheet *ws,
    const char *const heads[], const char *align, int n, int rows,
    const char *title)
{
	char header[160];

	for (int k = 0; k < n; k++)
		worksheet_write_string(ws, 0, (lxw_col_t)k, _(heads[k]),
		    align[k] == 'r' ? xl->head_num : xl->head);
	worksheet_set_row(ws, 0, 45, NULL); /* three lines of a heading */
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 1, 26, NULL);
	for (int k = 2; k < n; k++)
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k,
		    head_width(_(heads[k])), NULL);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)rows, (lxw_col_t)(n - 1));
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 0);
	/* The title only (no & in it): & in a team name would be a header
	 * code. */
	snprintf(header, sizeof header, "&L%s&R&D", title);
	worksheet_set_header(ws, header);
}

/* The overview's column of a team column: TC_BANDS opens into N_BANDS
 * columns of numbers there. */
static int
overview_col(int c)
{
	return c <= TC_BANDS ? c : c + (int)N_BANDS - 1;
}

/* The Make-up sheet: write_makeup's rows. */
static void
xlsx_makeup(struct xlsx *xl, const struct summary *x, const char *title)
{
	lxw_worksheet *ws = workbook_add_worksheet(xl->wb,
	    sheet_name(xl, _("Make-up")));
	int row = 0;

	xlsx_sheet_head(xl, ws, makeup_heads, makeup_align, 7,
	    (int)x->total * 8, title);
	xlsx_load_column(ws, 5);
	struct makeup *all = makeup_city(x->d, x->s, x->w);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		struct makeup m = all[t]; /* borrowed */
		if (!in_export(x, t))
			continue;
		for (size_t k = 0; k < m.n_disciplines; k++) {
			const struct makeup_discipline *md = &m.disciplines[k];
			row++;
			xlsx_text(ws, row, 0, x->d->teams[t].code, NULL);
			xlsx_text(ws, row, 1, md->code[0] ? md->code
			    : _("(none)"), NULL);
			xlsx_count(xl, ws, row, 2, md->members);
			xlsx_hours(xl, ws, row, 3, md->capacity);
			xlsx_hours(xl, ws, row, 4, md->demand);
			xlsx_load(xl, ws, row, 5, md->load, true);
			if (md->over)
				xlsx_text(ws, row, 6,
				    _("demand exceeds capacity"), NULL);
		}
		for (size_t k = 0; k < m.n_types; k++) {
			const struct makeup_type *mt = &m.types[k];
			if (!mt->single)
				continue;
			row++;
			xlsx_text(ws, row, 0, x->d->teams[t].code, NULL);
			xlsx_text(ws, row, 1, mt->type->code, NULL);
			xlsx_count(xl, ws, row, 2, mt->holders);
			xlsx_hours(xl, ws, row, 4, mt->demand);
			xlsx_text(ws, row, 6, mt->holders == 0 ?
			    _("! nobody present may hold it") :
			    _("! single point of cover"), NULL);
		}
	}
	makeup_city_free(all, x->d->n_teams);
}

/* The Forecast sheet: a row per team and coming week — P10, P50, P90
 * and the median's band — and each team's weeks until OVER. */
static void
xlsx_forecast(struct xlsx *xl, const struct summary *x, const char *title)
{
	static const char *const heads[] = { N_("Code"), N_("Team"),
		N_("Week"), "P10", "P50", "P90", N_("Status"), N_("OVER in") };
	static const char align[] = "lllrrrlr";
	const struct forecast *fc = x->rq->forecast;
	lxw_worksheet *ws = workbook_add_worksheet(xl->wb,
	    sheet_name(xl, _("Forecast")));
	char wk[WEEK_BUF], note[256], from[WEEK_BUF];
	int row = 0;

	xlsx_sheet_head(xl, ws, heads, align, 8,
	    (int)x->total * fc->weeks, title);
	for (int col = 3; col <= 5; col++)
		xlsx_load_column(ws, col);
	for (size_t t = 0; t < x->d->n_teams; t++) {
		const struct forecast_week *w0;
		int over_in;
		if (!in_export(x, t))
			continue;
		w0 = forecast_team_week(fc, t, 0);
		over_in = forecast_over_in(w0, fc->weeks, x->s);
		for (int k = 0; k < fc->weeks; k++) {
			enum load_status st = workload_status(w0[k].p50,
			    w0[k].counted, x->s);
			row++;
			xlsx_text(ws, row, 0, x->d->teams[t].code, NULL);
			xlsx_text(ws, row, 1, x->d->teams[t].name, NULL);
			xlsx_text(ws, row, 2, date_format_week(fc->from + 7 * k,
			    wk), NULL);
			xlsx_load(xl, ws, row, 3, w0[k].p10, w0[k].counted);
			xlsx_load(xl, ws, row, 4, w0[k].p50, w0[k].counted);
			xlsx_load(xl, ws, row, 5, w0[k].p90, w0[k].counted);
			xlsx_status(xl, ws, row, 6, st);
			if (over_in > 0)
				xlsx_count(xl, ws, row, 7, over_in);
		}
	}
	snprintf(note, sizeof note, _("From %s, %d weeks ahead: P10 to P90 "
	    "holds the outcome 8 times in 10, P50 is the median."),
	    date_format_week(fc->from, from), fc->weeks);
	xlsx_text(ws, row + 2, 0, note, NULL);
}

static void
xlsx_team_row(struct xlsx *xl, lxw_worksheet *ws, int row,
    const struct summary *x, size_t t)
{
	const struct team_week *tw = &x->w->teams[t];

	xlsx_text(ws, row, TC_CODE, x->d->teams[t].code, NULL);
	xlsx_text(ws, row, TC_NAME, x->d->teams[t].name, NULL);
	xlsx_count(xl, ws, row, TC_MEMBERS, tw->members);
	xlsx_hours(xl, ws, row, TC_CAPACITY, tw->capacity);
	xlsx_hours(xl, ws, row, TC_DEMAND, tw->demand);
	xlsx_hours(xl, ws, row, TC_CASE, tw->case_hours);
	xlsx_hours(xl, ws, row, TC_INTAKE, tw->intake_hours);
	xlsx_hours(xl, ws, row, TC_SIDE, tw->side_hours);
	xlsx_count(xl, ws, row, TC_WAITING, tw->waiting_cases);
	xlsx_hours(xl, ws, row, TC_WAITING_H, tw->waiting_hours);
	xlsx_load(xl, ws, row, TC_LOAD, tw->load, tw->counted);
	xlsx_status(xl, ws, row, TC_STATUS, tw->status);
	for (size_t k = 0; k < N_BANDS; k++)
		xlsx_count(xl, ws, row, TC_BANDS + (int)k,
		    tw->by_status[bands[k]]);
	xlsx_flag(ws, row, overview_col(TC_SUSTAINED), tw->sustained);
	xlsx_count(xl, ws, row, overview_col(TC_SUSTAINED_MEMBERS),
	    tw->sustained_members);
}

static void
xlsx_employee_row(struct xlsx *xl, lxw_worksheet *ws, int row,
    const struct summary *x, size_t i)
{
	const struct employee_week *ew = &x->w->employees[i];

	xlsx_text(ws, row, EC_CODE, x->d->employees[i].code, NULL);
	xlsx_text(ws, row, EC_NAME, x->d->employees[i].name, NULL);
	xlsx_hours(xl, ws, row, EC_FTE, fte(x, i));
	xlsx_hours(xl, ws, row, EC_AVAILABLE, ew->available);
	xlsx_hours(xl, ws, row, EC_CAPACITY, ew->capacity);
	xlsx_hours(xl, ws, row, EC_CASE, ew->case_hours);
	xlsx_hours(xl, ws, row, EC_INTAKE, ew->intake_hours);
	xlsx_hours(xl, ws, row, EC_SIDE, ew->side_hours);
	xlsx_hours(xl, ws, row, EC_DEMAND, ew->demand);
	xlsx_load(xl, ws, row, EC_LOAD, ew->load, ew->counted);
	xlsx_status(xl, ws, row, EC_STATUS, ew->status);
	xlsx_count(xl, ws, row, EC_OPEN, ew->open_cases);
	xlsx_count(xl, ws, row, EC_NEW, ew->new_cases);
	xlsx_count(xl, ws, row, EC_CLOSED, ew->closed_cases);
	xlsx_flag(ws, row, EC_SUSTAINED, ew->sustained);
}

/* Build the workbook into path (which exists: our unnamed file). */
static int
write_xlsx(const char *path, const char *shown, struct summary *x,
    struct err *e)
{
	static const lxw_color_t fills[LOAD_STATUS_COUNT] = {
		0, 0xBDD7EE, 0xC6EFCE, 0xFFEB9C, 0xFFC7CE,
	};
	const char *overview_heads[TC_COUNT - 1 + N_BANDS];
	char overview_align[TC_COUNT - 1 + N_BANDS + 1] = "";
	struct xlsx xl = { 0 };
	lxw_doc_properties props = { 0 };
	lxw_worksheet *ws;
	lxw_error rc;
	char title[128], note[256];
	int row = 0;

	if ((xl.wb = workbook_new(path)) == NULL)
		return err_setx(e, EXIT_IOERR, "cannot write %s: out of memory "
		    "in the xlsx writer", shown);
	title_text(title, sizeof title, x);
	props.title = title;
	props.author = "wijklast " WIJKLAST_VERSION;
	/* the file's creation time, else now: the same bytes for the same
	 * figures where SOURCE_DATE_EPOCH is set (reproducible output) */
	if (getenv("SOURCE_DATE_EPOCH") != NULL)
		props.created = (time_t)strtoll(getenv("SOURCE_DATE_EPOCH"),
		    NULL, 10);
	workbook_set_properties(xl.wb, &props);
	xl.head = head_format(xl.wb, LXW_ALIGN_NONE);
	xl.head_num = head_format(xl.wb, LXW_ALIGN_RIGHT);
	xl.hours = xlsx_format(xl.wb, "0.00", 0);
	xl.count = xlsx_format(xl.wb, "0", 0);
	xl.pct = xlsx_format(xl.wb, "0.0%", 0);
	for (int st = LOAD_STATUS_ROOM; st < LOAD_STATUS_COUNT; st++)
		xl.status[st] = xlsx_format(xl.wb, NULL, fills[st]);

	for (int c = 0; c < TC_COUNT; c++) {
		overview_heads[overview_col(c)] = team_heads[c];
		overview_align[overview_col(c)] = team_align[c];
	}
	for (size_t k = 0; k < N_BANDS; k++) {
		overview_heads[TC_BANDS + k] = band_heads[k];
		overview_align[TC_BANDS + k] = 'r';
	}
	ws = workbook_add_worksheet(xl.wb, sheet_name(&xl, _("Overview")));
	xlsx_sheet_head(&xl, ws, overview_heads, overview_align,
	    TC_COUNT - 1 + (int)N_BANDS, (int)x->total, title);
	xlsx_load_column(ws, overview_col(TC_LOAD));
	for (size_t t = 0; t < x->d->n_teams; t++)
		if (in_export(x, t))
			xlsx_team_row(&xl, ws, ++row, x, t);
	snprintf(note, sizeof note, _("Week %s, %s to %s, generated %s."),
	    x->week, x->monday, x->sunday, x->generated);
	xlsx_text(ws, row + 2, 0, note, NULL);
	if (x->w->frozen)
		xlsx_text(ws, row + 3, 0, report_frozen_note(), NULL);

	for (size_t t = 0; t < x->d->n_teams; t++) {
		if (!in_export(x, t))
			continue;
		ws = workbook_add_worksheet(xl.wb,
		    sheet_name(&xl, x->d->teams[t].code));
		xlsx_sheet_head(&xl, ws, employee_heads, employee_align,
		    EC_COUNT, (int)(x->first[t + 1] - x->first[t]), title);
		xlsx_load_column(ws, EC_LOAD);
		row = 0;
		for (size_t r = x->first[t]; r < x->first[t + 1]; r++)
			xlsx_employee_row(&xl, ws, ++row, x, x->order[r]);
		xlsx_text(ws, row + 2, 0, note, NULL);
		if (x->w->frozen)
			xlsx_text(ws, row + 3, 0, report_frozen_note(), NULL);
		step(x);
	}
	if (!x->w->frozen)
		xlsx_makeup(&xl, x, title);
	if (x->rq->forecast != NULL)
		xlsx_forecast(&xl, x, title);
	rc = workbook_close(xl.wb);
	free(xl.names);
	if (rc != LXW_NO_ERROR)
		return err_setx(e, EXIT_IOERR, "cannot write %s: %s (%s)",
		    shown, lxw_strerror(rc), strerror(errno));
	return 0;
}

/* --- where the bytes go --- */

static void
write_text(FILE *f, struct summary *x)
{
	switch (x->rq->format) {
	case EXPORT_CSV: write_csv(f, x); break;
	case EXPORT_JSON: write_json(f, x); break;
	case EXPORT_MD: write_md(f, x); break;
	case EXPORT_HTML: write_html(f, x); break;
	case EXPORT_XLSX: break; /* a file, see write_xlsx */
	}
}

/* The message for a failed write; errno as the failure left it. */
static int
write_failed(struct err *e, const char *shown)
{
	return err_setx(e, EXIT_IOERR, "cannot write %s: %s", shown,
	    strerror(errno ? errno : EIO));
}

/* Fill f (left open for its owner to commit or abort). */
static int
fill(struct afile *f, const char *shown, struct summary *x, struct err *e)
{
	FILE *out;
	int fd;

	errno = 0;
	if (x->rq->format == EXPORT_XLSX)
		return write_xlsx(afile_name(f), shown, x, e);
	/* A stream of its own, so that closing it leaves f's fd open. */
	if ((fd = dup(f->fd)) < 0 || (out = fdopen(fd, "w")) == NULL) {
		if (fd >= 0)
			close(fd);
		return write_failed(e, shown);
	}
	write_text(out, x);
	if (fflush(out) != 0 || ferror(out)) {
		write_failed(e, shown);
		fclose(out);
		return -1;
	}
	if (fclose(out) != 0)
		return write_failed(e, shown);
	return 0;
}

/* The mode of the file to be: the old file's, else 0600 — an export holds
 * names and loads, as private as the database (SPEC §8). */
static mode_t
new_mode(bool exists, const struct stat *st)
{
	return exists ? st->st_mode & 07777 : 0600;
}

/* Replace the regular file (or nothing) at path in one step. */
static int
replace_file(const char *path, bool exists, const struct stat *st,
    struct summary *x, struct err *e)
{
	struct afile f;

	if (exists && access(path, W_OK) != 0)
		return err_setx(e, EXIT_CANTCREAT, "cannot write %s: %s", path,
		    strerror(errno));
	if (afile_open(&f, path, new_mode(exists, st), e) < 0)
		return -1;
	if (fill(&f, path, x, e) < 0) {
		afile_abort(&f);
		return -1;
	}
	return afile_commit(&f, e);
}

/* Copy the file open as fd to out. */
static int
copy_out(int fd, FILE *out, const char *shown, struct err *e)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
			return write_failed(e, shown);
	if (n < 0 || fflush(out) != 0)
		return write_failed(e, shown);
	return 0;
}

/* Write into a stream that is no regular file: stdout, a device, a pipe.
 * Nothing to replace atomically; xlsx is built in an unnamed file first. */
static int
write_stream(FILE *out, const char *shown, struct summary *x, struct err *e)
{
	const char *tmpdir = getenv("TMPDIR");
	struct afile f;
	char *scratch;
	int fd, rc = -1;

	if (x->rq->format != EXPORT_XLSX) {
		errno = 0;
		write_text(out, x);
		if (fflush(out) != 0 || ferror(out))
			return write_failed(e, shown);
		return 0;
	}
	scratch = xasprintf("%s/wijklast-export", tmpdir && *tmpdir ? tmpdir :
	    "/tmp");
	rc = afile_open(&f, scratch, 0600, e);
	free(scratch);
	if (rc < 0)
		return -1;
	if ((rc = fill(&f, shown, x, e)) == 0) {
		if ((fd = open(afile_name(&f), O_RDONLY | O_CLOEXEC)) < 0) {
			rc = write_failed(e, shown);
		} else {
			rc = copy_out(fd, out, shown, e);
			close(fd);
		}
	}
	afile_abort(&f);
	return rc;
}

int
export_write(const char *path, const struct export_request *rq,
    const struct dataset *d, const struct settings *s,
    const struct week_figures *w, struct err *e)
{
	struct summary x;
	struct stat st;
	bool exists;
	FILE *out;
	int rc;

	summary_init(&x, rq, d, s, w);
	exists = strcmp(path, "-") != 0 && stat(path, &st) == 0;
	if (strcmp(path, "-") == 0) {
		rc = write_stream(stdout, "standard output", &x, e);
	} else if (exists && S_ISDIR(st.st_mode)) {
		rc = err_setx(e, EXIT_CANTCREAT, "cannot write %s: it is a "
		    "folder", path);
	} else if (exists && !S_ISREG(st.st_mode)) {
		if ((out = fopen(path, "w")) == NULL) {
			rc = err_setx(e, EXIT_CANTCREAT, "cannot write %s: %s",
			    path, strerror(errno));
		} else {
			rc = write_stream(out, path, &x, e);
			if (fclose(out) != 0 && rc == 0)
				rc = write_failed(e, path);
		}
	} else {
		rc = replace_file(path, exists, &st, &x, e);
	}
	if (rc == 0 && rq->progress)
		rq->progress(rq->ctx, 1.0);
	summary_clear(&x);
	return rc;
}
