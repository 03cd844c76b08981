/* ui_cases: the case list (SPEC §5): ref, team, holder or the waiting list,
 * type, phase, opened, closed and weekly hours, narrowed with / by a filter
 * of "field:value" terms (ref, team, employee, type, phase, status) and free
 * words that match any field. It starts as the open cases of the team
 * selected in the Overview, or of one employee (c in the Employee view).
 * a adds a case, Enter or e edits it, f moves it to the next phase, c
 * closes it, m moves it to a colleague or the waiting list with both loads
 * before → after shown first. The case forms serve the Employee view too. */
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

void
ui_cases_free(struct ui *u)
{
	free(u->cases);
	u->cases = NULL;
}

static const char *
holder_name(const struct ui *u, int64_t id)
{
	long i = id ? dataset_employee_index(&u->app->data, id) : -1;

	return i >= 0 ? u->app->data.employees[i].name : _("waiting list");
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
static void
sync_team(struct ui *u)
{
	struct ui_cases *st = state(u);
	long t = dataset_team_index(&u->app->data,
	    u->selected[UI_VIEW_OVERVIEW]);

	if (t < 0 || st->team_id == u->app->data.teams[t].id)
		return;
	st->team_id = u->app->data.teams[t].id;
	snprintf(st->filter, sizeof st->filter, "team:%s status:open",
	    u->app->data.teams[t].code);
	u->selected[UI_VIEW_CASES] = 0;
	u->top[UI_VIEW_CASES] = 0;
}

void
ui_cases_show_employee(struct ui *u, int64_t employee_id)
{
	long i = dataset_employee_index(&u->app->data, employee_id);
	struct ui_cases *st = state(u);

	if (i < 0)
		return;
	sync_team(u);
	snprintf(st->filter, sizeof st->filter, "employee:%s status:open",
	    u->app->data.employees[i].code);
	u->selected[UI_VIEW_CASES] = 0;
	u->top[UI_VIEW_CASES] = 0;
	ui_show(u, UI_VIEW_CASES);
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

static struct ui_column
column(const char *title, int data_w, int drop, bool right)
{
	int w = text_width(title);

	if (w < data_w)
		w = data_w;
	return (struct ui_column){ title, w, w, drop, right, 0, 0 };
}

static void
layout(const struct ui *u, struct ui_column *c)
{
	int ref_w = 6;

	/* refs are as wide as the client system makes them */
	for (size_t r = 0; r < u->n_rows; r++)
		if (text_width(u->app->data.cases[u->rows[r]].ref) > ref_w)
			ref_w = text_width(u->app->data.cases[u->rows[r]].ref);
	c[COL_REF] = column(_("Ref"), ref_w < REF_SIZE ? ref_w : REF_SIZE, 0,
	    false);
	c[COL_TEAM] = column(_("Team"), 4, 2, false);
	c[COL_HOLDER] = (struct ui_column){ _("Employee"), 14, 26, 0, false,
		0, 0 };
	c[COL_TYPE] = column(_("Type"), 4, 0, false);
	c[COL_PHASE] = column(_("Phase"), 9, 0, false);
	c[COL_OPENED] = column(_("Opened"), 10, 0, false);
	c[COL_CLOSED] = column(_("Closed"), 10, 1, false);
	c[COL_HOURS] = column(_("h/week"), 5, 0, true);
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
		[COL_HOLDER] = holder_name(u, cs->employee_id),
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

/* --- the effect of a change on loads --- */

/* The week a change of case c shows its effect in: the shown week when c
 * is open then and that week is not over; else the first week from this
 * week on in which c is open (its hours count in every week after that
 * while it stays open). A case closed before this week: the shown week,
 * where nothing changes. */
static int
effect_week(const struct ui *u, const struct case_item *c)
{
	int this_week = date_monday(u->app->today), w;

	if (u->monday >= this_week && workload_case_is_open(c, u->monday))
		return u->monday;
	w = date_monday(c->opened) > this_week ? date_monday(c->opened)
					       : this_week;
	return workload_case_is_open(c, w) ? w : u->monday;
}

/* The effect of delta weekly hours more for who (an employee, or 0: the
 * waiting list of team_id) in the week of monday: "89% → 96% ○ ROOM" (the
 * status only when asked), or for the waiting list "21.8 → 24.0 h". */
static char *
effect(const struct ui *u, int monday, int64_t who, int64_t team_id,
    double delta, bool status, char *buf, size_t size)
{
	const struct dataset *d = &u->app->data;
	const struct week_figures *wf = ui_live_week(u, monday);
	char a[32], b[32];

	if (who == 0) {
		long t = dataset_team_index(d, team_id);
		double h = t >= 0 ? wf->teams[t].waiting_hours : 0;
		snprintf(buf, size, "%s → %s %s", ui_hours(u, a, sizeof a, h),
		    ui_hours(u, b, sizeof b, h + delta), _("h"));
	} else {
		long e = dataset_employee_index(d, who);
		const struct employee_week *w = e >= 0 ? &wf->employees[e]
						       : NULL;
		if (w == NULL)
			snprintf(buf, size, "?");
		else
			ui_load_change(u, w->demand, w->capacity,
			    w->demand + delta, w->capacity, status, buf, size);
	}
	return buf;
}

/* The hours case c adds in the week of monday (0 when it is not open). */
static double
week_hours(const struct ui *u, int monday, const struct case_item *c)
{
	if (c == NULL || !workload_case_is_open(c, monday))
		return 0;
	return workload_case_hours(c, &u->app->settings);
}

/* Lines on what changing case `from` (NULL: a new case) into `to` does to
 * the loads of the week it shows in (effect_week): the receiver's and the
 * giver's. */
static void
case_effect(const struct ui *u, const struct case_item *from,
    const struct case_item *to, char *buf, size_t size)
{
	char week[WEEK_BUF], e1[128], e2[128];
	int monday = effect_week(u, to);
	double h0 = week_hours(u, monday, from);
	double h1 = week_hours(u, monday, to);
	int64_t giver = from ? from->employee_id : 0;

	date_format_week(monday, week);
	if (from == NULL || giver == to->employee_id) {
		snprintf(buf, size, _("%s, %s: %s"), week,
		    holder_name(u, to->employee_id),
		    effect(u, monday, to->employee_id, to->team_id, h1 - h0,
		        true, e1, sizeof e1));
		return;
	}
	snprintf(buf, size, _("%s, to %s: %s\n%s, from %s: %s"), week,
	    holder_name(u, to->employee_id),
	    effect(u, monday, to->employee_id, to->team_id, h1, true, e1,
	        sizeof e1),
	    week,
	    holder_name(u, giver),
	    effect(u, monday, giver, from->team_id, -h0, true, e2,
	        sizeof e2));
}

/* --- the case form --- */

enum { CF_REF, CF_HOLDER, CF_TYPE, CF_PHASE, CF_OPENED, CF_CLOSED, CF_COUNT };

struct case_form {
	struct case_item c; /* as read (id 0: a new case) */
	bool is_new;
	int64_t *holders;   /* the choices of holder: 0 the waiting list */
	char **holder_labels;
	int n_holders;
	char (*type_labels)[SETTINGS_CODE_MAX + SETTINGS_NAME_MAX + 8];
	const char **types;
	const char *phases[PHASE_COUNT];
	struct ui_field f[CF_COUNT];
};

static int
parse_ref(const char *s, char *out, size_t size, struct err *e)
{
	(void)size;
	return validate_case_ref(s, out, REF_SIZE, e);
}

struct holder_sort {
	int64_t id;
	const char *name;
};

static int
cmp_holders(const void *pa, const void *pb)
{
	const struct holder_sort *a = pa, *b = pb;

	return text_name_compare(a->name, b->name);
}

/* The waiting list and the team's members who have not left, by name. */
static void
holder_choices(const struct ui *u, struct case_form *cf)
{
	const struct dataset *d = &u->app->data;
	struct holder_sort *hs = xcalloc(d->n_employees + 1, sizeof *hs);
	int n = 0;

	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];
		if (em->team_id == cf->c.team_id &&
		    (em->end >= u->app->today || em->id == cf->c.employee_id))
			hs[n++] = (struct holder_sort){ em->id, em->name };
	}
	qsort(hs, (size_t)n, sizeof *hs, cmp_holders);
	cf->holders = xcalloc((size_t)n + 1, sizeof *cf->holders);
	cf->holder_labels = xcalloc((size_t)n + 1, sizeof *cf->holder_labels);
	cf->holder_labels[0] = xstrdup(_("waiting list"));
	for (int k = 0; k < n; k++) {
		long i = dataset_employee_index(d, hs[k].id);
		cf->holders[k + 1] = hs[k].id;
		cf->holder_labels[k + 1] = xasprintf("%s (%s)", hs[k].name,
		    d->employees[i].code);
	}
	cf->n_holders = n + 1;
	free(hs);
}

static void
case_form_clear(struct case_form *cf)
{
	for (int k = 0; k < cf->n_holders; k++)
		free(cf->holder_labels[k]);
	free(cf->holder_labels);
	free(cf->holders);
	free(cf->type_labels);
	free(cf->types);
}

/* The case as the form has it; false while a date does not parse. */
static bool
form_case(struct case_form *cf, const struct settings *s,
    struct case_item *c)
{
	struct ui_field *f = cf->f;

	*c = cf->c;
	if (ui_field_parse(&f[CF_OPENED], NULL) < 0 ||
	    ui_field_parse(&f[CF_CLOSED], NULL) < 0)
		return false;
	/* the loads do not depend on the ref: without one they still show */
	if (ui_field_parse(&f[CF_REF], NULL) == 0)
		snprintf(c->ref, sizeof c->ref, "%.*s", (int)sizeof c->ref - 1,
		    f[CF_REF].str);
	c->employee_id = cf->holders[f[CF_HOLDER].choice];
	snprintf(c->type, sizeof c->type, "%s",
	    s->case_types[f[CF_TYPE].choice].code);
	c->phase = (enum phase)f[CF_PHASE].choice;
	c->opened = f[CF_OPENED].value;
	c->closed = f[CF_CLOSED].value;
	return true;
}

static void
case_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	struct case_form *cf = f->ctx;
	struct case_item c;

	if (!form_case(cf, &u->app->settings, &c)) {
		buf[0] = '\0';
		return;
	}
	case_effect(u, cf->is_new ? NULL : &cf->c, &c, buf, size);
}

/* The rules of validate_case, and a ref no other case has. */
static int
check_case(const struct ui *u, const struct case_item *c, struct err *e)
{
	long k = dataset_case_by_ref(&u->app->data, c->ref);

	if (validate_case(c, e) < 0)
		return -1;
	if (k >= 0 && u->app->data.cases[k].id != c->id)
		return err_set(e, "ref: %s", _("another case has this "
		    "reference already"));
	return 0;
}

static int
case_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct case_item c;

	form_case(f->ctx, &u->app->settings, &c);
	return check_case(u, &c, e);
}

/* Index of id among the holder choices (0: the waiting list). */
static int
holder_choice(const struct case_form *cf, int64_t id)
{
	for (int k = 0; k < cf->n_holders; k++)
		if (cf->holders[k] == id)
			return k;
	return 0;
}

static void
case_form(struct ui *u, struct case_item *c, bool is_new)
{
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	struct case_form cf = { .c = *c, .is_new = is_new };
	struct ui_field *f = cf.f;
	struct ui_form form;
	long t = dataset_team_index(d, c->team_id);
	char title[256];
	struct err e;
	int type = 0, rc;

	holder_choices(u, &cf);
	cf.type_labels = xcalloc(s->n_case_types + 1, sizeof *cf.type_labels);
	cf.types = xcalloc(s->n_case_types + 1, sizeof *cf.types);
	for (size_t k = 0; k < s->n_case_types; k++) {
		snprintf(cf.type_labels[k], sizeof cf.type_labels[k],
		    "%s · %s", s->case_types[k].code, s->case_types[k].name);
		cf.types[k] = cf.type_labels[k];
		if (strcmp(s->case_types[k].code, c->type) == 0)
			type = (int)k;
	}
	for (int p = 0; p < PHASE_COUNT; p++)
		cf.phases[p] = settings_phase_code(p);

	/* the reference links to the client system: fixed once it exists */
	f[CF_REF] = (struct ui_field){ .label = _("Reference"), .name = "ref",
		.kind = UI_FIELD_TEXT, .parse = parse_ref,
		.read_only = !is_new };
	f[CF_HOLDER] = (struct ui_field){ .label = _("Employee"),
		.name = "employee", .kind = UI_FIELD_CHOICE,
		.choices = (const char *const *)cf.holder_labels,
		.n_choices = cf.n_holders,
		.choice = holder_choice(&cf, c->employee_id) };
	f[CF_TYPE] = (struct ui_field){ .label = _("Type"), .name = "type",
		.kind = UI_FIELD_CHOICE, .choices = cf.types,
		.n_choices = (int)s->n_case_types, .choice = type };
	f[CF_PHASE] = (struct ui_field){ .label = _("Phase"), .name = "phase",
		.kind = UI_FIELD_CHOICE, .choices = cf.phases,
		.n_choices = PHASE_COUNT, .choice = (int)c->phase };
	f[CF_OPENED] = (struct ui_field){ .label = _("Opened"),
		.name = "opened", .kind = UI_FIELD_DATE };
	f[CF_CLOSED] = (struct ui_field){ .label = _("Closed"),
		.name = "closed", .kind = UI_FIELD_DATE, .optional = true };
	snprintf(f[CF_REF].text, sizeof f[CF_REF].text, "%s", c->ref);
	ui_field_date(&f[CF_OPENED], c->opened);
	ui_field_date(&f[CF_CLOSED], c->closed);
	if (is_new)
		snprintf(title, sizeof title, _("New case in %s"),
		    t >= 0 ? d->teams[t].name : "?");
	else
		snprintf(title, sizeof title, _("Case %s"), c->ref);
	form = (struct ui_form){ .title = title, .fields = f,
		.n_fields = CF_COUNT, .ctx = &cf, .info = case_info,
		.check = case_check };
	if (!ui_form_run(u, &form)) {
		case_form_clear(&cf);
		return;
	}
	form_case(&cf, s, c);
	case_form_clear(&cf);
	err_clear(&e);
	rc = app_save_case(u->app, c, &e);
	if (rc == 0)
		u->selected[UI_VIEW_CASES] = c->id;
	ui_changed(u, rc, &e, is_new ? _("Case added") : _("Case saved"));
}

void
ui_cases_add(struct ui *u, int64_t team_id, int64_t employee_id)
{
	struct case_item c = { .team_id = team_id, .employee_id = employee_id,
		.phase = PHASE_INTAKE, .opened = u->app->today,
		.closed = DATE_NONE };

	if (dataset_team_index(&u->app->data, team_id) < 0) {
		ui_message(u, true, "%s", _("No team selected"));
		return;
	}
	snprintf(c.type, sizeof c.type, "%s",
	    u->app->settings.case_types[0].code);
	case_form(u, &c, true);
}

/* The case with this id: a copy (the dataset moves on a reload); false
 * when it is gone. */
static bool
find_case(struct ui *u, int64_t id, struct case_item *c)
{
	for (size_t i = 0; i < u->app->data.n_cases; i++)
		if (u->app->data.cases[i].id == id) {
			*c = u->app->data.cases[i];
			return true;
		}
	ui_message(u, true, "%s", _("That case is gone"));
	return false;
}

void
ui_cases_edit(struct ui *u, int64_t case_id)
{
	struct case_item c;

	if (find_case(u, case_id, &c))
		case_form(u, &c, false);
}

/* --- close, phase, move --- */

static int
close_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct case_item *c = f->ctx;

	c->closed = f->fields[0].value;
	return check_case(u, c, e);
}

void
ui_cases_close(struct ui *u, int64_t case_id)
{
	struct case_item c;
	struct ui_field field = { .label = _("Closed on"), .name = "closed",
		.kind = UI_FIELD_DATE };
	struct ui_form form;
	char title[256], day[DATE_BUF], done[256];
	struct err e;
	int rc;

	if (!find_case(u, case_id, &c))
		return;
	if (c.closed != DATE_NONE && c.closed <= u->app->today) {
		ui_message(u, true, _("%s was closed on %s; e edits it"), c.ref,
		    date_format(c.closed, day));
		return;
	}
	ui_field_date(&field, u->app->today > c.opened ? u->app->today
						       : c.opened);
	snprintf(title, sizeof title, _("Close case %s"), c.ref);
	form = (struct ui_form){ .title = title, .fields = &field,
		.n_fields = 1, .ctx = &c, .check = close_check };
	if (!ui_form_run(u, &form))
		return;
	err_clear(&e);
	rc = app_save_case(u->app, &c, &e);
	snprintf(done, sizeof done, _("%s closed"), c.ref);
	ui_changed(u, rc, &e, done);
}

static void
next_phase(struct ui *u, int64_t case_id)
{
	struct case_item c;
	char done[256];
	struct err e;
	int rc;

	if (!find_case(u, case_id, &c))
		return;
	if (c.phase + 1 == PHASE_COUNT) {
		/* the last phase: back to the first is a choice, not a step */
		char q[256];
		snprintf(q, sizeof q, _("%s is in the last phase (%s). Back to "
		    "%s?"), c.ref, settings_phase_code(c.phase),
		    settings_phase_code(0));
		if (!ui_confirm(u, q)) {
			ui_message(u, false, "%s", _("Nothing changed"));
			return;
		}
	}
	c.phase = (enum phase)((c.phase + 1) % PHASE_COUNT);
	err_clear(&e);
	rc = app_save_case(u->app, &c, &e);
	snprintf(done, sizeof done, _("%s is in phase %s now"),
	    c.ref, settings_phase_code(c.phase));
	ui_changed(u, rc, &e, done);
}

/* m: who can take the case, with the load each would have. */
struct move_form {
	struct case_item c;
	int64_t *to;     /* choices: employees, 0 the waiting list */
	double *after;   /* their load after, for the order */
	char **labels;
	int n;
	struct ui_field field;
};

/* The case as it would be with the chosen holder. */
static struct case_item
moved(const struct move_form *mf)
{
	struct case_item c = mf->c;

	c.employee_id = mf->to[mf->field.choice];
	return c;
}

static void
move_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	const struct move_form *mf = f->ctx;
	struct case_item c = moved(mf);

	case_effect(u, &mf->c, &c, buf, size);
}

/* Ask with the receiver's load (the form above shows both in full). */
static bool
move_confirm(struct ui *u, struct ui_form *f)
{
	const struct move_form *mf = f->ctx;
	struct case_item c = moved(mf);
	char q[768], e[128];

	int monday = effect_week(u, &mf->c);
	effect(u, monday, c.employee_id, c.team_id,
	    week_hours(u, monday, &mf->c), false, e, sizeof e);
	snprintf(q, sizeof q, _("Move %s to %s (%s)?"), c.ref,
	    holder_name(u, c.employee_id), e);
	return ui_confirm(u, q);
}

struct move_sort {
	int64_t id;
	double after;
	const char *name;
};

/* The lowest load after first; the waiting list last. */
static int
cmp_moves(const void *pa, const void *pb)
{
	const struct move_sort *a = pa, *b = pb;

	if ((a->id == 0) != (b->id == 0))
		return a->id == 0 ? 1 : -1;
	if (a->after != b->after)
		return a->after < b->after ? -1 : 1;
	return text_name_compare(a->name, b->name);
}

static void
move_case(struct ui *u, int64_t case_id)
{
	const struct dataset *d = &u->app->data;
	struct move_form mf;
	struct move_sort *ms;
	struct ui_form form;
	char title[256], load[128], done[256];
	struct err e;
	double h;
	int rc;

	memset(&mf, 0, sizeof mf);
	if (!find_case(u, case_id, &mf.c))
		return;
	int monday = effect_week(u, &mf.c);
	const struct week_figures *wf = ui_live_week(u, monday);
	h = week_hours(u, monday, &mf.c);
	ms = xcalloc(d->n_employees + 1, sizeof *ms);
	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];
		const struct employee_week *w = &wf->employees[i];
		if (em->team_id != mf.c.team_id || em->id == mf.c.employee_id ||
		    em->end < u->app->today)
			continue;
		ms[mf.n++] = (struct move_sort){ em->id,
			workload_load(w->demand + h, w->capacity), em->name };
	}
	if (mf.c.employee_id != 0)
		ms[mf.n++] = (struct move_sort){ 0, 0, "" };
	qsort(ms, (size_t)mf.n, sizeof *ms, cmp_moves);
	mf.to = xcalloc((size_t)mf.n + 1, sizeof *mf.to);
	mf.labels = xcalloc((size_t)mf.n + 1, sizeof *mf.labels);
	for (int k = 0; k < mf.n; k++) {
		mf.to[k] = ms[k].id;
		mf.labels[k] = xasprintf("%s  %s", holder_name(u, ms[k].id),
		    effect(u, monday, ms[k].id, mf.c.team_id, h, true, load,
		    sizeof load));
	}
	free(ms);
	if (mf.n == 0) {
		ui_message(u, true, "%s", _("Nobody else in the team can take "
		    "it"));
		free(mf.to);
		free(mf.labels);
		return;
	}
	mf.field = (struct ui_field){ .label = _("To"), .name = "employee",
		.kind = UI_FIELD_CHOICE,
		.choices = (const char *const *)mf.labels, .n_choices = mf.n };
	snprintf(title, sizeof title, _("Move case %s (%s, %s, %s h/week) "
	    "from %s"), mf.c.ref, mf.c.type, settings_phase_code(mf.c.phase),
	    ui_hours(u, load, sizeof load, workload_case_hours(&mf.c,
	    &u->app->settings)), holder_name(u, mf.c.employee_id));
	form = (struct ui_form){ .title = title, .fields = &mf.field,
		.n_fields = 1, .ctx = &mf, .info = move_info,
		.confirm = move_confirm };
	if (ui_form_run(u, &form)) {
		struct case_item c = moved(&mf);
		err_clear(&e);
		rc = app_save_case(u->app, &c, &e);
		snprintf(done, sizeof done, _("%s went to %s"),
		    c.ref, holder_name(u, c.employee_id));
		ui_changed(u, rc, &e, done);
	}
	for (int k = 0; k < mf.n; k++)
		free(mf.labels[k]);
	free(mf.labels);
	free(mf.to);
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
		next_phase(u, id);
	else if (act == UI_ACT_CLOSE)
		ui_cases_close(u, id);
	else if (act == UI_ACT_MOVE_CASE)
		move_case(u, id);
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

const struct ui_view_ops ui_cases_ops = {
	.name = NC_("tab", "Cases"),
	.hints = hints,
	.rows = rows,
	.row_id = row_id,
	.draw = draw,
	.action = action,
};
