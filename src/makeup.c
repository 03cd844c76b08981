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

/* May discipline hold a case of type ct? */
static bool
may_hold(const struct case_type *ct, const char *discipline)
{
	if (ct->n_disciplines == 0)
		return true;
	for (int i = 0; i < ct->n_disciplines; i++)
		if (text_equal_nocase(ct->disciplines[i], discipline))
			return true;
	return false;
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

void
makeup_team(const struct dataset *d, const struct settings *s,
    const struct week_figures *w, long team, struct makeup *out)
{
	int64_t team_id = d->teams[team].id;

	memset(out, 0, sizeof *out);
	out->team = team;
	out->monday = w->monday;
	out->disciplines = xcalloc(d->n_employees + 1,
	    sizeof *out->disciplines);
	out->types = xcalloc(s->n_case_types + 1, sizeof *out->types);
	out->n_types = s->n_case_types;

	/* who is there: capacity, and their own intake and side hours */
	for (size_t i = 0; i < d->n_employees; i++) {
		const struct employee *em = &d->employees[i];
		const struct employee_week *ew = &w->employees[i];
		if (em->team_id != team_id || ew->capacity <= 0)
			continue;
		struct makeup_discipline *md = discipline(out, em->discipline);
		md->members++;
		md->capacity += ew->capacity;
		md->demand += ew->intake_hours + ew->side_hours;
		for (size_t t = 0; t < s->n_case_types; t++)
			out->types[t].holders +=
			    may_hold(&s->case_types[t], em->discipline);
	}
	/* the work: every open case of the team, held or waiting */
	for (size_t t = 0; t < s->n_case_types; t++)
		out->types[t].type = &s->case_types[t];
	for (size_t i = 0; i < d->n_cases; i++) {
		const struct case_item *c = &d->cases[i];
		const struct case_type *ct;
		if (c->team_id != team_id ||
		    !workload_case_is_open(c, w->monday) ||
		    (ct = settings_case_type(s, c->type)) == NULL)
			continue;
		struct makeup_type *mt = &out->types[ct - s->case_types];
		mt->demand += workload_case_hours(c, s);
		mt->open_cases++;
	}
	/* each type's hours to the disciplines that may hold them */
	for (size_t t = 0; t < out->n_types; t++) {
		struct makeup_type *mt = &out->types[t];
		double cap = 0;
		mt->single = mt->open_cases > 0 && mt->holders <= 1;
		for (size_t k = 0; k < out->n_disciplines; k++)
			if (may_hold(mt->type, out->disciplines[k].code))
				cap += out->disciplines[k].capacity;
		if (cap <= 0) {
			out->unheld += mt->demand;
			continue;
		}
		for (size_t k = 0; k < out->n_disciplines; k++) {
			struct makeup_discipline *md = &out->disciplines[k];
			if (may_hold(mt->type, md->code))
				md->demand += mt->demand * md->capacity / cap;
		}
	}
	for (size_t k = 0; k < out->n_disciplines; k++) {
		struct makeup_discipline *md = &out->disciplines[k];
		md->load = workload_load(md->demand, md->capacity);
		md->over = md->demand > md->capacity;
	}
	qsort(out->disciplines, out->n_disciplines,
	    sizeof *out->disciplines, by_code);
}
