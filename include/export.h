/* export: the weekly workload summary of SPEC §6 — one row per employee and
 * one per team of one ISO week — as csv (RFC 4180 or Dutch Excel), json, md,
 * xlsx or html, written atomically to a path or to stdout. A consumer of the
 * model like report: it reads figures, never the store, and never prints. */
#ifndef WIJKLAST_EXPORT_H
#define WIJKLAST_EXPORT_H

#include "dataset.h"
#include "forecast.h"
#include "settings.h"
#include "workload.h"

struct err;

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_MD, EXPORT_XLSX,
	EXPORT_HTML };

/* CSV dialects: comma, dot decimals, no BOM / semicolon, decimal comma, BOM. */
enum export_dialect { EXPORT_RFC4180, EXPORT_EXCEL_NL };

struct export_request {
	enum export_format format;
	enum export_dialect dialect; /* csv only */
	long team;                   /* a team index, or -1 for every team */
	int generated;               /* the date it is made (today) */
	/* The coming weeks (forecast_run of the teams), for the html's fan
	 * chart and the xlsx's Forecast sheet; NULL: none. */
	const struct forecast *forecast;
	/* Called with 0 < fraction <= 1 as the work goes on; may be NULL. */
	void (*progress)(void *ctx, double fraction);
	void *ctx;
};

/* Parse "csv", "json", "md", "xlsx", "html" / "rfc4180", "excel-nl";
 * -1 when unknown. */
int export_format_parse(const char *s);
int export_dialect_parse(const char *s);

/* Write the summary of week w of dataset d to path, "-" for stdout. A
 * regular file is replaced atomically (a temp file in the same folder,
 * fsync, rename): on failure it is left as it was and no temp file stays
 * behind. A device or pipe is written directly. Returns -1 with e set:
 * EXIT_CANTCREAT when the file cannot be made (no such folder, no
 * permission), EXIT_IOERR when writing fails (disk full). */
int export_write(const char *path, const struct export_request *rq,
    const struct dataset *d, const struct settings *s,
    const struct week_figures *w, struct err *e);

#endif
