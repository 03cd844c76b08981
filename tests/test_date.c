/* Civil dates and ISO weeks (include/date.h). */
#include <stdio.h> /* testutil.h uses snprintf without including it */

#include "testutil.h"

static const char *
fmt(int date)
{
	static char buf[DATE_BUF];

	return date_format(date, buf);
}

Test(date, epoch_and_known_days)
{
	int y, m, d;

	cr_expect_eq(date_from_ymd(1970, 1, 1), 0);
	cr_expect_eq(date_from_ymd(1969, 12, 31), -1);
	cr_expect_eq(date_from_ymd(2000, 3, 1), 11017);
	cr_expect_eq(date_from_ymd(1900, 1, 1), -25567);
	cr_expect_eq(date_from_ymd(9999, 12, 31), 2932896);
	date_to_ymd(-25567, &y, &m, &d);
	cr_expect(y == 1900 && m == 1 && d == 1, "%d-%d-%d", y, m, d);
	date_to_ymd(11016, &y, &m, &d);
	cr_expect(y == 2000 && m == 2 && d == 29, "%d-%d-%d", y, m, d);
}

Test(date, is_valid)
{
	cr_expect(date_is_valid(2024, 2, 29));
	cr_expect(date_is_valid(2000, 2, 29));
	cr_expect_not(date_is_valid(2025, 2, 29));
	cr_expect_not(date_is_valid(1900, 2, 29));
	cr_expect_not(date_is_valid(2026, 2, 30));
	cr_expect_not(date_is_valid(2026, 4, 31));
	cr_expect(date_is_valid(2026, 12, 31));
	cr_expect_not(date_is_valid(2026, 0, 1));
	cr_expect_not(date_is_valid(2026, 13, 1));
	cr_expect_not(date_is_valid(2026, 1, 0));
	cr_expect_not(date_is_valid(2026, 1, 32));
}

Test(date, weekday)
{
	cr_expect_eq(date_weekday(D("2026-11-23")), 1);
	cr_expect_eq(date_weekday(D("2026-11-29")), 7);
	cr_expect_eq(date_weekday(D("1970-01-01")), 4);
	cr_expect_eq(date_weekday(D("1969-12-29")), 1);
	cr_expect_eq(date_weekday(D("1900-01-01")), 1);
}

Test(date, parse_good)
{
	int d = 0;
	struct err e;

	err_clear(&e);
	cr_assert_eq(date_parse("2026-11-23", &d, &e), 0, "%s", e.msg);
	cr_expect_eq(d, date_from_ymd(2026, 11, 23));
	cr_expect_eq(date_parse("1900-01-01", &d, &e), 0);
	cr_expect_eq(date_parse("9999-12-31", &d, &e), 0);
	cr_expect_eq(date_parse("2024-02-29", &d, &e), 0);
}

Test(date, parse_bad)
{
	static const struct {
		const char *in, *msg;
	} bad[] = {
		{ "2026-02-30", "\"2026-02-30\" is not a date" },
		{ "2025-02-29", "\"2025-02-29\" is not a date" },
		{ "2026-13-01", "\"2026-13-01\" is not a date" },
		{ "2026-00-10", "\"2026-00-10\" is not a date" },
		{ "2026-01-00", "\"2026-01-00\" is not a date" },
		{ "2026-1-5", "\"2026-1-5\" is not a date (use YYYY-MM-DD)" },
		{ "", "\"\" is not a date (use YYYY-MM-DD)" },
		{ "23-11-2026", "(use YYYY-MM-DD)" },
		{ "2026/11/23", "(use YYYY-MM-DD)" },
		{ " 2026-11-23", "(use YYYY-MM-DD)" },
		{ "2026-11-23 ", "(use YYYY-MM-DD)" },
		{ "2026-11-2x", "(use YYYY-MM-DD)" },
		{ "+026-11-23", "(use YYYY-MM-DD)" },
		{ "20261-11-23", "(use YYYY-MM-DD)" },
		{ "1899-12-31", "\"1899-12-31\" is out of range (years 1900-9999)" },
		{ "0000-01-01", "out of range" },
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct err e;
		int d = 12345;

		err_clear(&e);
		cr_expect_eq(date_parse(bad[i].in, &d, &e), -1, "%s", bad[i].in);
		cr_expect_eq(d, 12345, "%s changed the output", bad[i].in);
		cr_expect_not_null(strstr(e.msg, bad[i].msg), "%s: got '%s'",
		    bad[i].in, e.msg);
	}
}

Test(date, format)
{
	char buf[DATE_BUF];

	cr_expect_str_eq(date_format(D("2026-01-05"), buf), "2026-01-05");
	cr_expect_str_eq(date_format(0, buf), "1970-01-01");
	cr_expect_str_eq(date_format(DATE_NONE, buf), "");
	cr_expect_str_eq(date_format_week(DATE_NONE, buf), "");
}

Test(date, weeks_in_year)
{
	cr_expect_eq(date_weeks_in_year(2026), 53);
	cr_expect_eq(date_weeks_in_year(2025), 52);
	cr_expect_eq(date_weeks_in_year(2020), 53);
	cr_expect_eq(date_weeks_in_year(2015), 53);
	cr_expect_eq(date_weeks_in_year(2021), 52);
	cr_expect_eq(date_weeks_in_year(2024), 52);
}

Test(date, iso_week_facts)
{
	char buf[WEEK_BUF];
	int y, w;

	cr_expect_str_eq(fmt(date_week_monday(2026, 53)), "2026-12-28");
	cr_expect_str_eq(fmt(date_week_monday(2027, 1)), "2027-01-04");
	cr_expect_str_eq(fmt(date_week_monday(2025, 1)), "2024-12-30");
	cr_expect_str_eq(fmt(date_week_monday(2026, 48)), "2026-11-23");
	cr_expect_str_eq(fmt(date_week_monday(2020, 53)), "2020-12-28");

	date_iso_week(D("2026-01-01"), &y, &w);
	cr_expect(y == 2026 && w == 1, "%d-W%d", y, w);
	date_iso_week(D("2027-01-01"), &y, &w);
	cr_expect(y == 2026 && w == 53, "%d-W%d", y, w);
	date_iso_week(D("2024-12-30"), &y, &w);
	cr_expect(y == 2025 && w == 1, "%d-W%d", y, w);
	date_iso_week(D("2021-01-03"), &y, &w);
	cr_expect(y == 2020 && w == 53, "%d-W%d", y, w);

	cr_expect_str_eq(date_format_week(D("2027-01-01"), buf), "2026-W53");
	cr_expect_str_eq(date_format_week(D("2024-12-30"), buf), "2025-W01");
	cr_expect_str_eq(date_format_week(D("2026-11-29"), buf), "2026-W48");
	cr_expect_str_eq(fmt(date_monday(D("2026-11-29"))), "2026-11-23");
	cr_expect_str_eq(fmt(date_monday(D("2026-11-23"))), "2026-11-23");
}

Test(date, parse_week_good)
{
	struct err e;
	int mon = 0;

	err_clear(&e);
	cr_assert_eq(date_parse_week("2026-W48", 0, &mon, &e), 0, "%s", e.msg);
	cr_expect_str_eq(fmt(mon), "2026-11-23");
	cr_assert_eq(date_parse_week("2026-W53", 0, &mon, &e), 0, "%s", e.msg);
	cr_expect_str_eq(fmt(mon), "2026-12-28");
	cr_assert_eq(date_parse_week("2020-W53", 0, &mon, &e), 0, "%s", e.msg);
	cr_expect_str_eq(fmt(mon), "2020-12-28");
	cr_assert_eq(date_parse_week("2025-W01", 0, &mon, &e), 0, "%s", e.msg);
	cr_expect_str_eq(fmt(mon), "2024-12-30");
}

Test(date, parse_week_relative)
{
	int today = D("2026-01-01"); /* a Thursday in 2026-W01 */
	struct err e;
	int mon = 0;

	err_clear(&e);
	cr_assert_eq(date_parse_week("current", today, &mon, &e), 0);
	cr_expect_str_eq(fmt(mon), "2025-12-29");
	cr_assert_eq(date_parse_week("next", today, &mon, &e), 0);
	cr_expect_str_eq(fmt(mon), "2026-01-05");
	cr_assert_eq(date_parse_week("last", today, &mon, &e), 0);
	cr_expect_str_eq(fmt(mon), "2025-12-22");
	cr_assert_eq(date_parse_week("current", D("2026-11-29"), &mon, &e), 0);
	cr_expect_str_eq(fmt(mon), "2026-11-23");
}

Test(date, parse_week_bad)
{
	static const struct {
		const char *in, *msg;
	} bad[] = {
		{ "2025-W53", "2025 has no week 53" },
		{ "2026-W54", "2026 has no week 54" },
		{ "2026-W00", "\"2026-W00\" is not a week" },
		{ "2026-W5", "\"2026-W5\" is not a week (use YYYY-Www" },
		{ "2026W48", "is not a week" },
		{ "2026-48", "is not a week" },
		{ "2026-W48x", "is not a week" },
		{ "", "is not a week" },
		{ "Current", "is not a week" },
		{ "now", "is not a week" },
		{ "1899-W52", "out of range" },
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct err e;
		int mon = 12345;

		err_clear(&e);
		cr_expect_eq(date_parse_week(bad[i].in, 0, &mon, &e), -1, "%s",
		    bad[i].in);
		cr_expect_eq(mon, 12345, "%s changed the output", bad[i].in);
		cr_expect_eq(e.status, EXIT_USAGE, "%s: status %d", bad[i].in,
		    e.status);
		cr_expect_not_null(strstr(e.msg, bad[i].msg), "%s: got '%s'",
		    bad[i].in, e.msg);
	}
}

Test(date, today_is_sane)
{
	int t = date_today();
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	cr_expect(date_is_valid(y, m, d));
	cr_expect(y >= 2024 && y < 2200, "year %d", y);
}

/* Every day from 1990 to 2040 through both directions of every conversion. */
Test(date, round_trip_1990_2040)
{
	int first = D("1990-01-01"), last = D("2040-12-31");
	int prev_y = 1990, prev_m = 1, prev_d = 0, prev_week = 0;
	char buf[DATE_BUF], wbuf[WEEK_BUF];

	for (int day = first; day <= last; day++) {
		struct err e;
		int y, m, d, wy, w, back = 0, mon = 0;

		date_to_ymd(day, &y, &m, &d);
		cr_assert(date_is_valid(y, m, d), "%d", day);
		cr_assert_eq(date_from_ymd(y, m, d), day);
		/* The next day of the previous one, in the calendar. */
		cr_assert(d == prev_d + 1 ||
		    (d == 1 && (m == prev_m + 1 || (m == 1 && y == prev_y + 1))),
		    "%d-%d-%d after %d-%d-%d", y, m, d, prev_y, prev_m, prev_d);
		prev_y = y, prev_m = m, prev_d = d;

		err_clear(&e);
		cr_assert_eq(date_parse(date_format(day, buf), &back, &e), 0,
		    "%s: %s", buf, e.msg);
		cr_assert_eq(back, day, "%s", buf);

		date_iso_week(day, &wy, &w);
		cr_assert(w >= 1 && w <= date_weeks_in_year(wy), "%s", buf);
		cr_assert(wy >= y - 1 && wy <= y + 1);
		cr_assert_eq(date_week_monday(wy, w), date_monday(day), "%s", buf);
		cr_assert_eq(date_monday(day), day - date_weekday(day) + 1);
		/* The week number changes on Mondays and only then. */
		if (day > first)
			cr_assert_eq(w != prev_week, date_weekday(day) == 1,
			    "%s", buf);
		prev_week = w;

		cr_assert_eq(date_parse_week(date_format_week(day, wbuf), 0,
		    &mon, &e), 0, "%s: %s", wbuf, e.msg);
		cr_assert_eq(mon, date_monday(day), "%s", wbuf);
	}
}
