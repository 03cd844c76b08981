/* app: see include/app.h. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "date.h"
#include "err.h"
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
	if (store_load(a->store, &a->data, e) < 0)
		goto fail;
	return 0;
fail:
	app_close(a);
	return -1;
}

void
app_close(struct app *a)
{
	store_close(a->store);
	a->store = NULL;
	free(a->undo);
	free(a->redo);
	a->undo = a->redo = NULL;
	a->n_undo = a->n_redo = a->cap_undo = a->cap_redo = 0;
	dataset_clear(&a->data);
	settings_clear(&a->settings);
}

int
app_reload(struct app *a, struct err *e)
{
	return store_load(a->store, &a->data, e);
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

void
app_weeks(const struct app *a, int first_monday, size_t n,
    struct week_figures *out)
{
	/* Sustained overload looks back k - 1 weeks before each week. */
	size_t k = (size_t)a->settings.sustained_weeks;
	size_t total = n + k - 1;
	struct week_figures *all = xcalloc(total, sizeof *all);
	bool *frozen = xcalloc(total, sizeof *frozen);
	bool *unread = xcalloc(total, sizeof *unread);
	int first = first_monday - 7 * (int)(k - 1);
	int this_week = date_monday(a->today);

	/* Past weeks as they were (snapshots), the rest as they are now. */
	for (size_t i = 0; i < total; i++) {
		int monday = first + 7 * (int)i;
		if (monday < this_week && store_load_snapshot(a->store,
		    &a->data, monday, &all[i], &frozen[i], NULL) < 0)
			unread[i] = true; /* never overwrite what we can't read */
		if (!frozen[i])
			workload_week(&a->data, &a->settings, monday, &all[i]);
		all[i].frozen = frozen[i];
	}
	for (size_t i = k - 1; i < total; i++) {
		if (frozen[i])
			continue;
		workload_mark_sustained(&a->data, all + i - (k - 1), k,
		    &a->settings);
		if (all[i].monday < this_week && !unread[i])
			freeze(a, &all[i]);
	}
	for (size_t i = 0; i < k - 1; i++)
		workload_week_clear(&all[i]);
	memcpy(out, all + k - 1, n * sizeof *out);
	free(all);
	free(frozen);
	free(unread);
}

void
app_week(const struct app *a, int monday, struct week_figures *out)
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
	all = xcalloc(k, sizeof *all);
	/* Computed from the data as it is now, on purpose: this is the
	 * explicit "freeze this week" (the lookback may come from snapshots). */
	app_weeks(a, monday - 7 * (int)(k - 1), k - 1, all);
	workload_week(&a->data, &a->settings, monday, &all[k - 1]);
	workload_mark_sustained(&a->data, all, k, &a->settings);
	w = all[k - 1];
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

/* A change was committed as audit group txn: it can be undone, and what was
 * undone before can no longer be redone. */
static void
remember(struct app *a, long long txn)
{
	XGROW(a->undo, a->cap_undo, a->n_undo + 1);
	a->undo[a->n_undo++] = txn;
	a->n_redo = 0;
}

/* Run one write as an undoable transaction: begin, write(ctx), commit,
 * remember, reload. On failure roll back and reload anyway, so the screen
 * shows what is really there (another user's change, for one). */
static int
change(struct app *a, int (*write)(struct app *, void *, struct err *),
    void *ctx, struct err *e)
{
	if (store_begin(a->store, e) < 0)
		return -1;
	if (write(a, ctx, e) < 0 || store_commit(a->store, e) < 0) {
		store_rollback(a->store);
		app_reload(a, NULL);
		return -1;
	}
	remember(a, store_txn(a->store));
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

int
app_undo(struct app *a, struct err *e)
{
	if (a->n_undo == 0)
		return err_set(e, "nothing to undo");
	if (store_revert(a->store, a->undo[a->n_undo - 1], e) < 0) {
		app_reload(a, NULL);
		return -1;
	}
	a->n_undo--;
	XGROW(a->redo, a->cap_redo, a->n_redo + 1);
	a->redo[a->n_redo++] = store_txn(a->store);
	return app_reload(a, e);
}

int
app_redo(struct app *a, struct err *e)
{
	if (a->n_redo == 0)
		return err_set(e, "nothing to redo");
	if (store_revert(a->store, a->redo[a->n_redo - 1], e) < 0) {
		app_reload(a, NULL);
		return -1;
	}
	a->n_redo--;
	XGROW(a->undo, a->cap_undo, a->n_undo + 1);
	a->undo[a->n_undo++] = store_txn(a->store);
	return app_reload(a, e);
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

int
app_refresh(struct app *a, struct err *e)
{
	bool changed;

	if (store_changed(a->store, &changed, e) < 0)
		return -1;
	if (!changed)
		return 0;
	return app_reload(a, e) < 0 ? -1 : 1;
}
