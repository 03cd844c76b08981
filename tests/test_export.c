/* export: the weekly summary in every format on a small city — numbers per
 * dialect, the formula guard, escaping in md and html, and atomic writes
 * that leave nothing behind when they fail. The e2e test reads the demo's
 * exports back with independent readers (Python csv, json, openpyxl). */
#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "i18n.h"
#include "report.h"
#include "testutil.h"
#include "workload.h"
#include "xmem.h"

static struct settings S;
static struct dataset DS;
static struct week_figures W;
static char *dir;

static int64_t
add_team(const char *code, const char *name)
{
	struct team *t;

	t = TEST_APPEND(DS.teams, DS.n_teams);
	snprintf(t->code, sizeof t->code, "%s", code);
	snprintf(t->name, sizeof t->name, "%s", name);
	return t->id;
}

static int64_t
add_employee(int64_t team, const char *code, const char *name, double hours)
{
	struct employee *em;

	em = TEST_APPEND(DS.employees, DS.n_employees);
	snprintf(em->code, sizeof em->code, "%s", code);
	snprintf(em->name, sizeof em->name, "%s", name);
	em->team_id = team;
	em->contract_hours = hours;
	em->workdays = WORKDAYS_ALL;
	em->start = D("2020-01-01");
	em->end = DATE_NONE;
	return em->id;
}

static void
add_case(int64_t team, int64_t em, const char *type)
{
	struct case_item *c;

	c = TEST_APPEND(DS.cases, DS.n_cases);
	snprintf(c->ref, sizeof c->ref, "C%zu", DS.n_cases);
	c->team_id = team;
	c->employee_id = em;
	snprintf(c->type, sizeof c->type, "%s", type);
	c->phase = PHASE_ACTIVE;
	c->opened = D("2026-01-05");
	c->closed = DATE_NONE;
}

static void
add_activity(int64_t em, double hours)
{
	struct activity *a;

	a = TEST_APPEND(DS.activities, DS.n_activities);
	a->employee_id = em;
	snprintf(a->name, sizeof a->name, "pilot");
	a->hours_per_week = hours;
	a->start = D("2026-01-01");
	a->end = DATE_NONE;
}

/* Week 2026-W48. CEN: E1 36 h, capacity 36 × 0.9 = 32.40, demand JGD 2.00
 * + side 24.50 = 26.50, load 0.818 (ROOM); E2 away all week with a case:
 * no capacity, load infinite (OVER). EQ, a team named like a formula:
 * employees whose code or name starts with - @ + =. */
static void
setup(void)
{
	int64_t cen, eq, e1, e2, e3;
	struct absence *a;

	settings_defaults(&S);
	memset(&DS, 0, sizeof DS);
	cen = add_team("CEN", "Centrum <b>&\"x\" | y");
	eq = add_team("EQ", "=SUM(A1)");
	e1 = add_employee(cen, "E1", "Özlem Kaya", 36);
	e2 = add_employee(cen, "E2", "+31 Jansen", 18);
	e3 = add_employee(eq, "-X1", "@home", 18);
	add_employee(eq, "E4", "=HYPERLINK(\"x\",\"y\")", 18);
	add_employee(eq, "E5", "Jan | de Vries", 18);
	add_case(cen, e1, "JGD");
	add_case(cen, e2, "HG");
	add_case(eq, e3, "VOL");
	add_activity(e1, 24.5);
	DS.absences = xcalloc(1, sizeof *DS.absences);
	a = &DS.absences[DS.n_absences++];
	a->id = 1;
	a->employee_id = e2;
	a->start = D("2026-11-01");
	a->end = D("2026-12-31");
	a->percent = 100;
	workload_week(&DS, &S, D("2026-11-23"), &W);
	dir = test_tmpdir();
}

static void
teardown(void)
{
	workload_week_clear(&W);
	dataset_clear(&DS);
	settings_clear(&S);
}

TestSuite(export, .init = setup, .fini = teardown);

static int
run(const char *path, enum export_format fmt, enum export_dialect dialect,
    long team, struct err *e)
{
	struct export_request rq = { .format = fmt, .dialect = dialect,
		.team = team, .generated = D("2026-11-24") };

	err_clear(e);
	return export_write(path, &rq, &DS, &S, &W, e);
}

/* The whole file; the caller frees. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	cr_assert_not_null(f, "%s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = xmalloc((size_t)n + 1);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* Export fmt into dir/name and return the text. */
static char *
export_text(const char *name, enum export_format fmt,
    enum export_dialect dialect)
{
	char path[4200];
	struct err e;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	cr_assert_eq(run(path, fmt, dialect, -1, &e), 0, "%s", e.msg);
	return slurp(path);
}

#define ASSERT_HAS(text, part) \
	cr_assert_not_null(strstr(text, part), "lacks %s", part)
#define ASSERT_LACKS(text, part) \
	cr_assert_null(strstr(text, part), "has %s", part)

static size_t
entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	size_t n = 0;

	cr_assert_not_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

Test(export, parse_formats_and_dialects)
{
	cr_assert_eq(export_format_parse("csv"), EXPORT_CSV);
	cr_assert_eq(export_format_parse("xlsx"), EXPORT_XLSX);
	cr_assert_eq(export_format_parse("html"), EXPORT_HTML);
	cr_assert_eq(export_format_parse("md"), EXPORT_MD);
	cr_assert_eq(export_format_parse("json"), EXPORT_JSON);
	cr_assert_eq(export_format_parse("xls"), -1);
	cr_assert_eq(export_dialect_parse("excel-nl"), EXPORT_EXCEL_NL);
	cr_assert_eq(export_dialect_parse("rfc4180"), EXPORT_RFC4180);
	cr_assert_eq(export_dialect_parse("excel"), -1);
}

Test(export, csv_rfc4180_numbers_crlf_no_bom)
{
	char *s = export_text("x.csv", EXPORT_CSV, EXPORT_RFC4180);

	cr_assert(strncmp(s, "week,kind,team,code,name,", 25) == 0, "%.40s", s);
	/* The last columns: sustained, sustained members, frozen. */
	ASSERT_HAS(s, ",sustained,sustained_members,frozen\r\n");
	ASSERT_HAS(s, "2026-W48,employee,CEN,E1,Özlem Kaya,,1.00,36.00,32.40,"
	    "2.00,0.00,24.50,26.50,,,0.818,ROOM,,,,,1,0,0,0,,0\r\n");
	/* No capacity: load empty, status OVER. */
	ASSERT_HAS(s, ",E2,'+31 Jansen,,0.50,0.00,0.00,4.00,0.00,0.00,4.00,,,"
	    ",OVER,");
	/* Every line ends in CRLF; no bare LF. */
	for (const char *p = strchr(s, '\n'); p; p = strchr(p + 1, '\n'))
		cr_assert_eq(p[-1], '\r');
	free(s);
}

Test(export, csv_excel_nl_semicolons_decimal_commas_bom)
{
	char *s = export_text("x.csv", EXPORT_CSV, EXPORT_EXCEL_NL);

	/* For people: their headings, load as a percentage, "yes" or
	 * nothing for a flag (English here: no catalogue). */
	cr_assert(strncmp(s, "\xef\xbb\xbfWeek;Kind;Team;Code;Name;Members;"
	    "FTE;Available;Capacity;Case hours;", 55) == 0, "%.60s", s);
	ASSERT_HAS(s, ";Sustained overload;Members in sustained overload;"
	    "Frozen\r\n");
	ASSERT_HAS(s, "2026-W48;employee;CEN;E1;Özlem Kaya;;1,00;36,00;32,40;"
	    "2,00;0,00;24,50;26,50;;;81,8%;ROOM;;;;;1;0;0;;;\r\n");
	/* No capacity: no load, status OVER. */
	ASSERT_HAS(s, ";4,00;;;;OVER;");
	/* Quotes force quoting in either dialect; the guard goes inside. */
	ASSERT_HAS(s, ";E4;\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\";");
	ASSERT_HAS(s, ";EQ;EQ;'=SUM(A1);");
	free(s);
}

Test(export, csv_guards_formula_like_text)
{
	char *s = export_text("x.csv", EXPORT_CSV, EXPORT_RFC4180);

	ASSERT_HAS(s, ",team,EQ,EQ,'=SUM(A1),");
	ASSERT_HAS(s, ",EQ,'-X1,'@home,");
	ASSERT_HAS(s, ",E2,'+31 Jansen,");
	/* Quoted (it holds quotes and commas), guard inside the quotes. */
	ASSERT_HAS(s, ",E4,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",");
	ASSERT_LACKS(s, ",=");
	ASSERT_HAS(s, ",Özlem Kaya,");
	free(s);
}

Test(export, json_schema_numbers_and_null_load)
{
	char *s = export_text("x.json", EXPORT_JSON, EXPORT_RFC4180);

	ASSERT_HAS(s, "\"schema\": 1,");
	ASSERT_HAS(s, "\"week\": \"2026-W48\"");
	ASSERT_HAS(s, "\"generated\": \"2026-11-24\",\n  \"frozen\": false,");
	ASSERT_HAS(s, "\"code\": \"E1\", \"name\": \"Özlem Kaya\", \"fte\": 1.00, "
	    "\"available\": 36.00, \"capacity\": 32.40, \"case_hours\": 2.00");
	ASSERT_HAS(s, "\"demand\": 26.50, \"load\": 0.818, \"status\": \"ROOM\"");
	ASSERT_HAS(s, "\"load\": null, \"status\": \"OVER\"");
	ASSERT_HAS(s, "\"name\": \"Centrum <b>&\\\"x\\\" | y\"");
	ASSERT_HAS(s, "\"members_by_status\": {\"OVER\": 1, \"HIGH\": 0, "
	    "\"OK\": 0, \"ROOM\": 1}");
	free(s);
}

Test(export, md_escapes_pipes_and_markup)
{
	char *s = export_text("x.md", EXPORT_MD, EXPORT_RFC4180);

	ASSERT_HAS(s, "| E5 | Jan \\| de Vries |");
	ASSERT_HAS(s, "| CEN | Centrum \\<b\\>&\"x\" \\| y |");
	ASSERT_HAS(s, "## CEN Centrum \\<b\\>");
	ASSERT_HAS(s, "| 81.8% | ROOM |");
	ASSERT_HAS(s, "| — (no capacity) | OVER |");
	free(s);
}

Test(export, html_escapes_text_and_draws_a_bar_per_team)
{
	char *s = export_text("x.html", EXPORT_HTML, EXPORT_RFC4180);
	size_t bars = 0;

	cr_assert(strncmp(s, "<!DOCTYPE html>\n<html lang=\"", 28) == 0);
	ASSERT_HAS(s, "<meta charset=\"utf-8\"/>");
	ASSERT_HAS(s, "Centrum &lt;b&gt;&amp;&quot;x&quot; | y");
	ASSERT_LACKS(s, "<b>");
	ASSERT_HAS(s, "=HYPERLINK(&quot;x&quot;,&quot;y&quot;)");
	ASSERT_HAS(s, "@media print");
	/* Self-contained: nothing fetched from elsewhere. */
	ASSERT_LACKS(s, "<link");
	ASSERT_LACKS(s, "src=");
	ASSERT_LACKS(s, "url(");
	for (const char *p = s; (p = strstr(p, "<rect class=\"bar")); p++)
		bars++;
	cr_assert_eq(bars, 2);
	ASSERT_HAS(s, "data-team=\"CEN\"");
	ASSERT_HAS(s, "data-threshold=\"0.900\"");
	ASSERT_HAS(s, "data-threshold=\"1.100\"");
	free(s);
}

Test(export, xlsx_is_a_zip)
{
	char *s = export_text("x.xlsx", EXPORT_XLSX, EXPORT_RFC4180);

	cr_assert(strncmp(s, "PK\x03\x04", 4) == 0);
	free(s);
	cr_assert_eq(entries(dir), 1);
}

Test(export, one_team_only)
{
	char path[4200];
	struct err e;
	char *s;

	snprintf(path, sizeof path, "%s/eq.json", dir);
	cr_assert_eq(run(path, EXPORT_JSON, EXPORT_RFC4180, 1, &e), 0);
	s = slurp(path);
	ASSERT_LACKS(s, "\"CEN\"");
	ASSERT_HAS(s, "\"code\": \"E5\"");
	free(s);
}

/* A write that fails half way (the file size limit stands in for a full
 * disk) leaves the old file as it was and no temp file. */
static void
failing_write(enum export_format fmt)
{
	struct rlimit lim = { 100, 100 };
	char path[4200];
	struct err e;
	char *s;
	FILE *f;

	snprintf(path, sizeof path, "%s/x.out", dir);
	f = fopen(path, "w");
	fputs("old\n", f);
	fclose(f);
	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	cr_assert_eq(run(path, fmt, EXPORT_RFC4180, -1, &e), -1);
	cr_assert_eq(e.status, EXIT_IOERR, "%d %s", e.status, e.msg);
	cr_assert_not_null(strstr(e.msg, "x.out"), "%s", e.msg);
	s = slurp(path);
	cr_assert_str_eq(s, "old\n");
	free(s);
	cr_assert_eq(entries(dir), 1);
}

Test(export, failed_csv_write_leaves_old_file_and_no_temp)
{
	failing_write(EXPORT_CSV);
}

Test(export, failed_xlsx_write_leaves_old_file_and_no_temp)
{
	failing_write(EXPORT_XLSX);
}

Test(export, full_device_is_an_io_error)
{
	struct err e;

	if (access("/dev/full", W_OK) != 0)
		cr_skip_test("no /dev/full");
	cr_assert_eq(run("/dev/full", EXPORT_HTML, EXPORT_RFC4180, -1, &e), -1);
	cr_assert_eq(e.status, EXIT_IOERR, "%s", e.msg);
	cr_assert_eq(run("/dev/full", EXPORT_XLSX, EXPORT_RFC4180, -1, &e), -1);
	cr_assert_eq(e.status, EXIT_IOERR, "%s", e.msg);
}

Test(export, missing_folder_cannot_be_created)
{
	char path[4200];
	struct err e;

	snprintf(path, sizeof path, "%s/nodir/x.csv", dir);
	cr_assert_eq(run(path, EXPORT_CSV, EXPORT_RFC4180, -1, &e), -1);
	cr_assert_eq(e.status, EXIT_CANTCREAT, "%s", e.msg);
	cr_assert_eq(run(dir, EXPORT_CSV, EXPORT_RFC4180, -1, &e), -1);
	cr_assert_eq(e.status, EXIT_CANTCREAT, "%s", e.msg);
	cr_assert_eq(entries(dir), 0);
}

Test(export, replaces_a_file_keeping_its_mode)
{
	char path[4200];
	struct stat st;
	struct err e;
	FILE *f;

	snprintf(path, sizeof path, "%s/x.md", dir);
	f = fopen(path, "w");
	fputs("old\n", f);
	fclose(f);
	chmod(path, 0640);
	cr_assert_eq(run(path, EXPORT_MD, EXPORT_RFC4180, -1, &e), 0);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0640);
	cr_assert_gt(st.st_size, 100);
	cr_assert_eq(entries(dir), 1);
}

static void
record(void *ctx, double fraction)
{
	double *last = ctx;

	cr_assert_gt(fraction, last[0] - 1e-12);
	cr_assert_leq(fraction, 1.0);
	last[0] = fraction;
	last[1]++;
}

Test(export, progress_rises_to_one)
{
	double seen[2] = { 0, 0 };
	struct export_request rq = { .format = EXPORT_XLSX, .team = -1,
		.generated = D("2026-11-24"), .progress = record,
		.ctx = seen };
	char path[4200];
	struct err e;

	snprintf(path, sizeof path, "%s/x.xlsx", dir);
	err_clear(&e);
	cr_assert_eq(export_write(path, &rq, &DS, &S, &W, &e), 0, "%s", e.msg);
	cr_assert_float_eq(seen[0], 1.0, 1e-9);
	cr_assert_geq(seen[1], 2);
}

/* --- for people in their language; frozen weeks; names in order --- */

/* Speak Dutch with the build's catalogue, as `LANGUAGE=nl wijklast` does. */
static void
dutch(void)
{
	const char *catalogue = getenv("WIJKLAST_LOCALEDIR");

	cr_assert(catalogue != NULL && *catalogue != '\0',
	    "WIJKLAST_LOCALEDIR names no catalogue folder (tests/run-all "
	    "sets it)");
	setenv("LANG", "C.UTF-8", 1);
	setenv("LANGUAGE", "nl", 1);
	i18n_init();
}

Test(export, md_and_html_in_dutch)
{
	char *s;

	dutch();
	s = export_text("x.md", EXPORT_MD, EXPORT_RFC4180);
	ASSERT_HAS(s, "# Werklast, week 2026-W48\n");
	ASSERT_HAS(s, "| Code | Naam | FTE | Beschikbaar | Capaciteit |");
	/* Decimal commas, Dutch status words, "ja" for a flag. */
	ASSERT_HAS(s, "| E1 | Özlem Kaya | 1,00 | 36,00 | 32,40 | 2,00 | 0,00 "
	    "| 24,50 | 26,50 | 81,8% | RUIMTE |");
	ASSERT_HAS(s, "| — (geen capaciteit) | OVER |");
	ASSERT_LACKS(s, "ROOM |");
	ASSERT_LACKS(s, "32.40");
	free(s);
	s = export_text("x.html", EXPORT_HTML, EXPORT_RFC4180);
	ASSERT_HAS(s, "<html lang=\"nl\">");
	ASSERT_HAS(s, "<td class=\"room\">RUIMTE</td>");
	ASSERT_HAS(s, "<td class=\"n\">32,40</td>");
	/* Machine attributes keep their dots. */
	ASSERT_HAS(s, "data-load=\"0.");
	ASSERT_HAS(s, "data-threshold=\"0.900\"");
	free(s);
}

Test(export, excel_nl_csv_in_dutch)
{
	char *s;

	dutch();
	s = export_text("x.csv", EXPORT_CSV, EXPORT_EXCEL_NL);
	cr_assert(strncmp(s, "\xef\xbb\xbfWeek;Soort;Team;Code;Naam;Leden;FTE;"
	    "Beschikbaar;Capaciteit;Casusuren;", 62) == 0, "%.70s", s);
	ASSERT_HAS(s, ";Werklast;Status;Leden OVER;Leden HOOG;Leden OK;"
	    "Leden RUIMTE;");
	ASSERT_HAS(s, ";Aanhoudende overbelasting;Leden met aanhoudende "
	    "overbelasting;Bevroren\r\n");
	ASSERT_HAS(s, "2026-W48;medewerker;CEN;E1;Özlem Kaya;;1,00;36,00;32,40;"
	    "2,00;0,00;24,50;26,50;;;81,8%;RUIMTE;;;;;1;0;0;;;\r\n");
	ASSERT_HAS(s, "2026-W48;team;CEN;CEN;");
	ASSERT_LACKS(s, "snake");
	ASSERT_LACKS(s, "case_hours");
	free(s);
}

Test(export, machine_formats_do_not_change_with_the_language)
{
	char *csv_en = export_text("en.csv", EXPORT_CSV, EXPORT_RFC4180);
	char *json_en = export_text("en.json", EXPORT_JSON, EXPORT_RFC4180);
	char *csv_nl, *json_nl;

	dutch();
	csv_nl = export_text("nl.csv", EXPORT_CSV, EXPORT_RFC4180);
	json_nl = export_text("nl.json", EXPORT_JSON, EXPORT_RFC4180);
	cr_assert_str_eq(csv_nl, csv_en);
	cr_assert_str_eq(json_nl, json_en);
	free(csv_en), free(json_en), free(csv_nl), free(json_nl);
}

Test(export, a_frozen_week_says_so_in_every_format)
{
	char *s;

	W.frozen = true;
	s = export_text("x.md", EXPORT_MD, EXPORT_RFC4180);
	ASSERT_HAS(s, "# Workload, week 2026-W48 (frozen)\n\n**Frozen: the "
	    "figures as they were saved");
	free(s);
	s = export_text("x.html", EXPORT_HTML, EXPORT_RFC4180);
	ASSERT_HAS(s, "<title>Workload, week 2026-W48 (frozen)</title>");
	ASSERT_HAS(s, "<h1>Workload, week 2026-W48 (frozen)</h1>\n"
	    "<p class=\"frozen\"><strong>Frozen: the figures as they were "
	    "saved");
	free(s);
	s = export_text("x.json", EXPORT_JSON, EXPORT_RFC4180);
	ASSERT_HAS(s, "\"frozen\": true,");
	free(s);
	s = export_text("x.csv", EXPORT_CSV, EXPORT_RFC4180);
	/* Every row ends in the flag, so a filter or a pivot keeps it. */
	for (const char *p = strstr(s, "\r\n") + 2; *p;
	    p = strstr(p, "\r\n") + 2)
		cr_assert(strncmp(strstr(p, "\r\n") - 2, ",1", 2) == 0,
		    "%.60s", p);
	free(s);
	s = export_text("x.csv", EXPORT_CSV, EXPORT_EXCEL_NL);
	ASSERT_HAS(s, ";;yes\r\n");
	free(s);
	dutch();
	s = export_text("x.md", EXPORT_MD, EXPORT_RFC4180);
	ASSERT_HAS(s, "# Werklast, week 2026-W48 (bevroren)\n");
	ASSERT_HAS(s, "Bevroren: de cijfers");
	free(s);
}

Test(export, a_live_week_is_not_marked_frozen)
{
	char *s = export_text("x.md", EXPORT_MD, EXPORT_RFC4180);

	ASSERT_LACKS(s, "rozen");
	free(s);
	s = export_text("x.html", EXPORT_HTML, EXPORT_RFC4180);
	ASSERT_LACKS(s, "(frozen)");
	ASSERT_LACKS(s, "Frozen");
	ASSERT_LACKS(s, "class=\"frozen\"");
	free(s);
}

Test(export, employees_by_name_within_a_team)
{
	char *s = export_text("x.md", EXPORT_MD, EXPORT_RFC4180);
	const char *jansen = strstr(s, "| E2 |"), *kaya = strstr(s, "| E1 |");

	/* +31 Jansen under J, Özlem Kaya under K: not the dataset's order. */
	cr_assert(jansen && kaya && jansen < kaya);
	free(s);
	s = export_text("x.csv", EXPORT_CSV, EXPORT_RFC4180);
	jansen = strstr(s, ",E2,");
	kaya = strstr(s, ",E1,");
	cr_assert(jansen && kaya && jansen < kaya);
	free(s);
}

/* Names holding terminal escapes, C1 controls and bidi overrides, however
 * they reached the data, come out as U+FFFD in every human-readable output:
 * the text report and the csv, md and html exports. */
Test(export, terminal_escapes_are_neutralised_everywhere)
{
	static const char *const bad[] = {
		"\x1b", "\x07", "\x7f", "\xc2\x9b", "\xe2\x80\xae", "\xe2\x81\xa6",
		"\xe2\x80\x8f",
	};
	static const struct {
		const char *name;
		enum export_format fmt;
		enum export_dialect dialect;
	} outs[] = {
		{ "x.csv", EXPORT_CSV, EXPORT_RFC4180 },
		{ "nl.csv", EXPORT_CSV, EXPORT_EXCEL_NL },
		{ "x.md", EXPORT_MD, EXPORT_RFC4180 },
		{ "x.html", EXPORT_HTML, EXPORT_RFC4180 },
	};
	char *texts[5];
	size_t len = 0;
	FILE *f;

	snprintf(DS.teams[0].name, sizeof DS.teams[0].name,
	    "Cen\x1b]0;pwned\x07tr\xc2\x9bum\x7f");
	snprintf(DS.teams[0].code, sizeof DS.teams[0].code, "C\x1b[2J");
	snprintf(DS.employees[0].name, sizeof DS.employees[0].name,
	    "\xe2\x80\xaeOzlem\xe2\x81\xa6 \xe2\x80\x8fKaya");
	for (size_t i = 0; i < 4; i++)
		texts[i] = export_text(outs[i].name, outs[i].fmt,
		    outs[i].dialect);
	f = open_memstream(&texts[4], &len);
	cr_assert_eq(report_write(f, REPORT_TEXT, &DS, &S, &W, -1, NULL), 0);
	fclose(f);
	for (size_t i = 0; i < 5; i++) {
		for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++)
			cr_assert_null(strstr(texts[i], bad[b]), "%s holds "
			    "raw control %zu", i < 4 ? outs[i].name : "report",
			    b);
		ASSERT_HAS(texts[i], "Cen\xef\xbf\xbd"); /* md escapes ] */
		ASSERT_HAS(texts[i], "pwned\xef\xbf\xbdtr\xef\xbf\xbdum");
		ASSERT_HAS(texts[i], "\xef\xbf\xbdOzlem");
		free(texts[i]);
	}
}
