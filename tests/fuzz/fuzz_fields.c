/* libFuzzer: the parsers of what people type and files hold — dates, ISO
 * weeks, hours, workdays, weekdays, parts, percentages, booleans, codes,
 * case references, phases, config key names, decimals (the first byte picks
 * one) — with round trips as the oracle: what parses must format back to
 * something that parses to the same value. */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "dataset.h"
#include "date.h"
#include "err.h"
#include "fuzz.h"
#include "settings.h"
#include "text.h"
#include "validate.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static void
fuzz_date(const char *s)
{
	char buf[DATE_BUF];
	int date, again;

	if (date_parse(s, &date, NULL) < 0)
		return;
	CHECK(strcmp(date_format(date, buf), s) == 0);
	CHECK(date_parse(buf, &again, NULL) == 0 && again == date);
}

static void
fuzz_week(const char *s)
{
	char buf[WEEK_BUF];
	int today = date_from_ymd(2026, 11, 23), monday, again;
	struct err e;

	err_clear(&e);
	if (date_parse_week(s, today, &monday, &e) < 0) {
		CHECK(e.status == EXIT_USAGE && e.msg[0]);
		return;
	}
	CHECK(date_monday(monday) == monday);
	date_format_week(monday, buf);
	CHECK(date_parse_week(buf, today, &again, NULL) == 0 &&
	    again == monday);
}

static void
fuzz_decimal(const char *s)
{
	char buf[64];
	double v, again;

	if (text_parse_decimal(s, &v) < 0)
		return;
	CHECK(isfinite(v));
	if (fabs(v) > 1e12)
		return;
	text_format_decimal(buf, sizeof buf, v, 2, true);
	CHECK(text_parse_decimal(buf, &again) == 0);
	CHECK(fabs(again - v) <= 0.005 + fabs(v) * 1e-12);
}

static void
fuzz_workdays(const char *s)
{
	char buf[64];
	unsigned days, again;

	if (validate_workdays(s, &days, NULL) < 0)
		return;
	CHECK(days >= 1 && days <= 31);
	dataset_workdays_format(days, buf, sizeof buf);
	CHECK(validate_workdays(buf, &again, NULL) == 0 && again == days);
}

static void
fuzz_other(unsigned which, const char *s, const struct settings *st)
{
	char out[256];
	double h;
	int i;
	bool b;
	enum part part;
	enum phase phase;

	switch (which) {
	case 0:
		if (validate_hours(s, 0, false, 40, &h, NULL) == 0)
			CHECK(h > 0 && h <= 40);
		break;
	case 1:
		if (validate_weekday(s, &i, NULL) == 0)
			CHECK(i >= 1 && i <= 5);
		break;
	case 2:
		if (validate_part(s, &part, NULL) == 0)
			CHECK(part == PART_MORNING || part == PART_AFTERNOON);
		break;
	case 3:
		if (validate_percent(s, &i, NULL) == 0)
			CHECK(i >= 1 && i <= 100);
		break;
	case 4:
		validate_bool(s, &b, NULL);
		break;
	case 5:
		if (validate_code(s, out, 16, NULL) == 0)
			CHECK(strlen(out) >= 1 && strlen(out) <= 15);
		break;
	case 6:
		if (validate_case_ref(s, out, 32, NULL) == 0)
			CHECK(!text_is_bsn(out));
		break;
	case 7:
		validate_phase(s, &phase, NULL);
		break;
	case 8:
		if (validate_text(s, true, out, 96, NULL) == 0)
			CHECK(text_is_clean_utf8(out));
		break;
	case 9:
		validate_case_type(s, st, out, 16, NULL);
		break;
	case 10:
		if ((i = settings_key_parse(s)) >= 0) {
			char name[128];
			settings_key_name(i, name, sizeof name);
			CHECK(settings_key_parse(name) == i);
		}
		break;
	default:
		if (validate_date(s, true, &i, NULL) == 0 && *s == '\0')
			CHECK(i == DATE_NONE);
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct settings st;
	static bool ready;
	char *s;

	if (!ready) {
		settings_defaults(&st);
		ready = true;
	}
	if (size < 1)
		return 0;
	s = fuzz_string(data + 1, size - 1);
	switch (data[0] % 16) {
	case 0: fuzz_date(s); break;
	case 1: fuzz_week(s); break;
	case 2: fuzz_decimal(s); break;
	case 3: fuzz_workdays(s); break;
	default: fuzz_other(data[0] % 16 - 4, s, &st); break;
	}
	free(s);
	return 0;
}
