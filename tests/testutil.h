/* Helpers shared by the Criterion tests. */
#ifndef WIJKLAST_TESTUTIL_H
#define WIJKLAST_TESTUTIL_H

#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "err.h"
#include "xmem.h"

/* A date from "YYYY-MM-DD"; fails the test when it is not one. */
static inline int
D(const char *s)
{
	struct err e;
	int d = 0;

	err_clear(&e);
	cr_assert_eq(date_parse(s, &d, &e), 0, "D(%s): %s", s, e.msg);
	return d;
}

/* Append a zeroed record with the next id (1, 2, …) to one of a dataset's
 * arrays, e.g. TEST_APPEND(ds.teams, ds.n_teams); returns a pointer to it. */
#define TEST_APPEND(items, n)                                                \
	((items) = xreallocarray((items), (n) + 1, sizeof *(items)),         \
	    memset(&(items)[(n)], 0, sizeof *(items)),                       \
	    (items)[(n)].id = (int64_t)((n) + 1), &(items)[(n)++])

/* Hours compare with the tolerance of SPEC §3. */
#define ASSERT_HOURS(got, want) \
	cr_assert_float_eq((double)(got), (double)(want), 0.005, \
	    "%s = %.4f, want %.4f", #got, (double)(got), (double)(want))

/* A fresh folder under $TMPDIR (or /tmp); the caller may leave it behind. */
static inline char *
test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	static char path[4096];

	snprintf(path, sizeof path, "%s/wijklast-test-XXXXXX",
	    base && *base ? base : "/tmp");
	cr_assert_not_null(mkdtemp(path));
	return path;
}

/* tests/run-all runs the store, app, import and demo tests a second time
 * on PostgreSQL (issue 13) with WIJKLAST_TEST_PG set to the server's bin
 * folder and the throw-away cluster in PGHOST, PGPORT and PGUSER. */
static inline bool
test_on_postgres(void)
{
	const char *v = getenv("WIJKLAST_TEST_PG");

	return v != NULL && *v != '\0';
}

/* The database a test opens: sqlite (":memory:" or a file's path) as it
 * is, or on PostgreSQL a new, empty database of the cluster (each test
 * runs in a process of its own: the pid keeps the names apart). A static
 * buffer: copy it to open it twice. */
static inline const char *
test_database(const char *sqlite)
{
	static char url[128];
	static int n;
	char name[64], cmd[512];

	if (!test_on_postgres())
		return sqlite;
	snprintf(name, sizeof name, "t%ld_%d", (long)getpid(), ++n);
	snprintf(cmd, sizeof cmd, "\"%s/createdb\" %s",
	    getenv("WIJKLAST_TEST_PG"), name);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
	snprintf(url, sizeof url, "postgresql:///%s", name);
	return url;
}

#endif
