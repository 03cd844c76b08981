/* store: the database of SPEC §8 — schema, forward migrations,
 * statements — on either backend of the driver table in store_driver.h: an SQLite
 * file (the embedded default) or a PostgreSQL database (a connection string
 * for --db: postgresql://..., service=NAME, host=... dbname=...; issue 13),
 * with one API and one behaviour. Every write goes through a transaction
 * opened with store_begin; triggers record every change in the audit table
 * (who, when, what, old -> new). On PostgreSQL the server also holds the
 * rights per team (store_grant): what a login may not see is not read, and
 * a change it may not make is refused with EXIT_NOPERM. */
#ifndef WIJKLAST_STORE_H
#define WIJKLAST_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "dataset.h"
#include "schema.h"
#include "workload.h"

struct err;
struct store;

/* Schema version this build writes (SQLite's PRAGMA user_version,
 * PostgreSQL's table wijklast_schema). */
#define STORE_SCHEMA_VERSION SCHEMA_VERSION

/* Open (creating with mode 0600, parents 0700) and migrate the database at
 * path. user names who makes changes (audit). A database from a newer version
 * is refused untouched. Busy -> status EXIT_BUSY. Free with store_close. */
int store_open(struct store **out, const char *path, const char *user,
    struct err *e);
void store_close(struct store *st);

/* What messages call the database: its file, or "PostgreSQL database DB
 * on HOST" (a connection string may hold a password). */
const char *store_name(const struct store *st);

/* Did store_open give the database its schema (it was new or empty)? */
bool store_created(const struct store *st);

/* What --db said, its password (if it holds one) as ***: for "open it
 * with wijklast --db ...". */
const char *store_target(const struct store *st);

/* Who makes the changes: the user store_open was given, or on PostgreSQL
 * the database user (the one the audit and the rights know). */
const char *store_user(const struct store *st);

/* How many times the connection to a database server was lost and made
 * again (0 for SQLite): a front end tells the person when it moves. */
unsigned store_reconnects(const struct store *st);

/* Is there a database at path? A file must exist; a server's database is
 * taken to (store_open says when it does not). */
bool store_exists(const char *path);

/* Remove the database file at path and its -wal and -shm (for a demo that
 * failed in a database it created). A server's database stays. */
void store_remove(const char *path);

/* Make the database at path (created with its schema when new) shared by
 * group: its folder created group-owned and setgid (mode 2770) when it is
 * not there — an existing folder must be so already, never loosened — and
 * the database and its -wal and -shm files the group's, mode 0660 (SQLite
 * gives the ones it makes later the database's mode). SQLite has no rights
 * per team: everyone in the group may read and change every team. */
int store_share(const char *path, const char *group, struct err *e);

/* Is the existing file path empty of any schema (version 0)? Looks without
 * creating, migrating or writing anything: for the commands that only read.
 * -1 with e set (EXIT_NOINPUT) when it is; 0 otherwise (also when it cannot
 * tell: store_open then says what is wrong). */
int store_probe(const char *path, struct err *e);

/* Read the records into d (cleared first): every team, rota entry,
 * employee, absence and activity, and the cases and intake blocks of the
 * window from since on (dataset.h: DATASET_ALL, DATASET_NONE or a day; the
 * cases through their index on the closing day). */
int store_load(struct store *st, struct dataset *d, int since,
    struct err *e);

/* Make d, read by store_load, hold the cases and blocks from since on too
 * (nothing when it does): only the ones it lacks are read, after a
 * store_refresh so they agree with what it holds. */
int store_widen(struct store *st, struct dataset *d, int since,
    struct err *e);

/* Bring d, read by store_load, up to date with every change committed
 * since the last load or refresh — this connection's and others' — by
 * reading again only the records the audit table says were touched
 * (issue 12: an edit costs its own rows, not the city). Many touched rows
 * read everything again. On failure d may hold some of the new rows; the
 * next refresh reads them all again. */
int store_refresh(struct store *st, struct dataset *d, struct err *e);

/* Does the database hold no teams, employees, cases or snapshots? */
int store_is_empty(struct store *st, bool *empty, struct err *e);

/* Transactions: begin is BEGIN IMMEDIATE (waits up to the busy timeout, then
 * fails with EXIT_BUSY). rollback never fails and accepts "no transaction". */
int store_begin(struct store *st, struct err *e);
int store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);

/* Inserts, inside a transaction: set the record's id and version on success.
 * A broken CHECK, UNIQUE or foreign key gives -1 with a message naming it,
 * status EXIT_DATAERR. */
int store_add_team(struct store *st, struct team *t, struct err *e);
int store_add_rota(struct store *st, struct rota_entry *r, struct err *e);
int store_add_employee(struct store *st, struct employee *em, struct err *e);
int store_add_absence(struct store *st, struct absence *a, struct err *e);
int store_add_activity(struct store *st, struct activity *a, struct err *e);
int store_add_block(struct store *st, struct block *b, struct err *e);
int store_add_case(struct store *st, struct case_item *c, struct err *e);

/* Give intake block id, as last read at version, to employee_id (0 =
 * unfilled), inside a transaction. A block someone else changed or deleted
 * since is refused (-1, status 1) with a message saying so. */
int store_set_block_employee(struct store *st, int64_t id, int64_t version,
    int64_t employee_id, struct err *e);

/* Write every field of case c (matched by c->id) if the stored row is still
 * at c->version; sets c->version to the new one. Refused (-1, status 1) when
 * someone else changed or deleted it since. Inside a transaction. */
int store_update_case(struct store *st, struct case_item *c, struct err *e);

/* The same for teams, employees, rota entries and intake blocks (every
 * field; what import --update writes). */
int store_update_team(struct store *st, struct team *t, struct err *e);
int store_update_employee(struct store *st, struct employee *em,
    struct err *e);
int store_update_rota(struct store *st, struct rota_entry *r, struct err *e);
int store_update_block(struct store *st, struct block *b, struct err *e);

/* The same for absences and side activities; and deleting one, again only
 * if it is still at the version read. */
int store_update_absence(struct store *st, struct absence *a, struct err *e);
int store_update_activity(struct store *st, struct activity *a,
    struct err *e);
int store_delete_absence(struct store *st, int64_t id, int64_t version,
    struct err *e);
int store_delete_activity(struct store *st, int64_t id, int64_t version,
    struct err *e);
/* The same for a rota entry and an intake block. Deleting a block leaves
 * the cases that came in through it without an origin_block (the schema's
 * ON DELETE SET NULL; audited, so an undo puts it back). */
int store_delete_rota(struct store *st, int64_t id, int64_t version,
    struct err *e);
int store_delete_block(struct store *st, int64_t id, int64_t version,
    struct err *e);

/* Has another connection committed a change since the last store_load or
 * store_refresh? */
int store_changed(struct store *st, bool *changed, struct err *e);

/* Lock or unlock intake block id as last read at version (refused like
 * store_set_block_employee when someone else changed it since). */
int store_set_block_locked(struct store *st, int64_t id, int64_t version,
    bool locked, struct err *e);

/* The audit group of the transaction the last store_begin opened: what
 * store_revert takes to undo it. */
long long store_txn(const struct store *st);

/* What a transaction was, in the change log: a person's change, or the undo
 * or redo of an earlier one. */
enum store_change_kind { STORE_CHANGE, STORE_UNDO, STORE_REDO };

struct store_change {
	long long txn;
	enum store_change_kind kind;
	long long reverts; /* the txn an undo or redo reverts; 0 for a change */
};

/* Record the open transaction as the user's (store_open's user) change,
 * undo or redo of txn reverts (ignored for a change). Inside the
 * transaction, so the log and the change commit together. */
int store_log_change(struct store *st, enum store_change_kind kind,
    long long reverts, struct err *e);

/* The user's change log, oldest first, into a new array (caller frees). */
int store_user_changes(struct store *st, struct store_change **out,
    size_t *n, struct err *e);

/* What one audit row of a change did: the record and every column's value
 * before and after as text ("" for none; before is "" for an insert, after
 * for a delete). */
#define STORE_ROW_COLS 10
struct store_change_row {
	char table[16];
	char action[8]; /* insert, update or delete */
	int64_t row_id;
	size_t n_cols;
	struct {
		char name[24];
		char old[128], new[128];
	} cols[STORE_ROW_COLS];
};

/* The rows transaction txn changed, in order, into a new array (caller
 * frees). */
int store_change_rows(struct store *st, long long txn,
    struct store_change_row **out, size_t *n, struct err *e);

/* Undo every change of audit group txn in a new transaction (itself audited,
 * so reverting that is redo), logged as kind (STORE_UNDO or STORE_REDO) of
 * txn. Refused, with nothing changed, when one of the rows was changed by
 * anyone since (its content differs from what the change left). Busy ->
 * EXIT_BUSY. */
int store_revert(struct store *st, long long txn,
    enum store_change_kind kind, struct err *e);

/* Save the figures w of a week (replacing an earlier snapshot of it) inside
 * a transaction. d is the dataset w was computed from; explicit marks a
 * snapshot someone asked for (kept by store_forget_snapshots). */
int store_save_snapshot(struct store *st, const struct dataset *d,
    const struct week_figures *w, bool explicit, struct err *e);

/* Drop the automatic snapshots (inside a transaction): after an import the
 * past is recomputed, and frozen again, when next viewed. */
int store_forget_snapshots(struct store *st, struct err *e);

/* Read the snapshot of the week of monday into out, index-aligned with d
 * (records deleted since are left out). *found is false, and out empty,
 * when the week has no snapshot. Free out with workload_week_clear. */
int store_load_snapshot(struct store *st, const struct dataset *d, int monday,
    struct week_figures *out, bool *found, struct err *e);

/* The snapshot rows of one team (employee false) or employee, id, of the n
 * weeks from the Monday first: the week first + 7k into teams[k] or
 * employees[k] (the other may be NULL) with found[k] true when it has
 * one. One read for a whole trend, not a city per week. */
int store_load_subject_snapshots(struct store *st, bool employee, int64_t id,
    int first, size_t n, struct team_week *teams,
    struct employee_week *employees, bool *found, struct err *e);

/* The same with only each employee's and team's status, all the look back
 * of sustained overload needs (a city's week read in a third of the
 * time). */
int store_load_snapshot_statuses(struct store *st, const struct dataset *d,
    int monday, struct week_figures *out, bool *found, struct err *e);

/* Rights per team (PostgreSQL only; on SQLite EXIT_USAGE, for it has
 * none). store_grant gives login — created as a database role when it is
 * not one — the role coach, manager or admin, of the n teams (by code; an
 * admin has none): what the login had before is replaced. store_revoke
 * takes the n teams from it, or every right when n is 0. Only an admin
 * may: anyone else is refused by the server (EXIT_NOPERM). */
int store_grant(struct store *st, const char *login, const char *role,
    const char *const *teams, size_t n, struct err *e);
int store_revoke(struct store *st, const char *login,
    const char *const *teams, size_t n, struct err *e);

/* Who has which rights, the owner of the tables (an admin by that) first;
 * as much as the login asking may see (an admin sees all, anyone else
 * their own). Into a new array (caller frees). */
struct store_right {
	char login[64];
	char role[16];
	char teams[512]; /* the codes, ", " between; "" for an admin */
	bool owner;
};
int store_rights(struct store *st, struct store_right **out, size_t *n,
    struct err *e);

/* The tables a copy takes, and how many rows each holds. */
#define STORE_TABLES 12
struct store_count {
	char table[24];
	long long rows;
};

/* Copy everything in from — records with their ids and versions, the
 * audit, the change log, the snapshots — into the empty database to (either
 * backend: an SQLite file into PostgreSQL, or back), in one transaction
 * (all or nothing), counting the rows of each table into
 * counts[STORE_TABLES]. A database that holds data is refused. */
int store_copy(struct store *from, struct store *to,
    struct store_count *counts, struct err *e);

/* The rows of each table, as store_copy counts them. */
int store_count_rows(struct store *st, struct store_count *counts,
    struct err *e);

/* Integrity and foreign-key check; problems listed in e (status 1). */
int store_check(struct store *st, struct err *e);

/* Consistent copy of the live database to path, mode 0600, put in place in
 * one step (afile.h): an existing path is replaced atomically, never the
 * database in use (store_check_target). */
int store_backup(struct store *st, const char *path, struct err *e);

/* May a backup or export replace path? Not when that would pull a database
 * out from under its users: this store's file and its -wal, -shm and
 * -journal files, by any path, symlink or spelling, and any file with a
 * -wal file beside it (-1, EXIT_CANTCREAT, naming path). */
int store_check_target(const struct store *st, const char *path,
    struct err *e);

/* Number of audit rows (for tests and the status line). */
int store_audit_count(struct store *st, long *n, struct err *e);

#endif
