/* validate: field parsers accept what people type and refuse the rest with
 * a message that quotes the value; record rules name the field first. */
#include "settings.h"
#include "testutil.h"
#include "validate.h"

static struct err e;

static void
setup(void)
{
	err_clear(&e);
}

TestSuite(validate, .init = setup);

/* The call failed with exactly this message. */
#define REFUSED(call, message)                                                \
	do {                                                                  \
		err_clear(&e);                                                \
		cr_assert_eq((call), -1, "%s accepted", #call);               \
		cr_assert_str_eq(e.msg, (message));                           \
	} while (0)

#define ACCEPTED(call) cr_assert_eq((call), 0, "%s: %s", #call, e.msg)

Test(validate, code)
{
	char out[CODE_SIZE];

	ACCEPTED(validate_code("CEN", out, sizeof out, &e));
	cr_assert_str_eq(out, "CEN");
	ACCEPTED(validate_code("jw-v_1.2", out, sizeof out, &e));
	cr_assert_str_eq(out, "jw-v_1.2");
	ACCEPTED(validate_code("ABCDEFGHIJKLMNO", out, sizeof out, &e));
	REFUSED(validate_code("", out, sizeof out, &e), "is required");
	REFUSED(validate_code("ZD N", out, sizeof out, &e),
	    "\"ZD N\" may only hold letters, digits and '-', '_', '.'");
	REFUSED(validate_code("Ö", out, sizeof out, &e),
	    "\"Ö\" may only hold letters, digits and '-', '_', '.'");
	REFUSED(validate_code("ABCDEFGHIJKLMNOP", out, sizeof out, &e),
	    "\"ABCDEFGHIJKLMNOP\" is longer than 15 characters");
}

Test(validate, text)
{
	char out[NAME_SIZE], small[8];

	ACCEPTED(validate_text("Özlem Kaya", false, out, sizeof out, &e));
	cr_assert_str_eq(out, "Özlem Kaya");
	ACCEPTED(validate_text("", true, out, sizeof out, &e));
	cr_assert_str_eq(out, "");
	REFUSED(validate_text("", false, out, sizeof out, &e), "is required");
	REFUSED(validate_text("a\tb", false, out, sizeof out, &e),
	    "\"a\\x09b\" must be UTF-8 text without control characters");
	REFUSED(validate_text("\xd6zlem", false, out, sizeof out, &e),
	    "\"\\xd6zlem\" must be UTF-8 text without control characters");
	REFUSED(validate_text("Jan-Willem", false, small, sizeof small, &e),
	    "\"Jan-Willem\" is longer than 7 bytes");
}

Test(validate, long_values_are_cut_in_messages)
{
	char out[CODE_SIZE];
	const char *v = "Dit is een heel lange waarde die niemand wil lezen";

	err_clear(&e);
	cr_assert_eq(validate_code(v, out, sizeof out, &e), -1);
	cr_assert(strstr(e.msg, "\"Dit is een heel lange waarde die nieman…\"")
	    == e.msg, "%s", e.msg);
}

Test(validate, hours)
{
	double h = 0;

	ACCEPTED(validate_hours("36", 0, false, 40, &h, &e));
	ASSERT_HOURS(h, 36);
	ACCEPTED(validate_hours("28,8", 0, false, 40, &h, &e));
	ASSERT_HOURS(h, 28.8);
	ACCEPTED(validate_hours("1.5", 0, false, 40, &h, &e));
	ASSERT_HOURS(h, 1.5);
	ACCEPTED(validate_hours("40", 0, false, 40, &h, &e));
	ACCEPTED(validate_hours("0", 0, true, 40, &h, &e));
	ASSERT_HOURS(h, 0);
	REFUSED(validate_hours("-3", 0, false, 40, &h, &e),
	    "\"-3\" must be more than 0 and at most 40");
	REFUSED(validate_hours("0", 0, false, 40, &h, &e),
	    "\"0\" must be more than 0 and at most 40");
	REFUSED(validate_hours("40,5", 0, false, 40, &h, &e),
	    "\"40,5\" must be more than 0 and at most 40");
	REFUSED(validate_hours("-1", 0, true, 12, &h, &e),
	    "\"-1\" must be at least 0 and at most 12");
	REFUSED(validate_hours("veel", 0, false, 40, &h, &e),
	    "\"veel\" is not a number");
	REFUSED(validate_hours("1.000,5", 0, false, 40, &h, &e),
	    "\"1.000,5\" is not a number");
	REFUSED(validate_hours("", 0, false, 40, &h, &e), "is required");
}

Test(validate, date)
{
	int d = 0;

	ACCEPTED(validate_date("2026-03-02", false, &d, &e));
	cr_assert_eq(d, D("2026-03-02"));
	ACCEPTED(validate_date("", true, &d, &e));
	cr_assert_eq(d, DATE_NONE);
	ACCEPTED(validate_date("2024-02-29", false, &d, &e));
	REFUSED(validate_date("", false, &d, &e), "is required");
	REFUSED(validate_date("2026-02-30", false, &d, &e),
	    "\"2026-02-30\" is not a date");
	REFUSED(validate_date("2025-02-29", true, &d, &e),
	    "\"2025-02-29\" is not a date");
	REFUSED(validate_date("02-03-2026", false, &d, &e),
	    "\"02-03-2026\" is not a date (use YYYY-MM-DD)");
}

Test(validate, workdays)
{
	unsigned w = 0;

	ACCEPTED(validate_workdays("", &w, &e));
	cr_assert_eq(w, WORKDAYS_ALL);
	ACCEPTED(validate_workdays("ma,di,do", &w, &e));
	cr_assert_eq(w, 0x1u | 0x2u | 0x8u);
	ACCEPTED(validate_workdays("mon,tue,thu", &w, &e));
	cr_assert_eq(w, 0x1u | 0x2u | 0x8u);
	ACCEPTED(validate_workdays("Maandag, Woensdag, VRIJDAG", &w, &e));
	cr_assert_eq(w, 0x1u | 0x4u | 0x10u);
	ACCEPTED(validate_workdays("di do", &w, &e));
	cr_assert_eq(w, 0x2u | 0x8u);
	ACCEPTED(validate_workdays("friday;thursday;friday", &w, &e));
	cr_assert_eq(w, 0x8u | 0x10u);
	ACCEPTED(validate_workdays("1,2,3,4,5", &w, &e));
	cr_assert_eq(w, WORKDAYS_ALL);
	REFUSED(validate_workdays("ma,za", &w, &e),
	    "\"ma,za\": za is not a workday (Monday to Friday only)");
	REFUSED(validate_workdays("ma,xx", &w, &e),
	    "\"ma,xx\" is not a list of days like \"ma,di,do\" or "
	    "\"mon,tue,thu\"");
	REFUSED(validate_workdays(",", &w, &e),
	    "\",\" is not a list of days like \"ma,di,do\" or "
	    "\"mon,tue,thu\"");
}

Test(validate, weekday)
{
	int d = 0;

	ACCEPTED(validate_weekday("1", &d, &e));
	cr_assert_eq(d, 1);
	ACCEPTED(validate_weekday("di", &d, &e));
	cr_assert_eq(d, 2);
	ACCEPTED(validate_weekday("Wednesday", &d, &e));
	cr_assert_eq(d, 3);
	ACCEPTED(validate_weekday("donderdag", &d, &e));
	cr_assert_eq(d, 4);
	ACCEPTED(validate_weekday("FRI", &d, &e));
	cr_assert_eq(d, 5);
	REFUSED(validate_weekday("6", &d, &e),
	    "\"6\" is in the weekend; intake is Monday to Friday");
	REFUSED(validate_weekday("zondag", &d, &e),
	    "\"zondag\" is in the weekend; intake is Monday to Friday");
	REFUSED(validate_weekday("0", &d, &e),
	    "\"0\" is not a weekday (1-5 or a name like \"ma\" or "
	    "\"monday\")");
	REFUSED(validate_weekday("", &d, &e), "is required");
}

Test(validate, part)
{
	enum part p = PART_AFTERNOON;

	ACCEPTED(validate_part("ochtend", &p, &e));
	cr_assert_eq(p, PART_MORNING);
	ACCEPTED(validate_part("Middag", &p, &e));
	cr_assert_eq(p, PART_AFTERNOON);
	ACCEPTED(validate_part("morning", &p, &e));
	cr_assert_eq(p, PART_MORNING);
	ACCEPTED(validate_part("afternoon", &p, &e));
	cr_assert_eq(p, PART_AFTERNOON);
	REFUSED(validate_part("avond", &p, &e),
	    "\"avond\" is not a part of the day (ochtend or middag)");
	REFUSED(validate_part("", &p, &e), "is required");
}

Test(validate, percent)
{
	int p = 0;

	ACCEPTED(validate_percent("100", &p, &e));
	cr_assert_eq(p, 100);
	ACCEPTED(validate_percent("1", &p, &e));
	cr_assert_eq(p, 1);
	ACCEPTED(validate_percent("50%", &p, &e));
	cr_assert_eq(p, 50);
	REFUSED(validate_percent("0", &p, &e),
	    "\"0\" must be a whole percentage from 1 to 100");
	REFUSED(validate_percent("101", &p, &e),
	    "\"101\" must be a whole percentage from 1 to 100");
	REFUSED(validate_percent("12,5", &p, &e),
	    "\"12,5\" must be a whole percentage from 1 to 100");
	REFUSED(validate_percent("%", &p, &e),
	    "\"%\" must be a whole percentage from 1 to 100");
	REFUSED(validate_percent("", &p, &e), "is required");
}

Test(validate, bool)
{
	static const char yes[][8] = { "1", "yes", "ja", "true", "JA", "True" };
	static const char no[][8] = { "0", "no", "nee", "false", "", "NEE" };
	bool b;

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		b = false;
		ACCEPTED(validate_bool(yes[i], &b, &e));
		cr_assert(b, "%s", yes[i]);
		b = true;
		ACCEPTED(validate_bool(no[i], &b, &e));
		cr_assert(!b, "%s", no[i]);
	}
	REFUSED(validate_bool("misschien", &b, &e),
	    "\"misschien\" is not yes or no (1/0, ja/nee, true/false)");
}

Test(validate, case_ref_and_bsn_guard)
{
	char out[REF_SIZE];

	ACCEPTED(validate_case_ref("Z-2026-0001", out, sizeof out, &e));
	cr_assert_str_eq(out, "Z-2026-0001");
	ACCEPTED(validate_case_ref("2026/117", out, sizeof out, &e));
	/* Nine digits that fail the elfproef are a reference. */
	ACCEPTED(validate_case_ref("111222334", out, sizeof out, &e));
	REFUSED(validate_case_ref("111222333", out, sizeof out, &e),
	    "\"111222333\" looks like a citizen service number (BSN); "
	    "wijklast stores no client data — use the reference from the "
	    "client system");
	/* Written with separators it is still a BSN. */
	REFUSED(validate_case_ref("123.456.782", out, sizeof out, &e),
	    "\"123.456.782\" looks like a citizen service number (BSN); "
	    "wijklast stores no client data — use the reference from the "
	    "client system");
	err_clear(&e);
	cr_assert_eq(validate_case_ref("123-456-782", out, sizeof out, &e),
	    -1);
	cr_assert(strstr(e.msg, "BSN") != NULL);
	REFUSED(validate_case_ref("", out, sizeof out, &e), "is required");
	REFUSED(validate_case_ref("Jan Jansen", out, sizeof out, &e),
	    "\"Jan Jansen\" may only hold letters, digits and "
	    "'-', '_', '.', '/'");
}

Test(validate, case_type_and_phase)
{
	struct settings s;
	char out[SETTINGS_CODE_MAX];
	enum phase p = PHASE_INTAKE;

	settings_defaults(&s);
	ACCEPTED(validate_case_type("JGD", &s, out, sizeof out, &e));
	cr_assert_str_eq(out, "JGD");
	/* Any case in, the configured spelling out. */
	ACCEPTED(validate_case_type("jgdc", &s, out, sizeof out, &e));
	cr_assert_str_eq(out, "JGDC");
	REFUSED(validate_case_type("XYZ", &s, out, sizeof out, &e),
	    "\"XYZ\" is not a case type in the configuration "
	    "(JGD, JGDC, VOL, WMO, FIN, HG, GGZ)");
	REFUSED(validate_case_type("", &s, out, sizeof out, &e),
	    "is required");

	ACCEPTED(validate_phase("intake", &p, &e));
	cr_assert_eq(p, PHASE_INTAKE);
	ACCEPTED(validate_phase("Actief", &p, &e));
	cr_assert_eq(p, PHASE_ACTIVE);
	ACCEPTED(validate_phase("afschalen", &p, &e));
	cr_assert_eq(p, PHASE_TAPER);
	REFUSED(validate_phase("slapend", &p, &e),
	    "\"slapend\" is not a phase (intake, actief or afschalen)");
	settings_clear(&s);
}

static struct employee
good_employee(void)
{
	struct employee em = { .id = 1, .team_id = 1, .contract_hours = 24,
		.workdays = 0xb, .end = DATE_NONE };

	strcpy(em.code, "JWV");
	strcpy(em.name, "Jan-Willem de Vries");
	strcpy(em.discipline, "wmo");
	em.start = D("2021-03-01");
	return em;
}

Test(validate, employee_record)
{
	struct settings s;
	struct employee em;

	settings_defaults(&s);
	em = good_employee();
	ACCEPTED(validate_employee(&em, &s, &e));
	em.end = em.start; /* a one-day contract is fine */
	ACCEPTED(validate_employee(&em, &s, &e));
	em.end = D("2021-02-28");
	REFUSED(validate_employee(&em, &s, &e),
	    "end: 2021-02-28 is before start 2021-03-01");

	em = good_employee();
	em.contract_hours = 0;
	REFUSED(validate_employee(&em, &s, &e),
	    "contract_hours: 0 must be more than 0 and at most 40");
	em.contract_hours = 40.5;
	REFUSED(validate_employee(&em, &s, &e),
	    "contract_hours: 40.5 must be more than 0 and at most 40");

	em = good_employee();
	em.workdays = 0;
	REFUSED(validate_employee(&em, &s, &e),
	    "workdays: must be one or more of Monday to Friday");
	em.workdays = 0x20; /* Saturday */
	REFUSED(validate_employee(&em, &s, &e),
	    "workdays: must be one or more of Monday to Friday");

	em = good_employee();
	strcpy(em.discipline, "WMO");
	ACCEPTED(validate_employee(&em, &s, &e));
	strcpy(em.discipline, "");
	ACCEPTED(validate_employee(&em, &s, &e));
	strcpy(em.discipline, "astrologie");
	REFUSED(validate_employee(&em, &s, &e),
	    "discipline: \"astrologie\" is not in the configured list "
	    "(jeugd, wmo, volwassenen, financien, hg, ggz)");
	/* An empty list allows any discipline. */
	s.n_disciplines = 0;
	ACCEPTED(validate_employee(&em, &s, &e));
	s.n_disciplines = 6;

	em = good_employee();
	em.name[0] = '\0';
	REFUSED(validate_employee(&em, &s, &e), "name: is required");
	settings_clear(&s);
}

Test(validate, absence_record)
{
	struct absence a = { .employee_id = 1, .percent = 100 };

	a.start = D("2026-03-02");
	a.end = D("2026-03-02");
	ACCEPTED(validate_absence(&a, &e));
	a.end = D("2026-03-01");
	REFUSED(validate_absence(&a, &e),
	    "end: 2026-03-01 is before start 2026-03-02");
	a.end = DATE_NONE;
	REFUSED(validate_absence(&a, &e), "end: is required");
	a.end = D("2026-03-13");
	a.percent = 0;
	REFUSED(validate_absence(&a, &e), "percent: 0 must be from 1 to 100");
	a.percent = 101;
	REFUSED(validate_absence(&a, &e),
	    "percent: 101 must be from 1 to 100");
}

Test(validate, activity_record)
{
	struct activity a = { .employee_id = 1, .hours_per_week = 4,
		.end = DATE_NONE };

	strcpy(a.name, "Pilot Wijkwijzer");
	a.start = D("2026-01-05");
	ACCEPTED(validate_activity(&a, &e));
	a.end = D("2026-01-04");
	REFUSED(validate_activity(&a, &e),
	    "end: 2026-01-04 is before start 2026-01-05");
	a.end = DATE_NONE;
	a.hours_per_week = 0;
	REFUSED(validate_activity(&a, &e),
	    "hours_per_week: 0 must be more than 0 and at most 40");
	a.hours_per_week = 41;
	REFUSED(validate_activity(&a, &e),
	    "hours_per_week: 41 must be more than 0 and at most 40");
}

Test(validate, case_record)
{
	struct case_item c = { .team_id = 1, .phase = PHASE_ACTIVE,
		.closed = DATE_NONE };

	strcpy(c.ref, "Z-1");
	strcpy(c.type, "JGD");
	c.opened = D("2026-02-02");
	ACCEPTED(validate_case(&c, &e));
	c.closed = D("2026-02-02");
	ACCEPTED(validate_case(&c, &e));
	c.closed = D("2026-01-31");
	REFUSED(validate_case(&c, &e),
	    "closed: 2026-01-31 is before opened 2026-02-02");
	c.closed = DATE_NONE;
	strcpy(c.ref, "111222333");
	err_clear(&e);
	cr_assert_eq(validate_case(&c, &e), -1);
	cr_assert(strncmp(e.msg, "ref: \"111222333\" looks like a citizen "
	    "service number (BSN)", 52) == 0, "%s", e.msg);
}
