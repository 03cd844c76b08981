/* validate: field parsers and record rules of SPEC §2, with messages that
 * quote the offending value so a person can find it in a file or a form.
 * Parsers accept what people type: any letter case,
 * Dutch and English day and part names, a decimal comma. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "text.h"
#include "validate.h"

#define QUOTE_BUF 64
#define QUOTE_MAX 40 /* bytes of a value shown in a message */

/* Length of the printable character at p: 1 .. 4, or 0 for a control
 * character or a byte that starts no valid UTF-8 character. */
static size_t
char_len(const unsigned char *p)
{
	size_t len;
	char ch[5] = { 0 };

	if (*p < 0x80)
		return *p >= 0x20 && *p != 0x7f ? 1 : 0;
	len = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
	for (size_t i = 0; i < len && p[i]; i++)
		ch[i] = (char)p[i];
	return strlen(ch) == len && text_is_clean_utf8(ch) ? len : 0;
}

/* The value as it goes into a message: in double quotes, cut after about
 * QUOTE_MAX bytes, control characters and bytes that are not UTF-8 as \xNN
 * (a message must not carry broken text to a terminal). */
static const char *
quote(const char *s, char *buf)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, len;

	buf[n++] = '"';
	while (*p && n < QUOTE_MAX) {
		len = char_len(p);
		if (len == 0) {
			n += (size_t)snprintf(buf + n, 5, "\\x%02x", *p++);
			continue;
		}
		memcpy(buf + n, p, len);
		n += len;
		p += len;
	}
	if (*p) {
		memcpy(buf + n, "…", strlen("…"));
		n += strlen("…");
	}
	buf[n++] = '"';
	buf[n] = '\0';
	return buf;
}

static int
required(struct err *e)
{
	return err_set(e, "is required");
}

/* Copy s into out after checking it has only letters, digits and the
 * characters of extra (shown says which, for the message). */
static int
check_code(const char *s, const char *extra, const char *shown, char *out,
    size_t size, struct err *e)
{
	char q[QUOTE_BUF];

	if (*s == '\0')
		return required(e);
	for (const char *p = s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(extra, *p) != NULL)
			continue;
		return err_set(e, "%s may only hold letters, digits and %s",
		    quote(s, q), shown);
	}
	if (strlen(s) >= size)
		return err_set(e, "%s is longer than %zu characters",
		    quote(s, q), size - 1);
	memcpy(out, s, strlen(s) + 1);
	return 0;
}

int
validate_code(const char *s, char *out, size_t size, struct err *e)
{
	return check_code(s, "-_.", "'-', '_', '.'", out, size, e);
}

int
validate_text(const char *s, bool optional, char *out, size_t size,
    struct err *e)
{
	char q[QUOTE_BUF];

	if (*s == '\0') {
		if (!optional)
			return required(e);
		out[0] = '\0';
		return 0;
	}
	if (!text_is_clean_utf8(s))
		return err_set(e, "%s must be UTF-8 text without control "
		    "characters", quote(s, q));
	if (strlen(s) >= size)
		return err_set(e, "%s is longer than %zu bytes", quote(s, q),
		    size - 1);
	memcpy(out, s, strlen(s) + 1);
	return 0;
}

int
validate_hours(const char *s, double min, bool min_inclusive, double max,
    double *out, struct err *e)
{
	char q[QUOTE_BUF];
	double v;

	if (*s == '\0')
		return required(e);
	if (text_parse_decimal(s, &v) < 0)
		return err_set(e, "%s is not a number", quote(s, q));
	if (v < min || (v == min && !min_inclusive) || v > max)
		return err_set(e, "%s must be %s %g and at most %g",
		    quote(s, q), min_inclusive ? "at least" : "more than",
		    min, max);
	*out = v;
	return 0;
}

int
validate_date(const char *s, bool optional, int *out, struct err *e)
{
	if (*s == '\0') {
		if (!optional)
			return required(e);
		*out = DATE_NONE;
		return 0;
	}
	return date_parse(s, out, e);
}

/* Day names, Dutch and English, short and long; index + 1 is the ISO
 * weekday. */
static const char *const day_names[][4] = {
	{ "ma", "maandag", "mon", "monday" },
	{ "di", "dinsdag", "tue", "tuesday" },
	{ "wo", "woensdag", "wed", "wednesday" },
	{ "do", "donderdag", "thu", "thursday" },
	{ "vr", "vrijdag", "fri", "friday" },
	{ "za", "zaterdag", "sat", "saturday" },
	{ "zo", "zondag", "sun", "sunday" },
};

/* ISO weekday 1 .. 7 of a day name or number, or 0. */
static int
day_parse(const char *s)
{
	if (s[0] >= '1' && s[0] <= '7' && s[1] == '\0')
		return s[0] - '0';
	for (int d = 0; d < 7; d++)
		for (int i = 0; i < 4; i++)
			if (text_equal_nocase(s, day_names[d][i]))
				return d + 1;
	return 0;
}

int
validate_workdays(const char *s, unsigned *out, struct err *e)
{
	char q[QUOTE_BUF], word[16];
	unsigned days = 0;
	const char *p = s;

	while (*p) {
		size_t n = strcspn(p, ", ;/");
		int d;

		if (n == 0) {
			p++;
			continue;
		}
		if (n >= sizeof word)
			goto bad;
		memcpy(word, p, n);
		word[n] = '\0';
		d = day_parse(word);
		if (d == 0)
			goto bad;
		if (d > 5)
			return err_set(e, "%s: %s is not a workday (Monday to "
			    "Friday only)", quote(s, q), word);
		days |= 1u << (d - 1);
		p += n;
	}
	if (days == 0 && *s != '\0')
		goto bad;
	*out = days ? days : WORKDAYS_ALL;
	return 0;
bad:
	return err_set(e, "%s is not a list of days like \"ma,di,do\" or "
	    "\"mon,tue,thu\"", quote(s, q));
}

int
validate_weekday(const char *s, int *out, struct err *e)
{
	char q[QUOTE_BUF];
	int d;

	if (*s == '\0')
		return required(e);
	d = day_parse(s);
	if (d == 0)
		return err_set(e, "%s is not a weekday (1-5 or a name like "
		    "\"ma\" or \"monday\")", quote(s, q));
	if (d > 5)
		return err_set(e, "%s is in the weekend; intake is Monday to "
		    "Friday", quote(s, q));
	*out = d;
	return 0;
}

int
validate_part(const char *s, enum part *out, struct err *e)
{
	char q[QUOTE_BUF];
	int p;

	if (*s == '\0')
		return required(e);
	p = dataset_part_parse(s);
	if (p < 0)
		return err_set(e, "%s is not a part of the day (ochtend or "
		    "middag)", quote(s, q));
	*out = (enum part)p;
	return 0;
}

int
validate_percent(const char *s, int *out, struct err *e)
{
	char q[QUOTE_BUF];
	size_t n = strlen(s);
	int v = 0;

	if (n == 0)
		return required(e);
	if (s[n - 1] == '%')
		n--;
	if (n == 0 || n > 3)
		goto bad;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		v = v * 10 + s[i] - '0';
	}
	if (v < 1 || v > 100)
		goto bad;
	*out = v;
	return 0;
bad:
	return err_set(e, "%s must be a whole percentage from 1 to 100",
	    quote(s, q));
}

int
validate_bool(const char *s, bool *out, struct err *e)
{
	static const char *const yes[] = { "1", "yes", "ja", "true", "y", "j" };
	static const char *const no[] = { "0", "no", "nee", "false", "n", "" };
	char q[QUOTE_BUF];

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (text_equal_nocase(s, yes[i])) {
			*out = true;
			return 0;
		}
		if (text_equal_nocase(s, no[i])) {
			*out = false;
			return 0;
		}
	}
	return err_set(e, "%s is not yes or no (1/0, ja/nee, true/false)",
	    quote(s, q));
}

/* Does s look like a BSN once the separators people write between digit
 * groups ("123.456.782", "123 456 782") are left out? */
static bool
is_bsn_written(const char *s)
{
	char digits[16];
	size_t n = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (n + 1 >= sizeof digits)
				return false;
			digits[n++] = *s;
		} else if (*s != '.' && *s != '-' && *s != ' ') {
			return false;
		}
	}
	digits[n] = '\0';
	return text_is_bsn(digits);
}

int
validate_case_ref(const char *s, char *out, size_t size, struct err *e)
{
	char q[QUOTE_BUF];

	if (is_bsn_written(s))
		return err_set(e, "%s looks like a citizen service number "
		    "(BSN); wijklast stores no client data — use the "
		    "reference from the client system", quote(s, q));
	return check_code(s, "-_./", "'-', '_', '.', '/'", out,
	    size, e);
}

int
validate_case_type(const char *s, const struct settings *st, char *out,
    size_t size, struct err *e)
{
	char q[QUOTE_BUF], list[256] = "";
	size_t n = 0;

	if (*s == '\0')
		return required(e);
	for (size_t i = 0; i < st->n_case_types; i++) {
		const char *code = st->case_types[i].code;

		if (text_equal_nocase(s, code) && strlen(code) < size) {
			/* The configured spelling: workload looks it up. */
			memcpy(out, code, strlen(code) + 1);
			return 0;
		}
		if (n < sizeof list)
			n += (size_t)snprintf(list + n, sizeof list - n,
			    "%s%s", i ? ", " : "", code);
	}
	return err_set(e, "%s is not a case type in the configuration (%s)",
	    quote(s, q), list);
}

int
validate_phase(const char *s, enum phase *out, struct err *e)
{
	char q[QUOTE_BUF];

	if (*s == '\0')
		return required(e);
	for (int p = 0; p < PHASE_COUNT; p++) {
		if (text_equal_nocase(s, settings_phase_code(p))) {
			*out = (enum phase)p;
			return 0;
		}
	}
	return err_set(e, "%s is not a phase (intake, actief or afschalen)",
	    quote(s, q));
}

/* end >= start, with field names for the message. */
static int
check_order(const char *end_name, int end, const char *start_name, int start,
    struct err *e)
{
	char a[DATE_BUF], b[DATE_BUF];

	if (end == DATE_NONE || end >= start)
		return 0;
	return err_set(e, "%s: %s is before %s %s", end_name,
	    date_format(end, a), start_name, date_format(start, b));
}

static int
check_range(const char *field, double v, double min, double max,
    struct err *e)
{
	if (v > min && v <= max)
		return 0;
	return err_set(e, "%s: %g must be more than %g and at most %g", field,
	    v, min, max);
}

static int
check_date(const char *field, int date, struct err *e)
{
	if (date != DATE_NONE)
		return 0;
	return err_set(e, "%s: is required", field);
}

int
validate_employee(const struct employee *em, const struct settings *st,
    struct err *e)
{
	char q[QUOTE_BUF], list[256] = "";
	size_t n = 0;

	if (em->code[0] == '\0')
		return err_set(e, "code: is required");
	if (em->name[0] == '\0')
		return err_set(e, "name: is required");
	if (check_range("contract_hours", em->contract_hours, 0, 40, e) < 0)
		return -1;
	if ((em->workdays & WORKDAYS_ALL) == 0 ||
	    (em->workdays & ~WORKDAYS_ALL) != 0)
		return err_set(e, "workdays: must be one or more of Monday to "
		    "Friday");
	if (check_date("start", em->start, e) < 0 ||
	    check_order("end", em->end, "start", em->start, e) < 0)
		return -1;
	if (em->discipline[0] == '\0' || st->n_disciplines == 0)
		return 0;
	for (size_t i = 0; i < st->n_disciplines; i++) {
		if (text_equal_nocase(em->discipline, st->disciplines[i]))
			return 0;
		if (n < sizeof list)
			n += (size_t)snprintf(list + n, sizeof list - n,
			    "%s%s", i ? ", " : "", st->disciplines[i]);
	}
	return err_set(e, "discipline: %s is not in the configured list (%s)",
	    quote(em->discipline, q), list);
}

int
validate_absence(const struct absence *a, struct err *e)
{
	if (check_date("start", a->start, e) < 0 ||
	    check_date("end", a->end, e) < 0 ||
	    check_order("end", a->end, "start", a->start, e) < 0)
		return -1;
	if (a->percent < 1 || a->percent > 100)
		return err_set(e, "percent: %d must be from 1 to 100",
		    a->percent);
	return 0;
}

int
validate_activity(const struct activity *a, struct err *e)
{
	if (a->name[0] == '\0')
		return err_set(e, "name: is required");
	if (check_range("hours_per_week", a->hours_per_week, 0, 40, e) < 0)
		return -1;
	if (check_date("start", a->start, e) < 0 ||
	    check_order("end", a->end, "start", a->start, e) < 0)
		return -1;
	return 0;
}

int
validate_case(const struct case_item *c, struct err *e)
{
	char ref[REF_SIZE];

	if (validate_case_ref(c->ref, ref, sizeof ref, e) < 0)
		return err_prefix(e, "ref: ");
	if ((int)c->phase < 0 || c->phase >= PHASE_COUNT)
		return err_set(e, "phase: unknown phase %d", (int)c->phase);
	if (check_date("opened", c->opened, e) < 0 ||
	    check_order("closed", c->closed, "opened", c->opened, e) < 0)
		return -1;
	return 0;
}
