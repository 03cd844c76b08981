/* ui_employee: one employee — the Team view's selection — in the shown week
 * (SPEC §5). On top the load broken down: available hours with the holidays
 * and absences that lower them, capacity, demand from cases, intake and side
 * activities, load and status. Below, in sections, their open cases and the
 * side activities, absences and intake blocks of the horizon (the shown week
 * and the horizon_weeks after it). a adds to the section of the selection,
 * Enter or e edits, x ends (an end date; a case: closes), d deletes after
 * asking; c shows their cases in the Cases view. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "text.h"
#include "ui_internal.h"
#include "validate.h"
#include "xmem.h"

enum section { SEC_CASES, SEC_ACTIVITIES, SEC_ABSENCES, SEC_BLOCKS, SEC_COUNT };

#define MAX_COLS 6  /* columns of a section */
#define TOP_LINES 7 /* title, who, four lines of load, a blank line */
#define BAR_W 24    /* the load bar at most */

/* A row of the list: its section in the high bits and below them the
 * dataset index + 1 of its record, 0 for the section's header row. */
#define ROW(sec, i) (((long)(sec) << 32) | ((long)(i) + 1))

static enum section
row_section(long row)
{
	return (enum section)(row >> 32);
}

static long
row_record(long row)
{
	return (row & 0xffffffffL) - 1;
}

/* The employee shown, or -1: the Team view's selection, if it is in the
 * team selected in the Overview. */
static long
employee_index(const struct ui *u)
{
	const struct dataset *d = &u->app->data;
	long i = dataset_employee_index(d, u->selected[UI_VIEW_TEAM]);

	if (i < 0 || d->employees[i].team_id != u->selected[UI_VIEW_OVERVIEW])
		return -1;
	return i;
}

/* The last day of the horizon the sections show. */
static int
horizon_end(const struct ui *u)
{
	return u->monday + 7 * (u->app->settings.horizon_weeks + 1) - 1;
}

/* "Fri 25 Dec": ui_date without the year. */
/* --- rows --- */

struct sort_row {
	long index;
	int key;
	const char *name;
};

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct sort_row *a = pa, *b = pb;
	int c;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if ((c = text_name_compare(a->name, b->name)) != 0)
		return c;
	return (a->index > b->index) - (a->index < b->index);
}

/* Does the record at index of section sec belong to employee id in the
 * days from .. to? Its sort key and name when it does. */
static bool
in_section(const struct ui *u, enum section sec, size_t i, int64_t id,
    struct sort_row *r)
{
	const struct dataset *d = &u->app->data;
	int from = u->monday, to = horizon_end(u);

	switch (sec) {
	case SEC_CASES: {
		const struct case_item *c = &d->cases[i];
		*r = (struct sort_row){ (long)i, c->opened, c->ref };
		return c->employee_id == id &&
		    workload_case_is_open(c, u->monday);
	}
	case SEC_ACTIVITIES: {
		const struct activity *a = &d->activities[i];
		*r = (struct sort_row){ (long)i, a->start, a->name };
		return a->employee_id == id && a->start <= to && a->end >= from;
	}
	case SEC_ABSENCES: {
		const struct absence *a = &d->absences[i];
		*r = (struct sort_row){ (long)i, a->start, a->reason };
		return a->employee_id == id && a->start <= to && a->end >= from;
	}
	default: {
		const struct block *b = &d->blocks[i];
		*r = (struct sort_row){ (long)i, b->date * 2 + (int)b->part,
			"" };
		return b->employee_id == id && b->date >= from && b->date <= to;
	}
	}
}

static size_t
section_size(const struct dataset *d, enum section sec)
{
	switch (sec) {
	case SEC_CASES:
		return d->n_cases;
	case SEC_ACTIVITIES:
		return d->n_activities;
	case SEC_ABSENCES:
		return d->n_absences;
	default:
		return d->n_blocks;
	}
}

/* Each section: its header row, then its records in date order. */
static void
rows(struct ui *u)
{
	const struct dataset *d = &u->app->data;
	long ei = employee_index(u);

	if (ei < 0)
		return;
	for (int sec = 0; sec < SEC_COUNT; sec++) {
		size_t size = section_size(d, sec), n = 0;
		struct sort_row *sorted = xcalloc(size + 1, sizeof *sorted);
		for (size_t i = 0; i < size; i++)
			if (in_section(u, sec, i, d->employees[ei].id,
			        &sorted[n]))
				n++;
		qsort(sorted, n, sizeof *sorted, cmp_rows);
		ui_rows_push(u, ROW(sec, -1));
		for (size_t k = 0; k < n; k++)
			ui_rows_push(u, ROW(sec, sorted[k].index));
		free(sorted);
	}
}

static int64_t
row_id(const struct ui *u, long row)
{
	const struct dataset *d = &u->app->data;
	long i = row_record(row);
	int64_t id = 0;

	if (i >= 0) {
		switch (row_section(row)) {
		case SEC_CASES:
			id = d->cases[i].id;
			break;
		case SEC_ACTIVITIES:
			id = d->activities[i].id;
			break;
		case SEC_ABSENCES:
			id = d->absences[i].id;
			break;
		default:
			id = d->blocks[i].id;
			break;
		}
	}
	/* ids of different tables differ by their section */
	return ((int64_t)row_section(row) + 1) << 48 | id;
}

/* The selected row, or -1 when the list is empty. */
static long
selected_row(struct ui *u)
{
	int cur = ui_list_cursor(u);

	return u->n_rows > 0 ? u->rows[cur] : -1;
}

/* Select the record id of section sec (after adding it). */
static void
select_record(struct ui *u, enum section sec, int64_t id)
{
	u->selected[UI_VIEW_EMPLOYEE] = ((int64_t)sec + 1) << 48 | id;
}

/* What the forms call with the id they saved: it is selected. */
static void
absence_saved(struct ui *u, int64_t id)
{
	select_record(u, SEC_ABSENCES, id);
}

static void
activity_saved(struct ui *u, int64_t id)
{
	select_record(u, SEC_ACTIVITIES, id);
}

/* --- the load, broken down --- */

/* "5 working days × 7.2 h − 36.0 h absent (ziek 100% Mon–Fri) · holiday
 * Fri 25 Dec": what makes the available hours of the week. */
static void
explain_available(const struct ui *u, long ei, char *buf, size_t size)
{
	const struct employee *em = &u->app->data.employees[ei];
	const struct employee_week *w = &u->fig.employees[ei];
	double hpd = workload_hours_per_day(em);
	char hours[32], lost[32], why[256];
	int work = 0;

	for (int k = 0; k < 7; k++)
		if (workload_is_working_day(em, &u->app->settings, u->monday + k))
			work++;
	snprintf(buf, size, ngettext("%d working day × %s h",
	    "%d working days × %s h", work), work,
	    ui_hours(u, hours, sizeof hours, hpd));
	/* only absences take hours off working days: why starts with them */
	bool absent = work * hpd - w->available > 0.005;
	if (absent) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, " − %s %s",
		    ui_hours(u, lost, sizeof lost, work * hpd - w->available),
		    _("h"));
	}
	if (ui_hours_lost(u, ei, why, sizeof why)[0] != '\0') {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", absent ? " " : " · ", why);
	}
}

/* One line of the breakdown: label, a figure, what makes it. */
static void
draw_line(int y, int lw, const char *label, const char *figure,
    const char *why, attr_t attr)
{
	ui_put(y, 1, lw, label, false, A_BOLD);
	ui_put(y, 2 + lw, 8, figure, true, attr);
	ui_put(y, 11 + lw, COLS - 12 - lw, why, false, A_NORMAL);
}

static void
draw_breakdown(const struct ui *u, long ei)
{
	const struct settings *s = &u->app->settings;
	const struct employee_week *w = &u->fig.employees[ei];
	const char *labels[4] = { _("Available"), _("Capacity"), _("Demand"),
		_("Load") };
	char fig[64], why[512], a[32], b[32], c[32], pct[32], st[64];
	char sustained[128];
	int lw = 0;

	for (int k = 0; k < 4; k++)
		if (text_width(labels[k]) > lw)
			lw = text_width(labels[k]);

	snprintf(fig, sizeof fig, "%s %s", ui_hours(u, a, sizeof a,
	    w->available), _("h"));
	explain_available(u, ei, why, sizeof why);
	draw_line(2, lw, labels[0], fig, why, A_NORMAL);

	snprintf(fig, sizeof fig, "%s %s", ui_hours(u, a, sizeof a,
	    w->capacity), _("h"));
	text_format_decimal(pct, sizeof pct, s->overhead_pct,
	    s->overhead_pct == floor(s->overhead_pct) ? 0 : 1,
	    u->decimal_comma);
	snprintf(why, sizeof why, _("available − %s%% overhead (meetings, "
	    "supervision, training, travel)"), pct);
	draw_line(3, lw, labels[1], fig, why, A_NORMAL);

	snprintf(fig, sizeof fig, "%s %s", ui_hours(u, a, sizeof a,
	    w->demand), _("h"));
	snprintf(why, sizeof why, _("= %s case hours + %s intake + %s side "
	    "activities"), ui_hours(u, a, sizeof a, w->case_hours),
	    ui_hours(u, b, sizeof b, w->intake_hours),
	    ui_hours(u, c, sizeof c, w->side_hours));
	draw_line(4, lw, labels[2], fig, why, A_NORMAL);

	workload_format_percent(fig, sizeof fig, w->load, w->counted, s,
	    u->decimal_comma);
	draw_line(5, lw, labels[3], fig, "", ui_status_attr(u, w->status));
	int x = 11 + lw, sw = text_width(ui_status_text(w->status, st,
	    sizeof st));
	ui_put(5, x, sw, st, false, ui_status_attr(u, w->status));
	x += sw + 1;
	if (!w->counted) {
		ui_put(5, x, COLS - x, _("not counted: no capacity and no "
		    "demand this week"), false, A_NORMAL);
		return;
	}
	if (isinf(w->load)) {
		ui_put(5, x, COLS - x, _("no capacity"), false,
		    ui_status_attr(u, w->status));
		x += text_width(_("no capacity")) + 1;
	} else {
		int bw = COLS - x - 1 < BAR_W ? COLS - x - 1 : BAR_W;
		ui_bar(u, 5, x, bw, w->load, w->status, A_NORMAL);
		x += bw + 1;
	}
	if (w->sustained && x < COLS) {
		snprintf(sustained, sizeof sustained,
		    _("OVER %d weeks running"), s->sustained_weeks);
		snprintf(why, sizeof why, "! %s", sustained);
		ui_put(5, x, COLS - x, why, false, A_BOLD);
	}
}

/* "CEN14 · Daniëlle Meijer · Centrum · jeugd · 24.0 h/week (0.67 FTE) ·
 * ma,di,wo,do,vr" */
static void
draw_who(const struct ui *u, long ei)
{
	const struct dataset *d = &u->app->data;
	const struct employee *em = &d->employees[ei];
	long t = dataset_team_index(d, em->team_id);
	char buf[512], hours[32], fte[32], days[64];

	text_format_decimal(fte, sizeof fte,
	    em->contract_hours / u->app->settings.fulltime_hours, 2,
	    u->decimal_comma);
	snprintf(buf, sizeof buf,
	    _("%s · %s · %s · %s · %s h/week (%s FTE) · %s"), em->code,
	    em->name, t >= 0 ? d->teams[t].name : "?",
	    em->discipline[0] ? em->discipline : "-",
	    ui_hours(u, hours, sizeof hours, em->contract_hours), fte,
	    dataset_workdays_format(em->workdays, days, sizeof days));
	ui_put(1, 0, COLS, buf, false, A_BOLD);
}

/* --- the sections --- */

/* The columns of each section, for a table laid out on COLS. */
struct layout {
	struct ui_column c[SEC_COUNT][MAX_COLS];
	size_t n[SEC_COUNT];
};

static const char *
section_title(enum section sec)
{
	switch (sec) {
	case SEC_CASES:
		return _("Open cases");
	case SEC_ACTIVITIES:
		return _("Side activities");
	case SEC_ABSENCES:
		return _("Absences");
	default:
		return _("Intake blocks");
	}
}

/* The first column: a section's title with its count on the header row,
 * the records' main field indented below it. */
static struct ui_column
first_column(enum section sec, int min, int max)
{
	char buf[128];
	int w;

	snprintf(buf, sizeof buf, "%s (999)", section_title(sec));
	w = text_width(buf);
	if (min < w)
		min = w;
	return (struct ui_column){ "", min, max > min ? max : min, 0, false, 0,
		0 };
}

static void
layout(struct layout *l)
{
	struct ui_column *c;
	char buf[64];
	int date_w = text_width(ui_date(date_from_ymd(2026, 12, 30), buf,
	    sizeof buf));

	c = l->c[SEC_CASES];
	c[0] = first_column(SEC_CASES, 16, 22);
	c[1] = ui_column(_("Type"), 4, 0, false);
	c[2] = (struct ui_column){ "", 12, 26, 1, false, 0, 0 };
	c[3] = ui_column(_("Phase"), 9, 0, false);
	c[4] = ui_column(_("Opened"), 10, 0, false);
	c[5] = ui_column(_("h/week"), 5, 0, true);
	l->n[SEC_CASES] = 6;

	c = l->c[SEC_ACTIVITIES];
	c[0] = first_column(SEC_ACTIVITIES, 24, 44);
	c[1] = ui_column(_("Kind"), 10, 1, false);
	c[2] = ui_column(_("h/week"), 5, 0, true);
	c[3] = ui_column(_("Start"), 10, 0, false);
	c[4] = ui_column(_("End"), 10, 0, false);
	l->n[SEC_ACTIVITIES] = 5;

	c = l->c[SEC_ABSENCES];
	c[0] = first_column(SEC_ABSENCES, 16, 24);
	c[1] = ui_column("%", 4, 0, true);
	c[2] = ui_column(_("Start"), 10, 0, false);
	c[3] = ui_column(_("End"), 10, 0, false);
	c[4] = (struct ui_column){ "", 12, 40, 1, false, 0, 0 };
	l->n[SEC_ABSENCES] = 5;

	c = l->c[SEC_BLOCKS];
	c[0] = first_column(SEC_BLOCKS, date_w + 2, date_w + 2);
	c[1] = ui_column(_("Part"), text_width(_("afternoon")), 0, false);
	c[2] = ui_column(_("Hours"), 5, 0, true);
	c[3] = ui_column("", text_width(_("locked")), 1, false);
	l->n[SEC_BLOCKS] = 4;

	for (int sec = 0; sec < SEC_COUNT; sec++)
		ui_layout(l->c[sec], l->n[sec], COLS - 1);
}

/* Put cells[0 .. n-1] in the columns of a row; the first one indented. */
static void
put_cells(const struct ui_column *c, size_t n, int y, const char *const *cells,
    attr_t attr)
{
	ui_put(y, c[0].x + 2, c[0].w - 2, cells[0], false, attr);
	for (size_t k = 1; k < n; k++)
		ui_put(y, c[k].x, c[k].w, cells[k], c[k].right, attr);
}

static void
draw_header_row(const struct ui *u, const struct ui_column *c, size_t n,
    int y, enum section sec, attr_t attr)
{
	char buf[128];
	size_t count = 0;

	for (size_t r = 0; r < u->n_rows; r++)
		if (row_section(u->rows[r]) == sec &&
		    row_record(u->rows[r]) >= 0)
			count++;
	snprintf(buf, sizeof buf, "%s (%zu)", section_title(sec), count);
	ui_put(y, c[0].x, c[0].w, buf, false, attr | A_BOLD);
	for (size_t k = 1; k < n; k++)
		ui_put(y, c[k].x, c[k].w, c[k].title, c[k].right,
		    attr | A_BOLD | A_UNDERLINE);
}

static void
draw_row(const struct ui *u, const struct ui_column *all, int y, long row,
    attr_t attr)
{
	const struct layout *l = (const struct layout *)(const void *)all;
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	enum section sec = row_section(row);
	const struct ui_column *c = l->c[sec];
	long i = row_record(row);
	char a[64], b[64], h[32], p[16], e[DATE_BUF], more[128];

	if (i < 0) {
		draw_header_row(u, c, l->n[sec], y, sec, attr);
		return;
	}
	switch (sec) {
	case SEC_CASES: {
		const struct case_item *cs = &d->cases[i];
		const struct case_type *ct = settings_case_type(s, cs->type);
		const char *cells[] = { cs->ref, cs->type, ct ? ct->name : "",
			settings_phase_code(cs->phase),
			date_format(cs->opened, a),
			ui_hours(u, h, sizeof h, workload_case_hours(cs, s)) };
		put_cells(c, l->n[sec], y, cells, attr);
		break;
	}
	case SEC_ACTIVITIES: {
		const struct activity *ac = &d->activities[i];
		const char *cells[] = { ac->name, ac->kind,
			ui_hours(u, h, sizeof h, ac->hours_per_week),
			date_format(ac->start, a), date_format(ac->end, e) };
		put_cells(c, l->n[sec], y, cells, attr);
		break;
	}
	case SEC_ABSENCES: {
		const struct absence *ab = &d->absences[i];
		int days = ab->end - ab->start + 1;
		snprintf(p, sizeof p, "%d%%", ab->percent);
		snprintf(more, sizeof more, ngettext("%d day", "%d days", days),
		    days);
		const char *cells[] = { ab->reason[0] ? ab->reason : "—", p,
			date_format(ab->start, a), date_format(ab->end, e),
			more };
		put_cells(c, l->n[sec], y, cells, attr);
		break;
	}
	default: {
		const struct block *bl = &d->blocks[i];
		const char *cells[] = { ui_date(bl->date, b, sizeof b),
			bl->part == PART_MORNING ? _("morning")
						 : _("afternoon"),
			ui_hours(u, h, sizeof h, bl->hours),
			workload_block_needs_cover(d, bl)
			    ? _("! absent: hand it over")
			    : bl->locked ? _("locked") : "" };
		put_cells(c, l->n[sec], y, cells, attr);
		break;
	}
	}
}

static int
list_height(void)
{
	return LINES - 1 - TOP_LINES;
}

static void
draw(struct ui *u)
{
	struct layout l;
	long ei = employee_index(u);
	char buf[256], k1[32], k2[32];

	if (ei < 0) {
		snprintf(buf, sizeof buf, _("No employee selected: choose one "
		    "in the Team view (%s) and press %s."),
		    ui_key(u, UI_ACT_VIEW_TEAM, k1, sizeof k1),
		    ui_key(u, UI_ACT_OPEN, k2, sizeof k2));
		ui_put(2, 1, COLS - 2, buf, false, A_NORMAL);
		return;
	}
	ui_list_cursor(u);
	layout(&l);
	draw_who(u, ei);
	draw_breakdown(u, ei);
	ui_list_draw(u, l.c[0], TOP_LINES, list_height(), draw_row, "");
	ui_list_position(u, TOP_LINES - 1, 0); /* on the blank line above */
}

/* "CEN14 · 2026-W48": the employee and the week shown. */
static void
title(const struct ui *u, char *buf, size_t size)
{
	long ei = employee_index(u);
	char week[WEEK_BUF];

	date_format_week(u->monday, week);
	if (ei < 0)
		snprintf(buf, size, "%s", week);
	else
		snprintf(buf, size, "%s · %s", u->app->data.employees[ei].code,
		    week);
}

/* --- actions --- */

static void
blocks_in_planner(struct ui *u)
{
	char key[32];

	ui_message(u, true, _("Intake blocks are planned in the Planner (%s)"),
	    ui_key(u, UI_ACT_VIEW_PLANNER, key, sizeof key));
}

static void
add(struct ui *u, long ei, enum section sec)
{
	const struct employee *em = &u->app->data.employees[ei];

	switch (sec) {
	case SEC_CASES:
		ui_cases_add(u, em->team_id, em->id);
		break;
	case SEC_ACTIVITIES:
		ui_activity_edit(u, ei, -1, activity_saved);
		break;
	case SEC_ABSENCES:
		ui_absence_edit(u, ei, -1, absence_saved);
		break;
	default:
		blocks_in_planner(u);
		break;
	}
}

static bool
action(struct ui *u, enum ui_action act)
{
	long ei = employee_index(u), row, i;
	enum section sec;
	char key[32];

	switch (act) {
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
	case UI_ACT_QUIT: /* q leaves the view first, like the Team view */
		ui_show(u, UI_VIEW_TEAM);
		return true;
	case UI_ACT_ADD:
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
	case UI_ACT_END:
	case UI_ACT_DELETE:
	case UI_ACT_SHOW_CASES:
		break;
	case UI_ACT_COVER:
		if (ei >= 0)
			ui_cover(u, u->app->data.employees[ei].id, DATE_NONE,
			    DATE_NONE, NULL);
		else
			ui_message(u, true, "%s", _("No employee selected"));
		return true;
	default:
		return false;
	}
	if (ei < 0 || (row = selected_row(u)) < 0) {
		ui_message(u, true, "%s", _("No employee selected"));
		return true;
	}
	if (act == UI_ACT_SHOW_CASES) {
		/* the Cases view takes the request when it is shown */
		u->cases_employee = u->app->data.employees[ei].id;
		ui_show(u, UI_VIEW_CASES);
		return true;
	}
	sec = row_section(row);
	i = row_record(row);
	if (act == UI_ACT_ADD) {
		add(u, ei, sec);
		return true;
	}
	if (i < 0) {
		/* a heading is not a record: Enter never adds by surprise */
		char add_key[32];
		ui_message(u, true, _("%s is a heading: select a row, or %s "
		    "adds one"), section_title(sec),
		    ui_key(u, UI_ACT_ADD, add_key, sizeof add_key));
		return true;
	}
	switch (sec) {
	case SEC_CASES:
		if (act == UI_ACT_END)
			ui_cases_close(u, u->app->data.cases[i].id);
		else if (act == UI_ACT_DELETE)
			ui_message(u, true, _("Cases are closed, not "
			    "deleted: %s closes it"),
			    ui_key(u, UI_ACT_END, key, sizeof key));
		else
			ui_cases_edit(u, u->app->data.cases[i].id);
		break;
	case SEC_ACTIVITIES:
	case SEC_ABSENCES:
		if (act == UI_ACT_END)
			ui_record_end(u, sec == SEC_ABSENCES, i);
		else if (act == UI_ACT_DELETE)
			ui_record_delete(u, sec == SEC_ABSENCES, i);
		else if (sec == SEC_ABSENCES)
			ui_absence_edit(u, ei, i, absence_saved);
		else
			ui_activity_edit(u, ei, i, activity_saved);
		break;
	default:
		blocks_in_planner(u);
		break;
	}
	return true;
}

static const struct ui_hint hints[] = {
	{ { UI_ACT_BACK }, N_("back") },
	{ { UI_ACT_ADD }, N_("add") },
	{ { UI_ACT_OPEN, UI_ACT_EDIT }, N_("edit") },
	{ { UI_ACT_END }, N_("end") },
	{ { UI_ACT_DELETE }, N_("delete") },
	{ { UI_ACT_SHOW_CASES }, N_("cases") },
	{ { UI_ACT_COVER }, N_("cover") },
	{ { UI_ACT_NONE }, NULL },
};

static const enum ui_action own[] = { UI_ACT_ADD, UI_ACT_EDIT, UI_ACT_END,
	UI_ACT_DELETE, UI_ACT_SHOW_CASES, UI_ACT_COVER, UI_ACT_NONE };

const struct ui_view_ops ui_employee_ops = {
	.name = N_("Employee"),
	.key_name = "employee",
	.keys = { '4' },
	.help = N_("Employee view of the employee selected in the Team view"),
	.actions = own,
	.hints = hints,
	.title = title,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
};
