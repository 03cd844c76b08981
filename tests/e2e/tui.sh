#!/bin/sh
# The TUI end to end, driven through a private tmux server (NOTES.md): the
# Overview and its symbols, a Team view with its sort keys and where its
# list is, week steps, resizing down to "too small", help, quitting; then
# once without colour, once in Dutch (tab names too), once with an unknown
# TERM; and the refusal without a terminal. tests/run-all runs it from a
# scratch folder with $WIJKLAST set; every wait is bounded.
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
# the weeks as the program sees them, on whatever day this runs (the real
# clock, or WIJKLAST_TODAY in the calendar sweep)
week_of() {
	"$WIJKLAST" report --db ./demo.db --week "$1" --format json |
	    sed -n 's/^  "week": "\([^"]*\)".*/\1/p'
}
this_week=$(week_of current)
next_week=$(week_of next)
[ -n "$this_week" ] && [ -n "$next_week" ] || fail "no week from report"
# the first employee of the first team, as the report lists them
member=$("$WIJKLAST" report --db ./demo.db --team CEN |
    awk '$1 == "CEN01" { print $2; exit }')
[ -n "$member" ] || fail "no employee CEN01 in the demo's report"

# --- no terminal: refused with status 64 and a message
"$WIJKLAST" --db ./demo.db </dev/null >./out 2>./err
rc=$?
[ "$rc" -eq 64 ] || fail "without a terminal: status $rc, want 64"
[ -s ./err ] || fail "without a terminal: no message"

# --- colour, English, 100x30
start 100 30
for team in Centrum Noord Oost Zuid West Glanerbrug Stroinkslanden \
    Wesselerbrink Twekkelerveld "Huiselijk Geweld"; do
	wait_for "$team"
done
wait_for "$this_week"
wait_for "(this week)"
wait_for "City total"
wait_for "Press ? for help"
screen -e | grep -Eq "$esc\\[([0-9;]*;)?3[1-4](;[0-9;]*)?m" ||
    fail "no status colours on the screen"
# each symbol means one thing: "!" a team in sustained overload, the Long
# column its members so, zero a blank, the waiting list cases / hours
wait_for " Long "
wait_for "! team, Long: members OVER 4 weeks running"
wait_re "[0-9]+ / [0-9]+\\.[0-9] h\$"
hides "·" || fail "a · on the Overview"

# selection follows the cursor and survives a week change
wait_selected "CEN "
keys j
wait_selected "NRD "
keys ']'
wait_for "$next_week"
wait_gone "(this week)"
wait_selected "NRD "
keys '['
wait_for "$this_week"
wait_for "(this week)"
keys k
wait_selected "CEN "

# mouse: a click selects a row; a click on a tab switches views
click 5 "$(($(screen | grep -n 'WST ' | cut -d: -f1) - 1))"
wait_selected "WST "
title=$(screen | head -n 1)
before_tab=${title%%2 Team*}
click "${#before_tab}" 0
wait_for "West · "
keys 1
wait_for "City total"
keys g
wait_selected "CEN "

# the Team view
keys Enter
wait_for "Team total"
for col in Employee FTE Cap. Cases Intake Side Status "sorted by load"; do
	wait_for "$col"
done
wait_for "Waiting list:"
if ! screen | grep -qF -- "$member"; then
	keys G # the list may be longer than the screen
	wait_for "$member"
	keys g
fi
keys s
wait_for "sorted by status"
keys S
wait_for "ascending"
# < and > move the sort column left and right
keys '<'
wait_for "Sorted by load, descending"
keys '<'
wait_for "Sorted by demand, descending"
keys ']'
wait_for "$next_week"
wait_for "Team total"
keys '['
wait_for "$this_week"

# resize: 80x24 relayouts, 40x10 is too small, and back
tmux -S "$sock" resize-window -t tui -x 80 -y 24
wait_for "Team total"
wait_for "$this_week"
# rows below the screen: the rule under the list says where it is
wait_re "─ [0-9]+/[0-9]+ (↑|↓|↑↓) ─"
keys G
wait_re "─ ([0-9]+)/\\1 ↑ ─"
keys g
wait_re "─ 1/[0-9]+ ↓ ─"
# the sort keys pass over Demand, a column 80 columns leave out
wait_gone "Demand"
keys '>'
wait_for "Sorted by load"
keys '<'
wait_for "Sorted by side-activity hours"
keys s
wait_for "Sorted by load"
tmux -S "$sock" resize-window -t tui -x 40 -y 10
wait_for "Terminal too small"
wait_for "have 40×10"
tmux -S "$sock" resize-window -t tui -x 100 -y 30
wait_gone "Terminal too small"
wait_for "Team total"

# help from the key table: it may take two pages; then any key closes it
keys '?'
wait_for "Previous week"
if shows "Space: more"; then
	keys Space
fi
wait_for "Press any key to close the help"
keys x
wait_gone "Press any key to close the help"
wait_for "Team total"

# q leaves the Team view, then quits
keys q
wait_for "City total"
keys q
wait_for "EXIT=0"

# --- NO_COLOR: the same screen without colour
start 80 24 NO_COLOR=1
wait_for "Huiselijk Geweld"
wait_for "OVER"
screen -e | grep -Eq "$esc\\[([0-9;]*;)?3[0-7](;[0-9;]*)?m" &&
    fail "colours on the screen with NO_COLOR=1"
keys Enter
wait_for "Team total"
keys Escape
wait_for "City total"
keys q
wait_for "EXIT=0"

# --- Dutch: gettext honours LANGUAGE=nl with LANG=C.UTF-8
start_dutch 80 24
wait_for "Overzicht"
wait_for "Totaal stad"
wait_for "Druk op ? voor hulp"
wait_for "(deze week)"
wait_re "[0-9]+ / [0-9]+,[0-9] u\$"
wait_for "! team 4 weken op rij OVER"
keys Enter
wait_for "Medewerker"
wait_for "Totaal team"
wait_for "Wachtlijst:"
# the Cases tab has a name of its own, not the column's "Casus"
keys 5
wait_for "5 Casussen"
keys 2
wait_for "Totaal team"
keys q
wait_for "Totaal stad"
keys q
wait_for "EXIT=0"

# --- an unknown terminal type: a message, no crash
start 80 24 TERM=no-such-terminal
wait_for "EXIT=1"
grep -q "cannot open terminal: TERM=no-such-terminal" ./tui.err ||
    fail "no 'cannot open terminal' message"

# whatever the program wrote to stderr (sanitizer reports: run-all checks)
cat ./tui.err
echo "tui: all checks passed"
