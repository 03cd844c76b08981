/* libFuzzer: every import kind (the first byte picks it) on any bytes, as a
 * dry run against a small city; an input the dry run accepts is imported
 * for real too, and must then be written: the checks before writing and the
 * schema's CHECK constraints must agree (all or nothing, SPEC §9). */
#include <stdbool.h>
#include <string.h>

#include "dataset.h"
#include "date.h"
#include "err.h"
#include "fuzz.h"
#include "import.h"
#include "settings.h"
#include "store.h"

/* The city every input is checked against: synthetic, like all inputs. */
static const char *const seed[][2] = {
	{ "teams", "code,name,area\nNRD,Noord,Noord\nZUI,Zuid,\n" },
	{ "employees", "code,name,team,discipline,contract_hours,workdays,"
	    "start,end\nN1,Anna de Vries,NRD,jeugd,36,\"ma,di,wo,do,vr\","
	    "2024-01-01,\nN2,Özlem Kaya,NRD,,24,\"ma,di,do\",2025-03-01,"
	    "2027-12-31\nZ1,Jan Bos,ZUI,wmo,32,,2020-01-01,\n" },
	{ "rota", "team,weekday,part,hours\nNRD,1,ochtend,4\nNRD,di,middag,\n"
	    "ZUI,3,ochtend,3.5\n" },
	{ "blocks", "team,date,part,employee,locked,hours\n"
	    "NRD,2026-11-23,ochtend,N1,0,\nNRD,2026-11-24,middag,,ja,\n" },
	{ "cases", "ref,team,employee,type,phase,opened,closed\n"
	    "Z-1,NRD,N1,JGD,intake,2026-10-01,\nZ-2,ZUI,,VOL,actief,"
	    "2026-01-05,2026-11-30\n" },
};

static struct store *st;
static struct dataset d;
static struct settings s;

static void
import_text(enum import_kind kind, const char *text, bool dry_run, bool must)
{
	struct import_result res;
	struct fuzz_file f;
	struct err e;
	int rc;

	fuzz_file_open(&f, (const uint8_t *)text, strlen(text));
	err_clear(&e);
	rc = import_csv(st, &d, &s, kind, f.path, &(struct import_options){
	    .dry_run = dry_run, .today = date_from_ymd(2026, 11, 23) }, &res,
	    &e);
	import_result_clear(&res);
	fuzz_file_close(&f);
	if (rc < 0 && must) {
		fprintf(stderr, "import %s: %s\n", import_kind_name(kind),
		    e.msg);
		abort();
	}
	if (rc == 0 && !dry_run) {
		err_clear(&e);
		if (store_load(st, &d, DATASET_ALL, &e) < 0)
			abort();
	}
}

/* (Re)open the city: an input that was imported for real changed it. */
static void
open_city(void)
{
	struct err e;

	store_close(st);
	dataset_clear(&d);
	memset(&d, 0, sizeof d);
	err_clear(&e);
	if (store_open(&st, ":memory:", "fuzz", &e) < 0 ||
	    store_load(st, &d, DATASET_ALL, &e) < 0)
		abort();
	for (size_t i = 0; i < sizeof seed / sizeof seed[0]; i++)
		import_text(import_kind_parse(seed[i][0]), seed[i][1], false,
		    true);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_result res;
	struct fuzz_file f;
	enum import_kind kind;
	struct err e;
	size_t rows;
	int rc;

	if (st == NULL) {
		settings_defaults(&s);
		open_city();
	}
	if (size < 1)
		return 0;
	kind = (enum import_kind)(data[0] % IMPORT_KIND_COUNT);
	/* the next bit: a sync (import --update) */
	struct import_options opt = { .dry_run = true,
		.update = (data[0] / IMPORT_KIND_COUNT) % 2 != 0,
		.today = date_from_ymd(2026, 11, 23) };
	fuzz_file_open(&f, data + 1, size - 1);
	err_clear(&e);
	rc = import_csv(st, &d, &s, kind, f.path, &opt, &res, &e);
	rows = res.rows;
	import_result_clear(&res);
	if (rc < 0 && e.msg[0] == '\0')
		abort(); /* a refusal must say why */
	if (rc == 0 && rows > 0) {
		/* Checked good: it must write, all of it. */
		err_clear(&e);
		opt.dry_run = false;
		if (import_csv(st, &d, &s, kind, f.path, &opt, &res, &e) < 0) {
			fprintf(stderr, "checked, then refused: %s\n%s", e.msg,
			    res.problems ? res.problems : "");
			abort();
		}
		import_result_clear(&res);
		open_city();
	}
	fuzz_file_close(&f);
	return 0;
}
