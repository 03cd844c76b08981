/* ui: the ncurses TUI (SPEC §5). ui_*.c are the only files that call curses.
 * Views draw from the app's dataset and computed figures; they hold ids and
 * indexes, never pointers that a reload may move. */
#ifndef WIJKLAST_UI_H
#define WIJKLAST_UI_H

#include <stdbool.h>

struct app;
struct err;

/* Run the TUI until the user quits. Requires stdin and stdout to be
 * terminals (the caller checks). Returns 0, or -1 with e set. */
int ui_run(struct app *a, bool color, struct err *e);

/* The name of the i-th action of the key table (as the config's keys
 * group names it: settings_key_actions); NULL past the last. */
const char *ui_key_action(size_t i);

#endif
