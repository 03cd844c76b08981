/* ui_people: the forms on teams and employees — add and edit a team (the
 * Overview), add, edit and end an employee (the Team view) — and, when an
 * employee moves to another team or leaves while holding open cases or
 * intake blocks, the question what happens to them (ui_handover.c). Each
 * save is one undoable change; nothing is written before the last question
 * is answered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "handover.h"
#include "i18n.h"
#include "text.h"
#include "ui_internal.h"
#include "validate.h"
#include "workload.h"
#include "xmem.h"

/* --- field parsers: the rules of validate.h, as import applies them --- */

static int
parse_code(const char *s, char *out, size_t size, struct err *e)
{
	return validate_code(s, out, size < CODE_SIZE ? size : CODE_SIZE, e);
}

static int
parse_name(const char *s, char *out, size_t size, struct err *e)
{
	(void)size;
	return validate_text(s, false, out, NAME_SIZE, e);
}

static int
parse_area(const char *s, char *out, size_t size, struct err *e)
{
	(void)size;
	return validate_text(s, true, out, NAME_SIZE, e);
}

static int
parse_workdays(const char *s, char *out, size_t size, struct err *e)
{
	unsigned days;

	if (validate_workdays(s, &days, e) < 0)
		return -1;
	dataset_workdays_format(days, out, size);
	return 0;
}

/* --- teams --- */

enum { TF_CODE, TF_NAME, TF_AREA, TF_COUNT };

/* A code no other team has (any case: codes are found that way). */
static int
team_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	const struct team *t = f->ctx;
	long same = dataset_team_by_code(&u->app->data,
	    f->fields[TF_CODE].str);

	if (same >= 0 && u->app->data.teams[same].id != t->id)
		return err_set(e, "code: %s", _("another team has this code "
		    "already"));
	return 0;
}

/* a: a new team (team_id 0); e: the selected one. */
void
ui_team_form(struct ui *u, int64_t team_id)
{
	const struct dataset *d = &u->app->data;
	long ti = team_id ? dataset_team_index(d, team_id) : -1;
	struct team t = { 0 };
	struct ui_field f[TF_COUNT];
	struct ui_form form;
	char title[256];
	struct err e;
	int rc;

	if (team_id && ti < 0) {
		ui_message(u, true, "%s", _("No team selected"));
		return;
	}
	if (ti >= 0)
		t = d->teams[ti];
	f[TF_CODE] = (struct ui_field){ .label = _("Code"), .name = "code",
		.kind = UI_FIELD_TEXT, .parse = parse_code,
		.read_only = ti >= 0 }; /* the key the lists are synced by */
	f[TF_NAME] = (struct ui_field){ .label = _("Name"), .name = "name",
		.kind = UI_FIELD_TEXT, .parse = parse_name };
	f[TF_AREA] = (struct ui_field){ .label = _("Area"), .name = "area",
		.kind = UI_FIELD_TEXT, .parse = parse_area, .optional = true };
	snprintf(f[TF_CODE].text, sizeof f[TF_CODE].text, "%s", t.code);
	snprintf(f[TF_NAME].text, sizeof f[TF_NAME].text, "%s", t.name);
	snprintf(f[TF_AREA].text, sizeof f[TF_AREA].text, "%s", t.area);
	if (ti >= 0)
		snprintf(title, sizeof title, _("Team %s"), t.code);
	else
		snprintf(title, sizeof title, "%s", _("New team"));
	form = (struct ui_form){ .title = title, .fields = f,
		.n_fields = TF_COUNT, .ctx = &t, .check = team_check };
	if (!ui_form_run(u, &form))
		return;
	snprintf(t.code, sizeof t.code, "%.*s",
		    (int)sizeof t.code - 1, f[TF_CODE].str);
	snprintf(t.name, sizeof t.name, "%.*s",
		    (int)sizeof t.name - 1, f[TF_NAME].str);
	snprintf(t.area, sizeof t.area, "%.*s",
		    (int)sizeof t.area - 1, f[TF_AREA].str);
	err_clear(&e);
	rc = app_save_team(u->app, &t, &e);
	if (rc == 0)
		u->selected[UI_VIEW_OVERVIEW] = t.id;
	ui_changed(u, rc, &e, ti >= 0 ? _("Team saved") : _("Team added"));
}

/* --- employees --- */

enum { EF_CODE, EF_NAME, EF_DISCIPLINE, EF_HOURS, EF_WORKDAYS, EF_TEAM,
	EF_START, EF_END, EF_COUNT };

struct employee_form {
	struct employee em; /* as read (id 0: a new one) */
	const char **disciplines; /* the config's, when it has a list */
	int n_disciplines;
	char (*team_labels)[CODE_SIZE + NAME_SIZE + 8];
	const char **teams;
	struct ui_field f[EF_COUNT];
};

/* The employee as the form has it; false while a field does not parse. */
static bool
form_employee(const struct ui *u, struct employee_form *ef,
    struct employee *em)
{
	struct ui_field *f = ef->f;
	unsigned days;

	*em = ef->em;
	if (ui_field_parse(&f[EF_HOURS], NULL) < 0 ||
	    validate_workdays(f[EF_WORKDAYS].text, &days, NULL) < 0 ||
	    ui_field_parse(&f[EF_START], NULL) < 0 ||
	    ui_field_parse(&f[EF_END], NULL) < 0)
		return false;
	if (ui_field_parse(&f[EF_CODE], NULL) == 0)
		snprintf(em->code, sizeof em->code, "%.*s",
		    (int)sizeof em->code - 1, f[EF_CODE].str);
	if (ui_field_parse(&f[EF_NAME], NULL) == 0)
		snprintf(em->name, sizeof em->name, "%.*s",
		    (int)sizeof em->name - 1, f[EF_NAME].str);
	if (ef->n_disciplines > 0)
		snprintf(em->discipline, sizeof em->discipline, "%s",
		    ef->disciplines[f[EF_DISCIPLINE].choice]);
	else if (ui_field_parse(&f[EF_DISCIPLINE], NULL) == 0)
		snprintf(em->discipline, sizeof em->discipline, "%.*s",
		    (int)sizeof em->discipline - 1, f[EF_DISCIPLINE].str);
	em->contract_hours = f[EF_HOURS].hours;
	em->workdays = days;
	em->team_id = u->app->data.teams[f[EF_TEAM].choice].id;
	em->start = f[EF_START].value;
	em->end = f[EF_END].value;
	return true;
}

/* The capacity employee em would have in the week of monday. */
static double
capacity_of(const struct ui *u, const struct employee *em, int monday)
{
	int absent[7];

	for (int i = 0; i < 7; i++)
		absent[i] = em->id ? workload_absence_on(&u->app->data, em->id,
		    monday + i) : 0;
	return workload_capacity(workload_available(em, &u->app->settings,
	    monday, absent), &u->app->settings);
}

/* The week the preview shows: the one on screen, from this week on, and
 * for someone who starts later the week they start. */
static int
preview_week(const struct ui *u, const struct employee *em)
{
	int monday = u->monday, now = date_monday(u->app->today);

	if (monday < now)
		monday = now;
	if (em->start != DATE_NONE && date_monday(em->start) > monday)
		monday = date_monday(em->start);
	return monday;
}

/* "Team Centrum: 88% → 85%" for team ti gaining capacity dcap and demand
 * ddem in wf. */
static void
team_line(const struct ui *u, const struct week_figures *wf, long ti,
    double dcap, double ddem, char *buf, size_t size)
{
	const struct team_week *t = &wf->teams[ti];
	char change[128];

	ui_load_change(u, t->demand, t->capacity, t->demand + ddem,
	    t->capacity + dcap, false, change, sizeof change);
	snprintf(buf, size, _("Team %s: %s"), u->app->data.teams[ti].name,
	    change);
}

/* The effect of the form's employee on their load and their team's (both
 * teams' on a move; the cases moving along), in the preview week. */
static void
employee_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	struct employee_form *ef = f->ctx;
	const struct dataset *d = &u->app->data;
	struct employee em;
	char week[WEEK_BUF], mine[128], t0[256], t1[256] = "";

	buf[0] = '\0';
	if (!form_employee(u, ef, &em))
		return;
	int monday = preview_week(u, &em);
	const struct week_figures *wf = ui_live_week(u, monday);
	long ei = em.id ? dataset_employee_index(d, em.id) : -1;
	double cap0 = ei >= 0 ? wf->employees[ei].capacity : 0;
	double dem = ei >= 0 ? wf->employees[ei].demand : 0;
	double cap1 = capacity_of(u, &em, monday);
	long old_t = dataset_team_index(d, ef->em.id ? ef->em.team_id
						     : em.team_id);
	long new_t = dataset_team_index(d, em.team_id);

	date_format_week(monday, week);
	ui_load_change(u, dem, cap0, dem, cap1, true, mine, sizeof mine);
	if (old_t < 0 || new_t < 0)
		return;
	if (old_t == new_t) {
		team_line(u, wf, new_t, cap1 - cap0, 0, t0, sizeof t0);
	} else {
		team_line(u, wf, old_t, -cap0, -dem, t0, sizeof t0);
		team_line(u, wf, new_t, cap1, dem, t1, sizeof t1);
	}
	snprintf(buf, size, "%s, %s: %s\n%s%s%s%s", week,
	    em.name[0] ? em.name : _("new employee"), mine, t0, *t1 ? "\n" : "",
	    t1, *t1 ? _(" (if all their work goes along)")
	    : "");
}

static int
employee_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct employee_form *ef = f->ctx;
	struct employee em;
	long same;

	if (!form_employee(u, ef, &em))
		return err_set(e, "%s", _("a field is not filled in right"));
	if (validate_employee(&em, &u->app->settings, e) < 0)
		return -1;
	same = dataset_employee_by_code(&u->app->data, em.code);
	if (same >= 0 && u->app->data.employees[same].id != em.id)
		return err_set(e, "code: %s", _("another employee has this "
		    "code already"));
	return 0;
}

static void
employee_form_clear(struct employee_form *ef)
{
	free(ef->disciplines);
	free(ef->team_labels);
	free(ef->teams);
}

static int
index_of(const char *const *list, int n, const char *s)
{
	for (int k = 0; k < n; k++)
		if (text_equal_nocase(list[k], s))
			return k;
	return 0;
}

/* Set the form up on em: its fields, choices and labels. */
static void
employee_form_init(struct ui *u, struct employee_form *ef,
    const struct employee *em)
{
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	struct ui_field *f = ef->f;
	long ti = dataset_team_index(d, em->team_id);
	char days[64];

	ef->em = *em;
	ef->team_labels = xcalloc(d->n_teams + 1, sizeof *ef->team_labels);
	ef->teams = xcalloc(d->n_teams + 1, sizeof *ef->teams);
	for (size_t k = 0; k < d->n_teams; k++) {
		snprintf(ef->team_labels[k], sizeof ef->team_labels[k],
		    "%s · %s", d->teams[k].code, d->teams[k].name);
		ef->teams[k] = ef->team_labels[k];
	}
	ef->disciplines = xcalloc(s->n_disciplines + 2,
	    sizeof *ef->disciplines);
	if (s->n_disciplines > 0) {
		ef->disciplines[ef->n_disciplines++] = "";
		for (size_t k = 0; k < s->n_disciplines; k++)
			ef->disciplines[ef->n_disciplines++] =
			    s->disciplines[k];
	}

	/* the code is the key the HR list is synced by: fixed once saved */
	f[EF_CODE] = (struct ui_field){ .label = _("Code"), .name = "code",
		.kind = UI_FIELD_TEXT, .parse = parse_code,
		.read_only = em->id != 0 };
	f[EF_NAME] = (struct ui_field){ .label = _("Name"), .name = "name",
		.kind = UI_FIELD_TEXT, .parse = parse_name };
	if (ef->n_disciplines > 0)
		f[EF_DISCIPLINE] = (struct ui_field){
			.label = _("Discipline"), .name = "discipline",
			.kind = UI_FIELD_CHOICE, .choices = ef->disciplines,
			.n_choices = ef->n_disciplines,
			.choice = index_of(ef->disciplines, ef->n_disciplines,
			    em->discipline) };
	else
		f[EF_DISCIPLINE] = (struct ui_field){
			.label = _("Discipline"), .name = "discipline",
			.kind = UI_FIELD_TEXT, .parse = parse_code,
			.optional = true };
	f[EF_HOURS] = (struct ui_field){ .label = _("Contract hours"),
		.name = "contract_hours", .kind = UI_FIELD_HOURS, .max = 40,
		.unit = _("h/week") };
	f[EF_WORKDAYS] = (struct ui_field){ .label = _("Workdays"),
		.name = "workdays", .kind = UI_FIELD_TEXT,
		.parse = parse_workdays, .unit = _("e.g. ma,di,do") };
	f[EF_TEAM] = (struct ui_field){ .label = _("Team"), .name = "team",
		.kind = UI_FIELD_CHOICE, .choices = ef->teams,
		.n_choices = (int)d->n_teams, .choice = ti > 0 ? (int)ti : 0 };
	f[EF_START] = (struct ui_field){ .label = _("Start"), .name = "start",
		.kind = UI_FIELD_DATE };
	f[EF_END] = (struct ui_field){ .label = _("Last day"), .name = "end",
		.kind = UI_FIELD_DATE, .optional = true };
	snprintf(f[EF_CODE].text, sizeof f[EF_CODE].text, "%s", em->code);
	snprintf(f[EF_NAME].text, sizeof f[EF_NAME].text, "%s", em->name);
	if (ef->n_disciplines == 0)
		snprintf(f[EF_DISCIPLINE].text, sizeof f[EF_DISCIPLINE].text,
		    "%s", em->discipline);
	ui_field_hours(u, &f[EF_HOURS], em->contract_hours);
	snprintf(f[EF_WORKDAYS].text, sizeof f[EF_WORKDAYS].text, "%s",
	    dataset_workdays_format(em->workdays, days, sizeof days));
	ui_field_date(&f[EF_START], em->start);
	ui_field_date(&f[EF_END], em->end);
}

/* Save em (a new one or a change) with whatever it gives up handled. */
static void
save_employee(struct ui *u, struct employee *em, const char *done)
{
	enum handover_way cases = HANDOVER_WAITING, blocks = HANDOVER_WAITING;
	struct handover h;
	struct err e;
	int rc;

	err_clear(&e);
	if (handover_propose(&u->app->data, &u->app->settings, em,
	    u->app->today, &h, &e) < 0) {
		ui_changed(u, -1, &e, done);
		return;
	}
	if (handover_needed(&h) && !ui_handover_ask(u, &h, &cases, &blocks)) {
		handover_clear(&h);
		return;
	}
	rc = app_save_employee(u->app, em, handover_needed(&h) ? &h : NULL,
	    cases, blocks, &e);
	handover_clear(&h);
	if (rc == 0 && em->team_id == u->selected[UI_VIEW_OVERVIEW])
		u->selected[UI_VIEW_TEAM] = em->id;
	ui_changed(u, rc, &e, done);
}

void
ui_employee_form(struct ui *u, int64_t employee_id, int64_t team_id)
{
	const struct dataset *d = &u->app->data;
	long ei = employee_id ? dataset_employee_index(d, employee_id) : -1;
	struct employee em = { .team_id = team_id, .contract_hours = 36,
		.workdays = WORKDAYS_ALL, .start = u->app->today,
		.end = DATE_NONE };
	struct employee_form ef = { 0 };
	struct ui_form form;
	char title[256];
	bool saved;

	if (employee_id && ei < 0) {
		ui_message(u, true, "%s", _("No employee selected"));
		return;
	}
	if (d->n_teams == 0) {
		ui_message(u, true, "%s", _("No team selected"));
		return;
	}
	if (ei >= 0)
		em = d->employees[ei];
	employee_form_init(u, &ef, &em);
	if (ei >= 0)
		snprintf(title, sizeof title, _("Employee %s"), em.code);
	else
		snprintf(title, sizeof title, "%s", _("New employee"));
	form = (struct ui_form){ .title = title, .fields = ef.f,
		.n_fields = EF_COUNT, .ctx = &ef, .info = employee_info,
		.check = employee_check };
	saved = ui_form_run(u, &form);
	if (saved)
		form_employee(u, &ef, &em);
	employee_form_clear(&ef);
	if (saved)
		save_employee(u, &em, ei >= 0 ? _("Employee saved")
					      : _("Employee added"));
}

static int
end_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct employee *em = f->ctx;

	em->end = f->fields[0].value;
	return validate_employee(em, &u->app->settings, e);
}

void
ui_employee_end(struct ui *u, int64_t employee_id)
{
	const struct dataset *d = &u->app->data;
	long ei = dataset_employee_index(d, employee_id);
	struct ui_field field = { .label = _("Last day"), .name = "end",
		.kind = UI_FIELD_DATE };
	struct employee em;
	struct ui_form form;
	char title[256];

	if (ei < 0) {
		ui_message(u, true, "%s", _("No employee selected"));
		return;
	}
	em = d->employees[ei];
	ui_field_date(&field, em.end != DATE_NONE ? em.end
	    : u->app->today > em.start ? u->app->today : em.start);
	snprintf(title, sizeof title, _("%s leaves: the last working day"),
	    em.name);
	form = (struct ui_form){ .title = title, .fields = &field,
		.n_fields = 1, .ctx = &em, .check = end_check };
	if (!ui_form_run(u, &form))
		return;
	em.end = field.value;
	save_employee(u, &em, _("Contract ended"));
}
