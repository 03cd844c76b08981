/* ui_export: the TUI's export (e in any view) of the weekly summary of
 * SPEC §6. A small dialog over the view — week (the shown one), teams (all
 * or the selected one), format and file (~/wijklast-2026-W48.xlsx, following
 * the week, teams and format until edited) — then export_write with its
 * progress on the status line, and the result or the error there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "export.h"
#include "i18n.h"
#include "store.h"
#include "text.h"
#include "ui_internal.h"

#define DIALOG_W 64
#define DIALOG_H 11
#define LABEL_W 8
#define KEY_ESCAPE 27
#define KEY_CTRL(c) ((c) & 0x1f)

enum { FIELD_WEEK, FIELD_TEAMS, FIELD_FORMAT, FIELD_PATH, FIELD_COUNT };

/* The formats offered, in order: a format and, for csv, a dialect. */
static const struct {
	const char *label; /* N_() */
	enum export_format format;
	enum export_dialect dialect;
	const char *ext;
} formats[] = {
	{ N_("csv"), EXPORT_CSV, EXPORT_RFC4180, "csv" },
	{ N_("csv for Dutch Excel"), EXPORT_CSV, EXPORT_EXCEL_NL, "csv" },
	{ N_("json"), EXPORT_JSON, EXPORT_RFC4180, "json" },
	{ N_("Markdown"), EXPORT_MD, EXPORT_RFC4180, "md" },
	{ N_("Excel workbook (xlsx)"), EXPORT_XLSX, EXPORT_RFC4180, "xlsx" },
	{ N_("web page (html)"), EXPORT_HTML, EXPORT_RFC4180, "html" },
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

struct dialog {
	int field;           /* the one with the cursor */
	char week[32];       /* as typed */
	long team;           /* the selected team's index, or -1: none */
	bool one_team;       /* that team only, else every team */
	size_t format;       /* index into formats */
	char path[1024];     /* as typed */
	bool path_edited;    /* else it follows week, teams and format */
	char msg[1100];      /* what is wrong, shown in the dialog */
};

/* ~/wijklast-2026-W48[-CEN].xlsx for what the dialog holds now. */
static void
default_path(const struct ui *u, struct dialog *dl)
{
	char code[64] = "";

	if (dl->one_team && dl->team >= 0)
		snprintf(code, sizeof code, "-%s",
		    u->app->data.teams[dl->team].code);
	snprintf(dl->path, sizeof dl->path, "~/wijklast-%s%s.%s", dl->week,
	    code, formats[dl->format].ext);
}

/* A box of h rows and w columns at (y, x), cleared, with title on top. */
static void
draw_box(int y, int x, int h, int w, const char *title)
{
	ui_box(y, x, h, w);
	ui_put(y, x + 2, text_width(title) < w - 4 ? text_width(title) : w - 4,
	    title, false, A_BOLD);
}

static void
draw(const struct ui *u, const struct dialog *dl)
{
	int w = COLS - 4 < DIALOG_W ? COLS - 4 : DIALOG_W;
	int y = (LINES - DIALOG_H) / 2, x = (COLS - w) / 2;
	int vw = w - LABEL_W - 6; /* a value's width */
	const char *labels[FIELD_COUNT] = { _("Week"), _("Teams"),
		_("Format"), _("File") };
	char teams[128], value[1100];

	if (dl->one_team && dl->team >= 0)
		snprintf(teams, sizeof teams, "%s %s",
		    u->app->data.teams[dl->team].code,
		    u->app->data.teams[dl->team].name);
	else
		snprintf(teams, sizeof teams, "%s", _("all teams"));
	draw_box(y, x, DIALOG_H, w, _(" Export the weekly summary "));
	for (int f = 0; f < FIELD_COUNT; f++) {
		bool focus = f == dl->field;
		attr_t a = focus ? A_REVERSE : A_NORMAL;
		switch (f) {
		case FIELD_WEEK:
			snprintf(value, sizeof value, "%s%s", dl->week,
			    focus ? "_" : "");
			break;
		case FIELD_TEAMS:
			snprintf(value, sizeof value, "< %s >", teams);
			break;
		case FIELD_FORMAT:
			snprintf(value, sizeof value, "< %s >",
			    _(formats[dl->format].label));
			break;
		default:
			snprintf(value, sizeof value, "%s%s", dl->path,
			    focus ? "_" : "");
			break;
		}
		ui_put(y + 2 + f, x + 2, LABEL_W, labels[f], false,
		    focus ? A_BOLD : A_NORMAL);
		/* a long path shows its end, where the file name is */
		if (text_width(value) > vw && f == FIELD_PATH) {
			const char *p = value;
			while (text_width(p) > vw - 1)
				do
					p++;
				while (((unsigned char)*p & 0xc0) == 0x80);
			char cut[sizeof value + 4];
			snprintf(cut, sizeof cut, "…%s", p);
			ui_put(y + 2 + f, x + 3 + LABEL_W, vw, cut, false, a);
		} else {
			ui_put(y + 2 + f, x + 3 + LABEL_W, vw, value, false, a);
		}
	}
	ui_put(y + 7, x + 2, w - 4, dl->msg, false,
	    dl->msg[0] ? ui_status_attr(u, LOAD_STATUS_OVER) : A_NORMAL);
	ui_put(y + 9, x + 2, w - 4,
	    _("Enter: export  Tab ↑↓: field  ←→ Space: choose  Esc: cancel"),
	    false, A_NORMAL);
	refresh();
}

/* Remove the last character (all its UTF-8 bytes) of s. */
static void
delete_last(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

static void
append(char *s, size_t size, int ch)
{
	size_t n = strlen(s);

	if (n + 1 < size) {
		s[n] = (char)ch;
		s[n + 1] = '\0';
	}
}

/* export_write's progress: a bar on the status line. */
static void
show_progress(void *ctx, double fraction)
{
	ui_progress(ctx, fraction, NULL);
}

/* Write the summary the dialog describes; false, with dl->msg, when the
 * dialog must stay open. */
static bool
export(struct ui *u, struct dialog *dl)
{
	struct export_request rq = { 0 };
	struct week_figures fig = { 0 };
	const char *what = _("Exporting");
	char path[4096], week[WEEK_BUF];
	struct stat sb;
	struct err e;
	int monday, rc;

	err_clear(&e);
	if (date_parse_week(text_trim(dl->week), u->app->today, &monday,
	    &e) < 0) {
		snprintf(dl->msg, sizeof dl->msg, "%s: %s", _("Week"), e.msg);
		dl->field = FIELD_WEEK;
		return false;
	}
	if (*text_trim(dl->path) == '\0') {
		snprintf(dl->msg, sizeof dl->msg, "%s",
		    _("File: name the file to write"));
		dl->field = FIELD_PATH;
		return false;
	}
	if (!ui_expand_path(dl->path, path, sizeof path)) {
		snprintf(dl->msg, sizeof dl->msg, "%s",
		    _("File: the name is too long"));
		return false;
	}
	if (store_check_target(u->app->store, path, &e) < 0) {
		snprintf(dl->msg, sizeof dl->msg, "%s", e.msg);
		dl->field = FIELD_PATH;
		return false;
	}
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
		char q[sizeof path + 64];
		snprintf(q, sizeof q, _("Replace %s?"), path);
		if (!ui_confirm(u, q)) {
			ui_draw(u);
			return false;
		}
	}
	rq.format = formats[dl->format].format;
	rq.dialect = formats[dl->format].dialect;
	rq.team = dl->one_team ? dl->team : -1;
	rq.generated = u->app->today;
	rq.progress = show_progress;
	rq.ctx = (void *)what;
	show_progress(rq.ctx, 0);
	if (rq.format == EXPORT_HTML || rq.format == EXPORT_XLSX) {
		/* the coming weeks of every team exported, made now */
		rq.forecast = ui_forecast_all(u, rq.team, what);
	}
	app_week(u->app, monday, &fig);
	rc = export_write(path, &rq, &u->app->data, &u->app->settings, &fig,
	    &e);
	workload_week_clear(&fig);
	if (rc < 0)
		ui_message(u, true, "%s", e.msg);
	else
		ui_message(u, false, _("Exported %s to %s"),
		    date_format_week(monday, week), path);
	return true;
}

/* Next or previous choice of a choice field. */
static void
choose(const struct ui *u, struct dialog *dl, int step)
{
	if (dl->field == FIELD_TEAMS && dl->team >= 0)
		dl->one_team = !dl->one_team;
	else if (dl->field == FIELD_FORMAT)
		dl->format = (dl->format + N_FORMATS + (size_t)step) %
		    N_FORMATS;
	if (!dl->path_edited)
		default_path(u, dl);
}

void
ui_export_dialog(struct ui *u)
{
	struct dialog dl = { .format = 4 }; /* xlsx */
	char *text;

	dl.team = dataset_team_index(&u->app->data,
	    u->selected[UI_VIEW_OVERVIEW]);
	dl.one_team = dl.team >= 0 && u->view != UI_VIEW_OVERVIEW;
	date_format_week(u->monday, dl.week);
	default_path(u, &dl);
	ui_draw(u);
	for (;;) {
		bool edited = false;

		draw(u, &dl);
		int ch = ui_getch(u);
		text = dl.field == FIELD_WEEK ? dl.week :
		    dl.field == FIELD_PATH ? dl.path : NULL;
		dl.msg[0] = '\0';
		switch (ch) {
		case ERR: /* the terminal is gone */
		case KEY_ESCAPE:
			return;
		case KEY_RESIZE:
			ui_draw(u);
			break;
		case '\t':
		case KEY_DOWN:
			dl.field = (dl.field + 1) % FIELD_COUNT;
			break;
		case KEY_BTAB:
		case KEY_UP:
			dl.field = (dl.field + FIELD_COUNT - 1) % FIELD_COUNT;
			break;
		case KEY_LEFT:
		case KEY_RIGHT:
		case ' ':
			if (text == NULL)
				choose(u, &dl, ch == KEY_LEFT ? -1 : 1);
			else if ((edited = ch == ' '))
				append(text, dl.field == FIELD_WEEK ?
				    sizeof dl.week : sizeof dl.path, ch);
			break;
		case '\r':
		case '\n':
		case KEY_ENTER:
			if (export(u, &dl))
				return;
			break;
		case KEY_BACKSPACE:
		case 127:
		case 8:
			if ((edited = text != NULL))
				delete_last(text);
			break;
		case KEY_CTRL('u'):
			if ((edited = text != NULL))
				text[0] = '\0';
			break;
		default:
			/* typing: printable ASCII and UTF-8 bytes */
			if ((edited = text != NULL && ch >= ' ' && ch < 256 &&
			    ch != 127))
				append(text, dl.field == FIELD_WEEK ?
				    sizeof dl.week : sizeof dl.path, ch);
			break;
		}
		if (edited && text == dl.path)
			dl.path_edited = true;
		else if (edited && !dl.path_edited)
			default_path(u, &dl);
	}
}
