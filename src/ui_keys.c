/* ui_keys: the key table — what each key does in each view, the config's
 * keys group over the defaults — and the labels of keys the tabs, the
 * status line and the help show. The views bring their own entries: the
 * key that shows each (its ops), and the actions only they do. */
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "settings.h"
#include "ui_internal.h"

#define UI_CTRL(c) ((c) & 0x1f)
#define UI_KEY_ESC 27
#define UI_KEYS_MAX 16 /* curses codes of one action */

/* The key table: one entry per action, its name in the config's keys group
 * (settings_key_action lists the same names), its default keys and the
 * help text. The keys in force — these, with the config's overrides — are
 * looked up in keys_of, and the help screen lists them (what the view it
 * was opened from does: ui_action_active); so do the view tabs and the
 * status line's hints. */
struct ui_binding {
	enum ui_action action;
	const char *name;
	int keys[8]; /* 0-terminated */
	const char *help;
};

static const struct ui_binding fixed[] = {
	{ UI_ACT_UP, "up", { KEY_UP, 'k' }, N_("Move up") },
	{ UI_ACT_DOWN, "down", { KEY_DOWN, 'j' }, N_("Move down") },
	{ UI_ACT_PAGE_UP, "page_up", { KEY_PPAGE, UI_CTRL('b') },
	    N_("Page up") },
	{ UI_ACT_PAGE_DOWN, "page_down", { KEY_NPAGE, UI_CTRL('f'), ' ' },
	    N_("Page down") },
	{ UI_ACT_TOP, "top", { 'g', KEY_HOME }, N_("First row") },
	{ UI_ACT_BOTTOM, "bottom", { 'G', KEY_END }, N_("Last row") },
	{ UI_ACT_LEFT, "left", { KEY_LEFT, 'h' },
	    N_("Left (Team view: back; Trend: previous week)") },
	{ UI_ACT_RIGHT, "right", { KEY_RIGHT, 'l' },
	    N_("Right (Overview: open the team; Trend: next week)") },
	{ UI_ACT_OPEN, "open", { '\n', '\r', KEY_ENTER },
	    N_("Open; Planner: apply or move; Employee, Cases: edit") },
	{ UI_ACT_BACK, "back", { UI_KEY_ESC, KEY_BACKSPACE, 127, 8 },
	    N_("Back (Planner: first drop the proposal)") },
	{ UI_ACT_WEEK_PREV, "week_prev", { '[' }, N_("Previous week") },
	{ UI_ACT_WEEK_NEXT, "week_next", { ']' }, N_("Next week") },
	{ UI_ACT_WEEK_TODAY, "week_today", { 't' }, N_("This week") },
	{ UI_ACT_SORT_NEXT, "sort_next", { 's', '>' },
	    N_("Team: sort by the next column (to the right)") },
	{ UI_ACT_SORT_PREV, "sort_prev", { '<' },
	    N_("Team: sort by the previous column (to the left)") },
	{ UI_ACT_SORT_REVERSE, "sort_reverse", { 'S' },
	    N_("Team: reverse the sort order") },
	{ UI_ACT_NEXT_VIEW, "next_view", { '\t' }, N_("Next view") },
	/* the views' own, from the view table, go here */
	{ UI_ACT_VIEW, NULL, { 0 }, NULL },
	{ UI_ACT_RANGE_WIDER, "range_wider", { '+', '=' },
	    N_("Trend: more weeks") },
	{ UI_ACT_RANGE_NARROWER, "range_narrower", { '-', '_' },
	    N_("Trend: fewer weeks") },
	{ UI_ACT_RELOAD, "reload", { 'r', UI_CTRL('l') },
	    N_("Reload and redraw (Planner: and propose a plan)") },
	{ UI_ACT_APPLY, "apply", { 'a' }, N_("Planner: apply the proposal") },
	{ UI_ACT_MOVE, "move", { 'm' },
	    N_("Planner: give the block to someone else") },
	{ UI_ACT_LOCK, "lock", { 'L' },
	    N_("Planner: lock or unlock the block") },
	{ UI_ACT_UNDO, "undo", { 'u' }, N_("Undo the last change") },
	{ UI_ACT_REDO, "redo", { UI_CTRL('r') }, N_("Redo what was undone") },
	/* the views' own keys before the ones they shadow (e: edit, not
	 * export) */
	{ UI_ACT_ADD_BLOCK, "add_block", { '+' },
	    N_("Planner: add an intake block") },
	{ UI_ACT_ADD, "add", { 'a' },
	    N_("Add a team, employee or case (Employee: to the section of "
	    "the selected row)") },
	{ UI_ACT_EDIT, "edit", { 'e' },
	    N_("Edit the selected row (Planner: the team's intake rota)") },
	{ UI_ACT_END, "end", { 'x' },
	    N_("End: an employee's contract; a side activity or absence (a "
	    "case: close it)") },
	{ UI_ACT_DELETE, "delete", { 'd' },
	    N_("Delete the side activity, absence or intake block") },
	{ UI_ACT_COVER, "cover", { 'o' },
	    N_("Team, Employee: hand over their blocks and cases while they "
	    "are away; give them back on their return") },
	{ UI_ACT_SHOW_CASES, "show_cases", { 'c' },
	    N_("Employee: their cases in the Cases view") },
	{ UI_ACT_FILTER, "filter", { '/' },
	    N_("Cases: filter by field:value terms or words") },
	{ UI_ACT_PHASE, "phase", { 'f' }, N_("Cases: on to the next phase") },
	{ UI_ACT_CLOSE, "close", { 'c' }, N_("Cases: close the case") },
	{ UI_ACT_MOVE_CASE, "move_case", { 'm' },
	    N_("Cases: move the case to a colleague or the waiting list") },
	{ UI_ACT_EXPORT, "export", { 'E' },
	    N_("Export the weekly summary (csv, json, md, xlsx, html)") },
	{ UI_ACT_IMPORT, "import", { 'I' },
	    N_("Import a file of teams, employees, cases, …: checked first, "
	    "undone as one change") },
	{ UI_ACT_HELP, "help", { '?', KEY_F(1) }, N_("This help") },
	{ UI_ACT_QUIT, "quit", { 'q' },
	    N_("Quit (in the other views: back)") },
	{ UI_ACT_QUIT_NOW, "quit_now", { 'Q' }, N_("Quit at once") },
};

#define N_FIXED (sizeof fixed / sizeof fixed[0])

/* The table in force: the fixed entries with the views' in their place. */
static struct ui_binding all[N_FIXED + UI_VIEWS_MAX];
static size_t n_all;
static const struct ui_view_ops *const *views;
static int n_views;

/* The keys in force per entry of all, 0-terminated (set_keys). */
static int keys_of[N_FIXED + UI_VIEWS_MAX][UI_KEYS_MAX + 1];

/* The entries of the views of table v (n of them) and the fixed ones, in
 * order, into out: their count. */
static size_t
entries(const struct ui_view_ops *const *v, int n, struct ui_binding *out)
{
	size_t k = 0;

	for (size_t i = 0; i < N_FIXED; i++) {
		if (fixed[i].action != UI_ACT_VIEW) {
			out[k++] = fixed[i];
			continue;
		}
		for (int j = 0; j < n && j < UI_VIEWS_MAX; j++) {
			struct ui_binding b = { (enum ui_action)(UI_ACT_VIEW +
			    j), v[j]->key_name, { 0 }, v[j]->help };
			for (int c = 0; c < 4 && v[j]->keys[c] != 0; c++)
				b.keys[c] = v[j]->keys[c];
			out[k++] = b;
		}
	}
	return k;
}

const char *
ui_keys_name(const struct ui_view_ops *const *v, int n, size_t i)
{
	static struct ui_binding names[N_FIXED + UI_VIEWS_MAX];
	size_t count = entries(v, n, names);

	return i < count ? names[i].name : NULL;
}

bool
ui_action_active(enum ui_action act, int view)
{
	bool someone = false;

	if (act >= UI_ACT_VIEW)
		return true;
	for (int v = 0; v < n_views; v++)
		for (const enum ui_action *a = views[v]->actions;
		     a != NULL && *a != UI_ACT_NONE; a++)
			if (*a == act) {
				if (v == view)
					return true;
				someone = true;
			}
	return !someone;
}

enum ui_action
ui_key_action_in(int view, int ch)
{
	for (size_t i = 0; i < n_all; i++)
		for (const int *k = keys_of[i];
		     *k != 0 && ui_action_active(all[i].action, view); k++)
			if (*k == ch)
				return all[i].action;
	return UI_ACT_NONE;
}

const char *
ui_key_in(enum ui_action act, int view, char *buf, size_t size)
{
	for (size_t i = 0; i < n_all; i++) {
		if (all[i].action != act)
			continue;
		for (const int *k = keys_of[i]; *k != 0; k++)
			if (ui_key_action_in(view, *k) == act)
				return ui_key_label(*k, buf, size);
	}
	return NULL;
}

const char *
ui_key(const struct ui *u, enum ui_action act, char *buf, size_t size)
{
	const char *k = ui_key_in(act, (int)u->view, buf, size);

	for (size_t i = 0; k == NULL && i < n_all; i++)
		if (all[i].action == act)
			k = all[i].name;
	return k != NULL ? k : "?";
}

const char *
ui_key_label(int k, char *buf, size_t size)
{
	switch (k) {
	case KEY_UP:
		return ui_glyph("↑", "Up");
	case KEY_DOWN:
		return ui_glyph("↓", "Down");
	case KEY_LEFT:
		return ui_glyph("←", "Left");
	case KEY_RIGHT:
		return ui_glyph("→", "Right");
	case KEY_PPAGE:
		return "PgUp";
	case KEY_NPAGE:
		return "PgDn";
	case KEY_HOME:
		return "Home";
	case KEY_END:
		return "End";
	case '\n':
	case '\r':
	case KEY_ENTER:
		return "Enter";
	case UI_KEY_ESC:
		return "Esc";
	case KEY_BACKSPACE:
	case 127:
	case 8:
		return "Backspace";
	case '\t':
		return "Tab";
	case ' ':
		return _("Space");
	case KEY_BTAB:
		return "BackTab";
	case KEY_IC:
		return "Ins";
	case KEY_DC:
		return "Del";
	}
	if (k >= KEY_F(1) && k <= KEY_F(24))
		snprintf(buf, size, "F%d", k - KEY_F0);
	else if (k > 0 && k < 32)
		snprintf(buf, size, "Ctrl-%c", k + '@');
	else if (k > 32 && k < 127)
		snprintf(buf, size, "%c", k);
	else
		snprintf(buf, size, "%s", keyname(k) ? keyname(k) : "?");
	return buf;
}

/* "↑ k" for the keys in force of entry b: each distinct label once. */
static char *
binding_keys(size_t b, char *buf, size_t size)
{
	const int *keys = keys_of[b];
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < UI_KEYS_MAX && keys[i] != 0; i++) {
		char one[32];
		const char *l = ui_key_label(keys[i], one, sizeof one);
		bool seen = false;
		for (int j = 0; j < i; j++) {
			char other[32];
			if (strcmp(ui_key_label(keys[j], other, sizeof other),
			        l) == 0)
				seen = true;
		}
		if (seen)
			continue;
		len += snprintf(buf + len, size - len, "%s%s", len ? " " : "",
		    l);
		if (len >= size)
			break;
	}
	return buf;
}

size_t
ui_keys_help(int view, size_t first, size_t max, char keys[][64],
    const char **help)
{
	size_t k = 0, seen = 0;

	for (size_t i = 0; i < n_all && k < max; i++) {
		if (!ui_action_active(all[i].action, view) || seen++ < first)
			continue;
		binding_keys(i, keys[k], sizeof keys[k]);
		help[k++] = all[i].help;
	}
	return k;
}

size_t
ui_keys_help_count(int view)
{
	size_t n = 0;

	for (size_t i = 0; i < n_all; i++)
		n += ui_action_active(all[i].action, view);
	return n;
}

const char *
ui_view_key(int v, char *buf, size_t size)
{
	for (size_t i = 0; i < n_all; i++)
		if (all[i].action == (enum ui_action)(UI_ACT_VIEW + v) &&
		    keys_of[i][0] != 0)
			return ui_key_label(keys_of[i][0], buf, size);
	return NULL;
}

/* The curses codes of a key of the config (enum settings_key) into out;
 * their count. */
static int
curses_keys(int key, int out[3])
{
	static const int named[][2] = {
		{ SETTINGS_KEY_BACKTAB, KEY_BTAB },
		{ SETTINGS_KEY_UP, KEY_UP },
		{ SETTINGS_KEY_DOWN, KEY_DOWN },
		{ SETTINGS_KEY_LEFT, KEY_LEFT },
		{ SETTINGS_KEY_RIGHT, KEY_RIGHT },
		{ SETTINGS_KEY_PAGE_UP, KEY_PPAGE },
		{ SETTINGS_KEY_PAGE_DOWN, KEY_NPAGE },
		{ SETTINGS_KEY_HOME, KEY_HOME },
		{ SETTINGS_KEY_END, KEY_END },
		{ SETTINGS_KEY_INSERT, KEY_IC },
		{ SETTINGS_KEY_DELETE, KEY_DC },
	};

	if (key == SETTINGS_KEY_ENTER) { /* as the terminal may send it */
		out[0] = '\r', out[1] = '\n', out[2] = KEY_ENTER;
		return 3;
	}
	if (key == SETTINGS_KEY_BACKSPACE) {
		out[0] = KEY_BACKSPACE, out[1] = 127, out[2] = 8;
		return 3;
	}
	out[0] = key > SETTINGS_KEY_F0 ? KEY_F(key - SETTINGS_KEY_F0) : key;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i][0] == key)
			out[0] = named[i][1];
	return 1;
}

/* Do actions a and b both work in some view? */
static bool
share_a_view(enum ui_action a, enum ui_action b)
{
	for (int v = 0; v < n_views; v++)
		if (ui_action_active(a, v) && ui_action_active(b, v))
			return true;
	return false;
}

/* Take key away from the bindings that work in a view with the one at
 * keep; in the other views it goes on doing what it did. */
static void
unbind(int key, size_t keep)
{
	for (size_t i = 0; i < n_all; i++) {
		int *k = keys_of[i], n = 0;

		if (i == keep ||
		    !share_a_view(all[i].action, all[keep].action))
			continue;
		for (int j = 0; k[j] != 0; j++)
			if (k[j] != key)
				k[n++] = k[j];
		k[n] = 0;
	}
}

/* The keys in force: the defaults, with the config's keys group over them
 * (a key it gives an action is taken from the actions that had it in the
 * views where that action works). */
static void
set_keys(const struct settings *s)
{
	for (size_t i = 0; i < n_all; i++) {
		memset(keys_of[i], 0, sizeof keys_of[i]);
		for (int j = 0; j < 8 && all[i].keys[j] != 0; j++)
			keys_of[i][j] = all[i].keys[j];
	}
	for (size_t b = 0; b < s->n_bindings; b++) {
		size_t i, n = 0;

		for (i = 0; i < n_all &&
		    strcmp(all[i].name, s->bindings[b].action) != 0; i++)
			;
		if (i == n_all)
			continue; /* a name settings knows: ui_render checks */
		memset(keys_of[i], 0, sizeof keys_of[i]);
		for (const int *k = s->bindings[b].keys; *k != 0; k++) {
			int codes[3], nc = curses_keys(*k, codes);
			for (int c = 0; c < nc && n < UI_KEYS_MAX; c++) {
				unbind(codes[c], i);
				keys_of[i][n++] = codes[c];
			}
		}
	}
}

void
ui_keys_start(const struct ui *u, const struct settings *s)
{
	views = u->views;
	n_views = u->n_views;
	n_all = entries(views, n_views, all);
	set_keys(s);
}
