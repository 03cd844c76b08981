/* ui_cases: the case list (SPEC §5): ref, team, holder or the waiting list,
 * type, phase, opened, closed and weekly hours, narrowed with / by a filter
 * of "field:value" terms (ref, team, employee, type, phase, status) and free
 * words that match any field. It starts as the open cases of the team
 * selected in the Overview, or of one employee (c in the Employee view).
 * a adds a case, Enter or e edits it, f moves it to the next phase, c
 * closes it, m moves it to a colleague or the waiting list with both loads
 * before → after shown first (the forms: ui_case_form.c, which the Employee
 * view uses too). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "text.h"
#include "ui_internal.h"
#include "validate.h"
#include "xmem.h"

#define FILTER_MAX 128
#define TERMS_MAX 8
#define TOP_LINES 3    /* title, filter line, column header */
#define BOTTOM_LINES 1 /* the selected case */

struct ui_cases {
	char filter[FILTER_MAX];
	int64_t team_id; /* the team the filter was made for */
};

enum {
	COL_REF,
	COL_TEAM,
	COL_HOLDER,
	COL_TYPE,
	COL_PHASE,
	COL_OPENED,
	COL_CLOSED,
	COL_HOURS,
	COL_COUNT
};

static struct ui_cases *
state(struct ui *u)
{
	if (u->cases == NULL)
		u->cases = xcalloc(1, sizeof *u->cases);
	return u->cases;
}

static void
cases_free(struct ui *u)
{
	free(u->cases);
	u->cases = NULL;
}


/* --- the filter --- */

enum term_key {
	TERM_ANY,
	TERM_REF,
	TERM_TEAM,
	TERM_EMPLOYEE,
	TERM_TYPE,
	TERM_PHASE,
	TERM_STATUS
};

struct term {
	enum term_key key;
	char value[64];
};

struct filter {
	struct term t[TERMS_MAX];
	int n;
};

/* Field names, English and Dutch. */
static const struct {
	const char *name;
	enum term_key key;
} term_names[] = {
	{ "ref", TERM_REF },
	{ "team", TERM_TEAM },
	{ "employee", TERM_EMPLOYEE },
	{ "medewerker", TERM_EMPLOYEE },
	{ "type", TERM_TYPE },
	{ "phase", TERM_PHASE },
	{ "fase", TERM_PHASE },
	{ "status", TERM_STATUS },
};
#define N_TERM_NAMES (sizeof term_names / sizeof term_names[0])

static bool
is_one_of(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strcasecmp(s, *words) == 0)
			return true;
	return false;
}

static const char *const all_words[] = { "all", "alle", "*", NULL };
static const char *const open_words[] = { "open", NULL };
static const char *const closed_words[] = { "closed", "gesloten", "dicht",
	NULL };
static const char *const waiting_words[] = { "-", "none", "waiting",
	"wachtlijst", NULL };

static int
filter_parse(const char *s, struct filter *f, struct err *e)
{
	f->n = 0;
	while (*s != '\0') {
		size_t len = strcspn(s, " \t");
		char word[sizeof f->t[0].value];
		const char *colon;
		struct term *t;

		if (len == 0) {
			s++;
			continue;
		}
		if (f->n == TERMS_MAX)
			return err_set(e, _("more than %d terms"), TERMS_MAX);
		if (len >= sizeof word)
			len = sizeof word - 1;
		memcpy(word, s, len);
		word[len] = '\0';
		s += strcspn(s, " \t");
		t = &f->t[f->n++];
		t->key = TERM_ANY;
		colon = strchr(word, ':');
		if (colon != NULL && colon > word) {
			size_t n = (size_t)(colon - word), k;
			for (k = 0; k < N_TERM_NAMES; k++)
				if (strlen(term_names[k].name) == n &&
				    strncasecmp(word, term_names[k].name,
				        n) == 0)
					break;
			if (k == N_TERM_NAMES)
				return err_set(e, _("\"%.*s\" is no field to "
				    "filter on (ref, team, employee, type, "
				    "phase, status)"), (int)n, word);
			t->key = term_names[k].key;
			memmove(word, colon + 1, strlen(colon + 1) + 1);
		}
		snprintf(t->value, sizeof t->value, "%s", word);
		if (t->key == TERM_STATUS && !is_one_of(word, all_words) &&
		    !is_one_of(word, open_words) &&
		    !is_one_of(word, closed_words))
			return err_set(e, _("status: \"%s\" is not open, "
			    "closed or all"), word);
	}
	return 0;
}

static bool
has(const char *hay, const char *needle)
{
	return strcasestr(hay, needle) != NULL;
}

static bool
term_matches(const struct ui *u, const struct term *t,
    const struct case_item *c)
{
	const struct dataset *d = &u->app->data;
	long ti = dataset_team_index(d, c->team_id);
	long ei = c->employee_id ? dataset_employee_index(d, c->employee_id)
				 : -1;
	const struct team *team = ti >= 0 ? &d->teams[ti] : NULL;
	const struct employee *em = ei >= 0 ? &d->employees[ei] : NULL;
	const char *v = t->value;
	bool open = c->closed == DATE_NONE || c->closed > u->app->today;

	switch (t->key) {
	case TERM_REF:
		return has(c->ref, v);
	case TERM_TEAM:
		return is_one_of(v, all_words) || (team != NULL &&
		    (strcasecmp(team->code, v) == 0 || has(team->name, v)));
	case TERM_EMPLOYEE:
		if (is_one_of(v, waiting_words))
			return c->employee_id == 0;
		return em != NULL &&
		    (strcasecmp(em->code, v) == 0 || has(em->name, v));
	case TERM_TYPE:
		return strcasecmp(c->type, v) == 0;
	case TERM_PHASE:
		return strncasecmp(settings_phase_code(c->phase), v,
		    strlen(v)) == 0;
	case TERM_STATUS:
		return is_one_of(v, all_words) ||
		    is_one_of(v, open_words) == open;
	default:
		return has(c->ref, v) || has(c->type, v) ||
		    has(settings_phase_code(c->phase), v) ||
		    (team && (has(team->code, v) || has(team->name, v))) ||
		    (em ? has(em->code, v) || has(em->name, v) :
			  has(_("waiting list"), v));
	}
}

/* Does f ask for open cases only (status:open)? */
static bool
only_open(const struct filter *f)
{
	for (int k = 0; k < f->n; k++)
		if (f->t[k].key == TERM_STATUS &&
		    is_one_of(f->t[k].value, open_words))
			return true;
	return false;
}

static bool
filter_matches(const struct ui *u, const struct filter *f,
    const struct case_item *c)
{
	for (int k = 0; k < f->n; k++)
		if (!term_matches(u, &f->t[k], c))
			return false;
	return true;
}

/* A new team selected in the Overview starts from its open cases. */
/* The filter for the team selected in the Overview when that changed, or
 * for the employee another view asked for (u->cases_employee). */
static void
sync_team(struct ui *u)
{
	struct ui_cases *st = state(u);
	long t = dataset_team_index(&u->app->data,
	    u->selected[UI_VIEW_OVERVIEW]);

	long i = dataset_employee_index(&u->app->data, u->cases_employee);

	if (i >= 0) { /* another view asked for one employee's cases */
		if (t >= 0)
			st->team_id = u->app->data.teams[t].id;
		snprintf(st->filter, sizeof st->filter, "employee:%s "
		    "status:open", u->app->data.employees[i].code);
	} else if (t < 0 || st->team_id == u->app->data.teams[t].id) {
		return;
	} else {
		st->team_id = u->app->data.teams[t].id;
		snprintf(st->filter, sizeof st->filter, "team:%s status:open",
		    u->app->data.teams[t].code);
	}
	u->cases_employee = 0;
	u->selected[UI_VIEW_CASES] = 0;
	u->top[UI_VIEW_CASES] = 0;
}

/* --- rows --- */

struct sort_row {
	long index;
	const char *team, *holder, *ref;
	int opened;
};

/* By team, holder (the waiting list first), opened, ref. */
static int
cmp_rows(const void *pa, const void *pb)
{
	const struct sort_row *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->team, b->team)) != 0)
		return c;
	if ((a->holder == NULL) != (b->holder == NULL))
		return a->holder == NULL ? -1 : 1;
	if (a->holder && (c = text_name_compare(a->holder, b->holder)) != 0)
		return c;
	if (a->opened != b->opened)
		return a->opened < b->opened ? -1 : 1;
	return strcmp(a->ref, b->ref);
}

static void
rows(struct ui *u)
{
	const struct dataset *d = &u->app->data;
	struct sort_row *sorted;
	struct filter f;
	size_t n = 0;

	sync_team(u);
	if (filter_parse(u->cases->filter, &f, NULL) < 0)
		return;
	/* closed cases of any day: all there are (app_open holds those of
	 * this week on) */
	if (!only_open(&f))
		ui_need(u, DATASET_ALL);
	sorted = xcalloc(d->n_cases + 1, sizeof *sorted);
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		long t = dataset_team_index(d, c->team_id);
		long e = c->employee_id ?
		    dataset_employee_index(d, c->employee_id) : -1;
		if (!filter_matches(u, &f, c))
			continue;
		sorted[n++] = (struct sort_row){ (long)i,
			t >= 0 ? d->teams[t].code : "",
			e >= 0 ? d->employees[e].name : NULL, c->ref,
			c->opened };
	}
	qsort(sorted, n, sizeof *sorted, cmp_rows);
	for (size_t k = 0; k < n; k++)
		ui_rows_push(u, sorted[k].index);
	free(sorted);
}

static int64_t
row_id(const struct ui *u, long index)
{
	return u->app->data.cases[index].id;
}

/* The selected case's dataset index, or -1. */
static long
selected_case(struct ui *u)
{
	int cur = ui_list_cursor(u);

	return u->n_rows > 0 ? u->rows[cur] : -1;
}

/* --- drawing --- */

static void
layout(const struct ui *u, struct ui_column *c)
{
	int ref_w = 6;

	/* refs are as wide as the client system makes them */
	for (size_t r = 0; r < u->n_rows; r++)
		if (text_width(u->app->data.cases[u->rows[r]].ref) > ref_w)
			ref_w = text_width(u->app->data.cases[u->rows[r]].ref);
	c[COL_REF] = ui_column(_("Ref"), ref_w < REF_SIZE ? ref_w : REF_SIZE, 0,
	    false);
	c[COL_TEAM] = ui_column(_("Team"), 4, 2, false);
	c[COL_HOLDER] = (struct ui_column){ _("Employee"), 14, 26, 0, false,
		0, 0 };
	c[COL_TYPE] = ui_column(_("Type"), 4, 0, false);
	c[COL_PHASE] = ui_column(_("Phase"), 9, 0, false);
	c[COL_OPENED] = ui_column(_("Opened"), 10, 0, false);
	c[COL_CLOSED] = ui_column(_("Closed"), 10, 1, false);
	c[COL_HOURS] = ui_column(_("h/week"), 5, 0, true);
	ui_layout(c, COL_COUNT, COLS);
}

static void
draw_case(const struct ui *u, const struct ui_column *c, int y, long i,
    attr_t attr)
{
	const struct dataset *d = &u->app->data;
	const struct case_item *cs = &d->cases[i];
	long t = dataset_team_index(d, cs->team_id);
	char opened[DATE_BUF], closed[DATE_BUF], hours[32];
	const char *cells[COL_COUNT] = {
		[COL_REF] = cs->ref,
		[COL_TEAM] = t >= 0 ? d->teams[t].code : "?",
		[COL_HOLDER] = ui_case_holder(u, cs->employee_id),
		[COL_TYPE] = cs->type,
		[COL_PHASE] = settings_phase_code(cs->phase),
		[COL_OPENED] = date_format(cs->opened, opened),
		[COL_CLOSED] = date_format(cs->closed, closed),
		[COL_HOURS] = ui_hours(u, hours, sizeof hours,
		    workload_case_hours(cs, &u->app->settings)),
	};

	for (int k = 0; k < COL_COUNT; k++) {
		/* the waiting list stands back from the names */
		attr_t dim = k == COL_HOLDER && cs->employee_id == 0 ? A_DIM
								     : A_NORMAL;
		ui_put(y, c[k].x, c[k].w, cells[k], c[k].right, attr | dim);
	}
}

/* "Filter: team:CEN status:open · 166 cases · 605.0 h/week", and at its
 * right where the list is when it does not fit. */
static void
draw_filter_line(struct ui *u)
{
	double hours = 0;
	char buf[512], h[32], count[64];

	for (size_t r = 0; r < u->n_rows; r++)
		hours += workload_case_hours(&u->app->data.cases[u->rows[r]],
		    &u->app->settings);
	snprintf(count, sizeof count, ngettext("%zu case", "%zu cases",
	    u->n_rows), u->n_rows);
	snprintf(buf, sizeof buf, _("Filter: %s · %s · %s h/week"),
	    u->cases->filter[0] ? u->cases->filter : _("(none: every case)"),
	    count, ui_hours(u, h, sizeof h, hours));
	int pw = text_width(u->list_pos);
	ui_put(1, 0, ui_list_position(u, 1, 0) ? COLS - pw - 2 : COLS, buf,
	    false, A_BOLD);
}

/* "Z-2026-003814 · Volwassenen · intake ×1.5 · 2.3 h/week · came in
 * through the intake block of Tue 17 Nov 2026 am" */
static void
draw_detail(const struct ui *u, int y, long i)
{
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	const struct case_item *cs = &d->cases[i];
	const struct case_type *ct = settings_case_type(s, cs->type);
	long b = cs->origin_block ? dataset_block_index(d, cs->origin_block)
				  : -1;
	char buf[512], factor[32], hours[32], day[64], origin[128] = "";

	text_format_decimal(factor, sizeof factor, s->phase_factor[cs->phase],
	    1, u->decimal_comma);
	if (b >= 0)
		snprintf(origin, sizeof origin, " · %s %s %s",
		    _("came in through the intake block of"),
		    ui_date(d->blocks[b].date, day, sizeof day),
		    ui_part(d->blocks[b].part));
	snprintf(buf, sizeof buf, "%s · %s · %s ×%s · %s %s%s", cs->ref,
	    ct ? ct->name : cs->type, settings_phase_code(cs->phase), factor,
	    ui_hours(u, hours, sizeof hours, workload_case_hours(cs, s)),
	    _("h/week"), origin);
	ui_put(y, 1, COLS - 1, buf, false, A_NORMAL);
}

static void
draw(struct ui *u)
{
	struct ui_column c[COL_COUNT];
	long i;

	ui_list_cursor(u);
	layout(u, c);
	ui_header(c, COL_COUNT, 2, -1, false);
	ui_list_draw(u, c, TOP_LINES, LINES - 1 - TOP_LINES - BOTTOM_LINES,
	    draw_case, _("No cases match the filter."));
	draw_filter_line(u);
	if ((i = selected_case(u)) >= 0)
		draw_detail(u, LINES - 2, i);
}

/* --- the filter form --- */

static int
parse_filter(const char *s, char *out, size_t size, struct err *e)
{
	struct filter f;

	if (filter_parse(s, &f, e) < 0)
		return -1;
	snprintf(out, size, "%s", s);
	return 0;
}

static void
filter_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	struct filter flt;
	size_t n = 0;
	char count[64];

	if (filter_parse(f->fields[0].text, &flt, NULL) == 0) {
		for (size_t i = 0; i < u->app->data.n_cases; i++)
			n += filter_matches(u, &flt, &u->app->data.cases[i]);
		snprintf(count, sizeof count, ngettext("%zu case matches",
		    "%zu cases match", n), n);
	} else {
		count[0] = '\0';
	}
	snprintf(buf, size, "%s\n%s\n%s", _("Fields: ref: team: employee: "
	    "type: phase: status:open|closed|all"), _("Other words match any "
	    "field; team:all for every team; employee:- for the waiting list"),
	    count);
}

static void
edit_filter(struct ui *u)
{
	struct ui_cases *st = state(u);
	struct ui_field field = { .label = _("Filter"), .kind = UI_FIELD_TEXT,
		.optional = true, .parse = parse_filter };
	struct ui_form form = { .title = _("Filter the cases"),
		.fields = &field, .n_fields = 1, .info = filter_info };

	snprintf(field.text, sizeof field.text, "%s", st->filter);
	if (!ui_form_run(u, &form))
		return;
	snprintf(st->filter, sizeof st->filter, "%s", field.str);
	u->selected[UI_VIEW_CASES] = 0;
	u->top[UI_VIEW_CASES] = 0;
}

/* --- the view --- */

/* The employee the filter names by code (a new case goes to them), or 0. */
static int64_t
filter_employee(struct ui *u)
{
	const struct dataset *d = &u->app->data;
	struct filter f;

	if (filter_parse(state(u)->filter, &f, NULL) < 0)
		return 0;
	for (int k = 0; k < f.n; k++) {
		long i = dataset_employee_by_code(d, f.t[k].value);
		if (f.t[k].key == TERM_EMPLOYEE && i >= 0 &&
		    d->employees[i].team_id == u->selected[UI_VIEW_OVERVIEW])
			return d->employees[i].id;
	}
	return 0;
}

static void
leave(struct ui *u)
{
	ui_show(u, u->prev_view == UI_VIEW_CASES ? UI_VIEW_TEAM : u->prev_view);
}

static bool
action(struct ui *u, enum ui_action act)
{
	long i;

	switch (act) {
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
	case UI_ACT_QUIT: /* q leaves the view first */
		leave(u);
		return true;
	case UI_ACT_FILTER:
		edit_filter(u);
		return true;
	case UI_ACT_ADD:
		ui_cases_add(u, u->selected[UI_VIEW_OVERVIEW],
		    filter_employee(u));
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
	case UI_ACT_PHASE:
	case UI_ACT_CLOSE:
	case UI_ACT_MOVE_CASE:
		break;
	default:
		return false;
	}
	if ((i = selected_case(u)) < 0) {
		ui_message(u, true, "%s", _("No case selected"));
		return true;
	}
	int64_t id = u->app->data.cases[i].id;
	if (act == UI_ACT_PHASE)
		ui_cases_next_phase(u, id);
	else if (act == UI_ACT_CLOSE)
		ui_cases_close(u, id);
	else if (act == UI_ACT_MOVE_CASE)
		ui_cases_move(u, id);
	else
		ui_cases_edit(u, id);
	return true;
}

static const struct ui_hint hints[] = {
	{ { UI_ACT_FILTER }, N_("filter") },
	{ { UI_ACT_ADD }, N_("add") },
	{ { UI_ACT_EDIT }, N_("edit") },
	{ { UI_ACT_PHASE }, N_("phase") },
	{ { UI_ACT_CLOSE }, N_("close") },
	{ { UI_ACT_MOVE_CASE }, N_("move") },
	{ { UI_ACT_NONE }, NULL },
};

static const enum ui_action own[] = { UI_ACT_ADD, UI_ACT_EDIT, UI_ACT_FILTER,
	UI_ACT_PHASE, UI_ACT_CLOSE, UI_ACT_MOVE_CASE, UI_ACT_NONE };

const struct ui_view_ops ui_cases_ops = {
	.name = NC_("tab", "Cases"),
	.key_name = "cases",
	.keys = { '5' },
	.help = N_("Cases of the selected team"),
	.actions = own,
	.free = cases_free,
	.hints = hints,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
};
