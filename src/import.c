/* import: CSV files into the store, all or nothing (SPEC §9). Three passes:
 * the header is matched to the kind's columns; every row is parsed and
 * checked, its problems collected as "FILE:LINE: column: problem"; only when
 * no row is bad are the rows written, in one transaction. References and
 * duplicate keys are looked up in hash maps built from the dataset, so a big
 * file costs linear time. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "date.h"
#include "dump.h"
#include "err.h"
#include "import.h"
#include "store.h"
#include "text.h"
#include "validate.h"
#include "xmem.h"

#define MAX_COLUMNS 8
#define PROBLEMS_SHOWN 100 /* lines listed; the rest are counted */
#define KEY_SIZE (NAME_SIZE + 64)

static const char *const kind_names[IMPORT_KIND_COUNT] = {
	[IMPORT_TEAMS] = "teams",
	[IMPORT_EMPLOYEES] = "employees",
	[IMPORT_CASES] = "cases",
	[IMPORT_ACTIVITIES] = "activities",
	[IMPORT_ABSENCES] = "absences",
	[IMPORT_ROTA] = "rota",
	[IMPORT_BLOCKS] = "blocks",
};

struct column {
	const char *name;
	bool optional; /* the column may be left out */
};

/* The columns of each kind, in the order of SPEC §9; the enums below index
 * them. */
static const struct column columns[IMPORT_KIND_COUNT][MAX_COLUMNS] = {
	[IMPORT_TEAMS] = { { "code", false }, { "name", false },
	    { "area", true } },
	[IMPORT_EMPLOYEES] = { { "code", false }, { "name", false },
	    { "team", false }, { "discipline", true },
	    { "contract_hours", false }, { "workdays", true },
	    { "start", false }, { "end", true } },
	[IMPORT_CASES] = { { "ref", false }, { "team", false },
	    { "employee", true }, { "type", false }, { "phase", false },
	    { "opened", false }, { "closed", true } },
	[IMPORT_ACTIVITIES] = { { "employee", false }, { "name", false },
	    { "kind", true }, { "hours_per_week", false }, { "start", false },
	    { "end", true } },
	[IMPORT_ABSENCES] = { { "employee", false }, { "start", false },
	    { "end", false }, { "percent", false }, { "reason", true } },
	[IMPORT_ROTA] = { { "team", false }, { "weekday", false },
	    { "part", false }, { "hours", true } },
	[IMPORT_BLOCKS] = { { "team", false }, { "date", false },
	    { "part", false }, { "employee", true }, { "locked", true },
	    { "hours", true } },
};

enum { T_CODE, T_NAME, T_AREA };
enum { E_CODE, E_NAME, E_TEAM, E_DISCIPLINE, E_CONTRACT, E_WORKDAYS,
	E_START, E_END };
enum { C_REF, C_TEAM, C_EMPLOYEE, C_TYPE, C_PHASE, C_OPENED, C_CLOSED };
enum { AC_EMPLOYEE, AC_NAME, AC_KIND, AC_HOURS, AC_START, AC_END };
enum { AB_EMPLOYEE, AB_START, AB_END, AB_PERCENT, AB_REASON };
enum { R_TEAM, R_WEEKDAY, R_PART, R_HOURS };
enum { B_TEAM, B_DATE, B_PART, B_EMPLOYEE, B_LOCKED, B_HOURS };

/* A string -> long hash map (open addressing); keys are copied. */
struct keymap {
	char **keys;
	long *values;
	size_t n, cap;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static size_t
keymap_slot(const struct keymap *m, const char *key)
{
	size_t i = hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The value of key, or NULL. */
static long *
keymap_find(const struct keymap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = keymap_slot(m, key);
	return m->keys[i] ? &m->values[i] : NULL;
}

/* Add key with value unless it is there already. */
static void
keymap_put(struct keymap *m, const char *key, long value)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		struct keymap big = { 0 };

		big.cap = m->cap ? 2 * m->cap : 64;
		big.keys = xcalloc(big.cap, sizeof *big.keys);
		big.values = xcalloc(big.cap, sizeof *big.values);
		for (i = 0; i < m->cap; i++) {
			if (m->keys[i] == NULL)
				continue;
			size_t j = keymap_slot(&big, m->keys[i]);
			big.keys[j] = m->keys[i];
			big.values[j] = m->values[i];
		}
		big.n = m->n;
		free(m->keys);
		free(m->values);
		*m = big;
	}
	i = keymap_slot(m, key);
	if (m->keys[i] != NULL)
		return;
	m->keys[i] = xstrdup(key);
	m->values[i] = value;
	m->n++;
}

static void
keymap_free(struct keymap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->values);
	memset(m, 0, sizeof *m);
}

/* The records (cases or intake blocks) each employee holds, by dataset
 * index: those of employee i are items[first[i] .. first[i + 1]). */
struct held {
	size_t *first, *items;
};

/* One parsed data row, kept until the write. */
struct row {
	long line;
	long existing; /* IMPORT_UPDATE: index in d of the record it updates,
			* or -1 for a new one */
	bool changed;  /* it differs from that record */
	union {
		struct team team;
		struct employee employee;
		struct case_item c;
		struct activity activity;
		struct absence absence;
		struct rota_entry rota;
		struct block block;
	} u;
};

struct import {
	const struct dataset *d;
	const struct settings *s;
	enum import_kind kind;
	const char *path;
	int map[MAX_COLUMNS]; /* column -> field of the record, -1 if absent */
	size_t n_fields;      /* fields in the header */
	struct csv_record rec;
	bool row_bad;
	struct keymap teams, employees; /* code -> index in d */
	struct keymap rota;             /* rota key -> index in d */
	struct keymap keys; /* unique keys -> first line, 0 in the database */
	bool update;            /* a sync (import_options) */
	int today;
	struct keymap existing; /* update: unique key -> index in d */
	struct held cases_held, blocks_held; /* update of employees */
	char *diff;             /* update: what changes, a line per record */
	size_t diff_len, diff_cap, added, changed, unchanged;
	struct row *rows;
	size_t n_rows, cap_rows;
	size_t n_read;  /* data records, good or bad */
	size_t bad_rows;
	bool header_bad;
	char *problems;
	size_t len, cap, n_problems;
	/* progress (import_options): the file's size, the share of the
	 * reading, the fraction last reported */
	const struct import_options *opt;
	long size;
	double read_share, reported;
};

/* Note a problem of the current record; column may be NULL. */
static void __attribute__((format(printf, 3, 4)))
problem(struct import *im, const char *column, const char *fmt, ...)
{
	char msg[1024], *text;
	va_list ap;
	size_t n;

	im->row_bad = true;
	if (++im->n_problems > PROBLEMS_SHOWN)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	text = xasprintf("%s:%ld: %s%s%s\n", im->path, im->rec.line,
	    column ? column : "", column ? ": " : "", msg);
	n = strlen(text);
	XGROW(im->problems, im->cap, im->len + n + 1);
	memcpy(im->problems + im->len, text, n + 1);
	im->len += n;
	free(text);
}

static const char *
col_name(const struct import *im, int col)
{
	return columns[im->kind][col].name;
}

/* A validator's complaint about column col. */
static void
bad(struct import *im, int col, const struct err *e)
{
	problem(im, col_name(im, col), "%s", e->msg);
}

/* The cell of column col in the current record ("" when absent). */
static const char *
cell(const struct import *im, int col)
{
	return im->map[col] < 0 ? "" : im->rec.fields[im->map[col]];
}

/* Is s valid UTF-8 (control characters allowed)? */
static bool
is_utf8(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	while (*s) {
		int n = *s < 0x80 ? 0 : *s >= 0xc2 && *s <= 0xdf ? 1 :
		    *s >= 0xe0 && *s <= 0xef ? 2 : *s >= 0xf0 && *s <= 0xf4 ?
		    3 : -1;
		uint32_t c;

		if (n < 0)
			return false; /* before the shift: 0x3f >> -1 is undefined */
		c = *s & (n ? 0x3f >> n : 0x7f);
		for (int i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return false;
			c = c << 6 | (s[i] & 0x3f);
		}
		if ((n == 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
		    (n == 3 && (c < 0x10000 || c > 0x10ffff)))
			return false;
		s += n + 1;
	}
	return true;
}

/* Report the fields that are not UTF-8 (names: the column of each field,
 * or NULL for the header). Returns false when there are any. */
static bool
utf8_record(struct import *im, const char *const *names)
{
	bool ok = true;

	for (size_t i = 0; i < im->rec.n; i++) {
		if (is_utf8(im->rec.fields[i]))
			continue;
		if (names != NULL)
			problem(im, names[i], "not valid UTF-8 (save the file "
			    "as \"CSV UTF-8\")");
		else
			problem(im, NULL, "field %zu: not valid UTF-8 (save "
			    "the file as \"CSV UTF-8\")", i + 1);
		ok = false;
	}
	return ok;
}

/* --- the header --- */

static void
column_list(const struct import *im, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int c = 0; c < MAX_COLUMNS && columns[im->kind][c].name; c++) {
		if (n >= size)
			break;
		n += (size_t)snprintf(buf + n, size - n, "%s%s", c ? "," : "",
		    columns[im->kind][c].name);
	}
}

/* Map the header's fields to the kind's columns. Returns -1 after noting
 * every problem. */
static int
read_header(struct import *im)
{
	const struct column *cols = columns[im->kind];
	char list[128];
	size_t before = im->n_problems;

	column_list(im, list, sizeof list);
	for (int c = 0; c < MAX_COLUMNS; c++)
		im->map[c] = -1;
	for (size_t i = 0; i < im->rec.n; i++)
		text_trim(im->rec.fields[i]);
	if (!utf8_record(im, NULL))
		return -1;
	im->n_fields = im->rec.n;
	for (size_t i = 0; i < im->rec.n; i++) {
		const char *name = im->rec.fields[i];
		int c;

		for (c = 0; c < MAX_COLUMNS && cols[c].name; c++)
			if (text_equal_nocase(name, cols[c].name))
				break;
		if (*name == '\0') {
			problem(im, NULL, "column %zu has no name (%s has "
			    "columns %s)", i + 1, kind_names[im->kind], list);
		} else if (c == MAX_COLUMNS || cols[c].name == NULL) {
			problem(im, name, "unknown column (%s has columns %s)",
			    kind_names[im->kind], list);
		} else if (im->map[c] >= 0) {
			problem(im, name, "duplicate column (also column %d)",
			    im->map[c] + 1);
		} else {
			im->map[c] = (int)i;
		}
	}
	for (int c = 0; c < MAX_COLUMNS && cols[c].name; c++)
		if (im->map[c] < 0 && !cols[c].optional)
			problem(im, cols[c].name, "required column missing");
	return im->n_problems == before ? 0 : -1;
}

/* --- lookups --- */

static void
index_dataset(struct import *im)
{
	const struct dataset *d = im->d;
	char key[KEY_SIZE];

	for (size_t i = 0; i < d->n_teams; i++)
		keymap_put(&im->teams, d->teams[i].code, (long)i);
	for (size_t i = 0; i < d->n_employees; i++)
		keymap_put(&im->employees, d->employees[i].code, (long)i);
	for (size_t i = 0; i < d->n_rota; i++) {
		snprintf(key, sizeof key, "%lld/%d/%d",
		    (long long)d->rota[i].team_id, d->rota[i].weekday,
		    (int)d->rota[i].part);
		keymap_put(&im->rota, key, (long)i);
	}
}

/* The team of the code in column col, or NULL after noting why. */
static const struct team *
team_ref(struct import *im, int col)
{
	char code[CODE_SIZE];
	struct err e;
	long *i;

	if (validate_code(cell(im, col), code, sizeof code, &e) < 0) {
		bad(im, col, &e);
		return NULL;
	}
	i = keymap_find(&im->teams, code);
	if (i == NULL) {
		problem(im, col_name(im, col), "no team \"%s\" (import the "
		    "teams first)", code);
		return NULL;
	}
	return &im->d->teams[*i];
}

/* The employee of the code in column col into *out (NULL for an empty
 * optional cell). Returns -1 after noting why. */
static int
employee_ref(struct import *im, int col, bool optional,
    const struct employee **out)
{
	char code[CODE_SIZE];
	struct err e;
	long *i;

	*out = NULL;
	if (optional && *cell(im, col) == '\0')
		return 0;
	if (validate_code(cell(im, col), code, sizeof code, &e) < 0) {
		bad(im, col, &e);
		return -1;
	}
	i = keymap_find(&im->employees, code);
	if (i == NULL) {
		problem(im, col_name(im, col), "no employee \"%s\" (import "
		    "the employees first)", code);
		return -1;
	}
	*out = &im->d->employees[*i];
	return 0;
}

/* Is em in team t? Notes the problem when not. */
static bool
is_member(struct import *im, int col, const struct employee *em,
    const struct team *t)
{
	long other;

	if (em->team_id == t->id)
		return true;
	other = dataset_team_index(im->d, em->team_id);
	problem(im, col_name(im, col), "\"%s\" is in team %s, not %s",
	    em->code, other >= 0 ? im->d->teams[other].code : "?", t->code);
	return false;
}

/* --- the kinds: parse the current record into r --- */

static void
parse_team(struct import *im, struct team *t)
{
	struct err e;

	if (validate_code(cell(im, T_CODE), t->code, sizeof t->code, &e) < 0)
		bad(im, T_CODE, &e);
	if (validate_text(cell(im, T_NAME), false, t->name, sizeof t->name,
	    &e) < 0)
		bad(im, T_NAME, &e);
	if (validate_text(cell(im, T_AREA), true, t->area, sizeof t->area,
	    &e) < 0)
		bad(im, T_AREA, &e);
}

static void
parse_employee(struct import *im, struct employee *em)
{
	const struct team *t;
	struct err e;

	if (validate_code(cell(im, E_CODE), em->code, sizeof em->code, &e) < 0)
		bad(im, E_CODE, &e);
	if (validate_text(cell(im, E_NAME), false, em->name, sizeof em->name,
	    &e) < 0)
		bad(im, E_NAME, &e);
	if ((t = team_ref(im, E_TEAM)) != NULL)
		em->team_id = t->id;
	if (validate_text(cell(im, E_DISCIPLINE), true, em->discipline,
	    sizeof em->discipline, &e) < 0)
		bad(im, E_DISCIPLINE, &e);
	if (validate_hours(cell(im, E_CONTRACT), 0, false, 40,
	    &em->contract_hours, &e) < 0)
		bad(im, E_CONTRACT, &e);
	if (validate_workdays(cell(im, E_WORKDAYS), &em->workdays, &e) < 0)
		bad(im, E_WORKDAYS, &e);
	if (validate_date(cell(im, E_START), false, &em->start, &e) < 0)
		bad(im, E_START, &e);
	if (validate_date(cell(im, E_END), true, &em->end, &e) < 0)
		bad(im, E_END, &e);
	if (!im->row_bad && validate_employee(em, im->s, &e) < 0)
		problem(im, NULL, "%s", e.msg);
}

static void
parse_case(struct import *im, struct case_item *c)
{
	const struct team *t;
	const struct employee *em;
	struct err e;

	if (validate_case_ref(cell(im, C_REF), c->ref, sizeof c->ref, &e) < 0)
		bad(im, C_REF, &e);
	if ((t = team_ref(im, C_TEAM)) != NULL)
		c->team_id = t->id;
	if (employee_ref(im, C_EMPLOYEE, true, &em) == 0 && em != NULL &&
	    t != NULL && is_member(im, C_EMPLOYEE, em, t))
		c->employee_id = em->id;
	if (validate_case_type(cell(im, C_TYPE), im->s, c->type,
	    sizeof c->type, &e) < 0)
		bad(im, C_TYPE, &e);
	if (validate_phase(cell(im, C_PHASE), &c->phase, &e) < 0)
		bad(im, C_PHASE, &e);
	if (validate_date(cell(im, C_OPENED), false, &c->opened, &e) < 0)
		bad(im, C_OPENED, &e);
	if (validate_date(cell(im, C_CLOSED), true, &c->closed, &e) < 0)
		bad(im, C_CLOSED, &e);
	if (!im->row_bad && validate_case(c, &e) < 0)
		problem(im, NULL, "%s", e.msg);
}

static void
parse_activity(struct import *im, struct activity *a)
{
	const struct employee *em;
	struct err e;

	if (employee_ref(im, AC_EMPLOYEE, false, &em) == 0)
		a->employee_id = em->id;
	if (validate_text(cell(im, AC_NAME), false, a->name, sizeof a->name,
	    &e) < 0)
		bad(im, AC_NAME, &e);
	if (validate_text(cell(im, AC_KIND), true, a->kind, sizeof a->kind,
	    &e) < 0)
		bad(im, AC_KIND, &e);
	if (validate_hours(cell(im, AC_HOURS), 0, false, 40,
	    &a->hours_per_week, &e) < 0)
		bad(im, AC_HOURS, &e);
	if (validate_date(cell(im, AC_START), false, &a->start, &e) < 0)
		bad(im, AC_START, &e);
	if (validate_date(cell(im, AC_END), true, &a->end, &e) < 0)
		bad(im, AC_END, &e);
	if (!im->row_bad && validate_activity(a, &e) < 0)
		problem(im, NULL, "%s", e.msg);
}

static void
parse_absence(struct import *im, struct absence *a)
{
	const struct employee *em;
	struct err e;

	if (employee_ref(im, AB_EMPLOYEE, false, &em) == 0)
		a->employee_id = em->id;
	if (validate_date(cell(im, AB_START), false, &a->start, &e) < 0)
		bad(im, AB_START, &e);
	if (validate_date(cell(im, AB_END), false, &a->end, &e) < 0)
		bad(im, AB_END, &e);
	if (validate_percent(cell(im, AB_PERCENT), &a->percent, &e) < 0)
		bad(im, AB_PERCENT, &e);
	if (validate_text(cell(im, AB_REASON), true, a->reason,
	    sizeof a->reason, &e) < 0)
		bad(im, AB_REASON, &e);
	if (!im->row_bad && validate_absence(a, &e) < 0)
		problem(im, NULL, "%s", e.msg);
}

/* Intake hours of a rota entry or block, like the store. */
static void
parse_block_hours(struct import *im, int col, double *out)
{
	struct err e;

	if (*cell(im, col) != '\0' &&
	    validate_hours(cell(im, col), 0, false,
	    VALIDATE_INTAKE_HOURS_MAX, out, &e) < 0)
		bad(im, col, &e);
}

static void
parse_rota(struct import *im, struct rota_entry *r)
{
	const struct team *t;
	struct err e;

	if ((t = team_ref(im, R_TEAM)) != NULL)
		r->team_id = t->id;
	if (validate_weekday(cell(im, R_WEEKDAY), &r->weekday, &e) < 0)
		bad(im, R_WEEKDAY, &e);
	if (validate_part(cell(im, R_PART), &r->part, &e) < 0)
		bad(im, R_PART, &e);
	r->hours = im->s->block_hours;
	parse_block_hours(im, R_HOURS, &r->hours);
}

static void
parse_block(struct import *im, struct block *b)
{
	const struct team *t;
	const struct employee *em;
	char key[KEY_SIZE], day[DATE_BUF];
	struct err e;
	long *rota;

	if ((t = team_ref(im, B_TEAM)) != NULL)
		b->team_id = t->id;
	if (validate_date(cell(im, B_DATE), false, &b->date, &e) < 0)
		bad(im, B_DATE, &e);
	else if (date_weekday(b->date) > 5)
		problem(im, col_name(im, B_DATE), "%s is a %s; intake blocks "
		    "are on weekdays", date_format(b->date, day),
		    date_weekday(b->date) == 6 ? "Saturday" : "Sunday");
	if (validate_part(cell(im, B_PART), &b->part, &e) < 0)
		bad(im, B_PART, &e);
	if (employee_ref(im, B_EMPLOYEE, true, &em) == 0 && em != NULL &&
	    t != NULL && is_member(im, B_EMPLOYEE, em, t))
		b->employee_id = em->id;
	if (validate_bool(cell(im, B_LOCKED), &b->locked, &e) < 0)
		bad(im, B_LOCKED, &e);
	/* Default hours: the team's rota for that slot, else the config. */
	b->hours = im->s->block_hours;
	if (!im->row_bad) {
		snprintf(key, sizeof key, "%lld/%d/%d", (long long)b->team_id,
		    date_weekday(b->date), (int)b->part);
		if ((rota = keymap_find(&im->rota, key)) != NULL)
			b->hours = im->d->rota[*rota].hours;
	}
	parse_block_hours(im, B_HOURS, &b->hours);
}

/* --- duplicate keys --- */

static const char *
code_of_team(const struct import *im, int64_t id)
{
	long i = dataset_team_index(im->d, id);

	return i >= 0 ? im->d->teams[i].code : "?";
}

static const char *
code_of_employee(const struct import *im, int64_t id)
{
	long i = dataset_employee_index(im->d, id);

	return i >= 0 ? im->d->employees[i].code : "?";
}

/* The unique key of record r of the import's kind into key, and how to show
 * it to a person (columns, value) into cols and shown. */
static void
unique_key(const struct import *im, const void *r, char *key,
    const char **cols, char *shown)
{
	char a[DATE_BUF], b[DATE_BUF];

	switch (im->kind) {
	case IMPORT_TEAMS: {
		const struct team *t = r;

		*cols = "code";
		/* Unique regardless of case, like the database (schema 2). */
		snprintf(key, KEY_SIZE, "%s", t->code);
		for (char *k = key; *k; k++)
			if (*k >= 'a' && *k <= 'z')
				*k = (char)(*k - 'a' + 'A'); /* ASCII, any locale */
		snprintf(shown, KEY_SIZE, "team \"%s\"", t->code);
		break;
	}
	case IMPORT_EMPLOYEES: {
		const struct employee *em = r;

		*cols = "code";
		snprintf(key, KEY_SIZE, "%s", em->code);
		snprintf(shown, KEY_SIZE, "employee \"%s\"", em->code);
		break;
	}
	case IMPORT_CASES: {
		const struct case_item *c = r;

		*cols = "ref";
		snprintf(key, KEY_SIZE, "%s", c->ref);
		snprintf(shown, KEY_SIZE, "case \"%s\"", c->ref);
		break;
	}
	case IMPORT_ACTIVITIES: {
		const struct activity *ac = r;

		*cols = "employee,name,start";
		snprintf(key, KEY_SIZE, "%lld/%d/%s",
		    (long long)ac->employee_id, ac->start, ac->name);
		snprintf(shown, KEY_SIZE, "%s \"%s\" %s",
		    code_of_employee(im, ac->employee_id), ac->name,
		    date_format(ac->start, a));
		break;
	}
	case IMPORT_ABSENCES: {
		const struct absence *ab = r;

		/* a sync updates the end of an absence by its start */
		*cols = im->update ? "employee,start" : "employee,start,end";
		snprintf(key, KEY_SIZE, "%lld/%d/%d",
		    (long long)ab->employee_id, ab->start,
		    im->update ? 0 : ab->end);
		snprintf(shown, KEY_SIZE, "%s %s %s",
		    code_of_employee(im, ab->employee_id),
		    date_format(ab->start, a), date_format(ab->end, b));
		break;
	}
	case IMPORT_ROTA: {
		const struct rota_entry *ro = r;

		*cols = "team,weekday,part";
		snprintf(key, KEY_SIZE, "%lld/%d/%d", (long long)ro->team_id,
		    ro->weekday, (int)ro->part);
		char day[8]; /* "di", as the file may spell it: a name */
		dataset_workdays_format(1u << (ro->weekday - 1), day,
		    sizeof day);
		snprintf(shown, KEY_SIZE, "%s %s %s",
		    code_of_team(im, ro->team_id), day,
		    dataset_part_code(ro->part));
		break;
	}
	case IMPORT_BLOCKS:
	default: {
		const struct block *bl = r;

		*cols = "team,date,part";
		snprintf(key, KEY_SIZE, "%lld/%d/%d", (long long)bl->team_id,
		    bl->date, (int)bl->part);
		snprintf(shown, KEY_SIZE, "%s %s %s",
		    code_of_team(im, bl->team_id), date_format(bl->date, a),
		    dataset_part_code(bl->part));
		break;
	}
	}
}

const void *
import_records(const struct dataset *d, enum import_kind kind, size_t *n,
    size_t *size)
{
	switch (kind) {
	case IMPORT_TEAMS:
		*n = d->n_teams, *size = sizeof *d->teams;
		return d->teams;
	case IMPORT_EMPLOYEES:
		*n = d->n_employees, *size = sizeof *d->employees;
		return d->employees;
	case IMPORT_CASES:
		*n = d->n_cases, *size = sizeof *d->cases;
		return d->cases;
	case IMPORT_ACTIVITIES:
		*n = d->n_activities, *size = sizeof *d->activities;
		return d->activities;
	case IMPORT_ABSENCES:
		*n = d->n_absences, *size = sizeof *d->absences;
		return d->absences;
	case IMPORT_ROTA:
		*n = d->n_rota, *size = sizeof *d->rota;
		return d->rota;
	case IMPORT_BLOCKS:
	default:
		*n = d->n_blocks, *size = sizeof *d->blocks;
		return d->blocks;
	}
}

/* The records of d of the import's kind, to find duplicates against. */
static void
index_keys(struct import *im)
{
	char key[KEY_SIZE], shown[KEY_SIZE];
	const char *cols;
	size_t n, size;
	const char *base = import_records(im->d, im->kind, &n, &size);

	for (size_t i = 0; i < n; i++) {
		unique_key(im, base + i * size, key, &cols, shown);
		if (im->update)
			keymap_put(&im->existing, key, (long)i);
		else
			keymap_put(&im->keys, key, 0);
	}
}

/* Note a problem when the row's key is on an earlier line or (without
 * update) in the database; with it, find the record it updates. */
static void
check_unique(struct import *im, struct row *row)
{
	char key[KEY_SIZE], shown[KEY_SIZE];
	const char *cols;
	long *first, *found;

	unique_key(im, &row->u, key, &cols, shown);
	row->existing = -1;
	if (im->update && (found = keymap_find(&im->existing, key)) != NULL)
		row->existing = *found;
	first = keymap_find(&im->keys, key);
	if (first == NULL)
		keymap_put(&im->keys, key, im->rec.line);
	else if (*first == 0)
		problem(im, cols, "%s already exists", shown);
	else
		problem(im, cols, "%s already on line %ld", shown, *first);
}

/* --- a sync: what a row changes --- */

/* The record of kind at index i of d. */
static const void *
record_at(const struct dataset *d, enum import_kind kind, long i)
{
	size_t n, size;
	const char *base = import_records(d, kind, &n, &size);

	return base + (size_t)i * size;
}

/* The row becomes an update of the record it matches: its id and version
 * (and what the file has no column for: a case's origin block). */
static void
take_identity(struct import *im, struct row *row, const void *old)
{
	switch (im->kind) {
	case IMPORT_TEAMS: {
		const struct team *o = old;
		row->u.team.id = o->id, row->u.team.version = o->version;
		break;
	}
	case IMPORT_EMPLOYEES: {
		const struct employee *o = old;
		row->u.employee.id = o->id;
		row->u.employee.version = o->version;
		break;
	}
	case IMPORT_CASES: {
		const struct case_item *o = old;
		row->u.c.id = o->id, row->u.c.version = o->version;
		row->u.c.origin_block = o->origin_block;
		row->u.c.cover_from = o->cover_from;
		break;
	}
	case IMPORT_ACTIVITIES: {
		const struct activity *o = old;
		row->u.activity.id = o->id;
		row->u.activity.version = o->version;
		break;
	}
	case IMPORT_ABSENCES: {
		const struct absence *o = old;
		row->u.absence.id = o->id;
		row->u.absence.version = o->version;
		break;
	}
	case IMPORT_ROTA: {
		const struct rota_entry *o = old;
		row->u.rota.id = o->id, row->u.rota.version = o->version;
		break;
	}
	case IMPORT_BLOCKS:
	default: {
		const struct block *o = old;
		row->u.block.id = o->id, row->u.block.version = o->version;
		break;
	}
	}
}

/* How a person recognises the record: "DEP04 Sanne Bos", "Z-2026-0042",
 * "N1 2026-11-26", "NRD di middag". */
static void
row_label(enum import_kind kind, char f[][DUMP_FIELD], char *buf,
    size_t size)
{
	switch (kind) {
	case IMPORT_TEAMS:
	case IMPORT_EMPLOYEES:
	case IMPORT_ABSENCES:
		snprintf(buf, size, "%s %s", f[0], f[1]);
		break;
	case IMPORT_CASES:
		snprintf(buf, size, "%s", f[0]);
		break;
	case IMPORT_ACTIVITIES:
		snprintf(buf, size, "%s \"%s\" %s", f[0], f[1], f[4]);
		break;
	default:
		snprintf(buf, size, "%s %s %s", f[0], f[1], f[2]);
		break;
	}
}

static void
diff_add(struct import *im, const char *line)
{
	size_t n = strlen(line);

	XGROW(im->diff, im->diff_cap, im->diff_len + n + 2);
	memcpy(im->diff + im->diff_len, line, n);
	im->diff_len += n;
	im->diff[im->diff_len++] = '\n';
	im->diff[im->diff_len] = '\0';
}

/* Index n records of size bytes from base by the employee id at offset in
 * each (0: none holds it): a counting sort, linear in n. */
static void
held_index(const struct dataset *d, const void *base, size_t n, size_t size,
    size_t offset, struct held *h)
{
	long *holder = xcalloc(n ? n : 1, sizeof *holder);
	size_t *next;

	h->first = xcalloc(d->n_employees + 1, sizeof *h->first);
	h->items = xcalloc(n ? n : 1, sizeof *h->items);
	for (size_t i = 0; i < n; i++) {
		int64_t id;

		memcpy(&id, (const char *)base + i * size + offset, sizeof id);
		holder[i] = id ? dataset_employee_index(d, id) : -1;
		if (holder[i] >= 0)
			h->first[holder[i] + 1]++;
	}
	for (size_t k = 0; k < d->n_employees; k++)
		h->first[k + 1] += h->first[k];
	next = xcalloc(d->n_employees + 1, sizeof *next);
	memcpy(next, h->first, (d->n_employees + 1) * sizeof *next);
	for (size_t i = 0; i < n; i++)
		if (holder[i] >= 0)
			h->items[next[holder[i]]++] = i;
	free(next);
	free(holder);
}

static void
held_free(struct held *h)
{
	free(h->first);
	free(h->items);
	memset(h, 0, sizeof *h);
}

/* Moving an employee to another team, or ending their contract, while they
 * hold open cases or intake blocks from today on would leave a case with a
 * holder outside its team, or a block with someone who is gone. Looks only
 * at what they hold (indexed once), so a sync that moves a whole city stays
 * linear. */
static void
check_employee_change(struct import *im, const struct employee *old,
    const struct employee *em)
{
	const struct dataset *d = im->d;
	bool moves = em->team_id != old->team_id;
	bool leaves = em->end != DATE_NONE && em->end != old->end;
	long ei = dataset_employee_index(d, old->id);
	int from, cases = 0, blocks = 0;

	if ((!moves && !leaves) || ei < 0)
		return;
	/* from when they no longer hold work: today for a move, else the day
	 * after the end (only now: without one, end + 1 overflows) */
	from = moves ? im->today : em->end + 1;
	if (im->cases_held.first == NULL) {
		held_index(d, d->cases, d->n_cases, sizeof *d->cases,
		    offsetof(struct case_item, employee_id), &im->cases_held);
		held_index(d, d->blocks, d->n_blocks, sizeof *d->blocks,
		    offsetof(struct block, employee_id), &im->blocks_held);
	}
	for (size_t k = im->cases_held.first[ei];
	    k < im->cases_held.first[ei + 1]; k++) {
		const struct case_item *c = &d->cases[im->cases_held.items[k]];
		cases += c->closed == DATE_NONE || c->closed >= from;
	}
	for (size_t k = im->blocks_held.first[ei];
	    k < im->blocks_held.first[ei + 1]; k++)
		blocks += d->blocks[im->blocks_held.items[k]].date >= from;
	if (cases == 0 && blocks == 0)
		return;
	problem(im, moves ? "team" : "end", "%s %s %s but holds %d open "
	    "case%s and %d intake block%s %s: hand them over first (in the "
	    "TUI), then import again", em->code, em->name,
	    moves ? "moves to another team" : "leaves", cases,
	    cases == 1 ? "" : "s", blocks, blocks == 1 ? "" : "s",
	    moves ? "from today on" : "after the end date");
}

/* A sync's row: new, unchanged, or the fields it changes. */
static void
compare_row(struct import *im, struct row *row)
{
	char was[DUMP_COLUMNS_MAX][DUMP_FIELD], now[DUMP_COLUMNS_MAX][DUMP_FIELD];
	const char *const *cols = dump_columns(im->kind);
	char line[1024], label[3 * DUMP_FIELD];
	size_t n, len;

	if (row->existing < 0) {
		dump_record(im->d, im->kind, &row->u, now);
		row_label(im->kind, now, label, sizeof label);
		snprintf(line, sizeof line, "+ %s", label);
		diff_add(im, line);
		im->added++;
		return;
	}
	const void *old = record_at(im->d, im->kind, row->existing);
	take_identity(im, row, old);
	n = dump_record(im->d, im->kind, old, was);
	dump_record(im->d, im->kind, &row->u, now);
	row_label(im->kind, was, label, sizeof label);
	len = (size_t)snprintf(line, sizeof line, "~ %s:", label);
	for (size_t k = 0; k < n && len < sizeof line; k++) {
		if (strcmp(was[k], now[k]) == 0)
			continue;
		len += (size_t)snprintf(line + len, sizeof line - len,
		    "%s %s %s → %s", row->changed ? ";" : "", cols[k],
		    *was[k] ? was[k] : "—", *now[k] ? now[k] : "—");
		row->changed = true;
	}
	if (!row->changed) {
		im->unchanged++;
		return;
	}
	if (im->kind == IMPORT_EMPLOYEES)
		check_employee_change(im, old, &row->u.employee);
	diff_add(im, line);
	im->changed++;
}

/* --- progress --- */

/* Tell opt->progress how far the import is: stage (0 .. 1) of reading or of
 * writing, when the whole has moved on by 1 % since the last time. */
static void
report(struct import *im, bool writing, double stage, size_t rows,
    size_t total)
{
	struct import_progress p = { .writing = writing, .rows = rows,
		.total = total };

	if (im->opt->progress == NULL)
		return;
	p.fraction = writing ? im->read_share + (1 - im->read_share) * stage :
	    im->read_share * stage;
	if (p.fraction < im->reported + 0.01 && stage < 1)
		return;
	im->reported = p.fraction;
	im->opt->progress(im->opt->ctx, &p);
}

/* While reading: every 1024 rows, how much of the file is read (nothing
 * known of a pipe: every 4096 rows, at 0). */
static void
report_reading(struct import *im, FILE *f)
{
	long at;

	if (im->opt->progress == NULL || im->n_read % 1024 != 0)
		return;
	if (im->size <= 0 || (at = ftell(f)) < 0) {
		if (im->n_read % 4096 == 0) {
			im->reported = -1; /* report the rows all the same */
			report(im, false, 0, im->n_read, 0);
		}
		return;
	}
	report(im, false, (double)at / (double)im->size, im->n_read, 0);
}

/* --- rows --- */

static bool
is_blank(const struct csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		if (rec->fields[i][0] != '\0')
			return false;
	return true;
}

static void
check_row(struct import *im)
{
	const char *names[MAX_COLUMNS];
	struct row *row;

	im->row_bad = false;
	for (int c = 0; c < MAX_COLUMNS; c++)
		if (im->map[c] >= 0)
			names[im->map[c]] = col_name(im, c);
	for (size_t i = 0; i < im->rec.n; i++)
		text_trim(im->rec.fields[i]);
	if (is_blank(&im->rec))
		return; /* a spreadsheet's empty row, ",,,," */
	im->n_read++;
	if (im->rec.n != im->n_fields) {
		problem(im, NULL, "%zu fields where the header has %zu",
		    im->rec.n, im->n_fields);
		goto done;
	}
	if (!utf8_record(im, names))
		goto done;

	XGROW(im->rows, im->cap_rows, im->n_rows + 1);
	row = &im->rows[im->n_rows];
	memset(row, 0, sizeof *row);
	row->line = im->rec.line;
	switch (im->kind) {
	case IMPORT_TEAMS:
		parse_team(im, &row->u.team);
		break;
	case IMPORT_EMPLOYEES:
		parse_employee(im, &row->u.employee);
		break;
	case IMPORT_CASES:
		parse_case(im, &row->u.c);
		break;
	case IMPORT_ACTIVITIES:
		parse_activity(im, &row->u.activity);
		break;
	case IMPORT_ABSENCES:
		parse_absence(im, &row->u.absence);
		break;
	case IMPORT_ROTA:
		parse_rota(im, &row->u.rota);
		break;
	case IMPORT_BLOCKS:
	default:
		parse_block(im, &row->u.block);
		break;
	}
	if (!im->row_bad)
		check_unique(im, row);
	if (!im->row_bad && im->update)
		compare_row(im, row);
	im->n_rows++;
done:
	if (im->row_bad)
		im->bad_rows++;
}

/* Write the change a sync row makes to the record it matches. */
static int
update_row(struct store *st, enum import_kind kind, struct row *r,
    struct err *e)
{
	switch (kind) {
	case IMPORT_TEAMS:
		return store_update_team(st, &r->u.team, e);
	case IMPORT_EMPLOYEES:
		return store_update_employee(st, &r->u.employee, e);
	case IMPORT_CASES:
		return store_update_case(st, &r->u.c, e);
	case IMPORT_ACTIVITIES:
		return store_update_activity(st, &r->u.activity, e);
	case IMPORT_ABSENCES:
		return store_update_absence(st, &r->u.absence, e);
	case IMPORT_ROTA:
		return store_update_rota(st, &r->u.rota, e);
	case IMPORT_BLOCKS:
	default:
		return store_update_block(st, &r->u.block, e);
	}
}

static int
add_row(struct store *st, enum import_kind kind, struct row *r,
    struct err *e)
{
	if (r->existing >= 0)
		return r->changed ? update_row(st, kind, r, e) : 0;
	switch (kind) {
	case IMPORT_TEAMS:
		return store_add_team(st, &r->u.team, e);
	case IMPORT_EMPLOYEES:
		return store_add_employee(st, &r->u.employee, e);
	case IMPORT_CASES:
		return store_add_case(st, &r->u.c, e);
	case IMPORT_ACTIVITIES:
		return store_add_activity(st, &r->u.activity, e);
	case IMPORT_ABSENCES:
		return store_add_absence(st, &r->u.absence, e);
	case IMPORT_ROTA:
		return store_add_rota(st, &r->u.rota, e);
	case IMPORT_BLOCKS:
	default:
		return store_add_block(st, &r->u.block, e);
	}
}

/* Every row in one transaction; on failure none. */
static int
write_rows(struct import *im, struct store *st, struct err *e)
{
	if (store_begin(st, e) < 0)
		return err_prefix(e, "%s: ", im->path);
	for (size_t i = 0; i < im->n_rows; i++) {
		if (add_row(st, im->kind, &im->rows[i], e) < 0) {
			store_rollback(st);
			return err_prefix(e, "%s:%ld: ", im->path,
			    im->rows[i].line);
		}
		report(im, true, (double)(i + 1) / (double)im->n_rows, i + 1,
		    im->n_rows);
	}
	/* Importing is setting up (often history): automatic snapshots of
	 * past weeks would freeze the figures before the import. A sync
	 * keeps up with the present: the past stays as it was. */
	if ((!im->update && store_forget_snapshots(st, e) < 0) ||
	    store_log_change(st, STORE_CHANGE, 0, e) < 0 ||
	    store_commit(st, e) < 0) {
		store_rollback(st);
		return err_prefix(e, "%s: ", im->path);
	}
	return 0;
}

/* The header read with ',' as one field holds ';': a file from Dutch Excel.
 * Split that field again with ';' and read on with ';' from where r is —
 * without seeking back, which a pipe cannot. */
static int
reread_header(struct csv_reader *r, struct csv_record *rec, struct err *e)
{
	struct csv_reader hr;
	long line = r->line;
	char *header = xstrdup(rec->fields[0]);
	FILE *hf = fmemopen(header, strlen(header), "r");
	int got = -1;

	if (hf != NULL) {
		csv_reader_init(&hr, hf, ';');
		got = csv_read(&hr, rec, e);
		fclose(hf);
	}
	free(header);
	csv_reader_init(r, r->in, ';');
	r->line = line;
	return got;
}

/* Read the header (switching to ';' for a file from Dutch Excel) and every
 * row. Returns -1 only for a failure that is no problem of a row. */
static int
read_file(struct import *im, FILE *f, struct err *e)
{
	struct csv_reader r;
	struct err ce;
	int got;

	err_clear(&ce);
	csv_reader_init(&r, f, ',');
	got = csv_read(&r, &im->rec, &ce);
	if (got == 1 && im->rec.n == 1 && strchr(im->rec.fields[0], ';'))
		got = reread_header(&r, &im->rec, &ce);
	if (got == 0) {
		char list[128];

		column_list(im, list, sizeof list);
		return err_setx(e, EXIT_DATAERR, "%s: the file is empty; "
		    "expected a header row %s", im->path, list);
	}
	if (got == 1 && read_header(im) < 0) {
		im->header_bad = true;
		return 0;
	}
	if (got < 0)
		im->header_bad = true;
	while (got == 1 && (got = csv_read(&r, &im->rec, &ce)) == 1) {
		check_row(im);
		report_reading(im, f);
	}
	if (got < 0) {
		if (ce.status == EXIT_IOERR)
			return err_setx(e, EXIT_IOERR, "%s: %s", im->path,
			    ce.msg);
		/* The rest of the file cannot be read for sure: stop. */
		problem(im, NULL, "%s", ce.msg);
		if (!im->header_bad)
			im->bad_rows++;
	}
	return 0;
}

int
import_kind_parse(const char *s)
{
	for (int k = 0; k < IMPORT_KIND_COUNT; k++)
		if (text_equal_nocase(s, kind_names[k]))
			return k;
	return -1;
}

const char *
import_kind_name(enum import_kind k)
{
	return (unsigned)k < IMPORT_KIND_COUNT ? kind_names[k] : "?";
}

int
import_csv(struct store *st, const struct dataset *d,
    const struct settings *s, enum import_kind kind, const char *path,
    const struct import_options *opt, struct import_result *res,
    struct err *e)
{
	struct import im = { .d = d, .s = s, .kind = kind, .path = path,
		.update = opt->update, .today = opt->today, .opt = opt,
		.read_share = opt->dry_run ? 1 : 0.1, .reported = -1 };
	bool dry_run = opt->dry_run;
	struct stat sb;
	FILE *f;
	int ret = -1;

	memset(res, 0, sizeof *res);
	f = fopen(path, "rb");
	if (f == NULL)
		return err_setx(e, EXIT_NOINPUT, "%s: %s", path,
		    strerror(errno));
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		err_setx(e, EXIT_NOINPUT, "%s: %s", path, strerror(EISDIR));
		goto done;
	}
	/* a pipe has no size: its reading reports rows only */
	im.size = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) ?
	    (long)sb.st_size : 0;
	report(&im, false, 0, 0, 0);
	index_dataset(&im);
	index_keys(&im);
	if (read_file(&im, f, e) < 0)
		goto done;
	res->rows = im.n_read;
	if (im.n_problems > 0) {
		if (im.header_bad)
			err_setx(e, EXIT_DATAERR, "%s: bad header; nothing "
			    "imported", path);
		else
			err_setx(e, EXIT_DATAERR, "%s: %zu bad row%s; nothing "
			    "imported", path, im.bad_rows,
			    im.bad_rows == 1 ? "" : "s");
		goto done;
	}
	res->added = im.update ? im.added : im.n_rows;
	res->changed = im.changed;
	res->unchanged = im.unchanged;
	if (!dry_run && res->added + res->changed > 0) {
		if (write_rows(&im, st, e) < 0)
			goto done;
		res->written = res->added + res->changed;
	}
	if (res->written > 0) {
		report(&im, true, 1, res->written, res->written);
	} else {
		im.read_share = 1; /* all there was to do */
		report(&im, false, 1, im.n_read, 0);
	}
	ret = 0;
done:
	if (im.n_problems > PROBLEMS_SHOWN) {
		size_t more = im.n_problems - PROBLEMS_SHOWN;
		char tail[64];
		int n = snprintf(tail, sizeof tail, "… and %zu more\n", more);

		XGROW(im.problems, im.cap, im.len + (size_t)n + 1);
		memcpy(im.problems + im.len, tail, (size_t)n + 1);
	}
	res->problems = im.problems;
	res->n_problems = im.n_problems;
	res->diff = im.diff;
	fclose(f);
	csv_record_clear(&im.rec);
	keymap_free(&im.teams);
	keymap_free(&im.employees);
	keymap_free(&im.rota);
	keymap_free(&im.keys);
	keymap_free(&im.existing);
	held_free(&im.cases_held);
	held_free(&im.blocks_held);
	free(im.rows);
	return ret;
}

void
import_result_clear(struct import_result *res)
{
	free(res->problems);
	free(res->diff);
	memset(res, 0, sizeof *res);
}
