/* demo: see include/demo.h.
 *
 * One team at a time: the team and its rota, the staff, their absences and
 * side activities, the equal-split roster, and last the cases. The cases are
 * the calibration: given what the current week already holds (capacity after
 * absences, intake blocks, side activities, the waiting list), a team gets
 * the caseload that puts it at the load its profile aims for, spread over the
 * staff by contract hours. Side activities come on top of that equal share,
 * so their holders are OVER while colleagues have room (SPEC §1). Everything
 * comes from one splitmix64 stream: the same seed and today, the same city.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "date.h"
#include "demo.h"
#include "err.h"
#include "settings.h"
#include "store.h"
#include "workload.h"
#include "xmem.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

#define DEMO_SEED 7511u     /* 0 means this one (an Enschede postcode) */
#define ROSTER_WEEKS_BACK 8
#define RECENT_NAMES 256    /* names kept to avoid duplicates nearby */
#define MAX_CASES 120       /* per employee, a guard for odd configs */
#define HISTORY_WEEKS 56    /* complete case history: a year and more */
#define STOCK_WEEKS 104     /* before it: where its open cases came from */
#define RISING_TEAM "NRD"   /* the team whose inflow keeps rising */

/* --- the random stream --- */

struct rng {
	uint64_t state;
};

/* splitmix64: tiny, and the same on every platform (rand() is not). */
static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in lo .. hi, inclusive (the modulo bias does not matter here). */
static int
rng_int(struct rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static bool
rng_percent(struct rng *r, int pct)
{
	return rng_int(r, 0, 99) < pct;
}

/* Uniform in lo .. hi. */
static double
rng_real(struct rng *r, double lo, double hi)
{
	return lo + (hi - lo) * ((double)(rng_next(r) >> 11) * 0x1.0p-53);
}

/* An index into n weights (ints, stride bytes apart), by weight. */
static size_t
rng_weighted(struct rng *r, const int *weights, size_t stride, size_t n)
{
	const char *p = (const char *)weights;
	int total = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		total += *(const int *)(p + i * stride);
	x = rng_int(r, 0, total - 1);
	for (i = 0; i + 1 < n; i++) {
		int w = *(const int *)(p + i * stride);

		if (x < w)
			return i;
		x -= w;
	}
	return n - 1;
}

#define PICK(r, table, field) \
	rng_weighted((r), &(table)[0].field, sizeof (table)[0], NELEM(table))
#define PICK_INTS(r, ints) rng_weighted((r), (ints), sizeof (int), NELEM(ints))

static void
shuffle(struct rng *r, size_t *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)rng_int(r, 0, (int)i - 1), t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* --- the city --- */

/* The load a team aims at in the current week, as a band of SPEC §3.10. */
enum aim { AIM_ROOM, AIM_OK, AIM_HIGH, AIM_OVER };

struct team_profile {
	const char *code, *name, *area;
	int size;           /* employees */
	enum aim aim;
	int waiting;        /* cases on the waiting list */
	bool long_sick;     /* someone on long-term sick leave */
	bool reintegrating; /* someone back at 50 % */
	bool violence;      /* the city-wide domestic-violence team */
};

/* Nine district teams, then the city-wide team; extra benchmark teams cycle
 * the districts. */
static const struct team_profile profiles[] = {
	{ "CEN", "Centrum", "Centrum", 22, AIM_OVER, 6, true, false, false },
	{ "NRD", "Noord", "Noord", 20, AIM_HIGH, 2, false, true, false },
	{ "OST", "Oost", "Oost", 19, AIM_OK, 0, false, false, false },
	{ "ZUI", "Zuid", "Zuid", 21, AIM_HIGH, 3, true, false, false },
	{ "WST", "West", "West", 18, AIM_ROOM, 0, false, false, false },
	{ "GLB", "Glanerbrug", "Glanerbrug", 13, AIM_OK, 0, false, false,
	    false },
	{ "STR", "Stroinkslanden", "Stroinkslanden", 16, AIM_ROOM, 0, false,
	    true, false },
	{ "WSB", "Wesselerbrink", "Wesselerbrink", 20, AIM_OVER, 4, true,
	    false, false },
	{ "TWV", "Twekkelerveld", "Twekkelerveld", 17, AIM_HIGH, 1, false,
	    false, false },
	{ "HG", "Huiselijk Geweld", "Stad", 15, AIM_OVER, 4, true, true, true },
};
#define N_DISTRICTS 9

/* Names by origin, so first and last names belong together. */
static const char *const dutch_first[] = {
	"Jan-Willem", "Thijs", "Anouk", "Noémie", "Chloë", "Eefje", "Ruud",
	"Bram", "Sanne", "Lotte", "Femke", "Marloes", "Inge", "Joost",
	"Wouter", "Maarten", "Gerrit", "Ilse", "Marieke", "Renée", "Daniëlle",
	"Loïs", "Zoë", "Iris", "Esther", "Saskia", "Bart", "Jeroen", "Niels",
	"Hanneke", "Mirjam", "Rianne", "Karin", "Judith", "Roel", "Anne-Fleur",
	"Michiel", "Geert", "Hester", "Jolien", "Carlijn", "Evelien", "Stijn",
	"Mariëlle", "Koen", "Floor", "Maaike", "Gijs",
};
static const char *const dutch_last[] = {
	"de Vries", "Brinkhuis", "ter Horst", "Bakker", "Smit", "Nijhuis",
	"Wiegman", "Oude Luttikhuis", "Hofstede", "Kampshoff", "Kolthof",
	"Olde Rikkert", "Roerink", "Rouwhorst", "Schuttenbelt", "Velthuis",
	"Bruggink", "Lammerink", "Morsink", "Haverkate", "Leferink", "Tijhuis",
	"Klein Gunnewiek", "Assink", "Pierik", "van den Berg", "Jansen",
	"Visser", "Mulder", "Meijer", "Bosch", "Koster", "Scholten", "Wolters",
	"Hulsbeek", "Oosterhof", "Gerritsen", "ten Dam", "Blokhuis", "Nijland",
};
static const char *const turkish_first[] = {
	"Özlem", "Mehmet", "Kübra", "Sevda", "Emre", "Ayşe", "Büşra",
	"Hüseyin", "Gökhan", "Çiğdem", "Elif", "Burak", "Tuğba", "Merve",
	"Yusuf", "Oğuz", "Gülay", "Zeynep",
};
static const char *const turkish_last[] = {
	"Kaya", "Yıldız", "Öztürk", "Demir", "Çelik", "Şahin", "Aydın",
	"Arslan", "Doğan", "Koç", "Kılıç", "Yılmaz", "Özdemir", "Güneş",
	"Karaca", "Aksoy",
};
static const char *const moroccan_first[] = {
	"Fatima", "Mohamed", "Nadia", "Youssef", "Samira", "Karim", "Khadija",
	"Hamza", "Soufiane", "Ilham", "Naima", "Saïd", "Hafsa", "Bilal",
	"Imane",
};
static const char *const moroccan_last[] = {
	"El Amrani", "Bouzid", "El Idrissi", "Benali", "Azzouzi", "El Khattabi",
	"Ouali", "Haddou", "Boukhari", "Ait Taleb", "Zerouali", "El Hamdaoui",
};
static const char *const surinamese_first[] = {
	"Priya", "Rajesh", "Shanti", "Anjali", "Sharon", "Gerson", "Natasja",
	"Ravi",
};
static const char *const surinamese_last[] = {
	"Ramdin", "Jagernath", "Soekhlal", "Sewnath", "Doelwijt", "Kromodimedjo",
	"Lachmon",
};
static const char *const polish_first[] = {
	"Agnieszka", "Paweł", "Małgorzata", "Tomasz", "Katarzyna", "Łukasz",
};
static const char *const polish_last[] = {
	"Nowak", "Wójcik", "Mazur", "Krawczyk", "Woźniak",
};
static const char *const syrian_first[] = {
	"Amira", "Rami", "Lina", "Yara", "Omar", "Rahel", "Yonas", "Selam",
};
static const char *const syrian_last[] = {
	"Al-Hassan", "Haddad", "Khalil", "Tesfay", "Haile", "Mansour",
};
static const char *const moluccan_first[] = {
	"Dewi", "Johan", "Marlies", "Ricardo", "Wilma",
};
static const char *const moluccan_last[] = {
	"Pattiasina", "Latuheru", "Sahetapy", "Tuhumury", "Wattimena",
};

struct name_group {
	int weight;
	const char *const *first, *const *last;
	size_t n_first, n_last;
};

#define GROUP(w, f, l) { (w), (f), (l), NELEM(f), NELEM(l) }
static const struct name_group name_groups[] = {
	GROUP(60, dutch_first, dutch_last),
	GROUP(13, turkish_first, turkish_last),
	GROUP(9, moroccan_first, moroccan_last),
	GROUP(5, surinamese_first, surinamese_last),
	GROUP(4, polish_first, polish_last),
	GROUP(5, syrian_first, syrian_last),
	GROUP(4, moluccan_first, moluccan_last),
};

/* Spread over the first employees of the ten teams, so the demo shows
 * them. */
static const char *const featured_names[] = {
	"Özlem Kaya", "Jan-Willem de Vries", "Fatima El Amrani",
	"Thijs Brinkhuis", "Anouk ter Horst", "Sevda Yıldız", "Noémie Bakker",
	"Chloë Smit", "Mehmet Öztürk", "Eefje Nijhuis", "Ruud Wiegman",
	"Kübra Demir", "Bram Oude Luttikhuis",
};

/* Disciplines (the default list) and the case types each one holds. */
struct discipline {
	const char *name;
	int district, violence; /* weights in a district team, in HG */
	const char *types[3];
	int type_weight[3];
};

static const struct discipline disciplines[] = {
	{ "jeugd", 34, 10, { "JGD", "JGDC", "JGD" }, { 70, 30, 0 } },
	{ "wmo", 18, 0, { "WMO", "VOL", "WMO" }, { 80, 20, 0 } },
	{ "volwassenen", 22, 5, { "VOL", "FIN", "GGZ" }, { 60, 20, 20 } },
	{ "financien", 12, 0, { "FIN", "VOL", "FIN" }, { 85, 15, 0 } },
	{ "ggz", 8, 10, { "GGZ", "VOL", "GGZ" }, { 60, 40, 0 } },
	{ "hg", 6, 75, { "HG", "JGDC", "HG" }, { 85, 15, 0 } },
};

/* Contracts: weekly hours and how many days they are worked in. */
struct contract {
	double hours;
	int weight;
	int days_a, days_b; /* mostly a, one in four b */
};

static const struct contract contracts[] = {
	{ 36, 22, 5, 4 }, { 32, 30, 4, 5 }, { 28, 20, 4, 4 },
	{ 24, 16, 3, 3 }, { 20, 6, 3, 3 }, { 16, 6, 2, 3 },
};

/* Workday patterns (bit 0 = Monday) by number of days. */
static const unsigned four_days[] = { 0x0f, 0x1b, 0x1e, 0x1d, 0x17 };
static const unsigned three_days[] = { 0x0b, 0x0e, 0x15, 0x07, 0x1c };
static const unsigned two_days[] = { 0x09, 0x06, 0x14 };

struct activity_name {
	const char *kind, *name;
};

static const struct activity_name activity_names[] = {
	{ "pilot", "Pilot Eén gezin, één plan" },
	{ "pilot", "Pilot Vroegsignalering schulden" },
	{ "pilot", "Pilot Wijk-GGZ" },
	{ "pilot", "Pilot Veilig opgroeien" },
	{ "project", "Project Armoede en meedoen" },
	{ "project", "Project Eenzaamheid 75+" },
	{ "project", "Project Mantelzorg in de wijk" },
	{ "project", "Project Digitale inclusie" },
	{ "werkgroep", "Werkgroep Methodiek" },
	{ "werkgroep", "Werkgroep Registratie" },
	{ "werkgroep", "Werkgroep Inwerken nieuwe collega's" },
	{ "werkgroep", "Werkgroep Workload- en caseloadweging" },
	{ "leerkring", "Leerkring Meldcode" },
	{ "leerkring", "Leerkring Systeemgericht werken" },
	{ "leerkring", "Leerkring Motiverende gespreksvoering" },
	{ "wijkwijzer", "Wijkwijzer Bibliotheek" },
	{ "wijkwijzer", "Wijkwijzer Wijkcentrum" },
};

/* Rank of each rota slot [weekday - 1][part]: a team with n slots a week
 * covers the n lowest, mornings first. */
static const int slot_rank[5][2] = {
	{ 0, 5 }, { 1, 6 }, { 2, 8 }, { 3, 7 }, { 4, 9 },
};

/* --- generation state --- */

/* What an employee is in the story of the demo. */
enum role {
	ROLE_PLAIN,
	ROLE_BUSY,    /* several side activities: overloaded */
	ROLE_SIDE,    /* one small side activity */
	ROLE_NEW,     /* started recently: a smaller caseload */
	ROLE_SICK,    /* long-term sick leave covering today */
	ROLE_BACK,    /* re-integrating at 50 % */
	ROLE_LEAVER,  /* leaves in a few weeks, cases still open */
};

struct staff {
	struct employee em;
	enum role role;
	size_t discipline;  /* index into disciplines[] */
	bool has_absence;   /* keeps one person's absences apart */
	double base;        /* capacity of a normal week */
	double share;       /* of the team's case ratio */
	double capacity;    /* the current week, absences included */
	double fixed;       /* current-week demand other than new cases */
};

struct gen {
	struct store *st;
	const struct settings *s;
	struct err *e;
	struct rng rng;
	int today, monday;
	int ref_seq;
	char (*recent)[NAME_SIZE]; /* ring of the last names handed out */
	size_t n_recent;
	/* the team being made; reused */
	struct team team;
	const struct team_profile *profile;
	struct rota_entry rota[10]; /* at most the ten of slot_rank */
	size_t n_rota;
	struct staff *staff;
	size_t n_staff, staff_cap;
	struct absence *absences;
	size_t n_absences, absences_cap;
	struct block *blocks;
	size_t n_blocks, blocks_cap;
	size_t *order;
};

/* The target load for an aim, inside the configured band and varied per
 * team (identical loads across teams would look made up). */
static double
aim_load(const struct settings *s, enum aim aim, struct rng *r)
{
	switch (aim) {
	case AIM_ROOM:
		return s->room - rng_real(r, 0.04, 0.14);
	case AIM_OK:
		return rng_real(r, s->room + 0.01, s->high - 0.01);
	case AIM_HIGH:
		return rng_real(r, s->high + 0.015, s->over - 0.015);
	case AIM_OVER:
		break;
	}
	return s->over + rng_real(r, 0.06, 0.18);
}

/* Is name taken nearby: the same name among the last RECENT_NAMES, or the
 * same first or last name in the team so far (first names have no space)? */
static bool
name_is_taken(const struct gen *g, size_t member, const char *name)
{
	size_t n = g->n_recent < RECENT_NAMES ? g->n_recent : RECENT_NAMES;
	size_t first = strcspn(name, " ");

	for (size_t i = 0; i < n; i++)
		if (strcmp(g->recent[i], name) == 0)
			return true;
	for (size_t i = 0; i < member; i++) {
		const char *other = g->staff[i].em.name;
		size_t other_first = strcspn(other, " ");

		if ((first == other_first && strncmp(name, other, first) == 0) ||
		    strcmp(name + first, other + other_first) == 0)
			return true;
	}
	return false;
}

/* A name not taken nearby; the featured ones first. */
static void
make_name(struct gen *g, size_t team, size_t member, char *out)
{
	size_t k = member * NELEM(profiles) + team;
	int tries = 0;

	if (team < NELEM(profiles) && k < NELEM(featured_names))
		snprintf(out, NAME_SIZE, "%s", featured_names[k]);
	else
		do {
			const struct name_group *ng =
			    &name_groups[PICK(&g->rng, name_groups, weight)];

			snprintf(out, NAME_SIZE, "%s %s",
			    ng->first[rng_int(&g->rng, 0, (int)ng->n_first - 1)],
			    ng->last[rng_int(&g->rng, 0, (int)ng->n_last - 1)]);
		} while (name_is_taken(g, member, out) && ++tries < 50);
	snprintf(g->recent[g->n_recent++ % RECENT_NAMES], NAME_SIZE, "%s", out);
}

/* The configured discipline for a demo one (any when the list is empty). */
static const char *
discipline_name(const struct settings *s, size_t i)
{
	const char *want = disciplines[i].name;

	if (s->n_disciplines == 0)
		return want;
	for (size_t j = 0; j < s->n_disciplines; j++)
		if (strcmp(s->disciplines[j], want) == 0)
			return want;
	return s->disciplines[i % s->n_disciplines];
}

/* A case type for a discipline, known to the config. */
static const char *
case_type_for(struct gen *g, size_t discipline)
{
	const struct discipline *d = &disciplines[discipline];
	const char *code = d->types[PICK_INTS(&g->rng, d->type_weight)];

	if (settings_case_type(g->s, code) != NULL)
		return code;
	return g->s->case_types[rng_int(&g->rng, 0,
	    (int)g->s->n_case_types - 1)].code;
}

/* Largest absence percentage of employee id on day. */
static int
absent_pct(const struct gen *g, int64_t id, int day)
{
	int pct = 0;

	for (size_t i = 0; i < g->n_absences; i++) {
		const struct absence *a = &g->absences[i];

		if (a->employee_id == id && a->start <= day && day <= a->end &&
		    a->percent > pct)
			pct = a->percent;
	}
	return pct;
}

/* --- one team --- */

static int
add_team(struct gen *g, size_t index)
{
	const struct team_profile *p;
	int round = 0;

	if (index < NELEM(profiles))
		p = &profiles[index];
	else {
		p = &profiles[(index - NELEM(profiles)) % N_DISTRICTS];
		round = (int)((index - NELEM(profiles)) / N_DISTRICTS) + 2;
	}
	g->profile = p;
	memset(&g->team, 0, sizeof g->team);
	if (round == 0) {
		snprintf(g->team.code, sizeof g->team.code, "%s", p->code);
		snprintf(g->team.name, sizeof g->team.name, "%s", p->name);
		snprintf(g->team.area, sizeof g->team.area, "%s", p->area);
	} else {
		snprintf(g->team.code, sizeof g->team.code, "%s%d", p->code,
		    round);
		snprintf(g->team.name, sizeof g->team.name, "%s %d", p->name,
		    round);
		snprintf(g->team.area, sizeof g->team.area, "%s %d", p->area,
		    round);
	}
	return store_add_team(g->st, &g->team, g->e);
}

/* About one slot per two employees, at most the ten of a week. */
static int
add_rota(struct gen *g, size_t team_size)
{
	int n = (int)team_size / 2;

	g->n_rota = 0;
	for (int wd = 1; wd <= 5; wd++)
		for (int part = 0; part < 2; part++) {
			struct rota_entry *r = &g->rota[g->n_rota];

			if (slot_rank[wd - 1][part] >= n)
				continue;
			memset(r, 0, sizeof *r);
			r->team_id = g->team.id;
			r->weekday = wd;
			r->part = part ? PART_AFTERNOON : PART_MORNING;
			r->hours = g->s->block_hours;
			if (store_add_rota(g->st, r, g->e) == -1)
				return -1;
			g->n_rota++;
		}
	return 0;
}

static unsigned
pick_workdays(struct rng *r, int days)
{
	switch (days) {
	case 4:
		return four_days[rng_int(r, 0, NELEM(four_days) - 1)];
	case 3:
		return three_days[rng_int(r, 0, NELEM(three_days) - 1)];
	case 2:
		return two_days[rng_int(r, 0, NELEM(two_days) - 1)];
	}
	return WORKDAYS_ALL;
}

/* Roles first (they shape start and end dates), then the records. */
static int
add_staff(struct gen *g, size_t team, size_t n)
{
	const struct team_profile *p = g->profile;
	size_t next = 0, n_busy = n / 5 > 2 ? n / 5 : 2, n_side = n / 4;
	const double per_hour = 1 - g->s->overhead_pct / 100;

	g->n_staff = n;
	XGROW(g->staff, g->staff_cap, n);
	g->order = xreallocarray(g->order, n, sizeof *g->order);
	memset(g->staff, 0, n * sizeof *g->staff);
	for (size_t i = 0; i < n; i++)
		g->order[i] = i;
	shuffle(&g->rng, g->order, n);
	if (p->long_sick)
		g->staff[g->order[next++]].role = ROLE_SICK;
	if (p->reintegrating)
		g->staff[g->order[next++]].role = ROLE_BACK;
	for (size_t i = 0; i < n_busy; i++)
		g->staff[g->order[next++]].role = ROLE_BUSY;
	for (size_t i = 0; i < n_side; i++)
		g->staff[g->order[next++]].role = ROLE_SIDE;
	if (rng_percent(&g->rng, 60))
		g->staff[g->order[next++]].role = ROLE_NEW;
	if (rng_percent(&g->rng, 35))
		g->staff[g->order[next++]].role = ROLE_LEAVER;

	for (size_t i = 0; i < n; i++) {
		struct staff *sf = &g->staff[i];
		struct employee *em = &sf->em;
		const struct contract *c =
		    &contracts[PICK(&g->rng, contracts, weight)];
		int days = rng_percent(&g->rng, 25) ? c->days_b : c->days_a;

		snprintf(em->code, sizeof em->code, "%.12s%02zu", g->team.code,
		    i + 1);
		make_name(g, team, i, em->name);
		em->team_id = g->team.id;
		sf->discipline = p->violence ?
		    PICK(&g->rng, disciplines, violence) :
		    PICK(&g->rng, disciplines, district);
		snprintf(em->discipline, sizeof em->discipline, "%s",
		    discipline_name(g->s, sf->discipline));
		em->contract_hours = c->hours;
		em->workdays = pick_workdays(&g->rng, days);
		em->start = g->today - rng_int(&g->rng, 180, 5000);
		em->end = DATE_NONE;
		sf->share = rng_real(&g->rng, 0.8, 1.2);
		switch (sf->role) {
		case ROLE_NEW:
			em->start = g->monday - 7 * rng_int(&g->rng, 2, 8);
			sf->share = 0.45;
			break;
		case ROLE_LEAVER:
			em->end = g->monday + 7 * rng_int(&g->rng, 3, 6) + 4;
			break;
		case ROLE_SICK:
			sf->share = 0.5; /* half the cases were moved */
			break;
		case ROLE_BACK:
			sf->share = 0.6;
			break;
		default:
			break;
		}
		sf->base = em->contract_hours * per_hour;
		if (store_add_employee(g->st, em, g->e) == -1)
			return -1;
	}
	return 0;
}

static int
add_absence(struct gen *g, struct staff *sf, int start, int end, int pct,
    const char *reason)
{
	struct absence *a;

	XGROW(g->absences, g->absences_cap, g->n_absences + 1);
	a = &g->absences[g->n_absences];
	memset(a, 0, sizeof *a);
	a->employee_id = sf->em.id;
	a->start = start;
	a->end = end;
	a->percent = pct;
	snprintf(a->reason, sizeof a->reason, "%s", reason);
	sf->has_absence = true;
	if (store_add_absence(g->st, a, g->e) == -1)
		return -1;
	g->n_absences++;
	return 0;
}

/* A plain colleague with no absence yet, or NULL. */
static struct staff *
free_colleague(struct gen *g)
{
	for (int tries = 0; tries < 40; tries++) {
		struct staff *sf = &g->staff[rng_int(&g->rng, 0,
		    (int)g->n_staff - 1)];

		if (!sf->has_absence && sf->role != ROLE_NEW &&
		    sf->role != ROLE_LEAVER)
			return sf;
	}
	return NULL;
}

/* The first working day of sf on or after day (day itself if none soon). */
static int
next_working_day(const struct gen *g, const struct staff *sf, int day)
{
	for (int i = 0; i < 14; i++)
		if (workload_is_working_day(&sf->em, g->s, day + i))
			return day + i;
	return day;
}

static int
add_absences(struct gen *g)
{
	int n_leave = rng_int(&g->rng, 2, 4);
	struct staff *sf;

	g->n_absences = 0;
	for (size_t i = 0; i < g->n_staff; i++) {
		sf = &g->staff[i];
		if (sf->role == ROLE_SICK &&
		    add_absence(g, sf, g->today - rng_int(&g->rng, 45, 120),
		    g->today + rng_int(&g->rng, 21, 90), 100, "ziek") == -1)
			return -1;
		if (sf->role == ROLE_BACK) {
			int back = g->monday - 7 * rng_int(&g->rng, 2, 4);

			if (add_absence(g, sf, back - rng_int(&g->rng, 40, 120),
			    back - 1, 100, "ziek") == -1 ||
			    add_absence(g, sf, back,
			    g->monday + 7 * rng_int(&g->rng, 3, 6) + 4, 50,
			    "reintegratie") == -1)
				return -1;
		}
	}
	/* Holidays in the coming weeks: Monday to Friday, one or two weeks. */
	for (int i = 0; i < n_leave; i++) {
		int start = g->monday + 7 * rng_int(&g->rng, 1, 6);

		if ((sf = free_colleague(g)) != NULL &&
		    add_absence(g, sf, start,
		    start + (rng_percent(&g->rng, 30) ? 11 : 4), 100,
		    "verlof") == -1)
			return -1;
	}
	/* A long weekend off now: less capacity this week, not none. */
	if (rng_percent(&g->rng, 50) && (sf = free_colleague(g)) != NULL &&
	    add_absence(g, sf, g->monday + rng_int(&g->rng, 2, 3),
	    g->monday + 4, 100, "verlof") == -1)
		return -1;
	if ((sf = free_colleague(g)) != NULL) {
		int day = next_working_day(g, sf,
		    g->today + rng_int(&g->rng, 1, 20));

		if (add_absence(g, sf, day, day, 100, "training") == -1)
			return -1;
	}
	if (rng_percent(&g->rng, 40) && (sf = free_colleague(g)) != NULL &&
	    add_absence(g, sf, g->today - rng_int(&g->rng, 0, 2),
	    g->today + rng_int(&g->rng, 0, 2), 100, "ziek") == -1)
		return -1;
	return 0;
}

static int
add_activity(struct gen *g, struct staff *sf, size_t name, double hours,
    int start, int end)
{
	struct activity a;

	memset(&a, 0, sizeof a);
	a.employee_id = sf->em.id;
	snprintf(a.name, sizeof a.name, "%s", activity_names[name].name);
	snprintf(a.kind, sizeof a.kind, "%s", activity_names[name].kind);
	a.hours_per_week = hours;
	a.start = start;
	a.end = end;
	if (store_add_activity(g->st, &a, g->e) == -1)
		return -1;
	if (workload_activity_is_active(&a, g->monday))
		sf->fixed += hours;
	return 0;
}

/* Busy people carry two or three activities, 30-45 % of their contract,
 * that began months ago (hence sustained overload); a few others one small
 * one; around them some history and plans. */
static int
add_activities(struct gen *g)
{
	size_t names[NELEM(activity_names)];

	for (size_t i = 0; i < NELEM(names); i++)
		names[i] = i;
	for (size_t i = 0; i < g->n_staff; i++) {
		struct staff *sf = &g->staff[i];
		double budget = sf->role == ROLE_BUSY ?
		    sf->em.contract_hours * rng_real(&g->rng, 0.30, 0.45) :
		    sf->role == ROLE_SIDE ? rng_int(&g->rng, 2, 4) : 0;
		int n = 0, start, end;

		shuffle(&g->rng, names, NELEM(names));
		while (budget >= 2 && n < 3) {
			int hours = rng_int(&g->rng, 3, 8);

			if (hours > budget)
				hours = (int)budget;
			budget -= hours;
			start = g->monday - 7 * rng_int(&g->rng, 8, 40);
			if (start < sf->em.start)
				start = sf->em.start;
			end = rng_percent(&g->rng, 40) ?
			    g->monday + 7 * rng_int(&g->rng, 6, 30) + 4 :
			    DATE_NONE;
			if (add_activity(g, sf, names[n++], hours, start,
			    end) == -1)
				return -1;
		}
		/* A finished project, and one about to begin. */
		if (sf->role == ROLE_PLAIN && rng_percent(&g->rng, 20)) {
			start = g->monday - 7 * rng_int(&g->rng, 20, 40);
			if (start < sf->em.start)
				continue;
			if (add_activity(g, sf, names[n], rng_int(&g->rng, 2, 6),
			    start, g->monday - 7 * rng_int(&g->rng, 2, 10) +
			    4) == -1)
				return -1;
		} else if (sf->role == ROLE_SIDE && rng_percent(&g->rng, 30)) {
			start = g->monday + 7 * rng_int(&g->rng, 1, 4);
			if (add_activity(g, sf, names[n], rng_int(&g->rng, 2, 4),
			    start, DATE_NONE) == -1)
				return -1;
		}
	}
	return 0;
}

static bool
can_take(const struct gen *g, const struct staff *sf, int day, int blocks)
{
	return blocks < g->s->max_blocks_per_week &&
	    workload_is_working_day(&sf->em, g->s, day) &&
	    absent_pct(g, sf->em.id, day) < 50;
}

/* The status quo of SPEC §4: a queue in a random order; each slot goes to
 * the first in the queue who can take it, who then goes to the back. So
 * everyone gets the same number of blocks, whatever else they do. */
static int
add_roster(struct gen *g)
{
	int first = g->monday - 7 * ROSTER_WEEKS_BACK;
	int weeks = ROSTER_WEEKS_BACK + 1 + g->s->horizon_weeks;
	size_t n = g->n_staff;
	int *per_week = xcalloc(n, sizeof *per_week);
	int rc = -1;

	for (size_t i = 0; i < n; i++)
		g->order[i] = i;
	shuffle(&g->rng, g->order, n);
	g->n_blocks = 0;
	for (int w = 0; w < weeks; w++) {
		int monday = first + 7 * w;

		memset(per_week, 0, n * sizeof *per_week);
		for (size_t r = 0; r < g->n_rota; r++) {
			int day = monday + g->rota[r].weekday - 1;
			struct block *b;
			size_t q;

			if (settings_is_holiday(g->s, day))
				continue;
			for (q = 0; q < n; q++)
				if (can_take(g, &g->staff[g->order[q]], day,
				    per_week[g->order[q]]))
					break;
			XGROW(g->blocks, g->blocks_cap, g->n_blocks + 1);
			b = &g->blocks[g->n_blocks];
			memset(b, 0, sizeof *b);
			b->team_id = g->team.id;
			b->date = day;
			b->part = g->rota[r].part;
			b->hours = g->rota[r].hours;
			if (q < n) {
				size_t k = g->order[q];

				b->employee_id = g->staff[k].em.id;
				b->locked = day > g->today &&
				    rng_percent(&g->rng, 4);
				per_week[k]++;
				if (monday == g->monday)
					g->staff[k].fixed += b->hours;
				memmove(&g->order[q], &g->order[q + 1],
				    (n - q - 1) * sizeof *g->order);
				g->order[n - 1] = k;
			}
			if (store_add_block(g->st, b, g->e) == -1)
				goto fail;
			g->n_blocks++;
		}
	}
	rc = 0;
fail:
	free(per_week);
	return rc;
}

/* Add a case; *hours grows by its weight when it counts this week. */
static int
add_case(struct gen *g, const struct staff *sf, const char *type,
    enum phase phase, int opened, int closed, int64_t origin, double *hours)
{
	struct case_item c;
	int y, m, d;

	memset(&c, 0, sizeof c);
	date_to_ymd(opened, &y, &m, &d);
	g->ref_seq += rng_int(&g->rng, 1, 9);
	snprintf(c.ref, sizeof c.ref, "Z-%04d-%06d", y, g->ref_seq);
	c.team_id = g->team.id;
	c.employee_id = sf != NULL ? sf->em.id : 0;
	snprintf(c.type, sizeof c.type, "%s", type);
	c.phase = phase;
	c.opened = opened;
	c.closed = closed;
	c.origin_block = origin;
	if (store_add_case(g->st, &c, g->e) == -1)
		return -1;
	if (workload_case_is_open(&c, g->monday))
		*hours += workload_case_hours(&c, g->s);
	return 0;
}

/* The phase of an open case opened age days ago. */
static enum phase
phase_for_age(struct gen *g, int age)
{
	if (age < 42)
		return rng_percent(&g->rng, 85) ? PHASE_INTAKE : PHASE_ACTIVE;
	if (age < 120 || rng_percent(&g->rng, 65))
		return PHASE_ACTIVE;
	return PHASE_TAPER;
}

/* Does a case of this type and phase still fit under goal hours? */
static bool
case_fits(const struct gen *g, const char *type, enum phase phase,
    double have, double goal)
{
	const struct case_type *ct = settings_case_type(g->s, type);
	double h = ct != NULL ? ct->hours * g->s->phase_factor[phase] : 0;

	return h > 0 && have + h / 2 <= goal;
}

/* Weeks a case of a type stays open on average in the demo: a Wmo
 * provision or a GGZ inquiry is quick, debts and complex youth cases are
 * not. */
static double
mean_weeks(const char *type)
{
	static const struct {
		const char *type;
		double weeks;
	} means[] = {
		{ "JGD", 26 }, { "JGDC", 40 }, { "VOL", 20 }, { "WMO", 12 },
		{ "FIN", 34 }, { "HG", 18 }, { "GGZ", 10 },
	};

	for (size_t i = 0; i < NELEM(means); i++)
		if (strcmp(means[i].type, type) == 0)
			return means[i].weeks;
	return 20;
}

/* P(a case of mean m weeks is still open after x weeks): the lifetimes
 * are gamma(2)-shaped, few very short and few very long. */
static double
still_open(double x, double m)
{
	return (1 + 2 * x / m) * exp(-2 * x / m);
}

/* A lifetime in days for mean m weeks: the mean of two exponentials. */
static int
draw_lifetime(struct gen *g, double m)
{
	double e1 = -log(1 - rng_real(&g->rng, 0, 1));
	double e2 = -log(1 - rng_real(&g->rng, 0, 1));

	return (int)lround(m * (e1 + e2) / 2 * 7);
}

/* Referrals in the week of monday against a normal week: fewer in the
 * summer holidays and around Christmas, and in the team whose inflow
 * rises, fewer the further back. */
static double
season(const struct gen *g, int monday)
{
	int year, week, back = (g->monday - monday) / 7;
	double f;

	date_iso_week(monday, &year, &week);
	f = week >= 28 && week <= 33 ? 0.6 : week >= 51 || week == 1 ? 0.55 :
	    1.0;
	if (strcmp(g->profile->code, RISING_TEAM) == 0)
		f *= back >= 52 ? 0.55 : 1 - 0.45 * back / 52.0;
	return f;
}

/* A Poisson count of mean lambda (Knuth; lambda is small here). */
static int
poisson(struct gen *g, double lambda)
{
	double limit = exp(-lambda), p = 1;
	int k = -1;

	do {
		k++;
		p *= rng_real(&g->rng, 0, 1);
	} while (p > limit && k < 100);
	return k;
}

/* Case hours sf may expect open today per referral a week: the sum over
 * the weeks back of their season, the chance a case from then is still
 * open and its hours (types by sf's discipline, phase by age). */
static double
open_hours_per_referral(const struct gen *g, const struct staff *sf)
{
	const struct discipline *dp = &disciplines[sf->discipline];
	double sum = 0;

	for (int back = 0; back < STOCK_WEEKS + HISTORY_WEEKS; back++) {
		int monday = g->monday - 7 * back;
		double phase = back < 6 ? 1.425 : back < 17 ? 1.0 : 0.825;

		if (monday + 4 < sf->em.start)
			break;
		for (int k = 0; k < 3; k++) {
			const struct case_type *ct = settings_case_type(g->s,
			    dp->types[k]);

			if (ct != NULL)
				sum += season(g, monday) * dp->type_weight[k] /
				    100.0 * still_open(back,
				    mean_weeks(dp->types[k])) * ct->hours *
				    phase;
		}
	}
	return sum;
}

/* sf's intake block in the week of monday, up to today, or NULL. */
static const struct block *
block_in_week(const struct gen *g, const struct staff *sf, int monday)
{
	for (size_t i = 0; i < g->n_blocks; i++) {
		const struct block *b = &g->blocks[i];

		if (b->employee_id == sf->em.id && b->date >= monday &&
		    b->date <= monday + 6 && b->date <= g->today)
			return b;
	}
	return NULL;
}

/* A referral waiting to be added as a case. */
struct referral {
	char type[SETTINGS_CODE_MAX];
	int opened, closed;
	int64_t origin;
};

/* The phase a closed case keeps: the one of a day in its life (there is
 * no phase history, so past weeks weigh a case by it, SPEC §3). */
static enum phase
closed_phase(struct gen *g, const struct referral *r)
{
	return phase_for_age(g, rng_int(&g->rng, 0, r->closed - r->opened));
}

/* sf's caseload with its history, up to goal hours open today: referrals
 * week by week (a Poisson number in each, the rate set so the open ones
 * reach about the goal; in the roster's weeks they come in through sf's
 * intake block), each with a lifetime. The cases that closed before the
 * history began are not kept, as in a register started then. Of the ones
 * still open, those past the goal close early; a shortfall is made up with
 * open cases of the last months. Returns the hours reached in *have. */
static int
fill_caseload(struct gen *g, struct staff *sf, double goal, double *have)
{
	int begin = g->monday - 7 * HISTORY_WEEKS, count = 0;
	double per = open_hours_per_referral(g, sf);
	double lambda = per > 0 ? goal / per : 0;
	struct referral *open = NULL;
	size_t n_open = 0, open_cap = 0;
	int rc = -1;

	if (lambda > 3)
		lambda = 3;
	for (int back = STOCK_WEEKS + HISTORY_WEEKS - 1; back >= 0; back--) {
		int monday = g->monday - 7 * back;
		int n = monday + 4 < sf->em.start ? 0 :
		    poisson(g, lambda * season(g, monday));
		const struct block *b = back <= ROSTER_WEEKS_BACK ?
		    block_in_week(g, sf, monday) : NULL;

		for (int i = 0; i < n; i++) {
			struct referral r = { .origin = b ? b->id : 0 };

			snprintf(r.type, sizeof r.type, "%s",
			    case_type_for(g, sf->discipline));
			r.opened = b ? b->date : monday + rng_int(&g->rng, 0, 4);
			if (r.opened < sf->em.start)
				r.opened = sf->em.start;
			if (r.opened > g->today)
				continue;
			r.closed = r.opened + draw_lifetime(g,
			    mean_weeks(r.type));
			if (r.closed < begin)
				continue;
			if (r.closed >= g->today) {
				XGROW(open, open_cap, n_open + 1);
				open[n_open++] = r;
			} else if (add_case(g, sf, r.type, closed_phase(g, &r),
			    r.opened, r.closed, r.origin, have) == -1) {
				goto done;
			}
		}
	}
	/* the ones still open, in a random order, up to the goal */
	for (size_t i = n_open; i > 1; i--) {
		size_t j = (size_t)rng_int(&g->rng, 0, (int)i - 1);
		struct referral t = open[i - 1];

		open[i - 1] = open[j];
		open[j] = t;
	}
	for (size_t i = 0; i < n_open; i++) {
		struct referral *r = &open[i];
		enum phase ph = phase_for_age(g, g->today - r->opened);
		bool fits = case_fits(g, r->type, ph, *have, goal);

		if (!fits && r->opened >= g->today)
			continue;
		if (!fits)
			r->closed = rng_int(&g->rng, r->opened > begin ?
			    r->opened : begin, g->today - 1);
		if (add_case(g, sf, r->type, fits ? ph : closed_phase(g, r),
		    r->opened, fits ? DATE_NONE : r->closed, r->origin,
		    have) == -1)
			goto done;
		count += fits;
	}
	while (count++ < MAX_CASES) {
		const char *type = case_type_for(g, sf->discipline);
		int lo = sf->em.start > g->today - 120 ? sf->em.start :
		    g->today - 120;
		int opened = rng_int(&g->rng, lo, g->today);
		enum phase ph = phase_for_age(g, g->today - opened);

		if (!case_fits(g, type, ph, *have, goal))
			break;
		if (add_case(g, sf, type, ph, opened, DATE_NONE, 0, have) == -1)
			goto done;
	}
	rc = 0;
done:
	free(open);
	return rc;
}

/* The calibration of the file comment: solve the team's case ratio c from
 * target x capacity = c x sum(base x share) + fixed demand, then give each
 * member c x base x share, passing the rounding on to the next member. */
static int
add_cases(struct gen *g)
{
	const struct team_profile *p = g->profile;
	double target = aim_load(g->s, p->aim, &g->rng);
	double capacity = 0, fixed = 0, weight = 0, ratio, carry = 0;

	for (int i = 0; i < p->waiting; i++) {
		size_t d = p->violence ? PICK(&g->rng, disciplines, violence) :
		    PICK(&g->rng, disciplines, district);

		if (add_case(g, NULL, case_type_for(g, d), PHASE_INTAKE,
		    g->today - rng_int(&g->rng, 0, 34), DATE_NONE, 0,
		    &fixed) == -1)
			return -1;
	}
	for (size_t i = 0; i < g->n_staff; i++) {
		struct staff *sf = &g->staff[i];
		int pct[7];

		for (int d = 0; d < 7; d++)
			pct[d] = absent_pct(g, sf->em.id, g->monday + d);
		sf->capacity = workload_capacity(workload_available(&sf->em,
		    g->s, g->monday, pct), g->s);
		capacity += sf->capacity;
		fixed += sf->fixed;
		weight += sf->base * sf->share;
	}
	ratio = weight > 0 ? (target * capacity - fixed) / weight : 0;
	if (ratio < 0.2)
		ratio = 0.2;
	if (ratio > 1.5)
		ratio = 1.5;
	for (size_t i = 0; i < g->n_staff; i++)
		g->order[i] = i;
	shuffle(&g->rng, g->order, g->n_staff);
	for (size_t i = 0; i < g->n_staff; i++) {
		struct staff *sf = &g->staff[g->order[i]];
		double goal = ratio * sf->base * sf->share + carry, have = 0;

		if (fill_caseload(g, sf, goal, &have) == -1)
			return -1;
		carry = goal - have;
	}
	return 0;
}

static int
add_city_team(struct gen *g, size_t index)
{
	const struct team_profile *p;
	int size;

	if (add_team(g, index) == -1)
		return -1;
	p = g->profile;
	size = p->size + rng_int(&g->rng, -1, 1);
	if (size < 12)
		size = 12;
	if (size > 25)
		size = 25;
	if (add_rota(g, (size_t)size) == -1 ||
	    add_staff(g, index, (size_t)size) == -1 || add_absences(g) == -1 ||
	    add_activities(g) == -1 || add_roster(g) == -1 ||
	    add_cases(g) == -1)
		return err_prefix(g->e, "demo: team %s: ", g->team.code);
	return 0;
}

int
demo_create(struct store *st, const struct settings *s, int today,
    const struct demo_options *opt, struct err *e)
{
	struct gen g;
	int teams = opt != NULL ? opt->teams : 0;
	unsigned seed = opt != NULL && opt->seed != 0 ? opt->seed : DEMO_SEED;
	int rc = -1;

	if (teams < 0 || teams > DEMO_MAX_TEAMS)
		return err_setx(e, EXIT_USAGE,
		    "--teams: \"%d\" is not a number from 1 to %d", teams,
		    DEMO_MAX_TEAMS);
	if (teams == 0)
		teams = (int)NELEM(profiles);
	memset(&g, 0, sizeof g);
	g.st = st;
	g.s = s;
	g.e = e;
	g.rng.state = seed;
	g.today = today;
	g.monday = date_monday(today);
	g.ref_seq = 1000 + rng_int(&g.rng, 0, 3000);
	g.recent = xcalloc(RECENT_NAMES, sizeof *g.recent);
	if (store_begin(st, e) == -1)
		goto done;
	for (int i = 0; i < teams; i++)
		if (add_city_team(&g, (size_t)i) == -1)
			goto fail;
	if (store_commit(st, e) == -1)
		goto fail;
	rc = 0;
	goto done;
fail:
	store_rollback(st);
done:
	free(g.recent);
	free(g.staff);
	free(g.absences);
	free(g.blocks);
	free(g.order);
	return rc;
}
