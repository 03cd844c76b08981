/* ui_form: the forms of the Employee and Cases views. Labelled fields —
 * text, dates, hours, percentages, a choice from a list — in a box over the
 * view; each field is checked with the validate.h parser import uses as it
 * is left and again on save, the message next to it. A form only gathers
 * input: ui_form_run hands the checked values back and the caller writes
 * them. Also here: a load before → after as forms show it, and the core's
 * English messages in the user's language. */
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

#include <curses.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "i18n.h"
#include "text.h"
#include "ui_internal.h"
#include "validate.h"

#define INPUT_W 40     /* nor an input */
#define DATE_W 14      /* a date's input */
#define NUMBER_W 8     /* a number's */
#define MSG_LINES 3    /* lines of a message below its field, at most */
#define MAX_ERRS 100   /* input errors in a row: the terminal is gone */
#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESCAPE 27

/* --- UTF-8 text --- */

static size_t
prev_char(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xc0) == 0x80)
		;
	return i;
}

static size_t
next_char(const char *s, size_t i)
{
	if (s[i] == '\0')
		return i;
	while (((unsigned char)s[++i] & 0xc0) == 0x80)
		;
	return i;
}

/* Display width of the first n bytes of s. */
static int
prefix_width(const char *s, size_t n)
{
	char buf[1024];

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return text_width(buf);
}

/* Bytes of s that make its first line in width columns: broken after the
 * last space that fits, else inside a word. */
static size_t
wrap(const char *s, int width)
{
	size_t i = 0, brk = 0;

	if (text_width(s) <= width)
		return strlen(s);
	while (s[i] != '\0') {
		size_t j = next_char(s, i);
		if (prefix_width(s, j) > width)
			break;
		i = j;
		if (s[i] == ' ')
			brk = i;
	}
	if (brk > 0)
		return brk;
	return i > 0 ? i : next_char(s, 0);
}

/* Lines s takes at width columns, at most max. */
static int
wrapped_lines(const char *s, int width, int max)
{
	int n = 0;

	while (*s != '\0' && n < max) {
		s += wrap(s, width);
		while (*s == ' ')
			s++;
		n++;
	}
	return n;
}

/* Draw s wrapped to width from (y, x), at most max lines and not past
 * row last; returns the row below. */
static int
put_wrapped(int y, int x, int width, int max, int last, const char *s,
    attr_t attr)
{
	char line[1024];

	for (int n = 0; *s != '\0' && n < max && y <= last; n++, y++) {
		size_t len = wrap(s, width);
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, s, len);
		line[len] = '\0';
		s += len;
		while (*s == ' ')
			s++;
		/* the last line shown says when there is more */
		if (n + 1 == max && *s != '\0')
			snprintf(line + len, sizeof line - len, "%s", " …");
		ui_put(y, x, width, line, false, attr);
	}
	return y;
}

/* Draw the lines of s ('\n' between them), each wrapped to width on two
 * rows at most, from (y, x) to row last; only count the rows with last -1.
 * Returns the rows they take. */
static int
put_lines(int y, int x, int width, int last, const char *s)
{
	char line[512];
	int n = 0;

	while (*s != '\0') {
		size_t len = strcspn(s, "\n");
		snprintf(line, sizeof line, "%.*s", (int)len, s);
		s += len + (s[len] == '\n');
		if (last < 0)
			n += wrapped_lines(line, width, 2);
		else
			n += put_wrapped(y + n, x, width, 2, last, line,
			    A_NORMAL) - (y + n);
	}
	return n;
}

/* --- messages --- */

char *
ui_translate(const char *msg, char *buf, size_t size)
{
	return i18n_message(msg, buf, size);
}

/* --- loads --- */

char *
ui_load_change(const struct ui *u, double demand0, double capacity0,
    double demand1, double capacity1, bool status, char *buf, size_t size)
{
	const struct settings *s = &u->app->settings;
	char a[32], b[32], st[64];
	double l0, l1;
	bool c0, c1;

	if (demand1 < 1e-9)
		demand1 = 0; /* what took the last hours away leaves no dust */
	l0 = workload_load(demand0, capacity0);
	l1 = workload_load(demand1, capacity1);
	c0 = demand0 > 0 || capacity0 > 0;
	c1 = demand1 > 0 || capacity1 > 0;
	workload_format_percent(a, sizeof a, l0, c0, s, u->decimal_comma);
	workload_format_percent(b, sizeof b, l1, c1, s, u->decimal_comma);
	snprintf(buf, size, "%s → %s%s%s", a, b, status ? " " : "",
	    status ? ui_status_text(workload_status(l1, c1, s), st, sizeof st)
		   : "");
	return buf;
}

/* --- fields --- */

void
ui_field_date(struct ui_field *fl, int date)
{
	char buf[DATE_BUF];

	snprintf(fl->text, sizeof fl->text, "%s", date_format(date, buf));
	fl->cursor = strlen(fl->text);
}

void
ui_field_hours(const struct ui *u, struct ui_field *fl, double h)
{
	size_t n;

	text_format_decimal(fl->text, sizeof fl->text, h, 2, u->decimal_comma);
	/* "1,50" reads as typed: "1,5"; "4,00" as "4" */
	n = strlen(fl->text);
	while (n > 0 && fl->text[n - 1] == '0')
		fl->text[--n] = '\0';
	if (n > 0 && (fl->text[n - 1] == ',' || fl->text[n - 1] == '.'))
		fl->text[--n] = '\0';
	fl->cursor = n;
}

int
ui_field_parse(struct ui_field *fl, struct err *e)
{
	char s[UI_FIELD_MAX];

	snprintf(s, sizeof s, "%s", fl->text);
	text_trim(s);
	switch (fl->kind) {
	case UI_FIELD_TEXT:
		if (*s == '\0' && fl->optional) {
			fl->str[0] = '\0';
			return 0;
		}
		if (fl->parse != NULL)
			return fl->parse(s, fl->str, sizeof fl->str, e);
		return validate_text(s, false, fl->str, sizeof fl->str, e);
	case UI_FIELD_DATE:
		return validate_date(s, fl->optional, &fl->value, e);
	case UI_FIELD_HOURS:
		if (*s == '\0' && fl->optional) {
			fl->hours = 0;
			return 0;
		}
		return validate_hours(s, 0, false, fl->max, &fl->hours, e);
	case UI_FIELD_PERCENT:
		return validate_percent(s, &fl->value, e);
	case UI_FIELD_CHOICE:
		break;
	}
	return 0;
}

/* Check a field as it is left: its message, or none. */
static int
check_field(struct ui_field *fl)
{
	struct err e;
	char buf[1024];

	err_clear(&e);
	fl->find[0] = '\0';
	if (ui_field_parse(fl, &e) == 0) {
		fl->msg[0] = '\0';
		return 0;
	}
	snprintf(fl->msg, sizeof fl->msg, "%s",
	    ui_translate(e.msg, buf, sizeof buf));
	return -1;
}

static bool
is_text_kind(const struct ui_field *fl)
{
	return fl->kind != UI_FIELD_CHOICE;
}

static void
insert_bytes(struct ui_field *fl, const char *bytes, size_t n)
{
	size_t len = strlen(fl->text);

	if (len + n >= sizeof fl->text) {
		beep();
		return;
	}
	memmove(fl->text + fl->cursor + n, fl->text + fl->cursor,
	    len - fl->cursor + 1);
	memcpy(fl->text + fl->cursor, bytes, n);
	fl->cursor += n;
}

static void
delete_bytes(struct ui_field *fl, size_t from, size_t to)
{
	memmove(fl->text + from, fl->text + to, strlen(fl->text + to) + 1);
	fl->cursor = from;
}

/* The first choice whose label starts with what was typed, else the first
 * that holds it anywhere; -1 for none. */
static int
find_choice(const struct ui_field *fl)
{
	size_t n = strlen(fl->find);

	for (int k = 0; k < fl->n_choices; k++)
		if (strncasecmp(fl->choices[k], fl->find, n) == 0)
			return k;
	for (int k = 0; k < fl->n_choices; k++)
		if (strcasestr(fl->choices[k], fl->find) != NULL)
			return k;
	return -1;
}

static void
choice_step(struct ui_field *fl, int step)
{
	if (fl->n_choices == 0)
		return;
	fl->choice = (fl->choice + step + fl->n_choices) % fl->n_choices;
	fl->find[0] = '\0';
}

/* Letters of a find typed further apart than this start a new find. */
#define UI_FIND_PAUSE_MS 1000

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Letters typed on a choice find one, as in a file manager: they add up
 * while typed in quick succession; after a pause, or when the letters so
 * far find nothing with this one, a new search starts with it. */
static void
choice_type(struct ui_field *fl, const char *bytes)
{
	long long now = now_ms();
	size_t n = strlen(fl->find), len = strlen(bytes);
	int k = -1;

	if (now - fl->find_ms > UI_FIND_PAUSE_MS)
		n = 0;
	fl->find_ms = now;
	if (n > 0 && n + len < sizeof fl->find) {
		memcpy(fl->find + n, bytes, len + 1);
		k = find_choice(fl);
	}
	if (k < 0 && len < sizeof fl->find) {
		memcpy(fl->find, bytes, len + 1);
		k = find_choice(fl);
	}
	if (k < 0) {
		fl->find[0] = '\0';
		beep();
		return;
	}
	fl->choice = k;
}

/* + / - and PgDn / PgUp on a date: a day or a week on; an empty field
 * starts at today. False when the text is no date to step from. */
static bool
date_step(const struct ui *u, struct ui_field *fl, int days)
{
	char s[UI_FIELD_MAX];
	int d;

	snprintf(s, sizeof s, "%s", fl->text);
	text_trim(s);
	if (*s == '\0')
		d = u->app->today;
	else if (date_parse(s, &d, NULL) == 0)
		d += days;
	else
		return false;
	ui_field_date(fl, d);
	fl->msg[0] = '\0';
	return true;
}

/* --- drawing --- */

static const char *
field_hint(const struct ui_field *fl)
{
	switch (fl->kind) {
	case UI_FIELD_DATE:
		return _("YYYY-MM-DD; + and - change it a day, PgUp and PgDn a "
		    "week; Ctrl-U clears");
	case UI_FIELD_HOURS:
		return fl->optional ? _("Hours, like 1,5 or 1.5; empty for "
		    "none; Ctrl-U clears") : _("Hours, like 1,5 or 1.5");
	case UI_FIELD_PERCENT:
		return _("A whole percentage from 1 to 100");
	case UI_FIELD_CHOICE:
		return _("←/→ or +/- choose; type letters to find");
	default:
		return fl->optional ? _("May be left empty; Ctrl-U clears") :
		    _("Ctrl-U clears");
	}
}

/* The input of fl at (y, x), at most w columns (dates and numbers take
 * less), wide with what follows it; where the cursor goes when it has the
 * focus. */
static void
draw_input(struct ui_field *fl, bool focus, int y, int x, int w, int wide,
    int *cx)
{
	char buf[UI_FIELD_MAX + 64];
	attr_t attr = focus ? A_REVERSE
			    : fl->read_only ? A_NORMAL : A_UNDERLINE;
	int d;

	if (fl->kind == UI_FIELD_CHOICE) {
		const char *label = fl->choice >= 0 &&
		    fl->choice < fl->n_choices ? fl->choices[fl->choice] : "";
		if (focus)
			snprintf(buf, sizeof buf, "‹ %s ›", label);
		else
			snprintf(buf, sizeof buf, "  %s", label);
		ui_put(y, x, text_width(buf) < wide ? text_width(buf) : wide,
		    buf, false, focus ? A_BOLD : A_NORMAL);
		*cx = x;
		return;
	}
	if (fl->kind == UI_FIELD_DATE)
		w = w < DATE_W ? w : DATE_W;
	else if (fl->kind != UI_FIELD_TEXT)
		w = w < NUMBER_W ? w : NUMBER_W;
	/* scroll so the cursor stays inside */
	if (fl->cursor < fl->scroll)
		fl->scroll = fl->cursor;
	while (fl->scroll < fl->cursor && prefix_width(fl->text + fl->scroll,
	    fl->cursor - fl->scroll) > w - 1)
		fl->scroll = next_char(fl->text, fl->scroll);
	ui_put(y, x, w, fl->text + fl->scroll, false, attr);
	*cx = x + prefix_width(fl->text + fl->scroll, fl->cursor - fl->scroll);
	/* after it: the unit, or the day a date falls on */
	buf[0] = '\0';
	if (fl->kind == UI_FIELD_DATE) {
		char s[UI_FIELD_MAX];
		snprintf(s, sizeof s, "%s", fl->text);
		text_trim(s);
		if (*s != '\0' && date_parse(s, &d, NULL) == 0)
			ui_date(d, buf, sizeof buf);
	} else if (fl->unit != NULL) {
		snprintf(buf, sizeof buf, "%s", fl->unit);
	}
	if (buf[0] != '\0' && wide - w - 1 > 0)
		ui_put(y, x + w + 1, wide - w - 1, buf, false, A_NORMAL);
}

void
ui_form_draw(struct ui *u)
{
	struct ui_form *f = u->form;
	char info[1024] = "", hint[256];
	int lw = 0, bw, x0, y0, h, ix, wide, inw, msg_max = MSG_LINES;
	int n_info = 0, cy = -1, cx = 0, last;
	attr_t err_attr = ui_status_attr(u, LOAD_STATUS_OVER) | A_BOLD;

	if (f == NULL)
		return;
	if (f->info != NULL)
		f->info(u, f, info, sizeof info);
	bw = COLS - 4 < UI_FORM_W ? COLS - 4 : UI_FORM_W;
	n_info = put_lines(0, 0, bw - 4, -1, info);
	for (int k = 0; k < f->n_fields; k++)
		if (text_width(f->fields[k].label) > lw)
			lw = text_width(f->fields[k].label);
	if (lw > bw / 3)
		lw = bw / 3;
	ix = 2 + lw + 2;   /* the inputs, from the box's left */
	wide = bw - ix - 2; /* an input with what follows it; messages */
	inw = wide < INPUT_W ? wide : INPUT_W;
	for (;;) {
		h = 2 + 1 + f->n_fields + 1 + 1;
		for (int k = 0; k < f->n_fields; k++)
			h += wrapped_lines(f->fields[k].msg, wide - 2, msg_max);
		h += wrapped_lines(f->msg, bw - 4, msg_max);
		h += n_info ? n_info + 1 : 0;
		if (h <= LINES - 2 || msg_max == 1)
			break;
		msg_max--;
	}
	/* placed by its fields alone, so that it stays put while messages
	 * and lines of effect come and go, unless they need the room */
	y0 = (LINES - 1 - (2 + 1 + f->n_fields + 1 + 1 + 4)) / 2;
	if (y0 > LINES - 1 - h)
		y0 = LINES - 1 - h;
	if (y0 < 1)
		y0 = 1;
	x0 = (COLS - bw) / 2;
	last = LINES - 2;
	ui_box(y0, x0, h <= LINES - 1 - y0 ? h : LINES - 1 - y0, bw);
	snprintf(hint, sizeof hint, " %s ", f->title);
	int tw = text_width(hint) < bw - 4 ? text_width(hint) : bw - 4;
	ui_put(y0, x0 + 2, tw, hint, false, A_BOLD);

	int y = y0 + 2;
	for (int k = 0; k < f->n_fields && y <= last; k++) {
		struct ui_field *fl = &f->fields[k];
		bool focus = k == f->focus;
		fl->y = y;
		ui_put(y, x0 + 2, lw, fl->label, false,
		    focus ? A_BOLD : A_NORMAL);
		draw_input(fl, focus, y, x0 + ix, inw, wide, &cx);
		if (focus) {
			cy = y;
			cx = is_text_kind(fl) ? cx : -1;
		}
		y++;
		if (fl->msg[0] != '\0') {
			char line[300];
			snprintf(line, sizeof line, "✗ %s", fl->msg);
			y = put_wrapped(y, x0 + ix, wide, msg_max, last, line,
			    err_attr);
		}
	}
	if (f->msg[0] != '\0')
		y = put_wrapped(y, x0 + 2, bw - 4, msg_max, last, f->msg,
		    err_attr);
	if (n_info > 0)
		put_lines(y + 1, x0 + 2, bw - 4, last, info);
	if (y0 + h - 2 <= last)
		ui_put(y0 + h - 2, x0 + 2, bw - 4,
		    f->focus == f->n_fields - 1 ?
		        _("Enter, Ctrl-S or F2: save  Esc: cancel") :
		        _("Enter/Tab: next field  ↑: back  Ctrl-S/F2: save  "
		          "Esc: cancel"), false, A_BOLD);

	/* the status line: the focused field's message, else how to fill it */
	const struct ui_field *fl = &f->fields[f->focus];
	ui_fill(LINES - 1, A_NORMAL);
	if (fl->msg[0] != '\0')
		ui_put(LINES - 1, 0, COLS, fl->msg, false, err_attr);
	else
		ui_put(LINES - 1, 0, COLS, field_hint(fl), false, A_NORMAL);
	if (cy >= 0 && cx >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
}

/* --- input --- */

/* Put a record rule's message "name: problem" next to the field of that
 * name (focused), or under the fields. */
static void
place_message(struct ui_form *f, const char *msg)
{
	char buf[1024];
	size_t n = strcspn(msg, ":");

	if (msg[n] == ':' && msg[n + 1] == ' ') {
		for (int k = 0; k < f->n_fields; k++) {
			const char *name = f->fields[k].name;
			if (name != NULL && strlen(name) == n &&
			    strncmp(name, msg, n) == 0) {
				snprintf(f->fields[k].msg,
				    sizeof f->fields[k].msg, "%s",
				    ui_translate(msg + n + 2, buf, sizeof buf));
				f->focus = k;
				return;
			}
		}
	}
	snprintf(f->msg, sizeof f->msg, "%s",
	    ui_translate(msg, buf, sizeof buf));
}

/* Check everything; true when the form may close with its values. */
static bool
save(struct ui *u, struct ui_form *f)
{
	struct err e;
	int bad = -1;

	for (int k = 0; k < f->n_fields; k++)
		if (check_field(&f->fields[k]) < 0 && bad < 0)
			bad = k;
	f->msg[0] = '\0';
	if (bad >= 0) {
		f->focus = bad; /* the cursor back on the first bad field */
		return false;
	}
	err_clear(&e);
	if (f->check != NULL && f->check(u, f, &e) < 0) {
		place_message(f, e.msg);
		return false;
	}
	return f->confirm == NULL || f->confirm(u, f);
}

/* Focus field k, or the next editable one from it in the direction step
 * (read-only fields are shown, never focused). */
static void
focus_step(struct ui_form *f, int k, int step)
{
	while (k >= 0 && k < f->n_fields && f->fields[k].read_only)
		k += step;
	if (k < 0 || k >= f->n_fields || k == f->focus)
		return;
	check_field(&f->fields[f->focus]);
	f->focus = k;
	f->fields[k].find[0] = '\0';
}

static void
focus(struct ui_form *f, int k)
{
	focus_step(f, k, k < f->focus ? -1 : 1);
}

static void
click(struct ui_form *f)
{
	MEVENT ev;

	if (getmouse(&ev) != OK || !(ev.bstate & BUTTON1_PRESSED))
		return;
	for (int k = 0; k < f->n_fields; k++)
		if (f->fields[k].y == ev.y)
			focus(f, k);
}

/* A function key; true when the form is done. */
static bool
function_key(struct ui *u, struct ui_form *f, int key, bool *saved)
{
	struct ui_field *fl = &f->fields[f->focus];
	bool text = is_text_kind(fl);

	switch (key) {
	case KEY_MOUSE:
		click(f);
		break;
	case KEY_DOWN:
		focus(f, f->focus + 1);
		break;
	case KEY_UP:
	case KEY_BTAB:
		focus(f, f->focus - 1);
		break;
	case KEY_ENTER:
		if (f->focus + 1 < f->n_fields)
			focus(f, f->focus + 1);
		else
			return *saved = save(u, f);
		break;
	case KEY_F(2):
		return *saved = save(u, f);
	case KEY_LEFT:
		if (text)
			fl->cursor = prev_char(fl->text, fl->cursor);
		else
			choice_step(fl, -1);
		break;
	case KEY_RIGHT:
		if (text)
			fl->cursor = next_char(fl->text, fl->cursor);
		else
			choice_step(fl, 1);
		break;
	case KEY_HOME:
		fl->cursor = 0;
		break;
	case KEY_END:
		fl->cursor = strlen(fl->text);
		break;
	case KEY_BACKSPACE: /* a whole character, or a letter of a find */
		if (!text && fl->find[0] != '\0')
			fl->find[strlen(fl->find) - 1] = '\0';
		else if (text && fl->cursor > 0)
			delete_bytes(fl, prev_char(fl->text, fl->cursor),
			    fl->cursor);
		break;
	case KEY_DC:
		if (text && fl->text[fl->cursor] != '\0')
			delete_bytes(fl, fl->cursor,
			    next_char(fl->text, fl->cursor));
		break;
	case KEY_PPAGE:
	case KEY_NPAGE:
		if (fl->kind == UI_FIELD_DATE &&
		    !date_step(u, fl, key == KEY_NPAGE ? 7 : -7))
			beep();
		break;
	default:
		break; /* KEY_RESIZE: the next draw relayouts */
	}
	return false;
}

/* A character; true when the form is done. */
static bool
char_key(struct ui *u, struct ui_form *f, wchar_t wc, bool *saved)
{
	struct ui_field *fl = &f->fields[f->focus];
	char bytes[MB_LEN_MAX + 1];
	mbstate_t mbs;
	size_t n;

	switch (wc) {
	case KEY_ESCAPE:
	case KEY_CTRL('c'):
	case KEY_CTRL('g'):
		*saved = false;
		return true;
	case KEY_CTRL('s'):
		return *saved = save(u, f);
	case '\r':
	case '\n':
		return function_key(u, f, KEY_ENTER, saved);
	case '\t': { /* on to the next, round to the first */
		int was = f->focus;
		focus(f, was + 1);
		if (f->focus == was)
			focus_step(f, 0, 1);
		return false;
	}
	case 127:
	case KEY_CTRL('h'):
		return function_key(u, f, KEY_BACKSPACE, saved);
	case KEY_CTRL('a'):
		return function_key(u, f, KEY_HOME, saved);
	case KEY_CTRL('e'):
		return function_key(u, f, KEY_END, saved);
	case KEY_CTRL('u'):
		if (is_text_kind(fl))
			delete_bytes(fl, 0, fl->cursor);
		return false;
	case KEY_CTRL('l'):
		clearok(curscr, TRUE);
		return false;
	default:
		break;
	}
	if (!iswprint((wint_t)wc))
		return false;
	if (fl->kind == UI_FIELD_DATE && (wc == '+' || wc == '-')) {
		/* a whole date steps; while one is being typed, - is typed */
		if (date_step(u, fl, wc == '+' ? 1 : -1) || wc == '+')
			return false;
	}
	if (fl->kind == UI_FIELD_CHOICE && fl->find[0] == '\0' &&
	    (wc == '+' || wc == '-' || wc == ' ')) {
		choice_step(fl, wc == '-' ? -1 : 1);
		return false;
	}
	memset(&mbs, 0, sizeof mbs);
	n = wcrtomb(bytes, wc, &mbs);
	if (n == (size_t)-1) {
		beep(); /* the locale cannot spell it */
		return false;
	}
	bytes[n] = '\0';
	if (fl->kind == UI_FIELD_CHOICE)
		choice_type(fl, bytes);
	else
		insert_bytes(fl, bytes, n);
	return false;
}

bool
ui_form_run(struct ui *u, struct ui_form *f)
{
	int delay = wgetdelay(stdscr), errs = 0;
	bool saved = false, done = false;

	for (int k = 0; k < f->n_fields; k++) {
		struct ui_field *fl = &f->fields[k];
		fl->cursor = strlen(fl->text);
		fl->scroll = 0;
		fl->msg[0] = fl->find[0] = '\0';
		fl->y = -1;
	}
	f->focus = 0;
	while (f->focus + 1 < f->n_fields && f->fields[f->focus].read_only)
		f->focus++;
	f->msg[0] = '\0';
	u->form = f;
	u->msg[0] = '\0';
	/* raw: Ctrl-S comes to the form instead of stopping the terminal;
	 * blocking: nothing is reloaded under a form being filled in */
	raw();
	wtimeout(stdscr, -1);
	while (!done) {
		wint_t wc;
		int rc;

		ui_draw(u);
		rc = wget_wch(stdscr, &wc);
		if (rc == ERR) {
			if (++errs >= MAX_ERRS) {
				u->lost = true; /* the loop leaves too */
				break;
			}
			continue;
		}
		errs = 0;
		if (rc == KEY_CODE_YES)
			done = function_key(u, f, (int)wc, &saved);
		else
			done = char_key(u, f, (wchar_t)wc, &saved);
	}
	u->form = NULL;
	if (!saved)
		ui_message(u, false, "%s", _("Cancelled: nothing changed"));
	curs_set(0);
	noraw();
	cbreak();
	wtimeout(stdscr, delay);
	return saved;
}
