/* app: see include/app.h. */
#include <math.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "import.h"
#include "store.h"
#include "text.h"
#include "validate.h"
#include "xmem.h"

int
app_default_db_path(char *buf, size_t size, struct err *e)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	if (xdg && *xdg == '/')
		n = snprintf(buf, size, "%s/wijklast/wijklast.db", xdg);
	else if (home && *home)
		n = snprintf(buf, size, "%s/.local/share/wijklast/wijklast.db",
		    home);
	else
		return err_setx(e, EXIT_USAGE, "neither XDG_DATA_HOME nor HOME "
		    "is set; name the database with --db PATH");
	if (n < 0 || (size_t)n >= size)
		return err_setx(e, EXIT_USAGE, "database path too long");
	return 0;
}

const char *
app_user(void)
{
	const char *name = getenv("USER");
	struct passwd *pw;

	if (name && *name)
		return name;
	pw = getpwuid(getuid());
	return pw && pw->pw_name ? pw->pw_name : "unknown";
}

/* Today, or $WIJKLAST_TODAY (YYYY-MM-DD) so tests and demos can pin it. */
static int
today(struct err *e)
{
	const char *pinned = getenv("WIJKLAST_TODAY");
	int d;

	if (pinned == NULL || *pinned == '\0')
		return date_today();
	if (date_parse(pinned, &d, e) < 0) {
		err_prefix(e, "WIJKLAST_TODAY: ");
		e->status = EXIT_USAGE;
		return -1;
	}
	return d;
}

/* The weeks app_weeks made lately, with their sustained flags, kept until
 * the data changes: stepping a week on recomputes one week, not the eight
 * of a sparkline and their lookback. */
#define WEEKS_KEPT 16
struct app_kept {
	struct week_figures w[WEEKS_KEPT];
	bool used[WEEKS_KEPT];
	int next; /* the slot the next week replaces */
	/* past weeks to freeze (defer_freeze), copies */
	struct week_figures *pending;
	size_t n_pending;
};

static void
week_copy(struct week_figures *to, const struct week_figures *from)
{
	*to = *from;
	to->employees = xcalloc(from->n_employees + 1, sizeof *to->employees);
	to->teams = xcalloc(from->n_teams + 1, sizeof *to->teams);
	memcpy(to->employees, from->employees,
	    from->n_employees * sizeof *to->employees);
	memcpy(to->teams, from->teams, from->n_teams * sizeof *to->teams);
}

/* The data changed: the weeks kept as they are now are stale (all of
 * them with all). A frozen week is history and stays: it is only read
 * again when the people or teams it is aligned with are not the same
 * (kept_week). */
static void
forget_weeks(struct app *a, bool all)
{
	for (int i = 0; a->kept && i < WEEKS_KEPT; i++) {
		if (!a->kept->used[i] || (a->kept->w[i].frozen && !all))
			continue;
		workload_week_clear(&a->kept->w[i]);
		a->kept->used[i] = false;
	}
}

static const struct week_figures *
kept_week(const struct app *a, int monday)
{
	/* ids only grow and no one is deleted (a leaver gets an end date),
	 * so the same numbers are the same people */
	for (int i = 0; a->kept && i < WEEKS_KEPT; i++)
		if (a->kept->used[i] && a->kept->w[i].monday == monday &&
		    a->kept->w[i].n_employees == a->data.n_employees &&
		    a->kept->w[i].n_teams == a->data.n_teams)
			return &a->kept->w[i];
	return NULL;
}

static void
keep_week(struct app *a, const struct week_figures *w)
{
	struct app_kept *k;

	if (kept_week(a, w->monday) != NULL)
		return;
	if (a->kept == NULL)
		a->kept = xcalloc(1, sizeof *a->kept);
	k = a->kept;
	if (k->used[k->next])
		workload_week_clear(&k->w[k->next]);
	week_copy(&k->w[k->next], w);
	k->used[k->next] = true;
	k->next = (k->next + 1) % WEEKS_KEPT;
}

int
app_open(struct app *a, const char *db_path, const char *config_path,
    struct err *e)
{
	memset(a, 0, sizeof *a);
	settings_defaults(&a->settings);
	if ((a->today = today(e)) < 0)
		goto fail;
	if (settings_find_and_load(&a->settings, config_path, e) < 0)
		goto fail;
	if (db_path)
		snprintf(a->db_path, sizeof a->db_path, "%s", db_path);
	else if (app_default_db_path(a->db_path, sizeof a->db_path, e) < 0)
		goto fail;
	if (store_open(&a->store, a->db_path, app_user(), e) < 0)
		goto fail;
	/* This week and later: what a week's figures, the planner, cover and
	 * the views of now need. Whoever needs more asks (app_need). */
	if (store_load(a->store, &a->data, date_monday(a->today), e) < 0)
		goto fail;
	return 0;
fail:
	app_close(a);
	return -1;
}

int
app_need(struct app *a, int since, struct err *e)
{
	if (since >= a->data.since)
		return 0;
	/* it reads what others changed first (store_widen): the weeks of
	 * now are made again; frozen ones stay */
	forget_weeks(a, false);
	return store_widen(a->store, &a->data, since, e);
}

int
app_forecast_prepare(struct app *a, const struct forecast_options *o,
    struct forecast *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (app_need(a, forecast_learn_since(o), e) < 0)
		return -1;
	return forecast_prepare(&a->data, &a->settings, o, out, e);
}

int
app_forecast(struct app *a, const struct forecast_options *o, long team,
    struct forecast *out, struct err *e)
{
	if (app_forecast_prepare(a, o, out, e) < 0)
		return -1;
	for (size_t t = 0; t < a->data.n_teams; t++)
		if (team < 0 || (size_t)team == t)
			forecast_make_team(out, t);
	return 0;
}

void
app_close(struct app *a)
{
	forget_weeks(a, true);
	if (a->kept != NULL) {
		for (size_t i = 0; i < a->kept->n_pending; i++)
			workload_week_clear(&a->kept->pending[i]);
		free(a->kept->pending);
	}
	free(a->kept);
	a->kept = NULL;
	store_close(a->store);
	a->store = NULL;
	dataset_clear(&a->data);
	settings_clear(&a->settings);
}

int
app_reload(struct app *a, struct err *e)
{
	forget_weeks(a, false);
	return store_refresh(a->store, &a->data, e);
}

/* Freeze week w as a snapshot (SPEC §6: past weeks, the first time they are
 * viewed). Not a week nobody counts in: that is a database being set up,
 * not history. Best effort: a busy database just means "next time". */
static void
freeze(const struct app *a, struct week_figures *w)
{
	bool anyone = false;

	for (size_t i = 0; i < w->n_employees && !anyone; i++)
		anyone = w->employees[i].counted;
	if (!anyone || store_begin(a->store, NULL) < 0)
		return;
	if (store_save_snapshot(a->store, &a->data, w, false, NULL) < 0 ||
	    store_commit(a->store, NULL) < 0)
		store_rollback(a->store);
	else
		w->frozen = true; /* shown as it is saved from now on */
}

/* Queue week w to be frozen by app_freeze_pending; it shows as frozen from
 * now on, as it will be saved. */
static void
freeze_later(struct app *a, struct week_figures *w)
{
	struct app_kept *k;

	if (a->kept == NULL)
		a->kept = xcalloc(1, sizeof *a->kept);
	k = a->kept;
	for (size_t i = 0; i < k->n_pending; i++)
		if (k->pending[i].monday == w->monday)
			return;
	k->pending = xreallocarray(k->pending, k->n_pending + 1,
	    sizeof *k->pending);
	week_copy(&k->pending[k->n_pending++], w);
	w->frozen = true;
}

int
app_freeze_pending(struct app *a)
{
	struct app_kept *k = a->kept;
	int n = 0;

	for (size_t i = 0; k != NULL && i < k->n_pending; i++) {
		/* the data it was made from is the data as it is now, unless
		 * it changed since (then it is made again when next seen) */
		if (k->pending[i].n_employees == a->data.n_employees &&
		    k->pending[i].n_teams == a->data.n_teams) {
			freeze(a, &k->pending[i]);
			n += k->pending[i].frozen;
		}
		workload_week_clear(&k->pending[i]);
	}
	if (k != NULL)
		k->n_pending = 0;
	return n;
}

void
app_weeks(struct app *a, int first_monday, size_t n,
    struct week_figures *out)
{
	/* Sustained overload looks back k - 1 weeks before each week. */
	size_t k = (size_t)a->settings.sustained_weeks;
	size_t total = n + k - 1;
	struct week_figures *all = xcalloc(total, sizeof *all);
	bool *frozen = xcalloc(total, sizeof *frozen);
	bool *unread = xcalloc(total, sizeof *unread);
	bool *kept = xcalloc(total, sizeof *kept);
	int first = first_monday - 7 * (int)(k - 1);
	int this_week = date_monday(a->today);
	bool read_again = false;

	/* Weeks kept since the data last changed; past weeks as they were
	 * (snapshots); the rest as they are now: the data read from the
	 * first of those on. */
	int need;
again:
	need = DATE_NONE;
	for (size_t i = 0; i < total; i++) {
		int monday = first + 7 * (int)i;
		const struct week_figures *w = kept_week(a, monday);
		if (w != NULL) {
			week_copy(&all[i], w);
			kept[i] = true;
			frozen[i] = w->frozen;
			continue;
		}
		/* a week only looked back on needs its statuses alone */
		if (monday < this_week && (i < k - 1 ?
		    store_load_snapshot_statuses(a->store, &a->data, monday,
		    &all[i], &frozen[i], NULL) :
		    store_load_snapshot(a->store, &a->data, monday, &all[i],
		    &frozen[i], NULL)) < 0)
			unread[i] = true; /* never overwrite what we can't read */
		if (!frozen[i] && monday < need)
			need = monday;
	}
	if (need != DATE_NONE) {
		uint64_t shape = dataset_shape(&a->data);
		if (app_need(a, need, NULL) < 0) {
			for (size_t i = 0; i < total; i++)
				unread[i] = true; /* not all there: shown, not
						   * frozen */
		} else if (dataset_shape(&a->data) != shape && !read_again) {
			/* reading further back brought others' new people or
			 * teams: the weeks read are of the old ones, index for
			 * index — read them again, once */
			for (size_t i = 0; i < total; i++) {
				workload_week_clear(&all[i]);
				frozen[i] = unread[i] = kept[i] = false;
			}
			read_again = true;
			goto again;
		}
	}
	for (size_t i = 0; i < total; i++) {
		int monday = first + 7 * (int)i;
		if (!frozen[i] && !kept[i])
			workload_week(&a->data, &a->settings, monday, &all[i]);
		all[i].frozen = frozen[i];
	}
	for (size_t i = k - 1; i < total; i++) {
		if (frozen[i] || kept[i])
			continue;
		workload_mark_sustained(&a->data, all + i - (k - 1), k,
		    &a->settings);
		if (all[i].monday < this_week && !unread[i]) {
			if (a->defer_freeze)
				freeze_later(a, &all[i]);
			else
				freeze(a, &all[i]);
		}
	}
	/* what has its sustained flags is kept: not a look back, which is
	 * computed without them or read with statuses alone */
	for (size_t i = k - 1; i < total; i++)
		if (!kept[i] && !unread[i])
			keep_week(a, &all[i]);
	for (size_t i = 0; i < k - 1; i++)
		workload_week_clear(&all[i]);
	memcpy(out, all + k - 1, n * sizeof *out);
	free(all);
	free(frozen);
	free(unread);
	free(kept);
}

void
app_subject_weeks(struct app *a, bool employee, long index, int first,
    size_t n, struct app_subject_week *out)
{
	int this_week = date_monday(a->today);
	int64_t id = employee ? a->data.employees[index].id :
	    a->data.teams[index].id;
	struct team_week *tw = xcalloc(n + 1, sizeof *tw);
	struct employee_week *ew = xcalloc(n + 1, sizeof *ew);
	bool *found = xcalloc(n + 1, sizeof *found);
	size_t past = 0;

	memset(out, 0, n * sizeof *out);
	/* past weeks: their snapshot rows of this one, in one read */
	while (past < n && first + 7 * (int)past < this_week)
		past++;
	if (store_load_subject_snapshots(a->store, employee, id, first, past,
	    tw, ew, found, NULL) < 0)
		memset(found, 0, (n + 1) * sizeof *found);
	for (size_t k = 0; k < n; k++) {
		out[k].monday = first + 7 * (int)k;
		if (found[k]) {
			out[k].frozen = true;
			out[k].team = tw[k];
			out[k].employee = ew[k];
		}
	}
	/* the rest as app_weeks makes them, a run of weeks at a time */
	for (size_t k = 0; k < n;) {
		size_t run = 0;
		if (found[k]) {
			k++;
			continue;
		}
		while (k + run < n && !found[k + run])
			run++;
		struct week_figures *w = xcalloc(run, sizeof *w);
		app_weeks(a, first + 7 * (int)k, run, w);
		for (size_t j = 0; j < run; j++) {
			out[k + j].frozen = w[j].frozen;
			if (employee)
				out[k + j].employee = w[j].employees[index];
			else
				out[k + j].team = w[j].teams[index];
			workload_week_clear(&w[j]);
		}
		free(w);
		k += run;
	}
	free(tw);
	free(ew);
	free(found);
}

void
app_week(struct app *a, int monday, struct week_figures *out)
{
	app_weeks(a, monday, 1, out);
}

int
app_snapshot(struct app *a, int monday, struct err *e)
{
	struct week_figures w;
	size_t k = (size_t)a->settings.sustained_weeks;
	struct week_figures *all;
	int rc = 0;

	if (monday >= date_monday(a->today))
		return err_setx(e, EXIT_USAGE, "only a week that is over can be "
		    "frozen");
	if (app_need(a, monday, e) < 0)
		return -1;
	all = xcalloc(k, sizeof *all);
	/* Computed from the data as it is now, on purpose: this is the
	 * explicit "freeze this week" (the lookback may come from snapshots). */
	app_weeks(a, monday - 7 * (int)(k - 1), k - 1, all);
	workload_week(&a->data, &a->settings, monday, &all[k - 1]);
	workload_mark_sustained(&a->data, all, k, &a->settings);
	w = all[k - 1];
	forget_weeks(a, true); /* frozen anew */
	if (store_begin(a->store, e) < 0 ||
	    store_save_snapshot(a->store, &a->data, &w, true, e) < 0 ||
	    store_commit(a->store, e) < 0) {
		store_rollback(a->store);
		rc = -1;
	}
	for (size_t i = 0; i < k; i++)
		workload_week_clear(&all[i]);
	free(all);
	return rc;
}

long
app_find_team(const struct app *a, const char *code, struct err *e)
{
	long t = dataset_team_by_code(&a->data, code);

	if (t < 0)
		err_setx(e, EXIT_USAGE, "no team with code \"%s\"", code);
	return t;
}

/* Run one write as an undoable transaction: begin, write(ctx), log it as
 * the user's change, commit, reload. On failure roll back and reload anyway,
 * so the screen shows what is really there (another user's change, for
 * one). */
static int
change(struct app *a, int (*write)(struct app *, void *, struct err *),
    void *ctx, struct err *e)
{
	if (store_begin(a->store, e) < 0)
		return -1;
	if (write(a, ctx, e) < 0 ||
	    store_log_change(a->store, STORE_CHANGE, 0, e) < 0 ||
	    store_commit(a->store, e) < 0) {
		store_rollback(a->store);
		app_reload(a, NULL);
		return -1;
	}
	return app_reload(a, e);
}

/* Intake blocks of days that are over are history: never rewritten. */
static int
past_block(int date, struct err *e)
{
	char day[DATE_BUF];

	return err_setx(e, EXIT_USAGE, "the intake block of %s is in the "
	    "past and stays as it was", date_format(date, day));
}

static int
write_plan(struct app *a, void *ctx, struct err *e)
{
	const struct plan *plan = ctx;
	const struct team *team = &a->data.teams[plan->team];

	for (size_t k = 0; k < plan->n_slots; k++) {
		const struct plan_slot *slot = &plan->slots[k];
		long b;
		if (!slot->changed)
			continue;
		if (slot->date < a->today)
			return past_block(slot->date, e);
		if (slot->block_id == 0) {
			struct block blk = { .team_id = team->id,
				.date = slot->date, .part = slot->part,
				.hours = slot->hours,
				.employee_id = slot->after };
			if (store_add_block(a->store, &blk, e) < 0)
				return -1;
			continue;
		}
		if ((b = dataset_block_index(&a->data, slot->block_id)) < 0)
			return err_set(e, "an intake block was deleted by "
			    "someone else meanwhile");
		if (store_set_block_employee(a->store, slot->block_id,
		    a->data.blocks[b].version, slot->after, e) < 0)
			return -1;
	}
	return 0;
}

int
app_apply_plan(struct app *a, const struct plan *plan, struct err *e)
{
	return change(a, write_plan, (void *)plan, e);
}

/* One block: move it (lock false) or lock it (value 0/1). */
struct block_change {
	int64_t id, value;
	bool lock;
};

static int
write_block(struct app *a, void *ctx, struct err *e)
{
	const struct block_change *c = ctx;
	long b = dataset_block_index(&a->data, c->id);

	if (b < 0)
		return err_set(e, "that intake block was deleted by someone "
		    "else meanwhile");
	if (a->data.blocks[b].date < a->today)
		return past_block(a->data.blocks[b].date, e);
	if (c->lock)
		return store_set_block_locked(a->store, c->id,
		    a->data.blocks[b].version, c->value != 0, e);
	return store_set_block_employee(a->store, c->id,
	    a->data.blocks[b].version, c->value, e);
}

int
app_move_block(struct app *a, int64_t block_id, int64_t employee_id,
    struct err *e)
{
	struct block_change c = { block_id, employee_id, false };

	return change(a, write_block, &c, e);
}

int
app_lock_block(struct app *a, int64_t block_id, bool locked, struct err *e)
{
	struct block_change c = { block_id, locked, true };

	return change(a, write_block, &c, e);
}

/* --- the intake rota and extra blocks --- */

static int check_employee(const struct app *a, int64_t employee_id,
    int64_t team_id, struct err *e);

/* Hours that differ by less than this are the same (SPEC §3 tolerance). */
#define HOURS_EPS 0.005

/* Index of team_id's rota entry for weekday and part, or -1. */
static long
rota_index(const struct dataset *d, int64_t team_id, int weekday,
    enum part part)
{
	for (size_t r = 0; r < d->n_rota; r++)
		if (d->rota[r].team_id == team_id &&
		    d->rota[r].weekday == weekday && d->rota[r].part == part)
			return (long)r;
	return -1;
}

void
app_rota_hours(const struct app *a, int64_t team_id, struct rota_hours *out)
{
	memset(out, 0, sizeof *out);
	for (size_t r = 0; r < a->data.n_rota; r++) {
		const struct rota_entry *re = &a->data.rota[r];
		if (re->team_id == team_id && re->weekday >= 1 &&
		    re->weekday <= 5)
			out->h[re->weekday - 1][re->part] = re->hours;
	}
}

/* What a new rota does to block b of the team: 0 nothing, -1 it goes (its
 * slot is removed), 1 it gets the slot's new hours. Only blocks of the
 * planned weeks: this week is being worked. */
static int
block_fate(const struct app *a, const struct rota_hours *rota,
    const struct block *b)
{
	int wd = date_weekday(b->date);
	long r;
	double h;

	if (b->date < date_monday(a->today) + 7 || wd > 5 ||
	    (r = rota_index(&a->data, b->team_id, wd, b->part)) < 0)
		return 0;
	h = rota->h[wd - 1][b->part];
	if (h <= 0)
		return -1;
	if (fabs(h - a->data.rota[r].hours) < HOURS_EPS ||
	    fabs(h - b->hours) < HOURS_EPS)
		return 0;
	return 1;
}

void
app_rota_blocks(const struct app *a, int64_t team_id,
    const struct rota_hours *rota, size_t *removed, size_t *rehoured)
{
	*removed = *rehoured = 0;
	for (size_t i = 0; i < a->data.n_blocks; i++) {
		if (a->data.blocks[i].team_id != team_id)
			continue;
		switch (block_fate(a, rota, &a->data.blocks[i])) {
		case -1:
			(*removed)++;
			break;
		case 1:
			(*rehoured)++;
			break;
		}
	}
}

struct rota_change {
	int64_t team_id;
	const struct rota_hours *rota;
	bool blocks;
};

static int
write_rota(struct app *a, void *ctx, struct err *e)
{
	const struct rota_change *c = ctx;
	const struct dataset *d = &a->data;

	/* the blocks first: they are decided by the rota as it was read */
	for (size_t i = 0; c->blocks && i < d->n_blocks; i++) {
		struct block b = d->blocks[i];
		int fate = b.team_id == c->team_id ? block_fate(a, c->rota, &b)
						   : 0;
		if (fate < 0 && store_delete_block(a->store, b.id, b.version,
		    e) < 0)
			return -1;
		if (fate > 0) {
			b.hours = c->rota->h[date_weekday(b.date) - 1][b.part];
			if (store_update_block(a->store, &b, e) < 0)
				return -1;
		}
	}
	for (int wd = 1; wd <= 5; wd++)
		for (int p = PART_MORNING; p <= PART_AFTERNOON; p++) {
			long r = rota_index(d, c->team_id, wd, p);
			struct rota_entry re = { .team_id = c->team_id,
				.weekday = wd, .part = p,
				.hours = c->rota->h[wd - 1][p] };
			int rc = 0;
			if (r < 0 && re.hours > 0)
				rc = store_add_rota(a->store, &re, e);
			else if (r >= 0 && re.hours <= 0)
				rc = store_delete_rota(a->store, d->rota[r].id,
				    d->rota[r].version, e);
			else if (r >= 0 && fabs(re.hours -
			    d->rota[r].hours) >= HOURS_EPS) {
				re.id = d->rota[r].id;
				re.version = d->rota[r].version;
				rc = store_update_rota(a->store, &re, e);
			}
			if (rc < 0)
				return -1;
		}
	return 0;
}

int
app_save_rota(struct app *a, int64_t team_id, const struct rota_hours *rota,
    bool blocks, struct err *e)
{
	struct rota_change c = { team_id, rota, blocks };

	if (dataset_team_index(&a->data, team_id) < 0)
		return err_setx(e, EXIT_DATAERR, "team: no such team");
	for (int wd = 0; wd < 5; wd++)
		for (int p = 0; p < 2; p++) {
			double h = rota->h[wd][p];
			/* !(h >= 0) refuses NaN too */
			if (!(h >= 0) || h > VALIDATE_INTAKE_HOURS_MAX)
				return err_setx(e, EXIT_DATAERR, "hours: %g "
				    "must be more than 0 and at most %d", h,
				    VALIDATE_INTAKE_HOURS_MAX);
		}
	return change(a, write_rota, &c, e);
}

int
app_check_block(const struct app *a, const struct block *b, struct err *e)
{
	const struct dataset *d = &a->data;
	char day[DATE_BUF];
	long i;

	if (dataset_team_index(d, b->team_id) < 0)
		return err_setx(e, EXIT_DATAERR, "team: no such team");
	if (date_weekday(b->date) > 5)
		return err_setx(e, EXIT_DATAERR, "date: intake blocks are on "
		    "weekdays");
	if (b->date < a->today)
		return err_setx(e, EXIT_DATAERR, "date: %s is in the past",
		    date_format(b->date, day));
	if (!(b->hours > 0) || b->hours > VALIDATE_INTAKE_HOURS_MAX)
		return err_setx(e, EXIT_DATAERR, "hours: %g must be more than "
		    "0 and at most %d", b->hours, VALIDATE_INTAKE_HOURS_MAX);
	for (size_t k = 0; k < d->n_blocks; k++)
		if (d->blocks[k].team_id == b->team_id &&
		    d->blocks[k].date == b->date &&
		    d->blocks[k].part == b->part && d->blocks[k].id != b->id)
			return err_setx(e, EXIT_DATAERR, b->part ==
			    PART_MORNING ? "date: that morning has an intake "
			    "block already" : "date: that afternoon has an "
			    "intake block already");
	if (b->employee_id == 0)
		return 0;
	if (check_employee(a, b->employee_id, b->team_id, e) < 0)
		return -1;
	i = dataset_employee_index(d, b->employee_id);
	if (b->date < d->employees[i].start ||
	    (d->employees[i].end != DATE_NONE && b->date > d->employees[i].end))
		return err_setx(e, EXIT_DATAERR, "employee: \"%s\" is not in "
		    "the team on %s", d->employees[i].name,
		    date_format(b->date, day));
	return 0;
}

static int
write_block_add(struct app *a, void *ctx, struct err *e)
{
	return store_add_block(a->store, ctx, e);
}

int
app_add_block(struct app *a, struct block *b, struct err *e)
{
	if (app_check_block(a, b, e) < 0)
		return -1;
	return change(a, write_block_add, b, e);
}

int
app_import(struct app *a, enum import_kind kind, const char *path,
    const struct import_options *opt, struct import_result *res,
    struct err *e)
{
	struct import_options o = *opt;

	o.today = a->today;
	/* refs and codes are matched against every record there is */
	if (app_need(a, DATASET_ALL, e) < 0)
		return -1;
	if (import_csv(a->store, &a->data, &a->settings, kind, path, &o, res,
	    e) < 0)
		return -1;
	if (res->written > 0)
		forget_weeks(a, true); /* it forgot the snapshots */
	return res->written > 0 ? app_reload(a, e) : 0;
}

/* --- undo and redo, from the change log (so they outlive the session) --- */

/* The user's undo and redo stacks, replayed from their change log: a change
 * pushes on undo and clears redo; an undo moves its change to redo; a redo
 * moves it back. Each entry is the txn to revert next. */
struct history {
	struct store_change *log;
	size_t n_log;
	long long *undo, *redo;
	size_t n_undo, n_redo;
};

static void
history_clear(struct history *h)
{
	free(h->log);
	free(h->undo);
	free(h->redo);
}

/* Remove txn from the stack (the top, unless the log was written by two
 * sessions of one user at once); false when it is not there. */
static bool
stack_remove(long long *stack, size_t *n, long long txn)
{
	for (size_t i = *n; i-- > 0;)
		if (stack[i] == txn) {
			memmove(stack + i, stack + i + 1,
			    (*n - i - 1) * sizeof *stack);
			(*n)--;
			return true;
		}
	return false;
}

static int
history_read(struct app *a, struct history *h, struct err *e)
{
	memset(h, 0, sizeof *h);
	if (store_user_changes(a->store, &h->log, &h->n_log, e) < 0)
		return -1;
	h->undo = xcalloc(h->n_log + 1, sizeof *h->undo);
	h->redo = xcalloc(h->n_log + 1, sizeof *h->redo);
	for (size_t i = 0; i < h->n_log; i++) {
		const struct store_change *c = &h->log[i];
		if (c->kind == STORE_CHANGE) {
			h->undo[h->n_undo++] = c->txn;
			h->n_redo = 0;
		} else if (c->kind == STORE_UNDO) {
			if (stack_remove(h->undo, &h->n_undo, c->reverts))
				h->redo[h->n_redo++] = c->txn;
		} else if (stack_remove(h->redo, &h->n_redo, c->reverts)) {
			h->undo[h->n_undo++] = c->txn;
		}
	}
	return 0;
}

/* The person's own change behind txn: an undo or redo points back to it. */
static long long
history_origin(const struct history *h, long long txn)
{
	for (size_t i = h->n_log; i-- > 0;)
		if (h->log[i].txn == txn) {
			if (h->log[i].kind == STORE_CHANGE)
				return txn;
			txn = h->log[i].reverts;
		}
	return txn;
}

/* The value of column name in row r, before or after. */
static const char *
row_value(const struct store_change_row *r, const char *name, bool after)
{
	for (size_t i = 0; i < r->n_cols; i++)
		if (strcmp(r->cols[i].name, name) == 0)
			return after ? r->cols[i].new : r->cols[i].old;
	return "";
}

static bool
row_changed(const struct store_change_row *r, const char *name)
{
	return strcmp(row_value(r, name, false), row_value(r, name, true)) != 0;
}

/* The name of the employee with id text (the waiting list or nobody for
 * none), as the data holds it now. */
static const char *
employee_name(const struct app *a, const char *id, const char *none)
{
	long i = *id ? dataset_employee_index(&a->data, atoll(id)) : -1;

	return i >= 0 ? a->data.employees[i].name : none;
}

/* "Tue 8 Dec morning" for a block's date and part. */
static void
block_label(const struct store_change_row *r, bool after, char *buf,
    size_t size)
{
	const char *day = row_value(r, "date", after);
	int date, y, m, d;

	if (date_parse(day, &date, NULL) < 0) {
		snprintf(buf, size, "%s", day);
		return;
	}
	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, size, "%s %d %s %s",
	    i18n_weekday_abbr(date_weekday(date)), d, i18n_month_abbr(m),
	    strcmp(row_value(r, "part", after), "middag") == 0
		? _("afternoon") : _("morning"));
}

/* The team code of a row's team_id. */
static const char *
team_code(const struct app *a, const struct store_change_row *r, bool after)
{
	const char *id = row_value(r, "team_id", after);
	long t = *id ? dataset_team_index(&a->data, atoll(id)) : -1;

	return t >= 0 ? a->data.teams[t].code : "?";
}

/* "Tue morning" for a rota entry. */
static void
rota_label(const struct store_change_row *r, bool after, char *buf,
    size_t size)
{
	snprintf(buf, size, "%s %s",
	    i18n_weekday_abbr(atoi(row_value(r, "weekday", after))),
	    strcmp(row_value(r, "part", after), "middag") == 0
		? _("afternoon") : _("morning"));
}

/* A row's hours as people read them ("3,5" in Dutch). */
static char *
row_hours(const struct store_change_row *r, bool after, char *buf,
    size_t size)
{
	return text_format_decimal(buf, size, atof(row_value(r, "hours",
	    after)), 1, i18n_decimal_comma());
}

/* One record's change in words. */
static void
describe_row(const struct app *a, const struct store_change_row *r,
    char *buf, size_t size)
{
	bool ins = strcmp(r->action, "insert") == 0;
	bool del = strcmp(r->action, "delete") == 0;
	const char *who = employee_name(a,
	    row_value(r, "employee_id", !del), "?");
	char label[64];

	if (strcmp(r->table, "cases") == 0) {
		const char *ref = row_value(r, "ref", !del);
		if (ins)
			snprintf(buf, size, _("new case %s"), ref);
		else if (del)
			snprintf(buf, size, _("case %s removed"), ref);
		else if (row_changed(r, "employee_id"))
			snprintf(buf, size, _("case %s moved from %s to %s"),
			    ref, employee_name(a, row_value(r, "employee_id",
			    false), _("the waiting list")), employee_name(a,
			    row_value(r, "employee_id", true),
			    _("the waiting list")));
		else if (row_changed(r, "phase"))
			snprintf(buf, size, _("case %s: phase %s → %s"), ref,
			    row_value(r, "phase", false),
			    row_value(r, "phase", true));
		else if (row_changed(r, "closed") && *row_value(r, "closed",
		    true))
			snprintf(buf, size, _("case %s closed"), ref);
		else
			snprintf(buf, size, _("case %s changed"), ref);
	} else if (strcmp(r->table, "block") == 0) {
		block_label(r, !del, label, sizeof label);
		if (ins || del)
			snprintf(buf, size, ins ? _("intake block %s added")
			    : _("intake block %s removed"), label);
		else if (row_changed(r, "employee_id"))
			snprintf(buf, size, _("intake block %s moved from %s "
			    "to %s"), label, employee_name(a, row_value(r,
			    "employee_id", false), _("nobody")),
			    employee_name(a, row_value(r, "employee_id",
			    true), _("nobody")));
		else if (row_changed(r, "locked"))
			snprintf(buf, size, strcmp(row_value(r, "locked",
			    true), "1") == 0 ? _("intake block %s locked")
			    : _("intake block %s unlocked"), label);
		else
			snprintf(buf, size, _("intake block %s changed"),
			    label);
	} else if (strcmp(r->table, "absence") == 0) {
		snprintf(buf, size, ins ? _("absence of %s added")
		    : del ? _("absence of %s removed")
			  : _("absence of %s changed"), who);
	} else if (strcmp(r->table, "activity") == 0) {
		snprintf(buf, size, ins ? _("side activity \"%s\" of %s added")
		    : del ? _("side activity \"%s\" of %s removed")
			  : _("side activity \"%s\" of %s changed"),
		    row_value(r, "name", !del), who);
	} else if (strcmp(r->table, "employee") == 0) {
		const char *name = row_value(r, "name", !del);
		long t = dataset_team_index(&a->data,
		    atoll(row_value(r, "team_id", true)));
		if (ins || del)
			snprintf(buf, size, ins ? _("new employee %s")
			    : _("employee %s removed"), name);
		else if (row_changed(r, "team_id"))
			snprintf(buf, size, _("%s moved to team %s"), name,
			    t >= 0 ? a->data.teams[t].name : "?");
		else if (row_changed(r, "end_date") &&
		    *row_value(r, "end_date", true))
			snprintf(buf, size, _("%s leaves on %s"), name,
			    row_value(r, "end_date", true));
		else
			snprintf(buf, size, _("employee %s changed"), name);
	} else if (strcmp(r->table, "team") == 0) {
		snprintf(buf, size, ins ? _("new team %s") : del
		    ? _("team %s removed") : _("team %s changed"),
		    row_value(r, "code", !del));
	} else if (strcmp(r->table, "rota") == 0) {
		char h0[32], h1[32];
		const char *team = team_code(a, r, !del);
		rota_label(r, !del, label, sizeof label);
		if (ins || del)
			snprintf(buf, size, ins ? _("intake rota of %s: %s "
			    "added") : _("intake rota of %s: %s removed"), team,
			    label);
		else
			snprintf(buf, size, _("intake rota of %s: %s %s → %s "
			    "h"), team, label,
			    row_hours(r, false, h0, sizeof h0),
			    row_hours(r, true, h1, sizeof h1));
	} else {
		snprintf(buf, size, _("%s %s changed"), r->table,
		    row_value(r, "code", !del));
	}
}

/* A case that lost its origin_block because the block went (the schema's
 * ON DELETE SET NULL): a consequence, not a change of its own. */
static bool
is_side_effect(const struct store_change_row *r)
{
	if (strcmp(r->table, "cases") != 0 || strcmp(r->action, "update") != 0)
		return false;
	for (size_t i = 0; i < r->n_cols; i++)
		if (strcmp(r->cols[i].name, "origin_block") != 0 &&
		    strcmp(r->cols[i].old, r->cols[i].new) != 0)
			return false;
	return true;
}

/* What change txn did, in words: one record's change, or how many. */
static void
describe(const struct app *a, long long txn, char *buf, size_t size)
{
	struct store_change_row *rows;
	size_t n, blocks = 0, rota = 0, own = 0, first = 0;

	if (size == 0)
		return;
	*buf = '\0';
	if (store_change_rows(a->store, txn, &rows, &n, NULL) < 0)
		return;
	long person = -1; /* the one employee row, if there is one */
	size_t covered = 0, returned = 0; /* cases handed over as cover, back */
	const char *whose = "";
	for (size_t i = 0; i < n; i++) {
		if (is_side_effect(&rows[i]))
			continue;
		if (strcmp(rows[i].table, "cases") == 0 &&
		    row_changed(&rows[i], "cover_from")) {
			bool out = *row_value(&rows[i], "cover_from", true);
			covered += out;
			returned += !out;
			whose = row_value(&rows[i], "cover_from", out);
		}
		if (own++ == 0)
			first = i;
		blocks += strcmp(rows[i].table, "block") == 0;
		rota += strcmp(rows[i].table, "rota") == 0;
		if (strcmp(rows[i].table, "employee") == 0)
			person = person == -1 ? (long)i : -2;
	}
	if (own == 1) {
		describe_row(a, &rows[first], buf, size);
	} else if (person >= 0) {
		/* a move or an end, with the hand-over of what they held */
		char one[256];
		describe_row(a, &rows[person], one, sizeof one);
		snprintf(buf, size, ngettext("%s, with %zu case or block",
		    "%s, with %zu cases and blocks", own - 1), one, own - 1);
	} else if (covered > 0) {
		snprintf(buf, size, ngettext("cover for %s: %zu case or block",
		    "cover for %s: %zu cases and blocks", own),
		    employee_name(a, whose, "?"), own);
	} else if (returned > 0) {
		snprintf(buf, size, ngettext("%zu case given back to %s",
		    "%zu cases given back to %s", returned), returned,
		    employee_name(a, whose, "?"));
	} else if (rota > 0 && rota + blocks == own) {
		const char *team = "?";
		for (size_t i = 0; i < n; i++)
			if (strcmp(rows[i].table, "rota") == 0)
				team = team_code(a, &rows[i],
				    strcmp(rows[i].action, "delete") != 0);
		if (blocks == 0)
			snprintf(buf, size, _("intake rota of %s changed"),
			    team);
		else
			snprintf(buf, size, ngettext("intake rota of %s and "
			    "%zu intake block changed", "intake rota of %s and "
			    "%zu intake blocks changed", blocks), team, blocks);
	} else if (own > 1 && blocks == own) {
		snprintf(buf, size, _("%zu intake blocks changed"), own);
	} else if (own > 1) {
		snprintf(buf, size, _("%zu records changed"), own);
	}
	free(rows);
}

/* Revert the top of the user's undo (redo false) or redo stack. */
static int
revert_top(struct app *a, bool redo, char *what, size_t size, struct err *e)
{
	struct history h;
	int rc = -1;

	if (size > 0)
		*what = '\0';
	if (history_read(a, &h, e) < 0)
		return -1;
	if ((redo ? h.n_redo : h.n_undo) == 0) {
		err_set(e, redo ? "nothing to redo" : "nothing to undo");
		goto done;
	}
	long long top = redo ? h.redo[h.n_redo - 1] : h.undo[h.n_undo - 1];
	/* in words before: after an undo of an insert the record is gone */
	describe(a, history_origin(&h, top), what, size);
	if (store_revert(a->store, top, redo ? STORE_REDO : STORE_UNDO,
	    e) < 0) {
		app_reload(a, NULL);
		goto done;
	}
	rc = app_reload(a, e);
done:
	history_clear(&h);
	return rc;
}

int
app_undo(struct app *a, char *what, size_t size, struct err *e)
{
	return revert_top(a, false, what, size, e);
}

int
app_redo(struct app *a, char *what, size_t size, struct err *e)
{
	return revert_top(a, true, what, size, e);
}

/* The employee must exist and, for a case, be in the case's team. */
static int
check_employee(const struct app *a, int64_t employee_id, int64_t team_id,
    struct err *e)
{
	long i = dataset_employee_index(&a->data, employee_id);

	if (i < 0)
		return err_setx(e, EXIT_DATAERR, "employee: no such employee");
	if (team_id && a->data.employees[i].team_id != team_id)
		return err_setx(e, EXIT_DATAERR, "employee: %s is not in that "
		    "team", a->data.employees[i].code);
	return 0;
}

static int
write_case(struct app *a, void *ctx, struct err *e)
{
	struct case_item *c = ctx;

	return c->id ? store_update_case(a->store, c, e)
		     : store_add_case(a->store, c, e);
}

int
app_save_case(struct app *a, struct case_item *c, struct err *e)
{
	if (validate_case(c, e) < 0)
		return -1;
	if (settings_case_type(&a->settings, c->type) == NULL)
		return err_setx(e, EXIT_DATAERR, "type: \"%s\" is not a case "
		    "type in the configuration", c->type);
	if (dataset_team_index(&a->data, c->team_id) < 0)
		return err_setx(e, EXIT_DATAERR, "team: no such team");
	if (c->employee_id &&
	    check_employee(a, c->employee_id, c->team_id, e) < 0)
		return -1;
	return change(a, write_case, c, e);
}

static int
write_absence(struct app *a, void *ctx, struct err *e)
{
	struct absence *ab = ctx;

	return ab->id ? store_update_absence(a->store, ab, e)
		      : store_add_absence(a->store, ab, e);
}

int
app_save_absence(struct app *a, struct absence *ab, struct err *e)
{
	if (validate_absence(ab, e) < 0 ||
	    check_employee(a, ab->employee_id, 0, e) < 0)
		return -1;
	return change(a, write_absence, ab, e);
}

static int
write_activity(struct app *a, void *ctx, struct err *e)
{
	struct activity *ac = ctx;

	return ac->id ? store_update_activity(a->store, ac, e)
		      : store_add_activity(a->store, ac, e);
}

int
app_save_activity(struct app *a, struct activity *ac, struct err *e)
{
	if (validate_activity(ac, e) < 0 ||
	    check_employee(a, ac->employee_id, 0, e) < 0)
		return -1;
	return change(a, write_activity, ac, e);
}

/* What to delete: the id, and the version it had when the user saw it. */
struct deletion {
	int64_t id, version;
	int (*remove)(struct store *, int64_t, int64_t, struct err *);
};

static int
write_deletion(struct app *a, void *ctx, struct err *e)
{
	struct deletion *d = ctx;

	return d->remove(a->store, d->id, d->version, e);
}

int
app_delete_absence(struct app *a, int64_t id, struct err *e)
{
	struct deletion d = { id, 0, store_delete_absence };

	for (size_t i = 0; i < a->data.n_absences; i++)
		if (a->data.absences[i].id == id)
			d.version = a->data.absences[i].version;
	return change(a, write_deletion, &d, e);
}

int
app_delete_activity(struct app *a, int64_t id, struct err *e)
{
	struct deletion d = { id, 0, store_delete_activity };

	for (size_t i = 0; i < a->data.n_activities; i++)
		if (a->data.activities[i].id == id)
			d.version = a->data.activities[i].version;
	return change(a, write_deletion, &d, e);
}

static int
write_team(struct app *a, void *ctx, struct err *e)
{
	struct team *t = ctx;

	return t->id ? store_update_team(a->store, t, e)
		     : store_add_team(a->store, t, e);
}

int
app_save_team(struct app *a, struct team *t, struct err *e)
{
	char out[NAME_SIZE];

	if (validate_code(t->code, out, sizeof t->code, e) < 0 ||
	    validate_text(t->name, false, out, sizeof out, e) < 0 ||
	    validate_text(t->area, true, out, sizeof out, e) < 0)
		return -1;
	long same = dataset_team_by_code(&a->data, t->code);
	if (same >= 0 && a->data.teams[same].id != t->id)
		return err_setx(e, EXIT_DATAERR, "code: team \"%s\" already "
		    "exists", a->data.teams[same].code);
	return change(a, write_team, t, e);
}

/* An employee's change and the hand-over that goes with it. */
struct employee_change {
	struct employee *em;
	const struct handover *h;
	enum handover_way cases, blocks;
};

/* The case of item as the data holds it, if it is still as proposed. */
static const struct case_item *
proposed_case(const struct app *a, const struct handover_item *it,
    struct err *e)
{
	long i = dataset_case_index(&a->data, it->id);

	if (i < 0 || a->data.cases[i].version != it->version) {
		err_setx(e, 1, "a case changed since the hand-over was "
		    "proposed; nothing saved");
		return NULL;
	}
	return &a->data.cases[i];
}

/* Write hand-over h with its cases and blocks going their way: the cases
 * of cover remember whose they were, those of a return forget it. */
static int
write_handover(struct app *a, const struct handover *h,
    enum handover_way cases, enum handover_way blocks, struct err *e)
{
	for (size_t i = 0; i < h->n_cases; i++) {
		const struct handover_item *it = &h->cases[i];
		int64_t to = handover_receiver(h, it, cases);
		if (it->stays || (to == it->holder && cases != HANDOVER_KEEP))
			continue;
		const struct case_item *now = proposed_case(a, it, e);
		if (now == NULL)
			return -1;
		struct case_item c = *now;
		if (cases == HANDOVER_KEEP) {
			if (h->new_team == h->old_team)
				continue; /* they stay where they are */
			c.team_id = h->new_team; /* along with its holder */
		} else {
			c.employee_id = to;
			c.cover_from = h->kind == HANDOVER_COVER ? it->holder
			    : h->kind == HANDOVER_RETURN ? 0 : c.cover_from;
		}
		if (store_update_case(a->store, &c, e) < 0)
			return -1;
	}
	for (size_t i = 0; i < h->n_blocks; i++) {
		const struct handover_item *it = &h->blocks[i];
		int64_t to = handover_receiver(h, it, blocks);
		if (it->stays || to == it->holder)
			continue;
		if (store_set_block_employee(a->store, it->id, it->version, to,
		    e) < 0)
			return -1;
	}
	return 0;
}

static int
write_employee(struct app *a, void *ctx, struct err *e)
{
	struct employee_change *ch = ctx;

	if ((ch->em->id ? store_update_employee(a->store, ch->em, e)
			: store_add_employee(a->store, ch->em, e)) < 0)
		return -1;
	return ch->h ? write_handover(a, ch->h, ch->cases, ch->blocks, e) : 0;
}

/* A hand-over on its own (cover, a return). */
struct handover_change {
	const struct handover *h;
	enum handover_way cases, blocks;
};

static int
write_handover_change(struct app *a, void *ctx, struct err *e)
{
	struct handover_change *ch = ctx;

	return write_handover(a, ch->h, ch->cases, ch->blocks, e);
}

/* The absence of employee_id that covers today or starts next (of those
 * starting the same day the longest), or -1. */
static long
current_absence(const struct app *a, int64_t employee_id)
{
	const struct dataset *d = &a->data;
	long best = -1;

	for (size_t i = 0; i < d->n_absences; i++) {
		const struct absence *ab = &d->absences[i];
		if (ab->employee_id != employee_id || ab->end < a->today)
			continue;
		if (best < 0 || ab->start < d->absences[best].start ||
		    (ab->start == d->absences[best].start &&
		    ab->end > d->absences[best].end))
			best = (long)i;
	}
	return best;
}

int
app_propose_cover(struct app *a, long ei, int from, int to,
    bool give_back, struct handover *h, struct err *e)
{
	const struct employee *em = &a->data.employees[ei];
	long ab;

	memset(h, 0, sizeof *h);
	if (give_back)
		return handover_return(&a->data, &a->settings, em->id,
		    a->today, h, e);
	if ((from == DATE_NONE || to == DATE_NONE) &&
	    (ab = current_absence(a, em->id)) >= 0) {
		if (from == DATE_NONE)
			from = a->data.absences[ab].start;
		if (to == DATE_NONE)
			to = a->data.absences[ab].end;
	}
	if (from == DATE_NONE && to == DATE_NONE && em->end != DATE_NONE)
		return handover_propose(&a->data, &a->settings, em, a->today, h,
		    e);
	if (from == DATE_NONE || to == DATE_NONE)
		return err_setx(e, EXIT_USAGE, "%s has no absence today or "
		    "later and no end date: give the period", em->code);
	if (to < from)
		return err_setx(e, EXIT_USAGE, "the period ends before it "
		    "starts");
	/* a period that began in the past weighs the weeks since */
	if (app_need(a, date_monday(from), e) < 0)
		return -1;
	em = &a->data.employees[ei];
	return handover_cover(&a->data, &a->settings, em->id, from, to,
	    a->today, h, e);
}

int
app_apply_handover(struct app *a, const struct handover *h,
    enum handover_way cases, enum handover_way blocks, struct err *e)
{
	struct handover_change ch = { h, cases, blocks };

	if (!handover_needed(h))
		return err_setx(e, 1, "nothing to hand over");
	return change(a, write_handover_change, &ch, e);
}

/* Does h hand over exactly what fresh says is given up? */
static bool
same_handover(const struct handover *h, const struct handover *fresh)
{
	if (h->n_cases != fresh->n_cases || h->n_blocks != fresh->n_blocks ||
	    h->new_team != fresh->new_team)
		return false;
	for (size_t i = 0; i < h->n_cases; i++) {
		bool found = false;
		for (size_t j = 0; j < fresh->n_cases && !found; j++)
			found = h->cases[i].id == fresh->cases[j].id;
		if (!found)
			return false;
	}
	for (size_t i = 0; i < h->n_blocks; i++) {
		bool found = false;
		for (size_t j = 0; j < fresh->n_blocks && !found; j++)
			found = h->blocks[i].id == fresh->blocks[j].id;
		if (!found)
			return false;
	}
	return true;
}

int
app_save_employee(struct app *a, struct employee *em,
    const struct handover *h, enum handover_way cases,
    enum handover_way blocks, struct err *e)
{
	struct employee_change ch = { em, h, cases, blocks };
	struct handover fresh;
	int rc = -1;

	if (validate_employee(em, &a->settings, e) < 0)
		return -1;
	if (dataset_team_index(&a->data, em->team_id) < 0)
		return err_setx(e, EXIT_DATAERR, "team: no such team");
	long same = dataset_employee_by_code(&a->data, em->code);
	if (same >= 0 && a->data.employees[same].id != em->id)
		return err_setx(e, EXIT_DATAERR, "code: employee \"%s\" "
		    "already exists", em->code);
	if (handover_propose(&a->data, &a->settings, em, a->today, &fresh,
	    e) < 0)
		return -1;
	if (handover_needed(&fresh) && h == NULL) {
		char day[DATE_BUF];
		err_setx(e, EXIT_DATAERR, "%s holds %zu open cases and %zu "
		    "intake blocks from %s: say who takes them over",
		    em->code, fresh.n_cases, fresh.n_blocks,
		    date_format(fresh.from, day));
	} else if (handover_needed(&fresh) && !same_handover(h, &fresh)) {
		err_setx(e, 1, "the cases or intake blocks changed since the "
		    "hand-over was proposed; nothing saved");
	} else if (cases == HANDOVER_KEEP && h && h->n_cases > 0 &&
	    h->new_team == h->old_team) {
		err_setx(e, EXIT_DATAERR, "the cases of a leaver go to "
		    "colleagues or the waiting list");
	} else {
		if (!handover_needed(&fresh))
			ch.h = NULL;
		rc = change(a, write_employee, &ch, e);
	}
	handover_clear(&fresh);
	return rc;
}

int
app_delete_block(struct app *a, int64_t id, struct err *e)
{
	struct deletion d = { id, 0, store_delete_block };
	long b = dataset_block_index(&a->data, id);

	if (b >= 0 && a->data.blocks[b].date < a->today)
		return past_block(a->data.blocks[b].date, e);
	if (b >= 0)
		d.version = a->data.blocks[b].version;
	return change(a, write_deletion, &d, e);
}

int
app_refresh(struct app *a, struct err *e)
{
	bool changed;

	if (store_changed(a->store, &changed, e) < 0)
		return -1;
	if (store_reconnects(a->store) != a->reconnects) {
		a->reconnects = store_reconnects(a->store);
		return app_reload(a, e) < 0 ? -1 : 2;
	}
	if (!changed)
		return 0;
	return app_reload(a, e) < 0 ? -1 : 1;
}
