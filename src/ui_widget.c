/* ui_widget: the small widgets the views share, below them: text fitted to
 * a width, bars, sparklines, status words and markers, the legend, table
 * layout and headers, hours, dates and loads as people read them, the status
 * line's message and progress. Nothing here knows a view or the loop. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "app.h"
#include "date.h"
#include "i18n.h"
#include "text.h"
#include "ui_internal.h"
#include "workload.h"

#define UI_BAR_SCALE 1.5 /* a full bar is about 150 % */
#define UI_COLUMN_FLOOR 8 /* a flexible column never gets narrower */

/* Is the terminal's character set UTF-8 (else ASCII only)? */
static bool utf8 = true;

/* Writes ui_put clipped at the right edge (ui_clipped). */
static unsigned long clipped;

void
ui_widgets_start(bool is_utf8)
{
	utf8 = is_utf8;
	clipped = 0;
}

void
ui_legend(const struct ui *u, int y, const char *who)
{
	const struct settings *s = &u->app->settings;
	char buf[768], sustained[128];

	snprintf(sustained, sizeof sustained, _("OVER %d weeks running"),
	    s->sustained_weeks);
	snprintf(buf, sizeof buf, "%s %s >%.0f%%  %s %s >%.0f%%  %s %s "
	    "%s%.0f%%  %s %s  ! %s%s%s", ui_status_marker(LOAD_STATUS_OVER),
	    _("OVER"), s->over * 100, ui_status_marker(LOAD_STATUS_HIGH),
	    _("HIGH"), s->high * 100, ui_status_marker(LOAD_STATUS_OK),
	    _("OK"), ui_glyph("≥", ">="), s->room * 100,
	    ui_status_marker(LOAD_STATUS_ROOM), _("ROOM"), who ? who : "",
	    who ? " " : "", sustained);
	ui_put(y, 0, COLS, buf, false, A_NORMAL);
}

void
ui_spark(const struct ui *u, int y, int x,
    const struct team_week *const *weeks, size_t n, attr_t attr)
{
	static const char *const blocks[8] = { "▁", "▂", "▃", "▄", "▅", "▆",
		"▇", "█" };
	static const char ascii[] = "_.,-~=\"#";

	if (x + (int)n > COLS)
		return;
	move(y, x);
	for (size_t k = 0; k < n; k++) {
		const struct team_week *tw = weeks[k];
		char one[2] = { 0 };
		/* 10 % a step: 60 % and below ▁, 100 % ▅, 130 % and up █ */
		int level = isinf(tw->load) ? 7 :
		    (int)floor((tw->load - 0.6) * 10 + 1e-9);

		level = level < 0 ? 0 : level > 7 ? 7 : level;
		one[0] = ascii[level];
		attrset(attr | ui_status_attr(u, tw->status));
		addstr(!tw->counted ? " " : ui_glyph(blocks[level], one));
	}
	attrset(A_NORMAL);
}

const char *
ui_glyph(const char *utf8_glyph, const char *ascii)
{
	return utf8 ? utf8_glyph : ascii;
}

bool
ui_is_utf8(void)
{
	return utf8;
}

unsigned long
ui_clipped(void)
{
	return clipped;
}

/* What of width columns from x is on screen (counting a cut as clipped):
 * 0 or less, nothing. */
static int
fit_width(int x, int width)
{
	if (width > 0 && x + width > COLS) {
		clipped++;
		width = COLS - x;
	}
	return width;
}

void
ui_put(int y, int x, int width, const char *s, bool right, attr_t attr)
{
	char buf[2048], ascii[2048];

	if ((width = fit_width(x, width)) <= 0)
		return;
	if (width > 400)
		width = 400; /* 4 bytes a column fit buf */
	text_fit(buf, sizeof buf, s, width, right);
	attrset(attr);
	/* after the fit: its "…" too */
	mvaddstr(y, x, utf8 ? buf : text_to_ascii(ascii, sizeof ascii, buf));
	attrset(A_NORMAL);
}

void
ui_fill(int y, attr_t attr)
{
	attrset(attr);
	mvhline(y, 0, ' ', COLS);
	attrset(A_NORMAL);
}

void
ui_message(struct ui *u, bool error, const char *fmt, ...)
{
	char text[sizeof u->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	/* an error of the core or the database server comes in English;
	 * the catalogue may know it (already translated text is left) */
	i18n_message(text, u->msg, sizeof u->msg);
	u->msg_error = error;
}

void
ui_progress(const char *what, double fraction, const char *detail)
{
	char line[512], bar[128] = "";
	int width = 20, done = (int)(fraction * width + 0.5);

	for (int i = 0; i < width; i++)
		strcat(bar, i < done ? ui_glyph("█", "#") : ui_glyph("░", "."));
	snprintf(line, sizeof line, "%s %s %3.0f%%%s%s", what, bar,
	    fraction * 100, detail ? "  " : "", detail ? detail : "");
	ui_fill(LINES - 1, A_NORMAL);
	ui_put(LINES - 1, 0, COLS, line, false, A_BOLD);
	refresh();
}

bool
ui_expand_path(const char *path, char *out, size_t size)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL && *home != '\0')
		return snprintf(out, size, "%s/%s", home, path + 2) <
		    (int)size;
	return snprintf(out, size, "%s", path) < (int)size;
}

attr_t
ui_status_attr(const struct ui *u, enum load_status st)
{
	static const short pairs[LOAD_STATUS_COUNT] = {
		[LOAD_STATUS_ROOM] = PAIR_ROOM,
		[LOAD_STATUS_OK] = PAIR_OK,
		[LOAD_STATUS_HIGH] = PAIR_HIGH,
		[LOAD_STATUS_OVER] = PAIR_OVER,
	};

	if (st <= LOAD_STATUS_NONE || st >= LOAD_STATUS_COUNT)
		return A_NORMAL;
	if (u->color)
		return COLOR_PAIR(pairs[st]) |
		    (st == LOAD_STATUS_OVER ? A_BOLD : A_NORMAL);
	return st == LOAD_STATUS_OVER ? A_BOLD : A_NORMAL;
}

attr_t
ui_accent_attr(const struct ui *u)
{
	return u->color ? COLOR_PAIR(PAIR_ACCENT) | A_BOLD : A_BOLD;
}

const char *
ui_status_marker(enum load_status st)
{
	switch (st) {
	case LOAD_STATUS_ROOM:
		return ui_glyph("○", "o");
	case LOAD_STATUS_OK:
		return ui_glyph("✓", "+");
	case LOAD_STATUS_HIGH:
		return ui_glyph("●", "*");
	case LOAD_STATUS_OVER:
		return ui_glyph("▲", "^");
	default:
		return " ";
	}
}

static const char *
status_label(enum load_status st)
{
	/* Display labels only: files keep workload_status_code's codes. */
	switch (st) {
	case LOAD_STATUS_ROOM:
		return _("ROOM");
	case LOAD_STATUS_OK:
		return _("OK");
	case LOAD_STATUS_HIGH:
		return _("HIGH");
	case LOAD_STATUS_OVER:
		return _("OVER");
	default:
		return "";
	}
}

const char *
ui_status_text(enum load_status st, char *buf, size_t size)
{
	if (st <= LOAD_STATUS_NONE || st >= LOAD_STATUS_COUNT)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%s %s", ui_status_marker(st),
		    status_label(st));
	return buf;
}

int
ui_status_width(void)
{
	char buf[64];
	int w = 0;

	for (int st = LOAD_STATUS_ROOM; st < LOAD_STATUS_COUNT; st++) {
		int sw = text_width(ui_status_text(st, buf, sizeof buf));
		if (sw > w)
			w = sw;
	}
	return w;
}

char *
ui_hours(const struct ui *u, char *buf, size_t size, double h)
{
	return text_format_decimal(buf, size, h, 1, u->decimal_comma);
}

const char *
ui_weekday(int weekday)
{
	return i18n_weekday_abbr(weekday);
}

const char *
ui_part(enum part part)
{
	return part == PART_MORNING ? _("am") : _("pm");
}

char *
ui_date(int date, char *buf, size_t size)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, size, "%s %d %s %d", ui_weekday(date_weekday(date)), d,
	    i18n_month_abbr(m), y);
	return buf;
}

char *
ui_load(char *buf, size_t size, double load, bool counted)
{
	if (!counted)
		snprintf(buf, size, "%s", "");
	else if (isinf(load))
		snprintf(buf, size, "%s", "—");
	else
		snprintf(buf, size, "%.0f%%", load * 100.0);
	return buf;
}

void
ui_bar(const struct ui *u, int y, int x, int width, double load,
    enum load_status st, attr_t attr)
{
	static const char *const eighths[8] = { "", "▏", "▎", "▍", "▌", "▋",
		"▊", "▉" };
	/* 100 % on a cell boundary, so the tick never lies about the load */
	int tick = (int)(width / UI_BAR_SCALE);
	int n8;

	if ((width = fit_width(x, width)) <= 0)
		return;
	if (tick < 1)
		tick = 1;
	if (isinf(load) || load * tick >= width)
		n8 = 8 * width;
	else
		n8 = load > 0 ? (int)(load * tick * 8 + 0.5) : 0;
	if (!utf8) /* whole cells of '#' */
		n8 = (n8 + 4) / 8 * 8;
	move(y, x);
	attrset(attr | ui_status_attr(u, st));
	for (int i = 0; i < n8 / 8; i++)
		addstr(ui_glyph("█", "#"));
	addstr(eighths[n8 % 8]);
	attrset(attr);
	for (int i = (n8 + 7) / 8; i < width; i++)
		addstr(i == tick ? ui_glyph("│", "|") : " ");
	attrset(A_NORMAL);
}

void
ui_box(int y0, int x0, int h, int w)
{
	for (int y = y0; y < y0 + h; y++)
		mvhline(y, x0, ' ', w);
	mvhline(y0, x0 + 1, ACS_HLINE, w - 2);
	mvhline(y0 + h - 1, x0 + 1, ACS_HLINE, w - 2);
	mvvline(y0 + 1, x0, ACS_VLINE, h - 2);
	mvvline(y0 + 1, x0 + w - 1, ACS_VLINE, h - 2);
	mvaddch(y0, x0, ACS_ULCORNER);
	mvaddch(y0, x0 + w - 1, ACS_URCORNER);
	mvaddch(y0 + h - 1, x0, ACS_LLCORNER);
	mvaddch(y0 + h - 1, x0 + w - 1, ACS_LRCORNER);
}

struct ui_column
ui_column(const char *title, int data_w, int drop, bool right)
{
	int w = text_width(title);

	if (w < data_w)
		w = data_w;
	return (struct ui_column){ title, w, w, drop, right, 0, 0 };
}

void
ui_layout(struct ui_column *cols, size_t n, int width)
{
	int used = -1; /* n columns have n - 1 gaps */

	for (size_t i = 0; i < n; i++) {
		cols[i].w = cols[i].min;
		used += cols[i].min + 1;
	}
	while (used > width) {
		size_t drop = n;
		for (size_t i = 0; i < n; i++)
			if (cols[i].w > 0 && cols[i].drop > 0 &&
			    (drop == n || cols[i].drop < cols[drop].drop))
				drop = i;
		if (drop == n)
			break; /* nothing left to drop: the screen clips */
		used -= cols[drop].w + 1;
		cols[drop].w = 0;
	}
	/* still too wide: flexible columns give up their preferred width */
	for (size_t i = 0; i < n && used > width; i++) {
		if (cols[i].w == 0 || cols[i].max <= cols[i].min)
			continue;
		int give = cols[i].w - UI_COLUMN_FLOOR;
		if (give > used - width)
			give = used - width;
		if (give > 0) {
			cols[i].w -= give;
			used -= give;
		}
	}
	for (size_t i = 0; i < n && used < width; i++) {
		if (cols[i].w == 0 || cols[i].max <= cols[i].w)
			continue;
		int grow = cols[i].max - cols[i].w;
		if (grow > width - used)
			grow = width - used;
		cols[i].w += grow;
		used += grow;
	}
	int x = 0;
	for (size_t i = 0; i < n; i++) {
		cols[i].x = x;
		if (cols[i].w > 0)
			x += cols[i].w + 1;
	}
}

void
ui_rule(struct ui *u, const struct ui_column *cols, size_t n, int y)
{
	int w = 0, pw = text_width(u->list_pos);

	for (size_t i = 0; i < n; i++)
		if (cols[i].w > 0)
			w = cols[i].x + cols[i].w;
	mvhline(y, 0, ACS_HLINE, w);
	if (pw > 0 && pw + 4 <= w) {
		char buf[48];
		snprintf(buf, sizeof buf, " %s ", u->list_pos);
		ui_put(y, w - pw - 3, pw + 2, buf, false, A_BOLD);
		u->list_pos[0] = '\0'; /* shown: not in the status line too */
	}
}

bool
ui_list_position(struct ui *u, int y, int from)
{
	int pw = text_width(u->list_pos);

	if (pw == 0 || COLS - pw - 1 < from)
		return false;
	ui_put(y, COLS - pw, pw, u->list_pos, false, A_BOLD);
	u->list_pos[0] = '\0';
	return true;
}

void
ui_header(const struct ui_column *cols, size_t n, int y, int sort_col,
    bool descending)
{
	char buf[256];

	for (size_t i = 0; i < n; i++) {
		const char *t = cols[i].title;
		if ((int)i == sort_col) {
			const char *arrow = descending ? "▾" : "▴";
			if (cols[i].right)
				snprintf(buf, sizeof buf, "%s%s", arrow, t);
			else
				snprintf(buf, sizeof buf, "%s%s", t, arrow);
			t = buf;
		}
		ui_put(y, cols[i].x, cols[i].w, t, cols[i].right, A_BOLD);
	}
}

/* "2026-W48, 23–29 Nov" or "2026-W49, 30 Nov – 6 Dec". */
char *
ui_week_label(int monday, char *buf, size_t size)
{
	char week[WEEK_BUF];
	int y1, m1, d1, y2, m2, d2;

	date_format_week(monday, week);
	date_to_ymd(monday, &y1, &m1, &d1);
	date_to_ymd(monday + 6, &y2, &m2, &d2);
	if (m1 == m2)
		snprintf(buf, size, "%s, %d–%d %s", week, d1, d2,
		    i18n_month_abbr(m2));
	else
		snprintf(buf, size, "%s, %d %s – %d %s", week, d1,
		    i18n_month_abbr(m1), d2, i18n_month_abbr(m2));
	return buf;
}

char *
ui_day(int date, char *buf, size_t size)
{
	char *year;

	ui_date(date, buf, size);
	if ((year = strrchr(buf, ' ')) != NULL)
		*year = '\0';
	return buf;
}

char *
ui_hours_lost(const struct ui *u, long ei, char *buf, size_t size)
{
	const struct dataset *d = &u->app->data;
	const struct settings *s = &u->app->settings;
	const struct employee *em = &d->employees[ei];
	char day[64], absent[256] = "", holidays[256] = "";
	size_t na = 0, nh = 0, n = 0;

	for (int k = 0; k < 5; k++) {
		int date = u->monday + k;
		if ((em->workdays & (1u << k)) && settings_is_holiday(s, date) &&
		    date >= em->start && date <= em->end)
			nh += (size_t)snprintf(holidays + nh,
			    nh < sizeof holidays ? sizeof holidays - nh : 0,
			    "%s%s", nh ? ", " : "",
			    ui_day(date, day, sizeof day));
	}
	for (size_t i = 0; i < d->n_absences && na < sizeof absent; i++) {
		const struct absence *ab = &d->absences[i];
		int from = ab->start > u->monday ? ab->start : u->monday;
		int to = ab->end < u->monday + 6 ? ab->end : u->monday + 6;
		if (ab->employee_id != em->id || from > to)
			continue;
		na += (size_t)snprintf(absent + na, sizeof absent - na,
		    "%s%s%s%d%% %s%s%s", na ? ", " : "", ab->reason,
		    ab->reason[0] ? " " : "", ab->percent,
		    ui_weekday(date_weekday(from)), from < to ? "–" : "",
		    from < to ? ui_weekday(date_weekday(to)) : "");
	}
	buf[0] = '\0';
	if (na > 0)
		n += (size_t)snprintf(buf + n, size - n, "%s (%s)",
		    _("absent"), absent);
	if (nh > 0 && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%s%s %s",
		    n ? " · " : "", _("holiday"), holidays);
	if (em->start > u->monday && em->start <= u->monday + 6 && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%s%s %s",
		    n ? " · " : "", _("starts"),
		    ui_day(em->start, day, sizeof day));
	if (em->end >= u->monday && em->end < u->monday + 6 && n < size)
		snprintf(buf + n, size - n, "%s%s %s", n ? " · " : "",
		    _("last day"), ui_day(em->end, day, sizeof day));
	return buf;
}

/* --- the frame and the keys, through the loop's hooks (ui.c sets them) --- */

void
ui_draw(struct ui *u)
{
	u->draw_frame(u);
}

int
ui_getch(struct ui *u)
{
	return u->read_key(u);
}

bool
ui_confirm(struct ui *u, const char *question)
{
	const char *yes = _("y");
	char answers[32];

	snprintf(answers, sizeof answers, " (%s/%s) ", yes, _("n"));
	u->msg[0] = '\0';
	for (;;) {
		/* the whole status line: the answers must show */
		ui_draw(u);
		int aw = text_width(answers), qw = text_width(question);
		if (qw > COLS - aw)
			qw = COLS - aw;
		ui_fill(LINES - 1, A_NORMAL);
		ui_put(LINES - 1, 0, qw, question, false, A_BOLD);
		ui_put(LINES - 1, qw > 0 ? qw : 0, aw, answers, false, A_BOLD);
		refresh();
		int ch = ui_getch(u);
		if (ch == KEY_RESIZE)
			continue; /* redraw at the new size, ask again */
		if (ch == KEY_MOUSE) {
			MEVENT ev;
			getmouse(&ev); /* a click is no answer */
			continue;
		}
		return ch == 'y' || ch == 'Y' ||
		    (ch > 0 && ch < 128 &&
		        tolower(ch) == tolower((unsigned char)yes[0]));
	}
}
