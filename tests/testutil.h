/* Helpers shared by the Criterion tests. */
#ifndef WIJKLAST_TESTUTIL_H
#define WIJKLAST_TESTUTIL_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"

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
