/* app: the use cases both front ends share. Owns the context — settings, the
 * open store, the dataset in memory, today — and computes the figures views
 * and reports show. The UI and the CLI call this; it never prints. */
#ifndef WIJKLAST_APP_H
#define WIJKLAST_APP_H

#include <stddef.h>

#include "dataset.h"
#include "forecast.h"
#include "handover.h"
#include "import.h"
#include "planner.h"
#include "settings.h"
#include "workload.h"

struct err;
struct store;

struct app_kept;

struct app {
	struct settings settings;
	struct store *store;
	struct dataset data;
	int today;
	char db_path[SETTINGS_PATH_MAX];
	struct app_kept *kept; /* weeks app_weeks made, until data changes */
	/* a past week seen for the first time is frozen later, by
	 * app_freeze_pending (the TUI: after the frame), not at once */
	bool defer_freeze;
	unsigned reconnects; /* store_reconnects at the last app_refresh */
};

/* The default database path: $XDG_DATA_HOME/wijklast/wijklast.db or
 * ~/.local/share/wijklast/wijklast.db. Returns -1 when neither is set. */
int app_default_db_path(char *buf, size_t size, struct err *e);

/* The OS user name for the audit trail ("unknown" if none). */
const char *app_user(void);

/* Load the settings (config_path may be NULL: search order), open the
 * database (db_path may be NULL: the default) and read it: the cases and
 * intake blocks from this week's Monday on (dataset.h), what now and
 * later need. On failure a is left closed. Free with app_close. */
int app_open(struct app *a, const char *db_path, const char *config_path,
    struct err *e);
void app_close(struct app *a);

/* Make a->data hold the cases and blocks from since on too (DATASET_ALL:
 * all of them), reading them when it does not yet: for what looks further
 * back than this week (history, a dump, an import). The window only
 * grows. */
int app_need(struct app *a, int since, struct err *e);

/* The forecast of o on the data it learns from — the history_weeks before
 * the week of o->known (app_need) — with every team made (team -1) or
 * only team (a dataset index; the others' rows are not made). Free with
 * forecast_clear. */
int app_forecast(struct app *a, const struct forecast_options *o, long team,
    struct forecast *out, struct err *e);

/* The same with no team made yet: forecast_make_team makes each as a view
 * needs it (forecast.h). The data must stay as it is until
 * forecast_clear. */
int app_forecast_prepare(struct app *a, const struct forecast_options *o,
    struct forecast *out, struct err *e);

/* Bring the dataset up to date after a write, or another user's: only
 * the records touched since the last look are read again
 * (store_refresh). */
int app_reload(struct app *a, struct err *e);

/* The figures of the week of monday, with sustained flags (it looks at the
 * sustained_weeks - 1 weeks before too). A past week comes from its snapshot;
 * a past week without one is computed and frozen as a snapshot now, so
 * history survives later edits (SPEC §6). Free with workload_week_clear. */
void app_week(struct app *a, int monday, struct week_figures *out);

/* n consecutive weeks from first_monday into out[0 .. n-1] (each with
 * sustained flags). Free each with workload_week_clear. */
void app_weeks(struct app *a, int first_monday, size_t n,
    struct week_figures *out);

/* One team's (employee false) or employee's (index: a dataset index)
 * figures over the n weeks from first_monday, for a long trend: the past
 * weeks from that one's snapshot rows in one read, the rest as app_weeks
 * makes them — not a whole city per week. */
struct app_subject_week {
	int monday;
	bool frozen;
	struct team_week team;         /* a team's */
	struct employee_week employee; /* an employee's */
};
void app_subject_weeks(struct app *a, bool employee, long index,
    int first_monday, size_t n, struct app_subject_week *out);

/* Write the snapshots of the past weeks app_weeks computed while
 * defer_freeze was set; how many were written (best effort, as always: a
 * busy database leaves them for the next look). */
int app_freeze_pending(struct app *a);

/* Freeze the week of monday as it is now (replacing an earlier snapshot). */
int app_snapshot(struct app *a, int monday, struct err *e);

/* Index of the team with this code, or -1 with e set ("no team XYZ"; status
 * EXIT_USAGE). */
long app_find_team(const struct app *a, const char *code, struct err *e);

/* Write plan's changed slots (new owner of each unlocked block, new blocks
 * for empty slots) in one transaction, then reload. Someone else's change
 * to one of the blocks since the plan was made refuses the whole plan. */
int app_apply_plan(struct app *a, const struct plan *plan, struct err *e);

/* Give one intake block to employee_id (0 = unfilled) / lock or unlock it,
 * each as one undoable change; reloads. Refused when someone else changed
 * the block since the data was read. */
int app_move_block(struct app *a, int64_t block_id, int64_t employee_id,
    struct err *e);
int app_lock_block(struct app *a, int64_t block_id, bool locked,
    struct err *e);

/* A team's intake rota as one form edits it: the hours of each weekday
 * (h[0] Monday … h[4] Friday) and part, 0 where there is no slot. */
struct rota_hours {
	double h[5][2];
};

/* The rota of team_id as the data holds it now. */
void app_rota_hours(const struct app *a, int64_t team_id,
    struct rota_hours *out);

/* What app_save_rota with blocks would do to team_id's intake blocks of the
 * planned weeks (from next Monday on): how many lie in a slot rota removes
 * (they go), how many in a slot whose hours it changes hold other hours
 * (they get the new ones). */
void app_rota_blocks(const struct app *a, int64_t team_id,
    const struct rota_hours *rota, size_t *removed, size_t *rehoured);

/* Make rota team_id's intake rota — add, change and remove entries, each
 * slot's hours 0 (none) or more than 0 and at most VALIDATE_INTAKE_HOURS_MAX
 * — and with blocks change the blocks app_rota_blocks counts to match, in
 * one undoable change; reloads. An entry or block someone else changed or
 * deleted since it was read refuses the whole change. */
int app_save_rota(struct app *a, int64_t team_id,
    const struct rota_hours *rota, bool blocks, struct err *e);

/* The rules of an extra intake block b (of b->team_id): hours, a weekday
 * not in the past, a slot without a block, a holder (or none) who is in
 * the team that day. -1 with e as "field: problem" (date, hours,
 * employee). */
int app_check_block(const struct app *a, const struct block *b,
    struct err *e);

/* Add intake block b after app_check_block / remove intake block id (not
 * one of a day that is over), each as one undoable change; reloads. Sets
 * b->id. Removing a block someone else changed since is refused; the cases
 * that came in through it lose their origin_block, which undo restores. */
int app_add_block(struct app *a, struct block *b, struct err *e);
int app_delete_block(struct app *a, int64_t id, struct err *e);

/* Add (id 0) or change a case, absence or side activity after checking it
 * with the rules of validate.h (the same as import), in one undoable
 * transaction; reloads. A record someone else changed since it was read is
 * refused with a message, and the fresh data is loaded. */
int app_save_case(struct app *a, struct case_item *c, struct err *e);
int app_save_absence(struct app *a, struct absence *ab, struct err *e);
int app_save_activity(struct app *a, struct activity *ac, struct err *e);
int app_delete_absence(struct app *a, int64_t id, struct err *e);
int app_delete_activity(struct app *a, int64_t id, struct err *e);

/* Add (id 0) or change a team (code, name, area) / an employee, checked
 * like import, as one undoable change; reloads. An employee who moves to
 * another team or gets an end date while holding open cases or intake
 * blocks from then on needs h: the handover_propose made for exactly this
 * change on the data as it is, with what happens to the cases and the
 * blocks (HANDOVER_KEEP only for the cases of a team move). It is written
 * in the same transaction; without h such a change is refused. */
int app_save_team(struct app *a, struct team *t, struct err *e);
int app_save_employee(struct app *a, struct employee *em,
    const struct handover *h, enum handover_way cases,
    enum handover_way blocks, struct err *e);

/* Cover for employee ei (a dataset index) from from to to: a period left
 * DATE_NONE is that of their absence covering today or starting next; with
 * neither, a leaver's hand-over of what comes after their last day. With
 * give_back, the return of the cases handed over as their cover. */
int app_propose_cover(struct app *a, long ei, int from, int to,
    bool give_back, struct handover *h, struct err *e);

/* Apply cover or a return (handover_cover, handover_return on the data as
 * it is): every case and block that goes, in one undoable change
 * (HANDOVER_KEEP: the cases stay where they are). A case or block someone
 * changed since the proposal refuses the whole. */
int app_apply_handover(struct app *a, const struct handover *h,
    enum handover_way cases, enum handover_way blocks, struct err *e);
/* Import path as kind (import_csv against the data as it is, with today),
 * all rows as one undoable change; reloads when something was written.
 * res and the return as import_csv's. */
int app_import(struct app *a, enum import_kind kind, const char *path,
    const struct import_options *opt, struct import_result *res,
    struct err *e);

/* Reload when another user committed a change since the last look: 1 when
 * it did (the data is fresh now), 0 when nothing changed, -1 on error; 2
 * when the connection to the database server was lost and made again
 * since (the data is read again too: a front end tells the person). */
int app_refresh(struct app *a, struct err *e);

/* Undo the user's last change / redo their last undo, in reverse order back
 * to their first change, also one made in an earlier session (the change
 * log keeps it); reloads. what gets the change in words ("case Z-2026-0042
 * moved from Esther to Wilma"). Refused when someone else changed the same
 * records since. */
int app_undo(struct app *a, char *what, size_t size, struct err *e);
int app_redo(struct app *a, char *what, size_t size, struct err *e);

#endif
