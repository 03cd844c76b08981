/* ui_case_form: the forms on one case — add, edit, close, on to the next
 * phase, move to a colleague or the waiting list — each showing what the
 * change does to the loads (the receiver's and the giver's) before it is
 * saved as one undoable change. The Cases and Employee views use them. */
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

const char *
ui_case_holder(const struct ui *u, int64_t id)
{
	long i = id ? dataset_employee_index(&u->app->data, id) : -1;

	return i >= 0 ? u->app->data.employees[i].name : _("waiting list");
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
		    ui_case_holder(u, to->employee_id),
		    effect(u, monday, to->employee_id, to->team_id, h1 - h0,
		        true, e1, sizeof e1));
		return;
	}
	snprintf(buf, size, _("%s, to %s: %s\n%s, from %s: %s"), week,
	    ui_case_holder(u, to->employee_id),
	    effect(u, monday, to->employee_id, to->team_id, h1, true, e1,
	        sizeof e1),
	    week,
	    ui_case_holder(u, giver),
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

void
ui_cases_next_phase(struct ui *u, int64_t case_id)
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
	    ui_case_holder(u, c.employee_id), e);
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

void
ui_cases_move(struct ui *u, int64_t case_id)
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
		mf.labels[k] = xasprintf("%s  %s", ui_case_holder(u, ms[k].id),
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
	    &u->app->settings)), ui_case_holder(u, mf.c.employee_id));
	form = (struct ui_form){ .title = title, .fields = &mf.field,
		.n_fields = 1, .ctx = &mf, .info = move_info,
		.confirm = move_confirm };
	if (ui_form_run(u, &form)) {
		struct case_item c = moved(&mf);
		err_clear(&e);
		rc = app_save_case(u->app, &c, &e);
		snprintf(done, sizeof done, _("%s went to %s"),
		    c.ref, ui_case_holder(u, c.employee_id));
		ui_changed(u, rc, &e, done);
	}
	for (int k = 0; k < mf.n; k++)
		free(mf.labels[k]);
	free(mf.labels);
	free(mf.to);
}

