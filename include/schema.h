/* schema: the tables of SPEC §8 in the two SQL dialects the store speaks
 * (issue 13) — SQLite's as forward migration steps, PostgreSQL's whole,
 * with its audit triggers and the rights per team (row-level security) —
 * and the list of audited tables both are built from. Text only: the
 * store runs it. */
#ifndef WIJKLAST_SCHEMA_H
#define WIJKLAST_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

/* The version of the schema this build writes. */
#define SCHEMA_VERSION 4

/* Each audited table and its columns (besides id and version). Their ids
 * are never reused, so an undo can never reach a record that merely got
 * the id of a deleted one. The audit JSON, the triggers and store_revert
 * are all built from this list. */
#define SCHEMA_MAX_COLS 10
struct schema_table {
	const char *table;
	const char *cols[SCHEMA_MAX_COLS];
};
extern const struct schema_table schema_audited[];
extern const size_t schema_n_audited;

/* A growing string built from constant fragments only (never from data:
 * values are always bound parameters). */
struct schema_text {
	char *s;
	size_t len;
};
void schema_add(struct schema_text *q, const char *frag);

/* SQLite: step i takes user_version i to i + 1. */
extern const char *const schema_sqlite_steps[SCHEMA_VERSION];
/* SQLite: the audit triggers of every table, replacing those there are
 * (run with the last step); with create false only dropping them (a copy
 * brings its audit along). Caller frees. */
char *schema_sqlite_triggers(bool create);

/* PostgreSQL: everything at SCHEMA_VERSION for an empty schema — tables,
 * the audit trigger functions, the rights functions and policies, and
 * wl_grant and wl_revoke. Caller frees. */
char *schema_postgres(void);

#endif
