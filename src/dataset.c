/* dataset: see include/dataset.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dataset.h"
#include "text.h"
#include "xmem.h"

uint64_t
dataset_shape(const struct dataset *d)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < d->n_teams; i++)
		h = (h ^ (uint64_t)d->teams[i].id) * 1099511628211ull;
	h = (h ^ 0xffu) * 1099511628211ull;
	for (size_t i = 0; i < d->n_employees; i++)
		h = (h ^ (uint64_t)d->employees[i].id) * 1099511628211ull;
	return h;
}

void
dataset_clear(struct dataset *d)
{
	free(d->teams);
	free(d->rota);
	free(d->employees);
	free(d->absences);
	free(d->activities);
	free(d->blocks);
	free(d->cases);
	memset(d, 0, sizeof *d);
}

bool
dataset_holds_case(const struct dataset *d, const struct case_item *c)
{
	return d->since != DATASET_NONE && c->closed >= d->since;
}

bool
dataset_holds_block(const struct dataset *d, const struct block *b)
{
	return d->since != DATASET_NONE && b->date >= d->since;
}

size_t
dataset_id_slot(const void *items, size_t n, size_t size, int64_t id,
    bool *found)
{
	size_t lo = 0, hi = n;
	int64_t got = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		memcpy(&got, (const char *)items + mid * size, sizeof got);
		if (got < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n)
		memcpy(&got, (const char *)items + lo * size, sizeof got);
	*found = lo < n && got == id;
	return lo;
}

/* The index of id in an id-sorted array of records, or -1. */
static long
find_id(const void *base, size_t n, size_t size, int64_t id)
{
	bool found;
	size_t at = dataset_id_slot(base, n, size, id, &found);

	return found ? (long)at : -1;
}

long
dataset_team_index(const struct dataset *d, int64_t id)
{
	return find_id(d->teams, d->n_teams, sizeof *d->teams, id);
}

long
dataset_employee_index(const struct dataset *d, int64_t id)
{
	return find_id(d->employees, d->n_employees, sizeof *d->employees, id);
}

long
dataset_block_index(const struct dataset *d, int64_t id)
{
	return find_id(d->blocks, d->n_blocks, sizeof *d->blocks, id);
}

long
dataset_case_index(const struct dataset *d, int64_t id)
{
	return find_id(d->cases, d->n_cases, sizeof *d->cases, id);
}

void
dataset_map_start(struct dataset_map *m, const struct dataset *d)
{
	size_t ne = d->n_employees;

	memset(m, 0, sizeof *m);
	m->d = d;
	if (ne == 0)
		return;
	m->lo = d->employees[0].id; /* sorted by id */
	uint64_t span = (uint64_t)(d->employees[ne - 1].id - m->lo) + 1;
	if (span > 8 * (uint64_t)ne + 4096)
		return; /* too thin: the search */
	m->n = (size_t)span;
	m->index = xcalloc(m->n, sizeof *m->index);
	for (size_t i = 0; i < m->n; i++)
		m->index[i] = -1;
	for (size_t i = 0; i < ne; i++)
		m->index[d->employees[i].id - m->lo] = (long)i;
}

void
dataset_map_free(struct dataset_map *m)
{
	free(m->index);
	memset(m, 0, sizeof *m);
}

long
dataset_team_by_code(const struct dataset *d, const char *code)
{
	/* team codes are unique regardless of case (schema 2): "cen" is CEN */
	for (size_t i = 0; i < d->n_teams; i++)
		if (text_equal_nocase(d->teams[i].code, code))
			return (long)i;
	return -1;
}

long
dataset_employee_by_code(const struct dataset *d, const char *code)
{
	for (size_t i = 0; i < d->n_employees; i++)
		if (strcmp(d->employees[i].code, code) == 0)
			return (long)i;
	return -1;
}

long
dataset_case_by_ref(const struct dataset *d, const char *ref)
{
	for (size_t i = 0; i < d->n_cases; i++)
		if (strcmp(d->cases[i].ref, ref) == 0)
			return (long)i;
	return -1;
}

const char *
dataset_part_code(enum part p)
{
	return p == PART_AFTERNOON ? "middag" : "ochtend";
}

int
dataset_part_parse(const char *s)
{
	static const struct {
		const char *name;
		enum part part;
	} names[] = {
		{ "ochtend", PART_MORNING }, { "morning", PART_MORNING },
		{ "o", PART_MORNING }, { "am", PART_MORNING },
		{ "middag", PART_AFTERNOON }, { "afternoon", PART_AFTERNOON },
		{ "m", PART_AFTERNOON }, { "pm", PART_AFTERNOON },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].name) == 0)
			return (int)names[i].part;
	return -1;
}

char *
dataset_workdays_format(unsigned workdays, char *buf, size_t size)
{
	static const char *days[] = { "ma", "di", "wo", "do", "vr" };
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (int i = 0; i < 5; i++) {
		if (!(workdays & (1u << i)))
			continue;
		int n = snprintf(buf + len, size - len, "%s%s",
		    len ? "," : "", days[i]);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
	return buf;
}
