/* settings: see include/settings.h. A file is read into a scratch struct that
 * starts as the defaults; every value is checked as it is copied out of
 * libconfig, and the scratch struct replaces the caller's only when the whole
 * file is good. Errors read "file:line: key: problem". */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libconfig.h>

#include "date.h"
#include "err.h"
#include "settings.h"
#include "text.h"
#include "xmem.h"

#define CASE_TYPES_MAX 64
#define KEY_MAX 128

/* A number in one of the groups, and where it lives in struct settings. */
struct field {
	const char *name;
	bool whole;          /* an int, not a double */
	double lo, hi;
	bool lo_open;        /* lo < v rather than lo <= v */
	bool hi_open;        /* v < hi rather than v <= hi */
	size_t offset;
};

#define F(name, whole, lo, lo_open, hi, hi_open, member) \
	{ name, whole, lo, hi, lo_open, hi_open, \
	    offsetof(struct settings, member) }

static const struct field workweek_fields[] = {
	F("fulltime_hours", false, 1, false, 60, false, fulltime_hours),
	F("overhead_pct", false, 0, false, 100, true, overhead_pct),
};

static const struct field threshold_fields[] = {
	F("room", false, 0, true, 10, false, room),
	F("high", false, 0, true, 10, false, high),
	F("over", false, 0, true, 10, false, over),
	F("sustained_weeks", true, 1, false, 52, false, sustained_weeks),
};

static const struct field intake_fields[] = {
	F("block_hours", false, 0, true, 12, false, block_hours),
	F("followup_hours", false, 0, false, 40, false, followup_hours),
	F("max_blocks_per_week", true, 1, false, 10, false,
	    max_blocks_per_week),
	F("horizon_weeks", true, 1, false, 52, false, horizon_weeks),
};

static const struct field cover_fields[] = {
	F("min_weeks", true, 1, false, 52, false, cover_min_weeks),
	F("max_cases_each", true, 0, false, 1000, false,
	    cover_max_cases_each),
};

static const struct field forecast_fields[] = {
	F("weeks", true, 1, false, 52, false, forecast_weeks),
	F("simulations", true, 100, false, 10000, false,
	    forecast_simulations),
	F("history_weeks", true, 4, false, 104, false,
	    forecast_history_weeks),
};

#undef F

static const char *const top_keys[] = {
	"workweek", "thresholds", "intake", "cover", "forecast", "case_types",
	"phases",
	"holidays", "disciplines", "teams", "keys",
};

static const char *const phase_codes[PHASE_COUNT] = {
	"intake", "actief", "afschalen",
};

static const struct case_type default_case_types[] = {
	{ .code = "JGD", .name = "Jeugd en gezin", .hours = 2.0 },
	{ .code = "JGDC", .name = "Jeugd complex", .hours = 3.5 },
	{ .code = "VOL", .name = "Volwassenen", .hours = 1.5 },
	{ .code = "WMO", .name = "Wmo-voorziening", .hours = 1.0 },
	{ .code = "FIN", .name = "Geldzaken en schulden", .hours = 2.0 },
	{ .code = "HG", .name = "Huiselijk geweld", .hours = 4.0 },
	{ .code = "GGZ", .name = "WvGGZ verkennend onderzoek", .hours = 3.0 },
};

/* Dutch national public holidays 2026 and 2027, with 5 May every year. */
static const int default_holidays[][3] = {
	{ 2026, 1, 1 },		/* Nieuwjaarsdag */
	{ 2026, 4, 3 },		/* Goede Vrijdag */
	{ 2026, 4, 5 },		/* Eerste Paasdag */
	{ 2026, 4, 6 },		/* Tweede Paasdag */
	{ 2026, 4, 27 },	/* Koningsdag */
	{ 2026, 5, 5 },		/* Bevrijdingsdag */
	{ 2026, 5, 14 },	/* Hemelvaartsdag */
	{ 2026, 5, 24 },	/* Eerste Pinksterdag */
	{ 2026, 5, 25 },	/* Tweede Pinksterdag */
	{ 2026, 12, 25 },	/* Eerste Kerstdag */
	{ 2026, 12, 26 },	/* Tweede Kerstdag */
	{ 2027, 1, 1 },
	{ 2027, 3, 26 },
	{ 2027, 3, 28 },
	{ 2027, 3, 29 },
	{ 2027, 4, 27 },
	{ 2027, 5, 5 },
	{ 2027, 5, 6 },
	{ 2027, 5, 16 },
	{ 2027, 5, 17 },
	{ 2027, 12, 25 },
	{ 2027, 12, 26 },
};

/* The TUI's actions as the keys group names them: the names of ui.c's key
 * table, in its order (a UI test checks that both list the same). */
/* The names of the TUI's actions, as the front end's key table has them
 * (settings_key_actions): the keys group may rebind only these. */
static const char *(*action_names)(size_t i);

/* Named keys: each name the keys group takes, first the one shown. */
static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Enter", SETTINGS_KEY_ENTER },
	{ "Return", SETTINGS_KEY_ENTER },
	{ "KEY_ENTER", SETTINGS_KEY_ENTER },
	{ "Tab", '\t' },
	{ "BackTab", SETTINGS_KEY_BACKTAB },
	{ "S-Tab", SETTINGS_KEY_BACKTAB },
	{ "KEY_BTAB", SETTINGS_KEY_BACKTAB },
	{ "Esc", 27 },
	{ "Escape", 27 },
	{ "Space", ' ' },
	{ "Backspace", SETTINGS_KEY_BACKSPACE },
	{ "KEY_BACKSPACE", SETTINGS_KEY_BACKSPACE },
	{ "Up", SETTINGS_KEY_UP },
	{ "KEY_UP", SETTINGS_KEY_UP },
	{ "Down", SETTINGS_KEY_DOWN },
	{ "KEY_DOWN", SETTINGS_KEY_DOWN },
	{ "Left", SETTINGS_KEY_LEFT },
	{ "KEY_LEFT", SETTINGS_KEY_LEFT },
	{ "Right", SETTINGS_KEY_RIGHT },
	{ "KEY_RIGHT", SETTINGS_KEY_RIGHT },
	{ "PgUp", SETTINGS_KEY_PAGE_UP },
	{ "PageUp", SETTINGS_KEY_PAGE_UP },
	{ "KEY_PPAGE", SETTINGS_KEY_PAGE_UP },
	{ "PgDn", SETTINGS_KEY_PAGE_DOWN },
	{ "PageDown", SETTINGS_KEY_PAGE_DOWN },
	{ "KEY_NPAGE", SETTINGS_KEY_PAGE_DOWN },
	{ "Home", SETTINGS_KEY_HOME },
	{ "KEY_HOME", SETTINGS_KEY_HOME },
	{ "End", SETTINGS_KEY_END },
	{ "KEY_END", SETTINGS_KEY_END },
	{ "Insert", SETTINGS_KEY_INSERT },
	{ "Ins", SETTINGS_KEY_INSERT },
	{ "KEY_IC", SETTINGS_KEY_INSERT },
	{ "Delete", SETTINGS_KEY_DELETE },
	{ "Del", SETTINGS_KEY_DELETE },
	{ "KEY_DC", SETTINGS_KEY_DELETE },
};

#define FUNCTION_KEYS_MAX 24

static const char *const default_disciplines[] = {
	"jeugd", "wmo", "volwassenen", "financien", "hg", "ggz",
};

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* The last of lines 1 .. st's line in st's file that holds needle, with
 * *line set; the caller frees it. NULL when there is none. */
static char *
source_find(const config_setting_t *st, const char *needle, unsigned *line)
{
	const char *file = config_setting_source_file(st);
	unsigned last = config_setting_source_line(st);
	char *buf = NULL, *hit = NULL;
	size_t cap = 0;
	FILE *f;

	if (file == NULL || (f = fopen(file, "r")) == NULL)
		return NULL;
	for (unsigned n = 1; n <= last && getline(&buf, &cap, f) != -1; n++)
		if (strstr(buf, needle) != NULL) {
			free(hit);
			hit = xstrdup(buf);
			*line = n;
		}
	free(buf);
	fclose(f);
	return hit;
}

/* The line of st. libconfig dates an array element by the token after it,
 * which for the last element of a column is the line of the "]": look
 * back for the element itself. */
static unsigned
source_line(const config_setting_t *st)
{
	unsigned line = config_setting_source_line(st);
	char *needle, *hit;

	if (config_setting_name(st) != NULL ||
	    config_setting_type(st) != CONFIG_TYPE_STRING)
		return line;
	needle = xasprintf("\"%s\"", config_setting_get_string(st));
	hit = source_find(st, needle, &line);
	free(needle);
	free(hit);
	return line;
}

/* Set e to "file:line: key: problem" for setting st. */
static int __attribute__((format(printf, 5, 6)))
bad(struct err *e, const char *path, const config_setting_t *st,
    const char *key, const char *fmt, ...)
{
	const char *file = config_setting_source_file(st);
	char problem[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(problem, sizeof problem, fmt, ap);
	va_end(ap);
	return err_setx(e, EXIT_CONFIG, "%s:%u: %s: %s", file ? file : path,
	    source_line(st), key, problem);
}

/* libconfig 1.5 wraps integer literals beyond 32 bits silently (NOTES.md):
 * read the literal after "name =" in the source again, so 4294967300 is
 * refused instead of taken as 4. False when it cannot be found. */
static bool
source_int(const config_setting_t *st, long long *out)
{
	const char *name = config_setting_name(st);
	char *text, *p, *end, *digits, *stop;
	bool found = false;
	unsigned line;
	size_t len;

	if (name == NULL || (text = source_find(st, name, &line)) == NULL)
		return false;
	len = strlen(name);
	for (p = strstr(text, name); p != NULL; p = strstr(p + 1, name)) {
		if (p > text && (p[-1] == '_' || isalnum((unsigned char)p[-1])))
			continue;
		end = p + len;
		end += strspn(end, " \t");
		if (*end != '=' && *end != ':')
			continue;
		end++;
		end += strspn(end, " \t");
		digits = end + (*end == '-' || *end == '+');
		errno = 0;
		*out = strtoll(end, &stop, digits[0] == '0' &&
		    (digits[1] == 'x' || digits[1] == 'X') ? 16 : 10);
		found = stop != end;
		if (errno == ERANGE)
			*out = *out < 0 ? LLONG_MIN : LLONG_MAX;
		break;
	}
	free(text);
	return found;
}

/* Read a number (whole when asked) and check lo (<|<=) v (<|<=) hi. */
static int
read_number(const char *path, const config_setting_t *st, const char *key,
    bool whole, double lo, bool lo_open, double hi, bool hi_open, double *out,
    struct err *e)
{
	char shown[64];
	long long i;
	double v;

	switch (config_setting_type(st)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		i = config_setting_get_int64(st);
		if (config_setting_type(st) == CONFIG_TYPE_INT) {
			long long lit;

			if (source_int(st, &lit))
				i = lit;
		}
		snprintf(shown, sizeof shown, "%lld", i);
		v = (double)i;
		break;
	case CONFIG_TYPE_FLOAT:
		v = config_setting_get_float(st);
		snprintf(shown, sizeof shown, "%g", v);
		if (whole && v != floor(v))
			return bad(e, path, st, key, "%s is not a whole number",
			    shown);
		break;
	default:
		return bad(e, path, st, key, "must be a number");
	}
	if (!(lo_open ? v > lo : v >= lo) || !(hi_open ? v < hi : v <= hi))
		return bad(e, path, st, key, "%s is out of range (%s %g, %s %g)",
		    shown, lo_open ? "above" : "at least", lo,
		    hi_open ? "below" : "at most", hi);
	*out = v;
	return 0;
}

/* A string of 1 .. size-1 bytes, copied to out. */
static int
read_string(const char *path, const config_setting_t *st, const char *key,
    char *out, size_t size, struct err *e)
{
	const char *s = config_setting_get_string(st);
	size_t len;

	if (s == NULL)
		return bad(e, path, st, key, "must be a string");
	len = strlen(s);
	if (len == 0)
		return bad(e, path, st, key, "must not be empty");
	if (len >= size)
		return bad(e, path, st, key, "\"%s\" is longer than %zu bytes",
		    s, size - 1);
	memcpy(out, s, len + 1);
	return 0;
}

/* A code of letters, digits, '-', '_', '.' (the rule of validate_code, so
 * what the config lists can be typed). */
static int
read_code(const char *path, const config_setting_t *st, const char *key,
    char *out, struct err *e)
{
	if (read_string(path, st, key, out, SETTINGS_CODE_MAX, e) == -1)
		return -1;
	if (out[strspn(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_.")] != '\0')
		return bad(e, path, st, key, "\"%s\" may hold only letters, "
		    "digits, '-', '_' and '.'", out);
	return 0;
}

/* A name: any UTF-8 but control characters. */
static int
read_name(const char *path, const config_setting_t *st, const char *key,
    char *out, struct err *e)
{
	if (read_string(path, st, key, out, SETTINGS_NAME_MAX, e) == -1)
		return -1;
	for (const char *p = out; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return bad(e, path, st, key,
			    "must not hold control characters");
	return 0;
}

/* A named member of a group, or NULL. */
static const struct field *
find_field(const struct field *fields, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

/* One of the groups workweek, thresholds, intake (absent: keep defaults). */
static int
read_group(const char *path, const config_setting_t *root, const char *group,
    const struct field *fields, size_t n, struct settings *t, struct err *e)
{
	config_setting_t *g = config_setting_get_member(root, group);
	char key[KEY_MAX];

	if (g == NULL)
		return 0;
	if (!config_setting_is_group(g))
		return bad(e, path, g, group, "must be a group { ... }");
	for (int i = 0; i < config_setting_length(g); i++) {
		config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
		const struct field *f = find_field(fields, n,
		    config_setting_name(m));
		double v;

		snprintf(key, sizeof key, "%s.%s", group,
		    config_setting_name(m));
		if (f == NULL)
			return bad(e, path, m, key, "unknown key");
		if (read_number(path, m, key, f->whole, f->lo, f->lo_open,
		    f->hi, f->hi_open, &v, e) == -1)
			return -1;
		if (f->whole)
			*(int *)((char *)t + f->offset) = (int)v;
		else
			*(double *)((char *)t + f->offset) = v;
	}
	return 0;
}

/* room <= high <= over, blaming whichever of a pair the file set. */
static int
check_order(const char *path, const config_setting_t *root,
    const struct settings *t, struct err *e)
{
	config_setting_t *g = config_setting_get_member(root, "thresholds");
	config_setting_t *room, *high, *over;

	if (g == NULL)
		return 0;
	room = config_setting_get_member(g, "room");
	high = config_setting_get_member(g, "high");
	over = config_setting_get_member(g, "over");
	if (t->room > t->high) {
		if (room != NULL)
			return bad(e, path, room, "thresholds.room",
			    "%g is above thresholds.high (%.2f)", t->room,
			    t->high);
		return bad(e, path, high, "thresholds.high",
		    "%g is below thresholds.room (%.2f)", t->high, t->room);
	}
	if (t->high > t->over) {
		if (high != NULL)
			return bad(e, path, high, "thresholds.high",
			    "%g is above thresholds.over (%.2f)", t->high,
			    t->over);
		return bad(e, path, over, "thresholds.over",
		    "%g is below thresholds.high (%.2f)", t->over, t->high);
	}
	return 0;
}

/* Check that every member of group g is one of the n names. */
static int
check_members(const char *path, const config_setting_t *g, const char *key,
    const char *const *names, size_t n, struct err *e)
{
	char k[KEY_MAX];

	for (int i = 0; i < config_setting_length(g); i++) {
		config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(m);
		size_t j;

		for (j = 0; j < n && strcmp(names[j], name) != 0; j++)
			;
		if (j == n) {
			snprintf(k, sizeof k, "%s%s%s", key, *key ? "." : "",
			    name);
			return bad(e, path, m, k, "unknown key");
		}
	}
	return 0;
}

/* Member name of group g, or an error "key: name is missing" at g. */
static config_setting_t *
need_member(const char *path, const config_setting_t *g, const char *key,
    const char *name, struct err *e)
{
	config_setting_t *m = config_setting_get_member(g, name);

	if (m == NULL)
		bad(e, path, g, key, "%s is missing", name);
	return m;
}

/* An array or list of strings into *out (NULL when absent: keep defaults). */
static int
string_list(const char *path, const config_setting_t *root, const char *key,
    config_setting_t **out, struct err *e)
{
	config_setting_t *l = config_setting_get_member(root, key);
	char k[KEY_MAX];

	*out = NULL;
	if (l == NULL)
		return 0;
	if (!config_setting_is_array(l) && !config_setting_is_list(l))
		return bad(e, path, l, key, "must be an array [ \"...\", ... ]");
	for (int i = 0; i < config_setting_length(l); i++) {
		config_setting_t *s = config_setting_get_elem(l, (unsigned)i);

		snprintf(k, sizeof k, "%s[%d]", key, i);
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return bad(e, path, s, k, "must be a string");
	}
	*out = l;
	return 0;
}

/* A case type's disciplines: codes, each once, at most
 * CASE_TYPE_DISCIPLINES (absent: anyone). Checked against the disciplines
 * list once the whole file is read (check_type_disciplines). */
static int
read_type_disciplines(const char *path, const config_setting_t *g,
    const char *key, struct case_type *ct, struct err *e)
{
	config_setting_t *l;
	char k[KEY_MAX + 16];
	int n;

	if (string_list(path, g, "disciplines", &l, e) == -1)
		return -1;
	if (l == NULL)
		return 0;
	if ((n = config_setting_length(l)) > CASE_TYPE_DISCIPLINES)
		return bad(e, path, l, key, "may name at most %d disciplines, "
		    "not %d", CASE_TYPE_DISCIPLINES, n);
	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(l, (unsigned)i);
		snprintf(k, sizeof k, "%s[%d]", key, i);
		if (read_code(path, s, k, ct->disciplines[i], e) == -1)
			return -1;
		for (int j = 0; j < i; j++)
			if (strcmp(ct->disciplines[j], ct->disciplines[i]) == 0)
				return bad(e, path, s, k, "\"%s\" is listed "
				    "twice", ct->disciplines[i]);
	}
	ct->n_disciplines = n;
	return 0;
}

/* Every discipline a case type names is one of the disciplines list (when
 * the list is not empty). */
static int
check_type_disciplines(const char *path, const config_setting_t *root,
    const struct settings *t, struct err *e)
{
	const config_setting_t *l = config_setting_get_member(root,
	    "case_types");
	char k[KEY_MAX];

	if (l == NULL || t->n_disciplines == 0)
		return 0;
	for (size_t i = 0; i < t->n_case_types; i++)
		for (int j = 0; j < t->case_types[i].n_disciplines; j++) {
			const char *d = t->case_types[i].disciplines[j];
			bool known = false;
			for (size_t m = 0; m < t->n_disciplines && !known; m++)
				known = strcmp(t->disciplines[m], d) == 0;
			if (known)
				continue;
			config_setting_t *g = config_setting_get_elem(l,
			    (unsigned)i);
			config_setting_t *s = config_setting_get_elem(
			    config_setting_get_member(g, "disciplines"),
			    (unsigned)j);
			snprintf(k, sizeof k, "case_types[%zu].disciplines[%d]",
			    i, j);
			return bad(e, path, s, k, "\"%s\" is not in the "
			    "disciplines list", d);
		}
	return 0;
}

static int
read_case_types(const char *path, const config_setting_t *root,
    struct settings *t, struct err *e)
{
	static const char *const keys[] = { "code", "name", "hours",
		"disciplines" };
	config_setting_t *l = config_setting_get_member(root, "case_types");
	struct case_type *ct = NULL;
	char key[KEY_MAX];
	int n;

	if (l == NULL)
		return 0;
	n = config_setting_length(l);
	if (!config_setting_is_list(l))
		return bad(e, path, l, "case_types", "must be a list "
		    "( { code = ...; name = ...; hours = ...; }, ... )");
	if (n < 1 || n > CASE_TYPES_MAX)
		return bad(e, path, l, "case_types",
		    "must hold 1 to %d case types, not %d", CASE_TYPES_MAX, n);
	ct = xcalloc((size_t)n, sizeof *ct);
	for (int i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
		config_setting_t *m;

		snprintf(key, sizeof key, "case_types[%d]", i);
		if (!config_setting_is_group(g)) {
			bad(e, path, g, key, "must be a group { ... }");
			goto fail;
		}
		if (check_members(path, g, key, keys, NELEM(keys), e) == -1)
			goto fail;
		snprintf(key, sizeof key, "case_types[%d].code", i);
		if ((m = need_member(path, g, key, "code", e)) == NULL ||
		    read_code(path, m, key, ct[i].code, e) == -1)
			goto fail;
		for (int j = 0; j < i; j++)
			if (strcmp(ct[j].code, ct[i].code) == 0) {
				bad(e, path, m, key, "\"%s\" is listed twice",
				    ct[i].code);
				goto fail;
			}
		snprintf(key, sizeof key, "case_types[%d].name", i);
		if ((m = need_member(path, g, key, "name", e)) == NULL ||
		    read_name(path, m, key, ct[i].name, e) == -1)
			goto fail;
		snprintf(key, sizeof key, "case_types[%d].hours", i);
		if ((m = need_member(path, g, key, "hours", e)) == NULL ||
		    read_number(path, m, key, false, 0, true, 40, false,
		    &ct[i].hours, e) == -1)
			goto fail;
		snprintf(key, sizeof key, "case_types[%d].disciplines", i);
		if (read_type_disciplines(path, g, key, &ct[i], e) == -1)
			goto fail;
	}
	free(t->case_types);
	t->case_types = ct;
	t->n_case_types = (size_t)n;
	return 0;
fail:
	free(ct);
	return -1;
}

static int
read_phases(const char *path, const config_setting_t *root,
    struct settings *t, struct err *e)
{
	static const char *const keys[] = { "code", "factor" };
	config_setting_t *l = config_setting_get_member(root, "phases");
	bool seen[PHASE_COUNT] = { false };
	double factor[PHASE_COUNT];
	char key[KEY_MAX];

	if (l == NULL)
		return 0;
	if (!config_setting_is_list(l))
		return bad(e, path, l, "phases",
		    "must be a list ( { code = ...; factor = ...; }, ... )");
	for (int i = 0; i < config_setting_length(l); i++) {
		config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
		config_setting_t *m;
		const char *code;
		int p;

		snprintf(key, sizeof key, "phases[%d]", i);
		if (!config_setting_is_group(g))
			return bad(e, path, g, key, "must be a group { ... }");
		if (check_members(path, g, key, keys, NELEM(keys), e) == -1)
			return -1;
		snprintf(key, sizeof key, "phases[%d].code", i);
		if ((m = need_member(path, g, key, "code", e)) == NULL)
			return -1;
		if ((code = config_setting_get_string(m)) == NULL)
			return bad(e, path, m, key, "must be a string");
		if ((p = settings_phase_parse(code)) == -1)
			return bad(e, path, m, key, "\"%s\" is not a phase "
			    "(intake, actief or afschalen)", code);
		if (seen[p])
			return bad(e, path, m, key, "\"%s\" is listed twice",
			    code);
		seen[p] = true;
		snprintf(key, sizeof key, "phases[%d].factor", i);
		if ((m = need_member(path, g, key, "factor", e)) == NULL ||
		    read_number(path, m, key, false, 0, false, 10, false,
		    &factor[p], e) == -1)
			return -1;
	}
	for (int p = 0; p < PHASE_COUNT; p++)
		if (!seen[p])
			return bad(e, path, l, "phases", "%s is missing",
			    phase_codes[p]);
	memcpy(t->phase_factor, factor, sizeof factor);
	return 0;
}

static int
compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
read_holidays(const char *path, const config_setting_t *root,
    struct settings *t, struct err *e)
{
	config_setting_t *l;
	struct err de;
	size_t n = 0;
	int *days;

	if (string_list(path, root, "holidays", &l, e) == -1)
		return -1;
	if (l == NULL)
		return 0;
	days = xcalloc((size_t)config_setting_length(l), sizeof *days);
	for (int i = 0; i < config_setting_length(l); i++) {
		config_setting_t *s = config_setting_get_elem(l, (unsigned)i);
		char key[KEY_MAX];

		err_clear(&de);
		if (date_parse(config_setting_get_string(s), &days[i], &de) ==
		    -1) {
			snprintf(key, sizeof key, "holidays[%d]", i);
			free(days);
			return bad(e, path, s, key, "%s", de.msg);
		}
	}
	qsort(days, (size_t)config_setting_length(l), sizeof *days,
	    compare_int);
	for (int i = 0; i < config_setting_length(l); i++)
		if (n == 0 || days[n - 1] != days[i])
			days[n++] = days[i];
	free(t->holidays);
	t->holidays = days;
	t->n_holidays = n;
	return 0;
}

/* disciplines or teams: codes, each once. */
static int
read_codes(const char *path, const config_setting_t *root, const char *key,
    char (**codes)[SETTINGS_CODE_MAX], size_t *n_codes, struct err *e)
{
	char (*c)[SETTINGS_CODE_MAX];
	config_setting_t *l;
	char k[KEY_MAX];
	int n;

	if (string_list(path, root, key, &l, e) == -1)
		return -1;
	if (l == NULL)
		return 0;
	n = config_setting_length(l);
	c = xcalloc((size_t)n, sizeof *c);
	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(l, (unsigned)i);

		snprintf(k, sizeof k, "%s[%d]", key, i);
		if (read_code(path, s, k, c[i], e) == -1)
			goto fail;
		for (int j = 0; j < i; j++)
			if (strcmp(c[j], c[i]) == 0) {
				bad(e, path, s, k, "\"%s\" is listed twice",
				    c[i]);
				goto fail;
			}
	}
	free(*codes);
	*codes = c;
	*n_codes = (size_t)n;
	return 0;
fail:
	free(c);
	return -1;
}

/* A key bound to an action of b[0 .. n-1], or NULL. */
static const struct settings_binding *
key_holder(const struct settings_binding *b, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		for (const int *k = b[i].keys; *k != 0; k++)
			if (*k == key)
				return &b[i];
	return NULL;
}

/* The keys of one action: a string or an array of 1 .. SETTINGS_KEYS_MAX
 * strings, none bound before (in b[0 .. n-1] or earlier in this one). */
static int
read_binding(const char *path, const config_setting_t *m,
    const struct settings_binding *b, size_t n, struct settings_binding *out,
    struct err *e)
{
	bool one = config_setting_type(m) == CONFIG_TYPE_STRING;
	int len = one ? 1 : config_setting_length(m);
	char key[KEY_MAX], name[32];
	size_t k = 0;

	snprintf(key, sizeof key, "keys.%s", config_setting_name(m));
	if (!one && !config_setting_is_array(m) && !config_setting_is_list(m))
		return bad(e, path, m, key,
		    "must be a key name or an array of them [ \"...\", ... ]");
	if (len < 1 || len > SETTINGS_KEYS_MAX)
		return bad(e, path, m, key, "must name 1 to %d keys, not %d",
		    SETTINGS_KEYS_MAX, len);
	for (int i = 0; i < len; i++) {
		const config_setting_t *st = one ? m :
		    config_setting_get_elem(m, (unsigned)i);
		const char *s = config_setting_get_string(st);
		const struct settings_binding *other;
		int code;

		if (s == NULL)
			return bad(e, path, st, key, "must be a key name");
		if ((code = settings_key_parse(s)) == -1)
			return bad(e, path, st, key, "unknown key name \"%s\"",
			    s);
		settings_key_name(code, name, sizeof name);
		if (key_holder(out, 1, code) != NULL)
			return bad(e, path, st, key, "%s is listed twice", name);
		if ((other = key_holder(b, n, code)) != NULL)
			return bad(e, path, st, key, "%s is bound twice: also "
			    "to %s", name, other->action);
		out->keys[k++] = code;
		out->keys[k] = 0;
	}
	return 0;
}

static int
read_keys(const char *path, const config_setting_t *root, struct settings *t,
    struct err *e)
{
	config_setting_t *g = config_setting_get_member(root, "keys");
	struct settings_binding *b;
	char key[KEY_MAX];
	int n;

	if (g == NULL)
		return 0;
	if (!config_setting_is_group(g))
		return bad(e, path, g, "keys", "must be a group { ... }");
	n = config_setting_length(g);
	b = xcalloc(n > 0 ? (size_t)n : 1, sizeof *b);
	for (int i = 0; i < n; i++) {
		config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
		const char *action = config_setting_name(m);
		const char *known;
		size_t j;

		for (j = 0; (known = settings_key_action(j)) != NULL &&
		    strcmp(known, action) != 0; j++)
			;
		if (known == NULL) {
			snprintf(key, sizeof key, "keys.%s", action);
			bad(e, path, m, key, "unknown action");
			goto fail;
		}
		snprintf(b[i].action, sizeof b[i].action, "%s", action);
		if (read_binding(path, m, b, (size_t)i, &b[i], e) == -1)
			goto fail;
	}
	free(t->bindings);
	t->bindings = b;
	t->n_bindings = (size_t)n;
	return 0;
fail:
	free(b);
	return -1;
}

/* Everything in the parsed file over the defaults in t. */
static int
read_config(const char *path, const config_t *cfg, struct settings *t,
    struct err *e)
{
	const config_setting_t *root = config_root_setting(cfg);

	if (check_members(path, root, "", top_keys, NELEM(top_keys), e) == -1)
		return -1;
	if (read_group(path, root, "workweek", workweek_fields,
	    NELEM(workweek_fields), t, e) == -1 ||
	    read_group(path, root, "thresholds", threshold_fields,
	    NELEM(threshold_fields), t, e) == -1 ||
	    check_order(path, root, t, e) == -1 ||
	    read_group(path, root, "intake", intake_fields,
	    NELEM(intake_fields), t, e) == -1 ||
	    read_group(path, root, "cover", cover_fields,
	    NELEM(cover_fields), t, e) == -1 ||
	    read_group(path, root, "forecast", forecast_fields,
	    NELEM(forecast_fields), t, e) == -1 ||
	    read_case_types(path, root, t, e) == -1 ||
	    read_phases(path, root, t, e) == -1 ||
	    read_holidays(path, root, t, e) == -1 ||
	    read_codes(path, root, "disciplines", &t->disciplines,
	    &t->n_disciplines, e) == -1 ||
	    read_codes(path, root, "teams", &t->teams, &t->n_teams, e) == -1 ||
	    read_keys(path, root, t, e) == -1 ||
	    check_type_disciplines(path, root, t, e) == -1)
		return -1;
	return 0;
}

/* Free what s holds and put the defaults in. */
static void
reset(struct settings *s)
{
	settings_clear(s);
	settings_defaults(s);
}

void
settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->fulltime_hours = 36.0;
	s->overhead_pct = 10.0;
	s->room = 0.90;
	s->high = 1.00;
	s->over = 1.10;
	s->sustained_weeks = 4;
	s->block_hours = 4.0;
	s->followup_hours = 4.0;
	s->max_blocks_per_week = 1;
	s->horizon_weeks = 8;
	s->cover_min_weeks = 2;
	s->cover_max_cases_each = 0;
	s->forecast_weeks = 12;
	s->forecast_simulations = 500;
	s->forecast_history_weeks = 26;
	s->n_case_types = NELEM(default_case_types);
	s->case_types = xcalloc(s->n_case_types, sizeof *s->case_types);
	memcpy(s->case_types, default_case_types, sizeof default_case_types);
	s->phase_factor[PHASE_INTAKE] = 1.5;
	s->phase_factor[PHASE_ACTIVE] = 1.0;
	s->phase_factor[PHASE_TAPER] = 0.5;
	s->n_holidays = NELEM(default_holidays);
	s->holidays = xcalloc(s->n_holidays, sizeof *s->holidays);
	for (size_t i = 0; i < s->n_holidays; i++)
		s->holidays[i] = date_from_ymd(default_holidays[i][0],
		    default_holidays[i][1], default_holidays[i][2]);
	s->n_disciplines = NELEM(default_disciplines);
	s->disciplines = xcalloc(s->n_disciplines, sizeof *s->disciplines);
	for (size_t i = 0; i < s->n_disciplines; i++)
		snprintf(s->disciplines[i], sizeof s->disciplines[i], "%s",
		    default_disciplines[i]);
	/* teams stays empty: the Overview shows every team */
}

/* Does line n of the file hold a number with a decimal comma ("15,5")? A
 * Dutch habit that libconfig reports only as "syntax error". */
static bool
has_decimal_comma(const char *path, int n)
{
	char line[1024];
	bool found = false;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return false;
	for (int i = 1; i < n && fgets(line, sizeof line, f) != NULL; i++)
		; /* on to line n */
	if (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "#")] = '\0'; /* not in a comment */
		for (char *p = line; *p && !found; p++)
			found = p > line && isdigit((unsigned char)p[-1]) &&
			    *p == ',' && isdigit((unsigned char)p[1]);
	}
	fclose(f);
	return found;
}

int
settings_load(struct settings *s, const char *path, struct err *e)
{
	struct settings t;
	struct stat sb;
	config_t cfg;
	int saved;

	settings_defaults(&t);
	config_init(&cfg);
	config_set_auto_convert(&cfg, CONFIG_TRUE);
	if (strlen(path) >= sizeof t.path) {
		err_setx(e, EXIT_CONFIG, "%.100s...: path too long", path);
		goto fail;
	}
	/* libconfig fails on a directory without an errno to name it */
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		err_setx(e, EXIT_CONFIG, "%s: cannot read: %s", path,
		    strerror(EISDIR));
		goto fail;
	}
	errno = 0;
	if (!config_read_file(&cfg, path)) {
		saved = errno;
		if (config_error_file(&cfg) == NULL)
			err_setx(e, EXIT_CONFIG, "%s: cannot read: %s", path,
			    strerror(saved ? saved : EIO));
		else
			err_setx(e, EXIT_CONFIG, "%s:%d: %s%s",
			    config_error_file(&cfg), config_error_line(&cfg),
			    config_error_text(&cfg), has_decimal_comma(path,
			    config_error_line(&cfg)) ? " (a decimal comma? "
			    "use a decimal point: 15.5, not 15,5)" : "");
		goto fail;
	}
	if (read_config(path, &cfg, &t, e) == -1)
		goto fail;
	snprintf(t.path, sizeof t.path, "%s", path);
	config_destroy(&cfg);
	settings_clear(s);
	*s = t;
	return 0;
fail:
	config_destroy(&cfg);
	settings_clear(&t);
	reset(s);
	return -1;
}

/* Load path when it exists; *found tells whether it did. A file that exists
 * but cannot be read is an error, not a reason to look further. */
static int
load_if_present(struct settings *s, const char *path, bool *found,
    struct err *e)
{
	struct stat sb;

	*found = false;
	if (stat(path, &sb) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		/* message first: path may point into s */
		err_setx(e, EXIT_CONFIG, "%s: cannot read: %s", path,
		    strerror(errno));
		reset(s);
		return -1;
	}
	*found = true;
	return settings_load(s, path, e);
}

int
settings_find_and_load(struct settings *s, const char *explicit_path,
    struct err *e)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char path[SETTINGS_PATH_MAX];
	bool found;

	if (explicit_path != NULL) {
		if (load_if_present(s, explicit_path, &found, e) == -1)
			return -1;
		if (!found) {
			err_setx(e, EXIT_CONFIG, "%s: no such file",
			    explicit_path);
			reset(s);
			return -1;
		}
		return 0;
	}
	path[0] = '\0';
	if (xdg != NULL && *xdg != '\0')
		snprintf(path, sizeof path, "%s/wijklast/wijklast.cfg", xdg);
	else if (home != NULL && *home != '\0')
		snprintf(path, sizeof path, "%s/.config/wijklast/wijklast.cfg",
		    home);
	if (path[0] != '\0') {
		if (load_if_present(s, path, &found, e) == -1)
			return -1;
		if (found)
			return 0;
	}
	if (load_if_present(s, "/etc/wijklast/wijklast.cfg", &found, e) == -1)
		return -1;
	if (!found)
		reset(s);
	return 0;
}

void
settings_clear(struct settings *s)
{
	free(s->case_types);
	free(s->holidays);
	free(s->disciplines);
	free(s->teams);
	free(s->bindings);
	memset(s, 0, sizeof *s);
}

const char *
settings_phase_code(enum phase p)
{
	return (unsigned)p < PHASE_COUNT ? phase_codes[p] : "";
}

int
settings_phase_parse(const char *code)
{
	for (int p = 0; code != NULL && p < PHASE_COUNT; p++)
		if (strcmp(phase_codes[p], code) == 0)
			return p;
	return -1;
}

const struct case_type *
settings_case_type(const struct settings *s, const char *code)
{
	for (size_t i = 0; code != NULL && i < s->n_case_types; i++)
		if (strcmp(s->case_types[i].code, code) == 0)
			return &s->case_types[i];
	return NULL;
}

bool
settings_may_hold(const struct case_type *ct, const char *discipline)
{
	if (ct == NULL || ct->n_disciplines == 0)
		return true;
	for (int i = 0; i < ct->n_disciplines; i++)
		if (text_equal_nocase(ct->disciplines[i], discipline))
			return true;
	return false;
}

bool
settings_is_holiday(const struct settings *s, int date)
{
	return s->n_holidays > 0 && bsearch(&date, s->holidays, s->n_holidays,
	    sizeof *s->holidays, compare_int) != NULL;
}

void
settings_key_actions(const char *(*names)(size_t i))
{
	action_names = names;
}

const char *
settings_key_action(size_t i)
{
	return action_names != NULL ? action_names(i) : NULL;
}

/* "F2" or "KEY_F(2)": the function key's number, or -1. */
static int
function_key(const char *name)
{
	const char *digits = NULL;
	char *end;
	long n;

	if ((name[0] == 'F' || name[0] == 'f') && isdigit((unsigned char)name[1]))
		digits = name + 1;
	else if (strncmp(name, "KEY_F(", 6) == 0)
		digits = name + 6;
	if (digits == NULL || !isdigit((unsigned char)*digits))
		return -1;
	n = strtol(digits, &end, 10);
	if (strcmp(end, digits == name + 1 ? "" : ")") != 0 || n < 1 ||
	    n > FUNCTION_KEYS_MAX)
		return -1;
	return (int)n;
}

/* A control key ("^R", "C-r", "Ctrl-R", "Ctrl+R") as its code, or -1. */
static int
control_key(const char *name)
{
	const char *c;

	if (name[0] == '^' && name[1] != '\0')
		c = name + 1;
	else if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-')
		c = name + 2;
	else if (strncasecmp(name, "Ctrl-", 5) == 0 ||
	    strncasecmp(name, "Ctrl+", 5) == 0)
		c = name + 5;
	else
		return -1;
	if (c[0] == '\0' || c[1] != '\0' ||
	    (!isalpha((unsigned char)c[0]) && strchr("[\\]^_", c[0]) == NULL))
		return -1;
	return toupper((unsigned char)c[0]) & 0x1f;
}

int
settings_key_parse(const char *name)
{
	int k;

	if (name == NULL || name[0] == '\0')
		return -1;
	if (name[1] == '\0')
		return name[0] > ' ' && name[0] < 0x7f ? name[0] : -1;
	for (size_t i = 0; i < NELEM(key_names); i++)
		if (strcasecmp(key_names[i].name, name) == 0)
			return key_names[i].key;
	if ((k = function_key(name)) != -1)
		return SETTINGS_KEY_F(k);
	/* the same key, one code: ^M is Enter, ^H Backspace */
	switch ((k = control_key(name))) {
	case '\r':
	case '\n':
		return SETTINGS_KEY_ENTER;
	case '\b':
		return SETTINGS_KEY_BACKSPACE;
	default:
		return k;
	}
}

char *
settings_key_name(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < NELEM(key_names); i++)
		if (key_names[i].key == key) {
			snprintf(buf, size, "%s", key_names[i].name);
			return buf;
		}
	if (key > SETTINGS_KEY_F0 && key <= SETTINGS_KEY_F(FUNCTION_KEYS_MAX))
		snprintf(buf, size, "F%d", key - SETTINGS_KEY_F0);
	else if (key > 0 && key < ' ')
		snprintf(buf, size, "^%c", key + '@');
	else if (key > ' ' && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "?");
	return buf;
}
