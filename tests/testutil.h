/* Helpers shared by the Criterion tests. */
#ifndef WIJKLAST_TESTUTIL_H
#define WIJKLAST_TESTUTIL_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
