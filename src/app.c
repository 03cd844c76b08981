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
 * viewed). Best effort: a busy database just means "next time". */
static void
freeze(const struct app *a, const struct week_figures *w)
{
	if (store_begin(a->store, NULL) < 0)
		return;
	if (store_save_snapshot(a->store, &a->data, w, NULL) < 0 ||
	    store_commit(a->store, NULL) < 0)
		store_rollback(a->store);
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
	int first = first_monday - 7 * (int)(k - 1);
	int this_week = date_monday(a->today);

	/* Past weeks as they were (snapshots), the rest as they are now. */
	for (size_t i = 0; i < total; i++) {
		int monday = first + 7 * (int)i;
		if (monday >= this_week || store_load_snapshot(a->store,
		    &a->data, monday, &all[i], &frozen[i], NULL) < 0 ||
		    !frozen[i])
			workload_week(&a->data, &a->settings, monday, &all[i]);
	}
	for (size_t i = k - 1; i < total; i++) {
		if (frozen[i])
			continue;
		workload_mark_sustained(&a->data, all + i - (k - 1), k,
		    &a->settings);
		if (all[i].monday < this_week)
			freeze(a, &all[i]);
	}
	for (size_t i = 0; i < k - 1; i++)
		workload_week_clear(&all[i]);
	memcpy(out, all + k - 1, n * sizeof *out);
	free(all);
	free(frozen);
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
	struct week_figures *all = xcalloc(k, sizeof *all);
	int rc = 0;

	/* Computed from the data as it is now, on purpose: this is the
	 * explicit "freeze this week" (the lookback may come from snapshots). */
	app_weeks(a, monday - 7 * (int)(k - 1), k - 1, all);
	workload_week(&a->data, &a->settings, monday, &all[k - 1]);
	workload_mark_sustained(&a->data, all, k, &a->settings);
	w = all[k - 1];
	if (store_begin(a->store, e) < 0 ||
	    store_save_snapshot(a->store, &a->data, &w, e) < 0 ||
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

int
app_apply_plan(struct app *a, const struct plan *plan, struct err *e)
{
	const struct team *team = &a->data.teams[plan->team];

	if (store_begin(a->store, e) < 0)
		return -1;
	for (size_t k = 0; k < plan->n_slots; k++) {
		const struct plan_slot *slot = &plan->slots[k];
		if (!slot->changed)
			continue;
		if (slot->block_id) {
			long b = dataset_block_index(&a->data, slot->block_id);
			if (b < 0) {
				err_set(e, "an intake block was deleted by "
				    "someone else meanwhile; reload");
				goto fail;
			}
			if (store_set_block_employee(a->store, slot->block_id,
			    a->data.blocks[b].version, slot->after, e) < 0)
				goto fail;
		} else {
			struct block blk = { .team_id = team->id,
				.date = slot->date, .part = slot->part,
				.hours = slot->hours,
				.employee_id = slot->after };
			if (store_add_block(a->store, &blk, e) < 0)
				goto fail;
		}
	}
	if (store_commit(a->store, e) < 0)
		return -1;
	remember(a, store_txn(a->store));
	return app_reload(a, e);
fail:
	store_rollback(a->store);
	return -1;
}

/* Change one block in a transaction of its own (move or lock). */
static int
change_block(struct app *a, int64_t block_id, bool lock, int64_t value,
    struct err *e)
{
	long b = dataset_block_index(&a->data, block_id);
	int rc;

	if (b < 0)
		return err_set(e, "that intake block was deleted by someone "
		    "else meanwhile");
	if (store_begin(a->store, e) < 0)
		return -1;
	rc = lock ? store_set_block_locked(a->store, block_id,
	    a->data.blocks[b].version, value != 0, e)
		  : store_set_block_employee(a->store, block_id,
	    a->data.blocks[b].version, value, e);
	if (rc < 0 || store_commit(a->store, e) < 0) {
		store_rollback(a->store);
		app_reload(a, NULL); /* show the fresh data */
		return -1;
	}
	remember(a, store_txn(a->store));
	return app_reload(a, e);
}

int
app_move_block(struct app *a, int64_t block_id, int64_t employee_id,
    struct err *e)
{
	return change_block(a, block_id, false, employee_id, e);
}

int
app_lock_block(struct app *a, int64_t block_id, bool locked, struct err *e)
{
	return change_block(a, block_id, true, locked, e);
}

int
app_undo(struct app *a, struct err *e)
{
	if (a->n_undo == 0)
		return err_set(e, "nothing to undo");
	if (store_revert(a->store, a->undo[a->n_undo - 1], e) < 0)
		return -1;
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
	if (store_revert(a->store, a->redo[a->n_redo - 1], e) < 0)
		return -1;
	a->n_redo--;
	XGROW(a->undo, a->cap_undo, a->n_undo + 1);
	a->undo[a->n_undo++] = store_txn(a->store);
	return app_reload(a, e);
}
