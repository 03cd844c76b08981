/* ui_import: the TUI's import (I in any view) of the files of SPEC §9. A
 * form — kind, file (~/ is the home folder), whether existing records are
 * updated — then a dry run whose summary and first lines of change the form
 * shows for a yes or no; then the import with its progress on the status
 * line, one change that u undoes. A bad row shows as FILE:LINE: problem on
 * the status line, and nothing is written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "err.h"
#include "i18n.h"
#include "import.h"
#include "text.h"
#include "ui_internal.h"

enum { FIELD_KIND, FIELD_FILE, FIELD_UPDATE, FIELD_COUNT };

/* The kinds as people call them, in import_kind's order. */
static const char *const kind_labels[IMPORT_KIND_COUNT] = {
	[IMPORT_TEAMS] = NC_("import", "teams"),
	[IMPORT_EMPLOYEES] = NC_("import", "employees"),
	[IMPORT_CASES] = NC_("import", "cases"),
	[IMPORT_ACTIVITIES] = NC_("import", "side activities"),
	[IMPORT_ABSENCES] = NC_("import", "absences"),
	[IMPORT_ROTA] = NC_("import", "intake rota"),
	[IMPORT_BLOCKS] = NC_("import", "intake blocks"),
};

/* The dialog's last choices, offered again (a file fixed after a bad row is
 * imported again in two keys). */
static int last_kind = IMPORT_EMPLOYEES, last_update;
static char last_file[UI_FIELD_MAX];

struct dialog {
	struct ui_field *fields;
	char path[4096];  /* the file, ~/ expanded */
	const char *name; /* its base name, for messages */
	/* the dry run, and the fields it was made for */
	struct import_result res;
	bool checked, bad;
	int kind, update;
	char file[UI_FIELD_MAX];
};

/* A path is any text but none. */
static int
parse_file(const char *s, char *out, size_t size, struct err *e)
{
	if (*s == '\0')
		return err_set(e, "%s", _("name the file to read"));
	snprintf(out, size, "%s", s);
	return 0;
}

static bool
is_update(const struct dialog *dl)
{
	return dl->fields[FIELD_UPDATE].choice == 1;
}

/* Does the dry run still stand for what the fields hold? */
static bool
is_checked(const struct dialog *dl)
{
	return dl->checked && dl->kind == dl->fields[FIELD_KIND].choice &&
	    dl->update == dl->fields[FIELD_UPDATE].choice &&
	    strcmp(dl->file, dl->fields[FIELD_FILE].text) == 0;
}

/* "12 added, 3 changed, 80 unchanged" */
static char *
summary(const struct import_result *res, char *buf, size_t size)
{
	snprintf(buf, size, _("%zu added, %zu changed, %zu unchanged"),
	    res->added, res->changed, res->unchanged);
	return buf;
}

/* Under the fields, once checked: the summary and the first lines of the
 * change, as many as the screen has room for (a long one takes two rows). */
static void
info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	const struct dialog *dl = f->ctx;
	int width = (COLS - 4 < UI_FORM_W ? COLS - 4 : UI_FORM_W) - 4;
	int room = LINES - 13; /* what the form and the summary leave */
	char sum[128], line[512];
	size_t len, left = 0;
	const char *p;

	(void)u;
	buf[0] = '\0';
	if (!is_checked(dl))
		return;
	if (dl->bad)
		len = (size_t)snprintf(buf, size, ngettext("%zu problem; "
		    "nothing imported. Fix the file and save again:", "%zu "
		    "problems; nothing imported. Fix the file and save again:",
		    dl->res.n_problems), dl->res.n_problems);
	else
		len = (size_t)snprintf(buf, size, "%s: %s", _("Dry run"),
		    summary(&dl->res, sum, sizeof sum));
	for (p = dl->bad ? dl->res.problems : dl->res.diff;
	     p != NULL && *p != '\0';) {
		size_t n = strcspn(p, "\n"), skip = strlen(dl->path);
		/* a problem names the file: by its name, the line must fit */
		if (dl->bad && strncmp(p, dl->path, skip) == 0 &&
		    p[skip] == ':')
			snprintf(line, sizeof line, "%s%.*s", dl->name,
			    (int)(n - skip), p + skip);
		else
			snprintf(line, sizeof line, "%.*s", (int)n, p);
		int rows = text_width(line) > width ? 2 : 1;
		if (rows > room - 1 || len + strlen(line) + 64 >= size)
			break;
		len += (size_t)snprintf(buf + len, size - len, "\n%s", line);
		room -= rows;
		p += n + (p[n] == '\n');
	}
	for (; p != NULL && *p != '\0'; p++)
		left += *p == '\n';
	if (left > 0 && len + 1 < size) {
		buf[len++] = '\n';
		snprintf(buf + len, size - len, dl->bad ? ngettext("… and %zu "
		    "more problem", "… and %zu more problems", left)
		    : ngettext("… and %zu more change", "… and %zu more changes",
		    left), left);
	}
}

/* The file must be there and readable before anything runs. */
static int
check(const struct ui *u, struct ui_form *f, struct err *e)
{
	struct dialog *dl = f->ctx;
	const char *text = f->fields[FIELD_FILE].str;
	struct stat sb;

	(void)u;
	if (!ui_expand_path(text, dl->path, sizeof dl->path))
		return err_set(e, "file: %s", _("the name is too long"));
	if (stat(dl->path, &sb) < 0)
		return err_set(e, "file: %s: %s", dl->path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return err_set(e, "file: %s: %s", dl->path, strerror(EISDIR));
	dl->name = strrchr(dl->path, '/') ? strrchr(dl->path, '/') + 1 :
	    dl->path;
	return 0;
}

/* The progress of a run; ctx is the what of the status line. */
static void
show_progress(void *ctx, const struct import_progress *p)
{
	char detail[128], rows[32], total[32];
	bool comma = i18n_decimal_comma();

	text_format_count(rows, sizeof rows, p->rows, comma);
	text_format_count(total, sizeof total, p->total, comma);
	if (p->writing)
		snprintf(detail, sizeof detail, _("%s of %s rows written"),
		    rows, total);
	else
		snprintf(detail, sizeof detail, _("%s rows checked"), rows);
	ui_progress(ctx, p->fraction, detail);
}

/* The dry run: its summary under the fields and a yes or no. Closes the
 * form (true) on a yes, on bad rows (shown once it is closed) and when
 * nothing would change. */
static bool
confirm(struct ui *u, struct ui_form *f)
{
	struct dialog *dl = f->ctx;
	struct import_options opt = { .dry_run = true,
		.update = is_update(dl), .progress = show_progress };
	char what[256], sum[128], q[512];
	struct err e;

	snprintf(what, sizeof what, _("Checking %s"), dl->name);
	opt.ctx = what;
	import_result_clear(&dl->res);
	err_clear(&e);
	dl->checked = dl->bad = false;
	int rc = app_import(u->app,
	    (enum import_kind)f->fields[FIELD_KIND].choice, dl->path, &opt,
	    &dl->res, &e);
	if (rc < 0 && dl->res.problems == NULL) {
		snprintf(f->msg, sizeof f->msg, "%.*s",
		    (int)sizeof f->msg - 1, e.msg);
		return false;
	}
	dl->checked = true;
	dl->kind = f->fields[FIELD_KIND].choice;
	dl->update = f->fields[FIELD_UPDATE].choice;
	snprintf(dl->file, sizeof dl->file, "%s", f->fields[FIELD_FILE].text);
	if (rc < 0) {
		/* bad rows: listed under the fields, the form stays open to
		 * fix the file and try again */
		dl->bad = true;
		return false;
	}
	if (dl->res.added + dl->res.changed == 0)
		return true;
	snprintf(q, sizeof q, _("Import %s: %s?"), dl->name,
	    summary(&dl->res, sum, sizeof sum));
	return ui_confirm(u, q);
}

/* The first bad row on the status line, "cases.csv:12: phase: …", with how
 * many more. */
static void
show_bad(struct ui *u, const struct dialog *dl)
{
	const char *p = dl->res.problems;
	size_t n = strcspn(p, "\n"), skip = strlen(dl->path);
	char first[512];

	/* the file by its name: the line and the problem must fit */
	if (strncmp(p, dl->path, skip) == 0 && p[skip] == ':')
		snprintf(first, sizeof first, "%s%.*s", dl->name,
		    (int)(n - skip), p + skip);
	else
		snprintf(first, sizeof first, "%.*s", (int)n, p);
	if (dl->res.n_problems > 1)
		ui_message(u, true, ngettext("%s (and %zu more problem); "
		    "nothing imported", "%s (and %zu more problems); nothing "
		    "imported", dl->res.n_problems - 1), first,
		    dl->res.n_problems - 1);
	else
		ui_message(u, true, _("%s; nothing imported"), first);
}

void
ui_import_dialog(struct ui *u)
{
	const char *kinds[IMPORT_KIND_COUNT];
	const char *answers[2] = { _("no"), _("yes") };
	struct ui_field fields[FIELD_COUNT] = {
		[FIELD_KIND] = { .label = _("Kind"), .name = "kind",
			.kind = UI_FIELD_CHOICE, .choices = kinds,
			.n_choices = IMPORT_KIND_COUNT, .choice = last_kind },
		[FIELD_FILE] = { .label = _("File"), .name = "file",
			.kind = UI_FIELD_TEXT, .parse = parse_file },
		[FIELD_UPDATE] = { .label = _("Update existing records"),
			.name = "update", .kind = UI_FIELD_CHOICE,
			.choices = answers, .n_choices = 2,
			.choice = last_update },
	};
	struct dialog dl = { .fields = fields };
	struct ui_form form = { .title = _("Import a file"), .fields = fields,
		.n_fields = FIELD_COUNT, .ctx = &dl, .info = info,
		.check = check, .confirm = confirm };
	struct import_options opt = { .progress = show_progress };
	char what[256], sum[128], done[512];
	struct err e;
	int rc;

	for (int k = 0; k < IMPORT_KIND_COUNT; k++)
		kinds[k] = i18n_context(kind_labels[k]);
	snprintf(fields[FIELD_FILE].text, sizeof fields[FIELD_FILE].text,
	    "%s", last_file);
	if (!ui_form_run(u, &form))
		goto done;
	last_kind = fields[FIELD_KIND].choice;
	last_update = fields[FIELD_UPDATE].choice;
	snprintf(last_file, sizeof last_file, "%s", fields[FIELD_FILE].text);
	if (dl.res.added + dl.res.changed == 0) {
		ui_message(u, false, _("%s: nothing to import (%s)"), dl.name,
		    summary(&dl.res, sum, sizeof sum));
		goto done;
	}
	/* the view without the form under the progress */
	ui_draw(u);
	snprintf(what, sizeof what, _("Importing %s"), dl.name);
	opt.ctx = what;
	opt.update = is_update(&dl);
	import_result_clear(&dl.res);
	err_clear(&e);
	rc = app_import(u->app, (enum import_kind)last_kind, dl.path, &opt,
	    &dl.res, &e);
	if (rc < 0 && dl.res.problems != NULL) {
		show_bad(u, &dl); /* changed on disk since the dry run */
		goto done;
	}
	snprintf(done, sizeof done, "%s: %s", dl.name,
	    summary(&dl.res, sum, sizeof sum));
	ui_changed(u, rc, &e, done);
done:
	import_result_clear(&dl.res);
}
