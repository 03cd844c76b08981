/* ui_planner_panel: the Intake planner's parts below the view (ui_planner.h):
 * the grid's cells and the names in them; what is drawn beside and below
 * the grid — the team line, the cursor cell's details, the summary and the
 * changes of a proposal, the table of the team's members — and the chooser
 * of m, which gives the block under the cursor to someone chosen with the
 * effect on the loads shown. ui_planner.c calls it, never the other way. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "planner.h"
#include "text.h"
#include "ui_internal.h"
#include "ui_planner.h"
#include "workload.h"
#include "xmem.h"

/* --- the grid's cells and names --- */

int
ui_planner_col_weekday(int key)
{
	return key / 2 + 1;
}

enum part
ui_planner_col_part(int key)
{
	return key % 2 ? PART_AFTERNOON : PART_MORNING;
}

const char *
ui_planner_part_name(enum part part)
{
	return part == PART_MORNING ? _("morning") : _("afternoon");
}

int
ui_planner_cell_date(const struct ui_planner *pl, int row, int col)
{
	return pl->plan.first_monday + 7 * row + ui_planner_col_weekday(pl->cols[col]) - 1;
}

struct cell *
ui_planner_cell_at(const struct ui_planner *pl, int row, int col)
{
	return &pl->cells[(size_t)row * (size_t)pl->n_cols + (size_t)col];
}

/* An employee's code as cells show it: without the team code when all the
 * team's codes start with it ("CEN07" is "07"); "·" for nobody. */
const char *
ui_planner_short_code(const struct ui *u, int64_t id)
{
	const struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	long i = id ? dataset_employee_index(d, id) : -1;

	if (id == 0)
		return "·";
	if (i < 0)
		return "?";
	if (pl->prefix && d->employees[i].team_id == pl->team_id &&
	    strlen(d->employees[i].code) > pl->prefix)
		return d->employees[i].code + pl->prefix;
	return d->employees[i].code;
}

const char *
ui_planner_employee_name(const struct ui *u, int64_t id)
{
	long i = id ? dataset_employee_index(&u->app->data, id) : -1;

	return i >= 0 ? u->app->data.employees[i].name : _("nobody");
}

/* The plan's line of dataset employee index, or NULL. */
const struct plan_employee *
ui_planner_plan_employee(const struct plan *p, long index)
{
	for (size_t m = 0; m < p->n_employees; m++)
		if (p->employees[m].index == index)
			return &p->employees[m];
	return NULL;
}

void
ui_planner_close_chooser(struct ui_planner *pl)
{
	free(pl->choices);
	pl->choices = NULL;
	pl->n_choices = 0;
}

/* --- the lines below the grid --- */

/* "Tue 1 Dec 2026 morning" */
static char *
slot_name(int date, enum part part, char *buf, size_t size)
{
	char day[64];

	snprintf(buf, size, "%s %s", ui_date(date, day, sizeof day),
	    ui_planner_part_name(part));
	return buf;
}

/* "CEN · Centrum · 72 slots to plan, 4 locked · # locked  · unfilled …" or
 * with a proposal "CEN · Centrum · proposal: 30 of 72 slots change, …". */
void
ui_planner_draw_team_line(const struct ui *u)
{
	const struct ui_planner *pl = u->planner;
	const struct team *t = &u->app->data.teams[pl->plan.team];
	char buf[512], what[256];
	int locked = 0, absent = 0;

	for (int i = 0; i < pl->plan.weeks * pl->n_cols; i++) {
		locked += pl->cells[i].block >= 0 &&
		    u->app->data.blocks[pl->cells[i].block].locked;
		absent += pl->cells[i].needs_cover;
	}
	if (pl->proposal)
		snprintf(what, sizeof what,
		    ngettext("proposal: %zu of %zu slot changes, %zu cannot be "
		             "filled",
		        "proposal: %zu of %zu slots change, %zu cannot be filled",
		        pl->plan.n_slots),
		    pl->plan.n_changes, pl->plan.n_slots, pl->plan.n_unfillable);
	else
		snprintf(what, sizeof what,
		    ngettext("%zu slot to plan, %d locked · # locked  · unfilled"
		             "  × holiday",
		        "%zu slots to plan, %d locked · # locked  · unfilled  "
		        "× holiday", pl->plan.n_slots),
		    pl->plan.n_slots, locked);
	snprintf(buf, sizeof buf, "%s · %s · %s", t->code, t->name, what);
	if (absent > 0) {
		/* first, where it is seen: these blocks need cover now */
		char warn[768];
		snprintf(warn, sizeof warn, ngettext("! %d block held by "
		    "someone absent · ", "! %d blocks held by someone absent · ",
		    absent), absent);
		size_t n = strlen(warn);
		snprintf(warn + n, sizeof warn - n, "%s", buf);
		ui_put(1, 0, COLS, warn, false,
		    A_BOLD | ui_status_attr(u, LOAD_STATUS_OVER));
		return;
	}
	ui_put(1, 0, COLS, buf, false, A_BOLD);
}

/* What the cursor cell holds, and what the proposal does with it. */
void
ui_planner_draw_detail(const struct ui *u, int y, int width)
{
	const struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	const struct cell *c = ui_planner_cell_at(pl, pl->row, pl->col);
	char buf[768], slot[128], hours[32], what[512];
	int date = ui_planner_cell_date(pl, pl->row, pl->col);

	slot_name(date, ui_planner_col_part(pl->cols[pl->col]), slot, sizeof slot);
	if (c->block >= 0 && d->blocks[c->block].locked) {
		snprintf(what, sizeof what, "%s %s · %s · %s",
		    ui_hours(u, hours, sizeof hours, d->blocks[c->block].hours),
		    _("h"), ui_planner_employee_name(u, d->blocks[c->block].employee_id),
		    _("locked"));
	} else if (c->slot >= 0) {
		const struct plan_slot *sl = &pl->plan.slots[c->slot];
		char who[256];
		if (pl->proposal && sl->after == 0)
			snprintf(who, sizeof who, "%s → %s: %s",
			    ui_planner_employee_name(u, sl->before), _("nobody"),
			    _(sl->unfillable_reason));
		else if (pl->proposal && sl->changed)
			snprintf(who, sizeof who, "%s → %s",
			    ui_planner_employee_name(u, sl->before),
			    ui_planner_employee_name(u, sl->after));
		else
			snprintf(who, sizeof who, "%s", sl->before ?
			    ui_planner_employee_name(u, sl->before) : _("unfilled"));
		snprintf(what, sizeof what, "%s %s · %s",
		    ui_hours(u, hours, sizeof hours, sl->hours), _("h"), who);
	} else {
		snprintf(what, sizeof what, "%s",
		    c->rota && c->holiday ? _("holiday: no intake")
					  : _("no intake slot"));
	}
	if (c->needs_cover) {
		size_t n = strlen(what);
		snprintf(what + n, sizeof what - n, " · %s",
		    _("absent that day: hand it over (m, or r for the fair "
		    "choice)"));
	}
	snprintf(buf, sizeof buf, "%s · %s", slot, what);
	ui_put(y, 0, width, buf, false, A_NORMAL);
}

/* The highest loads: now, or equal split against balanced. */
void
ui_planner_draw_summary(const struct ui *u, int y, int width)
{
	const struct plan *p = &u->planner->plan;
	char buf[512], now[16], split[16], balanced[16], key[32];
	char taking_split[16], taking_balanced[16];
	int n;

	ui_load(now, sizeof now, p->max_load_before, true);
	if (u->planner->proposal) {
		n = snprintf(buf, sizeof buf, _("equal split: highest load %s; "
		    "balanced: highest load %s (now %s)"),
		    ui_load(split, sizeof split, p->equal_split_max_load, true),
		    ui_load(balanced, sizeof balanced, p->max_load_after, true),
		    now);
		/* Where the room is: the busiest person still taking intake,
		 * which a colleague no block can help does not hide. */
		if (n > 0 && (size_t)n < sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n,
			    _(" · of those taking intake: %s → %s"),
			    ui_load(taking_split, sizeof taking_split,
			    p->taking_max_equal_split, true),
			    ui_load(taking_balanced, sizeof taking_balanced,
			    p->taking_max_after, true));
		ui_put(y, 0, width, buf, false, A_BOLD);
	} else {
		snprintf(buf, sizeof buf, _("Highest projected load now %s; "
		    "%s: propose a balanced plan"), now,
		    ui_key(u, UI_ACT_RELOAD, key, sizeof key));
		ui_put(y, 0, width, buf, false, A_NORMAL);
	}
}

/* With room below the grid: the slots that cannot be filled, then the
 * proposal's moves, one a line, from row y to the status line. */
void
ui_planner_draw_changes(const struct ui *u, int y, int width)
{
	const struct plan *p = &u->planner->plan;
	char buf[512], slot[128];

	for (int pass = 0; pass < 2; pass++) {
		bool first = true;
		for (size_t k = 0; k < p->n_slots && y < LINES - 1; k++) {
			const struct plan_slot *sl = &p->slots[k];
			if (pass == 0 ? sl->after != 0 : !sl->changed ||
			        sl->after == 0)
				continue;
			if (first) {
				y++;
				if (y >= LINES - 1)
					return;
				ui_put(y++, 0, width, pass == 0 ?
				    _("Cannot be filled:") : _("Moves:"), false,
				    A_BOLD);
				first = false;
			}
			if (y >= LINES - 1)
				return;
			slot_name(sl->date, sl->part, slot, sizeof slot);
			if (pass == 0)
				snprintf(buf, sizeof buf, "  %s: %s", slot,
				    _(sl->unfillable_reason));
			else
				snprintf(buf, sizeof buf, "  %s  %s → %s", slot,
				    ui_planner_employee_name(u, sl->before),
				    ui_planner_employee_name(u, sl->after));
			ui_put(y++, 0, width, buf, false, A_NORMAL);
		}
	}
}

/* --- the table --- */

/* "94% → 100%" */
static char *
load_change(double before, double after, char *buf, size_t size)
{
	char a[16], b[16];

	snprintf(buf, size, "%s → %s", ui_load(a, sizeof a, before, true),
	    ui_load(b, sizeof b, after, true));
	return buf;
}

/* Lay the table out in its part of the screen; returns its column count. */
size_t
ui_planner_table_layout(const struct ui *u, const struct layout *l,
    struct ui_column *c)
{
	bool proposal = u->planner->proposal;
	size_t n = proposal ? COL_COUNT : COL_COUNT - 1;

	c[COL_CODE] = ui_column(_("Code"), u->planner->label_w, 0, false);
	/* with little room the reasons get it before long names */
	c[COL_NAME] = (struct ui_column){ _("Employee"), 14,
		proposal && l->table_w < TABLE_WIDE ? 20 : 24, 0, false, 0, 0 };
	c[COL_FREE] = ui_column(_("Free h"), 6, 2, true);
	c[COL_BLOCKS] = ui_column(_("Blocks"), proposal ? 5 : 2, 0, true);
	c[COL_LOAD] = ui_column(_("Load"), proposal ? 11 : 5, 0, true);
	c[COL_STATUS] = ui_column(_("Status"), ui_status_width(), 3, false);
	c[COL_REASON] = (struct ui_column){ _("Why none"), 16, 60, 1, false, 0,
		0 };
	ui_layout(c, n, l->table_w);
	for (size_t i = 0; i < n; i++)
		c[i].x += l->table_x;
	return n;
}

void
ui_planner_draw_employee(const struct ui *u, const struct ui_column *c,
    int y, long i, attr_t attr)
{
	const struct ui_planner *pl = u->planner;
	const struct plan_employee *pe = ui_planner_plan_employee(&pl->plan, i);
	const struct employee *em = &u->app->data.employees[i];
	char buf[64];
	double load;
	enum load_status st;
	attr_t changed = A_NORMAL;

	if (pe == NULL)
		return;
	load = pl->proposal ? pe->load_after : pe->load_before;
	st = workload_status(load, true, &u->app->settings);
	if (pl->proposal && pe->blocks_after != pe->blocks_before)
		changed = ui_accent_attr(u);
	ui_put(y, c[COL_CODE].x, c[COL_CODE].w, ui_planner_short_code(u, em->id), false,
	    attr);
	ui_put(y, c[COL_NAME].x, c[COL_NAME].w, em->name, false, attr);
	ui_put(y, c[COL_FREE].x, c[COL_FREE].w,
	    ui_hours(u, buf, sizeof buf, pe->free_hours), true, attr);
	if (pl->proposal)
		snprintf(buf, sizeof buf, "%d → %d", pe->held_before,
		    pe->held_after);
	else
		snprintf(buf, sizeof buf, "%d", pe->held_before);
	ui_put(y, c[COL_BLOCKS].x, c[COL_BLOCKS].w, buf, true, attr | changed);
	if (pl->proposal)
		load_change(pe->load_before, pe->load_after, buf, sizeof buf);
	else
		ui_load(buf, sizeof buf, pe->load_before, true);
	ui_put(y, c[COL_LOAD].x, c[COL_LOAD].w, buf, true,
	    attr | ui_status_attr(u, st));
	ui_put(y, c[COL_STATUS].x, c[COL_STATUS].w,
	    ui_status_text(st, buf, sizeof buf), false,
	    attr | ui_status_attr(u, st));
	if (pl->proposal)
		ui_put(y, c[COL_REASON].x, c[COL_REASON].w,
		    pe->reason ? _(pe->reason) : "", false, attr);
}

/* --- the chooser of m --- */

/* Projected horizon load of pe with extra hours of intake. */
static double
projected(const struct ui *u, const struct plan_employee *pe, double extra)
{
	const struct settings *s = &u->app->settings;
	double cost = s->block_hours + s->followup_hours;

	return workload_load(pe->base + pe->blocks_before * cost + extra,
	    pe->capacity);
}

/* Why the planner would not give a block on date to pe (the rules of SPEC
 * §4, counting every other block that week), or NULL. */
static const char *
why_not(const struct ui *u, const struct plan_employee *pe, int date,
    int64_t block_id)
{
	const struct dataset *d = &u->app->data;
	const struct employee *em = &d->employees[pe->index];
	int monday = date_monday(date), absent = 0, blocks = 0;

	if (!pe->has_capacity)
		return N_("no capacity in the horizon");
	if (!workload_is_working_day(em, &u->app->settings, date))
		return N_("not a working day");
	for (size_t i = 0; i < d->n_absences; i++) {
		const struct absence *ab = &d->absences[i];
		if (ab->employee_id == em->id && date >= ab->start &&
		    date <= ab->end && ab->percent > absent)
			absent = ab->percent;
	}
	if (absent >= 50)
		return N_("absent");
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		if (b->employee_id == em->id && b->id != block_id &&
		    b->date >= monday && b->date < monday + 7)
			blocks++;
	}
	if (blocks >= u->app->settings.max_blocks_per_week)
		return N_("already has a block that week");
	return NULL;
}

/* Eligible first, then the lowest load after; nobody last. */
static int
cmp_choices(const void *pa, const void *pb)
{
	const struct choice *a = pa, *b = pb;

	if ((a->employee_id == 0) != (b->employee_id == 0))
		return a->employee_id == 0 ? 1 : -1;
	if ((a->why_not == NULL) != (b->why_not == NULL))
		return a->why_not == NULL ? -1 : 1;
	if (a->load_after != b->load_after)
		return a->load_after < b->load_after ? -1 : 1;
	return (a->employee_id > b->employee_id) -
	    (a->employee_id < b->employee_id);
}

/* The block under the cursor: its id (0 for a free slot), holder, hours
 * of intake it adds to its holder's projection. False when there is none. */
static bool
cursor_block(const struct ui *u, int64_t *id, int64_t *holder, double *cost)
{
	const struct ui_planner *pl = u->planner;
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	const struct cell *c = ui_planner_cell_at(pl, pl->row, pl->col);

	if (c->block >= 0) {
		*id = d->blocks[c->block].id;
		*holder = d->blocks[c->block].employee_id;
		/* a locked block counts at its hours, others at the cost */
		*cost = d->blocks[c->block].locked ? d->blocks[c->block].hours :
		    s->block_hours + s->followup_hours;
		return true;
	}
	if (c->slot >= 0) {
		*id = 0;
		*holder = 0;
		*cost = s->block_hours + s->followup_hours;
		return true;
	}
	return false;
}

void
ui_planner_open_chooser(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	int64_t id, holder;
	double cost;
	int date = ui_planner_cell_date(pl, pl->row, pl->col);

	if (!cursor_block(u, &id, &holder, &cost)) {
		ui_message(u, true, "%s", _("No intake slot here"));
		return;
	}
	ui_planner_close_chooser(pl);
	pl->choices = xcalloc(pl->plan.n_employees + 1, sizeof *pl->choices);
	for (size_t m = 0; m < pl->plan.n_employees; m++) {
		const struct plan_employee *pe = &pl->plan.employees[m];
		int64_t eid = u->app->data.employees[pe->index].id;
		if (eid == holder)
			continue;
		pl->choices[pl->n_choices++] = (struct choice){ eid,
			projected(u, pe, 0), projected(u, pe, cost),
			why_not(u, pe, date, id) };
	}
	if (holder)
		pl->choices[pl->n_choices++] = (struct choice){ 0, 0, 0, NULL };
	qsort(pl->choices, pl->n_choices, sizeof *pl->choices, cmp_choices);
	pl->chosen = pl->chosen_top = 0;
	if (pl->n_choices == 0)
		ui_message(u, true, "%s", _("Nobody in the team can take it"));
}

void
ui_planner_draw_chooser(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	int64_t id, holder;
	double cost;
	int bw = COLS - 4 < 72 ? COLS - 4 : 72;
	/* borders, the holder's line, the choices, the hint */
	int bh = (int)pl->n_choices + 4 < LINES - 2 ? (int)pl->n_choices + 4
						    : LINES - 2;
	int x0 = (COLS - bw) / 2, y0 = (LINES - bh) / 2, list_h = bh - 4;
	int iw = bw - 4, lw = 11; /* inside; "123% → 125%" */
	int nw = iw - lw - 14 < 24 ? iw - lw - 14 : 24, sw = iw - nw - lw - 2;
	char buf[512], slot[128], loads[64], k1[32], k2[32];

	if (!cursor_block(u, &id, &holder, &cost))
		return;
	ui_box(y0, x0, bh, bw);

	slot_name(ui_planner_cell_date(pl, pl->row, pl->col), ui_planner_col_part(pl->cols[pl->col]),
	    slot, sizeof slot);
	snprintf(buf, sizeof buf, _(" Give %s to "), slot);
	ui_put(y0, x0 + 2, text_width(buf) < bw - 4 ? text_width(buf) : bw - 4,
	    buf, false, A_BOLD);
	if (holder) {
		const struct plan_employee *pe = ui_planner_plan_employee(&pl->plan,
		    dataset_employee_index(&u->app->data, holder));
		if (pe)
			snprintf(buf, sizeof buf, _("%s has it: %s without it"),
			    ui_planner_employee_name(u, holder),
			    load_change(pe->load_before,
			        projected(u, pe, -cost), loads, sizeof loads));
		else
			snprintf(buf, sizeof buf, "%s",
			    ui_planner_employee_name(u, holder));
	} else {
		snprintf(buf, sizeof buf, "%s", _("Nobody has it now"));
	}
	ui_put(y0 + 1, x0 + 2, iw, buf, false, A_NORMAL);

	if (pl->chosen < pl->chosen_top)
		pl->chosen_top = pl->chosen;
	if (pl->chosen >= pl->chosen_top + list_h)
		pl->chosen_top = pl->chosen - list_h + 1;
	for (int r = 0; r < list_h && pl->chosen_top + r < (int)pl->n_choices;
	     r++) {
		const struct choice *ch = &pl->choices[pl->chosen_top + r];
		int y = y0 + 2 + r;
		attr_t attr = pl->chosen_top + r == pl->chosen ? A_REVERSE
							       : A_NORMAL;
		attrset(attr);
		mvhline(y, x0 + 1, ' ', bw - 2);
		attrset(A_NORMAL);
		if (ch->employee_id == 0) {
			ui_put(y, x0 + 2, iw, _("(nobody: leave it unfilled)"),
			    false, attr);
			continue;
		}
		enum load_status st = workload_status(ch->load_after, true,
		    &u->app->settings);
		ui_put(y, x0 + 2, nw, ui_planner_employee_name(u, ch->employee_id), false,
		    attr);
		ui_put(y, x0 + 2 + nw + 1, lw,
		    load_change(ch->load_before, ch->load_after, loads,
		        sizeof loads), true, attr | ui_status_attr(u, st));
		if (ch->why_not)
			ui_put(y, x0 + 2 + nw + lw + 2, sw, _(ch->why_not),
			    false, attr);
		else
			ui_put(y, x0 + 2 + nw + lw + 2, sw,
			    ui_status_text(st, buf, sizeof buf), false,
			    attr | ui_status_attr(u, st));
	}
	snprintf(buf, sizeof buf, _("%s: choose  %s: cancel"),
	    ui_key(u, UI_ACT_OPEN, k1, sizeof k1),
	    ui_key(u, UI_ACT_BACK, k2, sizeof k2));
	ui_put(y0 + bh - 2, x0 + 2, iw, buf, false, A_BOLD);
}

/* Give the block under the cursor to the chosen one, after asking. */
static void
choose(struct ui *u)
{
	struct ui_planner *pl = u->planner;
	struct choice ch = pl->choices[pl->chosen];
	int64_t id, holder;
	double cost;
	char q[512], slot[128], loads[64], done[256];
	struct err e;
	int rc;

	ui_planner_close_chooser(pl);
	if (!cursor_block(u, &id, &holder, &cost))
		return;
	slot_name(ui_planner_cell_date(pl, pl->row, pl->col), ui_planner_col_part(pl->cols[pl->col]),
	    slot, sizeof slot);
	if (ch.employee_id == 0) {
		snprintf(q, sizeof q, _("Leave %s unfilled?"), slot);
		snprintf(done, sizeof done, _("%s is unfilled now"), slot);
	} else {
		load_change(ch.load_before, ch.load_after, loads, sizeof loads);
		snprintf(q, sizeof q, _("Give %s to %s (load %s%s%s)?"), slot,
		    ui_planner_employee_name(u, ch.employee_id), loads,
		    ch.why_not ? "; " : "", ch.why_not ? _(ch.why_not) : "");
		snprintf(done, sizeof done, _("%s went to %s"), slot,
		    ui_planner_employee_name(u, ch.employee_id));
	}
	if (!ui_confirm(u, q)) {
		ui_message(u, false, "%s", _("Nothing changed"));
		return;
	}
	err_clear(&e);
	if (id) {
		rc = app_move_block(u->app, id, ch.employee_id, &e);
	} else {
		/* a free slot has no block yet: write it as a plan of one */
		struct plan_slot sl = pl->plan.slots[ui_planner_cell_at(pl, pl->row,
		    pl->col)->slot];
		struct plan one = { .team = pl->plan.team, .slots = &sl,
			.n_slots = 1 };
		sl.after = ch.employee_id;
		sl.changed = true;
		rc = app_apply_plan(u->app, &one, &e);
	}
	ui_changed(u, rc, &e, done);
}

bool
ui_planner_chooser_action(struct ui *u, enum ui_action act)
{
	struct ui_planner *pl = u->planner;
	int n = (int)pl->n_choices, page = LINES / 2;

	switch (act) {
	case UI_ACT_UP:
		pl->chosen--;
		break;
	case UI_ACT_DOWN:
		pl->chosen++;
		break;
	case UI_ACT_PAGE_UP:
		pl->chosen -= page;
		break;
	case UI_ACT_PAGE_DOWN:
		pl->chosen += page;
		break;
	case UI_ACT_TOP:
		pl->chosen = 0;
		break;
	case UI_ACT_BOTTOM:
		pl->chosen = n - 1;
		break;
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT:
		choose(u);
		return true;
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
	case UI_ACT_QUIT:
		ui_planner_close_chooser(pl);
		return true;
	case UI_ACT_HELP:
	case UI_ACT_QUIT_NOW:
		return false;
	default:
		return true; /* the chooser is up: other keys wait */
	}
	if (pl->chosen >= n)
		pl->chosen = n - 1;
	if (pl->chosen < 0)
		pl->chosen = 0;
	return true;
}
