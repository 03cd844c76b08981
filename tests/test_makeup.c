/* makeup: capacity per discipline against the demand of the case types it
 * may hold, by hand. */
#include "makeup.h"
#include "testutil.h"

Test(makeup, restricted_types_load_their_disciplines_and_flag_one_holder)
{
	struct dataset ds = { 0 };
	struct settings st;
	struct employee_week ew[3] = { 0 };
	struct week_figures w = { .monday = D("2026-11-23"), .n_employees = 3,
		.employees = ew };
	struct makeup m;
	static const char *const disc[] = { "hg", "jeugd", "jeugd" };

	settings_defaults(&st);
	struct case_type *hg = (struct case_type *)settings_case_type(&st, "HG");
	snprintf(hg->disciplines[0], sizeof hg->disciplines[0], "hg");
	hg->n_disciplines = 1; /* HG: only hg; JGD: anyone */
	struct team *t = TEST_APPEND(ds.teams, ds.n_teams);
	snprintf(t->code, sizeof t->code, "CEN");
	for (int i = 0; i < 3; i++) {
		struct employee *em = TEST_APPEND(ds.employees, ds.n_employees);
		em->team_id = 1;
		snprintf(em->discipline, sizeof em->discipline, "%s", disc[i]);
		ew[i].capacity = i == 0 ? 10 : 20; /* hg 10 h, jeugd 40 h */
		ew[i].intake_hours = i == 2 ? 4 : 0;
	}
	/* 3 HG cases (4 h each, actief): 12 h, all for hg; 5 JGD (2 h): 10 h
	 * shared by capacity, 10/50 to hg, 40/50 to jeugd; a closed one and
	 * a waiting HG case count as they should */
	for (int i = 0; i < 10; i++) {
		struct case_item *c = TEST_APPEND(ds.cases, ds.n_cases);
		snprintf(c->ref, sizeof c->ref, "Z-%d", i);
		c->team_id = 1;
		c->employee_id = i < 3 ? 1 : i < 8 ? 2 : i == 8 ? 0 : 3;
		snprintf(c->type, sizeof c->type, "%s", i < 3 || i == 8 ? "HG"
		    : "JGD");
		c->phase = PHASE_ACTIVE;
		c->opened = D("2026-01-01");
		c->closed = i == 9 ? D("2026-06-01") : DATE_NONE;
	}
	makeup_team(&ds, &st, &w, 0, &m);
	cr_assert_eq(m.n_disciplines, 2);
	const struct makeup_discipline *h = &m.disciplines[0];
	const struct makeup_discipline *j = &m.disciplines[1];
	cr_assert_str_eq(h->code, "hg");
	cr_assert_str_eq(j->code, "jeugd");
	cr_assert_eq(h->members, 1);
	cr_assert_eq(j->members, 2);
	ASSERT_HOURS(h->capacity, 10);
	ASSERT_HOURS(j->capacity, 40);
	ASSERT_HOURS(h->demand, 16 + 10 * 10.0 / 50); /* 4 HG + share */
	ASSERT_HOURS(j->demand, 10 * 40.0 / 50 + 4);  /* share + intake */
	cr_assert(h->over);
	cr_assert(!j->over);
	for (size_t k = 0; k < m.n_types; k++) {
		const struct makeup_type *mt = &m.types[k];
		if (strcmp(mt->type->code, "HG") == 0) {
			cr_assert_eq(mt->open_cases, 4);
			cr_assert_eq(mt->holders, 1);
			cr_assert(mt->single, "HG: one hg member");
		} else if (strcmp(mt->type->code, "JGD") == 0) {
			cr_assert_eq(mt->holders, 3);
			cr_assert(!mt->single);
		} else {
			cr_assert(!mt->single, "%s has no cases",
			    mt->type->code);
		}
	}
	ASSERT_HOURS(m.unheld, 0);

	/* the hg member away: HG has nobody, its hours are unheld */
	ew[0].capacity = 0;
	makeup_clear(&m);
	makeup_team(&ds, &st, &w, 0, &m);
	cr_assert_eq(m.n_disciplines, 1);
	ASSERT_HOURS(m.unheld, 16);
	makeup_clear(&m);
	dataset_clear(&ds);
	settings_clear(&st);
}
