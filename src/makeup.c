/* makeup: see include/makeup.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "makeup.h"
#include "text.h"
#include "xmem.h"

void
makeup_clear(struct makeup *m)
{
	free(m->disciplines);
	free(m->types);
	memset(m, 0, sizeof *m);
}

static int
by_code(const void *pa, const void *pb)
{
	const struct makeup_discipline *a = pa, *b = pb;

	return strcmp(a->code, b->code);
}

/* The entry of discipline code, added when new. */
static struct makeup_discipline *
discipline(struct makeup *m, const char *code)
{
	for (size_t i = 0; i < m->n_disciplines; i++)
		if (text_equal_nocase(m->disciplines[i].code, code))
			return &m->disciplines[i];
	struct makeup_discipline *md = &m->disciplines[m->n_disciplines++];
	memset(md, 0, sizeof *md);
	snprintf(md->code, sizeof md->code, "%s", code);
	return md;
}

/* Start m for team in the week of w, room for members disciplines. */
static void
begin(struct makeup *m, const struct settings *s,
    const struct week_figures *w, long team, size_t members)
{
	memset(m, 0, sizeof *m);
	m->team = team;
	m->monday = w->monday;
	m->disciplines = xcalloc(members + 1, sizeof *m->disciplines);
	m->types = xcalloc(s->n_case_types + 1, sizeof *m->types);
	m->n_types = s->n_case_types;
	for (size_t t = 0; t < s->n_case_types; t++)
		m->types[t].type = &s->case_types[t];
}

/* A member who is there: capacity, and their own intake and side hours. */
static void
add_member(struct makeup *m, const struct settings *s,
    const struct employee *em, const struct employee_week *ew)
{
	if (ew->capacity <= 0)
		return;
	struct makeup_discipline *md = discipline(m, em->discipline);
	md->members++;
	md->capacity += ew->capacity;
	md->demand += ew->intake_hours + ew->side_hours;
	for (size_t t = 0; t < s->n_case_types; t++)
		m->types[t].holders += settings_may_hold(&s->case_types[t],
		    em->discipline);
}

/* The work: an open case of the team, held or waiting. */
static void
add_case(struct makeup *m, const struct settings *s, const struct case_item *c)
{
	const struct case_type *ct;

	if (!workload_case_is_open(c, m->monday) ||
	    (ct = settings_case_type(s, c->type)) == NULL)
		return;
	struct makeup_type *mt = &m->types[ct - s->case_types];
	mt->demand += workload_case_hours(c, s);
	mt->open_cases++;
}

/* Each type's hours to the disciplines that may hold them; the loads. */
static void
finish(struct makeup *m)
{
	for (size_t t = 0; t < m->n_types; t++) {
		struct makeup_type *mt = &m->types[t];
		double cap = 0;
		mt->single = mt->open_cases > 0 && mt->holders <= 1;
		for (size_t k = 0; k < m->n_disciplines; k++)
			if (settings_may_hold(mt->type, m->disciplines[k].code))
				cap += m->disciplines[k].capacity;
		if (cap <= 0) {
			m->unheld += mt->demand;
			continue;
		}
		for (size_t k = 0; k < m->n_disciplines; k++) {
			struct makeup_discipline *md = &m->disciplines[k];
			if (settings_may_hold(mt->type, md->code))
				md->demand += mt->demand * md->capacity / cap;
		}
	}
	for (size_t k = 0; k < m->n_disciplines; k++) {
		struct makeup_discipline *md = &m->disciplines[k];
		md->load = workload_load(md->demand, md->capacity);
		md->over = md->demand > md->capacity;
	}
	qsort(m->disciplines, m->n_disciplines, sizeof *m->disciplines,
	    by_code);
}

void
makeup_team(const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long team, struct makeup *out)
{
	int64_t team_id = d->teams[team].id;
	size_t members = 0;

	for (size_t i = 0; i < d->n_employees; i++)
		members += d->employees[i].team_id == team_id;
	begin(out, s, w, team, members);
	for (size_t i = 0; i < d->n_employees; i++)
		if (d->employees[i].team_id == team_id)
			add_member(out, s, &d->employees[i], &w->employees[i]);
	for (size_t i = 0; i < d->n_cases; i++)
		if (d->cases[i].team_id == team_id)
			add_case(out, s, &d->cases[i]);
	finish(out);
}

struct makeup *
makeup_city(const struct dataset *d, const struct settings *s,
    const struct week_figures *w)
{
	struct makeup *all = xcalloc(d->n_teams + 1, sizeof *all);
	size_t *members = xcalloc(d->n_teams + 1, sizeof *members);
	long *team_of = xcalloc(d->n_employees + 1, sizeof *team_of);

	for (size_t i = 0; i < d->n_employees; i++)
		if ((team_of[i] = dataset_team_index(d,
		    d->employees[i].team_id)) >= 0)
			members[team_of[i]]++;
	for (size_t t = 0; t < d->n_teams; t++)
		begin(&all[t], s, w, (long)t, members[t]);
	for (size_t i = 0; i < d->n_employees; i++)
		if (team_of[i] >= 0)
			add_member(&all[team_of[i]], s, &d->employees[i],
			    &w->employees[i]);
	for (size_t i = 0; i < d->n_cases; i++) {
		long t = dataset_team_index(d, d->cases[i].team_id);
		if (t >= 0)
			add_case(&all[t], s, &d->cases[i]);
	}
	for (size_t t = 0; t < d->n_teams; t++)
		finish(&all[t]);
	free(members);
	free(team_of);
	return all;
}

void
makeup_city_free(struct makeup *all, size_t n_teams)
{
	for (size_t t = 0; all && t < n_teams; t++)
		makeup_clear(&all[t]);
	free(all);
}
