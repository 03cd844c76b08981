/* ui_rota: the Planner's edits of a team's intake (SPEC §2, §5). e edits the
 * whole intake rota in one form — the hours of each weekday and part, empty
 * for no slot — with the intake per week and the team's load before → after
 * under it, then asks once whether the planned blocks of removed or changed
 * slots should follow; + adds an extra intake block; d removes the block
 * under the cursor after asking. The rules are app.h's; each save is one
 * undoable change. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "ui_internal.h"
#include "validate.h"
#include "xmem.h"

#define SLOTS 10 /* Monday morning … Friday afternoon */

static const char *
part_name(enum part part)
{
	return part == PART_MORNING ? _("morning") : _("afternoon");
}

/* "Tue 8 Dec morning" */
static char *
block_name(int date, enum part part, char *buf, size_t size)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, size, "%s %d %s %s", ui_weekday(date_weekday(date)), d,
	    i18n_month_abbr(m), part_name(part));
	return buf;
}

/* --- the rota --- */

struct rota_form {
	long t;
	struct rota_hours before; /* the rota as read */
	char labels[SLOTS][64];
	struct ui_field f[SLOTS];
};

/* The rota as the form has it; false while a field does not parse. */
static bool
form_rota(struct rota_form *rf, struct rota_hours *out)
{
	for (int k = 0; k < SLOTS; k++) {
		if (ui_field_parse(&rf->f[k], NULL) < 0)
			return false;
		out->h[k / 2][k % 2] = rf->f[k].hours;
	}
	return true;
}

/* Slots and hours a week of rota r, and the hours of those not on a
 * holiday in the week of monday. */
static int
rota_total(const struct ui *u, const struct rota_hours *r, int monday,
    double *hours, double *worked)
{
	int n = 0;

	*hours = *worked = 0;
	for (int k = 0; k < SLOTS; k++) {
		double h = r->h[k / 2][k % 2];
		if (h <= 0)
			continue;
		n++;
		*hours += h;
		if (!settings_is_holiday(&u->app->settings, monday + k / 2))
			*worked += h;
	}
	return n;
}

/* "Intake per week: slots 10 → 9, hours 40.0 → 35.0", the team's load next
 * week with every slot held (what the planner aims at) before → after, and
 * the planned blocks the change would touch. */
static void
rota_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	struct rota_form *rf = f->ctx;
	const struct dataset *d = &u->app->data;
	int64_t team = d->teams[rf->t].id;
	int monday = date_monday(u->app->today) + 7;
	const struct team_week *tw = &ui_live_week(u, monday)->teams[rf->t];
	struct rota_hours after;
	char h0[32], h1[32], week[WEEK_BUF], load[128];
	double hours0, hours1, worked0, worked1, held = 0;
	size_t removed, rehoured, len;
	int n0, n1;

	buf[0] = '\0';
	if (!form_rota(rf, &after))
		return;
	n0 = rota_total(u, &rf->before, monday, &hours0, &worked0);
	n1 = rota_total(u, &after, monday, &hours1, &worked1);
	/* the intake held in rota slots that week, replaced by a full rota */
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		int wd = date_weekday(b->date);
		if (b->team_id == team && b->employee_id != 0 &&
		    b->date >= monday && b->date < monday + 7 && wd <= 5 &&
		    (rf->before.h[wd - 1][b->part] > 0 ||
		    after.h[wd - 1][b->part] > 0))
			held += b->hours;
	}
	snprintf(buf, size, _("Intake per week: slots %d → %d, hours %s → "
	    "%s"), n0, n1, ui_hours(u, h0, sizeof h0, hours0),
	    ui_hours(u, h1, sizeof h1, hours1));
	len = strlen(buf);
	snprintf(buf + len, size - len, _("\nTeam load %s with every slot "
	    "held: %s"), date_format_week(monday, week), ui_load_change(u,
	    tw->demand - held + worked0, tw->capacity, tw->demand - held +
	    worked1, tw->capacity, true, load, sizeof load));
	app_rota_blocks(u->app, team, &after, &removed, &rehoured);
	if (removed + rehoured == 0)
		return;
	len = strlen(buf);
	snprintf(buf + len, size - len, _("\nPlanned blocks from %s on: %zu "
	    "in removed slots, %zu with other hours (asked after saving)"),
	    week, removed, rehoured);
}

/* Equal within the hours shown (app_save_rota writes nothing then). */
static bool
same_rota(const struct rota_hours *a, const struct rota_hours *b)
{
	for (int k = 0; k < SLOTS; k++)
		if (fabs(a->h[k / 2][k % 2] - b->h[k / 2][k % 2]) >= 0.005)
			return false;
	return true;
}

void
ui_rota_edit(struct ui *u, long t)
{
	const struct team *team = &u->app->data.teams[t];
	struct rota_form rf = { .t = t };
	struct rota_hours after;
	struct ui_form form;
	char title[256], q[512], done[512], week[WEEK_BUF];
	size_t removed, rehoured;
	bool blocks = false;
	struct err e;
	int rc;

	app_rota_hours(u->app, team->id, &rf.before);
	for (int k = 0; k < SLOTS; k++) {
		snprintf(rf.labels[k], sizeof rf.labels[k], "%s %s",
		    ui_weekday(k / 2 + 1), part_name((enum part)(k % 2)));
		rf.f[k] = (struct ui_field){ .label = rf.labels[k],
			.kind = UI_FIELD_HOURS, .optional = true, .max = VALIDATE_INTAKE_HOURS_MAX,
			.unit = _("h") };
		if (rf.before.h[k / 2][k % 2] > 0)
			ui_field_hours(u, &rf.f[k], rf.before.h[k / 2][k % 2]);
	}
	snprintf(title, sizeof title, _("Intake rota of %s (empty: no "
	    "slot)"), team->name);
	form = (struct ui_form){ .title = title, .fields = rf.f,
		.n_fields = SLOTS, .ctx = &rf, .info = rota_info };
	if (!ui_form_run(u, &form))
		return;
	form_rota(&rf, &after);
	if (same_rota(&after, &rf.before)) {
		ui_message(u, false, "%s", _("The rota is as it was: nothing "
		    "changed"));
		return;
	}
	app_rota_blocks(u->app, team->id, &after, &removed, &rehoured);
	date_format_week(date_monday(u->app->today) + 7, week);
	if (removed > 0 && rehoured > 0) {
		snprintf(q, sizeof q, _("Planned blocks from %s on: remove "
		    "%zu, give %zu the new hours?"), week, removed, rehoured);
		snprintf(done, sizeof done, _("Intake rota saved; planned "
		    "blocks: %zu removed, %zu with the new hours"), removed,
		    rehoured);
	} else if (removed > 0) {
		snprintf(q, sizeof q, ngettext("Planned blocks from %s on: "
		    "remove the %zu in a removed slot?", "Planned blocks from "
		    "%s on: remove the %zu in removed slots?", removed), week,
		    removed);
		snprintf(done, sizeof done, ngettext("Intake rota saved; %zu "
		    "planned block removed", "Intake rota saved; %zu planned "
		    "blocks removed", removed), removed);
	} else if (rehoured > 0) {
		snprintf(q, sizeof q, ngettext("Planned blocks from %s on: "
		    "give the %zu block the new hours?", "Planned blocks from "
		    "%s on: give the %zu blocks the new hours?", rehoured), week, rehoured);
		snprintf(done, sizeof done, ngettext("Intake rota saved; %zu "
		    "planned block with the new hours", "Intake rota saved; %zu "
		    "planned blocks with the new hours", rehoured), rehoured);
	}
	if (removed + rehoured == 0)
		snprintf(done, sizeof done, "%s", _("Intake rota saved"));
	else if (!(blocks = ui_confirm(u, q)))
		snprintf(done, sizeof done, "%s", _("Intake rota saved; the "
		    "planned blocks stay as they are"));
	err_clear(&e);
	rc = app_save_rota(u->app, team->id, &after, blocks, &e);
	ui_changed(u, rc, &e, done);
}

/* --- an extra block --- */

enum { BL_DATE, BL_PART, BL_HOURS, BL_HOLDER, BL_FIELDS };

struct block_form {
	long t;
	const char *parts[2];
	int64_t *holders; /* [0] 0: nobody */
	const char **names;
	int n_holders;
	struct ui_field f[BL_FIELDS];
};

/* The block as the form has it; false while a field does not parse. */
static bool
form_block(const struct ui *u, struct block_form *bf, struct block *b)
{
	struct ui_field *f = bf->f;

	if (ui_field_parse(&f[BL_DATE], NULL) < 0 ||
	    ui_field_parse(&f[BL_HOURS], NULL) < 0)
		return false;
	*b = (struct block){ .team_id = u->app->data.teams[bf->t].id,
		.date = f[BL_DATE].value, .part = (enum part)f[BL_PART].choice,
		.hours = f[BL_HOURS].hours,
		.employee_id = bf->holders[f[BL_HOLDER].choice] };
	return true;
}

/* "2026-W50: team load 96% → 97% ● OK" and the holder's intake and load
 * that week; an unfilled block is no one's demand yet. */
static void
block_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	struct block_form *bf = f->ctx;
	struct block b;
	const struct week_figures *wf;
	char week[WEEK_BUF], load[128], h0[32], h1[32];
	size_t len;
	long ei;

	buf[0] = '\0';
	if (!form_block(u, bf, &b) || date_weekday(b.date) > 5)
		return;
	date_format_week(date_monday(b.date), week);
	if (b.employee_id == 0) {
		snprintf(buf, size, _("%s: unfilled, it adds to no one's load "
		    "until someone holds it"), week);
		return;
	}
	wf = ui_live_week(u, date_monday(b.date));
	const struct team_week *tw = &wf->teams[bf->t];
	snprintf(buf, size, _("%s: team load %s"), week, ui_load_change(u,
	    tw->demand, tw->capacity, tw->demand + b.hours, tw->capacity,
	    true, load, sizeof load));
	ei = dataset_employee_index(&u->app->data, b.employee_id);
	const struct employee_week *w = &wf->employees[ei];
	len = strlen(buf);
	snprintf(buf + len, size - len, _("\n%s: intake %s → %s h, load %s"),
	    u->app->data.employees[ei].name, ui_hours(u, h0, sizeof h0,
	    w->intake_hours), ui_hours(u, h1, sizeof h1, w->intake_hours +
	    b.hours), ui_load_change(u, w->demand, w->capacity, w->demand +
	    b.hours, w->capacity, true, load, sizeof load));
}

static int
block_check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct block b;

	form_block(u, f->ctx, &b);
	return app_check_block(u->app, &b, e);
}

struct holder {
	const char *name;
	int64_t id;
};

static int
cmp_holders(const void *pa, const void *pb)
{
	const struct holder *a = pa, *b = pb;

	return strcoll(a->name, b->name);
}

/* The holders a block of team t may get: nobody, then the members who have
 * not left by today, by name (app_check_block checks the day itself). */
static void
holders(const struct ui *u, struct block_form *bf)
{
	const struct dataset *d = &u->app->data;
	struct holder *h = xcalloc(d->n_employees + 1, sizeof *h);
	int n = 0;

	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];
		if (em->team_id == d->teams[bf->t].id && (em->end == DATE_NONE ||
		    em->end >= u->app->today))
			h[n++] = (struct holder){ em->name, em->id };
	}
	qsort(h, (size_t)n, sizeof *h, cmp_holders);
	bf->holders = xcalloc((size_t)n + 1, sizeof *bf->holders);
	bf->names = xcalloc((size_t)n + 1, sizeof *bf->names);
	bf->names[0] = _("nobody (unfilled)");
	for (int k = 0; k < n; k++) {
		bf->holders[k + 1] = h[k].id;
		bf->names[k + 1] = h[k].name;
	}
	bf->n_holders = n + 1;
	free(h);
}

void
ui_rota_add_block(struct ui *u, long t, int date, enum part part)
{
	const struct app *a = u->app;
	struct block_form bf = { .t = t,
		.parts = { _("morning"), _("afternoon") } };
	struct ui_field *f = bf.f;
	struct ui_form form;
	struct rota_hours rota;
	char title[256], done[256], name[128];
	struct block b;
	struct err e;
	double hours;
	int rc;

	app_rota_hours(a, a->data.teams[t].id, &rota);
	hours = date_weekday(date) <= 5 &&
	    rota.h[date_weekday(date) - 1][part] > 0
	    ? rota.h[date_weekday(date) - 1][part] : a->settings.block_hours;
	holders(u, &bf);
	f[BL_DATE] = (struct ui_field){ .label = _("Date"), .name = "date",
		.kind = UI_FIELD_DATE };
	f[BL_PART] = (struct ui_field){ .label = _("Part"), .name = "part",
		.kind = UI_FIELD_CHOICE, .choices = bf.parts, .n_choices = 2,
		.choice = (int)part };
	f[BL_HOURS] = (struct ui_field){ .label = _("Hours"), .name = "hours",
		.kind = UI_FIELD_HOURS, .max = VALIDATE_INTAKE_HOURS_MAX,
		.unit = _("h") };
	f[BL_HOLDER] = (struct ui_field){ .label = _("Holder"),
		.name = "employee", .kind = UI_FIELD_CHOICE,
		.choices = bf.names, .n_choices = bf.n_holders };
	ui_field_date(&f[BL_DATE], date);
	ui_field_hours(u, &f[BL_HOURS], hours);
	snprintf(title, sizeof title, _("New intake block of %s"),
	    a->data.teams[t].name);
	form = (struct ui_form){ .title = title, .fields = f,
		.n_fields = BL_FIELDS, .ctx = &bf, .info = block_info,
		.check = block_check };
	if (ui_form_run(u, &form)) {
		form_block(u, &bf, &b);
		snprintf(done, sizeof done, _("Intake block %s added"),
		    block_name(b.date, b.part, name, sizeof name));
		err_clear(&e);
		rc = app_add_block(u->app, &b, &e);
		ui_changed(u, rc, &e, done);
	}
	free(bf.holders);
	free(bf.names);
}

void
ui_rota_delete_block(struct ui *u, long i)
{
	const struct dataset *d = &u->app->data;
	const struct block *b = &d->blocks[i];
	long ei = b->employee_id ? dataset_employee_index(d, b->employee_id)
				 : -1;
	char q[512], done[256], name[128];
	struct err e;
	int rc;

	block_name(b->date, b->part, name, sizeof name);
	snprintf(q, sizeof q, _("Remove the intake block %s (%s)?"), name,
	    ei >= 0 ? d->employees[ei].name : _("unfilled"));
	if (!ui_confirm(u, q)) {
		ui_message(u, false, "%s", _("Nothing changed"));
		return;
	}
	snprintf(done, sizeof done, _("Intake block %s removed"), name);
	err_clear(&e);
	rc = app_delete_block(u->app, b->id, &e);
	ui_changed(u, rc, &e, done);
}
