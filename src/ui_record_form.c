/* ui_record_form: the forms on an employee's absences and side activities,
 * of the Employee view — add or edit one (a preview of the capacity it
 * changes), end one with a last day, delete one after asking. An absence
 * of 50 % or more saved over intake blocks or cases asks at once how they
 * are covered (ui_cover). Each writes one undoable change. */
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
#include "workload.h"
#include "xmem.h"

/* The absence reasons and side-activity kinds the forms offer (data codes,
 * Dutch like the data), besides any others the data holds. */
static const char *const reasons[] = { "ziek", "verlof", "reintegratie",
	"training", "zorgverlof", "overig", "" };
static const char *const kinds[] = { "", "pilot", "project", "werkgroep",
	"leerkring", "wijkwijzer" };
#define MAX_CODES 24

static int
parse_name(const char *s, char *out, size_t size, struct err *e)
{
	(void)size;
	return validate_text(s, false, out, NAME_SIZE, e);
}

/* Codes offered by a choice: the fixed ones, the data's others, and the
 * record's own; labels "—" for none. */
struct codes {
	const char *code[MAX_CODES];
	const char *label[MAX_CODES];
	int n;
};

static void
codes_add(struct codes *cs, const char *code)
{
	for (int k = 0; k < cs->n; k++)
		if (strcmp(cs->code[k], code) == 0)
			return;
	if (cs->n < MAX_CODES) {
		cs->code[cs->n] = code;
		cs->label[cs->n++] = code[0] ? code : "—";
	}
}

static int
codes_find(const struct codes *cs, const char *code)
{
	for (int k = 0; k < cs->n; k++)
		if (strcmp(cs->code[k], code) == 0)
			return k;
	return 0;
}

/* A form on an absence or side activity of employee ei. */
struct record_form {
	long ei;
	struct absence ab;  /* the absence, as read (id 0: a new one) */
	struct activity ac; /* the activity, as read */
	struct codes codes; /* reasons / kinds */
	struct ui_field f[5];
};

enum { AB_START, AB_END, AB_PERCENT, AB_REASON, AB_FIELDS };
enum { AC_NAME, AC_KIND, AC_HOURS, AC_START, AC_END, AC_FIELDS };

/* The absence as the form has it; false while a field does not parse. */
static bool
form_absence(struct record_form *rf, struct absence *ab)
{
	struct ui_field *f = rf->f;

	*ab = rf->ab;
	if (ui_field_parse(&f[AB_START], NULL) < 0 ||
	    ui_field_parse(&f[AB_END], NULL) < 0 ||
	    ui_field_parse(&f[AB_PERCENT], NULL) < 0)
		return false;
	ab->start = f[AB_START].value;
	ab->end = f[AB_END].value;
	ab->percent = f[AB_PERCENT].value;
	snprintf(ab->reason, sizeof ab->reason, "%s",
	    rf->codes.code[f[AB_REASON].choice]);
	return true;
}

static bool
form_activity(struct record_form *rf, struct activity *ac)
{
	struct ui_field *f = rf->f;

	*ac = rf->ac;
	if (ui_field_parse(&f[AC_NAME], NULL) < 0 ||
	    ui_field_parse(&f[AC_HOURS], NULL) < 0 ||
	    ui_field_parse(&f[AC_START], NULL) < 0 ||
	    ui_field_parse(&f[AC_END], NULL) < 0)
		return false;
	snprintf(ac->name, sizeof ac->name, "%.*s", (int)sizeof ac->name - 1,
	    f[AC_NAME].str);
	snprintf(ac->kind, sizeof ac->kind, "%s",
	    rf->codes.code[f[AC_KIND].choice]);
	ac->hours_per_week = f[AC_HOURS].hours;
	ac->start = f[AC_START].value;
	ac->end = f[AC_END].value;
	return true;
}

/* The capacity of employee ei in the week of monday with the absence ab in
 * place of the one with id (0: added). */
static double
capacity_with(const struct ui *u, long ei, int monday, int64_t id,
    const struct absence *ab)
{
	const struct dataset *d = &u->app->data;
	const struct employee *em = &d->employees[ei];
	int pct[7] = { 0 };

	/* the employee's absences but the one edited, then ab */
	for (size_t i = 0; i <= d->n_absences; i++) {
		const struct absence *a = i < d->n_absences ? &d->absences[i]
							    : ab;
		if (i < d->n_absences &&
		    (a->employee_id != em->id || (id && a->id == id)))
			continue;
		for (int k = 0; k < 7; k++) {
			int day = monday + k;
			if (day >= a->start && day <= a->end &&
			    a->percent > pct[k])
				pct[k] = a->percent;
		}
	}
	return workload_capacity(workload_available(em, &u->app->settings,
	    monday, pct), &u->app->settings);
}

/* One line per week the absence covers (as edited, and as it was), the
 * first few of them: "2026-W50: capacity 21.6 → 0.0 h, load 76% → — ▲
 * OVER", then "… 3 more weeks". */
#define PREVIEW_WEEKS 3
static void
absence_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	struct record_form *rf = f->ctx;
	struct absence ab;
	char week[WEEK_BUF], c0[32], c1[32], load[128];
	size_t len = 0;
	int first, last, shown = 0, more = 0;

	buf[0] = '\0';
	if (!form_absence(rf, &ab) || ab.end < ab.start)
		return;
	first = date_monday(ab.start);
	last = date_monday(ab.end);
	if (rf->ab.id != 0) { /* the weeks it leaves change too */
		if (date_monday(rf->ab.start) < first)
			first = date_monday(rf->ab.start);
		if (date_monday(rf->ab.end) > last)
			last = date_monday(rf->ab.end);
	}
	for (int monday = first; monday <= last; monday += 7) {
		const struct week_figures *wf = ui_live_week(u, monday);
		const struct employee_week *w = &wf->employees[rf->ei];
		double cap = capacity_with(u, rf->ei, monday, rf->ab.id, &ab);
		if (fabs(cap - w->capacity) < 0.005)
			continue; /* a week this edit does not change */
		if (shown == PREVIEW_WEEKS) {
			more++;
			continue;
		}
		len += (size_t)snprintf(buf + len, size - len, "%s%s", shown ?
		    "\n" : "", "");
		snprintf(buf + len, size - len, _("%s: capacity %s → %s h, "
		    "load %s"), date_format_week(monday, week), ui_hours(u, c0,
		    sizeof c0, w->capacity), ui_hours(u, c1, sizeof c1, cap),
		    ui_load_change(u, w->demand, w->capacity, w->demand, cap,
		    true, load, sizeof load));
		len = strlen(buf);
		shown++;
		if (len + 1 >= size)
			return;
	}
	if (more > 0 && len + 1 < size)
		snprintf(buf + len, size - len, ngettext("\n… and %d more week",
		    "\n… and %d more weeks", more), more);
}

/* "2026-W48: side activities 0.0 → 1.5 h, load 76% → 83% ○ ROOM" */
static void
activity_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	struct record_form *rf = f->ctx;
	const struct employee_week *w = &u->fig.employees[rf->ei];
	struct activity ac;
	char week[WEEK_BUF], h0[32], h1[32], load[128];
	double side;

	if (!form_activity(rf, &ac)) {
		buf[0] = '\0';
		return;
	}
	side = w->side_hours;
	if (rf->ac.id && workload_activity_is_active(&rf->ac, u->monday))
		side -= rf->ac.hours_per_week;
	if (workload_activity_is_active(&ac, u->monday))
		side += ac.hours_per_week;
	snprintf(buf, size, _("%s: side activities %s → %s h, load %s"),
	    date_format_week(u->monday, week), ui_hours(u, h0, sizeof h0,
	    w->side_hours), ui_hours(u, h1, sizeof h1, side),
	    ui_load_change(u, w->demand, w->capacity,
	    w->demand - w->side_hours + side, w->capacity, true, load,
	    sizeof load));
}

static int
absence_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct absence ab;

	(void)u;
	form_absence(f->ctx, &ab);
	return validate_absence(&ab, e);
}

static int
activity_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct activity ac;

	(void)u;
	form_activity(f->ctx, &ac);
	return validate_activity(&ac, e);
}

/* After an absence is saved: one of 50 % or more over intake blocks or
 * (long enough) cases asks at once how they are covered. Says that the
 * absence was saved either way. */
static void
absence_saved(struct ui *u, long ei, const struct absence *ab)
{
	struct err e;

	err_clear(&e);
	ui_changed(u, 0, &e, _("Absence saved"));
	if (ab->percent >= WORKLOAD_ABSENT_PCT && ab->end >= u->app->today)
		ui_cover(u, u->app->data.employees[ei].id, ab->start, ab->end,
		    _("Absence saved"));
}

void
ui_absence_edit(struct ui *u, long ei, long i, ui_saved_fn *saved)
{
	const struct dataset *d = &u->app->data;
	struct record_form rf = { .ei = ei };
	struct ui_field *f = rf.f;
	struct ui_form form;
	char title[256];
	struct err e;
	int rc;

	if (i >= 0) {
		rf.ab = d->absences[i];
	} else {
		rf.ab = (struct absence){ .employee_id = d->employees[ei].id,
			.start = u->app->today, .end = u->app->today,
			.percent = 100 };
		snprintf(rf.ab.reason, sizeof rf.ab.reason, "%s", "ziek");
	}
	for (size_t k = 0; k < sizeof reasons / sizeof reasons[0]; k++)
		codes_add(&rf.codes, reasons[k]);
	for (size_t k = 0; k < d->n_absences; k++)
		codes_add(&rf.codes, d->absences[k].reason);
	codes_add(&rf.codes, rf.ab.reason);

	f[AB_START] = (struct ui_field){ .label = _("Start"), .name = "start",
		.kind = UI_FIELD_DATE };
	f[AB_END] = (struct ui_field){ .label = _("End"), .name = "end",
		.kind = UI_FIELD_DATE };
	f[AB_PERCENT] = (struct ui_field){ .label = _("Percent absent"),
		.name = "percent", .kind = UI_FIELD_PERCENT, .unit = "%" };
	f[AB_REASON] = (struct ui_field){ .label = _("Reason"),
		.name = "reason", .kind = UI_FIELD_CHOICE,
		.choices = rf.codes.label,
		.n_choices = rf.codes.n,
		.choice = codes_find(&rf.codes, rf.ab.reason) };
	ui_field_date(&f[AB_START], rf.ab.start);
	ui_field_date(&f[AB_END], rf.ab.end);
	snprintf(f[AB_PERCENT].text, sizeof f[AB_PERCENT].text, "%d",
	    rf.ab.percent);
	snprintf(title, sizeof title, i >= 0 ? _("Absence of %s") :
	    _("New absence of %s"), d->employees[ei].name);
	form = (struct ui_form){ .title = title, .fields = f,
		.n_fields = AB_FIELDS, .ctx = &rf, .info = absence_info,
		.check = absence_check };
	if (!ui_form_run(u, &form))
		return;
	struct absence ab;
	form_absence(&rf, &ab);
	err_clear(&e);
	rc = app_save_absence(u->app, &ab, &e);
	if (rc < 0) {
		ui_changed(u, rc, &e, "");
		return;
	}
	saved(u, ab.id);
	absence_saved(u, ei, &ab);
}

void
ui_activity_edit(struct ui *u, long ei, long i, ui_saved_fn *saved)
{
	const struct dataset *d = &u->app->data;
	struct record_form rf = { .ei = ei };
	struct ui_field *f = rf.f;
	struct ui_form form;
	char title[256];
	struct err e;
	int rc;

	if (i >= 0)
		rf.ac = d->activities[i];
	else
		rf.ac = (struct activity){ .employee_id = d->employees[ei].id,
			.start = u->app->today, .end = DATE_NONE };
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		codes_add(&rf.codes, kinds[k]);
	for (size_t k = 0; k < d->n_activities; k++)
		codes_add(&rf.codes, d->activities[k].kind);
	codes_add(&rf.codes, rf.ac.kind);

	f[AC_NAME] = (struct ui_field){ .label = _("Name"), .name = "name",
		.kind = UI_FIELD_TEXT, .parse = parse_name };
	f[AC_KIND] = (struct ui_field){ .label = _("Kind"), .name = "kind",
		.kind = UI_FIELD_CHOICE, .choices = rf.codes.label,
		.n_choices = rf.codes.n,
		.choice = codes_find(&rf.codes, rf.ac.kind) };
	f[AC_HOURS] = (struct ui_field){ .label = _("Hours per week"),
		.name = "hours_per_week", .kind = UI_FIELD_HOURS, .max = 40,
		.unit = _("h/week") };
	f[AC_START] = (struct ui_field){ .label = _("Start"), .name = "start",
		.kind = UI_FIELD_DATE };
	f[AC_END] = (struct ui_field){ .label = _("End"), .name = "end",
		.kind = UI_FIELD_DATE, .optional = true };
	snprintf(f[AC_NAME].text, sizeof f[AC_NAME].text, "%s", rf.ac.name);
	if (i >= 0)
		ui_field_hours(u, &f[AC_HOURS], rf.ac.hours_per_week);
	ui_field_date(&f[AC_START], rf.ac.start);
	ui_field_date(&f[AC_END], rf.ac.end);
	snprintf(title, sizeof title, i >= 0 ? _("Side activity of %s") :
	    _("New side activity of %s"), d->employees[ei].name);
	form = (struct ui_form){ .title = title, .fields = f,
		.n_fields = AC_FIELDS, .ctx = &rf, .info = activity_info,
		.check = activity_check };
	if (!ui_form_run(u, &form))
		return;
	struct activity ac;
	form_activity(&rf, &ac);
	err_clear(&e);
	rc = app_save_activity(u->app, &ac, &e);
	if (rc == 0)
		saved(u, ac.id);
	ui_changed(u, rc, &e, _("Side activity saved"));
}

/* x: give an absence or side activity an end date (today by default). */
struct end_form {
	bool absence;
	struct absence ab;
	struct activity ac;
};

static int
end_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct end_form *ef = f->ctx;

	(void)u;
	if (ef->absence) {
		ef->ab.end = f->fields[0].value;
		return validate_absence(&ef->ab, e);
	}
	ef->ac.end = f->fields[0].value;
	return validate_activity(&ef->ac, e);
}

void
ui_record_end(struct ui *u, bool absence, long i)
{
	const struct dataset *d = &u->app->data;
	struct end_form ef = { .absence = absence };
	struct ui_field field = { .label = _("Last day"), .name = "end",
		.kind = UI_FIELD_DATE };
	struct ui_form form;
	char title[256], from[DATE_BUF];
	struct err e;
	int start, rc;

	if (ef.absence) {
		ef.ab = d->absences[i];
		start = ef.ab.start;
		snprintf(title, sizeof title, _("End the absence %s from %s"),
		    ef.ab.reason, date_format(start, from));
	} else {
		ef.ac = d->activities[i];
		start = ef.ac.start;
		snprintf(title, sizeof title, _("End %s"), ef.ac.name);
	}
	ui_field_date(&field, u->app->today > start ? u->app->today : start);
	form = (struct ui_form){ .title = title, .fields = &field,
		.n_fields = 1, .ctx = &ef, .check = end_check };
	if (!ui_form_run(u, &form))
		return;
	err_clear(&e);
	if (ef.absence)
		rc = app_save_absence(u->app, &ef.ab, &e);
	else
		rc = app_save_activity(u->app, &ef.ac, &e);
	ui_changed(u, rc, &e, _("Ended"));
}

void
ui_record_delete(struct ui *u, bool absence, long i)
{
	const struct dataset *d = &u->app->data;
	char q[512], a[DATE_BUF], b[DATE_BUF], h[32];
	struct err e;
	int rc;

	if (absence) {
		const struct absence *ab = &d->absences[i];
		snprintf(q, sizeof q,
		    _("Delete the absence %s %d%% %s – %s?"), ab->reason,
		    ab->percent, date_format(ab->start, a),
		    date_format(ab->end, b));
	} else {
		const struct activity *ac = &d->activities[i];
		snprintf(q, sizeof q,
		    _("Delete the side activity %s (%s h/week)?"), ac->name,
		    ui_hours(u, h, sizeof h, ac->hours_per_week));
	}
	if (!ui_confirm(u, q)) {
		ui_message(u, false, "%s", _("Nothing changed"));
		return;
	}
	err_clear(&e);
	if (absence)
		rc = app_delete_absence(u->app, d->absences[i].id, &e);
	else
		rc = app_delete_activity(u->app, d->activities[i].id, &e);
	ui_changed(u, rc, &e, _("Deleted"));
}
