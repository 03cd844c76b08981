/* date: see include/date.h. Civil dates use Howard Hinnant's days_from_civil
 * and civil_from_days (http://howardhinnant.github.io/date_algorithms.html);
 * ISO weeks follow from "week 1 holds January 4" and "a week belongs to the
 * year of its Thursday". Only date_today looks at the clock. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "err.h"

#define YEAR_MIN 1900
#define YEAR_MAX 9999

int
date_from_ymd(int y, int m, int d)
{
	/* Long arithmetic: eras of 400 years, March first so Feb 29 is last. */
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int)(era * 146097 + doe - 719468);
}

void
date_to_ymd(int date, int *y, int *m, int *d)
{
	long z = (long)date + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool
date_is_valid(int y, int m, int d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (m < 1 || m > 12 || d < 1)
		return false;
	return d <= days[m - 1] + (m == 2 && is_leap(y));
}

int
date_weekday(int date)
{
	/* 1970-01-01 was a Thursday; keep the remainder non-negative. */
	int r = (int)(((long)date % 7 + 7) % 7);

	return (r + 3) % 7 + 1;
}

/* Are the n bytes at s all ASCII digits? Their value goes to *v. */
static bool
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int
date_parse(const char *s, int *date, struct err *e)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
	    !digits(s + 8, 2, &d))
		return err_set(e, "\"%.40s\" is not a date (use YYYY-MM-DD)",
		    s);
	if (!date_is_valid(y, m, d))
		return err_set(e, "\"%s\" is not a date", s);
	if (y < YEAR_MIN || y > YEAR_MAX)
		return err_set(e, "\"%s\" is out of range (years %d-%d)", s,
		    YEAR_MIN, YEAR_MAX);
	*date = date_from_ymd(y, m, d);
	return 0;
}

char *
date_format(int date, char *buf)
{
	int y, m, d;

	if (date == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, DATE_BUF, "%04d-%02d-%02d", y, m, d);
	return buf;
}

int
date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
date_monday(int date)
{
	return date - (date_weekday(date) - 1);
}

void
date_iso_week(int date, int *year, int *week)
{
	int thursday = date_monday(date) + 3;
	int m, d;

	date_to_ymd(thursday, year, &m, &d);
	*week = (thursday - date_from_ymd(*year, 1, 1)) / 7 + 1;
}

int
date_week_monday(int year, int week)
{
	return date_monday(date_from_ymd(year, 1, 4)) + 7 * (week - 1);
}

int
date_weeks_in_year(int year)
{
	/* December 28 is always in the last week of its ISO year. */
	int y, w;

	date_iso_week(date_from_ymd(year, 12, 28), &y, &w);
	return w;
}

int
date_parse_week(const char *s, int today, int *monday, struct err *e)
{
	int y, w;

	if (strcmp(s, "current") == 0 || strcmp(s, "next") == 0 ||
	    strcmp(s, "last") == 0) {
		*monday = date_monday(today) +
		    (s[0] == 'n' ? 7 : s[0] == 'l' ? -7 : 0);
		return 0;
	}
	if (strlen(s) != 8 || s[4] != '-' || (s[5] != 'W' && s[5] != 'w') ||
	    !digits(s, 4, &y) || !digits(s + 6, 2, &w) || w < 1)
		return err_setx(e, EXIT_USAGE, "\"%.40s\" is not a week (use "
		    "YYYY-Www, e.g. 2026-W48, or current, next, last)", s);
	if (y < YEAR_MIN || y > YEAR_MAX)
		return err_setx(e, EXIT_USAGE,
		    "\"%s\" is out of range (years %d-%d)", s, YEAR_MIN,
		    YEAR_MAX);
	if (w > date_weeks_in_year(y))
		return err_setx(e, EXIT_USAGE, "%d has no week %d", y, w);
	*monday = date_week_monday(y, w);
	return 0;
}

char *
date_format_week(int date, char *buf)
{
	int y, w;

	if (date == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_iso_week(date, &y, &w);
	snprintf(buf, WEEK_BUF, "%04d-W%02d", y, w);
	return buf;
}
