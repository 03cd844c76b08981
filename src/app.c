/* app: see include/app.h. */
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

int
app_plan_cover(const struct app *a, long ei, int from, int to,
    struct plan *out, struct err *e)
{
	const struct dataset *d = &a->data;
	const struct employee *em = &d->employees[ei];
	int64_t *ids = xcalloc(d->n_blocks + 1, sizeof *ids);
	size_t n = 0;
	int first = DATE_NONE, last = DATE_NONE, rc;
	long t = dataset_team_index(d, em->team_id);

	if (from < a->today)
		from = a->today; /* the past stays as it was */
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		if (b->employee_id != em->id || b->team_id != em->team_id ||
		    b->date < from || b->date > to ||
		    !workload_block_needs_cover(d, b))
			continue;
		ids[n++] = b->id;
		if (first == DATE_NONE || b->date < first)
			first = b->date;
		if (last == DATE_NONE || b->date > last)
			last = b->date;
	}
	if (n == 0 || t < 0) {
		memset(out, 0, sizeof *out);
		out->team = t;
		free(ids);
		return 0;
	}
	int weeks = (date_monday(last) - date_monday(first)) / 7 + 1;
	if (weeks > 52) /* the planner's longest horizon: the first year */
		weeks = 52;
	rc = planner_propose_cover(d, &a->settings, t, date_monday(first),
	    weeks, ids, n, out, e);
	free(ids);
	return rc;
}

int
app_import(struct app *a, enum import_kind kind, const char *path,
    const struct import_options *opt, struct import_result *res,
    struct err *e)
{
	struct import_options o = *opt;

	o.today = a->today;
	if (import_csv(a->store, &a->data, &a->settings, kind, path, &o, res,
	    e) < 0)
		return -1;
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
	} else {
		snprintf(buf, size, _("%s %s changed"), r->table,
		    row_value(r, strcmp(r->table, "rota") == 0 ? "weekday"
		    : "code", !del));
	}
}

/* What change txn did, in words: one record's change, or how many. */
static void
describe(const struct app *a, long long txn, char *buf, size_t size)
{
	struct store_change_row *rows;
	size_t n, blocks = 0;

	if (size == 0)
		return;
	*buf = '\0';
	if (store_change_rows(a->store, txn, &rows, &n, NULL) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		blocks += strcmp(rows[i].table, "block") == 0;
	if (n == 1)
		describe_row(a, &rows[0], buf, size);
	else if (n > 1 && blocks == n)
		snprintf(buf, size, _("%zu intake blocks changed"), n);
	else if (n > 1)
		snprintf(buf, size, _("%zu records changed"), n);
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
